import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { CliIo } from "./command.js";

export class OutputError extends Error {}

/** Writes the report to `file` (relative to cwd) or stdout. An unwritable file is a runtime error (exit 2). */
export async function writeOutput(text: string, file: string | undefined, io: CliIo): Promise<void> {
  if (!file || file === "-") {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, file);
  // Synchronous: the CLI has nothing else to do meanwhile, and the thread pool's three round trips (open, write,
  // close) cost a warm re-scan more than the write itself.
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new OutputError(`cannot write output file ${path}: ${err.code ?? err.message}`);
  }
}
