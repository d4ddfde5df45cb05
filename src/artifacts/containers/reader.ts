// The one interface every container format implements (sniff, list members, open a member), and what the
// dispatcher (../scan.ts) lends a reader while it lists: bounded decompression, warnings and findings.
// Browser-safe.
import type { ByteSource, PickleIssue, PickleLimits } from "../types.js";
import type { Compression, DecompressResult } from "./decompress.js";
import { memorySource } from "./sources.js";

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

/** Pickles at known byte ranges of a member (legacy torch `storages`/`tensors`): analysed, not sniffed. */
export interface PickleRanges {
  /** The bytes the ranges are offsets into. */
  source: ByteSource;
  pickles: { start: number; end: number }[];
  warnings: string[];
}

export interface ContainerMember {
  /**
   * Where the member sits: a path inside the container (`archive/data.pkl`, joined to the parent's with `/`), a
   * bracketed label for a decoded stream (`[gzip]`, appended to the parent's name), or "" for the container's own
   * payload, which keeps the parent's name and offsets (a .npy body).
   */
  path: string;
  /** Layout name when it differs from the path (`[npy <f8 [3]]`), appended to the parent's name. */
  label?: string;
  /** Offset of the member's bytes in the container. */
  offset: number;
  /** Size once decoded, as declared until the member is opened. */
  size: number;
  compressedSize: number;
  method: string;
  /** Set when the reader knows: tensor data is never opened; pickle members are analysed whatever they look like. */
  role?: ArtifactRole;
  /** The loader unpickles this member whatever its bytes look like (`data.pkl`, a .npy object body). */
  expectPickle?: boolean;
  /** A member of a TorchScript archive (torch.jit.save): torch.load hands the file to torch.jit.load, whose unpickler is TorchScript's. */
  torchScript?: boolean;
  /** The member's bytes are decoded (not a window of the container): `head` may cost a partial decode. */
  decoded?: boolean;
  /** The member's first bytes, at least `length` of them when it has that many. Absent: not inspectable. */
  head?(length: number): Promise<Uint8Array>;
  /** The member's bytes, when its turn comes; null when a budget refused them (already reported). */
  open?(): Promise<ByteSource | null>;
  /** Pickles at known ranges instead of one stream (analysed in place, never sniffed). */
  pickleRanges?(): Promise<PickleRanges>;
}

export interface ContainerListing {
  members: ContainerMember[];
  /** Whole other readings of the container's bytes that some loader takes (bytes prepended to a zip). */
  alternates?: ByteSource[];
}

export interface ListOptions {
  /** Zip: a local header was seen here (>= 0); -1: only an end record may say there is an archive. */
  localHeaderAt?: number;
  /** The bytes before an archive found further on are a pickle already analysed (pickle/zip polyglot). */
  afterPickle?: boolean;
}

/** What the dispatcher lends a reader: every decoded byte is charged to the file's and the scan's budgets. */
export interface ReaderContext {
  readonly limits: PickleLimits;
  /** Bounded decompression; `want` stops quietly after that many bytes (sniffing). */
  decompress(format: Compression, input: ByteSource, member: string, want?: number): Promise<DecompressResult>;
  /** False once the decompression budgets are spent (the caller reports what it skips with `notInspected`). */
  canDecompress(): boolean;
  /** Whether a member's first bytes may still be decoded to tell what it is (see `DecompressionBudget.chargeSniff`). */
  canSniff(): boolean;
  notInspected(message: string, member: string): void;
  warn(message: string, member?: string): void;
  issue(issue: PickleIssue, member?: string): void;
  /** Marks what the file is (`torch-zip`, `npz`, `joblib`, `torch-legacy`), for the result's `kind`. */
  trait(name: string): void;
  /** The name of the member being listed (undefined at the top of the file), for messages. */
  readonly member: string | undefined;
}

export interface ContainerReader {
  /** The format's name in layouts and `kind` (zip, tar, gzip, ...). */
  readonly format: string;
  /** Whether a loader would read `head` (the first bytes, up to 512) as this format. */
  sniff(head: Uint8Array): boolean;
  /** The members; null when the bytes are not this format after all. Never throws for bad input. */
  list(source: ByteSource, context: ReaderContext, options?: ListOptions): Promise<ContainerListing | null>;
}

/**
 * A member whose bytes come out of a codec: `head` decodes only as far as asked (and reuses what it decoded),
 * `open` decodes the whole member under the budgets when its turn comes.
 */
/**
 * Codecs that decode whole blocks (a bzip2 block is up to 900 KB): their first bytes cost as much as the dispatcher's
 * longest head (HEAD_BYTES), so a sniff asks for that at once rather than decoding the block again for it.
 */
const BLOCK_CODECS: ReadonlySet<Compression> = new Set<Compression>(["bz2"]);
const BLOCK_CODEC_HEAD = 64 * 1024 + 1;

export function decodedMember(
  context: ReaderContext,
  codec: Compression,
  input: ByteSource,
  member: string,
  fields: Omit<ContainerMember, "head" | "open" | "decoded">,
): ContainerMember {
  let best: { bytes: Uint8Array; complete: boolean } | undefined;
  return {
    ...fields,
    decoded: true,
    async head(length: number): Promise<Uint8Array> {
      if (best && (best.complete || best.bytes.length >= length)) return best.bytes.subarray(0, length);
      // With the budget or the sniffing work spent, not even sniffed.
      if (!context.canSniff()) {
        context.notInspected("too much decoding spent on bomb-like members; member not inspected", member);
        return new Uint8Array(0);
      }
      const want = BLOCK_CODECS.has(codec) ? Math.max(length, BLOCK_CODEC_HEAD) : length;
      const result = await context.decompress(codec, input, member, want);
      best = { bytes: result.bytes, complete: result.bytes.length < want || result.error !== undefined || result.limitReached };
      return result.bytes.subarray(0, length);
    },
    async open(): Promise<ByteSource | null> {
      if (best?.complete) return memorySource(best.bytes);
      if (!context.canDecompress()) {
        context.notInspected("decompression limit reached; member not inspected", member);
        return null;
      }
      return memorySource((await context.decompress(codec, input, member)).bytes);
    },
  };
}
