// Browser page of the web extension test: starts the extension's language-server worker exactly as the web
// extension does (a Worker on dist/web/server.js) and exposes an LSP client on it to the test.
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from "vscode-jsonrpc/browser";

interface Published {
  uri: string;
  diagnostics: { code?: string | number; range: { start: { line: number; character: number } }; message: string; codeDescription?: { href: string } }[];
}

const worker = new Worker("web/server.js");
const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const published: Record<string, Published["diagnostics"]> = {};
const logs: string[] = [];
connection.onNotification("textDocument/publishDiagnostics", (p: Published) => void (published[p.uri] = p.diagnostics));
connection.onNotification("window/logMessage", (p: { message: string }) => void logs.push(p.message));
connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => ({ minimumSeverity: "low" })));
connection.onRequest("client/registerCapability", () => null);
connection.listen();

Object.assign(window, {
  lsp: {
    request: (method: string, params: unknown) => connection.sendRequest(method, params),
    notify: (method: string, params: unknown) => connection.sendNotification(method, params),
    diagnostics: (uri: string) => published[uri],
    logs,
  },
});
document.body.dataset.ready = "true";
