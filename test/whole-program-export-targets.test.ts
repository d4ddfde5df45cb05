// The whole-program pass asks, for every summarised module, which of its exports lead to a sink. It resolves each
// export's values as outermost names (`ProjectIndex.exportTargets`, remembered across modules) rather than the
// export itself, and skips a class's own methods (`ProjectIndex.isOwnMember`). Both must find what `resolve` finds:
// these tests hold them against `resolve` itself on real modules, with the forms that make resolution subtle.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { analyzePython, SinkIndex, type FileAnalysis } from "../src/languages/python/analyze.js";
import { appendAll } from "../src/core/arrays.js";
import { packageModuleName, ProjectIndex, summarizeModule, type ModuleSummary } from "../src/languages/python/project-index.js";
import { LOCAL_PREFIX, SemanticModel, type ResolvedName } from "../src/languages/python/semantic/model.js";
import { loadPythonParser } from "../src/project/python-parser.js";
import { analyzeWholeProgram, sameJson, type ProgramFile } from "../src/project/whole-program.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { programFiles } from "./helpers/program.js";

const FILES: Record<string, string> = {
  "app/__init__.py": "from .compat import *\nfrom . import codec as c\nloads = c.loads\n\n\nclass Safe:\n    def open(self, path):\n        return path\n",
  "app/compat.py": [
    "import pickle",
    "import os.path",
    "from os import path as p",
    "from json import loads as json_loads",
    "__all__ = ['pickle', 'restore', 'Loader', 'json_loads']",
    "restore = pickle.loads",
    "",
    "class Loader(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    "        return super().find_class(module, name)",
    "",
    "    def load(self):",
    "        return super().load()",
    "",
    "",
    "class Plain:",
    "    def load(self, data):",
    "        return data",
    "",
  ].join("\n"),
  "app/codec.py": "from app.compat import restore as loads, Loader\nfrom app import cycle_a\nimport app.cycle_b\nalias = app.cycle_b.value\n",
  // A cycle of re-exports: each resolution is cut where it comes back.
  "app/cycle_a.py": "from app.cycle_b import value\nother = value\n",
  "app/cycle_b.py": "from app.cycle_a import value\nfrom app.compat import restore as value\n",
  // A module named like an export of its package, and like a class of it.
  "app/store.py": [
    "import shelve",
    "import marshal",
    "from app.compat import Loader",
    "",
    "class Store:",
    "    backend = shelve",
    "    read = staticmethod(marshal.loads)",
    "",
    "    def open(self, path):",
    "        return self.backend.open(path)",
    "",
    "    def read(self, data):",
    "        return data",
    "",
    "class Safe:",
    "    def open(self, path):",
    "        return path",
    "",
    "class Sub(Loader):",
    "    def load(self):",
    "        return 1",
    "",
    "class Rebound:",
    "    def loads(self, data):",
    "        return data",
    "",
    "Rebound = marshal",
    "",
  ].join("\n"),
  "app/Safe.py": "import pickle\nloads = pickle.loads\n",
  // A project module named like a library the rules know keeps its library meaning.
  "pickle.py": "import marshal\nloads = marshal.loads\n\nclass Unpickler:\n    def load(self):\n        return 1\n",
  "tools/__init__.py": "",
  "tools/use.py": "from app import loads, restore\nfrom app.store import Store\n\n\ndef run(b):\n    return loads(b), restore(b), Store().open(b)\n",
};

async function analysed(): Promise<{ files: ProgramFile[]; firstPass: Map<string, FileAnalysis>; summaries: ModuleSummary[] }> {
  const parser = await loadPythonParser();
  const sinks = new SinkIndex(PYTHON_RULES);
  const files = programFiles(FILES);
  const firstPass = new Map<string, FileAnalysis>();
  const summaries: ModuleSummary[] = [];
  for (const f of files) {
    const input = { path: f.path, source: f.text, moduleName: f.moduleName };
    firstPass.set(f.path, analyzePython(parser, input, sinks));
    // Every module summarised, whether or not it spells a rule token.
    const whole = analyzePython(parser, input, sinks, { completeFlows: true });
    if (whole.summary) summaries.push(whole.summary);
  }
  return { files, firstPass, summaries };
}

function projectIndex(summaries: readonly ModuleSummary[]): ProjectIndex {
  const modules = new Set<string>();
  for (const s of summaries) for (let m = s.module; m; m = m.slice(0, Math.max(0, m.lastIndexOf(".")))) modules.add(m);
  const sinks = new SinkIndex(PYTHON_RULES);
  const index = new ProjectIndex(modules, (top) => sinks.leadsToSink(top));
  for (const s of summaries) index.set(s);
  return index;
}

/**
 * What of a resolution can lead anywhere: the names outside the project (a cut cycle leaves a project name, which
 * leads nowhere, and where it is cut may differ) and the project classes found.
 */
