import {
  SEVERITIES,
  TRUST_LEVELS,
  type Finding,
  type ReportOptions,
  type RuleMeta,
  type ScanError,
  type ScanReport,
} from "../core/types.js";
import { MAX_FRAME_LINE_WIDTH, renderCodeFrame } from "./code-frame.js";
import { summarize, visibleFindings } from "./summary.js";
import { painter, sanitizeForTerminal, SEVERITY_STYLES, type Painter } from "./terminal.js";
import { appendAll } from "../core/arrays.js";

export interface TextReportOptions extends ReportOptions {
  /** The lines of a scanned file (path as in `Location.file`), when the caller can read it; enables context lines. */
  sourceLines?: (file: string) => string[] | undefined;
}

/** Lines of an artifact finding's snippet (opcode listing) shown before the rest are only counted. */
const MAX_ARTIFACT_SNIPPET_LINES = 8;

/** Errors and warnings listed one per line under the summary before the rest are only counted. */
const MAX_LISTED_ERRORS = 20;

/** Human-readable report for a terminal: each finding with its code frame and fix hint, then a summary. */
export function renderText(report: ScanReport, options: TextReportOptions): string {
  const p = painter(options.color);
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const findings = visibleFindings(report, options.showSuppressed);
  const blocks = findings.map((f) => renderFinding(f, rules.get(f.ruleId), options, p).join("\n"));
  blocks.push(renderSummary(report, p).join("\n"));
  return blocks.join("\n\n") + "\n";
}

function renderFinding(finding: Finding, rule: RuleMeta | undefined, options: TextReportOptions, p: Painter): string[] {
  const loc = finding.location;
  const position = `${sanitizeForTerminal(loc.file)}:${loc.line}:${loc.column}`;
  const header = [
    p.paint(position, "bold"),
    p.paint(finding.severity.toUpperCase(), ...SEVERITY_STYLES[finding.severity]),
    p.paint(finding.ruleId, "cyan"),
    sanitizeForTerminal(finding.ruleName),
  ].join("  ");
  const suppression = finding.suppressed
    ? "  " + p.paint(`[suppressed by ${finding.suppressed.kind}: ${oneLine(finding.suppressed.justification)}]`, "dim")
    : "";
  const out = [header + trustMarker(finding, p) + suppression];
  appendAll(out, indentLines(finding.message, "  "));
  if (finding.trustReason) out.push("  " + p.paint(`Trust: ${oneLine(finding.trustReason)}`, "dim"));

  if (isArtifactFinding(finding)) {
    const where = [
      loc.member !== undefined ? `member: ${sanitizeForTerminal(loc.member)}` : undefined,
      loc.offset !== undefined ? `offset: ${loc.offset}` : undefined,
    ].filter((s) => s !== undefined);
    out.push("  " + p.paint(where.join("  "), "dim"));
    const lines = loc.snippet.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "");
    for (const line of lines.slice(0, MAX_ARTIFACT_SNIPPET_LINES)) {
      const clipped = line.length > MAX_FRAME_LINE_WIDTH ? line.slice(0, MAX_FRAME_LINE_WIDTH) + "..." : line;
      out.push(`  ${p.paint("|", "dim")} ${sanitizeForTerminal(clipped)}`);
    }
    if (lines.length > MAX_ARTIFACT_SNIPPET_LINES) {
      out.push(`  ${p.paint("|", "dim")} ${p.paint(`... ${lines.length - MAX_ARTIFACT_SNIPPET_LINES} more lines`, "dim")}`);
    }
  } else {
    const frame = renderCodeFrame(loc, options.sourceLines?.(loc.file), p);
    if (frame.length > 0) out.push("", ...frame.map((l) => "  " + l), "");
  }

  if (finding.sources && finding.sources.length > 1) {
    out.push(`  Sources (${finding.sources.length}; the trace follows the first):`);
    finding.sources.forEach((source, i) => {
      const at = `${sanitizeForTerminal(source.location.file)}:${source.location.line}:${source.location.column}`;
      out.push(`    ${i + 1}. ${p.paint(at, "dim")}  ${oneLine(source.message)}`);
    });
  }
  if (finding.trace && finding.trace.length > 0) {
    out.push("  Trace:");
    finding.trace.forEach((step, i) => {
      const at = `${sanitizeForTerminal(step.location.file)}:${step.location.line}:${step.location.column}`;
      out.push(`    ${i + 1}. ${p.paint(at, "dim")}  ${oneLine(step.message)}`);
    });
  }
  if (rule?.docs.fixHint) out.push("  " + p.paint("Fix:", "bold", "green") + " " + oneLine(rule.docs.fixHint));
  if (finding.fix) out.push("  " + p.paint("Autofix:", "green") + " " + oneLine(finding.fix.description));
  // A trailing blank line left by the frame when nothing follows it.
  while (out[out.length - 1] === "") out.pop();
  return out;
}

