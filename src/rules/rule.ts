import type { Confidence, Fix, Location, RuleMeta, Severity, Trust } from "../core/types.js";
import type { FlowSummaryPart } from "../languages/python/taint/summaries.js";
import type { ExtraFlowSpecs } from "../languages/python/taint/flow.js";
import type { CallArguments } from "../languages/python/calls.js";
import type { SemanticModel } from "../languages/python/semantic/model.js";
import type { Scope } from "../languages/python/semantic/scopes.js";
import type { SyntaxNode } from "../languages/python/syntax.js";

/** A flow of untrusted data, source first: steps in the analysed file (a node) or in another module (a place). */
export type FlowTrace = ({ node: SyntaxNode; message: string } | { node?: undefined; place: Location; message: string })[];

/** How a sink is reached at a reported site. */
export type SinkVia =
  | "call" //       `pickle.loads(x)`, also through aliases, rebinding and dynamic imports
  | "subclass" //   `MyUnpickler(f)` where `class MyUnpickler(pickle.Unpickler)`
  | "reference"; // `map(pickle.loads, blobs)`: the sink passed as a callable

export interface SinkMatch {
  /** The reported node: the call, or the reference passed as an argument. */
  node: SyntaxNode;
  /** Canonical qualified name of the sink that matched, e.g. `pickle.loads`. */
  target: string;
  via: SinkVia;
  /** How the callee is spelled in the source, e.g. `p.loads`. */
  calleeText: string;
  /**
   * For `via: "subclass"`: the local class and whether it overrides `find_class`; `allowlist`, the globals
   * (`module.name`) that override provably admits, when it pins them to literals (see `findClassAllowlist`).
   */
  subclass?: { name: string; overridesFindClass: boolean; allowlist?: string[] };
  /** For `via: "reference"` stored rather than passed: where the sink is kept (a class attribute, a table). */
  stored?: string;
  /** Arguments of the call (empty for references). */
  args: CallArguments;
  /** For a method sink such as `ruamel.yaml.YAML().load`: the call that built the receiver, with its arguments. */
  receiver?: { call: SyntaxNode; args: CallArguments; scope: Scope };
  model: SemanticModel;
  scope: Scope;
}

/** How a referenced sink escapes, completing "`pickle.loads` ...": passed to a call, or stored where callers look it up. */
export function referenced(m: SinkMatch): string {
  return m.stored ? `is stored as a callable in ${m.stored}` : "is passed as a callable";
}

export interface SinkOutcome {
  message?: string;
  /**
   * How untrusted data reaches the sink, source first (data-flow rules); becomes the finding's `trace`. A step in
   * another module (from a function summary) carries its `place` instead of a node.
   */
  flow?: FlowTrace;
  /** The flows from the other sources that reach the same sink, when several do (each like `flow`). */
  otherFlows?: FlowTrace[];
  severity?: Severity;
  confidence?: Confidence;
  fix?: Fix;
}

/** A declarative sink: qualified names plus optional argument-aware conditions. */
export interface SinkSpec {
  /** Canonical qualified names (see module-aliases.ts) whose calls are findings. */
  call: string[];
  /** Also report instantiating a class defined in the file that derives from one of `call`. */
  subclasses?: boolean;
  /** Also report `call` names passed uncalled as an argument (callbacks: `map`, `apply`, executors). */
  references?: boolean;
  /** Decide from the arguments: null drops the match (e.g. a safe Loader); an outcome adjusts it. */
  check?: (match: SinkMatch) => SinkOutcome | null;
  message: (match: SinkMatch) => string;
}

/** A finding a rule derives from the checked sinks (see `PythonRule.derivedSites`). */
export interface DerivedSite {
  node: SyntaxNode;
  scope: Scope;
  /** The sink the site leads to, e.g. `pickle.loads`. */
  target: string;
  calleeText: string;
  outcome: SinkOutcome & { message: string };
}

