import { appendAll } from "../../../core/arrays.js";
import { childByField, detachTree, isAncestor, type SyntaxNode, type SyntaxTree } from "../syntax.js";
import { PYTHON_BUILTINS } from "./builtins.js";
import { canonicalName } from "./module-aliases.js";
import { braceFormat, MAX_FOLDED_LENGTH, percentFormat, sliceString, stringMethod } from "./fold-strings.js";
import { decodeStringLiteral } from "./string-literal.js";
import { buildScopes, detachScopes, type Binding, type CallRecord, type Scope, type ScopeIndex } from "./scopes.js";
import type { ResolvedFlows } from "../taint/summaries.js";

/**
 * What an expression may evaluate to, as a canonical qualified name:
 * `pickle` (a module), `pickle.loads` (a function), `pickle.Unpickler()` (the result of calling it),
 * `pickle.Unpickler().load` (an attribute of that result). Names defined in the file itself start with `<local>.`.
 */
export interface ResolvedName {
  name: string;
  /** The `class_definition` when the expression is a class defined in this file. */
  localClass?: SyntaxNode;
  /**
   * For `X()` and `X().method`: the call that built the object, so a rule can read its arguments
   * (`YAML(typ="unsafe").load`).
   */
  constructedBy?: { call: SyntaxNode; scope: Scope };
  /** For `C()` and `self` where `C` is a class defined in this file: that class. */
  instanceOf?: SyntaxNode;
  /** A class defined in another module of the project (`projectClass`), or an instance of one (`projectInstance`). */
  projectClass?: ProjectClass;
  projectInstance?: ProjectClass;
  /** How the name was reached across modules and through assignments (import re-exports, aliases, attributes). */
  chain?: ResolutionStep[];
  /** For a function defined in this file: its `function_definition`, so a call of it is what it returns. */
  definition?: SyntaxNode;
  /** For `functools.partial(f, ...)`: the partial's call, whose arguments every call of it passes to `f` first. */
  boundBy?: { call: SyntaxNode; scope: Scope };
}

/** What makes two resolved ancestors the same ancestor: the name, and the project class or instance it stands for. */
export function ancestorKey(r: ResolvedName): string {
  return r.projectClass ? `${r.name}\0class:${r.projectClass.name}` : r.projectInstance ? `${r.name}\0instance:${r.projectInstance.name}` : r.name;
}

/**
 * A resolved name with every field present, in one order (`undefined` where absent): every object that reaches the
 * sites reading them (`collectMatches`, `attributeOf`, ...) then has one shape, and V8 keeps their optimised code.
 */
export function resolvedName(name: string, fields?: Omit<ResolvedName, "name">): ResolvedName {
  return {
    name,
    localClass: fields?.localClass,
    constructedBy: fields?.constructedBy,
    instanceOf: fields?.instanceOf,
    projectClass: fields?.projectClass,
    projectInstance: fields?.projectInstance,
    chain: fields?.chain,
    definition: fields?.definition,
    boundBy: fields?.boundBy,
  };
}

/**
 * Names made elsewhere (the project index), in the one shape of `resolvedName`, in a packed array: `map` makes holey
 * ones, a second kind of array for the loops over resolved names.
 */
export function inOneShape(names: readonly ResolvedName[]): ResolvedName[] {
  const out: ResolvedName[] = [];
  for (const n of names) out.push(resolvedName(n.name, n));
  return out;
}

/** One step of a resolution chain: where a name was bound, and what to. */
export interface ResolutionStep {
  path: string;
  line: number;
  column: number;
  message: string;
}

/** A class defined in another module of the project, as the project index knows it. */
export interface ProjectClass {
  /** Qualified name, `pkg.mod.C`. */
  name: string;
  /** Its bases and theirs, resolved across the project. */
  ancestors(): ResolvedName[];
  overridesFindClass: boolean;
  /** The globals its own `find_class` admits, when that reads as an allowlist (see `findClassAllowlist`). */
  allowlist?: readonly string[];
  /** What `C.attr` (or `C().attr` with `instance`) holds, resolved; undefined when the class does not bind it. */
  member(attribute: string, instance: boolean): ResolvedName[] | undefined;
}

/**
 * Resolution across the modules of a project (see `ProjectIndex`): what `pkg.compat.pickle` is when `pkg/compat.py`
 * binds `pickle`. Undefined when the name is not in a project module, which leaves it as it is.
 */
export interface ProjectResolver {
  resolve(qualifiedName: string): ResolvedName[] | undefined;
  /** The data-flow summaries of the project functions a resolved callee name may be (see `ProjectIndex.flows`). */
  flows?(qualifiedName: string): ResolvedFlows[] | undefined;
}

/**
 * The names resolution itself goes through (dynamic imports, `getattr`, `vars`, `partial`, `sys.modules`,
 * `__dict__`): code that names them can lead to a sink, whatever the sinks are.
 */
export const RESOLVED_THROUGH: readonly string[] = [
  "importlib.import_module",
  "importlib.__import__",
  "builtins.__import__",
  "builtins.getattr",
  "builtins.vars",
  "functools.partial",
  "sys.modules",
  "__dict__",
];

/** Callees whose result resolution works out as a module, class or function (see `resolveCallResult`). */
const GIVES_DEFINITIONS = new Set([
  "importlib.import_module", "importlib.__import__", "builtins.__import__", "builtins.getattr", "functools.partial",
  "builtins.staticmethod", "builtins.classmethod", "sys.modules.get", "builtins.globals().get", "operator.attrgetter()",
  "typing.cast",
]);

/**
 * Resolution follows at most this many bindings/expressions deep; beyond it the value is unknown. An alias costs one level, an instance field set from another two: 128 follows a chain
 * of 120 aliases or 60 fields. Each binding and class member is resolved once (cached), and what an expression may be
 * is a set (see `union`), so a deeper bound does not make webs of fields that name one another costlier.
 */
const MAX_DEPTH = 128;

/**
 * Distinct names one expression may resolve to, at most: real code has a handful; a web of fields or aliases each
 * set from several others can make thousands of distinct ones (each a new object with its own chain).
 */
const MAX_NAMES = 256;

const LOCAL = "<local>.";

export class SemanticModel {
  readonly calls: CallRecord[];
  /** Analyses of this file that stopped at one of their step limits (see the data flow's `MAX_DATA_FLOW_STEPS`), for a warning. */
  readonly limits = new Set<string>();
  readonly subscripts: CallRecord[];
  readonly module: Scope;
  private readonly bindingCache = new Map<Binding, ResolvedName[]>();
  private readonly inProgress = new Set<Binding>();
  /** The constant string each binding read by `constantString` holds (null: none, or being worked out). */
  private readonly constantCache = new Map<Binding, string | null>();

  private readonly classBodies: Map<SyntaxNode, Scope>;
  private readonly scopeIndex: ScopeIndex;

  constructor(
    readonly tree: SyntaxTree,
    readonly moduleName: string,
    readonly project?: ProjectResolver,
  ) {
    const index = buildScopes(tree, moduleName);
    this.scopeIndex = index;
    this.calls = index.calls;
    this.subscripts = index.subscripts;
    this.module = index.module;
    this.classBodies = index.classScopes;
  }

  /**
   * Unlinks the scopes and the tree, and empties the caches, once the file's analysis is over (see `detachTree`): a
   * promoted map keeps its young table and all it holds alive through scavenges, dead or not, until emptied. The
   * model is unusable after.
   */
  release(): void {
    for (const cache of [this.bindingCache, this.inProgress, this.qualifiedNames, this.attributeNames, this.memberCache, this.instanceMemberCache, this.ancestorCache, this.resolvedExpressions, this.starImported, this.returns, this.constructionCalls]) cache.clear();
    this.functionScopes = undefined;
    this.constructorScopes = undefined;
    this.callsByName = undefined;
    detachScopes(this.scopeIndex);
    detachTree(this.tree.root);
  }

