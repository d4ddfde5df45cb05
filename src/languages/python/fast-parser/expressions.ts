// Expressions, patterns and types, by tree-sitter-python 0.25's grammar and precedences (not Python's where they
// differ: `^` binds tighter than `&`, `await` looser than `**`).
import type { SyntaxNode } from "../syntax.js";
import { formatString } from "./strings.js";
import { END, FSTRING, NAME, NEWLINE, NUMBER, OP, RESERVED, STRING, tokenize, Unsupported, type Tokens } from "./tokenizer.js";
import { field, NodeFactory } from "./tree.js";

const BINARY_PRECEDENCE: Record<string, number> = {
  "|": 14, "&": 15, "^": 16, "<<": 17, ">>": 17, "+": 18, "-": 18, "*": 19, "@": 19, "/": 19, "%": 19, "//": 19, "**": 21,
};
const POWER = 21;
const COMPARISONS = new Set(["<", "<=", "==", "!=", ">=", ">", "<>"]);
/** Tokens after which a starred name in an expression list is known to end. */
const AFTER_STAR = new Set([",", ")", "]", "}", "=", ";", ":"]);
const MAX_NESTING = 200;

/** True when source[from, to) is an ASCII name and no keyword. */
function isPlainName(source: string, from: number, to: number): boolean {
  if (to - from > 20 || to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    if (!letter && !(k > from && c >= 48 && c <= 57)) return false;
  }
  return to - from > 8 || !RESERVED.has(source.slice(from, to)); // no keyword is longer
}

export class ExpressionParser {
  protected i = 0;
  private nesting = 0;
  /** Inside a statement starting with `print` or `exec`, which tree-sitter also tries as a Python 2 statement. */
  protected ambiguousStatement = false;
  /** The token index of a `*` that `atom` reads as a starred name (tree-sitter's `list_splat_pattern` as a primary). */
  private starredAtomAt = -1;
  /**
   * Children being collected, for all nodes under construction (each takes its own from a mark, innermost first):
   * a node's children array is then allocated once at its exact length, rather than grown by pushing.
   */
  private readonly pending: SyntaxNode[] = [];
  private pendingTop = 0;
  protected readonly kind: Uint8Array;
  protected readonly start: Int32Array;
  protected readonly end: Int32Array;
  protected readonly text: string[];

  constructor(
    protected readonly source: string,
    tokens: Tokens,
    protected readonly nodes: NodeFactory,
  ) {
    this.kind = tokens.kind;
    this.start = tokens.start;
    this.end = tokens.end;
    this.text = tokens.text;
  }

  // ---- collecting children

  protected mark(): number {
    return this.pendingTop;
  }
  protected add(node: SyntaxNode): void {
    this.pending[this.pendingTop++] = node;
  }
  protected pendingCount(mark: number): number {
    return this.pendingTop - mark;
  }
  /** The children added since `mark`, as an array of their own. */
  protected take(mark: number): SyntaxNode[] {
    const children = this.pending.slice(mark, this.pendingTop);
    this.pendingTop = mark;
    return children;
  }

  // ---- token helpers

  protected isOp(op: string, at = this.i): boolean {
    return this.kind[at] === OP && this.text[at] === op;
  }
  protected isKeyword(word: string, at = this.i): boolean {
    return this.kind[at] === NAME && this.text[at] === word;
  }
  protected expectOp(op: string): void {
    if (!this.isOp(op)) throw new Unsupported(`expected ${op}`);
    this.i++;
  }
  protected expectKeyword(word: string): void {
    if (!this.isKeyword(word)) throw new Unsupported(`expected ${word}`);
    this.i++;
  }
  /** The end of the last token read. */
  protected get lastEnd(): number {
    return this.end[this.i - 1];
  }
  protected enter(): void {
    if (++this.nesting > MAX_NESTING) throw new Unsupported("nesting too deep");
  }
  protected leave(): void {
    this.nesting--;
  }

