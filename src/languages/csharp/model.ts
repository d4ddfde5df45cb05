import { appendAll } from "../../core/arrays.js";
import type { LanguageSinkIndex, SourceFile } from "../common/analyze.js";
import type { FlowAdapter, ResolvedType, Site } from "../common/model.js";
import { shortened } from "../common/model-base.js";
import { ancestor, childByField, childOfType, descendants, type Node, type ParsedTree } from "../common/syntax.js";
import { TypedSourceModel, type Declaration, type TypeChain } from "../common/typed-model.js";
import { CSharpFlow } from "./flow.js";

const TYPE_DECLARATIONS = ["class_declaration", "struct_declaration", "record_declaration", "record_struct_declaration", "interface_declaration"];
export const FUNCTIONS = ["method_declaration", "constructor_declaration", "local_function_statement", "accessor_declaration", "lambda_expression", "anonymous_method_expression", "operator_declaration"];
const DATA_FLOW_UNITS = ["method_declaration", "constructor_declaration", "local_function_statement", "accessor_declaration", "operator_declaration"];
/** The declarations whose names make up a finding's enclosing path. */
const NAMED_DECLARATIONS = [...TYPE_DECLARATIONS, "method_declaration", "constructor_declaration", "property_declaration"];
const SIMPLE_NAME = /^(global::)?[A-Za-z_@][\w@]*(\s*\.\s*[A-Za-z_@][\w@]*)*$/;

/**
 * What each call, constructor and qualified member of a C# file resolves to: `using` directives (namespaces,
 * aliases, `using static`), enclosing namespaces, types declared in the file and their base lists, the declared
 * types of locals, parameters, fields and properties (`var` and target-typed `new()` included), casts and `as`.
 */
export class CSharpModel extends TypedSourceModel {
  readonly sites: Site[] = [];
  readonly flow: FlowAdapter;
  protected readonly functionTypes = FUNCTIONS;
  private readonly namespaces: string[] = [];
  private readonly aliases = new Map<string, string>();
  private readonly staticUsings: string[] = [];
  private readonly localTypes = new Map<string, Node>();
  private readonly declarationsCache = new Map<Node, Declaration[]>();

  constructor(tree: ParsedTree, private readonly index: LanguageSinkIndex, readonly file: SourceFile) {
    super(tree);
    for (const n of descendants(tree.root)) {
      if (n.type === "using_directive") this.addUsing(n);
      else if (n.type === "namespace_declaration" || n.type === "file_scoped_namespace_declaration") {
        const name = childByField(n, "name");
        if (name) {
          const parts = this.text(name).replace(/\s+/g, "").split(".");
          for (let i = 1; i <= parts.length; i++) this.namespaces.push(parts.slice(0, i).join("."));
        }
      } else if (TYPE_DECLARATIONS.includes(n.type)) {
        const name = childByField(n, "name");
        if (name && !this.localTypes.has(this.text(name))) this.localTypes.set(this.text(name), n);
      }
    }
    for (const n of descendants(tree.root)) {
      if (n.type === "invocation_expression") this.addCall(n);
      else if (n.type === "object_creation_expression" || n.type === "implicit_object_creation_expression") this.addConstruction(n);
      else if (n.type === "member_access_expression" && n.field !== "function" && n.parent?.type !== "member_access_expression") this.addReference(n);
    }
    this.flow = new CSharpFlow(this);
  }

  private addUsing(n: Node): void {
    const alias = childByField(n, "name");
    const target = n.children.find((c) => c !== alias && (c.type === "qualified_name" || c.type === "identifier" || c.type === "generic_name"));
    if (!target) return;
    const name = this.text(target).replace(/\s+/g, "").replace(/^global::/, "");
    if (alias) this.aliases.set(this.text(alias), name);
    else if (/^(global\s+)?using\s+static\b/.test(this.text(n))) this.staticUsings.push(name);
    else this.namespaces.push(name);
  }

  /** The method name of an invocation (type arguments dropped) and, for `a.M()`, its receiver. */
  calleeOf(call: Node): { name: string; receiver?: Node } {
    const fn = childByField(call, "function");
    if (fn?.type !== "member_access_expression") return { name: fn ? this.text(fn).replace(/<[\s\S]*>$/, "") : "" };
    const name = childByField(fn, "name");
    return { name: name ? this.text(name).replace(/<[\s\S]*>$/, "") : "", receiver: childByField(fn, "expression") };
  }

