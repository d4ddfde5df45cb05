// Container readers under real and hostile input: decoders against a known corpus, zip64, missing end
// records, nested and duplicate members, truncation at every cut point, absurd sizes, zip bombs, and a
// 300 MB sparse checkpoint that must be scanned without reading its tensor bytes.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { deflateRawSync, gzipSync } from "node:zlib";
import { memorySource, scanArtifact, type ArtifactScanResult, type ByteSource } from "../src/artifacts/index.js";
import { decompress, type Compression } from "../src/artifacts/containers/decompress.js";
import { concatBytes as concat } from "../src/artifacts/containers/bytes.js";
import { openFileByteSource } from "../src/project/byte-source.js";

const DATA = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "test", "data", "artifacts");

// A protocol-2 pickle of os.system('id'): PROTO 2, GLOBAL, SHORT_BINUNICODE, TUPLE1, REDUCE, STOP.
const EVIL = new Uint8Array([
  0x80, 0x02, ...ascii("cposix\nsystem\n"), 0x8c, 0x02, ...ascii("id"), 0x85, 0x52, 0x2e,
]);
// A benign protocol-2 pickle: {"a": 1}.
const BENIGN = new Uint8Array([0x80, 0x02, 0x7d, 0x8c, 0x01, 0x61, 0x4b, 0x01, 0x73, 0x2e]);

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

interface ZipMember {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  localName?: string;
  /** Declared uncompressed size when it differs from the data (e.g. a sparse tensor member). */
  declaredSize?: number;
}

interface ZipOptions {
  zip64?: boolean;
  omitCentralDirectory?: boolean;
}

/** A minimal zip writer (CRCs left at 0: readers must not depend on them). */
function buildZip(members: ZipMember[], options: ZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const member of members) {
    const payload = member.deflate ? new Uint8Array(deflateRawSync(member.data)) : member.data;
    const local = localHeader(member.localName ?? member.name, member.deflate ? 8 : 0, payload.length, member.declaredSize ?? member.data.length);
    parts.push(local, payload);
    central.push(centralHeader(member.name, member.deflate ? 8 : 0, payload.length, member.declaredSize ?? member.data.length, offset, options.zip64 === true));
    offset += local.length + payload.length;
  }
  if (!options.omitCentralDirectory) {
    const cdSize = central.reduce((n, c) => n + c.length, 0);
    parts.push(...central);
    if (options.zip64) {
      const record = new DataView(new ArrayBuffer(56));
      record.setUint32(0, 0x06064b50, true);
      record.setBigUint64(4, 44n, true);
      record.setUint16(12, 45, true);
      record.setUint16(14, 45, true);
      record.setBigUint64(24, BigInt(members.length), true);
      record.setBigUint64(32, BigInt(members.length), true);
      record.setBigUint64(40, BigInt(cdSize), true);
      record.setBigUint64(48, BigInt(offset), true);
      const locator = new DataView(new ArrayBuffer(20));
      locator.setUint32(0, 0x07064b50, true);
      locator.setBigUint64(8, BigInt(offset + cdSize), true);
      locator.setUint32(16, 1, true);
      parts.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer));
    }
    const eocd = new DataView(new ArrayBuffer(22));
    eocd.setUint32(0, 0x06054b50, true);
    eocd.setUint16(8, options.zip64 ? 0xffff : members.length, true);
    eocd.setUint16(10, options.zip64 ? 0xffff : members.length, true);
    eocd.setUint32(12, options.zip64 ? 0xffffffff : cdSize, true);
    eocd.setUint32(16, options.zip64 ? 0xffffffff : offset, true);
    parts.push(new Uint8Array(eocd.buffer));
  }
  return concat(parts);
}

