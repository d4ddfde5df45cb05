import type { LanguageSinkIndex, SourceFile } from "../common/analyze.js";
import type { FlowAdapter, FlowAssignment, ResolvedType, Site } from "../common/model.js";
import { shortened, SourceModelBase } from "../common/model-base.js";
import { ancestor, childByField, childOfType, descendants, type Node, type ParsedTree } from "../common/syntax.js";
import { PhpFlow } from "./flow.js";

const CLASS_DECLARATIONS = ["class_declaration", "interface_declaration", "trait_declaration", "enum_declaration"];
export const FUNCTIONS = ["function_definition", "method_declaration", "anonymous_function", "arrow_function"];
const DATA_FLOW_UNITS = ["function_definition", "method_declaration"];

/**
 * What each call, `new` and class constant of a PHP file resolves to: namespaces, `use` imports of classes,
 * functions and constants (with aliases, grouped), functions defined in the file (a namespaced function shadows
 * the global one), fully qualified names, and the classes of variables assigned `new X` or declared as typed
 * parameters. Function names are compared case-insensitively, as PHP does.
 */
export class PhpModel extends SourceModelBase {
  readonly sites: Site[] = [];
  readonly flow: FlowAdapter;
  /** Namespace definitions, in order: the one in effect at a node is the last that starts before it. */
  private readonly namespaces: { start: number; name: string }[] = [];
  private readonly classAliases = new Map<string, string>();
  private readonly functionAliases = new Map<string, string>();
  /** Lower-cased qualified names of the functions this file defines. */
  private readonly definedFunctions = new Set<string>();
  private readonly assignmentsCache = new Map<Node, FlowAssignment[]>();

  constructor(tree: ParsedTree, private readonly index: LanguageSinkIndex, readonly file: SourceFile) {
    super(tree);
    for (const n of descendants(tree.root)) {
      if (n.type === "namespace_definition") {
        const name = childByField(n, "name");
        this.namespaces.push({ start: n.start, name: name ? this.text(name).replace(/\s+/g, "") : "" });
      } else if (n.type === "namespace_use_declaration") this.addUse(n);
      else if (n.type === "function_definition") {
        const name = childByField(n, "name");
        if (name) this.definedFunctions.add(qualify(this.namespaceAt(n), this.text(name)).toLowerCase());
      }
    }
    for (const n of descendants(tree.root)) {
      if (n.type === "function_call_expression") this.addFunctionCall(n);
      else if (n.type === "scoped_call_expression") this.addStaticCall(n);
      else if (n.type === "member_call_expression" || n.type === "nullsafe_member_call_expression") this.addMethodCall(n);
      else if (n.type === "object_creation_expression") this.addConstruction(n);
      else if (n.type === "class_constant_access_expression") this.addConstant(n);
    }
    this.flow = new PhpFlow(this);
  }

  private addUse(n: Node): void {
    const text = this.text(n);
    const kind = /^use\s+function\b/i.test(text) ? "function" : /^use\s+const\b/i.test(text) ? "const" : "class";
    const group = childOfType(n, "namespace_name");
    const prefix = group && n.children.some((c) => c.type === "namespace_use_group") ? this.text(group).replace(/\s+/g, "") + "\\" : "";
    for (const clause of descendants(n)) {
      if (clause.type !== "namespace_use_clause") continue;
      const alias = childByField(clause, "alias");
      const target = clause.children.find((c) => c !== alias && (c.type === "qualified_name" || c.type === "name" || c.type === "namespace_name"));
      if (!target) continue;
      const full = (prefix + this.text(target).replace(/\s+/g, "")).replace(/^\\/, "");
      const short = alias ? this.text(alias) : full.slice(full.lastIndexOf("\\") + 1);
      if (kind === "function") this.functionAliases.set(short.toLowerCase(), full);
      else if (kind === "class") this.classAliases.set(short.toLowerCase(), full);
    }
  }

  namespaceAt(node: Node): string {
    let ns = "";
    for (const d of this.namespaces) if (d.start <= node.start) ns = d.name;
    return ns;
  }

