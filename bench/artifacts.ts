// Artifact part of `npm run bench`: a generated 2 GiB PyTorch-style zip checkpoint (sparse: the tensor member is
// declared, never written) and throughput over many small pickles.
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { scanArtifact } from "../src/artifacts/index.js";
import { scanArtifactFiles } from "../src/project/artifacts.js";
import { openFileByteSource } from "../src/project/byte-source.js";
import { discover } from "../src/project/discover.js";

const REPO = join(import.meta.dirname, "..", "..");
const CORPUS = join(REPO, "fixtures", "artifact-corpus");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PICKLES = join(REPO, "test", "data", "pickle");
const TENSOR_BYTES = 2 * 1024 * 1024 * 1024;

/** Writes a zip (stored members, CRCs 0) whose tensor member is a hole: the file is sparse on disk. */
function writeSparseCheckpoint(path: string, dataPkl: Uint8Array): void {
  const fd = openSync(path, "w");
  const central: Buffer[] = [];
  let offset = 0;
  const member = (name: string, size: number, data?: Uint8Array) => {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    writeSync(fd, Buffer.concat([local, nameBytes]), 0, 30 + nameBytes.length, offset);
    if (data) writeSync(fd, data, 0, data.length, offset + 30 + nameBytes.length);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(size, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(Buffer.concat([c, nameBytes]));
    offset += 30 + nameBytes.length + size;
  };
  member("archive/data.pkl", dataPkl.length, dataPkl);
  member("archive/data/0", TENSOR_BYTES);
  member("archive/version", 1, Buffer.from("3"));
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(central.length, 8);
  eocd.writeUInt16LE(central.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  writeSync(fd, Buffer.concat([cd, eocd]), 0, cd.length + 22, offset);
  closeSync(fd);
}

export async function benchArtifacts(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "pathfinder-bench-artifacts-"));
  try {
    console.log("\nModel and data files");
    const checkpoint = join(dir, "model.pt");
    writeSparseCheckpoint(checkpoint, readFileSync(join(PICKLES, "benign-torch-state-dict-p2.pkl")));
    const source = await openFileByteSource(checkpoint);
    const started = performance.now();
    const result = await scanArtifact(source, "model.pt");
    const judged = performance.now() - started;
    await source.close();
    const inspect = spawnSync(process.execPath, [join(REPO, "bin", "pathfinder.js"), "inspect", checkpoint], { encoding: "utf8" });
    const cliStarted = performance.now();
    spawnSync(process.execPath, [join(REPO, "bin", "pathfinder.js"), "inspect", checkpoint], { encoding: "utf8" });
    const cliMs = performance.now() - cliStarted;
    console.log(
      `  2 GiB PyTorch zip checkpoint: judged in ${judged.toFixed(1)} ms in-process, ${cliMs.toFixed(0)} ms as \`pathfinder inspect\` ` +
        `(findings: ${result.findings.length}, exit ${inspect.status}; target: well under 1 s)`,
    );

    // A 2 GiB file of other data named like a checkpoint: judged by its first bytes, never read whole.
    const other = join(dir, "weights.bin");
    const fd = openSync(other, "w");
    ftruncateSync(fd, TENSOR_BYTES);
    closeSync(fd);
    const otherSource = await openFileByteSource(other);
    let otherRead = 0;
    const counted = {
      size: otherSource.size,
      read: async (offset: number, length: number) => {
        const bytes = await otherSource.read(offset, length);
        otherRead += bytes.length;
        return bytes;
      },
    };
    const otherStarted = performance.now();
    await scanArtifact(counted, "weights.bin");
    console.log(
      `  2 GiB non-model file named weights.bin: judged in ${(performance.now() - otherStarted).toFixed(1)} ms, ` +
        `${(otherRead / 1024 / 1024).toFixed(1)} MiB read (target: its header only)`,
    );
    await otherSource.close();

    const samples = readdirSync(PICKLES).filter((f) => f.endsWith(".pkl"));
    const small = join(dir, "small");
    mkdirSync(small);
    for (let i = 0; i < 1000; i++) copyFileSync(join(PICKLES, samples[i % samples.length]), join(small, `p${i}.pkl`));
    // The scanner's own path for artifacts found in a project (it runs on the main thread: one core).
    const { files } = await discover(small, { include: [], exclude: [], skipTests: false, gitignore: false });
    const t0 = performance.now();
    const scanned = await scanArtifactFiles(files, {});
    const perSecond = scanned.scanned / ((performance.now() - t0) / 1000);
    const dangerous = new Set(scanned.findings.map((f) => f.location.file)).size;
    console.log(`  1,000 small pickles on one core: ${perSecond.toFixed(0)} files/s (${scanned.scanned} scanned, ${dangerous} with findings; target >= 1,000/s per core)`);
    benchMixedFolder(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ProcessRun {
  ms: number;
  /** CPU time (user + system) of the child, where the platform tells (Linux); NaN elsewhere. */
  cpuMs: number;
  stdout: string;
  stderr: string;
}

/** CPU time of this process's waited-for children so far (Linux /proc; NaN elsewhere). */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /s, "").split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in 1/100 s clock ticks
  } catch {
    return Number.NaN;
  }
}

