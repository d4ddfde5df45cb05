// The symbolic pickle machine: reads every opcode of protocols 0-5 and replays it on a stack of
// symbolic values with a real memo and MARK stack. It never imports or calls anything: GLOBAL pushes a
// reference, REDUCE pushes "the result of calling it", and both are recorded for the policy to judge.
import type { PickleLimits } from "../types.js";
import type { PickleAnalysis, PickleCall, PickleImport } from "./analysis.js";
import { decimalDigits, latin1 } from "../containers/bytes.js";
import { decodeEscapedString, decodeRawUnicodeEscape, parsePythonFloat, parsePythonInt } from "./decode.js";
import { normalizeGlobal } from "./names.js";
import { HIGHEST_PROTOCOL, OPCODE_NAMES } from "./opcodes.js";
import { renderCall, renderValue, type RenderNames } from "./render.js";
import { sweepGlobals } from "./tail-sweep.js";
import { FALSE, LazyStr, NONE, TRUE, isContainer, type Value } from "./values.js";

/** Everything the policy needs besides the public analysis. */
export interface Trace {
  analysis: PickleAnalysis;
  /** Per import: offset of the first call that invokes it or receives it as an argument, else -1. */
  importUsedAt: number[];
  /** Per import: offset of the first call that invokes it directly, else -1. */
  importCalledAt: number[];
  /** Per import: normalised [module, name] (empty strings for dynamic and extension imports). */
  importNormalized: [string, string][];
  /** Per call: the import it invokes, or -1 when the callee is not a global reference. */
  callCallee: number[];
  /** Per call: `analysis.calls[i].callee`, `.opcode` and `.offset`, readable without building those records. */
  callNames: string[];
  callOpcodes: string[];
  callOffsets: number[];
  /** BUILD applied to a global reference (module, class or function). */
  mutations: { offset: number; imp: number }[];
  /** Calls of helpers that invoke an argument (`copyreg._reconstructor(cls, ...)`) whose invoked argument is not a global reference. */
  unsafeClassArgs: { offset: number; callee: string; position: number }[];
  /** BUILD of an object whose state names a `filename` (joblib's old wrappers read that file on load). */
  stateFilenames: { offset: number; callee: string; filename: string }[];
  /** Argument scanning ran out of budget: treat every global as possibly called. */
  argScanExhausted: boolean;
  /** Why the analysis stopped early, if it did. */
  stoppedBy: ErrorKind | undefined;
  /** Imports from this index on were found by sweeping the bytes after a limit stopped the machine (-1: none). */
  sweptFrom: number;
}

/** Decides which calls are loads-like and analyses their embedded pickles. */
export interface NestedHook {
  isLoadsLike(callee: string): boolean;
  analyze(bytes: Uint8Array): PickleAnalysis | undefined;
}

export interface MachineOptions {
  limits: PickleLimits;
  /** Shared across nested analyses so that fan-out cannot multiply the work. */
  budget: { opcodes: number };
  /** Helpers whose loading invokes some arguments (by position): those count as calls of what they hold. */
  invokedArguments: ReadonlyMap<string, readonly number[]>;
  /** Helpers that return the global their arguments name (`getattr(module, "name")`). */
  resolvers: ReadonlyMap<string, "getattr" | "module-name">;
  nested: NestedHook;
  /** Record the pseudo-Python listing (`inspect`); a scan skips it, the costliest part of the analysis. */
  statements?: boolean;
  /** After stopping at a limit, read the rest for the globals it names (see tail-sweep.ts). */
  sweepAfterLimit?: boolean;
}

export type ErrorKind = "invalid" | "truncated" | "limit";

/**
 * Why the machine stopped. Not an Error: it never leaves the machine (run() catches it), and most streams of other
 * data end in one, so it skips the stack trace an Error captures.
 */
class PickleError {
  constructor(
    readonly message: string,
    readonly offset: number,
    readonly kind: ErrorKind = "invalid",
  ) {}

  get limit(): boolean {
    return this.kind === "limit";
  }
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");
const MAX_EXACT_LONG_BYTES = 64;
const MAX_EXACT_LONG_DIGITS = 400;
const ARG_SCAN_PER_CALL = 20_000;
const ARG_SCAN_TOTAL = 2_000_000;
const MAX_STATEMENTS = 10_000;
/** Memo indices below this live in an array; a hostile LONG_BINPUT 0xffffffff goes to the map. */
const DENSE_MEMO_LIMIT = 1 << 16;
/** Containers held for pending renders; beyond this the pending calls are rendered now (bounded memory). */
const MAX_CAPTURED = 100_000;
/** Inputs larger than this are not kept alive for lazy rendering once the machine has finished. */
const LAZY_RENDER_MAX_INPUT = 1 << 20;
/** str operands this long are decoded when first read (see LazyStr). */
const LAZY_STR_MIN = 4096;
const utf8Text = (b: Uint8Array): string => utf8Lenient.decode(b);

const BASE64_DECODERS = new Set([
  "base64.b64decode", "base64.standard_b64decode", "base64.urlsafe_b64decode", "base64.decodebytes",
  "base64.decodestring", "binascii.a2b_base64",
]);
const BYTES_WRAPPERS = new Set(["io.BytesIO", "_io.BytesIO", "builtins.bytes", "builtins.bytearray"]);
/** Values the unpickler builds itself, which no argument-invoking helper can call (calling one raises TypeError). */
const NEVER_CALLABLE: ReadonlySet<Value["k"]> = new Set([
  "none", "bool", "int", "hugeint", "float", "str", "bytes", "list", "tuple", "set", "frozenset", "dict", "buffer",
]);

export function runMachine(bytes: Uint8Array, options: MachineOptions): Trace {
  return new Machine(bytes, options).run();
}

class Machine implements RenderNames {
  private readonly view: DataView;
  private pos = 0;
  private opStart = 0;
  private proto = 0;
  private stack: Value[] = [];
  /** Stack lengths at each MARK; items below the top mark are fenced off, as in CPython. */
  private marks: number[] = [];
  /** The memo: small indices (the normal case) in an array, the rest in a map. */
  private memoDense: (Value | undefined)[] = [];
  private memoSparse = new Map<number, Value>();
  private memoSize = 0;
  private frameEnd = -1;
  private frameProblem: { message: string; offset: number } | undefined;
  private argScanLeft = ARG_SCAN_TOTAL;
  private readonly importExprs: string[] = [];
  private readonly importBindings = new Map<string, string>();
  private readonly usedBindings = new Set<string>();
  /** Per persistent id: what it is (BINPERSID's value, PERSID's text) and its rendering once made (see recordCall). */
  private readonly persidShown: (Value | string | null)[] = [];
  private readonly persidTexts: (string | undefined)[] = [];
  /** analysis.persistentIds, as offsets and persistent id indices (built into records when first read). */
  private readonly persistentOffsets: number[] = [];
  private readonly persistentIndex: number[] = [];
  /** Per persistent id: the global a legacy torch `('module', cls, file, source)` id names (torch loads the class). */
  private readonly persidGlobals: (number | undefined)[] = [];
  private readonly callArgs: Value[][] = [];
  /** Per call: the value its argument text shows (a call's arguments, BUILD's state), its keyword arguments, and
   *  that text once rendered. */
  private readonly callShown: Value[] = [];
  private readonly callKwargs: (Value | undefined)[] = [];
  private readonly callTexts: (string | undefined)[] = [];
  /** Calls (index) and persistent ids (-1 - index) whose text has not been rendered yet (see recordCall). */
  private readonly unrendered: number[] = [];
  /** analysis.calls and analysis.persistentIds, built on first read (the machine has finished by then). */
  private callRecords: PickleCall[] | undefined;
  private persistentRecords: { offset: number; value: string }[] | undefined;
  /** Containers the unrendered calls' arguments reach: changing one first renders those calls as they stand. */
  private readonly captured = new Set<Value>();
  /** Set when the argument scan ran out of budget (captured is incomplete): render every call when recorded. */
  private renderEagerly = false;
  /** Scratch space of markArguments (one walk at a time). */
  private readonly walkSeen = new Set<Value>();
  private readonly walkQueue: Value[] = [];
  private readonly a: PickleAnalysis;
  private readonly t: Trace;
  private statements: string[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly o: MachineOptions,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.a = {
      isPickle: false,
      protocol: null,
      streams: 0,
      opcodeCount: 0,
      bytesConsumed: 0,
      imports: [],
      calls: [], // replaced by an accessor below
      persistentIds: [],
      issues: [],
      nested: [],
      statements: this.statements,
    };
    this.t = {
      analysis: this.a,
      importUsedAt: [],
      importCalledAt: [],
      importNormalized: [],
      callCallee: [],
      callNames: [],
      callOpcodes: [],
      callOffsets: [],
      mutations: [],
      unsafeClassArgs: [],
      stateFilenames: [],
      argScanExhausted: false,
      stoppedBy: undefined,
      sweptFrom: -1,
    };
  }