  /**
   * A qualified name, resolved across the project's modules when a project index is present. Made once per name and
   * model (the index does not change while a file is analysed); callers share the arrays and must not change them.
   */
  private qualified(name: string): ResolvedName[] {
    let found = this.qualifiedNames.get(name);
    if (!found) {
      const canonical = canonicalName(name);
      const project = this.project?.resolve(canonical);
      found = project ? inOneShape(project) : [resolvedName(canonical)];
      this.qualifiedNames.set(name, found);
    }
    return found;
  }

  private readonly qualifiedNames = new Map<string, ResolvedName[]>();

  /**
   * `base.path` as a qualified name (see `qualified`), found by `base` and then `path` without joining them: the
   * names resolution asks for are mostly the same few modules and classes with one attribute after another.
   */
  private qualifiedAttribute(base: string, path: string): ResolvedName[] {
    let byPath = this.attributeNames.get(base);
    if (!byPath) this.attributeNames.set(base, (byPath = new Map()));
    let found = byPath.get(path);
    if (!found) {
      const canonical = canonicalName(`${base}.${path}`);
      const project = this.project?.resolve(canonical);
      byPath.set(path, (found = project ? inOneShape(project) : [resolvedName(canonical)]));
    }
    return found;
  }

  private readonly attributeNames = new Map<string, Map<string, ResolvedName[]>>();

  /** The body scope of a class defined in this file. */
  classScope(classDef: SyntaxNode): Scope | undefined {
    return this.classBodies.get(classDef);
  }

  /**
   * What a name bound at module level holds once the module has run (the bindings that reach its end): the
   * module's export of that name. Undefined when the module does not bind it.
   */
  exported(name: string): { binding: Binding; values: ResolvedName[] }[] | undefined {
    const bindings = this.module.bindings.get(name);
    if (!bindings?.length) return undefined;
    const end = (this.moduleEnd ??= { start: this.tree.source.length, parent: null } as unknown as SyntaxNode);
    return reachingBindings(bindings, end, this.module).map((binding) => ({ binding, values: this.resolveBinding(binding, 0) }));
  }

  /** A stand-in for a use of a name after the module's last statement (see `exported`). */
  private moduleEnd?: SyntaxNode;

  /**
   * What `attribute` of a class defined in this file holds: a class-level binding, or for an instance also a
   * `self.attribute = value` in a method, else what a base class defined here holds. Undefined when none binds it.
   */
  classMember(classDef: SyntaxNode, attribute: string, instance: boolean, depth = 0): ResolvedName[] | undefined {
    const cache = instance ? this.instanceMemberCache : this.memberCache;
    let byAttribute = cache.get(classDef);
    if (!byAttribute) cache.set(classDef, (byAttribute = new Map()));
    if (byAttribute.has(attribute)) return byAttribute.get(attribute);
    byAttribute.set(attribute, undefined); // a member defined through itself resolves to nothing
    const found = this.findClassMember(classDef, attribute, instance, depth);
    byAttribute.set(attribute, found);
    return found;
  }

  /** What `C.attribute` and `C().attribute` hold, by class and attribute. */
  private readonly memberCache = new Map<SyntaxNode, Map<string, ResolvedName[] | undefined>>();
  private readonly instanceMemberCache = new Map<SyntaxNode, Map<string, ResolvedName[] | undefined>>();
  private readonly ancestorCache = new Map<SyntaxNode, ResolvedName[]>();

  private findClassMember(classDef: SyntaxNode, attribute: string, instance: boolean, depth: number): ResolvedName[] | undefined {
    const seen = new Set<SyntaxNode>();
    const work = [classDef];
    while (work.length && depth <= MAX_DEPTH) {
      const def = work.shift()!;
      if (seen.has(def)) continue;
      seen.add(def);
      const body = this.classBodies.get(def);
      if (!body) continue;
      const out: ResolvedName[] = [];
      let bound = false;
      for (const b of body.bindings.get(attribute) ?? []) {
        bound = true;
        // `@property def loader(self): return pickle.loads`: reading the member calls it.
        const property = b.kind === "function" ? this.propertyGetter(b, body) : undefined;
        this.union(out, property ? this.returnedBy(property, depth + 1) : this.resolveBinding(b, depth + 1));
      }
      if (instance) {
        for (const a of body.instanceAttributes?.get(attribute) ?? []) {
          bound = true;
          this.union(out, this.resolve(a.value, a.scope, depth + 1));
        }
      }
      if (bound) return out;
      for (const base of this.classAncestors(def, this.scopeOfDefinition(def) ?? this.module)) {
        if (base.localClass) work.push(base.localClass);
        else if (base.projectClass) {
          const found = base.projectClass.member(attribute, instance);
          if (found) return inOneShape(found);
        }
      }
    }
    return undefined;
  }

  /** The `function_definition` of a method decorated `@property` (or `functools.cached_property`), else undefined. */
  private propertyGetter(b: Binding, classBody: Scope): SyntaxNode | undefined {
    const definition = b.site.parent;
    const decorated = definition?.parent;
    if (definition?.type !== "function_definition" || decorated?.type !== "decorated_definition") return undefined;
    for (const decorator of decorated.children) {
      if (decorator.type !== "decorator") continue;
      const expression = decorator.children.find((c) => c.type !== "@" && c.type !== "comment");
      if (expression && this.resolve(expression, classBody.parent ?? this.module, 1).some((r) => PROPERTY_DECORATORS.has(r.name))) return definition;
    }
    return undefined;
  }

  text(node: SyntaxNode): string {
    return this.tree.source.slice(node.start, node.end);
  }

  private className(classDef: SyntaxNode): string {
    const name = childByField(classDef, "name");
    return name ? this.text(name) : "<class>";
  }

  /** All qualified names `expr` may denote in `scope`; empty when unknown. */
  /**
   * Outermost resolutions by expression: every rule, the data flow and the trust judgement ask for the same
   * callees. Only an outermost call is kept (no binding in progress, so no cycle was cut short for this caller);
   * its answer is what asking again would give, as every binding it went through is cached already. Callers share
   * the arrays and must not change them.
   */
  private readonly resolvedExpressions = new Map<SyntaxNode, { scope: Scope; names: ResolvedName[] }>();

  resolve(expr: SyntaxNode, scope: Scope, depth = 0): ResolvedName[] {
    if (depth > 0 || this.inProgress.size > 0) return this.resolveNow(expr, scope, depth);
    const known = this.resolvedExpressions.get(expr);
    if (known?.scope === scope) return known.names;
    const names = this.resolveNow(expr, scope, 0);
    this.resolvedExpressions.set(expr, { scope, names });
    return names;
  }

  private resolveNow(expr: SyntaxNode, scope: Scope, depth: number): ResolvedName[] {
    // Not a warning: a chain of thousands of functions returning one another's calls reaches the depth while the
    // data flow's summaries still find its sink (hostile-input tests), so a warning there would be noise.
    if (depth > MAX_DEPTH) return [];
    const node = unwrapParentheses(expr);
    switch (node.type) {
      case "identifier":
        return this.resolveName(this.text(node), scope, node, depth);
      case "attribute":
        return this.resolveAttribute(node, scope, depth);
      case "call":
        return this.resolveCallResult(node, scope, depth);
      case "subscript":
        return this.resolveSubscript(node, scope, depth);
      case "conditional_expression": {
        const [a, , b] = node.children;
        return this.either(a, b, scope, depth);
      }
      case "boolean_operator": {
        return this.either(childByField(node, "left"), childByField(node, "right"), scope, depth);
      }
      case "named_expression": {
        const value = childByField(node, "value");
        return value ? this.resolve(value, scope, depth + 1) : [];
      }
      default:
        return [];
    }
  }

