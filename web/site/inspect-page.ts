// /inspect/: the pickle inspector. The file is read and analysed in the browser by the artifact scanner.

import { page } from "./layout.js";

export function inspectPage(): string {
  const main = `
<h1>Pickle inspector</h1>
<p class="lead">See what a model or data file would do when loaded: every import, every call, and a verdict. The file is
read in your browser and never executed, imported or uploaded.</p>
<noscript><p class="card">The inspector needs JavaScript. From a terminal: <code>pathfinder scan --project DIR</code>.</p></noscript>
<div id="dropzone" class="dropzone card">
<p class="dropzone-title">Drop a <code>.pkl</code>, <code>.pt</code>, <code>.pth</code>, <code>.bin</code>, <code>.joblib</code>, <code>.npy</code> or <code>.npz</code> file here</p>
<p><input id="file-input" class="visually-hidden file-input" type="file"><label for="file-input" class="button button-primary">Choose a file…</label></p>
<p class="muted">Content decides the format, not the extension. Large checkpoints are fine: tensor data is skipped, not read.</p>
</div>
<div class="samples" role="group" aria-labelledby="samples-label">
<span id="samples-label" class="muted">Or try a built-in sample:</span>
<button type="button" data-sample="malicious">Malicious pickle (runs a shell command)</button>
<button type="button" data-sample="torch">PyTorch checkpoint with a hidden payload</button>
<button type="button" data-sample="benign">Benign pickle</button>
</div>
<p id="inspect-status" class="muted" role="status" aria-live="polite"></p>
<section id="inspect-result" class="stack" hidden aria-labelledby="result-heading">
<h2 id="result-heading" tabindex="-1">Result</h2>
<div id="verdict"></div>
<div id="result-findings"></div>
<div id="result-pseudo"></div>
<div id="result-imports"></div>
<div id="result-calls"></div>
<div id="result-layout"></div>
<div id="result-errors"></div>
</section>`;
  return page({
    title: "Pickle inspector · Pathfinder",
    description: "Inspect pickle-based model and data files (.pkl, .pt, .joblib, .npy) for code execution, in your browser.",
    base: "../",
    current: "inspect",
    main,
    scripts: ["inspect"],
  });
}
