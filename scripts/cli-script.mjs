// The command-line tool as CommonJS-shaped scripts with V8 code caches (Node 20 has no compile cache for ES modules):
//   pathfinder-cli.cjs          what every run needs (argument handling, the command list, --version, --help)
//   pathfinder-cli-<part>.cjs   the rest, split where the CLI imports on use (see SCRIPTS): a scan that analyses
//                               nothing, the Python analysis, the model-file scanner, each other command...
//   <script>.cache              V8's compiled code for a script, made by a training run at build time (see
//                               `trainCodeCache`); scripts that training does not load have none
//   pathfinder.js               the ES module users and bin/pathfinder.js import (scripts/cli-loader.mjs): it compiles
//                               a script with its cache when the script is first needed (V8 rejects a cache of another
//                               Node version or flags, and then compiles normally)
// Without a cache, compiling the CLI cost about 70 ms per run. With one script of 3.2 MB and its 1.9 MB cache, every
// run paid about 60 ms to read and deserialise them (a CPU profile of a warm re-scan); a warm re-scan of unchanged
// files (or after an edit without a rule's token) now reads the first two scripts (0.39 MB, 0.40 MB of cache),
// `--version` the first (11 KB, 25 KB).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, transform } from "esbuild";
import { ESM_ALIASES, root } from "./bundle-node.mjs";

/** What the loader passes each module of a script (scripts/cli-loader.mjs): CommonJS's five, the CLI's URL, Node's require. */
const MODULE_PARAMETERS = ["exports", "require", "module", "__filename", "__dirname", "__pathfinderScriptUrl", "__pathfinderRequire"];

/**
 * The CLI's scripts, each named with the modules whose import loads it, in order: each holds what its modules need
 * that no earlier script holds. The first (`pathfinder-cli.cjs`) is what every run needs (`--version`, `--help`
 * need nothing else); the second, a scan that analyses nothing (a warm re-scan of unchanged files). Modules loaded
 * together share a script; every other dynamically imported module gets a script of its own.
 */
const SCRIPTS = [
  ["pathfinder-cli", ["src/cli/main.ts"]],
  ["pathfinder-cli-scan", ["src/cli/commands/scan.ts"]],
  ["pathfinder-cli-dependencies", ["src/project/dependencies.ts", "src/dependencies/match.ts", "src/dependencies/findings.ts", "src/dependencies/annotate-findings.ts"]],
  ["pathfinder-cli-tree-sitter", ["src/project/grammars.ts"]],
  ["pathfinder-cli-python", ["src/project/python-analysis.ts", "src/languages/python/analyze.ts", "src/project/python-parser.ts", "src/languages/python/prefilter.ts", "src/rules/registry.ts", "src/rules/python/PYTHON-DEPS-SEC-003.ts"]],
  ["pathfinder-cli-artifacts", ["src/artifacts/index.ts", "src/project/native-inflate.ts"]],
  ["pathfinder-cli-languages", ["src/rules/languages.ts", "src/languages/common/analyze.ts"]],
];

/**
 * Writes the CLI's scripts (`pathfinder-cli*.cjs`) and their loader `pathfinder.js` (exporting `main`) into `outdir`.
 *
 * esbuild splits the CLI at its dynamic imports into ES module chunks (a module shared by two parts lives in one
 * chunk, imported by both), each chunk becomes a CommonJS-shaped function (vm scripts cannot import), and the chunks
 * are grouped into scripts by the dynamic import that first needs them. The loader compiles a script, with its code
 * cache, when one of its chunks is first required, and runs each chunk once.
 */
export async function bundleCliScript(outdir, options = {}) {
  const split = await build({
    absWorkingDir: root,
    entryPoints: { "pathfinder-cli": "src/cli/main.ts" },
    outdir,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // The bundled code finds its wasm files, worker and package.json beside the first script, and names its own build
    // (the analysis cache's key) by that file.
    define: { "import.meta.url": "__pathfinderScriptUrl" },
    alias: ESM_ALIASES,
    // Every run reads its scripts whole (V8 keeps the source of what is compiled lazily): without blanks and comments
    // they are 40% smaller. Names stay, so stack traces remain readable.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    write: false,
    logLevel: "warning",
    ...options,
    plugins: [webTreeSitterRequire, lazyCommanderChildProcess, ...(options.plugins ?? [])],
  });
  const chunks = new Map();
  for (const file of split.outputFiles) {
    if (!file.path.endsWith(".js")) continue;
    // import/export become require()/module.exports; import() becomes a require() in a promise.
    const cjs = await transform(file.text, { format: "cjs", platform: "node", target: "node20", supported: { "dynamic-import": false }, minifyWhitespace: true, minifySyntax: true, logLevel: "warning" });
    chunks.set(basename(file.path), cjs.code);
  }
  const scripts = groupChunks(split.metafile);
  const scriptOfChunk = {};
  for (const [script, names] of scripts) {
    // An object of the script's chunks, each a function as Node's CommonJS wrapper would make it (ES modules are strict).
    const body = names.map((name) => `${JSON.stringify(name)}: function (${MODULE_PARAMETERS.join(", ")}) {"use strict";${chunks.get(name)}\n}`);
    writeFileSync(join(outdir, `${script}.cjs`), `({\n${body.join(",\n")}\n})`, "latin1");
    for (const name of names) scriptOfChunk[name] = `${script}.cjs`;
  }
  await build({
    absWorkingDir: root,
    entryPoints: { pathfinder: "scripts/cli-loader.mjs" },
    outdir,
    // Node's built-ins stay imports; the loader's own settings module is inlined.
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    define: { PATHFINDER_SCRIPT_OF_CHUNK: JSON.stringify(scriptOfChunk), PATHFINDER_MAIN_CHUNK: JSON.stringify("pathfinder-cli.js") },
    logLevel: "warning",
  });
}

