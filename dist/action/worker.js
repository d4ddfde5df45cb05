import { createRequire as __pathfinderCreateRequire } from "node:module"; globalThis.require ??= __pathfinderCreateRequire(import.meta.url);

// src/project/worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/core/hash.ts
function stableHash(text) {
  let h1 = 3735928559;
  let h2 = 1103547991;
  for (let i2 = 0; i2 < text.length; i2++) {
    const c = text.charCodeAt(i2);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

// src/core/arrays.ts
function appendAll(target, items) {
  if (Array.isArray(items)) for (let k = 0; k < items.length; k++) target.push(items[k]);
  else for (const item of items) target.push(item);
  return target;
}

// src/core/suppression.ts
var PATHFINDER = /pathfinder\s*:\s*ignore(?:\s*\[([^\]]*)\])?/i;
var NOSEC = /\bnosec\b(?:\s*:?\s*((?:[A-Z]+[0-9A-Z-]*\d)(?:\s*,\s*[A-Z]+[0-9A-Z-]*\d)*))?/;
var NOQA = /\bnoqa\s*:\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)/i;
function parseSuppression(comment) {
  const p = PATHFINDER.exec(comment);
  if (p) return { kind: "pathfinder", ids: splitIds(p[1]), text: comment.trim() };
  const n = NOSEC.exec(comment);
  if (n) return { kind: "nosec", ids: splitIds(n[1]), text: comment.trim() };
  const q = NOQA.exec(comment);
  if (q) {
    const ids = q[1].split(/[\s,]+/).filter(Boolean).map((code3) => code3.toUpperCase()).map((code3) => /^S\d{3}$/.test(code3) ? `B${code3.slice(1)}` : code3);
    return { kind: "noqa", ids, text: comment.trim() };
  }
  return void 0;
}
function suppresses(directive, ruleId, banditIds) {
  const hit = directive.ids.length === 0 || directive.ids.some((id) => id.toUpperCase() === ruleId.toUpperCase() || banditIds.includes(id.toUpperCase()));
  return hit ? { kind: directive.kind, justification: directive.text } : void 0;
}
function splitIds(list) {
  return list ? list.split(",").map((s) => s.trim()).filter(Boolean) : [];
}

// src/core/line-index.ts
var LineIndex = class {
  starts = [0];
  lastLine = 0;
  constructor(source) {
    for (let i2 = source.indexOf("\n"); i2 >= 0; i2 = source.indexOf("\n", i2 + 1)) this.starts.push(i2 + 1);
  }
  /** Offset where 0-based `row` starts; undefined past the last line. */
  lineStart(row) {
    return this.starts[row];
  }
  position(offset) {
    const starts = this.starts;
    let line = this.lastLine;
    if (!(starts[line] <= offset && (line + 1 >= starts.length || offset < starts[line + 1]))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
    }
    this.lastLine = line;
    return [line, offset - starts[line]];
  }
};

// src/languages/python/syntax.ts
var NO_CHILDREN = [];
var SyntaxNode = class {
  constructor(type, field2, start2, end, parent, missing, lines) {
    this.type = type;
    this.field = field2;
    this.start = start2;
    this.end = end;
    this.parent = parent;
    this.missing = missing;
    this.lines = lines;
  }
  type;
  field;
  start;
  end;
  parent;
  missing;
  lines;
  /** Set once by `copyTree`, at its exact length, when the node's last child is known. */
  children = NO_CHILDREN;
  // 0-based rows and UTF-16 columns, worked out when asked: only findings, fixes and comments need them.
  get startRow() {
    return this.lines.position(this.start)[0];
  }
  get startCol() {
    return this.lines.position(this.start)[1];
  }
  get endRow() {
    return this.lines.position(this.end)[0];
  }
  get endCol() {
    return this.lines.position(this.end)[1];
  }
};
function publicCursorOps(tree) {
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
    close: () => cursor.delete()
  };
}
function copyTree(tree, source, openCursor = publicCursorOps, lines = new LineIndex(source)) {
  const language = tree.language;
  const typeNames = language.types;
  const fieldNames = language.fields;
  const named = typeNames.map((_, id) => id > 0 && language.nodeTypeIsNamed(id));
  const isNamed = (typeId) => typeId === ERROR_TYPE_ID ? true : named[typeId] ?? false;
  const mayHaveErrors = tree.rootNode.hasError;
  const cursor = openCursor(tree);
  const comments = [];
  const problems = [];
  const makeNode = (typeId, fieldId, start2, end, missing, parent) => new SyntaxNode(typeNames[typeId] ?? "ERROR", fieldId ? fieldNames[fieldId] ?? null : null, start2, end, parent, missing, lines);
  try {
    const root = makeNode(cursor.typeId(), 0, cursor.startIndex(), cursor.endIndex(), false, null);
    const parents = [root];
    const depthOfParent = [0];
    const found = [];
    const childrenFrom = [0];
    const finish = () => {
      const node = parents.pop();
      depthOfParent.pop();
      const from = childrenFrom.pop();
      if (found.length > from) {
        node.children = found.slice(from);
        found.length = from;
      }
    };
    let depth = 0;
    let maxDepth = 0;
    let skipChildren = false;
    for (; ; ) {
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
var ERROR_TYPE_ID = 65535;
function isFormatString(source, start2) {
  for (let i2 = start2; i2 < start2 + 3; i2++) {
    const c = source.charCodeAt(i2);
    if (c === 102 || c === 70) return true;
    if (c === 34 || c === 39) return false;
  }
  return false;
}
function detachTree(root) {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    node.parent = null;
    const children = node.children;
    for (let k = 0; k < children.length; k++) {
      stack.push(children[k]);
      children[k] = void 0;
    }
  }
}
function childByField(node, field2) {
  const children = node.children;
  for (let k = 0; k < children.length; k++) if (children[k].field === field2) return children[k];
  return void 0;
}
function isAncestor(ancestor, node) {
  for (let n = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

// src/languages/python/assignments.ts
var BLOCKS = /* @__PURE__ */ new Set(["if_statement", "elif_clause", "else_clause", "try_statement", "except_clause", "finally_clause", "with_statement", "block"]);
var LOOPS = /* @__PURE__ */ new Set(["for_statement", "while_statement"]);
function settingsAssignments(model) {
  const out2 = [];
  const scopes = /* @__PURE__ */ new Map();
  const calls = model.calls;
  for (let k = 0; k < calls.length; k++) for (let s = calls[k].scope; s && !scopes.has(s.node); s = s.parent) scopes.set(s.node, s);
  const visit = (node, level, scope, depth) => {
    if (depth > 64) return;
    const children = node.children;
    for (let k = 0; k < children.length; k++) {
      const child = children[k];
      if (child.type === "expression_statement") {
        const parts2 = child.children;
        for (let p = 0; p < parts2.length; p++) {
          const a = parts2[p];
          if (a.type === "assignment" || a.type === "augmented_assignment") collect(a, level, scope, out2, model);
        }
      } else if (BLOCKS.has(child.type) || level === "function" && LOOPS.has(child.type)) {
        visit(child, level, scope, depth + 1);
      } else if (child.type === "class_definition" || child.type === "function_definition" || child.type === "decorated_definition") {
        const def = child.type === "decorated_definition" ? childByField(child, "definition") : child;
        const body2 = def ? childByField(def, "body") : void 0;
        if (!def || !body2) continue;
        if (def.type === "class_definition" && level === "module") visit(body2, "class", scope, depth + 1);
        const own = def.type === "function_definition" ? scopes.get(def) : void 0;
        if (own) visit(body2, "function", own, depth + 1);
      }
    }
  };
  visit(model.tree.root, "module", model.module, 0);
  return out2;
}
function collect(node, level, scope, out2, model) {
  let value = childByField(node, "right");
  const targets = [childByField(node, "left")];
  while (value?.type === "assignment") {
    targets.push(childByField(value, "left"));
    value = childByField(value, "right");
  }
  if (!value) return;
  for (const target of targets) {
    if (!target) continue;
    let names;
    if (target.type === "identifier" && level !== "function") names = [model.text(target)];
    else if (target.type === "attribute" && level !== "class") names = [...new Set(model.resolve(target, scope).map((r) => r.name))];
    else if (target.type === "subscript" && level !== "class") names = subscriptNames(target, scope, model);
    else continue;
    if (!names.length) continue;
    out2.push({ node, names, targetText: model.text(target), value, augmented: node.type === "augmented_assignment", level, scope });
  }
}
function subscriptNames(target, scope, model) {
  const container = childByField(target, "value");
  const index2 = childByField(target, "subscript");
  const key = index2 && model.constantString(index2, scope);
  if (!container || key === void 0 || !/^[A-Za-z_]\w*$/.test(key)) return [];
  return [...new Set(model.resolve(container, scope).map((r) => `${r.name}.${key}`))];
}

// src/languages/python/semantic/string-literal.ts
var SIMPLE_ESCAPES = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v"
};
function decodeStringLiteral(text) {
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(text);
  if (!m) return void 0;
  const prefix = m[1].toLowerCase();
  const quote = m[2];
  if (text.length < m[0].length + quote.length || !text.endsWith(quote)) return void 0;
  const body2 = text.slice(m[0].length, text.length - quote.length);
  if (prefix.includes("f") && /\{(?!\{)/.test(body2.replace(/\{\{/g, ""))) return void 0;
  const literal = prefix.includes("f") ? body2.replace(/\{\{/g, "{").replace(/\}\}/g, "}") : body2;
  if (prefix.includes("r")) return literal;
  let out2 = "";
  for (let i2 = 0; i2 < literal.length; i2++) {
    const c = literal[i2];
    if (c !== "\\" || i2 + 1 >= literal.length) {
      out2 += c;
      continue;
    }
    const next = literal[i2 + 1];
    if (next in SIMPLE_ESCAPES) {
      out2 += SIMPLE_ESCAPES[next];
      i2++;
    } else if (next === "\r") {
      i2 += literal[i2 + 2] === "\n" ? 2 : 1;
    } else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(literal.slice(i2 + 1))[0];
      out2 += String.fromCharCode(parseInt(oct, 8));
      i2 += oct.length;
    } else if (next === "x" || !prefix.includes("b") && (next === "u" || next === "U")) {
      const len = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hex = literal.slice(i2 + 2, i2 + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) return void 0;
      out2 += String.fromCodePoint(parseInt(hex, 16));
      i2 += 1 + len;
    } else if (next === "N" && !prefix.includes("b")) {
      return void 0;
    } else {
      out2 += c;
    }
  }
  return out2;
}

// src/languages/python/calls.ts
var NO_KEYWORDS = /* @__PURE__ */ new Map();
var CallArguments = class _CallArguments {
  positional = [];
  keywords = NO_KEYWORDS;
  /** `*args` present: later positions are unknown. */
  hasStarArgs = false;
  /** `**kwargs` present: any keyword may be set. */
  hasKwArgs = false;
  /** The first `*args` or `**kwargs` argument (the `list_splat`/`dictionary_splat` node), if any. */
  firstSplat = void 0;
  /** `**name` arguments whose keywords are not known yet (see `expandNamedSplats`). */
  namedSplats = void 0;
  /** `**x` arguments whose keywords are not known. */
  hiddenSplats = 0;
  constructor(call, source) {
    const list = call ? childByField(call, "arguments") : void 0;
    if (!list) return;
    if (list.type === "generator_expression") {
      this.positional.push(list);
      return;
    }
    let keywords;
    const args2 = list.children;
    for (let k = 0; k < args2.length; k++) {
      const arg = args2[k];
      switch (arg.type) {
        case "keyword_argument": {
          const name2 = childByField(arg, "name");
          const value = childByField(arg, "value");
          if (name2 && value) (keywords ??= /* @__PURE__ */ new Map()).set(source.slice(name2.start, name2.end), value);
          break;
        }
        case "list_splat":
          this.hasStarArgs = true;
          this.firstSplat ??= arg;
          break;
        case "dictionary_splat": {
          this.firstSplat ??= arg;
          const spread = arg.children[arg.children.length - 1];
          const written = spread ? literalKeywords(spread, source) : void 0;
          if (written) {
            for (const [name2, value] of written) if (!keywords?.has(name2)) (keywords ??= /* @__PURE__ */ new Map()).set(name2, value);
            break;
          }
          this.hasKwArgs = true;
          this.hiddenSplats++;
          if (spread?.type === "identifier") (this.namedSplats ??= []).push(spread);
          break;
        }
        case "comment":
          break;
        default:
          if (!this.hasStarArgs) this.positional.push(arg);
      }
    }
    if (keywords) this.keywords = keywords;
  }
  /**
   * Reads the keywords of `**name` arguments bound to a dict literal: `dictOf` gives the literal a name holds
   * (`OPTS = {"mmap_mode": "r"}` then `np.load(p, **OPTS)`), or undefined when it is not known. When every `**`
   * argument is known, no keyword is hidden any more.
   */
  expandNamedSplats(dictOf, source) {
    const named = this.namedSplats;
    if (!named) return;
    this.namedSplats = void 0;
    let keywords;
    for (const name2 of named) {
      const literal = dictOf(name2);
      const written = literal ? literalKeywords(literal, source) : void 0;
      if (!written) continue;
      this.hiddenSplats--;
      for (const [k, value] of written) if (!this.keywords.has(k) && !keywords?.has(k)) (keywords ??= new Map(this.keywords)).set(k, value);
    }
    if (keywords) this.keywords = keywords;
    if (this.hiddenSplats === 0) this.hasKwArgs = false;
  }
  /**
   * What a call of `functools.partial(f, *bound, **keywords)` passes to `f`: the partial's arguments after `f`, then
   * the call's; a keyword the call passes replaces the partial's.
   */
  static throughPartial(partial, call) {
    const out2 = new _CallArguments(void 0, "");
    out2.positional.push(...partial.positional.slice(1));
    if (!partial.hasStarArgs) out2.positional.push(...call.positional);
    if (partial.keywords.size || call.keywords.size) out2.keywords = new Map([...partial.keywords, ...call.keywords]);
    out2.hasStarArgs = partial.hasStarArgs || call.hasStarArgs;
    out2.hasKwArgs = partial.hasKwArgs || call.hasKwArgs;
    out2.hiddenSplats = partial.hiddenSplats + call.hiddenSplats;
    out2.firstSplat = partial.firstSplat ?? call.firstSplat;
    return out2;
  }
  /** The value bound to parameter `keyword` at `position` (0-based), like Ruff's `find_argument_value`. */
  find(keyword, position) {
    if (keyword !== void 0) {
      const k = this.keywords.get(keyword);
      if (k) return k;
    }
    return position !== void 0 ? this.positional[position] : void 0;
  }
  /** True when the parameter may be set without us seeing its value (`*args`/`**kwargs`). */
  mayBeHidden(keyword, position) {
    if (this.find(keyword, position)) return false;
    return keyword !== void 0 && this.hasKwArgs || position !== void 0 && this.hasStarArgs;
  }
  /** Every argument value node, positional and keyword. */
  values() {
    const out2 = this.positional.slice();
    this.keywords.forEach((value) => out2.push(value));
    return out2;
  }
};
function literalKeywords(dict, source) {
  let node = dict;
  while (node.type === "parenthesized_expression" && node.children.length === 1) node = node.children[0];
  if (node.type === "call") return dictCallKeywords(node, source);
  if (node.type !== "dictionary") return void 0;
  const out2 = /* @__PURE__ */ new Map();
  for (const c of node.children) {
    if (c.type === "comment") continue;
    if (c.type !== "pair") return void 0;
    const key = childByField(c, "key");
    const value = childByField(c, "value");
    const name2 = key?.type === "string" ? decodeStringLiteral(source.slice(key.start, key.end)) : void 0;
    if (name2 === void 0 || !value) return void 0;
    out2.set(name2, value);
  }
  return out2;
}
function dictCallKeywords(call, source) {
  const callee = childByField(call, "function");
  const args2 = childByField(call, "arguments");
  if (callee?.type !== "identifier" || source.slice(callee.start, callee.end) !== "dict" || args2?.type !== "argument_list") return void 0;
  const out2 = /* @__PURE__ */ new Map();
  for (const c of args2.children) {
    if (c.type === "comment") continue;
    if (c.type !== "keyword_argument") return void 0;
    const name2 = childByField(c, "name");
    const value = childByField(c, "value");
    if (!name2 || !value) return void 0;
    out2.set(source.slice(name2.start, name2.end), value);
  }
  return out2;
}

// src/languages/python/splat-constants.ts
function callArgumentsIn(call, model, scope) {
  const args2 = new CallArguments(call, model.tree.source);
  args2.expandNamedSplats((name2) => dictLiteralOf(model, scope, name2), model.tree.source);
  return args2;
}
function dictLiteralOf(model, scope, name2) {
  const text = model.text(name2);
  const bindings = model.lookup(text, scope, name2);
  if (bindings?.length !== 1) return void 0;
  const [b] = bindings;
  if (b.kind !== "assignment" || !b.value || b.valueScope || b.value.type !== "dictionary" && b.value.type !== "call") return void 0;
  return writtenOnce(model, text) ? b.value : void 0;
}
var MAX_NAMES_PER_FILE = 32;
var writtenOnceByFile = /* @__PURE__ */ new WeakMap();
function writtenOnce(model, name2) {
  let byName = writtenOnceByFile.get(model);
  if (!byName) writtenOnceByFile.set(model, byName = /* @__PURE__ */ new Map());
  let once = byName.get(name2);
  if (once === void 0) {
    if (byName.size >= MAX_NAMES_PER_FILE) return false;
    const source = model.tree.source;
    const word = `(?<![\\w.])${name2}\\s*`;
    const assigned = source.match(new RegExp(`${word}=(?!=)`, "g"))?.length ?? 0;
    once = assigned === 1 && !new RegExp(`${word}(?:[.[]|\\|=)|\\bglobal\\b[^\\n]*\\b${name2}\\b`).test(source);
    byName.set(name2, once);
  }
  return once;
}

// src/languages/python/token-set.ts
var TokenSet = class {
  /** Per table entry: bit 1 some word of two characters ends with these two, 2 of three, 4 some first four do. */
  lastTwo = new Uint8Array(1 << 16);
  maybeFour = new Uint8Array(1 << 16);
  byFour = /* @__PURE__ */ new Map();
  byThree = /* @__PURE__ */ new Map();
  byTwo = /* @__PURE__ */ new Map();
  /** Words searched the plain way, with their set. */
  plain = [];
  groups;
  lastText;
  lastFound = [];
  constructor(tokens, extra = {}) {
    this.groups = Object.keys(extra);
    [tokens, ...Object.values(extra)].forEach((words, group) => {
      for (const word of words) this.add(word, group);
    });
  }
  add(word, group) {
    if (word === "") return;
    const candidate = { word, group, last: word.length - 1 };
    const n = word.length;
    if (searchedPlainly(word)) {
      this.plain.push(candidate);
      return;
    }
    const code3 = (k) => word.charCodeAt(k);
    let key;
    let map;
    if (n >= 4) {
      let last = 3;
      for (let k = 4; k < n; k++) if (pairRarity(word, k) > pairRarity(word, last)) last = k;
      candidate.last = last;
      key = code3(last - 3) << 24 | code3(last - 2) << 16 | code3(last - 1) << 8 | code3(last);
      map = this.byFour;
      this.maybeFour[slot(key)] = 1;
      this.lastTwo[code3(last - 1) << 8 | code3(last)] |= 4;
    } else if (n === 3) {
      key = code3(0) << 16 | code3(1) << 8 | code3(2);
      map = this.byThree;
      this.lastTwo[code3(1) << 8 | code3(2)] |= 2;
    } else {
      key = code3(0) << 8 | code3(1);
      map = this.byTwo;
      this.lastTwo[key] |= 1;
    }
    const list = map.get(key);
    if (list) list.push(candidate);
    else map.set(key, [candidate]);
  }
  /** Start offsets (UTF-16) of every occurrence of every token in `text`, ascending. */
  offsetsIn(text) {
    const found = [[]];
    for (let g = 0; g < this.groups.length; g++) found.push([]);
    for (const { word, group } of this.plain) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) found[group].push(at);
    const lastTwo = this.lastTwo;
    const maybeFour = this.maybeFour;
    const n = text.length;
    let window2 = 0;
    for (let i2 = 0; i2 < n; i2++) {
      window2 = window2 << 8 | text.charCodeAt(i2) & 255;
      const ends = lastTwo[window2 & 65535];
      if (ends === 0) continue;
      if (ends & 4 && i2 >= 3 && maybeFour[slot(window2)] === 1) matchAt(text, this.byFour.get(window2), i2, found);
      if (ends & 2 && i2 >= 2) matchAt(text, this.byThree.get(window2 & 16777215), i2, found);
      if (ends & 1 && i2 >= 1) matchAt(text, this.byTwo.get(window2 & 65535), i2, found);
    }
    for (const offsets of found) if (!isAscending(offsets)) offsets.sort((a, b) => a - b);
    this.lastText = text;
    this.lastFound = found;
    return found[0];
  }
  /** Whether the set `name` was given to the constructor. */
  hasExtra(name2) {
    return this.groups.includes(name2);
  }
  /** Start offsets of every occurrence of the words of set `name` (see the constructor) in `text`, ascending. */
  extraOffsetsIn(text, name2) {
    const group = this.groups.indexOf(name2) + 1;
    if (group === 0) return [];
    if (this.lastText !== text) this.offsetsIn(text);
    return this.lastFound[group];
  }
};
function matchAt(text, candidates, end, found) {
  if (!candidates) return;
  for (const c of candidates) {
    const at = end - c.last;
    if (at >= 0 && text.startsWith(c.word, at)) found[c.group].push(at);
  }
}
var BY_FREQUENCY = ` etasrinol_dcpu.mf(h)g,=b'yw"vkx:[]0O1TSEAqRCIjNDzLP`;
function charRarity(ch) {
  const r = BY_FREQUENCY.indexOf(ch);
  return r < 0 ? BY_FREQUENCY.length : r;
}
function pairRarity(word, k) {
  const before = charRarity(word[k - 1]);
  const at = charRarity(word[k]);
  return Math.min(before, at) * 64 + Math.max(before, at);
}
function searchedPlainly(word) {
  const n = word.length;
  return n < 2 || !/^[\x00-\x7f]*$/.test(word) || n < 4 && overlapsItself(word);
}
function overlapsItself(word) {
  for (let k = 1; k < word.length; k++) if (word.startsWith(word.slice(k))) return true;
  return false;
}
function isAscending(offsets) {
  for (let k = 1; k < offsets.length; k++) if (offsets[k] < offsets[k - 1]) return false;
  return true;
}
function slot(prefix) {
  return Math.imul(prefix, 2654435761) >>> 16;
}
function wordWithoutBoundaries(word) {
  return word !== "" && !/[\s#'"\\]/.test(word);
}
function wordSearch(words) {
  const pattern = new RegExp(words.map(escapeRegExp).join("|"), "g");
  return { offsetsIn: (text) => Array.from(text.matchAll(pattern), (m) => m.index) };
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
new TokenSet(["abcd", "bc", "aa", "\xE9t\xE9"], { more: ["cd"] }).offsetsIn(`${"x ".repeat(2e3)}abcd aaa \xE9t\xE9`);

// src/languages/python/top-level.ts
function identifierKey(name2) {
  return hashRange(name2, 0, name2.length);
}
function hashRange(text, start2, end) {
  let h = 2166136261;
  for (let i2 = start2; i2 < end; i2++) h = Math.imul(h ^ text.charCodeAt(i2), 16777619);
  return h & 1073741823;
}
var NEWLINE = 10;
var CR = 13;
var SPACE = 32;
var TAB = 9;
var FORM_FEED = 12;
var HASH = 35;
var BACKSLASH = 92;
var DOT = 46;
var AT = 64;
var SINGLE_QUOTE = 39;
var DOUBLE_QUOTE = 34;
function splitTopLevel(source, sinkAttributes) {
  if (hasBareCarriageReturn(source)) return void 0;
  return splitBlock(source, 0, source.length, "", sinkAttributes);
}
function splitClassBody(source, cls, sinkAttributes) {
  if (cls.bodyStart === void 0) return void 0;
  const body2 = firstBodyLine(source, cls.bodyStart, cls.end);
  return body2 ? splitBlock(source, body2.start, cls.end, body2.indent, sinkAttributes) : void 0;
}
function firstBodyLine(source, from, to) {
  for (let pos = from; pos < to; ) {
    const j = skipSpaces(source, pos);
    const first = source.charCodeAt(j);
    if (first === NEWLINE || first === CR || first === HASH) {
      const nl = source.indexOf("\n", j);
      pos = nl < 0 ? to : nl + 1;
      continue;
    }
    return j > pos ? { start: pos, indent: source.slice(pos, j) } : void 0;
  }
  return void 0;
}
function splitBlock(source, from, to, indent, sinkAttributes) {
  const segments = [];
  let current;
  let decoratorPending = false;
  let nestedDefinitionStart = -1;
  let nestedDefinitionIndent = 0;
  let pos = from;
  while (pos < to) {
    const j = skipSpaces(source, pos);
    if (j >= to) break;
    const first = source.charCodeAt(j);
    if (first === NEWLINE || first === CR || first === HASH) {
      const nl = source.indexOf("\n", j);
      if (first === HASH) current?.prose.push(j, nl < 0 ? to : nl);
      pos = nl < 0 ? to : nl + 1;
      continue;
    }
    if (!source.startsWith(indent, pos) || j - pos < indent.length) return void 0;
    let definition;
    if (j - pos === indent.length) {
      const clause = current !== void 0 && current.definition === void 0 && !decoratorPending && isClauseKeyword(source, j);
      if (!current || !decoratorPending && !clause) {
        if (current) current.end = pos;
        current = newSegment(pos, to);
        segments.push(current);
        nestedDefinitionStart = -1;
      }
      decoratorPending = first === AT;
      definition = decoratorPending || clause ? void 0 : definedName(source, j);
      if (definition) {
        current.lines = void 0;
        current.definition = definition.name;
        current.definitionKey = identifierKey(definition.name);
        if (definition.isClass) current.isClass = true;
      }
    } else if (!current) {
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
    if (nestedDefinitionStart < 0 && j - pos > indent.length && current.definition === void 0 && startsDefinition(source, j)) {
      nestedDefinitionStart = pos;
      nestedDefinitionIndent = j - pos;
    }
    let next;
    if (indent === "" && current.definition === void 0 && current.lines === void 0) {
      next = scanLogicalLine(source, j, current, bindsHere, sinkAttributes);
      current.lines = [{ start: j, end: next, identifiers: current.identifiers, bound: current.bound }];
    } else if (indent === "" && current.definition === void 0) {
      const lines = current.lines;
      if (lines.length === 1 && lines[0].identifiers === current.identifiers) {
        lines[0].identifiers = new Set(current.identifiers);
        lines[0].bound = new Set(current.bound);
      }
      const line = { start: j, end: 0, identifiers: /* @__PURE__ */ new Set(), bound: /* @__PURE__ */ new Set() };
      const facts = segmentOf(j, j, line.identifiers, current.attributes, line.bound, current.shadows, current.globals, current.prose);
      next = scanLogicalLine(source, j, facts, bindsHere, sinkAttributes);
      current.shadows = facts.shadows;
      current.globals = facts.globals;
      line.end = next;
      addAll(current.identifiers, line.identifiers);
      addAll(current.bound, line.bound);
      lines.push(line);
    } else {
      next = scanLogicalLine(source, j, current, bindsHere, sinkAttributes);
    }
    if (next < 0) return void 0;
    if (definition?.isClass) {
      current.bodyStart = next;
      current.headerIdentifiers = new Set(current.identifiers);
    }
    pos = next;
  }
  return segments;
}
var NO_NAMES = /* @__PURE__ */ new Set();
function newSegment(start2, end) {
  return segmentOf(start2, end, /* @__PURE__ */ new Set(), /* @__PURE__ */ new Set(), /* @__PURE__ */ new Set(), NO_NAMES, NO_NAMES, []);
}
function segmentOf(start2, end, identifiers, attributes, bound, shadows, globals, prose) {
  return {
    start: start2,
    end,
    definition: void 0,
    definitionKey: void 0,
    isClass: void 0,
    bodyStart: void 0,
    headerIdentifiers: void 0,
    identifiers,
    attributes,
    bound,
    shadows,
    globals,
    lines: void 0,
    prose
  };
}
function addAll(into, from) {
  for (const x of from) into.add(x);
}
function sameText(source, a, b, length) {
  for (let k = 0; k < length; k++) if (source.charCodeAt(a + k) !== source.charCodeAt(b + k)) return false;
  return true;
}
function hasBareCarriageReturn(source) {
  for (let i2 = source.indexOf("\r"); i2 >= 0; i2 = source.indexOf("\r", i2 + 1)) {
    if (source.charCodeAt(i2 + 1) !== NEWLINE) return true;
  }
  return false;
}
function isClauseKeyword(source, at) {
  return wordAt(source, at, "else") || wordAt(source, at, "elif") || wordAt(source, at, "except") || wordAt(source, at, "finally");
}
function wordAt(source, at, word) {
  return source.startsWith(word, at) && !isIdentifierPart(source.charCodeAt(at + word.length));
}
function definitionHeader(source, at) {
  let keyword = at;
  if (wordAt(source, at, "async")) {
    keyword = skipSpaces(source, at + 5);
    if (!wordAt(source, keyword, "def")) return void 0;
  }
  if (wordAt(source, keyword, "def")) return { nameAt: skipSpaces(source, keyword + 3), isClass: false };
  if (wordAt(source, keyword, "class")) return { nameAt: skipSpaces(source, keyword + 5), isClass: true };
  return void 0;
}
function startsDefinition(source, at) {
  const header = definitionHeader(source, at);
  return header !== void 0 && isIdentifierStart(source.charCodeAt(header.nameAt));
}
function definedName(source, at) {
  const header = definitionHeader(source, at);
  if (!header) return void 0;
  const [name2] = readWord(source, header.nameAt);
  return name2 ? { name: name2, isClass: header.isClass } : void 0;
}
function skipSpaces(source, at) {
  let i2 = at;
  for (let c = source.charCodeAt(i2); c === SPACE || c === TAB || c === FORM_FEED; c = source.charCodeAt(++i2)) ;
  return i2;
}
function readWord(source, at) {
  if (!isIdentifierStart(source.charCodeAt(at))) return ["", at];
  let end = at + 1;
  while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end++;
  return [source.slice(at, end), end];
}
function isIdentifierStart(c) {
  return c < 128 ? ASCII_IDENTIFIER[c] === IDENTIFIER_START : c >= 128;
}
function isIdentifierPart(c) {
  return c < 128 ? ASCII_IDENTIFIER[c] !== 0 : c >= 128;
}
var IDENTIFIER_START = 1;
var IDENTIFIER_DIGIT = 2;
var ASCII_IDENTIFIER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95) ASCII_IDENTIFIER[c] = IDENTIFIER_START;
  else if (c >= 48 && c <= 57) ASCII_IDENTIFIER[c] = IDENTIFIER_DIGIT;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function isOperandBase(source, end) {
  const next = source.charCodeAt(skipSpaces(source, end));
  return next === DOT || next === 91 || next === 40;
}
function isBaseOfOtherAttribute(source, end, sinkAttributes) {
  const dot = skipSpaces(source, end);
  if (source.charCodeAt(dot) !== DOT) return false;
  let i2 = skipSpaces(source, dot + 1);
  let c = source.charCodeAt(i2);
  if (!isIdentifierStart(c)) return false;
  let h = 2166136261;
  for (; isIdentifierPart(c); c = source.charCodeAt(++i2)) h = Math.imul(h ^ c, 16777619);
  return !sinkAttributes.has(h & 1073741823);
}
function isStringPrefix(source, start2, end) {
  const a = source.charCodeAt(start2) | 32;
  if (end - start2 === 1) return a === 114 || a === 98 || a === 117 || a === 102;
  if (end - start2 !== 2) return false;
  const b = source.charCodeAt(start2 + 1) | 32;
  return a === 114 && (b === 98 || b === 102) || (a === 98 || a === 102) && b === 114;
}
function isFormatPrefix(source, start2, end) {
  for (let i2 = start2; i2 < end; i2++) if ((source.charCodeAt(i2) | 32) === 102) return true;
  return false;
}
var KEYWORDS = "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" ");
var KNOWN_WORDS = new Map([...KEYWORDS, "match", "case"].map((w) => [identifierKey(w), w]));
var LONGEST_KNOWN_WORD = Math.max(...[...KNOWN_WORDS.values()].map((w) => w.length));
var MAYBE_KNOWN = new Uint8Array(1 << 12);
for (const key of KNOWN_WORDS.keys()) MAYBE_KNOWN[key & 4095] = 1;
var HARD_KEYWORDS = new Set(KEYWORDS);
var COMPOUND_KEYWORDS = /* @__PURE__ */ new Set(["if", "elif", "else", "while", "for", "try", "except", "finally", "with", "def", "class", "async", "match", "case"]);
var BINDS_NEXT = /* @__PURE__ */ new Set(["as", "def", "class"]);
var IGNORED = /* @__PURE__ */ new Set();
var MAX_IGNORED = 1024;
var EQUALS = 61;
var COLON = 58;
var SEMICOLON = 59;
var OPERATOR_BEFORE_EQUALS = new Set("=!<>+-*/%&|^@:".split("").map((ch) => ch.charCodeAt(0)));
var AUGMENTING = new Set("+-*/%&|^@".split("").map((ch) => ch.charCodeAt(0)));
function isAugmentedAssignment(source, at) {
  const before = source.charCodeAt(at - 1);
  if (AUGMENTING.has(before)) return true;
  return (before === 60 || before === 62) && source.charCodeAt(at - 2) === before;
}
var RECENT_MASK = 255;
var RECENT_IDENTIFIERS = new Int32Array(RECENT_MASK + 1);
var recentOwner;
var PENDING_TARGETS = [];
var OPEN_BRACKETS = [];
function scanLogicalLine(source, at, segment, bindsHere, sinkAttributes) {
  const ids = segment.identifiers;
  if (ids !== recentOwner) {
    RECENT_IDENTIFIERS.fill(-1);
    recentOwner = ids;
  }
  if (IGNORED.size > MAX_IGNORED) IGNORED.clear();
  const bound = bindsHere ? segment.bound : IGNORED;
  let shadows = bindsHere ? segment.shadows : IGNORED;
  const n = source.length;
  let depth = 0;
  let afterDot = false;
  let statementStart = true;
  let bindsAll = false;
  let fromModule = false;
  let importsNames = false;
  let importedLeadsToSink = true;
  let declaresGlobals = false;
  let compound = false;
  const pending = PENDING_TARGETS;
  let pendingCount = 0;
  let previous = 0;
  let previousIsName = false;
  let previousWord;
  let forTarget = false;
  const brackets = OPEN_BRACKETS;
  let operandBrackets = 0;
  let afterOperand = false;
  let i2 = at;
  while (i2 < n) {
    const c = source.charCodeAt(i2);
    if (c === NEWLINE) {
      i2++;
      if (depth === 0) return i2;
      continue;
    }
    if (c === SPACE || c === TAB || c === CR || c === FORM_FEED) {
      i2++;
      continue;
    }
    if (c === HASH) {
      const nl = source.indexOf("\n", i2);
      segment.prose.push(i2, nl < 0 ? n : nl);
      i2 = nl < 0 ? n : nl;
      continue;
    }
    if (c === BACKSLASH) {
      i2 += source.charCodeAt(i2 + 1) === CR ? 3 : 2;
      continue;
    }
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      i2 = scanString(source, i2, segment);
      if (i2 < 0) return -1;
      afterDot = false;
      afterOperand = true;
      continue;
    }
    if (isIdentifierStart(c)) {
      let h = Math.imul(2166136261 ^ c, 16777619);
      let end = i2 + 1;
      for (let d = source.charCodeAt(end); isIdentifierPart(d); d = source.charCodeAt(++end)) h = Math.imul(h ^ d, 16777619);
      const key = h & 1073741823;
      const q = source.charCodeAt(end);
      if ((q === SINGLE_QUOTE || q === DOUBLE_QUOTE) && end - i2 <= 2 && isStringPrefix(source, i2, end)) {
        i2 = isFormatPrefix(source, i2, end) ? scanFormatString(source, end, segment) : scanString(source, end, segment);
        if (i2 < 0) return -1;
        afterDot = false;
        afterOperand = true;
        continue;
      }
      const start2 = i2;
      i2 = end;
      afterOperand = true;
      if (afterDot && !(fromModule && end - start2 === 6 && source.startsWith("import", start2))) {
        segment.attributes.add(key);
        afterDot = false;
        previousIsName = false;
        previousWord = void 0;
        continue;
      }
      afterDot = false;
      const known = end - start2 <= LONGEST_KNOWN_WORD && MAYBE_KNOWN[key & 4095] === 1 ? KNOWN_WORDS.get(key) : void 0;
      const word = known !== void 0 && known.length === end - start2 && source.startsWith(known, start2) ? known : void 0;
      const keyword = word !== void 0 && HARD_KEYWORDS.has(word);
      if ((keyword || sinkAttributes === void 0 || !isBaseOfOtherAttribute(source, end, sinkAttributes)) && RECENT_IDENTIFIERS[key & RECENT_MASK] !== key) {
        ids.add(key);
        RECENT_IDENTIFIERS[key & RECENT_MASK] = key;
      }
      if (statementStart) {
        statementStart = false;
        bindsAll = word === "import" || word === "from" || word === "global";
        fromModule = word === "from";
        declaresGlobals = word === "global";
        compound = word !== void 0 && COMPOUND_KEYWORDS.has(word);
      }
      if (word === "import") {
        importsNames = fromModule;
        fromModule = false;
      }
      if (keyword) {
        afterOperand = false;
      } else if (importsNames) {
        if (previousWord !== "as") importedLeadsToSink = sinkAttributes === void 0 || sinkAttributes.has(key);
        if (importedLeadsToSink) bound.add(key);
        else (shadows === NO_NAMES ? shadows = segment.shadows = /* @__PURE__ */ new Set() : shadows).add(key);
      } else if (bindsAll) {
        if (!fromModule) bound.add(key);
        if (declaresGlobals) (segment.globals === NO_NAMES ? segment.globals = /* @__PURE__ */ new Set() : segment.globals).add(key);
      } else if (previousWord !== void 0 && BINDS_NEXT.has(previousWord)) {
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
      let end = i2 + 1;
      while (end < n && (isIdentifierPart(source.charCodeAt(end)) || source.charCodeAt(end) === DOT)) end++;
      i2 = end;
      afterDot = false;
      afterOperand = true;
      continue;
    }
    const wasAfterOperand = afterOperand;
    afterOperand = false;
    if (c === 40 || c === 91 || c === 123) {
      const holdsNoTarget = c === 123 || wasAfterOperand;
      brackets[depth] = holdsNoTarget;
      depth++;
      if (holdsNoTarget) operandBrackets++;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) {
      depth--;
      if (brackets[depth]) operandBrackets--;
      afterOperand = true;
    } else if (c === COLON && source.charCodeAt(i2 + 1) === EQUALS) {
      if (previousIsName) bound.add(previous);
    } else if (depth === 0) {
      if (c === SEMICOLON || c === COLON && compound) {
        statementStart = true;
        bindsAll = fromModule = importsNames = declaresGlobals = compound = forTarget = false;
        pendingCount = 0;
        previousIsName = false;
        previousWord = void 0;
      } else if (c === EQUALS && source.charCodeAt(i2 + 1) !== EQUALS && (!OPERATOR_BEFORE_EQUALS.has(source.charCodeAt(i2 - 1)) || isAugmentedAssignment(source, i2))) {
        for (let t = 0; t < pendingCount; t++) bound.add(pending[t]);
        pendingCount = 0;
      }
    }
    afterDot = c === DOT;
    i2++;
  }
  return n;
}
function scanString(source, at, segment) {
  const n = source.length;
  const q = source.charCodeAt(at);
  const triple = source.charCodeAt(at + 1) === q && source.charCodeAt(at + 2) === q;
  let prose = false;
  let i2 = at + (triple ? 3 : 1);
  while (i2 < n) {
    const c = source.charCodeAt(i2);
    if (c === BACKSLASH) {
      prose = true;
      i2 += source.charCodeAt(i2 + 1) === CR ? 3 : 2;
      continue;
    }
    if (c === q) {
      if (triple && !(source.charCodeAt(i2 + 1) === q && source.charCodeAt(i2 + 2) === q)) {
        prose = true;
        i2++;
        continue;
      }
      const end = i2 + (triple ? 3 : 1);
      if (prose) segment.prose.push(at, end);
      return end;
    }
    if (c === NEWLINE && !triple) return -1;
    if (isIdentifierStart(c)) {
      let end = i2 + 1;
      while (end < n && isIdentifierPart(source.charCodeAt(end))) end++;
      i2 = end;
      continue;
    }
    if (!isDigit(c) && c !== DOT) {
      prose = true;
      const rest = PROSE_RUN[(q === SINGLE_QUOTE ? 0 : 2) + (triple ? 1 : 0)];
      rest.lastIndex = i2 + 1;
      i2 = rest.test(source) ? rest.lastIndex : i2 + 1;
      continue;
    }
    i2++;
  }
  return -1;
}
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
function scanFormatString(source, at, segment) {
  const n = source.length;
  const q = source.charCodeAt(at);
  const triple = source.charCodeAt(at + 1) === q && source.charCodeAt(at + 2) === q;
  let i2 = at + (triple ? 3 : 1);
  let depth = 0;
  let pieceStart = i2;
  let pieceProse = false;
  let judged = true;
  while (i2 < n) {
    const c = source.charCodeAt(i2);
    if (c === BACKSLASH) {
      if (depth > 0) judged = false;
      else pieceProse = true;
      i2 += source.charCodeAt(i2 + 1) === CR ? 3 : 2;
      continue;
    }
    if (c === q) {
      if (triple && !(source.charCodeAt(i2 + 1) === q && source.charCodeAt(i2 + 2) === q)) {
        if (depth > 0) judged = false;
        else pieceProse = true;
        i2++;
        continue;
      }
      if (judged && depth === 0 && pieceProse) segment.prose.push(pieceStart, i2);
      return i2 + (triple ? 3 : 1);
    }
    if (c === NEWLINE && !triple) return -1;
    if (isIdentifierStart(c)) {
      let end = i2 + 1;
      while (end < n && isIdentifierPart(source.charCodeAt(end))) end++;
      segment.identifiers.add(hashRange(source, i2, end));
      i2 = end;
      continue;
    }
    if (depth > 0) {
      if (c === OPEN_BRACE) depth++;
      else if (c === CLOSE_BRACE && --depth === 0) {
        pieceStart = i2 + 1;
        pieceProse = false;
      } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === HASH) judged = false;
      i2++;
      continue;
    }
    if (c === OPEN_BRACE || c === CLOSE_BRACE) {
      if (source.charCodeAt(i2 + 1) === c) {
        pieceProse = true;
        i2 += 2;
        continue;
      }
      if (c === OPEN_BRACE) {
        if (judged && pieceProse) segment.prose.push(pieceStart, i2);
        depth = 1;
      } else pieceProse = true;
      i2++;
      continue;
    }
    if (!isDigit(c) && c !== DOT) pieceProse = true;
    i2++;
  }
  return -1;
}
var PROSE_RUN = [/[^'\\\n]+/y, /[^'\\]+/y, /[^"\\\n]+/y, /[^"\\]+/y];
var RARE_FORMS = [
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
  `\xE9t\xE9 = f'{x!r:>{y}}' + rb'\\x' + b"\\n" + u'\xFC' + R"""a`,
  `b""" + '''c\\'''' + "d" + 'p.q'`,
  "v = [1, 2.5e-3, 0x1f, 1_000j] + {'k': (1,)} \\",
  `    + 1 + len(f"a {{b}} {c['d']} \\n")`,
  "match v:",
  "    case [1, *rest]: pass",
  "@decorator(p.loads)",
  "async def fetch(self, *a, **k):",
  "    async with s as t:",
  "        pass",
  "    return await f(lambda q: q)",
  "class C(Base, metaclass=M):",
  "	# tab-indented",
  "	x = p.loads",
  "	def m(self):",
  "		if True:",
  "			def inner(): hidden = 1",
  "		self.a, self.b = 1, 2",
  "		(self.c, self.d) = 3, 4",
  "		for self.e in range(3): pass",
  "		with open(f) as self.f: pass",
  "		self.xin + 1",
  "		self.g **= 2; self.h //= 2; self.i >>= 1; self.j <<= 1; self.o += 1; self.q = 1",
  "		self.k ** 2; self.l // 2; self.m >> 1; self.n << 1; self.p == 1; obj . attr = 2",
  "		global G",
  "		return self.r",
  "	async def n(self): pass",
  "	class Inner: pass",
  "class D: pass",
  "def f():",
  "    nonlocal_ = 1",
  ""
].join("\n");
for (const attributes of [void 0, /* @__PURE__ */ new Set([identifierKey("loads")])]) {
  for (const s of splitTopLevel(RARE_FORMS, attributes) ?? []) if (s.isClass) splitClassBody(RARE_FORMS, s, attributes);
}

// src/languages/python/prefilter.ts
var COMPUTED_DYNAMIC_IMPORT = /(?:__import__|import_module)\s*\(\s*(?![rRuU]?(?:'[\w.]*'|"[\w.]*")\s*[,)])/;
var EVERY_COMPUTED_DYNAMIC_IMPORT = new RegExp(COMPUTED_DYNAMIC_IMPORT.source, "g");
var COMPUTED_DYNAMIC_IMPORT_AT = new RegExp(COMPUTED_DYNAMIC_IMPORT.source, "y");
var WINDOW = 4;
var BytePrefilter = class {
  words;
  /** The words before this index are the tokens, then come the two that start computed dynamic imports. */
  tokenCount;
  /** The words from this index on are the noted ones. */
  firstNoted;
  /** An empty token occurs in every text. */
  always;
  /** How far a window may move when it ends with a pair (`first << 8 | second`); 0: some word's four end with it. */
  shift = new Uint8Array(1 << 16).fill(WINDOW - 1);
  /** Where each word's four bytes start in it. */
  offset;
  /** The words whose four bytes end with a pair: `ending[endingStart[pair] .. endingStart[pair + 1]]`. */
  endingStart = new Int32Array((1 << 16) + 1);
  ending;
  /** The tokens shorter than `WINDOW`, with the index of their rarest byte. */
  short = [];
  /** `noted`: words of at least `WINDOW` bytes that cannot overlap themselves (so that every occurrence is apart). */
  constructor(tokens, noted = []) {
    const encoder = new TextEncoder();
    this.words = [...tokens, "__import__", "import_module", ...noted].map((t) => encoder.encode(t));
    this.tokenCount = tokens.length;
    this.firstNoted = tokens.length + 2;
    this.always = tokens.includes("");
    this.offset = new Int32Array(this.words.length);
    const byPair = /* @__PURE__ */ new Map();
    this.words.forEach((bytes, w) => {
      if (bytes.length === 0) return;
      const chars = String.fromCharCode(...bytes);
      if (bytes.length < WINDOW) {
        if (w >= this.tokenCount) throw new Error(`a noted word is shorter than ${WINDOW} bytes: ${chars}`);
        let rarest = 0;
        for (let k = 1; k < chars.length; k++) if (charRarity(chars[k]) > charRarity(chars[rarest])) rarest = k;
        this.short.push({ word: w, rarest });
        return;
      }
      let best = 0;
      let bestRarity = -1;
      for (let start2 = 0; start2 + WINDOW <= bytes.length; start2++) {
        let rarity = 0;
        for (let k = start2 + 1; k < start2 + WINDOW; k++) rarity += pairRarity(chars, k);
        if (rarity > bestRarity) best = start2, bestRarity = rarity;
      }
      this.offset[w] = best;
      for (let k = 1; k < WINDOW; k++) {
        const pair = bytes[best + k - 1] << 8 | bytes[best + k];
        this.shift[pair] = Math.min(this.shift[pair], WINDOW - 1 - k);
      }
      const last = bytes[best + WINDOW - 2] << 8 | bytes[best + WINDOW - 1];
      const list = byPair.get(last);
      if (list) list.push(w);
      else byPair.set(last, [w]);
    });
    const ending = [];
    let from = 0;
    for (const pair of [...byPair.keys()].sort((a, b) => a - b)) {
      this.endingStart.fill(ending.length, from, pair + 1);
      ending.push(...byPair.get(pair));
      from = pair + 1;
    }
    this.endingStart.fill(ending.length, from);
    this.ending = Int32Array.from(ending);
  }
  /**
   * Whether the prefilter passes `bytes` (`prefilterRegExp` on them read as Latin-1): true when a token occurs, false
   * when neither a token nor a word that starts a computed dynamic import (`__import__`, `import_module`) does, else
   * the offset of the first such word (the regular expression, which alone tells a computed import from a constant
   * one, decides from there on: its other branch, the tokens, matches nowhere). Unless the answer is true, `notedAt`
   * then holds the offsets of the noted words, ascending.
   */
  test(bytes, notedAt = []) {
    if (this.always) return true;
    notedAt.length = 0;
    let firstDynamicImport = -1;
    for (let i2 = nextMatch(bytes, WINDOW - 1, this.shift); i2 >= 0; i2 = nextMatch(bytes, i2 + 1, this.shift)) {
      const found = this.wordsEndingAt(bytes, i2, notedAt);
      if (found === TOKEN) return true;
      if (found >= 0 && (firstDynamicImport < 0 || found < firstDynamicImport)) firstDynamicImport = found;
    }
    if (this.short.length > 0 && this.shortTokenOccurs(bytes)) return true;
    if (!isAscending2(notedAt)) notedAt.sort((a, b) => a - b);
    return firstDynamicImport >= 0 ? firstDynamicImport : false;
  }
  /**
   * Which words whose four bytes end with the pair at `i` occur there: `TOKEN` for a token, else where a word of a
   * dynamic import starts, or -1 for none; noted words are added to `notedAt`.
   */
  wordsEndingAt(bytes, i2, notedAt) {
    const pair = bytes[i2 - 1] << 8 | bytes[i2];
    let found = -1;
    for (let c = this.endingStart[pair], end = this.endingStart[pair + 1]; c < end; c++) {
      const w = this.ending[c];
      const at = i2 - (WINDOW - 1) - this.offset[w];
      if (!occursAt(bytes, this.words[w], at)) continue;
      if (w < this.tokenCount) return TOKEN;
      if (w < this.firstNoted) found = at;
      else notedAt.push(at);
    }
    return found;
  }
  shortTokenOccurs(bytes) {
    for (const { word, rarest } of this.short) {
      const token = this.words[word];
      for (let at = bytes.indexOf(token[rarest], rarest); at >= 0; at = bytes.indexOf(token[rarest], at + 1)) {
        if (occursAt(bytes, token, at - rarest)) return true;
      }
    }
    return false;
  }
};
var TOKEN = -2;
function nextMatch(bytes, from, shift) {
  const n = bytes.length;
  let i2 = from;
  while (i2 < n) {
    const step = shift[bytes[i2 - 1] << 8 | bytes[i2]];
    if (step === 0) return i2;
    i2 += step;
  }
  return -1;
}
function isAscending2(offsets) {
  for (let k = 1; k < offsets.length; k++) if (offsets[k] < offsets[k - 1]) return false;
  return true;
}
function occursAt(bytes, word, at) {
  if (at < 0 || at + word.length > bytes.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}
function anchorOffsets(source, tokens, words) {
  const found = tokens.offsetsIn(source);
  const out2 = words ? found.filter((at) => canLeadToSink(source, at, words)) : found;
  if (tokens.hasExtra(DYNAMIC_IMPORTS)) {
    const imports = tokens.extraOffsetsIn(source, DYNAMIC_IMPORTS);
    if (imports.length === 0) return out2;
    for (const at of imports) {
      COMPUTED_DYNAMIC_IMPORT_AT.lastIndex = at;
      if (COMPUTED_DYNAMIC_IMPORT_AT.test(source)) out2.push(at);
    }
    return out2.sort((a, b) => a - b);
  }
  if (!source.includes("__import__") && !source.includes("import_module")) return out2;
  for (const m of source.matchAll(EVERY_COMPUTED_DYNAMIC_IMPORT)) out2.push(m.index);
  return out2.sort((a, b) => a - b);
}
var DYNAMIC_IMPORTS = "dynamic imports";
function anchorTokenSet(tokens, extra = {}) {
  return new TokenSet(tokens, { ...extra, [DYNAMIC_IMPORTS]: ["__import__", "import_module"] });
}
function anchorWords(qualifiedNames) {
  const words = /* @__PURE__ */ new Set();
  for (const name2 of qualifiedNames) for (const part of name2.split(".")) words.add(part.replace(/\(\)$/, ""));
  return words;
}
function canLeadToSink(source, at, words) {
  let start2 = at;
  while (start2 > 0 && isIdentifierPart(source.charCodeAt(start2 - 1))) start2--;
  let end = at + 1;
  while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end++;
  if (!words.has(source.slice(start2, end))) return false;
  let dot = end;
  while (source.charCodeAt(dot) === 32 || source.charCodeAt(dot) === 9) dot++;
  if (source.charCodeAt(dot) !== 46) return true;
  let attr = dot + 1;
  while (source.charCodeAt(attr) === 32 || source.charCodeAt(attr) === 9) attr++;
  let attrEnd = attr;
  while (attrEnd < source.length && isIdentifierPart(source.charCodeAt(attrEnd))) attrEnd++;
  return attrEnd === attr || words.has(source.slice(attr, attrEnd));
}
function prefilterTokens(rules) {
  const all = [...new Set(rules.flatMap((r) => r.prefilter))];
  return all.filter((t) => !all.some((other) => other !== t && t.includes(other)));
}
{
  const primer = new BytePrefilter(["pickle", "rq"], ["import"]);
  const stretch = "x ".repeat(2e3);
  for (let round = 0; round < 2; round++) {
    for (const text of ["import pickle", "import os; __import__(m); import_module(n)", "import rq", "x = 1"]) primer.test(new TextEncoder().encode(stretch + text));
  }
}

// src/languages/python/semantic/module-aliases.ts
var ALIASES = [
  ["six.moves.cPickle", "pickle"],
  ["six.moves.copyreg", "copyreg"],
  ["six.moves.builtins", "builtins"],
  ["future.moves.pickle", "pickle"],
  ["cPickle", "pickle"],
  ["_pickle", "pickle"],
  ["pickle5.pickle", "pickle"],
  ["pickle5", "pickle"],
  ["__builtin__", "builtins"],
  ["__builtins__", "builtins"],
  ["copy_reg", "copyreg"],
  ["_compat_pickle", "_compat_pickle"],
  ["sklearn.externals.joblib", "joblib"],
  ["dill._dill", "dill"],
  ["dill.dill", "dill"],
  ["cloudpickle.cloudpickle", "cloudpickle"],
  ["cloudpickle.cloudpickle_fast", "cloudpickle"],
  // Vendored copies of cloudpickle.
  ["ray.cloudpickle", "cloudpickle"],
  ["pyspark.cloudpickle", "cloudpickle"],
  ["joblib.externals.cloudpickle", "cloudpickle"],
  ["srsly.cloudpickle", "cloudpickle"],
  ["joblib.numpy_pickle.load", "joblib.load"],
  ["jsonpickle.unpickler.decode", "jsonpickle.decode"],
  ["jsonpickle.unpickler.Unpickler", "jsonpickle.Unpickler"],
  ["torch.serialization.load", "torch.load"],
  ["torch.utils.model_zoo.load_url", "torch.hub.load_state_dict_from_url"],
  ["torch.package.package_importer", "torch.package"],
  ["torch.distributed.distributed_c10d", "torch.distributed"],
  // Keras 3 is also reached as tf.keras / tf_keras; its public functions live in several modules.
  ["tensorflow.keras", "keras"],
  ["tensorflow.python.keras", "keras"],
  ["tf_keras", "keras"],
  ["keras.src.saving.saving_api", "keras.saving"],
  ["keras.saving.saving_api", "keras.saving"],
  ["keras.src.saving.serialization_lib", "keras.saving"],
  ["numpy.lib.npyio.load", "numpy.load"],
  ["pandas.io.pickle.read_pickle", "pandas.read_pickle"],
  ["modin.pandas.read_pickle", "pandas.read_pickle"],
  ["pandas.io.pytables.read_hdf", "pandas.read_hdf"],
  ["pandas.io.pytables.HDFStore", "pandas.HDFStore"],
  // PyYAML re-exports its loaders and functions at the package level.
  ["yaml.loader", "yaml"],
  ["yaml.cyaml", "yaml"],
  ["yaml.__init__", "yaml"],
  ["ruamel_yaml", "ruamel.yaml"],
  ["ruamel.yaml.main", "ruamel.yaml"],
  ["ruamel.yaml.loader", "ruamel.yaml"],
  ["ruamel.yaml.cyaml", "ruamel.yaml"]
];
var ALIASED_MODULE_NAMES = [...new Set(ALIASES.flat())];
var MODULE_ALIASES = /* @__PURE__ */ new Map();
for (const entry2 of [...ALIASES].sort((a, b) => b[0].length - a[0].length)) {
  const dot = entry2[0].indexOf(".");
  const head = dot < 0 ? entry2[0] : entry2[0].slice(0, dot);
  const list = MODULE_ALIASES.get(head);
  if (list) list.push(entry2);
  else MODULE_ALIASES.set(head, [entry2]);
}
var HEADS_BY_FIRST_CHAR = /* @__PURE__ */ new Map();
for (const head of MODULE_ALIASES.keys()) {
  const list = HEADS_BY_FIRST_CHAR.get(head.charCodeAt(0));
  if (list) list.push(head);
  else HEADS_BY_FIRST_CHAR.set(head.charCodeAt(0), [head]);
}
function aliasesFor(qualifiedName) {
  const heads = HEADS_BY_FIRST_CHAR.get(qualifiedName.charCodeAt(0));
  if (!heads) return void 0;
  const dot = qualifiedName.indexOf(".");
  const length = dot < 0 ? qualifiedName.length : dot;
  for (const head of heads) if (head.length === length && qualifiedName.startsWith(head)) return MODULE_ALIASES.get(head);
  return void 0;
}
function canonicalName(qualifiedName) {
  const candidates = aliasesFor(qualifiedName);
  if (!candidates) return qualifiedName;
  for (const [alias, canonical] of candidates) {
    if (qualifiedName === alias) return canonical;
    if (qualifiedName.startsWith(alias) && qualifiedName.charCodeAt(alias.length) === 46) {
      return canonical + qualifiedName.slice(alias.length);
    }
  }
  return qualifiedName;
}

// src/languages/python/semantic/find-class.ts
var MAX_ALLOWED = 256;
function findClassAllowlist(model, classDef) {
  const classScope = model.classScope(classDef);
  const def = childByField(classDef, "body")?.children.find((c) => c.type === "function_definition" && model.text(childByField(c, "name") ?? c) === "find_class");
  if (!def || !classScope) return void 0;
  const params = (childByField(def, "parameters")?.children ?? []).filter((p) => p.type === "identifier");
  if (params.length !== 3) return void 0;
  const [moduleParam, nameParam] = [model.text(params[1]), model.text(params[2])];
  const body2 = childByField(def, "body");
  if (!body2) return void 0;
  const allowed = /* @__PURE__ */ new Set();
  const reader = { model, classScope, moduleParam, nameParam };
  if (!walk(reader, body2, {}, allowed)) return void 0;
  return [...allowed].sort();
}
function walk(r, block, outer, allowed) {
  let narrowing = outer;
  for (const stmt of block.children) {
    const guard = stmt.type === "if_statement" ? raisingGuard(r, stmt) : void 0;
    if (guard) {
      narrowing = narrowed(narrowing, guard);
      continue;
    }
    switch (stmt.type) {
      case "comment":
      case "pass_statement":
      case "raise_statement":
        continue;
      case "return_statement": {
        const value = stmt.children.find((c) => c.type !== "return");
        if (!value || !returnsLookedUp(r, value)) return false;
        const pairs = pairsOf(narrowing);
        if (!pairs) return false;
        for (const p of pairs) allowed.add(p);
        if (allowed.size > MAX_ALLOWED) return false;
        continue;
      }
      case "if_statement": {
        const consequence = childByField(stmt, "consequence");
        if (!consequence || !walk(r, consequence, narrowed(narrowing, condition(r, childByField(stmt, "condition"))), allowed)) return false;
        for (const alt of stmt.children) {
          if (alt.type === "elif_clause") {
            const body2 = childByField(alt, "consequence");
            if (!body2 || !walk(r, body2, narrowed(narrowing, condition(r, childByField(alt, "condition"))), allowed)) return false;
          } else if (alt.type === "else_clause") {
            const body2 = childByField(alt, "body");
            if (!body2 || !walk(r, body2, narrowing, allowed)) return false;
          }
        }
        continue;
      }
      case "expression_statement":
        if (rebindsParameter(r, stmt)) return false;
        continue;
      default:
        if (rebindsParameter(r, stmt) || contains(stmt, "return_statement")) return false;
    }
  }
  return true;
}
function returnsLookedUp(r, value) {
  if (value.type !== "call") return false;
  const callee = childByField(value, "function");
  const args2 = (childByField(value, "arguments")?.children ?? []).filter((c) => c.type !== "comment");
  const named = (n, text) => n?.type === "identifier" && r.model.text(n) === text;
  if (callee?.type === "attribute" && r.model.text(childByField(callee, "attribute") ?? callee) === "find_class") {
    return named(args2.at(-1), r.nameParam) && named(args2.at(-2), r.moduleParam);
  }
  return callee?.type === "identifier" && r.model.text(callee) === "getattr" && args2.length === 2 && named(args2[1], r.nameParam);
}
function narrowed(outer, inner) {
  if (!inner) return outer;
  return {
    pairs: intersect(outer.pairs, inner.pairs),
    modules: intersect(outer.modules, inner.modules),
    names: intersect(outer.names, inner.names)
  };
}
function intersect(a, b) {
  if (!a) return b;
  if (!b) return a;
  return new Set([...a].filter((x) => b.has(x)));
}
function pairsOf(n) {
  const product = n.modules && n.names ? new Set([...n.modules].flatMap((m) => [...n.names].map((x) => `${m}.${x}`))) : void 0;
  if (n.pairs) {
    const pairs = [...n.pairs].filter((p) => (!n.modules || n.modules.has(p.slice(0, p.lastIndexOf(".")))) && (!n.names || n.names.has(p.slice(p.lastIndexOf(".") + 1))));
    return new Set(pairs);
  }
  return product;
}
function raisingGuard(r, stmt) {
  if (stmt.children.some((c) => c.type === "elif_clause" || c.type === "else_clause")) return void 0;
  const body2 = childByField(stmt, "consequence")?.children.filter((c) => c.type !== "comment") ?? [];
  if (body2.at(-1)?.type !== "raise_statement" || body2.some((c) => contains(c, "return_statement") || c.type === "return_statement")) return void 0;
  return negation(r, childByField(stmt, "condition"));
}
function negation(r, node) {
  if (!node) return void 0;
  if (node.type === "parenthesized_expression" && node.children.length === 1) return negation(r, node.children[0]);
  if (node.type === "not_operator") return condition(r, childByField(node, "argument") ?? node.children.at(-1));
  if (node.type === "boolean_operator") {
    const left = childByField(node, "left");
    const right = childByField(node, "right");
    if (!left || !right || between(r, left, right) !== "or") return void 0;
    const a = negation(r, left);
    const b = negation(r, right);
    return a && b ? narrowed(a, b) : a ?? b;
  }
  if (node.type !== "comparison_operator") return void 0;
  const parts2 = node.children.filter((c) => c.type !== "comment");
  if (parts2.length !== 2) return void 0;
  const op = between(r, parts2[0], parts2[1]);
  return op === "not in" ? compared(r, parts2[0], "in", parts2[1]) : op === "!=" ? compared(r, parts2[0], "==", parts2[1]) : void 0;
}
function condition(r, node) {
  if (!node) return void 0;
  if (node.type === "parenthesized_expression" && node.children.length === 1) return condition(r, node.children[0]);
  if (node.type === "boolean_operator") {
    const left = childByField(node, "left");
    const right = childByField(node, "right");
    if (!left || !right || between(r, left, right) !== "and") return void 0;
    const a = condition(r, left);
    const b = condition(r, right);
    return a && b ? narrowed(a, b) : a ?? b;
  }
  if (node.type !== "comparison_operator") return void 0;
  const parts2 = node.children.filter((c) => c.type !== "comment");
  if (parts2.length !== 2) return void 0;
  return compared(r, parts2[0], between(r, parts2[0], parts2[1]), parts2[1]);
}
function compared(r, left, op, right) {
  const which = parameterOf(r, left);
  if (op === "==" && which) {
    const value = literalString(r, right);
    return value === void 0 ? void 0 : { [which]: /* @__PURE__ */ new Set([value]) };
  }
  if (op !== "in") return void 0;
  if (which === "names") {
    const table = lookedUpByModule(r, right);
    const mapping = table && literalMapping(r, table, 0);
    if (mapping) return { pairs: mapping };
  }
  const values = literalStrings(r, right, 0);
  if (which) return values?.strings ? { [which]: values.strings } : void 0;
  const pairShaped = left.type === "tuple" && left.children.length === 2 && parameterOf(r, left.children[0]) === "modules" && parameterOf(r, left.children[1]) === "names";
  if (pairShaped && values?.pairs) return { pairs: values.pairs };
  if (dottedPair(r, left) && values?.strings) return { pairs: new Set([...values.strings].filter((s) => s.includes("."))) };
  return void 0;
}
function parameterOf(r, node) {
  if (node.type !== "identifier") return void 0;
  const text = r.model.text(node);
  return text === r.moduleParam ? "modules" : text === r.nameParam ? "names" : void 0;
}
function dottedPair(r, node) {
  const compact = r.model.text(node).replace(/\s+/g, "");
  return compact === `f"{${r.moduleParam}}.{${r.nameParam}}"` || compact === `f'{${r.moduleParam}}.{${r.nameParam}}'` || compact === `${r.moduleParam}+"."+${r.nameParam}` || compact === `${r.moduleParam}+'.'+${r.nameParam}`;
}
function between(r, a, b) {
  return r.model.tree.source.slice(a.end, b.start).replace(/\s+/g, " ").trim();
}
function literalString(r, node) {
  return node.type === "string" ? decodeStringLiteral(r.model.text(node)) : void 0;
}
function literalStrings(r, node, depth) {
  if (depth > 4) return void 0;
  if (node.type === "parenthesized_expression" && node.children.length === 1) return literalStrings(r, node.children[0], depth + 1);
  const written = writtenCollection(r.model, node, (inner) => literalStrings(r, inner, depth + 1));
  if (written !== NOT_WRITTEN) return written;
  return boundCollection(r, node, (value) => literalStrings(r, value, depth + 1), (qualified) => importedCollection(r, qualified));
}
function lookedUpByModule(r, node) {
  if (node.type === "subscript") {
    const key = childByField(node, "subscript");
    return key && parameterOf(r, key) === "modules" ? childByField(node, "value") : void 0;
  }
  if (node.type !== "call") return void 0;
  const callee = childByField(node, "function");
  const args2 = (childByField(node, "arguments")?.children ?? []).filter((c) => c.type !== "comment");
  if (callee?.type !== "attribute" || r.model.text(childByField(callee, "attribute") ?? callee) !== "get") return void 0;
  return args2.length >= 1 && args2.length <= 2 && parameterOf(r, args2[0]) === "modules" ? childByField(callee, "object") : void 0;
}
function literalMapping(r, node, depth) {
  if (depth > 4) return void 0;
  if (node.type === "parenthesized_expression" && node.children.length === 1) return literalMapping(r, node.children[0], depth + 1);
  if (node.type === "dictionary") {
    const pairs = writtenMapping(r.model, node);
    return pairs && new Set(pairs);
  }
  return boundCollection(r, node, (value) => literalMapping(r, value, depth + 1), (qualified) => importedCollection(r, qualified)?.mapping);
}
function writtenMapping(model, node) {
  const pairs = [];
  for (const c of node.children) {
    if (c.type === "comment") continue;
    const key = c.type === "pair" ? childByField(c, "key") : void 0;
    const value = c.type === "pair" ? childByField(c, "value") : void 0;
    const module2 = key?.type === "string" ? decodeStringLiteral(model.text(key)) : void 0;
    if (module2 === void 0 || !value) return void 0;
    const names = writtenCollection(model, value, (inner) => {
      const written = writtenCollection(model, inner, () => void 0);
      return written === NOT_WRITTEN ? void 0 : written;
    });
    if (names === NOT_WRITTEN || !names?.strings) {
      if (names !== NOT_WRITTEN && names && !names.pairs) continue;
      return void 0;
    }
    for (const name2 of names.strings) pairs.push(`${module2}.${name2}`);
  }
  return pairs.length <= MAX_ALLOWED ? pairs : void 0;
}
function boundCollection(r, node, read, imported) {
  const attribute = node.type === "attribute" ? childByField(node, "attribute") : void 0;
  const object = node.type === "attribute" ? childByField(node, "object") : void 0;
  if (attribute && object && !/^(self|cls)$/.test(r.model.text(object))) {
    const modules = object.type === "identifier" || object.type === "attribute" ? r.model.resolve(object, r.model.module) : [];
    const module2 = modules.length === 1 && !modules[0].projectClass && !modules[0].localClass ? modules[0].name : void 0;
    return module2 ? imported(`${module2}.${r.model.text(attribute)}`) : void 0;
  }
  const name2 = node.type === "identifier" ? r.model.text(node) : attribute && object?.type === "identifier" ? r.model.text(attribute) : void 0;
  if (!name2) return void 0;
  const bindings = node.type === "identifier" ? r.model.module.bindings.get(name2) : r.classScope.bindings.get(name2);
  const qualified = bindings?.length === 1 && bindings[0].kind === "import" && node.type === "identifier" ? bindings[0].qualifiedName : void 0;
  if (qualified) return imported(qualified);
  if (bindings?.length !== 1 || bindings[0].kind !== "assignment" || !bindings[0].value) return void 0;
  return read(bindings[0].value);
}
var NOT_WRITTEN = /* @__PURE__ */ Symbol("not a collection written in place");
function writtenCollection(model, node, inner) {
  if (node.type === "call") {
    const callee = childByField(node, "function");
    const args2 = (childByField(node, "arguments")?.children ?? []).filter((c) => c.type !== "comment");
    return callee && /^(frozenset|set|tuple|list)$/.test(model.text(callee)) && args2.length === 1 ? inner(args2[0]) : void 0;
  }
  if (node.type !== "set" && node.type !== "list" && node.type !== "tuple" && node.type !== "dictionary") return NOT_WRITTEN;
  const strings = /* @__PURE__ */ new Set();
  const pairs = /* @__PURE__ */ new Set();
  const literal = (n) => n.type === "string" ? decodeStringLiteral(model.text(n)) : void 0;
  for (const c of node.children) {
    if (c.type === "comment") continue;
    const element = c.type === "pair" ? childByField(c, "key") : c;
    const s = element && literal(element);
    if (s !== void 0) {
      strings.add(s);
      continue;
    }
    const pair = element?.type === "tuple" ? element.children.filter((x) => x.type !== "comment") : [];
    const [m, n] = pair.map(literal);
    if (pair.length !== 2 || m === void 0 || n === void 0) return void 0;
    pairs.add(`${m}.${n}`);
  }
  return strings.size && pairs.size ? void 0 : strings.size ? { strings } : { pairs };
}
function moduleLiteralCollection(model, value) {
  let top = value;
  while (top.type === "parenthesized_expression" && top.children.length === 1) top = top.children[0];
  const mapping = top.type === "dictionary" ? writtenMapping(model, top) : void 0;
  if (mapping) {
    const keys = [...new Set(mapping.map((p) => p.slice(0, p.lastIndexOf("."))))].sort();
    return { strings: keys, mapping: mapping.sort() };
  }
  const read = (node, depth) => {
    let n = node;
    while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
    if (n.type === "dictionary") return void 0;
    const written = depth > 4 ? void 0 : writtenCollection(model, n, (inner) => read(inner, depth + 1));
    return written === NOT_WRITTEN ? void 0 : written;
  };
  const found = read(value, 0);
  if (!found || (found.strings?.size ?? found.pairs?.size ?? 0) > MAX_ALLOWED) return void 0;
  return found.strings ? { strings: [...found.strings].sort() } : { pairs: [...found.pairs ?? []].sort() };
}
var demanded = /* @__PURE__ */ new WeakMap();
function allowlistDemand(model) {
  return [...demanded.get(model) ?? []];
}
function importedCollection(r, qualified) {
  if (!/^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$/.test(qualified)) return void 0;
  const found = r.model.project?.flows?.(qualified);
  const constant3 = found?.length === 1 ? found[0].flows.constant : void 0;
  if (constant3?.strings) return { strings: new Set(constant3.strings), ...constant3.mapping ? { mapping: new Set(constant3.mapping) } : {} };
  if (constant3?.pairs) return { pairs: new Set(constant3.pairs) };
  if (!found) {
    let names = demanded.get(r.model);
    if (!names) demanded.set(r.model, names = /* @__PURE__ */ new Set());
    if (names.size < 16) names.add(qualified);
  }
  return void 0;
}
function rebindsParameter(r, stmt) {
  const targets = [stmt, ...descendantsOf(stmt)].filter((n) => n.type === "assignment" || n.type === "augmented_assignment" || n.type === "named_expression");
  return targets.some((a) => {
    const left = childByField(a, "left") ?? childByField(a, "name");
    return left !== void 0 && [left, ...descendantsOf(left)].some((n) => parameterOf(r, n) !== void 0);
  });
}
function contains(node, type) {
  return descendantsOf(node).some((n) => n.type === type);
}
function descendantsOf(node) {
  const out2 = [];
  const stack = [...node.children];
  while (stack.length) {
    const n = stack.pop();
    out2.push(n);
    stack.push(...n.children);
  }
  return out2;
}

// src/languages/python/semantic/builtins.ts
var PYTHON_BUILTINS = /* @__PURE__ */ new Set([
  "__build_class__",
  "__import__",
  "abs",
  "aiter",
  "all",
  "anext",
  "any",
  "ascii",
  "bin",
  "bool",
  "breakpoint",
  "bytearray",
  "bytes",
  "callable",
  "chr",
  "classmethod",
  "compile",
  "complex",
  "copyright",
  "credits",
  "delattr",
  "dict",
  "dir",
  "divmod",
  "enumerate",
  "eval",
  "exec",
  "exit",
  "filter",
  "float",
  "format",
  "frozenset",
  "getattr",
  "globals",
  "hasattr",
  "hash",
  "help",
  "hex",
  "id",
  "input",
  "int",
  "isinstance",
  "issubclass",
  "iter",
  "len",
  "license",
  "list",
  "locals",
  "map",
  "max",
  "memoryview",
  "min",
  "next",
  "object",
  "oct",
  "open",
  "ord",
  "pow",
  "print",
  "property",
  "quit",
  "range",
  "repr",
  "reversed",
  "round",
  "set",
  "setattr",
  "slice",
  "sorted",
  "staticmethod",
  "str",
  "sum",
  "super",
  "tuple",
  "type",
  "vars",
  "zip"
]);

// src/languages/python/sweeps.ts
var WatchedKeys = class extends Set {
  listeners = void 0;
  listen(listener) {
    (this.listeners ??= []).push(listener);
  }
  add(key) {
    if (this.listeners === void 0 || this.has(key)) return super.add(key);
    super.add(key);
    for (const listener of this.listeners) listener(key);
    return this;
  }
};
var FULL_SWEEPS = 4;
function sweepToFixedPoint(count, visit, readers, readsEverything) {
  for (let sweep = 0; sweep < FULL_SWEEPS; sweep++) {
    let changed = false;
    for (let i2 = 0; i2 < count; i2++) if (visit(i2)) changed = true;
    if (!changed) return;
  }
  new ChangedOnly(count, visit, readers(), readsEverything).run();
}
var ChangedOnly = class {
  constructor(count, visit, readers, readsEverything) {
    this.visit = visit;
    this.readsEverything = readsEverything;
    this.due = new DueQueue(count, readers, () => this.added++);
  }
  visit;
  readsEverything;
  due;
  /** Keys added to any watched set so far, and for each item that reads everything, how many there were when it was last visited. */
  added = 0;
  seen = /* @__PURE__ */ new Map();
  everything = [];
  run() {
    do
      this.sweep();
    while (this.due.anyNext() || this.everything.some((i2) => this.seen.get(i2) < this.added));
  }
  sweep() {
    const due = this.due;
    due.startPass();
    let e = 0;
    for (; ; ) {
      while (e < this.everything.length && this.everything[e] <= due.at) e++;
      const scheduled = due.peek();
      const other = e < this.everything.length ? this.everything[e] : Infinity;
      if (other < scheduled && this.seen.get(other) >= this.added) {
        e++;
        continue;
      }
      const i2 = Math.min(scheduled, other);
      if (i2 === Infinity) break;
      if (i2 === scheduled) due.take();
      else due.at = i2;
      const before = this.added;
      if (this.seen.has(i2)) this.seen.set(i2, before);
      this.visit(i2);
      if (!this.seen.has(i2) && this.readsEverything(i2)) this.readAll(i2, before);
    }
    due.endPass();
  }
  /** From now on `i` reads every key; what was added during the visit that made it so is still due to it. */
  readAll(i2, before) {
    this.seen.set(i2, before);
    let at = this.everything.length;
    this.everything.push(i2);
    while (at > 0 && this.everything[at - 1] > i2) {
      this.everything[at] = this.everything[at - 1];
      at--;
    }
    this.everything[at] = i2;
  }
};
var DueQueue = class {
  current = new MinHeap();
  next = new MinHeap();
  inCurrent;
  inNext;
  /** The item being visited in the current pass (-1 before the first). */
  at = -1;
  passing = false;
  constructor(count, readers, onAdd) {
    this.inCurrent = new Uint8Array(count);
    this.inNext = new Uint8Array(count);
    for (const r of readers) {
      r.keys.listen((key) => {
        onAdd?.();
        const items = r.readersOf(key);
        if (items) for (const i2 of items) this.schedule(i2);
      });
    }
    for (let i2 = 0; i2 < count; i2++) this.schedule(i2);
  }
  schedule(i2) {
    if (this.passing && i2 > this.at) {
      if (!this.inCurrent[i2]) {
        this.inCurrent[i2] = 1;
        this.current.push(i2);
      }
    } else if (!this.inNext[i2]) {
      this.inNext[i2] = 1;
      this.next.push(i2);
    }
  }
  anyNext() {
    return this.next.size > 0;
  }
  /** What was due in the next pass is due now. */
  startPass() {
    while (this.next.size > 0) {
      const i2 = this.next.pop();
      this.inNext[i2] = 0;
      if (!this.inCurrent[i2]) {
        this.inCurrent[i2] = 1;
        this.current.push(i2);
      }
    }
    this.passing = true;
    this.at = -1;
  }
  endPass() {
    this.passing = false;
  }
  /** The first item due in this pass; Infinity when none is. */
  peek() {
    return this.current.size > 0 ? this.current.peek() : Infinity;
  }
  /** Takes the first item due in this pass, as the one being visited. */
  take() {
    const i2 = this.current.pop();
    this.inCurrent[i2] = 0;
    this.at = i2;
    return i2;
  }
};
var MinHeap = class {
  items = [];
  get size() {
    return this.items.length;
  }
  peek() {
    return this.items[0];
  }
  push(value) {
    const a = this.items;
    let i2 = a.length;
    a.push(value);
    while (i2 > 0) {
      const parent = i2 - 1 >> 1;
      if (a[parent] <= value) break;
      a[i2] = a[parent];
      i2 = parent;
    }
    a[i2] = value;
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0) return top;
    let i2 = 0;
    for (; ; ) {
      const l = 2 * i2 + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && a[r] < a[l] ? r : l;
      if (a[c] >= last) break;
      a[i2] = a[c];
      i2 = c;
    }
    a[i2] = last;
    return top;
  }
};
var DuePasses = class {
  due;
  constructor(count, readers) {
    this.due = new DueQueue(count, readers);
  }
  /** One pass over the due items, in order; true when a visit changed something. */
  pass(visit) {
    const due = this.due;
    let changed = false;
    due.startPass();
    while (due.peek() !== Infinity) if (visit(due.take())) changed = true;
    due.endPass();
    return changed;
  }
};

// src/languages/python/regions.ts
var ASSIGNS_ATTRIBUTE = /\b[A-Za-z_]\w*\.[A-Za-z_]\w*\s*=(?!=)/;
var ANY_SINK = { attributeKeys: void 0, leadsToSink: () => true };
var MIN_SKIPPED_SHARE = 0.1;
function relevantRanges(source, segments, allAnchors, sinks2 = ANY_SINK, wanted) {
  const anchors = anchorsInCode(segments, allAnchors);
  if (anchors.length === 0 && !wanted?.length) return [];
  const count = segments.length;
  const anchored = anchoredSegments(segments, anchors);
  for (let k = 0; k < count; k++) {
    if (anchored[k] && segments[k].definition === void 0 && hasStarImportOfAnchor(source, segments[k], anchors)) return void 0;
  }
  const relevant = new Array(count).fill(false);
  const expanded = new Array(count).fill(false);
  const headerRelevant = new Array(count).fill(false);
  const holdsSink = new Array(count);
  const boundNames = new WatchedKeys();
  const holder = new Array(count).fill(false);
  const holderNames = new WatchedKeys();
  const kept = new Array(count).fill(false);
  const mentioned = new WatchedKeys();
  let anyStarImport;
  let boundElsewhere;
  const meansOtherwise = (name2) => (anyStarImport ??= segments.some((s) => s.definitionKey === void 0 && starImportsSink(source, s, sinks2))) || (boundElsewhere ??= namesBoundElsewhere(segments)).has(name2);
  const flow = sinks2.keepCalledFunctions === true;
  const names = { boundNames, holderNames, mentioned, mentionedAttributes: new WatchedKeys(), holderMethods: new WatchedKeys(), summaryIdentifiers: new WatchedKeys(), summaryAttributes: new WatchedKeys() };
  const classMembers = /* @__PURE__ */ new Map();
  const membersOf = memoized((k) => segments[k].isClass ? splitClassBody(source, segments[k], sinks2.attributeKeys) : void 0);
  const sourcesEverywhere = sinks2.importsMaySource === true && segments.some((s) => s.definition === void 0 && isStarImport(source, s));
  const flowSources = flow && !sourcesEverywhere ? sinks2.flowSources : void 0;
  let found;
  const assigned = /* @__PURE__ */ new Map();
  const stores = (m) => {
    let set = assigned.get(m);
    if (!set) assigned.set(m, set = assignedAttributes(source, m));
    return set;
  };
  const sourcing = () => found ??= flowSources && new SourceCapability(source, segments, membersOf, stores, flowSources, sinks2.importsMaySource === true);
  const canSource = (k) => sourcing()?.segment(k) ?? true;
  const wants = flow && wanted?.length ? new WantedDefinitions(source, segments, wanted, membersOf) : void 0;
  const isWanted = (k) => wants?.segment(k) ?? false;
  const summarized = new Array(count).fill(false);
  const mention = (code3) => {
    addAll2(mentioned, code3.identifiers);
    addAll2(names.mentionedAttributes, code3.attributes);
  };
  const summarize = (code3) => {
    addAll2(names.summaryIdentifiers, code3.identifiers);
    addAll2(names.summaryAttributes, code3.attributes);
  };
  const lineRelevant = segments.map((s) => s.lines?.map(() => false));
  const visit = (k) => {
    let changed = false;
    const s = segments[k];
    const lines = s.lines;
    if (lines) {
      lines.forEach((line, i2) => {
        if (lineRelevant[k][i2] || !(hasAnchorIn(anchors, line.start, line.end) || intersects(line.identifiers, boundNames))) return;
        lineRelevant[k][i2] = true;
        relevant[k] = true;
        changed = true;
        addAll2(boundNames, lines.length === 1 && importedFromAnchors(source, s, anchors) || line.bound);
      });
    } else if (!relevant[k]) {
      const key = s.definitionKey;
      relevant[k] = anchored[k] || isWanted(k) || intersects(s.identifiers, boundNames) || // A method holding a sink, called on an object of a class of this file (`Base().decode(b)`, `codec.decode(b)`).
      flow && s.definition !== void 0 && intersects(s.attributes, names.holderMethods) || key !== void 0 && (s.isClass === true ? mentioned.has(key) : flow && (mentioned.has(key) || names.summaryIdentifiers.has(key)) && (canSource(k) || names.summaryIdentifiers.has(key) && takesParameters(source, s)));
    }
    if (relevant[k] && s.isClass && !headerRelevant[k] && (classHeaderIsRelevant(s, anchors, boundNames) || (holdsSink[k] ??= holdsSinkInAttribute(source, membersOf(k), anchors)))) {
      headerRelevant[k] = true;
      boundNames.add(s.definitionKey);
      changed = true;
      if (classMembers.delete(k)) {
        mention(s);
        if (anchored[k] || isWanted(k)) summarize(s);
      }
    }
    if (relevant[k] && sinks2.keepCalledFunctions && !holder[k] && s.definition !== void 0 && !s.isClass && s.definitionKey !== void 0 && (anchored[k] || intersects(s.identifiers, holderNames) || intersects(s.attributes, names.holderMethods))) {
      holder[k] = true;
      holderNames.add(s.definitionKey);
      boundNames.add(s.definitionKey);
      changed = true;
    }
    if (relevant[k] && !expanded[k]) {
      expanded[k] = true;
      changed = true;
      const members2 = flow && s.isClass && !headerRelevant[k] ? membersOf(k) : void 0;
      if (members2) {
        classMembers.set(k, new ClassMembers(source, members2, anchors, (i2) => sourcing()?.member(k, i2) ?? true, stores, names, wants?.members(k)));
        addAll2(mentioned, s.headerIdentifiers ?? s.identifiers);
      } else mention(s);
      if (!lines) addAll2(boundNames, s.definition === void 0 ? importedFromAnchors(source, s, anchors) ?? s.bound : s.globals);
    } else if (!relevant[k] && !kept[k] && (keptForBindings(source, s, mentioned) || wants !== void 0 && isImport(s))) {
      kept[k] = true;
      changed = true;
      mention(s);
    }
    const members = classMembers.get(k);
    if (members?.grow(mention, summarize)) changed = true;
    if (flow && relevant[k] && !summarized[k] && !members && (holder[k] || anchored[k] || isWanted(k) || s.definitionKey !== void 0 && !s.isClass && names.summaryIdentifiers.has(s.definitionKey))) {
      summarized[k] = true;
      changed = true;
      summarize(s);
    }
    return changed;
  };
  sweepToFixedPoint(count, visit, () => segmentReaders(segments, names), (k) => classMembers.has(k));
  const ranges = [];
  const keep = (start2, end) => {
    const last = ranges[ranges.length - 1];
    if (last && last.end === start2) last.end = end;
    else ranges.push({ start: start2, end });
  };
  segments.forEach((s, k) => {
    const name2 = s.definitionKey;
    if (!relevant[k]) {
      const shadowing = name2 !== void 0 && mentioned.has(name2) && meansOtherwise(name2);
      if (kept[k] || shadowing) keep(s.start, s.end);
      return;
    }
    if (name2 === void 0) return keep(s.start, s.end);
    const chosen = classMembers.get(k);
    if (chosen) {
      const needed = chosen.neededRanges();
      if (!needed) return keep(s.start, s.end);
      keep(s.start, s.bodyStart);
      for (const r of needed) keep(r.start, r.end);
      return;
    }
    const members = s.isClass && !headerRelevant[k] && !flow ? membersOf(k) : void 0;
    if (!members) return keep(s.start, s.end);
    keep(s.start, s.bodyStart);
    const memberAnchored = anchoredSegments(members, anchors);
    const namedInClassBody = /* @__PURE__ */ new Set();
    for (const m of members) if (m.definition === void 0) addAll2(namedInClassBody, m.identifiers);
    members.forEach((m, i2) => {
      const needed = m.definitionKey === void 0 || memberAnchored[i2] || intersects(m.identifiers, boundNames) || namedInClassBody.has(m.definitionKey) || m.globals.size > 0;
      if (needed) keep(m.start, m.end);
    });
  });
  const parsed = ranges.reduce((n, r) => n + r.end - r.start, 0);
  if (source.length - parsed < MIN_SKIPPED_SHARE * source.length) return void 0;
  return ranges;
}
function namesBoundElsewhere(segments) {
  const out2 = new Set(BUILTIN_KEYS);
  const definedOnce = /* @__PURE__ */ new Set();
  for (const s of segments) {
    addAll2(out2, s.globals);
    if (s.definitionKey === void 0) {
      addAll2(out2, s.bound);
      addAll2(out2, s.shadows);
    } else if (definedOnce.has(s.definitionKey)) out2.add(s.definitionKey);
    else definedOnce.add(s.definitionKey);
  }
  return out2;
}
function segmentReaders(segments, names) {
  const { byIdentifier, byAttribute, byName } = partIndexes(segments);
  const byNameOrBinding = new KeyIndex();
  segments.forEach((s, k) => {
    if (s.definitionKey !== void 0) byNameOrBinding.add(s.definitionKey, k);
    else {
      byNameOrBinding.addAll(s.bound, k);
      byNameOrBinding.addAll(s.shadows, k);
    }
  });
  return [
    byIdentifier.readers(names.boundNames),
    byIdentifier.readers(names.holderNames),
    byAttribute.readers(names.holderMethods),
    byNameOrBinding.readers(names.mentioned),
    byName.readers(names.summaryIdentifiers),
    // Read only by classes whose members are chosen one by one, which read every key.
    new KeyIndex().readers(names.mentionedAttributes),
    new KeyIndex().readers(names.summaryAttributes)
  ];
}
function partIndexes(parts2) {
  const byIdentifier = new KeyIndex();
  const byAttribute = new KeyIndex();
  const byName = new KeyIndex();
  parts2.forEach((s, k) => {
    byIdentifier.addAll(s.identifiers, k);
    for (const line of s.lines ?? []) byIdentifier.addAll(line.identifiers, k);
    if (s.headerIdentifiers) byIdentifier.addAll(s.headerIdentifiers, k);
    byAttribute.addAll(s.attributes, k);
    if (s.definitionKey !== void 0) byName.add(s.definitionKey, k);
  });
  return { byIdentifier, byAttribute, byName };
}
function memberReaders(members, names, byStore) {
  const { byIdentifier, byAttribute, byName } = partIndexes(members);
  return [
    byIdentifier.readers(names.boundNames),
    byIdentifier.readers(names.holderNames),
    byAttribute.readers(names.holderMethods),
    byName.readers(names.summaryIdentifiers),
    byName.readers(names.summaryAttributes),
    byName.readers(names.mentioned),
    byName.readers(names.mentionedAttributes),
    byStore.readers(names.mentionedAttributes)
  ];
}
var KeyIndex = class {
  byKey = /* @__PURE__ */ new Map();
  add(key, item) {
    const items = this.byKey.get(key);
    if (!items) this.byKey.set(key, [item]);
    else if (items[items.length - 1] !== item) items.push(item);
  }
  addAll(keys, item) {
    for (const key of keys) this.add(key, item);
  }
  readers(keys) {
    return { keys, readersOf: (key) => this.byKey.get(key) };
  }
};
var ClassMembers = class {
  constructor(source, members, anchors, canSource, stores, names, wanted) {
    this.source = source;
    this.members = members;
    this.canSource = canSource;
    this.stores = stores;
    this.names = names;
    this.wanted = wanted;
    this.needed = members.map(() => false);
    this.summarized = members.map(() => false);
    this.holder = members.map(() => false);
    this.anchored = anchoredSegments(members, anchors);
    for (const m of members) if (m.definition === void 0) addAll2(this.namedInClassBody, m.identifiers);
    this.due = new DuePasses(members.length, memberReaders(members, names, this.byStore));
  }
  source;
  members;
  canSource;
  stores;
  names;
  wanted;
  needed;
  summarized;
  holder;
  anchored;
  namedInClassBody = /* @__PURE__ */ new Set();
  /** Members are visited again only when a name they read was added (see `DuePasses`). */
  due;
  /** Members by the attributes they may assign, as far as `reached` has asked (see `memberReaders`). */
  byStore = new KeyIndex();
  /** Marks the members the kept code now reaches; true when something changed. */
  grow(mention, summarize) {
    const names = this.names;
    return this.due.pass((i2) => {
      const m = this.members[i2];
      const key = m.definitionKey;
      let changed = false;
      if (!this.needed[i2] && this.reached(m, i2, names)) {
        this.needed[i2] = true;
        changed = true;
        mention(m);
      }
      if (!this.needed[i2]) return changed;
      const method = key !== void 0 && !m.isClass;
      if (method && !this.holder[i2] && (this.anchored[i2] || intersects(m.identifiers, names.holderNames) || intersects(m.attributes, names.holderMethods))) {
        this.holder[i2] = true;
        names.holderMethods.add(key);
        changed = true;
      }
      if (!this.summarized[i2] && (this.holder[i2] || this.anchored[i2] || this.wanted?.[i2] === true || method && (names.summaryIdentifiers.has(key) || names.summaryAttributes.has(key)))) {
        this.summarized[i2] = true;
        changed = true;
        summarize(m);
      }
      return changed;
    });
  }
  reached(m, i2, names) {
    const key = m.definitionKey;
    if (key === void 0 || this.anchored[i2] || this.wanted?.[i2] === true || m.globals.size > 0 || this.namedInClassBody.has(key)) return true;
    if (intersects(m.identifiers, names.boundNames) || intersects(m.attributes, names.holderMethods)) return true;
    const canSource = this.canSource(i2);
    if ((names.summaryIdentifiers.has(key) || names.summaryAttributes.has(key)) && (canSource || takesParameters(this.source, m))) return true;
    if (!canSource) return false;
    if (names.mentioned.has(key) || names.mentionedAttributes.has(key)) return true;
    const assigned = this.stores(m);
    this.byStore.addAll(assigned, i2);
    return assigned.size > 0 && intersects(assigned, names.mentionedAttributes);
  }
  /** The needed members' ranges; undefined when none is (the class body would be empty): keep the class whole. */
  neededRanges() {
    const out2 = this.members.filter((_, i2) => this.needed[i2]);
    return out2.length ? out2 : void 0;
  }
};
var CONSTRUCTORS = ["__init__", "__new__"];
var WantedDefinitions = class {
  segments;
  byClass = /* @__PURE__ */ new Map();
  constructor(source, segments, keys, membersOf) {
    const names = /* @__PURE__ */ new Set();
    const methods = /* @__PURE__ */ new Map();
    const addMethod = (cls, method) => {
      let set = methods.get(cls);
      if (!set) methods.set(cls, set = /* @__PURE__ */ new Set());
      set.add(method);
    };
    for (const key of keys) {
      const dot = key.indexOf(".");
      if (dot < 0) {
        names.add(key);
        for (const c of CONSTRUCTORS) addMethod(key, c);
      } else addMethod(key.slice(0, dot), key.slice(dot + 1));
    }
    const anyClass = methods.get("*");
    this.segments = segments.map((s, k) => {
      if (s.definition === void 0) return false;
      let wanted = names.has(s.definition);
      if (!s.isClass) return wanted;
      const own = methods.get(s.definition);
      const wantedMethods = [...own ?? [], ...anyClass ?? []];
      const text = wantedMethods.length ? source.slice(s.start, s.end) : "";
      const members = wantedMethods.some((m) => text.includes(m)) ? membersOf(k) : void 0;
      if (members) {
        const flags2 = members.map((m) => m.definition !== void 0 && !m.isClass && (own?.has(m.definition) || anyClass?.has(m.definition)) === true);
        if (flags2.some(Boolean)) {
          this.byClass.set(k, flags2);
          wanted = true;
        }
      }
      return wanted;
    });
  }
  segment(k) {
    return this.segments[k];
  }
  members(k) {
    return this.byClass.get(k);
  }
};
var SourceCapability = class {
  segments;
  members = /* @__PURE__ */ new Map();
  constructor(source, segments, membersOf, stores, words, importsMaySource) {
    const offsets = anchorsInCode(segments, words.offsetsIn(source));
    const direct = anchoredSegments(segments, offsets);
    const keys = new WatchedKeys();
    if (importsMaySource) {
      keys.add(IMPORT).add(FROM);
      for (const s of segments) if (isImport(s)) addAll2(keys, s.identifiers);
    }
    const attributes = new WatchedKeys();
    const readFields = new WatchedKeys();
    const lineDone = segments.map((s) => s.lines?.map(() => false));
    const memberDirect = /* @__PURE__ */ new Map();
    this.segments = segments.map(() => false);
    const reaches = (code3) => intersects(code3.identifiers, keys) || intersects(code3.attributes, attributes);
    const visit = (k) => {
      const s = segments[k];
      let changed = false;
      if (s.lines) {
        s.lines.forEach((line, i2) => {
          if (lineDone[k][i2] || !(hasAnchorIn(offsets, line.start, line.end) || intersects(line.identifiers, keys))) return;
          lineDone[k][i2] = true;
          this.segments[k] = true;
          addAll2(keys, line.bound);
          changed = true;
        });
        return changed;
      }
      const members = s.isClass && (direct[k] || reaches(s)) ? membersOf(k) : void 0;
      if (!members) {
        if (this.segments[k] || !(direct[k] || reaches(s))) return false;
        this.segments[k] = true;
        if (s.definitionKey !== void 0) keys.add(s.definitionKey);
        addAll2(keys, s.globals);
        if (s.isClass) addAll2(attributes, s.attributes);
        return true;
      }
      let can = this.members.get(k);
      if (!can) this.members.set(k, can = members.map(() => false));
      let near = memberDirect.get(k);
      if (!near) memberDirect.set(k, near = anchoredSegments(members, offsets));
      members.forEach((m, i2) => {
        if (can[i2] || !(near[i2] || reaches(m) || m.definitionKey !== void 0 && readFields.size > 0 && intersects(stores(m), readFields))) return;
        can[i2] = true;
        if (m.definitionKey !== void 0) attributes.add(m.definitionKey);
        else addAll2(attributes, m.bound);
        addAll2(attributes, stores(m));
        addAll2(readFields, m.attributes);
        addAll2(keys, m.globals);
        if (!this.segments[k] && s.definitionKey !== void 0) keys.add(s.definitionKey);
        this.segments[k] = true;
        changed = true;
      });
      return changed;
    };
    sweepToFixedPoint(segments.length, visit, () => capabilityReaders(segments, keys, attributes, readFields), (k) => this.members.has(k));
  }
  segment(k) {
    return this.segments[k];
  }
  member(k, i2) {
    return this.members.get(k)?.[i2] ?? this.segments[k];
  }
};
function capabilityReaders(segments, keys, attributes, readFields) {
  const { byIdentifier, byAttribute } = partIndexes(segments);
  return [byIdentifier.readers(keys), byAttribute.readers(attributes), new KeyIndex().readers(readFields)];
}
function takesParameters(source, s) {
  if (s.isClass || s.definition === void 0) return true;
  const end = Math.min(s.end, s.start + 4096);
  const open = defParametersStart(source, s.start, end, s.definition);
  if (open < 0) return true;
  let i2 = skipBlanks(source, open, end);
  if (source.startsWith("self", i2) || source.startsWith("cls", i2)) {
    i2 = skipBlanks(source, i2 + (source.startsWith("self", i2) ? 4 : 3), end);
    if (source.charCodeAt(i2) === 44) i2 = skipBlanks(source, i2 + 1, end);
  }
  return !(i2 < end && source.charCodeAt(i2) === 41);
}
function defParametersStart(source, from, end, name2) {
  for (let line = from; line < end; ) {
    let i2 = skipBlanks(source, line, end);
    if (source.startsWith("async", i2)) {
      const k = skipBlanks(source, i2 + 5, end);
      if (k > i2 + 5) i2 = k;
    }
    if (source.startsWith("def", i2)) {
      let k = skipBlanks(source, i2 + 3, end);
      if (k > i2 + 3 && k + name2.length <= end && source.startsWith(name2, k)) {
        k = skipBlanks(source, k + name2.length, end);
        if (k < end && source.charCodeAt(k) === 40) return k + 1;
      }
    }
    while (line < end && !isLineTerminator(source.charCodeAt(line))) line++;
    line++;
  }
  return -1;
}
function skipBlanks(source, at, end) {
  let i2 = at;
  while (i2 < end && (source.charCodeAt(i2) === 32 || source.charCodeAt(i2) === 9)) i2++;
  return i2;
}
function isLineTerminator(c) {
  return c === 10 || c === 13 || c === 8232 || c === 8233;
}
function memoized(compute) {
  const done = /* @__PURE__ */ new Map();
  return (k) => {
    if (!done.has(k)) done.set(k, compute(k));
    return done.get(k);
  };
}
function assignedAttributes(source, m) {
  const out2 = /* @__PURE__ */ new Set();
  const end = m.end;
  let from = m.start;
  for (let dot = source.indexOf(".", from); dot >= 0 && dot < end; dot = source.indexOf(".", Math.max(dot + 1, from))) {
    const nameStart = skipBlanks(source, dot + 1, end);
    if (nameStart >= end || !isWordStart(source.charCodeAt(nameStart))) continue;
    let nameEnd = nameStart + 1;
    while (nameEnd < end && isWordChar(source.charCodeAt(nameEnd))) nameEnd++;
    const after = skipBlanks(source, nameEnd, end);
    const base = selfOrClsBefore(source, dot, m.start);
    if (base >= from) {
      const c = after < end ? source.charCodeAt(after) : -1;
      if (c === 44 || c === 58 || c === 41 || c === 93 || isWordIn(source, after, end)) {
        out2.add(hashRange(source, nameStart, nameEnd));
        from = after;
        continue;
      }
      if (nameEnd - nameStart >= 3 && source.startsWith("in", nameEnd - 2)) {
        out2.add(hashRange(source, nameStart, nameEnd - 2));
        from = nameEnd - 2;
        continue;
      }
    }
    if (dot < from) continue;
    if (assignsAt(source, after, end)) {
      out2.add(hashRange(source, nameStart, nameEnd));
      from = after;
    }
  }
  return out2;
}
function assignsAt(source, at, end) {
  const c = at < end ? source.charCodeAt(at) : -1;
  let eq = at;
  if (c !== 61) {
    const d = at + 1 < end ? source.charCodeAt(at + 1) : -1;
    if ((c === 42 || c === 47 || c === 62 || c === 60) && d === c && at + 2 < end && source.charCodeAt(at + 2) === 61) eq = at + 2;
    else if (c >= 0 && c < 128 && AUGMENTING2[c] === 1 && d === 61) eq = at + 1;
    else return false;
  }
  return !(eq + 1 < end && source.charCodeAt(eq + 1) === 61);
}
var AUGMENTING2 = new Uint8Array(128);
for (const ch of "-+*/%&|^@") AUGMENTING2[ch.charCodeAt(0)] = 1;
function isWordIn(source, at, end) {
  return at + 2 <= end && source.startsWith("in", at) && !(at + 2 < end && isWordChar(source.charCodeAt(at + 2)));
}
function selfOrClsBefore(source, dot, start2) {
  let i2 = dot;
  while (i2 > start2 && (source.charCodeAt(i2 - 1) === 32 || source.charCodeAt(i2 - 1) === 9)) i2--;
  const at = i2 >= start2 + 4 && source.startsWith("self", i2 - 4) ? i2 - 4 : i2 >= start2 + 3 && source.startsWith("cls", i2 - 3) ? i2 - 3 : -1;
  return at >= 0 && (at === start2 || !isWordChar(source.charCodeAt(at - 1))) ? at : -1;
}
function isWordStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
}
function isWordChar(c) {
  return isWordStart(c) || c >= 48 && c <= 57;
}
function keptForBindings(source, s, mentioned) {
  if (s.definition !== void 0) return s.globals.size > 0;
  return intersects(s.bound, mentioned) || intersects(s.shadows, mentioned) || isStarImport(source, s);
}
function isImport(s) {
  return s.definition === void 0 && (s.identifiers.has(IMPORT) || s.identifiers.has(FROM));
}
function isStarImport(source, s) {
  return s.identifiers.has(IMPORT) && /\bimport\s*\(?\s*\*/.test(source.slice(s.start, s.end));
}
function anchorsInCode(segments, anchors) {
  const out2 = [];
  let k = 0;
  let p = 0;
  for (let a = 0; a < anchors.length; a++) {
    const at = anchors[a];
    while (k < segments.length && segments[k].end <= at) {
      k++;
      p = 0;
    }
    if (k === segments.length) break;
    const s = segments[k];
    if (at < s.start) continue;
    while (p < s.prose.length && s.prose[p + 1] <= at) p += 2;
    if (p < s.prose.length && s.prose[p] <= at) continue;
    out2.push(at);
  }
  return out2;
}
function anchoredSegments(segments, anchors) {
  const marked = new Array(segments.length).fill(false);
  let k = 0;
  for (let a = 0; a < anchors.length; a++) {
    const at = anchors[a];
    while (k < segments.length && segments[k].end <= at) k++;
    if (k === segments.length) break;
    if (segments[k].start <= at) marked[k] = true;
  }
  return marked;
}
function hasAnchorIn(anchors, start2, end) {
  const first = lowerBound(anchors, start2);
  return first < anchors.length && anchors[first] < end;
}
function holdsSinkInAttribute(source, members, anchors) {
  if (!members) return false;
  const anchored = anchoredSegments(members, anchors);
  return members.some((m, i2) => anchored[i2] && (m.definition === void 0 || ASSIGNS_ATTRIBUTE.test(source.slice(m.start, m.end))));
}
function classHeaderIsRelevant(s, anchors, boundNames) {
  if (s.bodyStart === void 0) return true;
  if (s.headerIdentifiers && intersects(s.headerIdentifiers, boundNames)) return true;
  return hasAnchorIn(anchors, s.start, s.bodyStart);
}
function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
var IMPORT = identifierKey("import");
var FROM = identifierKey("from");
var STAR_IMPORT = /\bfrom\s+[\w.\s\\]*?\bimport\s*\(?\s*\*/g;
var BUILTIN_KEYS = [...PYTHON_BUILTINS].map(identifierKey);
var FROM_MODULE_IMPORT_STAR = /\bfrom\s+([\w.]+)\s+import\s*\(?\s*\*/g;
function starImportsSink(source, s, sinks2) {
  if (!isStarImport(source, s)) return false;
  let clear = 0;
  for (const m of source.slice(s.start, s.end).matchAll(FROM_MODULE_IMPORT_STAR)) {
    const module2 = m[1];
    if (module2.startsWith(".") || sinks2.leadsToSink(module2)) return true;
    clear++;
  }
  return clear === 0;
}
function hasStarImportOfAnchor(source, s, anchors) {
  if (!s.identifiers.has(IMPORT)) return false;
  STAR_IMPORT.lastIndex = 0;
  const text = source.slice(s.start, s.end);
  for (let m = STAR_IMPORT.exec(text); m; m = STAR_IMPORT.exec(text)) {
    if (hasAnchorIn(anchors, s.start + m.index, s.start + m.index + m[0].length)) return true;
  }
  return false;
}
var PLAIN_IMPORT = /^[ \t]*import[ \t]+([\w. \t,]+?)[ \t]*(?:#[^\n]*)?(?:\n|$)/y;
var BLANK_OR_COMMENT_LINES = /^(?:[ \t]*(?:#[^\n]*)?(?:\n|$))*$/;
function importedFromAnchors(source, s, anchors) {
  if (!s.identifiers.has(IMPORT)) return void 0;
  const text = source.slice(s.start, s.end);
  PLAIN_IMPORT.lastIndex = 0;
  const m = PLAIN_IMPORT.exec(text);
  if (!m || !BLANK_OR_COMMENT_LINES.test(text.slice(m[0].length))) return void 0;
  const names = /* @__PURE__ */ new Set();
  let at = s.start + m.index + m[0].indexOf(m[1]);
  for (const clause of m[1].split(",")) {
    if (hasAnchorIn(anchors, at, at + clause.length)) {
      const words = clause.trim().split(/\s+/);
      names.add(identifierKey(words.length === 3 && words[1] === "as" ? words[2] : words[0].split(".")[0]));
    }
    at += clause.length + 1;
  }
  return names;
}
function intersects(a, b) {
  return a.size > b.size ? someIn(b, a) : someIn(a, b);
}
function someIn(a, b) {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
function addAll2(into, from) {
  for (const x of from) into.add(x);
}
for (let round = 0; round < 2; round++) {
  for (const s of splitTopLevel(RARE_FORMS) ?? []) {
    assignedAttributes(RARE_FORMS, s);
    for (const m of s.isClass && splitClassBody(RARE_FORMS, s) || []) assignedAttributes(RARE_FORMS, m);
  }
}

// src/languages/python/project-tokens.ts
var TokensWithWords = class {
  constructor(tokens, words) {
    this.tokens = tokens;
    this.words = words.filter((w) => w !== "").map((word) => ({ word, step: searchedPlainly(word) ? word.length : 1 }));
  }
  tokens;
  words;
  offsetsIn(text) {
    const found = this.tokens.offsetsIn(text);
    const more = [];
    for (const { word, step } of this.words) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + step)) more.push(at);
    if (!more.length) return found;
    more.sort((a, b) => a - b);
    return merged(found, more);
  }
  hasExtra(name2) {
    return this.tokens.hasExtra(name2);
  }
  extraOffsetsIn(text, name2) {
    return this.tokens.extraOffsetsIn(text, name2);
  }
};
function merged(a, b) {
  const out2 = [];
  let i2 = 0;
  let j = 0;
  while (i2 < a.length && j < b.length) out2.push(a[i2] <= b[j] ? a[i2++] : b[j++]);
  while (i2 < a.length) out2.push(a[i2++]);
  while (j < b.length) out2.push(b[j++]);
  return out2;
}

// node_modules/web-tree-sitter/tree-sitter.js
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  language;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
  }
  /** Get the current symbol of the lookahead iterator. */
  get currentTypeId() {
    return C._ts_lookahead_iterator_current_symbol(this[0]);
  }
  /** Get the current symbol name of the lookahead iterator. */
  get currentType() {
    return this.language.types[this.currentTypeId] || "ERROR";
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    return Boolean(C._ts_lookahead_iterator_reset_state(this[0], stateId));
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        if (C._ts_lookahead_iterator_next(this[0])) {
          return { done: false, value: this.currentType };
        }
        return { done: true, value: "" };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [2] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [3] = 0;
  // Internal handle for Wasm
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    const copy = new _TreeCursor(INTERNAL, this.tree);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    unmarshalTreeCursor(copy);
    return copy;
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this[0] = this[1] = this[2] = 0;
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns the index of the child node if one was found, and returns
   * `null` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index2) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index2);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index2) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index2);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index2) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index2);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index2) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index2);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index2) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index2, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index2) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index2, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (const node_type of types) {
      if (node_type == "ERROR") {
        symbols.push(65535);
      }
    }
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    if (this.startIndex >= edit.oldEndIndex) {
      this.startIndex = edit.newEndIndex + (this.startIndex - edit.oldEndIndex);
      let subbedPointRow;
      let subbedPointColumn;
      if (this.startPosition.row > edit.oldEndPosition.row) {
        subbedPointRow = this.startPosition.row - edit.oldEndPosition.row;
        subbedPointColumn = this.startPosition.column;
      } else {
        subbedPointRow = 0;
        subbedPointColumn = this.startPosition.column;
        if (this.startPosition.column >= edit.oldEndPosition.column) {
          subbedPointColumn = this.startPosition.column - edit.oldEndPosition.column;
        }
      }
      if (subbedPointRow > 0) {
        this.startPosition.row += subbedPointRow;
        this.startPosition.column = subbedPointColumn;
      } else {
        this.startPosition.column += subbedPointColumn;
      }
    } else if (this.startIndex > edit.startIndex) {
      this.startIndex = edit.newEndIndex;
      this.startPosition.row = edit.newEndPosition.row;
      this.startPosition.column = edit.newEndPosition.column;
    }
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index2 = 0) {
  let address = TRANSFER_BUFFER + index2 * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index2 = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index2,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor(cursor, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, cursor[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, cursor[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, cursor[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, cursor[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor(cursor) {
  cursor[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  cursor[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  cursor[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  cursor[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index2, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index2;
    this.length = length;
    this.name = "QueryError";
  }
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index2, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index2].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index2].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index2, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index2].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index2, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index2].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index2, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index2]) properties[index2] = {};
  properties[index2][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index2, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index2]) setProperties[index2] = {};
  setProperties[index2][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index2, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index2, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index2, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index2, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index2, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index2, setProperties);
        break;
      default:
        predicates[index2].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
  }
  /** Delete the query, freeing its resources. */
  delete() {
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { pattern: patternIndex, patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the byte offset where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_start_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the byte offset where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_end_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if a given step in a query is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(byteIndex) {
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteIndex) === 1;
  }
};
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * @deprecated since version 0.25.0, use {@link Language#abiVersion} instead
   * Gets the version of the language.
   */
  get version() {
    return C._ts_language_version(this[0]);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    const address = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(address);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. Newly created lookahead iterators will return the `ERROR`
   * symbol from {@link LookaheadIterator#currentType}.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * @deprecated since version 0.25.0, call `new` on a {@link Query} instead
   *
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  query(source) {
    console.warn("Language.query is deprecated. Use new Query(language, source) instead.");
    return new Query(this, source);
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file or as a buffer.
   */
  static async load(input) {
    let bytes;
    if (input instanceof Uint8Array) {
      bytes = Promise.resolve(input);
    } else {
      if (globalThis.process?.versions.node) {
        const fs2 = await import("fs/promises");
        bytes = fs2.readFile(input);
      } else {
        bytes = fetch(input).then((response) => response.arrayBuffer().then((buffer) => {
          if (response.ok) {
            return new Uint8Array(buffer);
          } else {
            const body2 = new TextDecoder("utf-8").decode(buffer);
            throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
          }
        }));
      }
    }
    const mod = await C.loadWebAssemblyModule(await bytes, { loadAsync: true });
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in WASM file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error("Language.load failed: no language function found in WASM file");
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
};
var Module2 = (() => {
  var _scriptName = import.meta.url;
  return async function(moduleArg = {}) {
    var moduleRtn;
    var Module = moduleArg;
    var readyPromiseResolve, readyPromiseReject;
    var readyPromise = new Promise((resolve, reject) => {
      readyPromiseResolve = resolve;
      readyPromiseReject = reject;
    });
    var ENVIRONMENT_IS_WEB = typeof window == "object";
    var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
    var ENVIRONMENT_IS_NODE = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string" && process.type != "renderer";
    var ENVIRONMENT_IS_SHELL = !ENVIRONMENT_IS_WEB && !ENVIRONMENT_IS_NODE && !ENVIRONMENT_IS_WORKER;
    if (ENVIRONMENT_IS_NODE) {
      const { createRequire: createRequire2 } = await import("module");
      var require = createRequire2(import.meta.url);
    }
    Module.currentQueryProgressCallback = null;
    Module.currentProgressCallback = null;
    Module.currentLogCallback = null;
    Module.currentParseCallback = null;
    var moduleOverrides = Object.assign({}, Module);
    var arguments_ = [];
    var thisProgram = "./this.program";
    var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      throw toThrow;
    }, "quit_");
    var scriptDirectory = "";
    function locateFile(path) {
      if (Module["locateFile"]) {
        return Module["locateFile"](path, scriptDirectory);
      }
      return scriptDirectory + path;
    }
    __name(locateFile, "locateFile");
    var readAsync, readBinary;
    if (ENVIRONMENT_IS_NODE) {
      var fs = require("fs");
      var nodePath = require("path");
      if (!import.meta.url.startsWith("data:")) {
        scriptDirectory = nodePath.dirname(require("url").fileURLToPath(import.meta.url)) + "/";
      }
      readBinary = /* @__PURE__ */ __name((filename) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename);
        return ret;
      }, "readBinary");
      readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
        return ret;
      }, "readAsync");
      if (!Module["thisProgram"] && process.argv.length > 1) {
        thisProgram = process.argv[1].replace(/\\/g, "/");
      }
      arguments_ = process.argv.slice(2);
      quit_ = /* @__PURE__ */ __name((status, toThrow) => {
        process.exitCode = status;
        throw toThrow;
      }, "quit_");
    } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
      if (ENVIRONMENT_IS_WORKER) {
        scriptDirectory = self.location.href;
      } else if (typeof document != "undefined" && document.currentScript) {
        scriptDirectory = document.currentScript.src;
      }
      if (_scriptName) {
        scriptDirectory = _scriptName;
      }
      if (scriptDirectory.startsWith("blob:")) {
        scriptDirectory = "";
      } else {
        scriptDirectory = scriptDirectory.slice(0, scriptDirectory.replace(/[?#].*/, "").lastIndexOf("/") + 1);
      }
      {
        if (ENVIRONMENT_IS_WORKER) {
          readBinary = /* @__PURE__ */ __name((url) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, false);
            xhr.responseType = "arraybuffer";
            xhr.send(null);
            return new Uint8Array(
              /** @type{!ArrayBuffer} */
              xhr.response
            );
          }, "readBinary");
        }
        readAsync = /* @__PURE__ */ __name(async (url) => {
          if (isFileURI(url)) {
            return new Promise((resolve, reject) => {
              var xhr = new XMLHttpRequest();
              xhr.open("GET", url, true);
              xhr.responseType = "arraybuffer";
              xhr.onload = () => {
                if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                  resolve(xhr.response);
                  return;
                }
                reject(xhr.status);
              };
              xhr.onerror = reject;
              xhr.send(null);
            });
          }
          var response = await fetch(url, {
            credentials: "same-origin"
          });
          if (response.ok) {
            return response.arrayBuffer();
          }
          throw new Error(response.status + " : " + response.url);
        }, "readAsync");
      }
    } else {
    }
    var out = Module["print"] || console.log.bind(console);
    var err = Module["printErr"] || console.error.bind(console);
    Object.assign(Module, moduleOverrides);
    moduleOverrides = null;
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    var dynamicLibraries = Module["dynamicLibraries"] || [];
    var wasmBinary = Module["wasmBinary"];
    var wasmMemory;
    var ABORT = false;
    var EXITSTATUS;
    function assert(condition2, text) {
      if (!condition2) {
        abort(text);
      }
    }
    __name(assert, "assert");
    var HEAP, HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAP64, HEAPU64, HEAPF64;
    var HEAP_DATA_VIEW;
    var runtimeInitialized = false;
    var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
    function updateMemoryViews() {
      var b = wasmMemory.buffer;
      Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
      Module["HEAP8"] = HEAP8 = new Int8Array(b);
      Module["HEAP16"] = HEAP16 = new Int16Array(b);
      Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
      Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
      Module["HEAP32"] = HEAP32 = new Int32Array(b);
      Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
      Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
      Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
      Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
      Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    }
    __name(updateMemoryViews, "updateMemoryViews");
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
    var __RELOC_FUNCS__ = [];
    function preRun() {
      if (Module["preRun"]) {
        if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
        while (Module["preRun"].length) {
          addOnPreRun(Module["preRun"].shift());
        }
      }
      callRuntimeCallbacks(onPreRuns);
    }
    __name(preRun, "preRun");
    function initRuntime() {
      runtimeInitialized = true;
      callRuntimeCallbacks(__RELOC_FUNCS__);
      wasmExports["__wasm_call_ctors"]();
      callRuntimeCallbacks(onPostCtors);
    }
    __name(initRuntime, "initRuntime");
    function preMain() {
    }
    __name(preMain, "preMain");
    function postRun() {
      if (Module["postRun"]) {
        if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
        while (Module["postRun"].length) {
          addOnPostRun(Module["postRun"].shift());
        }
      }
      callRuntimeCallbacks(onPostRuns);
    }
    __name(postRun, "postRun");
    var runDependencies = 0;
    var dependenciesFulfilled = null;
    function getUniqueRunDependency(id) {
      return id;
    }
    __name(getUniqueRunDependency, "getUniqueRunDependency");
    function addRunDependency(id) {
      runDependencies++;
      Module["monitorRunDependencies"]?.(runDependencies);
    }
    __name(addRunDependency, "addRunDependency");
    function removeRunDependency(id) {
      runDependencies--;
      Module["monitorRunDependencies"]?.(runDependencies);
      if (runDependencies == 0) {
        if (dependenciesFulfilled) {
          var callback = dependenciesFulfilled;
          dependenciesFulfilled = null;
          callback();
        }
      }
    }
    __name(removeRunDependency, "removeRunDependency");
    function abort(what) {
      Module["onAbort"]?.(what);
      what = "Aborted(" + what + ")";
      err(what);
      ABORT = true;
      what += ". Build with -sASSERTIONS for more info.";
      var e = new WebAssembly.RuntimeError(what);
      readyPromiseReject(e);
      throw e;
    }
    __name(abort, "abort");
    var wasmBinaryFile;
    function findWasmBinary() {
      if (Module["locateFile"]) {
        return locateFile("tree-sitter.wasm");
      }
      return new URL("tree-sitter.wasm", import.meta.url).href;
    }
    __name(findWasmBinary, "findWasmBinary");
    function getBinarySync(file) {
      if (file == wasmBinaryFile && wasmBinary) {
        return new Uint8Array(wasmBinary);
      }
      if (readBinary) {
        return readBinary(file);
      }
      throw "both async and sync fetching of the wasm failed";
    }
    __name(getBinarySync, "getBinarySync");
    async function getWasmBinary(binaryFile) {
      if (!wasmBinary) {
        try {
          var response = await readAsync(binaryFile);
          return new Uint8Array(response);
        } catch {
        }
      }
      return getBinarySync(binaryFile);
    }
    __name(getWasmBinary, "getWasmBinary");
    async function instantiateArrayBuffer(binaryFile, imports) {
      try {
        var binary2 = await getWasmBinary(binaryFile);
        var instance2 = await WebAssembly.instantiate(binary2, imports);
        return instance2;
      } catch (reason) {
        err(`failed to asynchronously prepare wasm: ${reason}`);
        abort(reason);
      }
    }
    __name(instantiateArrayBuffer, "instantiateArrayBuffer");
    async function instantiateAsync(binary2, binaryFile, imports) {
      if (!binary2 && typeof WebAssembly.instantiateStreaming == "function" && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
        try {
          var response = fetch(binaryFile, {
            credentials: "same-origin"
          });
          var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
          return instantiationResult;
        } catch (reason) {
          err(`wasm streaming compile failed: ${reason}`);
          err("falling back to ArrayBuffer instantiation");
        }
      }
      return instantiateArrayBuffer(binaryFile, imports);
    }
    __name(instantiateAsync, "instantiateAsync");
    function getWasmImports() {
      return {
        "env": wasmImports,
        "wasi_snapshot_preview1": wasmImports,
        "GOT.mem": new Proxy(wasmImports, GOTHandler),
        "GOT.func": new Proxy(wasmImports, GOTHandler)
      };
    }
    __name(getWasmImports, "getWasmImports");
    async function createWasm() {
      function receiveInstance(instance2, module2) {
        wasmExports = instance2.exports;
        wasmExports = relocateExports(wasmExports, 1024);
        var metadata2 = getDylinkMetadata(module2);
        if (metadata2.neededDynlibs) {
          dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
        }
        mergeLibSymbols(wasmExports, "main");
        LDSO.init();
        loadDylibs();
        __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
        removeRunDependency("wasm-instantiate");
        return wasmExports;
      }
      __name(receiveInstance, "receiveInstance");
      addRunDependency("wasm-instantiate");
      function receiveInstantiationResult(result2) {
        return receiveInstance(result2["instance"], result2["module"]);
      }
      __name(receiveInstantiationResult, "receiveInstantiationResult");
      var info2 = getWasmImports();
      if (Module["instantiateWasm"]) {
        return new Promise((resolve, reject) => {
          Module["instantiateWasm"](info2, (mod, inst) => {
            receiveInstance(mod, inst);
            resolve(mod.exports);
          });
        });
      }
      wasmBinaryFile ??= findWasmBinary();
      try {
        var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
        var exports = receiveInstantiationResult(result);
        return exports;
      } catch (e) {
        readyPromiseReject(e);
        return Promise.reject(e);
      }
    }
    __name(createWasm, "createWasm");
    var ASM_CONSTS = {};
    class ExitStatus {
      static {
        __name(this, "ExitStatus");
      }
      name = "ExitStatus";
      constructor(status) {
        this.message = `Program terminated with exit(${status})`;
        this.status = status;
      }
    }
    var GOT = {};
    var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
    var GOTHandler = {
      get(obj, symName) {
        var rtn = GOT[symName];
        if (!rtn) {
          rtn = GOT[symName] = new WebAssembly.Global({
            "value": "i32",
            "mutable": true
          });
        }
        if (!currentModuleWeakSymbols.has(symName)) {
          rtn.required = true;
        }
        return rtn;
      }
    };
    var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
    var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
    var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
    var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
    var LE_HEAP_LOAD_U16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint16(byteOffset, true), "LE_HEAP_LOAD_U16");
    var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
    var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
    var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
    var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
    var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
    var LE_HEAP_STORE_U16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint16(byteOffset, value, true), "LE_HEAP_STORE_U16");
    var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
    var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
      while (callbacks.length > 0) {
        callbacks.shift()(Module);
      }
    }, "callRuntimeCallbacks");
    var onPostRuns = [];
    var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.unshift(cb), "addOnPostRun");
    var onPreRuns = [];
    var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.unshift(cb), "addOnPreRun");
    var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
    var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead = NaN) => {
      var endIdx = idx + maxBytesToRead;
      var endPtr = idx;
      while (heapOrArray[endPtr] && !(endPtr >= endIdx)) ++endPtr;
      if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
        return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
      }
      var str = "";
      while (idx < endPtr) {
        var u0 = heapOrArray[idx++];
        if (!(u0 & 128)) {
          str += String.fromCharCode(u0);
          continue;
        }
        var u1 = heapOrArray[idx++] & 63;
        if ((u0 & 224) == 192) {
          str += String.fromCharCode((u0 & 31) << 6 | u1);
          continue;
        }
        var u2 = heapOrArray[idx++] & 63;
        if ((u0 & 240) == 224) {
          u0 = (u0 & 15) << 12 | u1 << 6 | u2;
        } else {
          u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
        }
        if (u0 < 65536) {
          str += String.fromCharCode(u0);
        } else {
          var ch = u0 - 65536;
          str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
        }
      }
      return str;
    }, "UTF8ArrayToString");
    var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
      var offset = 0;
      var end = 0;
      function getU8() {
        return binary2[offset++];
      }
      __name(getU8, "getU8");
      function getLEB() {
        var ret = 0;
        var mul = 1;
        while (1) {
          var byte = binary2[offset++];
          ret += (byte & 127) * mul;
          mul *= 128;
          if (!(byte & 128)) break;
        }
        return ret;
      }
      __name(getLEB, "getLEB");
      function getString() {
        var len = getLEB();
        offset += len;
        return UTF8ArrayToString(binary2, offset - len, len);
      }
      __name(getString, "getString");
      function failIf(condition2, message15) {
        if (condition2) throw new Error(message15);
      }
      __name(failIf, "failIf");
      var name2 = "dylink.0";
      if (binary2 instanceof WebAssembly.Module) {
        var dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        if (dylinkSection.length === 0) {
          name2 = "dylink";
          dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        }
        failIf(dylinkSection.length === 0, "need dylink section");
        binary2 = new Uint8Array(dylinkSection[0]);
        end = binary2.length;
      } else {
        var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
        var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
        failIf(!magicNumberFound, "need to see wasm magic number");
        failIf(binary2[8] !== 0, "need the dylink section to be first");
        offset = 9;
        var section_size = getLEB();
        end = offset + section_size;
        name2 = getString();
      }
      var customSection = {
        neededDynlibs: [],
        tlsExports: /* @__PURE__ */ new Set(),
        weakImports: /* @__PURE__ */ new Set()
      };
      if (name2 == "dylink") {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
        var neededDynlibsCount = getLEB();
        for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
          var libname = getString();
          customSection.neededDynlibs.push(libname);
        }
      } else {
        failIf(name2 !== "dylink.0");
        var WASM_DYLINK_MEM_INFO = 1;
        var WASM_DYLINK_NEEDED = 2;
        var WASM_DYLINK_EXPORT_INFO = 3;
        var WASM_DYLINK_IMPORT_INFO = 4;
        var WASM_SYMBOL_TLS = 256;
        var WASM_SYMBOL_BINDING_MASK = 3;
        var WASM_SYMBOL_BINDING_WEAK = 1;
        while (offset < end) {
          var subsectionType = getU8();
          var subsectionSize = getLEB();
          if (subsectionType === WASM_DYLINK_MEM_INFO) {
            customSection.memorySize = getLEB();
            customSection.memoryAlign = getLEB();
            customSection.tableSize = getLEB();
            customSection.tableAlign = getLEB();
          } else if (subsectionType === WASM_DYLINK_NEEDED) {
            var neededDynlibsCount = getLEB();
            for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
              libname = getString();
              customSection.neededDynlibs.push(libname);
            }
          } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var symname = getString();
              var flags2 = getLEB();
              if (flags2 & WASM_SYMBOL_TLS) {
                customSection.tlsExports.add(symname);
              }
            }
          } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var modname = getString();
              var symname = getString();
              var flags2 = getLEB();
              if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                customSection.weakImports.add(symname);
              }
            }
          } else {
            offset += subsectionSize;
          }
        }
      }
      return customSection;
    }, "getDylinkMetadata");
    function getValue(ptr, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          return HEAP8[ptr];
        case "i8":
          return HEAP8[ptr];
        case "i16":
          return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
        case "i32":
          return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
        case "i64":
          return HEAP64[ptr >> 3];
        case "float":
          return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
        case "double":
          return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
        case "*":
          return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
        default:
          abort(`invalid type for getValue: ${type}`);
      }
    }
    __name(getValue, "getValue");
    var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
      var dso = {
        refcount: Infinity,
        name: name2,
        exports: syms,
        global: true
      };
      LDSO.loadedLibsByName[name2] = dso;
      if (handle2 != void 0) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return dso;
    }, "newDSO");
    var LDSO = {
      loadedLibsByName: {},
      loadedLibsByHandle: {},
      init() {
        newDSO("__main__", 0, wasmImports);
      }
    };
    var ___heap_base = 78224;
    var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
    var getMemory = /* @__PURE__ */ __name((size) => {
      if (runtimeInitialized) {
        return _calloc(size, 1);
      }
      var ret = ___heap_base;
      var end = ret + alignMemory(size, 16);
      ___heap_base = end;
      GOT["__heap_base"].value = end;
      return ret;
    }, "getMemory");
    var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
    var uleb128Encode = /* @__PURE__ */ __name((n, target) => {
      if (n < 128) {
        target.push(n);
      } else {
        target.push(n % 128 | 128, n >> 7);
      }
    }, "uleb128Encode");
    var sigToWasmTypes = /* @__PURE__ */ __name((sig) => {
      var typeNames = {
        "i": "i32",
        "j": "i64",
        "f": "f32",
        "d": "f64",
        "e": "externref",
        "p": "i32"
      };
      var type = {
        parameters: [],
        results: sig[0] == "v" ? [] : [typeNames[sig[0]]]
      };
      for (var i2 = 1; i2 < sig.length; ++i2) {
        type.parameters.push(typeNames[sig[i2]]);
      }
      return type;
    }, "sigToWasmTypes");
    var generateFuncType = /* @__PURE__ */ __name((sig, target) => {
      var sigRet = sig.slice(0, 1);
      var sigParam = sig.slice(1);
      var typeCodes = {
        "i": 127,
        // i32
        "p": 127,
        // i32
        "j": 126,
        // i64
        "f": 125,
        // f32
        "d": 124,
        // f64
        "e": 111
      };
      target.push(96);
      uleb128Encode(sigParam.length, target);
      for (var i2 = 0; i2 < sigParam.length; ++i2) {
        target.push(typeCodes[sigParam[i2]]);
      }
      if (sigRet == "v") {
        target.push(0);
      } else {
        target.push(1, typeCodes[sigRet]);
      }
    }, "generateFuncType");
    var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
      if (typeof WebAssembly.Function == "function") {
        return new WebAssembly.Function(sigToWasmTypes(sig), func2);
      }
      var typeSectionBody = [1];
      generateFuncType(sig, typeSectionBody);
      var bytes = [
        0,
        97,
        115,
        109,
        // magic ("\0asm")
        1,
        0,
        0,
        0,
        // version: 1
        1
      ];
      uleb128Encode(typeSectionBody.length, bytes);
      bytes.push(...typeSectionBody);
      bytes.push(
        2,
        7,
        // import section
        // (import "e" "f" (func 0 (type 0)))
        1,
        1,
        101,
        1,
        102,
        0,
        0,
        7,
        5,
        // export section
        // (export "f" (func 0 (type 0)))
        1,
        1,
        102,
        0,
        0
      );
      var module2 = new WebAssembly.Module(new Uint8Array(bytes));
      var instance2 = new WebAssembly.Instance(module2, {
        "e": {
          "f": func2
        }
      });
      var wrappedFunc = instance2.exports["f"];
      return wrappedFunc;
    }, "convertJsFunctionToWasm");
    var wasmTableMirror = [];
    var wasmTable = new WebAssembly.Table({
      "initial": 31,
      "element": "anyfunc"
    });
    var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
      var func2 = wasmTableMirror[funcPtr];
      if (!func2) {
        if (funcPtr >= wasmTableMirror.length) wasmTableMirror.length = funcPtr + 1;
        wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
      }
      return func2;
    }, "getWasmTableEntry");
    var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
      if (functionsInTableMap) {
        for (var i2 = offset; i2 < offset + count; i2++) {
          var item = getWasmTableEntry(i2);
          if (item) {
            functionsInTableMap.set(item, i2);
          }
        }
      }
    }, "updateTableMap");
    var functionsInTableMap;
    var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
      if (!functionsInTableMap) {
        functionsInTableMap = /* @__PURE__ */ new WeakMap();
        updateTableMap(0, wasmTable.length);
      }
      return functionsInTableMap.get(func2) || 0;
    }, "getFunctionAddress");
    var freeTableIndexes = [];
    var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
      if (freeTableIndexes.length) {
        return freeTableIndexes.pop();
      }
      try {
        wasmTable.grow(1);
      } catch (err2) {
        if (!(err2 instanceof RangeError)) {
          throw err2;
        }
        throw "Unable to grow wasm table. Set ALLOW_TABLE_GROWTH.";
      }
      return wasmTable.length - 1;
    }, "getEmptyTableSlot");
    var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
      wasmTable.set(idx, func2);
      wasmTableMirror[idx] = wasmTable.get(idx);
    }, "setWasmTableEntry");
    var addFunction = /* @__PURE__ */ __name((func2, sig) => {
      var rtn = getFunctionAddress(func2);
      if (rtn) {
        return rtn;
      }
      var ret = getEmptyTableSlot();
      try {
        setWasmTableEntry(ret, func2);
      } catch (err2) {
        if (!(err2 instanceof TypeError)) {
          throw err2;
        }
        var wrapped = convertJsFunctionToWasm(func2, sig);
        setWasmTableEntry(ret, wrapped);
      }
      functionsInTableMap.set(func2, ret);
      return ret;
    }, "addFunction");
    var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
      for (var symName in exports) {
        if (isInternalSym(symName)) {
          continue;
        }
        var value = exports[symName];
        GOT[symName] ||= new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
        if (replace || GOT[symName].value == 0) {
          if (typeof value == "function") {
            GOT[symName].value = addFunction(value);
          } else if (typeof value == "number") {
            GOT[symName].value = value;
          } else {
            err(`unhandled export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "updateGOT");
    var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
      var relocated = {};
      for (var e in exports) {
        var value = exports[e];
        if (typeof value == "object") {
          value = value.value;
        }
        if (typeof value == "number") {
          value += memoryBase2;
        }
        relocated[e] = value;
      }
      updateGOT(relocated, replace);
      return relocated;
    }, "relocateExports");
    var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
      var existing = wasmImports[symName];
      if (!existing || existing.stub) {
        return false;
      }
      return true;
    }, "isSymbolDefined");
    var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = []) => {
      var rtn = getWasmTableEntry(ptr)(...args2);
      return rtn;
    }, "dynCall");
    var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
    var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
    var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
      var sp = stackSave();
      try {
        return dynCall(sig, ptr, args2);
      } catch (e) {
        stackRestore(sp);
        if (e !== e + 0) throw e;
        _setThrew(1, 0);
        if (sig[0] == "j") return 0n;
      }
    }, "createInvokeFunction");
    var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
      var sym;
      if (isSymbolDefined(symName)) {
        sym = wasmImports[symName];
      } else if (symName.startsWith("invoke_")) {
        sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
      }
      return {
        sym,
        name: symName
      };
    }, "resolveGlobalSymbol");
    var onPostCtors = [];
    var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.unshift(cb), "addOnPostCtor");
    var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead) : "", "UTF8ToString");
    var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
      var metadata = getDylinkMetadata(binary);
      currentModuleWeakSymbols = metadata.weakImports;
      function loadModule() {
        var memAlign = Math.pow(2, metadata.memoryAlign);
        var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
        var tableBase = metadata.tableSize ? wasmTable.length : 0;
        if (handle) {
          HEAP8[handle + 8] = 1;
          LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
          LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
          LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
          LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
        }
        if (metadata.tableSize) {
          wasmTable.grow(metadata.tableSize);
        }
        var moduleExports;
        function resolveSymbol(sym) {
          var resolved = resolveGlobalSymbol(sym).sym;
          if (!resolved && localScope) {
            resolved = localScope[sym];
          }
          if (!resolved) {
            resolved = moduleExports[sym];
          }
          return resolved;
        }
        __name(resolveSymbol, "resolveSymbol");
        var proxyHandler = {
          get(stubs, prop) {
            switch (prop) {
              case "__memory_base":
                return memoryBase;
              case "__table_base":
                return tableBase;
            }
            if (prop in wasmImports && !wasmImports[prop].stub) {
              var res = wasmImports[prop];
              return res;
            }
            if (!(prop in stubs)) {
              var resolved;
              stubs[prop] = (...args2) => {
                resolved ||= resolveSymbol(prop);
                return resolved(...args2);
              };
            }
            return stubs[prop];
          }
        };
        var proxy = new Proxy({}, proxyHandler);
        var info = {
          "GOT.mem": new Proxy({}, GOTHandler),
          "GOT.func": new Proxy({}, GOTHandler),
          "env": proxy,
          "wasi_snapshot_preview1": proxy
        };
        function postInstantiation(module, instance) {
          updateTableMap(tableBase, metadata.tableSize);
          moduleExports = relocateExports(instance.exports, memoryBase);
          if (!flags.allowUndefined) {
            reportUndefinedSymbols();
          }
          function addEmAsm(addr, body) {
            var args = [];
            var arity = 0;
            for (; arity < 16; arity++) {
              if (body.indexOf("$" + arity) != -1) {
                args.push("$" + arity);
              } else {
                break;
              }
            }
            args = args.join(",");
            var func = `(${args}) => { ${body} };`;
            ASM_CONSTS[start] = eval(func);
          }
          __name(addEmAsm, "addEmAsm");
          if ("__start_em_asm" in moduleExports) {
            var start = moduleExports["__start_em_asm"];
            var stop = moduleExports["__stop_em_asm"];
            while (start < stop) {
              var jsString = UTF8ToString(start);
              addEmAsm(start, jsString);
              start = HEAPU8.indexOf(0, start) + 1;
            }
          }
          function addEmJs(name, cSig, body) {
            var jsArgs = [];
            cSig = cSig.slice(1, -1);
            if (cSig != "void") {
              cSig = cSig.split(",");
              for (var i in cSig) {
                var jsArg = cSig[i].split(" ").pop();
                jsArgs.push(jsArg.replace("*", ""));
              }
            }
            var func = `(${jsArgs}) => ${body};`;
            moduleExports[name] = eval(func);
          }
          __name(addEmJs, "addEmJs");
          for (var name in moduleExports) {
            if (name.startsWith("__em_js__")) {
              var start = moduleExports[name];
              var jsString = UTF8ToString(start);
              var parts = jsString.split("<::>");
              addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
              delete moduleExports[name];
            }
          }
          var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
          if (applyRelocs) {
            if (runtimeInitialized) {
              applyRelocs();
            } else {
              __RELOC_FUNCS__.push(applyRelocs);
            }
          }
          var init = moduleExports["__wasm_call_ctors"];
          if (init) {
            if (runtimeInitialized) {
              init();
            } else {
              addOnPostCtor(init);
            }
          }
          return moduleExports;
        }
        __name(postInstantiation, "postInstantiation");
        if (flags.loadAsync) {
          if (binary instanceof WebAssembly.Module) {
            var instance = new WebAssembly.Instance(binary, info);
            return Promise.resolve(postInstantiation(binary, instance));
          }
          return WebAssembly.instantiate(binary, info).then((result) => postInstantiation(result.module, result.instance));
        }
        var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
        var instance = new WebAssembly.Instance(module, info);
        return postInstantiation(module, instance);
      }
      __name(loadModule, "loadModule");
      if (flags.loadAsync) {
        return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
      }
      metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
      return loadModule();
    }, "loadWebAssemblyModule");
    var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
      for (var [sym, exp] of Object.entries(exports)) {
        const setImport = /* @__PURE__ */ __name((target) => {
          if (!isSymbolDefined(target)) {
            wasmImports[target] = exp;
          }
        }, "setImport");
        setImport(sym);
        const main_alias = "__main_argc_argv";
        if (sym == "main") {
          setImport(main_alias);
        }
        if (sym == main_alias) {
          setImport("main");
        }
      }
    }, "mergeLibSymbols");
    var asyncLoad = /* @__PURE__ */ __name(async (url) => {
      var arrayBuffer = await readAsync(url);
      return new Uint8Array(arrayBuffer);
    }, "asyncLoad");
    function loadDynamicLibrary(libName2, flags2 = {
      global: true,
      nodelete: true
    }, localScope2, handle2) {
      var dso = LDSO.loadedLibsByName[libName2];
      if (dso) {
        if (!flags2.global) {
          if (localScope2) {
            Object.assign(localScope2, dso.exports);
          }
        } else if (!dso.global) {
          dso.global = true;
          mergeLibSymbols(dso.exports, libName2);
        }
        if (flags2.nodelete && dso.refcount !== Infinity) {
          dso.refcount = Infinity;
        }
        dso.refcount++;
        if (handle2) {
          LDSO.loadedLibsByHandle[handle2] = dso;
        }
        return flags2.loadAsync ? Promise.resolve(true) : true;
      }
      dso = newDSO(libName2, handle2, "loading");
      dso.refcount = flags2.nodelete ? Infinity : 1;
      dso.global = flags2.global;
      function loadLibData() {
        if (handle2) {
          var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
          var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
          if (data && dataSize) {
            var libData = HEAP8.slice(data, data + dataSize);
            return flags2.loadAsync ? Promise.resolve(libData) : libData;
          }
        }
        var libFile = locateFile(libName2);
        if (flags2.loadAsync) {
          return asyncLoad(libFile);
        }
        if (!readBinary) {
          throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
        }
        return readBinary(libFile);
      }
      __name(loadLibData, "loadLibData");
      function getExports() {
        if (flags2.loadAsync) {
          return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
        }
        return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
      }
      __name(getExports, "getExports");
      function moduleLoaded(exports) {
        if (dso.global) {
          mergeLibSymbols(exports, libName2);
        } else if (localScope2) {
          Object.assign(localScope2, exports);
        }
        dso.exports = exports;
      }
      __name(moduleLoaded, "moduleLoaded");
      if (flags2.loadAsync) {
        return getExports().then((exports) => {
          moduleLoaded(exports);
          return true;
        });
      }
      moduleLoaded(getExports());
      return true;
    }
    __name(loadDynamicLibrary, "loadDynamicLibrary");
    var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
      for (var [symName, entry2] of Object.entries(GOT)) {
        if (entry2.value == 0) {
          var value = resolveGlobalSymbol(symName, true).sym;
          if (!value && !entry2.required) {
            continue;
          }
          if (typeof value == "function") {
            entry2.value = addFunction(value, value.sig);
          } else if (typeof value == "number") {
            entry2.value = value;
          } else {
            throw new Error(`bad export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "reportUndefinedSymbols");
    var loadDylibs = /* @__PURE__ */ __name(() => {
      if (!dynamicLibraries.length) {
        reportUndefinedSymbols();
        return;
      }
      addRunDependency("loadDylibs");
      dynamicLibraries.reduce((chain, lib) => chain.then(() => loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      })), Promise.resolve()).then(() => {
        reportUndefinedSymbols();
        removeRunDependency("loadDylibs");
      });
    }, "loadDylibs");
    var noExitRuntime = Module["noExitRuntime"] || true;
    function setValue(ptr, value, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          HEAP8[ptr] = value;
          break;
        case "i8":
          HEAP8[ptr] = value;
          break;
        case "i16":
          LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
          break;
        case "i32":
          LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
          break;
        case "i64":
          HEAP64[ptr >> 3] = BigInt(value);
          break;
        case "float":
          LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
          break;
        case "double":
          LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
          break;
        case "*":
          LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
          break;
        default:
          abort(`invalid type for setValue: ${type}`);
      }
    }
    __name(setValue, "setValue");
    var ___memory_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1024);
    var ___stack_pointer = new WebAssembly.Global({
      "value": "i32",
      "mutable": true
    }, 78224);
    var ___table_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1);
    var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
    __abort_js.sig = "v";
    var _emscripten_get_now = /* @__PURE__ */ __name(() => performance.now(), "_emscripten_get_now");
    _emscripten_get_now.sig = "d";
    var _emscripten_date_now = /* @__PURE__ */ __name(() => Date.now(), "_emscripten_date_now");
    _emscripten_date_now.sig = "d";
    var nowIsMonotonic = 1;
    var checkWasiClock = /* @__PURE__ */ __name((clock_id) => clock_id >= 0 && clock_id <= 3, "checkWasiClock");
    var INT53_MAX = 9007199254740992;
    var INT53_MIN = -9007199254740992;
    var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
    function _clock_time_get(clk_id, ignored_precision, ptime) {
      ignored_precision = bigintToI53Checked(ignored_precision);
      if (!checkWasiClock(clk_id)) {
        return 28;
      }
      var now;
      if (clk_id === 0) {
        now = _emscripten_date_now();
      } else if (nowIsMonotonic) {
        now = _emscripten_get_now();
      } else {
        return 52;
      }
      var nsec = Math.round(now * 1e3 * 1e3);
      HEAP64[ptime >> 3] = BigInt(nsec);
      return 0;
    }
    __name(_clock_time_get, "_clock_time_get");
    _clock_time_get.sig = "iijp";
    var getHeapMax = /* @__PURE__ */ __name(() => (
      // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
      // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
      // for any code that deals with heap sizes, which would require special
      // casing all heap size related code to treat 0 specially.
      2147483648
    ), "getHeapMax");
    var growMemory = /* @__PURE__ */ __name((size) => {
      var b = wasmMemory.buffer;
      var pages = (size - b.byteLength + 65535) / 65536 | 0;
      try {
        wasmMemory.grow(pages);
        updateMemoryViews();
        return 1;
      } catch (e) {
      }
    }, "growMemory");
    var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
      var oldSize = HEAPU8.length;
      requestedSize >>>= 0;
      var maxHeapSize = getHeapMax();
      if (requestedSize > maxHeapSize) {
        return false;
      }
      for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
        var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
        overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
        var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
        var replacement = growMemory(newSize);
        if (replacement) {
          return true;
        }
      }
      return false;
    }, "_emscripten_resize_heap");
    _emscripten_resize_heap.sig = "ip";
    var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
    _fd_close.sig = "ii";
    function _fd_seek(fd, offset, whence, newOffset) {
      offset = bigintToI53Checked(offset);
      return 70;
    }
    __name(_fd_seek, "_fd_seek");
    _fd_seek.sig = "iijip";
    var printCharBuffers = [null, [], []];
    var printChar = /* @__PURE__ */ __name((stream, curr) => {
      var buffer = printCharBuffers[stream];
      if (curr === 0 || curr === 10) {
        (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
        buffer.length = 0;
      } else {
        buffer.push(curr);
      }
    }, "printChar");
    var flush_NO_FILESYSTEM = /* @__PURE__ */ __name(() => {
      if (printCharBuffers[1].length) printChar(1, 10);
      if (printCharBuffers[2].length) printChar(2, 10);
    }, "flush_NO_FILESYSTEM");
    var SYSCALLS = {
      varargs: void 0,
      getStr(ptr) {
        var ret = UTF8ToString(ptr);
        return ret;
      }
    };
    var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
      var num = 0;
      for (var i2 = 0; i2 < iovcnt; i2++) {
        var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
        var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
        iov += 8;
        for (var j = 0; j < len; j++) {
          printChar(fd, HEAPU8[ptr + j]);
        }
        num += len;
      }
      LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
      return 0;
    }, "_fd_write");
    _fd_write.sig = "iippp";
    function _tree_sitter_log_callback(isLexMessage, messageAddress) {
      if (Module.currentLogCallback) {
        const message15 = UTF8ToString(messageAddress);
        Module.currentLogCallback(message15, isLexMessage !== 0);
      }
    }
    __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
    function _tree_sitter_parse_callback(inputBufferAddress, index2, row, column, lengthAddress) {
      const INPUT_BUFFER_SIZE = 10 * 1024;
      const string = Module.currentParseCallback(index2, {
        row,
        column
      });
      if (typeof string === "string") {
        setValue(lengthAddress, string.length, "i32");
        stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
      } else {
        setValue(lengthAddress, 0, "i32");
      }
    }
    __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
    function _tree_sitter_progress_callback(currentOffset, hasError) {
      if (Module.currentProgressCallback) {
        return Module.currentProgressCallback({
          currentOffset,
          hasError
        });
      }
      return false;
    }
    __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
    function _tree_sitter_query_progress_callback(currentOffset) {
      if (Module.currentQueryProgressCallback) {
        return Module.currentQueryProgressCallback({
          currentOffset
        });
      }
      return false;
    }
    __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
    var runtimeKeepaliveCounter = 0;
    var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
    var _proc_exit = /* @__PURE__ */ __name((code3) => {
      EXITSTATUS = code3;
      if (!keepRuntimeAlive()) {
        Module["onExit"]?.(code3);
        ABORT = true;
      }
      quit_(code3, new ExitStatus(code3));
    }, "_proc_exit");
    _proc_exit.sig = "vi";
    var exitJS = /* @__PURE__ */ __name((status, implicit) => {
      EXITSTATUS = status;
      _proc_exit(status);
    }, "exitJS");
    var handleException = /* @__PURE__ */ __name((e) => {
      if (e instanceof ExitStatus || e == "unwind") {
        return EXITSTATUS;
      }
      quit_(1, e);
    }, "handleException");
    var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
      var len = 0;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var c = str.charCodeAt(i2);
        if (c <= 127) {
          len++;
        } else if (c <= 2047) {
          len += 2;
        } else if (c >= 55296 && c <= 57343) {
          len += 4;
          ++i2;
        } else {
          len += 3;
        }
      }
      return len;
    }, "lengthBytesUTF8");
    var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
      if (!(maxBytesToWrite > 0)) return 0;
      var startIdx = outIdx;
      var endIdx = outIdx + maxBytesToWrite - 1;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var u = str.charCodeAt(i2);
        if (u >= 55296 && u <= 57343) {
          var u1 = str.charCodeAt(++i2);
          u = 65536 + ((u & 1023) << 10) | u1 & 1023;
        }
        if (u <= 127) {
          if (outIdx >= endIdx) break;
          heap[outIdx++] = u;
        } else if (u <= 2047) {
          if (outIdx + 1 >= endIdx) break;
          heap[outIdx++] = 192 | u >> 6;
          heap[outIdx++] = 128 | u & 63;
        } else if (u <= 65535) {
          if (outIdx + 2 >= endIdx) break;
          heap[outIdx++] = 224 | u >> 12;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        } else {
          if (outIdx + 3 >= endIdx) break;
          heap[outIdx++] = 240 | u >> 18;
          heap[outIdx++] = 128 | u >> 12 & 63;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        }
      }
      heap[outIdx] = 0;
      return outIdx - startIdx;
    }, "stringToUTF8Array");
    var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
    var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
    var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
      var size = lengthBytesUTF8(str) + 1;
      var ret = stackAlloc(size);
      stringToUTF8(str, ret, size);
      return ret;
    }, "stringToUTF8OnStack");
    var AsciiToString = /* @__PURE__ */ __name((ptr) => {
      var str = "";
      while (1) {
        var ch = HEAPU8[ptr++];
        if (!ch) return str;
        str += String.fromCharCode(ch);
      }
    }, "AsciiToString");
    var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
      maxBytesToWrite ??= 2147483647;
      if (maxBytesToWrite < 2) return 0;
      maxBytesToWrite -= 2;
      var startPtr = outPtr;
      var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
      for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
        var codeUnit = str.charCodeAt(i2);
        LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
        outPtr += 2;
      }
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
      return outPtr - startPtr;
    }, "stringToUTF16");
    var wasmImports = {
      /** @export */
      __heap_base: ___heap_base,
      /** @export */
      __indirect_function_table: wasmTable,
      /** @export */
      __memory_base: ___memory_base,
      /** @export */
      __stack_pointer: ___stack_pointer,
      /** @export */
      __table_base: ___table_base,
      /** @export */
      _abort_js: __abort_js,
      /** @export */
      clock_time_get: _clock_time_get,
      /** @export */
      emscripten_resize_heap: _emscripten_resize_heap,
      /** @export */
      fd_close: _fd_close,
      /** @export */
      fd_seek: _fd_seek,
      /** @export */
      fd_write: _fd_write,
      /** @export */
      memory: wasmMemory,
      /** @export */
      tree_sitter_log_callback: _tree_sitter_log_callback,
      /** @export */
      tree_sitter_parse_callback: _tree_sitter_parse_callback,
      /** @export */
      tree_sitter_progress_callback: _tree_sitter_progress_callback,
      /** @export */
      tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
    };
    var wasmExports = await createWasm();
    var ___wasm_call_ctors = wasmExports["__wasm_call_ctors"];
    var _malloc = Module["_malloc"] = wasmExports["malloc"];
    var _calloc = Module["_calloc"] = wasmExports["calloc"];
    var _realloc = Module["_realloc"] = wasmExports["realloc"];
    var _free = Module["_free"] = wasmExports["free"];
    var _memcmp = Module["_memcmp"] = wasmExports["memcmp"];
    var _ts_language_symbol_count = Module["_ts_language_symbol_count"] = wasmExports["ts_language_symbol_count"];
    var _ts_language_state_count = Module["_ts_language_state_count"] = wasmExports["ts_language_state_count"];
    var _ts_language_version = Module["_ts_language_version"] = wasmExports["ts_language_version"];
    var _ts_language_abi_version = Module["_ts_language_abi_version"] = wasmExports["ts_language_abi_version"];
    var _ts_language_metadata = Module["_ts_language_metadata"] = wasmExports["ts_language_metadata"];
    var _ts_language_name = Module["_ts_language_name"] = wasmExports["ts_language_name"];
    var _ts_language_field_count = Module["_ts_language_field_count"] = wasmExports["ts_language_field_count"];
    var _ts_language_next_state = Module["_ts_language_next_state"] = wasmExports["ts_language_next_state"];
    var _ts_language_symbol_name = Module["_ts_language_symbol_name"] = wasmExports["ts_language_symbol_name"];
    var _ts_language_symbol_for_name = Module["_ts_language_symbol_for_name"] = wasmExports["ts_language_symbol_for_name"];
    var _strncmp = Module["_strncmp"] = wasmExports["strncmp"];
    var _ts_language_symbol_type = Module["_ts_language_symbol_type"] = wasmExports["ts_language_symbol_type"];
    var _ts_language_field_name_for_id = Module["_ts_language_field_name_for_id"] = wasmExports["ts_language_field_name_for_id"];
    var _ts_lookahead_iterator_new = Module["_ts_lookahead_iterator_new"] = wasmExports["ts_lookahead_iterator_new"];
    var _ts_lookahead_iterator_delete = Module["_ts_lookahead_iterator_delete"] = wasmExports["ts_lookahead_iterator_delete"];
    var _ts_lookahead_iterator_reset_state = Module["_ts_lookahead_iterator_reset_state"] = wasmExports["ts_lookahead_iterator_reset_state"];
    var _ts_lookahead_iterator_reset = Module["_ts_lookahead_iterator_reset"] = wasmExports["ts_lookahead_iterator_reset"];
    var _ts_lookahead_iterator_next = Module["_ts_lookahead_iterator_next"] = wasmExports["ts_lookahead_iterator_next"];
    var _ts_lookahead_iterator_current_symbol = Module["_ts_lookahead_iterator_current_symbol"] = wasmExports["ts_lookahead_iterator_current_symbol"];
    var _ts_parser_delete = Module["_ts_parser_delete"] = wasmExports["ts_parser_delete"];
    var _ts_parser_reset = Module["_ts_parser_reset"] = wasmExports["ts_parser_reset"];
    var _ts_parser_set_language = Module["_ts_parser_set_language"] = wasmExports["ts_parser_set_language"];
    var _ts_parser_timeout_micros = Module["_ts_parser_timeout_micros"] = wasmExports["ts_parser_timeout_micros"];
    var _ts_parser_set_timeout_micros = Module["_ts_parser_set_timeout_micros"] = wasmExports["ts_parser_set_timeout_micros"];
    var _ts_parser_set_included_ranges = Module["_ts_parser_set_included_ranges"] = wasmExports["ts_parser_set_included_ranges"];
    var _ts_query_new = Module["_ts_query_new"] = wasmExports["ts_query_new"];
    var _ts_query_delete = Module["_ts_query_delete"] = wasmExports["ts_query_delete"];
    var _iswspace = Module["_iswspace"] = wasmExports["iswspace"];
    var _iswalnum = Module["_iswalnum"] = wasmExports["iswalnum"];
    var _ts_query_pattern_count = Module["_ts_query_pattern_count"] = wasmExports["ts_query_pattern_count"];
    var _ts_query_capture_count = Module["_ts_query_capture_count"] = wasmExports["ts_query_capture_count"];
    var _ts_query_string_count = Module["_ts_query_string_count"] = wasmExports["ts_query_string_count"];
    var _ts_query_capture_name_for_id = Module["_ts_query_capture_name_for_id"] = wasmExports["ts_query_capture_name_for_id"];
    var _ts_query_capture_quantifier_for_id = Module["_ts_query_capture_quantifier_for_id"] = wasmExports["ts_query_capture_quantifier_for_id"];
    var _ts_query_string_value_for_id = Module["_ts_query_string_value_for_id"] = wasmExports["ts_query_string_value_for_id"];
    var _ts_query_predicates_for_pattern = Module["_ts_query_predicates_for_pattern"] = wasmExports["ts_query_predicates_for_pattern"];
    var _ts_query_start_byte_for_pattern = Module["_ts_query_start_byte_for_pattern"] = wasmExports["ts_query_start_byte_for_pattern"];
    var _ts_query_end_byte_for_pattern = Module["_ts_query_end_byte_for_pattern"] = wasmExports["ts_query_end_byte_for_pattern"];
    var _ts_query_is_pattern_rooted = Module["_ts_query_is_pattern_rooted"] = wasmExports["ts_query_is_pattern_rooted"];
    var _ts_query_is_pattern_non_local = Module["_ts_query_is_pattern_non_local"] = wasmExports["ts_query_is_pattern_non_local"];
    var _ts_query_is_pattern_guaranteed_at_step = Module["_ts_query_is_pattern_guaranteed_at_step"] = wasmExports["ts_query_is_pattern_guaranteed_at_step"];
    var _ts_query_disable_capture = Module["_ts_query_disable_capture"] = wasmExports["ts_query_disable_capture"];
    var _ts_query_disable_pattern = Module["_ts_query_disable_pattern"] = wasmExports["ts_query_disable_pattern"];
    var _ts_tree_copy = Module["_ts_tree_copy"] = wasmExports["ts_tree_copy"];
    var _ts_tree_delete = Module["_ts_tree_delete"] = wasmExports["ts_tree_delete"];
    var _ts_init = Module["_ts_init"] = wasmExports["ts_init"];
    var _ts_parser_new_wasm = Module["_ts_parser_new_wasm"] = wasmExports["ts_parser_new_wasm"];
    var _ts_parser_enable_logger_wasm = Module["_ts_parser_enable_logger_wasm"] = wasmExports["ts_parser_enable_logger_wasm"];
    var _ts_parser_parse_wasm = Module["_ts_parser_parse_wasm"] = wasmExports["ts_parser_parse_wasm"];
    var _ts_parser_included_ranges_wasm = Module["_ts_parser_included_ranges_wasm"] = wasmExports["ts_parser_included_ranges_wasm"];
    var _ts_language_type_is_named_wasm = Module["_ts_language_type_is_named_wasm"] = wasmExports["ts_language_type_is_named_wasm"];
    var _ts_language_type_is_visible_wasm = Module["_ts_language_type_is_visible_wasm"] = wasmExports["ts_language_type_is_visible_wasm"];
    var _ts_language_supertypes_wasm = Module["_ts_language_supertypes_wasm"] = wasmExports["ts_language_supertypes_wasm"];
    var _ts_language_subtypes_wasm = Module["_ts_language_subtypes_wasm"] = wasmExports["ts_language_subtypes_wasm"];
    var _ts_tree_root_node_wasm = Module["_ts_tree_root_node_wasm"] = wasmExports["ts_tree_root_node_wasm"];
    var _ts_tree_root_node_with_offset_wasm = Module["_ts_tree_root_node_with_offset_wasm"] = wasmExports["ts_tree_root_node_with_offset_wasm"];
    var _ts_tree_edit_wasm = Module["_ts_tree_edit_wasm"] = wasmExports["ts_tree_edit_wasm"];
    var _ts_tree_included_ranges_wasm = Module["_ts_tree_included_ranges_wasm"] = wasmExports["ts_tree_included_ranges_wasm"];
    var _ts_tree_get_changed_ranges_wasm = Module["_ts_tree_get_changed_ranges_wasm"] = wasmExports["ts_tree_get_changed_ranges_wasm"];
    var _ts_tree_cursor_new_wasm = Module["_ts_tree_cursor_new_wasm"] = wasmExports["ts_tree_cursor_new_wasm"];
    var _ts_tree_cursor_copy_wasm = Module["_ts_tree_cursor_copy_wasm"] = wasmExports["ts_tree_cursor_copy_wasm"];
    var _ts_tree_cursor_delete_wasm = Module["_ts_tree_cursor_delete_wasm"] = wasmExports["ts_tree_cursor_delete_wasm"];
    var _ts_tree_cursor_reset_wasm = Module["_ts_tree_cursor_reset_wasm"] = wasmExports["ts_tree_cursor_reset_wasm"];
    var _ts_tree_cursor_reset_to_wasm = Module["_ts_tree_cursor_reset_to_wasm"] = wasmExports["ts_tree_cursor_reset_to_wasm"];
    var _ts_tree_cursor_goto_first_child_wasm = Module["_ts_tree_cursor_goto_first_child_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_wasm"];
    var _ts_tree_cursor_goto_last_child_wasm = Module["_ts_tree_cursor_goto_last_child_wasm"] = wasmExports["ts_tree_cursor_goto_last_child_wasm"];
    var _ts_tree_cursor_goto_first_child_for_index_wasm = Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_index_wasm"];
    var _ts_tree_cursor_goto_first_child_for_position_wasm = Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_position_wasm"];
    var _ts_tree_cursor_goto_next_sibling_wasm = Module["_ts_tree_cursor_goto_next_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_next_sibling_wasm"];
    var _ts_tree_cursor_goto_previous_sibling_wasm = Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_previous_sibling_wasm"];
    var _ts_tree_cursor_goto_descendant_wasm = Module["_ts_tree_cursor_goto_descendant_wasm"] = wasmExports["ts_tree_cursor_goto_descendant_wasm"];
    var _ts_tree_cursor_goto_parent_wasm = Module["_ts_tree_cursor_goto_parent_wasm"] = wasmExports["ts_tree_cursor_goto_parent_wasm"];
    var _ts_tree_cursor_current_node_type_id_wasm = Module["_ts_tree_cursor_current_node_type_id_wasm"] = wasmExports["ts_tree_cursor_current_node_type_id_wasm"];
    var _ts_tree_cursor_current_node_state_id_wasm = Module["_ts_tree_cursor_current_node_state_id_wasm"] = wasmExports["ts_tree_cursor_current_node_state_id_wasm"];
    var _ts_tree_cursor_current_node_is_named_wasm = Module["_ts_tree_cursor_current_node_is_named_wasm"] = wasmExports["ts_tree_cursor_current_node_is_named_wasm"];
    var _ts_tree_cursor_current_node_is_missing_wasm = Module["_ts_tree_cursor_current_node_is_missing_wasm"] = wasmExports["ts_tree_cursor_current_node_is_missing_wasm"];
    var _ts_tree_cursor_current_node_id_wasm = Module["_ts_tree_cursor_current_node_id_wasm"] = wasmExports["ts_tree_cursor_current_node_id_wasm"];
    var _ts_tree_cursor_start_position_wasm = Module["_ts_tree_cursor_start_position_wasm"] = wasmExports["ts_tree_cursor_start_position_wasm"];
    var _ts_tree_cursor_end_position_wasm = Module["_ts_tree_cursor_end_position_wasm"] = wasmExports["ts_tree_cursor_end_position_wasm"];
    var _ts_tree_cursor_start_index_wasm = Module["_ts_tree_cursor_start_index_wasm"] = wasmExports["ts_tree_cursor_start_index_wasm"];
    var _ts_tree_cursor_end_index_wasm = Module["_ts_tree_cursor_end_index_wasm"] = wasmExports["ts_tree_cursor_end_index_wasm"];
    var _ts_tree_cursor_current_field_id_wasm = Module["_ts_tree_cursor_current_field_id_wasm"] = wasmExports["ts_tree_cursor_current_field_id_wasm"];
    var _ts_tree_cursor_current_depth_wasm = Module["_ts_tree_cursor_current_depth_wasm"] = wasmExports["ts_tree_cursor_current_depth_wasm"];
    var _ts_tree_cursor_current_descendant_index_wasm = Module["_ts_tree_cursor_current_descendant_index_wasm"] = wasmExports["ts_tree_cursor_current_descendant_index_wasm"];
    var _ts_tree_cursor_current_node_wasm = Module["_ts_tree_cursor_current_node_wasm"] = wasmExports["ts_tree_cursor_current_node_wasm"];
    var _ts_node_symbol_wasm = Module["_ts_node_symbol_wasm"] = wasmExports["ts_node_symbol_wasm"];
    var _ts_node_field_name_for_child_wasm = Module["_ts_node_field_name_for_child_wasm"] = wasmExports["ts_node_field_name_for_child_wasm"];
    var _ts_node_field_name_for_named_child_wasm = Module["_ts_node_field_name_for_named_child_wasm"] = wasmExports["ts_node_field_name_for_named_child_wasm"];
    var _ts_node_children_by_field_id_wasm = Module["_ts_node_children_by_field_id_wasm"] = wasmExports["ts_node_children_by_field_id_wasm"];
    var _ts_node_first_child_for_byte_wasm = Module["_ts_node_first_child_for_byte_wasm"] = wasmExports["ts_node_first_child_for_byte_wasm"];
    var _ts_node_first_named_child_for_byte_wasm = Module["_ts_node_first_named_child_for_byte_wasm"] = wasmExports["ts_node_first_named_child_for_byte_wasm"];
    var _ts_node_grammar_symbol_wasm = Module["_ts_node_grammar_symbol_wasm"] = wasmExports["ts_node_grammar_symbol_wasm"];
    var _ts_node_child_count_wasm = Module["_ts_node_child_count_wasm"] = wasmExports["ts_node_child_count_wasm"];
    var _ts_node_named_child_count_wasm = Module["_ts_node_named_child_count_wasm"] = wasmExports["ts_node_named_child_count_wasm"];
    var _ts_node_child_wasm = Module["_ts_node_child_wasm"] = wasmExports["ts_node_child_wasm"];
    var _ts_node_named_child_wasm = Module["_ts_node_named_child_wasm"] = wasmExports["ts_node_named_child_wasm"];
    var _ts_node_child_by_field_id_wasm = Module["_ts_node_child_by_field_id_wasm"] = wasmExports["ts_node_child_by_field_id_wasm"];
    var _ts_node_next_sibling_wasm = Module["_ts_node_next_sibling_wasm"] = wasmExports["ts_node_next_sibling_wasm"];
    var _ts_node_prev_sibling_wasm = Module["_ts_node_prev_sibling_wasm"] = wasmExports["ts_node_prev_sibling_wasm"];
    var _ts_node_next_named_sibling_wasm = Module["_ts_node_next_named_sibling_wasm"] = wasmExports["ts_node_next_named_sibling_wasm"];
    var _ts_node_prev_named_sibling_wasm = Module["_ts_node_prev_named_sibling_wasm"] = wasmExports["ts_node_prev_named_sibling_wasm"];
    var _ts_node_descendant_count_wasm = Module["_ts_node_descendant_count_wasm"] = wasmExports["ts_node_descendant_count_wasm"];
    var _ts_node_parent_wasm = Module["_ts_node_parent_wasm"] = wasmExports["ts_node_parent_wasm"];
    var _ts_node_child_with_descendant_wasm = Module["_ts_node_child_with_descendant_wasm"] = wasmExports["ts_node_child_with_descendant_wasm"];
    var _ts_node_descendant_for_index_wasm = Module["_ts_node_descendant_for_index_wasm"] = wasmExports["ts_node_descendant_for_index_wasm"];
    var _ts_node_named_descendant_for_index_wasm = Module["_ts_node_named_descendant_for_index_wasm"] = wasmExports["ts_node_named_descendant_for_index_wasm"];
    var _ts_node_descendant_for_position_wasm = Module["_ts_node_descendant_for_position_wasm"] = wasmExports["ts_node_descendant_for_position_wasm"];
    var _ts_node_named_descendant_for_position_wasm = Module["_ts_node_named_descendant_for_position_wasm"] = wasmExports["ts_node_named_descendant_for_position_wasm"];
    var _ts_node_start_point_wasm = Module["_ts_node_start_point_wasm"] = wasmExports["ts_node_start_point_wasm"];
    var _ts_node_end_point_wasm = Module["_ts_node_end_point_wasm"] = wasmExports["ts_node_end_point_wasm"];
    var _ts_node_start_index_wasm = Module["_ts_node_start_index_wasm"] = wasmExports["ts_node_start_index_wasm"];
    var _ts_node_end_index_wasm = Module["_ts_node_end_index_wasm"] = wasmExports["ts_node_end_index_wasm"];
    var _ts_node_to_string_wasm = Module["_ts_node_to_string_wasm"] = wasmExports["ts_node_to_string_wasm"];
    var _ts_node_children_wasm = Module["_ts_node_children_wasm"] = wasmExports["ts_node_children_wasm"];
    var _ts_node_named_children_wasm = Module["_ts_node_named_children_wasm"] = wasmExports["ts_node_named_children_wasm"];
    var _ts_node_descendants_of_type_wasm = Module["_ts_node_descendants_of_type_wasm"] = wasmExports["ts_node_descendants_of_type_wasm"];
    var _ts_node_is_named_wasm = Module["_ts_node_is_named_wasm"] = wasmExports["ts_node_is_named_wasm"];
    var _ts_node_has_changes_wasm = Module["_ts_node_has_changes_wasm"] = wasmExports["ts_node_has_changes_wasm"];
    var _ts_node_has_error_wasm = Module["_ts_node_has_error_wasm"] = wasmExports["ts_node_has_error_wasm"];
    var _ts_node_is_error_wasm = Module["_ts_node_is_error_wasm"] = wasmExports["ts_node_is_error_wasm"];
    var _ts_node_is_missing_wasm = Module["_ts_node_is_missing_wasm"] = wasmExports["ts_node_is_missing_wasm"];
    var _ts_node_is_extra_wasm = Module["_ts_node_is_extra_wasm"] = wasmExports["ts_node_is_extra_wasm"];
    var _ts_node_parse_state_wasm = Module["_ts_node_parse_state_wasm"] = wasmExports["ts_node_parse_state_wasm"];
    var _ts_node_next_parse_state_wasm = Module["_ts_node_next_parse_state_wasm"] = wasmExports["ts_node_next_parse_state_wasm"];
    var _ts_query_matches_wasm = Module["_ts_query_matches_wasm"] = wasmExports["ts_query_matches_wasm"];
    var _ts_query_captures_wasm = Module["_ts_query_captures_wasm"] = wasmExports["ts_query_captures_wasm"];
    var _memset = Module["_memset"] = wasmExports["memset"];
    var _memcpy = Module["_memcpy"] = wasmExports["memcpy"];
    var _memmove = Module["_memmove"] = wasmExports["memmove"];
    var _iswalpha = Module["_iswalpha"] = wasmExports["iswalpha"];
    var _iswblank = Module["_iswblank"] = wasmExports["iswblank"];
    var _iswdigit = Module["_iswdigit"] = wasmExports["iswdigit"];
    var _iswlower = Module["_iswlower"] = wasmExports["iswlower"];
    var _iswupper = Module["_iswupper"] = wasmExports["iswupper"];
    var _iswxdigit = Module["_iswxdigit"] = wasmExports["iswxdigit"];
    var _memchr = Module["_memchr"] = wasmExports["memchr"];
    var _strlen = Module["_strlen"] = wasmExports["strlen"];
    var _strcmp = Module["_strcmp"] = wasmExports["strcmp"];
    var _strncat = Module["_strncat"] = wasmExports["strncat"];
    var _strncpy = Module["_strncpy"] = wasmExports["strncpy"];
    var _towlower = Module["_towlower"] = wasmExports["towlower"];
    var _towupper = Module["_towupper"] = wasmExports["towupper"];
    var _setThrew = wasmExports["setThrew"];
    var __emscripten_stack_restore = wasmExports["_emscripten_stack_restore"];
    var __emscripten_stack_alloc = wasmExports["_emscripten_stack_alloc"];
    var _emscripten_stack_get_current = wasmExports["emscripten_stack_get_current"];
    var ___wasm_apply_data_relocs = wasmExports["__wasm_apply_data_relocs"];
    Module["setValue"] = setValue;
    Module["getValue"] = getValue;
    Module["UTF8ToString"] = UTF8ToString;
    Module["stringToUTF8"] = stringToUTF8;
    Module["lengthBytesUTF8"] = lengthBytesUTF8;
    Module["AsciiToString"] = AsciiToString;
    Module["stringToUTF16"] = stringToUTF16;
    Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
    function callMain(args2 = []) {
      var entryFunction = resolveGlobalSymbol("main").sym;
      if (!entryFunction) return;
      args2.unshift(thisProgram);
      var argc = args2.length;
      var argv = stackAlloc((argc + 1) * 4);
      var argv_ptr = argv;
      args2.forEach((arg) => {
        LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
        argv_ptr += 4;
      });
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
      try {
        var ret = entryFunction(argc, argv);
        exitJS(
          ret,
          /* implicit = */
          true
        );
        return ret;
      } catch (e) {
        return handleException(e);
      }
    }
    __name(callMain, "callMain");
    function run(args2 = arguments_) {
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      preRun();
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      function doRun() {
        Module["calledRun"] = true;
        if (ABORT) return;
        initRuntime();
        preMain();
        readyPromiseResolve(Module);
        Module["onRuntimeInitialized"]?.();
        var noInitialRun = Module["noInitialRun"];
        if (!noInitialRun) callMain(args2);
        postRun();
      }
      __name(doRun, "doRun");
      if (Module["setStatus"]) {
        Module["setStatus"]("Running...");
        setTimeout(() => {
          setTimeout(() => Module["setStatus"](""), 1);
          doRun();
        }, 1);
      } else {
        doRun();
      }
    }
    __name(run, "run");
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].pop()();
      }
    }
    run();
    moduleRtn = readyPromise;
    return moduleRtn;
  };
})();
var tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  if (!Module3) {
    Module3 = await tree_sitter_default(moduleOptions);
  }
  return Module3;
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  [1] = 0;
  // Internal handle for WASM
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the WASM module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index2) => callback.slice(index2);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a timeout, cancellation,
   * or callback, then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Get the duration in microseconds that parsing is allowed to take.
   *
   * This is set via {@link Parser#setTimeoutMicros}.
   */
  getTimeoutMicros() {
    return C._ts_parser_timeout_micros(this[0]);
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Set the maximum duration in microseconds that parsing should be allowed
   * to take before halting.
   *
   * If parsing takes longer than this, it will halt early, returning `null`.
   * See {@link Parser#parse} for more information.
   */
  setTimeoutMicros(timeout) {
    C._ts_parser_set_timeout_micros(this[0], 0, timeout);
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};

// src/languages/tree-sitter-runtime.ts
var runtimeModule = {};
var runtimeReady;
function initTreeSitterRuntime(locateRuntimeWasm) {
  if (locateRuntimeWasm && !runtimeReady) runtimeModule.locateFile = locateRuntimeWasm;
  runtimeReady ??= Parser.init(runtimeModule);
  return runtimeReady;
}

// src/languages/python/direct-cursor.ts
var REQUIRED = [
  "_ts_tree_cursor_goto_first_child_wasm",
  "_ts_tree_cursor_goto_next_sibling_wasm",
  "_ts_tree_cursor_goto_parent_wasm",
  "_ts_tree_cursor_current_node_type_id_wasm",
  "_ts_tree_cursor_current_field_id_wasm",
  "_ts_tree_cursor_start_index_wasm",
  "_ts_tree_cursor_end_index_wasm",
  "_ts_tree_cursor_current_node_is_missing_wasm",
  "_ts_tree_cursor_delete_wasm"
];
function directCursorOps(module2) {
  if (!REQUIRED.every((name2) => typeof module2[name2] === "function")) return void 0;
  const m = module2;
  return (tree) => {
    const treeAddress = tree[0];
    if (typeof treeAddress !== "number") throw new Error("web-tree-sitter tree without an address");
    tree.walk();
    return {
      gotoFirstChild: () => m._ts_tree_cursor_goto_first_child_wasm(treeAddress) === 1,
      gotoNextSibling: () => m._ts_tree_cursor_goto_next_sibling_wasm(treeAddress) === 1,
      gotoParent: () => m._ts_tree_cursor_goto_parent_wasm(treeAddress) === 1,
      typeId: () => m._ts_tree_cursor_current_node_type_id_wasm(treeAddress),
      fieldId: () => m._ts_tree_cursor_current_field_id_wasm(treeAddress),
      startIndex: () => m._ts_tree_cursor_start_index_wasm(treeAddress),
      endIndex: () => m._ts_tree_cursor_end_index_wasm(treeAddress),
      isMissing: () => m._ts_tree_cursor_current_node_is_missing_wasm(treeAddress) === 1,
      close: () => m._ts_tree_cursor_delete_wasm(treeAddress)
    };
  };
}

// src/languages/python/fast-parser/tokenizer.ts
var Unsupported = class extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
  reason;
};
var NAME = 0;
var NUMBER = 1;
var STRING = 2;
var FSTRING = 3;
var OP = 4;
var NEWLINE2 = 5;
var INDENT = 6;
var DEDENT = 7;
var END = 8;
var SPACE2 = 32;
var TAB2 = 9;
var LF = 10;
var CR2 = 13;
var FF = 12;
var HASH2 = 35;
var BACKSLASH2 = 92;
var IDENTIFIER_START2 = /[_\p{XID_Start}]/u;
var IDENTIFIER_PART = /[_\p{XID_Continue}]/u;
var OPERATORS = {
  "*": ["**=", "**", "*=", "*"],
  "/": ["//=", "//", "/=", "/"],
  ">": [">>=", ">>", ">=", ">"],
  "<": ["<<=", "<<", "<=", "<>", "<"],
  ".": ["...", "."],
  "-": ["->", "-=", "-"],
  ":": [":=", ":"],
  "!": ["!="],
  "=": ["==", "="],
  "+": ["+=", "+"],
  "%": ["%=", "%"],
  "&": ["&=", "&"],
  "|": ["|=", "|"],
  "^": ["^=", "^"],
  "@": ["@=", "@"],
  "~": ["~"],
  "(": ["("],
  ")": [")"],
  "[": ["["],
  "]": ["]"],
  "{": ["{"],
  "}": ["}"],
  ",": [","],
  ";": [";"]
};
var OPERATORS_BY_CODE = [];
for (const [first, operators] of Object.entries(OPERATORS)) OPERATORS_BY_CODE[first.charCodeAt(0)] = operators;
function isAsciiIdentifierStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
}
function isAsciiIdentifierPart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c >= 48 && c <= 57;
}
function isDigit2(c) {
  return c >= 48 && c <= 57;
}
function codePointAt(source, i2) {
  const c = source.codePointAt(i2);
  return String.fromCodePoint(c);
}
var spare;
var MAX_SPARE_TOKENS = 1 << 20;
function recycleTokens(tokens) {
  if (tokens.kind.length <= MAX_SPARE_TOKENS) spare = tokens;
}
function tokenize(source, ranges, inBrackets = false) {
  return new Tokenizer(source, ranges, inBrackets).run();
}
var COMMENTS = [];
var Tokenizer = class {
  constructor(source, ranges, inBrackets) {
    this.source = source;
    this.inBrackets = inBrackets;
    let chars = source.length;
    if (ranges) {
      chars = 0;
      for (const r of ranges) chars += r.end - r.start;
    }
    let capacity = 64 + (chars >> 2);
    if (!inBrackets && spare && spare.kind.length >= capacity) {
      this.kind = spare.kind;
      this.start = spare.start;
      this.end = spare.end;
      this.text = spare.text;
      capacity = spare.kind.length;
      spare = void 0;
    } else {
      this.kind = new Uint8Array(capacity);
      this.start = new Int32Array(capacity);
      this.end = new Int32Array(capacity);
      this.text = [];
    }
    this.capacity = capacity;
    this.allRanges = ranges ?? [{ start: 0, end: source.length }];
    this.pos = this.allRanges[0]?.start ?? 0;
    this.limit = this.allRanges[0]?.end ?? 0;
    this.depth = inBrackets ? 1 : 0;
  }
  source;
  inBrackets;
  kind;
  start;
  end;
  text;
  capacity;
  count = 0;
  extras = [];
  allRanges;
  rangeIndex = 0;
  pos;
  limit;
  depth;
  indents = [0];
  lastEnd = -1;
  first = -1;
  lineHasTokens = false;
  backslashAt = -2;
  add(k, s, e, t) {
    if (this.count === this.capacity) {
      const capacity = this.capacity *= 2;
      const kind = new Uint8Array(capacity);
      kind.set(this.kind);
      this.kind = kind;
      const start2 = new Int32Array(capacity);
      start2.set(this.start);
      this.start = start2;
      const end = new Int32Array(capacity);
      end.set(this.end);
      this.end = end;
    }
    const count = this.count++;
    this.kind[count] = k;
    this.start[count] = s;
    this.end[count] = e;
    this.text[count] = t;
  }
  push(k, s, e, t) {
    this.add(k, s, e, t);
    if (this.first < 0) this.first = s;
    this.lastEnd = e;
  }
  pushZero(k) {
    this.add(k, this.lastEnd, this.lastEnd, "");
  }
  extra(type, s, e) {
    this.extras.push({ type, start: s, end: e });
    if (this.first < 0) this.first = s;
    this.lastEnd = e;
  }
  /** The next backslash at or after `i`, or -1 (remembered, so a file without backslashes is searched once). */
  backslashFrom(i2) {
    if (this.backslashAt !== -1 && this.backslashAt < i2) this.backslashAt = this.source.indexOf("\\", i2);
    return this.backslashAt;
  }
  /** The scanner reads line continuations before a string as part of the space before it: they are no nodes. */
  dropContinuations() {
    const extras = this.extras;
    while (extras.length && extras[extras.length - 1].type === "line_continuation" && (this.count === 0 || extras[extras.length - 1].start >= this.end[this.count - 1])) extras.pop();
  }
  /** Moves to the next range when `pos` is at the end of this one; false at the end of the input. */
  more() {
    while (this.pos >= this.limit) {
      if (++this.rangeIndex >= this.allRanges.length) return false;
      this.pos = this.allRanges[this.rangeIndex].start;
      this.limit = this.allRanges[this.rangeIndex].end;
    }
    return true;
  }
  /**
   * At the start of a line (after a logical line or at the start): reads blank and comment lines up to the next
   * code line and emits its INDENT or DEDENTs, placing each comment before or after the DEDENTs as the scanner does.
   */
  lineStart() {
    const source = this.source;
    const comments = COMMENTS;
    const indents = this.indents;
    let commentCount = 0;
    let indent = 0;
    for (; ; ) {
      if (this.pos >= this.limit && !this.more()) {
        indent = -1;
        break;
      }
      const pos = this.pos;
      const c = source.charCodeAt(pos);
      if (c === SPACE2) indent++;
      else if (c === TAB2) indent += 8;
      else if (c === FF || c === CR2) indent = 0;
      else if (c === LF) indent = 0;
      else if (c === 65279 && pos === 0) {
      } else if (c === HASH2) {
        this.pos = lineEnd(source, pos, this.limit);
        comments[commentCount++] = pos;
        comments[commentCount++] = this.pos;
        comments[commentCount++] = indent;
        indent = 0;
        continue;
      } else if (c === BACKSLASH2) throw new Unsupported("line continuation at the start of a line");
      else break;
      this.pos = pos + 1;
    }
    const level = indent < 0 ? 0 : indent;
    for (let i2 = 0; i2 < commentCount; i2 += 3) {
      while (level < indents[indents.length - 1] && comments[i2 + 2] < indents[indents.length - 1]) {
        indents.pop();
        this.pushZero(DEDENT);
      }
      this.extra("comment", comments[i2], comments[i2 + 1]);
    }
    if (level > indents[indents.length - 1]) {
      if (this.count === 0) throw new Unsupported("indented first line");
      indents.push(level);
      this.pushZero(INDENT);
    } else {
      while (level < indents[indents.length - 1]) {
        indents.pop();
        this.pushZero(DEDENT);
      }
      if (level !== indents[indents.length - 1]) throw new Unsupported("inconsistent dedent");
    }
    this.lineHasTokens = false;
  }
  run() {
    const source = this.source;
    const inBrackets = this.inBrackets;
    if (!inBrackets) this.lineStart();
    for (; ; ) {
      if (this.pos >= this.limit && !this.more()) break;
      let pos2 = this.pos;
      const limit = this.limit;
      const c = source.charCodeAt(pos2);
      if (c === SPACE2 || c === TAB2 || c === FF) {
        this.pos = pos2 + 1;
        continue;
      }
      if (c === LF || c === CR2) {
        if (c === CR2 && source.charCodeAt(pos2 + 1) !== LF) throw new Unsupported("bare carriage return");
        pos2 += c === CR2 ? 2 : 1;
        this.pos = pos2;
        if (this.depth === 0 && this.lineHasTokens) {
          this.pushZero(NEWLINE2);
          this.lineStart();
        } else if (this.depth > 0 && !inBrackets && this.count > 0 && !closableAfter(this.kind[this.count - 1], this.text[this.count - 1])) {
          let indent = 0;
          let k = pos2;
          for (; k < limit; k++) {
            const d2 = source.charCodeAt(k);
            if (d2 === SPACE2) indent++;
            else if (d2 === TAB2) indent += 8;
            else break;
          }
          const d = source.charCodeAt(k);
          if (k < limit && d !== LF && d !== CR2 && d !== HASH2 && indent < this.indents[this.indents.length - 1]) throw new Unsupported("dedent in brackets");
        }
        continue;
      }
      if (c === HASH2) {
        if (inBrackets) throw new Unsupported("comment in an f-string");
        this.pos = lineEnd(source, pos2, limit);
        this.extra("comment", pos2, this.pos);
        continue;
      }
      if (c === BACKSLASH2) {
        const s2 = pos2;
        let k = pos2 + 1;
        if (source.charCodeAt(k) === CR2) k++;
        if (source.charCodeAt(k) !== LF || k >= limit) throw new Unsupported("backslash");
        pos2 = k + 1;
        this.pos = pos2;
        let j = pos2;
        while (j < limit && (source.charCodeAt(j) === SPACE2 || source.charCodeAt(j) === TAB2)) j++;
        if (j >= limit || source.charCodeAt(j) === LF || source.charCodeAt(j) === CR2 || source.charCodeAt(j) === HASH2 || source.charCodeAt(j) === BACKSLASH2) {
          throw new Unsupported("line continuation before a blank line");
        }
        this.extra("line_continuation", s2, pos2);
        continue;
      }
      this.lineHasTokens = true;
      const s = pos2;
      if (isAsciiIdentifierStart(c) || c >= 128 && IDENTIFIER_START2.test(codePointAt(source, pos2))) {
        pos2++;
        for (; ; ) {
          const d = source.charCodeAt(pos2);
          if (pos2 < limit && isAsciiIdentifierPart(d)) pos2++;
          else if (pos2 < limit && d >= 128 && IDENTIFIER_PART.test(codePointAt(source, pos2))) pos2 += d >= 55296 && d <= 56319 ? 2 : 1;
          else break;
        }
        const q = source.charCodeAt(pos2);
        if ((q === 34 || q === 39) && pos2 - s <= 2 && isStringPrefix2(source, s, pos2)) {
          this.pos = pos2 = stringEnd(source, s, pos2, limit, this);
          this.dropContinuations();
          this.push(hasFormatPrefix(source, s, pos2) ? FSTRING : STRING, s, pos2, "");
          continue;
        }
        this.pos = pos2;
        this.push(NAME, s, pos2, keywordAt(source, s, pos2 - s));
        continue;
      }
      if (isDigit2(c) || c === 46 && isDigit2(source.charCodeAt(pos2 + 1))) {
        const endAndFloat = numberEnd(source, pos2, limit);
        this.pos = pos2 = endAndFloat >> 1;
        this.push(NUMBER, s, pos2, endAndFloat & 1 ? "float" : "integer");
        continue;
      }
      if (c === 34 || c === 39) {
        this.pos = pos2 = stringEnd(source, s, pos2, limit, this);
        this.dropContinuations();
        this.push(STRING, s, pos2, "");
        continue;
      }
      const candidates = c < 128 ? OPERATORS_BY_CODE[c] : void 0;
      if (!candidates) throw new Unsupported(c >= 128 ? "non-ASCII character" : `character ${JSON.stringify(source[pos2])}`);
      let op = "";
      for (let k = 0; k < candidates.length; k++) {
        const o = candidates[k];
        if (source.startsWith(o, pos2) && pos2 + o.length <= limit) {
          op = o;
          break;
        }
      }
      if (!op) throw new Unsupported("operator");
      this.pos = pos2 += op.length;
      if (op === "(" || op === "[" || op === "{") this.depth++;
      else if (op === ")" || op === "]" || op === "}") {
        if (--this.depth < (inBrackets ? 1 : 0)) throw new Unsupported("unbalanced bracket");
      }
      this.push(OP, s, pos2, op);
    }
    if (this.depth !== (inBrackets ? 1 : 0)) throw new Unsupported("unclosed bracket");
    if (!inBrackets) {
      if (this.lineHasTokens) this.pushZero(NEWLINE2);
      while (this.indents.length > 1) {
        this.indents.pop();
        this.pushZero(DEDENT);
      }
    }
    const pos = this.pos;
    this.add(END, pos, pos, "");
    this.add(END, pos, pos, "");
    this.add(END, pos, pos, "");
    return { kind: this.kind, start: this.start, end: this.end, text: this.text, extras: this.extras, first: this.first };
  }
};
function closableAfter(kind, text) {
  if (kind === NAME) return text === "" || text === "True" || text === "False" || text === "None";
  if (kind === NUMBER || kind === STRING || kind === FSTRING) return true;
  return kind === OP && (text === "(" || text === "[" || text === "{" || text === ")" || text === "]" || text === "}" || text === ",");
}
var RESERVED = /* @__PURE__ */ new Set([
  "False",
  "await",
  "else",
  "import",
  "pass",
  "None",
  "break",
  "except",
  "in",
  "raise",
  "True",
  "class",
  "finally",
  "is",
  "return",
  "and",
  "continue",
  "for",
  "lambda",
  "try",
  "as",
  "def",
  "from",
  "nonlocal",
  "while",
  "assert",
  "del",
  "global",
  "not",
  "with",
  "async",
  "elif",
  "if",
  "or",
  "yield"
]);
var WORDS_BY_LENGTH = [];
for (const word of [...RESERVED, "print", "exec", "type", "match", "case", "__future__"]) (WORDS_BY_LENGTH[word.length] ??= []).push(word);
function keywordAt(source, from, length) {
  const words = WORDS_BY_LENGTH[length];
  if (!words) return "";
  const c = source.charCodeAt(from);
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.charCodeAt(0) === c && source.startsWith(w, from)) return w;
  }
  return "";
}
function isStringPrefix2(source, from, to) {
  let seen = 0;
  for (let i2 = from; i2 < to; i2++) {
    const bit = "rbuf".indexOf(source[i2].toLowerCase());
    if (bit < 0 || seen & 1 << bit) return false;
    seen |= 1 << bit;
  }
  if (seen & 2 && (seen & 8 || seen & 4)) throw new Unsupported("string prefix");
  if (seen & 4 && seen & 1) throw new Unsupported("string prefix");
  return true;
}
function hasFormatPrefix(source, from, to) {
  for (let i2 = from; i2 < to; i2++) {
    const c = source.charCodeAt(i2);
    if (c === 102 || c === 70) return true;
    if (c === 34 || c === 39) return false;
  }
  return false;
}
function isRawPrefix(source, from) {
  for (let i2 = from; ; i2++) {
    const c = source.charCodeAt(i2);
    if (c === 114 || c === 82) return true;
    if (c === 34 || c === 39 || Number.isNaN(c)) return false;
  }
}
function lineEnd(source, from, limit) {
  const k = source.indexOf("\n", from);
  return k < 0 || k > limit ? limit : k;
}
function stringEnd(source, from, quoteAt, limit, backslashes) {
  const q = source.charCodeAt(quoteAt);
  const triple = source.charCodeAt(quoteAt + 1) === q && source.charCodeAt(quoteAt + 2) === q;
  const raw = isRawPrefix(source, from);
  let i2 = quoteAt + (triple ? 3 : 1);
  for (; ; ) {
    if (triple) {
      const nextQuote = source.indexOf(source[quoteAt], i2);
      const nextBackslash = backslashes.backslashFrom(i2);
      if (nextQuote > i2 && (nextBackslash < 0 || nextBackslash > nextQuote)) i2 = nextQuote;
    }
    if (i2 >= limit) throw new Unsupported("unterminated string");
    const c = source.charCodeAt(i2);
    if (c === BACKSLASH2) {
      let next = source.charCodeAt(i2 + 1);
      if (next === CR2 && source.charCodeAt(i2 + 2) === LF) {
        if (raw && !triple) throw new Unsupported("raw string continued");
        i2 += 3;
        continue;
      }
      if (next === LF && raw && !triple) throw new Unsupported("raw string continued");
      if (next === CR2) throw new Unsupported("bare carriage return");
      i2 += 2;
      continue;
    }
    if (c === q) {
      if (!triple) return i2 + 1;
      if (source.charCodeAt(i2 + 1) === q && source.charCodeAt(i2 + 2) === q) return i2 + 3;
    } else if ((c === LF || c === CR2) && !triple) throw new Unsupported("unterminated string");
    i2++;
  }
}
function isHexDigit(c) {
  return isDigit2(c) || (c | 32) >= 97 && (c | 32) <= 102;
}
function isOctalDigit(c) {
  return c >= 48 && c <= 55;
}
function isBinaryDigit(c) {
  return c === 48 || c === 49;
}
function digitsEnd(source, i2, limit, ok) {
  while (i2 < limit) {
    const c = source.charCodeAt(i2);
    if (!ok(c) && c !== 95) break;
    i2++;
  }
  return i2;
}
function numberEnd(source, from, limit) {
  let i2 = from;
  const c0 = source.charCodeAt(i2);
  const c1 = source.charCodeAt(i2 + 1) | 32;
  if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
    const after = digitsEnd(source, i2 + 2, limit, c1 === 120 ? isHexDigit : c1 === 111 ? isOctalDigit : isBinaryDigit);
    if (after === i2 + 2) throw new Unsupported("number");
    i2 = after;
    if ((source.charCodeAt(i2) | 32) === 108) i2++;
    checkNumberEnd(source, i2, limit);
    return i2 * 2;
  }
  let isFloat = false;
  i2 = digitsEnd(source, i2, limit, isDigit2);
  if (source.charCodeAt(i2) === 46 && source.charCodeAt(i2 + 1) !== 46) {
    isFloat = true;
    i2 = digitsEnd(source, i2 + 1, limit, isDigit2);
  }
  if ((source.charCodeAt(i2) | 32) === 101) {
    let k = i2 + 1;
    if (source.charCodeAt(k) === 43 || source.charCodeAt(k) === 45) k++;
    if (!isDigit2(source.charCodeAt(k))) throw new Unsupported("number");
    i2 = digitsEnd(source, k, limit, isDigit2);
    isFloat = true;
  }
  const suffix = source.charCodeAt(i2) | 32;
  if (suffix === 106 || suffix === 108 && !isFloat) i2++;
  checkNumberEnd(source, i2, limit);
  if (source.charCodeAt(i2 - 1) === 95 && isFloat) throw new Unsupported("number");
  return i2 * 2 + (isFloat ? 1 : 0);
}
function checkNumberEnd(source, i2, limit) {
  if (i2 > limit) throw new Unsupported("number");
  const c = source.charCodeAt(i2);
  if (isAsciiIdentifierPart(c) || c >= 128 || c === 46) throw new Unsupported("number followed by a name");
}

// src/languages/python/fast-parser/tree.ts
var NodeFactory = class {
  constructor(lines) {
    this.lines = lines;
  }
  lines;
  leaf(type, start2, end) {
    return new SyntaxNode(type, null, start2, end, null, false, this.lines);
  }
  /** A node over `children` (taken, not copied), from `start` to `end`. */
  node(type, start2, end, children) {
    const n = new SyntaxNode(type, null, start2, end, null, false, this.lines);
    if (children.length) {
      n.children = children;
      for (let k = 0; k < children.length; k++) children[k].parent = n;
    }
    return n;
  }
};
function field(node, name2) {
  node.field = name2;
  return node;
}
function setChildren(node, children) {
  node.children = children;
  for (let k = 0; k < children.length; k++) children[k].parent = node;
}
var LEAVES = /* @__PURE__ */ new Set(["identifier", "integer", "float", "true", "false", "none", "ellipsis", "comment", "line_continuation"]);
function placeExtras(root, extras, factory) {
  const comments = [];
  if (!extras.length) return comments;
  const added = /* @__PURE__ */ new Map();
  const path = [root];
  let last = -1;
  for (const x of extras) {
    if (x.start < last) path.length = 1;
    last = x.start;
    while (path.length > 1 && !(x.end <= path[path.length - 1].end)) path.pop();
    let holder = path[path.length - 1];
    for (; ; ) {
      const kids = holder.children;
      let lo = 0;
      let hi = kids.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (kids[mid].start < x.start) lo = mid;
        else hi = mid - 1;
      }
      const k = kids[lo];
      if (k && k.start < x.start && x.end <= k.end && !LEAVES.has(k.type) && !(k.type === "string" && !k.children.length)) path.push(holder = k);
      else break;
    }
    const node = factory.leaf(x.type, x.start, x.end);
    if (x.type === "comment") comments.push(node);
    let list = added.get(holder);
    if (!list) added.set(holder, list = []);
    list.push(node);
  }
  added.forEach((list, holder) => {
    const kids = holder.children;
    const merged2 = new Array(kids.length + list.length);
    let i2 = 0;
    let k = 0;
    for (const x of list) {
      while (i2 < kids.length && kids[i2].start < x.start) merged2[k++] = kids[i2++];
      merged2[k++] = x;
    }
    while (i2 < kids.length) merged2[k++] = kids[i2++];
    setChildren(holder, merged2);
  });
  return comments;
}

// src/languages/python/fast-parser/strings.ts
var BACKSLASH3 = 92;
var LF2 = 10;
function formatString(source, start2, end, nodes, parseInterpolated) {
  let p = start2;
  while (source.charCodeAt(p) !== 34 && source.charCodeAt(p) !== 39) p++;
  const quote = source.charCodeAt(p);
  const quoteLength = source.charCodeAt(p + 1) === quote && source.charCodeAt(p + 2) === quote && end - p >= 6 ? 3 : 1;
  const raw = isRawPrefix(source, start2);
  const bodyEnd = end - quoteLength;
  const children = [nodes.leaf("string_start", start2, p + quoteLength)];
  let contentStart = -1;
  let contentKids = [];
  const flush = (at) => {
    if (contentStart < 0) return;
    children.push(nodes.node("string_content", contentStart, at, contentKids));
    contentStart = -1;
    contentKids = [];
  };
  let i2 = p + quoteLength;
  let endStart = bodyEnd;
  while (i2 < bodyEnd) {
    const c = source.charCodeAt(i2);
    if (c === 123 || c === 125) {
      if (source.charCodeAt(i2 + 1) === c && i2 + 1 < bodyEnd) {
        if (contentStart < 0) contentStart = i2;
        contentKids.push(nodes.leaf("escape_interpolation", i2, i2 + 2));
        i2 += 2;
        continue;
      }
      if (c === 125) throw new Unsupported("single } in an f-string");
      flush(i2);
      const [interpolation, after] = parseInterpolation(source, i2, bodyEnd, quote, "interpolation", nodes, parseInterpolated);
      children.push(interpolation);
      i2 = after;
      continue;
    }
    if (raw) {
      const stop2 = rawContentEnd(source, i2, bodyEnd, quote, quoteLength === 3);
      if (stop2 > 0) {
        if (contentStart < 0) contentStart = i2;
        i2 = stop2;
        continue;
      }
      if (-stop2 >= bodyEnd) {
        endStart = i2;
        break;
      }
      if (contentStart < 0) contentStart = i2;
      const length = escapeLength(source, i2 + 1);
      if (length > 0) contentKids.push(nodes.leaf("escape_sequence", i2, i2 + 1 + length));
      i2 += 1 + length;
      continue;
    }
    if (contentStart < 0) contentStart = i2;
    if (c === BACKSLASH3) {
      const length = escapeLength(source, i2 + 1);
      if (length > 0) {
        contentKids.push(nodes.leaf("escape_sequence", i2, i2 + 1 + length));
        i2 += 1 + length;
      } else i2++;
      continue;
    }
    i2++;
  }
  flush(endStart);
  children.push(nodes.leaf("string_end", endStart, end));
  return nodes.node("string", start2, end, children);
}
function rawContentEnd(source, from, bodyEnd, quote, triple) {
  let j = from;
  let hasContent = false;
  while (j < bodyEnd) {
    const c = source.charCodeAt(j);
    if (c === 123 || c === 125) break;
    if (c === BACKSLASH3) {
      j++;
      const next = source.charCodeAt(j);
      if (next === quote || next === BACKSLASH3) j++;
      if (source.charCodeAt(j) === 13) j += source.charCodeAt(j + 1) === LF2 ? 2 : 1;
      else if (source.charCodeAt(j) === LF2) j++;
      continue;
    }
    if (c === quote && triple) return source.charCodeAt(j + 1) === quote ? j + 2 : j + 1;
    j++;
    hasContent = true;
  }
  if (j > bodyEnd) throw new Unsupported("raw f-string end");
  return hasContent ? j : -j;
}
function parseInterpolation(source, open, limit, quote, type, nodes, parseInterpolated) {
  let depth = 0;
  let j = open + 1;
  let exprEnd = -1;
  for (; j < limit; j++) {
    const c = source.charCodeAt(j);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        if (c !== 125) throw new Unsupported("f-string brackets");
        exprEnd = j;
        break;
      }
      depth--;
    } else if (c === 34 || c === 39) {
      if (c === quote) throw new Unsupported("f-string quote reused inside");
      const close = source.indexOf(source[j], j + 1);
      if (close < 0 || close >= limit) throw new Unsupported("f-string nested string");
      for (let k = j + 1; k < close; k++) {
        const d = source.charCodeAt(k);
        if (d === BACKSLASH3 || d === LF2 || d === 13 || d === 34 || d === 39) throw new Unsupported("f-string nested string");
      }
      if (source.charCodeAt(j + 1) === c && source.charCodeAt(j + 2) === c) throw new Unsupported("f-string nested triple string");
      j = close;
    } else if (c === BACKSLASH3 || c === 35) throw new Unsupported("f-string expression");
    else if (depth === 0 && c === 33 && source.charCodeAt(j + 1) !== 61) {
      exprEnd = j;
      break;
    } else if (depth === 0 && c === 58) {
      if (source.charCodeAt(j + 1) === 61) throw new Unsupported("f-string walrus or = spec");
      exprEnd = j;
      break;
    } else if (depth === 0 && c === 61) {
      const prev = source.charCodeAt(j - 1);
      const next = source.charCodeAt(j + 1);
      if (next === 61) {
        j++;
        continue;
      }
      if (prev === 61 || prev === 33 || prev === 60 || prev === 62) continue;
      exprEnd = j;
      break;
    }
  }
  if (exprEnd < 0) throw new Unsupported("unterminated interpolation");
  const children = [field(parseInterpolated(open + 1, exprEnd), "expression")];
  j = exprEnd;
  if (source.charCodeAt(j) === 61) {
    j++;
    while (source.charCodeAt(j) === 32) j++;
  }
  if (source.charCodeAt(j) === 33) {
    const letter = source.charCodeAt(j + 1);
    if (!(letter >= 97 && letter <= 122)) throw new Unsupported("type conversion");
    children.push(field(nodes.leaf("type_conversion", j, j + 2), "type_conversion"));
    j += 2;
  }
  if (source.charCodeAt(j) === 58) {
    const specStart = j;
    const specKids = [];
    j++;
    while (j < limit && source.charCodeAt(j) !== 125) {
      const c = source.charCodeAt(j);
      if (c === 123) {
        if (source.charCodeAt(j + 1) === 123) throw new Unsupported("escaped brace in a format specifier");
        const [inner, after] = parseInterpolation(source, j, limit, quote, "format_expression", nodes, parseInterpolated);
        specKids.push(inner);
        j = after;
        continue;
      }
      if (c === LF2 || c === 13 || c === BACKSLASH3 || c === quote) throw new Unsupported("format specifier");
      j++;
    }
    children.push(field(nodes.node("format_specifier", specStart, j, specKids), "format_specifier"));
  }
  if (source.charCodeAt(j) !== 125 || j >= limit) throw new Unsupported("interpolation end");
  return [nodes.node(type, open, j + 1, children), j + 1];
}
function isHex(c) {
  return c >= 48 && c <= 57 || (c | 32) >= 97 && (c | 32) <= 102;
}
function escapeLength(source, at) {
  const c = source.charCodeAt(at);
  const hex = (n) => {
    for (let k = 1; k <= n; k++) if (!isHex(source.charCodeAt(at + k))) return 0;
    return n + 1;
  };
  if (c === 117) return hex(4);
  if (c === 85) return hex(8);
  if (c === 120) return hex(2);
  if (c >= 48 && c <= 57) {
    let n = 1;
    while (n < 3 && source.charCodeAt(at + n) >= 48 && source.charCodeAt(at + n) <= 57) n++;
    return n;
  }
  if (c === LF2) return 1;
  if (c === 13) return source.charCodeAt(at + 1) === LF2 ? 2 : 0;
  if (`'"abfrntv\\`.includes(source[at] ?? "x")) return 1;
  if (c === 78 && source.charCodeAt(at + 1) === 123) {
    const close = source.indexOf("}", at + 2);
    if (close > at + 2 && !source.slice(at + 2, close).includes("\n")) return close - at + 1;
  }
  return 0;
}

// src/languages/python/fast-parser/expressions.ts
var BINARY_PRECEDENCE = {
  "|": 14,
  "&": 15,
  "^": 16,
  "<<": 17,
  ">>": 17,
  "+": 18,
  "-": 18,
  "*": 19,
  "@": 19,
  "/": 19,
  "%": 19,
  "//": 19,
  "**": 21
};
var POWER = 21;
var COMPARISONS = /* @__PURE__ */ new Set(["<", "<=", "==", "!=", ">=", ">", "<>"]);
var AFTER_STAR = /* @__PURE__ */ new Set([",", ")", "]", "}", "=", ";", ":"]);
var MAX_NESTING = 200;
function isPlainName(source, from, to) {
  if (to - from > 20 || to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    const letter = c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
    if (!letter && !(k > from && c >= 48 && c <= 57)) return false;
  }
  return to - from > 8 || !RESERVED.has(source.slice(from, to));
}
var ExpressionParser = class {
  constructor(source, tokens, nodes) {
    this.source = source;
    this.nodes = nodes;
    this.kind = tokens.kind;
    this.start = tokens.start;
    this.end = tokens.end;
    this.text = tokens.text;
  }
  source;
  nodes;
  i = 0;
  nesting = 0;
  /** Inside a statement starting with `print` or `exec`, which tree-sitter also tries as a Python 2 statement. */
  ambiguousStatement = false;
  /** The token index of a `*` that `atom` reads as a starred name (tree-sitter's `list_splat_pattern` as a primary). */
  starredAtomAt = -1;
  /**
   * Children being collected, for all nodes under construction (each takes its own from a mark, innermost first):
   * a node's children array is then allocated once at its exact length, rather than grown by pushing.
   */
  pending = [];
  pendingTop = 0;
  kind;
  start;
  end;
  text;
  // ---- collecting children
  mark() {
    return this.pendingTop;
  }
  add(node) {
    this.pending[this.pendingTop++] = node;
  }
  pendingCount(mark) {
    return this.pendingTop - mark;
  }
  /** The children added since `mark`, as an array of their own. */
  take(mark) {
    const children = this.pending.slice(mark, this.pendingTop);
    this.pendingTop = mark;
    return children;
  }
  // ---- token helpers
  isOp(op, at = this.i) {
    return this.kind[at] === OP && this.text[at] === op;
  }
  isKeyword(word, at = this.i) {
    return this.kind[at] === NAME && this.text[at] === word;
  }
  expectOp(op) {
    if (!this.isOp(op)) throw new Unsupported(`expected ${op}`);
    this.i++;
  }
  expectKeyword(word) {
    if (!this.isKeyword(word)) throw new Unsupported(`expected ${word}`);
    this.i++;
  }
  /** The end of the last token read. */
  get lastEnd() {
    return this.end[this.i - 1];
  }
  enter() {
    if (++this.nesting > MAX_NESTING) throw new Unsupported("nesting too deep");
  }
  leave() {
    this.nesting--;
  }
  identifier() {
    if (this.kind[this.i] !== NAME || RESERVED.has(this.text[this.i])) throw new Unsupported("expected a name");
    const n = this.nodes.leaf("identifier", this.start[this.i], this.end[this.i]);
    this.i++;
    return n;
  }
  /** True when the current token can start an expression. */
  startsExpression(at = this.i) {
    const k = this.kind[at];
    if (k === NUMBER || k === STRING || k === FSTRING) return true;
    if (k === NAME) {
      const t2 = this.text[at];
      return !RESERVED.has(t2) || t2 === "not" || t2 === "lambda" || t2 === "await" || t2 === "None" || t2 === "True" || t2 === "False";
    }
    if (k !== OP) return false;
    const t = this.text[at];
    return t === "(" || t === "[" || t === "{" || t === "-" || t === "+" || t === "~" || t === "*" || t === "..." || t === "**";
  }
  // ---- expressions
  /** tree-sitter's `expression` (without `as_pattern`, which only with-items and except clauses make). */
  expression() {
    this.enter();
    let result;
    if (this.isKeyword("lambda")) result = this.lambda();
    else if (this.kind[this.i] === NAME && this.isOp(":=", this.i + 1)) {
      const name2 = field(this.identifier(), "name");
      this.i++;
      const value = field(this.expression(), "value");
      result = this.nodes.node("named_expression", name2.start, value.end, [name2, value]);
    } else {
      result = this.disjunction();
      if (this.isKeyword("if")) {
        this.i++;
        const condition2 = this.disjunction();
        if (this.isKeyword("if")) throw new Unsupported("nested conditional");
        this.expectKeyword("else");
        const alternative = this.expression();
        result = this.nodes.node("conditional_expression", result.start, alternative.end, [result, condition2, alternative]);
      }
    }
    this.leave();
    return result;
  }
  disjunction() {
    let left = this.conjunction();
    while (this.isKeyword("or")) {
      this.i++;
      const right = this.conjunction();
      left = this.nodes.node("boolean_operator", left.start, right.end, [field(left, "left"), field(right, "right")]);
    }
    return left;
  }
  conjunction() {
    let left = this.negation();
    while (this.isKeyword("and")) {
      this.i++;
      const right = this.negation();
      left = this.nodes.node("boolean_operator", left.start, right.end, [field(left, "left"), field(right, "right")]);
    }
    return left;
  }
  negation() {
    if (!this.isKeyword("not")) return this.comparison();
    const s = this.start[this.i++];
    this.enter();
    const argument = field(this.negation(), "argument");
    this.leave();
    return this.nodes.node("not_operator", s, argument.end, [argument]);
  }
  comparisonOperator() {
    const k = this.kind[this.i];
    if (k === OP) return COMPARISONS.has(this.text[this.i]) ? 1 : 0;
    if (k !== NAME) return 0;
    const t = this.text[this.i];
    if (t === "in") return 1;
    if (t === "is") return this.isKeyword("not", this.i + 1) ? 2 : 1;
    if (t === "not" && this.isKeyword("in", this.i + 1)) return 2;
    return 0;
  }
  comparison() {
    const first = this.binary(0);
    let n = this.comparisonOperator();
    if (!n) return first;
    const m = this.mark();
    this.add(first);
    let last = first;
    while (n) {
      this.i += n;
      this.add(last = this.binary(0));
      n = this.comparisonOperator();
    }
    return this.nodes.node("comparison_operator", first.start, last.end, this.take(m));
  }
  binaryPrecedence() {
    return this.kind[this.i] === OP ? BINARY_PRECEDENCE[this.text[this.i]] ?? -1 : -1;
  }
  /** Binary operators of at least `minimum` precedence over unary operands. */
  binary(minimum) {
    let left = this.unary();
    for (; ; ) {
      const precedence = this.binaryPrecedence();
      if (precedence < minimum || precedence < 0) return left;
      this.i++;
      this.enter();
      const right = this.binary(precedence === POWER ? POWER : precedence + 1);
      this.leave();
      left = this.nodes.node("binary_operator", left.start, right.end, [field(left, "left"), field(right, "right")]);
    }
  }
  unary() {
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
  primary() {
    let node = this.atom();
    for (; ; ) {
      if (this.kind[this.i] !== OP) return node;
      const t = this.text[this.i];
      if (t === ".") {
        this.i++;
        const name2 = field(this.identifier(), "attribute");
        node = this.nodes.node("attribute", node.start, name2.end, [field(node, "object"), name2]);
      } else if (t === "(") {
        const args2 = field(this.argumentList(), "arguments");
        node = this.nodes.node("call", node.start, args2.end, [field(node, "function"), args2]);
      } else if (t === "[") {
        this.i++;
        const m = this.mark();
        this.add(field(node, "value"));
        for (; ; ) {
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
  subscriptItem() {
    const s = this.start[this.i];
    const parts2 = [];
    if (!this.isOp(":")) {
      const e = this.isOp("*") ? this.starredAtomExpression() : this.expression();
      if (!this.isOp(":")) return e;
      parts2.push(e);
    }
    this.i++;
    if (this.startsExpression()) parts2.push(this.expression());
    if (this.isOp(":")) {
      this.i++;
      if (this.startsExpression()) parts2.push(this.expression());
    }
    return this.nodes.node("slice", s, this.lastEnd, parts2);
  }
  atom() {
    const k = this.kind[this.i];
    const s = this.start[this.i];
    const e = this.end[this.i];
    if (this.i === this.starredAtomAt) {
      this.i++;
      const name2 = this.identifier();
      return this.nodes.node("list_splat", s, name2.end, [name2]);
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
    throw new Unsupported(k === END || k === NEWLINE2 ? "unexpected end" : `unexpected ${this.text[this.i] || "token"}`);
  }
  /** A string, or adjacent strings as a `concatenated_string`. */
  strings() {
    const s = this.start[this.i];
    const first = this.string();
    if (this.kind[this.i] !== STRING && this.kind[this.i] !== FSTRING) return first;
    const m = this.mark();
    this.add(first);
    while (this.kind[this.i] === STRING || this.kind[this.i] === FSTRING) this.add(this.string());
    return this.nodes.node("concatenated_string", s, this.lastEnd, this.take(m));
  }
  string() {
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
  interpolated(from, to) {
    if (isPlainName(this.source, from, to)) return this.nodes.leaf("identifier", from, to);
    const tokens = tokenize(this.source, [{ start: from, end: to }], true);
    const Parser2 = this.constructor;
    const inner = new Parser2(this.source, tokens, this.nodes);
    inner.nesting = this.nesting;
    const node = inner.isKeyword("yield") ? inner.yieldExpression() : inner.expressionList(false);
    if (inner.kind[inner.i] !== END) throw new Unsupported("f-string expression");
    return node;
  }
  isGenericType() {
    return this.kind[this.i] === NAME && this.isOp("[", this.i + 1) && !RESERVED.has(this.text[this.i]);
  }
  genericType() {
    const name2 = this.identifier();
    const open = this.start[this.i++];
    const parameters = [];
    for (; ; ) {
      parameters.push(this.type());
      if (!this.isOp(",")) break;
      this.i++;
      if (this.isOp("]")) break;
    }
    this.expectOp("]");
    const typeParameter = this.nodes.node("type_parameter", open, this.lastEnd, parameters);
    return this.nodes.node("generic_type", name2.start, this.lastEnd, [name2, typeParameter]);
  }
  /**
   * An expression from a `*` followed by a name, with the starred name as its first atom: `*a.b + c` is
   * `(*a).b + c`. tree-sitter reads a subscript's starred items so, and the only item of a list or set.
   */
  starredAtomExpression() {
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
  firstElement(close) {
    if (!this.isOp("*") || this.kind[this.i + 1] !== NAME || RESERVED.has(this.text[this.i + 1])) return this.element();
    const at = this.i;
    const only2 = this.starredAtomExpression();
    if (this.isOp(close)) return only2;
    if (!this.isOp(",")) throw new Unsupported("starred element");
    this.i = at;
    return this.element();
  }
  /** An element of a list, set or tuple: an expression, `*expression`, or `yield`. */
  element() {
    if (this.isOp("*")) {
      const s = this.start[this.i++];
      const value = this.expression();
      return this.nodes.node("list_splat", s, value.end, [value]);
    }
    if (this.isKeyword("yield")) return this.yieldExpression();
    return this.expression();
  }
  /** `first` and the elements after it up to `close` (trailing comma allowed); reads `close`. */
  elements(first, close) {
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
  parenthesized() {
    const s = this.start[this.i++];
    this.enter();
    let result;
    if (this.isOp(")")) {
      this.i++;
      result = this.nodes.leaf("tuple", s, this.lastEnd);
    } else {
      const first = this.element();
      if (this.isKeyword("for") || this.isKeyword("async")) {
        if (first.type === "list_splat") throw new Unsupported("starred generator");
        result = this.comprehension("generator_expression", s, first, ")");
      } else if (this.isOp(")")) {
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
  bracketed() {
    const s = this.start[this.i++];
    this.enter();
    let result;
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
  braced() {
    const s = this.start[this.i++];
    this.enter();
    let result;
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
  dictionaryItem(first = false) {
    if (this.isOp("**")) {
      const s = this.start[this.i++];
      const value2 = this.expression();
      return this.nodes.node("dictionary_splat", s, value2.end, [value2]);
    }
    const key = first ? this.firstElement("}") : this.element();
    if (!this.isOp(":")) return key;
    if (key.type === "list_splat" || key.type === "yield") throw new Unsupported("starred key");
    this.i++;
    const value = field(this.expression(), "value");
    return this.nodes.node("pair", key.start, value.end, [field(key, "key"), value]);
  }
  /** `[body for ... if ...]` and the like, from the first `for`; reads `close`. */
  comprehension(type, s, body2, close) {
    const m = this.mark();
    this.add(field(body2, "body"));
    for (; ; ) {
      if (this.isKeyword("for") || this.isKeyword("async") && this.isKeyword("for", this.i + 1)) {
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
        const condition2 = this.disjunction();
        this.add(this.nodes.node("if_clause", clauseStart, condition2.end, [condition2]));
      } else break;
    }
    if (this.isKeyword("else")) throw new Unsupported("conditional in a comprehension");
    this.expectOp(close);
    return this.nodes.node(type, s, this.lastEnd, this.take(m));
  }
  argumentList() {
    const s = this.start[this.i++];
    this.enter();
    const m = this.mark();
    while (!this.isOp(")")) {
      if (this.isOp("*")) {
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
        const name2 = field(this.identifier(), "name");
        this.i++;
        const value = field(this.expression(), "value");
        this.add(this.nodes.node("keyword_argument", name2.start, value.end, [name2, value]));
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
  lambda() {
    const s = this.start[this.i++];
    const children = [];
    if (!this.isOp(":")) {
      const s2 = this.start[this.i];
      const parameters = this.parameterList(":", false);
      children.push(field(this.nodes.node("lambda_parameters", s2, this.lastEnd, parameters), "parameters"));
    }
    this.expectOp(":");
    const body2 = field(this.expression(), "body");
    children.push(body2);
    return this.nodes.node("lambda", s, body2.end, children);
  }
  /** Parameters up to (not including) `close`, with a trailing comma. */
  parameterList(close, typed) {
    const m = this.mark();
    while (!this.isOp(close)) {
      this.add(this.parameter(typed));
      if (!this.isOp(",")) break;
      this.i++;
    }
    return this.take(m);
  }
  parameter(typed) {
    const s = this.start[this.i];
    if (this.isOp("/")) {
      this.i++;
      return this.nodes.leaf("positional_separator", s, this.lastEnd);
    }
    let target;
    if (this.isOp("*") || this.isOp("**")) {
      const double = this.isOp("**");
      this.i++;
      if (!double && (this.isOp(",") || this.isOp(")") || this.isOp(":"))) return this.nodes.leaf("keyword_separator", s, this.lastEnd);
      const name2 = this.identifier();
      target = this.nodes.node(double ? "dictionary_splat_pattern" : "list_splat_pattern", s, name2.end, [name2]);
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
  yieldExpression() {
    const s = this.start[this.i++];
    if (this.isKeyword("from")) {
      this.i++;
      const value2 = this.expression();
      return this.nodes.node("yield", s, value2.end, [value2]);
    }
    if (!this.startsExpression()) return this.nodes.leaf("yield", s, this.lastEnd);
    const value = this.expressionList(true);
    return this.nodes.node("yield", s, value.end, [value]);
  }
  /** A starred name in an expression list (tree-sitter's `list_splat_pattern` aliased to `list_splat`). */
  starredName() {
    const s = this.start[this.i++];
    const value = this.primary();
    if (value.type !== "identifier") throw new Unsupported("starred expression");
    if (!(this.kind[this.i] === NEWLINE2 || this.kind[this.i] === END || this.kind[this.i] === OP && AFTER_STAR.has(this.text[this.i]) || this.isKeyword("in"))) {
      throw new Unsupported("starred expression");
    }
    return this.nodes.node("list_splat", s, value.end, [value]);
  }
  expressionOrStar() {
    if (!this.isOp("*")) return this.expression();
    const k = this.kind[this.i + 2];
    const t = this.text[this.i + 2];
    const nameAlone = k === NEWLINE2 || k === END || k === OP && AFTER_STAR.has(t) || this.isKeyword("in", this.i + 2);
    return nameAlone || this.kind[this.i + 1] !== NAME ? this.starredName() : this.starredAtomExpression();
  }
  /** Comma-separated expressions: the first alone, or an `expression_list` (trailing comma included). */
  expressionList(allowStar) {
    const items = this.expressionItems(allowStar);
    return items.length === 1 && !this.isOp(",", this.i - 1) ? items[0] : this.nodes.node("expression_list", items[0].start, this.lastEnd, items);
  }
  /** Comma-separated expressions, reading a trailing comma. */
  expressionItems(allowStar) {
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
  targets() {
    const m = this.mark();
    for (; ; ) {
      this.add(this.isOp("*") ? this.starredName() : this.primary());
      if (!this.isOp(",")) break;
      this.i++;
      if (this.isKeyword("in")) break;
    }
    return this.patterns(this.take(m), this.isOp(",", this.i - 1));
  }
  /** `items` as a left-hand side: one pattern, or a `pattern_list` when there are several or a trailing comma. */
  patterns(items, trailingComma) {
    if (items.length === 1 && !trailingComma) return this.pattern(items[0]);
    return this.nodes.node("pattern_list", items[0].start, this.lastEnd, items.map((n) => this.pattern(n)));
  }
  /** An expression as tree-sitter's `pattern`. */
  pattern(node) {
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
        return this.nodes.node("tuple_pattern", node.start, node.end, [this.pattern(node.children[0])]);
      case "list":
        return this.nodes.node("list_pattern", node.start, node.end, node.children.map((c) => this.pattern(c)));
      default:
        throw new Unsupported(`${node.type} as a target`);
    }
  }
  /** `*Ts` or `**P` as a `splat_type`; `*tuple[int, ...]` a starred atom expression (PEP 646). */
  splatType() {
    const k = this.kind[this.i + 2];
    const t = this.text[this.i + 2];
    const alone = k === NEWLINE2 || k === END || k === OP && (t === "," || t === ")" || t === ":" || t === "=" || t === "]");
    if (this.kind[this.i + 1] === NAME && !RESERVED.has(this.text[this.i + 1]) && alone) {
      const s = this.start[this.i++];
      const name2 = this.identifier();
      return this.nodes.node("splat_type", s, name2.end, [name2]);
    }
    if (this.isOp("**") || !this.isOp("[", this.i + 2)) throw new Unsupported("splat type");
    return this.starredAtomExpression();
  }
  /** tree-sitter's `type`: an expression, or `Name[types]` as a `generic_type` (and unions of those). */
  type() {
    this.enter();
    let inner;
    if (this.isGenericType()) {
      inner = this.genericType();
      while (this.isOp("|")) {
        this.i++;
        const left = this.nodes.node("type", inner.start, inner.end, [inner]);
        const generic = this.isGenericType();
        const operand = generic ? this.genericType() : this.expression();
        const right = this.nodes.node("type", operand.start, operand.end, [operand]);
        inner = this.nodes.node("union_type", left.start, right.end, [left, right]);
        if (!generic) break;
      }
      if (this.kind[this.i] === OP && (BINARY_PRECEDENCE[this.text[this.i]] !== void 0 || this.text[this.i] === "." || this.text[this.i] === "(" || this.text[this.i] === "[")) {
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
};

// src/languages/python/fast-parser/patterns.ts
var PatternParser = class extends ExpressionParser {
  dottedName() {
    const m = this.mark();
    const first = this.identifier();
    let last = first;
    this.add(first);
    while (this.isOp(".")) {
      this.i++;
      this.add(last = this.identifier());
    }
    return this.nodes.node("dotted_name", first.start, last.end, this.take(m));
  }
  /** tree-sitter's `case_pattern`. */
  casePattern() {
    const s = this.start[this.i];
    this.enter();
    let inner;
    if (this.kind[this.i] === NAME && this.isOp("=", this.i + 1)) {
      const name2 = this.identifier();
      this.i++;
      const m = this.mark();
      this.add(name2);
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
  simplePattern() {
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
  simplePatternAlone() {
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
      const name2 = this.dottedName();
      if (!this.isOp("(")) return name2;
      this.i++;
      const m = this.mark();
      this.add(name2);
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
  patternsUpTo(close) {
    while (!this.isOp(close)) {
      this.add(this.casePattern());
      if (!this.isOp(",")) break;
      this.i++;
    }
    this.expectOp(close);
  }
  isWildcard(at = this.i) {
    return this.kind[at] === NAME && this.end[at] - this.start[at] === 1 && this.source.charCodeAt(this.start[at]) === 95;
  }
  /** `*name`, `**name`, `*_`. */
  splatPattern() {
    const s = this.start[this.i++];
    if (this.isWildcard()) {
      this.i++;
      return this.nodes.leaf("splat_pattern", s, this.lastEnd);
    }
    const name2 = this.identifier();
    return this.nodes.node("splat_pattern", s, name2.end, [name2]);
  }
  /** `1`, `-1.5`, or a `complex_pattern` such as `-1+2j` (the leading `-` is no node of its own). */
  numberPattern() {
    const s = this.start[this.i];
    if (this.isOp("-")) this.i++;
    const first = this.number();
    if (!(this.isOp("+") || this.isOp("-")) || this.kind[this.i + 1] !== NUMBER) return first;
    this.i++;
    const second = this.number();
    return this.nodes.node("complex_pattern", s, second.end, [first, second]);
  }
  number() {
    if (this.kind[this.i] !== NUMBER) throw new Unsupported("pattern");
    const node = this.nodes.leaf(this.text[this.i], this.start[this.i], this.end[this.i]);
    this.i++;
    return node;
  }
};

// src/languages/python/fast-parser/statements.ts
var STATEMENT_TYPES = {
  for: "for_statement",
  while: "while_statement",
  try: "try_statement",
  with: "with_statement",
  def: "function_definition",
  class: "class_definition",
  pass: "pass_statement",
  break: "break_statement",
  continue: "continue_statement",
  global: "global_statement",
  nonlocal: "nonlocal_statement"
};
var AUGMENTED = /* @__PURE__ */ new Set(["+=", "-=", "*=", "/=", "@=", "//=", "%=", "**=", ">>=", "<<=", "&=", "^=", "|="]);
var CALL_LIKE = /* @__PURE__ */ new Set(["(", "=", ".", "[", ",", ")"]);
var StatementParser = class extends PatternParser {
  /** The module's statements, up to the end of the tokens. */
  statements() {
    const m = this.mark();
    while (this.kind[this.i] !== END) this.statement();
    return this.take(m);
  }
  /** Adds the statement (or the `;`-separated simple statements) here to the children being collected. */
  statement() {
    const k = this.kind[this.i];
    if (k === INDENT || k === DEDENT || k === NEWLINE2) throw new Unsupported("unexpected indentation");
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
  simpleStatements() {
    for (; ; ) {
      this.add(this.simpleStatement());
      if (this.isOp(";")) {
        this.i++;
        if (this.kind[this.i] === NEWLINE2) break;
        continue;
      }
      break;
    }
    if (this.kind[this.i] !== NEWLINE2) throw new Unsupported("expected the end of the line");
    return this.start[this.i++];
  }
  /** `: suite` from the colon: an indented block, or the simple statements on the header's line. */
  suite() {
    this.expectOp(":");
    if (this.kind[this.i] === NEWLINE2) {
      if (this.kind[this.i + 1] !== INDENT) throw new Unsupported("empty block");
      this.i += 2;
      const m2 = this.mark();
      while (this.kind[this.i] !== DEDENT) {
        if (this.kind[this.i] === END) throw new Unsupported("unexpected end");
        this.statement();
      }
      const end2 = this.start[this.i++];
      const body3 = this.take(m2);
      return this.nodes.node("block", body3[0].start, end2, body3);
    }
    const m = this.mark();
    const end = this.simpleStatements();
    const body2 = this.take(m);
    return this.nodes.node("block", body2[0].start, end, body2);
  }
  ifStatement() {
    const s = this.start[this.i++];
    const m = this.mark();
    this.add(field(this.expression(), "condition"));
    let last = field(this.suite(), "consequence");
    this.add(last);
    while (this.isKeyword("elif")) {
      const es = this.start[this.i++];
      const condition2 = field(this.expression(), "condition");
      const consequence = field(this.suite(), "consequence");
      this.add(last = field(this.nodes.node("elif_clause", es, consequence.end, [condition2, consequence]), "alternative"));
    }
    if (this.isKeyword("else")) this.add(last = field(this.elseClause(), "alternative"));
    return this.nodes.node("if_statement", s, last.end, this.take(m));
  }
  /**
   * `match subject, ...:` and its indented `case` clauses. The block starts where the header's line ends (its NEWLINE,
   * after a comment there) and ends at its DEDENT.
   */
  matchStatement() {
    const s = this.start[this.i++];
    const m = this.mark();
    for (; ; ) {
      if (this.isOp("*")) throw new Unsupported("starred match subject");
      this.add(field(this.expression(), "subject"));
      if (!this.isOp(",")) break;
      this.i++;
      if (this.isOp(":")) break;
    }
    this.expectOp(":");
    if (this.kind[this.i] !== NEWLINE2 || this.kind[this.i + 1] !== INDENT) throw new Unsupported("match block");
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
  caseClause() {
    const s = this.start[this.i++];
    const m = this.mark();
    for (; ; ) {
      this.add(this.casePattern());
      if (!this.isOp(",")) break;
      this.i++;
      if (this.isOp(":") || this.isKeyword("if")) break;
    }
    if (this.isKeyword("if")) {
      const gs = this.start[this.i++];
      const condition2 = this.expression();
      this.add(field(this.nodes.node("if_clause", gs, condition2.end, [condition2]), "guard"));
    }
    const consequence = field(this.suite(), "consequence");
    this.add(consequence);
    return this.nodes.node("case_clause", s, consequence.end, this.take(m));
  }
  elseClause() {
    const s = this.start[this.i++];
    const body2 = field(this.suite(), "body");
    return this.nodes.node("else_clause", s, body2.end, [body2]);
  }
  /** for, while, try, with, def and class (after an `async` starting at `s`). */
  compound(s) {
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
          const fs2 = this.start[this.i++];
          const block = this.suite();
          this.add(this.nodes.node("finally_clause", fs2, block.end, [block]));
        }
        if (this.pendingCount(m) === 1) throw new Unsupported("try without handlers");
        break;
      case "with": {
        const cs = this.start[this.i];
        const items = this.mark();
        const parenthesized = this.parenthesizedWithItems();
        if (parenthesized) this.i++;
        const close = parenthesized ? ")" : ":";
        for (; ; ) {
          this.add(this.withItem());
          if (!this.isOp(",")) break;
          this.i++;
          if (this.isOp(close)) break;
        }
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
          const args2 = this.argumentList();
          if (args2.type !== "argument_list") throw new Unsupported("generator as bases");
          this.add(field(args2, "superclasses"));
        }
        this.add(field(this.suite(), "body"));
        break;
      }
    }
    const children = this.take(m);
    return this.nodes.node(type, s, children[children.length - 1].end, children);
  }
  exceptClause() {
    const s = this.start[this.i++];
    const children = [];
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
  withItem() {
    let value = this.expression();
    if (this.isKeyword("as")) {
      this.i++;
      const target = this.expression();
      const alias = field(this.nodes.node("as_pattern_target", target.start, target.end, [target]), "alias");
      value = this.nodes.node("as_pattern", value.start, alias.end, [value, alias]);
    }
    return this.nodes.node("with_item", value.start, value.end, [field(value, "value")]);
  }
  decorated() {
    const s = this.start[this.i];
    const children = [];
    while (this.isOp("@")) {
      const ds = this.start[this.i++];
      const expression = this.expression();
      if (this.kind[this.i] !== NEWLINE2) throw new Unsupported("decorator");
      children.push(this.nodes.node("decorator", ds, this.start[this.i++], [expression]));
    }
    let definition;
    if (this.isKeyword("async") && this.isKeyword("def", this.i + 1)) definition = this.compound(this.start[this.i++]);
    else if (this.isKeyword("def") || this.isKeyword("class")) definition = this.compound(this.start[this.i]);
    else throw new Unsupported("decorated statement");
    children.push(field(definition, "definition"));
    return this.nodes.node("decorated_definition", s, definition.end, children);
  }
  simpleStatement() {
    const print = this.isKeyword("print") || this.isKeyword("exec");
    this.ambiguousStatement = print;
    const statement = this.simpleStatementAfterCheck();
    this.ambiguousStatement = false;
    return statement;
  }
  simpleStatementAfterCheck() {
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
          const children = [];
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
          if (this.kind[this.i + 1] === NAME || (this.isOp("(", this.i + 1) || this.isOp("[", this.i + 1)) && this.assignsAhead()) throw new Unsupported("type alias");
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
  parenthesizedWithItems() {
    if (!this.isOp("(")) return false;
    let depth = 0;
    let itemsInside = false;
    for (let k = this.i; this.kind[k] !== END && this.kind[k] !== NEWLINE2; k++) {
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
  assignsAhead() {
    let depth = 0;
    for (let k = this.i; this.kind[k] !== END && this.kind[k] !== NEWLINE2; k++) {
      if (this.kind[k] !== OP) continue;
      const t = this.text[k];
      if (t === "(" || t === "[" || t === "{") depth++;
      else if (t === ")" || t === "]" || t === "}") depth--;
      else if (depth === 0 && (t === "=" || t === ";")) return t === "=";
    }
    return false;
  }
  /** True unless the `match` here is certainly a name: a match statement's line ends with `:`. */
  matchStatementAhead() {
    const next = this.kind[this.i + 1];
    if (next === NEWLINE2) return false;
    if (next === OP && (this.text[this.i + 1] === "=" || this.text[this.i + 1] === "." || AUGMENTED.has(this.text[this.i + 1]))) return false;
    let depth = 0;
    for (let k = this.i + 1; this.kind[k] !== END; k++) {
      if (this.kind[k] === OP) {
        const t = this.text[k];
        if (t === "(" || t === "[" || t === "{") depth++;
        else if (t === ")" || t === "]" || t === "}") depth--;
      }
      if (this.kind[k] === NEWLINE2 && depth === 0) return this.isOp(":", k - 1);
    }
    return true;
  }
  importList() {
    const parenthesized = this.isOp("(");
    if (parenthesized) this.i++;
    const m = this.mark();
    for (; ; ) {
      const name2 = this.dottedName();
      if (this.isKeyword("as")) {
        this.i++;
        const alias = field(this.identifier(), "alias");
        this.add(field(this.nodes.node("aliased_import", name2.start, alias.end, [field(name2, "name"), alias]), "name"));
      } else this.add(field(name2, "name"));
      if (!this.isOp(",")) break;
      this.i++;
      if (parenthesized ? this.isOp(")") : this.kind[this.i] === NEWLINE2 || this.isOp(";")) {
        if (!parenthesized) throw new Unsupported("trailing comma in an import");
        break;
      }
    }
    if (parenthesized) this.expectOp(")");
    return this.take(m);
  }
  importFrom() {
    const s = this.start[this.i++];
    if (this.isKeyword("__future__")) {
      this.i++;
      this.expectKeyword("import");
      const names = this.importList();
      return this.nodes.node("future_import_statement", s, this.lastEnd, names);
    }
    let module2;
    if (this.isOp(".") || this.isOp("...")) {
      const ps = this.start[this.i];
      while (this.isOp(".") || this.isOp("...")) this.i++;
      const prefix = this.nodes.leaf("import_prefix", ps, this.lastEnd);
      const parts2 = [prefix];
      if (!this.isKeyword("import")) parts2.push(this.dottedName());
      module2 = this.nodes.node("relative_import", ps, this.lastEnd, parts2);
    } else module2 = this.dottedName();
    const children = [field(module2, "module_name")];
    this.expectKeyword("import");
    if (this.isOp("*")) {
      children.push(this.nodes.leaf("wildcard_import", this.start[this.i], this.end[this.i]));
      this.i++;
    } else children.push(...this.importList());
    return this.nodes.node("import_from_statement", s, this.lastEnd, children);
  }
  expressionStatement() {
    const s = this.start[this.i];
    let inner;
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
  assignment(left) {
    this.i++;
    const right = field(this.rightHandSide(), "right");
    return this.nodes.node("assignment", left.start, right.end, [field(left, "left"), right]);
  }
  rightHandSide() {
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
};

// src/languages/python/fast-parser/index.ts
function fastParse(source, ranges, lines) {
  try {
    const tokens = tokenize(source, ranges);
    const nodes = new NodeFactory(lines);
    const statements = new StatementParser(source, tokens, nodes).statements();
    const end = ranges ? ranges.length ? ranges[ranges.length - 1].end : 0 : source.length;
    const root = nodes.node("module", tokens.first >= 0 ? tokens.first : end, end, statements);
    const comments = placeExtras(root, tokens.extras, nodes);
    recycleTokens(tokens);
    let depth;
    return {
      tree: {
        source,
        root,
        lines,
        comments,
        problems: [],
        get maxDepth() {
          return depth ??= cursorDepth(root, source);
        }
      }
    };
  } catch (e) {
    if (e instanceof Unsupported) return { unsupported: e.reason };
    if (e instanceof RangeError) return { unsupported: "stack" };
    throw e;
  }
}
var TOKENS = /* @__PURE__ */ new Set([
  "identifier",
  "integer",
  "float",
  "true",
  "false",
  "none",
  "ellipsis",
  "comment",
  "line_continuation",
  "keyword_separator",
  "positional_separator",
  "wildcard_import",
  "type_conversion",
  "escape_sequence",
  "escape_interpolation",
  "string_start",
  "string_end",
  "string_content"
]);
function cursorDepth(root, source) {
  let max = 0;
  const stack = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop();
    let below = depth;
    const literal = node.type === "string" && node.children.length === 0;
    if (!literal && !TOKENS.has(node.type)) {
      let at = node.start;
      const gap = (to) => {
        const text = source.slice(at, to).trim();
        if (text) below = Math.max(below, depth + (node.type === "comparison_operator" && /^(not\s+in|is\s+not)$/.test(text) ? 2 : 1));
      };
      for (const c of node.children) {
        gap(c.start);
        at = c.end;
        stack.push([c, depth + 1]);
      }
      if (node.type !== "module" && node.type !== "block") gap(node.end);
    }
    max = Math.max(max, below, node === root ? 0 : depth);
  }
  return max;
}

// src/languages/python/parser.ts
var TimeBudgetExceeded = class extends Error {
  constructor(stage) {
    super(`time budget exceeded while ${stage}`);
    this.stage = stage;
  }
  stage;
};
function pastDeadline(budget) {
  return budget !== void 0 && Date.now() > budget.deadline;
}
async function createPythonParser(files) {
  await initTreeSitterRuntime(files.locateRuntimeWasm);
  const language = await Language.load(files.grammar);
  const parser2 = new Parser();
  parser2.setLanguage(language);
  const openCursor = !files.publicCursorOnly && directCursorOps(runtimeModule) || publicCursorOps;
  let indexed;
  return {
    parse(source, ranges, budget) {
      if (indexed?.source !== source) indexed = { source, lines: new LineIndex(source) };
      const lines = indexed.lines;
      if (!files.treeSitterOnly) {
        const fast = fastParse(source, ranges, lines);
        if ("tree" in fast) {
          if (pastDeadline(budget)) throw new TimeBudgetExceeded("parsing");
          return fast.tree;
        }
      }
      const progressCallback = budget ? () => Date.now() > budget.deadline : void 0;
      const read = ranges ? rangeReader(source, ranges) : (index2) => source.slice(index2, index2 + INPUT_BUFFER_CHARS);
      const input = budget ? (index2) => Date.now() > budget.deadline ? "" : read(index2) : read;
      const tree = ranges ? parser2.parse(input, null, { includedRanges: ranges.map((r) => toRange(r, lines)), progressCallback }) : parser2.parse(input, null, { progressCallback });
      if (tree && pastDeadline(budget)) {
        tree.delete();
        parser2.reset();
        throw new TimeBudgetExceeded("parsing");
      }
      if (!tree) {
        parser2.reset();
        if (pastDeadline(budget)) throw new TimeBudgetExceeded("parsing");
        throw new Error("tree-sitter returned no tree");
      }
      try {
        return copyTree(tree, source, openCursor, lines);
      } finally {
        tree.delete();
      }
    }
  };
}
function rangeReader(source, ranges) {
  let k = 0;
  return (index2) => {
    if (k >= ranges.length || index2 < ranges[k].start) k = 0;
    while (k < ranges.length && ranges[k].end <= index2) k++;
    const end = k < ranges.length ? ranges[k].end : source.length;
    return source.slice(index2, Math.min(end, index2 + INPUT_BUFFER_CHARS));
  };
}
var INPUT_BUFFER_CHARS = 5 * 1024 - 1;
function toRange(range, lines) {
  const [startRow, startColumn] = lines.position(range.start);
  const [endRow, endColumn] = lines.position(range.end);
  return {
    startIndex: range.start,
    endIndex: range.end,
    startPosition: { row: startRow, column: startColumn },
    endPosition: { row: endRow, column: endColumn }
  };
}

// src/languages/python/semantic/fold-strings.ts
var MAX_FOLDED_LENGTH = 4096;
function percentFormat(format, args2) {
  let out2 = "";
  let next = 0;
  for (let i2 = 0; i2 < format.length; i2++) {
    const c = format[i2];
    if (c !== "%") {
      out2 += c;
      continue;
    }
    const spec2 = format[++i2];
    if (spec2 === "%") out2 += "%";
    else if (spec2 === "s" && next < args2.length) out2 += args2[next++];
    else return void 0;
  }
  return next === args2.length ? out2 : void 0;
}
function braceFormat(format, positional, keywords) {
  let out2 = "";
  let auto = 0;
  let numbered = false;
  for (let i2 = 0; i2 < format.length; i2++) {
    const c = format[i2];
    if (c === "}") {
      if (format[i2 + 1] !== "}") return void 0;
      out2 += "}";
      i2++;
      continue;
    }
    if (c !== "{") {
      out2 += c;
      continue;
    }
    if (format[i2 + 1] === "{") {
      out2 += "{";
      i2++;
      continue;
    }
    const close = format.indexOf("}", i2);
    if (close < 0) return void 0;
    const field2 = format.slice(i2 + 1, close);
    i2 = close;
    let value;
    if (field2 === "") {
      if (numbered) return void 0;
      value = positional[auto++];
    } else if (/^\d+$/.test(field2)) {
      numbered = true;
      value = positional[Number(field2)];
    } else if (/^[A-Za-z_]\w*$/.test(field2)) {
      value = keywords.get(field2);
    }
    if (value === void 0 || auto && numbered) return void 0;
    out2 += value;
  }
  return out2;
}
function sliceString(s, sliceText) {
  const m = /^\s*([-+]?\d+)?\s*:\s*([-+]?\d+)?\s*(?::\s*([-+]?\d+)?\s*)?$/.exec(sliceText);
  if (!m) return void 0;
  const chars = [...s];
  const n = chars.length;
  const step = m[3] === void 0 ? 1 : Number(m[3]);
  if (step === 0 || !Number.isSafeInteger(step)) return void 0;
  const bound = (text, fallback, low, high) => {
    if (text === void 0) return fallback;
    const v = Number(text);
    const at = v < 0 ? v + n : v;
    return Math.min(Math.max(at, low), high);
  };
  let out2 = "";
  if (step > 0) {
    const start2 = bound(m[1], 0, 0, n);
    const stop2 = bound(m[2], n, 0, n);
    for (let i2 = start2; i2 < stop2; i2 += step) out2 += chars[i2];
  } else {
    const start2 = bound(m[1], n - 1, -1, n - 1);
    const stop2 = bound(m[2], -1, -1, n - 1);
    for (let i2 = start2; i2 > stop2; i2 += step) out2 += chars[i2];
  }
  return out2;
}
function stringMethod(s, method) {
  switch (method) {
    case "lower":
    case "casefold":
      return s.toLowerCase();
    case "upper":
      return s.toUpperCase();
    case "strip":
      return s.trim();
    case "lstrip":
      return s.trimStart();
    case "rstrip":
      return s.trimEnd();
    default:
      return void 0;
  }
}

// src/languages/python/semantic/scopes.ts
var ACTED_ON = /* @__PURE__ */ new Set([
  "function_definition",
  "lambda",
  "class_definition",
  "decorated_definition",
  "import_statement",
  "import_from_statement",
  "future_import_statement",
  "global_statement",
  "nonlocal_statement",
  "assignment",
  "augmented_assignment",
  "named_expression",
  "for_statement",
  "for_in_clause",
  "as_pattern",
  "call",
  "subscript",
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression"
]);
var LITERAL_SEQUENCES = /* @__PURE__ */ new Set(["list", "tuple", "set"]);
var SEQUENCE_VALUES = /* @__PURE__ */ new Set(["expression_list", "tuple", "list", "pattern_list"]);
var NO_NODES = [];
function buildScopes(tree, moduleName) {
  const scopes = [];
  const newScope = (kind, node, parent) => {
    const scope = emptyScope(kind, node, parent);
    scopes.push(scope);
    return scope;
  };
  const module2 = newScope("module", tree.root, null);
  const calls = [];
  const subscripts = [];
  const classScopes = /* @__PURE__ */ new Map();
  const selfNames = /* @__PURE__ */ new Map();
  const text = (n) => tree.source.slice(n.start, n.end);
  const pendingNodes = [tree.root];
  const pendingScopes = [module2];
  const visitLater = (node, scope) => {
    pendingNodes.push(node);
    pendingScopes.push(scope);
  };
  const bind = (scope, name2, kind, site, position, extra) => {
    const target = scope.globals.size && scope.globals.has(name2) ? module2 : scope;
    let list = target.bindings.get(name2);
    if (!list) target.bindings.set(name2, list = []);
    list.push(extra ? { name: name2, kind, site, position, scope: target, ...extra } : { name: name2, kind, site, position, scope: target });
  };
  const bindTarget = (scope, target, value, kind, position) => {
    if (target.type === "identifier") {
      bind(scope, text(target), value ? kind : "opaque", target, position ?? target.end, value ? { value } : void 0);
      return;
    }
    const work = [{ t: target, v: value }];
    while (work.length) {
      const { t, v } = work.pop();
      switch (t.type) {
        case "identifier":
          bind(scope, text(t), v ? kind : "opaque", t, position ?? t.end, v ? { value: v } : void 0);
          break;
        case "pattern_list":
        case "tuple_pattern":
        case "list_pattern":
        case "expression_list":
        case "tuple":
        case "list": {
          const values = v && SEQUENCE_VALUES.has(v.type) ? v.children : NO_NODES;
          const sameShape = values.length === t.children.length;
          t.children.forEach((c, i2) => work.push({ t: c, v: sameShape ? values[i2] : void 0 }));
          break;
        }
        case "list_splat_pattern":
        case "parenthesized_expression":
        case "parenthesized_list_splat":
          for (const c of t.children) work.push({ t: c, v: void 0 });
          break;
        case "as_pattern_target":
          for (const c of t.children) work.push({ t: c, v });
          break;
        default:
          if (t.type === "attribute" && v) recordInstanceAttribute(scope, t, v);
          visitLater(t, scope);
      }
    }
  };
  const bindParameters = (params, inner, outer, method) => {
    if (!params) return;
    let first = true;
    for (let q = 0; q < params.children.length; q++) {
      const p = params.children[q];
      const name2 = p.type === "identifier" ? p : childByField(p, "name") ?? p.children.find((c) => c.type === "identifier");
      const positional = p.type === "identifier" || p.type === "typed_parameter" || p.type === "default_parameter" || p.type === "typed_default_parameter";
      if (name2 && name2.type === "identifier") {
        const defaultValue = p.type === "default_parameter" || p.type === "typed_default_parameter" ? childByField(p, "value") : void 0;
        if (first && positional && method && method.kind !== "static") {
          bind(inner, text(name2), method.kind, name2, name2.end, { classDef: method.classDef });
          if (method.kind === "instance") selfNames.set(inner, { name: text(name2), classScope: outer });
        } else if (defaultValue) {
          bind(inner, text(name2), "assignment", name2, name2.end, { value: defaultValue, valueScope: outer });
        } else {
          bind(inner, text(name2), "opaque", name2, name2.end);
        }
      }
      if (positional) first = false;
      let value;
      let type;
      for (let k = 0; k < p.children.length; k++) {
        const c = p.children[k];
        if (c.field === "value") value ??= c;
        else if (c.field === "type") type ??= c;
      }
      if (value) visitLater(value, outer);
      if (type) visitLater(type, outer);
    }
  };
  while (pendingNodes.length) {
    const node = pendingNodes.pop();
    const scope = pendingScopes.pop();
    switch (node.type) {
      case "function_definition": {
        const name2 = childByField(node, "name");
        if (name2) bind(scope, text(name2), "function", name2, node.end);
        const inner = newScope("function", node, scope);
        bindParameters(childByField(node, "parameters"), inner, scope, methodKind(node, scope));
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.field === "body") visitLater(c, inner);
          else if (c.field === "return_type" || c.type === "decorator") visitLater(c, scope);
        }
        continue;
      }
      case "lambda": {
        const inner = newScope("lambda", node, scope);
        bindParameters(childByField(node, "parameters"), inner, scope);
        const body2 = childByField(node, "body");
        if (body2) visitLater(body2, inner);
        continue;
      }
      case "class_definition": {
        const name2 = childByField(node, "name");
        if (name2) bind(scope, text(name2), "class", name2, node.end, { classDef: node });
        const inner = newScope("class", node, scope);
        classScopes.set(node, inner);
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.field === "body") visitLater(c, inner);
          else if (c.field !== "name") visitLater(c, scope);
        }
        continue;
      }
      case "decorated_definition":
        break;
      case "import_statement":
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          bindImport(c, "", scope, node.end);
        }
        continue;
      case "import_from_statement": {
        const moduleNode = childByField(node, "module_name");
        const from = moduleNode ? importedModuleName(moduleNode, moduleName, text) : "";
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.type === "wildcard_import") scope.starImports.push({ module: from, site: c });
          else if (c.field === "name") bindImport(c, from, scope, node.end);
        }
        continue;
      }
      case "future_import_statement":
        continue;
      case "global_statement":
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.type === "identifier") scope.globals.add(text(c));
        }
        continue;
      case "nonlocal_statement":
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c.type === "identifier") scope.nonlocals.add(text(c));
        }
        continue;
      case "assignment": {
        let right = childByField(node, "right");
        let value = right;
        while (value?.type === "assignment") value = childByField(value, "right");
        const left = childByField(node, "left");
        if (left) bindTarget(scope, left, value, "assignment", node.end);
        if (right?.type === "assignment") {
          const innerLeft = childByField(right, "left");
          if (innerLeft) bindTarget(scope, innerLeft, value, "assignment", node.end);
          right = value;
        }
        if (right) visitLater(right, scope);
        const type = childByField(node, "type");
        if (type) visitLater(type, scope);
        continue;
      }
      case "augmented_assignment": {
        const left = childByField(node, "left");
        if (left) bindTarget(scope, left, void 0, "opaque", node.end);
        const right = childByField(node, "right");
        if (right) visitLater(right, scope);
        continue;
      }
      case "named_expression": {
        const name2 = childByField(node, "name");
        const value = childByField(node, "value");
        let target = scope;
        while (target.kind === "comprehension" && target.parent) target = target.parent;
        if (name2) bind(target, text(name2), value ? "assignment" : "opaque", name2, node.end, value ? { value } : void 0);
        if (value) visitLater(value, scope);
        continue;
      }
      case "for_statement":
      case "for_in_clause": {
        const left = childByField(node, "left");
        const right = childByField(node, "right");
        if (left?.type === "identifier" && right && LITERAL_SEQUENCES.has(right.type)) bind(scope, text(left), "element", left, left.end, { value: right });
        else if (left) bindTarget(scope, left, void 0, "opaque");
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c !== left) visitLater(c, scope);
        }
        continue;
      }
      case "as_pattern": {
        const alias = childByField(node, "alias");
        const entered = node.parent?.type === "with_item" ? node.children.find((c) => c !== alias) : void 0;
        if (alias) bindTarget(scope, alias, entered, "assignment");
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          if (c !== alias) visitLater(c, scope);
        }
        continue;
      }
      case "call":
        calls.push({ node, scope });
        break;
      case "subscript":
        subscripts.push({ node, scope });
        break;
      case "list_comprehension":
      case "set_comprehension":
      case "dictionary_comprehension":
      case "generator_expression": {
        const inner = newScope("comprehension", node, scope);
        for (let k = 0; k < node.children.length; k++) {
          const c = node.children[k];
          visitLater(c, inner);
        }
        continue;
      }
    }
    for (let i2 = node.children.length - 1; i2 >= 0; i2--) {
      const child = node.children[i2];
      if (child.children.length === 0 && !ACTED_ON.has(child.type)) continue;
      visitLater(child, scope);
    }
  }
  return { module: module2, calls, subscripts, classScopes, scopes };
  function methodKind(def, scope) {
    if (scope.kind !== "class") return void 0;
    let kind = "instance";
    const decorated = def.parent?.type === "decorated_definition" ? def.parent : void 0;
    for (const d of decorated?.children ?? []) {
      if (d.type !== "decorator") continue;
      const name2 = text(d).replace(/^@\s*/, "").trim();
      if (name2 === "staticmethod") kind = "static";
      else if (name2 === "classmethod") kind = "class";
    }
    return { classDef: scope.node, kind };
  }
  function recordInstanceAttribute(scope, target, value) {
    const self2 = selfNames.get(scope);
    const object = childByField(target, "object");
    const attribute = childByField(target, "attribute");
    if (!self2 || !object || !attribute || object.type !== "identifier" || text(object) !== self2.name) return;
    const attributes = self2.classScope.instanceAttributes ??= /* @__PURE__ */ new Map();
    const name2 = text(attribute);
    let list = attributes.get(name2);
    if (!list) attributes.set(name2, list = []);
    list.push({ value, scope, site: target });
  }
  function bindImport(item, from, scope, position) {
    if (item.type === "aliased_import") {
      const name2 = childByField(item, "name");
      const alias = childByField(item, "alias");
      if (!name2 || !alias) return;
      const qualifiedName = from ? `${from}.${text(name2)}` : text(name2);
      bind(scope, text(alias), "import", alias, position, { qualifiedName });
    } else if (item.type === "dotted_name") {
      const dotted = text(item).replace(/\s+/g, "");
      if (from) {
        bind(scope, dotted, "import", item, position, { qualifiedName: `${from}.${dotted}` });
      } else {
        const top = dotted.split(".")[0];
        bind(scope, top, "import", item, position, { qualifiedName: top });
      }
    }
  }
}
function emptyScope(kind, node, parent) {
  return { kind, node, parent, bindings: /* @__PURE__ */ new Map(), globals: /* @__PURE__ */ new Set(), nonlocals: /* @__PURE__ */ new Set(), starImports: [] };
}
function importedModuleName(node, moduleName, text) {
  if (node.type !== "relative_import") return text(node).replace(/\s+/g, "");
  const prefix = node.children.find((c) => c.type === "import_prefix");
  const rest = node.children.find((c) => c.type === "dotted_name");
  const level = prefix ? text(prefix).length : 0;
  const restText = rest ? text(rest).replace(/\s+/g, "") : "";
  const parts2 = moduleName ? moduleName.split(".") : [];
  if (!moduleName || level > parts2.length) return ".".repeat(level) + restText;
  const base = parts2.slice(0, parts2.length - level);
  if (restText) base.push(restText);
  return base.join(".");
}
function detachScopes(index2) {
  for (const scope of index2.scopes) {
    scope.bindings.clear();
    scope.globals.clear();
    scope.nonlocals.clear();
    scope.instanceAttributes?.clear();
    const s = scope;
    s.node = s.parent = s.bindings = s.globals = s.nonlocals = s.starImports = void 0;
    if (scope.instanceAttributes) s.instanceAttributes = void 0;
  }
  index2.classScopes.clear();
  for (const list of [index2.calls, index2.subscripts, index2.scopes]) list.fill(void 0);
}

// src/languages/python/semantic/model.ts
function ancestorKey(r) {
  return r.projectClass ? `${r.name}\0class:${r.projectClass.name}` : r.projectInstance ? `${r.name}\0instance:${r.projectInstance.name}` : r.name;
}
function resolvedName(name2, fields) {
  return {
    name: name2,
    localClass: fields?.localClass,
    constructedBy: fields?.constructedBy,
    instanceOf: fields?.instanceOf,
    projectClass: fields?.projectClass,
    projectInstance: fields?.projectInstance,
    chain: fields?.chain,
    definition: fields?.definition,
    boundBy: fields?.boundBy
  };
}
function inOneShape(names) {
  const out2 = [];
  for (const n of names) out2.push(resolvedName(n.name, n));
  return out2;
}
var RESOLVED_THROUGH = [
  "importlib.import_module",
  "importlib.__import__",
  "builtins.__import__",
  "builtins.getattr",
  "builtins.vars",
  "functools.partial",
  "sys.modules",
  "__dict__"
];
var GIVES_DEFINITIONS = /* @__PURE__ */ new Set([
  "importlib.import_module",
  "importlib.__import__",
  "builtins.__import__",
  "builtins.getattr",
  "functools.partial",
  "builtins.staticmethod",
  "builtins.classmethod",
  "sys.modules.get",
  "builtins.globals().get",
  "operator.attrgetter()",
  "typing.cast"
]);
var MAX_DEPTH = 128;
var MAX_NAMES = 256;
var LOCAL = "<local>.";
var SemanticModel = class {
  constructor(tree, moduleName, project) {
    this.tree = tree;
    this.moduleName = moduleName;
    this.project = project;
    const index2 = buildScopes(tree, moduleName);
    this.scopeIndex = index2;
    this.calls = index2.calls;
    this.subscripts = index2.subscripts;
    this.module = index2.module;
    this.classBodies = index2.classScopes;
  }
  tree;
  moduleName;
  project;
  calls;
  /** Analyses of this file that stopped at one of their step limits (see the data flow's `MAX_DATA_FLOW_STEPS`), for a warning. */
  limits = /* @__PURE__ */ new Set();
  subscripts;
  module;
  bindingCache = /* @__PURE__ */ new Map();
  inProgress = /* @__PURE__ */ new Set();
  /** The constant string each binding read by `constantString` holds (null: none, or being worked out). */
  constantCache = /* @__PURE__ */ new Map();
  classBodies;
  scopeIndex;
  /**
   * Unlinks the scopes and the tree, and empties the caches, once the file's analysis is over (see `detachTree`): a
   * promoted map keeps its young table and all it holds alive through scavenges, dead or not, until emptied. The
   * model is unusable after.
   */
  release() {
    for (const cache of [this.bindingCache, this.inProgress, this.qualifiedNames, this.attributeNames, this.memberCache, this.instanceMemberCache, this.ancestorCache, this.resolvedExpressions, this.starImported, this.returns, this.constructionCalls]) cache.clear();
    this.functionScopes = void 0;
    this.constructorScopes = void 0;
    this.callsByName = void 0;
    detachScopes(this.scopeIndex);
    detachTree(this.tree.root);
  }
  /**
   * A qualified name, resolved across the project's modules when a project index is present. Made once per name and
   * model (the index does not change while a file is analysed); callers share the arrays and must not change them.
   */
  qualified(name2) {
    let found = this.qualifiedNames.get(name2);
    if (!found) {
      const canonical = canonicalName(name2);
      const project = this.project?.resolve(canonical);
      found = project ? inOneShape(project) : [resolvedName(canonical)];
      this.qualifiedNames.set(name2, found);
    }
    return found;
  }
  qualifiedNames = /* @__PURE__ */ new Map();
  /**
   * `base.path` as a qualified name (see `qualified`), found by `base` and then `path` without joining them: the
   * names resolution asks for are mostly the same few modules and classes with one attribute after another.
   */
  qualifiedAttribute(base, path) {
    let byPath = this.attributeNames.get(base);
    if (!byPath) this.attributeNames.set(base, byPath = /* @__PURE__ */ new Map());
    let found = byPath.get(path);
    if (!found) {
      const canonical = canonicalName(`${base}.${path}`);
      const project = this.project?.resolve(canonical);
      byPath.set(path, found = project ? inOneShape(project) : [resolvedName(canonical)]);
    }
    return found;
  }
  attributeNames = /* @__PURE__ */ new Map();
  /** The body scope of a class defined in this file. */
  classScope(classDef) {
    return this.classBodies.get(classDef);
  }
  /**
   * What a name bound at module level holds once the module has run (the bindings that reach its end): the
   * module's export of that name. Undefined when the module does not bind it.
   */
  exported(name2) {
    const bindings = this.module.bindings.get(name2);
    if (!bindings?.length) return void 0;
    const end = this.moduleEnd ??= { start: this.tree.source.length, parent: null };
    return reachingBindings(bindings, end, this.module).map((binding) => ({ binding, values: this.resolveBinding(binding, 0) }));
  }
  /** A stand-in for a use of a name after the module's last statement (see `exported`). */
  moduleEnd;
  /**
   * What `attribute` of a class defined in this file holds: a class-level binding, or for an instance also a
   * `self.attribute = value` in a method, else what a base class defined here holds. Undefined when none binds it.
   */
  classMember(classDef, attribute, instance2, depth = 0) {
    const cache = instance2 ? this.instanceMemberCache : this.memberCache;
    let byAttribute = cache.get(classDef);
    if (!byAttribute) cache.set(classDef, byAttribute = /* @__PURE__ */ new Map());
    if (byAttribute.has(attribute)) return byAttribute.get(attribute);
    byAttribute.set(attribute, void 0);
    const found = this.findClassMember(classDef, attribute, instance2, depth);
    byAttribute.set(attribute, found);
    return found;
  }
  /** What `C.attribute` and `C().attribute` hold, by class and attribute. */
  memberCache = /* @__PURE__ */ new Map();
  instanceMemberCache = /* @__PURE__ */ new Map();
  ancestorCache = /* @__PURE__ */ new Map();
  findClassMember(classDef, attribute, instance2, depth) {
    const seen = /* @__PURE__ */ new Set();
    const work = [classDef];
    while (work.length && depth <= MAX_DEPTH) {
      const def = work.shift();
      if (seen.has(def)) continue;
      seen.add(def);
      const body2 = this.classBodies.get(def);
      if (!body2) continue;
      const out2 = [];
      let bound = false;
      for (const b of body2.bindings.get(attribute) ?? []) {
        bound = true;
        const property = b.kind === "function" ? this.propertyGetter(b, body2) : void 0;
        this.union(out2, property ? this.returnedBy(property, depth + 1) : this.resolveBinding(b, depth + 1));
      }
      if (instance2) {
        for (const a of body2.instanceAttributes?.get(attribute) ?? []) {
          bound = true;
          this.union(out2, this.resolve(a.value, a.scope, depth + 1));
        }
      }
      if (bound) return out2;
      for (const base of this.classAncestors(def, this.scopeOfDefinition(def) ?? this.module)) {
        if (base.localClass) work.push(base.localClass);
        else if (base.projectClass) {
          const found = base.projectClass.member(attribute, instance2);
          if (found) return inOneShape(found);
        }
      }
    }
    return void 0;
  }
  /** The `function_definition` of a method decorated `@property` (or `functools.cached_property`), else undefined. */
  propertyGetter(b, classBody) {
    const definition = b.site.parent;
    const decorated = definition?.parent;
    if (definition?.type !== "function_definition" || decorated?.type !== "decorated_definition") return void 0;
    for (const decorator of decorated.children) {
      if (decorator.type !== "decorator") continue;
      const expression = decorator.children.find((c) => c.type !== "@" && c.type !== "comment");
      if (expression && this.resolve(expression, classBody.parent ?? this.module, 1).some((r) => PROPERTY_DECORATORS.has(r.name))) return definition;
    }
    return void 0;
  }
  text(node) {
    return this.tree.source.slice(node.start, node.end);
  }
  className(classDef) {
    const name2 = childByField(classDef, "name");
    return name2 ? this.text(name2) : "<class>";
  }
  /** All qualified names `expr` may denote in `scope`; empty when unknown. */
  /**
   * Outermost resolutions by expression: every rule, the data flow and the trust judgement ask for the same
   * callees. Only an outermost call is kept (no binding in progress, so no cycle was cut short for this caller);
   * its answer is what asking again would give, as every binding it went through is cached already. Callers share
   * the arrays and must not change them.
   */
  resolvedExpressions = /* @__PURE__ */ new Map();
  resolve(expr, scope, depth = 0) {
    if (depth > 0 || this.inProgress.size > 0) return this.resolveNow(expr, scope, depth);
    const known = this.resolvedExpressions.get(expr);
    if (known?.scope === scope) return known.names;
    const names = this.resolveNow(expr, scope, 0);
    this.resolvedExpressions.set(expr, { scope, names });
    return names;
  }
  resolveNow(expr, scope, depth) {
    if (depth > MAX_DEPTH) return [];
    const node = unwrapParentheses(expr);
    switch (node.type) {
      case "identifier":
        return this.resolveName(this.text(node), scope, node, depth);
      case "attribute":
        return this.resolveAttribute(node, scope, depth);
      case "call":
        return this.resolveCallResult(node, scope, depth);
      case "subscript":
        return this.resolveSubscript(node, scope, depth);
      case "conditional_expression": {
        const [a, , b] = node.children;
        return this.either(a, b, scope, depth);
      }
      case "boolean_operator": {
        return this.either(childByField(node, "left"), childByField(node, "right"), scope, depth);
      }
      case "named_expression": {
        const value = childByField(node, "value");
        return value ? this.resolve(value, scope, depth + 1) : [];
      }
      default:
        return [];
    }
  }
  /**
   * Adds to `out` the names of `names` it does not hold yet (the same object: resolved names are shared, so a name
   * reached along several paths is one object), at most `MAX_NAMES`. Without it a class whose fields are each set
   * from three others (`self.f1 = self.f2 if c else self.f3 or self.f4`) made lists that tripled at each field.
   */
  union(out2, names) {
    if (!out2.length && names.length <= MAX_NAMES) {
      for (let k = 0; k < names.length; k++) out2.push(names[k]);
      return out2;
    }
    for (let k = 0; k < names.length; k++) {
      const name2 = names[k];
      if (out2.includes(name2)) continue;
      if (out2.length >= MAX_NAMES) break;
      out2.push(name2);
    }
    return out2;
  }
  /** What `a if c else b` and `a or b` may be: either side (appended, not spread: spreading arrays of several kinds cost `resolveNow` its optimised code). */
  either(a, b, scope, depth) {
    const out2 = [];
    if (a) this.union(out2, this.resolve(a, scope, depth + 1));
    if (b) this.union(out2, this.resolve(b, scope, depth + 1));
    return out2;
  }
  /** The string an expression always evaluates to, when it is built from literals (and names bound to them). */
  constantString(expr, scope, depth = 0) {
    if (depth > MAX_DEPTH) return void 0;
    const node = unwrapParentheses(expr);
    switch (node.type) {
      case "string":
        return this.stringLiteral(node) ?? this.formattedConstant(node, scope, depth);
      case "concatenated_string": {
        let out2 = "";
        for (const part of node.children) {
          const s = this.constantString(part, scope, depth + 1);
          if (s === void 0) return void 0;
          out2 += s;
        }
        return bounded(out2);
      }
      case "binary_operator": {
        const left = childByField(node, "left");
        const right = childByField(node, "right");
        const op = left && right ? this.tree.source.slice(left.end, right.start).trim() : "";
        if (op !== "+" && op !== "%") return void 0;
        const l = this.constantString(left, scope, depth + 1);
        if (l === void 0) return void 0;
        if (op === "%") {
          const args2 = this.constantStrings(right, scope, depth + 1);
          return args2 && bounded(percentFormat(l, args2));
        }
        const r = this.constantString(right, scope, depth + 1);
        return r === void 0 ? void 0 : bounded(l + r);
      }
      case "call":
        return this.constantCall(node, scope, depth);
      case "subscript": {
        const value = childByField(node, "value");
        const index2 = childByField(node, "subscript");
        const s = index2?.type === "slice" && value ? this.constantString(value, scope, depth + 1) : void 0;
        return s === void 0 ? void 0 : sliceString(s, this.text(index2));
      }
      case "identifier": {
        const b = finalBinding(this.lookup(this.text(node), scope, node), this.module);
        if (!b) return void 0;
        const known = this.constantCache.get(b);
        if (known !== void 0) return known ?? void 0;
        this.constantCache.set(b, null);
        const found = this.bindingConstant(b, depth);
        this.constantCache.set(b, found ?? null);
        return found;
      }
      default:
        return void 0;
    }
  }
  /** The constant string a binding's value is (see `constantString`). */
  bindingConstant(b, depth) {
    if (b.kind === "assignment" && b.value) return this.constantString(b.value, b.scope, depth + 1);
    if (b.kind === "import" && b.qualifiedName) return this.importedConstant(b.qualifiedName);
    const augmented = b.kind === "opaque" ? b.site.parent : void 0;
    if (augmented?.type !== "augmented_assignment" || childByField(augmented, "left") !== b.site) return void 0;
    const right = childByField(augmented, "right");
    if (!right || this.tree.source.slice(b.site.end, right.start).trim() !== "+=") return void 0;
    const before = this.constantString(b.site, b.scope, depth + 1);
    const added = before === void 0 ? void 0 : this.constantString(right, b.scope, depth + 1);
    return before === void 0 || added === void 0 ? void 0 : bounded(before + added);
  }
  /**
   * Other modules' constants this file's constant strings read and no summary told of (`from app.names import SER`,
   * then `import_module(SER)`): the whole-program pass summarises their modules.
   */
  constantDemand = /* @__PURE__ */ new Set();
  importedConstant(qualified) {
    if (!/^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$/.test(qualified)) return void 0;
    const found = this.project?.flows?.(qualified);
    if (!found?.length) {
      if (this.constantDemand.size < 16) this.constantDemand.add(qualified);
      return void 0;
    }
    return found.length === 1 ? found[0].flows.constant?.value : void 0;
  }
  /** An f-string whose fields are constant strings without conversion or format spec (`f"{'pic'}kle"`, `f"{NAME}kle"`). */
  formattedConstant(node, scope, depth) {
    const text = this.text(node);
    const opening = /^[rRbBuUfF]{0,2}('''|"""|'|")/.exec(text);
    if (!opening || !node.children.some((c) => c.type === "interpolation")) return void 0;
    const prefix = opening[0].slice(0, opening[0].length - opening[1].length);
    const piece = (from2, to) => decodeStringLiteral(prefix + opening[1] + this.tree.source.slice(from2, to) + opening[1]);
    let out2 = "";
    let from = node.start + opening[0].length;
    for (const c of node.children) {
      if (c.type !== "interpolation") continue;
      const fields = c.children.filter((x) => x.type !== "comment");
      const before = piece(from, c.start);
      const value = fields.length === 1 ? this.constantString(fields[0], scope, depth + 1) : void 0;
      if (before === void 0 || value === void 0) return void 0;
      out2 += before + value;
      from = c.end;
    }
    const rest = piece(from, node.end - opening[1].length);
    return rest === void 0 ? void 0 : bounded(out2 + rest);
  }
  /** The strings of a constant tuple (or the one string) on the right of `%`. */
  constantStrings(node, scope, depth) {
    const n = unwrapParentheses(node);
    if (n.type !== "tuple") {
      const s = this.constantString(n, scope, depth);
      return s === void 0 ? void 0 : [s];
    }
    return this.constantElements(n, scope, depth);
  }
  /** The elements of a list or tuple literal, each a constant string. */
  constantElements(node, scope, depth) {
    const out2 = [];
    for (const element of node.children) {
      if (element.type === "comment") continue;
      const s = this.constantString(element, scope, depth + 1);
      if (s === void 0) return void 0;
      out2.push(s);
    }
    return out2;
  }
  /** `sep.join([...])`, `fmt.format(...)`, `s.lower()` and the like, and `str(s)`, of constant strings. */
  constantCall(node, scope, depth) {
    const callee = childByField(node, "function");
    const args2 = (childByField(node, "arguments")?.children ?? []).filter((c) => c.type !== "comment");
    if (callee?.type === "identifier") {
      if (this.text(callee) !== "str" || args2.length !== 1 || this.lookup("str", scope, callee)) return void 0;
      return this.constantString(args2[0], scope, depth + 1);
    }
    const object = callee?.type === "attribute" ? childByField(callee, "object") : void 0;
    const method = callee?.type === "attribute" ? childByField(callee, "attribute") : void 0;
    if (!object || !method) return void 0;
    const name2 = this.text(method);
    if (name2 !== "join" && name2 !== "format" && (args2.length || stringMethod("", name2) === void 0)) return void 0;
    const s = this.constantString(object, scope, depth + 1);
    if (s === void 0) return void 0;
    if (name2 === "join") {
      const list = args2.length === 1 ? unwrapParentheses(args2[0]) : void 0;
      const parts2 = list && (list.type === "list" || list.type === "tuple") ? this.constantElements(list, scope, depth) : void 0;
      return parts2 && bounded(parts2.join(s));
    }
    if (name2 !== "format") return stringMethod(s, name2);
    const positional = [];
    const keywords = /* @__PURE__ */ new Map();
    for (const a of args2) {
      if (a.type === "list_splat" || a.type === "dictionary_splat") return void 0;
      const keyword = a.type === "keyword_argument" ? childByField(a, "name") : void 0;
      const valueNode = keyword ? childByField(a, "value") : a;
      const value = valueNode && this.constantString(valueNode, scope, depth + 1);
      if (value === void 0) return void 0;
      if (keyword) keywords.set(this.text(keyword), value);
      else positional.push(value);
    }
    return bounded(braceFormat(s, positional, keywords));
  }
  /** Bindings that `name` may refer to at `use` (LEGB, class bodies invisible to nested scopes). */
  lookup(name2, scope, use) {
    let s = scope;
    let sameScope = true;
    while (s) {
      if (!sameScope && s.kind === "class") {
        s = s.parent;
        continue;
      }
      if (s.globals.size !== 0 && s.globals.has(name2) && s !== this.module) {
        s = this.module;
        sameScope = false;
        continue;
      }
      const bindings = s.bindings.get(name2);
      if (bindings?.length) return sameScope ? reachingBindings(bindings, use, s) : bindings;
      sameScope = false;
      s = s.parent;
    }
    return void 0;
  }
  /** Base classes of a class defined in this file, resolved transitively through other local classes. */
  classAncestors(classDef, scope) {
    const cached2 = this.ancestorCache.get(classDef);
    if (cached2) return cached2;
    const out2 = [];
    this.ancestorCache.set(classDef, out2);
    const seen = /* @__PURE__ */ new Set();
    const added = /* @__PURE__ */ new Set();
    const addOnce = (r) => {
      if (!r.localClass) {
        const key = ancestorKey(r);
        if (added.has(key)) return false;
        added.add(key);
      }
      out2.push(r);
      return true;
    };
    const work = [{ def: classDef, scope: this.scopeOfDefinition(classDef) ?? scope }];
    while (work.length && seen.size < MAX_DEPTH) {
      const { def, scope: defScope } = work.pop();
      if (seen.has(def)) continue;
      seen.add(def);
      const bases = childByField(def, "superclasses");
      if (!bases) continue;
      for (const base of bases.children) {
        if (base.type === "keyword_argument") continue;
        for (const r of this.resolve(base, defScope)) {
          if (!addOnce(r)) continue;
          if (r.localClass) work.push({ def: r.localClass, scope: this.scopeOfDefinition(r.localClass) ?? defScope });
          else if (r.projectClass) for (const a of inOneShape(r.projectClass.ancestors())) addOnce(a);
        }
      }
    }
    return out2;
  }
  scopeOfDefinition(def) {
    return this.classBodies.get(def)?.parent ?? void 0;
  }
  /** What a name no scope binds may be, in a module with star imports, by name (callers share the arrays). */
  starImported = /* @__PURE__ */ new Map();
  resolveName(name2, scope, use, depth) {
    const bindings = this.lookup(name2, scope, use);
    if (!bindings) {
      const starImports = this.module.starImports;
      if (name2 === "__builtins__") return this.qualified("builtins");
      if (!starImports.length) return PYTHON_BUILTINS.has(name2) ? builtinNames(name2) : [];
      let fromStar = this.starImported.get(name2);
      if (!fromStar) {
        fromStar = starImports.flatMap((s) => this.qualified(`${s.module}.${name2}`));
        if (PYTHON_BUILTINS.has(name2)) fromStar.push(resolvedName(`builtins.${name2}`));
        this.starImported.set(name2, fromStar);
      }
      return fromStar;
    }
    if (bindings.length === 1) return this.resolveBinding(bindings[0], depth);
    const out2 = [];
    for (let k = 0; k < bindings.length; k++) this.union(out2, this.resolveBinding(bindings[k], depth));
    return out2;
  }
  resolveBinding(b, depth) {
    if (b.kind === "opaque") return b.scope.kind === "function" && this.isConstructor(b.scope) ? this.constructorArgument(b, depth) : [];
    const cached2 = this.bindingCache.get(b);
    if (cached2) return cached2;
    let names;
    switch (b.kind) {
      case "import":
        names = this.qualified(b.qualifiedName);
        break;
      case "function":
        names = [resolvedName(LOCAL + (b.scope.kind === "class" ? `${this.className(b.scope.node)}.` : "") + b.name, { definition: b.site.parent ?? void 0 })];
        break;
      case "class":
        names = b.site.parent === b.classDef ? [resolvedName(LOCAL + b.name, { localClass: b.classDef })] : [resolvedName(LOCAL + this.className(b.classDef), { localClass: b.classDef })];
        break;
      case "instance":
        names = [resolvedName(`${LOCAL}${this.className(b.classDef)}()`, { instanceOf: b.classDef })];
        break;
      case "element": {
        if (this.inProgress.has(b) || !b.value) return [];
        this.inProgress.add(b);
        names = [];
        for (const element of tableElements(b.value)) this.union(names, this.resolve(element, b.scope, depth + 1));
        this.inProgress.delete(b);
        break;
      }
      case "assignment": {
        if (b.value?.type === "lambda") {
          names = [resolvedName(LOCAL + (b.scope.kind === "class" ? `${this.className(b.scope.node)}.` : "") + b.name)];
          break;
        }
        if (this.inProgress.has(b) || !b.value) return [];
        this.inProgress.add(b);
        const result = this.resolve(b.value, b.valueScope ?? b.scope, depth + 1);
        this.inProgress.delete(b);
        this.bindingCache.set(b, result);
        return result;
      }
    }
    this.bindingCache.set(b, names);
    return names;
  }
  /**
   * What a parameter of `__init__` (of a class defined in this file) may hold: the modules, classes and functions the
   * file's calls of the class pass for it (`Codec(pickle)` with `def __init__(self, ser): self.ser = ser`), so
   * `self.ser.loads` is known. Empty for any other parameter, and for `*args`/`**kwargs`.
   */
  constructorArgument(b, depth) {
    const cached2 = this.bindingCache.get(b);
    if (cached2) return cached2;
    if (this.inProgress.has(b)) return [];
    const parameter = b.site.parent?.type === "parameters" ? b.site : b.site.parent;
    const position = parameter ? parameterPosition(parameter) : void 0;
    if (position === void 0) return [];
    this.inProgress.add(b);
    const out2 = [];
    for (const { node, scope } of this.constructions(b.scope.parent.node)) {
      const args2 = childByField(node, "arguments");
      const value = valueOf(this.keywordArgument(args2, b.name)) ?? (position > 0 ? positionalBeforeSplat(args2)[position - 1] : void 0);
      if (value) {
        for (const r of this.resolve(value, scope, depth + 1)) if (!r.name.includes("(")) out2.push(r);
      }
    }
    this.inProgress.delete(b);
    this.bindingCache.set(b, out2);
    return out2;
  }
  /** Whether a function scope is the `__init__` of a class (the scopes are looked at once per model). */
  isConstructor(scope) {
    if (!this.constructorScopes) {
      this.constructorScopes = /* @__PURE__ */ new Set();
      for (const s of this.scopeIndex.scopes) {
        if (s.kind !== "function" || s.parent?.kind !== "class") continue;
        const name2 = childByField(s.node, "name");
        if (name2 && name2.end - name2.start === 8 && this.text(name2) === "__init__") this.constructorScopes.add(s);
      }
    }
    return this.constructorScopes.has(scope);
  }
  constructorScopes;
  /** The calls in this file that construct a class defined in it (`C(...)`, `mod.C(...)`), found once per class. */
  constructions(classDef) {
    let found = this.constructionCalls.get(classDef);
    if (found) return found;
    found = [];
    this.constructionCalls.set(classDef, found);
    const className = this.className(classDef);
    for (const call of this.callsNamed().get(className) ?? []) {
      const callee = childByField(call.node, "function");
      const bindings = callee.type === "identifier" ? this.lookup(className, call.scope, callee) : void 0;
      if (bindings?.some((b) => b.kind === "class" && b.classDef === classDef)) found.push(call);
      else if (callee.type === "attribute" && this.resolve(callee, call.scope, 1).some((r) => r.localClass === classDef)) found.push(call);
    }
    return found;
  }
  constructionCalls = /* @__PURE__ */ new Map();
  /** The file's calls by the name they call (`C` of `C(...)` and `mod.C(...)`), made once, when a constructor asks. */
  callsNamed() {
    if (this.callsByName) return this.callsByName;
    const byName = this.callsByName = /* @__PURE__ */ new Map();
    for (const call of this.calls) {
      const callee = childByField(call.node, "function");
      const named = callee?.type === "identifier" ? callee : callee?.type === "attribute" ? childByField(callee, "attribute") : void 0;
      if (!named) continue;
      const name2 = this.text(named);
      const list = byName.get(name2);
      if (list) list.push(call);
      else byName.set(name2, [call]);
    }
    return byName;
  }
  callsByName;
  resolveAttribute(node, scope, depth) {
    const attributes = [];
    let base = node;
    while (base.type === "attribute") {
      const attr = childByField(base, "attribute");
      const object = childByField(base, "object");
      if (!attr || !object) return [];
      attributes.push(this.text(attr));
      base = unwrapParentheses(object);
    }
    attributes.reverse();
    while (attributes.length && attributes[attributes.length - 1] === "__call__") attributes.pop();
    if (!attributes.length) return this.resolve(base, scope, depth + 1);
    const out2 = [];
    const bases = this.resolve(base, scope, depth + 1);
    for (let k = 0; k < bases.length; k++) this.union(out2, this.attributeOf(bases[k], attributes, depth));
    return out2;
  }
  /** `r.a.b...`: through the members of classes (local or in the project), else as a qualified name. */
  attributeOf(r, attributes, depth) {
    const first = attributes[0];
    const localClass = r.localClass ?? r.instanceOf;
    const projectClass = r.projectClass ?? r.projectInstance;
    let member;
    if (localClass) member = this.classMember(localClass, first, r.instanceOf !== void 0, depth + 1);
    else if (projectClass) {
      const found = projectClass.member(first, r.projectInstance !== void 0);
      if (found) member = inOneShape(found);
    }
    if (member) {
      const chain2 = r.chain;
      let withChain = member;
      if (chain2) {
        withChain = [];
        for (const m of member) withChain.push(resolvedName(m.name, { ...m, chain: [...chain2, ...m.chain ?? []] }));
      }
      if (attributes.length === 1) return withChain;
      const rest = attributes.slice(1);
      return withChain.flatMap((m) => this.attributeOf(m, rest, depth + 1));
    }
    const names = this.qualifiedAttribute(r.name, attributes.length === 1 ? first : attributes.join("."));
    if (!r.chain && !(attributes.length === 1 && r.constructedBy)) return names;
    const constructedBy = attributes.length === 1 ? r.constructedBy : void 0;
    const chain = r.chain;
    const out2 = [];
    for (const n of names) {
      out2.push(
        resolvedName(n.name, {
          ...n,
          constructedBy: constructedBy ?? n.constructedBy,
          chain: chain ? n.chain ? [...chain, ...n.chain] : chain.slice() : n.chain
        })
      );
    }
    return out2;
  }
  resolveCallResult(node, scope, depth) {
    const callee = childByField(node, "function");
    if (!callee) return [];
    const args2 = childByField(node, "arguments");
    const out2 = [];
    const called = unwrapParentheses(callee);
    if (called.type === "lambda") {
      const body2 = childByField(called, "body");
      return body2 && !childByField(called, "parameters") ? this.resolve(body2, scope, depth + 1) : [];
    }
    const table = callee.type === "attribute" && this.isGet(callee) ? this.tableAt(childByField(callee, "object"), scope, depth + 1) : void 0;
    if (table) {
      const [key] = positionalArguments(args2);
      return this.tableValues(table, key, scope, depth + 1);
    }
    const modules = callee.type === "attribute" && this.isGet(callee) ? this.moduleTableAt(childByField(callee, "object"), scope, depth + 1) : void 0;
    if (modules) {
      const [key] = positionalArguments(args2);
      return this.tableValues(modules, key, scope, depth + 1, true);
    }
    if (callee.type === "attribute" && this.isGet(callee) && this.project) {
      const [key] = positionalArguments(args2);
      const imported = this.importedTable(childByField(callee, "object"), key && this.constantString(key, scope, depth + 1), scope, depth + 1);
      if (imported) return imported;
    }
    for (const c of this.resolve(callee, scope, depth + 1)) {
      switch (c.name) {
        case "sys.modules.get":
        case "builtins.globals().get": {
          const [key] = positionalArguments(args2);
          const name2 = key && this.constantString(key, scope, depth + 1);
          if (name2) appendAll(out2, this.keyed(c.name.slice(0, -".get".length), name2));
          break;
        }
        case "importlib.import_module":
        case "importlib.__import__":
        case "builtins.__import__": {
          const positional = positionalArguments(args2);
          const moduleArg2 = positional[0] ?? valueOf(this.keywordArgument(args2, "name"));
          const moduleName = moduleArg2 && this.constantString(moduleArg2, scope, depth + 1);
          if (!moduleName || moduleName.startsWith(".")) break;
          const fromlist = positional[3] ?? valueOf(this.keywordArgument(args2, "fromlist"));
          const wantsLeaf = c.name === "importlib.import_module" || fromlist && !isEmptyLiteral(fromlist);
          appendAll(out2, this.qualified(wantsLeaf ? moduleName : moduleName.split(".")[0]));
          break;
        }
        case "builtins.getattr": {
          const positional = positionalArguments(args2);
          const attr = positional[1] && this.constantString(positional[1], scope, depth + 1);
          if (positional[0] && attr) {
            for (const o of this.resolve(positional[0], scope, depth + 1)) this.union(out2, this.attributeOf(o, [attr], depth + 1));
          }
          if (positional[2]) this.union(out2, this.resolve(positional[2], scope, depth + 1));
          break;
        }
        case "builtins.vars": {
          const [first] = positionalArguments(args2);
          if (first) {
            for (const o of this.resolve(first, scope, depth + 1)) out2.push(resolvedName(`${o.name}.__dict__`));
          }
          break;
        }
        case "functools.partial": {
          const [first] = positionalArguments(args2);
          if (first) for (const r of this.resolve(first, scope, depth + 1)) out2.push(r.boundBy ? r : resolvedName(r.name, { ...r, boundBy: { call: node, scope } }));
          break;
        }
        case "typing.cast": {
          const [, value] = positionalArguments(args2);
          if (value) this.union(out2, this.resolve(value, scope, depth + 1));
          break;
        }
        case "builtins.staticmethod":
        case "builtins.classmethod": {
          const [first] = positionalArguments(args2);
          if (first) this.union(out2, this.resolve(first, scope, depth + 1));
          break;
        }
        case "operator.attrgetter()": {
          const getter = c.constructedBy && positionalArguments(childByField(c.constructedBy.call, "arguments"));
          const path = getter?.length === 1 ? this.constantString(getter[0], c.constructedBy.scope, depth + 1) : void 0;
          const [object] = positionalArguments(args2);
          if (path && object) for (const o of this.resolve(object, scope, depth + 1)) this.union(out2, this.attributeOf(o, path.split("."), depth + 1));
          break;
        }
        default: {
          if (c.name.endsWith(".__dict__.get")) {
            const [key] = positionalArguments(args2);
            const name2 = key && this.constantString(key, scope, depth + 1);
            if (name2) appendAll(out2, this.keyed(c.name.slice(0, -".get".length), name2));
            break;
          }
          out2.push(
            resolvedName(`${c.name}()`, {
              constructedBy: { call: node, scope },
              instanceOf: c.localClass || void 0,
              projectInstance: c.projectClass || void 0,
              chain: c.chain || void 0
            })
          );
          if (c.definition?.type === "function_definition") this.union(out2, this.returnedBy(c.definition, depth + 1));
          else if (this.project && !c.definition && !c.localClass && !c.projectClass && !c.name.includes("(")) {
            const returned = this.project.resolve(`${c.name}()`);
            if (returned) {
              for (const r of returned) if (!r.name.includes("(")) out2.push(resolvedName(r.name, r));
            }
          }
        }
      }
    }
    return out2;
  }
  /**
   * The modules, classes and functions a function defined in this file returns: its `return` expressions (not those
   * of nested functions), resolved in its scope. Worked out once per function; a function reached again while its returns are being resolved
   * (recursion) returns nothing more.
   */
  returnedBy(definition, depth) {
    const known = this.returns.get(definition);
    if (known) return known;
    const scope = this.functionScope(definition);
    if (!scope || depth > MAX_DEPTH) return [];
    const out2 = [];
    this.returns.set(definition, out2);
    const body2 = childByField(definition, "body");
    if (body2) {
      for (const value of returnedExpressions(body2)) {
        if (value.type === "call" && !this.mayGiveDefinition(value, scope, depth + 1)) continue;
        for (const r of this.resolve(value, scope, depth + 1)) if (!r.name.includes("(")) out2.push(r);
      }
    }
    return out2;
  }
  returns = /* @__PURE__ */ new Map();
  /** The modules, classes and functions a function defined in this file returns (see `returnedBy`), for the project index. */
  definitionsReturnedBy(definition) {
    return this.returnedBy(definition, 0);
  }
  /**
   * Whether a call's result can be a module, class or function: a call of a local function (another factory) or of
   * what resolution looks through (`import_module`, `getattr`, `partial`, ...). Most returned calls are neither, and
   * their results are not worked out (measured: resolving every returned call cost the stdlib scan ~40 ms).
   */
  mayGiveDefinition(call, scope, depth) {
    const callee = childByField(call, "function");
    if (!callee) return false;
    for (const c of this.resolve(callee, scope, depth)) if (c.definition || GIVES_DEFINITIONS.has(c.name) || c.name.endsWith(".__dict__.get")) return true;
    return false;
  }
  functionScope(definition) {
    if (!this.functionScopes) {
      this.functionScopes = /* @__PURE__ */ new Map();
      for (const s of this.scopeIndex.scopes) if (s.kind === "function") this.functionScopes.set(s.node, s);
    }
    return this.functionScopes.get(definition);
  }
  functionScopes;
  /**
   * What a call through `operator.methodcaller` calls: `methodcaller("loads", data)(pickle)` is `pickle.loads(data)`.
   * `callee` is one resolution of the call's callee; empty for any other callee.
   */
  calledThrough(callee, call, scope) {
    if (callee.name !== "operator.methodcaller()" || !callee.constructedBy) return [];
    const [method] = positionalArguments(childByField(callee.constructedBy.call, "arguments"));
    const name2 = method && this.constantString(method, callee.constructedBy.scope);
    const [object] = positionalArguments(childByField(call, "arguments"));
    if (!name2 || !object) return [];
    const out2 = [];
    for (const o of this.resolve(object, scope)) appendAll(out2, this.attributeOf(o, [name2], 1));
    return out2;
  }
  keywordArgument(args2, name2) {
    return args2?.children.find((c) => c.type === "keyword_argument" && this.text(childByField(c, "name") ?? c) === name2);
  }
  resolveSubscript(node, scope, depth) {
    const value = childByField(node, "value");
    const index2 = childByField(node, "subscript");
    if (!value || !index2) return [];
    const table = this.tableAt(value, scope, depth + 1);
    if (table) return this.tableValues(table, index2, scope, depth + 1);
    const modules = this.moduleTableAt(value, scope, depth + 1);
    if (modules) return this.tableValues(modules, index2, scope, depth + 1, true);
    const key = this.constantString(index2, scope, depth + 1);
    const imported = this.importedTable(value, key, scope, depth + 1);
    if (imported) return imported;
    if (key === void 0) return [];
    const out2 = [];
    for (const v of this.resolve(value, scope, depth + 1)) appendAll(out2, this.keyed(v.name, key));
    return out2;
  }
  /**
   * `container[key]` for the containers that hold modules and their attributes: `sys.modules`, `m.__dict__` (and
   * `vars(m)`), `globals()` and the builtins module as a dict (`__builtins__["__import__"]` outside `__main__`).
   */
  keyed(container, key) {
    if (container === "sys.modules") return this.qualified(key);
    if (container === "builtins") return this.qualified(`builtins.${key}`);
    if (container.endsWith(".__dict__")) return this.qualified(`${container.slice(0, -".__dict__".length)}.${key}`);
    if (container === "builtins.globals()") {
      const bindings = this.module.bindings.get(key);
      if (!bindings) return PYTHON_BUILTINS.has(key) ? builtinNames(key) : [];
      const out2 = [];
      for (const b of bindings) appendAll(out2, this.resolveBinding(b, 1));
      return out2;
    }
    return [];
  }
  isGet(callee) {
    const attribute = childByField(callee, "attribute");
    return attribute !== void 0 && attribute.end - attribute.start === 3 && this.text(attribute) === "get";
  }
  /**
   * The table literal an expression is: written in place (`{"pickle": pickle.loads}[fmt]`), or bound to a name in a
   * function (`decoders = {...}` then `decoders[fmt]`). A table bound at module or class level is not followed: it is
   * reported where it is stored (see `storedCallables` in analyze.ts), once, not at every call through it.
   */
  tableAt(expr, scope, depth) {
    const node = unwrapParentheses(expr);
    if (TABLE_LITERALS.has(node.type)) return node;
    if (node.type !== "identifier" || depth > MAX_DEPTH || scope.kind !== "function" && scope.kind !== "lambda") return void 0;
    const bindings = scope.bindings.get(this.text(node));
    if (bindings?.length !== 1) return void 0;
    const [b] = bindings;
    if (b.kind !== "assignment" || !b.value || b.valueScope) return void 0;
    const value = unwrapParentheses(b.value);
    return TABLE_LITERALS.has(value.type) ? value : void 0;
  }
  /**
   * A table bound once at module level (`SERIALIZERS = {"pickle": pickle, "json": json}`) read in the module, for the
   * modules it holds (see `tableValues`): a callable it holds is reported where it is stored, but a module is not.
   */
  moduleTableAt(expr, scope, depth) {
    const node = unwrapParentheses(expr);
    if (node.type === "attribute") return this.classTableAt(node, scope, depth);
    if (node.type !== "identifier") return void 0;
    const bindings = this.lookup(this.text(node), scope, node);
    if (bindings?.length !== 1) return void 0;
    const [b] = bindings;
    if (b.scope !== this.module || b.kind !== "assignment" || !b.value || b.valueScope) return void 0;
    const value = unwrapParentheses(b.value);
    return TABLE_LITERALS.has(value.type) ? value : void 0;
  }
  /**
   * A table bound once in the body of a class defined in this file, read through the class or an instance
   * (`cls.SERIALIZERS[fmt]` in a classmethod, `Codecs.SERIALIZERS[fmt]`, `self.SERIALIZERS[fmt]`), like a module's.
   */
  classTableAt(node, scope, depth) {
    const object = childByField(node, "object");
    const attribute = childByField(node, "attribute");
    if (!object || !attribute || object.type !== "identifier" && object.type !== "attribute") return void 0;
    const name2 = this.text(attribute);
    for (const r of this.resolve(object, scope, depth + 1)) {
      const classDef = r.localClass ?? r.instanceOf;
      const bindings = classDef && this.classBodies.get(classDef)?.bindings.get(name2);
      if (bindings?.length !== 1) continue;
      const [b] = bindings;
      if (b.kind !== "assignment" || !b.value || b.valueScope) continue;
      const value = unwrapParentheses(b.value);
      if (TABLE_LITERALS.has(value.type)) return value;
    }
    return void 0;
  }
  /**
   * What a table of modules bound in another project module holds (`from .tables import SERIALIZERS`, then
   * `SERIALIZERS["pickle"]` or `tables.SERIALIZERS[fmt]`), as that module's summary exports it (see
   * `moduleTableExports`): the entry of a constant key, else every module. Undefined when the project knows no such
   * table.
   */
  importedTable(expr, key, scope, depth) {
    if (!this.project) return void 0;
    const node = unwrapParentheses(expr);
    const tables = [];
    if (node.type === "identifier") {
      const bindings = this.lookup(this.text(node), scope, node);
      if (bindings?.length === 1 && bindings[0].kind === "import" && bindings[0].qualifiedName) tables.push(canonicalName(bindings[0].qualifiedName));
    } else if (node.type === "attribute") {
      const object = childByField(node, "object");
      const attribute = childByField(node, "attribute");
      if (object && attribute) {
        for (const r of this.resolve(object, scope, depth + 1)) if (!r.name.includes("(") && !r.localClass && !r.instanceOf) tables.push(`${r.name}.${this.text(attribute)}`);
      }
    }
    let out2;
    for (const table of tables) {
      const entry2 = key !== void 0 && TABLE_KEY.test(key) ? this.tableEntry(`${table}[${key}]`) : void 0;
      const found = entry2 ?? this.tableEntry(`${table}[]`);
      if (found) this.union(out2 ??= [], found);
    }
    return out2;
  }
  /** What the project index gives for one entry of an exported table, when it knows the entry. */
  tableEntry(name2) {
    const found = this.project.resolve(name2);
    if (!found || found.length === 1 && found[0].name === name2) return void 0;
    return inOneShape(found.filter((r) => r.name !== name2));
  }
  /**
   * The tables of modules this module binds once at module level (`SERIALIZERS = {"pickle": pickle, "json": json}`),
   * as exports for other modules (see `importedTable`): `SERIALIZERS[pickle]` for the entry of each string key (empty
   * when it is no module) and `SERIALIZERS[]` for every module it holds. Only tables holding a module imported whole.
   */
  moduleTableExports() {
    const out2 = /* @__PURE__ */ new Map();
    for (const [name2, bindings] of this.module.bindings) {
      if (bindings.length !== 1) continue;
      const [b] = bindings;
      if (b.kind !== "assignment" || !b.value || b.valueScope) continue;
      const table = unwrapParentheses(b.value);
      if (!TABLE_LITERALS.has(table.type)) continue;
      const all = [];
      const entries = [];
      for (const element of tableElements(table)) {
        const names = this.isImportedModule(element, this.module) ? this.resolve(element, this.module) : [];
        this.union(all, names);
        const pair = element.parent?.type === "pair" ? element.parent : void 0;
        const key = pair && this.keyString(pair);
        if (key !== void 0 && TABLE_KEY.test(key)) entries.push([`${name2}[${key}]`, names]);
      }
      if (!all.length) continue;
      out2.set(`${name2}[]`, all);
      for (const [entry2, names] of entries) out2.set(entry2, names);
    }
    return out2;
  }
  /** Whether `element` names a module imported whole (`import pickle`, `import pickle as p`). */
  isImportedModule(element, scope) {
    if (element.type !== "identifier") return false;
    const bindings = this.lookup(this.text(element), scope, element);
    return bindings !== void 0 && bindings.length > 0 && bindings.every((b) => b.kind === "import" && importStatementOf(b.site)?.type === "import_statement");
  }
  /**
   * What `table[key]` may be: the entry of a constant key when the dict has it, else every value. `modulesOnly`: only
   * the entries that are modules imported whole.
   */
  tableValues(table, key, scope, depth, modulesOnly = false) {
    let elements2 = tableElements(table);
    if (table.type === "dictionary" && key) {
      const wanted = this.constantString(key, scope, depth);
      const entry2 = wanted === void 0 ? void 0 : table.children.find((c) => c.type === "pair" && this.keyString(c) === wanted);
      const value = entry2 && childByField(entry2, "value");
      if (value) elements2 = [value];
    }
    const out2 = [];
    for (const element of elements2) if (!modulesOnly || this.isImportedModule(element, this.module)) this.union(out2, this.resolve(element, scope, depth + 1));
    return out2;
  }
  keyString(pair) {
    const key = childByField(pair, "key");
    return key?.type === "string" ? this.stringLiteral(key) : void 0;
  }
  stringLiteral(node) {
    return node.type === "string" ? decodeStringLiteral(this.text(node)) : void 0;
  }
};
var BUILTIN_NAMES = /* @__PURE__ */ new Map();
function builtinNames(name2) {
  let found = BUILTIN_NAMES.get(name2);
  if (!found) BUILTIN_NAMES.set(name2, found = [resolvedName(`builtins.${name2}`)]);
  return found;
}
function importStatementOf(site) {
  for (let n = site; n; n = n.parent) if (n.type === "import_statement" || n.type === "import_from_statement") return n;
  return void 0;
}
var PROPERTY_DECORATORS = /* @__PURE__ */ new Set(["builtins.property", "functools.cached_property"]);
var TABLE_KEY = /^[\w-]+$/;
var TABLE_LITERALS = /* @__PURE__ */ new Set(["dictionary", "list", "tuple", "set"]);
var MAX_TABLE_ELEMENTS = 64;
function tableElements(table) {
  const out2 = [];
  for (const c of table.children) {
    if (out2.length >= MAX_TABLE_ELEMENTS) break;
    if (c.type === "pair") {
      const value = childByField(c, "value");
      if (value) out2.push(value);
    } else if (c.type !== "comment" && c.type !== "list_splat" && c.type !== "dictionary_splat") out2.push(c);
  }
  return out2;
}
var OWN_RETURNS_END = /* @__PURE__ */ new Set(["function_definition", "lambda", "class_definition", "decorated_definition"]);
function returnedExpressions(body2) {
  const out2 = [];
  const work = [body2];
  while (work.length && out2.length < MAX_TABLE_ELEMENTS) {
    const n = work.pop();
    for (const c of n.children) {
      if (c.type === "return_statement") {
        const value = c.children.find((v) => v.type !== "comment");
        if (value) out2.push(value);
      } else if (!OWN_RETURNS_END.has(c.type) && c.children.length) work.push(c);
    }
  }
  return out2;
}
function bounded(s) {
  return s !== void 0 && s.length <= MAX_FOLDED_LENGTH ? s : void 0;
}
function unwrapParentheses(node) {
  let n = node;
  while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
  return n;
}
function positionalArguments(args2) {
  return args2 ? args2.children.filter((c) => c.type !== "keyword_argument" && c.type !== "comment") : [];
}
function parameterPosition(parameter) {
  const list = parameter.parent;
  if (list?.type !== "parameters" || !POSITIONAL_PARAMETERS.has(parameter.type)) return void 0;
  let position = 0;
  for (const p of list.children) {
    if (p === parameter) return position;
    if (POSITIONAL_PARAMETERS.has(p.type)) position++;
    else if (p.type !== "comment" && p.type !== "positional_separator") position = -Infinity;
  }
  return void 0;
}
var POSITIONAL_PARAMETERS = /* @__PURE__ */ new Set(["identifier", "typed_parameter", "default_parameter", "typed_default_parameter"]);
function positionalBeforeSplat(args2) {
  const out2 = [];
  for (const c of args2?.children ?? []) {
    if (c.type === "list_splat" || c.type === "dictionary_splat") break;
    if (c.type !== "keyword_argument" && c.type !== "comment") out2.push(c);
  }
  return out2;
}
function valueOf(keywordArgument) {
  return keywordArgument ? childByField(keywordArgument, "value") : void 0;
}
function isEmptyLiteral(node) {
  return (node.type === "list" || node.type === "tuple") && node.children.length === 0;
}
function finalBinding(bindings, module2) {
  if (!bindings?.length) return void 0;
  if (bindings.length === 1) return bindings[0];
  if (bindings.some((b) => b.scope !== module2 || !atModuleTop(b.site, module2.node))) return void 0;
  return bindings.reduce((last, b) => b.position > last.position ? b : last);
}
function atModuleTop(site, moduleNode) {
  for (let n = site.parent; n && n !== moduleNode; n = n.parent) if (n.type === "block") return false;
  return true;
}
function reachingBindings(bindings, use, scope) {
  if (bindings.length === 1) return bindings;
  const preceding = bindings.filter((b) => b.position <= use.start).sort((a, b) => a.position - b.position);
  if (!preceding.length) return bindings;
  const out2 = [];
  for (let i2 = preceding.length - 1; i2 >= 0; i2--) {
    out2.push(preceding[i2]);
    if (isUnconditional(preceding[i2].site, use, scope.node)) break;
  }
  return out2;
}
function isUnconditional(site, use, scopeNode) {
  for (let n = site.parent; n && n !== scopeNode; n = n.parent) {
    if (n.type === "block" && n.parent?.type !== "with_statement" && !isAncestor(n, use)) return false;
  }
  return true;
}

// src/languages/python/package-module.ts
function packageModuleName(moduleName) {
  return moduleName.endsWith(".__init__") ? moduleName.slice(0, -".__init__".length) : moduleName === "__init__" ? "" : moduleName;
}

// src/languages/python/project-index.ts
function summarizeModule(model, path) {
  const module2 = packageModuleName(model.moduleName);
  const qualify = (name2) => name2.startsWith(LOCAL) ? `${module2}.${name2.slice(LOCAL.length)}` : name2;
  const classes = {};
  const exports = {};
  const valuesOf = (names, site) => {
    const out2 = [];
    if (!names.length) return out2;
    const line = site.startRow + 1;
    const column = site.startCol + 1;
    if (names.length === 1) {
      out2.push({ name: qualify(names[0].name), line, column });
      return out2;
    }
    const seen = /* @__PURE__ */ new Set();
    for (const r of names) {
      const name2 = qualify(r.name);
      if (seen.has(name2)) continue;
      seen.add(name2);
      out2.push({ name: name2, line, column });
    }
    return out2;
  };
  const returns = {};
  const noteReturns = (key, binding) => {
    const definition = binding.site.parent;
    if (definition?.type !== "function_definition") return;
    const values = valuesOf(model.definitionsReturnedBy(definition), binding.site);
    if (values.length) returns[key] = [...returns[key] ?? [], ...values].slice(0, MAX_RETURNED);
  };
  for (const name2 of model.module.bindings.keys()) {
    const exported = model.exported(name2);
    if (!exported) continue;
    const values = [];
    for (const { binding, values: names } of exported) {
      if (binding.kind === "function") {
        noteReturns(name2, binding);
        values.push({ name: `${module2}.${name2}`, line: binding.site.startRow + 1, column: binding.site.startCol + 1, own: "function" });
      } else if (binding.kind === "class" && binding.classDef) {
        classes[name2] = summarizeClass(model, binding.classDef, qualify, (member, b) => noteReturns(`${name2}.${member}`, b));
        values.push({ name: `${module2}.${name2}`, line: binding.site.startRow + 1, column: binding.site.startCol + 1, own: "class" });
      } else {
        appendAll(values, valuesOf(names, binding.site));
      }
    }
    exports[name2] = values;
  }
  for (const [entry2, names] of model.moduleTableExports()) {
    const site = model.module.bindings.get(entry2.slice(0, entry2.indexOf("[")))[0].site;
    exports[entry2] = valuesOf(names, site);
  }
  const summary = { module: module2, path, exports, stars: model.module.starImports.map((s) => s.module), classes };
  const all = constantNames(model);
  if (all) summary.all = all;
  if (Object.keys(returns).length) summary.returns = returns;
  return summary;
}
function summarizeClass(model, classDef, qualify, noteReturns) {
  const body2 = model.classScope(classDef);
  const scope = body2?.parent ?? model.module;
  const bases = [...new Set(model.classAncestors(classDef, scope).map((r) => qualify(r.name)))];
  const members = {};
  const instanceMembers = {};
  const values = (names, site) => {
    if (!names?.length) return [];
    const line = site.startRow + 1;
    const column = site.startCol + 1;
    if (names.length === 1) return [{ name: qualify(names[0].name), line, column }];
    return [...new Set(names.map((r) => qualify(r.name)))].map((name2) => ({ name: name2, line, column }));
  };
  const prefixes = /* @__PURE__ */ new Map();
  let overridesFindClass = false;
  for (const [name2, bindings] of body2?.bindings ?? []) {
    if (name2 === "find_class" && bindings.some((b) => b.kind === "function")) overridesFindClass = true;
    for (const b of bindings) if (b.kind === "function") noteReturns(name2, b);
    members[name2] = values(definedFunctions(model, bindings, prefixes) ?? model.classMember(classDef, name2, false), bindings[bindings.length - 1].site);
  }
  for (const [name2, assignments] of body2?.instanceAttributes ?? []) {
    instanceMembers[name2] = values(model.classMember(classDef, name2, true), assignments[0].site);
  }
  const allowlist = overridesFindClass ? findClassAllowlist(model, classDef) : void 0;
  return { bases, overridesFindClass, ...allowlist ? { allowlist } : {}, members, instanceMembers };
}
function definedFunctions(model, bindings, prefixes) {
  if (!bindings.length || !bindings.every((b) => b.kind === "function" && !mayBeProperty(model, b))) return void 0;
  return bindings.map((b) => {
    let prefix = prefixes.get(b.scope);
    if (prefix === void 0) prefixes.set(b.scope, prefix = LOCAL + (b.scope.kind === "class" ? `${classNameOf(model, b.scope.node)}.` : ""));
    return { name: prefix + b.name };
  });
}
function mayBeProperty(model, b) {
  const decorated = b.site.parent?.parent;
  if (decorated?.type !== "decorated_definition") return false;
  return decorated.children.some((d) => d.type === "decorator" && model.text(d).includes("property"));
}
function classNameOf(model, classDef) {
  const name2 = childByField(classDef, "name");
  return name2 ? model.text(name2) : "<class>";
}
function constantNames(model) {
  const bindings = model.module.bindings.get("__all__");
  const value = bindings?.length === 1 ? bindings[0].value : void 0;
  if (!value || value.type !== "list" && value.type !== "tuple") return void 0;
  const names = [];
  for (const element of value.children) {
    if (element.type === "comment") continue;
    const s = model.constantString(element, model.module);
    if (s === void 0) return void 0;
    names.push(s);
  }
  return names;
}
var MAX_RETURNED = 8;
var OUT_OF_BUDGET = new Error("name resolution ran out of its budget");

// src/languages/python/provenance.ts
var MAX_DEPTH2 = 24;
var PATH_CLASSES = /* @__PURE__ */ new Set(["pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.WindowsPath", "pathlib.PurePosixPath", "pathlib.PureWindowsPath"]);
var PATH_SAME_PLACE = /* @__PURE__ */ new Set(["os.path.abspath", "os.path.realpath", "os.path.normpath", "os.path.dirname", "os.fspath", "builtins.str", "os.fsdecode", "os.fsencode"]);
var OPENERS = /* @__PURE__ */ new Set(["builtins.open", "io.open", "codecs.open", "gzip.open", "bz2.open", "lzma.open", "gzip.GzipFile", "bz2.BZ2File", "lzma.LZMAFile", "io.FileIO", "tarfile.open", "zipfile.ZipFile"]);
var DECODERS = /* @__PURE__ */ new Set([
  "zlib.compress",
  "gzip.compress",
  "bz2.compress",
  "lzma.compress",
  "base64.b64encode",
  "base64.standard_b64encode",
  "base64.urlsafe_b64encode",
  "binascii.hexlify",
  "binascii.b2a_base64",
  "codecs.encode",
  "base64.b64decode",
  "base64.standard_b64decode",
  "base64.urlsafe_b64decode",
  "base64.b32decode",
  "base64.b16decode",
  "base64.b85decode",
  "base64.a85decode",
  "base64.decodebytes",
  "binascii.unhexlify",
  "binascii.a2b_base64",
  "binascii.a2b_hex",
  "builtins.bytes.fromhex",
  "zlib.decompress",
  "gzip.decompress",
  "bz2.decompress",
  "lzma.decompress",
  "codecs.decode",
  "builtins.bytes"
]);
var STREAMS = /* @__PURE__ */ new Set(["io.BytesIO", "io.StringIO", "io.BufferedReader"]);
var RESOURCE_PATHS = /* @__PURE__ */ new Set(["importlib.resources.files", "importlib_resources.files"]);
var RESOURCE_FILE_PATHS = /* @__PURE__ */ new Set(["importlib.resources.path", "importlib_resources.path", "pkg_resources.resource_filename"]);
var RESOURCE_DATA = /* @__PURE__ */ new Set([
  "importlib.resources.read_binary",
  "importlib.resources.read_text",
  "importlib.resources.open_binary",
  "importlib.resources.open_text",
  "importlib_resources.read_binary",
  "importlib_resources.read_text",
  "importlib_resources.open_binary",
  "importlib_resources.open_text",
  "pkgutil.get_data",
  "pkg_resources.resource_stream",
  "pkg_resources.resource_string"
]);
var PATH_METHODS_SAME_PLACE = /* @__PURE__ */ new Set(["resolve", "absolute", "joinpath", "with_name", "with_suffix", "with_stem", "__fspath__", "as_posix"]);
var PATH_METHODS_READING = /* @__PURE__ */ new Set(["open", "read_bytes", "read_text"]);
var PROVENANCE_NAMES = [
  ...PATH_CLASSES,
  ...PATH_SAME_PLACE,
  "os.path.join",
  ...OPENERS,
  ...DECODERS,
  ...STREAMS,
  ...RESOURCE_PATHS,
  ...RESOURCE_FILE_PATHS,
  ...RESOURCE_DATA,
  "importlib.resources.as_file",
  "importlib_resources.as_file",
  ...[...PATH_METHODS_SAME_PLACE, ...PATH_METHODS_READING, "parent", "parents"].map((m) => `pathlib.Path().${m}`)
];
var DATA_METHODS = /* @__PURE__ */ new Set(["read", "read_bytes", "read_text", "getvalue", "getbuffer", "decode", "encode", "readlines", "tobytes", "strip", "rstrip", "lstrip"]);
var CONSTANT_METHODS = /* @__PURE__ */ new Set(["encode", "decode", "strip", "rstrip", "lstrip", "lower", "upper", "replace", "format"]);
var OUTSIDE_CALLS = [
  [/^os\.(environ\b|getenv$|getenvb$)/, "an environment variable"],
  [/^builtins\.input$|^sys\.argv/, "user input"],
  [/^pathlib\.Path\.(home|cwd)$|^os\.(getcwd|getcwdb)$|^os\.path\.expanduser$|^tempfile\./, "a path outside the program's files (home, working or temporary directory)"],
  [/^(requests|httpx|urllib\.request|urllib3|aiohttp)\./, "a download"]
];
var LOOPS2 = /* @__PURE__ */ new Set(["for_statement", "while_statement"]);
var SCOPES = /* @__PURE__ */ new Set(["function_definition", "lambda", "class_definition"]);
var BUFFER_METHODS = /* @__PURE__ */ new Set(["seek", "tell", "getvalue", "getbuffer", "close", "flush", "truncate", "seekable", "readable"]);
var ROUND_TRIP_WRITERS = /* @__PURE__ */ new Set([
  "pickle.dump",
  "_pickle.dump",
  "cPickle.dump",
  "pickle5.dump",
  "cloudpickle.dump",
  "dill.dump",
  "marshal.dump",
  "joblib.dump",
  "torch.save",
  "numpy.save"
]);
var BUFFER_WALK_BUDGET = 2e4;
var WRITES = /\bopen\s*\([^\n]{0,300}?["'][rbt]*[wax+][rbt+]*["']|\.(write_bytes|write_text|touch)\s*\(|\b(dump|save|savez|savez_compressed|to_pickle|to_hdf|save_model|copy|copyfile|copy2|copytree|move|rename|replace|symlink_to|urlretrieve|hf_hub_download|download\w*)\s*\(/;
var ProvenanceEvaluator = class {
  constructor(model) {
    this.model = model;
  }
  model;
  visiting = /* @__PURE__ */ new Set();
  /** Names and file-name literals the current judgement went through (see `judge`). */
  marks = /* @__PURE__ */ new Set();
  /** The first thing from outside the program the current judgement met: "a parameter of `load()`". */
  outside;
  /**
   * Qualified names of other modules' constants that a judgement needed and the project index did not know: the
   * whole-program pass summarises those modules (see `FlowSummaryPart.flowDemand`).
   */
  demand = /* @__PURE__ */ new Set();
  /**
   * The provenance of this module's constant `name` for the modules that import it: a module-level name assigned
   * once, that nothing rebinds (see `moduleConstantIsStable`), whose value is the program's own and is not a file
   * this module also writes. Undefined otherwise.
   */
  exportedConstant(name2) {
    const bindings = this.model.module.bindings.get(name2);
    const b = bindings?.length === 1 ? bindings[0] : void 0;
    this.marks = /* @__PURE__ */ new Set();
    this.outside = void 0;
    const reexported = b?.kind === "import" && b.qualifiedName && this.importIsStable(name2) ? this.importedConstant(b.qualifiedName) : void 0;
    if (reexported) return { origins: [...reexported.origins], reason: reexported.reason, ...reexported.value !== void 0 ? { value: reexported.value } : {}, marks: [...this.marks] };
    if (!b || b.kind !== "assignment" || !b.value || !this.moduleConstantIsStable(name2)) return void 0;
    const collection = moduleLiteralCollection(this.model, b.value);
    if (collection) return { origins: ["constant"], reason: "a literal collection of strings", ...collection, marks: [] };
    const p = this.of(b.value, b.valueScope ?? b.scope);
    if (!p || !only(p, "constant") && this.writtenInModule()) return void 0;
    const value = p.value ?? (only(p, "constant") ? this.model.constantString(b.value, b.valueScope ?? b.scope) : void 0);
    return { origins: [...p.origins], reason: p.reason, ...value !== void 0 ? { value } : {}, marks: [...this.marks] };
  }
  /**
   * A constant of another project module (`pkg.settings.MODEL_PATH`), as its module's summary judged it; undefined
   * (and noted as demand) when no summary tells. `local`: the name it is bound to here, when imported by name.
   */
  importedConstant(qualified, local) {
    if (!/^[A-Za-z_][\w.]*\.[A-Za-z_]\w*$/.test(qualified)) return void 0;
    const found = this.model.project?.flows?.(qualified);
    const constant3 = found?.length === 1 ? found[0].flows.constant : void 0;
    if (!found?.length) {
      if (this.demand.size < 64 && !/\.__\w*__$/.test(qualified)) this.demand.add(qualified);
      return void 0;
    }
    if (!constant3) return void 0;
    for (const m of constant3.marks) this.marks.add(m);
    if (local && !constant3.origins.every((o) => o === "constant")) this.marks.add(local);
    return { origins: new Set(constant3.origins), ...constant3.value !== void 0 ? { value: constant3.value } : {}, reason: `${constant3.reason}, through the constant \`${qualified}\`` };
  }
  /** An imported name nothing in this module rebinds: one binding (the import), no assignment, `global`, `for`, `with`, `del` or dynamic write. */
  importIsStable(name2) {
    let stable = this.stableImports.get(name2);
    if (stable === void 0) this.stableImports.set(name2, stable = this.findImportIsStable(name2));
    return stable;
  }
  stableImports = /* @__PURE__ */ new Map();
  findImportIsStable(name2) {
    const t = this.textualBindings ??= textualBindings(this.model.tree.source);
    if (t.dynamic || (t.assigned.get(name2) ?? 0) > 0) return false;
    const n = escapeRegExp2(name2);
    const rebinding = new RegExp(`\\b(global|nonlocal|del)\\b[^\\n]*\\b${n}\\b|\\bfor\\b[^\\n]{0,200}?\\b${n}\\b[^\\n]{0,200}?\\bin\\b|\\bwith\\b[^\\n]*\\bas\\s+\\(?[^\\n]*\\b${n}\\b|\\b(def|class)\\s+${n}\\b`);
    return !rebinding.test(this.model.tree.source);
  }
  /**
   * The origin of a deserializer's input, or undefined when unknown. A path of the program's own that the module
   * also writes (`pickle.dump(obj, open(CACHE, "wb"))` beside `pickle.load(open(CACHE, "rb"))`) is not judged: what
   * it holds at run time is whatever was written, so `writtenHere` is set instead.
   */
  judge(expr, scope) {
    this.marks = /* @__PURE__ */ new Set();
    this.outside = void 0;
    const p = this.of(expr, scope);
    if (!p) return this.outside ? { outside: this.outside } : {};
    if (only(p, "constant")) return { provenance: p };
    return this.writtenInModule() ? { writtenHere: true } : { provenance: p };
  }
  writtenInModule() {
    if (!this.marks.size) return false;
    if (!this.written) {
      this.written = /* @__PURE__ */ new Set();
      for (const line of this.model.tree.source.split(/\r?\n/)) {
        if (!WRITES.test(line)) continue;
        for (const word of line.match(/\w+/g) ?? []) this.written.add(word);
        for (const m of line.matchAll(/(["'])(.*?)\1/g)) this.written.add(m[2]).add(basename(m[2]));
      }
    }
    return [...this.marks].some((m) => this.written.has(m) || this.written.has(basename(m)));
  }
  written;
  /** Per scope node and name: whether a nested function declares it `nonlocal`. */
  nonlocals = /* @__PURE__ */ new Map();
  /** Per module-level name: whether nothing can rebind it unseen (see `moduleConstantIsStable`). */
  stable = /* @__PURE__ */ new Map();
  /** The origin of `expr` evaluated in `scope`, or undefined when it is not provably the program's own. */
  of(expr, scope, depth = 0) {
    if (depth > MAX_DEPTH2 || this.visiting.has(expr)) return void 0;
    this.visiting.add(expr);
    try {
      return this.evaluate(expr, scope, depth + 1);
    } finally {
      this.visiting.delete(expr);
    }
  }
  text(n) {
    return this.model.text(n);
  }
  evaluate(node, scope, depth) {
    switch (node.type) {
      case "parenthesized_expression": {
        const inner = node.children.filter((c) => c.type !== "(" && c.type !== ")" && c.type !== "comment");
        return inner.length === 1 ? this.of(inner[0], scope, depth) : void 0;
      }
      case "integer":
      case "float":
      case "true":
      case "false":
      case "none":
        return constant(this.text(node), "a literal");
      case "string":
        return this.stringValue(node, scope, depth);
      case "concatenated_string": {
        const parts2 = node.children.filter((c) => c.type !== "comment").map((c) => this.of(c, scope, depth));
        if (!parts2.every((p) => p && only(p, "constant"))) return void 0;
        const values = parts2.map((p) => p.value);
        return constant(values.every((v) => v !== void 0) ? values.join("") : void 0, parts2[0].reason);
      }
      case "binary_operator":
        return this.binary(node, scope, depth);
      case "conditional_expression": {
        const [yes, , no] = node.children.filter((c) => c.type !== "comment");
        return yes && no ? join(this.of(yes, scope, depth), this.of(no, scope, depth)) : void 0;
      }
      case "boolean_operator": {
        const left = childByField(node, "left");
        const right = childByField(node, "right");
        return left && right ? join(this.of(left, scope, depth), this.of(right, scope, depth)) : void 0;
      }
      case "identifier":
        return this.name(node, scope, depth);
      case "attribute": {
        const object = childByField(node, "object");
        const attr = childByField(node, "attribute");
        if (object && attr && this.text(attr) !== "parent") return this.moduleAttribute(object, this.text(attr), scope);
        if (!object || !attr || this.text(attr) !== "parent") return void 0;
        const base = this.of(object, scope, depth);
        return base && only(base, "own-path") ? base : void 0;
      }
      case "subscript": {
        const value = childByField(node, "value");
        if (value?.type !== "attribute" || this.text(childByField(value, "attribute") ?? value) !== "parents") return void 0;
        const object = childByField(value, "object");
        const base = object && this.of(object, scope, depth);
        return base && only(base, "own-path") ? base : void 0;
      }
      case "call":
        return this.call(node, scope, depth);
      default:
        return void 0;
    }
  }
  /** A literal, or an f-string whose fields are constants (or which starts with a path of the program's own). */
  stringValue(node, scope, depth) {
    const fields = node.children.filter((c) => c.type === "interpolation");
    const kind = /^[rRuU]?[bB]|^[bB][rR]?/.test(this.text(node)) ? "a bytes literal" : "a string literal";
    if (!fields.length) {
      const value = decodeStringLiteral(this.text(node));
      if (value && /[\w-]\.\w+$|\//.test(value) && value.length >= 3) this.marks.add(value);
      return constant(value, kind);
    }
    const values = fields.map((f) => {
      const expr = f.children.find((c) => c.type !== "{" && c.type !== "}" && c.type !== "format_specifier" && c.type !== "type_conversion");
      return expr ? this.of(expr, scope, depth) : void 0;
    });
    if (values.every((v) => v && only(v, "constant"))) return constant(void 0, "a formatted string of literals");
    const first = node.children.find((c) => c.type !== "string_start");
    if (first === fields[0] && values[0] && only(values[0], "own-path") && values.slice(1).every((v) => v && only(v, "constant"))) return values[0];
    return void 0;
  }
  binary(node, scope, depth) {
    const left = childByField(node, "left");
    const right = childByField(node, "right");
    if (!left || !right) return void 0;
    const op = this.model.tree.source.slice(left.end, right.start).replace(/[\s()]/g, "");
    const l = this.of(left, scope, depth);
    const r = l && this.of(right, scope, depth);
    if (!l || !r) return void 0;
    if (only(l, "constant") && only(r, "constant")) {
      return constant(op === "+" && l.value !== void 0 && r.value !== void 0 ? l.value + r.value : void 0, "a value computed from literals");
    }
    if (only(l, "own-path") && only(r, "constant") && r.value !== void 0) {
      if (op === "+" && !climbsFar(r.value)) return l;
      if (op === "/" && relativePart(r.value)) return l;
    }
    return void 0;
  }
  name(node, scope, depth) {
    const name2 = this.text(node);
    const bindings = this.model.lookup(name2, scope, node);
    if (!bindings?.length) {
      if (name2 === "__file__" && this.moduleConstantIsStable(name2)) return { origins: /* @__PURE__ */ new Set(["own-path"]), reason: "a path built from `__file__` (the program's own files)" };
      return void 0;
    }
    const owner = bindings[0].scope;
    if (bindings.length === 1 && bindings[0].kind === "import" && bindings[0].qualifiedName) {
      if (owner.bindings.get(name2)?.length !== 1) return void 0;
      const found = this.importedConstant(bindings[0].qualifiedName, name2);
      return found && this.importIsStable(name2) ? found : void 0;
    }
    if (owner.kind === "module" && !this.moduleConstantIsStable(name2)) return void 0;
    if (owner.kind !== "module" && this.reboundByInnerScope(name2, owner.node)) return void 0;
    let out2;
    for (const b of [...bindings, ...this.laterInSameLoop(name2, owner, node, bindings)]) {
      if (b.kind !== "assignment" || !b.value || /^(typed_)?default_parameter$/.test(b.site.parent?.type ?? "")) {
        const fn = b.site.parent?.type === "parameters" ? b.site.parent.parent : b.site.parent?.parent?.type === "parameters" ? b.site.parent.parent.parent : void 0;
        const fnName = fn && childByField(fn, "name");
        if (fnName) this.outside ??= `a parameter of \`${this.text(fnName)}()\`, which its callers decide`;
        return void 0;
      }
      const p = this.roundTripBuffer(name2, b, owner, node) ?? this.of(b.value, b.valueScope ?? b.scope, depth);
      if (!p) return void 0;
      if (only(p, "own-path") && !/__file__|\bfiles\s*\(/.test(this.text(b.value))) this.marks.add(name2);
      out2 = out2 ? join(out2, p) : p;
      if (!out2) return void 0;
    }
    return out2;
  }
  /**
   * `buf = io.BytesIO()` in a function that only serializes its own objects into `buf` (`pickle.dump(obj, buf)`) and
   * moves in it (`buf.seek(0)`) besides the read being judged (`use`): the buffer holds a round trip. Any other use
   * (a write, an alias, a call it is handed to, a nested function naming it) leaves it unjudged.
   */
  roundTripBuffer(name2, b, owner, use) {
    const value = b.value;
    if (owner.kind === "module" || owner.bindings.get(name2)?.length !== 1 || value?.type !== "call") return void 0;
    const callee = childByField(value, "function");
    const args2 = childByField(value, "arguments");
    if (!callee || !args2 || args2.children.some((c) => !/^(comment|[()])$/.test(c.type))) return void 0;
    if (!this.model.resolve(callee, owner).some((r) => STREAMS.has(r.name))) return void 0;
    let writes = 0;
    let budget = BUFFER_WALK_BUDGET;
    const stack = [...owner.node.children];
    while (stack.length) {
      const n = stack.pop();
      if (--budget < 0) return void 0;
      if (SCOPES.has(n.type)) {
        if (this.text(n).includes(name2)) return void 0;
        continue;
      }
      if (n.type !== "identifier") {
        for (const c of n.children) stack.push(c);
        continue;
      }
      if (n === use || n === b.site || this.text(n) !== name2) continue;
      const how = this.bufferUse(n, owner);
      if (!how) return void 0;
      if (how === "write") writes++;
    }
    return writes ? { origins: /* @__PURE__ */ new Set(["own-data"]), reason: "a new in-memory buffer into which the function only serialized its own objects (a round trip)" } : void 0;
  }
  /** How `buf` is used at `n`: a method that only moves in it, a serializer writing into it, else undefined. */
  bufferUse(n, scope) {
    const parent = n.parent;
    if (parent?.type === "attribute" && childByField(parent, "object") === n) {
      const attr = childByField(parent, "attribute");
      const called = parent.parent?.type === "call" && childByField(parent.parent, "function") === parent;
      return attr && called && BUFFER_METHODS.has(this.text(attr)) ? "move" : void 0;
    }
    const list = parent?.type === "keyword_argument" ? parent.parent : parent;
    const call = list?.type === "argument_list" ? list.parent : void 0;
    const callee = call?.type === "call" ? childByField(call, "function") : void 0;
    return callee && this.model.resolve(callee, scope).some((r) => ROUND_TRIP_WRITERS.has(r.name)) ? "write" : void 0;
  }
  /** `settings.MODEL_PATH`, `app.settings.MODEL_PATH`: a constant of a project module imported whole. */
  moduleAttribute(object, attribute, scope) {
    const base = object.type === "identifier" ? this.model.lookup(this.text(object), scope, object) : void 0;
    if (object.type === "identifier" && (!base?.length || base.some((b) => b.kind !== "import"))) return void 0;
    if (object.type !== "identifier" && object.type !== "attribute") return void 0;
    const modules = this.model.resolve(object, scope);
    if (modules.length !== 1 || modules[0].name.endsWith(")") || modules[0].projectClass || modules[0].projectInstance) return void 0;
    const found = this.importedConstant(`${modules[0].name}.${attribute}`);
    return found && (object.type !== "identifier" || this.importIsStable(this.text(object))) ? found : void 0;
  }
  /** A module-level name is judged only when nothing can rebind it unseen: no `global` statement, `globals()` or `vars()` write, and one textual assignment. */
  moduleConstantIsStable(name2) {
    let stable = this.stable.get(name2);
    if (stable === void 0) this.stable.set(name2, stable = this.findModuleConstantIsStable(name2));
    return stable;
  }
  findModuleConstantIsStable(name2) {
    const t = this.textualBindings ??= textualBindings(this.model.tree.source);
    return !t.dynamic && !t.other.has(name2) && (t.assigned.get(name2) ?? 0) <= 1;
  }
  textualBindings;
  /** `nonlocal x` in a nested function may rebind a local `x` the outer scope's bindings do not list. */
  reboundByInnerScope(name2, scopeNode) {
    let byName = this.nonlocals.get(scopeNode);
    if (!byName) this.nonlocals.set(scopeNode, byName = /* @__PURE__ */ new Map());
    let found = byName.get(name2);
    if (found === void 0) {
      const text = this.text(scopeNode);
      found = text.includes("nonlocal") && new RegExp(`\\bnonlocal\\b[^\\n]{0,300}\\b${escapeRegExp2(name2)}\\b`).test(text);
      byName.set(name2, found);
    }
    return found;
  }
  /** Bindings after the use that still reach it on the next turn of a loop enclosing both. */
  laterInSameLoop(name2, owner, use, seen) {
    const loops = [];
    for (let n = use.parent; n && n !== owner.node && !SCOPES.has(n.type); n = n.parent) if (LOOPS2.has(n.type)) loops.push(n);
    if (!loops.length) return [];
    return (owner.bindings.get(name2) ?? []).filter((b) => !seen.includes(b) && b.position > use.start && loops.some((l) => isAncestor(l, b.site)));
  }
  call(node, scope, depth) {
    const callee = childByField(node, "function");
    if (!callee) return void 0;
    const args2 = new CallArguments(node, this.model.tree.source);
    if (args2.hasStarArgs || args2.hasKwArgs) return void 0;
    const names = new Set(this.model.resolve(callee, scope).map((r) => r.name.replace(/^(posixpath|ntpath)\./, "os.path.")));
    const has = (set) => [...names].some((n) => set.has(n));
    const first = args2.positional[0];
    const evalArg = (n) => n ? this.of(n, scope, depth) : void 0;
    if (has(ROUND_TRIP_SERIALIZERS)) return { origins: /* @__PURE__ */ new Set(["own-data"]), reason: "what the program just serialized from its own objects (a round trip)" };
    if (has(PATH_CLASSES) || names.has("os.path.join")) {
      if (!first || args2.keywords.size) return void 0;
      const parts2 = args2.positional.map(evalArg);
      if (!parts2.every((p) => p)) return void 0;
      if (parts2.every((p) => only(p, "constant"))) return constant(void 0, "a literal path");
      if (!only(parts2[0], "own-path")) return void 0;
      return parts2.slice(1).every((p) => only(p, "constant") && p.value !== void 0 && relativePart(p.value)) ? parts2[0] : void 0;
    }
    if (has(PATH_SAME_PLACE)) {
      const p = args2.positional.length === 1 ? evalArg(first) : void 0;
      return p && (only(p, "own-path") || only(p, "constant") || names.has("builtins.str") && only(p, "own-data")) ? p : void 0;
    }
    if (has(OPENERS)) {
      const target = args2.find("file", 0) ?? args2.find("filename") ?? args2.find("name") ?? args2.find("fileobj");
      const p = evalArg(target);
      return p && (only(p, "own-path") || only(p, "own-data")) ? { origins: /* @__PURE__ */ new Set(["own-data"]), reason: only(p, "own-data") ? p.reason : `read from ${p.reason}` } : void 0;
    }
    if (has(STREAMS)) {
      const p = args2.positional.length === 1 && !args2.keywords.size ? evalArg(first) : void 0;
      return p && (only(p, "constant") || only(p, "own-data")) ? { origins: /* @__PURE__ */ new Set(["own-data"]), reason: p.reason } : void 0;
    }
    if (has(DECODERS)) {
      const p = evalArg(first);
      const rest = [...args2.positional.slice(1), ...args2.keywords.values()].every((a) => {
        const r = evalArg(a);
        return r && only(r, "constant");
      });
      return p && rest && (only(p, "constant") || only(p, "own-data")) ? p : void 0;
    }
    if (has(RESOURCE_PATHS)) {
      const pkg = args2.find("anchor", 0) ?? args2.find("package");
      return !pkg || this.ownPackage(pkg, scope) ? { origins: /* @__PURE__ */ new Set(["own-path"]), reason: "a resource of the program's own package" } : void 0;
    }
    if (has(RESOURCE_FILE_PATHS) || has(RESOURCE_DATA)) {
      const pkg = args2.find("package", 0) ?? args2.find("package_or_requirement");
      const resource = args2.find("resource", 1) ?? args2.find("resource_name");
      const r = evalArg(resource);
      if (!pkg || !this.ownPackage(pkg, scope) || !r || !only(r, "constant") || r.value === void 0 || !relativePart(r.value)) return void 0;
      return { origins: /* @__PURE__ */ new Set([has(RESOURCE_DATA) ? "own-data" : "own-path"]), reason: "a resource of the program's own package" };
    }
    if (names.has("importlib.resources.as_file") || names.has("importlib_resources.as_file")) {
      const p = evalArg(first);
      return p && only(p, "own-path") ? p : void 0;
    }
    for (const n of names) {
      const from = OUTSIDE_CALLS.find(([pattern]) => pattern.test(n));
      if (from) this.outside ??= from[1];
    }
    if (callee.type !== "attribute") return void 0;
    const object = childByField(callee, "object");
    const method = this.text(childByField(callee, "attribute") ?? callee);
    const base = object && this.of(object, scope, depth);
    if (!base) return void 0;
    const argsConstant = args2.values().every((a) => {
      const r = evalArg(a);
      return r && only(r, "constant") && (r.value === void 0 || relativePart(r.value));
    });
    if (only(base, "own-path") && PATH_METHODS_SAME_PLACE.has(method) && argsConstant) return base;
    if (only(base, "own-path") && PATH_METHODS_READING.has(method) && argsConstant) return { origins: /* @__PURE__ */ new Set(["own-data"]), reason: `read from ${base.reason}` };
    if (only(base, "own-data") && DATA_METHODS.has(method) && argsConstant) return base;
    if (only(base, "constant") && CONSTANT_METHODS.has(method) && argsConstant) return constant(void 0, base.reason);
    return void 0;
  }
  /** `__name__`, `__package__`, or a literal naming the package the module belongs to. */
  ownPackage(node, scope) {
    const text = this.text(node);
    if ((text === "__name__" || text === "__package__") && node.type === "identifier") return !this.model.lookup(text, scope, node)?.length;
    const p = this.of(node, scope, 1);
    const value = p && only(p, "constant") ? p.value : void 0;
    const own = this.model.moduleName.split(".")[0];
    return value !== void 0 && own !== "" && value.split(".")[0] === own;
  }
};
function constant(value, reason) {
  return { origins: /* @__PURE__ */ new Set(["constant"]), ...value !== void 0 ? { value } : {}, reason };
}
function only(p, origin) {
  return p.origins.size === 1 && p.origins.has(origin);
}
function join(a, b) {
  if (!a || !b) return void 0;
  const origins = /* @__PURE__ */ new Set([...a.origins, ...b.origins]);
  return { origins, ...a.value !== void 0 && a.value === b.value ? { value: a.value } : {}, reason: a.reason };
}
function relativePart(value) {
  return !/^([\\/~]|[A-Za-z]:)/.test(value) && !value.includes("\0") && !climbsFar(value);
}
function climbsFar(value) {
  return value.split(/[\\/]/).filter((s) => s === "..").length > 2;
}
function textualBindings(source) {
  const assigned = /* @__PURE__ */ new Map();
  for (const m of source.matchAll(/(?:^|[^\w.])([A-Za-z_]\w*)\s*(?:=(?!=)|[-+*/%&|^@]=|<<=|>>=|\*\*=|\/\/=|:=|:[^=\n]{0,200}=(?!=))/gm)) {
    assigned.set(m[1], (assigned.get(m[1]) ?? 0) + 1);
  }
  const other = /* @__PURE__ */ new Set();
  const words = (text) => {
    for (const w of text.match(/[A-Za-z_]\w*/g) ?? []) other.add(w);
  };
  for (const m of source.matchAll(/\b(?:global|import)\b([^\n]*)/g)) words(m[1]);
  for (const m of source.matchAll(/\bfor\b([^\n]{0,200}?)\bin\b/g)) words(m[1]);
  for (const m of source.matchAll(/\b(?:as|def|class|del)\s+([A-Za-z_]\w*)/g)) other.add(m[1]);
  const dynamic = /\b(globals|vars)\s*\(\s*\)\s*(\[|\.update|\.setdefault)|setattr\s*\(\s*sys\.modules/.test(source);
  return { assigned, other, dynamic };
}
function basename(path) {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}
function escapeRegExp2(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var ROUND_TRIP_SERIALIZERS = /* @__PURE__ */ new Set([
  "pickle.dumps",
  "_pickle.dumps",
  "cPickle.dumps",
  "pickle5.dumps",
  "cloudpickle.dumps",
  "dill.dumps",
  "marshal.dumps",
  "jsonpickle.encode",
  "jsonpickle.dumps",
  "yaml.dump",
  "yaml.safe_dump"
]);

// src/languages/python/taint/summaries.ts
var MAX_DEMAND = 128;
var MAX_SUMMARY_STEPS = 40;
function boundedSteps(steps, max = MAX_SUMMARY_STEPS) {
  if (steps.length <= max) return steps;
  const half = max / 2;
  return [...steps.slice(0, half), ...steps.slice(-half)];
}

// src/languages/python/taint/specs.ts
var REDIS_CLIENTS = [
  "redis.Redis()",
  "redis.StrictRedis()",
  "redis.from_url()",
  "redis.Redis.from_url()",
  "redis.StrictRedis.from_url()",
  "redis.asyncio.Redis()",
  "redis.asyncio.StrictRedis()",
  "redis.asyncio.from_url()",
  "redis.asyncio.Redis.from_url()",
  "redis.RedisCluster()",
  "redis.cluster.RedisCluster()",
  "redis.asyncio.RedisCluster()",
  "aioredis.Redis()",
  "aioredis.from_url()"
];
var REDIS_READS = [
  "get",
  "getdel",
  "getex",
  "getset",
  "mget",
  "hget",
  "hmget",
  "hgetall",
  "hvals",
  "lpop",
  "rpop",
  "blpop",
  "brpop",
  "lrange",
  "lindex",
  "rpoplpush",
  "brpoplpush",
  "lmove",
  "blmove",
  "smembers",
  "spop",
  "srandmember",
  "zrange",
  "zrevrange",
  "zrangebyscore",
  "xread",
  "xreadgroup",
  "xrange",
  "pubsub().listen",
  "pubsub().get_message"
];
var REDIS_SOURCES = Object.fromEntries(REDIS_CLIENTS.flatMap((c) => REDIS_READS.map((m) => [`${c}.${m}`, "value read from Redis"])));
var S3_CLIENTS = ["boto3.client()", "boto3.Session().client()", "boto3.session.Session().client()"];
var S3_RESOURCES = ["boto3.resource()", "boto3.Session().resource()", "boto3.session.Session().resource()"];
var DATA_SOURCES = {
  // Flask and Werkzeug request data (the context-local `request`).
  "flask.request.data": "Flask request body",
  "flask.request.get_data": "Flask request body",
  "flask.request.form": "Flask form data",
  "flask.request.args": "Flask query string",
  "flask.request.values": "Flask request values",
  "flask.request.files": "Flask uploaded file",
  "flask.request.cookies": "Flask cookie",
  "flask.request.headers": "Flask request header",
  "flask.request.json": "Flask JSON body",
  "flask.request.get_json": "Flask JSON body",
  "flask.request.stream": "Flask request stream",
  "flask.request.input_stream": "Flask request stream",
  // Bottle's global request.
  "bottle.request.body": "Bottle request body",
  "bottle.request.forms": "Bottle form data",
  "bottle.request.query": "Bottle query string",
  "bottle.request.params": "Bottle request parameters",
  "bottle.request.files": "Bottle uploaded file",
  "bottle.request.cookies": "Bottle cookie",
  "bottle.request.get_cookie": "Bottle cookie",
  "bottle.request.headers": "Bottle request header",
  "bottle.request.json": "Bottle JSON body",
  // Streamlit widgets: what the visitor of the app uploads or types.
  "streamlit.file_uploader": "Streamlit uploaded file",
  "streamlit.sidebar.file_uploader": "Streamlit uploaded file",
  "streamlit.camera_input": "Streamlit uploaded file",
  "streamlit.text_input": "Streamlit text input",
  "streamlit.text_area": "Streamlit text input",
  "streamlit.chat_input": "Streamlit text input",
  // Standard input.
  "sys.stdin": "standard input",
  "builtins.input": "user input (input())",
  // Sockets.
  "socket.socket().recv": "data received from a socket",
  "socket.socket().recvfrom": "data received from a socket",
  "socket.socket().recv_into": "data received from a socket",
  "socket.socket().makefile": "data received from a socket",
  "socket.socket().accept": "a network connection",
  "socket.create_connection()": "a network connection",
  "socket.create_server().accept": "a network connection",
  // HTTP clients: the response and all read from it.
  "requests.get()": "HTTP response (requests)",
  "requests.post()": "HTTP response (requests)",
  "requests.put()": "HTTP response (requests)",
  "requests.request()": "HTTP response (requests)",
  "requests.Session().get()": "HTTP response (requests)",
  "requests.Session().post()": "HTTP response (requests)",
  "requests.Session().request()": "HTTP response (requests)",
  "httpx.get()": "HTTP response (httpx)",
  "httpx.post()": "HTTP response (httpx)",
  "httpx.request()": "HTTP response (httpx)",
  "httpx.Client().get()": "HTTP response (httpx)",
  "httpx.Client().post()": "HTTP response (httpx)",
  "httpx.AsyncClient().get()": "HTTP response (httpx)",
  "httpx.AsyncClient().post()": "HTTP response (httpx)",
  "urllib.request.urlopen()": "HTTP response (urllib)",
  "urllib.request.urlretrieve()": "HTTP download (urllib)",
  "http.client.HTTPConnection().getresponse()": "HTTP response (http.client)",
  "http.client.HTTPSConnection().getresponse()": "HTTP response (http.client)",
  "urllib3.PoolManager().request()": "HTTP response (urllib3)",
  "urllib3.request()": "HTTP response (urllib3)",
  "multiprocessing.connection.Listener().accept()": "a network connection (multiprocessing)",
  "multiprocessing.connection.Client()": "a network connection (multiprocessing)",
  "urllib2.urlopen()": "HTTP response (urllib)",
  "aiohttp.ClientSession().get()": "HTTP response (aiohttp)",
  "aiohttp.ClientSession().post()": "HTTP response (aiohttp)",
  // Caches: values other processes can write (Redis reads through every client constructor, see `REDIS_SOURCES`).
  ...REDIS_SOURCES,
  "memcache.Client().get": "value read from memcached",
  "pymemcache.client.base.Client().get": "value read from memcached",
  "pymemcache.Client().get": "value read from memcached",
  "pylibmc.Client().get": "value read from memcached",
  // Message queues.
  "kafka.KafkaConsumer()": "Kafka message",
  "kafka.KafkaConsumer().poll": "Kafka message",
  "confluent_kafka.Consumer().poll": "Kafka message",
  "pika.BlockingConnection().channel().basic_get": "RabbitMQ message",
  "boto3.client().receive_message": "Amazon SQS message",
  "boto3.resource().Queue().receive_messages": "Amazon SQS message",
  "boto3.resource().get_queue_by_name().receive_messages": "Amazon SQS message",
  "zmq.Context().socket().recv": "ZeroMQ message",
  "zmq.Context().socket().recv_multipart": "ZeroMQ message",
  "zmq.Context.instance().socket().recv": "ZeroMQ message",
  "zmq.Context.instance().socket().recv_multipart": "ZeroMQ message",
  "zmq.asyncio.Context().socket().recv": "ZeroMQ message",
  "zmq.asyncio.Context().socket().recv_multipart": "ZeroMQ message",
  "zmq.asyncio.Context.instance().socket().recv": "ZeroMQ message",
  // Object storage: a bucket's objects are whoever can write to the bucket's choice (other services, presigned
  // uploads, a leaked key), the same trust as a Redis key or an SQS message. `download_fileobj`/`download_file` write
  // into an argument or a local file, which the flow analysis does not follow.
  ...Object.fromEntries(S3_CLIENTS.map((c) => [`${c}.get_object`, "object read from S3"])),
  ...Object.fromEntries(S3_RESOURCES.flatMap((r) => [`${r}.Object().get`, `${r}.Bucket().Object().get`, `${r}.ObjectSummary().get`].map((n) => [n, "object read from S3"]))),
  // WebSocket clients: what the server sends.
  "websockets.connect()": "WebSocket connection (client)",
  "websockets.client.connect()": "WebSocket connection (client)",
  "websockets.asyncio.client.connect()": "WebSocket connection (client)",
  "websockets.sync.client.connect()": "WebSocket connection (client)",
  // aiohttp WebSockets: what the client (server side, `async for msg in ws`, `ws.receive_bytes()`) or the server
  // (`session.ws_connect()`) sends.
  "aiohttp.web.WebSocketResponse()": "WebSocket message (aiohttp server)",
  "aiohttp.web_ws.WebSocketResponse()": "WebSocket message (aiohttp server)",
  "aiohttp.ClientSession().ws_connect()": "WebSocket message (aiohttp client)",
  // asyncio streams: what the peer sends.
  "asyncio.open_connection": "a network connection (asyncio)",
  "asyncio.open_unix_connection": "a network connection (asyncio)"
};
var REQUEST_DATA_MEMBERS = /* @__PURE__ */ new Set([
  "body",
  "data",
  "GET",
  "POST",
  "COOKIES",
  "FILES",
  "META",
  "headers",
  "cookies",
  "form",
  "args",
  "values",
  "files",
  "json",
  "get_json",
  "get_data",
  "stream",
  "bounded_stream",
  "media",
  "get_media",
  "query_params",
  "path_params",
  "query",
  "forms",
  "params",
  "read",
  "text",
  "post",
  "content",
  "query_arguments",
  "body_arguments",
  "arguments",
  "raw_data",
  "raw",
  "input_stream",
  "query_string",
  "match_info",
  "rfile",
  "recv",
  "recv_into",
  "makefile",
  "receive",
  "receive_bytes",
  "receive_text",
  "receive_json",
  "iter_bytes",
  "iter_text",
  "multipart"
]);
var FASTAPI_MARKERS = ["File", "Form", "Body", "Query", "Header", "Cookie", "Path"];
var REQUEST_CLASSES = [
  "fastapi.Request",
  "fastapi.requests.Request",
  "starlette.requests.Request",
  "fastapi.WebSocket",
  "starlette.websockets.WebSocket",
  "aiohttp.web.Request",
  "aiohttp.web.BaseRequest",
  "aiohttp.web_request.Request",
  "django.http.HttpRequest",
  "django.http.request.HttpRequest",
  "rest_framework.request.Request",
  "sanic.Request",
  "sanic.request.Request",
  "falcon.Request",
  "falcon.asgi.Request",
  "tornado.httputil.HTTPServerRequest",
  "werkzeug.wrappers.Request",
  "werkzeug.Request",
  "flask.Request",
  "quart.Request",
  "litestar.Request",
  "pyramid.request.Request"
];
var DECLARED_PARAMETERS = Object.fromEntries([
  ...["fastapi.UploadFile", "fastapi.datastructures.UploadFile", "starlette.datastructures.UploadFile"].map((n) => [n, { kind: "data", label: "uploaded file" }]),
  ...FASTAPI_MARKERS.flatMap((m) => [`fastapi.${m}`, `fastapi.params.${m}`, `fastapi.param_functions.${m}`]).map((n) => [n, { kind: "data", label: `FastAPI request parameter (${n.slice(n.lastIndexOf(".") + 1)}())` }]),
  ...REQUEST_CLASSES.map((n) => [n, { kind: "request", label: `${n.split(".")[0]} request` }])
]);
var CALLBACK_REGISTRARS = [
  [/^gradio\.((Interface|ChatInterface|on|render)|\w+\(\)\.(click|submit|change|upload|input|select|release|stop_recording|then|success|load))$/, "Gradio input"],
  [/^asyncio\.(start_server|start_unix_server)$/, "client stream of an asyncio server"],
  [/^websockets\.((legacy|asyncio|sync)\.)?(server\.)?serve$/, "WebSocket connection"],
  [/^(flask_socketio\.SocketIO|socketio\.(Server|AsyncServer|Namespace|AsyncNamespace))\(\)\.(on|event|on_event)$/, "Socket.IO message"],
  [/^(xmlrpc\.server|SimpleXMLRPCServer|DocXMLRPCServer)\.\w+\(\)\.register_function$/, "XML-RPC call argument"],
  [/^jsonrpc\.(dispatcher|Dispatcher\(\))\.add_method$|^jsonrpcserver\.method$/, "JSON-RPC call argument"],
  [/^bentoml\.(api|Service\(\)\.api)$/, "BentoML API input"],
  // Task queues: a task's arguments arrive in a message from the broker.
  [/^celery\.(shared_task|Celery\(\)\.task)$/, "Celery task argument (from the broker)"],
  [/^dramatiq\.actor$/, "Dramatiq actor argument (from the broker)"],
  [/^huey(\.\w+)*\.\w*Huey\(\)\.(task|periodic_task)$/, "Huey task argument (from the broker)"]
];
var RPC_EXPOSE_DECORATORS = [
  [/^Pyro[45](\.(api|server|core))?\.(expose|oneway)$/, "Pyro remote call argument"],
  [/^rpyc(\.\w+)*\.exposed$/, "RPyC remote call argument"]
];
var RPC_SERVICE_BASES = [
  [/^rpyc(\.core\.service|\.core)?\.(Service|SlaveService|ClassicService|MasterService|VoidService)$/, "RPyC remote call argument"]
];
var CALLBACK_METHODS = [
  { base: /^scrapy(\.spiders(\.\w+)?)?\.(Spider|CrawlSpider|XMLFeedSpider|CSVFeedSpider|SitemapSpider)$/, methods: /^/, parameters: /^response$/, kind: "request", label: "response a Scrapy spider downloaded" },
  { base: /^channels\.generic\.websocket\.(Async)?(Json)?WebsocketConsumer$/, methods: /^(receive|receive_json|websocket_receive|decode_json)$/, kind: "data", label: "WebSocket message (Django Channels)" },
  { base: /^tornado\.websocket\.WebSocketHandler$/, methods: /^on_message$/, kind: "data", label: "WebSocket message (Tornado)" },
  { base: /^twisted\.(internet\.protocol\.(Protocol|DatagramProtocol)|protocols\.basic\.\w+)$/, methods: /^(dataReceived|datagramReceived|lineReceived|rawDataReceived|stringReceived)$/, parameters: /^(?!addr)/, kind: "data", label: "data received by a Twisted protocol" },
  { base: /^asyncio(\.protocols)?\.(Protocol|BufferedProtocol|DatagramProtocol)$/, methods: /^(data_received|datagram_received)$/, parameters: /^(?!addr)/, kind: "data", label: "data received by an asyncio protocol" },
  { base: /_pb2_grpc\.\w+Servicer$/, methods: /^[A-Z]/, parameters: /^(request|request_iterator)$/, kind: "data", label: "gRPC request message" },
  // TorchServe calls handle(data, context) with the inference requests' bodies; BaseHandler.handle passes them to preprocess.
  { base: /^ts\.torch_handler\.\w+\.[A-Z]\w*$/, methods: /^(handle|preprocess)$/, parameters: /^(?!(context|ctx)$)/, kind: "data", label: "inference request a TorchServe handler receives" }
];
var REQUEST_PARAMETERS = /* @__PURE__ */ new Set(["request", "req", "http_request"]);
var HANDLER_DATA_METHODS = /* @__PURE__ */ new Set([
  "get_argument",
  "get_arguments",
  "get_body_argument",
  "get_body_arguments",
  "get_query_argument",
  "get_query_arguments",
  "get_cookie",
  "get_secure_cookie"
]);
var HANDLER_REQUEST_ATTRIBUTES = /* @__PURE__ */ new Set(["request", "connection"]);
var HANDLER_STREAM_ATTRIBUTES = /* @__PURE__ */ new Set(["rfile"]);
var LAMBDA_HANDLERS = /^(lambda_handler|handler|[a-z0-9_]*_handler|main)$/;
var CALLBACK_BODY_PARAMETERS = /* @__PURE__ */ new Set(["body", "payload", "message_body"]);
var SANITIZERS = [
  /^itsdangerous\.\w+\(\)\.(loads|unsign|unsign_timestamp|loads_timestamp)$/,
  /^django\.core\.signing\.(loads|\w+\(\)\.(unsign|unsign_object))$/
];
var PROPAGATORS = [
  /^base64\.\w*decode\w*$/,
  /^binascii\.(a2b_\w+|unhexlify)$/,
  /^codecs\.decode$/,
  /^(zlib|gzip|bz2|lzma|zstd|brotli|lz4\.frame|snappy)\.decompress$/,
  /^(gzip|bz2|lzma)\.(open|GzipFile|BZ2File|LZMAFile)$/,
  /^builtins\.(bytes|bytearray|str|memoryview|bytes\.fromhex|bytearray\.fromhex|list|tuple|dict|next|reversed|sorted)$/,
  /^io\.(BytesIO|StringIO|BufferedReader|open)$/,
  // A file at a path the attacker names (an upload's temporary file, a path parameter): what it holds is theirs.
  /^(builtins|codecs)\.open$/,
  /^pathlib\.(Pure)?(Posix|Windows)?Path$/,
  /^json\.loads?$/,
  /^urllib\.parse\.(unquote\w*|parse_qs|parse_qsl)$/,
  /^(typing\.)?cast$/
];
var VERIFIERS = ["hmac.compare_digest", "secrets.compare_digest"];
var MAC_CALLS = [/^hmac\.(new|HMAC|digest)/];
var FLOW_NAMES = [
  ...Object.keys(DATA_SOURCES),
  ...Object.keys(DECLARED_PARAMETERS),
  "gradio.Interface",
  "gradio.ChatInterface",
  "gradio.on",
  "asyncio.start_server",
  "asyncio.start_unix_server",
  "websockets.serve",
  "flask_socketio.SocketIO",
  "socketio.Server",
  "socketio.AsyncServer",
  "xmlrpc.server.SimpleXMLRPCServer",
  "xmlrpc.server.DocXMLRPCServer",
  "Pyro5.api.expose",
  "Pyro5.server.expose",
  "Pyro5.api.oneway",
  "Pyro4.expose",
  "Pyro4.oneway",
  "rpyc.Service",
  "rpyc.exposed",
  "jsonrpc.dispatcher",
  "jsonrpcserver.method",
  "bentoml.api",
  "bentoml.Service",
  "scrapy.Spider",
  "scrapy.spiders.Spider",
  "scrapy.spiders.CrawlSpider",
  "scrapy.spiders.XMLFeedSpider",
  "scrapy.spiders.SitemapSpider",
  "channels.generic.websocket.WebsocketConsumer",
  "channels.generic.websocket.AsyncWebsocketConsumer",
  "tornado.websocket.WebSocketHandler",
  "twisted.internet.protocol.Protocol",
  "asyncio.Protocol",
  "asyncio.DatagramProtocol",
  "celery.shared_task",
  "celery.Celery",
  "dramatiq.actor",
  "flask.request",
  "bottle.request",
  "quart.request",
  "base64.b64decode",
  "base64.urlsafe_b64decode",
  "base64.standard_b64decode",
  "base64.b32decode",
  "base64.b16decode",
  "base64.a85decode",
  "base64.b85decode",
  "base64.decodebytes",
  "base64.decodestring",
  "binascii.unhexlify",
  "binascii.a2b_base64",
  "binascii.a2b_hex",
  "codecs.decode",
  "zlib.decompress",
  "gzip.decompress",
  "gzip.open",
  "gzip.GzipFile",
  "bz2.decompress",
  "bz2.open",
  "bz2.BZ2File",
  "lzma.decompress",
  "lzma.open",
  "lzma.LZMAFile",
  "io.BytesIO",
  "io.StringIO",
  "io.BufferedReader",
  "io.open",
  "builtins.open",
  "codecs.open",
  "pathlib.Path",
  "json.loads",
  "json.load",
  "urllib.parse.unquote",
  "urllib.parse.unquote_plus",
  "urllib.parse.unquote_to_bytes",
  "urllib.parse.parse_qs",
  "itsdangerous.Signer().unsign",
  "itsdangerous.URLSafeSerializer().loads",
  "itsdangerous.URLSafeTimedSerializer().loads",
  "itsdangerous.Serializer().loads",
  "itsdangerous.TimestampSigner().unsign",
  "django.core.signing.loads",
  "django.core.signing.Signer().unsign",
  "django.core.signing.TimestampSigner().unsign",
  ...VERIFIERS,
  "hmac.new",
  "hmac.HMAC"
];
function sourceWords(names) {
  const words = /* @__PURE__ */ new Set(["req", "event", "recv", ...REQUEST_PARAMETERS, ...CALLBACK_BODY_PARAMETERS, ...HANDLER_DATA_METHODS, ...HANDLER_REQUEST_ATTRIBUTES, ...HANDLER_STREAM_ATTRIBUTES]);
  for (const name2 of names) {
    const parts2 = name2.replace(/\(\)/g, "").split(".");
    words.add(parts2.length === 2 && !name2.includes("(") ? parts2[1] : parts2[0]);
  }
  return [...words];
}
var GLOBAL_REQUESTS = /* @__PURE__ */ new Set(["flask.request", "bottle.request", "quart.request", "werkzeug.wrappers.Request()"]);
var SOURCE_WORDS = sourceWords([...Object.keys(DATA_SOURCES), ...GLOBAL_REQUESTS]);

// src/languages/python/taint/flow.ts
var MAX_DEPTH3 = 24;
var MAX_DATA_FLOW_STEPS = 5e4;
var DATA_FLOW_LIMIT = "data-flow";
var MAX_PASS_THROUGH_NESTING = 8;
var MAX_SOURCES = 8;
var FUNCTIONS = /* @__PURE__ */ new Set(["function_definition", "lambda"]);
var NESTED = /* @__PURE__ */ new Set(["function_definition", "class_definition", "lambda"]);
var COMPREHENSIONS = /* @__PURE__ */ new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
var CONTAINER_ADDERS = /* @__PURE__ */ new Set(["append", "extend", "insert", "add", "update", "appendleft", "extendleft", "setdefault", "put", "write"]);
var BLOCK_ENDERS = /* @__PURE__ */ new Set(["return_statement", "raise_statement"]);
var TaintTracker = class _TaintTracker {
  /**
   * `parameters`: summary mode, where every parameter of the enclosing function is a source too (its first step
   * names it), to find the functions whose parameter reaches a sink.
   */
  constructor(model, parameters = false, extra = {}, facts = { mentioned: /* @__PURE__ */ new Map(), definitions: /* @__PURE__ */ new Map() }) {
    this.model = model;
    this.parameters = parameters;
    this.extra = extra;
    this.facts = facts;
    this.extraSources = new Set(extra.sources);
    this.extraSanitizers = new Set(extra.sanitizers);
  }
  model;
  parameters;
  extra;
  facts;
  visiting = /* @__PURE__ */ new Set();
  /** Expressions evaluated for the current outermost question (see `MAX_DATA_FLOW_STEPS`). */
  steps = 0;
  /** Evaluating the arguments of a call no summary explains, only to note what they need (see `projectCall`). */
  noting = false;
  /** Sources already reported for the sink being analysed (see `allFlowsInto`). */
  excluded = /* @__PURE__ */ new Set();
  /** Qualified names of calls met on the way back from a sink that no summary explains (see `FlowSummaryPart.flowDemand`). */
  demand = /* @__PURE__ */ new Set();
  /** Whether the file's text matches a word check (each a scan of the whole text): asked once per file. */
  mentions(words) {
    let found = this.facts.mentioned.get(words);
    if (found === void 0) this.facts.mentioned.set(words, found = words.test(this.model.tree.source));
    return found;
  }
  extraSources;
  extraSanitizers;
  /** A source the configuration names (`extra-sources`): the name, or what is read from or returned by it. */
  configuredSource(name2) {
    if (!this.extraSources.size) return void 0;
    for (let end = name2.length; end > 0; end = name2.lastIndexOf(".", end - 1)) {
      const prefix = name2.slice(0, end);
      if (this.extraSources.has(prefix) || this.extraSources.has(prefix.replace(/\(\)$/, ""))) return `configured source ${code(prefix.replace(/\(\)$/, ""))}`;
    }
    return void 0;
  }
  isSanitizer(name2) {
    return SANITIZERS.some((s) => s.test(name2)) || this.extraSanitizers.has(name2) || this.extraSanitizers.has(name2.replace(/\(\)$/, ""));
  }
  /**
   * The flow of untrusted data into `expr` (an argument of the sink `site`), or undefined when none is known.
   * Loads on a branch verified by `hmac.compare_digest` are not flows.
   */
  flowInto(expr, site, scope) {
    const taint = this.eval(expr, site, scope, 0);
    if (!taint || taint.kind !== "data") return void 0;
    const guard = this.guardOf(site);
    if (guard === "verified") return void 0;
    return { steps: taint.steps, ...guard ? { weakGuard: guard } : {} };
  }
  /**
   * Every flow of untrusted data into `expr`, one per source (at most `max`), the first being `flowInto`'s: each
   * further search leaves out the sources found before.
   */
  allFlowsInto(expr, site, scope, max = MAX_SOURCES) {
    const out2 = [];
    try {
      for (let flow = this.flowInto(expr, site, scope); flow && out2.length < max; flow = this.flowInto(expr, site, scope)) {
        const key = sourceKey(flow.steps);
        if (this.excluded.has(key)) break;
        out2.push(flow);
        this.excluded.add(key);
      }
    } finally {
      this.excluded.clear();
    }
    return out2;
  }
  text(node) {
    return this.model.text(node);
  }
  step(node, message15) {
    return { node, message: message15 };
  }
  /** A local step written down for a summary: its place in this file. */
  placed(step, path) {
    if (step.place) return { place: step.place, message: step.message };
    return { place: placeOf(step.node, path, this.model.tree.source), message: step.message };
  }
  eval(expr, at, scope, depth) {
    if (depth > MAX_DEPTH3 || this.visiting.has(expr)) return void 0;
    if (this.visiting.size === 0) this.steps = 0;
    if (++this.steps > MAX_DATA_FLOW_STEPS) {
      this.model.limits.add(DATA_FLOW_LIMIT);
      return void 0;
    }
    this.visiting.add(expr);
    try {
      const t = this.evalNode(expr, at, scope, depth + 1);
      return t?.kind === "data" && this.excluded.size && this.excluded.has(sourceKey(t.steps)) ? void 0 : t;
    } finally {
      this.visiting.delete(expr);
    }
  }
  evalNode(node, at, scope, depth) {
    const any = (nodes, message15) => {
      for (const n of nodes) {
        if (!n) continue;
        const t = this.eval(n, at, scope, depth);
        if (t?.kind === "data") return message15 ? { kind: "data", steps: [...t.steps, this.step(node, message15)] } : t;
      }
      return void 0;
    };
    switch (node.type) {
      case "list_splat": {
        const list = node.children.find((c) => c.type !== "*");
        const first = node.parent?.type === "argument_list" && node.parent.children.find((c) => c.type !== "(" && c.type !== "comment") === node;
        if (first && list?.type === "identifier") {
          const t = this.evalName(list, at, scope, depth, 0);
          if (t) return t;
        }
        return any(node.children);
      }
      case "parenthesized_expression":
      case "await":
      case "expression_statement":
      case "dictionary_splat":
      case "keyword_argument":
      case "argument_list":
        return any(node.children.filter((c) => c.type !== "identifier" || node.type !== "keyword_argument" || c !== childByField(node, "name")));
      case "identifier":
        return this.evalName(node, at, scope, depth);
      case "attribute":
        return this.evalAttribute(node, at, scope, depth);
      case "call":
        return this.evalCall(node, at, scope, depth);
      case "subscript": {
        const value = childByField(node, "value");
        const key = keyOf(this.constant(childByField(node, "subscript"), node));
        const subscript = childByField(node, "subscript");
        const index2 = typeof key === "number" ? key : subscript?.type === "unary_operator" ? negative(this.text(subscript)) : void 0;
        if (value?.type === "identifier" && index2 !== void 0) {
          const element = this.listElement(value, index2, node);
          if (element !== void 0) {
            const t = element ? this.eval(element.value, element.at, scope, depth) : void 0;
            return t && { kind: t.kind, steps: [...t.steps, this.step(node, `indexed: ${short(this.text(node))}`)] };
          }
        }
        if (value?.type === "identifier" && key !== void 0) {
          const t = this.evalName(value, at, scope, depth, key);
          return t && { kind: t.kind, steps: [...t.steps, this.step(node, `indexed: ${short(this.text(node))}`)] };
        }
        return any([value], `indexed: ${short(this.text(node))}`);
      }
      case "slice":
        return void 0;
      case "string":
        return any(node.children.filter((c) => c.type === "interpolation"), "formatted into a string");
      case "interpolation":
        return any(node.children);
      case "concatenated_string":
        return any(node.children);
      case "binary_operator":
        return any([childByField(node, "left"), childByField(node, "right")], `combined: ${short(this.text(node))}`);
      case "boolean_operator":
        return any([childByField(node, "left"), childByField(node, "right")]);
      case "conditional_expression": {
        const [yes, condition2, no] = node.children.filter((c) => c.type !== "comment");
        const truth = this.constant(condition2, node);
        if (truth !== void 0) return any([truth ? yes : no]);
        return any([yes, no]);
      }
      case "named_expression":
        return any([childByField(node, "value")]);
      case "list":
      case "tuple":
      case "set":
      case "expression_list":
      case "pattern_list":
      case "dictionary":
      case "pair":
        return any(node.children.filter((c) => c.type !== "comment"), node.type === "pair" ? void 0 : `put in a ${node.type.replace("expression_list", "tuple").replace("dictionary", "dict")}`);
      default:
        if (COMPREHENSIONS.has(node.type)) {
          const clauses = node.children.filter((c) => c.type === "for_in_clause");
          const iterables = clauses.map((c) => childByField(c, "right"));
          return any([...iterables, childByField(node, "body")], "collected by a comprehension");
        }
        return void 0;
    }
  }
  /** A qualified-name source: `flask.request.data`, `requests.get(u).content`, `socket.socket().recv(...)`. */
  qualifiedSource(node, scope) {
    for (const r of this.model.resolve(node, scope)) {
      const name2 = r.name;
      const label = sourceLabel(name2) ?? this.configuredSource(name2);
      if (label) return { kind: "data", steps: [this.step(node, `source: ${label} (${short(this.text(node))})`)] };
      if (GLOBAL_REQUESTS.has(name2)) return { kind: "request", steps: [this.step(node, `request object ${short(this.text(node))}`)] };
    }
    return void 0;
  }
  evalName(node, at, scope, depth, key) {
    const name2 = this.text(node);
    for (let n = node.parent; n && !NESTED.has(n.type); n = n.parent) {
      if (!COMPREHENSIONS.has(n.type)) continue;
      for (const clause of n.children.filter((c) => c.type === "for_in_clause")) {
        const left = childByField(clause, "left");
        if (!left || !descendants(clause, (d) => d === left || isAncestor(left, d)).concat(left).some((d) => d.type === "identifier" && this.text(d) === name2)) continue;
        const right = childByField(clause, "right");
        const t = right && this.eval(right, at, scope, depth);
        return t && { kind: t.kind, steps: [...t.steps, this.step(left, `iterated into ${code(name2)}`)] };
      }
    }
    for (let n = this.mentions(LAMBDA_WORD) ? node.parent : null; n && n.type !== "function_definition"; n = n.parent) {
      if (n.type !== "lambda" || !parameterNames(n, this.model).includes(name2)) continue;
      const defs = this.definitionsOf(n).get(name2);
      if (defs?.length) return this.evalDefinitions(name2, defs, at, scope, depth, key);
    }
    const fn = enclosingFunction(node) ?? (topLevel(node) ? this.model.tree.root : void 0);
    if (fn) {
      const defs = this.definitionsOf(fn).get(name2);
      if (defs?.length) return this.evalDefinitions(name2, defs, at, scope, depth, key);
    }
    return this.qualifiedSource(node, scope);
  }
  /** The reaching definitions of a local name before `at`, latest first; one that dominates `at` ends the search. */
  evalDefinitions(name2, defs, at, scope, depth, key) {
    const before = defs.filter((d) => d.node.start < at.start || d.kind === "parameter").sort((a, b) => b.node.start - a.node.start);
    for (const d of before) {
      if (this.deadCode(d.node)) continue;
      if (d.value && d.kind !== "parameter" && isAncestor(d.value, at)) continue;
      if (key !== void 0 && d.key !== void 0 && d.key !== key) continue;
      const t = this.evalDefinition(name2, d, at, scope, depth, key);
      if (t) return t;
      if (d.kind !== "augment" && d.kind !== "parameter" && this.dominates(d.node, at)) return void 0;
    }
    return void 0;
  }
  evalDefinition(name2, d, at, scope, depth, key) {
    if (d.kind === "parameter" && d.splat) return this.splatParameter(name2, d, key);
    if (d.kind === "parameter") return this.parameterSource(name2, d.node);
    if (!d.value) return void 0;
    const value = key !== void 0 ? this.dictEntry(d.value, key) ?? d.value : d.value;
    const t = this.eval(value, d.node, scope, depth);
    if (!t) return void 0;
    const verb = d.verb ?? (d.kind === "loop" ? "iterated into" : d.kind === "with" ? "bound by with to" : d.kind === "augment" ? "appended to" : "assigned to");
    return { kind: t.kind, steps: [...t.steps, this.step(d.node, `${verb} ${code(name2)}`)] };
  }
  /**
   * The value of `key` in a dict literal whose keys are all string literals (no `**` spread): undefined when the
   * literal is not one, or lacks the key (then the whole dict is followed, as before).
   */
  dictEntry(literal, key) {
    if (literal.type !== "dictionary" || typeof key !== "string") return void 0;
    let found;
    for (const c of literal.children) {
      if (c.type === "comment") continue;
      const k = c.type === "pair" ? childByField(c, "key") : void 0;
      if (k?.type !== "string") return void 0;
      const text = decodeStringLiteral(this.text(k));
      if (text === void 0) return void 0;
      if (text === key) found = childByField(c, "value");
    }
    return found;
  }
  /**
   * Summary mode: one argument a caller passes through `*args` or `**kwargs`, read at a constant index or key
   * (`args[0]`, `kwargs["blob"]`, `kwargs.get("blob")`): the parameter it stands for.
   */
  splatParameter(name2, d, key) {
    if (!this.parameters || !d.splat || key === void 0) return void 0;
    const fn = enclosingFunction(d.node);
    const fnName = this.text((fn && childByField(fn, "name")) ?? d.node);
    if (d.splat.kind === "**" && typeof key === "string") {
      return { kind: "data", steps: [{ node: d.node, message: `keyword argument ${code(key)} in ${code("**" + name2)} of ${code(fnName)}()`, parameter: key, position: -1 }] };
    }
    if (d.splat.kind === "*" && typeof key === "number" && key >= 0) {
      return { kind: "data", steps: [{ node: d.node, message: `argument ${code(`${name2}[${key}]`)} of ${code(fnName)}()`, parameter: `*${name2}[${key}]`, position: d.splat.position + key }] };
    }
    return void 0;
  }
  /** Handler parameters that hold untrusted data or a request object. */
  parameterSource(name2, param) {
    const fn = enclosingCallable(param);
    if (!fn) return void 0;
    const params = parameterNames(fn, this.model);
    const fnName = callableName(fn, this.model);
    const plain = params[0] === "self" || params[0] === "cls" ? params.slice(1) : params;
    const overridden = name2 !== "self" && name2 !== "cls" ? this.callbackMethod(fn, name2) : void 0;
    if (overridden) {
      const prefix = overridden.kind === "data" ? "source" : "request object";
      return { kind: overridden.kind, steps: [this.step(param, `${prefix}: ${overridden.label} (parameter ${code(name2)} of ${code(fnName)})`)] };
    }
    if (REQUEST_PARAMETERS.has(name2) || plain[0] === name2 && /^(get|post|put|patch|delete|dispatch|handle)\b/.test(fnName) && /req/.test(name2)) {
      return { kind: "request", steps: [this.step(param, `request object: parameter ${code(name2)} of ${code(fnName)}`)] };
    }
    const registered = name2 !== "self" && name2 !== "cls" ? this.registeredCallback(fn) ?? this.rpcEndpoint(fn) : void 0;
    if (registered) return { kind: "data", steps: [this.step(param, `source: ${registered} (parameter ${code(name2)} of ${code(fnName)})`)] };
    const declared = this.declaredParameter(param);
    if (declared) return { kind: declared.kind, steps: [this.step(param, `${declared.kind === "data" ? "source" : "request object"}: ${declared.label} (parameter ${code(name2)} of ${code(fnName)})`)] };
    if (name2 === "event" && plain[0] === "event" && plain[1] === "context" && LAMBDA_HANDLERS.test(fnName)) {
      return { kind: "data", steps: [this.step(param, `source: AWS Lambda event (parameter of ${code(fnName)})`)] };
    }
    if (CALLBACK_BODY_PARAMETERS.has(name2) && plain.length === 4 && plain[3] === name2) {
      return { kind: "data", steps: [this.step(param, `source: message body delivered to consumer callback ${code(fnName)}`)] };
    }
    if (name2 === "body" && plain.length === 2 && plain[0] === "body" && plain[1] === "message") {
      return { kind: "data", steps: [this.step(param, `source: message body delivered to consumer callback ${code(fnName)}`)] };
    }
    if (this.parameters && name2 !== "self" && name2 !== "cls") {
      return { kind: "data", steps: [{ node: param, message: `parameter ${code(name2)} of ${code(fnName)}()`, parameter: name2 }] };
    }
    return void 0;
  }
  /**
   * A method a framework calls with network data when a subclass overrides it (see `CALLBACK_METHODS`): a Scrapy
   * spider's callbacks, a WebSocket consumer's `receive`, a Twisted or asyncio protocol's `dataReceived`/
   * `data_received`, a gRPC servicer's methods, a TorchServe handler's `handle`/`preprocess`. What `parameter` of it holds.
   */
  callbackMethod(fn, parameter) {
    const cls = fn.type === "function_definition" ? methodClass(fn) : void 0;
    if (!cls || !this.mentions(CALLBACK_BASE_WORDS)) return void 0;
    const method = this.text(childByField(fn, "name") ?? fn);
    const specs = CALLBACK_METHODS.filter((c) => c.methods.test(method) && (!c.parameters || c.parameters.test(parameter)));
    if (!specs.length) return void 0;
    const ancestors = this.model.classAncestors(cls, this.model.module);
    const written = (childByField(cls, "superclasses")?.children ?? []).map((b) => this.text(b));
    return specs.find((c) => ancestors.some((r) => c.base.test(r.name)) || written.some((w) => c.base.test(w)));
  }
  /**
   * What calls `fn` with data from outside when it is registered as a callback (see `CALLBACK_REGISTRARS`): passed
   * to a registering call (`gr.Interface(fn=predict)`, `button.click(restore)`, `asyncio.start_server(handle, ...)`,
   * `server.register_function(f)`), or decorated by one (`@socketio.on("state")`). Every parameter of it is untrusted.
   */
  registeredCallback(fn) {
    if (!this.mentions(REGISTRAR_WORDS)) return void 0;
    const label = (callee, scope) => {
      for (const r of this.model.resolve(callee, scope)) {
        const registrar = CALLBACK_REGISTRARS.find(([pattern]) => pattern.test(r.name));
        if (registrar) return registrar[1];
      }
      return void 0;
    };
    const decorated = fn.parent?.type === "decorated_definition" ? fn.parent : void 0;
    for (const d of decorated?.children ?? []) {
      const e = d.type === "decorator" ? d.children.find((c) => c.type !== "@") : void 0;
      const callee = e?.type === "call" ? childByField(e, "function") : e;
      const found = callee && label(callee, this.model.module);
      if (found) return found;
    }
    if (!this.facts.registeredNames) {
      this.facts.registeredNames = /* @__PURE__ */ new Map();
      for (const { node, scope } of this.model.calls) {
        const args2 = childByField(node, "arguments");
        const first = args2?.children.find((c) => c.type !== "(" && c.type !== "comment");
        const keyword = args2?.children.find((c) => c.type === "keyword_argument" && /^(fn|handler|client_connected_cb|function)$/.test(this.text(childByField(c, "name") ?? c)));
        const passed = first?.type === "identifier" ? first : keyword ? childByField(keyword, "value") : void 0;
        const callee = childByField(node, "function");
        if (passed?.type !== "identifier" || !callee || this.facts.registeredNames.has(this.text(passed))) continue;
        const found = label(callee, scope);
        if (found) this.facts.registeredNames.set(this.text(passed), found);
      }
    }
    if (fn.type === "lambda") {
      const holder = fn.parent?.type === "keyword_argument" ? fn.parent.parent : fn.parent;
      const call = holder?.type === "argument_list" ? holder.parent : void 0;
      const callee = call?.type === "call" ? childByField(call, "function") : void 0;
      const scope = call && this.model.calls.find((c) => c.node === call)?.scope;
      return callee && scope ? label(callee, scope) : void 0;
    }
    return this.facts.registeredNames.get(this.text(childByField(fn, "name") ?? fn));
  }
  /**
   * What calls `fn` with a client's data when it is a remote procedure: a method exposed by a decorator (Pyro's
   * `@expose`, on the method or on its class: then its public methods), an `exposed_*` method of an RPyC service, a
   * public method of an object an XML-RPC server registers (`server.register_instance(Store())`), or a method or
   * function listed in a handler table (`handlers = {"run": self.run}`, as dask's servers take them).
   */
  rpcEndpoint(fn) {
    if (fn.type !== "function_definition") return void 0;
    if (!this.facts.rpcEndpoints) {
      this.facts.rpcEndpoints = /* @__PURE__ */ new Map();
      if (this.mentions(RPC_WORDS)) this.findRpcEndpoints(this.facts.rpcEndpoints);
    }
    return this.facts.rpcEndpoints.get(fn);
  }
  findRpcEndpoints(out2) {
    const match = (node, scope, table) => {
      for (const r of this.model.resolve(node, scope)) {
        const found = table.find(([pattern]) => pattern.test(r.name.replace(/\(\)$/, "")));
        if (found) return found[1];
      }
      return void 0;
    };
    const decoratedBy = (def) => {
      const decorated = def.parent?.type === "decorated_definition" ? def.parent : void 0;
      for (const d of decorated?.children ?? []) {
        const e = d.type === "decorator" ? d.children.find((c) => c.type !== "@") : void 0;
        const callee = e?.type === "call" ? childByField(e, "function") : e;
        const label = callee && match(callee, this.model.module, RPC_EXPOSE_DECORATORS);
        if (label) return label;
      }
      return void 0;
    };
    const methods = (cls) => (childByField(cls, "body")?.children ?? []).map((m) => m.type === "decorated_definition" ? childByField(m, "definition") : m).filter((m) => m?.type === "function_definition");
    const methodName = (m) => this.text(childByField(m, "name") ?? m);
    const publicMethods = (cls, label) => {
      for (const m of methods(cls)) if (!methodName(m).startsWith("_") && !out2.has(m)) out2.set(m, label);
    };
    for (const cls of descendantsAll(this.model.tree.root, (n) => n.type === "class_definition")) {
      const exposed = decoratedBy(cls);
      if (exposed) publicMethods(cls, exposed);
      const scope = this.model.classScope(cls)?.parent ?? this.model.module;
      const service = (childByField(cls, "superclasses")?.children ?? []).map((b) => match(b, scope, RPC_SERVICE_BASES)).find(Boolean) ?? this.model.classAncestors(cls, scope).map((r) => RPC_SERVICE_BASES.find(([p]) => p.test(r.name))?.[1]).find(Boolean);
      for (const m of methods(cls)) {
        const label = decoratedBy(m) ?? (service && methodName(m).startsWith("exposed_") ? service : void 0);
        if (label) out2.set(m, label);
      }
    }
    const source = this.model.tree.source;
    const topLevel2 = (name2, type) => this.model.tree.root.children.map((c) => c.type === "decorated_definition" ? childByField(c, "definition") : c).find((d) => d?.type === type && this.text(childByField(d, "name") ?? d) === name2);
    if (/xmlrpc|XMLRPC/.test(source)) {
      for (const m of source.matchAll(/\bregister_instance\(\s*([A-Za-z_]\w*)\s*\(/g)) {
        const cls = topLevel2(m[1], "class_definition");
        if (cls) publicMethods(cls, "XML-RPC call argument");
      }
    }
    const classes = descendantsAll(this.model.tree.root, (n) => n.type === "class_definition");
    for (const m of source.matchAll(/\b\w*handlers\s*(?::[^=\n{]*)?=\s*\{/gi)) {
      const open = m.index + m[0].length - 1;
      let end = open;
      for (let level = 0; end < source.length && end < open + 2e4; end++) {
        if (source[end] === "{") level++;
        else if (source[end] === "}" && --level === 0) break;
      }
      const table = source.slice(open, end + 1);
      const cls = classes.filter((c) => c.start <= open && open < c.end).at(-1);
      for (const entry2 of table.matchAll(/:\s*(self\.)?([A-Za-z_]\w*)\s*(?=[,}\n#])/g)) {
        const handler = entry2[1] ? cls ? this.methodOf(cls, entry2[2]) : void 0 : topLevel2(entry2[2], "function_definition");
        if (handler && !out2.has(handler)) out2.set(handler, "RPC handler argument");
      }
    }
    for (const m of source.matchAll(/\b\w*handlers\s*\[[^\]\n]+\]\s*=\s*(self\.)?([A-Za-z_]\w*)\s*$/gim)) {
      const cls = m[1] ? classes.filter((c) => c.start <= m.index && m.index < c.end).at(-1) : void 0;
      const handler = m[1] ? cls ? this.methodOf(cls, m[2]) : void 0 : topLevel2(m[2], "function_definition");
      if (handler && !out2.has(handler)) out2.set(handler, "RPC handler argument");
    }
  }
  /**
   * A parameter whose annotation or default says what the framework passes: `file: UploadFile`, `data: bytes =
   * File(...)`, `Annotated[str, Form()]` (FastAPI), `request: Request` under any name (Starlette, aiohttp, Django,
   * DRF), a WebSocket.
   */
  declaredParameter(param) {
    const holder = param.parent;
    if (!holder || !["typed_parameter", "typed_default_parameter", "default_parameter"].includes(holder.type)) return void 0;
    if (!this.mentions(FRAMEWORK_WORDS)) return void 0;
    const parts2 = [childByField(holder, "type"), childByField(holder, "value")].filter((n) => n !== void 0);
    for (const part of parts2) {
      const named = [part, ...descendantsAll(part, (n) => n.type === "identifier" || n.type === "attribute" || n.type === "call")].filter((n) => n.type !== "type");
      for (const n of named) {
        for (const r of this.model.resolve(n.type === "call" ? childByField(n, "function") ?? n : n, this.model.module)) {
          const declared = DECLARED_PARAMETERS[r.name.replace(/\(\)$/, "")];
          if (declared) return declared;
        }
      }
    }
    return void 0;
  }
  evalAttribute(node, at, scope, depth) {
    const q = this.qualifiedSource(node, scope);
    if (q) return q;
    const object = childByField(node, "object");
    const attr = this.text(childByField(node, "attribute") ?? node);
    if (!object) return void 0;
    if (object.type === "identifier" && this.text(object) === "self" && HANDLER_STREAM_ATTRIBUTES.has(attr)) {
      return { kind: "data", steps: [this.step(node, `source: request stream ${code(this.text(node))}`)] };
    }
    if (object.type === "identifier" && this.text(object) === "self" && HANDLER_REQUEST_ATTRIBUTES.has(attr)) {
      return { kind: "request", steps: [this.step(node, `request object ${code(this.text(node))}`)] };
    }
    const base = this.eval(object, at, scope, depth);
    if (!base) {
      const kept = this.keptBySelf(node, object, attr, depth);
      if (kept) return kept;
      const stored = object.type === "identifier" || object.type === "call" ? this.fieldTaint(object, attr, at, scope, depth) : void 0;
      if (stored) return { kind: "data", steps: [...stored.steps, this.step(node, `read ${code(short(this.text(node)))}`)] };
      const property = object.type === "identifier" || object.type === "call" ? this.projectPropertyField(node, object, attr, scope, depth) : void 0;
      if (property) return property;
      return this.parameters ? this.selfField(node, object, attr) : void 0;
    }
    if (base.kind === "data") return { kind: "data", steps: [...base.steps, this.step(node, `read ${code(short(this.text(node)))}`)] };
    if (REQUEST_DATA_MEMBERS.has(attr)) return { kind: "data", steps: [...base.steps, this.step(node, `source: request data ${code(short(this.text(node)))}`)] };
    return void 0;
  }
  /**
   * `Envelope(request.data).payload` where `payload` is a property of a class of another module returning what the
   * object holds in a field (`return self._raw`), as its summary tells: what the object's constructor or setters stored
   * there. (In the class's own module the semantic model resolves the property's value.)
   */
  projectPropertyField(node, object, attr, scope, depth) {
    for (const cls of this.classesOf(object, scope, true, attr)) {
      if (!cls.project) continue;
      const found = this.model.project?.flows?.(`${cls.project}.${attr}`);
      if (!found && this.demand.size < MAX_DEMAND) this.demand.add(`${cls.project}.${attr}`);
      for (const r of found ?? []) {
        const returned = r.flows.returnsField;
        const t = returned && this.fieldTaint(object, returned.field, node, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, ...returned.steps.map(remoteStep), this.step(node, `returned by the property ${code(short(this.text(node)))} (${r.name})`)] };
      }
    }
    return void 0;
  }
  /**
   * `self.field` in a method, where some method of the class assigns the field untrusted data from a source (not
   * from its parameters): `self.sock = socket.create_connection(...)`, `self.conn, addr = self.server.accept()`.
   */
  keptBySelf(node, object, field2, depth) {
    const fn = enclosingFunction(node);
    const cls = fn && methodClass(fn);
    if (!fn || !cls || object.type !== "identifier" || parameterNames(fn, this.model)[0] !== this.text(object)) return void 0;
    for (const { assignment, value, target, scope } of this.selfAssignments(cls).get(field2) ?? []) {
      const t = this.eval(value, assignment, scope, depth);
      if (t?.kind === "data" && !t.steps[0]?.parameter && !t.steps[0]?.field) return { kind: "data", steps: [...t.steps, this.step(target, `kept in ${code(this.text(target))}`), this.step(node, `read ${code(short(this.text(node)))}`)] };
    }
    return void 0;
  }
  /** The assignments to fields of `self` in the methods of a class, by field (`self.a = v`, `self.a, self.b = v`); made once per class. */
  selfAssignments(cls) {
    let byField = this.fieldAssignments.get(cls);
    if (byField) return byField;
    byField = /* @__PURE__ */ new Map();
    this.fieldAssignments.set(cls, byField);
    for (const member of childByField(cls, "body")?.children ?? []) {
      const m = member.type === "decorated_definition" ? childByField(member, "definition") : member;
      const self2 = m?.type === "function_definition" ? parameterNames(m, this.model)[0] : void 0;
      if (!m || !self2) continue;
      let scope;
      for (const a of descendants(childByField(m, "body"), (n) => n.type === "assignment")) {
        const left = childByField(a, "left");
        const value = childByField(a, "right");
        if (!left || !value) continue;
        const targets = left.type === "pattern_list" || left.type === "tuple_pattern" || left.type === "expression_list" ? left.children : [left];
        for (const target of targets) {
          if (target.type !== "attribute" || this.text(childByField(target, "object") ?? target) !== self2) continue;
          const name2 = this.text(childByField(target, "attribute") ?? target);
          scope ??= this.scopeOf(m) ?? this.model.module;
          let list = byField.get(name2);
          if (!list) byField.set(name2, list = []);
          list.push({ assignment: a, value, target, scope });
        }
      }
    }
    return byField;
  }
  fieldAssignments = /* @__PURE__ */ new Map();
  /**
   * `conn.recv(n)` where `conn` is an object of a class of this file whose method returns what the object holds in a
   * field (`return self.sock.recv(size)`) or what it is passed: the field's (or the argument's) untrusted data.
   */
  localMethodResult(node, callee, at, scope, depth) {
    const receiver = childByField(callee, "object");
    if (!receiver || receiver.type === "identifier" && this.text(receiver) === "self") return void 0;
    const method = this.text(childByField(callee, "attribute") ?? callee);
    for (const cls of this.classesOf(receiver, scope, true)) {
      const m = cls.local && this.methodOf(cls.local, method);
      if (!m) continue;
      const summary = this.summaryMode();
      const returned = summary.methodReturns.has(m) ? summary.methodReturns.get(m) : summary.returnTaint(m, depth);
      summary.methodReturns.set(m, returned);
      const first = returned?.steps[0];
      const label = `returned by ${code(short(this.text(callee)) + "()")}`;
      if (first?.field) {
        const t = this.fieldTaint(receiver, first.field, node, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, ...returned.steps.slice(1), this.step(node, label)] };
      } else if (first?.parameter) {
        const arg = new CallArguments(node, this.model.tree.source).find(first.parameter, first.position ?? callPosition(m, first.parameter, this.model));
        const t = arg && this.eval(arg, at, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, ...returned.steps.slice(1), this.step(node, label)] };
      }
    }
    return void 0;
  }
  /** Summary mode: what each method of this file returns from its parameters or fields (see `localMethodResult`). */
  methodReturns = /* @__PURE__ */ new Map();
  evalCall(node, at, scope, depth) {
    const callee = childByField(node, "function");
    if (!callee) return void 0;
    const argList = childByField(node, "arguments");
    const args2 = argList ? argList.children.filter((c) => c.type !== "comment" && c.type !== "(" && c.type !== ")" && c.type !== ",") : [];
    const names = this.model.resolve(callee, scope).map((r) => r.name);
    if (names.some((n) => this.isSanitizer(n))) return void 0;
    const q = this.qualifiedSource(node, scope) ?? this.qualifiedSource(callee, scope);
    if (q) return q.kind === "request" ? q : { kind: "data", steps: q.steps };
    if (names.some((n) => PROPAGATORS.some((p) => p.test(n)))) {
      for (const a of args2) {
        const t = this.eval(a, at, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(node, `decoded by ${code(short(this.text(callee)))}`)] };
      }
      return void 0;
    }
    if (callee.type === "attribute") {
      const object = childByField(callee, "object");
      const method = this.text(childByField(callee, "attribute") ?? callee);
      if (object.type === "identifier" && this.text(object) === "self" && HANDLER_DATA_METHODS.has(method)) {
        return { kind: "data", steps: [this.step(node, `source: request argument ${code(short(this.text(node)))}`)] };
      }
      const keyed = (method === "get" || method === "pop") && object.type === "identifier" ? keyOf(this.constant(args2[0], node)) : void 0;
      const base = keyed !== void 0 ? this.evalName(object, at, scope, depth, keyed) ?? this.eval(object, at, scope, depth) : this.eval(object, at, scope, depth);
      if (base?.kind === "data") return { kind: "data", steps: [...base.steps, this.step(node, `${code(`.${method}()`)} of tainted data`)] };
      if (base?.kind === "request" && REQUEST_DATA_MEMBERS.has(method)) {
        return { kind: "data", steps: [...base.steps, this.step(node, `source: request data ${code(short(this.text(node)))}`)] };
      }
      if ((method === "join" || method === "format") && (object.type === "string" || object.type === "concatenated_string")) {
        for (const a of args2) {
          const t = this.eval(a, at, scope, depth);
          if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(node, `formatted by ${code(`.${method}()`)}`)] };
        }
      }
    }
    if (callee.type === "attribute") {
      const t = this.localMethodResult(node, callee, at, scope, depth);
      if (t) return t;
    }
    const local = this.localFunction(callee, scope);
    if (local) {
      const returned = this.step(node, `returned by ${code(short(this.text(callee)))}()`);
      const through = this.passThrough(local);
      if (through) {
        const first = through[0];
        const parameter = first.parameter;
        const arg = new CallArguments(node, this.model.tree.source).find(parameter, first.position ?? callPosition(local, parameter, this.model));
        const t = arg && this.eval(arg, at, scope, depth + 1);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(node, `passed to ${code(short(this.text(callee)))}()`), ...through, returned] };
      }
      const ret = this.returnTaint(local, depth);
      if (ret?.kind === "data" && !this.fromParameterOf(ret.steps, local)) return { kind: "data", steps: [...ret.steps, returned] };
      return void 0;
    }
    return this.projectCall(node, callee, names, at, scope, depth);
  }
  /**
   * A call of a function or method of another project module, through its summary: a source when it returns
   * untrusted data, a propagator for the parameters whose data it returns. A call no summary explains is noted
   * as demand, so that the whole-program pass summarises its module.
   */
  projectCall(node, callee, names, at, scope, depth) {
    const project = this.model.project;
    let known = false;
    for (const name2 of names) {
      for (const r of project?.flows?.(name2) ?? []) {
        known = true;
        const where = r.name === this.text(callee) ? "" : ` (${r.name})`;
        if (r.flows.returns?.length) {
          return { kind: "data", steps: [...r.flows.returns.map(remoteStep), this.step(node, `returned by ${this.callLabel(callee)}${where}`)] };
        }
        const holder = r.flows.returnsField && callee.type === "attribute" ? childByField(callee, "object") : void 0;
        if (holder && r.flows.returnsField) {
          const t = this.fieldTaint(holder, r.flows.returnsField.field, node, scope, depth);
          if (t?.kind === "data") return { kind: "data", steps: [...t.steps, ...r.flows.returnsField.steps.map(remoteStep), this.step(node, `returned by ${this.callLabel(callee)}${where}`)] };
        }
        for (const p of r.flows.passes ?? []) {
          const arg = new CallArguments(node, this.model.tree.source).find(p.parameter, p.position);
          const t = arg && this.eval(arg, at, scope, depth);
          if (t?.kind !== "data") continue;
          return { kind: "data", steps: [...t.steps, this.step(node, `passed to ${this.callLabel(callee)}${where}`), ...p.steps.map(remoteStep), this.step(node, `returned by ${this.callLabel(callee)}`)] };
        }
      }
    }
    if (!known && this.demand.size < MAX_DEMAND) {
      if (!this.noting) {
        this.noting = true;
        try {
          for (const arg of new CallArguments(node, this.model.tree.source).values()) this.eval(arg, at, scope, depth);
        } finally {
          this.noting = false;
        }
      }
      for (const name2 of names) if (name2.includes(".") && !name2.startsWith("<local>.") && !name2.startsWith("builtins.")) this.demand.add(name2);
      const written = this.text(callee);
      if (!names.length && callee.type === "attribute" && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(written)) this.demand.add(`?${written}`);
    }
    return void 0;
  }
  /** How a trace names a call (`f(...)` as written, shortened); made only for the steps of a flow found. */
  callLabel(callee) {
    return code(short(this.text(callee)) + "()");
  }
  /**
   * The element `index` of a list built in straight-line code with constant operations (`lst = []`, `.append(x)`,
   * `.insert(0, x)`, `.pop(0)`, `.extend([...])`): the expression stored there, or null when nothing is; undefined
   * when the list is not modelled that precisely (aliased, passed on, changed in a loop or a branch).
   */
  listElement(name2, index2, use) {
    const fn = enclosingFunction(use);
    if (!fn) return void 0;
    const text = this.text(name2);
    const defs = (this.definitionsOf(fn).get(text) ?? []).filter((d) => d.node.start < use.start);
    const last = defs.filter((d) => d.kind !== "augment").sort((a, b) => b.node.start - a.node.start)[0];
    if (!last || last.kind !== "assign" || last.value?.type !== "list") return void 0;
    const statement = statementOf(last.node);
    const block = statement?.parent;
    if (!statement || !block || !isAncestor(block, use) || statement.children[0]?.type !== "assignment" || childByField(statement.children[0], "left") !== last.node) return void 0;
    const elements2 = [];
    for (const e of last.value.children) {
      if (e.type === "list_splat") return void 0;
      if (e.type !== "," && e.type !== "[" && e.type !== "]" && e.type !== "comment") elements2.push({ value: e, at: statement });
    }
    const uses = descendantsAll(fn, (n) => n.type === "identifier" && this.text(n) === text);
    for (const u of uses) {
      if (u.start <= last.node.end || u === name2) continue;
      if (u.start > use.start) break;
      if (NESTED_IN(u, fn)) return void 0;
      const callStatement = statementOf(u);
      if (callStatement?.parent !== block) return void 0;
      const call = callStatement.children[0];
      const callee = call?.type === "call" ? childByField(call, "function") : void 0;
      if (!callee || callee.type !== "attribute" || childByField(callee, "object") !== u) return void 0;
      const args2 = new CallArguments(call, this.model.tree.source);
      if (args2.keywords.size || args2.hasStarArgs) return void 0;
      const constantAt = (i2) => {
        const v = args2.positional[i2] && this.constant(args2.positional[i2], call);
        return typeof v === "number" ? v : args2.positional[i2]?.type === "unary_operator" ? negative(this.text(args2.positional[i2])) : void 0;
      };
      const position = (i2, insert) => i2 < 0 ? Math.max(0, elements2.length + i2) : insert ? Math.min(i2, elements2.length) : i2;
      switch (this.text(childByField(callee, "attribute") ?? callee)) {
        case "append":
          if (args2.positional.length !== 1) return void 0;
          elements2.push({ value: args2.positional[0], at: callStatement });
          break;
        case "insert": {
          const i2 = constantAt(0);
          if (i2 === void 0 || args2.positional.length !== 2) return void 0;
          elements2.splice(position(i2, true), 0, { value: args2.positional[1], at: callStatement });
          break;
        }
        case "pop": {
          const i2 = args2.positional.length ? constantAt(0) : -1;
          if (i2 === void 0 || args2.positional.length > 1) return void 0;
          const at2 = position(i2, false);
          if (at2 < 0 || at2 >= elements2.length) return void 0;
          elements2.splice(at2, 1);
          break;
        }
        case "extend": {
          const items = args2.positional[0];
          if (args2.positional.length !== 1 || items?.type !== "list" || items.children.some((c) => c.type === "list_splat")) return void 0;
          for (const e of items.children) if (e.type !== "," && e.type !== "[" && e.type !== "]" && e.type !== "comment") elements2.push({ value: e, at: callStatement });
          break;
        }
        case "reverse":
          if (args2.positional.length) return void 0;
          elements2.reverse();
          break;
        case "clear":
          elements2.length = 0;
          break;
        default:
          return void 0;
      }
    }
    const at = index2 < 0 ? elements2.length + index2 : index2;
    if (at < 0 || at >= elements2.length) return void 0;
    return elements2[at];
  }
  /** The value of an expression built from literals and names bound once to them, or undefined. */
  constant(expr, at, depth = 0) {
    if (!expr || depth > 16) return void 0;
    const c = (n) => this.constant(n, at, depth + 1);
    switch (expr.type) {
      case "integer":
        return /^\d+$/.test(this.text(expr)) ? Number(this.text(expr)) : void 0;
      case "true":
        return true;
      case "false":
        return false;
      case "string": {
        if (expr.children.some((ch) => ch.type === "interpolation")) return void 0;
        const m = /^[rRuU]?(['"])(.*)\1$/s.exec(this.text(expr));
        return m && !m[2].includes("\\") ? m[2] : void 0;
      }
      case "parenthesized_expression":
        return c(expr.children[1]);
      case "identifier": {
        const fn = enclosingFunction(expr);
        const defs = fn && this.definitionsOf(fn).get(this.text(expr));
        if (!defs || defs.length !== 1 || defs[0].kind !== "assign" || !defs[0].value || defs[0].node.start > at.start) return void 0;
        return c(defs[0].value);
      }
      case "subscript": {
        const v = c(childByField(expr, "value"));
        const i2 = c(childByField(expr, "subscript"));
        return typeof v === "string" && typeof i2 === "number" && i2 < v.length ? v[i2] : void 0;
      }
      case "not_operator": {
        const v = c(childByField(expr, "argument"));
        return v === void 0 ? void 0 : !v;
      }
      case "binary_operator": {
        const a = c(childByField(expr, "left"));
        const b = c(childByField(expr, "right"));
        const op = this.between(childByField(expr, "left"), childByField(expr, "right"));
        if (typeof a === "number" && typeof b === "number") {
          switch (op) {
            case "+":
              return a + b;
            case "-":
              return a - b;
            case "*":
              return a * b;
            case "//":
              return b === 0 ? void 0 : Math.floor(a / b);
            case "%":
              return b === 0 ? void 0 : (a % b + b) % b;
          }
        }
        if (typeof a === "string" && typeof b === "string" && op === "+") return a + b;
        return void 0;
      }
      case "comparison_operator": {
        const parts2 = expr.children.filter((ch) => ch.type !== "comment");
        if (parts2.length !== 2) return void 0;
        const a = c(parts2[0]);
        const b = c(parts2[1]);
        if (a === void 0 || b === void 0) return void 0;
        switch (this.between(parts2[0], parts2[1])) {
          case ">":
            return a > b;
          case "<":
            return a < b;
          case ">=":
            return a >= b;
          case "<=":
            return a <= b;
          case "==":
            return a === b;
          case "!=":
            return a !== b;
        }
        return void 0;
      }
      case "boolean_operator": {
        const a = c(childByField(expr, "left"));
        const b = c(childByField(expr, "right"));
        if (a === void 0 || b === void 0) return void 0;
        return this.between(childByField(expr, "left"), childByField(expr, "right")) === "and" ? Boolean(a) && Boolean(b) : Boolean(a) || Boolean(b);
      }
    }
    return void 0;
  }
  /** The operator text between two operands (anonymous tokens are not in the tree). */
  between(a, b) {
    return a && b ? this.model.tree.source.slice(a.end, b.start).replace(/[()\s]/g, "") : "";
  }
  /** Whether a constant condition (`if 7 * 42 - num > 200:`, `match` on a constant) rules out the code at `node`. */
  deadCode(node) {
    for (let n = node; n && !FUNCTIONS.has(n.type); n = n.parent) {
      if (this.branchTruth(n) === false) return true;
    }
    return false;
  }
  /** For a branch body: true when a constant condition always takes it, false when never; else undefined. */
  branchTruth(body2) {
    const parent = body2.parent;
    if (!parent) return void 0;
    if ((parent.type === "if_statement" || parent.type === "elif_clause") && body2 === childByField(parent, "consequence")) {
      const v = this.constant(childByField(parent, "condition"), parent);
      return v === void 0 ? void 0 : Boolean(v);
    }
    if (parent.type === "else_clause" && parent.parent?.type === "if_statement" && !parent.parent.children.some((c) => c.type === "elif_clause")) {
      const v = this.constant(childByField(parent.parent, "condition"), parent.parent);
      return v === void 0 ? void 0 : !v;
    }
    if (parent.type === "case_clause" && body2.type === "block") {
      const match = parent.parent?.parent;
      const subject = match?.type === "match_statement" ? this.constant(childByField(match, "subject"), match) : void 0;
      if (subject === void 0) return void 0;
      const patterns = parent.children.filter((c) => c.type === "case_pattern");
      if (parent.children.some((c) => c.type === "if" || c.type === "if_clause")) return void 0;
      for (const earlier of parent.parent?.children ?? []) {
        if (earlier === parent) break;
        const earlierBody = earlier.type === "case_clause" ? earlier.children.find((c) => c.type === "block") : void 0;
        if (earlierBody && this.branchTruth(earlierBody) === true) return false;
      }
      const values = patterns.flatMap((p) => descendants(p, (d) => d.type === "string" || d.type === "integer" || d.type === "identifier" && this.text(d) === "_").concat(p.children.length === 0 && this.text(p) === "_" ? [p] : []));
      if (patterns.some((p) => this.text(p).trim() === "_")) return true;
      if (values.some((v) => this.constant(v, parent) === subject)) return true;
      return values.length && values.every((v) => this.constant(v, parent) !== void 0) ? false : void 0;
    }
    return void 0;
  }
  /** Whether a definition at `def` always runs before `at`: its block encloses `at`, or only always-taken branches separate them. */
  dominates(def, at) {
    let stmt = def;
    for (; ; ) {
      while (stmt && stmt.parent && stmt.parent.type !== "block" && stmt.parent.type !== "module") stmt = stmt.parent;
      const block = stmt?.parent;
      if (!stmt || !block) return false;
      if (isAncestor(block, at)) return true;
      if (this.branchTruth(block) !== true) return false;
      stmt = block.parent;
    }
  }
  /** The function definition a callee names in this module (`f`, `self.m` in a method of the same class). */
  localFunction(callee, scope) {
    if (callee.type === "identifier") {
      for (const b of this.model.lookup(this.text(callee), scope, callee) ?? []) {
        if (b.kind === "function" && b.site.type === "function_definition") return b.site;
        if (b.kind === "function" && b.site.parent?.type === "function_definition") return b.site.parent;
        if (b.kind === "assignment" && b.value?.type === "lambda") return b.value;
        if (b.kind === "assignment" && b.value?.type === "call") {
          const f = childByField(b.value, "function");
          const args2 = new CallArguments(b.value, this.model.tree.source);
          if (f && args2.positional.length === 1 && args2.positional[0].type === "identifier" && !args2.hasStarArgs && this.model.resolve(f, b.scope).some((r) => r.name === "functools.partial")) {
            const inner = this.localFunction(args2.positional[0], b.scope);
            if (inner) return inner;
          }
        }
      }
      return void 0;
    }
    if (callee.type === "subscript") {
      const table = childByField(callee, "value");
      const key = this.constant(childByField(callee, "subscript"), callee);
      if (table?.type !== "identifier" || typeof key !== "string") return void 0;
      for (const b of this.model.lookup(this.text(table), scope, callee) ?? []) {
        if (b.kind !== "assignment" || b.value?.type !== "dictionary") continue;
        for (const pair of b.value.children) {
          if (pair.type !== "pair" || this.constant(childByField(pair, "key"), pair) !== key) continue;
          const value = childByField(pair, "value");
          if (value?.type === "lambda") return value;
          if (value?.type === "identifier") return this.localFunction(value, b.scope);
        }
      }
      return void 0;
    }
    if (callee.type === "attribute") {
      const object = childByField(callee, "object");
      const attr = childByField(callee, "attribute");
      if (!object || !attr) return void 0;
      const method = this.text(attr);
      if (object.type === "identifier" && this.text(object) === "self") {
        const cls = enclosingClass(callee);
        return cls && this.methodOf(cls, method);
      }
      if (object.type === "call" && this.text(childByField(object, "function") ?? object) === "super") {
        const cls = enclosingClass(callee);
        for (const base of cls ? this.model.classAncestors(cls, this.model.module) : []) {
          const def = base.localClass && this.methodOf(base.localClass, method);
          if (def) return def;
        }
        return void 0;
      }
      if (object.type === "identifier" || object.type === "call") {
        for (const c of this.classesOf(object, scope, true)) {
          const def = c.local && this.methodOf(c.local, method);
          if (def) return def;
        }
      }
    }
    return void 0;
  }
  /**
   * Summary mode: `self.field` read in a method, where the method itself has not just set it, is what the object
   * holds in that field: its first step names the field (see `FieldStore`, `fieldFlowInto`).
   */
  selfField(node, object, field2) {
    const fn = enclosingFunction(node);
    const cls = fn && methodClass(fn);
    if (!fn || !cls || object.type !== "identifier" || parameterNames(fn, this.model)[0] !== this.text(object) || this.text(object) === "cls") return void 0;
    const setHere = (this.definitionsOf(fn).get(this.text(object)) ?? []).some((d) => d.key === field2 && d.node.start < node.start && this.dominates(d.node, node));
    if (setHere) return void 0;
    const className = this.text(childByField(cls, "name") ?? cls);
    return { kind: "data", steps: [{ node, message: `field ${code(`${this.text(object)}.${field2}`)} of a ${code(className)} object`, field: field2 }] };
  }
  /** Whether a flow starts at a parameter of `fn` itself (summary mode). */
  fromParameterOf(steps, fn) {
    const first = steps[0];
    return first?.parameter !== void 0 && first.node !== void 0 && enclosingCallable(first.node) === fn;
  }
  /** The flows by which a local function returns what it is passed (from one of its own parameters), once per function. */
  passThroughs = /* @__PURE__ */ new Map();
  /** How many pass-through summaries are being worked out inside one another (see `MAX_PASS_THROUGH_NESTING`). */
  passThroughNesting = 0;
  /**
   * What a local function returns of its parameters (`def unwrap(b): return base64.b64decode(b)`, a generator that
   * yields `sock.recv(n)`): the summary-mode flow from the parameter to the return, so that a call passing it
   * untrusted data returns untrusted data at the call, and the sink that receives it is the one reported. Worked out
   * once per function by the summary-mode tracker, each from depth 0, so a chain of helpers is not cut by the
   * expression depth; a function whose summary is being worked out (recursion) has none meanwhile.
   */
  passThrough(fn) {
    if (!this.parameters) return this.summaryMode().passThrough(fn);
    if (this.passThroughs.has(fn)) return this.passThroughs.get(fn);
    if (this.passThroughNesting >= MAX_PASS_THROUGH_NESTING) return void 0;
    this.passThroughs.set(fn, void 0);
    this.passThroughNesting++;
    const asked = this.steps;
    this.steps = 0;
    try {
      const steps = this.returnFlow(fn);
      const found = steps && this.fromParameterOf(steps, fn) ? steps : void 0;
      this.passThroughs.set(fn, found);
      return found;
    } finally {
      this.passThroughNesting--;
      this.steps = asked;
    }
  }
  /** The tracker of the same file in summary mode (parameters and fields of `self` are sources). */
  summaryMode() {
    if (this.parameters) return this;
    return this.summaryTracker ??= new _TaintTracker(this.model, true, this.extra, this.facts);
  }
  summaryTracker;
  /** Summary mode: what `fn` (a method) stores on `self` from its parameters (`self.data = data`). */
  fieldStores(fn) {
    const tracker = this.summaryMode();
    const self2 = parameterNames(fn, this.model)[0];
    const scope = tracker.scopeOf(fn);
    if (!self2 || !scope || !methodClass(fn)) return [];
    const out2 = [];
    for (const a of descendants(childByField(fn, "body"), (n) => n.type === "assignment")) {
      const left = childByField(a, "left");
      const right = childByField(a, "right");
      const object = left?.type === "attribute" ? childByField(left, "object") : void 0;
      const field2 = left && this.text(childByField(left, "attribute") ?? left);
      if (!right || !field2 || object?.type !== "identifier" || this.text(object) !== self2 || out2.some((s) => s.field === field2)) continue;
      const t = tracker.eval(right, a, scope, 0);
      const parameter = t?.kind === "data" ? t.steps[0]?.parameter : void 0;
      if (!t || !parameter) continue;
      out2.push({ field: field2, parameter, position: callPosition(fn, parameter, this.model), steps: [...t.steps, this.step(left, `stored in ${code(this.text(left))}`)] });
    }
    return out2;
  }
  /**
   * The fields the generated `__init__` of a dataclass, attrs or pydantic class defined here stores: its annotated
   * class-level fields (and `attr.ib()`s) in order; pydantic models take keywords only.
   */
  declaredFieldStores(cls) {
    const decorated = cls.parent?.type === "decorated_definition" ? cls.parent : void 0;
    const scope = this.model.module;
    const names = (n) => this.model.resolve(n, scope).map((r) => r.name);
    const decorators = (decorated?.children ?? []).filter((d) => d.type === "decorator").flatMap((d) => {
      const e = d.children.find((c) => c.type !== "@");
      return e ? names(e.type === "call" ? childByField(e, "function") ?? e : e) : [];
    });
    const generated = decorators.some((n) => DECLARED_FIELDS_DECORATORS.test(n.replace(/\(\)$/, "")));
    const keywordOnly = !generated && (childByField(cls, "superclasses")?.children ?? []).some((b) => names(b).some((n) => /^pydantic(\.v1)?\.(main\.)?BaseModel$|^sqlmodel\.SQLModel$/.test(n)));
    if (!generated && !keywordOnly) return [];
    const className = this.text(childByField(cls, "name") ?? cls);
    const out2 = [];
    for (const stmt of childByField(cls, "body")?.children ?? []) {
      const a = stmt.type === "expression_statement" ? stmt.children[0] : void 0;
      const left = a?.type === "assignment" ? childByField(a, "left") : void 0;
      if (!a || left?.type !== "identifier") continue;
      const type = childByField(a, "type");
      const right = childByField(a, "right");
      const attrsField = right?.type === "call" && names(childByField(right, "function") ?? right).some((n) => /^attrs?\.(ib|attrib|field)$/.test(n));
      if (type ? /\bClassVar\b/.test(this.text(type)) : !attrsField) continue;
      const field2 = this.text(left);
      out2.push({ field: field2, parameter: field2, position: keywordOnly ? -1 : out2.length, steps: [{ node: left, message: `field ${code(field2)} of ${code(className)}, set by its constructor`, parameter: field2 }] });
    }
    return out2;
  }
  /** The method `name` of a class defined in this file, or of a base class defined here. */
  methodOf(cls, name2) {
    const classes = [cls, ...this.model.classAncestors(cls, this.model.module).flatMap((r) => r.localClass ? [r.localClass] : [])];
    for (const c of classes) {
      const def = this.methodsOf(c).get(name2);
      if (def) return def;
    }
    return void 0;
  }
  /**
   * A class's own methods by name (the first `def` of each), worked out once per class: looking each call's method up
   * in the class body made a class of thousands of methods calling one another quadratic (9,000: 1.5 s).
   */
  methodsOf(cls) {
    const byClass = this.facts.classMethods ??= /* @__PURE__ */ new Map();
    let methods = byClass.get(cls);
    if (methods) return methods;
    methods = /* @__PURE__ */ new Map();
    for (const stmt of childByField(cls, "body")?.children ?? []) {
      const def = stmt.type === "decorated_definition" ? childByField(stmt, "definition") : stmt;
      if (def?.type !== "function_definition") continue;
      const name2 = this.text(childByField(def, "name") ?? def);
      if (!methods.has(name2)) methods.set(name2, def);
    }
    byClass.set(cls, methods);
    return methods;
  }
  /**
   * The classes an expression is an instance of (`instance`), or denotes. `method`: what the caller will look up;
   * a class-like name of another module that the project index does not know yet is noted as demand for it.
   */
  classesOf(expr, scope, instance2, method) {
    const out2 = [];
    for (const r of this.model.resolve(expr, scope)) {
      const local = instance2 ? r.instanceOf : r.localClass;
      const project = instance2 ? r.projectInstance : r.projectClass;
      if (local) out2.push({ local, name: this.text(childByField(local, "name") ?? local) });
      else if (project) out2.push({ project: project.name, name: project.name.slice(project.name.lastIndexOf(".") + 1) });
      else if (method) {
        const cls = instance2 ? r.name.endsWith("()") ? r.name.slice(0, -2) : void 0 : r.name;
        if (!cls || !/^[A-Za-z_][\w.]*\.[A-Z]\w*$/.test(cls) || cls.startsWith("builtins.")) continue;
        if (!this.model.project) {
          if (this.demand.size < MAX_DEMAND) this.demand.add(`${cls}.${method}`);
        } else if (this.model.project.flows?.(`${cls}.${method}`)?.length) out2.push({ project: cls, name: cls.slice(cls.lastIndexOf(".") + 1) });
      }
    }
    return out2;
  }
  /** What calling `method` of an object of class `cls` stores on it, from its parameters. */
  storesOf(cls, method) {
    if (cls.local) {
      const fn = this.methodOf(cls.local, method);
      if (fn) return this.fieldStores(fn);
      const declared = method === "__init__" ? this.declaredFieldStores(cls.local) : [];
      if (declared.length) return declared;
      for (const base of this.model.classAncestors(cls.local, this.model.module)) {
        if (!base.projectClass) continue;
        const stores = this.storesOf({ project: base.projectClass.name, name: cls.name }, method);
        if (stores.length) return stores;
      }
      return [];
    }
    const out2 = [];
    const found = this.model.project?.flows?.(`${cls.project}.${method}`);
    if (!found && this.demand.size < MAX_DEMAND) this.demand.add(`${cls.project}.${method}`);
    for (const r of found ?? []) {
      for (const s of r.flows.stores ?? []) out2.push({ field: s.field, parameter: s.parameter, position: s.position, steps: s.steps.map(remoteStep) });
    }
    return out2;
  }
  /**
   * The untrusted data the object `receiver` holds in its field `field` when `site` (a call of one of its methods)
   * runs: passed to its constructor (`Job(request.data).run()`), assigned to the field (`job.data = ...`), or passed
   * to a method that stores it (`job.load(request.data)`). In summary mode, also a parameter of the caller, or a field
   * of `self` when the receiver is `self`.
   */
  fieldFlowInto(receiver, field2, site, scope) {
    const taint = this.fieldTaint(receiver, field2, site, scope, 0);
    if (!taint || taint.kind !== "data") return void 0;
    const guard = this.guardOf(site);
    if (guard === "verified") return void 0;
    return { steps: taint.steps, ...guard ? { weakGuard: guard } : {} };
  }
  fieldTaint(receiver, field2, at, scope, depth) {
    if (depth > 6) return void 0;
    if (receiver.type === "parenthesized_expression") {
      const inner = receiver.children.find((c) => c.type !== "(" && c.type !== ")");
      return inner && this.fieldTaint(inner, field2, at, scope, depth + 1);
    }
    if (receiver.type === "call") {
      const callee = childByField(receiver, "function");
      for (const cls of callee ? this.classesOf(callee, scope, false, "__init__") : []) {
        const t = this.storedBy(receiver, cls, "__init__", field2, at, scope, depth, `passed to ${code(cls.name + "()")}`);
        if (t) return t;
      }
      return void 0;
    }
    if (receiver.type !== "identifier") return void 0;
    const name2 = this.text(receiver);
    const fn = enclosingFunction(receiver);
    const body2 = fn ?? this.model.tree.root;
    const events = [];
    for (const d of (this.definitionsOf(body2).get(name2) ?? []).filter((d2) => d2.node.start < at.start && d2.kind !== "parameter")) events.push({ node: d.node, def: d });
    for (const call of this.methodCallsOn(name2)) {
      if (call.end <= at.start && enclosingFunction(call) === fn && call !== at) events.push({ node: call, call });
    }
    events.sort((a, b) => b.node.start - a.node.start);
    for (const e of events) {
      if (e.call) {
        const callee = childByField(e.call, "function");
        const method = this.text(childByField(callee, "attribute") ?? callee);
        for (const cls of this.classesOf(receiver, scope, true, method)) {
          const t = this.storedBy(e.call, cls, method, field2, e.call, scope, depth, `passed to ${code(`${name2}.${method}()`)}`);
          if (t) return t;
        }
        continue;
      }
      const d = e.def;
      if (this.deadCode(d.node)) continue;
      if (d.kind === "augment" && d.key === field2 && d.value) {
        const t = this.eval(d.value, d.node, scope, depth);
        if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(d.node.parent ?? d.node, `stored in ${code(`${name2}.${field2}`)}`)] };
        if (this.dominates(d.node, at)) return void 0;
        continue;
      }
      if (d.kind === "assign" && d.value) {
        const t = this.fieldTaint(d.value, field2, d.node, scope, depth + 1);
        if (t) return { kind: "data", steps: [...t.steps, this.step(d.node, `assigned to ${code(name2)}`)] };
        if (this.dominates(d.node, at)) return void 0;
      }
    }
    if (this.parameters && fn && methodClass(fn) && parameterNames(fn, this.model)[0] === name2 && name2 !== "cls") return this.selfField(receiver, receiver, field2);
    return void 0;
  }
  /** The taint a call of `method` (of class `cls`) puts in `field`: the argument its store reads from. */
  storedBy(call, cls, method, field2, at, scope, depth, message15) {
    for (const s of this.storesOf(cls, method)) {
      if (s.field !== field2) continue;
      const arg = new CallArguments(call, this.model.tree.source).find(s.parameter, s.position >= 0 ? s.position : void 0);
      const t = arg && this.eval(arg, at, scope, depth);
      if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(call, message15), ...s.steps] };
    }
    return void 0;
  }
  /** The untrusted data a function returns (from a source, or in summary mode from a parameter): the steps to the return. */
  returnFlow(fn) {
    const t = this.returnTaint(fn, 0);
    return t?.kind === "data" ? t.steps : void 0;
  }
  returnTaint(fn, depth) {
    const scope = this.scopeOf(fn);
    if (!scope) return void 0;
    const lambdaBody = fn.type === "lambda" ? childByField(fn, "body") : void 0;
    if (lambdaBody) {
      const t = this.eval(lambdaBody, lambdaBody, scope, depth);
      return t?.kind === "data" ? { kind: "data", steps: [...t.steps, this.step(lambdaBody, "returned by the lambda")] } : void 0;
    }
    for (const ret of descendants(childByField(fn, "body"), (n) => n.type === "return_statement" || n.type === "yield" && n.children.length > 0)) {
      const value = ret.children.find((c) => c.type !== "return" && c.type !== "yield" && c.type !== "from");
      if (!value) continue;
      const t = this.eval(value, ret, scope, depth);
      if (t?.kind === "data") return { kind: "data", steps: [...t.steps, this.step(ret, ret.type === "yield" ? "yielded" : "returned")] };
    }
    return void 0;
  }
  /** The scope of `fn`'s body when a call is in it (directly), else the module's. */
  scopeOf(fn) {
    if (!this.facts.callScopes) {
      const scopes = this.facts.callScopes = /* @__PURE__ */ new Map();
      for (const { scope } of this.model.calls) if (!scopes.has(scope.node)) scopes.set(scope.node, scope);
    }
    return this.facts.callScopes.get(fn) ?? this.model.module;
  }
  /** The calls of a method of the plain name `name` (`name.m(...)`) anywhere in the file, in the model's order. */
  methodCallsOn(name2) {
    let byName = this.facts.methodCalls;
    if (!byName) {
      byName = this.facts.methodCalls = /* @__PURE__ */ new Map();
      for (const { node } of this.model.calls) {
        const callee = childByField(node, "function");
        const object = callee?.type === "attribute" ? childByField(callee, "object") : void 0;
        if (object?.type !== "identifier") continue;
        const key = this.text(object);
        const list = byName.get(key);
        if (list) list.push(node);
        else byName.set(key, [node]);
      }
    }
    return byName.get(name2) ?? [];
  }
  definitionsOf(fn) {
    let map = this.facts.definitions.get(fn);
    if (map) return map;
    map = /* @__PURE__ */ new Map();
    this.facts.definitions.set(fn, map);
    const add = (name2, d) => {
      let list = map.get(name2);
      if (!list) map.set(name2, list = []);
      list.push(d);
    };
    const bindTargets = (target, d, value) => {
      if (!target) return;
      if (target.type === "identifier") return add(this.text(target), { ...d, node: target, ...value ? { value } : {} });
      if (["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list"].includes(target.type)) {
        const parts2 = target.children.filter((c) => c.type !== "," && c.type !== "(" && c.type !== ")" && c.type !== "[" && c.type !== "]");
        const values = value && ["tuple", "list", "expression_list"].includes(value.type) ? value.children.filter((c) => c.type !== "," && c.type !== "(" && c.type !== ")" && c.type !== "[" && c.type !== "]") : void 0;
        parts2.forEach((p, i2) => bindTargets(p.type === "list_splat_pattern" ? p.children[1] : p, d, values && values.length === parts2.length ? values[i2] : value));
      }
    };
    for (const name2 of parameterNames(fn, this.model)) {
      const p = parameterNodes(fn).find((n) => this.text(n) === name2);
      if (p) add(name2, { node: p, kind: "parameter" });
    }
    for (const p of childByField(fn, "parameters")?.children ?? []) {
      const kind = p.type === "list_splat_pattern" ? "*" : p.type === "dictionary_splat_pattern" ? "**" : void 0;
      const id = p.children.find((c) => c.type === "identifier");
      if (!kind || !id) continue;
      const before = parameterNodes(fn).filter((n) => n.start < p.start).map((n) => this.text(n));
      const position = before.length - (before[0] === "self" || before[0] === "cls" ? 1 : 0);
      add(this.text(id), { node: id, kind: "parameter", splat: { kind, position } });
    }
    const stack = [...(childByField(fn, "body") ?? fn).children];
    while (stack.length) {
      const c = stack.pop();
      {
        if (NESTED.has(c.type)) continue;
        switch (c.type) {
          case "assignment": {
            const right = childByField(c, "right");
            const left = childByField(c, "left");
            if (left?.type === "subscript" || left?.type === "attribute") {
              const base = childByField(left, left.type === "subscript" ? "value" : "object");
              const key = left.type === "subscript" ? keyOf(this.constant(childByField(left, "subscript"), c)) : this.text(childByField(left, "attribute") ?? left);
              if (base?.type === "identifier" && right) add(this.text(base), { node: base, kind: "augment", value: right, ...key !== void 0 ? { key } : {} });
            } else bindTargets(left, { kind: "assign" }, right);
            break;
          }
          case "call": {
            const callee = childByField(c, "function");
            const object = callee?.type === "attribute" ? childByField(callee, "object") : void 0;
            const method = callee?.type === "attribute" ? this.text(childByField(callee, "attribute") ?? callee) : "";
            const args2 = childByField(c, "arguments");
            if (object?.type === "identifier" && args2 && CONTAINER_ADDERS.has(method)) add(this.text(object), { node: object, kind: "augment", value: args2 });
            this.fileWrites(c, add);
            break;
          }
          case "augmented_assignment":
            bindTargets(childByField(c, "left"), { kind: "augment" }, childByField(c, "right"));
            break;
          case "named_expression":
            bindTargets(childByField(c, "name"), { kind: "assign" }, childByField(c, "value"));
            break;
          case "for_statement":
            bindTargets(childByField(c, "left"), { kind: "loop" }, childByField(c, "right"));
            break;
          case "with_item": {
            const value = childByField(c, "value");
            if (value?.type === "as_pattern") bindTargets(childByField(value, "alias")?.children[0] ?? childByField(value, "alias"), { kind: "with" }, value.children[0]);
            break;
          }
        }
        for (const child of c.children) stack.push(child);
      }
    }
    for (const list of map.values()) list.sort((a, b) => a.node.start - b.node.start);
    return map;
  }
  /**
   * Writes that make a file hold data: `upload.save(path)` (werkzeug, Django files), `f.write(data)` or
   * `shutil.copyfileobj(src, f)` in `with open(path, "wb") as f:`. The name of the path (`path`) then also holds what
   * was written, so a later `torch.load(path)` reads it.
   */
  fileWrites(call, add) {
    const callee = childByField(call, "function");
    const method = callee?.type === "attribute" ? this.text(childByField(callee, "attribute") ?? callee) : void 0;
    const calleeText = callee ? this.text(callee) : "";
    if (calleeText === "urlretrieve" || calleeText.endsWith(".urlretrieve")) {
      const target = new CallArguments(call, this.model.tree.source).find("filename", 1);
      if (target?.type === "identifier") add(this.text(target), { node: call, kind: "augment", value: call, verb: "downloaded to the file at" });
      return;
    }
    if (method !== "save" && method !== "write" && method !== "writelines" && !calleeText.endsWith("copyfileobj")) return;
    const args2 = new CallArguments(call, this.model.tree.source);
    const object = callee?.type === "attribute" ? childByField(callee, "object") : void 0;
    if (method === "save" && object) {
      const target = args2.find("dst", 0);
      if (target?.type === "identifier") add(this.text(target), { node: call, kind: "augment", value: object, verb: "saved to the file at" });
      return;
    }
    let file;
    let value;
    if ((method === "write" || method === "writelines") && object?.type === "identifier") [file, value] = [object, args2.positional[0]];
    else if (callee && /^(shutil\.)?copyfileobj$/.test(this.text(callee))) [file, value] = [args2.find("fdst", 1), args2.find("fsrc", 0)];
    if (file?.type !== "identifier" || !value) return;
    const name2 = this.text(file);
    for (let n = call.parent; n && !NESTED.has(n.type); n = n.parent) {
      if (n.type !== "with_statement") continue;
      for (const item of descendants(n, (d) => d.type === "with_item")) {
        const v = childByField(item, "value");
        const alias = v?.type === "as_pattern" ? childByField(v, "alias") : void 0;
        const opened = v?.type === "as_pattern" ? v.children[0] : void 0;
        if (!alias || this.text(alias) !== name2 || opened?.type !== "call" || !/^(io\.)?open$|\.open$/.test(this.text(childByField(opened, "function") ?? opened))) continue;
        const openArgs = new CallArguments(opened, this.model.tree.source);
        const path = childByField(opened, "function")?.type === "attribute" && !/^io\.open$/.test(this.text(childByField(opened, "function"))) ? childByField(childByField(opened, "function"), "object") : openArgs.find("file", 0);
        const mode = this.constant(openArgs.find("mode", childByField(opened, "function")?.type === "attribute" && !/^io\.open$/.test(this.text(childByField(opened, "function"))) ? 0 : 1), opened);
        if (path?.type === "identifier" && typeof mode === "string" && /[wax]/.test(mode)) add(this.text(path), { node: call, kind: "augment", value, verb: "written to the file at" });
        return;
      }
    }
  }
  /**
   * Whether the sink at `site` runs only where a constant-time HMAC check passed ("verified"), or behind a plain `==`
   * of a MAC (a step describing the weak check), or unguarded (undefined).
   */
  guardOf(site) {
    let weak;
    const judge = (condition2) => {
      const calls = descendants(condition2, (n) => n.type === "call");
      const scope = this.model.module;
      for (const call of [condition2, ...calls]) {
        if (call.type !== "call") continue;
        const callee = childByField(call, "function");
        const names = callee ? this.model.resolve(callee, scope).map((r) => r.name) : [];
        const calleeText = callee ? this.text(callee) : "";
        if (names.some((n) => VERIFIERS.includes(n)) || /(^|\.)compare_digest$/.test(calleeText)) return "verified";
      }
      if (/==|!=/.test(this.text(condition2)) && calls.some((c) => {
        const callee = childByField(c, "function");
        const text = callee ? this.text(callee) : "";
        return /(^|\.)(hexdigest|digest)$/.test(text) || MAC_CALLS.some((m) => m.test(text));
      })) return { node: condition2, message: "guarded by a MAC compared with `==`, which is not constant-time" };
      return void 0;
    };
    for (let n = site; n && !FUNCTIONS.has(n.type); n = n.parent) {
      const parent = n.parent;
      if (!parent) break;
      if ((parent.type === "if_statement" || parent.type === "elif_clause") && n === childByField(parent, "consequence")) {
        const condition2 = childByField(parent, "condition");
        if (condition2 && !/^not\b/.test(this.text(condition2))) {
          const g = judge(condition2);
          if (g === "verified") return g;
          weak ??= g;
        }
      }
      if (parent.type === "block" || parent.type === "module") {
        for (const sibling of parent.children) {
          if (sibling.start >= n.start) break;
          if (sibling.type !== "if_statement") continue;
          const condition2 = childByField(sibling, "condition");
          const body2 = childByField(sibling, "consequence");
          if (!condition2 || !body2 || !exits(body2, this.model)) continue;
          if (!/^not\b/.test(this.text(condition2)) && !/!=/.test(this.text(condition2))) continue;
          const g = judge(condition2);
          if (g === "verified") return g;
          weak ??= g;
        }
      }
    }
    return weak;
  }
};
function exits(body2, model) {
  const last = body2.children.at(-1);
  if (!last) return false;
  if (BLOCK_ENDERS.has(last.type)) return true;
  return last.type === "expression_statement" && /^(abort|flask\.abort|sys\.exit|exit)\(/.test(model.text(last));
}
function statementOf(node) {
  let n = node;
  while (n && n.parent && n.parent.type !== "block" && n.parent.type !== "module") n = n.parent;
  return n?.parent ? n : void 0;
}
function NESTED_IN(node, fn) {
  for (let n = node.parent; n && n !== fn; n = n.parent) if (NESTED.has(n.type)) return true;
  return false;
}
function negative(text) {
  const m = /^-\s*(\d+)$/.exec(text);
  return m ? -Number(m[1]) : void 0;
}
function descendantsAll(root, match) {
  const out2 = [];
  const stack = [...root.children];
  while (stack.length) {
    const n = stack.pop();
    if (match(n)) out2.push(n);
    stack.push(...n.children);
  }
  return out2.sort((a, b) => a.start - b.start);
}
function sourceKey(steps) {
  const s = steps.find((step) => step.message.startsWith("source: ")) ?? steps[0];
  return s.node ?? `${s.place.file}:${s.place.line}:${s.place.column}:${s.message}`;
}
function remoteStep(s) {
  return { place: s.place, message: s.message };
}
function placeOf(node, path, source) {
  const lineStart = source.lastIndexOf("\n", node.start - 1) + 1;
  const lineEnd2 = source.indexOf("\n", node.start);
  const snippet = source.slice(lineStart, lineEnd2 < 0 ? source.length : lineEnd2).replace(/\r$/, "");
  return { file: path, line: node.startRow + 1, column: node.startCol + 1, endLine: node.endRow + 1, endColumn: node.endCol + 1, snippet };
}
function keyOf(v) {
  return typeof v === "boolean" ? void 0 : v;
}
function topLevel(node) {
  for (let n = node.parent; n; n = n.parent) if (NESTED.has(n.type)) return false;
  return true;
}
function enclosingCallable(node) {
  for (let n = node.parent; n; n = n.parent) if (FUNCTIONS.has(n.type)) return n;
  return void 0;
}
function callableName(fn, model) {
  if (fn.type !== "lambda") return model.text(childByField(fn, "name") ?? fn);
  const left = fn.parent?.type === "assignment" ? childByField(fn.parent, "left") : void 0;
  return left?.type === "identifier" ? model.text(left) : "<lambda>";
}
function enclosingFunction(node) {
  for (let n = node.parent; n; n = n.parent) if (n.type === "function_definition") return n;
  return void 0;
}
function methodClass(fn) {
  const container = fn.parent?.type === "decorated_definition" ? fn.parent.parent : fn.parent;
  return container?.type === "block" && container.parent?.type === "class_definition" ? container.parent : void 0;
}
var REGISTRAR_WORDS = /\b(gradio|asyncio|websockets|socketio|flask_socketio|xmlrpc|SimpleXMLRPCServer|jsonrpc|jsonrpcserver|bentoml|celery|shared_task|dramatiq|huey)\b/;
var CALLBACK_BASE_WORDS = /\b(scrapy|channels|tornado|twisted|asyncio|torch_handler)\b|_pb2_grpc\b/;
var RPC_WORDS = /\b(Pyro[45]|rpyc|register_instance|exposed_\w+)\b|handlers\b/;
var FRAMEWORK_WORDS = /\b(fastapi|starlette|aiohttp|django|rest_framework|sanic|falcon|tornado|werkzeug|flask|quart|litestar|pyramid)\b/;
var LAMBDA_WORD = /\blambda\b/;
var DECLARED_FIELDS_DECORATORS = /^(dataclasses\.dataclass|pydantic\.dataclasses\.dataclass|attrs?\.(s|attrs|define|frozen|mutable|dataclass))$/;
function enclosingClass(node) {
  for (let n = node.parent; n; n = n.parent) if (n.type === "class_definition") return n;
  return void 0;
}
function parameterNodes(fn) {
  const params = childByField(fn, "parameters");
  const out2 = [];
  for (const p of params?.children ?? []) {
    if (p.type === "identifier") out2.push(p);
    else if (["default_parameter", "typed_parameter", "typed_default_parameter"].includes(p.type)) {
      const name2 = childByField(p, "name") ?? p.children.find((c) => c.type === "identifier");
      if (name2) out2.push(name2);
    }
  }
  return out2;
}
function parameterNames(fn, model) {
  return parameterNodes(fn).map((p) => model.text(p));
}
function callPosition(fn, parameter, model) {
  const names = parameterNames(fn, model);
  const inClass = fn.parent?.parent?.type === "class_definition" || fn.parent?.parent?.parent?.type === "class_definition";
  const plain = inClass && (names[0] === "self" || names[0] === "cls") ? names.slice(1) : names;
  return plain.indexOf(parameter);
}
function descendants(root, match) {
  const out2 = [];
  const stack = root ? [...root.children] : [];
  while (stack.length) {
    const n = stack.pop();
    if (NESTED.has(n.type)) continue;
    if (match(n)) out2.push(n);
    stack.push(...n.children);
  }
  return out2.sort((a, b) => a.start - b.start);
}
function sourceLabel(name2) {
  for (let end = name2.length; end > 0; end = name2.lastIndexOf(".", end - 1)) {
    const prefix = name2.slice(0, end);
    const label = DATA_SOURCES[prefix] ?? DATA_SOURCES[prefix.replace(/\(\)$/, "")];
    if (label) return label;
    if (end <= 0) break;
  }
  return void 0;
}
function short(s) {
  const compact = s.replace(/\s+/g, " ");
  return compact.length > 60 ? compact.slice(0, 57) + "..." : compact;
}
function code(s) {
  return "`" + s + "`";
}

// src/languages/python/analyze.ts
var MAX_SNIPPET_LINES = 5;
var RULE_NAMES = /* @__PURE__ */ new WeakMap();
function ruleNames(rules) {
  let found = RULE_NAMES.get(rules);
  if (found) return found;
  const byName = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    for (const spec2 of rule.sinks) {
      for (const name2 of spec2.call) {
        let list = byName.get(name2);
        if (!list) byName.set(name2, list = []);
        list.push({ rule, spec: spec2 });
      }
    }
  }
  const assignmentsByName = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    for (const spec2 of rule.assignments ?? []) {
      for (const name2 of spec2.names) assignmentsByName.set(name2, [...assignmentsByName.get(name2) ?? [], { rule, spec: spec2 }]);
    }
  }
  const flowNames = rules.flatMap((r) => r.flowNames ?? []);
  const names = [...byName.keys(), ...assignmentsByName.keys(), ...ALIASED_MODULE_NAMES, ...RESOLVED_THROUGH, ...flowNames];
  const words = anchorWords(names);
  const provenance = rules.some((r) => r.judgeTrust) ? anchorWords(PROVENANCE_NAMES) : [];
  found = {
    byName,
    assignmentsByName,
    hasReferenceSinks: rules.some((r) => r.sinks.some((s) => s.references)),
    flowNames,
    tokens: prefilterTokens(rules),
    words,
    attributeKeys: new Set([...words, ...provenance].map(identifierKey)),
    sinkModules: withPrefixes(names, /* @__PURE__ */ new Set())
  };
  RULE_NAMES.set(rules, found);
  return found;
}
function withPrefixes(names, into) {
  for (const name2 of names) {
    const parts2 = name2.split(".");
    for (let n = 1; n <= parts2.length; n++) into.add(parts2.slice(0, n).join("."));
  }
  return into;
}
var FLOW_SOURCE_WORDS = "flow sources";
var SinkIndex = class {
  /**
   * `project`: for the whole-program pass, the names of project modules that lead to a sink and of their exports
   * that do: they count as tokens and words too, so partial parsing keeps the code that uses them.
   */
  constructor(rules, project) {
    this.rules = rules;
    const base = ruleNames(rules);
    this.byName = base.byName;
    this.assignmentsByName = base.assignmentsByName;
    this.hasReferenceSinks = base.hasReferenceSinks;
    this.keepCalledFunctions = base.flowNames.length > 0;
    const flowRules = rules.filter((r) => r.flowNames?.length);
    const sourceWords2 = flowRules.length && !project && flowRules.every((r) => r.flowSourceWords?.length) ? [...new Set(flowRules.flatMap((r) => r.flowSourceWords))] : void 0;
    const together = sourceWords2 !== void 0 && sourceWords2.every(wordWithoutBoundaries);
    if (project) this.tokens = new TokensWithWords(base.projectTokens ??= anchorTokenSet(base.tokens), project.words);
    else {
      const tokens = anchorTokenSet(base.tokens, together ? { [FLOW_SOURCE_WORDS]: sourceWords2 } : {});
      this.tokens = tokens;
      if (sourceWords2) this.flowSources = together ? { offsetsIn: (text) => tokens.extraOffsetsIn(text, FLOW_SOURCE_WORDS) } : wordSearch(sourceWords2);
    }
    if (!project) {
      this.words = base.words;
      this.attributeKeys = base.attributeKeys;
      this.sinkModules = base.sinkModules;
      return;
    }
    const names = [...project.words, ...project.modules];
    const added = anchorWords(names);
    this.words = /* @__PURE__ */ new Set([...base.words, ...added]);
    this.attributeKeys = /* @__PURE__ */ new Set([...base.attributeKeys, ...[...added].map(identifierKey)]);
    this.sinkModules = withPrefixes(names, new Set(base.sinkModules));
  }
  rules;
  byName;
  /** Assignment checks by target name (see `AssignmentSpec`). */
  assignmentsByName;
  /** Some sink is also reported when passed as a callback. */
  hasReferenceSinks;
  /** A data-flow rule runs: partial parsing keeps the functions that kept code names (their summaries matter). */
  keepCalledFunctions;
  /** See `SinkNames.flowSources`. */
  flowSources;
  /** The prefilter tokens of all rules (and the flow source words, see `TokenSet.extraOffsetsIn`). */
  tokens;
  /** The words a token occurs in where it can lead to a sink (see `anchorWords`). */
  words;
  attributeKeys;
  /** Sinks' modules and the packages above them, under every alias: `pickle`, `six`, `six.moves`, `torch.hub`. */
  sinkModules;
  leadsToSink(module2) {
    return this.sinkModules.has(module2);
  }
  /**
   * Whether `name` is a sink or a module, class, instance or attribute above one (`pickle`, `pickle.Unpickler`,
   * `pickle.Unpickler()` for the sink `pickle.Unpickler().load`). What a sink returns (`pickle.load()`) is not.
   */
  isSinkOrAbove(name2) {
    if (!this.sinkPrefixes) {
      this.sinkPrefixes = /* @__PURE__ */ new Set();
      for (const sink of this.byName.keys()) {
        const parts2 = sink.split(".");
        for (let n = 1; n <= parts2.length; n++) {
          const prefix = parts2.slice(0, n).join(".");
          this.sinkPrefixes.add(prefix);
          if (n < parts2.length) this.sinkPrefixes.add(prefix.replace(/\(\)$/, ""));
        }
      }
    }
    return this.sinkPrefixes.has(name2);
  }
  sinkPrefixes;
};
var MIN_PARTIAL_PARSE_LENGTH = 2 * 1024;
function analyzePython(parser2, file, index2, options = {}) {
  const anchors = withRelativeImports(anchorOffsets(file.source, index2.tokens, options.wholeFile ? void 0 : index2.words), file, index2);
  if (anchors.length === 0 && !options.completeFlows) return { findings: [], errors: [], parsed: false };
  const budget = options.timeBudgetMs !== void 0 ? { deadline: Date.now() + timeBudgetFor(file.source, options.timeBudgetMs) } : void 0;
  const errors = [];
  const outOfTime = (stage) => errors.push(timeoutWarning(file.path, stage, timeBudgetFor(file.source, options.timeBudgetMs)));
  const wanted = typeof options.completeFlows === "object" ? options.completeFlows : void 0;
  const partial = !options.wholeFile && options.completeFlows !== true && (!wanted || index2.keepCalledFunctions) && file.source.length >= MIN_PARTIAL_PARSE_LENGTH;
  let tree;
  try {
    tree = partial ? parseRelevantParts(parser2, file.source, anchors, index2, budget, outOfTime, wanted) : parser2.parse(file.source, void 0, budget);
  } catch (e) {
    if (!(e instanceof TimeBudgetExceeded)) throw e;
    outOfTime(e.stage);
    return { findings: [], errors, parsed: false };
  }
  if (!tree) return { findings: [], errors, parsed: false };
  if (tree.problems.length) {
    const first = tree.problems[0];
    errors.push({
      file: file.path,
      kind: "syntax",
      level: "warning",
      line: first.row + 1,
      column: first.col + 1,
      message: `syntax error${tree.problems.length > 1 ? `s (${tree.problems.length})` : ""}, first at line ${first.row + 1}; scanned what parsed`
    });
  }
  const model = new SemanticModel(tree, file.moduleName, options.project);
  let sites;
  const assignments = () => sites ??= settingsAssignments(model);
  const matches = collectMatches(model, index2, assignments, budget);
  if (index2.assignmentsByName.size) appendAll(matches, collectAssignmentMatches(assignments(), model, index2));
  for (const rule of index2.rules) if (rule.derivedSites && !pastDeadline(budget)) appendAll(matches, derivedMatches(rule, model));
  if (pastDeadline(budget)) outOfTime("analysing");
  const lines = tree.lines ?? new LineIndex(file.source);
  const findings = matches.map((m) => toFinding(m, file, model, lines));
  if (findings.length) applySuppressions(findings, tree.comments.map((c) => ({ row: c.startRow, text: model.text(c) })), index2.rules);
  assignFingerprints(findings, matches);
  const summary = summarizeModule(model, file.path);
  for (const rule of index2.rules) if (rule.flowSummary) Object.assign(summary, rule.flowSummary(model, file.path, options.completeFlows ?? false));
  if (model.limits.has(DATA_FLOW_LIMIT)) {
    errors.push({ file: file.path, kind: "too-deep", level: "warning", message: `following data to a sink or through a function took more than ${MAX_DATA_FLOW_STEPS} steps (fields set from calls on one another); what it did not reach is left untraced, so some findings' trust may read unknown where it is untrusted` });
  }
  model.release();
  return { findings, errors, parsed: true, summary };
}
var RELATIVE_IMPORT = /\bfrom[ \t]+\./g;
function withRelativeImports(anchors, file, index2) {
  if (anchors.length === 0 || !file.moduleName.includes(".") || !index2.leadsToSink(file.moduleName.slice(0, file.moduleName.indexOf(".")))) return anchors;
  const found = Array.from(file.source.matchAll(RELATIVE_IMPORT), (m) => m.index);
  return found.length ? [...anchors, ...found].sort((a, b) => a - b) : anchors;
}
function parseRelevantParts(parser2, source, anchors, index2, budget, outOfTime, wanted) {
  const names = wanted ? summaryNames(index2) : index2;
  const segments = splitTopLevel(source, names.attributeKeys);
  const ranges = segments && relevantRanges(source, segments, anchors, names, wanted);
  if (ranges?.length === 0) return wanted ? parser2.parse(source, void 0, budget) : void 0;
  if (!ranges) return parser2.parse(source, void 0, budget);
  const partial = parser2.parse(source, ranges, budget);
  if (!partial.problems.length) return partial;
  try {
    return parser2.parse(source, void 0, budget);
  } catch (e) {
    if (!(e instanceof TimeBudgetExceeded)) throw e;
    outOfTime("parsing the whole file after a syntax error");
    return partial;
  }
}
function summaryNames(index2) {
  return { attributeKeys: void 0, leadsToSink: (module2) => index2.leadsToSink(module2), keepCalledFunctions: true, flowSources: index2.flowSources, importsMaySource: true };
}
var BUDGET_MS_PER_CHAR = 2 / 1e3;
function timeBudgetFor(source, baseMs) {
  return Math.round(baseMs + source.length * BUDGET_MS_PER_CHAR);
}
function timeoutWarning(path, stage, budgetMs) {
  return {
    file: path,
    kind: "timeout",
    level: "warning",
    message: `ran out of time while ${stage} (budget ${budgetMs} ms; see --file-timeout); kept the findings made so far, the rest of the file is not analysed`
  };
}
var NOT_A_CALLBACK = /* @__PURE__ */ new Set([
  "builtins.isinstance",
  "builtins.issubclass",
  "builtins.callable",
  "builtins.id",
  "builtins.hash",
  "builtins.repr",
  "builtins.str",
  "builtins.ascii",
  "builtins.format",
  "builtins.print",
  "builtins.type",
  "builtins.hasattr",
  "builtins.getattr",
  "builtins.help",
  "builtins.dir",
  "builtins.bool",
  "typing.cast",
  "typing_extensions.cast"
]);
var COMPARING_ASSERTION = /^assert(Is|IsNot|Equal|Equals|NotEqual|In|NotIn|IsInstance|NotIsInstance|IsNone|IsNotNone|True|False|CountEqual)$/;
function localPartial(call, scope, resolved) {
  if (scope.kind !== "function" || call.parent?.type !== "assignment" || childByField(call.parent, "left")?.type !== "identifier") return false;
  if (new CallArguments(call, "").positional.length !== 1) return false;
  for (let r = 0; r < resolved.length; r++) if (resolved[r].name === "functools.partial") return true;
  return false;
}
function notACallback(callee, resolved, model) {
  for (let r = 0; r < resolved.length; r++) if (NOT_A_CALLBACK.has(resolved[r].name) || resolved[r].name.startsWith("inspect.")) return true;
  const attribute = callee.type === "attribute" ? childByField(callee, "attribute") : void 0;
  return attribute !== void 0 && model.tree.source.startsWith("assert", attribute.start) && COMPARING_ASSERTION.test(model.text(attribute));
}
var METHOD_CALLER = "operator.methodcaller()";
var CALLS_PER_DEADLINE_CHECK = 64;
function collectMatches(model, index2, assignments, budget) {
  const out2 = [];
  const reported = /* @__PURE__ */ new Set();
  const report = (m) => {
    const key = `${m.rule.id}@${m.node.start}:${m.node.end}`;
    if (reported.has(key)) return;
    const outcome = m.spec.check ? m.spec.check(m) : {};
    if (outcome === null) return;
    reported.add(key);
    out2.push({ ...m, outcome });
  };
  let seen = 0;
  const calls = model.calls;
  for (let c = 0; c < calls.length; c++) {
    const { node, scope } = calls[c];
    if (++seen % CALLS_PER_DEADLINE_CHECK === 0 && pastDeadline(budget)) break;
    const callee = childByField(node, "function");
    if (!callee) continue;
    let args2;
    let resolvedCallee = uniqueNames(model.resolve(callee, scope));
    if (callee.type === "call" && resolvedCallee.some((r) => r.name === METHOD_CALLER)) resolvedCallee = uniqueNames(resolvedCallee.flatMap((r) => [r, ...model.calledThrough(r, node, scope)]));
    let base;
    for (let r = 0; r < resolvedCallee.length; r++) {
      const resolved = resolvedCallee[r];
      const sinks2 = index2.byName.get(resolved.name);
      if (!sinks2 && !resolved.localClass && !resolved.projectClass) continue;
      base ??= { node, calleeText: "", model, scope };
      args2 = matchCallee(callee, resolved, sinks2, base, args2, index2, report);
    }
    if (!index2.hasReferenceSinks || !passesNames(node) || notACallback(callee, resolvedCallee, model) || localPartial(node, scope, resolvedCallee)) continue;
    const values = (args2 ??= new CallArguments(node, model.tree.source)).values();
    for (let v = 0; v < values.length; v++) {
      const names = namesIn(values[v]);
      for (let k = 0; k < names.length; k++) reportReference(names[k], scope);
    }
  }
  if (index2.hasReferenceSinks) {
    for (const { node, scope, stored, owner } of storedCallables(assignments())) {
      if (owner && out2.some((m) => m.via !== "reference" && m.node.start >= owner.start && m.node.end <= owner.end && resolvesTo(m.target, node, scope))) continue;
      reportReference(node, scope, stored);
    }
  }
  return withoutCoveredReferences(out2);
  function resolvesTo(target, node, scope) {
    return model.resolve(node, scope).some((r) => r.name === target);
  }
  function reportReference(node, scope, stored) {
    const names = uniqueNames(model.resolve(node, scope));
    for (let r = 0; r < names.length; r++) {
      const resolved = names[r];
      const sinks2 = index2.byName.get(resolved.name);
      if (sinks2) for (const sink of sinks2) {
        if (!sink.spec.references) continue;
        const chain = resolved.chain?.length ? { chain: resolved.chain } : {};
        const where = stored ? { stored } : {};
        report({ node, calleeText: shortened(model.text(node)), args: new CallArguments(void 0, ""), model, scope, ...sink, target: resolved.name, via: "reference", ...where, ...chain });
      }
    }
  }
}
function matchCallee(callee, resolved, sinks2, base, args2, index2, report) {
  const { node, model, scope } = base;
  const chain = resolved.chain?.length ? { chain: resolved.chain } : {};
  base.calleeText ||= shortened(model.text(callee));
  const receiver = resolved.constructedBy && {
    ...resolved.constructedBy,
    args: new CallArguments(resolved.constructedBy.call, model.tree.source)
  };
  if (sinks2) for (const sink of sinks2) {
    args2 ??= callArgumentsIn(node, model, scope);
    const passed = resolved.boundBy ? CallArguments.throughPartial(new CallArguments(resolved.boundBy.call, model.tree.source), args2) : args2;
    const m = { node, calleeText: base.calleeText, model, scope, args: passed, rule: sink.rule, spec: sink.spec, target: resolved.name, via: "call" };
    if (receiver) m.receiver = receiver;
    if (chain.chain) m.chain = chain.chain;
    report(m);
  }
  const ancestors = resolved.localClass ? model.classAncestors(resolved.localClass, scope) : resolved.projectClass ? inOneShape(resolved.projectClass.ancestors()) : [];
  if (ancestors.length) {
    const overridesFindClass = resolved.localClass ? definesMethod(model, resolved.localClass, "find_class") : resolved.projectClass.overridesFindClass;
    for (const ancestor of uniqueNames(ancestors)) {
      const sinks3 = index2.byName.get(ancestor.name);
      if (sinks3) for (const sink of sinks3) {
        if (!sink.spec.subclasses) continue;
        const allowlist = !overridesFindClass ? void 0 : resolved.localClass ? findClassAllowlist(model, resolved.localClass) : resolved.projectClass.allowlist?.slice();
        const subclass = { name: resolved.name.replace(/^<local>\./, ""), overridesFindClass, ...allowlist ? { allowlist } : {} };
        const steps = [...resolved.chain ?? [], ...ancestor.chain ?? []];
        report({ ...base, args: args2 ??= callArgumentsIn(node, model, scope), ...sink, target: ancestor.name, via: "subclass", subclass, ...steps.length ? { chain: steps } : {} });
      }
    }
  }
  return args2;
}
function collectAssignmentMatches(sites, model, index2) {
  const out2 = [];
  const reported = /* @__PURE__ */ new Set();
  const noArgs = new CallArguments(void 0, "");
  for (const site of sites) {
    for (const name2 of site.names) {
      for (const { rule, spec: spec2 } of index2.assignmentsByName.get(name2) ?? []) {
        if (site.level === "class" && !spec2.classLevel) continue;
        const match = { node: site.node, target: name2, targetText: site.targetText, value: site.value, augmented: site.augmented, level: site.level, model, scope: site.scope };
        for (const outcome of spec2.check(match)) {
          const node = outcome.at ?? site.node;
          const key = `${rule.id}@${node.start}:${node.end}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const sink = { call: [], message: () => outcome.message };
          out2.push({ node, target: name2, via: "call", calleeText: site.targetText, args: noArgs, model, scope: site.scope, rule, spec: sink, outcome });
        }
      }
    }
  }
  return out2;
}
function derivedMatches(rule, model) {
  const noArgs = new CallArguments(void 0, "");
  return rule.derivedSites(model).map((site) => ({
    node: site.node,
    target: site.target,
    via: "call",
    calleeText: site.calleeText,
    args: noArgs,
    model,
    scope: site.scope,
    rule,
    spec: { call: [], message: () => site.outcome.message },
    outcome: site.outcome
  }));
}
function withoutCoveredReferences(matches) {
  if (!matches.some((m) => m.via === "reference")) return matches;
  const byRule = /* @__PURE__ */ new Map();
  const calls = matches.filter((m) => m.via !== "reference").sort((a, b) => a.node.start - b.node.start);
  for (const c of calls) {
    let spans = byRule.get(c.rule);
    if (!spans) byRule.set(c.rule, spans = { starts: [], maxEnds: [] });
    spans.starts.push(c.node.start);
    spans.maxEnds.push(Math.max(c.node.end, spans.maxEnds.at(-1) ?? -1));
  }
  const covered = (m) => {
    const spans = byRule.get(m.rule);
    if (!spans) return false;
    let lo = 0;
    let hi = spans.starts.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (spans.starts[mid] <= m.node.start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && spans.maxEnds[lo - 1] >= m.node.end;
  };
  return matches.filter((m) => m.via !== "reference" || !covered(m));
}
function toFinding(m, file, model, index2) {
  const outcome = m.outcome ?? {};
  const lines = lineSlice(model.tree.source, index2, m.node.startRow, Math.min(m.node.endRow, m.node.startRow + MAX_SNIPPET_LINES - 1));
  const message15 = outcome.message ?? m.spec.message(m);
  return {
    ruleId: m.rule.id,
    ruleName: m.rule.name,
    message: m.chain ? `${message15} Resolved through ${m.chain.map((s) => `${s.path}:${s.line}`).join(" -> ")}.` : message15,
    severity: outcome.severity ?? m.rule.severity,
    confidence: outcome.confidence ?? (m.via === "reference" ? "medium" : m.rule.confidence),
    location: {
      file: file.path,
      line: m.node.startRow + 1,
      column: m.node.startCol + 1,
      endLine: m.node.endRow + 1,
      endColumn: m.node.endCol + 1,
      snippet: lines
    },
    cwe: m.rule.cwe,
    owasp: m.rule.owasp,
    fingerprint: "",
    ...m.chain ? { relatedLocations: m.chain.map(relatedLocation) } : {},
    ...outcome.flow?.length ? { trace: outcome.flow.map((s) => traceStep(s, file.path, model, index2)) } : {},
    ...outcome.flow?.length && outcome.otherFlows?.length ? { sources: [outcome.flow, ...outcome.otherFlows].map((f) => findingSource(f, file.path, model, index2)) } : {},
    ...outcome.fix ? { fix: outcome.fix } : {},
    ...trustOf(m)
  };
}
function trustOf(m) {
  const judged = m.rule.judgeTrust && m.spec.call.length ? m.rule.judgeTrust(m) : void 0;
  return judged ? { trust: judged.trust, ...judged.reason ? { trustReason: judged.reason } : {} } : {};
}
function findingSource(flow, path, model, index2) {
  const trace = flow.map((s) => traceStep(s, path, model, index2));
  const source = trace.find((s) => s.message.startsWith("source: ")) ?? trace[0];
  return { location: source.location, message: source.message, trace };
}
function traceStep(step, path, model, index2) {
  if (!step.node) return { location: { ...step.place }, message: step.message };
  const n = step.node;
  return {
    location: {
      file: path,
      line: n.startRow + 1,
      column: n.startCol + 1,
      endLine: n.endRow + 1,
      endColumn: n.endCol + 1,
      snippet: lineSlice(model.tree.source, index2, n.startRow, n.startRow)
    },
    message: step.message
  };
}
function relatedLocation(step) {
  return {
    location: { file: step.path, line: step.line, column: step.column, endLine: step.line, endColumn: step.column, snippet: "" },
    message: step.message
  };
}
function applySuppressions(findings, comments, rules) {
  if (!comments.length) return;
  const byRow = /* @__PURE__ */ new Map();
  for (const c of comments) {
    const d = parseSuppression(c.text);
    if (d) byRow.set(c.row + 1, d);
  }
  if (!byRow.size) return;
  const banditIds = new Map(rules.map((r) => [r.id, r.banditIds]));
  for (const f of findings) {
    for (let line = f.location.line; line <= f.location.endLine && !f.suppressed; line++) {
      const d = byRow.get(line);
      if (d) f.suppressed = suppresses(d, f.ruleId, banditIds.get(f.ruleId) ?? []);
    }
  }
}
function assignFingerprints(findings, matches) {
  const seen = /* @__PURE__ */ new Map();
  findings.forEach((f, i2) => {
    const m = matches[i2];
    const code3 = m.model.text(m.node).replace(/\s+/g, "");
    const key = `${f.ruleId}|${f.location.file}|${enclosingPath(m.scope, m.model)}|${code3}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.fingerprint = stableHash(`${key}|${n}`);
  });
}
function enclosingPath(scope, model) {
  const names = [];
  for (let s = scope; s && s.kind !== "module"; s = s.parent) {
    const name2 = childByField(s.node, "name");
    names.push(name2 ? model.text(name2) : s.kind);
  }
  return names.reverse().join(".");
}
function definesMethod(model, classDef, method) {
  const body2 = childByField(classDef, "body");
  if (!body2) return false;
  return body2.children.some((stmt) => {
    const def = stmt.type === "decorated_definition" ? childByField(stmt, "definition") : stmt;
    const name2 = def?.type === "function_definition" ? childByField(def, "name") : void 0;
    return name2 !== void 0 && model.text(name2) === method;
  });
}
function shortened(code3) {
  const compact = code3.replace(/\s+/g, "");
  return compact.length > 60 ? compact.slice(0, 57) + "..." : compact;
}
var TABLES = /* @__PURE__ */ new Set(["dictionary", "list", "set", "tuple"]);
function storedCallables(sites) {
  const out2 = [];
  for (const site of sites) {
    if (site.level === "function" || site.augmented) continue;
    const value = site.value;
    if (TABLES.has(value.type)) for (const node of namesIn(value)) out2.push({ node, scope: site.scope, stored: "a table" });
    else if (site.level !== "class") continue;
    else if (value.type === "identifier" || value.type === "attribute") out2.push({ node: value, scope: site.scope, stored: "a class attribute", owner: enclosingClass2(site.node) });
  }
  return out2;
}
function enclosingClass2(node) {
  for (let n = node.parent; n; n = n.parent) if (n.type === "class_definition") return n;
  return void 0;
}
var TABLE_DEPTH = 4;
var TABLE_ELEMENTS = 256;
function namesIn(value, depth = 0) {
  if (value.type === "identifier" || value.type === "attribute") return [value];
  if (depth >= TABLE_DEPTH || !(TABLES.has(value.type) || depth > 0 && value.type === "parenthesized_expression")) return [];
  const out2 = [];
  const children = value.children;
  for (let i2 = 0; i2 < children.length && i2 < TABLE_ELEMENTS; i2++) {
    const element = children[i2].type === "pair" ? childByField(children[i2], "value") : children[i2];
    if (element) appendAll(out2, namesIn(element, depth + 1));
  }
  return out2;
}
function passesNames(call) {
  const list = childByField(call, "arguments");
  if (!list || list.type !== "argument_list") return false;
  const args2 = list.children;
  for (let k = 0; k < args2.length; k++) {
    const arg = args2[k];
    const value = arg.type === "keyword_argument" ? childByField(arg, "value") : arg;
    if (value && (value.type === "identifier" || value.type === "attribute" || TABLES.has(value.type))) return true;
  }
  return false;
}
function uniqueNames(names) {
  if (names.length < 2) return names;
  const seen = /* @__PURE__ */ new Set();
  return names.filter((n) => !seen.has(n.name) && (seen.add(n.name), true));
}
function lineSlice(source, index2, fromRow, toRow) {
  const start2 = index2.lineStart(fromRow);
  if (start2 === void 0) return "";
  const end = index2.lineStart(toRow + 1) ?? source.length;
  return source.slice(start2, end).replace(/\r?\n$/, "").replace(/\r/g, "");
}

// src/rules/rule.ts
function referenced(m) {
  return m.stored ? `is stored as a callable in ${m.stored}` : "is passed as a callable";
}
function defineRule(rule) {
  return rule;
}
function code2(s) {
  return "`" + s + "`";
}

// src/rules/python/shared-docs.ts
var DESERIALIZATION_COMPLIANCE = [
  { framework: "CWE Top 25", control: "CWE-502 Deserialization of Untrusted Data" },
  { framework: "OWASP Top 10", control: "A08:2021 Software and Data Integrity Failures" },
  { framework: "NIST SP 800-53", control: "SI-10 Information Input Validation" },
  { framework: "PCI DSS v4.0", control: "6.2.4 Software engineering techniques prevent common attacks" }
];
var DESERIALIZATION_REFERENCES = [
  { title: "CWE-502: Deserialization of Untrusted Data", url: "https://cwe.mitre.org/data/definitions/502.html" },
  { title: "OWASP Top 10 A08:2021 Software and Data Integrity Failures", url: "https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/" },
  { title: "OWASP Deserialization Cheat Sheet", url: "https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html" },
  { title: "Python documentation: pickle (security warning)", url: "https://docs.python.org/3/library/pickle.html" },
  { title: "Bandit B301: pickle", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" }
];

// src/rules/python/config-helpers.ts
var CONFIG_COMPLIANCE = [
  ...DESERIALIZATION_COMPLIANCE,
  { framework: "OWASP ASVS 4.0", control: "V5.5.3 Deserialization of untrusted data is avoided or protected" }
];
var CONFIG_REFERENCES = DESERIALIZATION_REFERENCES.slice(0, 4);
function unwrap(node) {
  let n = node;
  while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
  return n;
}
function constant2(ctx, node) {
  return node ? ctx.model.constantString(node, ctx.scope) : void 0;
}
function literalOf(ctx, node, depth = 0) {
  const n = unwrap(node);
  if (n.type !== "identifier" || depth > 8) return n;
  const bindings = ctx.scope.bindings.get(ctx.model.text(n)) ?? ctx.model.module.bindings.get(ctx.model.text(n));
  if (!bindings || bindings.length !== 1 || bindings[0].kind !== "assignment" || !bindings[0].value) return n;
  return literalOf(ctx, bindings[0].value, depth + 1);
}
function elements(ctx, node) {
  const n = literalOf(ctx, node);
  if (n.type === "list" || n.type === "tuple" || n.type === "set") return n.children.filter((c) => c.type !== "comment");
  if (n.type === "binary_operator") {
    const l = childByField(n, "left");
    const r = childByField(n, "right");
    return [...l ? elements(ctx, l) ?? [] : [], ...r ? elements(ctx, r) ?? [] : []];
  }
  return void 0;
}
function dictEntries(ctx, node) {
  const n = literalOf(ctx, node);
  if (n.type === "dictionary") {
    const out2 = [];
    for (const pair of n.children) {
      if (pair.type !== "pair") continue;
      const keyNode = childByField(pair, "key");
      const value = childByField(pair, "value");
      const key = constant2(ctx, keyNode);
      if (keyNode && value && key !== void 0) out2.push({ key, keyNode, value, pair });
    }
    return out2;
  }
  if (n.type === "call") {
    const callee = childByField(n, "function");
    if (!callee || !ctx.model.resolve(callee, ctx.scope).some((r) => r.name === "builtins.dict")) return void 0;
    const args2 = childByField(n, "arguments");
    const out2 = [];
    for (const arg of args2?.children ?? []) {
      if (arg.type !== "keyword_argument") continue;
      const name2 = childByField(arg, "name");
      const value = childByField(arg, "value");
      if (name2 && value) out2.push({ key: ctx.model.text(name2), keyNode: name2, value, pair: arg });
    }
    return out2;
  }
  return void 0;
}
function positionalDictEntries(m) {
  return m.args.positional.flatMap((a) => dictEntries(m, a) ?? []);
}
function settingKey(target) {
  return target.slice(target.lastIndexOf(".") + 1);
}
function firstSettingFinding(found) {
  return found.length ? { message: found[0].message, ...found[0].severity ? { severity: found[0].severity } : {} } : null;
}
function entry(entries, key) {
  return entries?.find((e) => e.key === key);
}
function resolvedNames(ctx, node) {
  return [...new Set(ctx.model.resolve(node, ctx.scope).map((r) => r.name))];
}
function isPickleName(value) {
  return value !== void 0 && /^(?:pickle|application\/x-python-serialize)$/i.test(value.trim());
}
var PICKLE_MODULE = /^(?:pickle|_pickle|cPickle|dill|cloudpickle)$/;
var PICKLE_MODULE_OR_LOADS = /^(?:pickle|_pickle|cPickle|dill|cloudpickle)(?:\.loads)?$/;
function isPickleModule(ctx, node) {
  return resolvedNames(ctx, node).some((n) => PICKLE_MODULE.test(n));
}
function serializerChoice(m, given, isPickling) {
  if (!given) return m.args.hasKwArgs ? void 0 : "default";
  if (given.type === "none") return "default";
  return isPickling(given) ? "pickle" : void 0;
}
function isPickleLoader(ctx, node) {
  return resolvedNames(ctx, node).some((n) => PICKLE_MODULE_OR_LOADS.test(n));
}
function pickleMentions(ctx, node) {
  const items = elements(ctx, node);
  if (items) return items.filter((i2) => isPickleName(constant2(ctx, i2)));
  return isPickleName(constant2(ctx, node)) ? [node] : [];
}
function literalTruth(ctx, node) {
  const n = literalOf(ctx, node);
  if (n.type === "true") return true;
  if (n.type === "false" || n.type === "none") return false;
  if (n.type === "integer") return ctx.model.text(n).replace(/_/g, "") !== "0";
  return void 0;
}
function locationsReach(ctx, node) {
  const parts2 = elements(ctx, node) ?? [node];
  let reach = "local";
  for (const part of parts2) {
    const text = constant2(ctx, part);
    if (text === void 0) return void 0;
    const servers = text.split(/[;,]/).filter((s) => s.trim());
    if (!servers.length) return void 0;
    if (servers.some((s) => locationReach(s) === "remote")) reach = "remote";
  }
  return parts2.length ? reach : void 0;
}
function locationReach(location) {
  const text = location.trim();
  if (/^(?:unix:|\/|redis\+socket:|rediss?\+unix:)/i.test(text)) return "local";
  const host = /^(?:[a-z+]+:\/\/)?(?:[^@/]*@)?(\[[^\]]+\]|[^:/?]+)/i.exec(text)?.[1]?.toLowerCase() ?? "";
  return /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1)$/.test(host) ? "local" : "remote";
}

// src/rules/python/sink-helpers.ts
function literalTruth2(node, source) {
  if (!node) return void 0;
  let n = node;
  while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
  switch (n.type) {
    case "true":
      return true;
    case "false":
    case "none":
      return false;
    case "integer":
    case "float": {
      const value = Number(source.slice(n.start, n.end).replace(/_/g, ""));
      return Number.isNaN(value) ? void 0 : value !== 0;
    }
    case "string": {
      const value = decodeStringLiteral(source.slice(n.start, n.end));
      return value === void 0 ? void 0 : value.length > 0;
    }
    default:
      return void 0;
  }
}
function argumentTruth(m, node) {
  const source = m.model.tree.source;
  const literal = literalTruth2(node, source);
  if (literal !== void 0 || node?.type !== "identifier") return literal;
  const bindings = m.model.lookup(source.slice(node.start, node.end), m.scope, node);
  if (bindings?.length !== 1) return void 0;
  const [b] = bindings;
  if (b.kind !== "assignment" || !b.value || b.valueScope) return void 0;
  return literalTruth2(b.value, source);
}
function namesOf(m, node) {
  return [...new Set(m.model.resolve(node, m.scope).map((r) => r.name))];
}
function classNamesOf(m, node) {
  const own = [];
  const ancestors = [];
  for (const r of m.model.resolve(node, m.scope)) {
    own.push(r.name);
    if (r.localClass) for (const a of m.model.classAncestors(r.localClass, m.scope)) ancestors.push(a.name);
  }
  return { own: [...new Set(own)], ancestors: [...new Set(ancestors)] };
}
function spelled(m) {
  return m.calleeText === m.target ? code2(m.target) : `${code2(m.calleeText)} (${m.target})`;
}
function unpicklerNotLoaded(m) {
  if (m.via !== "call" || !m.target.endsWith("Unpickler") || m.node.field !== "object") return false;
  const access = m.node.parent;
  const attribute = access?.type === "attribute" ? childByField(access, "attribute") : void 0;
  return attribute !== void 0 && m.model.text(attribute) !== "load";
}
function replaceNode(node, newText) {
  return {
    line: node.startRow + 1,
    column: node.startCol + 1,
    endLine: node.endRow + 1,
    endColumn: node.endCol + 1,
    newText
  };
}
function calleeAttributeName(call) {
  const callee = childByField(call, "function");
  return callee?.type === "attribute" ? childByField(callee, "attribute") : void 0;
}
function appendKeywordArgument(m, text) {
  if (m.args.hasKwArgs || m.args.hasStarArgs) return void 0;
  const list = childByField(m.node, "arguments");
  if (!list || list.type !== "argument_list") return void 0;
  const args2 = list.children.filter((c) => c.type !== "comment");
  const last = args2[args2.length - 1];
  if (!last) return void 0;
  return { line: last.endRow + 1, column: last.endCol + 1, endLine: last.endRow + 1, endColumn: last.endCol + 1, newText: `, ${text}` };
}
function fix(description, edits) {
  const present = edits.filter((e) => e !== void 0);
  return present.length === edits.length && present.length ? { description, edits: present } : void 0;
}
function unpicklingMessage(what, advice) {
  return (m) => {
    switch (m.via) {
      case "subclass":
        return `${code2(m.subclass.name)} subclasses ${m.target} and deserializes its input with ${what}, which can run arbitrary code. ${advice}`;
      case "reference":
        return `${spelled(m)} ${referenced(m)}: every value it is applied to is deserialized with ${what}, which can run arbitrary code. ${advice}`;
      default:
        return `${spelled(m)} deserializes with ${what}, which runs whatever code the bytes describe. ${advice}`;
    }
  };
}

// src/rules/python/PYTHON-CONFIG-SEC-001.ts
var DJANGO_PICKLE = "django.contrib.sessions.serializers.PickleSerializer";
var JSON_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer";
var MESSAGE = 'makes Django unpickle session data. With the signed-cookie backend (`SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"`) that data is the cookie the browser sends, so anyone who learns `SECRET_KEY` (a leaked settings file, a default or reused key) forges a cookie that runs code on the server; with the cache, database or file backends, whoever can write the session store does. Use the default `django.contrib.sessions.serializers.JSONSerializer`.';
function picklesSessions(ctx, value) {
  const text = constant2(ctx, value);
  if (text !== void 0) return /(?:^|\.)PickleSerializer$/.test(text.trim());
  return resolvedNames(ctx, value).some((n) => n === DJANGO_PICKLE || /\.PickleSerializer$/.test(n));
}
function toJson(ctx, value) {
  if (value.type !== "string" || constant2(ctx, value) !== DJANGO_PICKLE) return void 0;
  const text = ctx.model.text(value);
  return fix("Use Django's JSONSerializer", [replaceNode(value, text.replace(DJANGO_PICKLE, JSON_SERIALIZER))]);
}
function checkAssignment(m) {
  if (!picklesSessions(m, m.value)) return [];
  const fixed = toJson(m, m.value);
  return [{ at: m.value, message: `${code2(m.targetText)} set to PickleSerializer ${MESSAGE}`, ...fixed ? { fix: fixed } : {} }];
}
function checkConfigure(m) {
  const value = m.args.find("SESSION_SERIALIZER");
  if (!value || !picklesSessions(m, value)) return null;
  const fixed = toJson(m, value);
  return { message: `${spelled(m)} with \`SESSION_SERIALIZER=PickleSerializer\` ${MESSAGE}`, ...fixed ? { fix: fixed } : {} };
}
var PYTHON_CONFIG_SEC_001_default = defineRule({
  id: "PYTHON-CONFIG-SEC-001",
  name: "Django Sessions Serialized With Pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "very-high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "django", "session", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-002", "PYTHON-CONFIG-SEC-006"],
  prefilter: ["SESSION_SERIALIZER"],
  sinks: [{ call: ["django.conf.settings.configure", "django.test.override_settings", "django.test.utils.override_settings"], check: checkConfigure, message: () => "" }],
  assignments: [{ names: ["SESSION_SERIALIZER"], classLevel: true, check: checkAssignment }],
  docs: {
    summary: 'Detects Django settings that serialize sessions with pickle (`SESSION_SERIALIZER = "...PickleSerializer"`).',
    description: "Django stores session data through `SESSION_SERIALIZER`. The default, `JSONSerializer`, produces plain data; `PickleSerializer` (removed in Django 5.0, still present in 4.x and copied into many projects) unpickles whatever the session store returns. The rule reads settings modules (module-level and settings-class assignments, split settings packages such as `settings/production.py`, and `settings.configure(SESSION_SERIALIZER=...)`), accepting the dotted path as a string, a name bound to one, or the class itself imported under any alias.",
    securityImplications: "With `signed_cookies` sessions the pickled data travels in the cookie: the signature is the only barrier, so a leaked or weak `SECRET_KEY` is remote code execution, not just session forgery (the pattern behind several public Django RCE write-ups). With cache or database sessions, anything that can write to the store (a shared Redis, SQL injection elsewhere) runs code in every web worker that reads the session.",
    howToFix: 'Remove the setting (JSON is the default) or set `SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"`. Store only JSON-compatible values in `request.session` (ids, strings, numbers). Existing pickled sessions become invalid: users log in again.',
    fixHint: "Use django.contrib.sessions.serializers.JSONSerializer (the default).",
    vulnerableExample: [
      "# settings.py",
      'SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"',
      'SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"'
    ].join("\n"),
    safeExample: ["# settings.py", 'SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"'].join("\n"),
    detectionScope: "Assignments to `SESSION_SERIALIZER` at module level (also inside `if`/`try` blocks) and in class bodies, with a value that is a string (or a name bound to a constant string) ending in `PickleSerializer`, or a reference resolving to `django.contrib.sessions.serializers.PickleSerializer` or any class named `PickleSerializer`; calls of `django.conf.settings.configure` and `django.test.override_settings` with that keyword. Fix: Django's dotted path in a plain string becomes the JSONSerializer path (same quotes); other spellings get no automatic fix.",
    references: [
      { title: "Django: session serialization", url: "https://docs.djangoproject.com/en/4.2/topics/http/sessions/#session-serialization" },
      { title: "Django 5.0 release notes: PickleSerializer removed", url: "https://docs.djangoproject.com/en/5.0/releases/5.0/" },
      ...CONFIG_REFERENCES
    ],
    faq: [
      {
        question: "Our SECRET_KEY is secret. Is this still a problem?",
        answer: "It turns a key leak (logs, backups, a debug page, a reused default) into code execution on every server, and a store compromise into the same. JSON sessions remove the consequence."
      }
    ]
  }
});

// src/rules/python/PYTHON-CONFIG-SEC-002.ts
var BACKENDS = {
  "django.core.cache.backends.redis.RedisCache": "redis",
  "django_redis.cache.RedisCache": "redis",
  "django_redis.cache.ShardClient": "redis",
  // django-redis-cache: its documented paths, the modules they live in, and `redis_cache.cache` of its 0.x releases.
  "redis_cache.RedisCache": "redis",
  "redis_cache.ShardedRedisCache": "redis",
  "redis_cache.backends.single.RedisCache": "redis",
  "redis_cache.backends.multiple.ShardedRedisCache": "redis",
  "redis_cache.cache.RedisCache": "redis",
  "django.core.cache.backends.memcached.PyMemcacheCache": "memcached",
  "django.core.cache.backends.memcached.PyLibMCCache": "memcached",
  "django.core.cache.backends.memcached.MemcachedCache": "memcached",
  "django_bmemcached.memcached.BMemcached": "memcached",
  "django.core.cache.backends.filebased.FileBasedCache": "file",
  "django.core.cache.backends.db.DatabaseCache": "database"
};
var STORE_TEXT = {
  redis: "a Redis server",
  memcached: "a memcached server",
  file: "files in the cache directory",
  database: "the cache table"
};
var WHY = {
  redis: "Redis is often reachable without authentication from other services, containers or an SSRF (`gopher://`/`dict://` to port 6379)",
  memcached: "memcached has no authentication by default and accepts writes from anything that can reach its port (SSRF included)",
  file: "any process or user that can write to the directory (a shared volume, an upload path, a temp directory) plants a pickle",
  database: "anything that can write to the table (SQL injection elsewhere, another application sharing the database) plants a pickle"
};
var SAFE_SERIALIZER = /json|msgpack/i;
var SERIALIZER_KEYS = ["SERIALIZER", "SERIALIZER_CLASS", "serializer"];
function grade(store, location, ctx) {
  if (store === "database") return "low";
  if (store === "file") return "medium";
  return location && locationsReach(ctx, location) === "local" ? "medium" : "high";
}
function checkCaches(ctx, value, spelledAs) {
  const out2 = [];
  for (const alias of dictEntries(ctx, value) ?? []) {
    const config = dictEntries(ctx, alias.value);
    const backendEntry = entry(config, "BACKEND");
    const backend = backendEntry && constant2(ctx, backendEntry.value);
    const store = backend !== void 0 ? BACKENDS[backend] : void 0;
    if (!backendEntry || backend === void 0 || !store) continue;
    const options = entry(config, "OPTIONS");
    const optionEntries = options ? dictEntries(ctx, options.value) : void 0;
    const serializerEntry = SERIALIZER_KEYS.map((key) => entry(optionEntries, key)).find((e) => e !== void 0);
    const serializer = serializerEntry && constant2(ctx, serializerEntry.value);
    if (serializer !== void 0 && SAFE_SERIALIZER.test(serializer)) continue;
    const explicit = serializer !== void 0 && /pickle/i.test(serializer) ? ` (OPTIONS SERIALIZER is ${code2(serializer)})` : "";
    const severity = grade(store, entry(config, "LOCATION")?.value, ctx);
    const safe = backend.startsWith("django_redis") ? 'Set `"OPTIONS": {"SERIALIZER": "django_redis.serializers.json.JSONSerializer"}` (or msgpack) and cache only plain data' : "Cache only plain data through a serializing layer you control (JSON), or use django-redis with its JSON or msgpack serializer";
    out2.push({
      at: backendEntry.pair,
      severity,
      message: `${spelledAs}[${JSON.stringify(alias.key)}] uses ${code2(backend)}${explicit}, which pickles every cached value and unpickles what it reads back from ${STORE_TEXT[store]}: whoever can write that store runs code in every process reading the cache; ${WHY[store]}. ${safe}.`
    });
  }
  return out2;
}
function checkAssignment2(m) {
  return checkCaches(m, m.value, code2(m.targetText));
}
function checkConfigure2(m) {
  const value = m.args.find("CACHES");
  if (!value) return null;
  const found = checkCaches(m, value, "`settings.configure(CACHES=...)`");
  return found.length ? { message: found.map((f) => f.message).join(" "), severity: found[0].severity } : null;
}
var PYTHON_CONFIG_SEC_002_default = defineRule({
  id: "PYTHON-CONFIG-SEC-002",
  name: "Django Cache Backend Unpickles From a Shared Store",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "django", "cache", "redis", "memcached", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-001", "PYTHON-CONFIG-SEC-005"],
  prefilter: ["CACHES"],
  sinks: [{ call: ["django.conf.settings.configure", "django.test.override_settings", "django.test.utils.override_settings"], check: checkConfigure2, message: () => "" }],
  assignments: [{ names: ["CACHES"], classLevel: true, check: checkAssignment2 }],
  docs: {
    summary: "Detects Django `CACHES` backends that pickle values into a store other processes can write (Redis, memcached, files, database), graded by how reachable the store is.",
    description: "Every Django cache backend except the in-process ones pickles values on `set` and unpickles them on `get`: the built-in Redis and memcached backends, the file and database backends, and django-redis with its default `PickleSerializer`. The cache then holds executable data, and the trust boundary is the store. The rule reads `CACHES` in settings modules and settings classes (and `settings.configure(CACHES=...)`) and reports each alias whose backend pickles, at its `BACKEND` entry: high for Redis/memcached on a remote or unknown host, medium for a localhost or unix-socket server (every server of a list, or of a comma- or semicolon-separated string, must be one) and for file caches, low for the database cache. A JSON or msgpack serializer (django-redis `SERIALIZER`, django-redis-cache `SERIALIZER_CLASS`, Django's RedisCache `serializer`) is not reported, nor are `LocMemCache` and `DummyCache`.",
    securityImplications: "Cache servers are shared infrastructure, frequently without authentication, and a classic SSRF target: writing one key with a pickle payload runs code in every web worker that reads it. File caches in shared or world-writable directories and database caches reachable through SQL injection give the same primitive.",
    howToFix: 'Use django-redis with `"SERIALIZER": "django_redis.serializers.json.JSONSerializer"` (or msgpack) and cache only plain data; otherwise require authentication and network isolation for the store (Redis ACLs/TLS, memcached SASL, a private cache directory) and treat it as part of the trust boundary.',
    fixHint: "Use a JSON/msgpack cache serializer, or lock down who can write the cache store.",
    vulnerableExample: [
      "CACHES = {",
      '    "default": {',
      '        "BACKEND": "django_redis.cache.RedisCache",',
      '        "LOCATION": "redis://cache.internal:6379/1",',
      "    }",
      "}"
    ].join("\n"),
    safeExample: [
      "CACHES = {",
      '    "default": {',
      '        "BACKEND": "django_redis.cache.RedisCache",',
      '        "LOCATION": "redis://cache.internal:6379/1",',
      '        "OPTIONS": {"SERIALIZER": "django_redis.serializers.json.JSONSerializer"},',
      "    }",
      "}"
    ].join("\n"),
    detectionScope: "`CACHES` assignments (module level, inside `if`/`try`, settings classes) and `settings.configure(CACHES=...)`, with dict literals or `dict(...)` calls (also through names bound to them); `BACKEND`, `LOCATION` and `OPTIONS.SERIALIZER` (`SERIALIZER_CLASS`, `serializer`) read as constant strings. Backends: Django's redis, memcached (pymemcache, pylibmc, python-memcached), file-based and database caches; django-redis; django-redis-cache (also its 0.x `redis_cache.cache.RedisCache`); django-bmemcached. A backend or serializer computed at run time (environment variables) is not judged.",
    references: [
      { title: "Django: cache framework", url: "https://docs.djangoproject.com/en/stable/topics/cache/" },
      { title: "django-redis: pluggable serializer", url: "https://github.com/jazzband/django-redis#pluggable-serializer" },
      ...CONFIG_REFERENCES
    ],
    faq: [
      {
        question: "Our Redis is on a private network. Why is this reported?",
        answer: "Private networks contain other services, CI jobs and SSRF-able applications; Redis without ACLs trusts all of them. A localhost or unix-socket location is reported at medium severity."
      }
    ]
  }
});

// src/rules/python/PYTHON-CONFIG-SEC-003.ts
var SETTINGS = {
  task_serializer: "produce",
  result_serializer: "produce",
  event_serializer: "produce",
  accept_content: "accept",
  result_accept_content: "accept",
  event_accept_content: "accept",
  CELERY_TASK_SERIALIZER: "produce",
  CELERY_RESULT_SERIALIZER: "produce",
  CELERY_EVENT_SERIALIZER: "produce",
  CELERY_ACCEPT_CONTENT: "accept",
  CELERY_RESULT_ACCEPT_CONTENT: "accept",
  CELERY_EVENT_ACCEPT_CONTENT: "accept"
};
var SAFE = "Use `json` (Celery's default since 4.0) for `task_serializer`/`result_serializer` and `accept_content = [\"json\"]`; for binary payloads use `msgpack`, or sign messages with Celery's `auth` serializer.";
function settingMessage(name2, where) {
  const side = SETTINGS[name2] ?? SETTINGS[settingKey(name2)];
  const what = /result/i.test(name2) ? "task results read back from the result backend" : /event/i.test(name2) ? "monitoring events" : "task messages taken from the broker";
  return side === "accept" ? `${where} lets Celery unpickle ${what}: anyone who can publish to the broker or write the backend (a shared Redis or RabbitMQ vhost, another service with the same credentials, an SSRF to Redis) runs code in every worker. ${SAFE}` : `${where} makes Celery pickle ${what.replace(/ (?:taken from|read back from) the .*$/, "")}, so the workers and clients that read them must accept and unpickle pickles: anyone who can publish to the broker or write the result backend runs code in them. ${SAFE}`;
}
function mentions(ctx, name2, value, where) {
  return pickleMentions(ctx, value).map((at) => ({ at, message: settingMessage(name2, where) }));
}
function checkAssignment3(m) {
  return mentions(m, settingKey(m.target), m.value, `${code2(m.targetText)} containing pickle`);
}
function checkSettingsCall(m) {
  const found = [];
  for (const [key, value] of m.args.keywords) if (key in SETTINGS) found.push(...mentions(m, key, value, `${spelled(m)} with ${code2(key)} containing pickle`));
  for (const e of positionalDictEntries(m)) if (e.key in SETTINGS) found.push(...mentions(m, e.key, e.value, `${spelled(m)} with ${code2(e.key)} containing pickle`));
  return firstSettingFinding(found);
}
function keywordCheck(keyword, position, side) {
  return (m) => {
    const value = m.args.find(keyword, position);
    if (!value || !pickleMentions(m, value).length) return null;
    return {
      message: side === "accept" ? `${spelled(m)} with ${code2(keyword)} containing pickle unpickles messages from the broker: anyone who can publish to the queue runs code in this consumer. Accept only \`json\` (or \`msgpack\`).` : `${spelled(m)} with \`${keyword}="pickle"\` sends pickled messages, which every consumer must unpickle: anyone who can publish to the same queue runs code in those consumers. Use \`json\` or \`msgpack\`.`
    };
  };
}
var SETTING_NAMES = Object.keys(SETTINGS);
var sinks = [
  { call: ["celery.Celery().conf.update", "celery.Celery", "celery.Celery().config_from_object", "celery.Celery().conf.setdefault"], check: checkSettingsCall, message: () => "" },
  {
    call: ["celery.Celery().task", "celery.shared_task", "celery.task", "celery.Celery().send_task", "celery.Celery().Task().apply_async"],
    check: keywordCheck("serializer", void 0, "produce"),
    message: () => ""
  },
  { call: ["kombu.Producer", "kombu.messaging.Producer"], check: keywordCheck("serializer", 3, "produce"), message: () => "" },
  { call: ["kombu.Connection().Producer", "kombu.simple.SimpleQueue", "kombu.simple.SimpleBuffer", "kombu.Connection().SimpleQueue", "kombu.Connection().SimpleBuffer"], check: keywordCheck("serializer", void 0, "produce"), message: () => "" },
  {
    call: ["kombu.Consumer", "kombu.messaging.Consumer", "kombu.Connection().Consumer", "kombu.simple.SimpleQueue", "kombu.simple.SimpleBuffer", "kombu.Connection().SimpleQueue", "kombu.Connection().SimpleBuffer"],
    check: keywordCheck("accept", void 0, "accept"),
    message: () => ""
  },
  {
    call: ["kombu.serialization.enable_insecure_serializers"],
    message: (m) => `${spelled(m)} adds pickle to the content types kombu consumers accept by default: any message on the broker can then run code in the consumer. Keep the default (json only).`
  },
  {
    call: ["kombu.serialization.registry.enable"],
    check: (m) => m.args.positional.some((a) => pickleMentions(m, a).length) ? {} : null,
    message: (m) => `${spelled(m)} enables the pickle decoder: messages from the broker are unpickled. Keep pickle disabled.`
  }
];
var PYTHON_CONFIG_SEC_003_default = defineRule({
  id: "PYTHON-CONFIG-SEC-003",
  name: "Celery or Kombu Configured to Unpickle Messages",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "very-high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "celery", "kombu", "message-queue", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-004", "PYTHON-LANG-SEC-040"],
  prefilter: ["celery", "Celery", "kombu", "_serializer", "SERIALIZER", "accept_content", "ACCEPT_CONTENT"],
  sinks,
  assignments: [
    {
      names: [...SETTING_NAMES, ...SETTING_NAMES.map((n) => `celery.Celery().conf.${n}`)],
      classLevel: true,
      check: checkAssignment3
    }
  ],
  docs: {
    summary: 'Detects Celery and kombu settings that make workers unpickle messages (`task_serializer`, `result_serializer`, `accept_content` with pickle; `serializer="pickle"`; `accept=["pickle"]`).',
    description: 'Celery moves tasks and results through a broker and a result backend; the serializer decides how those bytes become Python objects. With `pickle` (Celery\'s default before 4.0, still set explicitly in many projects), every message is unpickled by the worker. The rule reads settings wherever Celery takes them: settings modules and config classes (`task_serializer`, `accept_content`, and the old `CELERY_TASK_SERIALIZER`/`CELERY_ACCEPT_CONTENT` names, which Django projects also use through `namespace="CELERY"`), `app.conf.update(...)` with keywords or a dict, attribute assignment (`app.conf.task_serializer = ...`), `Celery(...)` keyword arguments, `config_from_object` with a dict, task decorators and `send_task` with `serializer="pickle"`, and kombu `Producer`/`Consumer`/`SimpleQueue` with `serializer="pickle"` or `accept=[... "pickle" ...]`, `enable_insecure_serializers()` and `registry.enable("pickle")`. Values are strings or lists/tuples/sets of strings, also through names bound to them; `application/x-python-serialize` counts as pickle.',
    securityImplications: "The broker is shared: every producer with its credentials, every service on the same Redis database or RabbitMQ vhost, and every SSRF that reaches Redis can enqueue a message. With pickle accepted, one message runs code on every worker (CVE-2021-23727 and public Celery/Redis exploitation write-ups show the pattern).",
    howToFix: 'Use `json` (default) or `msgpack` for task and result serialization and `accept_content = ["json"]`. If tasks need rich types, pass ids and load objects in the task, or use Celery\'s signed `auth` serializer.',
    fixHint: "Use the json (or msgpack) serializer and accept_content = ['json'].",
    vulnerableExample: [
      "from celery import Celery",
      "",
      'app = Celery("tasks", broker="redis://redis:6379/0")',
      'app.conf.update(task_serializer="pickle", accept_content=["pickle", "json"])'
    ].join("\n"),
    safeExample: [
      "from celery import Celery",
      "",
      'app = Celery("tasks", broker="redis://redis:6379/0")',
      'app.conf.update(task_serializer="json", accept_content=["json"])'
    ].join("\n"),
    detectionScope: 'Names are resolved through imports and aliases (`from celery import Celery as C`, `from kombu import Producer`). Settings passed through `**kwargs`, read from environment variables or loaded from non-Python files are not seen; `config_from_object("module")` is covered when that module is scanned (its assignments are reported).',
    references: [
      { title: "Celery: serializers and security", url: "https://docs.celeryq.dev/en/stable/userguide/security.html#serializers" },
      { title: "Celery configuration: accept_content", url: "https://docs.celeryq.dev/en/stable/userguide/configuration.html#accept-content" },
      { title: "Kombu: serialization", url: "https://docs.celeryq.dev/projects/kombu/en/stable/userguide/serialization.html" },
      ...CONFIG_REFERENCES
    ],
    faq: [
      {
        question: "Our broker requires a password. Is pickle acceptable then?",
        answer: "Only if every holder of that password (every producer service, every CI job, every container with the URL in its environment) is as trusted as the worker's own code. JSON removes the question."
      }
    ]
  }
});

// src/rules/python/PYTHON-CONFIG-SEC-004.ts
var RQ = ["rq.Queue", "rq.queue.Queue", "rq.Worker", "rq.worker.Worker", "rq.SimpleWorker", "rq.worker.SimpleWorker", "rq.job.Job.create", "rq.job.Job.fetch", "rq.Job.create", "rq.Job.fetch"];
var HUEY = ["huey.RedisHuey", "huey.PriorityRedisHuey", "huey.RedisExpireHuey", "huey.SqliteHuey", "huey.FileHuey", "huey.api.RedisHuey", "huey.api.PriorityRedisHuey", "huey.api.RedisExpireHuey", "huey.api.SqliteHuey", "huey.api.FileHuey"];
var SERIALIZER_POSITION = { "rq.Queue": 5, "rq.queue.Queue": 5, "rq.job.Job.fetch": 2, "rq.Job.fetch": 2 };
var PICKLING = /* @__PURE__ */ new Set(["rq.serializers.DefaultSerializer", "rq.serializers.Serializer", "huey.serializer.Serializer", "huey.serializer.Serializer()"]);
var ARQ = ["arq.create_pool", "arq.connections.create_pool", "arq.ArqRedis", "arq.connections.ArqRedis", "arq.Worker", "arq.worker.Worker"];
function checkSerializer(queue) {
  return (m) => {
    const given = m.args.find("serializer", SERIALIZER_POSITION[m.target]);
    const choice = serializerChoice(m, given, (g) => resolvedNames(m, g).some((n) => PICKLING.has(n)) || isPickleModule(m, g));
    if (!choice) return null;
    const store = queue === "RQ" ? "Redis" : m.target.includes("Sqlite") ? "the SQLite file" : m.target.includes("File") ? "the task directory" : "Redis";
    if (choice === "default") {
      return {
        message: `${spelled(m)} without \`serializer=\` uses ${queue}'s default, pickle: every job read back from ${store} is unpickled by the worker, so anyone who can write to ${store === "Redis" ? "that Redis (no auth by default, reachable through SSRF)" : store} runs code in it. ` + (queue === "RQ" ? "Pass `serializer=rq.serializers.JSONSerializer`." : "Pass a `serializer=` that encodes JSON (a `huey.serializer.Serializer` subclass overriding `_serialize`/`_deserialize`).")
      };
    }
    return { message: `${spelled(m)} with ${code2(m.model.text(given))} pickles jobs: anyone who can write to ${store} runs code in the worker. Use a JSON serializer.` };
  };
}
function checkArq(m) {
  const given = m.args.find("job_deserializer");
  const choice = serializerChoice(m, given, (g) => isPickleLoader(m, g));
  if (!choice) return null;
  const role = m.target.endsWith("Worker") ? "the worker unpickles every job it takes from Redis" : "the pool unpickles every job result it reads back from Redis";
  if (choice === "default") {
    return {
      message: `${spelled(m)} without \`job_deserializer=\` uses arq's default, \`pickle.loads\`: ${role}, so anyone who can write to that Redis (no auth by default, reachable through SSRF) runs code in the process. Pass \`job_serializer=\`/\`job_deserializer=\` that encode JSON or msgpack, on the pool and the worker alike.`
    };
  }
  return { message: `${spelled(m)} with \`job_deserializer=${m.model.text(given)}\` unpickles jobs: anyone who can write to Redis runs code in the process. Use a JSON or msgpack deserializer.` };
}
var ARQ_SETTINGS_CLASS = "WorkerSettings";
function checkArqWorkerSettings(m) {
  if (m.level !== "class" || m.target !== "functions") return [];
  const classDef = enclosingClass3(m.node);
  const name2 = classDef && childByField(classDef, "name");
  if (!classDef || !name2 || m.model.text(name2) !== ARQ_SETTINGS_CLASS || !importsArq(m)) return [];
  const body2 = childByField(classDef, "body");
  if (!body2 || body2.children.some((s) => bindsName(m, s, "job_deserializer"))) return [];
  return [{
    message: `${code2(ARQ_SETTINGS_CLASS)} lists worker \`functions\` without \`job_deserializer\`: arq's worker then unpickles every job it takes from Redis (\`pickle.loads\` is the default), so anyone who can write to that Redis runs code in the worker. Set \`job_serializer\`/\`job_deserializer\` to JSON or msgpack functions here and on the pools that enqueue.`
  }];
}
function enclosingClass3(node) {
  for (let n = node.parent; n; n = n.parent) if (n.type === "class_definition") return n;
  return void 0;
}
function bindsName(m, statement, name2) {
  const definition = statement.type === "decorated_definition" ? childByField(statement, "definition") : statement;
  if (definition?.type === "function_definition") return m.model.text(childByField(definition, "name") ?? definition) === name2;
  const assignment = statement.type === "expression_statement" ? statement.children[0] : void 0;
  const left = assignment?.type === "assignment" ? childByField(assignment, "left") : void 0;
  return left?.type === "identifier" && m.model.text(left) === name2;
}
function importsArq(m) {
  for (const bindings of m.model.module.bindings.values()) {
    if (bindings.some((b) => b.kind === "import" && /^arq(?:\.|$)/.test(b.qualifiedName ?? ""))) return true;
  }
  return false;
}
function checkHueySettings(m) {
  const entries = dictEntries(m, m.value);
  if (!entries || entry(entries, "serializer")) return [];
  const cls = constant2(m, entry(entries, "huey_class")?.value) ?? "huey.RedisHuey";
  if (/Memory/i.test(cls)) return [];
  return [{ message: `${code2(m.targetText)} configures ${code2(cls)} without a \`serializer\`: tasks are pickled into the store and unpickled by the consumer, so anyone who can write to it runs code. Set a JSON serializer.` }];
}
var PYTHON_CONFIG_SEC_004_default = defineRule({
  id: "PYTHON-CONFIG-SEC-004",
  name: "Task Queue Uses Its Pickle Default (RQ, huey, arq)",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "rq", "huey", "arq", "task-queue", "redis", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-003"],
  prefilter: ["rq", "huey", "HUEY", "arq", ARQ_SETTINGS_CLASS],
  sinks: [
    { call: RQ, check: checkSerializer("RQ"), message: () => "" },
    { call: HUEY, check: checkSerializer("huey"), message: () => "" },
    { call: ARQ, check: checkArq, message: () => "" }
  ],
  assignments: [
    { names: ["HUEY"], classLevel: true, check: checkHueySettings },
    // The class's name too, so that partial parsing keeps the class whole (its name is an anchor then, as a token).
    { names: ["functions", ARQ_SETTINGS_CLASS], classLevel: true, check: checkArqWorkerSettings }
  ],
  docs: {
    summary: "Detects RQ queues, workers and jobs, huey instances and arq pools and workers created without a non-pickle serializer: all three pickle jobs by default.",
    description: "RQ (`rq.Queue`, `Worker`, `Job.create/fetch`) serializes jobs with `DefaultSerializer`, which is pickle, unless `serializer=` says otherwise; huey's `RedisHuey`, `SqliteHuey` and `FileHuey` pickle tasks with `huey.serializer.Serializer`. The worker unpickles whatever it takes from the store. The rule reports constructors without `serializer=` (or with a pickling one) and Django `HUEY = {...}` settings without `serializer`. `MemoryHuey` (in-process) is not reported; a `serializer` passed through `**kwargs` is assumed to be set. arq's `create_pool`, `ArqRedis` and `Worker` use `pickle.loads` unless `job_deserializer=` is given (the worker unpickles jobs, the pool results), and so does the worker settings class arq's documentation names (`class WorkerSettings: functions = [...]`, run by the `arq` command) without a `job_deserializer` attribute, in a module that imports arq.",
    securityImplications: "Redis holds the queue and usually accepts any client on the network without authentication; an SSRF to Redis or any service sharing the database can push a job whose pickled payload runs code in the worker.",
    howToFix: "RQ: `Queue(connection=redis, serializer=JSONSerializer)` and the same for `Worker` (`from rq.serializers import JSONSerializer`). huey: pass a serializer that encodes JSON. arq: `create_pool(settings, job_serializer=msgpack.packb, job_deserializer=msgpack.unpackb)` and the same two attributes on the worker settings class.",
    fixHint: "Pass serializer=JSONSerializer (rq.serializers) / a JSON serializer to huey.",
    vulnerableExample: ["from redis import Redis", "from rq import Queue", "", "q = Queue(connection=Redis())  # pickles jobs"].join("\n"),
    safeExample: ["from redis import Redis", "from rq import Queue", "from rq.serializers import JSONSerializer", "", "q = Queue(connection=Redis(), serializer=JSONSerializer)"].join("\n"),
    detectionScope: "Constructor calls resolved through imports and aliases; `serializer` read as a keyword (or by position: `Queue`'s sixth, `Job.fetch`'s third parameter). A serializer that resolves to `rq.serializers.DefaultSerializer`, `huey.serializer.Serializer` or the pickle module is reported; any other value is trusted. RQ's `serializer` is reported on every queue and worker object that lacks it: producer and worker must agree.",
    references: [
      { title: "RQ: job serialization", url: "https://python-rq.org/docs/#job-serialization" },
      { title: "huey: serialization", url: "https://huey.readthedocs.io/en/latest/api.html#Serializer" },
      { title: "arq: custom serializers", url: "https://arq-docs.helpmanual.io/#custom-serializers" },
      ...CONFIG_REFERENCES
    ],
    faq: [
      {
        question: "All our jobs come from our own code. Why is this reported?",
        answer: "The worker does not know who wrote a job into Redis; it unpickles whatever is there. The producer is not the trust boundary, the store is."
      }
    ]
  }
});

// src/rules/python/PYTHON-CONFIG-SEC-005.ts
var CACHELIB = ["RedisCache", "FileSystemCache", "MemcachedCache", "UWSGICache", "DynamoDbCache", "MongoDbCache"].flatMap((c) => [
  `cachelib.${c}`,
  `cachelib.${c.replace(/Cache$/, "").toLowerCase()}.${c}`,
  `werkzeug.contrib.cache.${c}`
]);
var FLASK_CACHE_TYPES = /^(?:flask_caching\.backends\.\w+\.)?(?:redis|rediscache|redissentinel|redissentinelcache|rediscluster|redisclustercache|filesystem|filesystemcache|memcached|memcachedcache|gaememcached|saslmemcached|saslmemcachedcache|spreadsaslmemcached|spreadsaslmemcachedcache|uwsgi|uwsgicache)$/i;
var FLASK_SESSION_TYPES = /^(?:redis|memcached|filesystem|mongodb|sqlalchemy|cachelib|dynamodb)$/i;
function cacheTypeFinding(ctx, value, where) {
  const type = constant2(ctx, value);
  if (type === void 0 || !FLASK_CACHE_TYPES.test(type.trim())) return [];
  return [{
    at: value,
    message: `${where} = ${JSON.stringify(type)} selects a Flask-Caching backend that pickles cached values and unpickles what it reads back: whoever can write the cache store (an unauthenticated Redis/memcached, a shared cache directory) runs code in the application. Cache plain data only and restrict who can write the store; prefer a JSON-serializing cache layer.`
  }];
}
function sessionTypeFinding(ctx, value, where) {
  const type = constant2(ctx, value);
  if (type === void 0 || !FLASK_SESSION_TYPES.test(type.trim())) return [];
  return [{
    at: value,
    severity: "medium",
    confidence: "medium",
    message: `${where} = ${JSON.stringify(type)} keeps Flask-Session data in a server-side store that Flask-Session before 0.6 pickles: whoever can write that store runs code in the application when a session is read. Use Flask-Session >= 0.6 (msgspec serialization) and restrict access to the store.`
  }];
}
function checkAssignment4(m) {
  return settingKey(m.target) === "SESSION_TYPE" ? sessionTypeFinding(m, m.value, code2(m.targetText)) : cacheTypeFinding(m, m.value, code2(m.targetText));
}
function checkConfigCall(m) {
  const found = [];
  const config = m.args.find("config");
  const entries = [...config ? dictEntries(m, config) ?? [] : [], ...positionalDictEntries(m)];
  for (const e of entries) {
    if (e.key === "CACHE_TYPE") found.push(...cacheTypeFinding(m, e.value, code2("CACHE_TYPE")));
    if (e.key === "SESSION_TYPE") found.push(...sessionTypeFinding(m, e.value, code2("SESSION_TYPE")));
  }
  const cacheType = m.args.find("CACHE_TYPE");
  if (cacheType) found.push(...cacheTypeFinding(m, cacheType, code2("CACHE_TYPE")));
  const sessionType = m.args.find("SESSION_TYPE");
  if (sessionType) found.push(...sessionTypeFinding(m, sessionType, code2("SESSION_TYPE")));
  return firstSettingFinding(found);
}
var cachelibMessage = (m) => `${spelled(m)} pickles every cached value and unpickles what it reads back: whoever can write the cache store (Redis or memcached reachable without authentication, a shared cache directory) runs code in the application. Cache plain data only and restrict who can write the store.`;
function checkDiskcache(m) {
  const disk = m.args.find("disk");
  if (disk && resolvedNames(m, disk).some((n) => n === "diskcache.JSONDisk" || n === "diskcache.core.JSONDisk")) return null;
  if (disk || m.args.hasKwArgs) return null;
  return {
    message: `${spelled(m)} stores values other than numbers, strings and bytes with pickle in its directory and unpickles them on read: anyone who can write that directory or its SQLite file runs code in the application. Pass \`disk=diskcache.JSONDisk\` for plain data.`
  };
}
function checkSqliteDict(m) {
  if (m.args.find("decode") || m.args.hasKwArgs || m.args.positional.length >= 7) return null;
  return {
    message: `${spelled(m)} pickles values into the SQLite file by default and unpickles them on read: anyone who can write the database file runs code. Pass \`encode=json.dumps, decode=json.loads\`.`
  };
}
var DOGPILE_SHARED_BACKENDS = /^dogpile\.cache\.(?:redis|redis_sentinel|redis_cluster|valkey|valkey_sentinel|valkey_cluster|memcached|pylibmc|bmemcached|pymemcache|dbm)$/;
var DOGPILE_CONFIGURE = ["dogpile.cache.make_region().configure", "dogpile.cache.region.make_region().configure", "dogpile.cache.CacheRegion().configure", "dogpile.cache.region.CacheRegion().configure"];
function checkDogpile(m) {
  const backend = constant2(m, m.args.find("backend", 0))?.trim();
  if (backend === void 0 || !DOGPILE_SHARED_BACKENDS.test(backend)) return null;
  const region = m.receiver?.args;
  if (region && (region.find("deserializer") || region.hasKwArgs)) {
    const given = region.find("deserializer");
    if (!given || !isPickleLoader({ model: m.model, scope: m.receiver.scope }, given)) return null;
  }
  const store = backend.endsWith("dbm") ? "its DBM file" : "that server";
  return {
    message: `${spelled(m)} with ${code2(backend)} pickles every cached value into ${store} and unpickles what it reads back (dogpile.cache's default serializer): whoever can write ${backend.endsWith("dbm") ? "the file" : "to the cache server (often reachable without authentication)"} runs code in the application. Pass \`serializer=\`/\`deserializer=\` that encode JSON or msgpack to \`make_region\`, and restrict who can write the store.`
  };
}
var PERSIST_QUEUE = [
  "Queue",
  "queue.Queue",
  "SQLiteQueue",
  "FIFOSQLiteQueue",
  "FILOSQLiteQueue",
  "UniqueQ",
  "sqlqueue.SQLiteQueue",
  "sqlqueue.FIFOSQLiteQueue",
  "sqlqueue.FILOSQLiteQueue",
  "sqlqueue.UniqueQ",
  "SQLiteAckQueue",
  "FIFOSQLiteAckQueue",
  "FILOSQLiteAckQueue",
  "UniqueAckQ",
  "sqlackqueue.SQLiteAckQueue",
  "sqlackqueue.FIFOSQLiteAckQueue",
  "sqlackqueue.FILOSQLiteAckQueue",
  "sqlackqueue.UniqueAckQ",
  "PDict",
  "pdict.PDict",
  "MySQLQueue",
  "mysqlqueue.MySQLQueue"
].map((n) => `persistqueue.${n}`);
function checkPersistQueue(m) {
  const choice = serializerChoice(m, m.args.find("serializer"), (g) => resolvedNames(m, g).some((n) => n === "persistqueue.serializers.pickle") || isPickleModule(m, g));
  if (!choice) return null;
  const store = m.target.includes("MySQL") ? "its MySQL table" : m.target.includes("SQLite") || m.target.includes("Unique") || m.target.includes("PDict") ? "its SQLite file" : "its queue directory";
  return {
    message: `${spelled(m)} ${choice === "pickle" ? "with a pickle serializer" : "without `serializer=`"} pickles every item into ${store} and unpickles it on \`get()\`: anyone who can write ${store} runs code in the consumer. Pass \`serializer=persistqueue.serializers.json\` (or msgpack) for plain data.`
  };
}
var AIOCACHE_PICKLE = ["aiocache.serializers.PickleSerializer", "aiocache.PickleSerializer", "aiocache.serializers.serializers.PickleSerializer"];
var aiocacheMessage = (m) => `${spelled(m)} makes an aiocache cache pickle values and unpickle what it reads back: whoever can write the cache store (Redis or memcached reachable without authentication) runs code in the application. Use \`JsonSerializer\` or \`MsgPackSerializer\`.`;
var PICKLING_MEMCACHED_CLIENTS = ["memcache.Client", "pylibmc.Client", "pylibmc.client.Client", "bmemcached.Client", "bmemcached.client.Client", "bmemcached.client.replicating.ReplicatingClient", "bmemcached.client.distributed.DistributedClient", "bmemcached.ReplicatingClient", "bmemcached.DistributedClient"];
var PYMEMCACHE_CLIENTS = ["Client", "client.base.Client", "client.base.PooledClient", "client.hash.HashClient", "client.retrying.RetryingClient", "PooledClient", "HashClient", "RetryingClient"].map((c) => `pymemcache.${c}`);
var PYMEMCACHE_PICKLING = /* @__PURE__ */ new Set([
  "pymemcache.serde.pickle_serde",
  "pymemcache.serde.PickleSerde()",
  "pymemcache.serde.PickleSerde",
  "pymemcache.serde.python_memcache_deserializer"
]);
function memcachedMessage(m) {
  return `${spelled(m)} unpickles every value stored with its pickle flag, whoever stored it: anyone who can write to that memcached (it has no authentication by default, and SSRF reaches it) runs code in the application at the next \`get\`. Store only bytes or strings you encode yourself (JSON), and keep memcached on a private network.`;
}
function checkPymemcache(m) {
  const given = m.args.find("serde") ?? m.args.find("deserializer");
  if (!given || !resolvedNames(m, given).some((n) => PYMEMCACHE_PICKLING.has(n))) return null;
  return {
    message: `${spelled(m)} with ${code2(m.model.text(given))} unpickles values read back from memcached: anyone who can write to that memcached runs code in the application. Use the default (bytes) or a JSON serde.`
  };
}
var PATH_HELPERS = ["pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath"];
function pathPrefix(ctx, node, depth = 0) {
  const text = constant2(ctx, node);
  if (text !== void 0 || depth > 4) return text;
  const n = literalOf(ctx, node);
  if (n.type === "binary_operator") {
    const left = childByField(n, "left");
    return left ? pathPrefix(ctx, left, depth + 1) : void 0;
  }
  if (n.type !== "call") return void 0;
  const callee = childByField(n, "function");
  const first = new CallArguments(n, ctx.model.tree.source).positional[0];
  if (!callee || !first) return void 0;
  const names = resolvedNames(ctx, callee);
  return names.some((x) => PATH_HELPERS.includes(x)) ? pathPrefix(ctx, first, depth + 1) : void 0;
}
var REMOTE_STORE_URL = /^(?!file:)[a-z][a-z0-9+.-]*:\/\//i;
var SHARED_PATH = /^(?:\\\\|\/\/[^/]|dbfs:|\/(?:mnt|nfs|net|efs|gpfs|lustre|scratch|dbfs|cifs|smb|shared?|gluster|ceph|cephfs|beegfs)(?:\/|$)|\/content\/drive(?:\/|$))|\/(?:shared?|nfs|efs|smb|cifs|network)(?:\/|$)/i;
function sharedLocation(location) {
  const text = location.trim();
  if (REMOTE_STORE_URL.test(text)) return `the object store or network file system ${JSON.stringify(text)}, writable by every principal with write access to it`;
  if (SHARED_PATH.test(text)) return `the shared or network path ${JSON.stringify(text)}, writable by the other users, jobs and hosts that mount it`;
  return void 0;
}
function checkJoblibMemory(m) {
  const backend = constant2(m, m.args.find("backend", 1));
  const location = m.args.find("location", 0) ?? m.args.find("cachedir");
  const prefix = location ? pathPrefix(m, location) : void 0;
  const where = prefix !== void 0 ? sharedLocation(prefix) : void 0;
  const remoteBackend = backend !== void 0 && backend.trim().toLowerCase() !== "local";
  if (!where && !remoteBackend) return null;
  const store = where ?? `the store backend ${JSON.stringify(backend)} (registered with \`register_store_backend\`), a store shared beyond this process`;
  return joblibFinding(m, store);
}
function checkSklearnMemory(m) {
  const memory = m.args.find("memory");
  const prefix = memory ? pathPrefix(m, memory) : void 0;
  const where = prefix !== void 0 ? sharedLocation(prefix) : void 0;
  return where ? joblibFinding(m, where) : null;
}
function joblibFinding(m, store) {
  return {
    message: `${spelled(m)} caches results as joblib pickles in ${store}, and unpickles a cached result on every cache hit: whoever can write there plants a pickle that runs code in every process that calls the cached function. Keep the cache in a directory private to the application user on local disk (or a per-run temporary directory), restrict write access to the store to this application, or cache plain data (JSON, Parquet) yourself.`
  };
}
var PYTHON_CONFIG_SEC_005_default = defineRule({
  id: "PYTHON-CONFIG-SEC-005",
  name: "Cache or Persistent Store That Unpickles (cachelib, Flask-Caching, Flask-Session, diskcache, sqlitedict, joblib Memory, dogpile.cache, aiocache, persist-queue, memcached clients)",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "cache", "flask", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-002", "PYTHON-LANG-SEC-040"],
  prefilter: ["cachelib", "werkzeug", "CACHE_TYPE", "SESSION_TYPE", "diskcache", "sqlitedict", "SqliteDict", "joblib", "sklearn", "dogpile", "aiocache", "PickleSerializer", "persistqueue", "memcache", "pylibmc", "bmemcached"],
  sinks: [
    { call: CACHELIB, message: cachelibMessage },
    { call: ["flask_caching.Cache", "flask_caching.Cache().init_app", "flask.Flask().config.update", "flask.Flask().config.from_mapping"], check: checkConfigCall, message: () => "" },
    { call: ["diskcache.Cache", "diskcache.FanoutCache", "diskcache.Deque", "diskcache.Index", "diskcache.core.Cache", "diskcache.fanout.FanoutCache"], check: checkDiskcache, message: () => "" },
    { call: ["sqlitedict.SqliteDict", "sqlitedict.open"], check: checkSqliteDict, message: () => "" },
    { call: ["joblib.Memory", "joblib.memory.Memory"], subclasses: true, check: checkJoblibMemory, message: () => "" },
    { call: DOGPILE_CONFIGURE, check: checkDogpile, message: () => "" },
    { call: PERSIST_QUEUE, check: checkPersistQueue, message: () => "" },
    { call: AIOCACHE_PICKLE, references: true, message: aiocacheMessage },
    { call: PICKLING_MEMCACHED_CLIENTS, subclasses: true, check: (m) => m.args.find("unpickler") ? null : {}, message: memcachedMessage },
    { call: PYMEMCACHE_CLIENTS, check: checkPymemcache, message: () => "" },
    {
      call: ["sklearn.pipeline.Pipeline", "sklearn.pipeline.make_pipeline", "sklearn.cluster.AgglomerativeClustering", "sklearn.cluster.FeatureAgglomeration"],
      check: checkSklearnMemory,
      message: () => ""
    }
  ],
  assignments: [{ names: ["CACHE_TYPE", "SESSION_TYPE", "flask.Flask().config.CACHE_TYPE", "flask.Flask().config.SESSION_TYPE"], classLevel: true, check: checkAssignment4 }],
  docs: {
    summary: "Detects caches and persistent dictionaries that pickle values into a store others can write: cachelib/Flask-Caching backends, Flask-Session server-side stores, `diskcache.Cache`, `sqlitedict.SqliteDict`, joblib `Memory` caches on shared file systems or object stores, dogpile.cache regions on Redis, memcached or DBM, aiocache's `PickleSerializer`, persist-queue queues with their pickle default, and memcached clients that unpickle values (python-memcached, pylibmc, python-binary-memcached, pymemcache with a pickle serde).",
    description: "These libraries make pickling invisible: `cache.get(key)` and `d[key]` unpickle whatever the store holds. The rule reports cachelib (and `werkzeug.contrib.cache`) Redis, file-system, memcached, uWSGI, DynamoDB and MongoDB caches; Flask-Caching `CACHE_TYPE` values selecting those backends (in config modules and classes, `Cache(config={...})`, `app.config.update(...)`); Flask-Session `SESSION_TYPE` server-side stores (pickled before Flask-Session 0.6, medium confidence); `diskcache` caches without `disk=JSONDisk`; `SqliteDict` without `encode`/`decode`; and `joblib.Memory` (and the old `cachedir=`, subclasses, and scikit-learn's `Pipeline`/`make_pipeline`/`AgglomerativeClustering`/`FeatureAgglomeration` `memory=` paths, which build one) whose location is a shared or network path (`/mnt`, `/shared`, `/nfs`, `/efs`, `/gpfs`, `/lustre`, `/scratch`, `/dbfs`, a `shared`/`share`/`nfs` directory, UNC shares, `dbfs:`) or an object-store URL (`s3://`, `gs://`, `hdfs://`, `abfs://`, ...), or whose `backend` is a registered store backend other than `\"local\"`. joblib stores every cached result as a pickle and unpickles it on a cache hit. A private local directory, a temporary directory, or no location (no caching) is not reported. dogpile.cache regions configured with a Redis, Valkey, memcached or DBM backend pickle values (the default serializer) unless `make_region(deserializer=...)` names another; aiocache caches pickle when given `PickleSerializer`; persist-queue's file, SQLite and MySQL queues and `PDict` pickle items unless `serializer=` names another (a serializer passed through `**kwargs` is assumed to be set). The memcached clients of python-memcached (`memcache.Client`), pylibmc and python-binary-memcached unpickle every value stored with their pickle flag, so whoever can write to the server decides; pymemcache is reported only with `serde=pickle_serde` (or `PickleSerde()`, or the old `deserializer=python_memcache_deserializer`).",
    securityImplications: "A cache is written by many and read by the application: an unauthenticated Redis or memcached, a cache directory on a shared volume, or a SQLite file an upload can overwrite turn a write primitive into code execution at the next read.",
    howToFix: "Cache plain data serialized as JSON yourself, or configure the library's non-pickle serializer (`disk=JSONDisk`, `encode=json.dumps, decode=json.loads`, Flask-Session >= 0.6); require authentication on cache servers and keep cache directories private to the application user.",
    fixHint: "Use a JSON serializer for the store, or make the store writable only by the application.",
    vulnerableExample: ["from cachelib import FileSystemCache", "", 'cache = FileSystemCache("/tmp/app-cache")  # pickles values', 'user = cache.get("user:1")'].join("\n"),
    safeExample: ["import diskcache", "", 'cache = diskcache.Cache("/var/lib/app/cache", disk=diskcache.JSONDisk)'].join("\n"),
    detectionScope: 'Constructors resolved through imports and aliases; `CACHE_TYPE`/`SESSION_TYPE` read as constant strings. In-process caches (`SimpleCache`, `NullCache`) are not reported. A `disk`, `decode` or configuration passed through `**kwargs` is trusted. joblib locations are read when they are literals or start with one (`Path("/mnt") / "cache"`); a location from the environment or a parameter is not reported.',
    references: [
      { title: "Flask-Caching: built-in cache backends", url: "https://flask-caching.readthedocs.io/en/latest/#built-in-cache-backends" },
      { title: "cachelib documentation", url: "https://cachelib.readthedocs.io/" },
      { title: "diskcache: Disk and JSONDisk", url: "https://grantjenks.com/docs/diskcache/tutorial.html#disk" },
      { title: "sqlitedict: encode and decode", url: "https://github.com/piskvorky/sqlitedict" },
      { title: "joblib.Memory (location, backend, register_store_backend)", url: "https://joblib.readthedocs.io/en/stable/generated/joblib.Memory.html" },
      { title: "joblib: persistence security warning (never load untrusted pickles)", url: "https://joblib.readthedocs.io/en/stable/persistence.html" },
      ...CONFIG_REFERENCES
    ],
    faq: [
      {
        question: "The cache directory is on the local disk. Is that a risk?",
        answer: "It is when another user, process or an upload feature can write there (`/tmp` is the usual case). The finding is medium severity; keep the directory private to the application user."
      },
      {
        question: "Why is a joblib `Memory` on /mnt or s3:// reported but not one in a temporary directory?",
        answer: "joblib has no data-only serializer: every cached result is a pickle that is unpickled on the next cache hit. A cache on a shared file system or bucket is written by other users, jobs and CI runners, so any of them can plant a pickle that runs in every process using the cache. A private local or per-run temporary directory is written only by the application itself, and `Memory()`/`Memory(None)` does not cache at all."
      }
    ]
  }
});

// src/rules/python/PYTHON-CONFIG-SEC-006.ts
var SECURE_COOKIE = "werkzeug.contrib.securecookie.SecureCookie";
var ITSDANGEROUS = ["Serializer", "URLSafeSerializer", "TimedSerializer", "URLSafeTimedSerializer", "JSONWebSignatureSerializer", "TimedJSONWebSignatureSerializer"].flatMap((c) => [
  `itsdangerous.${c}`,
  `itsdangerous.serializer.${c}`,
  `itsdangerous.url_safe.${c}`,
  `itsdangerous.timed.${c}`,
  `itsdangerous.jws.${c}`
]);
var FORGERY = "the signature is then the only thing between a request and code execution: anyone who learns the secret key (leaked configuration, a default or reused key, a weak key) forges a token that runs code on the server.";
function checkSecureCookie(m) {
  return {
    message: `${spelled(m)} pickles cookie data by default (\`serialization_method = pickle\`) and unpickles the cookie the browser sends; ${FORGERY} Use Flask's JSON-based session cookie or itsdangerous with its default JSON serializer.`
  };
}
function checkItsdangerous(m) {
  const serializer = m.args.find("serializer", 2);
  if (!serializer || !isPickleModule(m, serializer)) return null;
  return { message: `${spelled(m)} with a pickle serializer unpickles every token it verifies; ${FORGERY} Keep the default JSON serializer.` };
}
function checkDjangoSigning(m) {
  const serializer = m.args.find("serializer", m.target.endsWith(".loads") ? 3 : 1);
  if (!serializer) return null;
  if (!resolvedNames(m, serializer).some((n) => /(?:^|\.)PickleSerializer$/.test(n)) && !isPickleModule(m, serializer)) return null;
  return { message: `${spelled(m)} with a pickle serializer unpickles the signed value; ${FORGERY} Use the default \`django.core.signing.JSONSerializer\`.` };
}
var PYTHON_CONFIG_SEC_006_default = defineRule({
  id: "PYTHON-CONFIG-SEC-006",
  name: "Signed Cookie or Token Serialized With Pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "cookie", "session", "token", "werkzeug", "itsdangerous", "django", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-001", "PYTHON-LANG-SEC-040"],
  prefilter: ["securecookie", "SecureCookie", "itsdangerous", "signing"],
  sinks: [
    { call: [SECURE_COOKIE, `${SECURE_COOKIE}.unserialize`, `${SECURE_COOKIE}.load_cookie`], subclasses: true, check: checkSecureCookie, message: () => "" },
    { call: ITSDANGEROUS, check: checkItsdangerous, message: () => "" },
    {
      call: ["django.core.signing.loads", "django.core.signing.Signer().unsign_object", "django.core.signing.TimestampSigner().unsign_object"],
      check: checkDjangoSigning,
      message: () => ""
    }
  ],
  docs: {
    summary: "Detects signed cookies and tokens whose payload is pickled: `werkzeug.contrib.securecookie.SecureCookie`, itsdangerous serializers with `serializer=pickle`, `django.core.signing` with `PickleSerializer`.",
    description: "Signing proves who wrote a value, not that it is safe to unpickle. Werkzeug's legacy `SecureCookie` (removed in Werkzeug 1.0, still vendored in old Flask applications) pickles its data by default; itsdangerous serializers accept any `serializer=` module, and `pickle` makes every verified token an unpickle; Django's `signing.loads` and `Signer.unsign_object` take a `serializer`, and `PickleSerializer` does the same. Cookies whose decoded value reaches `pickle.loads` in application code are data-flow findings of the deserialization rules.",
    securityImplications: "The secret key becomes the only barrier against code execution. Keys leak (repositories, logs, error pages), are reused across environments, or are weak enough to brute-force offline from one captured cookie (flask-unsign style); each turns into remote code execution instead of a forged session.",
    howToFix: "Use JSON payloads: Flask's default session, itsdangerous' default serializer, Django's `JSONSerializer`. Put only ids and plain values in cookies.",
    fixHint: "Use the library's default JSON serializer for signed data.",
    vulnerableExample: ["import pickle", "from itsdangerous import URLSafeSerializer", "", "tokens = URLSafeSerializer(SECRET_KEY, serializer=pickle)"].join("\n"),
    safeExample: ["from itsdangerous import URLSafeSerializer", "", "tokens = URLSafeSerializer(SECRET_KEY)  # JSON"].join("\n"),
    detectionScope: "Calls resolved through imports and aliases, including local subclasses of `SecureCookie`. The serializer argument must resolve to the pickle module (or `_pickle`, `cPickle`, `dill`, `cloudpickle`) or a class named `PickleSerializer`.",
    references: [
      { title: "itsdangerous: serialization interface", url: "https://itsdangerous.palletsprojects.com/en/stable/serializer/" },
      { title: "Django: cryptographic signing", url: "https://docs.djangoproject.com/en/stable/topics/signing/" },
      { title: "Werkzeug 0.16 changelog: contrib.securecookie deprecated", url: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-0-15" },
      ...CONFIG_REFERENCES
    ],
    faq: [
      {
        question: "Is a signed pickle safe if the key is strong?",
        answer: "Only while the key never leaks and nobody who holds it is hostile. JSON costs nothing and removes code execution from the failure modes."
      }
    ]
  }
});

// src/rules/python/PYTHON-CONFIG-SEC-007.ts
var PYRO_MESSAGE = "makes Pyro unpickle the requests and replies that cross the network: any client that can reach the daemon (or a man in the middle on an unencrypted link) runs code in the server, and a malicious server in the client. Use the default `serpent` serializer (or `json`/`msgpack`).";
function checkPyro(m) {
  return pickleMentions(m, m.value).map((at) => ({ at, message: `${code2(m.targetText)} containing pickle ${PYRO_MESSAGE}` }));
}
function checkPyroAdd(m) {
  return m.args.positional.some((a) => pickleMentions(m, a).length) ? { message: `${spelled(m)} with pickle ${PYRO_MESSAGE}` } : null;
}
function checkScrapy(m) {
  const name2 = m.target;
  if (name2 === "SCHEDULER_DISK_QUEUE") {
    const queue = constant2(m, m.value);
    if (queue === void 0 || !/Pickle/.test(queue)) return [];
    return [{
      at: m.value,
      message: `${code2(m.targetText)} = ${JSON.stringify(queue)} pickles every pending request into the job directory and unpickles it on resume: whoever can write that directory (a shared volume, a synced or restored job state) runs code in the crawler. Use \`scrapy.squeues.MarshalLifoDiskQueue\`/\`MarshalFifoDiskQueue\` and keep JOBDIR private.`
    }];
  }
  if (name2 === "HTTPCACHE_ENABLED" && literalTruth(m, m.value) === true) {
    return [{
      at: m.value,
      severity: "low",
      confidence: "medium",
      message: `${code2(m.targetText)} = True stores responses with Scrapy's default \`FilesystemCacheStorage\`, which pickles response metadata into HTTPCACHE_DIR and unpickles it on the next run: whoever can write the cache directory runs code in the crawler. Keep the cache directory private (or use \`DbmCacheStorage\` only on trusted storage).`
    }];
  }
  return [];
}
var PYTHON_CONFIG_SEC_007_default = defineRule({
  id: "PYTHON-CONFIG-SEC-007",
  name: "RPC or Crawler State Serialized With Pickle (Pyro, Scrapy)",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "pyro", "rpc", "scrapy", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-003", "PYTHON-LANG-SEC-073"],
  prefilter: ["Pyro4", "SCHEDULER_DISK_QUEUE", "HTTPCACHE_ENABLED"],
  sinks: [{ call: ["Pyro4.config.SERIALIZERS_ACCEPTED.add", "Pyro4.config.SERIALIZERS_ACCEPTED.update"], check: checkPyroAdd, message: () => "" }],
  assignments: [
    { names: ["Pyro4.config.SERIALIZER", "Pyro4.config.SERIALIZERS_ACCEPTED"], check: (m) => checkPyro(m).map((o) => ({ ...o, severity: "high" })) },
    { names: ["SCHEDULER_DISK_QUEUE", "HTTPCACHE_ENABLED"], classLevel: true, check: checkScrapy }
  ],
  docs: {
    summary: "Detects Pyro4 configured to (de)serialize with pickle and Scrapy settings that pickle crawler state to disk (pickle disk queues, the filesystem HTTP cache).",
    description: "Pyro4 picks its wire format from `Pyro4.config.SERIALIZER` and accepts the formats in `Pyro4.config.SERIALIZERS_ACCEPTED`; with `pickle` in either, every remote call is an unpickle on the other side (high severity). Scrapy persists pending requests with pickle disk queues (`SCHEDULER_DISK_QUEUE` = `scrapy.squeues.PickleLifoDiskQueue`, Scrapy's default when `JOBDIR` is set) and its default filesystem HTTP cache pickles response metadata; both are unpickled when the crawler resumes (medium and low severity).",
    securityImplications: "The Pyro daemon listens on the network: any client that reaches it runs code. Scrapy job and cache directories are often on shared volumes or restored from CI caches; a planted file runs code on the next crawl.",
    howToFix: "Pyro: keep the default `serpent` serializer and remove pickle from `SERIALIZERS_ACCEPTED`. Scrapy: use the Marshal disk queues and keep `JOBDIR`/`HTTPCACHE_DIR` private to the crawler user.",
    fixHint: "Use serpent/json for Pyro; Marshal disk queues and private job/cache directories for Scrapy.",
    vulnerableExample: ["import Pyro4", "", 'Pyro4.config.SERIALIZER = "pickle"', 'Pyro4.config.SERIALIZERS_ACCEPTED.add("pickle")'].join("\n"),
    safeExample: ["import Pyro4", "", 'Pyro4.config.SERIALIZER = "serpent"'].join("\n"),
    detectionScope: "Attribute assignments resolved to `Pyro4.config.*` through imports and aliases, `SERIALIZERS_ACCEPTED.add/update` calls; Scrapy setting names assigned in settings modules and classes. `PYRO_SERIALIZER` environment variables and Scrapy settings passed on the command line are not seen. Pyro5 has no pickle serializer and is not reported.",
    references: [
      { title: "Pyro4: security and serializers", url: "https://pyro4.readthedocs.io/en/stable/security.html" },
      { title: "Scrapy: jobs, pausing and resuming crawls", url: "https://docs.scrapy.org/en/latest/topics/jobs.html" },
      { title: "Scrapy: HttpCacheMiddleware storage", url: "https://docs.scrapy.org/en/latest/topics/downloader-middleware.html#httpcache-storage-fs" },
      ...CONFIG_REFERENCES
    ],
    faq: [
      {
        question: "Our Pyro daemon only listens on localhost. Is pickle acceptable?",
        answer: "Every local user and every local process with an SSRF or a port-forward can still connect. The serpent serializer costs nothing."
      }
    ]
  }
});

// src/rules/python/PYTHON-CONFIG-SEC-008.ts
var PICKLE_TYPE = ["sqlalchemy.PickleType", "sqlalchemy.types.PickleType", "sqlalchemy.sql.sqltypes.PickleType", "flask_sqlalchemy.SQLAlchemy().PickleType"];
var PICKLED_OBJECT_FIELD = ["picklefield.PickledObjectField", "picklefield.fields.PickledObjectField"];
var APSCHEDULER_JOB_STORES = [
  "sqlalchemy.SQLAlchemyJobStore",
  "redis.RedisJobStore",
  "mongodb.MongoDBJobStore",
  "rethinkdb.RethinkDBJobStore",
  "zookeeper.ZooKeeperJobStore",
  "etcd.EtcdJobStore"
].map((n) => `apscheduler.jobstores.${n}`);
var APSCHEDULER_STORE_ALIASES = /^(?:sqlalchemy|redis|mongodb|rethinkdb|zookeeper|etcd)$/;
var APSCHEDULER_ADD_JOBSTORE = [
  "background.BackgroundScheduler",
  "blocking.BlockingScheduler",
  "asyncio.AsyncIOScheduler",
  "gevent.GeventScheduler",
  "tornado.TornadoScheduler",
  "twisted.TwistedScheduler",
  "qt.QtScheduler",
  "base.BaseScheduler"
].map((n) => `apscheduler.schedulers.${n}().add_jobstore`);
var APSCHEDULER_DATA_STORES = ["apscheduler.datastores.sqlalchemy.SQLAlchemyDataStore", "apscheduler.datastores.mongodb.MongoDBDataStore"];
function checkPickleType(m) {
  if (m.via === "reference") return {};
  return serializerChoice(m, m.args.find("pickler", 1), (g) => isPickleModule(m, g)) ? {} : null;
}
var pickleTypeMessage = (m) => `${spelled(m)} stores the column's values pickled and unpickles every row it loads: whoever can write that column (another service sharing the database, an SQL injection anywhere, a restored backup) runs code in the application when the row is read. Store JSON (\`sqlalchemy.JSON\`) or columns of plain types instead.`;
var pickledFieldMessage = (m) => `${spelled(m)} (django-picklefield) stores the field pickled and unpickles it whenever the model is loaded: whoever can write that column runs code in the application. Use \`models.JSONField\` for structured data.`;
function checkJobStore(m) {
  return {
    message: `${spelled(m)} pickles every job (its function reference, arguments and trigger) into the store and unpickles it to run it: whoever can write the job table or keys (another service sharing the database or an unauthenticated Redis/MongoDB) runs code in the scheduler. Keep the job store private to the scheduler, or use the in-memory store and re-add jobs at start-up.`
  };
}
function checkAddJobstore(m) {
  const alias = constant2(m, m.args.find("jobstore", 0))?.trim();
  if (alias === void 0 || !APSCHEDULER_STORE_ALIASES.test(alias)) return null;
  return {
    message: `${spelled(m)} with ${code2(JSON.stringify(alias))} adds an APScheduler job store that pickles every job and unpickles it to run it: whoever can write that store runs code in the scheduler. Keep the job store private to the scheduler.`
  };
}
function checkDataStore(m) {
  const choice = serializerChoice(m, m.args.find("serializer"), (g) => resolvedNames(m, g).some((n) => /PickleSerializer(?:\(\))?$/.test(n)) || isPickleLoader(m, g));
  if (!choice) return null;
  return {
    message: `${spelled(m)} ${choice === "pickle" ? "with `PickleSerializer`" : "without `serializer=`"} pickles schedules and jobs (APScheduler 4's default) and unpickles them to run them: whoever can write the store runs code in the scheduler. Pass \`serializer=JSONSerializer()\` or \`CBORSerializer()\`.`
  };
}
var PYTHON_CONFIG_SEC_008_default = defineRule({
  id: "PYTHON-CONFIG-SEC-008",
  name: "Database Column or Job Store That Unpickles (SQLAlchemy PickleType, django-picklefield, APScheduler)",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "database", "orm", "sqlalchemy", "django", "apscheduler", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-005", "PYTHON-CONFIG-SEC-004"],
  prefilter: ["PickleType", "picklefield", "PickledObjectField", "apscheduler"],
  sinks: [
    { call: PICKLE_TYPE, references: true, check: checkPickleType, message: pickleTypeMessage },
    { call: PICKLED_OBJECT_FIELD, references: true, message: pickledFieldMessage },
    { call: APSCHEDULER_JOB_STORES, subclasses: true, check: checkJobStore, message: () => "" },
    { call: APSCHEDULER_ADD_JOBSTORE, check: checkAddJobstore, message: () => "" },
    { call: APSCHEDULER_DATA_STORES, check: checkDataStore, message: () => "" }
  ],
  docs: {
    summary: "Detects database columns and scheduler job stores that pickle what they store: SQLAlchemy `PickleType`, django-picklefield's `PickledObjectField`, and APScheduler's database, Redis and MongoDB job stores.",
    description: "An ORM column of SQLAlchemy's `PickleType` (also Flask-SQLAlchemy's `db.PickleType`, in `Column(...)` or `mapped_column(...)`) or django-picklefield's `PickledObjectField` is pickled on write and unpickled every time a row is loaded. APScheduler 3's `SQLAlchemyJobStore`, `RedisJobStore`, `MongoDBJobStore`, `RethinkDBJobStore`, `ZooKeeperJobStore` and `EtcdJobStore` (also added by alias, `scheduler.add_jobstore(\"sqlalchemy\", ...)`) pickle each job's state and unpickle it to run the job; APScheduler 4's data stores do the same unless `serializer=` names JSON or CBOR. A `PickleType(pickler=json)` is not reported; settings passed through `**kwargs` are assumed to be safe.",
    securityImplications: "The database becomes code: a second service with write access to the table, an SQL injection elsewhere in the application, a restored or imported dump, or an unauthenticated Redis/MongoDB holding the jobs turns a data write into code execution in every process that loads the row or runs the job.",
    howToFix: "Store JSON (`sqlalchemy.JSON`, `models.JSONField`) or plain columns instead of pickles. Keep APScheduler job stores on a database only the scheduler can write, or use the in-memory store and register jobs at start-up; on APScheduler 4 pass `serializer=JSONSerializer()`.",
    fixHint: "Use JSON columns instead of PickleType/PickledObjectField; keep job stores private to the scheduler.",
    vulnerableExample: ["from sqlalchemy import Column, Integer, PickleType", "from sqlalchemy.orm import declarative_base", "", "Base = declarative_base()", "", "class Report(Base):", '    __tablename__ = "reports"', "    id = Column(Integer, primary_key=True)", "    data = Column(PickleType)"].join("\n"),
    safeExample: ["from sqlalchemy import JSON, Column, Integer", "from sqlalchemy.orm import declarative_base", "", "Base = declarative_base()", "", "class Report(Base):", '    __tablename__ = "reports"', "    id = Column(Integer, primary_key=True)", "    data = Column(JSON)"].join("\n"),
    detectionScope: "Column types and fields resolved through imports and aliases, called or passed uncalled (`Column(PickleType)`); job store constructors and subclasses; `add_jobstore` aliases given as literals. APScheduler configured from a dictionary of `type` strings, and columns declared in migrations only, are not seen.",
    references: [
      { title: "SQLAlchemy: PickleType", url: "https://docs.sqlalchemy.org/en/20/core/type_basics.html#sqlalchemy.types.PickleType" },
      { title: "django-picklefield", url: "https://github.com/gintas/django-picklefield" },
      { title: "APScheduler 3: job stores", url: "https://apscheduler.readthedocs.io/en/3.x/userguide.html#choosing-the-right-job-store" },
      ...CONFIG_REFERENCES
    ],
    faq: [
      {
        question: "Only our application writes to that database. Why is this reported?",
        answer: "The column turns any write to the database into code execution: an SQL injection in an unrelated endpoint, a reporting tool with write access, or a restored dump. Medium severity reflects that an attacker first needs that write."
      }
    ]
  }
});

// src/rules/python/sink-input.ts
var DATA_KEYWORDS = ["data", "s", "stream", "file", "fp", "f", "filepath_or_buffer", "path", "fname", "filename", "filepath", "b", "buf", "buffer", "string", "obj", "value", "path_or_buf", "f_or_fn", "fn", "model_uri"];
function inputArgument(m, keywords = DATA_KEYWORDS) {
  for (const k of keywords) {
    const v = m.args.keywords.get(k);
    if (v) return v;
  }
  return m.args.positional[0];
}

// src/rules/python/trust.ts
var INPUT_KEYWORDS = [...DATA_KEYWORDS, "fileobj", "file_obj"];
function readsDataArgument(target) {
  return /(^|\.)(loads|_loads|decode|unpackb|pickle_loads)$/.test(target) || /^(yaml|ruamel\.yaml)\./.test(target);
}
var evaluators = /* @__PURE__ */ new WeakMap();
function evaluatorFor(model) {
  let evaluator = evaluators.get(model);
  if (!evaluator) evaluators.set(model, evaluator = new ProvenanceEvaluator(model));
  return evaluator;
}
function trustDemand(model) {
  return [...evaluators.get(model)?.demand ?? []];
}
function exportedConstant(model, name2) {
  return evaluatorFor(model).exportedConstant(name2);
}
function judgeInputTrust(m) {
  if (m.via === "reference") return { trust: "unknown", reason: `the deserializer ${referenced(m)}; what it is applied to is not followed` };
  const arg = inputArgument(m, INPUT_KEYWORDS);
  if (!arg) return void 0;
  const evaluator = evaluatorFor(m.model);
  const { provenance: p, writtenHere, outside } = evaluator.judge(arg, m.scope);
  if (writtenHere) return { trust: "unknown", reason: "the input is a file of the program's own that this module also writes, so it holds what was written at run time" };
  if (!p) return outside ? { trust: "unknown", reason: `the input depends on ${outside}` } : { trust: "unknown" };
  const data = readsDataArgument(m.target);
  const internal = [...p.origins].every((o) => o !== "constant" || data);
  if (internal) return { trust: "internal", reason: `the input is ${p.reason}` };
  return { trust: "unknown", reason: "the input is a literal path, which names a file relative to the working directory or elsewhere on the machine, not one of the program's own" };
}

// src/rules/python/PYTHON-LANG-SEC-040.ts
var PICKLE_SINKS = ["pickle.loads", "pickle.load", "pickle.Unpickler", "pickle._loads", "pickle._load", "pickle._Unpickler"];
var ZMQ_SOCKETS = [
  ...["zmq", "zmq.asyncio", "zmq.green"].flatMap((m) => [`${m}.Context().socket()`, `${m}.Context.instance().socket()`, `${m}.Socket()`]),
  "zmq.sugar.context.Context().socket()",
  "zmq.sugar.socket.Socket()"
];
var ZMQ_RECV_PYOBJ = ZMQ_SOCKETS.map((s) => `${s}.recv_pyobj`);
function zmqMessage(m) {
  return `${code2(m.calleeText)} (${m.target}) unpickles every message a peer sends to this ZeroMQ socket: whoever can connect to or bind its address runs code in this process. Send and receive bytes (\`send_json\`/\`recv_json\`, msgpack) instead.`;
}
function unresolvedZmqSockets(model) {
  const out2 = [];
  for (const { node, scope } of model.calls) {
    const callee = childByField(node, "function");
    const attribute = callee?.type === "attribute" ? childByField(callee, "attribute") : void 0;
    if (!callee || !attribute || attribute.end - attribute.start !== RECV_PYOBJ.length || model.text(attribute) !== RECV_PYOBJ) continue;
    const socket = childByField(callee, "object");
    if (!socket || model.resolve(socket, scope).length) continue;
    out2.push({
      node,
      scope,
      target: "zmq.Socket.recv_pyobj",
      calleeText: model.text(callee),
      outcome: {
        confidence: "medium",
        message: `${code2(model.text(callee))} is pyzmq's \`Socket.recv_pyobj\` on a socket made elsewhere: it unpickles every message a peer sends, so whoever can connect to or bind its address runs code in this process. Send and receive bytes (\`send_json\`/\`recv_json\`, msgpack) instead.`
      }
    });
  }
  return out2;
}
var RECV_PYOBJ = "recv_pyobj";
var DATA_ONLY_GLOBALS = /* @__PURE__ */ new Set([
  ...["list", "dict", "set", "frozenset", "tuple", "int", "float", "complex", "str", "bytes", "bytearray", "bool", "range", "slice"].flatMap((t) => [`builtins.${t}`, `__builtin__.${t}`]),
  "collections.OrderedDict",
  "collections.deque",
  "collections.Counter",
  "datetime.date",
  "datetime.time",
  "datetime.datetime",
  "datetime.timedelta",
  "datetime.timezone",
  "decimal.Decimal",
  "fractions.Fraction",
  "uuid.UUID"
]);
function dataOnlyAllowlist(m) {
  const allowed = m.via === "subclass" ? m.subclass?.allowlist : void 0;
  return allowed?.every((g) => DATA_ONLY_GLOBALS.has(g)) ? allowed : void 0;
}
function admitted(allowed) {
  return allowed.length ? `only plain data types (${allowed.map(code2).join(", ")})` : "no global at all (it raises for every one)";
}
function check(m) {
  if (unpicklerNotLoaded(m)) return null;
  const allowed = dataOnlyAllowlist(m);
  if (!allowed) return {};
  return {
    severity: "low",
    confidence: "low",
    message: `${code2(m.subclass.name)} subclasses ${m.target}, and its find_class admits ${admitted(allowed)}: a payload cannot call functions or build other objects through it. Keep the allowlist to data types, and prefer a data-only format.`
  };
}
function message(m) {
  const spelled2 = m.calleeText === m.target ? code2(m.target) : `${code2(m.calleeText)} (${m.target})`;
  switch (m.via) {
    case "subclass":
      return `${code2(m.subclass.name)} subclasses ${m.target} and unpickles its input` + (m.subclass.overridesFindClass ? "; overriding find_class narrows what loads but does not make untrusted data safe: restricted unpicklers are routinely bypassed" : "") + ". Use a data-only format for untrusted input.";
    case "reference":
      return `${spelled2} ${referenced(m)}: every value it is applied to is unpickled, which can run arbitrary code. Use a data-only format for untrusted input.`;
    default:
      return `${spelled2} deserializes with pickle, which runs whatever code the bytes describe. Never unpickle data that could come from an untrusted source; use a data-only format such as JSON.`;
  }
}
var PYTHON_LANG_SEC_040_default = defineRule({
  id: "PYTHON-LANG-SEC-040",
  name: "Pickle Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-044", "PYTHON-LANG-SEC-045", "PYTHON-LANG-SEC-046", "PYTHON-ML-SEC-003", "PYTHON-ML-SEC-005"],
  prefilter: ["pickle", "Pickle", "recv_pyobj"],
  // recv_pyobj's argument is its flags, not the data: no input to judge.
  judgeTrust: (m) => m.target.endsWith(".recv_pyobj") ? void 0 : judgeInputTrust(m),
  sinks: [
    { call: PICKLE_SINKS, subclasses: true, references: true, check, message },
    { call: ZMQ_RECV_PYOBJ, message: zmqMessage }
  ],
  derivedSites: unresolvedZmqSockets,
  docs: {
    summary: "Detects pickle deserialization (`pickle.loads`, `pickle.load`, `pickle.Unpickler`, pyzmq's `socket.recv_pyobj()`), which executes arbitrary code from its input.",
    description: 'Python\'s `pickle` format is a small stack-based program, not a data format. Loading a pickle runs that program: it can import any module and call any function with any arguments (`os.system`, `subprocess.Popen`, `eval`, ...). This rule reports every call that unpickles: `pickle.loads`, `pickle.load`, `pickle.Unpickler(...)` and its subclasses, and the same functions reached through `cPickle`, `_pickle`, `pickle5`, `six.moves.cPickle`, import aliases, `from pickle import *`, rebinding (`loader = pickle.loads`), `importlib.import_module("pickle")`, `__import__("pickle")`, `getattr(pickle, "loads")` and `functools.partial`. It also reports `pickle.loads` passed uncalled as a callback (`map(pickle.loads, blobs)`), and pyzmq\'s `socket.recv_pyobj()`, which unpickles each message it receives.',
    securityImplications: {
      summary: "Anyone who can influence the bytes that reach the unpickler can run code with the privileges of the process: read secrets and credentials, move laterally, install a backdoor, or tamper with data. There is no safe subset of pickle and no way to sanitize a payload before loading it. The bytes rarely come straight from the user; these are the ways they usually arrive:",
      scenarios: [
        {
          title: "A cache, queue or session store written by an attacker",
          text: "Redis, memcached, Celery/RQ queues and server-side session stores are reachable from many services and often unauthenticated inside the network. Whoever can write one key (through SSRF, a leaked password, an exposed port or a key-injection bug elsewhere) replaces a cached object with a payload, and the next worker that reads it runs the attacker's code."
        },
        {
          title: "An uploaded or downloaded model file",
          text: "`.pkl`, `.joblib` and `.pt` files are pickles. A model shared on a hub, attached to an issue or uploaded through a form runs its payload the moment it is loaded, before any prediction is made; the model still works afterwards, so nobody notices."
        },
        {
          title: "A network peer",
          text: "Request bodies, cookies, RPC and socket protocols that exchange pickles (multiprocessing connections, custom TCP services, `pickle` over HTTP) hand code execution to anyone who can connect, or to anyone on the path when the channel is not authenticated."
        },
        {
          title: "A compromised internal service",
          text: "A trusted producer that is itself compromised, or a shared bucket or database it writes to, turns one breach into code execution in every consumer. Trusting the sender turns a single foothold into lateral movement."
        }
      ]
    },
    howToFix: {
      summary: "Do not unpickle data that crosses a trust boundary.",
      steps: [
        "Find where the bytes come from and who can write to that place: request, cookie, cache, queue, bucket, file upload, model hub.",
        "Serialize with a data-only format instead: `json` or `msgpack` for structured data, Protocol Buffers for messages between services, `safetensors` (or ONNX) for tensors and model weights.",
        "Migrate stored pickles once, in a trusted job, and delete the pickle reader from the code path that handles outside input.",
        'If pickle must stay for data the process produced itself, sign it when writing (`hmac.new(key, data, "sha256")`) and verify with `hmac.compare_digest` before loading; keep the key out of the store that holds the data.',
        "Suppress only the reviewed call, with a justification: `# pathfinder: ignore[PYTHON-LANG-SEC-040]`."
      ]
    },
    fixHint: "Use a data-only format (json, msgpack, safetensors) or verify an HMAC before unpickling data you produced yourself.",
    vulnerableExample: [
      "import pickle",
      "from flask import request",
      "",
      '@app.route("/session", methods=["POST"])',
      "def restore_session():",
      "    session = pickle.loads(request.data)  # attacker-controlled bytes run as code",
      '    return session["user"]'
    ].join("\n"),
    safeExample: [
      "import json",
      "from flask import request",
      "",
      '@app.route("/session", methods=["POST"])',
      "def restore_session():",
      "    session = json.loads(request.data)  # data only: no code runs",
      '    return session["user"]'
    ].join("\n"),
    detectionScope: 'Every call of `pickle.loads`, `pickle.load`, `pickle.Unpickler` (and the pure-Python `_loads`, `_load`, `_Unpickler`) resolved through the file\'s imports and bindings: aliases, `from pickle import ...`, star imports, `cPickle`/`_pickle`/`pickle5`/`six.moves.cPickle`, `try`/`except ImportError` fallbacks, rebinding, `importlib.import_module`/`__import__` with constant module names (also built by concatenation, and reached as `builtins.__import__` or `__builtins__`), `getattr(module, "loads")`, `operator.attrgetter`/`methodcaller`, `sys.modules["pickle"]` and `sys.modules.get`, `globals()["pickle"]`, `vars(pickle)`/`pickle.__dict__`, `functools.partial`, `.__call__`, dispatch tables written in place or bound in the function (`{"pickle": pickle.loads}[fmt](data)`, `decoders.get(fmt)(data)`), loops over a literal list of sinks or modules, default parameter values, class and instance attributes (`loads = staticmethod(pickle.loads)`, `self._load = pickle.load`), names re-exported by other modules of the project (`from .compat import pickle`, package `__init__.py` re-exports, star re-exports with `__all__`), instantiation of classes, in this module or another, that derive from `pickle.Unpickler` (with or without a `find_class` override), and sink functions passed as callbacks. Names shadowed by parameters, locals or attributes are not reported; strings and comments never match; a sink passed to a call that only looks at it (`isinstance`, `callable`, `repr`, `inspect.*`, `typing.cast`, `self.assertIs`/`assertEqual`) is not a callback. `pickle.dumps`/`pickle.dump` are not findings, nor is a `pickle.Unpickler(f)` built only to call another of its methods (`.find_class(module, name)` reads nothing from `f`). `recv_pyobj()` is reported on sockets made by a pyzmq context (`zmq.Context()`, `zmq.Context.instance()`, `zmq.asyncio`, `zmq.green`) or built as `zmq.Socket(...)`, followed through variables and attributes in the file; `x.recv_pyobj()` on a receiver the analysis cannot resolve at all (a socket passed in as a parameter or made by a helper of another module) is reported with medium confidence, the method name being pyzmq\'s own. Not covered: calls through wrappers defined in other modules (add them as custom sinks in the configuration) and modules named by run-time strings. Every call is reported regardless of where its data comes from, because pickle has no safe input in practice; suppress a reviewed call with `# pathfinder: ignore[PYTHON-LANG-SEC-040]`.',
    references: DESERIALIZATION_REFERENCES,
    faq: [
      {
        question: "We subclassed Unpickler and restricted find_class to an allowlist. Is that safe?",
        answer: 'No. `find_class` only controls which globals are looked up; the pickle VM still calls whatever they return with attacker-chosen arguments. Published bypasses chain allowed names (`getattr`, `operator`, `functools`, `builtins` reached through other modules, numpy and torch helpers) or nest a second `pickle.loads` inside an allowed callable. Keep a restricted unpickler as defence in depth, but do not feed it untrusted data; the rule reports such subclasses on purpose. The exception is an allowlist of plain data types only (`builtins` containers and scalars, `collections.OrderedDict`, `datetime`, `decimal.Decimal`, ...) pinned by literal conditions, as in the Python documentation\'s "Restricting Globals" example, or a find_class that admits no global at all (it only raises): a payload cannot call anything through it, so the finding is reported with low severity (and PYTHON-DESER-001 with low confidence).'
      },
      {
        question: "The data comes from our own cache, database or bucket. Is this a false positive?",
        answer: "Only if no attacker can ever write to that store. Caches, queues and databases are frequent pivot points: an injection or SSRF elsewhere becomes code execution here. Prefer a data-only format; otherwise sign the payload with an HMAC and verify it before loading, then suppress the finding with a justification."
      },
      {
        question: "Does signing the pickle with an HMAC make it safe?",
        answer: "It makes it as safe as the key. Verify the tag with `hmac.compare_digest` over the exact bytes before calling `pickle.loads`, use a key that lives outside the data store (a secret manager, not the same Redis), and rotate it if it may have leaked. Anyone with the key can still run code, so it does not help for data users upload."
      },
      {
        question: "Is joblib safer than pickle?",
        answer: "No. `joblib.load` is pickle with compression and memory-mapped arrays, and runs the same payloads; it is reported by its own rule. Store scikit-learn models with `skops.io` (which loads only trusted types) or export them to ONNX, and load joblib files only from a source you control."
      },
      {
        question: "Does `torch.load(..., weights_only=True)` solve it?",
        answer: "It is the right setting and the default since PyTorch 2.6: the restricted unpickler accepts only tensors and plain containers. It has had bypasses (CVE-2025-32434 affected versions up to 2.5.1), so keep PyTorch current, and prefer `safetensors` for weights you download. `torch.load` has its own rule that checks `weights_only`."
      },
      {
        question: "What should we use instead of pickle?",
        answer: "`json` or `msgpack` for data, Protocol Buffers, Avro or Cap'n Proto between services, `safetensors` for tensors and weights, ONNX or `skops` for models, Parquet or Arrow for data frames, `numpy.save` with `allow_pickle=False` for arrays. All of these describe data, not code."
      },
      {
        question: "Is `pickle.dumps` dangerous?",
        answer: "No. Serializing runs no attacker-controlled code; only loading does. `dump`/`dumps` are never reported."
      },
      {
        question: "Does this rule also cover joblib, torch.load, numpy.load or dill?",
        answer: "Those libraries unpickle under the hood and have their own rules (see similar rules) so that each can check its own safe options, such as `weights_only=True` or `allow_pickle=False`."
      }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-041.ts
var SAFE_LOADERS = /* @__PURE__ */ new Set(["yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader"]);
var UNSAFE_LOADERS = /* @__PURE__ */ new Set(["yaml.Loader", "yaml.UnsafeLoader", "yaml.CLoader", "yaml.CUnsafeLoader"]);
var FULL_LOADERS = /* @__PURE__ */ new Set(["yaml.FullLoader", "yaml.CFullLoader"]);
var SAFE_EQUIVALENT = { FullLoader: "SafeLoader", CFullLoader: "CSafeLoader" };
function classify(names) {
  if (names.some((n) => UNSAFE_LOADERS.has(n))) return "unsafe";
  if (names.some((n) => FULL_LOADERS.has(n))) return "full";
  if (names.length && names.every((n) => SAFE_LOADERS.has(n))) return "safe";
  return void 0;
}
function checkLoad(m) {
  const given = m.args.find("Loader", 1);
  const loader = given?.type === "none" ? void 0 : given;
  const safeName = m.target.endsWith("_all") ? "safe_load_all" : "safe_load";
  if (!loader) {
    if (m.args.mayBeHidden("Loader", 1)) {
      return {
        confidence: "medium",
        message: `${spelled(m)} receives its Loader through \`*args\`/\`**kwargs\`; unless it is \`SafeLoader\`, YAML tags such as \`!!python/object/apply\` run arbitrary code. Use \`yaml.${safeName}\`.`
      };
    }
    const attribute = calleeAttributeName(m.node);
    return {
      message: `${spelled(m)} without a Loader uses an unsafe loader on PyYAML < 6 (\`Loader\` before 5.1, an exploitable \`FullLoader\` until 5.4): YAML tags such as \`!!python/object/apply:os.system\` run arbitrary code. Use \`yaml.${safeName}\`.`,
      ...attribute ? { fix: fix(`Use yaml.${safeName}`, [replaceNode(attribute, safeName)]) } : {}
    };
  }
  const { own, ancestors } = classNamesOf(m, loader);
  const known = [...own, ...ancestors].filter((n) => !n.startsWith("<local>."));
  const kind = classify(known) ?? "unknown";
  const loaderText = m.model.text(loader).replace(/\s+/g, "");
  switch (kind) {
    case "safe":
      return null;
    case "unsafe":
      return {
        message: `${spelled(m)} with ${code2(loaderText)} constructs arbitrary Python objects: tags such as \`!!python/object/apply:os.system\` run code. Use \`yaml.${safeName}\` (or \`Loader=yaml.SafeLoader\`).`
      };
    case "full":
      return fullLoaderOutcome(m, `${spelled(m)} with ${code2(loaderText)}`, loaderFix(loader, m));
    case "unknown":
      return {
        confidence: "medium",
        message: `${spelled(m)} uses the loader ${code2(loaderText)}, which is not known to be safe; loaders other than \`SafeLoader\`/\`BaseLoader\` construct Python objects from tags and can run code. Use \`yaml.${safeName}\`.`
      };
  }
}
function loaderFix(loader, m) {
  if (loader.type !== "attribute") return void 0;
  const name2 = childByField(loader, "attribute");
  const safe = name2 && SAFE_EQUIVALENT[m.model.text(name2)];
  return name2 && safe ? fix(`Use yaml.${safe}`, [replaceNode(name2, safe)]) : void 0;
}
function fullLoaderOutcome(m, what, fixed) {
  const severity = "medium";
  const confidence = "high";
  return {
    severity,
    confidence,
    message: `${what} uses FullLoader, which builds arbitrary Python objects from tags; it allowed code execution before PyYAML 5.4 (CVE-2020-1747, CVE-2020-14343) and still exposes more than data. Use \`yaml.safe_load\` for untrusted input.`,
    ...fixed ? { fix: fixed } : {}
  };
}
function checkFullLoad(m) {
  const attribute = calleeAttributeName(m.node);
  const safeName = m.target.endsWith("_all") ? "safe_load_all" : "safe_load";
  return fullLoaderOutcome(m, spelled(m), attribute ? fix(`Use yaml.${safeName}`, [replaceNode(attribute, safeName)]) : void 0);
}
var unsafeMessage = (m) => `${spelled(m)} uses PyYAML's unsafe loader: tags such as \`!!python/object/apply:os.system\` run arbitrary code. Use \`yaml.safe_load\` for anything not fully trusted.`;
var LOADER_METHODS = ["get_single_data", "get_data"];
var methodsOf = (classes) => [...classes].flatMap((c) => LOADER_METHODS.map((m) => `${c}().${m}`));
var PYTHON_LANG_SEC_041_default = defineRule({
  id: "PYTHON-LANG-SEC-041",
  name: "Unsafe PyYAML Load",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "yaml", "pyyaml", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B506"],
  similar: ["PYTHON-LANG-SEC-043", "PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-042"],
  prefilter: ["yaml"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["yaml.load", "yaml.load_all"], check: checkLoad, message: unsafeMessage },
    { call: ["yaml.unsafe_load", "yaml.unsafe_load_all", ...methodsOf(UNSAFE_LOADERS)], message: unsafeMessage },
    { call: ["yaml.full_load", "yaml.full_load_all"], check: checkFullLoad, message: unsafeMessage },
    { call: methodsOf(FULL_LOADERS), check: (m) => fullLoaderOutcome(m, spelled(m), void 0), message: unsafeMessage }
  ],
  docs: {
    summary: "Detects PyYAML loads with an unsafe loader (`yaml.load` without `Loader` or with `Loader`/`UnsafeLoader`/`FullLoader`, `yaml.unsafe_load`, `yaml.full_load`), which can construct arbitrary Python objects and run code.",
    description: 'PyYAML\'s non-safe loaders interpret Python-specific tags: `!!python/object/apply:os.system ["id"]` calls a function, `!!python/object/new:` instantiates any class, `!!python/name:` imports any attribute. A YAML document is then no longer data but a program. This rule reports `yaml.load` and `yaml.load_all` when the `Loader` argument (keyword or second positional argument) is missing, is `Loader`, `UnsafeLoader`, `CLoader`, `CUnsafeLoader`, `FullLoader` or `CFullLoader`, or is a loader it cannot prove safe; it reports `yaml.unsafe_load`/`unsafe_load_all` always, and `yaml.full_load`/`full_load_all` (and `FullLoader`) at medium severity. Loaders are resolved through aliases (`from yaml import CLoader as L`), the `yaml.loader`/`yaml.cyaml` modules, and local subclasses (`class MyLoader(yaml.SafeLoader)` is safe).',
    securityImplications: 'Whoever controls the YAML text (a configuration file from a pull request, an uploaded manifest, a CI job definition, an API body) runs code in the loading process: `!!python/object/apply:subprocess.check_output [["sh", "-c", "..."]]` is enough. Before PyYAML 5.1 plain `yaml.load(data)` was unsafe by default; from 5.1 to 5.3.1 the default `FullLoader` was still exploitable (CVE-2020-1747, CVE-2020-14343); since 6.0 `Loader` is mandatory, so old code either crashes or gets "fixed" by adding `Loader=yaml.Loader`, which restores the unsafe behaviour explicitly.',
    howToFix: "Use `yaml.safe_load` / `yaml.safe_load_all` (or `Loader=yaml.SafeLoader`, `yaml.CSafeLoader` for speed). They build only plain data: dicts, lists, strings, numbers, booleans, dates. If you need custom types, register explicit constructors on a `SafeLoader` subclass with `add_constructor` rather than enabling Python tags.",
    fixHint: "Use yaml.safe_load(...) or pass Loader=yaml.SafeLoader.",
    vulnerableExample: [
      "import yaml",
      "",
      "def read_manifest(text):",
      "    return yaml.load(text, Loader=yaml.Loader)  # !!python/object/apply runs code"
    ].join("\n"),
    safeExample: [
      "import yaml",
      "",
      "def read_manifest(text):",
      "    return yaml.safe_load(text)  # plain data only"
    ].join("\n"),
    detectionScope: "Calls of `yaml.load`, `yaml.load_all` (Loader checked as keyword `Loader` or positional argument 1), `yaml.unsafe_load`, `yaml.unsafe_load_all`, `yaml.full_load`, `yaml.full_load_all`, and direct use of an unsafe loader object (`yaml.Loader(stream).get_single_data()`), resolved through imports, aliases, rebinding and dynamic imports with constant names. Safe: `SafeLoader`, `CSafeLoader`, `BaseLoader`, `CBaseLoader` and local subclasses of them. A Loader passed through `**kwargs` or a name the analysis cannot resolve (a parameter, an attribute) is reported at medium confidence. `yaml.dump`, `yaml.safe_load` and `yaml.safe_dump` are never reported. Fixes: `yaml.load(x)` becomes `yaml.safe_load(x)`, `yaml.full_load` becomes `yaml.safe_load` and `Loader=yaml.FullLoader` becomes `Loader=yaml.SafeLoader`; an explicit `Loader`/`UnsafeLoader` gets no automatic fix because the code may rely on Python tags. ruamel.yaml is covered by PYTHON-LANG-SEC-043.",
    references: [
      { title: "PyYAML: yaml.load(input) deprecation (why load is unsafe)", url: "https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation" },
      { title: "PyYAML documentation: loading YAML", url: "https://pyyaml.org/wiki/PyYAMLDocumentation" },
      { title: "CVE-2020-14343: PyYAML FullLoader arbitrary code execution", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-14343" },
      { title: "CVE-2020-1747: PyYAML FullLoader arbitrary code execution", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-1747" },
      { title: "CVE-2017-18342: PyYAML load() unsafe by default", url: "https://nvd.nist.gov/vuln/detail/CVE-2017-18342" },
      { title: "Bandit B506: yaml_load", url: "https://bandit.readthedocs.io/en/latest/plugins/b506_yaml_load.html" },
      { title: "Ruff S506: unsafe-yaml-load", url: "https://docs.astral.sh/ruff/rules/unsafe-yaml-load/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "We only load our own configuration files. Is this a false positive?",
        answer: "It is safe only while nobody else can write those files. Configuration travels through pull requests, deployment tooling and shared volumes; `safe_load` reads every normal configuration file identically, so switching costs nothing."
      },
      {
        question: "Is FullLoader safe?",
        answer: "Not for untrusted input. It was the default between PyYAML 5.1 and 5.4 and was exploitable (CVE-2020-1747, CVE-2020-14343). Later versions block the known gadgets, but it still instantiates Python objects from tags. It is reported at medium severity."
      },
      {
        question: "Why is `yaml.load(data, Loader=MyLoader)` reported at medium confidence?",
        answer: "The analysis could not tell what `MyLoader` is (a parameter, an attribute, or a class from another module). If it derives from `SafeLoader`, define or import it so the base is visible, or suppress the finding with a justification."
      },
      {
        question: "Does this cover ruamel.yaml?",
        answer: "No: ruamel.yaml has its own API and rule, PYTHON-LANG-SEC-043."
      }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-042.ts
var ADVICE = "Decode untrusted JSON with `json.loads` and build objects explicitly (dataclasses, pydantic).";
var message2 = unpicklingMessage("jsonpickle, whose `py/reduce` and `py/object` tags call arbitrary functions", ADVICE);
function check2(m) {
  if (m.via !== "call" || m.target === "jsonpickle.Unpickler") return {};
  const safe = m.args.find("safe");
  if (!safe || argumentTruth(m, safe) !== false) return {};
  return {
    message: `${spelled(m)} with \`safe=False\` also evaluates \`py/repr\` values with eval(), on top of \`py/reduce\`/\`py/object\` tags that call arbitrary functions. ${ADVICE}`
  };
}
var PYTHON_LANG_SEC_042_default = defineRule({
  id: "PYTHON-LANG-SEC-042",
  name: "Jsonpickle Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "jsonpickle", "json", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-041"],
  prefilter: ["jsonpickle"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["jsonpickle.decode", "jsonpickle.loads", "jsonpickle.Unpickler"], subclasses: true, references: true, check: check2, message: message2 }],
  docs: {
    summary: "Detects jsonpickle decoding (`jsonpickle.decode`, `jsonpickle.loads`, `jsonpickle.Unpickler`), which rebuilds arbitrary Python objects and can run code.",
    description: 'jsonpickle looks like JSON but carries pickle semantics: `{"py/reduce": [{"py/function": "os.system"}, ...]}` calls a function while decoding, `py/object` instantiates any importable class, and with `safe=False` `py/repr` values are passed to `eval`. The `safe` flag does not make decoding safe: `py/reduce` and `py/object` are honoured either way (CVE-2020-22083, disputed by the project as intended behaviour). This rule reports `jsonpickle.decode`, `jsonpickle.loads`, `jsonpickle.unpickler.decode`, and construction of `jsonpickle.Unpickler` (and local subclasses), through aliases, rebinding, constant dynamic imports, and when passed as a callback.',
    securityImplications: "jsonpickle payloads are text, so they pass through places binary pickles would not: HTTP request bodies, cookies, database columns, Redis values, message queues and log pipelines. Anyone who can write such a value runs code in the decoding process.",
    howToFix: {
      steps: [
        "Parse untrusted input with `json.loads`.",
        "Construct your objects explicitly, for example with dataclasses, `pydantic` models or `marshmallow` schemas, which validate fields instead of importing classes named by the data.",
        "Keep jsonpickle for data the process produced itself and no one else can modify."
      ]
    },
    fixHint: "Use json.loads plus explicit construction (dataclasses/pydantic) instead of jsonpickle.decode.",
    vulnerableExample: [
      "import jsonpickle",
      "from flask import request",
      "",
      '@app.post("/cart")',
      "def restore_cart():",
      "    cart = jsonpickle.decode(request.get_data(as_text=True))  # py/reduce runs code",
      "    return cart.total()"
    ].join("\n"),
    safeExample: [
      "import json",
      "from flask import request",
      "",
      '@app.post("/cart")',
      "def restore_cart():",
      "    cart = Cart.from_dict(json.loads(request.get_data()))  # explicit, validated fields",
      "    return cart.total()"
    ].join("\n"),
    detectionScope: "Calls of `jsonpickle.decode`, `jsonpickle.loads`, `jsonpickle.unpickler.decode` and `jsonpickle.Unpickler` / `jsonpickle.unpickler.Unpickler` resolved through imports, aliases, rebinding and constant dynamic imports; instantiation of local subclasses of `Unpickler`; the decode functions passed uncalled as callbacks (medium confidence). `jsonpickle.encode`/`dumps` are not findings. Every decode is reported whatever its `safe`, `classes` or `keys` arguments, because none of them blocks `py/reduce`.",
    references: [
      { title: "jsonpickle documentation (security warning)", url: "https://jsonpickle.github.io/" },
      { title: "jsonpickle API: decode", url: "https://jsonpickle.github.io/api.html" },
      { title: "CVE-2020-22083 / GHSA-j66q-qmrc-89rx: jsonpickle remote code execution in decode()", url: "https://github.com/advisories/GHSA-j66q-qmrc-89rx" },
      { title: "Bandit B301: pickle (includes jsonpickle)", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
      { title: "Ruff S301: suspicious-pickle-usage (includes jsonpickle)", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "We pass `safe=True`. Why is it still reported?",
        answer: "`safe` only disables `eval` of legacy `py/repr` values. `py/reduce` and `py/object`, which call functions and instantiate classes, are still processed; published exploits use them."
      },
      {
        question: "Is jsonpickle output not just JSON?",
        answer: "It is JSON syntax with pickle semantics. Reading it with `json.loads` is safe; reading it with jsonpickle is not."
      },
      { question: "Is `jsonpickle.encode` reported?", answer: "No. Encoding runs no attacker-controlled code." }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-043.ts
var ADVICE2 = 'Use `YAML()` (round-trip) or `YAML(typ="safe")`, which build only plain data.';
function typValues(m, typ, scope) {
  if (typ.type === "list" || typ.type === "tuple") {
    const out2 = [];
    for (const item of typ.children) {
      const s2 = m.model.constantString(item, scope);
      if (s2 === void 0) return void 0;
      out2.push(s2);
    }
    return out2;
  }
  const s = m.model.constantString(typ, scope);
  return s === void 0 ? void 0 : [s];
}
function checkInstanceLoad(m) {
  if (!m.receiver) return null;
  const typ = m.receiver.args.find("typ");
  if (!typ) {
    if (!m.receiver.args.hasKwArgs) return null;
    return {
      severity: "medium",
      confidence: "low",
      message: `${spelled(m)} on a \`YAML(...)\` whose \`typ\` may come from \`**kwargs\`; with \`typ="unsafe"\` YAML tags such as \`!!python/object/apply\` run arbitrary code. ${ADVICE2}`
    };
  }
  const values = typValues(m, typ, m.receiver.scope);
  if (values === void 0) {
    return {
      confidence: "medium",
      message: `${spelled(m)} on a \`YAML(typ=...)\` whose type the analysis cannot evaluate; with \`typ="unsafe"\` YAML tags such as \`!!python/object/apply\` run arbitrary code. ${ADVICE2}`
    };
  }
  if (!values.includes("unsafe")) return null;
  return {
    message: `${spelled(m)} on \`YAML(typ="unsafe")\` constructs arbitrary Python objects from tags such as \`!!python/object/apply:os.system\`, which runs code. ${ADVICE2}`
  };
}
var SAFE_LEGACY_LOADERS = /* @__PURE__ */ new Set([
  "ruamel.yaml.SafeLoader",
  "ruamel.yaml.CSafeLoader",
  "ruamel.yaml.BaseLoader",
  "ruamel.yaml.CBaseLoader",
  "ruamel.yaml.RoundTripLoader"
]);
function checkLegacyLoad(m) {
  const given = m.args.find("Loader", 1);
  const loader = given?.type === "none" ? void 0 : given;
  if (!loader) {
    if (m.args.mayBeHidden("Loader", 1)) {
      return { confidence: "medium", message: `${spelled(m)} may receive its Loader through \`*args\`/\`**kwargs\`; unless it is a safe loader, YAML tags run arbitrary code. ${ADVICE2}` };
    }
    return { message: `${spelled(m)} without a Loader uses ruamel.yaml's unsafe loader: tags such as \`!!python/object/apply:os.system\` run arbitrary code. ${ADVICE2}` };
  }
  const { own, ancestors } = classNamesOf(m, loader);
  const known = [...own, ...ancestors].filter((n) => !n.startsWith("<local>."));
  if (known.length && known.every((n) => SAFE_LEGACY_LOADERS.has(n))) return null;
  const loaderText = m.model.text(loader).replace(/\s+/g, "");
  const recognised = known.some((n) => n.startsWith("ruamel.yaml."));
  return {
    ...recognised ? {} : { confidence: "medium" },
    message: `${spelled(m)} with ${code2(loaderText)} ${recognised ? "constructs arbitrary Python objects" : "uses a loader not known to be safe"}: YAML tags such as \`!!python/object/apply\` can run code. ${ADVICE2}`
  };
}
var PYTHON_LANG_SEC_043_default = defineRule({
  id: "PYTHON-LANG-SEC-043",
  name: "Unsafe ruamel.yaml Load",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "yaml", "ruamel", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B506"],
  similar: ["PYTHON-LANG-SEC-041", "PYTHON-LANG-SEC-040"],
  prefilter: ["ruamel"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["ruamel.yaml.YAML().load", "ruamel.yaml.YAML().load_all"], check: checkInstanceLoad, message: (m) => `${spelled(m)} may use an unsafe YAML loader. ${ADVICE2}` },
    { call: ["ruamel.yaml.load", "ruamel.yaml.load_all"], check: checkLegacyLoad, message: (m) => `${spelled(m)} may use an unsafe YAML loader. ${ADVICE2}` }
  ],
  docs: {
    summary: 'Detects ruamel.yaml loads that can construct arbitrary Python objects: `YAML(typ="unsafe").load` and the legacy `ruamel.yaml.load` without a safe Loader.',
    description: 'ruamel.yaml\'s `YAML()` instance is safe by default: the round-trip (`rt`) and `safe` types build only data. `YAML(typ="unsafe")` (also `typ=["unsafe"]`) enables Python tags such as `!!python/object/apply:` and `!!python/object/new:`, which call functions and instantiate classes while loading. The PyYAML-compatible module functions of ruamel.yaml before 0.18 (`ruamel.yaml.load`, `load_all`) used the unsafe loader when no `Loader` was given. This rule reports `load`/`load_all` on instances constructed with `typ="unsafe"` (followed through variables and `with` statements), and the legacy functions without a Loader or with one that is not `SafeLoader`, `CSafeLoader`, `BaseLoader`, `CBaseLoader` or `RoundTripLoader`.',
    securityImplications: "Whoever controls the YAML text (configuration in a repository, a manifest uploaded to a service, a document fetched over the network) runs code in the loading process, with its files, network access and credentials.",
    howToFix: 'Use `YAML()` (round-trip, keeps comments) or `YAML(typ="safe")`. If documents need custom types, register them explicitly with `yaml.register_class(MyType)`, which loads only the classes you list. Replace legacy `ruamel.yaml.load(...)` calls with a `YAML()` instance: the module-level functions were removed in 0.18.',
    fixHint: 'Use YAML() or YAML(typ="safe") and register_class for custom types instead of typ="unsafe".',
    vulnerableExample: [
      "from ruamel.yaml import YAML",
      "",
      "def read_job(text):",
      '    yaml = YAML(typ="unsafe")',
      "    return yaml.load(text)  # !!python/object/apply runs code"
    ].join("\n"),
    safeExample: [
      "from ruamel.yaml import YAML",
      "",
      "def read_job(text):",
      '    yaml = YAML(typ="safe")',
      "    return yaml.load(text)  # plain data only"
    ].join("\n"),
    detectionScope: '`load`/`load_all` on `ruamel.yaml.YAML(...)` instances whose constructor received `typ="unsafe"` or a list containing it, with the constructor found through assignments and `with ... as` bindings in the same file; a `typ` the analysis cannot evaluate is reported at medium confidence, one possibly hidden in `**kwargs` at low confidence. Legacy `ruamel.yaml.load`/`load_all` (also `ruamel.yaml.main`, `ruamel_yaml`) with the `Loader` checked as keyword or position 1. Not covered: instances configured after construction (`yaml.typ = ...`) or passed in from other modules. No automatic fix is offered: switching to `typ="safe"` changes the constructor that every use of the instance shares.',
    references: [
      { title: "ruamel.yaml documentation: basic usage and typ", url: "https://yaml.dev/doc/ruamel.yaml/basicuse/" },
      { title: 'ruamel.yaml documentation (0.18 changes, typ="unsafe" deprecation)', url: "https://yaml.dev/doc/ruamel.yaml" },
      { title: "ruamel.yaml on PyPI", url: "https://pypi.org/project/ruamel.yaml/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "Is `YAML()` without arguments safe?",
        answer: "Yes. The default round-trip loader builds data only (with comments preserved); it is not reported."
      },
      {
        question: "We need our own classes in the YAML files.",
        answer: "Register them with `yaml.register_class(MyClass)` on a safe or round-trip instance; only those classes can then be constructed."
      },
      {
        question: "Does this cover PyYAML's `yaml.load`?",
        answer: "No: PyYAML is covered by PYTHON-LANG-SEC-041."
      }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-044.ts
function message3(m) {
  const head = m.via === "reference" ? `${spelled(m)} ${referenced(m)}: every value it is applied to is unmarshalled` : `${spelled(m)} unmarshals its input`;
  return `${head}. marshal is not secure against crafted data: it can crash the interpreter and builds code objects that callers may execute. Use a data-only format such as JSON for anything not produced by this process.`;
}
var PYTHON_LANG_SEC_044_default = defineRule({
  id: "PYTHON-LANG-SEC-044",
  name: "Marshal Deserialization of Untrusted Data",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "marshal", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B302"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-045"],
  prefilter: ["marshal"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["marshal.load", "marshal.loads"], references: true, message: message3 }],
  docs: {
    summary: "Detects `marshal.load` and `marshal.loads`, which are not safe on data that could come from an untrusted source.",
    description: "`marshal` is CPython's internal format for `.pyc` files. Its documentation warns that it is not intended to be secure against erroneous or maliciously constructed data. Unlike pickle it cannot call functions while loading, but it reconstructs code objects, and crafted input has repeatedly crashed or corrupted the interpreter. This rule reports every `marshal.load` and `marshal.loads` call, also through aliases (`from marshal import loads as l`), rebinding, dynamic imports with constant names, and `marshal.loads` passed as a callback.",
    securityImplications: "A marshalled blob from an attacker can carry a code object that the application later runs (`exec`, `types.FunctionType`), which is the classic way of smuggling bytecode into caches and plugin systems, and malformed input can crash the process (denial of service) or trigger memory-safety bugs in the loader. The format also changes between Python versions, so data exchanged across versions breaks silently.",
    howToFix: {
      steps: [
        "Use `marshal` only for data this process wrote and no one else can modify (for example a private cache under a directory the application owns).",
        "For data exchange use `json`, `msgpack` or Protocol Buffers.",
        "If bytes must travel, authenticate them with an HMAC (`hmac.compare_digest`) before loading."
      ]
    },
    fixHint: "Use json/msgpack for data exchange; keep marshal for private, integrity-protected caches only.",
    vulnerableExample: [
      "import marshal",
      "",
      "def load_plugin(blob):",
      "    code_obj = marshal.loads(blob)  # attacker bytes become bytecode",
      "    exec(code_obj)"
    ].join("\n"),
    safeExample: [
      "import json",
      "",
      "def load_settings(blob):",
      "    return json.loads(blob)  # data only"
    ].join("\n"),
    detectionScope: 'Calls of `marshal.load` and `marshal.loads` resolved through imports, aliases, `from marshal import *`, rebinding, `importlib.import_module("marshal")`/`__import__("marshal")`, `getattr(marshal, "loads")`, and `marshal.loads` passed uncalled as a callback (medium confidence). `marshal.dump`/`dumps` are not findings. Every call is reported regardless of the data\'s origin, because the analysis does not prove where bytes come from; suppress a reviewed call on private data with `# pathfinder: ignore[PYTHON-LANG-SEC-044]`.',
    references: [
      { title: "Python documentation: marshal (security warning)", url: "https://docs.python.org/3/library/marshal.html" },
      { title: "Bandit B302: marshal", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b302-marshal" },
      { title: "Ruff S302: suspicious-marshal-usage", url: "https://docs.astral.sh/ruff/rules/suspicious-marshal-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "marshal cannot call functions while loading. Why is it reported?",
        answer: "It can still hand the caller attacker-built code objects and crash the interpreter on malformed input; the Python documentation explicitly says it is not secure against malicious data. The severity is medium rather than high for that reason."
      },
      {
        question: "We use marshal for a cache we write ourselves.",
        answer: "That is the intended use. Make sure no other user or service can write the cache location, then suppress the finding with a justification."
      },
      { question: "Is `marshal.dumps` reported?", answer: `No. Only loading is dangerous; ${code2("dump")}/${code2("dumps")} are never reported.` }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-045.ts
function message4(m) {
  if (m.via === "subclass") {
    return `\`${m.subclass.name}\` subclasses ${m.target}: every value read from it is unpickled, which runs arbitrary code if someone else can write the underlying database. Use a data-only store (sqlite3 with JSON values, dbm with json.dumps).`;
  }
  return `${spelled(m)} opens a shelf whose values are unpickled on every read: whoever can write the database file runs code in this process. Keep shelves in private locations or store JSON in dbm/sqlite3 instead.`;
}
function newEmptyDict(m, node) {
  const inside = (n) => n.children.filter((c) => !/^(comment|[{}()])$/.test(c.type));
  if (node.type === "dictionary") return inside(node).length === 0;
  if (node.type !== "call") return false;
  const callee = childByField(node, "function");
  const args2 = childByField(node, "arguments");
  const empty = !!args2 && inside(args2).length === 0;
  return !!callee && empty && m.model.resolve(callee, m.scope).some((r) => r.name === "builtins.dict");
}
function check3(m) {
  if (m.target === "shelve.Shelf" && m.via !== "subclass") {
    const mapping = m.args.find("dict", 0);
    return mapping && newEmptyDict(m, mapping) ? null : {};
  }
  if (m.target !== "shelve.open") return {};
  const flag = m.args.find("flag", 1);
  const value = flag && m.model.constantString(flag, m.scope);
  if (value !== "n") return {};
  return {
    severity: "low",
    confidence: "low",
    message: `${spelled(m)} with flag "n" creates a new empty shelf, so it reads back only what this process writes; values are still unpickled, so keep the file private.`
  };
}
var PYTHON_LANG_SEC_045_default = defineRule({
  id: "PYTHON-LANG-SEC-045",
  name: "Shelve Deserialization of Untrusted Data",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "shelve", "pickle", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-044"],
  prefilter: ["shelve", "Shelf"],
  judgeTrust: judgeInputTrust,
  sinks: [
    {
      call: ["shelve.open", "shelve.Shelf", "shelve.DbfilenameShelf", "shelve.BsdDbShelf"],
      subclasses: true,
      check: check3,
      message: message4
    }
  ],
  docs: {
    summary: "Detects `shelve.open` and the `shelve.Shelf` classes, whose values are stored with pickle and unpickled on every read.",
    description: 'A shelf is a persistent dictionary: keys are strings, values are pickled into a `dbm` database. Reading `shelf[key]` calls `pickle.loads` on the stored bytes, so a shelf is exactly as trustworthy as its database file. This rule reports opening a shelf with `shelve.open`, `shelve.DbfilenameShelf`, `shelve.Shelf` or `shelve.BsdDbShelf`, and instantiating local subclasses of those classes. `shelve.open(path, "n")` always starts from an empty database and is reported at low severity; `shelve.Shelf({})` (or `dict()`) keeps its pickles in a new in-memory dict nothing else can write and is not reported.',
    securityImplications: "If the database file can be replaced or modified by anyone else (a shared or world-writable directory, a file shipped with user content, a cache volume mounted into several services, a file downloaded or extracted from an archive), the first read of a poisoned key runs arbitrary code with the privileges of the reading process.",
    howToFix: {
      steps: [
        "Keep shelves only in directories the application alone can write.",
        "Never open a shelf received from someone else.",
        "For data that crosses a trust boundary, store JSON: `dbm.open(path)` with `json.dumps`/`json.loads` values, or `sqlite3` with JSON columns."
      ]
    },
    fixHint: "Store JSON values in dbm or sqlite3 instead of shelve for data others can write.",
    vulnerableExample: [
      "import shelve",
      "",
      "def read_profile(upload_path, user):",
      "    with shelve.open(upload_path) as db:  # an uploaded database: reading unpickles it",
      "        return db[user]"
    ].join("\n"),
    safeExample: [
      "import dbm",
      "import json",
      "",
      "def read_profile(path, user):",
      "    with dbm.open(path) as db:",
      "        return json.loads(db[user])  # data only"
    ].join("\n"),
    detectionScope: 'Calls of `shelve.open`, `shelve.Shelf`, `shelve.DbfilenameShelf` and `shelve.BsdDbShelf` resolved through imports, aliases, rebinding and constant dynamic imports, and instantiation of local subclasses of the shelf classes. The `flag` argument (keyword or position 1) lowers the severity when it is the constant `"n"`. Reads through the shelf object are not reported separately: the finding sits on the call that opens it. `dbm` itself stores bytes and is not reported.',
    references: [
      { title: "Python documentation: shelve (security warning)", url: "https://docs.python.org/3/library/shelve.html" },
      { title: "Bandit B301: pickle (includes shelve)", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
      { title: "Ruff S301: suspicious-pickle-usage", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "The shelf lives in our application's own directory. Is this a false positive?",
        answer: "If no other user, service or upload can write that file, the risk is low: suppress the finding with that justification. The rule cannot see file permissions, so it reports every shelf it opens."
      },
      {
        question: "Why is the finding on `shelve.open` and not on `db[key]`?",
        answer: "Every read of the shelf unpickles; reporting each subscript would flood the results. The call that opens the shelf is the one decision to review."
      },
      {
        question: 'Why is `shelve.open(path, "n")` still reported?',
        answer: "It starts from an empty database, so it reads back only what the process itself writes unless another process writes the same file concurrently. It is reported at low severity so that the use of pickle stays visible."
      }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-046.ts
var message5 = unpicklingMessage(
  "dill, a pickle extension that also rebuilds functions, lambdas and whole sessions",
  "Never load dill data that could come from an untrusted source; use a data-only format such as JSON."
);
var PYTHON_LANG_SEC_046_default = defineRule({
  id: "PYTHON-LANG-SEC-046",
  name: "Dill Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "dill", "pickle", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-005"],
  prefilter: ["dill"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["dill.load", "dill.loads", "dill.Unpickler"], subclasses: true, references: true, check: (m) => unpicklerNotLoaded(m) ? null : {}, message: message5 },
    { call: ["dill.load_session", "dill.load_module", "dill.load_module_asdict", "dill.temp.load", "dill.temp.loadIO"], message: message5 }
  ],
  docs: {
    summary: "Detects dill deserialization (`dill.loads`, `dill.load`, `dill.Unpickler`, `dill.load_session`/`load_module`), which executes arbitrary code from its input.",
    description: "`dill` extends pickle so that it can serialize functions, lambdas, closures, classes and entire interpreter sessions. Loading dill data is loading pickle, with even more machinery to rebuild code: any dill payload can import modules and call functions. This rule reports `dill.loads`, `dill.load`, `dill.Unpickler` (and local subclasses), `dill.load_session`, `dill.load_module`, `dill.load_module_asdict`, `dill.temp.load` and `dill.temp.loadIO`, also through `dill.dill`/`dill._dill`, aliases, rebinding and dynamic imports, and `dill.loads` passed as a callback.",
    securityImplications: "Anyone who can influence the bytes (a cached result, a message on a queue, a session file, an uploaded model or notebook state) runs code with the privileges of the process. dill is common in data science and multiprocessing stacks (`pathos`, `multiprocess`), where serialized closures move between machines: a compromised worker or broker then reaches every consumer.",
    howToFix: {
      summary: "Do not load dill data across a trust boundary.",
      steps: [
        "Exchange data with `json`, `msgpack` or `safetensors`.",
        "Send function names or identifiers instead of code.",
        "If dill must stay for data the process produced itself, sign it with an HMAC and verify it (`hmac.compare_digest`) before loading."
      ]
    },
    fixHint: "Exchange data (JSON, msgpack, safetensors), not serialized code; verify an HMAC before loading your own dill data.",
    vulnerableExample: [
      "import dill",
      "",
      "def run_task(message):",
      "    task = dill.loads(message.body)  # the message decides what code runs",
      "    return task()"
    ].join("\n"),
    safeExample: [
      "import json",
      "",
      'TASKS = {"resize": resize_image, "thumbnail": make_thumbnail}',
      "",
      "def run_task(message):",
      "    spec = json.loads(message.body)",
      '    return TASKS[spec["name"]](**spec["args"])  # only known functions'
    ].join("\n"),
    detectionScope: "Calls of `dill.load`, `dill.loads`, `dill.Unpickler`, `dill.load_session`, `dill.load_module`, `dill.load_module_asdict`, `dill.temp.load`, `dill.temp.loadIO`, resolved through imports (including `dill.dill`/`dill._dill`), aliases, star imports, rebinding and constant dynamic imports; instantiation of local subclasses of `dill.Unpickler`; and `dill.load`/`dill.loads` passed uncalled as a callback (medium confidence). `dill.dump`, `dill.dumps` and `dill.dump_session` are not findings, nor is a `dill.Unpickler(f)` built only to call another of its methods (`.find_class`). `torch.load(..., pickle_module=dill)` is covered by PYTHON-ML-SEC-001.",
    references: [
      { title: "dill documentation", url: "https://dill.readthedocs.io/en/latest/" },
      { title: "dill on PyPI (security note: dill is not secure against untrusted data)", url: "https://pypi.org/project/dill/" },
      { title: "Ruff S301: suspicious-pickle-usage (pickle and dill)", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "Is dill safer than pickle because it is a different library?",
        answer: "No. dill produces and consumes pickle streams and adds support for code objects; everything that makes pickle dangerous applies."
      },
      {
        question: "We use dill only between our own worker processes.",
        answer: "Then the risk is whoever can reach the transport (queue, socket, shared storage). Authenticate payloads with an HMAC or keep the channel private, and suppress the finding with a justification."
      },
      { question: "Is `dill.dumps` reported?", answer: "No. Serializing runs no attacker-controlled code; only loading is reported." }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-073.ts
var CLIENT_RECV = "multiprocessing.connection.Client().recv";
var LISTENER_RECV = "multiprocessing.connection.Listener().accept().recv";
var LISTENER = "multiprocessing.connection.Listener()";
var LISTENER_CLASS = "multiprocessing.connection.Listener";
var MANAGERS = ["multiprocessing.managers.BaseManager", "multiprocessing.managers.SyncManager", "multiprocessing.managers.SharedMemoryManager"];
var AUTHKEY_POSITION = { client: 2, listener: 3 };
function endpoint(m) {
  if (!m.receiver) return void 0;
  if (m.target === CLIENT_RECV) return { args: m.receiver.args, kind: "client" };
  const callee = childByField(m.receiver.call, "function");
  const object = callee?.type === "attribute" ? childByField(callee, "object") : void 0;
  if (!object) return void 0;
  const built = m.model.resolve(object, m.receiver.scope).find((r) => r.name === LISTENER && r.constructedBy);
  return built?.constructedBy ? { args: new CallArguments(built.constructedBy.call, m.model.tree.source), kind: "listener" } : void 0;
}
function check4(m) {
  const end = endpoint(m);
  const peer = m.target === CLIENT_RECV ? "the server it connects to" : "any client that connects";
  if (!end) return {};
  const authkey = end.args.find("authkey", AUTHKEY_POSITION[end.kind]);
  if (authkey && authkey.type !== "none") {
    return {
      severity: "medium",
      message: `${spelled(m)} unpickles what ${peer} sends; the connection is authenticated with an authkey, so only key holders can run code here. Keep the key secret, or exchange bytes with \`recv_bytes\` and decode them as JSON.`
    };
  }
  if (end.args.mayBeHidden("authkey", AUTHKEY_POSITION[end.kind])) {
    return { confidence: "medium", message: message6(m) };
  }
  return {};
}
function message6(m) {
  const peer = m.target === CLIENT_RECV ? "the server it connects to" : "any client that connects";
  return `${spelled(m)} unpickles whatever ${peer} sends, without an authkey: anyone who can reach the address runs code in this process. Use \`recv_bytes\` with a data-only format (JSON), and pass an \`authkey\` to Listener/Client.`;
}
function reachOf(m, address) {
  if (!address) return { reach: "internal" };
  const value = literalOf(m, address);
  if (value.type === "none") return { reach: "internal" };
  const path = constant2(m, value);
  if (path !== void 0) return { reach: "socket", host: path };
  const parts2 = elements(m, value);
  if (!parts2 || value.type === "binary_operator" || parts2.length < 2) return { reach: "unknown" };
  const host = constant2(m, parts2[0]);
  if (host === void 0) return { reach: "unknown" };
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "" || h === "0.0.0.0" || h === "::" || h === "0:0:0:0:0:0:0:0") return { reach: "all", host };
  if (h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h)) return { reach: "loopback", host };
  return { reach: "remote", host };
}
var REACH_SEVERITY = { all: "high", remote: "high", unknown: "medium", loopback: "medium", socket: "low" };
function reachText(r) {
  switch (r.reach) {
    case "all":
      return `it listens on every network interface (${JSON.stringify(r.host)}), so any host that can route to the port can connect`;
    case "remote":
      return `its address is the network host ${JSON.stringify(r.host)}, reachable from other machines`;
    case "loopback":
      return `its address is loopback (${JSON.stringify(r.host)}), reachable by every local user, process and container sharing the network namespace`;
    case "socket":
      return `its address is the Unix socket or pipe ${JSON.stringify(r.host)}, reachable by every local user allowed to open that path`;
    default:
      return "its address is computed at run time, so it may be a network interface";
  }
}
function authOf(m, authkey, hidden, manager) {
  const value = authkey ? literalOf(m, authkey) : void 0;
  if (value && value.type !== "none") {
    if (value.type === "string" || value.type === "concatenated_string") {
      return { confidence: "high", text: "The authkey is a literal in the source, so anyone who can read the code can authenticate; pickle runs after the handshake." };
    }
    return { confidence: "medium", text: "An authkey is set, which limits peers to key holders, but the data is still unpickled after authentication: a leaked key means code execution." };
  }
  if (hidden) return { confidence: "medium", text: "An authkey may be passed in `**kwargs`; even with one, the data is unpickled after authentication." };
  if (manager) {
    return {
      confidence: "medium",
      text: "No authkey is given, so the process's own `authkey` is used; pickle still runs for every peer that obtains or inherits that key."
    };
  }
  return { confidence: "high", text: "No authkey is set, so there is no handshake at all: any peer that connects is trusted." };
}
function checkListener(m) {
  const where = reachOf(m, m.args.find("address", 0));
  const authkey = m.args.find("authkey", AUTHKEY_POSITION.listener);
  const hidden = m.args.mayBeHidden("authkey", AUTHKEY_POSITION.listener);
  const keyed = authkey !== void 0 && literalOf(m, authkey).type !== "none" || hidden;
  const exposed = where.reach === "all" || where.reach === "remote";
  const unauthenticatedLocal = !keyed && (where.reach === "loopback" || where.reach === "socket");
  if (!exposed && !unauthenticatedLocal) return null;
  const auth = authOf(m, authkey, hidden, false);
  return {
    severity: keyed && !exposed ? "low" : REACH_SEVERITY[where.reach],
    confidence: auth.confidence,
    message: `${spelled(m)} accepts connections whose \`recv()\` unpickles what the peer sends, and ${reachText(where)}. ${auth.text} Bind to a private address with a strong secret authkey, and exchange data with \`send_bytes\`/\`recv_bytes\` as JSON.`
  };
}
var MANAGER_SERVER_METHODS = /* @__PURE__ */ new Set(["start", "get_server", "serve_forever"]);
function managerRole(m, ctor) {
  let role = "unknown";
  for (let p = ctor.parent; p && p.type !== "block" && p.type !== "module"; p = p.parent) if (p.type === "with_item") return "server";
  for (const { node, scope } of m.model.calls) {
    if (node.start < ctor.end) continue;
    const callee = childByField(node, "function");
    if (callee?.type !== "attribute") continue;
    const method = childByField(callee, "attribute");
    const name2 = method ? m.model.text(method) : "";
    if (name2 !== "connect" && !MANAGER_SERVER_METHODS.has(name2)) continue;
    for (const r of m.model.resolve(callee, scope)) {
      if (r.constructedBy?.call !== ctor) continue;
      if (MANAGER_SERVER_METHODS.has(name2)) return "server";
      role = "client";
    }
  }
  return role;
}
function checkManager(m) {
  const serializer = constant2(m, m.args.find("serializer", 2));
  if (serializer !== void 0 && serializer !== "pickle") return null;
  const where = reachOf(m, m.args.find("address", 0));
  if (where.reach === "internal") return null;
  const auth = authOf(m, m.args.find("authkey", 1), m.args.mayBeHidden("authkey", 1), true);
  const role = managerRole(m, m.node);
  const flow = role === "server" ? "is served here (`start()`, `get_server()`, `serve_forever()` or `with`): its server unpickles every request a connecting client sends" : role === "client" ? "is connected to here: `connect()` makes this process unpickle every reply the server at that address sends" : "pickles in both directions: its server unpickles client requests and its clients unpickle the server's replies";
  return {
    severity: REACH_SEVERITY[where.reach],
    confidence: auth.confidence,
    message: `${spelled(m)} creates a multiprocessing manager that ${flow}, and ${reachText(where)}. ${auth.text} Keep managers on a private address with a strong secret authkey, use \`serializer="xmlrpclib"\` for plain data, or expose a JSON API instead.`
  };
}
var PYTHON_LANG_SEC_073_default = defineRule({
  id: "PYTHON-LANG-SEC-073",
  name: "Multiprocessing Connection, Listener or Manager Unpickles Network Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "multiprocessing", "network", "pickle", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-008"],
  prefilter: ["multiprocessing"],
  sinks: [
    { call: [CLIENT_RECV, LISTENER_RECV], check: check4, message: message6 },
    { call: [LISTENER_CLASS], check: checkListener, message: () => "" },
    { call: MANAGERS, subclasses: true, check: checkManager, message: () => "" }
  ],
  docs: {
    summary: "Detects `Connection.recv()` on `multiprocessing.connection` sockets (from `Client(...)` or `Listener(...).accept()`), which unpickles whatever the peer sends, and listeners and managers (`BaseManager`, `SyncManager` and subclasses) that expose that pickle channel on an address others can reach.",
    description: '`multiprocessing.connection.Listener` and `Client` open TCP or Unix sockets (or Windows named pipes). Their `Connection.send`/`recv` pair pickles objects: `recv()` is `pickle.loads(self.recv_bytes())`. Without an `authkey`, no handshake happens, so any process that can reach the address can send a pickle that runs code in the receiver. This rule reports `recv()` on connections obtained from `Client(...)` or from `Listener(...).accept()`, followed through variables and `with` statements; it is high severity without an authkey and medium with one (the HMAC handshake limits the peer to key holders, but the data is still unpickled). `recv_bytes()` is not reported.\n\nIt also reports the channels themselves where they cross a trust boundary: a `Listener(...)` bound to every interface (`""`, `0.0.0.0`, `::`) or another host, or bound to loopback or a Unix socket without an authkey; and a `multiprocessing.managers` manager (`BaseManager`, `SyncManager`, `SharedMemoryManager` and classes derived from them, the documentation\'s `QueueManager` recipe) created with an `address`. A manager\'s server unpickles every request (`start()`, `get_server()`/`serve_forever()`, `with manager:`), and `connect()` unpickles every reply of the server. Severity follows reachability: every interface or a remote host is high, an address computed at run time medium, loopback medium, a Unix socket low. An authkey only lowers the confidence (pickle still runs after the handshake), except a literal authkey in the source, which anyone reading the code can use. `Pipe()`, `Queue()`, `Manager()` and managers without an address stay inside one process tree and are not reported, nor are managers with `serializer="xmlrpclib"`.',
    securityImplications: "A listener bound to a network interface without an authkey is an unauthenticated remote-code-execution service. Even on localhost or a Unix socket, every local user or container sharing the network namespace can connect. A client that calls `recv()` trusts the server completely: connecting to a spoofed or compromised address hands it code execution.",
    howToFix: "Exchange bytes with `send_bytes`/`recv_bytes` and encode them as JSON or msgpack. If objects must be pickled between cooperating processes, always pass a strong random `authkey` to both `Listener` and `Client` (the documentation's own recommendation), bind to a private address, and keep the key out of logs and repositories.",
    fixHint: "Use recv_bytes() with JSON; if pickling between trusted processes, always set a secret authkey.",
    vulnerableExample: [
      "from multiprocessing.connection import Listener",
      "",
      'with Listener(("0.0.0.0", 6000)) as listener:',
      "    with listener.accept() as conn:",
      "        job = conn.recv()  # any client's pickle runs here"
    ].join("\n"),
    safeExample: [
      "import json",
      "from multiprocessing.connection import Listener",
      "",
      'with Listener(("127.0.0.1", 6000), authkey=SECRET) as listener:',
      "    with listener.accept() as conn:",
      "        job = json.loads(conn.recv_bytes())  # data only, authenticated peer"
    ].join("\n"),
    detectionScope: "`recv()` calls whose receiver resolves to `multiprocessing.connection.Client(...)` or to `multiprocessing.connection.Listener(...).accept()`, through imports, aliases, assignments and `with ... as` bindings in the same file; listener and manager constructors with literal addresses (also through names bound to a tuple); the manager's role from `start`/`get_server`/`serve_forever`/`connect` calls on the object it built and from `with`. The `authkey` argument (keyword, or position 2 for Client / 3 for Listener) lowers the severity when present and not None; one possibly hidden in `**kwargs` lowers the confidence. Not covered: connections passed in from other modules or created with `multiprocessing.Pipe()` between a parent and its own children, and `multiprocessing.dummy`, which passes objects through queues without pickling. Managers whose class is defined in another module and that override `__init__` are followed only as far as the project index resolves them.",
    references: [
      { title: "Python documentation: multiprocessing.connection (Listeners and Clients, authentication keys)", url: "https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.connection" },
      { title: "Python documentation: multiprocessing managers (using a remote manager)", url: "https://docs.python.org/3/library/multiprocessing.html#using-a-remote-manager" },
      { title: "Python documentation: Connection.recv security warning", url: "https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.recv" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "We set an authkey. Why is it still reported?",
        answer: "With an authkey only peers that know the key can send data, which is why the severity drops to medium. The data is still unpickled, so anyone holding the key (or a leaked copy) can run code. Suppress with a justification if the key is managed as a secret."
      },
      {
        question: "Is `recv_bytes` reported?",
        answer: "No. It returns raw bytes and never unpickles."
      },
      {
        question: "What about `multiprocessing.Pipe()` and Queues?",
        answer: "They connect a process to the children it started, which already run its own code; they are not reported, and neither are `Manager()` or managers created without an address. Managers and listeners with an address others can reach are reported at the constructor: that is where untrusted peers appear."
      },
      {
        question: "Our manager listens on 0.0.0.0 but has an authkey. Why is it high severity?",
        answer: "Severity follows who can reach the port; the authkey lowers the confidence instead. After the HMAC handshake every request is unpickled, so anyone holding the key (a leaked environment variable, a key committed in the source) runs code in the server. A literal authkey keeps high confidence because reading the repository is enough."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-001.ts
var HUB_LOADERS = /* @__PURE__ */ new Set(["torch.hub.load_state_dict_from_url"]);
var FASTAI_LOADERS = [
  "fastai.learner.load_learner",
  "fastai.basic_train.load_learner",
  "fastai.basics.load_learner",
  "fastai.vision.all.load_learner",
  "fastai.text.all.load_learner",
  "fastai.tabular.all.load_learner",
  "fastai.collab.load_learner"
];
var WHISPER_OFFICIAL = /* @__PURE__ */ new Set([
  "tiny.en",
  "tiny",
  "base.en",
  "base",
  "small.en",
  "small",
  "medium.en",
  "medium",
  "large-v1",
  "large-v2",
  "large-v3",
  "large",
  "large-v3-turbo",
  "turbo"
]);
function whisperCheck(m) {
  const name2 = m.args.find("name", 0);
  const literal = name2?.type === "string" ? decodeStringLiteral(m.model.text(name2)) : void 0;
  if (literal !== void 0 && WHISPER_OFFICIAL.has(literal)) return null;
  return { severity: "medium", confidence: "medium" };
}
var ADVICE3 = "Pass `weights_only=True` (add trusted classes with `torch.serialization.add_safe_globals`) or store weights as safetensors.";
function check5(m) {
  const hub = HUB_LOADERS.has(m.target);
  const given = m.args.find("weights_only", hub ? 6 : void 0);
  const weightsOnly = given?.type === "none" ? void 0 : given;
  if (weightsOnly) {
    const truth = argumentTruth(m, weightsOnly);
    if (truth === true) return null;
    if (truth === false) {
      return {
        message: `${spelled(m)} with \`weights_only=False\` unpickles the file: a malicious checkpoint runs arbitrary code when loaded. ${ADVICE3}`
      };
    }
    return {
      severity: "medium",
      confidence: "medium",
      message: `${spelled(m)} takes \`weights_only\` from a value the analysis cannot evaluate; unless it is True, the file is unpickled and can run arbitrary code. ${ADVICE3}`
    };
  }
  if (!given && m.args.mayBeHidden("weights_only", hub ? 6 : void 0)) {
    return {
      severity: "medium",
      confidence: "medium",
      message: `${spelled(m)} may receive \`weights_only\` through \`*args\`/\`**kwargs\`; unless it is True, the file is unpickled and can run arbitrary code. ${ADVICE3}`
    };
  }
  const addWeightsOnly = fix("Pass weights_only=True", [appendKeywordArgument(m, "weights_only=True")]);
  if (hub) {
    return {
      message: `${spelled(m)} defaults to \`weights_only=False\`: the downloaded file is unpickled, so whoever controls the URL or the cache runs code. ${ADVICE3}`,
      ...addWeightsOnly ? { fix: addWeightsOnly } : {}
    };
  }
  if (m.args.find("pickle_module", 2)) {
    return {
      message: `${spelled(m)} with a custom \`pickle_module\` and no \`weights_only\` unpickles the file on every torch version: a malicious checkpoint runs arbitrary code. ${ADVICE3}`
    };
  }
  return {
    severity: "medium",
    message: `${spelled(m)} without \`weights_only\` unpickles the file on torch < 2.6 (and wherever TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD is set): a malicious checkpoint runs arbitrary code. ${ADVICE3}`,
    ...addWeightsOnly ? { fix: addWeightsOnly } : {}
  };
}
var PYTHON_ML_SEC_001_default = defineRule({
  id: "PYTHON-ML-SEC-001",
  name: "PyTorch Load Without weights_only",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pytorch", "torch", "ml", "model", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: ["B614"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-002", "PYTHON-ML-SEC-004", "PYTHON-ML-SEC-006"],
  prefilter: ["torch", "model_zoo", "load_state_dict_from_url", "load_learner", "whisper"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["torch.load", "torch.hub.load_state_dict_from_url"], check: check5, message: (m) => `${spelled(m)} unpickles the file. ${ADVICE3}` },
    {
      // openai-whisper: a path (not an official model name) is read by torch.load without weights_only.
      call: ["whisper.load_model"],
      check: whisperCheck,
      message: (m) => `${spelled(m)} reads a checkpoint that is not one of OpenAI's named models with \`torch.load\` and no \`weights_only\`: on torch before 2.6 a crafted checkpoint file runs arbitrary code when loaded. Load an official model by name (its download is checked against a pinned hash), or only checkpoints you produced.`
    },
    {
      // fastai's exported learner: torch.load with a pickle_module (recent fastai releases pass weights_only=False instead).
      call: FASTAI_LOADERS,
      message: (m) => `${spelled(m)} calls \`torch.load\` with a \`pickle_module\` (or \`weights_only=False\`): the exported learner is fully unpickled on every torch version, so a crafted \`.pkl\` runs arbitrary code when loaded. Load only learners you exported yourself (check a pinned hash), or rebuild the \`Learner\` in code and load its weights with \`torch.load(path, weights_only=True)\` or safetensors.`
    }
  ],
  docs: {
    summary: "Detects `torch.load` (and `torch.hub.load_state_dict_from_url`) calls that do not pass `weights_only=True`, which unpickle the checkpoint and can run arbitrary code.",
    description: "PyTorch checkpoints (`.pt`, `.pth`, `.bin`, `.ckpt`) are zip archives around a pickle. `torch.load` with `weights_only=False` runs the full unpickler, so a checkpoint can execute code the moment it is loaded. `weights_only=True` switches to a restricted unpickler that rebuilds only tensors, primitive containers and explicitly allowed classes. Since torch 2.6 `weights_only=True` is the default, but older versions, the `TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD` environment variable and a custom `pickle_module` all fall back to full unpickling. `torch.hub.load_state_dict_from_url` (alias `torch.utils.model_zoo.load_url`) still defaults to `weights_only=False` and downloads the file first. This rule reports: `weights_only=False` (high), a missing argument on `torch.load` (medium; high with a custom `pickle_module`), a missing argument on `load_state_dict_from_url` (high), and a value it cannot evaluate or one hidden in `**kwargs` (medium severity, medium confidence).",
    securityImplications: "Model files are downloaded from hubs, shared in issues, attached to datasets and swapped in caches. A poisoned checkpoint carries a `__reduce__` payload that runs when the file is loaded, before any weights are used: it can steal cloud credentials and API tokens from the training machine, plant a backdoor, or tamper with other models. Public hubs have hosted such files, and tools that load checkpoints automatically (evaluation services, conversion bots, notebooks) have been compromised this way.",
    howToFix: {
      steps: [
        "Load with `torch.load(path, weights_only=True)`.",
        "If the checkpoint contains your own classes, allow exactly those with `torch.serialization.add_safe_globals([MyConfig])` or the `torch.serialization.safe_globals` context manager instead of disabling the restriction.",
        "Better still, store weights with `safetensors` (`safetensors.torch.save_file` / `load_file`), which cannot carry code.",
        "Never load a checkpoint with `weights_only=False` unless you produced it yourself and its integrity is verified (a pinned hash)."
      ]
    },
    fixHint: "Pass weights_only=True to torch.load (allow extra classes with torch.serialization.add_safe_globals), or use safetensors.",
    vulnerableExample: [
      "import torch",
      "",
      "def load_checkpoint(path):",
      '    return torch.load(path, map_location="cpu", weights_only=False)  # full unpickling'
    ].join("\n"),
    safeExample: [
      "import torch",
      "",
      "def load_checkpoint(path):",
      '    return torch.load(path, map_location="cpu", weights_only=True)  # tensors and plain containers only'
    ].join("\n"),
    detectionScope: "Calls of `torch.load`, `torch.serialization.load`, `torch.hub.load_state_dict_from_url` and `torch.utils.model_zoo.load_url`, and fastai's `load_learner` (`fastai.learner`, `fastai.basic_train`, and the `fastai.vision.all`/`text.all`/`tabular.all`/`collab`/`basics` re-exports: always high, it passes a `pickle_module` or `weights_only=False`), and openai-whisper's `whisper.load_model` of anything but an official model name (medium: a path is read by `torch.load` without `weights_only`; named models are hash-checked downloads), resolved through imports, aliases, rebinding and constant dynamic imports. The `weights_only` keyword is evaluated when it is a literal (`None` counts as missing: it selects the version default); `pickle_module` is read as keyword or position 2. A call whose arguments come through `*args`/`**kwargs` is reported at medium confidence: the option may be set there, but the analysis cannot see it. Fix: a missing `weights_only` is added as `weights_only=True`; an explicit `weights_only=False` gets no automatic fix because the checkpoint may need classes that must first be allowed. Checkpoint files themselves are scanned by the artifact rules.",
    references: [
      { title: "PyTorch documentation: torch.load (weights_only and security warning)", url: "https://pytorch.org/docs/stable/generated/torch.load.html" },
      { title: "PyTorch documentation: weights_only unpickler and add_safe_globals", url: "https://pytorch.org/docs/stable/notes/serialization.html#weights-only" },
      { title: "PyTorch documentation: torch.hub.load_state_dict_from_url", url: "https://pytorch.org/docs/stable/hub.html#torch.hub.load_state_dict_from_url" },
      { title: "Bandit B614: pytorch_load", url: "https://bandit.readthedocs.io/en/latest/plugins/b614_pytorch_load.html" },
      { title: "safetensors documentation", url: "https://huggingface.co/docs/safetensors/index" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "We run torch 2.6 or later, where weights_only defaults to True. Why is a plain torch.load reported?",
        answer: "The call is safe only where it runs on torch >= 2.6 and `TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD` is not set. Stating `weights_only=True` makes the code safe on every version and documents the intent; that is why the finding is medium severity and comes with an automatic fix."
      },
      {
        question: "Our checkpoint stores an optimizer, a config object or numpy values and fails with weights_only=True.",
        answer: "Allow the specific classes with `torch.serialization.add_safe_globals` (the error message names them) instead of disabling the restriction, or save only `state_dict()`s and plain values."
      },
      {
        question: "Why is `torch.load(f, **options)` reported?",
        answer: "`weights_only` may or may not be inside `options`; the analysis cannot tell, so it reports at medium confidence. Pass `weights_only=True` explicitly to make the call self-evidently safe."
      },
      {
        question: "Is `torch.save` reported?",
        answer: "No. Saving runs no attacker-controlled code."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-002.ts
var ADVICE4 = "Keep the default `allow_pickle=False` and store object data in a data-only format (JSON, Parquet, safetensors).";
var ALLOW_PICKLE_POSITION = { "numpy.load": 2, "numpy.lib.format.read_array": 1 };
function check6(m) {
  const position = ALLOW_PICKLE_POSITION[m.target];
  const allowPickle = m.args.find("allow_pickle", position);
  if (!allowPickle) {
    if (!m.args.mayBeHidden("allow_pickle", position)) return null;
    return {
      severity: "medium",
      confidence: "low",
      message: `${spelled(m)} may receive \`allow_pickle\` through \`*args\`/\`**kwargs\`; if it is True, object arrays in the file are unpickled and can run arbitrary code. ${ADVICE4}`
    };
  }
  const truth = argumentTruth(m, allowPickle);
  if (truth === false) return null;
  if (truth === true) {
    const toFalse = allowPickle.type === "true" ? fix("Set allow_pickle=False", [replaceNode(allowPickle, "False")]) : void 0;
    return {
      message: `${spelled(m)} with \`allow_pickle=True\` unpickles object arrays stored in the file: a crafted .npy/.npz runs arbitrary code when loaded. ${ADVICE4}`,
      ...toFalse ? { fix: toFalse } : {}
    };
  }
  return {
    confidence: "medium",
    message: `${spelled(m)} sets \`allow_pickle\` from a value that is not literally False; when it is true, object arrays in the file are unpickled and can run arbitrary code. ${ADVICE4}`
  };
}
var legacyMessage = (m) => `${spelled(m)} is a legacy NumPy alias of \`pickle.loads\`/\`pickle.load\`: it runs whatever code the bytes describe. Use \`numpy.load\` on .npy files with \`allow_pickle=False\`.`;
var PYTHON_ML_SEC_002_default = defineRule({
  id: "PYTHON-ML-SEC-002",
  name: "NumPy Load With allow_pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "numpy", "ml", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-001", "PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-009"],
  prefilter: ["numpy", "read_array"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: Object.keys(ALLOW_PICKLE_POSITION), check: check6, message: (m) => `${spelled(m)} may unpickle object arrays. ${ADVICE4}` },
    { call: ["numpy.loads", "numpy.ma.loads", "numpy.ma.load", "numpy.core.multiarray.loads"], references: true, message: legacyMessage }
  ],
  docs: {
    summary: "Detects `numpy.load` (and `numpy.lib.format.read_array`) with `allow_pickle` enabled, and the legacy pickle aliases `numpy.loads`/`numpy.ma.loads`, which run arbitrary code from the file.",
    description: "`.npy` and `.npz` files hold raw numeric arrays, but arrays of dtype `object` are stored as a pickle. With `allow_pickle=True`, `numpy.load` unpickles them, and a crafted file runs code as soon as it is loaded. NumPy changed the default to `allow_pickle=False` in 1.16.3 because of CVE-2019-6446; code that turns it back on, often just to silence a `ValueError`, reopens the hole. This rule reports `numpy.load` / `numpy.lib.format.read_array` when `allow_pickle` (keyword, or position 2 / 1) is `True` or any value not literally false, and the legacy `numpy.loads`, `numpy.ma.loads` and `numpy.ma.load`, which were plain pickle aliases.",
    securityImplications: "Datasets, embeddings and feature caches are routinely exchanged as `.npy`/`.npz` files downloaded from the internet or shared between teams. With pickling allowed, any of them can execute code on the machine that loads it: exfiltrate credentials from a training cluster, alter other data, or persist in the environment.",
    howToFix: "Remove `allow_pickle=True` (the default is False). If loading fails because the file contains object arrays, fix the producer: save numeric arrays only (`np.save(path, arr.astype(np.float32))`), or move strings and nested structures to JSON, Parquet or safetensors. Load object arrays only from files you produced and whose hash you verify.",
    fixHint: "Drop allow_pickle=True (the default False is safe); save object data as JSON/Parquet instead.",
    vulnerableExample: [
      "import numpy as np",
      "",
      "def load_features(path):",
      "    return np.load(path, allow_pickle=True)  # object arrays are unpickled"
    ].join("\n"),
    safeExample: [
      "import numpy as np",
      "",
      "def load_features(path):",
      "    return np.load(path)  # allow_pickle=False: numeric arrays only"
    ].join("\n"),
    detectionScope: 'Calls of `numpy.load` (also `numpy.lib.npyio.load`) and `numpy.lib.format.read_array` resolved through imports, aliases (`import numpy as np`), rebinding and constant dynamic imports; `allow_pickle` is read as keyword or by position. Literal false values (`False`, `0`, `None`) and the default are safe; a non-literal value is reported at medium confidence; options passed through `*args`/`**kwargs` at low confidence, except a dict literal spread into the call (`**{"allow_pickle": False}`) or a name bound once to one (`**LOAD_OPTIONS`), whose keys are read like keywords. Legacy pickle aliases `numpy.loads`, `numpy.ma.loads`, `numpy.ma.load` are always reported. Fix: a literal `allow_pickle=True` becomes `allow_pickle=False`, which loads every numeric file exactly as before. The `.npy` files themselves are scanned by the artifact rules.',
    references: [
      { title: "NumPy documentation: numpy.load (allow_pickle warning)", url: "https://numpy.org/doc/stable/reference/generated/numpy.load.html" },
      { title: "NumPy documentation: the .npy format and object arrays", url: "https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html" },
      { title: "CVE-2019-6446: numpy.load pickle default", url: "https://nvd.nist.gov/vuln/detail/CVE-2019-6446" },
      { title: "NumPy 1.16.3 release notes: allow_pickle defaults to False", url: "https://numpy.org/doc/stable/release/1.16.3-notes.html" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: 'numpy.load raised "Object arrays cannot be loaded when allow_pickle=False". Should we set it to True?',
        answer: "Only for files you produced yourself and whose integrity you verify. The error means the file contains a pickle; change how it is written (numeric dtypes, or JSON/Parquet for strings and structures) instead."
      },
      {
        question: "Is `numpy.load(path)` without allow_pickle reported?",
        answer: "No. Since NumPy 1.16.3 the default is False, which refuses object arrays."
      },
      {
        question: "Why is `np.load(path, allow_pickle=flag)` reported?",
        answer: "The analysis cannot prove `flag` is false. It is reported at medium confidence; if the value is a constant False, write it literally."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-003.ts
var message7 = unpicklingMessage(
  "pickle (pandas.read_pickle is pickle.load with decompression)",
  "Never read pickles from untrusted sources; exchange DataFrames as Parquet, Feather, CSV or JSON."
);
var PYTHON_ML_SEC_003_default = defineRule({
  id: "PYTHON-ML-SEC-003",
  name: "Pandas read_pickle of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pandas", "ml", "data", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-004", "PYTHON-ML-SEC-010"],
  prefilter: ["pandas", "read_pickle", "pickle_compat"],
  judgeTrust: judgeInputTrust,
  sinks: [
    {
      call: ["pandas.read_pickle", "pandas.compat.pickle_compat.load", "pandas.compat.pickle_compat.loads"],
      references: true,
      message: message7
    }
  ],
  docs: {
    summary: "Detects `pandas.read_pickle`, which unpickles its input and runs any code a crafted file contains.",
    description: "`pandas.read_pickle` opens a path, URL or buffer, decompresses it if needed, and calls `pickle.load`. It accepts any pickle, not only DataFrames, so a file named `data.pkl` is an executable as far as Python is concerned. This rule reports `pandas.read_pickle` (also as `pd.read_pickle`, `pandas.io.pickle.read_pickle`, Modin's `modin.pandas.read_pickle`) and pandas' internal `pandas.compat.pickle_compat.load`/`loads`, through aliases, rebinding, constant dynamic imports, and when passed as a callback.",
    securityImplications: 'Pickled DataFrames are shared through notebooks, object storage buckets, dataset hubs and email. `read_pickle` also accepts URLs (`pd.read_pickle("https://...")`, `s3://...`), so a changed remote object is enough to run code on every machine that loads it: analysts\' laptops, scheduled jobs, training clusters with cloud credentials.',
    howToFix: {
      steps: [
        "Store and exchange tabular data as Parquet (`df.to_parquet` / `pd.read_parquet`), Feather, CSV or JSON, none of which can carry code.",
        "Keep `read_pickle` for short-lived local caches that only your process writes, in a directory nobody else can write."
      ]
    },
    fixHint: "Use Parquet/Feather/CSV (pd.read_parquet) instead of pickle for data others can provide.",
    vulnerableExample: [
      "import pandas as pd",
      "",
      "def load_dataset(url):",
      "    return pd.read_pickle(url)  # a crafted pickle runs code"
    ].join("\n"),
    safeExample: [
      "import pandas as pd",
      "",
      "def load_dataset(url):",
      "    return pd.read_parquet(url)  # columnar data only"
    ].join("\n"),
    detectionScope: "Calls of `pandas.read_pickle`, `pandas.io.pickle.read_pickle`, `modin.pandas.read_pickle` and `pandas.compat.pickle_compat.load`/`loads`, resolved through imports, aliases, rebinding and constant dynamic imports, and these functions passed uncalled as a callback (medium confidence). `DataFrame.to_pickle` and `DataFrame.read_pickle`-like methods of other objects are not findings. HDF5 stores that may unpickle object columns are covered by PYTHON-ML-SEC-010.",
    references: [
      { title: "pandas documentation: read_pickle (security warning)", url: "https://pandas.pydata.org/docs/reference/api/pandas.read_pickle.html" },
      { title: "pandas documentation: IO tools, pickling", url: "https://pandas.pydata.org/docs/user_guide/io.html#pickling" },
      { title: "Bandit B301: pickle (includes pandas.read_pickle)", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
      { title: "Ruff S301: suspicious-pickle-usage", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "read_pickle is much faster than CSV. What should we use instead?",
        answer: "Parquet or Feather are as fast or faster for typical DataFrames, keep dtypes, and cannot execute code."
      },
      {
        question: "Is `df.to_pickle(path)` reported?",
        answer: "No. Writing a pickle runs no attacker-controlled code; only reading is reported."
      },
      {
        question: "The pickle is a cache our own job writes. Is this a false positive?",
        answer: "If nobody else can write that location, the risk is low: suppress the finding with that justification."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-004.ts
var message8 = unpicklingMessage(
  "joblib, which stores models as pickles",
  "Load only models you produced and verified (pinned hash); to share scikit-learn models, use skops.io, ONNX or another format without code."
);
var PYTHON_ML_SEC_004_default = defineRule({
  id: "PYTHON-ML-SEC-004",
  name: "Joblib Load of Untrusted Model",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "joblib", "scikit-learn", "ml", "model", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-001", "PYTHON-ML-SEC-003", "PYTHON-ML-SEC-011"],
  prefilter: ["joblib"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["joblib.load"], references: true, message: message8 }],
  docs: {
    summary: "Detects `joblib.load` (also `sklearn.externals.joblib.load`), which unpickles model files and runs any code they contain.",
    description: "joblib is the standard way to persist scikit-learn models (`.joblib`, `.pkl`). Its format is pickle with numpy arrays stored alongside, and `joblib.load` runs the full unpickler: a model file can execute code when loaded. This rule reports `joblib.load`, also reached as `sklearn.externals.joblib.load`, `joblib.numpy_pickle.load`, through aliases, rebinding, constant dynamic imports, and when passed as a callback.",
    securityImplications: "Models are downloaded from hubs, shared between teams and fetched by serving infrastructure from object storage. Anyone who can replace the file (a compromised bucket, a malicious upload, a typo-squatted hub repository) runs code in the training or serving environment, usually one with data access and cloud credentials.",
    howToFix: {
      steps: [
        "Load only files you produced, from storage only you can write.",
        "Verify a pinned SHA-256 before loading.",
        "To exchange scikit-learn models, use `skops.io.dump`/`skops.io.load` (which refuses unknown types unless you trust them explicitly) or export to ONNX.",
        "Keep training data and parameters in data-only formats."
      ]
    },
    fixHint: "Verify a pinned hash before joblib.load, or share models with skops.io/ONNX instead of pickle.",
    vulnerableExample: [
      "import joblib",
      "",
      "def load_model(path):",
      "    return joblib.load(path)  # any pickle payload runs here"
    ].join("\n"),
    safeExample: [
      "import skops.io as sio",
      "",
      "def load_model(path):",
      "    unknown = sio.get_untrusted_types(file=path)",
      "    if unknown:",
      '        raise ValueError(f"refusing untrusted types: {unknown}")',
      "    return sio.load(path)"
    ].join("\n"),
    detectionScope: "Calls of `joblib.load`, `joblib.numpy_pickle.load` and `sklearn.externals.joblib.load`, resolved through imports, aliases, rebinding and constant dynamic imports, and `joblib.load` passed uncalled as a callback (medium confidence). `joblib.dump`, `joblib.Memory` and `joblib.Parallel` are not findings. Every call is reported, since the analysis does not prove where the file comes from; `.joblib`/`.pkl` files themselves are scanned by the artifact rules.",
    references: [
      { title: "joblib documentation: persistence (security warning)", url: "https://joblib.readthedocs.io/en/stable/persistence.html" },
      { title: "scikit-learn documentation: model persistence and security", url: "https://scikit-learn.org/stable/model_persistence.html" },
      { title: "skops documentation: secure persistence", url: "https://skops.readthedocs.io/en/stable/persistence.html" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "joblib is not pickle, is it?",
        answer: "It is pickle with efficient storage for numpy arrays. Loading a joblib file runs the pickle virtual machine with all its risks."
      },
      {
        question: "We only load models our own training pipeline wrote.",
        answer: "Then the trust boundary is the storage: make sure only the pipeline can write it, verify a hash recorded at training time, and suppress the finding with that justification."
      },
      { question: "Is `joblib.dump` reported?", answer: "No. Only loading is reported." }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-005.ts
var message9 = unpicklingMessage(
  "cloudpickle (pickle, plus code objects for functions and classes)",
  "Never load cloudpickle data from an untrusted source; send data in JSON/msgpack and refer to code by name."
);
var MLFLOW_UNPICKLING_LOADERS = [
  "mlflow.pyfunc.load_model",
  "mlflow.pyfunc.load_pyfunc",
  "mlflow.sklearn.load_model",
  "mlflow.pytorch.load_model",
  "mlflow.statsmodels.load_model",
  "mlflow.dspy.load_model"
];
var mlflowMessage = (m) => `${spelled(m)} loads an MLflow model whose flavor unpickles its files (cloudpickle, pickle or \`torch.load\`): a crafted model in a registry, run or path runs arbitrary code when it is loaded (recent MLflow releases refuse it when \`MLFLOW_ALLOW_PICKLE_DESERIALIZATION\` is false). Load only models your own pipeline logged, from a registry only it can write to.`;
var PYTHON_ML_SEC_005_default = defineRule({
  id: "PYTHON-ML-SEC-005",
  name: "Cloudpickle Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "cloudpickle", "ml", "distributed", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-046"],
  prefilter: ["cloudpickle", "srsly", "mlflow"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["cloudpickle.load", "cloudpickle.loads", "srsly.pickle_loads"], references: true, message: message9 },
    { call: MLFLOW_UNPICKLING_LOADERS, check: () => ({ severity: "medium", confidence: "medium" }), message: mlflowMessage }
  ],
  docs: {
    summary: "Detects cloudpickle deserialization (`cloudpickle.loads`, `cloudpickle.load`, and wrappers such as `srsly.pickle_loads`), which runs arbitrary code from its input.",
    description: "cloudpickle serializes functions, lambdas and classes by value so that they can run on other machines; it is the transport of Ray, Dask, PySpark, joblib's process backend and MLflow's Python models. `cloudpickle.loads` is `pickle.loads`: the payload decides which code runs. This rule reports `cloudpickle.load`/`loads`, also reached through `cloudpickle.cloudpickle`, vendored copies (`ray.cloudpickle`, `pyspark.cloudpickle`, `joblib.externals.cloudpickle`, `srsly.cloudpickle`), spaCy's `srsly.pickle_loads`, aliases, rebinding, constant dynamic imports, and when passed as a callback.",
    securityImplications: "In distributed systems the deserializing side is often a privileged worker or driver. Anyone who can inject a message (an exposed scheduler port, a shared queue, a model artifact in a registry) runs code on every worker that loads it, with access to the cluster's data and credentials.",
    howToFix: {
      steps: [
        "Keep cloudpickle traffic on authenticated, private channels between components you control.",
        "Never load cloudpickle files from users or the internet.",
        "To exchange data, use JSON, msgpack, Arrow or safetensors.",
        "Refer to functions by a registered name instead of shipping their code."
      ]
    },
    fixHint: "Exchange data (JSON, msgpack, Arrow) and reference code by name; load cloudpickle only over private, authenticated channels.",
    vulnerableExample: [
      "import cloudpickle",
      "",
      "def handle(request):",
      "    job = cloudpickle.loads(request.body)  # the client decides what runs",
      "    return job()"
    ].join("\n"),
    safeExample: [
      "import json",
      "",
      'JOBS = {"score": score_batch}',
      "",
      "def handle(request):",
      "    spec = json.loads(request.body)",
      '    return JOBS[spec["job"]](spec["rows"])  # only registered code runs'
    ].join("\n"),
    detectionScope: "Calls of `cloudpickle.load`, `cloudpickle.loads` and `srsly.pickle_loads`, resolved through imports (including vendored copies listed above), aliases, rebinding and constant dynamic imports, and these functions passed uncalled as a callback (medium confidence). `cloudpickle.dump`/`dumps` are not findings. Deserialization hidden inside frameworks (Ray, Dask, Spark) is not reported: only direct calls are. MLflow's `load_model` of the flavors that unpickle (`mlflow.pyfunc`, `sklearn`, `pytorch`, `statsmodels`, `dspy`) is reported with medium severity: what the model's files hold decides what runs.",
    references: [
      { title: "cloudpickle README (security notice)", url: "https://github.com/cloudpipe/cloudpickle#readme" },
      { title: "srsly: pickle_loads", url: "https://github.com/explosion/srsly#pickle" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "cloudpickle is how our framework ships functions. What can we do?",
        answer: "Make sure only trusted components can reach the channel (authentication, private networks, TLS), and never accept cloudpickle payloads from users. Suppress reviewed internal uses with a justification."
      },
      { question: "Is `cloudpickle.dumps` reported?", answer: "No. Only loading is reported." }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-006.ts
var message10 = unpicklingMessage(
  "torch.package, which unpickles the archive's objects and imports the Python source it ships",
  "Load only packages you built or verified (pinned hash); share weights as safetensors instead."
);
var PYTHON_ML_SEC_006_default = defineRule({
  id: "PYTHON-ML-SEC-006",
  name: "torch.package Import of Untrusted Archive",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pytorch", "torch", "ml", "model", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-001", "PYTHON-LANG-SEC-040"],
  prefilter: ["torch", "PackageImporter"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["torch.package.PackageImporter"], subclasses: true, message: message10 }],
  docs: {
    summary: "Detects `torch.package.PackageImporter`, which loads pickled objects and executes Python code shipped inside a `.pt` package.",
    description: "`torch.package` bundles a model's pickled objects together with the Python source needed to rebuild them. A `PackageImporter` opened on such an archive runs that source when `import_module` or `load_pickle` is called, and `load_pickle` runs the full unpickler (there is no `weights_only` mode). The PyTorch documentation states that torch.package is not secure and that packages must be trusted. This rule reports constructing a `PackageImporter` (also as `torch.package.package_importer.PackageImporter`, aliases, local subclasses); the `load_pickle`/`import_module` calls on it are part of the same finding.",
    securityImplications: "A package received from someone else is a program: loading it runs its code with the privileges of the process, on training machines and serving hosts that typically hold data and credentials.",
    howToFix: "Open only packages you produced, from storage only you can write, and verify a pinned SHA-256 before loading. To exchange models, ship weights as `safetensors` and the architecture as reviewed code in your repository, or use a format without embedded code (ONNX).",
    fixHint: "Load only packages you built and verified; exchange weights as safetensors plus reviewed model code.",
    vulnerableExample: [
      "from torch.package import PackageImporter",
      "",
      "def load_shared_model(path):",
      "    importer = PackageImporter(path)  # ships and runs its own code",
      '    return importer.load_pickle("model", "model.pkl")'
    ].join("\n"),
    safeExample: [
      "from safetensors.torch import load_file",
      "",
      "def load_shared_model(path):",
      "    model = MyModel()  # architecture from reviewed code",
      "    model.load_state_dict(load_file(path))  # tensors only",
      "    return model"
    ].join("\n"),
    detectionScope: "Calls of `torch.package.PackageImporter` (and `torch.package.package_importer.PackageImporter`) resolved through imports, aliases, rebinding and constant dynamic imports, and instantiation of local subclasses. `PackageExporter` is not a finding. Archives themselves are scanned by the artifact rules.",
    references: [
      { title: "PyTorch documentation: torch.package (security warning)", url: "https://pytorch.org/docs/stable/package.html" },
      { title: "safetensors documentation", url: "https://huggingface.co/docs/safetensors/index" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "Why is the constructor reported rather than load_pickle?",
        answer: "Opening the archive is the decision to trust it: every useful operation on the importer runs its code or unpickles its data. One finding per archive keeps the review focused."
      },
      { question: "Is `PackageExporter` reported?", answer: "No. Writing a package runs no code from untrusted input." }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-007.ts
var ADVICE5 = "Keep `safe_mode=True` (the default) and replace Lambda layers with registered custom layers.";
var SAFE_MODE_POSITION = {
  "keras.models.load_model": 3,
  "keras.saving.load_model": 3,
  "keras.saving.deserialize_keras_object": 2
};
function check7(m) {
  const position = SAFE_MODE_POSITION[m.target];
  const safeMode = m.args.find("safe_mode", position);
  if (!safeMode) return null;
  const truth = argumentTruth(m, safeMode);
  if (truth === true) return null;
  if (truth === false) {
    return {
      message: `${spelled(m)} with \`safe_mode=False\` deserializes Lambda layers, whose Python bytecode is stored in the file: loading a crafted model runs arbitrary code. ${ADVICE5}`
    };
  }
  return {
    confidence: "medium",
    message: `${spelled(m)} takes \`safe_mode\` from a value the analysis cannot evaluate; when it is False, Lambda bytecode stored in the file runs on load. ${ADVICE5}`
  };
}
var PYTHON_ML_SEC_007_default = defineRule({
  id: "PYTHON-ML-SEC-007",
  name: "Keras Model Loading With safe_mode Disabled",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "keras", "tensorflow", "ml", "model", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-001", "PYTHON-ML-SEC-004"],
  prefilter: ["keras"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: Object.keys(SAFE_MODE_POSITION), check: check7, message: (m) => `${spelled(m)} may deserialize Lambda bytecode. ${ADVICE5}` },
    {
      call: ["keras.config.enable_unsafe_deserialization"],
      message: (m) => `${spelled(m)} turns off safe mode for every later model load in the process: Lambda bytecode in any loaded file then runs. ${ADVICE5}`
    }
  ],
  docs: {
    summary: "Detects Keras model loading with `safe_mode=False` and `keras.config.enable_unsafe_deserialization()`, which let a model file run arbitrary Python bytecode.",
    description: "Keras stores `Lambda` layers by serializing their Python function's bytecode into the model file. Keras 3 (and tf.keras since 2.13) refuses to rebuild them unless `safe_mode=False` is passed or unsafe deserialization is enabled globally, because rebuilding them executes attacker-chosen code (CVE-2024-3660 covered the missing check in earlier versions). This rule reports `keras.models.load_model`, `keras.saving.load_model`, and `keras.saving.deserialize_keras_object` when `safe_mode` is False or not a literal (medium confidence), and every call of `keras.config.enable_unsafe_deserialization()`. `tf.keras`, `tensorflow.keras` and `tf_keras` are treated as Keras.",
    securityImplications: "Model files are downloaded from hubs and shared between teams. With safe mode disabled, opening a `.keras` file runs whatever bytecode its Lambda layers carry, with access to the training data, credentials and network of the loading machine.",
    howToFix: "Do not disable safe mode. Replace `Lambda` layers with subclassed layers registered through `keras.saving.register_keras_serializable()` so that their code lives in your repository and the file stores only configuration. If a legacy model needs it, load it once in an isolated environment and re-save it without Lambda layers.",
    fixHint: "Keep safe_mode=True; replace Lambda layers with registered custom layers.",
    vulnerableExample: [
      "import keras",
      "",
      "def load(path):",
      "    return keras.models.load_model(path, safe_mode=False)  # Lambda bytecode runs"
    ].join("\n"),
    safeExample: [
      "import keras",
      "",
      "def load(path):",
      "    return keras.models.load_model(path)  # safe_mode=True: no stored bytecode runs"
    ].join("\n"),
    detectionScope: "Calls of the listed Keras functions (also through `tensorflow.keras`, `tf.keras`, `tf_keras`, aliases, rebinding) with `safe_mode` given as keyword or by position and literally false, or non-literal (medium confidence); the default (`safe_mode=True`) is not reported. Calls of `keras.config.enable_unsafe_deserialization` are always reported. Not covered: legacy HDF5 (`.h5`) models loaded by Keras 2 / TensorFlow < 2.13, which ignore `safe_mode`, because the file format is not visible from the call.",
    references: [
      { title: "Keras documentation: load_model and safe_mode", url: "https://keras.io/api/models/model_saving_apis/model_saving_and_loading/" },
      { title: "Keras documentation: enable_unsafe_deserialization", url: "https://keras.io/api/utils/config_utils/" },
      { title: "CVE-2024-3660: Keras arbitrary code injection via Lambda layers", url: "https://nvd.nist.gov/vuln/detail/CVE-2024-3660" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "Our model has a Lambda layer and fails to load without safe_mode=False.",
        answer: "Move the function into a custom layer class registered with `register_keras_serializable`, rebuild the model from trusted code, and re-save it. Then it loads in safe mode."
      },
      {
        question: "Is `load_model(path)` without safe_mode reported?",
        answer: "No. The default `safe_mode=True` refuses stored bytecode."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-008.ts
var OBJECT_COLLECTIVES = [
  "torch.distributed.recv_object_list",
  "torch.distributed.broadcast_object_list",
  "torch.distributed.gather_object",
  "torch.distributed.scatter_object_list",
  "torch.distributed.all_gather_object"
];
var message11 = (m) => `${spelled(m)} unpickles the objects other ranks send: any participant of the process group (or anyone who can join its rendezvous) can run code here. Exchange tensors with the tensor collectives (broadcast, all_gather) and keep the rendezvous endpoint private.`;
var PYTHON_ML_SEC_008_default = defineRule({
  id: "PYTHON-ML-SEC-008",
  name: "torch.distributed Object Collectives Unpickle Peer Data",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pytorch", "torch", "distributed", "ml", "pickle", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-073", "PYTHON-ML-SEC-001"],
  prefilter: ["torch"],
  sinks: [{ call: OBJECT_COLLECTIVES, message: message11 }],
  docs: {
    summary: "Detects torch.distributed object collectives (`broadcast_object_list`, `all_gather_object`, `gather_object`, `scatter_object_list`, `recv_object_list`), which pickle and unpickle objects between ranks.",
    description: "Tensor collectives move raw tensor memory; the `*_object*` collectives instead pickle arbitrary Python objects on the sending rank and unpickle them on the receiving ranks. The PyTorch documentation warns that they use pickle implicitly and must only be called with data you trust. This rule reports every call of these functions (also via `torch.distributed.distributed_c10d`, `import torch.distributed as dist`, aliases and rebinding). Severity is medium: the peers are normally the job's own ranks, but any compromised rank, or anyone who can join an exposed rendezvous (TCPStore, c10d) endpoint, can run code on all the others.",
    securityImplications: "Training jobs span many machines that share credentials and data. Code execution through a poisoned object propagates from one rank to every rank that receives it, and an unauthenticated rendezvous port reachable from other networks lets an outsider join the group.",
    howToFix: "Exchange tensors with `broadcast`, `all_gather`, `send`/`recv`, encoding metadata as integer or byte tensors or as JSON in a byte tensor. Keep the rendezvous (`MASTER_ADDR`/`MASTER_PORT`, TCPStore) on a private network. Use object collectives only for objects built by your own code on trusted ranks.",
    fixHint: "Exchange tensors (or JSON in byte tensors) instead of pickled objects; keep the rendezvous private.",
    vulnerableExample: [
      "import torch.distributed as dist",
      "",
      "def share_config(config):",
      "    objects = [config]",
      "    dist.broadcast_object_list(objects, src=0)  # receivers unpickle",
      "    return objects[0]"
    ].join("\n"),
    safeExample: [
      "import json",
      "import torch",
      "import torch.distributed as dist",
      "",
      "def share_config(config, size=4096):",
      "    buf = torch.zeros(size, dtype=torch.uint8)",
      "    if dist.get_rank() == 0:",
      "        raw = json.dumps(config).encode()",
      "        buf[: len(raw)] = torch.tensor(list(raw), dtype=torch.uint8)",
      "    dist.broadcast(buf, src=0)  # raw bytes, decoded as JSON",
      '    return json.loads(bytes(buf.tolist()).rstrip(b"\\0"))'
    ].join("\n"),
    detectionScope: "Calls of `torch.distributed.recv_object_list`, `broadcast_object_list`, `gather_object`, `scatter_object_list` and `all_gather_object` resolved through imports, aliases, rebinding and constant dynamic imports. Tensor collectives are not reported. `torch.distributed.rpc` (which also pickles) is not covered.",
    references: [
      { title: "PyTorch documentation: torch.distributed object collectives (pickle warning)", url: "https://pytorch.org/docs/stable/distributed.html#torch.distributed.broadcast_object_list" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "All ranks run our own code. Is this a false positive?",
        answer: "Usually the risk is low, hence medium severity. It matters when the rendezvous endpoint is reachable from untrusted networks or when ranks process untrusted inputs that end up in the exchanged objects. Suppress reviewed calls with a justification."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-009.ts
var ADVICE6 = "Use plain msgpack and encode arrays of numeric dtype yourself, or safetensors/npy with allow_pickle=False.";
function message12(m) {
  if (m.target === "msgpack_numpy.patch") {
    return `${spelled(m)} makes every later \`msgpack.unpackb\`/\`msgpack.loads\` in the process decode object arrays with pickle.loads: any msgpack input can then run arbitrary code. ${ADVICE6}`;
  }
  if (m.via === "reference") {
    return `${spelled(m)} is used as a decoding hook: it unpickles arrays of dtype object ("kind" b"O"), so a crafted msgpack message runs arbitrary code. ${ADVICE6}`;
  }
  return `${spelled(m)} unpickles arrays of dtype object ("kind" b"O") found in the message, so crafted msgpack data runs arbitrary code. ${ADVICE6}`;
}
var PYTHON_ML_SEC_009_default = defineRule({
  id: "PYTHON-ML-SEC-009",
  name: "msgpack-numpy Decodes Object Arrays With Pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "msgpack", "numpy", "ml", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-002", "PYTHON-LANG-SEC-040"],
  prefilter: ["msgpack_numpy"],
  judgeTrust: judgeInputTrust,
  sinks: [
    {
      call: ["msgpack_numpy.unpackb", "msgpack_numpy.loads", "msgpack_numpy.unpack", "msgpack_numpy.load", "msgpack_numpy.Unpacker", "msgpack_numpy.decode"],
      references: true,
      message: message12
    },
    { call: ["msgpack_numpy.patch"], message: message12 }
  ],
  docs: {
    summary: "Detects msgpack-numpy decoding (`msgpack_numpy.unpackb`/`loads`/`unpack`/`Unpacker`, `decode` as an object hook, `patch()`), which unpickles object arrays from the message.",
    description: 'msgpack is a data-only format, but msgpack-numpy extends it with NumPy arrays. Its `decode` hook turns any map tagged `nd: True` with `kind: b"O"` into `pickle.loads(data)`, so a msgpack message can carry a pickle that runs when decoded. This rule reports msgpack-numpy\'s decoding entry points (`unpackb`, `loads`, `unpack`, `load`, `Unpacker`, `decode`), `msgpack_numpy.decode` passed as `object_hook` to plain msgpack, and `msgpack_numpy.patch()`, which installs the hook into `msgpack` globally.',
    securityImplications: "msgpack is chosen precisely because it is supposed to be safe for network messages (RPC, queues, caches, model servers). With msgpack-numpy decoding, every peer that can send a message can execute code in the receiver.",
    howToFix: "Decode untrusted messages with plain `msgpack.unpackb` and no msgpack-numpy hook. Send arrays as raw buffers with explicit numeric dtype and shape (`arr.tobytes()`, `np.frombuffer`), and reject object dtypes.",
    fixHint: "Decode with plain msgpack and rebuild numeric arrays with np.frombuffer; never decode object arrays from peers.",
    vulnerableExample: [
      "import msgpack",
      "import msgpack_numpy as m",
      "",
      "def handle(payload):",
      "    return msgpack.unpackb(payload, object_hook=m.decode)  # object arrays are unpickled"
    ].join("\n"),
    safeExample: [
      "import msgpack",
      "import numpy as np",
      "",
      "def handle(payload):",
      "    msg = msgpack.unpackb(payload)",
      '    return np.frombuffer(msg["data"], dtype=np.float32).reshape(msg["shape"])'
    ].join("\n"),
    detectionScope: "Calls of `msgpack_numpy.unpackb`, `loads`, `unpack`, `load`, `Unpacker`, `decode` and `patch`, and `msgpack_numpy.decode`/`unpackb`/`loads` passed uncalled as an argument (for example `object_hook=m.decode`), resolved through imports, aliases and rebinding. Calls of plain `msgpack` after `patch()` are not reported individually: the `patch()` call is the finding. Encoding (`packb`, `encode`) is not reported.",
    references: [
      { title: "msgpack-numpy README", url: "https://github.com/lebedov/msgpack-numpy" },
      { title: "msgpack-numpy decode() unpickles object arrays (issue/PR discussion)", url: "https://github.com/lebedov/msgpack-numpy/pull/58" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "Our messages never contain object arrays.",
        answer: "Your senders do not produce them, but an attacker's message can. The decoder accepts the pickled form whenever it appears, so the protection has to be on the decoding side."
      },
      { question: "Is plain `msgpack.unpackb` reported?", answer: "No, unless msgpack-numpy's hook is passed to it or installed with `patch()`." }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-010.ts
var ADVICE7 = 'Read HDF5 only from trusted sources, or store tables as Parquet; with format="table" and non-object dtypes nothing is pickled.';
function message13(m) {
  return `${spelled(m)} reads pandas HDF5 data, where object-dtype columns in "fixed" format are stored with pickle: a crafted file runs arbitrary code when read. ${ADVICE7}`;
}
function check8(m) {
  if (m.target !== "pandas.HDFStore") return {};
  const mode = m.args.find("mode", 1);
  const value = mode && m.model.constantString(mode, m.scope);
  return value === "w" ? null : {};
}
var PYTHON_ML_SEC_010_default = defineRule({
  id: "PYTHON-ML-SEC-010",
  name: "Pandas HDF5 Read May Unpickle",
  language: "python",
  severity: "medium",
  confidence: "medium",
  precision: "medium",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pandas", "hdf5", "pytables", "ml", "data", "pickle", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-003"],
  prefilter: ["pandas", "read_hdf", "HDFStore"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["pandas.read_hdf", "pandas.HDFStore"], check: check8, message: message13 }],
  docs: {
    summary: 'Detects `pandas.read_hdf` and opening an existing `pandas.HDFStore`: object-dtype data in HDF5 "fixed" format is stored with pickle and unpickled on read.',
    description: 'pandas writes HDF5 through PyTables. In the default "fixed" format, columns of dtype `object` (and some index types) are serialized with pickle, and reading them back calls `pickle.loads`. The pandas documentation warns that loading such data from untrusted sources can be unsafe. This rule reports `pandas.read_hdf` and `pandas.HDFStore(...)` (except `mode="w"`, which truncates the file), also as `pandas.io.pytables.*`. It is medium severity and medium confidence: whether a given file contains pickled data depends on how it was written.',
    securityImplications: "HDF5 files look like inert numeric data and are shared freely as datasets. A crafted file with a pickled object column runs code in the process that reads it.",
    howToFix: 'Use Parquet or Feather to exchange tables. If HDF5 is required, write with `format="table"` and explicit non-object dtypes (strings as fixed-width), and read files only from trusted sources.',
    fixHint: "Exchange tables as Parquet/Feather; read HDF5 only from trusted sources.",
    vulnerableExample: [
      "import pandas as pd",
      "",
      "def load_upload(path):",
      '    return pd.read_hdf(path, "data")  # pickled object columns are unpickled'
    ].join("\n"),
    safeExample: [
      "import pandas as pd",
      "",
      "def load_upload(path):",
      "    return pd.read_parquet(path)  # columnar data only"
    ].join("\n"),
    detectionScope: 'Calls of `pandas.read_hdf` and `pandas.HDFStore` (also `pandas.io.pytables.read_hdf`/`HDFStore`) resolved through imports, aliases and rebinding; `HDFStore` with the constant mode `"w"` (keyword or position 1) is not reported. Writes (`to_hdf`) are not findings.',
    references: [
      { title: "pandas documentation: read_hdf (pickle warning)", url: "https://pandas.pydata.org/docs/reference/api/pandas.read_hdf.html" },
      { title: "pandas documentation: HDFStore", url: "https://pandas.pydata.org/docs/reference/api/pandas.HDFStore.html" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "Our HDF5 files contain only floats. Is this a false positive?",
        answer: "For files you write yourself, yes in practice: suppress it with that justification. The rule cannot see how a file was written, and a file from elsewhere may contain pickled columns."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-011.ts
var ADVICE8 = "Inspect `skops.io.get_untrusted_types(...)` and pass only the types you have reviewed as `trusted=[...]`.";
var UNTRUSTED_TYPES = "skops.io.get_untrusted_types";
var LISTS = /* @__PURE__ */ new Set(["list", "tuple", "none", "false"]);
function isReviewedList(m, trusted) {
  if (LISTS.has(trusted.type)) return true;
  if (trusted.type !== "identifier") return false;
  const bindings = m.model.lookup(m.model.text(trusted), m.scope, trusted);
  return !!bindings?.length && bindings.every((b) => b.kind === "assignment" && b.value !== void 0 && LISTS.has(b.value.type));
}
function check9(m) {
  const trusted = m.args.find("trusted", 1);
  if (!trusted) return null;
  if (trusted.type === "true") {
    return { message: `${spelled(m)} with \`trusted=True\` instantiates every type the file names, which lets a crafted file run arbitrary code. ${ADVICE8}` };
  }
  if (isReviewedList(m, trusted)) return null;
  if (namesOf(m, trusted).includes(`${UNTRUSTED_TYPES}()`)) {
    return {
      message: `${spelled(m)} trusts the result of \`get_untrusted_types\`, i.e. every type the file itself asks for: that disables skops' protection and lets a crafted file run arbitrary code. ${ADVICE8}`
    };
  }
  return {
    confidence: "medium",
    message: `${spelled(m)} takes \`trusted\` from a value the analysis cannot check; if it includes types from the file itself, a crafted file can run arbitrary code. ${ADVICE8}`
  };
}
var PYTHON_ML_SEC_011_default = defineRule({
  id: "PYTHON-ML-SEC-011",
  name: "skops Load Trusting All Types",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "skops", "scikit-learn", "ml", "model", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-004"],
  prefilter: ["skops"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["skops.io.load", "skops.io.loads"], check: check9, message: (m) => `${spelled(m)} may trust types chosen by the file. ${ADVICE8}` }],
  docs: {
    summary: "Detects `skops.io.load`/`loads` with `trusted=True` or with the file's own `get_untrusted_types()` result, which defeats skops' type checks.",
    description: "skops' persistence format exists to load scikit-learn models without pickle's risks: it refuses to instantiate types that are not on a safe list unless the caller trusts them explicitly. `trusted=True` (skops < 0.10) trusts everything, and the common shortcut `trusted=get_untrusted_types(file=path)` trusts exactly the types the file asks for, which is the same thing: a crafted file can name functions such as `builtins.exec` or `os.system` and have them called. This rule reports those two patterns, and a `trusted` value it cannot inspect at medium confidence. A literal list of type names (in the call or bound to a name) is treated as a reviewed allowlist.",
    securityImplications: "Models shared on hubs in skops format are considered safe to open. With the check disabled, opening one runs the attacker's chosen callables in the loading process.",
    howToFix: "Call `skops.io.get_untrusted_types(file=path)`, review the list, and pass only the reviewed type names as a literal `trusted=[...]`. Refuse files that ask for anything else.",
    fixHint: "Pass a reviewed literal list to trusted=, never True or the file's own get_untrusted_types().",
    vulnerableExample: [
      "import skops.io as sio",
      "",
      "def load(path):",
      "    return sio.load(path, trusted=sio.get_untrusted_types(file=path))  # trusts whatever the file wants"
    ].join("\n"),
    safeExample: [
      "import skops.io as sio",
      "",
      'REVIEWED = ["sklearn.ensemble._forest.RandomForestClassifier"]',
      "",
      "def load(path):",
      "    unknown = set(sio.get_untrusted_types(file=path)) - set(REVIEWED)",
      "    if unknown:",
      '        raise ValueError(f"unreviewed types: {sorted(unknown)}")',
      "    return sio.load(path, trusted=REVIEWED)"
    ].join("\n"),
    detectionScope: "Calls of `skops.io.load` and `skops.io.loads` with `trusted` (keyword or position 1) literally `True`, bound to a call of `skops.io.get_untrusted_types` (directly or through a variable), or a value the analysis cannot inspect (medium confidence). No `trusted`, `None`, `False` and literal lists (also through a name bound only to a literal list) are not reported.",
    references: [
      { title: "skops documentation: secure persistence", url: "https://skops.readthedocs.io/en/stable/persistence.html" },
      { title: "skops API: skops.io.load", url: "https://skops.readthedocs.io/en/stable/modules/classes.html#skops.io.load" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "Why is `trusted=get_untrusted_types(file=path)` a problem? It is in many examples.",
        answer: "It trusts the list the file provides, so a malicious file trusts itself. Review the list once and keep the reviewed names in code."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-012.ts
var ADVICE9 = "Upgrade to NLTK >= 3.9 and use its pickle-free resources (punkt_tab, averaged_perceptron_tagger_eng); load only resources from a trusted nltk_data directory.";
var PICKLE_EXTENSIONS = /\.(pickle|pkl)$/i;
function check10(m) {
  const format = m.args.find("format", 1);
  const formatValue = format && m.model.constantString(format, m.scope);
  if (format && formatValue === void 0) {
    return { confidence: "low", message: `${spelled(m)} with a non-constant \`format\`: when it is "pickle" (or "auto" on a .pickle resource) the resource is unpickled. ${ADVICE9}` };
  }
  if (formatValue === "pickle") return { message: message14(m) };
  if (formatValue !== void 0 && formatValue !== "auto") return null;
  const resource = m.args.find("resource_url", 0);
  if (!resource) return m.args.mayBeHidden("resource_url", 0) ? { confidence: "low", message: message14(m) } : null;
  const url = m.model.constantString(resource, m.scope);
  if (url === void 0) {
    return { confidence: "low", message: `${spelled(m)} loads a resource named at run time; resources ending in .pickle are unpickled. ${ADVICE9}` };
  }
  return PICKLE_EXTENSIONS.test(url) ? { message: message14(m) } : null;
}
function message14(m) {
  return `${spelled(m)} unpickles a .pickle resource: before NLTK 3.9 with no restriction at all (CVE-2024-39705), since then through a restricted unpickler. A tampered nltk_data package can run code. ${ADVICE9}`;
}
var PYTHON_ML_SEC_012_default = defineRule({
  id: "PYTHON-ML-SEC-012",
  name: "NLTK Loads Pickled Resources",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "medium",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "nltk", "nlp", "ml", "pickle", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-004"],
  prefilter: ["nltk"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["nltk.data.load"], check: check10, message: message14 }],
  docs: {
    summary: 'Detects `nltk.data.load` of pickled resources (`.pickle` files or `format="pickle"`), which unpickles data from the nltk_data directories.',
    description: '`nltk.data.load` picks a loader from the `format` argument or, by default, from the resource\'s file extension. For `.pickle` resources (the classic punkt tokenizers and taggers) it unpickles the file. Up to NLTK 3.8.1 this was a plain `pickle.load`, so a tampered data package executed code (CVE-2024-39705); NLTK 3.9 switched to a restricted unpickler and pickle-free replacements. This rule reports `nltk.data.load` with `format="pickle"`, or with the default format and a constant resource name ending in `.pickle`/`.pkl` (medium severity), and resources or formats named at run time at low confidence.',
    securityImplications: "NLTK resources are downloaded from the internet into shared directories (`~/nltk_data`, `/usr/share/nltk_data`, paths from `NLTK_DATA`). Anyone who can write there, or tamper with the download, controls the unpickled bytes.",
    howToFix: "Upgrade to NLTK 3.9 or later and use the pickle-free resources (`punkt_tab`, `averaged_perceptron_tagger_eng`, `nltk.sent_tokenize`/`pos_tag`, which load them). Keep nltk_data in a directory only your deployment can write, and never point `nltk.data.path` at user-controlled locations.",
    fixHint: "Use NLTK >= 3.9 pickle-free resources (punkt_tab) instead of loading .pickle files.",
    vulnerableExample: [
      "import nltk",
      "",
      'tokenizer = nltk.data.load("tokenizers/punkt/english.pickle")  # unpickles the resource'
    ].join("\n"),
    safeExample: [
      "import nltk",
      "",
      "sentences = nltk.sent_tokenize(text)  # NLTK >= 3.9 loads punkt_tab, no pickle"
    ].join("\n"),
    detectionScope: 'Calls of `nltk.data.load` (also `from nltk.data import load`, aliases, rebinding) with `format` (keyword or position 1) constant "pickle", or "auto"/missing with a constant `resource_url` ending in .pickle/.pkl; a non-constant format or resource is reported at low confidence. Other formats (text, yaml, json, cfg, ...) are not reported. Internal NLTK loaders that unpickle model files are not covered.',
    references: [
      { title: "NLTK documentation: nltk.data.load", url: "https://www.nltk.org/api/nltk.data.html#nltk.data.load" },
      { title: "CVE-2024-39705 / GHSA-cgvx-9447-vcch: NLTK unsafe deserialization", url: "https://github.com/advisories/GHSA-cgvx-9447-vcch" },
      { title: "nltk/nltk#3266: remote code execution through pickled resources", url: "https://github.com/nltk/nltk/issues/3266" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "We are on NLTK 3.9+. Is this still a problem?",
        answer: "Much less: the restricted unpickler refuses classes and functions, which is why the severity is medium. Restricted unpicklers have been bypassed before, and the pickle-free resources make the question moot."
      }
    ]
  }
});

// src/rules/python/PYTHON-DESER-001.ts
var SINK_RULES = [
  PYTHON_LANG_SEC_040_default,
  PYTHON_LANG_SEC_041_default,
  PYTHON_LANG_SEC_042_default,
  PYTHON_LANG_SEC_043_default,
  PYTHON_LANG_SEC_044_default,
  PYTHON_LANG_SEC_045_default,
  PYTHON_LANG_SEC_046_default,
  PYTHON_LANG_SEC_073_default,
  PYTHON_ML_SEC_001_default,
  PYTHON_ML_SEC_002_default,
  PYTHON_ML_SEC_003_default,
  PYTHON_ML_SEC_004_default,
  PYTHON_ML_SEC_005_default,
  PYTHON_ML_SEC_006_default,
  PYTHON_ML_SEC_007_default,
  PYTHON_ML_SEC_008_default,
  PYTHON_ML_SEC_009_default,
  PYTHON_ML_SEC_010_default,
  PYTHON_ML_SEC_011_default,
  PYTHON_ML_SEC_012_default
];
var trackers = /* @__PURE__ */ new WeakMap();
var configured = /* @__PURE__ */ new WeakMap();
function trackerFor(model, parameters = false) {
  let t = trackers.get(model);
  if (!t) trackers.set(model, t = new TaintTracker(model, false, configured.get(model)));
  return parameters ? t.summaryMode() : t;
}
function configuredRule(rule, extra) {
  const bind = (model) => configured.set(model, extra);
  return {
    ...rule,
    flowNames: [...rule.flowNames ?? [], ...extra.sources ?? [], ...extra.sanitizers ?? []],
    sinks: rule.sinks.map((s) => ({ ...s, check: (m) => (bind(m.model), s.check ? s.check(m) : {}) })),
    derivedSites: (model) => (bind(model), wrapperSites(model)),
    flowSummary: (model, path, complete) => (bind(model), flowSummary(model, path, complete))
  };
}
var wrappers = /* @__PURE__ */ new WeakMap();
var wrapperParameters = /* @__PURE__ */ new WeakMap();
var fieldSinks = /* @__PURE__ */ new WeakMap();
function addFieldSink(model, fn, field2, steps, target) {
  const cls = methodClass(fn);
  if (!cls) return void 0;
  let list = fieldSinks.get(model);
  if (!list) fieldSinks.set(model, list = []);
  if (list.some((f2) => f2.fn === fn && f2.field === field2) || list.length >= MAX_FIELD_SINKS) return void 0;
  const method = model.text(childByField(fn, "name") ?? fn);
  const f = { fn, cls, name: `${model.text(childByField(cls, "name") ?? cls)}.${method}`, method, field: field2, target, steps };
  list.push(f);
  return f;
}
function addWrapper(model, site, steps, target) {
  const parameter = steps[0]?.parameter;
  const field2 = steps[0]?.field;
  const fn = parameter && steps[0]?.node ? enclosingCallable(steps[0].node) : enclosingFunction(site);
  if (fn && field2) addFieldSink(model, fn, field2, steps, target);
  if (!fn || !parameter) return void 0;
  let list = wrappers.get(model);
  if (!list) wrappers.set(model, list = []);
  let byFunction = wrapperParameters.get(model);
  if (!byFunction) wrapperParameters.set(model, byFunction = /* @__PURE__ */ new Map());
  let parameters = byFunction.get(fn);
  if (!parameters) byFunction.set(fn, parameters = /* @__PURE__ */ new Set());
  if (parameters.has(parameter)) return void 0;
  parameters.add(parameter);
  const w = { fn, name: callableName(fn, model), parameter, position: steps[0]?.position ?? callPosition(fn, parameter, model), target, steps };
  list.push(w);
  return w;
}
function wrapperFinding(node, scope, callee, model, w, flows, call, wrapperSteps) {
  const [flow, ...others] = flows;
  const trace = (f) => [...f.steps, ...f.weakGuard ? [f.weakGuard] : [], call, ...wrapperSteps];
  return {
    node,
    scope,
    target: w.target,
    calleeText: model.text(callee),
    outcome: {
      message: `Untrusted data reaches ${code2(w.target)} through ${code2(w.name + "()")}: ${sourceOf(flow.steps).replace(/^source: /, "")} is passed to a function that deserializes its ${code2(w.parameter)} argument, which can run arbitrary code.${otherSources(others)}`,
      confidence: flow.weakGuard ? "low" : "high",
      flow: trace(flow),
      ...others.length ? { otherFlows: others.map(trace) } : {}
    }
  };
}
function projectWrapperSites(model, out2, seen) {
  const project = model.project;
  if (!project?.flows) return;
  const tracker = trackerFor(model);
  for (const { node, scope } of model.calls) {
    const callee = childByField(node, "function");
    if (!callee || seen.size >= MAX_WRAPPER_CALLS) continue;
    for (const r of model.resolve(callee, scope)) {
      for (const f of project.flows(r.name) ?? []) {
        for (const s of f.flows.sinks ?? []) {
          const arg = new CallArguments(node, model.tree.source).find(s.parameter, s.position);
          if (!arg) continue;
          const call = { node, message: `passed to ${code2(model.text(callee) + "()")} (${f.name})` };
          const remote = s.steps.map((step) => ({ place: step.place, message: step.message }));
          const flows = seen.has(node) ? [] : tracker.allFlowsInto(arg, node, scope);
          if (flows.length) {
            seen.add(node);
            out2.push(wrapperFinding(node, scope, callee, model, { name: f.name, parameter: s.parameter, target: s.target }, flows, call, remote));
            continue;
          }
          const passed = trackerFor(model, true).flowInto(arg, node, scope);
          if (passed) addWrapper(model, node, [...passed.steps, call, ...remote], s.target);
        }
        for (const s of f.flows.fieldSinks ?? []) {
          const remote = s.steps.map((step) => ({ place: step.place, message: step.message }));
          fieldSinkCall(model, node, scope, callee, { name: f.name, field: s.field, target: s.target }, remote, out2, seen);
        }
      }
    }
  }
}
function fieldSinkCall(model, node, scope, callee, sink, sinkSteps, out2, seen) {
  const receiver = callee.type === "attribute" ? childByField(callee, "object") : void 0;
  if (!receiver) return void 0;
  const call = { node, message: `calls ${code2(model.text(callee) + "()")} (${sink.name}), which deserializes the object's ${code2(sink.field)} field` };
  const flow = seen.has(node) ? void 0 : trackerFor(model).fieldFlowInto(receiver, sink.field, node, scope);
  if (flow) {
    seen.add(node);
    const trace = [...flow.steps, ...flow.weakGuard ? [flow.weakGuard] : [], call, ...sinkSteps];
    out2.push({
      node,
      scope,
      target: sink.target,
      calleeText: model.text(callee),
      outcome: {
        message: `Untrusted data reaches ${code2(sink.target)} through ${code2(sink.name + "()")}: ${sourceOf(flow.steps).replace(/^source: /, "")} is kept in the object's ${code2(sink.field)} field, and that method deserializes it, which can run arbitrary code.`,
        confidence: flow.weakGuard ? "low" : "high",
        flow: trace
      }
    });
    return void 0;
  }
  const passed = trackerFor(model, true).fieldFlowInto(receiver, sink.field, node, scope);
  if (!passed) return void 0;
  const steps = boundedSteps([...passed.steps, call, ...sinkSteps], MAX_WRAPPER_TRACE);
  const fn = enclosingFunction(node);
  if (passed.steps[0]?.field && fn) return addFieldSink(model, fn, passed.steps[0].field, steps, sink.target);
  addWrapper(model, node, steps, sink.target);
  return void 0;
}
function localFieldSinkSites(model, out2, seen) {
  const queue = [...fieldSinks.get(model) ?? []];
  const tracker = trackerFor(model);
  for (let f = queue.shift(); f && seen.size < MAX_WRAPPER_CALLS; f = queue.shift()) {
    for (const { node, scope } of model.calls) {
      const callee = childByField(node, "function");
      const receiver = callee?.type === "attribute" ? childByField(callee, "object") : void 0;
      if (!callee || !receiver || model.text(childByField(callee, "attribute") ?? callee) !== f.method) continue;
      if (!tracker.classesOf(receiver, scope, true).some((c) => c.local && tracker.methodOf(c.local, f.method) === f.fn)) continue;
      const next = fieldSinkCall(model, node, scope, callee, f, f.steps, out2, seen);
      if (next) queue.push(next);
    }
  }
}
var TABLE_SINKS = new Set(SINK_RULES.flatMap((r) => r.sinks.filter((s) => s.references).flatMap((s) => s.call)));
function storedTable(model, expr, scope) {
  if (expr?.type !== "identifier") return void 0;
  const bindings = model.lookup(model.text(expr), scope, expr);
  const b = bindings?.length === 1 ? bindings[0] : void 0;
  if (!b || b.kind !== "assignment" || !b.value || b.scope.kind !== "module" && b.scope.kind !== "class") return void 0;
  return b.value.type === "dictionary" || b.value.type === "list" || b.value.type === "tuple" ? b.value : void 0;
}
function tableCallSites(model, out2, seen) {
  const tracker = trackerFor(model);
  for (const { node, scope } of model.calls) {
    const callee = childByField(node, "function");
    if (!callee || seen.has(node) || callee.type !== "subscript" && callee.type !== "call") continue;
    const getter = callee.type === "call" ? childByField(callee, "function") : void 0;
    const holder = callee.type === "subscript" ? childByField(callee, "value") : getter?.type === "attribute" && model.text(childByField(getter, "attribute") ?? getter) === "get" ? childByField(getter, "object") : void 0;
    const table = storedTable(model, holder, scope);
    if (!table) continue;
    const values = table.children.map((c) => c.type === "pair" ? childByField(c, "value") : c).filter((v) => v !== void 0 && (v.type === "identifier" || v.type === "attribute"));
    const target = values.flatMap((v) => model.resolve(v, scope)).find((r) => TABLE_SINKS.has(r.name))?.name;
    const arg = new CallArguments(node, model.tree.source).positional[0];
    if (!target || !arg) continue;
    const [flow, ...others] = tracker.allFlowsInto(arg, node, scope);
    if (!flow) continue;
    seen.add(node);
    const trace = (f) => [...f.steps, ...f.weakGuard ? [f.weakGuard] : [], { node, message: `sink: ${target}, picked from the table ${code2(model.text(holder))}` }];
    out2.push({
      node,
      scope,
      target,
      calleeText: model.text(callee),
      outcome: {
        message: `Untrusted data reaches ${code2(target)} through the table ${code2(model.text(holder))}: ${sourceOf(flow.steps).replace(/^source: /, "")} is passed to the deserializer picked from it, which can run arbitrary code.${otherSources(others)}`,
        confidence: flow.weakGuard ? "low" : "high",
        flow: trace(flow),
        ...others.length ? { otherFlows: others.map(trace) } : {}
      }
    });
  }
}
function wrapperSites(model) {
  const out2 = [];
  const seen = /* @__PURE__ */ new Set();
  projectWrapperSites(model, out2, seen);
  localFieldSinkSites(model, out2, seen);
  tableCallSites(model, out2, seen);
  const queue = [...wrappers.get(model) ?? []];
  if (!queue.length) return out2;
  const tracker = trackerFor(model);
  const callsOf = localCallsByFunction(model, tracker);
  for (let w = queue.shift(); w && seen.size < MAX_WRAPPER_CALLS; w = queue.shift()) {
    for (const { node, scope, callee } of callsOf(w.fn)) {
      const args2 = new CallArguments(node, model.tree.source);
      const arg = args2.keywords.get(w.parameter) ?? (w.position >= 0 ? args2.positional[w.position] : void 0);
      if (!arg) continue;
      const call = { node, message: `passed to ${code2(w.name + "()")}` };
      const flows = seen.has(node) ? [] : tracker.allFlowsInto(arg, node, scope);
      if (flows.length) {
        seen.add(node);
        out2.push(wrapperFinding(node, scope, callee, model, w, flows, call, w.steps));
        continue;
      }
      const passed = trackerFor(model, true).flowInto(arg, node, scope);
      const next = passed && addWrapper(model, node, passed.steps, w.target);
      if (next) queue.push({ ...next, steps: boundedSteps([...passed.steps, call, ...w.steps], MAX_WRAPPER_TRACE) });
    }
  }
  return out2;
}
function localCallsByFunction(model, tracker) {
  let byFunction;
  return (fn) => {
    if (!byFunction) {
      byFunction = /* @__PURE__ */ new Map();
      for (const { node, scope } of model.calls) {
        const callee = childByField(node, "function");
        const local = callee && tracker.localFunction(callee, scope);
        if (!local) continue;
        let calls = byFunction.get(local);
        if (!calls) byFunction.set(local, calls = []);
        calls.push({ node, scope, callee });
      }
    }
    return byFunction.get(fn) ?? [];
  };
}
function otherSources(others) {
  if (!others.length) return "";
  const names = others.map((f) => sourceOf(f.steps).replace(/^source: /, ""));
  return ` Also reached from ${others.length === 1 ? "another source" : `${others.length} other sources`}: ${names.join("; ")}.`;
}
function sourceOf(steps) {
  return (steps.find((s) => s.message.startsWith("source: ")) ?? steps[0]).message;
}
function functionKey(fn, model) {
  if (fn.type === "lambda") {
    const assignment = fn.parent?.type === "assignment" ? fn.parent : void 0;
    const left = assignment && childByField(assignment, "left");
    return left?.type === "identifier" && assignment?.parent?.type === "expression_statement" && assignment.parent.parent?.type === "module" ? model.text(left) : void 0;
  }
  const name2 = childByField(fn, "name");
  if (!name2) return void 0;
  const container = (n) => n.parent?.type === "decorated_definition" ? n.parent.parent : n.parent;
  const parent = container(fn);
  if (parent?.type === "module") return model.text(name2);
  const cls = parent?.type === "block" ? parent.parent : void 0;
  const className = cls?.type === "class_definition" ? childByField(cls, "name") : void 0;
  if (cls && className && container(cls)?.type === "module") return `${model.text(className)}.${model.text(name2)}`;
  return void 0;
}
function summarisable(model) {
  const out2 = [];
  const definition = (n) => n.type === "decorated_definition" ? childByField(n, "definition") : n;
  for (const top of model.tree.root.children) {
    const def = definition(top);
    if (def?.type === "function_definition") out2.push(def);
    const assigned = top.type === "expression_statement" && top.children[0]?.type === "assignment" ? childByField(top.children[0], "right") : void 0;
    if (assigned?.type === "lambda") out2.push(assigned);
    if (def?.type !== "class_definition") continue;
    for (const member of childByField(def, "body")?.children ?? []) {
      const m = definition(member);
      if (m?.type === "function_definition") out2.push(m);
    }
  }
  return out2;
}
function returnsRuntimeObject(fn, model) {
  const body2 = childByField(fn, "body");
  const returns = descendants(body2, (n) => n.type === "return_statement");
  const built = (value) => {
    if (value?.type !== "call") return false;
    const callee = childByField(value, "function");
    if (!callee) return false;
    if (callee.type === "call") return true;
    const scope = model.calls.find((c) => c.node === value)?.scope;
    if (!scope) return false;
    const names = model.resolve(callee, scope);
    return names.some((r) => r.localClass !== void 0) || callee.type === "identifier" && names.length === 0;
  };
  return returns.some((ret) => {
    const value = ret.children.find((c) => c.type !== "return");
    if (value?.type !== "identifier") return built(value);
    const name2 = model.text(value);
    const assigned = descendants(body2, (n) => n.type === "assignment" && childByField(n, "left")?.type === "identifier" && model.text(childByField(n, "left")) === name2);
    return assigned.length === 1 && built(childByField(assigned[0], "right"));
  });
}
function flowSummary(model, path, complete) {
  const named = typeof complete === "boolean" ? void 0 : new Set(complete);
  const wanted = (key) => !named || named.has(key) || key.includes(".") && named.has(`*${key.slice(key.indexOf("."))}`);
  const flows = {};
  const tracker = trackerFor(model);
  const entry2 = (key) => flows[key] ??= {};
  for (const w of wrappers.get(model) ?? []) {
    const key = functionKey(w.fn, model);
    if (!key) continue;
    const steps = boundedSteps(w.steps.map((s) => tracker.placed(s, path)));
    (entry2(key).sinks ??= []).push({ parameter: w.parameter, position: w.position, target: w.target, steps });
  }
  const byClass = /* @__PURE__ */ new Map();
  for (const f of fieldSinks.get(model) ?? []) byClass.set(f.cls, [...byClass.get(f.cls) ?? [], f]);
  for (const [cls, sinks2] of byClass) {
    const className = model.text(childByField(cls, "name") ?? cls);
    const stored = /* @__PURE__ */ new Map();
    for (const member of childByField(cls, "body")?.children ?? []) {
      const fn = member.type === "decorated_definition" ? childByField(member, "definition") : member;
      const key = fn?.type === "function_definition" ? functionKey(fn, model) : void 0;
      if (fn && key) stored.set(key, tracker.fieldStores(fn));
    }
    if (!stored.has(`${className}.__init__`)) stored.set(`${className}.__init__`, tracker.declaredFieldStores(cls));
    const fields = new Set([...stored.values()].flat().map((st) => st.field));
    for (const f of sinks2) {
      const key = functionKey(f.fn, model);
      if (!key || !fields.has(f.field)) continue;
      (entry2(key).fieldSinks ??= []).push({ field: f.field, target: f.target, steps: boundedSteps(f.steps.map((x) => tracker.placed(x, path))) });
    }
    if (!Object.values(flows).some((e) => e.fieldSinks?.length) || !sinks2.some((f) => fields.has(f.field))) continue;
    for (const [key, stores] of stored) {
      if (stores.length) entry2(key).stores = stores.map((st) => ({ field: st.field, parameter: st.parameter, position: st.position, steps: boundedSteps(st.steps.map((x) => tracker.placed(x, path))) }));
    }
  }
  for (const name2 of named ?? []) {
    if (name2.includes(".") || flows[name2]) continue;
    const constant3 = exportedConstant(model, name2);
    if (constant3) entry2(name2).constant = constant3;
  }
  if (complete) {
    const placedStores = (stores) => stores.map((st) => ({ field: st.field, parameter: st.parameter, position: st.position, steps: boundedSteps(st.steps.map((x) => tracker.placed(x, path))) }));
    for (const top of model.tree.root.children) {
      const cls = top.type === "decorated_definition" ? childByField(top, "definition") : top;
      const name2 = cls?.type === "class_definition" ? model.text(childByField(cls, "name") ?? cls) : void 0;
      if (!cls || !name2 || flows[`${name2}.__init__`] || !(wanted(name2) || wanted(`${name2}.__init__`)) || tracker.methodOf(cls, "__init__")) continue;
      const declared = tracker.declaredFieldStores(cls);
      if (declared.length) entry2(`${name2}.__init__`).stores = placedStores(declared);
    }
    const returningClasses = /* @__PURE__ */ new Set();
    for (const fn of summarisable(model)) {
      const key = functionKey(fn, model);
      if (!key || !wanted(key)) continue;
      if (key.includes(".") && !flows[key]?.stores) {
        const stores = tracker.fieldStores(fn);
        if (stores.length) entry2(key).stores = placedStores(stores);
      }
      const returned = tracker.returnFlow(fn);
      if (returned) {
        entry2(key).returns = boundedSteps(returned.map((s) => tracker.placed(s, path)));
        continue;
      }
      const passed = trackerFor(model, true).returnFlow(fn);
      const parameter = passed?.[0].parameter;
      if (passed && parameter) {
        entry2(key).passes = [{ parameter, position: passed[0].position ?? callPosition(fn, parameter, model), steps: boundedSteps(passed.map((s) => tracker.placed(s, path))) }];
      }
      const field2 = passed?.[0].field;
      if (passed && field2 && key.includes(".")) {
        entry2(key).returnsField = { field: field2, steps: boundedSteps(passed.map((s) => tracker.placed(s, path))) };
        const cls = methodClass(fn);
        if (cls) returningClasses.add(cls);
      }
      if (!key.includes(".") && returnsRuntimeObject(fn, model)) entry2(key).factory = true;
    }
    for (const cls of returningClasses) {
      const className = model.text(childByField(cls, "name") ?? cls);
      for (const member of childByField(cls, "body")?.children ?? []) {
        const fn = member.type === "decorated_definition" ? childByField(member, "definition") : member;
        const key = fn?.type === "function_definition" ? functionKey(fn, model) : void 0;
        if (!fn || !key || flows[key]?.stores) continue;
        const stores = tracker.fieldStores(fn);
        if (stores.length) entry2(key).stores = placedStores(stores);
      }
      if (!flows[`${className}.__init__`]?.stores && !tracker.methodOf(cls, "__init__")) {
        const declared = tracker.declaredFieldStores(cls);
        if (declared.length) entry2(`${className}.__init__`).stores = placedStores(declared);
      }
    }
  }
  const demand = [.../* @__PURE__ */ new Set([...tracker.demand, ...trackerFor(model, true).demand, ...trustDemand(model), ...allowlistDemand(model), ...model.constantDemand])].sort().slice(0, MAX_DEMAND);
  return {
    ...Object.keys(flows).length ? { flows } : {},
    ...demand.length ? { flowDemand: demand } : {},
    ...complete ? { flowsComplete: true } : {}
  };
}
var MAX_WRAPPER_CALLS = 1e4;
var MAX_WRAPPER_TRACE = 64;
var MAX_FIELD_SINKS = 256;
function dataArguments(m) {
  if (m.via !== "reference") {
    const arg = inputArgument(m) ?? m.args.firstSplat;
    return arg ? [arg] : [];
  }
  if (m.stored) return [];
  const container = m.node.parent?.type === "keyword_argument" ? m.node.parent.parent : m.node.parent;
  if (container?.type !== "argument_list") return [];
  return container.children.filter((c) => c !== m.node && c !== m.node.parent && c.type !== "comment");
}
function flowChecked(spec2) {
  return {
    call: spec2.call,
    subclasses: spec2.subclasses,
    references: spec2.references,
    message: spec2.message,
    check(m) {
      const base = spec2.check ? spec2.check(m) : {};
      if (base === null) return null;
      const args2 = dataArguments(m);
      if (!args2.length) return null;
      const arg = args2[0];
      const reached = m.via === "reference" ? args2.find((a) => trackerFor(m.model).flowInto(a, m.node, m.scope)) : arg;
      if (!reached) return null;
      const [flow, ...others] = trackerFor(m.model).allFlowsInto(reached, m.node, m.scope);
      if (!flow) {
        if (m.via === "reference") return null;
        const passed = trackerFor(m.model, true).flowInto(arg, m.node, m.scope);
        if (passed) addWrapper(m.model, m.node, [...passed.steps, { node: m.node, message: `sink: ${m.target}` }], m.target);
        return null;
      }
      const source = { message: sourceOf(flow.steps) };
      const sink = m.calleeText || m.target;
      const weak = flow.weakGuard ? ` A MAC check guards it, but with \`==\`, which leaks timing: use \`hmac.compare_digest\`.` : "";
      const restricted = dataOnlyAllowlist(m);
      if (restricted) {
        return {
          message: `Untrusted data reaches ${code2(m.subclass.name)} (${m.target}): ${source.message.replace(/^source: /, "")} is unpickled, but its find_class admits ${admitted(restricted)}, so the payload cannot call functions. Keep the allowlist to data types, or use a data-only format.`,
          severity: "medium",
          confidence: "low",
          flow: [...flow.steps, { node: m.node, message: `sink: ${m.target} (find_class restricted to data types)` }]
        };
      }
      const trace = (f) => [...f.steps, ...f.weakGuard ? [f.weakGuard] : [], { node: m.node, message: `sink: ${m.target}` }];
      return {
        message: `Untrusted data reaches ${code2(sink)} (${m.target}): ${source.message.replace(/^source: /, "")} flows into the deserializer, which can run arbitrary code. Do not deserialize it with a code-executing format; use JSON or verify an HMAC first.${weak}${otherSources(others)}`,
        confidence: flow.weakGuard ? "low" : "high",
        flow: trace(flow),
        ...others.length ? { otherFlows: others.map(trace) } : {}
      };
    }
  };
}
var prefilter = [...new Set(SINK_RULES.flatMap((r) => r.prefilter))];
var PYTHON_DESER_001 = defineRule({
  id: "PYTHON-DESER-001",
  name: "Untrusted Data Reaches a Deserializer",
  language: "python",
  severity: "critical",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "data-flow", "taint", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: [],
  similar: SINK_RULES.map((r) => r.id),
  prefilter,
  flowNames: FLOW_NAMES,
  flowSourceWords: SOURCE_WORDS,
  derivedSites: wrapperSites,
  flowSummary,
  withFlowSpecs: (extra) => configuredRule(PYTHON_DESER_001, extra),
  sinks: SINK_RULES.flatMap((r) => r.sinks).map(flowChecked),
  docs: {
    summary: "Reports a deserializer call (pickle, yaml, jsonpickle, marshal, shelve, dill, torch, numpy, pandas, joblib, ...) whose input comes from an untrusted source, with the path the data takes.",
    description: "This rule follows data from where an attacker controls it to a deserializer that can run code. Sources are web request data (Flask, Django, Django REST framework, FastAPI/Starlette including `UploadFile` and `File()`/`Form()` parameters, aiohttp, Tornado, Bottle, Falcon, WebSockets), Streamlit uploads and Gradio event handlers' inputs, the AWS Lambda `event`, socket and `socketserver` reads, `sys.stdin` and `input()`, HTTP client responses (`requests`, `httpx`, `urllib`, aiohttp), values read from Redis (every client: sync, `redis.asyncio`, cluster; keys, hashes, lists, sets, streams and pub/sub messages) and memcached clients, and message-queue consumers (pika callback bodies, Kafka consumers, Amazon SQS messages). Sinks are every call the deserialization rules report (PYTHON-LANG-SEC-040 to 046 and 073, PYTHON-ML-SEC-001 to 012), with their safe-option decisions: `yaml.safe_load`, `torch.load(weights_only=True)` or `numpy.load(allow_pickle=False)` are not sinks. A deserializer passed as a callable is a sink for the other arguments of the call it is passed to (`map(pickle.loads, blobs)`, `executor.submit(pickle.loads, data)`), a call through a dispatch table applies its sink to the call's argument (`LOADERS[fmt](request.data)`, `LOADERS.get(fmt)(data)`, also for tables kept at module or class level), and `pickle.loads(*args)` reads its input from the splat. The data is followed through assignments, augmented assignments, tuple unpacking, containers, subscripts and attributes, string and bytes operations and f-strings, method calls on tainted values (`.encode()`, `.read()`), decoders (`base64`, `binascii`, `codecs`, `zlib`/`gzip`/`bz2`/`lzma` decompression, `bytes.fromhex`, `io.BytesIO`), `with` statements, loops, comprehensions, lists read at a constant index (`append`/`insert`/`pop`/`extend` in straight-line code are followed element by element), and functions of the whole project: a function or method (also of another module, resolved through imports, re-exports and the class of the object) that returns untrusted data makes its calls sources, one that returns its argument's data passes the taint on, and one whose parameter reaches a deserializer (`def unpickle(b): return pickle.loads(b)`, and wrappers of wrappers) makes its callers the findings. Each finding carries the trace from the source to the sink across files (text, JSON `trace[]`, SARIF `codeFlows`); a sink reached from several sources is one finding that lists them all (JSON `sources[]`, one SARIF code flow per source). Projects add their own sources and sanitizers in the configuration (`extra-sources`, `extra-sanitizers`).",
    securityImplications: "A deserializer that can construct arbitrary objects runs the attacker's code as soon as it reads the payload: the process's credentials, data and network position are theirs. Unlike the pattern rules, every finding of this rule has a known path from an attacker-controlled input, so it is a confirmed remote code execution unless the path is unreachable.",
    howToFix: "Replace the format with a data-only one (`json`, `msgpack`, Protocol Buffers, `safetensors`), or use the library's safe mode (`yaml.safe_load`, `torch.load(weights_only=True)`, `numpy.load(allow_pickle=False)`). If the payload must stay a pickle that the server produced itself, sign it with an HMAC under a server-side key and verify it with `hmac.compare_digest` (or `itsdangerous`/`django.core.signing`) before loading.",
    fixHint: "Deserialize untrusted input with a data-only format, or verify an HMAC with hmac.compare_digest before loading.",
    vulnerableExample: [
      "import base64, pickle",
      "from flask import request",
      "",
      '@app.route("/restore", methods=["POST"])',
      "def restore():",
      '    blob = base64.b64decode(request.form["state"])',
      "    return pickle.loads(blob)  # request form -> b64decode -> pickle.loads"
    ].join("\n"),
    safeExample: [
      "import hmac, hashlib, pickle",
      "from flask import request, abort",
      "",
      '@app.route("/restore", methods=["POST"])',
      "def restore():",
      "    blob, mac = request.data[:-32], request.data[-32:]",
      "    if not hmac.compare_digest(mac, hmac.new(KEY, blob, hashlib.sha256).digest()):",
      "        abort(400)",
      "    return pickle.loads(blob)  # verified: produced by this server"
    ].join("\n"),
    detectionScope: "Flows inside functions, and through function summaries across the whole project when scanned as one (`--project`): calls of functions of any module, methods resolved through the class of `self` or of the object, and methods of the objects a project factory returns (any class of its module that defines the method). Django-style handlers are recognised by a parameter named `request`/`req`; AWS Lambda handlers by `handler(event, context)`/`lambda_handler`/`*_handler`; message-queue callbacks by a four-parameter callback whose last parameter is `body`. Not reported: loads on a branch where `hmac.compare_digest` verified the data (a plain `==` against `hmac.new(...).digest()` is reported with low confidence), data returned by `itsdangerous` `Signer.unsign`/`*Serializer.loads` and Django `signing.loads`, names overwritten with constants before the load, list elements that hold constants. Objects are followed: a method that deserializes a field of `self` is reported at its calls on objects holding untrusted data in that field (passed to the constructor, a dataclass/attrs/pydantic field, assigned, or stored by a setter). Not covered yet: function parameters of non-handler functions with no caller that passes untrusted data (report them with the pattern rules), values passed through containers or lambdas into other functions, objects kept in another object's field, and methods inherited from a class of another module.",
    references: DESERIALIZATION_REFERENCES,
    faq: [
      {
        question: "How does this rule relate to PYTHON-LANG-SEC-040 and the other deserialization rules?",
        answer: "Those rules report every deserializer call, whatever its input, because pickle has no safe input. This rule reports the subset where the input provably comes from an attacker-controlled source, with the path, so these findings can be triaged first and can gate a build on their own."
      },
      {
        question: "We verify an HMAC before loading. Why is it still reported?",
        answer: "Only a constant-time comparison (`hmac.compare_digest`) on the branch that loads clears the finding. Comparing digests with `==` leaks timing that lets an attacker forge the MAC byte by byte; the finding stays with low confidence."
      }
    ]
  }
});
var PYTHON_DESER_001_default = PYTHON_DESER_001;

// src/rules/python/deps-docs.ts
var MANIFESTS_READ = "`requirements*.txt`/`*.in` (following `-r`/`-c` includes, with environment markers), `constraints*.txt`, `pyproject.toml` (PEP 621 dependencies and optional dependencies, PEP 735 dependency groups, Poetry, PDM and Hatch), `setup.cfg`, `setup.py` (`install_requires`/`extras_require` string literals, read without running it), `Pipfile`, `Pipfile.lock`, `poetry.lock`, `uv.lock`, `pdm.lock` and conda `environment*.yml`";
var DEPS_REFERENCES = [
  { title: "PEP 440: version identifiers and specifiers", url: "https://peps.python.org/pep-0440/" },
  { title: "PEP 508: dependency specification", url: "https://peps.python.org/pep-0508/" },
  { title: "OWASP A06:2021 Vulnerable and Outdated Components", url: "https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/" },
  { title: "GitHub Advisory Database (pip)", url: "https://github.com/advisories?query=ecosystem%3Apip" }
];
function manifestRuleClassification() {
  return {
    cwe: ["CWE-502", "CWE-1395"],
    owasp: ["A06:2021", "A08:2021"],
    compliance: DESERIALIZATION_COMPLIANCE,
    tags: ["security", "deserialization", "dependencies", "supply-chain", "sca", "cwe-502"],
    bundles: ["deps"],
    banditIds: []
  };
}

// src/rules/python/PYTHON-DEPS-SEC-001.ts
var PYTHON_DEPS_SEC_001_default = defineRule({
  id: "PYTHON-DEPS-SEC-001",
  name: "Pinned Dependency With a Deserialization Advisory",
  language: "python",
  severity: "critical",
  confidence: "high",
  precision: "very-high",
  ...manifestRuleClassification(),
  similar: ["PYTHON-DEPS-SEC-002", "PYTHON-DEPS-SEC-003"],
  prefilter: [],
  sinks: [],
  docs: {
    summary: "Detects a dependency pinned or locked at a version with a published deserialization vulnerability (PyYAML, torch, numpy, keras, tensorflow, transformers, bentoml).",
    description: "Pathfinder reads the project's dependency manifests and lock files and matches every exact pin (`==`, `===`) and every locked version against a curated table of advisories for libraries that deserialize: PyYAML's unsafe and FullLoader defaults, the torch `weights_only` bypasses, numpy's old `allow_pickle=True` default, keras `safe_mode` bypasses and Lambda layers, tensorflow's `model_from_yaml`, transformers loaders that unpickle Hub files, and bentoml's pickled request payloads. The finding sits on the manifest line that pins the version and names each advisory, what it lets an attacker do, and the first fixed version. The severity is the highest of the advisories (disputed reports count as medium).",
    securityImplications: "An affected version turns a call that looks safe into code execution: `torch.load(f, weights_only=True)` on torch < 2.6, `yaml.full_load` on PyYAML < 5.4, `keras.models.load_model(path)` with `safe_mode=True` on keras < 3.9. Whoever supplies the model, checkpoint or YAML document runs code with the application's rights. Lock files are what is installed in CI and production, so a locked affected version is exploitable wherever it is deployed.",
    howToFix: "Raise the pin to the fixed version the finding names (or later) and re-lock. Where an upgrade is not possible yet, avoid the affected API for untrusted input (for torch, load only safetensors; for PyYAML, `yaml.safe_load`).",
    fixHint: "Upgrade the pinned version to the fixed release named in the message and regenerate the lock file.",
    vulnerableExample: ["# requirements.txt", "torch==2.5.1      # CVE-2025-32434: weights_only=True is bypassable", "PyYAML==5.3.1     # CVE-2020-14343"].join("\n"),
    safeExample: ["# requirements.txt", "torch==2.10.0", "PyYAML==6.0.2"].join("\n"),
    detectionScope: `Manifests read: ${MANIFESTS_READ}. Exact pins and locked versions are matched with PEP 440 ordering (\`@renovatebot/pep440\`); ranges are PYTHON-DEPS-SEC-002. Package names are normalised (PEP 503: \`PyYAML\`, \`pyyaml\`, \`py_yaml\` are one). Direct URL references and local paths carry no version and are not matched. The advisory table is listed in the README with each row's source.`,
    references: [
      { title: "CVE-2025-32434: torch.load weights_only=True bypass (GHSA-53q9-r3pm-6pq6)", url: "https://github.com/advisories/GHSA-53q9-r3pm-6pq6" },
      { title: "CVE-2020-14343: PyYAML FullLoader code execution", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-14343" },
      { title: "CVE-2025-1550: keras safe_mode bypass (GHSA-48g7-3x6r-xfhp)", url: "https://github.com/advisories/GHSA-48g7-3x6r-xfhp" },
      ...DEPS_REFERENCES
    ],
    faq: [
      {
        question: "Why only these packages and not every CVE on PyPI?",
        answer: "Pathfinder is a deserialization scanner: the table holds advisories that make loading data or models run code, checked by hand against their sources. Use a general SCA tool (pip-audit, OSV-Scanner) for everything else."
      },
      {
        question: "The pin is in a lock file I do not edit by hand.",
        answer: "Raise the constraint in pyproject.toml/Pipfile (or add a constraint) and re-lock; the finding goes away with the locked version."
      }
    ]
  }
});

// src/rules/python/PYTHON-DEPS-SEC-002.ts
var PYTHON_DEPS_SEC_002_default = defineRule({
  id: "PYTHON-DEPS-SEC-002",
  name: "Dependency Range Admits a Version With a Deserialization Advisory",
  language: "python",
  severity: "low",
  confidence: "medium",
  precision: "medium",
  ...manifestRuleClassification(),
  similar: ["PYTHON-DEPS-SEC-001"],
  prefilter: [],
  sinks: [],
  docs: {
    summary: "Detects a version range (`>=`, `~=`, `^`, `<`, wildcards) that admits a version with a published deserialization vulnerability.",
    description: "A declared range such as `torch>=2.0` or `PyYAML<6` lets an installer pick an affected version: an old lock file, a pinned transitive constraint or a mirror without the newest release is enough. The rule intersects the range with each advisory's affected versions (PEP 440) and reports on the manifest line when they overlap, at low severity: nothing says the affected version is what gets installed. A bare name without a specifier is not reported (the resolver picks the newest release), and neither is a range beside a lock file or an exact pin of the same package in the same directory, which decide the version (PYTHON-DEPS-SEC-001 judges those).",
    securityImplications: "If the affected version is what gets installed, the advisory applies in full: see PYTHON-DEPS-SEC-001.",
    howToFix: "Raise the lower bound to the first fixed version named in the message (`torch>=2.6`), or lock the dependencies.",
    fixHint: "Raise the range's lower bound to the fixed version named in the message.",
    vulnerableExample: ["# pyproject.toml", "[project]", 'dependencies = ["torch>=2.0", "keras~=3.5"]'].join("\n"),
    safeExample: ["# pyproject.toml", "[project]", 'dependencies = ["torch>=2.6", "keras>=3.13.2"]'].join("\n"),
    detectionScope: `Manifests read: ${MANIFESTS_READ}. Ranges are intersected with the affected ranges as intervals of PEP 440 versions; \`!=\` exclusions are ignored (they can only make the range smaller, so the rule may over-report a range that excludes exactly the affected releases). Poetry \`^\`/\`~\` constraints and conda \`=1.2\` specs are translated to PEP 440.`,
    references: DEPS_REFERENCES,
    faq: [
      {
        question: "Why low severity?",
        answer: "A range says what may be installed, not what is. A lock file or exact pin is the stronger signal, reported by PYTHON-DEPS-SEC-001."
      }
    ]
  }
});

// src/rules/python/PYTHON-DEPS-SEC-003.ts
var RULE = defineRule({
  id: "PYTHON-DEPS-SEC-003",
  name: "Load Protection Missing in the Pinned Version",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502", "CWE-1395"],
  owasp: ["A08:2021", "A06:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "dependencies", "torch", "numpy", "cwe-502"],
  bundles: ["deps", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-DEPS-SEC-001", "PYTHON-ML-SEC-001", "PYTHON-ML-SEC-002"],
  prefilter: [],
  sinks: [],
  docs: {
    summary: "Detects loads that are safe on current releases but not on the version the project pins: `torch.load(..., weights_only=True)` with torch < 2.6, `numpy.load` without `allow_pickle` with numpy < 1.16.3.",
    description: "Code review and other scanners treat `torch.load(path, weights_only=True)` and a plain `np.load(path)` as safe, and on current releases they are. On the version a project actually pins they are not: torch before 2.6 lets a crafted checkpoint bypass the `weights_only` unpickler (CVE-2025-32434), and numpy before 1.16.3 unpickles object arrays by default (CVE-2019-6446). This rule joins the dependency scan with the code: when a manifest or lock file pins such a version, each of these calls is reported, pointing at the pin. Code findings that other rules already report get the same note instead (`yaml.full_load` with PyYAML < 5.4, `torch.load` without `weights_only` with torch < 2.6, raised from medium to high).",
    securityImplications: "The protection the code relies on does not exist in the installed version: whoever supplies the checkpoint or array file runs code in the loading process.",
    howToFix: "Upgrade the pinned package to the version the message names (the newest first-fixed version of its advisories: torch>=2.6, or >=2.10.0 for CVE-2026-24747; numpy>=1.16.3) and re-lock; for numpy also pass `allow_pickle=False` explicitly.",
    fixHint: "Upgrade the pin named in the message; the call itself is right.",
    vulnerableExample: ["# requirements.txt: torch==2.5.1", "state = torch.load(path, weights_only=True)  # bypassable on 2.5.1"].join("\n"),
    safeExample: ["# requirements.txt: torch==2.10.0", "state = torch.load(path, weights_only=True)"].join("\n"),
    detectionScope: "Runs in project scans only (the pin comes from the manifests; single-file analysis and the playground have no manifest). Calls are resolved through imports and aliases like every rule; `weights_only` must be the literal True (other values are PYTHON-ML-SEC-001's), `allow_pickle` must be absent (an explicit value is PYTHON-ML-SEC-002's).",
    references: [
      { title: "CVE-2025-32434: torch.load weights_only=True bypass (GHSA-53q9-r3pm-6pq6)", url: "https://github.com/advisories/GHSA-53q9-r3pm-6pq6" },
      { title: "numpy: allow_pickle default changed in 1.16.3 (CVE-2019-6446)", url: "https://numpy.org/doc/stable/reference/generated/numpy.lib.format.read_array.html" },
      ...DEPS_REFERENCES
    ],
    faq: [
      {
        question: "Why is a call with weights_only=True reported?",
        answer: "Because the pinned torch version is affected by a bypass of exactly that protection. Upgrade torch; the call is right."
      }
    ]
  }
});
var PYTHON_DEPS_SEC_003_default = RULE;

// src/core/order.ts
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/rules/registry.ts
var PYTHON_RULES = [
  PYTHON_CONFIG_SEC_001_default,
  PYTHON_CONFIG_SEC_002_default,
  PYTHON_CONFIG_SEC_003_default,
  PYTHON_CONFIG_SEC_004_default,
  PYTHON_CONFIG_SEC_005_default,
  PYTHON_CONFIG_SEC_006_default,
  PYTHON_CONFIG_SEC_007_default,
  PYTHON_CONFIG_SEC_008_default,
  PYTHON_DESER_001_default,
  PYTHON_DEPS_SEC_001_default,
  PYTHON_DEPS_SEC_002_default,
  PYTHON_DEPS_SEC_003_default,
  PYTHON_LANG_SEC_040_default,
  PYTHON_LANG_SEC_041_default,
  PYTHON_LANG_SEC_042_default,
  PYTHON_LANG_SEC_043_default,
  PYTHON_LANG_SEC_044_default,
  PYTHON_LANG_SEC_045_default,
  PYTHON_LANG_SEC_046_default,
  PYTHON_LANG_SEC_073_default,
  PYTHON_ML_SEC_001_default,
  PYTHON_ML_SEC_002_default,
  PYTHON_ML_SEC_003_default,
  PYTHON_ML_SEC_004_default,
  PYTHON_ML_SEC_005_default,
  PYTHON_ML_SEC_006_default,
  PYTHON_ML_SEC_007_default,
  PYTHON_ML_SEC_008_default,
  PYTHON_ML_SEC_009_default,
  PYTHON_ML_SEC_010_default,
  PYTHON_ML_SEC_011_default,
  PYTHON_ML_SEC_012_default
].sort((a, b) => compareText(a.id, b.id));
function buildRuleSet(spec2) {
  return spec2.ruleIds.map((id) => {
    const rule = PYTHON_RULES.find((r) => r.id === id);
    if (!rule) throw new Error(`unknown rule ID "${id}" in rule set`);
    return customized(rule, spec2.customizations?.[id]);
  });
}
function customized(original, change) {
  const extra = [...new Set((change?.extraSinks ?? []).map(canonicalName))];
  const severity = change?.severity;
  const sources = (change?.extraSources ?? []).map(canonicalName);
  const sanitizers = (change?.extraSanitizers ?? []).map(canonicalName);
  let rule = (sources.length || sanitizers.length) && original.withFlowSpecs ? original.withFlowSpecs({ sources, sanitizers }) : original;
  if (change?.onlySinksOf) rule = narrowed2(rule, change.onlySinksOf);
  if (!extra.length && !severity) return rule;
  let sinks2 = extra.length ? [...rule.sinks, configuredSink(rule, extra)] : rule.sinks;
  if (severity) sinks2 = sinks2.map((s) => withSeverity(s, severity));
  const prefilter2 = [.../* @__PURE__ */ new Set([...rule.prefilter, ...extra.map((name2) => name2.slice(name2.lastIndexOf(".") + 1))])];
  return { ...rule, severity: severity ?? rule.severity, prefilter: prefilter2, sinks: sinks2 };
}
function narrowed2(rule, ids) {
  const others = PYTHON_RULES.filter((r) => ids.includes(r.id));
  const names = new Set(others.flatMap((r) => r.sinks.flatMap((s) => s.call)));
  return {
    ...rule,
    sinks: rule.sinks.filter((s) => s.call.some((n) => names.has(n))),
    prefilter: [...new Set(others.flatMap((r) => r.prefilter))]
  };
}
function configuredSink(rule, names) {
  const message15 = (m) => {
    const spelled2 = m.calleeText === m.target ? code2(m.target) : `${code2(m.calleeText)} (${m.target})`;
    const sink = `configured as a deserialization sink of ${rule.id} (${rule.name})`;
    switch (m.via) {
      case "subclass":
        return `${code2(m.subclass.name)} subclasses ${code2(m.target)}, ${sink}: never pass it data from an untrusted source.`;
      case "reference":
        return `${spelled2}, ${sink}, ${referenced(m)}: every value it is applied to is deserialized.`;
      default:
        return `${spelled2} is ${sink}: never pass it data from an untrusted source.`;
    }
  };
  return { call: names, subclasses: true, references: true, message: message15 };
}
function withSeverity(spec2, severity) {
  const check11 = spec2.check;
  return {
    ...spec2,
    check: (m) => {
      const outcome = check11 ? check11(m) : {};
      return outcome === null ? null : { ...outcome, severity };
    }
  };
}

// src/project/analyzer.ts
function analyzeSafely(run2, path) {
  try {
    return run2();
  } catch (e) {
    return {
      findings: [],
      parsed: false,
      errors: [{ file: path, kind: "internal", level: "error", message: `internal error while analysing: ${e.message ?? e}` }]
    };
  }
}

// src/project/python-parser.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
var require2 = createRequire(import.meta.url);
function locate(file, packagePath) {
  const besideBundle = join2(dirname(fileURLToPath(import.meta.url)), file);
  if (existsSync(besideBundle)) return besideBundle;
  return require2.resolve(packagePath);
}
var cached;
function loadPythonParser() {
  cached ??= (async () => {
    const grammar = await readFile(locate("tree-sitter-python.wasm", "tree-sitter-python/tree-sitter-python.wasm"));
    const runtime = locate("tree-sitter.wasm", "web-tree-sitter/tree-sitter.wasm");
    return createPythonParser({ grammar, locateRuntimeWasm: () => runtime });
  })();
  return cached;
}

// src/project/worker.ts
var { spec, timeBudgetMs } = workerData;
var index = new SinkIndex(buildRuleSet(spec));
var parser = await loadPythonParser();
parentPort.on("message", (msg) => {
  const result = analyzeSafely(() => analyzePython(parser, msg.file, index, { timeBudgetMs }), msg.file.path);
  parentPort.postMessage({ id: msg.id, result });
});
parentPort.postMessage({ ready: true });
