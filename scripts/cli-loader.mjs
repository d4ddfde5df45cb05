// build/cli/pathfinder.js: loads the CLI's scripts beside it (see scripts/cli-script.mjs) with their V8 code caches,
// and exports the CLI's `main`. A script is read and compiled when one of its chunks is first required: a warm scan
// of unchanged files reads only the first. Bundled with the V8 settings it makes (src/project/v8-settings.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { tuneV8ForScans, YOUNG_GENERATION_GROWTH } from "../src/project/v8-settings.js";

/** The script (a file name) that holds each chunk, and the chunk that exports `main`: made by the build. */
/* global PATHFINDER_SCRIPT_OF_CHUNK, PATHFINDER_MAIN_CHUNK */
const scriptOfChunk = PATHFINDER_SCRIPT_OF_CHUNK;

// Before any script is compiled: a code cache is keyed to V8's flags, and the build trains the caches through this
// loader.
tuneV8ForScans();

const here = dirname(fileURLToPath(import.meta.url));
const nodeRequire = createRequire(join(here, "pathfinder-cli.cjs"));

/**
 * V8 takes a code cache only under the flags it was made with, and a run changes some while it runs: the Python
 * analysis sets heap flags (src/project/heap.ts), a model-file scan holds back the top tier (short-run-jit.ts). A
 * script loaded after that (the model-file scanner, the manifests' parsers) is compiled with the flags a run starts
 * with, which its cache was made with, and the run's flags are set again right after. A user's own setting of one
 * of these flags is never changed by the CLI, so never set back here.
 */
const START_FLAGS = new Map([
  ["turbofan", "--turbofan"],
  ["heap-growing-percent", "--heap-growing-percent=0"],
  ["semi-space-growth-factor", YOUNG_GENERATION_GROWTH],
]);
/** The flags the CLI has set since it started, by name (`--no-turbofan` is `turbofan`). */
const changedFlags = new Map();
const v8 = nodeRequire("node:v8");
const setFlags = v8.setFlagsFromString;
// The bundled code calls it through this module object.
v8.setFlagsFromString = function setFlagsFromString(flags) {
  const name = flags.slice(2).split("=")[0].replace(/_/g, "-").replace(/^no-/, "");
  changedFlags.set(name, flags);
  return setFlags.call(this, flags);
};

/** `make()` under the flags a run starts with (as far as this run changed them). */
function withStartFlags(make) {
  const changed = [...changedFlags].filter(([name]) => START_FLAGS.has(name));
  for (const [name] of changed) setFlags(START_FLAGS.get(name));
  try {
    return make();
  } finally {
    for (const [, flags] of changed) setFlags(flags);
  }
}

// Every chunk sees the first script as its own file: the bundled code finds package.json, the worker and the wasm
// files beside it, and names its build by it (the analysis cache's key).
const file = join(here, "pathfinder-cli.cjs");
const url = pathToFileURL(file).href;

/** Compiled scripts by file name: each an object of its chunks' functions. */
const scripts = new Map();
/** Chunks that have run, by name: their CommonJS `module`. */
const modules = new Map();

function compile(name) {
  const path = join(here, name);
  let cachedData;
  try {
    cachedData = readFileSync(`${path}.cache`);
  } catch {
    // No cache (not built, or not trained): the script is compiled as any module would be.
  }
  // esbuild writes ASCII only, so the one-byte string is exact, and cheaper to make than a UTF-8 decoding.
  const source = readFileSync(path, "latin1");
  const script = withStartFlags(() => new Script(source, { filename: path, cachedData }));
  const compiled = { script, cachedData, chunks: script.runInThisContext() };
  scripts.set(name, compiled);
  return compiled;
}

/** A chunk's exports, running it first if it has not run yet (as Node's `require` runs a module once). */
function requireChunk(name) {
  const done = modules.get(name);
  if (done) return done.exports;
  const scriptName = scriptOfChunk[name];
  const { chunks } = scripts.get(scriptName) ?? compile(scriptName);
  const module = { exports: {} };
  modules.set(name, module);
  try {
    // As an ES module, the chunk runs with `this` undefined.
    chunks[name].call(undefined, module.exports, chunkRequire, module, file, here, url, nodeRequire);
  } catch (e) {
    // A chunk that failed is not half there for the next import: that one fails the same way.
    modules.delete(name);
    throw e;
  }
  return module.exports;
}

/** The `require` of a chunk: another chunk (`./name.js`), or a Node built-in. */
function chunkRequire(id) {
  return id.startsWith("./") ? requireChunk(id.slice(2)) : nodeRequire(id);
}

export const main = requireChunk(PATHFINDER_MAIN_CHUNK).main;

/** Whether V8 took the first script's code cache (the start-up tests' check; the build checks every script, see `codeCachesAccepted`). */
export const codeCacheAccepted = accepted(scripts.get("pathfinder-cli.cjs"));

function accepted(compiled) {
  return compiled.cachedData !== undefined && !compiled.script.cachedDataRejected;
}

/** The scripts this run has loaded, and whether V8 took each one's code cache (the build's and tests' check). */
export function scriptsLoaded() {
  return [...scripts].map(([name, compiled]) => ({ name, cacheTaken: accepted(compiled) }));
}

/**
 * Build time only: whether V8 takes the code cache of every script that has one. A script that is not loaded yet is
 * compiled to find out (its chunks do not run).
 */
export function codeCachesAccepted(names) {
  return names.every((name) => accepted(scripts.get(name) ?? compile(name)));
}

/**
 * Build time only (scripts/train-code-cache.mjs): saves what V8 has compiled so far of each script loaded, except
 * those named in `skip`; returns the names of the scripts saved and skipped.
 */
export function saveCodeCaches(skip = []) {
  for (const [name, { script }] of scripts) {
    if (!skip.includes(name)) writeFileSync(join(here, `${name}.cache`), withStartFlags(() => script.createCachedData()));
  }
  return [...scripts.keys()];
}
