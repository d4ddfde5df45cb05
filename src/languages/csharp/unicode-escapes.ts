// C# reads `\uXXXX` and `\UXXXXXXXX` escapes in identifiers (ECMA-334, 6.4.3): `new \u0042inaryFormatter()` is a
// BinaryFormatter, hidden from a search of the text and from a reviewer. Escapes in identifiers are translated
// (those in strings, characters and comments are left to the analysis, as C# leaves them), and every position is put
// back on the file's own text. Browser-safe.
import type { DecodedSource } from "../common/analyze.js";
import { translateEscapes, type Escape } from "../common/escaped-source.js";

/** The source with the escapes in its identifiers translated, or undefined when it has none. */
export function csharpIdentifierEscapes(source: string): DecodedSource | undefined {
  return /\\[uU][0-9a-fA-F]{4}/.test(source) ? translateEscapes(source, escapesOf(source)) : undefined;
}

function* escapesOf(source: string): Generator<Escape> {
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      i = lineEnd(source, i);
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (c === '"' || c === "'") {
      // A verbatim string (`@"..."`, `$@"..."`) doubles its quotes; any other string or character escapes them.
      const verbatim = source[i - 1] === "@" || (source[i - 1] === "$" && source[i - 2] === "@");
      i = literalEnd(source, i, verbatim);
    } else if (c === "\\" && (next === "u" || next === "U")) {
      const width = next === "u" ? 4 : 8;
      const hex = source.slice(i + 2, i + 2 + width);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? Number.parseInt(hex, 16) : -1;
      if (code >= 0x20 && code <= 0x10ffff) {
        yield { index: i, length: 2 + width, char: String.fromCodePoint(code) };
        i += 2 + width;
      } else {
        i += 2;
      }
    } else {
      i++;
    }
  }
}

function lineEnd(source: string, at: number): number {
  const end = source.indexOf("\n", at);
  return end < 0 ? source.length : end;
}

function literalEnd(source: string, at: number, verbatim: boolean): number {
  const quote = source[at];
  for (let i = at + 1; i < source.length; i++) {
    const c = source[i];
    if (verbatim && c === quote) {
      if (source[i + 1] === quote) i++;
      else return i + 1;
    } else if (!verbatim && c === "\\") i++;
    else if (c === quote) return i + 1;
    else if (c === "\n" && !verbatim) return i;
  }
  return source.length;
}
