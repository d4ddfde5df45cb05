import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import type { ScanError } from "../core/types.js";
import { readTrackedPaths, type TrackedPaths } from "./git-index.js";
import { readHead } from "./read-source.js";

export interface DiscoverOptions {
  /** Globs (relative to the root) a file must match to be scanned; empty = everything. */
  include: string[];
  /** Globs (relative to the root) excluding files or directories. */
  exclude: string[];
  /** Skip test files and directories (`test_*.py`, `*_test.py`, `tests/`, `conftest.py`, ...). */
  skipTests: boolean;
  /**
   * Honour `.gitignore` files (default true), as git does: for untracked files only. A file the project's own
   * `.git/index` tracks is scanned whatever ignore rules match it.
   */
  gitignore: boolean;
  /**
   * Follow symbolic links whose target lies outside the project (`--follow-symlinks`). By default such a link is
   * reported as a `symlink-outside` warning and not followed. Either way every real directory is walked once.
   */
  followSymlinks?: boolean;
  /** A real path: symbolic links whose target lies outside it are not followed (the MCP server's project). */
  confineTo?: string;
}

export interface DiscoveredFile {
  absPath: string;
  /** Relative to the scan root, forward slashes. */
  relPath: string;
  size: number;
  kind: "python" | "other";
  /**
   * The file's identity on disk, as git's index keeps it: size, modification and change times in nanoseconds, inode.
   * Equal stamps mean unchanged content for the analysis cache (see `FileStamp`).
   */
  stamp?: FileStamp;
}

