// Pickles stored whole inside another format's bytes, found by their header: PyTables' ObjectAtom (an HDF5 VLArray,
// also what pandas' HDFStore uses for object data) stores each row as pickle.dumps(obj, HIGHEST_PROTOCOL) and
// unpickles it on read. Protocols 4 and 5 open with PROTO then a FRAME whose 8-byte length must fit in the file, which
// random weight bytes rarely match (about once per 16 MB); the caller keeps only analyses that parse. Browser-safe.
import { readRange } from "./sources.js";
import type { ByteSource } from "../types.js";

const WINDOW = 4 * 1024 * 1024;
const HEADER = 11; // PROTO n, FRAME, 8-byte length
const MAX_FOUND = 1_000;

/** Offsets of `\x80\x04\x95` / `\x80\x05\x95` headers whose frame fits in the source, within its first `maxBytes`. */
export async function findFramedPickles(source: ByteSource, maxBytes: number): Promise<number[]> {
  const found: number[] = [];
  const end = Math.min(source.size, maxBytes);
  for (let start = 0; start < end && found.length < MAX_FOUND; start += WINDOW - HEADER) {
    const window = await readRange(source, start, Math.min(WINDOW, end - start));
    for (let i = window.indexOf(0x80); i >= 0 && i + HEADER <= window.length; i = window.indexOf(0x80, i + 1)) {
      if ((window[i + 1] !== 4 && window[i + 1] !== 5) || window[i + 2] !== 0x95) continue;
      const view = new DataView(window.buffer, window.byteOffset + i + 3, 8);
      const frame = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
      if (frame === 0 || start + i + HEADER + frame > source.size) continue;
      if (found.length === 0 || found[found.length - 1]! < start + i) found.push(start + i);
      if (found.length >= MAX_FOUND) break;
    }
    if (window.length < WINDOW) break;
  }
  return found;
}
