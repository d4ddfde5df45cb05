// The fix applier through its library API (hand-made findings, real files) and `scan --fix` through the CLI.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { Finding, TextEdit } from "../src/core/types.js";
import { applyFixes, sourceDigest } from "../src/project/fix.js";
import { runMain, tempTree } from "./data/config/cli.js";

const trees: (() => void)[] = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const t = tempTree(files);
  trees.push(t.cleanup);
  return t.root;
}
after(() => trees.forEach((cleanup) => cleanup()));

/** A finding on line `line` of `source` (whole line as the reported region) carrying `edits`. */
function finding(file: string, source: string, line: number, edits: TextEdit[], extra: Partial<Finding> = {}): Finding {
  const text = source.replace(/^\uFEFF/, "").split("\n")[line - 1].replace(/\r$/, "");
  return {
    ruleId: "TEST-RULE-001",
    ruleName: "Test rule",
    message: "test",
    severity: "high",
    confidence: "high",
    location: { file, line, column: 1, endLine: line, endColumn: text.length + 1, snippet: text },
    cwe: ["CWE-502"],
    owasp: [],
    fingerprint: `${file}:${line}`,
    fix: { description: "test fix", edits },
    ...extra,
  };
}

function edit(line: number, column: number, endColumn: number, newText: string, endLine = line): TextEdit {
  return { line, column, endLine, endColumn, newText };
}

const YAML_AND_TORCH = "import yaml, torch\ncfg = yaml.load(text)\nm = torch.load(path)\n";

