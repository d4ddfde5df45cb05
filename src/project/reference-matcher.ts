// Which project modules a file refers to, from its text (its import statements, attributes and string literals),
// without parsing it: the whole-program pass analyses a file again only when it refers to a module that leads to a
// sink, and a re-scan keeps the results of a changed file that refers to none of the modules the last pass found.
// A module of its own so that such a re-scan does not load the Python analysis (see `scanProject`).
import { packageModuleName } from "../languages/python/package-module.js";
import type { ProgramFile } from "./whole-program.js";
import { importStatements } from "./import-statements.js";

/** Whether a file refers to one of the `leading` modules (see `ReferenceMatcher`): the pass would analyse it again. */
export function refersToLeading(file: ProgramFile, leading: ReadonlyMap<string, readonly string[]>): boolean {
  return new ReferenceMatcher(new Map([...leading].map(([m, names]) => [m, [...names]])), importsOf).referencedBy(file).size > 0;
}

/** How the project names its modules beyond their own names: namespace packages' (see `namespaceAliases`). */
export interface ProjectNames {
  aliases: ReadonlyMap<string, string>;
  /** The first names of `aliases` (most imports start with none of them). */
  aliasHeads: ReadonlySet<string>;
}

/** One name an import statement imports: `a.b` of `import a.b as c`, `c` of `from ..a.b import c` (`..a.b`). */
interface ImportedName {
  /** The module as written, leading dots kept (relative). */
  from: string;
  /** The name imported from it (`from` imports), a module or a name bound in it. */
  name?: string;
}

/** What a file's import statements name, worked out once per file. */
export interface FileImports {
  /** The import statements as written. */
  written: string[];
  /** What they import (see `parsedImports`), worked out when first needed: most files name no module that matters. */
  parsed?: ParsedImports;
  /** The modules the statements name (see `namedModules`), worked out when first needed. */
  named?: { modules: Set<string>; words: Set<string> };
  /** Every word of every import statement (see `importWords`), worked out when first needed. */
  words?: Set<string>;
  /** The statements joined by newlines, worked out when first needed. */
  joined?: string;
  /** Imports by run-time names or backslash continuations: fall back to the whole text. */
  dynamic: boolean;
  /** Whether a name is used as an attribute (`x.name`), and whether it is a word of the text, as first asked. */
  attributes?: Map<string, boolean>;
  allWords?: Map<string, boolean>;
  /** The parts of dotted names in string literals (`import_module("pkg.compat")`). */
  quoted?: Set<string>;
}

interface ParsedImports {
  /** `from <module> import <names>`: the module as written (dots kept) and the imported names. */
  from: { module: string; names: string[] }[];
  /** What each statement imports, when its form is plain enough to tell; else its words, which stand for it. */
  statements: ({ imported: ImportedName[] } | { words: string[] })[];
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*|\*/g;
/** Up to this many last names of leading modules, `anyImportSegment` looks each up rather than splitting words. */
const FEW_SEGMENTS = 64;
const QUOTED_NAME = /["']\.*([A-Za-z_][\w.]*)["']/g;

/** The parts of the dotted names in a text's string literals (see `FileImports.quoted`). */
function quotedNames(text: string): Set<string> {
  const out = new Set<string>();
  QUOTED_NAME.lastIndex = 0;
  for (let m = QUOTED_NAME.exec(text); m; m = QUOTED_NAME.exec(text)) {
    const name = m[1];
    let start = 0;
    for (let dot = name.indexOf("."); dot >= 0; dot = name.indexOf(".", start)) {
      out.add(name.slice(start, dot));
      start = dot + 1;
    }
    out.add(name.slice(start));
  }
  return out;
}

/** Whether `name` (an identifier) is one of the identifiers of `text`: a run of ASCII letters, digits and `_` not starting with a digit. */
function hasIdentifier(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (isIdentifierAt(text, at, name.length)) return true;
  return false;
}

/** Whether the `length` characters of `text` at `at` are a whole identifier, not part of a longer one. */
function isIdentifierAt(text: string, at: number, length: number): boolean {
  if (isIdentifierChar(text.charCodeAt(at + length))) return false;
  // Digits before it are no part of an identifier unless a letter precedes them (`2x` holds `x`, `a2x` does not).
  let start = at;
  while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
  return !(start > 0 && isIdentifierChar(text.charCodeAt(start - 1)));
}

/** Whether `name` (an identifier) is used as an attribute in `text`: after a dot and spaces or tabs (`x.name`, `x. name`). */
function hasAttribute(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (isIdentifierChar(text.charCodeAt(at + name.length))) continue;
    let before = at - 1;
    while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9)) before--;
    if (before >= 0 && text.charCodeAt(before) === 46) return true;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII letters, digits and `_`: the characters of an identifier as the import scan reads them. */
function isIdentifierChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;
}

