// The MCP server over Streamable HTTP on 127.0.0.1 only: one SDK transport and protocol server per session, Host
// and Origin checked against the loopback address (DNS-rebinding protection), request bodies bounded.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { ServedProject } from "./project-path.js";
import { createMcpServer } from "./server.js";

export const MCP_PATH = "/mcp";
const HOST = "127.0.0.1";
/** Snippets can be up to 1 MB of source; JSON escaping can double that. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(project: ServedProject, port: number, log: (message: string) => void): Promise<RunningHttpServer> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  let allowedHosts: string[] = [];

  const http = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log(`pathfinder serve: HTTP request failed: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) jsonRpcError(res, 500, -32603, "internal error");
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", `http://${HOST}`);
    if (url.pathname !== MCP_PATH) return jsonRpcError(res, 404, -32601, `not found: the MCP endpoint is ${MCP_PATH}`);
    if (!allowedHosts.includes(req.headers.host ?? "")) return jsonRpcError(res, 403, -32600, "forbidden host");
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackOrigin(origin)) return jsonRpcError(res, 403, -32600, "forbidden origin");
    const sessionId = header(req, "mcp-session-id");
    if (req.method === "POST") {
      const body = await readJson(req, res);
      if (body === undefined) return;
      if (sessionId !== undefined) {
        const transport = sessions.get(sessionId);
        if (!transport) return jsonRpcError(res, 404, -32001, "unknown or expired session");
        return transport.handleRequest(req, res, body);
      }
      if (!isInitializeRequest(body)) return jsonRpcError(res, 400, -32000, "no session: send initialize first");
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => void sessions.set(id, transport),
      });
      transport.onclose = () => {
        if (transport.sessionId) sessions.delete(transport.sessionId);
      };
      await createMcpServer(project, log).connect(transport);
      return transport.handleRequest(req, res, body);
    }
    if (req.method === "GET" || req.method === "DELETE") {
      const transport = sessionId !== undefined ? sessions.get(sessionId) : undefined;
      if (!transport) return jsonRpcError(res, sessionId === undefined ? 400 : 404, -32000, "missing or unknown session");
      return transport.handleRequest(req, res);
    }
    res.setHeader("Allow", "GET, POST, DELETE");
    return jsonRpcError(res, 405, -32000, "method not allowed");
  }

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, HOST, () => resolve());
  });
  const bound = (http.address() as AddressInfo).port;
  allowedHosts = [`${HOST}:${bound}`, `localhost:${bound}`];
  return {
    url: `http://${HOST}:${bound}${MCP_PATH}`,
    async close() {
      for (const transport of sessions.values()) await transport.close().catch(() => {});
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const { hostname } = new URL(origin);
    return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  } catch {
    return false;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      jsonRpcError(res, 413, -32600, `request body over ${MAX_BODY_BYTES / 1024 / 1024} MB`);
      req.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    jsonRpcError(res, 400, -32700, "parse error: the body is not JSON");
    return undefined;
  }
}

function jsonRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}
