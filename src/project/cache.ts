// On-disk cache of per-file analyses (findings, errors and the module summary the project index joins), like
// Ruff's `.ruff_cache`. An entry is keyed by everything its analysis depends on: Pathfinder's version, the rule
// set and the configuration, the file's path and module name, and its content. Entries are written to a temporary
// file and renamed into place, so concurrent scans never see half an entry; an entry that cannot be read or does
// not have the expected shape is ignored and recomputed, never trusted.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Finding, ScanError } from "../core/types.js";
import type { FileAnalysis, PythonFile } from "../languages/python/analyze.js";
import type { FileStamp } from "./discover.js";
import { stableHash } from "../core/hash.js";
import { keyOf, sha256 } from "./digest.js";

/** The default cache folder, at the project root. */
export const DEFAULT_CACHE_DIR = ".pathfinder_cache";

/** Bumped when the layout of an entry changes. */
const FORMAT = "3";

/** First line of the `.gitignore` the cache writes: only a folder that has it is ever pruned. */
const MARKER = "# Created by pathfinder";
/** A scope (build, rule set, configuration) not used for this long is removed; so is any beyond the most recent few. */
const SCOPE_MAX_IDLE_MS = 7 * 24 * 3600_000;
const MAX_SCOPES = 8;

/**
 * The build of the analysis code that is running: the size and modification time of this module's file (the CLI
 * bundle, or the compiled module). The version alone does not change between builds, and an entry made by other
 * code must never be trusted.
 */
function codeIdentity(): string {
  try {
    const stats = statSync(fileURLToPath(import.meta.url));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return "unknown";
  }
}

/** The file in a scope's folder that holds the scope's whole context (its folder's name is only a digest of it). */
const SCOPE_FILE = "scope.txt";

export class AnalysisCache {
  private readonly dir: string;
  private readonly scope: string;
  /** What every entry of this scope depends on, as its folder's SCOPE_FILE holds it. */
  private readonly context: string;
  /** Whether the scope's folder is this scope's (its SCOPE_FILE holds this context); undefined until read. */
  private own: boolean | undefined;
  private writable = true;
  private marked = false;
  private used = false;

  /** `context`: what every entry depends on besides the file (version, rules, configuration). */
  constructor(
    private readonly root: string,
    context: unknown,
  ) {
    // The folder is named by a quick digest (a SHA-256 would load node:crypto, which a re-scan of unchanged files
    // otherwise never needs); its SCOPE_FILE says whose it is, and a folder that is not this scope's is not used.
    this.context = JSON.stringify([FORMAT, codeIdentity(), context]);
    this.scope = stableHash(this.context);
    this.dir = join(root, `v${FORMAT}`, this.scope);
  }

  /** Whether the scope's folder holds this scope's entries (see SCOPE_FILE); read once. */
  private isOwn(): boolean {
    if (this.own === undefined) {
      const held = readIfExists(join(this.dir, SCOPE_FILE));
      this.own = held === this.context;
      // Another context with the same digest: neither read nor written.
      if (held !== undefined && !this.own) this.writable = false;
    }
    return this.own;
  }

