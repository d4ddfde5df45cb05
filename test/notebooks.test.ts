// Jupyter notebooks are scanned as Python: their code cells, with IPython's own syntax set aside, and every finding
// on the notebook file's own lines and columns (what a diff and a code-scanning alert show), naming the cell.
// Notebooks are written here as Jupyter writes them (nbformat 4, one JSON string per line, indent 1).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli, tempProject } from "./helpers/cli.js";

interface Cell {
  cell_type: "code" | "markdown" | "raw";
  source: string[] | string;
}

/** Jupyter's lines: each but the last ends with a newline. */
const lines = (...text: string[]) => text.map((t, i) => (i < text.length - 1 ? t + "\n" : t));
const code = (...text: string[]): Cell => ({ cell_type: "code", source: lines(...text) });

function notebook(cells: Cell[], language = "python", asciiOnly = false): string {
  const doc = {
    cells: cells.map((c) => (c.cell_type === "code" ? { ...c, execution_count: null, metadata: {}, outputs: [] } : { ...c, metadata: {} })),
    metadata: { kernelspec: { display_name: language, language, name: language }, language_info: { name: language } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  const text = JSON.stringify(doc, null, 1) + "\n";
  // Python's json.dump with ensure_ascii (nbformat's older writers) escapes every non-ASCII character.
  return asciiOnly ? text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : text;
}

interface Result {
  rule_id: string;
  message: string;
  trust?: string;
  location: { file: string; line: number; column: number; end_line: number; end_column: number; snippet: string };
  trace?: { location: { line: number; column: number } }[];
  fix?: unknown;
}

async function scan(dir: string, ...args: string[]): Promise<{ results: Result[]; errors: { file: string; kind: string; message: string }[]; code: number; stdout: string }> {
  const r = await runCli(["scan", "-p", dir, "-o", "json", ...args]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const doc = JSON.parse(r.stdout);
  return { results: doc.results, errors: doc.errors, code: r.code, stdout: r.stdout };
}

/** The 1-based line and column of `needle`'s `nth` occurrence in `text`. */
function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in the notebook`);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const ANALYSIS = [
  { cell_type: "markdown", source: lines("# Loading", "Never call pickle.loads on downloads.") } as Cell,
  code("import pickle", "import requests", "%matplotlib inline", "!pip install torch"),
  code("%%bash", "python -c 'import pickle; pickle.loads(open(0).read())'"),
  code("blob = requests.get(URL).content", "names = !ls", "model = pickle.loads(blob)  # café", "with open('m.pkl', 'rb') as f:", "    cached = pickle.load(f)"),
  code("%%time", "import yaml", "cfg = yaml.load(open('c.yml'))"),
  code("pickle.loads?", "total = (1", "  % 2)", "legacy = pickle.loads(b'')  # nosec"),
  code("!pip install -q \\", "    dill \\", "  torch", "if total:", "    %time !ls", "    %timeit -n 10 -r3 again = pickle.loads(blob)"),
];

describe("pathfinder scan: Jupyter notebooks", () => {
  it("reports code cells on the notebook's own lines and columns, naming the cell, with the data flow across cells", async () => {
    for (const asciiOnly of [false, true]) {
      const text = notebook(ANALYSIS, "python", asciiOnly);
      const dir = tempProject({ "notebooks/analysis.ipynb": text });
      const { results, errors } = await scan(dir, "--no-cache");
      assert.deepEqual(errors, []);
      const got = results.map((r) => [r.rule_id, r.location.line, r.location.column, r.location.end_column, r.location.snippet]);
      const loads = at(text, "pickle.loads(blob)");
      const load = at(text, "pickle.load(f)");
      const yaml = at(text, "yaml.load(open");
      const timed = at(text, "pickle.loads(blob)", 1);
      assert.deepEqual(got, [
        ["PYTHON-DESER-001", loads.line, loads.column, loads.column + "pickle.loads(blob)".length, "model = pickle.loads(blob)  # café"],
        ["PYTHON-LANG-SEC-040", loads.line, loads.column, loads.column + "pickle.loads(blob)".length, "model = pickle.loads(blob)  # café"],
        ["PYTHON-LANG-SEC-040", load.line, load.column, load.column + "pickle.load(f)".length, "    cached = pickle.load(f)"],
        ["PYTHON-LANG-SEC-041", yaml.line, yaml.column, yaml.column + "yaml.load(open('c.yml'))".length, "cfg = yaml.load(open('c.yml'))"],
        // `%timeit` runs the statement after it: found, on the notebook's columns.
        ["PYTHON-DESER-001", timed.line, timed.column, timed.column + "pickle.loads(blob)".length, "    again = pickle.loads(blob)"],
        ["PYTHON-LANG-SEC-040", timed.line, timed.column, timed.column + "pickle.loads(blob)".length, "    again = pickle.loads(blob)"],
      ], asciiOnly ? "ASCII-escaped notebook" : "UTF-8 notebook");
      assert.match(results[0]!.message, /\(notebook cell 4, line 3\)$/);
      assert.match(results[3]!.message, /\(notebook cell 5, line 3\)$/);
      const source = at(text, "requests.get(URL)");
      assert.deepEqual(results[0]!.trace!.map((s) => [s.location.line, s.location.column]), [[source.line, source.column], [source.line, at(text, "blob =").column], [loads.line, loads.column]]);
      assert.equal(results[1]!.trust, "untrusted");
      assert.ok(results.every((r) => r.location.file === "notebooks/analysis.ipynb" && r.fix === undefined), "no fix edits the notebook's JSON");
    }
  });

  it("keeps the contract of --ruleset python/PYTHON-LANG-SEC-040, and SARIF regions point into the notebook", async () => {
    const text = notebook(ANALYSIS);
    const dir = tempProject({ "analysis.ipynb": text });
    const { results } = await scan(dir, "--no-cache", "--ruleset", "python/PYTHON-LANG-SEC-040");
    assert.deepEqual(results.map((r) => [r.rule_id, r.location.line]), [
      ["PYTHON-LANG-SEC-040", at(text, "pickle.loads(blob)").line],
      ["PYTHON-LANG-SEC-040", at(text, "pickle.load(f)").line],
      ["PYTHON-LANG-SEC-040", at(text, "pickle.loads(blob)", 1).line],
    ]);
    const sarif = await runCli(["scan", "-p", dir, "--no-cache", "-o", "sarif", "--ruleset", "python/PYTHON-LANG-SEC-040"]);
    const [first] = JSON.parse(sarif.stdout).runs[0].results;
    assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, "analysis.ipynb");
    assert.deepEqual(first.locations[0].physicalLocation.region.startLine, at(text, "pickle.loads(blob)").line);
  });

  it("reads a cell source given as one string, skips other kernels' notebooks, and finds nothing in a safe notebook", async () => {
    const oneString = notebook([{ cell_type: "code", source: "import pickle\n\nobj = pickle.loads(payload)\n" }]);
    const r = notebook([code("library(pickle)", "x <- pickle.loads(y)")], "R");
    const safe = notebook([code("import json, pickle", "data = json.loads(text)", "out = pickle.dumps(data)")]);
    const dir = tempProject({ "a.ipynb": oneString, "r.ipynb": r, "safe.ipynb": safe });
    const { results, errors } = await scan(dir, "--no-cache");
    assert.deepEqual(errors, []);
    const hit = at(oneString, "pickle.loads(payload)");
    assert.deepEqual(results.map((r) => [r.location.file, r.rule_id, r.location.line, r.location.column]), [["a.ipynb", "PYTHON-LANG-SEC-040", hit.line, hit.column]]);
    assert.match(results[0]!.message, /\(notebook cell 1, line 3\)$/);
  });

  it("warns about files that are not notebooks and goes on", async () => {
    const dir = tempProject({
      "app.py": "import pickle\npickle.loads(b)\n",
      "notes.ipynb": "pickle.loads(x) is not JSON",
      "deep.ipynb": '{"cells": ' + "[".repeat(100_000) + "]".repeat(100_000) + "}",
      "empty.ipynb": "{}",
      "binary.ipynb": Buffer.from(Array.from({ length: 2048 }, (_, i) => i % 256)),
    });
    const { results, errors } = await scan(dir, "--no-cache");
    assert.deepEqual(results.map((r) => r.location.file), ["app.py"]);
    assert.deepEqual(errors.map((e) => [e.file, e.kind]), [["binary.ipynb", "syntax"], ["deep.ipynb", "too-deep"], ["empty.ipynb", "syntax"], ["notes.ipynb", "syntax"]]);
    assert.match(errors.find((e) => e.file === "notes.ipynb")!.message, /not valid JSON at line 1/);
  });

  it("remembers notebooks in the cache: an unchanged re-scan is identical, an edited notebook is read again", async () => {
    const dir = tempProject({ "analysis.ipynb": notebook(ANALYSIS) });
    const first = await scan(dir);
    const again = await scan(dir);
    assert.equal(again.stdout.replace(/"(timestamp|duration_ms)": [^,\n]+/g, ""), first.stdout.replace(/"(timestamp|duration_ms)": [^,\n]+/g, ""));
    const text = notebook([...ANALYSIS, code("import marshal", "marshal.loads(blob)")]);
    writeFileSync(join(dir, "analysis.ipynb"), text);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const edited = await scan(dir);
    const marshal = at(readFileSync(join(dir, "analysis.ipynb"), "utf8"), "marshal.loads(blob)");
    const added = edited.results.filter((r) => !first.results.some((f) => f.rule_id === r.rule_id && f.location.line === r.location.line));
    // The bytes downloaded in cell 4 reach cell 7's call: the flow rule and marshal's pattern rule.
    assert.deepEqual(added.map((r) => [r.rule_id, r.location.line, r.trust ?? null]), [["PYTHON-DESER-001", marshal.line, "untrusted"], ["PYTHON-LANG-SEC-044", marshal.line, "untrusted"]]);
  });
});
