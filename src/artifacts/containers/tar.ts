// POSIX/GNU tar listing (enough for legacy PyTorch checkpoints written by Python's tarfile). Member data is
// never read here: only headers, and GNU long-name / pax `path` records, which are small.
import type { ByteSource } from "../types.js";
import { latin1, utf8 } from "./bytes.js";
import { escapeIssue, ExtractionFolder, MAX_ESCAPE_ISSUES } from "./extraction-paths.js";
import type { ContainerReader, ReaderContext } from "./reader.js";
import { readRange, sliceSource } from "./sources.js";
import { locateLegacyStorages, locateLegacyTensors } from "./torch-legacy.js";

export interface TarEntry {
  name: string;
  /** Absolute offset of the member's data in the source. */
  dataOffset: number;
  size: number;
  type: string;
  /** A link member's target (header field, GNU `K` record or pax `linkpath`). */
  linkName?: string;
}

export interface TarListing {
  entries: TarEntry[];
  warnings: string[];
}

const BLOCK = 512;
const MAX_NAME_RECORD = 1 << 16;

/** A valid header checksum at offset 0 is what makes a tar file (old v7 tars have no magic). */
export function looksLikeTar(head: Uint8Array): boolean {
  return head.length >= BLOCK && headerChecksumOk(head.subarray(0, BLOCK));
}

function headerChecksumOk(header: Uint8Array): boolean {
  const stored = parseOctal(header.subarray(148, 156));
  if (stored === null) return false;
  // tarfile accepts the sum of the bytes read as unsigned or as signed (some old tars wrote the latter).
  let sum = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : header[i]!;
    sum += b;
    signed += b < 0x80 ? b : b - 0x100;
  }
  return sum === stored || signed === stored;
}

function parseOctal(field: Uint8Array): number | null {
  const text = latin1(field).replace(/\0.*$/s, "").trim();
  if (!/^[0-7]+$/.test(text)) return null;
  return parseInt(text, 8);
}

