// Reading settings values for the python/config rules: constant strings, list and dict literals, and the names
// an expression resolves to. Values are read through names bound to literals (`SERIALIZER = "pickle"`).
import type { SemanticModel } from "../../languages/python/semantic/model.js";
import type { Scope } from "../../languages/python/semantic/scopes.js";
import { childByField, type SyntaxNode } from "../../languages/python/syntax.js";
import type { ComplianceMapping, Reference } from "../../core/types.js";
import type { AssignmentOutcome, SinkMatch, SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";

export const CONFIG_COMPLIANCE: ComplianceMapping[] = [
  ...DESERIALIZATION_COMPLIANCE,
  { framework: "OWASP ASVS 4.0", control: "V5.5.3 Deserialization of untrusted data is avoided or protected" },
];

export const CONFIG_REFERENCES: Reference[] = DESERIALIZATION_REFERENCES.slice(0, 4);

export interface ValueContext {
  model: SemanticModel;
  scope: Scope;
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
  return n;
}

export function constant(ctx: ValueContext, node: SyntaxNode | undefined): string | undefined {
  return node ? ctx.model.constantString(node, ctx.scope) : undefined;
}

/** The node an identifier is bound to at module level when it is a literal (`ACCEPT = ["pickle"]`), else the node. */
export function literalOf(ctx: ValueContext, node: SyntaxNode, depth = 0): SyntaxNode {
  const n = unwrap(node);
  if (n.type !== "identifier" || depth > 8) return n;
  const bindings = ctx.scope.bindings.get(ctx.model.text(n)) ?? ctx.model.module.bindings.get(ctx.model.text(n));
  if (!bindings || bindings.length !== 1 || bindings[0].kind !== "assignment" || !bindings[0].value) return n;
  return literalOf(ctx, bindings[0].value, depth + 1);
}

/** Elements of a list, tuple or set literal (through names bound to one); undefined when it is not one. */
export function elements(ctx: ValueContext, node: SyntaxNode): SyntaxNode[] | undefined {
  const n = literalOf(ctx, node);
  if (n.type === "list" || n.type === "tuple" || n.type === "set") return n.children.filter((c) => c.type !== "comment");
  // `ACCEPT + ["pickle"]`
  if (n.type === "binary_operator") {
    const l = childByField(n, "left");
    const r = childByField(n, "right");
    return [...(l ? (elements(ctx, l) ?? []) : []), ...(r ? (elements(ctx, r) ?? []) : [])];
  }
  return undefined;
}

export interface DictEntry {
  key: string;
  keyNode: SyntaxNode;
  value: SyntaxNode;
  pair: SyntaxNode;
}

/** String-keyed entries of a dict literal or `dict(k=v)` call; undefined when the node is neither. */
export function dictEntries(ctx: ValueContext, node: SyntaxNode): DictEntry[] | undefined {
  const n = literalOf(ctx, node);
  if (n.type === "dictionary") {
    const out: DictEntry[] = [];
    for (const pair of n.children) {
      if (pair.type !== "pair") continue;
      const keyNode = childByField(pair, "key");
      const value = childByField(pair, "value");
      const key = constant(ctx, keyNode);
      if (keyNode && value && key !== undefined) out.push({ key, keyNode, value, pair });
    }
    return out;
  }
  if (n.type === "call") {
    const callee = childByField(n, "function");
    if (!callee || !ctx.model.resolve(callee, ctx.scope).some((r) => r.name === "builtins.dict")) return undefined;
    const args = childByField(n, "arguments");
    const out: DictEntry[] = [];
    for (const arg of args?.children ?? []) {
      if (arg.type !== "keyword_argument") continue;
      const name = childByField(arg, "name");
      const value = childByField(arg, "value");
      if (name && value) out.push({ key: ctx.model.text(name), keyNode: name, value, pair: arg });
    }
    return out;
  }
  return undefined;
}

/** The entries of the dicts a configuration call is passed positionally: `app.conf.update({...})`. */
export function positionalDictEntries(m: SinkMatch): DictEntry[] {
  return m.args.positional.flatMap((a) => dictEntries(m, a) ?? []);
}

/** The setting an assignment target names: `task_serializer` of `app.conf.task_serializer`. */
export function settingKey(target: string): string {
  return target.slice(target.lastIndexOf(".") + 1);
}

/** What a configuration call that sets several settings reports: the first setting's finding. */
export function firstSettingFinding(found: AssignmentOutcome[]): SinkOutcome | null {
  return found.length ? { message: found[0].message, ...(found[0].severity ? { severity: found[0].severity } : {}) } : null;
}

export function entry(entries: DictEntry[] | undefined, key: string): DictEntry | undefined {
  return entries?.find((e) => e.key === key);
}

/** Canonical names an expression may denote. */
export function resolvedNames(ctx: ValueContext, node: SyntaxNode): string[] {
  return [...new Set(ctx.model.resolve(node, ctx.scope).map((r) => r.name))];
}

/** Celery/kombu serializer names that mean pickle. */
export function isPickleName(value: string | undefined): boolean {
  return value !== undefined && /^(?:pickle|application\/x-python-serialize)$/i.test(value.trim());
}

const PICKLE_MODULE = /^(?:pickle|_pickle|cPickle|dill|cloudpickle)$/;
const PICKLE_MODULE_OR_LOADS = /^(?:pickle|_pickle|cPickle|dill|cloudpickle)(?:\.loads)?$/;

/** The node is (or names) the pickle module or a pickle-compatible module. */
export function isPickleModule(ctx: ValueContext, node: SyntaxNode): boolean {
  return resolvedNames(ctx, node).some((n) => PICKLE_MODULE.test(n));
}

/**
 * What the serializer argument of a library that pickles by default chooses: `"default"` when it is left out or
 * `None`, `"pickle"` when `isPickling` says so, undefined for any other value, and when it is left out but `**kwargs`
 * may set it.
 */
export function serializerChoice(m: SinkMatch, given: SyntaxNode | undefined, isPickling: (node: SyntaxNode) => boolean): "default" | "pickle" | undefined {
  if (!given) return m.args.hasKwArgs ? undefined : "default";
  if (given.type === "none") return "default";
  return isPickling(given) ? "pickle" : undefined;
}

/** The node is a pickle-compatible module or its `loads` (a `deserializer=`/`job_deserializer=` value). */
export function isPickleLoader(ctx: ValueContext, node: SyntaxNode): boolean {
  return resolvedNames(ctx, node).some((n) => PICKLE_MODULE_OR_LOADS.test(n));
}

/** The nodes among a value (a string, or a list/tuple/set of strings) that name pickle. */
export function pickleMentions(ctx: ValueContext, node: SyntaxNode): SyntaxNode[] {
  const items = elements(ctx, node);
  if (items) return items.filter((i) => isPickleName(constant(ctx, i)));
  return isPickleName(constant(ctx, node)) ? [node] : [];
}

/** The truth value of a literal (through names bound to one): `True`, `1`, `"yes"`; undefined when unknown. */
export function literalTruth(ctx: ValueContext, node: SyntaxNode): boolean | undefined {
  const n = literalOf(ctx, node);
  if (n.type === "true") return true;
  if (n.type === "false" || n.type === "none") return false;
  if (n.type === "integer") return ctx.model.text(n).replace(/_/g, "") !== "0";
  return undefined;
}

/** Host of a cache/broker location (`redis://host:6379/0`, `host:11211`, `unix:/tmp/s`), when it is a literal. */
/**
 * Where a cache LOCATION points, when every part of it is known: a list or tuple of servers, or one string of servers
 * separated by commas or semicolons (django-redis and Django's memcached backends accept both), is local only when every
 * server is; undefined when a part is not a literal.
 */
export function locationsReach(ctx: ValueContext, node: SyntaxNode): "local" | "remote" | undefined {
  const parts = elements(ctx, node) ?? [node];
  let reach: "local" | "remote" | undefined = "local";
  for (const part of parts) {
    const text = constant(ctx, part);
    if (text === undefined) return undefined;
    const servers = text.split(/[;,]/).filter((s) => s.trim());
    if (!servers.length) return undefined;
    if (servers.some((s) => locationReach(s) === "remote")) reach = "remote";
  }
  return parts.length ? reach : undefined;
}

export function locationReach(location: string): "local" | "remote" {
  const text = location.trim();
  if (/^(?:unix:|\/|redis\+socket:|rediss?\+unix:)/i.test(text)) return "local";
  const host = /^(?:[a-z+]+:\/\/)?(?:[^@/]*@)?(\[[^\]]+\]|[^:/?]+)/i.exec(text)?.[1]?.toLowerCase() ?? "";
  return /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1)$/.test(host) ? "local" : "remote";
}
