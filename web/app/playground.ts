// The playground page: editor, rule picker, presets, findings list, and the URL fragment as shareable state.

import { PythonEditor, type AnalysisOutcome } from "./editor.js";
import { loadEngine } from "./engine.js";
import { renderFindings } from "./findings-list.js";
import { decodeState, encodeState } from "./url-state.js";

interface Preset {
  rule: string;
  file: string;
  code: string;
}

interface PlaygroundData {
  defaultRuleset: string;
  defaultCode: string;
  presets: Preset[];
}

const RULES_URL = "rules/";
/** Delay before the URL follows the code, so typing does not flood the session history API. */
const URL_UPDATE_DELAY_MS = 400;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

async function main(): Promise<void> {
  const data = JSON.parse(byId("playground-data").textContent ?? "{}") as PlaygroundData;
  const rulesetSelect = byId<HTMLSelectElement>("ruleset");
  const presetSelect = byId<HTMLSelectElement>("preset");
  const status = byId("engine-status");
  const findings = byId("findings");
  const count = byId("finding-count");
  const cursor = byId("cursor-position");
  const share = byId<HTMLButtonElement>("share");
  const linkNotice = byId("link-notice");
  const showLinkProblem = (error: string) => {
    linkNotice.textContent = `Could not restore the shared code: ${error}.`;
    linkNotice.hidden = false;
  };

  const started = performance.now();
  const engine = loadEngine();
  engine.then(
    () => (status.textContent = `Engine ready in ${Math.round(performance.now() - started)} ms`),
    (e: Error) => (status.textContent = `The analysis engine failed to load: ${e.message}`),
  );

  const initial = await decodeState(location.hash);
  const state = initial.ok ? initial.state : {};
  const ruleset = validRuleset(rulesetSelect, state.ruleset) ?? data.defaultRuleset;
  rulesetSelect.value = ruleset;

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const updateUrl = () => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(async () => {
      const hash = await encodeState({ ruleset: rulesetSelect.value, code: editor.doc });
      history.replaceState(null, "", hash);
    }, URL_UPDATE_DELAY_MS);
  };

  const editor = new PythonEditor({
    parent: byId("editor"),
    doc: state.code ?? data.defaultCode,
    label: "Python code to analyse",
    engine,
    ruleset,
    rulesUrl: RULES_URL,
    onAnalysis: (outcome: AnalysisOutcome) => {
      renderFindings(outcome, { container: findings, count, rulesUrl: RULES_URL, onSelect: (f) => editor.reveal(f), onFix: (f) => editor.applyFix(f) });
      if (outcome.ok) {
        const n = outcome.result.findings.filter((f) => !f.suppressed).length;
        status.textContent = `${n} finding${n === 1 ? "" : "s"} · analysed in ${Math.max(1, Math.round(outcome.result.ms))} ms`;
      }
    },
    onDocChange: updateUrl,
    onCursor: (line, column) => (cursor.textContent = `Ln ${line}, Col ${column}`),
  });
  if (!initial.ok) showLinkProblem(initial.error);

  rulesetSelect.addEventListener("change", () => {
    editor.setRuleset(rulesetSelect.value);
    updateUrl();
  });

  presetSelect.addEventListener("change", () => {
    const preset = data.presets.find((p) => `${p.rule}/${p.file}` === presetSelect.value);
    if (!preset) return;
    // Keep the current selection if it covers the preset's rule; otherwise focus on that rule.
    const current = rulesetSelect.value;
    const covers = current === "python/all" || current === `python/${preset.rule}` || bundleHas(rulesetSelect, current, preset.rule);
    if (!covers) {
      rulesetSelect.value = `python/${preset.rule}`;
      editor.setRuleset(rulesetSelect.value);
    }
    editor.setDoc(preset.code);
    editor.refresh();
    presetSelect.value = "";
    updateUrl();
  });

  share.addEventListener("click", async () => {
    const hash = await encodeState({ ruleset: rulesetSelect.value, code: editor.doc });
    history.replaceState(null, "", hash);
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "Link copied: it reproduces this code and rule choice.";
    } catch {
      status.textContent = "The address bar now holds a link to this code and rule choice.";
    }
  });

  // A pasted link in the same tab.
  window.addEventListener("hashchange", async () => {
    const next = await decodeState(location.hash);
    if (!next.ok) return showLinkProblem(next.error);
    linkNotice.hidden = true;
    const r = validRuleset(rulesetSelect, next.state.ruleset);
    if (r && r !== rulesetSelect.value) {
      rulesetSelect.value = r;
      editor.setRuleset(r);
    }
    if (next.state.code !== undefined && next.state.code !== editor.doc) editor.setDoc(next.state.code);
  });
}

function validRuleset(select: HTMLSelectElement, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = [...select.options].find((o) => o.value.toLowerCase() === value.toLowerCase());
  return match?.value;
}

/** Bundle options carry their member rule IDs (`data-rules`, written at build time). */
function bundleHas(select: HTMLSelectElement, ruleset: string, rule: string): boolean {
  const option = [...select.options].find((o) => o.value === ruleset);
  return option?.dataset.rules?.split(" ").includes(rule) ?? false;
}

main().catch((e: Error) => {
  const status = document.getElementById("engine-status");
  if (status) status.textContent = `The playground failed to start: ${e.message}`;
});
