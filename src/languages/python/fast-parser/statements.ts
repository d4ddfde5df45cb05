// Statements and blocks by tree-sitter-python 0.25's grammar. Blocks end at their DEDENT (or, on the header's
// line, at the NEWLINE), which the tokenizer places after the comments that stay in them.
import type { SyntaxNode } from "../syntax.js";
import { PatternParser } from "./patterns.js";
import { DEDENT, END, INDENT, NAME, NEWLINE, OP, Unsupported } from "./tokenizer.js";
import { field } from "./tree.js";

/** Node types by keyword, written once (a template string would make a new string for every node). */
const STATEMENT_TYPES: Record<string, string> = {
  for: "for_statement", while: "while_statement", try: "try_statement", with: "with_statement", def: "function_definition",
  class: "class_definition", pass: "pass_statement", break: "break_statement", continue: "continue_statement",
  global: "global_statement", nonlocal: "nonlocal_statement",
};
const AUGMENTED = new Set(["+=", "-=", "*=", "/=", "@=", "//=", "%=", "**=", ">>=", "<<=", "&=", "^=", "|="]);
/** After `print` or `exec` at the start of a statement, these make it an expression, as tree-sitter parses it. */
const CALL_LIKE = new Set(["(", "=", ".", "[", ",", ")"]);

export class StatementParser extends PatternParser {
  /** The module's statements, up to the end of the tokens. */
  statements(): SyntaxNode[] {
    const m = this.mark();
    while (this.kind[this.i] !== END) this.statement();
    return this.take(m);
  }

  /** Adds the statement (or the `;`-separated simple statements) here to the children being collected. */
  private statement(): void {
    const k = this.kind[this.i];
    if (k === INDENT || k === DEDENT || k === NEWLINE) throw new Unsupported("unexpected indentation");
    this.enter();
    if (k === NAME) {
      switch (this.text[this.i]) {
        case "if":
          this.add(this.ifStatement());
          return this.leave();
        case "for":
        case "while":
        case "try":
        case "with":
        case "def":
        case "class":
          this.add(this.compound(this.start[this.i]));
          return this.leave();
        case "match":
          if (this.matchStatementAhead()) {
            this.add(this.matchStatement());
            return this.leave();
          }
          break;
        case "async":
          if (!this.isKeyword("def", this.i + 1) && !this.isKeyword("for", this.i + 1) && !this.isKeyword("with", this.i + 1)) throw new Unsupported("async");
          this.add(this.compound(this.start[this.i++]));
          return this.leave();
      }
    } else if (this.isOp("@")) {
      this.add(this.decorated());
      return this.leave();
    }
    this.simpleStatements();
    this.leave();
  }

  /** Simple statements separated by `;` up to their NEWLINE (read); returns the NEWLINE's offset. */
  private simpleStatements(): number {
    for (;;) {
      this.add(this.simpleStatement());
      if (this.isOp(";")) {
        this.i++;
        if (this.kind[this.i] === NEWLINE) break;
        continue;
      }
      break;
    }
    if (this.kind[this.i] !== NEWLINE) throw new Unsupported("expected the end of the line");
    return this.start[this.i++];
  }

  /** `: suite` from the colon: an indented block, or the simple statements on the header's line. */
  private suite(): SyntaxNode {
    this.expectOp(":");
    if (this.kind[this.i] === NEWLINE) {
      if (this.kind[this.i + 1] !== INDENT) throw new Unsupported("empty block");
      this.i += 2;
      const m = this.mark();
      while (this.kind[this.i] !== DEDENT) {
        if (this.kind[this.i] === END) throw new Unsupported("unexpected end");
        this.statement();
      }
      const end = this.start[this.i++];
      const body = this.take(m);
      return this.nodes.node("block", body[0].start, end, body);
    }
    const m = this.mark();
    const end = this.simpleStatements();
    const body = this.take(m);
    return this.nodes.node("block", body[0].start, end, body);
  }