  usesNamespace(prefix: string): boolean {
    return [...this.namespaces, ...this.aliases.values(), ...this.staticUsings].some((n) => n === prefix || n.startsWith(prefix + "."));
  }

  resolveTypeName(written: string): string | undefined {
    const name = written.replace(/^global::/, "").replace(/<[\s\S]*>/g, "").replace(/\[[\s,]*\]/g, "").replace(/[?\s]/g, "");
    if (!name || name === "var" || name === "dynamic") return undefined;
    const dot = name.indexOf(".");
    const first = dot < 0 ? name : name.slice(0, dot);
    const rest = dot < 0 ? "" : name.slice(dot);
    const alias = this.aliases.get(first);
    if (alias) return alias + rest;
    if (this.localTypes.has(first)) return `<local>.${name}`;
    if (this.index.knownTypes.has(name)) return name;
    for (const ns of this.namespaces) if (this.index.knownTypes.has(`${ns}.${name}`)) return `${ns}.${name}`;
    return undefined;
  }

  chainOf(qualified: string, declaration?: Node): TypeChain {
    const root = declaration ?? this.localDeclaration(qualified);
    return this.typeChain(qualified, root ? [root] : []);
  }

  protected localDeclaration(qualified: string): Node | undefined {
    return qualified.startsWith("<local>.") ? this.localTypes.get(qualified.slice(8)) : undefined;
  }

  protected supertypesOf(decl: Node): string[] {
    return (childOfType(decl, "base_list")?.children ?? []).map((base) => this.text(base));
  }