  protected identifier(): SyntaxNode {
    if (this.kind[this.i] !== NAME || RESERVED.has(this.text[this.i])) throw new Unsupported("expected a name");
    const n = this.nodes.leaf("identifier", this.start[this.i], this.end[this.i]);
    this.i++;
    return n;
  }

  /** True when the current token can start an expression. */
  protected startsExpression(at = this.i): boolean {
    const k = this.kind[at];
    if (k === NUMBER || k === STRING || k === FSTRING) return true;
    if (k === NAME) {
      const t = this.text[at];
      return !RESERVED.has(t) || t === "not" || t === "lambda" || t === "await" || t === "None" || t === "True" || t === "False";
    }
    if (k !== OP) return false;
    const t = this.text[at];
    return t === "(" || t === "[" || t === "{" || t === "-" || t === "+" || t === "~" || t === "*" || t === "..." || t === "**";
  }

  // ---- expressions

  /** tree-sitter's `expression` (without `as_pattern`, which only with-items and except clauses make). */
  protected expression(): SyntaxNode {
    this.enter();
    let result: SyntaxNode;
    if (this.isKeyword("lambda")) result = this.lambda();
    else if (this.kind[this.i] === NAME && this.isOp(":=", this.i + 1)) {
      const name = field(this.identifier(), "name");
      this.i++;
      const value = field(this.expression(), "value");
      result = this.nodes.node("named_expression", name.start, value.end, [name, value]);
    } else {
      result = this.disjunction();
      if (this.isKeyword("if")) {
        this.i++;
        const condition = this.disjunction();
        if (this.isKeyword("if")) throw new Unsupported("nested conditional");
        this.expectKeyword("else");
        const alternative = this.expression();
        result = this.nodes.node("conditional_expression", result.start, alternative.end, [result, condition, alternative]);
      }
    }
    this.leave();
    return result;
  }

  protected disjunction(): SyntaxNode {
    let left = this.conjunction();
    while (this.isKeyword("or")) {
      this.i++;
      const right = this.conjunction();
      left = this.nodes.node("boolean_operator", left.start, right.end, [field(left, "left"), field(right, "right")]);
    }
    return left;
  }

  private conjunction(): SyntaxNode {
    let left = this.negation();
    while (this.isKeyword("and")) {
      this.i++;
      const right = this.negation();
      left = this.nodes.node("boolean_operator", left.start, right.end, [field(left, "left"), field(right, "right")]);
    }
    return left;
  }

  private negation(): SyntaxNode {
    if (!this.isKeyword("not")) return this.comparison();
    const s = this.start[this.i++];
    this.enter();
    const argument = field(this.negation(), "argument");
    this.leave();
    return this.nodes.node("not_operator", s, argument.end, [argument]);
  }

  private comparisonOperator(): number {
    const k = this.kind[this.i];
    if (k === OP) return COMPARISONS.has(this.text[this.i]) ? 1 : 0;
    if (k !== NAME) return 0;
    const t = this.text[this.i];
    if (t === "in") return 1;
    if (t === "is") return this.isKeyword("not", this.i + 1) ? 2 : 1;
    if (t === "not" && this.isKeyword("in", this.i + 1)) return 2;
    return 0;
  }

  private comparison(): SyntaxNode {
    const first = this.binary(0);
    let n = this.comparisonOperator();
    if (!n) return first;
    const m = this.mark();
    this.add(first);
    let last = first;
    while (n) {
      this.i += n;
      this.add((last = this.binary(0)));
      n = this.comparisonOperator();
    }
    return this.nodes.node("comparison_operator", first.start, last.end, this.take(m));
  }

  private binaryPrecedence(): number {
    return this.kind[this.i] === OP ? (BINARY_PRECEDENCE[this.text[this.i]] ?? -1) : -1;
  }

  /** Binary operators of at least `minimum` precedence over unary operands. */
  protected binary(minimum: number): SyntaxNode {
    let left = this.unary();
    for (;;) {
      const precedence = this.binaryPrecedence();
      if (precedence < minimum || precedence < 0) return left;
      this.i++;
      this.enter();
      const right = this.binary(precedence === POWER ? POWER : precedence + 1);
      this.leave();
      left = this.nodes.node("binary_operator", left.start, right.end, [field(left, "left"), field(right, "right")]);
    }
  }

