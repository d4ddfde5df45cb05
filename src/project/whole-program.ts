// Whole-program pass: after every file with a rule token has been analysed on its own, the project index joins
// their summaries, and the files that use a project module leading to a sink are analysed again with the index.
import { analyzePython, SinkIndex, timeBudgetFor, type FileAnalysis, type PythonFile } from "../languages/python/analyze.js";
import type { PythonParser } from "../languages/python/parser.js";
import { packageModuleName, ProjectIndex, type ExportedValue, type ModuleSummary, type SummaryReads } from "../languages/python/project-index.js";
import type { ProjectResolver, ResolvedName } from "../languages/python/semantic/model.js";
import type { FunctionFlows, ResolvedFlows } from "../languages/python/taint/summaries.js";
import { analyzeSafely } from "./analyzer.js";
import type { AnalysisCache } from "./cache.js";
import { importsOf, importWords, ReferenceMatcher, type FileImports, type ProjectNames } from "./reference-matcher.js";
import type { ImportStatements } from "./import-statements.js";
import { createHash } from "node:crypto";

export interface ProgramFile {
  path: string;
  /** File module name (`pkg.__init__` for a package). */
  moduleName: string;
  /** The file's text; `text` may be the raw bytes read as latin1 (enough to look for names). */
  text: string;
  /** Characters in the file, or its size in bytes when it was not decoded (never fewer): what the pass's time budget counts, without reading the file again. */
  length: number;
  /** The import statements of `text`, when whoever read the file found them already (then `text` may be read only if asked). */
  imports?: ImportStatements;
  /** The decoded source, when the file can be analysed. */
  source: () => string | undefined;
}

/**
 * Rounds of re-analysis at most: each round follows one more level of re-exports or wrapper functions between modules
 * (a wrapper of a wrapper of `pickle.loads`, ten modules deep, takes ten; so does `loads = m1.loads` through ten
 * modules that hold no sink's name themselves, which have no summary before they are analysed). Real projects settle
 * in one or two. Each round matches every file's imports against the modules that lead to a sink, so the rounds
 * may make `MAX_ROUND_MATCHES` such matches, or `MIN_ROUNDS` rounds whichever is more (a project of 70 files gets
 * 3,700 rounds, one of 5,000 files 64); the analyses are bounded too (`MAX_ANALYSES_PER_FILE` per file). Past either,
 * the scan says so.
 */
const MIN_ROUNDS = 64;
const MAX_ROUND_MATCHES = 1 << 18;
const MAX_ANALYSES_PER_FILE = 8;

/**
 * Steps of name resolution across modules (see `ProjectIndex.bounded`) that one analysis of a file, or one question
 * the pass asks the index, may take: 100 times what the costliest file of our corpora and of the nine real projects
 * triaged takes (~500). Past it the file's names are left as they are and the scan says so.
 */
const RESOLUTION_STEPS = 50_000;

/**
 * Re-analyses, with the project index, every file that refers to a project module whose exports lead to a sink
 * (see `ReferenceMatcher`), until nothing changes. A file that refers to no such module cannot reach a sink
 * through the project, so its own analysis stands. Returns the analyses that replace first-pass ones, by path.
 */
