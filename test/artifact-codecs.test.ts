// The codecs against what Python reads: test/data/codecs/ holds one pickle (payload.pkl) compressed and archived
// every way Python's gzip, bz2, lzma (every BCJ filter, delta, several checks, several streams), zlib, zipfile,
// tarfile, joblib (every compression), lz4, zstandard and 7-Zip write it (scripts/artifacts/gen-codec-fixtures.py,
// which also records in expected.json how much of the payload Python's own decoder returns from each stream).
// Each decoder must return at least that, stop at the output cap, survive truncation and mutation, and each
// file must be caught when scanned.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { constants, gzipSync, deflateRawSync } from "node:zlib";
import { memorySource, scanArtifact } from "../src/artifacts/index.js";
import { decompress, type Compression } from "../src/artifacts/containers/decompress.js";
import { latin1 } from "../src/artifacts/containers/bytes.js";

const DATA = join(import.meta.dirname, "..", "..", "test", "data", "codecs");
const payload = new Uint8Array(readFileSync(join(DATA, "payload.pkl")));
const expected = JSON.parse(readFileSync(join(DATA, "expected.json"), "utf8")) as Record<string, number>;
const FORMATS: Record<string, Compression> = { ".gz": "gzip", ".z": "zlib", ".bz2": "bz2", ".lzma": "lzma", ".xz": "xz", ".lz4": "lz4", ".zst": "zstd" };
const formatOf = (name: string): Compression => FORMATS[name.slice(name.lastIndexOf("."))]!;
const read = (name: string) => new Uint8Array(readFileSync(join(DATA, name)));
const isPrefixOfPayload = (bytes: Uint8Array) => Buffer.from(payload.subarray(0, bytes.length)).equals(Buffer.from(bytes));

function critical(result: Awaited<ReturnType<typeof scanArtifact>>) {
  return result.findings.filter((f) => f.severity === "critical" && /system/.test(f.message));
}

describe("codecs against Python's own decoders", () => {
  for (const [name, pythonReads] of Object.entries(expected)) {
    it(`${name}: returns what Python's decoder returns (${pythonReads} bytes)`, async () => {
      const result = await decompress(formatOf(name), memorySource(read(name)), { limit: 1 << 26 });
      assert.equal(result.limitReached, false);
      assert.ok(result.bytes.length >= pythonReads, `${result.bytes.length} < ${pythonReads}: ${result.error}`);
      assert.ok(isPrefixOfPayload(result.bytes), "the decoded bytes are the payload's");
      if (pythonReads === payload.length) assert.equal(result.error, undefined);
    });
  }

  it("a gzip file whose last member is empty has its trailer; one whose empty member lost it is truncated", async () => {
    // Python's gzip reads both members of the first and raises EOFError on the others; an empty member's trailer
    // (CRC-32 and size of nothing) is all zero bytes, after zlib's empty block 03 00 (a trailer short by that last
    // zero byte is not told apart, and would hide nothing).
    const empty = gzipSync(new Uint8Array(0));
    const whole = new Uint8Array([...gzipSync(payload), ...empty]);
    const complete = await decompress("gzip", memorySource(whole), { limit: 1 << 26 });
    assert.equal(complete.error, undefined);
    assert.ok(Buffer.from(complete.bytes).equals(Buffer.from(payload)));
    for (const cut of [8, 4, 2]) {
      const truncated = await decompress("gzip", memorySource(whole.subarray(0, whole.length - cut)), { limit: 1 << 26 });
      assert.match(truncated.error ?? "", /truncated/, `trailer cut by ${cut} bytes`);
      assert.ok(Buffer.from(truncated.bytes).equals(Buffer.from(payload)));
    }
    const alone = await decompress("gzip", memorySource(empty), { limit: 1 << 26 });
    assert.equal(alone.error, undefined);
    assert.equal(alone.bytes.length, 0);
  });

  it("a padded xz file: Python stops at the padding; Pathfinder reads the stream after it too (xz-utils does)", async () => {
    const result = await decompress("xz", memorySource(read("padded.xz")), { limit: 1 << 26 });
    assert.ok(expected["padded.xz"]! < payload.length);
    assert.equal(result.bytes.length, payload.length);
  });
});