function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: "utf8", env, maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - started, cpuMs: childrenCpuMs() - cpuBefore, stdout: run.stdout ?? "", stderr: run.stderr ?? "" };
}

/**
 * The scan's own cost in a fresh process, JIT cold as users meet it: the bundled CLI's main() from its call to its
 * return, without node's start-up and the bundle's loading.
 */
function firstScanInProcess(mixed: string): number {
  const cli = pathToFileURL(join(REPO, "build", "cli", "pathfinder.js")).href;
  const argv = ["scan", "--ruleset", "artifact/all", "--project", mixed, "--no-cache", "-o", "json"];
  const script = [
    `import { PassThrough } from "node:stream";`,
    `const cli = await import(${JSON.stringify(cli)});`,
    `const stdout = new PassThrough(); stdout.resume();`,
    `const started = performance.now();`,
    `await cli.main(${JSON.stringify(argv)}, { stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });`,
    `process.stdout.write(String(performance.now() - started));`,
  ].join("\n");
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  return Number(run.stdout);
}

/** Archive names picklescan opens with a library of its own (7z, zip, tar). */
const ARCHIVE_NAME = /\.(?:7z|zip|tar|tgz|gz|nemo|mar|keras)$/i;

/** The archives of `folder` that picklescan, run on each alone, stops at (asked only when it stopped on the folder). */
function archivesPicklescanCannotRead(folder: string, picklescan: (path: string) => ProcessRun, stops: (run: ProcessRun) => boolean): string[] {
  return readdirSync(folder)
    .filter((name) => ARCHIVE_NAME.test(name) && stops(picklescan(join(folder, name))))
    .sort();
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * A folder of the committed real-library corpus and red-team corpus (a few hundred files), scanned whole-process by
 * `pathfinder scan` and by picklescan run from its public source (PICKLESCAN_SRC: the `src` folder of a checkout of
 * github.com/mmaitre314/picklescan), interleaved in the same run, with what each catches.
 */
function benchMixedFolder(dir: string): void {
  const mixed = join(dir, "mixed");
  mkdirSync(mixed);
  const kinds = new Map<string, "real" | "attack">();
  for (const [sub, kind] of [["real", "real"], ["attacks", "attack"]] as const) {
    for (const name of readdirSync(join(CORPUS, sub)).filter((f) => f !== "MANIFEST.md")) {
      const target = `${kind}-${name}`;
      copyFileSync(join(CORPUS, sub, name), join(mixed, target));
      kinds.set(target, kind);
    }
  }
  const attacks = [...kinds.values()].filter((k) => k === "attack").length;
  const real = kinds.size - attacks;
  const src = process.env.PICKLESCAN_SRC;
  const python = process.env.PYTHON ?? "python3";
  const ours: ProcessRun[] = [];
  const theirs: ProcessRun[] = [];
  const firstScans: number[] = [];
  const picklescan = (path: string) => timed(python, ["-m", "picklescan", "--path", path], { ...process.env, PYTHONPATH: src });
  // picklescan aborts the whole folder at an archive it cannot open (py7zr refuses a 7z member named outside the
  // folder): such files are left out of its runs, and counted as missed.
  const stopsWithTraceback = (run: ProcessRun) => /^Traceback \(most recent call last\)/m.test(run.stdout + run.stderr);
  const crashesPicklescan = src && stopsWithTraceback(picklescan(mixed)) ? archivesPicklescanCannotRead(mixed, picklescan, stopsWithTraceback) : [];
  const theirFolder = join(dir, "mixed-for-picklescan");
  if (crashesPicklescan.length) {
    mkdirSync(theirFolder);
    for (const name of kinds.keys()) if (!crashesPicklescan.includes(name)) copyFileSync(join(mixed, name), join(theirFolder, name));
  }
  for (let i = 0; i < RUNS; i++) {
    ours.push(timed(process.execPath, [join(REPO, "bin", "pathfinder.js"), "scan", "--ruleset", "artifact/all", "--project", mixed, "--no-cache", "-o", "json"]));
    if (src) theirs.push(picklescan(crashesPicklescan.length ? theirFolder : mixed));
    firstScans.push(firstScanInProcess(mixed));
  }
  const flagged = new Set<string>();
  for (const f of JSON.parse(ours[0]!.stdout).results as { severity: string; location: { file: string } }[]) {
    if (f.severity === "critical" || f.severity === "high") flagged.add(f.location.file);
  }
  const count = (set: Set<string>, kind: "real" | "attack") => [...set].filter((f) => kinds.get(f) === kind).length;
  console.log(`  Mixed folder (${kinds.size} files: ${real} real library files, ${attacks} attacks), whole process, median of ${RUNS}:`);
  console.log(`    pathfinder scan   ${median(ours.map((r) => r.ms)).toFixed(0).padStart(6)} ms  attacks caught at error ${count(flagged, "attack")}/${attacks}, real files flagged ${count(flagged, "real")}/${real}`);
  console.log(`      of which the scan itself (main() of the CLI in a fresh process, without start-up): ${median(firstScans).toFixed(0)} ms`);
  if (!src) {
    console.log("    picklescan        skipped (set PICKLESCAN_SRC to the src folder of a picklescan checkout)");
    return;
  }
  // picklescan stops at the first file it cannot read when a module it imports for that format is missing (numpy,
  // py7zr), printing the traceback among its results and exiting 0: a time and a count from such a run say nothing.
  const crashed = theirs.find(stopsWithTraceback);
  if (crashed) {
    const reason = (crashed.stdout + crashed.stderr).trim().split("\n").filter((line) => /^\w*(Error|Exception)\b/.test(line)).pop();
    console.log(`    picklescan        failed, not compared: ${reason} (run it with a Python that has its optional modules)`);
    return;
  }
  const infected = new Set<string>();
  for (const line of theirs[0]!.stdout.split("\n")) {
    const m = /^(.*?): dangerous import /.exec(line);
    if (m) infected.add(m[1]!.split("/").pop()!.split(":")[0]!);
  }
  const ratio = median(ours.map((r) => r.ms)) / median(theirs.map((r) => r.ms));
  console.log(`    picklescan        ${median(theirs.map((r) => r.ms)).toFixed(0).padStart(6)} ms  attacks caught ${count(infected, "attack")}/${attacks}, real files flagged ${count(infected, "real")}/${real}`);
  if (crashesPicklescan.length) {
    console.log(`      (picklescan stops with a traceback at ${crashesPicklescan.length} archive(s), left out of its runs and counted as missed: ${crashesPicklescan.join(", ")})`);
  }
  console.log(`    wall-time ratio pathfinder/picklescan: ${ratio.toFixed(2)} (target <= 1.00: ${ratio <= 1 ? "met" : "NOT met"})`);
  // On a shared machine wall time follows the load; CPU time is steadier.
  const cpuRatio = median(ours.map((r) => r.cpuMs)) / median(theirs.map((r) => r.cpuMs));
  if (Number.isFinite(cpuRatio)) {
    console.log(
      `    CPU time (user + system), median: pathfinder ${median(ours.map((r) => r.cpuMs)).toFixed(0)} ms, picklescan ` +
        `${median(theirs.map((r) => r.cpuMs)).toFixed(0)} ms, ratio ${cpuRatio.toFixed(2)}`,
    );
  }
}
