// Helpers for tests that run the real CLI on real files in temporary directories.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { main } from "../../../src/cli/main.js";

const BIN = join(import.meta.dirname, "..", "..", "..", "..", "bin", "pathfinder.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Added to the environment; colour variables are removed unless given here. */
  env?: Record<string, string>;
}

function environment(options: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return { ...env, ...options.env };
}

/** Runs `node bin/pathfinder.js ...args` in a child process. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const env = environment(options);
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A temporary directory holding `files` (path -> content); remove it with `cleanup`. */
export function tempTree(files: Record<string, string | Uint8Array>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "pathfinder-test-"));
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs the same CLI entry point in this process (much cheaper than a child process); stdout is not a TTY. */
export async function runMain(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const capture = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    return { stream, text: () => chunks.join("") };
  };
  const out = capture();
  const err = capture();
  const code = await main(args, { stdout: out.stream, stderr: err.stream, env: environment(options), cwd: options.cwd ?? process.cwd() });
  return { code, stdout: out.text(), stderr: err.text() };
}
