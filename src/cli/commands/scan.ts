import { readFileSync, statSync } from "node:fs";
import { parseFlags } from "../parse.js";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative } from "node:path";
import { atLeast } from "../../core/severity.js";
import type { ScanReport, Severity } from "../../core/types.js";
import type { FixResult } from "../../project/fix.js";
import { scanProject, type ScanOptions } from "../../project/scan.js";
import { OUTPUT_FORMATS, renderReport, renderStatistics, REPOSITORY_PATH_FORMATS, summarize } from "../../report/index.js";
import { CliUsageError, type CliIo, type Command } from "../command.js";
import { writeOutput } from "../output.js";
import { filterByTrust } from "../../core/trust.js";
import { parseFailOn, parseMinTrust, SCAN_FLAGS, SCAN_FLAGS_HELP, scanOptionsFrom, type ScanFlagValues } from "../scan-flags.js";
import { sanitizeForTerminal } from "../../report/terminal.js";
import { parseColorMode, Progress, useColor } from "../terminal.js";
import { parseOutputs } from "../outputs.js";
import { flagHelpText } from "../flag-help.js";
import { applyPerFileIgnores } from "../per-file-ignores.js";
import { repositoryPrefix } from "../repository-prefix.js";
import { SUMMARIES } from "./summaries.js";

/** Flags only `scan` has: fixing changes files, which CI commands never do. */
const FIX_FLAGS = {
  fix: { type: "boolean" },
  "dry-run": { type: "boolean" },
} as const;

const FIX_FLAGS_HELP = flagHelpText("Fix options", FIX_FLAGS, {
  fix: {
    text: [
      "Apply the automatic fixes some findings carry (e.g. yaml.load -> yaml.safe_load),",
      "then report the findings that remain. Files changed since the scan are left alone;",
      "overlapping fixes are skipped (run --fix again). What was fixed is listed on stderr",
    ],
  },
  "dry-run": {
    text: [
      "With --fix: print the changes as a unified diff on stdout and change nothing",
      "(the report is only written with --output-file)",
    ],
  },
});

