// A small stand-in for the GitHub REST API on 127.0.0.1: it keeps issue comments, review comments and
// reviews of pull requests in memory, paginates with Link headers, checks the token, and answers 422
// when a review comment targets a line outside the pull request diff, like GitHub does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: any;
}

export interface StoredComment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string };
}

export interface StoredReviewComment extends StoredComment {
  path: string;
  line: number;
  side: string;
  commit_id: string;
  pull_request_review_id: number;
}

export interface MockPull {
  /** Unified patch per file, as GitHub's "list pull request files" returns it. */
  files: Record<string, string>;
  issueComments: StoredComment[];
  reviewComments: StoredReviewComment[];
  reviews: { id: number; body: string; event: string; commit_id: string; comments: number }[];
}

export interface MockGitHub {
  url: string;
  token: string;
  requests: RecordedRequest[];
  pull(number: number): MockPull;
  /** The next `count` requests matching method and path answer `status` instead. */
  failNext(method: string, pathPattern: RegExp, status: number, count?: number): void;
  /** The next `count` requests matching method and path get no answer at all (until the server closes). */
  hangNext(method: string, pathPattern: RegExp, count?: number): void;
  /** Answers pages of this size regardless of per_page, to exercise pagination. */
  pageSize: number;
  close(): Promise<void>;
}

function rightSideLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  let inHunk = false;
  for (const line of patch.split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
    } else if (inHunk && (line.startsWith("+") || line.startsWith(" "))) {
      lines.add(next++);
    }
  }
  return lines;
}

export async function startMockGitHub(options: { token: string; owner: string; repo: string; prefix?: string }): Promise<MockGitHub> {
  const pulls = new Map<number, MockPull>();
  const requests: RecordedRequest[] = [];
  const failures: { method: string; pattern: RegExp; status: number; remaining: number }[] = [];
  const hanging = new Set<ServerResponse>();
  let nextId = 1000;
  let origin = "";
  const prefix = options.prefix ?? "";
  const repoPath = `/repos/${options.owner}/${options.repo}`;

  const pull = (number: number): MockPull => {
    let p = pulls.get(number);
    if (!p) {
      p = { files: {}, issueComments: [], reviewComments: [], reviews: [] };
      pulls.set(number, p);
    }
    return p;
  };

  const mock: MockGitHub = {
    url: "",
    token: options.token,
    requests,
    pull,
    pageSize: 100,
    failNext(method, pattern, status, count = 1) {
      failures.push({ method, pattern, status, remaining: count });
    },
    hangNext(method, pattern, count = 1) {
      failures.push({ method, pattern, status: 0, remaining: count });
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        // Clients keep connections alive; do not wait for them to time out.
        server.closeAllConnections();
      }),
  };

  function send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(data));
  }

  function paginate(req: RecordedRequest, res: ServerResponse, items: unknown[]) {
    const page = Math.max(1, Number(req.query.get("page") ?? "1"));
    const size = mock.pageSize;
    const slice = items.slice((page - 1) * size, page * size);
    const headers: Record<string, string> = {};
    if (page * size < items.length) {
      const next = new URL(`${origin}${req.path}`);
      req.query.forEach((value, key) => next.searchParams.set(key, value));
      next.searchParams.set("page", String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    send(res, 200, slice, headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(recorded);

    const auth = req.headers.authorization ?? "";
    if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`) {
      return send(res, 401, { message: "Bad credentials" });
    }
    const failure = failures.find((f) => f.remaining > 0 && f.method === recorded.method && f.pattern.test(path));
    if (failure) {
      failure.remaining--;
      if (failure.status === 0) {
        hanging.add(res);
        return;
      }
      return send(res, failure.status, { message: `Injected failure ${failure.status}` });
    }
    if (!path.startsWith(`${repoPath}/`)) return send(res, 404, { message: "Not Found" });
    const rest = path.slice(repoPath.length);
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const p = pull(Number(m[1]));
      if (recorded.method === "GET") return paginate(recorded, res, p.issueComments);
      if (recorded.method === "POST") {
        const id = nextId++;
        const comment = { id, body: recorded.body.body, html_url: `https://github.example/c/${id}`, user: { login: "bot" } };
        p.issueComments.push(comment);
        return send(res, 201, comment);
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && recorded.method === "PATCH") {
      const id = Number(m[1]);
      for (const p of pulls.values()) {
        const comment = p.issueComments.find((c) => c.id === id);
        if (comment) {
          comment.body = recorded.body.body;
          return send(res, 200, comment);
        }
      }
      return send(res, 404, { message: "Not Found" });
    }
    if ((m = /^\/pulls\/(\d+)\/comments$/.exec(rest)) && recorded.method === "GET") {
      return paginate(recorded, res, pull(Number(m[1])).reviewComments);
    }
    if ((m = /^\/pulls\/comments\/(\d+)$/.exec(rest)) && recorded.method === "PATCH") {
      const id = Number(m[1]);
      for (const p of pulls.values()) {
        const comment = p.reviewComments.find((c) => c.id === id);
        if (comment) {
          comment.body = recorded.body.body;
          return send(res, 200, comment);
        }
      }
      return send(res, 404, { message: "Not Found" });
    }
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && recorded.method === "GET") {
      const p = pull(Number(m[1]));
      const files = Object.entries(p.files).map(([filename, patch]) => ({ filename, status: "modified", patch }));
      return paginate(recorded, res, files);
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest)) && recorded.method === "POST") {
      const p = pull(Number(m[1]));
      const body = recorded.body as { commit_id: string; event: string; body: string; comments?: any[] };
      const comments = body.comments ?? [];
      for (const c of comments) {
        const patch = p.files[c.path];
        if (patch === undefined || c.side !== "RIGHT" || !rightSideLines(patch).has(c.line)) {
          return send(res, 422, {
            message: "Unprocessable Entity",
            errors: ["Pull request review thread line must be part of the diff"],
          });
        }
      }
      const reviewId = nextId++;
      p.reviews.push({ id: reviewId, body: body.body, event: body.event, commit_id: body.commit_id, comments: comments.length });
      for (const c of comments) {
        const id = nextId++;
        p.reviewComments.push({
          id,
          body: c.body,
          path: c.path,
          line: c.line,
          side: c.side,
          commit_id: body.commit_id,
          pull_request_review_id: reviewId,
          html_url: `https://github.example/r/${id}`,
          user: { login: "bot" },
        });
      }
      return send(res, 200, { id: reviewId, body: body.body, state: "COMMENTED" });
    }
    return send(res, 404, { message: `Not Found: ${recorded.method} ${path}` });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  mock.url = `${origin}${prefix}`;
  return mock;
}

/** A unified patch that adds `lines` (1-based, head side) to a file, as GitHub would show it. */
export function additionPatch(lines: readonly number[]): string {
  return lines.map((n) => `@@ -${n - 1},0 +${n},1 @@\n+added line ${n}`).join("\n");
}
