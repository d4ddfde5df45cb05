import type { DerivedSite, PythonRule, SinkMatch, SinkOutcome, SinkSpec } from "../rule.js";
import { CallArguments } from "../../languages/python/calls.js";
import { childByField } from "../../languages/python/syntax.js";
import { code, defineRule } from "../rule.js";
import { callableName, callPosition, descendants, enclosingCallable, enclosingFunction, methodClass, TaintTracker, type ExtraFlowSpecs, type FieldStore, type FlowResult, type FlowStep } from "../../languages/python/taint/flow.js";
import { boundedSteps, MAX_DEMAND, type FlowSummaryPart, type ModuleFlows } from "../../languages/python/taint/summaries.js";
import type { Scope } from "../../languages/python/semantic/scopes.js";
import { FLOW_NAMES, SOURCE_WORDS } from "../../languages/python/taint/specs.js";
import type { SemanticModel } from "../../languages/python/semantic/model.js";
import type { SyntaxNode } from "../../languages/python/syntax.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { inputArgument } from "./sink-input.js";
import { exportedConstant, trustDemand } from "./trust.js";
import { allowlistDemand } from "../../languages/python/semantic/find-class.js";
import PYTHON_LANG_SEC_040, { admitted, dataOnlyAllowlist } from "./PYTHON-LANG-SEC-040.js";
import PYTHON_LANG_SEC_041 from "./PYTHON-LANG-SEC-041.js";
import PYTHON_LANG_SEC_042 from "./PYTHON-LANG-SEC-042.js";
import PYTHON_LANG_SEC_043 from "./PYTHON-LANG-SEC-043.js";
import PYTHON_LANG_SEC_044 from "./PYTHON-LANG-SEC-044.js";
import PYTHON_LANG_SEC_045 from "./PYTHON-LANG-SEC-045.js";
import PYTHON_LANG_SEC_046 from "./PYTHON-LANG-SEC-046.js";
import PYTHON_LANG_SEC_073 from "./PYTHON-LANG-SEC-073.js";
import PYTHON_ML_SEC_001 from "./PYTHON-ML-SEC-001.js";
import PYTHON_ML_SEC_002 from "./PYTHON-ML-SEC-002.js";
import PYTHON_ML_SEC_003 from "./PYTHON-ML-SEC-003.js";
import PYTHON_ML_SEC_004 from "./PYTHON-ML-SEC-004.js";
import PYTHON_ML_SEC_005 from "./PYTHON-ML-SEC-005.js";
import PYTHON_ML_SEC_006 from "./PYTHON-ML-SEC-006.js";
import PYTHON_ML_SEC_007 from "./PYTHON-ML-SEC-007.js";
import PYTHON_ML_SEC_008 from "./PYTHON-ML-SEC-008.js";
import PYTHON_ML_SEC_009 from "./PYTHON-ML-SEC-009.js";
import PYTHON_ML_SEC_010 from "./PYTHON-ML-SEC-010.js";
import PYTHON_ML_SEC_011 from "./PYTHON-ML-SEC-011.js";
import PYTHON_ML_SEC_012 from "./PYTHON-ML-SEC-012.js";

/** The deserializer rules whose sinks (and their safe-option decisions) this rule reuses. */
const SINK_RULES: readonly PythonRule[] = [
  PYTHON_LANG_SEC_040, PYTHON_LANG_SEC_041, PYTHON_LANG_SEC_042, PYTHON_LANG_SEC_043, PYTHON_LANG_SEC_044,
  PYTHON_LANG_SEC_045, PYTHON_LANG_SEC_046, PYTHON_LANG_SEC_073, PYTHON_ML_SEC_001, PYTHON_ML_SEC_002,
  PYTHON_ML_SEC_003, PYTHON_ML_SEC_004, PYTHON_ML_SEC_005, PYTHON_ML_SEC_006, PYTHON_ML_SEC_007, PYTHON_ML_SEC_008,
  PYTHON_ML_SEC_009, PYTHON_ML_SEC_010, PYTHON_ML_SEC_011, PYTHON_ML_SEC_012,
];

/** One tracker per analysed file and mode: it caches each function's definitions. */
const trackers = new WeakMap<SemanticModel, TaintTracker>();

/** The configured sources and sanitizers of the rule instance analysing a model (see `configuredRule`). */
const configured = new WeakMap<SemanticModel, ExtraFlowSpecs>();

function trackerFor(model: SemanticModel, parameters = false): TaintTracker {
  let t = trackers.get(model);
  if (!t) trackers.set(model, (t = new TaintTracker(model, false, configured.get(model))));
  return parameters ? t.summaryMode() : t;
}

/** The rule with the configuration's sources and sanitizers: every entry point notes them for the model it analyses. */
function configuredRule(rule: PythonRule, extra: ExtraFlowSpecs): PythonRule {
  const bind = (model: SemanticModel) => configured.set(model, extra);
  return {
    ...rule,
    flowNames: [...(rule.flowNames ?? []), ...(extra.sources ?? []), ...(extra.sanitizers ?? [])],
    sinks: rule.sinks.map((s) => ({ ...s, check: (m: SinkMatch) => (bind(m.model), s.check ? s.check(m) : {}) })),
    derivedSites: (model) => (bind(model), wrapperSites(model)),
    flowSummary: (model, path, complete) => (bind(model), flowSummary(model, path, complete)),
  };
}

