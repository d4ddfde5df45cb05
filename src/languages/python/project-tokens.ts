import { searchedPlainly, type TokenSet } from "./token-set.js";

/** What `anchorOffsets` asks of a set of tokens (see `TokenSet`). */
export type AnchorTokens = Pick<TokenSet, "offsetsIn" | "hasExtra" | "extraOffsetsIn">;

/**
 * The rule tokens' set with a few more words, for the whole-program pass's per-file sink indexes (the words of the
 * project modules a file refers to): the rule tokens' tables are built once and shared (a `TokenSet` of its own
 * allocated two 64 Ki-entry tables and placed every rule token again for each of the pass's files: on dask
 * distributed, 53 sets and 0.15 s of a 7 s scan), and the added words are searched one by one.
 * The offsets are those one `TokenSet` of the tokens and the words gives: every occurrence of each word (the
 * occurrences a plain search skips for the words it searches plainly, see `searchedPlainly`), a word once for every
 * time it is listed (a project word that is also a rule token twice), ascending.
 */
export class TokensWithWords implements AnchorTokens {
  private readonly words: { word: string; step: number }[];

  constructor(
    private readonly tokens: TokenSet,
    words: readonly string[],
  ) {
    this.words = words.filter((w) => w !== "").map((word) => ({ word, step: searchedPlainly(word) ? word.length : 1 }));
  }

  offsetsIn(text: string): number[] {
    const found = this.tokens.offsetsIn(text);
    const more: number[] = [];
    for (const { word, step } of this.words) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + step)) more.push(at);
    if (!more.length) return found;
    more.sort((a, b) => a - b);
    return merged(found, more);
  }

  hasExtra(name: string): boolean {
    return this.tokens.hasExtra(name);
  }

  extraOffsetsIn(text: string, name: string): number[] {
    return this.tokens.extraOffsetsIn(text, name);
  }
}

/** Two ascending lists as one. */
function merged(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i] <= b[j] ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
