import type { LanguageSupport } from "../common/support.js";
import { JavaModel } from "./model.js";
import { javaUnicodeEscapes } from "./unicode-escapes.js";

export const JAVA: LanguageSupport = {
  id: "java",
  name: "Java",
  extensions: [".java"],
  grammarFile: "tree-sitter-java.wasm",
  grammarPackagePath: "tree-sitter-java/tree-sitter-java.wasm",
  createModel: (tree, index, file) => new JavaModel(tree, index, file),
  readAs: javaUnicodeEscapes,
};
