// The opcode reader and stack machine: every opcode family, protocols 0-5, values as pseudo-Python.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { analyzePickle, DEFAULT_PICKLE_OPTIONS, looksLikePickle, renderPseudoPython } from "../src/artifacts/pickle/index.js";
import { FRAME, GLOBAL, OPS as O, PROTO, asm, bstr, framed, i32, str, u16, u32, u64, utf8 } from "./data/pickle/assembler.js";

const DATA = join(import.meta.dirname, "..", "..", "test", "data", "pickle");
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DATA, name)));

/** The `result = ...` line of the first stream. */
function result(bytes: Uint8Array): string {
  const a = analyzePickle(bytes);
  assert.equal(a.error, undefined, `unexpected error: ${a.error?.message}`);
  assert.equal(a.isPickle, true);
  const line = renderPseudoPython(a)
    .split("\n")
    .find((l) => l.startsWith("result = "));
  assert.ok(line, "no result line");
  return line.slice("result = ".length);
}

describe("protocol 0 text opcodes", () => {
  it("reads INT, LONG, FLOAT, NONE and the INT bool forms", () => {
    assert.equal(result(asm("(I42\nI-7\nI00\nI01\nL123456789012345678901234567890L\nF1.5\nFinf\nNt.")), "(42, -7, False, True, 123456789012345678901234567890, 1.5, float('inf'), None)");
  });

  it("reads INT, PUT and GET arguments in every spelling int() accepts, plain digits and the rest alike", () => {
    assert.equal(result(asm("(I007\nI-0\nI+5\nI0x1f\nI1_000\nI 12 \nI99999999999999\nI999999999999999\nt.")), "(7, 0, 5, 31, 1000, 12, 99999999999999, 999999999999999)");
    assert.equal(result(asm("(I1\np007\n0g7\ng+7\nt.")), "(1, 1)");
    assert.match(analyzePickle(asm(PROTO(2), "(I1\np1x\nt.")).error?.message ?? "", /invalid PUT argument/);
  });

  it("reads quoted STRING with escapes and raw-unicode-escape UNICODE", () => {
    assert.equal(result(asm("(S'a\\'b\\n\\x41\\101'\nS\"dq\"\nVcaf\\u00e9 \\U0001F600\nt.")), "('a\\'b\\nAA', 'dq', 'café 😀')");
  });

  it("reads UNICODE escapes as raw-unicode-escape does: only after an odd run of backslashes, in long runs", () => {
    // pickle.loads(rb"V\\u0041 \\\u0041 \U0001F600\"+b"\n.") == r"\\u0041 \\A 😀" + "\\"
    assert.equal(result(asm("V\\\\u0041 \\\\\\u0041 \\U0001F600\\\n.")), "'\\\\\\\\u0041 \\\\\\\\A 😀\\\\'");
    const long = analyzePickle(asm(`V${"\\u00e9x".repeat(5000)}\n.`));
    assert.equal(renderPseudoPython(long), `result = '${"éx".repeat(30)}'...<10000 chars>`);
    assert.equal(analyzePickle(asm("(V\\u00zz\nt.")).isPickle, false);
  });

  it("builds LIST, DICT, TUPLE with MARK and memo PUT/GET", () => {
    assert.equal(result(asm("((lp0\nI1\naI2\na(dp1\nS'k'\np2\ng2\nsag0\nt.")), "([1, 2, {'k': 'k'}], [1, 2, {'k': 'k'}])");
  });

  it("rejects an unquoted STRING and an invalid INT", () => {
    // Without a PROTO header or a global, bytes that fail this early are simply not a pickle.
    assert.equal(analyzePickle(asm("Sabc\n.")).isPickle, false);
    assert.match(analyzePickle(asm(PROTO(2), "Sabc\n.")).error?.message ?? "", /must be quoted/);
    assert.match(analyzePickle(asm(PROTO(2), "I12x\n.")).error?.message ?? "", /invalid INT/);
  });

  it("records PERSID and BINPERSID ids without judging them", () => {
    const bytes = asm("(Pstorage0\n", O.MARK, "S'x'\n", O.TUPLE, O.BINPERSID, "t.");
    const a = analyzePickle(bytes);
    assert.equal(a.error, undefined);
    assert.deepEqual(a.persistentIds.map((p) => p.value), ["storage0", "('x',)"]);
    assert.deepEqual(a.persistentIds.map((p) => p.offset), [1, 18]);
    assert.equal(result(bytes), "(persistent_load('storage0'), persistent_load(('x',)))");
    assert.deepEqual(a.issues, []);
  });
});

