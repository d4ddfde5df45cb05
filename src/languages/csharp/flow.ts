import type { FlowAdapter, FlowAssignment } from "../common/model.js";
import { assignedVariable, carriedDataOf, CONSTANT, filledBySerializer, OWN_RESOURCE, ROUND_TRIP, type Carriers } from "../common/own-data.js";
import { ancestor, childByField, childOfType, type Node } from "../common/syntax.js";
import { argumentsOf, type CSharpModel } from "./model.js";

/** Bases and attributes that make a class an ASP.NET (Core, MVC, Web API) controller or Razor page. */
const CONTROLLER_BASES = /(^|\.)(Controller|ControllerBase|ApiController|PageModel|ODataController|Hub)$/;
const CONTROLLER_ATTRIBUTES = new Set(["ApiController", "Controller", "Route"]);
/** Action parameters the framework fills itself. */
const FRAMEWORK_PARAMETER_TYPES = /^(CancellationToken|ILogger(<.*>)?|HttpContext|ClaimsPrincipal|IServiceProvider)$/;
const REQUEST_MEMBERS = new Set(["Body", "BodyReader", "Form", "Query", "QueryString", "Cookies", "Headers", "InputStream", "Params", "Files", "RawUrl", "Path", "PathInfo", "Url", "ReadFormAsync", "ReadFromJsonAsync", "Content", "GetBufferedInputStream", "GetBufferlessInputStream", "BinaryRead"]);

const SANITIZERS = new Set(["GetHashCode", "Equals", "Contains", "StartsWith", "EndsWith", "Parse", "TryParse", "CompareTo", "Count", "Any", "IsNullOrEmpty", "IsNullOrWhiteSpace", "GetFileName"]);

const STRING_LITERALS = new Set(["string_literal", "verbatim_string_literal", "raw_string_literal"]);
/** Methods that return what the program serializes from its own objects. */
const SERIALIZING_METHODS = new Set(["SerializeObject", "Serialize", "Save"]);
/** Types whose instances read the data of their first constructor argument. */
const CARRIER_TYPES = /(Stream|Reader)$/;
/** Methods whose result is the receiver's data in another form, and decoders of their first argument. */
const CARRIER_METHODS = new Set(["ToArray", "GetBuffer", "ToString", "Trim", "ReadToEnd"]);
const DECODERS = new Set(["FromBase64String", "GetBytes", "GetString"]);

/** ASP.NET entry points and C# assignment forms for the shared taint tracker. */
export class CSharpFlow implements FlowAdapter {
  constructor(private readonly model: CSharpModel) {}

  sourceParameters(fn: Node): { name: string; node: Node; description: string }[] {
    if (fn.type !== "method_declaration") return [];
    const isPublic = fn.children.some((c) => c.type === "modifier" && this.model.text(c) === "public");
    const isStatic = fn.children.some((c) => c.type === "modifier" && this.model.text(c) === "static");
    if (!isPublic || isStatic || this.model.attributesOf(fn).includes("NonAction")) return [];
    const cls = ancestor(fn, "class_declaration");
    const clsName = cls && childByField(cls, "name");
    if (!cls || !clsName) return [];
    const bases = (childOfType(cls, "base_list")?.children ?? []).map((b) => this.model.text(b));
    const isController =
      this.model.text(clsName).endsWith("Controller") || bases.some((b) => CONTROLLER_BASES.test(b)) || this.model.attributesOf(cls).some((a) => CONTROLLER_ATTRIBUTES.has(a));
    if (!isController) return [];
    const method = this.model.text(childByField(fn, "name") ?? fn);
    return this.model
      .declarationsIn(fn)
      .filter((d) => d.kind === "parameter" && !FRAMEWORK_PARAMETER_TYPES.test(d.typeNode ? this.model.text(d.typeNode) : ""))
      .map((d) => ({ name: d.name, node: d.node, description: `parameter \`${d.name}\` of the controller action \`${method}\`` }));
  }

  assignments(fn: Node): FlowAssignment[] {
    return this.model.assignmentsIn(fn);
  }

  sourceAt(node: Node): string | undefined {
    if (node.type === "member_access_expression") {
      const object = childByField(node, "expression");
      const name = childByField(node, "name");
      if (object && name && isRequest(this.model.text(object)) && REQUEST_MEMBERS.has(this.model.text(name))) return `\`${this.model.text(node)}\` (HTTP request)`;
    }
    if (node.type === "element_access_expression") {
      const object = childByField(node, "expression");
      if (object && isRequest(this.model.text(object))) return `\`${this.model.text(node)}\` (HTTP request)`;
    }
    return undefined;
  }