  run(): Trace {
    const a = this.a;
    while (this.pos < this.bytes.length) {
      const checkpoint = this.checkpoint();
      this.resetStream();
      try {
        this.runStream();
        a.streams++;
        a.bytesConsumed = this.pos;
        a.isPickle = true;
      } catch (e) {
        if (!(e instanceof PickleError)) throw e;
        const sawCode = this.sawCodeSince(checkpoint.imports, checkpoint.calls);
        if (a.streams === 0) {
          this.t.stoppedBy = e.kind;
          // A valid PROTO header or any global makes it a (broken) pickle rather than other data; so does a stream that
          // ran consistently up to a limit (millions of opcodes), whatever it names after that.
          if (sawCode || a.protocol !== null || (e.limit && this.o.sweepAfterLimit === true)) a.isPickle = true;
          if (a.isPickle) this.fail(e);
          if (a.isPickle && e.limit) this.sweepRest(e.offset);
        } else if (sawCode || e.limit) {
          this.fail(e);
          if (e.limit) this.sweepRest(e.offset);
        } else {
          // Trailing bytes after a complete pickle that do not form one (tensor data, a zip, padding).
          this.rollback(checkpoint);
        }
        break;
      }
    }
    // Pending calls keep this machine for their rendering (import names); the stack and memo are not needed.
    this.stack.length = 0;
    this.memoDense.length = 0;
    if (this.memoSparse.size > 0) this.memoSparse.clear();
    this.captured.clear();
    this.walkSeen.clear();
    this.callArgs.length = 0; // read only while running
    // The values pending renders hold keep views of the input: a large input is rendered now and let go.
    if (this.bytes.length > LAZY_RENDER_MAX_INPUT) this.settle();
    if (!a.isPickle) return this.notAPickle();
    // Most analyses never show their calls or persistent ids (a scan prints only what it reports): the records,
    // and their text, are built when first read. (Defined once the machine has finished: an accessor makes the
    // object a slower dictionary, which the opcode loop must not pay for.)
    if (this.t.callNames.length > 0) lazyProperty(a, "calls", () => this.callList());
    if (this.persistentOffsets.length > 0) lazyProperty(a, "persistentIds", () => this.persistentList());
    if (a.error === undefined && this.frameProblem !== undefined) a.error = this.frameProblem;
    return this.t;
  }

  /**
   * Whether a failed stream referenced code. Text that happens to start with `c` or `i` reads as a
   * GLOBAL/INST of a nonsense name; only names that could be Python modules count.
   */
  private sawCodeSince(imports: number, calls: number): boolean {
    if (this.t.callNames.length > calls) return true;
    for (let i = imports; i < this.a.imports.length; i++) {
      const imp = this.a.imports[i]!;
      if (imp.dynamic || imp.opcode.startsWith("EXT") || (isDottedName(imp.module) && isDottedName(imp.name))) return true;
    }
    return false;
  }

  /** Records the globals the bytes from `from` on name, which the machine stopped before simulating. */
  private sweepRest(from: number): void {
    if (this.o.sweepAfterLimit !== true) return;
    const memo = (index: number): string | undefined => {
      const v = index < DENSE_MEMO_LIMIT ? this.memoDense[index] : this.memoSparse.get(index);
      return v?.k === "str" ? v.v : undefined;
    };
    const stackTop = this.stack.slice(Math.max(this.fence(), this.stack.length - 2)).map((v) => (v.k === "str" ? v.v : null));
    const swept = sweepGlobals(this.bytes, from, memo, this.memoSize, stackTop);
    if (swept.length === 0) return;
    this.t.sweptFrom = this.a.imports.length;
    this.stack.length = 0; // not read again; extension() pushes
    for (const g of swept) {
      this.opStart = g.offset;
      if (g.opcode.startsWith("EXT")) this.extension(Number(g.name), g.opcode);
      else this.addImport(g.module, g.name, g.opcode, g.dynamic);
      this.stack.length = 0;
    }
  }

  private frameIssue(message: string): void {
    if (this.frameProblem === undefined) this.frameProblem = { message, offset: this.opStart };
  }

  private fail(e: PickleError): void {
    this.a.error = { message: e.message, offset: e.offset };
    this.t.stoppedBy = e.kind;
  }

  private notAPickle(): Trace {
    const a = this.a;
    a.imports.length = 0;
    this.truncateCalls(0);
    this.persistentOffsets.length = 0;
    this.persistentIndex.length = 0;
    a.nested.length = 0;
    this.statements.length = 0;
    a.protocol = null;
    a.bytesConsumed = 0;
    this.t.importUsedAt.length = 0;
    this.t.importCalledAt.length = 0;
    this.t.importNormalized.length = 0;
    this.t.mutations.length = 0;
    this.t.unsafeClassArgs.length = 0;
    this.t.stateFilenames.length = 0;
    return this.t;
  }

  private checkpoint() {
    const a = this.a;
    return {
      imports: a.imports.length,
      calls: this.t.callNames.length,
      persids: this.persistentOffsets.length,
      nested: a.nested.length,
      statements: this.statements.length,
      mutations: this.t.mutations.length,
      unsafe: this.t.unsafeClassArgs.length,
      filenames: this.t.stateFilenames.length,
      protocol: a.protocol,
      opcodes: a.opcodeCount,
    };
  }

  private rollback(c: ReturnType<Machine["checkpoint"]>): void {
    const a = this.a;
    a.imports.length = c.imports;
    this.truncateCalls(c.calls);
    this.persistentOffsets.length = c.persids;
    this.persistentIndex.length = c.persids;
    a.nested.length = c.nested;
    this.statements.length = c.statements;
    this.t.mutations.length = c.mutations;
    this.t.unsafeClassArgs.length = c.unsafe;
    this.t.stateFilenames.length = c.filenames;
    this.t.importUsedAt.length = c.imports;
    this.t.importCalledAt.length = c.imports;
    this.t.importNormalized.length = c.imports;
    this.importExprs.length = c.imports;
    a.protocol = c.protocol;
    a.opcodeCount = c.opcodes;
  }

  private resetStream(): void {
    this.stack = [];
    this.marks = [];
    this.memoDense = [];
    if (this.memoSparse.size > 0) this.memoSparse = new Map();
    this.memoSize = 0;
    this.proto = 0;
    this.frameEnd = -1;
  }

  // ---- RenderNames ----

  importExpr(imp: number): string {
    return this.importExprs[imp] ?? "<global>";
  }

  persidExpr(index: number): string {
    const shown = this.persidShown[index];
    if (shown === undefined) return "persistent_load(...)";
    return `persistent_load(${typeof shown === "string" ? renderValue({ k: "str", v: shown }, this) : this.persidText(index)})`;
  }

