// What the policies judge: benign real-world shapes stay clean, every known way to run code is reported.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { PickleIssue } from "../src/artifacts/types.js";
import { analyzePickle, renderPseudoPython, type PickleAnalysis } from "../src/artifacts/pickle/index.js";
import { GLOBAL, INST, OPS as O, PROTO, STACK_GLOBAL, asm, bstr, framed, i32, str, u16, u32 } from "./data/pickle/assembler.js";

const DATA = join(import.meta.dirname, "..", "..", "test", "data", "pickle");
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DATA, name)));
const fixtures = (prefix: string): string[] => readdirSync(DATA).filter((f) => f.startsWith(prefix) && f.endsWith(".pkl"));

/** Most of this file pins the denylist policy (`--pickle-policy denylist`); the default policy has its own tests. */
const analyzeDeny: typeof analyzePickle = (bytes, options) => analyzePickle(bytes, { policy: "denylist", ...options });
const summary = (a: PickleAnalysis): string[] => a.issues.map((i) => `${i.kind}:${i.severity}:${i.global ?? "-"}`);
const kinds = (a: PickleAnalysis): string[] => a.issues.map((i) => i.kind);
function only(a: PickleAnalysis, kind: PickleIssue["kind"]): PickleIssue[] {
  return a.issues.filter((i) => i.kind === kind);
}

describe("benign real-world pickles", () => {
  const benign = fixtures("benign-");
  it("has the expected fixtures", () => assert.ok(benign.length >= 15, benign.join()));

  for (const name of benign) {
    it(`${name} has no issues in denylist mode`, () => {
      const a = analyzeDeny(fixture(name));
      assert.equal(a.isPickle, true);
      assert.equal(a.error, undefined);
      assert.deepEqual(a.issues, []);
    });
  }

  for (const name of benign.filter((n) => /torch|numpy|plain|ordereddict|bytearray/.test(n))) {
    it(`${name} stays clean in allowlist mode`, () => {
      assert.deepEqual(analyzePickle(fixture(name), { policy: "allowlist" }).issues, []);
    });
  }

  it("the torch state dict records its storages as persistent ids", () => {
    const a = analyzeDeny(fixture("benign-torch-state-dict-p2.pkl"));
    assert.deepEqual(a.persistentIds.map((p) => p.value), [
      "('storage', FloatStorage, '0', 'cpu', 6)",
      "('storage', FloatStorage, '1', 'cpu', 2)",
    ]);
    assert.deepEqual([...new Set(a.calls.map((c) => c.callee))], ["collections.OrderedDict", "torch._utils._rebuild_tensor_v2"]);
  });

  it("an sklearn estimator on the generated allowlist is clean in allowlist mode at every protocol", () => {
    for (const name of ["benign-sklearn-reconstructor-p0.pkl", "benign-sklearn-reconstructor-p1.pkl", "benign-sklearn-newobj-p2.pkl"]) {
      assert.deepEqual(analyzePickle(fixture(name), { policy: "allowlist" }).issues, [], name);
    }
  });
});

