import type { FlowAdapter, FlowAssignment } from "../common/model.js";
import { assignedVariable, carriedDataOf, CONSTANT, filledBySerializer, OWN_RESOURCE, ROUND_TRIP, type Carriers } from "../common/own-data.js";
import { childByField, type Node } from "../common/syntax.js";
import { argumentsOf, type JavaModel } from "./model.js";

/** Spring MVC, JAX-RS and Spring messaging annotations that make a method a web entry point. */
const HANDLER_ANNOTATIONS = new Set([
  "RequestMapping", "GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping",
  "GET", "POST", "PUT", "DELETE", "PATCH", "Path", "MessageMapping", "JmsListener", "KafkaListener", "RabbitListener",
]);
/** Handler parameters the framework fills with its own objects, not request data. */
const FRAMEWORK_PARAMETER_TYPES = /^(Model|ModelMap|ModelAndView|BindingResult|Errors|HttpServletResponse|ServletResponse|Principal|Authentication|Locale|RedirectAttributes|HttpSession|SessionStatus|UriComponentsBuilder|TimeZone|ZoneId)$/;
/** Servlet request types, whose getters return request data. */
const REQUEST_TYPES = /(^|\.)(HttpServletRequest|ServletRequest|HttpServletRequestWrapper|MultipartHttpServletRequest|ServerHttpRequest|HttpRequest|WebRequest|NativeWebRequest)$/;
const REQUEST_GETTERS = new Set([
  "getInputStream", "getReader", "getParameter", "getParameterValues", "getParameterMap", "getHeader", "getHeaders",
  "getCookies", "getQueryString", "getPart", "getParts", "getBody", "getRequestURI", "getPathInfo", "getNativeRequest",
]);

const SANITIZERS = new Set(["hashCode", "length", "size", "equals", "equalsIgnoreCase", "isEmpty", "isBlank", "contains", "startsWith", "endsWith", "matches", "parseInt", "parseLong", "parseDouble", "parseBoolean", "compareTo"]);

/** Methods that return what the program serializes from its own objects (on the receivers `serializes` accepts). */
const SERIALIZING_METHODS = /^(serialize|dump|dumpAs|dumpAll|dumpAsMap|writeValueAsString|writeValueAsBytes|toXML|toJSONString|toJSONBytes)$/;
const RESOURCE_METHODS = new Set(["getResourceAsStream", "getSystemResourceAsStream"]);
/** Types whose instances read the data of their first constructor argument (streams, readers, Kryo/Hessian inputs). */
const CARRIER_TYPES = /(InputStream|Reader|Input|^String|^StringBuilder)$/;
/** Methods whose result is the receiver's data in another form. */
const CARRIER_METHODS = new Set(["toByteArray", "getBytes", "toString", "trim", "strip", "array", "readAllBytes"]);
const DECODERS = new Set(["decode", "decodeBase64", "parseBase64Binary", "decodeHex"]);

/** Streams that write objects into the buffer they are given: Java serialization, Hessian and Burlap. */
const OBJECT_WRITERS = /^(ObjectOutputStream|Hessian2?Output|Hessian2StreamingOutput|BurlapOutput)$/;

/** Java web entry points and assignment forms for the shared taint tracker. */
export class JavaFlow implements FlowAdapter {
  constructor(private readonly model: JavaModel) {}

  sourceParameters(fn: Node): { name: string; node: Node; description: string }[] {
    if (fn.type !== "method_declaration") return [];
    const handler = this.model.annotationsOf(fn).find((a) => HANDLER_ANNOTATIONS.has(a.name));
    if (!handler) return [];
    const method = this.model.text(childByField(fn, "name") ?? fn);
    return this.model
      .declarationsIn(fn)
      .filter((d) => d.kind === "parameter" && !FRAMEWORK_PARAMETER_TYPES.test(d.typeNode ? this.model.text(d.typeNode).replace(/<[\s\S]*>/, "") : ""))
      .map((d) => ({ name: d.name, node: d.node, description: `parameter \`${d.name}\` of the request handler \`${method}\` (@${handler.name})` }));
  }

  assignments(fn: Node): FlowAssignment[] {
    return this.model.assignmentsIn(fn);
  }

  sourceAt(node: Node): string | undefined {
    if (node.type !== "method_invocation") return undefined;
    const name = childByField(node, "name");
    const object = childByField(node, "object");
    if (!name || !object) return undefined;
    const method = this.model.text(name);
    if (method === "getInputStream") {
      const type = this.model.typeOf(object);
      if (type?.names.some((t) => t === "java.net.Socket" || t === "javax.net.ssl.SSLSocket")) return `\`${this.model.text(node)}\` (network input)`;
      const inner = object.type === "method_invocation" ? childByField(object, "name") : undefined;
      if (inner && this.model.text(inner) === "accept") return `\`${this.model.text(node)}\` (network input)`;
    }
    if (!REQUEST_GETTERS.has(method)) return undefined;
    const type = this.model.typeOf(object);
    const written = type?.type.name ?? (object.type === "identifier" ? this.writtenTypeOf(object) : undefined);
    if (written && REQUEST_TYPES.test(written)) return `\`${this.model.text(node)}\` (HTTP request)`;
    return undefined;
  }

