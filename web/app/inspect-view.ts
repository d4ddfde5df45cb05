// The pickle inspector's result as HTML fragments: the verdict, findings, pseudo-Python, imports, calls, container
// layout and warnings. The web inspector page and the VS Code extension's inspector webview both render with it.

import type { ArtifactScanResult } from "../../src/artifacts/index.js";
import { severityRank } from "../../src/core/severity.js";
import type { Finding } from "../../src/core/types.js";
import { severityBadge } from "../../src/report/html/components.js";
import { escapeHtml } from "../../src/report/html/escape.js";
import { codeSpans } from "../../src/report/html/markdown.js";

/** Rows per table before the rest is summarised (a hostile file can declare very many imports). */
const MAX_ROWS = 500;

export interface InspectionView {
  verdict: string;
  findings: string;
  pseudo: string;
  imports: string;
  calls: string;
  layout: string;
  errors: string;
}

/** `rulesUrl` prefixes rule IDs in finding links (`<rulesUrl><ID>/`). */
export function renderInspection(result: ArtifactScanResult, pseudo: string[], name: string, rulesUrl: string): InspectionView {
  return {
    verdict: verdict(result, name),
    findings: findings(result.findings, rulesUrl),
    pseudo: pseudoPython(result, pseudo),
    imports: imports(result),
    calls: calls(result),
    layout: layout(result),
    errors: result.errors.length ? `<h3>Warnings</h3><ul>${result.errors.map((e) => `<li>${escapeHtml(e.message)}</li>`).join("")}</ul>` : "",
  };
}

function verdict(result: ArtifactScanResult, name: string): string {
  const worst = [...result.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0];
  const [kind, title, text] =
    worst && severityRank(worst.severity) >= severityRank("high")
      ? ["dangerous", "Dangerous: loading this file runs code", `Do not load ${name} with pickle, torch.load, joblib.load or numpy.load(allow_pickle=True).`]
      : worst
        ? ["suspicious", "Suspicious: review before loading", "The file contains something Pathfinder cannot vouch for; see the findings below."]
        : result.analyses.length
          ? ["clean", "No dangerous globals found", "The pickles in this file only reference globals that Pathfinder considers safe to load. Prefer data-only formats such as safetensors all the same."]
          : ["clean", "No pickle found", "Pathfinder found nothing that a pickle loader would execute in this file."];
  return `<div class="verdict verdict-${kind}" data-verdict="${kind}"><h3>${escapeHtml(title)}</h3><p>${escapeHtml(text)}</p></div>`;
}

function findings(list: Finding[], rulesUrl: string): string {
  if (!list.length) return "";
  const items = [...list]
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
    .map(
      (f) =>
        `<li class="finding sev-${f.severity}" data-rule="${escapeHtml(f.ruleId)}"><div class="finding-head">${severityBadge(f.severity)}` +
        `<a class="finding-rule" href="${rulesUrl}${encodeURIComponent(f.ruleId)}/">${escapeHtml(f.ruleId)}</a><strong>${escapeHtml(f.ruleName)}</strong>` +
        (f.location.member !== undefined ? `<span class="muted">in ${escapeHtml(f.location.member)}</span>` : "") +
        (f.location.offset !== undefined ? `<span class="muted">at byte ${f.location.offset}</span>` : "") +
        `</div><p class="finding-message">${codeSpans(f.message)}</p></li>`,
    );
  return `<h3>Findings (${list.length})</h3><ol class="finding-list">${items.join("")}</ol>`;
}

function pseudoPython(result: ArtifactScanResult, pseudo: string[]): string {
  if (!result.analyses.length) return "";
  const blocks = result.analyses.map((a, i) => {
    const label = `${a.member ?? "file"}${a.baseOffset ? ` at byte ${a.baseOffset}` : ""}`;
    return `<figure class="example"><figcaption>${escapeHtml(label)}</figcaption><pre class="code-block pseudo"><code>${escapeHtml(pseudo[i] ?? "")}</code></pre></figure>`;
  });
  return `<h3>What loading would do</h3><p class="muted">Pseudo-Python reconstructed from the opcodes; it was not run.</p>${blocks.join("")}`;
}

function imports(result: ArtifactScanResult): string {
  const rows = result.analyses.flatMap((a) =>
    a.analysis.imports.map(
      (i) =>
        `<tr><td><code>${escapeHtml(i.normalized)}</code>${i.dynamic ? ` <span class="badge badge-critical">dynamic</span>` : ""}</td>` +
        `<td>${escapeHtml(i.opcode)}</td><td>${escapeHtml(a.member ?? "")}</td><td>${a.baseOffset + i.offset}</td></tr>`,
    ),
  );
  return table("Imports", ["Global", "Opcode", "Member", "Offset"], rows);
}

function calls(result: ArtifactScanResult): string {
  const rows = result.analyses.flatMap((a) =>
    a.analysis.calls.map(
      (c) =>
        `<tr><td><code>${escapeHtml(c.callee)}</code></td><td><code>${escapeHtml(c.args)}</code></td><td>${escapeHtml(c.opcode)}</td>` +
        `<td>${escapeHtml(a.member ?? "")}</td><td>${a.baseOffset + c.offset}</td></tr>`,
    ),
  );
  return table("Calls", ["Callee", "Arguments", "Opcode", "Member", "Offset"], rows);
}

function layout(result: ArtifactScanResult): string {
  const rows = result.layout.map(
    (e) =>
      `<tr><td><code>${escapeHtml(e.name)}</code></td><td>${escapeHtml(e.container)}</td><td>${escapeHtml(e.method)}</td>` +
      `<td>${formatSize(e.size)}</td><td>${escapeHtml(e.role)}</td><td>${e.offset}</td></tr>`,
  );
  return table(`Layout (${result.kind})`, ["Member", "Container", "Method", "Size", "Role", "Offset"], rows);
}

function table(title: string, headers: string[], rows: string[]): string {
  if (!rows.length) return "";
  const shown = rows.slice(0, MAX_ROWS);
  const more = rows.length > MAX_ROWS ? `<p class="muted">${rows.length - MAX_ROWS} more rows not shown.</p>` : "";
  return `<h3>${escapeHtml(title)} (${rows.length})</h3><div class="table-wrap card"><table class="data"><thead><tr>${headers
    .map((h) => `<th scope="col">${h}</th>`)
    .join("")}</tr></thead><tbody>${shown.join("")}</tbody></table></div>${more}`;
}

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
