import type { FlowAdapter, FlowAssignment } from "../common/model.js";
import { childByField, type Node } from "../common/syntax.js";
import type { JavaModel } from "./model.js";

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
    return name !== undefined && SANITIZERS.has(this.model.text(name));
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
