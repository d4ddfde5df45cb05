// TorchScript archives (torch.jit.save): torch.load hands a zip holding constants.pkl to torch.jit.load, whose
// unpickler resolves `__torch__.*` classes and `torch.jit._pickle` helpers without Python. Benign archives are written
// by scripts/artifacts/gen-torchscript.py with the real torch.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memorySource, scanArtifact } from "../src/artifacts/index.js";
import { GLOBAL, OPS as O, PROTO, asm } from "./data/pickle/assembler.js";
import { zipOf } from "./helpers/fuzz-inputs.js";
import { REPO_ROOT } from "./helpers/cli.js";

const DATA = join(REPO_ROOT, "test", "data", "torchscript");
const findings = async (bytes: Uint8Array, name: string): Promise<string[]> =>
  (await scanArtifact(memorySource(bytes), name)).findings.map((f) => `${f.ruleId} ${f.severity} ${f.message}`);

/** data.pkl as TorchScript writes it: the module's own class, built from a state holding a list tagged by build_intlist. */
const TORCHSCRIPT_DATA = asm(
  PROTO(2),
  GLOBAL("__torch__", "Net"), O.EMPTY_TUPLE, O.NEWOBJ,
  GLOBAL("torch.jit._pickle", "build_intlist"), O.EMPTY_LIST, O.TUPLE1, O.REDUCE,
  O.BUILD, O.STOP,
);
const EMPTY_CONSTANTS = asm(PROTO(2), O.EMPTY_TUPLE, O.STOP);
const archive = (data: Uint8Array, withConstants: boolean): Uint8Array =>
  zipOf([
    { name: "net/data.pkl", data },
    ...(withConstants ? [{ name: "net/constants.pkl", data: EMPTY_CONSTANTS }] : []),
    { name: "net/code/__torch__.py", data: new TextEncoder().encode("class Net(Module):\n  pass\n") },
    { name: "net/version", data: new TextEncoder().encode("3\n") },
  ]);

describe("TorchScript archives", () => {
  it("finds nothing in scripted and traced modules saved by torch.jit.save", async () => {
    for (const name of ["scripted.pt", "traced.pt"]) assert.deepEqual(await findings(new Uint8Array(readFileSync(join(DATA, name))), name), [], name);
  });

  it("trusts __torch__ classes and torch.jit._pickle helpers only in an archive torch.load reads as TorchScript", async () => {
    assert.deepEqual(await findings(archive(TORCHSCRIPT_DATA, true), "net.pt"), []);
    const plain = await findings(archive(TORCHSCRIPT_DATA, false), "net.pt");
    assert.ok(plain.some((f) => /__torch__\.Net/.test(f)), plain.join("\n"));
    assert.ok(plain.some((f) => /torch\.jit\._pickle\.build_intlist/.test(f)), plain.join("\n"));
  });

  it("reports TorchScript code that reaches the file system: on load in __setstate__, else when the model runs", async () => {
    const saved = await findings(new Uint8Array(readFileSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "attacks", "s22-torchscript-setstate-save.pt"))), "m.pt");
    assert.deepEqual(saved, ["PICKLE-ARTIFACT-001 high TorchScript code calls torch.save in __setstate__, which torch.jit.load runs while loading: it writes a file (in archive/code/__torch__/torchscript_attacks.py)"]);
    const code = (body: string) =>
      zipOf([
        { name: "net/data.pkl", data: TORCHSCRIPT_DATA },
        { name: "net/constants.pkl", data: EMPTY_CONSTANTS },
        { name: "net/code/__torch__.py", data: new TextEncoder().encode(`class Net(Module):\n  def forward(self: __torch__.Net,\n    x: Tensor) -> Tensor:\n${body}\n`) },
      ]);
    assert.deepEqual(await findings(code('    return torch.from_file("/etc/passwd", False, 4)'), "net.pt"), [
      "PICKLE-ARTIFACT-001 medium TorchScript code calls torch.from_file in forward: it reads a file when the model runs (in net/code/__torch__.py)",
    ]);
    assert.deepEqual(await findings(code("    return torch.add(x, x)"), "net.pt"), []);
  });

  it("still reports any other global in a TorchScript archive", async () => {
    const payload = asm(PROTO(2), GLOBAL("posix", "system"), GLOBAL("__torch__", "Net"), O.TUPLE1, O.REDUCE, O.STOP);
    const result = await findings(archive(payload, true), "net.pt");
    assert.equal(result.length, 1, result.join("\n"));
    assert.match(result[0]!, /^PICKLE-ARTIFACT-001 critical .*posix\.system/);
  });
});
