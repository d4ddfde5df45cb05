// What an `Unpickler` subclass's `find_class` lets a pickle load: the allowlist of a restricting override, read from
// its code (browser-safe). The Python documentation's "Restricting Globals" pattern and its variants:
//
//     def find_class(self, module, name):
//         if module == "builtins" and name in SAFE_BUILTINS:
//             return super().find_class(module, name)
//         raise pickle.UnpicklingError(...)
import { childByField, type SyntaxNode } from "../syntax.js";
import { decodeStringLiteral } from "./string-literal.js";
import type { SemanticModel } from "./model.js";
import type { Scope } from "./scopes.js";

/** What a condition narrows `(module, name)` to: a set of `module.name` pairs, or modules and names apart. */
interface Narrowing {
  pairs?: Set<string>;
  modules?: Set<string>;
  names?: Set<string>;
}

/** Globals admitted by one allowlist at most: beyond it the override is not read. */
const MAX_ALLOWED = 256;

/**
 * The globals (`module.name`) a class's own `find_class` can return, when every `return` in it sits under conditions
 * that pin both the module and the name to literals (`==`, `in` a literal or a name bound to one, `(module, name) in`
 * a set of pairs) and returns the global looked up (`super().find_class(module, name)`, `getattr(..., name)`).
 * Empty when it returns nothing at all (it raises for every global, as nltk's wordnet browser's does): loading can then
 * build only what needs no global (numbers, strings, bytes, lists, tuples, dicts, sets).
 * Undefined when the class does not override it or the code is anything else.
 */
export function findClassAllowlist(model: SemanticModel, classDef: SyntaxNode): string[] | undefined {
  const classScope = model.classScope(classDef);
  const def = childByField(classDef, "body")?.children.find((c) => c.type === "function_definition" && model.text(childByField(c, "name") ?? c) === "find_class");
  if (!def || !classScope) return undefined;
  const params = (childByField(def, "parameters")?.children ?? []).filter((p) => p.type === "identifier");
  if (params.length !== 3) return undefined;
  const [moduleParam, nameParam] = [model.text(params[1]), model.text(params[2])];
  const body = childByField(def, "body");
  if (!body) return undefined;
  const allowed = new Set<string>();
  const reader = { model, classScope, moduleParam, nameParam };
  if (!walk(reader, body, {}, allowed)) return undefined;
  return [...allowed].sort();
}

interface Reader {
  model: SemanticModel;
  classScope: Scope;
  moduleParam: string;
  nameParam: string;
}

/** Reads a block under `narrowing`; false when some statement can return a global the conditions do not pin. */
function walk(r: Reader, block: SyntaxNode, outer: Narrowing, allowed: Set<string>): boolean {
  let narrowing = outer;
  for (const stmt of block.children) {
    // `if (module, name) not in ALLOWED: raise ...`: what follows runs only for the allowed globals.
    const guard = stmt.type === "if_statement" ? raisingGuard(r, stmt) : undefined;
    if (guard) {
      narrowing = narrowed(narrowing, guard);
      continue;
    }
    switch (stmt.type) {
      case "comment":
      case "pass_statement":
      case "raise_statement":
        continue;
      case "return_statement": {
        const value = stmt.children.find((c) => c.type !== "return");
        if (!value || !returnsLookedUp(r, value)) return false;
        const pairs = pairsOf(narrowing);
        if (!pairs) return false;
        for (const p of pairs) allowed.add(p);
        if (allowed.size > MAX_ALLOWED) return false;
        continue;
      }
      case "if_statement": {
        const consequence = childByField(stmt, "consequence");
        if (!consequence || !walk(r, consequence, narrowed(narrowing, condition(r, childByField(stmt, "condition"))), allowed)) return false;
        for (const alt of stmt.children) {
          if (alt.type === "elif_clause") {
            const body = childByField(alt, "consequence");
            if (!body || !walk(r, body, narrowed(narrowing, condition(r, childByField(alt, "condition"))), allowed)) return false;
          } else if (alt.type === "else_clause") {
            const body = childByField(alt, "body");
            if (!body || !walk(r, body, narrowing, allowed)) return false;
          }
        }
        continue;
      }
      case "expression_statement":
        // A docstring or a call; an assignment that rebinds `module` or `name` makes the conditions meaningless.
        if (rebindsParameter(r, stmt)) return false;
        continue;
      default:
        if (rebindsParameter(r, stmt) || contains(stmt, "return_statement")) return false;
    }
  }
  return true;
}

