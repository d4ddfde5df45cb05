// The web extension's language server, in a web worker: the shared server core with the browser backend.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from "vscode-languageserver/browser";
import { createPythonParser, type PythonParser } from "../../../src/languages/python/parser.js";
import { BrowserBackend } from "../../../src/lsp/browser-backend.js";
import { startLanguageServer } from "../../../src/lsp/server.js";

declare const PATHFINDER_VERSION: string;
declare const PATHFINDER_HOMEPAGE: string;

/** The worker's global scope (typed as a window by the DOM library). */
const scope = self as unknown as Worker & { location: Location };
let parser: Promise<PythonParser> | undefined;

/** The WebAssembly sits beside this script; the client may name the folder (extension URIs in vscode.dev). */
function loadParser(options: unknown): Promise<PythonParser> {
  parser ??= (async () => {
    const base = (options as { wasmBase?: string } | undefined)?.wasmBase ?? new URL(".", scope.location.href).href;
    const response = await fetch(new URL("tree-sitter-python.wasm", base));
    if (!response.ok) throw new Error(`cannot load tree-sitter-python.wasm from ${base} (HTTP ${response.status})`);
    const grammar = new Uint8Array(await response.arrayBuffer());
    const runtime = new URL("tree-sitter.wasm", base).href;
    return createPythonParser({ grammar, locateRuntimeWasm: () => runtime });
  })();
  parser.catch(() => (parser = undefined));
  return parser;
}

const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
startLanguageServer(connection, new BrowserBackend(loadParser, PATHFINDER_HOMEPAGE), PATHFINDER_VERSION);
