// Judges a Keras model configuration (the `model_config` attribute of a legacy .h5 file, a .keras archive's
// config.json): loading a model rebuilds every object the JSON names, so the JSON is code in the same way a pickle
// is. What it can run, and the published bypasses behind each check:
//  - Lambda layers carry marshalled Python bytecode (base64), run by load_model with safe_mode=False, by Keras
//    before 2.13 whatever the mode (CVE-2024-3660), and by Keras 3 before 3.11 for legacy .h5 files (CVE-2025-9905);
//  - `module` + `class_name` make Keras 3 before 3.9 import any module and fetch any attribute (CVE-2025-1550), and
//    a Lambda's `module` + named `function` does the same in Keras 2;
//  - Keras' own helpers turned into gadgets: `keras.config.enable_unsafe_deserialization` switches safe mode off
//    for the Lambda that follows (CVE-2025-9906), `keras.utils.get_file` downloads (CVE-2025-8747), `TFSMLayer`
//    loads a TensorFlow SavedModel, and lookup layers read a `vocabulary` path or URL on load (CVE-2025-12058);
//  - `TorchModuleWrapper` keeps a `torch.save` file (base64) that from_config hands to torch.load(weights_only=False),
//    in safe mode too before Keras 3.11.3 (keras PR 21575): those bytes are returned to be scanned as an artifact.
// A module the scanned project defines is judged by its source, as the pickle policy judges project globals.
// Browser-safe; nothing is ever imported or decoded into code.
import { matchDenylist } from "../pickle/names.js";
import type { PickleIssue, ProjectGlobals } from "../types.js";

/** Packages a Keras config legitimately names: Keras itself and the libraries built on it. */
const KERAS_PACKAGES = ["keras", "tf_keras", "tensorflow", "keras_hub", "keras_nlp", "keras_cv", "keras_rs"];

/** Keras names whose loading does more than build a layer (see the header). */
const KERAS_GADGETS: ReadonlyMap<string, string> = new Map([
  ["enable_unsafe_deserialization", "switches Keras' safe mode off for the rest of the load (CVE-2025-9906)"],
  ["get_file", "downloads a file from a URL the config names (CVE-2025-8747)"],
  ["load_model", "loads another model file from a path the config names"],
  ["TFSMLayer", "loads and runs a TensorFlow SavedModel from a path the config names"],
]);

/**
 * TensorFlow functions a config may name (a Lambda's `module` + `function` in Keras 2, which looks the module up in
 * sys.modules; a function reference in Keras 3 before 3.9) that do more than compute on tensors: TensorFlow is
 * otherwise trusted as Keras' own backend, but these load native code, call Python callables, or touch the file
 * system at a path a Lambda's `arguments` can choose. Keyed by the function's name; `where` narrows names common
 * elsewhere to the module they are dangerous in. (The ops themselves, tf.io.read_file and the like, also run when a
 * loaded model is called; in a config they are a call site the model's author chose, not a layer.)
 */
const TENSORFLOW_GADGETS: ReadonlyMap<string, { reason: string; severity: "critical" | "high"; where?: RegExp }> = new Map([
  ["load_op_library", { reason: "loads a native shared library (its code runs in the process)", severity: "critical" }],
  ["load_library", { reason: "loads a native shared library (its code runs in the process)", severity: "critical" }],
  ["load_pluggable_device_library", { reason: "loads a native shared library (its code runs in the process)", severity: "critical" }],
  ["py_function", { reason: "calls a Python function from inside the graph", severity: "critical" }],
  ["numpy_function", { reason: "calls a Python function from inside the graph", severity: "critical" }],
  ["py_func", { reason: "calls a Python function from inside the graph", severity: "critical" }],
  ["eager_py_func", { reason: "calls a Python function from inside the graph", severity: "critical" }],
  ["read_file", { reason: "reads a file", severity: "high" }],
  ["write_file", { reason: "writes a file", severity: "high" }],
  ["matching_files", { reason: "lists files", severity: "high" }],
  ["create_file_writer", { reason: "writes files", severity: "high" }],
  ["load", { reason: "loads and runs another model from a path", severity: "high", where: /(^|\.)(saved_model|data)(\.|$)/ }],
  ["GFile", { reason: "opens a file", severity: "high", where: /(^|\.)gfile(\.|$)/ }],
  ["copy", { reason: "copies a file", severity: "high", where: /(^|\.)gfile(\.|$)/ }],
  ["rename", { reason: "moves a file", severity: "high", where: /(^|\.)gfile(\.|$)/ }],
  ["remove", { reason: "deletes a file", severity: "high", where: /(^|\.)gfile(\.|$)/ }],
  ["rmtree", { reason: "deletes a directory tree", severity: "high", where: /(^|\.)gfile(\.|$)/ }],
  ["makedirs", { reason: "creates directories", severity: "high", where: /(^|\.)gfile(\.|$)/ }],
]);

