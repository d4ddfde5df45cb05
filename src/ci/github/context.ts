// Which pull request to talk to, from flags first and the GitHub Actions environment second.
import { readFileSync } from "node:fs";

export interface GitHubFlags {
  token?: string;
  /** `owner/repo`. */
  repo?: string;
  pr?: number;
  apiUrl?: string;
}

export interface GitHubContext {
  token: string;
  owner: string;
  repo: string;
  pullNumber: number;
  /** REST API root, e.g. https://api.github.com or https://ghe.example/api/v3. */
  apiUrl: string;
  /** Web root for links, e.g. https://github.com. */
  serverUrl: string;
  /** Head commit of the pull request when the event names it (Actions checks out a merge commit instead). */
  headSha?: string;
}

export type ContextResolution = { ok: true; context: GitHubContext } | { ok: false; missing: string[] };

const DEFAULT_API_URL = "https://api.github.com";

interface PullRequestEvent {
  pull_request?: { number?: unknown; head?: { sha?: unknown } };
  number?: unknown;
}

function readEvent(path: string | undefined): PullRequestEvent | undefined {
  if (!path) return undefined;
  try {
    const data: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof data === "object" && data !== null ? (data as PullRequestEvent) : undefined;
  } catch {
    return undefined;
  }
}

/** github.com's API lives on another host; GitHub Enterprise serves it under /api/v3. */
export function serverUrlFor(apiUrl: string): string {
  const trimmed = apiUrl.replace(/\/+$/, "");
  if (trimmed === DEFAULT_API_URL) return "https://github.com";
  return trimmed.replace(/\/api\/v3$/, "");
}

export function resolveGitHubContext(flags: GitHubFlags, env: Record<string, string | undefined>): ContextResolution {
  const missing: string[] = [];
  const token = flags.token || env.GITHUB_TOKEN || "";
  if (!token) missing.push("a token (--github-token or GITHUB_TOKEN)");

  const slug = flags.repo || env.GITHUB_REPOSITORY || "";
  const [owner, repo, ...rest] = slug.split("/");
  if (!owner || !repo || rest.length > 0) missing.push("the repository as owner/repo (--github-repo or GITHUB_REPOSITORY)");

  const event = readEvent(env.GITHUB_EVENT_PATH);
  const eventNumber = Number(event?.pull_request?.number ?? Number.NaN);
  const pullNumber = flags.pr ?? (Number.isInteger(eventNumber) && eventNumber > 0 ? eventNumber : undefined);
  if (pullNumber === undefined || !Number.isInteger(pullNumber) || pullNumber <= 0) {
    missing.push("the pull request number (--github-pr or a pull_request event in GITHUB_EVENT_PATH)");
  }
  if (missing.length > 0) return { ok: false, missing };

  const apiUrl = (flags.apiUrl || env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, "");
  const serverUrl = (env.GITHUB_SERVER_URL || serverUrlFor(apiUrl)).replace(/\/+$/, "");
  const context: GitHubContext = { token, owner: owner!, repo: repo!, pullNumber: pullNumber!, apiUrl, serverUrl };
  const headSha = event?.pull_request?.head?.sha;
  if (typeof headSha === "string" && /^[0-9a-f]{40}$/i.test(headSha) && eventNumber === pullNumber) context.headSha = headSha;
  return { ok: true, context };
}
