// /rules/<ID>/: everything a rule's metadata holds, as static HTML, plus an embedded playground
// preloaded with the vulnerable example (the text works without JavaScript).

import { fixStepsOf, implicationsOf } from "../../src/core/rule-docs.js";
import type { RuleDocs, RuleMeta } from "../../src/core/types.js";
import { severityBadge } from "../../src/report/html/components.js";
import { escapeHtml, safeHref } from "../../src/report/html/escape.js";
import { inlineMarkdown, markdownToHtml } from "../../src/report/html/markdown.js";
import { languageOfFile } from "../app/playground-languages.js";
import { codeBlock } from "./highlight.js";
import { page } from "./layout.js";

const BASE = "../../";

/** `preset`: the rule's first fixture preset (`<RULE-ID>/<file>`), which the page links to in the playground. */
export function rulePage(rule: RuleMeta, known: ReadonlyMap<string, RuleMeta>, preset?: string): string {
  const d = rule.docs;
  const sections: string[] = [];
  const section = (id: string, title: string, body: string) =>
    body.trim() ? sections.push(`<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2>\n${body}\n</section>`) : 0;

  section("description", "What it finds", markdownToHtml(d.description));
  section("implications", "Security implications", implications(d));
  section(
    "fix",
    "How to fix",
    fixSteps(d) +
      examplePair(d.vulnerableExample, d.safeExample) +
      (d.fixHint ? `<p class="muted">In short: ${escapeHtml(d.fixHint)}</p>` : ""),
  );
  section("try", "Try it", tryIt(rule, preset));
  section("scope", "Detection scope", markdownToHtml(d.detectionScope));
  section("usage", "Run this rule", usage(rule));
  section("compliance", "Compliance", compliance(rule));
  section(
    "references",
    "References",
    d.references.length
      ? `<ul>${d.references.map((r) => `<li><a href="${safeHref(r.url)}" rel="noreferrer">${escapeHtml(r.title)}</a></li>`).join("")}</ul>`
      : "",
  );
  section(
    "faq",
    "Frequently asked questions",
    d.faq.map((f) => `<details class="faq"><summary>${inlineMarkdown(f.question)}</summary>${markdownToHtml(f.answer)}</details>`).join("\n"),
  );
  section("similar", "Similar rules", similar(rule, known));

  const main = `
<nav aria-label="Breadcrumb" class="breadcrumb"><a href="../">Rules</a> <span aria-hidden="true">›</span> <span>${escapeHtml(rule.id)}</span></nav>
<article class="rule-page">
<header class="rule-header">
<p class="rule-id"><code>${escapeHtml(rule.id)}</code></p>
<h1>${escapeHtml(rule.name)}</h1>
<p class="lead">${markdownInline(d.summary)}</p>
${facts(rule)}
</header>
${sections.join("\n")}
</article>`;
  return page({
    title: `${rule.id}: ${rule.name} · Pathfinder`,
    description: stripMarkdown(d.summary),
    base: BASE,
    current: "rules",
    main,
    scripts: rule.language === "python" ? ["rule"] : [],
    preloadEngine: rule.language === "python",
  });
}

function implications(docs: RuleDocs): string {
  const { summary, scenarios } = implicationsOf(docs);
  const list = scenarios.length
    ? `<ol class="scenarios">${scenarios.map((s) => `<li><h3>${inlineMarkdown(s.title)}</h3>${markdownToHtml(s.text)}</li>`).join("")}</ol>`
    : "";
  return markdownToHtml(summary) + list;
}

function fixSteps(docs: RuleDocs): string {
  const { summary = "", steps } = fixStepsOf(docs);
  const list = steps.length ? `<ol class="fix-steps">${steps.map((step) => `<li>${markdownToHtml(step)}</li>`).join("")}</ol>` : "";
  return markdownToHtml(summary) + list;
}

