// Splits Python source into the tokens the fast parser reads, with the NEWLINE, INDENT and DEDENT tokens placed
// where tree-sitter-python's external scanner places them (see its scanner.c), so that block and statement ends
// and the placement of comments come out the same. Whatever it is not sure of throws `Unsupported`.
import type { SourceRange } from "../regions.js";

/** Thrown by the fast parser for anything it does not handle exactly like tree-sitter; tree-sitter parses instead. */
export class Unsupported extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export const NAME = 0;
export const NUMBER = 1;
export const STRING = 2;
export const FSTRING = 3;
export const OP = 4;
export const NEWLINE = 5;
export const INDENT = 6;
export const DEDENT = 7;
export const END = 8;

/** A comment or a line continuation: tree-sitter's named extras, placed in the tree after parsing. */
export interface Extra {
  type: "comment" | "line_continuation";
  start: number;
  end: number;
}

export interface Tokens {
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** Keywords (see `keywordAt`) and operators: their text; numbers: "integer" or "float"; others: "". */
  text: string[];
  extras: Extra[];
  /** Where the first token or extra starts (the module's start), or -1. */
  first: number;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const FF = 12;
const HASH = 35;
const BACKSLASH = 92;

const IDENTIFIER_START = /[_\p{XID_Start}]/u;
const IDENTIFIER_PART = /[_\p{XID_Continue}]/u;

/** Operators, longest first within each first character. */
const OPERATORS: Record<string, string[]> = {
  "*": ["**=", "**", "*=", "*"],
  "/": ["//=", "//", "/=", "/"],
  ">": [">>=", ">>", ">=", ">"],
  "<": ["<<=", "<<", "<=", "<>", "<"],
  ".": ["...", "."],
  "-": ["->", "-=", "-"],
  ":": [":=", ":"],
  "!": ["!="],
  "=": ["==", "="],
  "+": ["+=", "+"],
  "%": ["%=", "%"],
  "&": ["&=", "&"],
  "|": ["|=", "|"],
  "^": ["^=", "^"],
  "@": ["@=", "@"],
  "~": ["~"],
  "(": ["("],
  ")": [")"],
  "[": ["["],
  "]": ["]"],
  "{": ["{"],
  "}": ["}"],
  ",": [","],
  ";": [";"],
};

/** `OPERATORS` by the character code of their first character: an array read rather than a property looked up by name. */
const OPERATORS_BY_CODE: (string[] | undefined)[] = [];
for (const [first, operators] of Object.entries(OPERATORS)) OPERATORS_BY_CODE[first.charCodeAt(0)] = operators;

function isAsciiIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isAsciiIdentifierPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The code point at `i` as a string (a surrogate pair whole). */
function codePointAt(source: string, i: number): string {
  const c = source.codePointAt(i)!;
  return String.fromCodePoint(c);
}

/**
 * The token arrays of the last whole tokenization, handed back by `recycleTokens` once its parse is over, for the
 * next file: most files then allocate no token arrays at all. Arrays for more than this many tokens are not kept.
 */
let spare: Tokens | undefined;
const MAX_SPARE_TOKENS = 1 << 20;

/** Gives the arrays of `tokens` (from `tokenize` outside brackets) to the next tokenization; `tokens` is done with. */
export function recycleTokens(tokens: Tokens): void {
  if (tokens.kind.length <= MAX_SPARE_TOKENS) spare = tokens;
}

/**
 * Tokenizes `source`, or only `ranges` of it read one after the other as tree-sitter reads included ranges.
 * `inBrackets`: the text is the inside of an f-string interpolation (no statements, no indentation).
 */
export function tokenize(source: string, ranges: readonly SourceRange[] | undefined, inBrackets = false): Tokens {
  return new Tokenizer(source, ranges, inBrackets).run();
}

/**
 * The comments `lineStart` reads before a code line, as start, end, indent triples: shared by every tokenization
 * (never nested: f-string interpolations are tokenized `inBrackets`, where no line starts) and never truncated.
 */
const COMMENTS: number[] = [];

/**
 * One tokenization's state, with its steps as methods: one function object per step for the whole process, so
 * the optimising compiler compiles each once (steps written as closures inside `tokenize` were new functions for
 * every file, compiled again and again).
 */
class Tokenizer {
  private kind: Uint8Array;
  private start: Int32Array;
  private end: Int32Array;
  private readonly text: string[];
  private capacity: number;
  private count = 0;
  private readonly extras: Extra[] = [];
  private readonly allRanges: readonly SourceRange[];
  private rangeIndex = 0;
  private pos: number;
  private limit: number;
  private depth: number;
  private readonly indents = [0];
  private lastEnd = -1;
  private first = -1;
  private lineHasTokens = false;
  private backslashAt = -2;

