// Regression tests for hostile input (issue 17): time budgets and linear per-file work, nothing read or written
// outside the project, and the smaller leaks (CSV formulas, terminal escapes, CI log, playground Host header).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";
import { analyzeSource, applyFixes, renderReport, scanProject } from "../src/index.js";
import { main } from "../src/cli/main.js";
import { foldRepeatedErrors } from "../src/project/fold-errors.js";
import { startStaticServer, type RunningServer } from "../src/project/static-server.js";
import type { ScanError } from "../src/core/types.js";
import { createTempRepo } from "./ci-support.js";
import { PATHOLOGICAL_SOURCES } from "./helpers/fuzz-inputs.js";
import { runCli, tempProject } from "./helpers/cli.js";

const TOOL = { name: "pathfinder", version: "0.0.0", informationUri: "" };
const scanOptions = (target: string) => ({ target, rulesets: [], include: [], exclude: [], skipTests: false, gitignore: true, maxFileSize: 5 << 20, jobs: 0, tool: TOOL });

describe("time: every file has a budget", () => {
  it("a file the parser would spend seconds on gets a warning naming it, and the scan goes on (CLI, --file-timeout)", async () => {
    const project = tempProject({
      // A Python 2 print statement: the fast parser leaves the file to tree-sitter, whose scanner is the slow part.
      "slow/comments.py": PATHOLOGICAL_SOURCES.commentsInDef(8000).replace("def f(x):\n", "def f(x):\n    print 'v'\n"),
      "app.py": "import pickle\npickle.loads(data)\n",
    });
    const { code, stdout } = await runCli(["scan", "-p", project, "-o", "json", "--file-timeout", "1s", "-j", "0"]);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    const timeouts = report.errors.filter((e: ScanError) => e.kind === "timeout");
    assert.deepEqual(timeouts.map((e: ScanError) => e.file), ["slow/comments.py"], JSON.stringify(report.errors));
    const timeout = timeouts[0];
    assert.equal(timeout.level, "warning");
    assert.match(timeout.message, /ran out of time while parsing.*--file-timeout/);
    assert.deepEqual(report.results.map((r: { location: { file: string } }) => r.location.file), ["app.py"], "the other file is still analysed");
  });

  it("keeps the findings made before the deadline (library API)", async () => {
    // A budget already spent when the analysis starts: whatever stage notices first, nothing is thrown.
    const source = PATHOLOGICAL_SOURCES.manyFindings(3000);
    const result = await analyzeSource(source, { timeBudgetMs: -1e9 });
    assert.equal(result.errors.filter((e) => e.kind === "timeout").length, 1);
    assert.ok(result.findings.length < 3000);
    const full = await analyzeSource(source);
    assert.equal(full.findings.length, 3000);
    const fingerprints = new Set(full.findings.map((f) => f.fingerprint));
    for (const f of result.findings) assert.ok(fingerprints.has(f.fingerprint), "a kept finding is one of the real findings");
  });

  it("--file-timeout rejects values it cannot read, and 0 turns the budget off", async () => {
    const project = tempProject({ "a.py": "import pickle\npickle.loads(x)\n" });
    const bad = await runCli(["scan", "-p", project, "--file-timeout", "soon"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--file-timeout: cannot read "soon"/);
    const off = await runCli(["scan", "-p", project, "-o", "json", "--file-timeout", "0"]);
    assert.equal(JSON.parse(off.stdout).results.length, 1);
  });

  for (const name of ["backslashes", "longBrokenLine", "deepNesting"] as const) {
    it(`the ${name} pathology is analysed to the end or reported as out of time, never thrown`, async () => {
      const result = await analyzeSource(PATHOLOGICAL_SOURCES[name](20_000), { timeBudgetMs: 5000 });
      assert.ok(result.findings.length >= 1 || result.errors.some((e) => e.kind === "timeout" || e.kind === "too-deep"), JSON.stringify(result.errors));
    });
  }
});

describe("time: per-file steps are linear in the findings", () => {
  it("snippets come from a line index: the source is not rescanned for every finding", async () => {
    const count = 2000;
    const source = PATHOLOGICAL_SOURCES.manyFindings(count);
    const original = String.prototype.indexOf;
    let scans = 0;
    String.prototype.indexOf = function (this: string, ...args: Parameters<string["indexOf"]>) {
      if (this.length === source.length) scans++;
      return original.apply(this, args);
    };
    let findings;
    try {
      ({ findings } = await analyzeSource(source));
    } finally {
      String.prototype.indexOf = original;
    }
    assert.equal(findings.length, count);
    assert.equal(findings[count - 1].location.snippet, `pickle.loads(x${count - 1})`);
    // A line index costs one search per line (a few times over); rescanning per finding cost count * lines / 2.
    assert.ok(scans < 10 * (count + 2), `${scans} searches of the source for ${count} findings`);
  });

  it("a line continued 60,000 times keeps its finding: continuation markers are placed in one walk down the tree", async () => {
    // Each `\\` continuation is an extra node placed inside the expression around it; looking for its place from the
    // root walked 60,000 nested operators for each of 60,000 markers (28 s of CPU, past any budget, findings lost).
    const { findings, errors } = await analyzeSource(PATHOLOGICAL_SOURCES.backslashes(60_000), { timeBudgetMs: 5000 });
    assert.deepEqual(errors, []);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.line]), [["PYTHON-LANG-SEC-040", 2]]);
  });

  it("calls of thousands of wrapper functions are matched to their functions once, not once per wrapper", async () => {
    // Each `def fN(p): return pickle.loads(p)` is a wrapper (its parameter reaches a sink) and each call a candidate
    // call of one: asking every call for every wrapper read the callee's text count * count times.
    const count = 2000;
    const source = PATHOLOGICAL_SOURCES.manyDefs(count);
    const original = String.prototype.slice;
    let slices = 0;
    String.prototype.slice = function (this: string, ...args: Parameters<string["slice"]>) {
      if (this.length === source.length) slices++;
      return original.apply(this, args);
    };
    let findings;
    try {
      ({ findings } = await analyzeSource(source));
    } finally {
      String.prototype.slice = original;
    }
    assert.equal(findings.filter((f) => f.ruleId === "PYTHON-LANG-SEC-040").length, count);
    assert.ok(slices < 100 * count, `${slices} slices of the source for ${count} wrappers`);
  });

  it("a chain of thousands of helpers that pass their argument on, each calling the one below twice, is analysed with a bounded stack", async () => {
    // Each helper's pass-through summary is worked out once; the summaries worked out inside one another are capped
    // (MAX_PASS_THROUGH_NESTING), past which the expression depth bounds the rest.
    const count = 3000;
    const lines = ["import pickle", "from flask import request", "", "def f0(x):", "    return x", ""];
    for (let k = 1; k < count; k++) lines.push(`def f${k}(x):`, `    return f${k - 1}(x) + f${k - 1}(x[1:])`, "");
    lines.push("def deep():", `    return pickle.loads(f${count - 1}(request.data))`, "", "def short():", "    return pickle.loads(f5(request.data))", "");
    const source = lines.join("\n");
    const { findings, errors } = await analyzeSource(source, { path: "chain.py" });
    assert.deepEqual(errors, []);
    const line = (text: string) => source.split("\n").indexOf(text) + 1;
    assert.equal(findings.filter((f) => f.ruleId === "PYTHON-LANG-SEC-040").length, 2);
    assert.ok(findings.some((f) => f.ruleId === "PYTHON-DESER-001" && f.location.line === line("    return pickle.loads(f5(request.data))")));
  });

  it("chains of thousands of definitions written against the file's order are chosen and followed in linear time", { timeout: 120_000 }, async () => {
    // f0 calls f1 ... calls pickle.loads (and the same among one class's methods; and g0 ... returning request data):
    // partial parsing's fixed points took one sweep over the whole file per link (12,000 links: over 10 s, so the
    // file ran out of its budget while parsing and lost its findings), wrapper traces grew by a copy per link, and
    // each method call searched its class body.
    const count = 12_000;
    const chain = ["import pickle", "from flask import request", ""];
    for (let k = 0; k < count - 1; k++) chain.push(`def f${k}(x):`, `    return f${k + 1}(x)`);
    chain.push(`def f${count - 1}(x):`, "    return pickle.loads(x)", "def view():", "    return f0(request.data)", "");
    const methods = ["import pickle", "from flask import request", "", "class C:"];
    for (let k = 0; k < count - 1; k++) methods.push(`    def m${k}(self, x):`, `        return self.m${k + 1}(x)`);
    methods.push(`    def m${count - 1}(self, x):`, "        return pickle.loads(x)", "", "def view():", "    return C().m0(request.data)", "");
    const sources = ["import pickle", "from flask import request", "", "def view():", "    return pickle.loads(g0())"];
    for (let k = 0; k < count - 1; k++) sources.push(`def g${k}():`, `    return g${k + 1}()`);
    sources.push(`def g${count - 1}():`, "    return request.data", "");
    const project = tempProject({ "chain.py": chain.join("\n"), "methods.py": methods.join("\n"), "sources.py": sources.join("\n") });
    const run = await runCli(["scan", "-p", project, "-o", "json", "--no-cache"]);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.errors, []);
    const sink = 2 * count + 3;
    const found = report.results.map((r: { rule_id: string; location: { file: string; line: number } }) => `${r.rule_id}:${r.location.file}:${r.location.line}`).sort();
    assert.deepEqual(found, [`PYTHON-DESER-001:chain.py:${sink + 2}`, `PYTHON-DESER-001:methods.py:${sink + 4}`, `PYTHON-LANG-SEC-040:chain.py:${sink}`, `PYTHON-LANG-SEC-040:methods.py:${sink + 1}`, "PYTHON-LANG-SEC-040:sources.py:5"]);
    // A trace through thousands of wrappers keeps its two ends.
    const through = report.results.find((r: { rule_id: string; location: { file: string } }) => r.rule_id === "PYTHON-DESER-001" && r.location.file === "chain.py");
    assert.ok(through.trace.length <= 70, `${through.trace.length} steps`);
    assert.match(through.trace[0].message, /request/);
    assert.match(through.trace[through.trace.length - 1].message, /pickle\.loads/);
  });

  it("a sink renamed through a hundred aliases, or fifty instance fields, is resolved; a far longer chain is cut, not a crash", async () => {
    // Resolution followed 32 bindings/expressions deep: twenty aliases hid a sink. It follows 128 now (an alias is
    // one level, a field two); a longer chain is left unresolved with a bounded stack.
    const aliases = (count: number) => {
      const lines = ["import pickle", "from flask import request", "a0 = pickle.loads"];
      for (let k = 1; k < count; k++) lines.push(`a${k} = a${k - 1}`);
      lines.push("", "def view():", `    return a${count - 1}(request.data)`, "");
      return lines;
    };
    const fields = (count: number) => {
      const lines = ["import pickle", "from flask import request", "", "class C:", "    def __init__(self):", "        self.a0 = pickle.loads"];
      for (let k = 1; k < count; k++) lines.push(`        self.a${k} = self.a${k - 1}`);
      lines.push("", "    def run(self):", `        return self.a${count - 1}(request.data)`, "");
      return lines;
    };
    for (const lines of [aliases(100), fields(50)]) {
      const { findings, errors } = await analyzeSource(lines.join("\n"), { path: "aliases.py" });
      const sink = lines.length - 1;
      assert.deepEqual(findings.map((f) => `${f.ruleId}:${f.location.line}`).sort(), [`PYTHON-DESER-001:${sink}`, `PYTHON-LANG-SEC-040:${sink}`]);
      assert.deepEqual(errors, []);
    }
    for (const lines of [aliases(3000), fields(1500)]) {
      const { findings, errors } = await analyzeSource(lines.join("\n"), { path: "aliases.py" });
      assert.deepEqual(findings, []);
      assert.deepEqual(errors, []);
    }
  });

  it("a module name folded from names that each double the one before is worked out once per name", async () => {
    // `A1 = A0 + A0`, `A2 = A1 + A1`, ...: each name was read twice, so thirty of them took minutes. Every operation
    // folding evaluates builds such chains; the strings stay empty, so no length bound stops them.
    const doubled = [(a: string) => `${a} + ${a}`, (a: string) => `"%s%s" % (${a}, ${a})`, (a: string) => `"".join([${a}, ${a}])`, (a: string) => `f"{${a}}{${a}}"`, (a: string) => `"{}{}".format(${a}, ${a})`];
    for (const double of doubled) {
      const lines = ["import importlib", "A0 = ''"];
      for (let k = 1; k < 30; k++) lines.push(`A${k} = ${double(`A${k - 1}`)}`);
      lines.push(`importlib.import_module(A29 + "pickle").loads(b)`, "");
      const { findings, errors } = await analyzeSource(lines.join("\n"), { path: "doubled.py" });
      assert.deepEqual(findings.map((f) => `${f.ruleId}:${f.location.line}`), [`PYTHON-LANG-SEC-040:${lines.length - 1}`], double("A"));
      assert.deepEqual(errors, []);
    }
  });

  it("a class whose fields are each set from three others is resolved once per field, to the sink among them", async () => {
    // Each field's names were appended from three others with repeats: the lists tripled at each field, and at a
    // depth of 128 forty fields did not finish (4 GB of heap). What an expression may be is now a set.
    const count = 40;
    const lines = ["import pickle", "from flask import request", "", "class W:", "    def __init__(self, x):", "        self.f0 = pickle.loads"];
    const field = (k: number) => `self.f${k % count}`;
    for (let k = 1; k < count; k++) lines.push(`        self.f${k} = ${field(k + 1)} if x else (${field(k + 2)} or ${field(k + 3)})`);
    // f5 reaches f0 (pickle.loads) through thirty-odd fields and conditionals: past the old depth of 32.
    lines.push("", "    def run(self):", "        return self.f5(request.data)", "");
    const { findings, errors } = await analyzeSource(lines.join("\n"), { path: "web.py" });
    const sink = lines.length - 1;
    assert.deepEqual(findings.map((f) => `${f.ruleId}:${f.location.line}`).sort(), [`PYTHON-DESER-001:${sink}`, `PYTHON-LANG-SEC-040:${sink}`]);
    assert.deepEqual(errors, []);
  });

  it("a data-flow question past its step bound gets a warning; the same web one field smaller keeps its findings, with none", async () => {
    // The shape of DeepSpeed's deepspeed_checkpoint.py: fields set from calls on one another, here through a local
    // helper taking `*args`, whose parameter is followed into every call of it. The search branches three ways at each
    // field: 12 fields ask ~30,000 expressions for one question, 13 past the bound of 50,000 (MAX_DATA_FLOW_STEPS).
    const web = (count: number) => {
      const lines = ["import pickle", "from flask import request", "", "def g(*a):", "    return a[0]", "", "class W:", "    def __init__(self):", "        self.f0 = pickle.loads"];
      const field = (k: number) => `self.f${k % count}`;
      for (let k = 1; k < count; k++) lines.push(`        self.f${k} = g(${field(k + 1)}, ${field(k + 2)}, ${field(k + 3)})`);
      lines.push("", "    def run(self):", "        return pickle.loads(self.f1 + request.data)", "");
      return lines;
    };
    const found = (findings: { ruleId: string; location: { line: number } }[]) => findings.map((f) => `${f.ruleId}:${f.location.line}`).sort();
    // pickle.loads handed to g in the last three fields, and the sink (untrusted: request.data reaches it).
    const expected = (count: number) => [`PYTHON-DESER-001:${count + 11}`, ...[count + 6, count + 7, count + 8, count + 11].map((line) => `PYTHON-LANG-SEC-040:${line}`)].sort();
    const under = await analyzeSource(web(12).join("\n"), { path: "web.py" });
    assert.deepEqual(found(under.findings), expected(12));
    assert.deepEqual(under.errors, []);
    const over = await analyzeSource(web(14).join("\n"), { path: "web.py" });
    assert.deepEqual(found(over.findings), expected(14));
    assert.deepEqual(over.errors.map((e) => [e.kind, e.level]), [["too-deep", "warning"]]);
    assert.match(over.errors[0].message, /^following data to a sink or through a function took more than 50000 steps/);
  });

  it("thousands of fixes in one file are planned and applied, overlapping ones skipped", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `v${i} = yaml.load(s${i})\n`);
    const project = tempProject({ "conf.py": "import yaml\n" + lines.join("") });
    const report = await scanProject(scanOptions(project));
    const fixable = report.findings.filter((f) => f.fix);
    assert.equal(fixable.length, 3000);
    const result = await applyFixes([...fixable, ...fixable.slice(0, 10)], { target: project, dryRun: false });
    assert.equal(result.fixed.length, 3010, "the same fix proposed twice counts as fixed once applied");
    const text = readFileSync(join(project, "conf.py"), "utf8");
    assert.equal(text.split("yaml.safe_load(").length - 1, 3000);
    assert.ok(!/yaml\.load\(/.test(text));
  });
});

