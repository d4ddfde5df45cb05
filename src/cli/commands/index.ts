import type { Command } from "../command.js";
import { ciCommand } from "../../ci/command.js";
import { inspectCommand } from "./inspect.js";
import { lspCommand } from "./lsp.js";
import { playgroundCommand } from "./playground.js";
import { rulesCommand } from "./rules.js";
import { scanCommand } from "./scan.js";
import { serveCommand } from "./serve.js";

/** Every subcommand, in the order `pathfinder --help` lists them. */
export const COMMANDS: Command[] = [scanCommand, ciCommand, inspectCommand, rulesCommand, playgroundCommand, lspCommand, serveCommand];