  private unary(): SyntaxNode {
    if (this.kind[this.i] === OP) {
      const t = this.text[this.i];
      if (t === "-" || t === "+" || t === "~") {
        const s = this.start[this.i++];
        this.enter();
        const argument = field(this.binary(POWER), "argument");
        this.leave();
        return this.nodes.node("unary_operator", s, argument.end, [argument]);
      }
    } else if (this.isKeyword("await")) {
      const s = this.start[this.i++];
      this.enter();
      const argument = this.binary(POWER);
      this.leave();
      return this.nodes.node("await", s, argument.end, [argument]);
    }
    return this.primary();
  }

  /** An atom and its calls, subscripts and attributes. */
  protected primary(): SyntaxNode {
    let node = this.atom();
    for (;;) {
      if (this.kind[this.i] !== OP) return node;
      const t = this.text[this.i];
      if (t === ".") {
        this.i++;
        const name = field(this.identifier(), "attribute");
        node = this.nodes.node("attribute", node.start, name.end, [field(node, "object"), name]);
      } else if (t === "(") {
        const args = field(this.argumentList(), "arguments");
        node = this.nodes.node("call", node.start, args.end, [field(node, "function"), args]);
      } else if (t === "[") {
        this.i++;
        const m = this.mark();
        this.add(field(node, "value"));
        for (;;) {
          this.add(field(this.subscriptItem(), "subscript"));
          if (!this.isOp(",")) break;
          this.i++;
          if (this.isOp("]")) break;
        }
        this.expectOp("]");
        node = this.nodes.node("subscript", node.start, this.lastEnd, this.take(m));
      } else return node;
    }
  }

  private subscriptItem(): SyntaxNode {
    const s = this.start[this.i];
    const parts: SyntaxNode[] = [];
    if (!this.isOp(":")) {
      // `a[*b.c]`: a subscript takes no list_splat, so the star binds to the name alone (PEP 646).
      const e = this.isOp("*") ? this.starredAtomExpression() : this.expression();
      if (!this.isOp(":")) return e;
      parts.push(e);
    }
    this.i++;
    if (this.startsExpression()) parts.push(this.expression());
    if (this.isOp(":")) {
      this.i++;
      if (this.startsExpression()) parts.push(this.expression());
    }
    return this.nodes.node("slice", s, this.lastEnd, parts);
  }

  private atom(): SyntaxNode {
    const k = this.kind[this.i];
    const s = this.start[this.i];
    const e = this.end[this.i];
    if (this.i === this.starredAtomAt) {
      this.i++;
      const name = this.identifier();
      return this.nodes.node("list_splat", s, name.end, [name]);
    }
    if (k === NAME) {
      const t = this.text[this.i];
      if (t === "True" || t === "False" || t === "None") {
        this.i++;
        return this.nodes.leaf(t === "True" ? "true" : t === "False" ? "false" : "none", s, e);
      }
      return this.identifier();
    }
    if (k === NUMBER) {
      this.i++;
      return this.nodes.leaf(this.text[this.i - 1], s, e);
    }
    if (k === STRING || k === FSTRING) return this.strings();
    if (k === OP) {
      const t = this.text[this.i];
      if (t === "(") return this.parenthesized();
      if (t === "[") return this.bracketed();
      if (t === "{") return this.braced();
      if (t === "...") {
        this.i++;
        return this.nodes.leaf("ellipsis", s, e);
      }
    }
    throw new Unsupported(k === END || k === NEWLINE ? "unexpected end" : `unexpected ${this.text[this.i] || "token"}`);
  }

  /** A string, or adjacent strings as a `concatenated_string`. */
  protected strings(): SyntaxNode {
    const s = this.start[this.i];
    const first = this.string();
    if (this.kind[this.i] !== STRING && this.kind[this.i] !== FSTRING) return first;
    const m = this.mark();
    this.add(first);
    while (this.kind[this.i] === STRING || this.kind[this.i] === FSTRING) this.add(this.string());
    return this.nodes.node("concatenated_string", s, this.lastEnd, this.take(m));
  }

