// Zstandard frames through fzstd (pure JavaScript, runs in Node and browsers), fed in small input pieces so that
// output stops at the cap: a tiny frame of RLE blocks can expand enormously, and the decoder's output handler
// aborts the push as soon as the cap is reached.
import { Decompress } from "fzstd";
import { concatBytes } from "./bytes.js";
import type { DecompressResult } from "./decompress.js";

/** Input fed per push: bounds how much one push can decode past the cap before the handler stops it. */
const INPUT_PIECE = 4096;

class CapReached extends Error {}

export function decodeZstd(input: Uint8Array, maxOutput: number): DecompressResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const decoder = new Decompress((data) => {
    chunks.push(data);
    total += data.length;
    if (total >= maxOutput) throw new CapReached();
  });
  try {
    for (let at = 0; at < input.length; at += INPUT_PIECE) {
      const end = Math.min(input.length, at + INPUT_PIECE);
      decoder.push(input.subarray(at, end), end === input.length);
    }
  } catch (error) {
    if (error instanceof CapReached) return { bytes: concatBytes(chunks, maxOutput), limitReached: true };
    return { bytes: concatBytes(chunks, total), limitReached: false, error: error instanceof Error ? error.message : String(error) };
  }
  return { bytes: concatBytes(chunks, total), limitReached: false };
}
