// Site-only styles, appended to the shared BASE_CSS (src/report/html/styles.ts) in assets/site.css.

export const SITE_CSS = `
.lead { font-size: 1.05rem; max-width: 70ch; }
.site-footer { max-width: 1200px; margin: 2rem auto 1rem; padding: 0 1rem; font-size: 0.9rem; }
main:focus { outline: none; }
kbd { border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: 0 0.3em; background: var(--surface); }

/* Syntax colours: the tok-* classes of @lezer/highlight's classHighlighter (static pages and the editor). */
.tok-keyword, .tok-controlKeyword, .tok-operatorKeyword, .tok-definitionKeyword, .tok-moduleKeyword { color: var(--hl-keyword); }
.tok-string, .tok-string2, .tok-special.tok-string { color: var(--hl-string); }
.tok-comment, .tok-lineComment, .tok-blockComment { color: var(--hl-comment); font-style: italic; }
.tok-number, .tok-bool, .tok-atom, .tok-null { color: var(--hl-number); }
.tok-variableName.tok-definition, .tok-className, .tok-function { color: var(--hl-def); }
.tok-propertyName.tok-definition { color: var(--hl-def); }
.tok-variableName.tok-standard, .tok-self, .tok-typeName { color: var(--hl-builtin); }
.tok-operator, .tok-punctuation { color: var(--hl-operator); }
.tok-meta { color: var(--hl-builtin); }

.code-block { margin: 0.5rem 0; padding: 0.75rem 1rem; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; overflow-x: auto; font: 0.88rem/1.5 var(--mono); }

/* Playground */
.pg-intro h1 { margin-bottom: 0.1em; }
.pg-intro p { margin-top: 0; }
.pg-toolbar { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: end; margin-bottom: 1rem; padding: 0.6rem 0.8rem; }
.pg-toolbar select { max-width: min(32rem, 80vw); }
.engine-status { margin: 0 0 0 auto; align-self: center; font-size: 0.9rem; }
.pg-layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
@media (max-width: 900px) { .pg-layout { grid-template-columns: minmax(0, 1fr); } }
.pg-results h2 { margin-top: 0; }
.editor-host { border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); overflow: hidden; }
.editor-host .cm-editor { height: clamp(320px, 62vh, 760px); font-size: 0.9rem; }
.editor-host .cm-editor.cm-focused { outline: 3px solid var(--focus); outline-offset: -1px; }
.editor-host .cm-scroller { font-family: var(--mono); line-height: 1.5; }
.editor-host .cm-gutters { background: var(--surface-2); color: var(--muted); border-right: 1px solid var(--border); }
.editor-host .cm-activeLine { background: color-mix(in srgb, var(--accent) 6%, transparent); }
.editor-host .cm-activeLineGutter { background: color-mix(in srgb, var(--accent) 14%, transparent); }
.editor-host .cm-cursor { border-left-color: var(--text); }
.editor-host .cm-selectionBackground, .editor-host .cm-focused .cm-selectionBackground { background: color-mix(in srgb, var(--accent) 28%, transparent) !important; }
.editor-status { margin: 0.3rem 0 0; font-size: 0.85rem; }
.editor-host .cm-tooltip { max-width: min(34rem, 90vw); background: var(--surface); color: var(--text); border: 1px solid var(--border);
  border-radius: 6px; box-shadow: 0 4px 16px rgb(0 0 0 / 18%); }
.editor-host .cm-diagnostic { padding: 0.4rem 0.6rem; }
.cm-diagnostic { font-family: var(--sans); }
.diag-rule { font-family: var(--mono); font-size: 0.8rem; }
.diag-fix { margin-top: 0.3rem; color: var(--muted); }
.findings-panel { display: grid; gap: 0.5rem; }
.finding-jump { display: block; width: 100%; text-align: left; font: inherit; color: inherit; background: var(--surface); border: 1px solid var(--border);
  border-left: 5px solid var(--muted); border-radius: var(--radius); padding: 0.55rem 0.75rem; cursor: pointer; }
.finding-jump:hover { border-color: var(--accent); }
.finding-jump.sev-critical { border-left-color: var(--sev-critical); }
.finding-jump.sev-high { border-left-color: var(--sev-high); }
.finding-jump.sev-medium { border-left-color: var(--sev-medium); }
.finding-jump.sev-low { border-left-color: var(--sev-low); }
.finding-jump .finding-message { display: block; margin: 0.3rem 0 0; }
.finding-jump .position { font-family: var(--mono); font-size: 0.85rem; color: var(--muted); }
.finding-extra { margin: 0.25rem 0 0 0.2rem; font-size: 0.9rem; display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: center; }
.fix-button { min-height: 1.9rem; padding: 0.15rem 0.6rem; font-size: 0.85rem; }
.notice { border: 1px solid var(--border); border-left: 5px solid var(--sev-medium); background: var(--surface); border-radius: var(--radius); padding: 0.5rem 0.75rem; }

/* Rule pages */
.breadcrumb { font-size: 0.9rem; margin-bottom: 0.5rem; }
.rule-page { max-width: 960px; }
.rule-id { margin: 0; }
.facts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.8rem 0; }
.facts div { display: flex; flex-direction: column; }
.facts dt { font-size: 0.8rem; color: var(--muted); }
.facts dd { margin: 0; }
.examples { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
.example { margin: 0.5rem 0; }
.example figcaption { font-weight: 600; }
.example-bad figcaption::before { content: "✗ "; color: var(--sev-high); }
.example-good figcaption::before { content: "✓ "; color: var(--hl-string); }
.faq { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.5rem 0.8rem; margin: 0.5rem 0; }
.faq summary { font-weight: 600; cursor: pointer; }
.table-wrap { overflow-x: auto; }
.command-block { display: flex; gap: 0.5rem; align-items: center; }
.command-block .code-block { flex: 1; min-width: 0; }
.embed .editor-host .cm-editor { height: clamp(220px, 40vh, 480px); }
.embed-layout { display: grid; gap: 0.75rem; }
.embed-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.similar { padding-left: 1.2rem; }

/* Rules index */
.rule-list { list-style: none; margin: 1rem 0 0; padding: 0; display: grid; gap: 0.75rem; }
.rule-card p { margin: 0.4rem 0; }
.rule-link { font-weight: 600; }

/* Inspector */
.dropzone { border: 2px dashed var(--border); text-align: center; padding: 1.5rem 1rem; }
.dropzone.dragging { border-color: var(--accent); background: color-mix(in srgb, var(--accent) 8%, var(--surface)); }
.dropzone-title { font-weight: 600; }
.file-input:focus-visible + label { outline: 3px solid var(--focus); outline-offset: 2px; }
/* Focus moved by script after a mouse action (web/app/focus.ts): the same ring as :focus-visible. */
.focus-ring:focus, .file-input.focus-ring:focus + label { outline: 3px solid var(--focus); outline-offset: 2px; }
.samples { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 1rem 0; }
.verdict { border-radius: var(--radius); padding: 0.8rem 1rem; border: 1px solid var(--border); border-left-width: 6px; background: var(--surface); }
.verdict h3 { margin: 0 0 0.3rem; }
.verdict p { margin: 0; }
.verdict-dangerous { border-left-color: var(--sev-critical); }
.verdict-suspicious { border-left-color: var(--sev-medium); }
.verdict-clean { border-left-color: var(--hl-string); }
.pseudo { max-height: 28rem; overflow: auto; }
`;
