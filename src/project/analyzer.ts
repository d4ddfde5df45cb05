import type { FileAnalysis, PythonFile } from "../languages/python/analyze.js";

/** Runs the Python engine on files, in this thread or in workers. */
export interface PythonAnalyzer {
  analyze(file: PythonFile): Promise<FileAnalysis>;
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
