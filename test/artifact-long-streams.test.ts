// Pickle streams longer than the one-pass size (4 MiB) whose bytes are already in memory (a decoded member) are
// analysed before their framing walk, and the walk is left out where it cannot change the answer. Whatever path a
// stream takes, the scan must say what the walk-first path (a source read on demand, such as a large file) says.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memorySource, scanArtifact, type ArtifactScanResult, type ByteSource } from "../src/artifacts/index.js";

const MiB = 1024 * 1024;
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `count` copies of `unit`. */
function repeat(unit: string, count: number): Uint8Array {
  const bytes = latin1(unit);
  const out = new Uint8Array(bytes.length * count);
  for (let i = 0; i < count; i++) out.set(bytes, i * bytes.length);
  return out;
}

/** BINBYTES of `length` bytes, popped. */
function largeBytes(length: number): Uint8Array {
  const head = new Uint8Array(5);
  head[0] = 0x42;
  new DataView(head.buffer).setUint32(1, length, true);
  return concat(head, new Uint8Array(length).fill(0x41), latin1("0"));
}

const PAYLOAD = latin1("cposix\nsystem\n(S'id'\ntR.");

/** A source that reads its bytes on demand (as a file's does), not known to hold them in memory. */
function onDemand(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.slice(offset, offset + length) };
}

async function bothPaths(bytes: Uint8Array, options = {}): Promise<[ArtifactScanResult, ArtifactScanResult]> {
  return [await scanArtifact(memorySource(bytes), "model.pkl", options), await scanArtifact(onDemand(bytes), "model.pkl", options)];
}

function assertSame(inMemory: ArtifactScanResult, read: ArtifactScanResult): void {
  assert.deepEqual(inMemory.findings, read.findings);
  assert.deepEqual(inMemory.errors, read.errors);
  assert.deepEqual(inMemory.layout, read.layout);
  assert.equal(inMemory.kind, read.kind);
}

describe("long pickle streams in memory", () => {
  it("padding past the opcode limit: the payload after it is reported, as when the stream is read on demand", async () => {
    const stream = concat(latin1("\x80\x02"), repeat("N0", 2_600_000), PAYLOAD);
    assert.ok(stream.length > 4 * MiB);
    const [inMemory, read] = await bothPaths(stream);
    assertSame(inMemory, read);
    assert.ok(inMemory.findings.some((f) => f.severity === "critical" && f.message.includes("system")), JSON.stringify(inMemory.findings));
  });

  it("a large string before the opcode limit is not cut out when the walk would not reach an end", async () => {
    const stream = concat(latin1("\x80\x02"), largeBytes(2 * MiB), repeat("N0", 2_600_000), PAYLOAD);
    const [inMemory, read] = await bothPaths(stream);
    assertSame(inMemory, read);
    assert.ok(!inMemory.layout.some((row) => row.name.includes("[inline data")), JSON.stringify(inMemory.layout));
  });

  it("a large string in a stream that ends is cut out and listed, as the walk finds it", async () => {
    const stream = concat(latin1("\x80\x02"), largeBytes(5 * MiB), PAYLOAD);
    const [inMemory, read] = await bothPaths(stream);
    assertSame(inMemory, read);
    assert.ok(inMemory.layout.some((row) => row.name.includes("[inline data")), JSON.stringify(inMemory.layout));
    assert.ok(inMemory.findings.some((f) => f.message.includes("system")));
  });

  it("a stacked pickle padded past the limit after a first one that ends", async () => {
    const stream = concat(latin1("\x80\x02K\x01."), latin1("\x80\x02"), repeat("N0", 2_600_000), PAYLOAD);
    const [inMemory, read] = await bothPaths(stream);
    assertSame(inMemory, read);
    assert.ok(inMemory.findings.some((f) => f.message.includes("system")));
  });

  it("a machine depth limit above half the walk's stack: marks and values the walk cannot hold", async () => {
    // 600k marks and 448,577 values (the machine allows 700k of each) pass the walk's 2^20 stack entries: it stops at
    // the large string after them, where the machine goes on to the opcode limit. The walk-first path then analyses
    // the stream up to a little past that stop (the machine stops early there too, on the cut string); the in-memory
    // path must not take the machine's run to the limit for what the walk would have done.
    const stream = concat(latin1("\x80\x02"), repeat("(", 600_000), repeat("N", 448_577), largeBytes(200_000), repeat("N0", 1_980_000), PAYLOAD);
    const limits = { maxOpcodes: 5_000_000, maxStackDepth: 700_000, maxMemoEntries: 1_000_000, maxNesting: 32, maxDecompressedBytes: 256 * MiB };
    const [inMemory, read] = await bothPaths(stream, { limits });
    assertSame(inMemory, read);
  });
});
