// Configuration files: discovery, custom sinks, disabled rules, excludes, severity overrides and clear errors.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { discoverConfig, loadConfig, parseConfig } from "../src/project/config.js";
import { scanProject } from "../src/project/scan.js";
import { toolInfo } from "../src/cli/version.js";
import { runCli, runMain, tempTree } from "./data/config/cli.js";

interface JsonResult {
  rule_id: string;
  severity: string;
  message: string;
  location: { file: string; line: number };
}
interface JsonReport {
  scan: { rules_executed: string[] };
  results: JsonResult[];
}

const WRAPPER_USER = [
  "from myapp.cache import load_blob", //   1
  "import myapp.cache as c", //             2
  "", //                                    3
  "def restore(key):", //                   4
  "    return load_blob(key)", //           5
  "", //                                    6
  "c.load_blob(b'k')", //                   7
  "c.store_blob(b'k')", //                  8
  "cached = list(map(c.load_blob, keys))", // 9
  "",
].join("\n");

const TORCH_AND_PICKLE = ["import pickle, torch", "torch.load('m.pt', weights_only=False)", "pickle.loads(b'')", ""].join("\n");

const PYPROJECT_WITH_TABLE = `[project]
name = "svc"

[tool.pathfinder]
exclude = ["svc/app/legacy/**"]

[tool.pathfinder.rules.PYTHON-LANG-SEC-040]
extra-sinks = ["myapp.cache.load_blob"]
`;

const lines = (report: JsonReport, rule?: string) =>
  report.results.filter((r) => !rule || r.rule_id === rule).map((r) => `${r.location.file}:${r.location.line}`);

const trees: (() => void)[] = [];
function tree(files: Record<string, string>): string {
  const t = tempTree(files);
  trees.push(t.cleanup);
  return t.root;
}
after(() => trees.forEach((cleanup) => cleanup()));

