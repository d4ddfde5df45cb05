// The dependency part of a project scan: manifests -> advisory matches -> manifest findings, the cross-signal
// note on code findings, PYTHON-DEPS-SEC-003 over the Python files, and the inventory for the SBOM.
import { appendAll } from "../core/arrays.js";
import { readFileSync } from "node:fs";
import type { DependencyRecord, Finding, ScanError } from "../core/types.js";
import { crossSignalFacts, crossSignalScopes, type CrossSignalFacts } from "../dependencies/cross-signals.js";
import { manifestKind } from "../dependencies/manifest-kind.js";
import type { PythonRule } from "../rules/rule.js";
import type { SelectableRule } from "../rules/selection.js";
import type { DiscoveredFile } from "./discover.js";
import { filesKey, isResults, type AnalysisCache } from "./cache.js";
import { moduleNameOf } from "./module-name.js";
import { decodePython } from "./read-source.js";

/** Where the dependency scan remembers its results between scans (see `rememberedDependencies`). */
export interface DependencyMemo {
  cache: AnalysisCache;
  /** The scan root: the manifests' relative paths mean something only with it. */
  root: string;
  startedMs: number;
}

/** The cache's part name of the dependency scan. */
const DEPENDENCIES_PART = "dependencies";

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
  memo?: DependencyMemo,
): Promise<DependencyScanResult> {
  // Without a manifest there are no pins, so nothing to report or note: the parsers (YAML, PEP 440) stay unloaded.
  const manifestFiles = files.filter((f) => manifestKind(f.relPath));
  if (!manifestFiles.length) return { findings: [], manifests: 0, records: [] };
  // Unchanged manifests (same paths and stamps, see `filesKey`) whose pins note nothing on the code give what they
  // gave last time, and the parsers stay unloaded. Pins that do (see `crossSignalFacts`) are never remembered: their
  // notes and PYTHON-DEPS-SEC-003 depend on the Python files too.
  const slot = memo && JSON.stringify([memo.root]);
  const key = memo && filesKey(manifestFiles, () => "", memo.startedMs, slot);
  const known = key ? (memo.cache.entry(DEPENDENCIES_PART, slot!) as { filesKey?: unknown; manifests?: unknown; records?: unknown } | undefined) : undefined;
  if (key && known?.filesKey === key && typeof known.manifests === "number" && Array.isArray(known.records) && isResults(known)) {
    appendAll(errors, known.errors);
    return { findings: known.findings, manifests: known.manifests, records: known.records as DependencyRecord[] };
  }
  const manifestErrors: ScanError[] = [];
  const result = await readDependencies(manifestFiles, { pythonFiles, root, rules, codeFindings, maxBytes }, manifestErrors);
  appendAll(errors, manifestErrors);
  if (key && !result.notes) memo.cache.setEntry(DEPENDENCIES_PART, slot!, { filesKey: key, findings: result.findings, errors: manifestErrors, manifests: result.manifests, records: result.records });
  return { findings: result.findings, manifests: result.manifests, records: result.records };
}

/** What the dependency scan needs besides the manifests (see `scanDependencies`). */
interface DependencyContext {
  pythonFiles: readonly DiscoveredFile[];
  root: string;
  rules: readonly SelectableRule[];
  codeFindings: Finding[];
  maxBytes: number;
}

/** The dependency scan of `manifestFiles`; `notes`: whether their pins note something on the code (see `crossSignalFacts`). */
async function readDependencies(manifestFiles: readonly DiscoveredFile[], context: DependencyContext, errors: ScanError[]): Promise<DependencyScanResult & { notes: boolean }> {
  const { pythonFiles, root, rules, codeFindings, maxBytes } = context;
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
  const factsOf = crossSignalScopes(matches, pythonFiles.map((f) => f.relPath));
  if (rules.some((r) => r.bundles.includes("deps"))) annotateCodeFindings(codeFindings, factsOf);
  // The rule has sinks only for pinned torch and numpy versions: without them it (and the Python rules) stays unloaded.
  if (enabled.has("PYTHON-DEPS-SEC-003") && (facts.torch || facts.numpy)) {
    const { crossSignalRule } = await import("../rules/python/PYTHON-DEPS-SEC-003.js");
    // One rule per set of pins: each file is read with the pins over it (see `crossSignalScopes`).
    const groups = new Map<string, { facts: CrossSignalFacts; files: DiscoveredFile[] }>();
    for (const file of pythonFiles) {
      const own = factsOf(file.relPath);
      const key = [own.torch, own.numpy].map((p) => (p ? `${p.dependency.file}:${p.dependency.line}` : "")).join("\0");
      (groups.get(key) ?? groups.set(key, { facts: own, files: [] }).get(key)!).files.push(file);
    }
    for (const { facts: own, files } of groups.values()) {
      const rule = crossSignalRule(own);
      if (rule.sinks.length) appendAll(findings, await analyzeWith(rule, files, maxBytes));
    }
  }
  return { findings, manifests: manifests.length, records: dependencyRecords(dependencies, matches), notes: Object.keys(facts).length > 0 };
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
