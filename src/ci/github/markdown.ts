// Markdown bodies for the pull request: the summary comment and the inline review comments.
// Each carries a hidden HTML marker so that later runs find and update it instead of posting again.
import { SEVERITIES, TRUST_LEVELS, type Finding, type RuleMeta, type Severity, type Trust } from "../../core/types.js";
import { countByTrust } from "../../core/trust.js";
import { defaultDocsBase, ruleDocsUrl as docsPageUrl } from "../../report/rule-docs-url.js";
import { fixMarkdown, implicationsOf } from "../../core/rule-docs.js";

export const SUMMARY_MARKER = "<!-- pathfinder:summary -->";
const FINDING_MARKER = /<!-- pathfinder:finding:([A-Za-z0-9._:+/=-]+) -->/;
/** GitHub rejects comment bodies over 65536 characters. */
const MAX_BODY = 60000;
const MAX_TABLE_ROWS = 50;

export function findingMarker(fingerprint: string): string {
  return `<!-- pathfinder:finding:${fingerprint.replace(/[^A-Za-z0-9._:+/=-]/g, "_")} -->`;
}

/** The fingerprint marker a comment body carries, if any. */
export function markerIn(body: string | null | undefined): string | undefined {
  const match = FINDING_MARKER.exec(body ?? "");
  return match ? findingMarker(match[1]!) : undefined;
}

const SEVERITY_ICON: Record<Severity, string> = { critical: "🔴", high: "🟠", medium: "🟡", low: "🔵" };

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Escapes scanned text (file names, messages that quote a model file's pickle arguments) for a table cell or an
 * inline position, so it renders as the literal text: no line breaks, no HTML, no links or images (`[x](url)`,
 * autolinked URLs), no emphasis or headings, no pipes that split a table, and no @mentions or #references that
 * would notify people or cross-link issues.
 */
export function cell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#+!|~]/g, (ch) => `\\${ch}`)
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):\/\//g, "$1:/\u200b/")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`)
    .replace(/@/g, "@\u200b");
}

function code(text: string): string {
  const clean = text.replace(/\r?\n/g, " ");
  return clean.includes("`") ? `<code>${cell(clean)}</code>` : `\`${clean}\``;
}

export function severityCounts(findings: readonly Finding[]): string {
  const parts: string[] = [];
  for (const severity of SEVERITIES) {
    const count = findings.filter((f) => f.severity === severity).length;
    if (count > 0) parts.push(`${count} ${severity}`);
  }
  return parts.join(", ");
}

/** Steps of a data-flow trace listed in an inline comment. */
const MAX_TRACE_STEPS = 12;

