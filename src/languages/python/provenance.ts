// Where a value provably comes from, when it comes from the program itself: literals and constant folding
// (`constant`), paths inside the program's own files (`own-path`: built from `__file__` or a resource of the
// module's own package) and the bytes or file objects read from them (`own-data`). Anything else is unknown
// (undefined). Strict on purpose: a value is only judged when every way it can be bound is. Browser-safe.
import { CallArguments } from "./calls.js";
import { moduleLiteralCollection } from "./semantic/find-class.js";
import type { SemanticModel } from "./semantic/model.js";
import type { Binding, Scope } from "./semantic/scopes.js";
import { decodeStringLiteral } from "./semantic/string-literal.js";
import { childByField, isAncestor, type SyntaxNode } from "./syntax.js";
import type { ConstantProvenance } from "./taint/summaries.js";

export type { Origin } from "./taint/summaries.js";
import type { Origin } from "./taint/summaries.js";

export interface Provenance {
  /** Every origin the value may have (a conditional may join a literal and a path). */
  origins: ReadonlySet<Origin>;
  /** The text of a constant string or path component, when it is one literal value. */
  value?: string;
  /** What the value is, for messages: "a bytes literal", "a path built from `__file__`". */
  reason: string;
}

const MAX_DEPTH = 24;

const PATH_CLASSES = new Set(["pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.WindowsPath", "pathlib.PurePosixPath", "pathlib.PureWindowsPath"]);
/** Path functions whose result lies where their first argument does. */
const PATH_SAME_PLACE = new Set(["os.path.abspath", "os.path.realpath", "os.path.normpath", "os.path.dirname", "os.fspath", "builtins.str", "os.fsdecode", "os.fsencode"]);
const OPENERS = new Set(["builtins.open", "io.open", "codecs.open", "gzip.open", "bz2.open", "lzma.open", "gzip.GzipFile", "bz2.BZ2File", "lzma.LZMAFile", "io.FileIO", "tarfile.open", "zipfile.ZipFile"]);
/** Functions whose result is their first argument transformed (decoded, compressed): its origin carries over. */
const DECODERS = new Set([
  "zlib.compress", "gzip.compress", "bz2.compress", "lzma.compress", "base64.b64encode", "base64.standard_b64encode",
  "base64.urlsafe_b64encode", "binascii.hexlify", "binascii.b2a_base64", "codecs.encode",
  "base64.b64decode", "base64.standard_b64decode", "base64.urlsafe_b64decode", "base64.b32decode", "base64.b16decode",
  "base64.b85decode", "base64.a85decode", "base64.decodebytes", "binascii.unhexlify", "binascii.a2b_base64",
  "binascii.a2b_hex", "builtins.bytes.fromhex", "zlib.decompress", "gzip.decompress", "bz2.decompress",
  "lzma.decompress", "codecs.decode", "builtins.bytes",
]);
/** In-memory streams: a literal in one is data to read, not a path. */
const STREAMS = new Set(["io.BytesIO", "io.StringIO", "io.BufferedReader"]);
const RESOURCE_PATHS = new Set(["importlib.resources.files", "importlib_resources.files"]);
const RESOURCE_FILE_PATHS = new Set(["importlib.resources.path", "importlib_resources.path", "pkg_resources.resource_filename"]);
const RESOURCE_DATA = new Set([
  "importlib.resources.read_binary", "importlib.resources.read_text", "importlib.resources.open_binary",
  "importlib.resources.open_text", "importlib_resources.read_binary", "importlib_resources.read_text",
  "importlib_resources.open_binary", "importlib_resources.open_text", "pkgutil.get_data",
  "pkg_resources.resource_stream", "pkg_resources.resource_string",
]);
const PATH_METHODS_SAME_PLACE = new Set(["resolve", "absolute", "joinpath", "with_name", "with_suffix", "with_stem", "__fspath__", "as_posix"]);
const PATH_METHODS_READING = new Set(["open", "read_bytes", "read_text"]);

/**
 * The qualified names the evaluator resolves, and the path attributes it follows (`HERE.joinpath`, `.parent`):
 * partial parsing keeps the code that binds them (see `SinkIndex`).
 */
