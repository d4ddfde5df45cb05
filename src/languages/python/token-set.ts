/**
 * Finds every occurrence of a fixed set of tokens in one pass, however many tokens there are: the last four characters seen
 * are kept as one 32-bit integer (signed, so it stays a small integer for the engine), a 64 Ki-entry table says whether some token starts with them, and only then are
 * the candidates compared. One search per token would read the text once per token (about twice as slow here).
 * Tokens shorter than four characters or outside ASCII are searched the plain way.
 */
export class TokenSet {
  private readonly byPrefix = new Map<number, string[]>();
  private readonly maybePrefix = new Uint8Array(1 << 16);
  private readonly plain: string[] = [];

  constructor(tokens: readonly string[]) {
    for (const token of tokens) {
      if (token.length < 4 || !/^[\x00-\x7f]*$/.test(token)) {
        this.plain.push(token);
        continue;
      }
      const prefix = (token.charCodeAt(0) << 24) | (token.charCodeAt(1) << 16) | (token.charCodeAt(2) << 8) | token.charCodeAt(3);
      const list = this.byPrefix.get(prefix);
      if (list) list.push(token);
      else this.byPrefix.set(prefix, [token]);
      this.maybePrefix[slot(prefix)] = 1;
    }
  }

  /** Start offsets (UTF-16) of every occurrence of every token in `text`, ascending. */
  offsetsIn(text: string): number[] {
    const out: number[] = [];
    for (const p of this.plain) for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + p.length)) out.push(at);
    if (this.byPrefix.size > 0) {
      const maybe = this.maybePrefix;
      let window = 0;
      for (let i = 0; i < text.length; i++) {
        window = (window << 8) | (text.charCodeAt(i) & 0xff);
        if (i >= 3 && maybe[slot(window)] === 1) {
          const list = this.byPrefix.get(window);
          if (list) for (const t of list) if (text.startsWith(t, i - 3)) out.push(i - 3);
        }
      }
    }
    return this.plain.length ? out.sort((a, b) => a - b) : out;
  }
}

function slot(prefix: number): number {
  return Math.imul(prefix, 0x9e3779b1) >>> 16;
}
