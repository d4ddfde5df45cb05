// Command-line parsing for every subcommand, with commander: `--flag=value`, `-pDIR`, bundled short flags, "did
// you mean" for mistyped flags, and errors in plain words. Commands describe their flags as a table in the
// `node:util` parseArgs shape (`SCAN_FLAGS` in scan-flags.ts), so adding a flag is adding a row.
import { Command as Commander, CommanderError, Option } from "commander";
import { CliUsageError } from "./command.js";

export interface FlagSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
}

export type FlagTable = Readonly<Record<string, Readonly<FlagSpec>>>;

type ValueOf<S extends Readonly<FlagSpec>> = S["type"] extends "boolean" ? boolean : S["multiple"] extends true ? string[] : string;

/** Values keyed by flag name, typed from the table (as parseArgs types them). */
export type FlagValues<T extends FlagTable> = { -readonly [K in keyof T]?: ValueOf<T[K]> };

export interface ParsedFlags<T extends FlagTable = FlagTable> {
  values: FlagValues<T>;
  positionals: string[];
}

/**
 * Parses `argv` against `flags` and returns values keyed by flag name (as parseArgs does) and the positional
 * arguments. A flag named `no-x` is a plain boolean named `no-x`. Mistakes throw a CliUsageError (exit 2).
 */
export function parseFlags<T extends FlagTable>(command: string, argv: readonly string[], flags: T, options: { positionals?: boolean } = {}): ParsedFlags<T> {
  const program = new Commander(command)
    .exitOverride()
    .helpOption(false)
    .allowExcessArguments(options.positionals ?? true)
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
  const attributes = new Map<string, string>();
  for (const [name, spec] of Object.entries(flags)) {
    // commander reads `--no-x` as "x = false"; ours are named flags of their own, so declare them under another
    // attribute name and map them back.
    const long = `--${name}`;
    const short = spec.short ? `-${spec.short}, ` : "";
    const option = new Option(`${short}${long}${spec.type === "string" ? " <value>" : ""}`);
    if (name.startsWith("no-")) {
      option.negate = false;
      option.attributeName = () => `flag_${name}`;
    }
    if (spec.multiple) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    program.addOption(option);
    attributes.set(name, option.attributeName());
  }
  if (options.positionals ?? true) program.argument("[paths...]");
  try {
    program.parse(normalizeShortEquals(argv, flags), { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) throw new CliUsageError(plain(error.message));
    throw error;
  }
  const opts = program.opts() as Record<string, string | boolean | string[] | undefined>;
  const values: Record<string, unknown> = {};
  for (const [name, attribute] of attributes) {
    if (opts[attribute] !== undefined) values[name] = opts[attribute];
  }
  return { values: values as FlagValues<T>, positionals: [...program.args] };
}

/** `-p=dir` means `-p dir` (commander, like parseArgs, would read the value "=dir"). */
function normalizeShortEquals(argv: readonly string[], flags: FlagTable): string[] {
  const withValue = new Set(Object.values(flags).filter((f) => f.type === "string" && f.short).map((f) => f.short!));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^-([A-Za-z])=(.*)$/s.exec(arg);
    if (m && withValue.has(m[1]!)) out.push(`-${m[1]}`, m[2]!);
    else out.push(arg);
  }
  return out;
}

/** commander's "error: unknown option '--rulset'\n(Did you mean --ruleset?)" -> one plain line. */
function plain(message: string): string {
  return message
    .replace(/^error:\s*/i, "")
    .replace(/\s*\n\s*\(Did you mean (.+?)\?\)\s*$/i, " (did you mean $1?)")
    .replace(/\s*\n\s*/g, " ")
    .trim();
}
