import { CliUsageError, type CliIo } from "./command.js";
import { COMMANDS, loadCommand } from "./commands/index.js";
import { OutputError } from "./output.js";
import { toolInfo } from "./version.js";
import { UsageError } from "../project/errors.js";

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Pathfinder ${toolInfo().version}: finds insecure deserialization (CWE-502) in Python code and model files.

Usage: pathfinder <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Options:
  -h, --help     Show help (also: pathfinder <command> --help)
  -V, --version  Show the version

Quick start:
  pathfinder scan --ruleset python/PYTHON-LANG-SEC-040 --project .
`;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help" || first === "help") {
    const entry = first === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    const topic = entry && (await loadCommand(entry));
    io.stdout.write(topic ? topic.usage + "\n" : generalHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === "-V" || first === "--version" || first === "version") {
    io.stdout.write(`${toolInfo().version}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    const { closest } = await import("../rules/selection.js");
    const guess = closest(first, COMMANDS.map((c) => c.name));
    io.stderr.write(
      `pathfinder: error: unknown command "${first}"${guess ? ` (did you mean "${guess}"?)` : ""}\nRun "pathfinder --help" for the list of commands.\n`,
    );
    return 2;
  }
  const command = await loadCommand(entry);
  try {
    return await command.run(rest, io);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof CliUsageError || err.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`pathfinder ${command.name}: error: ${err.message}\nRun "pathfinder ${command.name} --help" for usage.\n`);
    } else if (e instanceof UsageError || e instanceof OutputError) {
      io.stderr.write(`pathfinder ${command.name}: error: ${err.message}\n`);
    } else {
      io.stderr.write(`pathfinder ${command.name}: internal error: ${err.stack ?? err.message}\n`);
    }
    return 2;
  }
}
