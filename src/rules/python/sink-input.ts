// Which argument of a deserializer call is the input it reads: shared by the data-flow rule (what must not be
// untrusted) and the trust judgement of the pattern rules (what may be internal). Browser-safe.
import type { SyntaxNode } from "../../languages/python/syntax.js";
import type { SinkMatch } from "../rule.js";

/** Keywords under which deserializers take the data, the file or the path they read, in the order tried. */
export const DATA_KEYWORDS: readonly string[] = ["data", "s", "stream", "file", "fp", "f", "filepath_or_buffer", "path", "fname", "filename", "filepath", "b", "buf", "buffer", "string", "obj", "value", "path_or_buf", "f_or_fn", "fn", "model_uri"];

/** The input argument of a sink call: the first of `keywords` the call passes, else its first positional argument. */
export function inputArgument(m: SinkMatch, keywords: readonly string[] = DATA_KEYWORDS): SyntaxNode | undefined {
  for (const k of keywords) {
    const v = m.args.keywords.get(k);
    if (v) return v;
  }
  return m.args.positional[0];
}