export function analyzeWholeProgram(
  files: readonly ProgramFile[],
  firstPass: ReadonlyMap<string, FileAnalysis>,
  parser: PythonParser,
  sinks: SinkIndex,
  cache?: AnalysisCache,
  /** Told every set of project modules that lead to a sink the pass matches files against. */
  onLeading?: (leading: ReadonlyMap<string, readonly string[]>) => void,
  /** Told the files summarised whole for the data flows of their callers (their results depend on all of theirs). */
  onSummarised?: (paths: readonly string[]) => void,
  /**
   * Each file's time budget (see `analyzePython`), and the pass's own (see `WholeProgramBudget`); told when the pass
   * stops with work left after its rounds or analyses (see `MIN_ROUNDS`).
   */
  limits: { timeBudgetMs?: number; onOutOfTime?: (budgetMs: number) => void; onOutOfRounds?: (rounds: number) => void } = {},
): Map<string, FileAnalysis> {
  const budget = new WholeProgramBudget(files, limits.timeBudgetMs, limits.onOutOfTime);
  const modules = new Set<string>();
  const byModule = new Map<string, ProgramFile>();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const module = packageModuleName(f.moduleName);
    if (!module || byModule.has(module)) continue;
    byModule.set(module, f);
    modules.add(module);
    for (let i = module.indexOf("."); i > 0; i = module.indexOf(".", i + 1)) modules.add(module.slice(0, i));
  }
  const index = new ProjectIndex(modules, (top) => sinks.leadsToSink(top));
  const aliases = namespaceAliases(byModule, modules);
  for (const [alias, module] of aliases) index.alias(alias, module);
  for (const [path, analysis] of firstPass) {
    if (analysis.summary && byModule.get(analysis.summary.module)?.path === path) index.set(analysis.summary);
  }
  const demanded = summariseDemandedModules(byModule, modules, aliases, index, parser, sinks, cache, budget);
  onSummarised?.([...demanded.keys.keys()].flatMap((m) => byModule.get(m)?.path ?? []));
  // A file that names a constant other modules' trust depends on (even to rebind it) changes their results.
  const constants = constantModules(index);
  if (constants.size) onLeading?.(constants);
  const importCache = new Map<string, FileImports>();
  const importsOfFile = (file: ProgramFile) => {
    let found = importCache.get(file.path);
    if (!found) importCache.set(file.path, (found = importsOf(file)));
    return found;
  };
  const names: ProjectNames = { aliases, aliasHeads: new Set([...aliases.keys()].map((a) => a.split(".")[0])) };
  const redone = new Map<string, FileAnalysis>();
  const seenWith = new Map<string, Set<string>>();
  let changed = new Set<string>();
  const sinkLeading = new SinkLeadingModules(index, sinks, budget);
  let leading = sinkLeading.now();
  onLeading?.(leading);
  let analysesLeft = MAX_ANALYSES_PER_FILE * files.length;
  const rounds = Math.max(MIN_ROUNDS, Math.floor(MAX_ROUND_MATCHES / Math.max(1, files.length)));
  for (let round = 0; leading.size > 0 || demanded.callers.size > 0; round++) {
    if (round === rounds || analysesLeft <= 0) {
      limits.onOutOfRounds?.(round);
      break;
    }
    const matcher = new ReferenceMatcher(leading, importsOfFile, names);
    const work: { file: ProgramFile; refs: Set<string> }[] = [];
    for (const file of files) {
      const refs = matcher.referencedBy(file);
      // A file whose flows met calls into modules summarised since: analysed again with their summaries.
      for (const module of demanded.callers.get(file.path) ?? []) refs.add(module);
      if (!refs.size) continue;
      const before = seenWith.get(file.path);
      if (before && [...refs].every((m) => before.has(m) && !changed.has(m))) continue;
      work.push({ file, refs });
    }
    if (!work.length) break;
    const nextChanged = new Set<string>();
    const projectSinksFor = projectSinkIndexes(sinks, leading, index);
    let state: string | undefined;
    let summariesChanged = false;
    for (const { file, refs } of work) {
      if (analysesLeft-- <= 0 || budget.spent()) break;
      seenWith.set(file.path, refs);
      const projectSinks = projectSinksFor(refs, importsOfFile(file));
      const source = file.source();
      if (source === undefined) continue;
      const input: PythonFile = { path: file.path, source, moduleName: file.moduleName };
      // A whole-program analysis depends on the file and on the index as the round found it.
      if (cache) state ??= indexState(index);
      let analysis = cache?.get(input, state);
      if (!analysis) {
        const completeFlows = demanded.keys.get(packageModuleName(file.moduleName));
        analysis = boundedAnalysis(index, file.path, () => analyzePython(parser, input, projectSinks, { project: index, ...budget.perFile, ...(completeFlows ? { completeFlows } : {}) }));
        cache?.set(input, analysis, state);
      }
      redone.set(file.path, analysis);
      if (analysis.summary?.flowsComplete && byModule.get(analysis.summary.module)?.path === file.path) {
        index.setFlows(analysis.summary);
        summariesChanged = true;
      }
      const summary = analysis.summary;
      if (summary && byModule.get(summary.module)?.path === file.path && !sameSummary(index.summary(summary.module), summary)) {
        index.set(summary);
        summariesChanged = true;
        // Later files of this round see this summary too: their cache entries must depend on it.
        if (state !== undefined) state = createHash("sha256").update(state).update(JSON.stringify(summary)).digest("hex");
      }
    }
    // A module changed for its users when what of it leads to a sink changed.
    const after = summariesChanged ? sinkLeading.now() : leading;
    if (after !== leading) onLeading?.(after);
    for (const module of new Set([...leading.keys(), ...after.keys()])) {
      if (String(leading.get(module)) !== String(after.get(module))) nextChanged.add(module);
    }
    changed = nextChanged;
    leading = after;
    // With nothing changed, every file refers to what it referred to, all of it seen unchanged: no work is left.
    if (!changed.size || budget.spent()) break;
  }
  return redone;
}

