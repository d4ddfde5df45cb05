// Which project modules lead to a sink is worked out again after every round of the whole-program pass, but only
// for the modules whose summaries, or the summaries their exports were resolved through, changed: a module whose own
// summary stands must still gain an export that now resolves, through a module analysed since, to a sink.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SinkIndex } from "../src/languages/python/analyze.js";
import { loadPythonParser } from "../src/project/python-parser.js";
import { analyzeWholeProgram } from "../src/project/whole-program.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { tempProject } from "./helpers/cli.js";
import { scanForTest } from "./helpers/scan.js";
import { programFiles, firstPassOf } from "./helpers/program.js";

const FILES: Record<string, string> = {
  "app/__init__.py": "",
  // Leads to a sink from the start.
  "app/base.py": "import pickle\n\nrestore = pickle.loads\n",
  // No rule token: summarised only when the pass analyses it again (it imports `restore`).
  "app/raw.py": "from app.base import restore\n\nloader = restore\n",
  // Summarised by the first pass (it spells `pickle`); `load_blob` resolves to a sink only once `app.raw` is known.
  "app/compat.py": "import pickle  # for dumps\nfrom app.raw import loader as load_blob\n\ndumps = pickle.dumps\n",
  // Reaches the sink through `app.compat.load_blob` only.
  "app/worker.py": "from app.compat import load_blob\n\n\ndef handle(message):\n    return load_blob(message)  # expect\n",
  // Same name from a module that leads nowhere.
  "app/safe.py": "def load_blob(text):\n    return text.split()\n",
  "app/other.py": "from app.safe import load_blob\n\n\ndef handle(message):\n    return load_blob(message)\n",
};

describe("whole-program pass: sink-leading modules across rounds", () => {
  it("finds an export of an unchanged module that leads to a sink through a module summarised in a later round", async () => {
    const parser = await loadPythonParser();
    const sinks = new SinkIndex(PYTHON_RULES);
    const files = programFiles(FILES);
    const firstPass = firstPassOf(parser, sinks, files);
    assert.equal(firstPass.get("app/raw.py")!.summary, undefined, "app/raw.py has no rule token");
    assert.ok(firstPass.get("app/compat.py")!.summary, "app/compat.py is summarised by the first pass");
    const leading: [string, readonly string[]][][] = [];
    const redone = analyzeWholeProgram(files, firstPass, parser, sinks, undefined, (l) => leading.push([...l]));
    const base: [string, string[]] = ["app.base", ["pickle", "restore"]];
    const raw: [string, string[]] = ["app.raw", ["restore", "loader"]];
    assert.deepEqual(leading, [
      [base, ["app.compat", ["pickle"]]],
      // The round that summarised `app.raw` tells that `app.compat.load_blob` leads to a sink through it.
      [base, ["app.compat", ["pickle", "load_blob"]], raw],
      // A wrapper now: its parameter reaches the sink.
      [base, ["app.compat", ["pickle", "load_blob"]], raw, ["app.worker", ["load_blob", "handle"]]],
    ]);
    assert.deepEqual(
      redone.get("app/worker.py")?.findings.map((f) => `${f.ruleId}:${f.location.line}`),
      ["PYTHON-LANG-SEC-040:5"],
    );
    assert.equal(redone.has("app/other.py"), false);
  });

  it("reports the same through a scan, with and without the cache", async () => {
    const root = tempProject(FILES);
    const lines = (findings: { ruleId: string; location: { file: string; line: number } }[]) =>
      findings.filter((f) => f.ruleId === "PYTHON-LANG-SEC-040").map((f) => `${f.location.file}:${f.location.line}`).sort();
    const expected = ["app/worker.py:5"];
    assert.deepEqual(lines((await scanForTest(root)).findings), expected);
    const cacheDir = tempProject({});
    assert.deepEqual(lines((await scanForTest(root, { cacheDir })).findings), expected);
    assert.deepEqual(lines((await scanForTest(root, { cacheDir })).findings), expected);
  });
});