  // ---- byte readers ----

  private need(n: number): void {
    if (n > this.bytes.length - this.pos) {
      throw new PickleError(`pickle data was truncated (need ${n} bytes)`, this.opStart, "truncated");
    }
  }

  private u8(): number {
    this.need(1);
    return this.bytes[this.pos++]!;
  }

  private u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }

  private i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  private u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  private u64(): number {
    this.need(8);
    const lo = this.view.getUint32(this.pos, true);
    const hi = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
    if (hi >= 0x200000) throw new PickleError("length field exceeds 2**53", this.opStart);
    return hi === 0 ? lo : hi * 0x100000000 + lo; // see opFrame: a small length stays a small integer
  }

  private take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Bytes up to (excluding) the next newline; the newline is consumed. */
  private line(): Uint8Array {
    const start = this.pos;
    return this.bytes.subarray(start, this.lineEnd());
  }

  /** Index of the next newline, which is consumed: the line is the bytes from the position before up to it. */
  private lineEnd(): number {
    const i = this.bytes.indexOf(0x0a, this.pos);
    if (i < 0) throw new PickleError("pickle data was truncated (no newline)", this.opStart, "truncated");
    this.pos = i + 1;
    return i;
  }

  private utf8Line(what: string): string {
    try {
      return utf8Strict.decode(this.line());
    } catch (e) {
      if (e instanceof PickleError) throw e;
      throw new PickleError(`${what} is not valid UTF-8`, this.opStart);
    }
  }

  private asciiLine(what: string): string {
    return this.ascii(this.line(), what);
  }

  private ascii(l: Uint8Array, what: string): string {
    for (let i = 0; i < l.length; i++) {
      if (l[i]! >= 0x80) throw new PickleError(`${what} must be ASCII`, this.opStart);
    }
    return latin1(l);
  }

  private decimalLine(what: string): number {
    const l = this.line();
    const v = smallDecimal(l, 0, l.length) ?? parsePythonInt(this.ascii(l, what));
    if (v === null || typeof v === "bigint") throw new PickleError(`invalid ${what}`, this.opStart);
    return v;
  }

  // ---- stack helpers ----

  private push(v: Value): void {
    if (this.stack.length >= this.o.limits.maxStackDepth) {
      throw new PickleError(`stack depth limit (${this.o.limits.maxStackDepth}) reached`, this.opStart, "limit");
    }
    this.stack.push(v);
  }

  private fence(): number {
    return this.marks.length > 0 ? this.marks[this.marks.length - 1]! : 0;
  }

  private pop(): Value {
    if (this.stack.length <= this.fence()) throw new PickleError("unpickling stack underflow", this.opStart);
    return this.stack.pop()!;
  }

  private top(): Value {
    if (this.stack.length <= this.fence()) throw new PickleError("unpickling stack underflow", this.opStart);
    return this.stack[this.stack.length - 1]!;
  }

  private popMark(): Value[] {
    if (this.marks.length === 0) throw new PickleError("could not find MARK", this.opStart);
    const at = this.marks.pop()!;
    return this.stack.splice(at);
  }

  private memoPut(index: number, v: Value): void {
    const dense = index < DENSE_MEMO_LIMIT;
    const present = dense ? this.memoDense[index] !== undefined : this.memoSparse.has(index);
    if (!present) {
      if (this.memoSize >= this.o.limits.maxMemoEntries) {
        throw new PickleError(`memo size limit (${this.o.limits.maxMemoEntries}) reached`, this.opStart, "limit");
      }
      this.memoSize++;
    }
    if (!dense) this.memoSparse.set(index, v);
    else {
      // Keep the array dense-backed: fill holes up to the index (bounded by the memo limit in practice).
      while (this.memoDense.length < index) this.memoDense.push(undefined);
      this.memoDense[index] = v;
    }
  }

  private memoGet(index: number): Value {
    const v = index < DENSE_MEMO_LIMIT ? this.memoDense[index] : this.memoSparse.get(index);
    if (v === undefined) throw new PickleError(`memo value not found at index ${index}`, this.opStart);
    return v;
  }

  // ---- the machine ----

  private runStream(): void {
    const b = this.bytes;
    const limits = this.o.limits;
    const budget = this.o.budget;
    const a = this.a;
    for (;;) {
      if (this.frameEnd >= 0 && this.pos >= this.frameEnd) this.frameEnd = -1;
      this.opStart = this.pos;
      if (this.pos >= b.length) throw new PickleError("pickle data was truncated (no STOP)", this.pos, "truncated");
      if (a.opcodeCount >= limits.maxOpcodes || budget.opcodes <= 0) {
        throw new PickleError(`opcode limit (${limits.maxOpcodes}) reached`, this.pos, "limit");
      }
      a.opcodeCount++;
      budget.opcodes--;
      const op = b[this.pos++]!;
      const handler = OPCODE_HANDLERS[op];
      if (handler === undefined) throw new PickleError(`invalid opcode 0x${op.toString(16).padStart(2, "0")}`, this.opStart);
      if (handler(this)) return;
      if (this.frameEnd >= 0 && this.pos > this.frameEnd) {
        this.frameIssue("opcode crosses the end of its FRAME (frame length mismatch)");
      }
    }
  }

  opProto(): boolean { // PROTO (0x80)
    const p = this.u8();
    if (this.a.protocol === null || p > this.a.protocol) this.a.protocol = p;
    if (p > HIGHEST_PROTOCOL) throw new PickleError(`unsupported pickle protocol: ${p}`, this.opStart);
    this.proto = p;
    return false;
  }

  opFrame(): boolean { // FRAME (0x95)
    // Frame problems are recorded but not fatal: CPython's pure-Python unpickler runs the opcodes of a
    // short or overlong frame, so stopping here would let a lying FRAME hide what follows.
    this.need(8);
    // `hi * 2**32 + lo` is a double even when hi is 0; stored in frameEnd (or pos), a double makes V8 keep that field
    // boxed for every machine, and each read of it before the top tier allocates: a small length stays an integer.
    const lo = this.view.getUint32(this.pos, true);
    const hi = this.view.getUint32(this.pos + 4, true);
    const n = hi === 0 ? lo : hi * 0x100000000 + lo;
    this.pos += 8;
    const remaining = this.bytes.length - this.pos;
    if (this.frameEnd >= 0 && this.opStart < this.frameEnd) {
      this.frameIssue("beginning of a new frame before end of current frame");
    }
    if (n > remaining) {
      this.frameIssue(`FRAME length ${n} exceeds the remaining ${remaining} bytes`);
      this.frameEnd = -1;
    } else {
      this.frameEnd = this.pos + n;
    }
    return false;
  }

  opStop(): boolean { // STOP (0x2e)
    this.finishStream(this.pop());
    return true;
  }

  opMark(): boolean { // MARK (0x28)
    const limits = this.o.limits;
    if (this.marks.length >= limits.maxStackDepth) {
      throw new PickleError(`MARK depth limit (${limits.maxStackDepth}) reached`, this.opStart, "limit");
    }
    this.marks.push(this.stack.length);
    // A run of MARKs (padding that pushes a payload past a scanner's window) is taken here, with runStream's
    // accounting for each; whatever runStream would treat differently (a frame's end, a limit) is left to it. The
    // run is measured first (up to the nearest of those bounds), then its marks are pushed in one loop.
    const b = this.bytes;
    const depth = this.stack.length;
    const limit = this.runLimit(limits.maxStackDepth - this.marks.length);
    let end = this.pos;
    while (end < limit && b[end] === 0x28) end++;
    const count = end - this.pos;
    if (count === 0) return false;
    const marks = this.marks;
    for (let i = 0; i < count; i++) marks.push(depth);
    this.tookRun(end);
    return false;
  }

