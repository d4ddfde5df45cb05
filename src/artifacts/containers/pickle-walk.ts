// Opcode-level walk of one pickle stream, tracking just enough of the stack to recognise the framing
// tricks of the formats that embed raw bytes between pickle opcodes (joblib's NumpyArrayWrapper).
// This is not the security analysis (that is src/artifacts/pickle): it only finds where opcodes stop
// and raw data starts, and nothing here is ever executed.
import { i32le, i64le, latin1, u16le, u32le, u64le, utf8 } from "./bytes.js";
import { ByteCursor } from "./cursor.js";

export type WalkValue =
  | { t: "int"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "none" }
  | { t: "tuple"; items: WalkValue[] }
  | { t: "dict"; entries: Map<string, WalkValue> }
  | { t: "global"; name: string }
  | { t: "obj"; cls: string; args?: WalkValue; state?: WalkValue }
  | { t: "mark" }
  | { t: "other" };

const OTHER: WalkValue = { t: "other" };
const MAX_LINE = 1 << 16;
const MAX_MEMO = 1 << 20;
const MAX_CONTAINER_ITEMS = 1 << 16;
const MAX_STACK = 1 << 20;
const MAX_TRACKED_STRING = 1 << 16;
/** Stands for a string argument too large to read; it decodes as an empty (untracked) value. */
const SKIPPED = new Uint8Array(0);

export interface WalkHooks {
  /**
   * Called after each BUILD with the built object; returns how many raw bytes follow the opcode
   * (skipped before the walk resumes), or 0.
   */
  afterBuild?(built: WalkValue, nextOffset: number, cursor: ByteCursor): Promise<number>;
  /** Called for each string/bytes argument longer than LARGE_STRING (inline tensor data, typically). */
  largeString?(region: LargeString): void;
}

/** A string or bytes argument's payload, with the length field that announces it. */
export interface LargeString {
  lengthField: number;
  lengthSize: number;
  payload: number;
  length: number;
}

/** Payloads longer than this are worth cutting out of the bytes handed to the analyser. */
export const LARGE_STRING = 1 << 20;

export interface WalkResult {
  /** Offset just past STOP, or null when the stream did not end cleanly. */
  end: number | null;
  /** The value STOP returned, as far as it was tracked. */
  value?: WalkValue;
  error?: { message: string; offset: number };
  opcodes: number;
}

/** Thrown by a read the cursor's window cannot serve yet: the opcode is rewound and read again after a refill. */
const REFILL = Symbol("refill");

/** The walk stopped at a BUILD for the `afterBuild` hook, which may read ahead (asynchronously). */
interface BuildPause {
  target: WalkValue;
  at: number;
}

/**
 * Walks one pickle starting at the cursor's position until STOP, an error, or `maxOpcodes`. The opcodes are read
 * synchronously from the cursor's window (an await per opcode cost more than the opcode); the walk pauses only to
 * refill the window and for the `afterBuild` hook.
 */
