import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import AjvModule from "ajv";
import addFormatsModule from "ajv-formats";
import { renderReport } from "../src/report/index.js";
import { sampleReport, emptyReport, TARGET } from "./data/report/sample-report.js";
import type { ScanReport } from "../src/core/types.js";

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

const schemaUrl = new URL("../../test/schemas/sarif-schema-2.1.0.json", import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, "utf8")) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

// Parsed SARIF is navigated freely in assertions; the schema validator is what checks its shape.
type AnyJson = any;

function sarifOf(report: ScanReport, options: { showSuppressed?: boolean; pathPrefix?: string; docsBase?: string } = {}): AnyJson {
  const text = renderReport("sarif", report, { color: false, showSuppressed: options.showSuppressed ?? true, ...options });
  assert.ok(text.endsWith("}\n"), "pretty JSON with a trailing newline");
  return JSON.parse(text);
}

function assertValid(log: unknown): void {
  const ok = validateSarif(log);
  assert.ok(ok, `SARIF schema violations:\n${JSON.stringify(validateSarif.errors, null, 2)}`);
}

describe("SARIF reporter", () => {
  it("uses the official OASIS SARIF 2.1.0 schema", () => {
    assert.equal(schema.title, "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
    assert.equal(schema.$id, "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json");
  });

  it("the validator rejects an invalid log, so passing means something", () => {
    const log = sarifOf(sampleReport());
    log.runs[0].results[0].level = "critical";
    assert.equal(validateSarif(log), false);
    const log2 = sarifOf(sampleReport());
    delete log2.runs[0].tool.driver.name;
    assert.equal(validateSarif(log2), false);
  });

  it("produces a schema-valid log for a realistic report and for an empty one", () => {
    assertValid(sarifOf(sampleReport()));
    const empty = sarifOf(emptyReport());
    assertValid(empty);
    assert.deepEqual(empty.runs[0].results, []);
  });

  it("describes the tool and every rule that ran", () => {
    const log = sarifOf(sampleReport());
    assert.equal(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, "Pathfinder");
    assert.equal(driver.version, "0.1.0");
    assert.equal(driver.semanticVersion, "0.1.0");
    assert.equal(driver.informationUri, "https://pathfinder.example.org");
    assert.deepEqual(
      driver.rules.map((r: AnyJson) => r.id),
      ["ARTIFACT-PICKLE-001", "PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-043", "PYTHON-LANG-SEC-045"],
    );

    const pickle = driver.rules[1];
    assert.equal(pickle.name, "PickleDeserializationOfUntrustedData");
    assert.deepEqual(pickle.shortDescription, { text: "Finds pickle deserialization of untrusted data." });
    assert.equal(pickle.fullDescription.text, "**Pickle Deserialization of Untrusted Data**: deserializing untrusted data can run arbitrary code.");
    assert.equal(pickle.helpUri, "https://pathfinder.example.org/blob/main/docs/rules/PYTHON-LANG-SEC-040.md");
    const hosted = sarifOf(sampleReport(), { docsBase: "https://docs.example.com/rules/{id}.html" }).runs[0].tool.driver.rules[1];
    assert.equal(hosted.helpUri, "https://docs.example.com/rules/PYTHON-LANG-SEC-040.html");
    assert.deepEqual(pickle.defaultConfiguration, { level: "error" });
    assert.deepEqual(pickle.properties.tags, ["pickle", "security", "external/cwe/cwe-502"]);
    assert.equal(pickle.properties["security-severity"], "7.0");
    assert.equal(pickle.properties.precision, "high");

    assert.equal(driver.rules[0].properties["security-severity"], "9.0");
    assert.equal(driver.rules[2].properties["security-severity"], "5.0");
    assert.equal(driver.rules[2].defaultConfiguration.level, "warning");
    assert.equal(driver.rules[2].properties.precision, "very-high");
    assert.equal(driver.rules[2].name, "YamlLoadWithUnsafeLoader");
    assert.equal(driver.rules[3].properties["security-severity"], "3.0");
    assert.equal(driver.rules[3].defaultConfiguration.level, "note");
  });

  it("builds rule help from the docs: sections, fenced examples and references", () => {
    const help = sarifOf(sampleReport()).runs[0].tool.driver.rules[1].help;
    const md: string = help.markdown;
    assert.match(md, /^\*\*Pickle Deserialization of Untrusted Data\*\*/);
    assert.match(md, /## Security implications\n\nAn attacker who controls the bytes controls the process\./);
    assert.match(md, /## How to fix\n\nUse a data-only format such as JSON\./);
    assert.match(md, /## Vulnerable example\n\n```python\nimport pickle\nobj = pickle\.loads\(request\.body\)\n```/);
    assert.match(md, /## Safe example\n\n```python\nimport json\nobj = json\.loads\(request\.body\)\n```/);
    assert.match(md, /- \[CWE-502: Deserialization of Untrusted Data\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/502\.html\)/);
    assert.match(md, /- \[Python \\\[pickle\\\] docs\]\(https:\/\/docs\.python\.org\/3\/library\/pickle\.html\)/);
    const text: string = help.text;
    assert.match(text, /Vulnerable example:\n {4}import pickle\n {4}obj = pickle\.loads\(request\.body\)/);
    assert.match(text, /References:\n- CWE-502: Deserialization of Untrusted Data: https:\/\/cwe\.mitre\.org/);
    assert.doesNotMatch(text, /```/);
  });

  it("uses a longer fence when an example itself contains backticks", () => {
    const report = sampleReport();
    report.rules[1]!.docs.vulnerableExample = 'doc = """\n```\n"""';
    const md: string = sarifOf(report).runs[0].tool.driver.rules[1].help.markdown;
    assert.match(md, /````python\ndoc = """\n```\n"""\n````/);
  });

  it("emits one result per finding, suppressed ones included, in order", () => {
    const report = sampleReport();
    const results = sarifOf(report).runs[0].results;
    assert.deepEqual(
      results.map((r: AnyJson) => r.ruleId),
      report.findings.map((f) => f.ruleId),
    );
    const driverRules = sarifOf(report).runs[0].tool.driver.rules;
    for (const r of results) assert.equal(driverRules[r.ruleIndex].id, r.ruleId);
    assert.deepEqual(
      results.map((r: AnyJson) => r.level),
      ["error", "note", "error", "warning", "error"],
    );
  });

  it("gives each result a relative, percent-encoded location under %SRCROOT% with region and snippet", () => {
    const run = sarifOf(sampleReport()).runs[0];
    // Never the local absolute path of the scan: code scanning ignores it and it leaks the build machine's layout.
    assert.equal(run.originalUriBaseIds, undefined);
    assert.ok(!JSON.stringify(run).includes(TARGET));
    assert.equal(run.columnKind, "utf16CodeUnits");
    const shelve = run.results[1];
    assert.deepEqual(shelve.locations[0].physicalLocation, {
      artifactLocation: { uri: "notebooks/Data%20Prep%20%28v2%29.py", uriBaseId: "%SRCROOT%" },
      region: { startLine: 3, startColumn: 6, endLine: 3, endColumn: 26, snippet: { text: 'db = shelve.open("cache")' } },
    });
    assert.equal(shelve.message.text, 'shelve.open() unpickles values, "cache" must never hold untrusted data.');
    assert.deepEqual(shelve.properties, { severity: "low", confidence: "medium", "security-severity": "3.0" });
    assert.deepEqual(shelve.partialFingerprints, {
      primaryLocationLineHash: '=HYPERLINK("http://evil")',
      "pathfinderFingerprint/v1": '=HYPERLINK("http://evil")',
    });
  });

  it("locates artifact findings by member (logical location) and byte offset", () => {
    const artifact = sarifOf(sampleReport()).runs[0].results[0];
    const location = artifact.locations[0];
    assert.equal(location.physicalLocation.artifactLocation.uri, "models/classifier.pt");
    // The offset counts bytes inside the member, not the file: no region rather than a fake line 1.
    assert.equal(location.physicalLocation.region, undefined);
    assert.deepEqual(location.logicalLocations, [
      { name: "classifier/data.pkl", fullyQualifiedName: "models/classifier.pt/classifier/data.pkl", kind: "resource" },
    ]);
    assert.deepEqual(location.properties, { member: "classifier/data.pkl", offset: 118 });
    assert.equal(location.message.text, "Pickle opcode at byte offset 118 of member classifier/data.pkl");
    assert.equal(artifact.properties.offset, 118);
    assert.equal(artifact.properties.member, "classifier/data.pkl");
    assert.equal(artifact.properties.severity, "critical");
  });

  it("turns a trace into a code flow and a fix into replacements", () => {
    const pickle = sarifOf(sampleReport()).runs[0].results[2];
    const flow = pickle.codeFlows[0].threadFlows[0].locations;
    assert.equal(flow.length, 2);
    assert.deepEqual(flow[0].location.message, { text: "request.body flows into data" });
    assert.deepEqual(flow[0].location.physicalLocation.region, {
      startLine: 6, startColumn: 12, endLine: 6, endColumn: 24, snippet: { text: "    data = request.body" },
    });
    assert.deepEqual(pickle.fixes, [
      {
        description: { text: "Replace pickle.loads with json.loads" },
        artifactChanges: [
          {
            artifactLocation: { uri: "service/loader.py", uriBaseId: "%SRCROOT%" },
            replacements: [
              { deletedRegion: { startLine: 7, startColumn: 11, endLine: 7, endColumn: 23 }, insertedContent: { text: "json.loads" } },
            ],
          },
        ],
      },
    ]);
    const shelve = sarifOf(sampleReport()).runs[0].results[1];
    assert.equal(shelve.codeFlows, undefined);
    assert.equal(shelve.fixes, undefined);
  });

  it("leaves suppressed findings out by default: GitHub code scanning ignores `suppressions` and would open alerts", () => {
    const report = sampleReport();
    const results = sarifOf(report, { showSuppressed: false }).runs[0].results;
    assert.equal(results.length, report.findings.filter((f) => !f.suppressed).length);
    assert.equal(report.findings.filter((f) => f.suppressed).length, 1);
    assert.ok(results.every((r: AnyJson) => r.suppressions === undefined));
  });

  it("with showSuppressed, marks suppressed findings with SARIF suppressions: comments in source, baselines external", () => {
    const report = sampleReport();
    const results = sarifOf(report).runs[0].results;
    assert.deepEqual(results[4].suppressions, [
      { kind: "inSource", justification: "# nosec B301 - blob is signed by our own service", properties: { pathfinderKind: "nosec" } },
    ]);
    assert.equal(results[0].suppressions, undefined);
    report.findings[4]!.suppressed = { kind: "baseline", justification: "present in .pathfinder-baseline.json" };
    const log = sarifOf(report);
    assertValid(log);
    assert.equal(log.runs[0].results[4].suppressions[0].kind, "external");
  });

  it("reports input problems as tool execution notifications", () => {
    const invocation = sarifOf(sampleReport()).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, true);
    assert.equal(invocation.startTimeUtc, "2026-11-21T16:00:00.000Z");
    assert.equal(invocation.endTimeUtc, "2026-11-21T16:00:01.234Z");
    assert.deepEqual(invocation.toolExecutionNotifications, [
      {
        level: "warning",
        message: { text: "invalid syntax" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "service/broken.py", uriBaseId: "%SRCROOT%" },
              region: { startLine: 4, startColumn: 7 },
            },
          },
        ],
        properties: { kind: "syntax" },
      },
      {
        level: "error",
        message: { text: "file exceeds 2 GiB limit" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "models/huge.bin", uriBaseId: "%SRCROOT%" } } }],
        properties: { kind: "too-large" },
      },
    ]);

    const report = sampleReport();
    report.errors.push({ file: "", kind: "internal", level: "error", message: "worker crashed" });
    const failed = sarifOf(report);
    assertValid(failed);
    assert.equal(failed.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(failed.runs[0].invocations[0].toolExecutionNotifications[2].locations, undefined);
  });

  it("stays valid on awkward input: missing rule metadata, odd paths and versions, bad coordinates", () => {
    const report = sampleReport();
    report.rules = report.rules.filter((r) => r.id !== "PYTHON-LANG-SEC-045");
    report.tool = { name: "pathfinder", version: "dev build", informationUri: "" };
    report.scan.target = "C:\\Users\\dev\\ml service";
    report.scan.timestamp = "not a date";
    const shelve = report.findings[1]!;
    shelve.location = { ...shelve.location, file: "weird/100%:ü#?.py", line: 0, column: -3, endLine: 0, endColumn: 0 };
    const log = sarifOf(report);
    assertValid(log);

    const run = log.runs[0];
    assert.equal(run.tool.driver.semanticVersion, undefined);
    assert.equal(run.tool.driver.informationUri, undefined);
    assert.equal(run.tool.driver.rules[1].helpUri, undefined);
    assert.equal(run.originalUriBaseIds, undefined);
    assert.equal(run.invocations[0].startTimeUtc, undefined);
    const placeholder = run.tool.driver.rules.find((r: AnyJson) => r.id === "PYTHON-LANG-SEC-045");
    assert.equal(placeholder.name, "ShelveModuleUsage");
    assert.equal(run.tool.driver.rules[run.results[1].ruleIndex].id, "PYTHON-LANG-SEC-045");
    assert.equal(run.results[1].locations[0].physicalLocation.artifactLocation.uri, "weird/100%25%3A%C3%BC%23%3F.py");
    assert.deepEqual(
      { ...run.results[1].locations[0].physicalLocation.region, snippet: undefined },
      { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, snippet: undefined },
    );
  });

  it("writes URIs relative to the repository root when the project is a subfolder", () => {
    const log = sarifOf(sampleReport(), { pathPrefix: "services/ml" });
    assertValid(log);
    const run = log.runs[0];
    assert.equal(run.results[1].locations[0].physicalLocation.artifactLocation.uri, "services/ml/notebooks/Data%20Prep%20%28v2%29.py");
    assert.equal(run.results[2].fixes[0].artifactChanges[0].artifactLocation.uri, "services/ml/service/loader.py");
    assert.equal(run.results[2].codeFlows[0].threadFlows[0].locations[0].location.physicalLocation.artifactLocation.uri, "services/ml/service/loader.py");
    assert.equal(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, "services/ml/service/broken.py");
  });

  it("gives code scanning each result's own severity through a severity variant of its rule", () => {
    const report = sampleReport();
    const pickle = report.findings[2]!;
    pickle.severity = "medium"; // the rule's default is high
    const log = sarifOf(report);
    assertValid(log);
    const run = log.runs[0];
    const result = run.results[2];
    assert.equal(result.ruleId, "PYTHON-LANG-SEC-040/medium");
    assert.equal(result.level, "warning");
    assert.equal(result.properties["security-severity"], "5.0");
    assert.equal(result.properties.pathfinderRuleId, "PYTHON-LANG-SEC-040");
    const variant = run.tool.driver.rules[result.ruleIndex];
    assert.equal(variant.id, "PYTHON-LANG-SEC-040/medium");
    assert.equal(variant.properties["security-severity"], "5.0");
    assert.equal(variant.helpUri, "https://pathfinder.example.org/blob/main/docs/rules/PYTHON-LANG-SEC-040.md");
    // Findings at the rule's own severity keep the plain rule ID.
    assert.equal(run.results[4].ruleId, "PYTHON-LANG-SEC-040");
    assert.equal(run.tool.driver.rules[run.results[4].ruleIndex].properties["security-severity"], "7.0");
  });

  it("gives a finding in a plain pickle file a byte region instead of a line", () => {
    const report = sampleReport();
    const artifact = report.findings[0]!;
    artifact.location = { ...artifact.location, member: undefined, offset: 42 };
    delete artifact.location.member;
    const log = sarifOf(report);
    assertValid(log);
    assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.region, { byteOffset: 42, byteLength: 1 });
  });
});
