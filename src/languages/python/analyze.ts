import { stableHash } from "../../core/hash.js";
import { appendAll } from "../../core/arrays.js";
import { parseSuppression, suppresses, type SuppressionDirective } from "../../core/suppression.js";
import type { Finding, FindingSource, ScanError, TraceStep } from "../../core/types.js";
import type { AssignmentSpec, FlowTrace, PythonRule, SinkMatch, SinkOutcome, SinkSpec } from "../../rules/rule.js";
import { settingsAssignments, type AssignmentSite } from "./assignments.js";
import { CallArguments } from "./calls.js";
import { callArgumentsIn } from "./splat-constants.js";
import { anchorOffsets, anchorTokenSet, anchorWords, prefilterTokens } from "./prefilter.js";
import { ALIASED_MODULE_NAMES } from "./semantic/module-aliases.js";
import { findClassAllowlist } from "./semantic/find-class.js";
import { relevantRanges, type SinkNames } from "./regions.js";
import { identifierKey, splitTopLevel } from "./top-level.js";
import { wordSearch, wordWithoutBoundaries, type TokenSet, type WordFinder } from "./token-set.js";
import { TokensWithWords, type AnchorTokens } from "./project-tokens.js";
import { pastDeadline, TimeBudgetExceeded, type PythonParser, type TimeBudget } from "./parser.js";
import { inOneShape, RESOLVED_THROUGH, SemanticModel, type ProjectResolver, type ResolutionStep, type ResolvedName } from "./semantic/model.js";
import { summarizeModule, type ModuleSummary } from "./project-index.js";
import { PROVENANCE_NAMES } from "./provenance.js";
import { DATA_FLOW_LIMIT, MAX_DATA_FLOW_STEPS } from "./taint/flow.js";
import type { Scope } from "./semantic/scopes.js";
import { childByField, LineIndex, type SyntaxNode, type SyntaxTree } from "./syntax.js";

export interface PythonFile {
  /** Path relative to the scan root, forward slashes; used in findings. */
  path: string;
  source: string;
  /** Dotted module name for relative imports (`pkg.mod`, `pkg.__init__`), or "". */
  moduleName: string;
}

export interface FileAnalysis {
  findings: Finding[];
  errors: ScanError[];
  /** False when the prefilter ruled the file out and it was never parsed. */
  parsed: boolean;
  /** What the module exports, for the project index (when parsed). */
  summary?: ModuleSummary;
}

const MAX_SNIPPET_LINES = 5;

interface IndexedSink {
  rule: PythonRule;
  spec: SinkSpec;
}

/**
 * What an index takes from its rules alone. The whole-program pass makes an index for every set of project words
 * its files refer to: this part is worked out once per rule set and shared (nothing changes it once made).
 */
interface RuleNames {
  byName: Map<string, IndexedSink[]>;
  assignmentsByName: Map<string, { rule: PythonRule; spec: AssignmentSpec }[]>;
  hasReferenceSinks: boolean;
  flowNames: string[];
  tokens: string[];
  words: ReadonlySet<string>;
  attributeKeys: ReadonlySet<number>;
  sinkModules: ReadonlySet<string>;
  /** The tokens' set without the flow source words, which project indexes extend (see `TokensWithWords`). */
  projectTokens?: TokenSet;
}

const RULE_NAMES = new WeakMap<readonly PythonRule[], RuleNames>();

function ruleNames(rules: readonly PythonRule[]): RuleNames {
  let found = RULE_NAMES.get(rules);
  if (found) return found;
  const byName = new Map<string, IndexedSink[]>();
  for (const rule of rules) {
    for (const spec of rule.sinks) {
      for (const name of spec.call) {
        let list = byName.get(name);
        if (!list) byName.set(name, (list = []));
        list.push({ rule, spec });
      }
    }
  }
  const assignmentsByName = new Map<string, { rule: PythonRule; spec: AssignmentSpec }[]>();
  for (const rule of rules) {
    for (const spec of rule.assignments ?? []) {
      for (const name of spec.names) assignmentsByName.set(name, [...(assignmentsByName.get(name) ?? []), { rule, spec }]);
    }
  }
  const flowNames = rules.flatMap((r) => r.flowNames ?? []);
  const names = [...byName.keys(), ...assignmentsByName.keys(), ...ALIASED_MODULE_NAMES, ...RESOLVED_THROUGH, ...flowNames];
  const words = anchorWords(names);
  // Trust judgements follow values through path and resource attributes (`HERE.joinpath`, `pkg_resources.resource_stream`).
  const provenance = rules.some((r) => r.judgeTrust) ? anchorWords(PROVENANCE_NAMES) : [];
  found = {
    byName,
    assignmentsByName,
    hasReferenceSinks: rules.some((r) => r.sinks.some((s) => s.references)),
    flowNames,
    tokens: prefilterTokens(rules),
    words,
    attributeKeys: new Set([...words, ...provenance].map(identifierKey)),
    sinkModules: withPrefixes(names, new Set()),
  };
  RULE_NAMES.set(rules, found);
  return found;
}

