import { constants } from "node:fs";
import { lstat, open, readFile, realpath, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { Finding, TextEdit } from "../core/types.js";
import { declaredDecoder, declaredEscapingCodec } from "./read-source.js";
import { unifiedDiff } from "./unified-diff.js";
import { appendAll } from "../core/arrays.js";
import { sha256 } from "./digest.js";

export interface FixOptions {
  /** The scanned directory or file (`report.scan.target`); finding paths are relative to it. */
  target: string;
  /** Compute the changes and the diff, write nothing. */
  dryRun?: boolean;
  /** `sourceDigest` of each file (by finding path) as the scan read it: a file whose bytes differ now is refused. */
  scanned?: ReadonlyMap<string, string>;
}

export interface SkippedFix {
  finding: Finding;
  reason: string;
}

export interface FixResult {
  /** Findings whose fix was applied (in a dry run: would be). */
  fixed: Finding[];
  /** Findings carrying a fix that was not applied, with the reason. */
  skipped: SkippedFix[];
  /** Paths (as in findings) of the files changed, or that would be. */
  files: string[];
  /** Unified diff of every change, with `a/` and `b/` prefixes as git prints them. */
  diff: string;
}

export function sourceDigest(bytes: Uint8Array): string {
  return sha256().update(bytes).digest("hex");
}

/** A finding `--fix` acts on: not suppressed, and carrying at least one edit. */
export function isFixable(f: Finding): boolean {
  return !f.suppressed && f.fix !== undefined && f.fix.edits.length > 0;
}

/**
 * Applies the fixes of `findings` to the files they were found in. Each fix is all-or-nothing; a fix whose edits
 * overlap one already accepted in the same file is skipped. A file is re-read and refused when it changed since
 * the scan (its digest, or the finding's snippet, no longer matches). Untouched bytes stay exactly as they were,
 * so line endings, a BOM and the declared encoding are kept.
 */
export async function applyFixes(findings: readonly Finding[], options: FixOptions): Promise<FixResult> {
  const result: FixResult = { fixed: [], skipped: [], files: [], diff: "" };
  const byFile = new Map<string, Finding[]>();
  for (const f of findings.filter(isFixable)) {
    const list = byFile.get(f.location.file) ?? [];
    list.push(f);
    byFile.set(f.location.file, list);
  }
  const target = resolve(options.target);
  const targetIsDir = (await stat(target)).isDirectory();
  const diffs: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const list = byFile.get(file)!;
    const skipAll = (reason: string) => appendAll(result.skipped, list.map((finding) => ({ finding, reason })));
    const abs = targetIsDir ? resolve(target, file) : file === basename(target) ? target : undefined;
    const rel = abs && relative(targetIsDir ? target : dirname(target), abs);
    const located = abs && rel && !rel.startsWith("..") && !isAbsolute(rel) ? await locateInside(targetIsDir ? target : dirname(target), abs) : "the file is outside the scanned directory";
    if (typeof located === "string") {
      skipAll(located);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(located.real);
    } catch (e) {
      skipAll(`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    const expected = options.scanned?.get(file);
    if (expected !== undefined && expected !== sourceDigest(bytes)) {
      skipAll("the file changed since the scan; scan again");
      continue;
    }
    const plan = planFileFixes(bytes, list);
    appendAll(result.skipped, plan.skipped);
    if (!plan.output) continue;
    if (!options.dryRun) {
      try {
        await writeNoFollow(located.real, plan.output);
      } catch (e) {
        skipAll(`cannot write the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        continue;
      }
    }
    appendAll(result.fixed, plan.fixed);
    result.files.push(file);
    diffs.push(unifiedDiff(plan.codec.decode(bytes), plan.codec.decode(plan.output), { from: `a/${file}`, to: `b/${file}` }));
  }
  result.diff = diffs.join("");
  return result;
}

/**
 * Where a file to fix really is, compared by real paths (not path strings): accepted only when the file
 * itself is not a symbolic link and its real path lies inside the real project root. Otherwise the reason.
 */