  private string(): SyntaxNode {
    const s = this.start[this.i];
    const e = this.end[this.i];
    const format = this.kind[this.i] === FSTRING;
    this.i++;
    if (!format) return this.nodes.leaf("string", s, e);
    this.enter();
    const node = formatString(this.source, s, e, this.nodes, (from, to) => this.interpolated(from, to));
    this.leave();
    return node;
  }

  /** tree-sitter's `_f_expression` in source[from, to), parsed with a parser of its own over its tokens. */
  private interpolated(from: number, to: number): SyntaxNode {
    // `{name}`, the most common interpolation, needs no tokenizer and parser of its own.
    if (isPlainName(this.source, from, to)) return this.nodes.leaf("identifier", from, to);
    const tokens = tokenize(this.source, [{ start: from, end: to }], true);
    // A parser of this one's own class (the statement parser): every parser object then has one shape, and the
    // first complex interpolation does not throw away the optimised code of every method that had seen only one.
    const Parser = this.constructor as new (source: string, tokens: Tokens, nodes: NodeFactory) => ExpressionParser;
    const inner = new Parser(this.source, tokens, this.nodes);
    inner.nesting = this.nesting;
    const node = inner.isKeyword("yield") ? inner.yieldExpression() : inner.expressionList(false);
    if (inner.kind[inner.i] !== END) throw new Unsupported("f-string expression");
    return node;
  }

  private isGenericType(): boolean {
    return this.kind[this.i] === NAME && this.isOp("[", this.i + 1) && !RESERVED.has(this.text[this.i]);
  }

  private genericType(): SyntaxNode {
    const name = this.identifier();
    const open = this.start[this.i++];
    const parameters: SyntaxNode[] = [];
    for (;;) {
      parameters.push(this.type());
      if (!this.isOp(",")) break;
      this.i++;
      if (this.isOp("]")) break;
    }
    this.expectOp("]");
    const typeParameter = this.nodes.node("type_parameter", open, this.lastEnd, parameters);
    return this.nodes.node("generic_type", name.start, this.lastEnd, [name, typeParameter]);
  }

  /**
   * An expression from a `*` followed by a name, with the starred name as its first atom: `*a.b + c` is
   * `(*a).b + c`. tree-sitter reads a subscript's starred items so, and the only item of a list or set.
   */
  private starredAtomExpression(): SyntaxNode {
    if (this.kind[this.i + 1] !== NAME || RESERVED.has(this.text[this.i + 1]) || this.ambiguousStatement) throw new Unsupported("starred expression");
    this.starredAtomAt = this.i;
    const e = this.expression();
    this.starredAtomAt = -1;
    return e;
  }

  /**
   * The first element of a list or set. A starred name there is tree-sitter's starred atom (see above) when it is
   * the only element, and a `list_splat` of the whole expression when a comma follows.
   */
  private firstElement(close: string): SyntaxNode {
    if (!this.isOp("*") || this.kind[this.i + 1] !== NAME || RESERVED.has(this.text[this.i + 1])) return this.element();
    const at = this.i;
    const only = this.starredAtomExpression();
    if (this.isOp(close)) return only;
    if (!this.isOp(",")) throw new Unsupported("starred element");
    this.i = at;
    return this.element();
  }

  /** An element of a list, set or tuple: an expression, `*expression`, or `yield`. */
  private element(): SyntaxNode {
    if (this.isOp("*")) {
      const s = this.start[this.i++];
      const value = this.expression();
      return this.nodes.node("list_splat", s, value.end, [value]);
    }
    if (this.isKeyword("yield")) return this.yieldExpression();
    return this.expression();
  }

