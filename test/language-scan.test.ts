// Java, C# and PHP in project scans, run as a user runs them: rulesets, reporters with traces, suppressions in
// each language's idiom, configuration, and lazy grammar loading.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeLanguageSource } from "../src/index.js";
import { loadedGrammars } from "../src/project/grammars.js";
import { runMain, tempTree } from "./data/config/cli.js";

const JAVA_CONTROLLER = `package com.example;

import java.io.ObjectInputStream;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

public class StateController {
    @PostMapping("/state")
    public Object restore(@RequestBody byte[] body) throws Exception {
        ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(body));
        return in.readObject();
    }

    @SuppressWarnings({"unchecked", "pathfinder:JAVA-LANG-SEC-001"})
    Object cached(java.io.InputStream s) throws Exception {
        return new ObjectInputStream(s).readObject();
    }
}
`;

const CSHARP_SETTINGS = `using Newtonsoft.Json;

public class Settings
{
    public static readonly JsonSerializerSettings Unsafe = new() { TypeNameHandling = TypeNameHandling.All };
}
`;

const PHP_SCRIPT = `<?php
$cart = unserialize($_COOKIE['cart']);
$ok = unserialize($blob, ['allowed_classes' => false]);
`;

describe("Java, C# and PHP in project scans", () => {
  const project = tempTree({
    "app/main.py": "import json\nprint(json.loads('{}'))\n",
    "java/src/StateController.java": JAVA_CONTROLLER,
    "dotnet/Settings.cs": CSHARP_SETTINGS,
    "web/cart.php": PHP_SCRIPT,
    "web/README.md": "unserialize($_GET) is documented here, not code\n",
  });
  const pythonOnly = tempTree({ "main.py": "import pickle\npickle.loads(b'')\n", "notes.txt": "ObjectInputStream readObject\n" });
  after(() => {
    project.cleanup();
    pythonOnly.cleanup();
  });

  it("a Python-only project loads no other grammar", async () => {
    const run = await runMain(["scan", "--project", pythonOnly.root, "--output", "json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(loadedGrammars(), []);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.results.map((r: { rule_id: string }) => r.rule_id), ["PYTHON-LANG-SEC-040"]);
  });

  it("reports each language with its rules; request data makes a finding critical with a trace", async () => {
    const run = await runMain(["scan", "--project", project.root, "--output", "json", "--fail-on", "critical"]);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    const found = report.results.map((r: { rule_id: string; severity: string; location: { file: string; line: number } }) => `${r.rule_id} ${r.severity} ${r.location.file}:${r.location.line}`);
    assert.deepEqual(found.sort(), [
      "CSHARP-LANG-SEC-004 high dotnet/Settings.cs:5",
      "JAVA-LANG-SEC-001 critical java/src/StateController.java:11",
      "PHP-LANG-SEC-001 critical web/cart.php:2",
    ]);
    assert.ok(report.scan.rules_executed.includes("JAVA-LANG-SEC-001"));
    const java = report.results.find((r: { rule_id: string }) => r.rule_id === "JAVA-LANG-SEC-001");
    assert.deepEqual(
      java.trace.map((s: { location: { line: number } }) => s.location.line),
      [9, 10, 11],
      "parameter -> assignment -> read",
    );
    assert.equal(report.summary.suppressed, 1, "@SuppressWarnings(\"pathfinder:ID\") suppresses");
    assert.deepEqual(loadedGrammars(), ["csharp", "java", "php"]);
  });

  it("findings that read data carry trust, so --min-trust applies to Java, C# and PHP; settings carry none and always count", async () => {
    const tree = tempTree({
      "web/cart.php": PHP_SCRIPT + "$copy = unserialize(serialize($cart));\n$other = unserialize($blob);\n",
      "dotnet/Settings.cs": CSHARP_SETTINGS,
    });
    try {
      const trusts = async (args: string[]) => {
        const run = await runMain(["scan", "--project", tree.root, "--output", "json", ...args]);
        assert.equal(run.code, 0, run.stderr);
        return JSON.parse(run.stdout).results.map((r: { rule_id: string; trust?: string; location: { line: number } }) => `${r.rule_id}:${r.location.line} ${r.trust ?? "-"}`).sort();
      };
      assert.deepEqual(await trusts([]), ["CSHARP-LANG-SEC-004:5 -", "PHP-LANG-SEC-001:2 untrusted", "PHP-LANG-SEC-001:4 internal", "PHP-LANG-SEC-001:5 unknown"]);
      assert.deepEqual(await trusts(["--min-trust", "unknown"]), ["CSHARP-LANG-SEC-004:5 -", "PHP-LANG-SEC-001:2 untrusted", "PHP-LANG-SEC-001:5 unknown"]);
      assert.deepEqual(await trusts(["--min-trust", "untrusted"]), ["CSHARP-LANG-SEC-004:5 -", "PHP-LANG-SEC-001:2 untrusted"]);
    } finally {
      tree.cleanup();
    }
  });

  it("--ruleset selects one language; SARIF carries the trace as a code flow and the rule's help", async () => {
    const run = await runMain(["scan", "--project", project.root, "--ruleset", "java/all", "--output", "sarif"]);
    assert.equal(run.code, 0, run.stderr);
    const sarif = JSON.parse(run.stdout);
    const results = sarif.runs[0].results;
    // A finding graded above its rule's default (critical through data flow) points at a severity variant descriptor.
    assert.deepEqual([...new Set(results.map((r: { properties: { pathfinderRuleId: string } }) => r.properties.pathfinderRuleId))], ["JAVA-LANG-SEC-001"]);
    assert.ok(results.some((r: { ruleId: string }) => r.ruleId === "JAVA-LANG-SEC-001/critical"));
    const flow = results.find((r: { codeFlows?: unknown[] }) => r.codeFlows).codeFlows[0].threadFlows[0].locations;
    assert.equal(flow.length, 3);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "JAVA-LANG-SEC-001");
    assert.match(rule.help.markdown, /```java/);
    assert.ok(rule.properties.tags.includes("CWE-502") || rule.properties.tags.includes("cwe-502"));
  });

  it("a bare rule ID and per-rule severities from the configuration apply", async () => {
    const configured = tempTree({
      "pathfinder.toml": '[rules.PHP-LANG-SEC-001]\nseverity = "low"\n\n[rules.CSHARP-LANG-SEC-004]\nseverity = "medium"\n',
      "cart.php": PHP_SCRIPT,
      "Settings.cs": CSHARP_SETTINGS,
    });
    try {
      const run = await runMain(["scan", "--project", configured.root, "--ruleset", "PHP-LANG-SEC-001", "--output", "json"]);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(report.scan.rules_executed, ["PHP-LANG-SEC-001"]);
      // Request data still makes it critical: the trace outranks a configured severity only upward.
      assert.deepEqual(report.results.map((r: { severity: string }) => r.severity), ["critical"]);
      const cs = JSON.parse((await runMain(["scan", "--project", configured.root, "--ruleset", "csharp/all", "--output", "json"])).stdout);
      assert.deepEqual(cs.results.map((r: { severity: string }) => r.severity), ["medium"]);
      const unknown = await runMain(["scan", "--project", configured.root, "--ruleset", "java/nothing"]);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown ruleset "java\/nothing"/);
    } finally {
      configured.cleanup();
    }
  });

  it("a file that does not parse is a warning and the rest is scanned", async () => {
    const broken = tempTree({ "Broken.java": "import java.io.*;\nclass B { Object f(InputStream s) { return new ObjectInputStream(s).readObject(); }\n  void g( {\n", "bin.php": Buffer.from([0x3c, 0x3f, 0x70, 0x68, 0x70, 0x20, 0x00, 0x75, 0x6e, 0x73, 0x65, 0x72, 0x69, 0x61, 0x6c, 0x69, 0x7a, 0x65]) });
    try {
      const run = await runMain(["scan", "--project", broken.root, "--output", "json"]);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(report.results.map((r: { location: { line: number } }) => r.location.line), [2]);
      assert.deepEqual(report.errors.map((e: { kind: string; file: string }) => `${e.kind} ${e.file}`).sort(), ["binary bin.php", "syntax Broken.java"]);
    } finally {
      broken.cleanup();
    }
  });
});

describe("mitigations lower a finding instead of hiding it", () => {
  const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
  const severityAt = async (file: string, line: number) => {
    const { findings } = await analyzeLanguageSource(readFileSync(join(FIXTURES, file), "utf8"), { path: file });
    return findings.filter((f) => f.location.line === line).map((f) => `${f.severity}/${f.confidence}`);
  };

  it("Java: an ObjectInputFilter set before the read is low, after it stays high; a resolveClass override is medium", async () => {
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-001/Vulnerable.java", 97), ["low/low"]);
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-001/Vulnerable.java", 95), ["high/high"]);
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-001/Vulnerable.java", 90), ["medium/medium"]);
  });

  it("XStream without permissions is medium, with AnyTypePermission high; Json.NET with a binder is medium", async () => {
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-003/Vulnerable.java", 11), ["high/high"]);
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-003/Vulnerable.java", 22), ["medium/medium"]);
    assert.deepEqual(await severityAt("CSHARP-LANG-SEC-004/Vulnerable.cs", 31), ["medium/low"]);
    assert.deepEqual(await severityAt("CSHARP-LANG-SEC-004/Vulnerable.cs", 8), ["high/high"]);
  });

  it("SnakeYAML: a Yaml from the class's own factory is judged by what it returns; a getClassForName filter is medium", async () => {
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-004/Factory.java", 26), ["high/high"]);
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-004/Factory.java", 39), ["medium/medium"]);
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-004/Factory.java", 49), ["high/high"]);
  });

  it("RMI: a remote interface taking objects is high, one taking only strings medium", async () => {
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-013/Vulnerable.java", 7), ["high/high"]);
    assert.deepEqual(await severityAt("JAVA-LANG-SEC-013/Vulnerable.java", 17), ["medium/medium"]);
  });

  it("fastJSON is medium while its gadget blocklist is on", async () => {
    assert.deepEqual(await severityAt("CSHARP-LANG-SEC-007/Vulnerable.cs", 23), ["medium/medium"]);
  });

  it("PHP: allowed_classes taken from the wrapper's parameter is low", async () => {
    assert.deepEqual(await severityAt("PHP-LANG-SEC-001/vulnerable.php", 58), ["low/medium"]);
  });
});
