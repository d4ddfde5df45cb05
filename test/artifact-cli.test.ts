// The artifact scanner through the real CLI: `pathfinder inspect FILE` and model files in `pathfinder scan`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";

const DATA = join(REPO_ROOT, "test", "data", "artifacts");
const fixture = (rel: string) => new Uint8Array(readFileSync(join(DATA, rel)));

// Protocol 2: NEWOBJ of mypkg.models.Model with no arguments; harmless but unknown to the allowlist.
const UNKNOWN_CLASS = new Uint8Array([0x80, 0x02, ...Buffer.from("cmypkg.models\nModel\n"), 0x29, 0x81, 0x2e]);

describe("pathfinder inspect", { concurrency: true }, () => {
  it("shows layout, imports and calls with offsets, pseudo-Python and a dangerous verdict (exit 1)", async () => {
    const r = await runCli(["inspect", join(DATA, "malicious/polyglot.pt")]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /Kind: pickle\+zip/);
    assert.match(r.stdout, /OFFSET\s+SIZE\s+COMPRESSED\s+METHOD\s+ROLE\s+NAME/);
    assert.match(r.stdout, /tensor-data\s+archive\/data\/0/);
    assert.match(r.stdout, /@2\s+GLOBAL\s+posix\.system/);
    assert.match(r.stdout, /@38\s+REDUCE\s+posix\.system\('echo pwned'\)/);
    assert.match(r.stdout, /\| _var0 = system\('echo pwned'\)/);
    assert.match(r.stdout, /Verdict: DANGEROUS \(critical 2\)/);
    assert.match(r.stdout, /- critical: Calls subprocess\.Popen/);
  });

  it("says so when the file is not a pickle at all, instead of calling it clean", async () => {
    const dir = tempProject({ "notes.txt": "just some text, no pickle here\n", "image.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]) });
    for (const file of ["notes.txt", "image.png"]) {
      const r = await runCli(["inspect", join(dir, file)]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Verdict: NOT A PICKLE/);
      assert.doesNotMatch(r.stdout, /CLEAN/);
      assert.match(r.stdout, /no pickle stream was found/);
    }
  });

  it("exits 0 with a clean verdict for a benign PyTorch checkpoint", async () => {
    const r = await runCli(["inspect", join(DATA, "benign/torch-checkpoint.pt")]);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /Kind: torch-zip/);
    assert.match(r.stdout, /torch\._utils\._rebuild_tensor_v2/);
    assert.match(r.stdout, /Verdict: CLEAN/);
  });

  it("prints JSON with absolute offsets and the verdict", async () => {
    const r = await runCli(["inspect", "--json", join(DATA, "malicious/object.npy")]);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.kind, "npy");
    assert.equal(out.verdict.label, "dangerous");
    const pickle = out.pickles[0];
    assert.ok(pickle.baseOffset > 0);
    const call = pickle.calls.find((c: { callee: string }) => c.callee === "posix.system");
    assert.ok(call.offset > pickle.baseOffset, "offsets are in file coordinates");
    assert.equal(fixture("malicious/object.npy")[call.offset], 0x52, "the offset points at REDUCE");
    assert.match(pickle.pseudoPython, /system\('echo pwned'\)/);
    assert.equal(out.findings[0].ruleId, "PICKLE-ARTIFACT-001");
  });

  it("calls an uninspectable archive unverified, still exit 1", async () => {
    const r = await runCli(["inspect", join(DATA, "uninspectable/model.7z")]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Verdict: UNVERIFIED/);
  });

  it("applies the allowlist policy by default, --pickle-allow, and the denylist policy on request", async () => {
    const dir = tempProject({ "model.pkl": UNKNOWN_CLASS });
    const file = join(dir, "model.pkl");
    const [strict, deny, allowed] = await Promise.all([
      runCli(["inspect", file]),
      runCli(["inspect", "--pickle-policy", "denylist", file]),
      runCli(["inspect", "--pickle-allow", "mypkg.models.*", file]),
    ]);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /HIGH\s+PICKLE-ARTIFACT-008\s+Loading calls mypkg\.models\.Model, which is not known to be safe/);
    assert.equal(deny.code, 0);
    assert.equal(allowed.code, 0);
  });

  it("exits 2 on usage and file errors", async () => {
    const [missing, none, directory, policy] = await Promise.all([
      runCli(["inspect", join(DATA, "does-not-exist.pt")]),
      runCli(["inspect"]),
      runCli(["inspect", DATA]),
      runCli(["inspect", "--pickle-policy", "maybe", join(DATA, "malicious/pickle.pkl")]),
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /ENOENT/);
    assert.equal(none.code, 2);
    assert.equal(directory.code, 2);
    assert.equal(policy.code, 2);
    assert.match(policy.stderr, /--pickle-policy/);
  });
});

