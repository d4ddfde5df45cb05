import type { Command } from "../command.js";
import { inspectCommand } from "./inspect.js";
import { rulesCommand } from "./rules.js";
import { scanCommand } from "./scan.js";

/** Every subcommand, in the order `pathfinder --help` lists them. */
export const COMMANDS: Command[] = [scanCommand, inspectCommand, rulesCommand];