  /** The type as written, for request types the file uses without an import the analysis knows. */
  private writtenTypeOf(identifier: Node): string | undefined {
    const decl = this.model.declarationOf(this.model.text(identifier), identifier);
    return decl?.typeNode ? this.model.text(decl.typeNode) : undefined;
  }

  /** Hashes, lengths, comparisons and parsed numbers carry nothing a deserializer could use. */
  isSanitizer(node: Node): boolean {
    if (node.type !== "method_invocation") return false;
    const name = childByField(node, "name");
    // What the program serializes from objects it holds deserializes to those objects again (a round trip).
    return name !== undefined && (SANITIZERS.has(this.model.text(name)) || this.ownDataAt(node, node) === ROUND_TRIP);
  }

  ownDataAt(node: Node, fn: Node): string | undefined {
    if (node.type === "string_literal" || node.type === "text_block") return CONSTANT;
    if (node.type === "method_invocation") {
      const name = this.model.text(childByField(node, "name") ?? node);
      const object = childByField(node, "object");
      const first = argumentsOf(node)[0];
      if (SERIALIZING_METHODS.test(name) && object && this.serializes(object, name)) return ROUND_TRIP;
      if (RESOURCE_METHODS.has(name) && first?.type === "string_literal") return OWN_RESOURCE;
      // `getResource("/x.ser").openStream()`
      if (name === "openStream" && object?.type === "method_invocation" && this.model.text(childByField(object, "name") ?? object) === "getResource" && argumentsOf(object)[0]?.type === "string_literal") return OWN_RESOURCE;
      return undefined;
    }
    if (node.type === "object_creation_expression" && this.model.createdTypeName(node) === "ByteArrayOutputStream" && !argumentsOf(node).length) {
      const buffer = assignedVariable(node, (n) => this.model.text(n));
      const reads = (n: Node | undefined) => n?.type === "identifier" && this.model.text(n) === buffer;
      const isSerializerWrite = (n: Node) => n.type === "object_creation_expression" && OBJECT_WRITERS.test(this.model.createdTypeName(n) ?? "") && reads(argumentsOf(n)[0]);
      const isDirectWrite = (n: Node) => n.type === "method_invocation" && reads(childByField(n, "object")) && /^write/.test(this.model.text(childByField(n, "name") ?? n));
      if (buffer && filledBySerializer(fn, isSerializerWrite, isDirectWrite)) return ROUND_TRIP;
    }
    return undefined;
  }

  /** `SerializationUtils.serialize`, a SnakeYAML `dump`, Jackson's `writeValueAs*`, XStream's `toXML`, fastjson's `toJSON*`. */
  private serializes(object: Node, method: string): boolean {
    if (method === "serialize") return /(^|\.)SerializationUtils$/.test(this.model.text(object));
    if (method.startsWith("dump")) return this.model.typeOf(object)?.names.includes("org.yaml.snakeyaml.Yaml") ?? false;
    if (method.startsWith("toJSON")) return /(^|\.)JSON$/.test(this.model.text(object));
    return true;
  }

  carriedData(node: Node): Node[] | undefined {
    return carriedDataOf(node, this.carriers);
  }

  private readonly carriers: Carriers = {
    types: CARRIER_TYPES,
    fileTypes: /^(File|RandomAccessFile)/,
    stringTypes: /^(StringReader|String|StringBuilder)$/,
    methods: CARRIER_METHODS,
    decoders: DECODERS,
    callType: "method_invocation",
    callee: (call) => {
      const object = childByField(call, "object");
      return { name: this.model.text(childByField(call, "name") ?? call), ...(object ? { receiver: object } : {}) };
    },
    argumentsOf,
    createdTypeName: (creation) => this.model.createdTypeName(creation),
    isStringLiteral: (n) => n.type === "string_literal",
  };

  /** An object built without data: `new XStream()`, `new Yaml(new SafeConstructor(new LoaderOptions()))`. */
  holdsNoData(node: Node): boolean {
    if (node.type === "class_literal" || node.type === "null_literal") return true;
    // A type as the receiver of a static call (`SerializationUtils.deserialize(b)`).
    if (node.type === "identifier" || node.type === "field_access" || node.type === "scoped_identifier") {
      const written = this.model.text(node).replace(/\s+/g, "");
      const first = written.split(".")[0];
      return /^[A-Z]/.test(written.slice(written.lastIndexOf(".") + 1)) && !this.model.declarationOf(first, node) && this.model.resolveTypeName(written) !== undefined;
    }
    if (node.type !== "object_creation_expression" || CARRIER_TYPES.test(this.model.createdTypeName(node)) || /OutputStream$/.test(this.model.createdTypeName(node))) return false;
    return argumentsOf(node).every((a) => this.holdsNoData(a) || /literal$/.test(a.type));
  }

  isParameter(name: string, fn: Node): boolean {
    return this.model.isParameterOf(name, fn);
  }

  concatenationHead(node: Node): Node | undefined {
    return this.model.binaryLeft(node, "+");
  }

  variableAt(node: Node): string | undefined {
    if (node.type !== "identifier") return undefined;
    if (node.field === "name" || node.field === "field" || node.field === "key" || node.field === "type") return undefined;
    return this.model.text(node);
  }
}
