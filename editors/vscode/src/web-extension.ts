// The web extension (vscode.dev, github.dev, VS Code for the Web): the language server runs in a web worker,
// with the same engine as the CLI compiled for the browser.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/browser";
import { clientOptions } from "./client-options.js";
import { inspectModel } from "./inspector-panel.js";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const dist = vscode.Uri.joinPath(context.extensionUri, "dist", "web");
  const worker = new Worker(vscode.Uri.joinPath(dist, "server.js").toString(true));
  // The worker fetches the tree-sitter WebAssembly from beside its script.
  client = new LanguageClient("pathfinder", "Pathfinder", worker, clientOptions({ wasmBase: dist.toString(true) + "/" }));
  context.subscriptions.push(
    vscode.commands.registerCommand("pathfinder.inspectModel", (uri?: vscode.Uri) => inspectModel(context.extensionUri, uri)),
    vscode.commands.registerCommand("pathfinder.restartServer", async () => {
      await client?.stop();
      await client?.start();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
