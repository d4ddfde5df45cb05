import type { PythonRule } from "../../rules/rule.js";
import { charRarity, escapeRegExp, pairRarity, TokenSet } from "./token-set.js";
import { isIdentifierPart } from "./top-level.js";

/** A dynamic import whose first argument is not a plain string literal. */
const COMPUTED_DYNAMIC_IMPORT = /(?:__import__|import_module)\s*\(\s*(?![rRuU]?(?:'[\w.]*'|"[\w.]*")\s*[,)])/;
const EVERY_COMPUTED_DYNAMIC_IMPORT = new RegExp(COMPUTED_DYNAMIC_IMPORT.source, "g");
const COMPUTED_DYNAMIC_IMPORT_AT = new RegExp(COMPUTED_DYNAMIC_IMPORT.source, "y");

/**
 * One regular expression for the prefilter: it matches raw file bytes read as latin1 (one character per byte, so a
 * UTF-8 token matches as its bytes) that hold one of `tokens` or a computed dynamic import. One search for all of
 * them is about twice as fast as one per token. The tokens are written as a tree of their shared beginnings
 * (`C(?:ACHE(?:S|_TYPE)|elery)`): the same strings, but at each position of a file the engine tries one branch
 * per first character instead of every token (about an eighth less time over the standard library).
 */
export function prefilterRegExp(tokens: readonly string[]): RegExp {
  const asBytes = tokens.map((t) => String.fromCharCode(...new TextEncoder().encode(t)));
  return new RegExp([prefixTree(asBytes), COMPUTED_DYNAMIC_IMPORT.source].filter((s) => s !== "").join("|"));
}

/** Bytes of the window each word is found by (see `BytePrefilter`); shorter words are searched on their own. */
const WINDOW = 4;

/**
 * The prefilter's question (see `prefilterRegExp`) asked of a file's raw bytes, so that the files it passes over never
 * become strings. On the way it notes where the `noted` words occur (`import`: the scan finds the import statements
 * of the files passed over from there, see `importStatementsOfBytes`).
 *
 * A Wu-Manber search: every word of at least `WINDOW` bytes is found by four bytes of it, the four with the rarest
 * pairs of characters; at each step the pair of bytes that ends a four-byte window of the text either ends such a
 * four of some word (then those words are compared there) or tells how far the window can move without passing one
 * (up to three bytes): over CPython's standard library (31 MB), one step per 2.75 bytes. Shorter words (`rq`) are
 * searched for their rarest byte (`Uint8Array.indexOf`, which a Node.js `Buffer` answers with `memchr`). In a fresh
 * process (the CLI's V8 flags, 3 runs each, CPU time), this search and the import statements of the files it passes
 * over took 172-203 ms on the standard library, against 214-222 ms for a Latin-1 string per file, the regular
 * expression and the import statements from the strings; and those strings are never made.
 */
export class BytePrefilter {
  private readonly words: Uint8Array[];
  /** The words before this index are the tokens, then come the two that start computed dynamic imports. */
  private readonly tokenCount: number;
  /** The words from this index on are the noted ones. */
  private readonly firstNoted: number;
  /** An empty token occurs in every text. */
  private readonly always: boolean;
  /** How far a window may move when it ends with a pair (`first << 8 | second`); 0: some word's four end with it. */
  private readonly shift = new Uint8Array(1 << 16).fill(WINDOW - 1);
  /** Where each word's four bytes start in it. */
  private readonly offset: Int32Array;
  /** The words whose four bytes end with a pair: `ending[endingStart[pair] .. endingStart[pair + 1]]`. */
  private readonly endingStart = new Int32Array((1 << 16) + 1);
  private readonly ending: Int32Array;
  /** The tokens shorter than `WINDOW`, with the index of their rarest byte. */
  private readonly short: { word: number; rarest: number }[] = [];

  /** `noted`: words of at least `WINDOW` bytes that cannot overlap themselves (so that every occurrence is apart). */
  constructor(tokens: readonly string[], noted: readonly string[] = []) {
    const encoder = new TextEncoder();
    this.words = [...tokens, "__import__", "import_module", ...noted].map((t) => encoder.encode(t));
    this.tokenCount = tokens.length;
    this.firstNoted = tokens.length + 2;
    this.always = tokens.includes("");
    this.offset = new Int32Array(this.words.length);
    const byPair = new Map<number, number[]>();
    this.words.forEach((bytes, w) => {
      if (bytes.length === 0) return;
      const chars = String.fromCharCode(...bytes);
      if (bytes.length < WINDOW) {
        if (w >= this.tokenCount) throw new Error(`a noted word is shorter than ${WINDOW} bytes: ${chars}`);
        let rarest = 0;
        for (let k = 1; k < chars.length; k++) if (charRarity(chars[k]) > charRarity(chars[rarest])) rarest = k;
        this.short.push({ word: w, rarest });
        return;
      }
      let best = 0;
      let bestRarity = -1;
      for (let start = 0; start + WINDOW <= bytes.length; start++) {
        let rarity = 0;
        for (let k = start + 1; k < start + WINDOW; k++) rarity += pairRarity(chars, k);
        if (rarity > bestRarity) (best = start), (bestRarity = rarity);
      }
      this.offset[w] = best;
      for (let k = 1; k < WINDOW; k++) {
        const pair = (bytes[best + k - 1] << 8) | bytes[best + k];
        this.shift[pair] = Math.min(this.shift[pair], WINDOW - 1 - k);
      }
      const last = (bytes[best + WINDOW - 2] << 8) | bytes[best + WINDOW - 1];
      const list = byPair.get(last);
      if (list) list.push(w);
      else byPair.set(last, [w]);
    });
    const ending: number[] = [];
    let from = 0;
    for (const pair of [...byPair.keys()].sort((a, b) => a - b)) {
      this.endingStart.fill(ending.length, from, pair + 1);
      ending.push(...byPair.get(pair)!);
      from = pair + 1;
    }
    this.endingStart.fill(ending.length, from);
    this.ending = Int32Array.from(ending);
  }