/** A function of the module whose parameter reaches a sink: its calls are sinks for that argument. */
interface Wrapper {
  fn: SyntaxNode;
  name: string;
  parameter: string;
  position: number;
  target: string;
  /** From the parameter to the sink. */
  steps: FlowStep[];
}

const wrappers = new WeakMap<SemanticModel, Wrapper[]>();
/** The parameters each function of a module is already a wrapper for (see `addWrapper`). */
const wrapperParameters = new WeakMap<SemanticModel, Map<SyntaxNode, Set<string>>>();

/** A method in which a field of `self` reaches a sink: calls of it on an object holding untrusted data there are findings. */
interface FieldSink {
  fn: SyntaxNode;
  cls: SyntaxNode;
  /** `C.m`, for messages. */
  name: string;
  method: string;
  field: string;
  target: string;
  /** From the field's read to the sink. */
  steps: FlowStep[];
}

const fieldSinks = new WeakMap<SemanticModel, FieldSink[]>();

function addFieldSink(model: SemanticModel, fn: SyntaxNode, field: string, steps: FlowStep[], target: string): FieldSink | undefined {
  const cls = methodClass(fn);
  if (!cls) return undefined;
  let list = fieldSinks.get(model);
  if (!list) fieldSinks.set(model, (list = []));
  if (list.some((f) => f.fn === fn && f.field === field) || list.length >= MAX_FIELD_SINKS) return undefined;
  const method = model.text(childByField(fn, "name") ?? fn);
  const f = { fn, cls, name: `${model.text(childByField(cls, "name") ?? cls)}.${method}`, method, field, target, steps };
  list.push(f);
  return f;
}

/** A function whose parameter reaches a sink becomes a wrapper; a method in which a field of `self` does, a field sink. */
function addWrapper(model: SemanticModel, site: SyntaxNode, steps: FlowStep[], target: string): Wrapper | undefined {
  const parameter = steps[0]?.parameter;
  const field = steps[0]?.field;
  // The function (or lambda) whose parameter it is, which need not be the innermost one around the sink.
  const fn = parameter && steps[0]?.node ? enclosingCallable(steps[0].node) : enclosingFunction(site);
  if (fn && field) addFieldSink(model, fn, field, steps, target);
  if (!fn || !parameter) return undefined;
  let list = wrappers.get(model);
  if (!list) wrappers.set(model, (list = []));
  // Looked up by function, not searched for in the list: a module can make thousands of wrappers.
  let byFunction = wrapperParameters.get(model);
  if (!byFunction) wrapperParameters.set(model, (byFunction = new Map()));
  let parameters = byFunction.get(fn);
  if (!parameters) byFunction.set(fn, (parameters = new Set()));
  if (parameters.has(parameter)) return undefined;
  parameters.add(parameter);
  const w = { fn, name: callableName(fn, model), parameter, position: steps[0]?.position ?? callPosition(fn, parameter, model), target, steps };
  list.push(w);
  return w;
}

/** A call of a wrapper (of this module or another) whose argument is untrusted, as a finding. */
function wrapperFinding(node: SyntaxNode, scope: Scope, callee: SyntaxNode, model: SemanticModel, w: { name: string; parameter: string; target: string }, flows: FlowResult[], call: FlowStep, wrapperSteps: FlowStep[]): DerivedSite {
  const [flow, ...others] = flows;
  const trace = (f: FlowResult) => [...f.steps, ...(f.weakGuard ? [f.weakGuard] : []), call, ...wrapperSteps];
  return {
    node,
    scope,
    target: w.target,
    calleeText: model.text(callee),
    outcome: {
      message:
        `Untrusted data reaches ${code(w.target)} through ${code(w.name + "()")}: ${sourceOf(flow.steps).replace(/^source: /, "")} ` +
        `is passed to a function that deserializes its ${code(w.parameter)} argument, which can run arbitrary code.${otherSources(others)}`,
      confidence: flow.weakGuard ? "low" : "high",
      flow: trace(flow),
      ...(others.length ? { otherFlows: others.map(trace) } : {}),
    },
  };
}

/**
 * Calls of wrappers defined in other modules of the project (their summaries say which parameter reaches which
 * sink): a call passing untrusted data is a finding; a call passing a parameter on makes its function a wrapper.
 */
function projectWrapperSites(model: SemanticModel, out: DerivedSite[], seen: Set<SyntaxNode>): void {
  const project = model.project;
  if (!project?.flows) return;
  const tracker = trackerFor(model);
  for (const { node, scope } of model.calls) {
    const callee = childByField(node, "function");
    if (!callee || seen.size >= MAX_WRAPPER_CALLS) continue;
    for (const r of model.resolve(callee, scope)) {
      for (const f of project.flows(r.name) ?? []) {
        for (const s of f.flows.sinks ?? []) {
          const arg = new CallArguments(node, model.tree.source).find(s.parameter, s.position);
          if (!arg) continue;
          const call = { node, message: `passed to ${code(model.text(callee) + "()")} (${f.name})` };
          const remote = s.steps.map((step) => ({ place: step.place, message: step.message }));
          const flows = seen.has(node) ? [] : tracker.allFlowsInto(arg, node, scope);
          if (flows.length) {
            seen.add(node);
            out.push(wrapperFinding(node, scope, callee, model, { name: f.name, parameter: s.parameter, target: s.target }, flows, call, remote));
            continue;
          }
          const passed = trackerFor(model, true).flowInto(arg, node, scope);
          if (passed) addWrapper(model, node, [...passed.steps, call, ...remote], s.target);
        }
        for (const s of f.flows.fieldSinks ?? []) {
          const remote = s.steps.map((step) => ({ place: step.place, message: step.message }));
          fieldSinkCall(model, node, scope, callee, { name: f.name, field: s.field, target: s.target }, remote, out, seen);
        }
      }
    }
  }
}