describe("protocol 1 binary opcodes", () => {
  it("reads BININT, BININT1, BININT2, BINFLOAT and the short/long strings", () => {
    const float = new Uint8Array(8);
    new DataView(float.buffer).setFloat64(0, -2.25, false);
    const bytes = asm(
      O.MARK, O.BININT, i32(-5), O.BININT1, 200, O.BININT2, u16(60000), O.BINFLOAT, float,
      O.SHORT_BINSTRING, 3, "abc", O.BINSTRING, i32(2), "de", bstr("ü"), O.TUPLE, O.STOP,
    );
    assert.equal(result(bytes), "(-5, 200, 60000, -2.25, 'abc', 'de', 'ü')");
  });

  it("handles EMPTY_* containers, APPENDS, SETITEMS, POP, POP_MARK, DUP and BINPUT/BINGET", () => {
    const bytes = asm(
      O.EMPTY_LIST, O.BINPUT, 0, O.MARK, O.BININT1, 1, O.BININT1, 2, O.APPENDS,
      O.EMPTY_DICT, O.MARK, str("a"), O.BINGET, 0, O.SETITEMS, O.POP,
      O.MARK, O.BININT1, 9, O.POP_MARK, O.DUP, O.POP, O.EMPTY_TUPLE, O.POP, O.STOP,
    );
    assert.equal(result(bytes), "[1, 2]");
  });

  it("POP at a MARK boundary discards the mark, as CPython does", () => {
    assert.equal(result(asm(O.NONE, O.MARK, O.POP, O.STOP)), "None");
  });

  it("LONG_BINPUT/LONG_BINGET use 4-byte indices", () => {
    assert.equal(result(asm(O.BININT1, 7, O.LONG_BINPUT, u32(70000), O.POP, O.LONG_BINGET, u32(70000), O.STOP)), "7");
  });
});

describe("protocol 2-3 opcodes", () => {
  it("reads LONG1/LONG4 in two's complement, NEWTRUE/NEWFALSE and TUPLE1-3", () => {
    const bytes = asm(
      PROTO(2), O.LONG1, 2, 0xff, 0x7f, O.LONG1, 1, 0xff, O.LONG1, 0, O.TUPLE3, O.NEWTRUE, O.NEWFALSE, O.TUPLE2, O.TUPLE1, O.TUPLE2, O.STOP,
    );
    assert.equal(result(bytes), "((32767, -1, 0), ((True, False),))");
    assert.equal(analyzePickle(bytes).protocol, 2);
    assert.equal(result(asm(PROTO(2), O.LONG4, i32(9), u64(0), 1, O.STOP)), "18446744073709551616");
    assert.equal(result(asm(PROTO(2), O.LONG1, 8, u64(0), O.STOP)), "0");
  });

  it("reads BINBYTES and SHORT_BINBYTES at protocol 3", () => {
    assert.equal(result(asm(PROTO(3), O.SHORT_BINBYTES, 2, 0, 0xff, O.BINBYTES, u32(1), "'", O.TUPLE2, O.STOP)), "(b'\\x00\\xff', b'\\'')");
  });

  it("rejects an unsupported PROTO and a negative LONG4 length", () => {
    assert.match(analyzePickle(asm(PROTO(6), O.NONE, O.STOP)).error?.message ?? "", /unsupported pickle protocol: 6/);
    assert.match(analyzePickle(asm(PROTO(2), O.LONG4, i32(-1), O.STOP)).error?.message ?? "", /negative byte count/);
  });
});

