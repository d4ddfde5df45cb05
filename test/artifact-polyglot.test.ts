// Polyglots: bytes that are valid in two formats at once, each read by a different loader (tarfile.open("r:"),
// gzip.open, zipfile, torch.load). A payload in any reading must be found, and the harmless other reading must
// not hide it. The gzip/tar polyglot keeps a whole tar archive inside the gzip header's FEXTRA field.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gzipSync, deflateRawSync } from "node:zlib";
import { concatBytes } from "../src/artifacts/containers/bytes.js";
import { memorySource, scanArtifact } from "../src/artifacts/index.js";

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
/** posix.system('id') at protocol 2, and a harmless list. */
const EVIL = Uint8Array.from([0x80, 0x02, ...ascii("cposix\nsystem\nq\x00X\x02\x00\x00\x00idq\x01\x85q\x02Rq\x03.")]);
const BENIGN = Uint8Array.from([0x80, 0x02, ...ascii("]q\x00(K\x01K\x02e.")]);

const concat = (...parts: Uint8Array[]): Uint8Array => concatBytes(parts);

function octal(value: number, width: number): Uint8Array {
  return ascii(value.toString(8).padStart(width - 1, "0") + "\0");
}

/** A ustar header whose first `prefix` bytes are given (they become the start of the member's name). */
function tarHeader(prefix: Uint8Array, size: number): Uint8Array {
  const header = new Uint8Array(512);
  header.set(prefix);
  header.set(octal(0o644, 8), 100);
  header.set(octal(0, 8), 108);
  header.set(octal(0, 8), 116);
  header.set(octal(size, 12), 124);
  header.set(octal(0, 12), 136);
  header[156] = 0x30;
  header.set(ascii("ustar\x0000"), 257);
  header.fill(0x20, 148, 156);
  const sum = header.reduce((n, b) => n + b, 0);
  header.set(ascii(sum.toString(8).padStart(6, "0") + "\0 "), 148);
  return header;
}

function tarOf(name: string, data: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
  padded.set(data);
  return concat(tarHeader(ascii(name), data.length), padded, new Uint8Array(1024));
}

/** Valid as a tar (holding `tarMember`) and as a gzip (decompressing to `gzipContent`). */
function gzipTarPolyglot(tarMember: Uint8Array, gzipContent: Uint8Array): Uint8Array {
  const body = Math.ceil(tarMember.length / 512) * 512;
  const extra = 512 + body + 1024 - 12;
  const gzipHeader = Uint8Array.from([0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0, 0xff, extra & 255, extra >> 8]);
  const tar = new Uint8Array(512 + body + 1024);
  tar.set(tarHeader(gzipHeader, tarMember.length));
  tar.set(tarMember, 512);
  const plain = new Uint8Array(gzipSync(gzipContent));
  return concat(tar, new Uint8Array(deflateRawSync(gzipContent)), plain.subarray(plain.length - 8));
}

function caught(result: Awaited<ReturnType<typeof scanArtifact>>): boolean {
  return result.findings.some((f) => f.severity === "critical" && /posix\.system/.test(f.message));
}

describe("polyglots are read every way a loader could read them", () => {
  it("a gzip that is also a tar: the payload in the gzip reading is found behind a harmless tar", async () => {
    const bytes = gzipTarPolyglot(BENIGN, EVIL);
    const result = await scanArtifact(memorySource(bytes), "model.tar");
    assert.equal(result.kind, "tar", "tarfile's checksum test sees a tar first");
    assert.ok(caught(result), JSON.stringify(result.findings.map((f) => f.message)));
    assert.ok(result.layout.some((row) => row.container === "gzip"));
  });

  it("a gzip that is also a tar: the payload in the tar reading is found behind a harmless gzip", async () => {
    const result = await scanArtifact(memorySource(gzipTarPolyglot(EVIL, BENIGN)), "model.pkl.gz");
    assert.ok(caught(result));
  });

  it("a harmless polyglot reports nothing and no decoding noise", async () => {
    const result = await scanArtifact(memorySource(gzipTarPolyglot(BENIGN, BENIGN)), "model.tar");
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.errors, []);
  });

  it("a tar with a zip appended: zipfile reads the zip by its end record", async () => {
    const zip = storedZip("archive/data.pkl", EVIL);
    const result = await scanArtifact(memorySource(concat(tarOf("README", ascii("weights\n")), zip)), "model.tar");
    assert.equal(result.kind, "tar");
    assert.ok(caught(result));
  });

  it("a gzip stream with a zip appended: the zip is read too", async () => {
    const zip = storedZip("archive/data.pkl", EVIL);
    const result = await scanArtifact(memorySource(concat(new Uint8Array(gzipSync(BENIGN)), zip)), "model.pkl.gz");
    assert.ok(caught(result));
  });
});

/** A one-member zip, stored (CRC left 0: loaders such as torch.load do not check it before unpickling). */
function storedZip(name: string, data: Uint8Array): Uint8Array {
  const nameBytes = ascii(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, nameBytes.length, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  return concat(local, data, central, end);
}
