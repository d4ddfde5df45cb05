// Judges a GGUF chat template (`tokenizer.chat_template*`), which runtimes render with Jinja2 when the model is
// loaded (llama-cpp-python before 0.2.72 without a sandbox: CVE-2024-34359). A template reaches Python itself only
// through attribute names no chat template needs: dunders (`__class__`, `__globals__`, `__subclasses__`), frame and
// function internals, or names hidden from a reader (escaped underscores, character codes, computed `attr` names,
// pieces joined at render time). Ordinary templates (roles, special tokens, `raise_exception`, `tojson`,
// `namespace`, `strftime_now`) use none of these. Browser-safe.

export interface TemplateFinding {
  /** What the template does, for the finding's message. */
  reason: string;
  /** Offset of the tag in the template text. */
  at: number;
}

/** Dunders a sandbox escape walks through (object graph, functions, modules, import machinery). */
const ESCAPE_DUNDERS = new Set([
  "class", "mro", "base", "bases", "subclasses", "init", "globals", "builtins", "import", "getattribute", "getattr",
  "dict", "func", "self", "code", "closure", "reduce", "reduce_ex", "loader", "spec", "module", "getitem", "call",
  "new", "dir", "wrapped", "traceback", "frame", "defaults", "kwdefaults", "objclass", "qualname", "name",
]);
/** Attribute names of frames, generators and old-style functions that lead to globals without a dunder. */
const INTERNAL_NAMES = new Set(["func_globals", "f_globals", "f_builtins", "f_locals", "f_back", "gi_frame", "gi_code", "cr_frame", "ag_frame", "tb_frame", "tb_next", "co_code", "mro"]);
/** Calls that run commands or import modules once an object graph is reached. */
const COMMAND_CALLS = new Set(["popen", "system", "import_module", "check_output", "getoutput", "getstatusoutput", "spawnl", "spawnv", "execv", "execl", "run_path", "load_module"]);

const DUNDER_IN_TEXT = /__([a-z_]+?)__/gi;

type Token = { kind: "name" | "string" | "number" | "op"; text: string; raw: string; at: number };

const MAX_FINDINGS = 5;
const CHUNK_TOKENS = 4096;
const CHUNK_OVERLAP = 4;
/** Literals are decoded this far (an attribute name, or a piece of one, is short). */
const MAX_NAME_LITERAL = 4096;
/** A tag's joined string pieces are searched this far. */
const MAX_JOINED = 65_536;

export function judgeChatTemplate(template: string): TemplateFinding[] {
  const findings: TemplateFinding[] = [];
  const seen = new Set<string>();
  const add = (reason: string, at: number): void => {
    if (seen.has(reason) || findings.length >= MAX_FINDINGS) return;
    seen.add(reason);
    findings.push({ reason, at });
  };
  /** Variables set to string constants (`{% set u = "_" %}`), substituted where they are joined later. */
  const constants = new Map<string, string>();
  for (const tag of codeTags(template)) {
    for (const tokens of tokenize(tag.code, tag.at)) judgeTag(tokens, constants, add);
  }
  return findings;
}

function judgeTag(tokens: Token[], constants: Map<string, string>, add: (reason: string, at: number) => void): void {
  const formats = tokens.some((t) => t.text === "format" || t.text === "%");
  for (const [i, token] of tokens.entries()) {
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    if (token.kind === "name") {
      if (token.text.includes("__")) add(`uses the Python internal name \`${token.text}\``, token.at);
      else if (previous?.text === "." && INTERNAL_NAMES.has(token.text)) add(`reads the Python internal attribute \`${token.text}\``, token.at);
      else if (previous?.text === "." && next?.text === "(" && COMMAND_CALLS.has(token.text)) add(`calls \`${token.text}\`, which runs commands or imports modules`, token.at);
      if (token.text === "attr" && previous?.text === "|") {
        const argument = tokens[i + 2];
        const close = tokens[i + 3];
        if (next?.text === "(" && !(argument?.kind === "string" && close?.text === ")")) add("looks an attribute up by a name computed at render time (`attr` filter)", token.at);
      }
    } else if (token.kind === "string") {
      if (/\\(x5f|u005f|U0000005f|137|N\{LOW LINE\})/i.test(token.raw)) add("spells an underscore with an escape sequence (a hidden attribute name)", token.at);
      if (formats && /%c/.test(token.text)) add("builds a string from character codes (`%c` formatting)", token.at);
      const lookup = previous?.text === "[" || (tokens[i - 2]?.text === "attr" && previous?.text === "(");
      if (lookup && INTERNAL_NAMES.has(token.text)) add(`reads the Python internal attribute \`${token.text}\``, token.at);
      if (lookup && COMMAND_CALLS.has(token.text)) add(`looks up \`${token.text}\`, which runs commands or imports modules`, token.at);
    }
  }
  // Pieces joined at render time (`'__cla' ~ 'ss__'`, `['__','class','__']|join`, `'_' * 2`, reversed strings,
  // constants set earlier): the tag's string pieces in order, and reversed, must not spell an escape dunder.
  const joined = joinedPieces(tokens, constants);
  for (const text of [joined, [...joined].reverse().join("")]) {
    for (const match of text.matchAll(DUNDER_IN_TEXT)) {
      if (ESCAPE_DUNDERS.has(match[1]!.toLowerCase())) add(`names the Python internal \`__${match[1]!.toLowerCase()}__\``, tokens[0]?.at ?? 0);
    }
  }
  const assigned = tokens[0]?.text === "set" && tokens[1]?.kind === "name" && tokens[2]?.text === "=" ? tokens[1].text : undefined;
  if (assigned !== undefined) {
    const rest = tokens.slice(3);
    const constantPart = (t: Token): boolean => t.kind === "string" || t.kind === "number" || ["~", "+", "*", "(", ")"].includes(t.text) || (t.kind === "name" && constants.has(t.text));
    if (rest.length > 0 && rest.every(constantPart)) {
      constants.set(assigned, joinedPieces(rest, constants));
    } else {
      constants.delete(assigned);
    }
  }
}

