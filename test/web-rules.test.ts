// End-to-end: the rule index (search, filters), a rule page with its embedded playground, and accessibility
// basics of every page, in headless Chromium.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { ARTIFACT_RULES } from "../src/artifacts/index.js";
import { fixStepsOf, implicationsOf } from "../src/core/rule-docs.js";
import { parseManifest } from "../src/dependencies/manifests.js";
import { matchAdvisories } from "../src/dependencies/match.js";
import { languageRuleMetas } from "../src/rules/languages.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { assertLocalOnly, editorText, listedLines, typeInEditor, type Browser, type PlaygroundServer, openSite, type SiteSession } from "./data/web/browser.js";

const ALL_RULES = [...PYTHON_RULES, ...ARTIFACT_RULES, ...languageRuleMetas()];
const PICKLE_RULE = PYTHON_RULES.find((r) => r.id === "PYTHON-LANG-SEC-040")!;

function visibleCards(page: Page): Promise<string[]> {
  return page.$$eval(".rule-card:not([hidden]) .rule-link code", (els) => els.map((e) => e.textContent ?? ""));
}

/** Form controls without an accessible name (label, aria-label or aria-labelledby). */
function unlabelledControls(page: Page): Promise<string[]> {
  return page.$$eval("input, select, textarea, button, [contenteditable=true]", (els) =>
    els
      .filter((el) => {
        const e = el as HTMLInputElement;
        if (e.type === "hidden" || e.closest("[hidden]")) return false;
        const labelled = (e.labels?.length ?? 0) > 0 || e.getAttribute("aria-label") || e.getAttribute("aria-labelledby");
        const text = el.tagName === "BUTTON" && (el.textContent ?? "").trim() !== "";
        return !labelled && !text;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

describe("rule pages", () => {
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

  it("the index lists every rule and filters by search, severity and tag", async () => {
    await page.goto(server.url + "rules/");
    await page.waitForSelector("#rule-filters:not([hidden])");
    assert.deepEqual((await visibleCards(page)).sort(), ALL_RULES.map((r) => r.id).sort());

    await page.fill("#rule-search", "artifact");
    const artifactRules = ALL_RULES.filter((r) => r.language === "artifact");
    assert.deepEqual((await visibleCards(page)).sort(), artifactRules.map((r) => r.id).sort());
    assert.equal(await page.textContent("#rule-count"), `${artifactRules.length} of ${ALL_RULES.length} rules`);

    await page.fill("#rule-search", "");
    await page.uncheck('input[name="severity"][value="critical"]');
    assert.deepEqual((await visibleCards(page)).sort(), ALL_RULES.filter((r) => r.severity !== "critical").map((r) => r.id).sort());
    await page.check('input[name="severity"][value="critical"]');

    await page.selectOption("#rule-tag", "rce");
    assert.deepEqual((await visibleCards(page)).sort(), ALL_RULES.filter((r) => r.tags.includes("rce")).map((r) => r.id).sort());
    await page.fill("#rule-search", "no rule has this text");
    assert.equal(await page.isVisible("#rule-empty"), true);
  });

  it("a rule page shows its documentation and a live editor preloaded with the vulnerable example", async () => {
    await page.goto(server.url + "rules/");
    await page.click(`a.rule-link[href="${PICKLE_RULE.id}/"]`);
    await page.waitForURL(`**/rules/${PICKLE_RULE.id}/`);
    assert.equal(await page.textContent("h1"), PICKLE_RULE.name);
    for (const heading of ["What it finds", "Security implications", "How to fix", "Try it", "Detection scope", "Compliance", "References", "Frequently asked questions"]) {
      assert.equal(await page.locator("h2", { hasText: heading }).count(), 1, heading);
    }
    // Attack scenarios are titled, in order; the fix is a numbered list of steps.
    const { scenarios } = implicationsOf(PICKLE_RULE.docs);
    assert.deepEqual(await page.$$eval("section[aria-labelledby=implications] ol.scenarios > li > h3", (els) => els.map((e) => e.textContent)), scenarios.map((s) => s.title));
    const { steps } = fixStepsOf(PICKLE_RULE.docs);
    assert.equal(await page.locator("section[aria-labelledby=fix] ol.fix-steps > li").count(), steps.length);
    assert.equal(await page.$eval("section[aria-labelledby=fix] ol.fix-steps", (ol) => getComputedStyle(ol).listStyleType), "decimal");
    for (const question of PICKLE_RULE.docs.faq) assert.equal(await page.locator("details.faq summary", { hasText: question.question.replace(/`/g, "").slice(0, 30) }).count(), 1, question.question);
    // The command has a copy button that puts exactly the command on the clipboard.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    const copy = page.locator("button[data-copy]");
    assert.equal(await copy.isVisible(), true);
    await copy.click();
    await page.waitForFunction(() => document.querySelector("button[data-copy]")?.textContent === "Copied");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `pathfinder scan --ruleset python/${PICKLE_RULE.id} --project .`);
    // The embedded editor holds the rule's vulnerable example and reports it.
    const embed = ".embed";
    await page.waitForSelector(`${embed} .cm-editor`);
    assert.equal(await editorText(page, embed), PICKLE_RULE.docs.vulnerableExample);
    const expected = PICKLE_RULE.docs.vulnerableExample.split("\n").flatMap((l, i) => (/pickle\.loads?\(/.test(l) ? [i + 1] : []));
    await page.waitForFunction((want) => document.querySelectorAll(".embed .finding-jump").length === want, expected.length);
    assert.deepEqual(await listedLines(page, ".embed .findings-panel"), expected);
    // Editing it re-analyses; the safe version has no finding.
    await typeInEditor(page, PICKLE_RULE.docs.safeExample, { scope: embed, paste: true });
    await page.waitForSelector(`${embed} .empty`);
    // "Open in the playground" carries the code and the rule.
    await page.waitForFunction(() => (document.querySelector(".embed-actions a") as HTMLAnchorElement | null)?.href.includes("z=") ?? false);
    await page.click(".embed-actions a");
    await page.waitForURL(/\/#rules=python%2FPYTHON-LANG-SEC-040&z=/);
    await page.waitForSelector("#findings .empty");
    assert.equal(await page.inputValue("#ruleset"), `python/${PICKLE_RULE.id}`);
    assert.equal(await editorText(page), PICKLE_RULE.docs.safeExample);
  });

  it("a dependency rule page analyses its requirements example live; a Java rule page opens its fixture in the playground", async () => {
    const deps = PYTHON_RULES.find((r) => r.id === "PYTHON-DEPS-SEC-001")!;
    await page.goto(server.url + `rules/${deps.id}/`);
    await page.waitForSelector(".embed .cm-editor");
    assert.equal(await editorText(page, ".embed"), deps.docs.vulnerableExample);
    // Every pinned line of the example is an affected version.
    const pinned = deps.docs.vulnerableExample.split("\n").flatMap((l, i) => (/^[\w.-]+==/.test(l) ? [i + 1] : []));
    assert.ok(pinned.length > 0);
    await page.waitForFunction((want) => document.querySelectorAll(".embed .finding-jump").length === want, pinned.length);
    assert.deepEqual(await listedLines(page, ".embed .findings-panel"), pinned);
    // Upgrading the pins clears the findings (the manifest reader of the CLI agrees).
    const upgraded = "# requirements.txt\nPyYAML==6.0.2\n";
    assert.deepEqual(matchAdvisories(parseManifest("requirements.txt", upgraded).dependencies), []);
    await typeInEditor(page, upgraded, { scope: ".embed", paste: true });
    await page.waitForSelector(".embed .empty");

    await page.goto(server.url + "rules/JAVA-LANG-SEC-001/");
    await page.locator("a.button", { hasText: "Open the example in the playground" }).click();
    await page.waitForSelector("#findings .finding-jump");
    assert.equal(await page.inputValue("#language"), "java");
    assert.equal(await page.inputValue("#ruleset"), "java/JAVA-LANG-SEC-001");
    assert.match(await editorText(page), /^package com\.example/);
    assert.deepEqual(await unlabelledControls(page), []);
  });

  it("every page has labelled controls, a skip link and a main landmark", async () => {
    for (const path of ["", "inspect/", "rules/", `rules/${PICKLE_RULE.id}/`, `rules/${ARTIFACT_RULES[0]!.id}/`]) {
      await page.goto(server.url + path);
      await page.waitForLoadState("load");
      if (path === "" || path === `rules/${PICKLE_RULE.id}/`) await page.waitForSelector(".cm-editor");
      assert.deepEqual(await unlabelledControls(page), [], `${path || "/"}: unlabelled controls`);
      assert.equal(await page.getAttribute("html", "lang"), "en");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content", `${path}: first Tab stop`);
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "main", `${path}: skip link moves focus to main`);
      assert.equal(await page.locator("nav[aria-label=Main] a[aria-current=page]").count(), 1, `${path}: current section marked`);
    }
  });

  it("made no request off the local server and raised no page error", () => {
    assertLocalOnly(browser.requests, server.origin);
    assert.deepEqual(browser.pageErrors, []);
  });
});
