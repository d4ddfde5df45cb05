import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFlags } from "../parse.js";
import { locate } from "../../project/grammars.js";
import { startStaticServer } from "../../project/static-server.js";
import { LANGUAGES } from "../../rules/languages.js";
import { CliUsageError, type Command } from "../command.js";
import { SUMMARIES } from "./summaries.js";

/** The built site, seen from the compiled module (build/src/cli/commands/) or from the CLI bundle (build/cli/). */
const DEFAULT_SITE =
  ["../../../../web-dist/", "../../web-dist/"].map((rel) => fileURLToPath(new URL(rel, import.meta.url))).find((dir) => existsSync(dir)) ??
  fileURLToPath(new URL("../../../../web-dist/", import.meta.url));

export const playgroundCommand: Command = {
  name: "playground",
  summary: SUMMARIES.playground,
  usage: `Usage: pathfinder playground [options]

Serves the web playground (live analysis of Python code as you type), the pickle inspector and the rule
pages from the built static site. Everything runs in your browser; nothing is uploaded anywhere.
The site is built by "npm run build:web" (also part of "npm run build") into web-dist/, a folder any
static host can serve.

Options:
      --port N      Port to listen on (default 8080; 0 picks a free port)
      --host HOST   Address to bind (default 127.0.0.1; use 0.0.0.0 to share on your network)
      --open        Open the playground in the default browser
      --dir DIR     Serve this built site instead of the bundled one
      --allow-host NAME  Also answer requests for this host name (repeatable). Requests naming any other host
                    than an IP address, localhost or the --host value are refused (DNS-rebinding protection)
  -h, --help        Show this help`,
  async run(argv, io) {
    const { values } = parseFlags(
      "playground",
      argv,
      {
        port: { type: "string" },
        host: { type: "string" },
        open: { type: "boolean" },
        dir: { type: "string" },
        "allow-host": { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      } as const,
      { positionals: false },
    );
    if (values.help) {
      io.stdout.write(this.usage + "\n");
      return 0;
    }
    const port = parsePort(values.port ?? "8080");
    const host = values.host ?? "127.0.0.1";
    const root = values.dir ? resolve(io.cwd, values.dir) : DEFAULT_SITE;
    if (!existsSync(resolve(root, "index.html"))) {
      throw new CliUsageError(
        values.dir ? `${root} does not contain a built site (no index.html)` : `the web site is not built yet: run "npm run build:web" (missing ${root})`,
      );
    }
    let server;
    try {
      // The Java, C# and PHP grammars the CLI ships, for a site folder without them (the npm package's).
      const fallbacks = Object.fromEntries(LANGUAGES.map((l) => [`assets/${l.grammarFile}`, locate(l.grammarFile, l.grammarPackagePath)]));
      server = await startStaticServer({ root, host, port, allowedHosts: values["allow-host"] ?? [], fallbacks });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      io.stderr.write(`pathfinder playground: error: cannot listen on ${host}:${port}: ${err.code ?? err.message}\n`);
      return 2;
    }
    io.stdout.write(`Pathfinder playground: ${server.url}\n`);
    if (!isLoopback(host)) io.stderr.write(`pathfinder playground: warning: listening on ${host}, reachable from other machines\n`);
    io.stderr.write("Press Ctrl+C to stop.\n");
    if (values.open) openBrowser(server.url, io.stderr);
    await untilSignalled();
    await server.close();
    return 0;
  },
};

function parsePort(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new CliUsageError(`--port: expected a number from 0 to 65535, got "${text}"`);
  return n;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

function openBrowser(url: string, stderr: NodeJS.WritableStream): void {
  const [command, args] =
    process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  const child = spawn(command, args as string[], { stdio: "ignore", detached: true });
  child.on("error", () => stderr.write(`pathfinder playground: could not open a browser; visit ${url}\n`));
  child.unref();
}
