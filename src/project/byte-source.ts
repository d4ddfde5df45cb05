// ByteSource over a file on disk: random access through a FileHandle, so multi-GB artifacts are read by
// seeking, never loaded whole.
import { open, type FileHandle } from "node:fs/promises";
import type { ByteSource } from "../artifacts/types.js";

export type FileByteSource = ByteSource & { close(): Promise<void> };

/** Files up to this size are read in one go and served from memory: one read instead of several round trips. */
const WHOLE_READ_LIMIT = 1024 * 1024;

export async function openFileByteSource(path: string): Promise<FileByteSource> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size <= WHOLE_READ_LIMIT) {
      const bytes = await readFully(handle, 0, size);
      await handle.close();
      return {
        size: bytes.length,
        read: async (offset, length) => bytes.subarray(Math.max(0, offset), Math.max(0, offset) + Math.max(0, length)),
        close: async () => {},
      };
    }
    let closed = false;
    return {
      size,
      async read(offset: number, length: number): Promise<Uint8Array> {
        const start = Math.max(0, Math.min(offset, size));
        return readFully(handle, start, Math.max(0, Math.min(length, size - start)));
      },
      async close(): Promise<void> {
        if (closed) return;
        closed = true;
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Reads `length` bytes at `position`, looping over short reads; fewer only at end of file. */
async function readFully(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buffer, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === length ? buffer : buffer.subarray(0, got);
}
