// The artifact scan: sniff the bytes, open every container reading a loader could use, hand each pickle
// to the analyser, and turn what the policy says into findings. Read-only, bounded, never throws.
import type { Finding, ScanError } from "../core/types.js";
import { ascii, concatBytes, startsWith } from "./containers/bytes.js";
import { decompress, type Compression } from "./containers/decompress.js";
import { stableHash } from "../core/hash.js";
import { locateJoblibArrays, type JoblibArray } from "./containers/joblib.js";
import type { LargeString } from "./containers/pickle-walk.js";
import { readNpyHeader } from "./containers/npy.js";
import { SNIFF_BYTES, sniffFormat, type SniffedFormat } from "./containers/sniff.js";
import { memorySource, readRange, sliceSource } from "./containers/sources.js";
import { listTar } from "./containers/tar.js";
import {
  isLegacyTorchMagic,
  LEGACY_STACKED_PICKLES,
  locateLegacyStorages,
  locateLegacyTensors,
  type LegacyMemberLayout,
} from "./containers/torch-legacy.js";
import {
  METHOD_BZIP2,
  METHOD_DEFLATE,
  METHOD_LZMA,
  METHOD_STORED,
  METHOD_ZSTD,
  readZipDirectory,
  walkLocalHeaders,
  zipLzmaAsAlone,
  type ZipDirectory,
} from "./containers/zip.js";
import { analyzePickle, DEFAULT_PICKLE_OPTIONS, looksLikePickle, type PickleAnalysis } from "./pickle/index.js";
import { couldStartPickle } from "./pickle/sniff.js";
import { ruleForIssue } from "./rules.js";
import type { ByteSource, PickleIssue, PickleScanOptions } from "./types.js";

export type ArtifactRole = "pickle" | "tensor-data" | "other";

export interface ArtifactLayoutEntry {
  /** Member path (nested members joined with `/`), or a label such as `[gzip]` for a decompressed stream. */
  name: string;
  /** The container that lists this entry: zip, tar, npy, gzip, bz2, xz, lzma, zlib, joblib, torch-legacy, pickle. */
  container: string;
  /** Offset of the entry's bytes within its container's bytes. */
  offset: number;
  /** Size in bytes once decompressed (as declared by the container when not read). */
  size: number;
  compressedSize: number;
  /** stored, deflate, gzip, bz2, xz, lzma, zlib, raw, or `method N` for unsupported zip methods. */
  method: string;
  role: ArtifactRole;
}

export interface ArtifactAnalysis {
  member?: string;
  /** Offset of the analysed bytes within the member (or the file when there is no member). */
  baseOffset: number;
  analysis: PickleAnalysis;
}

export interface ArtifactScanResult {
  kind: string;
  layout: ArtifactLayoutEntry[];
  analyses: ArtifactAnalysis[];
  findings: Finding[];
  errors: ScanError[];
}

interface IssueRecord {
  issue: PickleIssue;
  member?: string;
  baseOffset: number;
  /** The analysis the issue came from and where its offsets start, for the opcode listing. */
  from?: { analysis: PickleAnalysis; base: number };
}

interface WorkItem {
  source: ByteSource;
  member?: string;
  /** Offset of `source`'s first byte within the member's (or file's) coordinates. */
  origin: number;
  depth: number;
  /** The container says this should be a pickle (e.g. `data.pkl`): analyse even if the sniff disagrees. */
  expectPickle?: boolean;
  /** The file's own name says pickle (`model.pkl`): bytes of no known format are analysed as one. */
  nameSaysPickle?: boolean;
  /** Produces the real source (a decompressed member) when the item is inspected; null skips it. */
  open?: () => Promise<ByteSource | null>;
}

/** Protocol 0/1 pickles have no magic: the analyser's sniff replays up to 64 KiB, so give it one byte more. */
const HEAD_BYTES = 64 * 1024 + 1;
const MAX_ZIP_ENTRIES = 100_000;
const MAX_TAR_ENTRIES = 100_000;
const MAX_STACKED_PICKLES = 64;
const MAX_WORK_ITEMS = 10_000;
/** Opcodes analysed per file across all its pickles (a 3,000-member archive must not cost 3,000 full budgets). */
const DEFAULT_OPCODES_PER_FILE = 50_000_000;
/** Members listed separately for one kind of finding in one file; the rest are counted in the first finding. */
const MEMBERS_LISTED_PER_KIND = 10;
/** Pickles up to this size are analysed in one pass when nothing in them needs the framing walk. */
const DIRECT_ANALYSIS_BYTES = 4 * 1024 * 1024;
const JOBLIB_WRAPPER = /(^|\.)numpy_pickle(_compat)?\.(Z?NDArrayWrapper|NumpyArrayWrapper)$/;
/** The share of the per-file decompression cap that the scan-wide budget does not count (1/16: 16 MiB of 256). */
const FREE_SHARE = 16;
/** Distinct warnings kept per file; repeats of one kind are counted, not listed. */
const MAX_WARNINGS = 50;
const TORCH_PICKLE = /(^|\/)data\.pkl$/;
/** File names that loaders unpickle directly (torch.load, joblib.load, pickle.load by convention). */
const PICKLE_NAME = /\.(pkl|pickle|pck|pcl|p|pt|pth|bin|ckpt|joblib|jbl|dill|sav|dat|th)$/i;
const TORCH_TENSOR = /(^|\/)data\/\d+$/;
/** Zip members a loader treats as pickles whatever their bytes look like. */
function expectsPickle(name: string): boolean {
  return TORCH_PICKLE.test(name) || /\.(pkl|pickle)$/i.test(name);
}
const LEGACY_TAR_MEMBERS = new Set(["sys_info", "pickle", "storages", "tensors"]);
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

