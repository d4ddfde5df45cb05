import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { ServedProject } from "../../mcp/project-path.js";
import { CliUsageError, type Command } from "../command.js";
import { SUMMARIES } from "./summaries.js";

const SERVE_FLAGS = {
  project: { type: "string" },
  http: { type: "boolean" },
  port: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const DEFAULT_PORT = 7457;

export const serveCommand: Command = {
  name: "serve",
  summary: SUMMARIES.serve,
  usage: `Usage: pathfinder serve [--project DIR] [--http [--port N]]

Runs a Model Context Protocol server that lets coding agents (Claude Code, Cursor, VS Code, Codex, ...) use
Pathfinder on one project. Over standard input/output by default (the agent starts it); with --http, over
Streamable HTTP at http://127.0.0.1:PORT/mcp (loopback only). Paths the agent passes are relative to the project;
paths outside it, including through symbolic links, are refused. Nothing is written.

Tools:
  scan          scan a file or directory of the project, or a code snippet; findings as structured content
  explain_rule  a rule's documentation
  inspect_file  a model/data file's verdict, globals, calls and pseudo-Python (never loaded)
  list_rules    the rules, by language or bundle
  suggest_fix   automatic fixes as edits and a diff, and manual advice

Options:
      --project DIR  The project to serve (default: the current directory)
      --http         Serve Streamable HTTP on 127.0.0.1 instead of stdio
      --port N       Port for --http (default ${DEFAULT_PORT}; 0 picks a free one)
  -h, --help         Show this help`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: SERVE_FLAGS, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout.write(this.usage + "\n");
      return 0;
    }
    if (positionals.length) throw new CliUsageError(`unexpected argument "${positionals[0]}" (use --project DIR)`);
    if (values.port !== undefined && !values.http) throw new CliUsageError("--port needs --http");
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port: expected a port number, got "${values.port}"`);
    const log = (message: string) => void io.stderr.write(message + "\n");
    // The protocol libraries load only when the server runs, so other commands start without them. The project
    // comes from the same module as the tools, so they recognise its refusals.
    const { serveStdio, startHttpServer, ServedProject } = await import("../../mcp/serve.js");
    let project: ServedProject;
    try {
      project = new ServedProject(resolve(io.cwd, values.project ?? "."));
    } catch (e) {
      throw new CliUsageError(`--project: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? `no such directory "${values.project}"` : (e as Error).message}`);
    }
    if (values.http) {
      const server = await startHttpServer(project, port, log);
      io.stderr.write(`Pathfinder MCP server for ${project.root} listening on ${server.url}\n`);
      return new Promise<number>((done) => {
        const stop = () => void server.close().then(() => done(0));
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    }
    return serveStdio(project, io.stdout as NodeJS.WritableStream as import("node:stream").Writable, log);
  },
};
