// setup.cfg (`[options] install_requires`, `[options.extras_require]`) and setup.py read statically: the string
// literals of `install_requires=[...]` and `extras_require={...: [...]}` lists. Nothing is executed.
import { LineIndex } from "./lines.js";
import { declared } from "./make.js";
import { parseRequirement } from "./pep508.js";
import type { ManifestResult } from "./types.js";
import { stringLiteralEnd } from "../languages/python/source-text.js";

export function parseSetupCfg(file: string, text: string): ManifestResult {
  const result: ManifestResult = { dependencies: [], includes: [], problems: [] };
  const index = new LineIndex(text);
  const lines = text.split("\n");
  let section = "";
  let inList = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      section = header[1].trim().toLowerCase();
      inList = false;
      return;
    }
    if (/^\s*[#;]/.test(line) || !line.trim()) return;
    const key = /^(\S[^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    let value: string | undefined;
    if (key && !/^\s/.test(line)) {
      const name = key[1].trim().toLowerCase();
      inList = (section === "options" && (name === "install_requires" || name === "setup_requires" || name === "tests_require")) || section === "options.extras_require";
      value = inList ? key[2] : undefined;
    } else if (inList && /^\s/.test(line)) {
      value = line;
    }
    if (value === undefined) return;
    const content = value.replace(/(^|\s)#.*$/, "").trim();
    const req = content ? parseRequirement(content) : undefined;
    if (!req) return;
    const at = index.linePosition(i + 1);
    const col = line.indexOf(req.name);
    result.dependencies.push(declared(req, "setup.cfg", file, col >= 0 ? { ...at, column: col + 1 } : at));
  });
  return result;
}

export function parseSetupPy(file: string, text: string): ManifestResult {
  const result: ManifestResult = { dependencies: [], includes: [], problems: [] };
  const index = new LineIndex(text);
  for (const m of text.matchAll(/\b(install_requires|extras_require|setup_requires|tests_require)\s*=\s*([[{(])/g)) {
    const open = m.index + m[0].length - 1;
    const end = matchingClose(text, open);
    for (const literal of stringLiterals(text, open + 1, end)) {
      const req = parseRequirement(literal.value);
      if (!req) continue;
      result.dependencies.push(declared(req, "setup.py", file, index.position(literal.start, literal.end)));
    }
  }
  return result;
}

/** Offset of the bracket closing the one at `open`, skipping strings and comments; the text end if unbalanced. */
function matchingClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "#") {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '"' || c === "'") {
      i = stringLiteralEnd(text, i) - 1;
    } else if ("[{(".includes(c)) depth++;
    else if ("]})".includes(c) && --depth === 0) return i;
  }
  return text.length;
}

/** Plain (unprefixed or r/u-prefixed) single-line string literals between two offsets; dict keys included. */
function stringLiterals(text: string, from: number, to: number): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === "#") {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? to : nl;
      continue;
    }
    if (c !== '"' && c !== "'") continue;
    const end = stringLiteralEnd(text, i);
    const prefix = text.slice(Math.max(0, i - 1), i);
    const q = text.startsWith(c.repeat(3), i) ? 3 : 1;
    if (!/[fFbB]/.test(prefix)) out.push({ value: text.slice(i + q, end - q), start: i, end });
    i = end - 1;
  }
  return out;
}
