// The project index: every module's exports joined, so that a name in one module resolves through the others
// (`from .compat import pickle`, `loads = pickle.loads` in a package's `__init__`, star re-exports, classes
// defined in one module and used in another). Module summaries are plain data, so they cross worker threads and
// can be cached; the index resolves qualified names over them on demand.
import { appendAll } from "../../core/arrays.js";
import { packageModuleName } from "./package-module.js";
import { findClassAllowlist } from "./semantic/find-class.js";
import { canonicalName } from "./semantic/module-aliases.js";
import type { ProjectClass, ProjectResolver, ResolutionStep, ResolvedName, SemanticModel } from "./semantic/model.js";
import { ancestorKey, LOCAL_PREFIX } from "./semantic/model.js";
import { childByField, type SyntaxNode } from "./syntax.js";
import type { Binding, Scope } from "./semantic/scopes.js";
import type { ModuleFlows, ResolvedFlows } from "./taint/summaries.js";

/** One value a module-level name (or a class member) may hold after the module ran. */
export interface ExportedValue {
  /** Qualified name: `pickle.loads`, `pkg.compat.pickle`, or the module's own definition `pkg.mod.f`. */
  name: string;
  /** Where the name is bound in the module (1-based). */
  line: number;
  column: number;
  /** The module's own function or class (the end of a resolution). */
  own?: "function" | "class";
}

export interface ClassSummary {
  bases: string[];
  overridesFindClass: boolean;
  /** The globals its own `find_class` admits, when that reads as an allowlist (see `findClassAllowlist`). */
  allowlist?: string[];
  /** Class-level bindings (`loads = staticmethod(pickle.loads)`, `storage = shelve`). */
  members: Record<string, ExportedValue[]>;
  /** `self.x = value` in the class's methods. */
  instanceMembers: Record<string, ExportedValue[]>;
}

export interface ModuleSummary {
  /** Dotted module name (`pkg` for `pkg/__init__.py`). */
  module: string;
  /** Path of the file, relative to the scan root. */
  path: string;
  exports: Record<string, ExportedValue[]>;
  /** Modules star-imported at module level (`from .compat import *`). */
  stars: string[];
  /** `__all__`, when it is a constant list of names. */
  all?: string[];
  /** Classes defined at module level, by name. */
  classes: Record<string, ClassSummary>;
  /**
   * What the module's functions and methods (`f`, `C.m`) return when that is a module, class or function (factories:
   * `def loader(): return pickle.loads`, `def get(fmt): return SERIALIZERS[fmt]`); only those that return one.
   */
  returns?: Record<string, ExportedValue[]>;
  /** Data-flow function summaries (see `FlowSummaryPart`). */
  flows?: ModuleFlows;
  flowDemand?: string[];
  flowsComplete?: boolean;
}

export { packageModuleName };

/** What a module exports, from its semantic model (names it defines itself are qualified with the module's name). */
export function summarizeModule(model: SemanticModel, path: string): ModuleSummary {
  const module = packageModuleName(model.moduleName);
  const qualify = (name: string) => (name.startsWith(LOCAL_PREFIX) ? `${module}.${name.slice(LOCAL_PREFIX.length)}` : name);
  const classes: Record<string, ClassSummary> = {};
  const exports: Record<string, ExportedValue[]> = {};
  const valuesOf = (names: ResolvedName[], site: SyntaxNode): ExportedValue[] => {
    const out: ExportedValue[] = [];
    if (!names.length) return out;
    const line = site.startRow + 1;
    const column = site.startCol + 1;
    if (names.length === 1) {
      out.push({ name: qualify(names[0].name), line, column });
      return out;
    }
    const seen = new Set<string>();
    for (const r of names) {
      const name = qualify(r.name);
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, line, column });
    }
    return out;
  };
  const returns: Record<string, ExportedValue[]> = {};
  const noteReturns = (key: string, binding: Binding) => {
    const definition = binding.site.parent;
    if (definition?.type !== "function_definition") return;
    const values = valuesOf(model.definitionsReturnedBy(definition), binding.site);
    if (values.length) returns[key] = [...(returns[key] ?? []), ...values].slice(0, MAX_RETURNED);
  };
  for (const name of model.module.bindings.keys()) {
    const exported = model.exported(name);
    if (!exported) continue;
    const values: ExportedValue[] = [];
    for (const { binding, values: names } of exported) {
      if (binding.kind === "function") {
        noteReturns(name, binding);
        values.push({ name: `${module}.${name}`, line: binding.site.startRow + 1, column: binding.site.startCol + 1, own: "function" });
      } else if (binding.kind === "class" && binding.classDef) {
        classes[name] = summarizeClass(model, binding.classDef, qualify, (member, b) => noteReturns(`${name}.${member}`, b));
        values.push({ name: `${module}.${name}`, line: binding.site.startRow + 1, column: binding.site.startCol + 1, own: "class" });
      } else {
        appendAll(values, valuesOf(names, binding.site));
      }
    }
    exports[name] = values;
  }
  for (const [entry, names] of model.moduleTableExports()) {
    const site = model.module.bindings.get(entry.slice(0, entry.indexOf("[")))![0].site;
    exports[entry] = valuesOf(names, site);
  }
  const summary: ModuleSummary = { module, path, exports, stars: model.module.starImports.map((s) => s.module), classes };
  const all = constantNames(model);
  if (all) summary.all = all;
  if (Object.keys(returns).length) summary.returns = returns;
  return summary;
}