describe("protocol 4-5 opcodes", () => {
  it("reads FRAME, SHORT_BINUNICODE, BINUNICODE8, BINBYTES8, EMPTY_SET/ADDITEMS, FROZENSET and MEMOIZE", () => {
    const body = asm(
      O.MARK, O.EMPTY_SET, O.MEMOIZE, O.MARK, str("x"), O.ADDITEMS, O.MARK, O.BININT1, 1, O.FROZENSET, O.MEMOIZE,
      O.BINUNICODE8, u64(2), "hi", O.BINBYTES8, u64(1), "z", O.BINGET, 0, O.BINGET, 1, O.TUPLE, O.STOP,
    );
    const bytes = asm(PROTO(4), FRAME(body.length), body);
    assert.equal(result(bytes), "({'x'}, frozenset({1}), 'hi', b'z', {'x'}, frozenset({1}))");
    const a = analyzePickle(bytes);
    assert.equal(a.protocol, 4);
    assert.equal(a.error, undefined);
  });

  it("reads BYTEARRAY8, NEXT_BUFFER and READONLY_BUFFER at protocol 5", () => {
    const bytes = framed(asm(O.MARK, O.BYTEARRAY8, u64(2), "ab", O.NEXT_BUFFER, O.NEXT_BUFFER, O.READONLY_BUFFER, O.TUPLE, O.STOP), 5);
    assert.equal(result(bytes), "(bytearray(b'ab'), next_buffer(), memoryview(next_buffer()).toreadonly())");
    assert.equal(analyzePickle(bytes).protocol, 5);
  });

  it("resolves STACK_GLOBAL operands traced through the memo", () => {
    const bytes = framed(asm(str("collections"), O.MEMOIZE, str("OrderedDict"), O.MEMOIZE, O.POP, O.POP, O.BINGET, 0, O.BINGET, 1, O.STACK_GLOBAL, O.EMPTY_TUPLE, O.REDUCE, O.STOP));
    const a = analyzePickle(bytes);
    assert.deepEqual(a.imports.map((i) => [i.normalized, i.opcode, i.dynamic]), [["collections.OrderedDict", "STACK_GLOBAL", false]]);
    assert.deepEqual(a.calls.map((c) => [c.callee, c.opcode]), [["collections.OrderedDict", "REDUCE"]]);
  });

  it("NEWOBJ_EX renders positional and keyword arguments", () => {
    const bytes = framed(asm(GLOBAL("m", "C"), O.MARK, O.BININT1, 1, O.TUPLE, O.EMPTY_DICT, str("k"), O.BININT1, 2, O.SETITEM, O.NEWOBJ_EX, O.STOP));
    const a = analyzePickle(bytes);
    assert.deepEqual(a.calls, [{ callee: "m.C", opcode: "NEWOBJ_EX", offset: 27, args: "1, k=2" }]);
    assert.match(renderPseudoPython(a), /_var0 = C\.__new__\(C, 1, k=2\)/);
  });

  it("shows a call's arguments as they were at the call, even when a container it received grows afterwards", () => {
    // l = []; len(l); l.append(7); l.append([l]) then BUILD with l as state, then l[0] = 8: every call and BUILD
    // prints the list as loading would have passed it, with and without the listing.
    const bytes = framed(
      asm(
        O.EMPTY_LIST, O.BINPUT, 0, GLOBAL("builtins", "len"), O.BINGET, 0, O.TUPLE1, O.REDUCE, O.POP,
        O.BINGET, 0, O.BININT1, 7, O.APPEND, O.POP,
        GLOBAL("m", "C"), O.EMPTY_TUPLE, O.NEWOBJ, O.BINGET, 0, O.BUILD, O.POP,
        O.BINGET, 0, O.BININT1, 0, O.BININT1, 8, O.SETITEM, O.STOP,
      ),
    );
    for (const pseudoPython of [false, true]) {
      const a = analyzePickle(bytes, { pseudoPython });
      assert.equal(a.error, undefined);
      assert.deepEqual(a.calls.map((c) => `${c.opcode} ${c.callee}(${c.args})`), ["REDUCE builtins.len([])", "NEWOBJ m.C()", "BUILD m.C([7])"]);
      assert.equal(JSON.parse(JSON.stringify(a.calls))[2].args, "[7]");
    }
    assert.equal(result(bytes), "[8]");
  });

  it("renders the arguments of a pickle over 1 MiB as well (its text is made when the machine finishes)", () => {
    const big = new Uint8Array(1_100_000).fill(0x41);
    const bytes = framed(asm(GLOBAL("m", "f"), O.BINBYTES, u32(big.length), big, O.TUPLE1, O.REDUCE, O.STOP));
    const a = analyzePickle(bytes, { pseudoPython: false });
    assert.equal(a.error, undefined);
    assert.deepEqual(a.calls.map((c) => c.args), [`b'${"A".repeat(60)}'...<1100000 bytes>`]);
  });

  it("shows a persistent id as it was when loaded, even when its list grows afterwards", () => {
    const bytes = framed(asm(O.EMPTY_LIST, O.BINPUT, 0, O.BINPERSID, O.POP, O.BINGET, 0, O.BININT1, 5, O.APPEND, O.STOP));
    for (const pseudoPython of [false, true]) {
      const a = analyzePickle(bytes, { pseudoPython });
      assert.equal(a.error, undefined);
      assert.deepEqual(a.persistentIds.map((p) => p.value), ["[]"]);
      assert.deepEqual(JSON.parse(JSON.stringify(a)).persistentIds.map((p: { value: string }) => p.value), ["[]"]);
    }
    assert.equal(result(bytes), "[5]");
  });
});

