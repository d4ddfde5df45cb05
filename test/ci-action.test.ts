import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { ACTION_INPUTS, ciArgumentsFromInputs, runAction } from "../src/ci/action.js";
import { main } from "../src/cli/main.js";
import { startMockGitHub, type MockGitHub } from "./ci-mock-github.js";
import { createTempRepo, type TempRepo } from "./ci-support.js";

const ROOT = new URL("../../", import.meta.url);
const TOKEN = "ghs_ActionTokenNeverShown0123456789abcdef";

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString("utf8");
    done();
  }
}

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** Top-level keys under `inputs:` in action.yml (two-space indented names). */
function declaredInputs(): string[] {
  const yaml = readFileSync(new URL("action.yml", ROOT), "utf8");
  const section = yaml.slice(yaml.indexOf("\ninputs:\n"), yaml.indexOf("\noutputs:\n"));
  return [...section.matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1]!);
}

describe("action inputs", () => {
  it("action.yml declares exactly the inputs the action reads, and runs the committed bundle on node24", () => {
    assert.deepEqual(declaredInputs().sort(), [...ACTION_INPUTS].sort());
    const yaml = readFileSync(new URL("action.yml", ROOT), "utf8");
    assert.match(yaml, /^ {2}using: node24$/m);
    assert.match(yaml, /^ {2}main: dist\/action\/index\.js$/m);
    assert.match(yaml, /^ {2}results-file:$/m);
    assert.match(yaml, /^ {2}findings:$/m);
  });

  it("maps inputs to pathfinder ci flags", () => {
    const env = {
      "INPUT_PROJECT": "svc",
      "INPUT_RULESET": "python/PYTHON-LANG-SEC-040\npython/ml",
      "INPUT_EXCLUDE": "vendor/**, build/**",
      "INPUT_SKIP-TESTS": "true",
      "INPUT_PICKLE-POLICY": "allowlist",
      "INPUT_PICKLE-ALLOW": "numpy.*\ncollections.OrderedDict",
      "INPUT_DIFF": "false",
      "INPUT_FAIL-ON": "critical",
      "INPUT_PR-COMMENT": "true",
      "INPUT_PR-INLINE": "false",
      "INPUT_GITHUB-TOKEN": TOKEN,
      GITHUB_EVENT_NAME: "pull_request",
    };
    assert.deepEqual(ciArgumentsFromInputs(env), [
      "ci",
      "--project", "svc",
      "--ruleset", "python/PYTHON-LANG-SEC-040",
      "--ruleset", "python/ml",
      "--exclude", "vendor/**",
      "--exclude", "build/**",
      "--skip-tests",
      "--pickle-policy", "allowlist",
      "--pickle-allow", "numpy.*",
      "--pickle-allow", "collections.OrderedDict",
      "--fail-on", "critical",
      "--no-diff",
      "--pr-comment",
    ]);
    assert.ok(!ciArgumentsFromInputs(env).includes(TOKEN), "the token travels by environment, not argv");
    assert.deepEqual(ciArgumentsFromInputs({ ...env, GITHUB_EVENT_NAME: "push" }).includes("--pr-comment"), false);
    assert.throws(() => ciArgumentsFromInputs({ "INPUT_DIFF": "maybe" }), /input "diff" must be true or false/);
  });
});

const VULNERABLE = "import pickle\n\n\ndef restore(blob):\n    return pickle.loads(blob)\n";

