// The region pre-scanner's faster pieces decide exactly what the simpler ones they replaced decided: one pass for
// several word sets, the assigned attributes read from dot to dot, computed imports found in the tokens' pass, and
// plain strings skipped to their closing quote. Each is checked against the simple reading on real sources and on
// near misses. (`node scripts/prescan-check.mjs` compares every decision with another build's on large corpora.)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pythonFiles } from "./helpers/python-files.js";
import { SinkIndex } from "../src/languages/python/analyze.js";
import { anchorOffsets, anchorTokenSet, prefilterTokens } from "../src/languages/python/prefilter.js";
import { assignedAttributes } from "../src/languages/python/regions.js";
import { TokenSet, wordSearch, wordWithoutBoundaries } from "../src/languages/python/token-set.js";
import { identifierKey, RARE_FORMS, splitClassBody, splitTopLevel, type Segment } from "../src/languages/python/top-level.js";
import { PYTHON_RULES } from "../src/rules/registry.js";

const ROOT = join(import.meta.dirname, "..", "..");

function pythonSources(dir: string): string[] {
  return pythonFiles(dir).map((path) => readFileSync(path, "utf8"));
}

const SOURCES = [...pythonSources(join(ROOT, "fixtures")), ...pythonSources(join(ROOT, "examples"))];

/** Every start offset of every word, overlapping ones included, ascending: what a token set must find. */
function everyOccurrence(words: readonly string[], text: string): number[] {
  const out: number[] = [];
  for (const w of words) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) out.push(at);
  return out.sort((a, b) => a - b);
}

/** The occurrences a search from the end of the last one finds (for words that can overlap themselves). */
function plainOccurrences(words: readonly string[], text: string): number[] {
  const out: number[] = [];
  for (const w of words) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) out.push(at);
  return out;
}

describe("token set", () => {
  const tokens = prefilterTokens(PYTHON_RULES);
  const sourceWords = [...new Set(PYTHON_RULES.flatMap((r) => r.flowSourceWords ?? []))];

  it("finds every occurrence of the tokens and of each extra set in one pass, on real sources", () => {
    const set = new TokenSet(tokens, { sources: sourceWords, imports: ["__import__", "import_module"] });
    assert.ok(SOURCES.length > 50);
    for (const text of SOURCES) {
      assert.deepEqual(set.offsetsIn(text), everyOccurrence(tokens, text));
      assert.deepEqual(set.extraOffsetsIn(text, "sources"), everyOccurrence(sourceWords, text));
      assert.deepEqual(set.extraOffsetsIn(text, "imports"), everyOccurrence(["__import__", "import_module"], text));
    }
  });

  it("reads words of two and three characters, words inside and overlapping one another, repeated words and words outside ASCII", () => {
    const words = ["rq", "req", "request", "quest", "aa", "aba", "pickle", "pickle", "été", "x"];
    const set = new TokenSet(words, { short: ["zmq", "re", "ab"] });
    const texts = ["", "rq", "requests rq\nreq", "aaaa abababa", "pickle pickled unpickle", "l'été est là; étété", "zmq rezmq abab x xx", "\u0100rq \u0172eq"];
    for (const text of texts) {
      // A word that cannot overlap itself is found where a search from the end of the last occurrence finds it.
      const overlapping = ["aa", "aba", "été"];
      assert.deepEqual(set.offsetsIn(text), [...everyOccurrence(words.filter((w) => !overlapping.includes(w)), text), ...plainOccurrences(overlapping, text)].sort((a, b) => a - b), text);
      assert.deepEqual(set.extraOffsetsIn(text, "short"), [...everyOccurrence(["zmq", "re"], text), ...plainOccurrences(["ab"], text)].sort((a, b) => a - b), text);
    }
  });

  it("answers an extra set for another text than the last one read, and none for an unknown set", () => {
    const set = new TokenSet(["pickle"], { sources: ["request"] });
    set.offsetsIn("request.data");
    assert.deepEqual(set.extraOffsetsIn("x = 1; request", "sources"), [7]);
    assert.deepEqual(set.extraOffsetsIn("x = 1; request", "unknown"), []);
    assert.equal(set.hasExtra("sources"), true);
    assert.equal(set.hasExtra("unknown"), false);
  });

  it("finds the flow source words wherever a leftmost search of them would mark the same statements and lines", () => {
    assert.ok(sourceWords.every(wordWithoutBoundaries));
    assert.equal(wordWithoutBoundaries("a b"), false);
    assert.equal(wordWithoutBoundaries("a#"), false);
    assert.equal(wordWithoutBoundaries(""), false);
    const leftmost = new RegExp(sourceWords.join("|"), "g");
    const index = new SinkIndex(PYTHON_RULES);
    for (const text of SOURCES) {
      const all = index.flowSources!.offsetsIn(text);
      const matches = Array.from(text.matchAll(leftmost), (m) => [m.index, m.index + m[0].length]);
      assert.deepEqual(wordSearch(sourceWords).offsetsIn(text), matches.map(([start]) => start));
      // Every leftmost match is an occurrence; every other occurrence lies inside a leftmost match.
      for (const [start] of matches) assert.ok(all.includes(start));
      for (const at of all) assert.ok(matches.some(([start, end]) => start <= at && at < end), `${at}`);
    }
  });
});

