// Legacy (pre-1.6) PyTorch checkpoints.
// - Stacked format: five pickles back to back (magic number, protocol version, sys_info, the object,
//   the storage keys), then raw storage bytes. torch.load unpickles all five.
// - Tar format (older still): members `sys_info`, `pickle`, `storages`, `tensors`. `storages` and `tensors`
//   interleave small pickles with raw bytes; this module finds where each of those pickles lies.
import type { ByteSource } from "../types.js";
import { i32le, i64le, indexOf } from "./bytes.js";
import { ByteCursor } from "./cursor.js";
import { walkPickle, type WalkValue } from "./pickle-walk.js";

/** LONG1 of torch.serialization's MAGIC_NUMBER 0x1950a86a20f9469cfc6c, as every legacy checkpoint starts. */
const MAGIC_LONG1 = [0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

export const LEGACY_STACKED_PICKLES = 5;

export function isLegacyTorchMagic(firstPickle: Uint8Array): boolean {
  return indexOf(firstPickle.subarray(0, 32), MAGIC_LONG1) >= 0;
}

export interface PickleRange {
  start: number;
  end: number;
  label: string;
}

export interface LegacyMemberLayout {
  pickles: PickleRange[];
  warnings: string[];
}

const ELEMENT_SIZES: Record<string, number> = {
  DoubleStorage: 8, FloatStorage: 4, HalfStorage: 2, LongStorage: 8, IntStorage: 4, ShortStorage: 2,
  CharStorage: 1, ByteStorage: 1, BoolStorage: 1, BFloat16Storage: 2, ComplexFloatStorage: 8,
  ComplexDoubleStorage: 16, QInt8Storage: 1, QUInt8Storage: 1, QInt32Storage: 4,
};

const MAX_RECORDS = 1 << 20;

/** `storages` member: count pickle, then per storage (key, location, storage_type) pickle + int64 size + data. */
export async function locateLegacyStorages(source: ByteSource, maxOpcodes: number): Promise<LegacyMemberLayout> {
  return walkRecords(source, maxOpcodes, "storage", async (value, cursor) => {
    const type = value?.t === "tuple" ? value.items[2] : undefined;
    const typeName = type?.t === "global" ? type.name.slice(type.name.lastIndexOf(".") + 1) : "";
    const elementSize = ELEMENT_SIZES[typeName];
    if (!elementSize) return `unknown storage type ${typeName || "(untracked)"}`;
    const sizeBytes = await cursor.take(8);
    const count = sizeBytes ? i64le(sizeBytes, 0) : Number.NaN;
    if (!(count >= 0)) return "storage size is missing or invalid";
    return count * elementSize;
  });
}

/** `tensors` member: count pickle, then per tensor (key, storage_id, type) pickle + ndim, sizes, strides, offset. */
export async function locateLegacyTensors(source: ByteSource, maxOpcodes: number): Promise<LegacyMemberLayout> {
  return walkRecords(source, maxOpcodes, "tensor", async (_value, cursor) => {
    const head = await cursor.take(8);
    const ndim = head ? i32le(head, 0) : -1;
    if (ndim < 0 || ndim > 64) return "tensor rank is missing or invalid";
    return 16 * ndim + 8;
  });
}

async function walkRecords(
  source: ByteSource,
  maxOpcodes: number,
  what: string,
  skipAfter: (value: WalkValue | undefined, cursor: ByteCursor) => Promise<number | string>,
): Promise<LegacyMemberLayout> {
  const layout: LegacyMemberLayout = { pickles: [], warnings: [] };
  const cursor = new ByteCursor(source, 0);
  const countWalk = await walkPickle(cursor, maxOpcodes);
  if (countWalk.end === null) {
    layout.warnings.push(`${what} count pickle is broken: ${countWalk.error?.message ?? "no STOP"}`);
    layout.pickles.push({ start: 0, end: source.size, label: `${what} count` });
    return layout;
  }
  layout.pickles.push({ start: 0, end: countWalk.end, label: `${what} count` });
  const count = countWalk.value?.t === "int" ? countWalk.value.v : -1;
  if (count < 0) {
    layout.warnings.push(`${what} count is not an integer; the rest of the member was not inspected`);
    return layout;
  }
  for (let i = 0; i < Math.min(count, MAX_RECORDS); i++) {
    const start = cursor.position;
    if (start >= source.size) {
      layout.warnings.push(`${what} records end after ${i} of ${count}`);
      break;
    }
    const walk = await walkPickle(cursor, maxOpcodes);
    layout.pickles.push({ start, end: walk.end ?? source.size, label: `${what} ${i}` });
    if (walk.end === null) {
      layout.warnings.push(`${what} ${i} pickle is broken: ${walk.error?.message ?? "no STOP"}`);
      break;
    }
    const skip = await skipAfter(walk.value, cursor);
    if (typeof skip === "string") {
      layout.warnings.push(`${what} ${i}: ${skip}; the rest of the member was not inspected`);
      break;
    }
    cursor.position += skip;
  }
  return layout;
}