  private ifStatement(): SyntaxNode {
    const s = this.start[this.i++];
    const m = this.mark();
    this.add(field(this.expression(), "condition"));
    let last = field(this.suite(), "consequence");
    this.add(last);
    while (this.isKeyword("elif")) {
      const es = this.start[this.i++];
      const condition = field(this.expression(), "condition");
      const consequence = field(this.suite(), "consequence");
      this.add((last = field(this.nodes.node("elif_clause", es, consequence.end, [condition, consequence]), "alternative")));
    }
    if (this.isKeyword("else")) this.add((last = field(this.elseClause(), "alternative")));
    return this.nodes.node("if_statement", s, last.end, this.take(m));
  }

  /**
   * `match subject, ...:` and its indented `case` clauses. The block starts where the header's line ends (its NEWLINE,
   * after a comment there) and ends at its DEDENT.
   */
  private matchStatement(): SyntaxNode {
    const s = this.start[this.i++];
    const m = this.mark();
    for (;;) {
      if (this.isOp("*")) throw new Unsupported("starred match subject");
      this.add(field(this.expression(), "subject"));
      if (!this.isOp(",")) break;
      this.i++;
      if (this.isOp(":")) break;
    }
    this.expectOp(":");
    if (this.kind[this.i] !== NEWLINE || this.kind[this.i + 1] !== INDENT) throw new Unsupported("match block");
    const blockStart = this.start[this.i];
    this.i += 2;
    const cases = this.mark();
    while (this.kind[this.i] !== DEDENT) {
      if (!this.isKeyword("case")) throw new Unsupported("match block");
      this.add(field(this.caseClause(), "alternative"));
    }
    const blockEnd = this.start[this.i++];
    const block = this.nodes.node("block", blockStart, blockEnd, this.take(cases));
    this.add(field(block, "body"));
    return this.nodes.node("match_statement", s, blockEnd, this.take(m));
  }

  private caseClause(): SyntaxNode {
    const s = this.start[this.i++];
    const m = this.mark();
    for (;;) {
      this.add(this.casePattern());
      if (!this.isOp(",")) break;
      this.i++;
      if (this.isOp(":") || this.isKeyword("if")) break;
    }
    if (this.isKeyword("if")) {
      const gs = this.start[this.i++];
      const condition = this.expression();
      this.add(field(this.nodes.node("if_clause", gs, condition.end, [condition]), "guard"));
    }
    const consequence = field(this.suite(), "consequence");
    this.add(consequence);
    return this.nodes.node("case_clause", s, consequence.end, this.take(m));
  }

  private elseClause(): SyntaxNode {
    const s = this.start[this.i++];
    const body = field(this.suite(), "body");
    return this.nodes.node("else_clause", s, body.end, [body]);
  }

  /** for, while, try, with, def and class (after an `async` starting at `s`). */
  private compound(s: number): SyntaxNode {
    const word = this.text[this.i++];
    const m = this.mark();
    const type = STATEMENT_TYPES[word];
    switch (word) {
      case "for": {
        this.add(field(this.targets(), "left"));
        this.expectKeyword("in");
        this.add(field(this.expressionList(true), "right"));
        this.add(field(this.suite(), "body"));
        if (this.isKeyword("else")) this.add(field(this.elseClause(), "alternative"));
        break;
      }
      case "while":
        this.add(field(this.expression(), "condition"));
        this.add(field(this.suite(), "body"));
        if (this.isKeyword("else")) this.add(field(this.elseClause(), "alternative"));
        break;
      case "try":
        this.add(field(this.suite(), "body"));
        while (this.isKeyword("except")) this.add(this.exceptClause());
        if (this.isKeyword("else")) this.add(this.elseClause());
        if (this.isKeyword("finally")) {
          const fs = this.start[this.i++];
          const block = this.suite();
          this.add(this.nodes.node("finally_clause", fs, block.end, [block]));
        }
        if (this.pendingCount(m) === 1) throw new Unsupported("try without handlers");
        break;
      case "with": {
        const cs = this.start[this.i];
        const items = this.mark();
        const parenthesized = this.parenthesizedWithItems();
        if (parenthesized) this.i++;
        const close = parenthesized ? ")" : ":";
        for (;;) {
          this.add(this.withItem());
          if (!this.isOp(",")) break;
          this.i++;
          if (this.isOp(close)) break;
        }
        // One item in brackets is a parenthesized expression or a tuple to tree-sitter, not a list of items.
        if (parenthesized && this.pendingCount(items) === 1) throw new Unsupported("one parenthesized with item");
        if (parenthesized) this.expectOp(")");
        const clause = this.nodes.node("with_clause", cs, this.lastEnd, this.take(items));
        this.add(clause);
        this.add(field(this.suite(), "body"));
        break;
      }
      case "def": {
        this.add(field(this.identifier(), "name"));
        if (!this.isOp("(")) throw new Unsupported("type parameters");
        const ps = this.start[this.i++];
        const list = this.parameterList(")", true);
        this.expectOp(")");
        this.add(field(this.nodes.node("parameters", ps, this.lastEnd, list), "parameters"));
        if (this.isOp("->")) {
          this.i++;
          this.add(field(this.type(), "return_type"));
        }
        this.add(field(this.suite(), "body"));
        break;
      }
      case "class": {
        this.add(field(this.identifier(), "name"));
        if (this.isOp("[")) throw new Unsupported("type parameters");
        if (this.isOp("(")) {
          const args = this.argumentList();
          if (args.type !== "argument_list") throw new Unsupported("generator as bases");
          this.add(field(args, "superclasses"));
        }
        this.add(field(this.suite(), "body"));
        break;
      }
    }
    const children = this.take(m);
    return this.nodes.node(type, s, children[children.length - 1].end, children);
  }

