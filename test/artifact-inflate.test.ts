// The synchronous inflate decoder against node:zlib: round trips over levels and strategies, multi-member gzip
// and its header flags, output limits and zip bombs, truncation at every cut point, hand-built corrupt streams,
// a differential fuzz loop (random and mutated streams must decode, or fail, exactly as zlib does), and the
// decompress() paths that use it (bounded input prefix for sniffing, stream fallback for big inputs).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { constants, deflateRawSync, deflateSync, gzipSync, inflateRawSync, inflateSync, gunzipSync, type ZlibOptions } from "node:zlib";
import { memorySource, type ByteSource } from "../src/artifacts/index.js";
import { decompress, type Compression, type DecompressOptions } from "../src/artifacts/containers/decompress.js";
import { gunzip, inflateRaw, inflateZlib, type InflateResult } from "../src/artifacts/containers/inflate.js";

// ---- inputs ----------------------------------------------------------------------------------------------------

/** Deterministic pseudo-random numbers, so every run tests the same cases. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomBytes(length: number, seed: number): Uint8Array {
  const next = prng(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

/** Source-code-like text with varied lines: compresses with a realistic mix of literals and matches. */
function sourceText(length: number): Uint8Array {
  const next = prng(7);
  const words = ["self", "return", "import", "pickle", "loads", "data", "def", "class", "model", "weights", "None", "if", "for", "in"];
  let text = "";
  for (let line = 0; text.length < length; line++) {
    const indent = " ".repeat(4 * Math.floor(next() * 3));
    const parts = Array.from({ length: 2 + Math.floor(next() * 6) }, () => words[Math.floor(next() * words.length)]!);
    text += `${indent}${parts.join(" ")}_${line % 97} = ${Math.floor(next() * 100000)}\n`;
  }
  return new TextEncoder().encode(text.slice(0, length));
}

const bytes = (data: Uint8Array | Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => bytes(Buffer.concat(parts.map((p) => Uint8Array.from(p))));
const equalBytes = (actual: Uint8Array, expected: Uint8Array, message?: string) =>
  assert.ok(Buffer.from(actual).equals(Buffer.from(expected)), message ?? `expected ${expected.length} bytes, got ${actual.length}`);

function crc32(data: Uint8Array): number {
  let crc = -1;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ -1) >>> 0;
}

const u32le = (value: number): number[] => [value & 255, (value >>> 8) & 255, (value >>> 16) & 255, value >>> 24];

/** Writes DEFLATE bit fields LSB first, and Huffman codes MSB first, for hand-built streams. */
class BitWriter {
  private readonly out: number[] = [];
  private current = 0;
  private count = 0;

  bits(value: number, count: number): this {
    for (let i = 0; i < count; i++) this.bit((value >>> i) & 1);
    return this;
  }

  code(value: number, length: number): this {
    for (let i = length - 1; i >= 0; i--) this.bit((value >>> i) & 1);
    return this;
  }

  private bit(bit: number): void {
    this.current |= bit << this.count;
    if (++this.count === 8) {
      this.out.push(this.current);
      this.current = 0;
      this.count = 0;
    }
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.count > 0 ? [...this.out, this.current] : this.out);
  }
}

/** Fixed-Huffman codes (RFC 1951 3.2.6). */
const fixedLiteral = (w: BitWriter, value: number) =>
  value < 144 ? w.code(0x30 + value, 8) : value < 256 ? w.code(0x190 + value - 144, 9) : value < 280 ? w.code(value - 256, 7) : w.code(0xc0 + value - 280, 8);

/** Zero-length stored blocks (non-final): valid, produce nothing, and may repeat any number of times. */
const emptyStoredBlocks = (count: number): Uint8Array => {
  const block = [0x00, 0x00, 0x00, 0xff, 0xff];
  const out = new Uint8Array(count * block.length);
  for (let i = 0; i < count; i++) out.set(block, i * block.length);
  return out;
};

