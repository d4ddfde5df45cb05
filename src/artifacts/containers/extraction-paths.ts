// Archive members that an extractor would write (or link) outside the folder it extracts into: `../` names,
// absolute names, and links whose target leaves the folder. Python's tarfile without an extraction filter (the
// default before Python 3.14) honours all of them, as do the extractors of NeMo (.nemo), onnx.hub (CVE-2024-5187)
// and keras.utils.get_file (CVE-2025-12060); zip extractors other than Python's zipfile honour `..` names (Zip Slip).
// Browser-safe.
import type { PickleIssue } from "../types.js";

/** Findings per archive: one hostile archive can hold thousands of escaping members. */
export const MAX_ESCAPE_ISSUES = 20;

/**
 * Why writing `name` under the extraction folder lands outside it, or undefined when it stays inside. Both `/` and
 * `\` separate (Windows extractors split on either); `.` and empty segments are skipped, `..` climbs.
 */
export function escapesExtraction(name: string): string | undefined {
  if (name.includes("\0")) return "holds a NUL byte";
  if (name.startsWith("/") || name.startsWith("\\")) return "is an absolute path";
  if (/^[A-Za-z]:/.test(name)) return "names a drive";
  return climbsOut(name.split(/[\\/]/)) ? "climbs out of the folder with `..`" : undefined;
}

/**
 * Why a link member leaves the folder. A symbolic link's target is resolved from the link's own directory; a hard
 * link's target names another path from the archive's root (tarfile: `os.link(join(path, linkname), target)`).
 */
export function linkEscapes(member: string, target: string, kind: "symlink" | "hardlink"): string | undefined {
  if (target.startsWith("/") || target.startsWith("\\") || /^[A-Za-z]:/.test(target)) return "points at an absolute path";
  const base = kind === "symlink" ? member.split(/[\\/]/).slice(0, -1) : [];
  return climbsOut([...base, ...target.split(/[\\/]/)]) ? "points out of the folder with `..`" : undefined;
}

function climbsOut(segments: readonly string[]): boolean {
  let depth = 0;
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (--depth < 0) return true;
    } else depth++;
  }
  return false;
}

/** The issue for one escaping member (`what`: "tar member", "zip member", "tar symbolic link", ...). */
export function escapeIssue(what: string, name: string, why: string, target?: string): PickleIssue {
  const link = target === undefined ? "" : ` to ${JSON.stringify(target)}`;
  return {
    kind: "archive-path-escape",
    severity: "high",
    message: `${what} ${JSON.stringify(name)}${link} ${why}: extracting the archive writes outside the extraction folder`,
  };
}
