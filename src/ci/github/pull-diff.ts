// Which head-side lines of a pull request accept review comments: those inside the hunks GitHub shows.
import type { GitHubClient } from "./client.js";
import type { GitHubContext } from "./context.js";

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** Head-side line numbers inside the hunks of one file's unified patch (added and context lines). */
export function rightSideLines(patch: string): Set<number> {
  const result = new Set<number>();
  let next = 0;
  let inHunk = false;
  for (const line of patch.split("\n")) {
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const marker = line.charAt(0);
    if (marker === "+" || marker === " ") result.add(next++);
  }
  return result;
}

/**
 * Commentable lines per path. Files GitHub shows without a patch (binary, too large) are absent:
 * no line of theirs can carry a comment.
 */
export async function commentableLines(client: GitHubClient, context: GitHubContext): Promise<Map<string, Set<number>>> {
  const files = await client.paginate(client.rest.pulls.listFiles, {
    owner: context.owner,
    repo: context.repo,
    pull_number: context.pullNumber,
    per_page: 100,
  });
  const result = new Map<string, Set<number>>();
  for (const file of files) {
    if (typeof file.patch === "string" && file.status !== "removed") result.set(file.filename, rightSideLines(file.patch));
  }
  return result;
}
