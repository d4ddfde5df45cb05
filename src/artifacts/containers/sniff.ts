// Content sniffing: what a loader would see in the first bytes, whatever the file is called.
import { readerFor } from "./formats.js";

/** A container format's name (zip, tar, gzip, ...; see formats.ts), or "unknown". */
export type SniffedFormat = string;

/** How many leading bytes `sniffFormat` looks at (a tar header is the largest signature). */
export const SNIFF_BYTES = 512;

export function sniffFormat(head: Uint8Array): SniffedFormat {
  return readerFor(head)?.format ?? "unknown";
}

/** Extensions that conventionally hold pickles or pickle-bearing containers: a hint only. */
export const ARTIFACT_EXTENSIONS = [
  ".pkl", ".pickle", ".pck", ".pcl", ".p", ".pt", ".pth", ".bin", ".ckpt", ".joblib", ".jbl", ".npy", ".npz",
  ".dill", ".sav", ".model", ".mar", ".pkl.gz", ".pkl.bz2", ".pkl.xz", ".pkl.lzma", ".pkl.z", ".gz", ".bz2",
  ".xz", ".lzma", ".7z", ".zip", ".tar", ".zst", ".lz4", ".z", ".dat", ".th", ".nemo", ".pth.tar", ".tgz", ".tar.gz", ".pk", ".pck",
  ".h5", ".hdf5", ".keras", ".gguf", ".onnx", ".safetensors",
];

/** Text and source files: a protocol 0 pickle sniff on them needs an extension hint or a binary PROTO header. */
export const TEXT_EXTENSIONS = [
  ".py", ".pyi", ".txt", ".md", ".rst", ".json", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".csv", ".tsv", ".html",
  ".htm", ".xml", ".js", ".ts", ".css", ".sh", ".c", ".h", ".cpp", ".java", ".go", ".rs", ".rb", ".php", ".sql", ".ipynb",
  ".lock", ".log", ".svg", ".tex", ".in", ".conf",
];
