// Child process of the benchmark: the command users run, `pathfinder scan --project <target> -o json`, through the
// bundled CLI that bin/pathfinder.js loads (build/cli), in this process so that it can report its own peak memory.
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";

// Extra arguments after the target are passed on (`--no-cache`, `--cache-dir DIR`, `--jobs N`).
const [target, ...extra] = process.argv.slice(2);
const started = performance.now();
const cli = (await import(new URL("../../build/cli/pathfinder.js", import.meta.url).href)) as {
  main(argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv; cwd: string }): Promise<number>;
};
const reportFile = join(tmpdir(), `pathfinder-bench-report-${process.pid}.json`);
const args = ["scan", "--project", target, "--output", "json", "--output-file", reportFile, "--quiet", ...extra];
const code = await cli.main(args, { stdout: new PassThrough(), stderr: process.stderr, env: process.env, cwd: process.cwd() });
const ms = performance.now() - started;
if (code !== 0) throw new Error(`pathfinder scan exited with ${code}`);
const report = JSON.parse(readFileSync(reportFile, "utf8")) as {
  scan: { files_scanned: number };
  results: { rule_id: string; location: { file: string; line: number } }[];
  errors: unknown[];
};
rmSync(reportFile, { force: true });
const hits = report.results.map((r) => ({ file: r.location.file, line: r.location.line, rule: r.rule_id }));
process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, filesScanned: report.scan.files_scanned, hits, errors: report.errors.length }));
