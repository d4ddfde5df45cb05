// The fast Python parser must build exactly the tree tree-sitter builds (node by node), or leave the source to
// tree-sitter; analysis results must not depend on which parser made the tree.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, it } from "node:test";
import { analyzePython, SinkIndex } from "../src/languages/python/analyze.js";
import { fastParse } from "../src/languages/python/fast-parser/index.js";
import { createPythonParser } from "../src/languages/python/parser.js";
import type { SourceRange } from "../src/languages/python/regions.js";
import { LineIndex, type SyntaxTree } from "../src/languages/python/syntax.js";
import { PYTHON_RULES } from "../src/rules/registry.js";

const require = createRequire(import.meta.url);
const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const grammar = readFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
const treeSitter = await createPythonParser({ grammar, treeSitterOnly: true });
const withFastPath = await createPythonParser({ grammar });

/** Every node on one line, depth-first, without recursion. */
function shape(tree: SyntaxTree): string {
  const lines = [JSON.stringify({ problems: tree.problems, comments: tree.comments.map((c) => [c.start, c.end]), maxDepth: tree.maxDepth })];
  const stack: [SyntaxTree["root"], number][] = [[tree.root, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    lines.push(`${depth} ${n.type} ${n.field} ${n.start}-${n.end} ${n.startRow}:${n.startCol} ${n.parent?.type ?? "-"}`);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i], depth + 1]);
  }
  return lines.join("\n");
}

function fastTree(source: string, ranges?: SourceRange[]): SyntaxTree {
  const result = fastParse(source, ranges, new LineIndex(source));
  assert.ok("tree" in result, `fast parser fell back: ${"unsupported" in result ? result.unsupported : ""}\n${source}`);
  return result.tree;
}

function assertSameTree(source: string, ranges?: SourceRange[]): void {
  assert.equal(shape(fastTree(source, ranges)), shape(treeSitter.parse(source, ranges)), source);
}

function assertFallsBack(source: string): void {
  const result = fastParse(source, undefined, new LineIndex(source));
  assert.ok("unsupported" in result, `accepted: ${source.slice(0, 200)}`);
  // The parser a scan uses still parses it (with tree-sitter) and gives tree-sitter's tree.
  assert.equal(shape(withFastPath.parse(source)), shape(treeSitter.parse(source)));
}

