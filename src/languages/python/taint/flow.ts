// Intra-procedural taint tracking for Python, demand-driven from a sink's data argument back to a source, plus
// same-module function summaries (a local function returning source data is a source; a local wrapper whose
// parameter reaches a sink is handled by the rule that asks, see `parameterReaches`). Browser-safe.
import type { SemanticModel } from "../semantic/model.js";
import type { Scope } from "../semantic/scopes.js";
import type { Location } from "../../../core/types.js";
import { CallArguments } from "../calls.js";
import { decodeStringLiteral } from "../semantic/string-literal.js";
import { childByField, isAncestor, type SyntaxNode } from "../syntax.js";
import { MAX_DEMAND, type PlacedStep } from "./summaries.js";
import {
  CALLBACK_BODY_PARAMETERS,
  CALLBACK_REGISTRARS,
  DATA_SOURCES,
  DECLARED_PARAMETERS,
  GLOBAL_REQUESTS,
  HANDLER_DATA_METHODS,
  HANDLER_REQUEST_ATTRIBUTES,
  HANDLER_STREAM_ATTRIBUTES,
  LAMBDA_HANDLERS,
  MAC_CALLS,
  PROPAGATORS,
  REQUEST_DATA_MEMBERS,
  REQUEST_PARAMETERS,
  RPC_EXPOSE_DECORATORS,
  RPC_INSTANCE_REGISTRARS,
  RPC_SERVICE_BASES,
  SANITIZERS,
  CALLBACK_METHODS,
  VERIFIERS,
} from "./specs.js";

/** Sources and sanitizers the configuration adds (canonical qualified names; see `RuleCustomization`). */
export interface ExtraFlowSpecs {
  /** Functions or attributes whose value (and what is read from it) is untrusted: `myapp.http.raw_body`. */
  sources?: readonly string[];
  /** Functions whose result is trusted whatever their input: `myapp.crypto.verified_payload`. */
  sanitizers?: readonly string[];
}

/** One step of a flow in the analysed file: where the data is, and what happened to it there. */
export interface LocalStep {
  node: SyntaxNode;
  message: string;
  /** On the first step of a flow from a function's own parameter (summary mode): the parameter's name. */
  parameter?: string;
  /** With `parameter`, when a caller passes it elsewhere than its name says: `**kwargs["blob"]` by keyword (-1), `*args[1]` at a position. */
  position?: number;
  /** On the first step of a flow from a field of `self` (summary mode, in a method): the field's name. */
  field?: string;
  place?: undefined;
}

/** A step inside another module, taken from that module's function summary. */
export interface RemoteStep extends PlacedStep {
  node?: undefined;
  parameter?: undefined;
  field?: undefined;
}

/**
 * A parameter a method stores on the object (`self.data = data`; for a dataclass, attrs or pydantic class without
 * its own `__init__`, each declared field): an argument of the call taints that field of the object.
 */
export interface FieldStore {
  field: string;
  parameter: string;
  /** -1 for keyword-only parameters. */
  position: number;
  steps: FlowStep[];
}

/** The class of an object: defined in this file, or in another module of the project (qualified name). */
export type ClassRef = { local: SyntaxNode; name: string; project?: undefined } | { project: string; name: string; local?: undefined };

export type FlowStep = LocalStep | RemoteStep;

/** Untrusted data reaching an expression: the steps from the source to it. `request`: a request object, not data yet. */
interface Taint {
  kind: "data" | "request";
  steps: FlowStep[];
}

export interface FlowResult {
  steps: FlowStep[];
  /** Set when a non-constant-time MAC comparison guards the sink. */
  weakGuard?: FlowStep;
}

const MAX_DEPTH = 24;

/**
 * Expressions one question may evaluate: the search is depth-first, bounded by \`MAX_DEPTH\`, and a class whose fields
 * are set from calls on one another branches at every field. One 307-line file of DeepSpeed asked 280,000 for one
 * sink (1.5 s of CPU, so under load it ran out of its time budget and lost findings); the most any other file of
 * CPython, celery, dask, scrapy and 35 real projects asks is 6,024. Past it the question has no answer (no flow),
 * and the file gets a warning.
 */
export const MAX_DATA_FLOW_STEPS = 50_000;
export const DATA_FLOW_LIMIT = "data-flow";
/**
 * Pass-through summaries worked out inside one another at most (each may nest the expression depth again): bounds the
 * stack on a chain of thousands of helpers; past it, a helper's flow is followed within the expression depth.
 */
const MAX_PASS_THROUGH_NESTING = 8;
/** Sources listed for one sink at most. */
const MAX_SOURCES = 8;
const FUNCTIONS = new Set(["function_definition", "lambda"]);
const NESTED = new Set(["function_definition", "class_definition", "lambda"]);
const COMPREHENSIONS = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
const CONTAINER_ADDERS = new Set(["append", "extend", "insert", "add", "update", "appendleft", "extendleft", "setdefault", "put", "write"]);
const BLOCK_ENDERS = new Set(["return_statement", "raise_statement"]);

/** A place where a local name is (re)bound in a function body. */
interface Definition {
  node: SyntaxNode;
  /** The expression whose taint the name takes; undefined for parameters. */
  value?: SyntaxNode;
  kind: "assign" | "augment" | "loop" | "with" | "parameter";
  /** For the trace, when not the kind's usual verb (`written to the file at`). */
  verb?: string;
  /** `*args` (its position among the parameters a caller fills by position) or `**kwargs`. */
  splat?: { kind: "*" | "**"; position: number };
  /** `m["k"] = v`: the constant key stored into (the def adds to `m` without replacing it). */
  key?: string | number;
}

/** What a tracker works out from the file alone, the same in either mode: worked out once per model. */
interface ModelFacts {
  /** Which word checks the file's text matches (see `mentions`). */
  mentioned: Map<RegExp, boolean>;
  /** The local definitions of each function (see `definitionsOf`). */
  definitions: Map<SyntaxNode, Map<string, Definition[]>>;
  /** The calls of methods of a plain name (`x.m(...)`), by that name, in the model's order (see `methodCallsOn`). */
  methodCalls?: Map<string, SyntaxNode[]>;
  /** The scope of each function that has a call in it, by the function's node (see `scopeOf`). */
  callScopes?: Map<SyntaxNode, Scope>;
  /** Each class's own methods by name (see `methodsOf`). */
  classMethods?: Map<SyntaxNode, Map<string, SyntaxNode>>;
  /** Methods (and functions) of this file that RPC servers call with what a client sent, with their labels (see `rpcEndpoint`). */
  rpcEndpoints?: Map<SyntaxNode, string>;
  /** Names of functions passed to a registering call, with its label (see `registeredCallback`). */
  registeredNames?: Map<string, string>;
}

export class TaintTracker {
  private readonly visiting = new Set<SyntaxNode>();
  /** Expressions evaluated for the current outermost question (see `MAX_DATA_FLOW_STEPS`). */
  private steps = 0;
  /** Evaluating the arguments of a call no summary explains, only to note what they need (see `projectCall`). */
  private noting = false;
  /** Sources already reported for the sink being analysed (see `allFlowsInto`). */
  private readonly excluded = new Set<SyntaxNode | string>();
  /** Qualified names of calls met on the way back from a sink that no summary explains (see `FlowSummaryPart.flowDemand`). */
  readonly demand = new Set<string>();

  /**
   * `parameters`: summary mode, where every parameter of the enclosing function is a source too (its first step
   * names it), to find the functions whose parameter reaches a sink.
   */
  constructor(
    private readonly model: SemanticModel,
    private readonly parameters = false,
    private readonly extra: ExtraFlowSpecs = {},
    /** What holds whatever the mode, shared with the summary-mode tracker of the same model. */
    private readonly facts: ModelFacts = { mentioned: new Map(), definitions: new Map() },
  ) {
    this.extraSources = new Set(extra.sources);
    this.extraSanitizers = new Set(extra.sanitizers);
  }

  /** Whether the file's text matches a word check (each a scan of the whole text): asked once per file. */
  private mentions(words: RegExp): boolean {
    let found = this.facts.mentioned.get(words);
    if (found === undefined) this.facts.mentioned.set(words, (found = words.test(this.model.tree.source)));
    return found;
  }

  private readonly extraSources: ReadonlySet<string>;
  private readonly extraSanitizers: ReadonlySet<string>;

  /** A source the configuration names (`extra-sources`): the name, or what is read from or returned by it. */
  private configuredSource(name: string): string | undefined {
    if (!this.extraSources.size) return undefined;
    for (let end = name.length; end > 0; end = name.lastIndexOf(".", end - 1)) {
      const prefix = name.slice(0, end);
      if (this.extraSources.has(prefix) || this.extraSources.has(prefix.replace(/\(\)$/, ""))) return `configured source ${code(prefix.replace(/\(\)$/, ""))}`;
    }
    return undefined;
  }

  private isSanitizer(name: string): boolean {
    return SANITIZERS.some((s) => s.test(name)) || this.extraSanitizers.has(name) || this.extraSanitizers.has(name.replace(/\(\)$/, ""));
  }

  /**
   * The flow of untrusted data into `expr` (an argument of the sink `site`), or undefined when none is known.
   * Loads on a branch verified by `hmac.compare_digest` are not flows.
   */
  flowInto(expr: SyntaxNode, site: SyntaxNode, scope: Scope): FlowResult | undefined {
    const taint = this.eval(expr, site, scope, 0);
    if (!taint || taint.kind !== "data") return undefined;
    const guard = this.guardOf(site);
    if (guard === "verified") return undefined;
    return { steps: taint.steps, ...(guard ? { weakGuard: guard } : {}) };
  }

  /**
   * Every flow of untrusted data into `expr`, one per source (at most `max`), the first being `flowInto`'s: each
   * further search leaves out the sources found before.
   */
  allFlowsInto(expr: SyntaxNode, site: SyntaxNode, scope: Scope, max = MAX_SOURCES): FlowResult[] {
    const out: FlowResult[] = [];
    try {
      for (let flow = this.flowInto(expr, site, scope); flow && out.length < max; flow = this.flowInto(expr, site, scope)) {
        const key = sourceKey(flow.steps);
        if (this.excluded.has(key)) break;
        out.push(flow);
        this.excluded.add(key);
      }
    } finally {
      this.excluded.clear();
    }
    return out;
  }

  private text(node: SyntaxNode): string {
    return this.model.text(node);
  }

  private step(node: SyntaxNode, message: string): LocalStep {
    return { node, message };
  }

  /** A local step written down for a summary: its place in this file. */
  placed(step: FlowStep, path: string): PlacedStep {
    if (step.place) return { place: step.place, message: step.message };
    return { place: placeOf(step.node, path, this.model.tree.source), message: step.message };
  }

  private eval(expr: SyntaxNode, at: SyntaxNode, scope: Scope, depth: number): Taint | undefined {
    if (depth > MAX_DEPTH || this.visiting.has(expr)) return undefined;
    // Each question asked from outside (a sink's argument, a summary's return) gets its own steps.
    if (this.visiting.size === 0) this.steps = 0;
    if (++this.steps > MAX_DATA_FLOW_STEPS) {
      this.model.limits.add(DATA_FLOW_LIMIT);
      return undefined;
    }
    this.visiting.add(expr);
    try {
      const t = this.evalNode(expr, at, scope, depth + 1);
      return t?.kind === "data" && this.excluded.size && this.excluded.has(sourceKey(t.steps)) ? undefined : t;
    } finally {
      this.visiting.delete(expr);
    }
  }

