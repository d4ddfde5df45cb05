// What CPython reads where the bytes say something else: identifiers are NFKC-normalised (PEP 3131), so
// `ｐｉｃｋｌｅ.ｌｏａｄｓ` and `pickle.𝐥𝐨𝐚𝐝𝐬` call `pickle.loads`; and a coding cookie may name a codec that turns ASCII
// escapes into other characters (`# coding: utf-7` reads `+AHAAaQBjAGsAbABl-` as `pickle`; `unicode_escape` reads
// `\x70ickle`). Both hide a deserializer from a search of the file's text, and from a reviewer.
// Browser-safe: no node:* imports.

/**
 * Identifier characters whose NFKC form is ASCII (`[A-Za-z0-9_]`): fullwidth and mathematical letters, ligatures,
 * superscripts, letterlike symbols, ... Generated with Node.js 20's Unicode data: every code point matching
 * `\p{ID_Continue}` whose `normalize("NFKC")` differs and is ASCII letters, digits or underscores.
 */
const TO_ASCII_BY_COMPATIBILITY = new RegExp(
  "[\\u{aa}\\u{ba}\\u{132}-\\u{133}\\u{17f}\\u{1c7}-\\u{1cc}\\u{1f1}-\\u{1f3}\\u{2b0}\\u{2b2}-\\u{2b3}\\u{2b7}-\\u{2b8}" +
    "\\u{2e1}-\\u{2e3}\\u{1d2c}\\u{1d2e}\\u{1d30}-\\u{1d31}\\u{1d33}-\\u{1d3a}\\u{1d3c}\\u{1d3e}-\\u{1d43}\\u{1d47}-\\u{1d49}" +
    "\\u{1d4d}\\u{1d4f}-\\u{1d50}\\u{1d52}\\u{1d56}-\\u{1d58}\\u{1d5b}\\u{1d62}-\\u{1d65}\\u{1d9c}\\u{1da0}\\u{1dbb}\\u{2071}" +
    "\\u{207f}\\u{2090}-\\u{2093}\\u{2095}-\\u{209c}\\u{2102}\\u{210a}-\\u{210e}\\u{2110}-\\u{2113}\\u{2115}\\u{2119}-\\u{211d}" +
    "\\u{2124}\\u{2128}\\u{212a}\\u{212c}-\\u{212d}\\u{212f}-\\u{2131}\\u{2133}-\\u{2134}\\u{2139}\\u{2145}-\\u{2149}" +
    "\\u{2160}-\\u{217f}\\u{2c7c}-\\u{2c7d}\\u{a7f1}-\\u{a7f4}\\u{fb00}-\\u{fb06}\\u{fe33}-\\u{fe34}\\u{fe4d}-\\u{fe4f}" +
    "\\u{ff10}-\\u{ff19}\\u{ff21}-\\u{ff3a}\\u{ff3f}\\u{ff41}-\\u{ff5a}\\u{107a5}\\u{1ccf0}-\\u{1ccf9}\\u{1d400}-\\u{1d454}" +
    "\\u{1d456}-\\u{1d49c}\\u{1d49e}-\\u{1d49f}\\u{1d4a2}\\u{1d4a5}-\\u{1d4a6}\\u{1d4a9}-\\u{1d4ac}\\u{1d4ae}-\\u{1d4b9}" +
    "\\u{1d4bb}\\u{1d4bd}-\\u{1d4c3}\\u{1d4c5}-\\u{1d505}\\u{1d507}-\\u{1d50a}\\u{1d50d}-\\u{1d514}\\u{1d516}-\\u{1d51c}" +
    "\\u{1d51e}-\\u{1d539}\\u{1d53b}-\\u{1d53e}\\u{1d540}-\\u{1d544}\\u{1d546}\\u{1d54a}-\\u{1d550}\\u{1d552}-\\u{1d6a3}" +
    "\\u{1d7ce}-\\u{1d7ff}\\u{1fbf0}-\\u{1fbf9}]",
  "u",
);

const TO_ASCII_BY_COMPATIBILITY_ALL = new RegExp(TO_ASCII_BY_COMPATIBILITY.source, "gu");

