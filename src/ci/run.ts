// `pathfinder ci` after the scan: baseline, diff filter, pull request comments, exit code.
// Takes the full scan report and returns the report to write plus what to print. Failures of the
// diff or of GitHub become warnings: they never lose the report or change the exit code.
import { atLeast } from "../core/severity.js";
import type { Finding, ScanReport, Severity, Trust } from "../core/types.js";
import { meetsTrust } from "../core/trust.js";
import { applyBaseline, createBaseline, readBaseline, writeBaseline } from "./baseline.js";
import type { ChangeSet } from "./changes.js";
import { partitionByDiff, repositoryPath, type DiffScope } from "./diff-filter.js";
import { fetchBaseHistory, readChangeSet, resolveCommit, resolveDiffTarget, workTreePrefix, type DiffTarget } from "./git.js";
import { createGitHubClient, type ClientOptions } from "./github/client.js";
import { resolveGitHubContext, type GitHubContext, type GitHubFlags } from "./github/context.js";
import { blobUrl, findingMarker, renderInlineComment, renderSummary, severityCounts } from "./github/markdown.js";
import { describeApiError, redact } from "./github/redact.js";
import { publishInlineComments, type InlineComment, type ReviewResult } from "./github/review.js";
import { upsertSummaryComment, type SummaryCommentResult } from "./github/summary-comment.js";

export type FailOn = Severity | "none";

export interface CiOptions {
  /** The scanned directory; git runs here. */
  targetDir: string;
  /** `fetch: false` never fetches a missing base (default: fetch it in CI). */
  diff: { enabled: boolean; base?: string; head?: string; scope: DiffScope; fetch?: boolean };
  baselinePath?: string;
  writeBaselinePath?: string;
  failOn: FailOn;
  /**
   * `--min-trust`: findings below it are left out of the exit code, console counts and pull request comments (the
   * written report stays complete, like the diff filter, so code scanning keeps its alerts). Default `internal`.
   */
  minTrust?: Trust;
  env: Record<string, string | undefined>;
  github: {
    flags: GitHubFlags;
    comment: boolean;
    inline: boolean;
    inlineMinSeverity: Severity;
    /** Client tuning (tests turn throttling off). */
    client?: Pick<ClientOptions, "throttle" | "retryBaseMs" | "rateLimitRetries">;
  };
}

export interface CiDiff {
  target: DiffTarget;
  changes: ChangeSet;
  /** Where the scan target sits in the work tree (e.g. `services/api/`). */
  pathPrefix: string;
}

