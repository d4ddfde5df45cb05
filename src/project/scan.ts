import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { compareErrors, compareFindings } from "../core/order.js";
import type { Finding, ScanError, ScanReport } from "../core/types.js";
import type { FileAnalysis } from "../languages/python/analyze.js";
import { prefilterRegExp, prefilterTokens } from "../languages/python/prefilter.js";
import { buildRuleSet, ruleMeta, ruleSetSpec, type RuleSetSpec } from "../rules/registry.js";
import type { PickleScanOptions } from "../artifacts/types.js";
import { scanArtifactFiles, splitRulesets, type ArtifactFilesResult } from "./artifacts.js";
import { configExcluder, prunableExcludes, type PathfinderConfig } from "./config.js";
import { UsageError } from "./errors.js";
import { discover, type DiscoveredFile, type DiscoverOptions } from "./discover.js";
import { moduleNameOf } from "./module-name.js";
import { decodePython, tooLarge, unreadable } from "./read-source.js";
import { sharedQueueAnalyzer, type PoolOptions } from "./worker-pool.js";

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

  // Workers (when the project is large enough) analyse Python files as they are found; this thread reads them,
  // then scans the model/data files, then joins the analysis.
  let ownWorkDone!: () => void;
  const localStartsAfter = new Promise<void>((resolve) => (ownWorkDone = resolve));
  const analyzer = await sharedQueueAnalyzer(spec, rules, { ...poolOptions(options.jobs), localStartsAfter });
  let artifacts: ArtifactFilesResult | undefined;
  try {
    const analyses: Promise<FileAnalysis>[] = [];
    let done = 0;
    const progress = () => options.onProgress?.(++done, pythonFiles.length);
    await readCandidates(pythonFiles, prefilterTokens(rules), options.maxFileSize, errors, options.onSourceRead, progress, (c) => {
      const analysis = analyzer.analyze({ path: c.file.relPath, source: c.source, moduleName: moduleNameOf(c.file.relPath) });
      analyses.push(analysis.finally(progress));
    });
    if (artifactRules.length > 0) {
      const artifactFiles = discovery.files.filter((f) => f.kind === "other" && !excluded(f.absPath));
      const projectPython = discovery.files.filter((f) => f.kind === "python" && !excluded(f.absPath));
      const pickle = config?.pickleAllow?.length
        ? { ...options.pickle, allowGlobals: [...(options.pickle?.allowGlobals ?? []), ...config.pickleAllow] }
        : (options.pickle ?? {});
      artifacts = await scanArtifactFiles(artifactFiles, pickle, undefined, projectPython);
    }
    ownWorkDone();
    for (const r of await Promise.all(analyses)) {
      findings.push(...r.findings);
      errors.push(...r.errors);
    }
  } finally {
    ownWorkDone();
    await analyzer.close();
  }

  if (artifacts) {
    const enabled = new Set(artifactRules.map((r) => r.id));
    for (const f of artifacts.findings) {
      if (!enabled.has(f.ruleId)) continue;
      const severity = config?.rules[f.ruleId]?.severity;
      findings.push(severity ? { ...f, severity } : f);
    }
    errors.push(...artifacts.errors);
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
      filesScanned: pythonFiles.length + (artifacts?.scanned ?? 0),
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

/** Files read between two turns of the event loop, so analysis results and artifact I/O keep flowing. */
const READ_BATCH = 32;

/**
 * Reads every Python file and hands on those that contain a prefilter token of some rule, as they are found.
 * The token test runs on raw bytes, before decoding, so most files cost one read and one byte search. Reads are
 * synchronous (much cheaper per small file than the thread pool) in batches that yield to the event loop.
 */
async function readCandidates(
  files: DiscoveredFile[],
  tokens: readonly string[],
  maxBytes: number,
  errors: ScanError[],
  onSourceRead: ScanOptions["onSourceRead"],
  onSkipped: () => void,
  onCandidate: (c: Candidate) => void,
): Promise<void> {
  const anyToken = prefilterRegExp(tokens);
  for (let i = 0; i < files.length; i++) {
    if (i % READ_BATCH === READ_BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
    const file = files[i];
    const candidate = readCandidate(file, anyToken, maxBytes, errors, onSourceRead);
    if (candidate) onCandidate(candidate);
    else onSkipped();
  }
}

function readCandidate(
  file: DiscoveredFile,
  anyToken: RegExp,
  maxBytes: number,
  errors: ScanError[],
  onSourceRead: ScanOptions["onSourceRead"],
): Candidate | undefined {
  if (file.size > maxBytes) {
    errors.push(tooLarge(file.relPath, file.size, maxBytes));
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.absPath);
  } catch (e) {
    errors.push(unreadable(file.relPath, e));
    return undefined;
  }
  const latin1 = bytes.toString("latin1");
  if (!anyToken.test(latin1)) return undefined;
  const decoded = decodePython(bytes, file.relPath, maxBytes);
  if (!decoded.ok) {
    errors.push(decoded.error);
    return undefined;
  }
  if (decoded.warning) errors.push(decoded.warning);
  onSourceRead?.(file, bytes);
  return { file, source: decoded.source };
}

/**
 * Source each thread should have before another worker starts. On a 2-vCPU machine a worker pays off from about
 * 35 M characters of candidate source (three times the Python standard library's 12 M; twice that scans faster on
 * one thread): it needs its own start-up and warm-up of the compiled code, and the two threads share the cores
 * with the compiler.
 */
const SOURCE_PER_THREAD = 16_000_000;

/** `--jobs N` starts N workers at once; by default one per remaining core, as the work grows to be worth it. */
function poolOptions(jobs: number | undefined): PoolOptions {
  if (jobs !== undefined) return { maxWorkers: jobs, sourcePerThread: 0 };
  return { maxWorkers: Math.max(0, Math.min(availableParallelism() - 1, 8)), sourcePerThread: SOURCE_PER_THREAD };
}
