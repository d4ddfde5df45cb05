// Symbolic values of the pickle stack machine. Nothing here is ever executed: a call is only a record.

export type Value =
  | { readonly k: "none" }
  | { readonly k: "bool"; readonly v: boolean }
  | { readonly k: "int"; readonly v: number | bigint }
  /** An integer too long to decode cheaply; `digits` is its size in bytes or decimal digits. */
  | { readonly k: "hugeint"; readonly digits: number }
  | { readonly k: "float"; readonly v: number }
  | { readonly k: "str"; readonly v: string }
  | { readonly k: "bytes"; readonly v: Uint8Array; readonly bytearray: boolean }
  | { readonly k: "list" | "tuple" | "set" | "frozenset"; readonly items: Value[] }
  /** Keys and values interleaved: [k0, v0, k1, v1, ...]. */
  | { readonly k: "dict"; readonly items: Value[] }
  /** A global reference; `imp` indexes the analysis' imports. */
  | { readonly k: "global"; readonly imp: number }
  /** The result of a call; `call` indexes the analysis' calls (rendered as `_var<call>`). */
  | { readonly k: "call"; readonly call: number }
  | { readonly k: "persid"; readonly index: number }
  | { readonly k: "buffer"; readonly readonly: boolean }
  | { readonly k: "unknown"; readonly what: string };

export const NONE: Value = { k: "none" };
export const TRUE: Value = { k: "bool", v: true };
export const FALSE: Value = { k: "bool", v: false };

/**
 * A long str operand, decoded when its text is first read. Long strings are mostly padding that is pushed and popped
 * unread (a 5 MB protocol-0 STRING in front of a payload); decoding one costs more than the rest of its file's
 * analysis. Holds a view of the input until then.
 */
export class LazyStr {
  readonly k = "str";
  private bytes: Uint8Array | undefined;
  private text: string | undefined;

  constructor(
    bytes: Uint8Array,
    private readonly decode: (bytes: Uint8Array) => string,
  ) {
    this.bytes = bytes;
  }

  get v(): string {
    if (this.text === undefined) {
      this.text = this.decode(this.bytes!);
      this.bytes = undefined;
    }
    return this.text;
  }
}

export function isContainer(v: Value): v is Extract<Value, { items: Value[] }> {
  return v.k === "list" || v.k === "tuple" || v.k === "set" || v.k === "frozenset" || v.k === "dict";
}