describe("real pickles written by CPython", () => {
  const expectedPlain =
    "{'ints': [0, 1, -1, 255, 256, 65535, 65536, -2147483648, 2147483647, 1099511627776, ...], 'floats': [0.0, -1.5, 1e+300, float('inf')], ";
  for (let p = 0; p <= 5; p++) {
    it(`reads plain data at protocol ${p} to the same values`, () => {
      const bytes = fixture(`benign-plain-p${p}.pkl`);
      assert.ok(looksLikePickle(bytes));
      const a = analyzePickle(bytes);
      assert.equal(a.error, undefined);
      assert.equal(a.streams, 1);
      assert.equal(a.bytesConsumed, bytes.length);
      assert.equal(a.protocol, p >= 2 ? p : null);
      const r = result(bytes);
      assert.ok(r.startsWith(expectedPlain), r);
      // Protocols 0-3 spell sets (and bytes, before 3) through globals; 4 and 5 need none.
      if (p >= 4) assert.deepEqual(a.imports, []);
      else assert.ok(a.imports.every((i) => ["builtins.set", "builtins.frozenset", "_codecs.encode", "builtins.bytes"].includes(i.normalized)), JSON.stringify(a.imports));
      assert.deepEqual(a.issues, []);
    });
  }

  it("counts every opcode (pickletools: 10 opcodes for a protocol 2 os.system REDUCE)", () => {
    const a = analyzePickle(fixture("malicious-os-system-p2.pkl"));
    assert.equal(a.opcodeCount, 10);
    assert.equal(a.imports[0]!.offset, 2);
  });
});

describe("stacked streams", () => {
  it("keeps reading after STOP while the remaining bytes parse", () => {
    const bytes = asm(O.NONE, O.STOP, PROTO(2), O.NEWTRUE, O.STOP, O.BININT1, 3, O.STOP);
    const a = analyzePickle(bytes);
    assert.equal(a.streams, 3);
    assert.equal(a.bytesConsumed, bytes.length);
    assert.deepEqual(renderPseudoPython(a).split("\n"), ["result = None", "result_1 = True", "result_2 = 3"]);
  });

  it("stops quietly at trailing data that is not a pickle and reports where the pickle ended", () => {
    const bytes = asm(PROTO(2), O.NONE, O.STOP, "PK\x03\x04 trailing zip");
    const a = analyzePickle(bytes);
    assert.equal(a.streams, 1);
    assert.equal(a.bytesConsumed, 4);
    assert.equal(a.error, undefined);
  });

  it("resets the memo between streams", () => {
    const bytes = asm(O.NONE, O.BINPUT, 0, O.STOP, O.BINGET, 0, O.STOP);
    const a = analyzePickle(bytes);
    assert.equal(a.streams, 1);
    assert.equal(a.bytesConsumed, 4);
  });
});

