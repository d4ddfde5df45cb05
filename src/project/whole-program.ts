// Whole-program pass: after every file with a rule token has been analysed on its own, the project index joins
// their summaries, and the files that use a project module leading to a sink are analysed again with the index.
import { analyzePython, type FileAnalysis, type PythonFile, type SinkIndex } from "../languages/python/analyze.js";
import type { PythonParser } from "../languages/python/parser.js";
import { packageModuleName, ProjectIndex, type ModuleSummary } from "../languages/python/project-index.js";
import type { ResolvedName } from "../languages/python/semantic/model.js";
import { analyzeSafely } from "./analyzer.js";

export interface ProgramFile {
  path: string;
  /** File module name (`pkg.__init__` for a package). */
  moduleName: string;
  /** The file's text; `text` may be the raw bytes read as latin1 (enough to look for names). */
  text: string;
  /** The decoded source, when the file can be analysed. */
  source: () => string | undefined;
}

/** Rounds of re-analysis at most: each round follows one more level of re-exports between modules. */
const MAX_ROUNDS = 8;

/**
 * Re-analyses, with the project index, every file that names a project module whose exports lead to a sink
 * (its last name and one of those exports are both spelled in the file), until nothing changes. A file that names
 * no such module cannot reach a sink through the project, so its own analysis stands. Returns the analyses that
 * replace first-pass ones, by path.
 */
export function analyzeWholeProgram(
  files: readonly ProgramFile[],
  firstPass: ReadonlyMap<string, FileAnalysis>,
  parser: PythonParser,
  sinks: SinkIndex,
): Map<string, FileAnalysis> {
  const modules = new Set<string>();
  const byModule = new Map<string, ProgramFile>();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const module = packageModuleName(f.moduleName);
    if (!module || byModule.has(module)) continue;
    byModule.set(module, f);
    modules.add(module);
    for (let i = module.indexOf("."); i > 0; i = module.indexOf(".", i + 1)) modules.add(module.slice(0, i));
  }
  const index = new ProjectIndex(modules, (top) => sinks.leadsToSink(top));
  for (const [path, analysis] of firstPass) {
    if (analysis.summary && byModule.get(analysis.summary.module)?.path === path) index.set(analysis.summary);
  }
  const redone = new Map<string, FileAnalysis>();
  const seenWith = new Map<string, Set<string>>();
  let changed = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const leading = sinkLeadingModules(index, sinks);
    if (!leading.size) break;
    const matcher = new ReferenceMatcher(leading);
    const work: { file: ProgramFile; refs: Set<string> }[] = [];
    for (const file of files) {
      const refs = matcher.referencedBy(file);
      if (!refs.size) continue;
      const before = seenWith.get(file.path);
      if (before && [...refs].every((m) => before.has(m) && !changed.has(m))) continue;
      work.push({ file, refs });
    }
    if (!work.length) break;
    const nextChanged = new Set<string>();
    for (const { file, refs } of work) {
      seenWith.set(file.path, refs);
      const source = file.source();
      if (source === undefined) continue;
      const input: PythonFile = { path: file.path, source, moduleName: file.moduleName };
      const analysis = analyzeSafely(() => analyzePython(parser, input, sinks, { project: index }), file.path);
      redone.set(file.path, analysis);
      const summary = analysis.summary;
      if (summary && byModule.get(summary.module)?.path === file.path && !sameSummary(index.summary(summary.module), summary)) {
        index.set(summary);
        nextChanged.add(summary.module);
      }
    }
    changed = nextChanged;
  }
  return redone;
}

function sameSummary(a: ModuleSummary | undefined, b: ModuleSummary): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Project modules with an export that leads to a sink, and the names of those exports. */
function sinkLeadingModules(index: ProjectIndex, sinks: SinkIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const leads = (r: ResolvedName, depth = 0): boolean => {
    const name = r.name.replace(/\(\)$/, "");
    if (sinks.byName.has(name) || sinks.leadsToSink(name)) return true;
    const cls = r.projectClass ?? r.projectInstance;
    if (!cls || depth > 2) return false;
    return cls.ancestors().some((a) => sinks.byName.has(a.name) || sinks.leadsToSink(a.name));
  };
  for (const summary of index.allSummaries()) {
    const names: string[] = [];
    for (const name of Object.keys(summary.exports)) {
      const values = index.resolve(`${summary.module}.${name}`) ?? [];
      if (values.some((v) => leads(v))) names.push(name);
    }
    for (const [name, cls] of Object.entries(summary.classes)) {
      if (names.includes(name)) continue;
      const members = [...Object.values(cls.members), ...Object.values(cls.instanceMembers)].flat();
      if (members.some((m) => (index.resolve(m.name) ?? [{ name: m.name }]).some((v) => leads(v)))) names.push(name);
    }
    if (names.length) out.set(summary.module, names);
  }
  return out;
}

/**
 * Which sink-leading modules a file refers to. Any reference to a module's export spells the export's name and
 * the module's last name (`from pkg.compat import loads`, `compat.loads`, `from .compat import *` then `loads`),
 * except a package's own names imported relatively from inside it (`from . import loads`).
 */
class ReferenceMatcher {
  private readonly lastNames: RegExp;
  private readonly byLastName = new Map<string, string[]>();
  private readonly exportNames = new Map<string, RegExp>();

  constructor(private readonly leading: Map<string, string[]>) {
    for (const [module, names] of leading) {
      const last = module.slice(module.lastIndexOf(".") + 1);
      const list = this.byLastName.get(last) ?? [];
      list.push(module);
      this.byLastName.set(last, list);
      this.exportNames.set(module, wordsRegExp(names));
    }
    this.lastNames = new RegExp(wordsRegExp([...this.byLastName.keys()]).source, "g");
  }

  referencedBy(file: ProgramFile): Set<string> {
    const own = packageModuleName(file.moduleName);
    const candidates = new Set<string>();
    for (const m of file.text.matchAll(this.lastNames)) for (const module of this.byLastName.get(m[0]) ?? []) candidates.add(module);
    for (const module of this.leading.keys()) if (own.startsWith(`${module}.`) || ownPackage(file.moduleName) === module) candidates.add(module);
    const out = new Set<string>();
    for (const module of candidates) {
      if (module === own) continue;
      if (this.exportNames.get(module)!.test(file.text)) out.add(module);
    }
    return out;
  }
}

/** The package a file's relative imports start from. */
function ownPackage(moduleName: string): string {
  return moduleName.slice(0, Math.max(0, moduleName.lastIndexOf(".")));
}

function wordsRegExp(words: string[]): RegExp {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![A-Za-z0-9_])(?:${escaped.join("|")})(?![A-Za-z0-9_])`);
}
