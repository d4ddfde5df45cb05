// Hostile archives stay bounded: decompression bombs spend per-file and scan-wide budgets (and cannot hide the
// files after them), a 3,000-member archive yields one warning per kind and aggregated findings.
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { deflateRawSync, gzipSync } from "node:zlib";
import { scanArtifactFiles } from "../src/project/artifacts.js";
import type { DiscoveredFile } from "../src/project/discover.js";
import { GLOBAL, OPS as O, PROTO, asm, bstr } from "./data/pickle/assembler.js";
import { runCli, tempProject } from "./helpers/cli.js";

const EVIL = asm(PROTO(2), GLOBAL("os", "system"), bstr("id"), O.TUPLE1, O.REDUCE, O.STOP);
const MiB = 1024 * 1024;

function filesOf(root: string, names: string[]): DiscoveredFile[] {
  return names.map((relPath) => ({ absPath: join(root, relPath), relPath, size: statSync(join(root, relPath)).size, kind: "other" }));
}

/** A pickle header announcing a huge byte string, then zeros: compresses to a few KB. */
function bomb(size: number): Uint8Array {
  const body = new Uint8Array(size);
  body.set([0x80, 0x03, 0x42, 0xff, 0xff, 0xff, 0x7f]);
  return new Uint8Array(gzipSync(body, { level: 9 }));
}

/** A zip (stored central directory, deflated members) built by hand. */
function zipOf(members: { name: string; data: Uint8Array }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name);
    const packed = deflateRawSync(m.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(m.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(m.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

describe("artifact bounds", () => {
  it("caps every bomb, charges the scan-wide budget, and still inspects the small file after them", async () => {
    const names = ["a1.pkl.gz", "a2.pkl.gz", "a3.pkl.gz", "a4.pkl.gz", "z-evil.pkl.gz"];
    const root = tempProject(Object.fromEntries(names.map((n) => [n, n.startsWith("z") ? new Uint8Array(gzipSync(EVIL)) : bomb(16 * MiB)])));
    const budget = { decompressedBytes: 6 * MiB };
    const result = await scanArtifactFiles(filesOf(root, names), { limits: { maxOpcodes: 5_000_000, maxStackDepth: 100_000, maxMemoEntries: 100_000, maxNesting: 32, maxDecompressedBytes: 4 * MiB }, scanBudget: budget });
    for (const name of names.slice(0, 4)) {
      const medium = result.findings.filter((f) => f.location.file === name && f.ruleId === "PICKLE-ARTIFACT-007");
      assert.equal(medium.length, 1, `${name}: ${JSON.stringify(result.findings)}`);
      assert.match(medium[0]!.message, /decompression (bomb|budget)/);
    }
    assert.ok(budget.decompressedBytes < MiB, `the bombs spent the scan-wide budget (${budget.decompressedBytes} left)`);
    assert.ok(result.findings.some((f) => f.location.file === "z-evil.pkl.gz" && f.severity === "critical"), "a bomb cannot hide the file after it");
  });

  it("an archive of archives of bomb-like members: sniffs spend their own budget, and once it is spent nothing more is sniffed", { timeout: 120_000 }, async () => {
    // Sniffing each member's first bytes decoded megabytes of zeros without charge: 16^3 such members hung a scan.
    const zeros = new Uint8Array(8 * MiB);
    const leaf = zipOf(Array.from({ length: 16 }, (_, i) => ({ name: `l${i}.bin`, data: zeros })));
    const mid = zipOf(Array.from({ length: 4 }, (_, i) => ({ name: `m${i}.zip`, data: leaf })));
    const root = tempProject({ "fan.zip": zipOf(Array.from({ length: 4 }, (_, i) => ({ name: `t${i}.zip`, data: mid }))) });
    const run = await runCli(["scan", "-p", root, "--ruleset", "artifact/all", "-o", "json"]);
    const report = JSON.parse(run.stdout);
    const limit = report.results.filter((r: { rule_id: string }) => r.rule_id === "PICKLE-ARTIFACT-007");
    assert.equal(limit.length, 1, run.stdout);
    assert.match(limit[0].message, /too much decoding spent on bomb-like members; member not inspected \(decompression budget spent\) \(in t0\.zip\/m\d\.zip\/l\d+\.bin\)/);
    const notSniffed = report.errors.find((e: { message: string }) => /^t0\.zip\/m\d\.zip\/l\d+\.bin: too much decoding spent on bomb-like members; member not inspected \(and \d+ more like it\)$/.test(e.message));
    assert.ok(notSniffed, JSON.stringify(report.errors));
  });

  it("reports a 3,000-member archive with one warning per kind and aggregated findings", async () => {
    const payload = new Uint8Array([...EVIL, ...new Uint8Array(200).fill(0xee)]);
    const zip = zipOf(Array.from({ length: 3000 }, (_, i) => ({ name: `m${i}.pkl`, data: payload })));
    const root = tempProject({ "many.zip": zip });
    const result = await scanArtifactFiles(filesOf(root, ["many.zip"]), {});
    const critical = result.findings.filter((f) => f.severity === "critical");
    assert.equal(critical.length, 10, "ten members listed, the rest counted");
    assert.match(critical[0]!.message, /\(and in 2990 more members\)$/);
    assert.ok(result.errors.length <= 3, JSON.stringify(result.errors));
    assert.ok(result.errors.some((e) => /\(and 2999 more like it\)$/.test(e.message)), JSON.stringify(result.errors));
  });
});
