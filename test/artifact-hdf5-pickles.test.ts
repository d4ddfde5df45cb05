// Pickles an HDF5 file stores whole (PyTables' ObjectAtom rows, pandas' HDFStore object data): unpickled when the
// array is read. Files written with the real PyTables by scripts/artifacts/hdf5_objects.py and gen-redteam.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { memorySource, scanArtifact } from "../src/artifacts/index.js";
import { REPO_ROOT } from "./helpers/cli.js";

const read = (...parts: string[]): Uint8Array => new Uint8Array(readFileSync(join(REPO_ROOT, ...parts)));
const findings = async (bytes: Uint8Array, name: string): Promise<string[]> =>
  (await scanArtifact(memorySource(bytes), name)).findings.map((f) => `${f.ruleId} ${f.severity} ${f.message}`);

describe("pickles inside HDF5 files", () => {
  it("judges each ObjectAtom row of a PyTables file: the payload row is critical", async () => {
    const result = await findings(read("fixtures", "artifact-corpus", "attacks", "s21-pytables-object-row.h5"), "store.h5");
    assert.deepEqual(result, ["PICKLE-ARTIFACT-001 critical Calls posix.system('touch /tmp/pathfinder-redteam') via REDUCE: runs shell commands or programs"]);
  });

  it("finds nothing in rows of dicts, lists, strings and numpy arrays, nor in Keras .h5 weights", async () => {
    assert.deepEqual(await findings(read("test", "data", "hdf5", "objects.h5"), "objects.h5"), []);
    for (const name of ["sequential.h5", "sequential-vlen.h5"]) assert.deepEqual(await findings(read("test", "data", "keras", name), name), [], name);
  });
});
