// `pathfinder playground` and its static server over real HTTP, and the built site's files (no browser).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ARTIFACT_RULES } from "../src/artifacts/index.js";
import { languageRuleMetas } from "../src/rules/languages.js";
import { escapeHtml } from "../src/report/html/escape.js";
import { startStaticServer, type RunningServer } from "../src/project/static-server.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { REPO_ROOT, startPlayground, type PlaygroundServer } from "./data/web/browser.js";
import { checkHtmlStructure, textContent } from "./data/web/html-check.js";

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP: the path is sent exactly as given (fetch would normalise `..`). */
function get(base: string, path: string, method = "GET"): Promise<Response> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("pathfinder playground (server)", () => {
  let server: PlaygroundServer;
  before(async () => {
    server = await startPlayground();
  });
  after(async () => {
    await server?.stop();
  });

  it("prints a loopback URL and serves the playground with a strict CSP", async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await get(server.url, "/");
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "text/html; charset=utf-8");
    assert.match(String(res.headers["content-security-policy"]), /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.match(res.body, /<title>Pathfinder playground/);
  });

  it("serves the engine's WebAssembly and scripts with the right types", async () => {
    const wasm = await get(server.url, "/assets/tree-sitter-python.wasm", "HEAD");
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers["content-type"], "application/wasm");
    const grammar = readFileSync(join(REPO_ROOT, "node_modules", "tree-sitter-python", "tree-sitter-python.wasm"));
    assert.equal(Number(wasm.headers["content-length"]), grammar.length);
    const js = await get(server.url, "/assets/playground.js");
    assert.equal(js.headers["content-type"], "text/javascript; charset=utf-8");
  });

  it("serves the Java, C# and PHP grammars from beside the CLI when the site folder lacks them (the npm package)", async () => {
    const site = mkdtempSync(join(tmpdir(), "pf-site-"));
    mkdirSync(join(site, "assets"));
    writeFileSync(join(site, "index.html"), "<!DOCTYPE html><title>x</title>");
    const bare = await startPlayground(["--dir", site]);
    try {
      for (const [pkg, file] of [["tree-sitter-java", "tree-sitter-java.wasm"], ["tree-sitter-c-sharp", "tree-sitter-c_sharp.wasm"], ["tree-sitter-php", "tree-sitter-php.wasm"]]) {
        const res = await get(bare.url, `/assets/${file}`, "HEAD");
        assert.equal(res.status, 200, file);
        assert.equal(res.headers["content-type"], "application/wasm");
        assert.equal(Number(res.headers["content-length"]), readFileSync(join(REPO_ROOT, "node_modules", pkg, file)).length, file);
      }
      // Only those paths: other missing files stay missing.
      assert.equal((await get(bare.url, "/assets/tree-sitter-python.wasm", "HEAD")).status, 404);
      assert.equal((await get(bare.url, "/tree-sitter-java.wasm", "HEAD")).status, 404);
    } finally {
      await bare.stop();
      rmSync(site, { recursive: true, force: true });
    }
  });

  it("redirects directory paths to their trailing-slash form and serves index.html", async () => {
    const res = await get(server.url, `/rules/${PYTHON_RULES[0]!.id}`);
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, `/rules/${PYTHON_RULES[0]!.id}/`);
    const page = await get(server.url, `/rules/${PYTHON_RULES[0]!.id}/`);
    assert.equal(page.status, 200);
    // `/a/..//host` normalises to `//host`: the redirect must stay on this server.
    const tricky = await get(server.url, "/x/..//rules");
    assert.equal(tricky.status, 301);
    assert.equal(tricky.headers.location, "/rules/");
  });

  it("refuses traversal, other methods, and answers unknown paths with the 404 page", async () => {
    for (const path of ["/../package.json", "/%2e%2e/package.json", "/assets/..%2f..%2fpackage.json", "/a%00b", "/%E0%A4%A"]) {
      const res = await get(server.url, path);
      assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
      assert.doesNotMatch(res.body, /pathfinder-scanner/, `${path} leaked package.json`);
    }
    assert.equal((await get(server.url, "/", "POST")).status, 405);
    const missing = await get(server.url, "/no/such/page");
    assert.equal(missing.status, 404);
    assert.match(missing.body, /Page not found/);
  });
});

describe("static server", () => {
  let root: string;
  let running: RunningServer;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), "pf-static-"));
    mkdirSync(join(root, "site"));
    writeFileSync(join(root, "site", "index.html"), "<!DOCTYPE html><title>x</title>");
    writeFileSync(join(root, "secret.txt"), "top secret");
    symlinkSync(join(root, "secret.txt"), join(root, "site", "escape.txt"));
    running = await startStaticServer({ root: join(root, "site"), host: "127.0.0.1", port: 0 });
  });
  after(async () => {
    await running?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("does not follow symlinks out of its root and has no directory listing", async () => {
    const res = await get(running.url, "/escape.txt");
    assert.equal(res.status, 404);
    assert.doesNotMatch(res.body, /top secret/);
    assert.equal((await get(running.url, "/")).body, "<!DOCTYPE html><title>x</title>");
  });
});

