/**
 * The statements of a Python block (the module, or a class body), found by a lexical scan without parsing: where
 * each starts and ends, which are function or class definitions and under what name, which identifiers each
 * mentions and which names it may bind.
 */
export interface Segment {
  /**
   * UTF-16 offsets. A segment starts at the beginning of its first line (indentation included) and runs to the
   * start of the next one, trailing blank and comment lines included.
   */
  start: number;
  end: number;
  /** Name of a `def` / `async def` / `class`, decorated or not, and its key; undefined for other statements. */
  definition?: string;
  definitionKey?: number;
  isClass?: boolean;
  /** For a class: where the line after its `class ...:` line starts, and what its decorators and header mention. */
  bodyStart?: number;
  headerIdentifiers?: Set<number>;
  /**
   * Keys (see `identifierKey`) of the names the code mentions as identifiers: not attribute names after a dot,
   * nothing in comments or plain string literals, every word inside f-strings. Keywords are included. With sink
   * attributes given (see `splitTopLevel`), a name mentioned only as the base of another attribute
   * (`pickle.dumps`) is not included: whatever the name means, that use cannot reach a sink.
   */
  identifiers: Set<number>;
  /**
   * Keys of the attribute names the code mentions after a dot (`load` in `self.load(b)`): data-flow rules follow
   * calls and instance attributes through `self`, which `identifiers` does not show.
   */
  attributes: Set<number>;
  /** Keys of the names the code may bind (an over-approximation: see `scanLogicalLine`). */
  bound: Set<number>;
  /**
   * Keys of names bound by `from m import x` to what cannot lead to a sink (with sink attributes given, an `x`
   * that is not one of them): they lead nowhere, but still shadow other bindings of the name.
   */
  shadows: Set<number>;
  /** Keys of the names declared in `global` statements anywhere inside. */
  globals: Set<number>;
  /**
   * For a module-level statement that is not a definition: its logical lines, with what each mentions and binds,
   * so that a compound statement passes on only the bindings of the lines that matter (in
   * `try: from numpy import ndarray as t / except ImportError: t = None`, a `numpy` anchor does not make `t = None`
   * a binding from a sink).
   */
  lines?: StatementLine[];
  /**
   * Start/end offset pairs, ascending, of the text inside that cannot be code or a name: comments, and string
   * literals holding anything but letters, digits, `_` and `.` (a module or attribute name held in a string,
   * `import_module("pickle")`, does matter); of an f-string, such literal text between its interpolations (see
   * `scanFormatString`).
   */
  prose: number[];
}

export interface StatementLine {
  /** From the first character of the logical line to the start of the next. */
  start: number;
  end: number;
  identifiers: Set<number>;
  bound: Set<number>;
}

/** What `scanLogicalLine` records into: a segment, or one logical line of it. */
type LineFacts = Pick<Segment, "identifiers" | "attributes" | "bound" | "shadows" | "globals" | "prose">;

/**
 * Names are compared by a 30-bit hash rather than by string: scanning then allocates nothing per identifier.
 * Two names sharing a key can only make more code count as relevant (so more is parsed), never less.
 */
export function identifierKey(name: string): number {
  return hashRange(name, 0, name.length);
}

/** The key of the name `text.slice(start, end)`. */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FORM_FEED = 12;
const HASH = 35;
const BACKSLASH = 92;
const DOT = 46;
const AT = 64;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;

/**
 * Keys (see `identifierKey`) of the attribute names through which a name can lead to a sink: `name.other` for any
 * other attribute cannot. Undefined: every attribute can.
 */
export type SinkAttributes = ReadonlySet<number> | undefined;

/**
 * Splits a module into its top-level statements. Returns undefined when the layout cannot be read reliably (an
 * unterminated string, a bare carriage-return line ending): callers then treat the file as one piece.
 */
export function splitTopLevel(source: string, sinkAttributes?: SinkAttributes): Segment[] | undefined {
  if (hasBareCarriageReturn(source)) return undefined;
  return splitBlock(source, 0, source.length, "", sinkAttributes);
}

/**
 * Splits the body of a class segment into its members; undefined when it has none on lines of their own. The module
 * split reads a class body as part of the class statement, and most classes are never asked for their members: a
 * body is split only here, on demand.
 */
