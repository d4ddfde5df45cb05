// The whole-program pass summarises, for their callers' data flows, only the functions a caller needs of a module,
// and parses only what those summaries depend on. These cases put what a summary depends on (a helper, a
// module-level constant, a class attribute, a decorator, a method called through `self`, a constructor, an import
// of another project module) in a large module among unrelated code, and require the summaries of a whole-file
// parse, and the findings and traces they give the caller.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzePython, SinkIndex, type PythonFile } from "../src/languages/python/analyze.js";
import { loadPythonParser } from "../src/project/python-parser.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { runCli, tempProject } from "./helpers/cli.js";
import { irrelevantCode } from "./helpers/padding.js";
import { countingParser } from "../bench/flow-summaries.js";

const PAD = irrelevantCode();

/** The module whose functions the caller needs, with unrelated code before, between and after what they use. */
const LIB = `import functools
import socket
import sys

from . import helpers

ADDRESS = ("127.0.0.1", 9000)
STDIN = sys.stdin.buffer
${PAD}

def _incoming():
    return sys.stdin.buffer.read()


def fetch_payload():
    return _incoming()


def read_all():
    return STDIN.read()


def traced(fn):
    @functools.wraps(fn)
    def run(*args, **kwargs):
        return fn(*args, **kwargs)
    return run
${irrelevantCode(4000).replaceAll("helper_", "other_").replaceAll("Holder", "Keeper")}

@traced
def decorated_payload():
    return _incoming()


class Reader:
    stream = sys.stdin.buffer

    def take(self):
        return Reader.stream.read()


class Channel:
    def __init__(self):
        self.conn = socket.create_connection(ADDRESS)

    def close(self):
        self.conn.close()

    def receive(self):
        return self._read_frame()

    def _read_frame(self):
        return self.conn.recv(65536)


class Codec:
    def open(self, blob):
        return self._unwrap(blob)

    def _unwrap(self, blob):
        return blob[4:]


def _forward():
    return helpers.get_blob()


def relay():
    return _forward()


def unwrap(value):
    return _strip(value)


def _strip(value):
    return value.strip()


def unrelated_reader():
    return sys.stdin.readline()
${irrelevantCode(4000).replaceAll("helper_", "late_").replaceAll("Holder", "Late")}`;

const HELPERS = `import requests

URL = "https://example.com/blob"


def get_blob():
    return requests.get(URL).content
`;

const VIEWS = `import pickle

from flask import request

from app import lib


def from_helper():
    return pickle.loads(lib.fetch_payload())


def from_constant():
    return pickle.loads(lib.read_all())


def from_decorated():
    return pickle.loads(lib.decorated_payload())


def from_class_attribute():
    return pickle.loads(lib.Reader().take())


def from_method_through_self():
    channel = lib.Channel()
    return pickle.loads(channel.receive())


def from_passing_helper():
    return pickle.loads(lib.unwrap(request.data))


def from_other_module():
    return pickle.loads(lib.relay())


def from_passing_method():
    return pickle.loads(lib.Codec().open(request.data))
`;

const libLine = (text: string) => LIB.split("\n").findIndex((l) => l.includes(text)) + 1;

