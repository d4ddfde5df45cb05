import type { Finding, Location, Region, RuleMeta, ScanError, ScanReport, Severity, SuppressionKind } from "../core/types.js";
import { ruleHelpMarkdown, ruleHelpText } from "./rule-help.js";
import { defaultDocsBase, ruleDocsUrl } from "./rule-docs-url.js";
import { relativeFileUri } from "./uri.js";

// SARIF 2.1.0 (OASIS). Only the parts Pathfinder emits are typed here; the official schema is
// vendored under test/schemas and every shape below is validated against it in the tests.

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
export const SARIF_TOOL_NAME = "Pathfinder";
/**
 * Base id every result URI is relative to: the repository root (GitHub code scanning resolves URIs against the
 * checkout and ignores `originalUriBaseIds`, which we never write: it would put a local absolute path in the report).
 */
export const SRCROOT = "%SRCROOT%";
/** Our own stable fingerprint, alongside GitHub's `primaryLocationLineHash` key. */
export const PATHFINDER_FINGERPRINT_KEY = "pathfinderFingerprint/v1";

export type SarifLevel = "error" | "warning" | "note";

export const SARIF_LEVEL: Record<Severity, SarifLevel> = { critical: "error", high: "error", medium: "warning", low: "note" };

/** GitHub code scanning reads this to rank alerts (>= 9.0 critical, >= 7.0 high, >= 4.0 medium, else low). */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.0", high: "7.0", medium: "5.0", low: "3.0" };

type Json = Record<string, unknown>;

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: Json[];
}

export interface SarifOptions {
  /**
   * Where the scan target sits inside the repository (`services/ml/`, "" at the top): every URI is written
   * relative to the repository root, because that is what code scanning resolves them against.
   */
  pathPrefix?: string;
  /**
   * Also write suppressed and baselined findings, marked with `suppressions`. Off by default: GitHub code scanning
   * ignores `suppressions` and would open an alert for each of them.
   */
  includeSuppressed?: boolean;
  /** Base URL of the rule pages (default: docs/rules/ on the project's home page). */
  docsBase?: string;
}

/** The findings as one SARIF run. Suppressed findings are left out unless `includeSuppressed`. */
export function toSarifLog(report: ScanReport, options: SarifOptions = {}): SarifLog {
  const informationUri = isAbsoluteUri(report.tool.informationUri) ? report.tool.informationUri.replace(/\/+$/, "") : undefined;
  const findings = options.includeSuppressed ? report.findings : report.findings.filter((f) => !f.suppressed);
  const docsBase = options.docsBase ?? defaultDocsBase(informationUri);
  const descriptors = ruleDescriptors(report, findings, docsBase);
  const ruleIndex = new Map(descriptors.map((d, i) => [d.id as string, i]));
  const prefix = normalizedPrefix(options.pathPrefix);

  const driver: Json = { name: SARIF_TOOL_NAME, version: report.tool.version };
  if (informationUri) driver.informationUri = informationUri;
  if (SEMVER.test(report.tool.version)) driver.semanticVersion = report.tool.version;
  driver.rules = descriptors;

  const run: Json = {
    tool: { driver },
    invocations: [invocation(report, (file) => artifactLocationOf(prefix + file))],
  };
  const ruleIdOf = (f: Finding) => (ruleIndex.has(sarifRuleId(f)) ? sarifRuleId(f) : f.ruleId);
  run.results = findings.map((f) => result(f, ruleIdOf(f), ruleIndex.get(ruleIdOf(f))!, prefix));
  run.columnKind = "utf16CodeUnits";
  if (report.trustFilter) run.properties = { minTrust: report.trustFilter.minTrust, hiddenByTrust: report.trustFilter.hidden };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}

export function renderSarif(report: ScanReport, options: SarifOptions = {}): string {
  return JSON.stringify(toSarifLog(report, options), null, 2) + "\n";
}

/**
 * Code scanning ranks an alert by the `security-severity` of its rule and reads no severity from the result, so a
 * finding whose severity differs from its rule's default (a `torch.load` judged medium by a high rule) points at a
 * variant descriptor `<RULE-ID>/<severity>` carrying that severity.
 */
function sarifRuleId(finding: Finding): string {
  return `${finding.ruleId}/${finding.severity}`;
}

