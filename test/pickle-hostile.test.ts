// Hostile and non-pickle input: every case ends in a clean result or an `error`, never a throw or a hang.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { analyzePickle, looksLikePickle, renderPseudoPython, type PickleAnalysis } from "../src/artifacts/pickle/index.js";
import { FRAME, GLOBAL, OPS as O, PROTO, STACK_GLOBAL, asm, bstr, framed, i32, str, u32, u64 } from "./data/pickle/assembler.js";

const DATA = join(import.meta.dirname, "..", "..", "test", "data", "pickle");
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DATA, name)));

/** Deterministic xorshift32 bytes. */
function randomBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function analyzeSafely(bytes: Uint8Array, options?: Parameters<typeof analyzePickle>[1]): PickleAnalysis {
  const a = analyzePickle(bytes, options);
  renderPseudoPython(a); // must not throw either
  return a;
}

describe("truncation", () => {
  for (const name of ["malicious-os-system-p0.pkl", "malicious-os-system-p2.pkl", "malicious-os-system-p4.pkl", "benign-torch-state-dict-p2.pkl"]) {
    it(`every prefix of ${name} gives a result or an error`, () => {
      const full = fixture(name);
      let firstWithImport = -1;
      for (let n = 0; n < full.length; n++) {
        const a = analyzeSafely(full.subarray(0, n));
        assert.equal(a.streams, 0, `prefix ${n}`);
        if (a.isPickle) assert.ok(a.error !== undefined, `prefix ${n} has no error`);
        if (a.imports.length > 0 && firstWithImport < 0) firstWithImport = n;
        // Once the global has been read, every longer prefix keeps reporting it, as malformed.
        if (firstWithImport >= 0) {
          assert.ok(a.imports.length > 0, `prefix ${n} lost the import`);
          assert.ok(a.issues.some((i) => i.kind === "malformed"), `prefix ${n}: ${JSON.stringify(a.issues)}`);
          if (name.startsWith("malicious")) assert.ok(a.issues.some((i) => i.global === "posix.system"), `prefix ${n}`);
        }
        if (!a.isPickle) assert.deepEqual(a.issues, []);
      }
      assert.ok(firstWithImport > 0 && firstWithImport < full.length);
    });
  }
});

describe("not a pickle", () => {
  const samples: [string, Uint8Array][] = [
    ["empty", new Uint8Array(0)],
    ["prose", text("I like cats.\nThey are (mostly) nice.\n")],
    ["python", text("import pickle\n\ndef load(p):\n    return pickle.loads(p)\n")],
    ["json", text('{"a": [1, 2, {"b": null}]}\n')],
    ["csv", text("name,value\nx,1\n")],
    ["paren text", text("(see below) and (more)\n")],
    ["markdown", text("# Title\n\n- item\n")],
    ["zip", asm("PK\x03\x04", 20, 0, 0, 0, 8, 0, "data.pkl")],
    ["gzip", asm(0x1f, 0x8b, 8, 0, 0, 0, 0, 0)],
    ["npy", asm(0x93, "NUMPY", 1, 0, 0x76, 0, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }")],
    ["protocol 0 text that stops making sense", text("(lp0\nI1\naI2\nzzz\n")],
    ["bare PROTO", asm(0x80)],
    ["PROTO 9", asm(0x80, 9, 0x4e, 0x2e)],
  ];
  for (const [label, bytes] of samples) {
    it(`${label}: looksLikePickle is false and analysis is clean`, () => {
      assert.equal(looksLikePickle(bytes), false);
      const a = analyzeSafely(bytes);
      assert.deepEqual(a.issues, []);
    });
  }

  it("text and random data are not pickles", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const bytes = randomBytes(seed, 1 + (seed * 37) % 5000);
      if (bytes[0] === 0x80) continue; // a PROTO header is a deliberate pickle marker
      assert.equal(looksLikePickle(bytes), false, `seed ${seed}`);
    }
  });

  it("random garbage never throws, and anything it yields comes with an error", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const bytes = randomBytes(seed * 7919, 1 + (seed * 131) % 3000);
      const a = analyzeSafely(bytes);
      if (a.isPickle && a.streams === 0) assert.ok(a.error !== undefined);
    }
  });

  it("every real pickle fixture sniffs as a pickle", () => {
    for (const name of readdirSync(DATA).filter((f) => f.endsWith(".pkl"))) {
      assert.equal(looksLikePickle(fixture(name)), true, name);
    }
  });

  it("a long protocol 0 pickle is recognised from its first window", () => {
    const items = "I1\na".repeat(40_000);
    assert.equal(looksLikePickle(text(`(lp0\n${items}.`)), true);
    assert.equal(looksLikePickle(text(`(lp0\n${items}`)), true);
  });
});

