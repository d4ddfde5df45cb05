// Rule pages: turns the static vulnerable example into a live editor limited to the page's rule.

import { PythonEditor } from "./editor.js";
import { loadEngine } from "./engine.js";
import { renderFindings } from "./findings-list.js";
import { playgroundLanguage } from "./playground-languages.js";
import { encodeState } from "./url-state.js";

/** From /rules/<ID>/ to /rules/. */
const RULES_URL = "../";

function mount(host: HTMLElement, index: number): void {
  const ruleset = host.dataset.ruleset ?? "python/all";
  const language = playgroundLanguage(host.dataset.language) ?? playgroundLanguage("python")!;
  const playgroundUrl = host.dataset.playgroundUrl ?? "../../";
  const code = host.querySelector("pre")?.textContent ?? "";
  const headingId = `embed-findings-${index}`;
  host.innerHTML = `<div class="embed-layout">
<div class="editor-host"></div>
<div class="embed-actions"><a class="button" href="${playgroundUrl}">Open in the playground</a><span class="muted" role="status" aria-live="polite">Loading the analysis engine…</span></div>
<h3 id="${headingId}">Findings <span class="muted"></span></h3>
<div class="findings-panel" aria-labelledby="${headingId}"></div>
</div>`;
  const editorHost = host.querySelector<HTMLElement>(".editor-host")!;
  const link = host.querySelector<HTMLAnchorElement>(".embed-actions a")!;
  const status = host.querySelector<HTMLElement>(".embed-actions [role=status]")!;
  const count = host.querySelector<HTMLElement>(`#${headingId} span`)!;
  const panel = host.querySelector<HTMLElement>(".findings-panel")!;
  const updateLink = async (doc: string) => {
    link.href = playgroundUrl + (await encodeState({ ruleset, code: doc, language: language.id }));
  };
  const editor: PythonEditor = new PythonEditor({
    parent: editorHost,
    doc: code,
    label: `Example code for ${ruleset.replace(/^python\//, "")}`,
    engine: loadEngine(),
    ruleset,
    language: language.id,
    rulesUrl: RULES_URL,
    onAnalysis: (outcome) => {
      renderFindings(outcome, { container: panel, count, rulesUrl: RULES_URL, onSelect: (f) => editor.reveal(f), onFix: (f) => editor.applyFix(f) });
      status.textContent = outcome.ok ? `Analysed in ${Math.max(1, Math.round(outcome.result.ms))} ms` : outcome.error;
    },
    onDocChange: (doc) => void updateLink(doc),
  });
  if (language.id !== "python") void editor.setLanguage(language.id, ruleset, `Example ${language.file} for ${ruleset.replace(/^python\//, "")}`);
  void updateLink(code);
}

document.querySelectorAll<HTMLElement>("[data-embed-playground]").forEach(mount);

/** Copy buttons next to commands: shown only where a script can copy. */
document.querySelectorAll<HTMLButtonElement>("button[data-copy]").forEach((button) => {
  if (!navigator.clipboard) return;
  const label = button.textContent ?? "Copy";
  button.hidden = false;
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(button.dataset.copy ?? "").then(
      () => (button.textContent = "Copied"),
      () => (button.textContent = "Copy failed: select the command instead"),
    );
    setTimeout(() => (button.textContent = label), 2500);
  });
});
