// The default pickle policy on real corpora: every red-team attack is an error, no real library file is
// flagged, the allowlist is exact names with provenance, project classes are judged by their source, and
// `inspect` explains every judgement.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { scanArtifact, memorySource, type ArtifactScanResult } from "../src/artifacts/index.js";
import { ALLOWLIST, ALLOWLIST_PROVENANCE, DENYLIST } from "../src/artifacts/pickle/index.js";
import { INVOKED_ARGUMENTS, NESTED_LOADERS, RESOLVERS } from "../src/artifacts/pickle/allowlist.js";
import { GLOBAL, OPS as O, PROTO, asm, bstr, u32 } from "./data/pickle/assembler.js";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";

const CORPUS = join(REPO_ROOT, "fixtures", "artifact-corpus");
const files = (dir: string): string[] => readdirSync(join(CORPUS, dir)).filter((f) => f !== "MANIFEST.md").sort();
const ERROR = new Set(["critical", "high"]);

async function scanFile(dir: string, name: string, options = {}): Promise<ArtifactScanResult> {
  return scanArtifact(memorySource(new Uint8Array(readFileSync(join(CORPUS, dir, name)))), name, options);
}

describe("red-team corpus", () => {
  const attacks = files("attacks");
  it("holds the published bypasses and fresh gadgets", () => assert.ok(attacks.length >= 150, String(attacks.length)));

  it("catches every attack at error level", async () => {
    const missed: string[] = [];
    for (const name of attacks) {
      const result = await scanFile("attacks", name);
      if (!result.findings.some((f) => ERROR.has(f.severity))) missed.push(name);
    }
    assert.deepEqual(missed, []);
  });

  it("catches the gadgets no denylist names only through the allowlist", async () => {
    for (const name of ["gadget-aixsupport-readcmdoutput.pkl", "gadget-torch-utils-collectenv-run.pkl", "gadget-pathlib-path-writetext.pkl"]) {
      const allow = await scanFile("attacks", name);
      assert.ok(allow.findings.some((f) => f.ruleId === "PICKLE-ARTIFACT-008" && f.severity === "high"), name);
      const deny = await scanFile("attacks", name, { policy: "denylist" });
      assert.ok(!deny.findings.some((f) => ERROR.has(f.severity)), `${name}: the denylist policy misses it`);
    }
  });
});

describe("real library corpus", () => {
  const real = files("real");
  it("covers scikit-learn, torch (zip and legacy), joblib (every compression), numpy, pandas, scipy", () => {
    for (const prefix of ["sklearn-", "torch-", "joblib-", "numpy-", "pandas", "scipy", "stdlib"]) {
      assert.ok(real.some((f) => f.startsWith(prefix)), prefix);
    }
    assert.ok(real.length >= 80, String(real.length));
  });

  it("flags none of them", async () => {
    const flagged: string[] = [];
    for (const name of real) {
      const result = await scanFile("real", name);
      for (const f of result.findings) flagged.push(`${name}: ${f.severity} ${f.message}`);
    }
    assert.deepEqual(flagged, []);
  });
});

describe("version-drift corpus", () => {
  // Real files re-spelled as numpy 2, pandas 2.0/2.1, scikit-learn 1.3 and scipy 1.11 write them (gen-drift-corpus.py).
  const drift = files("drift");
  it("holds real files with the renamed globals", () => {
    assert.ok(drift.length >= 50, String(drift.length));
    const text = drift.map((f) => readFileSync(join(CORPUS, "drift", f), "latin1")).join("\n");
    for (const renamed of ["numpy._core.multiarray", "BallTree64", "KDTree64", "EuclideanDistance64", "scipy.sparse._csr", "pandas.core.dtypes.dtypes"]) {
      assert.ok(text.includes(renamed), renamed);
    }
  });

  it("flags none of them", async () => {
    const flagged: string[] = [];
    for (const name of drift) {
      const result = await scanFile("drift", name);
      for (const f of result.findings) flagged.push(`${name}: ${f.severity} ${f.message}`);
    }
    assert.deepEqual(flagged, []);
  });
});