/**
 * The sink index each file of a round is analysed with: the rules' names plus the words of the project modules the
 * file refers to, so that partial parsing keeps the code that uses them, and not the code that only spells what
 * other files use. A sink-leading module adds its last name and the exports that lead to a sink. Of the modules
 * summarised for data flow, the last names and function names that the file's import statements spell are added
 * (all of them when it imports by run-time names): a call into such a module resolves only if the statement that
 * binds it (`from helpers import fetch`, on a line of its own) is parsed, and nothing else anchors that statement.
 * Files with the same words share one index.
 */
function projectSinkIndexes(
  sinks: SinkIndex,
  leading: ReadonlyMap<string, readonly string[]>,
  index: ProjectIndex,
): (refs: ReadonlySet<string>, imports: FileImports) => SinkIndex {
  const built = new Map<string, SinkIndex>();
  const flowWords = new Set<string>();
  for (const summary of index.allFlowSummaries()) {
    flowWords.add(summary.module.slice(summary.module.lastIndexOf(".") + 1));
    for (const key of Object.keys(summary.flows ?? {})) flowWords.add(key.split(".")[0]);
  }
  return (refs, imports) => {
    const modules = [...refs].filter((m) => leading.has(m)).sort();
    const named = [...flowWords].filter((w) => imports.dynamic || importWords(imports).has(w)).sort();
    const key = `${modules.join(",")}\0${named.join(",")}`;
    let found = built.get(key);
    if (!found) {
      const words = new Set(named);
      for (const module of modules) {
        words.add(module.slice(module.lastIndexOf(".") + 1));
        for (const name of leading.get(module)!) words.add(name);
      }
      built.set(key, (found = new SinkIndex(sinks.rules, { words: [...words], modules })));
    }
    return found;
  };
}

/**
 * Modules summarised whole for their callers at most; rounds of following what those summaries call in turn (a
 * function returning another module's function's result, which returns request data, takes about two rounds per
 * module); and analyses in all, which bound the rounds on hostile input.
 */
const MAX_DEMANDED_MODULES = 256;
const MAX_DEMAND_ROUNDS = 32;
const MAX_DEMAND_ANALYSES = 2 * MAX_DEMANDED_MODULES;

/**
 * The data-flow rules note the calls they could not follow from a sink back to a source (a function of another
 * module that may return request data or pass its argument on); the project modules those calls name are analysed
 * whole here, so that every function of theirs has a summary in the index before the callers are analysed again.
 */