describe("computed imports among the anchors", () => {
  const EVERY_COMPUTED_IMPORT = /(?:__import__|import_module)\s*\(\s*(?![rRuU]?(?:'[\w.]*'|"[\w.]*")\s*[,)])/g;
  const tokens = prefilterTokens(PYTHON_RULES);

  it("are where the pattern matches, found in the tokens' pass or by searching the text", () => {
    const samples = [
      ...SOURCES,
      `m = __import__(name)\nimport_module ( "pickle" )\nimport_module(mod + "x")\n__import__("os")\nimportlib.import_module(\n  name)`,
      `x = __import__\ny = __import____import__(a)\nimport_moduleimport_module(b)`,
    ];
    const withImports = anchorTokenSet(tokens);
    const plain = new TokenSet(tokens);
    for (const text of samples) {
      const expected = [...everyOccurrence(tokens, text), ...Array.from(text.matchAll(EVERY_COMPUTED_IMPORT), (m) => m.index)].sort((a, b) => a - b);
      assert.deepEqual(anchorOffsets(text, withImports), expected);
      assert.deepEqual(anchorOffsets(text, plain), expected);
    }
  });
});

describe("assigned attributes", () => {
  const REFERENCE = /\.[ \t]*([A-Za-z_]\w*)[ \t]*(?=(?:\*\*|\/\/|>>|<<|[-+*/%&|^@])?=(?!=))|\b(?:self|cls)[ \t]*\.[ \t]*([A-Za-z_]\w*)[ \t]*(?=[,:)\]]|in\b)/g;
  const reference = (source: string, s: Pick<Segment, "start" | "end">) =>
    new Set(Array.from(source.slice(s.start, s.end).matchAll(REFERENCE), (m) => identifierKey(m[1] ?? m[2])));
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

  it("are the names the regular expression finds, in every statement and member of real sources", () => {
    let segments = 0;
    for (const source of SOURCES) {
      for (const s of splitTopLevel(source) ?? []) {
        const members = s.isClass ? (splitClassBody(source, s) ?? []) : [];
        for (const m of [s, ...members]) {
          assert.deepEqual(sorted(assignedAttributes(source, m as Segment)), sorted(reference(source, m)));
          segments++;
        }
      }
    }
    assert.ok(segments > 500);
  });

  it("are the names the regular expression finds in the rare forms the scanners are primed with", () => {
    const segments = splitTopLevel(RARE_FORMS)!;
    const cls = segments.find((s) => s.definition === "C")!;
    const method = splitClassBody(RARE_FORMS, cls)!.find((m) => m.definition === "m")!;
    const expected = ["a", "b", "c", "d", "e", "f", "x", "g", "h", "i", "j", "o", "q", "attr"].map(identifierKey);
    assert.deepEqual(sorted(assignedAttributes(RARE_FORMS, method)), sorted(new Set(expected)));
    for (const s of [...segments, ...splitClassBody(RARE_FORMS, cls)!]) assert.deepEqual(sorted(assignedAttributes(RARE_FORMS, s)), sorted(reference(RARE_FORMS, s)));
  });

  it("read near misses as the regular expression does", () => {
    const cases = [
      ["x.a = 1", ["a"]],
      ["x.a == 1", []],
      ["x . b  += 3; y.c **= 2; z.d >>= 1; w.e //= 2", ["b", "c", "d", "e"]],
      ["x.a ** 2; x.f >= 1; x.g != 2; x.h := 3; x.i *== 1", []],
      ["(self.a, self.b) = f()", ["a", "b"]],
      ["self.a, cls.b = 1, 2", ["a", "b"]],
      ["for self.x in y: pass", ["x"]],
      ["with f() as self.g: pass", ["g"]],
      ["x = [self.h]", ["h"]],
      // A name that ends in `in` gives it back to a whole word that follows: `self.xin + 1` assigns `x`.
      ["self.xin + 1", ["x"]],
      ["self.xin", ["x"]],
      ["self.ain\n", ["a"]],
      ["myself.a, _cls.b, obj.self.c, écls.d]", ["c", "d"]],
      ["self.é = 1; x.ñame = 2", []],
      ["a.self = 1; x.self.y, = 2", ["self", "y"]],
      ["o.p=\n", ["p"]],
      ["o.p=", ["p"]],
      ["self.q", []],
      [".r=1", ["r"]],
      ["self  .  s\t,", ["s"]],
      ["cls.t in=2", ["t"]],
    ] as const;
    for (const [code, names] of cases) {
      for (const [source, start] of [[code, 0], [`pad ${code} pad`, 4]] as const) {
        const segment = { start, end: start + code.length } as Segment;
        assert.deepEqual(sorted(assignedAttributes(source, segment)), sorted(reference(source, segment)), code);
      }
      assert.deepEqual(sorted(assignedAttributes(code, { start: 0, end: code.length } as Segment)), sorted(new Set(names.map(identifierKey))), code);
    }
  });
});

