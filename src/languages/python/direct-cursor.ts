import type { Tree } from "web-tree-sitter";
import type { CursorOps } from "./syntax.js";

/** The WebAssembly exports of web-tree-sitter 0.25 that a cursor walk needs. */
interface CursorExports {
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_tree_cursor_delete_wasm(tree: number): void;
}

const REQUIRED: (keyof CursorExports)[] = [
  "_ts_tree_cursor_goto_first_child_wasm",
  "_ts_tree_cursor_goto_next_sibling_wasm",
  "_ts_tree_cursor_goto_parent_wasm",
  "_ts_tree_cursor_current_node_type_id_wasm",
  "_ts_tree_cursor_current_field_id_wasm",
  "_ts_tree_cursor_start_index_wasm",
  "_ts_tree_cursor_end_index_wasm",
  "_ts_tree_cursor_current_node_is_missing_wasm",
  "_ts_tree_cursor_delete_wasm",
];

/**
 * Cursor operations that call tree-sitter's WebAssembly exports directly. Emscripten attaches the exports to the
 * module object given to `Parser.init`. Each `*_wasm` function reads the cursor from tree-sitter's transfer buffer
 * and writes it back, and `tree.walk()` leaves the new cursor there, so a walk that makes no other tree-sitter
 * call in between needs no JavaScript-side marshalling at all (web-tree-sitter's own TreeCursor copies the cursor
 * in and out on every call, which costs more than parsing). Returns undefined when the exports are missing
 * (another web-tree-sitter build): callers then use the public API.
 */
export function directCursorOps(module: Record<string, unknown>): ((tree: Tree) => CursorOps) | undefined {
  if (!REQUIRED.every((name) => typeof module[name] === "function")) return undefined;
  const m = module as unknown as CursorExports;
  return (tree) => {
    const treeAddress = (tree as unknown as Record<number, number>)[0];
    if (typeof treeAddress !== "number") throw new Error("web-tree-sitter tree without an address");
    tree.walk(); // leaves the root cursor in the transfer buffer; freed below from the buffer's final state
    return {
      gotoFirstChild: () => m._ts_tree_cursor_goto_first_child_wasm(treeAddress) === 1,
      gotoNextSibling: () => m._ts_tree_cursor_goto_next_sibling_wasm(treeAddress) === 1,
      gotoParent: () => m._ts_tree_cursor_goto_parent_wasm(treeAddress) === 1,
      typeId: () => m._ts_tree_cursor_current_node_type_id_wasm(treeAddress),
      fieldId: () => m._ts_tree_cursor_current_field_id_wasm(treeAddress),
      startIndex: () => m._ts_tree_cursor_start_index_wasm(treeAddress),
      endIndex: () => m._ts_tree_cursor_end_index_wasm(treeAddress),
      isMissing: () => m._ts_tree_cursor_current_node_is_missing_wasm(treeAddress) === 1,
      close: () => m._ts_tree_cursor_delete_wasm(treeAddress),
    };
  };
}
