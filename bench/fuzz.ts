// `npm run fuzz -- --minutes N`: a fuzzing campaign against the library API. It mutates the real files of
// fixtures/ and test/data/, generates structure-aware pickles and containers (zip, tar, gzip, nested), Python
// sources (free-form, structured, and known parser pathologies), multi-module projects for the whole-program pass and
// decompression bombs, and checks that every input is handled: no exception escapes, each Python file and each
// project stays within its time budget, memory stays bounded.
// Failures are saved as reproducers under fuzz-findings/ (gitignored) with what went wrong.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { analyzeSource, memorySourceOf, scanArtifact, scanProject, toolInfo } from "./fuzz-targets.js";
import {
  anyModelBytes,
  anyPythonSource,
  BOMBS,
  container,
  modelBundle,
  mutate,
  PATHOLOGICAL_SOURCES,
  picklish,
  picklishWithPayload,
  prng,
  gitIndexProject,
  notebookProject,
  randomProject,
  structuredProgram,
} from "../test/helpers/fuzz-inputs.js";

const ROOT = join(import.meta.dirname, "..", "..");
const OUT = join(ROOT, "fuzz-findings");

/**
 * Time one Python input may take beyond its own budget before it counts as a failure. Times are CPU time of this
 * process (not wall-clock time), so that other work on a shared machine cannot fail an input that did little.
 */
const PYTHON_BUDGET_MS = 2000;
const SLACK_MS = 3000;
/** An artifact scan using more CPU time than this is a failure (the readers bound their work). */
const ARTIFACT_LIMIT_MS = 20_000;
/** Resident memory above this is a failure (the README's bound for any project is 1 GB). */
const RSS_LIMIT = 1024 * 1024 * 1024;

interface Input {
  kind: string;
  python?: string;
  bytes?: Uint8Array;
  /** The name an artifact is scanned under (formats read by name, such as ONNX, need their extension). */
  name?: string;
  /** A project's files by path. */
  project?: Record<string, string | Uint8Array>;
  /** Whether the project's scan honours `.gitignore` files (and so reads its git index). */
  gitignore?: boolean;
}

const { values } = parseArgs({ options: { minutes: { type: "string" }, seed: { type: "string" }, inputs: { type: "string" } }, strict: true });
const minutes = Number(values.minutes ?? "1");
const maxInputs = values.inputs ? Number(values.inputs) : Infinity;
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const random = prng(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

function corpus(dir: string, out: { path: string; bytes: Uint8Array }[] = []): { path: string; bytes: Uint8Array }[] {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const st = statSync(abs);
    if (st.isDirectory()) corpus(abs, out);
    else if (st.size < 2_000_000) out.push({ path: relative(ROOT, abs), bytes: readFileSync(abs) });
  }
  return out;
}

const files = [...corpus(join(ROOT, "fixtures")), ...corpus(join(ROOT, "test", "data"))];
const pythonSeeds = files.filter((f) => f.path.endsWith(".py"));
const binarySeeds = files.filter((f) => !/\.(py|ts|md|json|txt|sha256)$/.test(f.path));
/**
 * Formats with readers of their own beyond pickle containers (GGUF headers and templates, ONNX protobuf, safetensors
 * headers, model bundles whose names, links and configs are judged: 7z names and symbolic links, zip Unicode Path
 * names, NeMo 2.0 contexts).
 */
const formatSeeds = binarySeeds.filter((f) => /\.(gguf|onnx|safetensors|nemo|mar)$|[\\/](s25-|bundle-(7z|zip-unicode|nemo2))/.test(f.path));

/** Samples of a fast-check arbitrary, drawn in batches from the campaign's seed. */
function sampler<T>(arb: fc.Arbitrary<T>): () => T {
  let batch: T[] = [];
  return () => {
    if (!batch.length) batch = fc.sample(arb, { numRuns: 200, seed: Math.floor(random() * 2 ** 31) });
    return batch.pop()!;
  };
}