describe("every file written by Python, joblib, lz4, zstandard and 7-Zip is caught", () => {
  for (const name of readdirSync(DATA).filter((f) => f !== "expected.json").sort()) {
    it(name, async () => {
      const result = await scanArtifact(memorySource(read(name)), name);
      assert.equal(critical(result).length >= 1, true, JSON.stringify(result.findings.map((f) => f.message)));
      assert.deepEqual(result.errors.filter((e) => /could not inspect|corrupt|cannot/.test(e.message)), []);
    });
  }

  it("lists a 7z archive's files with their coders", async () => {
    const result = await scanArtifact(memorySource(read("7z-bcj-lzma.7z")), "weights.7z");
    assert.equal(result.kind, "7z");
    const rows = result.layout.filter((row) => row.container === "7z");
    assert.deepEqual(rows.map((row) => row.name).sort(), ["README.txt", "model.pkl"]);
    assert.equal(rows.find((row) => row.name === "model.pkl")?.role, "pickle");
    assert.equal(rows.find((row) => row.name === "model.pkl")?.size, payload.length);
    assert.match(rows[0]!.method, /03030103/);
  });

  it("reports a 7z archive whose header cannot be read (outside the file, cut, garbage) and goes on", async () => {
    const whole = read("7z-lzma2.7z");
    const outside = whole.slice();
    new DataView(outside.buffer).setBigUint64(12, 1n << 40n, true);
    const garbage = whole.slice();
    garbage.fill(0x7f, 32);
    for (const bytes of [outside, garbage, whole.subarray(0, 40)]) {
      const result = await scanArtifact(memorySource(bytes), "weights.7z");
      assert.equal(result.kind, "7z");
      assert.ok(result.findings.some((f) => f.severity === "medium" && /7z archive could not be read/.test(f.message)), JSON.stringify(result.findings));
      assert.ok(!result.errors.some((e) => /could not inspect/.test(e.message)));
    }
  });

  it("reports a 7z coder it cannot decode instead of calling the archive clean", async () => {
    const bytes = read("7z-plain-header.7z").slice();
    // The plain header's LZMA2 coder record: flags 0x21 (one id byte, with properties), id 0x21.
    const header = bytes.subarray(32 + Number(Buffer.from(bytes).readBigUInt64LE(12)));
    const at = header.findIndex((b, i) => b === 0x21 && header[i + 1] === 0x21 && header[i + 2] === 0x01);
    assert.ok(at > 0);
    header[at + 1] = 0x22;
    const result = await scanArtifact(memorySource(bytes), "weights.7z");
    assert.ok(result.findings.some((f) => f.severity === "medium" && /7z archive uses method 22/.test(f.message)), JSON.stringify(result.findings));
  });
});

describe("output caps", () => {
  for (const name of Object.keys(expected)) {
    it(`${name}: stops at the cap with a prefix of the output`, async () => {
      const result = await decompress(formatOf(name), memorySource(read(name)), { limit: 5000 });
      assert.equal(result.limitReached, true);
      assert.ok(result.bytes.length <= 5000);
      assert.ok(isPrefixOfPayload(result.bytes));
    });
  }

  it("stops a DEFLATE bomb (64 MiB of zeros) at the cap", async () => {
    const bomb = new Uint8Array(gzipSync(new Uint8Array(64 << 20), { level: 9 }));
    const result = await decompress("gzip", memorySource(bomb), { limit: 1 << 20 });
    assert.equal(result.limitReached, true);
    assert.equal(result.bytes.length, 1 << 20);
    const raw = await decompress("deflate-raw", memorySource(new Uint8Array(deflateRawSync(new Uint8Array(64 << 20)))), { limit: 1000 });
    assert.equal(raw.limitReached, true);
    assert.equal(raw.bytes.length, 1000);
  });

  it("stops an LZ4 bomb (one match repeated a million times per block) at the cap", async () => {
    const block = [0x1f, 0x61, 0x01, 0x00, ...new Array<number>(4000).fill(255), 0];
    const blocks: number[] = [];
    for (let i = 0; i < 64; i++) blocks.push(block.length & 255, (block.length >> 8) & 255, 0, 0, ...block);
    const frame = new Uint8Array([0x04, 0x22, 0x4d, 0x18, 0x40, 0x70, 0xdf, ...blocks, 0, 0, 0, 0]);
    const result = await decompress("lz4", memorySource(frame), { limit: 100_000 });
    assert.equal(result.limitReached, true);
    assert.ok(result.bytes.length <= 100_000);
  });

  it("an overlapping LZ4 match repeats the bytes it reaches back to, whatever its offset and length", async () => {
    // LZ4's rule, byte by byte: each byte of a match is the one `offset` bytes before it (so an offset shorter than
    // the length repeats a pattern). Checked against that rule for several offsets and lengths, and with a cap that
    // cuts the match.
    for (const offset of [1, 2, 3, 7, 16]) {
      for (const length of [4, 5, 19, 300, 5000]) {
        const literals = Array.from({ length: offset }, (_, i) => 0x41 + i);
        const extra = length - 4 - 15;
        const lengthBytes = extra >= 0 ? [...new Array<number>(Math.floor(extra / 255)).fill(255), extra % 255] : [];
        const block = [(Math.min(offset, 15) << 4) | Math.min(length - 4, 15), ...(offset >= 15 ? [offset - 15] : []), ...literals, offset, 0, ...lengthBytes, 0x10, 0x5a];
        const frame = new Uint8Array([0x04, 0x22, 0x4d, 0x18, 0x40, 0x70, 0xdf, block.length, 0, 0, 0, ...block, 0, 0, 0, 0]);
        const want = [...literals];
        for (let i = 0; i < length; i++) want.push(want[want.length - offset]!);
        want.push(0x5a);
        const result = await decompress("lz4", memorySource(frame), { limit: 1 << 20 });
        assert.equal(result.error, undefined, `offset ${offset}, length ${length}`);
        assert.deepEqual([...result.bytes], want, `offset ${offset}, length ${length}`);
        const cap = offset + Math.floor(length / 2);
        if (cap < frame.length) continue; // input longer than the cap is refused before decoding
        const capped = await decompress("lz4", memorySource(frame), { limit: cap });
        assert.equal(capped.limitReached, true);
        assert.deepEqual([...capped.bytes], want.slice(0, cap), `offset ${offset}, length ${length}, cap ${cap}`);
      }
    }
  });

  it("sniffing (`want`) is not a limit breach", async () => {
    for (const name of ["gzip-1.gz", "bz2.bz2", "default.xz", "lz4-default.lz4", "zstd.zst"]) {
      const result = await decompress(formatOf(name), memorySource(read(name)), { limit: 1 << 26, want: 512 });
      assert.equal(result.limitReached, false, name);
      assert.equal(result.bytes.length, 512, name);
    }
  });
});

