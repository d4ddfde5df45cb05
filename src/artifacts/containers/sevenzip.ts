// Our own 7z reader: signature header, (encoded) header, folders of coder chains, files and their substreams.
// Coders decoded: Copy, LZMA, LZMA2, BZip2, Deflate, Delta and the BCJ filters; anything else (BCJ2, AES
// encryption, PPMd, ...) is reported as not inspectable. Every number is checked against the file before it is
// used; decoding goes through the bounded codecs, charged to the file's decompression budget. Browser-safe.
import type { ByteSource } from "../types.js";
import { XZ_BCJ_FILTERS, type BcjFilter } from "./bcj.js";
import { startsWith, u64le } from "./bytes.js";
import type { Compression } from "./decompress.js";
import { escapeIssue, ExtractionFolder, MAX_ESCAPE_ISSUES } from "./extraction-paths.js";
import type { ContainerMember, ContainerReader, ReaderContext } from "./reader.js";
import { memorySource, readRange } from "./sources.js";

const SIGNATURE = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const MAX_HEADER = 64 << 20;
const MAX_ITEMS = 100_000;
const MAX_HEADER_ROUNDS = 4;

const ID = {
  end: 0x00, header: 0x01, archiveProperties: 0x02, additionalStreams: 0x03, mainStreams: 0x04, filesInfo: 0x05,
  packInfo: 0x06, unpackInfo: 0x07, subStreamsInfo: 0x08, size: 0x09, crc: 0x0a, folder: 0x0b,
  codersUnpackSize: 0x0c, numUnpackStream: 0x0d, emptyStream: 0x0e, emptyFile: 0x0f, name: 0x11, attributes: 0x15,
  encodedHeader: 0x17,
} as const;

/** Windows attributes 7-Zip and py7zr read a symbolic link from: a Unix mode in the high 16 bits, or a reparse point. */
const UNIX_EXTENSION = 0x8000;
const REPARSE_POINT = 0x400;
const S_IFMT = 0xf000;
const S_IFLNK = 0xa000;
/** A link's target is its data: read up to this much of it. */
const MAX_LINK_TARGET = 4096;

class Bad7z extends Error {}

/** Reads the header's numbers, bytes and bit vectors; every read is bounds-checked. */
class HeaderReader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.at >= this.bytes.length) throw new Bad7z("7z header is truncated");
    return this.bytes[this.at++]!;
  }
  take(count: number): Uint8Array {
    if (count < 0 || this.at + count > this.bytes.length) throw new Bad7z("7z header is truncated");
    const out = this.bytes.subarray(this.at, this.at + count);
    this.at += count;
    return out;
  }
  /** 7z's variable-length number: leading one bits of the first byte count the extra bytes. */
  number(): number {
    const first = this.byte();
    let mask = 0x80;
    let value = 0;
    for (let i = 0; i < 8; i++) {
      if ((first & mask) === 0) return value + (first & (mask - 1)) * 2 ** (8 * i);
      value += this.byte() * 2 ** (8 * i);
      mask >>>= 1;
    }
    if (!Number.isSafeInteger(value)) throw new Bad7z("7z number out of range");
    return value;
  }
  count(): number {
    const value = this.number();
    if (value > MAX_ITEMS) throw new Bad7z(`7z header counts ${value} items`);
    return value;
  }
  bits(count: number): boolean[] {
    const out: boolean[] = [];
    let current = 0;
    for (let i = 0; i < count; i++) {
      if (i % 8 === 0) current = this.byte();
      out.push((current & (0x80 >>> i % 8)) !== 0);
    }
    return out;
  }
  /** "All defined" byte, or a bit vector. */
  defined(count: number): boolean[] {
    return this.byte() !== 0 ? new Array<boolean>(count).fill(true) : this.bits(count);
  }
  skipDigests(count: number): void {
    const defined = this.defined(count).filter(Boolean).length;
    this.take(4 * defined);
  }
}

interface Coder {
  method: string;
  inStreams: number;
  outStreams: number;
  properties: Uint8Array;
}

interface Folder {
  coders: Coder[];
  bindPairs: { inIndex: number; outIndex: number }[];
  packedStreams: number[];
  unpackSizes: number[];
  /** Index of this folder's first pack stream. */
  firstPack: number;
}

interface StreamsInfo {
  packPos: number;
  packSizes: number[];
  folders: Folder[];
  /** Per folder: the sizes of the files it holds, in order. */
  substreams: number[][];
}

