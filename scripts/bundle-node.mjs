// One esbuild set-up for the Node bundles (the CLI in build/cli, the GitHub Action in dist/action): ES module
// output for Node 20 with every dependency inside, and the wasm files the parsers load (the runtime, Python, and the Java, C# and PHP grammars) copied beside.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Dependencies bundled from their ES module build: jsonc-parser's `main` is a UMD wrapper that requires its parts at
 * run time, which a bundle cannot resolve.
 */
export const ESM_ALIASES = { "jsonc-parser": "jsonc-parser/lib/esm/main.js" };

/** Empties `outdir` and bundles `entryPoints` (name -> source path) into it. */
export async function bundleForNode(outdir, entryPoints, options = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    alias: ESM_ALIASES,
    logLevel: "warning",
    ...options,
    // CommonJS dependencies call require() at run time; an ES module has none unless we provide it.
    banner: {
      js: 'import { createRequire as __pathfinderCreateRequire } from "node:module"; globalThis.require ??= __pathfinderCreateRequire(import.meta.url);',
    },
  });
  const require = createRequire(join(root, "package.json"));
  const grammars = ["tree-sitter-java/tree-sitter-java.wasm", "tree-sitter-c-sharp/tree-sitter-c_sharp.wasm", "tree-sitter-php/tree-sitter-php.wasm"];
  for (const wasm of ["web-tree-sitter/tree-sitter.wasm", "tree-sitter-python/tree-sitter-python.wasm", ...grammars]) {
    copyFileSync(require.resolve(wasm), join(outdir, wasm.split("/").pop()));
  }
}
