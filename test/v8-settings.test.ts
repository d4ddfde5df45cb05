// The CLI process raises V8's tiering budget (src/project/v8-settings.ts) on the V8 it was measured on, and leaves
// tiering alone when the user tunes it. Observed in the real CLI's own process: a module given with --import counts,
// when the process exits, how many calls a fresh probe function takes until V8 marks it for its top tier (V8's own
// optimisation status, --allow-natives-syntax); the count grows with the budget.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { REPO_ROOT } from "./helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "pathfinder-v8-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const probe = join(dir, "probe.mjs");
writeFileSync(
  probe,
  `process.on("exit", () => {
    const f = new Function("n", "let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) | 0; return s;");
    let calls = 0;
    // TurboFan'd (64), marked for optimisation (256, 512) or being optimised (1024).
    while (++calls < 100000 && (f(50), (%GetOptimizationStatus(f) & (64 | 256 | 512 | 1024)) === 0));
    process.stderr.write("calls-to-top-tier " + calls + "\\n");
  });\n`,
);

const project = join(REPO_ROOT, "fixtures", "PYTHON-LANG-SEC-040", "projects", "shop");
const measuredV8 = process.versions.v8.startsWith("11.3.");

/** Runs `node <flags> --import probe <args>`; returns the probe's count and the JSON report's findings. */
function run(nodeFlags: string[], args: string[]): { calls: number; findings?: string[] } {
  const r = spawnSync(process.execPath, ["--allow-natives-syntax", ...nodeFlags, "--import", probe, ...args], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  const calls = /calls-to-top-tier (\d+)/.exec(r.stderr);
  assert.ok(calls, r.stderr);
  if (!r.stdout.trimStart().startsWith("{")) return { calls: Number(calls[1]) };
  const report = JSON.parse(r.stdout) as { results: { rule_id: string; location: { file: string; line: number } }[] };
  return { calls: Number(calls[1]), findings: report.results.map((f) => `${f.rule_id} ${f.location.file}:${f.location.line}`).sort() };
}

const bin = join(REPO_ROOT, "bin", "pathfinder.js");
const scan = [bin, "scan", "--project", project, "--no-cache", "-o", "json"];

describe("V8 settings of the CLI process", () => {
  const plain = run([], ["-e", "0"]).calls;
  const defaults = run([], scan);

  it(measuredV8 ? "raises the tiering budget (a probe reaches the top tier after several times the calls)" : "keeps V8's defaults on a V8 it was not measured on", () => {
    assert.ok(plain > 1 && plain < 100000, `plain Node: ${plain}`);
    if (measuredV8) assert.ok(defaults.calls >= 4 * plain, `CLI ${defaults.calls} calls, plain Node ${plain}`);
    else assert.ok(defaults.calls <= 2 * plain, `CLI ${defaults.calls} calls, plain Node ${plain}`);
    assert.ok(defaults.findings && defaults.findings.length > 0);
  });

  it("holds for every command, --version included", () => {
    const version = run([], [bin, "--version"]).calls;
    if (measuredV8) assert.ok(version >= 4 * plain, `--version ${version} calls, plain Node ${plain}`);
    else assert.ok(version <= 2 * plain, `--version ${version} calls, plain Node ${plain}`);
  });

  it("leaves tiering to a user who tunes it on Node's command line, and finds the same", () => {
    // A tiering flag at V8's own default value: only whether the user set one matters.
    for (const flag of ["--max-inlined-bytecode-size=460", "--max_inlined_bytecode_size=460", "--interrupt-budget=67584"]) {
      const tuned = run([flag], scan);
      assert.ok(tuned.calls <= 2 * plain, `${flag}: CLI ${tuned.calls} calls, plain Node ${plain}`);
      assert.deepEqual(tuned.findings, defaults.findings, flag);
    }
  });

  it("keeps its settings with a user's flag that is not about tiering", () => {
    const other = run(["--stack-size=2000"], scan);
    if (measuredV8) assert.ok(other.calls >= 4 * plain, `CLI ${other.calls} calls, plain Node ${plain}`);
    assert.deepEqual(other.findings, defaults.findings);
  });
});

// The young generation's size when the process exits (both semi-spaces), from V8's own heap statistics.
const heapProbe = join(dir, "heap-probe.mjs");
writeFileSync(
  heapProbe,
  `import { getHeapSpaceStatistics } from "node:v8";
  process.on("exit", () => {
    const newSpace = getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
    process.stderr.write("new-space " + newSpace.space_size + "\\n");
  });\n`,
);

function newSpaceBytes(nodeFlags: string[], args: string[]): number {
  const r = spawnSync(process.execPath, [...nodeFlags, "--import", heapProbe, ...args], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  const size = /new-space (\d+)/.exec(r.stderr);
  assert.ok(size, r.stderr);
  return Number(size[1]);
}

describe("the CLI process's young generation", () => {
  // Every rule's fixtures: enough files that loading and discovery alone would let the young generation grow. Not
  // the model-file corpus: its stress files (pickle streams of millions of opcodes) let V8 grow the young generation
  // again within one file's analysis, before the growth can be stopped (see heap.ts).
  const fixtures = join(REPO_ROOT, "fixtures");
  const cached = [bin, "scan", "--project", fixtures, "--exclude", "artifact-corpus", "--cache-dir", join(dir, "cache"), "-o", "json", "--output-file", join(dir, "report.json"), "--quiet"];
  // What a process that keeps a few megabytes but never lets its young generation grow has.
  const keepsSurvivors = 'require("v8").setFlagsFromString("--semi-space-growth-factor=1"); const kept = []; for (let i = 0; i < 3e5; i++) kept.push({ i });';
  const start = newSpaceBytes([], ["-e", keepsSurvivors]);
  // Two semi-spaces of 8 MB: see ANALYSIS_SEMI_SPACE_BYTES in src/project/heap.ts.
  const analysing = 2 * (8 << 20);

  it("grows once, to the analysis's size, when Python files are analysed", () => {
    assert.ok(start < analysing, `a process that does not grow it has ${start} bytes`);
    assert.equal(newSpaceBytes([], scan), analysing);
    assert.equal(newSpaceBytes([], cached), analysing);
  });

  it("does not grow in a re-scan that analyses nothing", () => {
    newSpaceBytes([], cached);
    assert.equal(newSpaceBytes([], cached), start);
  });
});