function reach(found: readonly ResolvedName[] | undefined, projectTops: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const r of found ?? []) {
    const cls = r.projectClass ?? r.projectInstance;
    if (cls) out.add(`${r.projectInstance ? "instance" : "class"} ${cls.name}`);
    else if (!projectTops.has(r.name.split(".")[0]) || r.name.split(".")[0] === "pickle") out.add(r.name);
  }
  return [...out].sort();
}

describe("whole-program pass: what a module's exports resolve to", () => {
  it("exportTargets finds what resolve finds for every export of every module, in any order of asking", async () => {
    const { summaries } = await analysed();
    const tops = new Set(summaries.map((s) => s.module.split(".")[0]));
    let compared = 0;
    for (const order of [summaries, [...summaries].reverse()]) {
      // A fresh index per order: what `resolve` remembered must not decide the answer.
      const fresh = projectIndex(summaries);
      const reference = projectIndex(summaries);
      for (const s of order) {
        for (const name of Object.keys(s.exports)) {
          assert.deepEqual(reach(fresh.exportTargets(s.module, name), tops), reach(reference.resolve(`${s.module}.${name}`), tops), `${s.module}.${name}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 40, `compared ${compared}`);
  });

  it("keeps what resolution must: library-named modules, submodules named like exports, cycles", async () => {
    const { summaries } = await analysed();
    const index = projectIndex(summaries);
    const tops = new Set(summaries.map((s) => s.module.split(".")[0]));
    // `pickle.py` of the project does not resolve: `pickle` is the library.
    assert.equal(index.exportTargets("pickle", "loads"), undefined);
    // `app.Safe` is a module: the name is the module, whatever `app` binds.
    assert.deepEqual(index.exportTargets("app.store", "Safe")?.map((r) => r.name), index.resolve("app.store.Safe")?.map((r) => r.name));
    assert.deepEqual(reach(index.exportTargets("app.cycle_b", "value"), tops), ["pickle.loads"]);
    assert.deepEqual(reach(index.exportTargets("app", "loads"), tops), ["pickle.loads"]);
    assert.deepEqual(reach(index.exportTargets("app", "Loader"), tops), ["class app.compat.Loader"]);
  });

  it("a class's own method is skipped only where resolving it finds nothing its member's other values do not", async () => {
    const { summaries } = await analysed();
    const index = projectIndex(summaries);
    const tops = new Set(summaries.map((s) => s.module.split(".")[0]));
    const skipped: string[] = [];
    for (const s of summaries) {
      for (const [cls, summary] of Object.entries(s.classes)) {
        for (const [member, values] of Object.entries(summary.members)) {
          for (const value of values) {
            if (!index.isOwnMember(s, cls, member, value, values)) continue;
            skipped.push(value.name);
            const others = values.filter((v) => v !== value).flatMap((v) => reach(index.resolve(v.name) ?? [{ name: v.name }], tops));
            for (const r of reach(index.resolve(value.name), tops)) assert.ok(others.includes(r), `${value.name} finds ${r}`);
          }
        }
      }
    }
    assert.ok(skipped.includes("app.compat.Loader.load"), skipped.join(", "));
    // `Rebound` is bound to `marshal` at module level: `app.store.Rebound.loads` resolves through it.
    assert.ok(!skipped.includes("app.store.Rebound.loads"));
    // `app.Safe` is also a module's name (`app/Safe.py`): `app.Safe.open` resolves through the module.
    assert.ok(!skipped.includes("app.Safe.open"));
    assert.ok(skipped.includes("app.store.Safe.open"));
    // The project's `pickle` is the library: its names do not resolve, and are asked as they are.
    assert.ok(!skipped.some((n) => n.startsWith("pickle.")));
  });

  it("tells the same sink-leading modules and findings through the pass", async () => {
    const { files, firstPass } = await analysed();
    const parser = await loadPythonParser();
    const leading: [string, string[]][][] = [];
    const redone = analyzeWholeProgram(files, firstPass, parser, new SinkIndex(PYTHON_RULES), undefined, (l) => leading.push([...l].map(([m, n]) => [m, [...n]])));
    const first = new Map(leading[0]);
    assert.deepEqual(first.get("app.store")?.sort(), ["Loader", "Rebound", "Store", "Sub", "marshal", "shelve"]);
    assert.deepEqual(first.get("app.compat")?.sort(), ["Loader", "pickle", "restore"]);
    assert.equal(first.has("app.Safe") ? first.get("app.Safe")!.includes("loads") : true, true);
    assert.deepEqual(
      redone.get("tools/use.py")?.findings.map((f) => `${f.ruleId}:${f.location.line}:${f.location.column}`).sort(),
      ["PYTHON-LANG-SEC-040:6:12", "PYTHON-LANG-SEC-040:6:22"],
    );
  });
});

describe("sameJson", () => {
  /** A small seeded generator of plain data with the shapes summaries have, and the cases JSON treats specially. */
  function generator(seed: number) {
    let state = seed;
    const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const leaf = (): unknown => [0, -0, 1, 2.5, NaN, Infinity, "", "a", "b", true, false, null, undefined][Math.floor(next() * 13)];
    const value = (depth: number): unknown => {
      const r = next();
      if (depth > 3 || r < 0.4) return leaf();
      if (r < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      const out: Record<string, unknown> = {};
      for (const k of ["x", "y", "1", "0", "z"].filter(() => next() < 0.5)) out[k] = value(depth + 1);
      return out;
    };
    return { value, next };
  }

  it("answers as comparing the JSON texts does", () => {
    const { value, next } = generator(7);
    let equal = 0;
    for (let i = 0; i < 4000; i++) {
      const a = value(0);
      // Often a copy, sometimes with members reordered or one changed: equal and near-equal pairs.
      const copy = a === undefined ? undefined : JSON.parse(JSON.stringify(a) ?? "null");
      const b = next() < 0.5 ? copy : next() < 0.5 ? value(0) : reordered(copy);
      const expected = JSON.stringify(a) === JSON.stringify(b);
      if (expected) equal++;
      assert.equal(sameJson(a, b), expected, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    assert.ok(equal > 500 && equal < 3900, `${equal} equal pairs`);
  });

  it("leaves out undefined members and writes undefined array elements as null", () => {
    assert.equal(sameJson({ a: 1, b: undefined }, { a: 1 }), true);
    assert.equal(sameJson([undefined], [null]), true);
    assert.equal(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 }), false);
    assert.equal(sameJson({ a: [1, { b: "x" }] }, { a: [1, { b: "y" }] }), false);
    assert.equal(sameJson(NaN, null), true);
    assert.equal(sameJson({ toJSON: () => 1 }, 1), true);
  });
});

function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
}

describe("module summaries: class members", () => {
  const CLASSES = [
    "import pickle",
    "from functools import cached_property",
    "",
    "class Loader(pickle.Unpickler):",
    "    def load(self):",
    "        return super().load()",
    "",
    "    @property",
    "    def size(self):",
    "        return 1",
    "",
    "    @cached_property",
    "    def cached(self):",
    "        return 2",
    "",
    "    def twice(self):",
    "        return 1",
    "",
    "    def twice(self, x):",
    "        return x",
    "",
    "    mixed = pickle.loads",
    "",
    "    def mixed(self, b):",
    "        return b",
    "",
    "    restore = staticmethod(pickle.loads)",
    "    quick = lambda self, b: b",
    "",
    "    class Inner:",
    "        def deep(self):",
    "            return 3",
    "",
    "    if pickle.HIGHEST_PROTOCOL > 4:",
    "        def conditional(self):",
    "            return 4",
    "    else:",
    "        conditional = None",
    "",
    "",
    "Alias = Loader",
    "",
    "",
    "def factory():",
    "    class Local:",
    "        def m(self):",
    "            return 5",
    "    return Local",
    "",
  ].join("\n");

  it("holds what the semantic model resolves each member to, for methods and every other binding", async () => {
    const parser = await loadPythonParser();
    const sources: [string, string][] = [["pkg/classes.py", CLASSES]];
    for (const path of pythonFiles("fixtures")) sources.push([path, readFileSync(path, "utf8")]);
    let members = 0;
    for (const [path, source] of sources) {
      const moduleName = path.replace(/\.py$/, "").replace(/\//g, ".");
      const summary = summarizeModule(new SemanticModel(parser.parse(source), moduleName), path);
      // A model of its own: the summary's must not have remembered anything this one answers from.
      const model = new SemanticModel(parser.parse(source), moduleName);
      const module = packageModuleName(moduleName);
      const qualify = (n: string) => (n.startsWith(LOCAL_PREFIX) ? `${module}.${n.slice(LOCAL_PREFIX.length)}` : n);
      for (const [name, bindings] of model.module.bindings) {
        const last = bindings.filter((b) => b.kind === "class" && b.classDef).at(-1);
        if (!last || !summary.classes[name]) continue;
        for (const [member] of model.classScope(last.classDef!)?.bindings ?? []) {
          const expected: string[] = [...new Set((model.classMember(last.classDef!, member, false) ?? []).map((r) => qualify(r.name)))];
          assert.deepEqual(summary.classes[name].members[member]?.map((v) => v.name), expected, `${path}: ${name}.${member}`);
          members++;
        }
      }
    }
    assert.ok(members > 100, `${members} members`);
    const own = summarizeModule(new SemanticModel(parser.parse(CLASSES), "pkg.classes"), "pkg/classes.py").classes.Loader.members;
    assert.deepEqual(own.twice.map((v) => v.name), ["pkg.classes.Loader.twice"]);
    assert.deepEqual(own.restore.map((v) => v.name), ["pickle.loads"]);
    assert.ok(own.mixed.some((v) => v.name === "pickle.loads"), JSON.stringify(own.mixed));
  });
});

function pythonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) appendAll(out, pythonFiles(path));
    else if (entry.name.endsWith(".py")) out.push(path);
  }
  return out.sort();
}
