// `pathfinder ci`: `scan` plus diff awareness, baselines, pull request comments and CI report formats.
import { resolve } from "node:path";
import { parseFlags } from "../cli/parse.js";
import { isSeverity } from "../core/severity.js";
import { SEVERITIES, type Severity } from "../core/types.js";
import { OUTPUT_FORMATS, renderReport, renderStatistics } from "../report/index.js";
import { CliUsageError, type CliIo, type Command } from "../cli/command.js";
import { runScan } from "../cli/commands/scan.js";
import { parseOutputs } from "../cli/outputs.js";
import { repositoryPrefix } from "../cli/repository-prefix.js";
import { parseColorMode, useColor } from "../cli/terminal.js";
import { writeOutput } from "../cli/output.js";
import { parseFailOn, parseMinTrust, SCAN_FLAGS, SCAN_FLAGS_HELP, scanOptionsFrom, type ScanFlagValues } from "../cli/scan-flags.js";
import { UsageError } from "../project/scan.js";
import { BaselineError } from "./baseline.js";
import type { DiffScope } from "./diff-filter.js";
import { redact } from "./github/redact.js";
import { baseConfigIfEdited } from "./base-config.js";
import { runCi, type CiOutcome } from "./run.js";
import { flagHelpText, type FlagHelpTable } from "../cli/flag-help.js";
import { SUMMARIES } from "../cli/commands/summaries.js";

export const DEFAULT_RESULTS_FILE = "pathfinder-results.sarif";

/** The flags only `ci` has; CI_FLAGS adds the scan flags. */
const CI_ONLY_FLAGS = {
  base: { type: "string" },
  head: { type: "string" },
  "no-diff": { type: "boolean" },
  "no-fetch": { type: "boolean" },
  "diff-scope": { type: "string" },
  baseline: { type: "string" },
  "write-baseline": { type: "string" },
  "github-token": { type: "string" },
  "github-repo": { type: "string" },
  "github-pr": { type: "string" },
  "github-api-url": { type: "string" },
  "pr-comment": { type: "boolean" },
  "pr-inline": { type: "boolean" },
  "pr-inline-min-severity": { type: "string" },
} as const;

const CI_FLAGS = { ...SCAN_FLAGS, ...CI_ONLY_FLAGS };

const DIFF = "Diff options";
const BASELINE = "Baseline options";
const GITHUB = "GitHub pull request options (each falls back to the GitHub Actions environment)";

const CI_FLAG_HELP: FlagHelpTable<typeof CI_ONLY_FLAGS> = {
  base: {
    group: DIFF,
    arg: "REF",
    text: [
      "Compare with the merge base of REF and --head (default: origin/$GITHUB_BASE_REF",
      "or origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME; without any, every finding is new)",
    ],
  },
  head: { group: DIFF, arg: "REF", text: "The revision under review (default: HEAD)" },
  "no-diff": { group: DIFF, text: "Count every finding as new (comments, exit code), not only those the change adds" },
  "no-fetch": {
    group: DIFF,
    text: [
      "Never fetch a base the checkout lacks (by default, in CI, a shallow clone's missing",
      "base branch and history are fetched from origin)",
    ],
  },
  "diff-scope": { group: DIFF, arg: "SCOPE", text: "line (default): findings on added or changed lines; file: findings in changed files" },
  baseline: { group: BASELINE, arg: "FILE", text: "Ignore findings whose fingerprint is listed in FILE" },
  "write-baseline": { group: BASELINE, arg: "FILE", text: "Write every current finding's fingerprint to FILE" },
  "pr-comment": { group: GITHUB, text: "Create or update one summary comment on the pull request" },
  "pr-inline": { group: GITHUB, text: "Comment new findings on the changed lines (one review per run)" },
  "pr-inline-min-severity": { group: GITHUB, arg: "SEV", text: "Lowest severity commented inline (default: high)" },
  "github-token": { group: GITHUB, arg: "TOKEN", text: "Token (default: $GITHUB_TOKEN)" },
  "github-repo": { group: GITHUB, arg: "OWNER/REPO", text: "Repository (default: $GITHUB_REPOSITORY)" },
  "github-pr": { group: GITHUB, arg: "N", text: "Pull request number (default: from $GITHUB_EVENT_PATH)" },
  "github-api-url": { group: GITHUB, arg: "URL", text: "REST API root for GitHub Enterprise (default: $GITHUB_API_URL or api.github.com)" },
};

