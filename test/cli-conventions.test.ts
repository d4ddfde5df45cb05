import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli, tempProject } from "./helpers/cli.js";
import { SCAN_FLAG_HELP, SCAN_FLAGS } from "../src/cli/scan-flags.js";

const VULN = "import pickle\n\ndef handler(body):\n    return pickle.loads(body)\n";
const YAML_VULN = "import yaml\n\ndef load(text):\n    return yaml.load(text, Loader=yaml.Loader)\n";

function gitRepo(files: Record<string, string>): string {
  const dir = tempProject(files);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "init");
  return dir;
}

describe("CLI conventions: flags, help and mistakes", () => {
  it("suggests the closest command and flag, and reads -p=DIR, --flag=VALUE and bundled short flags", async () => {
    const command = await runCli(["sacn"]);
    assert.equal(command.code, 2);
    assert.match(command.stderr, /unknown command "sacn" \(did you mean "scan"\?\)/);
    const flag = await runCli(["scan", "--rulset", "python/all"]);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /^pathfinder scan: error: unknown option '--rulset' \(did you mean --ruleset\?\)$/m);
    assert.doesNotMatch(flag.stderr, /To specify a positional argument/);
    const ci = await runCli(["ci", "--no-difff"]);
    assert.match(ci.stderr, /did you mean --no-diff\?/);
    const missing = await runCli(["scan", "-p"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /option '-p, --project <value>' argument missing/);
    const dir = tempProject({ "svc/a.py": VULN });
    for (const args of [["-p=svc"], ["--project=svc"], ["-psvc"]]) {
      const r = await runCli(["scan", ...args, "-qo", "json"], { cwd: dir });
      assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
      assert.equal(JSON.parse(r.stdout).results.length, 1, args.join(" "));
    }
    const choice = await runCli(["scan", "--pickle-policy", "maybe"], { cwd: dir });
    assert.equal(choice.code, 2);
    assert.match(choice.stderr, /--pickle-policy: expected denylist or allowlist, got "maybe"/);
  });

  it("documents every scan flag in scan --help and ci --help, from the flag help table", async () => {
    const [scan, ci] = await Promise.all([runCli(["scan", "--help"]), runCli(["ci", "--help"])]);
    assert.deepEqual(Object.keys(SCAN_FLAG_HELP).sort(), Object.keys(SCAN_FLAGS).sort());
    for (const [name, spec] of Object.entries(SCAN_FLAGS as Record<string, { short?: string }>)) {
      const help = SCAN_FLAG_HELP[name as keyof typeof SCAN_FLAGS];
      const [first, ...rest] = typeof help.text === "string" ? [help.text] : help.text;
      const usage = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${"arg" in help && help.arg ? ` ${help.arg}` : ""}`;
      // The usage column, then the description, then its continuation lines under the description column.
      const row = new RegExp(`^  ${escapeRegExp(usage)} +${escapeRegExp(first!)}\n${rest.map((l) => ` {27}${escapeRegExp(l)}\n`).join("")}`, "m");
      assert.match(scan.stdout, row, `scan --help: --${name}`);
      assert.match(ci.stdout, row, `ci --help: --${name}`);
    }
    // Grouping: scan's options and fix options, ci's diff, baseline and GitHub options, each under its heading.
    assert.match(scan.stdout, /\nScan options:\n {2}-p, --project DIR +Project directory[^\n]*\n {2}\[PATH \.\.\.\] +Only scan/);
    assert.match(scan.stdout, /\nFix options:\n {6}--fix +Apply[^]*\n {6}--dry-run +With --fix/);
    assert.match(ci.stdout, /\nDiff options:\n {6}--base REF +Compare[^]*\n\nBaseline options:\n {6}--baseline FILE[^]*\n\nGitHub pull request options[^\n]*:\n {6}--pr-comment +Create/);
    for (const flag of ["--head", "--no-diff", "--no-fetch", "--diff-scope", "--write-baseline", "--github-token", "--github-repo", "--github-pr", "--github-api-url", "--pr-inline", "--pr-inline-min-severity"]) {
      assert.match(ci.stdout, new RegExp(`^ {6}${flag}\\b`, "m"), flag);
    }
  });
});

describe("CLI conventions: paths and standard input", () => {
  it("a path or project that does not exist is a usage error (exit 2), not an empty scan", async () => {
    const dir = tempProject({ "app.py": VULN });
    const typo = await runCli(["scan", "ap.py", "-q"], { cwd: dir });
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /path "ap\.py" does not exist/);
    const project = await runCli(["scan", "-p", "no-such-dir", "-q"], { cwd: dir });
    assert.equal(project.code, 2);
    assert.match(project.stderr, /no-such-dir: no such file or directory/);
  });

  it("scan - reads standard input as --stdin-filename, with the project's configuration", async () => {
    const dir = tempProject({ "pathfinder.toml": 'disable = ["PYTHON-LANG-SEC-041"]\n' });
    const r = await runCli(["scan", "-", "--stdin-filename", "svc/handler.py", "-o", "json"], { cwd: dir, input: VULN + YAML_VULN });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(
      json.results.map((f: { rule_id: string; location: { file: string; line: number } }) => `${f.rule_id} ${f.location.file}:${f.location.line}`),
      ["PYTHON-LANG-SEC-040 svc/handler.py:4"],
    );
    const failing = await runCli(["scan", "-", "--fail-on", "high", "-q"], { cwd: dir, input: VULN });
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /stdin\.py:4/);
    const mixed = await runCli(["scan", "-", "app.py"], { cwd: dir, input: VULN });
    assert.equal(mixed.code, 2);
    const escape = await runCli(["scan", "-", "--stdin-filename", "../x.py"], { cwd: dir, input: VULN });
    assert.equal(escape.code, 2);
    assert.match(escape.stderr, /inside the project/);
  });
});

describe("CLI conventions: rule selection, statistics, colour", () => {
  const dir = tempProject({ "a.py": VULN, "b.py": VULN + YAML_VULN });

  it("--exclude-rule drops a rule and suggests the closest ID for a typo", async () => {
    const r = await runCli(["scan", "--exclude-rule", "PYTHON-LANG-SEC-041", "-o", "json", "-q"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const ids = JSON.parse(r.stdout).results.map((f: { rule_id: string }) => f.rule_id);
    assert.ok(ids.includes("PYTHON-LANG-SEC-040"));
    assert.ok(!ids.includes("PYTHON-LANG-SEC-041"));
    const typo = await runCli(["scan", "--exclude-rule", "PYTHON-LANG-SEC-04l"], { cwd: dir });
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown rule "PYTHON-LANG-SEC-04l" \(did you mean PYTHON-LANG-SEC-04\d\?\)/);
  });

  it("honours Ruff's `# noqa: S301` (flake8-bandit codes map to our rules), but not a bare or unrelated noqa", async () => {
    const noqa = tempProject({
      "a.py":
        "import pickle\nimport yaml\n\n" +
        "def f(b, t):\n" +
        "    x = pickle.loads(b)  # noqa: S301 reviewed: signed by our service\n" +
        "    y = pickle.loads(b)  # noqa\n" +
        "    z = pickle.loads(b)  # noqa: E501\n" +
        "    w = yaml.load(t, Loader=yaml.Loader)  # noqa: S506, E501\n" +
        "    return x, y, z, w\n",
    });
    const r = await runCli(["scan", "-o", "json", "--show-suppressed", "-q"], { cwd: noqa });
    assert.equal(r.code, 0, r.stderr);
    const results = JSON.parse(r.stdout).results as { rule_id: string; location: { line: number }; suppressed?: { kind: string } }[];
    assert.deepEqual(
      results.map((f) => `${f.location.line} ${f.rule_id} ${f.suppressed?.kind ?? "reported"}`),
      ["5 PYTHON-LANG-SEC-040 noqa", "6 PYTHON-LANG-SEC-040 reported", "7 PYTHON-LANG-SEC-040 reported", "8 PYTHON-LANG-SEC-041 noqa"],
    );
  });

  it("--statistics counts findings per rule", async () => {
    const r = await runCli(["scan", "--statistics", "-q"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^2 {2}PYTHON-LANG-SEC-040 {2}high {4}/m);
    assert.match(r.stdout, /^1 {2}PYTHON-LANG-SEC-041 /m);
  });

  it("--color always|never, and FORCE_COLOR=0 turns colours off", async () => {
    const always = await runCli(["scan", "--color", "always", "-q"], { cwd: dir });
    assert.match(always.stdout, /\u001b\[/);
    const never = await runCli(["scan", "--color", "never", "-q"], { cwd: dir, env: { FORCE_COLOR: "1" } });
    assert.doesNotMatch(never.stdout, /\u001b\[/);
    const forcedOff = await runCli(["scan", "-q"], { cwd: dir, env: { FORCE_COLOR: "0" } });
    assert.doesNotMatch(forcedOff.stdout, /\u001b\[/);
    const forcedOn = await runCli(["scan", "-q"], { cwd: dir, env: { FORCE_COLOR: "1" } });
    assert.match(forcedOn.stdout, /\u001b\[/);
    const bad = await runCli(["scan", "--color", "sometimes"], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--color: expected auto, always or never/);
  });

  it("-v counts in the singular for one file", async () => {
    const one = tempProject({ "only.py": VULN });
    const r = await runCli(["scan", "-v"], { cwd: one });
    assert.match(r.stderr, /pathfinder: 1 file, \d+ rules?, \d+ ms/);
  });
});

describe("CLI conventions: outputs", () => {
  it("writes several reports from one scan: --output sarif=FILE --output text", async () => {
    const dir = tempProject({ "a.py": VULN });
    const r = await runCli(["scan", "-o", "sarif=out/r.sarif", "-o", "junit=junit.xml", "-o", "text"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /a\.py:4:\d+/);
    assert.equal(JSON.parse(readFileSync(join(dir, "out", "r.sarif"), "utf8")).version, "2.1.0");
    assert.match(readFileSync(join(dir, "junit.xml"), "utf8"), /<testsuites /);
    const twoToStdout = await runCli(["scan", "-o", "json", "-o", "text"], { cwd: dir });
    assert.equal(twoToStdout.code, 2);
    assert.match(twoToStdout.stderr, /only one report can go to standard output/);
  });

  it("junit: one failing test case per finding, a passing one per clean rule, escaped", async () => {
    const dir = tempProject({ "a&<b>.py": VULN });
    const r = await runCli(["scan", "-o", "junit", "--ruleset", "python/PYTHON-LANG-SEC-040", "--ruleset", "python/PYTHON-LANG-SEC-041"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const xml = r.stdout;
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="pathfinder" tests="2" failures="1"/);
    assert.match(xml, /<testsuite name="PYTHON-LANG-SEC-040" tests="1" failures="1" errors="0" skipped="0">/);
    assert.match(xml, /<testcase classname="PYTHON-LANG-SEC-040" name="a&amp;&lt;b&gt;\.py:4:\d+" file="a&amp;&lt;b&gt;\.py" line="4">/);
    assert.match(xml, /<testsuite name="PYTHON-LANG-SEC-041" tests="1" failures="0"[^>]*>\n {4}<testcase classname="PYTHON-LANG-SEC-041" name="[^"]+"\/>/);
    assert.doesNotMatch(xml.replace(/<\?xml[^>]*>/, ""), /<(?!\/?(testsuites|testsuite|testcase|failure|skipped)\b)/);
  });

  it("github: workflow commands whose values cannot start another command", async () => {
    const dir = gitRepo({ "svc/x,y%.py": VULN });
    const r = await runCli(["scan", "-p", "svc", "-o", "github"], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split("\n");
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^::error file=svc\/x%2Cy%25\.py,line=4,col=\d+,endLine=4,endColumn=\d+,title=PYTHON-LANG-SEC-040 \(high\)%3A [^:]+::.+$/);
  });
});

describe("SARIF from a subfolder project, checked against the repository layout", () => {
  const repo = gitRepo({
    "services/ml/app/loader.py": VULN,
    "services/ml/pathfinder.toml": "exclude = []\n",
    "README.md": "demo\n",
  });

  it("names every file relative to the repository root, so code scanning finds it", async () => {
    for (const args of [["scan", "-p", "services/ml"], ["scan", "services/ml/app/loader.py"], ["ci", "--no-diff", "-p", "services/ml", "-f", "-"]]) {
      const r = await runCli([...args, "-o", "sarif", "-q"], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      const sarif = JSON.parse(r.stdout);
      const uris: string[] = sarif.runs[0].results.map((res: any) => res.locations[0].physicalLocation.artifactLocation.uri);
      assert.deepEqual(uris, ["services/ml/app/loader.py"], args.join(" "));
      for (const uri of uris) assert.ok(existsSync(join(repo, decodeURIComponent(uri))), uri);
      assert.equal(sarif.runs[0].originalUriBaseIds, undefined);
      assert.ok(!r.stdout.includes(repo), "no absolute local path in the report");
    }
    const sub = await runCli(["scan", "-o", "sarif", "-q"], { cwd: join(repo, "services", "ml") });
    assert.equal(JSON.parse(sub.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, "services/ml/app/loader.py");
  });

  it("--sarif-root overrides git, and must contain the project", async () => {
    const r = await runCli(["scan", "-p", "services/ml", "--sarif-root", "services", "-o", "sarif", "-q"], { cwd: repo });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, "ml/app/loader.py");
    const outside = await runCli(["scan", "-p", "services", "--sarif-root", "services/ml", "-o", "sarif"], { cwd: repo });
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /does not contain the scanned folder/);
  });

  it("leaves inline-suppressed findings out of SARIF unless --show-suppressed", async () => {
    const dir = tempProject({ "a.py": VULN.replace("pickle.loads(body)", "pickle.loads(body)  # nosec B301") });
    const plain = JSON.parse((await runCli(["scan", "-o", "sarif", "-q"], { cwd: dir })).stdout);
    assert.deepEqual(plain.runs[0].results, []);
    const kept = JSON.parse((await runCli(["scan", "-o", "sarif", "--show-suppressed", "-q"], { cwd: dir })).stdout);
    assert.equal(kept.runs[0].results[0].suppressions[0].kind, "inSource");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
