import { parseArgs } from "node:util";
import { CliUsageError, type Command } from "../command.js";
import { SUMMARIES } from "./summaries.js";

const LSP_FLAGS = {
  stdio: { type: "boolean" },
  "clientProcessId": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export const lspCommand: Command = {
  name: "lsp",
  summary: SUMMARIES.lsp,
  usage: `Usage: pathfinder lsp [--stdio]

Runs the Pathfinder language server over standard input and output (the Language Server Protocol). Editors start
it themselves; see the README for VS Code, Neovim, Helix and Zed. It reports findings in open Python files as
you type, model/data files (.pkl, .pt, .joblib, ...) when they are opened or saved, and the whole workspace when
it starts (with progress). Quick fixes apply the --fix edit or add "# pathfinder: ignore[RULE-ID]"; hovering a
finding shows the rule's documentation.

Settings (LSP workspace/configuration section "pathfinder", or initializationOptions):
  rulesets         list of --ruleset values (default: every rule)
  minimumSeverity  critical, high, medium or low (default low: show everything)
  picklePolicy     denylist (default) or allowlist
  pickleAllow      globals trusted in allowlist mode (module.Name or module.*)
  configFile       a configuration file instead of the pathfinder.toml/pyproject.toml found from the workspace
  noConfig         true to ignore configuration files
  scanWorkspace    false to analyse open files only (default true)
  cache            false to keep no analysis cache for workspace scans (default true: .pathfinder_cache, as the CLI)
  debounceMs       quiet time after a keystroke before re-analysing (default 250)

Options:
      --stdio   Talk over standard input/output (the default and only transport)
  -h, --help    Show this help`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: LSP_FLAGS, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout.write(this.usage + "\n");
      return 0;
    }
    if (positionals.length) throw new CliUsageError(`unexpected argument "${positionals[0]}"`);
    const { runStdioLanguageServer } = await import("../../lsp/stdio.js");
    return runStdioLanguageServer(io.stdout);
  },
};
