import type { FlowAssignment, ResolvedType } from "./model.js";
import { ancestor, childByField, contains, descendants, type Node } from "./syntax.js";

/** A class and everything it derives from, as far as the file shows. */
export interface TypeChain {
  type: ResolvedType;
  /** The type's own name, then its ancestors' (superclasses and interfaces). */
  names: string[];
}

/** A local variable, parameter or field of a statically typed language. */
export interface Declaration {
  name: string;
  /** The declared type; undefined where the language infers it (`var`, untyped lambda parameters). */
  typeNode?: Node;
  value?: Node;
  node: Node;
  /** Where the name is visible. */
  scope: Node;
  kind: "parameter" | "local" | "field";
}

/** How a language's model names the supertypes of the classes a file declares. */
export interface TypeHierarchy {
  resolveTypeName(written: string): string | undefined;
  /** The declaration of `<local>.Name`. */
  localDeclaration(qualified: string): Node | undefined;
  /** The supertypes a declaration names, as written. */
  supertypesOf(declaration: Node): string[];
}

/** A type and its ancestors: a walk from `roots` (the type's declarations in the file) through the supertypes they name. */
export function typeChain(qualified: string, roots: Node[], hierarchy: TypeHierarchy): TypeChain {
  const names = [qualified];
  const seen = new Set<Node>();
  const queue = [...roots];
  while (queue.length) {
    const decl = queue.shift()!;
    if (seen.has(decl)) continue;
    seen.add(decl);
    for (const written of hierarchy.supertypesOf(decl)) {
      const resolved = hierarchy.resolveTypeName(written);
      if (!resolved || names.includes(resolved)) continue;
      names.push(resolved);
      const next = resolved.startsWith("<local>.") ? hierarchy.localDeclaration(resolved) : undefined;
      if (next) queue.push(next);
    }
  }
  return { type: { name: qualified, ...(roots[0] ? { declaration: roots[0] } : {}) }, names };
}

/** The local or parameter a name read at `at` refers to: the nearest in scope in the innermost enclosing function that has one. */
export function nearestDeclaration<D extends Declaration>(name: string, at: Node, functions: readonly string[], declarationsIn: (fn: Node) => D[]): D | undefined {
  for (let f = ancestor(at, ...functions); f; f = ancestor(f, ...functions)) {
    let best: D | undefined;
    for (const d of declarationsIn(f)) {
      if (d.name !== name || !contains(d.scope, at)) continue;
      if (d.kind === "local" && d.node.start > at.start) continue;
      if (!best || d.node.start > best.node.start) best = d;
    }
    if (best) return best;
  }
  return undefined;
}

/**
 * Assignments to plain names in a function, in source order: declarations with a value, then every
 * `name = value` in `body` outside the nested declarations `skip` stops at (and that `accept` lets through).
 */
export function flowAssignments(
  declarations: Declaration[],
  body: Node | undefined,
  skip: (n: Node) => boolean,
  text: (n: Node) => string,
  accept: (assignment: Node) => boolean = () => true,
): FlowAssignment[] {
  const out: FlowAssignment[] = declarations.filter((d) => d.value).map((d) => ({ name: d.name, value: d.value!, node: d.node }));
  for (const n of body ? descendants(body, skip) : []) {
    if (n.type !== "assignment_expression") continue;
    const left = childByField(n, "left");
    const right = childByField(n, "right");
    if (left?.type === "identifier" && right && accept(n)) out.push({ name: text(left), value: right, node: n });
  }
  return out.sort((a, b) => a.node.start - b.node.start);
}
