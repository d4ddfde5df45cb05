// Model bundles: archive members and links that escape the extraction folder (ARCHIVE-ARTIFACT-001), and configs
// inside model files whose `_target_` a loader instantiates (CONFIG-ARTIFACT-001), through the library API and the CLI.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memorySource, scanArtifact, type ArtifactScanResult } from "../src/artifacts/index.js";
import { DEFAULT_PICKLE_OPTIONS } from "../src/artifacts/pickle/index.js";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";
import { tarOf, zipOf } from "./helpers/fuzz-inputs.js";

const CORPUS = join(REPO_ROOT, "fixtures", "artifact-corpus");
const read = (dir: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(CORPUS, dir, name)));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const scan = (bytes: Uint8Array, name: string): Promise<ArtifactScanResult> => scanArtifact(memorySource(bytes), name);
const rules = (result: ArtifactScanResult): string[] => [...new Set(result.findings.map((f) => `${f.ruleId} ${f.severity}`))].sort();

/** A one-member tar whose header says `type` with `linkName` (tarOf writes regular files only). */
function linkTar(name: string, type: "1" | "2", linkName: string): Uint8Array {
  return tarWith([{ name, type, linkName }]);
}

/** A tar of regular files (`data`) and links (`type` "1" hard, "2" symbolic, with `linkName`), in order. */
function tarWith(entries: { name: string; type?: "1" | "2"; linkName?: string; data?: Uint8Array }[]): Uint8Array {
  const parts = entries.map(({ name, type, linkName, data }) => {
    const tar = tarOf([{ name, data: data ?? new Uint8Array(0) }]);
    const header = tar.subarray(0, 512);
    if (type !== undefined) {
      header[156] = type.charCodeAt(0);
      header.set(text(linkName ?? "").subarray(0, 100), 157);
      header.fill(0x20, 148, 156);
      const sum = header.reduce((n, b) => n + b, 0);
      header.set(text(sum.toString(8).padStart(6, "0") + "\0 "), 148);
    }
    return tar.subarray(0, tar.length - 1024);
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + 1024);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe("archive members that leave the extraction folder", () => {
  const escapes = readdirSync(join(CORPUS, "attacks")).filter((f) => /^s24-(tar|nemo-dotdot|mar|keras-zip)|^s25-(7z|zip-unicode)/.test(f));

  it("every escaping tar name, link and zip name in the corpus is ARCHIVE-ARTIFACT-001 high", async () => {
    assert.ok(escapes.length >= 17, String(escapes.length));
    for (const name of escapes) assert.deepEqual(rules(await scan(read("attacks", name), name)), ["ARCHIVE-ARTIFACT-001 high"], name);
  });

  it("7z names and symbolic links (the link's target is its data) are resolved as tar's are", async () => {
    const link = await scan(read("attacks", "s25-7z-symlink-absolute.7z"), "model.7z");
    const messages = link.findings.flatMap((f) => f.message.split("; "));
    assert.ok(messages.some((m) => /7z symbolic link "model\/cache" to "\/etc" points at an absolute path/.test(m)), messages.join("\n"));
    assert.ok(messages.some((m) => /7z member "model\/cache\/cron.d\/pathfinder" leaves the folder through a symbolic link/.test(m)), messages.join("\n"));
    // Links to siblings, a name starting with `..`: inside.
    assert.deepEqual((await scan(read("formats", "bundle-7z-inside-links.7z"), "model.7z")).findings, []);
  });

  it("a zip entry is judged by its Info-ZIP Unicode Path name too, when that field matches its header name's CRC", async () => {
    const result = await scan(read("attacks", "s25-zip-unicode-path-escape.zip"), "model.zip");
    assert.ok(result.findings.some((f) => /zip member "\.\.\/\.\.\/\.\.\/home\/user\/\.bashrc" climbs out/.test(f.message)), JSON.stringify(result.findings));
    const stale = read("attacks", "s25-zip-unicode-path-escape.zip").slice();
    // The field's CRC-32 of the header name, changed: unzip and zipfile ignore such a field, and so does the reader.
    for (let at = 0; at + 5 < stale.length; at++) {
      if (stale[at] === 0x75 && stale[at + 1] === 0x70 && stale[at + 4] === 1) stale[at + 5]! ^= 0xff;
    }
    assert.deepEqual((await scan(stale, "model.zip")).findings, []);
    assert.deepEqual((await scan(read("formats", "bundle-zip-unicode-path.zip"), "model.zip")).findings, []);
  });

  it("resolves names and links rather than matching `..`: staying inside is not reported", async () => {
    const inside = [
      tarOf([{ name: "model/a/../weights.ckpt", data: text("x") }]),
      tarOf([{ name: "./model/./weights.ckpt", data: text("x") }]),
      linkTar("model/v2/latest", "2", "../v1/weights.ckpt"),
      linkTar("model/copy", "1", "model/v1/weights.ckpt"),
      zipOf([{ name: "model/..weights", data: text("x") }]),
      // Look-alikes of `..` and `/` (U+FF0E, U+2025, U+FF0F): every extractor creates them as ordinary names.
      zipOf([{ name: "\uff0e\uff0e/\uff0e\uff0e/x", data: text("x") }, { name: "\u2025/x", data: text("x") }, { name: "a\uff0f..\uff0f..\uff0fx", data: text("x") }]),
      // Followed, these links stay inside: latest -> v1, then latest/../v2/x is v2/x.
      tarWith([{ name: "m/latest", type: "2", linkName: "v1" }, { name: "m/latest/../v2/x", data: text("x") }, { name: "m/l2", type: "2", linkName: "latest/.." }]),
    ];
    for (const bytes of inside) assert.deepEqual((await scan(bytes, "bundle.tar")).findings, []);
    const outside = [
      tarOf([{ name: "model/../../weights.ckpt", data: text("x") }]),
      tarOf([{ name: "C:\\Users\\x\\start.bat", data: text("x") }]),
      tarOf([{ name: "model\\..\\..\\start.bat", data: text("x") }]),
      linkTar("model/latest", "2", "../../v1"),
      linkTar("model/copy", "1", "../model/v1/weights.ckpt"),
      zipOf([{ name: "../weights", data: text("x") }]),
      zipOf([{ name: "model\\..\\..\\start.bat", data: text("x") }]),
      zipOf([{ name: "C:/Users/Public/start.bat", data: text("x") }]),
      // Inside as text, outside once the earlier links are followed.
      tarWith([{ name: "m/here", type: "2", linkName: "." }, { name: "m/here/../../x", data: text("x") }]),
      tarWith([{ name: "d", type: "2", linkName: "." }, { name: "d/up", type: "2", linkName: ".." }]),
      tarWith([{ name: "m/abs", type: "2", linkName: "/etc" }, { name: "m/ok", type: "1", linkName: "m/abs/passwd" }]),
    ];
    for (const bytes of outside) assert.deepEqual(rules(await scan(bytes, "bundle.tar")), ["ARCHIVE-ARTIFACT-001 high"]);
  });

  it("a tar of hundreds of escaping members: twenty issues (ten findings listed, the rest counted) and a warning for the rest", async () => {
    const members = Array.from({ length: 500 }, (_, i) => ({ name: `../x${i}`, data: new Uint8Array(0) }));
    const result = await scan(tarOf(members), "many.tar");
    const found = result.findings.filter((f) => f.ruleId === "ARCHIVE-ARTIFACT-001");
    assert.equal(found.length, 10);
    assert.ok(found.some((f) => /\(and in 10 more members\)$/.test(f.message)), found[0]!.message);
    assert.ok(result.errors.some((e) => /480 more tar members leave the extraction folder/.test(e.message)), JSON.stringify(result.errors));
  });
});

describe("configs that a loader instantiates", () => {
  const targets = readdirSync(join(CORPUS, "attacks")).filter((f) => /^s24-.*(target)|^s25-nemo2-/.test(f));

  it("every dangerous _target_ in the corpus is CONFIG-ARTIFACT-001 critical (.nemo yaml, hparams, zip json, safetensors metadata, NeMo 2.0 context)", async () => {
    assert.ok(targets.length >= 12, String(targets.length));
    for (const name of targets) assert.deepEqual(rules(await scan(read("attacks", name), name)), ["CONFIG-ARTIFACT-001 critical"], name);
  });

  it("names the resolved target: interpolations, anchors and get_method paths", async () => {
    const messages = async (name: string) => (await scan(read("attacks", name), name)).findings.map((f) => f.message).join("\n");
    assert.match(await messages("s24-nemo-target-interpolated.nemo"), /_target_ "\$\{defaults_impl\}" \(= "subprocess\.Popen"\)/);
    assert.match(await messages("s24-nemo-target-yaml-anchor.nemo"), /_target_ "runpy\.run_path"/);
    assert.match(await messages("s24-nemo-target-get-method-partial.nemo"), /resolves "subprocess\.getoutput"/);
  });

  it("library targets, wrappers of library targets and dangerous words in plain values are not reported", async () => {
    const config = [
      "encoder:\n  _target_: nemo.collections.asr.modules.ConvASREncoder\n  activation: builtins.exec\n",
      "optim:\n  _target_: functools.partial\n  _args_: [{_target_: hydra.utils.get_method, path: torch.optim.AdamW}]\n",
      "loss:\n  _target_: torch.nn.CTCLoss\nlayer:\n  _target_: keras.layers.Dense\n  units: 4\n",
      "a: ${b}\nb: ${a}\nloop:\n  _target_: ${a}\n",
    ];
    for (const yaml of config) {
      const result = await scan(tarOf([{ name: "./model_config.yaml", data: text(yaml) }]), "model.nemo");
      assert.deepEqual(result.findings, [], yaml);
    }
  });

  it("a zip's top-level config.json is judged for _target_ as well as read as a Keras config", async () => {
    const config = text(JSON.stringify({ model: { _target_: "subprocess.check_output", _args_: [["id"]] } }));
    assert.deepEqual(rules(await scan(zipOf([{ name: "config.json", data: config, deflate: true }]), "model.zip")), ["CONFIG-ARTIFACT-001 critical"]);
  });

  it("a pickle named like a config is still analysed as a pickle", async () => {
    const pickle = Uint8Array.from([0x80, 0x02, 0x63, ...text("os\nsystem\n"), 0x58, 2, 0, 0, 0, 0x69, 0x64, 0x85, 0x52, 0x2e]);
    const result = await scan(tarOf([{ name: "model_config.yaml", data: pickle }]), "model.nemo");
    assert.ok(result.findings.some((f) => f.ruleId === "PICKLE-ARTIFACT-001"), JSON.stringify(rules(result)));
  });

  it("an alias bomb (billion laughs) is read as PyYAML reads it, one object per anchor: the target beside it is found", async () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]`);
    lines.push("model:\n  _target_: builtins.exec\n  _args_: [*a11]", "self: &self [*self, {_target_: os.system}]");
    const result = await scan(tarOf([{ name: "model_config.yaml", data: text(lines.join("\n")) }]), "model.nemo");
    assert.deepEqual(result.findings.map((f) => f.message.replace(/, which.*/, "")).sort(), [
      'config model instantiates _target_ "builtins.exec"',
      'config self[1] instantiates _target_ "os.system"',
    ]);
  });

  it("a safetensors header whose length does not fit the file is a warning", async () => {
    const bytes = new Uint8Array(64);
    new DataView(bytes.buffer).setBigUint64(0, 40n, true);
    bytes.set(text('{"__metadata__":'), 8);
    const result = await scan(bytes, "model.safetensors");
    assert.deepEqual(result.findings, []);
    assert.ok(result.errors.some((e) => /safetensors header not read: header is not JSON/.test(e.message)), JSON.stringify(result.errors));
  });

  it("NeMo 2.0 context: fiddle pyrefs in io.json are judged as targets; a real checkpoint's (nemo, fiddle, torch, builtins.tuple) are not", async () => {
    const messages = (await scan(read("attacks", "s25-nemo2-io-json-popen.tar"), "ckpt.tar")).findings.map((f) => f.message).join("\n");
    assert.match(messages, /references "subprocess\.Popen" \(a fiddle pyref\)/);
    assert.deepEqual((await scan(read("formats", "bundle-nemo2-checkpoint.tar"), "ckpt.tar")).findings, []);
    const pyref = (module: string, name: string) => ({ type: "pyref", module, name });
    const wrapped = { objects: { a: { type: pyref("fiddle._src.config", "Partial"), items: [["fn", pyref("functools", "partial")], ["b", pyref("torch.nn.init", "normal_")]] } } };
    assert.deepEqual((await scan(zipOf([{ name: "ckpt/context/io.json", data: text(JSON.stringify(wrapped)) }]), "ckpt.zip")).findings, []);
  });

  it("the CLI reads a NeMo 2.0 checkpoint folder's context/io.json and context/model.yaml where they lie", async () => {
    const io = (module: string, name: string) => text(JSON.stringify({ root: { type: "ref", key: "c" }, objects: { c: { type: { type: "pyref", module: "fiddle._src.config", name: "Config" }, items: [["fn_or_cls", { type: "pyref", module, name }]] } } }));
    const dir = tempProject({
      "ckpt/context/io.json": io("pty", "spawn"),
      "ckpt/context/model.yaml": "_target_: nemo.collections.llm.GPTModel\nhook:\n  _target_: os.system\n  _args_: [id]\n",
      "clean/context/io.json": io("nemo.collections.llm.gpt.model.llama", "LlamaModel"),
      "clean/context/model.yaml": "_target_: nemo.collections.llm.GPTModel\n",
      "other/io.json": io("pty", "spawn"),
    });
    const run = await runCli(["scan", "--project", dir, "--no-cache", "-o", "json", "--quiet"]);
    const report = JSON.parse(run.stdout) as { results: { rule_id: string; location: { file: string } }[] };
    assert.deepEqual(report.results.map((f) => `${f.location.file} ${f.rule_id}`).sort(), ["ckpt/context/io.json CONFIG-ARTIFACT-001", "ckpt/context/model.yaml CONFIG-ARTIFACT-001"]);
  });

  it("the CLI reports a .nemo whose model_config.yaml targets builtins.exec", async () => {
    const dir = tempProject({ "models/asr.nemo": read("attacks", "s24-nemo-target-builtins-exec.nemo"), "models/clean.nemo": read("formats", "bundle-nemo-real-config.nemo") });
    const run = await runCli(["scan", "--project", dir, "--no-cache", "-o", "json", "--quiet"]);
    const report = JSON.parse(run.stdout) as { results: { rule_id: string; location: { file: string } }[] };
    assert.deepEqual(report.results.map((f) => `${f.location.file} ${f.rule_id}`), ["models/asr.nemo CONFIG-ARTIFACT-001"]);
  });
});

describe("gzip and zlib bombs decoded in one call", () => {
  it("give what the streaming decoder gives: the payload before the bomb, the limit finding, the same warnings", async () => {
    const { nodeInflate } = await import("../src/project/native-inflate.js");
    const { gzipSync, deflateSync } = await import("node:zlib");
    // A pickle that calls os.system, then a BINBYTES8 of 36 MiB of zeros: past a 32 MiB limit.
    const call = Uint8Array.from([0x80, 0x04, 0x63, ...text("os\nsystem\n"), 0x58, 2, 0, 0, 0, 0x69, 0x64, 0x85, 0x52, 0x30]);
    const size = 36 << 20;
    const pickle = new Uint8Array(call.length + 9 + size + 1);
    pickle.set(call);
    pickle[call.length] = 0x8e;
    new DataView(pickle.buffer).setUint32(call.length + 1, size, true);
    pickle[pickle.length - 1] = 0x2e;
    const limits = { ...DEFAULT_PICKLE_OPTIONS.limits, maxDecompressedBytes: 32 << 20 };
    for (const [name, bytes] of [["bomb.pkl.gz", gzipSync(pickle)], ["bomb.pkl.z", deflateSync(pickle)]] as const) {
      const streamed = await scanArtifact(memorySource(bytes), name, { limits });
      const native = await scanArtifact(memorySource(bytes), name, { limits, inflate: nodeInflate });
      // The call before the bomb, the stream cut at the limit (a broken pickle after a global), the limit itself.
      assert.deepEqual(rules(streamed), ["PICKLE-ARTIFACT-001 critical", "PICKLE-ARTIFACT-005 high", "PICKLE-ARTIFACT-007 medium"], name);
      assert.deepEqual(native.findings, streamed.findings, name);
      assert.deepEqual(native.errors, streamed.errors, name);
      assert.deepEqual(native.layout, streamed.layout, name);
    }
  });
});