  /**
   * Where a run of one-byte opcodes taken at once (see opMark, opNone) must end at the latest: at most `most` opcodes,
   * and nothing runStream would treat differently (the end of a frame, the opcode limit) is taken.
   */
  private runLimit(most: number): number {
    const room = Math.min(this.o.limits.maxOpcodes - this.a.opcodeCount, this.o.budget.opcodes, most);
    return Math.min(this.frameEnd >= 0 ? this.frameEnd : this.bytes.length, this.pos + Math.max(0, room));
  }

  /** Accounts for the one-byte opcodes from pos up to `end`, taken as a run, as runStream would have. */
  private tookRun(end: number): void {
    const count = end - this.pos;
    this.a.opcodeCount += count;
    this.o.budget.opcodes -= count;
    this.opStart = end - 1;
    this.pos = end;
  }

  opPop(): boolean { // POP (0x30)
    if (this.marks.length > 0 && this.stack.length === this.fence()) this.marks.pop();
    else this.pop();
    return false;
  }

  opPopMark(): boolean { // POP_MARK (0x31)
    this.popMark();
    return false;
  }

  opDup(): boolean { // DUP (0x32)
    this.push(this.top());
    return false;
  }

  opNone(): boolean { // NONE (0x4e)
    this.push(NONE);
    const b = this.bytes;
    // A run of NONEs (padding that fills the stack) is taken here, as opMark takes MARKs: up to the stack depth limit,
    // whose error the opcode after the run then raises as it would have.
    if (b[this.pos] === 0x4e) {
      const limit = this.runLimit(this.o.limits.maxStackDepth - this.stack.length);
      let end = this.pos;
      while (end < limit && b[end] === 0x4e) end++;
      if (end === this.pos) return false;
      const stack = this.stack;
      for (let i = this.pos; i < end; i++) stack.push(NONE);
      this.tookRun(end);
      return false;
    }
    // NONE POP NONE POP ... (padding, as MARKs are) changes nothing: the POP and the pairs after it are taken here.
    if (b[this.pos] !== 0x30) return false;
    const limit = this.runLimit(Number.MAX_SAFE_INTEGER);
    if (limit <= this.pos) return false;
    let end = this.pos + 1;
    while (end + 1 < limit && b[end] === 0x4e && b[end + 1] === 0x30) end += 2;
    this.stack.pop();
    this.tookRun(end);
    return false;
  }

  opNewtrue(): boolean { // NEWTRUE (0x88)
    this.push(TRUE);
    return false;
  }

  opNewfalse(): boolean { // NEWFALSE (0x89)
    this.push(FALSE);
    return false;
  }

  opInt(): boolean { // INT (0x49)
    // Read from the bytes without a view of the line: padding of millions of `I1` lines made one per opcode.
    const b = this.bytes;
    const start = this.pos;
    const end = this.lineEnd();
    const quick = end - start === 2 && b[start] === 0x30 && (b[start + 1] === 0x30 || b[start + 1] === 0x31) ? undefined : smallDecimal(b, start, end);
    if (quick !== undefined) {
      this.push({ k: "int", v: quick });
      return false;
    }
    const text = this.ascii(b.subarray(start, end), "INT argument");
    if (text === "00") this.push(FALSE);
    else if (text === "01") this.push(TRUE);
    else this.push(this.intValue(text, "INT"));
    return false;
  }

  opLong(): boolean { // LONG (0x4c)
    let text = this.asciiLine("LONG argument");
    if (text.endsWith("L")) text = text.slice(0, -1);
    this.push(this.intValue(text, "LONG"));
    return false;
  }

  opBinint(): boolean { // BININT (0x4a)
    this.push({ k: "int", v: this.i32() });
    return false;
  }

  opBinint1(): boolean { // BININT1 (0x4b)
    this.push({ k: "int", v: this.u8() });
    return false;
  }

  opBinint2(): boolean { // BININT2 (0x4d)
    this.push({ k: "int", v: this.u16() });
    return false;
  }

  opLong1(): boolean { // LONG1 (0x8a)
    this.push(this.longValue(this.u8()));
    return false;
  }

  opLong4(): boolean { // LONG4 (0x8b)
    const n = this.i32();
    if (n < 0) throw new PickleError("LONG pickle has negative byte count", this.opStart);
    this.push(this.longValue(n));
    return false;
  }

  opFloat(): boolean { // FLOAT (0x46)
    const v = parsePythonFloat(this.asciiLine("FLOAT argument"));
    if (v === null) throw new PickleError("invalid FLOAT argument", this.opStart);
    this.push({ k: "float", v });
    return false;
  }

  opBinfloat(): boolean { // BINFLOAT (0x47)
    this.need(8);
    const v = this.view.getFloat64(this.pos, false);
    this.pos += 8;
    this.push({ k: "float", v });
    return false;
  }

  opString(): boolean { // STRING (0x53)
    const l = this.line();
    const q = l[0];
    if (l.length < 2 || (q !== 0x22 && q !== 0x27) || l[l.length - 1] !== q) {
      throw new PickleError("the STRING opcode argument must be quoted", this.opStart);
    }
    const decoded = decodeEscapedString(l.subarray(1, l.length - 1));
    if (decoded === null) throw new PickleError("invalid escape in STRING argument", this.opStart);
    this.push(decoded.length >= LAZY_STR_MIN ? new LazyStr(decoded, latin1) : { k: "str", v: latin1(decoded) });
    return false;
  }

  opBinstring(): boolean { // BINSTRING (0x54)
    const n = this.i32();
    if (n < 0) throw new PickleError("BINSTRING pickle has negative byte count", this.opStart);
    const body = this.take(n);
    this.push(n >= LAZY_STR_MIN ? new LazyStr(body, latin1) : { k: "str", v: latin1(body) });
    return false;
  }

  opShortBinstring(): boolean { // SHORT_BINSTRING (0x55)
    this.push({ k: "str", v: latin1(this.take(this.u8())) });
    return false;
  }

  opUnicode(): boolean { // UNICODE (0x56)
    const l = this.line();
    if (l.length >= LAZY_STR_MIN && l.indexOf(0x5c) < 0) {
      this.push(new LazyStr(l, latin1)); // no escapes: latin-1, as decodeRawUnicodeEscape reads it
      return false;
    }
    const s = decodeRawUnicodeEscape(l);
    if (s === null) throw new PickleError("invalid raw-unicode-escape in UNICODE argument", this.opStart);
    this.push({ k: "str", v: s });
    return false;
  }

  opBinunicode(): boolean { // BINUNICODE (0x58)
    const body = this.take(this.u32());
    this.push(body.length >= LAZY_STR_MIN ? new LazyStr(body, utf8Text) : { k: "str", v: utf8Lenient.decode(body) });
    return false;
  }

  opShortBinunicode(): boolean { // SHORT_BINUNICODE (0x8c)
    this.push({ k: "str", v: utf8Lenient.decode(this.take(this.u8())) });
    return false;
  }

  opBinunicode8(): boolean { // BINUNICODE8 (0x8d)
    const body = this.take(this.u64());
    this.push(body.length >= LAZY_STR_MIN ? new LazyStr(body, utf8Text) : { k: "str", v: utf8Lenient.decode(body) });
    return false;
  }

  opBinbytes(): boolean { // BINBYTES (0x42)
    this.push({ k: "bytes", v: this.take(this.u32()), bytearray: false });
    return false;
  }

  opShortBinbytes(): boolean { // SHORT_BINBYTES (0x43)
    this.push({ k: "bytes", v: this.take(this.u8()), bytearray: false });
    return false;
  }

  opBinbytes8(): boolean { // BINBYTES8 (0x8e)
    this.push({ k: "bytes", v: this.take(this.u64()), bytearray: false });
    return false;
  }