describe("pathfinder scan with model files", { concurrency: true }, () => {
  const project = tempProject({
    "app.py": "import json\n\ndef load(body):\n    return json.loads(body)\n",
    "models/polyglot.pt": fixture("malicious/polyglot.pt"),
    "models/checkpoint.pt": fixture("benign/torch-checkpoint.pt"),
    "data/weights.npy": fixture("benign/plain.npy"),
    "cache/blob": fixture("malicious/pickle.pkl"),
    "models/custom.pkl": UNKNOWN_CLASS,
    "README.md": "# models\n",
  });

  it("scans artifacts found by discovery, by extension and by content, and merges their findings", async () => {
    const r = await runCli(["scan", "-p", project, "-o", "json", "--fail-on", "critical"]);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    const located = report.results.map((f: { rule_id: string; location: { file: string; member?: string } }) =>
      `${f.rule_id} ${f.location.file}${f.location.member ? `!${f.location.member}` : ""}`,
    );
    assert.deepEqual(located.sort(), [
      "PICKLE-ARTIFACT-001 cache/blob",
      "PICKLE-ARTIFACT-001 models/polyglot.pt",
      "PICKLE-ARTIFACT-001 models/polyglot.pt!archive/data.pkl",
      "PICKLE-ARTIFACT-008 models/custom.pkl",
    ]);
    assert.ok(report.scan.rules_executed.includes("PICKLE-ARTIFACT-007"));
    assert.equal(report.scan.files_scanned, 6, "app.py and five model files (README.md is not one)");
  });

  it("reports unknown calls by default unless allowed", async () => {
    const [strict, allowed] = await Promise.all([
      runCli(["scan", "-p", project, "-o", "json", "--ruleset", "artifact/all"]),
      runCli(["scan", "-p", project, "-o", "json", "--pickle-allow", "mypkg.models.Model", "--ruleset", "artifact/all"]),
    ]);
    const ids = JSON.parse(strict.stdout).results.map((f: { rule_id: string; location: { file: string } }) => `${f.rule_id} ${f.location.file}`);
    assert.ok(ids.includes("PICKLE-ARTIFACT-008 models/custom.pkl"), ids.join("\n"));
    const after = JSON.parse(allowed.stdout).results.map((f: { location: { file: string } }) => f.location.file);
    assert.ok(!after.includes("models/custom.pkl"));
  });

  it("selects artifact rules with --ruleset artifact/... and leaves them out for Python-only rulesets", async () => {
    const [artifactRun, pythonRun, unknown] = await Promise.all([
      runCli(["scan", "-p", project, "-o", "json", "--ruleset", "artifact/PICKLE-ARTIFACT-001"]),
      runCli(["scan", "-p", project, "-o", "json", "--ruleset", "python/all"]),
      runCli(["scan", "-p", project, "--ruleset", "artifact/PICKLE-ARTIFACT-999"]),
    ]);
    const artifactOnly = JSON.parse(artifactRun.stdout);
    assert.deepEqual(artifactOnly.scan.rules_executed, ["PICKLE-ARTIFACT-001"]);
    assert.equal(artifactOnly.results.length, 3);
    const pythonOnly = JSON.parse(pythonRun.stdout);
    assert.ok(!pythonOnly.scan.rules_executed.some((id: string) => id.startsWith("PICKLE-ARTIFACT")));
    assert.equal(pythonOnly.results.length, 0);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown ruleset/);
  });

  it("shows member and offset for artifact findings in text output, and the flags in help", async () => {
    const [r, help, top] = await Promise.all([
      runCli(["scan", "-p", project, "--ruleset", "artifact/all"]),
      runCli(["scan", "--help"]),
      runCli(["--help"]),
    ]);
    assert.match(r.stdout, /models\/polyglot\.pt:1:1\s+CRITICAL\s+PICKLE-ARTIFACT-001/);
    assert.match(r.stdout, /member: archive\/data\.pkl\s+offset: 75/);
    assert.match(r.stdout, /@75\s+REDUCE subprocess\.Popen\(\['id'\]\)/);
    assert.match(help.stdout, /--pickle-policy/);
    assert.match(help.stdout, /--pickle-allow/);
    assert.match(top.stdout, /inspect\s+Show what a model\/data file would do/);
  });
});

