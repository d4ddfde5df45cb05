// The VS Code extension's builds, exercised without downloading VS Code (no network here for @vscode/test-web):
// - web: headless Chromium runs the extension's language-server worker (dist/web/server.js, with its WebAssembly)
//   and an LSP client on a harness page checks diagnostics, quick fixes and hover;
// - webview: the inspector script renders a real malicious pickle with the web inspector's components;
// - desktop: the bundled language server the extension forks (dist/server/server.js) is driven over stdio, and the
//   extension's manifest is checked against what its code registers.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { startStaticServer, type RunningServer } from "../src/project/static-server.js";
import { REPO_ROOT, tempProject } from "./helpers/cli.js";
import { LspTestClient } from "./helpers/lsp-client.js";
import { launchBrowser, type Browser } from "./data/web/browser.js";

const HARNESS_SOURCES = join(REPO_ROOT, "editors", "vscode", "test");
const MANIFEST = JSON.parse(readFileSync(join(REPO_ROOT, "editors", "vscode", "package.json"), "utf8"));
const VULNERABLE = "import pickle\nimport yaml\n\ndata = pickle.loads(blob)\ncfg = yaml.load(text)\n";

let dist: string;

before(() => {
  // Laid out like the extension folder: <extension>/dist/...
  dist = join(mkdtempSync(join(tmpdir(), "pathfinder-vscode-")), "dist");
  const run = spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "build-vscode.mjs"), "--out", dist, "--no-package"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
});
after(() => rmSync(dirname(dist), { recursive: true, force: true }));

describe("VS Code web extension in headless Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    await build({
      entryPoints: { "lsp-harness": join(HARNESS_SOURCES, "lsp-harness.ts"), "webview-harness": join(HARNESS_SOURCES, "webview-harness.ts") },
      outdir: dist,
      bundle: true,
      format: "iife",
      platform: "browser",
      logLevel: "warning",
    });
    writeFileSync(join(dist, "lsp.html"), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="lsp-harness.js" defer></script></head><body></body></html>`);
    writeFileSync(
      join(dist, "webview.html"),
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="webview-harness.js"></script></head><body><main id="inspector" data-status="loading"></main><script src="webview/inspector.js"></script></body></html>`,
    );
    copyFileSync(join(REPO_ROOT, "test", "data", "artifacts", "malicious", "pickle.pkl"), join(dist, "evil.pkl"));
    copyFileSync(join(REPO_ROOT, "test", "data", "artifacts", "benign", "clean.joblib"), join(dist, "clean.joblib"));
    server = await startStaticServer({ root: dist, host: "127.0.0.1", port: 0 });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the worker language server reports, fixes and explains findings", async () => {
    await page.goto(server.url + "lsp.html");
    await page.waitForSelector("body[data-ready=true]", { state: "attached" });
    const uri = "vscode-test-web://mount/app/loader.py";
    const init = await page.evaluate(async (base) => {
      const lsp = (window as any).lsp;
      const result = await lsp.request("initialize", { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { wasmBase: base + "web/" } });
      await lsp.notify("initialized", {});
      return result;
    }, server.url);
    assert.equal((init as any).serverInfo.name, "pathfinder");
    await page.evaluate(([u, text]) => (window as any).lsp.notify("textDocument/didOpen", { textDocument: { uri: u, languageId: "python", version: 1, text } }), [uri, VULNERABLE]);
    await page.waitForFunction((u) => ((window as any).lsp.diagnostics(u) ?? []).length === 2, uri, { timeout: 30_000 });
    const diagnostics = await page.evaluate((u) => (window as any).lsp.diagnostics(u), uri);
    assert.deepEqual(diagnostics.map((d: any) => [d.code, d.range.start.line]), [["PYTHON-LANG-SEC-040", 3], ["PYTHON-LANG-SEC-041", 4]]);
    assert.match(diagnostics[0].codeDescription.href, /\/rules\/PYTHON-LANG-SEC-040$/);

    const actions = await page.evaluate(([u, d]) => (window as any).lsp.request("textDocument/codeAction", { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d] } }), [uri, diagnostics[1]] as const);
    const fix = actions.find((a: any) => a.isPreferred);
    assert.deepEqual(fix.edit.changes[uri], [{ range: { start: { line: 4, character: 11 }, end: { line: 4, character: 15 } }, newText: "safe_load" }]);

    const hover = await page.evaluate((u) => (window as any).lsp.request("textDocument/hover", { textDocument: { uri: u }, position: { line: 3, character: 12 } }), uri);
    assert.match(hover.contents.value, /PYTHON-LANG-SEC-040/);

    // Typing: the fixed text clears the yaml finding.
    await page.evaluate(
      ([u]) => (window as any).lsp.notify("textDocument/didChange", { textDocument: { uri: u, version: 2 }, contentChanges: [{ range: { start: { line: 4, character: 11 }, end: { line: 4, character: 15 } }, text: "safe_load" }] }),
      [uri],
    );
    await page.waitForFunction((u) => ((window as any).lsp.diagnostics(u) ?? []).length === 1, uri);
    await page.evaluate(() => (window as any).lsp.request("shutdown", null));
    assert.deepEqual(browser.pageErrors, []);
    assert.ok(browser.requests.some((r) => r.endsWith("/web/tree-sitter-python.wasm")));
  });

  it("the inspector webview renders a malicious pickle's verdict and pseudo-Python with the web inspector's components", async () => {
    await page.goto(server.url + "webview.html?file=evil.pkl");
    await page.waitForSelector("#inspector[data-status=done]");
    assert.equal(await page.getAttribute(".verdict", "data-verdict"), "dangerous");
    assert.match((await page.textContent(".pseudo")) ?? "", /system|eval|exec/);
    assert.ok((await page.$$(".finding")).length > 0);
    await page.goto(server.url + "webview.html?file=clean.joblib");
    await page.waitForSelector("#inspector[data-status=done]");
    assert.equal(await page.getAttribute(".verdict", "data-verdict"), "clean");
    assert.deepEqual(browser.pageErrors, []);
  });
});

