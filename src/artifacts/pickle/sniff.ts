// A cheap test of whether bytes start like a pickle, used to pick files and container members to analyse.
import type { PickleImport } from "./analysis.js";
import { ALLOWLIST } from "./allowlist.js";
import { DENYLIST } from "./denylist.js";
import { OP, OPCODE_NAMES } from "./opcodes.js";
import { isDottedName, runMachine, type NestedHook } from "./vm.js";

/** Opcodes a protocol 0/1 pickle (no PROTO header) starts with in practice. */
const PROTOCOL_0_1_STARTS = new Set<number>([
  OP.MARK, OP.EMPTY_LIST, OP.EMPTY_DICT, OP.EMPTY_TUPLE, OP.GLOBAL, OP.NONE, OP.INT, OP.LONG, OP.FLOAT, OP.STRING,
  OP.UNICODE, OP.BININT, OP.BININT1, OP.BININT2, OP.SHORT_BINSTRING, OP.BINSTRING, OP.BINUNICODE, OP.BINFLOAT,
]);

const SNIFF_WINDOW = 64 * 1024;
const SNIFF_OPCODES = 4_096;
/** Opcodes a windowed trial parse must complete before running off the window counts as a pickle. */
const MIN_OPCODES_IN_WINDOW = 16;

/** Top-level modules of every allowlisted or denylisted global: a broken stream that imports one is a pickle. */
const KNOWN_ROOTS: ReadonlySet<string> = new Set(
  [...ALLOWLIST, ...DENYLIST.map((e) => e.name)].map((n) => n.split(".")[0]!).concat(["__builtin__", "copy_reg"]),
);

const NO_NESTING: NestedHook = { isLoadsLike: () => false, analyze: () => undefined };

/** Whether `bytes` start with an opcode a pickle can start with: false means `looksLikePickle` is false too. */
export function couldStartPickle(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && (bytes[0] === OP.PROTO || PROTOCOL_0_1_STARTS.has(bytes[0]!));
}

/** `prefix`: the bytes are only the start of a longer input (a file's first bytes), not all of it. */
export function looksLikePickle(bytes: Uint8Array, prefix = false): boolean {
  if (!couldStartPickle(bytes)) return false;
  if (bytes[0] === OP.PROTO) {
    return bytes[1]! >= 2 && bytes[1]! <= 5 && bytes.length >= 3 && OPCODE_NAMES[bytes[2]!] !== undefined;
  }
  // Protocol 0/1 has no magic: replay the start and require it to be a consistent opcode stream.
  const windowed = bytes.length > SNIFF_WINDOW || prefix;
  const trace = runMachine(windowed ? bytes.subarray(0, SNIFF_WINDOW) : bytes, {
    limits: {
      maxOpcodes: SNIFF_OPCODES,
      maxStackDepth: 10_000,
      maxMemoEntries: 10_000,
      maxNesting: 0,
      maxDecompressedBytes: 0,
    },
    budget: { opcodes: SNIFF_OPCODES },
    invokedArguments: new Map(),
    resolvers: new Map(),
    nested: NO_NESTING,
    statements: false,
  });
  const a = trace.analysis;
  if (failsAtFirstGlobal(a.imports[0])) return false;
  if (a.streams > 0) return true;
  // The broken-pickle trick: a payload, then bytes that make the load (and naive scanners) fail.
  if (a.isPickle && a.imports.some((i) => KNOWN_ROOTS.has(i.module.split(".")[0]!))) return true;
  if (trace.stoppedBy === "limit") return a.opcodeCount >= MIN_OPCODES_IN_WINDOW;
  if (!windowed || trace.stoppedBy !== "truncated") return false;
  if (a.opcodeCount >= MIN_OPCODES_IN_WINDOW) return true;
  // A long harmless prefix: a consistent stream whose string operand runs past the window (a protocol 0 `S'...'`
  // or `V...` line, or a binary string whose declared length does) may hide its payload after the window.
  // (The machine keeps no error offset for what it did not accept as a pickle: the first opcode is the case.)
  return a.opcodeCount <= 1 && opensLongString(bytes, 0);
}

/**
 * A stream that opens with a GLOBAL or INST whose module or name is not a dotted name fails at its first opcode
 * (`find_class` raises before anything else runs), so it is text that happens to parse, not a pickle: a
 * `.gitignore` of `coverage.out`, `*~`, `coverage.txt`, `profile.out`, `.tmp/` reads as GLOBAL, GLOBAL, STOP.
 */
function failsAtFirstGlobal(first: PickleImport | undefined): boolean {
  if (!first || first.offset !== 0 || (first.opcode !== "GLOBAL" && first.opcode !== "INST")) return false;
  return !isDottedName(first.module) || !isDottedName(first.name);
}

/** Opcodes whose operand is a string or bytes of any length. */
const STRING_OPCODES = new Set<number>([
  OP.STRING, OP.UNICODE, OP.BINSTRING, OP.BINUNICODE, OP.BINBYTES, OP.BINUNICODE8, OP.BINBYTES8, OP.BYTEARRAY8,
]);

function opensLongString(bytes: Uint8Array, at: number): boolean {
  const op = bytes[at]!;
  if (!STRING_OPCODES.has(op)) return false;
  if (op === OP.STRING) return bytes[at + 1] === 0x27 || bytes[at + 1] === 0x22; // S'... or S"...
  return true;
}