/** `names` and every dotted prefix of them (`torch.hub.load`: `torch`, `torch.hub`, `torch.hub.load`), added to `into`. */
function withPrefixes(names: Iterable<string>, into: Set<string>): Set<string> {
  for (const name of names) {
    const parts = name.split(".");
    for (let n = 1; n <= parts.length; n++) into.add(parts.slice(0, n).join("."));
  }
  return into;
}

/** The set of words (see `TokenSet`) of the data-flow sources. */
const FLOW_SOURCE_WORDS = "flow sources";

/** Qualified name -> sinks, built once per rule set. */
export class SinkIndex implements SinkNames {
  readonly byName: ReadonlyMap<string, IndexedSink[]>;
  /** Assignment checks by target name (see `AssignmentSpec`). */
  readonly assignmentsByName: ReadonlyMap<string, { rule: PythonRule; spec: AssignmentSpec }[]>;
  /** Some sink is also reported when passed as a callback. */
  readonly hasReferenceSinks: boolean;
  /** A data-flow rule runs: partial parsing keeps the functions that kept code names (their summaries matter). */
  readonly keepCalledFunctions: boolean;
  /** See `SinkNames.flowSources`. */
  readonly flowSources?: WordFinder;
  /** The prefilter tokens of all rules (and the flow source words, see `TokenSet.extraOffsetsIn`). */
  readonly tokens: AnchorTokens;
  /** The words a token occurs in where it can lead to a sink (see `anchorWords`). */
  readonly words: ReadonlySet<string>;
  readonly attributeKeys: ReadonlySet<number>;
  /** Sinks' modules and the packages above them, under every alias: `pickle`, `six`, `six.moves`, `torch.hub`. */
  private readonly sinkModules: ReadonlySet<string>;
  /**
   * `project`: for the whole-program pass, the names of project modules that lead to a sink and of their exports
   * that do: they count as tokens and words too, so partial parsing keeps the code that uses them.
   */
  constructor(
    readonly rules: readonly PythonRule[],
    project?: { words: readonly string[]; modules: readonly string[] },
  ) {
    const base = ruleNames(rules);
    this.byName = base.byName;
    this.assignmentsByName = base.assignmentsByName;
    this.hasReferenceSinks = base.hasReferenceSinks;
    this.keepCalledFunctions = base.flowNames.length > 0;
    // Through the project index a name can reach a source without spelling any source word: keep every callee then.
    const flowRules = rules.filter((r) => r.flowNames?.length);
    const sourceWords = flowRules.length && !project && flowRules.every((r) => r.flowSourceWords?.length) ? [...new Set(flowRules.flatMap((r) => r.flowSourceWords!))] : undefined;
    // The source words are found in the tokens' pass over the file (see `wordWithoutBoundaries`).
    const together = sourceWords !== undefined && sourceWords.every(wordWithoutBoundaries);
    if (project) this.tokens = new TokensWithWords((base.projectTokens ??= anchorTokenSet(base.tokens)), project.words);
    else {
      const tokens = anchorTokenSet(base.tokens, together ? { [FLOW_SOURCE_WORDS]: sourceWords } : {});
      this.tokens = tokens;
      if (sourceWords) this.flowSources = together ? { offsetsIn: (text) => tokens.extraOffsetsIn(text, FLOW_SOURCE_WORDS) } : wordSearch(sourceWords);
    }
    if (!project) {
      this.words = base.words;
      this.attributeKeys = base.attributeKeys;
      this.sinkModules = base.sinkModules;
      return;
    }
    const names = [...project.words, ...project.modules];
    const added = anchorWords(names);
    this.words = new Set([...base.words, ...added]);
    this.attributeKeys = new Set([...base.attributeKeys, ...[...added].map(identifierKey)]);
    this.sinkModules = withPrefixes(names, new Set(base.sinkModules));
  }

  leadsToSink(module: string): boolean {
    return this.sinkModules.has(module);
  }

  /**
   * Whether `name` is a sink or a module, class, instance or attribute above one (`pickle`, `pickle.Unpickler`,
   * `pickle.Unpickler()` for the sink `pickle.Unpickler().load`). What a sink returns (`pickle.load()`) is not.
   */
  isSinkOrAbove(name: string): boolean {
    if (!this.sinkPrefixes) {
      this.sinkPrefixes = new Set();
      for (const sink of this.byName.keys()) {
        const parts = sink.split(".");
        for (let n = 1; n <= parts.length; n++) {
          const prefix = parts.slice(0, n).join(".");
          this.sinkPrefixes.add(prefix);
          if (n < parts.length) this.sinkPrefixes.add(prefix.replace(/\(\)$/, ""));
        }
      }
    }
    return this.sinkPrefixes.has(name);
  }
  private sinkPrefixes?: Set<string>;
}