  opBytearray8(): boolean { // BYTEARRAY8 (0x96)
    this.push({ k: "bytes", v: this.take(this.u64()), bytearray: true });
    return false;
  }

  opNextBuffer(): boolean { // NEXT_BUFFER (0x97)
    this.push({ k: "buffer", readonly: false });
    return false;
  }

  opReadonlyBuffer(): boolean { // READONLY_BUFFER (0x98)
    const v = this.pop();
    this.push(v.k === "buffer" ? { k: "buffer", readonly: true } : v);
    return false;
  }

  opEmptyList(): boolean { // EMPTY_LIST (0x5d)
    this.push({ k: "list", items: [] });
    return false;
  }

  opEmptyTuple(): boolean { // EMPTY_TUPLE (0x29)
    this.push({ k: "tuple", items: [] });
    return false;
  }

  opEmptyDict(): boolean { // EMPTY_DICT (0x7d)
    this.push({ k: "dict", items: [] });
    return false;
  }

  opEmptySet(): boolean { // EMPTY_SET (0x8f)
    this.push({ k: "set", items: [] });
    return false;
  }

  opList(): boolean { // LIST (0x6c)
    this.push({ k: "list", items: this.popMark() });
    return false;
  }

  opTuple(): boolean { // TUPLE (0x74)
    this.push({ k: "tuple", items: this.popMark() });
    return false;
  }

  opFrozenset(): boolean { // FROZENSET (0x91)
    this.push({ k: "frozenset", items: this.popMark() });
    return false;
  }

  opDict(): boolean { // DICT (0x64)
    const items = this.popMark();
    if (items.length % 2 !== 0) throw new PickleError("odd number of items for DICT", this.opStart);
    this.push({ k: "dict", items });
    return false;
  }

  opTuple1(): boolean { // TUPLE1 (0x85)
    const x = this.pop();
    this.push({ k: "tuple", items: [x] });
    return false;
  }

  opTuple2(): boolean { // TUPLE2 (0x86)
    const y = this.pop();
    const x = this.pop();
    this.push({ k: "tuple", items: [x, y] });
    return false;
  }

  opTuple3(): boolean { // TUPLE3 (0x87)
    const z = this.pop();
    const y = this.pop();
    const x = this.pop();
    this.push({ k: "tuple", items: [x, y, z] });
    return false;
  }

  opAppend(): boolean { // APPEND (0x61)
    const v = this.pop();
    this.addItems(this.top(), [v], "append");
    return false;
  }

  opAppends(): boolean { // APPENDS (0x65)
    const items = this.popMark();
    this.addItems(this.top(), items, "extend");
    return false;
  }

  opAdditems(): boolean { // ADDITEMS (0x90)
    const items = this.popMark();
    this.addItems(this.top(), items, "add");
    return false;
  }

  opSetitem(): boolean { // SETITEM (0x73)
    const v = this.pop();
    const k = this.pop();
    this.setItems(this.top(), [k, v]);
    return false;
  }

  opSetitems(): boolean { // SETITEMS (0x75)
    const items = this.popMark();
    if (items.length % 2 !== 0) throw new PickleError("odd number of items for SETITEMS", this.opStart);
    this.setItems(this.top(), items);
    return false;
  }

  opPut(): boolean { // PUT (0x70)
    const i = this.decimalLine("PUT argument");
    if (i < 0) throw new PickleError("negative PUT argument", this.opStart);
    this.memoPut(i, this.top());
    return false;
  }

  opBinput(): boolean { // BINPUT (0x71)
    this.memoPut(this.u8(), this.top());
    return false;
  }

  opLongBinput(): boolean { // LONG_BINPUT (0x72)
    this.memoPut(this.u32(), this.top());
    return false;
  }

  opMemoize(): boolean { // MEMOIZE (0x94)
    this.memoPut(this.memoSize, this.top());
    return false;
  }

  opGet(): boolean { // GET (0x67)
    this.push(this.memoGet(this.decimalLine("GET argument")));
    return false;
  }

  opBinget(): boolean { // BINGET (0x68)
    this.push(this.memoGet(this.u8()));
    return false;
  }

  opLongBinget(): boolean { // LONG_BINGET (0x6a)
    this.push(this.memoGet(this.u32()));
    return false;
  }

  opGlobal(): boolean { // GLOBAL (0x63)
    const module = this.utf8Line("GLOBAL module");
    const name = this.utf8Line("GLOBAL name");
    this.push({ k: "global", imp: this.addImport(module, name, "GLOBAL", false) });
    return false;
  }

  opStackGlobal(): boolean { // STACK_GLOBAL (0x93)
    const name = this.pop();
    const module = this.pop();
    if (module.k === "str" && name.k === "str") {
      this.push({ k: "global", imp: this.addImport(module.v, name.v, "STACK_GLOBAL", false) });
    } else {
      const m = renderValue(module, this, 80);
      const n = renderValue(name, this, 80);
      this.push({ k: "global", imp: this.addImport(m, n, "STACK_GLOBAL", true) });
    }
    return false;
  }

  opInst(): boolean { // INST (0x69)
    const module = this.utf8Line("INST module");
    const name = this.utf8Line("INST name");
    const imp = this.addImport(module, name, "INST", false);
    const args = this.popMark();
    this.call("INST", { k: "global", imp }, { k: "tuple", items: args });
    return false;
  }

  opExt1(): boolean { // EXT1 (0x82)
    this.extension(this.u8());
    return false;
  }

  opExt2(): boolean { // EXT2 (0x83)
    this.extension(this.u16());
    return false;
  }

  opExt4(): boolean { // EXT4 (0x84)
    this.extension(this.i32());
    return false;
  }

  opReduce(): boolean { // REDUCE (0x52)
    const args = this.pop();
    const callee = this.pop();
    this.call("REDUCE", callee, args);
    return false;
  }

  opNewobj(): boolean { // NEWOBJ (0x81)
    const args = this.pop();
    const cls = this.pop();
    this.call("NEWOBJ", cls, args);
    return false;
  }

  opNewobjEx(): boolean { // NEWOBJ_EX (0x92)
    const kwargs = this.pop();
    const args = this.pop();
    const cls = this.pop();
    this.call("NEWOBJ_EX", cls, args, kwargs);
    return false;
  }

  opObj(): boolean { // OBJ (0x6f)
    const items = this.popMark();
    if (items.length === 0) throw new PickleError("OBJ without a class", this.opStart);
    this.call("OBJ", items[0]!, { k: "tuple", items: items.slice(1) });
    return false;
  }

  opBuild(): boolean { // BUILD (0x62)
    const state = this.pop();
    this.build(this.top(), state);
    return false;
  }

  opPersid(): boolean { // PERSID (0x50)
    this.persistent(latin1(this.asciiPersid()));
    return false;
  }

  opBinpersid(): boolean { // BINPERSID (0x51)
    const pid = this.pop();
    this.persistent(pid);
    return false;
  }

  private asciiPersid(): Uint8Array {
    const l = this.line();
    for (let i = 0; i < l.length; i++) {
      if (l[i]! >= 0x80) throw new PickleError("persistent IDs in protocol 0 must be ASCII strings", this.opStart);
    }
    return l;
  }

  private intValue(text: string, what: string): Value {
    if (text.length > MAX_EXACT_LONG_DIGITS) {
      if (parsePythonInt(text.slice(0, 40)) === null) throw new PickleError(`invalid ${what} argument`, this.opStart);
      return { k: "hugeint", digits: text.length };
    }
    const v = parsePythonInt(text);
    if (v === null) throw new PickleError(`invalid ${what} argument`, this.opStart);
    return { k: "int", v };
  }