  /** The fully qualified class name a class reference denotes (`Yaml`, `\Symfony\...\Yaml`, `Yaml\Parser`). */
  resolveClassName(written: string, at: Node): string | undefined {
    const name = written.replace(/\s+/g, "");
    if (!name || /^(self|static|parent)$/i.test(name)) return undefined;
    if (name.startsWith("\\")) return name.slice(1);
    if (/^namespace\\/i.test(name)) return qualify(this.namespaceAt(at), name.slice(10));
    const slash = name.indexOf("\\");
    const first = slash < 0 ? name : name.slice(0, slash);
    const alias = this.classAliases.get(first.toLowerCase());
    if (alias) return alias + (slash < 0 ? "" : name.slice(slash));
    return qualify(this.namespaceAt(at), name);
  }

  /** The function a call by name reaches: imported, defined in this namespace, else the global one. */
  resolveFunctionName(written: string, at: Node): string {
    const name = written.replace(/\s+/g, "");
    if (name.startsWith("\\")) return name.slice(1).toLowerCase();
    const alias = this.functionAliases.get(name.toLowerCase());
    if (alias) return alias.toLowerCase();
    if (name.includes("\\")) {
      const resolved = this.resolveClassName(name, at);
      return (resolved ?? name).toLowerCase();
    }
    const local = qualify(this.namespaceAt(at), name).toLowerCase();
    return this.definedFunctions.has(local) ? local : name.toLowerCase();
  }

  /** The class of a variable: the last `new X` assigned to it before `at` in its function, or its parameter type. */
  classOfVariable(variable: Node, at: Node): string | undefined {
    const name = this.text(variable);
    const fn = ancestor(at, ...FUNCTIONS) ?? this.tree.root;
    let found: string | undefined;
    for (const a of this.assignmentsIn(fn)) {
      if (a.name !== name.replace(/^\$/, "") || a.node.start > at.start) continue;
      if (a.value.type === "object_creation_expression") found = this.constructedClass(a.value);
    }
    if (found) return found;
    const params = childByField(fn, "parameters");
    for (const p of params?.children ?? []) {
      const pn = childByField(p, "name");
      const type = childByField(p, "type");
      if (pn && type && this.text(pn) === name) return this.resolveClassName(this.text(type).replace(/^\?/, ""), p);
    }
    return undefined;
  }

  /** The value of a string literal in either quote style, unless it interpolates variables or holds escapes. */
  stringValue(node: Node): string | undefined {
    if (node.type !== "string" && node.type !== "encapsed_string") return undefined;
    if (node.children.some((c) => c.type !== "string_content")) return undefined;
    return this.text(node).slice(1, -1);
  }

  constructedClass(creation: Node): string | undefined {
    const type = creation.children.find((c) => c.type === "name" || c.type === "qualified_name");
    return type ? this.resolveClassName(this.text(type), creation) : undefined;
  }

  assignmentsIn(fn: Node): FlowAssignment[] {
    let out = this.assignmentsCache.get(fn);
    if (out) return out;
    out = [];
    this.assignmentsCache.set(fn, out);
    const body = fn === this.tree.root ? fn : childByField(fn, "body");
    for (const n of body ? descendants(body, (c) => FUNCTIONS.includes(c.type) || CLASS_DECLARATIONS.includes(c.type)) : []) {
      if (n.type === "assignment_expression" || n.type === "augmented_assignment_expression") {
        const left = childByField(n, "left");
        const right = childByField(n, "right");
        if (left?.type === "variable_name" && right) out.push({ name: this.text(left).replace(/^\$/, ""), value: right, node: n });
      } else if (n.type === "foreach_statement") {
        const [iterable, ...rest] = n.children;
        for (const v of rest) {
          const target = v.type === "pair" ? v.children[v.children.length - 1] : v;
          if (iterable && target?.type === "variable_name") out.push({ name: this.text(target).replace(/^\$/, ""), value: iterable, node: n });
        }
      }
    }
    return out;
  }

  // ---- sites -------------------------------------------------------------------------------------------------

