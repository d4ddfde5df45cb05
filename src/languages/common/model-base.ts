import type { FlowAdapter, Site, SourceModel } from "./model.js";
import type { Node, ParsedTree } from "./syntax.js";

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
