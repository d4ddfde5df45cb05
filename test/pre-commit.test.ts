import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO_ROOT } from "./helpers/cli.js";

const PRE_COMMIT = (process.env.PATH ?? "").split(":").map((dir) => join(dir, "pre-commit")).find((file) => {
  try {
    execFileSync(file, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});

const GIT_ENV = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" };

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, ...GIT_ENV } }).trim();
}

/** A pickle whose loading would run `os.system` (protocol 2: GLOBAL posix system, BINUNICODE, TUPLE1, REDUCE, STOP). */
function maliciousPickle(): Buffer {
  const command = Buffer.from("echo owned", "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(command.length);
  return Buffer.concat([Buffer.from("\x80\x02cposix\nsystem\nq\x00X", "latin1"), length, command, Buffer.from("\x85R.", "latin1")]);
}

describe("pre-commit hook, installed and run by the real pre-commit", { skip: !PRE_COMMIT && "pre-commit is not installed" }, () => {
  const scratch = mkdtempSync(join(tmpdir(), "pathfinder-pre-commit-"));
  const hookRepo = join(scratch, "hook");
  const project = join(scratch, "project");
  const env = {
    ...process.env,
    ...GIT_ENV,
    PRE_COMMIT_HOME: join(scratch, "cache"),
    // pre-commit runs npm install and npm pack in its copy of the hook repository; the package needs nothing from the
    // network (its runtime dependencies are bundled), so the npm cache answers whatever npm asks.
    npm_config_prefer_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    NO_COLOR: "1",
  };

  function preCommit(...args: string[]): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
      execFile(PRE_COMMIT!, args, { cwd: project, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
      );
    });
  }

  before(() => {
    // The hook repository as users get it: this working tree's files (tracked and new, nothing ignored) in a commit.
    const files = execFileSync("git", ["ls-files", "-z", "-co", "--exclude-standard"], { cwd: REPO_ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
    for (const file of files) {
      const target = join(hookRepo, file);
      mkdirSync(dirname(target), { recursive: true });
      try {
        copyFileSync(join(REPO_ROOT, file), target);
      } catch {
        // deleted in the working tree but still tracked
      }
    }
    git(hookRepo, "init", "-q");
    git(hookRepo, "add", "-A");
    git(hookRepo, "commit", "-qm", "hook");
    const rev = git(hookRepo, "rev-parse", "HEAD");

    mkdirSync(project, { recursive: true });
    git(project, "init", "-q");
    writeFileSync(join(project, ".pre-commit-config.yaml"), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: pathfinder\n`);
    writeFileSync(join(project, "good.py"), "import json\n\ndef load(text):\n    return json.loads(text)\n");
    writeFileSync(join(project, "README.md"), "# demo\n");
    git(project, "add", "-A");
    git(project, "commit", "-qm", "clean");
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("installs from the repository and passes a clean commit", async () => {
    const run = await preCommit("run", "--all-files");
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /pathfinder \(insecure deserialization\)\.+Passed/);
  });

  it("fails on a staged Python sink and on a staged malicious model file", async () => {
    writeFileSync(join(project, "handler.py"), "import pickle\n\ndef handle(body):\n    return pickle.loads(body)\n");
    mkdirSync(join(project, "models"));
    writeFileSync(join(project, "models", "classifier.pkl"), maliciousPickle());
    git(project, "add", "-A");
    const run = await preCommit("run");
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /handler\.py:4:\d+\s+HIGH\s+PYTHON-LANG-SEC-040/);
    assert.match(run.output, /models\/classifier\.pkl\S*\s+CRITICAL\s+PICKLE-ARTIFACT-001/);
    assert.doesNotMatch(run.output, /good\.py/);
  });
});
