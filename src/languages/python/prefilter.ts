import type { PythonRule } from "../../rules/rule.js";
import type { TokenSet } from "./token-set.js";

/**
 * True when `source` may hold a finding: it contains a token some rule needs, or it imports a module whose name
 * is computed (`__import__("pic" + "kle")`), which no token can see. Files failing this are never parsed.
 */
export function mayMatch(source: string, tokens: TokenSet): boolean {
  for (const token of tokens.tokens) if (source.includes(token)) return true;
  return hasComputedDynamicImport(source);
}

/** A dynamic import whose first argument is not a plain string literal. */
const COMPUTED_DYNAMIC_IMPORT = /(?:__import__|import_module)\s*\(\s*(?![rRuU]?(?:'[\w.]*'|"[\w.]*")\s*[,)])/;
const EVERY_COMPUTED_DYNAMIC_IMPORT = new RegExp(COMPUTED_DYNAMIC_IMPORT.source, "g");

export function hasComputedDynamicImport(source: string): boolean {
  return (source.includes("__import__") || source.includes("import_module")) && COMPUTED_DYNAMIC_IMPORT.test(source);
}

/** Where the tokens and the computed dynamic imports of `source` occur, ascending: the places a finding can start. */
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
