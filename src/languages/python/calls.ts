import { decodeStringLiteral } from "./semantic/string-literal.js";
import { childByField, type SyntaxNode } from "./syntax.js";

/** The keywords of every call that passes none (most): one map, never added to. */
const NO_KEYWORDS: ReadonlyMap<string, SyntaxNode> = new Map();

/** The arguments of one call, addressable the way Python binds them: by keyword, else by position. */
export class CallArguments {
  readonly positional: SyntaxNode[] = [];
  keywords: ReadonlyMap<string, SyntaxNode> = NO_KEYWORDS;
  /** `*args` present: later positions are unknown. */
  hasStarArgs = false;
  /** `**kwargs` present: any keyword may be set. */
  hasKwArgs = false;
  /** The first `*args` or `**kwargs` argument (the `list_splat`/`dictionary_splat` node), if any. */
  firstSplat: SyntaxNode | undefined = undefined;
  /** `**name` arguments whose keywords are not known yet (see `expandNamedSplats`). */
  private namedSplats: SyntaxNode[] | undefined = undefined;
  /** `**x` arguments whose keywords are not known. */
  private hiddenSplats = 0;

  constructor(call: SyntaxNode | undefined, source: string) {
    const list = call ? childByField(call, "arguments") : undefined;
    if (!list) return;
    if (list.type === "generator_expression") {
      this.positional.push(list);
      return;
    }
    let keywords: Map<string, SyntaxNode> | undefined;
    const args = list.children;
    for (let k = 0; k < args.length; k++) {
      const arg = args[k];
      switch (arg.type) {
        case "keyword_argument": {
          const name = childByField(arg, "name");
          const value = childByField(arg, "value");
          if (name && value) (keywords ??= new Map()).set(source.slice(name.start, name.end), value);
          break;
        }
        case "list_splat":
          this.hasStarArgs = true;
          this.firstSplat ??= arg;
          break;
        case "dictionary_splat": {
          this.firstSplat ??= arg;
          // `**{"allow_pickle": False}` passes exactly the keywords written in the literal.
          const spread = arg.children[arg.children.length - 1];
          const written = spread ? literalKeywords(spread, source) : undefined;
          if (written) {
            for (const [name, value] of written) if (!keywords?.has(name)) (keywords ??= new Map()).set(name, value);
            break;
          }
          this.hasKwArgs = true;
          this.hiddenSplats++;
          if (spread?.type === "identifier") (this.namedSplats ??= []).push(spread);
          break;
        }
        case "comment":
          break;
        default:
          if (!this.hasStarArgs) this.positional.push(arg);
      }
    }
    if (keywords) this.keywords = keywords;
  }

  /**
   * Reads the keywords of `**name` arguments bound to a dict literal: `dictOf` gives the literal a name holds
   * (`OPTS = {"mmap_mode": "r"}` then `np.load(p, **OPTS)`), or undefined when it is not known. When every `**`
   * argument is known, no keyword is hidden any more.
   */
  expandNamedSplats(dictOf: (name: SyntaxNode) => SyntaxNode | undefined, source: string): void {
    const named = this.namedSplats;
    if (!named) return;
    this.namedSplats = undefined;
    let keywords: Map<string, SyntaxNode> | undefined;
    for (const name of named) {
      const literal = dictOf(name);
      const written = literal ? literalKeywords(literal, source) : undefined;
      if (!written) continue;
      this.hiddenSplats--;
      for (const [k, value] of written) if (!this.keywords.has(k) && !keywords?.has(k)) (keywords ??= new Map(this.keywords)).set(k, value);
    }
    if (keywords) this.keywords = keywords;
    if (this.hiddenSplats === 0) this.hasKwArgs = false;
  }

  /**
   * What a call of `functools.partial(f, *bound, **keywords)` passes to `f`: the partial's arguments after `f`, then
   * the call's; a keyword the call passes replaces the partial's.
   */
  static throughPartial(partial: CallArguments, call: CallArguments): CallArguments {
    const out = new CallArguments(undefined, "");
    out.positional.push(...partial.positional.slice(1));
    if (!partial.hasStarArgs) out.positional.push(...call.positional);
    if (partial.keywords.size || call.keywords.size) out.keywords = new Map([...partial.keywords, ...call.keywords]);
    out.hasStarArgs = partial.hasStarArgs || call.hasStarArgs;
    out.hasKwArgs = partial.hasKwArgs || call.hasKwArgs;
    out.hiddenSplats = partial.hiddenSplats + call.hiddenSplats;
    out.firstSplat = partial.firstSplat ?? call.firstSplat;
    return out;
  }

  /** The value bound to parameter `keyword` at `position` (0-based), like Ruff's `find_argument_value`. */
  find(keyword: string | undefined, position?: number): SyntaxNode | undefined {
    if (keyword !== undefined) {
      const k = this.keywords.get(keyword);
      if (k) return k;
    }
    return position !== undefined ? this.positional[position] : undefined;
  }

  /** True when the parameter may be set without us seeing its value (`*args`/`**kwargs`). */
  mayBeHidden(keyword: string | undefined, position?: number): boolean {
    if (this.find(keyword, position)) return false;
    return (keyword !== undefined && this.hasKwArgs) || (position !== undefined && this.hasStarArgs);
  }

  /** Every argument value node, positional and keyword. */
  values(): SyntaxNode[] {
    const out = this.positional.slice();
    this.keywords.forEach((value) => out.push(value));
    return out;
  }
}

/** The keywords a dict literal passes as `**{...}`: every key a string literal, no `**` inside; else undefined. */
function literalKeywords(dict: SyntaxNode, source: string): Map<string, SyntaxNode> | undefined {
  let node = dict;
  while (node.type === "parenthesized_expression" && node.children.length === 1) node = node.children[0];
  if (node.type === "call") return dictCallKeywords(node, source);
  if (node.type !== "dictionary") return undefined;
  const out = new Map<string, SyntaxNode>();
  for (const c of node.children) {
    if (c.type === "comment") continue;
    if (c.type !== "pair") return undefined;
    const key = childByField(c, "key");
    const value = childByField(c, "value");
    const name = key?.type === "string" ? decodeStringLiteral(source.slice(key.start, key.end)) : undefined;
    if (name === undefined || !value) return undefined;
    out.set(name, value);
  }
  return out;
}

/** `dict(allow_pickle=True)`: the keywords of a call of `dict` that passes keywords alone (undefined otherwise). */
function dictCallKeywords(call: SyntaxNode, source: string): Map<string, SyntaxNode> | undefined {
  const callee = childByField(call, "function");
  const args = childByField(call, "arguments");
  if (callee?.type !== "identifier" || source.slice(callee.start, callee.end) !== "dict" || args?.type !== "argument_list") return undefined;
  const out = new Map<string, SyntaxNode>();
  for (const c of args.children) {
    if (c.type === "comment") continue;
    if (c.type !== "keyword_argument") return undefined;
    const name = childByField(c, "name");
    const value = childByField(c, "value");
    if (!name || !value) return undefined;
    out.set(source.slice(name.start, name.end), value);
  }
  return out;
}
