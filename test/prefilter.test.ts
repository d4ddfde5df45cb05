// The prefilter's one regular expression (a tree of the tokens' shared beginnings) passes exactly the texts that hold
// one of the tokens or a computed dynamic import: checked against a plain search on real sources and near misses.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pythonFiles } from "./helpers/python-files.js";
import { BytePrefilter, prefilterRegExp, prefilterTokens } from "../src/languages/python/prefilter.js";
import { PYTHON_RULES } from "../src/rules/registry.js";

const ROOT = join(import.meta.dirname, "..", "..");
const COMPUTED_IMPORT = /(?:__import__|import_module)\s*\(\s*(?![rRuU]?(?:'[\w.]*'|"[\w.]*")\s*[,)])/;

function latin1(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

function plainSearch(tokens: readonly string[], text: string): boolean {
  return tokens.some((t) => text.includes(latin1(t))) || COMPUTED_IMPORT.test(text);
}

describe("prefilter expression", () => {
  const tokens = prefilterTokens(PYTHON_RULES);

  it("passes the fixture and example sources a token-by-token search passes", () => {
    const anyToken = prefilterRegExp(tokens);
    const files = [...pythonFiles(join(ROOT, "fixtures")), ...pythonFiles(join(ROOT, "examples"))];
    assert.ok(files.length > 100);
    let passed = 0;
    for (const file of files) {
      const text = readFileSync(file).toString("latin1");
      const expected = plainSearch(tokens, text);
      assert.equal(anyToken.test(text), expected, file);
      if (expected) passed++;
    }
    assert.ok(passed > 0 && passed < files.length, `${passed} of ${files.length} passed`);
  });

  it("passes every token, in words and after other text, and none of their cut or changed spellings", () => {
    const anyToken = prefilterRegExp(tokens);
    const texts: string[] = [];
    for (const token of tokens) {
      texts.push(token, `x = 1\n_${token}_`, `# ${token.toUpperCase()}`, `# ${token.toLowerCase()}`);
      for (let cut = 1; cut < token.length; cut++) texts.push(token.slice(0, cut), token.slice(cut), `${token.slice(0, cut)} ${token.slice(cut)}`);
      texts.push(token.slice(0, -1) + String.fromCharCode(token.charCodeAt(token.length - 1) ^ 1));
    }
    texts.push("__import__(name)", "__import__('os')", "import_module(f'{x}')", "importlib.import_module('json')", "");
    for (const text of texts) assert.equal(anyToken.test(latin1(text)), plainSearch(tokens, latin1(text)), JSON.stringify(text));
  });

  it("reads tokens that share beginnings, end inside one another or are not ASCII", () => {
    const sets = [["pick", "pickle", "Pickle"], ["CACHE", "CACHES", "CACHE_TYPE"], ["ünïcode", "üb", "a.b*c"], ["x"], []];
    for (const set of sets) {
      const anyToken = prefilterRegExp(set);
      for (const text of ["pic", "pick", "xpicklex", "Pickl", "CACH", "CACHE_", "CACHE_TYP", "ünïcod", "üb", "a.b*c", "aXbbc", "x", "", "__import__(m)"]) {
        assert.equal(anyToken.test(latin1(text)), plainSearch(set, latin1(text)), `${JSON.stringify(set)} on ${JSON.stringify(text)}`);
      }
    }
  });
});

/** Every offset of `word` in `text`. */
function offsetsOf(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

/**
 * The byte prefilter's answer for `bytes` checked against the expression on their Latin-1 reading: a token is what
 * the expression matches, no word at all what it does not, and an offset where the expression, run from there,
 * answers as on the whole text; unless a token was found, the noted offsets of `import` are all of them.
 */
function assertSameAnswer(prefilter: BytePrefilter, anyToken: RegExp, bytes: Buffer, label: string): boolean {
  const text = bytes.toString("latin1");
  const expected = anyToken.test(text);
  const importAt: number[] = [];
  const found = prefilter.test(bytes, importAt);
  if (found === true) assert.equal(expected, true, label);
  else {
    if (found === false) assert.equal(expected, false, label);
    else {
      assert.equal(typeof found, "number", label);
      assert.ok(text.startsWith("__import__", found as number) || text.startsWith("import_module", found as number), label);
      assert.equal(anyToken.test(text.slice(found as number)), expected, label);
    }
    assert.deepEqual(importAt, offsetsOf(text, "import"), label);
  }
  return expected;
}

describe("byte prefilter", () => {
  const tokens = prefilterTokens(PYTHON_RULES);

  it("answers as the expression on the fixture and example sources", () => {
    const prefilter = new BytePrefilter(tokens, ["import"]);
    const anyToken = prefilterRegExp(tokens);
    const files = [...pythonFiles(join(ROOT, "fixtures")), ...pythonFiles(join(ROOT, "examples"))];
    let passed = 0;
    for (const file of files) if (assertSameAnswer(prefilter, anyToken, readFileSync(file), file)) passed++;
    assert.ok(passed > 0 && passed < files.length, `${passed} of ${files.length} passed`);
  });

  it("answers as the expression on every token, cut or changed, at the start and the end of a text, and on dynamic imports", () => {
    const prefilter = new BytePrefilter(tokens, ["import"]);
    const anyToken = prefilterRegExp(tokens);
    const texts: string[] = [];
    for (const token of tokens) {
      texts.push(token, `${token}\n`, `x = 1\n_${token}_`, `import ${token.toUpperCase()}`, `# ${token.toLowerCase()}`);
      for (let cut = 1; cut < token.length; cut++) texts.push(token.slice(0, cut), token.slice(cut), `${token.slice(0, cut)} ${token.slice(cut)}`);
      texts.push(token.slice(0, -1) + String.fromCharCode(token.charCodeAt(token.length - 1) ^ 1));
    }
    texts.push("__import__(name)", "__import__('os')", "x = __import__('os'); y = import_module(f'{x}')", "importlib.import_module('json')");
    texts.push("import_module( 'json')", "__import__ \n ('a.b'\n, 1)", "__import__", "_import_", "import", "imporT", "impor", "", "q", "r q", "import os\nimport sys");
    for (const text of texts) assertSameAnswer(prefilter, anyToken, Buffer.from(text, "utf8"), JSON.stringify(text));
  });

  it("reads tokens that share beginnings, end inside one another, are short or are not ASCII", () => {
    const sets = [["pick", "pickle", "Pickle"], ["CACHE", "CACHES", "CACHE_TYPE"], ["ünïcode", "üb", "a.b*c"], ["x"], ["rq", "ab"], []];
    for (const set of sets) {
      const prefilter = new BytePrefilter(set, ["import"]);
      const anyToken = prefilterRegExp(set);
      for (const text of ["pic", "pick", "xpicklex", "Pickl", "CACH", "CACHE_", "CACHE_TYP", "ünïcod", "üb", "a.b*c", "aXbbc", "x", "", "__import__(m)", "xrq", "r", "a b", "ab"]) {
        assertSameAnswer(prefilter, anyToken, Buffer.from(text, "utf8"), `${JSON.stringify(set)} on ${JSON.stringify(text)}`);
      }
    }
  });

  it("passes every text when a token is empty", () => {
    assert.equal(new BytePrefilter(["pickle", ""]).test(Buffer.from("nothing here")), true);
  });
});

