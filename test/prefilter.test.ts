// The prefilter's one regular expression (a tree of the tokens' shared beginnings) passes exactly the texts that hold
// one of the tokens or a computed dynamic import: checked against a plain search on real sources and near misses.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { prefilterRegExp, prefilterTokens } from "../src/languages/python/prefilter.js";
import { PYTHON_RULES } from "../src/rules/registry.js";

const ROOT = join(import.meta.dirname, "..", "..");
const COMPUTED_IMPORT = /(?:__import__|import_module)\s*\(\s*(?![rRuU]?(?:'[\w.]*'|"[\w.]*")\s*[,)])/;

function latin1(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

function plainSearch(tokens: readonly string[], text: string): boolean {
  return tokens.some((t) => text.includes(latin1(t))) || COMPUTED_IMPORT.test(text);
}

function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pythonFiles(path, out);
    else if (entry.name.endsWith(".py")) out.push(path);
  }
  return out;
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
