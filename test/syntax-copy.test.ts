// The direct WebAssembly cursor walk must build exactly the tree the public TreeCursor API builds.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createPythonParser } from "../src/languages/python/parser.js";
import type { SyntaxTree } from "../src/languages/python/syntax.js";

const require = createRequire(import.meta.url);
const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");

/** Every node on one line, depth-first, without recursion (the deep-nesting input would overflow JSON.stringify). */
function shape(tree: SyntaxTree): string {
  const lines = [JSON.stringify({ problems: tree.problems, comments: tree.comments.length, maxDepth: tree.maxDepth })];
  const stack: [SyntaxTree["root"], number][] = [[tree.root, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    lines.push(`${depth} ${n.type} ${n.field} ${n.start}-${n.end} ${n.startRow}:${n.startCol}-${n.endRow}:${n.endCol} ${n.missing}`);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i], depth + 1]);
  }
  return lines.join("\n");
}

describe("syntax tree copy", async () => {
  const grammar = readFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
  const direct = await createPythonParser({ grammar, treeSitterOnly: true });
  const publicApi = await createPythonParser({ grammar, publicCursorOnly: true, treeSitterOnly: true });
  const sources: [string, string][] = [];
  for (const dir of readdirSync(FIXTURES)) {
    for (const f of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith(".py"))) sources.push([`${dir}/${f}`, readFileSync(join(FIXTURES, dir, f), "utf8")]);
  }
  sources.push(["syntax errors", "import pickle\ndef f(:\n    pickle.loads(x\nclass (:\n"]);
  sources.push(["deep nesting", "x = " + "[".repeat(3000) + "]".repeat(3000) + "\n"]);
  sources.push(["unicode", "s = 'é😀'; import pickle; pickle.loads(f'{s}')  # ünïcode\n"]);

  it("matches the public cursor API on every fixture and on hostile inputs", () => {
    for (const [name, source] of sources) assert.equal(shape(direct.parse(source)), shape(publicApi.parse(source)), name);
  });

  it("records positions in UTF-16 columns and keeps syntax problems", () => {
    const tree = direct.parse("s = 'é😀'; pickle.loads(x)\ndef f(:\n");
    assert.match(shape(tree), /^\d+ call null 11-26 0:11-0:26 false$/m);
    assert.ok(tree.problems.length > 0);
  });
});
