// The bounded bzip2 and LZMA/xz decoders on long runs and repeated patterns (test/data/codec-runs, written by Python's
// bz2 and lzma: scripts/artifacts/gen-codec-runs.py): runs are written in blocks, matches copied by period, and
// zeros never written, and the bytes must be the same as Python's whole and cut at any cap.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memorySource, scanArtifact } from "../src/artifacts/index.js";
import { decompress, type Compression } from "../src/artifacts/containers/decompress.js";

const DATA = join(import.meta.dirname, "..", "..", "test", "data", "codec-runs");
const read = (name: string) => new Uint8Array(readFileSync(join(DATA, name)));

/** The bytes gen-codec-runs.py compressed. */
function runsPattern(): Uint8Array {
  const repeat = (unit: number[], times: number) => {
    const out = new Uint8Array(unit.length * times);
    for (let i = 0; i < out.length; i++) out[i] = unit[i % unit.length]!;
    return out;
  };
  const parts = [
    new Uint8Array([0x80, 0x04, 0x95]),
    new Uint8Array(3 << 20),
    repeat([0x4e, 0x50], 1 << 20),
    new Uint8Array(100),
    repeat([0x61, 0x62, 0x63], 300_000),
    new Uint8Array(5 << 20),
    repeat(Array.from({ length: 256 }, (_, i) => i), 4000),
    new Uint8Array(9 << 20),
    repeat([1], 1 << 20),
    new Uint8Array([0x2e]),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const FILES: [string, Compression][] = [["runs.bz2", "bz2"], ["runs.xz", "xz"], ["runs-delta.xz", "xz"], ["runs.lzma", "lzma"]];

describe("bzip2 and LZMA runs and repeats", () => {
  const want = runsPattern();
  for (const [name, format] of FILES) {
    it(`${name}: the bytes Python compressed, whole and cut at caps around each run`, async () => {
      const whole = await decompress(format, memorySource(read(name)), { limit: 64 << 20 });
      assert.equal(whole.error, undefined);
      assert.equal(whole.limitReached, false);
      assert.equal(whole.bytes.length, want.length);
      assert.ok(Buffer.from(whole.bytes).equals(Buffer.from(want)), "same bytes");
      // (A cap under the compressed size is refused before decoding.)
      for (const cap of [4096, 4097, (3 << 20) + 3, (3 << 20) + 4, (5 << 20) + 104, 6_000_001, 16 << 20, (16 << 20) + 1, want.length - 1]) {
        const cut = await decompress(format, memorySource(read(name)), { limit: cap });
        assert.equal(cut.limitReached, true, `cap ${cap}`);
        assert.equal(cut.bytes.length, cap, `cap ${cap}`);
        assert.ok(Buffer.from(cut.bytes).equals(Buffer.from(want.subarray(0, cap))), `cap ${cap}: a prefix of the bytes`);
      }
    });
  }

  for (const [name, format] of [["zeros.bz2", "bz2"], ["zeros.xz", "xz"]] as const) {
    it(`${name}: a bomb of zeros decodes to the cap without touching its pages`, async () => {
      // Writing (or reading) every byte of a 64 MiB output faults in 16,384 pages; the zeros are never written.
      const before = process.resourceUsage().minorPageFault;
      const result = await decompress(format, memorySource(read(name)), { limit: 48 << 20 });
      const faults = process.resourceUsage().minorPageFault - before;
      assert.equal(result.limitReached, true);
      assert.equal(result.bytes.length, 48 << 20);
      assert.ok(faults < 3000, `${faults} page faults`);
      assert.ok(result.bytes.every((b) => b === 0));
    });
  }

  it("a bzip2 pickle bomb (300 MiB of zeros in one operand) is scanned to the limit without touching the zeros' pages", async () => {
    // Decoded to the 256 MiB limit, then searched for joblib's wrapper name: that search reads no known zero tail.
    const before = process.resourceUsage().minorPageFault;
    const result = await scanArtifact(memorySource(read("pickle-zeros.pkl.bz2")), "model.pkl.bz2");
    const faults = process.resourceUsage().minorPageFault - before;
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.severity}`), ["PICKLE-ARTIFACT-007 medium"]);
    assert.match(result.findings[0]!.message, /possible decompression bomb/);
    assert.ok(faults < 16384, `${faults} page faults (the output's pages: 65,536)`);
  });
});
