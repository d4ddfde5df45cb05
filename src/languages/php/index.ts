import type { LanguageSupport } from "../common/support.js";
import { PhpModel } from "./model.js";

export const PHP: LanguageSupport = {
  id: "php",
  name: "PHP",
  extensions: [".php", ".phtml", ".php5", ".php7", ".inc"],
  grammarFile: "tree-sitter-php.wasm",
  grammarPackagePath: "tree-sitter-php/tree-sitter-php.wasm",
  createModel: (tree, index, file) => new PhpModel(tree, index, file),
};
