// The semantic model works each binding, class member and qualified name out once and shares the answer. These
// tests hold it to what resolving afresh gives: the same names whatever order the expressions are asked in, and
// however often; names that share an attribute but not a base kept apart; every call and subscript of a file recorded.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { analyzeSource } from "../src/index.js";
import { SemanticModel, type ProjectClass, type ResolvedName } from "../src/languages/python/semantic/model.js";
import { canonicalName } from "../src/languages/python/semantic/module-aliases.js";
import type { SyntaxNode, SyntaxTree } from "../src/languages/python/syntax.js";
import { loadPythonParser } from "../src/project/python-parser.js";

const SOURCE = `
import cPickle as cp
import json, os.path
import yaml as y, yaml as z
from functools import partial
import importlib

loader = cp.loads
dispatch = {"p": cp.loads, "j": json.loads}
later = loader

class Base:
    reader = cp.Unpickler

class Store(Base):
    decode = staticmethod(cp.loads)

    def __init__(self, path):
        self.opener = open
        self.codec = json
        self.parse = self.codec.loads

    def run(self, blob, path):
        self.decode(blob)
        self.reader(blob).load()
        self.opener(path).read()
        self.codec.loads(blob)
        self.parse(blob)
        self.missing(blob)
        Store.decode(blob)
        cp.loads(blob)
        json.loads(blob)
        os.path.join(path, "x")
        y.load(blob)
        z.load(blob)
        len(blob)
        later(blob)
        partial(cp.loads, blob)()
        importlib.import_module("pick" + "le").loads(blob)
        getattr(cp, "lo" + "ads")(blob)
        (a, b) = (cp.load, json.load)
        a(blob)
        b(blob)
        if (fn := dispatch.get("p")):
            fn(blob)
        with open(path, "rb") as f:
            cp.load(f)
        return [cp.loads(x) for x in blob]

def decode(data, loads=cp.loads, *, parse=json.loads):
    loads(data)
    parse(data)
    return Store(data).run(data, "p")
`;

async function tree(source: string): Promise<SyntaxTree> {
  return (await loadPythonParser()).parse(source);
}

function calleeOf(call: SyntaxNode): SyntaxNode {
  return call.children.find((c) => c.field === "function")!;
}

/** Every callee of the model's calls with the names it resolves to, asked in `order`. */
function resolvedCallees(model: SemanticModel, order: "forward" | "backward"): Map<string, string[]> {
  const calls = order === "forward" ? model.calls : [...model.calls].reverse();
  const out = new Map<string, string[]>();
  for (const { node, scope } of calls) {
    const callee = calleeOf(node);
    out.set(`${callee.start}:${model.text(callee)}`, model.resolve(callee, scope).map((r) => r.name));
  }
  return new Map([...out].sort(([a], [b]) => Number.parseInt(a) - Number.parseInt(b)));
}

