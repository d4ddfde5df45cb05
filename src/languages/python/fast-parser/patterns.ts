// The patterns of `case` clauses, by tree-sitter-python 0.25's grammar: every pattern a `case_pattern` node around
// an `as_pattern`, a `keyword_pattern` or a simple pattern; unions flat; `_` an anonymous token (no node); a
// negative number's `-` outside its node.
import type { SyntaxNode } from "../syntax.js";
import { ExpressionParser } from "./expressions.js";
import { FSTRING, NAME, NUMBER, OP, STRING, Unsupported } from "./tokenizer.js";
import { field } from "./tree.js";

export class PatternParser extends ExpressionParser {
  protected dottedName(): SyntaxNode {
    const m = this.mark();
    const first = this.identifier();
    let last = first;
    this.add(first);
    while (this.isOp(".")) {
      this.i++;
      this.add((last = this.identifier()));
    }
    return this.nodes.node("dotted_name", first.start, last.end, this.take(m));
  }

  /** tree-sitter's `case_pattern`. */
  protected casePattern(): SyntaxNode {
    const s = this.start[this.i];
    this.enter();
    let inner: SyntaxNode | null;
    if (this.kind[this.i] === NAME && this.isOp("=", this.i + 1)) {
      const name = this.identifier();
      this.i++;
      const m = this.mark();
      this.add(name);
      const value = this.simplePattern();
      if (value) this.add(value);
      inner = this.nodes.node("keyword_pattern", s, this.lastEnd, this.take(m));
    } else inner = this.simplePattern();
    let node = this.nodes.node("case_pattern", s, this.lastEnd, inner ? [inner] : []);
    while (this.isKeyword("as")) {
      this.i++;
      const alias = this.identifier();
      const as = this.nodes.node("as_pattern", s, alias.end, [node, alias]);
      node = this.nodes.node("case_pattern", s, alias.end, [as]);
    }
    this.leave();
    return node;
  }

  /** A simple pattern, or several joined by `|` as one flat `union_pattern`; null for `_`. */
  private simplePattern(): SyntaxNode | null {
    const s = this.start[this.i];
    const first = this.simplePatternAlone();
    if (!this.isOp("|")) return first;
    const m = this.mark();
    if (first) this.add(first);
    while (this.isOp("|")) {
      this.i++;
      const next = this.simplePatternAlone();
      if (next) this.add(next);
    }
    return this.nodes.node("union_pattern", s, this.lastEnd, this.take(m));
  }

  private simplePatternAlone(): SyntaxNode | null {
    const k = this.kind[this.i];
    const s = this.start[this.i];
    if (k === STRING || k === FSTRING) return this.strings();
    if (k === NUMBER || this.isOp("-")) return this.numberPattern();
    if (k === NAME) {
      const word = this.text[this.i];
      if (word === "True" || word === "False" || word === "None") {
        this.i++;
        return this.nodes.leaf(word === "True" ? "true" : word === "False" ? "false" : "none", s, this.lastEnd);
      }
      if (this.isWildcard()) {
        this.i++;
        return null;
      }
      const name = this.dottedName();
      if (!this.isOp("(")) return name;
      this.i++;
      const m = this.mark();
      this.add(name);
      this.patternsUpTo(")");
      return this.nodes.node("class_pattern", s, this.lastEnd, this.take(m));
    }
    if (k !== OP) throw new Unsupported("pattern");
    const t = this.text[this.i];
    if (t === "*" || t === "**") return this.splatPattern();
    if (t === "[" || t === "(") {
      this.i++;
      const m = this.mark();
      this.patternsUpTo(t === "[" ? "]" : ")");
      return this.nodes.node(t === "[" ? "list_pattern" : "tuple_pattern", s, this.lastEnd, this.take(m));
    }
    if (t === "{") {
      this.i++;
      const m = this.mark();
      while (!this.isOp("}")) {
        if (this.isOp("*") || this.isOp("**")) this.add(this.splatPattern());
        else {
          const key = this.simplePattern();
          if (!key) throw new Unsupported("wildcard key");
          this.add(field(key, "key"));
          this.expectOp(":");
          this.add(field(this.casePattern(), "value"));
        }
        if (!this.isOp(",")) break;
        this.i++;
      }
      this.expectOp("}");
      return this.nodes.node("dict_pattern", s, this.lastEnd, this.take(m));
    }
    throw new Unsupported("pattern");
  }

  /** `case_pattern`s separated by commas (trailing comma allowed) up to `close`, read. */
  private patternsUpTo(close: string): void {
    while (!this.isOp(close)) {
      this.add(this.casePattern());
      if (!this.isOp(",")) break;
      this.i++;
    }
    this.expectOp(close);
  }

  private isWildcard(at = this.i): boolean {
    return this.kind[at] === NAME && this.end[at] - this.start[at] === 1 && this.source.charCodeAt(this.start[at]) === 95;
  }

  /** `*name`, `**name`, `*_`. */
  private splatPattern(): SyntaxNode {
    const s = this.start[this.i++];
    if (this.isWildcard()) {
      this.i++;
      return this.nodes.leaf("splat_pattern", s, this.lastEnd);
    }
    const name = this.identifier();
    return this.nodes.node("splat_pattern", s, name.end, [name]);
  }

  /** `1`, `-1.5`, or a `complex_pattern` such as `-1+2j` (the leading `-` is no node of its own). */
  private numberPattern(): SyntaxNode {
    const s = this.start[this.i];
    if (this.isOp("-")) this.i++;
    const first = this.number();
    if (!(this.isOp("+") || this.isOp("-")) || this.kind[this.i + 1] !== NUMBER) return first;
    this.i++;
    const second = this.number();
    return this.nodes.node("complex_pattern", s, second.end, [first, second]);
  }

  private number(): SyntaxNode {
    if (this.kind[this.i] !== NUMBER) throw new Unsupported("pattern");
    const node = this.nodes.leaf(this.text[this.i], this.start[this.i], this.end[this.i]);
    this.i++;
    return node;
  }
}