export interface AnalyzeOptions {
  /**
   * Parse all of the file whenever a rule token occurs in it, also where no finding can be, so every syntax error is
   * reported (for a single source shown in an editor). By default a file is parsed only when a token occurs as part
   * of a name that can lead to a sink (`pickle`, not `pickled`), and large files only where a finding can be
   * (see `relevantRanges`).
   */
  wholeFile?: boolean;
  /**
   * Milliseconds one file may take (parse and analysis). Past it the file is reported with a `timeout` warning,
   * keeping the findings made so far. Undefined: no limit.
   */
  timeBudgetMs?: number;
  /** Resolve names across the project's modules (see `ProjectIndex`). */
  project?: ProjectResolver;
  /**
   * Parse the file, even without a rule token, and have the data-flow rules summarise every function of it (true:
   * the whole file is parsed) or the functions named (see `PythonRule.flowSummary`: then only what their summaries
   * and the findings depend on is parsed, see `relevantRanges`): the whole-program pass asks this for the modules
   * whose functions callers need.
   */
  completeFlows?: boolean | readonly string[];
}

/** Files shorter than this are always parsed whole: the saving would be small, and all their syntax errors show. */
export const MIN_PARTIAL_PARSE_LENGTH = 2 * 1024;

export function analyzePython(parser: PythonParser, file: PythonFile, index: SinkIndex, options: AnalyzeOptions = {}): FileAnalysis {
  // Where the rule tokens and computed imports are: none means no finding can be here (the prefilter).
  const anchors = withRelativeImports(anchorOffsets(file.source, index.tokens, options.wholeFile ? undefined : index.words), file, index);
  if (anchors.length === 0 && !options.completeFlows) return { findings: [], errors: [], parsed: false };
  const budget = options.timeBudgetMs !== undefined ? { deadline: Date.now() + timeBudgetFor(file.source, options.timeBudgetMs) } : undefined;
  const errors: ScanError[] = [];
  const outOfTime = (stage: string) => errors.push(timeoutWarning(file.path, stage, timeBudgetFor(file.source, options.timeBudgetMs!)));
  const wanted = typeof options.completeFlows === "object" ? options.completeFlows : undefined;
  const partial = !options.wholeFile && options.completeFlows !== true && (!wanted || index.keepCalledFunctions) && file.source.length >= MIN_PARTIAL_PARSE_LENGTH;
  let tree: SyntaxTree | undefined;
  try {
    tree = partial ? parseRelevantParts(parser, file.source, anchors, index, budget, outOfTime, wanted) : parser.parse(file.source, undefined, budget);
  } catch (e) {
    if (!(e instanceof TimeBudgetExceeded)) throw e;
    outOfTime(e.stage);
    return { findings: [], errors, parsed: false };
  }
  if (!tree) return { findings: [], errors, parsed: false };
  if (tree.problems.length) {
    const first = tree.problems[0];
    errors.push({
      file: file.path,
      kind: "syntax",
      level: "warning",
      line: first.row + 1,
      column: first.col + 1,
      message: `syntax error${tree.problems.length > 1 ? `s (${tree.problems.length})` : ""}, first at line ${first.row + 1}; scanned what parsed`,
    });
  }
  const model = new SemanticModel(tree, file.moduleName, options.project);
  let sites: AssignmentSite[] | undefined;
  const assignments = () => (sites ??= settingsAssignments(model));
  const matches = collectMatches(model, index, assignments, budget);
  if (index.assignmentsByName.size) appendAll(matches, collectAssignmentMatches(assignments(), model, index));
  for (const rule of index.rules) if (rule.derivedSites && !pastDeadline(budget)) appendAll(matches, derivedMatches(rule, model));
  if (pastDeadline(budget)) outOfTime("analysing");
  const lines = tree.lines ?? new LineIndex(file.source);
  const findings = matches.map((m) => toFinding(m, file, model, lines));
  // Most parsed files have no finding: their comments' rows and texts are not worked out.
  if (findings.length) applySuppressions(findings, tree.comments.map((c) => ({ row: c.startRow, text: model.text(c) })), index.rules);
  assignFingerprints(findings, matches);
  const summary = summarizeModule(model, file.path);
  for (const rule of index.rules) if (rule.flowSummary) Object.assign(summary, rule.flowSummary(model, file.path, options.completeFlows ?? false));
  if (model.limits.has(DATA_FLOW_LIMIT)) {
    errors.push({ file: file.path, kind: "too-deep", level: "warning", message: `following data to a sink or through a function took more than ${MAX_DATA_FLOW_STEPS} steps (fields set from calls on one another); what it did not reach is left untraced, so some findings' trust may read unknown where it is untrusted` });
  }
  // The findings and the summary hold no node: the tree and the model are done with (see `detachTree`).
  model.release();
  return { findings, errors, parsed: true, summary };
}

const RELATIVE_IMPORT = /\bfrom[ \t]+\./g;

/**
 * Inside a package that sinks belong to (scanning `multiprocessing` or `torch` themselves), a relative import can
 * bind a sink without spelling any token (`from .connection import Listener`): such imports are anchors too.
 */
