// LZ4 frames (the format of `lz4.frame` in Python and the `lz4` tool), concatenated frames, skippable frames and
// the legacy frame format, decoded block by block into one capped output. Checksums are not verified: we read
// what a loader would read. (The npm LZ4 decoders are either native, or allocate a whole frame's worth of output
// up front and stop at no cap.) Browser-safe.
import { startsWith, u32le } from "./bytes.js";
import type { DecompressResult } from "./decompress.js";

export const FRAME_MAGIC = [0x04, 0x22, 0x4d, 0x18];
export const LEGACY_MAGIC = [0x02, 0x21, 0x4c, 0x18];
const LEGACY_BLOCK = 8 << 20;

class CapReached extends Error {}
class Corrupt extends Error {}

class Output {
  bytes: Uint8Array;
  length = 0;
  constructor(private readonly cap: number) {
    this.bytes = new Uint8Array(Math.min(cap, 1 << 16));
  }
  private room(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    if (this.length >= this.cap) throw new CapReached();
    const grown = new Uint8Array(Math.min(this.cap, Math.max(this.bytes.length * 2, this.length + count)));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  literal(source: Uint8Array, at: number, count: number): void {
    this.room(count);
    const take = Math.min(count, this.bytes.length - this.length);
    this.bytes.set(source.subarray(at, at + take), this.length);
    this.length += take;
    if (take < count) throw new CapReached();
  }
  match(offset: number, count: number): void {
    if (offset === 0 || offset > this.length) throw new Corrupt("lz4 match offset outside the output");
    this.room(count);
    const take = Math.min(count, this.bytes.length - this.length);
    // An overlapping match (offset < count) repeats the last `offset` bytes: the output from `offset` back is
    // periodic, so it is copied from a whole number of periods back in pieces that double (byte by byte, a
    // few bytes that expand to kilobytes cost thousands of steps).
    const bytes = this.bytes;
    const end = this.length + take;
    let back = offset;
    while (this.length < end) {
      const piece = Math.min(back, end - this.length);
      bytes.copyWithin(this.length, this.length - back, this.length - back + piece);
      this.length += piece;
      back *= 2;
    }
    if (take < count) throw new CapReached();
  }
}

function decodeBlock(input: Uint8Array, start: number, end: number, out: Output): void {
  let at = start;
  while (at < end) {
    const token = input[at++]!;
    let literals = token >>> 4;
    if (literals === 15) {
      let byte: number;
      do {
        if (at >= end) throw new Corrupt("lz4 block is truncated");
        byte = input[at++]!;
        literals += byte;
      } while (byte === 255);
    }
    if (at + literals > end) throw new Corrupt("lz4 block is truncated");
    out.literal(input, at, literals);
    at += literals;
    if (at >= end) return; // the last sequence holds literals only
    if (at + 2 > end) throw new Corrupt("lz4 block is truncated");
    const offset = input[at]! | (input[at + 1]! << 8);
    at += 2;
    let length = (token & 15) + 4;
    if ((token & 15) === 15) {
      let byte: number;
      do {
        if (at >= end) throw new Corrupt("lz4 block is truncated");
        byte = input[at++]!;
        length += byte;
      } while (byte === 255);
    }
    out.match(offset, length);
  }
}

/** One frame from `at`; returns the offset after it. */
function decodeFrame(input: Uint8Array, at: number, out: Output): number {
  const flags = input[at + 4];
  const bd = input[at + 5];
  if (flags === undefined || bd === undefined) throw new Corrupt("lz4 frame header is truncated");
  if (flags >>> 6 !== 1) throw new Corrupt("lz4 frame version is not supported");
  if (flags & 1) throw new Corrupt("lz4 frames with a dictionary are not supported");
  let position = at + 6 + (flags & 8 ? 8 : 0) + (flags & 1 ? 4 : 0) + 1; // + header checksum
  const blockChecksum = (flags & 0x10) !== 0;
  for (;;) {
    if (position + 4 > input.length) throw new Corrupt("lz4 frame is truncated");
    const word = u32le(input, position);
    position += 4;
    if (word === 0) break;
    const size = word % 0x80000000;
    if (position + size > input.length) throw new Corrupt("lz4 frame is truncated");
    if (word >= 0x80000000) out.literal(input, position, size);
    else decodeBlock(input, position, position + size, out);
    position += size + (blockChecksum ? 4 : 0);
  }
  return position + (flags & 4 ? 4 : 0);
}

function decodeLegacyFrame(input: Uint8Array, at: number, out: Output): number {
  let position = at + 4;
  while (position + 4 <= input.length) {
    const size = u32le(input, position);
    if (startsWith(input, FRAME_MAGIC, position) || startsWith(input, LEGACY_MAGIC, position) || size > LEGACY_BLOCK + (LEGACY_BLOCK >>> 7)) break;
    position += 4;
    if (position + size > input.length) throw new Corrupt("lz4 frame is truncated");
    decodeBlock(input, position, position + size, out);
    position += size;
  }
  return position;
}

export function decodeLz4Frames(input: Uint8Array, maxOutput: number): DecompressResult {
  const out = new Output(Math.max(0, maxOutput));
  let at = 0;
  try {
    while (at + 4 <= input.length) {
      if (startsWith(input, FRAME_MAGIC, at)) at = decodeFrame(input, at, out);
      else if (startsWith(input, LEGACY_MAGIC, at)) at = decodeLegacyFrame(input, at, out);
      else if ((u32le(input, at) & 0xfffffff0) === 0x184d2a50 && at + 8 <= input.length) at += 8 + u32le(input, at + 4); // skippable
      else break;
    }
  } catch (error) {
    const bytes = out.bytes.subarray(0, out.length);
    if (error instanceof CapReached) return { bytes, limitReached: true };
    return { bytes, limitReached: false, error: error instanceof Error ? error.message : String(error) };
  }
  return { bytes: out.bytes.subarray(0, out.length), limitReached: false };
}
