import { trustSentence } from "../core/trust.js";
import type { Finding, ScanReport } from "../core/types.js";
import { visibleFindings } from "./summary.js";

export interface JunitOptions {
  showSuppressed: boolean;
  /** Prepended to file paths so that CI test viewers resolve them from the repository root. */
  pathPrefix?: string;
}

/**
 * JUnit XML as CI test viewers read it (Jenkins, GitLab, Azure DevOps, the many GitHub report actions): one test
 * suite per rule that ran, one failing test case per finding, and one passing case for a rule with no finding, so
 * a clean scan shows as passed tests rather than as nothing.
 */
export function renderJunit(report: ScanReport, options: JunitOptions): string {
  const prefix = options.pathPrefix ? (options.pathPrefix.endsWith("/") ? options.pathPrefix : `${options.pathPrefix}/`) : "";
  const findings = visibleFindings(report, options.showSuppressed);
  const byRule = new Map<string, Finding[]>();
  for (const rule of report.rules) byRule.set(rule.id, []);
  for (const f of findings) {
    if (!byRule.has(f.ruleId)) byRule.set(f.ruleId, []);
    byRule.get(f.ruleId)!.push(f);
  }
  const names = new Map(report.rules.map((r) => [r.id, r.name]));
  const seconds = (Math.max(0, report.scan.durationMs || 0) / 1000).toFixed(3);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [ruleId, list] of byRule) {
    const cases = list.map((f) => testCase(f, prefix));
    if (cases.length === 0) cases.push(`    <testcase classname="${attr(ruleId)}" name="${attr(names.get(ruleId) ?? ruleId)}"/>`);
    const failed = list.filter((f) => !f.suppressed).length;
    const skipped = list.length - failed;
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${attr(ruleId)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}">\n` +
        `${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${attr(report.tool.name)}" tests="${tests}" failures="${failures}" errors="0" time="${seconds}">\n` +
    (suites.length ? `${suites.join("\n")}\n` : "") +
    `</testsuites>\n`
  );
}

function testCase(f: Finding, prefix: string): string {
  const file = prefix + f.location.file;
  const where = `${file}:${f.location.line}:${f.location.column}`;
  const open = `    <testcase classname="${attr(f.ruleId)}" name="${attr(where)}" file="${attr(file)}" line="${f.location.line}">`;
  if (f.suppressed) return `${open}\n      <skipped message="${attr(`suppressed (${f.suppressed.kind}): ${f.suppressed.justification}`)}"/>\n    </testcase>`;
  const body = [`${f.severity.toUpperCase()} ${f.ruleId} ${f.ruleName}`, where, f.message + trustSentence(f), f.location.snippet].filter(Boolean).join("\n");
  return (
    `${open}\n      <failure message="${attr(f.message)}" type="${attr(f.severity)}">${text(body)}</failure>\n    </testcase>`
  );
}

/** XML 1.0 cannot carry most control characters even escaped; they become U+FFFD. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

function text(s: string): string {
  return clean(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