function withRelativeImports(anchors: number[], file: PythonFile, index: SinkIndex): number[] {
  if (anchors.length === 0 || !file.moduleName.includes(".") || !index.leadsToSink(file.moduleName.slice(0, file.moduleName.indexOf(".")))) return anchors;
  const found = Array.from(file.source.matchAll(RELATIVE_IMPORT), (m) => m.index);
  return found.length ? [...anchors, ...found].sort((a, b) => a - b) : anchors;
}

/**
 * Parses only the parts of the file that can matter to a finding or to the `wanted` function summaries (see
 * `relevantRanges`). When that parse shows syntax errors, the whole file is parsed instead, so errors are reported
 * as they are and nothing is lost to a misjudged boundary. Undefined when no part can hold a finding (the tokens are
 * all in comments and prose) and no summary is wanted.
 */
function parseRelevantParts(
  parser: PythonParser,
  source: string,
  anchors: readonly number[],
  index: SinkIndex,
  budget: TimeBudget | undefined,
  outOfTime: (stage: string) => void,
  wanted?: readonly string[],
): SyntaxTree | undefined {
  const names = wanted ? summaryNames(index) : index;
  const segments = splitTopLevel(source, names.attributeKeys);
  const ranges = segments && relevantRanges(source, segments, anchors, names, wanted);
  if (ranges?.length === 0) return wanted ? parser.parse(source, undefined, budget) : undefined;
  if (!ranges) return parser.parse(source, undefined, budget);
  const partial = parser.parse(source, ranges, budget);
  if (!partial.problems.length) return partial;
  try {
    return parser.parse(source, undefined, budget);
  } catch (e) {
    // The whole-file parse only refines error reporting: keep what the partial parse found.
    if (!(e instanceof TimeBudgetExceeded)) throw e;
    outOfTime("parsing the whole file after a syntax error");
    return partial;
  }
}

/**
 * What choosing the parts for wanted function summaries goes by. A summary is read through the project index, so
 * any name may matter (`util` in `util.fetch(req)` reaches another module's summary), and a function that uses an
 * imported name may return untrusted data whatever words it holds (what a function of another module returns).
 */
function summaryNames(index: SinkIndex): SinkNames {
  return { attributeKeys: undefined, leadsToSink: (module) => index.leadsToSink(module), keepCalledFunctions: true, flowSources: index.flowSources, importsMaySource: true };
}

/** Milliseconds of budget each character adds to the base budget: 2 s per million, so big files are not cut short. */
export const BUDGET_MS_PER_CHAR = 2 / 1000;

/** The base budget plus an allowance in proportion to the file's length: total time stays linear in the input. */
export function timeBudgetFor(source: { length: number }, baseMs: number): number {
  return Math.round(baseMs + source.length * BUDGET_MS_PER_CHAR);
}

function timeoutWarning(path: string, stage: string, budgetMs: number): ScanError {
  return {
    file: path,
    kind: "timeout",
    level: "warning",
    message: `ran out of time while ${stage} (budget ${budgetMs} ms; see --file-timeout); kept the findings made so far, the rest of the file is not analysed`,
  };
}

interface RuleMatch extends SinkMatch {
  rule: PythonRule;
  spec: SinkSpec;
  outcome?: SinkOutcome;
  chain?: ResolutionStep[];
}

/**
 * Calls that take a sink as an argument without calling it: type checks, introspection and printing
 * (`callable(pickle.loads)`, `inspect.signature(pickle.loads)`, `repr(pickle.load)`) and `typing.cast`.
 */
const NOT_A_CALLBACK = new Set([
  "builtins.isinstance", "builtins.issubclass", "builtins.callable", "builtins.id", "builtins.hash", "builtins.repr", "builtins.str",
  "builtins.ascii", "builtins.format", "builtins.print", "builtins.type", "builtins.hasattr", "builtins.getattr", "builtins.help",
  "builtins.dir", "builtins.bool", "typing.cast", "typing_extensions.cast",
]);

/** unittest assertions that compare their arguments (`self.assertIs(s.loads, pickle.loads)`), unlike `assertRaises(E, f, x)`, which calls `f`. */
const COMPARING_ASSERTION = /^assert(Is|IsNot|Equal|Equals|NotEqual|In|NotIn|IsInstance|NotIsInstance|IsNone|IsNotNone|True|False|CountEqual)$/;

/**
 * `loader = partial(pickle.loads, encoding="latin1")` in a function: the name resolves to the sink, so its calls are the findings
 * (and the name passed on is a reference); the partial itself is not one more.
 */
function localPartial(call: SyntaxNode, scope: Scope, resolved: readonly ResolvedName[]): boolean {
  if (scope.kind !== "function" || call.parent?.type !== "assignment" || childByField(call.parent, "left")?.type !== "identifier") return false;
  // `partial(pickle.loads, data)` binds the data here, not at the calls: keep the reference (data-flow rules check it).
  if (new CallArguments(call, "").positional.length !== 1) return false;
  for (let r = 0; r < resolved.length; r++) if (resolved[r].name === "functools.partial") return true;
  return false;
}

