// Bounded decompression. gzip/zlib/raw deflate go through the synchronous decoder in inflate.ts for small
// inputs and sniffing, and through the platform's DecompressionStream (Node 20 and browsers) for big inputs;
// bzip2 and xz/lzma through the small pure decoders beside this file.
import type { ByteSource } from "../types.js";
import { concatBytes } from "./bytes.js";
import { decodeBzip2 } from "./bzip2.js";
import { gunzip, inflateRaw, inflateZlib, type InflateResult } from "./inflate.js";
import { decodeLzmaAlone, decodeXz } from "./lzma.js";
import { decodeZstd } from "./zstd.js";
import { readRange } from "./sources.js";

export type Compression = "gzip" | "zlib" | "deflate-raw" | "bz2" | "xz" | "lzma" | "zstd";

export interface DecompressResult {
  bytes: Uint8Array;
  /** True when output reached `limit` and decoding was stopped (zip-bomb guard). */
  limitReached: boolean;
  /** Set when the compressed data is corrupt or truncated; `bytes` holds what was decoded before. */
  error?: string;
}

export interface DecompressOptions {
  /** Hard cap on output bytes; reaching it stops decoding with `limitReached`. */
  limit: number;
  /** Stop quietly once this many bytes are available (sniffing); not a limit breach. */
  want?: number;
}

const INPUT_CHUNK = 1 << 20;
const SNIFF_INPUT = 4 << 20;

/**
 * Deflate inputs up to this size are decoded synchronously. A DecompressionStream costs ~0.3-0.5 ms to set up,
 * more than decoding a typical zip member (a few KB) takes in TypeScript; native zlib decodes about twice as
 * fast per byte, though, and off the main thread. Measured on Python source, the two break even at 3-4 MB of
 * output, about 1 MiB of input at a typical 4:1 ratio (also the stream's input chunk): the whole input is held
 * in memory only below that size. Sniffing decodes only a prefix of the input, so it is synchronous whenever up
 * to this much input yields the bytes wanted, however big the whole input is.
 */
const SYNC_INFLATE_INPUT = 1 << 20;

type SyncInflater = (input: Uint8Array, maxOutput: number) => InflateResult;
const inflaters = new Map<Compression, SyncInflater>([
  ["gzip", gunzip],
  ["zlib", inflateZlib],
  ["deflate-raw", inflateRaw],
]);

/** Pure decoders for the formats the platform lacks. They need their whole input in memory. */
type SyncDecoder = (input: Uint8Array, maxOutput: number) => DecompressResult;
const syncDecoders = new Map<Compression, SyncDecoder>([
  ["bz2", decodeBzip2],
  ["xz", decodeXz],
  ["lzma", decodeLzmaAlone],
  ["zstd", decodeZstd],
]);

export async function decompress(
  format: Compression,
  input: ByteSource,
  options: DecompressOptions,
): Promise<DecompressResult> {
  const cap = Math.max(0, Math.min(options.limit, options.want ?? Number.POSITIVE_INFINITY));
  const syncDecoder = syncDecoders.get(format);
  if (syncDecoder) {
    // Sniffing rarely needs more than the first few MiB of input (one bzip2 block is at most ~900 KB).
    if (options.want !== undefined && input.size > SNIFF_INPUT) {
      const partial = syncDecoder(await readRange(input, 0, SNIFF_INPUT), cap);
      // Enough output: the error a cut input causes later does not concern the bytes we keep.
      if (partial.bytes.length >= cap) return { bytes: partial.bytes, limitReached: partial.limitReached && hitsLimit(options) };
    }
    if (input.size > options.limit) {
      return { bytes: new Uint8Array(0), limitReached: true, error: `compressed ${format} data larger than the decompression limit` };
    }
    const result = syncDecoder(await readRange(input, 0, input.size), cap);
    return { ...result, limitReached: result.limitReached && hitsLimit(options) };
  }
  const inflater = inflaters.get(format);
  if (inflater) {
    const result = await inflateSync(inflater, format, input, cap, options);
    if (result) return result;
  }
  return streamDecompress(format === "zlib" ? "deflate" : (format as "gzip" | "deflate-raw"), input, cap, options);
}

/**
 * Inflates in memory what needs at most SYNC_INFLATE_INPUT bytes of input; null leaves the input to the stream.
 * Sniffing (`want` set) reads a prefix that normally holds enough data for `want` bytes and reads more only when
 * the stream outlives it: DEFLATE spends at most ~2 bytes of input per output byte (15-bit literal codes;
 * matches of 3+ bytes take at most 48 bits) plus block headers, but nothing bounds how many empty blocks a
 * stream may hold, so a prefix is never assumed to be enough.
 */
async function inflateSync(
  inflater: SyncInflater,
  format: Compression,
  input: ByteSource,
  cap: number,
  options: DecompressOptions,
): Promise<DecompressResult | null> {
  let length = options.want === undefined ? input.size : Math.min(input.size, 2 * cap + 4096);
  for (; length <= SYNC_INFLATE_INPUT; length = Math.min(input.size, length * 4)) {
    let bytes: Uint8Array;
    try {
      bytes = await readRange(input, 0, length);
    } catch (error) {
      return { bytes: new Uint8Array(0), limitReached: false, error: describe(error) };
    }
    const result = inflater(bytes, cap);
    const whole = length >= input.size || bytes.length < length;
    // A gzip member ending exactly at the prefix's end may be followed by another.
    const cut = result.truncated || (format === "gzip" && result.consumed >= bytes.length);
    if (whole || result.bytes.length >= cap || !cut) return settle(result, cap, options);
  }
  return null;
}

/** The stream decoder's view of a result: output reaching the cap counts as a stop (even if the data ends there). */
function settle(result: DecompressResult, cap: number, options: DecompressOptions): DecompressResult {
  const stopped = cap > 0 ? result.bytes.length >= cap : result.limitReached;
  const error = stopped ? undefined : result.error;
  return { bytes: result.bytes, limitReached: stopped && hitsLimit(options), ...(error ? { error } : {}) };
}

async function streamDecompress(
  format: "gzip" | "deflate" | "deflate-raw",
  input: ByteSource,
  cap: number,
  options: DecompressOptions,
): Promise<DecompressResult> {
  const stream = new DecompressionStream(format);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  let feedError: unknown;

  const feeding = (async () => {
    try {
      for (let at = 0; at < input.size && !stopped; at += INPUT_CHUNK) {
        const chunk = await readRange(input, at, INPUT_CHUNK);
        if (chunk.length === 0) break;
        await writer.write(chunk as Uint8Array<ArrayBuffer>);
      }
      if (!stopped) await writer.close();
    } catch (error) {
      feedError = error;
    }
  })();

  const chunks: Uint8Array[] = [];
  let total = 0;
  let error: string | undefined;
  let limitReached = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
      if (total >= cap) {
        limitReached = hitsLimit(options);
        break;
      }
    }
  } catch (caught) {
    error = describe(caught);
  }
  stopped = true;
  await reader.cancel().catch(() => undefined);
  await writer.abort().catch(() => undefined);
  await feeding;
  if (!error && feedError && total < cap) error = describe(feedError);
  return { bytes: concatBytes(chunks, Math.min(total, cap)), limitReached, ...(error ? { error } : {}) };
}

/** Whether stopping at the cap means the limit was hit rather than the sniffing `want` satisfied. */
function hitsLimit(options: DecompressOptions): boolean {
  return options.want === undefined || options.want >= options.limit;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
