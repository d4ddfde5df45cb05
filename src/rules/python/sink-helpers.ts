// Small building blocks shared by the deserialization rules: literal checks on argument values, name
// resolution of argument expressions, and text edits for fixes.
import type { Fix, TextEdit } from "../../core/types.js";
import { decodeStringLiteral } from "../../languages/python/semantic/string-literal.js";
import { childByField, type SyntaxNode } from "../../languages/python/syntax.js";
import { code, referenced, type SinkMatch } from "../rule.js";

/** The Python truth value of a literal (`True`, `False`, `None`, numbers, strings), or undefined when not a literal. */
export function literalTruth(node: SyntaxNode | undefined, source: string): boolean | undefined {
  if (!node) return undefined;
  let n = node;
  while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
  switch (n.type) {
    case "true":
      return true;
    case "false":
    case "none":
      return false;
    case "integer":
    case "float": {
      const value = Number(source.slice(n.start, n.end).replace(/_/g, ""));
      return Number.isNaN(value) ? undefined : value !== 0;
    }
    case "string": {
      const value = decodeStringLiteral(source.slice(n.start, n.end));
      return value === undefined ? undefined : value.length > 0;
    }
    default:
      return undefined;
  }
}

/**
 * The truth value of a call's argument: a literal, or a name bound once, before the call, to a literal
 * (`weights_only = True` then `torch.load(f, weights_only=weights_only)`). Undefined when not known.
 */
export function argumentTruth(m: SinkMatch, node: SyntaxNode | undefined): boolean | undefined {
  const source = m.model.tree.source;
  const literal = literalTruth(node, source);
  if (literal !== undefined || node?.type !== "identifier") return literal;
  const bindings = m.model.lookup(source.slice(node.start, node.end), m.scope, node);
  if (bindings?.length !== 1) return undefined;
  const [b] = bindings;
  // A parameter's default value is only what it holds when the caller passes nothing.
  if (b.kind !== "assignment" || !b.value || b.valueScope) return undefined;
  return literalTruth(b.value, source);
}

/** Canonical names an argument expression may denote (`yaml.SafeLoader`, `<local>.MyLoader`, ...). */
export function namesOf(m: SinkMatch, node: SyntaxNode): string[] {
  return [...new Set(m.model.resolve(node, m.scope).map((r) => r.name))];
}

/**
 * Names an argument may denote, also through local subclasses: `class L(yaml.SafeLoader)` yields both
 * `<local>.L` and `yaml.SafeLoader`, so a rule can decide by the nearest known base.
 */
export function classNamesOf(m: SinkMatch, node: SyntaxNode): { own: string[]; ancestors: string[] } {
  const own: string[] = [];
  const ancestors: string[] = [];
  for (const r of m.model.resolve(node, m.scope)) {
    own.push(r.name);
    if (r.localClass) for (const a of m.model.classAncestors(r.localClass, m.scope)) ancestors.push(a.name);
  }
  return { own: [...new Set(own)], ancestors: [...new Set(ancestors)] };
}

/** How a sink is spelled in messages: `p.loads` (pickle.loads), or just the canonical name. */
export function spelled(m: SinkMatch): string {
  return m.calleeText === m.target ? code(m.target) : `${code(m.calleeText)} (${m.target})`;
}

/**
 * A library `Unpickler(...)` built only to call another of its methods: `pickle.Unpickler(f).find_class(m, n)` looks
 * a global up and reads nothing from `f`; only `load` unpickles. A local subclass is not covered (its own methods may
 * call `load`), nor an unpickler kept in a name, whose later uses are not followed.
 */
export function unpicklerNotLoaded(m: SinkMatch): boolean {
  if (m.via !== "call" || !m.target.endsWith("Unpickler") || m.node.field !== "object") return false;
  const access = m.node.parent;
  const attribute = access?.type === "attribute" ? childByField(access, "attribute") : undefined;
  return attribute !== undefined && m.model.text(attribute) !== "load";
}

/** A replacement of one node's text. */
export function replaceNode(node: SyntaxNode, newText: string): TextEdit {
  return {
    line: node.startRow + 1,
    column: node.startCol + 1,
    endLine: node.endRow + 1,
    endColumn: node.endCol + 1,
    newText,
  };
}

/** The attribute name of `x.load` in the callee of a call, when the callee is an attribute access. */
export function calleeAttributeName(call: SyntaxNode): SyntaxNode | undefined {
  const callee = childByField(call, "function");
  return callee?.type === "attribute" ? childByField(callee, "attribute") : undefined;
}

/**
 * An edit that appends `, keyword=value` after the last argument of `call`, or undefined when that is not
 * safe to do mechanically (no arguments, a generator argument, or `*args`/`**kwargs` that may already set it).
 */
export function appendKeywordArgument(m: SinkMatch, text: string): TextEdit | undefined {
  if (m.args.hasKwArgs || m.args.hasStarArgs) return undefined;
  const list = childByField(m.node, "arguments");
  if (!list || list.type !== "argument_list") return undefined;
  const args = list.children.filter((c) => c.type !== "comment");
  const last = args[args.length - 1];
  if (!last) return undefined;
  return { line: last.endRow + 1, column: last.endCol + 1, endLine: last.endRow + 1, endColumn: last.endCol + 1, newText: `, ${text}` };
}

export function fix(description: string, edits: (TextEdit | undefined)[]): Fix | undefined {
  const present = edits.filter((e): e is TextEdit => e !== undefined);
  return present.length === edits.length && present.length ? { description, edits: present } : undefined;
}

/**
 * The message of a sink that unpickles, worded for how it was reached (call, subclass, callback).
 * `what` completes "... deserializes with ..." (e.g. "dill, a pickle extension"); `advice` is the remedy.
 */
export function unpicklingMessage(what: string, advice: string): (m: SinkMatch) => string {
  return (m) => {
    switch (m.via) {
      case "subclass":
        return `${code(m.subclass!.name)} subclasses ${m.target} and deserializes its input with ${what}, which can run arbitrary code. ${advice}`;
      case "reference":
        return `${spelled(m)} ${referenced(m)}: every value it is applied to is deserialized with ${what}, which can run arbitrary code. ${advice}`;
      default:
        return `${spelled(m)} deserializes with ${what}, which runs whatever code the bytes describe. ${advice}`;
    }
  };
}