export async function scanArtifact(
  source: ByteSource,
  relPath: string,
  options: Partial<PickleScanOptions> = {},
): Promise<ArtifactScanResult> {
  const scan = new ArtifactScan(relPath, {
    ...DEFAULT_PICKLE_OPTIONS,
    ...options,
    limits: { ...DEFAULT_PICKLE_OPTIONS.limits, ...options.limits },
  });
  await scan.run(source);
  return scan.result();
}

class ArtifactScan {
  private readonly layout: ArtifactLayoutEntry[] = [];
  private readonly analyses: ArtifactAnalysis[] = [];
  private readonly errors: ScanError[] = [];
  private readonly warningKinds = new Map<string, { error: ScanError; count: number }>();
  private droppedWarnings = 0;
  private readonly issues: IssueRecord[] = [];
  private readonly queue: WorkItem[] = [];
  private readonly traits = new Set<string>();
  private baseKind = "unknown";
  private budget: number;
  private budgetWarned = false;
  private opcodesLeft: number;
  /** Decompressed bytes this file produced so far. */
  private decompressed = 0;
  private opcodesWarned = false;

  constructor(
    private readonly relPath: string,
    private readonly options: PickleScanOptions,
  ) {
    this.budget = Math.min(options.limits.maxDecompressedBytes, options.scanBudget?.decompressedBytes ?? Number.POSITIVE_INFINITY);
    this.opcodesLeft = options.limits.maxOpcodesPerFile ?? DEFAULT_OPCODES_PER_FILE;
  }

  /**
   * Decompressed bytes this file may still produce under the scan-wide budget. Every file gets its first
   * 1/FREE_SHARE of the per-file cap (16 MiB by default) without charge, so bombs that spend the scan's budget cannot hide the ordinary
   * compressed files after them.
   */
  private scanAllowance(): number {
    const shared = this.options.scanBudget;
    if (shared === undefined) return Number.POSITIVE_INFINITY;
    return Math.max(0, shared.decompressedBytes) + Math.max(0, this.freeBytes() - this.decompressed);
  }

  private freeBytes(): number {
    return Math.floor(this.options.limits.maxDecompressedBytes / FREE_SHARE);
  }

  private charge(bytes: number): void {
    const free = Math.max(0, this.freeBytes() - this.decompressed);
    this.decompressed += bytes;
    if (this.options.scanBudget) this.options.scanBudget.decompressedBytes -= Math.max(0, bytes - free);
  }

  /** Analyses one pickle within what is left of the file's opcode budget. */
  private analyze(bytes: Uint8Array): PickleAnalysis {
    const maxOpcodes = Math.max(0, Math.min(this.options.limits.maxOpcodes, this.opcodesLeft));
    const analysis = analyzePickle(bytes, { ...this.options, limits: { ...this.options.limits, maxOpcodes } });
    this.opcodesLeft -= analysis.opcodeCount;
    if (this.opcodesLeft <= 0 && !this.opcodesWarned) {
      this.opcodesWarned = true;
      this.warn(`the file holds more than ${this.options.limits.maxOpcodesPerFile ?? DEFAULT_OPCODES_PER_FILE} pickle opcodes; the rest was not inspected`);
    }
    return analysis;
  }

  async run(source: ByteSource): Promise<void> {
    this.queue.push({ source, origin: 0, depth: 0, ...(PICKLE_NAME.test(this.relPath) ? { nameSaysPickle: true } : {}) });
    let processed = 0;
    while (this.queue.length > 0) {
      const item = this.queue.shift()!;
      if (++processed > MAX_WORK_ITEMS) {
        this.warn(`more than ${MAX_WORK_ITEMS} nested pieces; the rest were not inspected`);
        break;
      }
      try {
        if (item.open) {
          const opened = await item.open();
          if (opened === null) continue;
          item.source = opened;
          delete item.open;
        }
        await this.inspect(item);
      } catch (error) {
        this.warn(`could not inspect: ${error instanceof Error ? error.message : String(error)}`, item.member);
      }
    }
  }

  result(): ArtifactScanResult {
    return {
      kind: this.kind(),
      layout: this.layout,
      analyses: this.analyses,
      findings: this.findings(),
      errors: this.warnings(),
    };
  }

