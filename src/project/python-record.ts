// What a scan of a project's Python files leaves in the cache for the next one: per file, its stamp (see
// `DiscoveredFile.stamp`), module name, a digest of its module summary, whether the whole-program pass analysed it
// again, and its final findings and warnings; and every set of project modules that led to a sink in that pass.
// A re-scan reads and analyses only the files whose stamps changed, and keeps every other file's results when the
// changed files cannot change the whole-program pass: their summaries are the same, the pass did not analyse them
// again, and they refer to none of the modules that led to a sink. Otherwise the whole pass runs again.
import type { Finding, ScanError } from "../core/types.js";
import type { ModuleSummary } from "../languages/python/project-index.js";
import { isResults } from "./cache.js";
import { sha256 } from "./digest.js";
import type { DiscoveredFile } from "./discover.js";

export interface FileRecord {
  /** The stamp's key, or "" when it could not be trusted (the file changed just before the scan). */
  stamp: string;
  module: string;
  /** See `summaryDigest`. */
  summary: string;
  redone: boolean;
  findings: Finding[];
  errors: ScanError[];
}

export interface PythonRecord {
  files: Record<string, FileRecord>;
  /** The sink-leading modules of each round of the whole-program pass, with their sink-leading exports. */
  leading: [string, string[]][][];
}

/** The record's part name in the cache (see `AnalysisCache.entry`). */
export const PYTHON_RECORD = "python";

/** A remembered record of the expected shape, or undefined. */
export function asPythonRecord(value: unknown): PythonRecord | undefined {
  const v = value as Partial<PythonRecord> | null | undefined;
  if (!v || typeof v.files !== "object" || v.files === null || !Array.isArray(v.leading)) return undefined;
  for (const [path, f] of Object.entries(v.files)) {
    if (typeof f?.stamp !== "string" || typeof f.module !== "string" || typeof f.summary !== "string" || typeof f.redone !== "boolean" || !isResults(f)) return undefined;
    if (f.findings.some((x) => x.location.file !== path)) return undefined;
  }
  const validRound = (round: unknown) => Array.isArray(round) && round.every((e) => Array.isArray(e) && typeof e[0] === "string" && Array.isArray(e[1]) && e[1].every((n: unknown) => typeof n === "string"));
  if (!v.leading.every(validRound)) return undefined;
  return v as PythonRecord;
}

/** What the whole-program pass reads of a file's own analysis: its module summary. */
export function summaryDigest(summary: ModuleSummary | undefined): string {
  return summary ? sha256().update(JSON.stringify(summary)).digest("hex") : "";
}

/**
 * Which files changed since `record`, by stamp; undefined when the record cannot serve this scan: a file is gone or
 * its module name changed (the project's layout changed).
 */
export function changedFiles(record: PythonRecord, files: readonly DiscoveredFile[], modules: readonly string[]): DiscoveredFile[] | undefined {
  const present = new Set<string>();
  const changed: DiscoveredFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    present.add(f.relPath);
    const known = record.files[f.relPath];
    if (known && known.module !== modules[i]) return undefined;
    if (!known || !known.stamp || known.stamp !== f.stamp?.key) changed.push(f);
  }
  for (const path of Object.keys(record.files)) if (!present.has(path)) return undefined;
  return changed;
}