function summariseDemandedModules(
  byModule: ReadonlyMap<string, ProgramFile>,
  modules: ReadonlySet<string>,
  aliases: ReadonlyMap<string, string>,
  index: ProjectIndex,
  parser: PythonParser,
  sinks: SinkIndex,
  cache: AnalysisCache | undefined,
  budget: WholeProgramBudget,
): { callers: Map<string, Set<string>>; keys: Map<string, string[]> } {
  const demandedBy = new Map<string, Set<string>>();
  /** The functions summarised of each module (see `PythonRule.flowSummary`). */
  const keys = new Map<string, string[]>();
  if (!sinks.rules.some((r) => r.flowSummary)) return { callers: demandedBy, keys };
  const done = new Set<string>();
  const bySegment = new Map<string, string[]>();
  for (const m of [...modules, ...aliases.keys()]) {
    const last = m.slice(m.lastIndexOf(".") + 1);
    bySegment.set(last, [...(bySegment.get(last) ?? []), m]);
  }
  /** The modules whose function summaries the last round changed: the modules calling into them are summarised again. */
  let summarisedLast = new Set<string>();
  /** Each module's last analysis here, with the functions it summarised and what it asked the index (see `unchangedFlows`). */
  const analysed = new Map<string, { functions: string; asked: FlowsAsked; analysis: FileAnalysis }>();
  /** The names the project's files rebind (see `reboundNames`), read once when a summary first holds a constant. */
  let rebound: ReadonlySet<string> | undefined;
  let analysesLeft = MAX_DEMAND_ANALYSES;
  for (let round = 0; round < MAX_DEMAND_ROUNDS && done.size < MAX_DEMANDED_MODULES && analysesLeft > 0 && !budget.spent(); round++) {
    const wanted = new Map<string, Set<string>>();
    for (const summary of [...index.allSummaries(), ...index.allFlowSummaries()]) {
      for (const name of summary.flowDemand ?? []) {
        const named = name.startsWith("?") ? modulesEndingWith(name.slice(1, name.indexOf(".")), bySegment) : [moduleOf(name, modules, aliases)];
        for (const n of named) {
          const module = n && (aliases.get(n) ?? n);
          // A project module named like a library the rules know (`io`, `codecs` in CPython's `Lib/`) keeps its library meaning.
          if (!n || !module || module === summary.module || !byModule.has(module) || sinks.leadsToSink(n.split(".")[0])) continue;
          const by = byModule.get(summary.module)?.path;
          if (by) demandedBy.set(by, (demandedBy.get(by) ?? new Set()).add(`${module}\0${name}`));
          // The function (or method, or method of any class after a factory call) the call names.
          const rest = (name.startsWith("?") ? name.slice(name.indexOf(".") + 1) : name.slice(n.length + 1)).split(".").map((s) => s.replace(/\(\)$/, ""));
          const want = [rest[0], ...(rest.length > 1 ? [`${rest[0]}.${rest[1]}`, `*.${rest[1]}`] : [])];
          const had = keys.get(module) ?? [];
          const missing = want.filter((k) => !had.includes(k));
          if (missing.length && done.size < MAX_DEMANDED_MODULES) wanted.set(module, new Set([...(wanted.get(module) ?? had), ...missing]));
          // A summarised module whose calls lead into a module summarised since: summarised again with it.
          const own = keys.get(summary.module);
          if (own && summarisedLast.has(module) && index.flowSummary(summary.module) === summary && !wanted.has(summary.module)) wanted.set(summary.module, new Set(own));
        }
      }
    }
    if (!wanted.size) break;
    const changedNow = new Set<string>();
    // Cache keys only: without a cache the index's state is never hashed.
    let state = cache ? `flows:${indexState(index)}` : "";
    for (const [module, want] of [...wanted].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (done.size >= MAX_DEMANDED_MODULES && !done.has(module)) break;
      done.add(module);
      const functions = [...want].sort();
      keys.set(module, functions);
      const file = byModule.get(module)!;
      const source = file.source();
      if (source === undefined) continue;
      const input: PythonFile = { path: file.path, source, moduleName: file.moduleName };
      const salt = `${state}:${functions.join(",")}`;
      // Summarised again because a module it calls into was summarised since: the same analysis if what it asked of
      // those summaries is unchanged (its flow summary in the index stands).
      const before = analysed.get(module);
      if (before && before.functions === functions.join(",") && unchangedFlows(before.asked, index)) {
        if (cache && before.analysis.summary?.module === module) state = createHash("sha256").update(state).update(JSON.stringify(before.analysis.summary)).digest("hex");
        continue;
      }
      if (analysesLeft-- <= 0 || budget.spent()) break;
      let analysis = cache?.get(input, salt);
      if (!analysis) {
        const { project, asked } = recordingFlows(index);
        analysis = boundedAnalysis(index, file.path, () => analyzePython(parser, input, sinks, { project, completeFlows: functions, ...budget.perFile }));
        cache?.set(input, analysis, salt);
        analysed.set(module, { functions: functions.join(","), asked, analysis });
      } else analysed.delete(module);
      if (analysis.summary?.module === module) {
        const previous = index.flowSummary(module);
        index.setFlows(withoutReboundConstants(analysis.summary, () => (rebound ??= reboundNames(byModule))));
        if (!previous || !sameJson(previous.flows, index.flowSummary(module)?.flows)) changedNow.add(module);
        if (cache) state = createHash("sha256").update(state).update(JSON.stringify(analysis.summary)).digest("hex");
      }
    }
    summarisedLast = changedNow;
  }
  // Only the callers whose calls a summary now explains need a second look.
  const out = new Map<string, Set<string>>();
  for (const [path, wanted] of demandedBy) {
    for (const entry of wanted) {
      const [module, name] = entry.split("\0");
      const flows = index.flowSummary(module)?.flows;
      const called = name.slice(name.indexOf(".") + 1).split(".")[0];
      const explained = name.startsWith("?")
        ? flows !== undefined && Object.hasOwn(flows, called) && explainsCall(flows[called])
        : [name, ...(index.bounded(RESOLUTION_STEPS, () => index.resolve(name)).value ?? []).map((r) => r.name)].some((n) => index.flows(n)?.some((f) => explainsCall(f.flows)));
      if (explained) out.set(path, (out.get(path) ?? new Set()).add(module));
    }
  }
  return { callers: out, keys };
}

/**
 * The pass's time: the per-file budget (`--file-timeout`) plus the same allowance per character of the project's
 * Python text, so that it grows with the project as each file's does (CPython's standard library, 31 MB, gets a
 * minute; its pass takes half a second). Hostile layouts (hundreds of modules importing each other's names in a
 * cycle, classes inheriting around it) can make the rounds super-linear; the pass then stops starting analyses, the
 * findings made so far stand, and `onOutOfTime` is told once. Without a per-file budget there is none.
 */