  private kind(): string {
    if (this.traits.has("torch-legacy")) return "torch-legacy";
    if (this.traits.has("joblib")) return "joblib";
    if (this.baseKind === "zip" && this.traits.has("torch-zip")) return "torch-zip";
    if (this.baseKind === "zip" && this.traits.has("npz")) return "npz";
    if (this.baseKind === "pickle" && this.traits.has("zip")) return "pickle+zip";
    return this.baseKind;
  }

  /** Warnings of one kind (the message with numbers and member names taken out) are reported once with a count. */
  private warn(message: string, member?: string): void {
    const key = message.replace(/\d+/g, "#");
    const seen = this.warningKinds.get(key);
    if (seen !== undefined) {
      seen.count++;
      return;
    }
    if (this.warningKinds.size >= MAX_WARNINGS) {
      this.droppedWarnings++;
      return;
    }
    const error: ScanError = { file: this.relPath, kind: "artifact", message: member ? `${member}: ${message}` : message, level: "warning" };
    this.warningKinds.set(key, { error, count: 1 });
    this.errors.push(error);
  }

  /** Content skipped for a budget: a warning, and once per file a finding (a payload could hide there). */
  private notInspected(message: string, member: string): void {
    this.warn(message, member);
    if (this.budgetWarned) return;
    this.budgetWarned = true;
    this.addIssue({ kind: "uninspectable", severity: "medium", message: `${message} (decompression budget spent)` }, member, 0);
  }

  private warnings(): ScanError[] {
    const out = this.errors.map((error) => {
      const count = [...this.warningKinds.values()].find((w) => w.error === error)?.count ?? 1;
      return count > 1 ? { ...error, message: `${error.message} (and ${count - 1} more like it)` } : error;
    });
    if (this.droppedWarnings > 0) {
      out.push({ file: this.relPath, kind: "artifact", level: "warning", message: `${this.droppedWarnings} further warnings of other kinds were not listed` });
    }
    return out;
  }

  private addIssue(issue: PickleIssue, member: string | undefined, baseOffset: number, from?: IssueRecord["from"]): void {
    this.issues.push({ issue, ...(member !== undefined ? { member } : {}), baseOffset, ...(from ? { from } : {}) });
  }

  private async inspect(item: WorkItem): Promise<void> {
    if (item.depth > this.options.limits.maxNesting) {
      this.warn(`containers nested deeper than ${this.options.limits.maxNesting}; not inspected`, item.member);
      return;
    }
    const head = await readRange(item.source, 0, HEAD_BYTES);
    if (head.length === 0) {
      if (item.depth === 0) this.warn("file is empty");
      return;
    }
    const format = sniffFormat(head);
    const pickleLike = format === "unknown" && (item.expectPickle === true || looksLikePickle(head));
    if (item.depth === 0) this.baseKind = pickleLike ? "pickle" : format;
    switch (format) {
      case "npy":
        return this.inspectNpy(item);
      case "zip":
        await this.inspectZip(item, 0);
        return;
      case "tar":
        return this.inspectTar(item);
      case "gzip":
      case "zlib":
      case "bz2":
      case "xz":
      case "lzma":
      case "zstd":
        return this.inspectCompressed(item, format, item.source);
      case "joblib-zfile":
        // joblib < 0.10: "ZF", the payload length in hex padded to 19 characters, then a zlib stream.
        this.traits.add("joblib");
        return this.inspectCompressed(item, "zlib", sliceSource(item.source, 21, item.source.size - 21));
      case "7z":
      case "rar":
      case "lz4":
        return this.uninspectable(item, format);
      case "unknown":
        // A name that promises a pickle does not stop a zip reader from finding an archive after other bytes.
        if (pickleLike) return this.inspectPickles(item);
        if (await this.inspectZip(item, -1)) return;
        if (item.nameSaysPickle === true) {
          // A loader given `model.pkl` unpickles it whatever its first bytes are (broken-pickle trick).
          if (item.depth === 0) this.baseKind = "pickle";
          return this.inspectPickles(item);
        }
        if (item.depth === 0) this.warn("content is not a pickle or a known container; not inspected");
    }
  }

  private uninspectable(item: WorkItem, format: SniffedFormat): void {
    this.layout.push({
      name: item.member ?? `[${format}]`,
      container: format,
      offset: item.origin,
      size: item.source.size,
      compressedSize: item.source.size,
      method: format,
      role: "other",
    });
    this.addIssue(
      {
        kind: "uninspectable",
        severity: "medium",
        message: `${format} archive: Pathfinder cannot inspect its contents, which may include pickles`,
      },
      item.member,
      item.origin,
    );
  }

  // ---- compression -------------------------------------------------------------------------------

