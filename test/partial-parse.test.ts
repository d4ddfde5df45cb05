// Project scans parse a large file only where a finding can be. These cases put the binding of a sink far from
// its use, with unrelated code between, and require the same findings as a whole-file parse.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeSource } from "../src/index.js";
import { SinkIndex } from "../src/languages/python/analyze.js";
import { anchorOffsets } from "../src/languages/python/prefilter.js";
import { relevantRanges } from "../src/languages/python/regions.js";
import { identifierKey, splitClassBody, splitTopLevel, type Segment } from "../src/languages/python/top-level.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { scanProject } from "../src/project/scan.js";
import { toolInfo } from "../src/cli/version.js";
import { tempProject } from "./helpers/cli.js";
import { irrelevantCode } from "./helpers/padding.js";

const PAD = irrelevantCode();

async function findingLines(source: string, wholeFile: boolean): Promise<number[]> {
  const { findings } = await analyzeSource(source, { wholeFile });
  return [...new Set(findings.map((f) => f.location.line))].sort((a, b) => a - b);
}

/** `code` with `PAD` put where `@@PAD@@` stands; returns it and the lines marked `# finding`. */
function padded(code: string): { source: string; expected: number[] } {
  const source = code.replaceAll("@@PAD@@", PAD);
  const expected = source.split("\n").flatMap((line, i) => (line.endsWith("# finding") ? [i + 1] : []));
  return { source, expected };
}

async function assertSameFindings(code: string): Promise<void> {
  const { source, expected } = padded(code);
  assert.deepEqual(await findingLines(source, true), expected, "whole-file parse");
  assert.deepEqual(await findingLines(source, false), expected, "partial parse");
}

// The pattern rules: data-flow rules (PYTHON-DESER-001) also keep the functions kept code names, see below.
const INDEX = new SinkIndex(PYTHON_RULES.filter((r) => !r.flowNames));
const FLOW_INDEX = new SinkIndex(PYTHON_RULES);

/** The text a project scan parses, or undefined when it parses the whole file. */
function keptText(source: string, index: SinkIndex = INDEX): string | undefined {
  const segments = splitTopLevel(source, index.attributeKeys);
  assert.ok(segments, "the splitter reads the file");
  const ranges = relevantRanges(source, segments, anchorOffsets(source, index.tokens, index.words), index);
  return ranges?.map((r) => source.slice(r.start, r.end)).join("");
}

function keptShare(source: string): number {
  return (keptText(source) ?? source).length / source.length;
}