  constructor(
    private readonly source: string,
    ranges: readonly SourceRange[] | undefined,
    private readonly inBrackets: boolean,
  ) {
    // Typed arrays: a large file's tokens stay out of the garbage collector's way. Python has about one token for
    // every four or five characters: sized so, they are rarely copied into larger arrays.
    let chars = source.length;
    if (ranges) {
      chars = 0;
      for (const r of ranges) chars += r.end - r.start;
    }
    let capacity = 64 + (chars >> 2);
    if (!inBrackets && spare && spare.kind.length >= capacity) {
      this.kind = spare.kind;
      this.start = spare.start;
      this.end = spare.end;
      this.text = spare.text;
      capacity = spare.kind.length;
      spare = undefined;
    } else {
      this.kind = new Uint8Array(capacity);
      this.start = new Int32Array(capacity);
      this.end = new Int32Array(capacity);
      this.text = [];
    }
    this.capacity = capacity;
    this.allRanges = ranges ?? [{ start: 0, end: source.length }];
    this.pos = this.allRanges[0]?.start ?? 0;
    this.limit = this.allRanges[0]?.end ?? 0;
    this.depth = inBrackets ? 1 : 0;
  }

  private add(k: number, s: number, e: number, t: string): void {
    if (this.count === this.capacity) {
      const capacity = (this.capacity *= 2);
      const kind = new Uint8Array(capacity);
      kind.set(this.kind);
      this.kind = kind;
      const start = new Int32Array(capacity);
      start.set(this.start);
      this.start = start;
      const end = new Int32Array(capacity);
      end.set(this.end);
      this.end = end;
    }
    const count = this.count++;
    this.kind[count] = k;
    this.start[count] = s;
    this.end[count] = e;
    this.text[count] = t;
  }

  private push(k: number, s: number, e: number, t: string): void {
    this.add(k, s, e, t);
    if (this.first < 0) this.first = s;
    this.lastEnd = e;
  }

  private pushZero(k: number): void {
    this.add(k, this.lastEnd, this.lastEnd, "");
  }

  private extra(type: Extra["type"], s: number, e: number): void {
    this.extras.push({ type, start: s, end: e });
    if (this.first < 0) this.first = s;
    this.lastEnd = e;
  }

  /** The next backslash at or after `i`, or -1 (remembered, so a file without backslashes is searched once). */
  backslashFrom(i: number): number {
    if (this.backslashAt !== -1 && this.backslashAt < i) this.backslashAt = this.source.indexOf("\\", i);
    return this.backslashAt;
  }

  /** The scanner reads line continuations before a string as part of the space before it: they are no nodes. */
  private dropContinuations(): void {
    const extras = this.extras;
    while (extras.length && extras[extras.length - 1].type === "line_continuation" && (this.count === 0 || extras[extras.length - 1].start >= this.end[this.count - 1])) extras.pop();
  }

  /** Moves to the next range when `pos` is at the end of this one; false at the end of the input. */
  private more(): boolean {
    while (this.pos >= this.limit) {
      if (++this.rangeIndex >= this.allRanges.length) return false;
      this.pos = this.allRanges[this.rangeIndex].start;
      this.limit = this.allRanges[this.rangeIndex].end;
    }
    return true;
  }

  /**
   * At the start of a line (after a logical line or at the start): reads blank and comment lines up to the next
   * code line and emits its INDENT or DEDENTs, placing each comment before or after the DEDENTs as the scanner does.
   */
  private lineStart(): void {
    const source = this.source;
    const comments = COMMENTS;
    const indents = this.indents;
    let commentCount = 0;
    let indent = 0;
    for (;;) {
      if (this.pos >= this.limit && !this.more()) {
        indent = -1;
        break;
      }
      const pos = this.pos;
      const c = source.charCodeAt(pos);
      if (c === SPACE) indent++;
      else if (c === TAB) indent += 8;
      else if (c === FF || c === CR) indent = 0;
      else if (c === LF) indent = 0;
      else if (c === 0xfeff && pos === 0) {
        // A byte-order mark at the start: whitespace.
      } else if (c === HASH) {
        this.pos = lineEnd(source, pos, this.limit);
        comments[commentCount++] = pos;
        comments[commentCount++] = this.pos;
        comments[commentCount++] = indent;
        indent = 0;
        continue;
      } else if (c === BACKSLASH) throw new Unsupported("line continuation at the start of a line");
      else break;
      this.pos = pos + 1;
    }
    const level = indent < 0 ? 0 : indent;
    for (let i = 0; i < commentCount; i += 3) {
      while (level < indents[indents.length - 1] && comments[i + 2] < indents[indents.length - 1]) {
        indents.pop();
        this.pushZero(DEDENT);
      }
      this.extra("comment", comments[i], comments[i + 1]);
    }
    if (level > indents[indents.length - 1]) {
      if (this.count === 0) throw new Unsupported("indented first line");
      indents.push(level);
      this.pushZero(INDENT);
    } else {
      while (level < indents[indents.length - 1]) {
        indents.pop();
        this.pushZero(DEDENT);
      }
      if (level !== indents[indents.length - 1]) throw new Unsupported("inconsistent dedent");
    }
    this.lineHasTokens = false;
  }

