// A bounded LZMA / LZMA2 / .xz decoder (decompression only), following the LZMA specification's reference
// decoder. Used for joblib's `lzma` (LZMA "alone") and `xz` compression. Output is capped; integrity checks
// (CRC32/CRC64/SHA-256) are not verified: we read what a loader would read, we do not certify it.
import { XZ_BCJ_FILTERS } from "./bcj.js";
import { BoundedOutput, CorruptData, decodeBounded, LimitReached } from "./bounded-output.js";
import type { DecompressResult } from "./decompress.js";

class OutputWindow extends BoundedOutput {
  /** Start of the current dictionary (LZMA2 dictionary resets): matches may not reach before it. */
  dictStart = 0;

  putBytes(chunk: Uint8Array): void {
    const take = this.room(chunk.length);
    this.bytes.set(take === chunk.length ? chunk : chunk.subarray(0, take), this.length);
    this.length += take;
    this.zerosFrom = this.length;
    if (take < chunk.length) throw new LimitReached();
  }

  /**
   * A match: `length` bytes copied from `distance` back, forwards (an overlapping match repeats its period), as many
   * as fit under the cap. Long overlapping matches (an xz bomb is matches of 273 bytes at distance 1) are copied in
   * doubling blocks; one `put` per byte took ~20 s of CPU for an xz bomb decoding to the 256 MiB limit.
   */
  copyMatch(distance: number, length: number): void {
    if (distance === 1) {
      this.fill(this.back(1), length);
      return;
    }
    const take = this.room(length);
    const bytes = this.bytes;
    const src = this.length - distance;
    const end = this.length + take;
    if (src >= this.zerosFrom) {
      // A copy of zeros onto zeros.
    } else if (take < 64) {
      for (let at = this.length; at < end; at++) bytes[at] = bytes[at - distance]!;
    } else {
      for (let at = this.length; at < end; ) {
        const n = Math.min(end - at, at - src);
        bytes.copyWithin(at, src, src + n);
        at += n;
      }
    }
    if (src < this.zerosFrom) this.zerosFrom = end;
    this.length = end;
    if (take < length) throw new LimitReached();
  }

  /** Byte `distance` positions back (1 = the last byte written). */
  back(distance: number): number {
    const at = this.length - distance;
    // Known zeros are not read: on this kind of host a read of a page never written costs as much as a write.
    return at >= this.zerosFrom ? 0 : this.bytes[at]!;
  }

  canReach(distance: number): boolean {
    return distance <= this.length - this.dictStart;
  }
}

class RangeDecoder {
  private range = 0xffffffff;
  private code = 0;

  constructor(
    private readonly input: Uint8Array,
    public position: number,
    private readonly end: number,
  ) {
    if (this.next() !== 0) throw new CorruptData("range coder does not start with 0");
    for (let i = 0; i < 4; i++) this.code = this.code * 256 + this.next();
    if (this.code === this.range) throw new CorruptData("range coder initial code is invalid");
  }

  private next(): number {
    if (this.position >= this.end) throw new CorruptData("compressed data is truncated");
    return this.input[this.position++]!;
  }

  private normalize(): void {
    if (this.range < 0x1000000) {
      this.range *= 256;
      this.code = this.code * 256 + this.next();
    }
  }

  finishedOk(): boolean {
    return this.code === 0;
  }

  /** The hottest call of the decoder (about ten per output byte): everything it needs is inlined. */
  bit(probs: Uint16Array, index: number): number {
    const prob = probs[index]!;
    let range = this.range;
    let code = this.code;
    const bound = (range >>> 11) * prob;
    let result: number;
    if (code < bound) {
      range = bound;
      probs[index] = prob + ((2048 - prob) >>> 5);
      result = 0;
    } else {
      range -= bound;
      code -= bound;
      probs[index] = prob - (prob >>> 5);
      result = 1;
    }
    if (range < 0x1000000) {
      if (this.position >= this.end) throw new CorruptData("compressed data is truncated");
      range *= 256;
      code = code * 256 + this.input[this.position++]!;
    }
    this.range = range;
    this.code = code;
    return result;
  }

