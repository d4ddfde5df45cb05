// The analysis pool: files analysed on a worker give the same results as on this thread, and the pool's workers
// answer other kinds of requests (the handlers in worker.ts) until the pool is closed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildRuleSet, ruleSetSpec } from "../src/rules/registry.js";
import { withTrustFlow } from "../src/rules/python/trust-join.js";
import { sharedQueueAnalyzer } from "../src/project/worker-pool.js";

const resolution = ruleSetSpec([], {});
if (!resolution.ok) throw new Error(resolution.error);
const spec = withTrustFlow(resolution.spec);
const rules = buildRuleSet(spec);
const file = { path: "app.py", moduleName: "app", source: "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n" };

describe("analysis pool", () => {
  it("analyses on a worker as on this thread, and answers requests of the worker's kinds", async () => {
    const local = await sharedQueueAnalyzer(spec, rules, { workers: 0 });
    const expected = await local.analyze(file);
    assert.equal(local.workers, 0);
    await assert.rejects(local.request("analyze", file), /no analysis worker/);
    await local.close();
    assert.ok(expected.findings.length > 0);

    // This thread never takes a file: the worker analyses it.
    const pooled = await sharedQueueAnalyzer(spec, rules, { workers: 1, localStartsAfter: new Promise(() => {}) });
    try {
      assert.equal(pooled.workers, 1);
      assert.deepEqual(await pooled.analyze(file), expected);
      assert.deepEqual(await pooled.request("analyze", file), expected);
      await assert.rejects(pooled.request("no-such-kind", null), /no handler for "no-such-kind"/);
    } finally {
      await pooled.close();
    }
    assert.equal(pooled.workers, 0);
    await assert.rejects(pooled.request("analyze", file), /no analysis worker/);
  });
});
