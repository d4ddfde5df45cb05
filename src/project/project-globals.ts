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

/** Names of the `class`/`def` statements of a source, at any depth: which files can define a global's last part. */
const DEFINITION_HEADER = /^[ \t]*(?:async[ \t]+)?(?:class|def)[ \t]+([A-Za-z_][A-Za-z0-9_]*)/gm;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names looked up one by one (a text search per name) before one pass notes every definition of every file. */
const NAMES_SEARCHED_ALONE = 8;

/**
 * Whether the scan's reading of a project file holds `word` (an identifier), if the scan read the file: its bytes as
 * Latin-1 or decoded by its (ASCII-compatible) source encoding. Either keeps every ASCII substring, which is all the
 * answer is used for (whether the file can mention a name at all).
 */
export type ScannedText = (relPath: string, word: string) => boolean | undefined;

/**
 * ProjectGlobals over the project's Python files. A lookup reads in full only the files that define the global's
 * last name part (a pickle of a large project names a handful of its classes, not thousands): for the first few
 * names, the files whose text contains the name and a `class`/`def` statement of it; after that, from one pass
 * that notes the names every file's `class`/`def` statements define.
 */
export function projectGlobalsOf(pythonFiles: readonly DiscoveredFile[], scannedText?: ScannedText): ProjectGlobals {
  let filesDefining: Map<string, number[]> | undefined;
  const files = pythonFiles.slice(0, MAX_FILES).filter((f) => f.size <= MAX_FILE_BYTES);
  const read = (file: DiscoveredFile, encoding: "utf8" | "latin1" = "utf8"): string | undefined => {
    try {
      return readFileSync(file.absPath, encoding);
    } catch {
      return undefined;
    }
  };
  const definedNames = (source: string, each: (name: string) => void): void => {
    for (const m of source.matchAll(DEFINITION_HEADER)) each(m[1]!);
  };
  const headers = (): Map<string, number[]> => {
    const out = new Map<string, number[]>();
    files.forEach((file, i) => {
      const source = read(file);
      if (source === undefined) return;
      definedNames(source, (name) => {
        const list = out.get(name);
        if (!list) out.set(name, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      });
    });
    return out;
  };
  let searchedAlone = 0;
  /** The files defining `leaf`, in order: by a text search for it, or from the pass over every file's definitions. */
  const filesDefiningLeaf = (leaf: string): readonly number[] => {
    if (filesDefining || searchedAlone >= NAMES_SEARCHED_ALONE) return (filesDefining ??= headers()).get(leaf) ?? [];
    searchedAlone++;
    if (!IDENTIFIER.test(leaf)) return [];
    const out: number[] = [];
    files.forEach((file, i) => {
      if (!(scannedText?.(file.relPath, leaf) ?? read(file, "latin1")?.includes(leaf))) return;
      const source = read(file);
      if (source === undefined) return;
      let defines = false;
      definedNames(source, (name) => (defines ||= name === leaf));
      if (defines) out.push(i);
    });
    return out;
  };
  const all = new Map<string, ProjectGlobal>();
  const definitions = new Map<number, { module: string; defs: Map<string, ProjectGlobal> } | undefined>();
  const doneLeaves = new Set<string>();
  const definitionsIn = (i: number) => {
    if (!definitions.has(i)) {
      const file = files[i]!;
      const source = read(file);
      const module = moduleNameOf(file.relPath).replace(/\.__init__$/, "");
      definitions.set(i, source === undefined ? undefined : { module, defs: definitionsOf(module, file.relPath, source) });
    }
    return definitions.get(i);
  };
  /** Every key naming a definition whose last part is `leaf`, from the files in order (the first file wins). */
  const indexLeaf = (leaf: string): void => {
    for (const i of filesDefiningLeaf(leaf)) {
      const found = definitionsIn(i);
      if (!found) continue;
      // A pickle names the module as the program imported it, which may drop leading folders (`src/`).
      const parts = found.module.split(".");
      for (const [name, def] of found.defs) {
        const local = name.slice(found.module.length + 1);
        if (local.slice(local.lastIndexOf(".") + 1) !== leaf) continue;
        for (let start = 0; start < parts.length; start++) {
          const key = `${parts.slice(start).join(".")}.${local}`;
          if (!all.has(key)) all.set(key, def);
        }
        // `python train.py` pickles the classes it defines as `__main__.Name`.
        if (!all.has(`__main__.${local}`)) all.set(`__main__.${local}`, def);
      }
    }
  };
  return {
    lookup(qualified: string): ProjectGlobal | undefined {
      const leaf = qualified.slice(qualified.lastIndexOf(".") + 1);
      if (!doneLeaves.has(leaf)) {
        doneLeaves.add(leaf);
        indexLeaf(leaf);
      }
      return all.get(qualified);
    },
  };
}