  /** `first` and the elements after it up to `close` (trailing comma allowed); reads `close`. */
  private elements(first: SyntaxNode, close: string): SyntaxNode[] {
    const m = this.mark();
    this.add(first);
    while (this.isOp(",")) {
      this.i++;
      if (this.isOp(close)) break;
      this.add(this.element());
    }
    this.expectOp(close);
    return this.take(m);
  }

  private parenthesized(): SyntaxNode {
    const s = this.start[this.i++];
    this.enter();
    let result: SyntaxNode;
    if (this.isOp(")")) {
      this.i++;
      result = this.nodes.leaf("tuple", s, this.lastEnd);
    } else {
      const first = this.element();
      if (this.isKeyword("for") || this.isKeyword("async")) {
        if (first.type === "list_splat") throw new Unsupported("starred generator");
        result = this.comprehension("generator_expression", s, first, ")");
      } else if (this.isOp(")")) {
        // tree-sitter reads `(*a)` as a tuple or as a parenthesized starred name depending on the text around it.
        if (first.type === "list_splat") throw new Unsupported("parenthesized list splat");
        this.i++;
        result = this.nodes.node("parenthesized_expression", s, this.lastEnd, [first]);
      } else {
        const children = this.elements(first, ")");
        result = this.nodes.node("tuple", s, this.lastEnd, children);
      }
    }
    this.leave();
    return result;
  }

  private bracketed(): SyntaxNode {
    const s = this.start[this.i++];
    this.enter();
    let result: SyntaxNode;
    if (this.isOp("]")) {
      this.i++;
      result = this.nodes.leaf("list", s, this.lastEnd);
    } else {
      const first = this.firstElement("]");
      if (this.isKeyword("for") || this.isKeyword("async")) {
        if (first.type === "list_splat" || first.type === "yield") throw new Unsupported("starred comprehension");
        result = this.comprehension("list_comprehension", s, first, "]");
      } else {
        const children = this.elements(first, "]");
        result = this.nodes.node("list", s, this.lastEnd, children);
      }
    }
    this.leave();
    return result;
  }

  private braced(): SyntaxNode {
    const s = this.start[this.i++];
    this.enter();
    let result: SyntaxNode;
    if (this.isOp("}")) {
      this.i++;
      result = this.nodes.leaf("dictionary", s, this.lastEnd);
    } else {
      const first = this.dictionaryItem(true);
      if (first.type === "pair" || first.type === "dictionary_splat") {
        if (first.type === "pair" && (this.isKeyword("for") || this.isKeyword("async"))) {
          result = this.comprehension("dictionary_comprehension", s, first, "}");
        } else {
          const m = this.mark();
          this.add(first);
          while (this.isOp(",")) {
            this.i++;
            if (this.isOp("}")) break;
            const item = this.dictionaryItem();
            if (item.type !== "pair" && item.type !== "dictionary_splat") throw new Unsupported("set item in a dictionary");
            this.add(item);
          }
          this.expectOp("}");
          result = this.nodes.node("dictionary", s, this.lastEnd, this.take(m));
        }
      } else if (this.isKeyword("for") || this.isKeyword("async")) {
        if (first.type === "list_splat" || first.type === "yield") throw new Unsupported("starred comprehension");
        result = this.comprehension("set_comprehension", s, first, "}");
      } else {
        const children = this.elements(first, "}");
        for (const c of children) if (c.type === "pair" || c.type === "dictionary_splat") throw new Unsupported("pair in a set");
        result = this.nodes.node("set", s, this.lastEnd, children);
      }
    }
    this.leave();
    return result;
  }

  private dictionaryItem(first = false): SyntaxNode {
    if (this.isOp("**")) {
      const s = this.start[this.i++];
      const value = this.expression();
      return this.nodes.node("dictionary_splat", s, value.end, [value]);
    }
    const key = first ? this.firstElement("}") : this.element();
    if (!this.isOp(":")) return key;
    if (key.type === "list_splat" || key.type === "yield") throw new Unsupported("starred key");
    this.i++;
    const value = field(this.expression(), "value");
    return this.nodes.node("pair", key.start, value.end, [field(key, "key"), value]);
  }

