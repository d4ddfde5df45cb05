// NumPy .npy header parsing (format versions 1, 2 and 3). Object arrays (`|O`) store their body as a pickle,
// which np.load(allow_pickle=True) unpickles; every other dtype is raw numbers and harmless.
import type { ByteSource } from "../types.js";
import { ascii, latin1, startsWith, u16le, u32le, utf8 } from "./bytes.js";
import type { ContainerReader } from "./reader.js";
import { readRange, sliceSource } from "./sources.js";

const MAGIC = [0x93, ...ascii("NUMPY")];
const MAX_HEADER = 1 << 20;

export interface NpyHeader {
  version: string;
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  /** True when the dtype (or any field of a structured dtype) is Python objects. */
  hasObject: boolean;
  /** Offset of the array body within the .npy bytes. */
  dataOffset: number;
}

export function looksLikeNpy(head: Uint8Array): boolean {
  return startsWith(head, MAGIC);
}

export type NpyParse = { ok: true; header: NpyHeader } | { ok: false; error: string };

export async function readNpyHeader(source: ByteSource): Promise<NpyParse> {
  const prefix = await readRange(source, 0, 12);
  if (!startsWith(prefix, MAGIC) || prefix.length < 10) return { ok: false, error: "not a .npy file" };
  const major = prefix[6]!;
  const minor = prefix[7]!;
  if (major < 1 || major > 3) return { ok: false, error: `unsupported .npy format version ${major}.${minor}` };
  const lengthSize = major === 1 ? 2 : 4;
  if (prefix.length < 8 + lengthSize) return { ok: false, error: ".npy header is truncated" };
  const headerLength = major === 1 ? u16le(prefix, 8) : u32le(prefix, 8);
  const headerStart = 8 + lengthSize;
  if (headerLength > MAX_HEADER) return { ok: false, error: `.npy header of ${headerLength} bytes is implausibly large` };
  if (headerStart + headerLength > source.size) return { ok: false, error: ".npy header is truncated" };
  const raw = await readRange(source, headerStart, headerLength);
  const text = major === 3 ? utf8(raw) : latin1(raw);
  const descr = extractValue(text, "descr");
  if (descr === undefined) return { ok: false, error: ".npy header has no 'descr'" };
  const shapeText = extractValue(text, "shape") ?? "()";
  const shape = [...shapeText.matchAll(/\d+/g)].map((m) => Number(m[0]));
  return {
    ok: true,
    header: {
      version: `${major}.${minor}`,
      descr,
      fortranOrder: /['"]fortran_order['"]\s*:\s*True/.test(text),
      shape,
      hasObject: descrHasObject(descr),
      dataOffset: headerStart + headerLength,
    },
  };
}

/** The raw text of a key's value in the header's dict literal: a quoted string, a list, or a tuple. */
function extractValue(text: string, key: string): string | undefined {
  // numpy reads the header with ast.literal_eval: with a key given twice, the last one wins.
  let match: RegExpExecArray | null = null;
  for (const m of text.matchAll(new RegExp(`['"]${key}['"]\\s*:\\s*`, "g"))) match = m;
  if (!match) return undefined;
  let start = match.index + match[0].length;
  // A string prefix literal_eval accepts: u'|O' is the str '|O' (r'|O' too).
  if (/[uUrR]/.test(text[start] ?? "") && (text[start + 1] === "'" || text[start + 1] === '"')) start++;
  const open = text[start];
  if (open === "'" || open === '"') {
    const end = text.indexOf(open, start + 1);
    return end < 0 ? undefined : text.slice(start + 1, end);
  }
  if (open === "[" || open === "(") {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c === "[" || c === "(") depth++;
      else if (c === "]" || c === ")") {
        depth--;
        if (depth === 0) return text.slice(start, i + 1);
      }
    }
    return undefined;
  }
  return /^[^,}]*/.exec(text.slice(start))?.[0]?.trim();
}

/** Every spelling numpy.dtype() accepts for the object type (`O`, `|O8`, `object`, `object_`, `O4`, ...). */
const OBJECT_SPELLING = /^[<>|=]?(O\d*|object_?)$/;

function descrHasObject(descr: string): boolean {
  // A structured dtype's field list, or a subarray dtype's (base, shape) tuple: any object field makes it hold objects.
  if (!descr.startsWith("[") && !descr.startsWith("(")) return OBJECT_SPELLING.test(descr.trim());
  return [...descr.matchAll(/['"]([^'"]*)['"]/g)].some((m) => OBJECT_SPELLING.test(m[1]!.trim()));
}

// ---- the container reader ------------------------------------------------------------------------------------

/** One member: the array body, which np.load(allow_pickle=True) unpickles when the dtype holds objects. */
export const npyReader: ContainerReader = {
  format: "npy",
  sniff: looksLikeNpy,
  async list(source, context) {
    const parsed = await readNpyHeader(source);
    if (!parsed.ok) {
      context.warn(parsed.error, context.member);
      return { members: [] };
    }
    const { header } = parsed;
    const size = source.size - header.dataOffset;
    const body = sliceSource(source, header.dataOffset, size);
    return {
      members: [
        {
          path: "",
          label: `[npy ${header.descr} ${JSON.stringify(header.shape)}]`,
          offset: header.dataOffset,
          size,
          compressedSize: size,
          method: "raw",
          ...(header.hasObject
            ? { role: "pickle" as const, expectPickle: true, head: (length: number) => readRange(body, 0, length), open: async () => body }
            : { role: "tensor-data" as const }),
        },
      ],
    };
  },
};
