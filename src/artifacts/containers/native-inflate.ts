// A host's own DEFLATE decoder (Node's zlib, in C) as a fast path in front of fflate. The host injects it
// (`PickleScanOptions.inflate`); the browser has none and decodes with fflate alone. Its result is used only when it
// is provably the one fflate's bounded streaming decode would give: the data decoded to its end, without error,
// within the cap (a valid stream has one decoding), or a sniff's first bytes came out of valid data. Everything
// else (corrupt, truncated or padded data, wrong checksums, output past the cap) goes to fflate, so bytes,
// `limitReached` and error texts are fflate's in every case the two could differ. Browser-safe.
import type { ByteSource } from "../types.js";
import { u32le } from "./bytes.js";
import { readRange } from "./sources.js";

export type DeflateFormat = "gzip" | "zlib" | "deflate-raw";

export interface InflateCodec {
  /**
   * Decodes `input` (a gzip file of one or more members, a zlib stream, raw DEFLATE) in one call. Throws on corrupt
   * data, on a wrong checksum, when the output would pass `maxOutput` bytes and, unless `partial`, when the input ends
   * before the stream does. `partial`: the input is a prefix of the data; decode what it holds.
   */
  decode(format: DeflateFormat, input: Uint8Array, options: { partial: boolean; maxOutput: number }): InflateOutput;
}

export interface InflateOutput {
  bytes: Uint8Array;
  /** Input bytes the decoder used (for gzip: up to the end of the last member it read). */
  consumed: number;
}

/** Compressed inputs up to this size are decoded in one call; longer ones stream through fflate in pieces. */
const WHOLE_INPUT_MAX = 64 << 20;
/** DEFLATE's largest expansion (258 bytes from 2 bits), rounded up: the most one input byte can decode to. */
const MAX_RATIO = 1032;

export interface NativeRequest {
  /** The output cap: the decompression limit, or what a sniff wants. */
  cap: number;
  /** Set for a sniff: only the first `cap` bytes matter, read from this much input (fflate's first piece). */
  sniffPiece?: number;
}

/**
 * The decoded bytes (at most `cap`) when the host's decoder settles them exactly as fflate would, else undefined
 * (decode with fflate).
 */
export async function inflateNatively(codec: InflateCodec, format: DeflateFormat, input: ByteSource, request: NativeRequest): Promise<Uint8Array | undefined> {
  const { cap, sniffPiece } = request;
  if (cap <= 0) return undefined;
  if (sniffPiece === undefined && input.size > WHOLE_INPUT_MAX) return undefined;
  const data = await readRange(input, 0, sniffPiece ?? input.size);
  if (data.length === 0) return undefined;
  const partial = data.length < input.size;
  // A sniff's piece decodes whole (a valid stream's bytes are the same however far it is read); a full decode must
  // not pass the cap.
  const maxOutput = sniffPiece === undefined ? cap : Math.max(cap, data.length * MAX_RATIO);
  let output: InflateOutput;
  try {
    output = codec.decode(format, data, { partial, maxOutput });
  } catch {
    return undefined;
  }
  const { bytes } = output;
  if (partial) return bytes.length >= cap ? bytes.subarray(0, cap) : undefined;
  if (format === "gzip" && !gzipEndsLikeFflate(data, output)) return undefined;
  return bytes.length > cap ? bytes.subarray(0, cap) : bytes;
}

/**
 * A gzip file read to its end by members only: zlib stops quietly at zero padding, where fflate's reading (and the
 * padding search after it) takes over; and the fflate path checks the last member's size field against its tail
 * with the trailing zeros cut, which a size of 0 (an empty last member) does not pass the same way.
 */
function gzipEndsLikeFflate(data: Uint8Array, output: InflateOutput): boolean {
  return output.consumed === data.length && data.length >= 4 && u32le(data, data.length - 4) !== 0;
}
