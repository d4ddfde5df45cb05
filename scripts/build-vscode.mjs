#!/usr/bin/env node
// Builds the VS Code extension (editors/vscode): the desktop extension and its bundled language server (Node),
// the web extension and its language-server worker (browser), and the model-inspector webview; then packages a
// .vsix with @vscode/vsce (installed on first use into editors/vscode/node_modules).
// Usage: node scripts/build-vscode.mjs [--out DIR] [--no-package] [--no-check]   (npm run build:vscode)
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { bundleForNode, root } from "./bundle-node.mjs";
import { LAZY_ENTRIES, lazyCommandsPlugin } from "./lazy-commands.mjs";

const { values } = parseArgs({ options: { out: { type: "string" }, "no-package": { type: "boolean" }, "no-check": { type: "boolean" } } });
const extensionDir = join(root, "editors", "vscode");
const out = resolve(values.out ?? join(extensionDir, "dist"));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const require = createRequire(join(root, "package.json"));
const define = { PATHFINDER_VERSION: JSON.stringify(pkg.version), PATHFINDER_HOMEPAGE: JSON.stringify(pkg.homepage ?? "") };
const started = Date.now();

if (!values["no-check"]) run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(extensionDir, "tsconfig.json")], root);
rmSync(out, { recursive: true, force: true });
// No source maps: vsce cannot leave them out of the package once dist/ is included.
const common = { absWorkingDir: root, bundle: true, logLevel: "warning", define, legalComments: "none" };

// Desktop: the extension (CommonJS, as VS Code loads it) and the language server it forks (an ES module, with the
// analysis worker and the WebAssembly beside it, like the CLI bundle).
await build({ ...common, entryPoints: [join(extensionDir, "src", "extension.ts")], outfile: join(out, "extension.js"), platform: "node", format: "cjs", target: "node20", external: ["vscode"] });
await bundleForNode(join(out, "server"), { server: "editors/vscode/src/server-node.ts", worker: "src/project/worker.ts", ...LAZY_ENTRIES }, { plugins: [lazyCommandsPlugin] });
// An ES-module scope for the bundles, and the version and home page the server reports (read beside the bundle).
writeFileSync(join(out, "server", "package.json"), JSON.stringify({ type: "module", name: pkg.name, version: pkg.version, homepage: pkg.homepage }) + "\n");

// Web: the extension for the web extension host, and the language server worker with its WebAssembly.
const browserTarget = ["es2022", "chrome110", "firefox115", "safari16"];
// web-tree-sitter's Emscripten glue imports these only under Node; never in a browser.
const nodeOnly = ["fs/promises", "module", "fs", "path", "url"];
await build({ ...common, entryPoints: [join(extensionDir, "src", "web-extension.ts")], outfile: join(out, "web", "extension.js"), platform: "browser", format: "cjs", target: browserTarget, external: ["vscode"] });
await build({ ...common, entryPoints: [join(extensionDir, "src", "web-server.ts")], outfile: join(out, "web", "server.js"), platform: "browser", format: "iife", target: browserTarget, external: nodeOnly });
copyFileSync(require.resolve("web-tree-sitter/tree-sitter.wasm"), join(out, "web", "tree-sitter.wasm"));
copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), join(out, "web", "tree-sitter-python.wasm"));

// The inspector webview (both builds).
await build({ ...common, entryPoints: [join(extensionDir, "src", "webview", "inspector.ts")], outfile: join(out, "webview", "inspector.js"), platform: "browser", format: "iife", target: browserTarget });
console.log(`VS Code extension built in ${out} (${Date.now() - started} ms)`);

if (!values["no-package"]) {
  if (out !== join(extensionDir, "dist")) throw new Error("--out and packaging do not mix: the .vsix packs editors/vscode/dist");
  const vsce = join(extensionDir, "node_modules", "@vscode", "vsce", "vsce");
  if (!existsSync(vsce)) run("npm", ["ci", "--omit=optional", "--no-audit", "--no-fund"], extensionDir);
  const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));
  if (manifest.version !== pkg.version) throw new Error(`editors/vscode/package.json version ${manifest.version} differs from the tool's ${pkg.version}`);
  mkdirSync(join(root, "build"), { recursive: true });
  const vsix = join(root, "build", `pathfinder-vscode-${pkg.version}.vsix`);
  run(process.execPath, [vsce, "package", "--no-dependencies", "--skip-license", "--out", vsix], extensionDir);
  console.log(`packaged ${vsix}`);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) {
    console.error(`build-vscode: ${command} ${args.join(" ")} failed`);
    process.exit(1);
  }
}
