// Decoders for the text forms of protocol 0 arguments, following CPython's parsing rules.

import { fromCharCodes, latin1 } from "../containers/bytes.js";

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** digitValue of each byte (99 for a byte that is no digit): a look-up instead of a call, in the escape loops. */
const BYTE_DIGIT = Uint8Array.from({ length: 256 }, (_, c) => digitValue(c));

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * `int(text, 0)` as the INT/LONG/GET/PUT opcodes read it: surrounding whitespace, a sign, an optional
 * 0x/0o/0b prefix, underscores between digits. Leading zeros are read as decimal (the C unpickler's
 * strtol accepts them). Returns null when the text is not an integer.
 */
export function parsePythonInt(text: string): number | bigint | null {
  let i = 0;
  let end = text.length;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
  let negative = false;
  const sign = text.charCodeAt(i);
  if (sign === 43 || sign === 45) {
    negative = sign === 45;
    i++;
  }
  let base = 10;
  if (end - i > 2 && text.charCodeAt(i) === 48) {
    const p = text.charCodeAt(i + 1) | 0x20;
    if (p === 120) base = 16;
    else if (p === 111) base = 8;
    else if (p === 98) base = 2;
    if (base !== 10) {
      i += 2;
      if (text.charCodeAt(i) === 95) i++;
    }
  }
  if (i >= end) return null;
  let small = 0;
  let big: bigint | null = null;
  let prevUnderscore = true;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 95) {
      if (prevUnderscore) return null;
      prevUnderscore = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return null;
    prevUnderscore = false;
    if (big === null) {
      small = small * base + d;
      if (small > Number.MAX_SAFE_INTEGER / 64) big = BigInt(small);
    } else {
      big = big * BigInt(base) + BigInt(d);
    }
  }
  if (prevUnderscore) return null;
  if (big === null) return negative ? -small : small;
  const v = negative ? -big : big;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}

/** `float(text)`: decimal/exponent forms, inf, infinity, nan, with optional sign and whitespace. */
export function parsePythonFloat(text: string): number | null {
  const t = text.trim().replace(/_/g, "").toLowerCase();
  const body = t.startsWith("-") || t.startsWith("+") ? t.slice(1) : t;
  const negative = t.startsWith("-");
  if (body === "inf" || body === "infinity") return negative ? -Infinity : Infinity;
  if (body === "nan") return NaN;
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(body)) return null;
  const v = Number(body);
  return negative ? -v : v;
}

const SIMPLE_ESCAPES: Readonly<Record<number, number>> = {
  0x5c: 0x5c, 0x27: 0x27, 0x22: 0x22, 0x61: 7, 0x62: 8, 0x66: 12, 0x6e: 10, 0x72: 13, 0x74: 9, 0x76: 11,
};

/** `codecs.escape_decode` (the STRING opcode): Python bytes-literal escapes. Null on a bad \x escape; `src` itself when it has no escapes. */
export function decodeEscapedString(src: Uint8Array): Uint8Array | null {
  if (src.indexOf(0x5c) < 0) return src; // no escapes (the common case, and a long padding string's)
  const out = new Uint8Array(src.length);
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c !== 0x5c) {
      out[n++] = c;
      continue;
    }
    if (i + 1 >= src.length) return null; // trailing backslash
    const e = src[++i]!;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out[n++] = simple;
    } else if (e === 0x0a) {
      // line continuation: nothing
    } else if (e === 0x78) {
      const hi = i + 1 < src.length ? BYTE_DIGIT[src[i + 1]!]! : 99;
      const lo = i + 2 < src.length ? BYTE_DIGIT[src[i + 2]!]! : 99;
      if (hi > 15 || lo > 15) return null;
      out[n++] = hi * 16 + lo;
      i += 2;
    } else if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30;
      for (let k = 0; k < 2 && i + 1 < src.length && src[i + 1]! >= 0x30 && src[i + 1]! <= 0x37; k++) {
        v = v * 8 + (src[++i]! - 0x30);
      }
      out[n++] = v & 0xff;
    } else {
      out[n++] = 0x5c;
      out[n++] = e;
    }
  }
  return out.subarray(0, n);
}

/** `raw-unicode-escape` (the UNICODE opcode): latin-1 except \uXXXX and \UXXXXXXXX. */
export function decodeRawUnicodeEscape(src: Uint8Array): string | null {
  if (src.indexOf(0x5c) < 0) return latin1(src);
  // UTF-16 code units, made in one pass: no more than the bytes (an escape of 6 or 10 bytes makes 1 or 2 units).
  const out = new Uint16Array(src.length);
  const n = rawUnicodeEscapeUnits(src, out);
  return n < 0 ? null : fromCharCodes(out.subarray(0, n));
}

/**
 * Writes the code units of `src` to `out` and returns their number, or -1 on a bad escape. The loop alone: a long
 * operand has V8 optimise it mid-loop (on-stack replacement), and code after the loop that had never run would
 * throw that optimised code away each time the loop ends.
 */
function rawUnicodeEscapeUnits(src: Uint8Array, out: Uint16Array): number {
  let n = 0;
  let runStart = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    out[n++] = c;
    if (c !== 0x5c || i + 1 >= src.length) continue;
    const kind = src[i + 1];
    if (kind !== 0x75 && kind !== 0x55) continue;
    // An escape only counts after an even number of backslashes.
    let slashes = 0;
    for (let j = i; j >= runStart && src[j] === 0x5c; j--) slashes++;
    if (slashes % 2 === 0) continue;
    const width = kind === 0x75 ? 4 : 8;
    let cp = 0;
    for (let k = 0; k < width; k++) {
      const d = i + 2 + k < src.length ? BYTE_DIGIT[src[i + 2 + k]!]! : 99;
      if (d > 15) return -1;
      cp = cp * 16 + d;
    }
    if (cp > 0x10ffff) return -1;
    n--; // the backslash
    if (cp > 0xffff) {
      out[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    } else {
      out[n++] = cp;
    }
    i += 1 + width;
    runStart = i + 1;
  }
  return n;
}
