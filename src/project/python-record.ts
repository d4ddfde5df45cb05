// What a scan of a project's Python files leaves in the cache for the next one: per file, its stamp (see
// `DiscoveredFile.stamp`), module name, a digest of its module summary, whether the whole-program pass analysed it
// again, and its final findings and warnings; and every set of project modules that led to a sink in that pass.
// A re-scan reads and analyses only the files whose stamps changed, and keeps every other file's results when the
// changed files cannot change the whole-program pass: their summaries are the same, the pass did not analyse them
// again, and they refer to none of the modules that led to a sink. Otherwise the whole pass runs again.
//
// The record is laid out for the re-scan of an unchanged tree, which only checks it: the files' paths and module
// names each in one string, their stamps in one array of numbers, in the scan's order of the files. The check is
// two string comparisons and one pass over the numbers, and reading the record makes no object per file (the
// per-file objects of the layout before cost a warm re-scan of the standard library about 10 ms of parsing,
// checking and garbage collection).
import { appendAll } from "../core/arrays.js";
import type { Finding, ScanError } from "../core/types.js";
import type { ModuleSummary } from "../languages/python/project-index.js";
import { isResults } from "./cache.js";
import { sha256 } from "./digest.js";
import type { DiscoveredFile, FileStamp } from "./discover.js";

export interface PythonRecord {
  /** The files' relative paths, in the scan's order, joined by NUL (which no path holds). */
  paths: string;
  /** Their module names, the same way. */
  modules: string;
  /** Per file, its stamp's size, mtimeMs, ctimeMs and ino; a size of -1 for a stamp that could not be trusted. */
  stamps: number[];
  /** Per file, its summary's digest (see `summaryDigest`), joined by NUL. */
  summaries: string;
  /** Per file, "1" when the whole-program pass analysed it again, else "0". */
  redone: string;
  /**
   * The findings and warnings of each file that has any, by its index; an index one past the last file holds those
   * about no scanned file (they cannot be kept for a file, so such a record serves no later scan).
   */
  results: [number, Finding[], ScanError[]][];
  /** The sink-leading modules of each round of the whole-program pass, with their sink-leading exports. */
  leading: [string, string[]][][];
  /**
   * The rules' prefilter tokens (see `prefilterTokens`): a changed file that holds none is not analysed, and a
   * re-scan tells so without loading the rules. The cache's scope is one rule set and configuration, so one set.
   */
  tokens: string[];
}

/** One file's part of a record. */
export interface RecordedFile {
  relPath: string;
  module: string;
  /** Undefined when it could not be trusted (the file changed just before the scan). */
  stamp: FileStamp | undefined;
  /** See `summaryDigest`. */
  summary: string;
  redone: boolean;
  findings: Finding[];
  errors: ScanError[];
}

/** The record's part name in the cache (see `AnalysisCache.entry`). */
export const PYTHON_RECORD = "python";

const SEPARATOR = "\0";
const UNTRUSTED = -1;

/** A record of `files` (in the scan's order), and results about none of them (`orphans`). */
export function packRecord(files: readonly RecordedFile[], leading: PythonRecord["leading"], tokens: readonly string[], orphans?: { findings: Finding[]; errors: ScanError[] }): PythonRecord {
  const stamps: number[] = [];
  const results: PythonRecord["results"] = [];
  const redone: string[] = [];
  files.forEach((f, i) => {
    const s = f.stamp;
    if (s) stamps.push(s.size, s.mtimeMs, s.ctimeMs, s.ino);
    else stamps.push(UNTRUSTED, 0, 0, 0);
    redone.push(f.redone ? "1" : "0");
    if (f.findings.length || f.errors.length) results.push([i, f.findings, f.errors]);
  });
  if (orphans && (orphans.findings.length || orphans.errors.length)) results.push([files.length, orphans.findings, orphans.errors]);
  return {
    paths: files.map((f) => f.relPath).join(SEPARATOR),
    modules: files.map((f) => f.module).join(SEPARATOR),
    stamps,
    summaries: files.map((f) => f.summary).join(SEPARATOR),
    redone: redone.join(""),
    results,
    leading,
    tokens: [...tokens],
  };
}