describe("outside the project: symbolic links", () => {
  let outside: string;
  before(() => {
    outside = mkdtempSync(join(tmpdir(), "pathfinder-outside-"));
    writeFileSync(join(outside, "secret.py"), "import pickle\npickle.loads(secret)\n");
  });

  it("a link out of the project is reported and not followed; --follow-symlinks follows it", async () => {
    const project = tempProject({ "app.py": "import pickle\npickle.loads(a)\n" });
    symlinkSync(outside, join(project, "elsewhere"));
    symlinkSync(join(outside, "secret.py"), join(project, "linked.py"));
    symlinkSync("/", join(project, "root"));
    const { stdout } = await runCli(["scan", "-p", project, "-o", "json"]);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.results.map((r: { location: { file: string } }) => r.location.file), ["app.py"]);
    const outsideWarnings = report.errors.filter((e: ScanError) => e.kind === "symlink-outside").map((e: ScanError) => e.file).sort();
    assert.deepEqual(outsideWarnings, ["elsewhere", "linked.py", "root"]);
    assert.ok(!stdout.includes("pickle.loads(secret)"), "no snippet from outside the project");

    const followed = JSON.parse((await runCli(["scan", "-p", project, "-o", "json", "--follow-symlinks", "--exclude", "root"])).stdout);
    assert.deepEqual(followed.results.map((r: { location: { file: string } }) => r.location.file).sort(), ["app.py", "elsewhere/secret.py", "linked.py"]);
  });

  it("links that reach one directory by many paths walk it once (no exponential walk)", async () => {
    const project = tempProject({ "d0/a.py": "import pickle\npickle.loads(x)\n" });
    // d(k) holds two links to d(k+1): without walking each real directory once there would be 2^20 paths.
    for (let k = 0; k < 20; k++) {
      mkdirSync(join(project, `d${k + 1}`), { recursive: true });
      symlinkSync(join(project, `d${k + 1}`), join(project, `d${k}`, "left"));
      symlinkSync(join(project, `d${k + 1}`), join(project, `d${k}`, "right"));
    }
    const report = await scanProject(scanOptions(project));
    assert.equal(report.findings.length, 1);
    assert.ok(report.errors.length <= 60, `${report.errors.length} warnings`);
  });

  it("--fix never writes through a link or outside the project, and says so", async () => {
    writeFileSync(join(outside, "conf.py"), "import yaml\nyaml.load(s)\n");
    const project = tempProject({ "own.py": "import yaml\nyaml.load(s)\n" });
    symlinkSync(join(outside, "conf.py"), join(project, "linked_conf.py"));
    mkdirSync(join(project, "pkg"));
    symlinkSync(outside, join(project, "pkg", "vendored"));
    const { stderr } = await runCli(["scan", "-p", project, "--fix", "--follow-symlinks", "-q"]);
    assert.equal(readFileSync(join(outside, "conf.py"), "utf8"), "import yaml\nyaml.load(s)\n", "the file outside is untouched");
    assert.equal(readFileSync(join(project, "own.py"), "utf8"), "import yaml\nyaml.safe_load(s)\n");
    assert.match(stderr, /warning: not fixed linked_conf\.py:2:1 PYTHON-LANG-SEC-041: the file is a symbolic link/);
    assert.match(stderr, /warning: not fixed pkg\/vendored\/conf\.py:2:1 PYTHON-LANG-SEC-041: the file resolves to .* outside the project/);
  });
});

