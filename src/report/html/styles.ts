// The one stylesheet of every Pathfinder page: the HTML report inlines it, the web build writes it to
// assets/site.css (followed by the site-only rules in web/). Colours meet WCAG AA contrast in both schemes.

export const BASE_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f7f8fa; --surface: #ffffff; --surface-2: #eef1f5; --border: #cfd6df;
  --text: #1b2330; --muted: #4a5566; --accent: #0b57d0; --accent-text: #ffffff; --focus: #0b57d0;
  --mark: #ffe08a; --mark-text: #1b2330; --code-bg: #f1f3f6;
  --sev-critical: #7a1020; --sev-high: #b3261e; --sev-medium: #8a4b00; --sev-low: #1f5fbf;
  --hl-keyword: #8f1d8a; --hl-string: #0f6b2f; --hl-comment: #5a6473; --hl-number: #9a3412; --hl-def: #0b4fa8;
  --hl-builtin: #6b3fa0; --hl-operator: #3b4657;
  --radius: 8px; --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #12161c; --surface: #1a2029; --surface-2: #232b36; --border: #3a4656;
    --text: #e6ebf2; --muted: #aab4c3; --accent: #8ab4f8; --accent-text: #0d1117; --focus: #8ab4f8;
    --mark: #6b5200; --mark-text: #fff6d6; --code-bg: #151a21;
    --hl-keyword: #e39bdc; --hl-string: #8fd19e; --hl-comment: #9aa5b4; --hl-number: #f5b37a; --hl-def: #8ab4f8;
    --hl-builtin: #c9a8f5; --hl-operator: #c8d1dc;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.55 var(--sans); }
a { color: var(--accent); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code, pre, kbd { font-family: var(--mono); font-size: 0.92em; }
code { background: var(--code-bg); border: 1px solid var(--border); border-radius: 4px; padding: 0 0.25em; }
pre code { background: none; border: 0; padding: 0; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.6rem; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.25rem; margin: 1.6em 0 0.5em; }
h3 { font-size: 1.05rem; margin: 1.2em 0 0.4em; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-text); padding: 0.5em 1em; z-index: 10; }
.skip-link:focus { left: 0.5em; top: 0.5em; }
.site-header { background: var(--surface); border-bottom: 1px solid var(--border); }
.site-header .inner { max-width: 1200px; margin: 0 auto; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
.brand { font-weight: 700; font-size: 1.1rem; color: var(--text); text-decoration: none; }
.nav { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
.nav a { display: inline-block; padding: 0.3em 0.7em; border-radius: var(--radius); text-decoration: none; color: var(--text); }
.nav a[aria-current="page"] { background: var(--surface-2); font-weight: 600; }
.nav a:hover { background: var(--surface-2); }
main { max-width: 1200px; margin: 0 auto; padding: 1rem; }
.muted { color: var(--muted); }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1rem; }
.stack > * + * { margin-top: 0.75rem; }
.meta-list { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; list-style: none; color: var(--muted); }
.badge { display: inline-block; min-width: 4.8em; text-align: center; padding: 0.05em 0.55em; border-radius: 999px;
  font-size: 0.78rem; font-weight: 700; letter-spacing: 0.03em; text-transform: uppercase; color: #fff; background: var(--muted); }
.badge-critical { background: var(--sev-critical); }
.badge-high { background: var(--sev-high); }
.badge-medium { background: var(--sev-medium); }
.badge-low { background: var(--sev-low); }
.badge-suppressed { background: transparent; color: var(--muted); border: 1px solid var(--border); }
.badge-trust-untrusted { background: var(--sev-critical); }
.badge-trust-unknown, .badge-trust-internal { background: transparent; color: var(--muted); border: 1px solid var(--border); }
.tag { display: inline-block; padding: 0 0.5em; border-radius: 4px; background: var(--surface-2); border: 1px solid var(--border); font-size: 0.8rem; }
.tags { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0; padding: 0; list-style: none; }
.counts { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0; padding: 0; list-style: none; }
.counts li { display: flex; gap: 0.4rem; align-items: center; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.35rem 0.7rem; }
.counts strong { font-size: 1.15rem; }
.code-frame { margin: 0.5rem 0 0; padding: 0.5rem 0; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; overflow-x: auto; font: 0.86rem/1.5 var(--mono); }
.code-frame .line { display: flex; white-space: pre; padding-right: 1rem; }
.code-frame .line.in-region { background: color-mix(in srgb, var(--sev-high) 9%, transparent); }
.code-frame .ln { flex: none; width: 3.5em; padding-right: 0.8em; text-align: right; color: var(--muted); user-select: none; }
.code-frame .gap .ln { color: var(--muted); }
.code-frame mark { background: var(--mark); color: var(--mark-text); border-radius: 2px; }
.finding { background: var(--surface); border: 1px solid var(--border); border-left: 5px solid var(--muted); border-radius: var(--radius); padding: 0.75rem 1rem; }
.finding.sev-critical { border-left-color: var(--sev-critical); }
.finding.sev-high { border-left-color: var(--sev-high); }
.finding.sev-medium { border-left-color: var(--sev-medium); }
.finding.sev-low { border-left-color: var(--sev-low); }
.finding-head { display: flex; flex-wrap: wrap; gap: 0.4rem 0.75rem; align-items: baseline; }
.finding-rule { font-family: var(--mono); font-size: 0.85rem; }
.finding-message { margin: 0.35rem 0 0; }
.finding-fix { margin: 0.4rem 0 0; color: var(--muted); }
.finding-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
.trace { margin: 0.5rem 0 0; padding-left: 1.4rem; color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: end; }
.filters fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: 0; padding: 0.3rem 0.7rem 0.5rem; display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; }
.filters legend { font-size: 0.85rem; color: var(--muted); padding: 0 0.3em; }
.field { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.85rem; color: var(--muted); }
input[type="search"], input[type="text"], select { font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: 0.35rem 0.5rem; min-height: 2.2rem; }
button, .button { font: inherit; cursor: pointer; color: var(--text); background: var(--surface-2); border: 1px solid var(--border); border-radius: 6px; padding: 0.35rem 0.8rem; min-height: 2.2rem; text-decoration: none; display: inline-flex; align-items: center; gap: 0.35rem; }
button:hover, .button:hover { border-color: var(--accent); }
.button-primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
.chart { max-width: 100%; height: auto; }
.chart text { fill: var(--text); font: 12px var(--sans); }
.chart .axis { stroke: var(--border); }
.chart .bar-critical { fill: var(--sev-critical); }
.chart .bar-high { fill: var(--sev-high); }
.chart .bar-medium { fill: var(--sev-medium); }
.chart .bar-low { fill: var(--sev-low); }
.chart .bar-rule { fill: var(--accent); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1rem; margin-top: 1rem; align-items: start; }
.file-group > h3 { font-family: var(--mono); font-size: 0.95rem; word-break: break-all; }
.empty { padding: 1rem; text-align: center; color: var(--muted); }
table.data { border-collapse: collapse; width: 100%; }
table.data th, table.data td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--border); vertical-align: top; }
[hidden] { display: none !important; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: 0.6rem; }
  .code-frame .ln { width: 2.8em; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
