// A synchronous DEFLATE decoder (RFC 1951) with zlib (RFC 1950) and gzip (RFC 1952) wrappers, for inputs small
// enough that setting up a platform DecompressionStream costs more than decoding. Bounded: output stops at
// `maxOutput`, corrupt or truncated input ends decoding with an error (zlib's wording), and every loop advances
// through the input, so hostile input can neither hang it nor make it allocate more than `maxOutput`. Browser-safe.
import type { DecompressResult } from "./decompress.js";

export interface InflateResult extends DecompressResult {
  /** The input ended before the compressed stream did (decoding more input could produce more output). */
  truncated: boolean;
  /** Input bytes taken by the decoded stream(s), trailers included. */
  consumed: number;
}

/** Bit positions are kept in 32-bit integers, so inputs are limited to 2^28 bytes (with room for padding). */
const MAX_INPUT = (1 << 28) - 64;
/** Zero bytes after the input: bit reads may run a few bytes past the end before the truncation check. */
const PADDING = 16;
/** First guess of output size per input byte; the output grows by doubling from there. */
const TYPICAL_RATIO = 4;

const LENGTH_BASE = Uint16Array.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258);
const LENGTH_EXTRA = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0);
const DIST_BASE = Uint16Array.of(
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
);
const DIST_EXTRA = Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13);
const CODE_LENGTH_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);
const MAX_BITS = 15;

// ---- Huffman tables ------------------------------------------------------------------------------------------
// A table has 2^bits entries indexed by the next `bits` input bits (LSB first); an entry is (symbol << 4) | code
// length, and 0 marks bit patterns that are no code (possible in the incomplete trees zlib accepts).

interface HuffmanTable {
  entries: Uint16Array;
  bits: number;
}

let reversed15: Uint16Array | undefined;
/** reversed15[c] is the 15-bit value c with its bits in reverse order (Huffman codes are sent MSB first). */
function reverseTable(): Uint16Array {
  if (reversed15) return reversed15;
  const table = new Uint16Array(1 << MAX_BITS);
  for (let i = 0; i < table.length; i++) {
    let v = i;
    v = ((v & 0xaaaa) >>> 1) | ((v & 0x5555) << 1);
    v = ((v & 0xcccc) >>> 2) | ((v & 0x3333) << 2);
    v = ((v & 0xf0f0) >>> 4) | ((v & 0x0f0f) << 4);
    v = ((v & 0xff00) >>> 8) | ((v & 0x00ff) << 8);
    table[i] = v >>> 1;
  }
  return (reversed15 = table);
}

const lengthCounts = new Uint16Array(MAX_BITS + 1);
const nextCode = new Uint16Array(MAX_BITS + 1);

/**
 * Builds the decoding table for code lengths `lengths[from, from+count)` into `into`. Returns false for an
 * over-subscribed set, and for an incomplete one unless `allowIncomplete` and it is one of the two incomplete
 * sets zlib accepts for literal/length and distance codes: a single one-bit code, or no code at all.
 */
function buildTable(lengths: Uint8Array, from: number, count: number, into: HuffmanTable, allowIncomplete: boolean): boolean {
  lengthCounts.fill(0);
  for (let i = 0; i < count; i++) lengthCounts[lengths[from + i]!]!++;
  let maxLength = MAX_BITS;
  while (maxLength > 0 && lengthCounts[maxLength] === 0) maxLength--;
  if (maxLength === 0) {
    // No codes: every lookup finds "no code".
    into.bits = 1;
    into.entries[0] = 0;
    into.entries[1] = 0;
    return allowIncomplete;
  }
  let left = 1;
  for (let length = 1; length <= MAX_BITS; length++) {
    left = (left << 1) - lengthCounts[length]!;
    if (left < 0) return false;
  }
  if (left > 0 && !(allowIncomplete && maxLength === 1)) return false;
  let code = 0;
  lengthCounts[0] = 0;
  for (let length = 1; length <= MAX_BITS; length++) {
    code = (code + lengthCounts[length - 1]!) << 1;
    nextCode[length] = code;
  }
  const size = 1 << maxLength;
  const entries = into.entries;
  entries.fill(0, 0, size);
  const reverse = reverseTable();
  for (let symbol = 0; symbol < count; symbol++) {
    const length = lengths[from + symbol]!;
    if (length === 0) continue;
    const entry = (symbol << 4) | length;
    const step = 1 << length;
    for (let i = reverse[nextCode[length]!++]! >>> (MAX_BITS - length); i < size; i += step) entries[i] = entry;
  }
  into.bits = maxLength;
  return true;
}