  private async decompressBounded(format: Compression, input: ByteSource, member: string, want?: number) {
    const result = await decompress(format, input, {
      limit: Math.max(0, Math.min(this.budget, this.scanAllowance())),
      ...(want !== undefined ? { want } : {}),
    });
    if (want === undefined || result.limitReached) {
      this.budget -= result.bytes.length;
      this.charge(result.bytes.length);
    }
    if (result.limitReached && !this.budgetWarned) {
      this.budgetWarned = true;
      const scanWide = this.options.scanBudget !== undefined && this.options.scanBudget.decompressedBytes <= 0;
      this.addIssue(
        {
          kind: "uninspectable",
          severity: "medium",
          message: scanWide
            ? "decompression stopped: the scan's total decompression budget is spent; the rest of this file was not inspected"
            : `decompressed content exceeds the ${this.options.limits.maxDecompressedBytes}-byte limit (possible decompression bomb); the rest was not inspected`,
        },
        member,
        0,
      );
    }
    if (result.error) this.warn(`${format} data is corrupt or truncated: ${result.error}`, member);
    if (result.error && /not supported/.test(result.error)) {
      // Loaders with a fuller decoder see content we cannot: say so rather than call the file clean.
      this.addIssue({ kind: "uninspectable", severity: "medium", message: `${format} data uses a feature Pathfinder cannot decode (${result.error})` }, member, 0);
    }
    return result;
  }

  private async inspectCompressed(item: WorkItem, format: Compression, input: ByteSource): Promise<void> {
    const label = `${item.member ?? ""}[${format}]`;
    if (this.budget <= 0 || this.scanAllowance() <= 0) {
      this.notInspected("decompression limit already reached; not inspected", label);
      return;
    }
    // Sniff first: compressed logs, CSVs and the like are not worth decompressing whole.
    const head = await this.decompressBounded(format, input, label, HEAD_BYTES);
    const pickle = item.expectPickle === true || looksLikePickle(head.bytes);
    const row: ArtifactLayoutEntry = {
      name: label,
      container: format,
      offset: item.origin,
      size: head.bytes.length,
      compressedSize: input.size,
      method: format,
      role: pickle ? "pickle" : "other",
    };
    this.layout.push(row);
    if (!pickle && sniffFormat(head.bytes) === "unknown") return;
    // A short or broken stream is already whole (its corruption was reported); otherwise decode it all.
    const complete = head.bytes.length < HEAD_BYTES || head.error !== undefined || head.limitReached;
    const result = complete ? head : await this.decompressBounded(format, input, label);
    row.size = result.bytes.length;
    if (result.bytes.length === 0) return;
    this.queue.push({ source: memorySource(result.bytes), member: label, origin: 0, depth: item.depth + 1 });
  }

  // ---- .npy --------------------------------------------------------------------------------------

  private async inspectNpy(item: WorkItem): Promise<void> {
    const parsed = await readNpyHeader(item.source);
    if (!parsed.ok) {
      this.warn(parsed.error, item.member);
      return;
    }
    const { header } = parsed;
    const bodySize = item.source.size - header.dataOffset;
    this.layout.push({
      name: `${item.member ?? ""}[npy ${header.descr} ${JSON.stringify(header.shape)}]`,
      container: "npy",
      offset: item.origin + header.dataOffset,
      size: bodySize,
      compressedSize: bodySize,
      method: "raw",
      role: header.hasObject ? "pickle" : "tensor-data",
    });
    if (!header.hasObject) return;
    // np.load(allow_pickle=True) calls pickle.load on everything after the header.
    this.queue.push({
      source: sliceSource(item.source, header.dataOffset, bodySize),
      ...(item.member !== undefined ? { member: item.member } : {}),
      origin: item.origin + header.dataOffset,
      depth: item.depth + 1,
      expectPickle: true,
    });
  }

  // ---- zip ---------------------------------------------------------------------------------------

