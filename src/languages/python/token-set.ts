/** Where words occur in a text: ascending start offsets (UTF-16). */
export interface WordFinder {
  offsetsIn(text: string): number[];
}

/**
 * Finds every occurrence of a fixed set of tokens in one pass over the text, however many tokens there are, and
 * with them the occurrences of further named sets of words (`extra`), which `extraOffsetsIn` then answers for the
 * text the last `offsetsIn` read without reading it again (a file's rule tokens, its dynamic imports and its
 * data-flow source words are found in one pass).
 *
 * The last four characters seen are kept as one integer. A direct 64 Ki-entry table on the last two says whether
 * some word of two or three characters ends with them, or four characters of a longer word do, those ending with
 * its rarest pair (most characters stop there); then a hashed table on all four (or a map on the last three or
 * two) names the candidates, which are compared. One search per word would read the text once per word. Words outside ASCII, and short words that can
 * overlap themselves (`aa`), are searched the plain way.
 */
export class TokenSet implements WordFinder {
  /** Per table entry: bit 1 some word of two characters ends with these two, 2 of three, 4 some first four do. */
  private readonly lastTwo = new Uint8Array(1 << 16);
  private readonly maybeFour = new Uint8Array(1 << 16);
  private readonly byFour = new Map<number, Candidate[]>();
  private readonly byThree = new Map<number, Candidate[]>();
  private readonly byTwo = new Map<number, Candidate[]>();
  /** Words searched the plain way, with their set. */
  private readonly plain: Candidate[] = [];
  private readonly groups: string[];
  private lastText: string | undefined;
  private lastFound: number[][] = [];

  constructor(tokens: readonly string[], extra: Readonly<Record<string, readonly string[]>> = {}) {
    this.groups = Object.keys(extra);
    [tokens, ...Object.values(extra)].forEach((words, group) => {
      for (const word of words) this.add(word, group);
    });
  }

  private add(word: string, group: number): void {
    // An empty word is everywhere: no rule spells one, and a plain search for it would never end.
    if (word === "") return;
    const candidate: Candidate = { word, group, last: word.length - 1 };
    const n = word.length;
    if (searchedPlainly(word)) {
      this.plain.push(candidate);
      return;
    }
    const code = (k: number) => word.charCodeAt(k);
    let key: number;
    let map: Map<number, Candidate[]>;
    if (n >= 4) {
      // The four characters ending with the word's rarest pair: fewer places in a text end with them.
      let last = 3;
      for (let k = 4; k < n; k++) if (pairRarity(word, k) > pairRarity(word, last)) last = k;
      candidate.last = last;
      key = (code(last - 3) << 24) | (code(last - 2) << 16) | (code(last - 1) << 8) | code(last);
      map = this.byFour;
      this.maybeFour[slot(key)] = 1;
      this.lastTwo[(code(last - 1) << 8) | code(last)] |= 4;
    } else if (n === 3) {
      key = (code(0) << 16) | (code(1) << 8) | code(2);
      map = this.byThree;
      this.lastTwo[(code(1) << 8) | code(2)] |= 2;
    } else {
      key = (code(0) << 8) | code(1);
      map = this.byTwo;
      this.lastTwo[key] |= 1;
    }
    const list = map.get(key);
    if (list) list.push(candidate);
    else map.set(key, [candidate]);
  }

