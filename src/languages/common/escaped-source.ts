// A source text with some escapes translated (Java's `\u004F` anywhere, C#'s in identifiers), and the map from
// positions in the translated text back to the file's own. Browser-safe.
import { LineIndex } from "../../core/line-index.js";
import type { DecodedSource } from "./analyze.js";

/** One escape: where it starts in the file, how many characters it takes, and the character it stands for. */
export interface Escape {
  index: number;
  length: number;
  char: string;
}

/** The text with `escapes` (in order, not overlapping) translated; undefined when there are none. */
export function translateEscapes(source: string, escapes: Iterable<Escape>): DecodedSource | undefined {
  const pieces: string[] = [];
  // Where each translated escape is in the decoded text, and how many characters the file had more than the decoded
  // text before it and after it.
  const decodedAt: number[] = [];
  const lostBefore: number[] = [];
  const lostAfter: number[] = [];
  let from = 0;
  let lost = 0;
  let length = 0;
  for (const e of escapes) {
    pieces.push(source.slice(from, e.index), e.char);
    length += e.index - from;
    decodedAt.push(length);
    lostBefore.push(lost);
    lost += e.length - e.char.length;
    lostAfter.push(lost);
    length += e.char.length;
    from = e.index + e.length;
  }
  if (!decodedAt.length) return undefined;
  pieces.push(source.slice(from));
  const text = pieces.join("");
  const decodedLines = new LineIndex(text);
  const originalLines = new LineIndex(source);
  const originalOffset = (offset: number): number => {
    let lo = 0;
    let hi = decodedAt.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (decodedAt[mid] <= offset) (k = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    if (k < 0) return offset;
    // The translated character stands where its escape starts; what follows it, past the whole escape.
    return offset === decodedAt[k] ? offset + lostBefore[k] : offset + lostAfter[k];
  };
  return {
    text,
    position(line, column) {
      const start = decodedLines.lineStart(line - 1) ?? text.length;
      const [row, col] = originalLines.position(Math.min(originalOffset(start + column - 1), source.length));
      return { line: row + 1, column: col + 1 };
    },
  };
}
