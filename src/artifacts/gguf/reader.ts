// A bounded reader of a GGUF file's header (ggml's docs/gguf.md): the metadata key/value pairs and the tensor
// descriptions, never the tensor data. Every count and length in the header is checked against the bytes left in
// the file before it is used (llama.cpp's reader overflowed its heap on forged ones), and what does not fit ends
// the walk with a reason. Only string values whose key the caller wants are kept. Browser-safe.
import { ByteCursor } from "../containers/cursor.js";
import type { ByteSource } from "../types.js";

export const GGUF_MAGIC = [0x47, 0x47, 0x55, 0x46]; // "GGUF"

export function looksLikeGguf(head: Uint8Array): boolean {
  return head.length >= 8 && GGUF_MAGIC.every((b, i) => head[i] === b);
}

export interface GgufString {
  key: string;
  value: string;
  /** Offset of the value's bytes in the file. */
  offset: number;
  /** The value was longer than the reader keeps; `value` is its start. */
  truncated: boolean;
}

export interface GgufHeader {
  version: number;
  bigEndian: boolean;
  tensorCount: number;
  metadataCount: number;
  /** Wanted string values (and strings inside wanted arrays of strings). */
  strings: GgufString[];
  /** Why the header could not be read to its end (a count or length that does not fit, an unknown type). */
  malformed?: string;
  /**
   * The header declares what no writer produces (a count or length of 2^31 or more, more than ggml's 4 dimensions,
   * an unknown value type): forged, not merely cut short.
   */
  forged?: boolean;
}

const enum ValueType {
  Uint8 = 0, Int8 = 1, Uint16 = 2, Int16 = 3, Uint32 = 4, Int32 = 5, Float32 = 6, Bool = 7, String = 8, Array = 9,
  Uint64 = 10, Int64 = 11, Float64 = 12,
}

const FIXED_SIZE: Partial<Record<number, number>> = {
  [ValueType.Uint8]: 1, [ValueType.Int8]: 1, [ValueType.Bool]: 1, [ValueType.Uint16]: 2, [ValueType.Int16]: 2,
  [ValueType.Uint32]: 4, [ValueType.Int32]: 4, [ValueType.Float32]: 4, [ValueType.Uint64]: 8, [ValueType.Int64]: 8,
  [ValueType.Float64]: 8,
};

/** ggml's GGML_MAX_DIMS: a tensor description with more dimensions is refused by every reader. */
const MAX_DIMS = 4;
/** Arrays nest (an array of arrays); real files never do it twice. */
const MAX_ARRAY_NESTING = 4;
/** Longest key ggml accepts is far shorter; a longer one is a forged length. */
const MAX_KEY_BYTES = 65_536;

class Malformed extends Error {
  constructor(
    message: string,
    readonly forged = false,
  ) {
    super(message);
  }
}

/** No real count or length reaches this (a vocabulary has ~10^5 tokens, a template ~10^4 bytes). */
const FORGED_COUNT = 2n ** 31n;

export interface GgufReadOptions {
  /** Which string values to keep (by key). */
  wants(key: string): boolean;
  /** The most bytes kept of one wanted string. */
  maxStringBytes: number;
}

export async function readGgufHeader(source: ByteSource, options: GgufReadOptions): Promise<GgufHeader> {
  const walk = new HeaderWalk(source, options);
  const header: GgufHeader = { version: 0, bigEndian: false, tensorCount: 0, metadataCount: 0, strings: walk.strings };
  try {
    await walk.read(header);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    header.malformed = error.message;
    if (error.forged) header.forged = true;
  }
  return header;
}

class HeaderWalk {
  readonly strings: GgufString[] = [];
  private readonly cursor: ByteCursor;
  private littleEndian = true;
  /** Version 1 wrote counts and lengths as 32-bit numbers; later versions as 64-bit. */
  private wide = true;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(
    source: ByteSource,
    private readonly options: GgufReadOptions,
  ) {
    this.cursor = new ByteCursor(source, 4);
  }

