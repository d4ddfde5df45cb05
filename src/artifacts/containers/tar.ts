// POSIX/GNU tar listing (enough for legacy PyTorch checkpoints written by Python's tarfile). Member data is
// never read here: only headers, and GNU long-name / pax `path` records, which are small.
import type { ByteSource } from "../types.js";
import { latin1, utf8 } from "./bytes.js";
import type { ContainerReader } from "./reader.js";
import { readRange, sliceSource } from "./sources.js";
import { locateLegacyStorages, locateLegacyTensors } from "./torch-legacy.js";

export interface TarEntry {
  name: string;
  /** Absolute offset of the member's data in the source. */
  dataOffset: number;
  size: number;
  type: string;
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
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum === stored;
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
    const type = String.fromCharCode(header[156]!) || "0";
    const dataOffset = at + BLOCK;
    if (dataOffset + size > source.size) listing.warnings.push(`tar member at offset ${at} is truncated`);
    if (type === "L" || type === "x") {
      const record = await readRange(source, dataOffset, Math.min(size, MAX_NAME_RECORD));
      pendingName = type === "L" ? cString(record) : paxPath(utf8(record)) ?? pendingName;
    } else if (type !== "g") {
      const prefix = latin1(header.subarray(257, 263)).startsWith("ustar") ? cString(header.subarray(345, 500)) : "";
      const base = cString(header.subarray(0, 100));
      const name = pendingName ?? (prefix ? `${prefix}/${base}` : base);
      pendingName = undefined;
      if (listing.entries.length >= maxEntries) {
        listing.warnings.push(`tar has more than ${maxEntries} members; the rest were not inspected`);
        break;
      }
      listing.entries.push({ name, dataOffset, size: Math.max(0, Math.min(size, source.size - dataOffset)), type: type === "\0" ? "0" : type });
    }
    at = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
  }
  return listing;
}

function paxPath(text: string): string | undefined {
  for (const line of text.split("\n")) {
    const match = /^\d+ path=(.*)$/s.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

// ---- the container reader ------------------------------------------------------------------------------------

const MAX_TAR_ENTRIES = 100_000;
/** Members of a legacy (pre-1.6) torch tar checkpoint that torch.load unpickles. */
const LEGACY_TAR_MEMBERS = new Set(["sys_info", "pickle", "storages", "tensors"]);

export const tarReader: ContainerReader = {
  format: "tar",
  sniff: looksLikeTar,
  async list(source, context) {
    const listing = await listTar(source, MAX_TAR_ENTRIES);
    for (const warning of listing.warnings) context.warn(warning, context.member);
    const files = listing.entries.filter((e) => e.type === "0" || e.type === "7");
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
