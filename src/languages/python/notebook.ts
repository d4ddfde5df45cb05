// Jupyter notebooks (`.ipynb`, nbformat 4): their code cells become one Python text, cells in order, so that the
// Python rules read them as they read a module (data flow runs from cell to cell, as the kernel does); every position
// in that text maps back to the notebook file itself, the JSON lines a diff or a code-scanning alert shows, and to
// the cell and its line. IPython syntax that is not Python (`%magic`, `!shell`, `x = !cmd`, `obj?`, `%%bash` cells)
// becomes `pass` or blank lines of the same count, so no line moves.
// Browser-safe: no node:* imports.
import { findNodeAtLocation, parseTree, type Node, type ParseError } from "jsonc-parser";
import { LineIndex } from "../../core/line-index.js";

/** Where one line of the Python text comes from. */
interface LineOrigin {
  /** 1-based index of the cell among all the notebook's cells, as Jupyter numbers them top to bottom. */
  cell: number;
  /** 1-based line inside the cell. */
  cellLine: number;
  /** Offset of the JSON string holding the line (its opening quote) in the notebook's text. */
  tokenOffset: number;
  /** Where the line starts in that string's decoded value. */
  decodedStart: number;
}

export interface NotebookPython {
  /** The code cells as one Python text, one line per cell line. */
  source: string;
  /** The notebook position (1-based line and column, UTF-16) of a 1-based line and column of `source`. */
  position(line: number, column: number): { line: number; column: number };
  /** The cell and the line inside it of a 1-based line of `source`. */
  cellOf(line: number): { cell: number; cellLine: number } | undefined;
}

export type NotebookRead = { python: NotebookPython } | { notPython: string } | { problem: string };

/** Cell magics whose body is Python run by the kernel (`%%time` times the cell; `%%capture` keeps its output). */
const PYTHON_BODY_CELL_MAGICS = new Set(["time", "timeit", "capture", "prun", "debug", "python", "python3", "pypy"]);

export function isNotebookPath(path: string): boolean {
  return path.toLowerCase().endsWith(".ipynb");
}

export function readNotebook(text: string): NotebookRead {
  // Lenient: a notebook with a stray comma or a merge conflict still has its cells read, as far as they parse.
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false });
  const index = new LineIndex(text);
  const invalid = syntaxErrors.length ? ` (not valid JSON at line ${index.position(syntaxErrors[0].offset)[0] + 1})` : "";
  if (!root || root.type !== "object") return { problem: `not a notebook: the file is not a JSON object${invalid}` };
  const language = kernelLanguage(root);
  if (language && language !== "python") return { notPython: language };
  const cells = findNodeAtLocation(root, ["cells"]);
  if (!cells || cells.type !== "array") return { problem: `not a notebook of nbformat 4: no \`cells\` list${invalid}` };
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  (cells.children ?? []).forEach((cell, i) => {
    if (cell.type !== "object" || stringValue(findNodeAtLocation(cell, ["cell_type"])) !== "code") return;
    const source = findNodeAtLocation(cell, ["source"]);
    const pieces = source?.type === "string" ? [source] : source?.type === "array" ? (source.children ?? []).filter((p) => p.type === "string") : [];
    const cellLines: { text: string; tokenOffset: number; decodedStart: number }[] = [];
    let open: { text: string; tokenOffset: number; decodedStart: number } | undefined;
    for (const piece of pieces) {
      const value = piece.value as string;
      let start = 0;
      for (let nl = value.indexOf("\n"); ; nl = value.indexOf("\n", start)) {
        const end = nl < 0 ? value.length : nl;
        // A string that ends its line leaves nothing open: the next line starts in the next string.
        if (nl < 0 && start === value.length) break;
        if (open) open.text += value.slice(start, end);
        else open = { text: value.slice(start, end), tokenOffset: piece.offset, decodedStart: start };
        if (nl < 0) break;
        cellLines.push(open);
        open = undefined;
        start = nl + 1;
      }
    }
    if (open) cellLines.push(open);
    const python = asPython(cellLines.map((l) => l.text.replace(/\r$/, "")));
    python.forEach((line, k) => {
      lines.push(line.text);
      origins.push({ cell: i + 1, cellLine: k + 1, tokenOffset: cellLines[k].tokenOffset, decodedStart: cellLines[k].decodedStart + line.shift });
    });
  });
  return {
    python: {
      source: lines.join("\n") + (lines.length ? "\n" : ""),
      position(line, column) {
        const origin = origins[Math.min(Math.max(line, 1), origins.length) - 1];
        if (!origin) return { line: 1, column: 1 };
        const offset = origin.tokenOffset + rawLength(text, origin.tokenOffset, origin.decodedStart + column - 1);
        const [row, col] = index.position(offset);
        return { line: row + 1, column: col + 1 };
      },
      cellOf(line) {
        const origin = origins[line - 1];
        return origin && { cell: origin.cell, cellLine: origin.cellLine };
      },
    },
  };
}

