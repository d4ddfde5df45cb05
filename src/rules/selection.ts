// Choosing the Python rules a scan runs (`--ruleset` values, `disable`, customizations) from the rules' catalog
// (python-catalog.ts), without loading the rules themselves: a scan that analyses nothing never needs their matchers.
// Browser-safe.
import { compareText } from "../core/order.js";
import type { Severity } from "../core/types.js";
import { PYTHON_RULE_CATALOG, type PythonRuleEntry } from "./python-catalog.js";

/** The documented bundles (usable as `python/<bundle>`), whether or not a rule in them is registered yet. */
export const BUNDLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  all: "every Python rule",
  deserialization: "every rule that reports a deserialization sink",
  config: "framework settings that make caches, queues, sessions and cookies unpickle what they read",
  deps: "dependency manifests and lock files pinning versions with deserialization advisories",
  lang: "the Python standard library and general-purpose serialization libraries",
  ml: "machine-learning and data-science libraries that unpickle model and data files",
};

/** Bundle names usable as `python/<bundle>`; `all` selects everything. */
export function pythonBundles(): string[] {
  const names = new Set<string>(Object.keys(BUNDLE_DESCRIPTIONS));
  for (const r of PYTHON_RULE_CATALOG) for (const b of r.bundles) names.add(b);
  return [...names].sort();
}

/** What choosing a rule looks at: a catalog entry, or a rule object (which has the same fields). */
export type SelectableRule = Pick<PythonRuleEntry, "id" | "bundles">;

export type RuleSelection<R extends SelectableRule> = { ok: true; rules: R[] } | { ok: false; error: string };

/**
 * Resolves `--ruleset` values: `python/<RULE-ID>`, `python/<bundle>`, `python/all`, or a bare rule ID, among `all`
 * (in ID order, extra rules after). Unknown names are an error with a "did you mean" suggestion.
 */
export function selectRules<R extends SelectableRule>(specs: readonly string[], all: readonly R[]): RuleSelection<R> {
  if (!specs.length) return { ok: true, rules: [...all] };
  const chosen = new Map<string, R>();
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
    if (!members.length && !Object.hasOwn(BUNDLE_DESCRIPTIONS, bundle)) {
      const candidates = [...all.map((r) => `python/${r.id}`), ...pythonBundles().map((b) => `python/${b}`)];
      const suggestion = closest(`python/${name}`, candidates);
      return {
        ok: false,
        error: `unknown ruleset "${spec}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (see: pathfinder rules list)`,
      };
    }
    for (const r of members) chosen.set(r.id, r);
  }
  return { ok: true, rules: [...chosen.values()].sort((a, b) => compareText(a.id, b.id)) };
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

/** A user's changes to one rule, from the configuration file. */
export interface RuleCustomization {
  /** More qualified names (the user's own wrappers) whose calls this rule reports, e.g. `myapp.cache.load_blob`. */
  extraSinks?: string[];
  /** Severity of every finding of the rule. */
  severity?: Severity;
  /**
   * Keep only the sinks (and prefilter tokens) of these rules: the data-flow rule, when it runs only to tell which
   * of their findings are untrusted (see `withTrustFlow`).
   */
  onlySinksOf?: string[];
  /** Data-flow rules: more qualified names whose value is untrusted (`myapp.http.raw_body`, `myapp.Client().fetch`). */
  extraSources?: string[];
  /** Data-flow rules: more qualified names whose result is trusted whatever their input (`myapp.crypto.verified`). */
  extraSanitizers?: string[];
}

/**
 * The rules a scan runs, in a form that survives `postMessage` to worker threads: rule objects hold functions,
 * so both sides call `buildRuleSet` on this plain description and get the same rules.
 */
export interface RuleSetSpec {
  ruleIds: string[];
  /** Keyed by canonical rule ID. */
  customizations?: Record<string, RuleCustomization>;
}

export type RuleSetSpecResolution = { ok: true; spec: RuleSetSpec } | { ok: false; error: string };

/** `--ruleset` values minus disabled rules, plus customizations; an empty result is an error. */
export function ruleSetSpec(
  rulesets: readonly string[],
  settings: {
    disable?: readonly string[];
    customizations?: Record<string, RuleCustomization>;
    /** Where `disable` came from, for the error message. */
    source?: string;
    /** Other rules (artifact rules) still run, so disabling every Python rule is not an error. */
    allowEmpty?: boolean;
  } = {},
): RuleSetSpecResolution {
  const selection = selectRules(rulesets, PYTHON_RULE_CATALOG);
  if (!selection.ok) return selection;
  if (!selection.rules.length) return { ok: false, error: `no rules to run: ${rulesets.join(", ")} holds no rules yet` };
  const disabled = new Set((settings.disable ?? []).map((id) => id.toUpperCase()));
  const ruleIds = selection.rules.map((r) => r.id).filter((id) => !disabled.has(id.toUpperCase()));
  if (!ruleIds.length && !settings.allowEmpty) {
    const what = rulesets.length ? `the selected rulesets (${rulesets.join(", ")})` : "the registry";
    const by = settings.source ? `"disable" in ${settings.source}` : `"disable"`;
    return { ok: false, error: `no rules to run: every rule of ${what} is disabled by ${by}` };
  }
  return { ok: true, spec: { ruleIds, ...(settings.customizations ? { customizations: settings.customizations } : {}) } };
}
