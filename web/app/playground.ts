// The playground page: editor, rule picker, presets, findings list, and the URL fragment as shareable state.

import { PythonEditor, type AnalysisOutcome } from "./editor.js";
import { loadEngine } from "./engine.js";
import { renderFindings } from "./findings-list.js";
import { languageOfRuleset, playgroundLanguage, PLAYGROUND_LANGUAGES, type PlaygroundLanguage, type PlaygroundLanguageInfo } from "./playground-languages.js";
import { decodeState, encodeState } from "./url-state.js";

interface Preset {
  rule: string;
  file: string;
  language: PlaygroundLanguage;
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
  const languageSelect = byId<HTMLSelectElement>("language");
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
  let language = playgroundLanguage(state.language ?? languageOfRuleset(state.ruleset)) ?? PLAYGROUND_LANGUAGES[0]!;
  showChoicesOf(language, rulesetSelect, presetSelect);
  languageSelect.value = language.id;
  const ruleset = validRuleset(rulesetSelect, state.ruleset, language) ?? (language.id === "python" ? data.defaultRuleset : language.defaultRuleset);
  selectOwn(rulesetSelect, ruleset, language);
  const currentState = () => ({ ruleset: rulesetSelect.value, code: editor.doc, language: language.id });

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const updateUrl = () => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(async () => {
      const hash = await encodeState(currentState());
      history.replaceState(null, "", hash);
    }, URL_UPDATE_DELAY_MS);
  };

  const editor = new PythonEditor({
    parent: byId("editor"),
    doc: state.code ?? data.defaultCode,
    label: editorLabel(language),
    engine,
    ruleset,
    language: language.id,
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
  if (language.id !== "python") void editor.setLanguage(language.id, ruleset, editorLabel(language));

  /** Switches what the code is analysed as; the rule choice becomes that language's (or `ruleset` when given). */
  const switchLanguage = (next: PlaygroundLanguageInfo, ruleset?: string) => {
    language = next;
    languageSelect.value = next.id;
    showChoicesOf(next, rulesetSelect, presetSelect);
    selectOwn(rulesetSelect, validRuleset(rulesetSelect, ruleset, next) ?? next.defaultRuleset, next);
    void editor.setLanguage(next.id, rulesetSelect.value, editorLabel(next));
  };

  languageSelect.addEventListener("change", () => {
    const next = playgroundLanguage(languageSelect.value);
    if (!next || next.id === language.id) return;
    switchLanguage(next);
    updateUrl();
  });

  rulesetSelect.addEventListener("change", () => {
    editor.setRuleset(rulesetSelect.value);
    updateUrl();
  });

  /** Loads a preset (`<RULE-ID>/<file>`), switching to its language and, unless the choice covers it, its rule. */
  const loadPreset = (value: string) => {
    const preset = data.presets.find((p) => `${p.rule}/${p.file}`.toLowerCase() === value.toLowerCase());
    if (!preset) return false;
    const own = playgroundLanguage(preset.language);
    if (!own) return false;
    const ruleFor = `${own.rules === "deps" ? "python" : own.rules}/${preset.rule}`;
    if (own.id !== language.id) {
      switchLanguage(own, own.rules === language.rules ? rulesetSelect.value : ruleFor);
    }
    // Keep the current selection if it covers the preset's rule; otherwise focus on that rule.
    const current = rulesetSelect.value;
    const covers = current === ruleFor || bundleHas(rulesetSelect, current, preset.rule);
    if (!covers) {
      selectOwn(rulesetSelect, ruleFor, language);
      editor.setRuleset(rulesetSelect.value);
    }
    editor.setDoc(preset.code);
    editor.refresh();
    return true;
  };

  presetSelect.addEventListener("change", () => {
    const loaded = loadPreset(presetSelect.value);
    presetSelect.value = "";
    if (loaded) updateUrl();
  });
  if (state.preset && state.code === undefined && !loadPreset(state.preset)) showLinkProblem(`there is no example "${state.preset}"`);

  share.addEventListener("click", async () => {
    const hash = await encodeState(currentState());
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
    const linked = playgroundLanguage(next.state.language ?? languageOfRuleset(next.state.ruleset)) ?? PLAYGROUND_LANGUAGES[0]!;
    if (linked.id !== language.id) switchLanguage(linked, next.state.ruleset);
    const r = validRuleset(rulesetSelect, next.state.ruleset, language);
    if (r && r !== rulesetSelect.value) {
      selectOwn(rulesetSelect, r, language);
      editor.setRuleset(r);
    }
    if (next.state.code !== undefined && next.state.code !== editor.doc) editor.setDoc(next.state.code);
    else if (next.state.preset && next.state.code === undefined && !loadPreset(next.state.preset)) showLinkProblem(`there is no example "${next.state.preset}"`);
  });
}

/** The option of `language`'s rule choices whose value is `value` (case-insensitive). */
function validRuleset(select: HTMLSelectElement, value: string | undefined, language: PlaygroundLanguageInfo): string | undefined {
  if (!value) return undefined;
  const match = ownOptions(select, language).find((o) => o.value.toLowerCase() === value.toLowerCase());
  return match?.value;
}

/** Selects `value` among `language`'s options (the dependency rules' values also occur among Python's, hidden). */
function selectOwn(select: HTMLSelectElement, value: string, language: PlaygroundLanguageInfo): void {
  const option = ownOptions(select, language).find((o) => o.value === value);
  if (option) option.selected = true;
  else select.value = value;
}

function ownOptions(select: HTMLSelectElement, language: PlaygroundLanguageInfo): HTMLOptionElement[] {
  return [...select.options].filter((o) => (o.parentElement as HTMLElement).dataset.rulesOf === language.rules);
}

/** Shows only the rule choices and presets of `language` (the page lists every language's, hidden). */
function showChoicesOf(language: PlaygroundLanguageInfo, rulesets: HTMLSelectElement, presets: HTMLSelectElement): void {
  for (const group of rulesets.querySelectorAll<HTMLElement>("optgroup[data-rules-of]")) group.hidden = group.dataset.rulesOf !== language.rules;
  for (const group of presets.querySelectorAll<HTMLElement>("optgroup[data-lang]")) group.hidden = group.dataset.lang !== language.id;
}

function editorLabel(language: PlaygroundLanguageInfo): string {
  return language.rules === "deps" ? `${language.file} to analyse` : `${language.name} code to analyse`;
}

/** Bundle options carry their member rule IDs (`data-rules`, written at build time). */
function bundleHas(select: HTMLSelectElement, ruleset: string, rule: string): boolean {
  const option = [...select.selectedOptions, ...select.options].find((o) => o.value === ruleset);
  return option?.dataset.rules?.split(" ").includes(rule) ?? false;
}

main().catch((e: Error) => {
  const status = document.getElementById("engine-status");
  if (status) status.textContent = `The playground failed to start: ${e.message}`;
});
