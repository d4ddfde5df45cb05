import { trustSentence } from "../core/trust.js";
// Code Climate issues, as GitLab's code quality report (`artifacts:reports:codequality`) reads them.
// Pure: no node:* imports, deterministic for a given report.
import type { ScanReport, Severity } from "../core/types.js";

export interface CodeClimateOptions {
  /** Prepended to finding paths so they are relative to the repository root (e.g. `services/api/`). */
  pathPrefix?: string;
  /** Include findings that carry a suppression (default false: they are not issues to fix). */
  showSuppressed?: boolean;
}

/** Code Climate severities are info, minor, major, critical, blocker. */
const SEVERITY: Record<Severity, string> = { critical: "blocker", high: "critical", medium: "major", low: "minor" };

export function renderCodeClimate(report: ScanReport, options: CodeClimateOptions = {}): string {
  const prefix = options.pathPrefix ? (options.pathPrefix.endsWith("/") ? options.pathPrefix : `${options.pathPrefix}/`) : "";
  const seen = new Map<string, number>();
  const issues = report.findings
    .filter((f) => options.showSuppressed === true || !f.suppressed)
    .map((finding) => {
      // GitLab keys issues on the fingerprint: keep them unique even if a fingerprint repeats.
      const count = seen.get(finding.fingerprint) ?? 0;
      seen.set(finding.fingerprint, count + 1);
      return {
        type: "issue",
        check_name: finding.ruleId,
        description: `${finding.ruleName}: ${finding.message}${trustSentence(finding)}`,
        categories: ["Security"],
        fingerprint: count === 0 ? finding.fingerprint : `${finding.fingerprint}#${count}`,
        severity: SEVERITY[finding.severity],
        location: {
          path: prefix + finding.location.file,
          lines: { begin: finding.location.line, end: Math.max(finding.location.line, finding.location.endLine) },
        },
      };
    });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