describe("pathfinder scan with text that begins like a pickle", { concurrency: true }, () => {
  // "The MIT License" reads as BINSTRING (T) with a 4-byte length of 1.3 GB: the 512 sniffed bytes cannot rule it out.
  const LICENSE = "The MIT License (MIT)\n\nCopyright (c) 2014 Someone\n\n" + "Permission is hereby granted, free of charge, to any person. ".repeat(20);

  it("gives no warning for a LICENSE file, and still warns for a model-file name with the same text", async () => {
    const project = tempProject({ "LICENSE": LICENSE, "models/weights.gz": LICENSE, "app.py": "print(1)\n" });
    const r = await runCli(["scan", "-p", project, "-o", "json", "--ruleset", "artifact/all"]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { results: unknown[]; errors: { file: string; message: string }[] };
    assert.deepEqual(report.results, []);
    assert.deepEqual(report.errors.map((e) => [e.file, e.message]), [["models/weights.gz", "content is not a pickle or a known container; not inspected"]]);
  });
});

describe("pathfinder rules with artifact rules", { concurrency: true }, () => {
  it("shows an artifact rule page and lists the artifact bundle on request", async () => {
    const [show, list, all] = await Promise.all([
      runCli(["rules", "show", "artifact/PICKLE-ARTIFACT-006"]),
      runCli(["rules", "list", "--bundle", "artifact/all"]),
      runCli(["rules", "list"]),
    ]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /PICKLE-ARTIFACT-006: Artifact Container Is Inconsistent/);
    assert.match(show.stdout, /pathfinder scan --ruleset artifact\/PICKLE-ARTIFACT-006/);
    assert.equal(list.code, 0);
    assert.equal((list.stdout.match(/^PICKLE-ARTIFACT-00\d/gm) ?? []).length, 8);
    assert.equal((all.stdout.match(/^PICKLE-ARTIFACT-00\d/gm) ?? []).length, 8, "the default listing includes artifact rules");
    assert.equal((list.stdout.match(/^KERAS-ARTIFACT-00\d/gm) ?? []).length, 3);
    assert.equal((all.stdout.match(/^KERAS-ARTIFACT-00\d/gm) ?? []).length, 3);
    assert.equal((list.stdout.match(/^(GGUF|ONNX)-ARTIFACT-00\d/gm) ?? []).length, 3);
    assert.equal((list.stdout.match(/^(ARCHIVE|CONFIG)-ARTIFACT-00\d/gm) ?? []).length, 2);
    assert.match(all.stdout, /artifact\/all \(16\)/);
  });
});