  private evalNode(node: SyntaxNode, at: SyntaxNode, scope: Scope, depth: number): Taint | undefined {
    const any = (nodes: readonly (SyntaxNode | undefined)[], message?: string): Taint | undefined => {
      for (const n of nodes) {
        if (!n) continue;
        const t = this.eval(n, at, scope, depth);
        if (t?.kind === "data") return message ? { kind: "data", steps: [...t.steps, this.step(node, message)] } : t;
      }
      return undefined;
    };
    switch (node.type) {
      case "list_splat": {
        // `f(*args)` as a call's first argument: what `args[0]` holds (a sink reads its data there).
        const list = node.children.find((c) => c.type !== "*");
        const first = node.parent?.type === "argument_list" && node.parent.children.find((c) => c.type !== "(" && c.type !== "comment") === node;
        if (first && list?.type === "identifier") {
          const t = this.evalName(list, at, scope, depth, 0);
          if (t) return t;
        }
        return any(node.children);
      }
      case "parenthesized_expression":
      case "await":
      case "expression_statement":
      case "dictionary_splat":
      case "keyword_argument":
      case "argument_list":
        return any(node.children.filter((c) => c.type !== "identifier" || node.type !== "keyword_argument" || c !== childByField(node, "name")));
      case "identifier":
        return this.evalName(node, at, scope, depth);
      case "attribute":
        return this.evalAttribute(node, at, scope, depth);
      case "call":
        return this.evalCall(node, at, scope, depth);
      case "subscript": {
        const value = childByField(node, "value");
        const key = keyOf(this.constant(childByField(node, "subscript"), node));
        const subscript = childByField(node, "subscript");
        const index = typeof key === "number" ? key : subscript?.type === "unary_operator" ? negative(this.text(subscript)) : undefined;
        if (value?.type === "identifier" && index !== undefined) {
          const element = this.listElement(value, index, node);
          if (element !== undefined) {
            const t = element ? this.eval(element.value, element.at, scope, depth) : undefined;
            return t && { kind: t.kind, steps: [...t.steps, this.step(node, `indexed: ${short(this.text(node))}`)] };
          }
        }
        if (value?.type === "identifier" && key !== undefined) {
          const t = this.evalName(value, at, scope, depth, key);
          return t && { kind: t.kind, steps: [...t.steps, this.step(node, `indexed: ${short(this.text(node))}`)] };
        }
        return any([value], `indexed: ${short(this.text(node))}`);
      }
      case "slice":
        return undefined;
      case "string":
        return any(node.children.filter((c) => c.type === "interpolation"), "formatted into a string");
      case "interpolation":
        return any(node.children);
      case "concatenated_string":
        return any(node.children);
      case "binary_operator":
        return any([childByField(node, "left"), childByField(node, "right")], `combined: ${short(this.text(node))}`);
      case "boolean_operator":
        return any([childByField(node, "left"), childByField(node, "right")]);
      case "conditional_expression": {
        // `yes if condition else no` (anonymous keywords are not in the tree).
        const [yes, condition, no] = node.children.filter((c) => c.type !== "comment");
        const truth = this.constant(condition, node);
        if (truth !== undefined) return any([truth ? yes : no]);
        return any([yes, no]);
      }
      case "named_expression":
        return any([childByField(node, "value")]);
      case "list":
      case "tuple":
      case "set":
      case "expression_list":
      case "pattern_list":
      case "dictionary":
      case "pair":
        return any(node.children.filter((c) => c.type !== "comment"), node.type === "pair" ? undefined : `put in a ${node.type.replace("expression_list", "tuple").replace("dictionary", "dict")}`);
      default:
        if (COMPREHENSIONS.has(node.type)) {
          const clauses = node.children.filter((c) => c.type === "for_in_clause");
          const iterables = clauses.map((c) => childByField(c, "right"));
          return any([...iterables, childByField(node, "body")], "collected by a comprehension");
        }
        return undefined;
    }
  }

  /** A qualified-name source: `flask.request.data`, `requests.get(u).content`, `socket.socket().recv(...)`. */
  private qualifiedSource(node: SyntaxNode, scope: Scope): Taint | undefined {
    for (const r of this.model.resolve(node, scope)) {
      const name = r.name;
      const label = sourceLabel(name) ?? this.configuredSource(name);
      if (label) return { kind: "data", steps: [this.step(node, `source: ${label} (${short(this.text(node))})`)] };
      if (GLOBAL_REQUESTS.has(name)) return { kind: "request", steps: [this.step(node, `request object ${short(this.text(node))}`)] };
    }
    return undefined;
  }

  private evalName(node: SyntaxNode, at: SyntaxNode, scope: Scope, depth: number, key?: string | number): Taint | undefined {
    const name = this.text(node);
    // A comprehension's loop variable takes the taint of what it iterates.
    for (let n = node.parent; n && !NESTED.has(n.type); n = n.parent) {
      if (!COMPREHENSIONS.has(n.type)) continue;
      for (const clause of n.children.filter((c) => c.type === "for_in_clause")) {
        const left = childByField(clause, "left");
        if (!left || !descendants(clause, (d) => d === left || isAncestor(left, d)).concat(left).some((d) => d.type === "identifier" && this.text(d) === name)) continue;
        const right = childByField(clause, "right");
        const t = right && this.eval(right, at, scope, depth);
        return t && { kind: t.kind, steps: [...t.steps, this.step(left, `iterated into ${code(name)}`)] };
      }
    }
    // A parameter of an enclosing lambda (`lambda request: loads(request.body)`, `loads = lambda b: pickle.loads(b)`).
    for (let n = this.mentions(LAMBDA_WORD) ? node.parent : null; n && n.type !== "function_definition"; n = n.parent) {
      if (n.type !== "lambda" || !parameterNames(n, this.model).includes(name)) continue;
      const defs = this.definitionsOf(n).get(name);
      if (defs?.length) return this.evalDefinitions(name, defs, at, scope, depth, key);
    }
    // In a function its local definitions; in module-level code (scripts, consumers, Streamlit apps) the module's.
    const fn = enclosingFunction(node) ?? (topLevel(node) ? this.model.tree.root : undefined);
    if (fn) {
      const defs = this.definitionsOf(fn).get(name);
      if (defs?.length) return this.evalDefinitions(name, defs, at, scope, depth, key);
    }
    return this.qualifiedSource(node, scope);
  }

  /** The reaching definitions of a local name before `at`, latest first; one that dominates `at` ends the search. */
  private evalDefinitions(name: string, defs: Definition[], at: SyntaxNode, scope: Scope, depth: number, key?: string | number): Taint | undefined {
    const before = defs.filter((d) => d.node.start < at.start || d.kind === "parameter").sort((a, b) => b.node.start - a.node.start);
    for (const d of before) {
      // Code that constant conditions rule out never runs; `m["a"] = x` does not taint `m["b"]`.
      if (this.deadCode(d.node)) continue;
      // `data = pickle.loads(data)`: the assignment takes effect after the call it holds.
      if (d.value && d.kind !== "parameter" && isAncestor(d.value, at)) continue;
      if (key !== undefined && d.key !== undefined && d.key !== key) continue;
      const t = this.evalDefinition(name, d, at, scope, depth, key);
      if (t) return t;
      if (d.kind !== "augment" && d.kind !== "parameter" && this.dominates(d.node, at)) return undefined;
    }
    return undefined;
  }

  private evalDefinition(name: string, d: Definition, at: SyntaxNode, scope: Scope, depth: number, key?: string | number): Taint | undefined {
    if (d.kind === "parameter" && d.splat) return this.splatParameter(name, d, key);
    if (d.kind === "parameter") return this.parameterSource(name, d.node);
    if (!d.value) return undefined;
    // `box = {"k": request.data, "c": b"x"}` then `box["c"]`: the entry read, not the whole dict.
    const value = key !== undefined ? (this.dictEntry(d.value, key) ?? d.value) : d.value;
    const t = this.eval(value, d.node, scope, depth);
    if (!t) return undefined;
    const verb = d.verb ?? (d.kind === "loop" ? "iterated into" : d.kind === "with" ? "bound by with to" : d.kind === "augment" ? "appended to" : "assigned to");
    return { kind: t.kind, steps: [...t.steps, this.step(d.node, `${verb} ${code(name)}`)] };
  }

  /**
   * The value of `key` in a dict literal whose keys are all string literals (no `**` spread): undefined when the
   * literal is not one, or lacks the key (then the whole dict is followed, as before).
   */
  private dictEntry(literal: SyntaxNode, key: string | number): SyntaxNode | undefined {
    if (literal.type !== "dictionary" || typeof key !== "string") return undefined;
    let found: SyntaxNode | undefined;
    for (const c of literal.children) {
      if (c.type === "comment") continue;
      const k = c.type === "pair" ? childByField(c, "key") : undefined;
      if (k?.type !== "string") return undefined;
      const text = decodeStringLiteral(this.text(k));
      if (text === undefined) return undefined;
      if (text === key) found = childByField(c, "value");
    }
    return found;
  }

  /**
   * Summary mode: one argument a caller passes through `*args` or `**kwargs`, read at a constant index or key
   * (`args[0]`, `kwargs["blob"]`, `kwargs.get("blob")`): the parameter it stands for.
   */
  private splatParameter(name: string, d: Definition, key: string | number | undefined): Taint | undefined {
    if (!this.parameters || !d.splat || key === undefined) return undefined;
    const fn = enclosingFunction(d.node);
    const fnName = this.text((fn && childByField(fn, "name")) ?? d.node);
    if (d.splat.kind === "**" && typeof key === "string") {
      return { kind: "data", steps: [{ node: d.node, message: `keyword argument ${code(key)} in ${code("**" + name)} of ${code(fnName)}()`, parameter: key, position: -1 }] };
    }
    if (d.splat.kind === "*" && typeof key === "number" && key >= 0) {
      return { kind: "data", steps: [{ node: d.node, message: `argument ${code(`${name}[${key}]`)} of ${code(fnName)}()`, parameter: `*${name}[${key}]`, position: d.splat.position + key }] };
    }
    return undefined;
  }

  /** Handler parameters that hold untrusted data or a request object. */
  private parameterSource(name: string, param: SyntaxNode): Taint | undefined {
    const fn = enclosingCallable(param);
    if (!fn) return undefined;
    const params = parameterNames(fn, this.model);
    const fnName = callableName(fn, this.model);
    const plain = params[0] === "self" || params[0] === "cls" ? params.slice(1) : params;
    const overridden = name !== "self" && name !== "cls" ? this.callbackMethod(fn, name) : undefined;
    if (overridden) {
      const prefix = overridden.kind === "data" ? "source" : "request object";
      return { kind: overridden.kind, steps: [this.step(param, `${prefix}: ${overridden.label} (parameter ${code(name)} of ${code(fnName)})`)] };
    }
    if (REQUEST_PARAMETERS.has(name) || (plain[0] === name && /^(get|post|put|patch|delete|dispatch|handle)\b/.test(fnName) && /req/.test(name))) {
      return { kind: "request", steps: [this.step(param, `request object: parameter ${code(name)} of ${code(fnName)}`)] };
    }
    const registered = name !== "self" && name !== "cls" ? this.registeredCallback(fn) ?? this.rpcEndpoint(fn) : undefined;
    if (registered) return { kind: "data", steps: [this.step(param, `source: ${registered} (parameter ${code(name)} of ${code(fnName)})`)] };
    const declared = this.declaredParameter(param);
    if (declared) return { kind: declared.kind, steps: [this.step(param, `${declared.kind === "data" ? "source" : "request object"}: ${declared.label} (parameter ${code(name)} of ${code(fnName)})`)] };
    if (name === "event" && plain[0] === "event" && plain[1] === "context" && LAMBDA_HANDLERS.test(fnName)) {
      return { kind: "data", steps: [this.step(param, `source: AWS Lambda event (parameter of ${code(fnName)})`)] };
    }
    if (CALLBACK_BODY_PARAMETERS.has(name) && plain.length === 4 && plain[3] === name) {
      return { kind: "data", steps: [this.step(param, `source: message body delivered to consumer callback ${code(fnName)}`)] };
    }
    // kombu (and celery) consumer callbacks take `(body, message)`.
    if (name === "body" && plain.length === 2 && plain[0] === "body" && plain[1] === "message") {
      return { kind: "data", steps: [this.step(param, `source: message body delivered to consumer callback ${code(fnName)}`)] };
    }
    if (this.parameters && name !== "self" && name !== "cls") {
      return { kind: "data", steps: [{ node: param, message: `parameter ${code(name)} of ${code(fnName)}()`, parameter: name }] };
    }
    return undefined;
  }