describe("dangerous calls", () => {
  for (let p = 0; p <= 5; p++) {
    it(`os.system through ${p >= 4 ? "STACK_GLOBAL" : "GLOBAL"} + REDUCE at protocol ${p}`, () => {
      const a = analyzeDeny(fixture(`malicious-os-system-p${p}.pkl`));
      assert.deepEqual(summary(a), ["dangerous-call:critical:posix.system"]);
      assert.equal(a.calls[0]!.args, "'echo pwned'");
      assert.equal(a.issues[0]!.offset, a.calls[0]!.offset);
      assert.match(renderPseudoPython(a), /^from posix import system\n_var0 = system\('echo pwned'\)/);
    });
  }

  it("protocol 0 __builtin__.eval and posix.system are normalised and reported", () => {
    const a = analyzeDeny(asm(GLOBAL("__builtin__", "eval"), "(S'1+1'\ntR", O.POP, GLOBAL("posix", "system"), "(S'id'\ntR."));
    assert.deepEqual(summary(a), ["dangerous-call:critical:builtins.eval", "dangerous-call:critical:posix.system"]);
    assert.deepEqual(a.imports.map((i) => [i.module, i.name, i.normalized]), [
      ["__builtin__", "eval", "builtins.eval"],
      ["posix", "system", "posix.system"],
    ]);
  });

  it("python 2 names map through _compat_pickle only below protocol 3", () => {
    const p2 = analyzeDeny(asm(PROTO(2), GLOBAL("commands", "getoutput"), bstr("id"), O.TUPLE1, O.REDUCE, O.STOP));
    assert.equal(p2.imports[0]!.normalized, "subprocess.getoutput");
    assert.deepEqual(summary(p2), ["dangerous-call:critical:subprocess.getoutput"]);
    const p2url = analyzeDeny(asm(PROTO(2), GLOBAL("urllib", "urlretrieve"), O.POP, O.NONE, O.STOP));
    assert.equal(p2url.imports[0]!.normalized, "urllib.request.urlretrieve");
    assert.deepEqual(summary(p2url), ["dangerous-import:high:urllib.request.urlretrieve"]);
    const p3 = analyzeDeny(asm(PROTO(3), GLOBAL("copy_reg", "_reconstructor"), O.POP, O.NONE, O.STOP));
    assert.equal(p3.imports[0]!.normalized, "copy_reg._reconstructor");
    // `__builtin__`/`__builtins__` are judged as builtins at every protocol (stricter than CPython).
    const p3builtin = analyzeDeny(asm(PROTO(3), GLOBAL("__builtin__", "exec"), O.POP, O.NONE, O.STOP));
    assert.deepEqual(summary(p3builtin), ["dangerous-import:high:builtins.exec"]);
  });

  it("the eval and getattr(__import__('os'), 'system') fixtures", () => {
    assert.deepEqual(summary(analyzeDeny(fixture("malicious-eval-p2.pkl"))), ["dangerous-call:critical:builtins.eval"]);
    const a = analyzeDeny(fixture("malicious-getattr-p4.pkl"));
    assert.deepEqual(summary(a), ["dangerous-call:critical:builtins.__import__", "dangerous-call:critical:builtins.getattr"]);
    assert.equal(a.calls[2]!.callee, "<unknown>");
    assert.match(renderPseudoPython(a), /_var1 = getattr\(_var0, 'system'\)\n_var2 = _var1\('id'\)/);
  });

  it("STACK_GLOBAL operands hidden behind BINPUT/BINGET and MEMOIZE are traced through the memo", () => {
    const bytes = framed(asm(
      str("os"), O.BINPUT, 7, O.POP, str("system"), O.MEMOIZE, O.POP, str("decoy"), O.BINPUT, 0, O.POP,
      O.BINGET, 7, O.BINGET, 1, O.STACK_GLOBAL, str("id"), O.TUPLE1, O.REDUCE, O.STOP,
    ));
    const a = analyzeDeny(bytes);
    assert.deepEqual(a.imports.map((i) => [i.module, i.name, i.dynamic]), [["os", "system", false]]);
    assert.deepEqual(summary(a), ["dangerous-call:critical:os.system"]);
  });

  it("INST, OBJ, NEWOBJ and NEWOBJ_EX are call sites", () => {
    const inst = analyzeDeny(asm("(S'id'\n", INST("os", "system"), "."));
    assert.deepEqual(inst.calls.map((c) => [c.opcode, c.callee, c.args]), [["INST", "os.system", "'id'"]]);
    assert.deepEqual(summary(inst), ["dangerous-call:critical:os.system"]);
    assert.equal(inst.imports[0]!.opcode, "INST");

    const obj = analyzeDeny(asm("(", GLOBAL("subprocess", "Popen"), "(S'id'\nlo."));
    assert.deepEqual(obj.calls.map((c) => [c.opcode, c.callee, c.args]), [["OBJ", "subprocess.Popen", "['id']"]]);
    assert.deepEqual(summary(obj), ["dangerous-call:critical:subprocess.Popen"]);

    const newobj = analyzeDeny(asm(PROTO(2), GLOBAL("subprocess", "Popen"), bstr("id"), O.TUPLE1, O.NEWOBJ, O.STOP));
    assert.deepEqual(summary(newobj), ["dangerous-call:critical:subprocess.Popen"]);
    assert.match(renderPseudoPython(newobj), /_var0 = Popen\.__new__\(Popen, 'id'\)/);

    const newobjEx = analyzeDeny(framed(asm(STACK_GLOBAL("subprocess", "Popen"), O.EMPTY_TUPLE, O.EMPTY_DICT, str("args"), str("id"), O.SETITEM, O.NEWOBJ_EX, O.STOP)));
    assert.deepEqual(newobjEx.calls.map((c) => [c.opcode, c.args]), [["NEWOBJ_EX", "args='id'"]]);
    assert.deepEqual(summary(newobjEx), ["dangerous-call:critical:subprocess.Popen"]);
  });

  it("a denylisted global passed into another call counts as called", () => {
    const a = analyzeDeny(asm(PROTO(2), GLOBAL("builtins", "map"), GLOBAL("os", "system"), O.MARK, bstr("id"), O.LIST, O.TUPLE2, O.REDUCE, O.STOP));
    assert.deepEqual(summary(a), ["dangerous-call:critical:os.system"]);
    assert.equal(a.issues[0]!.offset, a.calls[0]!.offset);
  });

  it("a denylisted global that is only imported is a high dangerous-import", () => {
    const a = analyzeDeny(asm(PROTO(2), GLOBAL("os", "system"), O.NONE, O.TUPLE2, O.STOP));
    assert.deepEqual(summary(a), ["dangerous-import:high:os.system"]);
    assert.equal(a.issues[0]!.offset, 2);
  });

  it("a global that is not denylisted is not an issue in denylist mode", () => {
    assert.deepEqual(analyzeDeny(asm(PROTO(2), GLOBAL("mypkg.models", "Net"), O.EMPTY_TUPLE, O.REDUCE, O.STOP)).issues, []);
  });
});

