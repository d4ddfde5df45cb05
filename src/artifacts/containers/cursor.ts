// Sequential reader over a ByteSource with a sliding window, so that walking a multi-GB stream never
// holds more than one window in memory. Browser-safe.
import type { ByteSource } from "../types.js";
import { readRange } from "./sources.js";

const WINDOW = 1 << 20;

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

  /**
   * `take` without waiting: the bytes when the window already holds them, null past the end of the source, and
   * undefined when the window must be refilled first (see `refill`).
   */
  takeNow(count: number): Uint8Array | null | undefined {
    if (this.position + count > this.source.size) return null;
    const offset = this.position - this.bufferStart;
    if (offset < 0 || offset + count > this.buffer.length) return undefined;
    this.position += count;
    return this.buffer.subarray(offset, offset + count);
  }

  /** `line` without waiting, as `takeNow` is to `take`. */
  lineNow(max: number): Uint8Array | null | undefined {
    const available = Math.min(max + 1, this.remaining);
    const offset = this.position - this.bufferStart;
    if (offset < 0 || offset + available > this.buffer.length) return undefined;
    const window = this.buffer.subarray(offset, offset + available);
    const end = window.indexOf(0x0a);
    if (end < 0) return null;
    this.position += end + 1;
    return window.subarray(0, end);
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
