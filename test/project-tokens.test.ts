// The whole-program pass's per-file sink indexes share the rule tokens' set and search the project words on their
// own (`TokensWithWords`): their anchors must be those of one token set of the tokens and the words together.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pythonFiles } from "./helpers/python-files.js";
import { SinkIndex } from "../src/languages/python/analyze.js";
import { anchorOffsets, anchorTokenSet, prefilterTokens } from "../src/languages/python/prefilter.js";
import { TokensWithWords } from "../src/languages/python/project-tokens.js";
import { PYTHON_RULES } from "../src/rules/registry.js";

const ROOT = join(import.meta.dirname, "..", "..");

function pythonSources(dir: string): string[] {
  return pythonFiles(dir).map((path) => readFileSync(path, "utf8"));
}

const SOURCES = pythonSources(join(ROOT, "fixtures"));
const TOKENS = prefilterTokens(PYTHON_RULES);

/** Project words as the pass makes them, and words that test the search: a rule token, overlapping and short ones, words outside ASCII. */
const WORD_LISTS = [
  ["compat", "loads", "pickle", "Codec"],
  ["aa", "aba", "abab", "x", "été", "ééé", ""],
  ["helpers", "fetch", "utils", "load_model", "pickle", "marshal"],
  [],
];

const TEXTS = ["", "aaaa abababa xx", "l'été est là; ététété éééé", "from .compat import loads\ncompat.pickle.loads(b)", "\u0100aa \u0172aba pickle"];

describe("rule tokens with project words", () => {
  it("find the anchors one token set of the tokens and the words finds", () => {
    assert.ok(SOURCES.length > 50);
    for (const words of WORD_LISTS) {
      const together = anchorTokenSet([...TOKENS, ...words]);
      const shared = new TokensWithWords(anchorTokenSet(TOKENS), words);
      for (const text of [...TEXTS, ...SOURCES]) {
        assert.deepEqual(shared.offsetsIn(text), together.offsetsIn(text), text.slice(0, 80));
        assert.deepEqual(shared.extraOffsetsIn(text, "dynamic imports"), together.extraOffsetsIn(text, "dynamic imports"));
      }
    }
  });

  it("give a project sink index the anchors of a token set of its words", () => {
    const words = ["compat", "loads", "pickle", "helpers", "fetch"];
    const index = new SinkIndex(PYTHON_RULES, { words, modules: ["pkg.compat", "helpers"] });
    const together = anchorTokenSet([...TOKENS, ...words]);
    for (const text of [...TEXTS, ...SOURCES, "x = __import__(name)\nimport_module('pkg.' + n)\n"]) {
      assert.deepEqual(anchorOffsets(text, index.tokens, index.words), anchorOffsets(text, together, index.words));
      assert.deepEqual(anchorOffsets(text, index.tokens), anchorOffsets(text, together));
    }
  });
});
