// `untrusted`: a pattern finding whose call PYTHON-DESER-001 reaches from a source takes that flow's trace. The
// flow rule runs for this whenever a rule that judges trust runs, and its own findings are reported only when it
// was selected. Browser-safe.
import type { Finding } from "../../core/types.js";
import { PYTHON_RULE_CATALOG } from "../python-catalog.js";
import type { RuleSetSpec } from "../selection.js";

/** The data-flow rule whose flows make pattern findings `untrusted`. */
export const TRUST_FLOW_RULE = "PYTHON-DESER-001";

function judgesTrust(id: string): boolean {
  return PYTHON_RULE_CATALOG.some((r) => r.id === id && r.judgesTrust);
}

/**
 * The rule set to analyse with: the selected rules, plus the flow rule when a selected rule judges trust. Added that
 * way, the flow rule keeps only the sinks and prefilter tokens of the selected rules: it does no work they cannot use.
 */
export function withTrustFlow(spec: RuleSetSpec): RuleSetSpec {
  if (spec.ruleIds.includes(TRUST_FLOW_RULE) || !spec.ruleIds.some(judgesTrust)) return spec;
  const onlySinksOf = spec.ruleIds.filter(judgesTrust);
  return {
    ...spec,
    ruleIds: [...spec.ruleIds, TRUST_FLOW_RULE],
    customizations: { ...spec.customizations, [TRUST_FLOW_RULE]: { ...spec.customizations?.[TRUST_FLOW_RULE], onlySinksOf } },
  };
}

function siteKey(file: string, l: { line: number; column: number; endLine: number; endColumn: number }): string {
  return `${file}\0${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;
}

/**
 * Marks the pattern findings that a flow finding reaches as `untrusted` with its trace (and `sources`, when the flow
 * rule lists several), marks the flow findings themselves `untrusted`, and drops them unless `reportFlowRule`.
 * A flow finding reaches a call either at it or, through a wrapper function, by ending its trace there.
 */
export function resolveTrust(findings: readonly Finding[], reportFlowRule: boolean): Finding[] {
  const flows = new Map<string, Finding>();
  for (const f of findings) {
    if (f.ruleId !== TRUST_FLOW_RULE) continue;
    const sink = f.trace?.at(-1)?.location;
    for (const key of [siteKey(f.location.file, f.location), ...(sink ? [siteKey(sink.file, sink)] : [])]) {
      if (!flows.has(key)) flows.set(key, f);
    }
  }
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId === TRUST_FLOW_RULE) {
      if (reportFlowRule) out.push({ ...f, trust: "untrusted" });
      continue;
    }
    const flow = f.trust !== undefined ? flows.get(siteKey(f.location.file, f.location)) : undefined;
    if (!flow?.trace?.length) {
      out.push(f);
      continue;
    }
    const sources = (flow as Finding & { sources?: unknown }).sources;
    const source = flow.trace[0].message.replace(/^source: /, "");
    out.push({
      ...f,
      trust: "untrusted",
      trustReason: `untrusted data reaches this call (${TRUST_FLOW_RULE}): ${source}`,
      trace: flow.trace,
      ...(sources !== undefined ? { sources } : {}),
    });
  }
  return out;
}
