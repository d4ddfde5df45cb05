// The capped output buffer and the error handling the hand-written decoders (bzip2, LZMA/xz) share: output past
// the cap stops decoding with `limitReached`, corrupt input stops it with an error, and both keep what was decoded.
import type { DecompressResult } from "./decompress.js";

/** Thrown by `BoundedOutput.put` when the cap is reached. */
export class LimitReached extends Error {}
/** Thrown by a decoder on corrupt or truncated input; its message becomes the result's `error`. */
export class CorruptData extends Error {}

/** A growable byte buffer that never holds more than `max` bytes. */
export class BoundedOutput {
  bytes: Uint8Array;
  length = 0;

  constructor(
    private readonly max: number,
    initial: number,
  ) {
    this.bytes = new Uint8Array(Math.max(16, Math.min(initial, max)));
  }

  put(byte: number): void {
    if (this.length >= this.max) throw new LimitReached();
    if (this.length === this.bytes.length) this.grow(this.length + 1);
    this.bytes[this.length++] = byte;
  }

  private grow(need: number): void {
    const next = new Uint8Array(Math.min(this.max, Math.max(need, this.bytes.length * 2)));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

/** Runs `decode` into `out`: what it wrote, and whether the cap or corrupt data stopped it. Other errors propagate. */
export function decodeBounded<O extends BoundedOutput>(out: O, decode: (out: O) => void): DecompressResult {
  try {
    decode(out);
    return { bytes: out.bytes.subarray(0, out.length), limitReached: false };
  } catch (error) {
    const bytes = out.bytes.subarray(0, out.length);
    if (error instanceof LimitReached) return { bytes, limitReached: true };
    if (error instanceof CorruptData) return { bytes, limitReached: false, error: error.message };
    throw error;
  }
}
