import { availableParallelism } from "node:os";
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { compareErrors, compareFindings } from "../core/order.js";
import type { Finding, ScanError, ScanReport } from "../core/types.js";
import type { FileAnalysis } from "../languages/python/analyze.js";
import { BytePrefilter, prefilterRegExp, prefilterTokens } from "../languages/python/prefilter.js";
import { ruleSetSpec, type RuleSetSpec } from "../rules/selection.js";
import { PYTHON_RULE_CATALOG } from "../rules/python-catalog.js";
import type { PythonRule } from "../rules/rule.js";
import { resolveTrust, TRUST_FLOW_RULE, withTrustFlow } from "../rules/python/trust-join.js";
import type { PickleScanOptions } from "../artifacts/types.js";
import { scanArtifactFiles, splitRulesets, type ArtifactFilesResult } from "./artifacts.js";
import { configExcluder, prunableExcludes, type PathfinderConfig } from "./config.js";
import { UsageError } from "./errors.js";
import { scanDependencies } from "./dependency-scan.js";
import { discover, type DiscoveredFile, type DiscoverOptions } from "./discover.js";
import { foldRepeatedErrors } from "./fold-errors.js";
import { JAVA_STREAM_HEAD_BYTES, scanOtherLanguageFiles, selectOtherLanguageRules } from "./other-languages.js";
import { FileHeads } from "./file-heads.js";
import { PackageLayout } from "./module-name.js";
import type { ProgramFile } from "./whole-program.js";
import { refersToLeading } from "./reference-matcher.js";
import { AnalysisCache, filesKey as stampsKey, isResults, isTrusted, trustedStamp } from "./cache.js";
import { projectGlobalsOf, type ScannedText } from "./project-globals.js";
import { moduleNameOf } from "./module-name.js";
import { asPythonRecord, changedFiles, packRecord, PYTHON_RECORD, recordResults, summaryDigest, unpackRecord, type PythonRecord, type RecordedFile } from "./python-record.js";
import { decodePython, mayHideTokens, readsAsLatin1, tooLarge, unreadable } from "./read-source.js";
import { importStatementsOfBytes, type ImportStatements } from "./import-statements.js";
import type { PoolOptions } from "./worker-pool.js";
import { pythonAnalysis } from "./lazy-analysis.js";
import { rememberedRuleMeta } from "./rule-meta-memo.js";
import { appendAll } from "../core/arrays.js";

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
  /**
   * Milliseconds one Python file may take to parse and analyse (`--file-timeout`); past it the file gets a
   * `timeout` warning and keeps the findings made so far. Default `DEFAULT_FILE_TIMEOUT_MS`; 0 = no limit.
   */
  fileTimeoutMs?: number;
  /** Pickle policy for model/data files (`--pickle-policy`, `--pickle-allow`). */
  pickle?: Partial<PickleScanOptions>;
  /**
   * Folder of the on-disk analysis cache (`--cache-dir`; the CLI uses `.pathfinder_cache` in the project); none
   * (the library default, and `--no-cache`) analyses every file.
   */
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
  /** Called with the bytes of every file that is analysed, as read (e.g. to detect later changes before `--fix`). */
  onSourceRead?: (file: { relPath: string; absPath: string }, bytes: Uint8Array) => void;
}

export { UsageError };

/** Default time budget of one Python file: far above any real file (the largest take tens of milliseconds). */
export const DEFAULT_FILE_TIMEOUT_MS = 5000;

