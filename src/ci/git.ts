// Git plumbing for diff-aware CI runs. Git runs through execFile/spawn (never a shell), with settings
// that make its output independent of the user's configuration (no colours, no external diff tools,
// no path quoting for non-ASCII names).
import { execFile, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { ChangedFile, ChangeSet, ChangeStatus } from "./changes.js";

const GIT_CONFIG = ["-c", "core.quotePath=false", "-c", "color.ui=false", "-c", "diff.noprefix=false"];
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
  ) {
    super(message);
    this.name = "GitError";
  }
}

function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" };
}

/** Runs `git args` in `cwd` and returns stdout. Fails with a GitError quoting git's own message. */
export function runGit(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      [...GIT_CONFIG, ...args],
      { cwd, env: gitEnv(), encoding: "buffer", maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.toString("utf8").trim() || error.message;
          reject(new GitError(`git ${args[0] ?? ""} failed: ${detail}`, args));
          return;
        }
        resolve(stdout);
      },
    );
  });
}

async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await runGit(cwd, args)).toString("utf8").trim();
}

/** Full SHA of a commit-ish, or undefined when it does not name a commit. */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  try {
    return await gitText(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  } catch {
    return undefined;
  }
}

/** Path of `cwd` relative to the top of its work tree, with a trailing slash ("" at the top). */
export async function workTreePrefix(cwd: string): Promise<string> {
  return (await runGit(cwd, ["rev-parse", "--show-prefix"])).toString("utf8").replace(/\n$/, "");
}

export async function mergeBase(cwd: string, a: string, b: string): Promise<string> {
  try {
    return await gitText(cwd, ["merge-base", a, b]);
  } catch (error) {
    throw new GitError(
      `no common ancestor between ${a} and ${b} (a shallow clone? fetch the full history, ` +
        `e.g. actions/checkout with fetch-depth: 0): ${(error as Error).message}`,
      ["merge-base", a, b],
    );
  }
}

export interface BaseResolution {
  /** The ref as found, e.g. `origin/main`. */
  ref: string;
  /** Where it came from: `--base`, `GITHUB_BASE_REF` or `CI_MERGE_REQUEST_TARGET_BRANCH_NAME`. */
  source: string;
}

/**
 * The ref to compare against: `--base` if given, else the pull/merge request target branch named by the
 * CI environment (`origin/<branch>` preferred, then a local `<branch>`). Undefined when none applies.
 */
export async function resolveBaseRef(
  cwd: string,
  explicitBase: string | undefined,
  env: Record<string, string | undefined>,
): Promise<BaseResolution | undefined> {
  if (explicitBase) {
    if (!(await resolveCommit(cwd, explicitBase))) {
      throw new GitError(`--base ${explicitBase} does not name a commit in this repository`, ["rev-parse"]);
    }
    return { ref: explicitBase, source: "--base" };
  }
  for (const variable of ["GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"]) {
    const branch = env[variable]?.trim();
    if (!branch) continue;
    for (const candidate of [`origin/${branch}`, `refs/remotes/origin/${branch}`, branch]) {
      if (await resolveCommit(cwd, candidate)) return { ref: candidate, source: variable };
    }
    throw new GitError(
      `${variable}=${branch} but neither origin/${branch} nor ${branch} exists locally; fetch it first ` +
        `(e.g. git fetch origin ${branch})`,
      ["rev-parse"],
    );
  }
  return undefined;
}

interface NameStatusEntry {
  status: ChangeStatus;
  path: string;
  oldPath?: string;
}

const STATUS_LETTERS: Record<string, ChangeStatus> = {
  A: "added",
  M: "modified",
  R: "renamed",
  C: "copied",
  D: "deleted",
  T: "type-changed",
};

/** Parses `git diff --name-status -z` output: NUL-separated status and path tokens. */
export function parseNameStatus(output: string): NameStatusEntry[] {
  const tokens = output.split("\0");
  if (tokens.at(-1) === "") tokens.pop();
  const entries: NameStatusEntry[] = [];
  for (let i = 0; i < tokens.length; ) {
    const code = tokens[i++] ?? "";
    const letter = code.charAt(0);
    const status = STATUS_LETTERS[letter] ?? "modified";
    if (letter === "R" || letter === "C") {
      const oldPath = tokens[i++] ?? "";
      const path = tokens[i++] ?? "";
      entries.push({ status, path, oldPath });
    } else {
      entries.push({ status, path: tokens[i++] ?? "" });
    }
  }
  return entries;
}

interface PatchSection {
  binary: boolean;
  addedLines: Set<number>;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** Reads a `git diff -U0` patch line by line, one section per `diff --git` header, in output order. */
export async function parsePatchStream(lines: AsyncIterable<string>): Promise<PatchSection[]> {
  const sections: PatchSection[] = [];
  let current: PatchSection | undefined;
  let nextLine = 0;
  let inHunk = false;
  for await (const line of lines) {
    if (line.startsWith("diff --git ") || line.startsWith("diff --cc ")) {
      current = { binary: false, addedLines: new Set() };
      sections.push(current);
      inHunk = false;
      continue;
    }
    if (!current) continue;
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      nextLine = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) {
      if ((line.startsWith("Binary files ") && line.endsWith(" differ")) || line === "GIT binary patch") {
        current.binary = true;
      }
      continue;
    }
    const marker = line.charAt(0);
    if (marker === "+") current.addedLines.add(nextLine++);
    else if (marker === " ") nextLine++;
  }
  return sections;
}