/** `super().find_class(module, name)`, `Unpickler.find_class(self, module, name)`, `getattr(x, name)`. */
function returnsLookedUp(r: Reader, value: SyntaxNode): boolean {
  if (value.type !== "call") return false;
  const callee = childByField(value, "function");
  const args = (childByField(value, "arguments")?.children ?? []).filter((c) => c.type !== "comment");
  const named = (n: SyntaxNode | undefined, text: string) => n?.type === "identifier" && r.model.text(n) === text;
  if (callee?.type === "attribute" && r.model.text(childByField(callee, "attribute") ?? callee) === "find_class") {
    return named(args.at(-1), r.nameParam) && named(args.at(-2), r.moduleParam);
  }
  return callee?.type === "identifier" && r.model.text(callee) === "getattr" && args.length === 2 && named(args[1], r.nameParam);
}

function narrowed(outer: Narrowing, inner: Narrowing | undefined): Narrowing {
  if (!inner) return outer;
  return {
    pairs: intersect(outer.pairs, inner.pairs),
    modules: intersect(outer.modules, inner.modules),
    names: intersect(outer.names, inner.names),
  };
}

function intersect(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (!a) return b;
  if (!b) return a;
  return new Set([...a].filter((x) => b.has(x)));
}

/** The `module.name` pairs a narrowing admits, or undefined when the module or the name is free. */
function pairsOf(n: Narrowing): Set<string> | undefined {
  const product = n.modules && n.names ? new Set([...n.modules].flatMap((m) => [...n.names!].map((x) => `${m}.${x}`))) : undefined;
  if (n.pairs) {
    const pairs = [...n.pairs].filter((p) => (!n.modules || n.modules.has(p.slice(0, p.lastIndexOf(".")))) && (!n.names || n.names.has(p.slice(p.lastIndexOf(".") + 1))));
    return new Set(pairs);
  }
  return product;
}

/** For `if <negated condition>: raise ...` with no other branch: what the code after it is narrowed to. */
function raisingGuard(r: Reader, stmt: SyntaxNode): Narrowing | undefined {
  if (stmt.children.some((c) => c.type === "elif_clause" || c.type === "else_clause")) return undefined;
  const body = childByField(stmt, "consequence")?.children.filter((c) => c.type !== "comment") ?? [];
  if (body.at(-1)?.type !== "raise_statement" || body.some((c) => contains(c, "return_statement") || c.type === "return_statement")) return undefined;
  return negation(r, childByField(stmt, "condition"));
}

/** What `not <condition>` narrows to: `x not in S` and `x != v` (and `or` of them), or `not (<condition>)`. */
function negation(r: Reader, node: SyntaxNode | undefined): Narrowing | undefined {
  if (!node) return undefined;
  if (node.type === "parenthesized_expression" && node.children.length === 1) return negation(r, node.children[0]);
  if (node.type === "not_operator") return condition(r, childByField(node, "argument") ?? node.children.at(-1));
  if (node.type === "boolean_operator") {
    const left = childByField(node, "left");
    const right = childByField(node, "right");
    if (!left || !right || between(r, left, right) !== "or") return undefined;
    const a = negation(r, left);
    const b = negation(r, right);
    return a && b ? narrowed(a, b) : (a ?? b);
  }
  if (node.type !== "comparison_operator") return undefined;
  const parts = node.children.filter((c) => c.type !== "comment");
  if (parts.length !== 2) return undefined;
  const op = between(r, parts[0], parts[1]);
  return op === "not in" ? compared(r, parts[0], "in", parts[1]) : op === "!=" ? compared(r, parts[0], "==", parts[1]) : undefined;
}

/** What a condition narrows to when true; undefined for a condition that is not understood (no narrowing). */
function condition(r: Reader, node: SyntaxNode | undefined): Narrowing | undefined {
  if (!node) return undefined;
  if (node.type === "parenthesized_expression" && node.children.length === 1) return condition(r, node.children[0]);
  if (node.type === "boolean_operator") {
    const left = childByField(node, "left");
    const right = childByField(node, "right");
    if (!left || !right || between(r, left, right) !== "and") return undefined;
    const a = condition(r, left);
    const b = condition(r, right);
    return a && b ? narrowed(a, b) : (a ?? b);
  }
  if (node.type !== "comparison_operator") return undefined;
  const parts = node.children.filter((c) => c.type !== "comment");
  if (parts.length !== 2) return undefined;
  return compared(r, parts[0], between(r, parts[0], parts[1]), parts[1]);
}