  /** `start` >= 0: the caller saw a local header there; -1: only look for an end record. */
  private async inspectZip(item: WorkItem, start: number): Promise<boolean> {
    let directory: ZipDirectory | null = await readZipDirectory(item.source, { maxEntries: MAX_ZIP_ENTRIES });
    if (!directory && start >= 0) directory = await walkLocalHeaders(item.source, start, { maxEntries: MAX_ZIP_ENTRIES });
    if (!directory || (directory.entries.length === 0 && !directory.fromCentralDirectory)) return false;
    if (item.depth === 0 && this.baseKind === "unknown") this.baseKind = "zip";
    this.traits.add("zip");
    if (directory.archiveStart > 0 && this.baseKind !== "pickle" && start <= 0) {
      this.warn(`zip archive starts at offset ${directory.archiveStart}: data was prepended to it`, item.member);
      // Readers that start from the front (streaming unzip, magic-number checks) see the prepended bytes, not
      // the archive the end record describes: inspect them too, and report a second archive there.
      const prefix = sliceSource(item.source, 0, directory.archiveStart);
      if (startsWith(await readRange(prefix, 0, 4), ascii("PK\x03\x04"))) {
        this.addIssue(
          {
            kind: "container-mismatch",
            severity: "high",
            message: `two zip archives: readers that start at the front see the one at offset 0, readers that use the end record see the one at offset ${directory.archiveStart}`,
          },
          item.member,
          0,
        );
      }
      this.queue.push({ source: prefix, ...(item.member !== undefined ? { member: item.member } : {}), origin: item.origin, depth: item.depth + 1 });
    }
    for (const warning of directory.warnings) this.warn(warning, item.member);
    for (const trick of directory.tricks) {
      this.addIssue(
        { kind: "container-mismatch", severity: "high", message: trick.message },
        join(item.member, trick.member),
        0,
      );
    }
    const isTorch = directory.entries.some((e) => TORCH_PICKLE.test(e.name));
    if (isTorch) this.traits.add("torch-zip");
    if (directory.entries.length > 0 && directory.entries.every((e) => e.name.endsWith(".npy"))) this.traits.add("npz");

    for (const entry of directory.entries) {
      const member = join(item.member, entry.name)!;
      const method = ZIP_METHODS.get(entry.method) ?? `method ${entry.method}`;
      const row: ArtifactLayoutEntry = {
        name: member,
        container: "zip",
        offset: entry.dataOffset,
        size: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        method,
        role: "other",
      };
      this.layout.push(row);
      if (entry.dataOffset < 0) continue;
      if (isTorch && TORCH_TENSOR.test(entry.name)) {
        row.role = "tensor-data"; // raw tensor bytes: skipped by size, never read
        continue;
      }
      let compressed = sliceSource(item.source, entry.dataOffset, entry.compressedSize);
      let head: Uint8Array;
      let codec: Compression | null = null;
      if (entry.method === METHOD_LZMA) {
        // np.load reads npz members through zipfile, which decodes LZMA; the members are small enough to copy.
        const alone =
          entry.compressedSize <= this.budget ? zipLzmaAsAlone(await readRange(compressed, 0, entry.compressedSize), entry.uncompressedSize) : null;
        if (!alone) {
          this.warn("LZMA member is malformed or larger than the decompression limit; not inspected", member);
          continue;
        }
        compressed = memorySource(alone);
      }
      if (entry.method === METHOD_STORED) {
        head = await readRange(compressed, 0, HEAD_BYTES);
      } else if (ZIP_CODECS.has(entry.method)) {
        codec = ZIP_CODECS.get(entry.method)!;
        // Most members of an archive are code or text: their first bytes already rule out a pickle or a nested
        // container, so only the others are decoded far enough for the full sniff.
        const first = await this.decompressBounded(codec, compressed, member, SNIFF_BYTES);
        if (!expectsPickle(entry.name) && !couldStartPickle(first.bytes) && sniffFormat(first.bytes) === "unknown") continue;
        const whole = first.bytes.length < SNIFF_BYTES || first.error !== undefined;
        head = whole ? first.bytes : (await this.decompressBounded(codec, compressed, member, HEAD_BYTES)).bytes;
      } else {
        this.addIssue(
          {
            kind: "uninspectable",
            severity: "medium",
            message: `zip member ${entry.name} uses compression method ${entry.method}, which Pathfinder cannot decode`,
          },
          member,
          0,
        );
        continue;
      }
      const expectPickle = expectsPickle(entry.name);
      const pickleLike = looksLikePickle(head);
      const nested = sniffFormat(head) !== "unknown";
      if (pickleLike || expectPickle) row.role = "pickle";
      if (!pickleLike && !expectPickle && !nested) continue;
      if (!codec) {
        this.queue.push({ source: compressed, member, origin: 0, depth: item.depth + 1, expectPickle });
        continue;
      }
      // Decompressed when its turn comes, so that one member's bytes are alive at a time, not the archive's.
      const format = codec;
      const input = compressed;
      const open = async (): Promise<ByteSource | null> => {
        if (this.budget <= 0 || this.scanAllowance() <= 0) {
          this.notInspected("decompression limit reached; member not inspected", member);
          return null;
        }
        const full = await this.decompressBounded(format, input, member);
        row.size = full.bytes.length;
        return memorySource(full.bytes);
      };
      this.queue.push({ source: compressed, open, member, origin: 0, depth: item.depth + 1, expectPickle });
    }
    return true;
  }

  // ---- tar (legacy PyTorch) ----------------------------------------------------------------------

  private async inspectTar(item: WorkItem): Promise<void> {
    const listing = await listTar(item.source, MAX_TAR_ENTRIES);
    for (const warning of listing.warnings) this.warn(warning, item.member);
    const files = listing.entries.filter((e) => e.type === "0" || e.type === "7");
    const legacy = files.some((e) => e.name === "pickle") && files.some((e) => e.name === "sys_info");
    if (legacy) this.traits.add("torch-legacy");
    for (const entry of files) {
      const member = join(item.member, entry.name)!;
      const source = sliceSource(item.source, entry.dataOffset, entry.size);
      const row: ArtifactLayoutEntry = {
        name: member,
        container: "tar",
        offset: entry.dataOffset,
        size: entry.size,
        compressedSize: entry.size,
        method: "stored",
        role: "other",
      };
      this.layout.push(row);
      if (legacy && (entry.name === "storages" || entry.name === "tensors")) {
        row.role = "pickle";
        const located =
          entry.name === "storages"
            ? await locateLegacyStorages(source, this.options.limits.maxOpcodes)
            : await locateLegacyTensors(source, this.options.limits.maxOpcodes);
        await this.analyseRanges(source, member, located);
        continue;
      }
      const head = await readRange(source, 0, HEAD_BYTES);
      const expectPickle = legacy && LEGACY_TAR_MEMBERS.has(entry.name);
      const pickleLike = looksLikePickle(head);
      if (pickleLike || expectPickle) row.role = "pickle";
      if (pickleLike || expectPickle || sniffFormat(head) !== "unknown") {
        this.queue.push({ source, member, origin: 0, depth: item.depth + 1, expectPickle });
      }
    }
  }

