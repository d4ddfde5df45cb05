import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPythonParser, type PythonParser } from "../languages/python/parser.js";

const require = createRequire(import.meta.url);

/**
 * Finds a wasm file: next to the running bundle first (the GitHub Action ships them beside its bundle),
 * then in node_modules.
 */
function locate(file: string, packagePath: string): string {
  const besideBundle = join(dirname(fileURLToPath(import.meta.url)), file);
  if (existsSync(besideBundle)) return besideBundle;
  return require.resolve(packagePath);
}

let cached: Promise<PythonParser> | undefined;

/** One parser per thread; the grammar is loaded once. */
export function loadPythonParser(): Promise<PythonParser> {
  cached ??= (async () => {
    const grammar = await readFile(locate("tree-sitter-python.wasm", "tree-sitter-python/tree-sitter-python.wasm"));
    const runtime = locate("tree-sitter.wasm", "web-tree-sitter/tree-sitter.wasm");
    return createPythonParser({ grammar, locateRuntimeWasm: () => runtime });
  })();
  return cached;
}