describe("sniffing raw DEFLATE", () => {
  // A sniff decodes its first bytes in one call where it can (see `inflateHead`); it must give what the streaming
  // decoder gives for the same cap, whole, cut short or corrupt, at every compression level.
  const source = readFileSync(join(import.meta.dirname, "..", "..", "src", "artifacts", "containers", "decompress.ts"));
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const noise = Uint8Array.from({ length: 3000 }, () => Math.floor(random() * 256));
  // Half noise, half text: a stream a 64 KiB sniff reads in several growing prefixes.
  const mixed = Uint8Array.from({ length: 90_000 }, (_, i) => (i % 2 ? Math.floor(random() * 256) : source[i % source.length]));
  const zeros = new Uint8Array(20_000);
  const zeroAtEnd = Uint8Array.from({ length: 9000 }, (_, i) => (i % 512 === 511 ? 0 : 0x41 + (i % 7)));
  const payloads: [string, Uint8Array][] = [
    ["source text", source],
    ["a short line", source.subarray(0, 300)],
    ["noise", noise],
    ["zeros", zeros],
    ["zero at every 512th byte", zeroAtEnd],
    ["0xff", new Uint8Array(6000).fill(0xff)],
    ["half noise", mixed],
    ["long noise", Uint8Array.from({ length: 70_000 }, () => Math.floor(random() * 256))],
  ];

  it("gives the bytes, error and outcome of the streaming decoder", async () => {
    for (const [label, payload] of payloads) {
      for (const level of payload.length < 10_000 ? [0, 1, 9] : [1, 9]) {
        const whole = new Uint8Array(deflateRawSync(payload, { level }));
        const variants: [string, Uint8Array][] = [["whole", whole]];
        for (const cut of [200, 1023, 1024, 1025, 2000, 17_408, 40_000]) if (cut < whole.length) variants.push([`cut at ${cut}`, whole.subarray(0, cut)]);
        for (let round = 0; round < 4; round++) {
          const mutated = whole.slice();
          mutated[Math.floor(random() * Math.min(mutated.length, round < 2 ? 1100 : 70_000))] ^= 1 + Math.floor(random() * 255);
          variants.push([`mutated ${round}`, mutated]);
        }
        for (const [variant, bytes] of variants) {
          for (const cap of [1, 511, 512, 4096, 65_537, ...(level === 9 ? [1 << 20] : [])]) {
            const what = `${label}, level ${level}, ${variant}, cap ${cap}`;
            const streamed = await decompress("deflate-raw", memorySource(bytes), { limit: cap });
            const sniffed = await decompress("deflate-raw", memorySource(bytes), { limit: 1 << 26, want: cap });
            assert.ok(Buffer.from(sniffed.bytes).equals(streamed.bytes), what);
            assert.equal(sniffed.error, streamed.error, what);
            assert.equal(sniffed.limitReached, false, what);
          }
        }
      }
    }
  });

  it("fails as the streaming decoder does on an invalid block read in the same piece as the cap", async () => {
    // Literals, copies reaching the cap, more literals, then a block of the invalid type 3: where the streaming
    // decoder reads that block in the piece that reaches the cap, it fails, and so must the sniff.
    for (const cap of [512, 65_537]) {
      for (let literals = 1; literals < 9000; literals += 53) {
        for (const tail of [0, 30, 300, 900]) {
          const bytes = fixedHuffmanThenInvalid(literals, Math.max(0, Math.ceil((cap - literals) / 258)), tail);
          const what = `cap ${cap}, ${literals} literals, ${tail} after`;
          const streamed = await decompress("deflate-raw", memorySource(bytes), { limit: cap });
          const sniffed = await decompress("deflate-raw", memorySource(bytes), { limit: 1 << 26, want: cap });
          assert.ok(Buffer.from(sniffed.bytes).equals(streamed.bytes), what);
          assert.equal(sniffed.error, streamed.error, what);
        }
      }
    }
  });
});