export async function scanProject(options: ScanOptions): Promise<ScanReport> {
  const started = Date.now();
  const config = options.config;
  const otherLanguages = selectOtherLanguageRules(options.rulesets, config);
  const split = otherLanguages.runRest ? splitRulesets(otherLanguages.rest) : { python: [], runPython: false, artifactRules: [] };
  if ("error" in split) throw new UsageError(split.error);
  const disabled = new Set((config?.disable ?? []).map((id) => id.toUpperCase()));
  const artifactRules = split.artifactRules
    .filter((r) => !disabled.has(r.id.toUpperCase()))
    .map((r) => (config?.rules[r.id]?.severity ? { ...r, severity: config.rules[r.id].severity! } : r));
  let spec: RuleSetSpec = { ruleIds: [] };
  if (split.runPython) {
    const settings = { disable: config?.disable, customizations: config?.rules, source: config?.file, allowEmpty: artifactRules.length > 0 || otherLanguages.rules.length > 0 };
    const resolution = ruleSetSpec(split.python, settings);
    if (!resolution.ok) throw new UsageError(resolution.error);
    spec = resolution.spec;
  }
  // Trust of the pattern rules' findings needs the flow rule's analysis even when it is not selected.
  const selected = new Set(spec.ruleIds);
  spec = withTrustFlow(spec);
  const ruleSet = spec;
  // The rules themselves (their matchers, and the Python analysis they use) are loaded only when a file is analysed
  // or their metadata is not remembered; choosing them needs only the catalog.
  let built: PythonRule[] | undefined;
  const buildRules = async () => (built ??= (await import("../rules/registry.js")).buildRuleSet(ruleSet));
  const ruleEntries = spec.ruleIds.map((id) => PYTHON_RULE_CATALOG.find((r) => r.id === id)!);
  const target = resolve(options.target);
  let discovery;
  try {
    // Name patterns prune the walk; path patterns are relative to the configuration file and filter below.
    discovery = await discover(target, { ...options, exclude: [...options.exclude, ...prunableExcludes(config)] });
  } catch (e) {
    throw new UsageError(`cannot scan "${options.target}": ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}`);
  }
  const excluded = configExcluder(config);
  const root = statSync(target).isDirectory() ? target : dirname(target);
  const errors: ScanError[] = discovery.errors.filter((e) => !excluded(join(root, e.file)));
  const findings: Finding[] = [];
  const pythonFiles = ruleEntries.length > 0 ? discovery.files.filter((f) => f.kind === "python" && !excluded(f.absPath)) : [];
  // Jupyter notebooks: their code cells are Python (see `notebooks.ts`).
  const notebookFiles = ruleEntries.length > 0 ? discovery.files.filter((f) => f.kind === "other" && f.relPath.toLowerCase().endsWith(".ipynb") && !excluded(f.absPath)) : [];
  let notebooks: { scanned: number } | undefined;

  // Most `__init__.py` files are known from the walk's listings: only those above the scan root are looked for.
  const layout = new PackageLayout((path) => discovery.initFiles.get(path) ?? existsSync(path));
  const cache = options.cacheDir ? new AnalysisCache(resolve(options.cacheDir), { tool: options.tool.version, spec, config: config ?? null }) : undefined;
  // Unchanged Python files (same stamps, layout and options) keep the results of the last scan: they are not read,
  // parsed or analysed, and with none changed the parser is never loaded (see `PythonRecord`). `onSourceRead`
  // wants every file's bytes, so it reads them all.
  const slot = JSON.stringify([target, options.maxFileSize, fileTimeout(options) ?? null]);
  const modules = pythonFiles.map((f) => layout.moduleName(f.absPath));
  const record = cache && !options.onSourceRead && pythonFiles.length ? asPythonRecord(cache.entry(PYTHON_RECORD, slot)) : undefined;
  const changed = record && changedFiles(record, pythonFiles, modules);
  let done = 0;
  const progress = () => options.onProgress?.(++done, pythonFiles.length);
  // The files kept from the record are done at once: one call, not one per file (a progress line each on a terminal).
  if (changed && changed.length < pythonFiles.length) options.onProgress?.((done = pythonFiles.length - changed.length), pythonFiles.length);
  const pythonErrors: ScanError[] = [];
  let final: PythonRecord | undefined = changed?.length === 0 ? record : undefined;
  const stamps = { files: pythonFiles, modules, startedMs: started };
  const program: ScannedFile[] = [];
  if (changed?.length) {
    const kept = await keptWithoutAnalysis(record!, changed, stamps, layout, options.maxFileSize);
    if (kept) {
      final = kept.record;
      appendAll(program, kept.program);
      changed.forEach(progress);
      cache!.setEntry(PYTHON_RECORD, slot, final);
    }
  }

  // Workers (when the project is large enough) analyse Python files as they are found; this thread reads them,
  // then scans the model/data files, then joins the analysis.
  let ownWorkDone!: () => void;
  const localStartsAfter = new Promise<void>((resolve) => (ownWorkDone = resolve));
  // The analysers (parser, whole-program pass, worker pool) are loaded only when some file is to be analysed.
  const analysis = final || !pythonFiles.length ? undefined : await pythonAnalysis();
  const rules = analysis ? await buildRules() : [];
  const analyzer = analysis && (await analysis.sharedQueueAnalyzer(spec, rules, { ...poolOptions(options.jobs), localStartsAfter, timeBudgetMs: fileTimeout(options) }));
  let artifacts: ArtifactFilesResult | undefined;
  // The Java stream check takes the first bytes of the files the model-file scan read, not opening them again.
  const heads = otherLanguages.javaStreams ? new FileHeads(JAVA_STREAM_HEAD_BYTES) : undefined;
  try {
    const analyses: Promise<[string, FileAnalysis]>[] = [];
    const onOther = (file: DiscoveredFile, imports: ImportStatements) => {
      program.push(passedOverFile(file, layout.moduleName(file.absPath), imports, options.maxFileSize, pythonErrors, options.onSourceRead));
    };
    const read = (files: DiscoveredFile[], counted = true) =>
      readCandidates(files, prefilterTokens(rules), options.maxFileSize, pythonErrors, options.onSourceRead, counted ? progress : () => {}, (c) => {
        const moduleName = layout.moduleName(c.file.absPath);
        program.push({ path: c.file.relPath, moduleName, text: c.source, length: c.source.length, source: () => c.source, mentions: (word) => c.source.includes(word) });
        const input = { path: c.file.relPath, source: c.source, moduleName };
        const cached = cache?.get(input);
        const analysis = cached ? Promise.resolve(cached) : analyzer!.analyze(input).then((a) => (cache?.set(input, a), a));
        analyses.push(analysis.finally(counted ? progress : () => {}).then((a) => [c.file.relPath, a]));
      }, onOther);
    if (analyzer) await read(changed ?? pythonFiles);
    if (artifactRules.length > 0) {
      const artifactFiles = discovery.files.filter((f) => f.kind === "other" && !excluded(f.absPath));
      const projectPython = discovery.files.filter((f) => f.kind === "python" && !excluded(f.absPath));
      const pickle = config?.pickleAllow?.length
        ? { ...options.pickle, allowGlobals: [...(options.pickle?.allowGlobals ?? []), ...config.pickleAllow] }
        : (options.pickle ?? {});
      // Project globals given by a library caller are code, which no key can stand for.
      const context = JSON.stringify([target, pickle, artifactRules.map((r) => r.id)]);
      const scannedText = scannedTextOf(program);
      artifacts = pickle.projectGlobals || !cache ? await scanArtifactFiles(artifactFiles, pickle, undefined, projectPython, scannedText, heads) : await rememberedArtifacts(cache, artifactFiles, projectPython, pickle, context, started, scannedText, heads);
    }
    ownWorkDone();
    if (analyzer) {
      if (changed?.length) final = keptAfterChanges(record!, changed, new Map(await Promise.all(analyses)), program, pythonErrors, stamps);
      if (!final) {
        // The changed files may change the whole-program pass: read the others too, and run it.
        if (changed?.length) {
          const again = new Set(changed.map((f) => f.relPath));
          await read(pythonFiles.filter((f) => !again.has(f.relPath)), false);
        }
        const firstPass = new Map(await Promise.all(analyses));
        // The workers are done: their heaps and parsers go before this thread's whole-program pass grows its own.
        await analyzer.close();
        const leading: PythonRecord["leading"] = [];
        const onLeading = (l: ReadonlyMap<string, readonly string[]>) => leading.push([...l].map(([m, names]) => [m, [...names]]));
        // A module summarised for its callers' flows changes their results when it changes: like a file the pass redid.
        const summarised = new Set<string>();
        const onSummarised = (paths: readonly string[]) => paths.forEach((p) => summarised.add(p));
        const { analyzeWholeProgram, loadPythonParser, SinkIndex } = analysis!;
        const limits = {
          timeBudgetMs: fileTimeout(options),
          onOutOfTime: (budgetMs: number) => pythonErrors.push(wholeProgramTimeout(budgetMs)),
          onOutOfRounds: (rounds: number) => pythonErrors.push(wholeProgramTooDeep(rounds)),
        };
        const redone = rules.length && program.length ? analyzeWholeProgram(program, firstPass, await loadPythonParser(), new SinkIndex(rules), cache, onLeading, onSummarised, limits) : new Map<string, FileAnalysis>();
        const results: Finding[] = [];
        for (const [path, r] of [...firstPass, ...[...redone].filter(([path]) => !firstPass.has(path))]) {
          const analysis = redone.get(path) ?? r;
          appendAll(results, analysis.findings);
          appendAll(pythonErrors, analysis.errors);
        }
        fillRelatedSnippets(results, program);
        final = recordOf(stamps, firstPass, new Set([...redone.keys(), ...summarised]), leading, results, pythonErrors, prefilterTokens(rules));
      }
      if (cache && !options.onSourceRead) cache.setEntry(PYTHON_RECORD, slot, final);
    }
    if (final) {
      const results = recordResults(final);
      appendAll(findings, results.findings);
      appendAll(errors, results.errors);
    }
    if (notebookFiles.length) {
      const { scanNotebooks } = await import("./notebooks.js");
      const read = await scanNotebooks(notebookFiles, { rules: buildRules, maxBytes: options.maxFileSize, timeBudgetMs: fileTimeout(options), cache, root: target, startedMs: started, onSourceRead: options.onSourceRead });
      appendAll(findings, read.findings);
      appendAll(errors, read.errors);
      notebooks = read;
    }
    const judged = resolveTrust(findings, selected.has(TRUST_FLOW_RULE));
    findings.length = 0;
    appendAll(findings, judged);
  } finally {
    ownWorkDone();
    await analyzer?.close();
  }

  const deps = await scanDependencies(
    discovery.files.filter((f) => !excluded(f.absPath)),
    pythonFiles,
    root,
    ruleEntries,
    findings,
    options.maxFileSize,
    errors,
    cache && { cache, root: target, startedMs: started },
  );
  for (const f of deps.findings) {
    const severity = config?.rules[f.ruleId]?.severity;
    findings.push(severity ? { ...f, severity } : f);
  }

  const included = discovery.files.filter((f) => f.kind === "other" && !excluded(f.absPath));
  const other = await scanOtherLanguageFiles(included, otherLanguages, options.maxFileSize, options.onSourceRead, cache && { cache, root: target, startedMs: started }, heads);
  appendAll(findings, other.findings);
  appendAll(errors, other.errors);

  if (artifacts) {
    const enabled = new Set(artifactRules.map((r) => r.id));
    for (const f of artifacts.findings) {
      if (!enabled.has(f.ruleId)) continue;
      const severity = config?.rules[f.ruleId]?.severity;
      findings.push(severity ? { ...f, severity } : f);
    }
    appendAll(errors, artifacts.errors);
  }

  const reportedIds = spec.ruleIds.filter((id) => selected.has(id));
  const reportedMeta = await rememberedRuleMeta(cache, RULE_META_PART, JSON.stringify(reportedIds), reportedIds, async () => {
    const { ruleMeta } = await import("../rules/registry.js");
    return (await buildRules()).filter((r) => selected.has(r.id)).map(ruleMeta);
  });

  findings.sort(compareFindings);
  errors.sort(compareErrors);
  const warnings = foldRepeatedErrors(errors);
  return {
    tool: options.tool,
    scan: {
      target,
      timestamp: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      rulesExecuted: [...reportedIds, ...artifactRules.map((r) => r.id), ...other.rules.map((r) => r.id)],
      filesScanned: pythonFiles.length + (notebooks?.scanned ?? 0) + (artifacts?.scanned ?? 0) + deps.manifests + other.scanned,
    },
    rules: [...reportedMeta, ...artifactRules, ...other.rules],
    findings,
    errors: warnings,
    dependencies: deps.records,
  };
}

