// A bounded bzip2 decoder (decompression only): Huffman + MTF + run-length stages, inverse BWT, final
// run-length expansion. Used for joblib's `bz2` compression and bz2-wrapped pickles. CRCs are not verified.
import { BoundedOutput, CorruptData, decodeBounded } from "./bounded-output.js";
import type { DecompressResult } from "./decompress.js";

class BitReader {
  private position = 0;
  private bitBuffer = 0;
  private bitCount = 0;

  constructor(private readonly input: Uint8Array) {}

  bits(count: number): number {
    if (count > 24) return this.bits(count - 24) * 0x1000000 + this.bits(24);
    while (this.bitCount < count) {
      if (this.position >= this.input.length) throw new CorruptData("bzip2 data is truncated");
      this.bitBuffer = ((this.bitBuffer & ((1 << this.bitCount) - 1)) << 8) | this.input[this.position++]!;
      this.bitCount += 8;
    }
    this.bitCount -= count;
    return (this.bitBuffer >>> this.bitCount) & ((1 << count) - 1);
  }

  bit(): number {
    return this.bits(1);
  }

  alignToByte(): void {
    this.bitCount = 0;
  }

  get atEnd(): boolean {
    return this.position >= this.input.length && this.bitCount === 0;
  }

  peekBytes(count: number): Uint8Array {
    return this.input.subarray(this.position, this.position + count);
  }
}

const BLOCK_MAGIC = 0x314159265359;
const END_MAGIC = 0x177245385090;
const MAX_GROUPS = 6;
const GROUP_SIZE = 50;
const MAX_CODE_LENGTH = 20;

interface HuffmanTable {
  limit: Int32Array;
  base: Int32Array;
  perm: Int32Array;
  minLength: number;
}

function buildTable(lengths: Uint8Array, alphaSize: number): HuffmanTable {
  let minLength = 32;
  let maxLength = 0;
  for (let i = 0; i < alphaSize; i++) {
    minLength = Math.min(minLength, lengths[i]!);
    maxLength = Math.max(maxLength, lengths[i]!);
  }
  const perm = new Int32Array(alphaSize);
  let p = 0;
  for (let length = minLength; length <= maxLength; length++) {
    for (let s = 0; s < alphaSize; s++) if (lengths[s] === length) perm[p++] = s;
  }
  const base = new Int32Array(MAX_CODE_LENGTH + 2);
  const limit = new Int32Array(MAX_CODE_LENGTH + 2).fill(-1);
  for (let i = 0; i < alphaSize; i++) base[lengths[i]! + 1]!++;
  for (let i = 1; i < base.length; i++) base[i]! += base[i - 1]!;
  let code = 0;
  for (let length = minLength; length <= maxLength; length++) {
    code += base[length + 1]! - base[length]!;
    limit[length] = code - 1;
    code <<= 1;
  }
  for (let length = minLength + 1; length <= maxLength; length++) {
    base[length] = ((limit[length - 1]! + 1) << 1) - base[length]!;
  }
  return { limit, base, perm, minLength };
}

function decodeSymbol(reader: BitReader, table: HuffmanTable): number {
  let length = table.minLength;
  let code = reader.bits(length);
  while (length <= MAX_CODE_LENGTH) {
    if (code <= table.limit[length]!) {
      const index = code - table.base[length]!;
      if (index < 0 || index >= table.perm.length) throw new CorruptData("bzip2 Huffman code out of range");
      return table.perm[index]!;
    }
    code = code * 2 + reader.bit();
    length++;
  }
  throw new CorruptData("bzip2 Huffman code is invalid");
}

