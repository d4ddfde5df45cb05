import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { workTreePrefix } from "../ci/git.js";
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
  // Outside any git work tree (no `.git` up the folder's parents) git is not asked: a process spawn saved.
  if (process.env.GIT_DIR === undefined && !hasGitAbove(folder)) return "";
  return workTreePrefix(folder).catch(() => "");
}

function hasGitAbove(folder: string): boolean {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return true;
    if (dirname(dir) === dir) return false;
  }
}
