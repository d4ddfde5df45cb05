// Browser-safe: no node:* imports anywhere under src/core.

/** Maps UTF-16 offsets to 0-based rows and columns. */
export class LineIndex {
  /**
   * Where each line starts, at its exact length: gathered in a scratch array kept from index to index, then copied.
   * An array grown by `push` allocated about three times its final size on the JavaScript heap, in fresh memory as
   * the heap grew: over the standard library's files with rule tokens (the first pass's parses), 6.8 of ~290 MB
   * sampled, and building their indexes took 105-115 ms of CPU the first time (6-8 ms when repeated); now 10-11 ms
   * (8-12), and the starts (1.5 MB) live outside the heap, where collections do not copy them.
   */
  private readonly starts: Int32Array;
  private lastLine = 0;

  constructor(source: string) {
    let scratch = SCRATCH;
    let count = 1;
    for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) {
      if (count === scratch.length) {
        const grown = new Int32Array(scratch.length * 2);
        grown.set(scratch);
        scratch = SCRATCH = grown;
      }
      scratch[count++] = i + 1;
    }
    this.starts = scratch.slice(0, count);
  }

  /** Offset where 0-based `row` starts; undefined past the last line. */
  lineStart(row: number): number | undefined {
    return this.starts[row];
  }

  position(offset: number): [number, number] {
    const starts = this.starts;
    // Offsets arrive mostly in increasing order: try the last line first.
    let line = this.lastLine;
    if (!(starts[line] <= offset && (line + 1 >= starts.length || offset < starts[line + 1]))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
    }
    this.lastLine = line;
    return [line, offset - starts[line]];
  }
}

/** The scratch array of `LineIndex`'s constructor (its first entry, line 0's start, is always 0). */
let SCRATCH = new Int32Array(1 << 14);
