// Classes of false positives and misses found by triaging real repositories by hand (session 25: pyzmq, billiard,
// mmengine, composer, wandb, unstructured, ipyparallel, cachelib, dogpile.cache, flask-caching, skorch).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isArtifactCandidate } from "../src/artifacts/index.js";

const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe("text files without an extension that parse as protocol 0 opcodes", () => {
  it("go-git's .gitignore (GLOBAL overage.out *~, GLOBAL, STOP) is not sniffed as a pickle", () => {
    const gitignore = "coverage.out\n*~\ncoverage.txt\nprofile.out\n.tmp/\n.git-dist/\n.vscode\nbuild/tools/\n";
    assert.equal(isArtifactCandidate("vendor/go-git/.gitignore", bytesOf(gitignore)), false);
  });

  it("a protocol 0 pickle under the same name is still examined", () => {
    assert.equal(isArtifactCandidate("vendor/go-git/.gitignore", bytesOf("cos\nsystem\n(S'id'\ntR.")), true);
  });

  it("a pickle whose first global is a dotted name that does not exist is still examined (it would import)", () => {
    assert.equal(isArtifactCandidate("data/blob", bytesOf("coverage.out\nprofile\n.")), true);
  });
});
