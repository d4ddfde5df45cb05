// A deliberately small Markdown subset for rule documentation: paragraphs, bullet and numbered lists,
// fenced code, inline code, bold, italics and links. Everything is escaped first; links allow http(s) only.

import { escapeHtml, safeHref } from "./escape.js";

/** Inline Markdown (code spans, links, bold, italics) to HTML. */
export function inlineMarkdown(text: string): string {
  let out = "";
  // Odd-indexed pieces are code spans: their content is never interpreted.
  const pieces = text.split(/(`+[^`]*?`+)/);
  for (const piece of pieces) {
    const code = /^(`+)([^`]*?)\1$/.exec(piece);
    if (code) {
      out += `<code>${escapeHtml(code[2]!.trim() === "" ? code[2]! : code[2]!.replace(/^ (.*) $/, "$1"))}</code>`;
    } else {
      out += linksAndEmphasis(piece);
    }
  }
  return out;
}

function linksAndEmphasis(text: string): string {
  const link = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
  let out = "";
  let last = 0;
  for (let m = link.exec(text); m; m = link.exec(text)) {
    out += emphasis(escapeHtml(text.slice(last, m.index)));
    out += `<a href="${safeHref(m[2]!)}">${emphasis(escapeHtml(m[1]!))}</a>`;
    last = m.index + m[0].length;
  }
  return out + emphasis(escapeHtml(text.slice(last)));
}

function emphasis(escaped: string): string {
  return escaped.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>").replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?!\w)/g, "$1<em>$2</em>");
}

/** Block Markdown to HTML. */
export function markdownToHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${inlineMarkdown(paragraph.join(" "))}</p>`);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(```+|~~~+)\s*([\w+-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence[1]!); i++) body.push(lines[i]!);
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : "";
      out.push(`<pre class="code-block"><code${lang}>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    const bullet = /^\s*([-*]|\d+[.)])\s+(.*)$/.exec(line);
    if (bullet) {
      flush();
      const ordered = /\d/.test(bullet[1]!);
      const items: string[] = [];
      for (; i < lines.length; i++) {
        const item = /^\s*([-*]|\d+[.)])\s+(.*)$/.exec(lines[i]!);
        if (item) items.push(item[2]!);
        else if (lines[i]!.trim() && /^\s{2,}/.test(lines[i]!) && items.length) items[items.length - 1] += " " + lines[i]!.trim();
        else break;
      }
      i--;
      const tag = ordered ? "ol" : "ul";
      out.push(`<${tag}>${items.map((it) => `<li>${inlineMarkdown(it)}</li>`).join("")}</${tag}>`);
      continue;
    }
    if (line.trim() === "") flush();
    else paragraph.push(line.trim());
  }
  flush();
  return out.join("\n");
}

/** Finding messages mark code with backticks (`pickle.loads`): those become <code>, everything else is plain text. */
export function codeSpans(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((piece) => (/^`[^`\n]+`$/.test(piece) ? `<code>${escapeHtml(piece.slice(1, -1))}</code>` : escapeHtml(piece)))
    .join("");
}
