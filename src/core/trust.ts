// The trust threshold (`--min-trust`, `min-trust` in the configuration): which findings count. Browser-safe.
import { TRUST_LEVELS, type Finding, type ScanReport, type Trust } from "./types.js";

export function isTrust(value: string): value is Trust {
  return (TRUST_LEVELS as readonly string[]).includes(value);
}

/** untrusted 2, unknown 1, internal 0. */
function rank(trust: Trust): number {
  return TRUST_LEVELS.length - 1 - TRUST_LEVELS.indexOf(trust);
}

/**
 * Whether a finding counts at the threshold `min`: its trust is `min` or worse. A finding without a trust property
 * (settings, model files, dependencies, other languages: nothing about its data is judged) always counts, so a
 * threshold never hides what it cannot judge.
 */
export function meetsTrust(finding: Pick<Finding, "trust">, min: Trust): boolean {
  return finding.trust === undefined || rank(finding.trust) >= rank(min);
}

/**
 * The report without the findings below `min` (suppressed ones too), with `trustFilter` counting the unsuppressed
 * ones that went.
 * `internal` (the default) keeps everything and returns the report as it is.
 */
export function filterByTrust(report: ScanReport, min: Trust): ScanReport {
  if (min === "internal") return report;
  const findings = report.findings.filter((f) => meetsTrust(f, min));
  const hidden = report.findings.filter((f) => !f.suppressed && !meetsTrust(f, min)).length;
  return { ...report, findings, trustFilter: { minTrust: min, hidden: (report.trustFilter?.hidden ?? 0) + hidden } };
}

/** " Trust: internal (the input is a bytes literal)." for formats that carry one text per finding; "" without trust. */
export function trustSentence(finding: Pick<Finding, "trust" | "trustReason">): string {
  if (!finding.trust) return "";
  return ` Trust: ${finding.trust}${finding.trustReason ? ` (${finding.trustReason})` : ""}.`;
}

/** Counts of the given findings by trust (those without one are not counted). */
export function countByTrust(findings: readonly Pick<Finding, "trust">[]): Record<Trust, number> {
  const out = Object.fromEntries(TRUST_LEVELS.map((t) => [t, 0])) as Record<Trust, number>;
  for (const f of findings) if (f.trust) out[f.trust]++;
  return out;
}