/** A gzip member around a raw DEFLATE stream, with optional header fields. */
function gzipMember(raw: Uint8Array, content: Uint8Array, fields: { extra?: number[]; name?: string; comment?: string; headerCrc?: boolean } = {}): Uint8Array {
  const flags = (fields.headerCrc ? 2 : 0) | (fields.extra ? 4 : 0) | (fields.name !== undefined ? 8 : 0) | (fields.comment !== undefined ? 16 : 0);
  const header = [0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 255];
  if (fields.extra) header.push(fields.extra.length & 255, fields.extra.length >>> 8, ...fields.extra);
  if (fields.name !== undefined) header.push(...Buffer.from(fields.name, "latin1"), 0);
  if (fields.comment !== undefined) header.push(...Buffer.from(fields.comment, "latin1"), 0);
  if (fields.headerCrc) {
    const crc = crc32(Uint8Array.from(header));
    header.push(crc & 255, (crc >>> 8) & 255);
  }
  return concat(header, raw, u32le(crc32(content)), u32le(content.length));
}

// ---- round trips -----------------------------------------------------------------------------------------------

const SAMPLES: [string, Uint8Array][] = [
  ["empty input", new Uint8Array(0)],
  ["one byte", Uint8Array.of(0x2a)],
  ["incompressible random data", randomBytes(100_000, 1)],
  ["a 300 KB run of one byte (distance-1 matches)", new Uint8Array(300_000).fill(0x61)],
  ["a short repeated pattern", new TextEncoder().encode("pickle.loads(data) ".repeat(8000))],
  ["200 KB of source-like text", sourceText(200_000)],
];

const STRATEGIES: [string, number][] = [
  ["default", constants.Z_DEFAULT_STRATEGY],
  ["filtered", constants.Z_FILTERED],
  ["Huffman only", constants.Z_HUFFMAN_ONLY],
  ["RLE", constants.Z_RLE],
  ["fixed", constants.Z_FIXED],
];

describe("inflate round trips against node:zlib", () => {
  for (const [name, data] of SAMPLES) {
    it(`decodes ${name} at every level and strategy, in all three wrappers`, () => {
      for (const level of [0, 1, 6, 9]) {
        for (const [strategyName, strategy] of STRATEGIES) {
          const options: ZlibOptions = { level, strategy };
          const label = `level ${level}, ${strategyName}`;
          for (const [wrapper, compress, inflate] of [
            ["raw", deflateRawSync, inflateRaw],
            ["zlib", deflateSync, inflateZlib],
            ["gzip", gzipSync, gunzip],
          ] as const) {
            const result = inflate(bytes(compress(data, options)), 1 << 30);
            assert.equal(result.error, undefined, `${wrapper}, ${label}`);
            assert.equal(result.limitReached, false, `${wrapper}, ${label}`);
            assert.equal(result.truncated, false, `${wrapper}, ${label}`);
            equalBytes(result.bytes, data, `${wrapper}, ${label}`);
          }
        }
      }
    });
  }

  it("decodes a stream with a small window and memory level", () => {
    const data = sourceText(100_000);
    equalBytes(inflateZlib(bytes(deflateSync(data, { windowBits: 9, memLevel: 1 })), 1 << 20).bytes, data);
  });

  it("ignores bytes after the final block (raw and zlib), as zlib does", () => {
    const data = sourceText(5000);
    const raw = inflateRaw(concat(deflateRawSync(data), [1, 2, 3]), 1 << 20);
    assert.equal(raw.error, undefined);
    equalBytes(raw.bytes, data);
    const zlib = inflateZlib(concat(deflateSync(data), [1, 2, 3]), 1 << 20);
    assert.equal(zlib.error, undefined);
    equalBytes(zlib.bytes, data);
  });
});