/** Descriptors for the rules that ran, severity variants where findings need them, and a minimal one for any finding whose rule metadata is missing. */
function ruleDescriptors(report: ScanReport, findings: readonly Finding[], docsBase: string | undefined): Json[] {
  const seen = new Set<string>();
  const out: Json[] = [];
  const rules = new Map<string, RuleMeta>();
  for (const rule of report.rules) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    rules.set(rule.id, rule);
    out.push(ruleDescriptor(rule, docsBase));
  }
  for (const finding of findings) {
    const rule = rules.get(finding.ruleId);
    if (rule && rule.severity !== finding.severity && !seen.has(sarifRuleId(finding))) {
      seen.add(sarifRuleId(finding));
      out.push(ruleDescriptor(rule, docsBase, finding.severity));
    }
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    out.push({
      id: finding.ruleId,
      name: pascalCase(finding.ruleName),
      shortDescription: { text: finding.ruleName },
      defaultConfiguration: { level: SARIF_LEVEL[finding.severity] },
      properties: { tags: unique(["security", ...finding.cwe.flatMap(cweTag)]), "security-severity": SECURITY_SEVERITY[finding.severity] },
    });
  }
  return out;
}

function ruleDescriptor(rule: RuleMeta, docsBase: string | undefined, severityVariant?: Severity): Json {
  const severity = severityVariant ?? rule.severity;
  const descriptor: Json = {
    id: severityVariant ? `${rule.id}/${severityVariant}` : rule.id,
    name: pascalCase(rule.name),
    shortDescription: { text: rule.docs.summary || rule.name },
    fullDescription: { text: rule.docs.description || rule.docs.summary || rule.name, markdown: rule.docs.description || rule.docs.summary || rule.name },
    help: { text: ruleHelpText(rule) || rule.name, markdown: ruleHelpMarkdown(rule) || rule.name },
  };
  const helpUri = ruleDocsUrl(docsBase, rule.id);
  if (helpUri) descriptor.helpUri = helpUri;
  descriptor.defaultConfiguration = { level: SARIF_LEVEL[severity] };
  descriptor.properties = {
    tags: unique([...rule.tags, "security", ...rule.cwe.flatMap(cweTag)]),
    precision: rule.precision,
    "security-severity": SECURITY_SEVERITY[severity],
  };
  return descriptor;
}

function result(finding: Finding, ruleId: string, ruleIndex: number, prefix: string): Json {
  const loc = finding.location;
  const artifactLocation = (file: string) => artifactLocationOf(prefix + file.replace(/^\.\/+/, ""));
  const physicalLocation = (l: Location) => physicalLocationOf(l, artifactLocation);
  const out: Json = {
    ruleId,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [resultLocation(loc, physicalLocation)],
    partialFingerprints: { primaryLocationLineHash: finding.fingerprint, [PATHFINDER_FINGERPRINT_KEY]: finding.fingerprint },
  };
  if (finding.trace && finding.trace.length > 0) {
    // One code flow per source when several reach the sink (the first is `trace`).
    const traces = finding.sources?.length ? finding.sources.map((s) => s.trace) : [finding.trace];
    out.codeFlows = traces.map((trace) => ({
      ...(finding.sources?.length ? { message: { text: trace.find((s) => s.message.startsWith("source: "))?.message ?? trace[0].message } } : {}),
      threadFlows: [
        {
          locations: trace.map((step) => ({
            location: { physicalLocation: physicalLocation(step.location), message: { text: step.message } },
          })),
        },
      ],
    }));
  }
  if (finding.relatedLocations && finding.relatedLocations.length > 0) {
    out.relatedLocations = finding.relatedLocations.map((step, i) => ({
      id: i + 1,
      physicalLocation: physicalLocation(step.location),
      message: { text: step.message },
    }));
  }
  if (finding.fix && finding.fix.edits.length > 0) {
    out.fixes = [
      {
        description: { text: finding.fix.description },
        artifactChanges: [
          {
            artifactLocation: artifactLocation(loc.file),
            replacements: finding.fix.edits.map((edit) => ({
              deletedRegion: region(edit),
              insertedContent: { text: edit.newText },
            })),
          },
        ],
      },
    ];
  }
  if (finding.suppressed) {
    out.suppressions = [
      {
        kind: suppressionKind(finding.suppressed.kind),
        justification: finding.suppressed.justification,
        properties: { pathfinderKind: finding.suppressed.kind },
      },
    ];
  }
  const properties: Json = { severity: finding.severity, confidence: finding.confidence, "security-severity": SECURITY_SEVERITY[finding.severity] };
  if (ruleId !== finding.ruleId) properties.pathfinderRuleId = finding.ruleId;
  if (loc.member !== undefined) properties.member = loc.member;
  if (loc.offset !== undefined) properties.offset = loc.offset;
  if (finding.trust) properties.trust = finding.trust;
  if (finding.trustReason) properties.trustReason = finding.trustReason;
  out.properties = properties;
  return out;
}

