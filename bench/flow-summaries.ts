// Part of `npm run bench`, and a checker on its own (`node build/bench/flow-summaries.js <project>...`): the
// whole-program pass summarises, for their callers' data flows, only some functions of a module (`completeFlows`
// with function keys), and parses only what those summaries depend on (see `relevantRanges`). For every module the
// pass summarises in the given projects, this analyses it both ways with the same project index and compares the
// summaries of the wanted functions: any difference is a bug in the parts chosen. It also prints how much of those
// modules was parsed and the time both ways.
import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { analyzePython, SinkIndex, type FileAnalysis, type PythonFile } from "../src/languages/python/analyze.js";
import type { PythonParser } from "../src/languages/python/parser.js";
import type { SourceRange } from "../src/languages/python/regions.js";
import { packageModuleName, ProjectIndex } from "../src/languages/python/project-index.js";
import type { FunctionFlows } from "../src/languages/python/taint/summaries.js";
import type { AnalysisCache } from "../src/project/cache.js";
import { discover } from "../src/project/discover.js";
import { PackageLayout } from "../src/project/module-name.js";
import { loadPythonParser } from "../src/project/python-parser.js";
import { analyzeWholeProgram, type ProgramFile } from "../src/project/whole-program.js";
import { withTrustFlow } from "../src/rules/python/trust-join.js";
import { buildRuleSet, ruleSetSpec } from "../src/rules/registry.js";

/** One module the whole-program pass summarised, and the function keys it wanted. */
interface Demand {
  file: PythonFile;
  functions: string[];
}

export interface FlowSummaryCheck {
  modules: number;
  /** Modules where a wanted function's summary differs between the partial and the whole parse. */
  differing: { path: string; functions: string[]; detail: string }[];
  /** Modules where something else in the summary differs (other functions' flows, demand): worth a look, not a bug. */
  otherwise: { path: string; detail: string }[];
  wholeChars: number;
  parsedChars: number;
  wholeMs: number;
  partialMs: number;
}

/** Runs the checks on one project the way a default scan would see it. */
export async function checkFlowSummaries(root: string, parser?: PythonParser): Promise<FlowSummaryCheck> {
  parser ??= await loadPythonParser();
  const resolution = ruleSetSpec([]);
  if (!resolution.ok) throw new Error(resolution.error);
  const sinks = new SinkIndex(buildRuleSet(withTrustFlow(resolution.spec)));
  const layout = new PackageLayout(existsSync);
  const { files } = await discover(root, { include: [], exclude: [], skipTests: false, gitignore: true });
  const program: ProgramFile[] = [];
  const firstPass = new Map<string, FileAnalysis>();
  for (const f of files) {
    if (f.kind !== "python") continue;
    let source: string;
    try {
      source = readFileSync(f.absPath, "utf8");
    } catch {
      continue;
    }
    const input = { path: f.relPath, source, moduleName: layout.moduleName(f.absPath) };
    program.push({ path: input.path, moduleName: input.moduleName, text: source, length: source.length, source: () => source });
    firstPass.set(input.path, analyzePython(parser, input, sinks));
  }
  const demands = demandedSummaries(program, firstPass, parser, sinks);
  const index = firstPassIndex(program, firstPass, sinks);
  const check: FlowSummaryCheck = { modules: demands.length, differing: [], otherwise: [], wholeChars: 0, parsedChars: 0, wholeMs: 0, partialMs: 0 };
  for (const { file, functions } of demands) {
    const counting = countingParser(parser);
    let started = performance.now();
    const partial = analyzePython(counting, file, sinks, { project: index, completeFlows: functions });
    check.partialMs += performance.now() - started;
    started = performance.now();
    const whole = analyzePython(parser, file, sinks, { project: index, completeFlows: functions, wholeFile: true });
    check.wholeMs += performance.now() - started;
    check.wholeChars += file.source.length;
    check.parsedChars += counting.chars;
    const wanted = wantedKeys(functions);
    const wholeFlows = whole.summary?.flows ?? {};
    const partialFlows = partial.summary?.flows ?? {};
    const keys = [...new Set([...Object.keys(wholeFlows), ...Object.keys(partialFlows)])].sort();
    const differs = keys.filter((k) => wanted(k) && !sameFlows(wholeFlows[k], partialFlows[k]));
    if (differs.length) {
      check.differing.push({ path: file.path, functions, detail: differs.map((k) => `${k}: whole ${JSON.stringify(wholeFlows[k])} / partial ${JSON.stringify(partialFlows[k])}`).join("; ") });
    }
    const others = keys.filter((k) => !wanted(k) && !sameFlows(wholeFlows[k], partialFlows[k]));
    const demandWhole = JSON.stringify(whole.summary?.flowDemand ?? []);
    const demandPartial = JSON.stringify(partial.summary?.flowDemand ?? []);
    const notes = [
      ...(others.length ? [`other flows differ: ${others.join(", ")}`] : []),
      ...(demandWhole !== demandPartial ? [`demand whole ${demandWhole} / partial ${demandPartial}`] : []),
      ...(whole.summary?.flowsComplete !== partial.summary?.flowsComplete ? ["flowsComplete differs"] : []),
    ];
    if (notes.length) check.otherwise.push({ path: file.path, detail: notes.join("; ") });
    // Later modules see this one's summaries, as in the pass.
    if (whole.summary) index.setFlows(whole.summary);
  }
  return check;
}

