// Inline review comments: existing ones (recognised by their fingerprint marker) are edited in place,
// new ones go out together in a single review with event COMMENT.
import type { Finding } from "../../core/types.js";
import type { GitHubClient } from "./client.js";
import type { GitHubContext } from "./context.js";
import { markerIn } from "./markdown.js";
import { commentableLines } from "./pull-diff.js";
import { appendAll } from "../../core/arrays.js";

export interface InlineComment {
  finding: Finding;
  /** The hidden marker the body starts with (built from the fingerprint). */
  marker: string;
  /** Repository-relative path on the head side. */
  path: string;
  line: number;
  body: string;
}

export interface ReviewResult {
  created: number;
  updated: number;
  unchanged: number;
  reviewId?: number;
  /** Findings GitHub would not accept on the diff: the summary lists them instead. */
  notPlaced: Finding[];
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

async function existingCommentsByMarker(client: GitHubClient, context: GitHubContext) {
  const byMarker = new Map<string, { id: number; body: string }>();
  for await (const page of client.paginate.iterator(client.rest.pulls.listReviewComments, {
    owner: context.owner,
    repo: context.repo,
    pull_number: context.pullNumber,
    per_page: 100,
  })) {
    for (const comment of page.data) {
      const marker = markerIn(comment.body);
      if (marker && !byMarker.has(marker)) byMarker.set(marker, { id: comment.id, body: comment.body });
    }
  }
  return byMarker;
}

async function createReview(
  client: GitHubClient,
  context: GitHubContext,
  commitId: string,
  body: string,
  comments: readonly InlineComment[],
): Promise<number> {
  const { data } = await client.rest.pulls.createReview({
    owner: context.owner,
    repo: context.repo,
    pull_number: context.pullNumber,
    commit_id: commitId,
    event: "COMMENT",
    body,
    comments: comments.map((c) => ({ path: c.path, line: c.line, side: "RIGHT" as const, body: c.body })),
  });
  return data.id;
}

export async function publishInlineComments(
  client: GitHubClient,
  context: GitHubContext,
  comments: readonly InlineComment[],
  options: { commitId: string; reviewBody: (count: number) => string },
): Promise<ReviewResult> {
  const result: ReviewResult = { created: 0, updated: 0, unchanged: 0, notPlaced: [] };
  const existing = await existingCommentsByMarker(client, context);
  const fresh: InlineComment[] = [];
  const seen = new Set<string>();
  for (const comment of comments) {
    if (seen.has(comment.marker)) continue;
    seen.add(comment.marker);
    const previous = existing.get(comment.marker);
    if (!previous) {
      fresh.push(comment);
    } else if (previous.body === comment.body) {
      result.unchanged++;
    } else {
      await client.rest.pulls.updateReviewComment({
        owner: context.owner,
        repo: context.repo,
        comment_id: previous.id,
        body: comment.body,
      });
      result.updated++;
    }
  }
  if (fresh.length === 0) return result;

  try {
    result.reviewId = await createReview(client, context, options.commitId, options.reviewBody(fresh.length), fresh);
    result.created = fresh.length;
    return result;
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }

  // GitHub refused some line; it does not say which. Keep the comments on lines its diff shows.
  const allowed = await commentableLines(client, context);
  const placeable = fresh.filter((c) => allowed.get(c.path)?.has(c.line) === true);
  const rejected = fresh.filter((c) => !placeable.includes(c));
  appendAll(result.notPlaced, rejected.map((c) => c.finding));
  if (placeable.length === 0 || rejected.length === 0) {
    // Nothing left to post, or nothing we can tell apart: all of them go to the summary.
    appendAll(result.notPlaced, placeable.map((c) => c.finding));
    return result;
  }
  try {
    result.reviewId = await createReview(client, context, options.commitId, options.reviewBody(placeable.length), placeable);
    result.created = placeable.length;
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    appendAll(result.notPlaced, placeable.map((c) => c.finding));
  }
  return result;
}
