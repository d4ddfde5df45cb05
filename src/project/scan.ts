import { availableParallelism } from "node:os";
import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { compareErrors, compareFindings } from "../core/order.js";
import type { Finding, ScanError, ScanReport } from "../core/types.js";
import { hasComputedDynamicImport, type FileAnalysis } from "../languages/python/analyze.js";
import { buildRuleSet, ruleMeta, ruleSetSpec, type RuleSetSpec } from "../rules/registry.js";
import type { PythonRule } from "../rules/rule.js";
import type { PickleScanOptions } from "../artifacts/types.js";
import { inProcessAnalyzer, type PythonAnalyzer } from "./analyzer.js";
import { scanArtifactFiles, splitRulesets } from "./artifacts.js";
import { configExcluder, prunableExcludes, type PathfinderConfig } from "./config.js";
import { UsageError } from "./errors.js";
import { discover, type DiscoveredFile, type DiscoverOptions } from "./discover.js";
import { moduleNameOf } from "./module-name.js";
import { decodePython, tooLarge } from "./read-source.js";
import { sharedQueueAnalyzer } from "./worker-pool.js";

export interface ScanOptions extends DiscoverOptions {
  /** Directory or single file to scan. */
  target: string;
  /** `--ruleset` values; empty = every Python rule. */
  rulesets: string[];
  /** Files larger than this are skipped with a warning. */
  maxFileSize: number;
  /** Worker threads; 0 analyses in this thread, undefined picks by workload. */
  jobs?: number;
  tool: ScanReport["tool"];
  /** Settings from a configuration file (see `loadConfig`): excludes, disabled rules, extra sinks, severities. */
  config?: PathfinderConfig;
  /** Pickle policy for model/data files (`--pickle-policy`, `--pickle-allow`). */
  pickle?: Partial<PickleScanOptions>;
  onProgress?: (done: number, total: number) => void;
  /** Called with the bytes of every file that is analysed, as read (e.g. to detect later changes before `--fix`). */
  onSourceRead?: (file: { relPath: string; absPath: string }, bytes: Uint8Array) => void;
}

export { UsageError };

/** Below this much source to parse, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;
const READ_CONCURRENCY = 32;

export async function scanProject(options: ScanOptions): Promise<ScanReport> {
  const started = Date.now();
  const config = options.config;
  const split = splitRulesets(options.rulesets);
  if ("error" in split) throw new UsageError(split.error);
  const disabled = new Set((config?.disable ?? []).map((id) => id.toUpperCase()));
  const artifactRules = split.artifactRules
    .filter((r) => !disabled.has(r.id.toUpperCase()))
    .map((r) => (config?.rules[r.id]?.severity ? { ...r, severity: config.rules[r.id].severity! } : r));
  let spec: RuleSetSpec = { ruleIds: [] };
  if (split.runPython) {
    const settings = { disable: config?.disable, customizations: config?.rules, source: config?.file, allowEmpty: artifactRules.length > 0 };
    const resolution = ruleSetSpec(split.python, settings);
    if (!resolution.ok) throw new UsageError(resolution.error);
    spec = resolution.spec;
  }
  const rules = buildRuleSet(spec);
  const target = resolve(options.target);
  let discovery;
  try {
    // Name patterns prune the walk; path patterns are relative to the configuration file and filter below.
    discovery = await discover(target, { ...options, exclude: [...options.exclude, ...prunableExcludes(config)] });
  } catch (e) {
    throw new UsageError(`cannot scan "${options.target}": ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}`);
  }
  const excluded = configExcluder(config);
  const root = (await stat(target)).isDirectory() ? target : dirname(target);
  const errors: ScanError[] = discovery.errors.filter((e) => !excluded(join(root, e.file)));
  const findings: Finding[] = [];
  const pythonFiles = rules.length > 0 ? discovery.files.filter((f) => f.kind === "python" && !excluded(f.absPath)) : [];

  // Model/data files are scanned on this thread while the Python files are being analysed.
  const artifactScan =
    artifactRules.length > 0
      ? scanArtifactFiles(discovery.files.filter((f) => f.kind === "other" && !excluded(f.absPath)), options.pickle ?? {})
      : undefined;
  const candidates = await readCandidates(pythonFiles, rules, options.maxFileSize, errors, options.onSourceRead);
  const analyzer = await chooseAnalyzer(spec, rules, candidates, options.jobs);
  let done = 0;
  try {
    const results = await Promise.all(
      candidates.map(async (c) => {
        const result: FileAnalysis = await analyzer.analyze({ path: c.file.relPath, source: c.source, moduleName: moduleNameOf(c.file.relPath) });
        options.onProgress?.(++done, candidates.length);
        return result;
      }),
    );
    for (const r of results) {
      findings.push(...r.findings);
      errors.push(...r.errors);
    }
  } finally {
    await analyzer.close();
  }

  let artifactsScanned = 0;
  if (artifactScan) {
    const enabled = new Set(artifactRules.map((r) => r.id));
    const artifacts = await artifactScan;
    for (const f of artifacts.findings) {
      if (!enabled.has(f.ruleId)) continue;
      const severity = config?.rules[f.ruleId]?.severity;
      findings.push(severity ? { ...f, severity } : f);
    }
    errors.push(...artifacts.errors);
    artifactsScanned = artifacts.scanned;
  }

  findings.sort(compareFindings);
  errors.sort(compareErrors);
  return {
    tool: options.tool,
    scan: {
      target,
      timestamp: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      rulesExecuted: [...rules.map((r) => r.id), ...artifactRules.map((r) => r.id)],
      filesScanned: pythonFiles.length + artifactsScanned,
    },
    rules: [...rules.map(ruleMeta), ...artifactRules],
    findings,
    errors,
  };
}

interface Candidate {
  file: DiscoveredFile;
  source: string;
}

/**
 * Reads every Python file and keeps those that contain a prefilter token of some rule. The token test runs on
 * raw bytes, before decoding, so most files cost one read and one byte search.
 */
