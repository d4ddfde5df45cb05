// /: the playground. The rule picker and presets are generated from the registry and the fixtures at
// build time; web/app/playground.ts brings them to life.

import type { RuleMeta } from "../../src/core/types.js";
import { escapeHtml, jsonForScript } from "../../src/report/html/escape.js";
import { LANGUAGE_RULES, languageBundles } from "../../src/rules/languages.js";
import { PLAYGROUND_LANGUAGES, type PlaygroundLanguage } from "../app/playground-languages.js";
import { page } from "./layout.js";

/** One fixture file of a rule, offered as a preset. */
export interface Preset {
  rule: string;
  /** File path inside fixtures/<rule>/, e.g. `vulnerable.py`, `Vulnerable.java`, `vulnerable/requirements.txt`. */
  file: string;
  /** What the file is analysed as. */
  language: PlaygroundLanguage;
  code: string;
}

export interface PlaygroundData {
  defaultRuleset: string;
  defaultCode: string;
  presets: Preset[];
}

export function playgroundPage(rules: readonly RuleMeta[], bundles: readonly string[], data: PlaygroundData): string {
  const python = rules.filter((r) => r.language === "python");
  const bundleOptions = bundles.map((b) => {
    const members = python.filter((r) => b === "all" || r.bundles.includes(b)).map((r) => r.id);
    return (
      `<option value="python/${escapeHtml(b)}" data-rules="${escapeHtml(members.join(" "))}"${`python/${b}` === data.defaultRuleset ? " selected" : ""}>` +
      `${b === "all" ? `All rules (${members.length})` : `Bundle: ${escapeHtml(b)} (${members.length})`}</option>`
    );
  });
  const ruleOptions = python.map((r) => `<option value="python/${escapeHtml(r.id)}">${escapeHtml(r.id)}: ${escapeHtml(r.name)}</option>`);
  const byRule = new Map<string, Preset[]>();
  for (const p of data.presets) byRule.set(`${p.language} ${p.rule}`, [...(byRule.get(`${p.language} ${p.rule}`) ?? []), p]);
  const presetGroups = [...byRule].map(
    ([key, list]) =>
      `<optgroup label="${escapeHtml(list[0]!.rule)}" data-lang="${escapeHtml(key.split(" ")[0]!)}"${key.startsWith("python ") ? "" : " hidden"}>${list
        .map((p) => `<option value="${escapeHtml(`${p.rule}/${p.file}`)}">${escapeHtml(p.rule)}: ${escapeHtml(p.file)}</option>`)
        .join("")}</optgroup>`,
  );
  const main = `
<div class="pg-intro">
<h1>Playground</h1>
<p class="muted">Type or paste Python, Java, C# or PHP code, or a Python <code>requirements.txt</code> or <code>pyproject.toml</code>: Pathfinder analyses it in your browser as you type. Nothing is uploaded.</p>
</div>
<noscript><p class="card">The playground needs JavaScript. The <a href="rules/">rule pages</a> work without it.</p></noscript>
<div class="pg-toolbar card" role="group" aria-label="Playground settings">
<label class="field" for="language">Language<select id="language">${PLAYGROUND_LANGUAGES.map((l) => `<option value="${l.id}">${escapeHtml(l.name)}</option>`).join("")}</select></label>
<label class="field" for="ruleset">Rules<select id="ruleset"><optgroup label="Bundles" data-rules-of="python">${bundleOptions.join("")}</optgroup><optgroup label="Single rule" data-rules-of="python">${ruleOptions.join("")}</optgroup>${otherRuleGroups(python)}</select></label>
<label class="field" for="preset">Preset<select id="preset"><option value="">Load a rule example…</option>${presetGroups.join("")}</select></label>
<button id="share" type="button">Copy link</button>
<p id="engine-status" class="engine-status muted" role="status" aria-live="polite">Loading the analysis engine…</p>
</div>
<p id="link-notice" class="notice" role="alert" hidden></p>
<div class="pg-layout">
<section class="pg-editor" aria-labelledby="editor-heading">
<h2 id="editor-heading" class="visually-hidden">Code to analyse</h2>
<div id="editor" class="editor-host"></div>
<p class="editor-status muted"><span id="cursor-position">Ln 1, Col 1</span> · <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor</p>
</section>
<section class="pg-results" aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings <span id="finding-count" class="muted"></span></h2>
<div id="findings" class="findings-panel"></div>
</section>
</div>
<script type="application/json" id="playground-data">${jsonForScript(data)}</script>`;
  return page({
    title: "Pathfinder playground: find insecure deserialization as you type",
    description: "Try Pathfinder's rules for insecure deserialization (CWE-502) on Python, Java, C# and PHP code and Python dependency manifests, live in your browser.",
    base: "",
    current: "playground",
    main,
    scripts: ["playground"],
    preloadEngine: true,
  });
}

/** The rule choices of Java, C#, PHP and dependency manifests, hidden until that language is picked. */
function otherRuleGroups(python: readonly RuleMeta[]): string {
  const option = (value: string, label: string, members: readonly string[]) =>
    `<option value="${escapeHtml(value)}" data-rules="${escapeHtml(members.join(" "))}">${escapeHtml(label)}</option>`;
  const groups: string[] = [];
  for (const language of ["java", "csharp", "php"] as const) {
    const own = LANGUAGE_RULES.filter((r) => r.language === language);
    const bundles = languageBundles(language).map((b) => {
      const members = own.filter((r) => b === "all" || r.bundles.includes(b)).map((r) => r.id);
      return option(`${language}/${b}`, b === "all" ? `All rules (${members.length})` : `Bundle: ${b} (${members.length})`, members);
    });
    const singles = own.map((r) => option(`${language}/${r.id}`, `${r.id}: ${r.name}`, [r.id]));
    groups.push(`<optgroup label="Bundles" data-rules-of="${language}" hidden>${bundles.join("")}</optgroup>`);
    groups.push(`<optgroup label="Single rule" data-rules-of="${language}" hidden>${singles.join("")}</optgroup>`);
  }
  const deps = python.filter((r) => r.bundles.includes("deps") && r.id !== "PYTHON-DEPS-SEC-003");
  groups.push(
    `<optgroup label="Dependency rules" data-rules-of="deps" hidden>${option("python/deps", `All dependency rules (${deps.length})`, deps.map((r) => r.id))}${deps
      .map((r) => option(`python/${r.id}`, `${r.id}: ${r.name}`, [r.id]))
      .join("")}</optgroup>`,
  );
  return groups.join("");
}
