// Node's zlib in front of fflate (containers/native-inflate.ts): the two decoders must give the same bytes, the
// same `limitReached` and the same error (its text too: warnings show it) for every stream, whichever answers.
// The streams are real: the gzip, zlib and zip files of the corpora in fixtures/ and test/data/, the members of the
// pip/setuptools/wheel wheels Debian installs (when present), this repository's sources compressed by zlib at every
// level and strategy, and those streams cut, mutated, padded, concatenated, given bad checksums, or made into bombs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { constants, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { memorySource, scanArtifact } from "../src/artifacts/index.js";
import { decompress, type DecompressOptions, type DecompressResult } from "../src/artifacts/containers/decompress.js";
import type { DeflateFormat, InflateCodec } from "../src/artifacts/containers/native-inflate.js";
import { nodeInflate } from "../src/project/native-inflate.js";

const ROOT = join(import.meta.dirname, "..", "..");
const WHEEL_DIRS = ["/usr/share/python-wheels", ...pythonEnsurepipDirs()];

interface Stream {
  name: string;
  format: DeflateFormat;
  bytes: Uint8Array;
}

/** Counts the answers the native decoder gave without throwing. */
function countingCodec(): InflateCodec & { decoded: number } {
  const codec = {
    decoded: 0,
    decode(format: DeflateFormat, input: Uint8Array, options: { partial: boolean; maxOutput: number }) {
      const output = nodeInflate.decode(format, input, options);
      codec.decoded++;
      return output;
    },
  };
  return codec;
}

function plainResult(result: DecompressResult) {
  return { bytes: Buffer.from(result.bytes).toString("base64"), length: result.bytes.length, limitReached: result.limitReached, error: result.error };
}

/** Decodes with fflate alone and with Node's zlib in front; asserts the same outcome; returns it. */
async function agree(stream: Stream, options: Omit<DecompressOptions, "inflate">): Promise<DecompressResult> {
  const fflate = await decompress(stream.format, memorySource(stream.bytes), options);
  const native = await decompress(stream.format, memorySource(stream.bytes), { ...options, inflate: nodeInflate });
  const label = `${stream.name} (${stream.format}, limit ${options.limit}${options.want !== undefined ? `, want ${options.want}` : ""})`;
  assert.deepEqual(plainResult(native), plainResult(fflate), label);
  return native;
}

const OPTION_SETS = (size: number): Omit<DecompressOptions, "inflate">[] => [
  { limit: 1 << 26 },
  { limit: 1 << 26, want: 1 },
  { limit: 1 << 26, want: 1024 },
  { limit: 1 << 26, want: 65 * 1024 },
  { limit: Math.max(1, size) },
  { limit: Math.max(1, size - 1) },
  { limit: 1000, want: 4096 },
];

// ---- the streams -------------------------------------------------------------------------------

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile() && statSync(path).size <= 8 << 20) out.push(path);
  }
  return out.sort();
}

function pythonEnsurepipDirs(): string[] {
  if (!existsSync("/usr/lib")) return [];
  return readdirSync("/usr/lib")
    .filter((name) => /^python3\.\d+$/.test(name))
    .map((name) => join("/usr/lib", name, "ensurepip", "_bundled"))
    .filter((dir) => existsSync(dir));
}

const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;
const isZlib = (b: Uint8Array) => b.length > 2 && (b[0]! & 15) === 8 && b[0]! >> 4 <= 7 && ((b[0]! << 8) | b[1]!) % 31 === 0;
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

/** The DEFLATE members of a zip (read by its central directory; enough for the archives used here). */
function zipDeflateMembers(name: string, zip: Uint8Array): Stream[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let entry = view.getUint32(eocd + 16, true);
  const members: Stream[] = [];
  for (let i = 0; i < count && entry + 46 <= zip.length && view.getUint32(entry, true) === 0x02014b50; i++) {
    const method = view.getUint16(entry + 10, true);
    const compressed = view.getUint32(entry + 20, true);
    const nameLength = view.getUint16(entry + 28, true);
    const local = view.getUint32(entry + 42, true);
    const memberName = Buffer.from(zip.subarray(entry + 46, entry + 46 + nameLength)).toString("utf8");
    entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
    if (method !== 8 || local + 30 > zip.length) continue;
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    members.push({ name: `${name}:${memberName}`, format: "deflate-raw", bytes: zip.subarray(data, Math.min(zip.length, data + compressed)) });
  }
  return members;
}