function localHeader(name: string, method: number, compressed: number, size: number): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const header = new DataView(new ArrayBuffer(30));
  header.setUint32(0, 0x04034b50, true);
  header.setUint16(4, 20, true);
  header.setUint16(8, method, true);
  header.setUint32(18, compressed, true);
  header.setUint32(22, Math.min(size, 0xffffffff), true);
  header.setUint16(26, nameBytes.length, true);
  return concat([new Uint8Array(header.buffer), nameBytes]);
}

function centralHeader(name: string, method: number, compressed: number, size: number, offset: number, zip64: boolean): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const extra = new DataView(new ArrayBuffer(zip64 ? 28 : 0));
  if (zip64) {
    extra.setUint16(0, 0x0001, true);
    extra.setUint16(2, 24, true);
    extra.setBigUint64(4, BigInt(size), true);
    extra.setBigUint64(12, BigInt(compressed), true);
    extra.setBigUint64(20, BigInt(offset), true);
  }
  const header = new DataView(new ArrayBuffer(46));
  header.setUint32(0, 0x02014b50, true);
  header.setUint16(4, 45, true);
  header.setUint16(6, 45, true);
  header.setUint16(10, method, true);
  header.setUint32(20, zip64 ? 0xffffffff : compressed, true);
  header.setUint32(24, zip64 ? 0xffffffff : size, true);
  header.setUint16(28, nameBytes.length, true);
  header.setUint16(30, extra.byteLength, true);
  header.setUint32(42, zip64 ? 0xffffffff : offset, true);
  return concat([new Uint8Array(header.buffer), nameBytes, new Uint8Array(extra.buffer)]);
}

function scanBytes(bytes: Uint8Array, options = {}): Promise<ArtifactScanResult> {
  return scanArtifact(memorySource(bytes), "model.bin", options);
}

function systemCalls(result: ArtifactScanResult) {
  return result.findings.filter((f) => f.ruleId === "PICKLE-ARTIFACT-001" && f.message.includes("system"));
}

/** Wraps a source and counts the bytes handed out. */
function counting(source: ByteSource): ByteSource & { bytesRead: number; largestRead: number } {
  const counter = {
    size: source.size,
    bytesRead: 0,
    largestRead: 0,
    async read(offset: number, length: number) {
      const bytes = await source.read(offset, length);
      counter.bytesRead += bytes.length;
      counter.largestRead = Math.max(counter.largestRead, bytes.length);
      return bytes;
    },
  };
  return counter;
}

describe("decoders", () => {
  const expected = readFile(join(DATA, "decoders/corpus.sha256"), "utf8").then((t) => t.trim());
  const formats: [Compression, string][] = [
    ["bz2", "corpus.bz2"],
    ["xz", "corpus.xz"],
    ["lzma", "corpus.lzma"],
    ["gzip", "corpus.gz"],
  ];
  for (const [format, file] of formats) {
    it(`${format} decodes the corpus exactly`, async () => {
      const input = new Uint8Array(await readFile(join(DATA, "decoders", file)));
      const result = await decompress(format, memorySource(input), { limit: 1 << 24 });
      assert.equal(result.error, undefined);
      assert.equal(result.limitReached, false);
      assert.equal(createHash("sha256").update(result.bytes).digest("hex"), await expected);
    });

    it(`${format} stops at the output limit and reports it`, async () => {
      const input = new Uint8Array(await readFile(join(DATA, "decoders", file)));
      const result = await decompress(format, memorySource(input), { limit: 10_000 });
      assert.equal(result.limitReached, true);
      assert.ok(result.bytes.length <= 10_000);
    });

    it(`${format} reports truncated input as an error, keeping what it decoded`, async () => {
      const input = new Uint8Array(await readFile(join(DATA, "decoders", file)));
      const result = await decompress(format, memorySource(input.subarray(0, input.length >> 1)), { limit: 1 << 24 });
      assert.ok(result.error, "truncation is reported");
      assert.ok(result.bytes.length < 260_000);
    });
  }

  it("sniffing asks for a few bytes without counting as a limit breach", async () => {
    const input = new Uint8Array(await readFile(join(DATA, "decoders/corpus.xz")));
    const result = await decompress("xz", memorySource(input), { limit: 1 << 24, want: 100 });
    assert.equal(result.limitReached, false);
    assert.equal(result.bytes.length, 100);
  });
});