  private async analyseRanges(source: ByteSource, member: string, located: LegacyMemberLayout): Promise<void> {
    for (const warning of located.warnings) this.warn(warning, member);
    for (const range of located.pickles) {
      const bytes = await this.readPickleBytes(source, range.start, range.end - range.start, member);
      this.record(this.analyze(bytes), member, range.start);
    }
  }

  // ---- pickles -----------------------------------------------------------------------------------

  /** Analyses the pickle at the start of the item and every pickle stacked after it, then what follows. */
  private async inspectPickles(item: WorkItem): Promise<void> {
    const source = item.source;
    let position = 0;
    let legacy = false;
    for (let count = 0; count < MAX_STACKED_PICKLES && position < source.size; count++) {
      if (count > 0 && !looksLikePickle(await readRange(source, position, HEAD_BYTES))) break;
      const end = await this.analysePickleAt(item, position);
      if (count === 0 && isLegacyTorchMagic(await readRange(source, 0, 32))) {
        legacy = true;
        this.traits.add("torch-legacy");
      }
      if (end === null || end <= position) return;
      position = end;
      if (legacy && count + 1 === LEGACY_STACKED_PICKLES) {
        this.layout.push({
          name: `${item.member ?? ""}[storage data]`,
          container: "torch-legacy",
          offset: item.origin + position,
          size: source.size - position,
          compressedSize: source.size - position,
          method: "raw",
          role: "tensor-data",
        });
        return;
      }
    }
    if (position >= source.size) return;
    await this.inspectTail(item, position);
  }

  /** Bytes after the last pickle: a zip (polyglot) or another container; otherwise just reported. */
  private async inspectTail(item: WorkItem, position: number): Promise<void> {
    const head = await readRange(item.source, position, HEAD_BYTES);
    if (await this.inspectZip(item, startsWith(head, ascii("PK\x03\x04")) ? position : -1)) return;
    if (sniffFormat(head) !== "unknown") {
      this.queue.push({
        source: sliceSource(item.source, position, item.source.size - position),
        ...(item.member !== undefined ? { member: item.member } : {}),
        origin: item.origin + position,
        depth: item.depth + 1,
      });
      return;
    }
    this.warn(`${item.source.size - position} bytes after the pickle at offset ${item.origin + position} were not inspected`, item.member);
  }

  /** Analyses one pickle stream at `position`; returns the offset just past it, or null if it did not end. */
  private async analysePickleAt(item: WorkItem, position: number): Promise<number | null> {
    const end = await this.analyseStreamAt(item, position);
    if (item.depth === 0 || position > 0) {
      const size = (end ?? item.source.size) - position;
      this.layout.push({
        name: `${item.member ?? ""}[pickle @${item.origin + position}]`,
        container: "pickle",
        offset: item.origin + position,
        size,
        compressedSize: size,
        method: "raw",
        role: "pickle",
      });
    }
    return end;
  }

  private async analyseStreamAt(item: WorkItem, position: number): Promise<number | null> {
    const { source, member } = item;
    const direct = await this.analyseDirectly(item, position);
    if (direct !== undefined) return direct;
    const framing = await locateJoblibArrays(source, position, this.options.limits.maxOpcodes);
    if (framing.end !== null && (framing.arrays.length > 0 || framing.largeStrings.length > 0)) {
      if (framing.arrays.length > 0) this.traits.add("joblib");
      await this.analyseWithout(item, position, framing.end, framing.arrays, framing.largeStrings);
      return framing.end;
    }
    if (framing.arrays.length > 0 && framing.error) {
      this.warn(`joblib array data could not be located (${framing.error.message}); analysing the stream as is`, member);
    }
    const length = framing.end !== null ? framing.end - position : source.size - position;
    const bytes = await this.readPickleBytes(source, position, length, member);
    const analysis = this.analyze(bytes);
    this.record(analysis, member, item.origin + position);
    if (framing.end !== null) return framing.end;
    return analysis.bytesConsumed > 0 ? position + analysis.bytesConsumed : null;
  }

