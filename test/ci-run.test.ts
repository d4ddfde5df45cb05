import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runCi, type CiOptions } from "../src/ci/run.js";
import { SUMMARY_MARKER } from "../src/ci/github/markdown.js";
import { startMockGitHub, type MockGitHub } from "./ci-mock-github.js";
import { createTempRepo, makeFinding, makeReport, type TempRepo, actionsPullRequestEnv } from "./ci-support.js";

const TOKEN = "ghp_SuperSecretTokenValue0123456789abcd";

/** The per-file patches GitHub would show for the pull request (git's own diff, three lines of context). */
function pullFiles(repo: TempRepo, base: string): Record<string, string> {
  const names = repo.git("diff", "--name-only", `${base}...HEAD`).split("\n").filter(Boolean);
  const files: Record<string, string> = {};
  for (const name of names) {
    const patch = repo.git("diff", `${base}...HEAD`, "--", name);
    files[name] = patch.slice(patch.indexOf("@@"));
  }
  return files;
}

describe("runCi on a feature branch with a pull request", () => {
  let repo: TempRepo;
  let mock: MockGitHub;
  let env: Record<string, string>;
  const oldFinding = makeFinding("app.py", 4, { fingerprint: "fp-old", severity: "critical" });
  const newHigh = makeFinding("app.py", 7, { fingerprint: "fp-new-high" });
  const newMedium = makeFinding("app.py", 8, { fingerprint: "fp-new-medium", severity: "medium", ruleId: "PYTHON-LANG-SEC-041" });
  const newFile = makeFinding("svc/loader.py", 2, { fingerprint: "fp-new-file", severity: "critical" });

  before(async () => {
    repo = createTempRepo();
    repo.write("app.py", "import pickle\n\n\ndef load(b):\n    return pickle.loads(b)\n");
    repo.commitAll("base");
    repo.git("checkout", "-q", "-b", "feature");
    repo.write(
      "app.py",
      "import pickle\n\n\ndef load(b):\n    return pickle.loads(b)\n\nx = pickle.loads(y)\nz = pickle.load(f)\n",
    );
    repo.write("svc/loader.py", "import pickle\nmodel = pickle.load(open('m.pkl', 'rb'))\n");
    repo.commitAll("feature");
    mock = await startMockGitHub({ token: TOKEN, owner: "acme", repo: "app" });
    mock.pull(7).files = pullFiles(repo, "main");
    env = actionsPullRequestEnv(repo, { pr: 7, repository: "acme/app", token: TOKEN, apiUrl: mock.url });
  });

  after(async () => {
    await mock.close();
    repo.cleanup();
  });

  function options(overrides: Partial<CiOptions> = {}): CiOptions {
    return {
      targetDir: repo.dir,
      diff: { enabled: true, scope: "line" },
      failOn: "high",
      env,
      github: { flags: {}, comment: true, inline: true, inlineMinSeverity: "high", client: { throttle: false, retryBaseMs: 1 } },
      ...overrides,
    };
  }

  const report = () => makeReport([oldFinding, newHigh, newMedium, newFile], repo.dir);

  it("keeps new findings, counts old ones, comments on the pull request and fails on high", async () => {
    const outcome = await runCi(report(), options());
    assert.deepEqual(outcome.introduced.map((f) => f.fingerprint), ["fp-new-high", "fp-new-medium", "fp-new-file"]);
    assert.deepEqual(outcome.preexisting.map((f) => f.fingerprint), ["fp-old"]);
    // The report keeps the full scan: code scanning closes alerts an upload no longer contains.
    assert.deepEqual(outcome.report.findings.map((f) => f.fingerprint), ["fp-old", "fp-new-high", "fp-new-medium", "fp-new-file"]);
    assert.equal(outcome.exitCode, 1);
    assert.deepEqual(outcome.warnings, []);
    assert.match(outcome.messages[0]!, /^Compared with main \(merge base [0-9a-f]{12}, from GITHUB_BASE_REF\), changed lines: 3 new findings \(1 critical, 1 high, 1 medium\); 1 finding already present\.$/);

    const pull = mock.pull(7);
    assert.equal(pull.reviews.length, 1);
    assert.equal(pull.reviews[0]!.commit_id, repo.git("rev-parse", "HEAD"));
    assert.deepEqual(
      pull.reviewComments.map((c) => `${c.path}:${c.line}`).sort(),
      ["app.py:7", "svc/loader.py:2"],
      "only high and above are inline",
    );
    assert.equal(pull.issueComments.length, 1);
    const summary = pull.issueComments[0]!.body;
    assert.ok(summary.startsWith(SUMMARY_MARKER));
    assert.match(summary, /3 new findings\*\* on lines changed since `main`: 1 critical, 1 high, 1 medium/);
    const head = repo.git("rev-parse", "HEAD");
    assert.ok(summary.includes(`[app.py:8](https://github.com/acme/app/blob/${head}/app.py#L8)`), summary);
    assert.match(summary, /1 finding already present outside the changed lines \(1 critical\)/);
    assert.match(outcome.messages.join("\n"), /GitHub inline comments: 2 created, 0 updated, 0 unchanged/);
    assert.match(outcome.messages.join("\n"), /GitHub summary comment created/);
  });

  it("re-runs update the same comments instead of posting new ones", async () => {
    const outcome = await runCi(report(), options());
    const pull = mock.pull(7);
    assert.equal(pull.issueComments.length, 1);
    assert.equal(pull.reviews.length, 1);
    assert.equal(pull.reviewComments.length, 2);
    assert.equal(outcome.github?.summary?.action, "unchanged");
    assert.deepEqual([outcome.github?.review?.created, outcome.github?.review?.unchanged], [0, 2]);
  });

  it("states clearly when nothing new was found", async () => {
    const outcome = await runCi(makeReport([oldFinding], repo.dir), options());
    assert.equal(outcome.exitCode, 0);
    const summary = mock.pull(7).issueComments[0]!.body;
    assert.match(summary, /✅ \*\*No new findings\*\* on lines changed since `main`\./);
    assert.equal(outcome.github?.summary?.action, "updated");
  });

  it("lists findings it could not place on the pull request diff in the summary", async () => {
    const pull = mock.pull(7);
    const saved = pull.files;
    pull.files = { "app.py": saved["app.py"]! }; // GitHub shows no patch for svc/loader.py
    pull.reviewComments = [];
    try {
      const outcome = await runCi(report(), options());
      assert.deepEqual(outcome.github?.review?.notPlaced.map((f) => f.fingerprint), ["fp-new-file"]);
      assert.match(pull.issueComments[0]!.body, /### Not shown inline[\s\S]*svc\/loader\.py:2/);
    } finally {
      pull.files = saved;
    }
  });

  it("keeps the report and exit code when GitHub fails, and never prints the token", async () => {
    mock.failNext("GET", /\/pulls\/7\/comments$/, 500, 4); // the first try and its three retries
    const outcome = await runCi(report(), options());
    assert.equal(outcome.exitCode, 1);
    assert.equal(outcome.report.findings.length, 4);
    const printed = [...outcome.messages, ...outcome.warnings].join("\n");
    assert.match(printed, /GitHub pull request update failed: GitHub API HTTP 500 on GET \/repos\/acme\/app\/pulls\/7\/comments/);
    assert.ok(!printed.includes(TOKEN));
    for (const request of mock.requests) assert.ok(!JSON.stringify(request.body ?? "").includes(TOKEN));
  });

  it("falls back to the whole project without a base, and with --no-diff", async () => {
    const noBase = await runCi(report(), options({ env: {}, github: { ...options().github, comment: false, inline: false } }));
    assert.equal(noBase.introduced.length, 4);
    assert.match(noBase.warnings[0]!, /no base to compare with/);
    assert.equal(noBase.messages[0], "4 findings (2 critical, 1 high, 1 medium) in the whole project.");
    const noDiff = await runCi(report(), options({ diff: { enabled: false, scope: "line" }, github: { ...options().github, comment: false, inline: false } }));
    assert.equal(noDiff.introduced.length, 4);
    assert.deepEqual(noDiff.warnings, []);
  });

  it("warns when the pull request cannot be identified", async () => {
    const outcome = await runCi(report(), options({ env: { GITHUB_BASE_REF: "main" } }));
    assert.match(outcome.warnings.join("\n"), /GitHub pull request comments skipped: missing a token/);
    assert.equal(outcome.exitCode, 1);
  });

  it("file scope keeps every finding of changed files; a subdirectory target maps its paths", async () => {
    const fileScope = await runCi(report(), options({ diff: { enabled: true, scope: "file" }, github: { ...options().github, comment: false, inline: false } }));
    assert.equal(fileScope.introduced.length, 4);
    const inSub = [makeFinding("loader.py", 2, { fingerprint: "sub" }), makeFinding("app.py", 7, { fingerprint: "not-svc/app.py" })];
    const sub = await runCi(makeReport(inSub, join(repo.dir, "svc")), {
      ...options({ github: { ...options().github, comment: false, inline: false } }),
      targetDir: join(repo.dir, "svc"),
    });
    assert.deepEqual(sub.introduced.map((f) => f.fingerprint), ["sub"]);
  });

  it("writes a baseline and then reports only findings missing from it", async () => {
    const path = join(repo.dir, ".git", "pathfinder-baseline.json");
    const noGithub = { ...options().github, comment: false, inline: false };
    const written = await runCi(makeReport([newHigh], repo.dir), options({ writeBaselinePath: path, github: noGithub }));
    assert.match(written.messages.join("\n"), /Wrote baseline .* with 1 fingerprint\./);
    assert.equal(JSON.parse(readFileSync(path, "utf8")).fingerprints[0].fingerprint, "fp-new-high");
    const outcome = await runCi(report(), options({ baselinePath: path, github: noGithub }));
    assert.equal(outcome.baselined, 1);
    assert.deepEqual(outcome.introduced.map((f) => f.fingerprint), ["fp-new-medium", "fp-new-file"]);
    const suppressed = outcome.report.findings.find((f) => f.fingerprint === "fp-new-high");
    assert.equal(suppressed?.suppressed?.kind, "baseline");
    assert.equal(outcome.exitCode, 1, "the critical new file still fails");
    const lenient = await runCi(makeReport([newHigh], repo.dir), options({ baselinePath: path, github: noGithub }));
    assert.equal(lenient.exitCode, 0);
  });

  it("names the summary comment by id when the API gives no URL (never \"undefined\")", async () => {
    await runCi(report(), options());
    const stored = mock.pull(7).issueComments[0]! as { id: number; html_url?: string };
    delete stored.html_url;
    const outcome = await runCi(report(), options());
    const line = outcome.messages.find((m) => m.startsWith("GitHub summary comment"));
    assert.equal(line, `GitHub summary comment unchanged (id ${stored.id})`);
  });
});