describe("applyFixes", () => {
  it("applies edits of several findings and returns a unified diff", async () => {
    const root = tree({ "app.py": YAML_AND_TORCH });
    const findings = [
      finding("app.py", YAML_AND_TORCH, 2, [edit(2, 12, 16, "safe_load")]),
      finding("app.py", YAML_AND_TORCH, 3, [edit(3, 20, 20, ", weights_only=True")]),
    ];
    const result = await applyFixes(findings, { target: root });
    assert.equal(readFileSync(join(root, "app.py"), "utf8"), "import yaml, torch\ncfg = yaml.safe_load(text)\nm = torch.load(path, weights_only=True)\n");
    assert.deepEqual(result.fixed, findings);
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(result.files, ["app.py"]);
    assert.equal(
      result.diff,
      [
        "--- a/app.py",
        "+++ b/app.py",
        "@@ -1,3 +1,3 @@",
        " import yaml, torch",
        "-cfg = yaml.load(text)",
        "-m = torch.load(path)",
        "+cfg = yaml.safe_load(text)",
        "+m = torch.load(path, weights_only=True)",
        "",
      ].join("\n"),
    );
  });

  it("changes nothing in a dry run but reports the same diff", async () => {
    const root = tree({ "app.py": YAML_AND_TORCH });
    const findings = [finding("app.py", YAML_AND_TORCH, 2, [edit(2, 12, 16, "safe_load")])];
    const dry = await applyFixes(findings, { target: root, dryRun: true });
    assert.equal(readFileSync(join(root, "app.py"), "utf8"), YAML_AND_TORCH);
    assert.deepEqual(dry.fixed, findings);
    const real = await applyFixes(findings, { target: root });
    assert.equal(real.diff, dry.diff);
    assert.match(dry.diff, /^-cfg = yaml\.load\(text\)\n\+cfg = yaml\.safe_load\(text\)\n/m);
  });

  it("applies edits bottom-up, so an edit adding lines does not move a later one", async () => {
    const source = "a = 1\nb = f(x)\nc = 3\nd = g(y)\n";
    const root = tree({ "m.py": source });
    const findings = [
      finding("m.py", source, 2, [edit(2, 1, 1, "# first\n# second\n")]),
      finding("m.py", source, 4, [edit(4, 5, 6, "h")]),
    ];
    await applyFixes(findings, { target: root });
    assert.equal(readFileSync(join(root, "m.py"), "utf8"), "a = 1\n# first\n# second\nb = f(x)\nc = 3\nd = h(y)\n");
  });

  it("skips a fix that overlaps an earlier one and reports it", async () => {
    const root = tree({ "app.py": YAML_AND_TORCH });
    const first = finding("app.py", YAML_AND_TORCH, 2, [edit(2, 12, 16, "safe_load")], { ruleId: "RULE-A" });
    const second = finding("app.py", YAML_AND_TORCH, 2, [edit(2, 7, 16, "json.loads")], { ruleId: "RULE-B" });
    const result = await applyFixes([second, first], { target: root });
    assert.deepEqual(result.fixed, [second]);
    assert.equal(result.skipped.length, 1);
    assert.equal(result.skipped[0].finding, first);
    assert.match(result.skipped[0].reason, /overlaps the fix of RULE-B at line 2/);
    assert.equal(readFileSync(join(root, "app.py"), "utf8"), YAML_AND_TORCH.replace("yaml.load", "json.loads"));
  });

  it("treats two insertions at one point as a conflict, but the same fix twice as one change", async () => {
    const root = tree({ "app.py": YAML_AND_TORCH });
    const a = finding("app.py", YAML_AND_TORCH, 3, [edit(3, 20, 20, ", weights_only=True")]);
    const same = finding("app.py", YAML_AND_TORCH, 3, [edit(3, 20, 20, ", weights_only=True")]);
    const other = finding("app.py", YAML_AND_TORCH, 3, [edit(3, 20, 20, ", mmap=True")]);
    const result = await applyFixes([a, same, other], { target: root });
    assert.deepEqual(result.fixed, [a, same]);
    assert.deepEqual(result.skipped.map((s) => s.finding), [other]);
    assert.equal(readFileSync(join(root, "app.py"), "utf8"), YAML_AND_TORCH.replace("load(path)", "load(path, weights_only=True)"));
  });

  it("keeps CRLF line endings, also in inserted text", async () => {
    const source = "import torch\r\nm = torch.load(path)\r\nx = 1\r\n";
    const root = tree({ "app.py": source });
    const result = await applyFixes([finding("app.py", source, 2, [edit(2, 20, 20, ",\n    weights_only=True,\n")])], { target: root });
    assert.equal(readFileSync(join(root, "app.py"), "utf8"), "import torch\r\nm = torch.load(path,\r\n    weights_only=True,\r\n)\r\nx = 1\r\n");
    assert.match(result.diff, /^-m = torch\.load\(path\)\r\n\+m = torch\.load\(path,\r\n\+ {4}weights_only=True,\r\n\+\)\r\n/m);
  });

  it("counts columns in UTF-16 code units and keeps a UTF-8 byte-order mark", async () => {
    const source = '\uFEFFs = "é😀"; c = yaml.load(t)\nprint("ü")\n';
    const root = tree({ "app.py": Buffer.from(source, "utf8") });
    // Columns as the scanner reports them: the BOM is not part of line 1, 😀 counts as two units.
    const line = 's = "é😀"; c = yaml.load(t)';
    const col = line.indexOf("load") + 1;
    await applyFixes([finding("app.py", source, 1, [edit(1, col, col + 4, "safe_load")])], { target: root });
    assert.deepEqual(readFileSync(join(root, "app.py")), Buffer.from('\uFEFFs = "é😀"; c = yaml.safe_load(t)\nprint("ü")\n', "utf8"));
  });

  it("edits a file in a declared single-byte encoding without touching its other bytes", async () => {
    const header = "# -*- coding: cp1252 -*-\n";
    const bytes = Buffer.concat([Buffer.from(header), Buffer.from([0x6e, 0x3d, 0x22, 0x63, 0x61, 0x66, 0xe9, 0x22, 0x3b]), Buffer.from(" d = yaml.load(s)\n")]);
    const source = header + 'n="café"; d = yaml.load(s)\n';
    const root = tree({ "legacy.py": bytes });
    const col = 'n="café"; d = yaml.load(s)'.indexOf("load") + 1;
    const ok = await applyFixes([finding("legacy.py", source, 2, [edit(2, col, col + 4, "safe_load")])], { target: root });
    assert.equal(ok.fixed.length, 1);
    const expected = Buffer.concat([Buffer.from(header), Buffer.from([0x6e, 0x3d, 0x22, 0x63, 0x61, 0x66, 0xe9, 0x22, 0x3b]), Buffer.from(" d = yaml.safe_load(s)\n")]);
    assert.deepEqual(readFileSync(join(root, "legacy.py")), expected);
    const fixedSource = source.replace("yaml.load", "yaml.safe_load");
    const nonAscii = await applyFixes([finding("legacy.py", fixedSource, 2, [edit(2, 1, 2, "ñ")])], { target: root });
    assert.equal(nonAscii.fixed.length, 0);
    assert.match(nonAscii.skipped[0].reason, /cannot be written in the file's encoding \(windows-1252\)/);
    assert.deepEqual(readFileSync(join(root, "legacy.py")), expected);
  });

  it("refuses files that are not valid UTF-8 and have no coding declaration", async () => {
    const bytes = Buffer.concat([Buffer.from('s = "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\ncfg = yaml.load(t)\n')]);
    const root = tree({ "bad.py": bytes });
    const result = await applyFixes([finding("bad.py", "x\ncfg = yaml.load(t)\n", 2, [edit(2, 12, 16, "safe_load")])], { target: root });
    assert.equal(result.fixed.length, 0);
    assert.match(result.skipped[0].reason, /not valid UTF-8/);
    assert.deepEqual(readFileSync(join(root, "bad.py")), bytes);
  });

  it("refuses a file that changed since the scan", async () => {
    const root = tree({ "app.py": YAML_AND_TORCH });
    const f = finding("app.py", YAML_AND_TORCH, 2, [edit(2, 12, 16, "safe_load")]);
    const stale = await applyFixes([f], { target: root, scanned: new Map([["app.py", sourceDigest(Buffer.from("older content"))]]) });
    assert.equal(stale.fixed.length, 0);
    assert.match(stale.skipped[0].reason, /changed since the scan/);
    assert.equal(readFileSync(join(root, "app.py"), "utf8"), YAML_AND_TORCH);
    // Without digests the reported code itself is compared.
    const moved = tree({ "app.py": "\n" + YAML_AND_TORCH });
    const shifted = await applyFixes([f], { target: moved });
    assert.equal(shifted.fixed.length, 0);
    assert.match(shifted.skipped[0].reason, /no longer matches the scan/);
    const current = await applyFixes([f], { target: root, scanned: new Map([["app.py", sourceDigest(Buffer.from(YAML_AND_TORCH))]]) });
    assert.equal(current.fixed.length, 1);
  });

  it("rejects edits outside the file and paths outside the target", async () => {
    const root = tree({ "app.py": YAML_AND_TORCH, "sub/keep.py": YAML_AND_TORCH });
    const beyondLine = await applyFixes([finding("app.py", YAML_AND_TORCH, 2, [edit(2, 12, 40, "x")])], { target: root });
    assert.match(beyondLine.skipped[0].reason, /outside the file/);
    const noSuchLine = await applyFixes([finding("app.py", YAML_AND_TORCH, 2, [edit(9, 1, 1, "x")])], { target: root });
    assert.match(noSuchLine.skipped[0].reason, /outside the file/);
    const escape = await applyFixes([finding("../app.py", YAML_AND_TORCH, 2, [edit(2, 12, 16, "safe_load")])], { target: join(root, "sub") });
    assert.match(escape.skipped[0].reason, /outside the scanned directory/);
    assert.equal(readFileSync(join(root, "app.py"), "utf8"), YAML_AND_TORCH);
  });

  it("ignores suppressed findings and findings without a fix", async () => {
    const root = tree({ "app.py": YAML_AND_TORCH });
    const suppressed = finding("app.py", YAML_AND_TORCH, 2, [edit(2, 12, 16, "safe_load")], { suppressed: { kind: "pathfinder", justification: "# pathfinder: ignore" } });
    const plain = finding("app.py", YAML_AND_TORCH, 3, []);
    const { fix: _fix, ...noFix } = finding("app.py", YAML_AND_TORCH, 3, []);
    const result = await applyFixes([suppressed, plain, noFix], { target: root });
    assert.deepEqual(result, { fixed: [], skipped: [], files: [], diff: "" });
  });

  it("fixes a single-file target and marks a missing final newline in the diff", async () => {
    const source = "import yaml\ncfg = yaml.load(text)";
    const root = tree({ "one.py": source });
    const result = await applyFixes([finding("one.py", source, 2, [edit(2, 12, 16, "safe_load")])], { target: join(root, "one.py") });
    assert.equal(readFileSync(join(root, "one.py"), "utf8"), "import yaml\ncfg = yaml.safe_load(text)");
    assert.equal(
      result.diff,
      "--- a/one.py\n+++ b/one.py\n@@ -1,2 +1,2 @@\n import yaml\n-cfg = yaml.load(text)\n\\ No newline at end of file\n+cfg = yaml.safe_load(text)\n\\ No newline at end of file\n",
    );
  });
});

describe("pathfinder scan --fix", () => {
  const PROJECT = [
    "import pickle, yaml, torch", //                 1
    "", //                                            2
    "cfg = yaml.load(open('c.yml'))", //              3
    "model = torch.load('m.pt')", //                  4
    "state = pickle.loads(blob)", //                  5
    "ok = yaml.load(s)  # pathfinder: ignore", //     6
    "",
  ].join("\n");
  const FIXED = PROJECT.replace("cfg = yaml.load(", "cfg = yaml.safe_load(").replace("torch.load('m.pt')", "torch.load('m.pt', weights_only=True)");

  it("--fix --dry-run prints a unified diff and changes nothing", async () => {
    const root = tree({ "svc/app.py": PROJECT });
    const run = await runMain(["scan", "-p", root, "--fix", "--dry-run", "--fail-on", "high"]);
    assert.equal(run.code, 1, "the pickle finding remains");
    assert.equal(readFileSync(join(root, "svc/app.py"), "utf8"), PROJECT);
    assert.equal(
      run.stdout,
      [
        "--- a/svc/app.py",
        "+++ b/svc/app.py",
        "@@ -1,6 +1,6 @@",
        " import pickle, yaml, torch",
        " ",
        "-cfg = yaml.load(open('c.yml'))",
        "-model = torch.load('m.pt')",
        "+cfg = yaml.safe_load(open('c.yml'))",
        "+model = torch.load('m.pt', weights_only=True)",
        " state = pickle.loads(blob)",
        " ok = yaml.load(s)  # pathfinder: ignore",
        "",
      ].join("\n"),
    );
    assert.match(run.stderr, /^pathfinder: would fix svc\/app\.py:3:7 PYTHON-LANG-SEC-041: /m);
    assert.match(run.stderr, /^pathfinder: would fix svc\/app\.py:4:9 PYTHON-ML-SEC-001: /m);
    assert.match(run.stderr, /^pathfinder: would fix 2 findings in 1 file$/m);
  });

  it("--fix applies the fixes, lists them on stderr and reports what remains", async () => {
    const root = tree({ "svc/app.py": PROJECT });
    const run = await runMain(["scan", "-p", root, "--fix", "-o", "json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(root, "svc/app.py"), "utf8"), FIXED);
    assert.match(run.stderr, /^pathfinder: fixed svc\/app\.py:3:7 PYTHON-LANG-SEC-041: /m);
    assert.match(run.stderr, /^pathfinder: fixed 2 findings in 1 file$/m);
    const report = JSON.parse(run.stdout) as { results: { rule_id: string; location: { line: number } }[] };
    assert.deepEqual(report.results.map((r) => [r.rule_id, r.location.line]), [["PYTHON-LANG-SEC-040", 5]]);
    // A second run finds nothing left to fix.
    const again = await runMain(["scan", "-p", root, "--fix", "--dry-run"]);
    assert.equal(again.stdout, "");
    assert.match(again.stderr, /no fixes to apply/);
  });

  it("--fix --dry-run still writes the report to --output-file", async () => {
    const root = tree({ "app.py": PROJECT });
    const run = await runMain(["scan", "-p", root, "--fix", "--dry-run", "-o", "json", "-f", join(root, "report.json"), "-q"]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^--- a\/app\.py\n/);
    assert.equal(run.stderr, "");
    const report = JSON.parse(readFileSync(join(root, "report.json"), "utf8")) as { results: unknown[] };
    assert.equal(report.results.length, 3, "yaml, torch and pickle findings; the suppressed one is not listed");
  });

  it("--dry-run without --fix is a usage error", async () => {
    const run = await runMain(["scan", "-p", tree({ "app.py": PROJECT }), "--dry-run"]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--dry-run only works together with --fix/);
  });
});
