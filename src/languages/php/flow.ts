import type { FlowAdapter, FlowAssignment } from "../common/model.js";
import { CONSTANT, ROUND_TRIP } from "../common/own-data.js";
import { childByField, type Node } from "../common/syntax.js";
import { argumentsOf, type PhpModel } from "./model.js";

const SUPERGLOBALS = new Set(["$_GET", "$_POST", "$_COOKIE", "$_REQUEST", "$_FILES", "$_SERVER", "$HTTP_RAW_POST_DATA"]);
/** `$_SERVER` keys the request fills (see `requestServerKey`). */
const REQUEST_SERVER_KEYS = /^(HTTP_\w+|REQUEST_URI|REQUEST_METHOD|QUERY_STRING|PATH_INFO|ORIG_PATH_INFO|PATH_TRANSLATED|PHP_SELF|SCRIPT_URL|SCRIPT_URI|REDIRECT_\w+|CONTENT_TYPE|CONTENT_LENGTH|PHP_AUTH_\w+|AUTH_TYPE|REMOTE_USER|SERVER_NAME|argv)$/;
const REQUEST_CLASSES = /(^|\\)(Request|ServerRequestInterface|RequestInterface|FormRequest)$/;
const REQUEST_METHODS = new Set([
  "get", "input", "query", "post", "cookie", "header", "all", "file", "getcontent", "json", "getparsedbody", "getqueryparams", "getcookieparams", "getbody", "getuploadedfiles", "toarray", "only", "except", "string", "str",
  // CodeIgniter 4's `IncomingRequest`
  "getpost", "getget", "getvar", "getcookie", "getjson", "getrawinput", "getpostget", "getgetpost", "getheaderline",
]);
/**
 * `$this->input->post('x')` (CodeIgniter 3's `CI_Input`), `$app->input->getString('x')` (Joomla's `Input`): the
 * request's fields, cookies and body through an `input` property.
 */
const INPUT_METHODS = new Set(["get", "post", "cookie", "get_post", "post_get", "input_stream", "request_headers", "get_request_header", "user_agent", "getstring", "getraw", "getvar", "getcmd", "getarray", "json", "getbase64"]);

/**
 * `$this->request->get['x']` (OpenCart's `Request`, which copies the superglobals into `get`, `post`, `cookie`,
 * `files`, `server` and `request` properties): the superglobal by another name.
 */
const REQUEST_ARRAYS = new Set(["get", "post", "cookie", "files", "server", "request"]);

const SANITIZERS = new Set(["md5", "sha1", "hash", "hash_hmac", "crc32", "intval", "floatval", "boolval", "count", "strlen", "basename", "is_numeric", "isset", "empty", "abs", "round", "password_hash", "uniqid"]);

const SERIALIZERS = new Set(["serialize", "igbinary_serialize", "msgpack_pack", "var_export"]);
/** Functions whose result is their first argument's data in another form. */
const DECODERS = new Set(["base64_decode", "gzuncompress", "gzinflate", "gzdecode", "hex2bin", "stripslashes", "trim", "urldecode", "rawurldecode", "str_rot13", "strval"]);

/** PHP request data (superglobals, `php://input`, framework request objects) and assignment forms for taint. */
export class PhpFlow implements FlowAdapter {
  constructor(private readonly model: PhpModel) {}

  sourceParameters(): { name: string; node: Node; description: string }[] {
    return [];
  }

  assignments(fn: Node): FlowAssignment[] {
    return this.model.assignmentsIn(fn);
  }

  sourceAt(node: Node): string | undefined {
    if (node.type === "variable_name" && SUPERGLOBALS.has(this.model.text(node))) {
      const subscript = node.parent?.type === "subscript_expression" && node.parent.children[0] === node ? node.parent : undefined;
      if (this.model.text(node) === "$_SERVER" && subscript && !this.requestServerKey(subscript)) return undefined;
      return `\`${this.model.text(subscript ?? node)}\` (request data)`;
    }
    if (node.type === "member_access_expression" && this.requestArray(node)) {
      const subscript = node.parent?.type === "subscript_expression" && node.parent.children[0] === node ? node.parent : undefined;
      if (/server$/i.test(this.model.text(node)) && subscript && !this.requestServerKey(subscript)) return undefined;
      return `\`${this.model.text(subscript ?? node)}\` (HTTP request)`;
    }
    if (node.type === "function_call_expression") {
      const fn = childByField(node, "function");
      const name = fn ? this.model.text(fn).replace(/^\\/, "").toLowerCase() : "";
      const arg = childByField(node, "arguments")?.children[0];
      if ((name === "file_get_contents" || name === "fopen") && arg && /php:\/\/input/i.test(this.model.text(arg))) return `\`${this.model.text(node)}\` (request body)`;
      if (name === "getallheaders" || name === "apache_request_headers") return `\`${this.model.text(node)}\` (request headers)`;
    }
    if (node.type === "member_call_expression") {
      const object = childByField(node, "object");
      const name = childByField(node, "name");
      if (!object || !name) return undefined;
      const method = this.model.text(name).toLowerCase();
      if (object.type === "member_access_expression" && /^input$/i.test(this.model.text(childByField(object, "name") ?? object)) && INPUT_METHODS.has(method)) {
        return `\`${this.model.text(node)}\` (HTTP request)`;
      }
      if (!REQUEST_METHODS.has(method)) return undefined;
      const isHelper = object.type === "function_call_expression" && /^\\?request$/i.test(this.model.text(childByField(object, "function") ?? object));
      const cls = object.type === "variable_name" ? this.model.classOfVariable(object, node) : undefined;
      const viaProperty = object.type === "member_access_expression" && /^(request|query|cookies|headers|files)$/i.test(this.model.text(childByField(object, "name") ?? object));
      if (isHelper || (cls && REQUEST_CLASSES.test(cls)) || viaProperty) return `\`${this.model.text(node)}\` (HTTP request)`;
    }
    return undefined;
  }