function facts(rule: RuleMeta): string {
  const items: [string, string][] = [
    ["Severity", severityBadge(rule.severity)],
    ["Confidence", escapeHtml(rule.confidence)],
    ["Precision", escapeHtml(rule.precision)],
    ["Language", LANGUAGE_LABELS[rule.language] ?? "Model and data files"],
    ["CWE", rule.cwe.map(cweLink).join(", ") || "–"],
    ["OWASP", escapeHtml(rule.owasp.join(", ") || "–")],
    ["Bundles", rule.bundles.map((b) => `<code>${escapeHtml(b)}</code>`).join(" ") || "–"],
  ];
  if (rule.banditIds.length) items.push(["Bandit", rule.banditIds.map((b) => `<code>${escapeHtml(b)}</code>`).join(" ")]);
  const tags = rule.tags.length ? `<ul class="tags" aria-label="Tags">${rule.tags.map((t) => `<li class="tag">${escapeHtml(t)}</li>`).join("")}</ul>` : "";
  return `<dl class="facts">${items.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join("")}</dl>${tags}`;
}

function examplePair(vulnerable: string, safe: string): string {
  const parts: string[] = [];
  if (vulnerable.trim()) parts.push(`<figure class="example example-bad"><figcaption>Vulnerable</figcaption>${codeBlock(vulnerable, "Vulnerable example")}</figure>`);
  if (safe.trim()) parts.push(`<figure class="example example-good"><figcaption>Safe</figcaption>${codeBlock(safe, "Safe example")}</figure>`);
  return parts.length ? `<div class="examples">${parts.join("")}</div>` : "";
}

/** How the facts name each rule language; artifact rules check model and data files. */
const LANGUAGE_LABELS: Record<string, string> = { python: "Python source", java: "Java source", csharp: "C# source", php: "PHP source" };

function isOtherSourceLanguage(rule: RuleMeta): boolean {
  return rule.language === "java" || rule.language === "csharp" || rule.language === "php";
}