/** Where the reported rules' metadata is remembered (see `rememberedRuleMeta`). */
const RULE_META_PART = "rule-meta";

interface Stamps {
  files: readonly DiscoveredFile[];
  modules: readonly string[];
  startedMs: number;
}

/** The record of every Python file, from its final findings and warnings. */
function recordOf(stamps: Stamps, firstPass: ReadonlyMap<string, FileAnalysis>, redone: ReadonlySet<string>, leading: PythonRecord["leading"], results: readonly Finding[], fileErrors: readonly ScanError[], tokens: readonly string[]): PythonRecord {
  const startedNs = BigInt(stamps.startedMs) * 1_000_000n;
  const byPath = new Map<string, RecordedFile>();
  const files = stamps.files.map((f, i) => {
    const file: RecordedFile = { relPath: f.relPath, module: stamps.modules[i], stamp: isTrusted(f.stamp, startedNs) ? f.stamp : undefined, summary: summaryDigest(firstPass.get(f.relPath)?.summary), redone: redone.has(f.relPath), findings: [], errors: [] };
    byPath.set(f.relPath, file);
    return file;
  });
  // Results can only be about the scanned files; anything else would be lost from the record, so it is kept apart
  // in a way that makes the record serve no later scan (the next scan then runs in full).
  const orphans = { findings: [] as Finding[], errors: [] as ScanError[] };
  for (const f of results) (byPath.get(f.location.file) ?? orphans).findings.push(f);
  for (const e of fileErrors) (byPath.get(e.file) ?? orphans).errors.push(e);
  return packRecord(files, leading, tokens, orphans);
}