/** A module-level (or class-level) assignment offered to a rule: `SESSION_SERIALIZER = "..."`, `app.conf.x = ...`. */
export interface AssignmentMatch {
  /** The assignment (`assignment` or `augmented_assignment` node). */
  node: SyntaxNode;
  /** The name that matched: a plain target name (`CACHES`) or a resolved attribute (`celery.Celery().conf.task_serializer`). */
  target: string;
  /** How the target is spelled in the source. */
  targetText: string;
  value: SyntaxNode;
  /** `+=`: the value is added to a setting defined elsewhere. */
  augmented: boolean;
  /**
   * Where the assignment is: the module body, the body of a class at module level (settings classes), or a function
   * body (only attribute and subscript targets: `app.config["X"] = ...` in an application factory).
   */
  level: "module" | "class" | "function";
  model: SemanticModel;
  scope: Scope;
}

export interface AssignmentOutcome extends SinkOutcome {
  message: string;
  /** The node to report (a dictionary entry, a list element); the assignment by default. */
  at?: SyntaxNode;
}

/**
 * A declarative assignment check for settings modules: the engine offers every module-level and class-level
 * assignment to a name in `names` (plain names for `X = ...`, qualified names for attribute targets).
 */
export interface AssignmentSpec {
  names: string[];
  /** Also offer assignments in class bodies (settings classes such as django-configurations'). */
  classLevel?: boolean;
  /** Zero or more findings for one assignment. */
  check: (match: AssignmentMatch) => AssignmentOutcome[];
}

export interface PythonRule extends RuleMeta {
  language: "python";
  /**
   * Byte strings of which at least one must occur in a file for this rule to possibly match; files without any
   * are never parsed. Must cover every spelling the sinks can be reached by (module names, aliases). Imports of
   * computed module names (`__import__("pic" + "kle")`) are let through by the engine itself.
   */
  prefilter: string[];
  sinks: SinkSpec[];
  /**
   * For data-flow rules: the qualified names their flow analysis resolves besides the sinks (sources, decoders,
   * sanitizers). Partial parsing then keeps what leads to them, and the functions kept code calls.
   */
  flowNames?: readonly string[];
  /**
   * For data-flow rules: what a function's code must contain for untrusted data to start there (parts of the sources'
   * qualified names, such as `stdin` or `socket`, parameter names such as `req` or `event`, handler attributes such
   * as `rfile`), matched anywhere in a name. Partial parsing keeps a function that kept code calls only when it, a
   * module-level name it uses, an attribute it reads or a function it calls contains one: no other function can
   * return untrusted data. Undefined (with `flowNames`): every function kept code calls is kept. A rule whose
   * sources grow (configuration) must grow these too.
   */
  flowSourceWords?: readonly string[];
  /**
   * Findings at sites that are not sink calls, computed after the sinks of the file were checked (data-flow rules:
   * calls of the module's own wrapper functions whose parameter reaches a sink).
   */
  derivedSites?: (model: SemanticModel) => DerivedSite[];
  /**
   * For data-flow rules: what the rule adds to the module's summary for the project index (function summaries,
   * demand), computed after the file's sinks and derived sites. `complete`: also summarise what functions return,
   * not only which reach a sink: every function (true), or those named (`f`, `C.m`, `*.m` for method `m` of any
   * class); the whole-program pass asks for it for the modules callers need.
   */
  flowSummary?: (model: SemanticModel, path: string, complete: boolean | readonly string[]) => FlowSummaryPart;
  /** For data-flow rules: the rule with more sources and sanitizers (`extra-sources`, `extra-sanitizers` in the configuration). */
  withFlowSpecs?: (extra: ExtraFlowSpecs) => PythonRule;
  /** Settings read from assignments rather than calls (see `AssignmentSpec`). */
  assignments?: AssignmentSpec[];
  /**
   * For rules whose sinks deserialize their input: the trust of that input at a reported call (the finding's
   * `trust`). Rules without it report findings without a trust property.
   */
  judgeTrust?: (match: SinkMatch) => TrustJudgement | undefined;
}

/** What a rule knows about the data a sink call reads (see `Trust`); `untrusted` is added from data-flow findings. */
export interface TrustJudgement {
  trust: Trust;
  /** One short sentence, e.g. "the input is a bytes literal". */
  reason?: string;
}

/** Identity helper that type-checks a rule definition. */
export function defineRule(rule: PythonRule): PythonRule {
  return rule;
}

/** `module.attr`, quoted as code for messages. */
export function code(s: string): string {
  return "`" + s + "`";
}