describe("running the action", () => {
  let repo: TempRepo;
  let mock: MockGitHub;
  let env: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), "pathfinder-action-"));

  before(async () => {
    repo = createTempRepo();
    repo.write("service.py", "import json\n");
    repo.commitAll("base");
    repo.git("checkout", "-q", "-b", "topic");
    repo.write("service.py", `import json\n${VULNERABLE}`);
    repo.commitAll("topic");
    mock = await startMockGitHub({ token: TOKEN, owner: "acme", repo: "svc" });
    const patch = repo.git("diff", "main...HEAD", "--", "service.py");
    mock.pull(5).files["service.py"] = patch.slice(patch.indexOf("@@"));
    const event = join(scratch, "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: 5, head: { sha: repo.git("rev-parse", "HEAD") } } }));
    env = {
      PATH: process.env.PATH ?? "",
      HOME: scratch,
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: "acme/svc",
      GITHUB_API_URL: mock.url,
      GITHUB_SERVER_URL: "https://github.com",
      "INPUT_GITHUB-TOKEN": TOKEN,
      "INPUT_BASE": "main",
      "INPUT_FAIL-ON": "high",
      "INPUT_JOBS": "0",
    };
  });

  after(async () => {
    await mock.close();
    repo.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("writes SARIF, sets outputs, comments on the pull request and masks the token", async () => {
    const outputFile = join(scratch, "outputs-1.txt");
    const stdout = new Capture();
    const stderr = new Capture();
    const stepSummary = join(scratch, "step-summary.md");
    const code = await runAction({ ...env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: stepSummary }, { stdout, stderr });
    assert.equal(code, 1, stderr.text);
    const summary = readFileSync(stepSummary, "utf8");
    assert.match(summary, /\*\*1 new finding\*\* on lines changed since `main`/);
    assert.ok(summary.includes(`(https://github.com/acme/svc/blob/${repo.git("rev-parse", "HEAD")}/service.py#L6)`), summary);
    assert.deepEqual(readOutputs(outputFile), { "results-file": join(repo.dir, "pathfinder-results.sarif"), findings: "1" });
    assert.ok(existsSync(join(repo.dir, "pathfinder-results.sarif")));
    assert.equal(stdout.text.split(TOKEN).length, 2, "the token appears once: in the add-mask command");
    assert.ok(stdout.text.startsWith(`::add-mask::${TOKEN}\n`));
    assert.ok(!stderr.text.includes(TOKEN));
    assert.equal(mock.pull(5).issueComments.length, 1);
    assert.equal(mock.pull(5).reviewComments.length, 1);
  });

  it("reports bad inputs as an error annotation with exit code 2", async () => {
    const stderr = new Capture();
    const code = await runAction({ ...env, "INPUT_DIFF-SCOPE": "hunk", "INPUT_PR-COMMENT": "false", "INPUT_PR-INLINE": "false" }, { stdout: new Capture(), stderr });
    assert.equal(code, 2);
    assert.match(stderr.text, /^::error::pathfinder ci: --diff-scope: expected line or file/m);
  });

  it("the committed bundle runs on its own, without node_modules", { skip: !existsSync(new URL("dist/action/index.js", ROOT)) && "bundle not built" }, async () => {
    const bundleDir = join(scratch, "bundle");
    cpSync(new URL("dist/action", ROOT), bundleDir, { recursive: true });
    const outputFile = join(scratch, "outputs-2.txt");
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(bundleDir, "index.js")],
        { cwd: scratch, env: { ...env, GITHUB_OUTPUT: outputFile, "INPUT_OUTPUT": "gitlab-sast", "INPUT_OUTPUT-FILE": "gl-sast.json", "INPUT_JOBS": "2", "INPUT_PR-COMMENT": "false", "INPUT_PR-INLINE": "false" } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    assert.equal(result.code, 1, result.stderr);
    const outputs = readOutputs(outputFile);
    assert.equal(outputs["results-file"], join(repo.dir, "gl-sast.json"));
    assert.equal(outputs.findings, "1");
    const report = JSON.parse(readFileSync(join(repo.dir, "gl-sast.json"), "utf8"));
    assert.deepEqual(report.vulnerabilities.map((v: { location: unknown }) => v.location), [{ file: "service.py", start_line: 6, end_line: 6 }]);
    assert.ok(!result.stderr.includes(TOKEN));
  });
});

describe("the action on a shallow pull request checkout of a subfolder project", () => {
  const scratch = mkdtempSync(join(tmpdir(), "pathfinder-shallow-"));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("fetches the missing base, counts only the new finding, and writes the full scan with repository paths", async () => {
    const origin = createTempRepo();
    try {
      origin.write("ml/old.py", VULNERABLE);
      origin.write("README.md", "demo\n");
      origin.commitAll("base");
      for (let i = 0; i < 3; i++) origin.commitAll(`main ${i}`);
      origin.git("checkout", "-q", "-b", "topic");
      origin.write("ml/new.py", VULNERABLE);
      origin.commitAll("add a loader");
      const work = join(scratch, "work");
      // actions/checkout's default: fetch-depth 1, only the head commit, no base branch.
      await new Promise<void>((resolve, reject) =>
        execFile("git", ["clone", "-q", "--depth", "1", "--branch", "topic", `file://${origin.dir}`, work], (e) => (e ? reject(e) : resolve())),
      );
      const outputFile = join(scratch, "outputs.txt");
      const stepSummary = join(scratch, "summary.md");
      const stderr = new Capture();
      const code = await runAction(
        {
          PATH: process.env.PATH ?? "",
          HOME: scratch,
          GITHUB_ACTIONS: "true",
          GITHUB_WORKSPACE: work,
          GITHUB_EVENT_NAME: "pull_request",
          GITHUB_BASE_REF: "main",
          GITHUB_REPOSITORY: "acme/svc",
          GITHUB_SERVER_URL: "https://github.com",
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: stepSummary,
          INPUT_PROJECT: "ml",
          "INPUT_FAIL-ON": "high",
          INPUT_JOBS: "0",
          "INPUT_PR-COMMENT": "false",
          "INPUT_PR-INLINE": "false",
        },
        { stdout: new Capture(), stderr },
      );
      assert.equal(code, 1, stderr.text);
      assert.doesNotMatch(stderr.text, /warning/, stderr.text);
      assert.match(stderr.text, /The checkout lacked the base: fetched origin\/main/);
      assert.match(stderr.text, /1 new finding \(1 high\); 1 finding already present/);
      assert.equal(readOutputs(outputFile).findings, "1");
      const sarif = JSON.parse(readFileSync(join(work, "pathfinder-results.sarif"), "utf8"));
      const uris = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri).sort();
      assert.deepEqual(uris, ["ml/new.py", "ml/old.py"], "the full scan, named from the repository root");
      for (const uri of uris) assert.ok(existsSync(join(work, uri)));
      assert.match(readFileSync(stepSummary, "utf8"), /\/blob\/[0-9a-f]{40}\/ml\/new\.py#L5\)/);
    } finally {
      origin.cleanup();
    }
  });
});

describe("pre-commit hook", () => {
  it("its entry scans the staged files it is given and fails on a high finding", async () => {
    const hooks = readFileSync(new URL(".pre-commit-hooks.yaml", ROOT), "utf8");
    assert.match(hooks, /^ {2}language: node$/m);
    assert.match(hooks, /^ {2}types_or: \[python, binary\]$/m);
    const entry = /^ {2}entry: (.+)$/m.exec(hooks)?.[1];
    assert.equal(entry, "pathfinder scan --fail-on high");
    const dir = mkdtempSync(join(tmpdir(), "pathfinder-hook-"));
    try {
      writeFileSync(join(dir, "bad.py"), VULNERABLE);
      writeFileSync(join(dir, "good.py"), "import json\njson.loads('{}')\n");
      const argv = [...entry.split(" ").slice(1), "-j", "0", "-q"];
      const quiet = { stdout: new Capture(), stderr: new Capture(), env: {}, cwd: dir };
      assert.equal(await main([...argv, "good.py"], quiet), 0);
      assert.equal(await main([...argv, "good.py", "bad.py"], quiet), 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
