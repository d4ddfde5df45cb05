import type { Location, TraceStep } from "../../core/types.js";
import type { FlowAdapter, FlowAssignment } from "./model.js";
import { descendants, type Node, type ParsedTree } from "./syntax.js";

/**
 * Intra-procedural taint: which local variables of a function hold request data, and how it got there. Sources
 * are the language's web entry points (parameters of controller actions, request getters, superglobals);
 * assignments propagate (a value that contains tainted data taints its variable). Two passes over the
 * assignments in source order reach loops' back edges; a variable keeps the first, shortest trace.
 */
/** Loops of every supported language: inside one, an assignment later in the text can reach a use earlier in it. */
const LOOPS = new Set(["while_statement", "do_statement", "for_statement", "enhanced_for_statement", "foreach_statement", "for_each_statement"]);

/** Assignments followed back from the start of a value (`$p = $root . $x; $q = $p . $y; is_file($q)`). */
const MAX_START_HOPS = 8;

interface Tainted {
  trace: TraceStep[];
  /** Where the variable became tainted. */
  at: Node;
}

export class TaintTracker {
  private readonly perFunction = new Map<Node, Map<string, Tainted[]>>();

  constructor(
    private readonly tree: ParsedTree,
    private readonly flow: FlowAdapter,
    private readonly file: string,
  ) {}

  /** The trace of request data into any of `exprs` inside `fn`, or undefined when none is known to. */
  traceInto(fn: Node | undefined, exprs: readonly Node[]): TraceStep[] | undefined {
    const state = fn ? this.stateOf(fn) : new Map<string, Tainted[]>();
    for (const e of exprs) {
      const t = this.expressionTrace(e, state);
      if (t) return t;
    }
    return undefined;
  }

  /**
   * The trace of request data into the start of any of `exprs` inside `fn`: the left end of a joined string,
   * through the latest assignment before the use of each variable on the way. A path or a name whose start is the
   * program's own (`"java:comp/env/" + name`, `$root . $_GET['f']`) cannot choose its scheme or stream wrapper.
   */
  traceIntoStart(fn: Node | undefined, exprs: readonly Node[], open?: RegExp): TraceStep[] | undefined {
    const state = fn ? this.stateOf(fn) : new Map<string, Tainted[]>();
    const assignments = fn ? this.flow.assignments(fn) : [];
    for (const e of exprs) {
      const t = this.startTrace(e, state, assignments, MAX_START_HOPS, open);
      if (t) return t;
    }
    return undefined;
  }

  private startTrace(expr: Node, state: Map<string, Tainted[]>, assignments: readonly FlowAssignment[], hops: number, open?: RegExp): TraceStep[] | undefined {
    let head = expr;
    for (let next = this.flow.concatenationHead(head); next; next = this.flow.concatenationHead(head)) head = next;
    // A constant start that leaves the decisive part open (`"ldap://" + host`): what follows it counts too.
    if (open && head !== expr && open.test(this.tree.source.slice(head.start, head.end))) return this.expressionTrace(head.parent ?? head, state);
    if (this.flow.serverChosenPath?.(head)) return undefined;
    const v = hops > 0 ? this.flow.variableAt(head) : undefined;
    if (v === undefined) return this.expressionTrace(head, state);
    // The assignments that reach the use: the latest one before it, and those later in a loop around both.
    // Appending (`.=`, `+=`) keeps the start, so it is passed over.
    let latest: FlowAssignment | undefined;
    const reaching: FlowAssignment[] = [];
    for (const a of assignments) {
      if (a.name !== v || !this.replacesValue(a)) continue;
      if (a.node.end <= head.start) latest = a;
      else if (sharesLoop(a.node, head)) reaching.push(a);
    }
    if (latest) reaching.unshift(latest);
    if (!reaching.length) return this.expressionTrace(head, state);
    for (const a of reaching) {
      const t = this.startTrace(a.value, state, assignments, hops - 1, open);
      if (t) return [...t, this.step(a.node, `assigned to \`${v}\``)];
    }
    return undefined;
  }

  /** Whether an assignment gives its variable a new value (`=`, a declaration), not an appended one (`.=`, `+=`). */
  private replacesValue(a: FlowAssignment): boolean {
    if (!a.node.type.endsWith("assignment_expression")) return true;
    const left = a.node.children.find((c) => c.field === "left");
    return !left || this.tree.source.slice(left.end, a.value.start).trim() === "=";
  }

  /**
   * Every way each variable of `fn` becomes tainted, in source order. A use sees an assignment that comes before it
   * in the text, or one later in a loop around both (two passes reach the back edges).
   */
  private stateOf(fn: Node): Map<string, Tainted[]> {
    let state = this.perFunction.get(fn);
    if (state) return state;
    state = new Map();
    for (const p of this.flow.sourceParameters(fn)) state.set(p.name, [{ trace: [this.step(p.node, p.description)], at: fn }]);
    const assignments = this.flow.assignments(fn);
    const done = new Set<Node>();
    for (let pass = 0; pass < 2; pass++) {
      for (const a of assignments) {
        if (done.has(a.node)) continue;
        const t = this.expressionTrace(a.value, state);
        if (!t) continue;
        done.add(a.node);
        const list = state.get(a.name) ?? [];
        list.push({ trace: [...t, this.step(a.node, `assigned to \`${a.name}\``)], at: a.node });
        state.set(a.name, list);
      }
    }
    this.perFunction.set(fn, state);
    return state;
  }

  private expressionTrace(expr: Node, state: Map<string, Tainted[]>): TraceStep[] | undefined {
    const skip = this.flow.isSanitizer ? (n: Node) => this.flow.isSanitizer!(n) : undefined;
    if (skip?.(expr)) return undefined;
    for (const n of descendants(expr, skip)) {
      if (n !== expr && skip?.(n)) continue;
      const source = this.flow.sourceAt(n);
      if (source) return [this.step(n, source)];
      const v = this.flow.variableAt(n);
      if (v === undefined) continue;
      const reaching = state.get(v)?.find((t) => t.at.start < n.start || sharesLoop(t.at, n));
      if (reaching) return reaching.trace;
    }
    return undefined;
  }

  step(node: Node, message: string): TraceStep {
    return { location: locationOf(this.tree, node, this.file), message };
  }
}

function sharesLoop(a: Node, b: Node): boolean {
  for (let p = a.parent; p; p = p.parent) if (LOOPS.has(p.type) && p.start <= b.start && b.end <= p.end) return true;
  return false;
}

const MAX_SNIPPET_LINES = 5;

export function locationOf(tree: ParsedTree, node: Node, file: string): Location {
  return {
    file,
    line: node.startRow + 1,
    column: node.startCol + 1,
    endLine: node.endRow + 1,
    endColumn: node.endCol + 1,
    snippet: lineSlice(tree.source, node.startRow, Math.min(node.endRow, node.startRow + MAX_SNIPPET_LINES - 1)),
  };
}

function lineSlice(source: string, fromRow: number, toRow: number): string {
  let start = 0;
  for (let row = 0; row < fromRow; row++) {
    const nl = source.indexOf("\n", start);
    if (nl < 0) return "";
    start = nl + 1;
  }
  let end = start;
  for (let row = fromRow; row <= toRow; row++) {
    const nl = source.indexOf("\n", end);
    end = nl < 0 ? source.length : nl + 1;
  }
  return source.slice(start, end).replace(/\r?\n$/, "").replace(/\r/g, "");
}