/**
 * One analysis of a file against the index, within `RESOLUTION_STEPS`: one whose names the limit left unresolved says
 * so in a warning (its findings stand, those through the names it could not follow may be missing).
 */
function boundedAnalysis(index: ProjectIndex, path: string, analyze: () => FileAnalysis): FileAnalysis {
  const { value: analysis, complete } = index.bounded(RESOLUTION_STEPS, () => analyzeSafely(analyze, path));
  if (complete) return analysis;
  return {
    ...analysis,
    errors: [
      ...analysis.errors,
      {
        file: path,
        kind: "too-deep",
        level: "warning",
        message: `resolving names across modules took more than ${RESOLUTION_STEPS} steps (class members bound to calls on one another); names past that were left unresolved, so findings that depend on other modules may be missing`,
      },
    ],
  };
}

class WholeProgramBudget {
  readonly perFile: { timeBudgetMs?: number };
  private readonly budgetMs: number | undefined;
  private readonly deadline: number | undefined;
  private told = false;

  constructor(files: readonly ProgramFile[], fileBudgetMs: number | undefined, private readonly onOutOfTime?: (budgetMs: number) => void) {
    this.perFile = fileBudgetMs !== undefined ? { timeBudgetMs: fileBudgetMs } : {};
    if (fileBudgetMs === undefined) return;
    let chars = 0;
    for (const f of files) chars += f.length;
    this.budgetMs = timeBudgetFor({ length: chars }, fileBudgetMs);
    this.deadline = Date.now() + this.budgetMs;
  }

  /** Whether the pass is out of time (told to `onOutOfTime` the first time it is). */
  spent(): boolean {
    if (this.deadline === undefined || Date.now() <= this.deadline) return false;
    if (!this.told) {
      this.told = true;
      this.onOutOfTime?.(this.budgetMs!);
    }
    return true;
  }
}

/** The names an analysis asked the project index for function summaries of, and what it found. */
type FlowsAsked = Map<string, ResolvedFlows[] | undefined>;

/** The index as an analysis's project resolver, noting the function summaries it asks for. */
function recordingFlows(index: ProjectIndex): { project: ProjectResolver; asked: FlowsAsked } {
  const asked: FlowsAsked = new Map();
  const project: ProjectResolver = {
    resolve: (name) => index.resolve(name),
    flows: (name) => {
      const found = index.flows(name);
      asked.set(name, found);
      return found;
    },
  };
  return { project, asked };
}

/**
 * Whether every function summary an analysis asked for is what the index now holds for that name. While modules are
 * summarised for their callers, only function summaries change (`ProjectIndex.setFlows`: names resolve as before), so
 * an analysis of the same file for the same functions that finds the same summaries takes the same steps to the same
 * result. (The analysis reads what the summaries say, never which objects they are.)
 */
function unchangedFlows(asked: FlowsAsked, index: ProjectIndex): boolean {
  for (const [name, found] of asked) if (!sameJson(index.flows(name), found)) return false;
  return true;
}

/**
 * Whether a function's summary tells its callers more than that they call it: what it returns or passes on, a sink
 * its parameter or a field of `self` reaches, a parameter it stores on `self`, or (not a function) a constant's
 * value. That it is a factory alone tells of the methods of what it returns (`mod.make().m`), which a caller that
 * calls them demands by those names.
 */
function explainsCall(flows: FunctionFlows): boolean {
  return Boolean(flows.returns?.length || flows.passes?.length || flows.returnsField || flows.sinks?.length || flows.fieldSinks?.length || flows.stores?.length || flows.constant);
}

/**
 * A module's constants (see `FunctionFlows.constant`) less those that some file of the project may rebind
 * (`settings.MODEL_PATH = ...`, `setattr(settings, "MODEL_PATH", ...)`, `monkeypatch.setattr(...)`, see
 * `reboundNames`): a name reassigned anywhere is not a constant.
 */
function withoutReboundConstants(summary: ModuleSummary, reboundNames: () => ReadonlySet<string>): ModuleSummary {
  const names = constantNames(summary);
  if (!names.length) return summary;
  const all = reboundNames();
  const rebound = new Set(names.filter((n) => all.has(n)));
  if (!rebound.size) return summary;
  const flows = Object.fromEntries(Object.entries(summary.flows!).flatMap(([name, f]) => {
    if (!f.constant || !rebound.has(name)) return [[name, f]];
    const { constant: _, ...rest } = f;
    return Object.keys(rest).length ? [[name, rest]] : [];
  }));
  return { ...summary, flows };
}