/**
 * The results after only `changed` files changed, keeping every other file's, when the changes cannot change the
 * whole-program pass (see `PythonRecord`); undefined otherwise.
 */
function keptAfterChanges(record: PythonRecord, changed: readonly DiscoveredFile[], firstPass: ReadonlyMap<string, FileAnalysis>, program: readonly ProgramFile[], readErrors: readonly ScanError[], stamps: Stamps): PythonRecord | undefined {
  const byPath = new Map(program.map((f) => [f.path, f]));
  const recorded = new Map(unpackRecord(record).map((f) => [f.relPath, f]));
  for (const file of changed) {
    const before = recorded.get(file.relPath);
    if (!before || before.redone || summaryDigest(firstPass.get(file.relPath)?.summary) !== before.summary) return undefined;
    const now = byPath.get(file.relPath);
    if (now && record.leading.some((round) => refersToLeading(now, new Map(round)))) return undefined;
  }
  const startedNs = BigInt(stamps.startedMs) * 1_000_000n;
  const changedPaths = new Set(changed.map((f) => f.relPath));
  // Every file the record holds is still there (see `changedFiles`), so the kept ones are the same as before.
  const files = stamps.files.map((f, i): RecordedFile => {
    if (!changedPaths.has(f.relPath)) return recorded.get(f.relPath)!;
    const analysis = firstPass.get(f.relPath);
    const errors = [...readErrors.filter((e) => e.file === f.relPath), ...(analysis?.errors ?? [])];
    return { relPath: f.relPath, module: stamps.modules[i], stamp: isTrusted(f.stamp, startedNs) ? f.stamp : undefined, summary: summaryDigest(analysis?.summary), redone: false, findings: analysis?.findings ?? [], errors };
  });
  // Related locations that point into a changed file show its current lines.
  fillRelatedSnippets(files.flatMap((f) => f.findings), program);
  return packRecord(files, record.leading, record.tokens);
}