  private exceptClause(): SyntaxNode {
    const s = this.start[this.i++];
    const children: SyntaxNode[] = [];
    if (this.isOp("*")) this.i++;
    if (!this.isOp(":")) {
      const value = this.expression();
      if (this.isKeyword("as")) {
        this.i++;
        const target = this.expression();
        const alias = field(this.nodes.node("as_pattern_target", target.start, target.end, [target]), "alias");
        children.push(field(this.nodes.node("as_pattern", value.start, alias.end, [value, alias]), "value"));
      } else {
        children.push(field(value, "value"));
        while (this.isOp(",")) {
          this.i++;
          children.push(field(this.expression(), "value"));
        }
      }
    }
    const block = this.suite();
    children.push(block);
    return this.nodes.node("except_clause", s, block.end, children);
  }

  private withItem(): SyntaxNode {
    let value = this.expression();
    if (this.isKeyword("as")) {
      this.i++;
      const target = this.expression();
      const alias = field(this.nodes.node("as_pattern_target", target.start, target.end, [target]), "alias");
      value = this.nodes.node("as_pattern", value.start, alias.end, [value, alias]);
    }
    return this.nodes.node("with_item", value.start, value.end, [field(value, "value")]);
  }

  private decorated(): SyntaxNode {
    const s = this.start[this.i];
    const children: SyntaxNode[] = [];
    while (this.isOp("@")) {
      const ds = this.start[this.i++];
      const expression = this.expression();
      if (this.kind[this.i] !== NEWLINE) throw new Unsupported("decorator");
      children.push(this.nodes.node("decorator", ds, this.start[this.i++], [expression]));
    }
    let definition: SyntaxNode;
    if (this.isKeyword("async") && this.isKeyword("def", this.i + 1)) definition = this.compound(this.start[this.i++]);
    else if (this.isKeyword("def") || this.isKeyword("class")) definition = this.compound(this.start[this.i]);
    else throw new Unsupported("decorated statement");
    children.push(field(definition, "definition"));
    return this.nodes.node("decorated_definition", s, definition.end, children);
  }

  private simpleStatement(): SyntaxNode {
    const print = this.isKeyword("print") || this.isKeyword("exec");
    this.ambiguousStatement = print;
    const statement = this.simpleStatementAfterCheck();
    this.ambiguousStatement = false;
    return statement;
  }

