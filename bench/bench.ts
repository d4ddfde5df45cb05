// npm run bench: Pathfinder against ruff (S301,S302, WebAssembly build) on CPython's standard library.
// Both tools run in fresh child processes on the same file list; wall time includes process start-up.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discover } from "../src/project/discover.js";
import { benchArtifacts } from "./artifacts.js";
import { checkFlowSummaries, printFlowSummaryCheck } from "./flow-summaries.js";
import { benchLanguages } from "./languages.js";
import { benchPartialParse } from "./partial-parse.js";
import { benchWarm } from "./warm.js";

interface ChildResult<H> {
  wallMs: number;
  ms: number;
  maxRssKb: number;
  hits: H[];
  filesScanned?: number;
}

const here = import.meta.dirname;
const stdlib = process.env.BENCH_TARGET ?? execFileSync("python3", ["-c", 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: "utf8" }).trim();
const runs = Number(process.env.BENCH_RUNS ?? 5);

function runChild<H>(script: string, args: string[]): ChildResult<H> {
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(here, script), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return { wallMs, ...JSON.parse(r.stdout) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const { files } = await discover(stdlib, { include: [], exclude: [], skipTests: false, gitignore: true });
const python = files.filter((f) => f.kind === "python");
const totalBytes = python.reduce((n, f) => n + statSync(f.absPath).size, 0);
const listFile = join(tmpdir(), `pathfinder-bench-${process.pid}.json`);
writeFileSync(listFile, JSON.stringify(python.map((f) => ({ abs: f.absPath, rel: f.relPath }))));

console.log(`Target: ${stdlib}`);
console.log(`Files: ${python.length} Python files, ${(totalBytes / 1024 / 1024).toFixed(1)} MB; ${runs} runs each, median reported\n`);

type RuffHit = { file: string; line: number; code: string };
type OurHit = { file: string; line: number; rule: string };
const ours: ChildResult<OurHit>[] = [];
const ruff: ChildResult<RuffHit>[] = [];
for (let i = 0; i < runs; i++) {
  ours.push(runChild<OurHit>("pathfinder-scan.js", [stdlib, "--no-cache"]));
  ruff.push(runChild<RuffHit>("ruff-check.js", [listFile]));
}

const row = (name: string, rs: ChildResult<unknown>[]) => {
  const wall = median(rs.map((r) => r.wallMs));
  const rss = Math.max(...rs.map((r) => r.maxRssKb)) / 1024;
  return { name, wall, rss, filesPerSec: python.length / (wall / 1000), mbPerSec: totalBytes / 1024 / 1024 / (wall / 1000) };
};
const a = row("pathfinder scan (default rules)", ours);
const b = row("ruff-wasm S301,S302", ruff);
console.log("tool                              wall ms   files/s     MB/s   peak RSS MB");
for (const r of [a, b]) {
  console.log(`${r.name.padEnd(32)} ${r.wall.toFixed(0).padStart(8)} ${r.filesPerSec.toFixed(0).padStart(9)} ${r.mbPerSec.toFixed(1).padStart(8)} ${r.rss.toFixed(0).padStart(12)}`);
}
const ratio = a.wall / b.wall;
console.log(`\nWall-time ratio pathfinder/ruff-wasm: ${ratio.toFixed(2)} (target <= 0.50: ${ratio <= 0.5 ? "met" : "NOT met"})`);
console.log(`Peak memory: ${a.rss.toFixed(0)} MB (target < 250 MB: ${a.rss < 250 ? "met" : "NOT met"})`);
if (ours[0].filesScanned !== python.length) console.log(`note: pathfinder scanned ${ours[0].filesScanned} files, ruff ${python.length}`);

// Agreement: every call ruff flags must be flagged by a default scan (same file and line).
const ourLines = new Set(ours[0].hits.map((h) => `${h.file}:${h.line}`));
const byCode = new Map<string, { total: number; missed: string[] }>();
for (const h of ruff[0].hits.filter((x) => x.code === "S301" || x.code === "S302")) {
  const source = readFileSync(join(stdlib, h.file), "utf8").split("\n")[h.line - 1] ?? "";
  const family = h.code === "S302" ? "marshal" : /dill/.test(source) ? "dill" : /shelve/.test(source) ? "shelve" : /jsonpickle/.test(source) ? "jsonpickle" : /read_pickle/.test(source) ? "pandas" : "pickle";
  const key = `${h.code} ${family}`;
  const entry = byCode.get(key) ?? { total: 0, missed: [] };
  entry.total++;
  if (!ourLines.has(`${h.file}:${h.line}`)) entry.missed.push(`${h.file}:${h.line}: ${source.trim()}`);
  byCode.set(key, entry);
}
console.log("\nAgreement with ruff (calls ruff flags that pathfinder also flags):");
for (const [key, e] of [...byCode].sort()) {
  console.log(`  ${key.padEnd(20)} ${e.total - e.missed.length}/${e.total}`);
  for (const m of e.missed.slice(0, 10)) console.log(`      missed ${m}`);
}
const ruffLines = new Set(ruff[0].hits.filter((h) => h.code !== "invalid-syntax").map((h) => `${h.file}:${h.line}`));
const extra = ours[0].hits.filter((h) => !ruffLines.has(`${h.file}:${h.line}`));
const extraByRule = new Map<string, number>();
for (const h of extra) extraByRule.set(h.rule, (extraByRule.get(h.rule) ?? 0) + 1);
console.log(`Pathfinder findings ruff does not report: ${extra.length} (${[...extraByRule].map(([r, n]) => `${r} ${n}`).join(", ") || "none"})`);

await benchWarm();
await benchPartialParse(python.map((f) => ({ abs: f.absPath, rel: f.relPath })));
printFlowSummaryCheck(stdlib, await checkFlowSummaries(stdlib));
await benchArtifacts();
await benchLanguages(process.env.BENCH_LANGUAGES, runs);
