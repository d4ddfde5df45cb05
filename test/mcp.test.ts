// `pathfinder serve` driven by the official MCP SDK client, over stdio and over Streamable HTTP on 127.0.0.1:
// every tool called on a real project, schema violations as protocol errors, paths outside the project refused.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { REPO_ROOT, tempProject } from "./helpers/cli.js";

const BIN = join(REPO_ROOT, "bin", "pathfinder.js");
const MALICIOUS_PICKLE = readFileSync(join(REPO_ROOT, "test", "data", "artifacts", "malicious", "pickle.pkl"));
const LOADER = "import pickle\nimport yaml\n\n\ndef load(blob, text):\n    cfg = yaml.load(text)\n    return pickle.loads(blob), cfg\n";

function makeProject(): { root: string; outside: string } {
  const outside = tempProject({ "secret.py": "import pickle\npickle.loads(x)\n", "secret.pkl": MALICIOUS_PICKLE });
  const root = tempProject({ "app/loader.py": LOADER, "app/clean.py": "import json\njson.loads('{}')\n", "models/evil.pkl": MALICIOUS_PICKLE });
  symlinkSync(outside, join(root, "escape"));
  symlinkSync(join(outside, "secret.pkl"), join(root, "models", "linked.pkl"));
  return { root, outside };
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult & { structuredContent: Record<string, any> }> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult & { structuredContent: Record<string, any> };
}

async function protocolError(client: Client, name: string, args: unknown): Promise<McpError> {
  try {
    const result = await client.callTool({ name, arguments: args as Record<string, unknown> });
    assert.fail(`expected a protocol error from ${name}(${JSON.stringify(args)}), got ${JSON.stringify(result)}`);
  } catch (e) {
    assert.ok(e instanceof McpError, String(e));
    assert.equal(e.code, ErrorCode.InvalidParams, e.message);
    return e;
  }
}