  direct(count: number): number {
    let result = 0;
    for (let i = 0; i < count; i++) {
      this.range = Math.floor(this.range / 2);
      let bit = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        bit = 1;
      }
      result = result * 2 + bit;
      this.normalize();
    }
    return result;
  }

  tree(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) m = m * 2 + this.bit(probs, offset + m);
    return m - (1 << bits);
  }

  reverseTree(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < bits; i++) {
      const bit = this.bit(probs, offset + m);
      m = m * 2 + bit;
      symbol |= bit << i;
    }
    return symbol;
  }
}

const STATES = 12;
const POS_STATES_MAX = 16;
const END_POS_MODEL_INDEX = 14;
const FULL_DISTANCES = 128;

class LengthDecoder {
  readonly probs = new Uint16Array(2 + POS_STATES_MAX * 8 * 2 + 256).fill(1024);

  decode(rc: RangeDecoder, posState: number): number {
    if (rc.bit(this.probs, 0) === 0) return rc.tree(this.probs, 2 + posState * 8, 3);
    if (rc.bit(this.probs, 1) === 0) return 8 + rc.tree(this.probs, 2 + POS_STATES_MAX * 8 + posState * 8, 3);
    return 16 + rc.tree(this.probs, 2 + POS_STATES_MAX * 16, 8);
  }
}

interface Properties {
  lc: number;
  lp: number;
  pb: number;
}

function parseProperties(byte: number): Properties {
  if (byte >= 9 * 5 * 5) throw new CorruptData("invalid LZMA properties byte");
  return { lc: byte % 9, lp: Math.floor(byte / 9) % 5, pb: Math.floor(byte / 45) };
}

/** LZMA decoder state that survives across LZMA2 chunks unless the chunk resets it. */
class LzmaState {
  private literal!: Uint16Array;
  private readonly isMatch = new Uint16Array(STATES * POS_STATES_MAX);
  private readonly isRep = new Uint16Array(STATES);
  private readonly isRepG0 = new Uint16Array(STATES);
  private readonly isRepG1 = new Uint16Array(STATES);
  private readonly isRepG2 = new Uint16Array(STATES);
  private readonly isRep0Long = new Uint16Array(STATES * POS_STATES_MAX);
  private readonly posSlot = new Uint16Array(4 * 64);
  private readonly posDecoders = new Uint16Array(1 + FULL_DISTANCES - END_POS_MODEL_INDEX);
  private readonly align = new Uint16Array(16);
  private lengths = new LengthDecoder();
  private repLengths = new LengthDecoder();
  private state = 0;
  private reps = [0, 0, 0, 0];

  constructor(
    private props: Properties,
    private readonly dictSize: number,
  ) {
    this.reset();
  }

  setProperties(props: Properties): void {
    this.props = props;
  }

  reset(): void {
    this.literal = new Uint16Array(0x300 << (this.props.lc + this.props.lp)).fill(1024);
    for (const probs of [this.isMatch, this.isRep, this.isRepG0, this.isRepG1, this.isRepG2, this.isRep0Long, this.posSlot, this.posDecoders, this.align]) {
      probs.fill(1024);
    }
    this.lengths = new LengthDecoder();
    this.repLengths = new LengthDecoder();
    this.state = 0;
    this.reps = [0, 0, 0, 0];
  }