describe("the denylist", () => {
  const imported = (qualified: string): string[] => {
    const dot = qualified.lastIndexOf(".");
    return summary(analyzeDeny(asm(PROTO(3), GLOBAL(qualified.slice(0, dot), qualified.slice(dot + 1)), O.POP, O.NONE, O.STOP)));
  };

  it("blocks what picklescan, fickling and modelscan block", () => {
    const dangerous = [
      "os.system", "posix.system", "nt.system", "subprocess.Popen", "subprocess.check_output", "sys.modules",
      "builtins.eval", "builtins.exec", "builtins.compile", "builtins.getattr", "builtins.setattr", "builtins.delattr",
      "builtins.__import__", "builtins.open", "builtins.breakpoint", "builtins.input", "builtins.globals",
      "builtins.locals", "builtins.vars", "builtins.apply", "runpy._run_code", "pty.spawn", "pip.main",
      "pickle.loads", "_pickle.loads", "cPickle.loads", "dill.loads", "cloudpickle.loads", "joblib.load",
      "jsonpickle.decode", "marshal.loads", "types.CodeType", "types.FunctionType", "ctypes.CDLL",
      "importlib.import_module", "operator.attrgetter", "operator.methodcaller", "functools.partial",
      "functools.reduce", "shutil.rmtree", "socket.socket", "requests.get", "httplib.HTTPConnection",
      "http.client.HTTPSConnection", "urllib.request.urlopen", "urllib.urlopen", "webbrowser.open",
      "code.InteractiveInterpreter", "codeop.compile_command", "pdb.run", "bdb.Bdb", "cProfile.run", "profile.run",
      "trace.Trace", "pydoc.pipepager", "timeit.timeit", "asyncio.subprocess.create_subprocess_shell",
      "multiprocessing.Process", "threading.Thread", "signal.signal", "tempfile.NamedTemporaryFile", "torch.load",
      "torch.hub.load", "torch.jit.load", "torch._inductor.codecache.compile_file", "torch.serialization.load",
      "torch.storage._load_from_bytes", "numpy.f2py.compile", "numpy.load", "numpy.testing._private.utils.runstring",
      "pandas.read_pickle", "_io.FileIO", "io.FileIO", "io.open", "yaml.unsafe_load", "yaml.load",
      "setuptools.setup", "distutils.core.run_setup", "venv.create", "ensurepip.bootstrap", "shelve.open",
    ];
    for (const g of dangerous) assert.equal(imported(g)[0]?.split(":")[0], "dangerous-import", g);
  });

  it("leaves the globals of ordinary data and model files alone", () => {
    const benign = [
      "collections.OrderedDict", "collections.defaultdict", "builtins.set", "builtins.slice", "builtins.complex",
      "_codecs.encode", "copyreg._reconstructor", "copy_reg._reconstructor", "numpy.core.multiarray._reconstruct",
      "numpy.dtype", "numpy.random._pickle.__randomstate_ctor", "torch._utils._rebuild_tensor_v2",
      "torch._utils._rebuild_parameter", "torch.FloatStorage", "torch.Size", "torch.device", "torch.float32",
      "torch.nn.modules.linear.Linear", "torch._tensor._rebuild_from_type_v2", "pandas.core.frame.DataFrame",
      "pandas._libs.internals._unpickle_block", "pandas._libs.tslibs.timestamps._unpickle_timestamp",
      "sklearn.tree._tree.Tree", "scipy.sparse._csr.csr_matrix", "datetime.datetime", "pathlib.PosixPath",
      "re._compile", "io.BytesIO", "decimal.Decimal", "uuid.UUID", "xgboost.core.Booster", "numpy.trace",
      "joblib.numpy_pickle.NumpyArrayWrapper", "joblib.numpy_pickle_compat.NDArrayWrapper",
    ];
    for (const g of benign) assert.deepEqual(imported(g), [], g);
  });
});

