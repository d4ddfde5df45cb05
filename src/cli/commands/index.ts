import type { Command, CommandEntry } from "../command.js";
import { SUMMARIES } from "./summaries.js";

/** An entry whose module is imported only when the command runs (or its help is asked for). */
function lazy(name: keyof typeof SUMMARIES, load: () => Promise<Command>): CommandEntry {
  return { name, summary: SUMMARIES[name], load };
}

/**
 * Every subcommand, in the order `pathfinder --help` lists them. Each is loaded on use: a run compiles only its own
 * command's code (`scan` never loads the CI client, `--version` loads none of them).
 */
export const COMMANDS: (Command | CommandEntry)[] = [
  lazy("scan", async () => (await import("./scan.js")).scanCommand),
  lazy("ci", async () => (await import("../../ci/command.js")).ciCommand),
  lazy("inspect", async () => (await import("./inspect.js")).inspectCommand),
  lazy("rules", async () => (await import("./rules.js")).rulesCommand),
  lazy("playground", async () => (await import("./playground.js")).playgroundCommand),
  lazy("lsp", async () => (await import("./lsp.js")).lspCommand),
  lazy("serve", async () => (await import("./serve.js")).serveCommand),
];

/** The command itself, loading its module when it is listed lazily. */
export async function loadCommand(entry: Command | CommandEntry): Promise<Command> {
  return "load" in entry ? entry.load() : entry;
}
