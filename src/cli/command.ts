/** One `pathfinder <name>` subcommand. Add new ones to `commands/index.ts`. */
export interface Command {
  name: string;
  /** One line for `pathfinder --help`. */
  summary: string;
  /** Full text for `pathfinder <name> --help`. */
  usage: string;
  /** Returns the exit code: 0 success, 1 findings at/above --fail-on (or a dangerous artifact), 2 usage/runtime error. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A command listed by name and summary whose module is imported only when it runs (see `commands/index.ts`). */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Read by `scan -` (default: the process's standard input). */
  stdin?: NodeJS.ReadableStream;
}

/** A mistake in how the command was called: printed with a usage hint, exit code 2. */
export class CliUsageError extends Error {}