describe("zip layouts", () => {
  it("reads zip64 end records and extra fields", async () => {
    const zip = buildZip([{ name: "archive/data.pkl", data: EVIL }, { name: "archive/version", data: new Uint8Array([0x33]) }], { zip64: true });
    const result = await scanBytes(zip);
    assert.equal(result.kind, "torch-zip");
    assert.equal(systemCalls(result).length, 1);
    assert.deepEqual(result.errors, []);
    assert.equal(result.layout[0]!.size, EVIL.length);
  });

  it("walks local headers when the end record is missing", async () => {
    const zip = buildZip([{ name: "weights/data.pkl", data: EVIL, deflate: true }], { omitCentralDirectory: true });
    const result = await scanBytes(zip);
    assert.equal(systemCalls(result).length, 1);
    assert.ok(result.errors.some((e) => /walking local headers/.test(e.message)));
  });

  it("scans every member that parses as a pickle, whatever its name, and nested zips", async () => {
    const inner = buildZip([{ name: "data.pkl", data: EVIL }]);
    const zip = buildZip([
      { name: "model/data.pkl", data: BENIGN },
      { name: "model/readme.txt", data: new TextEncoder().encode("hello") },
      { name: "model/inner.zip", data: inner, deflate: true },
      { name: "model/config.json", data: EVIL, deflate: true },
    ]);
    const result = await scanBytes(zip);
    assert.deepEqual(systemCalls(result).map((f) => f.location.member).sort(), ["model/config.json", "model/inner.zip/data.pkl"]);
  });

  it("flags duplicate member names", async () => {
    const zip = buildZip([
      { name: "archive/data.pkl", data: BENIGN },
      { name: "archive/data.pkl", data: EVIL },
    ]);
    const result = await scanBytes(zip);
    assert.ok(result.findings.some((f) => f.ruleId === "PICKLE-ARTIFACT-006" && /more than one/.test(f.message)));
    assert.equal(systemCalls(result).length, 1);
  });

  it("never reads torch tensor members", async () => {
    const tensor = new Uint8Array(4 << 20).fill(0x63); // 'c' = GLOBAL: would confuse a reader that parsed it
    const zip = buildZip([
      { name: "archive/data.pkl", data: BENIGN },
      { name: "archive/data/0", data: tensor },
    ]);
    const source = counting(memorySource(zip));
    const result = await scanArtifact(source, "model.pt");
    assert.deepEqual(result.findings, []);
    // Only the sniffed head (64 KiB) and the end-record search window (64 KiB) touch tensor bytes.
    assert.ok(source.bytesRead < 200_000, `read ${source.bytesRead} of ${zip.length}`);
    assert.equal(result.layout.find((l) => l.name === "archive/data/0")?.role, "tensor-data");
  });

  it("respects the container nesting limit", async () => {
    let nested = buildZip([{ name: "data.pkl", data: EVIL }]);
    for (let i = 0; i < 4; i++) nested = buildZip([{ name: `level${i}.zip`, data: nested }]);
    const shallow = await scanBytes(nested, { limits: { maxNesting: 2 } });
    assert.equal(systemCalls(shallow).length, 0);
    assert.ok(shallow.errors.some((e) => /nested deeper/.test(e.message)));
    const deep = await scanBytes(nested);
    assert.equal(systemCalls(deep).length, 1);
  });
});