function corpusStreams(): Stream[] {
  const streams: Stream[] = [];
  for (const path of [...filesUnder(join(ROOT, "fixtures")), ...filesUnder(join(ROOT, "test", "data"))]) {
    const bytes = new Uint8Array(readFileSync(path));
    const name = path.slice(ROOT.length + 1);
    if (isGzip(bytes)) streams.push({ name, format: "gzip", bytes });
    else if (isZlib(bytes)) streams.push({ name, format: "zlib", bytes });
    else if (isZip(bytes)) streams.push(...zipDeflateMembers(name, bytes));
  }
  return streams;
}

function wheelStreams(): Stream[] {
  const streams: Stream[] = [];
  for (const dir of WHEEL_DIRS.filter((d) => existsSync(d))) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".whl")).sort()) {
      streams.push(...zipDeflateMembers(file, new Uint8Array(readFileSync(join(dir, file)))));
    }
  }
  return streams;
}

/** This repository's sources and a pickle, compressed by zlib at every level and strategy, in all three wrappings. */
function zlibWrittenStreams(): Stream[] {
  const texts = ["src/artifacts/containers/decompress.ts", "src/artifacts/scan.ts", "test/data/codecs/payload.pkl"].map(
    (path) => [path, readFileSync(join(ROOT, path))] as const,
  );
  const streams: Stream[] = [];
  const strategies = { default: constants.Z_DEFAULT_STRATEGY, filtered: constants.Z_FILTERED, huffman: constants.Z_HUFFMAN_ONLY, rle: constants.Z_RLE, fixed: constants.Z_FIXED };
  for (const [path, text] of texts) {
    for (const level of [0, 1, 6, 9]) {
      for (const [strategyName, strategy] of Object.entries(strategies)) {
        const name = `${path} level ${level} ${strategyName}`;
        streams.push({ name, format: "deflate-raw", bytes: deflateRawSync(text, { level, strategy }) });
        if (strategy === constants.Z_DEFAULT_STRATEGY) {
          streams.push({ name, format: "zlib", bytes: deflateSync(text, { level, strategy }) });
          streams.push({ name, format: "gzip", bytes: gzipSync(text, { level, strategy }) });
        }
      }
    }
  }
  return streams;
}

// ---- broken and unusual streams ----------------------------------------------------------------

const text = readFileSync(join(ROOT, "README.md")).subarray(0, 60_000);
// Plain Uint8Arrays: a Buffer's slice() is a view, and the mutations below must copy.
const gzipped = Uint8Array.from(gzipSync(text));
const zlibbed = Uint8Array.from(deflateSync(text));
const raw = Uint8Array.from(deflateRawSync(text));
const member2 = gzipSync(Buffer.from("(S'second member'\np0\n.")); // a protocol-0 pickle
const zeros = (n: number) => new Uint8Array(n);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** Cut at the header, in the data, inside the trailer, and one byte short. */
function cuts(stream: Stream): Stream[] {
  const n = stream.bytes.length;
  return [1, 2, 3, 5, 9, 10, 11, 16, 100, 1023, 1024, 1025, Math.floor(n / 2), n - 9, n - 8, n - 5, n - 4, n - 3, n - 1]
    .filter((at) => at > 0 && at < n)
    .map((at) => ({ ...stream, name: `${stream.name} cut at ${at}`, bytes: stream.bytes.subarray(0, at) }));
}

/** One byte changed at the header, the first block, the middle, the checksum and the size. */
function mutations(stream: Stream): Stream[] {
  const n = stream.bytes.length;
  return [0, 1, 2, 3, 10, 11, 12, 40, Math.floor(n / 3), Math.floor(n / 2), n - 8, n - 5, n - 4, n - 1].flatMap((at) =>
    [0x01, 0x80, 0xff].map((mask) => {
      const bytes = Uint8Array.from(stream.bytes);
      bytes[at] ^= mask;
      return { ...stream, name: `${stream.name} byte ${at} ^ ${mask}`, bytes };
    }),
  );
}