function readFolder(r: HeaderReader): Folder {
  const coders: Coder[] = [];
  const count = r.count();
  if (count === 0 || count > 32) throw new Bad7z("7z folder has an implausible number of coders");
  let totalIn = 0;
  let totalOut = 0;
  for (let i = 0; i < count; i++) {
    const flags = r.byte();
    const method = [...r.take(flags & 0x0f)].map((b) => b.toString(16).padStart(2, "0")).join("");
    const complex = (flags & 0x10) !== 0;
    const inStreams = complex ? r.count() : 1;
    const outStreams = complex ? r.count() : 1;
    const properties = flags & 0x20 ? r.take(r.count()) : new Uint8Array(0);
    coders.push({ method, inStreams, outStreams, properties });
    totalIn += inStreams;
    totalOut += outStreams;
  }
  const bindPairs = Array.from({ length: totalOut - 1 }, () => ({ inIndex: r.count(), outIndex: r.count() }));
  const packedCount = totalIn - bindPairs.length;
  if (packedCount < 1) throw new Bad7z("7z folder has no packed stream");
  let packedStreams: number[];
  if (packedCount === 1) {
    const free = Array.from({ length: totalIn }, (_, i) => i).find((i) => !bindPairs.some((p) => p.inIndex === i));
    packedStreams = [free ?? 0];
  } else {
    packedStreams = Array.from({ length: packedCount }, () => r.count());
  }
  return { coders, bindPairs, packedStreams, unpackSizes: [], firstPack: 0 };
}

function readStreamsInfo(r: HeaderReader): StreamsInfo {
  const info: StreamsInfo = { packPos: 0, packSizes: [], folders: [], substreams: [] };
  let id = r.byte();
  if (id === ID.packInfo) {
    info.packPos = r.number();
    const count = r.count();
    for (id = r.byte(); id !== ID.end; id = r.byte()) {
      if (id === ID.size) info.packSizes = Array.from({ length: count }, () => r.number());
      else if (id === ID.crc) r.skipDigests(count);
      else throw new Bad7z(`unexpected 7z property ${id} in pack info`);
    }
    id = r.byte();
  }
  if (id === ID.unpackInfo) {
    if (r.byte() !== ID.folder) throw new Bad7z("7z unpack info without folders");
    const count = r.count();
    if (r.byte() !== 0) throw new Bad7z("7z external folders are not supported");
    info.folders = Array.from({ length: count }, () => readFolder(r));
    let pack = 0;
    for (const folder of info.folders) {
      folder.firstPack = pack;
      pack += folder.packedStreams.length;
    }
    if (r.byte() !== ID.codersUnpackSize) throw new Bad7z("7z folders without sizes");
    for (const folder of info.folders) {
      const outs = folder.coders.reduce((n, c) => n + c.outStreams, 0);
      folder.unpackSizes = Array.from({ length: outs }, () => r.number());
    }
    for (id = r.byte(); id !== ID.end; id = r.byte()) {
      if (id === ID.crc) r.skipDigests(count);
      else throw new Bad7z(`unexpected 7z property ${id} in unpack info`);
    }
    id = r.byte();
  }
  const perFolder = info.folders.map(() => 1);
  let sizes: number[][] | undefined;
  if (id === ID.subStreamsInfo) {
    for (id = r.byte(); id !== ID.end; id = r.byte()) {
      if (id === ID.numUnpackStream) {
        for (let i = 0; i < perFolder.length; i++) perFolder[i] = r.count();
      } else if (id === ID.size) {
        sizes = info.folders.map((folder, i) => {
          const n = perFolder[i]!;
          if (n === 0) return [];
          const listed = Array.from({ length: n - 1 }, () => r.number());
          const rest = folderSize(folder) - listed.reduce((a, b) => a + b, 0);
          return [...listed, Math.max(0, rest)];
        });
      } else if (id === ID.crc) {
        const unknown = perFolder.reduce((a, b) => a + b, 0);
        r.skipDigests(unknown);
      } else {
        throw new Bad7z(`unexpected 7z property ${id} in substreams info`);
      }
    }
    id = r.byte();
  }
  info.substreams = sizes ?? info.folders.map((folder, i) => (perFolder[i] === 1 ? [folderSize(folder)] : new Array<number>(perFolder[i]!).fill(0)));
  if (id !== ID.end) throw new Bad7z(`unexpected 7z property ${id} in streams info`);
  return info;
}

