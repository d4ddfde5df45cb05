import type { Finding, Location, ReportOptions, ScanError, ScanReport, TextEdit } from "../core/types.js";
import { summarize, visibleFindings } from "./summary.js";

// The JSON output is a public, documented contract (snake_case keys). These interfaces spell it out;
// key order in the output follows the order in which objects are built below.

export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  snippet: string;
  member?: string;
  offset?: number;
}

export interface JsonResult {
  rule_id: string;
  rule_name: string;
  message: string;
  severity: string;
  confidence: string;
  location: JsonLocation;
  cwe: string[];
  owasp: string[];
  fingerprint: string;
  suppressed?: { kind: string; justification: string };
  fix?: { description: string; edits: JsonEdit[] };
  trace?: { location: JsonLocation; message: string }[];
  /** Every source that reaches the sink, when more than one does; the first is the one `trace` follows. */
  sources?: { location: JsonLocation; message: string; trace: { location: JsonLocation; message: string }[] }[];
  /** How the sink's name was resolved across modules (re-exports, aliases, class attributes). */
  related_locations?: { location: JsonLocation; message: string }[];
  /** Deserializer pattern rules: `untrusted` (with `trace`), `unknown` or `internal`; see the README. */
  trust?: string;
  trust_reason?: string;
}

export interface JsonEdit {
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  new_text: string;
}

export interface JsonError {
  file: string;
  kind: string;
  level: string;
  message: string;
  line?: number;
  column?: number;
}

export interface JsonReport {
  tool: { name: string; version: string };
  scan: { target: string; timestamp: string; duration_ms: number; rules_executed: string[]; files_scanned: number };
  results: JsonResult[];
  summary: {
    total: number;
    by_severity: { critical: number; high: number; medium: number; low: number };
    suppressed: number;
    /** Present when a reported finding carries a trust property. */
    by_trust?: { untrusted: number; unknown: number; internal: number };
    /** Present with `--min-trust`: findings left out of `results` and of every count. */
    hidden_by_trust?: number;
  };
  errors: JsonError[];
}

export function toJsonReport(report: ScanReport, options: ReportOptions): JsonReport {
  const summary = summarize(report);
  return {
    tool: { name: report.tool.name, version: report.tool.version },
    scan: {
      target: report.scan.target,
      timestamp: report.scan.timestamp,
      duration_ms: report.scan.durationMs,
      rules_executed: [...report.scan.rulesExecuted],
      files_scanned: report.scan.filesScanned,
    },
    results: visibleFindings(report, options.showSuppressed).map(toJsonResult),
    summary: {
      total: summary.total,
      by_severity: {
        critical: summary.bySeverity.critical,
        high: summary.bySeverity.high,
        medium: summary.bySeverity.medium,
        low: summary.bySeverity.low,
      },
      suppressed: summary.suppressed,
      ...(summary.byTrust ? { by_trust: { ...summary.byTrust } } : {}),
      ...(summary.hiddenByTrust !== undefined ? { hidden_by_trust: summary.hiddenByTrust } : {}),
    },
    errors: report.errors.map(toJsonError),
  };
}

/** Machine-readable report: pretty-printed with two spaces and a trailing newline. */
export function renderJson(report: ScanReport, options: ReportOptions): string {
  return JSON.stringify(toJsonReport(report, options), null, 2) + "\n";
}

function toJsonResult(finding: Finding): JsonResult {
  const result: JsonResult = {
    rule_id: finding.ruleId,
    rule_name: finding.ruleName,
    message: finding.message,
    severity: finding.severity,
    confidence: finding.confidence,
    location: toJsonLocation(finding.location),
    cwe: [...finding.cwe],
    owasp: [...finding.owasp],
    fingerprint: finding.fingerprint,
  };
  if (finding.suppressed) {
    result.suppressed = { kind: finding.suppressed.kind, justification: finding.suppressed.justification };
  }
  if (finding.fix) result.fix = { description: finding.fix.description, edits: finding.fix.edits.map(toJsonEdit) };
  if (finding.trace) {
    result.trace = finding.trace.map((step) => ({ location: toJsonLocation(step.location), message: step.message }));
  }
  if (finding.sources) {
    result.sources = finding.sources.map((s) => ({
      location: toJsonLocation(s.location),
      message: s.message,
      trace: s.trace.map((step) => ({ location: toJsonLocation(step.location), message: step.message })),
    }));
  }
  if (finding.relatedLocations) {
    result.related_locations = finding.relatedLocations.map((step) => ({ location: toJsonLocation(step.location), message: step.message }));
  }
  if (finding.trust) result.trust = finding.trust;
  if (finding.trustReason) result.trust_reason = finding.trustReason;
  return result;
}

function toJsonLocation(loc: Location): JsonLocation {
  const out: JsonLocation = {
    file: loc.file,
    line: loc.line,
    column: loc.column,
    end_line: loc.endLine,
    end_column: loc.endColumn,
    snippet: loc.snippet,
  };
  if (loc.member !== undefined) out.member = loc.member;
  if (loc.offset !== undefined) out.offset = loc.offset;
  return out;
}

function toJsonEdit(edit: TextEdit): JsonEdit {
  return { line: edit.line, column: edit.column, end_line: edit.endLine, end_column: edit.endColumn, new_text: edit.newText };
}

function toJsonError(error: ScanError): JsonError {
  const out: JsonError = { file: error.file, kind: error.kind, level: error.level, message: error.message };
  if (error.line !== undefined) out.line = error.line;
  if (error.column !== undefined) out.column = error.column;
  return out;
}