  run(): Tokens {
    const source = this.source;
    const inBrackets = this.inBrackets;
    if (!inBrackets) this.lineStart();
    for (;;) {
      if (this.pos >= this.limit && !this.more()) break;
      let pos = this.pos;
      const limit = this.limit;
      const c = source.charCodeAt(pos);
      if (c === SPACE || c === TAB || c === FF) {
        this.pos = pos + 1;
        continue;
      }
      if (c === LF || c === CR) {
        if (c === CR && source.charCodeAt(pos + 1) !== LF) throw new Unsupported("bare carriage return");
        pos += c === CR ? 2 : 1;
        this.pos = pos;
        if (this.depth === 0 && this.lineHasTokens) {
          this.pushZero(NEWLINE);
          this.lineStart();
        } else if (this.depth > 0 && !inBrackets && this.count > 0 && !closableAfter(this.kind[this.count - 1], this.text[this.count - 1])) {
          // In brackets, a line indented less than its block ends the block for tree-sitter's scanner (a syntax
          // error) unless a closing bracket could come next.
          let indent = 0;
          let k = pos;
          for (; k < limit; k++) {
            const d = source.charCodeAt(k);
            if (d === SPACE) indent++;
            else if (d === TAB) indent += 8;
            else break;
          }
          const d = source.charCodeAt(k);
          if (k < limit && d !== LF && d !== CR && d !== HASH && indent < this.indents[this.indents.length - 1]) throw new Unsupported("dedent in brackets");
        }
        continue;
      }
      if (c === HASH) {
        if (inBrackets) throw new Unsupported("comment in an f-string");
        this.pos = lineEnd(source, pos, limit);
        this.extra("comment", pos, this.pos);
        continue;
      }
      if (c === BACKSLASH) {
        const s = pos;
        let k = pos + 1;
        if (source.charCodeAt(k) === CR) k++;
        if (source.charCodeAt(k) !== LF || k >= limit) throw new Unsupported("backslash");
        pos = k + 1;
        this.pos = pos;
        // Followed by a blank line, a comment or the end, the scanner ends the statement elsewhere.
        let j = pos;
        while (j < limit && (source.charCodeAt(j) === SPACE || source.charCodeAt(j) === TAB)) j++;
        if (j >= limit || source.charCodeAt(j) === LF || source.charCodeAt(j) === CR || source.charCodeAt(j) === HASH || source.charCodeAt(j) === BACKSLASH) {
          throw new Unsupported("line continuation before a blank line");
        }
        this.extra("line_continuation", s, pos);
        continue;
      }
      this.lineHasTokens = true;
      const s = pos;
      if (isAsciiIdentifierStart(c) || (c >= 128 && IDENTIFIER_START.test(codePointAt(source, pos)))) {
        pos++;
        for (;;) {
          const d = source.charCodeAt(pos);
          if (pos < limit && isAsciiIdentifierPart(d)) pos++;
          else if (pos < limit && d >= 128 && IDENTIFIER_PART.test(codePointAt(source, pos))) pos += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
          else break;
        }
        const q = source.charCodeAt(pos);
        if ((q === 34 || q === 39) && pos - s <= 2 && isStringPrefix(source, s, pos)) {
          this.pos = pos = stringEnd(source, s, pos, limit, this);
          this.dropContinuations();
          this.push(hasFormatPrefix(source, s, pos) ? FSTRING : STRING, s, pos, "");
          continue;
        }
        this.pos = pos;
        this.push(NAME, s, pos, keywordAt(source, s, pos - s));
        continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(pos + 1)))) {
        const endAndFloat = numberEnd(source, pos, limit);
        this.pos = pos = endAndFloat >> 1;
        this.push(NUMBER, s, pos, endAndFloat & 1 ? "float" : "integer");
        continue;
      }
      if (c === 34 || c === 39) {
        this.pos = pos = stringEnd(source, s, pos, limit, this);
        this.dropContinuations();
        this.push(STRING, s, pos, "");
        continue;
      }
      const candidates = c < 128 ? OPERATORS_BY_CODE[c] : undefined;
      if (!candidates) throw new Unsupported(c >= 128 ? "non-ASCII character" : `character ${JSON.stringify(source[pos])}`);
      let op = "";
      for (let k = 0; k < candidates.length; k++) {
        const o = candidates[k];
        if (source.startsWith(o, pos) && pos + o.length <= limit) {
          op = o;
          break;
        }
      }
      if (!op) throw new Unsupported("operator");
      this.pos = pos += op.length;
      if (op === "(" || op === "[" || op === "{") this.depth++;
      else if (op === ")" || op === "]" || op === "}") {
        if (--this.depth < (inBrackets ? 1 : 0)) throw new Unsupported("unbalanced bracket");
      }
      this.push(OP, s, pos, op);
    }
    if (this.depth !== (inBrackets ? 1 : 0)) throw new Unsupported("unclosed bracket");
    if (!inBrackets) {
      if (this.lineHasTokens) this.pushZero(NEWLINE);
      while (this.indents.length > 1) {
        this.indents.pop();
        this.pushZero(DEDENT);
      }
    }
    // END, and two more after it: the parser looks ahead up to two tokens, and reused arrays hold old tokens there.
    const pos = this.pos;
    this.add(END, pos, pos, "");
    this.add(END, pos, pos, "");
    this.add(END, pos, pos, "");
    return { kind: this.kind, start: this.start, end: this.end, text: this.text, extras: this.extras, first: this.first };
  }
}