async function locateInside(root: string, abs: string): Promise<{ real: string } | string> {
  try {
    if ((await lstat(abs)).isSymbolicLink()) return "the file is a symbolic link; --fix never writes through a link";
    const [realRoot, real] = await Promise.all([realpath(root), realpath(abs)]);
    const rel = relative(realRoot, real);
    if (!rel || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return `the file resolves to ${real}, outside the project ${realRoot}; --fix never writes there`;
    return { real };
  } catch (e) {
    return `cannot resolve the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
}

/** Truncates and writes a file, refusing (ELOOP) if it was replaced by a symbolic link since it was checked. */
async function writeNoFollow(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, constants.O_WRONLY | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0));
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
}

export interface FilePlan {
  /** The new file content; undefined when nothing changes. */
  output?: Uint8Array;
  fixed: Finding[];
  skipped: SkippedFix[];
  codec: Codec;
}

/** Works out the new bytes of one file from the fixes of its findings (pure: no I/O). */
export function planFileFixes(bytes: Uint8Array, findings: readonly Finding[]): FilePlan {
  const codec = codecOf(bytes);
  const plan: FilePlan = { fixed: [], skipped: [], codec };
  if (typeof codec.problem === "string") {
    appendAll(plan.skipped, findings.map((finding) => ({ finding, reason: codec.problem! })));
    return plan;
  }
  const source = new SourceLines(bytes, codec);
  const accepted = new AcceptedEdits();
  const ordered = [...findings].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  for (const finding of ordered) {
    const edits = byteEdits(finding, source);
    if (typeof edits === "string") {
      plan.skipped.push({ finding, reason: edits });
      continue;
    }
    if (edits.every((e) => accepted.find(e, sameEdit))) {
      plan.fixed.push(finding); // the same change, proposed twice (e.g. by two findings on one call)
      continue;
    }
    const other = edits.map((e) => accepted.find(e, overlaps)).find((a) => a !== undefined)?.finding;
    if (other) {
      plan.skipped.push({ finding, reason: `its edit overlaps the fix of ${other.ruleId} at line ${other.location.line}; run --fix again` });
      continue;
    }
    for (const e of edits) accepted.add(e);
    plan.fixed.push(finding);
  }
  if (accepted.size) plan.output = splice(bytes, accepted.sorted());
  return plan;
}

/**
 * The edits accepted so far in one file, sorted by start. They never overlap one another, so an edit can only
 * touch the accepted edits next to where it would sort: each look-up is a binary search plus a few neighbours,
 * which keeps planning a file with thousands of fixes O(n log n) rather than quadratic.
 */
class AcceptedEdits {
  private readonly edits: ByteEdit[] = [];

  get size(): number {
    return this.edits.length;
  }

  /** The first accepted edit for which `test(accepted, edit)` holds, among those that can touch `edit`. */
  find(edit: ByteEdit, test: (a: ByteEdit, b: ByteEdit) => boolean): ByteEdit | undefined {
    const at = this.firstStartingAtOrAfter(edit.start);
    // Before `at`: edits starting earlier; only the last of them (and any others sharing its start) can reach in.
    for (let k = at - 1; k >= 0 && this.edits[k].start === this.edits[at - 1].start; k--) {
      if (test(this.edits[k], edit)) return this.edits[k];
    }
    for (let k = at; k < this.edits.length && this.edits[k].start <= edit.end; k++) {
      if (test(this.edits[k], edit)) return this.edits[k];
    }
    return undefined;
  }

  add(edit: ByteEdit): void {
    // Findings arrive in source order, so this is nearly always an append.
    const at = this.firstStartingAtOrAfter(edit.start + 1);
    if (at === this.edits.length) this.edits.push(edit);
    else this.edits.splice(at, 0, edit);
  }

  sorted(): ByteEdit[] {
    return this.edits;
  }

  private firstStartingAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

interface ByteEdit {
  start: number;
  end: number;
  bytes: Uint8Array;
  finding: Finding;
}

function byteEdits(finding: Finding, source: SourceLines): ByteEdit[] | string {
  const loc = finding.location;
  const lastSnippetLine = loc.line + loc.snippet.split("\n").length - 1;
  if (source.text(loc.line, lastSnippetLine) !== loc.snippet) {
    return `the code at line ${loc.line} no longer matches the scan; scan again`;
  }
  const out: ByteEdit[] = [];
  for (const edit of finding.fix!.edits) {
    const start = source.offset(edit.line, edit.column);
    const end = source.offset(edit.endLine, edit.endColumn);
    if (start === undefined || end === undefined || end < start) return `its edit ${describe(edit)} is outside the file`;
    const bytes = source.codec.encode(source.crlf ? edit.newText.replace(/(?<!\r)\n/g, "\r\n") : edit.newText);
    if (!bytes) return `its replacement text cannot be written in the file's encoding (${source.codec.name})`;
    const e = { start, end, bytes, finding };
    if (out.some((o) => overlaps(o, e))) return "its own edits overlap";
    out.push(e);
  }
  return out;
}

/** Edits touching the same bytes conflict, and so do two insertions at one point (their order is unknown). */
function overlaps(a: ByteEdit, b: ByteEdit): boolean {
  if (a.start === b.start && (a.start === a.end || b.start === b.end)) return a.start === a.end && b.start === b.end;
  return a.start < b.end && b.start < a.end;
}

function sameEdit(a: ByteEdit, b: ByteEdit): boolean {
  return a.start === b.start && a.end === b.end && Buffer.compare(a.bytes, b.bytes) === 0;
}

/** Replaces the ranges (computed on the original bytes, so none shifts another). */
function splice(bytes: Uint8Array, edits: ByteEdit[]): Uint8Array {
  // An insertion sorts before a replacement starting at the same point, so it lands in front of it.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: Uint8Array[] = [];
  let cursor = 0;
  for (const e of sorted) {
    parts.push(bytes.subarray(cursor, e.start), e.bytes);
    cursor = e.end;
  }
  parts.push(bytes.subarray(cursor));
  return Buffer.concat(parts);
}

function describe(e: TextEdit): string {
  return `${e.line}:${e.column}-${e.endLine}:${e.endColumn}`;
}

/** How a file's bytes map to the text the scanner analysed. */
export interface Codec {
  name: string;
  /** Set when the file cannot be edited safely. */
  problem?: string;
  /** Bytes of a byte-order mark the scanner skipped. */
  bom: number;
  /** Text of the bytes; a BOM is kept as U+FEFF, so a whole file shows it in the diff. */
  decode(bytes: Uint8Array): string;
  /** Undefined when `text` is not representable in the encoding. */
  encode(text: string): Uint8Array | undefined;
  /** Bytes that `text` takes in the file. */
  byteLength(text: string): number;
}

/** Single-byte encodings: one UTF-16 code unit per byte, ASCII-compatible (WHATWG names). */
const SINGLE_BYTE = /^(windows-125\d|windows-874|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;

/** Decodes the way the scanner did (`decodePython`), so columns mean the same. */
function codecOf(bytes: Uint8Array): Codec {
  const escaping = declaredEscapingCodec(bytes);
  const label = escaping ?? declaredDecoder(bytes)?.encoding ?? "utf-8";
  if (escaping) {
    // Positions are in the decoded text, which the file's bytes do not show line for line.
    const latin1 = new TextDecoder("latin1");
    return { name: escaping, bom: 0, problem: `fixes are not applied to files in the ${escaping} encoding`, decode: (b) => latin1.decode(b), encode: () => undefined, byteLength: (text) => text.length };
  }
  if (label === "utf-8") {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    let problem: string | undefined;
    try {
      strict.decode(bytes);
    } catch {
      problem = "the file is not valid UTF-8, so its columns cannot be mapped to bytes safely";
    }
    return {
      name: "utf-8",
      bom,
      ...(problem ? { problem } : {}),
      decode: (b) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b),
      encode: (text) => new TextEncoder().encode(text),
      byteLength: (text) => Buffer.byteLength(text, "utf8"),
    };
  }
  const decoder = new TextDecoder(label);
  return {
    name: label,
    bom: 0,
    ...(SINGLE_BYTE.test(label) ? {} : { problem: `fixes are not applied to files in the ${label} encoding` }),
    decode: (b) => decoder.decode(b),
    encode: (text) => (/^[\x00-\x7f]*$/.test(text) ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : undefined),
    byteLength: (text) => text.length,
  };
}

/** Line starts of the file in bytes, and decoding of single lines (without their terminators). */
class SourceLines {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly decoded = new Map<number, string>();
  readonly crlf: boolean;

  constructor(
    private readonly bytes: Uint8Array,
    readonly codec: Codec,
  ) {
    let start = codec.bom;
    for (let i = start; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        this.starts.push(start);
        this.ends.push(i > start && bytes[i - 1] === 0x0d ? i - 1 : i);
        start = i + 1;
        if (i === bytes.length) break;
      }
    }
    const firstBreak = bytes.indexOf(0x0a);
    this.crlf = firstBreak > 0 && bytes[firstBreak - 1] === 0x0d;
  }

  /** The text of 1-based lines `from..to`, joined by `\n`, as the scanner's snippets hold them. */
  text(from: number, to: number): string | undefined {
    if (from < 1 || to > this.starts.length) return undefined;
    const lines: string[] = [];
    for (let line = from; line <= to; line++) lines.push(this.line(line).replace(/\r/g, ""));
    return lines.join("\n");
  }

  /** Byte offset of a 1-based line and UTF-16 column; undefined when outside the line. */
  offset(line: number, column: number): number | undefined {
    if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || line > this.starts.length || column < 1) return undefined;
    const text = this.line(line);
    if (column - 1 > text.length) return undefined;
    const prefix = text.slice(0, column - 1);
    if (/[\ud800-\udbff]$/.test(prefix)) return undefined; // would split a surrogate pair
    return this.starts[line - 1] + this.codec.byteLength(prefix);
  }

  private line(line: number): string {
    let text = this.decoded.get(line);
    if (text === undefined) {
      text = this.codec.decode(this.bytes.subarray(this.starts[line - 1], this.ends[line - 1]));
      this.decoded.set(line, text);
    }
    return text;
  }
}
