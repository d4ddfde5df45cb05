// The string operations constant folding evaluates (`"%skle" % "pic"`, `"{}kle".format("pic")`, `"elkcip"[::-1]`):
// the ones code uses to spell a module or member name so that no literal holds it. Each gives undefined for anything
// it does not evaluate exactly as Python does (a conversion other than `s`, a format spec, a width).

/** Longest string folding builds: names are short, and a hostile file must not make megabytes. */
export const MAX_FOLDED_LENGTH = 4096;

/** `format % args` with `%s` and `%%` only (`args` one string or a tuple's strings). */
export function percentFormat(format: string, args: readonly string[]): string | undefined {
  let out = "";
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const spec = format[++i];
    if (spec === "%") out += "%";
    else if (spec === "s" && next < args.length) out += args[next++];
    else return undefined;
  }
  return next === args.length ? out : undefined;
}

/** `format.format(*positional, **keywords)` with plain fields only (`{}`, `{0}`, `{name}`, `{{`, `}}`). */
export function braceFormat(format: string, positional: readonly string[], keywords: ReadonlyMap<string, string>): string | undefined {
  let out = "";
  let auto = 0;
  let numbered = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "}") {
      if (format[i + 1] !== "}") return undefined;
      out += "}";
      i++;
      continue;
    }
    if (c !== "{") {
      out += c;
      continue;
    }
    if (format[i + 1] === "{") {
      out += "{";
      i++;
      continue;
    }
    const close = format.indexOf("}", i);
    if (close < 0) return undefined;
    const field = format.slice(i + 1, close);
    i = close;
    let value: string | undefined;
    if (field === "") {
      if (numbered) return undefined;
      value = positional[auto++];
    } else if (/^\d+$/.test(field)) {
      numbered = true;
      value = positional[Number(field)];
    } else if (/^[A-Za-z_]\w*$/.test(field)) {
      value = keywords.get(field);
    }
    if (value === undefined || (auto && numbered)) return undefined;
    out += value;
  }
  return out;
}

/** `s[start:stop:step]` for a slice written with integer literals (`[::-1]`, `[1:]`, `[:-3]`). */
export function sliceString(s: string, sliceText: string): string | undefined {
  const m = /^\s*([-+]?\d+)?\s*:\s*([-+]?\d+)?\s*(?::\s*([-+]?\d+)?\s*)?$/.exec(sliceText);
  if (!m) return undefined;
  const chars = [...s];
  const n = chars.length;
  const step = m[3] === undefined ? 1 : Number(m[3]);
  if (step === 0 || !Number.isSafeInteger(step)) return undefined;
  const bound = (text: string | undefined, fallback: number, low: number, high: number) => {
    if (text === undefined) return fallback;
    const v = Number(text);
    const at = v < 0 ? v + n : v;
    return Math.min(Math.max(at, low), high);
  };
  let out = "";
  if (step > 0) {
    const start = bound(m[1], 0, 0, n);
    const stop = bound(m[2], n, 0, n);
    for (let i = start; i < stop; i += step) out += chars[i];
  } else {
    const start = bound(m[1], n - 1, -1, n - 1);
    const stop = bound(m[2], -1, -1, n - 1);
    for (let i = start; i > stop; i += step) out += chars[i];
  }
  return out;
}

/** `s.method()` for the case and whitespace methods that take no argument. */
export function stringMethod(s: string, method: string): string | undefined {
  switch (method) {
    case "lower":
    case "casefold":
      return s.toLowerCase();
    case "upper":
      return s.toUpperCase();
    case "strip":
      return s.trim();
    case "lstrip":
      return s.trimStart();
    case "rstrip":
      return s.trimEnd();
    default:
      return undefined;
  }
}
