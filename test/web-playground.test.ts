// End-to-end: the playground page in headless Chromium, served by `pathfinder playground`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import type { TextEdit } from "../src/core/types.js";
import { analyzeSource } from "../src/index.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { analyzeLanguageSource } from "../src/project/other-languages.js";
import { dependencyFindings } from "../src/dependencies/findings.js";
import { parseManifest } from "../src/dependencies/manifests.js";
import { matchAdvisories } from "../src/dependencies/match.js";
import { assertLocalOnly, editorText, listedLines, REPO_ROOT, typeInEditor, type Browser, type PlaygroundServer, openSite, type SiteSession } from "./data/web/browser.js";

const PICKLE_RULE = "PYTHON-LANG-SEC-040";

/** Applies text edits (1-based lines and UTF-16 columns, end exclusive), last first. */
function applyEdits(source: string, edits: TextEdit[]): string {
  const lines = source.split("\n");
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  let out = source;
  for (const e of [...edits].sort((a, b) => offset(b.line, b.column) - offset(a.line, a.column))) {
    out = out.slice(0, offset(e.line, e.column)) + e.newText + out.slice(offset(e.endLine, e.endColumn));
  }
  return out;
}

function expectLines(source: string, rule: string): number[] {
  const lines: number[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    const m = /(?:#|\/\/)\s*expect:\s*([A-Z0-9, -]+?)\s*$/.exec(line);
    if (m && m[1]!.split(",").map((s) => s.trim()).includes(rule)) lines.push(i + 1);
  });
  return lines;
}

/** Waits until the findings panel lists exactly these lines. */
async function waitForLines(page: Page, lines: number[], panel = "#findings"): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, want]) => {
        const got = [...new Set(Array.from(document.querySelectorAll<HTMLElement>(`${sel} .finding-jump`)).map((el) => Number(el.dataset.line)))].sort((a, b) => a - b);
        return JSON.stringify(got) === JSON.stringify(want);
      },
      [panel, lines] as const,
    );
  } catch {
    assert.deepEqual(await listedLines(page, panel), lines, "listed finding lines");
  }
}

