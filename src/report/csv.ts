import type { Finding, ReportOptions, ScanReport } from "../core/types.js";
import { visibleFindings } from "./summary.js";

export const CSV_COLUMNS = [
  "rule_id",
  "rule_name",
  "severity",
  "confidence",
  "file",
  "line",
  "column",
  "end_line",
  "end_column",
  "message",
  "cwe",
  "owasp",
  "fingerprint",
  "trust",
] as const;

/**
 * One row per finding, RFC 4180 quoting, LF line endings. Multi-valued cells (CWE, OWASP) are joined
 * with ";". With `showSuppressed` a trailing `suppressed` column (the suppression kind, or empty) is
 * added so suppressed rows can be told apart; the default output has exactly `CSV_COLUMNS`.
 */
export function renderCsv(report: ScanReport, options: ReportOptions): string {
  const header: string[] = [...CSV_COLUMNS];
  if (options.showSuppressed) header.push("suppressed");
  const rows = [header.map(csvCell).join(",")];
  for (const finding of visibleFindings(report, options.showSuppressed)) {
    const cells = rowFor(finding);
    if (options.showSuppressed) cells.push(finding.suppressed?.kind ?? "");
    rows.push(cells.map(csvCell).join(","));
  }
  return rows.join("\n") + "\n";
}

function rowFor(f: Finding): (string | number)[] {
  const loc = f.location;
  return [
    f.ruleId,
    f.ruleName,
    f.severity,
    f.confidence,
    loc.file,
    loc.line,
    loc.column,
    loc.endLine,
    loc.endColumn,
    f.message,
    f.cwe.join(";"),
    f.owasp.join(";"),
    f.fingerprint,
    f.trust ?? "",
  ];
}

// Spreadsheets evaluate a cell starting with one of these as a formula (OWASP "CSV Injection"), also after
// leading blanks or line breaks, which some of them skip, and in the full-width forms some of them fold to ASCII.
const FORMULA_TRIGGER = /^[\t\r\n]|^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** Neutralises formula triggers with a leading `'`, then quotes per RFC 4180 when needed. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && FORMULA_TRIGGER.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
