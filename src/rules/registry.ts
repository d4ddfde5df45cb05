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
import PYTHON_CONFIG_SEC_008 from "./python/PYTHON-CONFIG-SEC-008.js";
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
import { selectRules, type RuleCustomization, type RuleSetSpec } from "./selection.js";
import { TRUST_FLOW_RULE, withTrustFlow } from "./python/trust-join.js";

export { BUNDLE_DESCRIPTIONS, closest, pythonBundles, ruleSetSpec, type RuleCustomization, type RuleSetSpec, type RuleSetSpecResolution } from "./selection.js";

/** Every Python rule, in ID order. New rules are added here. */
export const PYTHON_RULES: readonly PythonRule[] = [
  PYTHON_CONFIG_SEC_001,
  PYTHON_CONFIG_SEC_002,
  PYTHON_CONFIG_SEC_003,
  PYTHON_CONFIG_SEC_004,
  PYTHON_CONFIG_SEC_005,
  PYTHON_CONFIG_SEC_006,
  PYTHON_CONFIG_SEC_007,
  PYTHON_CONFIG_SEC_008,
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

export type RulesetResolution = { ok: true; rules: PythonRule[] } | { ok: false; error: string };

/**
 * Resolves `--ruleset` values: `python/<RULE-ID>`, `python/<bundle>`, `python/all`, or a bare rule ID.
 * Unknown names are an error with a "did you mean" suggestion.
 */
export function resolveRulesets(specs: readonly string[], extraRules: readonly PythonRule[] = []): RulesetResolution {
  return selectRules(specs, [...PYTHON_RULES, ...extraRules]);
}

export function findRule(id: string, extra: readonly RuleMeta[] = []): RuleMeta | undefined {
  return [...PYTHON_RULES, ...extra].find((r) => r.id.toUpperCase() === id.toUpperCase());
}

/** Rule metadata without the engine parts (prefilter, sink functions), as reporters, JSON and `rules` need it. */
export function ruleMeta(rule: PythonRule): RuleMeta {
  const { prefilter: _prefilter, sinks: _sinks, ...meta } = rule;
  return meta;
}

/** `withTrustFlow` (see trust-join.ts) for rule objects (editor and library entry points that build rules themselves). */
export function withTrustFlowRules(rules: readonly PythonRule[]): PythonRule[] {
  if (rules.some((r) => r.id === TRUST_FLOW_RULE) || !rules.some((r) => r.judgeTrust)) return [...rules];
  const [flow] = buildRuleSet(withTrustFlow({ ruleIds: rules.map((r) => r.id) })).filter((r) => r.id === TRUST_FLOW_RULE);
  return [...rules, flow!];
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