/** Whether a call only looks at the sinks passed to it (see `NOT_A_CALLBACK`, `COMPARING_ASSERTION`). */
function notACallback(callee: SyntaxNode, resolved: readonly ResolvedName[], model: SemanticModel): boolean {
  for (let r = 0; r < resolved.length; r++) if (NOT_A_CALLBACK.has(resolved[r].name) || resolved[r].name.startsWith("inspect.")) return true;
  const attribute = callee.type === "attribute" ? childByField(callee, "attribute") : undefined;
  return attribute !== undefined && model.tree.source.startsWith("assert", attribute.start) && COMPARING_ASSERTION.test(model.text(attribute));
}

const METHOD_CALLER = "operator.methodcaller()";

/** Calls resolved between two looks at the clock. */
const CALLS_PER_DEADLINE_CHECK = 64;

function collectMatches(model: SemanticModel, index: SinkIndex, assignments: () => AssignmentSite[], budget?: TimeBudget): RuleMatch[] {
  const out: RuleMatch[] = [];
  const reported = new Set<string>();
  const report = (m: RuleMatch) => {
    const key = `${m.rule.id}@${m.node.start}:${m.node.end}`;
    if (reported.has(key)) return;
    const outcome = m.spec.check ? m.spec.check(m) : {};
    if (outcome === null) return;
    reported.add(key);
    out.push({ ...m, outcome });
  };

  let seen = 0;
  // Indexed loops here and below: `for...of` makes an iterator and a result object per element until V8 optimises
  // the function, which this one's size and the raised tiering budget (see v8-settings.ts) put off for a while.
  const calls = model.calls;
  for (let c = 0; c < calls.length; c++) {
    const { node, scope } = calls[c];
    if (++seen % CALLS_PER_DEADLINE_CHECK === 0 && pastDeadline(budget)) break;
    const callee = childByField(node, "function");
    if (!callee) continue;
    // Arguments are read only for calls that reach a sink, and for callback references.
    let args: CallArguments | undefined;
    let resolvedCallee = uniqueNames(model.resolve(callee, scope));
    // `operator.methodcaller("loads", data)(pickle)`: the call is `pickle.loads(data)`.
    if (callee.type === "call" && resolvedCallee.some((r) => r.name === METHOD_CALLER)) resolvedCallee = uniqueNames(resolvedCallee.flatMap((r) => [r, ...model.calledThrough(r, node, scope)]));
    // Made for the few calls that reach a sink or a class.
    let base: CallBase | undefined;
    for (let r = 0; r < resolvedCallee.length; r++) {
      const resolved = resolvedCallee[r];
      const sinks = index.byName.get(resolved.name);
      if (!sinks && !resolved.localClass && !resolved.projectClass) continue;
      base ??= { node, calleeText: "", model, scope };
      args = matchCallee(callee, resolved, sinks, base, args, index, report);
    }
    // `isinstance(x, pickle.Unpickler)` is a type check, not a callback.
    if (!index.hasReferenceSinks || !passesNames(node) || notACallback(callee, resolvedCallee, model) || localPartial(node, scope, resolvedCallee)) continue;
    // `map(pickle.loads, blobs)`, also inside a table argument: `OrderedDict([("pickle", (Pickler, Unpickler))])`.
    const values = (args ??= new CallArguments(node, model.tree.source)).values();
    for (let v = 0; v < values.length; v++) {
      const names = namesIn(values[v]);
      for (let k = 0; k < names.length; k++) reportReference(names[k], scope);
    }
  }
  if (index.hasReferenceSinks) {
    for (const { node, scope, stored, owner } of storedCallables(assignments())) {
      // A class that calls its own attribute (`self.unpickler(f)`) is reported at that call.
      if (owner && out.some((m) => m.via !== "reference" && m.node.start >= owner.start && m.node.end <= owner.end && resolvesTo(m.target, node, scope))) continue;
      reportReference(node, scope, stored);
    }
  }
  return withoutCoveredReferences(out);

  function resolvesTo(target: string, node: SyntaxNode, scope: Scope): boolean {
    return model.resolve(node, scope).some((r) => r.name === target);
  }

  function reportReference(node: SyntaxNode, scope: Scope, stored?: string): void {
    const names = uniqueNames(model.resolve(node, scope));
    for (let r = 0; r < names.length; r++) {
      const resolved = names[r];
      const sinks = index.byName.get(resolved.name);
      if (sinks) for (const sink of sinks) {
        if (!sink.spec.references) continue;
        const chain = resolved.chain?.length ? { chain: resolved.chain } : {};
        const where = stored ? { stored } : {};
        report({ node, calleeText: shortened(model.text(node)), args: new CallArguments(undefined, ""), model, scope, ...sink, target: resolved.name, via: "reference", ...where, ...chain });
      }
    }
  }
}

/** Base of the matches of one call (see `matchCallee`), made for the few calls whose callee may be a sink or a class. */
interface CallBase {
  node: SyntaxNode;
  calleeText: string;
  model: SemanticModel;
  scope: Scope;
}