function tryIt(rule: RuleMeta, preset: string | undefined): string {
  if (isOtherSourceLanguage(rule)) {
    const link = preset
      ? `<p><a class="button" href="${BASE}#${escapeHtml(new URLSearchParams({ lang: rule.language, rules: `${rule.language}/${rule.id}`, preset }).toString())}">Open the example in the playground</a></p>`
      : "";
    return `${link}<p>Run it on a project with the CLI:</p><pre class="code-block"><code>pathfinder scan --ruleset ${escapeHtml(rule.language)}/${escapeHtml(rule.id)} --project .</code></pre>`;
  }
  if (rule.id.startsWith("JAVA-ARTIFACT-")) {
    return `<p>Run <code>pathfinder inspect FILE</code> on a Java serialization stream (<code>.ser</code>, or base64 <code>rO0AB...</code>) to list its classes and the gadget chains they belong to.</p>`;
  }
  if (rule.language !== "python") {
    return `<p>This rule checks model and data files. Drop a file on the <a href="${BASE}inspect/">pickle inspector</a> to see what it reports; the file never leaves your browser.</p>`;
  }
  const ruleset = `python/${rule.id}`;
  // The dependency rules' examples are manifests, named on their first line (`# pyproject.toml`); one that joins a
  // manifest with code (PYTHON-DEPS-SEC-003) is not one text, so it gets no live editor.
  const manifest = rule.bundles.includes("deps") ? languageOfFile(/^#\s*(\S+)$/.exec(rule.docs.vulnerableExample.split("\n")[0] ?? "")?.[1] ?? "") : undefined;
  if (rule.bundles.includes("deps") && !manifest) {
    return `<p>Run it on a project with the CLI:</p><pre class="code-block"><code>pathfinder scan --ruleset ${escapeHtml(ruleset)} --project .</code></pre>`;
  }
  return `<p class="muted">Edit the code: findings of <code>${escapeHtml(rule.id)}</code> update as you type.</p>
<div class="embed" data-embed-playground data-ruleset="${escapeHtml(ruleset)}"${manifest ? ` data-language="${manifest}"` : ""} data-playground-url="${BASE}">
${codeBlock(rule.docs.vulnerableExample, "Vulnerable example to try")}
<noscript><p class="muted">The live editor needs JavaScript; the example above is what it starts with.</p></noscript>
</div>`;
}

function usage(rule: RuleMeta): string {
  if (isOtherSourceLanguage(rule)) {
    return `<pre class="code-block"><code>pathfinder scan --ruleset ${escapeHtml(rule.language)}/${escapeHtml(rule.id)} --project .</code></pre>
<p class="muted">Suppress a reviewed finding with a comment on its line: <code>// pathfinder: ignore[${escapeHtml(rule.id)}]</code>.</p>`;
  }
  if (rule.language !== "python") {
    return `${commandBlock("pathfinder scan --project .")}<p class="muted">Model and data files found in the project are inspected without loading them.</p>`;
  }
  return `${commandBlock(`pathfinder scan --ruleset python/${rule.id} --project .`)}
<p class="muted">Suppress a reviewed finding with a comment on its line: <code># pathfinder: ignore[${escapeHtml(rule.id)}]</code>.</p>`;
}

/** The command in a code block, with a copy button that the page script reveals (it needs JavaScript). */
function commandBlock(command: string): string {
  return `<div class="command-block"><pre class="code-block" tabindex="0" aria-label="Command"><code>${escapeHtml(command)}</code></pre><button type="button" class="button copy-button" data-copy="${escapeHtml(command)}" hidden>Copy command</button></div>`;
}

function compliance(rule: RuleMeta): string {
  if (!rule.compliance.length && !rule.cwe.length && !rule.owasp.length) return "";
  const rows = [
    ...rule.cwe.map((c) => ["CWE", cweLink(c)]),
    // An OWASP category the compliance list names in full (framework "OWASP Top 10") is listed once, in full.
    ...rule.owasp
      .filter((o) => !rule.compliance.some((c) => c.framework === "OWASP Top 10" && c.control.startsWith(o)))
      .map((o) => ["OWASP Top 10", escapeHtml(o)]),
    ...rule.compliance.map((c) => [escapeHtml(c.framework), escapeHtml(c.control)]),
  ].filter(([f, c], i, all) => all.findIndex(([f2, c2]) => f2 === f && c2 === c) === i);
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="Compliance mappings"><table class="data"><thead><tr><th scope="col">Framework</th><th scope="col">Control</th></tr></thead><tbody>${rows
    .map(([f, c]) => `<tr><td>${f}</td><td>${c}</td></tr>`)
    .join("")}</tbody></table></div>`;
}

function similar(rule: RuleMeta, known: ReadonlyMap<string, RuleMeta>): string {
  if (!rule.similar.length) return "";
  const items = rule.similar.map((id) => {
    const other = known.get(id);
    return other
      ? `<li><a href="../${encodeURIComponent(id)}/"><code>${escapeHtml(id)}</code> ${escapeHtml(other.name)}</a></li>`
      : `<li><code>${escapeHtml(id)}</code> <span class="muted">(not in this build)</span></li>`;
  });
  return `<ul class="similar">${items.join("")}</ul>`;
}

function cweLink(cwe: string): string {
  const n = /^CWE-(\d+)$/.exec(cwe)?.[1];
  return n ? `<a href="https://cwe.mitre.org/data/definitions/${n}.html" rel="noreferrer">${escapeHtml(cwe)}</a>` : escapeHtml(cwe);
}

function markdownInline(text: string): string {
  return markdownToHtml(text).replace(/^<p>|<\/p>$/g, "");
}

export function stripMarkdown(text: string): string {
  return text.replace(/`([^`]*)`/g, "$1").replace(/\*\*([^*]+)\*\*/g, "$1").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
}
