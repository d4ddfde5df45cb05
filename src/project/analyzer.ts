import type { FileAnalysis, PythonFile } from "../languages/python/analyze.js";

/** Runs the Python engine on files, in this thread or in workers. */
export interface PythonAnalyzer {
  analyze(file: PythonFile): Promise<FileAnalysis>;
  /** Worker threads running (0: every file is analysed on this thread). */
  readonly workers: number;
  /**
   * Sends a request of `kind` to the least busy worker, which answers it with a handler of that kind (see the
   * handlers in worker.ts) and its warm parser and rule index: the answer, by structured clone. Fails when no
   * worker runs, the worker has no such handler, or the handler throws.
   */
  request(kind: string, payload: unknown): Promise<unknown>;
  /** Ends the workers. */
  close(): Promise<void>;
}

/** A crash in the engine on one input is reported as an error for that file; the scan goes on. */
export function analyzeSafely(run: () => FileAnalysis, path: string): FileAnalysis {
  try {
    return run();
  } catch (e) {
    return {
      findings: [],
      parsed: false,
      errors: [{ file: path, kind: "internal", level: "error", message: `internal error while analysing: ${(e as Error).message ?? e}` }],
    };
  }
}
