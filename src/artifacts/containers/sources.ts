// ByteSource adapters: in-memory bytes and windows onto a larger source. Browser-safe.
import type { ByteSource } from "../types.js";

/** Sources whose bytes are all in memory (decoded members and windows onto them): reading them whole costs nothing. */
const inMemory = new WeakSet<ByteSource>();

export function memorySource(bytes: Uint8Array): ByteSource {
  const source: ByteSource = {
    size: bytes.length,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const start = Math.max(0, Math.min(offset, bytes.length));
      return bytes.subarray(start, Math.min(bytes.length, start + Math.max(0, length)));
    },
  };
  inMemory.add(source);
  return source;
}

/** Whether the source's bytes are in memory already (made by memorySource, or a slice of such a source). */
export function isInMemory(source: ByteSource): boolean {
  return inMemory.has(source);
}

/** A window [offset, offset+size) of `parent`, clamped to the parent's end. */
export function sliceSource(parent: ByteSource, offset: number, size: number): ByteSource {
  const start = Math.max(0, Math.min(offset, parent.size));
  const length = Math.max(0, Math.min(size, parent.size - start));
  const source: ByteSource = {
    size: length,
    async read(at: number, want: number): Promise<Uint8Array> {
      if (at >= length || want <= 0) return new Uint8Array(0);
      return parent.read(start + at, Math.min(want, length - at));
    },
  };
  if (inMemory.has(parent)) inMemory.add(source);
  return source;
}

/** Reads exactly min(length, size-offset) bytes, looping over short reads. */
export async function readRange(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  const want = Math.max(0, Math.min(length, source.size - offset));
  if (want === 0) return new Uint8Array(0);
  const first = await source.read(offset, want);
  if (first.length >= want) return first.length === want ? first : first.subarray(0, want);
  const out = new Uint8Array(want);
  out.set(first, 0);
  let got = first.length;
  while (got < want) {
    const more = await source.read(offset + got, want - got);
    if (more.length === 0) break;
    out.set(more.subarray(0, want - got), got);
    got += more.length;
  }
  return got === want ? out : out.subarray(0, got);
}