/**
 * A call of a method in which a field of `self` reaches a sink (`Job(request.data).run()`): a finding when the
 * receiver holds untrusted data in that field; when it holds a parameter of the caller (or the caller's own field,
 * through `self`), the caller is a wrapper (or field sink) in turn.
 */
function fieldSinkCall(model: SemanticModel, node: SyntaxNode, scope: Scope, callee: SyntaxNode, sink: { name: string; field: string; target: string }, sinkSteps: FlowStep[], out: DerivedSite[], seen: Set<SyntaxNode>): FieldSink | undefined {
  const receiver = callee.type === "attribute" ? childByField(callee, "object") : undefined;
  if (!receiver) return undefined;
  const call = { node, message: `calls ${code(model.text(callee) + "()")} (${sink.name}), which deserializes the object's ${code(sink.field)} field` };
  const flow = seen.has(node) ? undefined : trackerFor(model).fieldFlowInto(receiver, sink.field, node, scope);
  if (flow) {
    seen.add(node);
    const trace = [...flow.steps, ...(flow.weakGuard ? [flow.weakGuard] : []), call, ...sinkSteps];
    out.push({
      node,
      scope,
      target: sink.target,
      calleeText: model.text(callee),
      outcome: {
        message:
          `Untrusted data reaches ${code(sink.target)} through ${code(sink.name + "()")}: ${sourceOf(flow.steps).replace(/^source: /, "")} ` +
          `is kept in the object's ${code(sink.field)} field, and that method deserializes it, which can run arbitrary code.`,
        confidence: flow.weakGuard ? "low" : "high",
        flow: trace,
      },
    });
    return undefined;
  }
  const passed = trackerFor(model, true).fieldFlowInto(receiver, sink.field, node, scope);
  if (!passed) return undefined;
  const steps = boundedSteps([...passed.steps, call, ...sinkSteps], MAX_WRAPPER_TRACE);
  const fn = enclosingFunction(node);
  if (passed.steps[0]?.field && fn) return addFieldSink(model, fn, passed.steps[0].field, steps, sink.target);
  addWrapper(model, node, steps, sink.target);
  return undefined;
}

/** Calls of this module's field-sink methods on objects of their class (or a subclass defined here). */
function localFieldSinkSites(model: SemanticModel, out: DerivedSite[], seen: Set<SyntaxNode>): void {
  const queue = [...(fieldSinks.get(model) ?? [])];
  const tracker = trackerFor(model);
  for (let f = queue.shift(); f && seen.size < MAX_WRAPPER_CALLS; f = queue.shift()) {
    for (const { node, scope } of model.calls) {
      const callee = childByField(node, "function");
      const receiver = callee?.type === "attribute" ? childByField(callee, "object") : undefined;
      if (!callee || !receiver || model.text(childByField(callee, "attribute") ?? callee) !== f.method) continue;
      if (!tracker.classesOf(receiver, scope, true).some((c) => c.local && tracker.methodOf(c.local, f!.method) === f!.fn)) continue;
      const next = fieldSinkCall(model, node, scope, callee, f, f.steps, out, seen);
      if (next) queue.push(next);
    }
  }
}

/** The deserializers the pattern rules also report when kept in a table (their specs with `references`). */
const TABLE_SINKS: ReadonlySet<string> = new Set(SINK_RULES.flatMap((r) => r.sinks.filter((s) => s.references).flatMap((s) => s.call)));

/** A module- or class-level name bound once to a table literal (`LOADERS = {"pickle": pickle.loads}`): the literal. */
function storedTable(model: SemanticModel, expr: SyntaxNode | undefined, scope: Scope): SyntaxNode | undefined {
  if (expr?.type !== "identifier") return undefined;
  const bindings = model.lookup(model.text(expr), scope, expr);
  const b = bindings?.length === 1 ? bindings[0] : undefined;
  if (!b || b.kind !== "assignment" || !b.value || (b.scope.kind !== "module" && b.scope.kind !== "class")) return undefined;
  return b.value.type === "dictionary" || b.value.type === "list" || b.value.type === "tuple" ? b.value : undefined;
}

/**
 * Calls through a dispatch table kept at module or class level (`LOADERS[fmt](request.data)`,
 * `LOADERS.get(fmt)(data)`): the pattern rules report the table where it is stored; this rule reports the call when
 * untrusted data is what it is applied to. (Tables written in place or bound in a function resolve like names.)
 */
