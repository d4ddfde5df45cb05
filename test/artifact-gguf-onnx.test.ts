// GGUF chat templates and headers, ONNX external data (and torch 2's mmap-aligned archive layout): the s23 attacks are reported by their own rules, ordinary
// templates and in-folder external data are not, and cut or forged headers give warnings, never a throw.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memorySource, scanArtifact } from "../src/artifacts/index.js";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";

const CORPUS = join(REPO_ROOT, "fixtures", "artifact-corpus");
const read = (dir: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(CORPUS, dir, name)));
const scan = (bytes: Uint8Array, name: string) => scanArtifact(memorySource(bytes), name);

/** A GGUF v3 file with one string entry, in either byte order (ggml writes big-endian files for s390x). */
function ggufWith(key: string, value: string, bigEndian: boolean, version = 3): Uint8Array {
  const text = new TextEncoder();
  const parts: number[] = [];
  const u32 = (n: number) => {
    const b = new DataView(new ArrayBuffer(4));
    b.setUint32(0, n, !bigEndian);
    parts.push(...new Uint8Array(b.buffer));
  };
  const u64 = (n: number) => {
    const b = new DataView(new ArrayBuffer(8));
    b.setBigUint64(0, BigInt(n), !bigEndian);
    parts.push(...new Uint8Array(b.buffer));
  };
  const str = (s: string) => {
    const bytes = text.encode(s);
    u64(bytes.length);
    parts.push(...bytes);
  };
  parts.push(...text.encode("GGUF"));
  u32(version);
  u64(0);
  u64(1);
  str(key);
  u32(8);
  str(value);
  return new Uint8Array(parts);
}

describe("GGUF and ONNX attacks", () => {
  const attacks = readdirSync(join(CORPUS, "attacks")).filter((f) => f.startsWith("s23-"));

  it("reports each with its format's rule at error level", async () => {
    assert.ok(attacks.length >= 18, String(attacks.length));
    const wrong: string[] = [];
    for (const name of attacks) {
      const rule = /gguf-forged/.test(name) ? "GGUF-ARTIFACT-002" : /gguf/.test(name) ? "GGUF-ARTIFACT-001" : /onnx/.test(name) ? "ONNX-ARTIFACT-001" : "PICKLE-ARTIFACT-001";
      const result = await scan(read("attacks", name), name);
      if (!result.findings.some((f) => f.ruleId === rule && (f.severity === "critical" || f.severity === "high"))) {
        wrong.push(`${name}: ${result.findings.map((f) => f.ruleId).join(", ") || "nothing"}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("names what the template reaches and where the external data points", async () => {
    const gguf = await scan(read("attacks", "s23-gguf-template-joined-names.gguf"), "m.gguf");
    assert.match(gguf.findings[0]!.message, /tokenizer\.chat_template .*`__init__`.*`__globals__`/);
    const named = await scan(read("attacks", "s23-gguf-named-template-tool-use.gguf"), "m.gguf");
    assert.deepEqual(named.findings.map((f) => f.message.split(" ")[1]), ["tokenizer.chat_template.tool_use"]);
    const onnx = await scan(read("attacks", "s23-onnx-external-subgraph.onnx"), "m.onnx");
    assert.match(onnx.findings[0]!.message, /tensor "C" .*Windows\\\\win\.ini.*climbs out/);
  });

  it("reads a big-endian GGUF and version 1's 32-bit lengths", async () => {
    const payload = "{{ cycler.__init__.__globals__.os.popen('id').read() }}";
    const big = await scan(ggufWith("tokenizer.chat_template", payload, true), "big.gguf");
    assert.deepEqual(big.findings.map((f) => f.ruleId), ["GGUF-ARTIFACT-001"]);
    const v1 = await scan(read("attacks", "s23-gguf-template-v1.gguf"), "v1.gguf");
    assert.deepEqual(v1.findings.map((f) => f.ruleId), ["GGUF-ARTIFACT-001"]);
  });

  it("reports a GGUF found by its first bytes, and only under its own rule", async () => {
    const dir = tempProject({ "weights/model": read("attacks", "s23-gguf-template-escaped-attr.gguf"), "weights/clean": read("formats", "gguf-template-tools.gguf") });
    const run = await runCli(["scan", "--project", dir, "--no-cache", "-o", "json", "--quiet", "--ruleset", "artifact/GGUF-ARTIFACT-001"]);
    assert.ok(run.stdout.startsWith("{"), run.stderr);
    const report = JSON.parse(run.stdout) as { results: { rule_id: string; location: { file: string } }[] };
    assert.deepEqual(report.results.map((f) => `${f.location.file} ${f.rule_id}`), ["weights/model GGUF-ARTIFACT-001"]);
  });
});

describe("ordinary GGUF and ONNX files", () => {
  const benign = readdirSync(join(CORPUS, "formats")).filter((f) => f !== "MANIFEST.md");

  it("gain no finding and no warning (real chat template shapes, near misses, external data beside the model)", async () => {
    assert.ok(benign.filter((f) => f.endsWith(".gguf")).length >= 7 && benign.filter((f) => f.endsWith(".onnx")).length >= 3);
    const said: string[] = [];
    for (const name of benign) {
      const result = await scan(read("formats", name), name);
      for (const f of result.findings) said.push(`${name}: ${f.ruleId} ${f.message}`);
      for (const e of result.errors) said.push(`${name}: warning ${e.message}`);
    }
    assert.deepEqual(said, []);
  });

  it("a GGUF or ONNX file cut anywhere gives at most a warning, never a finding or a throw", async () => {
    for (const [name, bytes] of [["gguf-template-tools.gguf", read("formats", "gguf-template-tools.gguf")], ["onnx-external-beside.onnx", read("formats", "onnx-external-beside.onnx")]] as const) {
      for (let end = 1; end < bytes.length; end += 7) {
        const result = await scan(bytes.subarray(0, end), name);
        assert.deepEqual(result.findings.map((f) => f.ruleId), [], `${name} cut at ${end}`);
      }
    }
    const cut = await scan(read("formats", "gguf-template-llama3.gguf").subarray(0, 300), "cut.gguf");
    assert.match(cut.errors.map((e) => e.message).join("\n"), /GGUF header is cut short or damaged: /);
  });

  it("reads an unknown GGUF version no further, with a warning", async () => {
    const result = await scan(ggufWith("tokenizer.chat_template", "{{ x.__class__ }}", false, 4), "future.gguf");
    assert.deepEqual(result.findings, []);
    assert.match(result.errors[0]!.message, /unknown GGUF version 4/);
  });
});
