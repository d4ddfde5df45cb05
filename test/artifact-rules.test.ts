// PICKLE-, KERAS-, GGUF- and ONNX-ARTIFACT rule metadata: complete docs for every rule, and every analyser issue kind maps to one.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ARTIFACT_RULES, ruleForIssue } from "../src/artifacts/index.js";
import type { PickleIssue } from "../src/artifacts/types.js";

describe("artifact rules", () => {
  it("has the eight pickle rule families, three Keras ones, two GGUF ones, one ONNX one, one archive one and one config one with their severities", () => {
    assert.deepEqual(
      ARTIFACT_RULES.map((r) => [r.id, r.severity]),
      [
        ["PICKLE-ARTIFACT-001", "critical"],
        ["PICKLE-ARTIFACT-002", "high"],
        ["PICKLE-ARTIFACT-003", "critical"],
        ["PICKLE-ARTIFACT-004", "medium"],
        ["PICKLE-ARTIFACT-005", "high"],
        ["PICKLE-ARTIFACT-006", "high"],
        ["PICKLE-ARTIFACT-007", "medium"],
        ["PICKLE-ARTIFACT-008", "high"],
        ["KERAS-ARTIFACT-001", "critical"],
        ["KERAS-ARTIFACT-002", "high"],
        ["KERAS-ARTIFACT-003", "critical"],
        ["GGUF-ARTIFACT-001", "critical"],
        ["GGUF-ARTIFACT-002", "high"],
        ["ONNX-ARTIFACT-001", "high"],
        ["ARCHIVE-ARTIFACT-001", "high"],
        ["CONFIG-ARTIFACT-001", "critical"],
      ],
    );
  });

  for (const rule of ARTIFACT_RULES) {
    it(`${rule.id} carries complete documentation`, () => {
      assert.equal(rule.language, "artifact");
      assert.equal(rule.cwe[0], "CWE-502");
      assert.deepEqual(rule.owasp, ["A08:2021"]);
      assert.deepEqual(rule.bundles, ["artifacts"]);
      assert.ok(rule.compliance.length > 0);
      assert.ok(rule.tags.includes(rule.id.split("-")[0]!.toLowerCase()));
      for (const field of ["summary", "description", "securityImplications", "howToFix", "fixHint", "vulnerableExample", "safeExample", "detectionScope"] as const) {
        const value = rule.docs[field];
        assert.ok(typeof value === "string" && value.trim().length > 10, `${rule.id} docs.${field}`);
      }
      assert.ok(rule.docs.references.every((r) => /^https:\/\//.test(r.url)));
      assert.ok(rule.docs.faq.length > 0);
      for (const similar of rule.similar) assert.ok(ARTIFACT_RULES.some((r) => r.id === similar), similar);
    });
  }

  it("maps every issue kind to a rule", () => {
    const expected: [PickleIssue["kind"], PickleIssue["severity"], string][] = [
      ["dangerous-call", "critical", "PICKLE-ARTIFACT-001"],
      ["dangerous-import", "high", "PICKLE-ARTIFACT-002"],
      ["dynamic-global", "critical", "PICKLE-ARTIFACT-003"],
      ["extension-code", "critical", "PICKLE-ARTIFACT-003"],
      ["module-mutation", "critical", "PICKLE-ARTIFACT-003"],
      ["unknown-global", "medium", "PICKLE-ARTIFACT-004"],
      ["unknown-call", "high", "PICKLE-ARTIFACT-008"],
      ["malformed", "high", "PICKLE-ARTIFACT-005"],
      ["container-mismatch", "high", "PICKLE-ARTIFACT-006"],
      ["uninspectable", "medium", "PICKLE-ARTIFACT-007"],
      ["nested-pickle", "critical", "PICKLE-ARTIFACT-001"],
      ["nested-pickle", "high", "PICKLE-ARTIFACT-002"],
      ["nested-pickle", "medium", "PICKLE-ARTIFACT-004"],
      ["keras-code", "critical", "KERAS-ARTIFACT-001"],
      ["keras-import", "high", "KERAS-ARTIFACT-002"],
      ["keras-import", "critical", "KERAS-ARTIFACT-002"],
      ["keras-gadget", "critical", "KERAS-ARTIFACT-003"],
      ["gguf-template", "critical", "GGUF-ARTIFACT-001"],
      ["gguf-malformed", "high", "GGUF-ARTIFACT-002"],
      ["onnx-external-path", "high", "ONNX-ARTIFACT-001"],
    ];
    for (const [kind, severity, id] of expected) assert.equal(ruleForIssue({ kind, severity }).id, id, `${kind}/${severity}`);
  });
});