/** The modules the whole-program pass summarises, and the functions it wants of each, in the order it asks. */
function demandedSummaries(program: readonly ProgramFile[], firstPass: ReadonlyMap<string, FileAnalysis>, parser: PythonParser, sinks: SinkIndex): Demand[] {
  const demands: Demand[] = [];
  // The pass keys its cache entries for these analyses `<state>:<functions>` (its other entries by a state without
  // a colon): a cache that keeps nothing and notes those tells what was asked.
  const recorder = {
    get: () => undefined,
    set: (file: PythonFile, _analysis: FileAnalysis, salt = "") => {
      if (salt.includes(":")) demands.push({ file, functions: salt.slice(salt.lastIndexOf(":") + 1).split(",") });
    },
  } as unknown as AnalysisCache;
  analyzeWholeProgram(program, firstPass, parser, sinks, recorder);
  return demands;
}

/** The project index as the first pass leaves it (namespace-package aliases aside). */
function firstPassIndex(program: readonly ProgramFile[], firstPass: ReadonlyMap<string, FileAnalysis>, sinks: SinkIndex): ProjectIndex {
  const modules = new Set<string>();
  const pathOf = new Map<string, string>();
  for (const f of [...program].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const module = packageModuleName(f.moduleName);
    if (!module || pathOf.has(module)) continue;
    pathOf.set(module, f.path);
    for (let i = module.indexOf("."); i > 0; i = module.indexOf(".", i + 1)) modules.add(module.slice(0, i));
    modules.add(module);
  }
  const index = new ProjectIndex(modules, (top) => sinks.leadsToSink(top));
  for (const [path, analysis] of firstPass) if (analysis.summary && pathOf.get(analysis.summary.module) === path) index.set(analysis.summary);
  return index;
}

/** The same choice of keys as the rule's summary makes (see `PythonRule.flowSummary`). */
function wantedKeys(functions: readonly string[]): (key: string) => boolean {
  const named = new Set(functions);
  return (key) => named.has(key) || (key.includes(".") && named.has(`*${key.slice(key.indexOf("."))}`));
}

function sameFlows(a: FunctionFlows | undefined, b: FunctionFlows | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A parser that counts the characters it is given to parse. */
export function countingParser(parser: PythonParser): PythonParser & { chars: number } {
  const counting = {
    chars: 0,
    parse(source: string, ranges?: readonly SourceRange[], budget?: Parameters<PythonParser["parse"]>[2]) {
      counting.chars += ranges ? ranges.reduce((n, r) => n + r.end - r.start, 0) : source.length;
      return parser.parse(source, ranges, budget);
    },
  };
  return counting;
}

/** Prints one project's check; true when every wanted summary was the same both ways. */
export function printFlowSummaryCheck(root: string, check: FlowSummaryCheck): boolean {
  const share = check.wholeChars ? ((100 * check.parsedChars) / check.wholeChars).toFixed(0) : "0";
  console.log(`\nFlow summaries for callers (${root}): ${check.modules} modules summarised`);
  console.log(`  parsed ${(check.parsedChars / 1e6).toFixed(2)} M of their ${(check.wholeChars / 1e6).toFixed(2)} M characters (${share}%); analysis ${check.partialMs.toFixed(0)} ms (whole files: ${check.wholeMs.toFixed(0)} ms)`);
  console.log(`  wanted summaries identical to a whole-file parse: ${check.differing.length === 0 ? "yes, in every module" : `NO, ${check.differing.length} modules differ`}`);
  for (const d of check.differing.slice(0, 20)) console.log(`      differs: ${d.path} [${d.functions.join(",")}] ${d.detail.slice(0, 600)}`);
  for (const d of check.otherwise.slice(0, 20)) console.log(`      note: ${d.path} ${d.detail.slice(0, 300)}`);
  return check.differing.length === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const roots = process.argv.slice(2);
  if (!roots.length) {
    console.error("usage: node build/bench/flow-summaries.js <project>...");
    process.exit(2);
  }
  const parser = await loadPythonParser();
  let ok = true;
  for (const root of roots) ok = printFlowSummaryCheck(root, await checkFlowSummaries(root, parser)) && ok;
  process.exit(ok ? 0 : 1);
}