export function splitClassBody(source: string, cls: Segment, sinkAttributes?: SinkAttributes): Segment[] | undefined {
  if (cls.bodyStart === undefined) return undefined;
  const body = firstBodyLine(source, cls.bodyStart, cls.end);
  return body ? splitBlock(source, body.start, cls.end, body.indent, sinkAttributes) : undefined;
}

/**
 * Where the first code line of a class body in `[from, to)` starts and its indentation; undefined when the body
 * has no line of its own (`class C: pass`) before `to` or a line at the top level.
 */
function firstBodyLine(source: string, from: number, to: number): { start: number; indent: string } | undefined {
  for (let pos = from; pos < to; ) {
    const j = skipSpaces(source, pos);
    const first = source.charCodeAt(j);
    if (first === NEWLINE || first === CR || first === HASH) {
      const nl = source.indexOf("\n", j);
      pos = nl < 0 ? to : nl + 1;
      continue;
    }
    return j > pos ? { start: pos, indent: source.slice(pos, j) } : undefined;
  }
  return undefined;
}

/**
 * Splits `[from, to)` into the statements indented exactly by `indent`; lines indented deeper continue the current
 * statement. Undefined on an unterminated string or a line indented less than `indent`.
 */
function splitBlock(source: string, from: number, to: number, indent: string, sinkAttributes: SinkAttributes): Segment[] | undefined {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let decoratorPending = false;
  // Inside a statement, the body of a nested `def` or `class` (lines indented deeper than its header, whose
  // indentation this holds) binds nothing at this level, apart from `global` names.
  let nestedDefinitionStart = -1;
  let nestedDefinitionIndent = 0;
  let pos = from;
  while (pos < to) {
    const j = skipSpaces(source, pos);
    if (j >= to) break;
    const first = source.charCodeAt(j);
    if (first === NEWLINE || first === CR || first === HASH) {
      // Blank and comment-only lines start no statement.
      const nl = source.indexOf("\n", j);
      if (first === HASH) current?.prose.push(j, nl < 0 ? to : nl);
      pos = nl < 0 ? to : nl + 1;
      continue;
    }
    if (!source.startsWith(indent, pos) || j - pos < indent.length) return undefined;
    let definition: ReturnType<typeof definedName>;
    if (j - pos === indent.length) {
      // A statement at this level starts a segment, unless decorators above it already did, or it is a clause
      // of the compound statement before (`else:`, `except ...:`), which belongs with it.
      const clause = current !== undefined && current.definition === undefined && !decoratorPending && isClauseKeyword(source, j);
      if (!current || (!decoratorPending && !clause)) {
        if (current) current.end = pos;
        current = newSegment(pos, to);
        segments.push(current);
        nestedDefinitionStart = -1;
      }
      decoratorPending = first === AT;
      definition = decoratorPending || clause ? undefined : definedName(source, j);
      if (definition) {
        current.lines = undefined;
        current.definition = definition.name;
        current.definitionKey = identifierKey(definition.name);
        if (definition.isClass) current.isClass = true;
      }
    } else if (!current) {
      // Indented code before any statement: a syntax error the parser reports; keep it in a segment of its own.
      current = newSegment(pos, to);
      segments.push(current);
    }
    let bindsHere = true;
    if (nestedDefinitionStart >= 0) {
      const width = j - pos;
      const deeper = width > nestedDefinitionIndent && sameText(source, nestedDefinitionStart, pos, nestedDefinitionIndent);
      if (deeper) bindsHere = false;
      else nestedDefinitionStart = -1;
    }
    if (nestedDefinitionStart < 0 && j - pos > indent.length && current.definition === undefined && startsDefinition(source, j)) {
      nestedDefinitionStart = pos;
      nestedDefinitionIndent = j - pos;
    }
    let next: number;
    if (indent === "" && current.definition === undefined && current.lines === undefined) {
      // The statement's first line (most statements have only one): it shares the statement's sets until a second comes.
      next = scanLogicalLine(source, j, current, bindsHere, sinkAttributes);
      current.lines = [{ start: j, end: next, identifiers: current.identifiers, bound: current.bound }];
    } else if (indent === "" && current.definition === undefined) {
      const lines = current.lines!;
      if (lines.length === 1 && lines[0].identifiers === current.identifiers) {
        lines[0].identifiers = new Set(current.identifiers);
        lines[0].bound = new Set(current.bound);
      }
      const line: StatementLine = { start: j, end: 0, identifiers: new Set(), bound: new Set() };
      const facts: LineFacts = segmentOf(j, j, line.identifiers, current.attributes, line.bound, current.shadows, current.globals, current.prose);
      next = scanLogicalLine(source, j, facts, bindsHere, sinkAttributes);
      // The line may have given the statement its first shadowed or global name (see `NO_NAMES`).
      current.shadows = facts.shadows;
      current.globals = facts.globals;
      line.end = next;
      addAll(current.identifiers, line.identifiers);
      addAll(current.bound, line.bound);
      lines.push(line);
    } else {
      next = scanLogicalLine(source, j, current, bindsHere, sinkAttributes);
    }
    if (next < 0) return undefined;
    if (definition?.isClass) {
      current.bodyStart = next;
      current.headerIdentifiers = new Set(current.identifiers);
    }
    pos = next;
  }
  return segments;
}

