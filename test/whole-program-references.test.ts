// The whole-program pass analyses again only the files whose import statements name a project module that leads to
// a sink: a module of another package (or a library) that shares its last name does not count, a relative import
// that resolves to it does.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SinkIndex } from "../src/languages/python/analyze.js";
import { loadPythonParser } from "../src/project/python-parser.js";
import { analyzeWholeProgram } from "../src/project/whole-program.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { programFiles, firstPassOf } from "./helpers/program.js";

/** The first pass over `sources`, then the whole-program pass: what it re-analysed and the sink-leading modules it told. */
async function wholeProgramOf(sources: Record<string, string>) {
  const parser = await loadPythonParser();
  const sinks = new SinkIndex(PYTHON_RULES);
  const files = programFiles(sources);
  const firstPass = firstPassOf(parser, sinks, files);
  const leading: string[][] = [];
  const redone = analyzeWholeProgram(files, firstPass, parser, sinks, undefined, (l) => leading.push([...l.keys()]));
  return { firstPass, leading, redone };
}

const FILES: Record<string, string> = {
  "app/__init__.py": "",
  "app/util.py": "import pickle\n\nloads = pickle.loads\n",
  // Another package's `util`, and a library's: neither is `app.util`.
  "lib/__init__.py": "",
  "lib/util.py": "def loads(text):\n    return text.split()\n",
  "app/library.py": "import importlib.util\n\n\ndef spec(name):\n    return importlib.util.loads(name)\n",
  "app/other.py": "from lib import util\n\n\ndef parse(text):\n    return util.loads(text)\n",
  "app/from_other.py": "from lib.util import loads\n\n\ndef parse(text):\n    return loads(text)\n",
  // `app.util` by a relative import, from the package and from a subpackage, and by its absolute name.
  "app/views.py": "from . import util\n\n\ndef restore(blob):\n    return util.loads(blob)  # expect\n",
  "app/sub/__init__.py": "",
  "app/sub/deep.py": "from ..util import loads\n\n\ndef restore(blob):\n    return loads(blob)  # expect\n",
  "app/absolute.py": "import app.util as u\n\n\ndef restore(blob):\n    return u.loads(blob)  # expect\n",
  // A run-time import names modules by their last name still.
  "app/dynamic.py": "import importlib\n\nu = importlib.import_module('app.util')\n\n\ndef restore(blob):\n    return u.loads(blob)\n",
  // ... and then the export must be one of its words: `unloads_all` and `reloads` hold none.
  "app/dynamic_other.py": "import importlib\n\nu = importlib.__import__('app.util')\n\n\ndef restore(blob):\n    return u.unloads_all(blob), reloads\n",
  // An attribute may have spaces after its dot; the export's name alone, not as an attribute, does not count.
  "app/spaced.py": "from app import util\n\n\ndef restore(blob):\n    return util. loads(blob)  # expect\n",
  "app/word_only.py": "from app import util\n\nloads = None\n\n\ndef parse(text):\n    return util.split(text), loads\n",
};

describe("whole-program pass: which files import a sink-leading module", () => {
  it("re-analyses the files whose imports name it, not those naming a module with the same last name", async () => {
    const { leading, redone } = await wholeProgramOf(FILES);
    assert.deepEqual(leading[0], ["app.util"]);
    assert.deepEqual([...redone.keys()].sort(), ["app/absolute.py", "app/dynamic.py", "app/spaced.py", "app/sub/deep.py", "app/views.py"]);
    for (const path of ["app/absolute.py", "app/spaced.py", "app/sub/deep.py", "app/views.py"]) {
      const lines = redone.get(path)!.findings.map((f) => `${f.ruleId}:${f.location.line}`);
      assert.deepEqual(lines, ["PYTHON-LANG-SEC-040:5"], path);
    }
  });
});

describe("whole-program pass: a module's file name in a string is no reference to the module", () => {
  const RUNNERS: Record<string, string> = {
    "app/__init__.py": "",
    "app/util.py": "import pickle\n\nloads = pickle.loads\n",
    "tool.py": "import marshal\n\nloads = marshal.loads\n",
    // Runs `app/util.py` as a script: the file imports by run-time names, and spells `loads`, but names `util` only as
    // a file.
    "app/runner.py": "import importlib\nimport os\nimport subprocess\n\nmod = importlib.import_module('json')\n\n\ndef run(here, text):\n    subprocess.run(['python', os.path.join(here, 'util.py')])\n    return mod.loads(text)\n",
    // The same, and the module by its name too.
    "app/runner_and_import.py": "import importlib\nimport os\n\nu = importlib.import_module('app.util')\n\n\ndef run(here, blob):\n    return os.path.join(here, 'util.py'), u.loads(blob)  # expect\n",
    // A top-level module's file name is its name to `__import__`, which keeps the first segment.
    "app/top_level.py": "m = __import__('tool.py')\n\n\ndef restore(blob):\n    return m.loads(blob)  # expect\n",
  };

  it("re-analyses the files that may import it, not one that runs its file", async () => {
    const { firstPass, leading, redone } = await wholeProgramOf(RUNNERS);
    assert.deepEqual(leading[0].sort(), ["app.util", "tool"]);
    assert.deepEqual([...redone.keys()].sort(), ["app/runner_and_import.py", "app/top_level.py"]);
    for (const path of ["app/runner_and_import.py", "app/top_level.py"]) {
      const expected = RUNNERS[path].split("\n").findIndex((line) => line.includes("# expect")) + 1;
      assert.ok(redone.get(path)!.findings.some((f) => f.location.line === expected), `${path}: ${redone.get(path)!.findings.map((f) => `${f.ruleId}:${f.location.line}`)}`);
      assert.ok(!firstPass.get(path)!.findings.some((f) => f.location.line === expected), path);
    }
  });
});
