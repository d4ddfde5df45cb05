// The whole-program pass parses each re-analysed file only where that file's own references to the project can
// matter: the cases below are large files (partially parsed) that reach a sink through the project in the ways
// such a narrowing could miss, scanned with and without the cache, line by line.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { ScanReport } from "../src/core/types.js";
import { REPO_ROOT, tempProject } from "./helpers/cli.js";
import { scanForTest } from "./helpers/scan.js";

/** Unrelated functions that make a file large enough to be parsed in parts. */
const PAD = Array.from({ length: 60 }, (_, i) => `def unrelated_${i}(values):\n    total = 0\n    for v in values:\n        total += v * ${i}\n    return total\n`).join("\n");

async function scan(target: string, cacheDir?: string): Promise<ScanReport> {
  return scanForTest(target, cacheDir ? { cacheDir } : {});
}

/** `file:line:rule` of every finding in `file`, and every line of it marked `# expect: RULE` (as `file:line:RULE`). */
function sites(report: ScanReport, files: Record<string, string>, file: string): { found: string[]; expected: string[] } {
  const found = report.findings.filter((f) => f.location.file === file && !f.suppressed).map((f) => `${file}:${f.location.line}:${f.ruleId}`);
  const expected = files[file].split("\n").flatMap((line, i) => {
    const m = /#\s*expect:\s*([A-Z0-9, -]+?)\s*$/.exec(line);
    return m ? m[1].split(",").map((id) => `${file}:${i + 1}:${id.trim()}`) : [];
  });
  return { found: [...new Set(found)].sort(), expected: expected.sort() };
}

async function assertLineByLine(files: Record<string, string>, checked: string[]): Promise<ScanReport> {
  const root = tempProject(files);
  const cold = await scan(root);
  for (const file of checked) {
    assert.ok(files[file].length > 4096, `${file} is large enough to be parsed in parts`);
    const { found, expected } = sites(cold, files, file);
    assert.deepEqual(found, expected, file);
  }
  const cacheDir = tempProject({});
  await scan(root, cacheDir);
  const warm = await scan(root, cacheDir);
  const key = (r: ScanReport) => r.findings.map((f) => `${f.location.file}:${f.location.line}:${f.ruleId}:${f.message}`).sort();
  assert.deepEqual(key(warm), key(cold), "a warm cache gives the results of --no-cache");
  return cold;
}

