// The trust property of deserializer pattern findings and `--min-trust`, through the public surfaces: the CLI on a
// multi-module fixture project (every `# trust: X` line checked), the library, SARIF validated against the 2.1.0
// schema, exit codes, the configuration key, and pull request comments through the mock GitHub server.
import assert from "node:assert/strict";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import { Writable } from "node:stream";
import AjvModule from "ajv";
import addFormatsModule from "ajv-formats";
import { analyzeSource } from "../src/index.js";
import { main } from "../src/cli/main.js";
import type { CliIo } from "../src/cli/command.js";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";
import { startMockGitHub, type MockGitHub } from "./ci-mock-github.js";
import { actionsPullRequestEnv, createTempRepo, type TempRepo } from "./ci-support.js";

const PROJECT = join(REPO_ROOT, "fixtures", "PYTHON-LANG-SEC-040", "projects", "trust-app");
const TRUST = /#\s*trust:\s*(untrusted|unknown|internal)\b/;
/** A `# trust:` line whose judgement needs another module of the project: a file analysed alone says `unknown`. */
const ACROSS_MODULES = /#\s*trust:\s*\w+\s*\(across modules\)/;
const FLOW_RULE = "PYTHON-DESER-001";

interface JsonResult {
  rule_id: string;
  location: { file: string; line: number };
  trust?: string;
  trust_reason?: string;
  trace?: { message: string }[];
}

/** The line of the deserializer call in the function that starts with `text` (its last line). */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(join(PROJECT, "src", "trustapp", file), "utf8").split(/\r?\n/);
  let i = lines.findIndex((l) => l.startsWith(text));
  while (i + 1 < lines.length && (lines[i + 1]!.startsWith(" ") || lines[i + 1] === "") && !/^\s*$/.test(lines[i + 1]!)) i++;
  return i + 1;
}

function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".py")).map((f) => join(dir, f)).sort();
}

/** `file:line` -> the trust its `# trust:` comment names, over the fixture project. */
function expectedTrust(alone = false): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of pythonFiles(PROJECT)) {
    const rel = relative(PROJECT, file).split("\\").join("/");
    readFileSync(file, "utf8").split(/\r?\n/).forEach((line, i) => {
      const m = TRUST.exec(line);
      if (m) out.set(`${rel}:${i + 1}`, alone && ACROSS_MODULES.test(line) ? "unknown" : m[1]!);
    });
  }
  return out;
}

/** Every pattern finding has the trust its line names; every annotated line has such a finding. */
function assertTrustLines(results: readonly JsonResult[], expected: Map<string, string>, label: string, onlyRule?: string): void {
  const seen = new Set<string>();
  for (const r of results) {
    if (r.rule_id === FLOW_RULE) continue;
    const key = `${r.location.file}:${r.location.line}`;
    assert.equal(r.trust, expected.get(key), `${label}: ${r.rule_id} at ${key} (${r.trust_reason ?? "no reason"})`);
    seen.add(key);
    if (r.trust === "untrusted") assert.ok(r.trace?.length, `${label}: an untrusted finding carries the trace (${key})`);
  }
  for (const [key] of expected) {
    const rule = onlyRule && !results.some((r) => `${r.location.file}:${r.location.line}` === key);
    if (!rule) assert.ok(seen.has(key), `${label}: no finding at ${key}`);
  }
}