  /** Little-endian two's complement integer of n bytes (LONG1/LONG4). */
  private longValue(n: number): Value {
    const data = this.take(n);
    if (n === 0) return { k: "int", v: 0 };
    if (n > MAX_EXACT_LONG_BYTES) return { k: "hugeint", digits: n };
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(data[i]!);
    if (data[n - 1]! & 0x80) v -= 1n << BigInt(8 * n);
    const small = Number(v);
    return { k: "int", v: Number.isSafeInteger(small) ? small : v };
  }

  private finishStream(result: Value): void {
    const name = this.a.streams === 0 ? "result" : `result_${this.a.streams}`;
    this.statement(() => `${name} = ${renderValue(result, this)}`);
  }

  /** Rendered only when the listing is wanted: the rendering costs more than the rest of the analysis. */
  private statement(s: () => string): void {
    if (this.o.statements === false) return;
    if (this.statements.length < MAX_STATEMENTS) this.statements.push(s());
    else if (this.statements.length === MAX_STATEMENTS) this.statements.push("# ... further statements omitted");
  }

  private addImport(module: string, name: string, opcode: string, dynamic: boolean): number {
    const imp = this.a.imports.length;
    let normalized: string;
    if (dynamic) {
      normalized = "<dynamic>";
      this.importExprs.push(`getattr(__import__(${module}), ${name})`);
      this.t.importNormalized.push(["", ""]);
    } else {
      const n = normalizeGlobal(module, name, this.proto);
      normalized = n.qualified;
      this.importExprs.push(this.bindImport(n.module, n.name));
      this.t.importNormalized.push([n.module, n.name]);
    }
    const record: PickleImport = { module, name, normalized, opcode, offset: this.opStart, dynamic };
    this.a.imports.push(record);
    this.t.importUsedAt.push(-1);
    this.t.importCalledAt.push(-1);
    return imp;
  }

  /** Chooses the Python expression a `from module import first` binding gives this global. */
  private bindImport(module: string, name: string): string {
    const dot = name.indexOf(".");
    const first = dot < 0 ? name : name.slice(0, dot);
    const rest = dot < 0 ? "" : name.slice(dot);
    const key = `${module}\u0000${first}`;
    let binding = this.importBindings.get(key);
    if (binding === undefined) {
      binding = first;
      for (let i = 2; this.usedBindings.has(binding); i++) binding = `${first}_${i}`;
      this.usedBindings.add(binding);
      this.importBindings.set(key, binding);
      this.statement(() => binding === first ? `from ${module} import ${first}` : `from ${module} import ${first} as ${binding}`);
    }
    return binding + rest;
  }

  private extension(code: number, opcode = OPCODE_NAMES[this.bytes[this.opStart]!]!): void {
    const imp = this.a.imports.length;
    this.a.imports.push({
      module: "copyreg._extension_registry",
      name: String(code),
      normalized: `<extension ${code}>`,
      opcode,
      offset: this.opStart,
      dynamic: false,
    });
    this.importExprs.push(`copyreg._inverted_registry[${code}]`);
    this.t.importNormalized.push(["", ""]);
    this.t.importUsedAt.push(-1);
    this.t.importCalledAt.push(-1);
    this.push({ k: "global", imp });
  }

  /** A persistent id: PERSID's text, or BINPERSID's value (rendered when first needed, as it stands now). */
  private persistent(pid: Value | string): void {
    const index = this.persidShown.length;
    this.persidGlobals[index] = typeof pid === "string" ? undefined : legacyModuleClass(pid);
    this.persidShown.push(pid);
    this.persidTexts.push(typeof pid === "string" ? pid : undefined);
    this.persistentOffsets.push(this.opStart);
    this.persistentIndex.push(index);
    if (typeof pid !== "string") {
      if (this.renderEagerly) this.persidText(index);
      else this.unrendered.push(-1 - index);
      this.markArguments(pid);
    }
    this.push({ k: "persid", index });
  }

  private calleeName(v: Value): { name: string; imp: number } {
    const viaPersid = v.k === "persid" ? this.persidGlobals[v.index] : undefined;
    if (viaPersid !== undefined) return this.calleeName({ k: "global", imp: viaPersid });
    if (v.k === "global") {
      const imp = this.a.imports[v.imp]!;
      return { name: imp.dynamic ? "<unknown>" : imp.normalized, imp: v.imp };
    }
    return { name: "<unknown>", imp: -1 };
  }

  private call(opcode: string, callee: Value, args: Value, kwargs?: Value): void {
    const index = this.t.callNames.length;
    const { name, imp } = this.calleeName(callee);
    const argList = args.k === "tuple" ? args.items : [args];
    this.recordCall(name, opcode, imp, argList, args, kwargs);
    if (imp >= 0) {
      if (this.t.importCalledAt[imp] === -1) this.t.importCalledAt[imp] = this.opStart;
      if (this.t.importUsedAt[imp] === -1) this.t.importUsedAt[imp] = this.opStart;
    }
    this.markArguments(args);
    if (kwargs !== undefined) this.markArguments(kwargs);
    if (opcode === "NEWOBJ" || opcode === "NEWOBJ_EX") {
      this.statement(() => {
        const f = renderValue(callee, this);
        const rendered = this.callText(index);
        return `_var${index} = ${f}.__new__(${f}${rendered.length > 0 ? ", " : ""}${rendered})`;
      });
    } else {
      this.statement(() => `_var${index} = ${renderValue(callee, this)}(${this.callText(index)})`);
    }
    const invoked = this.o.invokedArguments.get(name);
    if (invoked !== undefined) {
      for (const position of invoked) {
        const arg = argList[position];
        if (arg === undefined || NEVER_CALLABLE.has(arg.k)) continue;
        if (arg.k === "global") {
          if (this.t.importCalledAt[arg.imp] === -1) this.t.importCalledAt[arg.imp] = this.opStart;
        } else {
          this.t.unsafeClassArgs.push({ offset: this.opStart, callee: name, position });
        }
      }
    }
    if (this.o.nested.isLoadsLike(name) && argList.length > 0) this.nestedPickle(argList[0]!);
    const resolver = this.o.resolvers.get(name);
    const resolved = resolver === undefined ? undefined : this.resolveGlobal(resolver, argList);
    if (resolved !== undefined) {
      this.push({ k: "global", imp: resolved });
      return;
    }
    this.push({ k: "call", call: index });
  }

  /**
   * The global a resolver call returns: `getattr(G, "n")` is `G.n`, `_ufunc_reconstruct("m", "n")` is `m.n`;
   * names computed at load time are dynamic imports. Undefined when the result is an ordinary object
   * (an attribute of a non-global value whose name is not an interpreter-internal one).
   */
  private resolveGlobal(kind: "getattr" | "module-name", args: Value[]): number | undefined {
    const [first, second] = args;
    if (first === undefined || second === undefined) return undefined;
    if (kind === "module-name") {
      if (first.k === "str" && second.k === "str") return this.addImport(first.v, second.v, "_ufunc_reconstruct", false);
      return this.addImport(renderValue(first, this), renderValue(second, this), "_ufunc_reconstruct", true);
    }
    if (second.k !== "str") return this.addImport(renderValue(first, this), renderValue(second, this), "getattr", true);
    if (first.k === "global") {
      const imp = this.a.imports[first.imp]!;
      if (imp.dynamic) return this.addImport(imp.module, `${imp.name}.${second.v}`, "getattr", true);
      const [module, name] = this.t.importNormalized[first.imp]!;
      if (module === "") return this.addImport(imp.normalized, second.v, "getattr", true);
      return this.addImport(module, `${name}.${second.v}`, "getattr", false);
    }
    if (isDottedName(second.v) && !second.v.startsWith("__")) return undefined;
    return this.addImport(`<${first.k === "call" ? "result of a call" : first.k}>`, second.v, "getattr", false);
  }