function parseSize(field: Uint8Array): number | null {
  if ((field[0]! & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return Number.isSafeInteger(value) ? value : null;
  }
  return parseOctal(field);
}

function cString(field: Uint8Array): string {
  const end = field.indexOf(0);
  return utf8(end < 0 ? field : field.subarray(0, end));
}

export async function listTar(source: ByteSource, maxEntries: number): Promise<TarListing> {
  const listing: TarListing = { entries: [], warnings: [] };
  let at = 0;
  let pendingName: string | undefined;
  let pendingSize: number | undefined;
  let pendingLink: string | undefined;
  while (at + BLOCK <= source.size) {
    const header = await readRange(source, at, BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!headerChecksumOk(header)) {
      listing.warnings.push(`tar header at offset ${at} has a bad checksum; listing stopped`);
      break;
    }
    const size = parseSize(header.subarray(124, 136));
    if (size === null) {
      listing.warnings.push(`tar header at offset ${at} has an unreadable size; listing stopped`);
      break;
    }
    let type = String.fromCharCode(header[156]!) || "0";
    let dataOffset = at + BLOCK;
    if (type === "L" || type === "K" || type === "x" || type === "X") {
      if (dataOffset + size > source.size) listing.warnings.push(`tar member at offset ${at} is truncated`);
      const record = await readRange(source, dataOffset, Math.min(size, MAX_NAME_RECORD));
      if (type === "L") pendingName = cString(record);
      else if (type === "K") pendingLink = cString(record);
      else {
        const pax = paxRecords(utf8(record));
        pendingName = pax.path ?? pendingName;
        pendingSize = pax.size ?? pendingSize;
        pendingLink = pax.linkpath ?? pendingLink;
      }
    } else if (type !== "g") {
      const prefix = latin1(header.subarray(257, 263)).startsWith("ustar") ? cString(header.subarray(345, 500)) : "";
      const base = cString(header.subarray(0, 100));
      const name = pendingName ?? (prefix ? `${prefix}/${base}` : base);
      pendingName = undefined;
      // A pax `size` record replaces the header's size field (tarfile honours it when it finds the next header).
      const memberSize = pendingSize ?? size;
      pendingSize = undefined;
      const linkName = pendingLink ?? cString(header.subarray(157, 257));
      pendingLink = undefined;
      // tarfile: a "regular" member whose name ends with a slash is a directory.
      if (type === "\0" && name.endsWith("/")) type = "5";
      if (type === "\0") type = "0";
      // An old GNU sparse member's map may continue in extension headers before its data.
      if (type === "S") dataOffset = await afterSparseExtensions(source, header, dataOffset);
      if (listing.entries.length >= maxEntries) {
        listing.warnings.push(`tar has more than ${maxEntries} members; the rest were not inspected`);
        break;
      }
      const carriesData = !NO_DATA_TYPES.has(type);
      if (carriesData && dataOffset + memberSize > source.size) listing.warnings.push(`tar member at offset ${at} is truncated`);
      listing.entries.push({
        name,
        dataOffset,
        size: carriesData ? Math.max(0, Math.min(memberSize, source.size - dataOffset)) : 0,
        type,
        ...(LINK_TYPES.has(type) && linkName !== "" ? { linkName } : {}),
      });
      // tarfile skips no data after links, directories and devices, whatever their size field says.
      at = dataOffset + (carriesData ? Math.ceil(memberSize / BLOCK) * BLOCK : 0);
      continue;
    }
    at = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
  }
  return listing;
}

/** Hard link and symbolic link type flags. */
const LINK_TYPES = new Set(["1", "2"]);

/** Types tarfile knows that have no data blocks (links, devices, directories, FIFOs). */
const NO_DATA_TYPES = new Set(["1", "2", "3", "4", "5", "6"]);

/** Where an old GNU sparse member's data starts: after the extension headers its `isextended` flags announce. */
async function afterSparseExtensions(source: ByteSource, header: Uint8Array, dataOffset: number): Promise<number> {
  let extended = header[482] !== 0;
  while (extended && dataOffset + BLOCK <= source.size) {
    const block = await readRange(source, dataOffset, BLOCK);
    extended = block[504] !== 0;
    dataOffset += BLOCK;
  }
  return dataOffset;
}

function paxRecords(text: string): { path?: string; size?: number; linkpath?: string } {
  const out: { path?: string; size?: number; linkpath?: string } = {};
  for (const line of text.split("\n")) {
    const match = /^\d+ (path|size|linkpath)=(.*)$/s.exec(line);
    if (match?.[1] === "path") out.path = match[2];
    else if (match?.[1] === "linkpath") out.linkpath = match[2];
    else if (match?.[1] === "size" && /^\d+$/.test(match[2]!)) out.size = Number(match[2]);
  }
  return out;
}

// ---- the container reader ------------------------------------------------------------------------------------

const MAX_TAR_ENTRIES = 100_000;
/** Every type flag Python's tarfile knows (SUPPORTED_TYPES); it reads members of any other type as regular files. */
const TARFILE_KNOWN_TYPES = new Set(["0", "1", "2", "3", "4", "5", "6", "7", "L", "K", "S", "x", "g", "X"]);
/** Members of a legacy (pre-1.6) torch tar checkpoint that torch.load unpickles. */
const LEGACY_TAR_MEMBERS = new Set(["sys_info", "pickle", "storages", "tensors"]);

export const tarReader: ContainerReader = {
  format: "tar",
  sniff: looksLikeTar,
  async list(source, context) {
    const listing = await listTar(source, MAX_TAR_ENTRIES);
    for (const warning of listing.warnings) context.warn(warning, context.member);
    reportEscapes(listing.entries, context);
    // tarfile's extractfile reads regular, contiguous and sparse members, and treats unknown types as regular files.
    const files = listing.entries.filter((e) => !TARFILE_KNOWN_TYPES.has(e.type) || e.type === "0" || e.type === "7" || e.type === "S");
    const legacy = files.some((e) => e.name === "pickle") && files.some((e) => e.name === "sys_info");
    if (legacy) context.trait("torch-legacy");
    const maxOpcodes = context.limits.maxOpcodes;
    return {
      members: files.map((entry) => {
        const data = sliceSource(source, entry.dataOffset, entry.size);
        const fields = { path: entry.name, offset: entry.dataOffset, size: entry.size, compressedSize: entry.size, method: "stored" };
        if (legacy && (entry.name === "storages" || entry.name === "tensors")) {
          // Small pickles interleaved with raw bytes: analysed where they lie.
          const locate = entry.name === "storages" ? locateLegacyStorages : locateLegacyTensors;
          return { ...fields, role: "pickle" as const, pickleRanges: async () => ({ ...(await locate(data, maxOpcodes)), source: data }) };
        }
        return {
          ...fields,
          expectPickle: legacy && LEGACY_TAR_MEMBERS.has(entry.name),
          head: (length: number) => readRange(data, 0, length),
          open: async () => data,
        };
      }),
    };
  },
};

/** Members an extractor would write or link outside its folder (see extraction-paths.ts). */
function reportEscapes(entries: readonly TarEntry[], context: ReaderContext): void {
  let reported = 0;
  let more = 0;
  const folder = new ExtractionFolder();
  for (const entry of entries) {
    const why = folder.memberEscapes(entry.name);
    const linkWhy = entry.linkName === undefined ? undefined : folder.linkEscapes(entry.name, entry.linkName, entry.type === "2" ? "symlink" : "hardlink");
    if (entry.type === "2" && entry.linkName !== undefined) folder.addSymlink(entry.name, entry.linkName);
    if (why === undefined && linkWhy === undefined) continue;
    if (reported >= MAX_ESCAPE_ISSUES) {
      more++;
      continue;
    }
    reported++;
    const what = entry.type === "2" ? "tar symbolic link" : entry.type === "1" ? "tar hard link" : "tar member";
    const member = context.member ? `${context.member}/${entry.name}` : entry.name;
    context.issue(why !== undefined ? escapeIssue(what, entry.name, why) : escapeIssue(what, entry.name, linkWhy!, entry.linkName), member);
  }
  if (more > 0) context.warn(`${more} more tar members leave the extraction folder; not reported one by one`, context.member);
}