describe("partial parsing of large files", () => {
  it("skips code that cannot hold a finding", () => {
    const { source } = padded("import pickle\n@@PAD@@\ndef use(b):\n    return pickle.loads(b)\n");
    assert.ok(keptShare(source) < 0.05, `kept ${keptShare(source)}`);
  });

  it("follows import aliases and module-level rebinding into functions", () =>
    assertSameFindings(`import pickle as p
from marshal import loads as ml
loader = p.loads
@@PAD@@
def use(b):
    return p.loads(b)  # finding

def use_rebound(b):
    return loader(b)  # finding

@decorator
def use_decorated(b):
    return ml(b)  # finding

def in_fstring(b):
    return f"{p.loads(b)}"  # finding
`));

  it("reads the literal text of f-strings as prose, and their interpolations as code", async () => {
    // A token in an f-string's literal text, next to a character no name holds, cannot name a sink.
    const { source } = padded(`import io
@@PAD@@
class Reader(io.RawIOBase):
    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")
`);
    assert.equal(keptText(source), "");
    assert.equal(keptText(source, FLOW_INDEX), "");
    // Interpolations stay code, also after a brace a nested string holds, an escaped brace or a format spec.
    await assertSameFindings(`import pickle
@@PAD@@
def message(b):
    return f"cannot pickle {pickle.loads(b)}"  # finding

def after_quoted_brace(b):
    return f"{'}' + repr(pickle.loads(b))} done"  # finding

def after_escaped_braces(b):
    return f"x {{ {pickle.loads(b)} }}"  # finding

def in_format_spec(b):
    return f"""{b!r:>{pickle.loads(b)}} loaded"""  # finding

def name_in_text(m):
    return __import__(f"pickle").loads(m)  # finding
`);
  });

  it("follows local classes that derive from a sink, across the file", () =>
    assertSameFindings(`import pickle

class Base(pickle.Unpickler):
    pass
@@PAD@@
class Mid(Base):
    pass

def use(fh):
    return Mid(fh).load()  # finding
`));

  it("keeps the methods of a large class that use a sink, and what its class body names", () =>
    assertSameFindings(`import pickle

class Store:
    def _read(self, b):
        return pickle.loads(b)  # finding
${PAD.replace(/^/gm, "    ")}
    read = _read

    def other(self, b):
        return b
`));

  it("follows names bound through global declarations", () =>
    assertSameFindings(`import pickle
@@PAD@@
def init():
    global LOADER
    LOADER = pickle.loads

def use(b):
    return LOADER(b)  # finding
`));

  it("keeps definitions that shadow a builtin or a constant used by relevant code", () =>
    assertSameFindings(`import pickle
NAME = "loads"

def getattr(obj, name):
    return None
@@PAD@@
def NAME():
    return None

def use(b):
    return getattr(pickle, "loads")(b)

def use_constant(b):
    return vars(pickle)[NAME](b)
`));

  it("parses the whole file after a star import of a sink module", () =>
    assertSameFindings(`from pickle import *
@@PAD@@
def use(b):
    return loads(b)  # finding
`));

  it("parses the whole file after a star import of a module that leads to a sink, and not after others", async () => {
    await assertSameFindings(`from six import *
def moves():
    return None
@@PAD@@
def use(b):
    return moves.cPickle.loads(b)
`);
    const { source } = padded(`from os.path import *
import pickle
def helper(value):
    return value
@@PAD@@
def use(b):
    return helper(pickle.loads(b))  # finding
`);
    assert.ok(!keptText(source)?.includes("def helper"), "a star import of os.path cannot bring a sink");
  });

  it("takes a token as an anchor only inside a name that can lead to a sink", async () => {
    const code = `import pickle
import _pickle
@@PAD@@
def cache(pickled_blob):
    return _PickleCache(pickled_blob).unpickled

def use(b):
    return pickle.loads(b)  # finding

def use_accelerator(b):
    return _pickle.loads(b)  # finding
`;
    await assertSameFindings(code);
    const kept = keptText(padded(code).source);
    assert.ok(kept?.includes("def use_accelerator"));
    assert.ok(!kept?.includes("def cache"), "pickled, _PickleCache and unpickled are not pickle");
  });

  it("follows only the names an import statement binds from a sink's module", async () => {
    const code = `import io, os, pickle as p
@@PAD@@
class Rotating(io.StringIO):
    def roll(self):
        return os.getcwd()

def use(b):
    return p.loads(b)  # finding
`;
    await assertSameFindings(code);
    assert.ok(!keptText(padded(code).source)?.includes("class Rotating"), "io and os do not lead to a sink");
  });

  it("does not follow a name through attributes that no sink has (pickle.dumps)", async () => {
    const code = `import pickle
import torch
import yaml
@@PAD@@
def save(obj, fh):
    pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return yaml.safe_load(fh)

def use_dict(b):
    return pickle.__dict__["loads"](b)  # finding

def use_hub(url):
    return torch.hub.load_state_dict_from_url(url)  # finding
`;
    await assertSameFindings(code);
    const kept = keptText(padded(code).source);
    assert.ok(kept?.includes("def use_dict") && kept.includes("def use_hub"));
    assert.ok(!kept?.includes("def save"), "dump, HIGHEST_PROTOCOL and safe_load lead to no sink");
  });

  it("keeps the local classes a sink's arguments name, with their bases", () =>
    assertSameFindings(`import yaml
@@PAD@@
class StrictLoader(yaml.SafeLoader):
    pass
@@PAD@@
class StricterLoader(StrictLoader):
    pass

class RiskyLoader(yaml.Loader):
    pass

def load_config(text):
    return yaml.load(text, Loader=StricterLoader)

def load_risky(text):
    return yaml.load(text, Loader=RiskyLoader)  # finding
`));

  it("follows a name from \`from m import x\` only when x can lead to a sink, but keeps what it shadows", async () => {
    const code = `try:
    from numpy import ndarray as array_type
except ImportError:
    array_type = None
from yaml import SafeLoader, load
@@PAD@@
@skip_unless(array_type)
class ArrayTests:
    def test_shape(self):
        return array_type

def use(text):
    return load(text)  # finding
`;
    await assertSameFindings(code);
    assert.ok(!keptText(padded(code).source)?.includes("class ArrayTests"), "numpy.ndarray leads to no sink");
    await assertSameFindings(`from yaml import SafeLoader
import yaml
@@PAD@@
def SafeLoader():
    return None

config = yaml.load(text, Loader=SafeLoader)  # finding
`);
  });

  it("keeps the module-level statements that bind what kept code uses, and only those", async () => {
    const code = `import importlib
import shelve
import sys
FLAG = "n"
TABLE = [
    ("a", 1),
    ("b", 2),
]
@@PAD@@
def open_cache(path):
    return shelve.open(path, FLAG)  # finding

def dynamic(data):
    return importlib.import_module("pickle").loads(data)  # finding

if __name__ == "__main__":
    print(TABLE, sys.argv)
`;
    const { source } = padded(code);
    const [whole, partial] = await Promise.all(
      [true, false].map(async (wholeFile) => (await analyzeSource(source, { wholeFile })).findings.map((f) => [f.location.line, f.severity, f.message])),
    );
    assert.deepEqual(partial, whole);
    assert.deepEqual(whole.map(([, severity]) => severity), ["low", "high"], "FLAG makes the shelf a new one");
    const kept = keptText(source) ?? "";
    assert.ok(kept.includes('FLAG = "n"') && kept.includes("import importlib"));
    assert.ok(!kept.includes("TABLE = [") && !kept.includes("__main__"), "statements whose names no kept code uses are left out");
  });

  it("leaves out definitions that kept code names when nothing else binds their name", async () => {
    const code = `import pickle
def helper(value):
    return value
@@PAD@@
def use(b):
    return helper(pickle.loads(b))  # finding
`;
    await assertSameFindings(code);
    assert.ok(!keptText(padded(code).source)?.includes("def helper"));
    // A data-flow rule reads the helper's body (what it returns), and the imports its body uses.
    const flow = keptText(padded(`import pickle\nfrom flask import request\nimport os\ndef helper():\n    return request.data\n@@PAD@@\ndef use():\n    return pickle.loads(helper())\n`).source, FLOW_INDEX);
    assert.ok(flow?.includes("def helper") && flow.includes("from flask import request"), flow);
    assert.ok(!flow?.includes("import os"), flow);
    await assertSameFindings(`from pickle import loads
@@PAD@@
def loads(b):
    return b

data = loads(blob)
`);
  });

  it("for data flow, keeps the functions and methods that can carry untrusted data to a sink, and only those", async () => {
    const code = `import pickle
import socket
from flask import request

def unrelated_helper():
    return sorted([3, 1, 2])

def fetch():
    unrelated_helper()
    return request.get_data()

def strip_header(x):
    return x[4:]

class Server:
    def __init__(self, host):
        self.conn = socket.create_connection((host, 80))
        self.cache = {}

    def unrelated(self):
        return type(self).__name__

    def recv_frame(self):
        self.unrelated()
        return self.conn.recv(4096)

    def handle(self):
        return pickle.loads(self.recv_frame())  # finding

    def load_config(self, path):
        return open(path).read()
@@PAD@@
def use():
    return pickle.loads(fetch())  # finding

def unwrap(b):
    return pickle.loads(strip_header(b))  # finding

def unpickle(b):
    return pickle.loads(b)  # finding

def caller():
    return unpickle(request.data)  # finding
`;
    await assertSameFindings(code);
    const kept = keptText(padded(code).source, FLOW_INDEX);
    assert.ok(kept !== undefined);
    for (const needed of ["def fetch", "def strip_header", "def __init__", "def recv_frame", "def handle", "def caller", "from flask import request", "import socket"]) {
      assert.ok(kept.includes(needed), `${needed} is kept`);
    }
    for (const left of ["def unrelated_helper", "def unrelated(self)", "def load_config"]) assert.ok(!kept.includes(left), `${left} is left out`);
  });

  it("for data flow, keeps a called function that code holding a sink may pass data to, unless its def takes nothing", async () => {
    const code = `import pickle
@@PAD@@
async  def nothing ( ):
    return 1

def only_self(self, ):
    return 2

@decorator(factor=2)
def only_cls(cls):
    return 3

def takes(x):
    return x

def takes_any(*args):
    return args

def selfish(selfie):
    return selfie

def unwrap(b):
    nothing(); only_self(); only_cls(); takes(b); takes_any(b); selfish(b)
    return pickle.loads(b)  # finding
`;
    await assertSameFindings(code);
    const kept = keptText(padded(code).source, FLOW_INDEX);
    assert.ok(kept !== undefined);
    for (const needed of ["def takes(x)", "def takes_any", "def selfish", "def unwrap"]) assert.ok(kept.includes(needed), `${needed} is kept`);
    for (const left of ["def nothing", "def only_self", "def only_cls"]) assert.ok(!kept.includes(left), `${left} is left out`);
  });

  it("inside a package sinks belong to, follows relative imports that spell no token", async () => {
    // Scanning the library itself: `multiprocessing/resource_sharer.py` binds the sink's class by `from .connection`.
    const { source } = padded(`# A comment that mentions pickle makes the file a candidate.
import threading
@@PAD@@
class Sharer:
    def start(self):
        from .connection import Listener
        self._listener = Listener()

    def serve(self):
        with self._listener.accept() as conn:
            return conn.recv()  # finding
`);
    const path = "multiprocessing/resource_sharer.py";
    const lines = async (wholeFile: boolean) => (await analyzeSource(source, { path, wholeFile })).findings.map((f) => f.location.line);
    const expected = source.split("\n").flatMap((line, i) => (line.endsWith("# finding") ? [i + 1] : []));
    assert.deepEqual(await lines(true), expected, "whole-file parse");
    assert.deepEqual(await lines(false), expected, "partial parse");
  });

  it("keeps functions that import a computed module name", () =>
    assertSameFindings(`PREFIX = "pic"
@@PAD@@
def use(b):
    return __import__(PREFIX + "kle").loads(b)  # finding
`));

  it("reports syntax errors in the parts it parses, and falls back to a whole parse when they appear", async () => {
    const source = `import pickle\n@@PAD@@\ndef use(b):\n    return pickle.loads(b  # finding\n`.replace("@@PAD@@", PAD);
    const line = source.split("\n").length - 1;
    for (const wholeFile of [true, false]) {
      const { errors, findings } = await analyzeSource(source, { wholeFile });
      assert.equal(errors[0]?.kind, "syntax", `wholeFile=${wholeFile}`);
      assert.ok(findings.length <= 1);
      assert.ok((errors[0]?.line ?? 0) >= line - 1, `error near line ${line}, got ${errors[0]?.line}`);
    }
  });

  it("does not parse, so does not report, a syntax error in code that cannot hold a finding", async () => {
    const source = `import pickle\ndef broken():\n    return 1 +\n@@PAD@@\ndata = pickle.loads(blob)\n`.replace("@@PAD@@", PAD);
    const whole = await analyzeSource(source, { wholeFile: true });
    const partial = await analyzeSource(source, { wholeFile: false });
    assert.equal(whole.errors[0]?.kind, "syntax");
    assert.deepEqual(partial.errors, []);
    assert.deepEqual(
      partial.findings.map((f) => f.location.line),
      whole.findings.map((f) => f.location.line),
    );
  });

  it("ignores tokens in comments and prose strings, but not module names held in strings", async () => {
    const prose = `"""Helpers; nothing here uses pickle."""
# pickle.loads is not called here
def broken():
    return 1 +
@@PAD@@
def describe():
    return "Data is never unpickled with pickle.loads; see the docs."
`;
    const { source } = padded(prose);
    assert.deepEqual(keptShare(source), 0);
    const partial = await analyzeSource(source, { wholeFile: false });
    assert.deepEqual([partial.findings, partial.errors], [[], []], "nothing is parsed, so the syntax error is not seen");
    await assertSameFindings(`import importlib
MODULE = "pickle"
@@PAD@@
def use(b):
    return importlib.import_module("pickle").loads(b)  # finding

def use_constant(b):
    return importlib.import_module(MODULE).loads(b)  # finding
`);
  });

  it("parses the whole file when the layout cannot be read lexically", async () => {
    const unterminated = `import pickle\n@@PAD@@\ndata = pickle.loads(blob)\nx = 'open\n`.replace("@@PAD@@", PAD);
    assert.equal(splitTopLevel(unterminated), undefined);
    const { findings, errors } = await analyzeSource(unterminated, { wholeFile: false });
    assert.equal(findings.length, 1);
    assert.equal(errors[0]?.kind, "syntax");
  });

  it("is what project scans do: same findings as the whole-file library call", async () => {
    const { source, expected } = padded("import pickle as p\n@@PAD@@\ndef use(b):\n    return p.loads(b)  # finding\n");
    const root = tempProject({ "big.py": source });
    const report = await scanProject({
      target: root,
      rulesets: [],
      include: [],
      exclude: [],
      skipTests: false,
      gitignore: true,
      maxFileSize: 5 << 20,
      jobs: 0,
      tool: toolInfo(),
    });
    assert.deepEqual(
      report.findings.map((f) => f.location.line),
      expected,
    );
  });
});

