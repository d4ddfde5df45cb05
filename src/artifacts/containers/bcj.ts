// The branch/call/jump (BCJ) filters of .xz and 7z, decoding direction: each turns the absolute addresses its
// encoder wrote into executable code back into relative ones. A loader (Python's lzma, 7-Zip) undoes them, so a
// payload hidden behind one must be undone here too. Ported from the algorithms liblzma documents for each filter;
// each runs in place over one whole decoded block, starting at the stream position `start`.

export type BcjFilter = (bytes: Uint8Array, from: number, to: number, start: number) => void;

const isX86Ms = (b: number): boolean => b === 0 || b === 0xff;
const X86_ALLOWED = [true, true, true, false, true, false, false, false];
const X86_BIT = [0, 1, 2, 2, 3, 3, 3, 3];

function x86(bytes: Uint8Array, from: number, to: number, start: number): void {
  const size = to - from;
  if (size < 5) return;
  let prevMask = 0;
  let prevPos = (start - 5) >>> 0;
  for (let i = 0; i <= size - 5; ) {
    const at = from + i;
    let b = bytes[at]!;
    if (b !== 0xe8 && b !== 0xe9) {
      i++;
      continue;
    }
    const now = (start + i) >>> 0;
    const offset = (now - prevPos) >>> 0;
    prevPos = now;
    if (offset > 5) prevMask = 0;
    else for (let k = 0; k < offset; k++) prevMask = ((prevMask & 0x77) << 1) & 0xff;
    b = bytes[at + 4]!;
    if (isX86Ms(b) && X86_ALLOWED[(prevMask >>> 1) & 7] && prevMask >>> 1 < 0x10) {
      let src = ((b << 24) | (bytes[at + 3]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 1]!) >>> 0;
      let dest: number;
      for (;;) {
        dest = (src - ((now + 5) >>> 0)) >>> 0;
        if (prevMask === 0) break;
        const index = X86_BIT[prevMask >>> 1]!;
        b = (dest >>> (24 - index * 8)) & 0xff;
        if (!isX86Ms(b)) break;
        src = (dest ^ ((2 ** (32 - index * 8)) - 1)) >>> 0;
      }
      bytes[at + 4] = (dest >>> 24) & 1 ? 0xff : 0;
      bytes[at + 3] = (dest >>> 16) & 0xff;
      bytes[at + 2] = (dest >>> 8) & 0xff;
      bytes[at + 1] = dest & 0xff;
      i += 5;
      prevMask = 0;
    } else {
      i++;
      prevMask |= 1;
      if (isX86Ms(b)) prevMask |= 0x10;
    }
  }
}

function powerpc(bytes: Uint8Array, from: number, to: number, start: number): void {
  for (let i = 0; from + i + 4 <= to; i += 4) {
    const at = from + i;
    if (bytes[at]! >>> 2 !== 0x12 || (bytes[at + 3]! & 3) !== 1) continue;
    const src = (((bytes[at]! & 3) << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | (bytes[at + 3]! & ~3)) >>> 0;
    const dest = (src - ((start + i) >>> 0)) >>> 0;
    bytes[at] = 0x48 | ((dest >>> 24) & 3);
    bytes[at + 1] = (dest >>> 16) & 0xff;
    bytes[at + 2] = (dest >>> 8) & 0xff;
    bytes[at + 3] = (bytes[at + 3]! & 3) | (dest & 0xfc);
  }
}

const IA64_BRANCH = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 6, 6, 0, 0, 7, 7, 4, 4, 0, 0, 4, 4, 0, 0];

function ia64(bytes: Uint8Array, from: number, to: number, start: number): void {
  for (let i = 0; from + i + 16 <= to; i += 16) {
    const at = from + i;
    const mask = IA64_BRANCH[bytes[at]! & 0x1f]!;
    for (let slot = 0, bitPos = 5; slot < 3; slot++, bitPos += 41) {
      if (((mask >>> slot) & 1) === 0) continue;
      const bytePos = bitPos >>> 3;
      const bitRes = BigInt(bitPos & 7);
      let instruction = 0n;
      for (let j = 0; j < 6; j++) instruction |= BigInt(bytes[at + j + bytePos]!) << BigInt(8 * j);
      let norm = instruction >> bitRes;
      if (((norm >> 37n) & 0xfn) !== 5n || ((norm >> 9n) & 7n) !== 0n) continue;
      let src = Number((norm >> 13n) & 0xfffffn);
      src |= Number((norm >> 36n) & 1n) << 20;
      src = (src << 4) >>> 0;
      const dest = ((src - ((start + i) >>> 0)) >>> 0) >>> 4;
      norm &= ~(0x8fffffn << 13n);
      norm |= BigInt(dest & 0xfffff) << 13n;
      norm |= BigInt(dest & 0x100000) << 16n;
      instruction &= (1n << bitRes) - 1n;
      instruction |= norm << bitRes;
      for (let j = 0; j < 6; j++) bytes[at + j + bytePos] = Number((instruction >> BigInt(8 * j)) & 0xffn);
    }
  }
}