function tableCallSites(model: SemanticModel, out: DerivedSite[], seen: Set<SyntaxNode>): void {
  const tracker = trackerFor(model);
  for (const { node, scope } of model.calls) {
    const callee = childByField(node, "function");
    if (!callee || seen.has(node) || (callee.type !== "subscript" && callee.type !== "call")) continue;
    const getter = callee.type === "call" ? childByField(callee, "function") : undefined;
    const holder = callee.type === "subscript" ? childByField(callee, "value") : getter?.type === "attribute" && model.text(childByField(getter, "attribute") ?? getter) === "get" ? childByField(getter, "object") : undefined;
    const table = storedTable(model, holder, scope);
    if (!table) continue;
    const values = table.children.map((c) => (c.type === "pair" ? childByField(c, "value") : c)).filter((v): v is SyntaxNode => v !== undefined && (v.type === "identifier" || v.type === "attribute"));
    const target = values.flatMap((v) => model.resolve(v, scope)).find((r) => TABLE_SINKS.has(r.name))?.name;
    const arg = new CallArguments(node, model.tree.source).positional[0];
    if (!target || !arg) continue;
    const [flow, ...others] = tracker.allFlowsInto(arg, node, scope);
    if (!flow) continue;
    seen.add(node);
    const trace = (f: FlowResult) => [...f.steps, ...(f.weakGuard ? [f.weakGuard] : []), { node, message: `sink: ${target}, picked from the table ${code(model.text(holder!))}` }];
    out.push({
      node,
      scope,
      target,
      calleeText: model.text(callee),
      outcome: {
        message:
          `Untrusted data reaches ${code(target)} through the table ${code(model.text(holder!))}: ${sourceOf(flow.steps).replace(/^source: /, "")} is passed to ` +
          `the deserializer picked from it, which can run arbitrary code.${otherSources(others)}`,
        confidence: flow.weakGuard ? "low" : "high",
        flow: trace(flow),
        ...(others.length ? { otherFlows: others.map(trace) } : {}),
      },
    });
  }
}

/** Wrapper calls of one module: each call whose argument is untrusted is a finding; a call passing a parameter on makes its function a wrapper too. */
function wrapperSites(model: SemanticModel): DerivedSite[] {
  const out: DerivedSite[] = [];
  const seen = new Set<SyntaxNode>();
  projectWrapperSites(model, out, seen);
  localFieldSinkSites(model, out, seen);
  tableCallSites(model, out, seen);
  const queue = [...(wrappers.get(model) ?? [])];
  if (!queue.length) return out;
  const tracker = trackerFor(model);
  const callsOf = localCallsByFunction(model, tracker);
  for (let w = queue.shift(); w && seen.size < MAX_WRAPPER_CALLS; w = queue.shift()) {
    for (const { node, scope, callee } of callsOf(w.fn)) {
      const args = new CallArguments(node, model.tree.source);
      const arg = args.keywords.get(w.parameter) ?? (w.position >= 0 ? args.positional[w.position] : undefined);
      if (!arg) continue;
      const call = { node, message: `passed to ${code(w.name + "()")}` };
      const flows = seen.has(node) ? [] : tracker.allFlowsInto(arg, node, scope);
      if (flows.length) {
        seen.add(node);
        out.push(wrapperFinding(node, scope, callee, model, w, flows, call, w.steps));
        continue;
      }
      const passed = trackerFor(model, true).flowInto(arg, node, scope);
      const next = passed && addWrapper(model, node, passed.steps, w.target);
      if (next) queue.push({ ...next, steps: boundedSteps([...passed.steps, call, ...w.steps], MAX_WRAPPER_TRACE) });
    }
  }
  return out;
}

/**
 * The module's calls by the local function each calls, worked out once, on first use: every function that becomes a
 * wrapper looks up its calls here (asking each call for every wrapper made a module of thousands of wrappers
 * quadratic: 13,000 one-line wrappers took 20 s).
 */
function localCallsByFunction(model: SemanticModel, tracker: TaintTracker): (fn: SyntaxNode) => readonly { node: SyntaxNode; scope: Scope; callee: SyntaxNode }[] {
  let byFunction: Map<SyntaxNode, { node: SyntaxNode; scope: Scope; callee: SyntaxNode }[]> | undefined;
  return (fn) => {
    if (!byFunction) {
      byFunction = new Map();
      for (const { node, scope } of model.calls) {
        const callee = childByField(node, "function");
        const local = callee && tracker.localFunction(callee, scope);
        if (!local) continue;
        let calls = byFunction.get(local);
        if (!calls) byFunction.set(local, (calls = []));
        calls.push({ node, scope, callee: callee! });
      }
    }
    return byFunction.get(fn) ?? [];
  };
}

/** For messages: the other sources that reach the same sink. */
function otherSources(others: FlowResult[]): string {
  if (!others.length) return "";
  const names = others.map((f) => sourceOf(f.steps).replace(/^source: /, ""));
  return ` Also reached from ${others.length === 1 ? "another source" : `${others.length} other sources`}: ${names.join("; ")}.`;
}

/** What a flow starts from, for messages: its source step (a request object is not data yet). */
function sourceOf(steps: FlowStep[]): string {
  return (steps.find((s) => s.message.startsWith("source: ")) ?? steps[0]).message;
}

