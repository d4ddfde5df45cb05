// Configs that a model's loader instantiates: Hydra's `instantiate` (NeMo's `model_config.yaml` in a .nemo file,
// configs kept in checkpoints or safetensors metadata) imports the dotted path of every `_target_` and calls it with
// the mapping's other keys. A target that reaches Python internals (`builtins.exec`, `os.system`, `subprocess.*`,
// the denylist the pickle rules use) runs code on load. NeMo 2.0 checkpoints keep their context as fiddle's JSON
// (`context/io.json`): every `{"type": "pyref", "module", "name"}` is imported by fiddle's load_json (its default
// policy allows any import) and called by fdl.build where it is a config's function or class. Browser-safe.
import type { PickleIssue } from "../types.js";
import { matchDenylist } from "../pickle/names.js";

/** Nodes visited per config (a real model config has a few thousand). */
const MAX_NODES = 200_000;
const MAX_ISSUES = 50;
/** `${a.b}` interpolations followed per target (OmegaConf resolves chains; a cycle must stop). */
const MAX_HOPS = 8;

/**
 * Targets whose danger is in their arguments: `functools.partial` and `instantiate`/`call` wrap a nested config
 * (judged on its own), and Hydra's `get_*` resolve the dotted `path` they are given (judged as a target).
 */
const WRAPPERS = new Set(["functools.partial", "hydra.utils.instantiate", "hydra.utils.call", "hydra._internal.instantiate._instantiate2.instantiate"]);
const RESOLVERS = new Set(["hydra.utils.get_method", "hydra.utils.get_class", "hydra.utils.get_object", "hydra.utils.get_static_method", "hydra._internal.utils._locate"]);

/** Whether a parsed config holds anything `instantiate` or fiddle would import (cheap test before a full judgement). */
export function mentionsTarget(text: string): boolean {
  return text.includes("_target_") || text.includes("pyref");
}

/**
 * A NeMo 2.0 checkpoint's context (`<checkpoint>/context/io.json`, `context/model.yaml`): what
 * `nemo.lightning.io.load_context` rebuilds when the checkpoint is loaded.
 */
export function isNemoContextName(path: string): boolean {
  return /(^|[\\/])context[\\/](io\.json|model\.ya?ml)$/i.test(path);
}

/** Every `_target_` in the config whose import and call runs code, as critical issues. */
export function judgeInstantiateConfig(root: unknown): PickleIssue[] {
  const issues: PickleIssue[] = [];
  const pending: { node: unknown; path: string }[] = [{ node: root, path: "" }];
  // A YAML anchor is one object however many aliases point at it (and an anchor may contain its own alias).
  const seen = new Set<object>();
  for (let visited = 0; pending.length > 0 && visited < MAX_NODES && issues.length < MAX_ISSUES; visited++) {
    const { node, path } = pending.pop()!;
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        if (typeof item === "object" && item !== null) pending.push({ node: item, path: `${path}[${index}]` });
      });
      continue;
    }
    if (!isObject(node)) continue;
    const raw = node._target_;
    if (typeof raw === "string") {
      const target = resolveInterpolation(raw, root);
      const why = targetDanger(target, node, root);
      if (why !== undefined) {
        const spelled = target === raw ? JSON.stringify(raw) : `${JSON.stringify(raw)} (= ${JSON.stringify(target)})`;
        issues.push({
          kind: "config-target",
          severity: "critical",
          message: `config ${path === "" ? "root" : path} instantiates _target_ ${spelled}, which ${why}: loading the model (hydra.utils.instantiate) imports and calls it`,
          global: target,
        });
      }
    }
    if (node.type === "pyref" && typeof node.module === "string" && typeof node.name === "string") {
      const reference = `${node.module}.${node.name}`;
      const why = WRAPPERS.has(reference) ? undefined : denylisted(reference);
      if (why !== undefined) {
        issues.push({
          kind: "config-target",
          severity: "critical",
          message: `config ${path === "" ? "root" : path} references ${JSON.stringify(reference)} (a fiddle pyref), which ${why}: loading the checkpoint (nemo.lightning.io.load_context: fiddle's load_json, then fdl.build) imports it and calls it`,
          global: reference,
        });
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "object" && value !== null) pending.push({ node: value, path: path === "" ? key : `${path}.${key}` });
    }
  }
  return issues;
}

/** Why importing and calling `target` is dangerous, or undefined. */
function targetDanger(target: string, node: Record<string, unknown>, root: unknown): string | undefined {
  const name = target.trim();
  // NeMo AutoModel resolves `/path/to/file.py:symbol` by executing the file.
  if (/\.py:/.test(name) || /^[/\\]/.test(name)) return "loads Python code from a file";
  if (WRAPPERS.has(name)) return undefined;
  if (RESOLVERS.has(name)) {
    const args = Array.isArray(node._args_) ? node._args_ : [];
    const path = typeof node.path === "string" ? node.path : typeof args[0] === "string" ? args[0] : undefined;
    if (path === undefined) return undefined;
    const resolved = resolveInterpolation(path, root);
    const inner = denylisted(resolved);
    return inner === undefined ? undefined : `resolves ${JSON.stringify(resolved)}, which ${inner}`;
  }
  return denylisted(name);
}

function denylisted(dotted: string): string | undefined {
  const dot = dotted.indexOf(".");
  const match = dot < 0 ? matchDenylist(dotted, "") : matchDenylist(dotted.slice(0, dot), dotted.slice(dot + 1));
  return match === undefined ? undefined : `${match.reason} (${match.entry})`;
}

/** `${a.b.c}` naming another key of the config (OmegaConf's absolute interpolation) is replaced by that key's value. */
function resolveInterpolation(value: string, root: unknown): string {
  let current = value;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const match = /^\$\{([A-Za-z_][\w.]*)\}$/.exec(current.trim());
    if (match === null) return current;
    let node: unknown = root;
    for (const key of match[1]!.split(".")) node = isObject(node) ? node[key] : undefined;
    if (typeof node !== "string") return current;
    current = node;
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
