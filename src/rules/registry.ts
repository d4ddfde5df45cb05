import type { RuleMeta, Severity } from "../core/types.js";
import { canonicalName } from "../languages/python/semantic/module-aliases.js";
import { code, referenced, type SinkMatch, type SinkSpec } from "./rule.js";
import type { PythonRule } from "./rule.js";
import PYTHON_CONFIG_SEC_001 from "./python/PYTHON-CONFIG-SEC-001.js";
import PYTHON_CONFIG_SEC_002 from "./python/PYTHON-CONFIG-SEC-002.js";
import PYTHON_CONFIG_SEC_003 from "./python/PYTHON-CONFIG-SEC-003.js";
import PYTHON_CONFIG_SEC_004 from "./python/PYTHON-CONFIG-SEC-004.js";
import PYTHON_CONFIG_SEC_005 from "./python/PYTHON-CONFIG-SEC-005.js";
import PYTHON_CONFIG_SEC_006 from "./python/PYTHON-CONFIG-SEC-006.js";
import PYTHON_CONFIG_SEC_007 from "./python/PYTHON-CONFIG-SEC-007.js";
import PYTHON_DESER_001 from "./python/PYTHON-DESER-001.js";
import PYTHON_DEPS_SEC_001 from "./python/PYTHON-DEPS-SEC-001.js";
import PYTHON_DEPS_SEC_002 from "./python/PYTHON-DEPS-SEC-002.js";
import PYTHON_DEPS_SEC_003 from "./python/PYTHON-DEPS-SEC-003.js";
import PYTHON_LANG_SEC_040 from "./python/PYTHON-LANG-SEC-040.js";
import PYTHON_LANG_SEC_041 from "./python/PYTHON-LANG-SEC-041.js";
import PYTHON_LANG_SEC_042 from "./python/PYTHON-LANG-SEC-042.js";
import PYTHON_LANG_SEC_043 from "./python/PYTHON-LANG-SEC-043.js";
import PYTHON_LANG_SEC_044 from "./python/PYTHON-LANG-SEC-044.js";
import PYTHON_LANG_SEC_045 from "./python/PYTHON-LANG-SEC-045.js";
import PYTHON_LANG_SEC_046 from "./python/PYTHON-LANG-SEC-046.js";
import PYTHON_LANG_SEC_073 from "./python/PYTHON-LANG-SEC-073.js";
import PYTHON_ML_SEC_001 from "./python/PYTHON-ML-SEC-001.js";
import PYTHON_ML_SEC_002 from "./python/PYTHON-ML-SEC-002.js";
import PYTHON_ML_SEC_003 from "./python/PYTHON-ML-SEC-003.js";
import PYTHON_ML_SEC_004 from "./python/PYTHON-ML-SEC-004.js";
import PYTHON_ML_SEC_005 from "./python/PYTHON-ML-SEC-005.js";
import PYTHON_ML_SEC_006 from "./python/PYTHON-ML-SEC-006.js";
import PYTHON_ML_SEC_007 from "./python/PYTHON-ML-SEC-007.js";
import PYTHON_ML_SEC_008 from "./python/PYTHON-ML-SEC-008.js";
import PYTHON_ML_SEC_009 from "./python/PYTHON-ML-SEC-009.js";
import PYTHON_ML_SEC_010 from "./python/PYTHON-ML-SEC-010.js";
import PYTHON_ML_SEC_011 from "./python/PYTHON-ML-SEC-011.js";
import PYTHON_ML_SEC_012 from "./python/PYTHON-ML-SEC-012.js";
import { compareText } from "../core/order.js";