/**
 * `keptAfterChanges` without the analysis, when no changed file holds a token of the rules the record was made with
 * (most edits: 258 of the standard library's 1790 files hold one): each is read and prefiltered as a scan would, and
 * neither the rules nor the Python analysis are loaded. Undefined when a changed file is to be analysed, or the
 * changes can change the whole-program pass; the texts read (for the model-file scan, as `program`) otherwise.
 */
async function keptWithoutAnalysis(record: PythonRecord, changed: DiscoveredFile[], stamps: Stamps, layout: PackageLayout, maxBytes: number): Promise<{ record: PythonRecord; program: ScannedFile[] } | undefined> {
  const program: ScannedFile[] = [];
  const errors: ScanError[] = [];
  let analysed = false;
  const onOther = (file: DiscoveredFile, imports: ImportStatements) => {
    program.push(passedOverFile(file, layout.moduleName(file.absPath), imports, maxBytes, errors, undefined));
  };
  await readCandidates(changed, record.tokens, maxBytes, errors, undefined, () => {}, () => (analysed = true), onOther);
  if (analysed) return undefined;
  const kept = keptAfterChanges(record, changed, new Map(), program, errors, stamps);
  return kept && { record: kept, program };
}

/**
 * The model/data files' results, from the cache when those files are unchanged (see `stampsKey`) and so is every
 * Python file that defines a global their pickles name (the project's own classes are judged by their source): the
 * entry notes the stamps of the files of every module such a name could be in. Otherwise scanned and remembered.
 */
async function rememberedArtifacts(cache: AnalysisCache, files: readonly DiscoveredFile[], python: readonly DiscoveredFile[], pickle: Partial<PickleScanOptions>, slot: string, started: number, scannedText?: ScannedText, heads?: FileHeads): Promise<ArtifactFilesResult> {
  const key = files.length ? stampsKey(files, () => "", started, slot) : undefined;
  if (!key) return scanArtifactFiles(files, pickle, undefined, python, scannedText, heads);
  const startedNs = BigInt(started) * 1_000_000n;
  // Every module a qualified name can be defined in: `a.b.C.m` in `a.b.C`, `a.b` or `a`.
  const modulesOf = (names: readonly string[]) => {
    const modules: string[] = [];
    for (const name of names) for (let end = name.lastIndexOf("."); end > 0; end = name.lastIndexOf(".", end - 1)) modules.push(name.slice(0, end));
    const stamps = moduleStamps(python, new Set(modules), startedNs);
    const out: Record<string, string> = {};
    for (const module of modules) out[module] = stamps.get(module) ?? "";
    return out;
  };
  const known = cache.entry("artifacts", slot) as { filesKey?: unknown; globals?: unknown; modules?: Record<string, string>; scanned?: unknown } | undefined;
  if (known?.filesKey === key && typeof known.scanned === "number" && isResults(known) && Array.isArray(known.globals) && known.globals.every((g) => typeof g === "string")) {
    const now = modulesOf(known.globals as string[]);
    if (JSON.stringify(now) === JSON.stringify(known.modules) && !Object.values(now).some((stamp) => stamp.includes("?"))) return { findings: known.findings, errors: known.errors, scanned: known.scanned };
  }
  const globals = projectGlobalsOf(python, scannedText);
  const named = new Set<string>();
  const recorded = { lookup: (qualified: string) => (named.add(qualified), globals.lookup(qualified)) };
  const result = await scanArtifactFiles(files, python.length ? { ...pickle, projectGlobals: recorded } : pickle, undefined, python, undefined, heads);
  const names = [...named].sort();
  cache.setEntry("artifacts", slot, { filesKey: key, ...result, globals: names, modules: modulesOf(names) });
  return result;
}