/**
 * True when a closing bracket can follow this token (it ends an operand, opens a bracket or is a comma), where
 * tree-sitter's scanner does not end blocks inside brackets. Keywords other than constants count as no.
 */
function closableAfter(kind: number, text: string): boolean {
  if (kind === NAME) return text === "" || text === "True" || text === "False" || text === "None";
  if (kind === NUMBER || kind === STRING || kind === FSTRING) return true;
  return kind === OP && (text === "(" || text === "[" || text === "{" || text === ")" || text === "]" || text === "}" || text === ",");
}

/** Python's keywords: never a name. */
export const RESERVED: ReadonlySet<string> = new Set([
  "False", "await", "else", "import", "pass", "None", "break", "except", "in", "raise", "True", "class", "finally", "is",
  "return", "and", "continue", "for", "lambda", "try", "as", "def", "from", "nonlocal", "while", "assert", "del", "global",
  "not", "with", "async", "elif", "if", "or", "yield",
]);

/** The words the parser tells apart, by length: keywords and the soft keywords it checks for. */
const WORDS_BY_LENGTH: string[][] = [];
for (const word of [...RESERVED, "print", "exec", "type", "match", "case", "__future__"]) (WORDS_BY_LENGTH[word.length] ??= []).push(word);

/**
 * The word at source[from, from + length) when the parser needs to know it (a keyword, or a soft keyword it checks),
 * else "": other names are never compared, and not copying them out of the source spares the garbage collector.
 */
function keywordAt(source: string, from: number, length: number): string {
  const words = WORDS_BY_LENGTH[length];
  if (!words) return "";
  const c = source.charCodeAt(from);
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.charCodeAt(0) === c && source.startsWith(w, from)) return w;
  }
  return "";
}

/** True when source[from, to) is a string prefix tree-sitter-python takes (letters of `rbuf`, at most one each). */
function isStringPrefix(source: string, from: number, to: number): boolean {
  let seen = 0;
  for (let i = from; i < to; i++) {
    const bit = "rbuf".indexOf(source[i].toLowerCase());
    if (bit < 0 || seen & (1 << bit)) return false;
    seen |= 1 << bit;
  }
  if (seen & 2 && (seen & 8 || seen & 4)) throw new Unsupported("string prefix");
  if (seen & 4 && seen & 1) throw new Unsupported("string prefix");
  return true;
}

function hasFormatPrefix(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 102 || c === 70) return true;
    if (c === 34 || c === 39) return false;
  }
  return false;
}

export function isRawPrefix(source: string, from: number): boolean {
  for (let i = from; ; i++) {
    const c = source.charCodeAt(i);
    if (c === 114 || c === 82) return true;
    if (c === 34 || c === 39 || Number.isNaN(c)) return false;
  }
}

