// Our own zip directory reader: EOCD (+ zip64), central directory, local headers, and a local-header walk
// when the EOCD is missing. CRCs and flag bits are deliberately ignored: loaders ignore them too, and an
// attacker controls them. Every size and offset is checked against the source before it is used.
import type { ByteSource } from "../types.js";
import { ascii, crc32, indexOf, lastIndexOf, startsWith, u16le, u32le, u64le, utf8 } from "./bytes.js";
import type { Compression } from "./decompress.js";
import { decodedMember, type ContainerListing, type ContainerMember, type ContainerReader, type ReaderContext } from "./reader.js";
import { escapeIssue, escapesExtraction, MAX_ESCAPE_ISSUES } from "./extraction-paths.js";
import { memorySource, readRange, sliceSource } from "./sources.js";

const LOCAL_SIG = ascii("PK\x03\x04");
const CENTRAL_SIG = ascii("PK\x01\x02");
const EOCD_SIG = ascii("PK\x05\x06");
const ZIP64_EOCD_SIG = ascii("PK\x06\x06");
const ZIP64_LOCATOR_SIG = ascii("PK\x06\x07");
const DESCRIPTOR_SIG = ascii("PK\x07\x08");
const EOCD_SEARCH = 22 + 0xffff;
const MAX_CENTRAL_DIRECTORY = 64 << 20;
const SCAN_CHUNK = 1 << 20;

export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;
export const METHOD_BZIP2 = 12;
export const METHOD_LZMA = 14;
export const METHOD_ZSTD = 93;

/**
 * A zip LZMA member (2-byte version, 2-byte properties size, LZMA properties, raw stream) rewritten as an
 * LZMA "alone" stream (properties, 64-bit size, raw stream) for the LZMA decoder; null when malformed.
 */
export function zipLzmaAsAlone(member: Uint8Array, uncompressedSize: number): Uint8Array | null {
  if (member.length < 4) return null;
  const propsSize = u16le(member, 2);
  if (propsSize !== 5 || member.length < 4 + propsSize) return null;
  const out = new Uint8Array(5 + 8 + member.length - 9);
  out.set(member.subarray(4, 9), 0);
  let size = Number.isSafeInteger(uncompressedSize) && uncompressedSize >= 0 && uncompressedSize !== 0xffffffff ? uncompressedSize : -1;
  for (let i = 0; i < 8; i++) {
    out[5 + i] = size < 0 ? 0xff : size % 256;
    if (size >= 0) size = Math.floor(size / 256);
  }
  out.set(member.subarray(9), 13);
  return out;
}

export interface ZipEntry {
  /** Name from the central directory (or the local header when walking without one). */
  name: string;
  localName?: string;
  /** The name in an Info-ZIP Unicode Path extra field (0x7075), which unzip, 7-Zip and Python 3.12's zipfile use. */
  unicodeName?: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Absolute offset of the local header in the source. */
  localHeaderOffset: number;
  /** Absolute offset of the member's data in the source. */
  dataOffset: number;
}

export interface ZipTrick {
  member?: string;
  message: string;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the archive's first byte sits in the source: > 0 when data was prepended. */
  archiveStart: number;
  /** Whether entries come from the central directory (false: local-header walk). */
  fromCentralDirectory: boolean;
  warnings: string[];
  tricks: ZipTrick[];
}

export interface ZipReadOptions {
  maxEntries: number;
}

interface Eocd {
  position: number;
  entries: number;
  cdSize: number;
  cdOffset: number;
  /** Position of the record whose end the central directory should touch (zip64 record when present). */
  recordPosition: number;
}