  /**
   * Decodes until `size` bytes were produced (when given) or the end marker. Returns whether the end marker
   * was seen.
   */
  decode(rc: RangeDecoder, out: OutputWindow, size: number | null): boolean {
    const { lc, lp, pb } = this.props;
    const pbMask = (1 << pb) - 1;
    const lpMask = (1 << lp) - 1;
    let remaining = size ?? Number.POSITIVE_INFINITY;
    for (;;) {
      if (remaining === 0) return false;
      const posState = out.length & pbMask;
      if (rc.bit(this.isMatch, (this.state << 4) + posState) === 0) {
        const prev = out.length > out.dictStart ? out.back(1) : 0;
        const base = 0x300 * (((out.length & lpMask) << lc) + (prev >>> (8 - lc)));
        let symbol = 1;
        if (this.state >= 7) {
          let matchByte = out.back(this.reps[0]! + 1);
          while (symbol < 0x100) {
            const matchBit = (matchByte >>> 7) & 1;
            matchByte <<= 1;
            const bit = rc.bit(this.literal, base + ((1 + matchBit) << 8) + symbol);
            symbol = (symbol << 1) | bit;
            if (matchBit !== bit) break;
          }
        }
        while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(this.literal, base + symbol);
        out.put(symbol - 0x100);
        this.state = this.state < 4 ? 0 : this.state < 10 ? this.state - 3 : this.state - 6;
        remaining--;
        continue;
      }
      let length: number;
      if (rc.bit(this.isRep, this.state) !== 0) {
        if (out.length === out.dictStart) throw new CorruptData("repeated match before any data");
        if (rc.bit(this.isRepG0, this.state) === 0) {
          if (rc.bit(this.isRep0Long, (this.state << 4) + posState) === 0) {
            this.state = this.state < 7 ? 9 : 11;
            out.put(out.back(this.reps[0]! + 1));
            remaining--;
            continue;
          }
        } else {
          let distance: number;
          if (rc.bit(this.isRepG1, this.state) === 0) {
            distance = this.reps[1]!;
          } else {
            if (rc.bit(this.isRepG2, this.state) === 0) {
              distance = this.reps[2]!;
            } else {
              distance = this.reps[3]!;
              this.reps[3] = this.reps[2]!;
            }
            this.reps[2] = this.reps[1]!;
          }
          this.reps[1] = this.reps[0]!;
          this.reps[0] = distance;
        }
        length = this.repLengths.decode(rc, posState);
        this.state = this.state < 7 ? 8 : 11;
      } else {
        this.reps[3] = this.reps[2]!;
        this.reps[2] = this.reps[1]!;
        this.reps[1] = this.reps[0]!;
        length = this.lengths.decode(rc, posState);
        this.state = this.state < 7 ? 7 : 10;
        const distance = this.decodeDistance(rc, length);
        if (distance === 0xffffffff) {
          if (!rc.finishedOk()) throw new CorruptData("end marker with trailing range coder state");
          return true;
        }
        this.reps[0] = distance;
      }
      length += 2;
      const distance = this.reps[0]! + 1;
      if (distance > this.dictSize + 1 || !out.canReach(distance)) throw new CorruptData("match distance beyond the dictionary");
      if (length > remaining) throw new CorruptData("match runs past the declared size");
      out.copyMatch(distance, length);
      remaining -= length;
    }
  }

  private decodeDistance(rc: RangeDecoder, length: number): number {
    const lenState = Math.min(length, 3);
    const slot = rc.tree(this.posSlot, lenState * 64, 6);
    if (slot < 4) return slot;
    const directBits = (slot >>> 1) - 1;
    let distance = (2 | (slot & 1)) * 2 ** directBits;
    if (slot < END_POS_MODEL_INDEX) {
      distance += rc.reverseTree(this.posDecoders, distance - slot - 1, directBits);
    } else {
      distance += rc.direct(directBits - 4) * 16;
      distance += rc.reverseTree(this.align, 0, 4);
    }
    return distance;
  }
}

function run(decode: (out: OutputWindow) => void, maxOutput: number, sizeHint: number): DecompressResult {
  return decodeBounded(new OutputWindow(maxOutput, sizeHint), decode);
}

