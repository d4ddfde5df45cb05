// The whole-program pass summarises the project functions that a file's data flows met on the way back from a sink
// and could not follow, then analyses that file again, but only when a summary tells something about the call: what
// it returns or passes on. A function that is only known to build objects of its module's classes (a factory) says
// nothing about its own call; the methods called on what it returns are met, and explained, by their own names.
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
  "svc/__init__.py": "",
  "svc/readers.py": [
    "from flask import request",
    "",
    "",
    "class Reader:",
    "    def read(self):",
    "        return request.get_data()",
    "",
    "    def size(self):",
    "        return 0",
    "",
    "",
    "def make_reader():",
    "    return Reader()",
    "",
    "",
    "def unwrap(blob):",
    "    return blob.strip()",
    "",
  ].join("\n"),
  // A method of what the factory returns gives request data: a flow the first pass could not see.
  "svc/views.py": "import pickle\nfrom svc.readers import make_reader\n\n\ndef restore():\n    return pickle.loads(make_reader().read())  # expect: PYTHON-LANG-SEC-040, PYTHON-DESER-001\n",
  // The factory's own result reaches the sink: no summary says more than the first pass knew.
  "svc/plain.py": "import pickle\nfrom svc.readers import make_reader\n\n\ndef restore():\n    return pickle.loads(make_reader())  # expect: PYTHON-LANG-SEC-040\n",
  // A function that passes its argument on: its callers are analysed again (their argument is request data here).
  "svc/passing.py":
    "import pickle\nfrom flask import request\nfrom svc.readers import unwrap\n\n\ndef restore():\n    return pickle.loads(unwrap(request.get_data()))  # expect: PYTHON-LANG-SEC-040, PYTHON-DESER-001\n",
};

function expected(path: string): string[] {
  return FILES[path].split("\n").flatMap((line, i) => {
    const m = /#\s*expect:\s*(.+)$/.exec(line);
    return m ? m[1].split(",").map((id) => `${path}:${i + 1}:${id.trim()}`) : [];
  });
}

const checked = ["svc/views.py", "svc/plain.py", "svc/passing.py"];

describe("whole-program pass: callers analysed again for the summaries of what they call", () => {
  it("analyses a caller again when a summary tells what its call returns or passes on, not when it only tells of a factory", async () => {
    const parser = await loadPythonParser();
    const sinks = new SinkIndex(PYTHON_RULES);
    const files = programFiles(FILES);
    const firstPass = firstPassOf(parser, sinks, files);
    const demanded = (path: string) => firstPass.get(path)!.summary?.flowDemand ?? [];
    assert.deepEqual(demanded("svc/plain.py"), ["svc.readers.make_reader"], "the first pass met the factory's call");
    const redone = analyzeWholeProgram(files, firstPass, parser, sinks);
    assert.deepEqual([...redone.keys()].filter((p) => checked.includes(p)).sort(), ["svc/passing.py", "svc/views.py"]);
    const found = (path: string) => (redone.get(path) ?? firstPass.get(path)!).findings.map((f) => `${path}:${f.location.line}:${f.ruleId}`).sort();
    for (const path of checked) assert.deepEqual(found(path), expected(path).sort(), path);
  });

  it("reports the same through a scan, with and without the cache", async () => {
    const root = tempProject(FILES);
    const lines = (findings: { ruleId: string; location: { file: string; line: number } }[]) =>
      findings.filter((f) => checked.includes(f.location.file)).map((f) => `${f.location.file}:${f.location.line}:${f.ruleId}`).sort();
    const want = checked.flatMap(expected).sort();
    assert.deepEqual(lines((await scanForTest(root)).findings), want);
    const cacheDir = tempProject({});
    assert.deepEqual(lines((await scanForTest(root, { cacheDir })).findings), want);
    assert.deepEqual(lines((await scanForTest(root, { cacheDir })).findings), want);
  });
});

// A module summarised for its callers calls into another that is summarised only after it: it is summarised again
// when that summary tells what its call returns (here: request data, three modules deep), and not when no summary
// it asked for changed. Either way the findings are those of summarising every module again.
const CHAIN: Record<string, string> = {
  "web/__init__.py": "",
  "web/sources.py": "from flask import request\n\n\ndef body():\n    return request.get_data()\n\n\ndef nothing():\n    return b''\n",
  "web/helpers.py": "from web import sources\n\n\ndef fetch():\n    return sources.body()\n\n\ndef quiet():\n    return sources.nothing()\n",
  "web/views.py":
    "import pickle\nfrom web import helpers\n\n\ndef restore():\n    return pickle.loads(helpers.fetch())  # expect: PYTHON-LANG-SEC-040, PYTHON-DESER-001\n\n\ndef calm():\n    return pickle.loads(helpers.quiet())  # expect: PYTHON-LANG-SEC-040\n",
};

describe("whole-program pass: modules summarised again for what they call", () => {
  it("follow a flow through a module summarised after the module that calls into it", async () => {
    const root = tempProject(CHAIN);
    const want = CHAIN["web/views.py"].split("\n").flatMap((line, i) => {
      const m = /#\s*expect:\s*(.+)$/.exec(line);
      return m ? m[1].split(",").map((id) => `web/views.py:${i + 1}:${id.trim()}`) : [];
    });
    const lines = (findings: { ruleId: string; location: { file: string; line: number } }[]) => findings.map((f) => `${f.location.file}:${f.location.line}:${f.ruleId}`).sort();
    assert.deepEqual(lines((await scanForTest(root)).findings), want.sort());
    const cacheDir = tempProject({});
    assert.deepEqual(lines((await scanForTest(root, { cacheDir })).findings), want.sort());
    assert.deepEqual(lines((await scanForTest(root, { cacheDir })).findings), want.sort());
  });
});