describe("whole-program pass: partial parsing of re-analysed files", () => {
  it("follows a project module imported under an alias into a function far from the import", async () => {
    const files: Record<string, string> = {
      "shop/__init__.py": "",
      "shop/compat.py": "import pickle\n\nloads = pickle.loads\ndumps = pickle.dumps\n",
      // Same last name, json underneath: its `loads` is no sink.
      "tools/__init__.py": "",
      "tools/compat.py": "import json\n\nloads = json.loads\n",
      "shop/views.py": [
        "import shop.compat as cx",
        "from tools import compat as safe",
        "",
        PAD,
        "def restore(blob):",
        "    return cx.loads(blob)  # expect: PYTHON-LANG-SEC-040",
        "",
        "def save(obj):",
        "    return cx.dumps(obj)",
        "",
        "def parse(text):",
        "    return safe.loads(text)",
        "",
        "class Handler:",
        "    codec = cx",
        "",
        "    def load(self, blob):",
        "        return self.codec.loads(blob)  # expect: PYTHON-LANG-SEC-040",
        "",
        "def indirect(blob):",
        "    module = cx",
        "    return module.loads(blob)  # expect: PYTHON-LANG-SEC-040",
        "",
      ].join("\n"),
    };
    await assertLineByLine(files, ["shop/views.py"]);
  });

  it("follows a chain of re-exports and a star import, renamed on the way", async () => {
    const files: Record<string, string> = {
      "core/__init__.py": "",
      "core/serial.py": "from pickle import loads as _raw_loads\n\nrestore = _raw_loads\n",
      "core/api/__init__.py": "from core.serial import restore as load_state\n\n__all__ = ['load_state']\n",
      "core/facade.py": "from core.api import *\n",
      "app/__init__.py": "",
      "app/worker.py": [
        "from core import facade",
        "from core.facade import load_state as resume",
        "",
        PAD,
        "def from_queue(message):",
        "    return facade.load_state(message)  # expect: PYTHON-LANG-SEC-040",
        "",
        PAD.replaceAll("unrelated_", "more_"),
        "",
        "def from_disk(path):",
        "    with open(path, 'rb') as f:",
        "        return resume(f.read())  # expect: PYTHON-LANG-SEC-040",
        "",
        "def not_a_sink(message):",
        "    return facade.describe(message)",
        "",
      ].join("\n"),
    };
    await assertLineByLine(files, ["app/worker.py"]);
  });

  it("follows a summarised helper whose call sits in a function the first pass did not keep", async () => {
    const files: Record<string, string> = {
      "web/__init__.py": "",
      "web/inputs.py": "from flask import request\n\n\ndef current_state():\n    return request.get_data()\n\n\ndef fixed_state():\n    return b'constant'\n",
      "web/remote.py": "import requests\n\n\ndef download(url):\n    return requests.get(url, timeout=5).content\n",
      "web/views.py": [
        "import pickle",
        "from web.inputs import fixed_state, current_state",
        // Bound on a line of its own, which names no sink: only the module's summary explains `remote.download`.
        "from web import remote",
        "",
        PAD,
        // No source word here: the first pass leaves this function out; only the index says it returns request data.
        "def load_state():",
        "    return current_state()",
        "",
        "def load_default():",
        "    return fixed_state()",
        "",
        PAD.replaceAll("unrelated_", "more_"),
        "",
        "def restore():",
        "    return pickle.loads(load_state())  # expect: PYTHON-LANG-SEC-040, PYTHON-DESER-001",
        "",
        "def restore_direct():",
        "    return pickle.loads(current_state())  # expect: PYTHON-LANG-SEC-040, PYTHON-DESER-001",
        "",
        "def restore_remote():",
        "    return pickle.loads(remote.download('https://example.invalid/state'))  # expect: PYTHON-LANG-SEC-040, PYTHON-DESER-001",
        "",
        "def restore_default():",
        "    return pickle.loads(load_default())  # expect: PYTHON-LANG-SEC-040",
        "",
      ].join("\n"),
    };
    await assertLineByLine(files, ["web/views.py"]);
  });

  it("follows relative imports of a package's own names and modules of a namespace package", async () => {
    const files: Record<string, string> = {
      "svc/__init__.py": "from pickle import loads as thaw\n",
      "svc/jobs.py": [
        "from . import thaw",
        "",
        PAD,
        "def run(blob):",
        "    return thaw(blob)  # expect: PYTHON-LANG-SEC-040",
        "",
      ].join("\n"),
      // `helpers/` has no __init__.py: `helpers/codec.py` is `codec` by the layout, `helpers.codec` to its users.
      "helpers/codec.py": "import marshal\n\n\ndef decode(blob):\n    return marshal.loads(blob)  # expect: PYTHON-LANG-SEC-044\n",
      "main.py": [
        "import helpers.codec as hc",
        "",
        PAD,
        "def load(blob):",
        "    return hc.decode(blob)",
        "",
      ].join("\n"),
    };
    const report = await assertLineByLine(files, ["svc/jobs.py"]);
    assert.deepEqual(sites(report, files, "helpers/codec.py").found, sites(report, files, "helpers/codec.py").expected);
  });

  it("does not parse code that only spells the sink-leading modules other files use", async () => {
    const files: Record<string, string> = {
      "store/__init__.py": "",
      "store/codec.py": "import pickle\n\nrestore = pickle.loads\n",
      "jobs/__init__.py": "",
      "jobs/queue.py": "import marshal\n\ndecode = marshal.loads\n",
      "jobs/runner.py": "from jobs.queue import decode\n\n\ndef run(blob):\n    return decode(blob)  # expect: PYTHON-LANG-SEC-044\n",
      "app/__init__.py": "",
      "app/main.py": [
        "from store.codec import restore",
        "",
        PAD,
        "def load(blob):",
        "    return restore(blob)  # expect: PYTHON-LANG-SEC-040",
        "",
        // Words of `jobs.queue`, which this file does not import, around a syntax error.
        "def broken(queue):",
        "    return queue.decode(",
        "",
      ].join("\n"),
    };
    const report = await assertLineByLine(files, ["app/main.py"]);
    assert.deepEqual(sites(report, files, "jobs/runner.py").found, sites(report, files, "jobs/runner.py").expected);
    assert.deepEqual(
      report.errors.filter((e) => e.file === "app/main.py"),
      [],
      "the function that only names another file's sink-leading module is not parsed",
    );
  });

  it("finds the same in the data-flow fixture project scanned from the root of all fixtures, where more modules share its names", async () => {
    // From fixtures/, `helpers/fetch.py` is one of several modules named `fetch`: the views' call into it is no
    // longer attributed to it by their own first pass, and only the import statement binding it makes it resolve.
    const fixtures = join(REPO_ROOT, "fixtures");
    const project = join(fixtures, "PYTHON-DESER-001", "projects", "webapp");
    const at = (report: ScanReport, root: string) =>
      report.findings
        .map((f) => `${join(root, f.location.file)}:${f.location.line}:${f.ruleId}:${f.trust ?? ""}`)
        .filter((s) => s.startsWith(project))
        .sort();
    const alone = at(await scan(project), project);
    assert.ok(alone.some((s) => s.endsWith("app/views.py:52:PYTHON-DESER-001:untrusted")), alone.join("\n"));
    assert.deepEqual(at(await scan(fixtures), fixtures), alone);
  });
});