function decodeBlock(reader: BitReader, blockSizeMax: number, out: BoundedOutput): void {
  reader.bits(32); // block CRC
  if (reader.bit()) throw new CorruptData("randomised bzip2 blocks are not supported");
  const origPtr = reader.bits(24);

  const used: number[] = [];
  const groupsUsed = reader.bits(16);
  for (let i = 0; i < 16; i++) {
    if (groupsUsed & (0x8000 >>> i)) {
      const symbols = reader.bits(16);
      for (let j = 0; j < 16; j++) if (symbols & (0x8000 >>> j)) used.push(i * 16 + j);
    }
  }
  if (used.length === 0) throw new CorruptData("bzip2 block uses no symbols");
  const alphaSize = used.length + 2;

  const groups = reader.bits(3);
  if (groups < 2 || groups > MAX_GROUPS) throw new CorruptData("bzip2 block has an invalid number of tables");
  const selectorCount = reader.bits(15);
  if (selectorCount === 0) throw new CorruptData("bzip2 block has no selectors");
  const mtfGroups = Array.from({ length: groups }, (_, i) => i);
  const selectors = new Uint8Array(selectorCount);
  for (let i = 0; i < selectorCount; i++) {
    let j = 0;
    while (reader.bit()) {
      j++;
      if (j >= groups) throw new CorruptData("bzip2 selector out of range");
    }
    const group = mtfGroups[j]!;
    mtfGroups.splice(j, 1);
    mtfGroups.unshift(group);
    selectors[i] = group;
  }

  const tables: HuffmanTable[] = [];
  for (let t = 0; t < groups; t++) {
    const lengths = new Uint8Array(alphaSize);
    let length = reader.bits(5);
    for (let s = 0; s < alphaSize; s++) {
      for (;;) {
        if (length < 1 || length > MAX_CODE_LENGTH) throw new CorruptData("bzip2 code length out of range");
        if (!reader.bit()) break;
        length += reader.bit() ? -1 : 1;
      }
      lengths[s] = length;
    }
    tables.push(buildTable(lengths, alphaSize));
  }

  // Huffman -> MTF/RUNA-RUNB -> bytes before the BWT.
  const mtf = Uint8Array.from(used);
  const counts = new Int32Array(256);
  // Grown on demand: most blocks of small pickles hold a few KB, and zero-filling 3.6 MB for each costs more.
  let tt = new Uint32Array(Math.min(blockSizeMax, 1 << 14));
  const reserve = (needed: number) => {
    if (needed <= tt.length) return;
    const grown = new Uint32Array(Math.min(blockSizeMax, Math.max(needed, tt.length * 2)));
    grown.set(tt);
    tt = grown;
  };
  const endOfBlock = alphaSize - 1;
  let count = 0;
  let run = 0;
  let runWeight = 1;
  let selector = 0;
  let groupLeft = 0;
  let table = tables[0]!;
  for (;;) {
    if (groupLeft === 0) {
      if (selector >= selectorCount) throw new CorruptData("bzip2 block ran out of selectors");
      table = tables[selectors[selector++]!]!;
      groupLeft = GROUP_SIZE;
    }
    groupLeft--;
    const symbol = decodeSymbol(reader, table);
    if (symbol <= 1) {
      run += (symbol + 1) * runWeight;
      runWeight *= 2;
      if (run > blockSizeMax) throw new CorruptData("bzip2 run exceeds the block size");
      continue;
    }
    if (run > 0) {
      if (count + run > blockSizeMax) throw new CorruptData("bzip2 block exceeds its size");
      const byte = mtf[0]!;
      counts[byte]! += run;
      reserve(count + run);
      for (; run > 0; run--) tt[count++] = byte;
      runWeight = 1;
    }
    if (symbol === endOfBlock) break;
    if (count >= blockSizeMax) throw new CorruptData("bzip2 block exceeds its size");
    const index = symbol - 1;
    const byte = mtf[index]!;
    mtf.copyWithin(1, 0, index);
    mtf[0] = byte;
    counts[byte]!++;
    reserve(count + 1);
    tt[count++] = byte;
  }
  if (origPtr >= count) throw new CorruptData("bzip2 BWT origin out of range");

  // Inverse BWT.
  const starts = new Int32Array(256);
  for (let i = 0, sum = 0; i < 256; i++) {
    starts[i] = sum;
    sum += counts[i]!;
  }
  for (let i = 0; i < count; i++) {
    const byte = tt[i]! & 0xff;
    tt[starts[byte]!++]! |= i << 8;
  }

  // Walk the BWT chain, undoing the initial run-length stage (4 equal bytes, then a repeat count).
  let position = tt[origPtr]! >>> 8;
  let previous = -1;
  let repeat = 0;
  for (let i = 0; i < count; i++) {
    const entry = tt[position]!;
    const byte = entry & 0xff;
    position = entry >>> 8;
    if (repeat === 4) {
      out.fill(previous, byte);
      repeat = 0;
      previous = -1;
      continue;
    }
    if (byte === previous) repeat++;
    else {
      repeat = 1;
      previous = byte;
    }
    out.put(byte);
  }
}

export function decodeBzip2(input: Uint8Array, maxOutput: number): DecompressResult {
  const reader = new BitReader(input);
  return decodeBounded(new BoundedOutput(maxOutput, input.length * 4), (out) => {
    for (let stream = 0; ; stream++) {
      if (reader.bits(24) !== 0x425a68) throw new CorruptData("not a bzip2 stream");
      const level = reader.bits(8) - 0x30;
      if (level < 1 || level > 9) throw new CorruptData("invalid bzip2 block size");
      for (;;) {
        const magic = reader.bits(48);
        if (magic === END_MAGIC) {
          reader.bits(32); // stream CRC
          break;
        }
        if (magic !== BLOCK_MAGIC) throw new CorruptData("invalid bzip2 block header");
        decodeBlock(reader, level * 100_000, out);
      }
      reader.alignToByte();
      const next = reader.peekBytes(3);
      if (reader.atEnd || !(next[0] === 0x42 && next[1] === 0x5a && next[2] === 0x68)) break;
    }
  });
}
