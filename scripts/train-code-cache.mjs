// Child process of the build (see `trainCodeCache` in cli-script.mjs): runs the CLI as users run it most, then
// saves the code caches of the scripts they loaded. Only what those runs compile is cached; a cache's size is what
// every run that loads its script pays to read it, so the cold analysis of a whole project is left out (a cold scan
// takes seconds; compiling it, milliseconds): the `fill` run, in a process of its own, fills the analysis cache that
// the trained warm scans then read. The Python analysis has a script of its own (see cli-script.mjs), loaded only
// when a file is analysed: after the other caches are saved, a re-scan with one file changed trains its cache.
// Usage: node scripts/train-code-cache.mjs fill|train <build/cli/pathfinder.js> <project> <cache dir>
import { appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";

const [mode, loader, project, cacheDir] = process.argv.slice(2);
const { main, saveCodeCaches } = await import(pathToFileURL(loader).href);
const io = () => ({ stdout: new PassThrough().resume(), stderr: new PassThrough().resume(), env: {}, cwd: project });
const warm = ["scan", "--project", project, "--cache-dir", cacheDir, "-o", "json", "--quiet"];
async function run(argv) {
  const code = await main(argv, io());
  if (code !== 0) throw new Error(`pathfinder ${argv.join(" ")} exited with ${code}`);
}
if (mode === "fill") {
  await run(warm);
} else {
  // What every run and a warm re-scan (JSON, and text: the default) load is saved with only what these runs compiled: V8
  // deserialises a whole cache when it loads its script, and code only the scans below run (the model-file and
  // other-language paths of the scan script) made the scan script's cache cost a warm re-scan of CPython's standard
  // library 251 pages of fresh memory and ~20 ms instead of 146 pages and ~10 ms (those runs compile it when they
  // need it, a few milliseconds in scans of seconds).
  for (const argv of [["--version"], warm, ["scan", "--project", project, "--cache-dir", cacheDir, "--quiet"]]) await run(argv);
  let saved = saveCodeCaches();
  await run(["scan", "--project", project, "--cache-dir", cacheDir, "-o", "sarif", "--quiet"]);
  await run(["scan", "--ruleset", "artifact/all", "--project", project, "--no-cache", "-o", "json", "--quiet"]);
  // The Java, C# and PHP rules, whose metadata a scan without a cache reads from their script.
  await run(["scan", "--ruleset", "java/all", "--ruleset", "csharp/all", "--ruleset", "php/all", "--project", project, "--no-cache", "-o", "json", "--quiet"]);
  saved = saveCodeCaches(saved);
  const python = readdirSync(project, { recursive: true }).filter((f) => f.endsWith(".py")).sort()[0];
  appendFileSync(join(project, python), "\n# changed\n");
  await run(warm);
  // The analysis has set heap flags: the loader saves the cache under the flags a run starts with, as it compiles.
  saveCodeCaches(saved);
}