function gzipHeaderVariants(): Stream[] {
  const deflated = deflateRawSync(text.subarray(0, 5000));
  const trailer = gzipSync(text.subarray(0, 5000)).subarray(-8);
  const header = (flags: number, ...fields: number[][]) => concat(new Uint8Array([0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3]), ...fields.map((f) => new Uint8Array(f)));
  const name = [...Buffer.from("model.pkl"), 0];
  return [
    { name: "gzip FNAME", bytes: concat(header(8, name), deflated, trailer) },
    { name: "gzip FEXTRA FNAME FCOMMENT", bytes: concat(header(4 | 8 | 16, [4, 0, 1, 2, 3, 4], name, [...Buffer.from("comment"), 0]), deflated, trailer) },
    { name: "gzip FHCRC (unchecked value)", bytes: concat(header(2, [0x12, 0x34]), deflated, trailer) },
    { name: "gzip reserved flag bit", bytes: concat(header(0x20), deflated, trailer) },
    { name: "gzip method 7", bytes: concat(new Uint8Array([0x1f, 0x8b, 7, 0, 0, 0, 0, 0, 0, 3]), deflated, trailer) },
    { name: "gzip header only", bytes: header(8, name) },
  ].map((s) => ({ ...s, format: "gzip" as const }));
}

function brokenStreams(): Stream[] {
  const badCrc = gzipped.slice();
  badCrc[badCrc.length - 6] ^= 1;
  const badSize = gzipped.slice();
  badSize[badSize.length - 2] ^= 1;
  const badAdler = zlibbed.slice();
  badAdler[badAdler.length - 1] ^= 1;
  const dictionary = deflateSync(text.subarray(0, 1000), { dictionary: Buffer.from("dictionary") });
  const gz = (name: string, bytes: Uint8Array): Stream => ({ name, format: "gzip", bytes });
  return [
    gz("gzip bad CRC", badCrc),
    gz("gzip bad size", badSize),
    gz("gzip two members", concat(gzipped, member2)),
    gz("gzip three members, 512-byte padding between", concat(member2, zeros(512 - (member2.length % 512)), gzipped, zeros(100), member2)),
    gz("gzip zero padding at the end", concat(gzipped, zeros(1000))),
    gz("gzip 3 zero bytes at the end", concat(gzipped, zeros(3))),
    gz("gzip 2 garbage bytes at the end", concat(gzipped, new Uint8Array([7, 7]))),
    gz("gzip garbage after a member", concat(gzipped, Buffer.from("PK\x03\x04 not gzip"))),
    gz("gzip padding then garbage", concat(member2, zeros(64), Buffer.from("garbage!"))),
    gz("gzip empty member", gzipSync(Buffer.alloc(0))),
    gz("gzip empty member last", concat(gzipped, gzipSync(Buffer.alloc(0)))),
    gz("gzip of 4 GiB-multiple-looking size 0", concat(member2, gzipSync(Buffer.alloc(0)), zeros(8))),
    gz("not gzip at all", Buffer.from("\x1f\x8bnot really")),
    ...gzipHeaderVariants(),
    { name: "zlib bad Adler-32", format: "zlib", bytes: badAdler },
    { name: "zlib with a preset dictionary", format: "zlib", bytes: dictionary },
    { name: "zlib trailing garbage", format: "zlib", bytes: concat(zlibbed, Buffer.from("trailing")) },
    { name: "zlib 2 trailing bytes", format: "zlib", bytes: concat(zlibbed, new Uint8Array([1, 2])) },
    { name: "raw DEFLATE trailing garbage", format: "deflate-raw", bytes: concat(raw, Buffer.from("trailing")) },
    { name: "raw DEFLATE block type 3", format: "deflate-raw", bytes: new Uint8Array([0x07, 0x00, 0x01, 0x02]) },
    { name: "raw DEFLATE stored block with a wrong NLEN", format: "deflate-raw", bytes: new Uint8Array([0x01, 0x03, 0x00, 0x00, 0x00, 0x61, 0x62, 0x63]) },
    { name: "empty input", format: "gzip", bytes: new Uint8Array(0) },
    ...[gzipped, zlibbed, raw].flatMap((bytes, i) => {
      const stream: Stream = { name: ["gzip", "zlib", "raw"][i]!, format: (["gzip", "zlib", "deflate-raw"] as const)[i]!, bytes };
      return [...cuts(stream), ...mutations(stream)];
    }),
  ];
}