/** `f` for a module-level function, `C.m` for a method of a module-level class: its key in the module's summary. */
function functionKey(fn: SyntaxNode, model: SemanticModel): string | undefined {
  if (fn.type === "lambda") {
    // `loads = lambda b: ...` at module level: the name it is bound to.
    const assignment = fn.parent?.type === "assignment" ? fn.parent : undefined;
    const left = assignment && childByField(assignment, "left");
    return left?.type === "identifier" && assignment?.parent?.type === "expression_statement" && assignment.parent.parent?.type === "module" ? model.text(left) : undefined;
  }
  const name = childByField(fn, "name");
  if (!name) return undefined;
  const container = (n: SyntaxNode) => (n.parent?.type === "decorated_definition" ? n.parent.parent : n.parent);
  const parent = container(fn);
  if (parent?.type === "module") return model.text(name);
  const cls = parent?.type === "block" ? parent.parent : undefined;
  const className = cls?.type === "class_definition" ? childByField(cls, "name") : undefined;
  if (cls && className && container(cls)?.type === "module") return `${model.text(className)}.${model.text(name)}`;
  return undefined;
}

/** Module-level functions and the methods of module-level classes. */
function summarisable(model: SemanticModel): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const definition = (n: SyntaxNode) => (n.type === "decorated_definition" ? childByField(n, "definition") : n);
  for (const top of model.tree.root.children) {
    const def = definition(top);
    if (def?.type === "function_definition") out.push(def);
    // `unwrap = lambda b: b.strip()`: a module-level name bound to a lambda.
    const assigned = top.type === "expression_statement" && top.children[0]?.type === "assignment" ? childByField(top.children[0], "right") : undefined;
    if (assigned?.type === "lambda") out.push(assigned);
    if (def?.type !== "class_definition") continue;
    for (const member of childByField(def, "body")?.children ?? []) {
      const m = definition(member);
      if (m?.type === "function_definition") out.push(m);
    }
  }
  return out;
}

/**
 * Whether a function returns an object of a class of its module or of a class it picks at run time: the result of
 * calling a local class, a local variable (`cls = getattr(module, name); return cls()`) or a call's result
 * (`choice([A, B])()`), returned directly or through a local name.
 */
function returnsRuntimeObject(fn: SyntaxNode, model: SemanticModel): boolean {
  const body = childByField(fn, "body");
  const returns = descendants(body, (n) => n.type === "return_statement");
  const built = (value: SyntaxNode | undefined): boolean => {
    if (value?.type !== "call") return false;
    const callee = childByField(value, "function");
    if (!callee) return false;
    if (callee.type === "call") return true;
    const scope = model.calls.find((c) => c.node === value)?.scope;
    if (!scope) return false;
    const names = model.resolve(callee, scope);
    return names.some((r) => r.localClass !== undefined) || (callee.type === "identifier" && names.length === 0);
  };
  return returns.some((ret) => {
    const value = ret.children.find((c) => c.type !== "return");
    if (value?.type !== "identifier") return built(value);
    // `obj = cls(); return obj`: the one assignment of the name in the function.
    const name = model.text(value);
    const assigned = descendants(body, (n) => n.type === "assignment" && childByField(n, "left")?.type === "identifier" && model.text(childByField(n, "left")!) === name);
    return assigned.length === 1 && built(childByField(assigned[0], "right"));
  });
}

