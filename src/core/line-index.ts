// Browser-safe: no node:* imports anywhere under src/core.

/** Maps UTF-16 offsets to 0-based rows and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];
  private lastLine = 0;

  constructor(source: string) {
    for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) this.starts.push(i + 1);
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
