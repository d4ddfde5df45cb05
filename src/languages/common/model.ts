import type { Node, ParsedTree } from "./syntax.js";

/** How a rule's target is reached at a site. */
export type SiteKind =
  | "call" //       a method or function call: `ois.readObject()`, `unserialize($s)`, `SerializationUtils.deserialize(b)`
  | "new" //        a constructor call: `new XMLDecoder(in)`, `new BinaryFormatter()`
  | "reference"; // a qualified constant or member: `TypeNameHandling.All`, `JsonTypeInfo.Id.CLASS`, `Yaml::PARSE_OBJECT`

/** A class, resolved as far as the file shows. */
export interface ResolvedType {
  /** Qualified name (`java.io.ObjectInputStream`), or `<local>.Name` for a class declared in the file. */
  name: string;
  /** The declaration of a class in the file (a class body for anonymous classes). */
  declaration?: Node;
}

/** One place in a file that resolves to qualified names rules can ask for. */
export interface Site {
  kind: SiteKind;
  /** The reported node. */
  node: Node;
  /**
   * Every qualified name the site resolves to, in the language's spelling: `java.io.ObjectInputStream.readObject`
   * (also for the method of a subclass), `new java.beans.XMLDecoder`, `Newtonsoft.Json.TypeNameHandling.All`,
   * `unserialize`, `Symfony\Component\Yaml\Yaml::parse`. A method call whose receiver's type is unknown also
   * resolves to `*.method`.
   */
  targets: string[];
  /** How the callee is spelled, shortened. */
  calleeText: string;
  /** Positional argument expressions (calls and constructors). */
  args: Node[];
  /** Named arguments: Java annotation elements, C# named arguments, PHP named arguments. */
  namedArgs: Map<string, Node>;
  /** The object a method is called on. */
  receiver?: Node;
  /** The resolved class of the receiver (or of the constructed object, for `new`). */
  receiverType?: ResolvedType;
  /** The function, method or constructor the site is in: the unit of data flow. */
  fn?: Node;
}

/** An assignment the data flow follows: `name = value` in any of the language's forms. */
export interface FlowAssignment {
  name: string;
  value: Node;
  node: Node;
}

/** What data flow needs from a language (see taint.ts). */
export interface FlowAdapter {
  /** Parameters of `fn` that carry request data (web entry points), with a description for the trace. */
  sourceParameters(fn: Node): { name: string; node: Node; description: string }[];
  /** Assignments to local variables in `fn`, in source order (declarations, resources, loops, plain assignments). */
  assignments(fn: Node): FlowAssignment[];
  /** A description when `node` itself produces request data (`request.getInputStream()`, `$_POST`). */
  sourceAt(node: Node): string | undefined;
  /** The variable's name when `node` reads a local variable or parameter. */
  variableAt(node: Node): string | undefined;
  /** Whether `node` turns any data into harmless data (a hash, a number, a base name): its inside is not followed. */
  isSanitizer?(node: Node): boolean;
  /**
   * Why `node` provably produces the program's own data inside `fn`: what the program just serialized (a round
   * trip: `serialize(...)`, an in-memory buffer an object stream writes into), a resource of its own with a
   * constant name, a constant. Undefined when it does not (see own-data.ts).
   */
  ownDataAt?(node: Node, fn: Node): string | undefined;
  /** The expressions whose data `node` carries unchanged in meaning (a stream over bytes, a decoder, a cast). */
  carriedData?(node: Node): Node[] | undefined;
  /** Whether `node` holds no data for a deserializer to read (`new BinaryFormatter()`, a configured `new Yaml(...)`). */
  holdsNoData?(node: Node): boolean;
  /** Whether `name` is a parameter of `fn`. */
  isParameter?(name: string, fn: Node): boolean;
  /**
   * Whether `node` is request data whose value is a path the server chose (PHP's `$_FILES[f]['tmp_name']`, the
   * upload's temporary file): it leads to the request's content, but the request cannot choose where it starts.
   */
  serverChosenPath?(node: Node): boolean;
  /** The left operand when `node` joins strings (`a + b`, `$a . $b`): what a joined value starts with. */
  concatenationHead(node: Node): Node | undefined;
}

/** What the engine needs from a language's semantic model of one file. */
export interface SourceModel {
  readonly tree: ParsedTree;
  readonly sites: Site[];
  readonly flow: FlowAdapter;
  text(node: Node): string;
  /** Names of the enclosing declarations (`Cls.method`): part of stable fingerprints. */
  enclosingPath(node: Node): string;
  /**
   * Suppressions written in the language's own idiom on declarations around `node` (Java
   * `@SuppressWarnings("pathfinder:ID")`, C# `[SuppressMessage("pathfinder", "ID")]`), as `pathfinder:...` texts.
   */
  idiomSuppressions(node: Node): string[];
}
