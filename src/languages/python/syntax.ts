import type { Tree } from "web-tree-sitter";
import { LineIndex } from "../../core/line-index.js";

export { LineIndex };

/**
 * A plain JavaScript copy of a named node of a tree-sitter tree. Analysis walks these instead of the WASM-backed
 * nodes: it is much faster, and the tree-sitter tree can be freed right after parsing.
 */
/** The children of every leaf: one shared empty array instead of one per node. */
const NO_CHILDREN: readonly SyntaxNode[] = [];

export class SyntaxNode {
  /** Set once by `copyTree`, at its exact length, when the node's last child is known. */
  readonly children: readonly SyntaxNode[] = NO_CHILDREN;
  constructor(
    readonly type: string,
    /** Field name in the parent (`function`, `arguments`, `left`, ...), or null. */
    readonly field: string | null,
    /** UTF-16 offsets into the source. */
    readonly start: number,
    readonly end: number,
    readonly parent: SyntaxNode | null,
    readonly missing: boolean,
    private readonly lines: LineIndex,
  ) {}

  // 0-based rows and UTF-16 columns, worked out when asked: only findings, fixes and comments need them.
  get startRow(): number {
    return this.lines.position(this.start)[0];
  }
  get startCol(): number {
    return this.lines.position(this.start)[1];
  }
  get endRow(): number {
    return this.lines.position(this.end)[0];
  }
  get endCol(): number {
    return this.lines.position(this.end)[1];
  }
}

export interface SyntaxProblem {
  row: number;
  col: number;
  missing: boolean;
}

export interface SyntaxTree {
  source: string;
  root: SyntaxNode;
  /** Rows and columns of `source`, when the parser made them (they are shared rather than made again). */
  lines?: LineIndex;
  comments: SyntaxNode[];
  /** ERROR and MISSING nodes, in source order. */
  problems: SyntaxProblem[];
  maxDepth: number;
}

/**
 * The cursor operations a tree copy needs. Two providers exist: the public TreeCursor API, and direct calls into
 * the WebAssembly exports (see `directCursorOps`), which skip web-tree-sitter's per-call marshalling.
 */
export interface CursorOps {
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  typeId(): number;
  fieldId(): number;
  startIndex(): number;
  endIndex(): number;
  isMissing(): boolean;
  /** Frees the cursor. */
  close(): void;
}

/** Opens a cursor on `tree` through the public API. */
export function publicCursorOps(tree: Tree): CursorOps {
  const cursor = tree.walk();
  return {
    gotoFirstChild: () => cursor.gotoFirstChild(),
    gotoNextSibling: () => cursor.gotoNextSibling(),
    gotoParent: () => cursor.gotoParent(),
    typeId: () => cursor.nodeTypeId,
    fieldId: () => cursor.currentFieldId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    isMissing: () => cursor.nodeIsMissing,
    close: () => cursor.delete(),
  };
}

/**
 * Copies the named nodes of `tree` with one cursor walk, without recursion. Does not free `tree`.
 * Every cursor operation is a call into WebAssembly, so the walk asks only for type and field IDs (mapped through
 * the language's tables) and offsets; rows and columns are computed here from a line index.
 * `openCursor` must be called after everything else that talks to tree-sitter (the direct provider keeps the
 * cursor in tree-sitter's shared transfer buffer).
 */
