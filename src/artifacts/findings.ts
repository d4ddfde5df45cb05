// From what the policy said about each pickle to findings: one per rule, global and member (up to a few members
// per kind; further members are counted), each with the opcodes behind it. Browser-safe.
import { stableHash } from "../core/hash.js";
import type { Finding } from "../core/types.js";
import type { PickleAnalysis } from "./pickle/index.js";
import { ruleForIssue } from "./rules.js";
import type { PickleIssue } from "./types.js";

export interface IssueRecord {
  issue: PickleIssue;
  member?: string;
  baseOffset: number;
  /** The analysis the issue came from and where its offsets start, for the opcode listing. */
  from?: { analysis: PickleAnalysis; base: number };
}

/** Members listed separately for one kind of finding in one file; the rest are counted in the first finding. */
const MEMBERS_LISTED_PER_KIND = 10;
const MAX_LISTING_LINES = 8;

export function issuesToFindings(relPath: string, issues: readonly IssueRecord[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const byKind = new Map<string, { finding: Finding; listed: number; members: number }>();
  for (const { issue, member, baseOffset, from } of issues) {
    const rule = ruleForIssue(issue);
    const fingerprint = stableHash([rule.id, relPath, member ?? "", issue.global ?? issue.message].join("\u0000"));
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    const kind = `${rule.id}\u0000${issue.severity}\u0000${issue.global ?? issue.message.replace(/\d+/g, "#")}`;
    const earlier = byKind.get(kind);
    if (earlier !== undefined && member !== undefined && earlier.listed >= MEMBERS_LISTED_PER_KIND) {
      earlier.members++;
      continue;
    }
    const offset = issue.offset ?? baseOffset;
    findings.push({
      ruleId: rule.id,
      ruleName: rule.name,
      message: member ? `${issue.message} (in ${member})` : issue.message,
      severity: issue.severity,
      confidence: rule.confidence,
      location: {
        file: relPath,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        snippet: opcodeListing(issue, offset, from),
        ...(member !== undefined ? { member } : {}),
        offset,
      },
      cwe: rule.cwe,
      owasp: rule.owasp,
      fingerprint,
    });
    if (member !== undefined) {
      if (earlier) earlier.listed++;
      else byKind.set(kind, { finding: findings[findings.length - 1]!, listed: 1, members: 0 });
    }
  }
  for (const { finding, members } of byKind.values()) {
    if (members > 0) finding.message += ` (and in ${members} more member${members === 1 ? "" : "s"})`;
  }
  return findings;
}

/** The opcodes behind an issue: where its global is imported and called, with offsets in the member. */
function opcodeListing(issue: PickleIssue, offset: number, from: IssueRecord["from"]): string {
  const lines: string[] = [];
  if (from && issue.global) {
    const { analysis, base } = from;
    const rows: [number, string][] = [
      ...analysis.imports.filter((i) => i.normalized === issue.global).map((i): [number, string] => [i.offset, `${i.opcode} ${i.normalized}`]),
      ...analysis.calls.filter((c) => c.callee === issue.global).map((c): [number, string] => [c.offset, `${c.opcode} ${c.callee}(${c.args})`]),
    ];
    rows.sort((a, b) => a[0] - b[0]);
    for (const [at, text] of rows.slice(0, MAX_LISTING_LINES)) lines.push(`@${base + at}  ${text}`);
  }
  if (lines.length === 0) lines.push(`@${offset}  ${issue.global ?? issue.kind}`);
  return lines.join("\n");
}
