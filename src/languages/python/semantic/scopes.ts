import { childByField, type SyntaxNode, type SyntaxTree } from "../syntax.js";

export type ScopeKind = "module" | "class" | "function" | "lambda" | "comprehension";

export type BindingKind =
  | "import" //       `import a.b as c`, `from m import x as y`: `qualifiedName` is known
  | "assignment" //   `x = value`, `x := value`: `value` is the assigned expression
  | "function" //     `def f(): ...`
  | "class" //        `class C(Base): ...`: `classDef` holds the node
  | "instance" //     the first parameter of a method (`self`): `classDef` is its class (`cls` of a classmethod: kind "class")
  | "element" //      `for f in (pickle.loads, marshal.loads)`: one element of `value`, a list, tuple or set literal
  | "opaque"; //      parameters, loop targets, `with ... as x`, `except E as x`, augmented assignment, ...

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The node that creates the binding (identifier, import, def, class). Used for ordering and position. */
  site: SyntaxNode;
  /** Offset where the binding takes effect: after its statement, so `x = x.y` reads the previous `x`. */
  position: number;
  scope: Scope;
  qualifiedName?: string;
  value?: SyntaxNode;
  /** Where `value` is evaluated when not in `scope` (a parameter's default value: the enclosing scope). */
  valueScope?: Scope;
  classDef?: SyntaxNode;
}

/** `self.name = value` inside a method: an instance attribute of the method's class. */
export interface AttributeAssignment {
  value: SyntaxNode;
  scope: Scope;
  site: SyntaxNode;
}

export interface StarImport {
  module: string;
  site: SyntaxNode;
}

export interface Scope {
  kind: ScopeKind;
  node: SyntaxNode;
  parent: Scope | null;
  bindings: Map<string, Binding[]>;
  globals: Set<string>;
  nonlocals: Set<string>;
  starImports: StarImport[];
  /** Class scopes: `self.x = v` assignments in the class's methods, by attribute name. */
  instanceAttributes?: Map<string, AttributeAssignment[]>;
}

export interface CallRecord {
  node: SyntaxNode;
  scope: Scope;
}

export interface ScopeIndex {
  module: Scope;
  calls: CallRecord[];
  subscripts: CallRecord[];
  /** The body scope of every class, by its `class_definition`. */
  classScopes: Map<SyntaxNode, Scope>;
  /** Every scope, the module's first. */
  scopes: Scope[];
}

/**
 * The node types the walk in `buildScopes` acts on. A node of any other type without children (names, literals,
 * plain strings: most nodes) neither binds a name nor makes a scope nor is recorded, so it is not visited.
 */
const ACTED_ON = new Set([
  "function_definition", "lambda", "class_definition", "decorated_definition", "import_statement", "import_from_statement",
  "future_import_statement", "global_statement", "nonlocal_statement", "assignment", "augmented_assignment", "named_expression",
  "for_statement", "for_in_clause", "as_pattern", "call", "subscript", "list_comprehension", "set_comprehension",
  "dictionary_comprehension", "generator_expression",
]);

/** Literals a loop variable takes the elements of (see the `element` binding kind). */
const LITERAL_SEQUENCES = new Set(["list", "tuple", "set"]);

/** Values whose elements pair with a same-shaped target's (`a, b = x, y`). */
const SEQUENCE_VALUES = new Set(["expression_list", "tuple", "list", "pattern_list"]);

const NO_NODES: readonly SyntaxNode[] = [];

/**
 * Builds the scope tree and the bindings of every scope, and records each call with the scope it appears in.
 * `moduleName` is the dotted module path of the file (for relative imports), or "" when unknown.
 */