function summarizeClass(model: SemanticModel, classDef: SyntaxNode, qualify: (name: string) => string, noteReturns: (member: string, b: Binding) => void): ClassSummary {
  const body = model.classScope(classDef);
  const scope = body?.parent ?? model.module;
  const bases = [...new Set(model.classAncestors(classDef, scope).map((r) => qualify(r.name)))];
  const members: Record<string, ExportedValue[]> = {};
  const instanceMembers: Record<string, ExportedValue[]> = {};
  const values = (names: ResolvedName[] | undefined, site: SyntaxNode): ExportedValue[] => {
    if (!names?.length) return [];
    const line = site.startRow + 1;
    const column = site.startCol + 1;
    if (names.length === 1) return [{ name: qualify(names[0].name), line, column }];
    return [...new Set(names.map((r) => qualify(r.name)))].map((name) => ({ name, line, column }));
  };
  const prefixes = new Map<Scope, string>();
  let overridesFindClass = false;
  for (const [name, bindings] of body?.bindings ?? []) {
    if (name === "find_class" && bindings.some((b) => b.kind === "function")) overridesFindClass = true;
    for (const b of bindings) if (b.kind === "function") noteReturns(name, b);
    members[name] = values(definedFunctions(model, bindings, prefixes) ?? model.classMember(classDef, name, false), bindings[bindings.length - 1].site);
  }
  for (const [name, assignments] of body?.instanceAttributes ?? []) {
    instanceMembers[name] = values(model.classMember(classDef, name, true), assignments[0].site);
  }
  const allowlist = overridesFindClass ? findClassAllowlist(model, classDef) : undefined;
  return { bases, overridesFindClass, ...(allowlist ? { allowlist } : {}), members, instanceMembers };
}

/**
 * What `classMember` finds for a class member bound by undecorated `def`s alone (most are): the functions themselves, named after
 * their class as the model names them, without asking the model to resolve and remember each method.
 */
function definedFunctions(model: SemanticModel, bindings: readonly Binding[], prefixes: Map<Scope, string>): ResolvedName[] | undefined {
  // A method decorated with something named like a property may be one (what it returns is the member): the model
  // works those out (not every decorated method: resolving them all cost the stdlib scan time for nothing).
  if (!bindings.length || !bindings.every((b) => b.kind === "function" && !mayBeProperty(model, b))) return undefined;
  return bindings.map((b) => {
    let prefix = prefixes.get(b.scope);
    if (prefix === undefined) prefixes.set(b.scope, (prefix = LOCAL_PREFIX + (b.scope.kind === "class" ? `${classNameOf(model, b.scope.node)}.` : "")));
    return { name: prefix + b.name };
  });
}

/** Whether a method's decorators name a property (`@property`, `@functools.cached_property`, `@cached_property`). */
function mayBeProperty(model: SemanticModel, b: Binding): boolean {
  const decorated = b.site.parent?.parent;
  if (decorated?.type !== "decorated_definition") return false;
  return decorated.children.some((d) => d.type === "decorator" && model.text(d).includes("property"));
}

/** A class's name as the semantic model writes it in the names of its members. */
function classNameOf(model: SemanticModel, classDef: SyntaxNode): string {
  const name = childByField(classDef, "name");
  return name ? model.text(name) : "<class>";
}

/** `__all__ = ["a", "b"]` (a list or tuple of string literals). */
function constantNames(model: SemanticModel): string[] | undefined {
  const bindings = model.module.bindings.get("__all__");
  const value = bindings?.length === 1 ? bindings[0].value : undefined;
  if (!value || (value.type !== "list" && value.type !== "tuple")) return undefined;
  const names: string[] = [];
  for (const element of value.children) {
    if (element.type === "comment") continue;
    const s = model.constantString(element, model.module);
    if (s === undefined) return undefined;
    names.push(s);
  }
  return names;
}

/** Values a function's summary keeps of what it returns (a factory hands out a few modules or functions). */
const MAX_RETURNED = 8;

/** Resolution across modules goes at most this deep; beyond it a name stays as it is. */
const MAX_DEPTH = 24;

/**
 * Names one outermost resolution may resolve or make on its way (see `charge`); beyond it, it is given up and its name
 * stays as it is. Instance attributes bound to calls on one another (`self.a = self.b.w()`, `self.b = self.a.z()`,
 * `self.c = self.b.w()`) branch at every member and appended call, so that the cycles the names in progress cut are
 * found only after exponentially many steps: one file of pytorch-lightning (profilers/pytorch.py) ran for minutes and
 * took gigabytes. No resolution of our corpora (stdlib, celery, distributed, scrapy) comes near this.
 */
const RESOLUTION_BUDGET = 1_000;

