// "Pathfinder: Inspect Model File": reads the file through VS Code's file system (local disk, remote or vscode.dev)
// and shows the web inspector's view of it in a webview. The webview runs the artifact scanner itself: the same
// browser-safe engine as the web inspector, so nothing is loaded or executed.
import * as vscode from "vscode";

/** The webview holds the file in memory; bigger checkpoints belong to `pathfinder inspect`, which reads in slices. */
const MAX_BYTES = 512 * 1024 * 1024;

export async function inspectModel(extensionUri: vscode.Uri, target?: vscode.Uri): Promise<void> {
  const uri =
    target ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: "Inspect",
        filters: { "Model and data files": ["pkl", "pickle", "pt", "pth", "bin", "ckpt", "joblib", "npy", "npz", "gz", "bz2", "xz", "lzma"], "All files": ["*"] },
      })
    )?.[0];
  if (!uri) return;
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > MAX_BYTES) {
    void vscode.window.showWarningMessage(`Pathfinder: ${basename(uri)} is over ${MAX_BYTES / 1024 / 1024} MB; inspect it with \`pathfinder inspect\` on the command line.`);
    return;
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  const root = vscode.Uri.joinPath(extensionUri, "dist", "webview");
  const panel = vscode.window.createWebviewPanel("pathfinder.inspector", `Inspect ${basename(uri)}`, vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [root],
  });
  const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(root, "inspector.js"));
  const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  panel.webview.html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${panel.webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}'; worker-src 'none';">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Inspect ${escapeHtml(basename(uri))}</title></head>
<body><main id="inspector" data-status="loading"><p>Inspecting ${escapeHtml(basename(uri))}…</p></main>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
  panel.webview.onDidReceiveMessage((message: { type?: string }) => {
    if (message?.type === "ready") void panel.webview.postMessage({ type: "inspect", name: basename(uri), bytes });
  });
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf("/") + 1);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