  typeOf(expr: Node): TypeChain | undefined {
    switch (expr.type) {
      case "parenthesized_expression":
        return expr.children[0] && this.typeOf(expr.children[0]);
      case "cast_expression":
        return this.chainOfTypeNode(childByField(expr, "type"));
      case "as_expression":
        return this.chainOfTypeNode(childByField(expr, "right"));
      case "object_creation_expression":
        return this.chainOfTypeNode(childByField(expr, "type"));
      case "implicit_object_creation_expression":
        return this.chainOfTypeNode(this.targetTypeOf(expr));
      case "identifier":
        return this.typeOfVariable(expr);
      case "member_access_expression": {
        const object = childByField(expr, "expression");
        const name = childByField(expr, "name");
        return object?.type === "this_expression" && name ? this.typeOfMember(name, expr) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** The declared type a target-typed `new()` gets: its variable's, field's or property's type. */
  private targetTypeOf(creation: Node): Node | undefined {
    const parent = creation.parent;
    if (parent?.type === "variable_declarator") return childByField(parent.parent ?? parent, "type");
    if (parent?.type === "property_declaration") return childByField(parent, "type");
    if (parent?.type === "assignment_expression") {
      const left = childByField(parent, "left");
      const decl = left?.type === "identifier" ? this.declarationOf(this.text(left), left) : undefined;
      return decl?.typeNode;
    }
    return undefined;
  }

  /** A constructed object's class is more specific than the declared type. */
  protected valueTypeWins(value: Node): boolean {
    return value.type === "object_creation_expression";
  }

  /** A field or property of an enclosing type. */
  memberDeclaration(name: string, at: Node): Declaration | undefined {
    for (let body = ancestor(at, "declaration_list"); body; body = ancestor(body, "declaration_list")) {
      for (const member of membersOf(body)) {
        if (member.type === "field_declaration") {
          const decl = childOfType(member, "variable_declaration");
          const typeNode = decl && childByField(decl, "type");
          for (const d of decl?.children ?? []) {
            if (d.type !== "variable_declarator") continue;
            const n = childByField(d, "name");
            if (n && this.text(n) === name) return { name, typeNode, value: declaratorValue(d), node: d, scope: body, kind: "field" };
          }
        } else if (member.type === "property_declaration") {
          const n = childByField(member, "name");
          if (n && this.text(n) === name) return { name, typeNode: childByField(member, "type"), value: childByField(member, "value"), node: member, scope: body, kind: "field" };
        }
      }
    }
    return undefined;
  }

  declarationsIn(fn: Node): Declaration[] {
    let out = this.declarationsCache.get(fn);
    if (out) return out;
    out = [];
    const params = childByField(fn, "parameters") ?? childOfType(fn, "parameter_list");
    for (const p of params ? (params.type === "identifier" ? [params] : params.children) : []) {
      if (p.type === "identifier") out.push({ name: this.text(p), node: p, scope: fn, kind: "parameter" });
      if (p.type !== "parameter") continue;
      const name = childByField(p, "name");
      if (name) out.push({ name: this.text(name), typeNode: childByField(p, "type"), node: p, scope: fn, kind: "parameter" });
    }
    const body = childByField(fn, "body") ?? fn.children[fn.children.length - 1];
    for (const n of body ? descendants(body, (c) => FUNCTIONS.includes(c.type) || TYPE_DECLARATIONS.includes(c.type)) : []) {
      if (n.type === "variable_declaration" && n.parent?.type !== "field_declaration") {
        const typeNode = childByField(n, "type");
        for (const d of n.children) {
          if (d.type !== "variable_declarator") continue;
          const name = childByField(d, "name");
          const scope = n.parent?.type === "local_declaration_statement" ? (n.parent.parent ?? fn) : (n.parent ?? fn);
          if (name) out.push({ name: this.text(name), typeNode, value: declaratorValue(d), node: d, scope, kind: "local" });
        }
      } else if (n.type === "foreach_statement") {
        const left = childByField(n, "left");
        if (left?.type === "identifier") out.push({ name: this.text(left), typeNode: childByField(n, "type"), value: childByField(n, "right"), node: n, scope: n, kind: "local" });
      } else if (n.type === "catch_declaration") {
        const name = childByField(n, "name");
        if (name) out.push({ name: this.text(name), typeNode: childByField(n, "type"), node: n, scope: n.parent ?? fn, kind: "local" });
      } else if (n.type === "declaration_expression") {
        const name = childByField(n, "name");
        if (name) out.push({ name: this.text(name), typeNode: childByField(n, "type"), node: n, scope: fn, kind: "local" });
      }
    }
    this.declarationsCache.set(fn, out);
    return out;
  }

  protected isNestedType(n: Node): boolean {
    return TYPE_DECLARATIONS.includes(n.type);
  }

  /** An assignment in an object initializer (`new X { Name = v }`) sets a member, not a local. */
  protected override followsAssignment(assignment: Node): boolean {
    return assignment.parent?.type !== "initializer_expression";
  }

  // ---- sites -------------------------------------------------------------------------------------------------

  private addCall(n: Node): void {
    const fn = childByField(n, "function");
    if (!fn) return;
    const args = argumentsOf(n);
    const targets: string[] = [];
    let receiver: Node | undefined;
    let receiverType: ResolvedType | undefined;
    let name: string;
    if (fn.type === "member_access_expression" || fn.type === "conditional_access_expression") {
      const nameNode = childByField(fn, "name");
      receiver = childByField(fn, "expression") ?? fn.children[0];
      if (!nameNode || !receiver) return;
      name = methodName(this.text(nameNode));
      const chain = receiver.type === "base_expression" ? this.enclosingChain(n, true) : this.typeOf(receiver) ?? this.staticReceiver(receiver);
      if (chain) {
        appendAll(targets, chain.names.map((t) => `${t}.${name}`));
        receiverType = chain.type;
      } else targets.push(`*.${name}`);
    } else if (fn.type === "identifier" || fn.type === "generic_name") {
      name = methodName(this.text(fn));
      for (const owner of this.staticUsings) targets.push(`${owner}.${name}`);
      const chain = this.enclosingChain(n, false);
      if (chain) appendAll(targets, chain.names.map((t) => `${t}.${name}`));
    } else return;
    this.sites.push({
      kind: "call",
      node: n,
      targets,
      calleeText: shortened(this.text(fn).replace(/<[\s\S]*>$/, "")),
      args,
      namedArgs: namedArgumentsOf(n, this),
      ...(receiver && receiver.type !== "this_expression" && receiver.type !== "base_expression" ? { receiver } : {}),
      ...(receiverType ? { receiverType } : {}),
      fn: ancestor(n, ...DATA_FLOW_UNITS),
    });
  }

  private enclosingChain(n: Node, basesOnly: boolean): TypeChain | undefined {
    const cls = ancestor(n, ...TYPE_DECLARATIONS);
    const name = cls && childByField(cls, "name");
    if (!cls || !name) return undefined;
    const chain = this.chainOf(`<local>.${this.text(name)}`, cls);
    return basesOnly ? { ...chain, names: chain.names.slice(1) } : chain;
  }

  private staticReceiver(object: Node): TypeChain | undefined {
    const resolved = this.typeNamedBy(object, SIMPLE_NAME);
    return resolved ? this.chainOf(resolved) : undefined;
  }

  private addConstruction(n: Node): void {
    const chain = this.typeOf(n);
    if (!chain) return;
    const type = childByField(n, "type");
    this.sites.push({
      kind: "new",
      node: n,
      targets: chain.names.map((t) => `new ${t}`),
      calleeText: shortened(`new ${type ? this.text(type) : chain.type.name.slice(chain.type.name.lastIndexOf(".") + 1)}`),
      args: argumentsOf(n),
      namedArgs: new Map(),
      receiverType: chain.type,
      fn: ancestor(n, ...DATA_FLOW_UNITS),
    });
  }

  private addReference(n: Node): void {
    const object = childByField(n, "expression");
    const name = childByField(n, "name");
    if (!object || !name) return;
    const resolved = this.typeNamedBy(object, SIMPLE_NAME);
    if (resolved) this.addReferenceSite(n, `${resolved}.${this.text(name)}`, ancestor(n, ...DATA_FLOW_UNITS));
  }

  enclosingPath(node: Node): string {
    return this.enclosingNames(node, NAMED_DECLARATIONS);
  }

  /** `[SuppressMessage("pathfinder", "ID")]` (also `"pathfinder:ID"`) on an enclosing declaration. */
  idiomSuppressions(node: Node): string[] {
    const out: string[] = [];
    for (let p: Node | undefined = node; p; p = p.parent) {
      for (const list of p.children) {
        if (list.type !== "attribute_list") continue;
        for (const a of list.children) {
          const name = childByField(a, "name");
          if (!name || !/(^|\.)SuppressMessage(Attribute)?$/.test(this.text(name))) continue;
          const strings = [...descendants(a)].filter((s) => s.type === "string_literal_content").map((s) => this.text(s));
          if (strings[0] && /^\s*pathfinder\b/i.test(strings[0])) out.push(strings[0].includes(":") ? strings[0] : `pathfinder:${strings[1] ?? ""}`);
        }
      }
    }
    return out;
  }

  /** The attributes directly on a declaration, by simple name without the `Attribute` suffix. */
  attributesOf(decl: Node): string[] {
    return decl.children
      .filter((c) => c.type === "attribute_list")
      .flatMap((l) => l.children.map((a) => childByField(a, "name")))
      .filter((n): n is Node => n !== undefined)
      .map((n) => this.text(n).replace(/^.*\./, "").replace(/Attribute$/, ""));
  }
}

function methodName(written: string): string {
  return written.replace(/<[\s\S]*>$/, "").trim();
}

/** The initial value of a declarator: the child after its name. */
export function declaratorValue(d: Node): Node | undefined {
  return d.children.find((c) => c.field !== "name" && c.type !== "bracketed_argument_list" && c.type !== "identifier") ?? d.children.find((c, i) => i > 0 && c.type === "identifier");
}

export function argumentsOf(call: Node): Node[] {
  const list = childByField(call, "arguments") ?? childOfType(call, "argument_list");
  return (list?.children ?? []).filter((a) => a.type === "argument" && !childOfType(a, "name_colon")).map((a) => a.children[a.children.length - 1]);
}

function namedArgumentsOf(call: Node, model: CSharpModel): Map<string, Node> {
  const out = new Map<string, Node>();
  const list = childByField(call, "arguments") ?? childOfType(call, "argument_list");
  for (const a of list?.children ?? []) {
    const label = a.type === "argument" ? childOfType(a, "name_colon") : undefined;
    const name = label?.children[0];
    if (name) out.set(model.text(name), a.children[a.children.length - 1]);
  }
  return out;
}

/** `#if`/`#elif`/`#else` branches hold members of their own (ServiceStack: `#if !NETCORE` around a field): all count. */
const PREPROCESSOR_BRANCHES = new Set(["preproc_if", "preproc_elif", "preproc_else", "preproc_region"]);

function membersOf(body: Node): Node[] {
  const out: Node[] = [];
  for (const c of body.children) {
    if (PREPROCESSOR_BRANCHES.has(c.type)) out.push(...membersOf(c));
    else out.push(c);
  }
  return out;
}