  /**
   * Whether the prefilter passes `bytes` (`prefilterRegExp` on them read as Latin-1): true when a token occurs, false
   * when neither a token nor a word that starts a computed dynamic import (`__import__`, `import_module`) does, else
   * the offset of the first such word (the regular expression, which alone tells a computed import from a constant
   * one, decides from there on: its other branch, the tokens, matches nowhere). Unless the answer is true, `notedAt`
   * then holds the offsets of the noted words, ascending.
   */
  test(bytes: Uint8Array, notedAt: number[] = []): boolean | number {
    if (this.always) return true;
    notedAt.length = 0;
    let firstDynamicImport = -1;
    for (let i = nextMatch(bytes, WINDOW - 1, this.shift); i >= 0; i = nextMatch(bytes, i + 1, this.shift)) {
      const found = this.wordsEndingAt(bytes, i, notedAt);
      if (found === TOKEN) return true;
      if (found >= 0 && (firstDynamicImport < 0 || found < firstDynamicImport)) firstDynamicImport = found;
    }
    if (this.short.length > 0 && this.shortTokenOccurs(bytes)) return true;
    if (!isAscending(notedAt)) notedAt.sort((a, b) => a - b);
    return firstDynamicImport >= 0 ? firstDynamicImport : false;
  }

  /**
   * Which words whose four bytes end with the pair at `i` occur there: `TOKEN` for a token, else where a word of a
   * dynamic import starts, or -1 for none; noted words are added to `notedAt`.
   */
  private wordsEndingAt(bytes: Uint8Array, i: number, notedAt: number[]): number {
    const pair = (bytes[i - 1] << 8) | bytes[i];
    let found = -1;
    for (let c = this.endingStart[pair], end = this.endingStart[pair + 1]; c < end; c++) {
      const w = this.ending[c];
      const at = i - (WINDOW - 1) - this.offset[w];
      if (!occursAt(bytes, this.words[w], at)) continue;
      if (w < this.tokenCount) return TOKEN;
      if (w < this.firstNoted) found = at;
      else notedAt.push(at);
    }
    return found;
  }

  private shortTokenOccurs(bytes: Uint8Array): boolean {
    for (const { word, rarest } of this.short) {
      const token = this.words[word];
      for (let at = bytes.indexOf(token[rarest], rarest); at >= 0; at = bytes.indexOf(token[rarest], at + 1)) {
        if (occursAt(bytes, token, at - rarest)) return true;
      }
    }
    return false;
  }
}

/** `BytePrefilter.wordsEndingAt`'s answer for a token. */
const TOKEN = -2;

/**
 * The Wu-Manber loop: the first `i` from `from` on (each the end of a window of `WINDOW` bytes) where the pair of bytes
 * ending there ends the four bytes of some word, or -1. Only this loop runs over most bytes.
 */
function nextMatch(bytes: Uint8Array, from: number, shift: Uint8Array): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const step = shift[(bytes[i - 1] << 8) | bytes[i]];
    if (step === 0) return i;
    i += step;
  }
  return -1;
}

function isAscending(offsets: readonly number[]): boolean {
  for (let k = 1; k < offsets.length; k++) if (offsets[k] < offsets[k - 1]) return false;
  return true;
}