/**
 * What a call matches through one name its callee resolves to: the rules whose sink that is, and for a class, those
 * whose sink class it derives from. Returns the call's arguments once read. Out of `collectMatches` so that it stays
 * small: V8 waits for more of its loops the bigger it is before optimising it, and again after each deoptimisation.
 */
function matchCallee(
  callee: SyntaxNode,
  resolved: ResolvedName,
  sinks: IndexedSink[] | undefined,
  base: CallBase,
  args: CallArguments | undefined,
  index: SinkIndex,
  report: (m: RuleMatch) => void,
): CallArguments | undefined {
  const { node, model, scope } = base;
  const chain = resolved.chain?.length ? { chain: resolved.chain } : {};
  base.calleeText ||= shortened(model.text(callee));
  const receiver = resolved.constructedBy && {
    ...resolved.constructedBy,
    args: new CallArguments(resolved.constructedBy.call, model.tree.source),
  };
  // Loops over sink lists only: a literal `[]` is a second kind of array (small integers), and meeting it in a
  // rarely run loop threw `collectMatches`'s optimised code away.
  if (sinks) for (const sink of sinks) {
    // Field by field, in the order the spread of `base`, the arguments, `sink` and the rest gave.
    args ??= callArgumentsIn(node, model, scope);
    const passed = resolved.boundBy ? CallArguments.throughPartial(new CallArguments(resolved.boundBy.call, model.tree.source), args) : args;
    const m: RuleMatch = { node, calleeText: base.calleeText, model, scope, args: passed, rule: sink.rule, spec: sink.spec, target: resolved.name, via: "call" };
    if (receiver) m.receiver = receiver;
    if (chain.chain) m.chain = chain.chain;
    report(m);
  }
  const ancestors = resolved.localClass
    ? model.classAncestors(resolved.localClass, scope)
    : resolved.projectClass
      ? inOneShape(resolved.projectClass.ancestors())
      : [];
  if (ancestors.length) {
    const overridesFindClass = resolved.localClass ? definesMethod(model, resolved.localClass, "find_class") : resolved.projectClass!.overridesFindClass;
    for (const ancestor of uniqueNames(ancestors)) {
      const sinks = index.byName.get(ancestor.name);
      if (sinks) for (const sink of sinks) {
        if (!sink.spec.subclasses) continue;
        const allowlist = !overridesFindClass ? undefined : resolved.localClass ? findClassAllowlist(model, resolved.localClass) : resolved.projectClass!.allowlist?.slice();
        const subclass = { name: resolved.name.replace(/^<local>\./, ""), overridesFindClass, ...(allowlist ? { allowlist } : {}) };
        const steps = [...(resolved.chain ?? []), ...(ancestor.chain ?? [])];
        report({ ...base, args: (args ??= callArgumentsIn(node, model, scope)), ...sink, target: ancestor.name, via: "subclass", subclass, ...(steps.length ? { chain: steps } : {}) });
      }
    }
  }
  return args;
}

