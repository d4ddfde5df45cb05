// Opcode-level walk of one pickle stream, tracking just enough of the stack to recognise the framing
// tricks of the formats that embed raw bytes between pickle opcodes (joblib's NumpyArrayWrapper).
// This is not the security analysis (that is src/artifacts/pickle): it only finds where opcodes stop
// and raw data starts, and nothing here is ever executed.
import { decimalDigits, i32le, i64le, latin1, u16le, u32le, u64le, utf8 } from "./bytes.js";
import { ByteCursor, NOT_HELD, PAST_END } from "./cursor.js";

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
// Values that are never changed after they are pushed (only "obj" and "dict" values are) are shared, not made per
// opcode: padding of millions of pushes made as many objects.
const NONE: WalkValue = { t: "none" };
const MARK: WalkValue = { t: "mark" };
const TRUE: WalkValue = { t: "bool", v: true };
const FALSE: WalkValue = { t: "bool", v: false };
const SMALL_INTS: readonly WalkValue[] = Array.from({ length: 256 }, (_, v) => ({ t: "int", v }));
const MAX_LINE = 1 << 16;
const MAX_MEMO = 1 << 20;
const MAX_CONTAINER_ITEMS = 1 << 16;
/** The walk stops where its stack (values and marks) holds more entries than this. */
export const MAX_WALK_STACK = 1 << 20;
const MAX_TRACKED_STRING = 1 << 16;

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
 * synchronously from the cursor's window (an await per opcode cost more than the opcode), by index, without a view
 * per operand; the walk pauses only to refill the window and for the `afterBuild` hook.
 */