/** `test(name)` for `name`, remembered in `memo`. */
function remembered(memo: Map<string, boolean>, name: string, test: (name: string) => boolean): boolean {
  let found = memo.get(name);
  if (found === undefined) memo.set(name, (found = test(name)));
  return found;
}

export function importsOf(file: ProgramFile): FileImports {
  const { statements, byRuntimeName } = file.imports ?? importStatements(file.text);
  return { written: statements, dynamic: byRuntimeName || statements.some((s) => s.includes("\\")) };
}

export function importWords(imports: FileImports): Set<string> {
  if (imports.words) return imports.words;
  const out = new Set<string>();
  for (const statement of imports.written) for (const w of statement.match(WORD) ?? []) out.add(w);
  return (imports.words = out);
}

function parsedImports(imports: FileImports): ParsedImports {
  if (imports.parsed) return imports.parsed;
  const out: ParsedImports = { from: [], statements: [] };
  for (const statement of imports.written) {
    const from = FROM_IMPORT.exec(statement);
    if (from) out.from.push({ module: from[1], names: from[2].match(WORD) ?? [] });
    const imported = importedNames(statement);
    out.statements.push(imported ? { imported } : { words: statement.match(WORD) ?? [] });
  }
  return (imports.parsed = out);
}

const IMPORT_ITEM = /^([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*)(?:\s+as\s+[A-Za-z_]\w*)?$/;

/**
 * The names a plain `import a.b, c as d` or `from .a import (b, c as d)` statement imports; none for code that only
 * starts like an import; undefined when the form is not plain (several statements on a line, a continued line):
 * then its words stand for it.
 */
function importedNames(statement: string): ImportedName[] | undefined {
  // Code that starts like an import (`importlib.util.find_spec(...)`, `from_row = ...`) imports nothing.
  if (!/^(import\s|from\s+\S+\s+import\b)/.test(statement)) return [];
  if (statement.includes(";")) return undefined;
  const code = statement.replace(/#[^\n]*/g, "");
  const from = /^from\s+(\.*[\w.]*)\s+import\s*\(?([\s\S]*?)\)?\s*$/.exec(code);
  const plain = from ? undefined : /^import\s+([\s\S]*?)\s*$/.exec(code);
  if (!from && !plain) return undefined;
  const items = (from ? from[2] : plain![1]).split(",").map((i) => i.trim());
  if (from && items[items.length - 1] === "") items.pop();
  const out: ImportedName[] = [];
  for (const item of items) {
    if (from && item === "*") {
      out.push({ from: from[1] });
      continue;
    }
    const m = IMPORT_ITEM.exec(item);
    if (!m || (from && m[1].includes("."))) return undefined;
    const dotted = m[1].replace(/\s+/g, "");
    out.push(from ? { from: from[1], name: dotted } : { from: dotted });
  }
  return out.length && (!from || /^\.*([A-Za-z_]\w*(\.[A-Za-z_]\w*)*)?$/.test(from[1])) ? out : undefined;
}

/**
 * The dotted names a file's import statements name, with every enclosing package (`import a.b.c` binds `a.b` too;
 * `from a.b import c` names `a.b` and maybe its submodule `a.b.c`), and the words of the statements that cannot tell.
 */
function namedModules(imports: FileImports, fileModule: string, names: ProjectNames): { modules: Set<string>; words: Set<string> } {
  const modules = new Set<string>();
  const words = new Set<string>();
  for (const statement of parsedImports(imports).statements) {
    const found = "imported" in statement ? statement.imported.map((i) => importedModule(i, fileModule, names)) : undefined;
    if (!found || found.includes(undefined)) {
      for (const w of "words" in statement ? statement.words : (statement.imported.flatMap((i) => `${i.from} ${i.name ?? ""}`.match(WORD) ?? []))) words.add(w);
      continue;
    }
    for (let m of found as string[]) for (; m && !modules.has(m); m = m.slice(0, Math.max(0, m.lastIndexOf(".")))) modules.add(m);
  }
  return { modules, words };
}

/**
 * The project module (or a name bound in one) an imported name denotes, dotted, if the project's names can tell:
 * relative imports resolve from the file's package, namespace packages' names to their modules; undefined when it
 * cannot tell (a relative import above the file's top-level package).
 */
function importedModule(imported: ImportedName, fileModule: string, names: ProjectNames): string | undefined {
  let base = imported.from;
  const level = /^\.*/.exec(base)![0].length;
  if (level) {
    const packageParts = ownPackage(fileModule).split(".").filter(Boolean);
    if (level > packageParts.length) return undefined;
    const parent = packageParts.slice(0, packageParts.length - (level - 1)).join(".");
    base = base.length > level ? `${parent}.${base.slice(level)}` : parent;
  }
  const dotted = imported.name ? `${base}.${imported.name}` : base;
  const dot = dotted.indexOf(".");
  if (!names.aliasHeads.has(dot < 0 ? dotted : dotted.slice(0, dot))) return dotted;
  const segments = dotted.split(".");
  for (let k = segments.length; k > 0; k--) {
    const module = names.aliases.get(segments.slice(0, k).join("."));
    if (module) return [module, ...segments.slice(k)].join(".");
  }
  return dotted;
}
const FROM_IMPORT = /^from\s+([\w.]+)\s+import\b([\s\S]*)$/;

/**
 * Which sink-leading modules a file refers to. A use of a module's export names the module in an import
 * statement and the export either in a `from <module> import` of that module (or `*`) or as an attribute
 * (`compat.loads`, `c.pickle`); a package's own names can be imported relatively from inside it
 * (`from . import loads`). Files that import by run-time names are judged on their whole text.
 */
export class ReferenceMatcher {
  private readonly bySegment = new Map<string, string[]>();

  constructor(
    private readonly leading: Map<string, string[]>,
    private readonly imports: (file: ProgramFile) => FileImports,
    /** With the project's names, a plain import statement counts for the modules it names only. */
    private readonly names?: ProjectNames,
  ) {
    for (const module of leading.keys()) {
      const segment = module.slice(module.lastIndexOf(".") + 1);
      const list = this.bySegment.get(segment);
      if (list) list.push(module);
      else this.bySegment.set(segment, [module]);
    }
  }

  private anySegment(words: Iterable<string>): boolean {
    for (const w of words) if (this.bySegment.has(w)) return true;
    return false;
  }

  /**
   * Whether a word of the file's import statements is the last name of a leading module. Most files' statements
   * name none: with few such names, each is looked up in the statements' text (as `hasIdentifier` tells words
   * apart, like `WORD`) rather than splitting every file's statements into words.
   */
  private anyImportSegment(imports: FileImports): boolean {
    if (imports.words || this.bySegment.size > FEW_SEGMENTS) return this.anySegment(importWords(imports));
    const text = (imports.joined ??= imports.written.join("\n"));
    for (const segment of this.bySegment.keys()) if (hasIdentifier(text, segment)) return true;
    return false;
  }

  referencedBy(file: ProgramFile): Set<string> {
    const own = packageModuleName(file.moduleName);
    const imports = this.imports(file);
    // The modules the file may name: by their last name in its imports (or strings), and its own packages.
    const named = new Set<string>();
    const packages = new Set<string>();
    for (let p = own; p.includes("."); ) {
      p = p.slice(0, p.lastIndexOf("."));
      if (this.leading.has(p)) packages.add(p);
    }
    const direct = ownPackage(file.moduleName);
    if (this.leading.has(direct)) packages.add(direct);
    const quoted = imports.dynamic ? (imports.quoted ??= quotedNames(file.text)) : undefined;
    // Every module an import names has its last name among the statement's words, but the packages the file is in
    // (relative imports): without such a word (or a quoted one), the file names no leading module.
    if (!packages.size && !this.anyImportSegment(imports) && !(quoted && this.anySegment(quoted))) return new Set();
    const add = (words: Iterable<string>) => {
      for (const w of words) for (const module of this.bySegment.get(w) ?? []) named.add(module);
    };
    if (this.names) {
      const { modules, words } = (imports.named ??= namedModules(imports, file.moduleName, this.names));
      for (const m of modules) if (this.leading.has(m)) named.add(m);
      add(words);
    } else add(importWords(imports));
    const fromStatements = quoted ? new Set(named) : named;
    if (quoted) add(quoted);
    const out = new Set<string>();
    for (const module of new Set([...named, ...packages])) {
      if (module === own) continue;
      const exported = this.leading.get(module)!;
      if (quoted && !fromStatements.has(module) && !packages.has(module) && namedAsFileOnly(file.text, module, exported)) continue;
      const segment = module.slice(module.lastIndexOf(".") + 1);
      const inPackage = packages.has(module);
      if (imports.dynamic) {
        const words = (imports.allWords ??= new Map());
        if (exported.some((n) => remembered(words, n, (name) => hasIdentifier(file.text, name)))) out.add(module);
        continue;
      }
      const fromIt = parsedImports(imports).from.some(
        (f) => (f.module.slice(f.module.lastIndexOf(".") + 1) === segment || (inPackage && /^\.+$/.test(f.module))) && f.names.some((n) => n === "*" || exported.includes(n)),
      );
      if (fromIt) out.add(module);
      // A package's `__init__` importing the module itself (`from . import codec as oc`, `import pkg.codec as oc`)
      // re-exports it: the package leads to the sink through that name once its summary says so. (Without the
      // project's names, a re-scan's check, any import word that is the module's last name counts.)
      else if (file.moduleName.endsWith(".__init__") && (this.names ? imports.named?.modules.has(module) : importWords(imports).has(segment))) out.add(module);
      else {
        const attributes = (imports.attributes ??= new Map());
        if (exported.some((n) => remembered(attributes, n, (name) => hasAttribute(file.text, name)))) out.add(module);
      }
    }
    return out;
  }
}

/**
 * Whether a module that a file names only in its string literals is named there as a script's file name and not as a
 * module: the module is in a package, every use of its last name X as a word of the text is followed by `.py` and a
 * quote (`os.path.join(here, 'mp_fork_bomb.py')` in CPython's `test/_test_multiprocessing.py`), and none of its
 * sink-leading names starts with `py`. The analysis reaches a module by run-time name only through a constant
 * dynamic import (`import_module`, `__import__`: string literals joined with `+`, or names bound to them, see
 * `SemanticModel.constantString`) or through attributes spelled in code. Here X is no code, and in any constant made
 * of these literals X is followed by a segment that starts with `py`: imported whole, the name is the module's
 * attribute of that name, which leads to no sink (or a module of that name, which the pass matches on its own name);
 * by its first segment (`__import__` without a `fromlist`), it is a top-level module X, not this module. So the
 * analysis cannot reach this module through the file (granted what matching files by their text assumes throughout:
 * a run-time name spells a module's last name whole in one literal, not split across literals joined with `+`).
 */
function namedAsFileOnly(text: string, module: string, exported: readonly string[]): boolean {
  const dot = module.lastIndexOf(".");
  if (dot < 0 || exported.some((name) => name.startsWith("py"))) return false;
  const name = module.slice(dot + 1);
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    // Not this word: part of a longer identifier.
    if (!isIdentifierAt(text, at, name.length)) continue;
    const end = at + name.length;
    const quote = text.charCodeAt(end + 3);
    if (!text.startsWith(".py", end) || (quote !== 34 && quote !== 39)) return false;
  }
  return true;
}

/** The package a file's relative imports start from. */
function ownPackage(moduleName: string): string {
  return moduleName.slice(0, Math.max(0, moduleName.lastIndexOf(".")));
}
