// Artifact part of `npm run bench`: a generated 2 GiB PyTorch-style zip checkpoint (sparse: the tensor member is
// declared, never written) and throughput over many small pickles.
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scanArtifact } from "../src/artifacts/index.js";
import { scanArtifactFiles } from "../src/project/artifacts.js";
import { openFileByteSource } from "../src/project/byte-source.js";
import { discover } from "../src/project/discover.js";

const REPO = join(import.meta.dirname, "..", "..");
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