  /**
   * A method a framework calls with network data when a subclass overrides it (see `CALLBACK_METHODS`): a Scrapy
   * spider's callbacks, a WebSocket consumer's `receive`, a Twisted or asyncio protocol's `dataReceived`/
   * `data_received`, a gRPC servicer's methods, a TorchServe handler's `handle`/`preprocess`. What `parameter` of it holds.
   */
  private callbackMethod(fn: SyntaxNode, parameter: string): (typeof CALLBACK_METHODS)[number] | undefined {
    const cls = fn.type === "function_definition" ? methodClass(fn) : undefined;
    if (!cls || !this.mentions(CALLBACK_BASE_WORDS)) return undefined;
    const method = this.text(childByField(fn, "name") ?? fn);
    const specs = CALLBACK_METHODS.filter((c) => c.methods.test(method) && (!c.parameters || c.parameters.test(parameter)));
    if (!specs.length) return undefined;
    const ancestors = this.model.classAncestors(cls, this.model.module);
    // As written too: partial parsing may leave out the import of generated modules (`task_pb2_grpc.TaskServicer`).
    const written = (childByField(cls, "superclasses")?.children ?? []).map((b) => this.text(b));
    return specs.find((c) => ancestors.some((r) => c.base.test(r.name)) || written.some((w) => c.base.test(w)));
  }


  /**
   * What calls `fn` with data from outside when it is registered as a callback (see `CALLBACK_REGISTRARS`): passed
   * to a registering call (`gr.Interface(fn=predict)`, `button.click(restore)`, `asyncio.start_server(handle, ...)`,
   * `server.register_function(f)`), or decorated by one (`@socketio.on("state")`). Every parameter of it is untrusted.
   */
  private registeredCallback(fn: SyntaxNode): string | undefined {
    if (!this.mentions(REGISTRAR_WORDS)) return undefined;
    const label = (callee: SyntaxNode, scope: Scope) => {
      for (const r of this.model.resolve(callee, scope)) {
        const registrar = CALLBACK_REGISTRARS.find(([pattern]) => pattern.test(r.name));
        if (registrar) return registrar[1];
      }
      return undefined;
    };
    const decorated = fn.parent?.type === "decorated_definition" ? fn.parent : undefined;
    for (const d of decorated?.children ?? []) {
      const e = d.type === "decorator" ? d.children.find((c) => c.type !== "@") : undefined;
      const callee = e?.type === "call" ? childByField(e, "function") : e;
      const found = callee && label(callee, this.model.module);
      if (found) return found;
    }
    if (!this.facts.registeredNames) {
      this.facts.registeredNames = new Map();
      for (const { node, scope } of this.model.calls) {
        const args = childByField(node, "arguments");
        // Cheap first: only calls that pass a plain name where a callback goes are resolved.
        const first = args?.children.find((c) => c.type !== "(" && c.type !== "comment");
        const keyword = args?.children.find((c) => c.type === "keyword_argument" && /^(fn|handler|client_connected_cb|function)$/.test(this.text(childByField(c, "name") ?? c)));
        const passed = first?.type === "identifier" ? first : keyword ? childByField(keyword, "value") : undefined;
        const callee = childByField(node, "function");
        if (passed?.type !== "identifier" || !callee || this.facts.registeredNames.has(this.text(passed))) continue;
        const found = label(callee, scope);
        if (found) this.facts.registeredNames.set(this.text(passed), found);
      }
    }
    // A lambda passed to the registering call itself (`gr.Interface(fn=lambda blob: ...)`).
    if (fn.type === "lambda") {
      const holder = fn.parent?.type === "keyword_argument" ? fn.parent.parent : fn.parent;
      const call = holder?.type === "argument_list" ? holder.parent : undefined;
      const callee = call?.type === "call" ? childByField(call, "function") : undefined;
      const scope = call && this.model.calls.find((c) => c.node === call)?.scope;
      return callee && scope ? label(callee, scope) : undefined;
    }
    return this.facts.registeredNames.get(this.text(childByField(fn, "name") ?? fn));
  }

  /**
   * What calls `fn` with a client's data when it is a remote procedure: a method exposed by a decorator (Pyro's
   * `@expose`, on the method or on its class: then its public methods), an `exposed_*` method of an RPyC service, a
   * public method of an object an XML-RPC server registers (`server.register_instance(Store())`), or a method or
   * function listed in a handler table (`handlers = {"run": self.run}`, as dask's servers take them).
   */
  private rpcEndpoint(fn: SyntaxNode): string | undefined {
    if (fn.type !== "function_definition") return undefined;
    if (!this.facts.rpcEndpoints) {
      this.facts.rpcEndpoints = new Map();
      if (this.mentions(RPC_WORDS)) this.findRpcEndpoints(this.facts.rpcEndpoints);
    }
    return this.facts.rpcEndpoints.get(fn);
  }