/** Every Python rule, in ID order. New rules are added here. */
export const PYTHON_RULES: readonly PythonRule[] = [
  PYTHON_CONFIG_SEC_001,
  PYTHON_CONFIG_SEC_002,
  PYTHON_CONFIG_SEC_003,
  PYTHON_CONFIG_SEC_004,
  PYTHON_CONFIG_SEC_005,
  PYTHON_CONFIG_SEC_006,
  PYTHON_CONFIG_SEC_007,
  PYTHON_DESER_001,
  PYTHON_DEPS_SEC_001,
  PYTHON_DEPS_SEC_002,
  PYTHON_DEPS_SEC_003,
  PYTHON_LANG_SEC_040,
  PYTHON_LANG_SEC_041,
  PYTHON_LANG_SEC_042,
  PYTHON_LANG_SEC_043,
  PYTHON_LANG_SEC_044,
  PYTHON_LANG_SEC_045,
  PYTHON_LANG_SEC_046,
  PYTHON_LANG_SEC_073,
  PYTHON_ML_SEC_001,
  PYTHON_ML_SEC_002,
  PYTHON_ML_SEC_003,
  PYTHON_ML_SEC_004,
  PYTHON_ML_SEC_005,
  PYTHON_ML_SEC_006,
  PYTHON_ML_SEC_007,
  PYTHON_ML_SEC_008,
  PYTHON_ML_SEC_009,
  PYTHON_ML_SEC_010,
  PYTHON_ML_SEC_011,
  PYTHON_ML_SEC_012,
].sort((a, b) => compareText(a.id, b.id));

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

/** Rule metadata without the engine parts (prefilter, sink functions), as reporters, JSON and `rules` need it. */
export function ruleMeta(rule: PythonRule): RuleMeta {
  const { prefilter: _prefilter, sinks: _sinks, ...meta } = rule;
  return meta;
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
  const selection = resolveRulesets(rulesets);
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

/** Builds the rule objects a spec describes. Throws on an unknown ID: specs come from `ruleSetSpec`. */
export function buildRuleSet(spec: RuleSetSpec): PythonRule[] {
  return spec.ruleIds.map((id) => {
    const rule = PYTHON_RULES.find((r) => r.id === id);
    if (!rule) throw new Error(`unknown rule ID "${id}" in rule set`);
    return customized(rule, spec.customizations?.[id]);
  });
}

function customized(original: PythonRule, change: RuleCustomization | undefined): PythonRule {
  const extra = [...new Set((change?.extraSinks ?? []).map(canonicalName))];
  const severity = change?.severity;
  const sources = (change?.extraSources ?? []).map(canonicalName);
  const sanitizers = (change?.extraSanitizers ?? []).map(canonicalName);
  let rule = (sources.length || sanitizers.length) && original.withFlowSpecs ? original.withFlowSpecs({ sources, sanitizers }) : original;
  if (change?.onlySinksOf) rule = narrowed(rule, change.onlySinksOf);
  if (!extra.length && !severity) return rule;
  let sinks = extra.length ? [...rule.sinks, configuredSink(rule, extra)] : rule.sinks;
  if (severity) sinks = sinks.map((s) => withSeverity(s, severity));
  // A wrapper is reached through its own name (imported, aliased or called as an attribute), so its last
  // segment is a byte token every file that can call it contains.
  const prefilter = [...new Set([...rule.prefilter, ...extra.map((name) => name.slice(name.lastIndexOf(".") + 1))])];
  return { ...rule, severity: severity ?? rule.severity, prefilter, sinks };
}

function narrowed(rule: PythonRule, ids: readonly string[]): PythonRule {
  const others = PYTHON_RULES.filter((r) => ids.includes(r.id));
  const names = new Set(others.flatMap((r) => r.sinks.flatMap((s) => s.call)));
  return {
    ...rule,
    sinks: rule.sinks.filter((s) => s.call.some((n) => names.has(n))),
    prefilter: [...new Set(others.flatMap((r) => r.prefilter))],
  };
}

/** A user-configured sink reports like the rule's own, without argument checks: a wrapper has its own signature. */
function configuredSink(rule: PythonRule, names: string[]): SinkSpec {
  const message = (m: SinkMatch): string => {
    const spelled = m.calleeText === m.target ? code(m.target) : `${code(m.calleeText)} (${m.target})`;
    const sink = `configured as a deserialization sink of ${rule.id} (${rule.name})`;
    switch (m.via) {
      case "subclass":
        return `${code(m.subclass!.name)} subclasses ${code(m.target)}, ${sink}: never pass it data from an untrusted source.`;
      case "reference":
        return `${spelled}, ${sink}, ${referenced(m)}: every value it is applied to is deserialized.`;
      default:
        return `${spelled} is ${sink}: never pass it data from an untrusted source.`;
    }
  };
  return { call: names, subclasses: true, references: true, message };
}

function withSeverity(spec: SinkSpec, severity: Severity): SinkSpec {
  const check = spec.check;
  return {
    ...spec,
    check: (m) => {
      const outcome = check ? check(m) : {};
      return outcome === null ? null : { ...outcome, severity };
    },
  };
}