export const PROVENANCE_NAMES: readonly string[] = [
  ...PATH_CLASSES, ...PATH_SAME_PLACE, "os.path.join", ...OPENERS, ...DECODERS, ...STREAMS, ...RESOURCE_PATHS,
  ...RESOURCE_FILE_PATHS, ...RESOURCE_DATA, "importlib.resources.as_file", "importlib_resources.as_file",
  ...[...PATH_METHODS_SAME_PLACE, ...PATH_METHODS_READING, "parent", "parents"].map((m) => `pathlib.Path().${m}`),
];
const DATA_METHODS = new Set(["read", "read_bytes", "read_text", "getvalue", "getbuffer", "decode", "encode", "readlines", "tobytes", "strip", "rstrip", "lstrip"]);
const CONSTANT_METHODS = new Set(["encode", "decode", "strip", "rstrip", "lstrip", "lower", "upper", "replace", "format"]);
/** Calls whose result the program does not decide, named for the `unknown` reason. */
const OUTSIDE_CALLS: readonly [RegExp, string][] = [
  [/^os\.(environ\b|getenv$|getenvb$)/, "an environment variable"],
  [/^builtins\.input$|^sys\.argv/, "user input"],
  [/^pathlib\.Path\.(home|cwd)$|^os\.(getcwd|getcwdb)$|^os\.path\.expanduser$|^tempfile\./, "a path outside the program's files (home, working or temporary directory)"],
  [/^(requests|httpx|urllib\.request|urllib3|aiohttp)\./, "a download"],
];
const LOOPS = new Set(["for_statement", "while_statement"]);
const SCOPES = new Set(["function_definition", "lambda", "class_definition"]);
/** Methods of an in-memory buffer that neither put data into it nor hand it on. */
const BUFFER_METHODS = new Set(["seek", "tell", "getvalue", "getbuffer", "close", "flush", "truncate", "seekable", "readable"]);
/** Calls that write a serialization of the program's own objects into the file object they are given. */
const ROUND_TRIP_WRITERS = new Set([
  "pickle.dump", "_pickle.dump", "cPickle.dump", "pickle5.dump", "cloudpickle.dump", "dill.dump", "marshal.dump", "joblib.dump",
  "torch.save", "numpy.save",
]);
/** Nodes one buffer check may visit: a function body larger than this is left unjudged. */
const BUFFER_WALK_BUDGET = 20_000;

/**
 * A line that writes a file: `open(..., "wb")`/`"a"`/`"x"`/`"+"`, `.write_bytes`/`.write_text`, a serializer's or
 * library's `dump`/`save`, a copy or move, a download.
 */