export function copyTree(
  tree: Tree,
  source: string,
  openCursor: (tree: Tree) => CursorOps = publicCursorOps,
  lines: LineIndex = new LineIndex(source),
): SyntaxTree {
  const language = tree.language;
  const typeNames = language.types;
  const fieldNames = language.fields;
  const named: boolean[] = typeNames.map((_, id) => id > 0 && language.nodeTypeIsNamed(id));
  const isNamed = (typeId: number) => (typeId === ERROR_TYPE_ID ? true : (named[typeId] ?? false));
  const mayHaveErrors = tree.rootNode.hasError;
  const cursor = openCursor(tree);
  const comments: SyntaxNode[] = [];
  const problems: SyntaxProblem[] = [];
  const makeNode = (typeId: number, fieldId: number, start: number, end: number, missing: boolean, parent: SyntaxNode | null) =>
    new SyntaxNode(typeNames[typeId] ?? "ERROR", fieldId ? (fieldNames[fieldId] ?? null) : null, start, end, parent, missing, lines);
  try {
    const root = makeNode(cursor.typeId(), 0, cursor.startIndex(), cursor.endIndex(), false, null);
    // Named ancestors of the cursor position, with the cursor depth at which each was entered.
    const parents: SyntaxNode[] = [root];
    const depthOfParent: number[] = [0];
    // The children found so far of every node in `parents`, one after the other; where each one's begin.
    const found: SyntaxNode[] = [];
    const childrenFrom: number[] = [0];
    // A node's children are known once it leaves `parents`: they become one array of exactly their number.
    const finish = () => {
      const node = parents.pop()!;
      depthOfParent.pop();
      const from = childrenFrom.pop()!;
      if (found.length > from) {
        (node as { children: readonly SyntaxNode[] }).children = found.slice(from);
        found.length = from;
      }
    };
    let depth = 0;
    let maxDepth = 0;
    let skipChildren = false;
    for (;;) {
      if (!skipChildren && cursor.gotoFirstChild()) {
        depth++;
      } else {
        let ascended = false;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) {
            ascended = true;
            break;
          }
          depth--;
        }
        if (ascended) {
          while (parents.length) finish();
          return { source, root, lines, comments, problems, maxDepth };
        }
      }
      while (depthOfParent[depthOfParent.length - 1] >= depth) finish();
      if (depth > maxDepth) maxDepth = depth;
      const typeId = cursor.typeId();
      const missing = mayHaveErrors && cursor.isMissing();
      if (mayHaveErrors && (typeId === ERROR_TYPE_ID || missing)) {
        const [row, col] = lines.position(cursor.startIndex());
        problems.push({ row, col, missing });
      }
      skipChildren = false;
      if (!isNamed(typeId)) continue;
      const parent = parents[parents.length - 1];
      const node = makeNode(typeId, cursor.fieldId(), cursor.startIndex(), cursor.endIndex(), missing, parent);
      // A literal without interpolations holds nothing to analyse: its value is decoded from the text on demand.
      if (node.type === "string" && !isFormatString(source, node.start)) skipChildren = true;
      found.push(node);
      if (node.type === "comment") comments.push(node);
      parents.push(node);
      depthOfParent.push(depth);
      childrenFrom.push(found.length);
    }
  } finally {
    cursor.close();
  }
}

const ERROR_TYPE_ID = 65535;

function isFormatString(source: string, start: number): boolean {
  for (let i = start; i < start + 3; i++) {
    const c = source.charCodeAt(i);
    if (c === 102 || c === 70) return true; // f F
    if (c === 34 || c === 39) return false; // " '
  }
  return false;
}


/**
 * Unlinks every node of a tree whose analysis is over: parents, children and the children arrays' slots. A big
 * file's analysis spans scavenges, so part of its tree is promoted to the old generation; the scavenger treats every
 * old-to-young pointer as live until the next full collection, dead or not, so through the parent and children links
 * those promoted nodes kept the rest of the tree alive, and it was copied and promoted in turn. On CPython's
 * standard library this cut the bytes promoted by scavenges by a fifth (`--trace-gc-nvp`: 147-157 -> 113-124 MB).
 * Nothing may use the tree afterwards.
 */
export function detachTree(root: SyntaxNode): void {
  const stack: SyntaxNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as unknown as { parent: SyntaxNode | null; children: (SyntaxNode | undefined)[] };
    node.parent = null;
    const children = node.children;
    for (let k = 0; k < children.length; k++) {
      stack.push(children[k]!);
      children[k] = undefined;
    }
  }
}

export function childByField(node: SyntaxNode, field: string): SyntaxNode | undefined {
  const children = node.children;
  for (let k = 0; k < children.length; k++) if (children[k].field === field) return children[k];
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
