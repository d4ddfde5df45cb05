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
        case "dictionary_splat":
          this.hasKwArgs = true;
          this.firstSplat ??= arg;
          break;
        case "comment":
          break;
        default:
          if (!this.hasStarArgs) this.positional.push(arg);
      }
    }
    if (keywords) this.keywords = keywords;
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
