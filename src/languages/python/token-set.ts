/** Where words occur in a text: ascending start offsets (UTF-16). */
export interface WordFinder {
  offsetsIn(text: string): number[];
}

/**
 * Finds every occurrence of a fixed set of tokens in one pass, however many tokens there are: the last four characters seen
 * are kept as one 32-bit integer (signed, so it stays a small integer for the engine), a 64 Ki-entry table says whether some token starts with them, and only then are
 * the candidates compared. One search per token would read the text once per token (about twice as slow here).
 * Tokens shorter than four characters or outside ASCII are searched the plain way.
 *
 * A second set of tokens (`secondary`) is found in the same pass: `secondaryOffsetsIn` answers for the text the last
 * `offsetsIn` read without reading it again (the prefilter's anchors and the data-flow source words of one file).
 */
export class TokenSet implements WordFinder {
  /** By the first four characters: the primary tokens (index 0) and the secondary ones (index 1). */
  private readonly byPrefix = [new Map<number, string[]>(), new Map<number, string[]>()];
  /** For each table slot, a bit per set (1 primary, 2 secondary) that has a token starting with such a prefix. */
  private readonly maybePrefix = new Uint8Array(1 << 16);
  private readonly plain: string[][] = [[], []];
  private lastText: string | undefined;
  private lastSecondary: number[] = [];

  constructor(tokens: readonly string[], secondary: readonly string[] = []) {
    [tokens, secondary].forEach((set, group) => {
      for (const token of set) {
        if (token.length < 4 || !/^[\x00-\x7f]*$/.test(token)) {
          this.plain[group].push(token);
          continue;
        }
        const prefix = (token.charCodeAt(0) << 24) | (token.charCodeAt(1) << 16) | (token.charCodeAt(2) << 8) | token.charCodeAt(3);
        const list = this.byPrefix[group].get(prefix);
        if (list) list.push(token);
        else this.byPrefix[group].set(prefix, [token]);
        this.maybePrefix[slot(prefix)] |= 1 << group;
      }
    });
  }

  /** Start offsets (UTF-16) of every occurrence of every (primary) token in `text`, ascending. */
  offsetsIn(text: string): number[] {
    const out = plainOffsets(text, this.plain[0]);
    const second = plainOffsets(text, this.plain[1]);
    const unsorted = out.length > 0;
    const secondUnsorted = second.length > 0;
    if (this.byPrefix[0].size > 0 || this.byPrefix[1].size > 0) {
      const maybe = this.maybePrefix;
      const [primary, secondary] = this.byPrefix;
      const n = text.length;
      let window = 0;
      for (let i = 0; i < n; i++) {
        window = (window << 8) | (text.charCodeAt(i) & 0xff);
        const sets = maybe[slot(window)];
        if (sets === 0 || i < 3) continue;
        if (sets & 1) matchAt(text, primary.get(window), i - 3, out);
        if (sets & 2) matchAt(text, secondary.get(window), i - 3, second);
      }
    }
    if (unsorted) out.sort((a, b) => a - b);
    if (secondUnsorted) second.sort((a, b) => a - b);
    this.lastText = text;
    this.lastSecondary = second;
    return out;
  }

  /** Start offsets of every occurrence of every secondary token in `text`, ascending. */
  secondaryOffsetsIn(text: string): number[] {
    if (this.lastText !== text) this.offsetsIn(text);
    return this.lastSecondary;
  }
}

function plainOffsets(text: string, tokens: readonly string[]): number[] {
  const out: number[] = [];
  for (const p of tokens) for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + p.length)) out.push(at);
  return out;
}

/** Adds `at` once for every token of `candidates` that occurs there. */
function matchAt(text: string, candidates: readonly string[] | undefined, at: number, out: number[]): void {
  if (candidates) for (const t of candidates) if (text.startsWith(t, at)) out.push(at);
}

function slot(prefix: number): number {
  return Math.imul(prefix, 0x9e3779b1) >>> 16;
}

/**
 * Whether a word holds none of the characters that the region scanner's boundaries stand next to (white space, line
 * breaks, `#`, quotes, backslashes). For such words, what matters about their occurrences (which statements, lines,
 * members and code spans hold one) is the same whether every occurrence is listed (`TokenSet`) or only those a
 * leftmost, non-overlapping search finds (`wordSearch`): an occurrence the latter skips lies inside one it found,
 * and no boundary falls inside an occurrence.
 */
export function wordWithoutBoundaries(word: string): boolean {
  return word !== "" && !/[\s#'"\\]/.test(word);
}

/** The leftmost, non-overlapping occurrences of `words` (as a global regular expression finds them). */
export function wordSearch(words: readonly string[]): WordFinder {
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return { offsetsIn: (text) => Array.from(text.matchAll(pattern), (m) => m.index) };
}
