// Every rule's fixtures, line by line: a line ending in `# expect: RULE-ID[, RULE-ID]` must be reported by
// exactly those rules; every other line must not be reported by the fixture directory's rule.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { analyzeSource, PYTHON_RULES } from "../src/index.js";
import { irrelevantCode } from "./helpers/padding.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const EXPECT = /#\s*expect:\s*([A-Z0-9, -]+?)\s*$/;

function expectedLines(source: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  source.split(/\r?\n/).forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return;
    for (const id of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
      if (!out.has(id)) out.set(id, new Set());
      out.get(id)!.add(i + 1);
    }
  });
  return out;
}

// Dependency rules (python/deps) are checked on fixture projects by deps-fixtures.test.ts.
const projectRules = new Set(PYTHON_RULES.filter((r) => r.bundles.includes("deps")).map((r) => r.id));
const ruleDirs = readdirSync(FIXTURES).filter((d) => statSync(join(FIXTURES, d)).isDirectory() && !projectRules.has(d)).sort();

describe("rule fixtures", () => {
  it("every rule has vulnerable and safe fixtures", () => {
    for (const rule of PYTHON_RULES.filter((r) => !projectRules.has(r.id))) {
      assert.ok(ruleDirs.includes(rule.id), `fixtures/${rule.id}/ is missing`);
      const files = readdirSync(join(FIXTURES, rule.id));
      assert.ok(files.includes("vulnerable.py") && files.includes("safe.py"), `${rule.id} needs vulnerable.py and safe.py`);
    }
  });

  for (const dir of ruleDirs) {
    describe(dir, () => {
      for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith(".py")).sort()) {
        it(file, async () => {
          const source = readFileSync(join(FIXTURES, dir, file), "utf8");
          const expected = expectedLines(source);
          if (file === "vulnerable.py") assert.ok(expected.get(dir)?.size, `${dir}/${file} expects no finding of ${dir}`);
          if (file === "safe.py") assert.equal(expected.get(dir)?.size ?? 0, 0, `${dir}/safe.py must not expect findings of ${dir}`);
          // Whole-file parsing, and the partial parsing of project scans (the padding makes the file large enough).
          const padded = `${source.replace(/\n*$/, "\n")}${irrelevantCode()}`;
          for (const [text, wholeFile] of [[source, true], [padded, false]] as const) {
            const { findings } = await analyzeSource(text, { path: `${dir}/${file}`, wholeFile });
            const rules = new Set([dir, ...expected.keys()]);
            for (const rule of rules) {
              const actual = [...new Set(findings.filter((f) => f.ruleId === rule && !f.suppressed).map((f) => f.location.line))].sort((a, b) => a - b);
              const wanted = [...(expected.get(rule) ?? [])].sort((a, b) => a - b);
              const mode = wholeFile ? "whole file" : "partial parse";
              assert.deepEqual(actual, wanted, `${rule} in ${dir}/${file} (${mode}): reported lines differ from # expect lines`);
            }
          }
        });
      }
    });
  }
});