  private build(target: Value, state: Value): void {
    const offset = this.opStart;
    let callee = "<unknown>";
    if (target.k === "global") {
      callee = this.calleeName(target).name;
      this.t.mutations.push({ offset, imp: target.imp });
    } else if (target.k === "call") {
      callee = this.t.callNames[target.call]!;
      if (state.k === "dict") {
        for (let i = 0; i + 1 < state.items.length; i += 2) {
          const key = state.items[i]!;
          const value = state.items[i + 1]!;
          if (key.k === "str" && key.v === "filename" && value.k === "str") {
            this.t.stateFilenames.push({ offset, callee, filename: value.v });
          }
        }
      }
    }
    const index = this.t.callNames.length;
    this.recordCall(callee, "BUILD", -1, [state], state, undefined);
    this.markArguments(state);
    this.statement(() => `${renderValue(target, this)}.__setstate__(${this.callText(index)})`);
  }

  private addItems(target: Value, items: Value[], method: "append" | "extend" | "add"): void {
    // Where CPython's unpickler would succeed we must not stop either, or a payload could hide behind.
    if (target.k === "list" || target.k === "set") {
      this.beforeChanging(target);
      for (let i = 0; i < items.length; i++) target.items.push(items[i]!);
      return;
    }
    if (target.k === "bytes" && target.bytearray) return; // bytearray.append/extend of ints
    if (target.k === "tuple" || target.k === "frozenset" || target.k === "dict" || !this.isObject(target)) {
      throw new PickleError(`cannot ${method} to a ${target.k}`, this.opStart);
    }
    // An object's own append/extend/add method runs: the items reach code.
    for (const v of items) this.markArguments(v);
    const t = renderValue(target, this);
    if (method === "extend") {
      this.statement(() => `${t}.extend(${renderValue({ k: "list", items }, this)})`);
    } else {
      for (const v of items) this.statement(() => `${t}.${method}(${renderValue(v, this)})`);
    }
  }

  private setItems(target: Value, items: Value[]): void {
    if (target.k === "dict") {
      this.beforeChanging(target);
      for (let i = 0; i < items.length; i++) target.items.push(items[i]!);
      return;
    }
    if (target.k === "list") {
      this.beforeChanging(target);
      // list[i] = v works in CPython for an int index in range.
      for (let i = 0; i + 1 < items.length; i += 2) {
        const key = items[i]!;
        if (key.k !== "int" || typeof key.v !== "number") continue;
        const at = key.v < 0 ? target.items.length + key.v : key.v;
        if (at >= 0 && at < target.items.length) target.items[at] = items[i + 1]!;
      }
      return;
    }
    if (target.k === "bytes" && target.bytearray) return;
    if (isContainer(target) || !this.isObject(target)) {
      throw new PickleError(`cannot set items on a ${target.k}`, this.opStart);
    }
    for (const v of items) this.markArguments(v);
    for (let i = 0; i + 1 < items.length; i += 2) {
      this.statement(() => `${renderValue(target, this)}[${renderValue(items[i]!, this)}] = ${renderValue(items[i + 1]!, this)}`);
    }
  }

  /** Values whose methods are unknown to us: results of calls, globals, persistent objects, buffers. */
  private isObject(v: Value): boolean {
    return v.k === "call" || v.k === "global" || v.k === "persid" || v.k === "buffer" || v.k === "unknown";
  }

  /**
   * Records a call whose argument text is rendered only when read: most calls are never printed, and rendering
   * costs more than the rest of the analysis. The text must show the arguments as they were at the call, so a
   * container they reach is never changed before the pending calls are rendered (beforeChanging).
   */
  private recordCall(callee: string, opcode: string, imp: number, argList: Value[], shown: Value, kwargs: Value | undefined): void {
    const index = this.t.callNames.length;
    this.t.callNames.push(callee);
    this.t.callOpcodes.push(opcode);
    this.t.callOffsets.push(this.opStart);
    this.t.callCallee.push(imp);
    this.callArgs.push(argList);
    this.callShown.push(shown);
    this.callKwargs.push(kwargs);
    this.callTexts.push(undefined);
    if (this.renderEagerly) this.callText(index);
    else this.unrendered.push(index);
  }

  private callText(index: number): string {
    let text = this.callTexts[index];
    if (text === undefined) {
      const shown = this.callShown[index]!;
      text = this.t.callOpcodes[index] === "BUILD" ? renderValue(shown, this) : renderCall(shown, this.callKwargs[index], this);
      this.callTexts[index] = text;
    }
    return text;
  }

  private truncateCalls(length: number): void {
    this.t.callNames.length = length;
    this.t.callOpcodes.length = length;
    this.t.callOffsets.length = length;
    this.t.callCallee.length = length;
    this.callArgs.length = length;
    this.callShown.length = length;
    this.callKwargs.length = length;
    this.callTexts.length = length;
    const pending = this.unrendered;
    let kept = 0;
    for (let i = 0; i < pending.length; i++) if (pending[i]! < length) pending[kept++] = pending[i]!;
    pending.length = kept;
  }

  private persidText(index: number): string {
    let text = this.persidTexts[index];
    if (text === undefined) {
      text = renderValue(this.persidShown[index] as Value, this);
      this.persidTexts[index] = text;
    }
    return text;
  }

  private persistentList(): { offset: number; value: string }[] {
    if (this.persistentRecords !== undefined) return this.persistentRecords;
    const list: { offset: number; value: string }[] = [];
    for (let i = 0; i < this.persistentOffsets.length; i++) {
      list.push({ offset: this.persistentOffsets[i]!, value: this.persidText(this.persistentIndex[i]!) });
    }
    this.persistentRecords = list;
    return list;
  }

  private callList(): PickleCall[] {
    if (this.callRecords !== undefined) return this.callRecords;
    const t = this.t;
    const list: PickleCall[] = [];
    for (let i = 0; i < t.callNames.length; i++) {
      list.push({ callee: t.callNames[i]!, opcode: t.callOpcodes[i]!, offset: t.callOffsets[i]!, args: this.callText(i) });
    }
    this.callRecords = list;
    return list;
  }

  private beforeChanging(target: Value): void {
    if (this.unrendered.length > 0 && this.captured.has(target)) this.renderPending();
  }

  /** Renders every pending text and drops the values they were rendered from. */
  private settle(): void {
    this.renderPending();
    this.callShown.length = 0;
    this.callKwargs.length = 0;
    for (let i = 0; i < this.persidShown.length; i++) if (typeof this.persidShown[i] !== "string") this.persidShown[i] = null;
  }

  private renderPending(): void {
    const pending = this.unrendered;
    for (let i = 0; i < pending.length; i++) {
      const entry = pending[i]!;
      if (entry >= 0) this.callText(entry);
      else this.persidText(-1 - entry);
    }
    pending.length = 0;
    this.captured.clear();
  }

  /**
   * Marks every global reachable from a call's arguments as used by that call (bounded BFS), and captures the
   * containers it reaches for the call's lazily rendered text.
   */
  private markArguments(root: Value): void {
    if (root.k !== "global" && !isContainer(root)) return;
    const offset = this.opStart;
    const captured = this.captured;
    const seen = this.walkSeen;
    const queue = this.walkQueue;
    seen.clear();
    queue.length = 0;
    queue.push(root);
    let left = ARG_SCAN_PER_CALL;
    for (let qi = 0; qi < queue.length; qi++) {
      if (left-- <= 0 || this.argScanLeft-- <= 0) {
        this.t.argScanExhausted = true;
        this.renderEagerly = true;
        this.renderPending();
        return;
      }
      const v = queue[qi]!;
      if (v.k === "global") {
        if (this.t.importUsedAt[v.imp] === -1) this.t.importUsedAt[v.imp] = offset;
      } else if (isContainer(v)) {
        captured.add(v);
        const items = v.items;
        for (let i = 0; i < items.length; i++) {
          const item = items[i]!;
          if ((item.k === "global" || isContainer(item)) && !seen.has(item)) {
            seen.add(item);
            queue.push(item);
          }
        }
      }
    }
    if (captured.size > MAX_CAPTURED) this.renderPending();
  }