describe("semantic model resolution", () => {
  it("gives the same names whatever order the callees are asked in, and when asked again", async () => {
    const t = await tree(SOURCE);
    const forward = resolvedCallees(new SemanticModel(t, "app.store"), "forward");
    const backwardModel = new SemanticModel(t, "app.store");
    const backward = resolvedCallees(backwardModel, "backward");
    assert.deepEqual(backward, forward);
    assert.deepEqual(resolvedCallees(backwardModel, "forward"), forward);
  });

  it("resolves each callee to what its bindings, members and imports make it", async () => {
    const t = await tree(SOURCE);
    const model = new SemanticModel(t, "app.store");
    const byText = new Map<string, string[][]>();
    for (const [key, names] of resolvedCallees(model, "forward")) {
      const text = key.slice(key.indexOf(":") + 1);
      byText.set(text, [...(byText.get(text) ?? []), names]);
    }
    const expect = (text: string, ...names: string[][]) => assert.deepEqual(byText.get(text), names, text);
    expect("self.decode", ["pickle.loads"]);
    expect("self.reader(blob).load", ["pickle.Unpickler().load"]);
    expect("self.opener(path).read", ["builtins.open().read"]);
    expect("self.codec.loads", ["json.loads"]);
    expect("self.parse", ["json.loads"]);
    expect("self.missing", ["<local>.Store().missing"]);
    expect("Store.decode", ["pickle.loads"]);
    expect("cp.loads", ["pickle.loads"], ["pickle.loads"]);
    expect("json.loads", ["json.loads"]);
    expect("os.path.join", ["os.path.join"]);
    expect("y.load", ["yaml.load"]);
    expect("z.load", ["yaml.load"]);
    expect("len", ["builtins.len"]);
    expect("later", ["pickle.loads"]);
    expect("partial(cp.loads, blob)", ["pickle.loads"]);
    expect('importlib.import_module("pick" + "le").loads', ["pickle.loads"]);
    expect('getattr(cp, "lo" + "ads")', ["pickle.loads"]);
    expect("a", ["pickle.load"]);
    expect("b", ["json.load"]);
    expect("fn", []);
    expect("cp.load", ["pickle.load"]);
    expect("loads", ["pickle.loads"]);
    expect("parse", ["json.loads"]);
  });

  it("resolves a name no scope binds through the module's star imports, once per name", async () => {
    const model = new SemanticModel(await tree("from pickle import *\nfrom json import *\nloads(b)\nlen(b)\nloads(c)\nlen(c)\n"), "m");
    const names = () => model.calls.map(({ node, scope }) => model.resolve(calleeOf(node), scope).map((r) => r.name));
    const expected = [["pickle.loads", "json.loads"], ["pickle.len", "json.len", "builtins.len"], ["pickle.loads", "json.loads"], ["pickle.len", "json.len", "builtins.len"]];
    assert.deepEqual(names(), expected);
    assert.deepEqual(names(), expected);
  });

  it("keeps apart names that share an attribute but not a base", async () => {
    const model = new SemanticModel(await tree("import json, pickle\nimport cPickle as p\njson.loads(b)\npickle.loads(b)\np.loads(b)\njson.loads(b)\n"), "m");
    assert.deepEqual(
      model.calls.map(({ node, scope }) => model.resolve(calleeOf(node), scope).map((r) => r.name)),
      [["json.loads"], ["pickle.loads"], ["pickle.loads"], ["json.loads"]],
    );
  });

  it("records every call and subscript of a file, and a body scope for every class", async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith(".py")) files.push(join(dir, e.name));
      }
    };
    walk("fixtures");
    assert.ok(files.length > 50, "the fixtures hold Python files");
    for (const file of [...files, "<inline>"]) {
      const t = await tree(file === "<inline>" ? SOURCE : readFileSync(file, "utf8"));
      const all = { call: [] as SyntaxNode[], subscript: [] as SyntaxNode[], class_definition: [] as SyntaxNode[] };
      const stack = [t.root];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === "call" || n.type === "subscript" || n.type === "class_definition") all[n.type].push(n);
        stack.push(...n.children);
      }
      const model = new SemanticModel(t, "m");
      const byStart = (a: SyntaxNode, b: SyntaxNode) => a.start - b.start || a.end - b.end;
      assert.deepEqual(model.calls.map((c) => c.node).sort(byStart), all.call.sort(byStart), `${file}: calls`);
      assert.deepEqual(model.subscripts.map((c) => c.node).sort(byStart), all.subscript.sort(byStart), `${file}: subscripts`);
      for (const cls of all.class_definition) assert.ok(model.classScope(cls), `${file}: class at ${cls.start}`);
    }
  });

  it("reports the sinks reached through members, aliases and defaults, and not the names beside them", async () => {
    const { findings } = await analyzeSource(SOURCE, { rulesets: ["python/PYTHON-LANG-SEC-040", "python/PYTHON-LANG-SEC-041"] });
    const lines = SOURCE.split("\n");
    const reported = findings.map((f) => `${f.ruleId} ${lines[f.location.line - 1].trim()}`).sort();
    const pickle = [
      'dispatch = {"p": cp.loads, "j": json.loads}',
      "reader = cp.Unpickler",
      "decode = staticmethod(cp.loads)",
      "self.decode(blob)",
      "self.reader(blob).load()",
      "Store.decode(blob)",
      "cp.loads(blob)",
      "later(blob)",
      "partial(cp.loads, blob)()",
      'importlib.import_module("pick" + "le").loads(blob)',
      'getattr(cp, "lo" + "ads")(blob)',
      "a(blob)",
      "cp.load(f)",
      "return [cp.loads(x) for x in blob]",
      "loads(data)",
    ];
    const yaml = ["y.load(blob)", "z.load(blob)"];
    assert.deepEqual(reported, [...pickle.map((l) => `PYTHON-LANG-SEC-040 ${l}`), ...yaml.map((l) => `PYTHON-LANG-SEC-041 ${l}`)].sort());
  });

  it("gives every resolved name one shape, the project's included, with what each field holds kept", async () => {
    // A project index that answers in shapes of its own: a class, its instance's member, a chain.
    const step = { path: "pkg/compat.py", line: 1, column: 1, message: "pkg.compat.pickle is pickle" };
    const Loader: ProjectClass = {
      name: "pkg.io.Loader",
      ancestors: () => [{ name: "pickle.Unpickler", chain: [step] }],
      overridesFindClass: false,
      member: (attribute) => (attribute === "read" ? [{ name: "pickle.load" }] : undefined),
    };
    const project = {
      resolve: (name: string): ResolvedName[] | undefined =>
        name === "pkg.io.Loader" ? [{ name, projectClass: Loader }] : name === "pkg.compat.pickle" ? [{ chain: [step], name: "pickle" }] : undefined,
    };
    const source = `${SOURCE}
from pkg.io import Loader
from pkg.compat import pickle as p2
Loader(f).read(f)
p2.loads(f)
(cp.loads if f else json.loads)(f)
(cp.loads or json.loads)(f)
vars(cp)["loads"](f)
Store(f).run(f, "p")
class Mine(Loader):
    pass
`;
    const model = new SemanticModel(await tree(source), "m", project);
    const shapes = new Set<string>();
    const byCallee = new Map<string, ResolvedName[]>();
    for (const { node, scope } of model.calls) {
      const names = model.resolve(calleeOf(node), scope);
      byCallee.set(model.text(calleeOf(node)), names);
      for (const r of names) shapes.add(Object.keys(r).join());
    }
    const mine = model.tree.root.children.find((c) => c.type === "class_definition" && model.text(c).startsWith("class Mine"))!;
    const ancestors = model.classAncestors(mine, model.calls[0].scope);
    assert.deepEqual(ancestors.map((a) => a.name), ["pkg.io.Loader", "pickle.Unpickler"]);
    assert.deepEqual(ancestors[1].chain, [step]);
    for (const a of ancestors) shapes.add(Object.keys(a).join());
    assert.deepEqual([...shapes], ["name,localClass,constructedBy,instanceOf,projectClass,projectInstance,chain,definition,boundBy"]);
    const names = (callee: string) => byCallee.get(callee)!.map((r) => r.name);
    assert.deepEqual(names("Loader(f).read"), ["pickle.load"]);
    assert.deepEqual(names("p2.loads"), ["pickle.loads"]);
    assert.deepEqual(byCallee.get("p2.loads")![0].chain, [step]);
    assert.deepEqual(names("(cp.loads if f else json.loads)"), ["pickle.loads", "json.loads"]);
    assert.deepEqual(names("(cp.loads or json.loads)"), ["pickle.loads", "json.loads"]);
    assert.deepEqual(names('vars(cp)["loads"]'), ["pickle.loads"]);
    const [store] = byCallee.get("Store(f).run")!;
    assert.equal(store.name, "<local>.Store.run");
    const [built] = model.resolve(calleeOf(model.calls.find(({ node }) => model.text(node) === 'Store(f).run(f, "p")')!.node).children[0], model.calls[0].scope);
    assert.equal(built.name, "<local>.Store()");
    assert.equal(model.text(built.constructedBy!.call), "Store(f)");
    assert.equal(built.instanceOf?.type, "class_definition");
  });
});