const IDENTIFIER_RUN = /[\p{ID_Continue}\u00b7]+/gu;

/**
 * `source` with every identifier NFKC-normalised as CPython reads it, where that makes it ASCII (the only names a
 * sink has), padded with spaces to its length so that no position moves; strings and comments are left as they are
 * (CPython does not normalise them). An identifier whose normal form is longer (a ligature in a longer name) stays.
 */
export function normalizeIdentifiers(source: string): string {
  // Where such characters are; most files have none, and most that have them have them only in strings.
  const at = Array.from(source.matchAll(TO_ASCII_BY_COMPATIBILITY_ALL), (m) => m.index);
  if (!at.length) return source;
  const pieces: string[] = [];
  let copiedTo = 0;
  let next = 0;
  const code = (from: number, to: number) => {
    while (next < at.length && at[next] < from) next++;
    if (next >= at.length || at[next] >= to) return;
    pieces.push(source.slice(copiedTo, from));
    pieces.push(
      source.slice(from, to).replace(IDENTIFIER_RUN, (run) => {
        if (!TO_ASCII_BY_COMPATIBILITY.test(run)) return run;
        const normal = run.normalize("NFKC");
        return normal.length <= run.length ? normal + " ".repeat(run.length - normal.length) : run;
      }),
    );
    copiedTo = to;
  };
  const opening = /[#"']/g;
  let codeFrom = 0;
  for (let m = opening.exec(source); m && next < at.length; m = opening.exec(source)) {
    code(codeFrom, m.index);
    codeFrom = opening.lastIndex = m[0] === "#" ? lineEnd(source, m.index) : stringLiteralEnd(source, m.index);
  }
  code(codeFrom, source.length);
  if (!pieces.length) return source;
  pieces.push(source.slice(copiedTo));
  return pieces.join("");
}

function lineEnd(source: string, at: number): number {
  const end = source.indexOf("\n", at);
  return end < 0 ? source.length : end;
}

/**
 * Whether UTF-8 `bytes` may hold an identifier character that NFKC makes ASCII: the first two bytes of each such
 * character (see `TO_ASCII_BY_COMPATIBILITY`), a superset (`™` passes too). A loop over the bytes, without decoding
 * them: a file's text is made only when this says yes.
 */
export function mayHoldCompatibilityLetters(bytes: Uint8Array): boolean {
  const end = bytes.length - 1;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b < 0xc2) continue;
    const n = bytes[i + 1];
    switch (b) {
      case 0xc2:
        if (n === 0xaa || n === 0xba) return true;
        break;
      case 0xc4:
        if (n === 0xb2 || n === 0xb3) return true;
        break;
      case 0xc5:
        if (n === 0xbf) return true;
        break;
      case 0xc7:
        if ((n >= 0x87 && n <= 0x8c) || (n >= 0xb1 && n <= 0xb3)) return true;
        break;
      case 0xca:
      case 0xcb:
        return true;
      case 0xe1:
        if (n >= 0xb4 && n <= 0xb6) return true;
        break;
      case 0xe2:
        if (n === 0x81 || n === 0x82 || n === 0x84 || n === 0x85 || n === 0x86 || n === 0xb1) return true;
        break;
      case 0xea:
        if (n === 0x9f) return true;
        break;
      case 0xef:
        if (n === 0xac || n === 0xb8 || n === 0xb9 || n === 0xbc || n === 0xbd) return true;
        break;
      case 0xf0:
        if (n === 0x90 || n === 0x9c || n === 0x9d || n === 0x9f) return true;
        break;
    }
  }
  return false;
}

/** Whether `text` holds an identifier character that NFKC makes ASCII (see `normalizeIdentifiers`). */
export function hasCompatibilityIdentifiers(text: string): boolean {
  return TO_ASCII_BY_COMPATIBILITY.test(text);
}

/**
 * The offset just past the Python string literal whose quote is at `at` (a backslash escapes the next character; a
 * one-quote string stops at its line's end), or the text's end. A lexical skip for scans that read no tokens.
 */
