import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import AjvModule from "ajv";
import addFormatsModule from "ajv-formats";
import { renderCodeClimate } from "../src/report/codeclimate.js";
import { renderGitLabSast, vulnerabilityId } from "../src/report/gitlab-sast.js";
import { makeFinding, makeReport, makeRule } from "./ci-support.js";
import { sampleReport as reportersSample } from "./data/report/sample-report.js";

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
const schema = JSON.parse(readFileSync(new URL("../../test/schemas/gitlab-sast-report-format-15.0.6.json", import.meta.url), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function sampleReport() {
  const report = makeReport([
    makeFinding("app.py", 5, { fingerprint: "fp-1", severity: "critical" }),
    makeFinding("pkg/model.py", 12, {
      fingerprint: "fp-2",
      severity: "medium",
      confidence: "low",
      ruleId: "PYTHON-LANG-SEC-041",
      location: { file: "pkg/model.py", line: 12, column: 3, endLine: 14, endColumn: 2, snippet: "torch.load(\n  f\n)" },
    }),
    makeFinding("old.py", 1, { fingerprint: "fp-3", suppressed: { kind: "nosec", justification: "# nosec" } }),
  ]);
  report.rules[0] = makeRule("PYTHON-LANG-SEC-040", {
    docs: { ...report.rules[0]!.docs, references: [{ title: "Python pickle docs", url: "https://docs.python.org/3/library/pickle.html" }] },
  });
  report.errors.push({ file: "broken.py", kind: "syntax", message: "unexpected indent", level: "warning" });
  return report;
}

describe("GitLab SAST report", () => {
  it("validates against the published 15.0.6 schema", () => {
    const parsed = JSON.parse(renderGitLabSast(sampleReport(), { pathPrefix: "services/api/" }));
    assert.ok(validate(parsed), ajv.errorsText(validate.errors));
    const empty = JSON.parse(renderGitLabSast(makeReport([])));
    assert.ok(validate(empty), ajv.errorsText(validate.errors));
    // The reporters' shared sample: artifact findings, traces, suppressions, scan errors.
    const shared: { vulnerabilities: unknown[] } = JSON.parse(renderGitLabSast(reportersSample()));
    assert.ok(validate(shared), ajv.errorsText(validate.errors));
    assert.ok(shared.vulnerabilities.length > 0);
  });

  it("the schema catches a broken report (the validation is real)", () => {
    const parsed = JSON.parse(renderGitLabSast(sampleReport()));
    parsed.vulnerabilities[0].severity = "Severe";
    delete parsed.scan.end_time;
    assert.equal(validate(parsed), false);
  });

  it("maps severity, identifiers, location, solution, links and scan times", () => {
    const parsed = JSON.parse(renderGitLabSast(sampleReport(), { pathPrefix: "services/api" }));
    assert.equal(parsed.version, "15.0.6");
    assert.equal(parsed.scan.start_time, "2026-01-02T03:04:05");
    assert.equal(parsed.scan.end_time, "2026-01-02T03:04:05");
    assert.equal(parsed.scan.type, "sast");
    assert.deepEqual(parsed.scan.messages, [{ level: "warn", value: "broken.py: unexpected indent" }]);
    assert.equal(parsed.vulnerabilities.length, 2, "suppressed findings are left out");
    const [first, second] = parsed.vulnerabilities;
    assert.equal(first.severity, "Critical");
    assert.equal(first.id, vulnerabilityId("fp-1"));
    assert.match(first.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(first.id, second.id);
    assert.deepEqual(first.identifiers, [
      {
        type: "pathfinder_rule_id",
        name: "PYTHON-LANG-SEC-040 Rule PYTHON-LANG-SEC-040",
        value: "PYTHON-LANG-SEC-040",
        url: "https://pathfinder.example/blob/main/docs/rules/PYTHON-LANG-SEC-040.md",
      },
      { type: "cwe", name: "CWE-502", value: "502", url: "https://cwe.mitre.org/data/definitions/502.html" },
      { type: "owasp", name: "OWASP A08:2021", value: "A08:2021" },
    ]);
    assert.deepEqual(first.location, { file: "services/api/app.py", start_line: 5, end_line: 5 });
    assert.deepEqual(first.links, [{ name: "Python pickle docs", url: "https://docs.python.org/3/library/pickle.html" }]);
    assert.match(first.solution, /data-only format/);
    assert.equal(second.severity, "Medium");
    assert.deepEqual(second.location, { file: "services/api/pkg/model.py", start_line: 12, end_line: 14 });
  });
});

describe("Code Climate report", () => {
  it("emits GitLab code quality issues with mapped severities and unique fingerprints", () => {
    const report = sampleReport();
    report.findings.push(makeFinding("app.py", 9, { fingerprint: "fp-1", severity: "low" }));
    const issues = JSON.parse(renderCodeClimate(report, { pathPrefix: "svc" }));
    assert.deepEqual(issues[0], {
      type: "issue",
      check_name: "PYTHON-LANG-SEC-040",
      description: "Rule PYTHON-LANG-SEC-040: pickle.loads deserializes untrusted data",
      categories: ["Security"],
      fingerprint: "fp-1",
      severity: "blocker",
      location: { path: "svc/app.py", lines: { begin: 5, end: 5 } },
    });
    assert.deepEqual(issues.map((i: { severity: string }) => i.severity), ["blocker", "major", "minor"]);
    assert.deepEqual(issues.map((i: { fingerprint: string }) => i.fingerprint), ["fp-1", "fp-2", "fp-1#1"]);
    assert.deepEqual(issues[1].location.lines, { begin: 12, end: 14 });
    assert.deepEqual(JSON.parse(renderCodeClimate(makeReport([]))), []);
  });
});
