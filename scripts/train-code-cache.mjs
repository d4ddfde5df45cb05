// Child process of the build (see `trainCodeCache` in cli-script.mjs): runs the CLI as users run it most, then
// saves its code cache. Only what those runs compile is cached; the cache's size is what every run pays to read
// it, so the cold analysis of Python files is left out (a cold scan takes seconds; compiling it, milliseconds):
// the `fill` run, in a process of its own, fills the analysis cache that the trained warm scans then read.
// Usage: node scripts/train-code-cache.mjs fill|train <build/cli/pathfinder.js> <project> <cache dir>
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";

const [mode, loader, project, cacheDir] = process.argv.slice(2);
const { main, saveCodeCaches } = await import(pathToFileURL(loader).href);
const io = () => ({ stdout: new PassThrough().resume(), stderr: new PassThrough().resume(), env: {}, cwd: project });
const warm = ["scan", "--project", project, "--cache-dir", cacheDir, "-o", "json", "--quiet"];
const runs =
  mode === "fill"
    ? [warm]
    : [["--version"], warm, ["scan", "--project", project, "--cache-dir", cacheDir, "-o", "sarif", "--quiet"], ["scan", "--ruleset", "artifact/all", "--project", project, "--no-cache", "-o", "json", "--quiet"]];
for (const argv of runs) {
  const code = await main(argv, io());
  if (code !== 0) throw new Error(`pathfinder ${argv.join(" ")} exited with ${code}`);
}
if (mode === "train") saveCodeCaches();
