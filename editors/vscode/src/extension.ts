// The desktop extension: starts `pathfinder lsp` (bundled beside this file, run by VS Code's Node) over stdio.
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type ServerOptions } from "vscode-languageclient/node";
import { clientOptions } from "./client-options.js";
import { inspectModel } from "./inspector-panel.js";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = vscode.Uri.joinPath(context.extensionUri, "dist", "server", "server.js").fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, args: ["lsp", "--stdio"] },
    debug: { module, transport: TransportKind.stdio, args: ["lsp", "--stdio"] },
  };
  client = new LanguageClient("pathfinder", "Pathfinder", serverOptions, clientOptions());
  context.subscriptions.push(
    vscode.commands.registerCommand("pathfinder.inspectModel", (uri?: vscode.Uri) => inspectModel(context.extensionUri, uri)),
    vscode.commands.registerCommand("pathfinder.restartServer", () => client?.restart()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