/** The files of a record (see `asPythonRecord` for the checks it passed), results about none of them left out. */
export function unpackRecord(record: PythonRecord): RecordedFile[] {
  const paths = record.paths.split(SEPARATOR);
  const modules = record.modules.split(SEPARATOR);
  const summaries = record.summaries.split(SEPARATOR);
  const files = paths.map((relPath, i): RecordedFile => {
    const at = 4 * i;
    const s = record.stamps;
    const stamp = s[at] === UNTRUSTED ? undefined : { size: s[at], mtimeMs: s[at + 1], ctimeMs: s[at + 2], ino: s[at + 3] };
    return { relPath, module: modules[i], stamp, summary: summaries[i], redone: record.redone[i] === "1", findings: [], errors: [] };
  });
  for (const [i, findings, errors] of record.results) {
    if (i < files.length) (files[i].findings = findings), (files[i].errors = errors);
  }
  return files;
}

/** Every finding and warning of a record, file by file. */
export function recordResults(record: PythonRecord): { findings: Finding[]; errors: ScanError[] } {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const [, f, e] of record.results) {
    appendAll(findings, f);
    appendAll(errors, e);
  }
  return { findings, errors };
}

/** A remembered record of the expected shape, or undefined. */
export function asPythonRecord(value: unknown): PythonRecord | undefined {
  const v = value as Partial<PythonRecord> | null | undefined;
  if (!v || typeof v.paths !== "string" || typeof v.modules !== "string" || typeof v.summaries !== "string" || typeof v.redone !== "string") return undefined;
  if (!Array.isArray(v.stamps) || !Array.isArray(v.results) || !Array.isArray(v.leading)) return undefined;
  if (!Array.isArray(v.tokens) || !v.tokens.every((t) => typeof t === "string")) return undefined;
  const paths = v.paths.split(SEPARATOR);
  const count = paths.length;
  if (v.modules.split(SEPARATOR).length !== count || v.summaries.split(SEPARATOR).length !== count || v.redone.length !== count || !/^[01]*$/.test(v.redone)) return undefined;
  if (v.stamps.length !== 4 * count || !v.stamps.every((n) => typeof n === "number")) return undefined;
  let last = -1;
  for (const entry of v.results as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) return undefined;
    const [i, findings, errors] = entry as [unknown, unknown, unknown];
    // In increasing order: one entry per file.
    if (typeof i !== "number" || !Number.isInteger(i) || i <= last || i > count || !isResults({ findings, errors })) return undefined;
    last = i;
    if (i < count && (findings as Finding[]).some((x) => x.location.file !== paths[i])) return undefined;
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
 * its module name changed (the project's layout changed), or it holds results about no file.
 */
export function changedFiles(record: PythonRecord, files: readonly DiscoveredFile[], modules: readonly string[]): DiscoveredFile[] | undefined {
  if (record.results.length && record.results[record.results.length - 1][0] === record.redone.length) return undefined;
  const stamps = record.stamps;
  const changed: DiscoveredFile[] = [];
  if (record.paths === files.map((f) => f.relPath).join(SEPARATOR)) {
    // The same files: the same modules, and stamps compared in place.
    if (record.modules !== modules.join(SEPARATOR)) return undefined;
    for (let i = 0; i < files.length; i++) {
      if (!sameStamp(stamps, 4 * i, files[i].stamp)) changed.push(files[i]);
    }
    return changed;
  }
  const known = new Map(record.paths.split(SEPARATOR).map((path, i) => [path, i]));
  const knownModules = record.modules.split(SEPARATOR);
  let present = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const at = known.get(f.relPath);
    if (at === undefined) {
      changed.push(f);
      continue;
    }
    present++;
    if (knownModules[at] !== modules[i]) return undefined;
    if (!sameStamp(stamps, 4 * at, f.stamp)) changed.push(f);
  }
  return present === known.size ? changed : undefined;
}

/** Whether the stamp recorded at `stamps[at]` is trusted and equal to `stamp`. */
function sameStamp(stamps: readonly number[], at: number, stamp: FileStamp | undefined): boolean {
  return stamp !== undefined && stamps[at] !== UNTRUSTED && stamps[at] === stamp.size && stamps[at + 1] === stamp.mtimeMs && stamps[at + 2] === stamp.ctimeMs && stamps[at + 3] === stamp.ino;
}