  /** `salt`: what else the analysis depended on (the project index, for the whole-program pass). */
  private pathOf(file: PythonFile, salt: string): string {
    const key = sha256().update(salt).update("\0").update(file.path).update("\0").update(file.moduleName).update("\0").update(file.source).digest("hex");
    return join(this.dir, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  get(file: PythonFile, salt = ""): FileAnalysis | undefined {
    if (!this.isOwn()) return undefined;
    let text: string;
    try {
      text = readFileSync(this.pathOf(file, salt), "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as { path?: unknown; analysis?: FileAnalysis };
      const a = entry.analysis;
      if (entry.path !== file.path || !a || !Array.isArray(a.findings) || !Array.isArray(a.errors) || typeof a.parsed !== "boolean") return undefined;
      if (a.findings.some((f) => typeof f?.location?.file !== "string" || f.location.file !== file.path)) return undefined;
      return a;
    } catch {
      return undefined;
    }
  }

  /** Stores an entry; a cache folder that cannot be written is given up on for the rest of the scan. */
  set(file: PythonFile, analysis: FileAnalysis, salt = ""): void {
    this.write(this.pathOf(file, salt), { path: file.path, analysis });
  }

  /**
   * A remembered entry of a part of a scan (the Python files' record, the model files' results), parsed but not
   * checked; undefined when unreadable. `slot`: one entry per part, scan root and options, replaced by each scan.
   */
  entry(part: string, slot: string): unknown {
    if (!this.isOwn()) return undefined;
    try {
      const held = JSON.parse(readFileSync(this.phasePath(part, slot), "utf8")) as { slot?: unknown; value?: unknown } | null;
      // The file is named by a quick digest of the slot: the slot it holds says whether it is this one's.
      if (held?.slot !== slot) return undefined;
      this.markUsed();
      return held.value;
    } catch {
      return undefined;
    }
  }

  setEntry(part: string, slot: string, value: unknown): void {
    this.write(this.phasePath(part, slot), { slot, value });
  }

  private phasePath(part: string, slot: string): string {
    return join(this.dir, "scans", `${part}-${stableHash(slot)}.json`);
  }

  /** Writes a temporary file and renames it into place, so concurrent scans never read half an entry. */
  private write(target: string, value: unknown): void {
    if (!this.writable) return;
    try {
      mkdirSync(join(target, ".."), { recursive: true });
      if (!this.isOwn() && this.writable) this.claimScope();
      if (!this.writable) return;
      if (!this.marked) {
        this.marked = true;
        const ignore = join(this.root, ".gitignore");
        const previous = readIfExists(ignore);
        // Like `.ruff_cache`: the folder keeps itself out of version control (a folder with another .gitignore is
        // not the cache's own: neither its .gitignore nor anything else in it is touched).
        if (previous === undefined) writeFileSync(ignore, `${MARKER}\n*\n`);
        else if (previous.startsWith(MARKER)) this.pruneOtherScopes();
      }
      replaceFile(target, JSON.stringify(value));
    } catch {
      this.writable = false;
    }
  }

  /** Writes the scope's SCOPE_FILE into its new folder (one that holds another context's is left alone). */
  private claimScope(): void {
    replaceFile(join(this.dir, SCOPE_FILE), this.context);
    this.own = undefined;
    if (!this.isOwn()) this.writable = false;
  }

  /** Marks this scope as used now (its folder's modification time), so that other scans do not prune it. */
  private markUsed(): void {
    if (this.used) return;
    this.used = true;
    try {
      const now = new Date();
      utimesSync(this.dir, now, now);
    } catch {
      // A read-only cache is never pruned either.
    }
  }

  /**
   * Marks this scope as used now and removes what no scan of this build and settings can read: folders of other
   * entry formats, and other scopes (another Pathfinder build, rule set or configuration) idle for a week or beyond
   * the most recently used few. Only folders named as the cache names them, in a folder whose .gitignore marks it
   * as the cache's own, are removed; a scan that is using a removed scope at that moment just stops writing to it.
   */
  private pruneOtherScopes(): void {
    try {
      this.markUsed();
      const now = Date.now();
      for (const name of readdirSync(this.root)) {
        if (/^v\d+$/.test(name) && name !== `v${FORMAT}`) rmSync(join(this.root, name), { recursive: true, force: true });
      }
      const formatDir = join(this.root, `v${FORMAT}`);
      const others = readdirSync(formatDir)
        .filter((name) => /^[0-9a-f]{16}$/.test(name) && name !== this.scope)
        .map((name) => ({ name, usedMs: statSync(join(formatDir, name)).mtimeMs }))
        .sort((a, b) => b.usedMs - a.usedMs);
      others.forEach(({ name, usedMs }, i) => {
        if (i >= MAX_SCOPES - 1 || now - usedMs > SCOPE_MAX_IDLE_MS) rmSync(join(formatDir, name), { recursive: true, force: true });
      });
    } catch {
      // Pruning only saves space: a folder that cannot be read or removed is left as it is.
    }
  }
}

/** Temporary files this process has made (see `replaceFile`). */
let temporaries = 0;

/**
 * Writes `text` to a new temporary file beside `target` and renames it into place, so that a concurrent reader sees
 * the old file or the new one, never half of one; throws when that fails (the temporary file gone). The temporary
 * file is created exclusively (it never follows a link or reuses a file someone else made), so its name needs to
 * be unique, not unpredictable: no random bytes from node:crypto, which a re-scan that writes only this would
 * otherwise load (about 20 of Node's modules).
 */
function replaceFile(target: string, text: string): void {
  const temporary = `${target}.${process.pid}.${++temporaries}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  const fd = openSync(temporary, "wx");
  try {
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Whether `value` holds findings and warnings of the expected shape. */
export function isResults(value: unknown): value is { findings: Finding[]; errors: ScanError[] } {
  const v = value as { findings?: unknown; errors?: unknown } | null | undefined;
  if (!v || !Array.isArray(v.findings) || !Array.isArray(v.errors)) return false;
  if ((v.findings as Finding[]).some((f) => typeof f?.ruleId !== "string" || typeof f.location?.file !== "string" || typeof f.location.line !== "number")) return false;
  return !(v.errors as ScanError[]).some((e) => typeof e?.file !== "string" || typeof e.message !== "string");
}

/** A file time within this much of the scan's start may change again without changing its stamp (see below). */
const RACY_MARGIN_MS = 100;
/** Where a file system keeps whole seconds or milliseconds only. */
const COARSE_RACY_MARGIN_MS = 2000;

/**
 * What the input files of a part of a scan are, without reading them: every file's path, name (a Python module's) and stamp (size,
 * modification and change times in nanoseconds, inode, as git's index keeps them), with `context` (scan root and
 * options). Undefined when a stamp cannot be trusted: a file modified within a clock tick of the scan's start could
 * change again with the same stamp ("racy" files, as git calls them), so such a scan is not remembered.
 */
export function filesKey(files: readonly { relPath: string; stamp?: FileStamp }[], nameOf: (index: number) => string, startedMs: number, context: unknown): string | undefined {
  const startedNs = BigInt(startedMs) * 1_000_000n;
  const lines = [JSON.stringify(context)];
  for (let i = 0; i < files.length; i++) {
    const { relPath, stamp } = files[i];
    const trusted = trustedStamp(stamp, startedNs);
    if (!trusted) return undefined;
    lines.push(`${relPath}\0${nameOf(i)}\0${trusted}`);
  }
  return keyOf(lines.join("\n"));
}

/** A stamp as text, `size:mtimeMs:ctimeMs:ino`: equal texts for equal stamps. */
export function stampKey(stamp: FileStamp): string {
  return `${stamp.size}:${stamp.mtimeMs}:${stamp.ctimeMs}:${stamp.ino}`;
}

/** A file's stamp key when it can be trusted to change when the file does (see `filesKey`); "" when not. */
export function trustedStamp(stamp: FileStamp | undefined, startedNs: bigint): string {
  return isTrusted(stamp, startedNs) ? stampKey(stamp) : "";
}

/** Whether a file's stamp can be trusted to change when the file does (see `filesKey`). */
export function isTrusted(stamp: FileStamp | undefined, startedNs: bigint): stamp is FileStamp {
  if (!stamp) return false;
  const margin = Number.isInteger(stamp.mtimeMs) ? COARSE_RACY_MARGIN_MS : RACY_MARGIN_MS;
  return stamp.mtimeMs < millisecondsOf(startedNs) - margin;
}

// A scan asks about every file with the same start: one BigInt division, not one per file.
let lastStartedNs: bigint | undefined;
let lastStartedMs = 0;
function millisecondsOf(startedNs: bigint): number {
  if (startedNs !== lastStartedNs) (lastStartedMs = Number(startedNs / 1_000_000n)), (lastStartedNs = startedNs);
  return lastStartedMs;
}