/** `left op right` for `==` and `in`, read as a narrowing. */
function compared(r: Reader, left: SyntaxNode, op: string, right: SyntaxNode): Narrowing | undefined {
  const which = parameterOf(r, left);
  if (op === "==" && which) {
    const value = literalString(r, right);
    return value === undefined ? undefined : { [which]: new Set([value]) };
  }
  if (op !== "in") return undefined;
  // `name in ALLOWED[module]`, `name in ALLOWED.get(module, ())`: a dict of modules to their allowed names.
  if (which === "names") {
    const table = lookedUpByModule(r, right);
    const mapping = table && literalMapping(r, table, 0);
    if (mapping) return { pairs: mapping };
  }
  const values = literalStrings(r, right, 0);
  if (which) return values?.strings ? { [which]: values.strings } : undefined;
  // `(module, name) in {("builtins", "set"), ...}` and `f"{module}.{name}" in {"builtins.set", ...}`.
  const pairShaped = left.type === "tuple" && left.children.length === 2 && parameterOf(r, left.children[0]) === "modules" && parameterOf(r, left.children[1]) === "names";
  if (pairShaped && values?.pairs) return { pairs: values.pairs };
  if (dottedPair(r, left) && values?.strings) return { pairs: new Set([...values.strings].filter((s) => s.includes("."))) };
  return undefined;
}

function parameterOf(r: Reader, node: SyntaxNode): "modules" | "names" | undefined {
  if (node.type !== "identifier") return undefined;
  const text = r.model.text(node);
  return text === r.moduleParam ? "modules" : text === r.nameParam ? "names" : undefined;
}

/** `f"{module}.{name}"` or `module + "." + name`. */
function dottedPair(r: Reader, node: SyntaxNode): boolean {
  const compact = r.model.text(node).replace(/\s+/g, "");
  return compact === `f"{${r.moduleParam}}.{${r.nameParam}}"` || compact === `f'{${r.moduleParam}}.{${r.nameParam}}'` || compact === `${r.moduleParam}+"."+${r.nameParam}` || compact === `${r.moduleParam}+'.'+${r.nameParam}`;
}

function between(r: Reader, a: SyntaxNode, b: SyntaxNode): string {
  return r.model.tree.source.slice(a.end, b.start).replace(/\s+/g, " ").trim();
}

function literalString(r: Reader, node: SyntaxNode): string | undefined {
  return node.type === "string" ? decodeStringLiteral(r.model.text(node)) : undefined;
}

/** The strings, or the `module.name` pairs, of a literal collection (an allowlist). */
export interface LiteralCollection {
  strings?: Set<string>;
  pairs?: Set<string>;
  /** A dict of modules to their names, as `module.name` pairs (see `literalMapping`). */
  mapping?: Set<string>;
}

/**
 * The strings, or the string pairs, of a literal collection: written in place, through `frozenset(...)`/`set(...)`,
 * or bound to a name (module level, or the class's own attribute read as `self.X`/`X`) by one assignment, or a
 * constant of another project module (`from .safety import ALLOWED`, `safety.ALLOWED`) as its summary tells.
 */
function literalStrings(r: Reader, node: SyntaxNode, depth: number): LiteralCollection | undefined {
  if (depth > 4) return undefined;
  if (node.type === "parenthesized_expression" && node.children.length === 1) return literalStrings(r, node.children[0], depth + 1);
  const written = writtenCollection(r.model, node, (inner) => literalStrings(r, inner, depth + 1));
  if (written !== NOT_WRITTEN) return written;
  return boundCollection(r, node, (value) => literalStrings(r, value, depth + 1), (qualified) => importedCollection(r, qualified));
}

/** `TABLE[module]` or `TABLE.get(module)`/`TABLE.get(module, default)`: the table, else undefined. */
function lookedUpByModule(r: Reader, node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === "subscript") {
    const key = childByField(node, "subscript");
    return key && parameterOf(r, key) === "modules" ? childByField(node, "value") : undefined;
  }
  if (node.type !== "call") return undefined;
  const callee = childByField(node, "function");
  const args = (childByField(node, "arguments")?.children ?? []).filter((c) => c.type !== "comment");
  if (callee?.type !== "attribute" || r.model.text(childByField(callee, "attribute") ?? callee) !== "get") return undefined;
  return args.length >= 1 && args.length <= 2 && parameterOf(r, args[0]) === "modules" ? childByField(callee, "object") : undefined;
}

