// The metadata of the rules a scan reports (ids, names, docs: what reporters show) is remembered in the cache's scope,
// which belongs to one build, rule set and configuration (see `AnalysisCache`), so a scan that analyses nothing never
// loads the rules themselves (their matchers, and the analysis they use). Either way it is a JSON copy, so reports
// are the same whether it was remembered or made now.
import type { RuleMeta } from "../core/types.js";
import type { AnalysisCache } from "./cache.js";

/** The metadata of the rules `ids` (in that order): remembered under `part` and `slot`, or made by `make` and remembered. */
export async function rememberedRuleMeta(cache: AnalysisCache | undefined, part: string, slot: string, ids: readonly string[], make: () => Promise<RuleMeta[]>): Promise<RuleMeta[]> {
  if (!ids.length) return [];
  const known = cache?.entry(part, slot);
  if (Array.isArray(known) && known.length === ids.length && known.every((m, i) => isRuleMeta(m) && m.id === ids[i])) return known as RuleMeta[];
  const meta = JSON.parse(JSON.stringify(await make())) as RuleMeta[];
  cache?.setEntry(part, slot, meta);
  return meta;
}

function isRuleMeta(value: unknown): value is RuleMeta {
  const m = value as Partial<RuleMeta> | null;
  return typeof m?.id === "string" && typeof m.name === "string" && typeof m.severity === "string" && typeof m.docs === "object" && m.docs !== null && Array.isArray(m.tags) && Array.isArray(m.cwe);
}