export function buildScopes(tree: SyntaxTree, moduleName: string): ScopeIndex {
  const scopes: Scope[] = [];
  const newScope = (kind: ScopeKind, node: SyntaxNode, parent: Scope | null) => {
    const scope = emptyScope(kind, node, parent);
    scopes.push(scope);
    return scope;
  };
  const module = newScope("module", tree.root, null);
  const calls: CallRecord[] = [];
  const subscripts: CallRecord[] = [];
  const classScopes = new Map<SyntaxNode, Scope>();
  /** Method scopes whose first parameter is the instance: the method's class scope and the parameter's name. */
  const selfNames = new Map<Scope, { name: string; classScope: Scope }>();
  const text = (n: SyntaxNode) => tree.source.slice(n.start, n.end);
  // The nodes still to visit and the scope of each, as two stacks: no object is made per node.
  const pendingNodes: SyntaxNode[] = [tree.root];
  const pendingScopes: Scope[] = [module];
  const visitLater = (node: SyntaxNode, scope: Scope) => {
    pendingNodes.push(node);
    pendingScopes.push(scope);
  };

  const bind = (
    scope: Scope,
    name: string,
    kind: BindingKind,
    site: SyntaxNode,
    position: number,
    extra?: Partial<Binding>,
  ) => {
    const target = scope.globals.size && scope.globals.has(name) ? module : scope;
    let list = target.bindings.get(name);
    if (!list) target.bindings.set(name, (list = []));
    list.push(extra ? { name, kind, site, position, scope: target, ...extra } : { name, kind, site, position, scope: target });
  };

  /**
   * Binds every name in an assignment target; pairs tuple elements with a same-shaped value when possible. Each name
   * takes effect at `position` (the end of its statement), or where no position is given, at its own end.
   */
  const bindTarget = (scope: Scope, target: SyntaxNode, value: SyntaxNode | undefined, kind: BindingKind, position?: number) => {
    // A plain name (most targets): bound without the work list.
    if (target.type === "identifier") {
      bind(scope, text(target), value ? kind : "opaque", target, position ?? target.end, value ? { value } : undefined);
      return;
    }
    const work: { t: SyntaxNode; v: SyntaxNode | undefined }[] = [{ t: target, v: value }];
    while (work.length) {
      const { t, v } = work.pop()!;
      switch (t.type) {
        case "identifier":
          bind(scope, text(t), v ? kind : "opaque", t, position ?? t.end, v ? { value: v } : undefined);
          break;
        case "pattern_list":
        case "tuple_pattern":
        case "list_pattern":
        case "expression_list":
        case "tuple":
        case "list": {
          const values = v && SEQUENCE_VALUES.has(v.type) ? v.children : NO_NODES;
          const sameShape = values.length === t.children.length;
          t.children.forEach((c, i) => work.push({ t: c, v: sameShape ? values[i] : undefined }));
          break;
        }
        case "list_splat_pattern":
        case "parenthesized_expression":
        case "parenthesized_list_splat":
          for (const c of t.children) work.push({ t: c, v: undefined });
          break;
        case "as_pattern_target":
          for (const c of t.children) work.push({ t: c, v });
          break;
        default:
          // attribute / subscript targets bind nothing; their sub-expressions are visited as expressions.
          // `self.x = v` in a method records an instance attribute of its class.
          if (t.type === "attribute" && v) recordInstanceAttribute(scope, t, v);
          visitLater(t, scope);
      }
    }
  };

  /**
   * Parameters bind opaquely, except that a default value is one value the parameter may hold
   * (`def decode(s, loads=pickle.loads)`), and the first parameter of a method is the instance (`self`), or the
   * class for a classmethod.
   */
  const bindParameters = (params: SyntaxNode | undefined, inner: Scope, outer: Scope, method?: { classDef: SyntaxNode; kind: "instance" | "class" | "static" }) => {
    if (!params) return;
    let first = true;
    for (let q = 0; q < params.children.length; q++) {
      const p = params.children[q];
      const name = p.type === "identifier" ? p : (childByField(p, "name") ?? p.children.find((c) => c.type === "identifier"));
      const positional = p.type === "identifier" || p.type === "typed_parameter" || p.type === "default_parameter" || p.type === "typed_default_parameter";
      if (name && name.type === "identifier") {
        const defaultValue = p.type === "default_parameter" || p.type === "typed_default_parameter" ? childByField(p, "value") : undefined;
        if (first && positional && method && method.kind !== "static") {
          bind(inner, text(name), method.kind, name, name.end, { classDef: method.classDef });
          if (method.kind === "instance") selfNames.set(inner, { name: text(name), classScope: outer });
        } else if (defaultValue) {
          bind(inner, text(name), "assignment", name, name.end, { value: defaultValue, valueScope: outer });
        } else {
          bind(inner, text(name), "opaque", name, name.end);
        }
      }
      if (positional) first = false;
      // The default value, then the annotation (in this order), are read in the enclosing scope.
      let value: SyntaxNode | undefined;
      let type: SyntaxNode | undefined;
      for (let k = 0; k < p.children.length; k++) {
        const c = p.children[k];
        if (c.field === "value") value ??= c;
        else if (c.field === "type") type ??= c;
      }
      if (value) visitLater(value, outer);
      if (type) visitLater(type, outer);
    }
  };

  while (pendingNodes.length) {
    const node = pendingNodes.pop()!;
    const scope = pendingScopes.pop()!;
    switch (node.type) {
      case "function_definition": {
        const name = childByField(node, "name");
        if (name) bind(scope, text(name), "function", name, node.end);
        const inner = newScope("function", node, scope);
        bindParameters(childByField(node, "parameters"), inner, scope, methodKind(node, scope));
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.field === "body") visitLater(c, inner);
          else if (c.field === "return_type" || c.type === "decorator") visitLater(c, scope);
        }
        continue;
      }
      case "lambda": {
        const inner = newScope("lambda", node, scope);
        bindParameters(childByField(node, "parameters"), inner, scope);
        const body = childByField(node, "body");
        if (body) visitLater(body, inner);
        continue;
      }
      case "class_definition": {
        const name = childByField(node, "name");
        if (name) bind(scope, text(name), "class", name, node.end, { classDef: node });
        const inner = newScope("class", node, scope);
        classScopes.set(node, inner);
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.field === "body") visitLater(c, inner);
          else if (c.field !== "name") visitLater(c, scope);
        }
        continue;
      }
      case "decorated_definition":
        break;
      case "import_statement":
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          bindImport(c, "", scope, node.end);
        }
        continue;
      case "import_from_statement": {
        const moduleNode = childByField(node, "module_name");
        const from = moduleNode ? importedModuleName(moduleNode, moduleName, text) : "";
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.type === "wildcard_import") scope.starImports.push({ module: from, site: c });
          else if (c.field === "name") bindImport(c, from, scope, node.end);
        }
        continue;
      }
      case "future_import_statement":
        continue;
      case "global_statement":
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.type === "identifier") scope.globals.add(text(c));
        }
        continue;
      case "nonlocal_statement":
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.type === "identifier") scope.nonlocals.add(text(c));
        }
        continue;
      case "assignment": {
        // `a = b = v` nests: assignment(left a, right assignment(left b, right v)).
        let right = childByField(node, "right");
        let value = right;
        while (value?.type === "assignment") value = childByField(value, "right");
        const left = childByField(node, "left");
        if (left) bindTarget(scope, left, value, "assignment", node.end);
        if (right?.type === "assignment") {
          const innerLeft = childByField(right, "left");
          if (innerLeft) bindTarget(scope, innerLeft, value, "assignment", node.end);
          right = value;
        }
        if (right) visitLater(right, scope);
        const type = childByField(node, "type");
        if (type) visitLater(type, scope);
        continue;
      }
      case "augmented_assignment": {
        const left = childByField(node, "left");
        if (left) bindTarget(scope, left, undefined, "opaque", node.end);
        const right = childByField(node, "right");
        if (right) visitLater(right, scope);
        continue;
      }
      case "named_expression": {
        const name = childByField(node, "name");
        const value = childByField(node, "value");
        // PEP 572: a walrus inside a comprehension binds in the enclosing function scope.
        let target = scope;
        while (target.kind === "comprehension" && target.parent) target = target.parent;
        if (name) bind(target, text(name), value ? "assignment" : "opaque", name, node.end, value ? { value } : undefined);
        if (value) visitLater(value, scope);
        continue;
      }
      case "for_statement":
      case "for_in_clause": {
        const left = childByField(node, "left");
        const right = childByField(node, "right");
        if (left?.type === "identifier" && right && LITERAL_SEQUENCES.has(right.type)) bind(scope, text(left), "element", left, left.end, { value: right });
        else if (left) bindTarget(scope, left, undefined, "opaque");
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c !== left) visitLater(c, scope);
        }
        continue;
      }
      case "as_pattern": {
        const alias = childByField(node, "alias");
        // `with X(...) as y`: most context managers return themselves from __enter__, so y is X(...).
        const entered = node.parent?.type === "with_item" ? node.children.find((c) => c !== alias) : undefined;
        if (alias) bindTarget(scope, alias, entered, "assignment");
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c !== alias) visitLater(c, scope);
        }
        continue;
      }
      case "call":
        calls.push({ node, scope });
        break;
      case "subscript":
        subscripts.push({ node, scope });
        break;
      case "list_comprehension":
      case "set_comprehension":
      case "dictionary_comprehension":
      case "generator_expression": {
        const inner = newScope("comprehension", node, scope);
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          visitLater(c, inner);
        }
        continue;
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      // Names and literals (most nodes) bind and record nothing: not visited.
      if (child.children.length === 0 && !ACTED_ON.has(child.type)) continue;
      visitLater(child, scope);
    }
  }

  return { module, calls, subscripts, classScopes, scopes };

  function methodKind(def: SyntaxNode, scope: Scope): { classDef: SyntaxNode; kind: "instance" | "class" | "static" } | undefined {
    if (scope.kind !== "class") return undefined;
    let kind: "instance" | "class" | "static" = "instance";
    const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
    for (const d of decorated?.children ?? []) {
      if (d.type !== "decorator") continue;
      const name = text(d).replace(/^@\s*/, "").trim();
      if (name === "staticmethod") kind = "static";
      else if (name === "classmethod") kind = "class";
    }
    return { classDef: scope.node, kind };
  }

  function recordInstanceAttribute(scope: Scope, target: SyntaxNode, value: SyntaxNode): void {
    const self = selfNames.get(scope);
    const object = childByField(target, "object");
    const attribute = childByField(target, "attribute");
    if (!self || !object || !attribute || object.type !== "identifier" || text(object) !== self.name) return;
    const attributes = (self.classScope.instanceAttributes ??= new Map());
    const name = text(attribute);
    let list = attributes.get(name);
    if (!list) attributes.set(name, (list = []));
    list.push({ value, scope, site: target });
  }

  function bindImport(item: SyntaxNode, from: string, scope: Scope, position: number): void {
    if (item.type === "aliased_import") {
      const name = childByField(item, "name");
      const alias = childByField(item, "alias");
      if (!name || !alias) return;
      const qualifiedName = from ? `${from}.${text(name)}` : text(name);
      bind(scope, text(alias), "import", alias, position, { qualifiedName });
    } else if (item.type === "dotted_name") {
      const dotted = text(item).replace(/\s+/g, "");
      if (from) {
        bind(scope, dotted, "import", item, position, { qualifiedName: `${from}.${dotted}` });
      } else {
        // `import a.b.c` binds `a` to the top-level package.
        const top = dotted.split(".")[0];
        bind(scope, top, "import", item, position, { qualifiedName: top });
      }
    }
  }
}

