import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createGrammarParser, type GrammarParser } from "../languages/common/syntax.js";
import type { LanguageSupport } from "../languages/common/support.js";

const require = createRequire(import.meta.url);

/** A wasm file beside the running bundle (the CLI and the Action ship them there), else from node_modules. */
export function locate(file: string, packagePath: string): string {
  const besideBundle = join(dirname(fileURLToPath(import.meta.url)), file);
  if (existsSync(besideBundle)) return besideBundle;
  return require.resolve(packagePath);
}

const cache = new Map<string, Promise<GrammarParser>>();

/** One parser per language and thread, loaded the first time a file of the language is analysed. */
export function loadGrammarParser(language: LanguageSupport): Promise<GrammarParser> {
  let parser = cache.get(language.id);
  if (!parser) {
    parser = (async () => {
      const grammar = await readFile(locate(language.grammarFile, language.grammarPackagePath));
      const runtime = locate("tree-sitter.wasm", "web-tree-sitter/tree-sitter.wasm");
      return createGrammarParser(grammar, () => runtime);
    })();
    cache.set(language.id, parser);
  }
  return parser;
}

/** The languages whose grammar this thread has loaded (a Python-only scan loads none of them). */
export function loadedGrammars(): string[] {
  return [...cache.keys()].sort();
}