type CiFlagValues = ScanFlagValues & {
  help?: boolean;
  base?: string;
  head?: string;
  "no-diff"?: boolean;
  "no-fetch"?: boolean;
  "diff-scope"?: string;
  baseline?: string;
  "write-baseline"?: string;
  "github-token"?: string;
  "github-repo"?: string;
  "github-pr"?: string;
  "github-api-url"?: string;
  "pr-comment"?: boolean;
  "pr-inline"?: boolean;
  "pr-inline-min-severity"?: string;
};

const USAGE = `Usage: pathfinder ci [options] [PATH ...]

Scans like "pathfinder scan" and writes every finding as SARIF to ${DEFAULT_RESULTS_FILE} (code scanning
closes alerts missing from an upload, so the report is never diff-filtered). Pull request comments, the
console summary and the exit code consider only the findings on lines the change adds or modifies (compared
with the merge base of --base and --head); findings elsewhere are counted as "already present".
Exit codes: 0 success, 1 a new finding at or above --fail-on, 2 usage or runtime error.
GitHub API failures are reported as warnings and change neither the report nor the exit code.

Examples:
  pathfinder ci --base origin/main --fail-on high
  pathfinder ci --pr-comment --pr-inline          (in GitHub Actions, on pull_request events)
  pathfinder ci --no-diff -o gitlab-sast -f gl-sast-report.json

${flagHelpText(DIFF, CI_ONLY_FLAGS, CI_FLAG_HELP).trimStart()}

Output formats for ci: ${OUTPUT_FORMATS.join(", ")} (default: sarif; -f - writes to standard output)
${SCAN_FLAGS_HELP}`;

function parseScope(value: string | undefined): DiffScope {
  const scope = (value ?? "line").toLowerCase();
  if (scope !== "line" && scope !== "file") throw new CliUsageError(`--diff-scope: expected line or file, got "${value}"`);
  return scope;
}

function parseSeverity(flag: string, value: string | undefined, fallback: Severity): Severity {
  if (value === undefined) return fallback;
  const severity = value.trim().toLowerCase();
  if (!isSeverity(severity)) throw new CliUsageError(`${flag}: unknown severity "${value}" (use ${SEVERITIES.join(", ")})`);
  return severity;
}

function parsePullNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliUsageError(`--github-pr: expected a pull request number, got "${value}"`);
  return n;
}

export interface CiCommandResult {
  exitCode: number;
  outcome: CiOutcome;
  /** Where the report went: a path, or "-" for standard output. */
  outputFile: string;
  /** Where the scanned folder sits in the repository (`services/ml/`): links name repository paths. */
  pathPrefix: string;
}