  /** `[body for ... if ...]` and the like, from the first `for`; reads `close`. */
  private comprehension(type: string, s: number, body: SyntaxNode, close: string): SyntaxNode {
    const m = this.mark();
    this.add(field(body, "body"));
    for (;;) {
      if (this.isKeyword("for") || (this.isKeyword("async") && this.isKeyword("for", this.i + 1))) {
        const clauseStart = this.start[this.i];
        this.i += this.isKeyword("async") ? 2 : 1;
        const left = field(this.targets(), "left");
        this.expectKeyword("in");
        if (this.isKeyword("lambda")) throw new Unsupported("lambda in a for clause");
        const right = field(this.disjunction(), "right");
        if (this.isOp(",")) throw new Unsupported("tuple in a for clause");
        this.add(this.nodes.node("for_in_clause", clauseStart, right.end, [left, right]));
      } else if (this.isKeyword("if")) {
        const clauseStart = this.start[this.i++];
        const condition = this.disjunction();
        this.add(this.nodes.node("if_clause", clauseStart, condition.end, [condition]));
      } else break;
    }
    if (this.isKeyword("else")) throw new Unsupported("conditional in a comprehension");
    this.expectOp(close);
    return this.nodes.node(type, s, this.lastEnd, this.take(m));
  }

  protected argumentList(): SyntaxNode {
    const s = this.start[this.i++];
    this.enter();
    const m = this.mark();
    while (!this.isOp(")")) {
      if (this.isOp("*")) {
        // In a statement that starts with `print` or `exec`, tree-sitter may read `*a.b` as `(*a).b`.
        if (this.ambiguousStatement && this.kind[this.i + 1] === NAME && this.kind[this.i + 2] === OP && (this.text[this.i + 2] === "." || this.text[this.i + 2] === "(" || this.text[this.i + 2] === "[")) {
          throw new Unsupported("starred call or attribute in a print statement");
        }
        const st = this.start[this.i++];
        const value = this.expression();
        this.add(this.nodes.node("list_splat", st, value.end, [value]));
      } else if (this.isOp("**")) {
        const st = this.start[this.i++];
        const value = this.expression();
        this.add(this.nodes.node("dictionary_splat", st, value.end, [value]));
      } else if (this.kind[this.i] === NAME && this.isOp("=", this.i + 1)) {
        const name = field(this.identifier(), "name");
        this.i++;
        const value = field(this.expression(), "value");
        this.add(this.nodes.node("keyword_argument", name.start, value.end, [name, value]));
      } else {
        const value = this.expression();
        if (this.pendingTop === m && (this.isKeyword("for") || this.isKeyword("async"))) {
          const generator = this.comprehension("generator_expression", s, value, ")");
          this.leave();
          return generator;
        }
        this.add(value);
      }
      if (!this.isOp(",")) break;
      this.i++;
    }
    this.expectOp(")");
    this.leave();
    return this.nodes.node("argument_list", s, this.lastEnd, this.take(m));
  }

  protected lambda(): SyntaxNode {
    const s = this.start[this.i++];
    const children: SyntaxNode[] = [];
    if (!this.isOp(":")) {
      const s = this.start[this.i];
      const parameters = this.parameterList(":", false);
      children.push(field(this.nodes.node("lambda_parameters", s, this.lastEnd, parameters), "parameters"));
    }
    this.expectOp(":");
    const body = field(this.expression(), "body");
    children.push(body);
    return this.nodes.node("lambda", s, body.end, children);
  }

  /** Parameters up to (not including) `close`, with a trailing comma. */
  protected parameterList(close: string, typed: boolean): SyntaxNode[] {
    const m = this.mark();
    while (!this.isOp(close)) {
      this.add(this.parameter(typed));
      if (!this.isOp(",")) break;
      this.i++;
    }
    return this.take(m);
  }

