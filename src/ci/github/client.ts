// Octokit with retries (5xx, network) and GitHub's rate-limit etiquette (throttling, Retry-After).
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { redact } from "./redact.js";

const PathfinderOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof PathfinderOctokit>;

export interface ClientOptions {
  token: string;
  apiUrl: string;
  userAgent: string;
  /** Receives warnings from Octokit, already redacted. */
  warn: (message: string) => void;
  /** Base of the retry back-off in ms (retry n waits n² × base). Default 1000. */
  retryBaseMs?: number;
  /** Gives up on a request after this many ms (each retry gets its own budget). Default 30000. */
  timeoutMs?: number;
  /** How many times a rate-limited request is retried after waiting. Default 2. */
  rateLimitRetries?: number;
  /**
   * Space writes (one per second) and wait out rate limits, as GitHub asks. Default on; tests turn it off
   * to stay fast, and then a rate-limited request fails at once.
   */
  throttle?: boolean;
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const secrets = [options.token];
  const say = (message: unknown) => options.warn(redact(String(message), secrets));
  const retries = options.rateLimitRetries ?? 2;
  const onLimit = (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    say(`GitHub rate limit on ${request.method} ${request.url}; ${retryCount < retries ? `retrying in ${retryAfter}s` : "giving up"}`);
    return retryCount < retries;
  };
  const timeoutMs = options.timeoutMs ?? 30_000;
  // A stalled API must not hang the CI job: every request carries a deadline.
  const fetchWithTimeout: typeof fetch = (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetch(input, { ...init, signal });
  };
  return new PathfinderOctokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: options.userAgent,
    // Octokit logs every failed request at error level, handled ones too; callers report failures themselves.
    log: { debug: () => {}, info: () => {}, warn: say, error: () => {} },
    request: { fetch: fetchWithTimeout },
    retry: { retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    throttle: options.throttle === false ? { enabled: false } : { onRateLimit: onLimit, onSecondaryRateLimit: onLimit },
  });
}