/**
 * `count` modules round a cycle of factories: each function returns the next module's functions, each class's method
 * returns the next module's class's method and the class subclasses it; one module's `loader` returns a sink.
 */
function factoryCycle(count: number): Record<string, string> {
  const files: Record<string, string> = { "pkg/__init__.py": "" };
  for (let i = 0; i < count; i++) {
    const next = (i + 1) % count;
    files[`pkg/m${i}.py`] = [
      "import pickle",
      `from pkg import m${next} as nxt`,
      "",
      "",
      "def f(flag):",
      "    return nxt.f if flag else nxt.g",
      "",
      "",
      "def g():",
      "    return nxt.f",
      "",
      "",
      "def loader():",
      "    return pickle.loads",
      "",
      "",
      "class C(nxt.C):",
      "    def make(self):",
      "        return nxt.C().make",
      "",
    ].join("\n");
  }
  files["app.py"] = [
    "from pkg.m0 import C, f, loader",
    "",
    "",
    "def run(data):",
    "    f(1)(2)(3)(data)",
    "    C().make()()()(data)",
    "    return loader()(data)",
    "",
  ].join("\n");
  return files;
}

/** `count` modules that star-import the next one round a cycle, each aliasing pickle.loads, wrapping the next one's alias, and subclassing the next one's class. */
function starImportCycle(count: number): Record<string, string> {
  const files: Record<string, string> = { "pkg/__init__.py": "from pkg.m0 import *\n" };
  for (let i = 0; i < count; i++) {
    const next = (i + 1) % count;
    files[`pkg/m${i}.py`] =
      `from pkg.m${next} import *\nimport pickle\nloads${i} = pickle.loads\n\n\nclass C${i}(C${next} if False else object):\n    pass\n\n\n` +
      `def w${i}(x):\n    return loads${next}(x)\n\n\n__all__ = [n for n in dir() if not n.startswith("_")]\n`;
  }
  files["pkg/app.py"] = "from flask import request\nfrom pkg import *\n\n\ndef view():\n    return w5(request.data)\n";
  return files;
}

