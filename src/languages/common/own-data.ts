import type { FlowAdapter, FlowAssignment } from "./model.js";
import { childByField, descendants, type Node } from "./syntax.js";

/** Variables followed back through their assignments before the judgement gives up (unknown). */
const MAX_HOPS = 8;

/** What a part of a deserializer call holds, as far as the function shows. */
type PartData = { own: string } | "none" | "unknown";

/**
 * Whether the data a deserializer reads is provably the program's own, within one function: what it just
 * serialized itself (a round trip, a deep copy), or a resource of its own with a constant name. Followed through
 * the wrappers the language names (streams, readers, decoders) and through every assignment of a variable.
 * Anything else, parameters included, is unknown.
 */
export class OwnDataJudge {
  constructor(private readonly flow: FlowAdapter) {}

  /** Why the data of `parts` is the program's own; undefined when it is not known to be (or no part holds data). */
  reasonFor(fn: Node | undefined, parts: readonly Node[]): string | undefined {
    if (!fn || !this.flow.ownDataAt) return undefined;
    const assignments = this.flow.assignments(fn);
    let reason: string | undefined;
    for (const part of parts) {
      const data = this.partData(part, fn, assignments, MAX_HOPS);
      if (data === "unknown") return undefined;
      if (data !== "none") reason ??= data.own;
    }
    return reason;
  }

  private partData(expr: Node, fn: Node, assignments: readonly FlowAssignment[], hops: number): PartData {
    const own = this.flow.ownDataAt!(expr, fn);
    if (own) return { own };
    const carried = this.flow.carriedData?.(expr);
    if (carried) {
      let reason: string | undefined;
      for (const inner of carried) {
        const data = this.partData(inner, fn, assignments, hops);
        if (data === "unknown") return "unknown";
        if (data !== "none") reason ??= data.own;
      }
      return reason ? { own: reason } : "none";
    }
    if (this.flow.holdsNoData?.(expr)) return "none";
    const v = this.flow.variableAt(expr);
    if (v === undefined || hops === 0) return "unknown";
    // Every value the variable is given in the function must be the program's own; a parameter never is.
    const values = assignments.filter((a) => a.name === v);
    if (!values.length || this.flow.isParameter?.(v, fn)) return "unknown";
    let reason: string | undefined;
    for (const a of values) {
      const data = this.partData(a.value, fn, assignments, hops - 1);
      if (data === "unknown") return "unknown";
      if (data !== "none") reason ??= data.own;
    }
    return reason ? { own: reason } : "none";
  }
}

export const ROUND_TRIP = "what the program just serialized from its own objects (a round trip)";
export const OWN_RESOURCE = "a resource of the program's own, named by a constant";
export const CONSTANT = "a constant in the code";

/** The name a value is given to: `T name = value`, `name = value`, `$name = value`, Java's `try (T name = value)`. */
export function assignedTarget(value: Node): Node | undefined {
  const parent = value.parent;
  if (!parent) return undefined;
  if (parent.type === "variable_declarator" || (parent.type === "resource" && value.field === "value")) return childByField(parent, "name");
  return parent.type === "assignment_expression" && value.field === "right" ? childByField(parent, "left") : undefined;
}

/** The variable a value is given to (see `assignedTarget`), as written. */
export function assignedVariable(value: Node, text: (n: Node) => string): string | undefined {
  const target = assignedTarget(value);
  return target ? text(target) : undefined;
}

/**
 * Whether the in-memory buffer held by `name` is written only by a serializer in `fn`: it is wrapped by or passed to
 * a serializer (`isSerializerWrite`), and never written directly (`isDirectWrite`).
 */
export function filledBySerializer(fn: Node, isSerializerWrite: (n: Node) => boolean, isDirectWrite: (n: Node) => boolean): boolean {
  let serialized = false;
  for (const n of descendants(fn)) {
    if (isDirectWrite(n)) return false;
    if (!serialized && isSerializerWrite(n)) serialized = true;
  }
  return serialized;
}

/** What one typed language (Java, C#) says about the wrappers that carry data unchanged in meaning. */
export interface Carriers {
  /** Types whose instances read the data of their first constructor argument (streams, readers, inputs). */
  types: RegExp;
  /** Carrier-looking types whose first argument names a file to open, not the data. */
  fileTypes: RegExp;
  /** Carrier types for which a string literal is the data itself (a string reader); elsewhere it names a file or URL. */
  stringTypes: RegExp;
  /** Methods whose result is the receiver's data in another form (`toByteArray`, `ToArray`). */
  methods: ReadonlySet<string>;
  /** Methods whose result is their first argument's data in another form (`decodeBase64`, `FromBase64String`). */
  decoders: ReadonlySet<string>;
  /** The node type of a method call in the grammar. */
  callType: string;
  callee(call: Node): { name: string; receiver?: Node };
  argumentsOf(callOrCreation: Node): Node[];
  createdTypeName(creation: Node): string;
  isStringLiteral(node: Node): boolean;
}

/**
 * The expressions whose data `node` carries (see `FlowAdapter.carriedData`), in the syntax Java and C# share:
 * parentheses, casts, `new Stream(data)`, `data.toArray()`, `decode(data)`.
 */
export function carriedDataOf(node: Node, carriers: Carriers): Node[] | undefined {
  if (node.type === "parenthesized_expression") return node.children.slice(0, 1);
  if (node.type === "cast_expression") return node.children.filter((c) => c.field === "value");
  if (node.type === "object_creation_expression") {
    const first = carriers.argumentsOf(node)[0];
    const type = carriers.createdTypeName(node);
    if (!first || !carriers.types.test(type) || carriers.fileTypes.test(type)) return undefined;
    return !carriers.isStringLiteral(first) || carriers.stringTypes.test(type) ? [first] : undefined;
  }
  if (node.type !== carriers.callType) return undefined;
  const { name, receiver } = carriers.callee(node);
  if (carriers.methods.has(name) && receiver) return [receiver];
  const first = carriers.argumentsOf(node)[0];
  return carriers.decoders.has(name) && first ? [first] : undefined;
}
