// /rules/: every rule as a card; the search and filters (web/app/rules-filter.ts) only hide cards, so the
// full list is there without JavaScript.

import { SEVERITIES, type RuleMeta } from "../../src/core/types.js";
import { severityBadge } from "../../src/report/html/components.js";
import { escapeHtml } from "../../src/report/html/escape.js";
import { inlineMarkdown } from "../../src/report/html/markdown.js";
import { page } from "./layout.js";
import { stripMarkdown } from "./rule-page.js";

export function rulesIndexPage(rules: readonly RuleMeta[]): string {
  const tags = [...new Set(rules.flatMap((r) => r.tags))].sort();
  const cards = rules.map(
    (r) => `<li class="rule-card card" data-severity="${r.severity}" data-tags="${escapeHtml(r.tags.join(" "))}" data-language="${r.language}" data-search="${escapeHtml(
      [r.id, r.name, stripMarkdown(r.docs.summary), ...r.tags, ...r.cwe].join(" ").toLowerCase(),
    )}">
<div class="finding-head">${severityBadge(r.severity)}<a class="rule-link" href="${encodeURIComponent(r.id)}/"><code>${escapeHtml(r.id)}</code> ${escapeHtml(r.name)}</a></div>
<p>${inlineMarkdown(r.docs.summary)}</p>
<ul class="tags" aria-label="Tags">${r.tags.map((t) => `<li class="tag">${escapeHtml(t)}</li>`).join("")}</ul>
</li>`,
  );
  const main = `
<h1>Rules</h1>
<p class="lead">${rules.length} rules find insecure deserialization in Python code and in model and data files. Each page explains the risk, how to fix it and what the rule covers, with a live example.</p>
<form id="rule-filters" class="filters card" role="search" aria-label="Filter rules" hidden>
<label class="field" for="rule-search">Search<input id="rule-search" type="search" name="q" placeholder="ID, name, CWE, tag" autocomplete="off"></label>
<fieldset><legend>Severity</legend>${SEVERITIES.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${s}</label>`).join("")}</fieldset>
<label class="field" for="rule-tag">Tag<select id="rule-tag" name="tag"><option value="">All tags</option>${tags
    .map((t) => `<option value="${escapeHtml(t)}">${escapeHtml(t)}</option>`)
    .join("")}</select></label>
<label class="field" for="rule-language">Checks<select id="rule-language" name="language"><option value="">Code and files</option><option value="python">Python code</option><option value="artifact">Model and data files</option><option value="java">Java code</option><option value="csharp">C# code</option><option value="php">PHP code</option></select></label>
</form>
<p id="rule-count" class="muted" role="status" aria-live="polite">${rules.length} rules</p>
<ul class="rule-list" id="rule-list">
${cards.join("\n")}
</ul>
<p id="rule-empty" class="empty card" hidden>No rule matches these filters.</p>`;
  return page({
    title: "Rules · Pathfinder",
    description: "Every Pathfinder rule for insecure deserialization (CWE-502) in Python code and model files.",
    base: "../",
    current: "rules",
    main,
    scripts: ["rules-index"],
  });
}
