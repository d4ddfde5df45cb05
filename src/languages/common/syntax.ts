import { Language, Parser, type Tree } from "web-tree-sitter";
import { LineIndex } from "../../core/line-index.js";
import { initTreeSitterRuntime } from "../tree-sitter-runtime.js";

/** A plain copy of a named tree-sitter node (the tree is freed right after parsing). */
export interface Node {
  readonly type: string;
  /** Field name in the parent (`name`, `arguments`, ...), if any. */
  readonly field: string | undefined;
  /** UTF-16 offsets into the source. */
  readonly start: number;
  readonly end: number;
  /** 0-based rows, UTF-16 columns. */
  readonly startRow: number;
  readonly startCol: number;
  readonly endRow: number;
  readonly endCol: number;
  readonly children: Node[];
  readonly parent: Node | undefined;
}

export interface ParsedTree {
  source: string;
  root: Node;
  /** Comment nodes, in source order. */
  comments: Node[];
  /** Where ERROR and MISSING nodes are (0-based row and column), in source order. */
  problems: { row: number; col: number }[];
  /** The parse ran out of its time budget; `root` is empty. */
  timedOut: boolean;
}

export interface GrammarParser {
  parse(source: string): ParsedTree;
}

/** Parse time budget per file: a pathological input is reported, never a hang. */
const PARSE_BUDGET_MS = 5_000;

/** A parser for one grammar (`.wasm` bytes) on the shared runtime. */
export async function createGrammarParser(grammar: Uint8Array, locateRuntimeWasm?: (file: string) => string): Promise<GrammarParser> {
  await initTreeSitterRuntime(locateRuntimeWasm);
  const language = await Language.load(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(source) {
      const deadline = Date.now() + PARSE_BUDGET_MS;
      const tree = parser.parse(source, null, { progressCallback: () => Date.now() > deadline });
      if (!tree) {
        parser.reset();
        const root = { type: "ERROR", field: undefined, start: 0, end: 0, startRow: 0, startCol: 0, endRow: 0, endCol: 0, children: [], parent: undefined };
        return { source, root, comments: [], problems: [], timedOut: true };
      }
      try {
        return copyTree(tree, source);
      } finally {
        tree.delete();
      }
    },
  };
}

/**
 * Copies the named nodes iteratively (deeply nested code cannot overflow the stack). Each cursor read crosses into
 * WebAssembly, so a node costs five reads; rows and columns come from the offsets and a line index instead.
 */
function copyTree(tree: Tree, source: string): ParsedTree {
  const cursor = tree.walk();
  const lines = new LineIndex(source);
  const hasError = tree.rootNode.hasError;
  const comments: Node[] = [];
  const problems: { row: number; col: number }[] = [];
  const make = (parent: Node | undefined, type: string, start: number, end: number): Node => {
    const [startRow, startCol] = lines.position(start);
    const [endRow, endCol] = lines.position(end);
    const node: Node = { type, field: cursor.currentFieldName ?? undefined, start, end, startRow, startCol, endRow, endCol, children: [], parent };
    if (type.endsWith("comment")) comments.push(node);
    return node;
  };
  try {
    const root = make(undefined, cursor.nodeType, cursor.startIndex, cursor.endIndex);
    if (root.type === "ERROR") problems.push({ row: 0, col: 0 });
    // Walk: the stack holds the copied ancestors of the cursor's current node.
    const stack: Node[] = [root];
    if (cursor.gotoFirstChild()) {
      for (;;) {
        const parent = stack[stack.length - 1];
        let descended = false;
        const named = cursor.nodeIsNamed;
        if (hasError) {
          const type = cursor.nodeType;
          if (type === "ERROR" || cursor.nodeIsMissing) {
            const [row, col] = lines.position(cursor.startIndex);
            problems.push({ row, col });
          }
        }
        if (named) {
          const node = make(parent, cursor.nodeType, cursor.startIndex, cursor.endIndex);
          parent.children.push(node);
          if (cursor.gotoFirstChild()) {
            stack.push(node);
            descended = true;
          }
        }
        if (descended) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent() || stack.length <= 1) return { source, root, comments, problems, timedOut: false };
          stack.pop();
        }
      }
    }
    return { source, root, comments, problems, timedOut: false };
  } finally {
    cursor.delete();
  }
}


export function text(tree: ParsedTree, node: Node): string {
  return tree.source.slice(node.start, node.end);
}

export function childByField(node: Node, field: string): Node | undefined {
  return node.children.find((c) => c.field === field);
}

export function childrenByField(node: Node, field: string): Node[] {
  return node.children.filter((c) => c.field === field);
}

export function childOfType(node: Node, ...types: string[]): Node | undefined {
  return node.children.find((c) => types.includes(c.type));
}

/** Every node under `node` (itself included), depth first in source order, without recursion. */
export function* descendants(node: Node, skip?: (n: Node) => boolean): Generator<Node> {
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    if (n !== node && skip?.(n)) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

export function ancestor(node: Node, ...types: string[]): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (types.includes(p.type)) return p;
  return undefined;
}

export function contains(outer: Node, inner: Node): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
