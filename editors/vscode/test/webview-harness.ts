// Browser page of the inspector-webview test: stands in for VS Code's webview host (acquireVsCodeApi) and, when
// the webview script says it is ready, posts it a model file's bytes as the extension does.
declare global {
  interface Window {
    acquireVsCodeApi(): { postMessage(message: unknown): void };
  }
}

window.acquireVsCodeApi = () => ({
  postMessage(message: unknown) {
    if ((message as { type?: string }).type !== "ready") return;
    const name = new URLSearchParams(location.search).get("file")!;
    void fetch(name)
      .then((r) => r.arrayBuffer())
      .then((buffer) => window.postMessage({ type: "inspect", name, bytes: new Uint8Array(buffer) }, "*"));
  },
});
export {};