  private push(kind: Site["kind"], n: Node, targets: string[], calleeText: string, extra: Partial<Site> = {}): void {
    const { args, named } = argumentsOf(n, this);
    this.sites.push({ kind, node: n, targets, calleeText: shortened(calleeText), args, namedArgs: named, fn: ancestor(n, ...DATA_FLOW_UNITS) ?? this.tree.root, ...extra });
  }

  private addFunctionCall(n: Node): void {
    const fn = childByField(n, "function");
    if (!fn || (fn.type !== "name" && fn.type !== "qualified_name")) return;
    this.push("call", n, [this.resolveFunctionName(this.text(fn), n)], this.text(fn));
  }

  private addStaticCall(n: Node): void {
    const scope = childByField(n, "scope");
    const name = childByField(n, "name");
    if (!scope || !name) return;
    const cls = scope.type === "name" || scope.type === "qualified_name" ? this.resolveClassName(this.text(scope), n) : undefined;
    if (!cls) return;
    this.push("call", n, [`${cls}::${this.text(name).toLowerCase()}`], `${this.text(scope)}::${this.text(name)}`, { receiverType: { name: cls } });
  }

  private addMethodCall(n: Node): void {
    const object = childByField(n, "object");
    const name = childByField(n, "name");
    if (!object || !name || name.type !== "name") return;
    const method = this.text(name).toLowerCase();
    let cls: string | undefined;
    if (object.type === "variable_name" && this.text(object) !== "$this") cls = this.classOfVariable(object, n);
    else if (object.type === "object_creation_expression") cls = this.constructedClass(object);
    else if (object.type === "parenthesized_expression" && object.children[0]?.type === "object_creation_expression") cls = this.constructedClass(object.children[0]);
    const receiverType: ResolvedType | undefined = cls ? { name: cls } : undefined;
    this.push("call", n, [cls ? `${cls}::${method}` : `*->${method}`], `${this.text(object)}->${this.text(name)}`, { receiver: object, ...(receiverType ? { receiverType } : {}) });
  }

  private addConstruction(n: Node): void {
    const cls = this.constructedClass(n);
    if (cls) this.push("new", n, [`new ${cls}`], `new ${cls.slice(cls.lastIndexOf("\\") + 1)}`, { receiverType: { name: cls } });
  }

  private addConstant(n: Node): void {
    const [scope, name] = n.children;
    if (!scope || !name || (scope.type !== "name" && scope.type !== "qualified_name")) return;
    const cls = this.resolveClassName(this.text(scope), n);
    if (cls) this.addReferenceSite(n, `${cls}::${this.text(name)}`, ancestor(n, ...DATA_FLOW_UNITS) ?? this.tree.root);
  }

  enclosingPath(node: Node): string {
    return this.enclosingNames(node, [...CLASS_DECLARATIONS, ...DATA_FLOW_UNITS]);
  }

  /** `@suppress pathfinder:ID` (Phan's annotation) in the doc comment of an enclosing function, method or class. */
  idiomSuppressions(node: Node): string[] {
    const out: string[] = [];
    for (let p: Node | undefined = node; p; p = p.parent) {
      if (!DATA_FLOW_UNITS.includes(p.type) && !CLASS_DECLARATIONS.includes(p.type)) continue;
      const siblings = p.parent?.children ?? [];
      const before = siblings[siblings.indexOf(p) - 1];
      if (before?.type !== "comment") continue;
      for (const m of this.text(before).matchAll(/@suppress\s+(pathfinder\b[^\s*]*)/gi)) out.push(m[1]);
    }
    return out;
  }
}

function qualify(ns: string, name: string): string {
  return ns ? `${ns}\\${name}` : name;
}

/** Positional and named (`name: value`) arguments of a call or `new`. */
export function argumentsOf(call: Node, model: SourceModelBase): { args: Node[]; named: Map<string, Node> } {
  const list = childByField(call, "arguments") ?? childOfType(call, "arguments");
  const args: Node[] = [];
  const named = new Map<string, Node>();
  for (const a of list?.children ?? []) {
    if (a.type !== "argument") continue;
    const label = childByField(a, "name");
    const value = a.children[a.children.length - 1];
    if (!value) continue;
    if (label) named.set(model.text(label), value);
    else args.push(value);
  }
  return { args, named };
}