/** Settings assignments offered to the rules' assignment checks; each outcome is a finding at its `at` node. */
function collectAssignmentMatches(sites: AssignmentSite[], model: SemanticModel, index: SinkIndex): RuleMatch[] {
  const out: RuleMatch[] = [];
  const reported = new Set<string>();
  const noArgs = new CallArguments(undefined, "");
  for (const site of sites) {
    for (const name of site.names) {
      for (const { rule, spec } of index.assignmentsByName.get(name) ?? []) {
        if (site.level === "class" && !spec.classLevel) continue;
        const match = { node: site.node, target: name, targetText: site.targetText, value: site.value, augmented: site.augmented, level: site.level, model, scope: site.scope };
        for (const outcome of spec.check(match)) {
          const node = outcome.at ?? site.node;
          const key = `${rule.id}@${node.start}:${node.end}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const sink: SinkSpec = { call: [], message: () => outcome.message };
          out.push({ node, target: name, via: "call", calleeText: site.targetText, args: noArgs, model, scope: site.scope, rule, spec: sink, outcome });
        }
      }
    }
  }
  return out;
}

/** A rule's derived sites (see `PythonRule.derivedSites`) as matches. */
function derivedMatches(rule: PythonRule, model: SemanticModel): RuleMatch[] {
  const noArgs = new CallArguments(undefined, "");
  return rule.derivedSites!(model).map((site) => ({
    node: site.node,
    target: site.target,
    via: "call" as const,
    calleeText: site.calleeText,
    args: noArgs,
    model,
    scope: site.scope,
    rule,
    spec: { call: [], message: () => site.outcome.message },
    outcome: site.outcome,
  }));
}

/**
 * `partial(pickle.loads, d)()` is one finding: drop a reference that sits inside a reported call of its rule.
 * Per rule, calls sorted by start with the running maximum of their ends answer "does a call starting at or
 * before this reference end at or after it?" by binary search, so the step is O(n log n) in the findings.
 */
function withoutCoveredReferences(matches: RuleMatch[]): RuleMatch[] {
  if (!matches.some((m) => m.via === "reference")) return matches;
  const byRule = new Map<PythonRule, { starts: number[]; maxEnds: number[] }>();
  const calls = matches.filter((m) => m.via !== "reference").sort((a, b) => a.node.start - b.node.start);
  for (const c of calls) {
    let spans = byRule.get(c.rule);
    if (!spans) byRule.set(c.rule, (spans = { starts: [], maxEnds: [] }));
    spans.starts.push(c.node.start);
    spans.maxEnds.push(Math.max(c.node.end, spans.maxEnds.at(-1) ?? -1));
  }
  const covered = (m: RuleMatch) => {
    const spans = byRule.get(m.rule);
    if (!spans) return false;
    let lo = 0;
    let hi = spans.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans.starts[mid] <= m.node.start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && spans.maxEnds[lo - 1] >= m.node.end;
  };
  return matches.filter((m) => m.via !== "reference" || !covered(m));
}

function toFinding(m: RuleMatch, file: PythonFile, model: SemanticModel, index: LineIndex): Finding {
  const outcome = m.outcome ?? {};
  const lines = lineSlice(model.tree.source, index, m.node.startRow, Math.min(m.node.endRow, m.node.startRow + MAX_SNIPPET_LINES - 1));
  const message = outcome.message ?? m.spec.message(m);
  return {
    ruleId: m.rule.id,
    ruleName: m.rule.name,
    message: m.chain ? `${message} Resolved through ${m.chain.map((s) => `${s.path}:${s.line}`).join(" -> ")}.` : message,
    severity: outcome.severity ?? m.rule.severity,
    confidence: outcome.confidence ?? (m.via === "reference" ? "medium" : m.rule.confidence),
    location: {
      file: file.path,
      line: m.node.startRow + 1,
      column: m.node.startCol + 1,
      endLine: m.node.endRow + 1,
      endColumn: m.node.endCol + 1,
      snippet: lines,
    },
    cwe: m.rule.cwe,
    owasp: m.rule.owasp,
    fingerprint: "",
    ...(m.chain ? { relatedLocations: m.chain.map(relatedLocation) } : {}),
    ...(outcome.flow?.length ? { trace: outcome.flow.map((s) => traceStep(s, file.path, model, index)) } : {}),
    ...(outcome.flow?.length && outcome.otherFlows?.length ? { sources: [outcome.flow, ...outcome.otherFlows].map((f) => findingSource(f, file.path, model, index)) } : {}),
    ...(outcome.fix ? { fix: outcome.fix } : {}),
    ...trustOf(m),
  };
}

/** The rule's judgement of the input's trust (see `PythonRule.judgeTrust`), for sink matches only. */
function trustOf(m: RuleMatch): Pick<Finding, "trust" | "trustReason"> {
  const judged = m.rule.judgeTrust && m.spec.call.length ? m.rule.judgeTrust(m) : undefined;
  return judged ? { trust: judged.trust, ...(judged.reason ? { trustReason: judged.reason } : {}) } : {};
}

/** A flow as one of a finding's sources: its source step (the first that names a source), and its trace. */
function findingSource(flow: FlowTrace, path: string, model: SemanticModel, index: LineIndex): FindingSource {
  const trace = flow.map((s) => traceStep(s, path, model, index));
  const source = trace.find((s) => s.message.startsWith("source: ")) ?? trace[0];
  return { location: source.location, message: source.message, trace };
}

function traceStep(step: FlowTrace[number], path: string, model: SemanticModel, index: LineIndex): TraceStep {
  if (!step.node) return { location: { ...step.place }, message: step.message };
  const n = step.node;
  return {
    location: {
      file: path,
      line: n.startRow + 1,
      column: n.startCol + 1,
      endLine: n.endRow + 1,
      endColumn: n.endCol + 1,
      snippet: lineSlice(model.tree.source, index, n.startRow, n.startRow),
    },
    message: step.message,
  };
}

function relatedLocation(step: ResolutionStep): TraceStep {
  return {
    location: { file: step.path, line: step.line, column: step.column, endLine: step.line, endColumn: step.column, snippet: "" },
    message: step.message,
  };
}

function applySuppressions(findings: Finding[], comments: { row: number; text: string }[], rules: readonly PythonRule[]): void {
  if (!comments.length) return;
  const byRow = new Map<number, SuppressionDirective>();
  for (const c of comments) {
    const d = parseSuppression(c.text);
    if (d) byRow.set(c.row + 1, d);
  }
  if (!byRow.size) return;
  const banditIds = new Map(rules.map((r) => [r.id, r.banditIds]));
  for (const f of findings) {
    for (let line = f.location.line; line <= f.location.endLine && !f.suppressed; line++) {
      const d = byRow.get(line);
      if (d) f.suppressed = suppresses(d, f.ruleId, banditIds.get(f.ruleId) ?? []);
    }
  }
}

/**
 * Fingerprints ignore line numbers: rule, file, enclosing definitions and the normalised code of the site,
 * plus an occurrence counter for identical sites, so they survive edits elsewhere in the file.
 */
function assignFingerprints(findings: Finding[], matches: RuleMatch[]): void {
  const seen = new Map<string, number>();
  findings.forEach((f, i) => {
    const m = matches[i];
    const code = m.model.text(m.node).replace(/\s+/g, "");
    const key = `${f.ruleId}|${f.location.file}|${enclosingPath(m.scope, m.model)}|${code}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.fingerprint = stableHash(`${key}|${n}`);
  });
}

function enclosingPath(scope: Scope, model: SemanticModel): string {
  const names: string[] = [];
  for (let s: Scope | null = scope; s && s.kind !== "module"; s = s.parent) {
    const name = childByField(s.node, "name");
    names.push(name ? model.text(name) : s.kind);
  }
  return names.reverse().join(".");
}

function definesMethod(model: SemanticModel, classDef: SyntaxNode, method: string): boolean {
  const body = childByField(classDef, "body");
  if (!body) return false;
  return body.children.some((stmt) => {
    const def = stmt.type === "decorated_definition" ? childByField(stmt, "definition") : stmt;
    const name = def?.type === "function_definition" ? childByField(def, "name") : undefined;
    return name !== undefined && model.text(name) === method;
  });
}

function shortened(code: string): string {
  const compact = code.replace(/\s+/g, "");
  return compact.length > 60 ? compact.slice(0, 57) + "..." : compact;
}

/** Literals whose elements can hold a callable: `{"pickle": pickle.loads}`, `(pickle.dumps, pickle.loads)`. */
const TABLES = new Set(["dictionary", "list", "set", "tuple"]);

/**
 * Sinks kept where no call to them can be followed: a class attribute (`loads = pickle.loads`, annotated or not: a
 * serializer class that callers pick at run time, as RQ's `DefaultSerializer`) and the values of a dispatch table at
 * module or class level (`DECODERS = {"pickle": pickle.loads}`). A module-level `loads = pickle.loads` is an alias
 * the resolver follows to its calls, so it is not one.
 */
function storedCallables(sites: AssignmentSite[]): { node: SyntaxNode; scope: Scope; stored: string; owner?: SyntaxNode }[] {
  const out: { node: SyntaxNode; scope: Scope; stored: string; owner?: SyntaxNode }[] = [];
  for (const site of sites) {
    if (site.level === "function" || site.augmented) continue;
    const value = site.value;
    if (TABLES.has(value.type)) for (const node of namesIn(value)) out.push({ node, scope: site.scope, stored: "a table" });
    else if (site.level !== "class") continue;
    else if (value.type === "identifier" || value.type === "attribute") out.push({ node: value, scope: site.scope, stored: "a class attribute", owner: enclosingClass(site.node) });
  }
  return out;
}

function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) if (n.type === "class_definition") return n;
  return undefined;
}

