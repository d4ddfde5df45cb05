import type { SourceLanguage } from "../../rules/language-rule.js";
import type { DecodedSource, ModelFactory } from "./analyze.js";

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
  /**
   * The file's text as the language's compiler reads it, where that differs from its characters (Java's Unicode
   * escapes, C#'s in identifiers); undefined when it does not. Prefilter and analysis both read that text.
   */
  readAs?: (source: string) => DecodedSource | undefined;
}
