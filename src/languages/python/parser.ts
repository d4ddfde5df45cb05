import { Language, Parser, type Range, type Tree } from "web-tree-sitter";
import { initTreeSitterRuntime, runtimeModule } from "../tree-sitter-runtime.js";
import { directCursorOps } from "./direct-cursor.js";
import { fastParse } from "./fast-parser/index.js";
import type { SourceRange } from "./regions.js";
import { copyTree, LineIndex, publicCursorOps, type CursorOps, type SyntaxTree } from "./syntax.js";

export interface PythonParser {
  /**
   * Parses and copies the tree; the tree-sitter tree is freed before returning. With `ranges`, only those parts
   * of the source are parsed (they must be whole top-level statements); offsets and positions stay the file's.
   */
  parse(source: string, ranges?: readonly SourceRange[], budget?: TimeBudget): SyntaxTree;
}

/** A point in time (`Date.now()` milliseconds) after which work on a file stops. */
export interface TimeBudget {
  deadline: number;
}

/** Thrown when a parse runs past its budget's deadline; the parser is reset and can be used again. */
export class TimeBudgetExceeded extends Error {
  constructor(readonly stage: string) {
    super(`time budget exceeded while ${stage}`);
  }
}

/** True once the budget's deadline has passed. */
export function pastDeadline(budget: TimeBudget | undefined): boolean {
  return budget !== undefined && Date.now() > budget.deadline;
}

export interface GrammarFiles {
  /** Bytes of `tree-sitter-python.wasm`. */
  grammar: Uint8Array;
  /** Where the runtime finds `tree-sitter.wasm` (browser builds); Node resolves it next to web-tree-sitter. */
  locateRuntimeWasm?: (file: string) => string;
  /** Walk trees through the public TreeCursor API only (slower; used to cross-check the direct walk). */
  publicCursorOnly?: boolean;
  /** Always parse with tree-sitter, never with the fast parser (see `fast-parser/index.ts`): for comparisons. */
  treeSitterOnly?: boolean;
}

export async function createPythonParser(files: GrammarFiles): Promise<PythonParser> {
  await initTreeSitterRuntime(files.locateRuntimeWasm);
  const language = await Language.load(files.grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  const openCursor: (tree: Tree) => CursorOps = (!files.publicCursorOnly && directCursorOps(runtimeModule)) || publicCursorOps;
  // A file parsed in parts and then whole (after a syntax error) is indexed once.
  let indexed: { source: string; lines: LineIndex } | undefined;
  return {
    parse(source, ranges, budget) {
      if (indexed?.source !== source) indexed = { source, lines: new LineIndex(source) };
      const lines = indexed.lines;
      if (!files.treeSitterOnly) {
        const fast = fastParse(source, ranges, lines);
        if ("tree" in fast) {
          if (pastDeadline(budget)) throw new TimeBudgetExceeded("parsing");
          return fast.tree;
        }
      }
      // tree-sitter calls this every few hundred steps; returning true cancels the parse (it returns null). On some
      // inputs one step is slow (the scanner looks ahead over thousands of comment lines for every token), so the
      // reader also watches the clock: past the deadline it reports the end of the input, and the parse ends.
      const progressCallback = budget ? () => Date.now() > budget.deadline : undefined;
      const read = ranges ? rangeReader(source, ranges) : (index: number) => source.slice(index, index + INPUT_BUFFER_CHARS);
      const input = budget ? (index: number) => (Date.now() > budget.deadline ? "" : read(index)) : read;
      const tree = ranges
        ? parser.parse(input, null, { includedRanges: ranges.map((r) => toRange(r, lines)), progressCallback })
        : parser.parse(input, null, { progressCallback });
      if (tree && pastDeadline(budget)) {
        tree.delete();
        parser.reset();
        throw new TimeBudgetExceeded("parsing");
      }
      if (!tree) {
        parser.reset();
        if (pastDeadline(budget)) throw new TimeBudgetExceeded("parsing");
        throw new Error("tree-sitter returned no tree");
      }
      try {
        return copyTree(tree, source, openCursor, lines);
      } finally {
        tree.delete();
      }
    },
  };
}

/**
 * Hands tree-sitter the text from an offset to the end of the range it falls in (at most one input buffer): the
 * runtime copies every returned character into WebAssembly memory, and text between ranges is never read.
 */
function rangeReader(source: string, ranges: readonly SourceRange[]): (index: number) => string {
  let k = 0;
  return (index) => {
    if (k >= ranges.length || index < ranges[k].start) k = 0;
    while (k < ranges.length && ranges[k].end <= index) k++;
    const end = k < ranges.length ? ranges[k].end : source.length;
    return source.slice(index, Math.min(end, index + INPUT_BUFFER_CHARS));
  };
}

/**
 * The most web-tree-sitter takes per call: its input buffer is 10 KiB of UTF-16 with a terminator, so 5,119 code
 * units (what a reader returns beyond them is cut off and asked for again).
 */
const INPUT_BUFFER_CHARS = 5 * 1024 - 1;

function toRange(range: SourceRange, lines: LineIndex): Range {
  const [startRow, startColumn] = lines.position(range.start);
  const [endRow, endColumn] = lines.position(range.end);
  return {
    startIndex: range.start,
    endIndex: range.end,
    startPosition: { row: startRow, column: startColumn },
    endPosition: { row: endRow, column: endColumn },
  };
}
