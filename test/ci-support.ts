// Shared helpers for the CI tests: report builders and throw-away git repositories.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Finding, RuleMeta, ScanReport, Severity } from "../src/core/types.js";

export function makeRule(id: string, overrides: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    name: `Rule ${id}`,
    language: "python",
    severity: "high",
    confidence: "high",
    precision: "high",
    cwe: ["CWE-502"],
    owasp: ["A08:2021"],
    compliance: [],
    tags: ["pickle"],
    bundles: ["lang"],
    banditIds: [],
    similar: [],
    docs: {
      summary: `Finds unsafe deserialization (${id}).`,
      description: "Deserializing untrusted data with pickle runs arbitrary code.",
      securityImplications: "An attacker who controls the bytes controls the process.",
      howToFix: "Use a data-only format such as JSON, or verify a signature before loading.",
      fixHint: "Use json.loads or verify an HMAC first.",
      vulnerableExample: "pickle.loads(data)",
      safeExample: "json.loads(data)",
      detectionScope: "Calls resolved to pickle.loads.",
      references: [],
      faq: [],
    },
    ...overrides,
  };
}

let counter = 0;

export function makeFinding(file: string, line: number, overrides: Partial<Finding> = {}): Finding {
  counter++;
  const severity: Severity = overrides.severity ?? "high";
  const ruleId = overrides.ruleId ?? "PYTHON-LANG-SEC-040";
  return {
    ruleId,
    ruleName: `Rule ${ruleId}`,
    message: "pickle.loads deserializes untrusted data",
    severity,
    confidence: "high",
    location: { file, line, column: 1, endLine: line, endColumn: 20, snippet: "pickle.loads(data)" },
    cwe: ["CWE-502"],
    owasp: ["A08:2021"],
    fingerprint: `fp-${file}-${line}-${counter}`,
    ...overrides,
  };
}

export function makeReport(findings: Finding[], target = "/project"): ScanReport {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))];
  return {
    tool: { name: "pathfinder", version: "0.1.0", informationUri: "https://pathfinder.example" },
    scan: {
      target,
      timestamp: "2026-01-02T03:04:05.678Z",
      durationMs: 12,
      rulesExecuted: ruleIds,
      filesScanned: 3,
    },
    rules: ruleIds.map((id) => makeRule(id)),
    findings,
    errors: [],
  };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
      GIT_CONFIG_NOSYSTEM: "1",
      HOME: cwd,
    },
  }).trim();
}

export interface TempRepo {
  dir: string;
  write(path: string, content: string | Uint8Array): void;
  remove(path: string): void;
  git(...args: string[]): string;
  commitAll(message: string): string;
  cleanup(): void;
}

export function createTempRepo(prefix = "pathfinder-ci-"): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "commit.gpgsign", "false");
  return {
    dir,
    write(path, content) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    remove(path) {
      rmSync(join(dir, path));
    },
    git: (...args) => git(dir, ...args),
    commitAll(message) {
      git(dir, "add", "-A");
      git(dir, "commit", "-q", "--allow-empty", "-m", message);
      return git(dir, "rev-parse", "HEAD");
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function lines(count: number, make: (n: number) => string): string {
  return Array.from({ length: count }, (_, i) => make(i + 1)).join("\n") + "\n";
}

/**
 * The environment GitHub Actions gives a `pull_request` job: an event file for PR `pr` at the repository's HEAD,
 * the base branch `main`, and the API at `apiUrl` (the mock server).
 */
export function actionsPullRequestEnv(repo: TempRepo, options: { pr: number; repository: string; token: string; apiUrl: string }): Record<string, string> {
  const eventPath = join(repo.dir, ".git", `pr-${options.pr}-event.json`);
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: options.pr, head: { sha: repo.git("rev-parse", "HEAD") } } }));
  return {
    GITHUB_BASE_REF: "main",
    GITHUB_TOKEN: options.token,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
  };
}
