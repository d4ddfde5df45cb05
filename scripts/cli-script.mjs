// The command-line tool as one script with a V8 code cache (Node 20 has no compile cache for ES modules):
//   pathfinder-cli.cjs        the CLI bundled as a CommonJS-shaped script; the analysers, reporters and servers it
//                             reaches through dynamic import() are inside but initialised only when first used
//   pathfinder-cli.cjs.cache  V8's compiled code for it, made by a training run at build time (see `trainCodeCache`)
//   pathfinder.js             the ES module users and bin/pathfinder.js import: it compiles the script with that
//                             cache (V8 rejects a cache of another Node version or flags, and then compiles normally)
// Compiling the 2 MB bundle cost about 70 ms per run; with the cache, loading it costs a few.
import { spawnSync } from "node:child_process";
import { builtinModules } from "node:module";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { root } from "./bundle-node.mjs";

export const CLI_SCRIPT = "pathfinder-cli.cjs";

/** What the loader passes the script (scripts/cli-loader.mjs): CommonJS's five, the script's URL, Node's require. */
const SCRIPT_PARAMETERS = ["exports", "require", "module", "__filename", "__dirname", "__pathfinderScriptUrl", "__pathfinderRequire"];

/** Writes `pathfinder-cli.cjs` and its loader `pathfinder.js` (exporting `main`) into `outdir`. */
export async function bundleCliScript(outdir, options = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: { "pathfinder-cli": "src/cli/main.ts" },
    outdir,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // A dynamic import() becomes a lazily initialised part of the script: vm scripts cannot import.
    supported: { "dynamic-import": false },
    // The bundled code finds its wasm files, worker and package.json beside the script, and names its own build
    // (the analysis cache's key) by it.
    define: { "import.meta.url": "__pathfinderScriptUrl" },
    // Every run reads the whole script (V8 keeps the source of what is compiled lazily): without blanks and comments it
    // is 40% smaller. Names stay, so stack traces remain readable.
    minifyWhitespace: true,
    minifySyntax: true,
    // The script is a function expression, as Node's CommonJS wrapper would make it: the loader compiles the file's
    // text as it is, with no copy of 3 MB to wrap it.
    banner: { js: `(function (${SCRIPT_PARAMETERS.join(", ")}) {` },
    footer: { js: "})" },
    logLevel: "warning",
    ...options,
    plugins: [builtinDynamicImports, lazyCommanderChildProcess, ...(options.plugins ?? [])],
  });
  await build({
    absWorkingDir: root,
    entryPoints: { pathfinder: "scripts/cli-loader.mjs" },
    outdir,
    // Node's built-ins stay imports; the loader's own settings module is inlined.
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
}

/**
 * `await import("module")` of a Node built-in, which esbuild turns into `require("module")`, reads the script's own
 * `require` instead: a dependency (web-tree-sitter) declares a `var require` of its own in the same function.
 */
const builtinDynamicImports = {
  name: "pathfinder-builtin-dynamic-imports",
  setup(b) {
    const builtins = new Set(builtinModules);
    b.onResolve({ filter: /^[\w:/]+$/ }, (args) =>
      args.kind === "dynamic-import" && (args.path.startsWith("node:") || builtins.has(args.path)) ? { path: args.path, namespace: "pathfinder-builtin" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "pathfinder-builtin" }, (args) => ({ contents: `module.exports = __pathfinderRequire(${JSON.stringify(args.path)});`, loader: "js" }));
  },
};

/**
 * commander requires `child_process` at load, for subcommands that are separate executables (we have none); loading
 * that module and its dependencies costs every run a few milliseconds. commander gets it on first use instead.
 */
const lazyCommanderChildProcess = {
  name: "pathfinder-lazy-commander-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "pathfinder-lazy-builtin" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "pathfinder-lazy-builtin" }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => __pathfinderRequire(${JSON.stringify(args.path)})[name] });`,
      loader: "js",
    }));
  },
};

/**
 * Runs the built CLI on a copy of a few fixtures (warm scans, an artifact scan; see train-code-cache.mjs) in a fresh
 * Node process, then saves the code V8 compiled for the script: what a run uses is then read from the cache instead of
 * being compiled again. Build-time only; a failed training leaves no cache (runs then compile as before).
 */
export function trainCodeCache(outdir) {
  // A training run that changed a V8 flag (the analysis sets heap flags; model-file scans hold back the top tier)
  // saves code a normal start rejects, and every run then compiles the script again: such a cache is trained again.
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (!trainOnce(outdir)) return;
    if (codeCacheAccepted(outdir)) return;
  }
  console.error("pathfinder: V8 rejects the trained code cache (the CLI runs without it)");
  rmSync(join(outdir, `${CLI_SCRIPT}.cache`), { force: true });
}

function codeCacheAccepted(outdir) {
  const loader = pathToFileURL(join(outdir, "pathfinder.js")).href;
  const check = `const { codeCacheAccepted } = await import(${JSON.stringify(loader)}); process.exit(codeCacheAccepted ? 0 : 1);`;
  return spawnSync(process.execPath, ["--input-type=module", "-e", check], { stdio: "ignore" }).status === 0;
}

function trainOnce(outdir) {
  const work = mkdtempSync(join(tmpdir(), "pathfinder-train-"));
  try {
    const project = join(work, "project");
    for (const fixture of ["PYTHON-LANG-SEC-040", "PYTHON-DESER-001", "PYTHON-ML-SEC-001"]) {
      const from = join(root, "fixtures", fixture);
      if (existsSync(from)) cpSync(from, join(project, fixture), { recursive: true });
    }
    // Real model files and the attack corpus: the readers, decoders and policy paths a model-folder scan takes.
    for (const corpus of ["real", "attacks"]) {
      const models = join(root, "fixtures", "artifact-corpus", corpus);
      if (existsSync(models)) cpSync(models, join(project, "models", corpus), { recursive: true });
    }
    for (const mode of ["fill", "train"]) {
      const args = [join(root, "scripts", "train-code-cache.mjs"), mode, join(outdir, "pathfinder.js"), project, join(work, "cache")];
      if (spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] }).status !== 0) {
        console.error("pathfinder: the code cache was not made (the CLI runs without it)");
        rmSync(join(outdir, `${CLI_SCRIPT}.cache`), { force: true });
        return false;
      }
    }
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