let fixedTables: { literals: HuffmanTable; distances: HuffmanTable } | undefined;
function fixed(): { literals: HuffmanTable; distances: HuffmanTable } {
  if (fixedTables) return fixedTables;
  const lengths = new Uint8Array(288 + 32);
  lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288).fill(5, 288, 320);
  const literals: HuffmanTable = { entries: new Uint16Array(1 << 9), bits: 0 };
  const distances: HuffmanTable = { entries: new Uint16Array(1 << 5), bits: 0 };
  buildTable(lengths, 0, 288, literals, false);
  buildTable(lengths, 288, 32, distances, false);
  return (fixedTables = { literals, distances });
}

/** Scratch shared by all calls for dynamic blocks (the decoder is synchronous, so calls never overlap). */
const dynamicLiterals: HuffmanTable = { entries: new Uint16Array(1 << MAX_BITS), bits: 0 };
const dynamicDistances: HuffmanTable = { entries: new Uint16Array(1 << MAX_BITS), bits: 0 };
const codeLengthCodes: HuffmanTable = { entries: new Uint16Array(1 << 7), bits: 0 };
const codeLengths = new Uint8Array(286 + 30);
const codeLengthLengths = new Uint8Array(19);

// ---- output --------------------------------------------------------------------------------------------------

/** Growable output, never larger than `cap` bytes. */
class Output {
  bytes: Uint8Array;
  length = 0;

  constructor(
    readonly cap: number,
    initial: number,
  ) {
    this.bytes = new Uint8Array(Math.min(cap, Math.max(1024, initial)));
  }

  /** Makes room for `extra` more bytes if the cap allows; returns the room there is (possibly less). */
  reserve(extra: number): number {
    const need = this.length + extra;
    if (need > this.bytes.length && this.bytes.length < this.cap) {
      const next = new Uint8Array(Math.min(this.cap, Math.max(need, this.bytes.length * 2)));
      next.set(this.bytes.subarray(0, this.length));
      this.bytes = next;
    }
    return this.bytes.length - this.length;
  }

  result(): Uint8Array {
    return this.length === this.bytes.length ? this.bytes : this.bytes.slice(0, this.length);
  }
}

// ---- raw DEFLATE ---------------------------------------------------------------------------------------------

type Status = "end" | "limit" | "truncated" | "corrupt";

interface StreamOutcome {
  status: Status;
  error?: string;
  /** Byte offset just after the stream's last block (when status is "end"). */
  end: number;
}

const END_OF_FILE = "unexpected end of file";

/**
 * Decodes one raw DEFLATE stream from byte `start` of `data` (`length` real bytes followed by PADDING zeros)
 * into `out`. Distances may not reach before the output this stream produced.
 */
