import type { FlowAdapter, Site, SourceModel } from "./model.js";
import { childByField, type Node, type ParsedTree } from "./syntax.js";

/** The parts every language's model shares. */
export abstract class SourceModelBase implements SourceModel {
  abstract readonly sites: Site[];
  abstract readonly flow: FlowAdapter;
  constructor(readonly tree: ParsedTree) {}

  text(node: Node): string {
    return this.tree.source.slice(node.start, node.end);
  }

  abstract enclosingPath(node: Node): string;
  abstract idiomSuppressions(node: Node): string[];

  /** The names of the declarations of the given node types around `node`, outermost first, joined with dots. */
  protected enclosingNames(node: Node, declarationTypes: readonly string[]): string {
    const names: string[] = [];
    for (let p = node.parent; p; p = p.parent) {
      if (declarationTypes.includes(p.type)) {
        const name = childByField(p, "name");
        if (name) names.push(this.text(name));
      }
    }
    return names.reverse().join(".");
  }

  /** The left operand of `left <operator> right` (a binary expression of every supported grammar). */
  binaryLeft(node: Node, operator: string): Node | undefined {
    if (node.type !== "binary_expression") return undefined;
    const left = childByField(node, "left");
    const right = childByField(node, "right");
    return left && right && this.tree.source.slice(left.end, right.start).trim() === operator ? left : undefined;
  }

  /** Records a qualified constant or member (`TypeNameHandling.All`) as a site. */
  protected addReferenceSite(node: Node, target: string, fn: Node | undefined): void {
    this.sites.push({ kind: "reference", node, targets: [target], calleeText: shortened(this.text(node)), args: [], namedArgs: new Map(), fn });
  }
}

/** Code as shown in messages: whitespace removed, at most 60 characters. */
export function shortened(code: string): string {
  const compact = code.replace(/\s*\n\s*/g, "").replace(/\s+/g, " ");
  return compact.length > 60 ? compact.slice(0, 57) + "..." : compact;
}

/** The text of a string literal without quotes and escapes it cannot use for our purposes, or undefined. */
export function unquote(literal: string): string | undefined {
  const m = /^@?(["'])([\s\S]*)\1$/.exec(literal.trim());
  return m ? m[2] : undefined;
}