export async function walkPickle(cursor: ByteCursor, maxOpcodes: number, hooks: WalkHooks = {}): Promise<WalkResult> {
  const stack: WalkValue[] = [];
  const memo = new Map<number, WalkValue>();
  let opcodes = 0;
  const fail = (message: string, offset: number): WalkResult => ({ end: null, error: { message, offset }, opcodes });
  const pop = (): WalkValue => stack.pop() ?? OTHER;
  const popToMark = (): WalkValue[] => {
    const items: WalkValue[] = [];
    while (stack.length > 0) {
      const value = stack.pop()!;
      if (value.t === "mark") break;
      if (items.length < MAX_CONTAINER_ITEMS) items.push(value);
    }
    return items.reverse();
  };
  const setMemo = (key: number, value: WalkValue): void => {
    if (memo.size < MAX_MEMO || memo.has(key)) memo.set(key, value);
  };
  /** True after a refill that brought no more bytes: what the window cannot serve is past the end. */
  let exhausted = false;
  /** What the window served; when it cannot serve yet, a refill (or past the end, null). */
  const served = (bytes: Uint8Array | null | undefined): Uint8Array | null => {
    if (bytes !== undefined) return bytes;
    if (exhausted) return null;
    throw REFILL;
  };
  const take = (count: number): Uint8Array | null => served(cursor.takeNow(count));
  const readLine = (max: number): Uint8Array | null => served(cursor.lineNow(max));
  const sized = (lengthBytes: number, read: (b: Uint8Array) => number): Uint8Array | null => {
    const lengthField = cursor.position;
    const head = take(lengthBytes);
    if (!head) return null;
    const length = read(head);
    if (!Number.isFinite(length) || length < 0) return null;
    if (length <= MAX_TRACKED_STRING) return take(length);
    // Large byte strings (inline tensor data) are stepped over, never read: only their end matters here.
    if (cursor.position + length > cursor.source.size) return null;
    if (length > LARGE_STRING) hooks.largeString?.({ lengthField, lengthSize: lengthBytes, payload: cursor.position, length });
    cursor.position += length;
    return SKIPPED;
  };

  for (;;) {
    let outcome: WalkResult | BuildPause | typeof REFILL;
    try {
      outcome = run();
    } catch (e) {
      if (e !== REFILL) throw e;
      outcome = REFILL;
    }
    if (outcome === REFILL) {
      exhausted = !(await cursor.refill());
      continue;
    }
    exhausted = false;
    if (!("target" in outcome)) return outcome;
    const skip = await hooks.afterBuild!(outcome.target, cursor.position, cursor);
    if (skip < 0) return fail("raw data after BUILD could not be sized", outcome.at);
    if (skip > 0) {
      if (cursor.position + skip > cursor.source.size) return fail("raw data after BUILD is truncated", outcome.at);
      cursor.position += skip;
      stack[stack.length - 1] = OTHER;
    }
  }

  /** Walks until the end, a refill (thrown, the opcode rewound) or a BUILD the hook must see. */
  function run(): WalkResult | BuildPause {
    let at = cursor.position;
    let counted = opcodes;
    try {
      while (opcodes < maxOpcodes) {
        at = cursor.position;
        counted = opcodes;
        const outcome = step(at);
        if (outcome !== undefined) return outcome;
      }
    } catch (e) {
      if (e === REFILL) {
        cursor.position = at;
        opcodes = counted;
      }
      throw e;
    }
    return fail(`stopped after ${maxOpcodes} opcodes`, cursor.position);
  }

  /** One opcode: undefined to go on. */
  function step(at: number): WalkResult | BuildPause | undefined {
    if (stack.length > MAX_STACK) return fail(`stack deeper than ${MAX_STACK} entries`, at);
    const opBytes = take(1);
    if (!opBytes) return fail("pickle ends without STOP", at);
    const op = opBytes[0]!;
    opcodes++;
    switch (op) {
      case 0x2e: // STOP
        return { end: cursor.position, value: stack[stack.length - 1] ?? OTHER, opcodes };
      case 0x80: // PROTO
        if (!(take(1))) return fail("truncated PROTO", at);
        break;
      case 0x95: // FRAME
        if (!(take(8))) return fail("truncated FRAME", at);
        break;
      case 0x28: // MARK
        stack.push({ t: "mark" });
        break;
      case 0x4e: // NONE
        stack.push({ t: "none" });
        break;
      case 0x88: // NEWTRUE
      case 0x89: // NEWFALSE
        stack.push({ t: "bool", v: op === 0x88 });
        break;
      case 0x4a: { // BININT
        const b = take(4);
        if (!b) return fail("truncated BININT", at);
        stack.push({ t: "int", v: i32le(b, 0) });
        break;
      }
      case 0x4b: { // BININT1
        const b = take(1);
        if (!b) return fail("truncated BININT1", at);
        stack.push({ t: "int", v: b[0]! });
        break;
      }
      case 0x4d: { // BININT2
        const b = take(2);
        if (!b) return fail("truncated BININT2", at);
        stack.push({ t: "int", v: u16le(b, 0) });
        break;
      }
      case 0x8a: // LONG1
      case 0x8b: { // LONG4
        const body = sized(op === 0x8a ? 1 : 4, (h) => (op === 0x8a ? h[0]! : u32le(h, 0)));
        if (!body) return fail("truncated LONG", at);
        stack.push(smallLong(body));
        break;
      }
      case 0x49: // INT
      case 0x4c: { // LONG
        const line = readLine(MAX_LINE);
        if (!line) return fail("unterminated INT/LONG", at);
        stack.push(textIntValue(line, op === 0x49));
        break;
      }
      case 0x46: // FLOAT
      case 0x53: // STRING
      case 0x56: { // UNICODE
        const line = readLine(MAX_LINE);
        if (!line) return fail("unterminated text argument", at);
        if (op === 0x46) stack.push(OTHER);
        else stack.push({ t: "str", v: op === 0x53 ? latin1(line).replace(/^(['"])(.*)\1$/s, "$2") : latin1(line) });
        break;
      }
      case 0x47: // BINFLOAT
        if (!(take(8))) return fail("truncated BINFLOAT", at);
        stack.push(OTHER);
        break;
      case 0x54: // BINSTRING
      case 0x42: // BINBYTES
      case 0x58: { // BINUNICODE
        const body = sized(4, (h) => u32le(h, 0));
        if (!body) return fail("truncated string", at);
        stack.push({ t: "str", v: op === 0x58 ? utf8(body) : latin1(body) });
        break;
      }
      case 0x55: // SHORT_BINSTRING
      case 0x43: // SHORT_BINBYTES
      case 0x8c: { // SHORT_BINUNICODE
        const body = sized(1, (h) => h[0]!);
        if (!body) return fail("truncated string", at);
        stack.push({ t: "str", v: op === 0x8c ? utf8(body) : latin1(body) });
        break;
      }
      case 0x8d: // BINUNICODE8
      case 0x8e: // BINBYTES8
      case 0x96: { // BYTEARRAY8
        const body = sized(8, (h) => u64le(h, 0));
        if (!body) return fail("truncated string", at);
        stack.push(op === 0x8d ? { t: "str", v: utf8(body) } : OTHER);
        break;
      }
      case 0x29: // EMPTY_TUPLE
        stack.push({ t: "tuple", items: [] });
        break;
      case 0x74: // TUPLE
        stack.push({ t: "tuple", items: popToMark() });
        break;
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: { // TUPLE3
        const count = op - 0x84;
        const items = stack.splice(Math.max(0, stack.length - count), count);
        stack.push({ t: "tuple", items });
        break;
      }
      case 0x5d: // EMPTY_LIST
      case 0x8f: // EMPTY_SET
        stack.push(OTHER);
        break;
      case 0x6c: // LIST
      case 0x91: // FROZENSET
        popToMark();
        stack.push(OTHER);
        break;
      case 0x61: // APPEND
        pop();
        break;
      case 0x65: // APPENDS
      case 0x90: // ADDITEMS
        popToMark();
        break;
      case 0x7d: // EMPTY_DICT
        stack.push({ t: "dict", entries: new Map() });
        break;
      case 0x64: { // DICT
        const items = popToMark();
        const dict: WalkValue = { t: "dict", entries: new Map() };
        for (let i = 0; i + 1 < items.length; i += 2) setEntry(dict, items[i]!, items[i + 1]!);
        stack.push(dict);
        break;
      }
      case 0x73: { // SETITEM
        const value = pop();
        const key = pop();
        setEntry(stack[stack.length - 1], key, value);
        break;
      }
      case 0x75: { // SETITEMS
        const items = popToMark();
        for (let i = 0; i + 1 < items.length; i += 2) setEntry(stack[stack.length - 1], items[i]!, items[i + 1]!);
        break;
      }
      case 0x30: // POP
        pop();
        break;
      case 0x31: // POP_MARK
        popToMark();
        break;
      case 0x32: // DUP
        stack.push(stack[stack.length - 1] ?? OTHER);
        break;
      case 0x63: { // GLOBAL
        const module = readLine(MAX_LINE);
        const name = module && (readLine(MAX_LINE));
        if (!module || !name) return fail("unterminated GLOBAL", at);
        stack.push({ t: "global", name: `${latin1(module)}.${latin1(name)}` });
        break;
      }
      case 0x93: { // STACK_GLOBAL
        const name = pop();
        const module = pop();
        stack.push(
          module.t === "str" && name.t === "str" ? { t: "global", name: `${module.v}.${name.v}` } : OTHER,
        );
        break;
      }
      case 0x69: { // INST
        const module = readLine(MAX_LINE);
        const name = module && (readLine(MAX_LINE));
        if (!module || !name) return fail("unterminated INST", at);
        const args = popToMark();
        stack.push({ t: "obj", cls: `${latin1(module)}.${latin1(name)}`, args: { t: "tuple", items: args } });
        break;
      }
      case 0x6f: { // OBJ
        const items = popToMark();
        const cls = items.shift();
        stack.push({ t: "obj", cls: cls?.t === "global" ? cls.name : "?", args: { t: "tuple", items } });
        break;
      }
      case 0x52: // REDUCE
      case 0x81: { // NEWOBJ
        const args = pop();
        const callable = pop();
        stack.push({ t: "obj", cls: callable.t === "global" ? callable.name : "?", args });
        break;
      }
      case 0x92: { // NEWOBJ_EX
        pop();
        const args = pop();
        const cls = pop();
        stack.push({ t: "obj", cls: cls.t === "global" ? cls.name : "?", args });
        break;
      }
      case 0x62: { // BUILD
        const state = pop();
        const target = stack[stack.length - 1];
        if (target?.t === "obj") target.state = state;
        if (hooks.afterBuild && target) return { target, at };
        break;
      }
      case 0x67: // GET
      case 0x70: { // PUT
        const line = readLine(MAX_LINE);
        if (!line) return fail("unterminated GET/PUT", at);
        const key = Number(latin1(line));
        if (op === 0x67) stack.push(memo.get(key) ?? OTHER);
        else setMemo(key, stack[stack.length - 1] ?? OTHER);
        break;
      }
      case 0x68: // BINGET
      case 0x6a: // LONG_BINGET
      case 0x71: // BINPUT
      case 0x72: { // LONG_BINPUT
        const wide = op === 0x6a || op === 0x72;
        const b = take(wide ? 4 : 1);
        if (!b) return fail("truncated memo opcode", at);
        const key = wide ? u32le(b, 0) : b[0]!;
        if (op === 0x68 || op === 0x6a) stack.push(memo.get(key) ?? OTHER);
        else setMemo(key, stack[stack.length - 1] ?? OTHER);
        break;
      }
      case 0x94: // MEMOIZE
        setMemo(memo.size, stack[stack.length - 1] ?? OTHER);
        break;
      case 0x50: // PERSID
        if (!(readLine(MAX_LINE))) return fail("unterminated PERSID", at);
        stack.push(OTHER);
        break;
      case 0x51: // BINPERSID
        pop();
        stack.push(OTHER);
        break;
      case 0x82: // EXT1
      case 0x83: // EXT2
      case 0x84: // EXT4
        if (!(take(op === 0x82 ? 1 : op === 0x83 ? 2 : 4))) return fail("truncated EXT", at);
        stack.push(OTHER);
        break;
      case 0x97: // NEXT_BUFFER
        stack.push(OTHER);
        break;
      case 0x98: // READONLY_BUFFER
        break;
      default:
        return fail(`unknown opcode 0x${op.toString(16).padStart(2, "0")}`, at);
    }
    return undefined;
  }
}

function setEntry(target: WalkValue | undefined, key: WalkValue, value: WalkValue): void {
  if (target?.t !== "dict" || key.t !== "str") return;
  if (target.entries.size < MAX_CONTAINER_ITEMS) target.entries.set(key.v, value);
}

/**
 * The value of an INT or LONG opcode's line, read from its bytes: one `L` at the end is dropped; then `00` and `01`
 * are booleans (INT only), an optional `-` and 1-15 digits a number, anything else a value not followed. No string
 * is made: a protocol-0 stream of millions of `I1` lines made one per opcode, most of the walk's time.
 */
function textIntValue(line: Uint8Array, isInt: boolean): WalkValue {
  const end = line.length > 0 && line[line.length - 1] === 0x4c ? line.length - 1 : line.length;
  if (isInt && end === 2 && line[0] === 0x30 && (line[1] === 0x30 || line[1] === 0x31)) return { t: "bool", v: line[1] === 0x31 };
  const negative = line[0] === 0x2d;
  const first = negative ? 1 : 0;
  if (end - first < 1 || end - first > 15) return OTHER;
  let v = 0;
  for (let i = first; i < end; i++) {
    const digit = line[i]! - 0x30;
    if (digit < 0 || digit > 9) return OTHER;
    v = v * 10 + digit;
  }
  return { t: "int", v: negative ? -v : v };
}

function smallLong(body: Uint8Array): WalkValue {
  if (body.length === 0) return { t: "int", v: 0 };
  if (body.length > 6) return body.length === 8 ? maybe(i64le(body, 0)) : OTHER;
  let value = 0;
  for (let i = body.length - 1; i >= 0; i--) value = value * 256 + body[i]!;
  if (body[body.length - 1]! & 0x80) value -= 2 ** (8 * body.length);
  return { t: "int", v: value };
}

function maybe(value: number): WalkValue {
  return Number.isNaN(value) ? OTHER : { t: "int", v: value };
}