function diffArgs(base: string, head: string): string[] {
  return ["--no-color", "--no-ext-diff", "--no-textconv", "--find-renames", "--end-of-options", base, head];
}

async function readPatchSections(cwd: string, base: string, head: string): Promise<PatchSection[]> {
  const args = [...GIT_CONFIG, "diff", "-U0", "--src-prefix=a/", "--dst-prefix=b/", ...diffArgs(base, head)];
  const child = spawn("git", args, { cwd, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
  const sections = await parsePatchStream(createInterface({ input: child.stdout, crlfDelay: Infinity }));
  const code = await exited;
  if (code !== 0) throw new GitError(`git diff failed: ${stderr.trim()}`, args);
  return sections;
}

/**
 * What changed from `base` to `head` (both commits; pass the merge base to get the `base...head` view):
 * per head-side path, the added or rewritten line numbers, with renames followed.
 */
export async function readChangeSet(cwd: string, base: string, head: string): Promise<ChangeSet> {
  const [baseSha, headSha] = await Promise.all([resolveCommit(cwd, base), resolveCommit(cwd, head)]);
  if (!baseSha) throw new GitError(`base ${base} does not name a commit`, ["rev-parse"]);
  if (!headSha) throw new GitError(`head ${head} does not name a commit`, ["rev-parse"]);
  const nameStatus = (await runGit(cwd, ["diff", "--name-status", "-z", ...diffArgs(baseSha, headSha)])).toString("utf8");
  const entries = parseNameStatus(nameStatus);
  const sections = await readPatchSections(cwd, baseSha, headSha);
  if (sections.length !== entries.length) {
    throw new GitError(
      `git diff listed ${entries.length} files but printed ${sections.length} patches; cannot align them`,
      ["diff"],
    );
  }
  const files = new Map<string, ChangedFile>();
  entries.forEach((entry, index) => {
    if (entry.status === "deleted") return;
    const section = sections[index]!;
    const file: ChangedFile = {
      path: entry.path,
      status: entry.status,
      binary: section.binary,
      addedLines: section.addedLines,
    };
    if (entry.oldPath !== undefined) file.oldPath = entry.oldPath;
    files.set(entry.path, file);
  });
  return { baseSha, headSha, files };
}

export interface DiffTarget {
  baseRef: string;
  baseSource: string;
  mergeBaseSha: string;
  headSha: string;
}

/** Resolves base (flag or CI environment) and head, then their merge base. Undefined when no base applies. */
export async function resolveDiffTarget(
  cwd: string,
  options: { base?: string; head?: string; env: Record<string, string | undefined> },
): Promise<DiffTarget | undefined> {
  const base = await resolveBaseRef(cwd, options.base, options.env);
  if (!base) return undefined;
  const headRef = options.head ?? "HEAD";
  const headSha = await resolveCommit(cwd, headRef);
  if (!headSha) throw new GitError(`--head ${headRef} does not name a commit in this repository`, ["rev-parse"]);
  const mergeBaseSha = await mergeBase(cwd, base.ref, headSha);
  return { baseRef: base.ref, baseSource: base.source, mergeBaseSha, headSha };
}

/** True in a shallow clone (actions/checkout's default `fetch-depth: 1`). */
export async function isShallowRepository(cwd: string): Promise<boolean> {
  try {
    return (await gitText(cwd, ["rev-parse", "--is-shallow-repository"])) === "true";
  } catch {
    return false;
  }
}

/**
 * Brings in what a diff against the base needs when the checkout lacks it: the base branch (when the CI names
 * one) and enough history on both sides to find the merge base, deepening step by step and finally unshallowing.
 * `found` is asked after each step; returns the steps taken (for the log), or throws the last git error.
 */
export async function fetchBaseHistory(
  cwd: string,
  baseBranch: string | undefined,
  found: () => Promise<boolean>,
  remote = "origin",
): Promise<string[]> {
  const steps: string[] = [];
  const fetch = async (args: string[], label: string) => {
    await runGit(cwd, ["fetch", "--no-tags", "--quiet", "--no-recurse-submodules", ...args]);
    steps.push(label);
  };
  const branch = baseBranch?.trim();
  const refspec = branch && /^[\w./-]+$/.test(branch) && !branch.includes("..") ? `+refs/heads/${branch}:refs/remotes/${remote}/${branch}` : undefined;
  if (refspec) {
    await fetch(["--depth=50", remote, refspec], `fetched ${remote}/${branch}`);
    if (await found()) return steps;
  }
  if (!(await isShallowRepository(cwd))) return steps;
  for (const depth of [200, 2000]) {
    await fetch([`--deepen=${depth}`, remote, ...(refspec ? [refspec, "HEAD"] : [])], `deepened the history by ${depth} commits`);
    if (await found()) return steps;
  }
  await fetch(["--unshallow", remote, ...(refspec ? [refspec] : [])], "fetched the full history");
  return steps;
}