/** String constants of a tag in order, repeated where multiplied by a number, with known constants substituted. */
function joinedPieces(tokens: Token[], constants: Map<string, string>): string {
  let out = "";
  for (const [i, token] of tokens.entries()) {
    let piece: string | undefined;
    // A piece with whitespace is text (a default system prompt), never part of an attribute name.
    if (token.kind === "string") piece = /\s/.test(token.text) ? undefined : token.text;
    else if (token.kind === "name" && tokens[i - 1]?.text !== "." && constants.has(token.text)) piece = constants.get(token.text);
    if (piece === undefined) continue;
    const times = tokens[i + 1]?.text === "*" && tokens[i + 2]?.kind === "number" ? Math.min(8, Number(tokens[i + 2]!.text)) : 1;
    out += piece.repeat(Number.isFinite(times) && times > 0 ? times : 1);
    if (out.length > MAX_JOINED) break;
  }
  return out;
}

/** The code of every `{{ }}` and `{% %}` tag (comments and `{% raw %}` blocks are not code). */
function* codeTags(template: string): Generator<{ code: string; at: number }> {
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf("{", at);
    if (open < 0 || open + 1 >= template.length) return;
    const kind = template[open + 1];
    if (kind === "#") {
      const end = template.indexOf("#}", open + 2);
      if (end < 0) return;
      at = end + 2;
      continue;
    }
    if (kind !== "{" && kind !== "%") {
      at = open + 1;
      continue;
    }
    const close = kind === "{" ? "}}" : "%}";
    const end = tagEnd(template, open + 2, close);
    const code = template.slice(open + 2, end < 0 ? template.length : end).replace(/^[-+]/, "").replace(/[-+]$/, "");
    yield { code, at: open + 2 };
    if (end < 0) return;
    at = end + 2;
    if (kind === "%" && /^\s*raw\s*$/.test(code)) {
      const endRaw = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;
      endRaw.lastIndex = at;
      const found = endRaw.exec(template);
      if (!found) return;
      at = found.index + found[0].length;
    }
  }
}

/** Where `close` ends a tag, skipping string literals (a `"}}"` inside quotes does not close it). */
function tagEnd(template: string, from: number, close: string): number {
  let i = from;
  while (i < template.length) {
    const c = template[i];
    if (c === '"' || c === "'") {
      i = stringEnd(template, i);
      continue;
    }
    if (template.startsWith(close, i)) return i;
    i++;
  }
  return -1;
}

function stringEnd(text: string, open: number): number {
  const quote = text[open];
  let i = open + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === "\\" ? 2 : 1;
  return Math.min(text.length, i + 1);
}

/** One token per match: whitespace (skipped), a string literal (closed or not), a name, a number, or one character. */
const TOKEN = /\s+|('(?:[^'\\]|\\[^])*'?|"(?:[^"\\]|\\[^])*"?)|([A-Za-z_][A-Za-z0-9_]*)|(\d[\d_]*(?:\.\d+)?)|([^])/y;

/**
 * A tag's tokens in runs of at most CHUNK_TOKENS, each repeating the last CHUNK_OVERLAP tokens of the one before
 * (the judge looks a few tokens either side): a forged multi-megabyte tag never holds millions of tokens at once.
 */
function* tokenize(code: string, base: number): Generator<Token[]> {
  let tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(code); match !== null; match = TOKEN.exec(code)) {
    if (tokens.length >= CHUNK_TOKENS) {
      yield tokens;
      tokens = tokens.slice(-CHUNK_OVERLAP);
    }
    const at = base + match.index;
    const [, quoted, name, number, other] = match;
    if (quoted !== undefined) {
      const quote = quoted[0]!;
      const body = quoted.length > 1 && quoted.endsWith(quote) ? quoted.slice(1, -1) : quoted.slice(1);
      // A literal longer than any attribute name is text: only its start is decoded.
      tokens.push({ kind: "string", text: unescape(body.slice(0, MAX_NAME_LITERAL)), raw: quoted.slice(0, MAX_NAME_LITERAL + 1), at });
    } else if (name !== undefined) tokens.push({ kind: "name", text: name, raw: name, at });
    else if (number !== undefined) tokens.push({ kind: "number", text: number.replace(/_/g, ""), raw: number, at });
    else if (other !== undefined) tokens.push({ kind: "op", text: other, raw: other, at });
  }
  yield tokens;
}

/** Python string-literal escapes, as Jinja's lexer applies them. */
function unescape(body: string): string {
  if (!body.includes("\\")) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|.)/gs, (_, e: string) => {
    if (/^[xuU]/.test(e)) return safeCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return safeCodePoint(parseInt(e, 8));
    if (e === "N{LOW LINE}") return "_";
    return ({ n: "\n", t: "\t", r: "\r", "0": "\0" } as Record<string, string>)[e] ?? e;
  });
}

function safeCodePoint(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : "";
}
