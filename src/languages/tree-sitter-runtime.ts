import { Parser } from "web-tree-sitter";

/**
 * The one web-tree-sitter runtime of a thread, shared by every grammar: `Parser.init` replaces the runtime's
 * WebAssembly module, so a second call would orphan the parsers and languages loaded before it.
 */
export const runtimeModule: Record<string, unknown> = {};
let runtimeReady: Promise<void> | undefined;

/** Initialises the runtime once; `locateRuntimeWasm` (browser builds) is honoured by the first caller only. */
export function initTreeSitterRuntime(locateRuntimeWasm?: (file: string) => string): Promise<void> {
  if (locateRuntimeWasm && !runtimeReady) runtimeModule.locateFile = locateRuntimeWasm;
  runtimeReady ??= Parser.init(runtimeModule);
  return runtimeReady;
}
