// Java serialization streams in a project: real streams written by the JDK's ObjectOutputStream
// (scripts/gen-java-stream-fixtures.sh), read statically by scan and inspect.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readJavaStream } from "../src/artifacts/java/stream.js";
import { scanJavaStream } from "../src/artifacts/java/index.js";
import { runMain, tempTree } from "./data/config/cli.js";

const DATA = join(import.meta.dirname, "..", "..", "test", "data", "java-streams");
const payload = readFileSync(join(DATA, "cc-payload.ser"));
const payloadB64 = readFileSync(join(DATA, "cc-payload.b64"));
const state = readFileSync(join(DATA, "state.ser"));

describe("Java serialization streams", () => {
  const project = tempTree({
    "src/test/resources/payload.ser": payload,
    "src/test/resources/cookie.txt": payloadB64,
    "cache/session": payload,
    "cache/state.ser": state,
    "App.java": "class App {}\n",
  });
  after(() => project.cleanup());

  it("reads every class descriptor of a real stream, with fields and serialVersionUID", () => {
    const analysis = readJavaStream(state);
    assert.deepEqual(analysis.streams, [0]);
    assert.deepEqual(analysis.classes.map((c) => c.name), ["com.example.State", "java.util.ArrayList"]);
    assert.deepEqual(analysis.classes[0].fields.map((f) => `${f.name}:${f.type}`), ["step:I", "items:L", "user:L"]);
    assert.equal(analysis.classes[0].serialVersionUID, "0000000000000001");
    assert.deepEqual(analysis.classes[0].flags, ["SC_SERIALIZABLE"]);
  });

  it("scan reports payloads (raw, base64, without an extension) and not ordinary state", async () => {
    const run = await runMain(["scan", "--project", project.root, "--output", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    const found = report.results.filter((r: { rule_id: string }) => r.rule_id === "JAVA-ARTIFACT-001");
    assert.deepEqual(found.map((r: { location: { file: string } }) => r.location.file).sort(), ["cache/session", "src/test/resources/cookie.txt", "src/test/resources/payload.ser"]);
    for (const r of found) {
      assert.equal(r.severity, "critical");
      assert.match(r.message, /InvokerTransformer/);
      assert.match(r.message, /CommonsCollections6/);
    }
    const only = JSON.parse((await runMain(["scan", "--project", project.root, "--ruleset", "JAVA-ARTIFACT-001", "--output", "json"])).stdout);
    assert.deepEqual(only.scan.rules_executed, ["JAVA-ARTIFACT-001"]);
    assert.equal(only.results.length, 3);
    const python = JSON.parse((await runMain(["scan", "--project", project.root, "--ruleset", "python/all", "--output", "json"])).stdout);
    assert.equal(python.results.length, 0, "not part of the Python rulesets");
  });

  it("inspect lists the classes, marks the gadget chain and exits 1; a clean stream exits 0", async () => {
    const run = await runMain(["inspect", join(DATA, "cc-payload.ser")]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /Java serialization stream, 1027 bytes/);
    assert.match(run.stdout, /org\.apache\.commons\.collections\.functors\.InvokerTransformer \[executes\]/);
    assert.match(run.stdout, /CommonsCollections6: .*TiedMapEntry -> .*LazyMap -> .*ChainedTransformer/);
    const json = JSON.parse((await runMain(["inspect", "--json", join(DATA, "cc-payload.b64")])).stdout);
    assert.equal(json.kind, "java-serialization");
    assert.equal(json.encoding, "base64");
    assert.equal(json.verdict.dangerous, true);
    const clean = await runMain(["inspect", join(DATA, "state.ser")]);
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /clean: no class of a known gadget chain/);
  });

  it("truncated and corrupted streams never throw and never invent classes", () => {
    const names = new Set(readJavaStream(payload).classes.map((c) => c.name));
    for (let n = 0; n <= payload.length; n++) {
      const cut = readJavaStream(payload.subarray(0, n));
      for (const c of cut.classes) assert.ok(names.has(c.name), `${c.name} at length ${n}`);
    }
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
    for (let round = 0; round < 200; round++) {
      const bytes = Uint8Array.from(payload);
      for (let k = 0; k < 8; k++) bytes[4 + (random() % (bytes.length - 4))] = random() & 0xff;
      assert.doesNotThrow(() => scanJavaStream(bytes, "fuzzed.ser"));
    }
  });
});