const CONSTRUCTS: Record<string, string> = {
  imports: "import a.b as c, d\nfrom . import (x as y, z,)\nfrom ..p.q import *\nfrom __future__ import annotations\n",
  decorators: "@a.b(c)\n@d\nclass A(B, metaclass=M):\n    @property\n    async def f(self, /, a, *args, b: int = 1, **kw) -> 'X':\n        await g()\n",
  async: "async def f():\n    async with a as b, c:\n        pass\n    async for x in y:\n        yield x\n    return [z async for z in w]\n",
  control: "if a:\n    pass\nelif b: x; y;  # c\nelse:\n    while 1:\n        continue\n    else:\n        break\nfor i, *j in k:\n    del i, j\nelse:\n    raise E from e\n",
  exceptions: "try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept* C:\n    pass\nexcept D, E:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
  scopes: "def f():\n    global a, b\n    def g():\n        nonlocal c\n        assert c, 'm'\n",
  operators: "x = -a ** ~b // c @ d\ny = a < b <= c is not d not in e\nz = a and b or not c\nw = a ^ b & c | d << 2 >> 1\nv = x if y else z if w else lambda q=1, *r, s, **t: q\n",
  walrus: "if (n := len(a)) > 10:\n    print(n)\nf(y := 5)\n[y := 1, z]\n",
  lambda: "f = lambda: 0\ng = lambda a, b=2, *c, d, **e: (a, b)\nh = sorted(x, key=lambda v: -v)\n",
  stars: "a, *b = c\n*d, e = f\nx = *a, b\nf(*a, **k, x=1, *(b))\n[*a, *b]\n{**a, 'b': c}\nprint(*args, sep='')\n",
  comprehensions: "[x for x in y if x if not x]\n{k: v for k, v in d.items()}\n{s for s in t}\n(g for g in h)\nf(x for x in y)\n[[a for a in b] for b in c]\n",
  assignments: "a = b = c\na, b = c, d\n[a, b] = c\n(a, b) = c\nx: int = 5\ny: List[int]\nz += 1\nw = yield\nq = yield from r\na.b[c] = d\n",
  subscripts: "a[1:2, ::3]\na[:]\na[x:]\na[::]\nb[c][d](e)(f).g\nt[()]\nt[1,]\n",
  literals: "0x1F, 0o7, 0b1, 1_000, 1.5e3j, 1j, .5, 5., 1e-3, ..., None, True, False\n",
  strings: "a = 'x' \"y\" '''z''' \"\"\"w\"\"\"\nb = r'\\d' R'x' b'y' B\"z\" br'q' Rb'q' rB'q' u'x' U'x'\nc = 'it''s' \\\n    'more'\n",
  fstrings:
    "a = f'{b!r:>{w}} {c=} {{d}} \\n' F'x' rf'{e}' fR'{f}'\nb = f\"{x['k']} {y:%Y-%m-%d} {z!s} {n:{w}.{p}f}\"\nc = f'''{a\n}\\N{BULLET}\\x41\\u0041\\101'''\nd = f'{a}{b}' f''\n",
  types: "def f(a: int | None, *b: str, **c: Dict[str, int]) -> List['X']:\n    x: a.b.C[int] = 1\n    y: Callable[[int], str] | None = None\n    z: Tuple[()] = ()\n",
  withItems:
    "with open(f) as g, h:\n    pass\nwith a as (b, c):\n    pass\nwith (open(a) as f, open(b) as g,):\n    pass\nwith (a, b):\n    pass\nwith (a):\n    pass\n" +
    "with (a) as b:\n    pass\nwith (a).c() as d, e:\n    pass\nwith (\n    a as b,  # c\n    d\n):\n    pass\nwith (a, b) as c:\n    pass\n",
  comments:
    "# top\n\nimport a  # trailing\nclass A:  # header\n    # first\n    x = 1\n        # deeper\n    # same\n  # odd\n    def f(self):\n        return 1\n    # after f\n# after A\nx = [a,  # in list\n  b  # last\n  ]\n",
  continuations: "x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\ny = f(a,\n      b) \\\n    .c\n",
  dedentComments: "def f():\n    if a:\n        b\n    # c\n# d\n    # e\nx = 1\n# end\n",
  crlf: "import pickle\r\nif a:\r\n    b = 1  # c\r\n    d \\\r\n  + e\r\n\r\n",
  tabs: "if a:\n\tb = 1\n\tif c:\n\t\td = 2\n\te = 3\n",
  formFeed: "\fimport a\n\f\ndef f():\n    pass\n",
  bom: "\uFEFFimport pickle\npickle.loads(x)\n",
  nonAscii: "ünïcode = 'é😀'\nπ = 3.14  # ç\nclass Ärger: pass\n",
  print: "print(x)\nprint('a', file=f)\nexec(code)\nprint = 1\ntype = 2\ntype(x).y(z)\nmatch = re.match(p, s)\n",
  empty: "",
  blank: "\n  \n",
  onlyComment: "# c\n",
  noNewline: "f(a)  # c",
  semicolons: "a = 1; b = 2;\nif x: c; d\n",
  keywordsAsNames: "f(print=1, type=2, match=3)\nx.print, x.type\n",
  // Raw f-strings: the scanner steps over `\\`, `\\'` and `\\` + line break; where that is all it read before a brace or
  // the closing quote, tree-sitter's lexer reads one escape, or the string_end takes the backslashes.
  rawFormatStrings: "a = fr'(?s:{res})\\Z'\nb = fr'\\x{c:02x}'\nc = rf'\\[({expr})\\]'\nd = rf'lib{name}\\.so'\ne = rf'a\\\\{b}'\nf = rf'\\\\'\ng = rf'\\\\\\\\{b}'\nh = rf'\\{x}'\ni = rf'\\{{x'\nj = rf'\\'{x}'\nk = rf\"\\'{x}\"\nl = rf'''\\\\'''\nm = rf'''it's {x}'''\nn = rf'''\\'{x}'''\no = rf'''a''b{x}\\\\'''\np = rf'{a}\\\\'\nq = rf'{a}x\\\\'\nr = Rf\"Software\\Python\\PythonCore\\{sys.winver}\"\ns = rf'\\}}{x}'\nt = rf'\\d+{x}\\s*'\nu = rf'''\\\n{x}\\\n'''\nv = rf'\\N{x}'\nw = rf'''\\''{x}'''\nx = rf'{x}\\''\ny = f'\\{x}' rf'\\{x}'\n",
  // PEP 646 starred subscripts, and starred names as the only element of a list or set: the star binds to the name.
  starred: "a[*b]\na[*b, c]\na[*b.c]\na[*b[0]]\na[*b()]\na[x, *b]\na[*b:c]\na[*b + c]\na[*b.c, d]\na[d, *b.c]\na[*b, *c.d]\na[*b,]\nx = [*cls.f(p), *s]\nx = [*a.b]\nx = [*a()]\nx = {*a.b}\nf(*a.b)\nx = [*a[0]]\nx = [c, *a.b]\nx = [*a.b,]\nx = [*a(), b]\nx = {*a.b, c}\nx = [*a.b.c]\nx = [*a.b()]\nf([*a.b])\nx = [*a.b, *c.d]\nx = [*a[0], 1]\nx = [*a.b + c]\nx = [*a + c]\nx = [*a.b if c else d]\nx = [*a.b or c]\nx = [*a.b\n]\nx = [*a.b  # c\n]\nx = [*(a).b]\nx = [*a.b[1:2]]\nx = [*a(b).c]\nx = [*await a]\nx = [*a + c]\nx = [*not a]\nx = [*a is b]\nx = [*a, *b.c + d]\nx = [*lambda: 1]\nx = [*a + c, d]\nx = {*a.b.c(d)[e]}\nx = [*a ** 2]\nx = [*a < b < c]\nx = [*a.b, *c]\nx = {*a, *b.c}\nfor x in [*a.b]:\n    pass\ndef f():\n    return [*a.b], (c)\ny = a[*b][*c.d]\nz = T[*Ts, int]\nw = tuple[int, *tuple[str, ...]]\nx = [*a.b,\n     *c.d]\nx = [\n    *a.b  # one\n]\nx = [*a\n    .b]\nx = [*a \\\n    .b]\nx = a[\n    *b  # c\n]\n",
  nestedFormatStrings: "a = f'^{re.escape(f\"Cannot subclass {obj!r}\")}$'\nb = f'{d[\"{\"]}'\nc = f'{d[\"}\"]}'\nd = f\"{f'{x}' + 'y'}\"\ne = f\"{f'{x:{w}}'!r:>10}\"\ng = f'{ {\"a\": 1}[\"a\"] }'\nh = f\"{b'{x}'}\"\n",
  // Every pattern form, guards, comments before, between and after clauses, nested matches, `match` as a name.
  match: "match command.split():\n    case [action]:\n        pass\n    case [action, obj]:  # two\n        pass\n    case Point(x=0, y=0) | Point(1, 2):\n        print(\"Origin\")\n    case {\"x\": 1, **rest}:\n        pass\n    case -1 | 1.5 | -2+3j | 1 - 2j | \"s\" \"t\" | None | True | False:\n        pass\n    case (a, *_, b) as whole if whole:\n        pass\n    case _:\n        pass\n    case x:\n        pass\n    case Color.RED:\n        pass\n    case [*rest]:\n        pass\n    case ():\n        pass\n    case (x):\n        pass\n    case a, b,:\n        pass\nmatch a, b:\n    case 1, 2: return\nmatch (x):\n    # comment\n    case {}: pass\n    case {**kw}: pass\n    case str() | bytes(): pass\n",
  matchAdversarial: "match x:  # header\n    case 1: pass  # one\n    # between\n    case {\"a\": _, \"b\": [_, *_], **kw} if (n := len(kw)) > 1:\n        pass\n        # trailing in body\n    case Point(x=_, y=[1, 2]) | a.b.c(d=-1):\n        pass\n  # odd indent comment\n    case 1 | 2 as x:\n        pass\n    case (1 | 2) as y:\n        pass\n    case x as y as z:\n        pass\n    case -0.5 | 1+2j | -1-2j | b\"x\" | \"a\" \"b\" | f\"c\":\n        pass\n    case {1: 2,} | [1,] | () | A.B():\n        pass\n    case _ if x:\n        match y:\n            case [a,\n                  b]:\n                pass\n    case _:\n        pass\n# after\ndef f():\n    match (a, b):\n        case (1, 2):\n            return\n        case _: pass\n    match a,:\n        case z: pass\n    match -x:\n        case 1: pass\n    match not x:\n        case True: pass\n    match x if y else z:\n        case None: pass\nmatch = 3\nmatch.x = 1\nmatch[x] = 2\nmatch(x)\nprint(match)\nmatch(x).y\nmatch x, \\\n      y:\n    case 1: pass\nclass C:\n    match x:\n        case 1: pass\nmatch y:\n    case [1, 2, *rest]:\n        pass\n    case {\"k\": v}:\n        pass\n",
  parenthesizedTargets: "(a) = 1\nfor (x) in y:\n    pass\n((a)) = 2\n(a), b = c\n[(a), (b.c)] = d\nfor (k), (v) in items:\n    pass\nx = [1 for (i) in r]\n(a.b) = 3\n(a[0]) += 1\n(x): int = 5\n",
  starredInExpressionLists: "def f():\n    return item[0].lower(), *item[1:]\nargs = *args, *kwargs.values()\nx = *a.b, c\ny = *a + b, c\nz = c, *a(b).d\nfor q in *a.b, c:\n    pass\ndel a, b\nw = yield *a.b, c\n",
  // PEP 646 `*Ts` and `**P` annotations.
  splatTypes: "def f(*args: *Ts): pass\ndef g(*args: *tuple[int, ...]): pass\ndef h() -> *Ts: pass\nx: *Ts\ndef k(*args: *tuple[int, *Ts], **kw: **P) -> None: pass\ndef m(*args: *Ts, a: *Ts = 1): pass\ny: *Ts = 3\n",
};

