// Module-level and class-level assignments, for rules that read settings modules (`SESSION_SERIALIZER = ...`,
// `CACHES = {...}`, `app.conf.task_serializer = ...`). Statements inside `if`/`try`/`with` blocks at module level
// count (settings split by environment); function bodies do not.
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
  level: "module" | "class";
  scope: Scope;
}

const BLOCKS = new Set(["if_statement", "elif_clause", "else_clause", "try_statement", "except_clause", "finally_clause", "with_statement", "block"]);

export function settingsAssignments(model: SemanticModel): AssignmentSite[] {
  const out: AssignmentSite[] = [];
  const visit = (node: SyntaxNode, level: "module" | "class", depth: number) => {
    if (depth > 64) return;
    for (const child of node.children) {
      if (child.type === "expression_statement") {
        for (const a of child.children) if (a.type === "assignment" || a.type === "augmented_assignment") collect(a, level, out, model);
      } else if (BLOCKS.has(child.type)) {
        visit(child, level, depth + 1);
      } else if (level === "module" && (child.type === "class_definition" || child.type === "decorated_definition")) {
        const def = child.type === "decorated_definition" ? childByField(child, "definition") : child;
        const body = def?.type === "class_definition" ? childByField(def, "body") : undefined;
        if (body) visit(body, "class", depth + 1);
      }
    }
  };
  visit(model.tree.root, "module", 0);
  return out;
}

function collect(node: SyntaxNode, level: "module" | "class", out: AssignmentSite[], model: SemanticModel): void {
  // `A = B = value`: the right side of the outer assignment is itself an assignment.
  let value = childByField(node, "right");
  const targets = [childByField(node, "left")];
  while (value?.type === "assignment") {
    targets.push(childByField(value, "left"));
    value = childByField(value, "right");
  }
  if (!value) return;
  const scope = model.module;
  for (const target of targets) {
    if (!target) continue;
    let names: string[];
    if (target.type === "identifier") names = [model.text(target)];
    else if (target.type === "attribute" && level === "module") names = [...new Set(model.resolve(target, scope).map((r) => r.name))];
    else continue;
    if (!names.length) continue;
    out.push({ node, names, targetText: model.text(target), value, augmented: node.type === "augmented_assignment", level, scope });
  }
}
