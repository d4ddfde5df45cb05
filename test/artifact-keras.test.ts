// Keras model configurations: a legacy .h5 model's model_config attribute and a .keras archive's config.json are
// judged like pickles (loading rebuilds what they name). The malicious files are in the red-team corpus
// (fixtures/artifact-corpus/attacks/s20-keras*); the benign ones are written by scripts/artifacts/keras_files.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { isArtifactCandidate, memorySource, scanArtifact, type ArtifactScanResult } from "../src/artifacts/index.js";
import { zipOf } from "./helpers/fuzz-inputs.js";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";

const KERAS = join(REPO_ROOT, "test", "data", "keras");
const ATTACKS = join(REPO_ROOT, "fixtures", "artifact-corpus", "attacks");
const read = (dir: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const scan = (bytes: Uint8Array, name: string): Promise<ArtifactScanResult> => scanArtifact(memorySource(bytes), name);
const summary = (r: ArtifactScanResult): string[] => r.findings.map((f) => `${f.severity} ${f.message}`);

/** A Keras 3 archive with this config.json (the weights member does not matter here). */
const archive = (config: unknown): Uint8Array =>
  zipOf([
    { name: "metadata.json", data: text('{"keras_version": "3.8.0"}') },
    { name: "config.json", data: text(JSON.stringify(config)), deflate: true },
  ]);

const layer = (module: string, className: string, config: unknown) => ({ module, class_name: className, config, registered_name: null });
const sequential = (...layers: unknown[]) => layer("keras", "Sequential", { name: "sequential", layers });

describe("Keras models", () => {
  it("finds nothing in benign .h5, .keras and SavedModel Keras metadata files", async () => {
    for (const name of ["sequential.h5", "sequential-vlen.h5", "sequential.keras", "keras_metadata.pb", "torch-module-wrapper.keras"]) {
      const result = await scan(read(KERAS, name), name);
      assert.deepEqual(summary(result), [], name);
    }
  });

  it("reports TensorFlow functions that load native code or touch files, and trusts TensorFlow's tensor functions", async () => {
    const h5 = await scan(read(ATTACKS, "s22-keras2-lambda-tf-load-op-library.h5"), "model.h5");
    assert.deepEqual(h5.findings.map((f) => `${f.ruleId} ${f.severity}`), ["KERAS-ARTIFACT-003 critical"]);
    const lambda = (module: string, name: string) =>
      archive(sequential(layer("keras.layers", "Lambda", { name: "lambda", function: layer(module, "function", name), arguments: {} })));
    assert.deepEqual(summary(await scan(lambda("tensorflow.io", "write_file"), "m.keras")), [
      "high Keras config names a function reference tensorflow.io.write_file, a TensorFlow function that writes a file (in config.json)",
    ]);
    assert.deepEqual(summary(await scan(lambda("tensorflow.io.gfile", "rmtree"), "m.keras")).length, 1);
    for (const [module, name] of [["tensorflow.math", "add"], ["tensorflow.nn", "relu"], ["tensorflow.experimental.numpy", "copy"], ["tensorflow.keras.losses", "load"]]) {
      assert.deepEqual(summary(await scan(lambda(module!, name!), "m.keras")), [], `${module}.${name}`);
    }
  });

  it("finds a legacy .h5 config whose \"class_name\" keys are all spelt with JSON escapes", async () => {
    const result = await scan(read(ATTACKS, "s21-keras2-lambda-escaped-keys.h5"), "model.h5");
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.severity}`), ["KERAS-ARTIFACT-001 critical"]);
  });

  it("reports a Lambda layer's bytecode in a legacy .h5 file, whatever the file is called", async () => {
    const bytes = read(ATTACKS, "s20-keras2-lambda.h5");
    assert.equal(isArtifactCandidate("weights.data", bytes.subarray(0, 512)), true);
    const result = await scan(bytes, "weights.data");
    assert.equal(result.kind, "hdf5");
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.severity}`), ["KERAS-ARTIFACT-001 critical"]);
    assert.match(result.findings[0]!.message, /Lambda layer with marshalled Python bytecode/);
  });

  it("judges a .keras config's modules: Keras' own pass, a denylisted one is critical, an unknown one high", async () => {
    const dense = layer("keras.layers", "Dense", { units: 4, kernel_initializer: layer("keras.initializers", "GlorotUniform", {}) });
    assert.deepEqual(summary(await scan(archive(sequential(dense)), "model.keras")), []);
    const popen = await scan(archive(sequential(dense, layer("subprocess", "Popen", { args: ["id"] }))), "model.keras");
    assert.equal(popen.kind, "keras");
    assert.deepEqual(popen.findings.map((f) => `${f.ruleId} ${f.severity} ${f.location.member}`), ["KERAS-ARTIFACT-002 critical config.json"]);
    assert.match(popen.findings[0]!.message, /subprocess\.Popen outside Keras/);
    const custom = await scan(archive(sequential(layer("my_project.layers", "Scale", {}))), "model.keras");
    assert.deepEqual(custom.findings.map((f) => `${f.ruleId} ${f.severity}`), ["KERAS-ARTIFACT-002 high"]);
  });

  it("reports Keras' own gadgets and a Lambda function given by reference", async () => {
    const toggle = await scan(archive(sequential(layer("keras.config", "function", "enable_unsafe_deserialization"))), "m.keras");
    assert.match(summary(toggle).join("\n"), /^critical .*enable_unsafe_deserialization/);
    assert.deepEqual(toggle.findings.map((f) => f.ruleId), ["KERAS-ARTIFACT-003"]);
    const exec = await scan(archive(sequential(layer("keras.layers", "Lambda", { function: layer("builtins", "function", "exec") }))), "m.keras");
    assert.match(summary(exec).join("\n"), /^critical .*builtins\.exec/);
    const vocabulary = await scan(archive(sequential(layer("keras.layers", "StringLookup", { vocabulary: "/etc/passwd" }))), "m.keras");
    assert.match(summary(vocabulary).join("\n"), /^high .*\/etc\/passwd/);
  });

  it("scans the torch.save file a TorchModuleWrapper layer carries, as base64 or as Keras' __bytes__ text", async () => {
    for (const name of ["s21-keras3-torch-module-wrapper.keras", "s21-keras3-torch-module-wrapper-legacy.keras"]) {
      const result = await scan(read(ATTACKS, name), name);
      assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.severity} ${f.location.member?.split("/")[0]}`), ["PICKLE-ARTIFACT-001 critical config.json>TorchModuleWrapper torch_module_wrapper"], name);
      assert.match(result.findings[0]!.message, /posix\.system/);
    }
    const protocol0 = "cposix\nsystem\n(Vid\ntR.";
    const bytes = await scan(archive(sequential(layer("keras.layers", "TorchModuleWrapper", { name: "w", module: { class_name: "__bytes__", config: { value: protocol0 } } }))), "m.keras");
    assert.deepEqual(bytes.findings.map((f) => `${f.severity} ${f.location.member}`), ["critical config.json>TorchModuleWrapper w"]);
  });

  it("reads a SavedModel's keras_metadata.pb, by name, also inside an archive", async () => {
    const bytes = read(ATTACKS, "s20-savedmodel-lambda-keras_metadata.pb");
    assert.equal(isArtifactCandidate("model/keras_metadata.pb", bytes.subarray(0, 512)), true);
    const inZip = await scan(zipOf([{ name: "model/keras_metadata.pb", data: bytes, deflate: true }]), "model.zip");
    assert.deepEqual(inZip.findings.map((f) => `${f.severity} ${f.location.member}`), ["critical model/keras_metadata.pb"]);
    assert.deepEqual(summary(await scan(bytes, "other.pb")), []);
  });

  it("leaves a config.json that is not a Keras model alone", async () => {
    const hf = zipOf([{ name: "config.json", data: text(JSON.stringify({ architectures: ["BertModel"], module: "os", class_name: 3 })) }]);
    assert.deepEqual(summary(await scan(hf, "bundle.zip")), []);
  });

  it("judges a custom layer from the scanned project by its source, and one from elsewhere as outside Keras", async () => {
    const custom = (module: string, className: string) =>
      archive(sequential(layer("keras.layers", "Dense", { units: 4 }), layer(module, className, { name: "custom", units: 4 })));
    const files: Record<string, string | Uint8Array> = {
      "my_project/__init__.py": "",
      "my_project/layers.py": [
        "import keras",
        "",
        "class Attention(keras.layers.Layer):",
        "    def __init__(self, units, **kwargs):",
        "        super().__init__(**kwargs)",
        "        self.units = units",
        "",
        "class Beacon(keras.layers.Layer):",
        "    def __init__(self, **kwargs):",
        "        super().__init__(**kwargs)",
        "        import subprocess",
        '        subprocess.run(["curl", "https://example.invalid"])',
        "",
      ].join("\n"),
      "models/attention.keras": custom("my_project.layers", "Attention"),
      "models/beacon.keras": custom("my_project.layers", "Beacon"),
      "models/stranger.keras": custom("other_project.layers", "Attention"),
    };
    const judged = async (root: string): Promise<string[]> => {
      const run = await runCli(["scan", "--ruleset", "artifact/all", "--project", root, "-o", "json", "--no-cache"]);
      return (JSON.parse(run.stdout).results as { location: { file: string }; rule_id: string; severity: string; message: string }[])
        .map((f) => `${f.location.file} ${f.rule_id} ${f.severity}: ${f.message}`)
        .sort();
    };
    const withSource = await judged(tempProject(files));
    assert.equal(withSource.length, 2, withSource.join("\n"));
    assert.match(withSource[0]!, /^models\/beacon\.keras KERAS-ARTIFACT-002 high: .*my_project\.layers\.Beacon, defined in the project \(my_project\/layers\.py:8\), whose load-time code reaches subprocess\./);
    assert.match(withSource[1]!, /^models\/stranger\.keras KERAS-ARTIFACT-002 high: .*other_project\.layers\.Attention outside Keras/);
    // The same model without the project's source: the module is nobody's, so loading it is reported.
    delete files["my_project/layers.py"];
    const withoutSource = await judged(tempProject(files));
    assert.ok(withoutSource.some((f) => /^models\/attention\.keras KERAS-ARTIFACT-002 high: .*my_project\.layers\.Attention outside Keras/.test(f)), withoutSource.join("\n"));
  });
});
