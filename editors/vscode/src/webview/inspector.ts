// The inspector webview's script: scans the bytes the extension posts with the browser-safe artifact scanner and
// renders them with the web inspector's components.
import { memorySource, scanArtifact } from "../../../../src/artifacts/index.js";
import { DEFAULT_PICKLE_OPTIONS, renderPseudoPython } from "../../../../src/artifacts/pickle/index.js";
import { escapeHtml } from "../../../../src/report/html/escape.js";
import { SITE_CSS } from "../../../../web/site/styles.js";
import { renderInspection } from "../../../../web/app/inspect-view.js";

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
declare const PATHFINDER_HOMEPAGE: string;

const vscode = acquireVsCodeApi();
const main = document.getElementById("inspector")!;
const style = document.createElement("style");
style.textContent = SITE_CSS;
document.head.append(style);

window.addEventListener("message", async (event: MessageEvent<{ type: string; name: string; bytes: Uint8Array }>) => {
  if (event.data?.type !== "inspect") return;
  const { name, bytes } = event.data;
  try {
    const result = await scanArtifact(memorySource(new Uint8Array(bytes)), name, { limits: { ...DEFAULT_PICKLE_OPTIONS.limits, maxDecompressedBytes: 256 * 1024 * 1024 } });
    const view = renderInspection(result, result.analyses.map((a) => renderPseudoPython(a.analysis)), name, `${PATHFINDER_HOMEPAGE.replace(/\/+$/, "")}/rules/`);
    main.innerHTML = [
      `<h2>${escapeHtml(name)} <span class="muted">(${escapeHtml(result.kind)}, ${bytes.byteLength} bytes)</span></h2>`,
      view.verdict,
      view.findings,
      view.pseudo,
      view.imports,
      view.calls,
      view.layout,
      view.errors,
    ].join("");
    main.dataset.status = "done";
  } catch (e) {
    main.textContent = `Could not inspect ${name}: ${(e as Error).message}`;
    main.dataset.status = "error";
  }
});
vscode.postMessage({ type: "ready" });