/**
 * The file and region, plus, for a finding inside an artifact, a logical location naming the member and a
 * message with the opcode's byte offset. An artifact has no lines: a pickle file gets a byte region; a member of
 * a container gets none, since the offset counts bytes inside the (possibly compressed) member, not the file.
 */
function resultLocation(loc: Location, physicalLocation: (l: Location) => Json): Json {
  const out: Json = { physicalLocation: physicalLocation(loc) };
  if (loc.member !== undefined) out.logicalLocations = [{ name: loc.member, fullyQualifiedName: `${loc.file}/${loc.member}`, kind: "resource" }];
  if (loc.member !== undefined || loc.offset !== undefined) {
    const where = [
      loc.offset !== undefined ? `byte offset ${loc.offset}` : undefined,
      loc.member !== undefined ? `member ${loc.member}` : undefined,
    ].filter((s) => s !== undefined);
    out.message = { text: `Pickle opcode at ${where.join(" of ")}` };
    const properties: Json = {};
    if (loc.member !== undefined) properties.member = loc.member;
    if (loc.offset !== undefined) properties.offset = loc.offset;
    out.properties = properties;
  }
  return out;
}

function physicalLocationOf(loc: Location, artifactLocation: (file: string) => Json): Json {
  if (loc.member !== undefined || loc.offset !== undefined) {
    const out: Json = { artifactLocation: artifactLocation(loc.file) };
    if (loc.member === undefined && loc.offset !== undefined && Number.isInteger(loc.offset) && loc.offset >= 0) {
      out.region = { byteOffset: loc.offset, byteLength: 1 };
    }
    return out;
  }
  const r = region(loc);
  if (loc.snippet !== "") r.snippet = { text: loc.snippet };
  return { artifactLocation: artifactLocation(loc.file), region: r };
}

function artifactLocationOf(path: string): Json {
  return { uri: relativeFileUri(path), uriBaseId: SRCROOT };
}

/** "services/ml" -> "services/ml/"; "" or "./" -> "". */
function normalizedPrefix(prefix: string | undefined): string {
  const clean = (prefix ?? "").replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/^\/+/, "");
  if (clean === "" || clean === ".") return "";
  return clean.endsWith("/") ? clean : `${clean}/`;
}

/** SARIF requires positive integers and an end not before the start; bad input is clamped, never emitted. */
function region(r: Region): Json {
  const startLine = positive(r.line);
  const startColumn = positive(r.column);
  const endLine = Math.max(startLine, positive(r.endLine));
  let endColumn = positive(r.endColumn);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

function invocation(report: ScanReport, artifactLocation: (file: string) => Json): Json {
  const out: Json = {
    // Problems with single inputs are reported as notifications; only an internal error means the tool itself failed.
    executionSuccessful: !report.errors.some((e) => e.kind === "internal" && e.level === "error"),
  };
  const start = Date.parse(report.scan.timestamp);
  if (Number.isFinite(start)) {
    out.startTimeUtc = new Date(start).toISOString();
    if (Number.isFinite(report.scan.durationMs) && report.scan.durationMs >= 0) {
      out.endTimeUtc = new Date(start + report.scan.durationMs).toISOString();
    }
  }
  out.toolExecutionNotifications = report.errors.map((e) => notification(e, artifactLocation));
  return out;
}

function notification(error: ScanError, artifactLocation: (file: string) => Json): Json {
  const out: Json = { level: error.level, message: { text: error.message } };
  if (error.file !== "") {
    const physical: Json = { artifactLocation: artifactLocation(error.file) };
    if (error.line !== undefined) {
      const r: Json = { startLine: positive(error.line) };
      if (error.column !== undefined) r.startColumn = positive(error.column);
      physical.region = r;
    }
    out.locations = [{ physicalLocation: physical }];
  }
  out.properties = { kind: error.kind };
  return out;
}

/** Comments in the scanned file are "inSource"; baselines and configuration live outside it. */
function suppressionKind(kind: SuppressionKind): "inSource" | "external" {
  return kind === "pathfinder" || kind === "nosec" || kind === "noqa" ? "inSource" : "external";
}

/** "Pickle Deserialization of Untrusted Data" -> "PickleDeserializationOfUntrustedData". */
export function pascalCase(name: string): string {
  return name
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** "CWE-502" -> "external/cwe/cwe-502", the tag GitHub code scanning recognises. */
function cweTag(cwe: string): string[] {
  const m = /^CWE-(\d+)$/i.exec(cwe.trim());
  return m ? [`external/cwe/cwe-${m[1]}`] : [];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function positive(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.trunc(n) : 1;
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function isAbsoluteUri(uri: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/.test(uri);
}