describe("gzip members and headers", () => {
  const first = sourceText(70_000);
  const second = randomBytes(3000, 2);

  it("decodes every member of a multi-member file", () => {
    const result = gunzip(concat(gzipSync(first), gzipSync(second), gzipSync(new Uint8Array(0)), gzipSync(first, { level: 1 })), 1 << 20);
    assert.equal(result.error, undefined);
    equalBytes(result.bytes, concat(first, second, first));
  });

  it("skips zero padding between members as Python's gzip does, and a non-zero byte starts a member that must be valid", () => {
    const padded = gunzip(concat(gzipSync(first), [0, 0, 0, 0], gzipSync(second)), 1 << 20);
    assert.equal(padded.error, undefined);
    equalBytes(padded.bytes, concat(first, second));
    const trailing = gunzip(concat(gzipSync(first), [0, 0, 0, 0]), 1 << 20);
    assert.equal(trailing.error, undefined);
    equalBytes(trailing.bytes, first);
    const paddedJunk = gunzip(concat(gzipSync(first), [0, 0, 7, 7]), 1 << 20);
    assert.equal(paddedJunk.error, "incorrect header check");
    equalBytes(paddedJunk.bytes, first);
    const junk = gunzip(concat(gzipSync(first), [7, 7, 7]), 1 << 20);
    assert.equal(junk.error, "incorrect header check");
    equalBytes(junk.bytes, first, "what was decoded before the junk is kept");
    const cut = gunzip(concat(gzipSync(first), [0x1f, 0x8b]), 1 << 20);
    assert.equal(cut.error, "unexpected end of file");
    assert.equal(cut.truncated, true);
  });

  it("skips FEXTRA, FNAME and FCOMMENT fields and checks FHCRC", () => {
    const raw = bytes(deflateRawSync(second));
    const fields = { extra: [0x41, 0x50, 2, 0, 1, 2], name: "model.pkl", comment: "saved by joblib", headerCrc: true };
    const member = gzipMember(raw, second, fields);
    const result = gunzip(concat(member, member), 1 << 20);
    assert.equal(result.error, undefined);
    equalBytes(result.bytes, concat(second, second));
    equalBytes(bytes(gunzipSync(member)), second, "the hand-built member is valid for zlib too");

    const badHeaderCrc = Uint8Array.from(member);
    badHeaderCrc[10 + 2 + 6 + 10 + 16] ^= 1; // low byte of the header CRC
    assert.equal(gunzip(badHeaderCrc, 1 << 20).error, "header crc mismatch");
  });

  it("does not let a member copy from the output of the member before it", () => {
    // A fixed block whose first symbol is a match (length 3, distance 1): valid only with earlier output.
    const matchFirst = new BitWriter().bits(1, 1).bits(1, 2).code(1, 7).code(0, 5).code(0, 7).finish();
    const input = concat(gzipSync(first), gzipMember(matchFirst, new Uint8Array(3)));
    const result = gunzip(input, 1 << 20);
    assert.equal(result.error, "invalid distance too far back");
    equalBytes(result.bytes, first);
    assert.throws(() => gunzipSync(input), { message: "invalid distance too far back" }, "zlib agrees");
  });

  it("reports bad magic, method, flags, CRC and length like zlib, keeping the decoded data", () => {
    const member = bytes(gzipSync(second));
    const mutate = (at: number, value: number) => {
      const copy = Uint8Array.from(member);
      copy[at] = value;
      return gunzip(copy, 1 << 20);
    };
    assert.equal(mutate(1, 0x8c).error, "incorrect header check");
    assert.equal(mutate(2, 7).error, "unknown compression method");
    assert.equal(mutate(3, 0x20).error, "unknown header flags set");
    const badCrc = mutate(member.length - 8, member[member.length - 8]! ^ 0xff);
    assert.equal(badCrc.error, "incorrect data check");
    equalBytes(badCrc.bytes, second);
    assert.equal(mutate(member.length - 4, member[member.length - 4]! ^ 1).error, "incorrect length check");
  });
});

describe("zlib wrapper", () => {
  const data = sourceText(10_000);
  const stream = bytes(deflateSync(data));

  it("checks the header and the Adler-32 trailer", () => {
    const headers: [number[], string][] = [
      [[0x78, 0x9d], "incorrect header check"],
      [[0x79, 0x18], "unknown compression method"],
      [[0x88, 0x1c], "invalid window size"],
      [[0x78, 0xbb, 0, 0, 0, 1], "Missing dictionary"],
    ];
    for (const [header, message] of headers) {
      const input = concat(header, stream.subarray(2));
      assert.equal(inflateZlib(input, 1 << 20).error, message);
      assert.throws(() => inflateSync(input), { message }, "zlib agrees");
    }
    const badAdler = Uint8Array.from(stream);
    badAdler[badAdler.length - 1] ^= 1;
    const result = inflateZlib(badAdler, 1 << 20);
    assert.equal(result.error, "incorrect data check");
    equalBytes(result.bytes, data);
  });
});