  /**
   * The fast path for small pickles: one pass of the machine over the bytes, without first walking them to locate
   * raw regions. Taken only when that walk could not change what is analysed: the stream parses without error, is
   * not a legacy torch file (raw storage bytes follow its pickles) and names no joblib array wrapper (joblib reads
   * the array bytes after the wrapper's BUILD outside the pickle, so only the framing walk sees what joblib sees).
   * Undefined when the full path must run.
   */
  private async analyseDirectly(item: WorkItem, position: number): Promise<number | null | undefined> {
    const length = item.source.size - position;
    if (length > DIRECT_ANALYSIS_BYTES) return undefined;
    if (isLegacyTorchMagic(await readRange(item.source, 0, 32))) return undefined;
    const bytes = await readRange(item.source, position, length);
    const analysis = this.analyze(bytes);
    if (analysis.error !== undefined || analysis.imports.some((i) => JOBLIB_WRAPPER.test(i.normalized) || i.dynamic)) {
      this.opcodesLeft += analysis.opcodeCount; // the full path analyses the same bytes again
      return undefined;
    }
    this.record(analysis, item.member, item.origin + position);
    return analysis.bytesConsumed > 0 ? position + analysis.bytesConsumed : null;
  }

  /**
   * Analyses the pickle [start, end) with raw data cut out, so that a multi-GB file is never read whole:
   * joblib arrays (bytes between opcodes) are removed, large string arguments keep their opcode with the
   * length rewritten to 0. Offsets in the analysis are mapped back to the original bytes. joblib object
   * arrays are analysed as the separate pickles they are.
   */
  private async analyseWithout(item: WorkItem, start: number, end: number, arrays: JoblibArray[], strings: LargeString[]): Promise<void> {
    const { source, member } = item;
    const cuts: { offset: number; length: number; zero?: { at: number; size: number } }[] = [
      ...arrays.map((a) => ({ offset: a.offset, length: a.length })),
      ...strings.map((s) => ({ offset: s.payload, length: s.length, zero: { at: s.lengthField, size: s.lengthSize } })),
    ].sort((a, b) => a.offset - b.offset);
    for (const array of arrays) {
      this.layout.push({
        name: `${member ?? ""}[array ${array.dtype} ${JSON.stringify(array.shape)}]`,
        container: "joblib",
        offset: item.origin + array.offset,
        size: array.length,
        compressedSize: array.length,
        method: "raw",
        role: array.objectPickle ? "pickle" : "tensor-data",
      });
    }
    for (const string of strings) {
      this.layout.push({
        name: `${member ?? ""}[inline data @${item.origin + string.payload}]`,
        container: "pickle",
        offset: item.origin + string.payload,
        size: string.length,
        compressedSize: string.length,
        method: "raw",
        role: "tensor-data",
      });
    }
    const kept: { from: number; to: number; at: number }[] = [];
    const chunks: Uint8Array[] = [];
    let cursor = start;
    let spliced = 0;
    const keep = async (to: number, zero?: { at: number; size: number }) => {
      let bytes = await this.readPickleBytes(source, cursor, to - cursor, member);
      if (zero) {
        bytes = bytes.slice(); // a copy: the source's bytes must stay untouched
        bytes.fill(0, zero.at - cursor, zero.at - cursor + zero.size);
      }
      kept.push({ from: cursor, to, at: spliced });
      chunks.push(bytes);
      spliced += bytes.length;
    };
    for (const cut of cuts) {
      if (cut.offset < cursor) continue; // inside an earlier cut
      await keep(cut.offset, cut.zero);
      cursor = cut.offset + cut.length;
    }
    await keep(end);
    const analysis = withoutArrayWrapperIssues(this.analyze(concatBytes(chunks)), arrays.length > 0);
    const toOriginal = (offset: number): number => {
      let piece = kept[0]!;
      for (const candidate of kept) if (candidate.at <= offset) piece = candidate;
      return piece.from + (offset - piece.at) - start;
    };
    this.record(remapOffsets(analysis, toOriginal), member, item.origin + start);
    for (const array of arrays) {
      if (!array.objectPickle) continue;
      const bytes = await this.readPickleBytes(source, array.offset, array.length, member);
      this.record(this.analyze(bytes), member, item.origin + array.offset);
    }
  }

  private async readPickleBytes(source: ByteSource, offset: number, length: number, member?: string): Promise<Uint8Array> {
    const cap = this.options.limits.maxDecompressedBytes;
    if (length > cap) {
      this.warn(`pickle of ${length} bytes exceeds the ${cap}-byte limit; only its start was analysed`, member);
      return readRange(source, offset, cap);
    }
    return readRange(source, offset, length);
  }

  private record(analysis: PickleAnalysis, member: string | undefined, baseOffset: number): void {
    this.analyses.push({ ...(member !== undefined ? { member } : {}), baseOffset, analysis });
    if (analysis.error && analysis.isPickle) {
      this.warn(`pickle analysis stopped at offset ${baseOffset + analysis.error.offset}: ${analysis.error.message}`, member);
    }
    // Nested pickles (inside byte-string arguments) report their own issues; iterate, no recursion.
    const pending: { analysis: PickleAnalysis; base: number; nestedIn?: number }[] = [{ analysis, base: baseOffset }];
    while (pending.length > 0) {
      const { analysis: current, base, nestedIn } = pending.pop()!;
      const hasNested = current.nested.length > 0;
      for (const issue of current.issues) {
        if (issue.kind === "nested-pickle" && hasNested) continue; // the inner analysis reports the detail
        const located =
          nestedIn === undefined
            ? { ...issue, ...(issue.offset !== undefined ? { offset: base + issue.offset } : {}) }
            : { ...issue, offset: nestedIn, message: `${issue.message} (in a pickle nested at offset ${nestedIn})` };
        this.addIssue(located, member, 0, nestedIn === undefined ? { analysis: current, base } : undefined);
      }
      for (const inner of current.nested) {
        pending.push({ analysis: inner.analysis, base: 0, nestedIn: nestedIn ?? base + inner.offset });
      }
    }
  }