async function readCandidates(
  files: DiscoveredFile[],
  rules: readonly PythonRule[],
  maxBytes: number,
  errors: ScanError[],
  onSourceRead: ScanOptions["onSourceRead"],
): Promise<Candidate[]> {
  const tokens = [...new Set(rules.flatMap((r) => r.prefilter))].map((t) => Buffer.from(t, "utf8"));
  const out: (Candidate | undefined)[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i];
      if (file.size > maxBytes) {
        errors.push(tooLarge(file.relPath, file.size, maxBytes));
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file.absPath);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        errors.push({ file: file.relPath, kind: "unreadable", level: "warning", message: `cannot read file: ${err.code ?? err.message}` });
        continue;
      }
      if (!tokens.some((t) => bytes.includes(t)) && !mayImportDynamically(bytes)) continue;
      const decoded = decodePython(bytes, file.relPath, maxBytes);
      if (!decoded.ok) {
        errors.push(decoded.error);
        continue;
      }
      if (decoded.warning) errors.push(decoded.warning);
      onSourceRead?.(file, bytes);
      out[i] = { file, source: decoded.source };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return out.filter((c): c is Candidate => c !== undefined);
}

const DYNAMIC_IMPORT_TOKENS = [Buffer.from("__import__"), Buffer.from("import_module")];

function mayImportDynamically(bytes: Buffer): boolean {
  return DYNAMIC_IMPORT_TOKENS.some((t) => bytes.includes(t)) && hasComputedDynamicImport(bytes.toString("latin1"));
}

/** Workers get the serializable spec and rebuild the same rules with `buildRuleSet`. */
async function chooseAnalyzer(spec: RuleSetSpec, rules: readonly PythonRule[], candidates: Candidate[], jobs: number | undefined): Promise<PythonAnalyzer> {
  const bytes = candidates.reduce((n, c) => n + c.source.length, 0);
  // This thread analyses too, so one worker per remaining core.
  const size = jobs ?? (bytes >= WORKER_THRESHOLD_BYTES ? Math.max(1, Math.min(availableParallelism() - 1, 8)) : 0);
  return size > 0 ? sharedQueueAnalyzer(spec, rules, size) : inProcessAnalyzer(rules);
}
