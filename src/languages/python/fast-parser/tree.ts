// Building the `SyntaxNode`s of tree-sitter-python's tree directly: nodes are made bottom-up (a node's parent and
// field are known only once its parent is made), and comments and line continuations are placed at the end, into
// the smallest node whose children surround them, which is where tree-sitter's parser leaves extras.
import { SyntaxNode, type LineIndex } from "../syntax.js";
import type { Extra } from "./tokenizer.js";

interface Writable {
  children: readonly SyntaxNode[];
  parent: SyntaxNode | null;
  field: string | null;
}

export class NodeFactory {
  constructor(readonly lines: LineIndex) {}

  leaf(type: string, start: number, end: number): SyntaxNode {
    return new SyntaxNode(type, null, start, end, null, false, this.lines);
  }

  /** A node over `children` (taken, not copied), from `start` to `end`. */
  node(type: string, start: number, end: number, children: SyntaxNode[]): SyntaxNode {
    const n = new SyntaxNode(type, null, start, end, null, false, this.lines);
    if (children.length) {
      (n as unknown as Writable).children = children;
      for (let k = 0; k < children.length; k++) (children[k] as unknown as Writable).parent = n;
    }
    return n;
  }
}

/** Sets the field name of `node` in its parent and returns it. */
export function field(node: SyntaxNode, name: string): SyntaxNode {
  (node as unknown as Writable).field = name;
  return node;
}

export function setChildren(node: SyntaxNode, children: SyntaxNode[]): void {
  (node as unknown as Writable).children = children;
  for (let k = 0; k < children.length; k++) (children[k] as unknown as Writable).parent = node;
}

/** Types whose nodes tree-sitter copies without children (tokens, and literals without interpolations). */
const LEAVES = new Set(["identifier", "integer", "float", "true", "false", "none", "ellipsis", "comment", "line_continuation"]);

/**
 * Puts every extra into the smallest node that starts before it and ends at or after its end, among that node's
 * children in source order; returns the comments in source order.
 */
export function placeExtras(root: SyntaxNode, extras: readonly Extra[], factory: NodeFactory): SyntaxNode[] {
  const comments: SyntaxNode[] = [];
  if (!extras.length) return comments;
  const added = new Map<SyntaxNode, SyntaxNode[]>();
  // The path from the root to the last extra's holder. Extras come in order, so the next one's holder is found by
  // going back up this path only as far as a node that still contains it: a node left behind is never entered again,
  // and a chain of 40,000 nested operators with a continuation line in each is linear, not quadratic.
  const path: SyntaxNode[] = [root];
  let last = -1;
  for (const x of extras) {
    if (x.start < last) path.length = 1;
    last = x.start;
    while (path.length > 1 && !(x.end <= path[path.length - 1].end)) path.pop();
    let holder = path[path.length - 1];
    for (;;) {
      const kids = holder.children;
      let lo = 0;
      let hi = kids.length - 1;
      // The last child starting before the extra.
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (kids[mid].start < x.start) lo = mid;
        else hi = mid - 1;
      }
      const k = kids[lo];
      if (k && k.start < x.start && x.end <= k.end && !LEAVES.has(k.type) && !(k.type === "string" && !k.children.length)) path.push((holder = k));
      else break;
    }
    const node = factory.leaf(x.type, x.start, x.end);
    if (x.type === "comment") comments.push(node);
    let list = added.get(holder);
    if (!list) added.set(holder, (list = []));
    list.push(node);
  }
  added.forEach((list, holder) => {
    // Allocated at its final length: the tree keeps it.
    const kids = holder.children;
    const merged = new Array<SyntaxNode>(kids.length + list.length);
    let i = 0;
    let k = 0;
    for (const x of list) {
      while (i < kids.length && kids[i].start < x.start) merged[k++] = kids[i++];
      merged[k++] = x;
    }
    while (i < kids.length) merged[k++] = kids[i++];
    setChildren(holder, merged);
  });
  return comments;
}