describe("dotted names (protocol 4)", () => {
  const judge = (module: string, name: string): string[] =>
    summary(analyzeDeny(framed(asm(STACK_GLOBAL(module, name), O.EMPTY_TUPLE, O.REDUCE, O.STOP))));

  it("every dotted part is judged", () => {
    assert.deepEqual(judge("pathlib", "os.system"), ["dangerous-call:critical:pathlib.os.system"]);
    assert.deepEqual(judge("builtins", "getattr"), ["dangerous-call:critical:builtins.getattr"]);
    assert.deepEqual(judge("torch", "__builtins__.getattr"), ["dangerous-call:critical:torch.__builtins__.getattr"]);
    assert.deepEqual(judge("collections", "OrderedDict.__init__.__globals__"), ["dangerous-call:critical:collections.OrderedDict.__init__.__globals__"]);
    assert.deepEqual(judge("numpy", "testing._private.utils.runstring"), ["dangerous-call:critical:numpy.testing._private.utils.runstring"]);
    assert.deepEqual(judge("torch.serialization", "load"), ["dangerous-call:critical:torch.serialization.load"]);
  });

  it("ordinary nested class names and methods that share a module's name stay clean", () => {
    assert.deepEqual(judge("mypkg", "Outer.Inner"), []);
    assert.deepEqual(judge("mypkg", "Model.profile"), []);
    assert.deepEqual(judge("torch.profiler", "profile"), []);
    assert.deepEqual(judge("numpy", "trace"), []);
  });

  it("a getattr chain built from STACK_GLOBAL('builtins', 'getattr') is reported at every step", () => {
    const bytes = framed(asm(
      STACK_GLOBAL("builtins", "getattr"), O.MEMOIZE,
      STACK_GLOBAL("builtins", "__import__"), str("os"), O.TUPLE1, O.REDUCE, str("system"), O.TUPLE2, O.REDUCE,
      str("id"), O.TUPLE1, O.REDUCE, O.STOP,
    ));
    const a = analyzeDeny(bytes);
    assert.deepEqual(summary(a), ["dangerous-call:critical:builtins.__import__", "dangerous-call:critical:builtins.getattr"]);
  });
});

