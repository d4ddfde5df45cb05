// joblib's numpy persistence: arrays are pickled as a NumpyArrayWrapper whose raw bytes follow the wrapper's
// BUILD opcode outside the pickle (an optional padding-length byte and padding, then count*itemsize bytes),
// or, for object arrays, a whole nested pickle. This module finds those regions so the scan can skip the
// raw bytes (never reading them as opcodes) and analyse the nested pickles on their own.
import type { ByteSource } from "../types.js";
import { ByteCursor } from "./cursor.js";
import { walkPickle, type LargeString, type WalkValue } from "./pickle-walk.js";

export interface JoblibArray {
  /** Offset of the first byte after the wrapper's BUILD opcode. */
  offset: number;
  /** Bytes the array occupies after the BUILD opcode (padding included). */
  length: number;
  dtype: string;
  shape: number[];
  /** Object arrays are stored as a nested pickle occupying [offset, offset+length). */
  objectPickle: boolean;
}

export interface JoblibLayout {
  arrays: JoblibArray[];
  /** String/bytes arguments large enough to cut out before analysis (e.g. arrays pickled inline). */
  largeStrings: LargeString[];
  /** Offset just past the outer pickle's STOP, or null if the walk did not finish. */
  end: number | null;
  error?: { message: string; offset: number };
}

/**
 * Walks the pickle at `start` and returns the raw regions in it: arrays joblib writes between opcodes, and
 * large string arguments (inline array data of plain pickles), which the scan cuts out before analysis.
 */
export async function locateJoblibArrays(source: ByteSource, start: number, maxOpcodes: number): Promise<JoblibLayout> {
  const arrays: JoblibArray[] = [];
  const largeStrings: LargeString[] = [];
  const cursor = new ByteCursor(source, start);
  let sizingError: string | undefined;
  const result = await walkPickle(cursor, maxOpcodes, {
    async afterBuild(built, next, inner) {
      if (built.t !== "obj" || !isArrayWrapper(built.cls)) return 0;
      const sized = await sizeArray(built, next, inner, maxOpcodes);
      if (typeof sized === "string") {
        sizingError = sized;
        return -1;
      }
      arrays.push(sized);
      return sized.length;
    },
    largeString: (region) => largeStrings.push(region),
  });
  const error = result.error && sizingError ? { ...result.error, message: sizingError } : result.error;
  return { arrays, largeStrings, end: result.end, ...(error ? { error } : {}) };
}

function isArrayWrapper(cls: string): boolean {
  return cls.endsWith("numpy_pickle.NumpyArrayWrapper");
}

async function sizeArray(
  wrapper: Extract<WalkValue, { t: "obj" }>,
  offset: number,
  cursor: ByteCursor,
  maxOpcodes: number,
): Promise<JoblibArray | string> {
  const state = wrapper.state?.t === "dict" ? wrapper.state.entries : undefined;
  if (!state) return "joblib array wrapper without a state dict";
  const dtype = describeDtype(state.get("dtype"));
  if (!dtype) return "joblib array wrapper with an unrecognised dtype";
  const shapeValue = state.get("shape");
  const shape =
    shapeValue?.t === "tuple" && shapeValue.items.every((i) => i.t === "int" && i.v >= 0)
      ? shapeValue.items.map((i) => (i as { v: number }).v)
      : null;
  if (!shape) return "joblib array wrapper with an unreadable shape";
  if (dtype.object) {
    const nested = await walkPickle(new ByteCursor(cursor.source, offset), maxOpcodes);
    if (nested.end === null) return `joblib object array pickle is broken: ${nested.error?.message ?? "no STOP"}`;
    return { offset, length: nested.end - offset, dtype: dtype.code, shape, objectPickle: true };
  }
  const count = shape.reduce((a, b) => a * b, 1);
  const bytes = count * dtype.itemsize;
  if (!Number.isSafeInteger(bytes)) return "joblib array size overflows";
  let padding = 0;
  const alignment = state.get("numpy_array_alignment_bytes");
  if (alignment && alignment.t !== "none") {
    const padByte = await cursor.take(1);
    cursor.position = offset;
    if (!padByte) return "joblib array padding byte is missing";
    padding = 1 + padByte[0]!;
  }
  return { offset, length: padding + bytes, dtype: dtype.code, shape, objectPickle: false };
}

/** numpy.dtype(code, align, copy) as pickled: REDUCE of numpy.dtype with the type code, then BUILD state. */
function describeDtype(value: WalkValue | undefined): { code: string; itemsize: number; object: boolean } | null {
  if (value?.t !== "obj" || !/(^|\.)dtype$/.test(value.cls)) return null;
  const code = value.args?.t === "tuple" && value.args.items[0]?.t === "str" ? value.args.items[0].v : null;
  if (code === null) return null;
  // dtype.__reduce__ state: (version, byteorder, subarray, names, fields, elsize, alignment, flags). joblib
  // pickles every array whose dtype has objects anywhere (flags & NPY_ITEM_HASOBJECT), structured ones included.
  const state = value.state?.t === "tuple" ? value.state.items : [];
  const flags = state[7];
  const hasObject = flags?.t === "int" && (flags.v & 1) === 1;
  const match = /^[<>|=]?([a-zA-Z])(\d*)/.exec(code);
  if (!match) return null;
  const kind = match[1]!;
  if (kind === "O" || hasObject) return { code, itemsize: 8, object: true };
  let itemsize = match[2] ? Number(match[2]) : 0;
  if (kind === "U") itemsize *= 4;
  if (kind === "M" || kind === "m") itemsize = itemsize || 8;
  if (kind === "V" && itemsize === 0) {
    const elsize = state[5];
    itemsize = elsize?.t === "int" && elsize.v > 0 ? elsize.v : 0;
  }
  if (kind === "?" || kind === "b" && itemsize === 0) itemsize = 1;
  if (!(itemsize > 0)) return null;
  return { code, itemsize, object: false };
}
