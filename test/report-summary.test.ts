import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OUTPUT_FORMATS, renderReport, summarize, type OutputFormat } from "../src/report/index.js";
import { emptyReport, sampleReport } from "./data/report/sample-report.js";

describe("summarize", () => {
  it("counts unsuppressed findings by severity and suppressed ones apart", () => {
    assert.deepEqual(summarize(sampleReport()), {
      total: 4,
      bySeverity: { critical: 1, high: 1, medium: 1, low: 1 },
      suppressed: 1,
    });
  });

  it("counts a suppressed finding of any severity only as suppressed", () => {
    const report = sampleReport();
    for (const f of report.findings) if (f.severity === "critical") f.suppressed = { kind: "baseline", justification: "known" };
    assert.deepEqual(summarize(report), { total: 3, bySeverity: { critical: 0, high: 1, medium: 1, low: 1 }, suppressed: 2 });
  });

  it("is all zeros for a scan without findings", () => {
    assert.deepEqual(summarize(emptyReport()), { total: 0, bySeverity: { critical: 0, high: 0, medium: 0, low: 0 }, suppressed: 0 });
  });
});

describe("renderReport", () => {
  const options = { color: false, showSuppressed: false };

  it("dispatches to each format", () => {
    assert.deepEqual([...OUTPUT_FORMATS], ["text", "json", "sarif", "csv", "gitlab-sast", "codeclimate", "html", "cyclonedx", "junit", "github"]);
    const report = sampleReport();
    assert.match(renderReport("text", report, options), /^models\/classifier\.pt:1:1 {2}CRITICAL/);
    assert.equal(JSON.parse(renderReport("json", report, options)).tool.name, "pathfinder");
    assert.equal(JSON.parse(renderReport("sarif", report, options)).version, "2.1.0");
    assert.match(renderReport("csv", report, options), /^rule_id,rule_name,/);
    assert.equal(JSON.parse(renderReport("gitlab-sast", report, options)).scan.type, "sast");
    assert.equal(JSON.parse(renderReport("codeclimate", report, options))[0].type, "issue");
    assert.match(renderReport("html", report, options), /^<!DOCTYPE html>/);
    assert.equal(JSON.parse(renderReport("cyclonedx", report, options)).bomFormat, "CycloneDX");
    assert.match(renderReport("junit", report, options), /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    assert.match(renderReport("github", report, options), /^::error file=models\/classifier\.pt,title=/);
  });

  it("does not modify the report it renders", () => {
    const report = sampleReport();
    for (const format of OUTPUT_FORMATS) renderReport(format, report, { ...options, showSuppressed: true, color: true });
    assert.deepEqual(report, sampleReport());
  });

  it("rejects an unknown format with a clear error", () => {
    assert.throws(() => renderReport("xml" as OutputFormat, sampleReport(), options), /Unknown output format: xml/);
  });
});
