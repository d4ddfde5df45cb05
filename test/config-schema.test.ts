import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import AjvModule from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "smol-toml";
import { CONFIG_FLAG_KEYS, parseConfig, RULE_KEYS, TOP_LEVEL_KEYS } from "../src/project/config.js";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schemas", "pathfinder.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const FULL = `
exclude = ["legacy/**", "vendor"]
disable = ["PYTHON-ML-SEC-001"]
fail-on = "high"
skip-tests = true
include = ["src/**"]
pickle-policy = "allowlist"
pickle-allow = ["numpy.*", "collections.OrderedDict"]
output = ["sarif=results.sarif", "text"]
max-file-size = "10MB"
show-suppressed = false
exclude-rule = ["python/PYTHON-LANG-SEC-045"]
sarif-root = "."
docs-url = "https://docs.example.com/rules/{id}.html"

[rules.PYTHON-LANG-SEC-040]
extra-sinks = ["myapp.cache.load_blob"]
severity = "critical"

[rules.PYTHON-DESER-001]
extra-sources = ["myapp.transport.read_frame", "myapp.Client().fetch"]
extra-sanitizers = ["myapp.crypto.verified_payload"]

[per-file-ignores]
"tests/**" = ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-041"]
`;

describe("the published JSON Schema for pathfinder.toml", () => {
  it("names exactly the keys the configuration reader accepts", () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...TOP_LEVEL_KEYS].sort());
    assert.deepEqual(Object.keys(schema.properties.rules.additionalProperties.properties).sort(), [...RULE_KEYS].sort());
    for (const key of Object.keys(CONFIG_FLAG_KEYS)) assert.ok(schema.properties[key].description.startsWith(`--${key}`), key);
  });

  it("accepts a configuration that uses every key, as the reader does", () => {
    const doc = parse(FULL);
    assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
    const config = parseConfig(FULL, "/p/pathfinder.toml");
    assert.equal(config.flags?.["fail-on"], "high");
    assert.deepEqual(config.flags?.output, ["sarif=results.sarif", "text"]);
    assert.deepEqual(config.perFileIgnores, { "tests/**": ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-041"] });
  });

  it("rejects what the reader rejects", () => {
    for (const bad of ['[rules.PYTHON-DESER-001]\nextra-sources = ["read frame"]', '[rules.PYTHON-DESER-001]\nextra-sanitizers = "myapp.verify"']) {
      assert.equal(validate(parse(bad)), false, `schema rejects: ${bad}`);
      assert.throws(() => parseConfig(bad, "/p/pathfinder.toml"), /invalid configuration/, bad);
    }
    for (const bad of ['fail-on = "severe"', "skip-tests = \"yes\"", 'output = "pdf"', 'pickle-policy = "maybe"', "unknown-key = 1", '[rules.PYTHON-LANG-SEC-040]\nseverity = "urgent"', '[per-file-ignores]\n"x" = "PYTHON-LANG-SEC-040"']) {
      const doc = parse(bad);
      assert.equal(validate(doc), false, `schema rejects: ${bad}`);
    }
    for (const bad of ["skip-tests = \"yes\"", "unknown-key = 1", '[rules.PYTHON-LANG-SEC-040]\nseverity = "urgent"', '[per-file-ignores]\n"x" = "PYTHON-LANG-SEC-040"']) {
      assert.throws(() => parseConfig(bad, "/p/pathfinder.toml"), /invalid configuration/, bad);
    }
  });
});

describe("configuration keys for what CI sets on the command line", () => {
  const VULN = "import pickle\n\ndef f(b):\n    return pickle.loads(b)\n";

  it("fail-on, output and per-file-ignores from pathfinder.toml; the command line wins", async () => {
    const dir = tempProject({
      "pathfinder.toml": 'fail-on = "high"\noutput = ["sarif=out/results.sarif", "text"]\n\n[per-file-ignores]\n"tests/**" = ["PYTHON-LANG-SEC-040"]\n',
      "app.py": VULN,
      "tests/test_app.py": VULN,
    });
    const r = await runCli(["scan", "-q"], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /app\.py:4/);
    assert.doesNotMatch(r.stdout, /tests\/test_app\.py:4/);
    const sarif = JSON.parse(readFileSync(join(dir, "out", "results.sarif"), "utf8"));
    assert.deepEqual(sarif.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri), ["app.py"]);
    const shown = await runCli(["scan", "-q", "--show-suppressed", "-o", "json"], { cwd: dir });
    const suppressed = JSON.parse(shown.stdout).results.find((f: any) => f.location.file === "tests/test_app.py");
    assert.deepEqual(suppressed.suppressed, { kind: "config", justification: 'per-file-ignores "tests/**" in pathfinder.toml' });
    const overridden = await runCli(["scan", "-q", "--fail-on", "critical", "-o", "json"], { cwd: dir });
    assert.equal(overridden.code, 0, overridden.stderr);
  });
});