// ---- limits ----------------------------------------------------------------------------------------------------

/** A fixed-Huffman block of one literal and `matches` (length 258, distance 1) copies: 13 bits per 258 bytes. */
function deflateBomb(matches: number): Uint8Array {
  const w = new BitWriter().bits(1, 1).bits(1, 2);
  fixedLiteral(w, 0x41);
  for (let i = 0; i < matches; i++) {
    fixedLiteral(w, 285); // length 258
    w.code(0, 5); // distance code 0: distance 1
  }
  fixedLiteral(w, 256);
  return w.finish();
}

describe("output limits", () => {
  const data = sourceText(100_000);
  const raw = bytes(deflateRawSync(data));

  it("stops at maxOutput with the first maxOutput bytes and limitReached", () => {
    for (const max of [0, 1, 1000, 65_537, data.length - 1]) {
      const result = inflateRaw(raw, max);
      assert.equal(result.limitReached, true, `max ${max}`);
      assert.equal(result.error, undefined);
      equalBytes(result.bytes, data.subarray(0, max), `max ${max}`);
    }
  });

  it("does not report a limit when the output fits exactly", () => {
    const result = inflateRaw(raw, data.length);
    assert.equal(result.limitReached, false);
    equalBytes(result.bytes, data);
    assert.equal(inflateRaw(bytes(deflateRawSync(new Uint8Array(0))), 0).limitReached, false);
  });

  it("stops a zip bomb at the cap without allocating past it", () => {
    const bomb = deflateBomb(400_000); // 650 KB that would expand to 103 MB
    assert.ok(bomb.length < 700_000);
    const cap = 3_000_001;
    const result = inflateRaw(bomb, cap);
    assert.equal(result.limitReached, true);
    assert.equal(result.bytes.length, cap);
    assert.ok(result.bytes.buffer.byteLength <= cap, `output buffer of ${result.bytes.buffer.byteLength} bytes`);
    assert.ok(result.bytes.every((b) => b === 0x41));
  });

  it("stops in the middle of a stored block at the cap", () => {
    const result = inflateRaw(bytes(deflateRawSync(data, { level: 0 })), 70_000);
    assert.equal(result.limitReached, true);
    equalBytes(result.bytes, data.subarray(0, 70_000));
  });
});

// ---- corrupt and truncated input -------------------------------------------------------------------------------

