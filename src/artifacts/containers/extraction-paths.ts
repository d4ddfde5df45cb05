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

/** Links followed while resolving one path (the kernel's own bound on nested symbolic links is 40). */
const MAX_LINK_HOPS = 40;

/**
 * The folder a tar extracts into, as far as its symbolic links shape it: members are extracted in order, and a
 * later member's path, or a later link's target, is resolved through the symbolic links extracted before it. So a
 * chain of links that each stay inside (`a -> .`, then `a/../../x`) still shows the member that lands outside: the
 * class of the 2025 tarfile filter bypasses (CVE-2025-4138, CVE-2025-4517), which textual checks miss.
 */
export class ExtractionFolder {
  /** Symbolic links by their resolved path (segments joined with `/`): the target as written. */
  private readonly links = new Map<string, string>();

  /** Why writing `name` lands outside the folder once earlier links are followed, or undefined. */
  memberEscapes(name: string): string | undefined {
    const plain = escapesExtraction(name);
    if (plain !== undefined) return plain;
    return this.resolve([], split(name), true) === undefined ? "leaves the folder through a symbolic link extracted before it" : undefined;
  }

  /** Why a link member's target leaves the folder (resolved through earlier links), or undefined. */
  linkEscapes(name: string, target: string, kind: "symlink" | "hardlink"): string | undefined {
    const plain = linkEscapes(name, target, kind);
    if (plain !== undefined) return plain;
    const base = kind === "symlink" ? this.resolve([], split(name).slice(0, -1), true) : [];
    if (base === undefined) return undefined; // the link's own name is reported
    return this.resolve(base, split(target), true) === undefined ? "points out of the folder through a symbolic link extracted before it" : undefined;
  }

  /** Records a symbolic link member (after it was judged), for the members that follow. */
  addSymlink(name: string, target: string): void {
    const parts = split(name).filter((p) => p !== "" && p !== ".");
    const dir = this.resolve([], parts.slice(0, -1), true);
    const last = parts.at(-1);
    if (dir === undefined || last === undefined || last === "..") return;
    this.links.set([...dir, last].join("/"), target);
  }

  /** `path` resolved from `from` through the recorded links; undefined when it climbs out of the folder. */
  private resolve(from: readonly string[], path: readonly string[], followLast: boolean): string[] | undefined {
    const out = [...from];
    const queue = [...path];
    let hops = 0;
    while (queue.length > 0) {
      const segment = queue.shift()!;
      if (segment === "" || segment === ".") continue;
      if (segment === "..") {
        if (out.length === 0) return undefined;
        out.pop();
        continue;
      }
      out.push(segment);
      const target = this.links.get(out.join("/"));
      if (target === undefined || (!followLast && queue.length === 0)) continue;
      // A loop makes the extractor fail (ELOOP), not escape.
      if (++hops > MAX_LINK_HOPS) return out;
      if (/^[\\/]|^[A-Za-z]:/.test(target)) return undefined;
      out.pop();
      queue.unshift(...split(target));
    }
    return out;
  }
}

function split(path: string): string[] {
  return path.split(/[\\/]/);
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
