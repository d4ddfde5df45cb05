import { isAscii } from "node:buffer";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import type { ScanError } from "../core/types.js";
import { escapingCodec, hasCompatibilityIdentifiers, mayHoldCompatibilityLetters, normalizeIdentifiers } from "../languages/python/source-text.js";

export type SourceRead =
  | { ok: true; source: string; warning?: ScanError }
  | { ok: false; error: ScanError };

const CODING_COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/**
 * Decodes a Python file for scanning. Binary files and files over `maxBytes` are skipped with a warning.
 * Text is decoded as PEP 263 says: a coding cookie in the first two lines, else UTF-8; undecodable bytes are
 * replaced (and reported) so the rest of the file is still scanned. `latin1`, the same bytes already read as Latin-1,
 * is the source itself when they are all ASCII and no other encoding is declared: UTF-8 reads them the same, and
 * the file's text is held once instead of twice (the standard library's candidates are 15 MB of text).
 */
export function decodePython(bytes: Uint8Array, relPath: string, maxBytes: number, latin1?: string): SourceRead {
  if (bytes.length > maxBytes) return { ok: false, error: tooLarge(relPath, bytes.length, maxBytes) };
  if (looksBinary(bytes)) {
    return { ok: false, error: warn(relPath, "binary", "binary content (NUL bytes) in a Python file; skipped") };
  }
  const codec = cookieCodec(bytes);
  if (codec?.escaping) {
    return {
      ok: true,
      source: normalizeIdentifiers(codec.escaping(asBuffer(bytes).toString("latin1"))),
      warning: warn(
        relPath,
        "encoding",
        `the file declares the ${codec.name} source encoding, whose escapes Python decodes into code a reader of the file does not see; it was analysed as decoded, so lines and columns are those of the decoded text`,
      ),
    };
  }
  if (codec?.decoder) return { ok: true, source: normalizeIdentifiers(codec.decoder.decode(bytes)) };
  if (isAscii(bytes)) return { ok: true, source: latin1 !== undefined && latin1.length === bytes.length ? latin1 : asBuffer(bytes).toString("latin1") };
  const normalized = mayHoldCompatibilityLetters(bytes) ? normalizeIdentifiers : (text: string) => text;
  try {
    return { ok: true, source: normalized(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return {
      ok: true,
      source: normalized(new TextDecoder("utf-8").decode(bytes)),
      warning: warn(relPath, "encoding", "file is not valid UTF-8; invalid bytes were replaced and the rest was scanned"),
    };
  }
}

/**
 * Whether a file the byte prefilter passes over may still hold one of the rule tokens as Python reads it: it declares
 * an escaping codec (`utf-7`, `unicode_escape`), or NFKC makes one of its identifiers a token (`ｐｉｃｋｌｅ`).
 */
export function mayHideTokens(bytes: Uint8Array, anyToken: RegExp): boolean {
  const head = asBuffer(bytes).subarray(0, COOKIE_HEAD_BYTES);
  if (head.includes("coding") && declaredEscapingCodec(bytes)) return true;
  if (isAscii(bytes) || !mayHoldCompatibilityLetters(bytes)) return false;
  const text = asBuffer(bytes).toString("utf8");
  return hasCompatibilityIdentifiers(text) && anyToken.test(normalizeIdentifiers(text));
}

/**
 * Whether `decodePython` reads `bytes` as their Latin-1 characters, with no warning: within `maxBytes`, all ASCII (which
 * UTF-8 reads the same), no NUL byte in the head, no other encoding declared.
 */
export function readsAsLatin1(bytes: Uint8Array, maxBytes: number): boolean {
  if (bytes.length > maxBytes || !isAscii(bytes) || looksBinary(bytes)) return false;
  const codec = cookieCodec(bytes);
  return !codec?.decoder && !codec?.escaping;
}

/** The codec a coding cookie names when it is one that reads escapes (`utf-7`, `unicode_escape`, ...). */
export function declaredEscapingCodec(bytes: Uint8Array): string | undefined {
  const codec = cookieCodec(bytes);
  return codec?.escaping ? codec.name : undefined;
}

/** The decoder for a declared encoding other than UTF-8 that TextDecoder knows; undefined means UTF-8. */
export function declaredDecoder(bytes: Uint8Array): TextDecoder | undefined {
  return cookieCodec(bytes)?.decoder;
}

/**
 * How the file's coding cookie says to read it, read once: a codec that decodes escapes, a decoder for another
 * encoding TextDecoder knows, or neither (UTF-8, or a codec neither knows). Undefined without a cookie.
 */
function cookieCodec(bytes: Uint8Array): { name: string; escaping?: (latin1: string) => string; decoder?: TextDecoder } | undefined {
  const name = declaredEncoding(bytes);
  if (!name) return undefined;
  const escaping = escapingCodec(name);
  if (escaping) return { name, escaping };
  const decoder = /^utf[-_]?8([-_]sig)?$/i.test(name) ? undefined : decoderFor(name);
  return decoder ? { name, decoder } : { name };
}

/** The same bytes as a Buffer, without a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Python codec names (`latin-1`, `iso_8859_15`, `cp1252`) mapped onto the WHATWG labels TextDecoder knows. */
function decoderFor(codec: string): TextDecoder | undefined {
  for (const label of [codec, codec.replace(/_/g, "-"), codec.replace(/[-_]/g, "")]) {
    try {
      return new TextDecoder(label);
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Where a coding cookie is looked for: the first two lines, within this many bytes. */
const COOKIE_HEAD_BYTES = 400;

/** The PEP 263 coding cookie of the first two lines, if any. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, COOKIE_HEAD_BYTES)).split(/\r?\n/, 2);
  for (const line of head) {
    const m = CODING_COOKIE.exec(line);
    if (m) return m[1];
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  return undefined;
}

export function tooLarge(relPath: string, size: number, maxBytes: number): ScanError {
  return warn(relPath, "too-large", `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (--max-file-size); skipped`);
}

/** The warning for a file that could not be opened or read. */
export function unreadable(relPath: string, error: unknown): ScanError {
  const err = error as NodeJS.ErrnoException;
  return warn(relPath, "unreadable", `cannot read file: ${err.code ?? err.message}`);
}

/** A whole file's bytes, or undefined with a warning in `errors` when it is over `maxBytes` or cannot be read. */
export function readWithin(file: { relPath: string; absPath: string; size: number }, maxBytes: number, errors: ScanError[]): Buffer | undefined {
  if (file.size > maxBytes) {
    errors.push(tooLarge(file.relPath, file.size, maxBytes));
    return undefined;
  }
  try {
    return readFileSync(file.absPath);
  } catch (e) {
    errors.push(unreadable(file.relPath, e));
    return undefined;
  }
}

/** The first `bytes` bytes of a file (fewer if it is shorter), with one synchronous read. */
export function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

function warn(file: string, kind: ScanError["kind"], message: string): ScanError {
  return { file, kind, level: "warning", message };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
