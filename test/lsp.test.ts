// `pathfinder lsp` driven by a real LSP client over stdio: workspace scan with progress, diagnostics as the
// document changes, quick fixes applied to the text, hover, settings, exclusions, bad input and a clean shutdown.
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, Diagnostic, Hover, TextEdit } from "vscode-languageserver-types";
import { REPO_ROOT, tempProject } from "./helpers/cli.js";
import { LspTestClient } from "./helpers/lsp-client.js";

const BIN = join(REPO_ROOT, "bin", "pathfinder.js");
const MALICIOUS_PICKLE = readFileSync(join(REPO_ROOT, "test", "data", "artifacts", "malicious", "pickle.pkl"));

const VULNERABLE = "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n";

describe("pathfinder lsp", () => {
  let root: string;
  let client: LspTestClient;
  const uri = (rel: string) => pathToFileURL(join(root, rel)).href;
  const codes = (rel: string) => (client.diagnostics.get(uri(rel)) ?? []).map((d) => d.code);

  before(async () => {
    root = tempProject({
      ".gitignore": "generated/\n",
      "pathfinder.toml": 'exclude = ["legacy"]\n',
      "app/service.py": VULNERABLE,
      "app/config_loader.py": "import yaml\n\nsettings = yaml.load(open('s.yml'))\n",
      "generated/cache.py": VULNERABLE,
      "legacy/old.py": VULNERABLE,
      "models/model.pkl": MALICIOUS_PICKLE,
    });
    client = LspLauncher(root);
    const init = (await client.initialize(pathToFileURL(root).href)) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    assert.equal(init.serverInfo.name, "pathfinder");
    assert.ok(init.capabilities.codeActionProvider && init.capabilities.hoverProvider);
  });

  after(async () => {
    if (client.child.exitCode === null) client.child.kill();
  });

  it("scans the workspace on start, reporting $/progress, and honours .gitignore and config excludes", async () => {
    await client.until("the end of the workspace scan", () => client.progress.some((p) => p.value.kind === "end"));
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], "begin");
    assert.match(client.progress[0]!.value.title ?? "", /scanning the workspace/);
    assert.ok(new Set(client.progress.map((p) => p.token)).size === 1, "one progress token");
    await client.until("workspace diagnostics", () => codes("app/service.py").length > 0 && codes("models/model.pkl").length > 0);
    assert.deepEqual(codes("app/service.py"), ["PYTHON-LANG-SEC-040"]);
    assert.deepEqual(codes("app/config_loader.py"), ["PYTHON-LANG-SEC-041"]);
    assert.equal(client.diagnostics.has(uri("generated/cache.py")), false, ".gitignore'd file reported");
    assert.equal(client.diagnostics.has(uri("legacy/old.py")), false, "config-excluded file reported");
    const model = client.diagnostics.get(uri("models/model.pkl"))!;
    assert.ok(model.every((d) => d.range.start.line === 0 && d.range.start.character === 0));
    assert.ok(model.some((d) => /^Dangerous model file/.test(String(d.message)) && String(d.code).startsWith("PICKLE-ARTIFACT-")), JSON.stringify(model));
    assert.ok(existsSync(join(root, ".pathfinder_cache", ".gitignore")), "the workspace scan keeps the analysis cache, as the CLI does");
  });

  it("reports a pickle.loads in an unsaved document with rule code, link, severity and range", async () => {
    const docUri = uri("app/new_module.py");
    await client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: docUri, languageId: "python", version: 1, text: VULNERABLE },
    });
    await client.until("diagnostics of the opened document", () => (client.diagnostics.get(docUri) ?? []).length > 0);
    const [d] = client.diagnostics.get(docUri)!;
    assert.equal(d!.code, "PYTHON-LANG-SEC-040");
    assert.equal(d!.source, "pathfinder");
    assert.equal(d!.severity, 1);
    assert.match(d!.codeDescription!.href, /\/rules\/PYTHON-LANG-SEC-040$/);
    assert.deepEqual(d!.range.start, { line: 4, character: 11 });
    assert.match(String(d!.message), /pickle/);
    // A parameter: nothing tells where the bytes come from.
    assert.match(String(d!.message), /\[trust unknown\]$/);
    assert.equal((d!.data as { trust?: string }).trust, "unknown");
  });

  it("analyses a notebook cell VS Code sends as its own document (vscode-notebook-cell URI)", async () => {
    const cellUri = `vscode-notebook-cell:${pathToFileURL(join(root, "analysis.ipynb")).pathname}#W2sZmlsZQ%3D%3D`;
    const text = "import pickle\nmodel = pickle.loads(blob)\n";
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: cellUri, languageId: "python", version: 1, text } });
    await client.until("diagnostics of the notebook cell", () => (client.diagnostics.get(cellUri) ?? []).length > 0);
    const [d] = client.diagnostics.get(cellUri)!;
    assert.equal(d!.code, "PYTHON-LANG-SEC-040");
    assert.deepEqual(d!.range.start, { line: 1, character: 8 });
  });

  it("applies the --fix quick fix, and the diagnostic goes away", async () => {
    const docUri = uri("app/config_loader.py");
    const text = readFileSync(join(root, "app/config_loader.py"), "utf8");
    let doc = TextDocument.create(docUri, "python", 1, text);
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: docUri, languageId: "python", version: 1, text } });
    await client.until("yaml diagnostic", () => codes("app/config_loader.py").includes("PYTHON-LANG-SEC-041"));
    const diagnostic = client.diagnostics.get(docUri)![0]!;
    const actions = (await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: docUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ["quickfix"] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions));
    assert.match(fix.title, /PYTHON-LANG-SEC-041/);
    assert.ok(actions.some((a) => a.title === "Suppress PYTHON-LANG-SEC-041 on this line"));
    doc = applyWorkspaceEdit(doc, fix.edit!.changes![docUri]!);
    assert.equal(doc.getText(), "import yaml\n\nsettings = yaml.safe_load(open('s.yml'))\n");
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: docUri, version: doc.version },
      contentChanges: [{ text: doc.getText() }],
    });
    await client.until("the fixed document to be clean", () => codes("app/config_loader.py").length === 0);
  });

  it("re-analyses on incremental edits: a new sink appears, a suppression comment hides it", async () => {
    const docUri = uri("app/service.py");
    let doc = TextDocument.create(docUri, "python", 1, VULNERABLE);
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: docUri, languageId: "python", version: 1, text: VULNERABLE } });
    const change = async (edit: TextEdit) => {
      doc = applyWorkspaceEdit(doc, [edit]);
      await client.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri: docUri, version: doc.version },
        contentChanges: [{ range: edit.range, text: edit.newText }],
      });
    };
    // Type a second call at the end, one keystroke-sized change at a time.
    for (const piece of ["\n\ndef again(b):\n", "    return pickle.", "load(b)\n"]) {
      const end = doc.positionAt(doc.getText().length);
      await change({ range: { start: end, end }, newText: piece });
    }
    const lines = () => (client.diagnostics.get(docUri) ?? []).map((d) => d.range.start.line);
    await client.until("a diagnostic on the new line", () => lines().includes(8));
    assert.deepEqual(lines(), [4, 8]);

    const target = client.diagnostics.get(docUri)!.find((d) => d.range.start.line === 8)!;
    const actions = (await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: docUri },
      range: target.range,
      context: { diagnostics: [target] },
    })) as CodeAction[];
    const suppress = actions.find((a) => a.title.startsWith("Suppress"))!;
    assert.ok(suppress, JSON.stringify(actions));
    await change(suppress.edit!.changes![docUri]![0]!);
    assert.equal(doc.getText().split("\n")[8], "    return pickle.load(b)  # pathfinder: ignore[PYTHON-LANG-SEC-040]");
    await client.until("the suppressed diagnostic to go", () => lines().length === 1);
    assert.deepEqual(lines(), [4]);
  });

  it("shows the rule's documentation on hover", async () => {
    const hover = (await client.connection.sendRequest("textDocument/hover", {
      textDocument: { uri: uri("app/service.py") },
      position: { line: 4, character: 20 },
    })) as Hover;
    const value = (hover.contents as { kind: string; value: string }).value;
    assert.match(value, /\*\*PYTHON-LANG-SEC-040\*\*/);
    assert.match(value, /## How to fix/);
    const none = await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uri("app/service.py") }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
  });

  it("applies settings: minimum severity and rulesets", async () => {
    const docUri = uri("app/service.py");
    client.settings = { minimumSeverity: "critical" };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    await client.until("high findings hidden", () => (client.diagnostics.get(docUri) ?? []).length === 0);
    client.settings = { rulesets: ["python/PYTHON-LANG-SEC-041"] };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    await client.until("the rescan after the change", () => client.progress.filter((p) => p.value.kind === "end").length >= 3);
    const both = "import pickle, yaml\npickle.loads(a)\nyaml.load(b)\n";
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: uri("app/both.py"), languageId: "python", version: 1, text: both } });
    await client.until("diagnostics of app/both.py", () => client.diagnostics.has(uri("app/both.py")));
    assert.deepEqual(codes("app/both.py"), ["PYTHON-LANG-SEC-041"]);
    rmSync(join(root, ".pathfinder_cache"), { recursive: true, force: true });
    client.settings = { cache: false };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    await client.until("the rescan without a cache", () => client.progress.filter((p) => p.value.kind === "end").length >= 4);
    assert.ok(!existsSync(join(root, ".pathfinder_cache")), "cache: false writes no cache");
    client.settings = {};
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    await client.until("defaults restored", () => (client.diagnostics.get(docUri) ?? []).length === 1);
  });

  it("survives bad input: binary, huge and deeply nested documents and an invalid configuration", async () => {
    const nested = "x = " + "(".repeat(20_000) + "pickle.loads(b)" + ")".repeat(20_000) + "\n";
    const garbage = "\u0000\uFFFF\uD800 def ((( pickle.loads(\n".repeat(2000);
    const docs = { "bad/nested.py": nested, "bad/garbage.py": garbage, "bad/huge.py": "import pickle\n" + "a = 1\n".repeat(1_000_000) };
    for (const [rel, text] of Object.entries(docs)) {
      await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: uri(rel), languageId: "python", version: 1, text } });
    }
    await client.until("diagnostics for the bad documents", () => ["bad/nested.py", "bad/garbage.py", "bad/huge.py"].every((r) => client.diagnostics.has(uri(r))), 60_000);
    // A broken configuration file is reported to the user; the server keeps serving with the settings alone.
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(root, "pathfinder.toml"), "exclude = [\n");
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri("pathfinder.toml"), type: 2 }] });
    await client.until("a configuration error message", () => client.messages.some((m) => /pathfinder\.toml/.test(m.message) && m.type === 1));
    const hover = await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: uri("app/service.py") }, position: { line: 4, character: 20 } });
    assert.ok(hover, "server still answers");
    assert.equal(client.child.exitCode, null);
  });

  it("shuts down cleanly", async () => {
    assert.equal(await client.shutdown(), 0);
  });
});

function LspLauncher(root: string): LspTestClient {
  return LspTestClient.spawn([BIN, "lsp", "--stdio"], root);
}

function applyWorkspaceEdit(doc: TextDocument, edits: TextEdit[]): TextDocument {
  return TextDocument.create(doc.uri, doc.languageId, doc.version + 1, TextDocument.applyEdits(doc, edits));
}

export type { Diagnostic };
