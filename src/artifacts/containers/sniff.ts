// Content sniffing: what a loader would see in the first bytes, whatever the file is called.
import { ascii, startsWith } from "./bytes.js";
import type { Compression } from "./decompress.js";
import { looksLikeNpy } from "./npy.js";
import { looksLikeTar } from "./tar.js";

export type SniffedFormat = Compression | "joblib-zfile" | "7z" | "npy" | "zip" | "tar" | "rar" | "lz4" | "unknown";

/** How many leading bytes `sniffFormat` looks at (a tar header is the largest signature). */
export const SNIFF_BYTES = 512;

export function sniffFormat(head: Uint8Array): SniffedFormat {
  // A tar header is checked first, as Python's tarfile.open does: its first bytes are the first member's name,
  // which an attacker chooses, so a name such as "]" (an LZMA properties byte), "x^" (zlib) or "PK\x03\x04" must
  // not make the archive read as something else and hide its members. The header checksum makes this strong.
  if (looksLikeTar(head)) return "tar";
  if (looksLikeNpy(head)) return "npy";
  if (startsWith(head, ascii("PK\x03\x04")) || startsWith(head, ascii("PK\x05\x06"))) return "zip";
  if (startsWith(head, [0x1f, 0x8b])) return "gzip";
  if (startsWith(head, ascii("BZh")) && head.length > 3 && head[3]! >= 0x31 && head[3]! <= 0x39) return "bz2";
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return "xz";
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return "7z";
  if (startsWith(head, ascii("Rar!\x1a\x07"))) return "rar";
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return "zstd";
  if (startsWith(head, [0x04, 0x22, 0x4d, 0x18])) return "lz4";
  if (looksLikeZlib(head)) return "zlib";
  if (looksLikeLzmaAlone(head)) return "lzma";
  if (startsWith(head, ascii("ZF")) && head.length >= 22 && head[21] === 0x78) return "joblib-zfile";
  return "unknown";
}

function looksLikeZlib(head: Uint8Array): boolean {
  if (head.length < 2 || head[0] !== 0x78) return false;
  return ((head[0] << 8) | head[1]!) % 31 === 0;
}

/** LZMA "alone" (.lzma) header: properties byte, 32-bit dictionary size, 64-bit size (or all ones). */
function looksLikeLzmaAlone(head: Uint8Array): boolean {
  // Every LZMA encoder in practice (liblzma presets, which Python's lzma and joblib use) writes lc=3 lp=0 pb=2.
  if (head.length < 13 || head[0] !== 0x5d) return false;
  const dict = (head[1]! | (head[2]! << 8) | (head[3]! << 16) | (head[4]! << 24)) >>> 0;
  const sizeKnown = !head.subarray(5, 13).every((b) => b === 0xff);
  return dict >= 1 << 12 && dict <= 1 << 30 && (!sizeKnown || head[12] === 0);
}

/** Extensions that conventionally hold pickles or pickle-bearing containers: a hint only. */
export const ARTIFACT_EXTENSIONS = [
  ".pkl", ".pickle", ".pck", ".pcl", ".p", ".pt", ".pth", ".bin", ".ckpt", ".joblib", ".jbl", ".npy", ".npz",
  ".dill", ".sav", ".model", ".mar", ".pkl.gz", ".pkl.bz2", ".pkl.xz", ".pkl.lzma", ".pkl.z", ".gz", ".bz2",
  ".xz", ".lzma", ".7z", ".zip", ".tar", ".zst", ".z", ".dat", ".th", ".nemo", ".pth.tar", ".tgz", ".tar.gz", ".pk", ".pck",
];

/** Text and source files: a protocol 0 pickle sniff on them needs an extension hint or a binary PROTO header. */
export const TEXT_EXTENSIONS = [
  ".py", ".pyi", ".txt", ".md", ".rst", ".json", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".csv", ".tsv", ".html",
  ".htm", ".xml", ".js", ".ts", ".css", ".sh", ".c", ".h", ".cpp", ".java", ".go", ".rs", ".rb", ".php", ".sql", ".ipynb",
  ".lock", ".log", ".svg", ".tex", ".in", ".conf",
];