function emptyScope(kind: ScopeKind, node: SyntaxNode, parent: Scope | null): Scope {
  return { kind, node, parent, bindings: new Map(), globals: new Set(), nonlocals: new Set(), starImports: [] };
}

/** `from ..pkg import x` inside module `a.b.c` names `a.pkg`. Unknown packages keep the dots and match nothing. */
function importedModuleName(node: SyntaxNode, moduleName: string, text: (n: SyntaxNode) => string): string {
  if (node.type !== "relative_import") return text(node).replace(/\s+/g, "");
  const prefix = node.children.find((c) => c.type === "import_prefix");
  const rest = node.children.find((c) => c.type === "dotted_name");
  const level = prefix ? text(prefix).length : 0;
  const restText = rest ? text(rest).replace(/\s+/g, "") : "";
  const parts = moduleName ? moduleName.split(".") : [];
  if (!moduleName || level > parts.length) return ".".repeat(level) + restText;
  const base = parts.slice(0, parts.length - level);
  if (restText) base.push(restText);
  return base.join(".");
}

/**
 * Unlinks the scopes of a model whose analysis is over (see `detachTree`): a promoted object that still points to one
 * of them keeps that scope alone alive through scavenges, not the file's whole model.
 */
export function detachScopes(index: ScopeIndex): void {
  for (const scope of index.scopes) {
    // Emptied, not only dropped: a promoted map or set points to its table until then.
    scope.bindings.clear();
    scope.globals.clear();
    scope.nonlocals.clear();
    scope.instanceAttributes?.clear();
    const s = scope as unknown as Record<keyof Scope, unknown>;
    s.node = s.parent = s.bindings = s.globals = s.nonlocals = s.starImports = undefined;
    // Set only where it was: adding the property would grow every scope.
    if (scope.instanceAttributes) s.instanceAttributes = undefined;
  }
  index.classScopes.clear();
  for (const list of [index.calls, index.subscripts, index.scopes] as unknown[][]) list.fill(undefined);
}
