// The external-data references of an ONNX model (onnx/onnx.proto), read by a bounded walk of the protobuf wire
// format that descends only into the messages that can hold a tensor (graph, nodes, attributes, subgraphs,
// sparse tensors, functions, training graphs) and steps over everything else by its declared length, tensor bytes
// included: a multi-GB model is never read whole, and no generated decoder allocates its messages. A general
// protobuf library would need the schema compiled in and would materialise every field to reach these few.
// Browser-safe.
import { ByteCursor } from "../containers/cursor.js";
import type { ByteSource } from "../types.js";

export interface ExternalDataRef {
  tensor: string;
  location: string;
  /** Offset of the tensor message in the file. */
  offset: number;
}

export interface OnnxExternalData {
  refs: ExternalDataRef[];
  /** Why the walk stopped before the end (bytes that are not a protobuf message, a budget). */
  stopped?: string;
}

type Message = "model" | "graph" | "node" | "attribute" | "tensor" | "sparse" | "function" | "training" | "entry";

/** Which length-delimited fields of each message are messages the walk enters (field number -> message). */
const CHILDREN: Record<Message, Partial<Record<number, Message>>> = {
  model: { 7: "graph", 20: "training", 25: "function" },
  training: { 1: "graph", 2: "graph" },
  graph: { 1: "node", 5: "tensor", 15: "sparse" },
  node: { 5: "attribute" },
  function: { 7: "node", 11: "attribute" },
  attribute: { 5: "tensor", 6: "graph", 10: "tensor", 11: "graph", 22: "sparse", 23: "sparse" },
  sparse: { 1: "tensor", 2: "tensor" },
  tensor: { 13: "entry" },
  entry: {},
};

/** TensorProto.data_location's EXTERNAL: only then do onnx.load and onnxruntime read external_data. */
const EXTERNAL = 1;
/** Subgraphs inside attributes nest (If, Loop, Scan); real models stay far below this. */
const MAX_DEPTH = 64;
/** Fields visited per file (a model has thousands; millions of unpacked floats are not worth walking). */
const MAX_FIELDS = 2_000_000;
/** Tensor names and locations longer than this are cut (they are only shown). */
const MAX_TEXT = 4096;

class Stop extends Error {}

export async function readOnnxExternalData(source: ByteSource): Promise<OnnxExternalData> {
  const walk = new Walk(source);
  const result: OnnxExternalData = { refs: walk.refs };
  try {
    await walk.message("model", source.size, 0);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    result.stopped = error.message;
  }
  return result;
}

interface TensorFields {
  name: string;
  external: boolean;
  location?: string;
}

class Walk {
  readonly refs: ExternalDataRef[] = [];
  private readonly cursor: ByteCursor;
  private fields = 0;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(source: ByteSource) {
    this.cursor = new ByteCursor(source, 0);
  }

  /** Walks one message ending at `end`; returns what a tensor or an entry held. */
  async message(kind: Message, end: number, depth: number, tensor?: TensorFields): Promise<{ key?: string; value?: string }> {
    if (depth > MAX_DEPTH) throw new Stop(`messages nested deeper than ${MAX_DEPTH}`);
    const entry: { key?: string; value?: string } = {};
    while (this.cursor.position < end) {
      if (++this.fields > MAX_FIELDS) throw new Stop(`more than ${MAX_FIELDS} protobuf fields`);
      const tag = await this.varint();
      const field = Number(tag >> 3n);
      const wire = Number(tag & 7n);
      if (field === 0) throw new Stop(`field number 0 at offset ${this.cursor.position}`);
      if (wire === 0) {
        const value = await this.varint();
        if (kind === "tensor" && field === 14 && tensor) tensor.external = value === BigInt(EXTERNAL);
      } else if (wire === 1) this.skip(8, end);
      else if (wire === 5) this.skip(4, end);
      else if (wire === 2) {
        const length = await this.varint();
        if (length > BigInt(end - this.cursor.position)) throw new Stop(`a field of ${length} bytes runs past its message at offset ${this.cursor.position}`);
        const start = this.cursor.position;
        const stop = start + Number(length);
        const child = CHILDREN[kind][field];
        if (child === "tensor") await this.tensor(stop, depth + 1);
        else if (child === "entry") {
          const pair = await this.message("entry", stop, depth + 1);
          if (pair.key === "location" && tensor) tensor.location = pair.value ?? "";
        } else if (child !== undefined) await this.message(child, stop, depth + 1);
        else if (kind === "tensor" && field === 8 && tensor) tensor.name = await this.text(stop);
        else if (kind === "entry" && (field === 1 || field === 2)) entry[field === 1 ? "key" : "value"] = await this.text(stop);
        this.cursor.position = stop;
      } else {
        // Groups (3, 4) are not in ONNX's schema; 6 and 7 are not wire types.
        throw new Stop(`wire type ${wire} at offset ${this.cursor.position}`);
      }
    }
    if (this.cursor.position !== end) throw new Stop(`a field runs past its message`);
    return entry;
  }

  private async tensor(end: number, depth: number): Promise<void> {
    const offset = this.cursor.position;
    const fields: TensorFields = { name: "", external: false };
    await this.message("tensor", end, depth, fields);
    if (fields.external && fields.location !== undefined) this.refs.push({ tensor: fields.name, location: fields.location, offset });
  }

  private async text(end: number): Promise<string> {
    const length = Math.min(end - this.cursor.position, MAX_TEXT);
    const bytes = await this.cursor.take(length);
    if (bytes === null) throw new Stop("the file ends inside a string");
    return this.decoder.decode(bytes);
  }

  private skip(count: number, end: number): void {
    if (this.cursor.position + count > end) throw new Stop(`a fixed-size field runs past its message at offset ${this.cursor.position}`);
    this.cursor.position += count;
  }

  private async varint(): Promise<bigint> {
    const at = this.cursor.position;
    const available = Math.min(10, this.cursor.remaining);
    if (available === 0 || !(await this.cursor.need(available))) throw new Stop(`the file ends inside a field at offset ${at}`);
    const bytes = this.cursor.peek(available);
    let value = 0n;
    for (let i = 0; i < bytes.length; i++) {
      value |= BigInt(bytes[i]! & 0x7f) << BigInt(7 * i);
      if ((bytes[i]! & 0x80) === 0) {
        this.cursor.position = at + i + 1;
        return value;
      }
    }
    throw new Stop(`a varint longer than 10 bytes at offset ${at}`);
  }
}

/**
 * Why onnx.load would leave the model's folder for this location (CVE-2024-27318, and CVE-2022-25882 before it):
 * an absolute path, a drive or UNC path, or a `..` segment. Undefined for a path inside the folder.
 */
export function escapesModelFolder(location: string): string | undefined {
  if (location.startsWith("/") || location.startsWith("\\")) return "is an absolute path";
  if (/^[A-Za-z]:/.test(location)) return "names a drive";
  if (location.split(/[\\/]/).some((segment) => segment === "..")) return "climbs out with `..`";
  if (location.includes("\0")) return "holds a NUL byte";
  return undefined;
}
