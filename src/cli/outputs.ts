import { CliUsageError } from "./command.js";

/** One report to write: a format, and a file ("-" or undefined: standard output). */
export interface OutputTarget<F extends string = string> {
  format: F;
  file?: string;
}

/**
 * `--output FORMAT` or `--output FORMAT=FILE`, repeatable, so that one scan writes several reports; `--output-file`
 * names the file of the one output given without `=FILE`. At most one report goes to standard output.
 */
export function parseOutputs<F extends string>(
  values: readonly string[] | undefined,
  outputFile: string | undefined,
  allowed: readonly F[],
  fallback: F,
  /** Where the first output without a file goes when there is no `--output-file` (`ci`: the SARIF results file). */
  defaultFile?: string,
): OutputTarget<F>[] {
  const specs = values && values.length > 0 ? values : [fallback];
  const targets = specs.map((spec) => {
    const eq = spec.indexOf("=");
    const name = (eq < 0 ? spec : spec.slice(0, eq)).trim().toLowerCase();
    if (!(allowed as readonly string[]).includes(name)) {
      throw new CliUsageError(`unknown output format "${spec}" (use ${allowed.join(", ")}; FORMAT=FILE writes to a file)`);
    }
    const target: OutputTarget<F> = { format: name as F };
    if (eq >= 0) {
      const file = spec.slice(eq + 1).trim();
      if (file === "") throw new CliUsageError(`--output ${spec}: no file name after "="`);
      target.file = file;
    }
    return target;
  });
  const unnamed = targets.filter((t) => t.file === undefined);
  if (outputFile !== undefined) {
    if (unnamed.length !== 1) {
      throw new CliUsageError(
        unnamed.length === 0
          ? "--output-file: every --output already names its file (FORMAT=FILE)"
          : "--output-file applies to one output; name the others' files with --output FORMAT=FILE",
      );
    }
    unnamed[0]!.file = outputFile;
  } else if (defaultFile !== undefined && unnamed.length > 0) {
    unnamed[0]!.file = defaultFile;
  }
  const toStdout = targets.filter((t) => t.file === undefined || t.file === "-");
  if (toStdout.length > 1) {
    throw new CliUsageError(`only one report can go to standard output; give the others a file: --output ${toStdout[1]!.format}=FILE`);
  }
  return targets;
}
