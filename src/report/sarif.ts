import type { Finding, Location, Region, RuleMeta, ScanError, ScanReport, Severity, SuppressionKind } from "../core/types.js";
import { ruleHelpMarkdown, ruleHelpText } from "./rule-help.js";
import { directoryFileUri, relativeFileUri } from "./uri.js";

// SARIF 2.1.0 (OASIS). Only the parts Pathfinder emits are typed here; the official schema is
// vendored under test/schemas and every shape below is validated against it in the tests.

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
export const SARIF_TOOL_NAME = "Pathfinder";
/** Base id every result URI is relative to; `originalUriBaseIds` maps it to the scan target. */
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

/** Every finding is included; suppressed ones carry `suppressions`, as SARIF consumers expect. */
export function toSarifLog(report: ScanReport): SarifLog {
  const informationUri = isAbsoluteUri(report.tool.informationUri) ? report.tool.informationUri.replace(/\/+$/, "") : undefined;
  const descriptors = ruleDescriptors(report, informationUri);
  const ruleIndex = new Map(descriptors.map((d, i) => [d.id as string, i]));

  const driver: Json = { name: SARIF_TOOL_NAME, version: report.tool.version };
  if (informationUri) driver.informationUri = informationUri;
  if (SEMVER.test(report.tool.version)) driver.semanticVersion = report.tool.version;
  driver.rules = descriptors;

  const run: Json = {
    tool: { driver },
    invocations: [invocation(report)],
  };
  if (isAbsolutePath(report.scan.target)) {
    run.originalUriBaseIds = { [SRCROOT]: { uri: directoryFileUri(report.scan.target) } };
  }
  run.results = report.findings.map((f) => result(f, ruleIndex.get(f.ruleId)!));
  run.columnKind = "utf16CodeUnits";
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}

export function renderSarif(report: ScanReport): string {
  return JSON.stringify(toSarifLog(report), null, 2) + "\n";
}

/** Descriptors for the rules that ran, plus a minimal one for any finding whose rule metadata is missing. */
function ruleDescriptors(report: ScanReport, informationUri: string | undefined): Json[] {
  const seen = new Set<string>();
  const out: Json[] = [];
  for (const rule of report.rules) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    out.push(ruleDescriptor(rule, informationUri));
  }
  for (const finding of report.findings) {
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

function ruleDescriptor(rule: RuleMeta, informationUri: string | undefined): Json {
  const descriptor: Json = {
    id: rule.id,
    name: pascalCase(rule.name),
    shortDescription: { text: rule.docs.summary || rule.name },
    fullDescription: { text: rule.docs.description || rule.docs.summary || rule.name, markdown: rule.docs.description || rule.docs.summary || rule.name },
    help: { text: ruleHelpText(rule) || rule.name, markdown: ruleHelpMarkdown(rule) || rule.name },
  };
  if (informationUri) descriptor.helpUri = `${informationUri}/rules/${encodeURIComponent(rule.id)}`;
  descriptor.defaultConfiguration = { level: SARIF_LEVEL[rule.severity] };
  descriptor.properties = {
    tags: unique([...rule.tags, "security", ...rule.cwe.flatMap(cweTag)]),
    precision: rule.precision,
    "security-severity": SECURITY_SEVERITY[rule.severity],
  };
  return descriptor;
}

function result(finding: Finding, ruleIndex: number): Json {
  const loc = finding.location;
  const out: Json = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [resultLocation(loc)],
    partialFingerprints: { primaryLocationLineHash: finding.fingerprint, [PATHFINDER_FINGERPRINT_KEY]: finding.fingerprint },
  };
  if (finding.trace && finding.trace.length > 0) {
    out.codeFlows = [
      {
        threadFlows: [
          {
            locations: finding.trace.map((step) => ({
              location: { physicalLocation: physicalLocation(step.location), message: { text: step.message } },
            })),
          },
        ],
      },
    ];
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
  const properties: Json = { severity: finding.severity, confidence: finding.confidence };
  if (loc.member !== undefined) properties.member = loc.member;
  if (loc.offset !== undefined) properties.offset = loc.offset;
  out.properties = properties;
  return out;
}

/**
 * The file and line region, plus, for a finding inside an artifact, a logical location naming the
 * member and a message with the opcode's byte offset. We do not use `region.byteOffset`: the offset
 * counts bytes inside the (possibly compressed) member, not inside the file the URI names.
 */
function resultLocation(loc: Location): Json {
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

function physicalLocation(loc: Location): Json {
  const r = region(loc);
  if (loc.snippet !== "") r.snippet = { text: loc.snippet };
  return { artifactLocation: artifactLocation(loc.file), region: r };
}

function artifactLocation(file: string): Json {
  return { uri: relativeFileUri(file), uriBaseId: SRCROOT };
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

function invocation(report: ScanReport): Json {
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
  out.toolExecutionNotifications = report.errors.map(notification);
  return out;
}

function notification(error: ScanError): Json {
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
  return kind === "pathfinder" || kind === "nosec" ? "inSource" : "external";
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

function isAbsolutePath(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\");
}
