// Positions in manifest text: the parsers (TOML, JSON) give values, not positions, so a declaration is found
// again in the text, searching forward from where its table or section starts.

import { LineIndex as Rows } from "../core/line-index.js";

export interface TextPosition {
  line: number;
  column: number;
  endColumn: number;
  snippet: string;
}

export class LineIndex {
  private readonly rows: Rows;
  constructor(readonly text: string) {
    this.rows = new Rows(text);
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    return this.rows.position(offset)[0] + 1;
  }

  lineText(line: number): string {
    const start = this.rows.lineStart(line - 1) ?? this.text.length;
    const next = this.rows.lineStart(line);
    const end = next !== undefined ? next - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, "");
  }

  offsetOfLine(line: number): number {
    return this.rows.lineStart(line - 1) ?? this.text.length;
  }

  /** The position of the span [start, end) (clipped to its first line). */
  position(start: number, end: number): TextPosition {
    const line = this.lineOf(start);
    const lineStart = this.rows.lineStart(line - 1)!;
    const snippet = this.lineText(line);
    const column = start - lineStart + 1;
    return { line, column, endColumn: Math.min(end - lineStart, snippet.length) + 1, snippet };
  }

  /** The first match of `pattern` (global flag not needed) at or after `from`, as a position; undefined if none. */
  find(pattern: RegExp, from = 0): { position: TextPosition; index: number } | undefined {
    const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
    re.lastIndex = from;
    const m = re.exec(this.text);
    if (!m) return undefined;
    return { position: this.position(m.index, m.index + m[0].length), index: m.index };
  }

  /** A whole line as a position (trimmed of indentation). */
  linePosition(line: number): TextPosition {
    const snippet = this.lineText(line);
    const indent = snippet.length - snippet.trimStart().length;
    return { line, column: indent + 1, endColumn: snippet.trimEnd().length + 1, snippet };
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A TOML/JSON string literal holding exactly `value`, in either quote style. */
export function quoted(value: string): RegExp {
  const v = escapeRegExp(value);
  return new RegExp(`"${v}"|'${v}'`);
}
