import type { RuleMeta } from "../core/types.js";
import type { PythonRule } from "./rule.js";
import PYTHON_LANG_SEC_040 from "./python/PYTHON-LANG-SEC-040.js";

/** Every Python rule, in ID order. New rules are added here. */
export const PYTHON_RULES: readonly PythonRule[] = [PYTHON_LANG_SEC_040].sort((a, b) => a.id.localeCompare(b.id));

/** Bundle names usable as `python/<bundle>`; `all` selects everything. */
export function pythonBundles(): string[] {
  const names = new Set<string>(["all"]);
  for (const r of PYTHON_RULES) for (const b of r.bundles) names.add(b);
  return [...names].sort();
}

export type RulesetResolution = { ok: true; rules: PythonRule[] } | { ok: false; error: string };

/**
 * Resolves `--ruleset` values: `python/<RULE-ID>`, `python/<bundle>`, `python/all`, or a bare rule ID.
 * Unknown names are an error with a "did you mean" suggestion.
 */
export function resolveRulesets(specs: readonly string[], extraRules: readonly PythonRule[] = []): RulesetResolution {
  const all = [...PYTHON_RULES, ...extraRules];
  if (!specs.length) return { ok: true, rules: all };
  const chosen = new Map<string, PythonRule>();
  for (const raw of specs) {
    const spec = raw.trim();
    const [lang, name] = spec.includes("/") ? (spec.split("/", 2) as [string, string]) : ["python", spec];
    if (lang.toLowerCase() !== "python") {
      return { ok: false, error: `unknown ruleset language "${lang}" in "${spec}": only "python/..." rulesets exist` };
    }
    const byId = all.find((r) => r.id.toUpperCase() === name.toUpperCase());
    if (byId) {
      chosen.set(byId.id, byId);
      continue;
    }
    const bundle = name.toLowerCase();
    const members = bundle === "all" ? all : all.filter((r) => r.bundles.includes(bundle));
    if (!members.length) {
      const candidates = [...all.map((r) => `python/${r.id}`), ...pythonBundles().map((b) => `python/${b}`)];
      const suggestion = closest(`python/${name}`, candidates);
      return {
        ok: false,
        error: `unknown ruleset "${spec}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (see: pathfinder rules list)`,
      };
    }
    for (const r of members) chosen.set(r.id, r);
  }
  return { ok: true, rules: [...chosen.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}

export function findRule(id: string, extra: readonly RuleMeta[] = []): RuleMeta | undefined {
  return [...PYTHON_RULES, ...extra].find((r) => r.id.toUpperCase() === id.toUpperCase());
}

/** Closest candidate by edit distance, if it is reasonably close. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(3, Math.floor(input.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
