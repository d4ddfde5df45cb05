// Builds the GitHub Action bundle into dist/action/: the action entry, the scan worker, the two wasm files
// the Python parser loads, and a small package.json (ESM marker and version). Runs with no install step.
// Usage: node scripts/build-action.mjs
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "action");
const require = createRequire(join(root, "package.json"));

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: { index: "src/ci/action-main.ts", worker: "src/project/worker.ts" },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "eof",
  logLevel: "warning",
  // CommonJS dependencies call require() at run time; an ES module has none unless we provide it.
  banner: {
    js: 'import { createRequire as __pathfinderCreateRequire } from "node:module"; globalThis.require ??= __pathfinderCreateRequire(import.meta.url);',
  },
});

for (const wasm of ["web-tree-sitter/tree-sitter.wasm", "tree-sitter-python/tree-sitter-python.wasm"]) {
  copyFileSync(require.resolve(wasm), join(outdir, wasm.split("/").pop()));
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const bundled = { name: pkg.name, version: pkg.version, private: true, type: "module" };
if (pkg.homepage) bundled.homepage = pkg.homepage;
writeFileSync(join(outdir, "package.json"), `${JSON.stringify(bundled, null, 2)}\n`);
console.log(`Action bundle written to ${outdir}`);
