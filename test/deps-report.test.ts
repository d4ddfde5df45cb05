// Dependency findings and the SBOM through the real CLI on real manifest files: text, JSON, SARIF (manifest line
// locations, schema-valid), CycloneDX 1.6 (validated against the official schema shipped by the CycloneDX
// library), inline suppression on manifest lines, and the cross-signal note on code findings.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import AjvModule from "ajv";
import addFormatsModule from "ajv-formats";
import { runCli, tempProject } from "./helpers/cli.js";

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
const require = createRequire(import.meta.url);
const SCHEMAS = join(dirname(require.resolve("@cyclonedx/cyclonedx-library/package.json")), "res", "schema");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed reports are navigated freely; schemas check their shape.
type AnyJson = any;
const load = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, name), "utf8")) as Record<string, unknown>;

function cycloneDxValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // bom-1.6 refers to its siblings by file name, relative to its own $id.
  for (const name of ["spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json"]) {
    ajv.addSchema({ ...load(name), $id: `http://cyclonedx.org/schema/${name}` });
  }
  return ajv.compile(load("bom-1.6.SNAPSHOT.schema.json"));
}

const sarifSchema = JSON.parse(readFileSync(new URL("../../test/schemas/sarif-schema-2.1.0.json", import.meta.url), "utf8"));

const PROJECT = {
  "requirements.txt": ["# pinned", "torch==2.5.1", "joblib==1.4.2", "PyYAML>=5.1 ; python_version < '3.12'", "numpy==1.16.0  # pathfinder: ignore[PYTHON-DEPS-SEC-001] reviewed", ""].join("\n"),
  "pyproject.toml": ['[project]', 'name = "demo"', 'dependencies = [', '  "keras==3.8.0",', '  "requests>=2",', "]", ""].join("\n"),
  "app/model.py": ["import torch", "", "def restore(path):", "    return torch.load(path, weights_only=True)", "", "def legacy(path):", "    return torch.load(path)", ""].join("\n"),
};