  private findRpcEndpoints(out: Map<SyntaxNode, string>): void {
    const match = (node: SyntaxNode, scope: Scope, table: readonly (readonly [RegExp, string])[]) => {
      for (const r of this.model.resolve(node, scope)) {
        const found = table.find(([pattern]) => pattern.test(r.name.replace(/\(\)$/, "")));
        if (found) return found[1];
      }
      return undefined;
    };
    const decoratedBy = (def: SyntaxNode) => {
      const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
      for (const d of decorated?.children ?? []) {
        const e = d.type === "decorator" ? d.children.find((c) => c.type !== "@") : undefined;
        const callee = e?.type === "call" ? childByField(e, "function") : e;
        const label = callee && match(callee, this.model.module, RPC_EXPOSE_DECORATORS);
        if (label) return label;
      }
      return undefined;
    };
    const methods = (cls: SyntaxNode) =>
      (childByField(cls, "body")?.children ?? []).map((m) => (m.type === "decorated_definition" ? childByField(m, "definition") : m)).filter((m): m is SyntaxNode => m?.type === "function_definition");
    const methodName = (m: SyntaxNode) => this.text(childByField(m, "name") ?? m);
    const publicMethods = (cls: SyntaxNode, label: string) => {
      for (const m of methods(cls)) if (!methodName(m).startsWith("_") && !out.has(m)) out.set(m, label);
    };
    for (const cls of descendantsAll(this.model.tree.root, (n) => n.type === "class_definition")) {
      const exposed = decoratedBy(cls);
      if (exposed) publicMethods(cls, exposed);
      const scope = this.model.classScope(cls)?.parent ?? this.model.module;
      const service = (childByField(cls, "superclasses")?.children ?? []).map((b) => match(b, scope, RPC_SERVICE_BASES)).find(Boolean)
        ?? this.model.classAncestors(cls, scope).map((r) => RPC_SERVICE_BASES.find(([p]) => p.test(r.name))?.[1]).find(Boolean);
      for (const m of methods(cls)) {
        const label = decoratedBy(m) ?? (service && methodName(m).startsWith("exposed_") ? service : undefined);
        if (label) out.set(m, label);
      }
    }
    // Read from the text, so that it holds when partial parsing leaves out the code that registers or lists them.
    const source = this.model.tree.source;
    const topLevel = (name: string, type: string) =>
      this.model.tree.root.children.map((c) => (c.type === "decorated_definition" ? childByField(c, "definition") : c)).find((d) => d?.type === type && this.text(childByField(d, "name") ?? d) === name);
    // `server.register_instance(Store())` on an XML-RPC server: the public methods of that class of this file.
    if (/xmlrpc|XMLRPC/.test(source)) {
      for (const m of source.matchAll(/\bregister_instance\(\s*([A-Za-z_]\w*)\s*\(/g)) {
        const cls = topLevel(m[1]!, "class_definition");
        if (cls) publicMethods(cls, "XML-RPC call argument");
      }
    }
    // Handler tables: a dict bound to (or passed as) `handlers`, `stream_handlers`, ... whose values are methods of
    // `self` (of the class the table is in) or functions of this module.
    const classes = descendantsAll(this.model.tree.root, (n) => n.type === "class_definition");
    for (const m of source.matchAll(/\b\w*handlers\s*(?::[^=\n{]*)?=\s*\{/gi)) {
      const open = m.index! + m[0].length - 1;
      let end = open;
      for (let level = 0; end < source.length && end < open + 20_000; end++) {
        if (source[end] === "{") level++;
        else if (source[end] === "}" && --level === 0) break;
      }
      const table = source.slice(open, end + 1);
      const cls = classes.filter((c) => c.start <= open && open < c.end).at(-1);
      for (const entry of table.matchAll(/:\s*(self\.)?([A-Za-z_]\w*)\s*(?=[,}\n#])/g)) {
        const handler = entry[1] ? (cls ? this.methodOf(cls, entry[2]!) : undefined) : topLevel(entry[2]!, "function_definition");
        if (handler && !out.has(handler)) out.set(handler, "RPC handler argument");
      }
    }
    // One entry at a time: `self.handlers["restore"] = self.restore`.
    for (const m of source.matchAll(/\b\w*handlers\s*\[[^\]\n]+\]\s*=\s*(self\.)?([A-Za-z_]\w*)\s*$/gim)) {
      const cls = m[1] ? classes.filter((c) => c.start <= m.index! && m.index! < c.end).at(-1) : undefined;
      const handler = m[1] ? (cls ? this.methodOf(cls, m[2]!) : undefined) : topLevel(m[2]!, "function_definition");
      if (handler && !out.has(handler)) out.set(handler, "RPC handler argument");
    }
  }

  /**
   * A parameter whose annotation or default says what the framework passes: `file: UploadFile`, `data: bytes =
   * File(...)`, `Annotated[str, Form()]` (FastAPI), `request: Request` under any name (Starlette, aiohttp, Django,
   * DRF), a WebSocket.
   */
  private declaredParameter(param: SyntaxNode): { kind: "data" | "request"; label: string } | undefined {
    const holder = param.parent;
    if (!holder || !["typed_parameter", "typed_default_parameter", "default_parameter"].includes(holder.type)) return undefined;
    if (!this.mentions(FRAMEWORK_WORDS)) return undefined;
    const parts = [childByField(holder, "type"), childByField(holder, "value")].filter((n): n is SyntaxNode => n !== undefined);
    for (const part of parts) {
      const named = [part, ...descendantsAll(part, (n) => n.type === "identifier" || n.type === "attribute" || n.type === "call")].filter((n) => n.type !== "type");
      for (const n of named) {
        for (const r of this.model.resolve(n.type === "call" ? childByField(n, "function") ?? n : n, this.model.module)) {
          const declared = DECLARED_PARAMETERS[r.name.replace(/\(\)$/, "")];
          if (declared) return declared;
        }
      }
    }
    return undefined;
  }

  private evalAttribute(node: SyntaxNode, at: SyntaxNode, scope: Scope, depth: number): Taint | undefined {
    const q = this.qualifiedSource(node, scope);
    if (q) return q;
    const object = childByField(node, "object");
    const attr = this.text(childByField(node, "attribute") ?? node);
    if (!object) return undefined;
    if (object.type === "identifier" && this.text(object) === "self" && HANDLER_STREAM_ATTRIBUTES.has(attr)) {
      return { kind: "data", steps: [this.step(node, `source: request stream ${code(this.text(node))}`)] };
    }
    if (object.type === "identifier" && this.text(object) === "self" && HANDLER_REQUEST_ATTRIBUTES.has(attr)) {
      return { kind: "request", steps: [this.step(node, `request object ${code(this.text(node))}`)] };
    }
    const base = this.eval(object, at, scope, depth);
    if (!base) {
      // `self.conn, self.peer = self.server.accept()` in another method: untrusted data the object keeps.
      const kept = this.keptBySelf(node, object, attr, depth);
      if (kept) return kept;
      // `job = Job(request.data); job.data`: what the object's constructor or setters stored in the field.
      const stored = object.type === "identifier" || object.type === "call" ? this.fieldTaint(object, attr, at, scope, depth) : undefined;
      if (stored) return { kind: "data", steps: [...stored.steps, this.step(node, `read ${code(short(this.text(node)))}`)] };
      const property = object.type === "identifier" || object.type === "call" ? this.projectPropertyField(node, object, attr, scope, depth) : undefined;
      if (property) return property;
      return this.parameters ? this.selfField(node, object, attr) : undefined;
    }
    if (base.kind === "data") return { kind: "data", steps: [...base.steps, this.step(node, `read ${code(short(this.text(node)))}`)] };
    if (REQUEST_DATA_MEMBERS.has(attr)) return { kind: "data", steps: [...base.steps, this.step(node, `source: request data ${code(short(this.text(node)))}`)] };
    return undefined;
  }

  /**
   * `Envelope(request.data).payload` where `payload` is a property of a class of another module returning what the
   * object holds in a field (`return self._raw`), as its summary tells: what the object's constructor or setters stored
   * there. (In the class's own module the semantic model resolves the property's value.)
   */
  private projectPropertyField(node: SyntaxNode, object: SyntaxNode, attr: string, scope: Scope, depth: number): Taint | undefined {
    for (const cls of this.classesOf(object, scope, true, attr)) {
      if (!cls.project) continue;
      const found = this.model.project?.flows?.(`${cls.project}.${attr}`);
      if (!found && this.demand.size < MAX_DEMAND) this.demand.add(`${cls.project}.${attr}`);
      for (const r of found ?? []) {
        const returned = r.flows.returnsField;
        const t = returned && this.fieldTaint(object, returned.field, node, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, ...returned!.steps.map(remoteStep), this.step(node, `returned by the property ${code(short(this.text(node)))} (${r.name})`)] };
      }
    }
    return undefined;
  }

  /**
   * `self.field` in a method, where some method of the class assigns the field untrusted data from a source (not
   * from its parameters): `self.sock = socket.create_connection(...)`, `self.conn, addr = self.server.accept()`.
   */
  private keptBySelf(node: SyntaxNode, object: SyntaxNode, field: string, depth: number): Taint | undefined {
    const fn = enclosingFunction(node);
    const cls = fn && methodClass(fn);
    if (!fn || !cls || object.type !== "identifier" || parameterNames(fn, this.model)[0] !== this.text(object)) return undefined;
    for (const { assignment, value, target, scope } of this.selfAssignments(cls).get(field) ?? []) {
      const t = this.eval(value, assignment, scope, depth);
      if (t?.kind === "data" && !t.steps[0]?.parameter && !t.steps[0]?.field) return { kind: "data", steps: [...t.steps, this.step(target, `kept in ${code(this.text(target))}`), this.step(node, `read ${code(short(this.text(node)))}`)] };
    }
    return undefined;
  }

  /** The assignments to fields of `self` in the methods of a class, by field (`self.a = v`, `self.a, self.b = v`); made once per class. */
  private selfAssignments(cls: SyntaxNode): Map<string, { assignment: SyntaxNode; value: SyntaxNode; target: SyntaxNode; scope: Scope }[]> {
    let byField = this.fieldAssignments.get(cls);
    if (byField) return byField;
    byField = new Map();
    this.fieldAssignments.set(cls, byField);
    for (const member of childByField(cls, "body")?.children ?? []) {
      const m = member.type === "decorated_definition" ? childByField(member, "definition") : member;
      const self = m?.type === "function_definition" ? parameterNames(m, this.model)[0] : undefined;
      if (!m || !self) continue;
      let scope: Scope | undefined;
      for (const a of descendants(childByField(m, "body"), (n) => n.type === "assignment")) {
        const left = childByField(a, "left");
        const value = childByField(a, "right");
        if (!left || !value) continue;
        const targets = left.type === "pattern_list" || left.type === "tuple_pattern" || left.type === "expression_list" ? left.children : [left];
        for (const target of targets) {
          if (target.type !== "attribute" || this.text(childByField(target, "object") ?? target) !== self) continue;
          const name = this.text(childByField(target, "attribute") ?? target);
          scope ??= this.scopeOf(m) ?? this.model.module;
          let list = byField.get(name);
          if (!list) byField.set(name, (list = []));
          list.push({ assignment: a, value, target, scope });
        }
      }
    }
    return byField;
  }

  private readonly fieldAssignments = new Map<SyntaxNode, Map<string, { assignment: SyntaxNode; value: SyntaxNode; target: SyntaxNode; scope: Scope }[]>>();

  /**
   * `conn.recv(n)` where `conn` is an object of a class of this file whose method returns what the object holds in a
   * field (`return self.sock.recv(size)`) or what it is passed: the field's (or the argument's) untrusted data.
   */
  private localMethodResult(node: SyntaxNode, callee: SyntaxNode, at: SyntaxNode, scope: Scope, depth: number): Taint | undefined {
    const receiver = childByField(callee, "object");
    if (!receiver || (receiver.type === "identifier" && this.text(receiver) === "self")) return undefined;
    const method = this.text(childByField(callee, "attribute") ?? callee);
    for (const cls of this.classesOf(receiver, scope, true)) {
      const m = cls.local && this.methodOf(cls.local, method);
      if (!m) continue;
      const summary = this.summaryMode();
      const returned = summary.methodReturns.has(m) ? summary.methodReturns.get(m) : summary.returnTaint(m, depth);
      summary.methodReturns.set(m, returned);
      const first = returned?.steps[0];
      const label = `returned by ${code(short(this.text(callee)) + "()")}`;
      if (first?.field) {
        const t = this.fieldTaint(receiver, first.field, node, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, ...returned!.steps.slice(1), this.step(node, label)] };
      } else if (first?.parameter) {
        const arg = new CallArguments(node, this.model.tree.source).find(first.parameter, first.position ?? callPosition(m, first.parameter, this.model));
        const t = arg && this.eval(arg, at, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, ...returned!.steps.slice(1), this.step(node, label)] };
      }
    }
    return undefined;
  }

  /** Summary mode: what each method of this file returns from its parameters or fields (see `localMethodResult`). */
  private readonly methodReturns = new Map<SyntaxNode, Taint | undefined>();

  private evalCall(node: SyntaxNode, at: SyntaxNode, scope: Scope, depth: number): Taint | undefined {
    const callee = childByField(node, "function");
    if (!callee) return undefined;
    const argList = childByField(node, "arguments");
    const args = argList ? argList.children.filter((c) => c.type !== "comment" && c.type !== "(" && c.type !== ")" && c.type !== ",") : [];
    const names = this.model.resolve(callee, scope).map((r) => r.name);
    if (names.some((n) => this.isSanitizer(n))) return undefined;
    const q = this.qualifiedSource(node, scope) ?? this.qualifiedSource(callee, scope);
    if (q) return q.kind === "request" ? q : { kind: "data", steps: q.steps };
    if (names.some((n) => PROPAGATORS.some((p) => p.test(n)))) {
      for (const a of args) {
        const t = this.eval(a, at, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(node, `decoded by ${code(short(this.text(callee)))}`)] };
      }
      return undefined;
    }
    if (callee.type === "attribute") {
      const object = childByField(callee, "object")!;
      const method = this.text(childByField(callee, "attribute") ?? callee);
      if (object.type === "identifier" && this.text(object) === "self" && HANDLER_DATA_METHODS.has(method)) {
        return { kind: "data", steps: [this.step(node, `source: request argument ${code(short(this.text(node)))}`)] };
      }
      const keyed = (method === "get" || method === "pop") && object.type === "identifier" ? keyOf(this.constant(args[0], node)) : undefined;
      const base = keyed !== undefined ? this.evalName(object, at, scope, depth, keyed) ?? this.eval(object, at, scope, depth) : this.eval(object, at, scope, depth);
      if (base?.kind === "data") return { kind: "data", steps: [...base.steps, this.step(node, `${code(`.${method}()`)} of tainted data`)] };
      if (base?.kind === "request" && REQUEST_DATA_MEMBERS.has(method)) {
        return { kind: "data", steps: [...base.steps, this.step(node, `source: request data ${code(short(this.text(node)))}`)] };
      }
      // `b"".join(parts)`, `"{}".format(x)`, `sep.join(...)`: string building from tainted arguments.
      if ((method === "join" || method === "format") && (object.type === "string" || object.type === "concatenated_string")) {
        for (const a of args) {
          const t = this.eval(a, at, scope, depth);
          if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(node, `formatted by ${code(`.${method}()`)}`)] };
        }
      }
    }
    if (callee.type === "attribute") {
      const t = this.localMethodResult(node, callee, at, scope, depth);
      if (t) return t;
    }
    // Same-module summary: a local function that returns untrusted data is a source.
    const local = this.localFunction(callee, scope);
    if (local) {
      const returned = this.step(node, `returned by ${code(short(this.text(callee)))}()`);
      // What the callee returns of its own parameters (its summary, worked out once): the argument passed for it.
      const through = this.passThrough(local);
      if (through) {
        const first = through[0] as LocalStep;
        const parameter = first.parameter!;
        const arg = new CallArguments(node, this.model.tree.source).find(parameter, first.position ?? callPosition(local, parameter, this.model));
        const t = arg && this.eval(arg, at, scope, depth + 1);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(node, `passed to ${code(short(this.text(callee)))}()`), ...through, returned] };
      }
      const ret = this.returnTaint(local, depth);
      // In summary mode a flow from the callee's own parameter is what this call passes it, not a parameter of the caller.
      if (ret?.kind === "data" && !this.fromParameterOf(ret.steps, local)) return { kind: "data", steps: [...ret.steps, returned] };
      return undefined;
    }
    return this.projectCall(node, callee, names, at, scope, depth);
  }

  /**
   * A call of a function or method of another project module, through its summary: a source when it returns
   * untrusted data, a propagator for the parameters whose data it returns. A call no summary explains is noted
   * as demand, so that the whole-program pass summarises its module.
   */
  private projectCall(node: SyntaxNode, callee: SyntaxNode, names: string[], at: SyntaxNode, scope: Scope, depth: number): Taint | undefined {
    const project = this.model.project;
    let known = false;
    for (const name of names) {
      for (const r of project?.flows?.(name) ?? []) {
        known = true;
        const where = r.name === this.text(callee) ? "" : ` (${r.name})`;
        if (r.flows.returns?.length) {
          return { kind: "data", steps: [...r.flows.returns.map(remoteStep), this.step(node, `returned by ${this.callLabel(callee)}${where}`)] };
        }
        const holder = r.flows.returnsField && callee.type === "attribute" ? childByField(callee, "object") : undefined;
        if (holder && r.flows.returnsField) {
          const t = this.fieldTaint(holder, r.flows.returnsField.field, node, scope, depth);
          if (t?.kind === "data") return { kind: "data", steps: [...t.steps, ...r.flows.returnsField.steps.map(remoteStep), this.step(node, `returned by ${this.callLabel(callee)}${where}`)] };
        }
        for (const p of r.flows.passes ?? []) {
          const arg = new CallArguments(node, this.model.tree.source).find(p.parameter, p.position);
          const t = arg && this.eval(arg, at, scope, depth);
          if (t?.kind !== "data") continue;
          return { kind: "data", steps: [...t.steps, this.step(node, `passed to ${this.callLabel(callee)}${where}`), ...p.steps.map(remoteStep), this.step(node, `returned by ${this.callLabel(callee)}`)] };
        }
      }
    }
    if (!known && this.demand.size < MAX_DEMAND) {
      // What the arguments come from matters once the call has a summary: note what following them needs too.
      if (!this.noting) {
        this.noting = true;
        try {
          for (const arg of new CallArguments(node, this.model.tree.source).values()) this.eval(arg, at, scope, depth);
        } finally {
          this.noting = false;
        }
      }
      for (const name of names) if (name.includes(".") && !name.startsWith("<local>.") && !name.startsWith("builtins.")) this.demand.add(name);
      // `mod.f(...)` where `mod` is bound by nothing partial parsing kept: noted as written (see `flowDemand`).
      const written = this.text(callee);
      if (!names.length && callee.type === "attribute" && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(written)) this.demand.add(`?${written}`);
    }
    return undefined;
  }

  /** How a trace names a call (`f(...)` as written, shortened); made only for the steps of a flow found. */
  private callLabel(callee: SyntaxNode): string {
    return code(short(this.text(callee)) + "()");
  }

  /**
   * The element `index` of a list built in straight-line code with constant operations (`lst = []`, `.append(x)`,
   * `.insert(0, x)`, `.pop(0)`, `.extend([...])`): the expression stored there, or null when nothing is; undefined
   * when the list is not modelled that precisely (aliased, passed on, changed in a loop or a branch).
   */
  private listElement(name: SyntaxNode, index: number, use: SyntaxNode): { value: SyntaxNode; at: SyntaxNode } | null | undefined {
    const fn = enclosingFunction(use);
    if (!fn) return undefined;
    const text = this.text(name);
    const defs = (this.definitionsOf(fn).get(text) ?? []).filter((d) => d.node.start < use.start);
    const last = defs.filter((d) => d.kind !== "augment").sort((a, b) => b.node.start - a.node.start)[0];
    if (!last || last.kind !== "assign" || last.value?.type !== "list") return undefined;
    const statement = statementOf(last.node);
    const block = statement?.parent;
    if (!statement || !block || !isAncestor(block, use) || statement.children[0]?.type !== "assignment" || childByField(statement.children[0], "left") !== last.node) return undefined;
    const elements: { value: SyntaxNode; at: SyntaxNode }[] = [];
    for (const e of last.value.children) {
      if (e.type === "list_splat") return undefined;
      if (e.type !== "," && e.type !== "[" && e.type !== "]" && e.type !== "comment") elements.push({ value: e, at: statement });
    }
    // Every other use of the name between the definition and the read is one of the modelled calls, at the top
    // level of the same block; any use in a nested function could run at any time.
    const uses = descendantsAll(fn, (n) => n.type === "identifier" && this.text(n) === text);
    for (const u of uses) {
      if (u.start <= last.node.end || u === name) continue;
      if (u.start > use.start) break;
      if (NESTED_IN(u, fn)) return undefined;
      const callStatement = statementOf(u);
      if (callStatement?.parent !== block) return undefined;
      const call = callStatement.children[0];
      const callee = call?.type === "call" ? childByField(call, "function") : undefined;
      if (!callee || callee.type !== "attribute" || childByField(callee, "object") !== u) return undefined;
      const args = new CallArguments(call, this.model.tree.source);
      if (args.keywords.size || args.hasStarArgs) return undefined;
      const constantAt = (i: number) => {
        const v = args.positional[i] && this.constant(args.positional[i], call);
        return typeof v === "number" ? v : args.positional[i]?.type === "unary_operator" ? negative(this.text(args.positional[i])) : undefined;
      };
      const position = (i: number, insert: boolean) => (i < 0 ? Math.max(0, elements.length + i) : insert ? Math.min(i, elements.length) : i);
      switch (this.text(childByField(callee, "attribute") ?? callee)) {
        case "append":
          if (args.positional.length !== 1) return undefined;
          elements.push({ value: args.positional[0], at: callStatement });
          break;
        case "insert": {
          const i = constantAt(0);
          if (i === undefined || args.positional.length !== 2) return undefined;
          elements.splice(position(i, true), 0, { value: args.positional[1], at: callStatement });
          break;
        }
        case "pop": {
          const i = args.positional.length ? constantAt(0) : -1;
          if (i === undefined || args.positional.length > 1) return undefined;
          const at = position(i, false);
          if (at < 0 || at >= elements.length) return undefined;
          elements.splice(at, 1);
          break;
        }
        case "extend": {
          const items = args.positional[0];
          if (args.positional.length !== 1 || items?.type !== "list" || items.children.some((c) => c.type === "list_splat")) return undefined;
          for (const e of items.children) if (e.type !== "," && e.type !== "[" && e.type !== "]" && e.type !== "comment") elements.push({ value: e, at: callStatement });
          break;
        }
        case "reverse":
          if (args.positional.length) return undefined;
          elements.reverse();
          break;
        case "clear":
          elements.length = 0;
          break;
        default:
          return undefined;
      }
    }
    const at = index < 0 ? elements.length + index : index;
    if (at < 0 || at >= elements.length) return undefined;
    return elements[at];
  }

  /** The value of an expression built from literals and names bound once to them, or undefined. */
  constant(expr: SyntaxNode | undefined, at: SyntaxNode, depth = 0): string | number | boolean | undefined {
    if (!expr || depth > 16) return undefined;
    const c = (n: SyntaxNode | undefined) => this.constant(n, at, depth + 1);
    switch (expr.type) {
      case "integer":
        return /^\d+$/.test(this.text(expr)) ? Number(this.text(expr)) : undefined;
      case "true":
        return true;
      case "false":
        return false;
      case "string": {
        if (expr.children.some((ch) => ch.type === "interpolation")) return undefined;
        const m = /^[rRuU]?(['"])(.*)\1$/s.exec(this.text(expr));
        return m && !m[2].includes("\\") ? m[2] : undefined;
      }
      case "parenthesized_expression":
        return c(expr.children[1]);
      case "identifier": {
        const fn = enclosingFunction(expr);
        const defs = fn && this.definitionsOf(fn).get(this.text(expr));
        if (!defs || defs.length !== 1 || defs[0].kind !== "assign" || !defs[0].value || defs[0].node.start > at.start) return undefined;
        return c(defs[0].value);
      }
      case "subscript": {
        const v = c(childByField(expr, "value"));
        const i = c(childByField(expr, "subscript"));
        return typeof v === "string" && typeof i === "number" && i < v.length ? v[i] : undefined;
      }
      case "not_operator": {
        const v = c(childByField(expr, "argument"));
        return v === undefined ? undefined : !v;
      }
      case "binary_operator": {
        const a = c(childByField(expr, "left"));
        const b = c(childByField(expr, "right"));
        const op = this.between(childByField(expr, "left"), childByField(expr, "right"));
        if (typeof a === "number" && typeof b === "number") {
          switch (op) {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            case "//": return b === 0 ? undefined : Math.floor(a / b);
            case "%": return b === 0 ? undefined : ((a % b) + b) % b;
          }
        }
        if (typeof a === "string" && typeof b === "string" && op === "+") return a + b;
        return undefined;
      }
      case "comparison_operator": {
        const parts = expr.children.filter((ch) => ch.type !== "comment");
        if (parts.length !== 2) return undefined;
        const a = c(parts[0]);
        const b = c(parts[1]);
        if (a === undefined || b === undefined) return undefined;
        switch (this.between(parts[0], parts[1])) {
          case ">": return a > b;
          case "<": return a < b;
          case ">=": return a >= b;
          case "<=": return a <= b;
          case "==": return a === b;
          case "!=": return a !== b;
        }
        return undefined;
      }
      case "boolean_operator": {
        const a = c(childByField(expr, "left"));
        const b = c(childByField(expr, "right"));
        if (a === undefined || b === undefined) return undefined;
        return this.between(childByField(expr, "left"), childByField(expr, "right")) === "and" ? Boolean(a) && Boolean(b) : Boolean(a) || Boolean(b);
      }
    }
    return undefined;
  }

  /** The operator text between two operands (anonymous tokens are not in the tree). */
  private between(a: SyntaxNode | undefined, b: SyntaxNode | undefined): string {
    return a && b ? this.model.tree.source.slice(a.end, b.start).replace(/[()\s]/g, "") : "";
  }

  /** Whether a constant condition (`if 7 * 42 - num > 200:`, `match` on a constant) rules out the code at `node`. */
  private deadCode(node: SyntaxNode): boolean {
    for (let n: SyntaxNode | null = node; n && !FUNCTIONS.has(n.type); n = n.parent) {
      if (this.branchTruth(n) === false) return true;
    }
    return false;
  }

  /** For a branch body: true when a constant condition always takes it, false when never; else undefined. */
  private branchTruth(body: SyntaxNode): boolean | undefined {
    const parent = body.parent;
    if (!parent) return undefined;
    if ((parent.type === "if_statement" || parent.type === "elif_clause") && body === childByField(parent, "consequence")) {
      const v = this.constant(childByField(parent, "condition"), parent);
      return v === undefined ? undefined : Boolean(v);
    }
    if (parent.type === "else_clause" && parent.parent?.type === "if_statement" && !parent.parent.children.some((c) => c.type === "elif_clause")) {
      const v = this.constant(childByField(parent.parent, "condition"), parent.parent);
      return v === undefined ? undefined : !v;
    }
    if (parent.type === "case_clause" && body.type === "block") {
      const match = parent.parent?.parent;
      const subject = match?.type === "match_statement" ? this.constant(childByField(match, "subject"), match) : undefined;
      if (subject === undefined) return undefined;
      const patterns = parent.children.filter((c) => c.type === "case_pattern");
      if (parent.children.some((c) => c.type === "if" || c.type === "if_clause")) return undefined;
      // A case after one that is always taken never runs.
      for (const earlier of parent.parent?.children ?? []) {
        if (earlier === parent) break;
        const earlierBody = earlier.type === "case_clause" ? earlier.children.find((c) => c.type === "block") : undefined;
        if (earlierBody && this.branchTruth(earlierBody) === true) return false;
      }
      const values = patterns.flatMap((p) => descendants(p, (d) => d.type === "string" || d.type === "integer" || (d.type === "identifier" && this.text(d) === "_")).concat(p.children.length === 0 && this.text(p) === "_" ? [p] : []));
      if (patterns.some((p) => this.text(p).trim() === "_")) return true;
      if (values.some((v) => this.constant(v, parent) === subject)) return true;
      return values.length && values.every((v) => this.constant(v, parent) !== undefined) ? false : undefined;
    }
    return undefined;
  }

  /** Whether a definition at `def` always runs before `at`: its block encloses `at`, or only always-taken branches separate them. */
  private dominates(def: SyntaxNode, at: SyntaxNode): boolean {
    let stmt: SyntaxNode | null = def;
    for (;;) {
      while (stmt && stmt.parent && stmt.parent.type !== "block" && stmt.parent.type !== "module") stmt = stmt.parent;
      const block: SyntaxNode | null | undefined = stmt?.parent;
      if (!stmt || !block) return false;
      if (isAncestor(block, at)) return true;
      if (this.branchTruth(block) !== true) return false;
      stmt = block.parent;
    }
  }

  /** The function definition a callee names in this module (`f`, `self.m` in a method of the same class). */
  localFunction(callee: SyntaxNode, scope: Scope): SyntaxNode | undefined {
    if (callee.type === "identifier") {
      for (const b of this.model.lookup(this.text(callee), scope, callee) ?? []) {
        if (b.kind === "function" && b.site.type === "function_definition") return b.site;
        if (b.kind === "function" && b.site.parent?.type === "function_definition") return b.site.parent;
        if (b.kind === "assignment" && b.value?.type === "lambda") return b.value;
        // `load = functools.partial(_load, encoding="latin1")`: keywords only, so positions are the function's own.
        if (b.kind === "assignment" && b.value?.type === "call") {
          const f = childByField(b.value, "function");
          const args = new CallArguments(b.value, this.model.tree.source);
          if (f && args.positional.length === 1 && args.positional[0].type === "identifier" && !args.hasStarArgs && this.model.resolve(f, b.scope).some((r) => r.name === "functools.partial")) {
            const inner = this.localFunction(args.positional[0], b.scope);
            if (inner) return inner;
          }
        }
      }
      return undefined;
    }
    if (callee.type === "subscript") {
      // `DECODERS["pickle"](data)` where `DECODERS = {"pickle": lambda b: pickle.loads(b), ...}`: the entry at a literal key.
      const table = childByField(callee, "value");
      const key = this.constant(childByField(callee, "subscript"), callee);
      if (table?.type !== "identifier" || typeof key !== "string") return undefined;
      for (const b of this.model.lookup(this.text(table), scope, callee) ?? []) {
        if (b.kind !== "assignment" || b.value?.type !== "dictionary") continue;
        for (const pair of b.value.children) {
          if (pair.type !== "pair" || this.constant(childByField(pair, "key"), pair) !== key) continue;
          const value = childByField(pair, "value");
          if (value?.type === "lambda") return value;
          if (value?.type === "identifier") return this.localFunction(value, b.scope);
        }
      }
      return undefined;
    }
    if (callee.type === "attribute") {
      const object = childByField(callee, "object");
      const attr = childByField(callee, "attribute");
      if (!object || !attr) return undefined;
      const method = this.text(attr);
      // `self.m`: the class's own method, else one a base class (a mixin) of this file defines.
      if (object.type === "identifier" && this.text(object) === "self") {
        const cls = enclosingClass(callee);
        return cls && this.methodOf(cls, method);
      }
      // `super().m`: the method of a base class of this file.
      if (object.type === "call" && this.text(childByField(object, "function") ?? object) === "super") {
        const cls = enclosingClass(callee);
        for (const base of cls ? this.model.classAncestors(cls, this.model.module) : []) {
          const def = base.localClass && this.methodOf(base.localClass, method);
          if (def) return def;
        }
        return undefined;
      }
      // `obj.m` / `Cls().m` on an instance of a class of this file (or of its subclass defined here).
      if (object.type === "identifier" || object.type === "call") {
        for (const c of this.classesOf(object, scope, true)) {
          const def = c.local && this.methodOf(c.local, method);
          if (def) return def;
        }
      }
    }
    return undefined;
  }

  /**
   * Summary mode: `self.field` read in a method, where the method itself has not just set it, is what the object
   * holds in that field: its first step names the field (see `FieldStore`, `fieldFlowInto`).
   */
  private selfField(node: SyntaxNode, object: SyntaxNode, field: string): Taint | undefined {
    const fn = enclosingFunction(node);
    const cls = fn && methodClass(fn);
    if (!fn || !cls || object.type !== "identifier" || parameterNames(fn, this.model)[0] !== this.text(object) || this.text(object) === "cls") return undefined;
    const setHere = (this.definitionsOf(fn).get(this.text(object)) ?? []).some((d) => d.key === field && d.node.start < node.start && this.dominates(d.node, node));
    if (setHere) return undefined;
    const className = this.text(childByField(cls, "name") ?? cls);
    return { kind: "data", steps: [{ node, message: `field ${code(`${this.text(object)}.${field}`)} of a ${code(className)} object`, field }] };
  }

  /** Whether a flow starts at a parameter of `fn` itself (summary mode). */
  private fromParameterOf(steps: readonly FlowStep[], fn: SyntaxNode): boolean {
    const first = steps[0];
    return first?.parameter !== undefined && first.node !== undefined && enclosingCallable(first.node) === fn;
  }

  /** The flows by which a local function returns what it is passed (from one of its own parameters), once per function. */
  private readonly passThroughs = new Map<SyntaxNode, readonly FlowStep[] | undefined>();
  /** How many pass-through summaries are being worked out inside one another (see `MAX_PASS_THROUGH_NESTING`). */
  private passThroughNesting = 0;

  /**
   * What a local function returns of its parameters (`def unwrap(b): return base64.b64decode(b)`, a generator that
   * yields `sock.recv(n)`): the summary-mode flow from the parameter to the return, so that a call passing it
   * untrusted data returns untrusted data at the call, and the sink that receives it is the one reported. Worked out
   * once per function by the summary-mode tracker, each from depth 0, so a chain of helpers is not cut by the
   * expression depth; a function whose summary is being worked out (recursion) has none meanwhile.
   */
  private passThrough(fn: SyntaxNode): readonly FlowStep[] | undefined {
    if (!this.parameters) return this.summaryMode().passThrough(fn);
    if (this.passThroughs.has(fn)) return this.passThroughs.get(fn);
    if (this.passThroughNesting >= MAX_PASS_THROUGH_NESTING) return undefined;
    this.passThroughs.set(fn, undefined);
    this.passThroughNesting++;
    // A question of its own (see \`MAX_DATA_FLOW_STEPS\`): worked out once and kept, its cost is not the asker's.
    const asked = this.steps;
    this.steps = 0;
    try {
      const steps = this.returnFlow(fn);
      const found = steps && this.fromParameterOf(steps, fn) ? steps : undefined;
      this.passThroughs.set(fn, found);
      return found;
    } finally {
      this.passThroughNesting--;
      this.steps = asked;
    }
  }

  /** The tracker of the same file in summary mode (parameters and fields of `self` are sources). */
  summaryMode(): TaintTracker {
    if (this.parameters) return this;
    return (this.summaryTracker ??= new TaintTracker(this.model, true, this.extra, this.facts));
  }

  private summaryTracker?: TaintTracker;

  /** Summary mode: what `fn` (a method) stores on `self` from its parameters (`self.data = data`). */
  fieldStores(fn: SyntaxNode): FieldStore[] {
    const tracker = this.summaryMode();
    const self = parameterNames(fn, this.model)[0];
    const scope = tracker.scopeOf(fn);
    if (!self || !scope || !methodClass(fn)) return [];
    const out: FieldStore[] = [];
    for (const a of descendants(childByField(fn, "body"), (n) => n.type === "assignment")) {
      const left = childByField(a, "left");
      const right = childByField(a, "right");
      const object = left?.type === "attribute" ? childByField(left, "object") : undefined;
      const field = left && this.text(childByField(left, "attribute") ?? left);
      if (!right || !field || object?.type !== "identifier" || this.text(object) !== self || out.some((s) => s.field === field)) continue;
      const t = tracker.eval(right, a, scope, 0);
      const parameter = t?.kind === "data" ? t.steps[0]?.parameter : undefined;
      if (!t || !parameter) continue;
      out.push({ field, parameter, position: callPosition(fn, parameter, this.model), steps: [...t.steps, this.step(left!, `stored in ${code(this.text(left!))}`)] });
    }
    return out;
  }

  /**
   * The fields the generated `__init__` of a dataclass, attrs or pydantic class defined here stores: its annotated
   * class-level fields (and `attr.ib()`s) in order; pydantic models take keywords only.
   */
  declaredFieldStores(cls: SyntaxNode): FieldStore[] {
    const decorated = cls.parent?.type === "decorated_definition" ? cls.parent : undefined;
    const scope = this.model.module;
    const names = (n: SyntaxNode) => this.model.resolve(n, scope).map((r) => r.name);
    const decorators = (decorated?.children ?? []).filter((d) => d.type === "decorator").flatMap((d) => {
      const e = d.children.find((c) => c.type !== "@");
      return e ? names(e.type === "call" ? childByField(e, "function") ?? e : e) : [];
    });
    const generated = decorators.some((n) => DECLARED_FIELDS_DECORATORS.test(n.replace(/\(\)$/, "")));
    const keywordOnly = !generated && (childByField(cls, "superclasses")?.children ?? []).some((b) => names(b).some((n) => /^pydantic(\.v1)?\.(main\.)?BaseModel$|^sqlmodel\.SQLModel$/.test(n)));
    if (!generated && !keywordOnly) return [];
    const className = this.text(childByField(cls, "name") ?? cls);
    const out: FieldStore[] = [];
    for (const stmt of childByField(cls, "body")?.children ?? []) {
      const a = stmt.type === "expression_statement" ? stmt.children[0] : undefined;
      const left = a?.type === "assignment" ? childByField(a, "left") : undefined;
      if (!a || left?.type !== "identifier") continue;
      const type = childByField(a, "type");
      const right = childByField(a, "right");
      const attrsField = right?.type === "call" && names(childByField(right, "function") ?? right).some((n) => /^attrs?\.(ib|attrib|field)$/.test(n));
      if (type ? /\bClassVar\b/.test(this.text(type)) : !attrsField) continue;
      const field = this.text(left);
      out.push({ field, parameter: field, position: keywordOnly ? -1 : out.length, steps: [{ node: left, message: `field ${code(field)} of ${code(className)}, set by its constructor`, parameter: field }] });
    }
    return out;
  }

  /** The method `name` of a class defined in this file, or of a base class defined here. */
  methodOf(cls: SyntaxNode, name: string): SyntaxNode | undefined {
    const classes = [cls, ...this.model.classAncestors(cls, this.model.module).flatMap((r) => (r.localClass ? [r.localClass] : []))];
    for (const c of classes) {
      const def = this.methodsOf(c).get(name);
      if (def) return def;
    }
    return undefined;
  }

  /**
   * A class's own methods by name (the first `def` of each), worked out once per class: looking each call's method up
   * in the class body made a class of thousands of methods calling one another quadratic (9,000: 1.5 s).
   */
  private methodsOf(cls: SyntaxNode): Map<string, SyntaxNode> {
    const byClass = (this.facts.classMethods ??= new Map());
    let methods = byClass.get(cls);
    if (methods) return methods;
    methods = new Map();
    for (const stmt of childByField(cls, "body")?.children ?? []) {
      const def = stmt.type === "decorated_definition" ? childByField(stmt, "definition") : stmt;
      if (def?.type !== "function_definition") continue;
      const name = this.text(childByField(def, "name") ?? def);
      if (!methods.has(name)) methods.set(name, def);
    }
    byClass.set(cls, methods);
    return methods;
  }

  /**
   * The classes an expression is an instance of (`instance`), or denotes. `method`: what the caller will look up;
   * a class-like name of another module that the project index does not know yet is noted as demand for it.
   */
  classesOf(expr: SyntaxNode, scope: Scope, instance: boolean, method?: string): ClassRef[] {
    const out: ClassRef[] = [];
    for (const r of this.model.resolve(expr, scope)) {
      const local = instance ? r.instanceOf : r.localClass;
      const project = instance ? r.projectInstance : r.projectClass;
      if (local) out.push({ local, name: this.text(childByField(local, "name") ?? local) });
      else if (project) out.push({ project: project.name, name: project.name.slice(project.name.lastIndexOf(".") + 1) });
      else if (method) {
        // A class of a module summarised only for its flows (it holds no sink): known by its methods' summaries.
        const cls = instance ? (r.name.endsWith("()") ? r.name.slice(0, -2) : undefined) : r.name;
        if (!cls || !/^[A-Za-z_][\w.]*\.[A-Z]\w*$/.test(cls) || cls.startsWith("builtins.")) continue;
        if (!this.model.project) {
          if (this.demand.size < MAX_DEMAND) this.demand.add(`${cls}.${method}`);
        } else if (this.model.project.flows?.(`${cls}.${method}`)?.length) out.push({ project: cls, name: cls.slice(cls.lastIndexOf(".") + 1) });
      }
    }
    return out;
  }

  /** What calling `method` of an object of class `cls` stores on it, from its parameters. */
  private storesOf(cls: ClassRef, method: string): FieldStore[] {
    if (cls.local) {
      const fn = this.methodOf(cls.local, method);
      if (fn) return this.fieldStores(fn);
      const declared = method === "__init__" ? this.declaredFieldStores(cls.local) : [];
      if (declared.length) return declared;
      // Inherited from a base class of another module: what its summary says.
      for (const base of this.model.classAncestors(cls.local, this.model.module)) {
        if (!base.projectClass) continue;
        const stores = this.storesOf({ project: base.projectClass.name, name: cls.name }, method);
        if (stores.length) return stores;
      }
      return [];
    }
    const out: FieldStore[] = [];
    const found = this.model.project?.flows?.(`${cls.project}.${method}`);
    // Not summarised yet: the whole-program pass summarises the class's module (see `flowDemand`).
    if (!found && this.demand.size < MAX_DEMAND) this.demand.add(`${cls.project}.${method}`);
    for (const r of found ?? []) {
      for (const s of r.flows.stores ?? []) out.push({ field: s.field, parameter: s.parameter, position: s.position, steps: s.steps.map(remoteStep) });
    }
    return out;
  }

  /**
   * The untrusted data the object `receiver` holds in its field `field` when `site` (a call of one of its methods)
   * runs: passed to its constructor (`Job(request.data).run()`), assigned to the field (`job.data = ...`), or passed
   * to a method that stores it (`job.load(request.data)`). In summary mode, also a parameter of the caller, or a field
   * of `self` when the receiver is `self`.
   */
  fieldFlowInto(receiver: SyntaxNode, field: string, site: SyntaxNode, scope: Scope): FlowResult | undefined {
    const taint = this.fieldTaint(receiver, field, site, scope, 0);
    if (!taint || taint.kind !== "data") return undefined;
    const guard = this.guardOf(site);
    if (guard === "verified") return undefined;
    return { steps: taint.steps, ...(guard ? { weakGuard: guard } : {}) };
  }

  private fieldTaint(receiver: SyntaxNode, field: string, at: SyntaxNode, scope: Scope, depth: number): Taint | undefined {
    if (depth > 6) return undefined;
    if (receiver.type === "parenthesized_expression") {
      const inner = receiver.children.find((c) => c.type !== "(" && c.type !== ")");
      return inner && this.fieldTaint(inner, field, at, scope, depth + 1);
    }
    if (receiver.type === "call") {
      const callee = childByField(receiver, "function");
      for (const cls of callee ? this.classesOf(callee, scope, false, "__init__") : []) {
        const t = this.storedBy(receiver, cls, "__init__", field, at, scope, depth, `passed to ${code(cls.name + "()")}`);
        if (t) return t;
      }
      return undefined;
    }
    if (receiver.type !== "identifier") return undefined;
    const name = this.text(receiver);
    const fn = enclosingFunction(receiver);
    const body: SyntaxNode = fn ?? this.model.tree.root;
    // Latest first: assignments to the name or its field, and calls of its methods that store the field.
    const events: { node: SyntaxNode; def?: Definition; call?: SyntaxNode }[] = [];
    for (const d of (this.definitionsOf(body).get(name) ?? []).filter((d) => d.node.start < at.start && d.kind !== "parameter")) events.push({ node: d.node, def: d });
    for (const call of this.methodCallsOn(name)) {
      if (call.end <= at.start && enclosingFunction(call) === fn && call !== at) events.push({ node: call, call });
    }
    events.sort((a, b) => b.node.start - a.node.start);
    for (const e of events) {
      if (e.call) {
        const callee = childByField(e.call, "function")!;
        const method = this.text(childByField(callee, "attribute") ?? callee);
        for (const cls of this.classesOf(receiver, scope, true, method)) {
          const t = this.storedBy(e.call, cls, method, field, e.call, scope, depth, `passed to ${code(`${name}.${method}()`)}`);
          if (t) return t;
        }
        continue;
      }
      const d = e.def!;
      if (this.deadCode(d.node)) continue;
      if (d.kind === "augment" && d.key === field && d.value) {
        const t = this.eval(d.value, d.node, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(d.node.parent ?? d.node, `stored in ${code(`${name}.${field}`)}`)] };
        if (this.dominates(d.node, at)) return undefined;
        continue;
      }
      if (d.kind === "assign" && d.value) {
        const t = this.fieldTaint(d.value, field, d.node, scope, depth + 1);
        if (t) return { kind: "data", steps: [...t.steps, this.step(d.node, `assigned to ${code(name)}`)] };
        if (this.dominates(d.node, at)) return undefined;
      }
    }
    // `self.run()` in another method of the class: what the object holds, as the caller's own field.
    if (this.parameters && fn && methodClass(fn) && parameterNames(fn, this.model)[0] === name && name !== "cls") return this.selfField(receiver, receiver, field);
    return undefined;
  }

  /** The taint a call of `method` (of class `cls`) puts in `field`: the argument its store reads from. */
  private storedBy(call: SyntaxNode, cls: ClassRef, method: string, field: string, at: SyntaxNode, scope: Scope, depth: number, message: string): Taint | undefined {
    for (const s of this.storesOf(cls, method)) {
      if (s.field !== field) continue;
      const arg = new CallArguments(call, this.model.tree.source).find(s.parameter, s.position >= 0 ? s.position : undefined);
      const t = arg && this.eval(arg, at, scope, depth);
      if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(call, message), ...s.steps] };
    }
    return undefined;
  }

  /** The untrusted data a function returns (from a source, or in summary mode from a parameter): the steps to the return. */
  returnFlow(fn: SyntaxNode): FlowStep[] | undefined {
    const t = this.returnTaint(fn, 0);
    return t?.kind === "data" ? t.steps : undefined;
  }

  private returnTaint(fn: SyntaxNode, depth: number): Taint | undefined {
    const scope = this.scopeOf(fn);
    if (!scope) return undefined;
    const lambdaBody = fn.type === "lambda" ? childByField(fn, "body") : undefined;
    if (lambdaBody) {
      const t = this.eval(lambdaBody, lambdaBody, scope, depth);
      return t?.kind === "data" ? { kind: "data", steps: [...t.steps, this.step(lambdaBody, "returned by the lambda")] } : undefined;
    }
    // What a generator yields is what iterating its result gives.
    for (const ret of descendants(childByField(fn, "body"), (n) => n.type === "return_statement" || (n.type === "yield" && n.children.length > 0))) {
      const value = ret.children.find((c) => c.type !== "return" && c.type !== "yield" && c.type !== "from");
      if (!value) continue;
      const t = this.eval(value, ret, scope, depth);
      if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(ret, ret.type === "yield" ? "yielded" : "returned")] };
    }
    return undefined;
  }

  /** The scope of `fn`'s body when a call is in it (directly), else the module's. */
  scopeOf(fn: SyntaxNode): Scope | undefined {
    if (!this.facts.callScopes) {
      // A call whose scope is a function's is in that function's body: one look at every call serves every function.
      const scopes = (this.facts.callScopes = new Map());
      for (const { scope } of this.model.calls) if (!scopes.has(scope.node)) scopes.set(scope.node, scope);
    }
    return this.facts.callScopes.get(fn) ?? this.model.module;
  }

  /** The calls of a method of the plain name `name` (`name.m(...)`) anywhere in the file, in the model's order. */
  private methodCallsOn(name: string): readonly SyntaxNode[] {
    let byName = this.facts.methodCalls;
    if (!byName) {
      byName = this.facts.methodCalls = new Map();
      for (const { node } of this.model.calls) {
        const callee = childByField(node, "function");
        const object = callee?.type === "attribute" ? childByField(callee, "object") : undefined;
        if (object?.type !== "identifier") continue;
        const key = this.text(object);
        const list = byName.get(key);
        if (list) list.push(node);
        else byName.set(key, [node]);
      }
    }
    return byName.get(name) ?? [];
  }

  private definitionsOf(fn: SyntaxNode): Map<string, Definition[]> {
    let map = this.facts.definitions.get(fn);
    if (map) return map;
    map = new Map();
    this.facts.definitions.set(fn, map);
    const add = (name: string, d: Definition) => {
      let list = map!.get(name);
      if (!list) map!.set(name, (list = []));
      list.push(d);
    };
    const bindTargets = (target: SyntaxNode | undefined, d: Omit<Definition, "node">, value?: SyntaxNode) => {
      if (!target) return;
      if (target.type === "identifier") return add(this.text(target), { ...d, node: target, ...(value ? { value } : {}) });
      if (["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list"].includes(target.type)) {
        const parts = target.children.filter((c) => c.type !== "," && c.type !== "(" && c.type !== ")" && c.type !== "[" && c.type !== "]");
        const values = value && ["tuple", "list", "expression_list"].includes(value.type) ? value.children.filter((c) => c.type !== "," && c.type !== "(" && c.type !== ")" && c.type !== "[" && c.type !== "]") : undefined;
        parts.forEach((p, i) => bindTargets(p.type === "list_splat_pattern" ? p.children[1] : p, d, values && values.length === parts.length ? values[i] : value));
      }
    };
    for (const name of parameterNames(fn, this.model)) {
      const p = parameterNodes(fn).find((n) => this.text(n) === name);
      if (p) add(name, { node: p, kind: "parameter" });
    }
    for (const p of childByField(fn, "parameters")?.children ?? []) {
      const kind = p.type === "list_splat_pattern" ? "*" : p.type === "dictionary_splat_pattern" ? "**" : undefined;
      const id = p.children.find((c) => c.type === "identifier");
      if (!kind || !id) continue;
      const before = parameterNodes(fn).filter((n) => n.start < p.start).map((n) => this.text(n));
      const position = before.length - (before[0] === "self" || before[0] === "cls" ? 1 : 0);
      add(this.text(id), { node: id, kind: "parameter", splat: { kind, position } });
    }
    // Iterative, so hostile nesting cannot overflow the stack; the order does not matter (uses sort by position).
    const stack: SyntaxNode[] = [...(childByField(fn, "body") ?? fn).children];
    while (stack.length) {
      const c = stack.pop()!;
      {
        if (NESTED.has(c.type)) continue;
        switch (c.type) {
          case "assignment": {
            const right = childByField(c, "right");
            const left = childByField(c, "left");
            if (left?.type === "subscript" || left?.type === "attribute") {
              // `m[k] = v`, `o.a = v`: the container takes the value's taint, on top of what it held.
              const base = childByField(left, left.type === "subscript" ? "value" : "object");
              const key = left.type === "subscript" ? keyOf(this.constant(childByField(left, "subscript"), c)) : this.text(childByField(left, "attribute") ?? left);
              if (base?.type === "identifier" && right) add(this.text(base), { node: base, kind: "augment", value: right, ...(key !== undefined ? { key } : {}) });
            } else bindTargets(left, { kind: "assign" }, right);
            break;
          }
          case "call": {
            // `parts.append(x)`, `.extend`, `.insert`, `.add`, `.update`: the container takes what is put in.
            const callee = childByField(c, "function");
            const object = callee?.type === "attribute" ? childByField(callee, "object") : undefined;
            const method = callee?.type === "attribute" ? this.text(childByField(callee, "attribute") ?? callee) : "";
            const args = childByField(c, "arguments");
            if (object?.type === "identifier" && args && CONTAINER_ADDERS.has(method)) add(this.text(object), { node: object, kind: "augment", value: args });
            this.fileWrites(c, add);
            break;
          }
          case "augmented_assignment":
            bindTargets(childByField(c, "left"), { kind: "augment" }, childByField(c, "right"));
            break;
          case "named_expression":
            bindTargets(childByField(c, "name"), { kind: "assign" }, childByField(c, "value"));
            break;
          case "for_statement":
            bindTargets(childByField(c, "left"), { kind: "loop" }, childByField(c, "right"));
            break;
          case "with_item": {
            const value = childByField(c, "value");
            if (value?.type === "as_pattern") bindTargets(childByField(value, "alias")?.children[0] ?? childByField(value, "alias"), { kind: "with" }, value.children[0]);
            break;
          }
        }
        for (const child of c.children) stack.push(child);
      }
    }
    for (const list of map.values()) list.sort((a, b) => a.node.start - b.node.start);
    return map;
  }

  /**
   * Writes that make a file hold data: `upload.save(path)` (werkzeug, Django files), `f.write(data)` or
   * `shutil.copyfileobj(src, f)` in `with open(path, "wb") as f:`. The name of the path (`path`) then also holds what
   * was written, so a later `torch.load(path)` reads it.
   */
  private fileWrites(call: SyntaxNode, add: (name: string, d: Definition) => void): void {
    const callee = childByField(call, "function");
    const method = callee?.type === "attribute" ? this.text(childByField(callee, "attribute") ?? callee) : undefined;
    const calleeText = callee ? this.text(callee) : "";
    if (calleeText === "urlretrieve" || calleeText.endsWith(".urlretrieve")) {
      // `urlretrieve(url, path)`: the file at `path` holds what was downloaded.
      const target = new CallArguments(call, this.model.tree.source).find("filename", 1);
      if (target?.type === "identifier") add(this.text(target), { node: call, kind: "augment", value: call, verb: "downloaded to the file at" });
      return;
    }
    if (method !== "save" && method !== "write" && method !== "writelines" && !calleeText.endsWith("copyfileobj")) return;
    const args = new CallArguments(call, this.model.tree.source);
    const object = callee?.type === "attribute" ? childByField(callee, "object") : undefined;
    if (method === "save" && object) {
      const target = args.find("dst", 0);
      if (target?.type === "identifier") add(this.text(target), { node: call, kind: "augment", value: object, verb: "saved to the file at" });
      return;
    }
    let file: SyntaxNode | undefined;
    let value: SyntaxNode | undefined;
    if ((method === "write" || method === "writelines") && object?.type === "identifier") [file, value] = [object, args.positional[0]];
    else if (callee && /^(shutil\.)?copyfileobj$/.test(this.text(callee))) [file, value] = [args.find("fdst", 1), args.find("fsrc", 0)];
    if (file?.type !== "identifier" || !value) return;
    const name = this.text(file);
    for (let n = call.parent; n && !NESTED.has(n.type); n = n.parent) {
      if (n.type !== "with_statement") continue;
      for (const item of descendants(n, (d) => d.type === "with_item")) {
        const v = childByField(item, "value");
        const alias = v?.type === "as_pattern" ? childByField(v, "alias") : undefined;
        const opened = v?.type === "as_pattern" ? v.children[0] : undefined;
        if (!alias || this.text(alias) !== name || opened?.type !== "call" || !/^(io\.)?open$|\.open$/.test(this.text(childByField(opened, "function") ?? opened))) continue;
        const openArgs = new CallArguments(opened, this.model.tree.source);
        const path = childByField(opened, "function")?.type === "attribute" && !/^io\.open$/.test(this.text(childByField(opened, "function")!)) ? childByField(childByField(opened, "function")!, "object") : openArgs.find("file", 0);
        const mode = this.constant(openArgs.find("mode", childByField(opened, "function")?.type === "attribute" && !/^io\.open$/.test(this.text(childByField(opened, "function")!)) ? 0 : 1), opened);
        if (path?.type === "identifier" && typeof mode === "string" && /[wax]/.test(mode)) add(this.text(path), { node: call, kind: "augment", value, verb: "written to the file at" });
        return;
      }
    }
  }

  /**
   * Whether the sink at `site` runs only where a constant-time HMAC check passed ("verified"), or behind a plain `==`
   * of a MAC (a step describing the weak check), or unguarded (undefined).
   */
  private guardOf(site: SyntaxNode): "verified" | FlowStep | undefined {
    let weak: FlowStep | undefined;
    const judge = (condition: SyntaxNode): "verified" | FlowStep | undefined => {
      const calls = descendants(condition, (n) => n.type === "call");
      const scope = this.model.module;
      for (const call of [condition, ...calls]) {
        if (call.type !== "call") continue;
        const callee = childByField(call, "function");
        const names = callee ? this.model.resolve(callee, scope).map((r) => r.name) : [];
        const calleeText = callee ? this.text(callee) : "";
        if (names.some((n) => VERIFIERS.includes(n)) || /(^|\.)compare_digest$/.test(calleeText)) return "verified";
      }
      if (/==|!=/.test(this.text(condition)) && calls.some((c) => {
        const callee = childByField(c, "function");
        const text = callee ? this.text(callee) : "";
        return /(^|\.)(hexdigest|digest)$/.test(text) || MAC_CALLS.some((m) => m.test(text));
      })) return { node: condition, message: "guarded by a MAC compared with `==`, which is not constant-time" };
      return undefined;
    };
    for (let n: SyntaxNode | null = site; n && !FUNCTIONS.has(n.type); n = n.parent) {
      const parent = n.parent;
      if (!parent) break;
      // `if verify(...): load(...)`
      if ((parent.type === "if_statement" || parent.type === "elif_clause") && n === childByField(parent, "consequence")) {
        const condition = childByField(parent, "condition");
        if (condition && !/^not\b/.test(this.text(condition))) {
          const g = judge(condition);
          if (g === "verified") return g;
          weak ??= g;
        }
      }
      // `if not verify(...): abort()` earlier in an enclosing block.
      if (parent.type === "block" || parent.type === "module") {
        for (const sibling of parent.children) {
          if (sibling.start >= n.start) break;
          if (sibling.type !== "if_statement") continue;
          const condition = childByField(sibling, "condition");
          const body = childByField(sibling, "consequence");
          if (!condition || !body || !exits(body, this.model)) continue;
          if (!/^not\b/.test(this.text(condition)) && !/!=/.test(this.text(condition))) continue;
          const g = judge(condition);
          if (g === "verified") return g;
          weak ??= g;
        }
      }
    }
    return weak;
  }
}

