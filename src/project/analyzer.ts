import { analyzePython, SinkIndex, type FileAnalysis, type PythonFile } from "../languages/python/analyze.js";
import type { PythonRule } from "../rules/rule.js";
import { loadPythonParser } from "./python-parser.js";

/** Runs the Python engine on files, in this thread or in workers. */
export interface PythonAnalyzer {
  analyze(file: PythonFile): Promise<FileAnalysis>;
  close(): Promise<void>;
}

export async function inProcessAnalyzer(rules: readonly PythonRule[]): Promise<PythonAnalyzer> {
  const parser = await loadPythonParser();
  const index = new SinkIndex(rules);
  return {
    analyze: async (file) => analyzeSafely(() => analyzePython(parser, file, index), file.path),
    close: async () => {},
  };
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
