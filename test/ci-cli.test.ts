import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { main } from "../src/cli/main.js";
import type { CliIo } from "../src/cli/command.js";
import { startMockGitHub, type MockGitHub } from "./ci-mock-github.js";
import { createTempRepo, type TempRepo, actionsPullRequestEnv } from "./ci-support.js";

const TOKEN = "ghp_CliTestTokenMustNeverBePrinted0123456";

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString("utf8");
    done();
  }
}

async function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIo = { stdout, stderr, env: { ...env }, cwd };
  const code = await main(args, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const BASE_SOURCE = `import pickle


def load_cache(blob):
    return pickle.loads(blob)
`;

const FEATURE_SOURCE = `import pickle


def load_cache(blob):
    return pickle.loads(blob)


def load_upload(upload):
    return pickle.loads(upload.body)
`;

describe("pathfinder ci on a feature branch", () => {
  let repo: TempRepo;
  let mock: MockGitHub;
  let env: Record<string, string>;

  before(async () => {
    repo = createTempRepo();
    repo.write("app/cache.py", BASE_SOURCE);
    repo.write("README.md", "demo\n");
    repo.commitAll("base");
    repo.git("checkout", "-q", "-b", "feature");
    repo.write("app/cache.py", FEATURE_SOURCE);
    repo.commitAll("add an upload loader");

    mock = await startMockGitHub({ token: TOKEN, owner: "acme", repo: "shop" });
    const patch = repo.git("diff", "main...HEAD", "--", "app/cache.py");
    mock.pull(12).files["app/cache.py"] = patch.slice(patch.indexOf("@@"));
    env = actionsPullRequestEnv(repo, { pr: 12, repository: "acme/shop", token: TOKEN, apiUrl: mock.url });
  });

  after(async () => {
    await mock.close();
    repo.cleanup();
  });

  it("writes SARIF with every finding (an upload without the old one would close its alert) and counts the old one as already present", async () => {
    const result = await runCli(["ci", "-j", "0", "--base", "main", "--fail-on", "high"], repo.dir);
    assert.equal(result.code, 1, result.stderr);
    const sarifPath = join(repo.dir, "pathfinder-results.sarif");
    assert.ok(existsSync(sarifPath));
    const sarif = JSON.parse(readFileSync(sarifPath, "utf8"));
    const lines = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.region.startLine);
    assert.deepEqual(lines, [5, 9]);
    assert.match(result.stderr, /1 new finding \(1 (critical|high)\); 1 finding already present\./);
    assert.match(result.stderr, /sarif report written to pathfinder-results\.sarif/);
  });

  it("reports everything with --no-diff and passes without --fail-on", async () => {
    const result = await runCli(["ci", "-j", "0", "--no-diff", "-o", "json", "-f", "-"], repo.dir);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.results.length, 2);
  });

  it("comments on the pull request through the Actions environment, once, and never prints the token", async () => {
    const args = ["ci", "-j", "0", "--pr-comment", "--pr-inline", "-o", "gitlab-sast", "-f", "gl-sast.json", "--fail-on", "critical"];
    const first = await runCli(args, repo.dir, env);
    const second = await runCli(args, repo.dir, env);
    for (const run of [first, second]) {
      assert.equal(run.code, 0, run.stderr);
      assert.ok(!run.stdout.includes(TOKEN) && !run.stderr.includes(TOKEN));
      assert.doesNotMatch(run.stderr, /warning/, run.stderr);
    }
    const pull = mock.pull(12);
    assert.equal(pull.issueComments.length, 1);
    assert.match(pull.issueComments[0]!.body, /1 new finding\*\* on lines changed since `origin\/main`|1 new finding\*\* on lines changed since `main`/);
    assert.match(pull.issueComments[0]!.body, /1 finding already present outside the changed lines/);
    assert.equal(pull.reviews.length, 1);
    assert.deepEqual(pull.reviewComments.map((c) => [c.path, c.line]), [["app/cache.py", 9]]);
    assert.match(pull.reviewComments[0]!.body, /Why this is dangerous:[\s\S]*How to fix:[\s\S]*CWE-502/);
    assert.match(pull.reviewComments[0]!.body, /\[Rule documentation\]\(https:\/\/\S+\/docs\/rules\/PYTHON-LANG-SEC-040\.md\)/);
    const gitlab = JSON.parse(readFileSync(join(repo.dir, "gl-sast.json"), "utf8"));
    assert.deepEqual(gitlab.vulnerabilities.map((v: any) => v.location), [
      { file: "app/cache.py", start_line: 5, end_line: 5 },
      { file: "app/cache.py", start_line: 9, end_line: 9 },
    ]);
    assert.match(second.stderr, /GitHub inline comments: 0 created, 0 updated, 1 unchanged/);
  });

  it("keeps the SARIF and the exit code when the GitHub token is rejected", async () => {
    const result = await runCli(
      ["ci", "-j", "0", "--pr-comment", "--fail-on", "high", "-f", "rejected.sarif", "--github-token", "ghp_WrongTokenWrongTokenWrongToken1234"],
      repo.dir,
      env,
    );
    assert.equal(result.code, 1);
    assert.ok(existsSync(join(repo.dir, "rejected.sarif")));
    assert.match(result.stderr, /warning: GitHub pull request update failed: GitHub API HTTP 401 .*Bad credentials/);
    assert.ok(!result.stderr.includes("WrongTokenWrongToken"));
  });

  it("baselines: write one, then nothing is new", async () => {
    const write = await runCli(["ci", "-j", "0", "--no-diff", "--write-baseline", "pf-baseline.json", "-f", "-"], repo.dir);
    assert.equal(write.code, 0, write.stderr);
    const baseline = JSON.parse(readFileSync(join(repo.dir, "pf-baseline.json"), "utf8"));
    assert.equal(baseline.fingerprints.length, 2);
    const check = await runCli(["ci", "-j", "0", "--no-diff", "--baseline", "pf-baseline.json", "--fail-on", "low", "-f", "-"], repo.dir);
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stderr, /2 findings suppressed by baseline .*pf-baseline\.json/);
  });

  it("rejects bad flag values as usage errors", async () => {
    const scope = await runCli(["ci", "--diff-scope", "hunk"], repo.dir);
    assert.equal(scope.code, 2);
    assert.match(scope.stderr, /--diff-scope: expected line or file/);
    const severity = await runCli(["ci", "--pr-inline-min-severity", "severe"], repo.dir);
    assert.equal(severity.code, 2);
    const pr = await runCli(["ci", "--github-pr", "abc"], repo.dir);
    assert.match(pr.stderr, /--github-pr: expected a pull request number/);
    const missing = await runCli(["ci", "-j", "0", "--baseline", "nope.json", "-f", "-"], repo.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^pathfinder ci: error: cannot read baseline .*nope\.json: ENOENT$/m);
  });
});
