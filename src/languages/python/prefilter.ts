import type { PythonRule } from "../../rules/rule.js";
import { escapeRegExp, TokenSet } from "./token-set.js";
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