const generators: [string, number, () => Input][] = [
  ["python/mutated-fixture", 4, () => ({ kind: "python/mutated-fixture", python: new TextDecoder().decode(mutate(pick(pythonSeeds).bytes, random, pick(files).bytes)) })],
  ["python/free-form", 3, ((s) => () => ({ kind: "python/free-form", python: s() }))(sampler(anyPythonSource))],
  ["python/structured", 2, ((s) => () => ({ kind: "python/structured", python: s() }))(sampler(structuredProgram))],
  ["python/pathological", 0.01, () => {
    const [name, make] = pick(Object.entries(PATHOLOGICAL_SOURCES));
    return { kind: `python/pathological/${name}`, python: make(500 + Math.floor(random() * 20_000)) };
  }],
  ["project/structured", 0.3, () => ({ kind: "project/structured", project: randomProject(random) })],
  ["project/notebook", 0.5, () => ({ kind: "project/notebook", project: notebookProject(random, new TextDecoder().decode(pick(pythonSeeds).bytes), (bytes) => mutate(bytes, random, pick(files).bytes)) })],
  ["project/git-index", 0.3, () => ({ kind: "project/git-index", project: gitIndexProject(random, (bytes) => (random() < 0.2 ? bytes : mutate(bytes, random, pick(binarySeeds).bytes))), gitignore: true })],
  ["artifact/mutated-file", 4, () => {
    const seed = pick(binarySeeds);
    return { kind: "artifact/mutated-file", bytes: mutate(seed.bytes, random, pick(binarySeeds).bytes), name: `fuzz${extname(seed.path)}` };
  }],
  ["artifact/model-format", 2, () => {
    const seed = pick(formatSeeds);
    return { kind: "artifact/model-format", bytes: mutate(seed.bytes, random, pick(formatSeeds).bytes), name: `fuzz${extname(seed.path)}` };
  }],
  ["artifact/bundle", 1, ((s) => () => ({ kind: "artifact/bundle", ...s() }))(sampler(modelBundle))],
  ["artifact/pickle", 3, ((s) => () => ({ kind: "artifact/pickle", bytes: s() }))(sampler(fc.oneof(picklish, picklishWithPayload)))],
  ["artifact/container", 3, ((s) => () => ({ kind: "artifact/container", bytes: s() }))(sampler(container))],
  ["artifact/any-bytes", 2, ((s) => () => ({ kind: "artifact/any-bytes", bytes: s() }))(sampler(anyModelBytes))],
  ["artifact/bomb", 0.02, () => {
    const [name, make] = pick(Object.entries(BOMBS));
    return { kind: `artifact/bomb/${name}`, bytes: make(1 << (16 + Math.floor(random() * 12))) };
  }],
];
const totalWeight = generators.reduce((n, g) => n + g[1], 0);
function nextInput(): Input {
  let r = random() * totalWeight;
  for (const [, weight, make] of generators) if ((r -= weight) < 0) return make();
  return generators[0][2]();
}

let tried = 0;
let failures = 0;
let peakRss = 0;
let peakKind = "";
const slowest = { ms: 0, wallMs: 0, kind: "", size: 0, file: "" };
const byKind = new Map<string, number>();

function save(input: Input, label: string, detail: string): string {
  mkdirSync(OUT, { recursive: true });
  const name = `${label}-${seed}-${tried}-${input.kind.replace(/\//g, "_")}`;
  const file = join(OUT, name + (input.python !== undefined ? ".py" : input.project ? ".project.json" : ".bin"));
  // A project's binary files (a git index) are kept as `{ "base64": ... }`.
  const binary = (_key: string, value: unknown) => (value instanceof Uint8Array ? { base64: Buffer.from(value).toString("base64") } : value);
  writeFileSync(file, input.project ? JSON.stringify(input.project, binary, 1) : (input.python ?? input.bytes!));
  writeFileSync(join(OUT, name + ".txt"), `${input.kind}\n${detail}\n`);
  return relative(ROOT, file);
}