describe("npy headers", () => {
  function npy(major: number, header: string, body: Uint8Array): Uint8Array {
    const text = new TextEncoder().encode(header);
    const length = new DataView(new ArrayBuffer(major === 1 ? 2 : 4));
    if (major === 1) length.setUint16(0, text.length, true);
    else length.setUint32(0, text.length, true);
    return concat([new Uint8Array([0x93, ...ascii("NUMPY"), major, 0]), new Uint8Array(length.buffer), text, body]);
  }

  for (const major of [1, 2, 3]) {
    it(`reads format ${major}.0 headers and analyses object bodies at the right offset`, async () => {
      const header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }".padEnd(117) + "\n";
      const bytes = npy(major, header, EVIL);
      const result = await scanBytes(bytes);
      assert.equal(result.kind, "npy");
      const [finding] = systemCalls(result);
      assert.ok(finding);
      assert.equal(bytes[finding.location.offset!], 0x52);
    });
  }

  it("treats structured dtypes with an object field as pickles, plain ones as data", async () => {
    const objectField = npy(1, "{'descr': [('a', '<f8'), ('b', '|O')], 'fortran_order': False, 'shape': (1,), }\n", EVIL);
    assert.equal(systemCalls(await scanBytes(objectField)).length, 1);
    const plain = npy(1, "{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }\n", EVIL);
    const result = await scanBytes(plain);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.analyses, []);
  });

  it("warns on a truncated header", async () => {
    const bytes = npy(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }\n", EVIL).subarray(0, 30);
    const result = await scanBytes(bytes);
    assert.ok(result.errors.some((e) => /truncated/.test(e.message)));
  });
});

