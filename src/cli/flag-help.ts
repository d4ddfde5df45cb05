// Help text generated from flag tables: each flag table (in `node:util` parseArgs shape) has a help table keyed
// by the same names, whose type requires an entry for every flag, so a flag cannot be added without its help line.
import type { FlagTable } from "./parse.js";

export interface FlagHelp {
  /** The argument's name in the usage column (`DIR`, `FORMAT[=FILE]`); none for booleans. */
  arg?: string;
  /** The description, one string per line (continuation lines sit under the description column). */
  text: string | readonly string[];
  /** The heading of the section the flag is listed under (`Diff options`); the table's default when absent. */
  group?: string;
}

/** One help entry per flag of `T`: the compiler rejects a table that misses one (or names one `T` lacks). */
export type FlagHelpTable<T extends FlagTable> = { readonly [K in keyof T]: FlagHelp };

/** A line that is not a flag (a positional argument), listed after the named flag. */
export interface ExtraHelpRow {
  after: string;
  usage: string;
  text: string;
}

const DESCRIPTION_COLUMN = 27;

/**
 * The options sections of a command's help: flags in the help table's order, grouped under their headings (in order
 * of first appearance; `title` for flags without a group), usage column then description column.
 */
export function flagHelpText<T extends FlagTable>(title: string, flags: T, help: FlagHelpTable<T>, extra: readonly ExtraHelpRow[] = []): string {
  const sections = new Map<string, string[]>();
  for (const name of Object.keys(help) as (keyof T & string)[]) {
    const entry = help[name];
    const short = flags[name]!.short;
    const usage = `${short ? `-${short}, ` : "    "}--${name}${entry.arg ? ` ${entry.arg}` : ""}`;
    const lines = sections.get(entry.group ?? title) ?? [];
    lines.push(helpRow(usage, entry.text));
    for (const row of extra) if (row.after === name) lines.push(helpRow(row.usage, row.text));
    sections.set(entry.group ?? title, lines);
  }
  return [...sections].map(([heading, lines]) => `\n${heading}:\n${lines.join("\n")}`).join("\n");
}

function helpRow(usage: string, text: string | readonly string[]): string {
  const left = `  ${usage}`;
  const [first = "", ...rest] = typeof text === "string" ? [text] : text;
  const head = left.length < DESCRIPTION_COLUMN ? left.padEnd(DESCRIPTION_COLUMN) : `${left}  `;
  return [head + first, ...rest.map((line) => " ".repeat(DESCRIPTION_COLUMN) + line)].join("\n");
}
