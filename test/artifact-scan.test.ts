// scanArtifact on real files: every container trick finds its payload, benign shapes stay clean.
// Fixtures are written by scripts/gen-artifact-fixtures.py (which only writes, never loads).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { memorySource, scanArtifact, type ArtifactScanResult } from "../src/artifacts/index.js";

const DATA = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "test", "data", "artifacts");

async function scanFixture(relPath: string, options = {}): Promise<ArtifactScanResult> {
  const bytes = new Uint8Array(await readFile(join(DATA, relPath)));
  return scanArtifact(memorySource(bytes), relPath, options);
}

function ruleIds(result: ArtifactScanResult): string[] {
  return [...new Set(result.findings.map((f) => f.ruleId))].sort();
}

function callFinding(result: ArtifactScanResult, fragment: string) {
  return result.findings.find((f) => f.ruleId === "PICKLE-ARTIFACT-001" && f.message.includes(fragment));
}

describe("malicious artifacts", () => {
  it("finds os.system in a raw pickle, at the REDUCE offset, located in the file", async () => {
    const result = await scanFixture("malicious/pickle.pkl");
    assert.equal(result.kind, "pickle");
    const finding = callFinding(result, "system");
    assert.ok(finding, JSON.stringify(result.findings));
    assert.equal(finding.severity, "critical");
    assert.equal(finding.location.file, "malicious/pickle.pkl");
    assert.equal(finding.location.line, 1);
    assert.equal(finding.location.member, undefined);
    const bytes = await readFile(join(DATA, "malicious/pickle.pkl"));
    assert.equal(bytes[finding.location.offset!], 0x52, "offset points at the REDUCE opcode");
    assert.deepEqual(finding.cwe, ["CWE-502"]);
    assert.match(finding.fingerprint, /^[0-9a-f]{16}$/);
  });

  it("flags a zip whose local header names a member differently from the central directory", async () => {
    const result = await scanFixture("malicious/zip-name-mismatch.pt");
    const trick = result.findings.find((f) => f.ruleId === "PICKLE-ARTIFACT-006");
    assert.ok(trick);
    assert.equal(trick.severity, "high");
    assert.equal(trick.location.member, "archive/data.pkl");
    assert.match(trick.message, /archive\/data\.pkx/);
    assert.ok(callFinding(result, "system"), "the payload is still analysed");
  });

  it("analyses a pickle hidden in a deflated member not named data.pkl", async () => {
    const result = await scanFixture("malicious/hidden-member.pt");
    assert.equal(result.kind, "torch-zip");
    const finding = callFinding(result, "system");
    assert.ok(finding);
    assert.equal(finding.location.member, "archive/extra/weights.bin");
    const row = result.layout.find((l) => l.name === "archive/extra/weights.bin");
    assert.equal(row?.method, "deflate");
    assert.equal(row?.role, "pickle");
  });

  it("analyses both halves of a pickle + zip polyglot", async () => {
    const result = await scanFixture("malicious/polyglot.pt");
    assert.equal(result.kind, "pickle+zip");
    const head = callFinding(result, "system");
    const tail = callFinding(result, "Popen");
    assert.ok(head && tail, JSON.stringify(result.findings.map((f) => f.message)));
    assert.equal(head.location.member, undefined);
    assert.equal(tail.location.member, "archive/data.pkl");
  });

  it("reads a zip with data prepended, warning about the shift", async () => {
    const result = await scanFixture("malicious/prepended.pt");
    assert.equal(result.kind, "torch-zip");
    assert.ok(callFinding(result, "echo prepended"));
    assert.ok(result.errors.some((e) => /prepended/.test(e.message) && e.level === "warning"));
  });

  it("reads all five legacy PyTorch stacked pickles and skips the storage bytes after them", async () => {
    const result = await scanFixture("malicious/legacy-stacked.pt");
    assert.equal(result.kind, "torch-legacy");
    assert.equal(result.analyses.length, 5);
    const fourth = result.analyses[3]!;
    const finding = callFinding(result, "system");
    assert.ok(finding);
    assert.ok(finding.location.offset! > fourth.baseOffset, "the finding lies in the fourth pickle");
    const storage = result.layout.find((l) => l.role === "tensor-data");
    assert.ok(storage, "storage bytes are listed as tensor data");
    // The storage bytes spell `cos\nsystem`: only one system call may be reported (the real one).
    assert.equal(result.findings.filter((f) => f.ruleId === "PICKLE-ARTIFACT-001").length, 1);
  });

  it("reads a legacy PyTorch tar: sys_info, pickle, and the pickles inside storages and tensors", async () => {
    const result = await scanFixture("malicious/legacy.tar");
    assert.equal(result.kind, "torch-legacy");
    assert.deepEqual(
      result.layout.map((l) => l.name),
      ["sys_info", "pickle", "storages", "tensors"],
    );
    const members = result.analyses.map((a) => a.member);
    assert.deepEqual([...new Set(members)].sort(), ["pickle", "storages", "sys_info", "tensors"]);
    assert.equal(members.filter((m) => m === "storages").length, 2);
    assert.equal(members.filter((m) => m === "tensors").length, 2);
    assert.equal(callFinding(result, "echo tar")?.location.member, "pickle");
    assert.deepEqual(result.errors, []);
  });

  it("analyses the pickle body of an object .npy", async () => {
    const result = await scanFixture("malicious/object.npy");
    assert.equal(result.kind, "npy");
    const finding = callFinding(result, "system");
    assert.ok(finding);
    assert.ok(finding.location.offset! > 128, "offset is within the file, past the npy header");
  });

  it("analyses object arrays inside a compressed .npz", async () => {
    const result = await scanFixture("malicious/arrays.npz");
    assert.equal(result.kind, "npz");
    assert.equal(callFinding(result, "system")?.location.member, "objects.npy");
    assert.ok(result.layout.some((l) => l.name.startsWith("weights.npy[npy") && l.role === "tensor-data"));
  });

  for (const compression of ["zlib", "gzip", "bz2", "xz", "lzma"]) {
    it(`finds the payload in a ${compression}-compressed joblib file`, async () => {
      const result = await scanFixture(`malicious/${compression}.joblib`);
      assert.equal(result.kind, "joblib");
      assert.deepEqual(ruleIds(result), ["PICKLE-ARTIFACT-001"]);
      assert.equal(callFinding(result, "echo joblib")?.location.member, `[${compression}]`);
      assert.deepEqual(result.errors, []);
    });
  }

  it("skips joblib inline array bytes that spell a pickle calling os.system", async () => {
    const result = await scanFixture("malicious/raw.joblib");
    const calls = result.findings.filter((f) => f.ruleId === "PICKLE-ARTIFACT-001");
    assert.equal(calls.length, 1, JSON.stringify(calls.map((f) => f.message)));
    assert.match(calls[0]!.message, /echo joblib/);
    const array = result.layout.find((l) => l.container === "joblib");
    assert.equal(array?.role, "tensor-data");
    const bytes = await readFile(join(DATA, "malicious/raw.joblib"));
    const fake = bytes.indexOf("cos\nsystem");
    assert.ok(fake >= array!.offset && fake < array!.offset + array!.size, "the fake opcodes lie inside the skipped array");
  });

  it("analyses a joblib object array's own pickle", async () => {
    const result = await scanFixture("malicious/object-array.joblib");
    assert.equal(result.analyses.length, 2);
    const nested = result.analyses[1]!;
    const finding = callFinding(result, "system");
    assert.ok(finding);
    assert.ok(finding.location.offset! >= nested.baseOffset);
  });

  it("reads joblib's pre-0.10 ZF-prefixed zlib files", async () => {
    const result = await scanFixture("malicious/old-zfile.pkl");
    assert.equal(result.kind, "joblib");
    assert.equal(callFinding(result, "system")?.location.member, "[zlib]");
  });

  it("unwraps a gzip-compressed pickle", async () => {
    const result = await scanFixture("malicious/pickle.pkl.gz");
    assert.equal(result.kind, "gzip");
    assert.equal(callFinding(result, "system")?.location.member, "[gzip]");
  });

  for (const method of ["bz2", "lzma"]) {
    it(`decodes ${method}-compressed zip members (as zipfile, and so np.load, does)`, async () => {
      const result = await scanFixture(`malicious/${method}-member.zip`);
      assert.equal(result.layout[0]?.method, method);
      assert.equal(callFinding(result, "system")?.location.member, "data.pkl");
      assert.deepEqual(result.errors, []);
    });
  }
});

