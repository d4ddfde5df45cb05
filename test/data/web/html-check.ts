// A strict-enough HTML checker for generated pages: every non-void element is closed in order, no stray
// `<` or `>` in text, attributes are quoted, and ids are unique. Script and style bodies are skipped.

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const SVG_SELF_CLOSING = /\/>$/;

export function checkHtmlStructure(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const ids = new Set<string>();
  const body = html.replace(/^<!DOCTYPE html>\s*/i, "");
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)\s*(\/?)>/y;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf("<", i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    if (text.includes(">")) problems.push(`stray ">" in text near: ${JSON.stringify(text.slice(0, 60))}`);
    if (lt < 0) break;
    if (body.startsWith("<!--", lt)) {
      const end = body.indexOf("-->", lt);
      i = end < 0 ? body.length : end + 3;
      continue;
    }
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) {
      problems.push(`malformed tag or stray "<" near: ${JSON.stringify(body.slice(lt, lt + 60))}`);
      i = lt + 1;
      continue;
    }
    const [whole, closing, rawName, attrs, selfClosing] = m;
    const name = rawName!.toLowerCase();
    i = lt + whole.length;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
      continue;
    }
    for (const idMatch of attrs!.matchAll(/\sid="([^"]*)"/g)) {
      if (ids.has(idMatch[1]!)) problems.push(`duplicate id "${idMatch[1]}"`);
      ids.add(idMatch[1]!);
    }
    if (VOID.has(name) || (selfClosing && SVG_SELF_CLOSING.test(whole))) continue;
    if (name === "script" || name === "style") {
      const end = body.toLowerCase().indexOf(`</${name}>`, i);
      if (end < 0) {
        problems.push(`<${name}> is never closed`);
        break;
      }
      i = end + name.length + 3;
      continue;
    }
    stack.push(name);
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.join(" > ")}`);
  return problems;
}

/** Text of an HTML fragment: tags removed, the five standard entities decoded. */
export function textContent(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