describe("lying length fields", () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ["BINUNICODE8 of 2**60 bytes", asm(PROTO(4), O.BINUNICODE8, u64(2n ** 60n), "x", O.STOP), /exceeds 2\*\*53/],
    ["BINBYTES8 of 2**50 bytes", asm(PROTO(4), O.BINBYTES8, u64(2n ** 50n), "x", O.STOP), /truncated/],
    ["BINBYTES of 4 GiB", asm(PROTO(3), O.BINBYTES, u32(0xffffffff), "x", O.STOP), /truncated/],
    ["BINSTRING with a negative length", asm(PROTO(2), O.BINSTRING, i32(-5), "x", O.STOP), /negative byte count/],
    ["LONG4 of 2**31-1 bytes", asm(PROTO(2), O.LONG4, i32(0x7fffffff), O.STOP), /truncated/],
    ["FRAME of 2**63 bytes", asm(PROTO(4), FRAME(2n ** 63n), O.NONE, O.STOP), /FRAME length 9223372036854776000 exceeds/],
    ["FRAME longer than the data", asm(PROTO(4), FRAME(100), O.NONE, O.STOP), /FRAME length 100 exceeds the remaining 2 bytes/],
    ["BYTEARRAY8 past the end", asm(PROTO(5), O.BYTEARRAY8, u64(10), "abc"), /truncated/],
  ];
  for (const [label, bytes, message] of cases) {
    it(`${label} is an error`, () => {
      const a = analyzeSafely(bytes);
      assert.equal(a.isPickle, true);
      assert.match(a.error?.message ?? "", message);
      assert.deepEqual(a.issues, []);
    });
  }
});

describe("FRAME validation", () => {
  it("an overlong FRAME does not hide the opcodes inside it", () => {
    const body = asm(GLOBAL("os", "system"), bstr("id"), O.TUPLE1, O.REDUCE, O.STOP);
    const a = analyzeSafely(asm(PROTO(4), FRAME(1000), body));
    assert.equal(a.streams, 1);
    assert.match(a.error?.message ?? "", /FRAME length 1000 exceeds/);
    assert.deepEqual(a.issues.map((i) => i.kind), ["dangerous-call", "malformed"]);
  });

  it("a frame shorter than its opcodes is reported, and analysis continues past it", () => {
    const body = asm(GLOBAL("os", "system"), bstr("id"), O.TUPLE1, O.REDUCE, O.STOP);
    const a = analyzeSafely(asm(PROTO(4), FRAME(3), body));
    assert.match(a.error?.message ?? "", /frame length mismatch/);
    assert.equal(a.error?.offset, 11);
    assert.equal(a.streams, 1);
    assert.deepEqual(a.issues.map((i) => i.kind), ["dangerous-call", "malformed"]);
  });

  it("a new FRAME before the current one ends is reported", () => {
    const a = analyzeSafely(asm(PROTO(4), FRAME(12), O.NONE, FRAME(1), O.STOP, O.NONE));
    assert.match(a.error?.message ?? "", /new frame before end of current frame/);
  });

  it("consecutive exact frames are fine", () => {
    const a = analyzeSafely(asm(PROTO(4), FRAME(1), O.NONE, FRAME(1), O.STOP));
    assert.equal(a.error, undefined);
    assert.equal(a.streams, 1);
  });
});

describe("memo abuse", () => {
  it("GET/BINGET/LONG_BINGET of a missing index is an error", () => {
    for (const bytes of [asm("(g5\n."), asm(PROTO(2), O.BINGET, 5, O.STOP), asm(PROTO(2), O.LONG_BINGET, u32(0xffffffff), O.STOP)]) {
      const a = analyzeSafely(bytes);
      if (a.isPickle) assert.match(a.error?.message ?? "", /memo value not found|invalid GET/);
      assert.deepEqual(a.issues, []);
    }
    const huge = analyzeSafely(asm(PROTO(2), O.NONE, "p99999999999999999999999\n", O.STOP));
    assert.match(huge.error?.message ?? "", /invalid PUT argument/);
  });

  it("a memo that grows past maxMemoEntries hits the limit", () => {
    const parts: (number | Uint8Array)[] = [PROTO(4), O.NONE];
    for (let i = 0; i < 300; i++) parts.push(O.LONG_BINPUT, u32(i));
    parts.push(O.STOP);
    const a = analyzeSafely(asm(...parts), { limits: { maxOpcodes: 10_000, maxStackDepth: 100, maxMemoEntries: 200, maxNesting: 2, maxDecompressedBytes: 0 } });
    assert.match(a.error?.message ?? "", /memo size limit \(200\)/);
  });
});

