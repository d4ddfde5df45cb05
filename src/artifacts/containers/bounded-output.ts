// The capped output buffer and the error handling the hand-written decoders (bzip2, LZMA/xz) share: output past
// the cap stops decoding with `limitReached`, corrupt input stops it with an error, and both keep what was decoded.
import { markZeroTail } from "./bytes.js";
import type { DecompressResult } from "./decompress.js";

/** Thrown by `BoundedOutput.put` when the cap is reached. */
export class LimitReached extends Error {}
/** Thrown by a decoder on corrupt or truncated input; its message becomes the result's `error`. */
export class CorruptData extends Error {}

/** Past this size the buffer grows to the cap at once: doubling again would hold the old and the new array together. */
const LARGE_OUTPUT = 16 << 20;

/** A growable byte buffer that never holds more than `max` bytes; bytes are only ever written at `length`, in order. */
export class BoundedOutput {
  bytes: Uint8Array;
  length = 0;
  /** Every byte from here to `length` is zero (and so is everything past `length`: nothing was written there). */
  zerosFrom = 0;

  constructor(
    protected readonly max: number,
    initial: number,
  ) {
    this.bytes = new Uint8Array(Math.max(16, Math.min(initial, max)));
  }

  put(byte: number): void {
    if (this.length >= this.max) throw new LimitReached();
    if (this.length === this.bytes.length) this.grow(this.length + 1);
    // Zeros are already there (see `fill`).
    if (byte !== 0) {
      this.bytes[this.length] = byte;
      this.zerosFrom = this.length + 1;
    }
    this.length++;
  }

  /**
   * `count` copies of `byte`, as many as fit under the cap (then `LimitReached`, as `put` would throw). A bomb is
   * mostly such runs: written one `put` at a time, a bzip2 bomb decoding to the 256 MiB limit took ~14 s of CPU.
   */
  fill(byte: number, count: number): void {
    const take = this.room(count);
    // Nothing past `length` was ever written, so zeros are already there: a zero bomb's pages are never touched.
    if (byte !== 0) {
      const bytes = this.bytes;
      for (let at = this.length, end = at + take; at < end; at++) bytes[at] = byte;
      this.zerosFrom = this.length + take;
    }
    this.length += take;
    if (take < count) throw new LimitReached();
  }

  /** Bytes before `length` were changed in place (a filter undone over decoded bytes). */
  rewritten(): void {
    this.zerosFrom = this.length;
  }

  /** How many of `count` more bytes fit under the cap, with the buffer grown to hold them. */
  protected room(count: number): number {
    const take = Math.max(0, Math.min(count, this.max - this.length));
    if (this.length + take > this.bytes.length) this.grow(this.length + take);
    return take;
  }

  private grow(need: number): void {
    const doubled = Math.max(need, this.bytes.length * 2);
    // Unwritten pages of the cap-sized array are never touched, so they cost no memory.
    const next = new Uint8Array(Math.min(this.max, doubled > LARGE_OUTPUT ? Math.max(need, this.max) : doubled));
    // Past `zerosFrom` the new array holds the same zeros already.
    next.set(this.bytes.subarray(0, this.zerosFrom));
    this.bytes = next;
  }
}

/** Runs `decode` into `out`: what it wrote, and whether the cap or corrupt data stopped it. Other errors propagate. */
export function decodeBounded<O extends BoundedOutput>(out: O, decode: (out: O) => void): DecompressResult {
  try {
    decode(out);
    return { bytes: finished(out), limitReached: false };
  } catch (error) {
    const bytes = finished(out);
    if (error instanceof LimitReached) return { bytes, limitReached: true };
    if (error instanceof CorruptData) return { bytes, limitReached: false, error: error.message };
    throw error;
  }
}

function finished(out: BoundedOutput): Uint8Array {
  const bytes = out.bytes.subarray(0, out.length);
  markZeroTail(bytes, out.zerosFrom);
  return bytes;
}
