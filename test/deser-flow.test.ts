// PYTHON-DESER-001 through the CLI: the trace in JSON, SARIF codeFlows and text, wrappers across functions, the
// default rule set, and the pattern rules still reporting every call.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runCli, tempProject } from "./helpers/cli.js";

const APP = `import base64
import pickle

from flask import Flask, request

app = Flask(__name__)


def unpickle(blob):
    return pickle.loads(blob)


@app.route("/restore", methods=["POST"])
def restore():
    state = request.form["state"]
    return unpickle(base64.b64decode(state))


def internal():
    return pickle.loads(open("cache.pkl", "rb").read())
`;

describe("PYTHON-DESER-001 through the CLI", () => {
  it("reports the wrapper's caller with the trace in JSON and SARIF codeFlows, and only flows", async () => {
    const root = tempProject({ "app.py": APP });
    const json = await runCli(["scan", "--project", root, "--output", "json", "--no-cache"]);
    assert.notEqual(json.code, 2, json.stderr);
    const results = JSON.parse(json.stdout).results as { rule_id: string; location: { line: number }; trace?: { location: { line: number }; message: string }[] }[];
    const flows = results.filter((r) => r.rule_id === "PYTHON-DESER-001");
    assert.deepEqual(flows.map((r) => r.location.line), [16], "default rule set: only the call that passes request data");
    const trace = flows[0].trace!;
    assert.deepEqual(trace.map((s) => s.location.line), [15, 15, 15, 16, 16, 9, 10]);
    assert.match(trace[0].message, /^source: Flask form data/);
    assert.match(trace.at(-1)!.message, /^sink: pickle\.loads/);
    // The pattern rule still reports both loads.
    assert.deepEqual(results.filter((r) => r.rule_id === "PYTHON-LANG-SEC-040").map((r) => r.location.line).sort(), [10, 20]);

    const sarif = await runCli(["scan", "--project", root, "--ruleset", "python/PYTHON-DESER-001", "--output", "sarif", "--no-cache"]);
    const run = JSON.parse(sarif.stdout).runs[0];
    assert.equal(run.results.length, 1);
    const steps = run.results[0].codeFlows[0].threadFlows[0].locations;
    assert.equal(steps.length, trace.length);
    assert.equal(steps[0].location.physicalLocation.region.startLine, 15);
    assert.equal(steps.at(-1).location.physicalLocation.region.startLine, 10);
    assert.equal(run.tool.driver.rules[0].id, "PYTHON-DESER-001");
    assert.deepEqual(run.tool.driver.rules[0].properties.tags.includes("cwe-502"), true);

    const text = await runCli(["scan", "--project", root, "--ruleset", "python/PYTHON-DESER-001", "--no-cache"]);
    assert.match(text.stdout, /CRITICAL\s+PYTHON-DESER-001/);
    assert.match(text.stdout, /Trace:\n\s+1\. app\.py:15:\d+\s+source: Flask form data/);
  });

  it("is in the python/lang and python/deserialization bundles", async () => {
    for (const bundle of ["python/lang", "python/deserialization"]) {
      const list = await runCli(["rules", "list", "--bundle", bundle]);
      assert.match(list.stdout, /^PYTHON-DESER-001\s+critical\s+Untrusted Data Reaches a Deserializer/m, bundle);
    }
  });
});
