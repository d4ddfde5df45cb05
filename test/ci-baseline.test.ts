import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import {
  BaselineError,
  applyBaseline,
  createBaseline,
  readBaseline,
  writeBaseline,
} from "../src/ci/baseline.js";
import { makeFinding, makeReport } from "./ci-support.js";

const dir = mkdtempSync(join(tmpdir(), "pathfinder-baseline-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("baselines", () => {
  it("writes a readable file with version, tool, creation time and one entry per fingerprint", async () => {
    const kept = makeFinding("b.py", 9, { fingerprint: "fp-b" });
    const first = makeFinding("a.py", 3, { fingerprint: "fp-a", ruleId: "PYTHON-LANG-SEC-041" });
    const suppressed = makeFinding("c.py", 1, {
      fingerprint: "fp-c",
      suppressed: { kind: "nosec", justification: "# nosec" },
    });
    const report = makeReport([kept, first, suppressed]);
    const path = join(dir, "baseline.json");
    await writeBaseline(path, createBaseline(report, new Date("2026-03-04T05:06:07Z")));
    const written = JSON.parse(readFileSync(path, "utf8"));
    assert.deepEqual(written, {
      version: 1,
      tool: { name: "pathfinder", version: "0.1.0" },
      created: "2026-03-04T05:06:07.000Z",
      fingerprints: [
        { fingerprint: "fp-a", ruleId: "PYTHON-LANG-SEC-041", file: "a.py", line: 3 },
        { fingerprint: "fp-b", ruleId: "PYTHON-LANG-SEC-040", file: "b.py", line: 9 },
      ],
    });
  });

  it("suppresses known fingerprints even after the finding moved to another line", async () => {
    const path = join(dir, "known.json");
    await writeBaseline(path, createBaseline(makeReport([makeFinding("a.py", 3, { fingerprint: "fp-old" })])));
    const baseline = await readBaseline(path);
    const moved = makeFinding("a.py", 40, { fingerprint: "fp-old" });
    const fresh = makeFinding("a.py", 41, { fingerprint: "fp-new" });
    const result = applyBaseline([moved, fresh], baseline, path);
    assert.equal(result.matched, 1);
    assert.deepEqual(result.findings[0]!.suppressed, { kind: "baseline", justification: `listed in baseline ${path}` });
    assert.equal(result.findings[1], fresh);
    assert.equal(moved.suppressed, undefined, "input findings are not mutated");
  });

  it("rejects unreadable, malformed and foreign files with a message naming the file", async () => {
    await assert.rejects(readBaseline(join(dir, "missing.json")), /cannot read baseline .*missing\.json: ENOENT/);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    await assert.rejects(readBaseline(broken), (error: unknown) => {
      assert.ok(error instanceof BaselineError);
      assert.match(error.message, /broken\.json: not valid JSON/);
      return true;
    });
    const wrongVersion = join(dir, "v9.json");
    writeFileSync(wrongVersion, JSON.stringify({ version: 9, fingerprints: [] }));
    await assert.rejects(readBaseline(wrongVersion), /unsupported baseline version 9/);
    const badEntry = join(dir, "entry.json");
    writeFileSync(badEntry, JSON.stringify({ version: 1, fingerprints: [{ ruleId: "X" }] }));
    await assert.rejects(readBaseline(badEntry), /fingerprints\[0\] has no "fingerprint"/);
  });
});
