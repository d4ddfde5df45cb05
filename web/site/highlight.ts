// Build-time syntax highlighting of Python examples, with the same Lezer grammar the editor uses, so the
// rule pages are coloured without JavaScript. Token classes (`tok-*`) are styled in site.css.

import { classHighlighter, highlightCode } from "@lezer/highlight";
import { parser } from "@lezer/python";
import { escapeHtml } from "../../src/report/html/escape.js";

/** Highlighted HTML (no wrapper) of Python `code`. */
export function highlightPython(code: string): string {
  let out = "";
  highlightCode(
    code,
    parser.parse(code),
    classHighlighter,
    (text, classes) => {
      out += classes ? `<span class="${escapeHtml(classes)}">${escapeHtml(text)}</span>` : escapeHtml(text);
    },
    () => {
      out += "\n";
    },
  );
  return out;
}

/** A `<pre>` code block with a label announced to screen readers. */
export function codeBlock(code: string, label: string): string {
  return `<pre class="code-block" tabindex="0" aria-label="${escapeHtml(label)}"><code class="language-python">${highlightPython(code.replace(/\s+$/, ""))}</code></pre>`;
}
