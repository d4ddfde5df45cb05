// Little helpers over Uint8Array used by every container reader. Browser-safe.

export function u16le(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

export function u32le(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
}

/** 64-bit little-endian as a JS number; values above 2^53 come back as Infinity so callers reject them. */
export function u64le(b: Uint8Array, at: number): number {
  const high = u32le(b, at + 4);
  if (high >= 0x200000) return Number.POSITIVE_INFINITY;
  // Not `0 * 2**32 + low` for a small value: that is a double, and a double stored in a field keeps the field boxed.
  return high === 0 ? u32le(b, at) : high * 0x100000000 + u32le(b, at);
}

export function i32le(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);
}

/** Signed 64-bit little-endian; out-of-safe-range values come back as NaN. */
export function i64le(b: Uint8Array, at: number): number {
  const low = u32le(b, at);
  const high = i32le(b, at + 4);
  const value = high * 0x100000000 + low;
  return Number.isSafeInteger(value) ? value : Number.NaN;
}

export function startsWith(b: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (b.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

export function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

/** Shorter inputs decode faster in script than through a decoder call. */
const DECODER_MIN = 1024;
/** Browsers decode the "latin1" label as windows-1252 (0x80-0x9F become other characters, all above U+00FF); Node as latin-1. */
const windows1252 = decoderFor("latin1");
const ABOVE_LATIN1 = /[^\x00-\xff]/;

/** Decodes bytes as latin-1 so that every byte maps to one character (names in headers may be anything). */
/**
 * bytes[from, to) as a number when they are 1 to `maxDigits` ASCII decimal digits (as `Number` of their text reads
 * them), else undefined: pickle text operands (INT lines, memo indices) read without making a string of them.
 */
export function decimalDigits(b: Uint8Array, from: number, to: number, maxDigits = 15): number | undefined {
  if (to - from < 1 || to - from > maxDigits) return undefined;
  let v = 0;
  for (let i = from; i < to; i++) {
    const digit = b[i]! - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    v = v * 10 + digit;
  }
  return v;
}

export function latin1(b: Uint8Array): string {
  if (b.length >= DECODER_MIN) {
    // Half the time of the loop below on long strings (a 5 MB protocol-0 STRING operand); where windows-1252 differs,
    // the loop decides.
    const decoded = windows1252?.decode(b);
    if (decoded !== undefined && !ABOVE_LATIN1.test(decoded)) return decoded;
  }
  return fromCharCodes(b);
}

/** The string of these UTF-16 code units (bytes are the units 0-255). */
export function fromCharCodes(units: Uint8Array | Uint16Array): string {
  let out = "";
  // `apply` in pieces, not a spread: a spread walks the units with an iterator, an object per unit before V8's top
  // tier; pieces stay within the engine's argument limits.
  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  }
  return out;
}

/** Undefined where the runtime has no such decoder (a Node built without ICU knows only UTF-8 and UTF-16). */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

const utf8Decoder = new TextDecoder("utf-8", { fatal: false });
export function utf8(b: Uint8Array): string {
  return utf8Decoder.decode(b);
}

export function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  const size = total ?? chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    const take = Math.min(c.length, size - at);
    out.set(c.subarray(0, take), at);
    at += take;
    if (at >= size) break;
  }
  return out;
}

/** Last index of `needle` in `hay` at or before `from`, or -1. */
// Both searches jump between occurrences of the needle's first byte with the typed array's own (native) search.

export function lastIndexOf(hay: Uint8Array, needle: readonly number[], from = hay.length - needle.length): number {
  let i = Math.min(from, hay.length - needle.length);
  if (needle.length === 0) return i >= 0 ? i : -1;
  while (i >= 0) {
    i = hay.lastIndexOf(needle[0]!, i);
    if (i < 0) return -1;
    if (matchesAt(hay, needle, i)) return i;
    i--;
  }
  return -1;
}

export function indexOf(hay: Uint8Array, needle: readonly number[], from = 0): number {
  let i = Math.max(0, from);
  const last = hay.length - needle.length;
  if (needle.length === 0) return i <= last ? i : -1;
  while (i <= last) {
    i = hay.indexOf(needle[0]!, i);
    if (i < 0 || i > last) return -1;
    if (matchesAt(hay, needle, i)) return i;
    i++;
  }
  return -1;
}

/**
 * `indexOf` for long inputs in which the needle's first byte may be frequent (megabytes of one letter in a string):
 * Horspool's search, which steps by up to the needle's length, where `indexOf` stops at every first byte.
 */
export function indexOfSkipping(hay: Uint8Array, needle: readonly number[]): number {
  const m = needle.length;
  if (m === 0) return 0;
  const shift = new Int32Array(256).fill(m);
  for (let j = 0; j < m - 1; j++) shift[needle[j]!] = m - 1 - j;
  const last = needle[m - 1]!;
  for (let i = m - 1; i < hay.length; ) {
    const b = hay[i]!;
    if (b === last && hay[i - m + 1] === needle[0] && matchesAt(hay, needle, i - m + 1)) return i - m + 1;
    i += shift[b]!;
  }
  return -1;
}

function matchesAt(hay: Uint8Array, needle: readonly number[], at: number): boolean {
  for (let j = 1; j < needle.length; j++) if (hay[at + j] !== needle[j]) return false;
  return true;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO-HDLC, as gzip and zip use it). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let at = 0; at < bytes.length; at++) crc = crcTable[(crc ^ bytes[at]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * Decoded outputs whose tail is known to be zeros: the buffer's offset from which every byte is zero. A bzip2 or xz
 * bomb of zeros decodes to the limit without touching those pages; a search over them would touch them all (on a
 * host where a read of a page never written costs a fresh page, ~256 MB for a bomb at the limit).
 */
const zeroTails = new WeakMap<ArrayBufferLike, number>();

/** Records that `bytes` holds only zeros from `from` on (the buffer is not written after this). */
export function markZeroTail(bytes: Uint8Array, from: number): void {
  if (from < bytes.length) zeroTails.set(bytes.buffer, bytes.byteOffset + from);
}

/** The length of `bytes` before a known zero tail (all of it when none is known). */
export function beforeZeroTail(bytes: Uint8Array): number {
  const tail = zeroTails.get(bytes.buffer);
  return tail === undefined ? bytes.length : Math.max(0, Math.min(bytes.length, tail - bytes.byteOffset));
}