/**
 * Instance attributes bound to calls on one another, as pytorch-lightning's PyTorchProfiler binds its profilers, and a
 * caller that reaches them member by member: each name it asks is longer than the last, and each cut where a member
 * meets itself. Beside it, a module whose flow into a sink must still be found.
 */
function memberCallCycle(): Record<string, string> {
  const profiler = [
    "import torch",
    "",
    "",
    "class Profiler:",
    "    def __init__(self, path):",
    "        self.checkpoint = torch.load(path)",
    "        self.profiler = None",
    "        self.parent = None",
    "",
    "    def start(self):",
    "        profiler = self.profiler.enter()",
    "        if profiler is not None:",
    "            self.profiler = profiler",
    "        self.parent = self.profiler.parent()",
    "        self.profiler = self.parent.child()",
    "",
    "    def create(self):",
    "        self.profiler = self.make(torch.profiler.profile)",
    "        self.parent = self.profiler.parent()",
    "        self.record = self.parent.record(self.profiler)",
    "        self.profiler = self.record.owner()",
    "",
    "    def make(self, factory):",
    "        return factory()",
  ];
  return {
    "prof/__init__.py": "",
    "prof/profiler.py": profiler.join("\n") + "\n",
    "prof/codec.py": "import pickle\n\n\nclass Codec:\n    loads = staticmethod(pickle.loads)\n",
    "use.py": "from prof.profiler import Profiler\n\n\ndef run(path):\n    p = Profiler(path)\n    p.profiler.step()\n    p.record.step()\n    return p.parent.child().record.owner()\n",
    "app.py": "from flask import request\nfrom prof.codec import Codec\n\n\ndef view():\n    return Codec.loads(request.data)\n",
  };
}

