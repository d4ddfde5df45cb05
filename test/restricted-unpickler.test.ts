// Unpickler subclasses whose find_class admits only plain data types (the Python documentation's "Restricting
// Globals" pattern) are reported with low severity by the pattern rule and low confidence by the data-flow rule;
// any other override (a module left open, a callable allowed, a condition joined by `or`, a return of something else)
// keeps the full severity. Checked through the library's `analyzeSource`.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeSource } from "../src/index.js";

function unpickler(findClass: string): string {
  return [
    "import builtins, io, pickle",
    "from flask import request",
    "SAFE_BUILTINS = {'range', 'complex', 'set', 'frozenset', 'slice'}",
    "class Restricted(pickle.Unpickler):",
    "    ALLOWED = frozenset({('collections', 'OrderedDict'), ('builtins', 'dict')})",
    "    def find_class(self, module, name):",
    ...findClass.split("\n").map((l) => `        ${l}`),
    "def restore():",
    "    return Restricted(io.BytesIO(request.data)).load()",
    "",
  ].join("\n");
}

async function severities(findClass: string): Promise<Record<string, string>> {
  const { findings } = await analyzeSource(unpickler(findClass), { path: "app.py" });
  const out: Record<string, string> = {};
  for (const f of findings) out[f.ruleId] = `${f.severity}/${f.confidence}`;
  return out;
}

describe("restricted unpicklers", () => {
  const dataOnly: Record<string, string> = {
    "module and a name set": "if module == 'builtins' and name in SAFE_BUILTINS:\n    return getattr(builtins, name)\nraise pickle.UnpicklingError(name)",
    "a guard clause on pairs": "if (module, name) not in self.ALLOWED:\n    raise pickle.UnpicklingError(name)\nreturn super().find_class(module, name)",
    "nested conditions": "if module == 'datetime':\n    if name in ('date', 'datetime'):\n        return super().find_class(module, name)\nraise pickle.UnpicklingError(name)",
    // nltk's wordnet browser: "Forbid every function".
    "no global at all": "raise pickle.UnpicklingError(f\"global '{module}.{name}' is forbidden\")",
  };
  for (const [label, code] of Object.entries(dataOnly)) {
    it(`data types only (${label}): low`, async () => {
      assert.deepEqual(await severities(code), { "PYTHON-LANG-SEC-040": "low/low", "PYTHON-DESER-001": "medium/low" });
    });
  }
  const open: Record<string, string> = {
    "a whole module": "if module == 'builtins':\n    return super().find_class(module, name)\nraise pickle.UnpicklingError(name)",
    "a callable allowed": "if f'{module}.{name}' in {'builtins.eval', 'builtins.list'}:\n    return super().find_class(module, name)\nraise pickle.UnpicklingError(name)",
    "conditions joined by or": "if module == 'builtins' or name in SAFE_BUILTINS:\n    return super().find_class(module, name)\nraise pickle.UnpicklingError(name)",
    "another return value": "if module == 'builtins' and name == 'list':\n    return eval\nraise pickle.UnpicklingError(name)",
    "a renamed parameter": "name = name.lower()\nif module == 'builtins' and name == 'list':\n    return super().find_class(module, name)\nreturn super().find_class(module, name)",
    "a raise under a condition, then the lookup": "if module == 'os':\n    raise pickle.UnpicklingError(name)\nreturn super().find_class(module, name)",
  };
  for (const [label, code] of Object.entries(open)) {
    it(`not restricted to data (${label}): full severity`, async () => {
      assert.deepEqual(await severities(code), { "PYTHON-LANG-SEC-040": "high/high", "PYTHON-DESER-001": "critical/high" });
    });
  }
});
