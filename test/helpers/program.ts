// A small project given as path -> text, in the form the whole-program pass takes it (module names from the paths:
// `app/util.py` is `app.util`), and each file's first-pass analysis.
import { analyzePython, type FileAnalysis, type SinkIndex } from "../../src/languages/python/analyze.js";
import type { PythonParser } from "../../src/languages/python/parser.js";
import type { ProgramFile } from "../../src/project/whole-program.js";

export function programFiles(files: Readonly<Record<string, string>>): ProgramFile[] {
  return Object.entries(files).map(([path, text]) => ({ path, moduleName: path.replace(/\.py$/, "").replace(/\//g, "."), text, length: text.length, source: () => text }));
}

export function firstPassOf(parser: PythonParser, sinks: SinkIndex, files: readonly ProgramFile[]): Map<string, FileAnalysis> {
  return new Map(files.map((f) => [f.path, analyzePython(parser, { path: f.path, source: f.text, moduleName: f.moduleName }, sinks)]));
}