/**
 * The `shadows` and `globals` of a segment that has none, shared: most have none, and two sets fewer per segment
 * is a sixth less garbage to collect. Never added to: whoever adds the first name gives the segment a set of its own.
 */
const NO_NAMES: Set<number> = new Set();

/**
 * A segment with every field present from the start, in one order: all segments then share one object shape, so
 * the code that reads them stays monomorphic (fields added later, in varying orders, made a handful of shapes).
 */
function newSegment(start: number, end: number): Segment {
  return segmentOf(start, end, new Set(), new Set(), new Set(), NO_NAMES, NO_NAMES, []);
}

/**
 * A segment of the given sets. `scanLogicalLine` records a line of a statement into one made of the line's and the
 * statement's sets: what it reads its facts from then has one shape, and its optimised code is not thrown away
 * (a "wrong map" deoptimisation, and a recompilation of the whole scanner) when the first such line comes.
 */
function segmentOf(start: number, end: number, identifiers: Set<number>, attributes: Set<number>, bound: Set<number>, shadows: Set<number>, globals: Set<number>, prose: number[]): Segment {
  return {
    start,
    end,
    definition: undefined,
    definitionKey: undefined,
    isClass: undefined,
    bodyStart: undefined,
    headerIdentifiers: undefined,
    identifiers,
    attributes,
    bound,
    shadows,
    globals,
    lines: undefined,
    prose,
  };
}

function addAll(into: Set<number>, from: Set<number>): void {
  for (const x of from) into.add(x);
}

function sameText(source: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (source.charCodeAt(a + k) !== source.charCodeAt(b + k)) return false;
  return true;
}

function hasBareCarriageReturn(source: string): boolean {
  for (let i = source.indexOf("\r"); i >= 0; i = source.indexOf("\r", i + 1)) {
    if (source.charCodeAt(i + 1) !== NEWLINE) return true;
  }
  return false;
}

/** Whether the line at `at` opens a further clause of an `if`, `for`, `while` or `try` statement. */
function isClauseKeyword(source: string, at: number): boolean {
  return wordAt(source, at, "else") || wordAt(source, at, "elif") || wordAt(source, at, "except") || wordAt(source, at, "finally");
}

/** Whether `word` stands at `at` as a whole word (compared in place: no string is made). */
function wordAt(source: string, at: number, word: string): boolean {
  return source.startsWith(word, at) && !isIdentifierPart(source.charCodeAt(at + word.length));
}

/** Where the name of a `def`, `async def` or `class` at `at` would start, and which it is; undefined for other lines. */
function definitionHeader(source: string, at: number): { nameAt: number; isClass: boolean } | undefined {
  let keyword = at;
  if (wordAt(source, at, "async")) {
    keyword = skipSpaces(source, at + 5);
    if (!wordAt(source, keyword, "def")) return undefined;
  }
  if (wordAt(source, keyword, "def")) return { nameAt: skipSpaces(source, keyword + 3), isClass: false };
  if (wordAt(source, keyword, "class")) return { nameAt: skipSpaces(source, keyword + 5), isClass: true };
  return undefined;
}

/** Whether the line at `at` is a `def`, `async def` or `class` with a name. */
function startsDefinition(source: string, at: number): boolean {
  const header = definitionHeader(source, at);
  return header !== undefined && isIdentifierStart(source.charCodeAt(header.nameAt));
}

