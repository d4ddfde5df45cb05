// A model-file scan holds V8 below its top tier (TurboFan) while its work is short, allows it again as soon as a
// piece is heavy, and always when the scan ends; a user's own tiering flags are left alone. Observed in a child
// process through V8's own optimisation status of a probe function (--allow-natives-syntax).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const BUILD = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "pathfinder-jit-"));
after(() => rmSync(dir, { recursive: true, force: true }));

// A small pickle (protocol 2, a list of ints) and a 2 MiB one (a long bytes value): real pickle bytes.
const small = Buffer.from([0x80, 0x02, 0x5d, 0x71, 0x00, 0x28, 0x4b, 0x01, 0x4b, 0x02, 0x65, 0x2e]);
const bigPayload = Buffer.alloc(2 * 1024 * 1024, 0x61);
const big = Buffer.concat([Buffer.from([0x80, 0x03, 0x42]), Buffer.from(Uint32Array.of(bigPayload.length).buffer), bigPayload, Buffer.from([0x2e])]);

/** Scans the given files one after the other; prints whether the probe reached TurboFan after each file and at the end. */
function probe(names: string[], nodeFlags: string[] = []): string[] {
  const script = `
    import { statSync } from "node:fs";
    const { scanArtifactFiles } = await import(${JSON.stringify(pathToFileURL(join(BUILD, "src", "project", "artifacts.js")).href)});
    function topTier() {
      const f = new Function("x", "return x * 2 + 1");
      %PrepareFunctionForOptimization(f); f(1); f(2); %OptimizeFunctionOnNextCall(f); f(3);
      return (%GetOptimizationStatus(f) & 64) !== 0 ? "turbofan" : "held";
    }
    const files = ${JSON.stringify(names.map((n) => join(dir, n)))}.map((absPath) => ({ absPath, relPath: absPath.split("/").pop(), size: statSync(absPath).size, kind: "other" }));
    const seen = [];
    const result = await scanArtifactFiles(files, {}, () => seen.push(topTier()));
    seen.push("end:" + topTier(), "scanned:" + result.scanned);
    console.log(JSON.stringify(seen));`;
  const run = spawnSync(process.execPath, ["--allow-natives-syntax", ...nodeFlags, "--input-type=module", "-e", script], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as string[];
}

describe("the JIT's top tier during a model-file scan", () => {
  writeFileSync(join(dir, "a.pkl"), small);
  writeFileSync(join(dir, "b.pkl"), small);
  writeFileSync(join(dir, "big.pkl"), big);

  it("is held while the files are small and allowed again when the scan ends", () => {
    assert.deepEqual(probe(["a.pkl", "b.pkl"]), ["held", "held", "end:turbofan", "scanned:2"]);
  });

  it("is allowed from the first heavy piece on", () => {
    assert.deepEqual(probe(["a.pkl", "big.pkl", "b.pkl"]), ["held", "turbofan", "turbofan", "end:turbofan", "scanned:3"]);
  });

  it("is allowed for a small compressed file whose decoded stream is heavy", () => {
    const gz = gzipSync(big);
    writeFileSync(join(dir, "big.pkl.gz"), gz);
    assert.ok(gz.length < 64 * 1024);
    assert.deepEqual(probe(["a.pkl", "big.pkl.gz"]), ["held", "turbofan", "end:turbofan", "scanned:2"]);
  });

  it("is left to the user's own V8 tiering flags", () => {
    assert.deepEqual(probe(["a.pkl", "b.pkl"], ["--max-opt=999"]), ["turbofan", "turbofan", "end:turbofan", "scanned:2"]);
  });
});
