// Findings as Language Server Protocol values: diagnostics, quick fixes and hovers. Browser-safe (the web
// extension's worker runs the same code).
import {
  CodeActionKind,
  DiagnosticSeverity,
  MarkupKind,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Range,
  type TextEdit as LspTextEdit,
} from "vscode-languageserver-types";
import type { Finding, Region, RuleMeta, Severity, TextEdit, Trust } from "../core/types.js";
import { ruleHelpMarkdown } from "../report/rule-help.js";

export const DIAGNOSTIC_SOURCE = "pathfinder";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  critical: DiagnosticSeverity.Error,
  high: DiagnosticSeverity.Error,
  medium: DiagnosticSeverity.Warning,
  low: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to the server in code-action requests. */
export interface DiagnosticData {
  fingerprint: string;
  /** The finding's trust (see `Trust`), when its rule judges one. */
  trust?: Trust;
}

/** Our regions are 1-based with an exclusive end column in UTF-16 code units; LSP positions are 0-based. */
export function toRange(r: Region): Range {
  return { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } };
}

export interface DiagnosticContext {
  /** URI of a finding's file (findings hold paths relative to the project root). */
  uriOf(file: string): string;
  /** The rule's documentation page, when the tool has a home page. */
  ruleUrl(ruleId: string): string | undefined;
}

export function toDiagnostic(f: Finding, context: DiagnosticContext): Diagnostic {
  const href = context.ruleUrl(f.ruleId);
  const diagnostic: Diagnostic = {
    range: f.location.offset !== undefined ? startOfFile() : toRange(f.location),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: f.trust ? `${f.message} [${f.trust === "unknown" ? "trust unknown" : f.trust}]` : f.message,
    data: { fingerprint: f.fingerprint, ...(f.trust ? { trust: f.trust } : {}) } satisfies DiagnosticData,
  };
  if (f.trace?.length) {
    diagnostic.relatedInformation = f.trace.map((step) => ({
      location: { uri: context.uriOf(step.location.file), range: toRange(step.location) },
      message: step.message,
    }));
  }
  return diagnostic;
}

export function startOfFile(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export function toTextEdit(e: TextEdit): LspTextEdit {
  return { range: toRange(e), newText: e.newText };
}

/** The `--fix` edit of a finding as a quick fix, preferred (it is what the rule recommends). */
export function fixAction(f: Finding, uri: string, diagnostic: Diagnostic): CodeAction | undefined {
  if (!f.fix?.edits.length || f.suppressed) return undefined;
  return {
    title: `${f.fix.description} (${f.ruleId})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [uri]: f.fix.edits.map(toTextEdit) } },
  };
}

const SUPPRESSION = /(#.*?pathfinder\s*:\s*ignore\s*\[)([^\]]*)\]/i;

/**
 * "Suppress on this line": adds the rule to a `# pathfinder: ignore[...]` comment already on the finding's line,
 * or appends one. The comment goes on the last line of the finding (after the closing bracket of a multi-line
 * call) unless that line continues with a backslash, where a comment would end the statement.
 */
export function suppressAction(f: Finding, uri: string, lines: readonly string[], diagnostic: Diagnostic): CodeAction | undefined {
  const candidates = [f.location.endLine, f.location.line].map((n) => n - 1).filter((i) => i >= 0 && i < lines.length);
  const index = candidates.find((i) => !/\\\s*$/.test(lines[i]!));
  if (index === undefined) return undefined;
  const line = lines[index]!;
  const existing = SUPPRESSION.exec(line);
  let edit: LspTextEdit;
  if (existing) {
    const listStart = existing.index + existing[1]!.length;
    const listEnd = listStart + existing[2]!.length;
    const ids = existing[2]!.split(",").map((s) => s.trim()).filter(Boolean);
    edit = { range: { start: { line: index, character: listStart }, end: { line: index, character: listEnd } }, newText: [...ids, f.ruleId].join(", ") };
  } else {
    const end = line.replace(/\s+$/, "").length;
    edit = { range: { start: { line: index, character: end }, end: { line: index, character: line.length } }, newText: `  # pathfinder: ignore[${f.ruleId}]` };
  }
  return {
    title: `Suppress ${f.ruleId} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [edit] } },
  };
}

/** Hover text for the findings under the cursor: the message, then the rule's documentation. */
export function findingHover(findings: readonly Finding[], rules: (id: string) => RuleMeta | undefined, ruleUrl: (id: string) => string | undefined): Hover | undefined {
  if (!findings.length) return undefined;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const f of findings) {
    const title = `**${f.ruleId}** · ${f.ruleName} · ${f.severity}`;
    parts.push(`${title}\n\n${escapeMarkdown(f.message)}`);
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const rule = rules(f.ruleId);
    const url = ruleUrl(f.ruleId);
    if (rule) parts.push(ruleHelpMarkdown(rule));
    if (url) parts.push(`[Rule page](${url})`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join("\n\n---\n\n") }, range: toRange(findings[0]!.location) };
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_[\]<>])/g, "\\$1");
}

/** Whether an LSP position lies inside a finding's region (end inclusive, so the cursor just after counts). */
export function contains(f: Finding, line: number, character: number): boolean {
  const r = toRange(f.location);
  const afterStart = line > r.start.line || (line === r.start.line && character >= r.start.character);
  const beforeEnd = line < r.end.line || (line === r.end.line && character <= r.end.character);
  return afterStart && beforeEnd;
}

export function overlaps(f: Finding, range: Range): boolean {
  const r = toRange(f.location);
  const before = r.end.line < range.start.line || (r.end.line === range.start.line && r.end.character < range.start.character);
  const after = r.start.line > range.end.line || (r.start.line === range.end.line && r.start.character > range.end.character);
  return !before && !after;
}