function exits(body: SyntaxNode, model: SemanticModel): boolean {
  const last = body.children.at(-1);
  if (!last) return false;
  if (BLOCK_ENDERS.has(last.type)) return true;
  return last.type === "expression_statement" && /^(abort|flask\.abort|sys\.exit|exit)\(/.test(model.text(last));
}

/** The statement (a direct child of a block or the module) that holds `node`. */
function statementOf(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = node;
  while (n && n.parent && n.parent.type !== "block" && n.parent.type !== "module") n = n.parent;
  return n?.parent ? n : undefined;
}

/** Whether `node` sits in a function, class or lambda nested in `fn`. */
function NESTED_IN(node: SyntaxNode, fn: SyntaxNode): boolean {
  for (let n = node.parent; n && n !== fn; n = n.parent) if (NESTED.has(n.type)) return true;
  return false;
}

function negative(text: string): number | undefined {
  const m = /^-\s*(\d+)$/.exec(text);
  return m ? -Number(m[1]) : undefined;
}

/** Every node under `root` (nested definitions included) that matches, in source order. */
function descendantsAll(root: SyntaxNode, match: (n: SyntaxNode) => boolean): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [...root.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (match(n)) out.push(n);
    stack.push(...n.children);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What identifies a flow's source: its first step that names one (else its first step). */
function sourceKey(steps: FlowStep[]): SyntaxNode | string {
  const s = steps.find((step) => step.message.startsWith("source: ")) ?? steps[0];
  return s.node ?? `${s.place.file}:${s.place.line}:${s.place.column}:${s.message}`;
}

function remoteStep(s: PlacedStep): RemoteStep {
  return { place: s.place, message: s.message };
}

/** Where a node is, as a finding's location (the snippet is its first line). */
export function placeOf(node: SyntaxNode, path: string, source: string): Location {
  const lineStart = source.lastIndexOf("\n", node.start - 1) + 1;
  const lineEnd = source.indexOf("\n", node.start);
  const snippet = source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd).replace(/\r$/, "");
  return { file: path, line: node.startRow + 1, column: node.startCol + 1, endLine: node.endRow + 1, endColumn: node.endCol + 1, snippet };
}

function keyOf(v: string | number | boolean | undefined): string | number | undefined {
  return typeof v === "boolean" ? undefined : v;
}

/** Whether `node` is in module-level code: in no function, class body or lambda. */
function topLevel(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (NESTED.has(n.type)) return false;
  return true;
}

/** The nearest function definition or lambda around `node`. */
export function enclosingCallable(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (FUNCTIONS.has(n.type)) return n;
  return undefined;
}

/** A function's name; a lambda's is the name it is assigned to (`loads = lambda b: ...`), else `<lambda>`. */
export function callableName(fn: SyntaxNode, model: SemanticModel): string {
  if (fn.type !== "lambda") return model.text(childByField(fn, "name") ?? fn);
  const left = fn.parent?.type === "assignment" ? childByField(fn.parent, "left") : undefined;
  return left?.type === "identifier" ? model.text(left) : "<lambda>";
}

export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === "function_definition") return n;
  return undefined;
}

