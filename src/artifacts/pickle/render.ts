// Renders symbolic values as short Python expressions, and a whole analysis as pseudo-Python.
import type { Value } from "./values.js";

/** How references to imports and persistent ids are spelled. */
export interface RenderNames {
  importExpr(imp: number): string;
  persidExpr(index: number): string;
}

const MAX_DEPTH = 5;
const MAX_ITEMS = 10;
const MAX_TEXT = 60;
/** Total characters one rendering may spend (bounds the work on huge or cyclic containers). */
const BUDGET = 400;

interface Budget {
  left: number;
}

export function renderValue(v: Value, names: RenderNames, budget = BUDGET): string {
  return render(v, names, 0, { left: budget });
}

/** Renders a call's argument tuple without the parentheses: `'ls', 1`. */
export function renderArgs(v: Value, names: RenderNames): string {
  const b = { left: BUDGET };
  if (v.k === "tuple") return renderItems(v.items, names, 0, b);
  return "*" + render(v, names, 0, b);
}

/** Renders a call's arguments and, for NEWOBJ_EX, its keyword arguments: `'ls', 1, k=2`. */
export function renderCall(args: Value, kwargs: Value | undefined, names: RenderNames): string {
  const rendered = renderArgs(args, names);
  const kw = kwargs === undefined ? "" : renderKwargs(kwargs, names);
  return kw.length === 0 ? rendered : rendered.length > 0 ? `${rendered}, ${kw}` : kw;
}

/** Renders keyword arguments of NEWOBJ_EX: `a=1, b=2`, or `**expr`. */
export function renderKwargs(v: Value, names: RenderNames): string {
  const b = { left: BUDGET };
  if (v.k !== "dict") return "**" + render(v, names, 0, b);
  const parts: string[] = [];
  for (let i = 0; i + 1 < v.items.length; i += 2) {
    const key = v.items[i]!;
    if (parts.length >= MAX_ITEMS || b.left <= 0) {
      parts.push("...");
      break;
    }
    const value = render(v.items[i + 1]!, names, 1, b);
    parts.push(key.k === "str" && isIdentifier(key.v) ? `${key.v}=${value}` : `**{${render(key, names, 1, b)}: ${value}}`);
  }
  return parts.join(", ");
}

function render(v: Value, names: RenderNames, depth: number, b: Budget): string {
  const out = renderRaw(v, names, depth, b);
  b.left -= out.length;
  return out;
}

function renderRaw(v: Value, names: RenderNames, depth: number, b: Budget): string {
  switch (v.k) {
    case "none":
      return "None";
    case "bool":
      return v.v ? "True" : "False";
    case "int":
      return String(v.v);
    case "hugeint":
      return `int(<${v.digits} digits>)`;
    case "float":
      return pyFloat(v.v);
    case "str":
      return pyStr(v.v);
    case "bytes":
      return v.bytearray ? `bytearray(${pyBytes(v.v)})` : pyBytes(v.v);
    case "global":
      return names.importExpr(v.imp);
    case "call":
      return `_var${v.call}`;
    case "persid":
      return names.persidExpr(v.index);
    case "buffer":
      return v.readonly ? "memoryview(next_buffer()).toreadonly()" : "next_buffer()";
    case "unknown":
      return `<${v.what}>`;
    default:
      break;
  }
  if (depth >= MAX_DEPTH || b.left <= 0) return "...";
  const items = renderItems(v.items, names, depth + 1, b, v.k === "dict");
  switch (v.k) {
    case "list":
      return `[${items}]`;
    case "tuple":
      return v.items.length === 1 ? `(${items},)` : `(${items})`;
    case "set":
      return v.items.length === 0 ? "set()" : `{${items}}`;
    case "frozenset":
      return v.items.length === 0 ? "frozenset()" : `frozenset({${items}})`;
    case "dict":
      return `{${items}}`;
  }
}

function renderItems(items: readonly Value[], names: RenderNames, depth: number, b: Budget, pairs = false): string {
  const parts: string[] = [];
  const step = pairs ? 2 : 1;
  for (let i = 0; i < items.length; i += step) {
    if (parts.length >= MAX_ITEMS || b.left <= 0) {
      parts.push("...");
      break;
    }
    if (pairs) {
      const key = render(items[i]!, names, depth, b);
      const value = i + 1 < items.length ? render(items[i + 1]!, names, depth, b) : "<missing>";
      parts.push(`${key}: ${value}`);
    } else {
      parts.push(render(items[i]!, names, depth, b));
    }
  }
  return parts.join(", ");
}

function isIdentifier(s: string): boolean {
  if (s.length === 0 || s.length > 100) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}

export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (!Number.isFinite(x)) return x > 0 ? "float('inf')" : "float('-inf')";
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

function hex2(c: number): string {
  return c.toString(16).padStart(2, "0");
}

/** Python `repr` of a str, truncated after MAX_TEXT characters. */
export function pyStr(s: string): string {
  let out = "'";
  const n = Math.min(s.length, MAX_TEXT);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x27) out += "\\'";
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += "\\x" + hex2(c);
    else out += s[i];
  }
  out += "'";
  return s.length > MAX_TEXT ? `${out}...<${s.length} chars>` : out;
}

/** Python `repr` of bytes, truncated after MAX_TEXT bytes. */
export function pyBytes(bytes: Uint8Array): string {
  let out = "b'";
  const n = Math.min(bytes.length, MAX_TEXT);
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0x27) out += "\\'";
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + hex2(c);
    else out += String.fromCharCode(c);
  }
  out += "'";
  return bytes.length > MAX_TEXT ? `${out}...<${bytes.length} bytes>` : out;
}