export const scanCommand: Command = {
  name: "scan",
  summary: SUMMARIES.scan,
  usage: `Usage: pathfinder scan [options] [PATH ...]

Scans Python source (and, where supported, model/data files) for insecure deserialization (CWE-502).
Exit codes: 0 success (also with findings unless --fail-on), 1 a finding at or above --fail-on,
2 usage or runtime error.

Examples:
  pathfinder scan --ruleset python/PYTHON-LANG-SEC-040 --project .
  pathfinder scan -p . -o sarif -f results.sarif --fail-on high
  pathfinder scan -o sarif=results.sarif -o text     (one scan, two reports)
  git show HEAD:app.py | pathfinder scan - --stdin-filename app.py
  pathfinder scan --exclude-rule PYTHON-ML-SEC-001 --statistics
  pathfinder scan --min-trust untrusted --fail-on high   (only calls untrusted data reaches)
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
    const { values, positionals } = parseFlags("scan", argv, { ...SCAN_FLAGS, ...FIX_FLAGS });
    if (values.help) {
      io.stdout.write(this.usage + "\n");
      return 0;
    }
    const flags = values as ScanFlagValues;
    if (values["dry-run"] && !values.fix) throw new CliUsageError("--dry-run only works together with --fix");
    const stdin = positionals.length === 1 && positionals[0] === "-";
    if (stdin && values.fix) throw new CliUsageError("--fix cannot change standard input");
    if (flags["stdin-filename"] !== undefined && !stdin) throw new CliUsageError('--stdin-filename only applies to the path "-" (standard input)');
    const options = scanOptionsFrom(flags, stdin ? [] : positionals, io);
    const outputs = parseOutputs(flags.output, flags["output-file"], OUTPUT_FORMATS, "text");
    const colorMode = parseColorMode(flags.color);
    const failOn = parseFailOn(flags["fail-on"]);
    const minTrust = parseMinTrust(flags["min-trust"]);
    const digests = new Map<string, string>();
    // Fixing and standard input load what they need (the fixer; node:fs/promises) only when asked for.
    const fixer = values.fix ? await import("../../project/fix.js") : undefined;
    if (fixer) options.onSourceRead = (file, bytes) => digests.set(file.relPath, fixer.sourceDigest(bytes));
    let report = stdin ? await scanStandardInput(options, flags, io) : await runScan(options, flags, io);
    if (fixer) {
      const dryRun = values["dry-run"] ?? false;
      const fixes = await fixer.applyFixes(report.findings, { target: report.scan.target, dryRun, scanned: digests });
      reportFixes(fixes, dryRun, values.quiet ?? false, io);
      if (dryRun) {
        // Exact bytes for `git apply` when redirected; on a terminal, control characters from file names and
        // source lines are shown as escapes instead of being obeyed.
        io.stdout.write(io.stdout.isTTY ? sanitizeLines(fixes.diff) : fixes.diff);
      } else {
        const fixed = new Set(fixes.fixed);
        report = { ...report, findings: report.findings.filter((f) => !fixed.has(f)) };
      }
    }
    report = filterByTrust(report, minTrust);
    // Only some formats name files from the repository root; the others need not find it.
    const pathPrefix = flags["sarif-root"] !== undefined || outputs.some((o) => REPOSITORY_PATH_FORMATS.has(o.format)) ? await repositoryPrefix(report.scan.target, flags["sarif-root"], io.cwd) : "";
    const docsBase = flags["docs-url"] ?? (io.env.PATHFINDER_DOCS_URL || undefined);
    const readLines = stdin ? () => undefined : sourceLinesReader(report.scan.target);
    for (const output of outputs) {
      const toStdout = output.file === undefined || output.file === "-";
      // With --fix --dry-run the diff owns standard output.
      if (toStdout && values["dry-run"]) continue;
      const text =
        flags.statistics && output.format === "text"
          ? renderStatistics(report, flags["show-suppressed"] ?? false)
          : renderReport(output.format, report, {
              showSuppressed: flags["show-suppressed"] ?? false,
              color: output.format === "text" && toStdout && useColor(io.stdout, io.env, colorMode),
              sourceLines: readLines,
              pathPrefix,
              ...(docsBase ? { docsBase } : {}),
            });
      await writeOutput(text, output.file, io);
      if (!values.quiet && !toStdout) reportWritten(report, output.format, output.file!, io);
    }
    return exitCodeFor(report, failOn);
  },
};

/**
 * `scan -`: the bytes on standard input are scanned as the file `--stdin-filename` (default `stdin.py`) of the
 * project, as Ruff and Bandit do for editors and pipes. They are written to a private temporary folder (the
 * scanner reads files; it never runs them) that is removed afterwards; findings name the given file.
 */
async function scanStandardInput(options: ScanOptions, flags: ScanFlagValues, io: CliIo): Promise<ScanReport> {
  const name = (flags["stdin-filename"] ?? "stdin.py").split("\\").join("/").replace(/^(\.\/)+/, "");
  const project = options.target;
  const relPath = isAbsolute(name) ? relative(project, name).split("\\").join("/") : name;
  if (relPath === "" || relPath.startsWith("../") || relPath === ".." || relPath.split("/").includes("..")) {
    throw new CliUsageError(`--stdin-filename ${name}: must name a file inside the project directory ${project}`);
  }
  const bytes = await readStream(io.stdin ?? process.stdin);
  const { mkdir, mkdtemp, rm, writeFile } = await import("node:fs/promises");
  const folder = await mkdtemp(join(tmpdir(), "pathfinder-stdin-"));
  try {
    const file = join(folder, ...relPath.split("/"));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    const report = await runScan({ ...options, target: folder, include: [relPath], gitignore: false }, flags, io);
    return applyPerFileIgnores({ ...report, scan: { ...report.scan, target: project } }, options.config);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer | string) => chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
    stream.on("end", () => resolvePromise(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/** Runs the scan with progress and verbose diagnostics on stderr. */
export async function runScan(options: ScanOptions, flags: ScanFlagValues, io: CliIo): Promise<ScanReport> {
  if (flags.verbose) io.stderr.write(`pathfinder: ${options.config?.file ? `configuration: ${options.config.file}` : "no configuration file"}\n`);
  const progress = new Progress(io, !flags.quiet);
  progress.update("Discovering files...");
  const scanned = await scanProject({ ...options, onProgress: (done, total) => progress.update(`Analysing ${done}/${total} files`) });
  progress.done();
  const report = applyPerFileIgnores(scanned, options.config);
  if (flags.verbose) {
    for (const e of report.errors) io.stderr.write(`pathfinder: ${e.level}: ${sanitizeForTerminal(`${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`)}\n`);
    io.stderr.write(
      `pathfinder: ${plural(report.scan.filesScanned, "file")}, ${plural(report.scan.rulesExecuted.length, "rule")}, ${report.scan.durationMs} ms\n`,
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

function reportWritten(report: ScanReport, format: string, file: string, io: CliIo): void {
  const s = summarize(report);
  io.stderr.write(`pathfinder: ${plural(s.total, "finding")} written to ${file} (${format})\n`);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
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