/** Reads the central directory via the EOCD; null when the source has no usable EOCD. */
export async function readZipDirectory(source: ByteSource, options: ZipReadOptions): Promise<ZipDirectory | null> {
  const warnings: string[] = [];
  const eocd = await findEocd(source, warnings);
  if (!eocd) return null;
  const delta = await locateCentralDirectory(source, eocd);
  if (delta === null) {
    warnings.push("zip central directory not found where the end record points; walking local headers instead");
    const walked = await walkLocalHeaders(source, 0, options);
    walked.warnings.unshift(...warnings);
    return walked;
  }
  const cdStart = eocd.cdOffset + delta;
  let cdSize = Math.min(eocd.cdSize, source.size - cdStart);
  if (cdSize > MAX_CENTRAL_DIRECTORY) {
    warnings.push(`zip central directory of ${eocd.cdSize} bytes exceeds ${MAX_CENTRAL_DIRECTORY}; reading its start only`);
    cdSize = MAX_CENTRAL_DIRECTORY;
  }
  const cd = await readRange(source, cdStart, cdSize);
  const directory: ZipDirectory = { entries: [], archiveStart: delta, fromCentralDirectory: true, warnings, tricks: [] };
  let at = 0;
  while (at + 46 <= cd.length && startsWith(cd, CENTRAL_SIG, at)) {
    if (directory.entries.length >= options.maxEntries) {
      warnings.push(`zip has more than ${options.maxEntries} entries; the rest were not inspected`);
      break;
    }
    const nameLength = u16le(cd, at + 28);
    const extraLength = u16le(cd, at + 30);
    const commentLength = u16le(cd, at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) {
      warnings.push("zip central directory is truncated");
      break;
    }
    const name = utf8(cd.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32le(cd, at + 20);
    let uncompressedSize = u32le(cd, at + 24);
    let localHeaderOffset = u32le(cd, at + 42);
    const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const wide = readZip64Extra(extra, {
      uncompressed: uncompressedSize === 0xffffffff,
      compressed: compressedSize === 0xffffffff,
      offset: localHeaderOffset === 0xffffffff,
    });
    uncompressedSize = wide.uncompressed ?? uncompressedSize;
    compressedSize = wide.compressed ?? compressedSize;
    localHeaderOffset = (wide.offset ?? localHeaderOffset) + delta;
    const unicodeName = readUnicodePathExtra(extra, cd.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      ...(unicodeName !== undefined && unicodeName !== name ? { unicodeName } : {}),
      method: u16le(cd, at + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset: -1,
    };
    await attachLocalHeader(source, entry, directory);
    directory.entries.push(entry);
    at = end;
  }
  if (directory.entries.length < eocd.entries && directory.entries.length < options.maxEntries) {
    warnings.push(`zip end record announces ${eocd.entries} entries, central directory holds ${directory.entries.length}`);
  }
  flagDuplicateNames(directory);
  return directory;
}

async function findEocd(source: ByteSource, warnings: string[]): Promise<Eocd | null> {
  const tailStart = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await readRange(source, tailStart, source.size - tailStart);
  let candidate = lastIndexOf(tail, EOCD_SIG);
  let fallback = -1;
  // Prefer a record whose comment length reaches the end exactly; a comment may itself contain the signature.
  while (candidate >= 0) {
    if (candidate + 22 <= tail.length) {
      if (candidate + 22 + u16le(tail, candidate + 20) === tail.length) break;
      if (fallback < 0) fallback = candidate;
    }
    candidate = lastIndexOf(tail, EOCD_SIG, candidate - 1);
  }
  if (candidate < 0) candidate = fallback;
  if (candidate < 0) return null;
  const position = tailStart + candidate;
  const eocd: Eocd = {
    position,
    entries: u16le(tail, candidate + 10),
    cdSize: u32le(tail, candidate + 12),
    cdOffset: u32le(tail, candidate + 16),
    recordPosition: position,
  };
  if (candidate >= 20 && startsWith(tail, ZIP64_LOCATOR_SIG, candidate - 20)) {
    const claimed = u64le(tail, candidate - 20 + 8);
    const guesses = [claimed, position - 20 - 56].filter((p) => Number.isFinite(p) && p >= 0 && p + 56 <= source.size);
    for (const at of guesses) {
      const record = await readRange(source, at, 56);
      if (!startsWith(record, ZIP64_EOCD_SIG)) continue;
      eocd.entries = u64le(record, 32);
      eocd.cdSize = u64le(record, 40);
      eocd.cdOffset = u64le(record, 48);
      eocd.recordPosition = at;
      break;
    }
    if (eocd.recordPosition === position) warnings.push("zip64 locator present but its end record was not found");
  }
  return eocd;
}

/** How far the archive is shifted in the source (prepended data), or null when no directory is found. */
async function locateCentralDirectory(source: ByteSource, eocd: Eocd): Promise<number | null> {
  const shifted = eocd.recordPosition - eocd.cdSize - eocd.cdOffset;
  const candidates = [shifted, 0].filter((d, i, all) => all.indexOf(d) === i);
  for (const delta of candidates) {
    const at = eocd.cdOffset + delta;
    if (!Number.isFinite(at) || at < 0 || at + 4 > source.size) continue;
    if (eocd.cdSize === 0 && eocd.entries === 0) return delta;
    if (startsWith(await readRange(source, at, 4), CENTRAL_SIG)) return delta;
  }
  return null;
}

function readZip64Extra(
  extra: Uint8Array,
  need: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16le(extra, at);
    const size = u16le(extra, at + 2);
    const body = extra.subarray(at + 4, Math.min(extra.length, at + 4 + size));
    if (id === 0x0001) {
      const out: { uncompressed?: number; compressed?: number; offset?: number } = {};
      let p = 0;
      for (const field of ["uncompressed", "compressed", "offset"] as const) {
        if (!need[field]) continue;
        if (p + 8 > body.length) break;
        out[field] = u64le(body, p);
        p += 8;
      }
      return out;
    }
    at += 4 + size;
  }
  return {};
}

/**
 * The Info-ZIP Unicode Path extra field's name: version 1, the CRC-32 of the header's name (a field whose CRC does
 * not match is stale and ignored, as unzip and zipfile ignore it), then the name in UTF-8.
 */
function readUnicodePathExtra(extra: Uint8Array, headerName: Uint8Array): string | undefined {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16le(extra, at);
    const size = u16le(extra, at + 2);
    if (id === 0x7075 && size >= 5 && at + 4 + size <= extra.length && extra[at + 4] === 1 && u32le(extra, at + 5) === crc32(headerName)) {
      const name = utf8(extra.subarray(at + 9, at + 4 + size));
      return name === "" ? undefined : name;
    }
    at += 4 + size;
  }
  return undefined;
}

