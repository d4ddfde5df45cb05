// `pathfinder serve` once its arguments are checked: the protocol libraries load only when the server runs.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Writable } from "node:stream";
import { startHttpServer, type RunningHttpServer } from "./http.js";
import type { ServedProject } from "./project-path.js";
import { createMcpServer } from "./server.js";

export { startHttpServer, type RunningHttpServer };
export { ServedProject } from "./project-path.js";

/** Serves over stdin/stdout (stdout carries only the protocol); resolves when the client closes the stream. */
export async function serveStdio(project: ServedProject, stdout: Writable, log: (message: string) => void): Promise<number> {
  const transport = new StdioServerTransport(process.stdin, stdout);
  const closed = new Promise<number>((done) => {
    transport.onclose = () => done(0);
    process.stdin.once("end", () => done(0));
  });
  await createMcpServer(project, log).connect(transport);
  return closed;
}
