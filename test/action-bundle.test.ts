import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { REPO_ROOT } from "./helpers/cli.js";

describe("the committed GitHub Action bundle (dist/action)", () => {
  const fresh = mkdtempSync(join(tmpdir(), "pathfinder-action-build-"));
  after(() => rmSync(fresh, { recursive: true, force: true }));

  it("is exactly what a fresh build of the current sources produces (rebuild: node scripts/build-action.mjs)", async () => {
    const built = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(process.execPath, [join(REPO_ROOT, "scripts", "build-action.mjs"), "--out", fresh], { cwd: REPO_ROOT }, (error, _stdout, stderr) =>
        resolve({ code: error ? 1 : 0, stderr }),
      ),
    );
    assert.equal(built.code, 0, built.stderr);
    const committed = join(REPO_ROOT, "dist", "action");
    assert.deepEqual(readdirSync(committed).sort(), readdirSync(fresh).sort(), "the same files");
    const stale = readdirSync(fresh).filter((file) => !readFileSync(join(fresh, file)).equals(readFileSync(join(committed, file))));
    assert.deepEqual(stale, [], `dist/action is stale (${stale.join(", ")}): run node scripts/build-action.mjs and commit dist/action`);
  });
});