describe("opcodes that are dangerous by themselves", () => {
  it("STACK_GLOBAL with non-constant operands is a dynamic-global", () => {
    const bytes = framed(asm(
      STACK_GLOBAL("mypkg", "make_name"), O.EMPTY_TUPLE, O.REDUCE, str("system"), O.STACK_GLOBAL, str("id"), O.TUPLE1, O.REDUCE, O.STOP,
    ));
    const a = analyzeDeny(bytes);
    assert.deepEqual(kinds(a), ["dynamic-global"]);
    assert.equal(a.issues[0]!.severity, "critical");
    assert.equal(a.imports[1]!.dynamic, true);
    assert.equal(a.imports[1]!.normalized, "<dynamic>");
    assert.match(renderPseudoPython(a), /getattr\(__import__\(_var0\), 'system'\)\('id'\)/);
    const nonString = analyzeDeny(framed(asm(O.BININT1, 1, str("x"), O.STACK_GLOBAL, O.STOP)));
    assert.deepEqual(kinds(nonString), ["dynamic-global"]);
  });

  it("EXT1, EXT2 and EXT4 are extension-code", () => {
    for (const ext of [asm(O.EXT1, 1), asm(O.EXT2, u16(300)), asm(O.EXT4, i32(70000))]) {
      const a = analyzeDeny(asm(PROTO(2), ext, O.EMPTY_TUPLE, O.REDUCE, O.STOP));
      assert.deepEqual(summary(a), ["extension-code:critical:-"]);
      assert.equal(a.issues[0]!.offset, 2);
    }
  });

  it("BUILD applied to a module, class or function is module-mutation", () => {
    const a = analyzeDeny(asm(GLOBAL("mypkg", "settings"), "(dS'ALLOW_EVAL'\nI01\nsb", O.POP, "N."));
    assert.deepEqual(summary(a), ["module-mutation:critical:mypkg.settings"]);
    assert.deepEqual(a.calls.map((c) => [c.opcode, c.callee]), [["BUILD", "mypkg.settings"]]);
    assert.match(renderPseudoPython(a), /settings\.__setstate__\(\{'ALLOW_EVAL': True\}\)/);
    const onOs = analyzeDeny(framed(asm(STACK_GLOBAL("pathlib", "os"), O.EMPTY_DICT, str("sep"), str("/tmp"), O.SETITEM, O.BUILD, O.STOP)));
    assert.deepEqual(summary(onOs), ["dangerous-import:high:pathlib.os", "module-mutation:critical:pathlib.os"]);
  });

  it("BUILD on an object made by a call is ordinary state restoration", () => {
    const a = analyzeDeny(asm(GLOBAL("mypkg", "Obj"), ")R}S'x'\nI1\nsb."));
    assert.deepEqual(a.issues, []);
    assert.deepEqual(a.calls.map((c) => [c.opcode, c.callee, c.args]), [["REDUCE", "mypkg.Obj", ""], ["BUILD", "mypkg.Obj", "{'x': 1}"]]);
  });
});

