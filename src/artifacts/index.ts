// Public surface of the artifact scanner (model and data files that may hold pickles). Browser-safe.
import { ARTIFACT_EXTENSIONS, SNIFF_BYTES, sniffFormat, TEXT_EXTENSIONS } from "./containers/sniff.js";
import { looksLikeHdf5 } from "./keras/hdf5.js";
import { looksLikeGguf } from "./gguf/reader.js";
import { isKerasMetadataName } from "./keras/judge.js";
import { isNemoContextName } from "./config/instantiate.js";
import { looksLikePickle } from "./pickle/index.js";

export { scanArtifact } from "./scan.js";
export type { ArtifactAnalysis, ArtifactLayoutEntry, ArtifactRole, ArtifactScanResult } from "./scan.js";
export { ARTIFACT_RULES, ruleForIssue } from "./rules.js";
export { memorySource, sliceSource } from "./containers/sources.js";
export { SNIFF_BYTES } from "./containers/sniff.js";
export type { ByteSource, PickleScanOptions, PicklePolicyMode, PickleIssue } from "./types.js";

/** Whether the file's name is a model file's (an artifact extension, a Keras metadata or NeMo 2.0 context name). */
export function hasArtifactName(relPath: string): boolean {
  const lower = relPath.toLowerCase();
  return ARTIFACT_EXTENSIONS.some((ext) => lower.endsWith(ext)) || isKerasMetadataName(lower) || isNemoContextName(lower);
}

/**
 * Whether a file deserves an artifact scan: a conventional extension, or first bytes that sniff as a pickle or
 * a container. `head` should be the first SNIFF_BYTES bytes (fewer is fine for short files), or a function that
 * reads them: it is called only when the name does not decide (a model folder's files are then opened once).
 */
export function isArtifactCandidate(relPath: string, head: Uint8Array | (() => Uint8Array)): boolean {
  const lower = relPath.toLowerCase();
  if (hasArtifactName(relPath)) return true;
  const bytes = typeof head === "function" ? head() : head;
  if (bytes.length === 0) return false;
  if (looksLikeHdf5(bytes) || looksLikeGguf(bytes)) return true;
  const format = sniffFormat(bytes);
  if (format !== "unknown" && format !== "tar" && format !== "zlib") return true;
  // Protocol 0/1 pickles have no magic: any file that is not a known text format and parses as one is examined.
  return TEXT_EXTENSIONS.some((ext) => lower.endsWith(ext)) ? looksLikeStrongPickle(bytes) : looksLikePickle(bytes, bytes.length >= SNIFF_BYTES);
}

/** Text files (source code) can look like protocol-0 pickles; with a text extension demand a binary pickle. */
function looksLikeStrongPickle(head: Uint8Array): boolean {
  return head[0] === 0x80 && head[1] !== undefined && head[1] <= 5 && looksLikePickle(head);
}
