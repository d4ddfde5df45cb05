// Java translates `\uXXXX` escapes (any number of `u`s) everywhere in a source file before it reads a single token
// (JLS 3.3), so `new \u004FbjectInputStream(in)` is `new ObjectInputStream(in)` and `\u000a` ends a line, even in a
// comment: an escape can hide a deserializer from a search of the text and from a reviewer. The file is analysed as
// Java reads it, and every position is put back on the file's own text. Browser-safe.
import type { DecodedSource } from "../common/analyze.js";
import { translateEscapes, type Escape } from "../common/escaped-source.js";

const ESCAPE = /\\+u+[0-9a-fA-F]{4}/g;

/** The source with its Unicode escapes translated, or undefined when it has none. */
export function javaUnicodeEscapes(source: string): DecodedSource | undefined {
  return source.includes("\\u") ? translateEscapes(source, escapesOf(source)) : undefined;
}

function* escapesOf(source: string): Generator<Escape> {
  for (const m of source.matchAll(ESCAPE)) {
    const slashes = m[0].indexOf("u");
    // A backslash starts an escape only after an even run of backslashes (`\\u0041` is a backslash, then `u0041`).
    if (slashes % 2 === 0) continue;
    const code = Number.parseInt(m[0].slice(-4), 16);
    // Control characters other than line ends and blanks (`"\u0000"` in a test's string) cannot hide code, and a
    // parser reads them as errors: they stay as written.
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) continue;
    const index = m.index + slashes - 1;
    yield { index, length: m.index + m[0].length - index, char: String.fromCharCode(code) };
  }
}
