// Node's zlib as the artifact scanner's DEFLATE decoder (src/artifacts/containers/native-inflate.ts says when its
// answer is used; fflate decodes everything else, as it does in the browser). Node's surfaces pass it in the scan
// options; the scanner itself imports no node:* module.
import { kMaxLength } from "node:buffer";
import { constants, gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from "node:zlib";
import type { DeflateFormat, InflateCodec, InflateOutput } from "../artifacts/containers/native-inflate.js";
import type { PickleScanOptions } from "../artifacts/types.js";

const DECODERS = { gzip: gunzipSync, zlib: inflateSync, "deflate-raw": inflateRawSync } as const;
/** Output is gathered in buffers of Node's default 16 KiB, or of this size from inputs that may decode to megabytes. */
const LARGE_CHUNK = 256 * 1024;
const LARGE_INPUT = 4096;

export const nodeInflate: InflateCodec = {
  decode(format: DeflateFormat, input: Uint8Array, options: { partial: boolean; maxOutput: number }): InflateOutput {
    const settings: ZlibOptions & { info: true } = {
      info: true,
      maxOutputLength: Math.min(kMaxLength, Math.max(1, options.maxOutput)),
      ...(input.length >= LARGE_INPUT ? { chunkSize: Math.max(constants.Z_MIN_CHUNK, Math.min(LARGE_CHUNK, options.maxOutput)) } : {}),
      // A prefix ends mid-stream: decode what it holds instead of failing on its end.
      ...(options.partial ? { finishFlush: constants.Z_SYNC_FLUSH } : {}),
    };
    const { buffer, engine } = DECODERS[format](input, settings) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return { bytes: plainBytes(buffer), consumed: engine.bytesWritten };
  },
};

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