/** The class a function is a method of (defined directly in its body), if any. */
export function methodClass(fn: SyntaxNode): SyntaxNode | undefined {
  const container = fn.parent?.type === "decorated_definition" ? fn.parent.parent : fn.parent;
  return container?.type === "block" && container.parent?.type === "class_definition" ? container.parent : undefined;
}

/** What a file must mention for `registeredCallback` and `declaredParameter` to find anything (a cheap first check). */
const REGISTRAR_WORDS = /\b(gradio|asyncio|websockets|socketio|flask_socketio|xmlrpc|SimpleXMLRPCServer|jsonrpc|jsonrpcserver|bentoml|celery|shared_task|dramatiq|huey)\b/;
/** What a file must mention for `callbackMethod` to find anything. */
const CALLBACK_BASE_WORDS = /\b(scrapy|channels|tornado|twisted|asyncio|torch_handler)\b|_pb2_grpc\b/;
/** What a file must mention for `rpcEndpoint` to find anything. */
const RPC_WORDS = /\b(Pyro[45]|rpyc|register_instance|exposed_\w+)\b|handlers\b/;
const FRAMEWORK_WORDS = /\b(fastapi|starlette|aiohttp|django|rest_framework|sanic|falcon|tornado|werkzeug|flask|quart|litestar|pyramid)\b/;
const LAMBDA_WORD = /\blambda\b/;

