// The inside of an f-string as tree-sitter-python builds it: string_start, string_content (with escape_sequence and
// escape_interpolation children), interpolation (expression, type_conversion, format_specifier with
// format_expression children) and string_end.
import type { SyntaxNode } from "../syntax.js";
import { Unsupported, isRawPrefix } from "./tokenizer.js";
import { field, type NodeFactory } from "./tree.js";

/** Parses the expression part of an interpolation, source[start, end), as tree-sitter's `_f_expression`. */
export type ParseInterpolated = (start: number, end: number) => SyntaxNode;

const BACKSLASH = 92;
const LF = 10;

export function formatString(source: string, start: number, end: number, nodes: NodeFactory, parseInterpolated: ParseInterpolated): SyntaxNode {
  let p = start;
  while (source.charCodeAt(p) !== 34 && source.charCodeAt(p) !== 39) p++;
  const quote = source.charCodeAt(p);
  const quoteLength = source.charCodeAt(p + 1) === quote && source.charCodeAt(p + 2) === quote && end - p >= 6 ? 3 : 1;
  const raw = isRawPrefix(source, start);
  const bodyEnd = end - quoteLength;
  const children: SyntaxNode[] = [nodes.leaf("string_start", start, p + quoteLength)];
  let contentStart = -1;
  let contentKids: SyntaxNode[] = [];
  const flush = (at: number) => {
    if (contentStart < 0) return;
    children.push(nodes.node("string_content", contentStart, at, contentKids));
    contentStart = -1;
    contentKids = [];
  };
  let i = p + quoteLength;
  let endStart = bodyEnd;
  while (i < bodyEnd) {
    const c = source.charCodeAt(i);
    if (c === 123 /* { */ || c === 125 /* } */) {
      if (source.charCodeAt(i + 1) === c && i + 1 < bodyEnd) {
        if (contentStart < 0) contentStart = i;
        contentKids.push(nodes.leaf("escape_interpolation", i, i + 2));
        i += 2;
        continue;
      }
      if (c === 125) throw new Unsupported("single } in an f-string");
      flush(i);
      const [interpolation, after] = parseInterpolation(source, i, bodyEnd, quote, "interpolation", nodes, parseInterpolated);
      children.push(interpolation);
      i = after;
      continue;
    }
    if (raw) {
      // The scanner's content token from here (see below); where it has no content, tree-sitter's own lexer reads
      // one escape token, or the closing quote takes the backslashes into the string_end.
      const stop = rawContentEnd(source, i, bodyEnd, quote, quoteLength === 3);
      if (stop > 0) {
        if (contentStart < 0) contentStart = i;
        i = stop;
        continue;
      }
      if (-stop >= bodyEnd) {
        endStart = i;
        break;
      }
      if (contentStart < 0) contentStart = i;
      const length = escapeLength(source, i + 1);
      if (length > 0) contentKids.push(nodes.leaf("escape_sequence", i, i + 1 + length));
      i += 1 + length;
      continue;
    }
    if (contentStart < 0) contentStart = i;
    if (c === BACKSLASH) {
      const length = escapeLength(source, i + 1);
      if (length > 0) {
        contentKids.push(nodes.leaf("escape_sequence", i, i + 1 + length));
        i += 1 + length;
      } else i++;
      continue;
    }
    i++;
  }
  flush(endStart);
  children.push(nodes.leaf("string_end", endStart, end));
  return nodes.node("string", start, end, children);
}

/**
 * In a raw f-string, tree-sitter-python's scanner reads content from `from` up to a brace or the closing quote,
 * stepping over a backslash with the quote, backslash or line break after it, and fails when it read only such
 * backslashes. Returns where its content token ends (> 0), or minus where it stopped without content (at a brace,
 * or at `bodyEnd` where the closing quote's token then starts at `from`). In a triple-quoted string, one or two
 * quotes end a content token even without content; the next token goes on from there.
 */
function rawContentEnd(source: string, from: number, bodyEnd: number, quote: number, triple: boolean): number {
  let j = from;
  let hasContent = false;
  while (j < bodyEnd) {
    const c = source.charCodeAt(j);
    if (c === 123 || c === 125) break;
    if (c === BACKSLASH) {
      j++;
      const next = source.charCodeAt(j);
      if (next === quote || next === BACKSLASH) j++;
      if (source.charCodeAt(j) === 13) j += source.charCodeAt(j + 1) === LF ? 2 : 1;
      else if (source.charCodeAt(j) === LF) j++;
      continue;
    }
    if (c === quote && triple) return source.charCodeAt(j + 1) === quote ? j + 2 : j + 1;
    j++;
    hasContent = true;
  }
  if (j > bodyEnd) throw new Unsupported("raw f-string end");
  return hasContent ? j : -j;
}

