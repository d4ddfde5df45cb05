// What the machine did not simulate: when it stops at a limit (opcodes, stack or MARK depth, memo size), the loader
// it stands for would go on, and padding an input past the limit (a million NONE/POP pairs, half a million pushes)
// would otherwise hide the payload after it. This walk reads the rest by operand layout alone, without a stack,
// and reports every global it names, so that the policy can judge them. Its cost is linear in the bytes left.
import { decimalDigits, latin1 } from "../containers/bytes.js";
import { OP } from "./opcodes.js";

export interface SweptGlobal {
  module: string;
  name: string;
  /** GLOBAL, INST, STACK_GLOBAL, EXT1, EXT2 or EXT4. */
  opcode: string;
  offset: number;
  /** A STACK_GLOBAL whose operands are not strings pushed just before it (nor memo entries holding one). */
  dynamic: boolean;
}

/** A hostile tail could name millions of globals; the policy reports one issue per name anyway. */
const MAX_SWEPT = 10_000;

const utf8 = new TextDecoder("utf-8");

/** Operand sizes of the fixed-size opcodes. */
const FIXED = new Map<number, number>([
  [OP.BININT, 4], [OP.BININT1, 1], [OP.BININT2, 2], [OP.BINGET, 1], [OP.LONG_BINGET, 4], [OP.BINPUT, 1],
  [OP.LONG_BINPUT, 4], [OP.BINFLOAT, 8], [OP.PROTO, 1], [OP.EXT1, 1], [OP.EXT2, 2], [OP.EXT4, 4], [OP.FRAME, 8],
]);

/** Opcodes whose operand is a length of this many bytes (little-endian) and that many bytes. */
const SIZED = new Map<number, number>([
  [OP.SHORT_BINSTRING, 1], [OP.BINSTRING, 4], [OP.BINUNICODE, 4], [OP.SHORT_BINBYTES, 1], [OP.BINBYTES, 4],
  [OP.SHORT_BINUNICODE, 1], [OP.BINUNICODE8, 8], [OP.BINBYTES8, 8], [OP.BYTEARRAY8, 8], [OP.LONG1, 1], [OP.LONG4, 4],
]);

/** Sized opcodes that push a str (the Python 2 string opcodes decode to str, as pickle.load does by default). */
const SIZED_STR = new Set<number>([OP.SHORT_BINSTRING, OP.BINSTRING, OP.BINUNICODE, OP.SHORT_BINUNICODE, OP.BINUNICODE8]);

/** Opcodes whose operand is one newline-terminated line. */
const LINE = new Set<number>([OP.FLOAT, OP.INT, OP.LONG, OP.PERSID, OP.STRING, OP.UNICODE, OP.GET, OP.PUT]);

/** Opcodes without an operand. */
const BARE = new Set<number>([
  OP.MARK, OP.STOP, OP.POP, OP.POP_MARK, OP.DUP, OP.NONE, OP.REDUCE, OP.APPEND, OP.BUILD, OP.DICT, OP.EMPTY_DICT,
  OP.APPENDS, OP.LIST, OP.EMPTY_LIST, OP.OBJ, OP.SETITEM, OP.TUPLE, OP.EMPTY_TUPLE, OP.SETITEMS, OP.BINPERSID,
  OP.NEWOBJ, OP.TUPLE1, OP.TUPLE2, OP.TUPLE3, OP.NEWTRUE, OP.NEWFALSE, OP.EMPTY_SET, OP.ADDITEMS, OP.FROZENSET,
  OP.NEWOBJ_EX, OP.STACK_GLOBAL, OP.MEMOIZE, OP.NEXT_BUFFER, OP.READONLY_BUFFER,
]);

const EXT_NAMES = new Map<number, string>([[OP.EXT1, "EXT1"], [OP.EXT2, "EXT2"], [OP.EXT4, "EXT4"]]);

/** How the sweep reads each opcode (one table lookup per opcode, not a set lookup per kind). */
const enum Kind {
  NotAnOpcode,
  GlobalLines,
  StackGlobal,
  Extension,
  Sized,
  Line,
  Fixed,
  Bare,
}

const KIND = new Uint8Array(256);
for (const op of BARE) KIND[op] = Kind.Bare;
for (const op of FIXED.keys()) KIND[op] = Kind.Fixed;
for (const op of LINE) KIND[op] = Kind.Line;
for (const op of SIZED.keys()) KIND[op] = Kind.Sized;
for (const op of EXT_NAMES.keys()) KIND[op] = Kind.Extension;
KIND[OP.STACK_GLOBAL] = Kind.StackGlobal;
KIND[OP.GLOBAL] = Kind.GlobalLines;
KIND[OP.INST] = Kind.GlobalLines;

/** Operand sizes: FIXED's, and SIZED's length fields. */
const OPERAND = new Uint8Array(256);
for (const [op, n] of FIXED) OPERAND[op] = n;
for (const [op, n] of SIZED) OPERAND[op] = n;

function littleEndian(b: Uint8Array, at: number, size: number): number {
  let v = 0;
  for (let i = size - 1; i >= 0; i--) v = v * 256 + b[at + i]!;
  return v;
}

/** `Number.parseInt` of the latin-1 text of bytes[from, to), read from the bytes when they are 1-15 digits. */
function parseIndex(b: Uint8Array, from: number, to: number): number {
  return decimalDigits(b, from, to) ?? Number.parseInt(latin1(b.subarray(from, to)), 10);
}

