import { SEVERITIES, type Finding, type ScanReport, type ScanSummary, type Severity } from "../core/types.js";
import { countByTrust } from "../core/trust.js";

/** Counts unsuppressed findings by severity; suppressed findings are counted apart, never in `total`. */
export function summarize(report: ScanReport): ScanSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let total = 0;
  let suppressed = 0;
  for (const finding of report.findings) {
    if (finding.suppressed) {
      suppressed++;
    } else {
      total++;
      bySeverity[finding.severity]++;
    }
  }
  const counted = report.findings.filter((f) => !f.suppressed && f.trust);
  return {
    total,
    bySeverity,
    suppressed,
    ...(counted.length ? { byTrust: countByTrust(counted) } : {}),
    ...(report.trustFilter ? { hiddenByTrust: report.trustFilter.hidden } : {}),
  };
}

/** The findings a listing format shows: suppressed ones only when asked for. Order is preserved. */
export function visibleFindings(report: ScanReport, showSuppressed: boolean): Finding[] {
  return showSuppressed ? report.findings : report.findings.filter((f) => !f.suppressed);
}