/** Parses `{expression[=][!c][:spec]}` at `open`; returns the node and the offset after its `}`. */
function parseInterpolation(
  source: string,
  open: number,
  limit: number,
  quote: number,
  type: string,
  nodes: NodeFactory,
  parseInterpolated: ParseInterpolated,
): [SyntaxNode, number] {
  let depth = 0;
  let j = open + 1;
  let exprEnd = -1;
  for (; j < limit; j++) {
    const c = source.charCodeAt(j);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        if (c !== 125) throw new Unsupported("f-string brackets");
        exprEnd = j;
        break;
      }
      depth--;
    } else if (c === 34 || c === 39) {
      if (c === quote) throw new Unsupported("f-string quote reused inside");
      const close = source.indexOf(source[j], j + 1);
      if (close < 0 || close >= limit) throw new Unsupported("f-string nested string");
      for (let k = j + 1; k < close; k++) {
        const d = source.charCodeAt(k);
        if (d === BACKSLASH || d === LF || d === 13 || d === 34 || d === 39) throw new Unsupported("f-string nested string");
      }
      if (source.charCodeAt(j + 1) === c && source.charCodeAt(j + 2) === c) throw new Unsupported("f-string nested triple string");
      j = close;
    } else if (c === BACKSLASH || c === 35 /* # */) throw new Unsupported("f-string expression");
    else if (depth === 0 && c === 33 /* ! */ && source.charCodeAt(j + 1) !== 61) {
      exprEnd = j;
      break;
    } else if (depth === 0 && c === 58 /* : */) {
      if (source.charCodeAt(j + 1) === 61) throw new Unsupported("f-string walrus or = spec");
      exprEnd = j;
      break;
    } else if (depth === 0 && c === 61 /* = */) {
      const prev = source.charCodeAt(j - 1);
      const next = source.charCodeAt(j + 1);
      if (next === 61) {
        j++;
        continue;
      }
      if (prev === 61 || prev === 33 || prev === 60 || prev === 62) continue;
      exprEnd = j;
      break;
    }
  }
  if (exprEnd < 0) throw new Unsupported("unterminated interpolation");
  const children: SyntaxNode[] = [field(parseInterpolated(open + 1, exprEnd), "expression")];
  j = exprEnd;
  if (source.charCodeAt(j) === 61) {
    j++;
    while (source.charCodeAt(j) === 32) j++;
  }
  if (source.charCodeAt(j) === 33) {
    const letter = source.charCodeAt(j + 1);
    if (!(letter >= 97 && letter <= 122)) throw new Unsupported("type conversion");
    children.push(field(nodes.leaf("type_conversion", j, j + 2), "type_conversion"));
    j += 2;
  }
  if (source.charCodeAt(j) === 58) {
    const specStart = j;
    const specKids: SyntaxNode[] = [];
    j++;
    while (j < limit && source.charCodeAt(j) !== 125) {
      const c = source.charCodeAt(j);
      if (c === 123) {
        if (source.charCodeAt(j + 1) === 123) throw new Unsupported("escaped brace in a format specifier");
        const [inner, after] = parseInterpolation(source, j, limit, quote, "format_expression", nodes, parseInterpolated);
        specKids.push(inner);
        j = after;
        continue;
      }
      if (c === LF || c === 13 || c === BACKSLASH || c === quote) throw new Unsupported("format specifier");
      j++;
    }
    children.push(field(nodes.node("format_specifier", specStart, j, specKids), "format_specifier"));
  }
  if (source.charCodeAt(j) !== 125 || j >= limit) throw new Unsupported("interpolation end");
  return [nodes.node(type, open, j + 1, children), j + 1];
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
}

/** The length of the escape sequence after a backslash at `at - 1` (tree-sitter's `escape_sequence`), or 0. */
function escapeLength(source: string, at: number): number {
  const c = source.charCodeAt(at);
  const hex = (n: number) => {
    for (let k = 1; k <= n; k++) if (!isHex(source.charCodeAt(at + k))) return 0;
    return n + 1;
  };
  if (c === 117) return hex(4); // u
  if (c === 85) return hex(8); // U
  if (c === 120) return hex(2); // x
  if (c >= 48 && c <= 57) {
    let n = 1;
    while (n < 3 && source.charCodeAt(at + n) >= 48 && source.charCodeAt(at + n) <= 57) n++;
    return n;
  }
  if (c === LF) return 1;
  if (c === 13) return source.charCodeAt(at + 1) === LF ? 2 : 0;
  if ("'\"abfrntv\\".includes(source[at] ?? "x")) return 1;
  if (c === 78 && source.charCodeAt(at + 1) === 123) {
    const close = source.indexOf("}", at + 2);
    if (close > at + 2 && !source.slice(at + 2, close).includes("\n")) return close - at + 1;
  }
  return 0;
}