// ---- the tests ---------------------------------------------------------------------------------

describe("Node's zlib and fflate decode every stream alike", () => {
  it("the corpora's gzip, zlib and zip members (fixtures/, test/data/), under every cap and sniff", async () => {
    const streams = corpusStreams();
    assert.ok(streams.length >= 45, `${streams.length} streams`);
    for (const stream of streams) {
      const whole = await agree(stream, { limit: 1 << 28 });
      for (const options of OPTION_SETS(whole.bytes.length)) await agree(stream, options);
    }
  });

  it("the members of the pip, setuptools and wheel wheels (where Debian or ensurepip installed them)", async (t) => {
    const streams = wheelStreams();
    if (streams.length === 0) return t.skip("no bundled wheels on this machine");
    for (const stream of streams) {
      await agree(stream, { limit: 1 << 26 });
      await agree(stream, { limit: 1 << 26, want: 1024 });
    }
  });

  it("sources compressed by zlib at every level and strategy, as raw DEFLATE, zlib and gzip", async () => {
    for (const stream of zlibWrittenStreams()) {
      const whole = await agree(stream, { limit: 1 << 26 });
      assert.equal(whole.error, undefined, stream.name);
      for (const options of OPTION_SETS(whole.bytes.length)) await agree(stream, options);
    }
  });

  it("truncated, mutated, padded, multi-member, bad-checksum, garbage-trailed and odd-header streams", async () => {
    for (const stream of brokenStreams()) {
      for (const options of [{ limit: 1 << 26 }, { limit: 1 << 26, want: 64 }, { limit: 1 << 26, want: 65 * 1024 }, { limit: 5000 }]) {
        await agree(stream, options);
      }
    }
  });

  it("a sniff whose cap is reached in a later piece, with a corrupt byte before, inside or after that piece", async () => {
    for (const [format, bytes] of [["deflate-raw", raw], ["gzip", gzipped], ["zlib", zlibbed]] as const) {
      for (let at = 256; at < 40_000; at += 768) {
        const broken = Uint8Array.from(bytes);
        broken[at] ^= 0x55;
        await agree({ name: `${format} byte ${at} changed`, format, bytes: broken }, { limit: 1 << 26, want: 65 * 1024 + 1 });
        await agree({ name: `${format} cut at ${at}`, format, bytes: bytes.subarray(0, at) }, { limit: 1 << 26, want: 20_000 });
      }
    }
  });

  it("a sniff whose cap is reached before an invalid block, in the same piece, the next, or a stored block's end", async () => {
    // A stored block of `length` bytes, then a block of the reserved type 3: fflate drops a piece that holds it, and
    // emits a stored block only once all of it is read.
    for (const length of [...Array.from({ length: 60 }, (_, i) => 19_000 + 37 * i), 30_000, 60_000, 65_535]) {
      const stored = new Uint8Array(5 + length + 1);
      stored.set([0x00, length & 255, length >> 8, ~length & 255, (~length >> 8) & 255]);
      stored.fill(0x61, 5, 5 + length);
      stored[5 + length] = 0x07; // BFINAL, BTYPE 3
      for (const want of [512, 20_000]) {
        await agree({ name: `stored ${length} then type 3`, format: "deflate-raw", bytes: stored }, { limit: 1 << 26, want });
      }
    }
  });

  it("a short sniff whose first piece ends in, at or after a stored block after compressed text, then an invalid block (raw, gzip, zlib)", async () => {
    // Compressed text up to a byte boundary (a sync flush), a stored block, then a block of the reserved type 3: the
    // first piece fflate reads (1 KiB) ends before, inside or after the stored block, and the invalid block is in
    // that piece or a later one. A sniff may stop after the first piece only where fflate's output there is zlib's.
    for (const textLength of [200, 900, 1500, 2600, 3000]) {
      const head = deflateRawSync(text.subarray(0, textLength), { finishFlush: constants.Z_SYNC_FLUSH });
      for (const length of [1, 2, 40, 300, 700, 1100, 5000]) {
        for (const fill of [0x61, 0x00, -1]) {
          const stored = new Uint8Array(5 + length + 1);
          stored.set([0x00, length & 255, length >> 8, ~length & 255, (~length >> 8) & 255]);
          for (let i = 0; i < length; i++) stored[5 + i] = fill >= 0 ? fill : (i * 2654435761) >>> 24;
          stored[5 + length] = 0x07; // BFINAL, BTYPE 3
          const raw = concat(head, stored);
          // The same DEFLATE data in a gzip member and a zlib stream (their headers shift it against the pieces).
          const wrapped = [
            ["deflate-raw", raw],
            ["gzip", concat(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), raw)],
            ["zlib", concat(new Uint8Array([0x78, 0x9c]), raw)],
          ] as const;
          for (const [format, bytes] of wrapped) {
            for (const want of [1, 512, 1000, 4096]) {
              await agree({ name: `text ${textLength}, stored ${length} of ${fill}, then type 3`, format, bytes }, { limit: 1 << 26, want });
            }
          }
        }
      }
    }
  });

  it("stored blocks (level 0, incompressible data) with a corrupt byte after the bytes a sniff wants", async () => {
    const noise = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) >>> 24);
    for (const [format, bytes] of [
      ["deflate-raw", deflateRawSync(text, { level: 0 })],
      ["gzip", gzipSync(noise)],
      ["zlib", deflateSync(noise, { level: 1 })],
    ] as const) {
      for (const at of [3_000, 40_000, 66_000, 70_000, 131_000, 140_000]) {
        if (at >= bytes.length) continue;
        const broken = Uint8Array.from(bytes);
        broken[at] ^= 0x55;
        for (const want of [512, 4096, 65 * 1024 + 1]) await agree({ name: `${format} stored, byte ${at} changed`, format, bytes: broken }, { limit: 1 << 26, want });
        await agree({ name: `${format} stored, cut at ${at}`, format, bytes: bytes.subarray(0, at) }, { limit: 1 << 26, want: 4096 });
      }
    }
  });

  it("bombs: 8 MiB of zeros stop at the cap with the same first bytes, whole or sniffed", async () => {
    const bomb = Buffer.alloc(8 << 20);
    for (const stream of [
      { name: "raw bomb", format: "deflate-raw" as const, bytes: deflateRawSync(bomb, { level: 9 }) },
      { name: "gzip bomb", format: "gzip" as const, bytes: gzipSync(bomb, { level: 9 }) },
      { name: "gzip bomb, cut", format: "gzip" as const, bytes: gzipSync(bomb, { level: 9 }).subarray(0, 4000) },
    ]) {
      for (const options of [{ limit: 1 << 20 }, { limit: (8 << 20) - 1 }, { limit: 1 << 26, want: 1 << 20 }]) {
        const result = await agree(stream, options);
        if (!stream.name.includes("cut")) assert.equal(result.bytes.length, Math.min(options.limit, options.want ?? Infinity), stream.name);
      }
    }
  });

  it("raw DEFLATE bombs past zlib's one call, decoded into one array: fflate's streaming bytes, limit and errors", async () => {
    // A pickle, then zeros: more than zlib's 64 MiB would be needed at the 256 MiB limit, so these use a 17 MiB
    // limit (above the streaming decoder's 16 MiB) and 16.5 to 20 MiB of output.
    const pickle = Buffer.from("\x80\x02cposix\nsystem\nq\x00X\x02\x00\x00\x00idq\x01\x85q\x02Rq\x03.", "latin1");
    for (const size of [16.5 * 2 ** 20, 17 * 2 ** 20, 20 * 2 ** 20]) {
      const bytes = deflateRawSync(Buffer.concat([pickle, Buffer.alloc(size - pickle.length)]), { level: 9 });
      const cut = bytes.subarray(0, bytes.length - 100);
      const corrupt = Buffer.from(bytes);
      corrupt[Math.floor(bytes.length * 0.9)] ^= 0xff;
      for (const stream of [{ name: `${size} bytes`, bytes }, { name: `${size} bytes, cut`, bytes: cut }, { name: `${size} bytes, corrupt`, bytes: corrupt }]) {
        const result = await agree({ ...stream, format: "deflate-raw" }, { limit: 17 << 20 });
        if (stream.bytes !== bytes) continue;
        assert.equal(result.bytes.length, Math.min(size, 17 << 20), stream.name);
        assert.deepEqual([...result.bytes.subarray(0, pickle.length)], [...pickle], stream.name);
      }
    }
  });

  it("gzip files whose trailer states the decoded size truly, too small, too large or wrapped past 4 GiB", async () => {
    const text = Buffer.from("(S'pathfinder'\np0\n".repeat(40_000)); // ~700 KB from ~3 KB: above the small-input path
    const withSize = (size: number) => {
      const bytes = Buffer.from(gzipSync(text));
      bytes.writeUInt32LE(size >>> 0, bytes.length - 4);
      return bytes;
    };
    const streams: Stream[] = [
      { name: "true size", format: "gzip", bytes: withSize(text.length) },
      ...[0, 1, text.length - 1, text.length + 1, 2 * text.length, 0xffffffff].map((size) => ({ name: `stated ${size}`, format: "gzip" as const, bytes: withSize(size) })),
      { name: "two members", format: "gzip", bytes: Buffer.concat([gzipSync(text), gzipSync(text)]) },
    ];
    for (const stream of streams) {
      for (const options of [{ limit: 1 << 26 }, { limit: text.length }, { limit: 1000 }, { limit: 1 << 26, want: 4096 }]) {
        const result = await agree(stream, options);
        if (options.limit === 1 << 26 && options.want === undefined && stream.name === "true size") assert.equal(result.bytes.length, text.length);
      }
    }
    // zlib checks the stated size, so only true trailers decode natively; their output is a buffer of its own size.
    for (const [bytes, length] of [[withSize(text.length), text.length], [streams.at(-1)!.bytes, 2 * text.length]] as const) {
      const whole = nodeInflate.decode("gzip", bytes, { partial: false, maxOutput: 1 << 26 });
      assert.equal(whole.bytes.length, length);
      assert.ok(whole.bytes.buffer.byteLength <= 2 * length + 16 * 1024, `output keeps a ${whole.bytes.buffer.byteLength}-byte buffer alive`);
      assert.throws(() => nodeInflate.decode("gzip", withSize(length + 1), { partial: false, maxOutput: 1 << 26 }), /incorrect length check/);
    }
  });

  it("the heavy-output callback is told for a big output either way", async () => {
    const stream: Stream = { name: "5 MB text", format: "gzip", bytes: gzipSync(Buffer.alloc(5 << 20, "(S'x'\n")) };
    for (const inflate of [undefined, nodeInflate]) {
      let told = 0;
      await decompress(stream.format, memorySource(stream.bytes), { limit: 1 << 26, heavy: { bytes: 1 << 20, reached: () => told++ }, ...(inflate ? { inflate } : {}) });
      assert.equal(told, 1, inflate ? "native" : "fflate");
    }
  });
});