  private parameter(typed: boolean): SyntaxNode {
    const s = this.start[this.i];
    if (this.isOp("/")) {
      this.i++;
      return this.nodes.leaf("positional_separator", s, this.lastEnd);
    }
    let target: SyntaxNode;
    if (this.isOp("*") || this.isOp("**")) {
      const double = this.isOp("**");
      this.i++;
      if (!double && (this.isOp(",") || this.isOp(")") || this.isOp(":"))) return this.nodes.leaf("keyword_separator", s, this.lastEnd);
      const name = this.identifier();
      target = this.nodes.node(double ? "dictionary_splat_pattern" : "list_splat_pattern", s, name.end, [name]);
    } else target = this.identifier();
    if (typed && this.isOp(":")) {
      this.i++;
      const type = field(this.type(), "type");
      if (this.isOp("=")) {
        if (target.type !== "identifier") throw new Unsupported("default for a splat");
        this.i++;
        const value = field(this.expression(), "value");
        return this.nodes.node("typed_default_parameter", s, value.end, [field(target, "name"), type, value]);
      }
      return this.nodes.node("typed_parameter", s, type.end, [target, type]);
    }
    if (this.isOp("=")) {
      if (target.type !== "identifier") throw new Unsupported("default for a splat");
      this.i++;
      const value = field(this.expression(), "value");
      return this.nodes.node("default_parameter", s, value.end, [field(target, "name"), value]);
    }
    return target;
  }

  /** `yield`, `yield from x`, `yield a, b`. */
  protected yieldExpression(): SyntaxNode {
    const s = this.start[this.i++];
    if (this.isKeyword("from")) {
      this.i++;
      const value = this.expression();
      return this.nodes.node("yield", s, value.end, [value]);
    }
    if (!this.startsExpression()) return this.nodes.leaf("yield", s, this.lastEnd);
    const value = this.expressionList(true);
    return this.nodes.node("yield", s, value.end, [value]);
  }

  /** A starred name in an expression list (tree-sitter's `list_splat_pattern` aliased to `list_splat`). */
  private starredName(): SyntaxNode {
    const s = this.start[this.i++];
    const value = this.primary();
    if (value.type !== "identifier") throw new Unsupported("starred expression");
    if (!(this.kind[this.i] === NEWLINE || this.kind[this.i] === END || (this.kind[this.i] === OP && AFTER_STAR.has(this.text[this.i])) || this.isKeyword("in"))) {
      throw new Unsupported("starred expression");
    }
    return this.nodes.node("list_splat", s, value.end, [value]);
  }

  protected expressionOrStar(): SyntaxNode {
    if (!this.isOp("*")) return this.expression();
    // `return a, *b[1:]`: a star before more than a name binds to the name, as in subscripts.
    const k = this.kind[this.i + 2];
    const t = this.text[this.i + 2];
    const nameAlone = k === NEWLINE || k === END || (k === OP && AFTER_STAR.has(t)) || this.isKeyword("in", this.i + 2);
    return nameAlone || this.kind[this.i + 1] !== NAME ? this.starredName() : this.starredAtomExpression();
  }

  /** Comma-separated expressions: the first alone, or an `expression_list` (trailing comma included). */
  protected expressionList(allowStar: boolean): SyntaxNode {
    const items = this.expressionItems(allowStar);
    return items.length === 1 && !this.isOp(",", this.i - 1) ? items[0] : this.nodes.node("expression_list", items[0].start, this.lastEnd, items);
  }

  /** Comma-separated expressions, reading a trailing comma. */
  protected expressionItems(allowStar: boolean): SyntaxNode[] {
    const m = this.mark();
    this.add(allowStar ? this.expressionOrStar() : this.expression());
    while (this.isOp(",")) {
      this.i++;
      if (!this.startsExpression()) break;
      this.add(allowStar ? this.expressionOrStar() : this.expression());
    }
    return this.take(m);
  }

  /** Assignment targets of `for` (up to `in`): a pattern or a `pattern_list`. */
  protected targets(): SyntaxNode {
    const m = this.mark();
    for (;;) {
      this.add(this.isOp("*") ? this.starredName() : this.primary());
      if (!this.isOp(",")) break;
      this.i++;
      if (this.isKeyword("in")) break;
    }
    return this.patterns(this.take(m), this.isOp(",", this.i - 1));
  }

