import { trustSentence } from "../core/trust.js";
// GitLab SAST report (security-report-schemas 15.0.6), for `artifacts:reports:sast`.
// Pure: no node:* imports, deterministic for a given report.
import type { Finding, RuleMeta, ScanReport, Severity } from "../core/types.js";
import { defaultDocsBase, ruleDocsUrl } from "./rule-docs-url.js";
import { fixMarkdown, implicationsMarkdown } from "../core/rule-docs.js";

export const GITLAB_SAST_SCHEMA_VERSION = "15.0.6";
const SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SAST_SCHEMA_VERSION}/dist/sast-report-format.json`;

export interface GitLabSastOptions {
  /** Prepended to finding paths so they are relative to the repository root (e.g. `services/api/`). */
  pathPrefix?: string;
  /** Include findings that carry a suppression (as GitLab has no suppression state, default false). */
  showSuppressed?: boolean;
  /** Base URL of the rule pages (default: docs/rules/ on the project's home page). */
  docsBase?: string;
}

const SEVERITY: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };

/** GitLab's timestamps: UTC, seconds precision, no zone suffix. */
function gitlabTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** 32-bit FNV-1a over UTF-16 code units, seeded so that four runs give 128 independent-looking bits. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A stable UUID-shaped id (version nibble 5, RFC 4122 variant) derived from the finding's fingerprint. */
export function vulnerabilityId(fingerprint: string): string {
  const hex = [0, 1, 2, 3].map((seed) => fnv1a(fingerprint, seed * 0x9e3779b9).toString(16).padStart(8, "0")).join("");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function withPrefix(prefix: string | undefined, file: string): string {
  if (!prefix) return file;
  return `${prefix.endsWith("/") ? prefix : `${prefix}/`}${file}`;
}

function identifiers(finding: Finding, informationUri: string | undefined, docsBase: string | undefined) {
  const primary: { type: string; name: string; value: string; url?: string } = {
    type: "pathfinder_rule_id",
    name: `${finding.ruleId} ${finding.ruleName}`.slice(0, 255),
    value: finding.ruleId,
  };
  // The rule's page (docs/rules/<ID>.md); the schema only accepts absolute http(s) URLs, so a tool without a home
  // page or docs base gets no link.
  const url = ruleDocsUrl(docsBase ?? defaultDocsBase(informationUri), finding.ruleId);
  if (url) primary.url = url;
  const ids = [primary];
  for (const cwe of finding.cwe) {
    const number = /^CWE-(\d+)$/i.exec(cwe)?.[1];
    if (number) ids.push({ type: "cwe", name: cwe, value: number, url: `https://cwe.mitre.org/data/definitions/${number}.html` });
  }
  for (const owasp of finding.owasp) ids.push({ type: "owasp", name: `OWASP ${owasp}`, value: owasp });
  return ids;
}

function description(finding: Finding, rule: RuleMeta | undefined): string {
  const parts = [finding.message + trustSentence(finding)];
  if (rule?.docs.description) parts.push(rule.docs.description);
  if (rule) parts.push(implicationsMarkdown(rule.docs));
  return parts.join("\n\n").slice(0, 1048576);
}

export function renderGitLabSast(report: ScanReport, options: GitLabSastOptions = {}): string {
  const rules = new Map(report.rules.map((rule) => [rule.id, rule]));
  const start = new Date(report.scan.timestamp);
  const end = new Date(start.getTime() + Math.max(0, report.scan.durationMs));
  const tool: Record<string, unknown> = {
    id: report.tool.name.toLowerCase().replace(/[^a-z0-9-]+/g, "-") || "pathfinder",
    name: report.tool.name,
    vendor: { name: report.tool.name },
    version: report.tool.version || "0.0.0",
  };
  if (report.tool.informationUri && /^https?:\/\/.+/.test(report.tool.informationUri)) tool.url = report.tool.informationUri;
  const findings = report.findings.filter((f) => options.showSuppressed === true || !f.suppressed);
  const seenIds = new Set<string>();
  const vulnerabilities = findings.map((finding) => {
    const rule = rules.get(finding.ruleId);
    let id = vulnerabilityId(finding.fingerprint);
    for (let n = 1; seenIds.has(id); n++) id = vulnerabilityId(`${finding.fingerprint}#${n}`);
    seenIds.add(id);
    const vulnerability: Record<string, unknown> = {
      id,
      category: "sast",
      name: finding.ruleName.slice(0, 255),
      message: finding.message,
      description: description(finding, rule),
      severity: SEVERITY[finding.severity],
      confidence: finding.confidence.charAt(0).toUpperCase() + finding.confidence.slice(1),
      identifiers: identifiers(finding, report.tool.informationUri, options.docsBase),
      location: {
        file: withPrefix(options.pathPrefix, finding.location.file),
        start_line: finding.location.line,
        end_line: Math.max(finding.location.line, finding.location.endLine),
      },
    };
    const solution = (rule && fixMarkdown(rule.docs)) || rule?.docs.fixHint;
    if (solution) vulnerability.solution = solution.slice(0, 7000);
    const links = (rule?.docs.references ?? []).filter((ref) => /^(https?|ftp):\/\/.+/.test(ref.url));
    if (links.length > 0) vulnerability.links = links.map((ref) => ({ name: ref.title, url: ref.url }));
    if (finding.location.snippet) vulnerability.raw_source_code_extract = finding.location.snippet;
    return vulnerability;
  });
  const messages = report.errors
    .filter((error) => error.message.length > 0)
    // Every scan error is a partial failure the scan recovered from: GitLab calls that "warn".
    .map((error) => ({ level: "warn", value: `${error.file}: ${error.message}` }));
  const sast = {
    version: GITLAB_SAST_SCHEMA_VERSION,
    schema: SCHEMA_URL,
    scan: {
      analyzer: tool,
      scanner: tool,
      type: "sast",
      start_time: gitlabTime(start),
      end_time: gitlabTime(end),
      status: "success",
      ...(messages.length > 0 ? { messages } : {}),
    },
    vulnerabilities,
  };
  return `${JSON.stringify(sast, null, 2)}\n`;
}