export async function walkPickle(cursor: ByteCursor, maxOpcodes: number, hooks: WalkHooks = {}): Promise<WalkResult> {
  const stack: WalkValue[] = [];
  const memo = new Map<number, WalkValue>();
  let opcodes = 0;
  /** The cursor's window while `run` reads it (nothing replaces it until `run` returns or throws). */
  let bytes = cursor.window;
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
  /** What the window served (an index in `bytes`, or PAST_END); when it cannot serve yet, a refill. */
  const served = (index: number): number => {
    if (index !== NOT_HELD) return index;
    if (exhausted) return PAST_END;
    throw REFILL;
  };
  /** Index in `bytes` of the next `count` bytes, or PAST_END. */
  const take = (count: number): number => served(cursor.takeIndexNow(count));
  /** Where the line `readLine` last read starts in `bytes` (it ends at the index `readLine` returned). */
  let lineStart = 0;
  /** Index in `bytes` of the newline ending the next line, or PAST_END. */
  const readLine = (max: number): number => {
    const before = cursor.position;
    const end = served(cursor.lineEndIndexNow(max));
    lineStart = end - (cursor.position - 1 - before);
    return end;
  };
  const text = (from: number, to: number): string => latin1(bytes.subarray(from, to));
  /** Length of the operand `sized` last read. */
  let sizedLength = 0;
  /**
   * A length-prefixed operand: the index in `bytes` of its first byte (its length in `sizedLength`), or PAST_END when
   * truncated. One too large to read is stepped over and reads as empty.
   */
  const sized = (lengthBytes: 1 | 4 | 8): number => {
    const lengthField = cursor.position;
    const head = take(lengthBytes);
    if (head < 0) return PAST_END;
    const length = lengthBytes === 1 ? bytes[head]! : lengthBytes === 4 ? u32le(bytes, head) : u64le(bytes, head);
    if (!Number.isFinite(length) || length < 0) return PAST_END;
    sizedLength = length;
    if (length <= MAX_TRACKED_STRING) return take(length);
    // Large byte strings (inline tensor data) are stepped over, never read: only their end matters here.
    if (cursor.position + length > cursor.source.size) return PAST_END;
    if (length > LARGE_STRING) hooks.largeString?.({ lengthField, lengthSize: lengthBytes, payload: cursor.position, length });
    cursor.position += length;
    sizedLength = 0;
    return 0;
  };
  const sizedText = (at: number, decode: (b: Uint8Array) => string): string => decode(bytes.subarray(at, at + sizedLength));

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
    bytes = cursor.window;
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
    if (stack.length > MAX_WALK_STACK) return fail(`stack deeper than ${MAX_WALK_STACK} entries`, at);
    const opAt = take(1);
    if (opAt < 0) return fail("pickle ends without STOP", at);
    const op = bytes[opAt]!;
    opcodes++;
    switch (op) {
      case 0x2e: // STOP
        return { end: cursor.position, value: stack[stack.length - 1] ?? OTHER, opcodes };
      case 0x80: // PROTO
        if (take(1) < 0) return fail("truncated PROTO", at);
        break;
      case 0x95: // FRAME
        if (take(8) < 0) return fail("truncated FRAME", at);
        break;
      case 0x28: // MARK
        stack.push(MARK);
        break;
      case 0x4e: // NONE
        stack.push(NONE);
        break;
      case 0x88: // NEWTRUE
        stack.push(TRUE);
        break;
      case 0x89: // NEWFALSE
        stack.push(FALSE);
        break;
      case 0x4a: { // BININT
        const b = take(4);
        if (b < 0) return fail("truncated BININT", at);
        stack.push(intValue(i32le(bytes, b)));
        break;
      }
      case 0x4b: { // BININT1
        const b = take(1);
        if (b < 0) return fail("truncated BININT1", at);
        stack.push(SMALL_INTS[bytes[b]!]!);
        break;
      }
      case 0x4d: { // BININT2
        const b = take(2);
        if (b < 0) return fail("truncated BININT2", at);
        stack.push(intValue(u16le(bytes, b)));
        break;
      }
      case 0x8a: // LONG1
      case 0x8b: { // LONG4
        const body = sized(op === 0x8a ? 1 : 4);
        if (body < 0) return fail("truncated LONG", at);
        stack.push(smallLong(bytes, body, sizedLength));
        break;
      }
      case 0x49: // INT
      case 0x4c: { // LONG
        const end = readLine(MAX_LINE);
        if (end < 0) return fail("unterminated INT/LONG", at);
        stack.push(textIntValue(bytes, lineStart, end, op === 0x49));
        break;
      }
      case 0x46: // FLOAT
      case 0x53: // STRING
      case 0x56: { // UNICODE
        const end = readLine(MAX_LINE);
        if (end < 0) return fail("unterminated text argument", at);
        if (op === 0x46) stack.push(OTHER);
        else stack.push({ t: "str", v: op === 0x53 ? text(lineStart, end).replace(/^(['"])(.*)\1$/s, "$2") : text(lineStart, end) });
        break;
      }
      case 0x47: // BINFLOAT
        if (take(8) < 0) return fail("truncated BINFLOAT", at);
        stack.push(OTHER);
        break;
      case 0x54: // BINSTRING
      case 0x42: // BINBYTES
      case 0x58: { // BINUNICODE
        const body = sized(4);
        if (body < 0) return fail("truncated string", at);
        stack.push({ t: "str", v: sizedText(body, op === 0x58 ? utf8 : latin1) });
        break;
      }
      case 0x55: // SHORT_BINSTRING
      case 0x43: // SHORT_BINBYTES
      case 0x8c: { // SHORT_BINUNICODE
        const body = sized(1);
        if (body < 0) return fail("truncated string", at);
        stack.push({ t: "str", v: sizedText(body, op === 0x8c ? utf8 : latin1) });
        break;
      }
      case 0x8d: // BINUNICODE8
      case 0x8e: // BINBYTES8
      case 0x96: { // BYTEARRAY8
        const body = sized(8);
        if (body < 0) return fail("truncated string", at);
        stack.push(op === 0x8d ? { t: "str", v: sizedText(body, utf8) } : OTHER);
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
      case 0x63: // GLOBAL
      case 0x69: { // INST
        const moduleEnd = readLine(MAX_LINE);
        if (moduleEnd < 0) return fail(op === 0x63 ? "unterminated GLOBAL" : "unterminated INST", at);
        const module = text(lineStart, moduleEnd);
        const nameEnd = readLine(MAX_LINE);
        if (nameEnd < 0) return fail(op === 0x63 ? "unterminated GLOBAL" : "unterminated INST", at);
        const name = `${module}.${text(lineStart, nameEnd)}`;
        if (op === 0x63) stack.push({ t: "global", name });
        else stack.push({ t: "obj", cls: name, args: { t: "tuple", items: popToMark() } });
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
        const end = readLine(MAX_LINE);
        if (end < 0) return fail("unterminated GET/PUT", at);
        const key = decimalDigits(bytes, lineStart, end) ?? Number(text(lineStart, end));
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
        if (b < 0) return fail("truncated memo opcode", at);
        const key = wide ? u32le(bytes, b) : bytes[b]!;
        if (op === 0x68 || op === 0x6a) stack.push(memo.get(key) ?? OTHER);
        else setMemo(key, stack[stack.length - 1] ?? OTHER);
        break;
      }
      case 0x94: // MEMOIZE
        setMemo(memo.size, stack[stack.length - 1] ?? OTHER);
        break;
      case 0x50: // PERSID
        if (readLine(MAX_LINE) < 0) return fail("unterminated PERSID", at);
        stack.push(OTHER);
        break;
      case 0x51: // BINPERSID
        pop();
        stack.push(OTHER);
        break;
      case 0x82: // EXT1
      case 0x83: // EXT2
      case 0x84: // EXT4
        if (take(op === 0x82 ? 1 : op === 0x83 ? 2 : 4) < 0) return fail("truncated EXT", at);
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

function intValue(v: number): WalkValue {
  return v >= 0 && v < 256 ? SMALL_INTS[v]! : { t: "int", v };
}

/**
 * The value of an INT or LONG opcode's line bytes[from, to): one `L` at the end is dropped; then `00` and `01`
 * are booleans (INT only), an optional `-` and 1-15 digits a number, anything else a value not followed. No string
 * is made: a protocol-0 stream of millions of `I1` lines made one per opcode, most of the walk's time.
 */
function textIntValue(bytes: Uint8Array, from: number, to: number, isInt: boolean): WalkValue {
  const end = to > from && bytes[to - 1] === 0x4c ? to - 1 : to;
  if (isInt && end - from === 2 && bytes[from] === 0x30 && (bytes[from + 1] === 0x30 || bytes[from + 1] === 0x31)) return bytes[from + 1] === 0x31 ? TRUE : FALSE;
  const negative = bytes[from] === 0x2d;
  const v = decimalDigits(bytes, negative ? from + 1 : from, end);
  if (v === undefined) return OTHER;
  return negative ? (v === 0 ? { t: "int", v: -0 } : { t: "int", v: -v }) : intValue(v);
}

function smallLong(bytes: Uint8Array, at: number, length: number): WalkValue {
  if (length === 0) return SMALL_INTS[0]!;
  if (length > 6) return length === 8 ? maybe(i64le(bytes, at)) : OTHER;
  let value = 0;
  for (let i = length - 1; i >= 0; i--) value = value * 256 + bytes[at + i]!;
  if (bytes[at + length - 1]! & 0x80) value -= 2 ** (8 * length);
  return intValue(value);
}

function maybe(value: number): WalkValue {
  return Number.isNaN(value) ? OTHER : { t: "int", v: value };
}