  /** Start offsets (UTF-16) of every occurrence of every token in `text`, ascending. */
  offsetsIn(text: string): number[] {
    const found: number[][] = [[]];
    for (let g = 0; g < this.groups.length; g++) found.push([]);
    for (const { word, group } of this.plain) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) found[group].push(at);
    const lastTwo = this.lastTwo;
    const maybeFour = this.maybeFour;
    const n = text.length;
    let window = 0;
    for (let i = 0; i < n; i++) {
      window = (window << 8) | (text.charCodeAt(i) & 0xff);
      const ends = lastTwo[window & 0xffff];
      if (ends === 0) continue;
      if (ends & 4 && i >= 3 && maybeFour[slot(window)] === 1) matchAt(text, this.byFour.get(window), i, found);
      if (ends & 2 && i >= 2) matchAt(text, this.byThree.get(window & 0xffffff), i, found);
      if (ends & 1 && i >= 1) matchAt(text, this.byTwo.get(window & 0xffff), i, found);
    }
    // Words of different lengths are found at their last character: their offsets may come out of order.
    for (const offsets of found) if (!isAscending(offsets)) offsets.sort((a, b) => a - b);
    this.lastText = text;
    this.lastFound = found;
    return found[0];
  }

  /** Whether the set `name` was given to the constructor. */
  hasExtra(name: string): boolean {
    return this.groups.includes(name);
  }

  /** Start offsets of every occurrence of the words of set `name` (see the constructor) in `text`, ascending. */
  extraOffsetsIn(text: string, name: string): number[] {
    const group = this.groups.indexOf(name) + 1;
    if (group === 0) return [];
    if (this.lastText !== text) this.offsetsIn(text);
    return this.lastFound[group];
  }
}

interface Candidate {
  word: string;
  /** 0 for the tokens, then the extra sets in order. */
  group: number;
  /** Which of the word's characters the table entry it is listed under ends with. */
  last: number;
}

/** For every candidate that occurs with its `last` character at `end`, adds where it starts to its set's offsets. */
function matchAt(text: string, candidates: readonly Candidate[] | undefined, end: number, found: number[][]): void {
  if (!candidates) return;
  for (const c of candidates) {
    const at = end - c.last;
    if (at >= 0 && text.startsWith(c.word, at)) found[c.group].push(at);
  }
}

/** Characters by how often they occur in Python code, most often first; anything else counts as rarer. */
const BY_FREQUENCY = " etasrinol_dcpu.mf(h)g,=b'yw\"vkx:[]0O1TSEAqRCIjNDzLP";

/** How rarely a character occurs in Python code (higher: rarer). */
export function charRarity(ch: string): number {
  const r = BY_FREQUENCY.indexOf(ch);
  return r < 0 ? BY_FREQUENCY.length : r;
}

/** How rarely the pair of characters ending at `k` occurs (higher: rarer), by the rarer of the two. */
export function pairRarity(word: string, k: number): number {
  const before = charRarity(word[k - 1]);
  const at = charRarity(word[k]);
  return Math.min(before, at) * 64 + Math.max(before, at);
}

/**
 * Whether `TokenSet` searches `word` the plain way (`indexOf` from the end of each occurrence, so occurrences that
 * overlap an earlier one are not listed) rather than by its tables (every occurrence): short words and words outside
 * ASCII.
 */
export function searchedPlainly(word: string): boolean {
  const n = word.length;
  return n < 2 || !/^[\x00-\x7f]*$/.test(word) || (n < 4 && overlapsItself(word));
}

/** Whether two occurrences of `word` can overlap (`aa`, `aba`): then only a plain search finds them as before. */
function overlapsItself(word: string): boolean {
  for (let k = 1; k < word.length; k++) if (word.startsWith(word.slice(k))) return true;
  return false;
}

function isAscending(offsets: readonly number[]): boolean {
  for (let k = 1; k < offsets.length; k++) if (offsets[k] < offsets[k - 1]) return false;
  return true;
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
  const pattern = new RegExp(words.map(escapeRegExp).join("|"), "g");
  return { offsetsIn: (text) => Array.from(text.matchAll(pattern), (m) => m.index) };
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Words of different lengths found out of order, and words searched the plain way, meet their paths once when the
// module loads: met first in the middle of a scan, they threw the search's optimised code away. (V8 records what a
// function meets only once it has run a while: the words come after a stretch of text.)
new TokenSet(["abcd", "bc", "aa", "\u00e9t\u00e9"], { more: ["cd"] }).offsetsIn(`${"x ".repeat(2000)}abcd aaa \u00e9t\u00e9`);
