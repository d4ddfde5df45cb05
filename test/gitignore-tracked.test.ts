// `.gitignore` applies to untracked files only, as in git: a file the repository tracks is scanned even when an
// ignore rule matches it (vendored code added with `git add -f`, or a pull request adding both a file and a rule that
// hides it). Real repositories in temp folders, in every index format git writes.
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { createTempRepo, type TempRepo } from "./ci-support.js";
import { runCli } from "./helpers/cli.js";

const VULN = "import pickle\n\ndef handler(body):\n    return pickle.loads(body)\n";

interface Report {
  results: { location: { file: string } }[];
  errors: { file: string; kind: string; message: string }[];
}

async function scan(dir: string, ...args: string[]): Promise<{ files: string[]; report: Report }> {
  const r = await runCli(["scan", "-p", dir, "--no-cache", "-o", "json", ...args]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  return { files: [...new Set(report.results.map((x) => x.location.file))].sort(), report };
}

/**
 * A repository whose `.gitignore` hides `vendor/` and `*_gen.py`, with one tracked file under each rule and
 * untracked ones beside them; `prepare` runs before the commit (index formats, init options).
 */
function repository(initArgs: string[] = [], prepare: (repo: TempRepo) => void = () => {}): TempRepo {
  const repo = createTempRepo("pathfinder-gitignore-");
  if (initArgs.length) {
    rmSync(join(repo.dir, ".git"), { recursive: true, force: true });
    repo.git("init", "-q", "-b", "main", ...initArgs);
    repo.git("config", "commit.gpgsign", "false");
  }
  repo.write(".gitignore", "vendor/\n*_gen.py\n");
  repo.write("app/main.py", VULN);
  repo.write("vendor/lib/tracked.py", VULN);
  repo.write("vendor/lib/untracked.py", VULN);
  repo.write("vendor/untracked_top.py", VULN);
  repo.write("app/schema_gen.py", VULN);
  repo.write("app/other_gen.py", VULN);
  repo.git("add", ".gitignore", "app/main.py");
  repo.git("add", "-f", "vendor/lib/tracked.py", "app/schema_gen.py");
  prepare(repo);
  repo.git("commit", "-q", "-m", "tracked files under ignore rules");
  return repo;
}

const TRACKED = ["app/main.py", "app/schema_gen.py", "vendor/lib/tracked.py"];

describe("pathfinder scan: .gitignore and tracked files", () => {
  const repos: TempRepo[] = [];
  const make = (...args: Parameters<typeof repository>) => {
    const repo = repository(...args);
    repos.push(repo);
    return repo;
  };
  after(() => repos.forEach((r) => r.cleanup()));

  it("scans tracked files that an ignore rule matches, and still skips untracked ignored ones (index version 2)", async () => {
    const repo = make();
    assert.equal(readFileSync(join(repo.dir, ".git", "index")).readUInt32BE(4), 2);
    const { files, report } = await scan(repo.dir);
    assert.deepEqual(files, TRACKED);
    assert.deepEqual(report.errors, []);
    // Without a repository the same tree keeps the ignore rules for every file.
    assert.deepEqual((await scan(repo.dir, "--no-gitignore")).files, [...TRACKED, "app/other_gen.py", "vendor/lib/untracked.py", "vendor/untracked_top.py"].sort());
  });

  it("reads index versions 3 (intent-to-add entries) and 4 (compressed paths)", async () => {
    const v3 = make([], (repo) => {
      repo.write("vendor/added_later.py", VULN);
      repo.git("add", "-f", "-N", "vendor/added_later.py");
    });
    assert.equal(readFileSync(join(v3.dir, ".git", "index")).readUInt32BE(4), 3);
    assert.deepEqual((await scan(v3.dir)).files, [...TRACKED, "vendor/added_later.py"].sort());
    const v4 = make([], (repo) => repo.git("update-index", "--index-version", "4"));
    assert.equal(readFileSync(join(v4.dir, ".git", "index")).readUInt32BE(4), 4);
    assert.deepEqual((await scan(v4.dir)).files, TRACKED);
  });

  it("reads a split index and a SHA-256 repository", async () => {
    const split = make([], (repo) => repo.git("update-index", "--split-index"));
    // One more tracked file after the split, so entries sit in both the index and the shared index.
    split.write("vendor/after_split.py", VULN);
    split.git("add", "-f", "vendor/after_split.py");
    assert.deepEqual((await scan(split.dir)).files, [...TRACKED, "vendor/after_split.py"].sort());
    const sha256 = make(["--object-format=sha256"]);
    assert.deepEqual((await scan(sha256.dir)).files, TRACKED);
  });

  it("says so when the index cannot be read, and applies the ignore rules to every file", async () => {
    const repo = make();
    const index = join(repo.dir, ".git", "index");
    const bytes = readFileSync(index);
    writeFileSync(index, bytes.subarray(0, 40));
    const { files, report } = await scan(repo.dir);
    assert.deepEqual(files, ["app/main.py"]);
    assert.equal(report.errors.length, 1, JSON.stringify(report.errors));
    assert.equal(report.errors[0]!.file, ".git/index");
    assert.match(report.errors[0]!.message, /not a git index this reader knows \(truncated entries\).*\.gitignore rules apply to every file/);
    writeFileSync(index, Buffer.from("DIRC\0\0\0\x07\0\0\0\x01" + "\0".repeat(64), "latin1"));
    assert.match((await scan(repo.dir)).report.errors[0]!.message, /version 7/);
  });

  it("reads nothing outside the project: a subfolder or a linked worktree keeps the ignore rules", async () => {
    const repo = make();
    repo.write("vendor/.gitignore", "*.py\n");
    assert.deepEqual((await scan(join(repo.dir, "vendor"))).files, [], "the repository's index lies outside the scanned folder");
    const worktree = `${repo.dir}-worktree`;
    repo.git("worktree", "add", "-q", worktree);
    repos.push({ ...repo, cleanup: () => rmSync(worktree, { recursive: true, force: true }) });
    assert.deepEqual((await scan(worktree)).files, ["app/main.py"]);
  });
});