/** The offset of the next line feed from `from`, or `limit`. */
function lineEnd(source: string, from: number, limit: number): number {
  const k = source.indexOf("\n", from);
  return k < 0 || k > limit ? limit : k;
}

/**
 * Where the string literal whose quote is at `quoteAt` (prefix from `from`) ends. `backslashes.backslashFrom(i)`:
 * the next backslash at or after `i`, or -1 (the tokenizer remembers it, so a file without backslashes is searched once).
 */
function stringEnd(source: string, from: number, quoteAt: number, limit: number, backslashes: { backslashFrom(i: number): number }): number {
  const q = source.charCodeAt(quoteAt);
  const triple = source.charCodeAt(quoteAt + 1) === q && source.charCodeAt(quoteAt + 2) === q;
  const raw = isRawPrefix(source, from);
  let i = quoteAt + (triple ? 3 : 1);
  for (;;) {
    if (triple) {
      // Jump to the next quote when no backslash comes first.
      const nextQuote = source.indexOf(source[quoteAt], i);
      const nextBackslash = backslashes.backslashFrom(i);
      if (nextQuote > i && (nextBackslash < 0 || nextBackslash > nextQuote)) i = nextQuote;
    }
    if (i >= limit) throw new Unsupported("unterminated string");
    const c = source.charCodeAt(i);
    if (c === BACKSLASH) {
      let next = source.charCodeAt(i + 1);
      if (next === CR && source.charCodeAt(i + 2) === LF) {
        if (raw && !triple) throw new Unsupported("raw string continued");
        i += 3;
        continue;
      }
      if (next === LF && raw && !triple) throw new Unsupported("raw string continued");
      if (next === CR) throw new Unsupported("bare carriage return");
      i += 2;
      continue;
    }
    if (c === q) {
      if (!triple) return i + 1;
      if (source.charCodeAt(i + 1) === q && source.charCodeAt(i + 2) === q) return i + 3;
    } else if ((c === LF || c === CR) && !triple) throw new Unsupported("unterminated string");
    i++;
  }
}

/** Digits accepted after `0x`, `0o`, `0b` and in decimal numbers. */
function isHexDigit(c: number): boolean {
  return isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
}
function isOctalDigit(c: number): boolean {
  return c >= 48 && c <= 55;
}
function isBinaryDigit(c: number): boolean {
  return c === 48 || c === 49;
}

/** The end of digits (and underscores) accepted by `ok` from `i`. */
function digitsEnd(source: string, i: number, limit: number, ok: (c: number) => boolean): number {
  while (i < limit) {
    const c = source.charCodeAt(i);
    if (!ok(c) && c !== 95) break;
    i++;
  }
  return i;
}

/**
 * The end of the number at `from` times two, plus one when it is a float (one number rather than a pair: numbers
 * are frequent), by tree-sitter-python's integer and float tokens.
 */
function numberEnd(source: string, from: number, limit: number): number {
  let i = from;
  const c0 = source.charCodeAt(i);
  const c1 = source.charCodeAt(i + 1) | 0x20;
  if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
    const after = digitsEnd(source, i + 2, limit, c1 === 120 ? isHexDigit : c1 === 111 ? isOctalDigit : isBinaryDigit);
    if (after === i + 2) throw new Unsupported("number");
    i = after;
    if ((source.charCodeAt(i) | 0x20) === 108) i++;
    checkNumberEnd(source, i, limit);
    return i * 2;
  }
  let isFloat = false;
  i = digitsEnd(source, i, limit, isDigit);
  if (source.charCodeAt(i) === 46 && source.charCodeAt(i + 1) !== 46) {
    isFloat = true;
    i = digitsEnd(source, i + 1, limit, isDigit);
  }
  if ((source.charCodeAt(i) | 0x20) === 101) {
    let k = i + 1;
    if (source.charCodeAt(k) === 43 || source.charCodeAt(k) === 45) k++;
    if (!isDigit(source.charCodeAt(k))) throw new Unsupported("number");
    i = digitsEnd(source, k, limit, isDigit);
    isFloat = true;
  }
  const suffix = source.charCodeAt(i) | 0x20;
  if (suffix === 106 || (suffix === 108 && !isFloat)) i++;
  checkNumberEnd(source, i, limit);
  if (source.charCodeAt(i - 1) === 95 && isFloat) throw new Unsupported("number");
  return i * 2 + (isFloat ? 1 : 0);
}

function checkNumberEnd(source: string, i: number, limit: number): void {
  if (i > limit) throw new Unsupported("number");
  const c = source.charCodeAt(i);
  if (isAsciiIdentifierPart(c) || c >= 128 || c === 46) throw new Unsupported("number followed by a name");
}