function inflateStream(data: Uint8Array, length: number, start: number, out: Output): StreamOutcome {
  const totalBits = length * 8;
  const outStart = out.length;
  let p = start * 8;
  let bytes = out.bytes;
  let o = out.length;
  let room = bytes.length;
  // (No closures over p and o here: captured variables would live in a heap context and slow the hot loop.)

  let last = 0;
  while (last === 0) {
    if (p + 3 > totalBits) return stop(out, o, p, "truncated", END_OF_FILE);
    const header = (data[p >>> 3]! | (data[(p >>> 3) + 1]! << 8)) >>> (p & 7);
    last = header & 1;
    const type = (header >>> 1) & 3;
    p += 3;
    if (type === 0) {
      let at = (p + 7) >>> 3;
      if (at + 4 > length) {
        p = totalBits;
        return stop(out, o, p, "truncated", END_OF_FILE);
      }
      const size = data[at]! | (data[at + 1]! << 8);
      if ((data[at + 2]! | (data[at + 3]! << 8)) !== (~size & 0xffff)) return stop(out, o, p, "corrupt", "invalid stored block lengths");
      at += 4;
      const available = Math.min(size, length - at);
      out.length = o;
      const copy = Math.min(available, out.reserve(available));
      bytes = out.bytes;
      room = bytes.length;
      bytes.set(data.subarray(at, at + copy), o);
      o += copy;
      p = (at + copy) * 8;
      if (copy < available) return stop(out, o, p, "limit");
      if (available < size) return stop(out, o, p, "truncated", END_OF_FILE);
      continue;
    }
    let literals: HuffmanTable;
    let distances: HuffmanTable;
    if (type === 1) {
      ({ literals, distances } = fixed());
    } else if (type === 2) {
      const problem = readDynamicTables(data, p, totalBits);
      if (typeof problem !== "number") {
        p = problem.at;
        return stop(out, o, p, problem.truncated ? "truncated" : "corrupt", problem.error);
      }
      p = problem;
      literals = dynamicLiterals;
      distances = dynamicDistances;
    } else {
      return stop(out, o, p, "corrupt", "invalid block type");
    }

    // The hot loop: one table lookup per symbol; every symbol consumes at least one bit, and the truncation
    // check after it bounds the loop by the input length.
    const litEntries = literals.entries;
    const litBits = literals.bits;
    const litMask = (1 << litBits) - 1;
    const distEntries = distances.entries;
    const distBits = distances.bits;
    const distMask = (1 << distBits) - 1;
    for (;;) {
      let i = p >>> 3;
      let entry = litEntries[((data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16)) >>> (p & 7)) & litMask]!;
      if (entry === 0) return stopBadCode(out, o, p, litBits, totalBits, "invalid literal/length code");
      p += entry & 15;
      if (p > totalBits) return stop(out, o, p, "truncated", END_OF_FILE);
      let symbol = entry >>> 4;
      if (symbol < 256) {
        if (o >= room) {
          out.length = o;
          if (out.reserve(1) < 1) return stop(out, o, p, "limit");
          bytes = out.bytes;
          room = bytes.length;
        }
        bytes[o++] = symbol;
        continue;
      }
      if (symbol === 256) break;
      symbol -= 257;
      if (symbol >= 29) return stop(out, o, p, "corrupt", "invalid literal/length code");
      let copyLength = LENGTH_BASE[symbol]!;
      const lengthBits = LENGTH_EXTRA[symbol]!;
      if (lengthBits > 0) {
        i = p >>> 3;
        copyLength += ((data[i]! | (data[i + 1]! << 8)) >>> (p & 7)) & ((1 << lengthBits) - 1);
        p += lengthBits;
      }
      i = p >>> 3;
      entry = distEntries[((data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16)) >>> (p & 7)) & distMask]!;
      if (entry === 0) return stopBadCode(out, o, p, distBits, totalBits, "invalid distance code");
      p += entry & 15;
      symbol = entry >>> 4;
      if (symbol >= 30) return stopBadCode(out, o, p, 0, totalBits, "invalid distance code");
      let distance = DIST_BASE[symbol]!;
      const distanceBits = DIST_EXTRA[symbol]!;
      if (distanceBits > 0) {
        i = p >>> 3;
        distance += ((data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16)) >>> (p & 7)) & ((1 << distanceBits) - 1);
        p += distanceBits;
      }
      if (p > totalBits) return stop(out, o, p, "truncated", END_OF_FILE);
      if (distance > o - outStart) return stop(out, o, p, "corrupt", "invalid distance too far back");
      let limited = false;
      if (o + copyLength > room) {
        out.length = o;
        const granted = out.reserve(copyLength);
        bytes = out.bytes;
        room = bytes.length;
        if (granted < copyLength) {
          copyLength = granted;
          limited = true;
        }
      }
      let from = o - distance;
      if (copyLength < 32) {
        // Byte by byte: when distance < length the copy reads bytes it has just written (runs).
        for (const end = o + copyLength; o < end; ) bytes[o++] = bytes[from++]!;
      } else if (distance === 1) {
        bytes.fill(bytes[from]!, o, o + copyLength);
        o += copyLength;
      } else if (distance >= copyLength) {
        bytes.copyWithin(o, from, from + copyLength);
        o += copyLength;
      } else {
        for (const end = o + copyLength; o < end; ) bytes[o++] = bytes[from++]!;
      }
      if (limited) return stop(out, o, p, "limit");
    }
  }
  return stop(out, o, p, "end");
}

