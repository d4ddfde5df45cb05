import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ARTIFACT_RULES } from "../src/artifacts/rules.js";
import { fixMarkdown, fixStepsOf, implicationsOf } from "../src/core/rule-docs.js";
import { ruleDocPage, ruleDocsIndex } from "../src/report/rule-doc-page.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { LANGUAGE_RULES } from "../src/rules/languages.js";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";

const DOCS = join(REPO_ROOT, "docs", "rules");
const RULES = [...PYTHON_RULES, ...ARTIFACT_RULES, ...LANGUAGE_RULES];

describe("docs/rules: the pages reports link to", () => {
  it("has one page per rule, identical to what the metadata generates (regenerate: node scripts/gen-rule-docs.mjs)", () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith(".md") && f !== "README.md").sort();
    assert.deepEqual(pages, RULES.map((r) => `${r.id}.md`).sort());
    const stale = RULES.filter((rule) => readFileSync(join(DOCS, `${rule.id}.md`), "utf8") !== ruleDocPage(rule)).map((r) => r.id);
    assert.deepEqual(stale, [], "pages out of date: run node scripts/gen-rule-docs.mjs");
    assert.equal(readFileSync(join(DOCS, "README.md"), "utf8"), ruleDocsIndex(RULES));
  });

  it("each page carries the rule's sections, no duplicated compliance rows and no test markers", () => {
    for (const rule of RULES) {
      const page = ruleDocPage(rule);
      assert.ok(page.startsWith("<!-- Generated"), rule.id);
      assert.match(page, new RegExp(`^# ${rule.id}: `, "m"));
      assert.match(page, /scan --ruleset (python|artifact|java|csharp|php)\/\S+ --project \./);
      if (fixMarkdown(rule.docs)) assert.match(page, /^## How to fix$/m, rule.id);
      if (rule.docs.faq.length) assert.match(page, /^## FAQ$/m, rule.id);
      assert.doesNotMatch(page, /#\s*expect:/, rule.id);
      const compliance = /^\| Compliance \| (.*) \|$/m.exec(page)?.[1]?.split("; ") ?? [];
      assert.equal(new Set(compliance).size, compliance.length, rule.id);
    }
  });

  it("SARIF help and the page list the attack scenarios by title and the fix as numbered steps", async () => {
    const dir = tempProject({ "app.py": "import pickle\n\ndef load(blob):\n    return pickle.loads(blob)\n" });
    const r = await runCli(["scan", "--ruleset", "python/PYTHON-LANG-SEC-040", "--project", dir, "--output", "sarif", "--fail-on", "high"]);
    assert.equal(r.code, 1, r.stderr);
    const rule = (JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; help: { markdown: string; text: string } }[] } } }[] }).runs[0]!.tool.driver.rules.find(
      (x) => x.id === "PYTHON-LANG-SEC-040",
    )!;
    const meta = PYTHON_RULES.find((x) => x.id === "PYTHON-LANG-SEC-040")!;
    const { scenarios } = implicationsOf(meta.docs);
    const { steps } = fixStepsOf(meta.docs);
    assert.ok(scenarios.length >= 4 && steps.length >= 3);
    for (const markdown of [rule.help.markdown, ruleDocPage(meta)]) {
      const implications = markdown.split("## Security implications\n\n")[1]!.split("\n## ")[0]!;
      assert.deepEqual(implications.match(/^- \*\*(.+?)\.\*\* /gm), scenarios.map((s) => `- **${s.title}.** `));
      const fix = markdown.split("## How to fix\n\n")[1]!.split("\n## ")[0]!;
      assert.deepEqual(fix.match(/^\d+\. /gm), steps.map((_, i) => `${i + 1}. `));
    }
    for (const s of scenarios) assert.ok(rule.help.text.includes(s.title), s.title);
  });

  it("is where SARIF helpUri points, on the project's home page", async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { homepage: string };
    const r = await runCli(["rules", "list"]);
    assert.equal(r.code, 0);
    const { renderSarif } = await import("../src/report/sarif.js");
    const { makeReport, makeFinding } = await import("./ci-support.js");
    const report = makeReport([makeFinding("a.py", 1)]);
    report.tool.informationUri = pkg.homepage;
    report.rules = [PYTHON_RULES[0]!];
    const helpUri: string = JSON.parse(renderSarif(report)).runs[0].tool.driver.rules[0].helpUri;
    assert.equal(helpUri, `${pkg.homepage}/blob/main/docs/rules/${PYTHON_RULES[0]!.id}.md`);
    assert.ok(existsSync(join(REPO_ROOT, "docs", "rules", `${PYTHON_RULES[0]!.id}.md`)));
  });
});