describe("top-level splitter", () => {
  it("splits statements at column 0, keeping decorators, strings and brackets with their statement", () => {
    const source = [
      "import os",
      "@dec",
      "@dec2(",
      "x)",
      "async def f():",
      '    s = """',
      "def g(): pass",
      '"""',
      "# comment",
      "class C(B): x = [",
      "1]",
      "y, z = 1, \\",
      "  2",
      "",
    ].join("\n");
    const segments = splitTopLevel(source)!;
    assert.deepEqual(
      segments.map((s) => [source.slice(s.start, s.end).split("\n")[0], s.definition ?? null]),
      [
        ["import os", null],
        ["@dec", "f"],
        ["class C(B): x = [", "C"],
        ["y, z = 1, \\", null],
      ],
    );
    assert.deepEqual([...segments[3].bound].sort(), ["y", "z"].map(identifierKey).sort());
    assert.deepEqual([...segments[0].bound], [identifierKey("os")]);
  });

  it("records the names relative imports bind: `from . import a, b`, `from .. import c as d`, `from .m import e`", () => {
    const source = ["from . import a, b", "from .. import c as d", "from .m import e", "from ...pkg.sub import (f,", "    g)", "x = a.b", ""].join("\n");
    const segments = splitTopLevel(source)!;
    assert.deepEqual(
      segments.map((s) => [...s.bound].sort()),
      [["a", "b"], ["c", "d"], ["e"], ["f", "g"], ["x"]].map((names) => names.map(identifierKey).sort()),
    );
  });

  it("keeps the clauses of a compound statement with it (else, elif, except, finally)", () => {
    const source = [
      "try:",
      "    import numpy",
      "except ImportError:",
      "    numpy = None",
      "else:",
      "    HAVE = True",
      "finally:",
      "    pass",
      "if numpy:",
      "    x = 1",
      "elif HAVE:",
      "    x = 2",
      "else:",
      "    x = 3",
      "for i in x:",
      "    pass",
      "else:",
      "    pass",
      "elsewhere = 1",
      "",
    ].join("\n");
    const firstLines = splitTopLevel(source)!.map((s) => source.slice(s.start, s.end).split("\n")[0]);
    assert.deepEqual(firstLines, ["try:", "if numpy:", "for i in x:", "elsewhere = 1"]);
    const [tryStatement] = splitTopLevel(source)!;
    assert.deepEqual(
      tryStatement.lines?.map((l) => [source.slice(l.start, l.end).trim(), [...l.bound]]),
      [
        ["try:", []],
        ["import numpy", [identifierKey("numpy")]],
        ["except ImportError:", []],
        ["numpy = None", [identifierKey("numpy")]],
        ["else:", []],
        ["HAVE = True", [identifierKey("HAVE")]],
        ["finally:", []],
        ["pass", []],
      ],
      "each logical line records what it binds",
    );
  });

  it("records what a statement binds: targets, aliases, loop variables, walrus, globals", () => {
    const source = [
      "from m import (a as b,",
      "    c)",
      "for i, j in pairs: k = 1",
      "with open(f) as fh: pass",
      "if (w := compute()): pass",
      "v: int = 3",
      "obj.attr = d[key] = value == other",
      "self.x, (t, u) = call(arg=1)[index], (2, 3)",
      "if True:",
      "    class Nested:",
      "        member = 1",
      "        def method(self):",
      "            local = 2",
      "    after = 3",
      "def f():",
      "    global G",
      "",
    ].join("\n");
    const segments = splitTopLevel(source)!;
    const bound = new Set(segments.flatMap((s) => [...s.bound]));
    for (const name of ["a", "b", "c", "i", "j", "k", "fh", "w", "v", "t", "u", "Nested", "after", "f"]) {
      assert.ok(bound.has(identifierKey(name)), name);
    }
    for (const name of ["m", "pairs", "compute", "obj", "attr", "d", "key", "value", "other", "self", "call", "arg", "index", "member", "method", "local", "import", "for"]) {
      assert.ok(!bound.has(identifierKey(name)), name);
    }
    assert.deepEqual([...segments[segments.length - 1].globals], [identifierKey("G")]);
  });

  it("splits a class body into its members on demand, the same way for the class and for a copy of it", () => {
    const source = [
      "import pickle",
      "class A:",
      "# a comment at column 0 before the first member",
      "    x = pickle.loads",
      "# a comment at column 0 between members",
      "    def f(self):",
      "        if True:",
      "            def inner(): hidden = 1",
      "        return 1",
      "    s = f'{loader}'",
      "",
      "    # trailing comment",
      "class B: pass",
      "class C(B): y = [",
      "1]",
      "class Uneven:",
      "        deep = 1",
      "    shallow = 2",
      "class Tabbed:",
      "\tt = 1",
      "\tasync def m(self): pass",
      "class AtEnd:",
      "    last = 1",
    ].join("\n");
    const segments = splitTopLevel(source)!;
    const byName = (name: string) => segments.find((s) => s.definition === name)!;
    const firstLines = (members: Segment[] | undefined) => members?.map((m) => source.slice(m.start, m.end).split("\n")[0].trim());
    // Members are split when asked, from the class's offsets alone: a copy of the segment gives the same.
    const afresh = (cls: Segment) => splitClassBody(source, { ...cls });
    for (const cls of segments.filter((s) => s.isClass)) assert.deepEqual(splitClassBody(source, cls), afresh(cls), cls.definition);
    assert.deepEqual(firstLines(splitClassBody(source, byName("A"))), ["x = pickle.loads", "def f(self):", "s = f'{loader}'"]);
    assert.equal(splitClassBody(source, byName("B")), undefined, "a body on the class line has no members");
    assert.equal(splitClassBody(source, byName("C")), undefined);
    assert.equal(splitClassBody(source, byName("Uneven")), undefined, "uneven indentation: no members");
    assert.deepEqual(firstLines(splitClassBody(source, byName("Tabbed"))), ["t = 1", "async def m(self): pass"]);
    assert.deepEqual(firstLines(splitClassBody(source, byName("AtEnd"))), ["last = 1"]);
    // The class segment still mentions what its members mention, and its prose holds every comment of its body.
    const a = byName("A");
    for (const name of ["A", "x", "pickle", "f", "inner", "hidden", "loader"]) assert.ok(a.identifiers.has(identifierKey(name)), name);
    const comments = [...source.matchAll(/#[^\n]*/g)].filter((m) => m.index < a.end).map((m) => [m.index, m.index + m[0].length]);
    const prose = [];
    for (let i = 0; i < a.prose.length; i += 2) prose.push([a.prose[i], a.prose[i + 1]]);
    assert.deepEqual(prose, comments);
    assert.ok(byName("Uneven").identifiers.has(identifierKey("shallow")));
    assert.equal(segments[segments.length - 1].end, source.length);
  });
});

describe("finding positions in long sources", () => {
  it("are the same rows, columns and snippets past tens of thousands of lines, in one source after another", async () => {
    // Far more lines than most files, findings near both ends, and a last line without a line break.
    const long = `import pickle\npickle.loads(a)\n${"x = 1\n".repeat(40_000)}def f(b):\n  pickle.loads(b)`;
    const short = "import pickle\npickle.loads(b)\n";
    const inLong = [[2, 1, "pickle.loads(a)"], [40_004, 3, "  pickle.loads(b)"]];
    for (const [source, expected] of [[long, inLong], [short, [[2, 1, "pickle.loads(b)"]]], [long, inLong]] as const) {
      for (const wholeFile of [true, false]) {
        const { findings } = await analyzeSource(source, { rulesets: ["python/lang"], wholeFile });
        const found = findings.filter((f) => f.ruleId === "PYTHON-LANG-SEC-040").map((f) => [f.location.line, f.location.column, f.location.snippet]);
        assert.deepEqual(found, expected);
      }
    }
  });
});
