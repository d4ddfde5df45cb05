// The project index resolves names across module summaries and keeps what it resolved until a summary it read changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ProjectIndex, type ModuleSummary } from "../src/languages/python/project-index.js";

function summary(module: string, exports: Record<string, string>, classes: Record<string, string[]> = {}): ModuleSummary {
  const out: ModuleSummary = { module, path: `${module.replace(/\./g, "/")}.py`, exports: {}, stars: [], classes: {} };
  for (const [name, value] of Object.entries(exports)) out.exports[name] = [{ name: value, line: 1, column: 1 }];
  for (const [name, bases] of Object.entries(classes)) {
    out.exports[name] = [{ name: `${module}.${name}`, line: 2, column: 1, own: "class" }];
    out.classes[name] = { bases, overridesFindClass: false, members: {}, instanceMembers: {} };
  }
  return out;
}

const names = (index: ProjectIndex, name: string) => (index.resolve(name) ?? []).map((r) => r.name);

test("a new summary of a module changes what names read through it resolve to, and only those", () => {
  const index = new ProjectIndex(new Set(["pkg", "pkg.compat", "pkg.other"]), (top) => top === "pickle" || top === "json");
  index.set(summary("pkg.compat", { loads: "pickle.loads" }));
  index.set(summary("pkg", { loads: "pkg.compat.loads", dumps: "pkg.other.dumps" }));
  index.set(summary("pkg.other", { dumps: "pickle.dumps" }));
  assert.deepEqual(names(index, "pkg.loads"), ["pickle.loads"]);
  assert.deepEqual(names(index, "pkg.dumps"), ["pickle.dumps"]);
  index.set(summary("pkg.compat", { loads: "json.loads" }));
  assert.deepEqual(names(index, "pkg.loads"), ["json.loads"]);
  assert.deepEqual(names(index, "pkg.dumps"), ["pickle.dumps"]);
  // A module summarised only now: names that found no summary of it before resolve through it.
  const late = new ProjectIndex(new Set(["app", "app.util"]), () => false);
  late.set(summary("app", { f: "app.util.f" }));
  assert.deepEqual(names(late, "app.f"), ["app.util.f"]);
  late.set(summary("app.util", { f: "marshal.loads" }));
  assert.deepEqual(names(late, "app.f"), ["marshal.loads"]);
});

test("a class's ancestors follow a new summary of the module of its base", () => {
  const index = new ProjectIndex(new Set(["app", "app.base"]), (top) => top === "pickle");
  index.set(summary("app.base", {}, { Base: ["object"] }));
  index.set(summary("app", {}, { Loader: ["app.base.Base"] }));
  const ancestors = () => index.resolve("app.Loader")![0].projectClass!.ancestors().map((r) => r.name);
  assert.deepEqual(ancestors(), ["app.base.Base", "object"]);
  index.set(summary("app.base", {}, { Base: ["pickle.Unpickler"] }));
  assert.deepEqual(ancestors(), ["app.base.Base", "pickle.Unpickler"]);
});

test("a function's flows follow a new summary, or flow summary, of its module, and only of its module", () => {
  const index = new ProjectIndex(new Set(["app", "app.util", "app.other"]), () => false);
  const withFlows = (module: string, flows: ModuleSummary["flows"]) => ({ ...summary(module, {}), flows });
  const returns = [{ place: { file: "app/util.py", line: 3, column: 5, endLine: 3, endColumn: 9, snippet: "" }, message: "source: request" }];
  const found = (name: string) => (index.flows(name) ?? []).map((r) => `${r.name}:${Object.keys(r.flows).join(",")}`);
  // Asked before the module has a summary, and again after.
  assert.deepEqual(found("app.util.fetch"), []);
  index.set(withFlows("app.util", { fetch: { returns } }));
  index.set(withFlows("app.other", { g: { factory: true } }));
  assert.deepEqual(found("app.util.fetch"), ["app.util.fetch:returns"]);
  assert.deepEqual(found("app.util.nothing"), []);
  assert.deepEqual(found("app.other.g"), ["app.other.g:factory"]);
  // Another module's new summary leaves these answers as they were; the module's own changes them.
  index.set(withFlows("app.other", {}));
  assert.deepEqual(found("app.util.fetch"), ["app.util.fetch:returns"]);
  assert.deepEqual(found("app.other.g"), []);
  index.set(withFlows("app.util", { nothing: { factory: true } }));
  assert.deepEqual(found("app.util.fetch"), []);
  assert.deepEqual(found("app.util.nothing"), ["app.util.nothing:factory"]);
  // A flow summary (the module analysed whole for its callers) stands before the module's own summary.
  index.setFlows(withFlows("app.util", { fetch: { passes: [] } }));
  assert.deepEqual(found("app.util.fetch"), ["app.util.fetch:passes"]);
  assert.deepEqual(found("app.util.nothing"), []);
  index.set(withFlows("app.util", { nothing: { factory: true } }));
  assert.deepEqual(found("app.util.fetch"), ["app.util.fetch:passes"]);
});