/** What this rule adds to a module's summary: its wrappers, and with `complete` what every function returns. */
function flowSummary(model: SemanticModel, path: string, complete: boolean | readonly string[]): FlowSummaryPart {
  const named = typeof complete === "boolean" ? undefined : new Set(complete);
  const wanted = (key: string) => !named || named.has(key) || (key.includes(".") && named.has(`*${key.slice(key.indexOf("."))}`));
  const flows: ModuleFlows = {};
  const tracker = trackerFor(model);
  const entry = (key: string) => (flows[key] ??= {});
  for (const w of wrappers.get(model) ?? []) {
    const key = functionKey(w.fn, model);
    if (!key) continue;
    const steps = boundedSteps(w.steps.map((s) => tracker.placed(s, path)));
    (entry(key).sinks ??= []).push({ parameter: w.parameter, position: w.position, target: w.target, steps });
  }
  // Methods where a field reaches a sink, and what the methods of their classes store in fields from their
  // parameters. Only fields some method (or a dataclass's constructor) stores from a parameter are written down:
  // other modules can put untrusted data nowhere else (so their files need no second analysis for it).
  const byClass = new Map<SyntaxNode, FieldSink[]>();
  for (const f of fieldSinks.get(model) ?? []) byClass.set(f.cls, [...(byClass.get(f.cls) ?? []), f]);
  for (const [cls, sinks] of byClass) {
    const className = model.text(childByField(cls, "name") ?? cls);
    const stored = new Map<string, FieldStore[]>();
    for (const member of childByField(cls, "body")?.children ?? []) {
      const fn = member.type === "decorated_definition" ? childByField(member, "definition") : member;
      const key = fn?.type === "function_definition" ? functionKey(fn, model) : undefined;
      if (fn && key) stored.set(key, tracker.fieldStores(fn));
    }
    if (!stored.has(`${className}.__init__`)) stored.set(`${className}.__init__`, tracker.declaredFieldStores(cls));
    const fields = new Set([...stored.values()].flat().map((st) => st.field));
    for (const f of sinks) {
      const key = functionKey(f.fn, model);
      if (!key || !fields.has(f.field)) continue;
      (entry(key).fieldSinks ??= []).push({ field: f.field, target: f.target, steps: boundedSteps(f.steps.map((x) => tracker.placed(x, path))) });
    }
    if (!Object.values(flows).some((e) => e.fieldSinks?.length) || !sinks.some((f) => fields.has(f.field))) continue;
    for (const [key, stores] of stored) {
      if (stores.length) entry(key).stores = stores.map((st) => ({ field: st.field, parameter: st.parameter, position: st.position, steps: boundedSteps(st.steps.map((x) => tracker.placed(x, path))) }));
    }
  }
  // Module-level constants other modules' trust judgements asked for.
  for (const name of named ?? []) {
    if (name.includes(".") || flows[name]) continue;
    const constant = exportedConstant(model, name);
    if (constant) entry(name).constant = constant;
  }
  if (complete) {
    const placedStores = (stores: FieldStore[]) => stores.map((st) => ({ field: st.field, parameter: st.parameter, position: st.position, steps: boundedSteps(st.steps.map((x) => tracker.placed(x, path))) }));
    // Constructors of wanted classes that declare their fields (dataclasses, attrs, pydantic) instead of an `__init__`.
    for (const top of model.tree.root.children) {
      const cls = top.type === "decorated_definition" ? childByField(top, "definition") : top;
      const name = cls?.type === "class_definition" ? model.text(childByField(cls, "name") ?? cls) : undefined;
      if (!cls || !name || flows[`${name}.__init__`] || !(wanted(name) || wanted(`${name}.__init__`)) || tracker.methodOf(cls, "__init__")) continue;
      const declared = tracker.declaredFieldStores(cls);
      if (declared.length) entry(`${name}.__init__`).stores = placedStores(declared);
    }
    const returningClasses = new Set<SyntaxNode>();
    for (const fn of summarisable(model)) {
      const key = functionKey(fn, model);
      if (!key || !wanted(key)) continue;
      if (key.includes(".") && !flows[key]?.stores) {
        const stores = tracker.fieldStores(fn);
        if (stores.length) entry(key).stores = placedStores(stores);
      }
      const returned = tracker.returnFlow(fn);
      if (returned) {
        entry(key).returns = boundedSteps(returned.map((s) => tracker.placed(s, path)));
        continue;
      }
      const passed = trackerFor(model, true).returnFlow(fn);
      const parameter = passed?.[0].parameter;
      if (passed && parameter) {
        entry(key).passes = [{ parameter, position: passed[0].position ?? callPosition(fn, parameter, model), steps: boundedSteps(passed.map((s) => tracker.placed(s, path))) }];
      }
      const field = passed?.[0].field;
      if (passed && field && key.includes(".")) {
        entry(key).returnsField = { field, steps: boundedSteps(passed.map((s) => tracker.placed(s, path))) };
        const cls = methodClass(fn);
        if (cls) returningClasses.add(cls);
      }
      if (!key.includes(".") && returnsRuntimeObject(fn, model)) entry(key).factory = true;
    }
    // A method returning a field is only of use with what fills the field: the stores of its class's methods, which
    // callers would otherwise only ask for after this summary told them of the field.
    for (const cls of returningClasses) {
      const className = model.text(childByField(cls, "name") ?? cls);
      for (const member of childByField(cls, "body")?.children ?? []) {
        const fn = member.type === "decorated_definition" ? childByField(member, "definition") : member;
        const key = fn?.type === "function_definition" ? functionKey(fn, model) : undefined;
        if (!fn || !key || flows[key]?.stores) continue;
        const stores = tracker.fieldStores(fn);
        if (stores.length) entry(key).stores = placedStores(stores);
      }
      if (!flows[`${className}.__init__`]?.stores && !tracker.methodOf(cls, "__init__")) {
        const declared = tracker.declaredFieldStores(cls);
        if (declared.length) entry(`${className}.__init__`).stores = placedStores(declared);
      }
    }
  }
  const demand = [...new Set([...tracker.demand, ...trackerFor(model, true).demand, ...trustDemand(model), ...allowlistDemand(model), ...model.constantDemand])].sort().slice(0, MAX_DEMAND);
  return {
    ...(Object.keys(flows).length ? { flows } : {}),
    ...(demand.length ? { flowDemand: demand } : {}),
    ...(complete ? { flowsComplete: true } : {}),
  };
}

/** Bounds the wrapper search on hostile input. */
const MAX_WRAPPER_CALLS = 10_000;

/**
 * Steps a trace through this module's wrappers keeps: the first and the last halves (the source and sink ends). Each
 * wrapper's trace is its callee's and a few more, so a chain of thousands of wrappers (\`f0\` calls \`f1\` ... calls
 * \`pickle.loads\`) copied ever longer ones: 9,000 one-line wrappers took 3 s and 1 GB of garbage. The longest trace
 * on our corpora has 15 steps.
 */
const MAX_WRAPPER_TRACE = 64;
const MAX_FIELD_SINKS = 256;

/**
 * The argument a deserializer reads its input from: for `pickle.loads(*args)` the splat, whose elements the flow
 * follows. For a deserializer passed as a callable (`map(pickle.loads, blobs)`, `executor.submit(pickle.load, f)`),
 * the other arguments of the call it is passed to: what that call applies it to.
 */
function dataArguments(m: SinkMatch): SyntaxNode[] {
  if (m.via !== "reference") {
    const arg = inputArgument(m) ?? m.args.firstSplat;
    return arg ? [arg] : [];
  }
  if (m.stored) return [];
  const container = m.node.parent?.type === "keyword_argument" ? m.node.parent.parent : m.node.parent;
  if (container?.type !== "argument_list") return [];
  return container.children.filter((c) => c !== m.node && c !== m.node.parent && c.type !== "comment");
}