/** `def f`, `async def f`, `class C` at `at`: the name; otherwise undefined. */
function definedName(source: string, at: number): { name: string; isClass: boolean } | undefined {
  const header = definitionHeader(source, at);
  if (!header) return undefined;
  const [name] = readWord(source, header.nameAt);
  return name ? { name, isClass: header.isClass } : undefined;
}

function skipSpaces(source: string, at: number): number {
  let i = at;
  for (let c = source.charCodeAt(i); c === SPACE || c === TAB || c === FORM_FEED; c = source.charCodeAt(++i));
  return i;
}

function readWord(source: string, at: number): [string, number] {
  if (!isIdentifierStart(source.charCodeAt(at))) return ["", at];
  let end = at + 1;
  while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end++;
  return [source.slice(at, end), end];
}

/** Letters and `_`, and anything outside ASCII. Past the end of a string `c` is NaN: neither. */
function isIdentifierStart(c: number): boolean {
  return c < 128 ? ASCII_IDENTIFIER[c] === IDENTIFIER_START : c >= 128;
}

/** Letters, digits, `_`, and anything outside ASCII (which Python identifiers may hold). */
export function isIdentifierPart(c: number): boolean {
  return c < 128 ? ASCII_IDENTIFIER[c] !== 0 : c >= 128;
}

// One table lookup instead of a chain of range comparisons: the scanners test every character.
const IDENTIFIER_START = 1;
const IDENTIFIER_DIGIT = 2;
const ASCII_IDENTIFIER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) ASCII_IDENTIFIER[c] = IDENTIFIER_START;
  else if (c >= 48 && c <= 57) ASCII_IDENTIFIER[c] = IDENTIFIER_DIGIT;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether the identifier ending at `end` is followed by `.`, `[` or `(`: the base of an attribute, subscript or call. */
function isOperandBase(source: string, end: number): boolean {
  const next = source.charCodeAt(skipSpaces(source, end));
  return next === DOT || next === 91 || next === 40;
}

/** Whether the identifier ending at `end` is followed by `.attribute` with an attribute not in `sinkAttributes`. */
function isBaseOfOtherAttribute(source: string, end: number, sinkAttributes: ReadonlySet<number>): boolean {
  const dot = skipSpaces(source, end);
  if (source.charCodeAt(dot) !== DOT) return false;
  let i = skipSpaces(source, dot + 1);
  let c = source.charCodeAt(i);
  if (!isIdentifierStart(c)) return false;
  let h = 0x811c9dc5;
  for (; isIdentifierPart(c); c = source.charCodeAt(++i)) h = Math.imul(h ^ c, 0x01000193);
  return !sinkAttributes.has(h & 0x3fffffff);
}

/** r, b, u, f and their two-letter combinations, in any case. */
function isStringPrefix(source: string, start: number, end: number): boolean {
  const a = source.charCodeAt(start) | 0x20;
  if (end - start === 1) return a === 114 || a === 98 || a === 117 || a === 102; // r b u f
  if (end - start !== 2) return false;
  const b = source.charCodeAt(start + 1) | 0x20;
  return (a === 114 && (b === 98 || b === 102)) || ((a === 98 || a === 102) && b === 114); // rb rf br fr
}

function isFormatPrefix(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((source.charCodeAt(i) | 0x20) === 102) return true; // f or F
  return false;
}

const KEYWORDS =
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" ");
/** Words the scanner reacts to, by key: every keyword, and the soft keywords that open a compound statement. */
const KNOWN_WORDS = new Map([...KEYWORDS, "match", "case"].map((w) => [identifierKey(w), w]));
const LONGEST_KNOWN_WORD = Math.max(...[...KNOWN_WORDS.values()].map((w) => w.length));
/** Whether some known word's key has these low bits: most identifiers are then settled without a map lookup. */
const MAYBE_KNOWN = new Uint8Array(1 << 12);
for (const key of KNOWN_WORDS.keys()) MAYBE_KNOWN[key & 0xfff] = 1;
const HARD_KEYWORDS = new Set(KEYWORDS);
const COMPOUND_KEYWORDS = new Set(["if", "elif", "else", "while", "for", "try", "except", "finally", "with", "def", "class", "async", "match", "case"]);
/** After these words the next identifier is bound: `as x`, `def f`, `class C`. */
const BINDS_NEXT = new Set(["as", "def", "class"]);
/**
 * Where the bindings of lines whose bindings do not count go: a plain set (emptied now and then), so that `add` on
 * it and on a segment's sets is one operation to the optimising compiler (a subclass whose `add` did nothing had a
 * map of its own, and its first use threw the scanner's optimised code away).
 */
