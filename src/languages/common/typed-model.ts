import type { FlowAssignment, ResolvedType } from "./model.js";
import { SourceModelBase } from "./model-base.js";
import { ancestor, childByField, contains, descendants, type Node } from "./syntax.js";

/** A class and everything it derives from, as far as the file shows. */
export interface TypeChain {
  type: ResolvedType;
  /** The type's own name, then its ancestors' (superclasses and interfaces). */
  names: string[];
}

/** A local variable, parameter or field. */
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

/**
 * The parts the models of statically typed languages (Java, C#) share: type chains through the supertypes the
 * file declares; a name resolves to the nearest local or parameter in scope, else to a member of an enclosing
 * type; a declaration's type is its declared type, or its value's; assignments for data flow are declarations
 * with values and plain `name = value`.
 */
export abstract class TypedSourceModel extends SourceModelBase {
  /** Node types whose parameters and locals form a scope (methods, constructors, lambdas, ...). */
  protected abstract readonly functionTypes: readonly string[];

  /** The qualified name a type as written in the file denotes. */
  abstract resolveTypeName(written: string): string | undefined;
  /** The declaration of `<local>.Name`. */
  protected abstract localDeclaration(qualified: string): Node | undefined;
  /** The supertypes a type declaration names, as written. */
  protected abstract supertypesOf(declaration: Node): string[];
  /** The static type of an expression, when the file shows it. */
  abstract typeOf(expr: Node): TypeChain | undefined;
  /** Parameters and locals of one function (not of functions nested in it). */
  abstract declarationsIn(fn: Node): Declaration[];
  /** A field (or property) of an enclosing type. */
  abstract memberDeclaration(name: string, at: Node): Declaration | undefined;
  /** Whether a declaration's value tells more than its declared type (an anonymous subclass, a constructed subtype). */
  protected abstract valueTypeWins(value: Node): boolean;
  /** Whether the data flow skips `n` and what is inside it (nested type declarations). */
  protected abstract isNestedType(n: Node): boolean;

  /** Whether a plain assignment is one the data flow follows. */
  protected followsAssignment(_assignment: Node): boolean {
    return true;
  }

  /** A type and its ancestors as far as the file declares them. */
  abstract chainOf(qualified: string, declaration?: Node): TypeChain;

  /** The walk behind `chainOf`: from `roots` (the type's declarations in the file) through the supertypes they name. */
  protected typeChain(qualified: string, roots: Node[]): TypeChain {
    const names = [qualified];
    const seen = new Set<Node>();
    const queue = [...roots];
    while (queue.length) {
      const decl = queue.shift()!;
      if (seen.has(decl)) continue;
      seen.add(decl);
      for (const written of this.supertypesOf(decl)) {
        const resolved = this.resolveTypeName(written);
        if (!resolved || names.includes(resolved)) continue;
        names.push(resolved);
        const next = resolved.startsWith("<local>.") ? this.localDeclaration(resolved) : undefined;
        if (next) queue.push(next);
      }
    }
    return { type: { name: qualified, ...(roots[0] ? { declaration: roots[0] } : {}) }, names };
  }

  /** The type an expression spelled as a qualified name (`pattern`) denotes, unless it reads a variable. */
  protected typeNamedBy(expr: Node, pattern: RegExp): string | undefined {
    const written = this.text(expr);
    if (!pattern.test(written)) return undefined;
    if (expr.type === "identifier" && this.declarationOf(written, expr)) return undefined;
    return this.resolveTypeName(written);
  }

  /** The chain of the type a type node names, when it resolves. */
  chainOfTypeNode(type: Node | undefined): TypeChain | undefined {
    const resolved = type && this.resolveTypeName(this.text(type));
    return resolved ? this.chainOf(resolved) : undefined;
  }

  /** The declaration a name read at `at` refers to: the nearest local or parameter in scope, else a member. */
  declarationOf(name: string, at: Node): Declaration | undefined {
    for (let f = ancestor(at, ...this.functionTypes); f; f = ancestor(f, ...this.functionTypes)) {
      let best: Declaration | undefined;
      for (const d of this.declarationsIn(f)) {
        if (d.name !== name || !contains(d.scope, at)) continue;
        if (d.kind === "local" && d.node.start > at.start) continue;
        if (!best || d.node.start > best.node.start) best = d;
      }
      if (best) return best;
    }
    return this.memberDeclaration(name, at);
  }

  /** Whether `name` is a parameter of `fn`. */
  isParameterOf(name: string, fn: Node): boolean {
    return this.declarationsIn(fn).some((d) => d.kind === "parameter" && d.name === name);
  }

  /** The simple name of the type an object creation (`new a.b.T<X>(...)`) builds: `T`. */
  createdTypeName(creation: Node): string {
    const type = childByField(creation, "type");
    const written = type ? this.text(type).replace(/<[\s\S]*>/, "") : "";
    return written.slice(written.lastIndexOf(".") + 1);
  }

  /** The type of the variable an identifier reads. */
  protected typeOfVariable(identifier: Node): TypeChain | undefined {
    const decl = this.declarationOf(this.text(identifier), identifier);
    return decl ? this.typeOfDeclaration(decl) : undefined;
  }

  /** The type of the member `this.name` read at `at`. */
  protected typeOfMember(name: Node, at: Node): TypeChain | undefined {
    const decl = this.memberDeclaration(this.text(name), at);
    return decl ? this.typeOfDeclaration(decl) : undefined;
  }

  typeOfDeclaration(decl: Declaration): TypeChain | undefined {
    if (decl.value && this.valueTypeWins(decl.value)) return this.typeOf(decl.value);
    return this.chainOfTypeNode(decl.typeNode) ?? (decl.value ? this.typeOf(decl.value) : undefined);
  }

  /** Assignments to plain names in `fn`, in source order, for data flow. */
  assignmentsIn(fn: Node): FlowAssignment[] {
    const out: FlowAssignment[] = this.declarationsIn(fn)
      .filter((d) => d.value)
      .map((d) => ({ name: d.name, value: d.value!, node: d.node }));
    const body = childByField(fn, "body");
    for (const n of body ? descendants(body, (c) => this.isNestedType(c)) : []) {
      if (n.type !== "assignment_expression") continue;
      const left = childByField(n, "left");
      const right = childByField(n, "right");
      if (left?.type === "identifier" && right && this.followsAssignment(n)) out.push({ name: this.text(left), value: right, node: n });
    }
    return out.sort((a, b) => a.node.start - b.node.start);
  }
}
