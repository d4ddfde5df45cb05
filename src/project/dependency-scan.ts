// The dependency part of a project scan: manifests -> advisory matches -> manifest findings, the cross-signal
// note on code findings, PYTHON-DEPS-SEC-003 over the Python files, and the inventory for the SBOM.
import { appendAll } from "../core/arrays.js";
import { readFileSync } from "node:fs";
import type { DependencyRecord, Finding, ScanError } from "../core/types.js";
import { crossSignalFacts } from "../dependencies/cross-signals.js";
import { manifestKind } from "../dependencies/manifest-kind.js";
import type { PythonRule } from "../rules/rule.js";
import type { SelectableRule } from "../rules/selection.js";
import type { DiscoveredFile } from "./discover.js";
import { moduleNameOf } from "./module-name.js";
import { decodePython } from "./read-source.js";

export interface DependencyScanResult {
  findings: Finding[];
  /** Manifest files read. */
  manifests: number;
  records: DependencyRecord[];
}

/**
 * Reads the manifests among `files`, reports pinned and ranged advisories for the enabled deps rules, notes the
 * pins on `codeFindings` (in place) and runs PYTHON-DEPS-SEC-003 over `pythonFiles` when the pins call for it.
 */
export async function scanDependencies(
  files: readonly DiscoveredFile[],
  pythonFiles: readonly DiscoveredFile[],
  root: string,
  rules: readonly SelectableRule[],
  codeFindings: Finding[],
  maxBytes: number,
  errors: ScanError[],
): Promise<DependencyScanResult> {
  // Without a manifest there are no pins, so nothing to report or note: the parsers (YAML, PEP 440) stay unloaded.
  const manifestFiles = files.filter((f) => manifestKind(f.relPath));
  if (!manifestFiles.length) return { findings: [], manifests: 0, records: [] };
  const [{ annotateCodeFindings }, { dependencyFindings, dependencyRecords }, { matchAdvisories }, { readProjectDependencies }] = await Promise.all([
    import("../dependencies/annotate-findings.js"),
    import("../dependencies/findings.js"),
    import("../dependencies/match.js"),
    import("./dependencies.js"),
  ]);
  const { dependencies, manifests } = readProjectDependencies(manifestFiles, root, errors);
  const matches = matchAdvisories(dependencies);
  const enabled = new Set(rules.map((r) => r.id));
  const findings = dependencyFindings(matches, enabled);
  const facts = crossSignalFacts(matches);
  if (rules.some((r) => r.bundles.includes("deps"))) annotateCodeFindings(codeFindings, facts);
  // The rule has sinks only for pinned torch and numpy versions: without them it (and the Python rules) stays unloaded.
  if (enabled.has("PYTHON-DEPS-SEC-003") && (facts.torch || facts.numpy)) {
    const { crossSignalRule } = await import("../rules/python/PYTHON-DEPS-SEC-003.js");
    const rule = crossSignalRule(facts);
    if (rule.sinks.length) appendAll(findings, (await analyzeWith(rule, pythonFiles, maxBytes)));
  }
  return { findings, manifests: manifests.length, records: dependencyRecords(dependencies, matches) };
}

/** One rule over the Python files that hold its tokens; read errors were already reported by the main pass. */
async function analyzeWith(rule: PythonRule, files: readonly DiscoveredFile[], maxBytes: number): Promise<Finding[]> {
  const [{ analyzePython, SinkIndex }, { prefilterRegExp }, { loadPythonParser }] = await Promise.all([
    import("../languages/python/analyze.js"),
    import("../languages/python/prefilter.js"),
    import("./python-parser.js"),
  ]);
  const anyToken = prefilterRegExp(rule.prefilter);
  const index = new SinkIndex([rule]);
  const parser = await loadPythonParser();
  const out: Finding[] = [];
  for (const file of files) {
    if (file.size > maxBytes) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absPath);
    } catch {
      continue;
    }
    if (!anyToken.test(bytes.toString("latin1"))) continue;
    const decoded = decodePython(bytes, file.relPath, maxBytes);
    if (!decoded.ok) continue;
    appendAll(out, analyzePython(parser, { path: file.relPath, source: decoded.source, moduleName: moduleNameOf(file.relPath) }, index).findings);
  }
  return out;
}
