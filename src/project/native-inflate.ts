// Node's zlib as the artifact scanner's DEFLATE decoder (src/artifacts/containers/native-inflate.ts says when its
// answer is used; fflate decodes everything else, as it does in the browser). Node's surfaces pass it in the scan
// options; the scanner itself imports no node:* module.
import { kMaxLength } from "node:buffer";
import { constants, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from "node:zlib";
import { u32le } from "../artifacts/containers/bytes.js";
import type { DeflateFormat, InflateCodec, InflateOutput } from "../artifacts/containers/native-inflate.js";
import type { PickleScanOptions } from "../artifacts/types.js";

const DECODERS = { gzip: gunzipSync, zlib: inflateSync, "deflate-raw": inflateRawSync } as const;
/** Output is gathered in buffers of Node's default 16 KiB, or of this size from inputs that may decode to megabytes. */
const LARGE_CHUNK = 256 * 1024;
const LARGE_INPUT = 4096;
/** DEFLATE expands at most about 1032-fold: a gzip trailer's size beyond that is a lie. */
const MAX_DEFLATE_RATIO = 1032;
/** The largest output buffer a gzip trailer's size may choose. */
const MAX_SIZED_CHUNK = 64 * 1024 * 1024;

export const nodeInflate: InflateCodec = {
  decode(format: DeflateFormat, input: Uint8Array, options: { partial: boolean; maxOutput: number }): InflateOutput {
    const settings: ZlibOptions & { info: true } = {
      info: true,
      maxOutputLength: Math.min(kMaxLength, Math.max(1, options.maxOutput)),
      ...(input.length >= LARGE_INPUT ? { chunkSize: Math.max(constants.Z_MIN_CHUNK, Math.min(outputSizeHint(format, input, options.partial), options.maxOutput)) } : {}),
      // A prefix ends mid-stream: decode what it holds instead of failing on its end.
      ...(options.partial ? { finishFlush: constants.Z_SYNC_FLUSH } : {}),
    };
    const { buffer, engine } = DECODERS[format](input, settings) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return { bytes: plainBytes(buffer), consumed: engine.bytesWritten };
  },
};

/**
 * The output buffer's size: a whole gzip file states its decoded size (modulo 2**32) in its last 4 bytes, and output
 * gathered in one buffer of that size is not copied again into one (half the time of decoding a 5 MB stream). The
 * trailer is the file's word, so it only sizes a buffer, within what its input can decode to; output beyond it (a
 * lie, several members, trailing data) goes to further buffers as before.
 */
function outputSizeHint(format: DeflateFormat, input: Uint8Array, partial: boolean): number {
  if (format !== "gzip" || partial || input.length < 18) return LARGE_CHUNK;
  const stated = u32le(input, input.length - 4);
  // One byte more than stated: a buffer filled exactly would have zlib take another one to look for more output.
  const sized = Math.min(stated + 1, input.length * MAX_DEFLATE_RATIO, MAX_SIZED_CHUNK);
  return Math.max(LARGE_CHUNK, sized);
}

/**
 * A plain Uint8Array (a Buffer's slice() shares memory where a Uint8Array's copies): a view, or a copy when the
 * output is a small part of an output buffer it would keep alive (a sniff holds its head for the whole scan).
 */
function plainBytes(buffer: Buffer): Uint8Array {
  if (buffer.buffer.byteLength > 2 * buffer.length + 16 * 1024) return new Uint8Array(buffer);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

/** The options with Node's decoder added (unless the caller chose one). */
export function withNodeInflate<T extends Partial<PickleScanOptions>>(options: T): T {
  return options.inflate ? options : { ...options, inflate: nodeInflate };
}