/** Preprocessing layers that read their vocabulary from a path (or URL) when it is a string. */
const VOCABULARY_READERS = new Set(["StringLookup", "IntegerLookup", "TextVectorization"]);

const MAX_ISSUES = 200;
const MAX_NODES = 1_000_000;

/**
 * A TensorFlow SavedModel's Keras metadata: protobuf records whose strings are each layer's JSON config (Lambda
 * bytecode included), read by tf.keras.models.load_model; the JSON is found as in an HDF5 file (see hdf5.ts).
 */
export function isKerasMetadataName(path: string): boolean {
  return path.endsWith("keras_metadata.pb");
}

/** Whether parsed JSON is shaped like a Keras object (`{"class_name": ..., "config": ...}`), the root of a config. */
export function isKerasConfig(json: unknown): boolean {
  return isObject(json) && typeof json.class_name === "string" && "config" in json;
}

/** A file inside a Keras config that loading hands to another loader (a TorchModuleWrapper's torch.save bytes). */
export interface KerasEmbeddedFile {
  /** Where it is, for the finding's member: `TorchModuleWrapper <layer name>`. */
  label: string;
  bytes: Uint8Array;
}

export interface KerasJudgement {
  issues: PickleIssue[];
  embedded: KerasEmbeddedFile[];
}

const MAX_EMBEDDED = 32;

export function judgeKerasConfig(json: unknown, projectGlobals?: ProjectGlobals): KerasJudgement {
  const issues: PickleIssue[] = [];
  const embedded: KerasEmbeddedFile[] = [];
  const seen = new Set<string>();
  const add = (issue: PickleIssue): void => {
    const key = `${issue.kind}\u0000${issue.message}`;
    if (issues.length < MAX_ISSUES && !seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  };
  const pending: unknown[] = [json];
  for (let visited = 0; pending.length > 0 && visited < MAX_NODES; visited++) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === "object" && item !== null) pending.push(item);
      continue;
    }
    if (!isObject(node)) continue;
    judgeObject(node, add, projectGlobals);
    const file = embeddedTorchFile(node);
    if (file !== undefined && embedded.length < MAX_EMBEDDED) embedded.push(file);
    for (const value of Object.values(node)) if (typeof value === "object" && value !== null) pending.push(value);
  }
  return { issues, embedded };
}

/**
 * A TorchModuleWrapper's `module`: base64 of a torch.save file (Keras 3.x), or the same bytes as Keras' `__bytes__`
 * object (the first Keras 3 releases stored the raw bytes as UTF-8 text).
 */
function embeddedTorchFile(node: Record<string, unknown>): KerasEmbeddedFile | undefined {
  if (node.class_name !== "TorchModuleWrapper" || !isObject(node.config)) return undefined;
  const config = node.config;
  const label = `TorchModuleWrapper ${typeof config.name === "string" ? config.name : ""}`.trim();
  const module = config.module;
  if (typeof module === "string") {
    const bytes = decodeBase64(module);
    return bytes === undefined ? undefined : { label, bytes };
  }
  if (isObject(module) && module.class_name === "__bytes__" && isObject(module.config) && typeof module.config.value === "string") {
    return { label, bytes: new TextEncoder().encode(module.config.value) };
  }
  return undefined;
}