describe("module aliases", () => {
  it("rewrites every spelling of a module to its canonical name, and nothing that only starts like one", () => {
    const cases: [string, string][] = [
      ["cPickle", "pickle"],
      ["cPickle.loads", "pickle.loads"],
      ["_pickle.Unpickler", "pickle.Unpickler"],
      ["six.moves.cPickle.load", "pickle.load"],
      ["six.moves.builtins.eval", "builtins.eval"],
      ["six.moves.urllib", "six.moves.urllib"],
      ["pickle5.pickle.loads", "pickle.loads"],
      ["pickle5.loads", "pickle.loads"],
      ["sklearn.externals.joblib.load", "joblib.load"],
      ["joblib.numpy_pickle.load", "joblib.load"],
      ["joblib.numpy_pickle.dump", "joblib.numpy_pickle.dump"],
      ["torch.utils.model_zoo.load_url", "torch.hub.load_state_dict_from_url"],
      ["tensorflow.keras.models.load_model", "keras.models.load_model"],
      ["ruamel.yaml.main.load", "ruamel.yaml.load"],
      ["ruamel_yaml.load", "ruamel.yaml.load"],
      ["yaml.cyaml.CLoader", "yaml.CLoader"],
      ["cPickleX.loads", "cPickleX.loads"],
      ["pickle5x.loads", "pickle5x.loads"],
      ["sixmoves.cPickle", "sixmoves.cPickle"],
      ["pickle.loads", "pickle.loads"],
      ["<local>.cPickle", "<local>.cPickle"],
      ["builtins.len", "builtins.len"],
      ["", ""],
    ];
    for (const [name, canonical] of cases) assert.equal(canonicalName(name), canonical, name);
  });

});