/**
 * The stamps of the files of each of `modules` (most model files name no project global, so usually none): only
 * the files whose name could end such a module are named.
 */
function moduleStamps(python: readonly DiscoveredFile[], modules: ReadonlySet<string>, startedNs: bigint): Map<string, string> {
  const stamps = new Map<string, string>();
  if (!modules.size) return stamps;
  const lastNames = new Set([...modules].map((m) => m.slice(m.lastIndexOf(".") + 1)));
  for (const f of python) {
    // The file's name without its extension, or its folder's for `__init__`: a module's last name (or not a module).
    const path = f.relPath;
    const slash = path.lastIndexOf("/");
    const dot = path.lastIndexOf(".");
    const last = path.slice(slash + 1, dot > slash ? dot : path.length);
    if (!lastNames.has(last) && !(last === "__init__" && slash > 0 && lastNames.has(path.slice(path.lastIndexOf("/", slash - 1) + 1, slash)))) continue;
    const module = moduleNameOf(f.relPath).replace(/\.__init__$/, "");
    if (modules.has(module)) stamps.set(module, `${stamps.get(module) ?? ""}${f.relPath}:${trustedStamp(f.stamp, startedNs) || "?"};`);
  }
  return stamps;
}

/** Word searches of the files the Python pass read (decoded for candidates, as Latin-1 for the rest), by project-relative path. */
function scannedTextOf(program: readonly ScannedFile[]): ScannedText {
  let byPath: Map<string, ScannedFile> | undefined;
  return (relPath, word) => (byPath ??= new Map(program.map((f) => [f.path, f]))).get(relPath)?.mentions(word);
}

/** The warning of a whole-program pass that ran out of time (see `analyzeWholeProgram`). */
function wholeProgramTimeout(budgetMs: number): ScanError {
  return {
    file: ".",
    kind: "timeout",
    level: "warning",
    message: `the whole-program pass ran out of time (budget ${budgetMs} ms, from --file-timeout and the project's size); findings that depend on other modules may be missing`,
  };
}

function wholeProgramTooDeep(rounds: number): ScanError {
  return {
    file: ".",
    kind: "too-deep",
    level: "warning",
    message: `the whole-program pass stopped after ${rounds} rounds of following re-exports and wrappers from module to module, with modules left to follow (a chain through more modules than that, or more than 8 analyses of a file); findings that depend on the rest may be missing`,
  };
}

function fileTimeout(options: ScanOptions): number | undefined {
  const ms = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  return ms > 0 ? ms : undefined;
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) (value = compute()), (done = true);
    return value;
  };
}

/** Related locations point into other modules: their snippet is that module's line. */
function fillRelatedSnippets(findings: Finding[], program: readonly ProgramFile[]): void {
  const byPath = new Map(program.map((f) => [f.path, f]));
  const linesOf = new Map<string, string[] | undefined>();
  const lines = (path: string) => {
    if (!linesOf.has(path)) linesOf.set(path, byPath.get(path)?.source()?.split(/\r?\n/));
    return linesOf.get(path);
  };
  for (const f of findings) {
    for (const step of f.relatedLocations ?? []) {
      const line = lines(step.location.file)?.[step.location.line - 1];
      if (line === undefined) continue;
      step.location.snippet = line.trimEnd();
      step.location.endColumn = Math.max(step.location.column, line.trimEnd().length + 1);
    }
  }
}

interface Candidate {
  file: DiscoveredFile;
  source: string;
}

/** A Python file as the scan read it: what the whole-program pass asks of it, and word searches for the model-file scan. */
interface ScannedFile extends ProgramFile {
  /** Whether `text` holds `word`; undefined when the file cannot be read. */
  mentions(word: string): boolean | undefined;
}