/** Whether `word` occurs in `bytes` at `at`. */
function occursAt(bytes: Uint8Array, word: Uint8Array, at: number): boolean {
  if (at < 0 || at + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

/** A pattern matching exactly the (non-empty) `words`, branching where they part. */
function prefixTree(words: readonly string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  if (words.includes("")) return "(?:)";
  const root: Node = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const pattern = (node: Node): string => {
    const branches = [...node.next].map(([ch, child]) => escapeRegExp(ch) + pattern(child));
    // A word that ends here matches whatever may follow it: its longer continuations add nothing.
    if (node.end || branches.length === 0) return "";
    return branches.length === 1 ? branches[0] : `(?:${branches.join("|")})`;
  };
  return root.next.size === 0 ? "" : pattern(root);
}

/**
 * Where the tokens and the computed dynamic imports of `source` occur, ascending: the places a finding can start.
 * A computed import (`__import__("pic" + "kle")`) is one no token can see. None at all: no finding is possible.
 * With `words` (see `anchorWords`), only the tokens that are part of one of them count.
 */
export function anchorOffsets(source: string, tokens: Pick<TokenSet, "offsetsIn" | "hasExtra" | "extraOffsetsIn">, words?: ReadonlySet<string>): number[] {
  const found = tokens.offsetsIn(source);
  const out = words ? found.filter((at) => canLeadToSink(source, at, words)) : found;
  if (tokens.hasExtra(DYNAMIC_IMPORTS)) {
    // Found in the tokens' pass: each occurrence is a computed import when the rest of the pattern follows it (no
    // match of the pattern can hold the start of another).
    const imports = tokens.extraOffsetsIn(source, DYNAMIC_IMPORTS);
    if (imports.length === 0) return out;
    for (const at of imports) {
      COMPUTED_DYNAMIC_IMPORT_AT.lastIndex = at;
      if (COMPUTED_DYNAMIC_IMPORT_AT.test(source)) out.push(at);
    }
    return out.sort((a, b) => a - b);
  }
  if (!source.includes("__import__") && !source.includes("import_module")) return out;
  for (const m of source.matchAll(EVERY_COMPUTED_DYNAMIC_IMPORT)) out.push(m.index);
  return out.sort((a, b) => a - b);
}

/** The set of words (see `TokenSet`) a computed dynamic import starts with. */
const DYNAMIC_IMPORTS = "dynamic imports";

/**
 * The token set `anchorOffsets` searches best: the rule `tokens`, the words computed dynamic imports start with and
 * any `extra` sets of words, all found in one pass over a file.
 */
export function anchorTokenSet(tokens: readonly string[], extra: Readonly<Record<string, readonly string[]>> = {}): TokenSet {
  return new TokenSet(tokens, { ...extra, [DYNAMIC_IMPORTS]: ["__import__", "import_module"] });
}

/**
 * The words a rule token must be part of to matter: a finding's callee resolves to a sink's qualified name, and
 * every name on the way there is spelled in the code, so an occurrence of `pickle` inside `pickled` or
 * `_PickleHelper` cannot start one. These are the parts of the sinks' qualified names, of the module aliases
 * (`cPickle`, `tf_keras`) and of the names resolution goes through (`import_module`, `getattr`, `modules`).
 */
export function anchorWords(qualifiedNames: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const name of qualifiedNames) for (const part of name.split(".")) words.add(part.replace(/\(\)$/, ""));
  return words;
}

/**
 * Whether the token at `at` is part of one of `words`, and not the base of an attribute that is none of them:
 * `pickle.dumps` and `pickle.HIGHEST_PROTOCOL` cannot lead to a sink, whatever `pickle` is.
 */
function canLeadToSink(source: string, at: number, words: ReadonlySet<string>): boolean {
  let start = at;
  while (start > 0 && isIdentifierPart(source.charCodeAt(start - 1))) start--;
  let end = at + 1;
  while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end++;
  if (!words.has(source.slice(start, end))) return false;
  let dot = end;
  while (source.charCodeAt(dot) === 32 || source.charCodeAt(dot) === 9) dot++;
  if (source.charCodeAt(dot) !== 46) return true;
  let attr = dot + 1;
  while (source.charCodeAt(attr) === 32 || source.charCodeAt(attr) === 9) attr++;
  let attrEnd = attr;
  while (attrEnd < source.length && isIdentifierPart(source.charCodeAt(attrEnd))) attrEnd++;
  return attrEnd === attr || words.has(source.slice(attr, attrEnd));
}

/**
 * The prefilter tokens of `rules`, without those that contain another one (`jsonpickle` adds nothing to `pickle`:
 * wherever it occurs, so does the shorter token).
 */
export function prefilterTokens(rules: readonly PythonRule[]): string[] {
  const all = [...new Set(rules.flatMap((r) => r.prefilter))];
  return all.filter((t) => !all.some((other) => other !== t && t.includes(other)));
}

// Every path of the search (a token, a word of a dynamic import, a noted word, a short token, none) runs once when the
// module loads: met first in the middle of a scan, a path V8 had no feedback for threw the optimised code away
// (`node --trace-deopt`: "insufficient type feedback"), and it ran unoptimised until compiled again. (V8 records what a
// function meets only once it has run a while: the words come after a stretch of text.)
{
  const primer = new BytePrefilter(["pickle", "rq"], ["import"]);
  const stretch = "x ".repeat(2000);
  for (let round = 0; round < 2; round++) {
    for (const text of ["import pickle", "import os; __import__(m); import_module(n)", "import rq", "x = 1"]) primer.test(new TextEncoder().encode(stretch + text));
  }
}
