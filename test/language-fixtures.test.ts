// The Java, C# and PHP rules' fixtures, line by line: a line ending in `// expect: RULE-ID[, RULE-ID]` must be
// reported by exactly those rules; every other line must not be reported by the fixture directory's rule.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { analyzeLanguageSource, LANGUAGE_RULES } from "../src/index.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const EXPECT = /(?:\/\/|#)\s*expect:\s*([A-Z0-9, -]+?)\s*(?:\*\/)?\s*$/;
const SOURCE_FILE = /\.(java|cs|php)$/;
/** `// trust: internal` on a line: the directory's rule reports it with that trust. */
const TRUST = /\/\/\s*trust:\s*(untrusted|unknown|internal)\b/;
/** `// severity: medium` on a line: the directory's rule reports it at that severity (a lowered finding stays lowered). */
const SEVERITY = /\/\/\s*severity:\s*(low|medium|high|critical)\b/;

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

describe("Java, C# and PHP rule fixtures", () => {
  it("every rule has vulnerable and safe fixtures", () => {
    for (const rule of LANGUAGE_RULES) {
      const files = readdirSync(join(FIXTURES, rule.id));
      assert.ok(files.some((f) => /^vulnerable\./i.test(f)) && files.some((f) => /^safe\./i.test(f)), `${rule.id} needs Vulnerable and Safe fixtures`);
    }
  });

  for (const rule of LANGUAGE_RULES) {
    const dir = rule.id;
    describe(dir, () => {
      for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => SOURCE_FILE.test(f)).sort()) {
        it(file, async () => {
          const source = readFileSync(join(FIXTURES, dir, file), "utf8");
          const expected = expectedLines(source);
          if (/^vulnerable\./i.test(file)) assert.ok(expected.get(dir)?.size, `${dir}/${file} expects no finding of ${dir}`);
          if (/^safe\./i.test(file)) assert.equal(expected.get(dir)?.size ?? 0, 0, `${dir}/${file} must not expect findings of ${dir}`);
          const { findings, errors } = await analyzeLanguageSource(source, { path: `${dir}/${file}` });
          assert.deepEqual(errors.filter((e) => e.kind === "syntax"), [], `${dir}/${file} must parse`);
          for (const id of new Set([dir, ...expected.keys()])) {
            const actual = [...new Set(findings.filter((f) => f.ruleId === id && !f.suppressed).map((f) => f.location.line))].sort((a, b) => a - b);
            const wanted = [...(expected.get(id) ?? [])].sort((a, b) => a - b);
            assert.deepEqual(actual, wanted, `${id} in ${dir}/${file}: reported lines differ from // expect lines`);
          }
          source.split(/\r?\n/).forEach((line, i) => {
            const trust = TRUST.exec(line)?.[1];
            if (!trust) return;
            const at = findings.filter((f) => f.ruleId === dir && f.location.line === i + 1);
            assert.ok(at.length, `${dir}/${file}:${i + 1} has a // trust: comment but no finding`);
            for (const f of at) assert.equal(f.trust, trust, `${dir}/${file}:${i + 1}: trust (${f.trustReason ?? "no reason"})`);
          });
          source.split(/\r?\n/).forEach((line, i) => {
            const severity = SEVERITY.exec(line)?.[1];
            if (!severity) return;
            const at = findings.filter((f) => f.ruleId === dir && f.location.line === i + 1);
            assert.ok(at.length, `${dir}/${file}:${i + 1} has a // severity: comment but no finding`);
            for (const f of at) assert.equal(f.severity, severity, `${dir}/${file}:${i + 1}: severity`);
          });
        });
      }
    });
  }
});
