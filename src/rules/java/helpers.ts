import type { Site } from "../../languages/common/model.js";
import { ancestor, childByField, descendants, type Node } from "../../languages/common/syntax.js";
import type { JavaModel } from "../../languages/java/model.js";
import type { LanguageMatch } from "../language-rule.js";
import { code } from "../rule.js";

export type JavaMatch = LanguageMatch<JavaModel>;

/** `receiver` as a stable key: `xs`, `this.xs` and a field `xs` of the same class are the same object. */
function objectKey(model: JavaModel, receiver: Node | undefined): string | undefined {
  if (!receiver) return undefined;
  const t = model.text(receiver).replace(/\s+/g, "");
  return /^(this\.)?[A-Za-z_$][\w$]*$/.test(t) ? t.replace(/^this\./, "") : undefined;
}

/**
 * Calls of `methods` on the same variable or field as the site's receiver, in the same class; with `staticOwner`,
 * also that type's static methods given the object as first argument (`XStream.setupDefaultSecurity(xs)`).
 */
export function callsOnSameObject(m: JavaMatch, methods: readonly string[], staticOwner?: string): Site[] {
  const key = objectKey(m.model, m.site.receiver);
  if (!key) return [];
  // A local variable is the same object only within its function; a field, within its class.
  const r = m.site.receiver!;
  const decl = r.type === "identifier" ? m.model.declarationOf(key, r) : undefined;
  const within = decl && decl.kind !== "field" ? decl.scope : ancestor(m.site.node, "class_body");
  return m.model.sites.filter((s) => {
    if (s.kind !== "call" || s === m.site) return false;
    const onObject = s.receiver !== undefined && objectKey(m.model, s.receiver) === key;
    const given = staticOwner !== undefined && objectKey(m.model, s.args[0]) === key && s.targets.some((t) => t.startsWith(staticOwner + "."));
    if (!onObject && !given) return false;
    if (within && !(within.start <= s.node.start && s.node.end <= within.end)) return false;
    const name = childByField(s.node, "name");
    return name !== undefined && methods.includes(m.model.text(name));
  });
}

/** The `new X(...)` that built the receiver: inline, or as the initializer of its local variable or field. */
export function constructionOf(m: JavaMatch): Node | undefined {
  let r = m.site.receiver;
  while (r?.type === "parenthesized_expression") r = r.children[0];
  if (!r) return undefined;
  if (r.type === "object_creation_expression") return r;
  if (r.type === "method_invocation") return returnedConstruction(m.model, r);
  const name = r.type === "identifier" ? r : r.type === "field_access" ? childByField(r, "field") : undefined;
  if (!name) return undefined;
  const decl = r.type === "identifier" ? m.model.declarationOf(m.model.text(name), r) : m.model.memberDeclaration(m.model.text(name), r);
  let value = decl?.value;
  if (!value && decl) {
    // Assigned later, e.g. in a constructor: `this.yaml = new Yaml();`.
    const cls = ancestor(decl.node, "class_body") ?? m.model.tree.root;
    for (const n of descendants(cls)) {
      if (n.type !== "assignment_expression") continue;
      const left = childByField(n, "left");
      const leftName = left?.type === "field_access" ? childByField(left, "field") : left;
      if (leftName && m.model.text(leftName) === decl.name) value = childByField(n, "right");
    }
  }
  while (value?.type === "parenthesized_expression") value = value.children[0];
  if (value?.type === "method_invocation") return returnedConstruction(m.model, value);
  return value?.type === "object_creation_expression" ? value : undefined;
}

/** The `new X(...)` that the file's own method called by `call` returns, when it has one return statement. */
function returnedConstruction(model: JavaModel, call: Node): Node | undefined {
  const method = model.ownMethodCalled(call);
  const body = method && childByField(method, "body");
  const returns = body ? [...descendants(body, (c) => c.type === "lambda_expression" || c.type === "class_body")].filter((n) => n.type === "return_statement") : [];
  let value = returns.length === 1 ? returns[0].children[0] : undefined;
  while (value?.type === "parenthesized_expression") value = value.children[0];
  return value?.type === "object_creation_expression" ? value : undefined;
}

/** Whether `method` of the site's class or an enclosing one is declared as `name(paramType ...)`. */
export function insideMethod(node: Node, model: JavaModel, name: string): Node | undefined {
  for (let fn = ancestor(node, "method_declaration"); fn; fn = ancestor(fn, "method_declaration")) {
    const n = childByField(fn, "name");
    if (n && model.text(n) === name) return fn;
  }
  return undefined;
}

/** `x.readObject()` with `x` a parameter of `fn`. */
export function receiverIsParameterOf(m: JavaMatch, fn: Node): boolean {
  const r = m.site.receiver;
  if (r?.type !== "identifier") return !r; // an unqualified call inside the hook reads the same stream
  const decl = m.model.declarationOf(m.model.text(r), r);
  return decl?.kind === "parameter" && decl.scope === fn;
}

export function isLiteral(model: JavaModel, node: Node | undefined, value: string): boolean {
  return node !== undefined && model.text(node).replace(/\s+/g, "") === value;
}

export function spelled(m: JavaMatch): string {
  return code(m.site.calleeText);
}
