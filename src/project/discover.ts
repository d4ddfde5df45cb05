import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import type { ScanError } from "../core/types.js";
import { readHead } from "./read-source.js";

export interface DiscoverOptions {
  /** Globs (relative to the root) a file must match to be scanned; empty = everything. */
  include: string[];
  /** Globs (relative to the root) excluding files or directories. */
  exclude: string[];
  /** Skip test files and directories (`test_*.py`, `*_test.py`, `tests/`, `conftest.py`, ...). */
  skipTests: boolean;
  /** Honour `.gitignore` files (default true). */
  gitignore: boolean;
}

export interface DiscoveredFile {
  absPath: string;
  /** Relative to the scan root, forward slashes. */
  relPath: string;
  size: number;
  kind: "python" | "other";
}

export interface Discovery {
  files: DiscoveredFile[];
  errors: ScanError[];
}

/** Directories nobody wants scanned: VCS data, dependencies, virtualenvs, caches and build output. */
export const DEFAULT_EXCLUDED_DIRS = new Set([
  ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".env", "env", ".tox", ".nox",
  "site-packages", "dist-packages", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "build", "dist",
  ".idea", ".vscode", ".pathfinder-cache", ".pathfinder_cache",
]);

const PYTHON_EXTENSIONS = [".py", ".pyw"];
const TEST_FILE = /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|conftest\.py)$/;
const TEST_DIR = /(^|\/)(tests?|testing)(\/|$)/;

/**
 * Walks `root` (a directory or a single file) without recursion. Symlinks are followed once: a link back into
 * a directory already being walked is reported as a loop and skipped. The walk uses synchronous file-system calls:
 * thousands of small metadata calls cost several times more through the asynchronous API's thread pool.
 */
export async function discover(root: string, options: DiscoverOptions): Promise<Discovery> {
  const absRoot = resolve(root);
  const files: DiscoveredFile[] = [];
  const errors: ScanError[] = [];
  const isIncluded = options.include.length ? picomatch(options.include, { dot: true }) : () => true;
  const isExcluded = options.exclude.length ? picomatch(options.exclude, { dot: true }) : () => false;
  // A pattern without a slash names a file or directory anywhere (`legacy`, `*.gen.py`); one with a slash is a path.
  const bareNames = options.exclude.filter((p) => !p.replace(/\/+$/, "").includes("/"));
  const isExcludedName = bareNames.length ? picomatch(bareNames, { dot: true }) : () => false;
  const excludedPath = (rel: string) => isExcluded(rel) || isExcludedName(basename(rel));

  const rootStat = statSync(absRoot);
  if (!rootStat.isDirectory()) {
    const rel = basename(absRoot);
    files.push({ absPath: absRoot, relPath: rel, size: rootStat.size, kind: classify(absRoot, rel) });
    return { files, errors };
  }

  interface Pending {
    dir: string;
    ignores: IgnoreLayer[];
    ancestors: Set<string>;
  }
  const stack: Pending[] = [{ dir: absRoot, ignores: [], ancestors: new Set() }];
  while (stack.length) {
    const { dir, ignores: inherited, ancestors } = stack.pop()!;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      errors.push(problem(absRoot, dir, "unreadable", `cannot resolve directory: ${reason(e)}`));
      continue;
    }
    if (ancestors.has(real)) {
      errors.push(problem(absRoot, dir, "symlink-loop", "symbolic link loop: directory links back to one of its parents; skipped"));
      continue;
    }
    const lineage = new Set(ancestors).add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(problem(absRoot, dir, "unreadable", `cannot read directory: ${reason(e)}`));
      continue;
    }
    const ignores = options.gitignore ? withGitignore(dir, inherited) : inherited;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const rel = toPosix(relative(absRoot, abs));
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size = 0;
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(abs);
          isDir = target.isDirectory();
          isFile = target.isFile();
          size = target.size;
        } catch (e) {
          const loop = (e as NodeJS.ErrnoException).code === "ELOOP";
          errors.push(problem(absRoot, abs, loop ? "symlink-loop" : "unreadable", loop ? "symbolic link loop; skipped" : `broken symbolic link: ${reason(e)}`));
          continue;
        }
      }
      if (isDir) {
        if (DEFAULT_EXCLUDED_DIRS.has(entry.name) || excludedPath(rel) || excludedPath(rel + "/")) continue;
        if (isIgnored(ignores, abs, true)) continue;
        if (options.skipTests && TEST_DIR.test(rel)) continue;
        stack.push({ dir: abs, ignores, ancestors: lineage });
      } else if (isFile) {
        if (excludedPath(rel) || !isIncluded(rel) || isIgnored(ignores, abs, false)) continue;
        if (options.skipTests && (TEST_FILE.test(rel) || TEST_DIR.test(rel))) continue;
        if (!size) {
          try {
            size = lstatSync(abs).size;
          } catch (e) {
            errors.push(problem(absRoot, abs, "unreadable", `cannot stat file: ${reason(e)}`));
            continue;
          }
        }
        files.push({ absPath: abs, relPath: rel, size, kind: classify(abs, rel) });
      }
    }
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, errors };
}

/** Python by extension, or an extension-less file whose first line is a Python shebang. */
function classify(abs: string, rel: string): DiscoveredFile["kind"] {
  const lower = rel.toLowerCase();
  if (PYTHON_EXTENSIONS.some((e) => lower.endsWith(e))) return "python";
  if (basename(rel).includes(".")) return "other";
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
