// Dependency matches as findings located on the manifest line, and the inventory the SBOM reports.
import { stableHash } from "../core/hash.js";
import { parseSuppression, suppresses } from "../core/suppression.js";
import type { DependencyRecord, Finding, Severity } from "../core/types.js";
import { SEVERITIES } from "../core/types.js";
import DEPS_PINNED from "../rules/python/PYTHON-DEPS-SEC-001.js";
import DEPS_RANGE from "../rules/python/PYTHON-DEPS-SEC-002.js";
import type { Advisory } from "./advisories.js";
import type { DependencyMatch } from "./match.js";
import { pickleUse } from "./pickle-components.js";
import type { Dependency } from "./types.js";
import { highest } from "./versions.js";

const rank = (s: Severity) => SEVERITIES.indexOf(s);

function worst(advisories: readonly Advisory[]): Severity {
  return advisories.map((a) => (a.disputed ? "medium" : a.severity)).sort((a, b) => rank(a) - rank(b))[0] ?? "low";
}

/** The first version that fixes every advisory listed (ranges with backports name several; the newest counts). */
export function fixedVersion(advisories: readonly Advisory[]): string | undefined {
  return highest(advisories.flatMap((a) => a.fixed.split(/\s*,\s*/)));
}

function describe(a: Advisory): string {
  const ids = [a.id, ...a.aliases].join("/");
  return `${ids}${a.disputed ? " (disputed)" : ""}: ${a.summary}`;
}

function where(d: Dependency): string {
  return d.markers ? ` (on environments where \`${d.markers}\`)` : "";
}

export function matchMessage(m: DependencyMatch): string {
  const d = m.dependency;
  const fixed = fixedVersion(m.advisories);
  const upgrade = fixed
    ? `Upgrade to ${d.spelledName}>=${fixed}${m.dependency.locked ? " and re-lock" : ""}.`
    : "No release fixes it: keep untrusted data away from the affected API or move to another version.";
  const list = m.advisories.map(describe).join(" ");
  if (m.kind === "pinned") {
    const how = d.locked ? `is locked at ${d.version} in ${d.manifest}` : `is pinned to ${d.version}`;
    return `${d.spelledName} ${how}${where(d)}, a version affected by ${m.advisories.length > 1 ? `${m.advisories.length} deserialization advisories` : "a deserialization advisory"}: ${list} ${upgrade}`;
  }
  return (
    `${d.spelledName}${d.specifier} admits versions affected by ${m.advisories.map((a) => a.id).join(", ")}${where(d)}: ${list} ` +
    `Nothing here fixes the installed version; raise the lower bound${fixed ? ` to >=${fixed}` : ""}.`
  );
}

export function dependencyFindings(matches: readonly DependencyMatch[], enabled: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const m of matches) {
    const rule = m.kind === "pinned" ? DEPS_PINNED : DEPS_RANGE;
    if (!enabled.has(rule.id)) continue;
    const d = m.dependency;
    // `# pathfinder: ignore[...]` (or `# nosec`) at the end of the manifest line, where the format has comments.
    const comment = /(?:^|\s)#(.*)$/.exec(d.snippet);
    const directive = comment && d.manifest !== "Pipfile.lock" ? parseSuppression(comment[1]) : undefined;
    const suppressed = directive ? suppresses(directive, rule.id, []) : undefined;
    out.push({
      ruleId: rule.id,
      ruleName: rule.name,
      message: matchMessage(m),
      severity: m.kind === "pinned" ? worst(m.advisories) : rule.severity,
      confidence: rule.confidence,
      location: { file: d.file, line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn, snippet: d.snippet },
      cwe: rule.cwe,
      owasp: rule.owasp,
      fingerprint: stableHash(`${rule.id}|${d.file}|${d.name}|${d.specifier}|${m.advisories.map((a) => a.id).join(",")}`),
      ...(suppressed ? { suppressed } : {}),
    });
  }
  return out;
}

/** Every dependency once per manifest line, with its pickle use and advisories, for the SBOM. */
export function dependencyRecords(dependencies: readonly Dependency[], matches: readonly DependencyMatch[]): DependencyRecord[] {
  const byDependency = new Map(matches.map((m) => [m.dependency, m]));
  return dependencies.map((d) => {
    const m = byDependency.get(d);
    const pickle = pickleUse(d.name);
    return {
      name: d.name,
      ...(d.version ? { version: d.version } : {}),
      specifier: d.specifier,
      locked: d.locked,
      file: d.file,
      line: d.line,
      ...(pickle ? { pickle } : {}),
      advisories: (m?.advisories ?? []).map((a) => ({
        id: a.id,
        aliases: a.aliases,
        severity: a.severity,
        summary: a.summary,
        url: a.url,
        affected: a.affected,
        fixed: a.fixed,
        kind: m!.kind,
      })),
    };
  });
}
