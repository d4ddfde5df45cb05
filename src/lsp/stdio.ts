// `pathfinder lsp`: the language server on standard input/output with the Node backend. Loaded only when the
// command runs, so other commands do not pay for the protocol libraries at start-up.
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { toolInfo } from "../cli/version.js";
import { NodeBackend } from "./node-backend.js";
import { startLanguageServer } from "./server.js";

/** Serves until the client sends "exit" (the library ends the process) or closes stdin (resolves 0). */
export function runStdioLanguageServer(stdout: NodeJS.WritableStream): Promise<number> {
  const reader = new StreamMessageReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(stdout));
  // A failure the handlers did not catch is logged; it must not end the editor's session.
  process.on("unhandledRejection", (e) => connection.console.error(`pathfinder: unexpected error: ${(e as Error)?.stack ?? String(e)}`));
  process.on("uncaughtException", (e) => connection.console.error(`pathfinder: unexpected error: ${e.stack ?? String(e)}`));
  startLanguageServer(connection, new NodeBackend(), toolInfo().version);
  return new Promise<number>((resolve) => reader.onClose(() => resolve(0)));
}