describe("plain strings", () => {
  it("end where the character-by-character reading ends them, and count as prose when they hold more than a name", () => {
    const proseOf = (source: string) => {
      const segments = splitTopLevel(source);
      return segments && segments.flatMap((s) => s.prose);
    };
    // Escaped quotes, backslashes before the closing quote, a line break inside a triple-quoted string, CRLF.
    const source = [
      `a = 'it\\'s here'`,
      `b = "path\\\\"`,
      `c = """one\nline's "two" ""\nthree"""`,
      `d = '''x y \\''' z'''`,
      `e = "pickle" + 'pickle.loads'`,
      `f = "a b" # note`,
      `g = r'\\d+ x'`,
      `h = f"{pickle} x"`,
      "",
    ].join("\n");
    const quoted = (text: string) => [source.indexOf(text), source.indexOf(text) + text.length];
    assert.deepEqual(proseOf(source), [
      ...quoted(`'it\\'s here'`),
      ...quoted(`"path\\\\"`),
      ...quoted(`"""one\nline's "two" ""\nthree"""`),
      ...quoted(`'''x y \\''' z'''`),
      ...quoted(`"a b"`),
      source.indexOf("# note"),
      source.indexOf("# note") + "# note".length,
      ...quoted(`'\\d+ x'`),
      // An f-string's literal text after its interpolation (see "f-strings" below).
      source.indexOf(`} x"`) + 1,
      source.indexOf(`} x"`) + 3,
    ]);
    assert.equal(proseOf("a = 'not closed\nb = 1\n"), undefined);
    assert.equal(proseOf("a = 'ends with a backslash \\"), undefined);
    assert.equal(proseOf('a = """never closed\n\n'), undefined);
    assert.deepEqual(proseOf("a = 'x y'\r\nb = 2\r\n"), [4, 9]);
  });
});

describe("f-strings", () => {
  it("count the literal text between interpolations as prose when it holds more than a name, and nothing after a quote inside one", () => {
    const proseOf = (source: string) => splitTopLevel(source)!.flatMap((s) => s.prose);
    const pieces = (source: string, ...texts: string[]) => texts.flatMap((t) => [source.indexOf(t), source.indexOf(t) + t.length]);
    const formatted = `x = f"{a} b {{c}} {d!r:>{w}} e.f"\n`;
    assert.deepEqual(proseOf(formatted), pieces(formatted, " b {{c}} ", " e.f"));
    const triple = `x = f"""cannot pickle\n{obj}"""\n`;
    assert.deepEqual(proseOf(triple), pieces(triple, "cannot pickle\n"));
    // Names only: the value may name a module or an attribute.
    assert.deepEqual(proseOf(`x = f"pickle.{name}"\n`), []);
    // A quote inside an interpolation may hold a brace: what follows is not judged.
    const quoted = `x = f"a b {d['}']} c d"\n`;
    assert.deepEqual(proseOf(quoted), pieces(quoted, "a b "));
    // Still one string, ending where it did.
    assert.deepEqual(splitTopLevel(`x = f"{a} b"; y = 1\nz = 2\n`)!.length, 2);
  });
});

