// Keras model configurations inside an HDF5 file (a legacy Keras .h5 model), found without an HDF5 parser: Keras
// writes the configuration as a string attribute (`model_config`, also `training_config`), and HDF5 stores an
// attribute's value uncompressed and contiguous (in its object header, a fractal heap or the global heap, wherever
// the writer put it). So every JSON object of the file that mentions "class_name" is found by reading the bytes:
// from each occurrence, back to where the run of text bytes it sits in starts, then forward over one balanced JSON
// object. The file is read in windows (multi-GB weight files are read once, never held whole). json.loads also
// reads keys spelt with escapes (`"\u0063lass_name"`), which json.dumps never writes for ASCII characters: a `"\u00`
// is a second anchor, so a config whose keys are all escaped is found too. Browser-safe.
import { indexOf, startsWith } from "../containers/bytes.js";
import { readRange } from "../containers/sources.js";
import type { ByteSource } from "../types.js";

/** The HDF5 signature; the superblock sits at 0, 512, 1024, 2048, ... (after a user block). */
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const ANCHOR = [...'"class_name"'].map((c) => c.charCodeAt(0));
/** An escaped ASCII character at the start of a JSON string (`"\u0063lass_name"`): json.dumps never writes one. */
const ESCAPED_ANCHOR = [...'"\\u00'].map((c) => c.charCodeAt(0));
const WINDOW = 4 * 1024 * 1024;
/** How far back from an anchor the text run holding it may start. */
const LOOK_BACK = 64 * 1024;
/** The longest configuration read (a large model's config is a few MB). */
const MAX_JSON = 64 * 1024 * 1024;
const MAX_OBJECTS = 1_000;

export function looksLikeHdf5(head: Uint8Array): boolean {
  for (let at = 0; at + SIGNATURE.length <= head.length; at = at === 0 ? 512 : at * 2) {
    if (startsWith(head, SIGNATURE, at)) return true;
  }
  return false;
}

export interface FoundJson {
  offset: number;
  value: unknown;
}

/** Every JSON object in the source that holds "class_name", up to `maxBytes` of the source read. */
export async function findClassNameJson(source: ByteSource, maxBytes: number): Promise<{ found: FoundJson[]; complete: boolean }> {
  const found: FoundJson[] = [];
  const end = Math.min(source.size, maxBytes);
  let covered = 0; // bytes before this were parsed as (or ruled out as) part of a JSON object
  for (let start = 0; start < end && found.length < MAX_OBJECTS; start += WINDOW - ANCHOR.length) {
    const window = await readRange(source, start, Math.min(WINDOW, end - start));
    const anchors = anchorsIn(window);
    for (let hit = anchors.next(0); hit >= 0; hit = anchors.next(hit + 1)) {
      const at = start + hit;
      if (at < covered) continue;
      const json = await jsonAround(source, at);
      covered = json?.end ?? at + ANCHOR.length;
      if (json?.value !== undefined) found.push({ offset: json.start, value: json.value });
    }
    if (window.length < WINDOW) break;
  }
  return { found, complete: end >= source.size };
}

/** The anchors (plain or escaped) of a window in order; each kind is searched again only once passed. */
function anchorsIn(window: Uint8Array): { next(from: number): number } {
  let plain = -2;
  let escaped = -2;
  return {
    next(from: number): number {
      if (plain !== -1 && plain < from) plain = indexOf(window, ANCHOR, from);
      if (escaped !== -1 && escaped < from) escaped = indexOf(window, ESCAPED_ANCHOR, from);
      return plain < 0 ? escaped : escaped < 0 ? plain : Math.min(plain, escaped);
    },
  };
}

/**
 * The JSON object around the anchor at `at`: the first `{` of the text run holding the anchor from which a balanced
 * object spans the anchor and parses. Its range is returned even when nothing parses (not read again).
 */
async function jsonAround(source: ByteSource, at: number): Promise<{ start: number; end: number; value?: unknown } | undefined> {
  const backFrom = Math.max(0, at - LOOK_BACK);
  const before = await readRange(source, backFrom, at - backFrom);
  let runStart = before.length;
  while (runStart > 0 && isTextByte(before[runStart - 1]!)) runStart--;
  let end: number | undefined;
  for (let brace = before.indexOf(0x7b, runStart); brace >= 0; brace = before.indexOf(0x7b, brace + 1)) {
    const start = backFrom + brace;
    const text = await objectText(source, start);
    if (text === undefined || start + text.length <= at) continue;
    end = Math.max(end ?? 0, start + text.length);
    try {
      return { start, end: start + text.length, value: JSON.parse(new TextDecoder("utf-8").decode(text)) };
    } catch {
      // a brace inside the text before the object: try the next one
    }
  }
  return end === undefined ? undefined : { start: at, end };
}

/** The bytes of the balanced JSON object at `start`, read in growing pieces up to MAX_JSON; undefined if none. */
async function objectText(source: ByteSource, start: number): Promise<Uint8Array | undefined> {
  for (let want = 64 * 1024; ; want *= 4) {
    const text = await readRange(source, start, Math.min(want, MAX_JSON));
    const length = balancedObjectLength(text);
    if (length === null) return undefined;
    if (length !== undefined) return text.subarray(0, length);
    if (text.length < want || want >= MAX_JSON) return undefined;
  }
}

/** Bytes that occur in JSON text (UTF-8 included); NUL and other control bytes end a run. */
function isTextByte(b: number): boolean {
  return b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/**
 * The length of the JSON object `text` starts with (string-aware brace matching); null when a byte that cannot be
 * JSON comes first, undefined when the text ends before the object does.
 */
function balancedObjectLength(text: Uint8Array): number | null | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const b = text[i]!;
    if (!isTextByte(b)) return null;
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}
