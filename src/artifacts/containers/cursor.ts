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