describe("operations CPython accepts do not stop the analysis", () => {
  it("SETITEM(S) on a list and APPEND on a bytearray continue to the payload", () => {
    const bytes = asm(
      PROTO(2), O.EMPTY_LIST, O.NONE, O.APPEND, O.BININT1, 0, O.NEWTRUE, O.SETITEM, O.MARK, O.BININT1, 0, O.NEWFALSE, O.SETITEMS,
      O.BYTEARRAY8, u64(1), "a", O.BININT1, 98, O.APPEND, O.POP,
      GLOBAL("os", "system"), bstr("id"), O.TUPLE1, O.REDUCE, O.TUPLE2, O.STOP,
    );
    const a = analyzeSafely(bytes);
    assert.equal(a.error, undefined);
    assert.deepEqual(a.issues.map((i) => i.kind), ["dangerous-call"]);
    assert.match(renderPseudoPython(a), /result = \(\[False\], _var0\)/);
  });

  it("APPEND to a tuple is an error, as in CPython", () => {
    const a = analyzeSafely(asm(PROTO(2), O.EMPTY_TUPLE, O.NONE, O.APPEND, O.STOP));
    assert.match(a.error?.message ?? "", /cannot append to a tuple/);
  });
});

describe("deep and huge structures", () => {
  it("a million nested MARKs hits the MARK depth limit", () => {
    const bytes = asm(PROTO(2), new Uint8Array(1_000_000).fill(O.MARK));
    const a = analyzeSafely(bytes);
    assert.match(a.error?.message ?? "", /MARK depth limit \(100000\)/);
    // What lies beyond a limit was not inspected: that is worth a warning even without globals.
    assert.deepEqual(a.issues.map((i) => `${i.kind}:${i.severity}`), ["uninspectable:medium"]);
  });

  it("a million EMPTY_LISTs hit the stack limit", () => {
    const bytes = asm(PROTO(2), new Uint8Array(1_000_000).fill(O.EMPTY_LIST));
    assert.match(analyzeSafely(bytes).error?.message ?? "", /stack depth limit \(100000\)/);
  });

  it("a 300k-deep nested list passed to a call renders and scans without recursion", () => {
    const depth = 300_000;
    const bytes = asm(
      PROTO(2), GLOBAL("os", "system"), GLOBAL("mypkg", "f"), new Uint8Array(depth).fill(O.EMPTY_LIST),
      new Uint8Array(depth - 1).fill(O.APPEND), O.TUPLE1, O.REDUCE, O.TUPLE2, O.STOP,
    );
    const a = analyzeSafely(bytes, { limits: { maxOpcodes: 5_000_000, maxStackDepth: 1_000_000, maxMemoEntries: 10, maxNesting: 2, maxDecompressedBytes: 0 } });
    assert.equal(a.error, undefined);
    assert.equal(a.calls.length, 1);
    assert.ok(a.calls[0]!.args.length < 500);
    // The argument scan ran out of budget, so os.system is conservatively treated as reaching a call;
    // mypkg.f is not on the allowlist and is called.
    assert.deepEqual(a.issues.map((i) => i.kind), ["dangerous-call", "unknown-call"]);
  });

  it("a list that contains itself renders finitely", () => {
    const a = analyzeSafely(asm(O.EMPTY_LIST, O.DUP, O.APPEND, O.STOP));
    assert.equal(a.error, undefined);
    assert.match(renderPseudoPython(a), /^result = \[\[\[\[\[\.\.\.\]\]\]\]\]$/);
  });

  it("the opcode limit stops a long stream", () => {
    const body = new Uint8Array(20_000);
    for (let i = 0; i < body.length; i += 2) {
      body[i] = O.NONE;
      body[i + 1] = O.POP;
    }
    const a = analyzeSafely(asm(PROTO(2), body, O.NONE, O.STOP), { limits: { maxOpcodes: 1000, maxStackDepth: 100, maxMemoEntries: 10, maxNesting: 2, maxDecompressedBytes: 0 } });
    assert.match(a.error?.message ?? "", /opcode limit \(1000\)/);
    assert.equal(a.opcodeCount, 1000);
  });

  it("a global read before the opcode limit is still reported, and the pickle is malformed", () => {
    const bytes = framed(asm(STACK_GLOBAL("os", "system"), O.POP, new Uint8Array(2000).fill(O.NONE), O.STOP));
    const a = analyzeSafely(bytes, { limits: { maxOpcodes: 100, maxStackDepth: 10_000, maxMemoEntries: 10, maxNesting: 2, maxDecompressedBytes: 0 } });
    assert.deepEqual(a.issues.map((i) => i.kind), ["dangerous-import", "malformed"]);
  });

  it("thousands of identical calls produce a bounded number of issues", () => {
    const call = asm(O.BINGET, 0, O.EMPTY_TUPLE, O.REDUCE, O.POP);
    const calls = new Uint8Array(call.length * 5000);
    for (let i = 0; i < 5000; i++) calls.set(call, i * call.length);
    const a = analyzeSafely(asm(PROTO(4), STACK_GLOBAL("os", "getpid"), O.MEMOIZE, O.POP, calls, O.NONE, O.STOP));
    assert.equal(a.calls.length, 5000);
    assert.equal(a.issues.length, 1000);
  });
});

