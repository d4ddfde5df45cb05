// URI helpers for SARIF artifact locations. Pure string work (no node:url) so reporters run in the browser.

/** Replaces lone UTF-16 surrogates (possible in odd file names) so percent-encoding cannot throw. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/**
 * Percent-encodes one path segment. Beyond `encodeURIComponent` this also encodes the characters
 * RFC 3986 reserves as sub-delimiters that some consumers mishandle, so the result is unambiguous.
 */
function encodeSegment(segment: string): string {
  return encodeURIComponent(wellFormed(segment)).replace(
    /[!'()*]/g,
    (ch) => "%" + ch.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/** A relative URI reference for a project path that already uses forward slashes (`Location.file`). */
export function relativeFileUri(path: string): string {
  return path.replace(/^\.\/+/, "").split("/").map(encodeSegment).join("/");
}

/**
 * A `file:` URI for an absolute directory, ending in `/` as SARIF requires for a uriBaseId base.
 * Accepts POSIX paths and Windows drive (`C:\x`) or UNC (`\\host\share`) paths.
 */
export function directoryFileUri(absolutePath: string): string {
  let path = absolutePath.replace(/\\/g, "/");
  let authority = "";
  if (path.startsWith("//")) {
    const [host = "", ...rest] = path.slice(2).split("/");
    authority = encodeSegment(host);
    path = "/" + rest.join("/");
  } else if (/^[A-Za-z]:/.test(path)) {
    path = "/" + path;
  }
  const segments = path.split("/").map((segment, i) => (i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeSegment(segment)));
  let uri = `file://${authority}${segments.join("/")}`;
  if (!uri.endsWith("/")) uri += "/";
  return uri;
}