/**
 * `classes` classes of `methods` methods each, every method binding every attribute to calls on others (as
 * `memberCallCycle`, but many), and a module asking long chains of those members.
 */
function memberCallWeb(classes: number, methods: number, chains = 40): Record<string, string> {
  const attrs = ["a", "b", "c", "d", "e", "f", "g", "h"];
  const calls = ["m1", "m2", "m3", "m4", "m5"];
  const lines = ["import torch", ""];
  for (let k = 0; k < classes; k++) {
    lines.push("", `class P${k}:`, "    def __init__(self, path):", "        self.ck = torch.load(path)");
    for (const a of attrs) lines.push(`        self.${a} = None`);
    for (let j = 0; j < methods; j++) {
      lines.push(`    def w${j}(self):`);
      attrs.forEach((a, i) => lines.push(`        self.${a} = self.${attrs[(i * 3 + j + k) % attrs.length]}.${calls[(i + j) % calls.length]}().${calls[(i * j + k) % calls.length]}()`));
      lines.push(`        self.a = P${(k + 1) % classes}(1).${attrs[(j + k) % attrs.length]}`);
    }
  }
  const use = ["from prof.profiler import P0, P1, P2", ""];
  for (let i = 0; i < chains; i++) {
    const chain = Array.from({ length: 5 }, (_, n) => attrs[(i * 7 + n * 3) % attrs.length] + ((i + n) % 2 ? `.${calls[(i + n) % calls.length]}()` : "")).join(".");
    use.push(`def f${i}(p):`, `    x = P${i % 3}(p)`, `    return x.${chain}`);
  }
  return { "prof/__init__.py": "", "prof/profiler.py": lines.join("\n") + "\n", "use.py": use.join("\n") + "\n" };
}

