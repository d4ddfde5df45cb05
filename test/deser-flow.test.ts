// PYTHON-DESER-001 through the CLI: the trace in JSON, SARIF codeFlows and text, wrappers across functions, the
// default rule set, and the pattern rules still reporting every call.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { join } from "node:path";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";

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

  it("lists every source of one sink: JSON sources[], one SARIF codeFlow per source, text, HTML", async () => {
    const root = tempProject({
      "app.py": [
        "import pickle",
        "from flask import request",
        "",
        "def view():",
        "    if request.args.get('mode'):",
        "        blob = request.form['state']",
        "    else:",
        "        blob = request.cookies.get('state')",
        "    return pickle.loads(blob + request.headers['X-Extra'])",
        "",
      ].join("\n"),
    });
    const json = await runCli(["scan", "--project", root, "--ruleset", "python/PYTHON-DESER-001", "--output", "json", "--no-cache"]);
    const results = JSON.parse(json.stdout).results as { location: { line: number }; trace: unknown[]; sources: { location: { line: number }; message: string; trace: { location: { line: number } }[] }[] }[];
    assert.equal(results.length, 1, "one finding for the sink");
    const sources = results[0].sources;
    assert.deepEqual(sources.map((s) => s.location.line).sort(), [6, 8, 9]);
    assert.ok(sources.every((s) => s.message.startsWith("source: ") && s.trace.at(-1)!.location.line === 9));
    assert.deepEqual(sources[0].trace, results[0].trace, "the first source is the one the trace follows");

    const sarif = await runCli(["scan", "--project", root, "--ruleset", "python/PYTHON-DESER-001", "--output", "sarif", "--no-cache"]);
    const flows = JSON.parse(sarif.stdout).runs[0].results[0].codeFlows as { message: { text: string }; threadFlows: { locations: unknown[] }[] }[];
    assert.equal(flows.length, 3);
    assert.deepEqual(flows.map((f) => f.message.text).sort(), sources.map((s) => s.message).sort());

    const text = await runCli(["scan", "--project", root, "--ruleset", "python/PYTHON-DESER-001", "--no-cache"]);
    assert.match(text.stdout, /Sources \(3; the trace follows the first\):/);
    assert.match(text.stdout, /Also reached from 2 other sources/);

    const html = await runCli(["scan", "--project", root, "--ruleset", "python/PYTHON-DESER-001", "--output", "html", "--no-cache"]);
    const summaries = [...html.stdout.matchAll(/<summary>Source (\d) of 3: (.*?) \((\d+) steps\)<\/summary>/g)];
    assert.deepEqual(summaries.map((m) => m[1]), ["1", "2", "3"], "the HTML report folds out every source's trace");
    assert.ok(summaries.every((m) => m[2].startsWith("source: ")));
  });

  it("follows wrappers, sources and propagators defined in other modules, with the trace across files", async () => {
    const project = join(REPO_ROOT, "fixtures", "PYTHON-DESER-001", "projects", "webapp");
    const cacheDir = tempProject({});
    const run = (cache: string[]) => runCli(["scan", "--project", project, "--ruleset", "python/PYTHON-DESER-001", "--output", "json", ...cache]);
    const cold = await run(["--cache-dir", cacheDir]);
    const warm = await run(["--cache-dir", cacheDir]);
    const none = await run(["--no-cache"]);
    type Result = { location: { file: string; line: number }; message: string; trace: { location: { file: string; line: number }; message: string }[] };
    const results = (r: { stdout: string }) => (JSON.parse(r.stdout).results as Result[]).map((x) => ({ file: x.location.file, line: x.location.line, message: x.message, trace: x.trace }));
    assert.deepEqual(results(cold), results(none), "a cold cache gives the results of --no-cache");
    assert.deepEqual(results(warm), results(none), "a warm cache gives the results of --no-cache");
    const found = results(none);
    const at = (line: number) => found.find((f) => f.file === "app/views.py" && f.line === line)!;
    // A method of a class in another module returns request data (`self.request.form`).
    const method = at(36).trace;
    assert.equal(method[0].location.file, "app/requests_util.py");
    assert.match(method.find((s) => s.message.startsWith("source: "))!.message, /self\.request\.form/);
    assert.equal(method.at(-1)!.location.file, "app/views.py");
    // A wrapper of a wrapper: the trace enters app/store.py, then app/serial.py, where the sink is.
    const nested = at(29);
    assert.match(nested.message, /through `app\.store\.restore\(\)`/);
    assert.deepEqual([...new Set(nested.trace.map((s) => s.location.file))], ["app/views.py", "app/store.py", "app/serial.py"]);
    assert.match(nested.trace.at(-1)!.message, /^sink: pickle\.loads/);
    // A factory's object: the method of either class passes its argument on.
    assert.ok(at(43).trace.some((s) => s.location.file === "app/things.py"));
    // A module of a namespace package, imported as `helpers.fetch`.
    assert.equal(at(52).trace[0].location.file, "helpers/fetch.py");
    assert.match(at(52).trace[0].message, /^source: HTTP response \(requests\)/);

    const sarif = await runCli(["scan", "--project", project, "--ruleset", "python/PYTHON-DESER-001", "--output", "sarif", "--no-cache"]);
    const result = JSON.parse(sarif.stdout).runs[0].results.find((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0].physicalLocation.region.startLine === 29);
    const uris = result.codeFlows[0].threadFlows[0].locations.map((l: { location: { physicalLocation: { artifactLocation: { uri: string } } } }) => l.location.physicalLocation.artifactLocation.uri);
    assert.ok(uris.some((u: string) => u.endsWith("app/store.py")) && uris.some((u: string) => u.endsWith("app/serial.py")), uris.join(" "));
  });

  it("follows untrusted data kept on objects to the methods that deserialize it, with the store in the trace", async () => {
    const project = join(REPO_ROOT, "fixtures", "PYTHON-DESER-001", "projects", "objects");
    const cacheDir = tempProject({});
    type Step = { location: { file: string; line: number }; message: string };
    type Result = { rule_id: string; location: { file: string; line: number }; message: string; trust?: string; trace?: Step[] };
    const run = async (cache: string[]) => (JSON.parse((await runCli(["scan", "--project", project, "--output", "json", ...cache])).stdout).results as Result[]);
    const none = await run(["--no-cache"]);
    assert.deepEqual(await run(["--cache-dir", cacheDir]), none, "a cold cache gives the results of --no-cache");
    assert.deepEqual(await run(["--cache-dir", cacheDir]), none, "a warm cache gives the results of --no-cache");
    const flow = (file: string, line: number) => none.find((r) => r.rule_id === "PYTHON-DESER-001" && r.location.file === file && r.location.line === line)!;
    // Constructor argument -> `self.data` in another module -> `run()` deserializes the field.
    const constructor = flow("objapp/views.py", 11);
    assert.match(constructor.message, /through `objapp\.jobs\.Job\.run\(\)`.*kept in the object's `data` field/);
    const messages = constructor.trace!.map((s) => s.message);
    assert.match(messages[0]!, /^source: Flask request body/);
    assert.ok(messages.includes("stored in `self.data`"), messages.join(" | "));
    assert.ok(messages.some((m) => /^field `self\.data` of a `Job` object/.test(m)), messages.join(" | "));
    assert.deepEqual([...new Set(constructor.trace!.map((s) => s.location.file))], ["objapp/views.py", "objapp/jobs.py"]);
    assert.match(messages.at(-1)!, /^sink: pickle\.loads/);
    // A setter stores the field; a dataclass's generated constructor stores its declared field.
    assert.ok(flow("objapp/views.py", 31).trace!.some((s) => /passed to `job\.set_data\(\)`/.test(s.message)));
    assert.ok(flow("objapp/views.py", 41).trace!.some((s) => /field `payload` of `Task`, set by its constructor/.test(s.message)));
    // The pattern finding at the sink inside the class is `untrusted`, with that trace.
    const sink = none.find((r) => r.rule_id === "PYTHON-LANG-SEC-040" && r.location.file === "objapp/jobs.py" && r.location.line === 22)!;
    assert.equal(sink.trust, "untrusted");
    assert.match(sink.trace![0]!.message, /^source: /);
    // Untrusted data only in another field: the pattern finding at `Cached.load` stays unknown.
    assert.equal(none.find((r) => r.rule_id === "PYTHON-LANG-SEC-040" && r.location.file === "objapp/jobs.py" && r.location.line === 61)?.trust, "unknown");
  });

  it("takes sources and sanitizers from the configuration (pathfinder.toml and pyproject.toml)", async () => {
    const app = [
      "import pickle",
      "from myapp import transport",
      "from myapp.crypto import verified_payload",
      "from myapp.net import Client",
      "",
      "def from_frame(sock):",
      "    return pickle.loads(transport.read_frame(sock))",
      "",
      "def from_client():",
      "    blob = Client().fetch('state')",
      "    return pickle.loads(blob.payload)",
      "",
      "def verified(sock):",
      "    return pickle.loads(verified_payload(transport.read_frame(sock)))",
      "",
      "def unconfigured(sock):",
      "    return pickle.loads(transport.read_header(sock))",
      "",
    ].join("\n");
    const settings = 'extra-sources = ["myapp.transport.read_frame", "myapp.net.Client().fetch"]\nextra-sanitizers = ["myapp.crypto.verified_payload"]\n';
    const lines = async (root: string) => {
      const r = await runCli(["scan", "--project", root, "--ruleset", "python/PYTHON-DESER-001", "--output", "json", "--no-cache"]);
      assert.equal(r.code, 0, r.stderr);
      return (JSON.parse(r.stdout).results as { location: { line: number }; message: string }[]).map((f) => f.location.line);
    };
    assert.deepEqual(await lines(tempProject({ "app.py": app })), [], "nothing without the configuration");
    const toml = tempProject({ "app.py": app, "pathfinder.toml": `[rules.PYTHON-DESER-001]\n${settings}` });
    assert.deepEqual(await lines(toml), [7, 11]);
    const pyproject = tempProject({ "app.py": app, "pyproject.toml": `[project]\nname = "x"\n\n[tool.pathfinder.rules.PYTHON-DESER-001]\n${settings}` });
    assert.deepEqual(await lines(pyproject), [7, 11]);
    const json = await runCli(["scan", "--project", toml, "--ruleset", "python/PYTHON-DESER-001", "--output", "json", "--no-cache"]);
    assert.match(JSON.parse(json.stdout).results[0].trace[0].message, /^source: configured source `myapp\.transport\.read_frame`/);

    const wrongRule = tempProject({ "app.py": app, "pathfinder.toml": '[rules.PYTHON-LANG-SEC-040]\nextra-sources = ["myapp.transport.read_frame"]\n' });
    const bad = await runCli(["scan", "--project", wrongRule, "--no-cache"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /rules\.PYTHON-LANG-SEC-040\.extra-sources: extra-sources apply to data-flow rules only \(PYTHON-DESER-001\)/);
  });

  it("is in the python/lang and python/deserialization bundles", async () => {
    for (const bundle of ["python/lang", "python/deserialization"]) {
      const list = await runCli(["rules", "list", "--bundle", bundle]);
      assert.match(list.stdout, /^PYTHON-DESER-001\s+critical\s+Untrusted Data Reaches a Deserializer/m, bundle);
    }
  });
});
