// The findings panel next to an editor: one button per finding (severity badge, rule, message, position);
// activating it moves the editor's cursor to the finding.

import type { Finding } from "../../src/core/types.js";
import { severityRank } from "../../src/core/severity.js";
import { severityBadge } from "../../src/report/html/components.js";
import { escapeHtml } from "../../src/report/html/escape.js";
import { codeSpans } from "../../src/report/html/markdown.js";
import type { AnalysisOutcome } from "./editor.js";

export interface FindingsListOptions {
  container: HTMLElement;
  /** Element whose text announces the count, e.g. "(2)". */
  count?: HTMLElement;
  rulesUrl: string;
  onSelect(finding: Finding): void;
  /** Applies the finding's suggested fix; without it no fix button is shown. */
  onFix?(finding: Finding): void;
}

export function renderFindings(outcome: AnalysisOutcome, options: FindingsListOptions): void {
  const { container } = options;
  container.replaceChildren();
  if (!outcome.ok) {
    container.append(notice(`Analysis failed: ${outcome.error}`));
    if (options.count) options.count.textContent = "";
    return;
  }
  const { result } = outcome;
  const active = result.findings.filter((f) => !f.suppressed);
  if (options.count) options.count.textContent = `(${active.length})`;
  for (const e of result.errors) {
    container.append(notice(e.message.charAt(0).toUpperCase() + e.message.slice(1)));
  }
  if (!result.findings.length) {
    const empty = document.createElement("p");
    empty.className = "empty card";
    empty.textContent = result.rules.length === 1 ? `No findings of ${result.rules[0]!.id}.` : "No findings for the selected rules.";
    container.append(empty);
    return;
  }
  const list = document.createElement("ol");
  list.className = "finding-list";
  list.setAttribute("aria-label", "Findings");
  const sorted = [...result.findings].sort(
    (a, b) =>
      Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      severityRank(b.severity) - severityRank(a.severity),
  );
  for (const finding of sorted) list.append(item(finding, options));
  container.append(list);
}

function item(finding: Finding, options: FindingsListOptions): HTMLLIElement {
  const li = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = `finding-jump sev-${finding.severity}`;
  button.dataset.ruleId = finding.ruleId;
  button.dataset.line = String(finding.location.line);
  const loc = finding.location;
  button.innerHTML =
    `<span class="finding-head">${severityBadge(finding.severity)}` +
    (finding.suppressed ? `<span class="badge badge-suppressed">suppressed</span>` : "") +
    `<span class="finding-rule">${escapeHtml(finding.ruleId)}</span>` +
    `<span class="position">Ln ${loc.line}, Col ${loc.column}</span></span>` +
    `<span class="finding-message">${codeSpans(finding.message)}</span>`;
  // No aria-label: the accessible name is the visible text (WCAG 2.5.3, label in name), which already says it all.
  button.addEventListener("click", () => options.onSelect(finding));
  li.append(button);
  const extra = document.createElement("p");
  extra.className = "finding-extra";
  extra.innerHTML = finding.suppressed
    ? `<span class="muted">Suppressed by <code>${escapeHtml(finding.suppressed.justification)}</code></span>`
    : `<a href="${escapeHtml(options.rulesUrl + encodeURIComponent(finding.ruleId) + "/")}">${escapeHtml(finding.ruleName)}</a>`;
  li.append(extra);
  if (finding.fix && options.onFix && !finding.suppressed) {
    const fix = document.createElement("button");
    fix.type = "button";
    fix.className = "fix-button";
    fix.textContent = `Apply fix: ${finding.fix.description}`;
    fix.addEventListener("click", () => options.onFix!(finding));
    extra.append(" ", fix);
  }
  return li;
}

function notice(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = "notice";
  p.textContent = text;
  return p;
}