describe("configuration discovery", () => {
  it("walks up from the project directory to a pyproject.toml with [tool.pathfinder]", async () => {
    const root = tree({ "pyproject.toml": PYPROJECT_WITH_TABLE, "svc/app/main.py": WRAPPER_USER, "svc/app/legacy/old.py": WRAPPER_USER });
    const run = await runCli(["scan", "-p", join(root, "svc", "app"), "-o", "json", "-v"]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stderr.includes(`configuration: ${join(root, "pyproject.toml")}`), run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    // Extra sinks are found through `from ... import`, module aliases and as callbacks; legacy/ is excluded
    // by a pattern relative to the configuration file, not to the scanned directory.
    assert.deepEqual(lines(report), ["main.py:5", "main.py:7", "main.py:9"]);
    const first = report.results[0];
    assert.equal(first.rule_id, "PYTHON-LANG-SEC-040");
    assert.equal(first.severity, "high");
    assert.match(first.message, /^`load_blob` \(myapp\.cache\.load_blob\) is configured as a deserialization sink of PYTHON-LANG-SEC-040/);
  });

  it("prefers pathfinder.toml, takes the nearest file and passes over pyproject files without the table", () => {
    const root = tree({
      "pyproject.toml": PYPROJECT_WITH_TABLE,
      "a/pyproject.toml": '[project]\nname = "pathfinder-demo"\n',
      "a/b/pyproject.toml": "this is [not valid toml\n",
      "a/b/c/.keep": "",
      "d/pathfinder.toml": 'disable = ["PYTHON-ML-SEC-001"]\n',
      "d/pyproject.toml": '[tool.pathfinder]\ndisable = ["PYTHON-ML-SEC-002"]\n',
    });
    assert.equal(discoverConfig(join(root, "a", "b", "c"))?.file, join(root, "pyproject.toml"));
    assert.deepEqual(discoverConfig(join(root, "d"))?.disable, ["PYTHON-ML-SEC-001"]);
    assert.equal(discoverConfig(join(root, "d"))?.file, join(root, "d", "pathfinder.toml"));
    assert.equal(discoverConfig(join(root, "d", "pathfinder.toml"))?.file, join(root, "d", "pathfinder.toml"), "a file target starts in its directory");
  });

  it("uses --config FILE instead of discovery, and --no-config ignores every file", async () => {
    const root = tree({
      "project/pathfinder.toml": 'disable = ["PYTHON-LANG-SEC-040"]\n',
      "project/main.py": TORCH_AND_PICKLE,
      "elsewhere/team.toml": '[rules.PYTHON-ML-SEC-001]\nseverity = "critical"\n',
    });
    const project = join(root, "project");
    const discovered = JSON.parse((await runMain(["scan", "-p", project, "-o", "json"])).stdout) as JsonReport;
    assert.deepEqual(lines(discovered), ["main.py:2"]);
    const explicit = await runMain(["scan", "-o", "json", "--config", "../elsewhere/team.toml"], { cwd: project });
    assert.equal(explicit.code, 0, explicit.stderr);
    const report = JSON.parse(explicit.stdout) as JsonReport;
    assert.deepEqual(lines(report), ["main.py:2", "main.py:3"]);
    assert.equal(report.results.find((r) => r.rule_id === "PYTHON-ML-SEC-001")!.severity, "critical");
    const none = JSON.parse((await runMain(["scan", "-p", project, "-o", "json", "--no-config"])).stdout) as JsonReport;
    assert.deepEqual(lines(none), ["main.py:2", "main.py:3"]);
    assert.equal(none.results[0].severity, "high");
    const both = await runMain(["scan", "-p", project, "--config", "x.toml", "--no-config"]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--config and --no-config cannot be used together/);
  });

  it("reads [tool.pathfinder] from a pyproject.toml named with --config", () => {
    const root = tree({ "pyproject.toml": PYPROJECT_WITH_TABLE, "empty/pyproject.toml": "[project]\n" });
    const config = loadConfig({ project: root, explicit: "pyproject.toml", cwd: root })!;
    assert.deepEqual(config.rules, { "PYTHON-LANG-SEC-040": { extraSinks: ["myapp.cache.load_blob"] } });
    assert.throws(() => loadConfig({ project: root, explicit: "empty/pyproject.toml", cwd: root }), /has no \[tool\.pathfinder\] table/);
    assert.equal(loadConfig({ project: root, explicit: "pyproject.toml", cwd: root, disabled: true }), undefined);
  });
});

describe("custom sinks reach worker threads", () => {
  it("reports the same findings with --jobs 2 as in process", async () => {
    const files: Record<string, string> = { "pathfinder.toml": '[rules.PYTHON-LANG-SEC-040]\nextra-sinks = ["myapp.cache.load_blob", "myapp.cache.BlobUnpickler"]\nseverity = "critical"\n' };
    for (let i = 0; i < 6; i++) files[`pkg/m${i}.py`] = WRAPPER_USER;
    files["pkg/sub.py"] = "import myapp.cache\nclass Mine(myapp.cache.BlobUnpickler):\n    pass\nMine(b'')\n";
    const root = tree(files);
    const inProcess = await runMain(["scan", "-p", root, "-o", "json", "--jobs", "0"]);
    const workers = await runCli(["scan", "-p", root, "-o", "json", "--jobs", "2"]);
    assert.equal(workers.code, 0, workers.stderr);
    const a = JSON.parse(inProcess.stdout) as JsonReport;
    const b = JSON.parse(workers.stdout) as JsonReport;
    assert.equal(a.results.length, 6 * 3 + 1);
    assert.deepEqual(b.results, a.results);
    assert.ok(b.results.every((r) => r.severity === "critical"));
    assert.ok(b.results.some((r) => r.location.file === "pkg/sub.py" && /`Mine` subclasses `myapp\.cache\.BlobUnpickler`/.test(r.message)));
  });
});

describe("rule settings", () => {
  it("disables rules", async () => {
    const root = tree({ "pathfinder.toml": 'disable = ["PYTHON-ML-SEC-001"]\n', "main.py": TORCH_AND_PICKLE });
    const run = await runMain(["scan", "-p", root, "-o", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(lines(report), ["main.py:3"]);
    assert.ok(!report.scan.rules_executed.includes("PYTHON-ML-SEC-001"));
    assert.ok(report.scan.rules_executed.includes("PYTHON-LANG-SEC-040"));
    const only = await runMain(["scan", "-p", root, "--ruleset", "python/PYTHON-ML-SEC-001"]);
    assert.equal(only.code, 2);
    assert.ok(only.stderr.includes(`no rules to run: every rule of the selected rulesets (python/PYTHON-ML-SEC-001) is disabled by "disable" in ${join(root, "pathfinder.toml")}`), only.stderr);
  });

  it("overrides severities of findings, of rule metadata and for --fail-on", async () => {
    const root = tree({ "pathfinder.toml": '[rules.PYTHON-ML-SEC-001]\nseverity = "low"\n', "main.py": TORCH_AND_PICKLE });
    const run = await runMain(["scan", "-p", root, "-o", "json", "--fail-on", "high", "--ruleset", "python/ml"]);
    assert.equal(run.code, 0, "the only finding is now low");
    assert.deepEqual(JSON.parse(run.stdout).results.map((r: JsonResult) => [r.rule_id, r.severity]), [["PYTHON-ML-SEC-001", "low"]]);
    const plain = await runMain(["scan", "-p", root, "--fail-on", "high", "--ruleset", "python/ml", "--no-config", "-q"]);
    assert.equal(plain.code, 1);
    const config = loadConfig({ project: root, cwd: root });
    const report = await scanProject({ target: root, rulesets: [], include: [], exclude: [], skipTests: false, gitignore: true, maxFileSize: 1 << 20, tool: toolInfo(), config });
    assert.equal(report.rules.find((r) => r.id === "PYTHON-ML-SEC-001")!.severity, "low");
    assert.equal(report.rules.find((r) => r.id === "PYTHON-LANG-SEC-040")!.severity, "high");
  });

  it("excludes paths relative to the configuration file, pruning directories in the project", async () => {
    const root = tree({
      "pathfinder.toml": 'exclude = ["legacy", "generated_*.py"]\n',
      "main.py": TORCH_AND_PICKLE,
      "legacy/old.py": TORCH_AND_PICKLE,
      "pkg/generated_models.py": TORCH_AND_PICKLE,
      "pkg/legacy/kept.py": TORCH_AND_PICKLE,
    });
    const run = await runMain(["scan", "-p", root, "-o", "json", "--ruleset", "python/PYTHON-LANG-SEC-040"]);
    // A bare name matches a directory or file name anywhere, as --exclude does.
    assert.deepEqual(lines(JSON.parse(run.stdout)), ["main.py:3"]);
    const anchored = tree({ "pathfinder.toml": 'exclude = ["legacy/**"]\n', "legacy/old.py": TORCH_AND_PICKLE, "pkg/legacy/kept.py": TORCH_AND_PICKLE });
    const sub = await runMain(["scan", "-p", join(anchored, "pkg"), "-o", "json", "--ruleset", "python/PYTHON-LANG-SEC-040"]);
    assert.deepEqual(lines(JSON.parse(sub.stdout)), ["legacy/kept.py:3"], "legacy/** names <config dir>/legacy only");
    const top = await runMain(["scan", "-p", anchored, "-o", "json", "--ruleset", "python/PYTHON-LANG-SEC-040"]);
    assert.deepEqual(lines(JSON.parse(top.stdout)), ["pkg/legacy/kept.py:3"]);
  });
});

describe("invalid configuration", () => {
  const cases: [string, string, RegExp][] = [
    ["unknown key with a suggestion", 'excludes = ["x"]\n', /: excludes: unknown key; did you mean "exclude"\?/],
    ["wrong type", 'exclude = "legacy/**"\n', /: exclude: must be an array of strings, not a string$/m],
    ["wrong item type", "disable = [40]\n", /: disable\[0\]: must be a string, not a number$/m],
    ["unknown rule ID in disable", 'disable = ["PYTHON-ML-SEC-01"]\n', /: disable\[0\]: unknown rule ID "PYTHON-ML-SEC-01"; did you mean "PYTHON-ML-SEC-001"\?/],
    ["unknown rule table", '[rules.PYTHON-LANG-SEC-04]\nseverity = "high"\n', /: rules\.PYTHON-LANG-SEC-04: unknown rule ID "PYTHON-LANG-SEC-04"; did you mean "PYTHON-LANG-SEC-040"\?/],
    ["bad severity", '[rules.PYTHON-LANG-SEC-040]\nseverity = "urgent"\n', /: rules\.PYTHON-LANG-SEC-040\.severity: unknown severity "urgent" \(use critical, high, medium, low\)/],
    ["severity of the wrong type", "[rules.PYTHON-LANG-SEC-040]\nseverity = 3\n", /: rules\.PYTHON-LANG-SEC-040\.severity: must be a string/],
    ["unknown rule key", '[rules.PYTHON-LANG-SEC-040]\nextra_sinks = ["a.b"]\n', /: rules\.PYTHON-LANG-SEC-040\.extra_sinks: unknown key; did you mean "extra-sinks"\?/],
    ["sink that is not a qualified name", '[rules.PYTHON-LANG-SEC-040]\nextra-sinks = ["load blob"]\n', /: rules\.PYTHON-LANG-SEC-040\.extra-sinks\[0\]: "load blob" is not a dotted qualified name/],
    ["rule settings that are not a table", "rules = 1\n", /: rules: must be a table of rule IDs/],
    ["TOML syntax", 'exclude = ["a",\n', /pathfinder\.toml:\d+:\d+: TOML syntax error: /],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}: exit 2 naming the file, the key and the reason`, async () => {
      const root = tree({ "pathfinder.toml": text, "main.py": TORCH_AND_PICKLE });
      const run = await runMain(["scan", "-p", root]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, "");
      assert.ok(run.stderr.startsWith(`pathfinder scan: error: invalid configuration ${join(root, "pathfinder.toml")}`), run.stderr);
      assert.match(run.stderr, expected);
      assert.equal((await runMain(["scan", "-p", root, "--no-config", "-q"])).code, 0, "--no-config skips the broken file");
    });
  }

  it("reports errors inside [tool.pathfinder] with the full key path", () => {
    assert.throws(
      () => loadConfig({ project: tree({ "pyproject.toml": "[tool.pathfinder.rules.PYTHON-LANG-SEC-040]\nseverity = true\n" }), cwd: "/" }),
      /pyproject\.toml: tool\.pathfinder\.rules\.PYTHON-LANG-SEC-040\.severity: must be a string .*not a boolean/,
    );
    assert.throws(() => loadConfig({ project: tree({ "pyproject.toml": "[tool]\npathfinder = 1\n" }), cwd: "/" }), /tool\.pathfinder: must be a table/);
  });

  it("reports an unreadable --config file with exit 2", async () => {
    const run = await runCli(["scan", "--config", "does-not-exist.toml"], { cwd: tree({ "main.py": "" }) });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read configuration file .*does-not-exist\.toml: ENOENT/);
  });

  it("accepts rule IDs in any case and with the python/ prefix, stored canonically", () => {
    const config = parseConfig('disable = ["python/python-ml-sec-001"]\n[rules.python-lang-sec-040]\nseverity = "CRITICAL"\n', "/x/pathfinder.toml");
    assert.deepEqual(config.disable, ["PYTHON-ML-SEC-001"]);
    assert.deepEqual(config.rules, { "PYTHON-LANG-SEC-040": { severity: "critical" } });
    assert.equal(config.baseDir, "/x");
  });
});
