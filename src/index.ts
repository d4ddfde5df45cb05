// Public library API (Node). The browser build uses src/core, src/languages, src/rules and src/artifacts directly.
import { analyzePython, SinkIndex } from "./languages/python/analyze.js";
import { findRule as findRuleMeta, resolveRulesets as resolveRuleSelection, PYTHON_RULES as REGISTERED_PYTHON_RULES, withTrustFlowRules } from "./rules/registry.js";
import { loadPythonParser } from "./project/python-parser.js";
import { moduleNameOf } from "./project/module-name.js";
import { UsageError } from "./project/scan.js";
import { resolveTrust, TRUST_FLOW_RULE } from "./rules/python/trust-join.js";
import type { Finding, RuleMeta, ScanError } from "./core/types.js";
import { scanArtifact as scanArtifactWith, type ArtifactScanResult, type ByteSource, type PickleScanOptions } from "./artifacts/index.js";
import { withNodeInflate } from "./project/native-inflate.js";
import { normalizeIdentifiers } from "./languages/python/source-text.js";

export { scanProject, UsageError, type ScanOptions } from "./project/scan.js";
// The rules are exposed as metadata: their engine parts (sink predicates over the syntax tree) are internal, and
// their types would tie the published declarations to the parser's.
/** Every Python rule's metadata, in ID order. */
export const PYTHON_RULES: readonly RuleMeta[] = REGISTERED_PYTHON_RULES;

/** A rule's metadata by ID (`extra`: further rules to look in, e.g. ARTIFACT_RULES). */
export function findRule(id: string, extra?: readonly RuleMeta[]): RuleMeta | undefined {
  return findRuleMeta(id, extra);
}

/** Resolves `--ruleset` values (`python/<RULE-ID>`, `python/<bundle>`, `python/all`) to the rules they select. */
export function resolveRulesets(specs: readonly string[]): { ok: true; rules: RuleMeta[] } | { ok: false; error: string } {
  return resolveRuleSelection(specs);
}
export { renderReport, summarize, OUTPUT_FORMATS, type OutputFormat } from "./report/index.js";
export { loadConfig, discoverConfig, ConfigError, type PathfinderConfig, type ConfigLookup } from "./project/config.js";
export { applyFixes, sourceDigest, type FixOptions, type FixResult, type SkippedFix } from "./project/fix.js";
export { isArtifactCandidate, ARTIFACT_RULES } from "./artifacts/index.js";
export { openFileByteSource } from "./project/byte-source.js";

/** Scans one model or data file (`openFileByteSource` opens one on disk); DEFLATE data is decoded by Node's zlib. */
export function scanArtifact(source: ByteSource, relPath: string, options: Partial<PickleScanOptions> = {}): Promise<ArtifactScanResult> {
  return scanArtifactWith(source, relPath, withNodeInflate(options));
}
export { analyzeLanguageSource } from "./project/other-languages.js";
export { LANGUAGE_RULES } from "./rules/languages.js";
export type * from "./core/types.js";

export interface AnalyzeSourceOptions {
  /** Path used in findings (and for relative imports); default `input.py`. */
  path?: string;
  /** `--ruleset` values; default every Python rule. */
  rulesets?: string[];
  /**
   * Parse all of the source (the default), so every syntax error is reported. False parses a large source only
   * where a finding can be, as project scans do: same findings, less work.
   */
  wholeFile?: boolean;
  /** Milliseconds the analysis may take (plus 2 ms per 1,000 characters); past it a `timeout` warning. Default: none. */
  timeBudgetMs?: number;
}

/** Analyses one Python source text in memory. */
export async function analyzeSource(source: string, options: AnalyzeSourceOptions = {}): Promise<{ findings: Finding[]; errors: ScanError[] }> {
  const resolution = resolveRuleSelection(options.rulesets ?? []);
  if (!resolution.ok) throw new UsageError(resolution.error);
  const parser = await loadPythonParser();
  const path = options.path ?? "input.py";
  const rules = withTrustFlowRules(resolution.rules);
  const analysis = analyzePython(parser, { path, source: normalizeIdentifiers(source), moduleName: moduleNameOf(path) }, new SinkIndex(rules), {
    wholeFile: options.wholeFile ?? true,
    ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
  });
  const findings = resolveTrust(analysis.findings, resolution.rules.some((r) => r.id === TRUST_FLOW_RULE));
  return { findings, errors: analysis.errors };
}