  /** `items` as a left-hand side: one pattern, or a `pattern_list` when there are several or a trailing comma. */
  protected patterns(items: SyntaxNode[], trailingComma: boolean): SyntaxNode {
    if (items.length === 1 && !trailingComma) return this.pattern(items[0]);
    return this.nodes.node("pattern_list", items[0].start, this.lastEnd, items.map((n) => this.pattern(n)));
  }

  /** An expression as tree-sitter's `pattern`. */
  protected pattern(node: SyntaxNode): SyntaxNode {
    // A starred atom (`*a.b, c = d`) would be a pattern of its own kind.
    if (node.type !== "list_splat" && this.source.charCodeAt(node.start) === 42) throw new Unsupported("starred pattern");
    switch (node.type) {
      case "identifier":
      case "attribute":
      case "subscript":
        return node;
      case "list_splat": {
        const inner = node.children[0];
        if (inner.type !== "identifier" && inner.type !== "attribute" && inner.type !== "subscript") throw new Unsupported("starred pattern");
        return this.nodes.node("list_splat_pattern", node.start, node.end, [inner]);
      }
      case "tuple":
        return this.nodes.node("tuple_pattern", node.start, node.end, node.children.map((c) => this.pattern(c)));
      case "parenthesized_expression":
        // `(a) = b`: a target in brackets is a one-element tuple pattern.
        return this.nodes.node("tuple_pattern", node.start, node.end, [this.pattern(node.children[0])]);
      case "list":
        return this.nodes.node("list_pattern", node.start, node.end, node.children.map((c) => this.pattern(c)));
      default:
        throw new Unsupported(`${node.type} as a target`);
    }
  }

  /** `*Ts` or `**P` as a `splat_type`; `*tuple[int, ...]` a starred atom expression (PEP 646). */
  private splatType(): SyntaxNode {
    const k = this.kind[this.i + 2];
    const t = this.text[this.i + 2];
    const alone = k === NEWLINE || k === END || (k === OP && (t === "," || t === ")" || t === ":" || t === "=" || t === "]"));
    if (this.kind[this.i + 1] === NAME && !RESERVED.has(this.text[this.i + 1]) && alone) {
      const s = this.start[this.i++];
      const name = this.identifier();
      return this.nodes.node("splat_type", s, name.end, [name]);
    }
    if (this.isOp("**") || !this.isOp("[", this.i + 2)) throw new Unsupported("splat type");
    return this.starredAtomExpression();
  }

  /** tree-sitter's `type`: an expression, or `Name[types]` as a `generic_type` (and unions of those). */
  protected type(): SyntaxNode {
    this.enter();
    let inner: SyntaxNode;
    if (this.isGenericType()) {
      inner = this.genericType();
      // `A[x] | B[y] | c` is left-associative over generic types; a plain operand takes the rest as an expression.
      while (this.isOp("|")) {
        this.i++;
        const left = this.nodes.node("type", inner.start, inner.end, [inner]);
        const generic = this.isGenericType();
        const operand = generic ? this.genericType() : this.expression();
        const right = this.nodes.node("type", operand.start, operand.end, [operand]);
        inner = this.nodes.node("union_type", left.start, right.end, [left, right]);
        if (!generic) break;
      }
      if (this.kind[this.i] === OP && (BINARY_PRECEDENCE[this.text[this.i]] !== undefined || this.text[this.i] === "." || this.text[this.i] === "(" || this.text[this.i] === "[")) {
        throw new Unsupported("generic type in an expression");
      }
      if (this.comparisonOperator() || this.isKeyword("if") || this.isKeyword("and") || this.isKeyword("or")) throw new Unsupported("generic type in an expression");
    } else {
      if (this.isOp("*") || this.isOp("**")) inner = this.splatType();
      else inner = this.expression();
    }
    this.leave();
    return this.nodes.node("type", inner.start, inner.end, [inner]);
  }
}
