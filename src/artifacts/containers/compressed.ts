// Single compressed streams (gzip, zlib, bz2, xz, lzma, zstd, lz4, joblib's old "ZF" files): one member, the decoded
// stream, which the dispatcher sniffs and inspects like any file. Browser-safe.
import { ascii, startsWith } from "./bytes.js";
import type { Compression } from "./decompress.js";
import { FRAME_MAGIC, LEGACY_MAGIC } from "./lz4.js";
import { decodedMember, type ContainerReader } from "./reader.js";
import { sliceSource } from "./sources.js";

interface StreamFormat {
  format: string;
  codec: Compression;
  sniff(head: Uint8Array): boolean;
  /** Bytes before the compressed stream. */
  skip?: number;
  trait?: string;
}

const BZIP2_MAGIC = ascii("BZh");
const JOBLIB_ZFILE_MAGIC = ascii("ZF");

function streamReader({ format, codec, sniff, skip = 0, trait }: StreamFormat): ContainerReader {
  return {
    format,
    sniff,
    async list(source, context) {
      if (trait) context.trait(trait);
      const label = `[${codec}]`;
      const name = `${context.member ?? ""}${label}`;
      if (!context.canDecompress()) {
        context.notInspected("decompression limit already reached; not inspected", name);
        return { members: [] };
      }
      const input = skip > 0 ? sliceSource(source, skip, source.size - skip) : source;
      const member = decodedMember(context, codec, input, name, {
        path: label,
        offset: 0,
        size: 0,
        compressedSize: input.size,
        method: codec,
      });
      return { members: [member] };
    },
  };
}

export const gzipReader = streamReader({ format: "gzip", codec: "gzip", sniff: (head) => startsWith(head, [0x1f, 0x8b]) });

export const bzip2Reader = streamReader({
  format: "bz2",
  codec: "bz2",
  sniff: (head) => startsWith(head, BZIP2_MAGIC) && head.length > 3 && head[3]! >= 0x31 && head[3]! <= 0x39,
});

export const xzReader = streamReader({ format: "xz", codec: "xz", sniff: (head) => startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) });

export const zstdReader = streamReader({ format: "zstd", codec: "zstd", sniff: (head) => startsWith(head, [0x28, 0xb5, 0x2f, 0xfd]) });

export const lz4Reader = streamReader({
  format: "lz4",
  codec: "lz4",
  sniff: (head) => startsWith(head, FRAME_MAGIC) || startsWith(head, LEGACY_MAGIC),
});

export const zlibReader = streamReader({
  format: "zlib",
  codec: "zlib",
  sniff: (head) => head.length >= 2 && head[0] === 0x78 && ((head[0] << 8) | head[1]!) % 31 === 0,
});

/** LZMA "alone" (.lzma) header: properties byte, 32-bit dictionary size, 64-bit size (or all ones). */
function looksLikeLzmaAlone(head: Uint8Array): boolean {
  // Every LZMA encoder in practice (liblzma presets, which Python's lzma and joblib use) writes lc=3 lp=0 pb=2.
  if (head.length < 13 || head[0] !== 0x5d) return false;
  const dict = (head[1]! | (head[2]! << 8) | (head[3]! << 16) | (head[4]! << 24)) >>> 0;
  const sizeKnown = !head.subarray(5, 13).every((b) => b === 0xff);
  return dict >= 1 << 12 && dict <= 1 << 30 && (!sizeKnown || head[12] === 0);
}

export const lzmaReader = streamReader({ format: "lzma", codec: "lzma", sniff: looksLikeLzmaAlone });

/** joblib < 0.10: "ZF", the payload length in hex padded to 19 characters, then a zlib stream. */
export const joblibZfileReader = streamReader({
  format: "joblib-zfile",
  codec: "zlib",
  sniff: (head) => startsWith(head, JOBLIB_ZFILE_MAGIC) && head.length >= 22 && head[21] === 0x78,
  skip: 21,
  trait: "joblib",
});