describe("pseudo-Python rendering", () => {
  it("truncates long strings, bytes and containers", () => {
    const long = "x".repeat(1000);
    const items: Uint8Array[] = [];
    for (let i = 0; i < 100; i++) items.push(asm(O.BININT1, i));
    const bytes = framed(asm(O.MARK, str("y".repeat(200)), O.BINBYTES8, u64(500), new Uint8Array(500), O.MARK, ...items, O.LIST, bstr(long), O.TUPLE, O.STOP));
    const r = result(bytes);
    assert.match(r, /^\('y{60}'\.\.\.<200 chars>, b'(\\x00){60}'\.\.\.<500 bytes>, \[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, \.\.\.\]/);
    assert.ok(r.length < 500, String(r.length));
  });

  it("renders calls, imports with clashing names and the result in execution order", () => {
    const bytes = asm(PROTO(2), GLOBAL("torch", "load"), O.POP, GLOBAL("pickle", "load"), O.NONE, O.TUPLE1, O.REDUCE, O.STOP);
    assert.equal(renderPseudoPython(analyzePickle(bytes)), "from torch import load\nfrom pickle import load as load_2\n_var0 = load_2(None)\nresult = _var0");
  });

  it("falls back to imports and calls for analyses without statements", () => {
    const a = analyzePickle(asm(PROTO(2), GLOBAL("m", "f"), O.EMPTY_TUPLE, O.REDUCE, O.STOP));
    delete a.statements;
    assert.equal(renderPseudoPython(a), "# import m.f\n# REDUCE: m.f()");
  });
});

describe("utf8 helper sanity", () => {
  it("encodes multi-byte text for BINUNICODE", () => {
    assert.equal(result(asm(bstr("日本"), O.STOP)), "'日本'");
    assert.equal(utf8("é").length, 2);
  });
});

describe("runs of MARK (padding before a payload)", () => {
  const marks = (n: number) => "(".repeat(n);
  const payload = "cposix\nsystem\n(Vid\ntR.";

  it("counts every MARK and still reaches the payload", () => {
    const a = analyzePickle(asm(PROTO(2), marks(1000), payload), { pseudoPython: false });
    assert.equal(a.error, undefined);
    assert.equal(a.opcodeCount, 1007);
    assert.deepEqual(a.issues.map((i) => `${i.kind}@${i.offset}`), ["dangerous-call@1022"]);
  });

  it("stops at the opcode limit and the MARK depth limit at the opcode that crosses them", () => {
    const opcodes = analyzePickle(asm(PROTO(2), marks(1000), payload), { limits: { ...DEFAULT_PICKLE_OPTIONS.limits, maxOpcodes: 500 } });
    assert.equal(opcodes.opcodeCount, 500);
    assert.deepEqual(opcodes.error, { message: "opcode limit (500) reached", offset: 501 });
    const depth = analyzePickle(asm(PROTO(2), marks(1000), payload), { limits: { ...DEFAULT_PICKLE_OPTIONS.limits, maxStackDepth: 300 } });
    assert.equal(depth.opcodeCount, 302);
    assert.deepEqual(depth.error, { message: "MARK depth limit (300) reached", offset: 302 });
  });

  it("keeps FRAME accounting when a frame ends inside the run", () => {
    const a = analyzePickle(asm(PROTO(4), FRAME(50), marks(200), payload), { pseudoPython: false });
    assert.equal(a.error, undefined);
    assert.equal(a.opcodeCount, 208);
    assert.deepEqual(a.issues.map((i) => `${i.kind}@${i.offset}`), ["dangerous-call@231"]);
  });
});

describe("long str operands (decoded only when read)", () => {
  const n = 6000;
  const latin = "é".repeat(n); // one byte per character in STRING, BINSTRING and UNICODE
  const wide = "日".repeat(n); // three bytes per character in BINUNICODE(8)
  const shown = (s: string) => `'${s.slice(0, 60)}'...<${s.length} chars>`;

  it("reads every long string opcode as the short ones do, when rendered", () => {
    const latinBytes = new Uint8Array(n).fill(0xe9);
    const wideBytes = utf8(wide);
    const bytes = asm(
      PROTO(4), O.MARK, "S'", latinBytes, "'\n", O.BINSTRING, i32(n), latinBytes, "V", latinBytes, "\n",
      O.BINUNICODE, u32(wideBytes.length), wideBytes, O.BINUNICODE8, u64(wideBytes.length), wideBytes, O.TUPLE, O.STOP,
    );
    assert.equal(result(bytes), `(${[latin, latin, latin, wide, wide].map(shown).join(", ")})`);
  });

  it("reads a long UNICODE with escapes through the escape decoder", () => {
    assert.equal(result(asm(`V${"\\u65e5".repeat(n)}\n.`)), shown(wide));
    assert.equal(analyzePickle(asm(`(V${"a".repeat(n)}\\u00zz\nt.`)).isPickle, false);
  });

  it("skips long padding popped unread and still judges the payload after it", () => {
    const a = analyzePickle(asm(`S'${"A".repeat(100_000)}'\n0cposix\nsystem\n(Vid\ntR.`), { pseudoPython: false });
    assert.equal(a.error, undefined);
    assert.deepEqual(a.issues.map((i) => `${i.kind}@${i.offset}`), ["dangerous-call@100025"]);
    assert.equal(a.calls[0]?.args, "'id'");
  });

  it("reads a long string when the analysis needs its text (an embedded pickle, a call's shown argument)", () => {
    const inner = `S'${"B".repeat(n)}'\n0cposix\nsystem\n(Vid\ntR.`;
    for (const operand of [asm(O.BINSTRING, i32(inner.length), inner), asm(O.BINUNICODE, u32(inner.length), inner)]) {
      const a = analyzePickle(asm(PROTO(2), GLOBAL("pickle", "loads"), operand, O.TUPLE1, O.REDUCE, O.STOP));
      assert.equal(a.nested.length, 1);
      assert.deepEqual(a.nested[0]!.analysis.issues.map((i) => i.kind), ["dangerous-call"]);
      assert.equal(a.calls[0]!.args, `'S\\'${"B".repeat(58)}'...<${inner.length} chars>`);
    }
  });
});

describe("runs of NONE POP (padding before a payload)", () => {
  const payload = "cposix\nsystem\n(Vid\ntR.";

  it("counts every opcode of the run and still reaches the payload", () => {
    const a = analyzePickle(asm(PROTO(2), "N0".repeat(1000), payload), { pseudoPython: false });
    assert.equal(a.error, undefined);
    assert.equal(a.opcodeCount, 2007);
    assert.deepEqual(a.issues.map((i) => `${i.kind}@${i.offset}`), ["dangerous-call@2022"]);
  });

  it("leaves the stack as it was, above a MARK too, and keeps an unpaired NONE", () => {
    assert.equal(result(asm("(I1\nN0N0N0t.")), "(1,)");
    assert.equal(result(asm("(N0N0Nt.")), "(None,)");
    // The second POP meets the inner MARK and discards it, as CPython does.
    assert.equal(result(asm(PROTO(2), O.MARK, O.MARK, "N0N", O.POP, O.POP, "N0", O.TUPLE, O.STOP)), "()");
  });

  it("stops at the opcode limit at the opcode that crosses it, inside the run", () => {
    for (const limit of [500, 501]) {
      const a = analyzePickle(asm(PROTO(2), "N0".repeat(1000), payload), { limits: { ...DEFAULT_PICKLE_OPTIONS.limits, maxOpcodes: limit } });
      assert.equal(a.opcodeCount, limit);
      assert.deepEqual(a.error, { message: `opcode limit (${limit}) reached`, offset: limit + 1 });
    }
  });

  it("keeps FRAME accounting when a frame ends inside the run, between the two opcodes of a pair or after one", () => {
    for (const frame of [51, 52]) {
      const a = analyzePickle(asm(PROTO(4), FRAME(frame), "N0".repeat(200), payload), { pseudoPython: false });
      assert.equal(a.error, undefined);
      assert.equal(a.opcodeCount, 408);
      assert.deepEqual(a.issues.map((i) => `${i.kind}@${i.offset}`), ["dangerous-call@431"]);
    }
    const crossing = analyzePickle(asm(PROTO(4), FRAME(3), "N0N0N0", "N.", PROTO(4), FRAME(2), "N0N0N."), { pseudoPython: false });
    assert.equal(crossing.opcodeCount, 18);
    assert.equal(crossing.streams, 2);
    assert.equal(crossing.error, undefined);
  });
});