/**
 * An attribute assigned (`.NAME = `, `.NAME += `) or set by name (`setattr(x, "NAME", ...)`). Within one line: a
 * sentence's full stop at the end of a comment or docstring line is no attribute of the assignment on the next.
 */
const REBINDING = /\.[ \t]*([A-Za-z_]\w*)[ \t]*(?:[-+*/%&|^@]|<<|>>|\*\*|\/\/)?=(?!=)/g;
const SETATTR = /setattr\s*\([^,)]*,\s*["']([A-Za-z_]\w*)["']/g;

/**
 * The attribute names some file of the project rebinds, read from the text so that every file counts, analysed or
 * not; one pass over the project for all of its modules' constants.
 */
function reboundNames(byModule: ReadonlyMap<string, ProgramFile>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const file of byModule.values()) {
    for (const m of file.text.matchAll(REBINDING)) out.add(m[1]);
    for (const m of file.text.matchAll(SETATTR)) out.add(m[1]);
  }
  return out;
}

/** The names a module's summary holds as constants (see `FunctionFlows.constant`). */
function constantNames(summary: ModuleSummary): string[] {
  return Object.entries(summary.flows ?? {}).filter(([, f]) => f.constant).map(([name]) => name);
}

/** The modules whose constants other modules' trust judgements use, and those constants' names. */
function constantModules(index: ProjectIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const summary of index.allFlowSummaries()) {
    const names = constantNames(summary);
    if (names.length) out.set(summary.module, names);
  }
  return out;
}

/**
 * The dotted names under which the modules of namespace packages are imported: `helpers/things.py`, in a directory
 * without `__init__.py`, is `things` by the layout and `helpers.things` to the code beside `helpers/` (up to three
 * directories up). A name two files would share is left out.
 */
function namespaceAliases(byModule: ReadonlyMap<string, ProgramFile>, modules: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [module, file] of byModule) {
    const dirs = file.path.split("/").slice(0, -1);
    const above = dirs.slice(0, dirs.length - (file.moduleName.split(".").length - 1));
    for (let j = above.length - 1; j >= Math.max(0, above.length - 3) && /^[A-Za-z_]\w*$/.test(above[j]); j--) {
      const alias = `${above.slice(j).join(".")}.${module}`;
      if (modules.has(alias)) continue;
      if (out.has(alias)) ambiguous.add(alias);
      else out.set(alias, module);
    }
  }
  for (const alias of ambiguous) out.delete(alias);
  return out;
}

/** The modules (or aliases) whose last name is `segment`, when they are few enough to be a plausible reading. */
function modulesEndingWith(segment: string, bySegment: ReadonlyMap<string, string[]>): string[] {
  const found = bySegment.get(segment) ?? [];
  return found.length <= 3 ? found : [];
}

/** The project module a qualified name starts with (the longest), if any. */
function moduleOf(name: string, modules: ReadonlySet<string>, aliases: ReadonlyMap<string, string>): string | undefined {
  const segments = name.split(".");
  for (let k = segments.length - 1; k > 0; k--) {
    const module = segments.slice(0, k).join(".");
    if (modules.has(module) || aliases.has(module)) return module;
  }
  return undefined;
}

/** What the index holds, for cache keys: a digest over its summaries' digests (each asked every round). */
function indexState(index: ProjectIndex): string {
  const hash = createHash("sha256");
  for (const s of [...index.allSummaries()].sort((a, b) => (a.module < b.module ? -1 : 1))) hash.update(summaryHash(s));
  for (const s of [...index.allFlowSummaries()].sort((a, b) => (a.module < b.module ? -1 : 1))) hash.update("flows").update(summaryHash(s));
  return `whole-program:${hash.digest("hex")}`;
}

/** Each summary's digest, made once per summary (a summary is not changed once its analysis returned it). */
const SUMMARY_HASHES = new WeakMap<ModuleSummary, string>();

function summaryHash(summary: ModuleSummary): string {
  let found = SUMMARY_HASHES.get(summary);
  if (found === undefined) SUMMARY_HASHES.set(summary, (found = createHash("sha256").update(JSON.stringify(summary)).digest("hex")));
  return found;
}

function sameSummary(a: ModuleSummary | undefined, b: ModuleSummary): boolean {
  return a !== undefined && sameJson(a, b);
}

