// Keeps tokens out of everything we print. Every message that may carry request details passes here.

/** GitHub token shapes: classic and fine-grained PATs, app installation, OAuth, user-to-server and refresh tokens. */
const TOKEN_PATTERN = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;
const AUTH_HEADER_PATTERN = /\b(authorization["']?\s*[:=]\s*["']?(?:token |bearer |basic )?)[^\s"',}]+/gi;

export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join("***");
  }
  return result.replace(TOKEN_PATTERN, "***").replace(AUTH_HEADER_PATTERN, (_match, key: string) => `${key}***`);
}

interface HttpErrorLike {
  status?: unknown;
  message?: unknown;
  request?: { method?: unknown; url?: unknown };
  response?: { data?: unknown };
}

function detailFromBody(data: unknown): string {
  if (typeof data !== "object" || data === null) return "";
  const body = data as { errors?: unknown };
  if (!Array.isArray(body.errors) || body.errors.length === 0) return "";
  const parts = body.errors.map((entry) =>
    typeof entry === "string" ? entry : typeof entry === "object" && entry !== null && "message" in entry ? String(entry.message) : "",
  );
  const text = parts.filter(Boolean).join("; ");
  return text ? ` (${text})` : "";
}

/** One line describing an API failure: status, method, path and GitHub's message, with secrets removed. */
export function describeApiError(error: unknown, secrets: readonly (string | undefined)[]): string {
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as HttpErrorLike;
  const message = typeof e.message === "string" ? e.message : String(error);
  let where = "";
  if (e.request && typeof e.request.method === "string" && typeof e.request.url === "string") {
    let path = e.request.url;
    try {
      path = new URL(e.request.url).pathname;
    } catch {
      // keep the raw value
    }
    where = ` on ${e.request.method} ${path}`;
  }
  const status = typeof e.status === "number" ? `HTTP ${e.status}` : "request failed";
  const firstLine = message.split("\n")[0] ?? "";
  return redact(`GitHub API ${status}${where}: ${firstLine}${detailFromBody(e.response?.data)}`, secrets);
}
