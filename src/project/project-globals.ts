// Classes and functions defined in the scanned project's own Python source, for the pickle policy: a model
// saved whole (`torch.save(model)`) names the project's `nn.Module` subclass, which is known rather than
// unknown. Each definition is judged by the code loading would run: a class by its `__setstate__`,
// `__init__`, `__new__`, `__setattr__` and `__getattr__` bodies (loading calls them), a function by its body
// (loading calls it). Reading is lazy (only when a pickle names a global outside the allowlist), bounded,
// and independent of the Python rules' analysis: a line-oriented reader of `class`/`def` blocks.
import { readFileSync } from "node:fs";
import type { ProjectGlobal, ProjectGlobals } from "../artifacts/types.js";
import type { DiscoveredFile } from "./discover.js";
import { moduleNameOf } from "./module-name.js";

const MAX_FILES = 20_000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Methods that unpickling runs on an instance it builds. */
const LOAD_TIME_METHODS = new Set(["__setstate__", "__init__", "__new__", "__setattr__", "__getattr__", "__getattribute__", "__set_name__", "__init_subclass__"]);
/** Calls in load-time code that make a definition dangerous to unpickle. */
const SINK =
  /\b(?:eval|exec|compile|__import__|execfile|system|popen|Popen|spawn\w*|check_output|check_call|getoutput|run_path|run_module|loads?|unsafe_load|urlopen|urlretrieve|import_module|remove|unlink|rmtree|chmod)\s*\(|\bos\.|\bsubprocess\.|\bpickle\.|\bmarshal\.|\bctypes\./;

interface Block {
  indent: number;
  kind: "class" | "function";
  qualified: string;
  line: number;
}

/** Parses `class`/`def` blocks of one module; nested classes and methods get dotted qualified names. */
export function definitionsOf(module: string, relPath: string, source: string): Map<string, ProjectGlobal> {
  const out = new Map<string, ProjectGlobal>();
  const stack: Block[] = [];
  const lines = source.split(/\r?\n/);
  let method: { indent: number; owner: Block } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const trimmed = text.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const indent = text.length - trimmed.length;
    while (stack.length > 0 && indent <= stack[stack.length - 1]!.indent) stack.pop();
    if (method && indent <= method.indent) method = undefined;
    const header = /^(?:async\s+)?(class|def)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(trimmed);
    if (header) {
      const parent = stack[stack.length - 1];
      const kind = header[1] === "class" ? "class" : "function";
      const qualified = parent ? `${parent.qualified}.${header[2]!}` : `${module}.${header[2]!}`;
      const block: Block = { indent, kind, qualified, line: i + 1 };
      stack.push(block);
      out.set(qualified, { kind, file: relPath, line: i + 1 });
      if (kind === "function" && parent?.kind === "class" && LOAD_TIME_METHODS.has(header[2]!)) method = { indent, owner: parent };
      continue;
    }
    // Statements inside a function count for that function; inside a load-time method also for its class.
    const sink = SINK.exec(trimmed);
    if (!sink) continue;
    const what = `reaches ${sink[0].replace(/\s*\($/, "(")} at ${relPath}:${i + 1}`;
    const owner = stack[stack.length - 1];
    if (owner?.kind === "function") markDanger(out, owner.qualified, what);
    if (method) markDanger(out, method.owner.qualified, what);
  }
  return out;
}

function markDanger(out: Map<string, ProjectGlobal>, qualified: string, what: string): void {
  const def = out.get(qualified);
  if (def && def.danger === undefined) def.danger = what;
}

/** ProjectGlobals over the project's Python files, read on the first lookup. */
export function projectGlobalsOf(pythonFiles: readonly DiscoveredFile[]): ProjectGlobals {
  let index: Map<string, ProjectGlobal> | undefined;
  const build = (): Map<string, ProjectGlobal> => {
    const all = new Map<string, ProjectGlobal>();
    for (const file of pythonFiles.slice(0, MAX_FILES)) {
      if (file.size > MAX_FILE_BYTES) continue;
      let source: string;
      try {
        source = readFileSync(file.absPath, "utf8");
      } catch {
        continue;
      }
      const module = moduleNameOf(file.relPath).replace(/\.__init__$/, "");
      // A pickle names the module as the program imported it, which may drop leading folders (`src/`).
      const parts = module.split(".");
      for (const [name, def] of definitionsOf(module, file.relPath, source)) {
        const local = name.slice(module.length + 1);
        for (let start = 0; start < parts.length; start++) {
          const key = `${parts.slice(start).join(".")}.${local}`;
          if (!all.has(key)) all.set(key, def);
        }
        // `python train.py` pickles the classes it defines as `__main__.Name`.
        if (!all.has(`__main__.${local}`)) all.set(`__main__.${local}`, def);
      }
    }
    return all;
  };
  return {
    lookup(qualified: string): ProjectGlobal | undefined {
      index ??= build();
      return index.get(qualified);
    },
  };
}
