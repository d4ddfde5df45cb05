import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  GitError,
  readChangeSet,
  resolveBaseRef,
  resolveDiffTarget,
  workTreePrefix,
} from "../src/ci/git.js";
import { createTempRepo, lines, type TempRepo } from "./ci-support.js";

describe("git change sets on a feature branch", () => {
  let repo: TempRepo;
  let baseSha: string;

  before(() => {
    repo = createTempRepo();
    repo.write("app.py", lines(20, (n) => `line_${n} = ${n}`));
    repo.write("old_name.py", lines(10, (n) => `value_${n} = ${n}`));
    repo.write("gone.py", "import pickle\n");
    repo.write("model.bin", new Uint8Array([0x80, 0x04, 0x00, 0x01, 0x02, 0xff]));
    repo.write("untouched.py", "x = 1\n");
    baseSha = repo.commitAll("base");
    repo.git("checkout", "-q", "-b", "feature");

    // app.py: rewrite line 5, insert two lines after line 10, delete line 15.
    const app = lines(20, (n) => `line_${n} = ${n}`).split("\n");
    app[4] = "line_5 = pickle.loads(data)";
    app.splice(14, 1);
    app.splice(10, 0, "import pickle", "obj = pickle.load(f)");
    repo.write("app.py", app.join("\n"));
    // Rename with one edited line (line 3).
    mkdirSync(join(repo.dir, "pkg"), { recursive: true });
    repo.git("mv", "old_name.py", "pkg/new name.py");
    const renamed = lines(10, (n) => (n === 3 ? "value_3 = pickle.loads(blob)" : `value_${n} = ${n}`));
    repo.write("pkg/new name.py", renamed);
    repo.remove("gone.py");
    repo.write("model.bin", new Uint8Array([0x80, 0x04, 0x00, 0x07, 0x08, 0xfe, 0x00]));
    repo.write("données/ünïcödé файл.py", "import pickle\npickle.loads(x)\n");
    repo.write('odd\t"quoted".py', "a = 1\n");
    repo.commitAll("feature work");
  });

  after(() => repo.cleanup());

  it("reports rewritten and inserted lines of a multi-hunk edit on head-side numbering", async () => {
    const changes = await readChangeSet(repo.dir, baseSha, "HEAD");
    const app = changes.files.get("app.py");
    assert.ok(app, "app.py is in the change set");
    assert.equal(app.status, "modified");
    assert.equal(app.binary, false);
    assert.deepEqual([...app.addedLines].sort((a, b) => a - b), [5, 11, 12]);
  });

  it("follows renames and reports only the edited line of a renamed file", async () => {
    const changes = await readChangeSet(repo.dir, baseSha, "HEAD");
    const renamed = changes.files.get("pkg/new name.py");
    assert.ok(renamed, `renamed file present; got ${[...changes.files.keys()].join(", ")}`);
    assert.equal(renamed.status, "renamed");
    assert.equal(renamed.oldPath, "old_name.py");
    assert.deepEqual([...renamed.addedLines], [3]);
    assert.equal(changes.files.has("old_name.py"), false);
  });

  it("keeps unicode, spaces, tabs and quotes in paths verbatim", async () => {
    const changes = await readChangeSet(repo.dir, baseSha, "HEAD");
    const unicode = changes.files.get("données/ünïcödé файл.py");
    assert.ok(unicode, `unicode path present; got ${[...changes.files.keys()].join(", ")}`);
    assert.equal(unicode.status, "added");
    assert.deepEqual([...unicode.addedLines], [1, 2]);
    const odd = changes.files.get('odd\t"quoted".py');
    assert.ok(odd);
    assert.deepEqual([...odd.addedLines], [1]);
  });

  it("marks binary files and leaves out deleted and untouched ones", async () => {
    const changes = await readChangeSet(repo.dir, baseSha, "HEAD");
    const model = changes.files.get("model.bin");
    assert.ok(model);
    assert.equal(model.binary, true);
    assert.equal(model.addedLines.size, 0);
    assert.equal(changes.files.has("gone.py"), false);
    assert.equal(changes.files.has("untouched.py"), false);
    assert.equal(changes.baseSha, baseSha);
    assert.equal(changes.headSha, repo.git("rev-parse", "HEAD"));
  });

  it("diffs from the merge base, ignoring commits that landed on the base branch later", async () => {
    repo.git("checkout", "-q", "main");
    repo.write("untouched.py", "x = 1\ny = pickle.loads(z)\n");
    repo.commitAll("main moves on");
    repo.git("checkout", "-q", "feature");
    try {
      const target = await resolveDiffTarget(repo.dir, { env: { GITHUB_BASE_REF: "main" } });
      assert.ok(target);
      assert.equal(target.baseRef, "main");
      assert.equal(target.baseSource, "GITHUB_BASE_REF");
      assert.equal(target.mergeBaseSha, baseSha);
      const changes = await readChangeSet(repo.dir, target.mergeBaseSha, target.headSha);
      assert.equal(changes.files.has("untouched.py"), false);
      assert.ok(changes.files.has("app.py"));
      const earlier = await resolveDiffTarget(repo.dir, { base: "main", head: "feature~0", env: {} });
      assert.equal(earlier?.headSha, repo.git("rev-parse", "feature"));
      await assert.rejects(resolveDiffTarget(repo.dir, { base: "main", head: "nope", env: {} }), /--head nope does not name a commit/);
    } finally {
      repo.git("checkout", "-q", "feature");
    }
  });
});

