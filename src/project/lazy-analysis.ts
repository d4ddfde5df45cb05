// The Python analysers a project scan needs only when some file is to be analysed: the tree-sitter runtime and
// grammar, the per-file analysis, the whole-program pass and the worker pool. A scan whose files are all unchanged
// since the cached record, or that has no Python file, never loads them (in the CLI script they are initialised on
// first import, see scripts/cli-script.mjs).
export type PythonAnalysis = typeof import("./python-analysis.js");

let loading: Promise<PythonAnalysis> | undefined;

/** The analysers' module, imported once. */
export function pythonAnalysis(): Promise<PythonAnalysis> {
  return (loading ??= import("./python-analysis.js"));
}
