import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderReport } from "../src/report/index.js";
import { emptyReport, sampleReport } from "./data/report/sample-report.js";

const pickleResult = {
  rule_id: "PYTHON-LANG-SEC-040",
  rule_name: "Pickle Deserialization of Untrusted Data",
  message: "pickle.loads() deserializes request.body, which comes from the client.",
  severity: "high",
  confidence: "high",
  location: { file: "service/loader.py", line: 7, column: 11, end_line: 7, end_column: 29, snippet: "    obj = pickle.loads(data)" },
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  fingerprint: "0b9d6c1e2f3a4b5c6d7e8f9011223344",
  fix: {
    description: "Replace pickle.loads with json.loads",
    edits: [{ line: 7, column: 11, end_line: 7, end_column: 23, new_text: "json.loads" }],
  },
  trace: [
    {
      location: { file: "service/loader.py", line: 6, column: 12, end_line: 6, end_column: 24, snippet: "    data = request.body" },
      message: "request.body flows into data",
    },
    {
      location: { file: "service/loader.py", line: 7, column: 11, end_line: 7, end_column: 29, snippet: "    obj = pickle.loads(data)" },
      message: "data is unpickled",
    },
  ],
};

const expected = {
  tool: { name: "pathfinder", version: "0.1.0" },
  scan: {
    target: "/home/dev/projects/ml-service",
    timestamp: "2026-11-21T16:00:00.000Z",
    duration_ms: 1234,
    rules_executed: ["ARTIFACT-PICKLE-001", "PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-043", "PYTHON-LANG-SEC-045"],
    files_scanned: 42,
  },
  results: [
    {
      rule_id: "ARTIFACT-PICKLE-001",
      rule_name: "Dangerous Global in Pickle Artifact",
      message: "Pickle calls posix.system (REDUCE): loading this file runs a shell command.",
      severity: "critical",
      confidence: "high",
      location: {
        file: "models/classifier.pt",
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
        snippet: "GLOBAL 'posix system'\nREDUCE",
        member: "classifier/data.pkl",
        offset: 118,
      },
      cwe: ["CWE-502"],
      owasp: ["A08:2021"],
      fingerprint: "a1f0c3d2e4b5a6978877665544332211",
    },
    {
      rule_id: "PYTHON-LANG-SEC-045",
      rule_name: "Shelve Module Usage",
      message: 'shelve.open() unpickles values, "cache" must never hold untrusted data.',
      severity: "low",
      confidence: "medium",
      location: { file: "notebooks/Data Prep (v2).py", line: 3, column: 6, end_line: 3, end_column: 26, snippet: 'db = shelve.open("cache")' },
      cwe: ["CWE-502"],
      owasp: [],
      fingerprint: '=HYPERLINK("http://evil")',
    },
    pickleResult,
    {
      rule_id: "PYTHON-LANG-SEC-043",
      rule_name: "yaml.load With Unsafe Loader",
      message: "yaml.load() with Loader=yaml.Loader can construct arbitrary Python objects.",
      severity: "medium",
      confidence: "high",
      location: {
        file: "service/loader.py",
        line: 13,
        column: 10,
        end_line: 14,
        end_column: 22,
        snippet: "\t\treturn yaml.load(fh,\n\t\t\tLoader=yaml.Loader)",
      },
      cwe: ["CWE-502", "CWE-20"],
      owasp: ["A08:2021"],
      fingerprint: "5566778899aabbccddeeff0011223344",
      fix: {
        description: "Use yaml.SafeLoader",
        edits: [{ line: 14, column: 11, end_line: 14, end_column: 22, new_text: "yaml.SafeLoader" }],
      },
    },
  ],
  summary: { total: 4, by_severity: { critical: 1, high: 1, medium: 1, low: 1 }, suppressed: 1 },
  errors: [
    { file: "service/broken.py", kind: "syntax", level: "warning", message: "invalid syntax", line: 4, column: 7 },
    { file: "models/huge.bin", kind: "too-large", level: "error", message: "file exceeds 2 GiB limit" },
  ],
};

describe("JSON reporter", () => {
  it("renders exactly the documented shape, key order and 2-space pretty printing", () => {
    const text = renderReport("json", sampleReport(), { color: false, showSuppressed: false });
    assert.equal(text, JSON.stringify(expected, null, 2) + "\n");
  });

  it("leaves suppressed findings out of results but counts them in the summary", () => {
    const parsed = JSON.parse(renderReport("json", sampleReport(), { color: false, showSuppressed: false }));
    assert.equal(parsed.results.length, 4);
    assert.ok(parsed.results.every((r: { suppressed?: unknown }) => r.suppressed === undefined));
    assert.equal(parsed.summary.suppressed, 1);
    assert.equal(parsed.summary.total, 4);
  });

  it("lists suppressed findings with their suppression when asked, without changing the summary", () => {
    const parsed = JSON.parse(renderReport("json", sampleReport(), { color: false, showSuppressed: true }));
    assert.equal(parsed.results.length, 5);
    const last = parsed.results[4];
    assert.equal(last.rule_id, "PYTHON-LANG-SEC-040");
    assert.equal(last.location.line, 18);
    assert.deepEqual(last.suppressed, { kind: "nosec", justification: "# nosec B301 - blob is signed by our own service" });
    assert.deepEqual(Object.keys(last), [
      "rule_id", "rule_name", "message", "severity", "confidence", "location", "cwe", "owasp", "fingerprint", "suppressed",
    ]);
    assert.deepEqual(parsed.summary, expected.summary);
  });

  it("renders an empty scan with empty arrays and zero counts", () => {
    const parsed = JSON.parse(renderReport("json", emptyReport(), { color: false, showSuppressed: false }));
    assert.deepEqual(parsed.results, []);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.summary, { total: 0, by_severity: { critical: 0, high: 0, medium: 0, low: 0 }, suppressed: 0 });
  });

  it("escapes control characters and quotes in messages so the output stays valid JSON", () => {
    const report = sampleReport();
    report.findings[1]!.message = 'bad \u001b[31m "quoted" \\ \u0000 text';
    const text = renderReport("json", report, { color: false, showSuppressed: false });
    assert.ok(!text.includes("\u001b"), "raw ESC never reaches the output");
    assert.equal(JSON.parse(text).results[1].message, 'bad \u001b[31m "quoted" \\ \u0000 text');
  });
});
