// The GitHub Action: reads `with:` inputs from the environment, runs `pathfinder ci`, sets the outputs.
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { CliUsageError, type CliIo } from "../cli/command.js";
import { OutputError } from "../cli/output.js";
import { UsageError } from "../project/scan.js";
import { executeCi } from "./command.js";
import type { Finding } from "../core/types.js";
import { repositoryPath } from "./diff-filter.js";
import { blobUrl, renderSummary, type SummaryInput } from "./github/markdown.js";
import { redact } from "./github/redact.js";
import type { CiOutcome } from "./run.js";

/** Every input action.yml declares (a test keeps the two in step). */
export const ACTION_INPUTS = [
  "project", "ruleset", "include", "exclude", "skip-tests", "max-file-size", "jobs", "show-suppressed",
  "config", "pickle-policy", "pickle-allow",
  "output", "output-file", "fail-on", "diff", "diff-scope", "base", "head", "baseline", "write-baseline",
  "github-token", "github-api-url", "pr-comment", "pr-inline", "pr-inline-min-severity", "min-trust",
] as const;

/** Inputs as GitHub passes them: `INPUT_<NAME>` with the name upper-cased and spaces made underscores. */
export function actionInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

function booleanInput(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = actionInput(env, name).toLowerCase();
  if (value === "") return fallback;
  if (["true", "yes", "on"].includes(value)) return true;
  if (["false", "no", "off"].includes(value)) return false;
  throw new Error(`input "${name}" must be true or false, got "${value}"`);
}

/** Multi-value inputs: one value per line, or comma-separated. */
function listInput(env: NodeJS.ProcessEnv, name: string): string[] {
  return actionInput(env, name)
    .split(/[\n,]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Translates the action's inputs into `pathfinder ci` arguments. */
export function ciArgumentsFromInputs(env: NodeJS.ProcessEnv): string[] {
  const args = ["ci"];
  const single = (flag: string, input: string) => {
    const value = actionInput(env, input);
    if (value) args.push(`--${flag}`, value);
  };
  single("project", "project");
  for (const ruleset of listInput(env, "ruleset")) args.push("--ruleset", ruleset);
  for (const glob of listInput(env, "exclude")) args.push("--exclude", glob);
  for (const glob of listInput(env, "include")) args.push("--include", glob);
  if (booleanInput(env, "skip-tests", false)) args.push("--skip-tests");
  if (booleanInput(env, "show-suppressed", false)) args.push("--show-suppressed");
  single("max-file-size", "max-file-size");
  single("jobs", "jobs");
  single("config", "config");
  single("pickle-policy", "pickle-policy");
  for (const global of listInput(env, "pickle-allow")) args.push("--pickle-allow", global);
  single("output", "output");
  single("output-file", "output-file");
  single("fail-on", "fail-on");
  single("min-trust", "min-trust");
  single("base", "base");
  single("head", "head");
  if (!booleanInput(env, "diff", true)) args.push("--no-diff");
  single("diff-scope", "diff-scope");
  single("baseline", "baseline");
  single("write-baseline", "write-baseline");
  single("github-api-url", "github-api-url");
  single("pr-inline-min-severity", "pr-inline-min-severity");
  // Comments need a pull request; on push or schedule events they are skipped quietly.
  const onPullRequest = (env.GITHUB_EVENT_NAME ?? "").startsWith("pull_request");
  if (onPullRequest && booleanInput(env, "pr-comment", true)) args.push("--pr-comment");
  if (onPullRequest && booleanInput(env, "pr-inline", true)) args.push("--pr-inline");
  return args;
}

function setOutput(env: NodeJS.ProcessEnv, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `pathfinder_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** The same overview as the pull request summary comment, for the workflow run's summary page. */
function jobSummary(outcome: CiOutcome, prefix: string, env: NodeJS.ProcessEnv): string {
  const sha = outcome.diff?.target.headSha ?? env.GITHUB_SHA ?? "HEAD";
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const pathOf = (finding: Finding) => repositoryPath(finding, prefix);
  const input: SummaryInput = {
    tool: outcome.report.tool,
    introduced: outcome.introduced,
    preexisting: outcome.preexisting,
    notInline: [],
    baselined: outcome.baselined,
    pathOf,
    linkTo: (finding) => blobUrl(server, env.GITHUB_REPOSITORY ?? "", sha, pathOf(finding), finding.location.line),
  };
  if (outcome.diff) input.scopeNote = `lines changed since \`${outcome.diff.target.baseRef}\``;
  return `${renderSummary(input)}\n`;
}

/** Runs the action and returns the process exit code. */
export async function runAction(env: NodeJS.ProcessEnv, io: Pick<CliIo, "stdout" | "stderr">): Promise<number> {
  const token = actionInput(env, "github-token");
  // Tell the runner to mask the token in logs, whatever prints it.
  if (token) io.stdout.write(`::add-mask::${token}\n`);
  let args: string[];
  try {
    args = ciArgumentsFromInputs(env);
  } catch (error) {
    io.stderr.write(`::error::${(error as Error).message}\n`);
    return 2;
  }
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const cliIo: CliIo = { stdout: io.stdout, stderr: io.stderr, cwd, env: token ? { ...env, GITHUB_TOKEN: token } : env };
  let code: number;
  let resultsFile: string | undefined;
  let findings = 0;
  let outcome: CiOutcome | undefined;
  let pathPrefix = "";
  try {
    const result = await executeCi(args.slice(1), cliIo);
    if (typeof result === "number") {
      code = result;
    } else {
      code = result.exitCode;
      outcome = result.outcome;
      pathPrefix = result.pathPrefix;
      findings = outcome.introduced.length;
      if (result.outputFile !== "-") resultsFile = resolve(cwd, result.outputFile);
    }
  } catch (error) {
    // Bad inputs, unreadable baselines, unwritable output: an error annotation, exit code 2 as on the CLI.
    const known = error instanceof CliUsageError || error instanceof UsageError || error instanceof OutputError;
    const message = known || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") ? (error as Error).message : String((error as Error).stack ?? error);
    io.stderr.write(`::error::pathfinder ci: ${redact(message, [token]).replace(/\r?\n/g, "%0A")}\n`);
    code = 2;
  }
  if (outcome && env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary(outcome, pathPrefix, env));
    } catch (error) {
      io.stderr.write(`::warning::cannot write the job summary: ${(error as Error).message}\n`);
    }
  }
  if (resultsFile) setOutput(env, "results-file", resultsFile);
  setOutput(env, "findings", String(findings));
  return code;
}
