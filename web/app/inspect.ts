// The pickle inspector: a dropped or chosen file (or a built-in sample) goes through the same artifact scanner
// as `pathfinder scan`, reading the file in slices: big checkpoints are never loaded whole, nothing is executed.

import { memorySource, scanArtifact, type ArtifactScanResult, type ByteSource } from "../../src/artifacts/index.js";
import { renderPseudoPython } from "../../src/artifacts/pickle/index.js";
import { severityRank } from "../../src/core/severity.js";
import type { Finding } from "../../src/core/types.js";
import { severityBadge } from "../../src/report/html/components.js";
import { escapeHtml } from "../../src/report/html/escape.js";
import { codeSpans } from "../../src/report/html/markdown.js";
import { SAMPLES } from "./samples.js";

const RULES_URL = "../rules/";
/** Rows per table before the rest is summarised (a hostile file can declare very many imports). */
const MAX_ROWS = 500;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const dropzone = $("dropzone");
const input = $<HTMLInputElement>("file-input");
const status = $("inspect-status");
const resultSection = $("inspect-result");

function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
  };
}

let runId = 0;

async function inspect(source: ByteSource, name: string): Promise<void> {
  const id = ++runId;
  status.textContent = `Inspecting ${name}…`;
  const started = performance.now();
  let result: ArtifactScanResult;
  try {
    result = await scanArtifact(source, name);
  } catch (e) {
    status.textContent = `Could not inspect ${name}: ${(e as Error).message}`;
    return;
  }
  if (id !== runId) return; // a newer file was chosen meanwhile
  const ms = Math.max(1, Math.round(performance.now() - started));
  status.textContent = `Inspected ${name} (${formatSize(source.size)}, ${result.kind}) in ${ms} ms.`;
  render(result, name);
  resultSection.hidden = false;
  $("result-heading").focus();
}

function render(result: ArtifactScanResult, name: string): void {
  $("verdict").innerHTML = verdict(result, name);
  $("result-findings").innerHTML = findings(result.findings);
  $("result-pseudo").innerHTML = pseudoPython(result);
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

function pseudoPython(result: ArtifactScanResult): string {
  if (!result.analyses.length) return "";
  const blocks = result.analyses.map((a) => {
    const label = `${a.member ?? "file"}${a.baseOffset ? ` at byte ${a.baseOffset}` : ""}`;
    return `<figure class="example"><figcaption>${escapeHtml(label)}</figcaption><pre class="code-block pseudo"><code>${escapeHtml(renderPseudoPython(a.analysis))}</code></pre></figure>`;
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
  if (file) void inspect(blobSource(file), file.name);
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
  if (file) void inspect(blobSource(file), file.name);
});

document.querySelectorAll<HTMLButtonElement>("[data-sample]").forEach((button) => {
  button.addEventListener("click", () => {
    const sample = SAMPLES[button.dataset.sample ?? ""];
    if (sample) void inspect(memorySource(sample.build()), sample.name);
  });
});