describe("what lies past a limit", () => {
  // A loader has no opcode or stack limit: padding that exhausts ours must not hide the payload after it.
  const small = { limits: { maxOpcodes: 1000, maxStackDepth: 500, maxMemoEntries: 10_000, maxNesting: 2, maxDecompressedBytes: 0 } };
  const nonePop = (pairs: number): Uint8Array => {
    const body = new Uint8Array(pairs * 2);
    for (let i = 0; i < body.length; i += 2) {
      body[i] = O.NONE;
      body[i + 1] = O.POP;
    }
    return body;
  };
  const kinds = (a: PickleAnalysis): string[] => a.issues.map((i) => `${i.kind}:${i.severity}:${i.global ?? ""}`);

  it("a denylisted call after NONE/POP padding past the opcode limit is critical", () => {
    const a = analyzeSafely(asm(PROTO(2), nonePop(2000), GLOBAL("os", "system"), O.MARK, bstr("id"), O.TUPLE, O.REDUCE, O.STOP), small);
    assert.match(a.error?.message ?? "", /opcode limit \(1000\)/);
    assert.deepEqual(kinds(a), ["dangerous-call:critical:os.system", "uninspectable:medium:"]);
    assert.match(a.issues[0]!.message, /after the point where the analysis stopped at a limit/);
  });

  it("an unlisted global after pushes past the stack limit is high", () => {
    const pushes = new Uint8Array(600).fill(O.NONE);
    const a = analyzeSafely(asm(PROTO(4), pushes, STACK_GLOBAL("_aix_support", "_read_cmd_output"), O.EMPTY_TUPLE, O.REDUCE, O.STOP), small);
    assert.match(a.error?.message ?? "", /stack depth limit \(500\)/);
    assert.deepEqual(kinds(a), ["unknown-call:high:_aix_support._read_cmd_output", "uninspectable:medium:"]);
  });

  it("STACK_GLOBAL operands memoized before the limit are resolved after it", () => {
    const names = asm(str("posix"), O.MEMOIZE, O.POP, str("system"), O.MEMOIZE, O.POP);
    const a = analyzeSafely(asm(PROTO(4), names, nonePop(2000), O.BINGET, 0, O.BINGET, 1, O.STACK_GLOBAL, O.EMPTY_TUPLE, O.REDUCE, O.STOP), small);
    assert.deepEqual(kinds(a), ["dangerous-call:critical:posix.system", "uninspectable:medium:"]);
  });

  it("a protocol 0 stream without PROTO that reaches the limit is a pickle, and its tail is judged", () => {
    const a = analyzeSafely(asm(nonePop(2000), GLOBAL("os", "system"), O.MARK, "S'id'\n", O.TUPLE, O.REDUCE, O.STOP), small);
    assert.equal(a.isPickle, true);
    assert.deepEqual(kinds(a), ["dangerous-call:critical:os.system", "uninspectable:medium:"]);
  });

  it("an allowlisted global past the limit adds nothing to the warning that the rest was not simulated", () => {
    const a = analyzeSafely(asm(PROTO(4), nonePop(2000), STACK_GLOBAL("collections", "OrderedDict"), O.EMPTY_TUPLE, O.REDUCE, O.STOP), small);
    assert.deepEqual(kinds(a), ["uninspectable:medium:"]);
  });
});
