import type { FlowAdapter, FlowAssignment } from "../common/model.js";
import { ancestor, childByField, childOfType, type Node } from "../common/syntax.js";
import type { CSharpModel } from "./model.js";

/** Bases and attributes that make a class an ASP.NET (Core, MVC, Web API) controller or Razor page. */
const CONTROLLER_BASES = /(^|\.)(Controller|ControllerBase|ApiController|PageModel|ODataController|Hub)$/;
const CONTROLLER_ATTRIBUTES = new Set(["ApiController", "Controller", "Route"]);
/** Action parameters the framework fills itself. */
const FRAMEWORK_PARAMETER_TYPES = /^(CancellationToken|ILogger(<.*>)?|HttpContext|ClaimsPrincipal|IServiceProvider)$/;
const REQUEST_MEMBERS = new Set(["Body", "BodyReader", "Form", "Query", "QueryString", "Cookies", "Headers", "InputStream", "Params", "Files", "RawUrl", "Path", "PathInfo", "Url", "ReadFormAsync", "ReadFromJsonAsync", "Content", "GetBufferedInputStream", "GetBufferlessInputStream", "BinaryRead"]);

const SANITIZERS = new Set(["GetHashCode", "Equals", "Contains", "StartsWith", "EndsWith", "Parse", "TryParse", "CompareTo", "Count", "Any", "IsNullOrEmpty", "IsNullOrWhiteSpace", "GetFileName"]);

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
    const fn = childByField(node, "function");
    const name = fn?.type === "member_access_expression" ? childByField(fn, "name") : fn;
    return name !== undefined && SANITIZERS.has(this.model.text(name).replace(/<[\s\S]*>$/, ""));
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