/**
 * The `module.name` pairs of a dict of modules to collections of names (`{"builtins": {"range", "set"}}`), written in
 * place or bound to a name as `literalStrings` reads one; undefined for anything else.
 */
function literalMapping(r: Reader, node: SyntaxNode, depth: number): Set<string> | undefined {
  if (depth > 4) return undefined;
  if (node.type === "parenthesized_expression" && node.children.length === 1) return literalMapping(r, node.children[0], depth + 1);
  if (node.type === "dictionary") {
    const pairs = writtenMapping(r.model, node);
    return pairs && new Set(pairs);
  }
  return boundCollection(r, node, (value) => literalMapping(r, value, depth + 1), (qualified) => importedCollection(r, qualified)?.mapping);
}

/** The pairs of a dict literal whose keys are strings and whose values are literal collections of strings. */
function writtenMapping(model: SemanticModel, node: SyntaxNode): string[] | undefined {
  const pairs: string[] = [];
  for (const c of node.children) {
    if (c.type === "comment") continue;
    const key = c.type === "pair" ? childByField(c, "key") : undefined;
    const value = c.type === "pair" ? childByField(c, "value") : undefined;
    const module = key?.type === "string" ? decodeStringLiteral(model.text(key)) : undefined;
    if (module === undefined || !value) return undefined;
    const names = writtenCollection(model, value, (inner) => {
      const written = writtenCollection(model, inner, () => undefined);
      return written === NOT_WRITTEN ? undefined : written;
    });
    if (names === NOT_WRITTEN || !names?.strings) {
      // An empty collection (`{"builtins": set()}`) admits nothing of the module.
      if (names !== NOT_WRITTEN && names && !names.pairs) continue;
      return undefined;
    }
    for (const name of names.strings) pairs.push(`${module}.${name}`);
  }
  return pairs.length <= MAX_ALLOWED ? pairs : undefined;
}

/**
 * What a name is bound to, read by `read`: a bare name in a method is a global, `self.X`/`cls.X` the class's own
 * attribute; a constant of another project module (`from .safety import ALLOWED`, `safety.ALLOWED`, the object a
 * module of the project) by `imported`, given its qualified name.
 */
function boundCollection<T>(r: Reader, node: SyntaxNode, read: (value: SyntaxNode) => T | undefined, imported: (qualified: string) => T | undefined): T | undefined {
  const attribute = node.type === "attribute" ? childByField(node, "attribute") : undefined;
  const object = node.type === "attribute" ? childByField(node, "object") : undefined;
  if (attribute && object && !/^(self|cls)$/.test(r.model.text(object))) {
    const modules = object.type === "identifier" || object.type === "attribute" ? r.model.resolve(object, r.model.module) : [];
    const module = modules.length === 1 && !modules[0].projectClass && !modules[0].localClass ? modules[0].name : undefined;
    return module ? imported(`${module}.${r.model.text(attribute)}`) : undefined;
  }
  const name = node.type === "identifier" ? r.model.text(node) : attribute && object?.type === "identifier" ? r.model.text(attribute) : undefined;
  if (!name) return undefined;
  const bindings = node.type === "identifier" ? r.model.module.bindings.get(name) : r.classScope.bindings.get(name);
  const qualified = bindings?.length === 1 && bindings[0].kind === "import" && node.type === "identifier" ? bindings[0].qualifiedName : undefined;
  if (qualified) return imported(qualified);
  if (bindings?.length !== 1 || bindings[0].kind !== "assignment" || !bindings[0].value) return undefined;
  return read(bindings[0].value);
}

const NOT_WRITTEN = Symbol("not a collection written in place");

/**
 * A collection written in place (`{...}`, `(...)`, `[...]`, dict keys) or through `frozenset(x)`/`set(x)`/`tuple(x)`/
 * `list(x)` (`inner` reads `x`); undefined when it holds anything but strings or string pairs, and NOT_WRITTEN when the
 * node is neither.
 */