describe("the rare forms the scanners are primed with", () => {
  it("split into the statements, definitions and members Python has there, binding what Python binds", () => {
    const segments = splitTopLevel(RARE_FORMS)!;
    const firstLines = segments.map((s) => RARE_FORMS.slice(s.start, s.end).split("\n")[0]);
    assert.deepEqual(firstLines, [
      "import os, pickle as p", "from . import a", "from m import (b as c,", "from n import *", "global g", "x = y = 1; z += 2",
      "if (w := 3): pass", "try:", "for i, j in k: pass", "with open(f) as h: pass", "été = f'{x!r:>{y}}' + rb'\\x' + b\"\\n\" + u'ü' + R\"\"\"a",
      "v = [1, 2.5e-3, 0x1f, 1_000j] + {'k': (1,)} \\", "match v:", "@decorator(p.loads)", "class C(Base, metaclass=M):", "class D: pass", "def f():",
    ]);
    assert.deepEqual(segments.map((s) => s.definition ?? null), [null, null, null, null, null, null, null, null, null, null, null, null, null, "fetch", "C", "D", "f"]);
    const bound = new Set(segments.filter((s) => s.definition === undefined).flatMap((s) => [...s.bound]));
    for (const name of ["os", "p", "a", "c", "d", "g", "x", "y", "w", "json", "i", "j", "h", "été", "v"]) assert.ok(bound.has(identifierKey(name)), name);
    for (const name of ["m", "k", "f", "open", "rest", "self"]) assert.ok(!bound.has(identifierKey(name)), name);
    const members = splitClassBody(RARE_FORMS, segments.find((s) => s.definition === "C")!)!;
    assert.deepEqual(members.map((m) => m.definition ?? null), [null, "m", "n", "Inner"]);
    assert.deepEqual([...members[1].globals], [identifierKey("G")]);
    assert.equal(splitClassBody(RARE_FORMS, segments.find((s) => s.definition === "D")!), undefined);
  });
});

describe("class bodies split on demand", () => {
  /** The union of what `pick` gives for each member. */
  const unionOf = (members: readonly Segment[], pick: (m: Segment) => Iterable<number>) => {
    const out = new Set<number>();
    for (const m of members) for (const x of pick(m)) out.add(x);
    return out;
  };
  const sorted = (values: Iterable<number>) => [...values].sort((a, b) => a - b);
  const EDGE_CASES = [
    ["class A:", "# column 0 before the first member", "    x = pickle.loads", "# between members", "    def f(self):", "        if True:", "            def inner(): hidden = 1", "        global G", "        return f'{loader}'", "", "    # trailing", "y = 1", ""].join("\n"),
    ["class B(Base, metaclass=M):", "    if DEBUG:", "        def g(self): from m import n as o", "    else:", "        g = None", "    (self_a, self_b) = 1, 2", "    k: int = (yield_ := 3)", "class C: pass", ""].join("\n"),
    ["@dec(pickle)", "class D:", "\tt = 1", "\tasync def m(self): return self.conn.recv()", "\tclass Inner:", "\t\tz = '''a", "# not a comment", "b'''", "E = 2", ""].join("\n"),
    ["class Uneven:", "        deep = 1", "    shallow = 2", "class AtEnd:", "    last = [", "1]"].join("\n"),
  ];

  it("leave the class statement mentioning exactly what its header and members mention, on real sources and edge cases", () => {
    const attributeKeys = new SinkIndex(PYTHON_RULES).attributeKeys;
    let classes = 0;
    for (const source of [...SOURCES, ...EDGE_CASES]) {
      for (const keys of [attributeKeys, undefined]) {
        for (const cls of splitTopLevel(source, keys) ?? []) {
          if (!cls.isClass) continue;
          const members = splitClassBody(source, cls, keys);
          if (!members) continue;
          classes++;
          assert.equal(members[0].start >= cls.bodyStart!, true);
          assert.equal(members[members.length - 1].end, cls.end);
          const header = cls.headerIdentifiers!;
          assert.deepEqual(sorted(cls.identifiers), sorted(new Set([...header, ...unionOf(members, (m) => m.identifiers)])));
          // The header mentions no attribute the body does not (an attribute in the header is the class's own).
          const bodyAttributes = unionOf(members, (m) => m.attributes);
          for (const a of bodyAttributes) assert.ok(cls.attributes.has(a));
          assert.deepEqual(sorted(cls.globals), sorted(unionOf(members, (m) => m.globals)));
          // A class binds at least what its members bind (what a definition binds is never read).
          for (const b of unionOf(members, (m) => m.bound)) assert.ok(cls.bound.has(b));
          // Every comment and prose string of the members is the class's, in order; only comment lines before the
          // first member are the class's alone.
          const memberProse = members.flatMap((m) => m.prose);
          const classBodyProse = cls.prose.filter((at, i) => cls.prose[i - (i % 2)] >= members[0].start);
          assert.deepEqual(classBodyProse, memberProse);
        }
      }
    }
    assert.ok(classes > 50, `${classes} classes`);
  });
});