const WRITES = /\bopen\s*\([^\n]{0,300}?["'][rbt]*[wax+][rbt+]*["']|\.(write_bytes|write_text|touch)\s*\(|\b(dump|save|savez|savez_compressed|to_pickle|to_hdf|save_model|copy|copyfile|copy2|copytree|move|rename|replace|symlink_to|urlretrieve|hf_hub_download|download\w*)\s*\(/;

export class ProvenanceEvaluator {
  private readonly visiting = new Set<SyntaxNode>();
  /** Names and file-name literals the current judgement went through (see `judge`). */
  private marks = new Set<string>();
  /** The first thing from outside the program the current judgement met: "a parameter of `load()`". */
  private outside: string | undefined;

  constructor(private readonly model: SemanticModel) {}

  /**
   * Qualified names of other modules' constants that a judgement needed and the project index did not know: the
   * whole-program pass summarises those modules (see `FlowSummaryPart.flowDemand`).
   */
  readonly demand = new Set<string>();

  /**
   * The provenance of this module's constant `name` for the modules that import it: a module-level name assigned
   * once, that nothing rebinds (see `moduleConstantIsStable`), whose value is the program's own and is not a file
   * this module also writes. Undefined otherwise.
   */
  exportedConstant(name: string): ConstantProvenance | undefined {
    const bindings = this.model.module.bindings.get(name);
    const b = bindings?.length === 1 ? bindings[0] : undefined;
    this.marks = new Set();
    this.outside = undefined;
    // A re-export (`from .settings import MODEL_PATH` in a package's `__init__.py`): what the other module says.
    const reexported = b?.kind === "import" && b.qualifiedName && this.importIsStable(name) ? this.importedConstant(b.qualifiedName) : undefined;
    if (reexported) return { origins: [...reexported.origins], reason: reexported.reason, ...(reexported.value !== undefined ? { value: reexported.value } : {}), marks: [...this.marks] };
    if (!b || b.kind !== "assignment" || !b.value || !this.moduleConstantIsStable(name)) return undefined;
    // `ALLOWED = frozenset({("builtins", "set"), ...})`: an allowlist for the `find_class` of other modules.
    const collection = moduleLiteralCollection(this.model, b.value);
    if (collection) return { origins: ["constant"], reason: "a literal collection of strings", ...collection, marks: [] };
    const p = this.of(b.value, b.valueScope ?? b.scope);
    if (!p || (!only(p, "constant") && this.writtenInModule())) return undefined;
    // The string a constant spells, for the modules that import it as a module or member name (`import_module(SER)`).
    const value = p.value ?? (only(p, "constant") ? this.model.constantString(b.value, b.valueScope ?? b.scope) : undefined);
    return { origins: [...p.origins], reason: p.reason, ...(value !== undefined ? { value } : {}), marks: [...this.marks] };
  }

  /**
   * A constant of another project module (`pkg.settings.MODEL_PATH`), as its module's summary judged it; undefined
   * (and noted as demand) when no summary tells. `local`: the name it is bound to here, when imported by name.
   */
  private importedConstant(qualified: string, local?: string): Provenance | undefined {
    if (!/^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$/.test(qualified)) return undefined;
    const found = this.model.project?.flows?.(qualified);
    const constant = found?.length === 1 ? found[0].flows.constant : undefined;
    if (!found?.length) {
      // `MODEL_PATH`, `BASE_DIR`, and lower-case module-level names (`default_path`) too; not dunders (`__file__`).
      if (this.demand.size < 64 && !/\.__\w*__$/.test(qualified)) this.demand.add(qualified);
      return undefined;
    }
    if (!constant) return undefined;
    for (const m of constant.marks) this.marks.add(m);
    if (local && !constant.origins.every((o) => o === "constant")) this.marks.add(local);
    return { origins: new Set(constant.origins), ...(constant.value !== undefined ? { value: constant.value } : {}), reason: `${constant.reason}, through the constant \`${qualified}\`` };
  }

  /** An imported name nothing in this module rebinds: one binding (the import), no assignment, `global`, `for`, `with`, `del` or dynamic write. */
  private importIsStable(name: string): boolean {
    let stable = this.stableImports.get(name);
    if (stable === undefined) this.stableImports.set(name, (stable = this.findImportIsStable(name)));
    return stable;
  }

  private readonly stableImports = new Map<string, boolean>();

  private findImportIsStable(name: string): boolean {
    const t = (this.textualBindings ??= textualBindings(this.model.tree.source));
    if (t.dynamic || (t.assigned.get(name) ?? 0) > 0) return false;
    const n = escapeRegExp(name);
    const rebinding = new RegExp(`\\b(global|nonlocal|del)\\b[^\\n]*\\b${n}\\b|\\bfor\\b[^\\n]{0,200}?\\b${n}\\b[^\\n]{0,200}?\\bin\\b|\\bwith\\b[^\\n]*\\bas\\s+\\(?[^\\n]*\\b${n}\\b|\\b(def|class)\\s+${n}\\b`);
    return !rebinding.test(this.model.tree.source);
  }

  /**
   * The origin of a deserializer's input, or undefined when unknown. A path of the program's own that the module
   * also writes (`pickle.dump(obj, open(CACHE, "wb"))` beside `pickle.load(open(CACHE, "rb"))`) is not judged: what
   * it holds at run time is whatever was written, so `writtenHere` is set instead.
   */
  judge(expr: SyntaxNode, scope: Scope): { provenance?: Provenance; writtenHere?: boolean; outside?: string } {
    this.marks = new Set();
    this.outside = undefined;
    const p = this.of(expr, scope);
    if (!p) return this.outside ? { outside: this.outside } : {};
    if (only(p, "constant")) return { provenance: p };
    return this.writtenInModule() ? { writtenHere: true } : { provenance: p };
  }

  private writtenInModule(): boolean {
    if (!this.marks.size) return false;
    if (!this.written) {
      // The names and string contents on the module's lines that write files, gathered once.
      this.written = new Set();
      for (const line of this.model.tree.source.split(/\r?\n/)) {
        if (!WRITES.test(line)) continue;
        for (const word of line.match(/\w+/g) ?? []) this.written.add(word);
        for (const m of line.matchAll(/(["'])(.*?)\1/g)) this.written.add(m[2]!).add(basename(m[2]!));
      }
    }
    return [...this.marks].some((m) => this.written!.has(m) || this.written!.has(basename(m)));
  }

  private written?: Set<string>;
  /** Per scope node and name: whether a nested function declares it `nonlocal`. */
  private readonly nonlocals = new Map<SyntaxNode, Map<string, boolean>>();
  /** Per module-level name: whether nothing can rebind it unseen (see `moduleConstantIsStable`). */
  private readonly stable = new Map<string, boolean>();

  /** The origin of `expr` evaluated in `scope`, or undefined when it is not provably the program's own. */
  of(expr: SyntaxNode, scope: Scope, depth = 0): Provenance | undefined {
    if (depth > MAX_DEPTH || this.visiting.has(expr)) return undefined;
    this.visiting.add(expr);
    try {
      return this.evaluate(expr, scope, depth + 1);
    } finally {
      this.visiting.delete(expr);
    }
  }

  private text(n: SyntaxNode): string {
    return this.model.text(n);
  }

  private evaluate(node: SyntaxNode, scope: Scope, depth: number): Provenance | undefined {
    switch (node.type) {
      case "parenthesized_expression": {
        const inner = node.children.filter((c) => c.type !== "(" && c.type !== ")" && c.type !== "comment");
        return inner.length === 1 ? this.of(inner[0], scope, depth) : undefined;
      }
      case "integer":
      case "float":
      case "true":
      case "false":
      case "none":
        return constant(this.text(node), "a literal");
      case "string":
        return this.stringValue(node, scope, depth);
      case "concatenated_string": {
        const parts = node.children.filter((c) => c.type !== "comment").map((c) => this.of(c, scope, depth));
        if (!parts.every((p) => p && only(p, "constant"))) return undefined;
        const values = parts.map((p) => p!.value);
        return constant(values.every((v) => v !== undefined) ? values.join("") : undefined, parts[0]!.reason);
      }
      case "binary_operator":
        return this.binary(node, scope, depth);
      case "conditional_expression": {
        const [yes, , no] = node.children.filter((c) => c.type !== "comment");
        return yes && no ? join(this.of(yes, scope, depth), this.of(no, scope, depth)) : undefined;
      }
      case "boolean_operator": {
        const left = childByField(node, "left");
        const right = childByField(node, "right");
        return left && right ? join(this.of(left, scope, depth), this.of(right, scope, depth)) : undefined;
      }
      case "identifier":
        return this.name(node, scope, depth);
      case "attribute": {
        // `Path(__file__).parent`
        const object = childByField(node, "object");
        const attr = childByField(node, "attribute");
        if (object && attr && this.text(attr) !== "parent") return this.moduleAttribute(object, this.text(attr), scope);
        if (!object || !attr || this.text(attr) !== "parent") return undefined;
        const base = this.of(object, scope, depth);
        return base && only(base, "own-path") ? base : undefined;
      }
      case "subscript": {
        // `Path(__file__).parents[1]`
        const value = childByField(node, "value");
        if (value?.type !== "attribute" || this.text(childByField(value, "attribute") ?? value) !== "parents") return undefined;
        const object = childByField(value, "object");
        const base = object && this.of(object, scope, depth);
        return base && only(base, "own-path") ? base : undefined;
      }
      case "call":
        return this.call(node, scope, depth);
      default:
        return undefined;
    }
  }

  /** A literal, or an f-string whose fields are constants (or which starts with a path of the program's own). */
  private stringValue(node: SyntaxNode, scope: Scope, depth: number): Provenance | undefined {
    const fields = node.children.filter((c) => c.type === "interpolation");
    const kind = /^[rRuU]?[bB]|^[bB][rR]?/.test(this.text(node)) ? "a bytes literal" : "a string literal";
    if (!fields.length) {
      const value = decodeStringLiteral(this.text(node));
      // A file name (`model.pkl`, `data/state.pkl`) marks the file for the check that the module does not write it.
      if (value && /[\w-]\.\w+$|\//.test(value) && value.length >= 3) this.marks.add(value);
      return constant(value, kind);
    }
    const values = fields.map((f) => {
      const expr = f.children.find((c) => c.type !== "{" && c.type !== "}" && c.type !== "format_specifier" && c.type !== "type_conversion");
      return expr ? this.of(expr, scope, depth) : undefined;
    });
    if (values.every((v) => v && only(v, "constant"))) return constant(undefined, "a formatted string of literals");
    // f"{HERE}/model.pkl": the first thing in the string is a path of the program's own.
    const first = node.children.find((c) => c.type !== "string_start");
    if (first === fields[0] && values[0] && only(values[0], "own-path") && values.slice(1).every((v) => v && only(v, "constant"))) return values[0];
    return undefined;
  }

  private binary(node: SyntaxNode, scope: Scope, depth: number): Provenance | undefined {
    const left = childByField(node, "left");
    const right = childByField(node, "right");
    if (!left || !right) return undefined;
    const op = this.model.tree.source.slice(left.end, right.start).replace(/[\s()]/g, "");
    const l = this.of(left, scope, depth);
    const r = l && this.of(right, scope, depth);
    if (!l || !r) return undefined;
    if (only(l, "constant") && only(r, "constant")) {
      return constant(op === "+" && l.value !== undefined && r.value !== undefined ? l.value + r.value : undefined, "a value computed from literals");
    }
    // `HERE + "/model.pkl"` appends to the path; `Path(__file__).parent / "model.pkl"` joins (an absolute part would replace it).
    if (only(l, "own-path") && only(r, "constant") && r.value !== undefined) {
      if (op === "+" && !climbsFar(r.value)) return l;
      if (op === "/" && relativePart(r.value)) return l;
    }
    return undefined;
  }

  private name(node: SyntaxNode, scope: Scope, depth: number): Provenance | undefined {
    const name = this.text(node);
    const bindings = this.model.lookup(name, scope, node);
    if (!bindings?.length) {
      // The module's own file, unless something rebinds `__file__` where the analysis cannot see.
      if (name === "__file__" && this.moduleConstantIsStable(name)) return { origins: new Set(["own-path"]), reason: "a path built from `__file__` (the program's own files)" };
      return undefined;
    }
    const owner = bindings[0].scope;
    // `from app.settings import MODEL_PATH`: what that module's summary says of it.
    if (bindings.length === 1 && bindings[0].kind === "import" && bindings[0].qualifiedName) {
      if (owner.bindings.get(name)?.length !== 1) return undefined;
      const found = this.importedConstant(bindings[0].qualifiedName, name);
      return found && this.importIsStable(name) ? found : undefined;
    }
    if (owner.kind === "module" && !this.moduleConstantIsStable(name)) return undefined;
    if (owner.kind !== "module" && this.reboundByInnerScope(name, owner.node)) return undefined;
    let out: Provenance | undefined;
    for (const b of [...bindings, ...this.laterInSameLoop(name, owner, node, bindings)]) {
      if (b.kind !== "assignment" || !b.value || /^(typed_)?default_parameter$/.test(b.site.parent?.type ?? "")) {
        const fn = b.site.parent?.type === "parameters" ? b.site.parent.parent : b.site.parent?.parent?.type === "parameters" ? b.site.parent.parent.parent : undefined;
        const fnName = fn && childByField(fn, "name");
        if (fnName) this.outside ??= `a parameter of \`${this.text(fnName)}()\`, which its callers decide`;
        return undefined;
      }
      const p = this.roundTripBuffer(name, b, owner, node) ?? this.of(b.value, b.valueScope ?? b.scope, depth);
      if (!p) return undefined;
      // A name of a file path marks the file; names of folders (`HERE = os.path.dirname(__file__)`) serve many files.
      if (only(p, "own-path") && !/__file__|\bfiles\s*\(/.test(this.text(b.value))) this.marks.add(name);
      out = out ? join(out, p) : p;
      if (!out) return undefined;
    }
    return out;
  }

  /**
   * `buf = io.BytesIO()` in a function that only serializes its own objects into `buf` (`pickle.dump(obj, buf)`) and
   * moves in it (`buf.seek(0)`) besides the read being judged (`use`): the buffer holds a round trip. Any other use
   * (a write, an alias, a call it is handed to, a nested function naming it) leaves it unjudged.
   */
  private roundTripBuffer(name: string, b: Binding, owner: Scope, use: SyntaxNode): Provenance | undefined {
    const value = b.value;
    if (owner.kind === "module" || owner.bindings.get(name)?.length !== 1 || value?.type !== "call") return undefined;
    const callee = childByField(value, "function");
    const args = childByField(value, "arguments");
    if (!callee || !args || args.children.some((c) => !/^(comment|[()])$/.test(c.type))) return undefined;
    if (!this.model.resolve(callee, owner).some((r) => STREAMS.has(r.name))) return undefined;
    let writes = 0;
    let budget = BUFFER_WALK_BUDGET;
    const stack: SyntaxNode[] = [...owner.node.children];
    while (stack.length) {
      const n = stack.pop()!;
      if (--budget < 0) return undefined;
      if (SCOPES.has(n.type)) {
        if (this.text(n).includes(name)) return undefined;
        continue;
      }
      if (n.type !== "identifier") {
        for (const c of n.children) stack.push(c);
        continue;
      }
      if (n === use || n === b.site || this.text(n) !== name) continue;
      const how = this.bufferUse(n, owner);
      if (!how) return undefined;
      if (how === "write") writes++;
    }
    return writes ? { origins: new Set(["own-data"]), reason: "a new in-memory buffer into which the function only serialized its own objects (a round trip)" } : undefined;
  }

  /** How `buf` is used at `n`: a method that only moves in it, a serializer writing into it, else undefined. */
  private bufferUse(n: SyntaxNode, scope: Scope): "move" | "write" | undefined {
    const parent = n.parent;
    if (parent?.type === "attribute" && childByField(parent, "object") === n) {
      const attr = childByField(parent, "attribute");
      const called = parent.parent?.type === "call" && childByField(parent.parent, "function") === parent;
      return attr && called && BUFFER_METHODS.has(this.text(attr)) ? "move" : undefined;
    }
    const list = parent?.type === "keyword_argument" ? parent.parent : parent;
    const call = list?.type === "argument_list" ? list.parent : undefined;
    const callee = call?.type === "call" ? childByField(call, "function") : undefined;
    return callee && this.model.resolve(callee, scope).some((r) => ROUND_TRIP_WRITERS.has(r.name)) ? "write" : undefined;
  }

  /** `settings.MODEL_PATH`, `app.settings.MODEL_PATH`: a constant of a project module imported whole. */
  private moduleAttribute(object: SyntaxNode, attribute: string, scope: Scope): Provenance | undefined {
    const base = object.type === "identifier" ? this.model.lookup(this.text(object), scope, object) : undefined;
    // The module must be what the name is bound to, by imports only (`import app.settings as settings`).
    if (object.type === "identifier" && (!base?.length || base.some((b) => b.kind !== "import"))) return undefined;
    if (object.type !== "identifier" && object.type !== "attribute") return undefined;
    const modules = this.model.resolve(object, scope);
    if (modules.length !== 1 || modules[0].name.endsWith(")") || modules[0].projectClass || modules[0].projectInstance) return undefined;
    const found = this.importedConstant(`${modules[0].name}.${attribute}`);
    return found && (object.type !== "identifier" || this.importIsStable(this.text(object))) ? found : undefined;
  }

  /** A module-level name is judged only when nothing can rebind it unseen: no `global` statement, `globals()` or `vars()` write, and one textual assignment. */
  private moduleConstantIsStable(name: string): boolean {
    let stable = this.stable.get(name);
    if (stable === undefined) this.stable.set(name, (stable = this.findModuleConstantIsStable(name)));
    return stable;
  }

  private findModuleConstantIsStable(name: string): boolean {
    const t = (this.textualBindings ??= textualBindings(this.model.tree.source));
    return !t.dynamic && !t.other.has(name) && (t.assigned.get(name) ?? 0) <= 1;
  }

  private textualBindings?: TextualBindings;

  /** `nonlocal x` in a nested function may rebind a local `x` the outer scope's bindings do not list. */
  private reboundByInnerScope(name: string, scopeNode: SyntaxNode): boolean {
    let byName = this.nonlocals.get(scopeNode);
    if (!byName) this.nonlocals.set(scopeNode, (byName = new Map()));
    let found = byName.get(name);
    if (found === undefined) {
      // Most functions declare nothing `nonlocal`: one look for the word spares building a pattern per name.
      const text = this.text(scopeNode);
      found = text.includes("nonlocal") && new RegExp(`\\bnonlocal\\b[^\\n]{0,300}\\b${escapeRegExp(name)}\\b`).test(text);
      byName.set(name, found);
    }
    return found;
  }

  /** Bindings after the use that still reach it on the next turn of a loop enclosing both. */
  private laterInSameLoop(name: string, owner: Scope, use: SyntaxNode, seen: Binding[]): Binding[] {
    const loops: SyntaxNode[] = [];
    for (let n = use.parent; n && n !== owner.node && !SCOPES.has(n.type); n = n.parent) if (LOOPS.has(n.type)) loops.push(n);
    if (!loops.length) return [];
    return (owner.bindings.get(name) ?? []).filter((b) => !seen.includes(b) && b.position > use.start && loops.some((l) => isAncestor(l, b.site)));
  }

  private call(node: SyntaxNode, scope: Scope, depth: number): Provenance | undefined {
    const callee = childByField(node, "function");
    if (!callee) return undefined;
    const args = new CallArguments(node, this.model.tree.source);
    if (args.hasStarArgs || args.hasKwArgs) return undefined;
    const names = new Set(this.model.resolve(callee, scope).map((r) => r.name.replace(/^(posixpath|ntpath)\./, "os.path.")));
    const has = (set: ReadonlySet<string>) => [...names].some((n) => set.has(n));
    const first = args.positional[0];
    const evalArg = (n: SyntaxNode | undefined) => (n ? this.of(n, scope, depth) : undefined);
    if (has(ROUND_TRIP_SERIALIZERS)) return { origins: new Set(["own-data"]), reason: "what the program just serialized from its own objects (a round trip)" };
    if (has(PATH_CLASSES) || names.has("os.path.join")) {
      // Path(__file__, "..", "model.pkl"), os.path.join(HERE, "model.pkl"): later parts must be relative literals.
      if (!first || args.keywords.size) return undefined;
      const parts = args.positional.map(evalArg);
      if (!parts.every((p) => p)) return undefined;
      if (parts.every((p) => only(p!, "constant"))) return constant(undefined, "a literal path");
      if (!only(parts[0]!, "own-path")) return undefined;
      return parts.slice(1).every((p) => only(p!, "constant") && p!.value !== undefined && relativePart(p!.value)) ? parts[0] : undefined;
    }
    if (has(PATH_SAME_PLACE)) {
      const p = args.positional.length === 1 ? evalArg(first) : undefined;
      return p && (only(p, "own-path") || only(p, "constant") || (names.has("builtins.str") && only(p, "own-data"))) ? p : undefined;
    }
    if (has(OPENERS)) {
      const target = args.find("file", 0) ?? args.find("filename") ?? args.find("name") ?? args.find("fileobj");
      const p = evalArg(target);
      return p && (only(p, "own-path") || only(p, "own-data")) ? { origins: new Set(["own-data"]), reason: only(p, "own-data") ? p.reason : `read from ${p.reason}` } : undefined;
    }
    if (has(STREAMS)) {
      const p = args.positional.length === 1 && !args.keywords.size ? evalArg(first) : undefined;
      return p && (only(p, "constant") || only(p, "own-data")) ? { origins: new Set(["own-data"]), reason: p.reason } : undefined;
    }
    if (has(DECODERS)) {
      const p = evalArg(first);
      const rest = [...args.positional.slice(1), ...args.keywords.values()].every((a) => { const r = evalArg(a); return r && only(r, "constant"); });
      return p && rest && (only(p, "constant") || only(p, "own-data")) ? p : undefined;
    }
    if (has(RESOURCE_PATHS)) {
      const pkg = args.find("anchor", 0) ?? args.find("package");
      return !pkg || this.ownPackage(pkg, scope) ? { origins: new Set(["own-path"]), reason: "a resource of the program's own package" } : undefined;
    }
    if (has(RESOURCE_FILE_PATHS) || has(RESOURCE_DATA)) {
      const pkg = args.find("package", 0) ?? args.find("package_or_requirement");
      const resource = args.find("resource", 1) ?? args.find("resource_name");
      const r = evalArg(resource);
      if (!pkg || !this.ownPackage(pkg, scope) || !r || !only(r, "constant") || r.value === undefined || !relativePart(r.value)) return undefined;
      return { origins: new Set([has(RESOURCE_DATA) ? "own-data" : "own-path"]), reason: "a resource of the program's own package" };
    }
    if (names.has("importlib.resources.as_file") || names.has("importlib_resources.as_file")) {
      const p = evalArg(first);
      return p && only(p, "own-path") ? p : undefined;
    }
    for (const n of names) {
      const from = OUTSIDE_CALLS.find(([pattern]) => pattern.test(n));
      if (from) this.outside ??= from[1];
    }
    if (callee.type !== "attribute") return undefined;
    // Methods of a value whose origin is known: `HERE_PATH.joinpath("m.pkl").open("rb")`, `f.read()`, `b"..".decode()`.
    const object = childByField(callee, "object");
    const method = this.text(childByField(callee, "attribute") ?? callee);
    const base = object && this.of(object, scope, depth);
    if (!base) return undefined;
    const argsConstant = args.values().every((a) => { const r = evalArg(a); return r && only(r, "constant") && (r.value === undefined || relativePart(r.value)); });
    if (only(base, "own-path") && PATH_METHODS_SAME_PLACE.has(method) && argsConstant) return base;
    if (only(base, "own-path") && PATH_METHODS_READING.has(method) && argsConstant) return { origins: new Set(["own-data"]), reason: `read from ${base.reason}` };
    if (only(base, "own-data") && DATA_METHODS.has(method) && argsConstant) return base;
    if (only(base, "constant") && CONSTANT_METHODS.has(method) && argsConstant) return constant(undefined, base.reason);
    return undefined;
  }

  /** `__name__`, `__package__`, or a literal naming the package the module belongs to. */
  private ownPackage(node: SyntaxNode, scope: Scope): boolean {
    const text = this.text(node);
    if ((text === "__name__" || text === "__package__") && node.type === "identifier") return !this.model.lookup(text, scope, node)?.length;
    const p = this.of(node, scope, 1);
    const value = p && only(p, "constant") ? p.value : undefined;
    const own = this.model.moduleName.split(".")[0];
    return value !== undefined && own !== "" && value.split(".")[0] === own;
  }
}

function constant(value: string | undefined, reason: string): Provenance {
  return { origins: new Set(["constant"]), ...(value !== undefined ? { value } : {}), reason };
}

function only(p: Provenance, origin: Origin): boolean {
  return p.origins.size === 1 && p.origins.has(origin);
}

function join(a: Provenance | undefined, b: Provenance | undefined): Provenance | undefined {
  if (!a || !b) return undefined;
  const origins = new Set([...a.origins, ...b.origins]);
  return { origins, ...(a.value !== undefined && a.value === b.value ? { value: a.value } : {}), reason: a.reason };
}

/**
 * A path part that `os.path.join` or `/` appends instead of starting over at the root, the home or a drive, and
 * that does not climb far out of the program's folders.
 */
function relativePart(value: string): boolean {
  return !/^([\\/~]|[A-Za-z]:)/.test(value) && !value.includes("\0") && !climbsFar(value);
}

/** More than two `..` steps: out of the package and the project it sits in (`../../../tmp/x`). */
function climbsFar(value: string): boolean {
  return value.split(/[\\/]/).filter((s) => s === "..").length > 2;
}

/** `global NAME` anywhere, or a write through `globals()`/`vars()`/`sys.modules[__name__]`. */
/**
 * How often each name is assigned anywhere in the text, the names bound some other way (`global`, `as`, `for`,
 * `import`, `def`, `class`, `del`), and whether the module writes its globals dynamically (`globals()[...]`,
 * `vars().update`, `setattr(sys.modules[...], ...)`). Read from the text, so code a partial parse left out counts.
 */
interface TextualBindings {
  assigned: Map<string, number>;
  other: Set<string>;
  dynamic: boolean;
}

function textualBindings(source: string): TextualBindings {
  const assigned = new Map<string, number>();
  for (const m of source.matchAll(/(?:^|[^\w.])([A-Za-z_]\w*)\s*(?:=(?!=)|[-+*/%&|^@]=|<<=|>>=|\*\*=|\/\/=|:=|:[^=\n]{0,200}=(?!=))/gm)) {
    assigned.set(m[1]!, (assigned.get(m[1]!) ?? 0) + 1);
  }
  const other = new Set<string>();
  const words = (text: string) => {
    for (const w of text.match(/[A-Za-z_]\w*/g) ?? []) other.add(w);
  };
  for (const m of source.matchAll(/\b(?:global|import)\b([^\n]*)/g)) words(m[1]!);
  for (const m of source.matchAll(/\bfor\b([^\n]{0,200}?)\bin\b/g)) words(m[1]!);
  for (const m of source.matchAll(/\b(?:as|def|class|del)\s+([A-Za-z_]\w*)/g)) other.add(m[1]!);
  const dynamic = /\b(globals|vars)\s*\(\s*\)\s*(\[|\.update|\.setdefault)|setattr\s*\(\s*sys\.modules/.test(source);
  return { assigned, other, dynamic };
}

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `pickle.loads(pickle.dumps(obj))`: bytes serialized from a live object rebuild only what the program already holds. */
const ROUND_TRIP_SERIALIZERS = new Set([
  "pickle.dumps", "_pickle.dumps", "cPickle.dumps", "pickle5.dumps", "cloudpickle.dumps", "dill.dumps", "marshal.dumps",
  "jsonpickle.encode", "jsonpickle.dumps", "yaml.dump", "yaml.safe_dump",
]);