/** See `DiscoveredFile.stamp`: the numbers of a file's plain (not bigint) stats. */
export interface FileStamp {
  size: number;
  /** The times with their fraction (sub-microsecond where the file system keeps it). */
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

// Plain (not bigint) stats: a BigIntStats costs about 10 us more per file in allocation, and the times' doubles keep
// a quarter of a microsecond, plenty to tell edits apart together with size, change time and inode. The numbers are
// kept as they are: a scan of unchanged files compares them (see `stampKey` for the text some memos keep).
function stampOf(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

export interface Discovery {
  files: DiscoveredFile[];
  errors: ScanError[];
  /**
   * What the walk's directory listings showed of `__init__.py` files (module names rest on them, see
   * `PackageLayout`): by the path such a file would have (`dir/__init__.py`, forward slashes), whether it exists.
   * A directory that was not listed, or whose listing cannot tell (a symbolic link by that name, or a name that
   * differs only in case, which is the same file on some file systems), has no entry.
   */
  initFiles: Map<string, boolean>;
}

/** Directories nobody wants scanned: VCS data, dependencies, virtualenvs, caches and build output. */
export const DEFAULT_EXCLUDED_DIRS = new Set([
  ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".env", "env", ".tox", ".nox",
  "site-packages", "dist-packages", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "build", "dist",
  ".idea", ".vscode", ".pathfinder-cache", ".pathfinder_cache",
]);

/**
 * Whether a directory is one of those nobody wants scanned. A directory by such a name that holds an `__init__.py`
 * is a Python package, not build output or an environment: mmengine's `mmengine/dist`, the standard library's `venv`.
 */
function isDefaultExcludedDir(abs: string, name: string): boolean {
  return DEFAULT_EXCLUDED_DIRS.has(name) && !existsSync(join(abs, "__init__.py"));
}

const PYTHON_FILE = /\.pyw?$/i;
const TEST_FILE = /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|conftest\.py)$/;
const TEST_DIR = /(^|\/)(tests?|testing)(\/|$)/;

/** The most directories one walk enters: a bound for `--follow-symlinks` pointed at a huge tree. */
export const MAX_WALKED_DIRECTORIES = 100_000;

/**
 * Walks `root` (a directory or a single file) without recursion. Symlinks that stay inside the project are
 * followed; one that leads out of it is reported and skipped unless `followSymlinks`. A link back into a directory
 * being walked is reported as a loop, and each real directory is walked once (a second link to it is skipped), so
 * the walk is bounded by the directories that exist, never by the paths through them. The walk uses synchronous file-system calls:
 * thousands of small metadata calls cost several times more through the asynchronous API's thread pool.
 */
export async function discover(root: string, options: DiscoverOptions): Promise<Discovery> {
  const absRoot = resolve(root);
  const files: DiscoveredFile[] = [];
  const errors: ScanError[] = [];
  const initFiles = new Map<string, boolean>();
  const isIncluded = options.include.length ? picomatch(options.include, { dot: true }) : () => true;
  const excludedPath = excludeMatcher(options.exclude);

  const rootStat = statSync(absRoot);
  if (!rootStat.isDirectory()) {
    const rel = basename(absRoot);
    files.push({ absPath: absRoot, relPath: rel, size: Number(rootStat.size), kind: classify(absRoot, rel), stamp: stampOf(rootStat) });
    return { files, errors, initFiles };
  }

  interface Pending {
    dir: string;
    /** `dir` relative to the root with a trailing slash ("" for the root). */
    relDir: string;
    /** The real path, when known without asking (a plain directory in a directory whose real path is known). */
    real?: string;
    ignores: IgnoreLayer[];
    ancestors: Set<string>;
  }
  const realRoot = realpathSync(absRoot);
  const tracked = trackedPathsOnDemand(absRoot, errors);
  const walked = new Set<string>();
  // Files and directories waiting, the next on top: a directory's entries go on in reverse order of their paths, so
  // that the files of the plain tree come out in the order of their relative paths (see `byRelPath`).
  const stack: (Pending | DiscoveredFile)[] = [{ dir: absRoot, relDir: "", real: realRoot, ignores: [], ancestors: new Set() }];
  // Directories reached through links wait until the plain tree is walked, so files keep their real paths.
  const linked: Pending[] = [];
  let stopped = false;
  while (stack.length || linked.length) {
    const next = stack.length ? stack.pop()! : linked.pop()!;
    if ("relPath" in next) {
      files.push(next);
      continue;
    }
    if (walked.size >= MAX_WALKED_DIRECTORIES) {
      // The files found so far still come out; no directory is entered.
      if (!stopped) errors.push(problem(absRoot, absRoot, "too-large", `the walk stopped after ${MAX_WALKED_DIRECTORIES} directories; the rest is not scanned`));
      stopped = true;
      continue;
    }
    const { dir, relDir, real: knownReal, ignores: inherited, ancestors } = next;
    let real: string;
    try {
      real = knownReal ?? realpathSync(dir);
    } catch (e) {
      errors.push(problem(absRoot, dir, "unreadable", undecodableName(dirname(dir), basename(dir)) ? UNDECODABLE_DIRECTORY : `cannot resolve directory: ${reason(e)}`));
      continue;
    }
    if (ancestors.has(real)) {
      errors.push(problem(absRoot, dir, "symlink-loop", "symbolic link loop: directory links back to one of its parents; skipped"));
      continue;
    }
    if (walked.has(real)) {
      errors.push(problem(absRoot, dir, "symlink-loop", "symbolic link to a directory scanned through another path; skipped"));
      continue;
    }
    walked.add(real);
    const lineage = new Set(ancestors).add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(problem(absRoot, dir, "unreadable", undecodableName(dirname(dir), basename(dir)) ? UNDECODABLE_DIRECTORY : `cannot read directory: ${reason(e)}`));
      continue;
    }
    const listed = listingOf(entries);
    if (listed.init !== undefined) initFiles.set(`${toPosix(dir)}${dir.endsWith(sep) ? "" : "/"}${INIT_FILE}`, listed.init);
    // Read only where the listing shows one: a failed open per directory costs an exception each.
    const ignores = options.gitignore && listed.gitignore ? withGitignore(dir, inherited) : inherited;
    // In reverse order of the entries' paths, where a directory's name is followed by "/". Sorted as plain strings,
    // natively (see `byRelPath`).
    const byKey = new Map(entries.map((e) => [e.isDirectory() ? e.name + "/" : e.name, e]));
    const keys = [...byKey.keys()].sort();
    for (let k = keys.length - 1; k >= 0; k--) {
      const entry = byKey.get(keys[k])!;
      // Joined by hand: path.join and path.relative normalise, which costs more than the rest of the loop.
      const abs = dir.endsWith(sep) ? dir + entry.name : dir + sep + entry.name;
      const rel = relDir + entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size = 0;
      let stamp: FileStamp | undefined;
      const link = entry.isSymbolicLink();
      if (link) {
        if (options.confineTo !== undefined && leadsOutside(abs, options.confineTo)) {
          errors.push(problem(absRoot, abs, "symlink-outside", "symbolic link to a path outside the project; not followed"));
          continue;
        }
        try {
          const target = statSync(abs);
          isDir = target.isDirectory();
          isFile = target.isFile();
          size = Number(target.size);
          stamp = stampOf(target);
        } catch (e) {
          const loop = (e as NodeJS.ErrnoException).code === "ELOOP";
          errors.push(problem(absRoot, abs, loop ? "symlink-loop" : "unreadable", loop ? "symbolic link loop; skipped" : `broken symbolic link: ${reason(e)}`));
          continue;
        }
      }
      if (isDir) {
        if (isDefaultExcludedDir(abs, entry.name) || excludedPath(rel) || excludedPath(rel + "/")) continue;
        if (isIgnored(ignores, abs, true) && !tracked()?.hasDirectory(rel)) continue;
        if (options.skipTests && TEST_DIR.test(rel)) continue;
        if (link && !options.followSymlinks && leavesProject(realRoot, abs, absRoot, errors)) continue;
        if (link) linked.push({ dir: abs, relDir: `${rel}/`, ignores, ancestors: lineage });
        else stack.push({ dir: abs, relDir: `${rel}/`, real: real.endsWith(sep) ? real + entry.name : real + sep + entry.name, ignores, ancestors: lineage });
      } else if (isFile) {
        if (excludedPath(rel) || !isIncluded(rel) || (isIgnored(ignores, abs, false) && !tracked()?.hasFile(rel))) continue;
        if (options.skipTests && (TEST_FILE.test(rel) || TEST_DIR.test(rel))) continue;
        if (link && !options.followSymlinks && leavesProject(realRoot, abs, absRoot, errors)) continue;
        if (!stamp) {
          try {
            const stats = lstatSync(abs);
            size = Number(stats.size);
            stamp = stampOf(stats);
          } catch (e) {
            errors.push(problem(absRoot, abs, "unreadable", undecodableName(dir, entry.name) ? UNDECODABLE_FILE : `cannot stat file: ${reason(e)}`));
            continue;
          }
        }
        stack.push({ absPath: abs, relPath: rel, size, kind: classify(abs, rel), stamp });
      }
    }
  }
  return { files: byRelPath(files), errors, initFiles };
}