async function attachLocalHeader(source: ByteSource, entry: ZipEntry, directory: ZipDirectory): Promise<void> {
  const at = entry.localHeaderOffset;
  if (!Number.isFinite(at) || at < 0 || at + 30 > source.size) {
    directory.warnings.push(`zip member ${entry.name}: local header offset ${at} is outside the file`);
    return;
  }
  const head = await readRange(source, at, 30);
  if (!startsWith(head, LOCAL_SIG)) {
    directory.warnings.push(`zip member ${entry.name}: no local header at offset ${at}`);
    return;
  }
  const nameLength = u16le(head, 26);
  const extraLength = u16le(head, 28);
  entry.localName = utf8(await readRange(source, at + 30, nameLength));
  entry.dataOffset = at + 30 + nameLength + extraLength;
  if (entry.localName !== entry.name) {
    directory.tricks.push({
      member: entry.name,
      message: `zip member named "${entry.name}" in the central directory but "${entry.localName}" in its local header`,
    });
  }
  const localMethod = u16le(head, 8);
  if (localMethod !== entry.method) {
    directory.tricks.push({
      member: entry.name,
      message: `zip member ${entry.name}: compression method ${entry.method} in the central directory but ${localMethod} locally`,
    });
  }
}

function flagDuplicateNames(directory: ZipDirectory): void {
  const seen = new Set<string>();
  for (const entry of directory.entries) {
    if (seen.has(entry.name)) {
      directory.tricks.push({ member: entry.name, message: `zip holds more than one member named "${entry.name}"` });
    }
    seen.add(entry.name);
  }
}

/**
 * Lists members by walking local headers from `start`, for archives whose end record is missing or broken.
 * Members with a data descriptor (sizes unknown up front) end at the next zip signature.
 */
