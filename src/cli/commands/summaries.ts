/**
 * The one-line summary of each command, for `pathfinder --help`: kept apart from the commands' modules so that the
 * help and the command list need none of them loaded (see `COMMANDS`).
 */
export const SUMMARIES = {
  scan: "Scan a project for insecure deserialization",
  ci: "Scan in CI: new findings decide comments and the exit code, full SARIF report, baselines",
  inspect: "Show what a model/data file would do when unpickled",
  rules: "List the rules or show one rule's documentation",
  playground: "Serve the interactive playground, pickle inspector and rule pages locally",
  lsp: "Run the language server (LSP over stdio) for editors",
  serve: "Run the MCP server for coding agents (stdio, or --http on 127.0.0.1)",
} as const;