  private simpleStatementAfterCheck(): SyntaxNode {
    const s = this.start[this.i];
    if (this.kind[this.i] === NAME) {
      const word = this.text[this.i];
      switch (word) {
        case "import": {
          this.i++;
          const names = this.importList();
          return this.nodes.node("import_statement", s, this.lastEnd, names);
        }
        case "from":
          return this.importFrom();
        case "assert": {
          this.i++;
          const items = this.expressionItems(false);
          if (this.isOp(",", this.i - 1)) throw new Unsupported("trailing comma in assert");
          return this.nodes.node("assert_statement", s, this.lastEnd, items);
        }
        case "return": {
          this.i++;
          if (!this.startsExpression()) return this.nodes.leaf("return_statement", s, this.lastEnd);
          const value = this.expressionList(true);
          return this.nodes.node("return_statement", s, this.lastEnd, [value]);
        }
        case "del": {
          this.i++;
          const target = this.expressionList(true);
          return this.nodes.node("delete_statement", s, target.end, [target]);
        }
        case "raise": {
          this.i++;
          const children: SyntaxNode[] = [];
          if (this.startsExpression()) children.push(this.expressionList(true));
          if (this.isKeyword("from")) {
            this.i++;
            children.push(field(this.expression(), "cause"));
          }
          return children.length ? this.nodes.node("raise_statement", s, this.lastEnd, children) : this.nodes.leaf("raise_statement", s, this.lastEnd);
        }
        case "pass":
        case "break":
        case "continue":
          this.i++;
          return this.nodes.leaf(STATEMENT_TYPES[word], s, this.lastEnd);
        case "global":
        case "nonlocal": {
          this.i++;
          const names = [this.identifier()];
          while (this.isOp(",")) {
            this.i++;
            names.push(this.identifier());
          }
          return this.nodes.node(STATEMENT_TYPES[word], s, this.lastEnd, names);
        }
        case "print":
        case "exec":
          if (!(this.kind[this.i + 1] === OP && CALL_LIKE.has(this.text[this.i + 1])) && !AUGMENTED.has(this.text[this.i + 1])) throw new Unsupported(`${word} statement`);
          break;
        case "type":
          // `type <type> = <type>` is a type alias to tree-sitter even where Python sees `type(x).y = z`.
          if (this.kind[this.i + 1] === NAME || ((this.isOp("(", this.i + 1) || this.isOp("[", this.i + 1)) && this.assignsAhead())) throw new Unsupported("type alias");
          break;
        case "match":
          if (this.matchStatementAhead()) throw new Unsupported("match statement");
          break;
      }
    }
    return this.expressionStatement();
  }

  /**
   * True when `with (` opens a parenthesized list of with-items (tree-sitter's reading): the brackets close right
   * before the colon and hold a comma or an `as` of their own; `with (a):` and `with (a) as b:` are expressions.
   */
  private parenthesizedWithItems(): boolean {
    if (!this.isOp("(")) return false;
    let depth = 0;
    let itemsInside = false;
    for (let k = this.i; this.kind[k] !== END && this.kind[k] !== NEWLINE; k++) {
      if (this.kind[k] === OP) {
        const t = this.text[k];
        if (t === "(" || t === "[" || t === "{") depth++;
        else if (t === ")" || t === "]" || t === "}") {
          if (--depth === 0) return itemsInside && this.isOp(":", k + 1);
        } else if (depth === 1 && t === ",") itemsInside = true;
      } else if (depth === 1 && this.isKeyword("as", k)) itemsInside = true;
    }
    return false;
  }

  /** True when the statement from here has an `=` outside brackets. */
  private assignsAhead(): boolean {
    let depth = 0;
    for (let k = this.i; this.kind[k] !== END && this.kind[k] !== NEWLINE; k++) {
      if (this.kind[k] !== OP) continue;
      const t = this.text[k];
      if (t === "(" || t === "[" || t === "{") depth++;
      else if (t === ")" || t === "]" || t === "}") depth--;
      else if (depth === 0 && (t === "=" || t === ";")) return t === "=";
    }
    return false;
  }

  /** True unless the `match` here is certainly a name: a match statement's line ends with `:`. */
  private matchStatementAhead(): boolean {
    const next = this.kind[this.i + 1];
    if (next === NEWLINE) return false;
    if (next === OP && (this.text[this.i + 1] === "=" || this.text[this.i + 1] === "." || AUGMENTED.has(this.text[this.i + 1]))) return false;
    let depth = 0;
    for (let k = this.i + 1; this.kind[k] !== END; k++) {
      if (this.kind[k] === OP) {
        const t = this.text[k];
        if (t === "(" || t === "[" || t === "{") depth++;
        else if (t === ")" || t === "]" || t === "}") depth--;
      }
      if (this.kind[k] === NEWLINE && depth === 0) return this.isOp(":", k - 1);
    }
    return true;
  }