export async function walkLocalHeaders(source: ByteSource, start: number, options: ZipReadOptions): Promise<ZipDirectory> {
  const directory: ZipDirectory = { entries: [], archiveStart: start, fromCentralDirectory: false, warnings: [], tricks: [] };
  let at = start;
  while (at + 30 <= source.size) {
    const head = await readRange(source, at, 30);
    if (!startsWith(head, LOCAL_SIG)) break;
    if (directory.entries.length >= options.maxEntries) {
      directory.warnings.push(`zip has more than ${options.maxEntries} entries; the rest were not inspected`);
      break;
    }
    const nameLength = u16le(head, 26);
    const extraLength = u16le(head, 28);
    const name = utf8(await readRange(source, at + 30, nameLength));
    const extra = await readRange(source, at + 30 + nameLength, extraLength);
    let compressedSize = u32le(head, 18);
    let uncompressedSize = u32le(head, 22);
    const wide = readZip64Extra(extra, {
      uncompressed: uncompressedSize === 0xffffffff,
      compressed: compressedSize === 0xffffffff,
      offset: false,
    });
    compressedSize = wide.compressed ?? compressedSize;
    uncompressedSize = wide.uncompressed ?? uncompressedSize;
    const dataOffset = at + 30 + nameLength + extraLength;
    const hasDescriptor = (u16le(head, 6) & 0x08) !== 0;
    let next: number;
    if (hasDescriptor && compressedSize === 0) {
      const end = await findNextSignature(source, dataOffset);
      compressedSize = end - dataOffset;
      next = end;
      if (startsWith(await readRange(source, end, 4), DESCRIPTOR_SIG)) next = end + 16;
    } else {
      next = dataOffset + compressedSize;
    }
    if (dataOffset + compressedSize > source.size) {
      directory.warnings.push(`zip member ${name} is truncated`);
      compressedSize = Math.max(0, source.size - dataOffset);
    }
    directory.entries.push({
      name,
      localName: name,
      method: u16le(head, 8),
      compressedSize,
      uncompressedSize,
      localHeaderOffset: at,
      dataOffset,
    });
    if (!(next > at)) break;
    at = next;
  }
  if (directory.entries.length > 0) {
    directory.warnings.push("zip end-of-central-directory record missing or unusable; members found by walking local headers");
  }
  flagDuplicateNames(directory);
  return directory;
}

async function findNextSignature(source: ByteSource, from: number): Promise<number> {
  for (let at = from; at < source.size; at += SCAN_CHUNK - 3) {
    const chunk = await readRange(source, at, SCAN_CHUNK);
    const hits = [LOCAL_SIG, CENTRAL_SIG, DESCRIPTOR_SIG].map((sig) => indexOf(chunk, sig)).filter((hit) => hit >= 0);
    if (hits.length > 0) return at + Math.min(...hits);
    if (chunk.length < SCAN_CHUNK) break;
  }
  return source.size;
}

export function looksLikeZipStart(head: Uint8Array): boolean {
  return startsWith(head, LOCAL_SIG);
}

// ---- the container reader ------------------------------------------------------------------------------------

const MAX_ZIP_ENTRIES = 100_000;
const TORCH_PICKLE = /(^|\/)data\.pkl$/;
const TORCH_TENSOR = /(^|\/)data\/\d+$/;
/** torch.load treats a zip with this record (under the archive's root folder) as TorchScript (`_is_torchscript_zip`). */
const TORCHSCRIPT_CONSTANTS = /^([^/]+\/)?constants\.pkl$/;

/** Zip methods Python's zipfile (3.14+ for zstd) decodes, and the codec for each. */
const ZIP_CODECS = new Map<number, Compression>([
  [METHOD_DEFLATE, "deflate-raw"],
  [METHOD_BZIP2, "bz2"],
  [METHOD_LZMA, "lzma"],
  [METHOD_ZSTD, "zstd"],
]);
const ZIP_METHODS = new Map([
  [METHOD_STORED, "stored"],
  [METHOD_DEFLATE, "deflate"],
  [METHOD_BZIP2, "bz2"],
  [METHOD_LZMA, "lzma"],
  [METHOD_ZSTD, "zstd"],
]);

/** Zip members a loader treats as pickles whatever their bytes look like. */
function expectsPickle(name: string): boolean {
  return TORCH_PICKLE.test(name) || /\.(pkl|pickle)$/i.test(name);
}