  // ---- findings ----------------------------------------------------------------------------------

  /** One finding per rule, global and member, up to MEMBERS_LISTED_PER_KIND members; further members are counted. */
  private findings(): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const byKind = new Map<string, { finding: Finding; listed: number; members: number }>();
    for (const { issue, member, baseOffset, from } of this.issues) {
      const rule = ruleForIssue(issue);
      const fingerprint = stableHash([rule.id, this.relPath, member ?? "", issue.global ?? issue.message].join("\u0000"));
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      const kind = `${rule.id}\u0000${issue.severity}\u0000${issue.global ?? issue.message.replace(/\d+/g, "#")}`;
      const earlier = byKind.get(kind);
      if (earlier !== undefined && member !== undefined && earlier.listed >= MEMBERS_LISTED_PER_KIND) {
        earlier.members++;
        continue;
      }
      const offset = issue.offset ?? baseOffset;
      findings.push({
        ruleId: rule.id,
        ruleName: rule.name,
        message: member ? `${issue.message} (in ${member})` : issue.message,
        severity: issue.severity,
        confidence: rule.confidence,
        location: {
          file: this.relPath,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          snippet: opcodeListing(issue, offset, from),
          ...(member !== undefined ? { member } : {}),
          offset,
        },
        cwe: rule.cwe,
        owasp: rule.owasp,
        fingerprint,
      });
      if (member !== undefined) {
        if (earlier) earlier.listed++;
        else byKind.set(kind, { finding: findings[findings.length - 1]!, listed: 1, members: 0 });
      }
    }
    for (const { finding, members } of byKind.values()) {
      if (members > 0) finding.message += ` (and in ${members} more member${members === 1 ? "" : "s"})`;
    }
    return findings;
  }
}

const MAX_LISTING_LINES = 8;

/** The opcodes behind an issue: where its global is imported and called, with offsets in the member. */
function opcodeListing(issue: PickleIssue, offset: number, from: IssueRecord["from"]): string {
  const lines: string[] = [];
  if (from && issue.global) {
    const { analysis, base } = from;
    const rows: [number, string][] = [
      ...analysis.imports.filter((i) => i.normalized === issue.global).map((i): [number, string] => [i.offset, `${i.opcode} ${i.normalized}`]),
      ...analysis.calls.filter((c) => c.callee === issue.global).map((c): [number, string] => [c.offset, `${c.opcode} ${c.callee}(${c.args})`]),
    ];
    rows.sort((a, b) => a[0] - b[0]);
    for (const [at, text] of rows.slice(0, MAX_LISTING_LINES)) lines.push(`@${base + at}  ${text}`);
  }
  if (lines.length === 0) lines.push(`@${offset}  ${issue.global ?? issue.kind}`);
  return lines.join("\n");
}

function join(parent: string | undefined, child: string | undefined): string | undefined {
  if (child === undefined) return parent;
  return parent ? `${parent}/${child}` : child;
}

/**
 * joblib's own NumpyArrayWrapper only stores attributes (object.__new__ + BUILD of its __dict__); the denylist
 * matches it through the `joblib` module prefix. Once the container layer has sized and skipped (or separately
 * analysed) every array it announces, the wrapper itself is not a finding.
 */
function withoutArrayWrapperIssues(analysis: PickleAnalysis, arraysLocated: boolean): PickleAnalysis {
  if (!arraysLocated) return analysis;
  const wrapper = /(^|\.)numpy_pickle\.NumpyArrayWrapper$/;
  return { ...analysis, issues: analysis.issues.filter((issue) => !(issue.global && wrapper.test(issue.global))) };
}

/** A copy of the analysis with every offset passed through `map` (nested analyses keep their own). */
function remapOffsets(analysis: PickleAnalysis, map: (offset: number) => number): PickleAnalysis {
  return {
    ...analysis,
    imports: analysis.imports.map((i) => ({ ...i, offset: map(i.offset) })),
    calls: analysis.calls.map((c) => ({ ...c, offset: map(c.offset) })),
    persistentIds: analysis.persistentIds.map((p) => ({ ...p, offset: map(p.offset) })),
    issues: analysis.issues.map((i) => (i.offset === undefined ? i : { ...i, offset: map(i.offset) })),
    nested: analysis.nested.map((n) => ({ ...n, offset: map(n.offset) })),
    ...(analysis.error ? { error: { ...analysis.error, offset: map(analysis.error.offset) } } : {}),
  };
}
