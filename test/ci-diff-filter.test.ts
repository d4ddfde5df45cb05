import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ChangeSet, ChangedFile } from "../src/ci/changes.js";
import { partitionByDiff } from "../src/ci/diff-filter.js";
import { readChangeSet } from "../src/ci/git.js";
import { createTempRepo, lines, makeFinding } from "./ci-support.js";

function changeSet(files: ChangedFile[]): ChangeSet {
  return { baseSha: "a".repeat(40), headSha: "b".repeat(40), files: new Map(files.map((f) => [f.path, f])) };
}

const changes = changeSet([
  { path: "svc/app.py", status: "modified", binary: false, addedLines: new Set([5, 6, 30]) },
  { path: "svc/moved.py", oldPath: "svc/old.py", status: "renamed", binary: false, addedLines: new Set() },
  { path: "svc/model.pkl", status: "modified", binary: true, addedLines: new Set() },
]);

describe("partitionByDiff", () => {
  it("keeps findings on added lines (line scope) and counts the rest as pre-existing", () => {
    const onAdded = makeFinding("app.py", 5);
    const spanning = makeFinding("app.py", 28, {
      location: { file: "app.py", line: 28, column: 1, endLine: 31, endColumn: 2, snippet: "pickle.loads(\n...)" },
    });
    const untouchedLine = makeFinding("app.py", 12);
    const otherFile = makeFinding("lib.py", 5);
    const result = partitionByDiff([onAdded, spanning, untouchedLine, otherFile], changes, {
      scope: "line",
      pathPrefix: "svc/",
    });
    assert.deepEqual(result.introduced, [onAdded, spanning]);
    assert.deepEqual(result.preexisting, [untouchedLine, otherFile]);
  });

  it("with file scope keeps every finding of a file whose content changed, but not of pure renames", () => {
    const a = makeFinding("app.py", 12);
    const renamed = makeFinding("moved.py", 3);
    const result = partitionByDiff([a, renamed], changes, { scope: "file", pathPrefix: "svc" });
    assert.deepEqual(result.introduced, [a]);
    assert.deepEqual(result.preexisting, [renamed]);
  });

  it("treats artifact findings in changed binary files as introduced whatever their line", () => {
    const artifact = makeFinding("model.pkl", 1, {
      location: { file: "model.pkl", line: 1, column: 1, endLine: 1, endColumn: 1, snippet: "", offset: 42 },
    });
    const result = partitionByDiff([artifact], changes, { scope: "line", pathPrefix: "svc/" });
    assert.deepEqual(result.introduced, [artifact]);
  });

  it("maps paths with the scan target's prefix, so the same name elsewhere does not match", () => {
    const rootLevel = makeFinding("svc/app.py", 5);
    const result = partitionByDiff([rootLevel], changes, { scope: "line", pathPrefix: "" });
    assert.deepEqual(result.introduced, [rootLevel]);
    const wrongPrefix = partitionByDiff([makeFinding("app.py", 5)], changes, { scope: "line", pathPrefix: "" });
    assert.equal(wrongPrefix.introduced.length, 0);
  });

  it("works end to end on a real git diff: a line shifted by an insertion is not new", async () => {
    const repo = createTempRepo();
    try {
      repo.write("job.py", lines(6, (n) => (n === 4 ? "obj = pickle.loads(raw)" : `step_${n}()`)));
      const base = repo.commitAll("base");
      const edited = lines(6, (n) => (n === 4 ? "obj = pickle.loads(raw)" : `step_${n}()`)).split("\n");
      edited.splice(1, 0, "import pickle", "data = pickle.load(open('m.pkl', 'rb'))");
      repo.write("job.py", edited.join("\n"));
      repo.commitAll("add a load");
      const diff = await readChangeSet(repo.dir, base, "HEAD");
      const shifted = makeFinding("job.py", 6); // the old line 4, moved down by two
      const added = makeFinding("job.py", 3);
      const result = partitionByDiff([shifted, added], diff, { scope: "line", pathPrefix: "" });
      assert.deepEqual(result.introduced, [added]);
      assert.deepEqual(result.preexisting, [shifted]);
    } finally {
      repo.cleanup();
    }
  });
});
