// The dependency rules' fixture projects, line by line: every line of every file ending in `# expect: RULE-ID`
// must be reported by exactly those rules (with its file), and no other line by the fixture directory's rule.
// The projects are scanned whole, through the library API, with every rule enabled.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { PYTHON_RULES, scanProject } from "../src/index.js";
import { TEST_TOOL as TOOL } from "./helpers/scan.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const EXPECT = /#\s*expect:\s*([A-Z0-9, -]+?)\s*$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** `file:line` keys of expected findings, by rule. */
function expected(project: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of walk(project)) {
    const rel = relative(project, file).split("\\").join("/");
    readFileSync(file, "utf8").split(/\r?\n/).forEach((line, i) => {
      const m = EXPECT.exec(line);
      if (!m) return;
      for (const id of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
        if (!out.has(id)) out.set(id, new Set());
        out.get(id)!.add(`${rel}:${i + 1}`);
      }
    });
  }
  return out;
}

const DEPS_RULES = PYTHON_RULES.filter((r) => r.bundles.includes("deps")).map((r) => r.id);

describe("dependency rule fixture projects", () => {
  for (const rule of DEPS_RULES) {
    for (const variant of ["vulnerable", "safe"]) {
      it(`${rule}/${variant}`, async () => {
        const project = join(FIXTURES, rule, variant);
        const wanted = expected(project);
        if (variant === "vulnerable") assert.ok(wanted.get(rule)?.size, `${rule}/${variant} expects no finding of ${rule}`);
        else assert.equal(wanted.get(rule)?.size ?? 0, 0, `${rule}/safe must not expect findings of ${rule}`);
        const report = await scanProject({ target: project, rulesets: [], include: [], exclude: [], skipTests: false, gitignore: true, maxFileSize: 5_000_000, jobs: 0, tool: TOOL });
        assert.deepEqual(report.errors.filter((e) => e.level === "error"), []);
        for (const id of new Set([rule, ...wanted.keys()])) {
          const actual = [...new Set(report.findings.filter((f) => f.ruleId === id && !f.suppressed).map((f) => `${f.location.file}:${f.location.line}`))].sort();
          assert.deepEqual(actual, [...(wanted.get(id) ?? [])].sort(), `${id} in ${rule}/${variant}: reported lines differ from # expect lines`);
        }
      });
    }
  }
});
