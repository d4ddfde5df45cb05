// Bundles the command-line tool into build/cli/: the CLI entry, the analysis worker, and the two wasm files the
// Python parser loads beside them. One file starts several times faster than loading the ~150 compiled modules
// one by one (about 0.1 s less per run). Usage: node scripts/build-cli.mjs (part of `npm run build`).
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "build", "cli");
const require = createRequire(join(root, "package.json"));

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: { pathfinder: "src/cli/main.ts", worker: "src/project/worker.ts" },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // Dependencies are bundled too; CommonJS ones call require() at run time, which an ES module lacks.
  banner: {
    js: 'import { createRequire as __pathfinderCreateRequire } from "node:module"; globalThis.require ??= __pathfinderCreateRequire(import.meta.url);',
  },
});

for (const wasm of ["web-tree-sitter/tree-sitter.wasm", "tree-sitter-python/tree-sitter-python.wasm"]) {
  copyFileSync(require.resolve(wasm), join(outdir, wasm.split("/").pop()));
}