/** LZMA "alone" (.lzma): 13-byte header (properties, dictionary size, size or -1), then one LZMA stream. */
export function decodeLzmaAlone(input: Uint8Array, maxOutput: number): DecompressResult {
  return run(
    (out) => {
      if (input.length < 13) throw new CorruptData("lzma header is truncated");
      const props = parseProperties(input[0]!);
      const dictSize = Math.max(4096, (input[1]! | (input[2]! << 8) | (input[3]! << 16) | (input[4]! << 24)) >>> 0);
      const sizeKnown = !input.subarray(5, 13).every((b) => b === 0xff);
      let size = 0;
      for (let i = 12; i >= 5; i--) size = size * 256 + input[i]!;
      const rc = new RangeDecoder(input, 13, input.length);
      new LzmaState(props, dictSize).decode(rc, out, sizeKnown ? size : null);
    },
    maxOutput,
    input.length * 4,
  );
}

function lzma2Dictionary(byte: number): number {
  if (byte > 40) throw new CorruptData("invalid LZMA2 dictionary size");
  if (byte === 40) return 0xffffffff;
  return (2 | (byte & 1)) * 2 ** (Math.floor(byte / 2) + 11);
}

/** Raw LZMA2 chunk stream from `start`; returns the offset after the end-of-stream chunk. */
function decodeLzma2(input: Uint8Array, start: number, dictSize: number, out: OutputWindow): number {
  let at = start;
  let state: LzmaState | null = null;
  const need = (n: number): void => {
    if (at + n > input.length) throw new CorruptData("LZMA2 data is truncated");
  };
  for (;;) {
    need(1);
    const control = input[at++]!;
    if (control === 0x00) return at;
    if (control === 0x01 || control === 0x02) {
      need(2);
      const size = ((input[at]! << 8) | input[at + 1]!) + 1;
      at += 2;
      need(size);
      if (control === 0x01) out.dictStart = out.length;
      out.putBytes(input.subarray(at, at + size));
      at += size;
      continue;
    }
    if (control < 0x80) throw new CorruptData(`invalid LZMA2 control byte 0x${control.toString(16)}`);
    need(4);
    const unpacked = (control & 0x1f) * 65536 + ((input[at]! << 8) | input[at + 1]!) + 1;
    const packed = ((input[at + 2]! << 8) | input[at + 3]!) + 1;
    at += 4;
    const reset = (control >>> 5) & 3;
    if (reset === 3) out.dictStart = out.length;
    if (reset >= 2) {
      need(1);
      const props = parseProperties(input[at++]!);
      if (props.lc + props.lp > 4) throw new CorruptData("LZMA2 lc + lp exceeds 4");
      if (state) state.setProperties(props);
      else state = new LzmaState(props, dictSize);
    }
    if (!state) throw new CorruptData("LZMA2 chunk without properties");
    if (reset >= 1) state.reset();
    need(packed);
    const rc = new RangeDecoder(input, at, at + packed);
    state.decode(rc, out, unpacked);
    at += packed;
  }
}

function readVarint(input: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    if (at + i >= input.length) throw new CorruptData("xz header is truncated");
    const byte = input[at + i]!;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  throw new CorruptData("xz varint is too long");
}

const CHECK_SIZES = [0, 4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 64, 64, 64];

/** .xz: stream header, blocks (filter chains of delta and BCJ filters ending in LZMA2), index, further streams. */
const DELTA_FILTER = 0x03;
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/** The delta filter's decoder: each byte adds the byte `distance` before it (zeros before the block). */
function undoDelta(bytes: Uint8Array, start: number, end: number, distance: number): void {
  for (let i = start + distance; i < end; i++) bytes[i] = (bytes[i]! + bytes[i - distance]!) & 0xff;
}