  async read(header: GgufHeader): Promise<void> {
    const versionBytes = await this.bytes(4, "version");
    const view = new DataView(versionBytes.buffer, versionBytes.byteOffset, 4);
    let version = view.getUint32(0, true);
    // A big-endian file (ggml writes them for s390x) has its version's bytes the other way round.
    if (version > 0xffff && view.getUint32(0, false) <= 0xffff) {
      this.littleEndian = false;
      header.bigEndian = true;
      version = view.getUint32(0, false);
    }
    header.version = version;
    if (version < 1 || version > 3) throw new Malformed(`unknown GGUF version ${version}`);
    this.wide = version >= 2;
    header.tensorCount = await this.count("tensor count", 8 + 4 + 4 + 8);
    header.metadataCount = await this.count("metadata count", 8 + 4 + 1);
    for (let i = 0; i < header.metadataCount; i++) {
      const key = await this.string(`key of metadata entry ${i}`, MAX_KEY_BYTES, true);
      const type = await this.uint32(`type of ${key.value}`);
      await this.value(key.value, type, 0);
    }
    for (let i = 0; i < header.tensorCount; i++) {
      await this.string(`name of tensor ${i}`, MAX_KEY_BYTES, false);
      const dims = await this.uint32(`dimensions of tensor ${i}`);
      if (dims > MAX_DIMS) throw new Malformed(`tensor ${i} declares ${dims} dimensions (at most ${MAX_DIMS})`, true);
      await this.skip(dims * 8 + 4 + 8, `description of tensor ${i}`);
    }
  }

  private async value(key: string, type: number, nesting: number): Promise<void> {
    const fixed = FIXED_SIZE[type];
    if (fixed !== undefined) return this.skip(fixed, `value of ${key}`);
    if (type === ValueType.String) {
      const keep = this.options.wants(key);
      const read = await this.string(`value of ${key}`, this.options.maxStringBytes, keep);
      if (keep) this.strings.push({ key, value: read.value, offset: read.offset, truncated: read.truncated });
      return;
    }
    if (type !== ValueType.Array) throw new Malformed(`metadata entry ${key} has unknown type ${type}`, true);
    if (nesting >= MAX_ARRAY_NESTING) throw new Malformed(`metadata entry ${key} nests arrays deeper than ${MAX_ARRAY_NESTING}`, true);
    const elementType = await this.uint32(`element type of ${key}`);
    const elementSize = FIXED_SIZE[elementType];
    // An element takes at least its fixed size, or a length field (strings, arrays).
    const length = await this.count(`length of ${key}`, elementSize ?? (elementType === ValueType.Array ? 4 + this.lengthBytes() : this.lengthBytes()));
    if (elementSize !== undefined) return this.skip(length * elementSize, `elements of ${key}`);
    for (let i = 0; i < length; i++) await this.value(key, elementType, nesting + 1);
  }

  private lengthBytes(): number {
    return this.wide ? 8 : 4;
  }

  /** A count or length, refused when `minBytesEach` times it would run past the end of the file. */
  private async count(what: string, minBytesEach: number): Promise<number> {
    const bytes = await this.bytes(this.lengthBytes(), what);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const value = this.wide ? view.getBigUint64(0, this.littleEndian) : BigInt(view.getUint32(0, this.littleEndian));
    const room = BigInt(this.cursor.remaining);
    if (value * BigInt(Math.max(1, minBytesEach)) > room) {
      throw new Malformed(`${what} is ${value}, more than the ${room} bytes left in the file can hold`, value >= FORGED_COUNT);
    }
    return Number(value);
  }

  private async string(what: string, maxKept: number, keep: boolean): Promise<{ value: string; offset: number; truncated: boolean; length: number }> {
    const length = await this.count(`length of ${what}`, 1);
    const offset = this.cursor.position;
    if (!keep) {
      await this.skip(length, what);
      return { value: "", offset, truncated: false, length };
    }
    const kept = Math.min(length, maxKept);
    const bytes = await this.bytes(kept, what);
    const value = this.decoder.decode(bytes);
    if (kept < length) await this.skip(length - kept, what);
    return { value, offset, truncated: kept < length, length };
  }

  private async uint32(what: string): Promise<number> {
    const bytes = await this.bytes(4, what);
    return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, this.littleEndian);
  }

  private async bytes(count: number, what: string): Promise<Uint8Array> {
    const bytes = await this.cursor.take(count);
    if (bytes === null) throw new Malformed(`the file ends inside the ${what}`);
    return bytes;
  }

  private async skip(count: number, what: string): Promise<void> {
    if (count > this.cursor.remaining) throw new Malformed(`the file ends inside the ${what}`);
    this.cursor.position += count;
  }
}