function renderSummary(report: ScanReport, p: Painter): string[] {
  const summary = summarize(report);
  const out: string[] = [];
  const scanned = `Scanned ${plural(report.scan.filesScanned, "file")} in ${formatDuration(report.scan.durationMs)}`;
  out.push(`${scanned} with ${plural(report.scan.rulesExecuted.length, "rule")}.`);

  const suppressedNote = summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : "";
  if (summary.total === 0) {
    out.push(p.paint("No findings", "bold", "green") + `${suppressedNote}.`);
  } else {
    const counts = SEVERITIES.map((s) => {
      const text = `${s} ${summary.bySeverity[s]}`;
      return summary.bySeverity[s] > 0 ? p.paint(text, ...SEVERITY_STYLES[s]) : text;
    }).join(", ");
    out.push(`${p.paint(plural(summary.total, "finding"), "bold")} (${counts})${suppressedNote}.`);
  }

  if (summary.byTrust) {
    out.push(`By trust: ${TRUST_LEVELS.map((t) => `${t} ${summary.byTrust![t]}`).join(", ")}.`);
  }
  if (report.trustFilter && report.trustFilter.hidden > 0) {
    const { hidden, minTrust } = report.trustFilter;
    out.push(p.paint(`${plural(hidden, "finding")} below --min-trust ${minTrust} ${hidden === 1 ? "is" : "are"} not shown or counted.`, "dim"));
  }

  if (report.errors.length > 0) {
    const errorCount = report.errors.filter((e) => e.level === "error").length;
    const warningCount = report.errors.length - errorCount;
    out.push(`${plural(warningCount, "warning")}, ${plural(errorCount, "error")}:`);
    for (const error of report.errors.slice(0, MAX_LISTED_ERRORS)) out.push("  " + renderError(error, p));
    if (report.errors.length > MAX_LISTED_ERRORS) {
      out.push(`  ... and ${report.errors.length - MAX_LISTED_ERRORS} more`);
    }
  }
  return out;
}

/** `[untrusted]` (red), `[trust unknown]`, `[internal]` (dim) after the rule name; nothing without a trust property. */
function trustMarker(finding: Finding, p: Painter): string {
  switch (finding.trust) {
    case "untrusted":
      return "  " + p.paint("[untrusted]", "bold", "red");
    case "unknown":
      return "  " + p.paint("[trust unknown]", "dim");
    case "internal":
      return "  " + p.paint("[internal]", "dim");
    default:
      return "";
  }
}

function renderError(error: ScanError, p: Painter): string {
  const level = error.level === "error" ? p.paint("error  ", "red") : p.paint("warning", "yellow");
  let where = sanitizeForTerminal(error.file);
  if (error.line !== undefined) where += `:${error.line}` + (error.column !== undefined ? `:${error.column}` : "");
  return `${level}  ${where}  ${error.kind}: ${oneLine(error.message)}`;
}

function isArtifactFinding(finding: Finding): boolean {
  return finding.location.member !== undefined || finding.location.offset !== undefined;
}

function indentLines(text: string, indent: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => (indent + sanitizeForTerminal(line)).trimEnd());
}

function oneLine(text: string): string {
  return sanitizeForTerminal(text.replace(/\s*(\r\n|\r|\n)\s*/g, " ").trim());
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "an unknown time";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const totalSeconds = Math.round(ms / 1000);
  return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, "0")} s`;
}