describe("whole program: hostile module layouts", () => {
  it("a chain of re-exports through a hundred modules is followed; one through six hundred stops with a warning", { timeout: 120_000 }, async () => {
    // Modules without a sink's name have no summary until analysed, so the pass takes a round per module: it stopped
    // silently after 64 rounds before. Rounds are now bounded by the imports they match (2^18), at least 64.
    const chain = (count: number) => {
      const files: Record<string, string> = { "pkg/__init__.py": "", "app.py": "from flask import request\nfrom pkg import m0\n\n\ndef view():\n    return m0.loads(request.data)\n" };
      for (let k = 0; k < count - 1; k++) files[`pkg/m${k}.py`] = `from pkg import m${k + 1}\n\nloads = m${k + 1}.loads\n`;
      files[`pkg/m${count - 1}.py`] = "import pickle\n\nloads = pickle.loads\n";
      return files;
    };
    const found = (report: { results: { rule_id: string; location: { file: string; line: number } }[] }) => report.results.map((r) => `${r.rule_id}:${r.location.file}:${r.location.line}`).sort();
    const near = JSON.parse((await runCli(["scan", "-p", tempProject(chain(100)), "-o", "json", "--no-cache"])).stdout);
    assert.deepEqual(found(near), ["PYTHON-DESER-001:app.py:6", "PYTHON-LANG-SEC-040:app.py:6"]);
    assert.deepEqual(near.errors, []);
    const far = JSON.parse((await runCli(["scan", "-p", tempProject(chain(600)), "-o", "json", "--no-cache"])).stdout);
    assert.deepEqual(found(far), []);
    assert.deepEqual(far.errors.map((e: ScanError) => [e.file, e.kind, e.level]), [[".", "too-deep", "warning"]]);
    assert.match(far.errors[0].message, /^the whole-program pass stopped after 435 rounds/);
  });

  it("classes inheriting from each other across modules: a member neither binds is looked up once in each", async () => {
    // A stack overflow ended the whole scan before (each class asked the other for what it inherits).
    const project = tempProject({
      "pkg/__init__.py": "",
      "pkg/m0.py": "import pickle\nimport pkg.m1 as mod1\n\n\nclass C0(mod1.C1):\n    store = pickle.load\n\n    def load(self, data=None):\n        self.b = self.codec.store\n        return self.b(data)\n",
      "pkg/m1.py": "import pickle\nimport pkg.m0 as mod0\n\n\nclass C1(mod0.C0):\n    def __init__(self):\n        self.store = self.codec.a\n",
    });
    const run = await runCli(["scan", "-p", project, "-o", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.results.map((r: { rule_id: string; location: { file: string; line: number } }) => `${r.rule_id}:${r.location.file}:${r.location.line}`), ["PYTHON-LANG-SEC-040:pkg/m0.py:6"]);
    assert.deepEqual(report.errors, []);
  });

  it("class members bound to calls on one another: each resolution gives up at its budget, other files keep their findings", { timeout: 120_000 }, async () => {
    // Without a time budget, so that the resolution's own bounds alone end it (the scan hung for good before them).
    const report = JSON.parse((await runCli(["scan", "-p", tempProject(memberCallCycle()), "-o", "json", "--file-timeout", "0"])).stdout);
    const found = report.results.map((r: { rule_id: string; location: { file: string; line: number } }) => `${r.rule_id}:${r.location.file}:${r.location.line}`).sort();
    assert.deepEqual(found, ["PYTHON-DESER-001:app.py:6", "PYTHON-LANG-SEC-040:app.py:6", "PYTHON-LANG-SEC-040:prof/codec.py:5", "PYTHON-ML-SEC-001:prof/profiler.py:6"]);
    assert.deepEqual(report.errors, []);
  });

  it("many such members asked by one file: its resolution stops at its step limit with a warning naming the file", { timeout: 120_000 }, async () => {
    const report = JSON.parse((await runCli(["scan", "-p", tempProject(memberCallWeb(6, 8, 200)), "-o", "json", "--file-timeout", "0"])).stdout);
    const limits = report.errors.map((e: ScanError) => [e.file, e.kind, e.level]);
    assert.deepEqual(limits, [["use.py", "too-deep", "warning"]]);
    assert.match(report.errors[0].message, /^resolving names across modules took more than 50000 steps/);
    // The findings of the file that defines the classes stand.
    const sinks = report.results.filter((r: { rule_id: string }) => r.rule_id === "PYTHON-ML-SEC-001");
    assert.equal(sinks.length, 6);
  });

  it("thousands of options dicts spread into sink calls: each name read once at most, the first ones as keywords", { timeout: 120_000 }, async () => {
    const count = 3000;
    const lines = ["import numpy as np"];
    for (let i = 0; i < count; i++) lines.push(`OPTIONS_${i} = {"allow_pickle": False}`);
    lines.push("", "", "def load_all(path):");
    for (let i = 0; i < count; i++) lines.push(`    np.load(path, **OPTIONS_${i})`);
    const report = JSON.parse((await runCli(["scan", "-p", tempProject({ "load.py": lines.join("\n") + "\n" }), "-o", "json"])).stdout);
    const lines_ = report.results.map((r: { location: { line: number } }) => r.location.line);
    assert.ok(!lines_.includes(count + 5), "the first spread name is read as the keywords it holds");
    assert.ok(lines_.includes(2 * count + 4), "past the per-file bound, a spread name may hide any option");
    assert.deepEqual(report.errors, []);
  });

  it("factories returning one another round a cycle of modules: bounded, and the real factory still found", { timeout: 120_000 }, async () => {
    const report = JSON.parse((await runCli(["scan", "-p", tempProject(factoryCycle(40)), "-o", "json"])).stdout);
    const app = report.results.filter((r: { location: { file: string } }) => r.location.file === "app.py");
    assert.deepEqual(app.map((r: { rule_id: string; location: { line: number } }) => `${r.rule_id}:${r.location.line}`), ["PYTHON-LANG-SEC-040:7"]);
  });

  it("a class hierarchy around a cycle of star imports is analysed, each ancestor once", { timeout: 120_000 }, async () => {
    const project = tempProject(starImportCycle(24));
    const report = JSON.parse((await runCli(["scan", "-p", project, "-o", "json"])).stdout);
    const app = report.results.filter((r: { location: { file: string } }) => r.location.file === "pkg/app.py");
    assert.deepEqual(app.map((r: { rule_id: string; location: { line: number } }) => `${r.rule_id}:${r.location.line}`), ["PYTHON-DESER-001:6"]);
    assert.equal(report.results.filter((r: { rule_id: string }) => r.rule_id === "PYTHON-LANG-SEC-040").length, 24);
    assert.deepEqual(report.errors, []);
  });

  it("a whole-program pass past its budget stops with a warning and keeps what it found", { timeout: 120_000 }, async () => {
    const project = tempProject(starImportCycle(100));
    // 1 ms per file and 2 s per million characters: about 50 ms for the pass, which takes a second or more here.
    const report = JSON.parse((await runCli(["scan", "-p", project, "-o", "json", "--file-timeout", "1"])).stdout);
    const pass = report.errors.filter((e: ScanError) => e.file === ".");
    assert.equal(pass.length, 1, JSON.stringify(report.errors));
    assert.equal(pass[0].kind, "timeout");
    assert.match(pass[0].message, /^the whole-program pass ran out of time \(budget \d+ ms, from --file-timeout and the project's size\)/);
    const unlimited = JSON.parse((await runCli(["scan", "-p", tempProject(starImportCycle(8)), "-o", "json", "--file-timeout", "0"])).stdout);
    assert.deepEqual(unlimited.errors, [], "no budget with --file-timeout 0");
  });
});

describe("names on disk that are not valid UTF-8", () => {
  it("a file or directory named with invalid UTF-8 gets a warning saying so, and the rest is scanned", async (t) => {
    const project = tempProject({ "app.py": "import pickle\npickle.loads(a)\n" });
    const badFile = Buffer.concat([Buffer.from(`${project}/evil`), Buffer.from([0xff, 0xfe]), Buffer.from(".py")]);
    const badDir = Buffer.concat([Buffer.from(`${project}/d`), Buffer.from([0xe9]), Buffer.from("ir")]);
    try {
      writeFileSync(badFile, "import pickle\npickle.loads(b)\n");
      mkdirSync(badDir);
      writeFileSync(Buffer.concat([badDir, Buffer.from("/x.py")]), "import pickle\npickle.loads(c)\n");
    } catch {
      return t.skip("this file system does not take names that are not valid UTF-8");
    }
    const report = JSON.parse((await runCli(["scan", "-p", project, "-o", "json"])).stdout);
    assert.deepEqual(report.results.map((r: { location: { file: string } }) => r.location.file), ["app.py"]);
    const warnings = report.errors.map((e: ScanError) => [e.file, e.kind, e.message]).sort();
    assert.deepEqual(warnings, [
      ["d\ufffdir", "unreadable", "directory name is not valid UTF-8: Node.js cannot open it by its name, so nothing in it is scanned (rename it)"],
      ["evil\ufffd\ufffd.py", "unreadable", "file name is not valid UTF-8: Node.js cannot open the file by its name, so it is not scanned (rename it)"],
    ]);
  });
});

describe("repeated warnings are folded per file", () => {
  it("one warning with a count, first position kept; other files and kinds stay apart", () => {
    const many: ScanError[] = Array.from({ length: 5000 }, (_, i) => ({ file: "m.zip", kind: "artifact", level: "warning", message: `member ${i}.pkl: truncated at offset ${i * 7}` }));
    const folded = foldRepeatedErrors([...many, { file: "n.zip", kind: "artifact", level: "warning", message: "member 1.pkl: truncated at offset 3" }, { file: "m.zip", kind: "syntax", level: "warning", message: "x" }]);
    assert.equal(folded.length, 3);
    assert.equal(folded[0].count, 5000);
    assert.match(folded[0].message, /^member 0\.pkl: truncated at offset 0 \(5000 similar warnings in this file\)$/);
    assert.equal(folded[1].count, undefined);
  });

  it("survive 200,000 warnings and findings from one file without overflowing the stack", () => {
    const many: ScanError[] = Array.from({ length: 200_000 }, (_, i) => ({ file: "big.pt", kind: "artifact", level: "warning", message: `offset ${i}` }));
    assert.equal(foldRepeatedErrors(many)[0].count, 200_000);
  });
});

describe("smaller leaks", () => {
  it("CSV defuses formulas after a leading tab, carriage return, blank or full-width sign", () => {
    const report = {
      tool: TOOL,
      scan: { target: "/p", timestamp: "", durationMs: 0, rulesExecuted: [], filesScanned: 1 },
      rules: [],
      errors: [],
      findings: ["\t=1+1", "\r=cmd|' /C calc'!A0", " =HYPERLINK(\"x\")", "\uff1dSUM(1)", "\n@x"].map((message, i) => ({
        ruleId: "R", ruleName: "n", message, severity: "high" as const, confidence: "high" as const, cwe: [], owasp: [], fingerprint: String(i),
        location: { file: "a.py", line: i + 1, column: 1, endLine: i + 1, endColumn: 2, snippet: "" },
      })),
    };
    const csv = renderReport("csv", report, { color: false, showSuppressed: false });
    for (const cell of ["'\t=1+1", '"\'\r=cmd|\' /C calc\'!A0"', '"\' =HYPERLINK(""x"")"', "'\uff1dSUM(1)", '"\'\n@x"']) assert.ok(csv.includes(cell), cell);
  });

  it("--fix --dry-run escapes control characters from file names and source on a terminal, not in a pipe", async () => {
    const name = "evil\u001b]0;pwned\u0007.py";
    const project = tempProject({ [name]: "import yaml\nyaml.load(s)  # \u001b[2J\n" });
    const run = async (isTTY: boolean) => {
      const stdout = Object.assign(new PassThrough(), { isTTY });
      const stderr = Object.assign(new PassThrough(), { isTTY: false });
      let out = "";
      let err = "";
      stdout.on("data", (d) => (out += d));
      stderr.on("data", (d) => (err += d));
      await main(["scan", "-p", project, "--fix", "--dry-run"], { stdout, stderr, env: {}, cwd: project });
      return { out, err };
    };
    const tty = await run(true);
    assert.ok(!tty.out.includes("\u001b") && !tty.err.includes("\u001b"), JSON.stringify(tty));
    assert.match(tty.out, /\\x1b\[2J/);
    assert.match(tty.err, /evil\\x1b\]0;pwned\\x07\.py/);
    const piped = await run(false);
    assert.ok(piped.out.includes("\u001b[2J"), "a redirected diff keeps the exact bytes for git apply");
  });

  describe("playground Host header (DNS rebinding)", () => {
    let server: RunningServer;
    before(async () => {
      const root = mkdtempSync(join(tmpdir(), "pathfinder-site-"));
      writeFileSync(join(root, "index.html"), "<!doctype html><title>x</title>");
      server = await startStaticServer({ root, host: "127.0.0.1", port: 0, allowedHosts: ["devbox.lan"] });
    });
    after(() => server.close());
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(server.url);
        const req = request({ host: url.hostname, port: url.port, path: "/", headers: { Host: host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });

    it("answers IP addresses, localhost and allowed names, and refuses any other name", async () => {
      const port = new URL(server.url).port;
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "localhost", `[::1]:${port}`, `devbox.lan:${port}`, "app.localhost"]) {
        assert.equal(await status(host), 200, host);
      }
      for (const host of [`attacker.example:${port}`, "attacker.example", "127.0.0.1.nip.io", "localhost.attacker.example"]) {
        assert.equal(await status(host), 403, host);
      }
    });
  });
});

describe("ci: the configuration comes from the base commit", () => {
  it("a change that adds exclude = [\"**\"] cannot silence its own scan, and the run says so", async () => {
    const repo = createTempRepo();
    after(() => repo.cleanup());
    repo.write("app.py", "import json\njson.loads(x)\n");
    repo.commitAll("base");
    repo.git("checkout", "-qb", "change");
    repo.write("app.py", "import json, pickle\njson.loads(x)\npickle.loads(x)\n");
    repo.write("pathfinder.toml", 'exclude = ["**"]\n');
    repo.commitAll("change");
    const { code, stdout, stderr } = await runCli(["ci", "--base", "main", "-o", "json", "-f", "-", "--fail-on", "high"], { cwd: repo.dir, env: { GITHUB_BASE_REF: "" } });
    const report = JSON.parse(stdout);
    assert.deepEqual(report.results.map((r: { rule_id: string; location: { line: number } }) => [r.rule_id, r.location.line]), [["PYTHON-LANG-SEC-040", 3]]);
    assert.equal(code, 1);
    assert.match(stderr, /warning: this change edits the Pathfinder configuration \(pathfinder\.toml\); the scan uses the configuration of the base commit [0-9a-f]{12} \(none\)/);
    assert.ok(report.errors.some((e: ScanError) => e.kind === "configuration" && e.file === "pathfinder.toml"));

    // An unchanged configuration is used as it is, silently.
    repo.git("checkout", "-q", "main");
    repo.write("pathfinder.toml", 'disable = ["PYTHON-LANG-SEC-040"]\n');
    repo.commitAll("config on main");
    repo.git("checkout", "-qb", "other");
    repo.write("more.py", "import pickle\npickle.loads(y)\n");
    repo.commitAll("other");
    const quiet = await runCli(["ci", "--base", "main", "-o", "json", "-f", "-"], { cwd: repo.dir, env: { GITHUB_BASE_REF: "" } });
    assert.equal(JSON.parse(quiet.stdout).results.length, 0);
    assert.ok(!quiet.stderr.includes("edits the Pathfinder configuration"));
  });
});
