import type { PythonRule } from "../../rules/rule.js";
import type { TokenSet } from "./token-set.js";

/** A dynamic import whose first argument is not a plain string literal. */
const COMPUTED_DYNAMIC_IMPORT = /(?:__import__|import_module)\s*\(\s*(?![rRuU]?(?:'[\w.]*'|"[\w.]*")\s*[,)])/;
const EVERY_COMPUTED_DYNAMIC_IMPORT = new RegExp(COMPUTED_DYNAMIC_IMPORT.source, "g");

export function hasComputedDynamicImport(source: string): boolean {
  return (source.includes("__import__") || source.includes("import_module")) && COMPUTED_DYNAMIC_IMPORT.test(source);
}

/**
 * Where the tokens and the computed dynamic imports of `source` occur, ascending: the places a finding can start.
 * A computed import (`__import__("pic" + "kle")`) is one no token can see. None at all: no finding is possible.
 */
export function anchorOffsets(source: string, tokens: TokenSet): number[] {
  const out = tokens.offsetsIn(source);
  if (!source.includes("__import__") && !source.includes("import_module")) return out;
  for (const m of source.matchAll(EVERY_COMPUTED_DYNAMIC_IMPORT)) out.push(m.index);
  return out.sort((a, b) => a - b);
}

/**
 * The prefilter tokens of `rules`, without those that contain another one (`jsonpickle` adds nothing to `pickle`:
 * wherever it occurs, so does the shorter token).
 */
export function prefilterTokens(rules: readonly PythonRule[]): string[] {
  const all = [...new Set(rules.flatMap((r) => r.prefilter))];
  return all.filter((t) => !all.some((other) => other !== t && t.includes(other)));
}
