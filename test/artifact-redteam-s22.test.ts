// Red-team round of session 22: limits an attacker spends on purpose before the payload, pickles an HDF5 file's
// rows hold in protocols without a FRAME header, and a zip found behind a tar's bytes read without a second,
// truncated look at the tar.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memorySource, scanArtifact } from "../src/artifacts/index.js";
import { GLOBAL, OPS as O, PROTO, asm, bstr } from "./data/pickle/assembler.js";
import { REPO_ROOT } from "./helpers/cli.js";

const attack = (name: string): Uint8Array => new Uint8Array(readFileSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "attacks", name)));
const findings = async (bytes: Uint8Array, name: string): Promise<string[]> =>
  (await scanArtifact(memorySource(bytes), name)).findings.map((f) => `${f.severity}: ${f.message}`);

describe("a payload after more pushes than the framing walk's stack holds", () => {
  it("is found by the sweep after the machine's depth limit, past the point where the walk stopped", async () => {
    const payload = asm(GLOBAL("posix", "system"), bstr("id"), O.TUPLE1, O.REDUCE, O.STOP);
    const pushes = new Uint8Array(1_300_000).fill(O.NONE);
    const result = await findings(asm(PROTO(2), pushes, payload), "model.pkl");
    assert.ok(result.some((f) => /^critical: Imports posix\.system .* after the point where the analysis stopped at a limit/.test(f)), result.join("\n"));
  });
});

describe("PyTables object rows in every protocol", () => {
  for (const protocol of [0, 2]) {
    it(`reports the payload row pickled with protocol ${protocol}`, async () => {
      assert.deepEqual(await findings(attack(`s22-pytables-row-p${protocol}.h5`), "store.h5"), [
        "critical: Calls posix.system('touch /tmp/pathfinder-redteam') via REDUCE: runs shell commands or programs",
      ]);
    });
  }
});

describe("a zip inside a tar inside a gzip", () => {
  it("is read without a warning about a truncated tar", async () => {
    const result = await scanArtifact(memorySource(attack("s21-zip-in-tar-gz.tar.gz")), "release.tar.gz");
    assert.deepEqual(result.errors, []);
    assert.ok(result.findings.length > 0 && result.findings.every((f) => f.severity === "critical"));
  });
});
