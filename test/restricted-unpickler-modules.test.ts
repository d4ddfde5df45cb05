// Restricted unpicklers across modules: a `find_class` allowlist imported from another module of the project
// (`from .safety import ALLOWED`, `safety.ALLOWED`) is judged like one written beside the class, and a restricted
// class defined in one module keeps its judgement where another module instantiates it. Near misses (an allowlist
// holding a callable, a module whose allowlist is rebound elsewhere) keep the full severity. Scanned through the
// library's `scanProject`, without and with the cache.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ScanReport } from "../src/core/types.js";
import { tempProject } from "./helpers/cli.js";
import { scanForTest } from "./helpers/scan.js";

const FILES: Record<string, string> = {
  "app/__init__.py": "",
  "app/safety.py": [
    'SAFE_GLOBALS = frozenset({("builtins", "set"), ("collections", "OrderedDict")})',
    'SAFE_BUILTINS = ("set", "frozenset", "list")',
    'UNSAFE_GLOBALS = frozenset({("builtins", "eval"), ("builtins", "set")})',
    'OPEN_MODULES = ["builtins", "os"]',
    "",
  ].join("\n"),
  "app/loader.py": [
    "import pickle",
    "from .safety import SAFE_GLOBALS, UNSAFE_GLOBALS",
    "from . import safety",
    "",
    "",
    "class PairsUnpickler(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    "        if (module, name) not in SAFE_GLOBALS:",
    "            raise pickle.UnpicklingError(name)",
    "        return super().find_class(module, name)",
    "",
    "",
    "class BuiltinsUnpickler(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    '        if module == "builtins" and name in safety.SAFE_BUILTINS:',
    "            return super().find_class(module, name)",
    "        raise pickle.UnpicklingError(name)",
    "",
    "",
    "class EvalUnpickler(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    "        if (module, name) not in UNSAFE_GLOBALS:",
    "            raise pickle.UnpicklingError(name)",
    "        return super().find_class(module, name)",
    "",
    "",
    "class ModulesUnpickler(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    '        if module in safety.OPEN_MODULES and name == "set":',
    "            return super().find_class(module, name)",
    "        raise pickle.UnpicklingError(name)",
    "",
    "",
    "def restore(f):",
    "    return PairsUnpickler(f).load(), BuiltinsUnpickler(f).load(), EvalUnpickler(f).load(), ModulesUnpickler(f).load()",
    "",
  ].join("\n"),
  "app/service.py": [
    "from .loader import PairsUnpickler, BuiltinsUnpickler, EvalUnpickler",
    "",
    "",
    "def handle(f):",
    "    return PairsUnpickler(f).load(), BuiltinsUnpickler(f).load(), EvalUnpickler(f).load()",
    "",
  ].join("\n"),
};

/** `file:line:column severity` of every PYTHON-LANG-SEC-040 finding. */
function severities(report: ScanReport): string[] {
  return report.findings
    .filter((f) => f.ruleId === "PYTHON-LANG-SEC-040")
    .map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.severity}`)
    .sort();
}

const EXPECTED = [
  "app/loader.py:35:12 low", // PairsUnpickler: pairs imported by name
  "app/loader.py:35:38 low", // BuiltinsUnpickler: names read as safety.SAFE_BUILTINS
  "app/loader.py:35:67 high", // EvalUnpickler: the imported allowlist admits builtins.eval
  "app/loader.py:35:92 high", // ModulesUnpickler: os.set is no data type
  "app/service.py:5:12 low",
  "app/service.py:5:38 low",
  "app/service.py:5:67 high",
];

describe("restricted unpicklers across modules", () => {
  it("judges allowlists imported from another module, and classes instantiated in another", async () => {
    assert.deepEqual(severities(await scanForTest(tempProject(FILES))), EXPECTED);
  });

  it("gives the same judgements from a warm cache", async () => {
    const root = tempProject(FILES);
    const cacheDir = tempProject({});
    await scanForTest(root, { cacheDir });
    assert.deepEqual(severities(await scanForTest(root, { cacheDir })), EXPECTED);
  });

  it("keeps the full severity when another module rebinds the allowlist", async () => {
    const files = { ...FILES, "app/patch.py": "from . import safety\n\nsafety.SAFE_GLOBALS = frozenset({('os', 'system')})\n" };
    const found = severities(await scanForTest(tempProject(files)));
    assert.ok(found.includes("app/loader.py:35:12 high"), found.join("\n"));
  });
});

// Dict-shaped allowlists: modules mapped to the names allowed of each, read as `name in ALLOWED[module]` or
// `name in ALLOWED.get(module, ())`, written beside the class or imported from another module.
const DICT_FILES: Record<string, string> = {
  "app/__init__.py": "",
  "app/tables.py": [
    'SAFE = {"builtins": {"range", "complex"}, "collections": frozenset({"OrderedDict"})}',
    'RISKY = {"builtins": {"range"}, "os": {"system"}}',
    "",
  ].join("\n"),
  "app/restore.py": [
    "import pickle",
    "from .tables import SAFE, RISKY",
    "from . import tables",
    "",
    'LOCAL = {"builtins": ["set", "frozenset"]}',
    "",
    "",
    "class Imported(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    "        if module in SAFE and name in SAFE[module]:",
    "            return super().find_class(module, name)",
    "        raise pickle.UnpicklingError(name)",
    "",
    "",
    "class ImportedGet(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    "        if name not in tables.SAFE.get(module, ()):",
    "            raise pickle.UnpicklingError(name)",
    "        return super().find_class(module, name)",
    "",
    "",
    "class Local(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    "        if name in LOCAL.get(module, set()):",
    "            return super().find_class(module, name)",
    "        raise pickle.UnpicklingError(name)",
    "",
    "",
    "class Risky(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    "        if name in RISKY[module]:",
    "            return super().find_class(module, name)",
    "        raise pickle.UnpicklingError(name)",
    "",
    "",
    "class ModulesOnly(pickle.Unpickler):",
    "    def find_class(self, module, name):",
    "        if module in SAFE:",
    "            return super().find_class(module, name)",
    "        raise pickle.UnpicklingError(name)",
    "",
    "",
    "def restore(f):",
    "    return Imported(f).load(), ImportedGet(f).load(), Local(f).load(), Risky(f).load(), ModulesOnly(f).load()",
    "",
  ].join("\n"),
};

describe("dict-shaped find_class allowlists", () => {
  it("are judged by the names they map each module to, also imported; one admitting os.system or any name of a module is not", async () => {
    assert.deepEqual(severities(await scanForTest(tempProject(DICT_FILES))), [
      "app/restore.py:44:12 low", // Imported: SAFE[module]
      "app/restore.py:44:32 low", // ImportedGet: tables.SAFE.get(module, ())
      "app/restore.py:44:55 low", // Local: a dict of lists beside the class
      "app/restore.py:44:72 high", // Risky: admits os.system
      "app/restore.py:44:89 high", // ModulesOnly: any name of builtins
    ]);
  });
});