describe("corrupt and truncated input", () => {
  const data = sourceText(3000);
  const streams: [string, Uint8Array, (input: Uint8Array, max: number) => InflateResult][] = [
    ["raw", bytes(deflateRawSync(data)), inflateRaw],
    ["raw fixed", bytes(deflateRawSync(data, { strategy: constants.Z_FIXED })), inflateRaw],
    ["raw stored", bytes(deflateRawSync(data, { level: 0 })), inflateRaw],
    ["zlib", bytes(deflateSync(data)), inflateZlib],
    ["gzip", bytes(gzipSync(data)), gunzip],
  ];

  for (const [name, stream, inflate] of streams) {
    it(`${name}: every cut point gives an end-of-file error and a prefix of the data`, () => {
      for (let cut = 0; cut < stream.length; cut++) {
        const result = inflate(stream.subarray(0, cut), 1 << 20);
        assert.equal(result.error, "unexpected end of file", `cut at ${cut}`);
        assert.equal(result.truncated, true, `cut at ${cut}`);
        equalBytes(result.bytes, data.subarray(0, result.bytes.length), `cut at ${cut}`);
      }
    });
  }

  const corrupt: [string, Uint8Array, string][] = [
    ["block type 3", Uint8Array.of(0x07, 0, 0), "invalid block type"],
    ["stored lengths that do not match", Uint8Array.of(0x01, 5, 0, 0xfa, 0xfe, 1, 2, 3, 4, 5), "invalid stored block lengths"],
    ["a fixed-block match before any output", new BitWriter().bits(1, 1).bits(1, 2).code(1, 7).code(0, 5).bits(0, 16).finish(), "invalid distance too far back"],
    ["literal/length symbol 286", fixedLiteral(new BitWriter().bits(1, 1).bits(1, 2), 286).bits(0, 16).finish(), "invalid literal/length code"],
    ["distance symbol 30", fixedLiteral(fixedLiteral(new BitWriter().bits(1, 1).bits(1, 2), 0x41), 257).code(30, 5).bits(0, 16).finish(), "invalid distance code"],
    ["HLIT of 287 symbols", new BitWriter().bits(1, 1).bits(2, 2).bits(30, 5).bits(0, 5).bits(0, 4).bits(0, 32).finish(), "too many length or distance symbols"],
    [
      "over-subscribed code length codes",
      // All 19 code length codes of length 1.
      Array.from({ length: 19 }).reduce<BitWriter>((w) => w.bits(1, 3), new BitWriter().bits(1, 1).bits(2, 2).bits(0, 5).bits(0, 5).bits(15, 4)).bits(0, 32).finish(),
      "invalid code lengths set",
    ],
    [
      "incomplete code length codes",
      new BitWriter().bits(1, 1).bits(2, 2).bits(0, 5).bits(0, 5).bits(0, 4).bits(2, 3).bits(2, 3).bits(2, 3).bits(0, 3).bits(0, 32).finish(),
      "invalid code lengths set",
    ],
    [
      // Code length codes 16, 17, 18 and 0 of length 2 (codes: 0 -> 00, 16 -> 01, 17 -> 10, 18 -> 11); then a
      // repeat (16) comes first.
      "a repeat with no previous length",
      new BitWriter().bits(1, 1).bits(2, 2).bits(0, 5).bits(0, 5).bits(0, 4).bits(2, 3).bits(2, 3).bits(2, 3).bits(2, 3).code(1, 2).bits(0, 32).finish(),
      "invalid bit length repeat",
    ],
    [
      // 257 literal/length + 1 distance lengths, all zero (18: 138 zeros, then 120): no end-of-block code.
      "no end-of-block code",
      new BitWriter().bits(1, 1).bits(2, 2).bits(0, 5).bits(0, 5).bits(0, 4).bits(2, 3).bits(2, 3).bits(2, 3).bits(2, 3)
        .code(3, 2).bits(127, 7).code(3, 2).bits(109, 7).bits(0, 32).finish(),
      "invalid code -- missing end-of-block",
    ],
  ];

  for (const [name, stream, message] of corrupt) {
    it(`reports ${name} as "${message}", without throwing`, () => {
      const result = inflateRaw(stream, 1 << 20);
      assert.equal(result.error, message);
      assert.equal(result.truncated, false);
      assert.throws(() => inflateRawSync(stream), { message }, "zlib agrees");
    });
  }

  it("keeps the output decoded before the corruption", () => {
    const stored = concat([0x00, 5, 0, 0xfa, 0xff], new TextEncoder().encode("abcde"), [0x07]);
    const result = inflateRaw(stored, 1 << 20);
    assert.equal(result.error, "invalid block type");
    assert.equal(new TextDecoder().decode(result.bytes), "abcde");
  });

  it("walks through 2 MB of empty stored blocks to the end of the input", () => {
    const endless = emptyStoredBlocks(400_000);
    const result = inflateRaw(endless, 1 << 20);
    assert.equal(result.error, "unexpected end of file");
    assert.equal(result.bytes.length, 0);
    const thenData = inflateRaw(concat(endless, deflateRawSync(data)), 1 << 20);
    assert.equal(thenData.error, undefined);
    equalBytes(thenData.bytes, data);
  });

  it("decodes or rejects random and mutated streams exactly as zlib does", () => {
    const next = prng(42);
    const valid = STRATEGIES.flatMap(([, strategy]) =>
      [1, 6, 9].map((level) => bytes(deflateRawSync(sourceText(200 + Math.floor(next() * 6000)), { level, strategy }))),
    );
    const cases: Uint8Array[] = [];
    for (let n = 0; n < 1500; n++) cases.push(randomBytes(Math.floor(next() * 300), n + 1000));
    for (let n = 0; n < 3000; n++) {
      const mutated = Uint8Array.from(valid[n % valid.length]!);
      for (let flips = 1 + Math.floor(next() * 4); flips > 0; flips--) {
        const at = Math.floor(next() * mutated.length);
        mutated[at] = next() < 0.5 ? mutated[at]! ^ (1 << Math.floor(next() * 8)) : Math.floor(next() * 256);
      }
      cases.push(next() < 0.2 ? mutated.subarray(0, Math.floor(next() * mutated.length)) : mutated);
    }
    let decoded = 0;
    for (const input of cases) {
      let expected: Uint8Array | undefined;
      let expectedError: string | undefined;
      try {
        expected = bytes(inflateRawSync(input));
      } catch (error) {
        expectedError = (error as Error).message;
      }
      const result = inflateRaw(input, 1 << 24);
      assert.equal(result.error, expectedError, `input ${Buffer.from(input).toString("hex").slice(0, 80)}`);
      if (expected) {
        equalBytes(result.bytes, expected);
        decoded++;
      }
      const capped = inflateRaw(input, 100);
      assert.ok(capped.bytes.length <= 100 && capped.bytes.buffer.byteLength <= 100);
      if (result.bytes.length > 100) assert.equal(capped.limitReached, true);
    }
    assert.ok(decoded > 100, `${decoded} of the mutated streams still decode`);
  });

  it("decodes or rejects mutated zlib and multi-member gzip files exactly as zlib does", () => {
    const next = prng(43);
    const text = sourceText(3000);
    const formats = [
      [bytes(deflateSync(text)), inflateSync, inflateZlib],
      [concat(gzipSync(text.subarray(0, 1000)), gzipSync(text.subarray(1000))), gunzipSync, gunzip],
    ] as const;
    for (let n = 0; n < 2000; n++) {
      const [stream, reference, inflate] = formats[n % 2]!;
      const mutated = Uint8Array.from(stream);
      // Headers and trailers, where the wrappers' own checks live.
      const at = next() < 0.5 ? Math.floor(next() * 24) : mutated.length - 1 - Math.floor(next() * 30);
      mutated[at] ^= 1 << Math.floor(next() * 8);
      const input = next() < 0.3 ? mutated.subarray(0, Math.floor(next() * mutated.length)) : mutated;
      let expected: Uint8Array | undefined;
      let expectedError: string | undefined;
      try {
        expected = bytes(reference(input));
      } catch (error) {
        expectedError = (error as Error).message;
      }
      const result = inflate(input, 1 << 24);
      assert.equal(result.error, expectedError);
      if (expected) equalBytes(result.bytes, expected);
    }
  });
});

