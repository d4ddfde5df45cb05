import { mkdir, writeFile } from "node:fs/promises";
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
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new OutputError(`cannot write output file ${path}: ${err.code ?? err.message}`);
  }
}
