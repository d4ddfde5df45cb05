import assert from "node:assert/strict";
import { chmodSync, readFileSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";

const RULE = "python/PYTHON-LANG-SEC-040";
const VULN = "import pickle\n\ndef handler(body):\n    return pickle.loads(body)\n";

describe("pathfinder CLI basics", () => {
  it("prints the version from package.json", async () => {
    const r = await runCli(["--version"]);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it("prints help for the tool and for scan", async () => {
    const top = await runCli(["--help"]);
    assert.equal(top.code, 0);
    assert.match(top.stdout, /Usage: pathfinder <command>/);
    assert.match(top.stdout, /scan\s+Scan a project/);
    const scan = await runCli(["scan", "--help"]);
    assert.equal(scan.code, 0);
    for (const flag of ["--project", "--ruleset", "--output", "--output-file", "--fail-on", "--skip-tests", "--exclude", "--include", "--verbose", "--quiet", "--show-suppressed", "--max-file-size"]) {
      assert.ok(scan.stdout.includes(flag), `scan --help mentions ${flag}`);
    }
  });

  it("rejects unknown commands and flags with exit 2", async () => {
    const cmd = await runCli(["sacn"]);
    assert.equal(cmd.code, 2);
    assert.match(cmd.stderr, /unknown command "sacn"/);
    const flag = await runCli(["scan", "--frobnicate"]);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /frobnicate/);
  });
});

describe("pathfinder scan: exit codes and errors", () => {
  const project = tempProject({ "app.py": VULN });

  it("exits 0 with findings when --fail-on is not given", async () => {
    const r = await runCli(["scan", "--ruleset", RULE, "--project", project]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /app\.py:4:12\s+HIGH\s+PYTHON-LANG-SEC-040\s+Pickle Deserialization of Untrusted Data/);
    assert.match(r.stdout, /return pickle\.loads\(body\)/);
    assert.match(r.stdout, /Fix: /);
    assert.match(r.stdout, /1 finding/);
  });

  it("exits 1 for findings at or above --fail-on, 0 below", async () => {
    assert.equal((await runCli(["scan", "-p", project, "--fail-on", "high"])).code, 1);
    assert.equal((await runCli(["scan", "-p", project, "--fail-on", "critical,high"])).code, 1);
    assert.equal((await runCli(["scan", "-p", project, "--fail-on", "medium"])).code, 1);
    assert.equal((await runCli(["scan", "-p", project, "--fail-on", "critical"])).code, 0);
  });

  it("exits 0 with --fail-on when everything is suppressed", async () => {
    const p = tempProject({ "a.py": "import pickle\npickle.loads(x)  # pathfinder: ignore\n" });
    assert.equal((await runCli(["scan", "-p", p, "--fail-on", "low"])).code, 0);
  });

  it("exits 2 for a missing project path", async () => {
    const r = await runCli(["scan", "--project", join(project, "does-not-exist")]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or directory/);
  });

  it("exits 2 for an unknown ruleset, with a suggestion", async () => {
    const r = await runCli(["scan", "-p", project, "--ruleset", "python/PYTHON-LANG-SEC-04O"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown ruleset "python\/PYTHON-LANG-SEC-04O"; did you mean "python\/PYTHON-LANG-SEC-040"/);
  });

  it("exits 2 for an unwritable output file and for bad flag values", async () => {
    // A file where the output folder would be: the folder cannot be made (a missing folder is created).
    const r = await runCli(["scan", "-p", project, "-o", "json", "-f", join(project, "app.py", "out.json")]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot write output file/);
    assert.equal((await runCli(["scan", "-p", project, "--fail-on", "severe"])).code, 2);
    assert.equal((await runCli(["scan", "-p", project, "-o", "xml"])).code, 2);
    assert.equal((await runCli(["scan", "-p", project, "--max-file-size", "lots"])).code, 2);
  });

  it("writes the report to --output-file and keeps stdout empty", async () => {
    const out = join(project, "report.json");
    const r = await runCli(["scan", "-p", project, "-o", "json", "-f", out]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /1 finding written to/);
    assert.equal(JSON.parse(readFileSync(out, "utf8")).results.length, 1);
  });
});

describe("pathfinder scan: output formats", () => {
  const project = tempProject({ "pkg/app.py": VULN, "pkg/clean.py": "import json\njson.loads('{}')\n" });

  it("json has the documented shape", async () => {
    const r = await runCli(["scan", "-p", project, "--ruleset", RULE, "-o", "json"]);
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(doc).sort(), ["errors", "results", "scan", "summary", "tool"]);
    assert.equal(doc.tool.name, "pathfinder");
    assert.deepEqual(Object.keys(doc.scan).sort(), ["duration_ms", "files_scanned", "rules_executed", "target", "timestamp"]);
    assert.equal(doc.scan.files_scanned, 2);
    assert.deepEqual(doc.scan.rules_executed, ["PYTHON-LANG-SEC-040"]);
    const [res] = doc.results;
    assert.deepEqual(
      { ...res, fingerprint: typeof res.fingerprint, message: typeof res.message },
      {
        rule_id: "PYTHON-LANG-SEC-040",
        rule_name: "Pickle Deserialization of Untrusted Data",
        message: "string",
        severity: "high",
        confidence: "high",
        location: { file: "pkg/app.py", line: 4, column: 12, end_line: 4, end_column: 30, snippet: "    return pickle.loads(body)" },
        cwe: ["CWE-502"],
        owasp: ["A08:2021"],
        fingerprint: "string",
        trust: "unknown",
        trust_reason: "the input depends on a parameter of `handler()`, which its callers decide",
      },
    );
    assert.equal(doc.summary.total, 1);
    assert.deepEqual(doc.summary.by_severity, { critical: 0, high: 1, medium: 0, low: 0 });
  });

  it("csv starts with a header row", async () => {
    const r = await runCli(["scan", "-p", project, "-o", "csv"]);
    const [header, row] = r.stdout.trim().split("\n");
    assert.match(header, /^rule_id,rule_name,severity,confidence,file,line,column/);
    assert.match(row, /^PYTHON-LANG-SEC-040,Pickle Deserialization of Untrusted Data,high,high,pkg\/app\.py,4,12/);
  });

  it("colours text only when forced, never with NO_COLOR, and not in pipes", async () => {
    const piped = await runCli(["scan", "-p", project]);
    assert.ok(!piped.stdout.includes("\u001b["), "no ANSI escapes in a pipe");
    const forced = await runCli(["scan", "-p", project], { env: { FORCE_COLOR: "1" } });
    assert.ok(forced.stdout.includes("\u001b["), "FORCE_COLOR enables colour");
    const noColor = await runCli(["scan", "-p", project], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } });
    assert.ok(!noColor.stdout.includes("\u001b["), "NO_COLOR wins");
  });
});