/** Standard-library top-level modules among the libraries the rules know (see `keepsLibraryMeaning`). */
const STANDARD_LIBRARY_KNOWN: ReadonlySet<string> = new Set([
  "__builtin__", "__builtins__", "_compat_pickle", "_pickle", "asyncio", "base64", "binascii", "builtins", "bz2", "cPickle",
  "codecs", "copy_reg", "copyreg", "functools", "gzip", "hmac", "http", "importlib", "io", "json", "lzma", "marshal",
  "multiprocessing", "pathlib", "pickle", "secrets", "shelve", "socket", "socketserver", "sys", "urllib", "urllib2",
  "xmlrpc", "zlib",
]);

/**
 * Thrown when a resolution runs out of `RESOLUTION_BUDGET` (or of the steps `bounded` allows), and caught where the
 * budget was given: the whole resolution is given up (its name stays as it is). Cutting only the step that ran out
 * left every loop around it going over lists of up to a thousand names with ever longer chains: one resolution of a
 * random 16-module project took 265,000 steps and 11 s, most of it in the garbage collector.
 */
const OUT_OF_BUDGET = new Error("name resolution ran out of its budget");

/**
 * The joined summaries of a project. Resolves a qualified name that starts with a project module through that
 * module's exports, to a fixed point. A name whose top-level package is also a library the rules know
 * (`pickle`, `yaml`) keeps its library meaning: a project's own `pickle.py` does not hide the real one.
 */
export class ProjectIndex implements ProjectResolver {
  private readonly summaries = new Map<string, ModuleSummary>();
  private readonly topLevel = new Set<string>();
  private readonly classCache = new Map<string, ProjectClass>();
  private readonly inProgress = new Set<string>();
  /**
   * Class members being resolved (`pkg.mod.C().a`): a member met again inside its own resolution stands for itself.
   * Cutting by name alone let `self.a = self.b.w()`, `self.b = self.a.z()` build ever longer names
   * (`C().a.z().w().z()...`, each new), which took minutes and gigabytes on one 540-line file of pytorch-lightning.
   */
  private readonly membersInProgress = new Set<string>();
  /**
   * How many times a resolution was cut short by what was under way around it (a member in progress, the budget): a
   * resolution that was is not kept, as its answer depends on its caller.
   */
  private memberCuts = 0;
  /** `resolveNow` calls left to the outermost resolution under way (see `RESOLUTION_BUDGET`). */
  private budget = RESOLUTION_BUDGET;
  /** Whether a resolution under way holds the budget (see `budgeted`). */
  private budgetHeld = false;

  /**
   * Runs `work` as an outermost resolution with `RESOLUTION_BUDGET` steps, or within the budget of the one under way;
   * an outermost one out of budget gives `cut()`.
   */
  private budgeted<T>(work: () => T, cut: () => T): T {
    if (this.budgetHeld) return work();
    this.budgetHeld = true;
    this.budget = RESOLUTION_BUDGET;
    try {
      return work();
    } catch (e) {
      if (e !== OUT_OF_BUDGET) throw e;
      return cut();
    } finally {
      this.budgetHeld = false;
    }
  }

  /** Resolution steps left to the bounded computation under way (see `bounded`). */
  private stepsLeft = Infinity;
  /** How many resolutions `bounded`'s limit refused: what was found while any were is not kept. */
  private refusals = 0;

  /**
   * Runs `work` with at most `steps` resolution steps, within what a bounded computation around it has left: past
   * them, every resolution is given up (names stay as they are), and `complete` is false. `RESOLUTION_BUDGET` bounds one outermost resolution, but
   * a client resolving a name member by member asks outermost resolutions of ever longer names (`C().a.z().w()...`,
   * each cut where a member met itself), and members bound to calls on one another made those many and each one
   * costly: a 26-line module hung the scan. One analysis of a file of our corpora takes at most ~500 steps
   * (pytorch-lightning's fabric.py); a bound far above that changes no finding of theirs.
   */
  bounded<T>(steps: number, work: () => T): { value: T; complete: boolean } {
    const outer = this.stepsLeft;
    const start = Math.min(outer, steps);
    const refusals = this.refusals;
    this.stepsLeft = start;
    try {
      return { value: work(), complete: this.refusals === refusals };
    } finally {
      this.stepsLeft = outer - (start - Math.max(this.stepsLeft, 0));
    }
  }

  /**
   * Counts the names a step made against the budget: lists that multiply through members (up to `LONG_NAME_LIST`
   * distinct names at every member, each with its chain) cost what they hold, not one step.
   */
  private charge(names: number): void {
    if ((this.budget -= names) < 0) throw OUT_OF_BUDGET;
  }

  /** Whether `bounded`'s limit refuses this step (counting it). */
  private refused(): boolean {
    if (--this.stepsLeft >= 0) return false;
    this.refusals++;
    return true;
  }

  /**
   * `modules`: every module of the project (dotted, packages without `.__init__`), whether or not it was
   * summarised: a module without a summary cannot lead to a sink, so names in it stay as they are.
   */
  constructor(
    private readonly modules: ReadonlySet<string>,
    private readonly isLibrary: (topLevel: string) => boolean,
  ) {
    for (const m of modules) this.addModuleName(m);
  }

