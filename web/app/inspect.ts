// The pickle inspector: a dropped or chosen file (or a built-in sample) goes through the same artifact scanner
// as `pathfinder scan`, in a worker that reads the file in slices: big checkpoints are never loaded whole,
// nothing is executed, and the page stays responsive.

import type { ArtifactScanResult } from "../../src/artifacts/index.js";
import type { InspectRequest, InspectResponse } from "./inspect-protocol.js";
import { formatSize, renderInspection } from "./inspect-view.js";
import { focusWithRing } from "./focus.js";
import { SAMPLES } from "./samples.js";

const RULES_URL = "../rules/";

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
      focusWithRing(input);
      return;
    }
    const ms = Math.max(1, Math.round(response.ms));
    status.textContent = `Inspected ${name} (${formatSize(response.size)}, ${response.result.kind}) in ${ms} ms.`;
    render(response.result, response.pseudo, name);
    resultSection.hidden = false;
    focusWithRing($("result-heading"));
  });
  current.addEventListener("error", (event) => {
    if (worker !== current) return;
    status.textContent = `Could not inspect ${name}: ${event.message || "the analysis worker failed"}`;
    focusWithRing(input);
  });
  current.postMessage(request);
}

function render(result: ArtifactScanResult, pseudo: string[], name: string): void {
  const view = renderInspection(result, pseudo, name, RULES_URL);
  $("verdict").innerHTML = view.verdict;
  $("result-findings").innerHTML = view.findings;
  $("result-pseudo").innerHTML = view.pseudo;
  $("result-imports").innerHTML = view.imports;
  $("result-calls").innerHTML = view.calls;
  $("result-layout").innerHTML = view.layout;
  $("result-errors").innerHTML = view.errors;
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