function flowChecked(spec: SinkSpec): SinkSpec {
  return {
    call: spec.call,
    subclasses: spec.subclasses,
    references: spec.references,
    message: spec.message,
    check(m: SinkMatch): SinkOutcome | null {
      const base = spec.check ? spec.check(m) : {};
      if (base === null) return null;
      const args = dataArguments(m);
      if (!args.length) return null;
      const arg = args[0];
      // A callable's data may be any argument beside it: the first one untrusted data reaches.
      const reached = m.via === "reference" ? args.find((a) => trackerFor(m.model).flowInto(a, m.node, m.scope)) : arg;
      if (!reached) return null;
      const [flow, ...others] = trackerFor(m.model).allFlowsInto(reached, m.node, m.scope);
      if (!flow) {
        if (m.via === "reference") return null;
        // `def unpickle(b): return pickle.loads(b)`: the callers of `unpickle` are checked after the sinks.
        const passed = trackerFor(m.model, true).flowInto(arg, m.node, m.scope);
        if (passed) addWrapper(m.model, m.node, [...passed.steps, { node: m.node, message: `sink: ${m.target}` }], m.target);
        return null;
      }
      const source = { message: sourceOf(flow.steps) };
      const sink = m.calleeText || m.target;
      const weak = flow.weakGuard ? ` A MAC check guards it, but with \`==\`, which leaks timing: use \`hmac.compare_digest\`.` : "";
      // An unpickler whose find_class admits only data types: untrusted data reaches it, but cannot run code through it.
      const restricted = dataOnlyAllowlist(m);
      if (restricted) {
        return {
          message:
            `Untrusted data reaches ${code(m.subclass!.name)} (${m.target}): ${source.message.replace(/^source: /, "")} is unpickled, but its find_class ` +
            `admits ${admitted(restricted)}, so the payload cannot call functions. Keep the allowlist to data types, or use a data-only format.`,
          severity: "medium",
          confidence: "low",
          flow: [...flow.steps, { node: m.node, message: `sink: ${m.target} (find_class restricted to data types)` }],
        };
      }
      const trace = (f: FlowResult) => [...f.steps, ...(f.weakGuard ? [f.weakGuard] : []), { node: m.node, message: `sink: ${m.target}` }];
      return {
        message:
          `Untrusted data reaches ${code(sink)} (${m.target}): ${source.message.replace(/^source: /, "")} flows into the deserializer, ` +
          `which can run arbitrary code. Do not deserialize it with a code-executing format; use JSON or verify an HMAC first.${weak}${otherSources(others)}`,
        confidence: flow.weakGuard ? "low" : "high",
        flow: trace(flow),
        ...(others.length ? { otherFlows: others.map(trace) } : {}),
      };
    },
  };
}

const prefilter = [...new Set(SINK_RULES.flatMap((r) => r.prefilter))];