  /** The most parts a module name (or alias) of the project has: no longer prefix of a name can be a module. */
  private moduleParts = 0;

  private addModuleName(name: string): void {
    const parts = name.split(".");
    this.topLevel.add(parts[0]);
    this.moduleParts = Math.max(this.moduleParts, parts.length);
  }

  /**
   * The end of the longest dotted prefix of a name that is a module, and the module, searching back from the longest
   * prefix a module name can be (a name built through cycles of members can be thousands of parts long, and every
   * lookup hashes the prefix).
   */
  private modulePrefix(qualifiedName: string): { module: string | undefined; end: number } {
    let end = 0;
    for (let parts = 0; parts < this.moduleParts && end < qualifiedName.length; parts++) {
      const dot = qualifiedName.indexOf(".", end + 1);
      end = dot < 0 ? qualifiedName.length : dot;
    }
    let module = this.moduleNamed(end === qualifiedName.length ? qualifiedName : qualifiedName.slice(0, end));
    while (!module && end > 0) {
      end = qualifiedName.lastIndexOf(".", end - 1);
      if (end < 0) break;
      module = this.moduleNamed(qualifiedName.slice(0, end));
    }
    return { module, end };
  }

  private readonly aliases = new Map<string, string>();

  /**
   * Another dotted name of a module: a file in a directory without `__init__.py` (a namespace package, such as
   * `helpers/things.py` next to the application) is named `things` by the layout, and imported as `helpers.things`.
   */
  alias(name: string, module: string): void {
    if (this.modules.has(name) || this.aliases.has(name)) return;
    this.aliases.set(name, module);
    this.addModuleName(name);
    this.resolved.clear();
    this.flowsByName.clear();
  }

  /** The module a dotted name denotes (itself, or the module it is an alias of), if it is one. */
  private moduleNamed(name: string): string | undefined {
    return this.modules.has(name) ? name : this.aliases.get(name);
  }

  /** Modules summarised whole for the data-flow summaries of their functions (see `setFlows`). */
  private readonly flowSummaries = new Map<string, ModuleSummary>();

  /**
   * The summary of a module analysed whole for its callers' data flow: it serves `flows`, not name resolution, so
   * that summarising a module a flow needs does not change what other names resolve to.
   */
  setFlows(summary: ModuleSummary): void {
    this.flowSummaries.set(summary.module, summary);
  }

  flowSummary(module: string): ModuleSummary | undefined {
    return this.flowSummaries.get(this.moduleNamed(module) ?? module);
  }

  allFlowSummaries(): IterableIterator<ModuleSummary> {
    return this.flowSummaries.values();
  }

  /**
   * A new summary of a module outdates only the resolutions and classes that read the module's summary (or its
   * absence): those are worked out again when next asked, the others stand.
   */
  set(summary: ModuleSummary): void {
    this.summaries.set(summary.module, summary);
    this.versions.set(summary.module, (this.versions.get(summary.module) ?? 0) + 1);
    this.generation++;
  }

  /** How many times each module's summary was set: what a cached resolution read is still there while it holds. */
  private readonly versions = new Map<string, number>();
  /** How many times any summary was set: a resolution found current at this count is current until it changes. */
  private generation = 0;
  /**
   * The reads of the resolutions and class computations under way (outermost first). A read is noted in the innermost;
   * each passes what it read on to the one around it when it ends (see `reading`), so every computation under way
   * has read what the ones it started read. (Noting each read in all of them cost the depth of the nesting per read:
   * quartic in the depth of a class hierarchy spread over modules.)
   */
  private readonly readers: Reads[] = [];

  /** A module's summary, noted as read by every computation under way. */
  private read(module: string): ModuleSummary | undefined {
    this.readers.at(-1)?.set(module, this.versions.get(module) ?? 0);
    return this.summaries.get(module);
  }

  /** Notes `reads` (of a cached computation used now) as read by every computation under way. */
  private reread(reads: Reads): void {
    const into = this.readers.at(-1);
    if (into && into !== reads) for (const [module, version] of reads) into.set(module, version);
  }

  private current(reads: Reads): boolean {
    for (const [module, version] of reads) if ((this.versions.get(module) ?? 0) !== version) return false;
    return true;
  }

  /** Runs `work` noting what it reads into `reads`. */
  private reading<T>(reads: Reads, work: () => T): T {
    this.readers.push(reads);
    try {
      return work();
    } finally {
      this.readers.pop();
      this.reread(reads);
    }
  }

  summary(module: string): ModuleSummary | undefined {
    return this.summaries.get(this.moduleNamed(module) ?? module);
  }

  /** `summary`, noted as read by `track`. */
  readSummary(module: string): ModuleSummary | undefined {
    return this.read(this.moduleNamed(module) ?? module);
  }

  /**
   * Runs `work`, noting every summary it reads, itself or through the resolutions and classes it uses (cached or
   * not): while `unchanged` holds for those reads, a computation over the index gives what it gave.
   */
  track<T>(work: () => T): { value: T; reads: SummaryReads } {
    const reads: Reads = new Map();
    return { value: this.reading(reads, work), reads };
  }