describe("uninspectable archives", () => {
  it("reports a 7z archive as uninspectable (medium)", async () => {
    const result = await scanFixture("uninspectable/model.7z");
    assert.equal(result.kind, "7z");
    assert.deepEqual(ruleIds(result), ["PICKLE-ARTIFACT-007"]);
    assert.equal(result.findings[0]!.severity, "medium");
  });

  it("reports a zip member compressed with an unsupported method (PPMd)", async () => {
    const result = await scanFixture("uninspectable/ppmd-member.zip");
    assert.deepEqual(ruleIds(result), ["PICKLE-ARTIFACT-007"]);
    assert.equal(result.findings[0]!.location.member, "data.pkl");
    assert.match(result.findings[0]!.message, /method 98/);
  });

  it("decodes zstd frames, raw and as zip members (method 93)", async () => {
    for (const name of ["malicious/pickle.pkl.zst", "malicious/zstd-member.zip"]) {
      const result = await scanFixture(name);
      assert.ok(result.findings.some((f) => f.ruleId === "PICKLE-ARTIFACT-001" && f.severity === "critical"), `${name}: ${JSON.stringify(result.findings)}`);
    }
  });
});

describe("benign artifacts", () => {
  it("a PyTorch zip checkpoint with rebuild helpers and storage persistent ids has no findings", async () => {
    const result = await scanFixture("benign/torch-checkpoint.pt");
    assert.equal(result.kind, "torch-zip");
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.errors, []);
    const analysis = result.analyses[0]!.analysis;
    assert.ok(analysis.imports.some((i) => i.normalized === "torch._utils._rebuild_tensor_v2"));
    assert.equal(analysis.persistentIds.length, 1);
    assert.deepEqual(
      result.layout.map((l) => [l.name, l.role]),
      [
        ["archive/data.pkl", "pickle"],
        ["archive/byteorder", "other"],
        ["archive/data/0", "tensor-data"],
        ["archive/version", "other"],
      ],
    );
  });

  it("also passes the allowlist policy", async () => {
    const result = await scanFixture("benign/torch-checkpoint.pt", { policy: "allowlist" });
    assert.deepEqual(result.findings, []);
  });

  it("a plain float .npy has no pickle to analyse", async () => {
    const result = await scanFixture("benign/plain.npy");
    assert.equal(result.kind, "npy");
    assert.deepEqual(result.analyses, []);
    assert.deepEqual(result.findings, []);
    assert.equal(result.layout[0]!.role, "tensor-data");
  });

  for (const name of ["clean.joblib", "clean-protocol2.joblib"]) {
    it(`a clean joblib file (${name}) with arrays has no findings`, async () => {
      const result = await scanFixture(`benign/${name}`);
      assert.equal(result.kind, "joblib");
      assert.deepEqual(result.findings, []);
      assert.deepEqual(result.errors, []);
      assert.equal(result.layout.filter((l) => l.container === "joblib").length, 2);
    });
  }
});

describe("findings", () => {
  it("fingerprints are stable across scans and differ between files", async () => {
    const first = await scanFixture("malicious/pickle.pkl");
    const second = await scanFixture("malicious/pickle.pkl");
    assert.equal(first.findings[0]!.fingerprint, second.findings[0]!.fingerprint);
    const bytes = new Uint8Array(await readFile(join(DATA, "malicious/pickle.pkl")));
    const renamed = await scanArtifact(memorySource(bytes), "other/name.pkl");
    assert.notEqual(renamed.findings[0]!.fingerprint, first.findings[0]!.fingerprint);
  });

  it("allowlist mode reports globals outside the allowlist, and --pickle-allow style entries silence them", async () => {
    const strict = await scanFixture("malicious/legacy-stacked.pt", { policy: "allowlist" });
    assert.ok(strict.findings.some((f) => f.ruleId === "PICKLE-ARTIFACT-001"));
    const plain = await scanFixture("benign/clean.joblib", { policy: "allowlist", allowGlobals: ["joblib.numpy_pickle.*"] });
    assert.deepEqual(plain.findings, []);
  });
});