describe("pathfinder scan: suppressions", () => {
  const project = tempProject({
    "s.py": [
      "import pickle",
      "pickle.loads(a)  # pathfinder: ignore[PYTHON-LANG-SEC-040]",
      "pickle.loads(b)  # pathfinder: ignore",
      "pickle.loads(c)  # nosec",
      "pickle.loads(d)  # nosec B301",
      "pickle.loads(e)  # nosec B602",
      "pickle.loads(f)  # pathfinder: ignore[PYTHON-LANG-SEC-041]",
      "pickle.loads(g)",
      "",
    ].join("\n"),
  });

  it("honours pathfinder and Bandit comments and counts suppressed findings", async () => {
    const r = await runCli(["scan", "-p", project, "-o", "json"]);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(doc.results.map((x: { location: { line: number } }) => x.location.line), [6, 7, 8]);
    assert.equal(doc.summary.suppressed, 4);
    const text = await runCli(["scan", "-p", project]);
    assert.match(text.stdout, /4 suppressed/);
  });

  it("lists suppressed findings with --show-suppressed", async () => {
    const r = await runCli(["scan", "-p", project, "-o", "json", "--show-suppressed"]);
    const doc = JSON.parse(r.stdout);
    const suppressed = doc.results.filter((x: { suppressed?: unknown }) => x.suppressed);
    assert.deepEqual(suppressed.map((x: { location: { line: number } }) => x.location.line), [2, 3, 4, 5]);
    assert.equal(suppressed[2].suppressed.kind, "nosec");
  });
});