function stop(out: Output, o: number, p: number, status: Status, error?: string): StreamOutcome {
  out.length = o;
  return { status, ...(error ? { error } : {}), end: (p + 7) >>> 3 };
}

/** A bit pattern that is no code is corruption only if the table lookup read real input, not padding. */
function stopBadCode(out: Output, o: number, p: number, bitsRead: number, totalBits: number, error: string): StreamOutcome {
  return p + bitsRead > totalBits ? stop(out, o, p, "truncated", END_OF_FILE) : stop(out, o, p, "corrupt", error);
}

/** At least 17 bits from bit position p (reads up to 3 bytes, possibly into the padding). */
function peek(data: Uint8Array, p: number): number {
  const i = p >>> 3;
  return (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16)) >>> (p & 7);
}

/**
 * Reads a dynamic block's code lengths (RFC 1951 3.2.7) into the dynamic tables. Returns the bit position after
 * the header, or what went wrong and where.
 */
function readDynamicTables(data: Uint8Array, start: number, totalBits: number): number | { truncated: boolean; error: string; at: number } {
  let p = start;
  const truncated = { truncated: true, error: END_OF_FILE, at: totalBits };
  const corrupt = (error: string) => ({ truncated: false, error, at: start });

  if (p + 14 > totalBits) return truncated;
  const counts = peek(data, p);
  const literalCount = (counts & 31) + 257;
  const distanceCount = ((counts >>> 5) & 31) + 1;
  const lengthCodeCount = ((counts >>> 10) & 15) + 4;
  p += 14;
  if (literalCount > 286 || distanceCount > 30) return corrupt("too many length or distance symbols");
  if (p + lengthCodeCount * 3 > totalBits) return truncated;
  codeLengthLengths.fill(0);
  for (let i = 0; i < lengthCodeCount; i++) {
    codeLengthLengths[CODE_LENGTH_ORDER[i]!] = peek(data, p) & 7;
    p += 3;
  }
  if (!buildTable(codeLengthLengths, 0, 19, codeLengthCodes, false)) return corrupt("invalid code lengths set");

  const total = literalCount + distanceCount;
  const mask = (1 << codeLengthCodes.bits) - 1;
  for (let n = 0; n < total; ) {
    // A complete code-length tree has no gaps, so every lookup finds a code.
    const entry = codeLengthCodes.entries[peek(data, p) & mask]!;
    p += entry & 15;
    if (p > totalBits) return truncated;
    const symbol = entry >>> 4;
    if (symbol < 16) {
      codeLengths[n++] = symbol;
      continue;
    }
    let repeat: number;
    let value = 0;
    if (symbol === 16) {
      if (n === 0) return corrupt("invalid bit length repeat");
      value = codeLengths[n - 1]!;
      repeat = 3 + (peek(data, p) & 3);
      p += 2;
    } else if (symbol === 17) {
      repeat = 3 + (peek(data, p) & 7);
      p += 3;
    } else {
      repeat = 11 + (peek(data, p) & 127);
      p += 7;
    }
    if (p > totalBits) return truncated;
    if (n + repeat > total) return corrupt("invalid bit length repeat");
    codeLengths.fill(value, n, n + repeat);
    n += repeat;
  }
  if (codeLengths[256] === 0) return corrupt("invalid code -- missing end-of-block");
  if (!buildTable(codeLengths, 0, literalCount, dynamicLiterals, true)) return corrupt("invalid literal/lengths set");
  if (!buildTable(codeLengths, literalCount, distanceCount, dynamicDistances, true)) return corrupt("invalid distances set");
  return p;
}