  unchanged(reads: SummaryReads): boolean {
    return this.current(reads as Reads);
  }

  allSummaries(): IterableIterator<ModuleSummary> {
    return this.summaries.values();
  }

  /**
   * Outermost resolutions by name, until the summaries change: every file of a project resolves the same names of
   * the same modules (`os.path.join`), and the pass over the exports asks again every round. Only an outermost call
   * is kept: inside another, the names in progress cut cycles short, so the answer depends on the caller. Callers
   * share the arrays and must not change them (as with the semantic model's own caches).
   */
  private readonly resolved = new Map<string, { found: ResolvedName[] | undefined; reads: Reads; checked: number }>();

  resolve(qualifiedName: string, depth = 0): ResolvedName[] | undefined {
    if (!this.budgetHeld) return this.budgeted(() => this.resolve(qualifiedName, depth), () => [{ name: qualifiedName }]);
    if (depth > 0 || this.inProgress.size > 0) return this.resolveNow(qualifiedName, depth);
    const cached = this.resolved.get(qualifiedName);
    // Still true when nothing it read changed, and the project classes it found still stand (both certain while no
    // summary was set since it was last found so).
    if (cached && (cached.checked === this.generation || (this.current(cached.reads) && (cached.found ?? []).every((r) => this.classStands(r.projectClass ?? r.projectInstance))))) {
      cached.checked = this.generation;
      this.reread(cached.reads);
      return cached.found;
    }
    const reads: Reads = new Map();
    const cuts = this.memberCuts;
    const refusals = this.refusals;
    const found = this.reading(reads, () => this.resolveNow(qualifiedName, 0));
    if ((this.memberCuts === cuts || this.membersInProgress.size === 0) && this.refusals === refusals) this.resolved.set(qualifiedName, { found, reads, checked: this.generation });
    this.reread(reads);
    return found;
  }

  private resolveNow(qualifiedName: string, depth: number): ResolvedName[] | undefined {
    const dot = qualifiedName.indexOf(".");
    const top = dot < 0 ? qualifiedName : qualifiedName.slice(0, dot);
    if (!this.topLevel.has(top) || this.keepsLibraryMeaning(qualifiedName, top)) return undefined;
    if (depth > MAX_DEPTH || this.inProgress.has(qualifiedName)) return [{ name: qualifiedName }];
    if (--this.budget < 0 || this.refused()) throw OUT_OF_BUDGET;
    if (this.membersInProgress.size > 0 && this.underMemberInProgress(qualifiedName)) {
      this.memberCuts++;
      return [{ name: qualifiedName }];
    }
    const { module, end } = this.modulePrefix(qualifiedName);
    if (!module || end === qualifiedName.length) return module ? [{ name: qualifiedName }] : undefined;
    const summary = this.read(module);
    if (!summary) return [{ name: qualifiedName }];
    const segments = qualifiedName.slice(end + 1).split(".");
    const head = segments[0];
    const called = head.endsWith("()");
    const name = called ? head.slice(0, -2) : head;
    const found = this.lookup(summary, name, new Set());
    if (!found) return [{ name: qualifiedName }];
    this.inProgress.add(qualifiedName);
    try {
      const out: ResolvedName[] = [];
      for (const { summary: owner, value } of found) {
        const step: ResolutionStep = {
          path: owner.path,
          line: value.line,
          column: value.column,
          message: value.own ? `${code(`${owner.module}.${name}`)} is defined in ${owner.path}` : `${code(`${owner.module}.${name}`)} is bound to ${code(value.name)} in ${owner.path}`,
        };
        for (const r of this.valueOf(owner, value, called, segments.slice(1), depth)) out.push({ ...r, chain: [step, ...(r.chain ?? [])] });
      }
      return out;
    } finally {
      this.inProgress.delete(qualifiedName);
    }
  }

  /** Whether a name is a member being resolved, or reached through one (`pkg.mod.C().a.z()` while `C().a` is). */
  private underMemberInProgress(qualifiedName: string): boolean {
    for (const key of this.membersInProgress) {
      if (!qualifiedName.startsWith(key)) continue;
      const next = qualifiedName.charAt(key.length);
      if (next === "" || next === "." || next === "(") return true;
    }
    return false;
  }

  /**
   * What the module-level name `name` of `module` holds, as `resolve(`${module}.${name}`)` finds it but without the
   * steps of how: each value bound to it is resolved as an outermost name, which is remembered, so that what many
   * modules bind (`os.path`, `from test import support`) is resolved once and not again for every module binding
   * it. A cycle back through the name itself is cut one step later than `resolve` cuts it, which finds no other
   * name: a cut only ever stands for the project's own names, which lead nowhere.
   */
  exportTargets(module: string, name: string): ResolvedName[] | undefined {
    const qualifiedName = `${module}.${name}`;
    if (!this.resolvable(module)) return undefined;
    if (this.inProgress.size > 0 || this.moduleNamed(module) !== module || this.moduleNamed(qualifiedName)) return this.resolve(qualifiedName);
    const summary = this.read(module);
    if (!summary) return [{ name: qualifiedName }];
    const found = this.lookup(summary, name, new Set());
    if (!found) return [{ name: qualifiedName }];
    const out: ResolvedName[] = [];
    for (const { summary: owner, value } of found) {
      if (value.own) {
        appendAll(out, this.valueOf(owner, value, false, [], 0));
        continue;
      }
      const target = canonicalName(value.name);
      appendAll(out, this.resolve(target) ?? [{ name: target }]);
    }
    return out;
  }

