// Every container format Pathfinder opens, in the order their signatures are tried. Adding a format is one new
// reader file (implementing ContainerReader) and one line here. Browser-safe.
import { bzip2Reader, gzipReader, joblibZfileReader, lz4Reader, lzmaReader, xzReader, zlibReader, zstdReader } from "./compressed.js";
import { npyReader } from "./npy.js";
import { rarReader } from "./opaque.js";
import { sevenZipReader } from "./sevenzip.js";
import type { ContainerReader } from "./reader.js";
import { tarReader } from "./tar.js";
import { zipReader } from "./zip.js";

export const READERS: readonly ContainerReader[] = [
  // A tar header is checked first, as Python's tarfile.open does: its first bytes are the first member's name,
  // which an attacker chooses, so a name such as "]" (an LZMA properties byte), "x^" (zlib) or "PK\x03\x04" must
  // not make the archive read as something else and hide its members. The header checksum makes this strong.
  tarReader,
  npyReader,
  zipReader,
  gzipReader,
  bzip2Reader,
  xzReader,
  sevenZipReader,
  rarReader,
  zstdReader,
  lz4Reader,
  // Weak signatures (two bytes, a properties byte) last.
  zlibReader,
  lzmaReader,
  joblibZfileReader,
];

/** The reader for the format `head` (a file's or member's first bytes) starts with, if any. */
export function readerFor(head: Uint8Array): ContainerReader | undefined {
  return READERS.find((reader) => reader.sniff(head));
}