describe("playground page", () => {
  let server: PlaygroundServer;
  let browser: Browser;
  let page: Page;
  let site: SiteSession | undefined;

  before(async () => {
    site = await openSite();
    ({ server, browser, page } = site);
  });
  after(async () => {
    await site?.close();
  });

  it("loads the engine and reports the starter example", async () => {
    await page.goto(server.url);
    await page.waitForSelector(`#findings .finding-jump[data-rule-id="${PICKLE_RULE}"]`);
    assert.match(await page.textContent("#engine-status") ?? "", /finding/);
    assert.equal(await page.getAttribute(".cm-content", "aria-label"), "Python code to analyse");
    // The picker lists every Python rule of the registry and its bundles.
    const options = await page.$$eval("#ruleset option", (os) => os.map((o) => (o as HTMLOptionElement).value));
    for (const rule of PYTHON_RULES) assert.ok(options.includes(`python/${rule.id}`), `picker lacks ${rule.id}`);
    assert.ok(options.includes("python/all"));
  });

  it("finds vulnerable code as it is typed, as diagnostics and as a list", async () => {
    await typeInEditor(page, "import pickle\nimport json\n\nobj = json.loads(a)\nblob = pickle.loads(data)\n");
    await waitForLines(page, [5]);
    const item = page.locator("#findings .finding-jump").first();
    assert.equal(await item.getAttribute("data-rule-id"), PICKLE_RULE);
    assert.match(await item.textContent() ?? "", /high.*PYTHON-LANG-SEC-040.*Ln 5, Col 8/is);
    // Underline on the call, and a marker in the gutter.
    await page.waitForSelector(".cm-lintRange-error");
    assert.equal(await page.textContent(".cm-lintRange-error"), "pickle.loads(data)");
    assert.equal(await page.locator(".cm-gutter-lint .cm-lint-marker-error").count(), 1);
    // Hovering the underline shows the message and the fix.
    await page.hover(".cm-lintRange-error");
    const tooltip = await page.waitForSelector(".cm-tooltip-lint");
    const text = (await tooltip.textContent()) ?? "";
    assert.match(text, /PYTHON-LANG-SEC-040/);
    assert.match(text, /deserializes with pickle/);
    assert.match(text, /How to fix:/);
    await page.mouse.move(0, 0);
    // Fixing the code clears the finding.
    await typeInEditor(page, "import json\nblob = json.loads(data)\n", { paste: true });
    await page.waitForSelector("#findings .empty");
    assert.equal(await page.locator(".cm-lintRange-error").count(), 0);
  });

  it("moves the cursor to a finding when it is activated (mouse and keyboard)", async () => {
    await typeInEditor(page, "import pickle\n\n\nx = 1\nresult = pickle.loads(blob)\n", { paste: true });
    await waitForLines(page, [5]);
    await page.click("#findings .finding-jump");
    assert.equal(await page.textContent("#cursor-position"), "Ln 5, Col 10");
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains("cm-content")), "editor has focus");
    await page.keyboard.press("Control+Home");
    assert.equal(await page.textContent("#cursor-position"), "Ln 1, Col 1");
    // Keyboard: the finding is a button, activated with Enter.
    await page.focus("#findings .finding-jump");
    await page.keyboard.press("Enter");
    assert.equal(await page.textContent("#cursor-position"), "Ln 5, Col 10");
  });

  it("lists suppressed findings without underlining them, and says when the code does not parse", async () => {
    const code = "import pickle\na = pickle.loads(x)\nb = pickle.loads(y)  # pathfinder: ignore[PYTHON-LANG-SEC-040] reviewed\ndef broken(:\n";
    await typeInEditor(page, code, { paste: true });
    await waitForLines(page, [2, 3]);
    assert.equal(await page.locator("#findings .finding-jump .badge-suppressed").count(), 1);
    assert.equal(await page.getAttribute("#findings li:has(.badge-suppressed) .finding-jump", "data-line"), "3");
    assert.equal(await page.textContent("#finding-count"), "(1)");
    assert.equal(await page.locator(".cm-lintRange-error").count(), 1);
    assert.match(await page.textContent("#findings .notice") ?? "", /Syntax error.*line 4/);
  });

  it("applies a finding's suggested fix from the list, as the engine computed it", async () => {
    const rule = "PYTHON-LANG-SEC-041";
    assert.ok(PYTHON_RULES.some((r) => r.id === rule), `${rule} (PyYAML, which suggests fixes) is in the registry`);
    const code = "import yaml\n\n\ndef read(text):\n    return yaml.load(text)\n";
    const { findings } = await analyzeSource(code, { rulesets: [`python/${rule}`] });
    const fix = findings[0]?.fix;
    assert.ok(fix, "the engine suggests a fix for this code");
    const expected = applyEdits(code, fix.edits);
    await page.selectOption("#ruleset", `python/${rule}`);
    await typeInEditor(page, code, { paste: true });
    await waitForLines(page, [5]);
    await page.click(`#findings .fix-button`);
    await page.waitForSelector("#findings .empty");
    assert.equal(await editorText(page), expected);
    await page.keyboard.press("Control+z");
    await waitForLines(page, [5]);
    await page.selectOption("#ruleset", "python/all");
  });

  it("switches rules and keeps findings to the selected rules", async () => {
    await typeInEditor(page, "import pickle\nvalue = pickle.loads(raw)\n", { paste: true });
    await waitForLines(page, [2]);
    await page.selectOption("#ruleset", `python/${PICKLE_RULE}`);
    await waitForLines(page, [2]);
    const others = PYTHON_RULES.filter((r) => r.id !== PICKLE_RULE);
    for (const rule of others) {
      await page.selectOption("#ruleset", `python/${rule.id}`);
      await page.waitForFunction((id) => document.querySelector("#findings .empty")?.textContent?.includes(id) ?? false, rule.id);
    }
    await page.selectOption("#ruleset", "python/all");
    await waitForLines(page, [2]);
    assert.equal(await page.textContent("#finding-count"), "(1)");
  });

  it("loads a rule's vulnerable and safe fixtures as presets, with the findings the fixtures expect", async () => {
    // Two rules keep this quick; test/rule-fixtures.test.ts checks every fixture with the same engine in Node.
    const sampled = [...new Set([PYTHON_RULES.find((r) => r.id === PICKLE_RULE)!, PYTHON_RULES[PYTHON_RULES.length - 1]!])];
    const presetValues = await page.$$eval("#preset option", (os) => os.map((o) => (o as HTMLOptionElement).value));
    // Dependency rules have fixture projects (manifests), not single-file presets.
    for (const rule of PYTHON_RULES.filter((r) => !r.bundles.includes("deps"))) {
      assert.ok(presetValues.includes(`${rule.id}/vulnerable.py`) && presetValues.includes(`${rule.id}/safe.py`), `${rule.id} presets`);
    }
    for (const rule of sampled) {
      await page.selectOption("#ruleset", `python/${rule.id}`);
      for (const file of ["vulnerable.py", "safe.py"]) {
        const source = readFileSync(join(REPO_ROOT, "fixtures", rule.id, file), "utf8");
        await page.selectOption("#preset", `${rule.id}/${file}`);
        const expected = expectLines(source, rule.id);
        if (expected.length) await waitForLines(page, expected);
        else await page.waitForSelector("#findings .empty");
        assert.equal((await editorText(page)).split("\n")[0], source.split("\n")[0], `${rule.id}/${file} is in the editor`);
        const ids = await page.$$eval("#findings .finding-jump", (els) => [...new Set(els.map((el) => (el as HTMLElement).dataset.ruleId))]);
        assert.deepEqual(ids, expected.length ? [rule.id] : []);
        assert.equal(await page.inputValue("#ruleset"), `python/${rule.id}`, "the preset keeps the chosen rule");
      }
    }
  });

  it("puts the code and the rule choice in the URL, and a link reproduces the case", async () => {
    await page.selectOption("#ruleset", `python/${PICKLE_RULE}`);
    const code = "import pickle as p\n\ndef restore(b):\n    return p.loads(b)  # ünïcode ✓\n";
    await typeInEditor(page, code, { paste: true });
    await waitForLines(page, [4]);
    await page.click("#share");
    await page.waitForFunction((rule) => location.hash.startsWith(`#rules=python%2F${rule}&z=`), PICKLE_RULE);
    const link = page.url();
    assert.match(link, new RegExp(`#rules=python%2F${PICKLE_RULE}&z=`));
    const second = await browser.newPage();
    await second.goto(link);
    await waitForLines(second, [4]);
    assert.equal(await second.inputValue("#ruleset"), `python/${PICKLE_RULE}`);
    assert.equal(await editorText(second), await editorText(page));
    assert.match(await editorText(second), /ünïcode ✓/);
    await second.close();
    // A damaged link says so and still gives a working editor.
    const third = await browser.newPage();
    await third.goto(server.url + "#rules=python%2Fall&z=not*base64");
    await third.waitForSelector("#link-notice:not([hidden])");
    assert.match(await third.textContent("#link-notice") ?? "", /damaged/);
    await third.waitForSelector("#findings .finding-jump");
    await third.close();
  });

  /** Java, C# and PHP: a fixture preset, then a small case made safe by an edit (expectations from the CLI engine). */
  const LANGUAGE_CASES = [
    {
      language: "java",
      rule: "JAVA-LANG-SEC-001",
      files: ["Vulnerable.java", "Safe.java", "UnicodeEscapes.java"],
      grammar: "tree-sitter-java.wasm",
      path: "Restore.java",
      vulnerable: "import java.io.*;\n\nclass Restore {\n    Object load(InputStream in) throws Exception {\n        ObjectInputStream ois = new ObjectInputStream(in);\n        return ois.readObject();\n    }\n}\n",
      safe: "import java.io.*;\n\nclass Restore {\n    Object load(InputStream in) throws Exception {\n        DataInputStream ois = new DataInputStream(in);\n        return ois.readUTF();\n    }\n}\n",
    },
    {
      language: "csharp",
      rule: "CSHARP-LANG-SEC-001",
      files: ["Vulnerable.cs", "Safe.cs", "UnicodeEscapes.cs"],
      grammar: "tree-sitter-c_sharp.wasm",
      path: "Restore.cs",
      vulnerable: "using System.IO;\nusing System.Runtime.Serialization.Formatters.Binary;\n\nclass Restore\n{\n    object Load(Stream body)\n    {\n        var formatter = new BinaryFormatter();\n        return formatter.Deserialize(body);\n    }\n}\n",
      safe: "using System.IO;\nusing System.Text.Json;\n\nclass Restore\n{\n    object Load(Stream body)\n    {\n        return JsonSerializer.Deserialize<Cart>(body);\n    }\n}\n",
    },
    {
      language: "php",
      rule: "PHP-LANG-SEC-001",
      files: ["vulnerable.php", "safe.php"],
      grammar: "tree-sitter-php.wasm",
      path: "restore.php",
      vulnerable: "<?php\n$cart = unserialize($_COOKIE['cart']);\n",
      safe: "<?php\n$cart = json_decode($_COOKIE['cart'], true);\n",
    },
  ];

  for (const c of LANGUAGE_CASES) {
    it(`analyses ${c.language} when it is picked: a fixture preset, then an edit that makes the code safe`, async () => {
      await page.goto(server.url);
      await page.waitForSelector("#findings .finding-jump");
      const grammarRequested = () => browser.requests.some((u) => u.endsWith(`/assets/${c.grammar}`));
      assert.equal(grammarRequested(), false, `${c.grammar} is fetched only when ${c.language} is picked`);
      await page.selectOption("#language", c.language);
      assert.equal(await page.inputValue("#ruleset"), `${c.language}/all`);
      assert.equal(await page.getAttribute(".cm-content", "aria-label"), `${c.language === "csharp" ? "C#" : c.language === "php" ? "PHP" : "Java"} code to analyse`);
      // Only this language's rules and presets are offered.
      const visible = await page.$$eval("#ruleset optgroup:not([hidden]) option", (os) => os.map((o) => (o as HTMLOptionElement).value));
      assert.ok(visible.length > 2 && visible.every((v) => v.startsWith(`${c.language}/`)), `rule choices of ${c.language}: ${visible.join(", ")}`);
      const presets = await page.$$eval("#preset optgroup:not([hidden]) option", (os) => os.map((o) => (o as HTMLOptionElement).value));
      assert.ok(presets.includes(`${c.rule}/${c.files[0]}`) && !presets.some((p) => p.endsWith(".py")), `presets of ${c.language}`);
      for (const file of c.files) {
        const fixture = readFileSync(join(REPO_ROOT, "fixtures", c.rule, file), "utf8");
        await page.selectOption("#preset", `${c.rule}/${file}`);
        // The CLI engine on the same fixture: its reported lines are the markers; reviewed (suppressed) ones are listed too.
        const cli = (await analyzeLanguageSource(fixture, { path: file, rulesets: [`${c.language}/all`] })).findings;
        const reported = [...new Set(cli.filter((f) => !f.suppressed).map((f) => f.location.line))].sort((a, b) => a - b);
        assert.deepEqual(reported, expectLines(fixture, c.rule), `${file}: the CLI reports the marked lines`);
        const listed = [...new Set(cli.map((f) => f.location.line))].sort((a, b) => a - b);
        if (listed.length) await waitForLines(page, listed);
        else await page.waitForSelector("#findings .empty");
        assert.doesNotMatch(await editorText(page), /expect:/, "the preset has no test markers");
        assert.equal(await page.locator("#findings .finding-jump .badge-suppressed").count(), cli.filter((f) => f.suppressed).length);
        const ids = await page.$$eval("#findings .finding-jump", (els) => [...new Set(els.map((el) => (el as HTMLElement).dataset.ruleId))]);
        assert.deepEqual(ids, listed.length ? [c.rule] : []);
      }
      assert.ok(grammarRequested(), `${c.grammar} was fetched`);
      const vulnerable = await analyzeLanguageSource(c.vulnerable, { path: c.path, rulesets: [`${c.language}/all`] });
      const lines = vulnerable.findings.map((f) => f.location.line);
      assert.ok(lines.length > 0, "the CLI engine reports the small case");
      await typeInEditor(page, c.vulnerable, { paste: true });
      await waitForLines(page, lines);
      assert.equal(await page.getAttribute("#findings .finding-jump", "data-rule-id"), c.rule);
      assert.equal((await analyzeLanguageSource(c.safe, { path: c.path, rulesets: [`${c.language}/all`] })).findings.length, 0, "the CLI engine finds the edit safe");
      await typeInEditor(page, c.safe, { paste: true });
      await page.waitForSelector("#findings .empty");
      assert.equal(await page.locator(".cm-lintRange-error").count(), 0);
      // The link keeps the language.
      await page.click("#share");
      await page.waitForFunction((lang) => location.hash.startsWith(`#lang=${lang}&rules=${lang}%2Fall&z=`), c.language);
      const second = await browser.newPage();
      await second.goto(page.url());
      await second.waitForSelector("#findings .empty");
      assert.equal(await second.inputValue("#language"), c.language);
      assert.equal(await editorText(second), c.safe);
      await second.close();
    });
  }

  it("analyses a requirements.txt and a pyproject.toml preset with the dependency rules, on the manifest lines", async () => {
    await page.goto(server.url);
    await page.waitForSelector("#findings .finding-jump");
    await page.selectOption("#language", "requirements");
    assert.equal(await page.inputValue("#ruleset"), "python/deps");
    assert.equal(await page.getAttribute(".cm-content", "aria-label"), "requirements.txt to analyse");
    for (const [rule, file, language] of [
      ["PYTHON-DEPS-SEC-001", "vulnerable/requirements.txt", "requirements"],
      ["PYTHON-DEPS-SEC-001", "safe/requirements.txt", "requirements"],
      ["PYTHON-DEPS-SEC-002", "vulnerable/requirements.txt", "requirements"],
      ["PYTHON-DEPS-SEC-002", "vulnerable/pyproject.toml", "pyproject"],
    ] as const) {
      if (language !== (await page.inputValue("#language"))) await page.selectOption("#language", language);
      const fixture = readFileSync(join(REPO_ROOT, "fixtures", rule, file), "utf8");
      await page.selectOption("#preset", `${rule}/${file}`);
      const expected = [...new Set([...expectLines(fixture, "PYTHON-DEPS-SEC-001"), ...expectLines(fixture, "PYTHON-DEPS-SEC-002")])].sort((a, b) => a - b);
      if (expected.length) await waitForLines(page, expected);
      else await page.waitForSelector("#findings .empty");
      const ids = await page.$$eval("#findings .finding-jump", (els) => [...new Set(els.map((el) => (el as HTMLElement).dataset.ruleId))].sort());
      const want = ["PYTHON-DEPS-SEC-001", "PYTHON-DEPS-SEC-002"].filter((id) => expectLines(fixture, id).length);
      assert.deepEqual(ids, want, `${rule}/${file}`);
    }
    // Editing a pin to a fixed release clears its finding; the CLI's manifest reader agrees.
    await page.selectOption("#language", "requirements");
    const findingsOf = (text: string) => dependencyFindings(matchAdvisories(parseManifest("requirements.txt", text).dependencies), new Set(["PYTHON-DEPS-SEC-001", "PYTHON-DEPS-SEC-002"]));
    const pinned = "requests==2.31.0\nPyYAML==5.3.1\n";
    assert.deepEqual(findingsOf(pinned).map((f) => f.location.line), [2]);
    await typeInEditor(page, pinned, { paste: true });
    await waitForLines(page, [2]);
    assert.equal(await page.getAttribute("#findings .finding-jump", "data-rule-id"), "PYTHON-DEPS-SEC-001");
    const fixed = "requests==2.31.0\nPyYAML==6.0.2\n";
    assert.equal(findingsOf(fixed).length, 0);
    await typeInEditor(page, fixed, { paste: true });
    await page.waitForSelector("#findings .empty");
  });

  it("opens a preset named in the link, as the Java, C# and PHP rule pages link to it", async () => {
    const fixture = readFileSync(join(REPO_ROOT, "fixtures", "PHP-LANG-SEC-001", "vulnerable.php"), "utf8");
    const second = await browser.newPage();
    await second.goto(server.url + "#lang=php&rules=php%2FPHP-LANG-SEC-001&preset=PHP-LANG-SEC-001%2Fvulnerable.php");
    await waitForLines(second, expectLines(fixture, "PHP-LANG-SEC-001"), "#findings");
    assert.equal(await second.inputValue("#language"), "php");
    assert.equal(await second.inputValue("#ruleset"), "php/PHP-LANG-SEC-001");
    await second.close();
  });

  it("made no request off the local server and raised no page error", () => {
    assertLocalOnly(browser.requests, server.origin);
    assert.deepEqual(browser.pageErrors, []);
  });
});
