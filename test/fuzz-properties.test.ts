// Property-based tests (fast-check): hostile inputs of every kind are handled, never thrown at the caller, and
// findings do not depend on edits that cannot matter. Each property runs for at most a few seconds; the longer
// campaign is `npm run fuzz`.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeSource, ARTIFACT_RULES, scanArtifact } from "../src/index.js";
import { memorySource } from "../src/artifacts/index.js";
import { anyModelBytes, anyPythonSource, container, irrelevantEdit, members, structuredProgram, zipOf, tarOf } from "./helpers/fuzz-inputs.js";

/** Stop generating new cases after this long (the cases run so far must all pass). */
const TIME_LIMIT_MS = 4000;
const RUNS = { numRuns: 400, interruptAfterTimeLimit: TIME_LIMIT_MS };
const ARTIFACT_RULE_IDS = new Set(ARTIFACT_RULES.map((r) => r.id));

describe("property: any Python source", () => {
  it("is analysed without throwing, with findings on real lines whose snippets are the source's lines", async () => {
    await fc.assert(
      fc.asyncProperty(anyPythonSource, async (source) => {
        const { findings, errors } = await analyzeSource(source, { timeBudgetMs: 2000 });
        const lines = source.split("\n");
        for (const f of findings) {
          assert.ok(f.location.line >= 1 && f.location.line <= lines.length, `line ${f.location.line} of ${lines.length}`);
          assert.ok(f.location.endLine >= f.location.line);
          assert.equal(f.location.snippet.split("\n")[0], lines[f.location.line - 1].replace(/\r/g, ""));
        }
        for (const e of errors) assert.ok(e.kind !== "internal", `internal error: ${e.message}`);
      }),
      RUNS,
    );
  });

  it("finds the same things (rule and fingerprint) after edits that cannot matter", async () => {
    await fc.assert(
      fc.asyncProperty(structuredProgram, irrelevantEdit, async (source, edit) => {
        const key = (fs: { ruleId: string; fingerprint: string }[]) => fs.map((f) => `${f.ruleId} ${f.fingerprint}`).sort();
        const before = await analyzeSource(source);
        const after = await analyzeSource(edit(source));
        assert.deepEqual(key(after.findings), key(before.findings));
        assert.ok(before.findings.length > 0 || !/^\w+ = (pickle|p|yaml|marshal|dill)\.loads?\(/m.test(source), "a sink call is found");
      }),
      RUNS,
    );
  });

  it("finds the same things whether large files are parsed whole or only where findings can be", async () => {
    const padded = structuredProgram.map((s) => s + "\n".concat("value = compute(1, 2)\n".repeat(120)));
    await fc.assert(
      fc.asyncProperty(padded, async (source) => {
        const whole = await analyzeSource(source, { wholeFile: true });
        const partial = await analyzeSource(source, { wholeFile: false });
        assert.deepEqual(partial.findings.map((f) => f.fingerprint).sort(), whole.findings.map((f) => f.fingerprint).sort());
      }),
      { numRuns: 100, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});

describe("property: any bytes as a model file", () => {
  it("are scanned without throwing, reporting only artifact rules", async () => {
    await fc.assert(
      fc.asyncProperty(anyModelBytes, async (bytes) => {
        const result = await scanArtifact(memorySource(bytes), "model.bin");
        for (const f of result.findings) assert.ok(ARTIFACT_RULE_IDS.has(f.ruleId), f.ruleId);
        for (const e of result.errors) assert.ok(e.kind !== "internal", `internal error: ${e.message}`);
      }),
      RUNS,
    );
  });

  it("zip, tar and gzip containers of random members are scanned without throwing", async () => {
    await fc.assert(
      fc.asyncProperty(container, async (bytes) => {
        const result = await scanArtifact(memorySource(bytes), "checkpoint.pt");
        for (const e of result.errors) assert.ok(e.kind !== "internal", `internal error: ${e.message}`);
      }),
      RUNS,
    );
  });

  it("a malicious member is reported whatever other members a zip or tar holds", async () => {
    const evil = Uint8Array.from([0x80, 0x02, ...Array.from("cos\nsystem\n", (c) => c.charCodeAt(0)), 0x8c, 0x02, 0x69, 0x64, 0x85, 0x52, 0x2e]);
    await fc.assert(
      fc.asyncProperty(members, fc.nat(), fc.boolean(), async (others, at, asTar) => {
        const list = others.filter((m) => m.name !== "evil.pkl");
        list.splice(at % (list.length + 1), 0, { name: "evil.pkl", data: evil });
        const bytes = asTar ? tarOf(list) : zipOf(list);
        const result = await scanArtifact(memorySource(bytes), asTar ? "model.tar" : "model.zip");
        assert.ok(
          result.findings.some((f) => f.ruleId === "PICKLE-ARTIFACT-001" && (f.location.member ?? "").includes("evil.pkl")),
          JSON.stringify(result.findings.map((f) => [f.ruleId, f.location.member])),
        );
      }),
      { numRuns: 150, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});