const IGNORED = new Set<number>();
/** `IGNORED` is emptied when it holds more than this. */
const MAX_IGNORED = 1024;
const EQUALS = 61;
const COLON = 58;
const SEMICOLON = 59;
/** A `=` right after one of these is part of another operator (`==`, `<=`, `+=`, `:=`, ...). */
const OPERATOR_BEFORE_EQUALS = new Set("=!<>+-*/%&|^@:".split("").map((ch) => ch.charCodeAt(0)));
/** Operators whose augmented assignment (`+=`, `//=`, `**=`) rebinds its target, as `=` does. */
const AUGMENTING = new Set("+-*/%&|^@".split("").map((ch) => ch.charCodeAt(0)));

/** Whether the `=` at `at` ends an augmented assignment (`name += "ads"` rebinds `name`; `<=` compares, `<<=` rebinds). */
function isAugmentedAssignment(source: string, at: number): boolean {
  const before = source.charCodeAt(at - 1);
  if (AUGMENTING.has(before)) return true;
  return (before === 60 || before === 62) && source.charCodeAt(at - 2) === before;
}

/**
 * Keys `scanLogicalLine` added to `recentOwner` lately, by their low bits: a name met again (`self`, a local) is not
 * added to the set again. Only ever added to, a set keeps what this remembers.
 */
const RECENT_MASK = 0xff;
const RECENT_IDENTIFIERS = new Int32Array(RECENT_MASK + 1);
let recentOwner: Set<number> | undefined;

/** Scratch stacks of `scanLogicalLine` (filled from index 0 on each call; it never runs inside itself): no arrays are made per line. */
const PENDING_TARGETS: number[] = [];
const OPEN_BRACKETS: boolean[] = [];

/**
 * Scans one logical line from `at` (through brackets, strings and backslash continuations), adding the
 * identifiers it mentions to `segment.identifiers` and (when `bindsHere`) the names it may bind to `segment.bound`,
 * and `global` declarations to `segment.globals`. Returns the
 * offset after its terminating newline (or the end), or -1 for an unterminated string.
 *
 * Bound names are over-approximated: assignment targets (identifiers before a `=`, but not the base of an
 * attribute, subscript or call such as `self` in `self.x = v`, nor what call and subscript brackets hold), names
 * after `as`, `def`, `class`, between `for` and `in`, before `:=`, and every name in `import` and `global`
 * statements.
 */
