// Build-time entry: turns the rule registry (and the fixtures the build script reads) into the site's
// static pages. Pure: scripts/build-web.mjs does the file I/O.

import { ARTIFACT_RULES } from "../../src/artifacts/rules.js";
import type { RuleMeta } from "../../src/core/types.js";
import { BASE_CSS } from "../../src/report/html/styles.js";
import { PYTHON_RULES, pythonBundles } from "../../src/rules/registry.js";
import { LANGUAGE_RULES, LANGUAGES, languageRuleMetas } from "../../src/rules/languages.js";
import { inspectPage } from "./inspect-page.js";
import { FAVICON_SVG, page } from "./layout.js";
import { playgroundPage, type Preset } from "./playground-page.js";
import { rulePage } from "./rule-page.js";
import { rulesIndexPage } from "./rules-index.js";
import { SITE_CSS } from "./styles.js";

export type { Preset } from "./playground-page.js";

export interface SiteFile {
  /** Path inside the output folder, forward slashes. */
  path: string;
  content: string;
}

/** Every rule with a page: Python rules first, then artifact rules, then Java, C# and PHP rules, each in ID order. */
export function allRules(): RuleMeta[] {
  const byId = (a: RuleMeta, b: RuleMeta) => a.id.localeCompare(b.id);
  return [...[...PYTHON_RULES].sort(byId), ...[...ARTIFACT_RULES].sort(byId), ...languageRuleMetas()];
}

/** Rule IDs whose fixtures become playground presets. */
export function pythonRuleIds(): string[] {
  return PYTHON_RULES.map((r) => r.id);
}

/**
 * The rules of every language the playground analyses (Python, Java, C#, PHP) whose fixtures become presets;
 * `manifests`: the rule reads dependency manifests, whose fixtures are projects.
 */
export function presetRules(): { id: string; manifests: boolean }[] {
  // PYTHON-DEPS-SEC-003 joins a manifest with the code that loads the package: one text in the editor has only one.
  const single = PYTHON_RULES.filter((r) => r.id !== "PYTHON-DEPS-SEC-003");
  return [...single.map((r) => ({ id: r.id, manifests: r.bundles.includes("deps") })), ...LANGUAGE_RULES.map((r) => ({ id: r.id, manifests: false }))];
}

export { languageOfFile } from "../app/playground-languages.js";

/** The Java, C# and PHP grammars the playground fetches: where npm has them, and their name beside the scripts. */
export function languageGrammars(): { packagePath: string; file: string }[] {
  return LANGUAGES.map((l) => ({ packagePath: l.grammarPackagePath, file: l.grammarFile }));
}

/** Preferred first rule of the playground: the pickle rule when present. */
const DEFAULT_RULE = "PYTHON-LANG-SEC-040";

export function renderSite(presets: readonly Preset[]): SiteFile[] {
  const rules = allRules();
  const known = new Map(rules.map((r) => [r.id, r]));
  const starter = PYTHON_RULES.find((r) => r.id === DEFAULT_RULE) ?? PYTHON_RULES[0];
  const files: SiteFile[] = [
    {
      path: "index.html",
      content: playgroundPage(rules, pythonBundles(), {
        defaultRuleset: "python/all",
        defaultCode: starter ? starter.docs.vulnerableExample + "\n" : "import pickle\n\npickle.loads(data)\n",
        presets: [...presets],
      }),
    },
    { path: "inspect/index.html", content: inspectPage() },
    { path: "rules/index.html", content: rulesIndexPage(rules) },
    ...rules.map((r) => {
      const preset = presets.find((p) => p.rule === r.id);
      return { path: `rules/${r.id}/index.html`, content: rulePage(r, known, preset && `${preset.rule}/${preset.file}`) };
    }),
    { path: "404.html", content: notFoundPage() },
    { path: "assets/site.css", content: BASE_CSS + SITE_CSS },
    { path: "assets/favicon.svg", content: FAVICON_SVG },
  ];
  return files;
}

/** Served for unknown paths at any depth, so its links are root-absolute. */
function notFoundPage(): string {
  return page({
    title: "Not found · Pathfinder",
    description: "This page does not exist.",
    base: "/",
    main: `<h1>Page not found</h1><p>Try the <a href="/">playground</a>, the <a href="/inspect/">pickle inspector</a> or the <a href="/rules/">rule list</a>.</p>`,
  });
}