function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, "");
  if (clean.length === 0 || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) return undefined;
  try {
    const binary = atob(clean.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function judgeObject(node: Record<string, unknown>, add: (issue: PickleIssue) => void, projectGlobals: ProjectGlobals | undefined): void {
  const className = typeof node.class_name === "string" ? node.class_name : undefined;
  const module = typeof node.module === "string" ? node.module : undefined;
  const config = isObject(node.config) ? node.config : undefined;

  // Keras 3 spells a Lambda's function as {"class_name": "__lambda__", "config": {"code": <base64 bytecode>}}.
  if (className === "__lambda__") {
    add(lambdaIssue("a Lambda function"));
    return;
  }
  if (className === "Lambda" && config !== undefined) {
    const fn = config.function;
    const type = config.function_type;
    if (Array.isArray(fn) || (typeof fn === "string" && (type === "lambda" || type === undefined) && looksLikeBytecode(fn))) {
      add(lambdaIssue("a Lambda layer"));
    } else if (typeof fn === "string" && typeof config.module === "string") {
      judgeImport(config.module, fn, "a Lambda layer's function", add, projectGlobals);
    }
  }
  if (className !== undefined && module !== undefined) {
    // A function object names its function in `config`; any other object is the class `class_name`.
    const name = className === "function" && typeof node.config === "string" ? node.config : className;
    judgeImport(module, name, className === "function" ? "a function reference" : "a layer or object class", add, projectGlobals);
  }
  if (className !== undefined) {
    const gadget = KERAS_GADGETS.get(className) ?? (typeof node.config === "string" ? KERAS_GADGETS.get(node.config) : undefined);
    if (gadget !== undefined) {
      const named = KERAS_GADGETS.has(className) ? className : String(node.config);
      add({ kind: "keras-gadget", severity: "critical", message: `Keras config names ${named}, which ${gadget}`, global: `keras.${named}` });
    }
    if (VOCABULARY_READERS.has(className) && config !== undefined && typeof config.vocabulary === "string") {
      add({
        kind: "keras-gadget",
        severity: "high",
        message: `Keras ${className} layer reads its vocabulary from "${config.vocabulary.slice(0, 200)}" on load (a file or URL the config chooses, CVE-2025-12058)`,
        global: `keras.layers.${className}`,
      });
    }
  }
}

function lambdaIssue(what: string): PickleIssue {
  return {
    kind: "keras-code",
    severity: "critical",
    message:
      `Keras config holds ${what} with marshalled Python bytecode: load_model runs it with safe_mode=False, in Keras ` +
      "before 2.13 (CVE-2024-3660) and for .h5 files in Keras 3 before 3.11 (CVE-2025-9905)",
    global: "keras.layers.Lambda",
  };
}

/**
 * Keras imports `module` and fetches `name` from it. A class or function the scanned project defines is the
 * project's own custom object: reported only when the code loading runs reaches a dangerous call.
 */
function judgeImport(module: string, name: string, what: string, add: (issue: PickleIssue) => void, projectGlobals: ProjectGlobals | undefined): void {
  const root = module.split(".")[0]!;
  const tensorflow = root === "tensorflow" ? TENSORFLOW_GADGETS.get(name) : undefined;
  if (tensorflow !== undefined && (tensorflow.where === undefined || tensorflow.where.test(module))) {
    add({
      kind: "keras-gadget",
      severity: tensorflow.severity,
      message: `Keras config names ${what} ${module}.${name}, a TensorFlow function that ${tensorflow.reason}`,
      global: `${module}.${name}`,
    });
    return;
  }
  if (KERAS_PACKAGES.includes(root)) return;
  const qualified = `${module}.${name}`;
  const deny = matchDenylist(module, name);
  const definition = deny === undefined ? projectGlobals?.lookup(qualified) : undefined;
  if (definition !== undefined) {
    if (definition.danger === undefined) return;
    add({
      kind: "keras-import",
      severity: "high",
      message: `Keras config names ${what} ${qualified}, defined in the project (${definition.file}:${definition.line}), whose load-time code ${definition.danger}`,
      global: qualified,
    });
    return;
  }
  add({
    kind: "keras-import",
    severity: deny !== undefined ? "critical" : "high",
    message:
      `Keras config names ${what} ${qualified} outside Keras: loading imports ${module} and uses ${name}` +
      `${deny !== undefined ? ` (${deny.reason})` : ", which is not known to be safe"} (CVE-2025-1550 in Keras 3 before 3.9)`,
    global: qualified,
  });
}

/** Base64 of a marshalled code object (Keras 2 writes a Lambda's function as such a string). */
function looksLikeBytecode(text: string): boolean {
  return text.length >= 16 && /^[A-Za-z0-9+/=\s]+$/.test(text);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