  private nestedPickle(arg: Value): void {
    const inner = this.constantBytes(arg, 0);
    if (inner === null || inner.length === 0) return;
    const analysis = this.o.nested.analyze(inner);
    if (analysis !== undefined && analysis.isPickle) this.a.nested.push({ offset: this.opStart, analysis });
  }

  /** Bytes a value evaluates to when it is a constant or a cheap decoding of one, else null. */
  private constantBytes(v: Value, depth: number): Uint8Array | null {
    if (v.k === "bytes") return v.v;
    if (v.k === "str") return latin1Bytes(v.v);
    if (v.k !== "call" || depth > 4) return null;
    const callee = this.t.callNames[v.call]!;
    const args = this.callArgs[v.call]!;
    if (args.length === 0) return null;
    if (BYTES_WRAPPERS.has(callee) || callee === "_codecs.encode" || callee === "codecs.encode") {
      return this.constantBytes(args[0]!, depth + 1);
    }
    if (BASE64_DECODERS.has(callee) || (callee === "codecs.decode" && isBase64Codec(args[1]))) {
      const encoded = this.constantBytes(args[0]!, depth + 1);
      return encoded === null ? null : decodeBase64(encoded);
    }
    return null;
  }
}

/**
 * One small function per opcode, reached through a table: each is compiled and optimised on its own when it is hot,
 * and an opcode first met late in a scan does not throw away the optimised code of all the others (as one big
 * switch did, recompiled several times per scan).
 */
const OPCODE_HANDLERS: (((m: Machine) => boolean) | undefined)[] = (() => {
  const h: (((m: Machine) => boolean) | undefined)[] = new Array<((m: Machine) => boolean) | undefined>(256).fill(undefined);
  h[0x80] = (m) => m.opProto();
  h[0x95] = (m) => m.opFrame();
  h[0x2e] = (m) => m.opStop();
  h[0x28] = (m) => m.opMark();
  h[0x30] = (m) => m.opPop();
  h[0x31] = (m) => m.opPopMark();
  h[0x32] = (m) => m.opDup();
  h[0x4e] = (m) => m.opNone();
  h[0x88] = (m) => m.opNewtrue();
  h[0x89] = (m) => m.opNewfalse();
  h[0x49] = (m) => m.opInt();
  h[0x4c] = (m) => m.opLong();
  h[0x4a] = (m) => m.opBinint();
  h[0x4b] = (m) => m.opBinint1();
  h[0x4d] = (m) => m.opBinint2();
  h[0x8a] = (m) => m.opLong1();
  h[0x8b] = (m) => m.opLong4();
  h[0x46] = (m) => m.opFloat();
  h[0x47] = (m) => m.opBinfloat();
  h[0x53] = (m) => m.opString();
  h[0x54] = (m) => m.opBinstring();
  h[0x55] = (m) => m.opShortBinstring();
  h[0x56] = (m) => m.opUnicode();
  h[0x58] = (m) => m.opBinunicode();
  h[0x8c] = (m) => m.opShortBinunicode();
  h[0x8d] = (m) => m.opBinunicode8();
  h[0x42] = (m) => m.opBinbytes();
  h[0x43] = (m) => m.opShortBinbytes();
  h[0x8e] = (m) => m.opBinbytes8();
  h[0x96] = (m) => m.opBytearray8();
  h[0x97] = (m) => m.opNextBuffer();
  h[0x98] = (m) => m.opReadonlyBuffer();
  h[0x5d] = (m) => m.opEmptyList();
  h[0x29] = (m) => m.opEmptyTuple();
  h[0x7d] = (m) => m.opEmptyDict();
  h[0x8f] = (m) => m.opEmptySet();
  h[0x6c] = (m) => m.opList();
  h[0x74] = (m) => m.opTuple();
  h[0x91] = (m) => m.opFrozenset();
  h[0x64] = (m) => m.opDict();
  h[0x85] = (m) => m.opTuple1();
  h[0x86] = (m) => m.opTuple2();
  h[0x87] = (m) => m.opTuple3();
  h[0x61] = (m) => m.opAppend();
  h[0x65] = (m) => m.opAppends();
  h[0x90] = (m) => m.opAdditems();
  h[0x73] = (m) => m.opSetitem();
  h[0x75] = (m) => m.opSetitems();
  h[0x70] = (m) => m.opPut();
  h[0x71] = (m) => m.opBinput();
  h[0x72] = (m) => m.opLongBinput();
  h[0x94] = (m) => m.opMemoize();
  h[0x67] = (m) => m.opGet();
  h[0x68] = (m) => m.opBinget();
  h[0x6a] = (m) => m.opLongBinget();
  h[0x63] = (m) => m.opGlobal();
  h[0x93] = (m) => m.opStackGlobal();
  h[0x69] = (m) => m.opInst();
  h[0x82] = (m) => m.opExt1();
  h[0x83] = (m) => m.opExt2();
  h[0x84] = (m) => m.opExt4();
  h[0x52] = (m) => m.opReduce();
  h[0x81] = (m) => m.opNewobj();
  h[0x92] = (m) => m.opNewobjEx();
  h[0x6f] = (m) => m.opObj();
  h[0x62] = (m) => m.opBuild();
  h[0x50] = (m) => m.opPersid();
  h[0x51] = (m) => m.opBinpersid();
  return h;
})();

/** Replaces a property by an enumerable accessor (JSON, spreads and structured clones see a plain value). */
function lazyProperty<T, K extends keyof T>(target: T, key: K, get: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get,
    set: (value: T[K]) => Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true }),
  });
}

/**
 * The common INT/PUT/GET argument, `-?[0-9]{1,14}`, read as parsePythonInt reads it but without making a string;
 * undefined for anything else (the general path reads it).
 */
function smallDecimal(b: Uint8Array, from: number, to: number): number | undefined {
  const negative = b[from] === 0x2d;
  const v = decimalDigits(b, negative ? from + 1 : from, to, 14);
  return negative && v !== undefined ? -v : v;
}

/** Legacy torch.save of a whole module stores each class as the persistent id ('module', cls, file, source). */
function legacyModuleClass(pid: Value | undefined): number | undefined {
  if (pid === undefined || pid.k !== "tuple" || pid.items.length < 2) return undefined;
  const [kind, cls] = pid.items;
  return kind!.k === "str" && kind!.v === "module" && cls!.k === "global" ? cls!.imp : undefined;
}

/** Dotted Python identifiers (non-ASCII letters allowed, as in Python 3). */
export function isDottedName(s: string): boolean {
  if (s.length === 0 || s.length > 512) return false;
  let partStart = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) {
      if (partStart) return false;
      partStart = true;
      continue;
    }
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0x80;
    if (!letter && !(!partStart && c >= 48 && c <= 57)) return false;
    partStart = false;
  }
  return !partStart;
}

function isBase64Codec(v: Value | undefined): boolean {
  return v !== undefined && v.k === "str" && (v.v === "base64" || v.v === "base_64" || v.v === "base-64");
}

function latin1Bytes(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return null;
    out[i] = c;
  }
  return out;
}

function decodeBase64(encoded: Uint8Array): Uint8Array | null {
  const out = new Uint8Array(Math.floor((encoded.length * 3) / 4) + 3);
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i]!;
    let d: number;
    if (c >= 65 && c <= 90) d = c - 65;
    else if (c >= 97 && c <= 122) d = c - 71;
    else if (c >= 48 && c <= 57) d = c + 4;
    else if (c === 43 || c === 45) d = 62;
    else if (c === 47 || c === 95) d = 63;
    else if (c === 61) break;
    else if (c === 10 || c === 13 || c === 32) continue;
    else return null;
    acc = ((acc << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}
