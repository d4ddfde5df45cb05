import type { SourceLanguage } from "../../rules/language-rule.js";
import type { ModelFactory } from "./analyze.js";

/** What the engine needs to know about one language other than Python. */
export interface LanguageSupport {
  id: SourceLanguage;
  /** Human name, e.g. `Java`. */
  name: string;
  /** Lower-case file extensions, with the dot. */
  extensions: string[];
  /** The grammar's `.wasm` file name (copied beside bundles) and where npm installs it. */
  grammarFile: string;
  grammarPackagePath: string;
  createModel: ModelFactory;
}