/**
 * The globals `bytes` names from `from` on, until the bytes end or stop being opcodes. `memo` gives the str the
 * machine's memo held at an index when it stopped (STACK_GLOBAL operands are often memo fetches of module names
 * stored earlier), `memoSize` its size (MEMOIZE stores at the memo's length) and `stackTop` its last stack
 * values as far as they are strs (the limit may fall between a module name's push and its STACK_GLOBAL).
 * Text is made only of the lines a name can come from (STRING, UNICODE, and GET/PUT indices that are not plain
 * digits): the rest of a protocol-0 padding of millions of `I1` lines made a string each.
 */
export function sweepGlobals(
  bytes: Uint8Array,
  from: number,
  memo: (index: number) => string | undefined,
  memoSize: number,
  stackTop: readonly (string | null)[],
): SweptGlobal[] {
  const found: SweptGlobal[] = [];
  /** The last values pushed, as far as they are strs (null: anything else); only STACK_GLOBAL reads them. */
  const top: (string | null)[] = [...stackTop];
  let stored = new Map<number, string | null>();
  let size = memoSize;
  let inherited = true;
  const push = (v: string | null): void => {
    if (top.length >= 16) top.shift();
    top.push(v);
  };
  const fetch = (index: number): string | null => {
    if (stored.has(index)) return stored.get(index)!;
    return inherited ? (memo(index) ?? null) : null;
  };
  const store = (index: number): void => {
    stored.set(index, top.length > 0 ? top[top.length - 1]! : null);
  };
  let pos = from;
  while (pos < bytes.length && found.length < MAX_SWEPT) {
    const at = pos;
    const op = bytes[pos++]!;
    const kind = KIND[op]! as Kind;
    if (kind === Kind.Bare) {
      if (op === OP.POP) top.pop();
      else if (op === OP.MEMOIZE) store(size++);
      else if (op === OP.DUP) push(top.length > 0 ? top[top.length - 1]! : null);
      else if (op === OP.STOP) {
        // A stacked pickle that follows starts with an empty memo.
        stored = new Map();
        size = 0;
        inherited = false;
        top.length = 0;
      } else if (op !== OP.MARK) push(null);
    } else if (kind === Kind.Line) {
      const end = bytes.indexOf(0x0a, pos);
      if (end < 0) break;
      const start = pos;
      pos = end + 1;
      if (op === OP.PUT) store(parseIndex(bytes, start, end));
      else if (op === OP.GET) push(fetch(parseIndex(bytes, start, end)));
      else if (op === OP.UNICODE) push(latin1(bytes.subarray(start, end)));
      else if (op === OP.STRING && end - start >= 2 && (bytes[start] === 0x27 || bytes[start] === 0x22)) push(latin1(bytes.subarray(start + 1, end - 1)));
      else push(null);
    } else if (kind === Kind.Fixed) {
      const n = OPERAND[op]!;
      if (pos + n > bytes.length) break;
      const v = littleEndian(bytes, pos, n);
      pos += n;
      if (op === OP.BINPUT || op === OP.LONG_BINPUT) store(v);
      else if (op === OP.BINGET || op === OP.LONG_BINGET) push(fetch(v));
      else if (op !== OP.PROTO && op !== OP.FRAME) push(null);
    } else if (kind === Kind.Sized) {
      const n = OPERAND[op]!;
      if (pos + n > bytes.length) break;
      const length = littleEndian(bytes, pos, n);
      // BINSTRING and LONG4 lengths are signed: a negative one is an error for the loader too.
      if ((op === OP.BINSTRING || op === OP.LONG4) && length >= 0x80000000) break;
      const start = pos + n;
      if (length > bytes.length - start) break;
      pos = start + length;
      const text = bytes.subarray(start, pos);
      push(SIZED_STR.has(op) && length <= 1024 ? (op === OP.SHORT_BINSTRING || op === OP.BINSTRING ? latin1(text) : utf8.decode(text)) : null);
    } else if (kind === Kind.GlobalLines) {
      const module = bytes.indexOf(0x0a, pos);
      const name = module < 0 ? -1 : bytes.indexOf(0x0a, module + 1);
      if (name < 0) break;
      found.push({
        module: utf8.decode(bytes.subarray(pos, module)),
        name: utf8.decode(bytes.subarray(module + 1, name)),
        opcode: op === OP.GLOBAL ? "GLOBAL" : "INST",
        offset: at,
        dynamic: false,
      });
      pos = name + 1;
      push(null);
    } else if (kind === Kind.StackGlobal) {
      const name = top.pop() ?? null;
      const module = top.pop() ?? null;
      const known = module !== null && name !== null;
      found.push({ module: module ?? "<unknown>", name: name ?? "<unknown>", opcode: "STACK_GLOBAL", offset: at, dynamic: !known });
      push(null);
    } else if (kind === Kind.Extension) {
      const n = OPERAND[op]!;
      if (pos + n > bytes.length) break;
      found.push({ module: "copyreg._extension_registry", name: String(littleEndian(bytes, pos, n)), opcode: EXT_NAMES.get(op)!, offset: at, dynamic: false });
      pos += n;
      push(null);
    } else {
      break; // not an opcode: the loader stops here too
    }
  }
  return found;
}
