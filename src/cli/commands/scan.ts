import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { atLeast } from "../../core/severity.js";
import type { ScanReport, Severity } from "../../core/types.js";
import { scanProject, type ScanOptions } from "../../project/scan.js";
import { OUTPUT_FORMATS, renderReport, summarize } from "../../report/index.js";
import { CliUsageError, type CliIo, type Command } from "../command.js";
import { writeOutput } from "../output.js";
import { parseFailOn, SCAN_FLAGS, SCAN_FLAGS_HELP, scanOptionsFrom, type ScanFlagValues } from "../scan-flags.js";
import { Progress, useColor } from "../terminal.js";

export const scanCommand: Command = {
  name: "scan",
  summary: "Scan a project for insecure deserialization",
  usage: `Usage: pathfinder scan [options] [PATH ...]

Scans Python source (and, where supported, model/data files) for insecure deserialization (CWE-502).
Exit codes: 0 success (also with findings unless --fail-on), 1 a finding at or above --fail-on,
2 usage or runtime error.

Examples:
  pathfinder scan --ruleset python/PYTHON-LANG-SEC-040 --project .
  pathfinder scan -p . -o sarif -f results.sarif --fail-on high
${SCAN_FLAGS_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: SCAN_FLAGS, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout.write(this.usage + "\n");
      return 0;
    }
    const format = parseFormat(values.output, OUTPUT_FORMATS);
    const failOn = parseFailOn(values["fail-on"]);
    const options = scanOptionsFrom(values as ScanFlagValues, positionals, io);
    const report = await runScan(options, values as ScanFlagValues, io);
    const toTerminal = !values["output-file"] || values["output-file"] === "-";
    const text = renderReport(format, report, {
      showSuppressed: values["show-suppressed"] ?? false,
      color: format === "text" && toTerminal && useColor(io.stdout, io.env),
      sourceLines: sourceLinesReader(report.scan.target),
    });
    await writeOutput(text, values["output-file"], io);
    if (!values.quiet && !toTerminal) reportWritten(report, values["output-file"]!, io);
    return exitCodeFor(report, failOn);
  },
};

/** Runs the scan with progress and verbose diagnostics on stderr. */
export async function runScan(options: ScanOptions, flags: ScanFlagValues, io: CliIo): Promise<ScanReport> {
  const progress = new Progress(io, !flags.quiet);
  progress.update("Discovering files...");
  const report = await scanProject({ ...options, onProgress: (done, total) => progress.update(`Analysing ${done}/${total} files`) });
  progress.done();
  if (flags.verbose) {
    for (const e of report.errors) io.stderr.write(`pathfinder: ${e.level}: ${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}\n`);
    io.stderr.write(
      `pathfinder: ${report.scan.filesScanned} files, ${report.scan.rulesExecuted.length} rules, ${report.scan.durationMs} ms\n`,
    );
  }
  return report;
}

export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  const format = (value ?? allowed[0]).toLowerCase();
  if (!(allowed as readonly string[]).includes(format)) {
    throw new CliUsageError(`unknown output format "${value}" (use ${allowed.join(", ")})`);
  }
  return format as T;
}

/** 1 when an unsuppressed finding is at or above the threshold, else 0. */
export function exitCodeFor(report: ScanReport, failOn: Severity | undefined): number {
  if (!failOn) return 0;
  return report.findings.some((f) => !f.suppressed && atLeast(f.severity, failOn)) ? 1 : 0;
}

/** Lets the text reporter show context lines around a finding; files are read once, on demand. */
function sourceLinesReader(root: string): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        const abs = statSync(root).isDirectory() ? join(root, file) : root;
        cache.set(file, readFileSync(abs, "utf8").split(/\r?\n/));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

function reportWritten(report: ScanReport, file: string, io: CliIo): void {
  const s = summarize(report);
  io.stderr.write(`pathfinder: ${s.total} finding${s.total === 1 ? "" : "s"} written to ${file}\n`);
}