/**
 * Whether two values of plain data have the same JSON text (`JSON.stringify(a) === JSON.stringify(b)`: the same keys
 * in the same order, `undefined` members left out), answered without writing either out: summaries that changed
 * mostly differ in their first members.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) !== Array.isArray(b) || !isPlain(a) || !isPlain(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(inArray(a[i]), inArray(other[i]))) return false;
    return true;
  }
  const keysA = Object.keys(a).filter((k) => written((a as Record<string, unknown>)[k]));
  const keysB = Object.keys(b).filter((k) => written((b as Record<string, unknown>)[k]));
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i] || !sameJson((a as Record<string, unknown>)[keysA[i]], (b as Record<string, unknown>)[keysB[i]])) return false;
  }
  return true;
}

/** An object JSON writes member by member (an array or a plain object, without `toJSON`). */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === Array.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/** Whether JSON writes an object member holding `value` (it leaves out `undefined`, functions and symbols). */
function written(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** An array element as JSON writes it: `null` for what it would leave out of an object. */
function inArray(value: unknown): unknown {
  return written(value) ? value : null;
}

/** The names a module binds, also through its star imports (those honour `__all__`). */
function exportedNames(index: ProjectIndex, summary: ModuleSummary, seen = new Set<string>()): Set<string> {
  const out = new Set(Object.keys(summary.exports));
  if (seen.has(summary.module)) return out;
  seen.add(summary.module);
  for (const star of summary.stars) {
    const from = index.readSummary(star);
    if (!from) continue;
    for (const name of exportedNames(index, from, seen)) if (from.all ? from.all.includes(name) : !name.startsWith("_")) out.add(name);
  }
  return out;
}

/**
 * Project modules with an export that leads to a sink, and the names of those exports. Asked again after every
 * round: a module's names are worked out again only when its summaries, or a summary its names were resolved
 * through, changed since.
 */
/** Functions (classes, for methods) of a module whose parameter or field of `self` reaches a sink: wrappers. */
function wrapperNames(flows: Readonly<Record<string, FunctionFlows>>): string[] {
  const keys = Object.entries(flows).filter(([, f]) => f.sinks?.length || f.fieldSinks?.length);
  return [...new Set(keys.map(([key]) => key.split(".")[0]))];
}

/** Links of a chain of packages re-exporting modules under other names that `SinkLeadingModules` follows. */
const MAX_MODULE_ALIAS_ROUNDS = 8;
/** Project modules one module's exports hold that are remembered for asking its names again (see `namesOf`). */
const MAX_MODULE_VALUES = 64;

class SinkLeadingModules {
  private readonly known = new Map<string, { summary: ModuleSummary; flows: ModuleSummary | undefined; reads: SummaryReads; names: string[]; modules: [string, boolean][] }>();

  constructor(
    private readonly index: ProjectIndex,
    private readonly sinks: SinkIndex,
    private readonly budget: WholeProgramBudget,
  ) {}

  now(): Map<string, string[]> {
    const index = this.index;
    let out = new Map<string, string[]>();
    // A module exporting another project module that leads to a sink (`from . import codec as oc` in a package's
    // `__init__`) leads to it through that export: asked again while such exports add modules, a chain of module
    // aliases at most `MAX_MODULE_ALIAS_ROUNDS` long.
    for (let round = 0; round < MAX_MODULE_ALIAS_ROUNDS; round++) {
      const before = out;
      out = this.leadingNow(before);
      if (out.size === before.size) break;
    }
    return out;
  }

  private leadingNow(leadingBefore: ReadonlyMap<string, string[]>): Map<string, string[]> {
    const index = this.index;
    const out = new Map<string, string[]>();
    for (const summary of index.allSummaries()) {
      const flows = index.flowSummary(summary.module);
      let known = this.known.get(summary.module);
      if (!known || known.summary !== summary || known.flows !== flows || !index.unchanged(known.reads) || known.modules.some(([m, led]) => leadingBefore.has(m) !== led)) {
        // Out of time (star imports in a cycle can make every module export every name): the rest is not asked.
        if (this.budget.spent()) continue;
        const modules: [string, boolean][] = [];
        const { value, reads } = index.track(() => index.bounded(RESOLUTION_STEPS, () => this.namesOf(summary, flows, leadingBefore, modules)));
        known = { summary, flows, reads, names: value.value, modules };
        // Cut short by the limit: asked again next time.
        if (value.complete) this.known.set(summary.module, known);
        else this.known.delete(summary.module);
      }
      if (known.names.length) out.set(summary.module, [...known.names]);
    }
    // Modules summarised only for their functions' data flow.
    for (const summary of index.allFlowSummaries()) {
      if (out.has(summary.module) || index.summary(summary.module)?.module === summary.module) continue;
      const names = wrapperNames(summary.flows ?? {});
      if (names.length) out.set(summary.module, names);
    }
    return out;
  }

  /**
   * `leading`: the modules found to lead to a sink so far; `modules`: told the project modules the exports' values
   * are and whether each led to a sink, so that the names are asked again when one of them changes.
   */
  private namesOf(summary: ModuleSummary, flowSummary: ModuleSummary | undefined, leading: ReadonlyMap<string, string[]>, modules: [string, boolean][]): string[] {
    const { index, sinks } = this;
    const leads = (r: ResolvedName, depth = 0): boolean => {
      // A value that holds a sink (`loads = pickle.loads`, `u = pickle.Unpickler(f)`), not what a sink returned.
      if (sinks.isSinkOrAbove(r.name)) return true;
      if (r.name !== summary.module && !r.projectClass && !r.projectInstance && index.summary(r.name)?.module === r.name) {
        const led = leading.has(r.name);
        if (modules.length < MAX_MODULE_VALUES && !modules.some(([m]) => m === r.name)) modules.push([r.name, led]);
        return led;
      }
      const cls = r.projectClass ?? r.projectInstance;
      if (!cls || depth > 2) return false;
      return holdsSink(cls.name) || cls.ancestors().some((a) => sinks.isSinkOrAbove(a.name) || (a.projectClass !== undefined && holdsSink(a.projectClass.name)));
    };
    // A project class whose own members hold a sink (`loader = staticmethod(pickle.loads)`), read from the summary
    // of its module: a subclass or an instance of it made elsewhere reaches the sink through the member, also when
    // the class is re-exported (`from .base import Base` in a package's `__init__`) and subclassed in a third module.
    const holdsSink = (qualifiedName: string): boolean => {
      const dot = qualifiedName.lastIndexOf(".");
      const cls = dot > 0 ? index.readSummary(qualifiedName.slice(0, dot))?.classes[qualifiedName.slice(dot + 1)] : undefined;
      if (!cls) return false;
      const held = [...Object.values(cls.members).flat(), ...Object.values(cls.instanceMembers).flat()];
      return held.some((m) => !isOwnFunction(m) && (index.resolve(m.name) ?? [{ name: m.name }]).some((v) => sinks.isSinkOrAbove(v.name)));
    };
    const names: string[] = [];
    for (const name of exportedNames(index, summary)) {
      const own = summary.exports[name];
      if (own?.every(isOwnFunction)) continue;
      const values = index.exportTargets(summary.module, name) ?? [];
      // A table's entry (`SERIALIZERS[pickle]`, see `moduleTableExports`) is imported by the table's name.
      const imported = name.includes("[") ? name.slice(0, name.indexOf("[")) : name;
      if (!names.includes(imported) && values.some((v) => leads(v))) names.push(imported);
    }
    // Wrappers: functions whose parameter reaches a sink (their callers are findings wherever they are).
    for (const name of wrapperNames(flowSummary?.flows ?? summary.flows ?? {})) if (!names.includes(name)) names.push(name);
    for (const [name, cls] of Object.entries(summary.classes)) {
      if (names.includes(name)) continue;
      // A method resolves to itself and the member's other values, which are asked here anyway.
      const members = [
        ...Object.entries(cls.members).flatMap(([member, values]) => values.filter((m) => !isOwnFunction(m) && !index.isOwnMember(summary, name, member, m, values))),
        ...Object.values(cls.instanceMembers).flat().filter((m) => !isOwnFunction(m)),
      ];
      if (members.some((m) => (index.resolve(m.name) ?? [{ name: m.name }]).some((v) => leads(v)))) names.push(name);
      // A subclass of a project class whose members hold a sink (`class Leaf(Mid)`, `class Mid(Base)`).
      else if (cls.bases.some((base) => (index.resolve(base) ?? []).some((r) => r.projectClass !== undefined && holdsSink(r.projectClass.name)))) names.push(name);
    }
    // Factories: functions and methods that return a sink (`def loader(): return pickle.loads`).
    for (const [key, values] of Object.entries(summary.returns ?? {})) {
      const name = key.split(".")[0];
      if (!names.includes(name) && values.some((v) => (index.resolve(v.name) ?? [{ name: v.name }]).some((r) => leads(r)))) names.push(name);
    }
    return names;
  }
}

/**
 * A module's own `def` ends a resolution: it is no sink, nor a module or class above one, so resolving it (through
 * its class's members, for a method) cannot tell anything. (Summaries of what a function's parameters reach are the
 * data-flow rules' business.)
 */
function isOwnFunction(value: ExportedValue): boolean {
  return value.own === "function";
}