describe("nested pickles", () => {
  const inner = asm(PROTO(2), GLOBAL("os", "system"), bstr("echo inner"), O.TUPLE1, O.REDUCE, O.STOP);

  it("pickle.loads(b'...') analyses the embedded pickle", () => {
    const a = analyzeDeny(fixture("malicious-nested-loads-p2.pkl"));
    assert.deepEqual(summary(a), ["dangerous-call:critical:pickle.loads", "nested-pickle:critical:posix.system"]);
    assert.equal(a.nested.length, 1);
    assert.deepEqual(summary(a.nested[0]!.analysis), ["dangerous-call:critical:posix.system"]);
    assert.match(renderPseudoPython(a), /# nested pickle loaded by the call at offset \d+:\n# {3}from posix import system/);
  });

  it("torch.load(io.BytesIO(b'...')) and base64-decoded arguments are followed", () => {
    const viaTorch = analyzeDeny(asm(
      PROTO(3), GLOBAL("torch", "load"), GLOBAL("io", "BytesIO"), O.BINBYTES, u32(inner.length), inner, O.TUPLE1, O.REDUCE, O.TUPLE1, O.REDUCE, O.STOP,
    ));
    assert.deepEqual(summary(viaTorch), ["dangerous-call:critical:torch.load", "nested-pickle:critical:os.system"]);
    const b64 = Buffer.from(inner).toString("base64");
    const viaBase64 = analyzeDeny(asm(
      PROTO(2), GLOBAL("pickle", "loads"), GLOBAL("base64", "b64decode"), bstr(b64), O.TUPLE1, O.REDUCE, O.TUPLE1, O.REDUCE, O.STOP,
    ));
    assert.deepEqual(summary(viaBase64), ["dangerous-call:critical:pickle.loads", "nested-pickle:critical:os.system"]);
  });

  it("a benign embedded pickle adds no nested-pickle issue", () => {
    const benign = asm(PROTO(2), O.BININT1, 1, O.STOP);
    const a = analyzeDeny(asm(PROTO(3), GLOBAL("dill", "loads"), O.SHORT_BINBYTES, benign.length, benign, O.TUPLE1, O.REDUCE, O.STOP));
    assert.deepEqual(summary(a), ["dangerous-call:critical:dill.loads"]);
    assert.equal(a.nested.length, 1);
    assert.deepEqual(a.nested[0]!.analysis.issues, []);
  });

  it("nesting deeper than maxNesting is reported, not followed", () => {
    let bytes = inner;
    for (let i = 0; i < 3; i++) {
      bytes = asm(PROTO(3), GLOBAL("pickle", "loads"), O.BINBYTES, u32(bytes.length), bytes, O.TUPLE1, O.REDUCE, O.STOP);
    }
    const deep = analyzeDeny(bytes);
    assert.deepEqual(only(deep, "nested-pickle").map((i) => i.severity), ["critical"]);
    const limited = analyzeDeny(bytes, { limits: { maxOpcodes: 1000, maxStackDepth: 100, maxMemoEntries: 100, maxNesting: 1, maxDecompressedBytes: 0 } });
    const level1 = limited.nested[0]!.analysis;
    assert.equal(level1.nested[0]!.analysis.error?.message, "nesting limit reached");
    assert.deepEqual(only(level1, "nested-pickle").map((i) => i.severity), ["high"]);
    // The outer level carries the worst inner severity: level 1 calls pickle.loads itself.
    assert.deepEqual(only(limited, "nested-pickle").map((i) => i.severity), ["critical"]);
  });
});

describe("stacked and broken pickles", () => {
  it("a malicious second stream after a benign first one is reported", () => {
    const a = analyzeDeny(fixture("malicious-stacked.pkl"));
    assert.equal(a.streams, 2);
    assert.deepEqual(summary(a), ["dangerous-call:critical:posix.system"]);
  });

  it("globals followed by garbage: the globals are reported and the pickle is malformed", () => {
    const a = analyzeDeny(asm(PROTO(2), GLOBAL("os", "system"), bstr("id"), O.TUPLE1, O.REDUCE, 0xff, 0xfe));
    assert.equal(a.isPickle, true);
    assert.equal(a.error?.offset, 22);
    assert.match(a.error?.message ?? "", /invalid opcode 0xff/);
    assert.deepEqual(summary(a), ["dangerous-call:critical:os.system", "malformed:high:-"]);
  });

  it("a broken second stream with globals is reported too", () => {
    const a = analyzeDeny(asm(O.NONE, O.STOP, GLOBAL("os", "system"), 0xff));
    assert.equal(a.streams, 1);
    assert.deepEqual(summary(a), ["dangerous-import:high:os.system", "malformed:high:-"]);
  });
});

describe("allowlist policy", () => {
  it("denylisted globals keep their severity, others become unknown-global (once per name)", () => {
    const bytes = asm(PROTO(2), GLOBAL("os", "system"), bstr("id"), O.TUPLE1, O.REDUCE, O.POP,
      GLOBAL("mypkg", "A"), O.POP, GLOBAL("mypkg", "A"), O.POP, O.NONE, O.STOP);
    assert.deepEqual(summary(analyzePickle(bytes, { policy: "allowlist" })), [
      "unknown-global:medium:mypkg.A",
      "dangerous-call:critical:os.system",
    ]);
  });

  it("calling something that is not an allowlisted global is an error", () => {
    const bytes = asm(PROTO(2), GLOBAL("collections", "OrderedDict"), O.EMPTY_TUPLE, O.REDUCE, O.EMPTY_TUPLE, O.REDUCE, O.STOP);
    assert.deepEqual(summary(analyzePickle(bytes, { policy: "allowlist" })), ["unknown-call:high:-"]);
    assert.deepEqual(analyzeDeny(bytes).issues, []);
  });

  it("copyreg._reconstructor needs a plain global as its class argument", () => {
    const bytes = asm(PROTO(2), GLOBAL("copy_reg", "_reconstructor"), GLOBAL("collections", "OrderedDict"), O.EMPTY_TUPLE, O.REDUCE,
      GLOBAL("__builtin__", "object"), O.NONE, O.TUPLE3, O.REDUCE, O.STOP);
    assert.deepEqual(summary(analyzePickle(bytes, { policy: "allowlist" })), ["unknown-call:high:copyreg._reconstructor"]);
  });
});