/** Decorators that generate an `__init__` storing the class's declared fields. */
const DECLARED_FIELDS_DECORATORS = /^(dataclasses\.dataclass|pydantic\.dataclasses\.dataclass|attrs?\.(s|attrs|define|frozen|mutable|dataclass))$/;

function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === "class_definition") return n;
  return undefined;
}

function parameterNodes(fn: SyntaxNode): SyntaxNode[] {
  const params = childByField(fn, "parameters");
  const out: SyntaxNode[] = [];
  for (const p of params?.children ?? []) {
    if (p.type === "identifier") out.push(p);
    else if (["default_parameter", "typed_parameter", "typed_default_parameter"].includes(p.type)) {
      const name = childByField(p, "name") ?? p.children.find((c) => c.type === "identifier");
      if (name) out.push(name);
    }
  }
  return out;
}

export function parameterNames(fn: SyntaxNode, model: SemanticModel): string[] {
  return parameterNodes(fn).map((p) => model.text(p));
}

/** The position a call passes `parameter` at (not counting `self`/`cls` of a method), or -1. */
export function callPosition(fn: SyntaxNode, parameter: string, model: SemanticModel): number {
  const names = parameterNames(fn, model);
  const inClass = fn.parent?.parent?.type === "class_definition" || fn.parent?.parent?.parent?.type === "class_definition";
  const plain = inClass && (names[0] === "self" || names[0] === "cls") ? names.slice(1) : names;
  return plain.indexOf(parameter);
}

/** The nodes under `root` that match, outside nested functions, classes and lambdas, in source order. */
export function descendants(root: SyntaxNode | undefined, match: (n: SyntaxNode) => boolean): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = root ? [...root.children] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (NESTED.has(n.type)) continue;
    if (match(n)) out.push(n);
    stack.push(...n.children);
  }
  return out.sort((a, b) => a.start - b.start);
}

function sourceLabel(name: string): string | undefined {
  for (let end = name.length; end > 0; end = name.lastIndexOf(".", end - 1)) {
    const prefix = name.slice(0, end);
    const label = DATA_SOURCES[prefix] ?? DATA_SOURCES[prefix.replace(/\(\)$/, "")];
    if (label) return label;
    if (end <= 0) break;
  }
  return undefined;
}

function short(s: string): string {
  const compact = s.replace(/\s+/g, " ");
  return compact.length > 60 ? compact.slice(0, 57) + "..." : compact;
}

function code(s: string): string {
  return "`" + s + "`";
}
