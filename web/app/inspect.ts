// The pickle inspector: a dropped or chosen file (or a built-in sample) goes through the same artifact scanner
// as `pathfinder scan`, in a worker that reads the file in slices: big checkpoints are never loaded whole,
// nothing is executed, and the page stays responsive.

import type { ArtifactScanResult } from "../../src/artifacts/index.js";
import { severityRank } from "../../src/core/severity.js";
import type { Finding } from "../../src/core/types.js";
import { severityBadge } from "../../src/report/html/components.js";
import { escapeHtml } from "../../src/report/html/escape.js";
import { codeSpans } from "../../src/report/html/markdown.js";
import type { InspectRequest, InspectResponse } from "./inspect-protocol.js";
import { SAMPLES } from "./samples.js";

const RULES_URL = "../rules/";
/** Rows per table before the rest is summarised (a hostile file can declare very many imports). */
const MAX_ROWS = 500;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const dropzone = $("dropzone");
const input = $<HTMLInputElement>("file-input");
const status = $("inspect-status");
const resultSection = $("inspect-result");

let worker: Worker | undefined;

/** One analysis at a time: a new file abandons the previous one by terminating its worker. */
function inspect(request: InspectRequest): void {
  worker?.terminate();
  const current = new Worker(new URL("./inspect-worker.js", import.meta.url), { type: "module" });
  worker = current;
  const { name } = request;
  status.textContent = `Inspecting ${name}…`;
  current.addEventListener("message", (event: MessageEvent<InspectResponse>) => {
    current.terminate();
    if (worker !== current) return;
    worker = undefined;
    const response = event.data;
    if (!response.ok) {
      status.textContent = `Could not inspect ${name}: ${response.error}`;
      return;
    }
    const ms = Math.max(1, Math.round(response.ms));
    status.textContent = `Inspected ${name} (${formatSize(response.size)}, ${response.result.kind}) in ${ms} ms.`;
    render(response.result, response.pseudo, name);
    resultSection.hidden = false;
    $("result-heading").focus();
  });
  current.addEventListener("error", (event) => {
    if (worker === current) status.textContent = `Could not inspect ${name}: ${event.message || "the analysis worker failed"}`;
  });
  current.postMessage(request);
}

function render(result: ArtifactScanResult, pseudo: string[], name: string): void {
  $("verdict").innerHTML = verdict(result, name);
  $("result-findings").innerHTML = findings(result.findings);
  $("result-pseudo").innerHTML = pseudoPython(result, pseudo);
  $("result-imports").innerHTML = imports(result);
  $("result-calls").innerHTML = calls(result);
  $("result-layout").innerHTML = layout(result);
  $("result-errors").innerHTML = result.errors.length
    ? `<h3>Warnings</h3><ul>${result.errors.map((e) => `<li>${escapeHtml(e.message)}</li>`).join("")}</ul>`
    : "";
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

function findings(list: Finding[]): string {
  if (!list.length) return "";
  const items = [...list]
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
    .map(
      (f) =>
        `<li class="finding sev-${f.severity}" data-rule="${escapeHtml(f.ruleId)}"><div class="finding-head">${severityBadge(f.severity)}` +
        `<a class="finding-rule" href="${RULES_URL}${encodeURIComponent(f.ruleId)}/">${escapeHtml(f.ruleId)}</a><strong>${escapeHtml(f.ruleName)}</strong>` +
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

function formatSize(n: number): string {
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

input.addEventListener("change", () => {
  const file = input.files?.[0];
  if (file) inspect({ file, name: file.name });
});

// Dropping anywhere on the page inspects the file instead of letting the browser open it.
window.addEventListener("dragover", (e) => {
  e.preventDefault();
  dropzone.classList.add("dragging");
});
window.addEventListener("dragleave", (e) => {
  if (e.relatedTarget === null) dropzone.classList.remove("dragging");
});
window.addEventListener("drop", (e) => {
  e.preventDefault();
  dropzone.classList.remove("dragging");
  const file = e.dataTransfer?.files[0];
  if (file) inspect({ file, name: file.name });
});

document.querySelectorAll<HTMLButtonElement>("[data-sample]").forEach((button) => {
  button.addEventListener("click", () => {
    const sample = SAMPLES[button.dataset.sample ?? ""];
    if (sample) inspect({ bytes: sample.build(), name: sample.name });
  });
});