  /**
   * Whether `$_SERVER[key]` holds request data: the request's headers (`HTTP_*`), URI, path, query, method, content
   * headers and credentials, or a key the analysis cannot read. Other named keys are the server's settings and the
   * process environment (`$_SERVER['LARAVEL_INVOKABLE_CLOSURE']` in a console command): not request data.
   */
  private requestServerKey(subscript: Node): boolean {
    const key = subscript.children[1];
    const name = key && this.model.stringValue(key);
    return name === undefined || REQUEST_SERVER_KEYS.test(name);
  }

  /**
   * `$_FILES[field]['tmp_name']` (also nested: `$_FILES['groups']['tmp_name'][$id]['value']`): PHP names the
   * temporary file of an upload itself, so the request cannot put a `phar://` wrapper at the start of that path.
   */
  serverChosenPath(node: Node): boolean {
    let tmpName = false;
    let n: Node | undefined = node;
    while (n?.type === "subscript_expression") {
      const key = n.children[1];
      if (key && this.model.stringValue(key) === "tmp_name") tmpName = true;
      n = n.children[0];
    }
    return tmpName && n !== undefined && (this.model.text(n) === "$_FILES" || (n.type === "member_access_expression" && this.requestArray(n) && /files$/i.test(this.model.text(n))));
  }

  /**
   * A URL that starts with the program's own host: a constant (`OPENCART_SERVER . 'index.php?...'`) or a literal
   * naming scheme and host. Request data further on is only a query the program sends; what that server answers is
   * not the request's (OpenCart's marketplace download read its API's JSON as request data).
   */
  private ownHost(url: Node | undefined): boolean {
    let head = url;
    for (let left = head && this.concatenationHead(head); left; left = this.concatenationHead(left)) head = left;
    if (!head || head === url) return false;
    if (head.type === "name" || head.type === "qualified_name") return /^[A-Z][A-Z0-9_]*$/.test(this.model.text(head).replace(/^.*\\/, ""));
    const literal = this.model.stringValue(head);
    return literal !== undefined && /^https?:\/\/[^/?#]+[/?#]/i.test(literal);
  }

  /** `$this->request->get` and its siblings (see REQUEST_ARRAYS). */
  private requestArray(node: Node): boolean {
    const name = childByField(node, "name");
    const object = childByField(node, "object");
    if (!name || object?.type !== "member_access_expression" || !REQUEST_ARRAYS.has(this.model.text(name).toLowerCase())) return false;
    return /^request$/i.test(this.model.text(childByField(object, "name") ?? object));
  }

  /** Hashes, numbers, counts and base names carry nothing a deserializer or a stream wrapper could use. */
  isSanitizer(node: Node): boolean {
    if (node.type === "cast_expression") return /^\(\s*(int|integer|float|double|bool|boolean)\s*\)/i.test(this.model.text(node));
    if (node.type !== "function_call_expression") return false;
    const fn = childByField(node, "function");
    if (fn && /^\\?curl_init$/i.test(this.model.text(fn)) && this.ownHost(argumentsOf(node, this.model).args[0])) return true;
    // What the program serializes from values it holds unserializes to those values again (a round trip).
    return fn !== undefined && (SANITIZERS.has(this.model.text(fn).replace(/^\\/, "").toLowerCase()) || this.ownDataAt(node) === ROUND_TRIP);
  }

  ownDataAt(node: Node): string | undefined {
    if (node.type === "string" || (node.type === "encapsed_string" && this.model.stringValue(node) !== undefined)) return CONSTANT;
    if (node.type !== "function_call_expression") return undefined;
    const fn = childByField(node, "function");
    return fn && SERIALIZERS.has(this.model.text(fn).replace(/^\\/, "").toLowerCase()) ? ROUND_TRIP : undefined;
  }

  carriedData(node: Node): Node[] | undefined {
    if (node.type === "parenthesized_expression") return node.children.slice(0, 1);
    if (node.type === "unary_op_expression" && this.model.text(node).startsWith("@")) return node.children.slice(-1);
    if (node.type !== "function_call_expression") return undefined;
    const fn = childByField(node, "function");
    const first = argumentsOf(node, this.model).args[0];
    return fn && first && DECODERS.has(this.model.text(fn).replace(/^\\/, "").toLowerCase()) ? [first] : undefined;
  }

  isParameter(name: string, fn: Node): boolean {
    const params = childByField(fn, "parameters");
    return (params?.children ?? []).some((p) => {
      const n = childByField(p, "name");
      return n !== undefined && this.model.text(n).replace(/^\$/, "") === name;
    });
  }

  concatenationHead(node: Node): Node | undefined {
    return this.model.binaryLeft(node, ".");
  }

  variableAt(node: Node): string | undefined {
    if (node.type !== "variable_name") return undefined;
    const text = this.model.text(node);
    return text === "$this" ? undefined : text.replace(/^\$/, "");
  }
}