/** The chunks of each script (see SCRIPTS), by script name, from esbuild's metafile of the split build. */
function groupChunks(metafile) {
  const outputs = new Map();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!path.endsWith(".js")) continue;
    const imports = output.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => basename(i.path));
    outputs.set(basename(path), { entryPoint: output.entryPoint, imports });
  }
  const assigned = new Set();
  const scripts = new Map();
  const claim = (script, entryNames) => {
    const names = [];
    const visit = (name) => {
      if (assigned.has(name)) return;
      assigned.add(name);
      for (const dependency of outputs.get(name).imports) visit(dependency);
      names.push(name);
    };
    for (const name of entryNames) visit(name);
    if (names.length > 0) scripts.set(script, names);
  };
  const entryChunk = new Map([...outputs].filter(([, o]) => o.entryPoint).map(([name, o]) => [o.entryPoint, name]));
  for (const [script, entries] of SCRIPTS) {
    const missing = entries.filter((e) => !entryChunk.has(e));
    if (missing.length > 0) throw new Error(`cli-script: ${missing.join(", ")} is not dynamically imported any more (update SCRIPTS)`);
    claim(script, entries.map((e) => entryChunk.get(e)));
  }
  for (const [entryPoint, name] of entryChunk) {
    claim(`pathfinder-cli-${entryPoint.replace(/^src\//, "").replace(/^node_modules\//, "").replace(/\.[cm]?[jt]s$/, "").replace(/[^\w-]+/g, "-")}`, [name]);
  }
  return scripts;
}

/**
 * web-tree-sitter declares a `var require` of its own (from `createRequire`, after `await import("module")`) in the
 * function that also calls `require("fs")`; once import() is a require() of the chunk (see `bundleCliScript`), that
 * import would call the variable before it is set. It gets Node's require from the loader instead, as its own
 * createRequire would make it.
 */
const webTreeSitterRequire = {
  name: "pathfinder-web-tree-sitter-require",
  setup(b) {
    b.onLoad({ filter: /[\\/]web-tree-sitter[\\/]tree-sitter\.js$/ }, (args) => {
      const own = /const \{ createRequire \} = await import\("module"\);\s*var require = createRequire\(import\.meta\.url\);/;
      const text = readFileSync(args.path, "utf8");
      if (!own.test(text)) throw new Error(`${args.path}: its own require is not made as cli-script.mjs expects (update webTreeSitterRequire)`);
      return { contents: text.replace(own, "var require = __pathfinderRequire;"), loader: "js" };
    });
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
  let rejected = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    removeCodeCaches(outdir);
    if (!trainOnce(outdir)) return;
    rejected = rejectedCodeCaches(outdir);
    if (rejected.length === 0) return;
  }
  console.error(`pathfinder: V8 rejects the trained code cache of ${rejected.join(", ")} (the CLI runs without it)`);
  for (const name of rejected) rmSync(join(outdir, `${name}.cache`), { force: true });
}

function removeCodeCaches(outdir) {
  for (const name of readdirSync(outdir).filter((f) => f.endsWith(".cjs.cache"))) rmSync(join(outdir, name), { force: true });
}

/** The scripts whose trained cache a fresh Node process rejects. */
function rejectedCodeCaches(outdir) {
  const names = readdirSync(outdir).filter((f) => f.endsWith(".cjs.cache")).map((f) => f.slice(0, -".cache".length));
  const loader = pathToFileURL(join(outdir, "pathfinder.js")).href;
  const check = `const { codeCachesAccepted } = await import(${JSON.stringify(loader)});
const names = ${JSON.stringify(names)};
console.log(JSON.stringify(names.filter((name) => !codeCachesAccepted([name]))));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", check], { encoding: "utf8" });
  return r.status === 0 ? JSON.parse(r.stdout) : names;
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
        removeCodeCaches(outdir);
        return false;
      }
    }
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