describe("xgboost and LightGBM models", () => {
  // Real files written by xgboost 1.7 and LightGBM 4.7 (gen-wrapper-corpus.py): allowed by entries read from their sources.
  const wrappers = files("wrappers");
  it("flags none of them", async () => {
    assert.ok(wrappers.some((f) => f.startsWith("xgb-")) && wrappers.some((f) => f.startsWith("lgbm-")), wrappers.join());
    const flagged: string[] = [];
    for (const name of wrappers) {
      for (const f of (await scanFile("wrappers", name)).findings) flagged.push(`${name}: ${f.severity} ${f.message}`);
    }
    assert.deepEqual(flagged, []);
  });
});

describe("the allowlist", () => {
  it("is exact names, each with its provenance", () => {
    assert.ok(ALLOWLIST.length > 300);
    for (const name of ALLOWLIST) {
      assert.match(name, /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/, name);
      assert.ok((ALLOWLIST_PROVENANCE.get(name) ?? "").length > 10, name);
    }
    assert.match(ALLOWLIST_PROVENANCE.get("sklearn.pipeline.Pipeline")!, /^generated: real library files use it/);
    assert.match(ALLOWLIST_PROVENANCE.get("sklearn.neighbors._ball_tree.BallTree64")!, /^scikit-learn 1\.3 \(sklearn\/neighbors\/_ball_tree\.pyx\.tp/);
    assert.match(ALLOWLIST_PROVENANCE.get("numpy.random._pcg64.PCG64")!, /^numpy v?\d.* bit generator class/);
    assert.match(ALLOWLIST_PROVENANCE.get("xgboost.sklearn.XGBClassifier")!, /^xgboost .*python-package\/xgboost\/sklearn\.py/);
    assert.ok(!ALLOWLIST.some((n) => /(^|\.)(_testing|testing|datasets|hub|cpp_extension)\./.test(n)), "no helper module that runs code");
  });

  it("judges numpy's random-state helpers by the constructor they call, and trusts what numpy 1 and 2 write", async () => {
    const scan = async (bytes: Uint8Array) => (await scanArtifact(memorySource(bytes), "m.pkl")).findings.map((f) => `${f.severity}: ${f.message}`);
    const numpy1 = asm(PROTO(2), GLOBAL("numpy.random._pickle", "__randomstate_ctor"), bstr("MT19937"), O.TUPLE1, O.REDUCE, O.STOP);
    assert.deepEqual(await scan(numpy1), []);
    const numpy2 = asm(PROTO(2), GLOBAL("numpy.random._pickle", "__randomstate_ctor"), GLOBAL("numpy.random._pickle", "__bit_generator_ctor"),
      GLOBAL("numpy.random._pcg64", "PCG64"), O.TUPLE1, O.REDUCE, O.TUPLE1, O.REDUCE, O.STOP);
    assert.deepEqual(await scan(numpy2), []);
    const gadget = asm(PROTO(2), GLOBAL("numpy.random._pickle", "__randomstate_ctor"), bstr("id"), GLOBAL("_aix_support", "_read_cmd_output"), O.TUPLE2, O.REDUCE, O.STOP);
    assert.deepEqual(await scan(gadget), ["high: Loading calls _aix_support._read_cmd_output, which is not known to be safe"]);
  });

  it("holds a denylisted name only when its arguments are judged", () => {
    const denied = new Set(DENYLIST.map((d) => d.name));
    for (const name of ALLOWLIST.filter((n) => denied.has(n))) {
      assert.ok(INVOKED_ARGUMENTS.has(name) || RESOLVERS.has(name) || NESTED_LOADERS.has(name), name);
    }
  });

  it("judges allowlisted helpers by the globals they invoke or resolve", async () => {
    const scan = (bytes: Uint8Array) => scanArtifact(memorySource(bytes), "m.pkl");
    const partialOk = asm(PROTO(2), GLOBAL("functools", "partial"), GLOBAL("builtins", "list"), O.TUPLE1, O.REDUCE, O.STOP);
    assert.deepEqual((await scan(partialOk)).findings, []);
    const viaGetattr = asm(PROTO(2), GLOBAL("builtins", "getattr"), GLOBAL("os", "path"), bstr("sep"), O.TUPLE2, O.REDUCE, O.STOP);
    const result = await scan(viaGetattr);
    assert.ok(result.findings.some((f) => f.severity === "high" && /Imports os\.path\.sep /.test(f.message)), JSON.stringify(result.findings));
  });
});

describe("protocol 0 lines longer than any window", () => {
  it("reads on past a 5 MB string line to the payload after it, and trusts the same stream without one", async () => {
    const line = (tail: string) => asm(`S'${"A".repeat(5 << 20)}'\n0`, tail);
    const findings = async (bytes: Uint8Array) => (await scanArtifact(memorySource(bytes), "data.pkl")).findings.map((f) => `${f.severity}: ${f.message}`);
    assert.deepEqual(await findings(line(`${GLOBAL("posix", "system")}(S'id'\ntR.`)), ["critical: Calls posix.system('id') via REDUCE: runs shell commands or programs"]);
    assert.deepEqual(await findings(line("(dS'x'\nS'y'\ns.")), []);
  });
});

describe("storages of a whole module pickled with pickle or joblib", () => {
  // torch's Storage.__reduce__ is torch.storage._load_from_bytes(<a torch.save file>): megabytes of bytes, which the
  // framing walk cuts out of what the machine sees; the cut-out file is inspected on its own.
  const MB = 1 << 20;
  const legacyFile = (inner: Uint8Array) => asm(inner, new Uint8Array(MB + 100)); // a pickle, then raw storage bytes
  const storage = (payload: Uint8Array) =>
    asm(PROTO(4), GLOBAL("torch.storage", "_load_from_bytes"), O.BINBYTES, u32(payload.length), payload, O.MEMOIZE, O.TUPLE1, O.MEMOIZE, O.REDUCE, O.STOP);
  const scan = async (bytes: Uint8Array) => (await scanArtifact(memorySource(bytes), "model.pkl")).findings.map((f) => `${f.severity}: ${f.message}`);
  const clean = asm(PROTO(2), O.EMPTY_DICT, O.STOP);
  const evil = asm(PROTO(2), GLOBAL("posix", "system"), bstr("id"), O.TUPLE1, O.REDUCE, O.STOP);

  it("trusts a large storage whose bytes are a clean torch file, and reports a payload inside one", async () => {
    assert.deepEqual(await scan(storage(legacyFile(clean))), []);
    const inside = await scan(storage(legacyFile(evil)));
    assert.equal(inside.length, 1, inside.join("\n"));
    assert.match(inside[0]!, /^critical: Calls posix\.system\('id'\)/);
  });

  it("reads protocol 2's spelling of the bytes (_codecs.encode of latin-1 text)", async () => {
    const text = new TextEncoder().encode(String.fromCharCode(...legacyFile(evil).subarray(0, 64)) + "\0".repeat(MB + 100));
    const p2 = asm(PROTO(2), GLOBAL("torch.storage", "_load_from_bytes"), GLOBAL("_codecs", "encode"), 0x58, u32(text.length), text,
      O.BINPUT, 1, bstr("latin1"), O.TUPLE2, O.REDUCE, O.TUPLE1, O.REDUCE, O.STOP);
    const found = await scan(p2);
    assert.ok(found.some((f) => /^critical: Calls posix\.system/.test(f)), found.join("\n"));
  });

  it("still reports large bytes that are no file it could inspect", async () => {
    const noise = new Uint8Array(MB + 100).fill(0x41);
    assert.deepEqual(await scan(storage(noise)), ["high: torch.storage._load_from_bytes loads bytes that are not a constant pickle Pathfinder could inspect"]);
  });
});

const NEWOBJ_OF = (module: string, name: string) =>
  asm(PROTO(2), GLOBAL(module, name), O.EMPTY_TUPLE, O.NEWOBJ, O.EMPTY_DICT, O.BUILD, O.STOP);

describe("project-defined classes", () => {
  const project = () =>
    tempProject({
      "mypkg/__init__.py": "",
      "mypkg/models.py": [
        "import torch",
        "",
        "class Net(torch.nn.Module):",
        "    def __init__(self):",
        "        super().__init__()",
        "        self.fc = torch.nn.Linear(2, 2)",
        "",
        "class Evil:",
        "    def __setstate__(self, state):",
        "        import os",
        "        os.system(state['cmd'])",
        "",
      ].join("\n"),
      "checkpoints/net.pt": NEWOBJ_OF("mypkg.models", "Net"),
      "checkpoints/evil.pt": NEWOBJ_OF("mypkg.models", "Evil"),
      "checkpoints/stranger.pt": NEWOBJ_OF("otherpkg.layers", "Block"),
    });

  it("trusts a class the project defines, and judges a dangerous one by its __setstate__", async () => {
    const root = project();
    const run = await runCli(["scan", "--ruleset", "artifact/all", "--project", root, "-o", "json", "--fail-on", "high"]);
    const findings = JSON.parse(run.stdout).results as { location: { file: string }; severity: string; message: string }[];
    const byFile = (file: string) => findings.filter((f) => f.location.file === file).map((f) => `${f.severity}: ${f.message}`);
    assert.deepEqual(byFile("checkpoints/net.pt"), []);
    assert.equal(byFile("checkpoints/evil.pt").length, 1);
    assert.match(byFile("checkpoints/evil.pt")[0]!, /^high: .*mypkg\.models\.Evil, defined in the project \(mypkg\/models\.py:8\), whose load-time code reaches os\./);
    assert.deepEqual(byFile("checkpoints/stranger.pt"), ["high: Loading calls otherpkg.layers.Block, which is not known to be safe"]);
    assert.equal(run.code, 1);
  });

  it("finds each named class in the file that defines it, however many names the pickles ask for, with or without the Python rules", async () => {
    // Twelve names: more than are searched for one by one before one pass notes every file's definitions.
    const names = Array.from({ length: 12 }, (_, i) => `Layer${i}`);
    const files: Record<string, string | Uint8Array> = {
      "src/zoo/__init__.py": "",
      // Mentions every name (an import, a string, a nested definition) without defining one at module level first.
      "src/zoo/aaa_mentions.py": `from .layers import ${names.join(", ")}\nDOC = "class Layer0: not a definition"\nclass Holder:\n    class Layer1:\n        def __setstate__(self, s):\n            eval(s)\n`,
      "src/zoo/layers.py": names
        .map((n, i) => (i % 3 === 0 ? `class ${n}:\n    def __setstate__(self, state):\n        import subprocess\n        subprocess.run(state)\n` : `class ${n}:\n    pass\n`))
        .join("\n"),
      "train.py": "import pickle\n\nclass Script:\n    def __reduce__(self):\n        return (print, ())\n",
    };
    names.forEach((n) => (files[`models/${n}.pkl`] = NEWOBJ_OF("zoo.layers", n)));
    files["models/nested.pkl"] = NEWOBJ_OF("zoo.aaa_mentions", "Holder.Layer1");
    files["models/main.pkl"] = NEWOBJ_OF("__main__", "Script");
    files["models/missing.pkl"] = NEWOBJ_OF("zoo.layers", "Layer99");
    const root = tempProject(files);
    const judged = async (ruleset: string[]) => {
      const run = await runCli(["scan", ...ruleset, "--project", root, "-o", "json", "--no-cache"]);
      return (JSON.parse(run.stdout).results as { location: { file: string }; rule_id: string; message: string }[])
        .filter((f) => f.location.file.endsWith(".pkl"))
        .map((f) => `${f.location.file}: ${f.message}`)
        .sort();
    };
    const artifactsOnly = await judged(["--ruleset", "artifact/all"]);
    const expected = [
      ...names.filter((_, i) => i % 3 === 0).map((n) => `models/${n}.pkl: .*zoo\\.layers\\.${n}, defined in the project \\(src/zoo/layers\\.py:\\d+\\), whose load-time code reaches subprocess\\.`),
      "models/missing.pkl: .*zoo\\.layers\\.Layer99, which is not known to be safe",
      "models/nested.pkl: .*zoo\\.aaa_mentions\\.Holder\\.Layer1, defined in the project \\(src/zoo/aaa_mentions\\.py:4\\), whose load-time code reaches eval\\(",
    ].sort();
    assert.equal(artifactsOnly.length, expected.length, artifactsOnly.join("\n"));
    for (const pattern of expected) assert.ok(artifactsOnly.some((f) => new RegExp(`^${pattern}`).test(f)), `${pattern}\n${artifactsOnly.join("\n")}`);
    assert.deepEqual(await judged([]), artifactsOnly, "the default rule set (Python texts already read) judges the same");
  });

  it("--pickle-allow and pickle-allow in the configuration trust a global; --pickle-policy denylist reports only denylisted globals", async () => {
    const root = project();
    const allowed = await runCli(["scan", "--ruleset", "artifact/all", "--project", root, "-o", "json", "--pickle-allow", "otherpkg.layers.Block"]);
    const files = (JSON.parse(allowed.stdout).results as { location: { file: string } }[]).map((f) => f.location.file);
    assert.ok(!files.includes("checkpoints/stranger.pt"));
    const configured = tempProject({ "pathfinder.toml": 'pickle-allow = ["otherpkg.layers.Block"]\n', "stranger.pt": NEWOBJ_OF("otherpkg.layers", "Block") });
    const fromConfig = await runCli(["scan", "--ruleset", "artifact/all", "--project", configured, "-o", "json"]);
    assert.deepEqual(JSON.parse(fromConfig.stdout).results, [], "pickle-allow in pathfinder.toml");
    const broken = tempProject({ "pathfinder.toml": 'pickle-allow = ["not a name"]\n' });
    const invalid = await runCli(["scan", "--project", broken]);
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /pickle-allow\[0\].*not a dotted global name/);
    const deny = await runCli(["scan", "--ruleset", "artifact/all", "--project", root, "-o", "json", "--pickle-policy", "denylist"]);
    assert.deepEqual(JSON.parse(deny.stdout).results, []);
    assert.equal(deny.code, 0);
  });
});

describe("inspect explains every judgement", () => {
  it("names the policy and the verdict of every global and call", async () => {
    const file = join(CORPUS, "attacks", "partial-unknown.pkl");
    const run = await runCli(["inspect", file]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^Policy: allowlist: every call of a global outside the \d+ built-in known-safe globals \(generated from Python/m);
    assert.match(run.stdout, /@\d+ {2}call {4}functools\.partial {2}allowlisted: curated: judged by the function it wraps/);
    assert.match(run.stdout, /_aix_support\._read_cmd_output {2}unknown: not on the allowlist/);
    assert.match(run.stdout, /<result of a call> {2}call-result/);
    const json = JSON.parse((await runCli(["inspect", "--json", "--pickle-policy", "denylist", file])).stdout);
    assert.equal(json.policy.mode, "denylist");
    assert.ok(json.pickles[0].judged.some((j: { subject: string; verdict: string }) => j.subject === "functools.partial" && j.verdict === "denylisted"));
  });
});