/** Elements of a table read at most this deep and this many per table: a literal's size is the input's to choose. */
const TABLE_DEPTH = 4;
const TABLE_ELEMENTS = 256;

/** A name or attribute (`pickle.loads`), or those among a table literal's elements and dict values. */
function namesIn(value: SyntaxNode, depth = 0): SyntaxNode[] {
  if (value.type === "identifier" || value.type === "attribute") return [value];
  if (depth >= TABLE_DEPTH || !(TABLES.has(value.type) || (depth > 0 && value.type === "parenthesized_expression"))) return [];
  const out: SyntaxNode[] = [];
  const children = value.children;
  for (let i = 0; i < children.length && i < TABLE_ELEMENTS; i++) {
    const element = children[i].type === "pair" ? childByField(children[i], "value") : children[i];
    if (element) appendAll(out, namesIn(element, depth + 1));
  }
  return out;
}

/**
 * Whether a call passes a name, an attribute or a table literal as an argument (positional or keyword): only those
 * can hold a sink passed as a callback. Most calls pass none, and then their arguments need not be read.
 */
function passesNames(call: SyntaxNode): boolean {
  const list = childByField(call, "arguments");
  if (!list || list.type !== "argument_list") return false;
  const args = list.children;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    const value = arg.type === "keyword_argument" ? childByField(arg, "value") : arg;
    if (value && (value.type === "identifier" || value.type === "attribute" || TABLES.has(value.type))) return true;
  }
  return false;
}

/** `names` without repeated names; callers do not change the array (it may be `names` itself). */
function uniqueNames(names: ResolvedName[]): ResolvedName[] {
  if (names.length < 2) return names;
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.name) && (seen.add(n.name), true));
}

/** Rows `fromRow..toRow` of the source without their line breaks; constant work per row through the line index. */
function lineSlice(source: string, index: LineIndex, fromRow: number, toRow: number): string {
  const start = index.lineStart(fromRow);
  if (start === undefined) return "";
  const end = index.lineStart(toRow + 1) ?? source.length;
  return source.slice(start, end).replace(/\r?\n$/, "").replace(/\r/g, "");
}