const INIT_FILE = "__init__.py";

/**
 * The tracked paths of a repository at `root`, read the first time an ignore rule matches something (most walks never
 * ask); undefined when there is no repository there or its index cannot be read (then said once in `errors`).
 */
function trackedPathsOnDemand(root: string, errors: ScanError[]): () => TrackedPaths | undefined {
  let read: ReturnType<typeof readTrackedPaths> | undefined;
  return () => {
    if (!read) {
      read = readTrackedPaths(root);
      if ("problem" in read) errors.push(problem(root, join(root, ".git", "index"), "unreadable", `${read.problem}: .gitignore rules apply to every file, tracked or not`));
    }
    return "tracked" in read ? read.tracked : undefined;
  };
}

// Node.js decodes directory listings as UTF-8, so a name that is not valid UTF-8 comes back with U+FFFD in place of
// its bad bytes, and no call can open the file by that name.
const UNDECODABLE_FILE = "file name is not valid UTF-8: Node.js cannot open the file by its name, so it is not scanned (rename it)";
const UNDECODABLE_DIRECTORY = "directory name is not valid UTF-8: Node.js cannot open it by its name, so nothing in it is scanned (rename it)";

/** Whether `name`, as listed in `dir`, stands for a name on disk that is not valid UTF-8 (asked only after a failure). */
function undecodableName(dir: string, name: string): boolean {
  if (!name.includes("\uFFFD")) return false;
  const strict = new TextDecoder("utf-8", { fatal: true });
  try {
    return readdirSync(dir, { encoding: "buffer" }).some((raw) => {
      try {
        strict.decode(raw);
        return false;
      } catch {
        return raw.toString("utf8") === name;
      }
    });
  } catch {
    return false;
  }
}

/**
 * What a directory's listing shows, in one pass over it: a `.gitignore`, and whether it has an `__init__.py`
 * (undefined when it cannot tell: a symbolic link by that name, or a name that differs only in case, which is the
 * same file on some file systems; see `Discovery.initFiles`).
 */
function listingOf(entries: readonly Dirent[]): { gitignore: boolean; init: boolean | undefined } {
  let gitignore = false;
  let init: boolean | undefined = false;
  for (const entry of entries) {
    const name = entry.name;
    if (name === ".gitignore") gitignore = true;
    // "_" starts the name: most entries are passed over without making a lower-case copy.
    else if (name.length === INIT_FILE.length && name.charCodeAt(0) === 95 && init !== undefined && name.toLowerCase() === INIT_FILE) {
      init = name === INIT_FILE && !entry.isSymbolicLink() ? true : undefined;
    }
  }
  return { gitignore, init };
}

/**
 * The files in the order of their relative paths (UTF-16 code units, as `<` compares strings). The walk gives them
 * in that order, but for those reached through symbolic links to directories: only then are they sorted. The paths
 * are sorted as plain strings, natively: a comparison function called for each of the tens of thousands of
 * comparisons costs a start-up (a re-scan of unchanged files) several milliseconds more.
 */
function byRelPath(files: DiscoveredFile[]): DiscoveredFile[] {
  let sorted = true;
  for (let i = 1; i < files.length && sorted; i++) sorted = files[i - 1].relPath < files[i].relPath;
  if (sorted) return files;
  const byPath = new Map(files.map((f) => [f.relPath, f]));
  if (byPath.size !== files.length) return files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return [...byPath.keys()].sort().map((path) => byPath.get(path)!);
}