export interface CiOutcome {
  /**
   * The report to write: every finding of the scan (baselined ones marked suppressed). Code scanning closes alerts
   * that an upload no longer contains, so a diff-filtered upload would "fix" every pre-existing alert; the diff
   * decides comments, console lines and the exit code only.
   */
  report: ScanReport;
  /** New, unsuppressed findings: what the run is about. */
  introduced: Finding[];
  /** Unsuppressed findings outside the changed lines. */
  preexisting: Finding[];
  baselined: number;
  diff?: CiDiff;
  /** Lines for the console, in order. */
  messages: string[];
  warnings: string[];
  /** 1 when a new finding reaches `failOn`, else 0. */
  exitCode: 0 | 1;
  github?: { summary?: SummaryCommentResult; review?: ReviewResult };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function countsText(findings: readonly Finding[]): string {
  return findings.length === 0 ? "" : ` (${severityCounts(findings)})`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The branch to fetch when the checkout lacks the base: `--base origin/main` -> main, else the CI's target branch. */
function baseBranchOf(options: CiOptions): string | undefined {
  const explicit = options.diff.base;
  if (explicit !== undefined) return /^origin\//.test(explicit) ? explicit.slice("origin/".length) : undefined;
  return options.env.GITHUB_BASE_REF?.trim() || options.env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME?.trim() || undefined;
}

/** In CI (never on a developer's machine) a missing base is fetched rather than every finding counted as new. */
function mayFetch(options: CiOptions): boolean {
  const env = options.env;
  const wanted = options.diff.base !== undefined || Boolean(env.GITHUB_BASE_REF || env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME);
  return wanted && options.diff.fetch !== false && Boolean(env.GITHUB_ACTIONS === "true" || env.GITLAB_CI || env.CI);
}

async function resolveTargetFetchingBase(options: CiOptions, messages: string[]): Promise<DiffTarget | undefined> {
  const resolveOptions: { base?: string; head?: string; env: Record<string, string | undefined> } = { env: options.env };
  if (options.diff.base !== undefined) resolveOptions.base = options.diff.base;
  if (options.diff.head !== undefined) resolveOptions.head = options.diff.head;
  try {
    return await resolveDiffTarget(options.targetDir, resolveOptions);
  } catch (error) {
    if (!mayFetch(options)) throw error;
    let target: DiffTarget | undefined;
    const found = async () => {
      try {
        target = await resolveDiffTarget(options.targetDir, resolveOptions);
        return target !== undefined;
      } catch {
        return false;
      }
    };
    try {
      const steps = await fetchBaseHistory(options.targetDir, baseBranchOf(options), found);
      if (steps.length) messages.push(`The checkout lacked the base: ${steps.join(", ")}.`);
    } catch (fetchError) {
      throw new Error(`${errorText(error)}; fetching it failed too: ${errorText(fetchError)}`);
    }
    if (target || (await found())) return target;
    throw error;
  }
}

async function computeDiff(options: CiOptions, messages: string[], warnings: string[]): Promise<CiDiff | undefined> {
  if (!options.diff.enabled) return undefined;
  try {
    const target = await resolveTargetFetchingBase(options, messages);
    if (!target) {
      warnings.push(
        "no base to compare with (no --base, GITHUB_BASE_REF or CI_MERGE_REQUEST_TARGET_BRANCH_NAME): reporting every finding",
      );
      return undefined;
    }
    const [changes, pathPrefix] = await Promise.all([
      readChangeSet(options.targetDir, target.mergeBaseSha, target.headSha),
      workTreePrefix(options.targetDir),
    ]);
    return { target, changes, pathPrefix };
  } catch (error) {
    warnings.push(`cannot compute the diff, reporting every finding: ${errorText(error)}`);
    return undefined;
  }
}

/**
 * Inline comments for new findings at or above `minSeverity`, each on the first of its lines that the diff
 * adds; findings with no such line (binary files, no diff) are returned apart for the summary.
 */
function planInlineComments(
  report: ScanReport,
  introduced: readonly Finding[],
  diff: CiDiff | undefined,
  pathOf: (finding: Finding) => string,
  minSeverity: Severity,
): { comments: InlineComment[]; notInline: Finding[] } {
  const rules = new Map(report.rules.map((rule) => [rule.id, rule]));
  const comments: InlineComment[] = [];
  const notInline: Finding[] = [];
  for (const finding of introduced) {
    if (!atLeast(finding.severity, minSeverity)) continue;
    const path = pathOf(finding);
    const changed = diff?.changes.files.get(path);
    const last = Math.max(finding.location.line, finding.location.endLine);
    let line: number | undefined;
    for (let n = finding.location.line; changed && n <= last && line === undefined; n++) {
      if (changed.addedLines.has(n)) line = n;
    }
    if (line === undefined) {
      notInline.push(finding);
      continue;
    }
    comments.push({
      finding,
      marker: findingMarker(finding.fingerprint),
      path,
      line,
      body: renderInlineComment(finding, rules.get(finding.ruleId), report.tool.informationUri),
    });
  }
  return { comments, notInline };
}

async function publishToGitHub(
  report: ScanReport,
  options: CiOptions,
  state: { introduced: Finding[]; preexisting: Finding[]; baselined: number; diff: CiDiff | undefined; hiddenByTrust: number },
  messages: string[],
  warnings: string[],
): Promise<CiOutcome["github"]> {
  const resolved = resolveGitHubContext(options.github.flags, options.env);
  if (!resolved.ok) {
    warnings.push(`GitHub pull request comments skipped: missing ${resolved.missing.join(", ")}`);
    return undefined;
  }
  const context: GitHubContext = resolved.context;
  const secrets = [context.token];
  const outcome: NonNullable<CiOutcome["github"]> = {};
  try {
    const pathPrefix = state.diff?.pathPrefix ?? (await workTreePrefix(options.targetDir).catch(() => ""));
    const headSha =
      context.headSha ?? state.diff?.target.headSha ?? (await resolveCommit(options.targetDir, options.diff.head ?? "HEAD"));
    if (!headSha) throw new Error("cannot tell the head commit (run inside the checked-out repository or pass --head)");
    const pathOf = (finding: Finding) => repositoryPath(finding, pathPrefix);
    const linkTo = (finding: Finding) =>
      blobUrl(context.serverUrl, `${context.owner}/${context.repo}`, headSha, pathOf(finding), finding.location.line);
    const client = createGitHubClient({
      token: context.token,
      apiUrl: context.apiUrl,
      userAgent: `${report.tool.name}/${report.tool.version}`,
      warn: (message) => warnings.push(redact(message, secrets)),
      ...options.github.client,
    });

    let notInline: Finding[] = [];
    if (options.github.inline) {
      const planned = planInlineComments(report, state.introduced, state.diff, pathOf, options.github.inlineMinSeverity);
      notInline = planned.notInline;
      const review = await publishInlineComments(client, context, planned.comments, {
        commitId: headSha,
        reviewBody: (count) => `${report.tool.name} found ${plural(count, "new finding")} on changed lines.`,
      });
      outcome.review = review;
      notInline = [...notInline, ...review.notPlaced];
      messages.push(
        `GitHub inline comments: ${review.created} created, ${review.updated} updated, ${review.unchanged} unchanged` +
          (notInline.length > 0 ? `; ${notInline.length} listed in the summary instead (not on the pull request diff)` : ""),
      );
    }

    if (options.github.comment) {
      const summaryInput: Parameters<typeof renderSummary>[0] = {
        tool: report.tool,
        introduced: state.introduced,
        preexisting: state.preexisting,
        notInline,
        baselined: state.baselined,
        linkTo,
        pathOf,
      };
      if (state.diff) summaryInput.scopeNote = `lines changed since \`${state.diff.target.baseRef}\``;
      if (state.hiddenByTrust > 0) summaryInput.hiddenByTrust = { minTrust: options.minTrust ?? "internal", count: state.hiddenByTrust };
      const summary = await upsertSummaryComment(client, context, renderSummary(summaryInput));
      outcome.summary = summary;
      // The API may answer without a URL (some GitHub Enterprise versions, proxies): name the comment by id then.
      messages.push(`GitHub summary comment ${summary.action}${summary.url ? `: ${summary.url}` : summary.id !== undefined ? ` (id ${summary.id})` : ""}`);
    } else if (notInline.length > 0) {
      warnings.push(`${plural(notInline.length, "finding")} could not be commented inline; enable --pr-comment to list them`);
    }
  } catch (error) {
    warnings.push(`GitHub pull request update failed: ${describeApiError(error, secrets)}`);
  }
  return outcome;
}

export async function runCi(fullReport: ScanReport, options: CiOptions): Promise<CiOutcome> {
  const messages: string[] = [];
  const warnings: string[] = [];

  if (options.writeBaselinePath) {
    const baseline = createBaseline(fullReport);
    await writeBaseline(options.writeBaselinePath, baseline);
    messages.push(`Wrote baseline ${options.writeBaselinePath} with ${plural(baseline.fingerprints.length, "fingerprint")}.`);
  }

  let findings = fullReport.findings;
  let baselined = 0;
  if (options.baselinePath) {
    const applied = applyBaseline(findings, await readBaseline(options.baselinePath), options.baselinePath);
    findings = applied.findings;
    baselined = applied.matched;
  }

  const diff = await computeDiff(options, messages, warnings);
  const partition = diff
    ? partitionByDiff(findings, diff.changes, { scope: options.diff.scope, pathPrefix: diff.pathPrefix })
    : { introduced: findings, preexisting: [] as Finding[] };
  const minTrust = options.minTrust ?? "internal";
  const introduced = partition.introduced.filter((f) => !f.suppressed && meetsTrust(f, minTrust));
  const preexisting = partition.preexisting.filter((f) => !f.suppressed && meetsTrust(f, minTrust));
  const hiddenByTrust = findings.filter((f) => !f.suppressed && !meetsTrust(f, minTrust)).length;

  if (diff) {
    const { target } = diff;
    messages.push(
      `Compared with ${target.baseRef} (merge base ${target.mergeBaseSha.slice(0, 12)}, from ${target.baseSource}), ` +
        `${options.diff.scope === "file" ? "changed files" : "changed lines"}: ` +
        `${plural(introduced.length, "new finding")}${countsText(introduced)}; ` +
        `${plural(preexisting.length, "finding")} already present.`,
    );
  } else {
    messages.push(`${plural(introduced.length, "finding")}${countsText(introduced)} in the whole project.`);
  }
  if (options.baselinePath) messages.push(`${plural(baselined, "finding")} suppressed by baseline ${options.baselinePath}.`);
  if (hiddenByTrust > 0) messages.push(`${plural(hiddenByTrust, "finding")} below --min-trust ${minTrust} not counted.`);

  const report: ScanReport = { ...fullReport, findings };
  const outcome: CiOutcome = {
    report,
    introduced,
    preexisting,
    baselined,
    messages,
    warnings,
    exitCode:
      options.failOn !== "none" && introduced.some((f) => atLeast(f.severity, options.failOn as Severity)) ? 1 : 0,
  };
  if (diff) outcome.diff = diff;

  if (options.github.comment || options.github.inline) {
    const github = await publishToGitHub(fullReport, options, { introduced, preexisting, baselined, diff, hiddenByTrust }, messages, warnings);
    if (github) outcome.github = github;
  }
  return outcome;
}