describe("pathfinder scan: file selection", () => {
  const project = tempProject({
    "src/app.py": VULN,
    "tests/test_app.py": VULN,
    "src/test_helpers.py": VULN,
    "legacy/old.py": VULN,
    "generated/out.py": VULN,
    ".gitignore": "generated/\n",
    ".venv/lib/site.py": VULN,
    "node_modules/x/y.py": VULN,
    "scripts/tool": "#!/usr/bin/env python3\n" + VULN,
    "notes.txt": VULN,
  });
  const files = async (...args: string[]) => {
    const r = await runCli(["scan", "-p", project, "-o", "json", ...args]);
    assert.equal(r.code, 0, r.stderr);
    return [...new Set(JSON.parse(r.stdout).results.map((x: { location: { file: string } }) => x.location.file))];
  };

  it("honours .gitignore and default excludes, and finds Python scripts by shebang", async () => {
    assert.deepEqual(await files(), ["legacy/old.py", "scripts/tool", "src/app.py", "src/test_helpers.py", "tests/test_app.py"]);
  });
  it("--skip-tests drops test files and directories", async () => {
    assert.deepEqual(await files("--skip-tests"), ["legacy/old.py", "scripts/tool", "src/app.py"]);
  });
  it("--exclude and --include filter by glob", async () => {
    assert.deepEqual(await files("--exclude", "legacy", "--exclude", "tests/**"), ["scripts/tool", "src/app.py", "src/test_helpers.py"]);
    assert.deepEqual(await files("--include", "src/**"), ["src/app.py", "src/test_helpers.py"]);
  });
  it("positional paths restrict the scan (pre-commit style)", async () => {
    const r = await runCli(["scan", "-p", project, "-o", "json", "src/app.py", "legacy"]);
    const got = [...new Set(JSON.parse(r.stdout).results.map((x: { location: { file: string } }) => x.location.file))];
    assert.deepEqual(got, ["legacy/old.py", "src/app.py"]);
  });
  it("--no-gitignore scans ignored files too", async () => {
    assert.ok((await files("--no-gitignore")).includes("generated/out.py"));
  });
});