function scanLogicalLine(source: string, at: number, segment: LineFacts, bindsHere: boolean, sinkAttributes: SinkAttributes): number {
  const ids = segment.identifiers;
  if (ids !== recentOwner) {
    RECENT_IDENTIFIERS.fill(-1);
    recentOwner = ids;
  }
  // A Set that drops what it is given, for lines whose bindings do not count.
  if (IGNORED.size > MAX_IGNORED) IGNORED.clear();
  const bound = bindsHere ? segment.bound : IGNORED;
  let shadows = bindsHere ? segment.shadows : IGNORED;
  const n = source.length;
  let depth = 0;
  let afterDot = false;
  // The simple statement being read: how its first word makes it bind, the identifiers that may turn out to be
  // assignment targets, the previous identifier (and whether it was a keyword), and whether we are between
  // `for` and `in`.
  let statementStart = true;
  let bindsAll = false;
  let fromModule = false;
  // In `from m import x as y`: past `import`, and whether the last imported name can lead to a sink.
  let importsNames = false;
  let importedLeadsToSink = true;
  let declaresGlobals = false;
  let compound = false;
  const pending = PENDING_TARGETS;
  let pendingCount = 0;
  // The previous identifier, when it was a name (not a keyword, not an attribute). A flag rather than a key of -1: a
  // comparison first made at the first walrus, after the scanner was optimised, threw its optimised code away.
  let previous = 0;
  let previousIsName = false;
  let previousWord: string | undefined;
  let forTarget = false;
  // Open brackets, and whether each holds no assignment target (call arguments, subscripts, dict and set
  // displays); how many such are open; whether the last token ended an operand (so `(` or `[` is a call or
  // subscript).
  // brackets[d] for the bracket opened at depth d.
  const brackets = OPEN_BRACKETS;
  let operandBrackets = 0;
  let afterOperand = false;
  let i = at;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === NEWLINE) {
      i++;
      if (depth === 0) return i;
      continue;
    }
    if (c === SPACE || c === TAB || c === CR || c === FORM_FEED) {
      i++;
      continue;
    }
    if (c === HASH) {
      const nl = source.indexOf("\n", i);
      segment.prose.push(i, nl < 0 ? n : nl);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (c === BACKSLASH) {
      i += source.charCodeAt(i + 1) === CR ? 3 : 2;
      continue;
    }
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      i = scanString(source, i, segment);
      if (i < 0) return -1;
      afterDot = false;
      afterOperand = true;
      continue;
    }
    if (isIdentifierStart(c)) {
      let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      let end = i + 1;
      for (let d = source.charCodeAt(end); isIdentifierPart(d); d = source.charCodeAt(++end)) h = Math.imul(h ^ d, 0x01000193);
      const key = h & 0x3fffffff;
      const q = source.charCodeAt(end);
      if ((q === SINGLE_QUOTE || q === DOUBLE_QUOTE) && end - i <= 2 && isStringPrefix(source, i, end)) {
        i = isFormatPrefix(source, i, end) ? scanFormatString(source, end, segment) : scanString(source, end, segment);
        if (i < 0) return -1;
        afterDot = false;
        afterOperand = true;
        continue;
      }
      const start = i;
      i = end;
      afterOperand = true;
      // `from . import x`: the dot is the module, and `import` (a keyword, never an attribute) begins the names.
      if (afterDot && !(fromModule && end - start === 6 && source.startsWith("import", start))) {
        segment.attributes.add(key);
        afterDot = false;
        previousIsName = false;
        previousWord = undefined;
        continue;
      }
      afterDot = false;
      const known = end - start <= LONGEST_KNOWN_WORD && MAYBE_KNOWN[key & 0xfff] === 1 ? KNOWN_WORDS.get(key) : undefined;
      const word = known !== undefined && known.length === end - start && source.startsWith(known, start) ? known : undefined;
      const keyword = word !== undefined && HARD_KEYWORDS.has(word);
      if ((keyword || sinkAttributes === undefined || !isBaseOfOtherAttribute(source, end, sinkAttributes)) && RECENT_IDENTIFIERS[key & RECENT_MASK] !== key) {
        ids.add(key);
        RECENT_IDENTIFIERS[key & RECENT_MASK] = key;
      }
      if (statementStart) {
        statementStart = false;
        bindsAll = word === "import" || word === "from" || word === "global";
        fromModule = word === "from";
        declaresGlobals = word === "global";
        compound = word !== undefined && COMPOUND_KEYWORDS.has(word);
      }
      if (word === "import") {
        importsNames = fromModule;
        fromModule = false;
      }
      if (keyword) {
        afterOperand = false;
      } else if (importsNames) {
        // `from m import x as y` binds x and y, to `m.x`, which leads to a sink only through a sink attribute.
        if (previousWord !== "as") importedLeadsToSink = sinkAttributes === undefined || sinkAttributes.has(key);
        if (importedLeadsToSink) bound.add(key);
        else (shadows === NO_NAMES ? (shadows = segment.shadows = new Set()) : shadows).add(key);
      } else if (bindsAll) {
        // `from m import x` binds x, not m.
        if (!fromModule) bound.add(key);
        if (declaresGlobals) (segment.globals === NO_NAMES ? (segment.globals = new Set()) : segment.globals).add(key);
      } else if (previousWord !== undefined && BINDS_NEXT.has(previousWord)) {
        bound.add(key);
      } else if (operandBrackets === 0 && !isOperandBase(source, end)) {
        if (forTarget) bound.add(key);
        pending[pendingCount++] = key;
      }
      if (word === "for") forTarget = true;
      else if (word === "in") forTarget = false;
      previous = key;
      previousIsName = !keyword;
      previousWord = word;
      continue;
    }
    if (isDigit(c)) {
      let end = i + 1;
      while (end < n && (isIdentifierPart(source.charCodeAt(end)) || source.charCodeAt(end) === DOT)) end++;
      i = end;
      afterDot = false;
      afterOperand = true;
      continue;
    }
    const wasAfterOperand = afterOperand;
    afterOperand = false;
    if (c === 40 || c === 91 || c === 123) {
      // ( [ {
      const holdsNoTarget = c === 123 || wasAfterOperand;
      brackets[depth] = holdsNoTarget;
      depth++;
      if (holdsNoTarget) operandBrackets++;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) {
      // ) ] }
      depth--;
      if (brackets[depth]) operandBrackets--;
      afterOperand = true;
    } else if (c === COLON && source.charCodeAt(i + 1) === EQUALS) {
      if (previousIsName) bound.add(previous); // walrus, at any depth
    } else if (depth === 0) {
      if (c === SEMICOLON || (c === COLON && compound)) {
        statementStart = true;
        bindsAll = fromModule = importsNames = declaresGlobals = compound = forTarget = false;
        pendingCount = 0;
        previousIsName = false;
        previousWord = undefined;
      } else if (c === EQUALS && source.charCodeAt(i + 1) !== EQUALS && (!OPERATOR_BEFORE_EQUALS.has(source.charCodeAt(i - 1)) || isAugmentedAssignment(source, i))) {
        for (let t = 0; t < pendingCount; t++) bound.add(pending[t]);
        pendingCount = 0;
      }
    }
    afterDot = c === DOT;
    i++;
  }
  return n;
}