/**
 * A file the prefilter passed over. The whole-program pass asks every file for its import statements, found while its
 * bytes were read, and few files for more (100 of the 1532 such files of CPython's standard library): their text is
 * read again when first asked. Holding every such file's text to the end instead (19 MB of strings there) cost a page
 * fault per fresh 4 KB page, more than reading again the few files asked for, or all of them once for a word search
 * of the model-file scan (see `mentions`).
 */
function passedOverFile(file: DiscoveredFile, moduleName: string, imports: ImportStatements, maxBytes: number, errors: ScanError[], onSourceRead: ScanOptions["onSourceRead"]): ScannedFile {
  let text: string | undefined;
  let failure: ScanError | undefined;
  const textOf = () => (text ??= readAgain(file.absPath, (bytes) => bytes.toString("latin1"), (e) => (failure = unreadable(file.relPath, e))) ?? "");
  return {
    path: file.relPath,
    moduleName,
    imports,
    length: file.size,
    get text() {
      return textOf();
    },
    source: once(() => {
      const latin1 = textOf();
      if (failure) {
        errors.push(failure);
        return undefined;
      }
      return decodeRead(file, Buffer.from(latin1, "latin1"), maxBytes, errors, onSourceRead, latin1);
    }),
    mentions: (word) => (text !== undefined ? text.includes(word) : readAgain(file.absPath, (bytes) => bytes.includes(word, 0, "latin1"))),
  };
}

/** Files read between two turns of the event loop, so analysis results and artifact I/O keep flowing. */
const READ_BATCH = 32;

/**
 * Reads every Python file and hands on those that contain a prefilter token of some rule, as they are found, and the
 * import statements of the others. The token test runs on raw bytes, before decoding, so most files cost one read and
 * one byte search and never become a string. Reads are synchronous (much cheaper per small file than the thread pool)
 * in batches that yield to the event loop.
 */
async function readCandidates(
  files: DiscoveredFile[],
  tokens: readonly string[],
  maxBytes: number,
  errors: ScanError[],
  onSourceRead: ScanOptions["onSourceRead"],
  onSkipped: () => void,
  onCandidate: (c: Candidate) => void,
  onOther: (file: DiscoveredFile, imports: ImportStatements) => void,
): Promise<void> {
  const bytePrefilter = new BytePrefilter(tokens, ["import"]);
  const anyToken = prefilterRegExp(tokens);
  const importAt: number[] = [];
  // The import statements of a file passed over, or undefined for a candidate.
  const passedOver = (bytes: Buffer) => {
    const found = bytePrefilter.test(bytes, importAt);
    if (found === true || (typeof found === "number" && anyToken.test(bytes.toString("latin1", found)))) return undefined;
    if (mayHideTokens(bytes, anyToken)) return undefined;
    return importStatementsOfBytes(bytes, importAt);
  };
  for (let from = 0; from < files.length; from += READ_BATCH) {
    if (from > 0) await new Promise((resolve) => setImmediate(resolve));
    const batch = files.slice(from, from + READ_BATCH);
    const taken = readBatch(batch, maxBytes, passedOver, errors, onSourceRead);
    for (let k = 0; k < batch.length; k++) {
      const file = taken[k];
      if (file && "source" in file) onCandidate(file);
      else {
        if (file) onOther(file.file, file.imports);
        onSkipped();
      }
    }
  }
  releaseGrownReadBuffer();
}

/**
 * The decoded source of a file read as `bytes` (decoding problems become errors), announced to `onSourceRead`;
 * `latin1` is the bytes already read as Latin-1 (see `decodePython`).
 */
function decodeRead(file: DiscoveredFile, bytes: Buffer, maxBytes: number, errors: ScanError[], onSourceRead: ScanOptions["onSourceRead"], latin1?: string): string | undefined {
  const decoded = decodePython(bytes, file.relPath, maxBytes, latin1);
  if (!decoded.ok) {
    errors.push(decoded.error);
    return undefined;
  }
  if (decoded.warning) errors.push(decoded.warning);
  onSourceRead?.(file, bytes);
  return decoded.source;
}

/** Where a file's bytes are in `readBuffer`, or why it was not read. */
type Span = { start: number; end: number } | { error: ScanError };

/** What became of one file of a batch: a candidate, a file passed over (with its import statements), or nothing. */
type Taken = Candidate | { file: DiscoveredFile; imports: ImportStatements } | undefined;

