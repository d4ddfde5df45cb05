import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { atLeast } from "../../core/severity.js";
import type { ScanReport, Severity } from "../../core/types.js";
import { applyFixes, sourceDigest, type FixResult } from "../../project/fix.js";
import { scanProject, type ScanOptions } from "../../project/scan.js";
import { OUTPUT_FORMATS, renderReport, summarize } from "../../report/index.js";
import { CliUsageError, type CliIo, type Command } from "../command.js";
import { writeOutput } from "../output.js";
import { parseFailOn, SCAN_FLAGS, SCAN_FLAGS_HELP, scanOptionsFrom, type ScanFlagValues } from "../scan-flags.js";
import { sanitizeForTerminal } from "../../report/terminal.js";
import { Progress, useColor } from "../terminal.js";

/** Flags only `scan` has: fixing changes files, which CI commands never do. */
const FIX_FLAGS = {
  fix: { type: "boolean" },
  "dry-run": { type: "boolean" },
} as const;

const FIX_FLAGS_HELP = `
Fix options:
      --fix                Apply the automatic fixes some findings carry (e.g. yaml.load -> yaml.safe_load),
                           then report the findings that remain. Files changed since the scan are left alone;
                           overlapping fixes are skipped (run --fix again). What was fixed is listed on stderr
      --dry-run            With --fix: print the changes as a unified diff on stdout and change nothing
                           (the report is only written with --output-file)`;

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
  pathfinder scan --fix --dry-run > fixes.diff
  pathfinder scan --config ci/pathfinder.toml

Configuration (pathfinder.toml, or [tool.pathfinder] in pyproject.toml):
  exclude = ["legacy/**"]              # relative to the configuration file
  disable = ["PYTHON-ML-SEC-001"]
  [rules.PYTHON-LANG-SEC-040]          # [tool.pathfinder.rules.PYTHON-LANG-SEC-040] in pyproject.toml
  extra-sinks = ["myapp.cache.load_blob"]
  severity = "critical"
${SCAN_FLAGS_HELP}
${FIX_FLAGS_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: { ...SCAN_FLAGS, ...FIX_FLAGS }, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout.write(this.usage + "\n");
      return 0;
    }
    if (values["dry-run"] && !values.fix) throw new CliUsageError("--dry-run only works together with --fix");
    const format = parseFormat(values.output, OUTPUT_FORMATS);
    const failOn = parseFailOn(values["fail-on"]);
    const options = scanOptionsFrom(values as ScanFlagValues, positionals, io);
    const digests = new Map<string, string>();
    if (values.fix) options.onSourceRead = (file, bytes) => digests.set(file.relPath, sourceDigest(bytes));
    let report = await runScan(options, values as ScanFlagValues, io);
    const toTerminal = !values["output-file"] || values["output-file"] === "-";
    if (values.fix) {
      const dryRun = values["dry-run"] ?? false;
      const fixes = await applyFixes(report.findings, { target: report.scan.target, dryRun, scanned: digests });
      reportFixes(fixes, dryRun, values.quiet ?? false, io);
      if (dryRun) {
        // Exact bytes for `git apply` when redirected; on a terminal, control characters from file names and
        // source lines are shown as escapes instead of being obeyed.
        io.stdout.write(io.stdout.isTTY ? sanitizeLines(fixes.diff) : fixes.diff);
      } else {
        const fixed = new Set(fixes.fixed);
        report = { ...report, findings: report.findings.filter((f) => !fixed.has(f)) };
      }
      if (dryRun && toTerminal) return exitCodeFor(report, failOn);
    }
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
  if (flags.verbose) io.stderr.write(`pathfinder: ${options.config ? `configuration: ${options.config.file}` : "no configuration file"}\n`);
  const progress = new Progress(io, !flags.quiet);
  progress.update("Discovering files...");
  const report = await scanProject({ ...options, onProgress: (done, total) => progress.update(`Analysing ${done}/${total} files`) });
  progress.done();
  if (flags.verbose) {
    for (const e of report.errors) io.stderr.write(`pathfinder: ${e.level}: ${sanitizeForTerminal(`${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`)}\n`);
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

/** Each line made safe for a terminal; the line breaks (LF, or CRLF, which shows nothing) stay. */
function sanitizeLines(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.endsWith("\r") ? sanitizeForTerminal(line.slice(0, -1)) + "\r" : sanitizeForTerminal(line)))
    .join("\n");
}

function reportWritten(report: ScanReport, file: string, io: CliIo): void {
  const s = summarize(report);
  io.stderr.write(`pathfinder: ${s.total} finding${s.total === 1 ? "" : "s"} written to ${file}\n`);
}

/** What --fix did (or would do), on stderr: one line per fix, then a summary. Skipped fixes are always listed. */
function reportFixes(result: FixResult, dryRun: boolean, quiet: boolean, io: CliIo): void {
  const where = (f: FixResult["fixed"][number]) => sanitizeForTerminal(`${f.location.file}:${f.location.line}:${f.location.column} ${f.ruleId}`);
  const verb = dryRun ? "would fix" : "fixed";
  if (!quiet) for (const f of result.fixed) io.stderr.write(`pathfinder: ${verb} ${where(f)}: ${sanitizeForTerminal(f.fix!.description)}\n`);
  for (const s of result.skipped) io.stderr.write(`pathfinder: warning: not fixed ${where(s.finding)}: ${sanitizeForTerminal(s.reason)}\n`);
  if (quiet) return;
  const n = result.fixed.length;
  const files = result.files.length;
  const skipped = result.skipped.length ? ` (${result.skipped.length} not fixed)` : "";
  io.stderr.write(
    n
      ? `pathfinder: ${verb} ${n} finding${n === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}${skipped}\n`
      : `pathfinder: no fixes to apply${skipped}\n`,
  );
}