describe("base resolution", () => {
  let repo: TempRepo;
  let first: string;

  before(() => {
    repo = createTempRepo();
    repo.write("a.py", "a = 1\n");
    first = repo.commitAll("one");
    repo.write("a.py", "a = 2\n");
    repo.commitAll("two");
  });

  after(() => repo.cleanup());

  it("uses --base before any environment variable", async () => {
    const base = await resolveBaseRef(repo.dir, first, { GITHUB_BASE_REF: "main" });
    assert.deepEqual(base, { ref: first, source: "--base" });
  });

  it("prefers origin/<branch> for GITHUB_BASE_REF and GitLab's target branch", async () => {
    repo.git("update-ref", "refs/remotes/origin/release", first);
    assert.deepEqual(await resolveBaseRef(repo.dir, undefined, { GITHUB_BASE_REF: "release" }), {
      ref: "origin/release",
      source: "GITHUB_BASE_REF",
    });
    assert.deepEqual(
      await resolveBaseRef(repo.dir, undefined, { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main" }),
      { ref: "main", source: "CI_MERGE_REQUEST_TARGET_BRANCH_NAME" },
    );
  });

  it("returns undefined without a base, and explains unknown refs", async () => {
    assert.equal(await resolveBaseRef(repo.dir, undefined, {}), undefined);
    assert.equal(await resolveDiffTarget(repo.dir, { env: {} }), undefined);
    await assert.rejects(resolveBaseRef(repo.dir, "no-such-branch", {}), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.match(error.message, /--base no-such-branch does not name a commit/);
      return true;
    });
    await assert.rejects(resolveBaseRef(repo.dir, undefined, { GITHUB_BASE_REF: "ghost" }), /git fetch origin ghost/);
  });

  it("explains a missing merge base (unrelated histories)", async () => {
    repo.git("checkout", "-q", "--orphan", "island");
    repo.write("b.py", "b = 1\n");
    repo.commitAll("island");
    try {
      await assert.rejects(resolveDiffTarget(repo.dir, { base: "main", env: {} }), /no common ancestor.*fetch-depth: 0/s);
    } finally {
      repo.git("checkout", "-q", "-f", "main");
    }
  });

  it("reports the scan target's place inside the work tree", async () => {
    mkdirSync(join(repo.dir, "services", "api"), { recursive: true });
    assert.equal(await workTreePrefix(repo.dir), "");
    assert.equal(await workTreePrefix(join(repo.dir, "services", "api")), "services/api/");
  });
});