// ---- decompress() --------------------------------------------------------------------------------------------

/** A ByteSource that records how far into the input it was read. */
function recordingSource(data: Uint8Array): ByteSource & { furthest: number } {
  const inner = memorySource(data);
  const source = {
    size: inner.size,
    furthest: 0,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const chunk = await inner.read(offset, length);
      source.furthest = Math.max(source.furthest, offset + chunk.length);
      return chunk;
    },
  };
  return source;
}

const compressors: Record<"gzip" | "zlib" | "deflate-raw", (data: Uint8Array, options?: ZlibOptions) => Buffer> = {
  gzip: gzipSync,
  zlib: deflateSync,
  "deflate-raw": deflateRawSync,
};

describe("decompress() with the synchronous decoder", () => {
  const random = randomBytes(3 << 20, 3); // stored: 3 MiB of input, past the synchronous threshold
  const compressedRandom = new Map<string, Uint8Array>();
  const compressRandom = (format: keyof typeof compressors): Uint8Array => {
    if (!compressedRandom.has(format)) compressedRandom.set(format, bytes(compressors[format](random, { level: 1 })));
    return compressedRandom.get(format)!;
  };

  for (const format of ["gzip", "zlib", "deflate-raw"] as const) {
    it(`${format}: sniffing a 3 MiB stream reads a bounded prefix of the input`, async () => {
      const source = recordingSource(compressRandom(format));
      const result = await decompress(format, source, { limit: 1 << 30, want: 65_537 });
      assert.equal(result.limitReached, false);
      assert.equal(result.error, undefined);
      equalBytes(result.bytes, random.subarray(0, 65_537));
      assert.ok(source.furthest <= 2 * 65_537 + 4096, `read ${source.furthest} bytes of input`);
    });

    it(`${format}: decodes a 3 MiB stream whole (stream path) and a small one (synchronous path) alike`, async () => {
      for (const [data, input] of [
        [random, compressRandom(format)],
        [sourceText(50_000), bytes(compressors[format](sourceText(50_000)))],
      ]) {
        assert.ok(data === random ? input.length > 1 << 20 : input.length < 1 << 20);
        const result = await decompress(format, memorySource(input), { limit: 1 << 30 });
        assert.equal(result.error, undefined);
        assert.equal(result.limitReached, false);
        equalBytes(result.bytes, data);
      }
    });
  }

  it("reads further when the prefix holds only empty blocks", async () => {
    const data = sourceText(20_000);
    const input = concat(emptyStoredBlocks(30_000), deflateRawSync(data));
    const result = await decompress("deflate-raw", memorySource(input), { limit: 1 << 30, want: 1000 });
    assert.equal(result.error, undefined);
    equalBytes(result.bytes, data.subarray(0, 1000));
  });

  it("finds the next gzip member when the first ends exactly at the end of the prefix", async () => {
    const want = 5000;
    const prefix = 2 * want + 4096;
    const head = sourceText(100);
    const tail = sourceText(20_000);
    const raw = bytes(deflateRawSync(head));
    // Pad the first member with empty stored blocks (5 bytes each) and its name field (1 byte each) to fit.
    const blocks = Math.floor((prefix - 18 - raw.length - 2) / 5);
    const nameLength = prefix - 18 - raw.length - 5 * blocks - 1;
    const first = gzipMember(concat(emptyStoredBlocks(blocks), raw), head, { name: "n".repeat(nameLength) });
    assert.equal(first.length, prefix);
    const result = await decompress("gzip", memorySource(concat(first, gzipSync(tail))), { limit: 1 << 30, want });
    assert.equal(result.error, undefined);
    equalBytes(result.bytes, concat(head, tail).subarray(0, want));
  });

  it("keeps the stream decoder's limit semantics", async () => {
    const data = sourceText(10_000);
    const input = bytes(deflateRawSync(data));
    const run = (options: DecompressOptions) => decompress("deflate-raw", memorySource(input), options);
    // Output reaching the limit counts as hitting it, even when the data ends right there.
    assert.equal((await run({ limit: data.length })).limitReached, true);
    assert.equal((await run({ limit: data.length + 1 })).limitReached, false);
    // Sniffing is satisfied quietly, unless it asks for at least the limit.
    assert.deepEqual(await run({ limit: 1 << 20, want: 10 }), { bytes: data.subarray(0, 10), limitReached: false });
    assert.equal((await run({ limit: 10, want: 10 })).limitReached, true);
    const nothing = await run({ limit: 0 });
    assert.deepEqual(nothing, { bytes: new Uint8Array(0), limitReached: true });
    const empty = await decompress("gzip", memorySource(bytes(gzipSync(new Uint8Array(0)))), { limit: 0 });
    assert.deepEqual(empty, { bytes: new Uint8Array(0), limitReached: false });
  });

  it("reports an error only when it comes before the output reaches the cap", async () => {
    const data = sourceText(10_000);
    const cut = bytes(deflateRawSync(data)).subarray(0, 1000);
    const whole = await decompress("deflate-raw", memorySource(cut), { limit: 1 << 20 });
    assert.equal(whole.error, "unexpected end of file");
    const sniff = await decompress("deflate-raw", memorySource(cut), { limit: 1 << 20, want: 100 });
    assert.equal(sniff.error, undefined);
    equalBytes(sniff.bytes, data.subarray(0, 100));
  });

  it("stops a zip bomb at the limit and reports it", async () => {
    const result = await decompress("deflate-raw", memorySource(deflateBomb(100_000)), { limit: 1 << 20 });
    assert.equal(result.limitReached, true);
    assert.equal(result.bytes.length, 1 << 20);
  });

  it("turns a failing read into an error result", async () => {
    const failing: ByteSource = {
      size: 1000,
      read: async () => {
        throw new Error("disk went away");
      },
    };
    for (const format of ["gzip", "zlib", "deflate-raw"] satisfies Compression[]) {
      const result = await decompress(format, failing, { limit: 1 << 20, want: 100 });
      assert.equal(result.error, "disk went away");
      assert.equal(result.bytes.length, 0);
    }
  });
});