describe("dependency findings in reports", () => {
  it("text and JSON report manifest findings on their lines, with suppression and cross-signals", async () => {
    const dir = tempProject(PROJECT);
    const r = await runCli(["scan", "--project", dir, "-o", "json", "--show-suppressed", "-q"]);
    assert.equal(r.code, 0, r.stderr);
    const report: AnyJson = JSON.parse(r.stdout);
    const findings = report.results as { rule_id: string; location: { file: string; line: number; column: number }; message: string; severity: string; suppressed?: unknown }[];
    const at = (file: string, line: number) => findings.filter((f) => f.location.file === file && f.location.line === line);
    const torch = at("requirements.txt", 2);
    assert.equal(torch.length, 1);
    assert.equal(torch[0].rule_id, "PYTHON-DEPS-SEC-001");
    assert.equal(torch[0].severity, "critical");
    assert.match(torch[0].message, /CVE-2025-32434/);
    assert.match(torch[0].message, /torch>=2\.10\.0/);
    assert.equal(at("requirements.txt", 3).length, 0, "joblib has no row in the advisory table");
    const yaml = at("requirements.txt", 4);
    assert.equal(yaml[0]?.rule_id, "PYTHON-DEPS-SEC-002");
    assert.match(yaml[0].message, /python_version < '3\.12'/);
    const numpy = at("requirements.txt", 5);
    assert.ok(numpy[0]?.suppressed, "an inline pathfinder: ignore on the manifest line suppresses it");
    const keras = at("pyproject.toml", 4);
    assert.equal(keras[0]?.rule_id, "PYTHON-DEPS-SEC-001");
    assert.equal(keras[0].location.column, 3);
    const bypass = at("app/model.py", 4);
    assert.equal(bypass[0]?.rule_id, "PYTHON-DEPS-SEC-003");
    assert.match(bypass[0].message, /requirements\.txt:2/);
    // torch 2.5.1 is also affected by CVE-2026-24747 (fixed in 2.10.0): 2.6 would not be enough.
    assert.match(bypass[0].message, /Upgrade torch to >=2\.10\.0/);
    const legacy = at("app/model.py", 7).find((f) => f.rule_id === "PYTHON-ML-SEC-001");
    assert.ok(legacy, "torch.load without weights_only is still reported");
    assert.equal(legacy.severity, "high");
    assert.match(legacy.message, /pins torch 2\.5\.1 \(pinned in requirements\.txt:2\), where `weights_only` defaults to False/);

    const text = await runCli(["scan", "--project", dir, "-q"]);
    assert.match(text.stdout, /requirements\.txt:2:1\s+CRITICAL\s+PYTHON-DEPS-SEC-001/);
  });

  it("SARIF locates manifest findings on the manifest line and stays schema-valid", async () => {
    const dir = tempProject(PROJECT);
    const r = await runCli(["scan", "--project", dir, "-o", "sarif", "-q"]);
    const log: AnyJson = JSON.parse(r.stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    const valid: boolean = validate(structuredClone(log));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const result = log.runs[0].results.find((x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      x.ruleId === "PYTHON-DEPS-SEC-001" && x.locations[0].physicalLocation.artifactLocation.uri === "pyproject.toml");
    assert.ok(result);
    assert.equal(result.locations[0].physicalLocation.region.startLine, 4);
    assert.ok(log.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === "PYTHON-DEPS-SEC-002"));
  });

  it("--output cyclonedx writes a CycloneDX 1.6 SBOM valid against the official schema", async () => {
    const dir = tempProject({
      ...PROJECT,
      "poetry.lock": ['[[package]]', 'name = "dill"', 'version = "0.3.8"', "", '[[package]]', 'name = "pyyaml"', 'version = "5.3.1"', ""].join("\n"),
    });
    const r = await runCli(["scan", "--project", dir, "-o", "cyclonedx", "-q"]);
    const bom: AnyJson = JSON.parse(r.stdout);
    const validate = cycloneDxValidator();
    const valid: boolean = validate(structuredClone(bom));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(bom.specVersion, "1.6");
    type Component = { name: string; version?: string; purl: string; "bom-ref": string; properties: { name: string; value: string }[] };
    const components = bom.components as Component[];
    const byRef = new Map(components.map((c) => [c["bom-ref"], c]));
    const torch = byRef.get("pkg:pypi/torch@2.5.1");
    assert.ok(torch);
    assert.ok(torch.properties.some((p) => p.name === "pathfinder:pickle" && p.value === "true"));
    assert.ok(torch.properties.some((p) => p.name === "pathfinder:manifest" && p.value === "requirements.txt:2"));
    const dill = byRef.get("pkg:pypi/dill@0.3.8");
    assert.ok(dill?.properties.some((p) => p.name === "pathfinder:locked"));
    assert.ok(dill?.properties.some((p) => p.name === "pathfinder:pickle"));
    const requests = byRef.get("pkg:pypi/requests");
    assert.ok(requests && !requests.properties.some((p) => p.name === "pathfinder:pickle"), "requests does not unpickle");
    const vulns = bom.vulnerabilities as { id: string; affects: { ref: string; versions: { version?: string; status: string }[] }[] }[];
    const cve = vulns.find((v) => v.id === "CVE-2025-32434");
    assert.ok(cve);
    assert.deepEqual(cve.affects.map((a) => a.ref), ["pkg:pypi/torch@2.5.1"]);
    assert.ok(cve.affects[0].versions.some((v) => v.version === "2.5.1" && v.status === "affected"));
    assert.ok(vulns.some((v) => v.id === "CVE-2020-14343" && v.affects.some((a) => a.ref === "pkg:pypi/pyyaml@5.3.1")));
    // Deterministic apart from the timestamp.
    const again = JSON.parse((await runCli(["scan", "--project", dir, "-o", "cyclonedx", "-q"])).stdout);
    assert.equal(again.serialNumber, bom.serialNumber);
  });

  it("a broken manifest is a warning and the scan goes on", async () => {
    const dir = tempProject({ "pyproject.toml": "[project\ndependencies = [", "requirements.txt": "torch==2.5.1\n" });
    const r = await runCli(["scan", "--project", dir, "-o", "json", "-q"]);
    const report: AnyJson = JSON.parse(r.stdout);
    assert.ok(report.errors.some((e: { file: string; message: string }) => e.file === "pyproject.toml" && /invalid TOML/.test(e.message)));
    assert.ok(report.results.some((f: { location: { file: string } }) => f.location.file === "requirements.txt"));
  });
});

describe("where a pinned version applies", () => {
  type Report = { results: { rule_id: string; severity: string; location: { file: string; line: number } }[] };
  const seen = (report: Report) =>
    report.results.filter((f) => f.rule_id !== "PYTHON-DEPS-SEC-001").map((f) => `${f.location.file}:${f.location.line} ${f.rule_id} ${f.severity}`).sort();

  it("a requirements.txt beside an example's code pins that example only; one in a folder without code pins the project", async () => {
    const dir = tempProject({
      "examples/demo/requirements.txt": "torch==1.12.1\n",
      "examples/demo/run.py": "import torch\nstate = torch.load(path)\nsafe = torch.load(path, weights_only=True)\n",
      "fairlib/checkpoint.py": "import torch\nstate = torch.load(path)\nsafe = torch.load(path, weights_only=True)\n",
    });
    const report = JSON.parse((await runCli(["scan", "--project", dir, "-o", "json", "-q"])).stdout) as Report;
    assert.deepEqual(seen(report), [
      "examples/demo/run.py:2 PYTHON-ML-SEC-001 high",
      "examples/demo/run.py:3 PYTHON-DEPS-SEC-003 high",
      "fairlib/checkpoint.py:2 PYTHON-ML-SEC-001 medium",
    ]);
    const wide = tempProject({
      "requirements/base.txt": "torch==1.12.1\n",
      "src/app/load.py": "import torch\nstate = torch.load(path)\nsafe = torch.load(path, weights_only=True)\n",
    });
    const all = JSON.parse((await runCli(["scan", "--project", wide, "-o", "json", "-q"])).stdout) as Report;
    assert.deepEqual(seen(all), ["src/app/load.py:2 PYTHON-ML-SEC-001 high", "src/app/load.py:3 PYTHON-DEPS-SEC-003 high"]);
    // A requirements folder with a script beside its pins (pytorch-lightning's collect_env_details.py) still pins the project.
    const scripted = tempProject({
      "requirements/typing.txt": "torch==1.12.1\n",
      "requirements/collect_env_details.py": "import sys\nprint(sys.version)\n",
      "src/app/load.py": "import torch\nstate = torch.load(path)\nsafe = torch.load(path, weights_only=True)\n",
    });
    const withScript = JSON.parse((await runCli(["scan", "--project", scripted, "-o", "json", "-q"])).stdout) as Report;
    assert.deepEqual(seen(withScript), ["src/app/load.py:2 PYTHON-ML-SEC-001 high", "src/app/load.py:3 PYTHON-DEPS-SEC-003 high"]);
  });
});