  /**
   * Whether `value`, among the `values` of the member `member` of the class `cls` of `summary`, is the member itself
   * (`pkg.mod.C.m` for `def m` in `class C`) and resolving it can find nothing but itself (a project name, which
   * leads nowhere) and what the member's other values resolve to: the class name is bound to the class alone, no
   * module is named like the class or the member, and the other values are canonical names (so that resolving them
   * through the member finds what resolving them directly finds).
   */
  isOwnMember(summary: ModuleSummary, cls: string, member: string, value: ExportedValue, values: readonly ExportedValue[]): boolean {
    const module = summary.module;
    const clsName = `${module}.${cls}`;
    if (value.name !== `${clsName}.${member}` || !this.resolvable(module) || this.inProgress.size > 0) return false;
    if (this.moduleNamed(module) !== module || this.moduleNamed(clsName) || this.moduleNamed(value.name)) return false;
    const bound = summary.exports[cls];
    if (bound?.length !== 1 || bound[0].own !== "class" || bound[0].name !== clsName || !summary.classes[cls]) return false;
    return values.every((v) => v === value || canonicalName(v.name) === v.name);
  }

  /** Whether names in `module` resolve through the project (its top-level package is the project's and no library's). */
  private resolvable(module: string): boolean {
    const dot = module.indexOf(".");
    const top = dot < 0 ? module : module.slice(0, dot);
    return this.topLevel.has(top) && !this.keepsLibraryMeaning(module, top);
  }

  /**
   * Whether `name`, under a top-level package named like a library the rules know, keeps that library's meaning.
   * The package itself and its modules the rules know (`pickle.loads`, `torch.hub.load`) do; a module of the
   * project's own the rules do not know does not: scanning a library's own repository (bentoml, werkzeug,
   * streamlit), `from .common.pytorch import torch` in `bentoml/_internal/frameworks/pytorch.py` names
   * `bentoml._internal.frameworks.common.pytorch.torch`, which is the project's and leads to `torch.load`.
   */
  private keepsLibraryMeaning(name: string, top: string): boolean {
    if (!this.isLibrary(top)) return false;
    // A project holding the standard library's packages is CPython's Lib/ (or a vendored copy), whose code the rules
    // model by name: resolving asyncio's or multiprocessing's modules through it found nothing more on the stdlib
    // and made 13% more resolutions (4,138 -> 4,695), about 5% more CPU on a cold scan.
    if (STANDARD_LIBRARY_KNOWN.has(top)) return true;
    const end = name.indexOf(".", top.length + 1);
    const sub = end < 0 ? name : name.slice(0, end);
    return sub === top || this.moduleNamed(sub) === undefined || this.isLibrary(sub);
  }

  /**
   * The function summaries a resolved callee may call: `pkg.mod.f`, `pkg.mod.C.m`, `pkg.mod.C().m`. A method of
   * the object a project function returns (`pkg.mod.make().m`, a factory whose class is chosen at run time) may be
   * the method of any class of that module that defines it.
   */
  /**
   * `flows` answers by name, each kept while the summary it was read from is the module's (every call of every file
   * asks, and the whole-program pass sets a summary after every file it analyses: clearing them all then had most
   * names of a file worked out again for the next file).
   */
  private readonly flowsByName = new Map<string, { from: FlowsFrom | undefined; found: ResolvedFlows[] | undefined }>();

  flows(qualifiedName: string): ResolvedFlows[] | undefined {
    const known = this.flowsByName.get(qualifiedName);
    if (known && (!known.from || this.flowSource(known.from.module) === known.from.summary)) return known.found;
    const segments = qualifiedName.split(".");
    const from = this.flowsModule(segments);
    const found = from?.summary?.flows ? this.flowsNow(from.summary, from.summary.flows, segments.slice(from.parts)) : undefined;
    this.flowsByName.set(qualifiedName, { from, found });
    return found;
  }

  /** The summary `flows` reads a module's function summaries from. */
  private flowSource(module: string): ModuleSummary | undefined {
    return this.flowSummaries.get(module) ?? this.summaries.get(module);
  }

  /**
   * The longest project module the parts of a dotted name start with (before its last part), how many parts name it,
   * and its summary for `flows`.
   */
  private flowsModule(segments: readonly string[]): FlowsFrom | undefined {
    let k = Math.min(segments.length - 1, this.moduleParts);
    while (k > 0 && !this.moduleNamed(segments.slice(0, k).join("."))) k--;
    if (k === 0) return undefined;
    const module = this.moduleNamed(segments.slice(0, k).join("."))!;
    return { module, parts: k, summary: this.flowSource(module) };
  }

