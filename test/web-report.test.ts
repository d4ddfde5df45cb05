// The HTML report opened from disk in headless Chromium: the filters work and the page fetches nothing.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { renderHtml } from "../src/report/index.js";
import { launchBrowser, type Browser } from "./data/web/browser.js";
import { sampleReport } from "./data/report/sample-report.js";

function shownFindings(page: Page): Promise<string[]> {
  return page.$$eval(".finding[data-rule]:not([hidden])", (els) => els.map((e) => (e as HTMLElement).dataset.rule ?? ""));
}

describe("HTML report in a browser", () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "pf-report-"));
    const report = sampleReport();
    report.findings[1]!.message = `<img src="https://attacker.example/pixel.png"> shelve`;
    const file = join(dir, "report.html");
    writeFileSync(file, renderHtml(report, { showSuppressed: true, color: false }));
    url = pathToFileURL(file).href;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("filters findings by severity, rule, text and suppression, hiding emptied file groups", async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector("#filters:not([hidden])");
    const all = ["ARTIFACT-PICKLE-001", "PYTHON-LANG-SEC-045", "PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-043", "PYTHON-LANG-SEC-040"];
    assert.deepEqual(await shownFindings(page), all);

    await page.uncheck('input[name="severity"][value="critical"]');
    assert.deepEqual(await shownFindings(page), all.slice(1));
    assert.equal(await page.isVisible("section.file-group:has(h3:text-is('models/classifier.pt (1)'))"), false);
    assert.equal(await page.textContent("#filter-status"), "Showing 4 of 5 findings.");
    await page.check('input[name="severity"][value="critical"]');

    await page.selectOption("#filter-rule", "PYTHON-LANG-SEC-040");
    assert.deepEqual(await shownFindings(page), ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-040"]);
    await page.uncheck('input[name="suppressed"]');
    assert.deepEqual(await shownFindings(page), ["PYTHON-LANG-SEC-040"]);
    await page.selectOption("#filter-rule", "");
    await page.check('input[name="suppressed"]');

    await page.fill("#filter-text", "shelve");
    assert.deepEqual(await shownFindings(page), ["PYTHON-LANG-SEC-045"]);
    await page.fill("#filter-text", "nothing matches this");
    assert.equal(await page.isVisible("#filter-empty"), true);
    await page.close();
  });

  it("renders the charts and makes no network request, even for hostile content", async () => {
    const page = await browser.newPage();
    await page.goto(url);
    assert.equal(await page.locator("svg.chart").count(), 2);
    assert.equal(await page.locator("img").count(), 0);
    assert.deepEqual(browser.requests.filter((r) => r !== url), []);
    assert.deepEqual(browser.pageErrors, []);
    await page.close();
  });
});
