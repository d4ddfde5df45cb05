// ByteSource over a file on disk: random access through a FileHandle, so multi-GB artifacts are read by
// seeking, never loaded whole.
import { open } from "node:fs/promises";
import type { ByteSource } from "../artifacts/types.js";

export type FileByteSource = ByteSource & { close(): Promise<void> };

export async function openFileByteSource(path: string): Promise<FileByteSource> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    let closed = false;
    return {
      size,
      async read(offset: number, length: number): Promise<Uint8Array> {
        const start = Math.max(0, Math.min(offset, size));
        const want = Math.max(0, Math.min(length, size - start));
        const buffer = new Uint8Array(want);
        let got = 0;
        while (got < want) {
          const { bytesRead } = await handle.read(buffer, got, want - got, start + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return got === want ? buffer : buffer.subarray(0, got);
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
