// A tiny pickle assembler for tests: concatenates opcodes and their encoded arguments into bytes.

export type Part = number | string | Uint8Array | readonly number[];

/** Concatenates parts: a number is one byte, a string is its latin-1 bytes. */
export function asm(...parts: Part[]): Uint8Array {
  const chunks: Uint8Array[] = parts.map((p) => {
    if (typeof p === "number") return Uint8Array.of(p);
    if (typeof p === "string") return Uint8Array.from(p, (c) => c.charCodeAt(0));
    return Uint8Array.from(p);
  });
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const u16 = (n: number): Uint8Array => asm(n & 0xff, (n >> 8) & 0xff);
export const u32 = (n: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0, true);
  return b;
};
export const i32 = (n: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n, true);
  return b;
};
export const u64 = (n: number | bigint): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n), true);
  return b;
};
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const PROTO = (v: number): Uint8Array => asm(0x80, v);
export const FRAME = (n: number | bigint): Uint8Array => asm(0x95, u64(n));
/** SHORT_BINUNICODE */
export const str = (s: string): Uint8Array => {
  const b = utf8(s);
  return asm(0x8c, b.length, b);
};
/** BINUNICODE */
export const bstr = (s: string): Uint8Array => {
  const b = utf8(s);
  return asm(0x58, u32(b.length), b);
};
/** Protocol 0 GLOBAL */
export const GLOBAL = (module: string, name: string): string => `c${module}\n${name}\n`;
/** Protocol 0 INST */
export const INST = (module: string, name: string): string => `i${module}\n${name}\n`;
/** STACK_GLOBAL from two constant strings */
export const STACK_GLOBAL = (module: string, name: string): Uint8Array => asm(str(module), str(name), 0x93);

/** Wraps a protocol-4 body in PROTO 4 + FRAME with the correct length. */
export function framed(body: Uint8Array, protocol = 4): Uint8Array {
  return asm(PROTO(protocol), FRAME(body.length), body);
}

export const OPS = {
  MARK: 0x28, STOP: 0x2e, POP: 0x30, POP_MARK: 0x31, DUP: 0x32, NONE: 0x4e, REDUCE: 0x52, APPEND: 0x61,
  BUILD: 0x62, DICT: 0x64, APPENDS: 0x65, LIST: 0x6c, OBJ: 0x6f, SETITEM: 0x73, TUPLE: 0x74, SETITEMS: 0x75,
  EMPTY_LIST: 0x5d, EMPTY_DICT: 0x7d, EMPTY_TUPLE: 0x29, BINGET: 0x68, LONG_BINGET: 0x6a, BINPUT: 0x71,
  LONG_BINPUT: 0x72, BINPERSID: 0x51, NEWOBJ: 0x81, EXT1: 0x82, EXT2: 0x83, EXT4: 0x84, TUPLE1: 0x85,
  TUPLE2: 0x86, TUPLE3: 0x87, NEWTRUE: 0x88, NEWFALSE: 0x89, LONG1: 0x8a, LONG4: 0x8b, EMPTY_SET: 0x8f,
  ADDITEMS: 0x90, FROZENSET: 0x91, NEWOBJ_EX: 0x92, STACK_GLOBAL: 0x93, MEMOIZE: 0x94, BYTEARRAY8: 0x96,
  NEXT_BUFFER: 0x97, READONLY_BUFFER: 0x98, BININT: 0x4a, BININT1: 0x4b, BININT2: 0x4d, BINFLOAT: 0x47,
  SHORT_BINBYTES: 0x43, BINBYTES: 0x42, BINBYTES8: 0x8e, SHORT_BINSTRING: 0x55, BINSTRING: 0x54,
  BINUNICODE8: 0x8d, BINUNICODE: 0x58,
} as const;
