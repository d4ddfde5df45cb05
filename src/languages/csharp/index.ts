import type { LanguageSupport } from "../common/support.js";
import { CSharpModel } from "./model.js";
import { csharpIdentifierEscapes } from "./unicode-escapes.js";

export const CSHARP: LanguageSupport = {
  id: "csharp",
  name: "C#",
  extensions: [".cs"],
  grammarFile: "tree-sitter-c_sharp.wasm",
  grammarPackagePath: "tree-sitter-c-sharp/tree-sitter-c_sharp.wasm",
  createModel: (tree, index, file) => new CSharpModel(tree, index, file),
  readAs: csharpIdentifierEscapes,
};
