import type { Command } from "../command.js";
import { playgroundCommand } from "./playground.js";
import { scanCommand } from "./scan.js";

/** Every subcommand, in the order `pathfinder --help` lists them. */
export const COMMANDS: Command[] = [scanCommand, playgroundCommand];
