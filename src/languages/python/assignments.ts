// Settings assignments, for rules that read settings modules (`SESSION_SERIALIZER = ...`, `CACHES = {...}`,
// `app.conf.task_serializer = ...`, `app.config["CACHE_TYPE"] = ...`). Plain names count at module level (also
// inside `if`/`try`/`with` blocks: settings split by environment) and in class bodies; attribute and subscript
// targets also count inside functions (application factories), where a plain name is only a local variable.
import type { SemanticModel } from "./semantic/model.js";
import type { Scope } from "./semantic/scopes.js";
import { childByField, type SyntaxNode } from "./syntax.js";

export interface AssignmentSite {
  node: SyntaxNode;
  /** Plain names for identifier targets, resolved qualified names for attribute targets. */
  names: string[];
  targetText: string;
  value: SyntaxNode;
  augmented: boolean;
  level: "module" | "class" | "function";
  scope: Scope;
}

const BLOCKS = new Set(["if_statement", "elif_clause", "else_clause", "try_statement", "except_clause", "finally_clause", "with_statement", "block"]);

const LOOPS = new Set(["for_statement", "while_statement"]);

export function settingsAssignments(model: SemanticModel): AssignmentSite[] {
  const out: AssignmentSite[] = [];
  // The scope of each function that holds a call (the model records scopes with calls); a function without any
  // call cannot have built the object a setting is assigned to.
  const scopes = new Map<SyntaxNode, Scope>();
  // A scope already noted has its enclosing scopes noted too.
  const calls = model.calls;
  for (let k = 0; k < calls.length; k++) for (let s: Scope | null = calls[k].scope; s && !scopes.has(s.node); s = s.parent) scopes.set(s.node, s);
  const visit = (node: SyntaxNode, level: AssignmentSite["level"], scope: Scope, depth: number) => {
    if (depth > 64) return;
    const children = node.children;
    for (let k = 0; k < children.length; k++) {
      const child = children[k];
      if (child.type === "expression_statement") {
        const parts = child.children;
        for (let p = 0; p < parts.length; p++) {
          const a = parts[p];
          if (a.type === "assignment" || a.type === "augmented_assignment") collect(a, level, scope, out, model);
        }
      } else if (BLOCKS.has(child.type) || (level === "function" && LOOPS.has(child.type))) {
        visit(child, level, scope, depth + 1);
      } else if (child.type === "class_definition" || child.type === "function_definition" || child.type === "decorated_definition") {
        const def = child.type === "decorated_definition" ? childByField(child, "definition") : child;
        const body = def ? childByField(def, "body") : undefined;
        if (!def || !body) continue;
        if (def.type === "class_definition" && level === "module") visit(body, "class", scope, depth + 1);
        const own = def.type === "function_definition" ? scopes.get(def) : undefined;
        if (own) visit(body, "function", own, depth + 1);
      }
    }
  };
  visit(model.tree.root, "module", model.module, 0);
  return out;
}

function collect(node: SyntaxNode, level: AssignmentSite["level"], scope: Scope, out: AssignmentSite[], model: SemanticModel): void {
  // `A = B = value`: the right side of the outer assignment is itself an assignment.
  let value = childByField(node, "right");
  const targets = [childByField(node, "left")];
  while (value?.type === "assignment") {
    targets.push(childByField(value, "left"));
    value = childByField(value, "right");
  }
  if (!value) return;
  for (const target of targets) {
    if (!target) continue;
    let names: string[];
    if (target.type === "identifier" && level !== "function") names = [model.text(target)];
    else if (target.type === "attribute" && level !== "class") names = [...new Set(model.resolve(target, scope).map((r) => r.name))];
    else if (target.type === "subscript" && level !== "class") names = subscriptNames(target, scope, model);
    else continue;
    if (!names.length) continue;
    out.push({ node, names, targetText: model.text(target), value, augmented: node.type === "augmented_assignment", level, scope });
  }
}

/** `app.config["CACHE_TYPE"]` as `flask.Flask().config.CACHE_TYPE`: the container's names with the constant key. */
function subscriptNames(target: SyntaxNode, scope: Scope, model: SemanticModel): string[] {
  const container = childByField(target, "value");
  const index = childByField(target, "subscript");
  const key = index && model.constantString(index, scope);
  if (!container || key === undefined || !/^[A-Za-z_]\w*$/.test(key)) return [];
  return [...new Set(model.resolve(container, scope).map((r) => `${r.name}.${key}`))];
}