// ---- checksums -----------------------------------------------------------------------------------------------

function adler32(bytes: Uint8Array, from: number, to: number): number {
  let a = 1;
  let b = 0;
  for (let at = from; at < to; ) {
    const end = Math.min(to, at + 5552); // zlib's NMAX: reduce often enough that the sums stay small integers
    for (; at < end; at++) {
      a += bytes[at]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return (b * 65536 + a) >>> 0;
}

let crcTable: Int32Array | undefined;
function crc32(bytes: Uint8Array, from: number, to: number): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const table = crcTable;
  let crc = -1;
  for (let at = from; at < to; at++) crc = table[(crc ^ bytes[at]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

// ---- public decoders -----------------------------------------------------------------------------------------

/** Raw DEFLATE (zip members, `DecompressionStream("deflate-raw")`). Bytes after the final block are ignored. */
export function inflateRaw(input: Uint8Array, maxOutput: number): InflateResult {
  return run(input, maxOutput, (data, length, out) => {
    const outcome = inflateStream(data, length, 0, out);
    return { ...outcome, consumed: outcome.end };
  });
}

/** zlib (RFC 1950): two header bytes, raw DEFLATE, Adler-32 of the output (verified when decoded whole). */
export function inflateZlib(input: Uint8Array, maxOutput: number): InflateResult {
  return run(input, maxOutput, (data, length, out) => {
    if (length < 2) return { status: "truncated", error: END_OF_FILE, consumed: length };
    const cmf = data[0]!;
    const flags = data[1]!;
    if (((cmf << 8) | flags) % 31 !== 0) return { status: "corrupt", error: "incorrect header check", consumed: 0 };
    if ((cmf & 15) !== 8) return { status: "corrupt", error: "unknown compression method", consumed: 0 };
    if ((cmf >>> 4) + 8 > 15) return { status: "corrupt", error: "invalid window size", consumed: 0 };
    if (flags & 0x20) {
      if (length < 6) return { status: "truncated", error: END_OF_FILE, consumed: length };
      return { status: "corrupt", error: "Missing dictionary", consumed: 0 };
    }
    const outcome = inflateStream(data, length, 2, out);
    if (outcome.status !== "end") return { ...outcome, consumed: outcome.end };
    const at = outcome.end;
    if (at + 4 > length) return { status: "truncated", error: END_OF_FILE, consumed: length };
    const expected = (data[at]! * 0x1000000 + ((data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!)) >>> 0;
    if (adler32(out.bytes, 0, out.length) !== expected) return { status: "corrupt", error: "incorrect data check", consumed: at };
    return { status: "end", consumed: at + 4 };
  });
}

/**
 * gzip (RFC 1952), all members of a multi-member file. Like zlib's gunzip (and Node's), a member is followed by
 * another whenever the next byte is not zero; zero bytes after a member are padding, and the rest is ignored.
 */
export function gunzip(input: Uint8Array, maxOutput: number): InflateResult {
  return run(input, maxOutput, (data, length, out) => {
    let at = 0;
    do {
      const body = gzipHeaderEnd(data, length, at);
      if (typeof body !== "number") return { ...body, consumed: at };
      const memberStart = out.length;
      const outcome = inflateStream(data, length, body, out);
      if (outcome.status !== "end") return { ...outcome, consumed: outcome.end };
      const trailer = outcome.end;
      if (trailer + 8 > length) return { status: "truncated", error: END_OF_FILE, consumed: length };
      const crc = (data[trailer]! | (data[trailer + 1]! << 8) | (data[trailer + 2]! << 16)) + data[trailer + 3]! * 0x1000000;
      const size = (data[trailer + 4]! | (data[trailer + 5]! << 8) | (data[trailer + 6]! << 16)) + data[trailer + 7]! * 0x1000000;
      if (crc32(out.bytes, memberStart, out.length) !== crc) return { status: "corrupt", error: "incorrect data check", consumed: trailer };
      if ((out.length - memberStart) % 0x100000000 !== size) return { status: "corrupt", error: "incorrect length check", consumed: trailer };
      at = trailer + 8;
      // Python's gzip module skips zero padding between members and reads on (tar-style block padding).
      while (at < length && data[at] === 0) at++;
    } while (at < length);
    return { status: "end", consumed: at };
  });
}

/** Where a gzip member's compressed data starts, or why its header is unusable. */
function gzipHeaderEnd(data: Uint8Array, length: number, start: number): number | { status: Status; error: string } {
  // Check the fixed bytes that are there before reporting a cut header, as zlib does.
  const available = length - start;
  if (available > 0 && data[start] !== 0x1f) return { status: "corrupt", error: "incorrect header check" };
  if (available > 1 && data[start + 1] !== 0x8b) return { status: "corrupt", error: "incorrect header check" };
  if (available > 2 && data[start + 2] !== 8) return { status: "corrupt", error: "unknown compression method" };
  const flags = data[start + 3]!;
  if (available > 3 && (flags & 0xe0) !== 0) return { status: "corrupt", error: "unknown header flags set" };
  const truncated = { status: "truncated" as const, error: END_OF_FILE };
  if (available < 10) return truncated;
  let at = start + 10;
  if (flags & 4) {
    if (at + 2 > length) return truncated;
    at += 2 + (data[at]! | (data[at + 1]! << 8));
    if (at > length) return truncated;
  }
  for (const flag of [8, 16]) {
    if (!(flags & flag)) continue;
    const nul = data.subarray(0, length).indexOf(0, at);
    if (nul < 0) return truncated;
    at = nul + 1;
  }
  if (flags & 2) {
    if (at + 2 > length) return truncated;
    if ((crc32(data, start, at) & 0xffff) !== (data[at]! | (data[at + 1]! << 8))) return { status: "corrupt", error: "header crc mismatch" };
    at += 2;
  }
  return at;
}

type Wrapper = (data: Uint8Array, length: number, out: Output) => { status: Status; error?: string; consumed: number };

function run(input: Uint8Array, maxOutput: number, decode: Wrapper): InflateResult {
  const cap = Math.max(0, Math.floor(maxOutput));
  if (input.length > MAX_INPUT) {
    return { bytes: new Uint8Array(0), limitReached: false, error: "input too large for the synchronous decoder", truncated: false, consumed: 0 };
  }
  const data = new Uint8Array(input.length + PADDING);
  data.set(input);
  const out = new Output(cap, input.length * TYPICAL_RATIO);
  const outcome = decode(data, input.length, out);
  return {
    bytes: out.result(),
    limitReached: outcome.status === "limit",
    ...(outcome.status === "truncated" || outcome.status === "corrupt" ? { error: outcome.error ?? END_OF_FILE } : {}),
    truncated: outcome.status === "truncated",
    consumed: Math.min(outcome.consumed, input.length),
  };
}
