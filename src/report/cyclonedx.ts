// CycloneDX 1.6 JSON SBOM of the project's Python dependencies (from its manifests and lock files). Components
// that deserialize with pickle carry a `pathfinder:pickle` property; the advisories matched against pinned
// versions and declared ranges appear as `vulnerabilities`. Pure: the same report gives the same document.
import { stableHash } from "../core/hash.js";
import type { DependencyRecord, ScanReport } from "../core/types.js";

interface Component {
  type: "library";
  "bom-ref": string;
  name: string;
  version?: string;
  purl: string;
  properties: { name: string; value: string }[];
}

type Advisory = DependencyRecord["advisories"][number];

const purlOf = (name: string, version?: string) => `pkg:pypi/${encodeURIComponent(name)}${version ? `@${encodeURIComponent(version)}` : ""}`;

/** A PEP 440 range set as `vers:pypi/...` ranges, one per `||` alternative. */
function versRanges(affected: string): string[] {
  return affected.split("||").map((r) => `vers:pypi/${r.trim().replace(/\s+/g, "").split(",").join("|")}`);
}

/** A UUID (RFC 4122 version 4 layout) derived from the content, so the output is reproducible. */
function contentUuid(seed: string): string {
  const hex = (stableHash(seed) + stableHash(`${seed}#2`)).split("");
  hex[12] = "4";
  hex[16] = "89ab"[parseInt(hex[16], 16) % 4];
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function toCycloneDx(report: ScanReport): Record<string, unknown> {
  const records = report.dependencies ?? [];
  const components = new Map<string, Component>();
  const vulnerabilities = new Map<string, { advisory: Advisory; affects: Map<string, { version?: string; kind: Advisory["kind"] }> }>();
  for (const d of records) {
    const ref = purlOf(d.name, d.version);
    let c = components.get(ref);
    if (!c) {
      c = { type: "library", "bom-ref": ref, name: d.name, ...(d.version ? { version: d.version } : {}), purl: ref, properties: [] };
      if (d.pickle) c.properties.push({ name: "pathfinder:pickle", value: "true" }, { name: "pathfinder:pickle-use", value: d.pickle });
      components.set(ref, c);
    }
    c.properties.push({ name: "pathfinder:manifest", value: `${d.file}:${d.line}` });
    if (d.specifier && !d.version) c.properties.push({ name: "pathfinder:specifier", value: d.specifier });
    if (d.locked) c.properties.push({ name: "pathfinder:locked", value: "true" });
    for (const a of d.advisories) {
      let v = vulnerabilities.get(a.id);
      if (!v) vulnerabilities.set(a.id, (v = { advisory: a, affects: new Map() }));
      v.affects.set(ref, { ...(d.version ? { version: d.version } : {}), kind: a.kind });
    }
  }
  const name = report.scan.target.split(/[\\/]/).filter(Boolean).pop() ?? "project";
  const sortedComponents = [...components.values()].sort((a, b) => (a["bom-ref"] < b["bom-ref"] ? -1 : a["bom-ref"] > b["bom-ref"] ? 1 : 0));
  const vulns = [...vulnerabilities.values()]
    .sort((a, b) => (a.advisory.id < b.advisory.id ? -1 : 1))
    .map(({ advisory: a, affects }) => ({
      "bom-ref": `vulnerability:${a.id}`,
      id: a.id,
      source: a.id.startsWith("CVE-") ? { name: "NVD", url: `https://nvd.nist.gov/vuln/detail/${a.id}` } : { name: "GitHub Advisories", url: a.url },
      ...(a.aliases.length ? { references: a.aliases.map((id) => ({ id, source: { name: "GitHub Advisories", url: `https://github.com/advisories/${id}` } })) } : {}),
      ratings: [{ severity: a.severity, method: "other" }],
      cwes: [502],
      description: a.summary,
      recommendation: a.fixed ? `Upgrade to a fixed release (${a.fixed}).` : "No fixed release: do not pass untrusted data to the affected API.",
      advisories: [{ url: a.url }],
      affects: [...affects.entries()].map(([ref, hit]) => ({
        ref,
        versions: [
          ...(hit.version && hit.kind === "pinned" ? [{ version: hit.version, status: "affected" }] : []),
          ...versRanges(a.affected).map((range) => ({ range, status: hit.kind === "pinned" ? "affected" : "unknown" })),
        ],
      })),
      properties: [{ name: "pathfinder:match", value: [...affects.values()].some((h) => h.kind === "pinned") ? "pinned" : "range" }],
    }));
  const projectRef = `project:${name}`;
  return {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: `urn:uuid:${contentUuid(JSON.stringify([report.scan.target, sortedComponents, vulns]))}`,
    version: 1,
    metadata: {
      timestamp: report.scan.timestamp,
      tools: { components: [{ type: "application", name: report.tool.name, version: report.tool.version, externalReferences: [{ type: "website", url: report.tool.informationUri }] }] },
      component: { type: "application", "bom-ref": projectRef, name },
      properties: [{ name: "pathfinder:manifests", value: String(new Set(records.map((r) => r.file)).size) }],
    },
    components: sortedComponents,
    dependencies: [{ ref: projectRef, dependsOn: sortedComponents.map((c) => c["bom-ref"]) }, ...sortedComponents.map((c) => ({ ref: c["bom-ref"] }))],
    vulnerabilities: vulns,
  };
}

export function renderCycloneDx(report: ScanReport): string {
  return JSON.stringify(toCycloneDx(report), null, 2) + "\n";
}