/** Runs `pathfinder ci` and returns what happened (the GitHub Action reads the outcome for its outputs). */
export async function executeCi(argv: string[], io: CliIo): Promise<CiCommandResult | number> {
  const { values: parsed, positionals } = parseFlags("ci", argv, CI_FLAGS);
  const values = parsed as CiFlagValues;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = scanOptionsFrom(values, positionals, io);
  const outputs = parseOutputs(values.output, values["output-file"], OUTPUT_FORMATS, "sarif", DEFAULT_RESULTS_FILE);
  const failOn = parseFailOn(values["fail-on"]);
  const minTrust = parseMinTrust(values["min-trust"]);
  const scope = parseScope(values["diff-scope"]);
  const inlineMinSeverity = parseSeverity("--pr-inline-min-severity", values["pr-inline-min-severity"], "high");
  const pr = parsePullNumber(values["github-pr"]);
  const outputFile = outputs.find((o) => o.format === "sarif")?.file ?? outputs[0]!.file ?? "-";

  const edited = values["no-diff"]
    ? undefined
    : await baseConfigIfEdited(
        { project: options.target, explicit: values.config, disabled: values["no-config"], cwd: io.cwd },
        options.config,
        { base: values.base, head: values.head, env: io.env },
      );
  if (edited) {
    options.config = edited.config;
    io.stderr.write(`pathfinder ci: warning: ${edited.warning.message}\n`);
  }
  const report = await runScan(options, values, io);
  if (edited) report.errors.unshift(edited.warning);
  const github: Parameters<typeof runCi>[1]["github"]["flags"] = {};
  if (values["github-token"]) github.token = values["github-token"];
  if (values["github-repo"]) github.repo = values["github-repo"];
  if (pr !== undefined) github.pr = pr;
  if (values["github-api-url"]) github.apiUrl = values["github-api-url"];
  const diff: Parameters<typeof runCi>[1]["diff"] = { enabled: !values["no-diff"], scope, fetch: !values["no-fetch"] };
  if (values.base) diff.base = values.base;
  if (values.head) diff.head = values.head;

  const ciOptions: Parameters<typeof runCi>[1] = {
    targetDir: options.target,
    diff,
    failOn: failOn ?? "none",
    minTrust,
    env: io.env,
    github: {
      flags: github,
      comment: values["pr-comment"] ?? false,
      inline: values["pr-inline"] ?? false,
      inlineMinSeverity,
    },
  };
  // Paths in messages stay as the user typed them; files are opened relative to the command's cwd.
  if (values.baseline) ciOptions.baselinePath = resolve(io.cwd, values.baseline);
  if (values["write-baseline"]) ciOptions.writeBaselinePath = resolve(io.cwd, values["write-baseline"]);
  let outcome: CiOutcome;
  try {
    outcome = await runCi(report, ciOptions);
  } catch (error) {
    // A baseline the user named but that cannot be used is a problem with the request: exit code 2.
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }

  const pathPrefix =
    values["sarif-root"] !== undefined || !outcome.diff
      ? await repositoryPrefix(options.target, values["sarif-root"], io.cwd)
      : outcome.diff.pathPrefix;
  const docsBase = values["docs-url"] ?? (io.env.PATHFINDER_DOCS_URL || undefined);
  const colorMode = parseColorMode(values.color);
  for (const output of outputs) {
    const toStdout = output.file === undefined || output.file === "-";
    const text =
      values.statistics && output.format === "text"
        ? renderStatistics(outcome.report, values["show-suppressed"] ?? false)
        : renderReport(output.format, outcome.report, {
            showSuppressed: values["show-suppressed"] ?? false,
            color: output.format === "text" && toStdout && useColor(io.stdout, io.env, colorMode),
            pathPrefix,
            ...(docsBase ? { docsBase } : {}),
          });
    await writeOutput(text, output.file, io);
  }

  const secrets = [values["github-token"], io.env.GITHUB_TOKEN];
  for (const warning of outcome.warnings) io.stderr.write(`pathfinder ci: warning: ${redact(warning, secrets)}\n`);
  if (!values.quiet) {
    for (const message of outcome.messages) io.stderr.write(`pathfinder ci: ${redact(message, secrets)}\n`);
    for (const output of outputs) {
      if (output.file !== undefined && output.file !== "-") io.stderr.write(`pathfinder ci: ${output.format} report written to ${output.file}\n`);
    }
  }
  return { exitCode: outcome.exitCode, outcome, outputFile, pathPrefix };
}

export const ciCommand: Command = {
  name: "ci",
  summary: SUMMARIES.ci,
  usage: USAGE,
  async run(argv, io) {
    const result = await executeCi(argv, io);
    return typeof result === "number" ? result : result.exitCode;
  },
};
