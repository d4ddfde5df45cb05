// The import statements of a Python file, found by a plain text search: what the whole-program pass matches files
// against. The same search runs on a decoded source and on raw bytes read as Latin-1, so that the scan can find the
// statements of the files the prefilter passes over while their bytes are at hand, and need not hold their text.

/** A file's import statements as written, and whether it imports by run-time names. */
export interface ImportStatements {
  statements: string[];
  /** `import_module` or `__import__` occurs (they hold `import` too). */
  byRuntimeName: boolean;
}

/** What the search reads: a string, or bytes as Latin-1 (see `Latin1Bytes`), with `String`'s meanings. */
interface Text {
  readonly length: number;
  /** Where a character (one of `\n()`) is. */
  indexOf(char: string, from: number): number;
  lastIndexOf(char: string, from: number): number;
  charCodeAt(at: number): number;
  startsWith(word: string, at: number): boolean;
  slice(start: number, end: number): string;
}

/**
 * The import statements of a text, found from each `import` (a plain search, much faster than a multiline regex),
 * and whether the text imports by run-time names (`import_module`, `__import__`, which hold `import` too).
 */
export function importStatements(text: string): ImportStatements {
  return statementsOf(text, importOffsets(text));
}

/** Every offset of `import` in `text`, ascending. */
function importOffsets(text: string): number[] {
  const importAt: number[] = [];
  for (let at = text.indexOf("import"); at >= 0; at = text.indexOf("import", at + 6)) importAt.push(at);
  return importAt;
}

/**
 * `importStatements` of `bytes` read as Latin-1 (one character per byte), without making a string of them, given
 * where `import` occurs in them (every offset, ascending: see `BytePrefilter`, which finds them on its way).
 */
export function importStatementsOfBytes(bytes: Buffer, importAt: readonly number[]): ImportStatements {
  return statementsOf(new Latin1Bytes(bytes), importAt);
}

/** `importAt`: every offset of `import` in `text`, ascending (no two overlap: `import` cannot overlap itself). */
function statementsOf(text: Text, importAt: readonly number[]): ImportStatements {
  const out: string[] = [];
  let byRuntimeName = false;
  let done = 0;
  for (const at of importAt) {
    if (!byRuntimeName && (text.startsWith("import_module", at) || text.startsWith("__import__", at - 2))) byRuntimeName = true;
    if (at < done) continue;
    const lineStart = text.lastIndexOf("\n", at) + 1;
    let start = lineStart;
    while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
    if (!text.startsWith("from", start) && !text.startsWith("import", start)) continue;
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const open = text.indexOf("(", at);
    if (open >= 0 && open < end) {
      const close = text.indexOf(")", open);
      end = close < 0 ? text.length : close + 1;
    }
    out.push(text.slice(start, end));
    done = end;
  }
  return { statements: out, byRuntimeName };
}

/** Bytes `Latin1Bytes` reads one by one before it calls `Buffer`'s search for a character. */
const NEAR = 256;

/** Bytes read as Latin-1, answering as the string `bytes.toString("latin1")` would (for the arguments used above). */
class Latin1Bytes implements Text {
  readonly length: number;

  constructor(private readonly bytes: Buffer) {
    this.length = bytes.length;
  }

  // A character is looked for by a loop over the first bytes: it is usually near (the end of a line, a bracket), and a
  // call of `Buffer`'s search costs more than reading a line; past them, by that search (a long line, no bracket).
  indexOf(char: string, from: number): number {
    const code = char.charCodeAt(0);
    const start = Math.max(0, from);
    const near = Math.min(this.length, start + NEAR);
    for (let at = start; at < near; at++) if (this.bytes[at] === code) return at;
    return near < this.length ? this.bytes.indexOf(code, near) : -1;
  }

  lastIndexOf(char: string, from: number): number {
    const code = char.charCodeAt(0);
    const start = Math.min(from, this.length - 1);
    const near = Math.max(-1, start - NEAR);
    for (let at = start; at > near; at--) if (this.bytes[at] === code) return at;
    return near >= 0 ? this.bytes.lastIndexOf(code, near) : -1;
  }

  charCodeAt(at: number): number {
    return at >= 0 && at < this.length ? this.bytes[at] : NaN;
  }

  startsWith(word: string, at: number): boolean {
    const start = Math.min(Math.max(0, at), this.length);
    if (start + word.length > this.length) return false;
    for (let k = 0; k < word.length; k++) if (this.bytes[start + k] !== word.charCodeAt(k)) return false;
    return true;
  }

  slice(start: number, end: number): string {
    return this.bytes.toString("latin1", start, end);
  }
}

// Both kinds of text meet the search once when the module loads: the scan reads bytes first and the whole-program pass
// strings later, and a kind met first mid-scan threw the search's optimised code away (`node --trace-deopt`).
for (let round = 0; round < 2; round++) {
  const text = `${"x = 1\n".repeat(300)}import os\nfrom a import (b,\n c)\nimport_module(m)\n`;
  importStatements(text);
  importStatementsOfBytes(Buffer.from(text, "latin1"), importOffsets(text));
}

