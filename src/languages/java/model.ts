import { appendAll } from "../../core/arrays.js";
import type { LanguageSinkIndex, SourceFile } from "../common/analyze.js";
import type { FlowAdapter, ResolvedType, Site } from "../common/model.js";
import { shortened } from "../common/model-base.js";
import { ancestor, childByField, childOfType, descendants, type Node, type ParsedTree } from "../common/syntax.js";
import { TypedSourceModel, type Declaration, type TypeChain } from "../common/typed-model.js";
import { JavaFlow } from "./flow.js";

const CLASS_DECLARATIONS = ["class_declaration", "interface_declaration", "enum_declaration", "record_declaration", "annotation_type_declaration"];
export const FUNCTIONS = ["method_declaration", "constructor_declaration", "compact_constructor_declaration", "static_initializer", "lambda_expression"];
const DATA_FLOW_UNITS = ["method_declaration", "constructor_declaration", "compact_constructor_declaration", "static_initializer"];
/** The declarations whose names make up a finding's enclosing path. */
const NAMED_DECLARATIONS = [...CLASS_DECLARATIONS, "method_declaration", "constructor_declaration"];
const QUALIFIED_NAME = /^[A-Za-z_$][\w$]*(\s*\.\s*[A-Za-z_$][\w$]*)*$/;
/** The rules SpotBugs' OBJECT_DESERIALIZATION pattern covers. */
const SPOTBUGS_DESERIALIZATION_RULES = "JAVA-LANG-SEC-001,JAVA-LANG-SEC-002,JAVA-LANG-SEC-003,JAVA-LANG-SEC-007,JAVA-LANG-SEC-008,JAVA-LANG-SEC-009";
/** Types every Java file sees without an import. */
const JAVA_LANG = new Set(["Object", "String", "Class", "ClassLoader", "System", "Runtime", "Thread", "Comparable", "Iterable", "Number", "Integer", "Long"]);

/**
 * What each call, constructor and qualified constant of a Java file resolves to: imports (single, on-demand,
 * static), the package, classes declared in the file and their ancestors, the declared types of local variables,
 * parameters, resources and fields (`var` through its initializer), casts and anonymous subclasses.
 */
export class JavaModel extends TypedSourceModel {
  readonly sites: Site[] = [];
  readonly flow: FlowAdapter;
  protected readonly functionTypes = FUNCTIONS;
  packageName = "";
  /** Simple name -> qualified name, from single-type imports. */
  private readonly imports = new Map<string, string>();
  private readonly starImports: string[] = [];
  /** Member name -> qualified member, from `import static a.B.m;`. */
  private readonly staticImports = new Map<string, string>();
  private readonly staticStarImports: string[] = [];
  private readonly localClasses = new Map<string, Node>();
  private readonly declarationsCache = new Map<Node, Declaration[]>();

  constructor(tree: ParsedTree, private readonly index: LanguageSinkIndex, readonly file: SourceFile) {
    super(tree);
    for (const n of descendants(tree.root)) {
      if (n.type === "package_declaration") this.packageName = this.text(n.children[n.children.length - 1] ?? n).trim();
      else if (n.type === "import_declaration") this.addImport(n);
      else if (CLASS_DECLARATIONS.includes(n.type)) {
        const name = childByField(n, "name");
        if (name && !this.localClasses.has(this.text(name))) this.localClasses.set(this.text(name), n);
      }
    }
    for (const n of descendants(tree.root)) {
      if (n.type === "method_invocation") this.addCall(n);
      else if (n.type === "object_creation_expression") this.addConstruction(n);
      else if (n.type === "field_access" && n.parent?.type !== "field_access") this.addReference(n);
      else if (n.type === "extends_interfaces") this.addSupertypeReferences(n);
    }
    this.flow = new JavaFlow(this);
  }