/** The checks both transports must pass. */
function toolSuite(connect: () => Promise<{ client: Client; root: string; outside: string; close: () => Promise<void> }>): void {
  let client: Client;
  let root: string;
  let outside: string;
  let close: () => Promise<void>;
  before(async () => ({ client, root, outside, close } = await connect()));
  after(async () => close());

  it("lists the five tools with object input schemas", async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ["explain_rule", "inspect_file", "list_rules", "scan", "suggest_fix"]);
    for (const t of tools) {
      assert.equal(t.inputSchema.type, "object");
      assert.ok(t.description && t.description.length > 40);
      assert.equal(t.annotations?.readOnlyHint, true);
    }
    assert.match(client.getInstructions() ?? "", /CWE-502/);
  });

  it("scan: the trust of each finding, and minimumTrust", async () => {
    const code = "import pickle\nfrom flask import request\nSTATE = b'N.'\n\ndef a():\n    return pickle.loads(STATE)\n\ndef b():\n    return pickle.loads(request.data)\n";
    const all = await call(client, "scan", { code, filename: "web.py", rulesets: ["python/PYTHON-LANG-SEC-040"] });
    assert.deepEqual(all.structuredContent.findings.map((f: any) => [f.line, f.trust]), [[6, "internal"], [9, "untrusted"]]);
    assert.match((all.content[0] as { text: string }).text, /PYTHON-LANG-SEC-040 \[untrusted\]/);
    const some = await call(client, "scan", { code, filename: "web.py", minimumTrust: "untrusted" });
    assert.ok(some.structuredContent.findings.length >= 2, JSON.stringify(some.structuredContent.findings));
    assert.ok(some.structuredContent.findings.every((f: any) => f.trust === "untrusted"));
  });

  it("scan: a directory of the project, and a snippet", async () => {
    const dir = await call(client, "scan", { path: "app" });
    assert.equal(dir.isError, undefined);
    const found = dir.structuredContent.findings.map((f: any) => `${f.file}:${f.line}:${f.ruleId}`).sort();
    assert.deepEqual(found, ["app/loader.py:6:PYTHON-LANG-SEC-041", "app/loader.py:7:PYTHON-LANG-SEC-040"]);
    assert.match((dir.content[0] as { text: string }).text, /2 findings/);
    const whole = await call(client, "scan", { path: ".", minimumSeverity: "critical" });
    assert.ok(whole.structuredContent.findings.every((f: any) => f.severity === "critical"));
    assert.ok(whole.structuredContent.findings.some((f: any) => f.file === "models/evil.pkl"), JSON.stringify(whole.structuredContent));
    // The walk does not follow the links out of the project.
    assert.ok(!whole.structuredContent.findings.some((f: any) => /escape|linked/.test(f.file)), JSON.stringify(whole.structuredContent.findings));
    assert.ok(whole.structuredContent.errors.some((e: any) => e.file === "escape" && /outside the project/.test(e.message)));
    const snippet = await call(client, "scan", { code: "import dill\nobj = dill.loads(data)\n", filename: "job.py" });
    assert.equal(snippet.structuredContent.findings[0].file, "job.py");
    assert.equal(snippet.structuredContent.findings[0].line, 2);
    const clean = await call(client, "scan", { path: "app/clean.py" });
    assert.equal(clean.structuredContent.total, 0);
    const badRuleset = await call(client, "scan", { path: "app", rulesets: ["python/PYTHON-LANG-SEC-04"] });
    assert.equal(badRuleset.isError, true);
    assert.match((badRuleset.content[0] as { text: string }).text, /did you mean/);
  });

  it("explain_rule and list_rules", async () => {
    const rule = await call(client, "explain_rule", { ruleId: "python/PYTHON-LANG-SEC-040" });
    assert.equal(rule.structuredContent.id, "PYTHON-LANG-SEC-040");
    assert.match(rule.structuredContent.documentation, /## How to fix/);
    const unknown = await call(client, "explain_rule", { ruleId: "PYTHON-LANG-SEC-04" });
    assert.equal(unknown.isError, true);
    assert.match((unknown.content[0] as { text: string }).text, /did you mean "PYTHON-LANG-SEC-04\d"/);
    const artifact = await call(client, "list_rules", { language: "artifact" });
    assert.ok(artifact.structuredContent.total > 0);
    assert.ok(artifact.structuredContent.rules.every((r: any) => /^(PICKLE|KERAS|GGUF|ONNX|ARCHIVE|CONFIG)-ARTIFACT-/.test(r.id)));
    const ml = await call(client, "list_rules", { bundle: "ml" });
    assert.ok(ml.structuredContent.rules.every((r: any) => r.bundles.includes("ml")) && ml.structuredContent.total > 3);
  });

  it("inspect_file: verdict and pseudo-Python of a malicious pickle", async () => {
    const result = await call(client, "inspect_file", { path: "models/evil.pkl" });
    assert.equal(result.structuredContent.verdict.label, "dangerous");
    const pseudo = result.structuredContent.pickles.map((p: any) => p.pseudoPython).join("\n");
    assert.match(pseudo, /system|eval|exec/);
    assert.match((result.content[0] as { text: string }).text, /DANGEROUS/);
    const dir = await call(client, "inspect_file", { path: "models" });
    assert.equal(dir.isError, true);
  });

  it("suggest_fix: a diff for the fixable finding, advice for the other", async () => {
    const result = await call(client, "suggest_fix", { path: "app/loader.py" });
    assert.match(result.structuredContent.diff, /^\+    cfg = yaml\.safe_load\(text\)$/m);
    assert.deepEqual(result.structuredContent.manual.map((m: any) => m.ruleId), ["PYTHON-LANG-SEC-040"]);
    assert.equal(readFileSync(join(root, "app/loader.py"), "utf8"), LOADER, "nothing written");
    const one = await call(client, "suggest_fix", { code: "import yaml\nyaml.load(s)\n", line: 2 });
    assert.match(one.structuredContent.diff, /\+yaml\.safe_load\(s\)/);
  });

  it("refuses paths outside the project, through .. , absolute paths and symbolic links", async () => {
    for (const path of ["..", join(outside, "secret.py"), "escape/secret.py", "escape", "models/linked.pkl", "/etc/passwd"]) {
      const e = await protocolError(client, path.endsWith(".pkl") || path === "/etc/passwd" ? "inspect_file" : "scan", { path });
      assert.match(e.message, /outside the served project/, path);
    }
    const missing = await protocolError(client, "scan", { path: "nope.py" });
    assert.match(missing.message, /does not exist/);
  });

  it("bad arguments are invalid-params protocol errors", async () => {
    await protocolError(client, "scan", {});
    await protocolError(client, "scan", { path: "app", code: "x" });
    await protocolError(client, "scan", { path: 5 });
    await protocolError(client, "scan", { path: "app", extra: true });
    await protocolError(client, "scan", { code: "x", minimumSeverity: "severe" });
    await protocolError(client, "explain_rule", {});
    await protocolError(client, "inspect_file", { path: "models/evil.pkl", pickleAllow: ["os.system; rm"] });
    await protocolError(client, "suggest_fix", { code: "x", line: 0 });
    await protocolError(client, "no_such_tool", {});
  });
}

describe("pathfinder serve (stdio)", () => {
  toolSuite(async () => {
    const { root, outside } = makeProject();
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, "serve", "--project", root], cwd: REPO_ROOT, stderr: "pipe" });
    const client = new Client({ name: "pathfinder-test", version: "1.0.0" });
    await client.connect(transport);
    return { client, root, outside, close: () => client.close() };
  });
});

describe("pathfinder serve --http", () => {
  let url = "";
  toolSuite(async () => {
    const { root, outside } = makeProject();
    const child = spawn(process.execPath, [BIN, "serve", "--http", "--port", "0", "--project", root], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (d) => {
        stderr += d;
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const client = new Client({ name: "pathfinder-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    return {
      client,
      root,
      outside,
      close: async () => {
        // Host and Origin checks (DNS rebinding): a page on another site cannot drive the local server.
        const init = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } } };
        const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
        const evilOrigin = await fetch(url, { method: "POST", headers: { ...headers, origin: "https://evil.example" }, body: JSON.stringify(init) });
        assert.equal(evilOrigin.status, 403);
        const noSession = await fetch(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }) });
        assert.equal(noSession.status, 400);
        await client.close();
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        child.kill("SIGTERM");
        assert.equal(await exited, 0);
      },
    };
  });

  it("binds to the loopback address only", () => assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/));
});