describe("pathfinder scan: hostile and broken input", () => {
  const deep = "x = " + "(".repeat(20000) + "1" + ")".repeat(20000) + "\nimport pickle\npickle.loads(y)\n";
  const deepBlocks = Array.from({ length: 300 }, (_, i) => " ".repeat(i) + "if x:\n").join("") + " ".repeat(300) + "import pickle; pickle.loads(z)\n";
  const project = tempProject({
    "broken.py": "import pickle\ndef f(:\n    pass\n\ndef g(data):\n    return pickle.loads(data)\n",
    "latin1.py": Buffer.concat([Buffer.from("import pickle\ns = '"), Buffer.from([0xe9, 0xff]), Buffer.from("'\npickle.loads(s)\n")]),
    "cookie.py": Buffer.concat([Buffer.from("# -*- coding: latin-1 -*-\nimport pickle\ns = '"), Buffer.from([0xe9]), Buffer.from("'; pickle.loads(s)\n")]),
    "binary.py": Buffer.from([0x70, 0x69, 0x63, 0x6b, 0x6c, 0x65, 0x00, 0x01, 0x02]),
    "huge.py": "import pickle\n" + "# padding\n".repeat(20000) + "pickle.loads(x)\n",
    "deep.py": deep,
    "deep_blocks.py": deepBlocks,
    "empty.py": "",
  });
  symlinkSync(project, join(project, "loop"));
  symlinkSync(join(project, "nowhere"), join(project, "dangling.py"));

  it("reports clear warnings and still finds what it can", async () => {
    const r = await runCli(["scan", "-p", project, "-o", "json", "--max-file-size", "100KB"]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    const lines = doc.results.map((x: { location: { file: string; line: number } }) => `${x.location.file}:${x.location.line}`);
    assert.deepEqual(lines, ["broken.py:6", "cookie.py:3", "deep.py:3", "deep_blocks.py:301", "latin1.py:3"]);
    const kinds = Object.fromEntries(doc.errors.map((e: { file: string; kind: string }) => [e.file, e.kind]));
    assert.equal(kinds["broken.py"], "syntax");
    assert.equal(kinds["latin1.py"], "encoding");
    assert.equal(kinds["binary.py"], "binary");
    assert.equal(kinds["huge.py"], "too-large");
    assert.equal(kinds["loop"], "symlink-loop");
    assert.equal(kinds["dangling.py"], "unreadable");
    assert.equal(kinds["cookie.py"], undefined, "a declared encoding is not a warning");
    for (const e of doc.errors) assert.equal(e.level, "warning");
  });

  it("prints warnings on stderr with --verbose and keeps them in the text summary", async () => {
    const r = await runCli(["scan", "-p", project, "-v", "--max-file-size", "100KB"]);
    assert.match(r.stderr, /warning: binary\.py: binary content/);
    assert.match(r.stdout, /warning/i);
  });

  it("skips unreadable directories with a warning", { skip: process.getuid?.() === 0 ? "root reads everything" : false }, async () => {
    const p = tempProject({ "locked/a.py": VULN, "ok.py": VULN });
    chmodSync(join(p, "locked"), 0o000);
    const r = await runCli(["scan", "-p", p, "-o", "json"]);
    chmodSync(join(p, "locked"), 0o755);
    assert.equal(JSON.parse(r.stdout).errors[0].kind, "unreadable");
  });
});

describe("pathfinder scan: determinism, workers and fingerprints", () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) files[`m${String(i).padStart(2, "0")}/mod.py`] = VULN + `\nfrom pickle import load\nload(open("f${i}"))\n` + "x = 1\n".repeat(2000);
  const project = tempProject(files);
  const strip = (out: string) => {
    const doc = JSON.parse(out);
    return JSON.stringify({ results: doc.results, errors: doc.errors, summary: doc.summary });
  };

  it("gives identical results in-process and across worker threads", async () => {
    const single = await runCli(["scan", "-p", project, "-o", "json", "--jobs", "0"]);
    const pooled = await runCli(["scan", "-p", project, "-o", "json", "--jobs", "2"]);
    assert.equal(JSON.parse(single.stdout).results.length, 120);
    assert.equal(strip(pooled.stdout), strip(single.stdout));
  });

  it("keeps fingerprints when lines shift", async () => {
    const p = tempProject({ "a.py": VULN });
    const before = JSON.parse((await runCli(["scan", "-p", p, "-o", "json"])).stdout).results[0];
    writeFileSync(join(p, "a.py"), "# a new header comment\n\n\n" + VULN);
    const after = JSON.parse((await runCli(["scan", "-p", p, "-o", "json"])).stdout).results[0];
    assert.equal(after.location.line, before.location.line + 3);
    assert.equal(after.fingerprint, before.fingerprint);
  });
});

describe("README quick start", () => {
  it("scans the bundled example project as documented", async () => {
    assert.ok(existsSync(join(REPO_ROOT, "examples", "flask-ml-app")));
    const r = await runCli(["scan", "--ruleset", RULE, "--project", "examples/flask-ml-app", "-o", "json"]);
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.stdout);
    const lines = doc.results.map((x: { location: { file: string; line: number } }) => `${x.location.file}:${x.location.line}`);
    assert.deepEqual(lines, ["app/api.py:16", "app/api.py:24", "app/cache.py:20", "app/model_store.py:19", "tests/test_api.py:10"]);
    assert.equal(doc.summary.suppressed, 1);
  });
});

describe("pathfinder scan: exclude patterns", () => {
  it("a path pattern excludes that path only; a bare name excludes it anywhere", async () => {
    const p = tempProject({ "legacy/a.py": VULN, "pkg/legacy/b.py": VULN, "pkg/c.py": VULN });
    const files = async (...args: string[]) =>
      [...new Set(JSON.parse((await runCli(["scan", "-p", p, "-o", "json", ...args])).stdout).results.map((x: { location: { file: string } }) => x.location.file))];
    assert.deepEqual(await files("--exclude", "legacy/**"), ["pkg/c.py", "pkg/legacy/b.py"]);
    assert.deepEqual(await files("--exclude", "legacy"), ["pkg/c.py"]);
  });
});