  private importList(): SyntaxNode[] {
    const parenthesized = this.isOp("(");
    if (parenthesized) this.i++;
    const m = this.mark();
    for (;;) {
      const name = this.dottedName();
      if (this.isKeyword("as")) {
        this.i++;
        const alias = field(this.identifier(), "alias");
        this.add(field(this.nodes.node("aliased_import", name.start, alias.end, [field(name, "name"), alias]), "name"));
      } else this.add(field(name, "name"));
      if (!this.isOp(",")) break;
      this.i++;
      if (parenthesized ? this.isOp(")") : this.kind[this.i] === NEWLINE || this.isOp(";")) {
        if (!parenthesized) throw new Unsupported("trailing comma in an import");
        break;
      }
    }
    if (parenthesized) this.expectOp(")");
    return this.take(m);
  }

  private importFrom(): SyntaxNode {
    const s = this.start[this.i++];
    if (this.isKeyword("__future__")) {
      this.i++;
      this.expectKeyword("import");
      const names = this.importList();
      return this.nodes.node("future_import_statement", s, this.lastEnd, names);
    }
    let module: SyntaxNode;
    if (this.isOp(".") || this.isOp("...")) {
      const ps = this.start[this.i];
      while (this.isOp(".") || this.isOp("...")) this.i++;
      const prefix = this.nodes.leaf("import_prefix", ps, this.lastEnd);
      const parts = [prefix];
      if (!this.isKeyword("import")) parts.push(this.dottedName());
      module = this.nodes.node("relative_import", ps, this.lastEnd, parts);
    } else module = this.dottedName();
    const children = [field(module, "module_name")];
    this.expectKeyword("import");
    if (this.isOp("*")) {
      children.push(this.nodes.leaf("wildcard_import", this.start[this.i], this.end[this.i]));
      this.i++;
    } else children.push(...this.importList());
    return this.nodes.node("import_from_statement", s, this.lastEnd, children);
  }

  private expressionStatement(): SyntaxNode {
    const s = this.start[this.i];
    let inner: SyntaxNode;
    if (this.isKeyword("yield")) inner = this.yieldExpression();
    else {
      const items = this.expressionItems(true);
      const trailing = this.isOp(",", this.i - 1);
      if (this.isOp("=")) inner = this.assignment(this.patterns(items, trailing));
      else if (this.isOp(":") && items.length === 1 && !trailing) {
        const left = field(this.pattern(items[0]), "left");
        this.i++;
        const children = [left, field(this.type(), "type")];
        if (this.isOp("=")) {
          this.i++;
          children.push(field(this.rightHandSide(), "right"));
        }
        inner = this.nodes.node("assignment", left.start, this.lastEnd, children);
      } else if (this.kind[this.i] === OP && AUGMENTED.has(this.text[this.i])) {
        if (items.length !== 1 || trailing) throw new Unsupported("augmented assignment to a tuple");
        const left = field(this.pattern(items[0]), "left");
        this.i++;
        const right = field(this.rightHandSide(), "right");
        inner = this.nodes.node("augmented_assignment", left.start, right.end, [left, right]);
      } else {
        for (const item of items) if (item.type === "list_splat" && items.length === 1 && !trailing) throw new Unsupported("starred statement");
        return this.nodes.node("expression_statement", s, this.lastEnd, items);
      }
    }
    return this.nodes.node("expression_statement", s, inner.end, [inner]);
  }

  /** `left = right` from the `=`. */
  private assignment(left: SyntaxNode): SyntaxNode {
    this.i++;
    const right = field(this.rightHandSide(), "right");
    return this.nodes.node("assignment", left.start, right.end, [field(left, "left"), right]);
  }

  private rightHandSide(): SyntaxNode {
    if (this.isKeyword("yield")) {
      const y = this.yieldExpression();
      if (this.isOp("=")) throw new Unsupported("assignment after yield");
      return y;
    }
    const items = this.expressionItems(true);
    const trailing = this.isOp(",", this.i - 1);
    if (this.isOp("=")) return this.assignment(this.patterns(items, trailing));
    if (this.kind[this.i] === OP && AUGMENTED.has(this.text[this.i])) throw new Unsupported("chained augmented assignment");
    if (items.length === 1 && !trailing) return items[0];
    return this.nodes.node("expression_list", items[0].start, this.lastEnd, items);
  }
}
