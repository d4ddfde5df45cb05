// build/cli/pathfinder.js: loads the CLI script beside it (see scripts/cli-script.mjs) with V8's code cache, and
// exports its `main`. Bundled with the V8 settings it makes (src/project/v8-settings.ts) into build/cli/pathfinder.js.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { tuneV8ForScans } from "../src/project/v8-settings.js";

// Before the script is compiled: its code cache is keyed to V8's flags, and the build trains it through this loader.
tuneV8ForScans();

const file = fileURLToPath(new URL("./pathfinder-cli.cjs", import.meta.url));
const cacheFile = `${file}.cache`;

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache (not built, or not trained): the script is compiled as any module would be.
}
// esbuild writes ASCII only, so the one-byte string is exact, and cheaper to make than a UTF-8 decoding. The file is
// one function expression (see SCRIPT_PARAMETERS in scripts/cli-script.mjs).
const source = readFileSync(file, "latin1");
const script = new Script(source, { filename: file, cachedData });
const module = { exports: {} };
const require = createRequire(file);
script.runInThisContext()(module.exports, require, module, file, dirname(file), pathToFileURL(file).href, require);

export const main = module.exports.main;

/** Whether V8 took the code cache (build time: the check after training, see `trainCodeCache`). */
export const codeCacheAccepted = cachedData !== undefined && !script.cachedDataRejected;

/** Build time only (scripts/train-code-cache.mjs): saves what V8 has compiled of the script so far. */
export function saveCodeCache() {
  writeFileSync(cacheFile, script.createCachedData());
}
