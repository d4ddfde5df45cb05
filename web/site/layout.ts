// The frame of every page of the site: head (CSP, styles), skip link, header with navigation, footer.
// Links are relative (`base` climbs back to the site root) so the folder works on any static host, in a subfolder too.

import { escapeHtml } from "../../src/report/html/escape.js";

export type Section = "playground" | "inspect" | "rules";

export interface PageOptions {
  title: string;
  description: string;
  /** Relative path from this page to the site root: "", "../" or "../../". */
  base: string;
  current?: Section;
  /** Body HTML inside <main>. */
  main: string;
  /** Module entry points under assets/ (without extension). */
  scripts?: string[];
  /** The page analyses Python: fetch the parser's WebAssembly while the scripts load. */
  preloadEngine?: boolean;
}

/**
 * Pages only load their own files (and the engine's WebAssembly); the policy also makes any stray
 * third-party request fail. CodeMirror injects style elements, hence 'unsafe-inline' for styles only.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

const NAV: { section: Section; label: string; path: string }[] = [
  { section: "playground", label: "Playground", path: "" },
  { section: "inspect", label: "Pickle inspector", path: "inspect/" },
  { section: "rules", label: "Rules", path: "rules/" },
];

export function page(options: PageOptions): string {
  const { base } = options;
  const nav = NAV.map(
    (n) =>
      `<li><a href="${base}${n.path || "./"}"${n.section === options.current ? ` aria-current="page"` : ""}>${n.label}</a></li>`,
  ).join("");
  const scripts = (options.scripts ?? []).map((s) => `<script type="module" src="${base}assets/${s}.js"></script>`).join("\n");
  const preload = options.preloadEngine
    ? ["tree-sitter.wasm", "tree-sitter-python.wasm"].map((f) => `<link rel="preload" href="${base}assets/${f}" as="fetch" type="application/wasm" crossorigin>`).join("\n")
    : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="description" content="${escapeHtml(options.description)}">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="${base}assets/site.css">
<link rel="icon" href="${base}assets/favicon.svg" type="image/svg+xml">
${preload}
${scripts}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><div class="inner">
<a class="brand" href="${base || "./"}">Pathfinder</a>
<nav aria-label="Main"><ul class="nav">${nav}</ul></nav>
</div></header>
<main id="main" tabindex="-1">
${options.main}
</main>
<footer class="site-footer"><p class="muted">Pathfinder finds insecure deserialization (CWE-502). Everything on this site runs in your browser: code and files you analyse never leave your machine.</p></footer>
</body>
</html>
`;
}

/** Favicon: a compass needle; inline SVG, no external file format needed. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#0b57d0"/><path d="M16 5l4 11-4 11-4-11z" fill="#fff"/><path d="M16 5l4 11h-8z" fill="#ffb4a9"/></svg>`;
