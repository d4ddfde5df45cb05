import { appendAll } from "../core/arrays.js";

/** A unified diff (as `diff -u` and `git diff` print it) of two texts, by lines. */

type Op = { kind: " " | "-" | "+"; text: string };

/** Beyond this many differing lines the middle is shown as one replacement instead of a minimal diff. */
const MAX_EDIT_DISTANCE = 500;

export interface DiffLabels {
  /** `--- ` line, e.g. `a/app/loader.py`. */
  from: string;
  /** `+++ ` line, e.g. `b/app/loader.py`. */
  to: string;
}

/** Empty string when the texts are equal. Line terminators are part of the lines, so CRLF files diff faithfully. */
export function unifiedDiff(oldText: string, newText: string, labels: DiffLabels, context = 3): string {
  if (oldText === newText) return "";
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = editScript(a, b);
  const out = [`--- ${labels.from}\n`, `+++ ${labels.to}\n`];
  for (const hunk of hunks(ops, context)) appendAll(out, hunk);
  return out.join("");
}

/** Lines with their terminators; a last line without one stays as is. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function editScript(a: string[], b: string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return [
    ...a.slice(0, prefix).map((text): Op => ({ kind: " ", text })),
    ...middle,
    ...a.slice(a.length - suffix).map((text): Op => ({ kind: " ", text })),
  ];
}

/** Myers' O(ND) shortest edit script; falls back to delete-all/insert-all when D is large. */
function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d, offset);
    }
    v = next;
  }
  return [...a.map((text): Op => ({ kind: "-", text })), ...b.map((text): Op => ({ kind: "+", text }))];
}

function backtrack(trace: Int32Array[], a: string[], b: string[], dFinal: number, offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dFinal; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", text: a[--x] });
      y--;
    }
    if (down) ops.push({ kind: "+", text: b[--y] });
    else ops.push({ kind: "-", text: a[--x] });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: " ", text: a[--x] });
    y--;
  }
  return ops.reverse();
}

function hunks(ops: Op[], context: number): string[][] {
  const out: string[][] = [];
  const changed = ops.map((op, i) => (op.kind === " " ? -1 : i)).filter((i) => i >= 0);
  // Line numbers before each hunk, carried forward: recounting from the start per hunk is quadratic.
  const start = { op: 0, old: 1, new: 1 };
  let i = 0;
  while (i < changed.length) {
    let end = changed[i];
    let j = i;
    while (j + 1 < changed.length && changed[j + 1] - end <= 2 * context) end = changed[++j];
    const from = Math.max(0, changed[i] - context);
    const to = Math.min(ops.length - 1, end + context);
    for (; start.op < from; start.op++) {
      if (ops[start.op].kind !== "+") start.old++;
      if (ops[start.op].kind !== "-") start.new++;
    }
    out.push(renderHunk(ops, from, to, start.old, start.new));
    i = j + 1;
  }
  return out;
}

function renderHunk(ops: Op[], from: number, to: number, oldStart: number, newStart: number): string[] {
  let oldCount = 0;
  let newCount = 0;
  const lines: string[] = [];
  for (let i = from; i <= to; i++) {
    const op = ops[i];
    if (op.kind !== "+") oldCount++;
    if (op.kind !== "-") newCount++;
    lines.push(op.kind + op.text + (op.text.endsWith("\n") ? "" : "\n\\ No newline at end of file\n"));
  }
  // An empty range names the line before it, as `diff -u` does.
  const range = (start: number, count: number) => (count === 0 ? `${start - 1},0` : count === 1 ? `${start}` : `${start},${count}`);
  return [`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`, ...lines];
}