describe("when Node's zlib answers", () => {
  /** A codec whose answers are marked (every byte +1), to see whose bytes a result holds. */
  const marking: InflateCodec = {
    decode(format, input, options) {
      const output = nodeInflate.decode(format, input, options);
      return { ...output, bytes: output.bytes.map((b) => (b + 1) & 255) };
    },
  };
  const answeredNatively = async (stream: Stream, options: Omit<DecompressOptions, "inflate">) => {
    const fflate = await decompress(stream.format, memorySource(stream.bytes), options);
    const marked = await decompress(stream.format, memorySource(stream.bytes), { ...options, inflate: marking });
    return !Buffer.from(marked.bytes).equals(Buffer.from(fflate.bytes));
  };

  it("valid streams decoded whole, and sniffs of them, are decoded by zlib (fflate is not needed)", async () => {
    for (const stream of zlibWrittenStreams().filter((s) => s.name.includes("level 6"))) {
      assert.ok(await answeredNatively(stream, { limit: 1 << 26 }), stream.name);
      assert.ok(await answeredNatively(stream, { limit: 1 << 26, want: 100 }), `${stream.name} sniffed`);
    }
    const counting = countingCodec();
    for (const stream of corpusStreams()) await decompress(stream.format, memorySource(stream.bytes), { limit: 1 << 26, inflate: counting });
    assert.ok(counting.decoded >= 45, `${counting.decoded} native decodes`);
  });

  it("broken, padded, over-the-cap and empty-last-member streams are left to fflate", async () => {
    const left = brokenStreams().filter((s) => /cut at|bad|padding|garbage after|empty member|not gzip|block type|NLEN|header only/.test(s.name));
    for (const stream of left) assert.equal(await answeredNatively(stream, { limit: 1 << 26 }), false, stream.name);
    const bomb: Stream = { name: "bomb", format: "gzip", bytes: gzipSync(Buffer.alloc(8 << 20)) };
    assert.equal(await answeredNatively(bomb, { limit: 1 << 20 }), false);
  });
});