/**
 * Raw DEFLATE written bit by bit: one block of fixed Huffman codes holding `literals` letters, `copies` copies of
 * 258 bytes at distance 1 and `tail` letters more, then a final block of the invalid type 3 and some bytes after it.
 */
function fixedHuffmanThenInvalid(literals: number, copies: number, tail: number): Uint8Array {
  const bytes: number[] = [];
  let pending = 0;
  let used = 0;
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i++) {
      pending |= ((value >> i) & 1) << used;
      if (++used === 8) (bytes.push(pending), (pending = 0), (used = 0));
    }
  };
  const code = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits((value >> i) & 1, 1);
  };
  const letter = () => code(0x30 + 0x41, 8);
  bits(0, 1);
  bits(1, 2);
  for (let i = 0; i < literals; i++) letter();
  for (let i = 0; i < copies; i++) (code(0xc5, 8), code(0, 5));
  for (let i = 0; i < tail; i++) letter();
  code(0, 7);
  bits(1, 1);
  bits(3, 2);
  if (used > 0) bytes.push(pending);
  return new Uint8Array([...bytes, ...new Uint8Array(3000).fill(0x5a)]);
}

describe("truncated and mutated input", () => {
  for (const name of Object.keys(expected)) {
    it(`${name}: every cut gives a prefix of the output and, before the end, an error`, async () => {
      const whole = read(name);
      for (const fraction of [0.1, 0.5, 0.9]) {
        const cut = Math.floor(whole.length * fraction);
        const result = await decompress(formatOf(name), memorySource(whole.subarray(0, cut)), { limit: 1 << 26 });
        assert.ok(isPrefixOfPayload(result.bytes), `${name} cut at ${cut}`);
        assert.ok(result.error !== undefined, `${name} cut at ${cut}: truncation is reported`);
      }
    });
  }

  it("mutated streams and archives never throw and never leave a piece uninspected without saying so", async () => {
    let seed = 99;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (const name of readdirSync(DATA).filter((f) => f !== "expected.json" && f !== "payload.pkl")) {
      const whole = read(name);
      for (let round = 0; round < 4; round++) {
        const bytes = whole.slice();
        for (let k = 0; k < 3; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        const result = await scanArtifact(memorySource(bytes), name);
        assert.ok(!result.errors.some((e) => /could not inspect/.test(e.message)), `${name}: ${JSON.stringify(result.errors)}`);
      }
    }
  });
});

describe("latin-1 text", () => {
  it("maps every byte to the character of its value, short or long, with or without windows-1252's 0x80-0x9F", () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    const long = (bytes: Uint8Array, times: number) => new Uint8Array(Buffer.concat(Array.from({ length: times }, () => bytes)));
    const noC1 = every.filter((b) => b < 0x80 || b > 0x9f);
    for (const bytes of [every, long(every, 40), long(noC1, 40), long(new Uint8Array([0x78, 0xe9]), 5000), new Uint8Array(0)]) {
      assert.equal(latin1(bytes), Buffer.from(bytes).toString("latin1"), `${bytes.length} bytes`);
    }
  });
});
