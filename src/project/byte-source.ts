// ByteSource over a file on disk: random access by positioned reads, so multi-GB artifacts are read by seeking,
// never loaded whole. The reads are synchronous behind the asynchronous interface: each is a single system call
// on a local file, and a scan of many files then costs no thread-pool round trips (hundreds of member reads of
// one archive used to wait on the event loop behind other work).
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { ByteSource } from "../artifacts/types.js";

export type FileByteSource = ByteSource & { close(): Promise<void> };

/** Files up to this size are read in one go and served from memory. */
const WHOLE_READ_LIMIT = 4 * 1024 * 1024;

export async function openFileByteSource(path: string): Promise<FileByteSource> {
  const fd = openSync(path, "r");
  try {
    const { size } = fstatSync(fd);
    if (size <= WHOLE_READ_LIMIT) {
      const bytes = readFully(fd, 0, size);
      closeSync(fd);
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
        return readFully(fd, start, Math.max(0, Math.min(length, size - start)));
      },
      async close(): Promise<void> {
        if (closed) return;
        closed = true;
        closeSync(fd);
      },
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Reads `length` bytes at `position`, looping over short reads; fewer only at end of file. */
function readFully(fd: number, position: number, length: number): Uint8Array {
  const buffer = new Uint8Array(length);
  let got = 0;
  while (got < length) {
    const bytesRead = readSync(fd, buffer, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === length ? buffer : buffer.subarray(0, got);
}