function writtenCollection(model: SemanticModel, node: SyntaxNode, inner: (n: SyntaxNode) => LiteralCollection | undefined): LiteralCollection | undefined | typeof NOT_WRITTEN {
  if (node.type === "call") {
    const callee = childByField(node, "function");
    const args = (childByField(node, "arguments")?.children ?? []).filter((c) => c.type !== "comment");
    return callee && /^(frozenset|set|tuple|list)$/.test(model.text(callee)) && args.length === 1 ? inner(args[0]) : undefined;
  }
  if (node.type !== "set" && node.type !== "list" && node.type !== "tuple" && node.type !== "dictionary") return NOT_WRITTEN;
  const strings = new Set<string>();
  const pairs = new Set<string>();
  const literal = (n: SyntaxNode) => (n.type === "string" ? decodeStringLiteral(model.text(n)) : undefined);
  for (const c of node.children) {
    if (c.type === "comment") continue;
    const element = c.type === "pair" ? childByField(c, "key") : c;
    const s = element && literal(element);
    if (s !== undefined) {
      strings.add(s);
      continue;
    }
    const pair = element?.type === "tuple" ? element.children.filter((x) => x.type !== "comment") : [];
    const [m, n] = pair.map(literal);
    if (pair.length !== 2 || m === undefined || n === undefined) return undefined;
    pairs.add(`${m}.${n}`);
  }
  return strings.size && pairs.size ? undefined : strings.size ? { strings } : { pairs };
}

/**
 * What a module-level name holds when it is bound once to a literal collection of strings or string pairs (for the
 * modules that import it as an allowlist); undefined otherwise.
 */
export function moduleLiteralCollection(model: SemanticModel, value: SyntaxNode): { strings?: string[]; pairs?: string[]; mapping?: string[] } | undefined {
  let top = value;
  while (top.type === "parenthesized_expression" && top.children.length === 1) top = top.children[0];
  // A dict of modules to collections of names: its keys (`module in ALLOWED`) and its pairs (`name in ALLOWED[module]`).
  const mapping = top.type === "dictionary" ? writtenMapping(model, top) : undefined;
  if (mapping) {
    const keys = [...new Set(mapping.map((p) => p.slice(0, p.lastIndexOf("."))))].sort();
    return { strings: keys, mapping: mapping.sort() };
  }
  const read = (node: SyntaxNode, depth: number): LiteralCollection | undefined => {
    let n = node;
    while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
    // A dict's values are not read: it is no constant of the program's own as a whole.
    if (n.type === "dictionary") return undefined;
    const written = depth > 4 ? undefined : writtenCollection(model, n, (inner) => read(inner, depth + 1));
    return written === NOT_WRITTEN ? undefined : written;
  };
  const found = read(value, 0);
  if (!found || (found.strings?.size ?? found.pairs?.size ?? 0) > MAX_ALLOWED) return undefined;
  return found.strings ? { strings: [...found.strings].sort() } : { pairs: [...(found.pairs ?? [])].sort() };
}

/** Another module's constant the allowlists of this file named and the project index did not know (see `allowlistDemand`). */
const demanded = new WeakMap<SemanticModel, Set<string>>();

/** The other modules' constants this file's `find_class` allowlists named and no summary told of: the whole-program pass summarises their modules. */
export function allowlistDemand(model: SemanticModel): string[] {
  return [...(demanded.get(model) ?? [])];
}

/** A constant of another project module, as its module's summary tells (`from .safety import ALLOWED`, `safety.ALLOWED`). */
function importedCollection(r: Reader, qualified: string): LiteralCollection | undefined {
  if (!/^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$/.test(qualified)) return undefined;
  const found = r.model.project?.flows?.(qualified);
  const constant = found?.length === 1 ? found[0].flows.constant : undefined;
  if (constant?.strings) return { strings: new Set(constant.strings), ...(constant.mapping ? { mapping: new Set(constant.mapping) } : {}) };
  if (constant?.pairs) return { pairs: new Set(constant.pairs) };
  if (!found) {
    let names = demanded.get(r.model);
    if (!names) demanded.set(r.model, (names = new Set()));
    if (names.size < 16) names.add(qualified);
  }
  return undefined;
}

function rebindsParameter(r: Reader, stmt: SyntaxNode): boolean {
  const targets = [stmt, ...descendantsOf(stmt)].filter((n) => n.type === "assignment" || n.type === "augmented_assignment" || n.type === "named_expression");
  return targets.some((a) => {
    const left = childByField(a, "left") ?? childByField(a, "name");
    return left !== undefined && [left, ...descendantsOf(left)].some((n) => parameterOf(r, n) !== undefined);
  });
}

function contains(node: SyntaxNode, type: string): boolean {
  return descendantsOf(node).some((n) => n.type === type);
}

function descendantsOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [...node.children];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...n.children);
  }
  return out;
}
