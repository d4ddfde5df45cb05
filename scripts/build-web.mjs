#!/usr/bin/env node
// Builds the static web site (playground, pickle inspector, rule pages) into web-dist/ (or --out DIR).
// 1. type-checks web/ (and the engine code it bundles), 2. renders the static pages from the rule registry
// and the rule fixtures, 3. bundles the browser scripts with esbuild, 4. copies the tree-sitter WebAssembly.
// The result is plain files: any static host can serve it, `pathfinder playground` serves it locally.

import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import * as esbuild from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

const { values } = parseArgs({
  options: { out: { type: "string" }, "no-check": { type: "boolean" }, dev: { type: "boolean" } },
});
const OUT = resolve(values.out ?? join(ROOT, "web-dist"));
const started = Date.now();

if (!values["no-check"]) typeCheck();
const site = await loadSiteGenerator();
const presets = readPresets(site.presetRules());
rmSync(OUT, { recursive: true, force: true });
for (const file of site.renderSite(presets)) write(file.path, file.content);
await bundleScripts();
copyFileSync(require.resolve("web-tree-sitter/tree-sitter.wasm"), join(OUT, "assets", "tree-sitter.wasm"));
copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), join(OUT, "assets", "tree-sitter-python.wasm"));
// Java, C# and PHP grammars: fetched by the page only when that language is picked.
for (const grammar of site.languageGrammars()) copyFileSync(require.resolve(grammar.packagePath), join(OUT, "assets", grammar.file));
console.log(`web site built in ${OUT} (${Date.now() - started} ms)`);

function typeCheck() {
  const tsc = require.resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "web", "tsconfig.json")], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error("build-web: type errors in web/ (see above)");
    process.exit(1);
  }
}

/** Bundles web/site/generate.ts (with its dependencies, so it runs from anywhere) into a temp folder and imports it. */
async function loadSiteGenerator() {
  const dir = mkdtempSync(join(tmpdir(), "pathfinder-site-"));
  try {
    const outfile = join(dir, "generate.mjs");
    await esbuild.build({
      entryPoints: [join(ROOT, "web", "site", "generate.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      logLevel: "warning",
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each rule's fixture files the playground can analyse (source files of its language, and the requirements and
 * pyproject.toml files of the dependency rules' fixture projects), vulnerable ones first, embedded as presets.
 */
function readPresets(rules) {
  const order = (f) => (/^vulnerable\b/i.test(f) ? 0 : /^safe\b/i.test(f) ? 1 : 2);
  const presets = [];
  for (const { id: rule, manifests } of rules) {
    const dir = join(ROOT, "fixtures", rule);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir, { recursive: true })
      .map((f) => f.split("\\").join("/"))
      // Source files at the top; the dependency rules' manifests at the top of their fixture projects
      // (`vulnerable/requirements.txt`; deeper ones depend on files beside them, such as lock files).
      .filter((f) => {
        const language = site.languageOfFile(f);
        const manifest = language === "requirements" || language === "pyproject";
        return language && (manifests ? manifest && f.split("/").length === 2 : !manifest && !f.includes("/"));
      })
      .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    for (const file of files) {
      const language = site.languageOfFile(file);
      presets.push({ rule, file, language, code: withoutTestMarkers(readFileSync(join(dir, file), "utf8")) });
    }
  }
  return presets;
}

/**
 * Fixture lines end in `# expect: RULE-ID` (`// expect:` in Java, C# and PHP) for the fixture test; a preset shows
 * the code as a user would write it.
 */
function withoutTestMarkers(code) {
  return code.replace(/[ \t]*(?:#|\/\/)\s*expect:[^\n]*/g, "");
}

async function bundleScripts() {
  await esbuild.build({
    entryPoints: {
      playground: join(ROOT, "web", "app", "playground.ts"),
      rule: join(ROOT, "web", "app", "rule-embed.ts"),
      "rules-index": join(ROOT, "web", "app", "rules-filter.ts"),
      inspect: join(ROOT, "web", "app", "inspect.ts"),
      "inspect-worker": join(ROOT, "web", "app", "inspect-worker.ts"),
    },
    outdir: join(OUT, "assets"),
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["es2022", "chrome110", "firefox115", "safari16"],
    minify: !values.dev,
    sourcemap: values.dev ? "linked" : false,
    // web-tree-sitter's Emscripten glue imports these only when it runs under Node; never in a browser.
    external: ["fs/promises", "module", "fs", "path", "url"],
    legalComments: "linked",
    logLevel: "warning",
  });
}

function write(path, content) {
  const target = join(OUT, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