/** True (and reported) when the symbolic link `abs` resolves outside the real project root. */
function leavesProject(realRoot: string, abs: string, absRoot: string, errors: ScanError[]): boolean {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    errors.push(problem(absRoot, abs, "unreadable", `cannot resolve symbolic link: ${reason(e)}`));
    return true;
  }
  const rel = relative(realRoot, real);
  if (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return false; // "" is the root itself
  let shown = "";
  try {
    shown = ` (-> ${readlinkSync(abs)})`;
  } catch {
    // Resolved a moment ago; the link text is only for the message.
  }
  errors.push(problem(absRoot, abs, "symlink-outside", `symbolic link leads outside the project${shown}; not followed (use --follow-symlinks to scan it)`));
  return true;
}

function leadsOutside(link: string, confineTo: string): boolean {
  let real: string;
  try {
    real = realpathSync(link);
  } catch {
    return false; // broken or looping: reported as such below
  }
  const rel = relative(confineTo, real);
  return rel === ".." || rel.startsWith(".." + sep) || isAbsolute(rel);
}

/** Matches root-relative paths against `--exclude` globs. */
function excludeMatcher(exclude: string[]): (rel: string) => boolean {
  const isExcluded = exclude.length ? picomatch(exclude, { dot: true }) : () => false;
  // A pattern without a slash names a file or directory anywhere (`legacy`, `*.gen.py`); one with a slash is a path.
  const bareNames = exclude.filter((p) => !p.replace(/\/+$/, "").includes("/"));
  if (!bareNames.length) return isExcluded;
  const isExcludedName = picomatch(bareNames, { dot: true });
  return (rel: string) => isExcluded(rel) || isExcludedName(basename(rel));
}

/**
 * Whether `discover(root, options)` would leave out the file `absPath` (default-excluded directories, `.gitignore`
 * files from `root` down, `exclude` globs), decided without walking the tree: editors ask this for one open file.
 * Files outside `root` are never excluded.
 */
export function isExcludedFromDiscovery(root: string, absPath: string, options: Pick<DiscoverOptions, "exclude" | "gitignore">): boolean {
  const absRoot = resolve(root);
  const rel = toPosix(relative(absRoot, resolve(absPath)));
  if (!rel || rel === ".." || rel.startsWith("../") || isAbsolute(rel)) return false;
  const excludedPath = excludeMatcher(options.exclude);
  const parts = rel.split("/");
  const tracked = trackedPathsOnDemand(absRoot, []);
  let ignores: IgnoreLayer[] = [];
  let dir = absRoot;
  for (let i = 0; i < parts.length; i++) {
    if (options.gitignore) ignores = withGitignore(dir, ignores);
    const abs = join(dir, parts[i]);
    const sub = parts.slice(0, i + 1).join("/");
    if (i < parts.length - 1) {
      if (isDefaultExcludedDir(abs, parts[i]) || excludedPath(sub) || excludedPath(sub + "/")) return true;
      if (isIgnored(ignores, abs, true) && !tracked()?.hasDirectory(sub)) return true;
    } else if (excludedPath(sub) || (isIgnored(ignores, abs, false) && !tracked()?.hasFile(sub))) {
      return true;
    }
    dir = abs;
  }
  return false;
}

/** Python by extension, or an extension-less file whose first line is a Python shebang. */
function classify(abs: string, rel: string): DiscoveredFile["kind"] {
  if (PYTHON_FILE.test(rel)) return "python";
  // A dot in the file's name (`rel` has forward slashes).
  if (rel.includes(".", rel.lastIndexOf("/") + 1)) return "other";
  try {
    const head = readHead(abs, 128).toString("latin1");
    if (/^#!.*\bpython[0-9.]*\b/.test(head)) return "python";
  } catch {
    // Unreadable files are reported when they are read for scanning.
  }
  return "other";
}

/** The rules of one `.gitignore`, relative to its directory. */
interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

function withGitignore(dir: string, inherited: IgnoreLayer[]): IgnoreLayer[] {
  let text: string;
  try {
    text = readFileSync(join(dir, ".gitignore"), "utf8");
  } catch {
    return inherited;
  }
  return [...inherited, { base: dir, rules: ignore().add(text) }];
}
function isIgnored(ignores: IgnoreLayer[], abs: string, isDir: boolean): boolean {
  if (!ignores.length) return false;
  for (const { base, rules } of ignores) {
    const rel = toPosix(relative(base, abs));
    if (!rel || rel.startsWith("..")) continue;
    if (rules.ignores(isDir ? rel + "/" : rel)) return true;
  }
  return false;
}

function problem(root: string, abs: string, kind: ScanError["kind"], message: string): ScanError {
  return { file: toPosix(relative(root, abs)) || ".", kind, level: "warning", message };
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `${err.code} ${err.message.replace(/^[A-Z]+: /, "")}` : String(e);
}

export function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}