export function stringLiteralEnd(source: string, at: number): number {
  const quote = source[at];
  const triple = source.startsWith(quote.repeat(3), at);
  const close = triple ? quote.repeat(3) : quote;
  for (let i = at + close.length; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === quote && source.startsWith(close, i)) return i + close.length;
    else if (c === "\n" && !triple) return i;
  }
  return source.length;
}

/** Codecs CPython accepts in a coding cookie that read ASCII escapes as other characters. */
const ESCAPING_CODECS = new Map<string, (latin1: string) => string>([
  ["utf7", decodeUtf7],
  ["unicodeescape", (text) => decodeUnicodeEscape(text, false)],
  ["rawunicodeescape", (text) => decodeUnicodeEscape(text, true)],
]);

/** The decoder of a coding cookie's codec when it is one that reads escapes (`utf-7`, `unicode_escape`, ...). */
export function escapingCodec(codec: string): ((latin1: string) => string) | undefined {
  return ESCAPING_CODECS.get(codec.toLowerCase().replace(/[-_]/g, ""));
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * UTF-7 (RFC 2152) as CPython decodes it: `+` starts modified base64 of UTF-16 code units, ended by any other
 * character (a `-` ending it is dropped); `+-` is `+`. Bytes are given as Latin-1 text.
 */
function decodeUtf7(text: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== "+") {
      out.push(c);
      i++;
      continue;
    }
    if (text[i + 1] === "-") {
      out.push("+");
      i += 2;
      continue;
    }
    let bits = 0;
    let value = 0;
    const units: number[] = [];
    i++;
    for (; i < text.length; i++) {
      const digit = BASE64.indexOf(text[i]);
      if (digit < 0) break;
      value = ((value << 6) | digit) & 0xffffff;
      bits += 6;
      if (bits >= 16) {
        bits -= 16;
        units.push((value >> bits) & 0xffff);
      }
    }
    // A `+` with no base64 after it is ill-formed (CPython stops there): it stays as written.
    if (bits === 0 && !units.length && text[i] !== "-") out.push("+");
    else for (let k = 0; k < units.length; k += 8192) out.push(String.fromCharCode(...units.slice(k, k + 8192)));
    if (text[i] === "-") i++;
  }
  return out.join("");
}

const SIMPLE_ESCAPES: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\n": "" };

/**
 * `unicode_escape` (every Python string escape but `\N{...}`, which is kept) or, when `raw`, `raw_unicode_escape`
 * (only `\uXXXX` and `\UXXXXXXXX` after an odd run of backslashes), over bytes given as Latin-1 text.
 */
function decodeUnicodeEscape(text: string, raw: boolean): string {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const slash = text.indexOf("\\", i);
    if (slash < 0) {
      out.push(text.slice(i));
      break;
    }
    out.push(text.slice(i, slash));
    i = slash;
    if (raw) {
      let run = 0;
      while (text[i + run] === "\\") run++;
      const next = text[i + run];
      const width = next === "u" ? 4 : next === "U" ? 8 : 0;
      const hex = width ? text.slice(i + run + 1, i + run + 1 + width) : "";
      if (run % 2 === 1 && width && new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex) && Number.parseInt(hex, 16) <= 0x10ffff) {
        out.push("\\".repeat(run - 1), String.fromCodePoint(Number.parseInt(hex, 16)));
        i += run + 1 + width;
      } else {
        out.push("\\".repeat(run));
        i += run;
      }
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) {
      out.push("\\");
      break;
    }
    if (next in SIMPLE_ESCAPES) {
      out.push(SIMPLE_ESCAPES[next]);
      i += 2;
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
    if (octal) {
      out.push(String.fromCharCode(Number.parseInt(octal[0], 8)));
      i += 1 + octal[0].length;
      continue;
    }
    const width = next === "x" ? 2 : next === "u" ? 4 : next === "U" ? 8 : 0;
    const hex = width ? text.slice(i + 2, i + 2 + width) : "";
    if (width && new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex) && Number.parseInt(hex, 16) <= 0x10ffff) {
      out.push(String.fromCodePoint(Number.parseInt(hex, 16)));
      i += 2 + width;
      continue;
    }
    // An escape CPython does not know (or `\N{...}`, which needs the Unicode name table) stays as written.
    out.push("\\", next);
    i += 2;
  }
  return out.join("");
}