/** The kernel's language from the notebook's metadata, lower case; undefined when it does not say. */
function kernelLanguage(root: Node): string | undefined {
  const named = stringValue(findNodeAtLocation(root, ["metadata", "kernelspec", "language"])) ?? stringValue(findNodeAtLocation(root, ["metadata", "language_info", "name"]));
  return named?.toLowerCase();
}

function stringValue(node: Node | undefined): string | undefined {
  return node?.type === "string" ? (node.value as string) : undefined;
}

/**
 * How many characters of the JSON string at `tokenOffset` (from its opening quote) hold the first `decoded` UTF-16
 * units of its value, plus the quote: escapes (`\n`, `\"`, `\u00e9`) are longer than what they stand for.
 */
function rawLength(text: string, tokenOffset: number, decoded: number): number {
  let at = tokenOffset + 1;
  for (let units = 0; units < decoded && at < text.length && text[at] !== '"'; units++) at += text[at] === "\\" ? (text[at + 1] === "u" ? 6 : 2) : 1;
  return at - tokenOffset;
}

/**
 * One cell's lines as Python: IPython's own syntax, where a statement starts (not inside brackets, strings or a
 * continued line), becomes `pass` at the line's indentation, and the lines it continues with a backslash become
 * blank; `%time`, `%timeit` and `%prun` before a statement leave the statement (`shift` is how many characters of
 * the line were taken off its start); a cell in another language (`%%bash`, `%%html`) becomes blank lines.
 */
function asPython(cellLines: string[]): { text: string; shift: number }[] {
  const first = cellLines.findIndex((l) => l.trim() !== "");
  const magic = first >= 0 ? /^\s*%%(\w+)/.exec(cellLines[first]) : null;
  if (magic && !PYTHON_BODY_CELL_MAGICS.has(magic[1])) return cellLines.map(() => ({ text: "", shift: 0 }));
  const out: { text: string; shift: number }[] = [];
  const state = { depth: 0, quote: "", continued: false };
  let ipythonContinued = false;
  cellLines.forEach((line, i) => {
    if (ipythonContinued) {
      out.push({ text: "", shift: 0 });
      ipythonContinued = line.endsWith("\\");
      return;
    }
    const atStatement = state.depth === 0 && state.quote === "" && !state.continued;
    const timed = atStatement ? TIMED_STATEMENT.exec(line) : null;
    if (timed && !isIPythonLine(line.slice(timed[0].length))) {
      // `%time x = f()` runs `x = f()`: the statement stays, at the magic's indentation.
      const shift = timed[0].length - timed[1].length;
      out.push({ text: timed[1] + line.slice(timed[0].length), shift });
      scanLine(line.slice(timed[0].length), state);
      return;
    }
    if (atStatement && (i === first && magic ? true : isIPythonLine(line))) {
      out.push({ text: line.replace(/^(\s*).*$/, "$1pass"), shift: 0 });
      ipythonContinued = line.endsWith("\\");
      return;
    }
    out.push({ text: line, shift: 0 });
    scanLine(line, state);
  });
  return out;
}

/** `%time`, `%timeit` (with its options: `-n 100 -r3 -q`) and `%prun` before a statement; group 1 the indentation. */
const TIMED_STATEMENT = /^(\s*)%(?:time|timeit|prun)(?:\s+-[a-z](?:\s*\d+)?)*\s+(?=\S)/;

/** `%magic`, `!shell`, `?help`, `x = %magic`, `x = !shell`, `name?` and `name??`. */
function isIPythonLine(line: string): boolean {
  const t = line.trim();
  if (/^[%!?]/.test(t)) return true;
  if (/^[\w.,\s*()[\]]+=\s*[%!]/.test(t) && !/^[\w.]+\s*[!=<>]=/.test(t)) return true;
  return /^[A-Za-z_][\w.]*\?{1,2}$/.test(t);
}

/** Follows brackets, strings and backslash continuations through one line. */
function scanLine(line: string, state: { depth: number; quote: string; continued: boolean }): void {
  let i = 0;
  while (i < line.length) {
    if (state.quote) {
      if (line[i] === "\\") {
        i += 2;
        continue;
      }
      if (line.startsWith(state.quote, i)) {
        i += state.quote.length;
        state.quote = "";
        continue;
      }
      i++;
      continue;
    }
    const c = line[i];
    if (c === "#") break;
    if (c === '"' || c === "'") {
      const triple = line.startsWith(c.repeat(3), i);
      state.quote = triple ? c.repeat(3) : c;
      i += state.quote.length;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") state.depth++;
    else if ((c === ")" || c === "]" || c === "}") && state.depth > 0) state.depth--;
    i++;
  }
  // A one-quote string does not go on to the next line (unless continued, which Python rarely sees in notebooks).
  if (state.quote.length === 1) state.quote = "";
  state.continued = line.endsWith("\\") && !state.quote;
}
