// A safetensors file's header: an 8-byte little-endian length, then that many bytes of JSON describing the tensors,
// with free-form string metadata under `__metadata__`. Tensor bytes are never read. Browser-safe.
import type { ByteSource } from "../types.js";
import { readRange } from "../containers/sources.js";
import { MAX_CONFIG_TEXT } from "./parse.js";

/** The safetensors crate refuses headers larger than this (MAX_HEADER_SIZE). */
const MAX_HEADER = 100_000_000;

/** An 8-byte length that fits the file, followed by a JSON object. */
export function looksLikeSafetensors(head: Uint8Array, size: number): boolean {
  if (head.length < 10) return false;
  const length = headerLength(head);
  return length >= 2 && length <= MAX_HEADER && length + 8 <= size && head[8] === 0x7b;
}

function headerLength(head: Uint8Array): number {
  let length = 0;
  for (let i = 7; i >= 0; i--) length = length * 256 + head[i]!;
  return length;
}

export interface SafetensorsMetadata {
  /** `__metadata__` values (strings only, as the format requires), each at most MAX_CONFIG_TEXT characters. */
  values: { key: string; text: string }[];
  /** Why the header could not be read, when it could not. */
  stopped?: string;
}

export async function readSafetensorsMetadata(source: ByteSource): Promise<SafetensorsMetadata> {
  const length = headerLength(await readRange(source, 0, 8));
  if (length > MAX_HEADER || length + 8 > source.size) return { values: [], stopped: `header length ${length} does not fit the file` };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8").decode(await readRange(source, 8, length)));
  } catch {
    return { values: [], stopped: "header is not JSON" };
  }
  const metadata = typeof header === "object" && header !== null ? (header as Record<string, unknown>).__metadata__ : undefined;
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return { values: [] };
  const values: SafetensorsMetadata["values"] = [];
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === "string" && value.length <= MAX_CONFIG_TEXT) values.push({ key, text: value });
  }
  return { values };
}