describe("flow summaries from the parts of a module they depend on", () => {
  it("give the caller the findings and traces of a whole-file parse", async () => {
    const root = tempProject({ "app/__init__.py": "", "app/lib.py": LIB, "app/helpers.py": HELPERS, "app/views.py": VIEWS });
    const run = await runCli(["scan", "--project", root, "--ruleset", "python/PYTHON-DESER-001", "--output", "json", "--no-cache"]);
    assert.equal(run.code, 0, run.stderr);
    type Step = { location: { file: string; line: number }; message: string };
    const results = JSON.parse(run.stdout).results as { location: { file: string; line: number }; trace: Step[] }[];
    const traces = new Map(results.map((r) => [`${r.location.file}:${r.location.line}`, r.trace]));
    const inLib = (line: number) => traces.get(`app/views.py:${line}`)?.filter((s) => s.location.file === "app/lib.py").map((s) => s.location.line);
    assert.deepEqual([...traces.keys()].sort(), [9, 13, 17, 21, 26, 30, 34, 38].map((l) => `app/views.py:${l}`).sort());
    // A helper function that reads the source.
    assert.deepEqual([...new Set(inLib(9))], [libLine("return sys.stdin.buffer.read()"), libLine("return _incoming()")]);
    // A module-level constant holding the stream.
    assert.deepEqual([...new Set(inLib(13))], [libLine("return STDIN.read()")]);
    // A decorated function, through its helper.
    assert.deepEqual([...new Set(inLib(17))], [libLine("return sys.stdin.buffer.read()"), LIB.split("\n").lastIndexOf("    return _incoming()") + 1]);
    // A class attribute.
    assert.deepEqual([...new Set(inLib(21))], [libLine("return Reader.stream.read()")]);
    // A method called through `self`, reading what the constructor assigned.
    assert.deepEqual([...new Set(inLib(26))], [libLine("return self.conn.recv(65536)"), libLine("return self._read_frame()")]);
    // A helper that passes its argument on.
    // (From the called function's own parameter, passed on to the helper's.)
    assert.deepEqual([...new Set(inLib(30))], [libLine("def unwrap(value):"), libLine("return _strip(value)"), libLine("def _strip(value):"), libLine("return value.strip()")]);
    // Through a helper into another project module, imported as `from . import helpers`.
    const other = traces.get("app/views.py:34")!;
    assert.equal(other[0].location.file, "app/helpers.py");
    assert.match(other[0].message, /^source: HTTP response \(requests\)/);
    assert.deepEqual([...new Set(inLib(34))], [libLine("return helpers.get_blob()"), libLine("return _forward()")]);
    // A method that passes its argument on through another method, called through \`self\`.
    // (Likewise from the called method's own parameter.)
    assert.deepEqual([...new Set(inLib(38))], [libLine("def open(self, blob):"), libLine("return self._unwrap(blob)"), libLine("def _unwrap(self, blob):"), libLine("return blob[4:]")]);
  });

  it("are the summaries of a whole-file parse, from a small part of the file", async () => {
    const parser = await loadPythonParser();
    const index = new SinkIndex(PYTHON_RULES);
    const file: PythonFile = { path: "app/lib.py", source: LIB, moduleName: "app.lib" };
    const wantedSets = [
      ["fetch_payload"],
      ["read_all"],
      ["decorated_payload"],
      ["*.take", "Reader", "Reader.take"],
      ["*.receive", "Channel", "Channel.receive"],
      ["relay"],
      ["unwrap"],
      ["*.open", "Codec", "Codec.open"],
      ["Channel", "fetch_payload", "read_all", "relay", "unwrap"],
    ];
    for (const wanted of wantedSets) {
      const counting = countingParser(parser);
      const partial = analyzePython(counting, file, index, { completeFlows: wanted });
      const whole = analyzePython(parser, file, index, { completeFlows: wanted, wholeFile: true });
      // `relay` reads another module, which no summary explains yet: the summary asks for it (demand) instead.
      const explained = wanted.includes("relay") ? whole.summary?.flowDemand?.includes("app.helpers.get_blob") : whole.summary?.flows && Object.keys(whole.summary.flows).length > 0;
      assert.ok(explained, `${wanted}: the whole-file summary has flows or demand`);
      assert.deepEqual(partial.summary?.flows, whole.summary?.flows, `${wanted}: the same flows`);
      assert.deepEqual(partial.summary?.flowDemand, whole.summary?.flowDemand, `${wanted}: the same demand`);
      assert.equal(partial.summary?.flowsComplete, true);
      assert.ok(counting.chars < LIB.length / 4, `${wanted}: parsed ${counting.chars} of ${LIB.length} characters`);
    }
    // A wanted class keeps its constructor, which assigns what the wanted method reads.
    const constructor = analyzePython(parser, file, index, { completeFlows: ["Channel", "Channel.receive"] });
    assert.ok(constructor.summary?.flows?.["Channel.receive"]?.returns?.some((s) => /network connection/.test(s.message)));
  });

  it("parse the whole file when the parts show a syntax error", async () => {
    const parser = await loadPythonParser();
    const index = new SinkIndex(PYTHON_RULES);
    const broken = LIB.replace("def relay():\n    return _forward()", "def relay(:\n    return _forward()");
    const file: PythonFile = { path: "app/lib.py", source: broken, moduleName: "app.lib" };
    const counting = countingParser(parser);
    const partial = analyzePython(counting, file, index, { completeFlows: ["fetch_payload", "relay"] });
    const whole = analyzePython(parser, file, index, { completeFlows: ["fetch_payload", "relay"], wholeFile: true });
    assert.ok(counting.chars > broken.length, "the parts, then the whole file");
    assert.deepEqual(partial.summary?.flows, whole.summary?.flows);
    assert.deepEqual(partial.errors, whole.errors);
  });
});
