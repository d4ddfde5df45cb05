// The project-scan hook of Jupyter notebooks: each `.ipynb` file's code cells are read as one Python text (see
// `languages/python/notebook.ts`), analysed by the scan's Python rules on their own (a notebook is not a module
// other code imports), and every location is put back on the notebook's own lines, with the cell named in the
// message. Results are remembered in the cache: by the notebooks' stamps for the whole set, and by content per
// notebook.
import { appendAll } from "../core/arrays.js";
import type { Finding, ScanError } from "../core/types.js";
import { relocateError, relocateFinding } from "../core/relocate.js";
import { analyzePython, SinkIndex, type FileAnalysis } from "../languages/python/analyze.js";
import { readNotebook, type NotebookPython } from "../languages/python/notebook.js";
import type { PythonRule } from "../rules/rule.js";
import { filesKey, isResults, type AnalysisCache } from "./cache.js";
import type { DiscoveredFile } from "./discover.js";
import { loadPythonParser } from "./python-parser.js";
import { readWithin } from "./read-source.js";
import { normalizeIdentifiers } from "../languages/python/source-text.js";

export interface NotebooksResult {
  findings: Finding[];
  errors: ScanError[];
  /** Notebooks read as Python. */
  scanned: number;
}

export interface NotebookScanOptions {
  rules: () => Promise<PythonRule[]>;
  maxBytes: number;
  timeBudgetMs?: number;
  cache?: AnalysisCache;
  /** The scan root and start, for remembering results by the files' stamps. */
  root: string;
  startedMs: number;
  onSourceRead?: (file: { relPath: string; absPath: string }, bytes: Uint8Array) => void;
}

/** The cache's part name of the notebooks' results. */
const NOTEBOOKS_PART = "notebooks";

export async function scanNotebooks(files: readonly DiscoveredFile[], options: NotebookScanOptions): Promise<NotebooksResult> {
  const slot = JSON.stringify([options.root, options.maxBytes, options.timeBudgetMs ?? null]);
  const key = options.cache && !options.onSourceRead ? filesKey(files, () => "", options.startedMs, slot) : undefined;
  const known = key ? (options.cache!.entry(NOTEBOOKS_PART, slot) as { filesKey?: unknown; scanned?: unknown } | undefined) : undefined;
  if (key && known?.filesKey === key && typeof known.scanned === "number" && isResults(known)) {
    return { findings: known.findings, errors: known.errors, scanned: known.scanned };
  }
  const result: NotebooksResult = { findings: [], errors: [], scanned: 0 };
  const rules = await options.rules();
  const index = new SinkIndex(rules);
  const parser = await loadPythonParser();
  for (const file of files) {
    const bytes = readWithin(file, options.maxBytes, result.errors);
    if (!bytes) continue;
    options.onSourceRead?.(file, bytes);
    let read: ReturnType<typeof readNotebook>;
    try {
      read = readNotebook(bytes.toString("utf8").replace(/^\uFEFF/, ""));
    } catch (e) {
      // The JSON reader recurses into nested values: a hostile file nested deeply enough exhausts the stack.
      const message = e instanceof RangeError ? "the notebook's JSON is nested too deeply to read" : `the notebook could not be read: ${(e as Error).message ?? e}`;
      result.errors.push({ file: file.relPath, kind: e instanceof RangeError ? "too-deep" : "syntax", level: "warning", message: `${message}; skipped` });
      continue;
    }
    if ("notPython" in read) continue;
    if ("problem" in read) {
      result.errors.push({ file: file.relPath, kind: "syntax", level: "warning", message: `${read.problem}; skipped` });
      continue;
    }
    result.scanned++;
    const input = { path: file.relPath, source: normalizeIdentifiers(read.python.source), moduleName: "__main__" };
    const cached = options.cache?.get(input, NOTEBOOKS_PART);
    let analysis: FileAnalysis;
    try {
      analysis = cached ?? analyzePython(parser, input, index, { wholeFile: true, ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}) });
    } catch (e) {
      result.errors.push({ file: file.relPath, kind: "internal", level: "error", message: `internal error while analysing the notebook's code cells: ${(e as Error).message ?? e}` });
      continue;
    }
    if (!cached) options.cache?.set(input, { findings: analysis.findings, errors: analysis.errors, parsed: analysis.parsed }, NOTEBOOKS_PART);
    appendAll(result.findings, analysis.findings.map((f) => onNotebook(f, file.relPath, read.python)));
    appendAll(result.errors, analysis.errors.map((e) => errorOnNotebook(e, file.relPath, read.python)));
  }
  if (key) options.cache!.setEntry(NOTEBOOKS_PART, slot, { filesKey: key, ...result });
  return result;
}

/** A finding on the notebook's Python text, on the notebook's lines, naming the cell. */
function onNotebook(finding: Finding, path: string, notebook: NotebookPython): Finding {
  const cell = notebook.cellOf(finding.location.line);
  return relocateFinding(finding, path, notebook.position, cell ? `${finding.message} (notebook cell ${cell.cell}, line ${cell.cellLine})` : finding.message);
}

function errorOnNotebook(error: ScanError, path: string, notebook: NotebookPython): ScanError {
  const cell = error.line === undefined ? undefined : notebook.cellOf(error.line);
  return relocateError(error, path, notebook.position, cell ? `${error.message} (notebook cell ${cell.cell}, line ${cell.cellLine})` : error.message);
}
