const SIMPLE_ESCAPES: Record<string, string> = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/**
 * The value of a Python string or bytes literal from its source text (`'a'`, `r"\d"`, `b'''x'''`).
 * Undefined for f-strings with replacement fields and for escapes whose value needs the Unicode database (`\N{...}`).
 */
export function decodeStringLiteral(text: string): string | undefined {
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(text);
  if (!m) return undefined;
  const prefix = m[1].toLowerCase();
  const quote = m[2];
  if (text.length < m[0].length + quote.length || !text.endsWith(quote)) return undefined;
  const body = text.slice(m[0].length, text.length - quote.length);
  if (prefix.includes("f") && /\{(?!\{)/.test(body.replace(/\{\{/g, ""))) return undefined;
  const literal = prefix.includes("f") ? body.replace(/\{\{/g, "{").replace(/\}\}/g, "}") : body;
  if (prefix.includes("r")) return literal;
  let out = "";
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i];
    if (c !== "\\" || i + 1 >= literal.length) {
      out += c;
      continue;
    }
    const next = literal[i + 1];
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
    } else if (next === "\r") {
      i += literal[i + 2] === "\n" ? 2 : 1;
    } else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(literal.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length;
    } else if (next === "x" || (!prefix.includes("b") && (next === "u" || next === "U"))) {
      const len = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hex = literal.slice(i + 2, i + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) return undefined;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 1 + len;
    } else if (next === "N" && !prefix.includes("b")) {
      return undefined;
    } else {
      out += c;
    }
  }
  return out;
}
