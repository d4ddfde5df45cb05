// Classes of false positives and misses found by triaging real repositories by hand (session 24: django-rq,
// diskcache, cloudpickle, dill, itsdangerous, mitmproxy, pyramid, TorchServe, statsmodels, NeMo).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memorySource, scanArtifact } from "../src/artifacts/index.js";
import { GLOBAL, OPS as O, PROTO, asm, bstr } from "./data/pickle/assembler.js";

describe("benign model and data files", () => {
  it("a record array pickled by older NumPy (numpy.core.records.recarray/record) is not reported", async () => {
    // The shape of statsmodels' vars_results.npz members: _reconstruct(recarray, (0,), b"b") and dtype(record, 0, 1).
    const reconstruct = GLOBAL("numpy.core.multiarray", "_reconstruct");
    const bytes = asm(PROTO(2),
      reconstruct, GLOBAL("numpy.core.records", "recarray"), O.BININT1, 0, O.TUPLE1, bstr("b"), O.TUPLE3, O.REDUCE, O.POP,
      GLOBAL("numpy", "dtype"), GLOBAL("numpy.core.records", "record"), O.BININT1, 0, O.BININT1, 1, O.TUPLE3, O.REDUCE,
      O.STOP);
    const result = await scanArtifact(memorySource(bytes), "irf.pkl");
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.message}`), []);
  });

  it("a class outside the allowlist in the same shape is still reported", async () => {
    const bytes = asm(PROTO(2),
      GLOBAL("numpy.core.multiarray", "_reconstruct"), GLOBAL("numpy.core.records", "fromfile"), O.BININT1, 0, O.TUPLE1,
      bstr("b"), O.TUPLE3, O.REDUCE, O.STOP);
    const result = await scanArtifact(memorySource(bytes), "irf.pkl");
    assert.ok(result.findings.some((f) => f.severity === "high"), JSON.stringify(result.findings.map((f) => f.message)));
  });
});
