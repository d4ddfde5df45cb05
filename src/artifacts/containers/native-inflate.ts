// A host's own DEFLATE decoder (Node's zlib, in C) as a fast path in front of fflate. The host injects it
// (`PickleScanOptions.inflate`); the browser has none and decodes with fflate alone. Its result is used only when it
// is provably the one fflate's bounded streaming decode would give: the data decoded to its end, without error,
// within the cap (a valid stream has one decoding), or a sniff's first bytes came out of valid data. Everything
// else (corrupt, truncated or padded data, wrong checksums, output past the cap) goes to fflate, so bytes,
// `limitReached` and error texts are fflate's in every case the two could differ. Browser-safe.
import type { ByteSource } from "../types.js";
import { concatBytes, u32le } from "./bytes.js";
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
/**
 * Output past this size goes to fflate. A bomb is decoded by zlib until its output passes the cap and then again by
 * fflate (which stops at the cap in a way zlib's one call cannot show): this bounds the wasted first decoding.
 */
const WHOLE_OUTPUT_MAX = 64 << 20;
/** DEFLATE's largest expansion (258 bytes from 2 bits), rounded up: the most one input byte can decode to. */
const MAX_RATIO = 1032;

export interface NativeRequest {
  /** The output cap: the decompression limit, or what a sniff wants. */
  cap: number;
  /** Set for a sniff: only the first `cap` bytes matter. fflate reads this much input first. */
  sniffPiece?: number;
  /** Set when every piece fflate reads for this sniff has `sniffPiece` bytes (small caps). */
  fixedPieces?: boolean;
  /** Counts the bytes a sniff decoded, kept or not (see `DecompressOptions.work`). */
  work?: { bytes: number };
}

/**
 * The decoded bytes (at most `cap`) when the host's decoder settles them exactly as fflate would, else undefined
 * (decode with fflate).
 */
export async function inflateNatively(codec: InflateCodec, format: DeflateFormat, input: ByteSource, request: NativeRequest): Promise<Uint8Array | undefined> {
  if (request.cap <= 0 || input.size === 0) return undefined;
  if (request.sniffPiece !== undefined) return sniff(codec, format, input, request, request.sniffPiece);
  if (input.size > WHOLE_INPUT_MAX) return undefined;
  const data = await readRange(input, 0, input.size);
  const output = attempt(codec, format, data, false, Math.min(request.cap, WHOLE_OUTPUT_MAX));
  return output && endsLikeFflate(format, data, output) ? output.bytes : undefined;
}

/**
 * How far fflate may read past the point where zlib's output reaches the cap before its own output does: it emits
 * a stored block only once the whole block (up to 65,535 bytes and its 5-byte header) is in, where zlib streams it;
 * and then the rest of the piece it is reading (at most 64 KiB). Elsewhere both emit every whole symbol they have.
 */
const FFLATE_LAG = 65_540 + 64 * 1024;
/** The output a sniff's check of that lag may make; past it (bomb-like data), fflate decides. */
const LAG_OUTPUT_MAX = 16 << 20;

/**
 * A sniff's first bytes. fflate decodes a sniff piece by piece, and its bytes are the stream's when every piece up
 * to the one that reaches the cap decodes without error (a piece that fails yields nothing). zlib shows that they
 * do by decoding without error a prefix that reaches past that piece: once its output reaches the cap, the prefix is
 * extended by the most fflate may lag behind (or to the input's end, decoded as the end of the data, as fflate's last
 * push is), unless fflate's output at the prefix's end is shown to be zlib's (see `endsAsFflatePush`): then fflate
 * reached the cap within the prefix, and decoding the rest of a zip member (often all of it) is spared. The first prefix is fflate's first piece; with fixed pieces, longer prefixes grow by the ratio seen.
 */
async function sniff(codec: InflateCodec, format: DeflateFormat, input: ByteSource, request: NativeRequest, piece: number): Promise<Uint8Array | undefined> {
  const { cap } = request;
  // A later prefix may decode past the cap by more than its first bytes suggested; past this much, fflate decides.
  const maxOutput = Math.max(cap, piece * MAX_RATIO) + (request.fixedPieces ? 4 * cap : 0);
  let data = await readRange(input, 0, piece);
  let reached = false;
  for (;;) {
    const whole = data.length >= input.size;
    const most = reached ? Math.max(maxOutput, LAG_OUTPUT_MAX) : maxOutput;
    const output = attempt(codec, format, data, !whole, most);
    if (request.work) request.work.bytes += output ? output.bytes.length : most;
    if (!output) return undefined;
    if (whole) return endsLikeFflate(format, data, output) ? output.bytes.subarray(0, cap) : undefined;
    if (reached) return output.bytes.subarray(0, cap);
    let next: number;
    if (output.bytes.length >= cap) {
      if (endsAsFflatePush(data, output.bytes, piece, request)) return output.bytes.subarray(0, cap);
      reached = true;
      next = data.length + FFLATE_LAG;
    } else {
      if (!request.fixedPieces) return undefined;
      // Enough input for the cap at the ratio seen so far (and at least twice as much), in whole pieces.
      const ratio = Math.max(1, output.bytes.length / data.length);
      next = Math.max(2 * data.length, Math.ceil(((cap / ratio) * 1.25) / piece) * piece);
    }
    data = concatBytes([data, await readRange(input, data.length, next - data.length)]);
  }
}

/**
 * Whether fflate's output after reading `data` is zlib's `output`, so that its sniff reached the cap within `data`:
 * data read in fixed pieces, `data` ending where a piece does, and no stored block left partly read at its end.
 * fflate emits every whole symbol it has, as zlib does (its gzip and zlib readers wait for a whole header, as zlib
 * does, and then pass the rest to the same decoder), but a stored block only once all of it is in, where zlib
 * copies what has come of it; then zlib's output ends with the input's last byte. An output that ends with another
 * byte is fflate's (one that happens to end with the same byte is checked the long way).
 */
function endsAsFflatePush(data: Uint8Array, output: Uint8Array, piece: number, request: NativeRequest): boolean {
  if (!request.fixedPieces || data.length % piece !== 0 || output.length === 0) return false;
  return output[output.length - 1] !== data[data.length - 1];
}

function attempt(codec: InflateCodec, format: DeflateFormat, data: Uint8Array, partial: boolean, maxOutput: number): InflateOutput | undefined {
  try {
    return codec.decode(format, data, { partial, maxOutput });
  } catch {
    return undefined;
  }
}

/**
 * A gzip file read to its end by members only: zlib stops quietly at zero padding, where fflate's reading (and the
 * padding search after it) takes over; and the fflate path checks the last member's size field against its tail
 * with the trailing zeros cut, which a size of 0 (an empty last member) does not pass the same way.
 */
function endsLikeFflate(format: DeflateFormat, data: Uint8Array, output: InflateOutput): boolean {
  return format !== "gzip" || (output.consumed === data.length && data.length >= 4 && u32le(data, data.length - 4) !== 0);
}