/**
 * The files of one batch, read one after the other into `readBuffer`, each then passed over or taken as a candidate.
 * The scan holds the candidates' sources to the end, and an ASCII candidate's source is a slice of one Latin-1 string
 * of the batch's ASCII candidates, moved together in `readBuffer`: a string of its own per file lived through the
 * young generation's collections, which copied all of them twice (34 MB on CPython's standard library: a tenth of the
 * scan's scavenging), while a batch's string (usually hundreds of kilobytes) is allocated outside the space they copy.
 */
function readBatch(files: readonly DiscoveredFile[], maxBytes: number, passedOver: (bytes: Buffer) => ImportStatements | undefined, errors: ScanError[], onSourceRead: ScanOptions["onSourceRead"]): Taken[] {
  const spans: Span[] = [];
  let length = 0;
  for (const file of files) {
    if (file.size > maxBytes) {
      spans.push({ error: tooLarge(file.relPath, file.size, maxBytes) });
      continue;
    }
    try {
      const end = readWhole(file.absPath, length, file.size);
      spans.push({ start: length, end });
      length = end;
    } catch (e) {
      spans.push({ error: unreadable(file.relPath, e) });
    }
  }
  const taken: Taken[] = new Array(files.length);
  const ascii: { k: number; start: number; end: number }[] = [];
  let asciiLength = 0;
  for (let k = 0; k < files.length; k++) {
    const span = spans[k];
    const file = files[k];
    if ("error" in span) {
      errors.push(span.error);
      continue;
    }
    const bytes = readBuffer.subarray(span.start, span.end);
    const imports = passedOver(bytes);
    if (imports) {
      taken[k] = { file, imports };
    } else if (readsAsLatin1(bytes, maxBytes)) {
      // Only strings of the bytes outlive the batch; whoever asks for the bytes themselves gets a copy.
      onSourceRead?.(file, Buffer.from(bytes));
      // Before the bytes of the files after this one: nothing not yet read is overwritten.
      readBuffer.copyWithin(asciiLength, span.start, span.end);
      ascii.push({ k, start: asciiLength, end: asciiLength + bytes.length });
      asciiLength += bytes.length;
    } else {
      const source = decodeRead(file, onSourceRead ? Buffer.from(bytes) : bytes, maxBytes, errors, onSourceRead);
      if (source !== undefined) taken[k] = { file, source };
    }
  }
  const text = readBuffer.toString("latin1", 0, asciiLength);
  for (const { k, start, end } of ascii) taken[k] = { file: files[k], source: text.slice(start, end) };
  return taken;
}

/**
 * The Python files' bytes are read in turn into this one buffer (grown as a file needs): each file read whole into a
 * buffer of its own cost an allocation outside the heap per file (31 MB over the standard library) that the garbage
 * collector then had to be pressed to release, and a stat call for the size discovery already knows. Nothing in it
 * outlives the synchronous work on one batch, so files read again later (`readAgain`) are read into it too.
 */
let readBuffer = Buffer.allocUnsafeSlow(64 * 1024);
/** A buffer grown past this for a large file is let go once the files are read. */
const KEPT_READ_BUFFER = 4 << 20;

function releaseGrownReadBuffer(): void {
  if (readBuffer.length > KEPT_READ_BUFFER) readBuffer = Buffer.allocUnsafeSlow(KEPT_READ_BUFFER);
}

/** What `use` makes of the bytes of the file at `path`, read again into `readBuffer`; undefined if it cannot be read. */
function readAgain<T>(path: string, use: (bytes: Buffer) => T, onError?: (e: unknown) => void): T | undefined {
  let bytes: Buffer;
  try {
    bytes = readBuffer.subarray(0, readWhole(path, 0, 0));
  } catch (e) {
    onError?.(e);
    return undefined;
  }
  const made = use(bytes);
  releaseGrownReadBuffer();
  return made;
}

/**
 * Reads every byte of the file at `path` (however its size changed since it was found) into `readBuffer` from
 * `offset` on, keeping what is before it; returns the offset after its last byte.
 */
function readWhole(path: string, offset: number, expectedSize: number): number {
  if (readBuffer.length <= offset + expectedSize) grow(Math.max(offset + expectedSize + 1, readBuffer.length * 2), offset);
  const fd = openSync(path, "r");
  try {
    let length = offset;
    for (;;) {
      if (length === readBuffer.length) grow(readBuffer.length * 2, length);
      const read = readSync(fd, readBuffer, length, readBuffer.length - length, null);
      if (read === 0) return length;
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** Replaces `readBuffer` with one of `size` bytes that starts with its first `keep` bytes. */
function grow(size: number, keep: number): void {
  const grown = Buffer.allocUnsafeSlow(size);
  readBuffer.copy(grown, 0, 0, keep);
  readBuffer = grown;
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