const PYTHON_DESER_001: PythonRule = defineRule({
  id: "PYTHON-DESER-001",
  name: "Untrusted Data Reaches a Deserializer",
  language: "python",
  severity: "critical",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "data-flow", "taint", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: [],
  similar: SINK_RULES.map((r) => r.id),
  prefilter,
  flowNames: FLOW_NAMES,
  flowSourceWords: SOURCE_WORDS,
  derivedSites: wrapperSites,
  flowSummary,
  withFlowSpecs: (extra) => configuredRule(PYTHON_DESER_001, extra),
  sinks: SINK_RULES.flatMap((r) => r.sinks).map(flowChecked),
  docs: {
    summary: "Reports a deserializer call (pickle, yaml, jsonpickle, marshal, shelve, dill, torch, numpy, pandas, joblib, ...) whose input comes from an untrusted source, with the path the data takes.",
    description:
      "This rule follows data from where an attacker controls it to a deserializer that can run code. Sources are " +
      "web request data (Flask, Django, Django REST framework, FastAPI/Starlette including `UploadFile` and `File()`/" +
      "`Form()` parameters, aiohttp, Tornado, Bottle, Falcon, WebSockets), Streamlit uploads and Gradio event handlers' " +
      "inputs, the " +
      "AWS Lambda `event`, socket and `socketserver` reads, `sys.stdin` and `input()`, HTTP client responses " +
      "(`requests`, `httpx`, `urllib`, aiohttp), values read from Redis (every client: sync, `redis.asyncio`, cluster; " +
      "keys, hashes, lists, sets, streams and pub/sub messages) and memcached clients, and message-queue consumers (pika " +
      "callback bodies, Kafka consumers, Amazon SQS messages). Sinks are every call the deserialization rules report " +
      "(PYTHON-LANG-SEC-040 to 046 and 073, PYTHON-ML-SEC-001 to 012), with their safe-option decisions: `yaml.safe_load`, " +
      "`torch.load(weights_only=True)` or `numpy.load(allow_pickle=False)` are not sinks. A deserializer passed as a " +
      "callable is a sink for the other arguments of the call it is passed to (`map(pickle.loads, blobs)`, " +
      "`executor.submit(pickle.loads, data)`), a call through a dispatch table applies its sink to the call's argument " +
      "(`LOADERS[fmt](request.data)`, `LOADERS.get(fmt)(data)`, also for tables kept at module or class level), and " +
      "`pickle.loads(*args)` reads its input from the splat. The data is followed through " +
      "assignments, augmented assignments, tuple unpacking, containers, subscripts and attributes, string and bytes " +
      "operations and f-strings, method calls on tainted values (`.encode()`, `.read()`), decoders (`base64`, `binascii`, " +
      "`codecs`, `zlib`/`gzip`/`bz2`/`lzma` decompression, `bytes.fromhex`, `io.BytesIO`), `with` statements, loops, " +
      "comprehensions, lists read at a constant index (`append`/`insert`/`pop`/`extend` in straight-line code are " +
      "followed element by element), and functions of the whole project: a function or method (also of another module, " +
      "resolved through imports, re-exports and the class of the object) that returns untrusted data makes its calls " +
      "sources, one that returns its argument's data passes the taint on, and one whose parameter reaches a deserializer " +
      "(`def unpickle(b): return pickle.loads(b)`, and wrappers of wrappers) makes its callers the findings. Each finding " +
      "carries the trace from the source to the sink across files (text, JSON `trace[]`, SARIF `codeFlows`); a sink " +
      "reached from several sources is one finding that lists them all (JSON `sources[]`, one SARIF code flow per source). " +
      "Projects add their own sources and sanitizers in the configuration (`extra-sources`, `extra-sanitizers`).",
    securityImplications:
      "A deserializer that can construct arbitrary objects runs the attacker's code as soon as it reads the payload: " +
      "the process's credentials, data and network position are theirs. Unlike the pattern rules, every finding of " +
      "this rule has a known path from an attacker-controlled input, so it is a confirmed remote code execution " +
      "unless the path is unreachable.",
    howToFix:
      "Replace the format with a data-only one (`json`, `msgpack`, Protocol Buffers, `safetensors`), or use the " +
      "library's safe mode (`yaml.safe_load`, `torch.load(weights_only=True)`, `numpy.load(allow_pickle=False)`). If the " +
      "payload must stay a pickle that the server produced itself, sign it with an HMAC under a server-side key and " +
      "verify it with `hmac.compare_digest` (or `itsdangerous`/`django.core.signing`) before loading.",
    fixHint: "Deserialize untrusted input with a data-only format, or verify an HMAC with hmac.compare_digest before loading.",
    vulnerableExample: [
      "import base64, pickle",
      "from flask import request",
      "",
      "@app.route(\"/restore\", methods=[\"POST\"])",
      "def restore():",
      "    blob = base64.b64decode(request.form[\"state\"])",
      "    return pickle.loads(blob)  # request form -> b64decode -> pickle.loads",
    ].join("\n"),
    safeExample: [
      "import hmac, hashlib, pickle",
      "from flask import request, abort",
      "",
      "@app.route(\"/restore\", methods=[\"POST\"])",
      "def restore():",
      "    blob, mac = request.data[:-32], request.data[-32:]",
      "    if not hmac.compare_digest(mac, hmac.new(KEY, blob, hashlib.sha256).digest()):",
      "        abort(400)",
      "    return pickle.loads(blob)  # verified: produced by this server",
    ].join("\n"),
    detectionScope:
      "Flows inside functions, and through function summaries across the whole project when scanned as one " +
      "(`--project`): calls of functions of any module, methods resolved through the class of `self` or of the object, " +
      "and methods of the objects a project factory returns (any class of its module that defines the method). Django-style handlers are recognised by a parameter named " +
      "`request`/`req`; AWS Lambda handlers by `handler(event, context)`/`lambda_handler`/`*_handler`; message-queue " +
      "callbacks by a four-parameter callback whose last parameter is `body`. Not reported: loads on a branch where " +
      "`hmac.compare_digest` verified the data (a plain `==` against `hmac.new(...).digest()` is reported with low " +
      "confidence), data returned by `itsdangerous` `Signer.unsign`/`*Serializer.loads` and Django `signing.loads`, " +
      "names overwritten with constants before the load, list elements that hold constants. Objects are followed: a " +
      "method that deserializes a field of `self` is reported at its calls on objects holding untrusted data in that " +
      "field (passed to the constructor, a dataclass/attrs/pydantic field, assigned, or stored by a setter). Not covered " +
      "yet: function parameters of non-handler functions with no caller that passes untrusted data (report them with " +
      "the pattern rules), values passed through containers or lambdas into other functions, objects " +
      "kept in another object's field, and methods inherited from a class of another module.",
    references: DESERIALIZATION_REFERENCES,
    faq: [
      {
        question: "How does this rule relate to PYTHON-LANG-SEC-040 and the other deserialization rules?",
        answer:
          "Those rules report every deserializer call, whatever its input, because pickle has no safe input. This rule " +
          "reports the subset where the input provably comes from an attacker-controlled source, with the path, so " +
          "these findings can be triaged first and can gate a build on their own.",
      },
      {
        question: "We verify an HMAC before loading. Why is it still reported?",
        answer:
          "Only a constant-time comparison (`hmac.compare_digest`) on the branch that loads clears the finding. Comparing " +
          "digests with `==` leaks timing that lets an attacker forge the MAC byte by byte; the finding stays with low confidence.",
      },
    ],
  },
});

export default PYTHON_DESER_001;
