// The one summary comment per pull request: found by its marker and edited in place on later runs.
import type { GitHubClient } from "./client.js";
import type { GitHubContext } from "./context.js";
import { SUMMARY_MARKER } from "./markdown.js";

export interface SummaryCommentResult {
  action: "created" | "updated" | "unchanged";
  id: number;
  url: string;
}

export async function upsertSummaryComment(
  client: GitHubClient,
  context: GitHubContext,
  body: string,
): Promise<SummaryCommentResult> {
  const target = { owner: context.owner, repo: context.repo };
  let existing: { id: number; body?: string | undefined; html_url: string } | undefined;
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    ...target,
    issue_number: context.pullNumber,
    per_page: 100,
  })) {
    existing = page.data.find((comment) => comment.body?.includes(SUMMARY_MARKER));
    if (existing) break;
  }
  if (existing) {
    if (existing.body === body) return { action: "unchanged", id: existing.id, url: existing.html_url };
    const { data } = await client.rest.issues.updateComment({ ...target, comment_id: existing.id, body });
    return { action: "updated", id: data.id, url: data.html_url };
  }
  const { data } = await client.rest.issues.createComment({ ...target, issue_number: context.pullNumber, body });
  return { action: "created", id: data.id, url: data.html_url };
}