/** The folder's output: the out stream that no bind pair consumes. */
function mainOutput(folder: Folder): number {
  const outs = folder.coders.reduce((n, c) => n + c.outStreams, 0);
  for (let i = 0; i < outs; i++) if (!folder.bindPairs.some((p) => p.outIndex === i)) return i;
  throw new Bad7z("7z folder has no output");
}

function folderSize(folder: Folder): number {
  return folder.unpackSizes[mainOutput(folder)] ?? 0;
}

interface FileEntry {
  name: string;
  hasStream: boolean;
  /** Extracted as a symbolic link (its data is the target) by 7-Zip with -snl and by py7zr. */
  symlink?: boolean;
}

function isSymlink(attributes: number): boolean {
  if (attributes & UNIX_EXTENSION) return ((attributes >>> 16) & S_IFMT) === S_IFLNK;
  return (attributes & REPARSE_POINT) !== 0;
}

function readFiles(r: HeaderReader): FileEntry[] {
  const count = r.count();
  const files: FileEntry[] = Array.from({ length: count }, (_, i) => ({ name: `[file ${i}]`, hasStream: true }));
  for (let id = r.byte(); id !== ID.end; id = r.byte()) {
    const size = r.number();
    const body = new HeaderReader(r.take(size));
    if (id === ID.emptyStream) {
      body.bits(count).forEach((empty, i) => (files[i]!.hasStream = !empty));
    } else if (id === ID.name && body.byte() === 0) {
      const text = body.take(size - 1);
      let start = 0;
      for (let i = 0, file = 0; i + 1 < text.length && file < count; i += 2) {
        if (text[i] === 0 && text[i + 1] === 0) {
          files[file++]!.name = new TextDecoder("utf-16le").decode(text.subarray(start, i));
          start = i + 2;
        }
      }
    } else if (id === ID.attributes) {
      const defined = body.defined(count);
      if (body.byte() === 0) {
        defined.forEach((has, i) => {
          if (!has) return;
          const b = body.take(4);
          if (isSymlink((b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0)) files[i]!.symlink = true;
        });
      }
    }
    // Times, attributes, anti items and the rest do not change what a loader reads.
  }
  return files;
}

/** The 7z coder methods this reader decodes: a codec, or a filter run in place over the decoded bytes. */
type Step = { codec: Compression; wrap?: (props: Uint8Array, data: Uint8Array, size: number) => Uint8Array | null } | { filter: (props: Uint8Array) => BcjFilter | null } | { copy: true };

const STEPS = new Map<string, Step>([
  ["00", { copy: true }],
  ["030101", { codec: "lzma", wrap: lzmaAlone }],
  ["21", { codec: "lzma2", wrap: (props, data) => (props.length === 1 ? prepend(props, data) : null) }],
  ["040202", { codec: "bz2" }],
  ["040108", { codec: "deflate-raw" }],
  ["03", { filter: (props) => delta(props) }],
  ["03030103", { filter: () => XZ_BCJ_FILTERS.get(0x04)! }],
  ["03030205", { filter: () => XZ_BCJ_FILTERS.get(0x05)! }],
  ["03030401", { filter: () => XZ_BCJ_FILTERS.get(0x06)! }],
  ["03030501", { filter: () => XZ_BCJ_FILTERS.get(0x07)! }],
  ["03030701", { filter: () => XZ_BCJ_FILTERS.get(0x08)! }],
  ["03030805", { filter: () => XZ_BCJ_FILTERS.get(0x09)! }],
  ["0a", { filter: () => XZ_BCJ_FILTERS.get(0x0a)! }],
]);

const METHOD_NAMES = new Map([["0303011b", "BCJ2"], ["06f10701", "AES-256 encryption"], ["030401", "PPMd"], ["040109", "Deflate64"]]);

function prepend(head: Uint8Array, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(data, head.length);
  return out;
}

/** A 7z LZMA coder's stream as an LZMA "alone" stream: its 5 property bytes, the unpacked size, the data. */
function lzmaAlone(props: Uint8Array, data: Uint8Array, size: number): Uint8Array | null {
  if (props.length !== 5) return null;
  const header = new Uint8Array(13);
  header.set(props);
  let rest = size;
  for (let i = 0; i < 8; i++) {
    header[5 + i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return prepend(header, data);
}

function delta(props: Uint8Array): BcjFilter | null {
  const distance = (props[0] ?? 0) + 1;
  return (bytes, from, to) => {
    for (let i = from + distance; i < to; i++) bytes[i] = (bytes[i]! + bytes[i - distance]!) & 0xff;
  };
}

class SevenZip {
  constructor(
    private readonly source: ByteSource,
    private readonly context: ReaderContext,
  ) {}

  /** The coders from the packed stream to the folder's output, when every coder is a one-in one-out step. */
  private chain(folder: Folder): Coder[] | string {
    const multi = folder.coders.find((c) => c.inStreams !== 1 || c.outStreams !== 1);
    if (multi) return METHOD_NAMES.get(multi.method) ?? `method ${multi.method}`;
    if (folder.packedStreams.length !== 1) return "several packed streams";
    const chain: Coder[] = [];
    let out = mainOutput(folder);
    for (let guard = 0; guard < folder.coders.length; guard++) {
      const index = out; // one-in one-out coders: coder i has in stream i and out stream i
      const coder = folder.coders[index];
      if (!coder) return "a coder that does not exist";
      chain.unshift(coder);
      const bound = folder.bindPairs.find((p) => p.inIndex === index);
      if (!bound) return folder.packedStreams[0] === index ? chain : "an unbound coder input";
      out = bound.outIndex;
    }
    return "a cycle of coders";
  }

  /** Decodes a folder's output (bounded by the budgets); null when it cannot be decoded (reported). */
  async decodeFolder(info: StreamsInfo, folderIndex: number, label: string): Promise<Uint8Array | null> {
    const folder = info.folders[folderIndex]!;
    const chain = this.chain(folder);
    if (typeof chain === "string" || chain.some((c) => !STEPS.has(c.method))) {
      const method = typeof chain === "string" ? chain : chain.map((c) => METHOD_NAMES.get(c.method) ?? `method ${c.method}`).find((_, i) => !STEPS.has(chain[i]!.method));
      this.context.issue({ kind: "uninspectable", severity: "medium", message: `7z archive uses ${method}, which Pathfinder cannot decode; its files may include pickles` }, label);
      return null;
    }
    let packStart = 32 + info.packPos;
    for (let i = 0; i < folder.firstPack; i++) packStart += info.packSizes[i] ?? 0;
    const packSize = info.packSizes[folder.firstPack] ?? 0;
    if (packStart + packSize > this.source.size) throw new Bad7z("7z packed stream lies outside the file");
    if (packSize > this.context.limits.maxDecompressedBytes) {
      this.context.notInspected("7z packed stream larger than the decompression limit; not inspected", label);
      return null;
    }
    let data = await readRange(this.source, packStart, packSize);
    for (const coder of chain) {
      const step = STEPS.get(coder.method)!;
      const size = folder.unpackSizes[folder.coders.indexOf(coder)] ?? 0;
      if ("copy" in step) continue;
      if ("filter" in step) {
        const filter = step.filter(coder.properties);
        if (filter) {
          data = data.slice();
          filter(data, 0, data.length, 0);
        }
        continue;
      }
      const input = step.wrap ? step.wrap(coder.properties, data, size) : data;
      if (!input) throw new Bad7z(`7z ${step.codec} coder properties are malformed`);
      if (!this.context.canDecompress()) {
        this.context.notInspected("decompression limit reached; not inspected", label);
        return null;
      }
      data = (await this.context.decompress(step.codec, memorySource(input), label)).bytes;
    }
    return data;
  }

  /** The archive's header, decoding encoded headers (a header packed like a folder) as 7-Zip does. */
  async header(): Promise<HeaderReader> {
    const start = await readRange(this.source, 0, 32);
    if (start.length < 32) throw new Bad7z("7z signature header is truncated");
    const offset = u64le(start, 12);
    const size = u64le(start, 20);
    if (32 + offset + size > this.source.size || size > MAX_HEADER) throw new Bad7z("7z header lies outside the file");
    let bytes = await readRange(this.source, 32 + offset, size);
    for (let round = 0; round < MAX_HEADER_ROUNDS; round++) {
      const r = new HeaderReader(bytes);
      const id = r.byte();
      if (id === ID.header) return r;
      if (id !== ID.encodedHeader) throw new Bad7z(`7z header starts with ${id}`);
      const info = readStreamsInfo(r);
      if (info.folders.length === 0) throw new Bad7z("7z encoded header without a folder");
      const decoded = await this.decodeFolder(info, 0, `${this.context.member ?? ""}[7z header]`);
      if (!decoded) throw new Bad7z("7z header could not be decoded");
      bytes = decoded;
    }
    throw new Bad7z("7z header is encoded too many times");
  }
}

export const sevenZipReader: ContainerReader = {
  format: "7z",
  sniff: (head) => startsWith(head, SIGNATURE),
  async list(source, context) {
    const archive = new SevenZip(source, context);
    let r: HeaderReader;
    let info: StreamsInfo = { packPos: 0, packSizes: [], folders: [], substreams: [] };
    let files: FileEntry[] = [];
    try {
      r = await archive.header();
      for (let id = r.byte(); id !== ID.end; id = r.byte()) {
        if (id === ID.mainStreams) info = readStreamsInfo(r);
        else if (id === ID.filesInfo) files = readFiles(r);
        else if (id === ID.archiveProperties || id === ID.additionalStreams) throw new Bad7z("7z archive properties are not supported");
        else throw new Bad7z(`unexpected 7z property ${id} in the header`);
      }
    } catch (error) {
      if (!(error instanceof Bad7z)) throw error;
      context.warn(error.message, context.member);
      context.issue({ kind: "uninspectable", severity: "medium", message: `7z archive could not be read (${error.message}); its files may include pickles` }, context.member);
      return { members: [] };
    }
    // Files with data take the folders' substreams in order.
    const members: ContainerMember[] = [];
    const links = new Map<FileEntry, ContainerMember>();
    const withData = files.filter((f) => f.hasStream);
    let file = 0;
    const cache = new Map<number, Promise<Uint8Array | null>>();
    info.folders.forEach((folder, folderIndex) => {
      let offset = 0;
      for (const size of info.substreams[folderIndex] ?? []) {
        const entry = withData[file++] ?? { name: `[stream ${file}]`, hasStream: true };
        const at = offset;
        offset += size;
        const label = context.member ? `${context.member}/${entry.name}` : entry.name;
        const whole = () => {
          if (!cache.has(folderIndex)) cache.set(folderIndex, archive.decodeFolder(info, folderIndex, label));
          return cache.get(folderIndex)!;
        };
        const member: ContainerMember = {
          path: entry.name,
          offset: at,
          size,
          compressedSize: folder.firstPack < info.packSizes.length ? info.packSizes[folder.firstPack]! : 0,
          method: folder.coders.map((c) => METHOD_NAMES.get(c.method) ?? c.method).join("+"),
          expectPickle: /\.(pkl|pickle)$/i.test(entry.name),
          decoded: true,
          // A solid folder holds many files: it is decoded once, when the first of them is looked at.
          async head(length: number) {
            const bytes = await whole();
            return bytes ? bytes.subarray(at, at + Math.min(length, size)) : new Uint8Array(0);
          },
          async open() {
            const bytes = await whole();
            return bytes ? memorySource(bytes.subarray(at, at + size)) : null;
          },
        };
        members.push(member);
        if (entry.symlink) links.set(entry, member);
      }
    });
    await reportEscapes(files, links, context);
    return { members };
  },
};

/**
 * Files an extractor would write or link outside its folder (see extraction-paths.ts): 7-Zip and py7zr extract in the
 * archive's file order and create symbolic links (py7zr before 0.20.2 kept `..` names: CVE-2022-44900). A link's
 * target is its data, read here (decoding its folder) only for files the attributes mark as links.
 */
async function reportEscapes(files: readonly FileEntry[], links: ReadonlyMap<FileEntry, ContainerMember>, context: ReaderContext): Promise<void> {
  let reported = 0;
  let more = 0;
  const folder = new ExtractionFolder();
  for (const entry of files) {
    const link = links.get(entry);
    const target = link?.head ? new TextDecoder().decode(await link.head(MAX_LINK_TARGET)) : undefined;
    const why = folder.memberEscapes(entry.name);
    const linkWhy = target === undefined ? undefined : folder.linkEscapes(entry.name, target, "symlink");
    if (target !== undefined) folder.addSymlink(entry.name, target);
    if (why === undefined && linkWhy === undefined) continue;
    if (reported >= MAX_ESCAPE_ISSUES) {
      more++;
      continue;
    }
    reported++;
    const member = context.member ? `${context.member}/${entry.name}` : entry.name;
    const what = target === undefined ? "7z member" : "7z symbolic link";
    context.issue(why !== undefined ? escapeIssue(what, entry.name, why) : escapeIssue(what, entry.name, linkWhy!, target), member);
  }
  if (more > 0) context.warn(`${more} more 7z members leave the extraction folder; not reported one by one`, context.member);
}
