// Java, C# and PHP lines of `npm run bench`: the command users run on real projects of each language, given as
// BENCH_LANGUAGES="java=/path/to/project;csharp=/path;php=/path" (the benchmark fetches nothing itself).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { discover } from "../src/project/discover.js";
import { LANGUAGES } from "../src/rules/languages.js";

export async function benchLanguages(spec: string | undefined, runs: number): Promise<void> {
  const targets = (spec ?? "").split(";").map((s) => s.trim()).filter(Boolean).map((s) => s.split("=", 2) as [string, string]);
  if (!targets.length) {
    console.log('\nJava, C# and PHP: set BENCH_LANGUAGES="java=DIR;csharp=DIR;php=DIR" to time real projects');
    return;
  }
  console.log("\nJava, C# and PHP (pathfinder scan --ruleset <language>/all on a real project)");
  console.log("language  project                          files   wall ms   files/s   findings");
  for (const [id, dir] of targets) {
    const language = LANGUAGES.find((l) => l.id === id);
    if (!language) throw new Error(`BENCH_LANGUAGES: unknown language "${id}"`);
    const { files } = await discover(dir, { include: [], exclude: [], skipTests: false, gitignore: true });
    const own = files.filter((f) => language.extensions.some((e) => f.relPath.toLowerCase().endsWith(e))).length;
    const walls: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const r = spawnSync(process.execPath, [join(import.meta.dirname, "..", "..", "bin", "pathfinder.js"), "scan", "--project", dir, "--ruleset", `${id}/all`, "--output", "json", "--quiet"], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      walls.push(performance.now() - started);
      if (r.status !== 0) throw new Error(`pathfinder scan of ${dir} exited with ${r.status}: ${r.stderr}`);
      findings = (JSON.parse(r.stdout) as { results: unknown[] }).results.length;
    }
    const wall = [...walls].sort((a, b) => a - b)[Math.floor(walls.length / 2)];
    const name = dir.split("/").filter(Boolean).pop() ?? dir;
    console.log(`${id.padEnd(8)}  ${name.padEnd(32)} ${String(own).padStart(5)}  ${wall.toFixed(0).padStart(8)}  ${(own / (wall / 1000)).toFixed(0).padStart(8)}  ${String(findings).padStart(9)}`);
  }
}