  /**
   * Adds to `out` the names of `names` it does not hold yet (the same object: resolved names are shared, so a name
   * reached along several paths is one object), at most `MAX_NAMES`. Without it a class whose fields are each set
   * from three others (`self.f1 = self.f2 if c else self.f3 or self.f4`) made lists that tripled at each field.
   */
  private union(out: ResolvedName[], names: readonly ResolvedName[]): ResolvedName[] {
    if (!out.length && names.length <= MAX_NAMES) {
      for (let k = 0; k < names.length; k++) out.push(names[k]);
      return out;
    }
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (out.includes(name)) continue;
      // Not a warning either: webs of members set from calls on one another (hostile-input tests) reach it while
      // the project index's own step bound already says so.
      if (out.length >= MAX_NAMES) break;
      out.push(name);
    }
    return out;
  }

  /** What `a if c else b` and `a or b` may be: either side (appended, not spread: spreading arrays of several kinds cost `resolveNow` its optimised code). */
  private either(a: SyntaxNode | undefined, b: SyntaxNode | undefined, scope: Scope, depth: number): ResolvedName[] {
    const out: ResolvedName[] = [];
    if (a) this.union(out, this.resolve(a, scope, depth + 1));
    if (b) this.union(out, this.resolve(b, scope, depth + 1));
    return out;
  }

  /** The string an expression always evaluates to, when it is built from literals (and names bound to them). */
  constantString(expr: SyntaxNode, scope: Scope, depth = 0): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrapParentheses(expr);
    switch (node.type) {
      case "string":
        return this.stringLiteral(node) ?? this.formattedConstant(node, scope, depth);
      case "concatenated_string": {
        let out = "";
        for (const part of node.children) {
          const s = this.constantString(part, scope, depth + 1);
          if (s === undefined) return undefined;
          out += s;
        }
        return bounded(out);
      }
      case "binary_operator": {
        const left = childByField(node, "left");
        const right = childByField(node, "right");
        const op = left && right ? this.tree.source.slice(left.end, right.start).trim() : "";
        if (op !== "+" && op !== "%") return undefined;
        const l = this.constantString(left!, scope, depth + 1);
        if (l === undefined) return undefined;
        if (op === "%") {
          const args = this.constantStrings(right!, scope, depth + 1);
          return args && bounded(percentFormat(l, args));
        }
        const r = this.constantString(right!, scope, depth + 1);
        return r === undefined ? undefined : bounded(l + r);
      }
      case "call":
        return this.constantCall(node, scope, depth);
      case "subscript": {
        const value = childByField(node, "value");
        const index = childByField(node, "subscript");
        const s = index?.type === "slice" && value ? this.constantString(value, scope, depth + 1) : undefined;
        return s === undefined ? undefined : sliceString(s, this.text(index!));
      }
      case "identifier": {
        const b = finalBinding(this.lookup(this.text(node), scope, node), this.module);
        if (!b) return undefined;
        // Each binding's string is worked out once: names built from one another (`B = A + A`, `C = B + B`, ...) read
        // every name twice, and a chain of thirty took minutes.
        const known = this.constantCache.get(b);
        if (known !== undefined) return known ?? undefined;
        this.constantCache.set(b, null);
        const found = this.bindingConstant(b, depth);
        this.constantCache.set(b, found ?? null);
        return found;
      }
      default:
        return undefined;
    }
  }

  /** The constant string a binding's value is (see `constantString`). */
  private bindingConstant(b: Binding, depth: number): string | undefined {
    if (b.kind === "assignment" && b.value) return this.constantString(b.value, b.scope, depth + 1);
    // `from app.names import SER`: a constant of another project module, as its summary tells (see `constantDemand`).
    if (b.kind === "import" && b.qualifiedName) return this.importedConstant(b.qualifiedName);
    // `name += "ads"`: what the name held before, and the string added.
    const augmented = b.kind === "opaque" ? b.site.parent : undefined;
    if (augmented?.type !== "augmented_assignment" || childByField(augmented, "left") !== b.site) return undefined;
    const right = childByField(augmented, "right");
    if (!right || this.tree.source.slice(b.site.end, right.start).trim() !== "+=") return undefined;
    const before = this.constantString(b.site, b.scope, depth + 1);
    const added = before === undefined ? undefined : this.constantString(right, b.scope, depth + 1);
    return before === undefined || added === undefined ? undefined : bounded(before + added);
  }

  /**
   * Other modules' constants this file's constant strings read and no summary told of (`from app.names import SER`,
   * then `import_module(SER)`): the whole-program pass summarises their modules.
   */
  readonly constantDemand = new Set<string>();

  private importedConstant(qualified: string): string | undefined {
    if (!/^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$/.test(qualified)) return undefined;
    const found = this.project?.flows?.(qualified);
    if (!found?.length) {
      if (this.constantDemand.size < 16) this.constantDemand.add(qualified);
      return undefined;
    }
    return found.length === 1 ? found[0].flows.constant?.value : undefined;
  }

  /** An f-string whose fields are constant strings without conversion or format spec (`f"{'pic'}kle"`, `f"{NAME}kle"`). */
  private formattedConstant(node: SyntaxNode, scope: Scope, depth: number): string | undefined {
    const text = this.text(node);
    const opening = /^[rRbBuUfF]{0,2}('''|"""|'|")/.exec(text);
    if (!opening || !node.children.some((c) => c.type === "interpolation")) return undefined;
    const prefix = opening[0].slice(0, opening[0].length - opening[1].length);
    // The text between fields, read as a literal of its own with the string's prefix and quotes.
    const piece = (from: number, to: number) => decodeStringLiteral(prefix + opening[1] + this.tree.source.slice(from, to) + opening[1]);
    let out = "";
    let from = node.start + opening[0].length;
    for (const c of node.children) {
      if (c.type !== "interpolation") continue;
      const fields = c.children.filter((x) => x.type !== "comment");
      const before = piece(from, c.start);
      const value = fields.length === 1 ? this.constantString(fields[0], scope, depth + 1) : undefined;
      if (before === undefined || value === undefined) return undefined;
      out += before + value;
      from = c.end;
    }
    const rest = piece(from, node.end - opening[1].length);
    return rest === undefined ? undefined : bounded(out + rest);
  }

  /** The strings of a constant tuple (or the one string) on the right of `%`. */
  private constantStrings(node: SyntaxNode, scope: Scope, depth: number): string[] | undefined {
    const n = unwrapParentheses(node);
    if (n.type !== "tuple") {
      const s = this.constantString(n, scope, depth);
      return s === undefined ? undefined : [s];
    }
    return this.constantElements(n, scope, depth);
  }

  /** The elements of a list or tuple literal, each a constant string. */
  private constantElements(node: SyntaxNode, scope: Scope, depth: number): string[] | undefined {
    const out: string[] = [];
    for (const element of node.children) {
      if (element.type === "comment") continue;
      const s = this.constantString(element, scope, depth + 1);
      if (s === undefined) return undefined;
      out.push(s);
    }
    return out;
  }

  /** `sep.join([...])`, `fmt.format(...)`, `s.lower()` and the like, and `str(s)`, of constant strings. */
  private constantCall(node: SyntaxNode, scope: Scope, depth: number): string | undefined {
    const callee = childByField(node, "function");
    const args = (childByField(node, "arguments")?.children ?? []).filter((c) => c.type !== "comment");
    if (callee?.type === "identifier") {
      // `str("pickle")`, `str` being the builtin.
      if (this.text(callee) !== "str" || args.length !== 1 || this.lookup("str", scope, callee)) return undefined;
      return this.constantString(args[0], scope, depth + 1);
    }
    const object = callee?.type === "attribute" ? childByField(callee, "object") : undefined;
    const method = callee?.type === "attribute" ? childByField(callee, "attribute") : undefined;
    if (!object || !method) return undefined;
    const name = this.text(method);
    if (name !== "join" && name !== "format" && (args.length || stringMethod("", name) === undefined)) return undefined;
    const s = this.constantString(object, scope, depth + 1);
    if (s === undefined) return undefined;
    if (name === "join") {
      const list = args.length === 1 ? unwrapParentheses(args[0]) : undefined;
      const parts = list && (list.type === "list" || list.type === "tuple") ? this.constantElements(list, scope, depth) : undefined;
      return parts && bounded(parts.join(s));
    }
    if (name !== "format") return stringMethod(s, name);
    const positional: string[] = [];
    const keywords = new Map<string, string>();
    for (const a of args) {
      if (a.type === "list_splat" || a.type === "dictionary_splat") return undefined;
      const keyword = a.type === "keyword_argument" ? childByField(a, "name") : undefined;
      const valueNode = keyword ? childByField(a, "value") : a;
      const value = valueNode && this.constantString(valueNode, scope, depth + 1);
      if (value === undefined) return undefined;
      if (keyword) keywords.set(this.text(keyword), value);
      else positional.push(value);
    }
    return bounded(braceFormat(s, positional, keywords));
  }

  /** Bindings that `name` may refer to at `use` (LEGB, class bodies invisible to nested scopes). */
  lookup(name: string, scope: Scope, use: SyntaxNode): Binding[] | undefined {
    let s: Scope | null = scope;
    let sameScope = true;
    while (s) {
      if (!sameScope && s.kind === "class") {
        s = s.parent;
        continue;
      }
      if (s.globals.size !== 0 && s.globals.has(name) && s !== this.module) {
        s = this.module;
        sameScope = false;
        continue;
      }
      const bindings = s.bindings.get(name);
      if (bindings?.length) return sameScope ? reachingBindings(bindings, use, s) : bindings;
      sameScope = false;
      s = s.parent;
    }
    return undefined;
  }

  /** Base classes of a class defined in this file, resolved transitively through other local classes. */
  classAncestors(classDef: SyntaxNode, scope: Scope): ResolvedName[] {
    const cached = this.ancestorCache.get(classDef);
    if (cached) return cached;
    const out: ResolvedName[] = [];
    this.ancestorCache.set(classDef, out);
    const seen = new Set<SyntaxNode>();
    // Ancestors from other modules once each (see `ProjectClass.ancestors`); local classes are walked once by `seen`.
    const added = new Set<string>();
    const addOnce = (r: ResolvedName) => {
      if (!r.localClass) {
        const key = ancestorKey(r);
        if (added.has(key)) return false;
        added.add(key);
      }
      out.push(r);
      return true;
    };
    // Bases are resolved where the class is defined (cached per class, so never where it is used).
    const work: { def: SyntaxNode; scope: Scope }[] = [{ def: classDef, scope: this.scopeOfDefinition(classDef) ?? scope }];
    while (work.length && seen.size < MAX_DEPTH) {
      const { def, scope: defScope } = work.pop()!;
      if (seen.has(def)) continue;
      seen.add(def);
      const bases = childByField(def, "superclasses");
      if (!bases) continue;
      for (const base of bases.children) {
        if (base.type === "keyword_argument") continue;
        for (const r of this.resolve(base, defScope)) {
          if (!addOnce(r)) continue;
          if (r.localClass) work.push({ def: r.localClass, scope: this.scopeOfDefinition(r.localClass) ?? defScope });
          else if (r.projectClass) for (const a of inOneShape(r.projectClass.ancestors())) addOnce(a);
        }
      }
    }
    return out;
  }

  private scopeOfDefinition(def: SyntaxNode): Scope | undefined {
    return this.classBodies.get(def)?.parent ?? undefined;
  }

  /** What a name no scope binds may be, in a module with star imports, by name (callers share the arrays). */
  private readonly starImported = new Map<string, ResolvedName[]>();

  private resolveName(name: string, scope: Scope, use: SyntaxNode, depth: number): ResolvedName[] {
    const bindings = this.lookup(name, scope, use);
    if (!bindings) {
      const starImports = this.module.starImports;
      // `__builtins__` is the builtins module (in `__main__`) or its dict (elsewhere): `__builtins__.__import__`.
      if (name === "__builtins__") return this.qualified("builtins");
      if (!starImports.length) return PYTHON_BUILTINS.has(name) ? builtinNames(name) : [];
      let fromStar = this.starImported.get(name);
      if (!fromStar) {
        fromStar = starImports.flatMap((s) => this.qualified(`${s.module}.${name}`));
        if (PYTHON_BUILTINS.has(name)) fromStar.push(resolvedName(`builtins.${name}`));
        this.starImported.set(name, fromStar);
      }
      return fromStar;
    }
    // One binding (the usual case): its names as they are; resolved names are shared and never changed.
    if (bindings.length === 1) return this.resolveBinding(bindings[0], depth);
    const out: ResolvedName[] = [];
    for (let k = 0; k < bindings.length; k++) this.union(out, this.resolveBinding(bindings[k], depth));
    return out;
  }

  private resolveBinding(b: Binding, depth: number): ResolvedName[] {
    if (b.kind === "opaque") return b.scope.kind === "function" && this.isConstructor(b.scope) ? this.constructorArgument(b, depth) : [];
    // What a binding holds is worked out once: `self` and imported modules are asked about at almost every call.
    const cached = this.bindingCache.get(b);
    if (cached) return cached;
    let names: ResolvedName[];
    switch (b.kind) {
      case "import":
        names = this.qualified(b.qualifiedName!);
        break;
      case "function":
        names = [resolvedName(LOCAL + (b.scope.kind === "class" ? `${this.className(b.scope.node)}.` : "") + b.name, { definition: b.site.parent ?? undefined })];
        break;
      case "class":
        names =
          b.site.parent === b.classDef
            ? [resolvedName(LOCAL + b.name, { localClass: b.classDef })]
            : [resolvedName(LOCAL + this.className(b.classDef!), { localClass: b.classDef })];
        break;
      case "instance":
        names = [resolvedName(`${LOCAL}${this.className(b.classDef!)}()`, { instanceOf: b.classDef })];
        break;
      case "element": {
        if (this.inProgress.has(b) || !b.value) return [];
        this.inProgress.add(b);
        names = [];
        for (const element of tableElements(b.value)) this.union(names, this.resolve(element, b.scope, depth + 1));
        this.inProgress.delete(b);
        break;
      }
      case "assignment": {
        // `loads = lambda b: ...` is a function of the module, named like one.
        if (b.value?.type === "lambda") {
          names = [resolvedName(LOCAL + (b.scope.kind === "class" ? `${this.className(b.scope.node)}.` : "") + b.name)];
          break;
        }
        if (this.inProgress.has(b) || !b.value) return [];
        this.inProgress.add(b);
        const result = this.resolve(b.value, b.valueScope ?? b.scope, depth + 1);
        this.inProgress.delete(b);
        this.bindingCache.set(b, result);
        return result;
      }
    }
    this.bindingCache.set(b, names);
    return names;
  }

  /**
   * What a parameter of `__init__` (of a class defined in this file) may hold: the modules, classes and functions the
   * file's calls of the class pass for it (`Codec(pickle)` with `def __init__(self, ser): self.ser = ser`), so
   * `self.ser.loads` is known. Empty for any other parameter, and for `*args`/`**kwargs`.
   */
  private constructorArgument(b: Binding, depth: number): ResolvedName[] {
    const cached = this.bindingCache.get(b);
    if (cached) return cached;
    if (this.inProgress.has(b)) return [];
    const parameter = b.site.parent?.type === "parameters" ? b.site : b.site.parent;
    const position = parameter ? parameterPosition(parameter) : undefined;
    if (position === undefined) return [];
    this.inProgress.add(b);
    const out: ResolvedName[] = [];
    for (const { node, scope } of this.constructions(b.scope.parent!.node)) {
      const args = childByField(node, "arguments");
      const value = valueOf(this.keywordArgument(args, b.name)) ?? (position > 0 ? positionalBeforeSplat(args)[position - 1] : undefined);
      // Modules, classes and functions only: they are the same whichever call passed them, where an object made
      // by a call (`SocketConnection(socket.socket())` here, `SocketConnection(open(path))` there) is not.
      if (value) for (const r of this.resolve(value, scope, depth + 1)) if (!r.name.includes("(")) out.push(r);
    }
    this.inProgress.delete(b);
    this.bindingCache.set(b, out);
    return out;
  }

  /** Whether a function scope is the `__init__` of a class (the scopes are looked at once per model). */
  private isConstructor(scope: Scope): boolean {
    if (!this.constructorScopes) {
      this.constructorScopes = new Set();
      for (const s of this.scopeIndex.scopes) {
        if (s.kind !== "function" || s.parent?.kind !== "class") continue;
        const name = childByField(s.node, "name");
        if (name && name.end - name.start === 8 && this.text(name) === "__init__") this.constructorScopes.add(s);
      }
    }
    return this.constructorScopes.has(scope);
  }

  private constructorScopes?: Set<Scope>;

  /** The calls in this file that construct a class defined in it (`C(...)`, `mod.C(...)`), found once per class. */
  private constructions(classDef: SyntaxNode): CallRecord[] {
    let found = this.constructionCalls.get(classDef);
    if (found) return found;
    found = [];
    this.constructionCalls.set(classDef, found);
    const className = this.className(classDef);
    for (const call of this.callsNamed().get(className) ?? []) {
      const callee = childByField(call.node, "function")!;
      // `C(...)` where `C` is bound to the class itself: a lookup, not a resolution (stdlib: 40 ms less).
      const bindings = callee.type === "identifier" ? this.lookup(className, call.scope, callee) : undefined;
      if (bindings?.some((b) => b.kind === "class" && b.classDef === classDef)) found.push(call);
      else if (callee.type === "attribute" && this.resolve(callee, call.scope, 1).some((r) => r.localClass === classDef)) found.push(call);
    }
    return found;
  }

  private readonly constructionCalls = new Map<SyntaxNode, CallRecord[]>();

  /** The file's calls by the name they call (`C` of `C(...)` and `mod.C(...)`), made once, when a constructor asks. */
  private callsNamed(): Map<string, CallRecord[]> {
    if (this.callsByName) return this.callsByName;
    const byName = (this.callsByName = new Map<string, CallRecord[]>());
    for (const call of this.calls) {
      const callee = childByField(call.node, "function");
      const named = callee?.type === "identifier" ? callee : callee?.type === "attribute" ? childByField(callee, "attribute") : undefined;
      if (!named) continue;
      const name = this.text(named);
      const list = byName.get(name);
      if (list) list.push(call);
      else byName.set(name, [call]);
    }
    return byName;
  }

  private callsByName?: Map<string, CallRecord[]>;

  private resolveAttribute(node: SyntaxNode, scope: Scope, depth: number): ResolvedName[] {
    // Iterative over long chains (`a.b.c.d...`), so hostile nesting cannot overflow the stack.
    const attributes: string[] = [];
    let base: SyntaxNode = node;
    while (base.type === "attribute") {
      const attr = childByField(base, "attribute");
      const object = childByField(base, "object");
      if (!attr || !object) return [];
      attributes.push(this.text(attr));
      base = unwrapParentheses(object);
    }
    attributes.reverse();
    // `pickle.loads.__call__` is `pickle.loads`.
    while (attributes.length && attributes[attributes.length - 1] === "__call__") attributes.pop();
    if (!attributes.length) return this.resolve(base, scope, depth + 1);
    const out: ResolvedName[] = [];
    const bases = this.resolve(base, scope, depth + 1);
    for (let k = 0; k < bases.length; k++) this.union(out, this.attributeOf(bases[k], attributes, depth));
    return out;
  }

  /** `r.a.b...`: through the members of classes (local or in the project), else as a qualified name. */
  private attributeOf(r: ResolvedName, attributes: string[], depth: number): ResolvedName[] {
    const first = attributes[0];
    const localClass = r.localClass ?? r.instanceOf;
    const projectClass = r.projectClass ?? r.projectInstance;
    let member: ResolvedName[] | undefined;
    if (localClass) member = this.classMember(localClass, first, r.instanceOf !== undefined, depth + 1);
    else if (projectClass) {
      const found = projectClass.member(first, r.projectInstance !== undefined);
      if (found) member = inOneShape(found);
    }
    if (member) {
      const chain = r.chain;
      let withChain = member;
      if (chain) {
        withChain = [];
        for (const m of member) withChain.push(resolvedName(m.name, { ...m, chain: [...chain, ...(m.chain ?? [])] }));
      }
      if (attributes.length === 1) return withChain;
      const rest = attributes.slice(1);
      return withChain.flatMap((m) => this.attributeOf(m, rest, depth + 1));
    }
    const names = this.qualifiedAttribute(r.name, attributes.length === 1 ? first : attributes.join("."));
    // Nothing to add to them: `names` as they are (resolved names are shared and never changed).
    if (!r.chain && !(attributes.length === 1 && r.constructedBy)) return names;
    const constructedBy = attributes.length === 1 ? r.constructedBy : undefined;
    const chain = r.chain;
    const out: ResolvedName[] = [];
    for (const n of names) {
      out.push(
        resolvedName(n.name, {
          ...n,
          constructedBy: constructedBy ?? n.constructedBy,
          chain: chain ? (n.chain ? [...chain, ...n.chain] : chain.slice()) : n.chain,
        }),
      );
    }
    return out;
  }

  private resolveCallResult(node: SyntaxNode, scope: Scope, depth: number): ResolvedName[] {
    const callee = childByField(node, "function");
    if (!callee) return [];
    const args = childByField(node, "arguments");
    const out: ResolvedName[] = [];
    // `(lambda: pickle.loads)()`: what the body is (only without parameters, which the body could name).
    const called = unwrapParentheses(callee);
    if (called.type === "lambda") {
      const body = childByField(called, "body");
      return body && !childByField(called, "parameters") ? this.resolve(body, scope, depth + 1) : [];
    }
    // `{"pickle": pickle.loads}.get(fmt)`: what the table holds (see `tableAt`).
    const table = callee.type === "attribute" && this.isGet(callee) ? this.tableAt(childByField(callee, "object")!, scope, depth + 1) : undefined;
    if (table) {
      const [key] = positionalArguments(args);
      return this.tableValues(table, key, scope, depth + 1);
    }
    // `SERIALIZERS.get(fmt)` with a module-level table of modules (see `moduleTableAt`).
    const modules = callee.type === "attribute" && this.isGet(callee) ? this.moduleTableAt(childByField(callee, "object")!, scope, depth + 1) : undefined;
    if (modules) {
      const [key] = positionalArguments(args);
      return this.tableValues(modules, key, scope, depth + 1, true);
    }
    // The same with a table of another project module (`from .tables import SERIALIZERS`; see `moduleTableExports`).
    if (callee.type === "attribute" && this.isGet(callee) && this.project) {
      const [key] = positionalArguments(args);
      const imported = this.importedTable(childByField(callee, "object")!, key && this.constantString(key, scope, depth + 1), scope, depth + 1);
      if (imported) return imported;
    }
    for (const c of this.resolve(callee, scope, depth + 1)) {
      switch (c.name) {
        case "sys.modules.get":
        case "builtins.globals().get": {
          // `sys.modules.get("pickle")`, `globals().get("pickle")`: like the subscript.
          const [key] = positionalArguments(args);
          const name = key && this.constantString(key, scope, depth + 1);
          if (name) appendAll(out, this.keyed(c.name.slice(0, -".get".length), name));
          break;
        }
        case "importlib.import_module":
        case "importlib.__import__":
        case "builtins.__import__": {
          const positional = positionalArguments(args);
          const moduleArg = positional[0] ?? valueOf(this.keywordArgument(args, "name"));
          const moduleName = moduleArg && this.constantString(moduleArg, scope, depth + 1);
          if (!moduleName || moduleName.startsWith(".")) break;
          const fromlist = positional[3] ?? valueOf(this.keywordArgument(args, "fromlist"));
          const wantsLeaf = c.name === "importlib.import_module" || (fromlist && !isEmptyLiteral(fromlist));
          appendAll(out, this.qualified(wantsLeaf ? moduleName : moduleName.split(".")[0]));
          break;
        }
        case "builtins.getattr": {
          const positional = positionalArguments(args);
          const attr = positional[1] && this.constantString(positional[1], scope, depth + 1);
          if (positional[0] && attr) {
            for (const o of this.resolve(positional[0], scope, depth + 1)) this.union(out, this.attributeOf(o, [attr], depth + 1));
          }
          // `getattr(x, "name", pickle.loads)`: the default is what the call gives whenever `x` lacks the attribute.
          if (positional[2]) this.union(out, this.resolve(positional[2], scope, depth + 1));
          break;
        }
        case "builtins.vars": {
          const [first] = positionalArguments(args);
          if (first) {
            for (const o of this.resolve(first, scope, depth + 1)) out.push(resolvedName(`${o.name}.__dict__`));
          }
          break;
        }
        case "functools.partial": {
          // partial(torch.load, weights_only=False) is torch.load waiting for its call, with those arguments bound.
          const [first] = positionalArguments(args);
          if (first) for (const r of this.resolve(first, scope, depth + 1)) out.push(r.boundBy ? r : resolvedName(r.name, { ...r, boundBy: { call: node, scope } }));
          break;
        }
        case "typing.cast": {
          // `cast(Any, pickle)` is `pickle`.
          const [, value] = positionalArguments(args);
          if (value) this.union(out, this.resolve(value, scope, depth + 1));
          break;
        }
        case "builtins.staticmethod":
        case "builtins.classmethod": {
          // staticmethod(f) and classmethod(f) are f.
          const [first] = positionalArguments(args);
          if (first) this.union(out, this.resolve(first, scope, depth + 1));
          break;
        }
        case "operator.attrgetter()": {
          // `operator.attrgetter("loads")(pickle)` is `pickle.loads`.
          const getter = c.constructedBy && positionalArguments(childByField(c.constructedBy.call, "arguments"));
          const path = getter?.length === 1 ? this.constantString(getter[0], c.constructedBy!.scope, depth + 1) : undefined;
          const [object] = positionalArguments(args);
          if (path && object) for (const o of this.resolve(object, scope, depth + 1)) this.union(out, this.attributeOf(o, path.split("."), depth + 1));
          break;
        }
        default: {
          if (c.name.endsWith(".__dict__.get")) {
            const [key] = positionalArguments(args);
            const name = key && this.constantString(key, scope, depth + 1);
            if (name) appendAll(out, this.keyed(c.name.slice(0, -".get".length), name));
            break;
          }
          out.push(
            resolvedName(`${c.name}()`, {
              constructedBy: { call: node, scope },
              instanceOf: c.localClass || undefined,
              projectInstance: c.projectClass || undefined,
              chain: c.chain || undefined,
            }),
          );
          // `def loader(): return pickle.loads`, then `loader()(data)`: the call is also what the function returns.
          if (c.definition?.type === "function_definition") this.union(out, this.returnedBy(c.definition, depth + 1));
          // The same for a function (or method) of another project module, as its summary tells (see `ProjectIndex`).
          else if (this.project && !c.definition && !c.localClass && !c.projectClass && !c.name.includes("(")) {
            const returned = this.project.resolve(`${c.name}()`);
            if (returned) for (const r of returned) if (!r.name.includes("(")) out.push(resolvedName(r.name, r));
          }
        }
      }
    }
    return out;
  }

  /**
   * The modules, classes and functions a function defined in this file returns: its `return` expressions (not those
   * of nested functions), resolved in its scope. Worked out once per function; a function reached again while its returns are being resolved
   * (recursion) returns nothing more.
   */
  private returnedBy(definition: SyntaxNode, depth: number): ResolvedName[] {
    const known = this.returns.get(definition);
    if (known) return known;
    const scope = this.functionScope(definition);
    if (!scope || depth > MAX_DEPTH) return [];
    const out: ResolvedName[] = [];
    this.returns.set(definition, out);
    const body = childByField(definition, "body");
    // Modules, classes and functions only (what a factory hands out): an object a call made, a source's data
    // among them, is for the data flow to follow through the function, with its steps.
    if (body) {
      for (const value of returnedExpressions(body)) {
        if (value.type === "call" && !this.mayGiveDefinition(value, scope, depth + 1)) continue;
        for (const r of this.resolve(value, scope, depth + 1)) if (!r.name.includes("(")) out.push(r);
      }
    }
    return out;
  }

  private readonly returns = new Map<SyntaxNode, ResolvedName[]>();

  /** The modules, classes and functions a function defined in this file returns (see `returnedBy`), for the project index. */
  definitionsReturnedBy(definition: SyntaxNode): ResolvedName[] {
    return this.returnedBy(definition, 0);
  }

  /**
   * Whether a call's result can be a module, class or function: a call of a local function (another factory) or of
   * what resolution looks through (`import_module`, `getattr`, `partial`, ...). Most returned calls are neither, and
   * their results are not worked out (measured: resolving every returned call cost the stdlib scan ~40 ms).
   */
  private mayGiveDefinition(call: SyntaxNode, scope: Scope, depth: number): boolean {
    const callee = childByField(call, "function");
    if (!callee) return false;
    for (const c of this.resolve(callee, scope, depth)) if (c.definition || GIVES_DEFINITIONS.has(c.name) || c.name.endsWith(".__dict__.get")) return true;
    return false;
  }

  private functionScope(definition: SyntaxNode): Scope | undefined {
    if (!this.functionScopes) {
      this.functionScopes = new Map();
      for (const s of this.scopeIndex.scopes) if (s.kind === "function") this.functionScopes.set(s.node, s);
    }
    return this.functionScopes.get(definition);
  }

  private functionScopes?: Map<SyntaxNode, Scope>;

  /**
   * What a call through `operator.methodcaller` calls: `methodcaller("loads", data)(pickle)` is `pickle.loads(data)`.
   * `callee` is one resolution of the call's callee; empty for any other callee.
   */
  calledThrough(callee: ResolvedName, call: SyntaxNode, scope: Scope): ResolvedName[] {
    if (callee.name !== "operator.methodcaller()" || !callee.constructedBy) return [];
    const [method] = positionalArguments(childByField(callee.constructedBy.call, "arguments"));
    const name = method && this.constantString(method, callee.constructedBy.scope);
    const [object] = positionalArguments(childByField(call, "arguments"));
    if (!name || !object) return [];
    const out: ResolvedName[] = [];
    for (const o of this.resolve(object, scope)) appendAll(out, this.attributeOf(o, [name], 1));
    return out;
  }

  private keywordArgument(args: SyntaxNode | undefined, name: string): SyntaxNode | undefined {
    return args?.children.find((c) => c.type === "keyword_argument" && this.text(childByField(c, "name") ?? c) === name);
  }

  private resolveSubscript(node: SyntaxNode, scope: Scope, depth: number): ResolvedName[] {
    const value = childByField(node, "value");
    const index = childByField(node, "subscript");
    if (!value || !index) return [];
    // `{"pickle": pickle.loads}[fmt]`, `decoders[fmt]` with a table bound in the function.
    const table = this.tableAt(value, scope, depth + 1);
    if (table) return this.tableValues(table, index, scope, depth + 1);
    const modules = this.moduleTableAt(value, scope, depth + 1);
    if (modules) return this.tableValues(modules, index, scope, depth + 1, true);
    const key = this.constantString(index, scope, depth + 1);
    const imported = this.importedTable(value, key, scope, depth + 1);
    if (imported) return imported;
    if (key === undefined) return [];
    const out: ResolvedName[] = [];
    for (const v of this.resolve(value, scope, depth + 1)) appendAll(out, this.keyed(v.name, key));
    return out;
  }

  /**
   * `container[key]` for the containers that hold modules and their attributes: `sys.modules`, `m.__dict__` (and
   * `vars(m)`), `globals()` and the builtins module as a dict (`__builtins__["__import__"]` outside `__main__`).
   */
  private keyed(container: string, key: string): ResolvedName[] {
    if (container === "sys.modules") return this.qualified(key);
    if (container === "builtins") return this.qualified(`builtins.${key}`);
    if (container.endsWith(".__dict__")) return this.qualified(`${container.slice(0, -".__dict__".length)}.${key}`);
    if (container === "builtins.globals()") {
      const bindings = this.module.bindings.get(key);
      if (!bindings) return PYTHON_BUILTINS.has(key) ? builtinNames(key) : [];
      const out: ResolvedName[] = [];
      for (const b of bindings) appendAll(out, this.resolveBinding(b, 1));
      return out;
    }
    return [];
  }

  private isGet(callee: SyntaxNode): boolean {
    const attribute = childByField(callee, "attribute");
    return attribute !== undefined && attribute.end - attribute.start === 3 && this.text(attribute) === "get";
  }

  /**
   * The table literal an expression is: written in place (`{"pickle": pickle.loads}[fmt]`), or bound to a name in a
   * function (`decoders = {...}` then `decoders[fmt]`). A table bound at module or class level is not followed: it is
   * reported where it is stored (see `storedCallables` in analyze.ts), once, not at every call through it.
   */
  private tableAt(expr: SyntaxNode, scope: Scope, depth: number): SyntaxNode | undefined {
    const node = unwrapParentheses(expr);
    if (TABLE_LITERALS.has(node.type)) return node;
    // The function's own single binding of the name: one map lookup, as most subscripts read something else.
    if (node.type !== "identifier" || depth > MAX_DEPTH || (scope.kind !== "function" && scope.kind !== "lambda")) return undefined;
    const bindings = scope.bindings.get(this.text(node));
    if (bindings?.length !== 1) return undefined;
    const [b] = bindings;
    if (b.kind !== "assignment" || !b.value || b.valueScope) return undefined;
    const value = unwrapParentheses(b.value);
    return TABLE_LITERALS.has(value.type) ? value : undefined;
  }

  /**
   * A table bound once at module level (`SERIALIZERS = {"pickle": pickle, "json": json}`) read in the module, for the
   * modules it holds (see `tableValues`): a callable it holds is reported where it is stored, but a module is not.
   */
  private moduleTableAt(expr: SyntaxNode, scope: Scope, depth: number): SyntaxNode | undefined {
    const node = unwrapParentheses(expr);
    if (node.type === "attribute") return this.classTableAt(node, scope, depth);
    if (node.type !== "identifier") return undefined;
    const bindings = this.lookup(this.text(node), scope, node);
    if (bindings?.length !== 1) return undefined;
    const [b] = bindings;
    if (b.scope !== this.module || b.kind !== "assignment" || !b.value || b.valueScope) return undefined;
    const value = unwrapParentheses(b.value);
    return TABLE_LITERALS.has(value.type) ? value : undefined;
  }

  /**
   * A table bound once in the body of a class defined in this file, read through the class or an instance
   * (`cls.SERIALIZERS[fmt]` in a classmethod, `Codecs.SERIALIZERS[fmt]`, `self.SERIALIZERS[fmt]`), like a module's.
   */
  private classTableAt(node: SyntaxNode, scope: Scope, depth: number): SyntaxNode | undefined {
    const object = childByField(node, "object");
    const attribute = childByField(node, "attribute");
    if (!object || !attribute || (object.type !== "identifier" && object.type !== "attribute")) return undefined;
    const name = this.text(attribute);
    for (const r of this.resolve(object, scope, depth + 1)) {
      const classDef = r.localClass ?? r.instanceOf;
      const bindings = classDef && this.classBodies.get(classDef)?.bindings.get(name);
      if (bindings?.length !== 1) continue;
      const [b] = bindings;
      if (b.kind !== "assignment" || !b.value || b.valueScope) continue;
      const value = unwrapParentheses(b.value);
      if (TABLE_LITERALS.has(value.type)) return value;
    }
    return undefined;
  }

  /**
   * What a table of modules bound in another project module holds (`from .tables import SERIALIZERS`, then
   * `SERIALIZERS["pickle"]` or `tables.SERIALIZERS[fmt]`), as that module's summary exports it (see
   * `moduleTableExports`): the entry of a constant key, else every module. Undefined when the project knows no such
   * table.
   */
  private importedTable(expr: SyntaxNode, key: string | undefined, scope: Scope, depth: number): ResolvedName[] | undefined {
    if (!this.project) return undefined;
    const node = unwrapParentheses(expr);
    const tables: string[] = [];
    if (node.type === "identifier") {
      const bindings = this.lookup(this.text(node), scope, node);
      if (bindings?.length === 1 && bindings[0].kind === "import" && bindings[0].qualifiedName) tables.push(canonicalName(bindings[0].qualifiedName));
    } else if (node.type === "attribute") {
      const object = childByField(node, "object");
      const attribute = childByField(node, "attribute");
      if (object && attribute) for (const r of this.resolve(object, scope, depth + 1)) if (!r.name.includes("(") && !r.localClass && !r.instanceOf) tables.push(`${r.name}.${this.text(attribute)}`);
    }
    let out: ResolvedName[] | undefined;
    for (const table of tables) {
      const entry = key !== undefined && TABLE_KEY.test(key) ? this.tableEntry(`${table}[${key}]`) : undefined;
      const found = entry ?? this.tableEntry(`${table}[]`);
      if (found) this.union((out ??= []), found);
    }
    return out;
  }

  /** What the project index gives for one entry of an exported table, when it knows the entry. */
  private tableEntry(name: string): ResolvedName[] | undefined {
    const found = this.project!.resolve(name);
    if (!found || (found.length === 1 && found[0].name === name)) return undefined;
    return inOneShape(found.filter((r) => r.name !== name));
  }

  /**
   * The tables of modules this module binds once at module level (`SERIALIZERS = {"pickle": pickle, "json": json}`),
   * as exports for other modules (see `importedTable`): `SERIALIZERS[pickle]` for the entry of each string key (empty
   * when it is no module) and `SERIALIZERS[]` for every module it holds. Only tables holding a module imported whole.
   */
  moduleTableExports(): Map<string, ResolvedName[]> {
    const out = new Map<string, ResolvedName[]>();
    for (const [name, bindings] of this.module.bindings) {
      if (bindings.length !== 1) continue;
      const [b] = bindings;
      if (b.kind !== "assignment" || !b.value || b.valueScope) continue;
      const table = unwrapParentheses(b.value);
      if (!TABLE_LITERALS.has(table.type)) continue;
      const all: ResolvedName[] = [];
      const entries: [string, ResolvedName[]][] = [];
      for (const element of tableElements(table)) {
        const names = this.isImportedModule(element, this.module) ? this.resolve(element, this.module) : [];
        this.union(all, names);
        const pair = element.parent?.type === "pair" ? element.parent : undefined;
        const key = pair && this.keyString(pair);
        if (key !== undefined && TABLE_KEY.test(key)) entries.push([`${name}[${key}]`, names]);
      }
      if (!all.length) continue;
      out.set(`${name}[]`, all);
      for (const [entry, names] of entries) out.set(entry, names);
    }
    return out;
  }

  /** Whether `element` names a module imported whole (`import pickle`, `import pickle as p`). */
  private isImportedModule(element: SyntaxNode, scope: Scope): boolean {
    if (element.type !== "identifier") return false;
    const bindings = this.lookup(this.text(element), scope, element);
    return bindings !== undefined && bindings.length > 0 && bindings.every((b) => b.kind === "import" && importStatementOf(b.site)?.type === "import_statement");
  }

  /**
   * What `table[key]` may be: the entry of a constant key when the dict has it, else every value. `modulesOnly`: only
   * the entries that are modules imported whole.
   */
  private tableValues(table: SyntaxNode, key: SyntaxNode | undefined, scope: Scope, depth: number, modulesOnly = false): ResolvedName[] {
    let elements = tableElements(table);
    if (table.type === "dictionary" && key) {
      const wanted = this.constantString(key, scope, depth);
      const entry = wanted === undefined ? undefined : table.children.find((c) => c.type === "pair" && this.keyString(c) === wanted);
      const value = entry && childByField(entry, "value");
      if (value) elements = [value];
    }
    const out: ResolvedName[] = [];
    for (const element of elements) if (!modulesOnly || this.isImportedModule(element, this.module)) this.union(out, this.resolve(element, scope, depth + 1));
    return out;
  }

  private keyString(pair: SyntaxNode): string | undefined {
    const key = childByField(pair, "key");
    return key?.type === "string" ? this.stringLiteral(key) : undefined;
  }

  private stringLiteral(node: SyntaxNode): string | undefined {
    return node.type === "string" ? decodeStringLiteral(this.text(node)) : undefined;
  }

}

/** What a builtin's name resolves to, made once per name (resolved names are shared and never changed). */
const BUILTIN_NAMES = new Map<string, ResolvedName[]>();

function builtinNames(name: string): ResolvedName[] {
  let found = BUILTIN_NAMES.get(name);
  if (!found) BUILTIN_NAMES.set(name, (found = [resolvedName(`builtins.${name}`)]));
  return found;
}

/** The import statement a binding's site belongs to, if any. */
function importStatementOf(site: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = site; n; n = n.parent) if (n.type === "import_statement" || n.type === "import_from_statement") return n;
  return undefined;
}

/** Decorators that make a method a member read by calling it. */
const PROPERTY_DECORATORS = new Set(["builtins.property", "functools.cached_property"]);

/** Keys of an exported table entry (see `moduleTableExports`): ones a qualified name can carry. */
const TABLE_KEY = /^[\w-]+$/;

/** Literals whose elements resolution looks into (see `tableAt`, the `element` binding kind). */
const TABLE_LITERALS = new Set(["dictionary", "list", "tuple", "set"]);

/** Elements read from one table literal at most: its size is the input's to choose. */
const MAX_TABLE_ELEMENTS = 64;

/** The elements of a list, tuple or set literal, or the values of a dict literal (none of a splat or comprehension). */
function tableElements(table: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const c of table.children) {
    if (out.length >= MAX_TABLE_ELEMENTS) break;
    if (c.type === "pair") {
      const value = childByField(c, "value");
      if (value) out.push(value);
    } else if (c.type !== "comment" && c.type !== "list_splat" && c.type !== "dictionary_splat") out.push(c);
  }
  return out;
}

/** Nodes whose `return` statements belong to another function. */
const OWN_RETURNS_END = new Set(["function_definition", "lambda", "class_definition", "decorated_definition"]);

/** The values of a function body's own `return` statements (at most `MAX_TABLE_ELEMENTS`). */
function returnedExpressions(body: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const work = [body];
  while (work.length && out.length < MAX_TABLE_ELEMENTS) {
    const n = work.pop()!;
    for (const c of n.children) {
      if (c.type === "return_statement") {
        const value = c.children.find((v) => v.type !== "comment");
        if (value) out.push(value);
      } else if (!OWN_RETURNS_END.has(c.type) && c.children.length) work.push(c);
    }
  }
  return out;
}

/** A folded string, unless it grew past what a name can be. */
function bounded(s: string | undefined): string | undefined {
  return s !== undefined && s.length <= MAX_FOLDED_LENGTH ? s : undefined;
}

function unwrapParentheses(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
  return n;
}

/** A call's positional arguments; read only for the few callees resolution looks into (most calls make `C()`). */
function positionalArguments(args: SyntaxNode | undefined): SyntaxNode[] {
  return args ? args.children.filter((c) => c.type !== "keyword_argument" && c.type !== "comment") : [];
}

/**
 * The position of a parameter among those a positional argument may fill (the first, `self`, is 0), `-Infinity` for a
 * keyword-only one (after `*` or `*args`), undefined for `*args`/`**kwargs` themselves.
 */
function parameterPosition(parameter: SyntaxNode): number | undefined {
  const list = parameter.parent;
  if (list?.type !== "parameters" || !POSITIONAL_PARAMETERS.has(parameter.type)) return undefined;
  let position = 0;
  for (const p of list.children) {
    if (p === parameter) return position;
    if (POSITIONAL_PARAMETERS.has(p.type)) position++;
    else if (p.type !== "comment" && p.type !== "positional_separator") position = -Infinity;
  }
  return undefined;
}

const POSITIONAL_PARAMETERS = new Set(["identifier", "typed_parameter", "default_parameter", "typed_default_parameter"]);

/** A call's positional arguments before any `*args` (after it, positions are unknown). */
function positionalBeforeSplat(args: SyntaxNode | undefined): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const c of args?.children ?? []) {
    if (c.type === "list_splat" || c.type === "dictionary_splat") break;
    if (c.type !== "keyword_argument" && c.type !== "comment") out.push(c);
  }
  return out;
}

function valueOf(keywordArgument: SyntaxNode | undefined): SyntaxNode | undefined {
  return keywordArgument ? childByField(keywordArgument, "value") : undefined;
}

function isEmptyLiteral(node: SyntaxNode): boolean {
  return (node.type === "list" || node.type === "tuple") && node.children.length === 0;
}


/**
 * Python binds names at run time in statement order. For a use in the same scope, keep the last binding before
 * it, and earlier ones too while the later binding sits in a block the use is not part of (`try`/`except`, `if`
 * branches, loops): any of them may be the one that ran. Later bindings count only when nothing precedes the use.
 */
/**
 * The one binding a name holds when read: the only one, or, for a module-level name rebound only by statements of
 * the module's own body that always run (`name = "l"`, then `name = name + "oads"`), read from a function, the last
 * (the module has run to its end before its functions are called, as they almost always are).
 */
function finalBinding(bindings: Binding[] | undefined, module: Scope): Binding | undefined {
  if (!bindings?.length) return undefined;
  if (bindings.length === 1) return bindings[0];
  if (bindings.some((b) => b.scope !== module || !atModuleTop(b.site, module.node))) return undefined;
  return bindings.reduce((last, b) => (b.position > last.position ? b : last));
}

/** Whether a node is in a statement of the module's body itself, not inside a block (`if`, `try`, `for`, `def`, ...). */
function atModuleTop(site: SyntaxNode, moduleNode: SyntaxNode): boolean {
  for (let n = site.parent; n && n !== moduleNode; n = n.parent) if (n.type === "block") return false;
  return true;
}

function reachingBindings(bindings: Binding[], use: SyntaxNode, scope: Scope): Binding[] {
  // One binding (most names): it reaches the use, before or after it (see above); the list as it is.
  if (bindings.length === 1) return bindings;
  const preceding = bindings.filter((b) => b.position <= use.start).sort((a, b) => a.position - b.position);
  if (!preceding.length) return bindings;
  const out: Binding[] = [];
  for (let i = preceding.length - 1; i >= 0; i--) {
    out.push(preceding[i]);
    if (isUnconditional(preceding[i].site, use, scope.node)) break;
  }
  return out;
}

function isUnconditional(site: SyntaxNode, use: SyntaxNode, scopeNode: SyntaxNode): boolean {
  for (let n = site.parent; n && n !== scopeNode; n = n.parent) {
    if (n.type === "block" && n.parent?.type !== "with_statement" && !isAncestor(n, use)) return false;
  }
  return true;
}

export { LOCAL as LOCAL_PREFIX };