function arm(bytes: Uint8Array, from: number, to: number, start: number): void {
  for (let i = 0; from + i + 4 <= to; i += 4) {
    const at = from + i;
    if (bytes[at + 3] !== 0xeb) continue;
    const src = ((bytes[at + 2]! << 16) | (bytes[at + 1]! << 8) | bytes[at]!) << 2;
    const dest = ((src - (start + i + 8)) >>> 0) >>> 2;
    bytes[at + 2] = (dest >>> 16) & 0xff;
    bytes[at + 1] = (dest >>> 8) & 0xff;
    bytes[at] = dest & 0xff;
  }
}

function armThumb(bytes: Uint8Array, from: number, to: number, start: number): void {
  for (let i = 0; from + i + 4 <= to; i += 2) {
    const at = from + i;
    if ((bytes[at + 1]! & 0xf8) !== 0xf0 || (bytes[at + 3]! & 0xf8) !== 0xf8) continue;
    const src = (((bytes[at + 1]! & 7) << 19) | (bytes[at]! << 11) | ((bytes[at + 3]! & 7) << 8) | bytes[at + 2]!) << 1;
    const dest = ((src - (start + i + 4)) >>> 0) >>> 1;
    bytes[at + 1] = 0xf0 | ((dest >>> 19) & 7);
    bytes[at] = (dest >>> 11) & 0xff;
    bytes[at + 3] = 0xf8 | ((dest >>> 8) & 7);
    bytes[at + 2] = dest & 0xff;
    i += 2;
  }
}

function sparc(bytes: Uint8Array, from: number, to: number, start: number): void {
  for (let i = 0; from + i + 4 <= to; i += 4) {
    const at = from + i;
    const b0 = bytes[at]!;
    const b1 = bytes[at + 1]!;
    if (!((b0 === 0x40 && (b1 & 0xc0) === 0) || (b0 === 0x7f && (b1 & 0xc0) === 0xc0))) continue;
    const src = (((b0 << 24) | (b1 << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) << 2) >>> 0;
    let dest = ((src - ((start + i) >>> 0)) >>> 0) >>> 2;
    dest = ((((0 - ((dest >>> 22) & 1)) << 22) & 0x3fffffff) | (dest & 0x3fffff) | 0x40000000) >>> 0;
    bytes[at] = dest >>> 24;
    bytes[at + 1] = (dest >>> 16) & 0xff;
    bytes[at + 2] = (dest >>> 8) & 0xff;
    bytes[at + 3] = dest & 0xff;
  }
}

function arm64(bytes: Uint8Array, from: number, to: number, start: number): void {
  for (let i = 0; from + i + 4 <= to; i += 4) {
    const at = from + i;
    let instr = (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
    const pc = (start + i) >>> 0;
    if (instr >>> 26 === 0x25) {
      instr = (0x94000000 | ((instr - (pc >>> 2)) & 0x03ffffff)) >>> 0;
    } else if ((instr & 0x9f000000) >>> 0 === 0x90000000) {
      const src = ((instr >>> 29) & 3) | ((instr >>> 3) & 0x001ffffc);
      if (((src + 0x00020000) & 0x001c0000) !== 0) continue;
      const dest = (src - (pc >>> 12)) >>> 0;
      instr = ((instr & 0x9000001f) | ((dest & 3) << 29) | ((dest & 0x0003fffc) << 3) | ((0 - (dest & 0x00020000)) & 0x00e00000)) >>> 0;
    } else {
      continue;
    }
    bytes[at] = instr & 0xff;
    bytes[at + 1] = (instr >>> 8) & 0xff;
    bytes[at + 2] = (instr >>> 16) & 0xff;
    bytes[at + 3] = instr >>> 24;
  }
}

/** The .xz filter IDs of the BCJ filters (7z method IDs map onto the same functions). */
export const XZ_BCJ_FILTERS = new Map<number, BcjFilter>([
  [0x04, x86],
  [0x05, powerpc],
  [0x06, ia64],
  [0x07, arm],
  [0x08, armThumb],
  [0x09, sparc],
  [0x0a, arm64],
]);