describe("trust of deserializer pattern findings", () => {
  const expected = expectedTrust();

  it("every # trust: line of the fixture project, through the CLI with every rule", async () => {
    assert.ok([...expected.values()].includes("untrusted") && [...expected.values()].includes("internal"));
    const result = await runCli(["scan", "-p", PROJECT, "-o", "json", "--no-cache", "-q", "-j", "0"]);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { results: JsonResult[]; summary: { by_trust: Record<string, number> } };
    assertTrustLines(json.results, expected, "all rules");
    const reason = (file: string, text: string) =>
      json.results.find((r) => r.location.file === `src/trustapp/${file}` && r.location.line === lineOf(file, text))?.trust_reason;
    assert.match(reason("models.py", "def load_blob") ?? "", /a parameter of `load_blob\(\)`/);
    assert.match(reason("models.py", "def load_from_environment") ?? "", /an environment variable/);
    assert.match(reason("models.py", "def load_cache") ?? "", /also writes/);
    assert.match(reason("models.py", "def load_bundled_model") ?? "", /`__file__`/);
    const flows = json.results.filter((r) => r.rule_id === FLOW_RULE);
    assert.ok(flows.length >= 2 && flows.every((r) => r.trust === "untrusted"));
    const counted = json.results.filter((r) => r.trust);
    for (const t of ["untrusted", "unknown", "internal"]) assert.equal(json.summary.by_trust[t], counted.filter((r) => r.trust === t).length, t);
  });

  it("computes untrusted with PYTHON-LANG-SEC-040 alone, without reporting the flow rule", async () => {
    const result = await runCli(["scan", "--ruleset", "python/PYTHON-LANG-SEC-040", "--project", PROJECT, "-o", "json", "--no-cache", "-q", "-j", "0"]);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { results: JsonResult[]; scan: { rules_executed: string[] } };
    assert.deepEqual(json.scan.rules_executed, ["PYTHON-LANG-SEC-040"]);
    assert.ok(json.results.every((r) => r.rule_id === "PYTHON-LANG-SEC-040"));
    const only040 = new Map([...expected].filter(([key]) => json.results.some((r) => `${r.location.file}:${r.location.line}` === key)));
    assertTrustLines(json.results, only040, "PYTHON-LANG-SEC-040 alone", "PYTHON-LANG-SEC-040");
    assert.ok(json.results.some((r) => r.trust === "untrusted" && /Flask form data/.test(r.trust_reason ?? "")));
    assert.ok(json.results.some((r) => r.trust === "untrusted" && r.location.file === "src/trustapp/web.py" && r.location.line === 13), "through the wrapper `unpickle`");
 
    // Disabled, the flow rule still runs for trust, unreported; the cache gives the same answer as a fresh scan.
    const cacheDir = tempProject({});
    for (const cache of [["--cache-dir", cacheDir], ["--cache-dir", cacheDir], ["--no-cache"]]) {
      const disabled = await runCli(["scan", "--exclude-rule", FLOW_RULE, "-p", PROJECT, "-o", "json", "-q", "-j", "0", ...cache]);
      const results = (JSON.parse(disabled.stdout) as { results: JsonResult[] }).results;
      assert.ok(!results.some((r) => r.rule_id === FLOW_RULE));
      assertTrustLines(results, expected, `--exclude-rule ${FLOW_RULE} ${cache[0]}`);
    }
  });

  it("gives the same trust from the library, parsing whole files and only the relevant parts", async () => {
    for (const file of pythonFiles(PROJECT)) {
      const rel = relative(PROJECT, file).split("\\").join("/");
      const source = readFileSync(file, "utf8");
      const padded = source + "\n" + Array.from({ length: 200 }, (_, i) => `def unrelated_${i}(x):\n    return x + ${i}\n`).join("\n");
      for (const [text, wholeFile] of [[source, true], [padded, false]] as const) {
        // Module names come from the path here (no package layout): name the file inside its `src/` layout.
        const { findings } = await analyzeSource(text, { path: rel.replace(/^src\//, ""), wholeFile });
        const results = findings.map((f) => ({
          rule_id: f.ruleId,
          location: { file: rel, line: f.location.line },
          ...(f.trust ? { trust: f.trust } : {}),
          ...(f.trace ? { trace: f.trace } : {}),
        }));
        const mine = new Map([...expectedTrust(true)].filter(([key]) => key.startsWith(`${rel}:`)));
        assertTrustLines(results, mine, `${rel} (${wholeFile ? "whole file" : "partial parse"})`);
      }
    }
  });

  it("does not judge what has no input to judge: settings, listeners, model files", async () => {
    const { findings } = await analyzeSource(
      [
        "from multiprocessing.connection import Listener",
        "import keras",
        "def serve():",
        "    with Listener(('0.0.0.0', 6000)) as listener:",
        "        return listener.accept().recv()",
        "keras.config.enable_unsafe_deserialization()",
      ].join("\n"),
      { path: "server.py" },
    );
    assert.ok(findings.length >= 2, JSON.stringify(findings.map((f) => f.ruleId)));
    assert.ok(findings.every((f) => f.trust === undefined), JSON.stringify(findings.map((f) => [f.ruleId, f.trust])));
  });
});

describe("trust in reports", () => {
  it("SARIF carries properties.trust and codeFlows for untrusted pattern findings, and validates against SARIF 2.1.0", async () => {
    const result = await runCli(["scan", "--ruleset", "python/PYTHON-LANG-SEC-040", "-p", PROJECT, "-o", "sarif", "--no-cache", "-q", "-j", "0"]);
    assert.equal(result.code, 0, result.stderr);
    const sarif = JSON.parse(result.stdout) as { runs: { results: unknown[] }[] };
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, "test", "schemas", "sarif-schema-2.1.0.json"), "utf8"));
    const ajv = new AjvModule.default({ allErrors: true, strict: false });
    addFormatsModule.default(ajv);
    assert.ok(ajv.validate(schema, sarif), JSON.stringify(ajv.errors));
    const results = sarif.runs[0]!.results as { properties: { trust?: string; trustReason?: string }; codeFlows?: unknown[] }[];
    assert.ok(results.every((r) => ["untrusted", "unknown", "internal"].includes(r.properties.trust ?? "")));
    const untrusted = results.filter((r) => r.properties.trust === "untrusted");
    assert.equal(untrusted.length, 2);
    assert.ok(untrusted.every((r) => r.codeFlows?.length));
    assert.ok(results.filter((r) => r.properties.trust === "internal").every((r) => !r.codeFlows && r.properties.trustReason));
  });

  it("text marks each finding and counts by trust; --min-trust hides the rest and says how many", async () => {
    const all = await runCli(["scan", "-p", PROJECT, "--no-cache", "-q", "-j", "0", "--color", "never"]);
    assert.match(all.stdout, /PYTHON-LANG-SEC-040 {2}Pickle Deserialization of Untrusted Data {2}\[internal\]/);
    assert.match(all.stdout, /\[trust unknown\]/);
    assert.match(all.stdout, /\[untrusted\]/);
    assert.match(all.stdout, /Trust: the input is a path built from `__file__`/);
    assert.match(all.stdout, /By trust: untrusted \d+, unknown \d+, internal \d+\./);
    const some = await runCli(["scan", "-p", PROJECT, "--no-cache", "-q", "-j", "0", "--min-trust", "untrusted"]);
    assert.doesNotMatch(some.stdout, /\[internal\]|\[trust unknown\]/);
    const hidden = /(\d+) findings below --min-trust untrusted are not shown or counted\./.exec(some.stdout);
    assert.ok(hidden, some.stdout.slice(-500));
    const shown = Number(/(\d+) findings? \(/.exec(some.stdout)![1]);
    const total = Number(/(\d+) findings? \(/.exec(all.stdout)![1]);
    assert.equal(shown + Number(hidden[1]), total);
  });

  it("GitHub annotations, JUnit, GitLab SAST and CSV carry the trust", async () => {
    const out: Record<string, string> = {};
    for (const format of ["github", "junit", "gitlab-sast", "csv"]) {
      const result = await runCli(["scan", "-p", PROJECT, "--no-cache", "-q", "-j", "0", "-o", format]);
      assert.equal(result.code, 0, result.stderr);
      out[format] = result.stdout;
    }
    assert.match(out.github!, /::error [^\n]*Trust: internal \(the input is a bytes literal\)\./);
    assert.match(out.junit!, /Trust: untrusted \(untrusted data reaches this call \(PYTHON-DESER-001\): Flask form data/);
    assert.match(out["gitlab-sast"]!, /Trust: unknown/);
    assert.match(out.csv!, /,fingerprint,trust\n/);
    assert.match(out.csv!, /,internal\n/);
  });

  it("HTML shows trust badges, counts and a trust filter", async () => {
    const result = await runCli(["scan", "-p", PROJECT, "-o", "html", "--no-cache", "-q", "-j", "0"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /<span class="badge badge-trust-untrusted"[^>]*>untrusted<\/span>/);
    assert.match(result.stdout, /aria-label="Findings by trust"/);
    assert.match(result.stdout, /<legend>Trust<\/legend>/);
    assert.match(result.stdout, /data-trust="internal"/);
  });
});

describe("--min-trust and --fail-on", () => {
  const SOURCES = {
    "pkg/__init__.py": "",
    "pkg/store.py": [
      "import os, pickle",
      "HERE = os.path.dirname(__file__)",
      "def bundled():",
      "    with open(os.path.join(HERE, 'state.pkl'), 'rb') as f:",
      "        return pickle.load(f)",
      "def given(blob):",
      "    return pickle.loads(blob)",
      "",
    ].join("\n"),
  };
  let project: string;
  before(() => {
    project = tempProject(SOURCES);
    // A model file that loading would run code from: it has no trust property, so no threshold hides it.
    copyFileSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "attacks", "asyncio-subprocess.pkl"), join(project, "model.pkl"));
  });

  it("exits 0 when only trusted-enough findings reach --fail-on, 1 when one counts", async () => {
    const flowOnly = await runCli(["scan", "-p", project, "--ruleset", "python/all", "--fail-on", "high", "--min-trust", "untrusted", "--no-cache", "-q", "-j", "0"]);
    assert.equal(flowOnly.code, 0, flowOnly.stdout);
    const unknown = await runCli(["scan", "-p", project, "--ruleset", "python/all", "--fail-on", "high", "--min-trust", "unknown", "--no-cache", "-q", "-j", "0", "-o", "json"]);
    assert.equal(unknown.code, 1);
    const json = JSON.parse(unknown.stdout);
    assert.deepEqual(json.results.map((r: JsonResult) => [r.location.line, r.trust]), [[7, "unknown"]]);
    assert.equal(json.summary.hidden_by_trust, 1);
    const everything = await runCli(["scan", "-p", project, "--ruleset", "python/all", "--fail-on", "high", "--no-cache", "-q", "-j", "0"]);
    assert.equal(everything.code, 1);
  });

  it("never hides findings without a trust property (a malicious model file)", async () => {
    const result = await runCli(["scan", "-p", project, "--fail-on", "high", "--min-trust", "untrusted", "--no-cache", "-q", "-j", "0", "-o", "json"]);
    assert.equal(result.code, 1, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.ok(json.results.length > 0 && json.results.every((r: JsonResult) => r.trust === undefined && r.location.file === "model.pkl"));
  });

  it("reads min-trust from the configuration; the flag wins; bad values are usage errors", async () => {
    const configured = tempProject({ ...SOURCES, "pathfinder.toml": 'min-trust = "unknown"\nfail-on = "high"\n' });
    const fromConfig = await runCli(["scan", "-p", configured, "--no-cache", "-q", "-j", "0", "-o", "json"]);
    assert.equal(fromConfig.code, 1);
    assert.equal(JSON.parse(fromConfig.stdout).summary.hidden_by_trust, 1);
    const flagWins = await runCli(["scan", "-p", configured, "--min-trust", "untrusted", "--no-cache", "-q", "-j", "0"]);
    assert.equal(flagWins.code, 0, flagWins.stdout);
    const bad = await runCli(["scan", "-p", project, "--min-trust", "trusted", "--no-cache", "-q"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--min-trust: unknown trust "trusted" \(use untrusted, unknown, internal\)/);
  });
});

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString("utf8");
    done();
  }
}

describe("pathfinder ci --min-trust on a pull request", () => {
  const TOKEN = "ghp_TrustTestTokenMustNeverBePrinted01234";
  let repo: TempRepo;
  let mock: MockGitHub;
  let env: Record<string, string>;

  async function ci(args: string[]) {
    const stdout = new Capture();
    const stderr = new Capture();
    const io: CliIo = { stdout, stderr, env: { ...env }, cwd: repo.dir };
    const code = await main(args, io);
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  before(async () => {
    repo = createTempRepo();
    repo.write("README.md", "demo\n");
    repo.commitAll("base");
    repo.git("checkout", "-q", "-b", "feature");
    for (const file of pythonFiles(PROJECT)) repo.write(relative(PROJECT, file), readFileSync(file, "utf8"));
    repo.commitAll("the application");
    mock = await startMockGitHub({ token: TOKEN, owner: "acme", repo: "app" });
    for (const file of pythonFiles(PROJECT)) {
      const rel = relative(PROJECT, file).split("\\").join("/");
      const patch = repo.git("diff", "main...HEAD", "--", rel);
      mock.pull(7).files[rel] = patch.slice(patch.indexOf("@@"));
    }
    env = actionsPullRequestEnv(repo, { pr: 7, repository: "acme/app", token: TOKEN, apiUrl: mock.url });
  });

  after(async () => {
    await mock.close();
    repo.cleanup();
  });

  it("comments and fails only on untrusted findings, and keeps every finding in the SARIF upload", async () => {
    const run = await ci(["ci", "-j", "0", "--no-cache", "--pr-comment", "--pr-inline", "--fail-on", "high", "--min-trust", "untrusted"]);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(!run.stderr.includes(TOKEN));
    assert.match(run.stderr, /\d+ findings below --min-trust untrusted not counted\./);
    const pull = mock.pull(7);
    assert.equal(pull.issueComments.length, 1);
    const summary = pull.issueComments[0]!.body;
    assert.match(summary, /\*\*4 new findings\*\*/);
    assert.match(summary, /By trust of the data: untrusted 4, unknown 0, internal 0\./);
    assert.match(summary, /\d+ findings below `--min-trust untrusted` not listed\./);
    assert.doesNotMatch(summary, /models\.py|edge\.py/);
    const inline = pull.reviewComments.map((c) => `${c.path}:${c.line}`).sort();
    // Line 19: the flow rule's finding and PYTHON-LANG-SEC-040's, both untrusted.
    assert.deepEqual(inline, ["src/trustapp/web.py:13", "src/trustapp/web.py:19", "src/trustapp/web.py:19", "src/trustapp/web.py:24"]);
    const wrapped = pull.reviewComments.find((c) => c.line === 13)!.body;
    assert.match(wrapped, /\*\*Trust:\*\* untrusted \(untrusted data reaches this call/);
    assert.match(wrapped, /\*\*Data flow:\*\*\n\n1\. `src\/trustapp\/web\.py:24` source: Flask request body/);
    const sarif = JSON.parse(readFileSync(join(repo.dir, "pathfinder-results.sarif"), "utf8"));
    const trusts = new Set(sarif.runs[0].results.map((r: { properties: { trust?: string } }) => r.properties.trust));
    assert.deepEqual([...trusts].sort(), ["internal", "unknown", "untrusted"]);
  });

  it("passes --fail-on when nothing untrusted is new", async () => {
    const run = await ci(["ci", "-j", "0", "--no-cache", "--base", "HEAD", "--fail-on", "high", "--min-trust", "untrusted"]);
    assert.equal(run.code, 0, run.stderr);
  });
});
