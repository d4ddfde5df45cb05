// A hand-written tokenizer and recursive-descent parser for Python that builds exactly the `SyntaxTree` that
// `copyTree` makes from tree-sitter-python 0.25, without tree-sitter: the named nodes, their fields, offsets,
// parents, children and comments. Why our own rather than a library: parsing was half of a cold scan's CPU
// (web-tree-sitter parses about 5 M chars/s, 2.4 M chars/s with included ranges, and the copy out of WebAssembly
// costs more; native tree-sitter and @lezer/python are no faster), while a direct parser in JavaScript reaches
// several times that. It is a fast path only: on anything it does not reproduce exactly (syntax errors, type
// statements and parameters, Python 2 print statements, unusual comment or continuation placement, deep nesting,
// the few constructs tree-sitter reads either way depending on the surrounding text...) it returns the reason and
// tree-sitter parses the file as before, with its error recovery. Allocation is kept to the tree itself: token
// arrays are reused from file to file, and children are collected on one stack and copied out at their length.
// `scripts/fast-parser-diff.mjs` compares both trees node by node on large corpora.
import type { SourceRange } from "../regions.js";
import type { LineIndex, SyntaxNode, SyntaxTree } from "../syntax.js";
import { StatementParser } from "./statements.js";
import { recycleTokens, tokenize, Unsupported } from "./tokenizer.js";
import { NodeFactory, placeExtras } from "./tree.js";

export { Unsupported };

/** The tree, or why the fast parser leaves this source to tree-sitter. */
export type FastParseResult = { tree: SyntaxTree } | { unsupported: string };

export function fastParse(source: string, ranges: readonly SourceRange[] | undefined, lines: LineIndex): FastParseResult {
  try {
    const tokens = tokenize(source, ranges);
    const nodes = new NodeFactory(lines);
    const statements = new StatementParser(source, tokens, nodes).statements();
    const end = ranges ? (ranges.length ? ranges[ranges.length - 1].end : 0) : source.length;
    const root = nodes.node("module", tokens.first >= 0 ? tokens.first : end, end, statements);
    const comments = placeExtras(root, tokens.extras, nodes);
    recycleTokens(tokens);
    let depth: number | undefined;
    return {
      tree: {
        source,
        root,
        lines,
        comments,
        problems: [],
        get maxDepth() {
          return (depth ??= cursorDepth(root, source));
        },
      },
    };
  } catch (e) {
    if (e instanceof Unsupported) return { unsupported: e.reason };
    if (e instanceof RangeError) return { unsupported: "stack" };
    throw e;
  }
}

/** Named tokens: no anonymous children below them. */
const TOKENS = new Set([
  "identifier", "integer", "float", "true", "false", "none", "ellipsis", "comment", "line_continuation", "keyword_separator",
  "positional_separator", "wildcard_import", "type_conversion", "escape_sequence", "escape_interpolation", "string_start",
  "string_end", "string_content",
]);

/**
 * The deepest level tree-sitter's cursor reaches (what `copyTree` reports as `maxDepth`): named nodes, and one level
 * more below a node with anonymous tokens (text not covered by named children), two for `not in` and `is not`.
 */
function cursorDepth(root: SyntaxNode, source: string): number {
  let max = 0;
  const stack: [SyntaxNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    let below = depth;
    const literal = node.type === "string" && node.children.length === 0;
    if (!literal && !TOKENS.has(node.type)) {
      let at = node.start;
      const gap = (to: number) => {
        const text = source.slice(at, to).trim();
        if (text) below = Math.max(below, depth + (node.type === "comparison_operator" && /^(not\s+in|is\s+not)$/.test(text) ? 2 : 1));
      };
      for (const c of node.children) {
        gap(c.start);
        at = c.end;
        stack.push([c, depth + 1]);
      }
      if (node.type !== "module" && node.type !== "block") gap(node.end);
    }
    max = Math.max(max, below, node === root ? 0 : depth);
  }
  return max;
}
