// Sequential reader over a ByteSource with a sliding window, so that walking a multi-GB stream never
// holds more than one window in memory. Browser-safe.
import type { ByteSource } from "../types.js";
import { readRange } from "./sources.js";

const WINDOW = 1 << 20;
/** `takeIndexNow` / `lineEndIndexNow`: nothing to read there (past the end of the source, no newline in reach). */
export const PAST_END = -1;
/** `takeIndexNow` / `lineEndIndexNow`: the window does not hold those bytes yet (see `refill`). */
export const NOT_HELD = -2;
/** Lines shorter than this (pickle lines are mostly a few digits) are searched in script, without a view. */
const SHORT_LINE = 32;

export class ByteCursor {
  private buffer: Uint8Array = new Uint8Array(0);
  private bufferStart = 0;
  position: number;

  constructor(
    readonly source: ByteSource,
    start = 0,
  ) {
    this.position = start;
  }

  get remaining(): number {
    return Math.max(0, this.source.size - this.position);
  }

  /** Makes `count` bytes from the position available; false at end of source. */
  async need(count: number): Promise<boolean> {
    if (this.position + count > this.source.size) return false;
    const offset = this.position - this.bufferStart;
    if (offset >= 0 && offset + count <= this.buffer.length) return true;
    this.buffer = await readRange(this.source, this.position, Math.max(WINDOW, count));
    this.bufferStart = this.position;
    return this.buffer.length >= count;
  }

  /** Bytes at the position; only valid after a successful need(count). */
  peek(count: number): Uint8Array {
    const offset = this.position - this.bufferStart;
    return this.buffer.subarray(offset, offset + count);
  }

  async take(count: number): Promise<Uint8Array | null> {
    if (!(await this.need(count))) return null;
    const bytes = this.peek(count);
    this.position += count;
    return bytes;
  }

  /** The bytes the window holds, which the `...IndexNow` reads index; a refill (or an awaited read) replaces it. */
  get window(): Uint8Array {
    return this.buffer;
  }

  /**
   * `take` without waiting and without a view (a walk of millions of opcodes made one per operand): the index in
   * `window` of the `count` bytes at the position, which moves past them; PAST_END past the end of the source, and
   * NOT_HELD when the window must be refilled first (see `refill`).
   */
  takeIndexNow(count: number): number {
    if (this.position + count > this.source.size) return PAST_END;
    const offset = this.position - this.bufferStart;
    if (offset < 0 || offset + count > this.buffer.length) return NOT_HELD;
    this.position += count;
    return offset;
  }

  /**
   * `line` without waiting, as `takeIndexNow` is to `take`: the index in `window` of the newline that ends the line
   * at the position (the line starts at the position's index; the position moves past the newline); PAST_END when
   * no newline is within `max` bytes, NOT_HELD when the window must be refilled first.
   */
  lineEndIndexNow(max: number): number {
    const available = Math.min(max + 1, this.remaining);
    const offset = this.position - this.bufferStart;
    if (offset < 0 || offset + available > this.buffer.length) return NOT_HELD;
    const end = newlineIn(this.buffer, offset, offset + available);
    if (end < 0) return PAST_END;
    this.position += end - offset + 1;
    return end;
  }

  /** Loads a full window from the position; false when the window already held every byte it could. */
  async refill(): Promise<boolean> {
    const wanted = Math.min(WINDOW, this.remaining);
    const offset = this.position - this.bufferStart;
    const held = offset >= 0 ? Math.max(0, this.buffer.length - offset) : 0;
    if (held >= wanted) return false;
    this.buffer = await readRange(this.source, this.position, wanted);
    this.bufferStart = this.position;
    // A source shorter than its announced size gives no more bytes: no progress.
    return this.buffer.length > held;
  }

  /** Bytes up to (not including) the next newline, consuming the newline; null if none within `max`. */
  async line(max: number): Promise<Uint8Array | null> {
    const available = Math.min(max + 1, this.remaining);
    if (!(await this.need(available))) return null;
    const window = this.peek(available);
    const end = window.indexOf(0x0a);
    if (end < 0) return null;
    this.position += end + 1;
    return window.subarray(0, end);
  }
}

/** Index of the first newline in bytes[from, to), or -1. */
function newlineIn(bytes: Uint8Array, from: number, to: number): number {
  const short = Math.min(to, from + SHORT_LINE);
  for (let i = from; i < short; i++) if (bytes[i] === 0x0a) return i;
  if (short >= to) return -1;
  const end = bytes.subarray(short, to).indexOf(0x0a);
  return end < 0 ? -1 : short + end;
}