  /** Hashes, lengths, comparisons and parsed numbers carry nothing a deserializer could use. */
  isSanitizer(node: Node): boolean {
    if (node.type === "member_access_expression") {
      const name = childByField(node, "name");
      return name !== undefined && /^(Length|Count|IsEmpty)$/.test(this.model.text(name));
    }
    if (node.type !== "invocation_expression") return false;
    // What the program serializes from objects it holds deserializes to those objects again (a round trip).
    return SANITIZERS.has(this.model.calleeOf(node).name) || this.ownDataAt(node, node) === ROUND_TRIP;
  }

  ownDataAt(node: Node, fn: Node): string | undefined {
    if (STRING_LITERALS.has(node.type)) return CONSTANT;
    if (node.type === "invocation_expression") {
      const { name, receiver } = this.model.calleeOf(node);
      const first = argumentsOf(node)[0];
      if (name === "GetManifestResourceStream" && first && STRING_LITERALS.has(first.type)) return OWN_RESOURCE;
      // `JsonConvert.SerializeObject(x)`, `XamlWriter.Save(x)`: text the program made from its objects.
      if (SERIALIZING_METHODS.has(name) && receiver && /^([\w.]+\.)?(JsonConvert|XamlWriter|JsonSerializer|MessagePackSerializer(\.Typeless)?)$/.test(this.model.text(receiver))) return ROUND_TRIP;
      return undefined;
    }
    if (node.type === "object_creation_expression" && this.model.createdTypeName(node) === "MemoryStream" && !argumentsOf(node).length) {
      const buffer = assignedVariable(node, (n) => this.model.text(n));
      const reads = (n: Node | undefined) => n?.type === "identifier" && this.model.text(n) === buffer;
      const isSerializerWrite = (n: Node) => n.type === "invocation_expression" && /^(Serialize|WriteObject)$/.test(this.model.calleeOf(n).name) && reads(argumentsOf(n)[0]);
      const isDirectWrite = (n: Node) => {
        if (n.type !== "invocation_expression") return false;
        const { name, receiver } = this.model.calleeOf(n);
        return (reads(receiver) && /^Write/.test(name)) || (/^CopyTo/.test(name) && reads(argumentsOf(n)[0]));
      };
      if (buffer && filledBySerializer(fn, isSerializerWrite, isDirectWrite)) return ROUND_TRIP;
    }
    return undefined;
  }

  carriedData(node: Node): Node[] | undefined {
    return carriedDataOf(node, this.carriers);
  }

  private readonly carriers: Carriers = {
    types: CARRIER_TYPES,
    fileTypes: /^FileStream$/,
    stringTypes: /^StringReader$/,
    methods: CARRIER_METHODS,
    decoders: DECODERS,
    callType: "invocation_expression",
    callee: (call) => this.model.calleeOf(call),
    argumentsOf,
    createdTypeName: (creation) => this.model.createdTypeName(creation),
    isStringLiteral: (n) => STRING_LITERALS.has(n.type),
  };

  /** An object built without data (`new BinaryFormatter()`), a type named as a static receiver, `typeof(T)`. */
  holdsNoData(node: Node): boolean {
    if (node.type === "typeof_expression" || node.type === "null_literal") return true;
    if (node.type === "identifier") return /^[A-Z]/.test(this.model.text(node)) && !this.model.declarationOf(this.model.text(node), node);
    if (node.type !== "object_creation_expression" || CARRIER_TYPES.test(this.model.createdTypeName(node))) return false;
    return argumentsOf(node).every((a) => this.holdsNoData(a) || /literal$/.test(a.type));
  }

  isParameter(name: string, fn: Node): boolean {
    return this.model.isParameterOf(name, fn);
  }

  concatenationHead(node: Node): Node | undefined {
    return this.model.binaryLeft(node, "+");
  }

  variableAt(node: Node): string | undefined {
    if (node.type !== "identifier" || node.field === "name" || node.field === "type") return undefined;
    if (node.parent?.type === "member_access_expression" && node.field !== "expression") return undefined;
    return this.model.text(node);
  }
}

function isRequest(text: string): boolean {
  return /^((this|HttpContext|HttpContext\.Current|context|ctx|httpContext|Context)\s*\.\s*)?Request$/.test(text.replace(/\s+/g, ""));
}
