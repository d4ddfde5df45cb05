// Escaping for HTML built as strings. Every piece of scanned or user-controlled text goes through here.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for element content and quoted attribute values. C0 controls (other than tab and newline)
 * become their visible Unicode "control pictures", and bidi controls are shown as `<U+XXXX>`, so scanned
 * code can neither produce invalid HTML nor reorder what the reader sees (Trojan Source).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]!)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (ch) =>
      String.fromCharCode(ch === "\u007f" ? 0x2421 : 0x2400 + ch.charCodeAt(0)),
    )
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (ch) => `&lt;U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}&gt;`);
}

/** A URL that is safe to put in `href`: http(s) and mailto only, or a relative path; anything else becomes `#`. */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return escapeHtml(trimmed);
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//")) return "#";
  return escapeHtml(trimmed);
}

/** A value usable as an HTML id / CSS-safe token: letters, digits, `-` and `_` only. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

/** JSON for a `<script type="application/json">` block: `<` is escaped so no `</script>` can close it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