  private addImport(n: Node): void {
    const source = this.text(n);
    const isStatic = /^import\s+static\b/.test(source);
    const star = n.children.some((c) => c.type === "asterisk");
    const nameNode = n.children.find((c) => c.type === "scoped_identifier" || c.type === "identifier");
    if (!nameNode) return;
    const name = this.text(nameNode).replace(/\s+/g, "");
    if (star) (isStatic ? this.staticStarImports : this.starImports).push(name);
    else if (isStatic) this.staticImports.set(name.slice(name.lastIndexOf(".") + 1), name);
    else this.imports.set(name.slice(name.lastIndexOf(".") + 1), name);
  }

  /** Whether the file imports anything from `prefix` (a package or type). */
  importsFrom(prefix: string): boolean {
    const all = [...this.imports.values(), ...this.starImports, ...this.staticImports.values(), ...this.staticStarImports];
    return all.some((i) => i === prefix || i.startsWith(prefix + "."));
  }

  // ---- types -------------------------------------------------------------------------------------------------

  /** The qualified name a type as written in the file denotes (`ObjectInputStream`, `java.io.ObjectInputStream`). */
  resolveTypeName(written: string): string | undefined {
    const name = written.replace(/@\w+(\([^)]*\))?\s*/g, "").replace(/<[\s\S]*>/g, "").replace(/\[\s*\]/g, "").replace(/\.\.\./g, "").replace(/\s+/g, "");
    if (!name || name === "var") return undefined;
    const dot = name.indexOf(".");
    const first = dot < 0 ? name : name.slice(0, dot);
    const rest = dot < 0 ? "" : name.slice(dot);
    if (this.localClasses.has(first)) return `<local>.${name}`;
    const imported = this.imports.get(first);
    if (imported) return imported + rest;
    if (dot >= 0 && /^[a-z]/.test(first)) return name; // fully qualified: `java.io.ObjectInputStream`
    for (const pkg of [...this.starImports, this.packageName, "java.lang"]) {
      if (pkg && this.index.knownTypes.has(`${pkg}.${first}`)) return `${pkg}.${first}${rest}`;
    }
    if (JAVA_LANG.has(first)) return `java.lang.${first}${rest}`;
    return undefined;
  }

  chainOf(qualified: string, declaration?: Node): TypeChain {
    const local = this.localDeclaration(qualified);
    return this.typeChain(qualified, [declaration, local].filter((d): d is Node => d !== undefined));
  }

  protected localDeclaration(qualified: string): Node | undefined {
    return qualified.startsWith("<local>.") ? this.localClasses.get(qualified.slice(8).split(".")[0]) : undefined;
  }

  protected supertypesOf(decl: Node): string[] {
    if (decl.type === "class_body") {
      // An anonymous class: its base is the constructed type.
      const creation = decl.parent;
      const type = creation && childByField(creation, "type");
      return type ? [this.text(type)] : [];
    }
    const out: string[] = [];
    for (const c of decl.children) {
      if (c.type === "superclass") appendAll(out, c.children.map((t) => this.text(t)));
      if (c.type === "super_interfaces" || c.type === "extends_interfaces") {
        for (const list of c.children) appendAll(out, (list.type === "type_list" ? list.children : [list]).map((t) => this.text(t)));
      }
    }
    return out;
  }

  typeOf(expr: Node): TypeChain | undefined {
    switch (expr.type) {
      case "parenthesized_expression":
        return expr.children[0] && this.typeOf(expr.children[0]);
      case "cast_expression":
        return this.chainOfTypeNode(childByField(expr, "type"));
      case "object_creation_expression": {
        const type = childByField(expr, "type");
        const resolved = type && this.resolveTypeName(this.text(type));
        if (!resolved) return undefined;
        const body = childOfType(expr, "class_body");
        return body ? { ...this.chainOf(resolved, body), type: { name: resolved, declaration: body } } : this.chainOf(resolved);
      }
      case "identifier":
        return this.typeOfVariable(expr);
      case "field_access": {
        const object = childByField(expr, "object");
        const field = childByField(expr, "field");
        return object?.type === "this" && field ? this.typeOfMember(field, expr) : undefined;
      }
      case "this": {
        const cls = ancestor(expr, ...CLASS_DECLARATIONS, "class_body");
        return cls ? this.classChain(cls) : undefined;
      }
      case "method_invocation": {
        // `createYaml().load(...)`: a method of the file's class returns what its declared type says.
        const method = this.ownMethodCalled(expr);
        return method ? this.chainOfTypeNode(childByField(method, "type")) : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * The method of an enclosing class that an unqualified (or `this.`) call names, when the class declares exactly
   * one method of that name (overloads could return different types).
   */
  ownMethodCalled(call: Node): Node | undefined {
    const object = childByField(call, "object");
    const name = childByField(call, "name");
    if (!name || (object && object.type !== "this")) return undefined;
    const wanted = this.text(name);
    for (let body = ancestor(call, "class_body", "enum_body"); body; body = ancestor(body, "class_body", "enum_body")) {
      const members = body.type === "enum_body" ? body.children.flatMap((c) => (c.type === "enum_body_declarations" ? c.children : [c])) : body.children;
      const found = members.filter((m) => m.type === "method_declaration" && this.text(childByField(m, "name") ?? m) === wanted);
      if (found.length) return found.length === 1 ? found[0] : undefined;
    }
    return undefined;
  }

  private classChain(cls: Node): TypeChain | undefined {
    if (cls.type === "class_body") {
      if (cls.parent?.type === "object_creation_expression") return this.typeOf(cls.parent);
      cls = cls.parent ?? cls;
    }
    const name = childByField(cls, "name");
    return name ? this.chainOf(`<local>.${this.text(name)}`, cls) : undefined;
  }

  /** An anonymous subclass is more specific than the declared type. */
  protected valueTypeWins(value: Node): boolean {
    return value.type === "object_creation_expression" && childOfType(value, "class_body") !== undefined;
  }

  // ---- declarations ------------------------------------------------------------------------------------------

  memberDeclaration(name: string, at: Node): Declaration | undefined {
    for (let body = ancestor(at, "class_body", "interface_body", "enum_body"); body; body = ancestor(body, "class_body", "interface_body", "enum_body")) {
      for (const member of body.type === "enum_body" ? body.children.flatMap((c) => (c.type === "enum_body_declarations" ? c.children : [c])) : body.children) {
        if (member.type !== "field_declaration" && member.type !== "constant_declaration") continue;
        const typeNode = childByField(member, "type");
        for (const d of member.children) {
          if (d.type !== "variable_declarator") continue;
          const n = childByField(d, "name");
          if (n && this.text(n) === name) return { name, typeNode, value: childByField(d, "value"), node: d, scope: body, kind: "field" };
        }
      }
    }
    return undefined;
  }

  declarationsIn(fn: Node): Declaration[] {
    let out = this.declarationsCache.get(fn);
    if (out) return out;
    out = [];
    const params = childByField(fn, "parameters");
    if (params) {
      for (const p of params.type === "identifier" ? [params] : params.children) {
        if (p.type === "identifier") out.push({ name: this.text(p), node: p, scope: fn, kind: "parameter" });
        else if (p.type === "formal_parameter" || p.type === "spread_parameter") {
          const declarator = childOfType(p, "variable_declarator");
          const name = childByField(p, "name") ?? (declarator && childByField(declarator, "name"));
          const typeNode = childByField(p, "type") ?? p.children.find((c) => c.type.endsWith("type") || c.type === "type_identifier");
          if (name) out.push({ name: this.text(name), typeNode, node: p, scope: fn, kind: "parameter" });
        }
      }
    }
    const body = childByField(fn, "body") ?? fn.children[fn.children.length - 1];
    if (body) {
      for (const n of descendants(body, (c) => FUNCTIONS.includes(c.type) || CLASS_DECLARATIONS.includes(c.type) || c.type === "class_body")) {
        if (n.type === "local_variable_declaration") {
          const typeNode = childByField(n, "type");
          for (const d of n.children) {
            if (d.type !== "variable_declarator") continue;
            const name = childByField(d, "name");
            if (name) out.push({ name: this.text(name), typeNode, value: childByField(d, "value"), node: d, scope: n.parent ?? fn, kind: "local" });
          }
        } else if (n.type === "resource") {
          const name = childByField(n, "name");
          if (name) out.push({ name: this.text(name), typeNode: childByField(n, "type"), value: childByField(n, "value"), node: n, scope: ancestor(n, "try_with_resources_statement") ?? fn, kind: "local" });
        } else if (n.type === "enhanced_for_statement") {
          const name = childByField(n, "name");
          if (name) out.push({ name: this.text(name), typeNode: childByField(n, "type"), value: childByField(n, "value"), node: n, scope: n, kind: "local" });
        } else if (n.type === "catch_formal_parameter") {
          const name = childByField(n, "name");
          const typeNode = childOfType(n, "catch_type")?.children[0];
          if (name) out.push({ name: this.text(name), typeNode, node: n, scope: n.parent ?? fn, kind: "local" });
        } else if (n.type === "instanceof_expression") {
          const name = childByField(n, "name");
          if (name) out.push({ name: this.text(name), typeNode: childByField(n, "right"), node: n, scope: fn, kind: "local" });
        }
      }
    }
    this.declarationsCache.set(fn, out);
    return out;
  }

  protected isNestedType(n: Node): boolean {
    return CLASS_DECLARATIONS.includes(n.type) || n.type === "class_body";
  }

  // ---- sites -------------------------------------------------------------------------------------------------

  private addCall(n: Node): void {
    const nameNode = childByField(n, "name");
    if (!nameNode) return;
    const name = this.text(nameNode);
    const object = childByField(n, "object");
    const args = argumentsOf(n);
    const targets: string[] = [];
    let receiverType: ResolvedType | undefined;
    if (!object) {
      const imported = this.staticImports.get(name);
      if (imported) targets.push(imported);
      for (const owner of this.staticStarImports) if (this.index.knownTypes.has(owner)) targets.push(`${owner}.${name}`);
      const cls = ancestor(n, ...CLASS_DECLARATIONS, "class_body");
      const chain = cls && this.classChain(cls);
      if (chain) {
        appendAll(targets, chain.names.map((t) => `${t}.${name}`));
        receiverType = chain.type;
      }
    } else if (object.type === "super") {
      const cls = ancestor(n, ...CLASS_DECLARATIONS, "class_body");
      const chain = cls && this.classChain(cls);
      if (chain) appendAll(targets, chain.names.slice(1).map((t) => `${t}.${name}`));
    } else {
      const chain = this.typeOf(object) ?? this.staticReceiver(object);
      if (chain) {
        appendAll(targets, chain.names.map((t) => `${t}.${name}`));
        receiverType = chain.type;
      } else targets.push(`*.${name}`);
    }
    this.sites.push({
      kind: "call",
      node: n,
      targets,
      calleeText: shortened(object ? `${this.text(object)}.${name}` : name),
      args,
      namedArgs: new Map(),
      ...(object && object.type !== "super" && object.type !== "this" ? { receiver: object } : {}),
      ...(receiverType ? { receiverType } : {}),
      fn: ancestor(n, ...DATA_FLOW_UNITS),
    });
  }

  /** `SerializationUtils.deserialize(...)`, `org.apache.commons.lang3.SerializationUtils.deserialize(...)`. */
  private staticReceiver(object: Node): TypeChain | undefined {
    if (object.type !== "identifier" && object.type !== "field_access" && object.type !== "scoped_identifier") return undefined;
    const resolved = this.typeNamedBy(object, QUALIFIED_NAME);
    return resolved ? this.chainOf(resolved) : undefined;
  }

  private addConstruction(n: Node): void {
    const type = childByField(n, "type");
    const resolved = type && this.resolveTypeName(this.text(type));
    if (!type || !resolved) return;
    const chain = this.typeOf(n)!;
    this.sites.push({
      kind: "new",
      node: n,
      targets: chain.names.map((t) => `new ${t}`),
      calleeText: shortened(`new ${this.text(type)}`),
      args: argumentsOf(n),
      namedArgs: new Map(),
      receiverType: chain.type,
      fn: ancestor(n, ...DATA_FLOW_UNITS),
    });
  }

  /** `JsonTypeInfo.Id.CLASS`, `ObjectMapper.DefaultTyping.NON_FINAL`: a member of a resolvable type. */
  private addReference(n: Node): void {
    const object = childByField(n, "object");
    const field = childByField(n, "field");
    if (!object || !field) return;
    const resolved = this.typeNamedBy(object, QUALIFIED_NAME);
    if (resolved) this.addReferenceSite(n, `${resolved}.${this.text(field)}`, ancestor(n, ...DATA_FLOW_UNITS));
  }

  /** `interface Api extends Remote`: each supertype an interface names, as a reference to that type. */
  private addSupertypeReferences(n: Node): void {
    for (const list of n.children) {
      for (const type of list.type === "type_list" ? list.children : [list]) {
        const resolved = this.resolveTypeName(this.text(type));
        if (resolved) this.addReferenceSite(type, resolved, undefined);
      }
    }
  }

  // ---- naming and suppressions -------------------------------------------------------------------------------

  enclosingPath(node: Node): string {
    return this.enclosingNames(node, NAMED_DECLARATIONS);
  }

  /**
   * `@SuppressWarnings("pathfinder:ID")` (also in an array) on any enclosing declaration, and SpotBugs'
   * `@SuppressFBWarnings("OBJECT_DESERIALIZATION")` for the deserialization rules.
   */
  idiomSuppressions(node: Node): string[] {
    const out: string[] = [];
    for (let p: Node | undefined = node; p; p = p.parent) {
      const modifiers = childOfType(p, "modifiers");
      if (!modifiers) continue;
      for (const a of modifiers.children) {
        if (a.type !== "annotation") continue;
        const name = childByField(a, "name");
        if (!name) continue;
        const annotation = this.text(name);
        for (const s of descendants(a)) {
          if (s.type !== "string_fragment") continue;
          const value = this.text(s);
          if (/^(java\.lang\.)?SuppressWarnings$/.test(annotation) && /^\s*pathfinder\b/i.test(value)) out.push(value);
          // A finding reviewed for SpotBugs/find-sec-bugs (`@SuppressFBWarnings("OBJECT_DESERIALIZATION")`), as `# nosec` is for Bandit.
          if (/(^|\.)SuppressFBWarnings$/.test(annotation) && value === "OBJECT_DESERIALIZATION") out.push(`pathfinder:${SPOTBUGS_DESERIALIZATION_RULES} (SpotBugs OBJECT_DESERIALIZATION)`);
        }
      }
    }
    return out;
  }

  /** The annotations on a declaration (its `modifiers`), by simple name. */
  annotationsOf(decl: Node): { name: string; node: Node }[] {
    const modifiers = childOfType(decl, "modifiers");
    return (modifiers?.children ?? [])
      .filter((a) => a.type === "annotation" || a.type === "marker_annotation")
      .map((a) => {
        const name = childByField(a, "name");
        const text = name ? this.text(name) : "";
        return { name: text.slice(text.lastIndexOf(".") + 1), node: a };
      });
  }
}

export function argumentsOf(call: Node): Node[] {
  const list = childByField(call, "arguments");
  return list ? list.children.filter((c) => !c.type.endsWith("comment")) : [];
}