async function runOne(input: Input): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let problem: string | undefined;
  try {
    if (input.python !== undefined) {
      const result = await analyzeSource(input.python, { timeBudgetMs: PYTHON_BUDGET_MS });
      for (const f of result.findings) {
        if (!(f.location.line >= 1 && f.location.endLine >= f.location.line)) problem = `bad location ${JSON.stringify(f.location)}`;
      }
    } else if (input.project) {
      const internal = (await scanFiles(input.project, input.gitignore ?? false)).errors.filter((e) => e.kind === "internal");
      if (internal.length) problem = `internal errors: ${internal.map((e) => `${e.file}: ${e.message}`).join("; ")}`;
    } else {
      await scanArtifact(memorySourceOf(input.bytes!), input.name ?? "fuzz.bin");
    }
  } catch (e) {
    problem = `threw: ${(e as Error)?.stack ?? e}`;
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const ms = (cpu.user + cpu.system) / 1000;
  const size = input.python?.length ?? input.bytes?.length ?? projectSize(input.project!);
  const limit = input.python !== undefined ? PYTHON_BUDGET_MS + size * 0.002 + SLACK_MS : input.project ? projectLimitMs(input.project) : ARTIFACT_LIMIT_MS;
  if (!problem && ms > limit) problem = `took ${ms.toFixed(0)} ms of CPU time (limit ${limit.toFixed(0)} ms; ${wallMs.toFixed(0)} ms wall-clock)`;
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) {
    peakRss = rss;
    peakKind = input.kind;
  }
  if (!problem && rss > RSS_LIMIT) problem = `resident memory ${(rss / 2 ** 20).toFixed(0)} MB`;
  tried++;
  byKind.set(input.kind.split("/").slice(0, 2).join("/"), (byKind.get(input.kind.split("/").slice(0, 2).join("/")) ?? 0) + 1);
  if (ms > slowest.ms) {
    slowest.ms = ms;
    slowest.wallMs = wallMs;
    slowest.kind = input.kind;
    slowest.size = size;
    slowest.file = save(input, "slowest", `${ms.toFixed(0)} ms of CPU time, ${wallMs.toFixed(0)} ms wall-clock`);
  }
  if (problem) {
    failures++;
    const file = save(input, "failure", problem);
    console.log(`FAILURE ${input.kind} (${size} bytes): ${problem.split("\n")[0]} -> ${file}`);
  }
}

/** Scans a project written to a temporary folder, as a user would: the first pass, the whole-program pass, the rules. */
async function scanFiles(project: Record<string, string | Uint8Array>, gitignore: boolean) {
  const dir = mkdtempSync(join(tmpdir(), "pathfinder-fuzz-"));
  try {
    for (const [path, text] of Object.entries(project)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const options = { include: [], exclude: [], skipTests: false, gitignore, maxFileSize: 5_000_000, jobs: 0 };
    return await scanProject({ ...options, target: dir, rulesets: [], tool: toolInfo(), fileTimeoutMs: PYTHON_BUDGET_MS });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function projectSize(project: Record<string, string | Uint8Array>): number {
  return Object.values(project).reduce((n, text) => n + text.length, 0);
}

/**
 * What a project may take: every file its budget in the first pass, the whole-program pass its own (which stops
 * starting analyses when spent, so one more file's budget), and the slack.
 */
function projectLimitMs(project: Record<string, string | Uint8Array>): number {
  const files = Object.values(project);
  const perFile = files.reduce((n, text) => n + PYTHON_BUDGET_MS + text.length * 0.002, 0);
  return perFile + PYTHON_BUDGET_MS + projectSize(project) * 0.002 + Math.max(...files.map((t) => PYTHON_BUDGET_MS + t.length * 0.002)) + SLACK_MS;
}

function figures(): string {
  return (
    `inputs tried: ${tried}, failures: ${failures}, slowest input: ${slowest.ms.toFixed(0)} ms CPU, ${slowest.wallMs.toFixed(0)} ms wall (${slowest.kind}, ${slowest.size} bytes, ${slowest.file}), ` +
    `peak memory: ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MB (resident, reached after ${peakKind || "start-up"})`
  );
}

console.log(`pathfinder fuzz: seed ${seed}, ${minutes} minute(s), ${pythonSeeds.length} Python and ${binarySeeds.length} binary seed files`);
const deadline = Date.now() + minutes * 60_000;
let lastReport = Date.now();
while (Date.now() < deadline && tried < maxInputs) {
  await runOne(nextInput());
  if (Date.now() - lastReport > 30_000) {
    lastReport = Date.now();
    console.log(`... ${figures()}`);
  }
}
console.log(`by generator: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ")}`);
console.log(`pathfinder fuzz: ${figures()}`);
process.exitCode = failures ? 1 : 0;