export const zipReader: ContainerReader = {
  format: "zip",
  sniff: (head) => startsWith(head, LOCAL_SIG) || startsWith(head, EOCD_SIG),
  async list(source, context, options = {}): Promise<ContainerListing | null> {
    const start = options.localHeaderAt ?? 0;
    let directory: ZipDirectory | null = await readZipDirectory(source, { maxEntries: MAX_ZIP_ENTRIES });
    if (!directory && start >= 0) directory = await walkLocalHeaders(source, start, { maxEntries: MAX_ZIP_ENTRIES });
    if (!directory || (directory.entries.length === 0 && !directory.fromCentralDirectory)) return null;
    context.trait("zip");
    const alternates: ByteSource[] = [];
    if (directory.archiveStart > 0 && !options.afterPickle && start <= 0) {
      context.warn(`zip archive starts at offset ${directory.archiveStart}: data was prepended to it`, context.member);
      // Readers that start from the front (streaming unzip, magic-number checks) see the prepended bytes, not
      // the archive the end record describes: inspect them too, and report a second archive there. Found by its end
      // record behind another format's bytes (start -1), the prefix is the file the other readers already read
      // whole: a second look at its first bytes would only find that format cut short (a tar "truncated").
      const prefix = sliceSource(source, 0, directory.archiveStart);
      if (startsWith(await readRange(prefix, 0, 4), LOCAL_SIG)) {
        context.issue(
          {
            kind: "container-mismatch",
            severity: "high",
            message: `two zip archives: readers that start at the front see the one at offset 0, readers that use the end record see the one at offset ${directory.archiveStart}`,
          },
          context.member,
        );
      }
      if (start === 0) alternates.push(prefix);
    }
    for (const warning of directory.warnings) context.warn(warning, context.member);
    for (const trick of directory.tricks) {
      const member = trick.member === undefined ? context.member : context.member ? `${context.member}/${trick.member}` : trick.member;
      context.issue({ kind: "container-mismatch", severity: "high", message: trick.message }, member);
    }
    reportEscapes(directory.entries, context);
    const isTorch = directory.entries.some((e) => TORCH_PICKLE.test(e.name));
    if (isTorch) context.trait("torch-zip");
    if (directory.entries.length > 0 && directory.entries.every((e) => e.name.endsWith(".npy"))) context.trait("npz");
    const members: ContainerMember[] = [];
    const isTorchScript = isTorch && directory.entries.some((e) => TORCHSCRIPT_CONSTANTS.test(e.name));
    for (const entry of directory.entries) members.push(await zipMember(source, entry, isTorch, context, isTorchScript));
    return { members, ...(alternates.length > 0 ? { alternates } : {}) };
  },
};

async function zipMember(source: ByteSource, entry: ZipEntry, isTorch: boolean, context: ReaderContext, torchScript: boolean): Promise<ContainerMember> {
  const fields: ContainerMember = {
    path: entry.name,
    offset: entry.dataOffset,
    size: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    method: ZIP_METHODS.get(entry.method) ?? `method ${entry.method}`,
    expectPickle: expectsPickle(entry.name),
    ...(torchScript ? { torchScript } : {}),
  };
  if (entry.dataOffset < 0) return fields;
  // Raw tensor bytes: skipped by size, never read.
  if (isTorch && TORCH_TENSOR.test(entry.name)) return { ...fields, role: "tensor-data" };
  const name = context.member ? `${context.member}/${entry.name}` : entry.name;
  let compressed = sliceSource(source, entry.dataOffset, entry.compressedSize);
  if (entry.method === METHOD_STORED) {
    return { ...fields, head: (length) => readRange(compressed, 0, length), open: async () => compressed };
  }
  const codec = ZIP_CODECS.get(entry.method);
  if (codec === undefined) {
    context.issue(
      {
        kind: "uninspectable",
        severity: "medium",
        message: `zip member ${entry.name} uses compression method ${entry.method}, which Pathfinder cannot decode`,
      },
      name,
    );
    return fields;
  }
  if (entry.method === METHOD_LZMA) {
    // np.load reads npz members through zipfile, which decodes LZMA; the members are small enough to copy.
    const alone = context.canDecompress() && entry.compressedSize <= context.limits.maxDecompressedBytes
      ? zipLzmaAsAlone(await readRange(compressed, 0, entry.compressedSize), entry.uncompressedSize)
      : null;
    if (!alone) {
      context.warn("LZMA member is malformed or larger than the decompression limit; not inspected", name);
      return fields;
    }
    compressed = memorySource(alone);
  }
  return decodedMember(context, codec, compressed, name, fields);
}

/** Members a Zip Slip extractor would write outside its folder (Python's zipfile drops `..` and `/`; others do not). */
function reportEscapes(entries: readonly ZipEntry[], context: ReaderContext): void {
  let reported = 0;
  for (const entry of entries) {
    if (reported >= MAX_ESCAPE_ISSUES) break;
    const names = [entry.name, entry.localName, entry.unicodeName].filter((n, i, all): n is string => n !== undefined && all.indexOf(n) === i);
    for (const name of names) {
      const why = escapesExtraction(name);
      if (why === undefined) continue;
      reported++;
      context.issue(escapeIssue("zip member", name, why), context.member ? `${context.member}/${entry.name}` : entry.name);
      break;
    }
  }
}