  /** The function summaries of `summary` that the rest of a name (after its module) may call. */
  private flowsNow(summary: ModuleSummary, flows: ModuleFlows, rest: readonly string[]): ResolvedFlows[] | undefined {
    const key = rest.map((s) => s.replace(/\(\)$/, "")).join(".");
    const own = flows[key];
    if (own) return [{ name: `${summary.module}.${key}`, flows: own }];
    if (rest.length === 2 && rest[0].endsWith("()") && flows[rest[0].slice(0, -2)]?.factory) {
      const method = `.${rest[1]}`;
      const found = Object.entries(flows)
        .filter(([name]) => name.endsWith(method) && summary.classes[name.slice(0, -method.length)])
        .map(([name, f]) => ({ name: `${summary.module}.${name}`, flows: f }));
      return found.length ? found : undefined;
    }
    return undefined;
  }

  /** What a module binds `name` to: its own binding, else what its star imports bring (honouring `__all__`). */
  private lookup(summary: ModuleSummary, name: string, seen: Set<string>): { summary: ModuleSummary; value: ExportedValue }[] | undefined {
    if (seen.has(summary.module)) return undefined;
    seen.add(summary.module);
    const own = summary.exports[name];
    if (own) return own.map((value) => ({ summary, value }));
    for (const star of summary.stars) {
      const from = this.read(star);
      if (!from) continue;
      if (from.all ? !from.all.includes(name) : name.startsWith("_")) continue;
      const found = this.lookup(from, name, seen);
      if (found) return found;
    }
    return undefined;
  }

  private valueOf(owner: ModuleSummary, value: ExportedValue, called: boolean, rest: string[], depth: number): ResolvedName[] {
    let current: ResolvedName[];
    if (value.own === "class") {
      const cls = this.projectClass(owner, value.name);
      current = cls ? [called ? { name: `${value.name}()`, projectInstance: cls } : { name: value.name, projectClass: cls }] : [{ name: value.name }];
    } else if (value.own === "function") {
      current = [{ name: `${value.name}${called ? "()" : ""}` }];
      if (called) appendAll(current, this.returnedBy(value.name, depth));
    } else {
      const name = canonicalName(`${value.name}${called ? "()" : ""}`);
      current = this.resolve(name, depth + 1) ?? [{ name }];
    }
    for (const segment of rest) {
      current = distinctIfLong(current.flatMap((r) => this.attribute(r, segment, depth)));
      this.charge(current.length);
    }
    return current;
  }

  private attribute(r: ResolvedName, segment: string, depth: number): ResolvedName[] {
    const called = segment.endsWith("()");
    const name = called ? segment.slice(0, -2) : segment;
    const cls = r.projectClass ?? r.projectInstance;
    const member = cls?.member(name, r.projectInstance !== undefined);
    if (member) {
      const out = member.map((m) =>
        called ? (m.projectClass ? { name: `${m.name}()`, projectInstance: m.projectClass, chain: m.chain } : { ...m, name: `${m.name}()` }) : m,
      );
      // `self.make_loader()` where the method is a factory (see `ModuleSummary.returns`).
      if (called) for (const m of member) if (!m.projectClass && !m.name.includes("(")) appendAll(out, this.returnedBy(m.name, depth));
      return out;
    }
    const qualified = canonicalName(`${r.name}.${segment}`);
    return (this.resolve(qualified, depth + 1) ?? [{ name: qualified }]).map((x) => (r.chain ? { ...x, chain: [...r.chain, ...(x.chain ?? [])] } : x));
  }

  /** What a project function or method (`pkg.mod.f`, `pkg.mod.C.m`) returns, resolved (see `ModuleSummary.returns`). */
  private returnedBy(qualifiedFunction: string, depth: number): ResolvedName[] {
    const { module, end } = this.modulePrefix(qualifiedFunction);
    const owner = module && end < qualifiedFunction.length ? this.read(module) : undefined;
    const values = owner?.returns?.[qualifiedFunction.slice(end + 1)];
    if (!owner || !values) return [];
    const out: ResolvedName[] = [];
    for (const v of values) {
      const name = canonicalName(v.name);
      const step = { path: owner.path, line: v.line, column: v.column, message: `${code(qualifiedFunction)} returns ${code(v.name)} in ${owner.path}` };
      for (const r of this.resolve(name, depth + 1) ?? [{ name }]) out.push({ ...r, chain: [step, ...(r.chain ?? [])] });
    }
    this.charge(out.length);
    return out;
  }

  /** What each project class binds itself (not what it inherits) to an attribute (see `projectClass`). */
  private readonly ownMembers = new WeakMap<ProjectClass, (attribute: string, instance: boolean) => ResolvedName[] | undefined>();

  /** What each project class read (see `projectClass`). */
  private readonly classReads = new WeakMap<ProjectClass, Reads[]>();

  /** Whether a class (if any) still holds: nothing it read has changed since. */
  private classStands(cls: ProjectClass | undefined): boolean {
    const reads = cls && this.classReads.get(cls);
    return !reads || reads.every((r) => this.current(r));
  }