describe("hostile input", () => {
  it("survives zip64 extra fields with offsets beyond any file", async () => {
    const zip = buildZip([{ name: "archive/data.pkl", data: EVIL }], { zip64: true });
    const view = new DataView(zip.buffer);
    const cd = zip.indexOf(0x50, zip.length - 22 - 20 - 56 - 100);
    for (let at = cd; at < zip.length - 4; at++) {
      if (view.getUint32(at, true) === 0x02014b50) {
        const extra = at + 46 + "archive/data.pkl".length;
        view.setBigUint64(extra + 20, 0xfff0000000000000n, true); // local header offset
        break;
      }
    }
    const result = await scanBytes(zip);
    assert.ok(result.errors.some((e) => /outside the file/.test(e.message)), JSON.stringify(result.errors));
  });

  it("survives a zip truncated at every cut point", async () => {
    const zip = new Uint8Array(await readFile(join(DATA, "malicious/hidden-member.pt")));
    for (let cut = 0; cut < zip.length; cut++) {
      const result = await scanBytes(zip.subarray(0, cut));
      assert.ok(typeof result.kind === "string");
      for (const error of result.errors) assert.equal(error.level, "warning", `cut ${cut}: ${error.message}`);
      assert.ok(!result.errors.some((e) => /could not inspect/.test(e.message)), `cut ${cut} threw inside the scan`);
    }
  });

  it("survives a central directory announcing huge sizes and offsets", async () => {
    const zip = buildZip([{ name: "archive/data.pkl", data: EVIL }, { name: "x", data: BENIGN }]);
    const view = new DataView(zip.buffer);
    const cdStart = view.getUint32(zip.length - 22 + 16, true);
    view.setUint32(cdStart + 20, 0xfffffff0, true); // compressed size
    view.setUint32(cdStart + 24, 0xfffffff0, true); // uncompressed size
    const second = cdStart + 46 + "archive/data.pkl".length;
    view.setUint32(second + 42, 0x7ffffff0, true); // local header offset
    view.setUint16(zip.length - 22 + 10, 0xffff, true); // total entries
    view.setUint32(zip.length - 22 + 12, 0xfffffff0, true); // central directory size
    const result = await scanBytes(zip);
    assert.ok(result.errors.length > 0);
    for (const error of result.errors) assert.equal(error.level, "warning");
  });

  it("stops a deflate zip bomb at the decompression limit with a finding", async () => {
    const bomb = concat([new Uint8Array([0x80, 0x04, 0x4e]), new Uint8Array(48 << 20)]);
    const zip = buildZip([{ name: "archive/data.pkl", data: bomb, deflate: true }]);
    assert.ok(zip.length < 100_000, `bomb is ${zip.length} bytes`);
    const limit = 4 << 20;
    const result = await scanBytes(zip, { limits: { maxDecompressedBytes: limit } });
    assert.ok(
      result.findings.some((f) => f.ruleId === "PICKLE-ARTIFACT-007" && /limit/.test(f.message) && /decompression bomb/.test(f.message)),
      JSON.stringify(result.findings),
    );
    const total = result.layout.reduce((n, l) => n + (l.method === "deflate" ? l.size : 0), 0);
    assert.ok(total <= limit, `decompressed ${total} bytes`);
    assert.ok(result.analyses.every((a) => a.analysis.bytesConsumed <= limit));
  });

  it("only sniffs compressed content that is neither a pickle nor a container", async () => {
    const text = new TextEncoder().encode("timestamp,loss\n".repeat(700_000));
    const gz = new Uint8Array(gzipSync(text));
    const result = await scanBytes(gz);
    assert.equal(result.kind, "gzip");
    assert.deepEqual(result.analyses, []);
    assert.deepEqual(result.errors, []);
    assert.equal(result.layout[0]!.role, "other");
    assert.ok(result.layout[0]!.size < text.length, "the stream was not decompressed whole");
  });

  it("still analyses what a truncated gzip pickle holds", async () => {
    const gz = new Uint8Array(gzipSync(EVIL));
    const result = await scanBytes(gz.subarray(0, gz.length - 8));
    assert.ok(result.errors.some((e) => /corrupt or truncated/.test(e.message)));
    assert.equal(systemCalls(result).length, 1);
  });

  it("survives pseudo-random bytes behind every known magic", async () => {
    const magics = [
      [], ascii("PK\x03\x04"), ascii("PK\x05\x06"), [0x80, 0x02], [0x80, 0x05, 0x95], [0x1f, 0x8b, 0x08],
      ascii("BZh9"), [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], [0x5d, 0x00, 0x00, 0x80, 0x00], [0x93, ...ascii("NUMPY"), 1, 0],
      [0x93, ...ascii("NUMPY"), 3, 0, 0xff, 0xff, 0xff, 0x7f], [0x78, 0x9c], ascii("ZF0x10               x"), ascii("(lp0\n"),
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16;
    for (const magic of magics) {
      for (const length of [0, 1, 17, 300, 5000]) {
        const bytes = concat([new Uint8Array(magic), Uint8Array.from({ length }, random)]);
        const result = await scanBytes(bytes);
        for (const error of result.errors) assert.equal(error.level, "warning");
        assert.ok(!result.errors.some((e) => /could not inspect/.test(e.message)), `${magic}: ${JSON.stringify(result.errors)}`);
      }
    }
  });

  it("rejects a legacy torch storage record with an unknown type instead of guessing its size", async () => {
    const bytes = new Uint8Array(await readFile(join(DATA, "malicious/legacy.tar")));
    const text = Buffer.from(bytes);
    const at = text.indexOf("FloatStorage");
    text.write("FloatStorXge", at, "latin1");
    const result = await scanBytes(new Uint8Array(text));
    assert.ok(result.errors.some((e) => /unknown storage type/.test(e.message)));
    assert.equal(systemCalls(result).length, 1, "the payload in `pickle` is still found");
  });
});

describe("large files", () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("analyses a raw pickle with 300 MB of inline bytes without reading them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pathfinder-artifact-"));
    dirs.push(dir);
    const path = join(dir, "big.pkl");
    const inline = 300 * 1024 * 1024;
    const length = new DataView(new ArrayBuffer(8));
    length.setBigUint64(0, BigInt(inline), true);
    const head = concat([new Uint8Array([0x80, 0x04, 0x8e]), new Uint8Array(length.buffer)]);
    // POP the bytes, then call posix.system('id').
    const tail = concat([new Uint8Array([0x30]), EVIL.subarray(2)]);
    const handle = await open(path, "w");
    await handle.write(head, 0, undefined, 0);
    await handle.truncate(head.length + inline);
    await handle.write(tail, 0, undefined, head.length + inline);
    await handle.close();

    const file = await openFileByteSource(path);
    try {
      const source = counting(file);
      const result = await scanArtifact(source, "big.pkl");
      assert.equal(result.kind, "pickle");
      const [finding] = systemCalls(result);
      assert.ok(finding, JSON.stringify(result.errors));
      assert.equal(finding.location.offset, file.size - 2, "the REDUCE offset is in file coordinates");
      assert.ok(source.bytesRead < 4 << 20, `read ${source.bytesRead} bytes of ${file.size}`);
      assert.ok(result.layout.some((l) => l.role === "tensor-data" && l.size === inline));
      assert.deepEqual(result.errors, []);
    } finally {
      await file.close();
    }
  });

  it("reads only the first bytes of a 300 MB file named like a checkpoint that holds other data", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pathfinder-artifact-"));
    dirs.push(dir);
    for (const [name, head] of [["weights.bin", new Uint8Array(0)], ["model.pt", new Uint8Array([0x80, 0x02])]] as const) {
      const path = join(dir, name);
      const handle = await open(path, "w");
      await handle.write(head, 0, undefined, 0);
      await handle.truncate(300 * 1024 * 1024);
      await handle.close();
      const file = await openFileByteSource(path);
      try {
        const source = counting(file);
        const result = await scanArtifact(source, name);
        assert.deepEqual(result.findings, []);
        assert.ok(source.bytesRead < 4 << 20, `${name}: read ${source.bytesRead} bytes of ${file.size}`);
      } finally {
        await file.close();
      }
    }
  });

  it("scans a 300 MB sparse checkpoint through a file ByteSource without reading its tensor data", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pathfinder-artifact-"));
    dirs.push(dir);
    const path = join(dir, "big.pt");
    const tensorSize = 300 * 1024 * 1024;
    // Layout: [local data.pkl][EVIL][local data/0][300 MB hole][central directory][end record].
    const first = localHeader("archive/data.pkl", 0, EVIL.length, EVIL.length);
    const second = localHeader("archive/data/0", 0, tensorSize, tensorSize);
    const secondOffset = first.length + EVIL.length;
    const dataEnd = secondOffset + second.length + tensorSize;
    const central = concat([
      centralHeader("archive/data.pkl", 0, EVIL.length, EVIL.length, 0, false),
      centralHeader("archive/data/0", 0, tensorSize, tensorSize, secondOffset, false),
    ]);
    const eocd = new DataView(new ArrayBuffer(22));
    eocd.setUint32(0, 0x06054b50, true);
    eocd.setUint16(8, 2, true);
    eocd.setUint16(10, 2, true);
    eocd.setUint32(12, central.length, true);
    eocd.setUint32(16, dataEnd, true);
    const handle = await open(path, "w");
    await handle.write(concat([first, EVIL, second]), 0, undefined, 0);
    await handle.truncate(dataEnd);
    await handle.write(concat([central, new Uint8Array(eocd.buffer)]), 0, undefined, dataEnd);
    await handle.close();

    const file = await openFileByteSource(path);
    try {
      assert.ok(file.size > tensorSize);
      const source = counting(file);
      const result = await scanArtifact(source, "big.pt");
      assert.equal(result.kind, "torch-zip");
      assert.equal(systemCalls(result).length, 1);
      assert.ok(source.bytesRead < 1 << 20, `read ${source.bytesRead} bytes of ${file.size}`);
      assert.equal(result.layout.find((l) => l.name === "archive/data/0")?.size, tensorSize);
    } finally {
      await file.close();
    }
  });
});
