import type { ScanReport, Severity } from "../core/types.js";
import { SEVERITIES } from "../core/types.js";
import { visibleFindings } from "./summary.js";

/** `--statistics`: one line per rule with its count, most frequent first (as Ruff's `--statistics`). */
export function renderStatistics(report: ScanReport, showSuppressed: boolean): string {
  const counts = new Map<string, { count: number; name: string; severity: Severity }>();
  for (const f of visibleFindings(report, showSuppressed)) {
    const entry = counts.get(f.ruleId) ?? { count: 0, name: f.ruleName, severity: f.severity };
    entry.count++;
    if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(entry.severity)) entry.severity = f.severity;
    counts.set(f.ruleId, entry);
  }
  const rows = [...counts].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  if (rows.length === 0) return "No findings.\n";
  const width = Math.max(...rows.map(([, e]) => String(e.count).length));
  const idWidth = Math.max(...rows.map(([id]) => id.length));
  return rows.map(([id, e]) => `${String(e.count).padStart(width)}  ${id.padEnd(idWidth)}  ${e.severity.padEnd(8)}  ${e.name}`).join("\n") + "\n";
}