/** Scans a plain string literal whose opening quote is at `at`; returns the offset after it, or -1 if unterminated. */
function scanString(source: string, at: number, segment: LineFacts): number {
  const n = source.length;
  const q = source.charCodeAt(at);
  const triple = source.charCodeAt(at + 1) === q && source.charCodeAt(at + 2) === q;
  let prose = false;
  let i = at + (triple ? 3 : 1);
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === BACKSLASH) {
      prose = true;
      i += source.charCodeAt(i + 1) === CR ? 3 : 2;
      continue;
    }
    if (c === q) {
      if (triple && !(source.charCodeAt(i + 1) === q && source.charCodeAt(i + 2) === q)) {
        prose = true;
        i++;
        continue;
      }
      const end = i + (triple ? 3 : 1);
      if (prose) segment.prose.push(at, end);
      return end;
    }
    if (c === NEWLINE && !triple) return -1;
    if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < n && isIdentifierPart(source.charCodeAt(end))) end++;
      i = end;
      continue;
    }
    if (!isDigit(c) && c !== DOT) {
      prose = true;
      // From here on only the closing quote matters (nothing inside a plain string is recorded): jump to the next
      // character that can end the string or escape one.
      const rest = PROSE_RUN[(q === SINGLE_QUOTE ? 0 : 2) + (triple ? 1 : 0)];
      rest.lastIndex = i + 1;
      i = rest.test(source) ? rest.lastIndex : i + 1;
      continue;
    }
    i++;
  }
  return -1;
}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/**
 * Scans an f-string whose opening quote is at `at`, as `scanString` does, ending where it ends. Every word inside
 * counts as mentioned (interpolations are code). Its literal pieces, the text outside the interpolations, are
 * prose when they hold anything but letters, digits, `_` and `.`, as a plain string would be: the value then holds
 * that character too, so it cannot name a module or an attribute (`f"cannot pickle {cls} objects"`). On anything
 * inside an interpolation that could hide a brace (a quote, a backslash, a comment), the pieces that follow are
 * not judged: they stay code.
 */
