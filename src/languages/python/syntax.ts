import type { Tree } from "web-tree-sitter";

/**
 * A plain-object copy of the named nodes of a tree-sitter tree. Analysis walks these instead of the WASM-backed
 * nodes: it is much faster, and the tree-sitter tree can be freed right after parsing.
 */
export interface SyntaxNode {
  type: string;
  /** Field name in the parent (`function`, `arguments`, `left`, ...), or null. */
  field: string | null;
  /** UTF-16 offsets into the source. */
  start: number;
  end: number;
  /** 0-based rows and UTF-16 columns. */
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
  parent: SyntaxNode | null;
  children: SyntaxNode[];
  missing: boolean;
}

export interface SyntaxProblem {
  row: number;
  col: number;
  missing: boolean;
}

export interface SyntaxTree {
  source: string;
  root: SyntaxNode;
  comments: SyntaxNode[];
  /** ERROR and MISSING nodes, in source order. */
  problems: SyntaxProblem[];
  maxDepth: number;
}

/** Copies the named nodes of `tree` with one cursor walk, without recursion. Does not free `tree`. */
export function copyTree(tree: Tree, source: string): SyntaxTree {
  const cursor = tree.walk();
  const comments: SyntaxNode[] = [];
  const problems: SyntaxProblem[] = [];
  const root = nodeAtCursor(cursor, null);
  // Parents of the node the cursor is on, for named nodes only; anonymous nodes keep their named ancestor.
  const parents: SyntaxNode[] = [root];
  const depthOfParent: number[] = [0];
  let depth = 0;
  let maxDepth = 0;
  try {
    for (;;) {
      if (cursor.gotoFirstChild()) {
        depth++;
      } else {
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return { source, root, comments, problems, maxDepth };
          depth--;
          while (depthOfParent[depthOfParent.length - 1] >= depth && parents.length > 1) {
            parents.pop();
            depthOfParent.pop();
          }
        }
      }
      while (depthOfParent[depthOfParent.length - 1] >= depth && parents.length > 1) {
        parents.pop();
        depthOfParent.pop();
      }
      if (depth > maxDepth) maxDepth = depth;
      const type = cursor.nodeType;
      const missing = cursor.nodeIsMissing;
      if (type === "ERROR" || missing) {
        const p = cursor.startPosition;
        problems.push({ row: p.row, col: p.column, missing });
      }
      if (!cursor.nodeIsNamed) continue;
      const parent = parents[parents.length - 1];
      const node = nodeAtCursor(cursor, parent);
      parent.children.push(node);
      if (type === "comment") comments.push(node);
      parents.push(node);
      depthOfParent.push(depth);
    }
  } finally {
    cursor.delete();
  }
}

function nodeAtCursor(cursor: ReturnType<Tree["walk"]>, parent: SyntaxNode | null): SyntaxNode {
  const s = cursor.startPosition;
  const e = cursor.endPosition;
  return {
    type: cursor.nodeType,
    field: cursor.currentFieldName,
    start: cursor.startIndex,
    end: cursor.endIndex,
    startRow: s.row,
    startCol: s.column,
    endRow: e.row,
    endCol: e.column,
    parent,
    children: [],
    missing: cursor.nodeIsMissing,
  };
}

export function childByField(node: SyntaxNode, field: string): SyntaxNode | undefined {
  for (const c of node.children) if (c.field === field) return c;
  return undefined;
}

export function childrenByField(node: SyntaxNode, field: string): SyntaxNode[] {
  return node.children.filter((c) => c.field === field);
}

export function textOf(tree: { source: string }, node: SyntaxNode): string {
  return tree.source.slice(node.start, node.end);
}

export function isAncestor(ancestor: SyntaxNode, node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}
