import { Language, Parser } from "web-tree-sitter";
import { copyTree, type SyntaxTree } from "./syntax.js";

export interface PythonParser {
  /** Parses and copies the tree; the tree-sitter tree is freed before returning. */
  parse(source: string): SyntaxTree;
}

export interface GrammarFiles {
  /** Bytes of `tree-sitter-python.wasm`. */
  grammar: Uint8Array;
  /** Where the runtime finds `tree-sitter.wasm` (browser builds); Node resolves it next to web-tree-sitter. */
  locateRuntimeWasm?: (file: string) => string;
}

let runtimeReady: Promise<void> | undefined;

export async function createPythonParser(files: GrammarFiles): Promise<PythonParser> {
  runtimeReady ??= Parser.init(files.locateRuntimeWasm ? { locateFile: files.locateRuntimeWasm } : undefined);
  await runtimeReady;
  const language = await Language.load(files.grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(source: string): SyntaxTree {
      const tree = parser.parse(source);
      if (!tree) throw new Error("tree-sitter returned no tree");
      try {
        return copyTree(tree, source);
      } finally {
        tree.delete();
      }
    },
  };
}