describe("fast Python parser", () => {
  for (const [name, source] of Object.entries(CONSTRUCTS)) {
    it(`builds tree-sitter's tree: ${name}`, () => assertSameTree(source));
  }

  it("builds tree-sitter's tree for every fixture", () => {
    let accepted = 0;
    for (const dir of readdirSync(FIXTURES)) {
      for (const f of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith(".py"))) {
        const source = readFileSync(join(FIXTURES, dir, f), "utf8");
        const result = fastParse(source, undefined, new LineIndex(source));
        if (!("tree" in result)) continue;
        accepted++;
        assert.equal(shape(result.tree), shape(treeSitter.parse(source)), `${dir}/${f}`);
      }
    }
    assert.ok(accepted > 50, `only ${accepted} fixtures taken by the fast parser`);
  });

  it("parses only the ranges given, as tree-sitter's included ranges do", () => {
    const source = "import a\n# c\nclass A(B):\n    x = 1\n    def f(self):\n        pass\n    def g(self):\n        return 2  # r\n\ny = 3\n";
    const g = source.indexOf("    def g");
    assertSameTree(source, [{ start: 0, end: 9 }, { start: 13, end: 25 }, { start: g, end: source.indexOf("\ny") + 1 }]);
    assertSameTree(source, [{ start: source.indexOf("y = 3"), end: source.length }]);
  });

  it("leaves what it does not reproduce to tree-sitter", () => {
    assertFallsBack("with (a as b):\n    pass\n");
    assertFallsBack("with (a,):\n    pass\n");
    assertFallsBack("type X = int\n");
    assertFallsBack("type(backend).cache = {}\n");
    // tree-sitter reads these either way depending on the text around them (even on what follows).
    assertFallsBack("x = (*a.b)\n");
    assertFallsBack("x = (*a)\n");
    assertFallsBack("x = [*a.b for a in c]\n");
    assertFallsBack("x = {*a.b: 1}\n");
    assertFallsBack("*a.b, c = d\n");
    // A line in brackets indented less than its block, where no closing bracket may follow: tree-sitter's scanner
    // ends the block there (a syntax error to it); where one may, it does not.
    assertFallsBack("def f():\n    (bar.\nbaz)\n");
    assertFallsBack("if a:\n    x = (1 +\n2)\ny = 3\n");
    assertSameTree("def f():\n    x = f(\n  1,\n  2)\n");
    assertFallsBack("print('v', *sys.version.split())\n");
    assertFallsBack("def f[T](x: T) -> T: ...\n");
    assertFallsBack("print 'hello'\n");
    assertFallsBack("exec code in ns\n");
    assertFallsBack("def f(:\n    pickle.loads(x\n");
    assertFallsBack("x = 'unterminated\n");
    assertFallsBack("x = '''unterminated\n");
    assertFallsBack("x = f'{a['b']}'\n");
    assertFallsBack("x = f\"{f'{a}' + 'b\\n'}\"\n");
    assertFallsBack("if a:\n    b\n  c\n");
    assertFallsBack("  x = 1\n");
    assertFallsBack("x = 1 \\\n\ny = 2\n");
    assertFallsBack("x = a\0b\n");
    assertFallsBack("x = `a`\n");
  });

  it("stays bounded on hostile input: deep nesting, a 5 MB line, NUL bytes", () => {
    for (const deep of ["x = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n", "x = " + "(".repeat(100_000) + "\n", "x = " + "-".repeat(100_000) + "1\n", "x = " + "not ".repeat(50_000) + "y\n"]) {
      const result = fastParse(deep, undefined, new LineIndex(deep));
      assert.ok("unsupported" in result);
    }
    const longLine = "x = [" + "1, ".repeat(1_700_000) + "]\n";
    assert.ok(longLine.length > 5_000_000);
    const tree = fastTree(longLine);
    assert.equal(tree.root.children[0].children[0].children[1].children.length, 1_700_000);
    const longString = "x = '" + "a".repeat(5_000_000) + "'\n";
    assert.equal(fastTree(longString).root.end, longString.length);
    assertFallsBack("x = 1\0\n");
  });

  it("gives the same findings as tree-sitter on every fixture", () => {
    const index = new SinkIndex(PYTHON_RULES);
    for (const dir of readdirSync(FIXTURES)) {
      for (const f of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith(".py"))) {
        const file = { path: `${dir}/${f}`, source: readFileSync(join(FIXTURES, dir, f), "utf8"), moduleName: f.replace(/\.py$/, "") };
        for (const options of [{}, { wholeFile: true }]) {
          const slow = analyzePython(treeSitter, file, index, options);
          const fast = analyzePython(withFastPath, file, index, options);
          assert.deepEqual(JSON.parse(JSON.stringify(fast)), JSON.parse(JSON.stringify(slow)), file.path);
        }
      }
    }
  });
});
