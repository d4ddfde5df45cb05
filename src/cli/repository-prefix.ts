import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { CliUsageError } from "./command.js";

/**
 * Where the scanned folder sits in the repository (`services/ml/`, "" at the top), so reports name files as
 * code scanning and merge request widgets resolve them: relative to the repository root. `sarifRoot` (from
 * `--sarif-root`) overrides git; outside a git work tree the scanned folder is the root.
 */
export async function repositoryPrefix(target: string, sarifRoot: string | undefined, cwd: string): Promise<string> {
  let folder = resolve(target);
  try {
    if (!statSync(folder).isDirectory()) folder = dirname(folder);
  } catch {
    folder = dirname(folder);
  }
  if (sarifRoot !== undefined) {
    const root = resolve(cwd, sarifRoot);
    const rel = relative(root, folder).split("\\").join("/");
    if (rel.startsWith("..") || resolve(root, rel) !== folder) {
      throw new CliUsageError(`--sarif-root ${sarifRoot} does not contain the scanned folder ${folder}`);
    }
    return rel === "" ? "" : `${rel}/`;
  }
  const top = workTreeTop(folder);
  if (top === null) return "";
  if (top !== undefined) return top;
  // Loaded only here: git's plumbing brings child_process and readline, which a scan otherwise never needs.
  const { workTreePrefix } = await import("../ci/git.js");
  return workTreePrefix(folder).catch(() => "");
}

/** Settings that move the work tree or limit git's search for it: with any of them, git itself is asked. */
const GIT_LOCATION_VARIABLES = ["GIT_DIR", "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM"];

/**
 * The prefix as `git rev-parse --show-prefix` gives it, found without starting git (a process spawn costs more than
 * the rest of a warm scan): the nearest folder up from `folder` with a `.git` directory (or a `.git` file, as linked
 * work trees and submodules have) is the top of the work tree. Null outside any work tree; undefined when only git
 * can tell (an environment variable or `core.worktree` moves the work tree).
 */
function workTreeTop(folder: string): string | null | undefined {
  if (GIT_LOCATION_VARIABLES.some((name) => process.env[name] !== undefined)) return undefined;
  for (let dir = folder; ; dir = dirname(dir)) {
    const dotGit = join(dir, ".git");
    let isDirectory: boolean;
    try {
      isDirectory = statSync(dotGit).isDirectory();
    } catch {
      if (dirname(dir) === dir) return null;
      continue;
    }
    if (isDirectory && setsWorkTree(join(dotGit, "config"))) return undefined;
    try {
      const rel = relative(realpathSync(dir), realpathSync(folder)).split(sep).join("/");
      return rel === "" ? "" : `${rel}/`;
    } catch {
      return undefined;
    }
  }
}

function setsWorkTree(config: string): boolean {
  try {
    return /^\s*worktree\s*=/im.test(readFileSync(config, "utf8"));
  } catch {
    return false;
  }
}
