// End-to-end: the pickle inspector in headless Chromium. Files are built here byte by byte and only ever
// analysed by the page, never loaded.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { assertLocalOnly, type Browser, type PlaygroundServer, openSite, type SiteSession } from "./data/web/browser.js";

/** Protocol 2: `GLOBAL os system`, a BINUNICODE argument, TUPLE1, REDUCE, STOP. */
function maliciousPickle(command: string): Buffer {
  const arg = Buffer.from(command, "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32LE(arg.length);
  return Buffer.concat([Buffer.from([0x80, 0x02]), Buffer.from("cos\nsystem\n", "latin1"), Buffer.from("X"), len, arg, Buffer.from([0x85]), Buffer.from("R."), Buffer.alloc(0)]);
}

/** Protocol 2: `{"answer": 42}`. */
function benignPickle(): Buffer {
  return Buffer.concat([Buffer.from([0x80, 0x02]), Buffer.from("}X"), Buffer.from([6, 0, 0, 0]), Buffer.from("answer"), Buffer.from([0x4b, 42]), Buffer.from("s.")]);
}

async function drop(page: Page, bytes: Buffer, name: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ data, fileName }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], fileName, { type: "application/octet-stream" }));
      return dt;
    },
    { data: [...bytes], fileName: name },
  );
  await page.dispatchEvent("#dropzone", "dragover", { dataTransfer });
  await page.dispatchEvent("#dropzone", "drop", { dataTransfer });
}

async function tableColumn(page: Page, container: string, column: number): Promise<string[]> {
  return page.$$eval(`${container} tbody tr`, (rows, i) => rows.map((r) => r.children[i]?.textContent?.trim() ?? ""), column);
}

describe("pickle inspector page", () => {
  let server: PlaygroundServer;
  let browser: Browser;
  let page: Page;
  let site: SiteSession | undefined;

  before(async () => {
    site = await openSite();
    ({ server, browser, page } = site);
    await page.goto(server.url + "inspect/");
  });
  after(async () => {
    await site?.close();
  });

  it("flags a malicious pickle dropped on the page: verdict, finding, import, call and pseudo-Python", async () => {
    await drop(page, maliciousPickle("echo owned"), "model.pkl");
    await page.waitForSelector('#verdict [data-verdict="dangerous"]');
    assert.match(await page.textContent("#inspect-status") ?? "", /Inspected model\.pkl \(\d+ B, pickle\)/);
    const finding = page.locator("#result-findings .finding").first();
    assert.equal(await finding.getAttribute("data-rule"), "PICKLE-ARTIFACT-001");
    assert.match(await finding.textContent() ?? "", /critical/i);
    assert.deepEqual(await tableColumn(page, "#result-imports", 0), ["os.system"]);
    const calls = await tableColumn(page, "#result-calls", 0);
    assert.deepEqual(calls, ["os.system"]);
    assert.match(await tableColumn(page, "#result-calls", 1).then((a) => a[0] ?? ""), /echo owned/);
    const pseudo = await page.textContent("#result-pseudo pre") ?? "";
    assert.match(pseudo, /system\('echo owned'\)/);
    // The finding links to its rule page.
    assert.equal(await page.getAttribute("#result-findings .finding a", "href"), "../rules/PICKLE-ARTIFACT-001/");
  });

  it("after a file is dropped with the mouse, focus lands on the result with a visible focus ring", async () => {
    // A mouse press first, as a real drag starts: Chromium then hides :focus-visible rings for script-moved focus.
    const box = (await page.locator("#dropzone").boundingBox())!;
    await page.mouse.click(box.x + 8, box.y + 8);
    await drop(page, benignPickle(), "mouse.pkl");
    await page.waitForFunction(() => /Inspected mouse\.pkl/.test(document.getElementById("inspect-status")?.textContent ?? ""));
    await page.waitForFunction(() => document.activeElement?.id === "result-heading");
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, visible: el.checkVisibility() };
    });
    assert.notEqual(ring.style, "none", JSON.stringify(ring));
    assert.ok(ring.width >= 2, JSON.stringify(ring));
    assert.ok(ring.visible && !/rgba\(0, 0, 0, 0\)|transparent/.test(ring.color), JSON.stringify(ring));
    // The ring goes once focus moves on, as any focus ring does.
    await page.mouse.click(box.x + 8, box.y + 8);
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("result-heading")!).outlineStyle), "none");
  });

  it("accepts a file from the file picker and calls a plain-data pickle clean", async () => {
    await page.setInputFiles("#file-input", { name: "config.pkl", mimeType: "application/octet-stream", buffer: benignPickle() });
    await page.waitForFunction(() => document.getElementById("inspect-status")?.textContent?.includes("Inspected config.pkl") ?? false);
    await page.waitForSelector('#verdict [data-verdict="clean"]');
    assert.match(await page.textContent("#inspect-status") ?? "", /config\.pkl/);
    assert.equal(await page.locator("#result-findings .finding").count(), 0);
    assert.match(await page.textContent("#result-pseudo pre") ?? "", /answer/);
  });

  it("inspects the built-in samples, including a PyTorch-style zip with a hidden payload", async () => {
    await page.click('[data-sample="torch"]');
    await page.waitForFunction(() => document.getElementById("inspect-status")?.textContent?.includes("Inspected checkpoint.pt") ?? false);
    await page.waitForSelector('#verdict [data-verdict="dangerous"]');
    assert.deepEqual(await tableColumn(page, "#result-layout", 0), ["model/data.pkl", "model/version", "model/data/0"]);
    assert.deepEqual(await tableColumn(page, "#result-layout", 4), ["pickle", "other", "tensor-data"]);
    assert.match(await page.textContent("#result-findings") ?? "", /builtins\.exec/);
    await page.click('[data-sample="benign"]');
    await page.waitForFunction(() => document.getElementById("inspect-status")?.textContent?.includes("Inspected config.pkl") ?? false);
    await page.waitForSelector('#verdict [data-verdict="clean"]');
  });

  it("reports a file that is not a pickle without a finding, and keeps working", async () => {
    await drop(page, Buffer.from("just some text, not a model\n"), "notes.txt");
    await page.waitForFunction(() => document.getElementById("inspect-status")?.textContent?.includes("Inspected notes.txt") ?? false);
    await page.waitForSelector('#verdict [data-verdict="clean"]');
    assert.match(await page.textContent("#verdict") ?? "", /No pickle found/);
    assert.match(await page.textContent("#result-errors") ?? "", /not a pickle/);
  });

  it("made no request off the local server and raised no page error", () => {
    assertLocalOnly(browser.requests, server.origin);
    assert.deepEqual(browser.pageErrors, []);
  });
});