function scanFormatString(source: string, at: number, segment: LineFacts): number {
  const n = source.length;
  const q = source.charCodeAt(at);
  const triple = source.charCodeAt(at + 1) === q && source.charCodeAt(at + 2) === q;
  let i = at + (triple ? 3 : 1);
  // Brace depth (0: in a literal piece), where the current piece started, whether it is prose so far, and whether
  // pieces are still judged.
  let depth = 0;
  let pieceStart = i;
  let pieceProse = false;
  let judged = true;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === BACKSLASH) {
      if (depth > 0) judged = false;
      else pieceProse = true;
      i += source.charCodeAt(i + 1) === CR ? 3 : 2;
      continue;
    }
    if (c === q) {
      if (triple && !(source.charCodeAt(i + 1) === q && source.charCodeAt(i + 2) === q)) {
        if (depth > 0) judged = false;
        else pieceProse = true;
        i++;
        continue;
      }
      if (judged && depth === 0 && pieceProse) segment.prose.push(pieceStart, i);
      return i + (triple ? 3 : 1);
    }
    if (c === NEWLINE && !triple) return -1;
    if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < n && isIdentifierPart(source.charCodeAt(end))) end++;
      segment.identifiers.add(hashRange(source, i, end));
      i = end;
      continue;
    }
    if (depth > 0) {
      if (c === OPEN_BRACE) depth++;
      else if (c === CLOSE_BRACE && --depth === 0) {
        pieceStart = i + 1;
        pieceProse = false;
      } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === HASH) judged = false;
      i++;
      continue;
    }
    if (c === OPEN_BRACE || c === CLOSE_BRACE) {
      // `{{` and `}}` are a literal brace; a single `{` opens an interpolation.
      if (source.charCodeAt(i + 1) === c) {
        pieceProse = true;
        i += 2;
        continue;
      }
      if (c === OPEN_BRACE) {
        if (judged && pieceProse) segment.prose.push(pieceStart, i);
        depth = 1;
      } else pieceProse = true;
      i++;
      continue;
    }
    if (!isDigit(c) && c !== DOT) pieceProse = true;
    i++;
  }
  return -1;
}

/**
 * Runs of characters that cannot end or escape a string: after `'`, after `'''`, after `"`, after `"""` (inside a
 * triple-quoted string a line break is text).
 */
const PROSE_RUN = [/[^'\\\n]+/y, /[^'\\]+/y, /[^"\\\n]+/y, /[^"\\]+/y];

/**
 * Python holding the forms most files never have or have late (a walrus, `async def`, `self.x ** 2`, names outside
 * ASCII, string prefixes, continuations, tab-indented class bodies...). V8 optimises the scanners on the type
 * feedback of the first files; a form whose path had never run before then throws the optimised code away
 * ("insufficient type feedback"), and the scanner runs unoptimised until it is compiled again, at 100-200 ms of
 * compiler time for each. Scanned when the module loads (twice: V8 records what a function meets only once it has
 * run a while; well under a millisecond), every such path has run.
 */
export const RARE_FORMS = [
  "import os, pickle as p",
  "from . import a",
  "from m import (b as c,",
  "    d)",
  "from n import *",
  "global g",
  "x = y = 1; z += 2",
  "if (w := 3): pass",
  "elif w: pass",
  "else: pass",
  "try:",
  "    import json",
  "except ImportError:",
  "    json = None",
  "finally:",
  "    pass",
  "for i, j in k: pass",
  "with open(f) as h: pass",
  "été = f'{x!r:>{y}}' + rb'\\x' + b\"\\n\" + u'ü' + R\"\"\"a",
  "b\"\"\" + '''c\\'''' + \"d\" + 'p.q'",
  "v = [1, 2.5e-3, 0x1f, 1_000j] + {'k': (1,)} \\",
  "    + 1 + len(f\"a {{b}} {c['d']} \\n\")",
  "match v:",
  "    case [1, *rest]: pass",
  "@decorator(p.loads)",
  "async def fetch(self, *a, **k):",
  "    async with s as t:",
  "        pass",
  "    return await f(lambda q: q)",
  "class C(Base, metaclass=M):",
  "\t# tab-indented",
  "\tx = p.loads",
  "\tdef m(self):",
  "\t\tif True:",
  "\t\t\tdef inner(): hidden = 1",
  "\t\tself.a, self.b = 1, 2",
  "\t\t(self.c, self.d) = 3, 4",
  "\t\tfor self.e in range(3): pass",
  "\t\twith open(f) as self.f: pass",
  "\t\tself.xin + 1",
  "\t\tself.g **= 2; self.h //= 2; self.i >>= 1; self.j <<= 1; self.o += 1; self.q = 1",
  "\t\tself.k ** 2; self.l // 2; self.m >> 1; self.n << 1; self.p == 1; obj . attr = 2",
  "\t\tglobal G",
  "\t\treturn self.r",
  "\tasync def n(self): pass",
  "\tclass Inner: pass",
  "class D: pass",
  "def f():",
  "    nonlocal_ = 1",
  "",
].join("\n");

for (const attributes of [undefined, new Set([identifierKey("loads")])]) {
  for (const s of splitTopLevel(RARE_FORMS, attributes) ?? []) if (s.isClass) splitClassBody(RARE_FORMS, s, attributes);
}