describe("VS Code desktop extension", () => {
  it("declares what its code registers and runs in the web host too", () => {
    const source = ["extension.ts", "web-extension.ts"].map((f) => readFileSync(join(REPO_ROOT, "editors", "vscode", "src", f), "utf8"));
    for (const command of MANIFEST.contributes.commands.map((c: { command: string }) => c.command)) {
      for (const s of source) assert.ok(s.includes(`"${command}"`), `${command} is not registered`);
    }
    assert.equal(MANIFEST.main, "./dist/extension.js");
    assert.equal(MANIFEST.browser, "./dist/web/extension.js");
    const settings = Object.keys(MANIFEST.contributes.configuration.properties).map((k) => k.replace(/^pathfinder\./, "")).sort();
    const clientSettings = /const keys = (\[[^\]]*\])/.exec(readFileSync(join(REPO_ROOT, "editors", "vscode", "src", "client-options.ts"), "utf8"))![1]!;
    assert.deepEqual(JSON.parse(clientSettings).sort(), settings);
    const version = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).version;
    assert.equal(MANIFEST.version, version);
  });

  it("its bundled language server (dist/server/server.js) serves diagnostics over stdio", async () => {
    const root = tempProject({ "app.py": VULNERABLE });
    const client = LspTestClient.spawn([join(dist, "server", "server.js"), "lsp", "--stdio", "--clientProcessId=" + process.pid], root);
    try {
      await client.initialize(pathToFileURL(root).href);
      const uri = pathToFileURL(join(root, "app.py")).href;
      await client.until("workspace diagnostics", () => (client.diagnostics.get(uri) ?? []).length === 2);
      assert.deepEqual(client.diagnostics.get(uri)!.map((d) => d.code), ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-041"]);
      assert.equal(await client.shutdown(), 0);
    } finally {
      if (client.child.exitCode === null) client.child.kill();
    }
  });
});