  private projectClass(owner: ModuleSummary, qualifiedName: string): ProjectClass | undefined {
    const local = qualifiedName.slice(owner.module.length + 1);
    const summary = owner.classes[local];
    if (!summary) return undefined;
    const cached = this.classCache.get(qualifiedName);
    if (cached && this.classStands(cached)) return cached;
    let ancestors: ResolvedName[] | undefined;
    // What the class reads: its module's summary, and what its bases resolved to once worked out.
    const reads: Reads = new Map([[owner.module, this.versions.get(owner.module) ?? 0]]);
    const ancestorReads: Reads = new Map();
    const resolveValues = (values: ExportedValue[]) => {
      const found = distinctIfLong(values.flatMap((v) => {
        const name = canonicalName(v.name);
        const step = { path: owner.path, line: v.line, column: v.column, message: `${code(`${qualifiedName}`)} binds it to ${code(v.name)} in ${owner.path}` };
        return (this.resolve(name) ?? [{ name }]).map((r) => ({ ...r, chain: [step, ...(r.chain ?? [])] }));
      }));
      this.charge(found.length);
      return found;
    };
    const cls: ProjectClass = {
      name: qualifiedName,
      overridesFindClass: summary.overridesFindClass,
      ...(summary.allowlist ? { allowlist: summary.allowlist } : {}),
      ancestors: () => {
        this.reread(reads);
        if (ancestors) {
          this.reread(ancestorReads);
          return ancestors;
        }
        ancestors = [];
        const found = ancestors;
        // Each ancestor once: in a hierarchy whose bases resolve to several candidates (through star imports, or
        // `A if flag else B`), repeating them made the lists grow exponentially with its depth.
        const added = new Set<string>();
        const add = (r: ResolvedName) => {
          const key = ancestorKey(r);
          if (added.has(key)) return false;
          added.add(key);
          found.push(r);
          return true;
        };
        const refusals = this.refusals;
        try {
          this.reading(ancestorReads, () => {
            for (const base of summary.bases) {
              const name = canonicalName(base);
              for (const r of this.resolve(name) ?? [{ name }]) {
                if (add(r) && r.projectClass && r.projectClass !== cls) for (const a of r.projectClass.ancestors()) add(a);
              }
            }
          });
        } catch (e) {
          // A resolution around this one ran out of budget: worked out again when next asked.
          ancestors = undefined;
          throw e;
        }
        this.reread(ancestorReads);
        // Cut short by `bounded`'s limit: worked out again when next asked.
        if (this.refusals !== refusals) ancestors = undefined;
        return found;
      },
      member: (attribute, instance) => {
        const own = ownMember(attribute, instance);
        if (own) return own;
        // The ancestors are every base's, each once: asking each for its own members (not for what it inherits) ends
        // in a hierarchy that inherits round a cycle of modules.
        for (const a of cls.ancestors()) {
          const found = a.projectClass && a.projectClass !== cls ? this.ownMembers.get(a.projectClass)?.(attribute, instance) : undefined;
          if (found) return found;
        }
        return undefined;
      },
    };
    const ownMember = (attribute: string, instance: boolean): ResolvedName[] | undefined => {
      this.reread(reads);
      const values = summary.members[attribute] ?? (instance ? summary.instanceMembers[attribute] : undefined);
      if (values) {
        const key = `${qualifiedName}${instance ? "()" : ""}.${attribute}`;
        if (this.membersInProgress.has(key)) {
          this.memberCuts++;
          return [{ name: key }];
        }
        return this.budgeted(
          () => {
            if (this.refused()) throw OUT_OF_BUDGET;
            this.membersInProgress.add(key);
            try {
              return resolveValues(values);
            } finally {
              this.membersInProgress.delete(key);
            }
          },
          () => [{ name: key }],
        );
      }
      return undefined;
    };
    this.ownMembers.set(cls, ownMember);
    this.classCache.set(qualifiedName, cls);
    this.classReads.set(cls, [reads, ancestorReads]);
    return cls;
  }
}

/**
 * Longer lists of names than this only come from cycles between class members (each member's values times each
 * appended call): such a list keeps the first of each name, so that it stops multiplying. The lists of our corpora
 * are far shorter, and keep every entry (with its own chain) as before.
 */
const LONG_NAME_LIST = 64;

function distinctIfLong(names: ResolvedName[]): ResolvedName[] {
  if (names.length <= LONG_NAME_LIST) return names;
  const seen = new Map<string, Set<ProjectClass | undefined>>();
  return names.filter((r) => {
    const cls = r.projectClass ?? r.projectInstance;
    const key = r.projectInstance ? `${r.name}()` : r.name;
    let classes = seen.get(key);
    if (!classes) seen.set(key, (classes = new Set()));
    if (classes.has(cls)) return false;
    classes.add(cls);
    return true;
  });
}

/** Where `flows` looked for a name's function summaries: the module, how many parts of the name it is, the summary it read. */
interface FlowsFrom {
  module: string;
  parts: number;
  summary: ModuleSummary | undefined;
}

/** The summaries a computation read: module, and the version of its summary it read. */
type Reads = Map<string, number>;

/** What a computation over the index read (see `ProjectIndex.track`). */
export type SummaryReads = ReadonlyMap<string, number>;

function code(s: string): string {
  return "`" + s + "`";
}
