// Pickles stored whole inside another format's bytes: PyTables' ObjectAtom (an HDF5 VLArray, also what pandas'
// HDFStore uses for object data) stores each row as pickle.dumps(obj, HIGHEST_PROTOCOL) and unpickles any row on read,
// whatever its protocol (Python 2 wrote protocol 2; a crafted file writes 0). Two searches: protocols 4 and 5 open
// with PROTO then a FRAME whose 8-byte length must fit in the file, which random weight bytes rarely match (about
// once per 16 MB); and a VLArray's rows are objects of HDF5 global heap collections ("GCOL"), whose bounds say where
// each row starts and ends, for the caller to sniff any protocol. The caller keeps only analyses that parse.
// Browser-safe.
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

const GCOL = [0x47, 0x43, 0x4f, 0x4c]; // "GCOL", version 1
const GCOL_HEADER = 16; // signature, version, 3 reserved bytes, 8-byte collection size
const OBJECT_HEADER = 16; // 2-byte index, 2-byte reference count, 4 reserved bytes, 8-byte size

/** A row of a global heap collection: where its bytes start in the source and how many there are. */
export interface HeapObject {
  offset: number;
  size: number;
}

/**
 * The objects of every HDF5 global heap collection within the source's first `maxBytes` (lengths of 8 bytes, as
 * h5py and PyTables write): the variable-length data of the file, VLArray rows among them. A collection whose sizes
 * do not fit is skipped (bytes that only look like its signature).
 */
export async function findHeapObjects(source: ByteSource, maxBytes: number): Promise<HeapObject[]> {
  const found: HeapObject[] = [];
  const end = Math.min(source.size, maxBytes);
  for (let start = 0; start < end && found.length < MAX_FOUND; start += WINDOW - GCOL_HEADER) {
    const window = await readRange(source, start, Math.min(WINDOW, end - start));
    for (let i = window.indexOf(GCOL[0]!); i >= 0 && i + GCOL_HEADER <= window.length && found.length < MAX_FOUND; i = window.indexOf(GCOL[0]!, i + 1)) {
      if (window[i + 1] !== GCOL[1] || window[i + 2] !== GCOL[2] || window[i + 3] !== GCOL[3] || window[i + 4] !== 1) continue;
      const collection = start + i;
      const size = await readLength(source, collection + 8);
      if (size < GCOL_HEADER + OBJECT_HEADER || collection + size > source.size) continue;
      await collectObjects(source, collection, size, found);
    }
    if (window.length < WINDOW) break;
  }
  return found;
}

async function collectObjects(source: ByteSource, collection: number, size: number, found: HeapObject[]): Promise<void> {
  const limit = collection + size;
  for (let at = collection + GCOL_HEADER; at + OBJECT_HEADER <= limit && found.length < MAX_FOUND; ) {
    const header = await readRange(source, at, OBJECT_HEADER);
    const index = header[0]! | (header[1]! << 8);
    if (index === 0) return; // the free space that ends the collection
    const length = await readLength(source, at + 8);
    if (at + OBJECT_HEADER + length > limit) return;
    if (length > 0) found.push({ offset: at + OBJECT_HEADER, size: length });
    at += OBJECT_HEADER + Math.ceil(length / 8) * 8;
  }
}

async function readLength(source: ByteSource, at: number): Promise<number> {
  const bytes = await readRange(source, at, 8);
  if (bytes.length < 8) return -1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  return view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
}