describe("pathfinder playground (usage)", () => {
  const run = (args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, "bin", "pathfinder.js"), "playground", ...args], { encoding: "utf8" });

  it("documents itself and rejects bad options with exit code 2", () => {
    const help = run(["--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--port N/);
    const badPort = run(["--port", "99999"]);
    assert.equal(badPort.status, 2);
    assert.match(badPort.stderr, /--port: expected a number from 0 to 65535/);
    const empty = mkdtempSync(join(tmpdir(), "pf-empty-"));
    const noSite = run(["--dir", empty]);
    rmSync(empty, { recursive: true, force: true });
    assert.equal(noSite.status, 2);
    assert.match(noSite.stderr, /does not contain a built site/);
  });
});

describe("built site", () => {
  const site = join(REPO_ROOT, "web-dist");
  const read = (path: string) => readFileSync(join(site, path), "utf8");

  it("has a well-formed page for every rule of the registry, with all its documentation", () => {
    for (const rule of [...PYTHON_RULES, ...ARTIFACT_RULES, ...languageRuleMetas()]) {
      const html = read(`rules/${rule.id}/index.html`);
      assert.deepEqual(checkHtmlStructure(html), [], rule.id);
      const text = textContent(html);
      assert.ok(text.includes(rule.name), `${rule.id}: name`);
      for (const heading of ["What it finds", "Security implications", "How to fix", "Detection scope", "Compliance", "References"]) {
        assert.ok(text.includes(heading), `${rule.id}: ${heading}`);
      }
      for (const c of rule.compliance) assert.ok(text.includes(c.control), `${rule.id}: compliance ${c.control}`);
      for (const f of rule.docs.faq) assert.ok(text.includes(f.question.replace(/`/g, "")), `${rule.id}: faq ${f.question}`);
      for (const r of rule.docs.references) assert.ok(html.includes(`href="${escapeHtml(r.url)}"`), `${rule.id}: reference ${r.url}`);
      for (const cwe of rule.cwe) assert.ok(text.includes(cwe), `${rule.id}: ${cwe}`);
      if (rule.language === "java" || rule.language === "csharp" || rule.language === "php") {
        // The rule's vulnerable fixture, opened in the playground in its language.
        const link = new URLSearchParams({ lang: rule.language, rules: `${rule.language}/${rule.id}` }).toString();
        assert.match(html, new RegExp(`href="\\.\\./\\.\\./#${escapeRegExp(escapeHtml(link))}&amp;preset=${rule.id}%2FVulnerable\\.`, "i"), `${rule.id}: playground link`);
      }
      // PYTHON-DEPS-SEC-003 joins a manifest and the code that loads the package: not one text to edit.
      if (rule.language === "python" && rule.id !== "PYTHON-DEPS-SEC-003") {
        assert.match(html, /data-embed-playground data-ruleset="python\//, `${rule.id}: embedded playground`);
        const firstLine = rule.docs.vulnerableExample.split("\n")[0]!;
        assert.ok(text.includes(firstLine), `${rule.id}: the vulnerable example is readable without JavaScript`);
      }
    }
  });

  it("lists every rule in the index and embeds every fixture as a preset, without test markers", () => {
    const index = read("rules/index.html");
    assert.deepEqual(checkHtmlStructure(index), []);
    for (const rule of [...PYTHON_RULES, ...ARTIFACT_RULES, ...languageRuleMetas()]) assert.match(index, new RegExp(`href="${rule.id}/"`));
    const playground = read("index.html");
    assert.deepEqual(checkHtmlStructure(playground), []);
    const data = JSON.parse(/<script type="application\/json" id="playground-data">(.*?)<\/script>/s.exec(playground)![1]!) as {
      presets: { rule: string; file: string; code: string }[];
    };
    // Dependency rules have fixture projects (manifests), not single-file presets.
    for (const rule of PYTHON_RULES.filter((r) => !r.bundles.includes("deps"))) {
      const vulnerable = data.presets.find((p) => p.rule === rule.id && p.file === "vulnerable.py");
      // The fixture as a user would write it: the test markers (`# expect: RULE-ID`) are stripped.
      const fixture = readFileSync(join(REPO_ROOT, "fixtures", rule.id, "vulnerable.py"), "utf8");
      assert.equal(vulnerable?.code, fixture.replace(/[ \t]*#\s*expect:[^\n]*/g, ""));
      assert.doesNotMatch(vulnerable!.code, /#\s*expect:/);
      assert.ok(data.presets.some((p) => p.rule === rule.id && p.file === "safe.py"), `${rule.id}: safe preset`);
    }
  });

  it("references no external script, style or font", () => {
    for (const page of ["index.html", "inspect/index.html", "rules/index.html", "404.html"]) {
      const html = read(page);
      assert.doesNotMatch(html, /<(script|link|img)\b[^>]*\b(src|href)="(https?:)?\/\//, page);
    }
    assert.doesNotMatch(read("assets/site.css"), /@import|url\(\s*["']?(https?:)?\/\//);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