/** After the index at `at`: the offset of the next stream's header, or -1 when none follows. */
function nextXzStream(input: Uint8Array, at: number): number {
  const [count, first] = readVarint(input, at + 1);
  let p = first;
  for (let i = 0; i < count && p < input.length; i++) {
    p = readVarint(input, p)[1];
    p = readVarint(input, p)[1];
  }
  p += (4 - ((p - at) % 4)) % 4; // index padding
  p += 4 + 12; // index CRC32, stream footer
  while (p < input.length && input[p] === 0) p++;
  if (p + 12 > input.length) return -1;
  for (let i = 0; i < XZ_MAGIC.length; i++) if (input[p + i] !== XZ_MAGIC[i]) return -1;
  return p;
}

export function decodeXz(input: Uint8Array, maxOutput: number): DecompressResult {
  return run(
    (out) => {
      if (input.length < 12) throw new CorruptData("xz header is truncated");
      let checkSize = CHECK_SIZES[input[7]! & 0x0f]!;
      let at = 12;
      for (;;) {
        if (at >= input.length) throw new CorruptData("xz stream is truncated");
        const headerByte = input[at]!;
        if (headerByte === 0) {
          // Index, stream footer, then (as Python's lzma reads them) zero padding and further streams.
          const next = nextXzStream(input, at);
          if (next < 0) return;
          checkSize = CHECK_SIZES[input[next + 7]! & 0x0f]!;
          at = next + 12;
          continue;
        }
        const headerSize = (headerByte + 1) * 4;
        if (at + headerSize > input.length) throw new CorruptData("xz block header is truncated");
        const flags = input[at + 1]!;
        let p = at + 2;
        if (flags & 0x40) p = readVarint(input, p)[1];
        if (flags & 0x80) p = readVarint(input, p)[1];
        const filters = (flags & 0x03) + 1;
        let dictSize = 0;
        const undo: ((bytes: Uint8Array, from: number, to: number) => void)[] = [];
        for (let i = 0; i < filters; i++) {
          const [id, afterId] = readVarint(input, p);
          const [propsSize, afterSize] = readVarint(input, afterId);
          const bcj = XZ_BCJ_FILTERS.get(id);
          if (id === DELTA_FILTER && i !== filters - 1 && propsSize === 1) {
            const distance = input[afterSize]! + 1;
            undo.push((bytes, from, to) => undoDelta(bytes, from, to, distance));
          } else if (bcj && i !== filters - 1 && (propsSize === 0 || propsSize === 4)) {
            const start = propsSize === 4 ? (input[afterSize]! | (input[afterSize + 1]! << 8) | (input[afterSize + 2]! << 16) | (input[afterSize + 3]! << 24)) >>> 0 : 0;
            undo.push((bytes, from, to) => bcj(bytes, from, to, start));
          } else if (id !== 0x21 || i !== filters - 1) {
            throw new CorruptData(`xz filter 0x${id.toString(16)} is not supported`);
          } else {
            if (propsSize !== 1) throw new CorruptData("xz LZMA2 properties are malformed");
            dictSize = lzma2Dictionary(input[afterSize]!);
          }
          p = afterSize + propsSize;
        }
        const blockStart = out.length;
        let dataEnd: number;
        try {
          dataEnd = decodeLzma2(input, at + headerSize, dictSize, out);
        } finally {
          // Each block starts a fresh LZMA2 dictionary, so the decoded bytes can be un-filtered in place.
          for (let i = undo.length - 1; i >= 0; i--) undo[i]!(out.bytes, blockStart, out.length);
          if (undo.length > 0) out.rewritten();
        }
        at = dataEnd + ((4 - (dataEnd % 4)) % 4) + checkSize;
      }
    },
    maxOutput,
    input.length * 4,
  );
}

/** Raw LZMA2 as 7z stores it: the coder's one properties byte (dictionary size), then the chunk stream. */
export function decodeLzma2Raw(input: Uint8Array, maxOutput: number): DecompressResult {
  return run(
    (out) => {
      if (input.length < 1) throw new CorruptData("lzma2 data is truncated");
      decodeLzma2(input, 1, lzma2Dictionary(input[0]!), out);
    },
    maxOutput,
    input.length * 4,
  );
}