describe("scans with and without Node's zlib report the same", () => {
  it("every compressed file of the corpora: same findings, warnings and layout", async () => {
    let compared = 0;
    for (const path of [...filesUnder(join(ROOT, "fixtures")), ...filesUnder(join(ROOT, "test", "data"))]) {
      const bytes = new Uint8Array(readFileSync(path));
      const name = path.slice(ROOT.length + 1);
      const counting = countingCodec();
      const native = await scanArtifact(memorySource(bytes), name, { inflate: counting });
      if (counting.decoded === 0) continue;
      const fflate = await scanArtifact(memorySource(bytes), name);
      assert.deepEqual(JSON.parse(JSON.stringify(native)), JSON.parse(JSON.stringify(fflate)), name);
      compared++;
    }
    assert.ok(compared >= 40, `${compared} files compared`);
  });
});

describe("the CLI decodes with Node's zlib", () => {
  /** Runs the built CLI and lists whether Node's zlib module was loaded, with the report. */
  const run = (args: string[]) => {
    const temp = mkdtempSync(join(tmpdir(), "pf-native-inflate-"));
    const probe = join(temp, "probe.cjs");
    writeFileSync(probe, `process.on("exit", () => require("node:fs").writeSync(2, "\\nLOADED " + JSON.stringify(process.moduleLoadList) + "\\n"));`);
    const r = spawnSync(process.execPath, ["--require", probe, join(ROOT, "bin", "pathfinder.js"), ...args], { encoding: "utf8" });
    const loaded = JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)![1]!) as string[];
    return { status: r.status, stdout: r.stdout, zlib: loaded.includes("NativeModule zlib") };
  };

  it("scan and inspect of gzip and zip model files load it, and report what fflate's decoding reports", async () => {
    const models = mkdtempSync(join(tmpdir(), "pf-native-models-"));
    const attacks = join(ROOT, "fixtures", "artifact-corpus", "attacks");
    for (const name of ["payload.pkl.gz", "payload-multimember.gz", "payload-padded.gz", "gzip-zip-appended.gz", "r26-gzip-header-fields.gz"]) copyFileSync(join(attacks, name), join(models, name));
    const scan = run(["scan", "--ruleset", "artifact/all", "--project", models, "--no-cache", "-o", "json"]);
    assert.ok(scan.status === 0 || scan.status === 1, `exit ${scan.status}`);
    assert.ok(scan.zlib, "node:zlib decoded the model files");
    const report = JSON.parse(scan.stdout) as { results: { rule_id: string; message: string; location: { file: string } }[]; errors: { file: string; message: string }[] };
    assert.ok(report.results.length >= 5, "the attacks are reported");
    for (const name of readdirSync(models)) {
      const fflate = await scanArtifact(memorySource(new Uint8Array(readFileSync(join(models, name)))), name);
      const key = (f: { rule_id?: string; ruleId?: string; message: string }) => `${f.rule_id ?? f.ruleId} ${f.message}`;
      assert.deepEqual(report.results.filter((f) => f.location.file === name).map(key).sort(), fflate.findings.map(key).sort(), name);
      assert.deepEqual(report.errors.filter((e) => e.file === name).map((e) => e.message).sort(), fflate.errors.map((e) => e.message).sort(), name);
    }
    assert.ok(run(["inspect", join(models, "payload.pkl.gz")]).zlib, "inspect");
  });

  it("a scan of Python source alone does not load it", () => {
    const scan = run(["scan", "--project", join(ROOT, "fixtures", "PYTHON-LANG-SEC-040"), "--no-cache", "-o", "json"]);
    assert.equal(scan.zlib, false);
  });
});
