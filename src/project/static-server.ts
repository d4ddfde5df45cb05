// A small read-only HTTP server for a folder of static files (the built web site). GET and HEAD only; no
// directory listings; paths cannot leave the root, not even through symlinks.

import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { isIP, type AddressInfo } from "node:net";
import { extname, join, sep } from "node:path";

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".py": "text/plain; charset=utf-8",
  ".pkl": "application/octet-stream",
};

/** Same policy as the pages' own meta tag, plus what only a header can say (framing). */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface StaticServerOptions {
  /** Folder whose files are served. */
  root: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /**
   * Host names (besides IP addresses, `localhost` and the bound host) that requests may name in their `Host`
   * header. Any other name is refused, so a DNS-rebinding page cannot read what the server serves.
   */
  allowedHosts?: readonly string[];
  /**
   * Files served at these paths (`assets/tree-sitter-java.wasm`) when the folder lacks them: the npm package ships
   * the Java, C# and PHP grammars once, beside the CLI, and the playground fetches them from there.
   */
  fallbacks?: Readonly<Record<string, string>>;
}

export interface RunningServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = await realpath(options.root);
  const hostAllowed = hostChecker(options.host, options.allowedHosts ?? []);
  const server = createServer((req, res) => {
    if (!hostAllowed(req.headers.host)) {
      // A page on another name whose DNS now points here (DNS rebinding) must not read the site.
      return send(res, 403, "text/plain; charset=utf-8", "Forbidden: unknown Host header (see pathfinder playground --allow-host)\n");
    }
    handle(root, req, res, options.fallbacks ?? {}).catch(() => {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "Internal server error\n");
      else res.destroy();
    });
  });
  await listen(server, options.port, options.host);
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Accepts a `Host` header that names an IP address (a rebinding page cannot make a browser send one for its own
 * origin), `localhost` or a `*.localhost` name, the bound host, or an allowed name; with or without a port.
 */
export function hostChecker(boundHost: string, allowedHosts: readonly string[]): (header: string | undefined) => boolean {
  const allowed = new Set([boundHost, ...allowedHosts].map((h) => h.toLowerCase().replace(/^\[|\]$/g, "")));
  return (header) => {
    if (!header) return false;
    const m = /^(?:\[([0-9a-f:.]+)\]|([^:\[\]]+))(?::\d{1,5})?$/i.exec(header.trim());
    if (!m) return false;
    const name = (m[1] ?? m[2]).toLowerCase().replace(/\.$/, "");
    if (m[1] !== undefined || isIP(name) !== 0) return true;
    return name === "localhost" || name.endsWith(".localhost") || allowed.has(name);
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse, fallbacks: Readonly<Record<string, string>>): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return send(res, 405, "text/plain; charset=utf-8", "Method not allowed\n");
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return send(res, 400, "text/plain; charset=utf-8", "Bad request\n");
  }
  const segments = path.split("/").filter((s) => s !== "");
  if (path.includes("\0") || segments.some((s) => s === ".." || s === "." || s.includes("\\"))) {
    return send(res, 400, "text/plain; charset=utf-8", "Bad request\n");
  }
  const fallback = Object.hasOwn(fallbacks, segments.join("/")) ? fallbacks[segments.join("/")] : undefined;
  const resolved = (await resolveFile(root, segments, url.pathname.endsWith("/"))) ?? (fallback ? await fallbackFile(fallback) : undefined);
  if (resolved === "redirect") {
    // `/rules/ID` -> `/rules/ID/` so that the page's relative links resolve as on any static host.
    // Built from the checked segments: never `//host/`, which a browser would follow off-site.
    res.setHeader("Location", `/${segments.map(encodeURIComponent).join("/")}/${url.search}`);
    return send(res, 301, "text/plain; charset=utf-8", "Moved\n");
  }
  if (!resolved) return notFound(root, req, res);
  const type = MIME_TYPES[extname(resolved.file).toLowerCase()] ?? "application/octet-stream";
  securityHeaders(res);
  res.writeHead(200, { "Content-Type": type, "Content-Length": resolved.size, "Cache-Control": "no-cache" });
  if (req.method === "HEAD") return void res.end();
  await pipeFile(resolved.file, res);
}

type Resolved = { file: string; size: number } | "redirect" | undefined;

async function resolveFile(root: string, segments: string[], trailingSlash: boolean): Promise<Resolved> {
  const candidate = join(root, ...segments);
  const info = await safeStat(root, candidate);
  if (info?.isFile()) return { file: info.real, size: info.size };
  if (info?.isDirectory()) {
    const index = await safeStat(root, join(candidate, "index.html"));
    if (!index?.isFile()) return undefined;
    return segments.length && !trailingSlash ? "redirect" : { file: index.real, size: index.size };
  }
  return undefined;
}

async function fallbackFile(file: string): Promise<Resolved> {
  try {
    const info = await stat(file);
    return info.isFile() ? { file, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

async function safeStat(root: string, path: string) {
  try {
    const real = await realpath(path);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    const info = await stat(real);
    return Object.assign(info, { real });
  } catch {
    return undefined;
  }
}

async function notFound(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const page = await safeStat(root, join(root, "404.html"));
  securityHeaders(res);
  if (!page?.isFile()) return send(res, 404, "text/plain; charset=utf-8", "Not found\n");
  res.writeHead(404, { "Content-Type": MIME_TYPES[".html"]!, "Content-Length": page.size, "Cache-Control": "no-cache" });
  if (req.method === "HEAD") return void res.end();
  await pipeFile(page.real, res);
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  securityHeaders(res);
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function pipeFile(file: string, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on("error", reject);
    res.on("close", () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
