// A realistic ScanReport built by hand for the reporter tests. Locations of the Python findings match
// test/data/report/service/loader.py exactly (columns are 1-based, end exclusive).

import type { Finding, RuleMeta, ScanReport } from "../../../src/core/types.js";

export const TARGET = "/home/dev/projects/ml-service";

function rule(partial: Pick<RuleMeta, "id" | "name" | "severity" | "language"> & Partial<RuleMeta>): RuleMeta {
  return {
    confidence: "high",
    precision: "high",
    cwe: ["CWE-502"],
    owasp: ["A08:2021"],
    compliance: [{ framework: "OWASP ASVS", control: "5.5.3" }],
    tags: ["deserialization"],
    bundles: ["deserialization"],
    banditIds: [],
    similar: [],
    docs: {
      summary: `Finds ${partial.name.toLowerCase()}.`,
      description: `**${partial.name}**: deserializing untrusted data can run arbitrary code.`,
      securityImplications: "An attacker who controls the bytes controls the process.",
      howToFix: "Use a data-only format such as JSON.",
      fixHint: "Use json.loads or a safe loader instead.",
      vulnerableExample: "import pickle\nobj = pickle.loads(request.body)\n",
      safeExample: "import json\nobj = json.loads(request.body)\n",
      detectionScope: "Calls resolved through imports and aliases.",
      references: [
        { title: "CWE-502: Deserialization of Untrusted Data", url: "https://cwe.mitre.org/data/definitions/502.html" },
        { title: "Python [pickle] docs", url: "https://docs.python.org/3/library/pickle.html" },
      ],
      faq: [],
    },
    ...partial,
  };
}

export const RULES: RuleMeta[] = [
  rule({ id: "ARTIFACT-PICKLE-001", name: "Dangerous Global in Pickle Artifact", severity: "critical", language: "artifact", tags: ["pickle", "artifact"] }),
  rule({ id: "PYTHON-LANG-SEC-040", name: "Pickle Deserialization of Untrusted Data", severity: "high", language: "python", tags: ["pickle"], banditIds: ["B301"] }),
  rule({ id: "PYTHON-LANG-SEC-043", name: "yaml.load With Unsafe Loader", severity: "medium", language: "python", tags: ["yaml"], precision: "very-high" }),
  rule({ id: "PYTHON-LANG-SEC-045", name: "Shelve Module Usage", severity: "low", language: "python", tags: ["shelve"], confidence: "medium", precision: "medium" }),
];

const artifactFinding: Finding = {
  ruleId: "ARTIFACT-PICKLE-001",
  ruleName: "Dangerous Global in Pickle Artifact",
  message: "Pickle calls posix.system (REDUCE): loading this file runs a shell command.",
  severity: "critical",
  confidence: "high",
  location: {
    file: "models/classifier.pt",
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    snippet: "GLOBAL 'posix system'\nREDUCE",
    member: "classifier/data.pkl",
    offset: 118,
  },
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  fingerprint: "a1f0c3d2e4b5a6978877665544332211",
};

const pickleFinding: Finding = {
  ruleId: "PYTHON-LANG-SEC-040",
  ruleName: "Pickle Deserialization of Untrusted Data",
  message: "pickle.loads() deserializes request.body, which comes from the client.",
  severity: "high",
  confidence: "high",
  location: { file: "service/loader.py", line: 7, column: 11, endLine: 7, endColumn: 29, snippet: "    obj = pickle.loads(data)" },
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  fingerprint: "0b9d6c1e2f3a4b5c6d7e8f9011223344",
  trace: [
    {
      location: { file: "service/loader.py", line: 6, column: 12, endLine: 6, endColumn: 24, snippet: "    data = request.body" },
      message: "request.body flows into data",
    },
    {
      location: { file: "service/loader.py", line: 7, column: 11, endLine: 7, endColumn: 29, snippet: "    obj = pickle.loads(data)" },
      message: "data is unpickled",
    },
  ],
  fix: {
    description: "Replace pickle.loads with json.loads",
    edits: [{ line: 7, column: 11, endLine: 7, endColumn: 23, newText: "json.loads" }],
  },
};

const yamlFinding: Finding = {
  ruleId: "PYTHON-LANG-SEC-043",
  ruleName: "yaml.load With Unsafe Loader",
  message: "yaml.load() with Loader=yaml.Loader can construct arbitrary Python objects.",
  severity: "medium",
  confidence: "high",
  location: {
    file: "service/loader.py",
    line: 13,
    column: 10,
    endLine: 14,
    endColumn: 22,
    snippet: "\t\treturn yaml.load(fh,\n\t\t\tLoader=yaml.Loader)",
  },
  cwe: ["CWE-502", "CWE-20"],
  owasp: ["A08:2021"],
  fingerprint: "5566778899aabbccddeeff0011223344",
  fix: {
    description: "Use yaml.SafeLoader",
    edits: [{ line: 14, column: 11, endLine: 14, endColumn: 22, newText: "yaml.SafeLoader" }],
  },
};

const shelveFinding: Finding = {
  ruleId: "PYTHON-LANG-SEC-045",
  ruleName: "Shelve Module Usage",
  message: "shelve.open() unpickles values, \"cache\" must never hold untrusted data.",
  severity: "low",
  confidence: "medium",
  location: { file: "notebooks/Data Prep (v2).py", line: 3, column: 6, endLine: 3, endColumn: 26, snippet: 'db = shelve.open("cache")' },
  cwe: ["CWE-502"],
  owasp: [],
  fingerprint: "=HYPERLINK(\"http://evil\")",
};

const suppressedFinding: Finding = {
  ruleId: "PYTHON-LANG-SEC-040",
  ruleName: "Pickle Deserialization of Untrusted Data",
  message: "pickle.loads() deserializes blob.",
  severity: "high",
  confidence: "medium",
  location: { file: "service/loader.py", line: 18, column: 12, endLine: 18, endColumn: 30, snippet: "    return pickle.loads(blob)  # nosec B301 - blob is signed by our own service" },
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  fingerprint: "ffeeddccbbaa99887766554433221100",
  suppressed: { kind: "nosec", justification: "# nosec B301 - blob is signed by our own service" },
};

/** Five findings (one per severity, plus a suppressed high), two input problems. A fresh copy each call. */
export function sampleReport(): ScanReport {
  return structuredClone({
    tool: { name: "pathfinder", version: "0.1.0", informationUri: "https://pathfinder.example.org" },
    scan: {
      target: TARGET,
      timestamp: "2026-11-21T16:00:00.000Z",
      durationMs: 1234,
      rulesExecuted: RULES.map((r) => r.id),
      filesScanned: 42,
    },
    rules: RULES,
    findings: [artifactFinding, shelveFinding, pickleFinding, yamlFinding, suppressedFinding],
    errors: [
      { file: "service/broken.py", kind: "syntax", level: "warning", message: "invalid syntax", line: 4, column: 7 },
      { file: "models/huge.bin", kind: "too-large", level: "error", message: "file exceeds 2 GiB limit" },
    ],
  } satisfies ScanReport);
}

export function emptyReport(): ScanReport {
  const report = sampleReport();
  report.findings = [];
  report.errors = [];
  return report;
}