/** "untrusted 1, unknown 2, internal 0" over the findings that carry a trust property. */
function trustCounts(findings: readonly Finding[]): string {
  const counts = countByTrust(findings);
  return TRUST_LEVELS.map((t) => `${t} ${counts[t]}`).join(", ");
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The rule's page in the repository's docs/rules/, or undefined when the tool has no home page to link to. */
export function ruleDocsUrl(informationUri: string | undefined, ruleId: string): string | undefined {
  return docsPageUrl(defaultDocsBase(informationUri), ruleId);
}

function ruleLink(informationUri: string | undefined, ruleId: string): string {
  const url = ruleDocsUrl(informationUri, ruleId);
  return url ? `[${cell(ruleId)}](${url})` : code(ruleId);
}

export function cweUrl(cwe: string): string | undefined {
  const number = /^CWE-(\d+)$/i.exec(cwe)?.[1];
  return number ? `https://cwe.mitre.org/data/definitions/${number}.html` : undefined;
}

/** Web link to a line of a file at a commit: `<server>/<owner>/<repo>/blob/<sha>/<path>#L<line>`. */
export function blobUrl(serverUrl: string, repository: string, sha: string, path: string, line: number): string {
  // Also encodes ( ) ! ' *, which encodeURIComponent keeps: a ")" would end the Markdown link destination.
  const encoded = path
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
  return `${serverUrl.replace(/\/+$/, "")}/${repository}/blob/${sha}/${encoded}#L${line}`;
}

function truncate(body: string): string {
  if (body.length <= MAX_BODY) return body;
  return `${body.slice(0, MAX_BODY)}\n\n… (truncated: the full list is in the SARIF report)\n`;
}

export interface SummaryInput {
  tool: { name: string; version: string; informationUri: string };
  /** New findings (introduced by the change), unsuppressed. */
  introduced: readonly Finding[];
  /** Findings the scan found outside the changed lines. */
  preexisting: readonly Finding[];
  /** New findings that could not be placed as inline comments (line not in the pull request diff). */
  notInline: readonly Finding[];
  /** Findings suppressed by the baseline file. */
  baselined: number;
  /** Describes what was compared, e.g. "lines changed since `origin/main`"; absent for a full scan. */
  scopeNote?: string;
  /** Web link to a finding's line at the head commit. */
  linkTo: (finding: Finding) => string;
  /** Repository-relative path shown for a finding. */
  pathOf: (finding: Finding) => string;
  /** Findings `--min-trust` left out of the comment. */
  hiddenByTrust?: { minTrust: Trust; count: number };
}

function findingRow(finding: Finding, input: SummaryInput): string {
  const path = input.pathOf(finding);
  const label = `${path}:${finding.location.line}`;
  return (
    `| ${SEVERITY_ICON[finding.severity]} ${capitalize(finding.severity)} ` +
    `| ${ruleLink(input.tool.informationUri, finding.ruleId)} ${cell(finding.ruleName)}${finding.trust ? ` (${finding.trust === "untrusted" ? "**untrusted**" : finding.trust})` : ""} ` +
    `| [${cell(label)}](${input.linkTo(finding)}) |`
  );
}

function findingTable(findings: readonly Finding[], input: SummaryInput): string[] {
  const rows = findings.slice(0, MAX_TABLE_ROWS).map((f) => findingRow(f, input));
  const out = ["| Severity | Rule | Location |", "| --- | --- | --- |", ...rows];
  if (findings.length > MAX_TABLE_ROWS) out.push("", `… and ${findings.length - MAX_TABLE_ROWS} more in the SARIF report.`);
  return out;
}

export function renderSummary(input: SummaryInput): string {
  const out: string[] = [SUMMARY_MARKER, `## 🔎 ${input.tool.name} security scan`, ""];
  const scope = input.scopeNote ?? "the whole project";
  if (input.introduced.length === 0) {
    out.push(`✅ **No new findings** on ${scope}.`);
  } else {
    out.push(
      `❌ **${plural(input.introduced.length, "new finding")}** on ${scope}: ${severityCounts(input.introduced)}.`,
      "",
      ...findingTable(input.introduced, input),
    );
    if (input.introduced.some((f) => f.trust)) out.push("", `By trust of the data: ${trustCounts(input.introduced)}.`);
  }
  if (input.notInline.length > 0) {
    out.push(
      "",
      `### Not shown inline`,
      "",
      `${plural(input.notInline.length, "finding")} could not be attached to a line of this pull request's diff:`,
      "",
      ...input.notInline.slice(0, MAX_TABLE_ROWS).map((f) => `- [${cell(input.pathOf(f))}:${f.location.line}](${input.linkTo(f)}) ${cell(f.ruleId)}: ${cell(f.message)}`),
    );
  }
  if (input.preexisting.length > 0) {
    out.push(
      "",
      `<details><summary>${plural(input.preexisting.length, "finding")} already present outside the changed lines (${severityCounts(input.preexisting)})</summary>`,
      "",
      ...findingTable(input.preexisting, input),
      "",
      "</details>",
    );
  }
  if (input.baselined > 0) out.push("", `${plural(input.baselined, "finding")} suppressed by the baseline.`);
  if (input.hiddenByTrust?.count) out.push("", `${plural(input.hiddenByTrust.count, "finding")} below \`--min-trust ${input.hiddenByTrust.minTrust}\` not listed.`);
  out.push("", `<sub>${cell(input.tool.name)} ${cell(input.tool.version)} · updated on every run</sub>`, "");
  return truncate(out.join("\n"));
}

/**
 * The body of one inline comment, short: what was found, a ```suggestion``` block when the finding has an automatic
 * fix on its line, then why, how to fix, classifications and the rule's documentation collapsed under "Details".
 * The message can quote scanned content (a model file's pickle arguments), so it is escaped like a table cell.
 */
export function renderInlineComment(finding: Finding, rule: RuleMeta | undefined, informationUri: string | undefined): string {
  const out = [
    findingMarker(finding.fingerprint),
    `**${SEVERITY_ICON[finding.severity]} ${capitalize(finding.severity)}: ${cell(finding.ruleName)}** (${code(finding.ruleId)})`,
    "",
    cell(finding.message),
  ];
  if (finding.trust) out.push("", `**Trust:** ${finding.trust}${finding.trustReason ? ` (${cell(finding.trustReason)})` : ""}`);
  if (finding.trace?.length) {
    out.push("", "**Data flow:**", "", ...finding.trace.slice(0, MAX_TRACE_STEPS).map((s, i) => `${i + 1}. \`${cell(`${s.location.file}:${s.location.line}`)}\` ${cell(s.message)}`));
    if (finding.trace.length > MAX_TRACE_STEPS) out.push(`… and ${finding.trace.length - MAX_TRACE_STEPS} more steps in the SARIF report.`);
  }
  const suggestion = suggestedLine(finding);
  if (suggestion !== undefined) {
    out.push("", `Suggested fix (${cell(finding.fix!.description)}):`, "", suggestionBlock(suggestion));
  }
  const details: string[] = [];
  const why = (rule && implicationsOf(rule.docs).summary) || rule?.docs.description;
  if (why) details.push(`**Why this is dangerous:** ${why}`);
  const fix = (rule && fixMarkdown(rule.docs)) || rule?.docs.fixHint;
  if (fix) details.push(`**How to fix:** ${fix}`);
  const tags = [
    ...finding.cwe.map((c) => {
      const url = cweUrl(c);
      return url ? `[${cell(c)}](${url})` : cell(c);
    }),
    ...finding.owasp.map((o) => `OWASP ${cell(o)}`),
  ];
  const docs = ruleDocsUrl(informationUri, finding.ruleId);
  if (docs) tags.push(`[Rule documentation](${docs})`);
  if (tags.length) details.push(tags.join(" · "));
  if (details.length) out.push("", "<details><summary>Details</summary>", "", details.join("\n\n"), "", "</details>");
  out.push("");
  return truncate(out.join("\n"));
}

/**
 * The finding's line with its automatic fix applied, when the finding and every edit sit on that one line and the
 * snippet is that line; GitHub then offers the change as a one-click suggestion on the commented line.
 */
function suggestedLine(finding: Finding): string | undefined {
  const loc = finding.location;
  const edits = finding.fix?.edits ?? [];
  if (edits.length === 0 || loc.line !== loc.endLine || loc.member !== undefined || loc.offset !== undefined) return undefined;
  if (loc.snippet.includes("\n") || loc.snippet === "") return undefined;
  if (!edits.every((e) => e.line === loc.line && e.endLine === loc.line && e.column >= 1 && e.endColumn >= e.column)) return undefined;
  let line = loc.snippet;
  for (const edit of [...edits].sort((a, b) => b.column - a.column)) {
    if (edit.endColumn - 1 > line.length) return undefined;
    line = line.slice(0, edit.column - 1) + edit.newText + line.slice(edit.endColumn - 1);
  }
  return line.includes("\n") ? undefined : line;
}

/** A ```suggestion fence longer than any backtick run in the line, so the line cannot close it. */
function suggestionBlock(line: string): string {
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}suggestion\n${line}\n${fence}`;
}
