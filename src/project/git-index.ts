// Which paths git tracks, read from the project's own `.git/index`, so that `.gitignore` applies only to untracked
// files, as it does in git: a tracked file that an ignore rule matches (vendored code added with `git add -f`, or a
// pull request that adds both a file and an ignore rule for it) is part of the program and is scanned.
//
// Our own reader rather than a library or `git ls-files`: the index belongs to the repository being scanned, so every
// count and length in it is bounded by the bytes that are there, and no git process runs in a repository that may be
// hostile (a `core.fsmonitor` setting in its config names a command). Versions 2-4 are read, with split indexes
// (`link`) and sparse directory entries. Only `<root>/.git` is read: nothing outside the project.
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";

export interface TrackedPaths {
  /** Whether the file at this root-relative path (forward slashes) is in the index. */
  hasFile(rel: string): boolean;
  /** Whether some tracked path lies under this root-relative directory (no trailing slash). */
  hasDirectory(rel: string): boolean;
}

/** What reading the index gave: tracked paths, nothing to read (no repository at the root), or why it failed. */
export type TrackedRead = { tracked: TrackedPaths } | { absent: true } | { problem: string };

/** An index bigger than this is not read (the largest monorepos' indexes are a few hundred MB). */
export const MAX_INDEX_BYTES = 256 * 1024 * 1024;

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFGITLINK = 0o160000;

export function readTrackedPaths(root: string): TrackedRead {
  const gitDir = join(root, ".git");
  let isDir: boolean;
  try {
    isDir = statSync(gitDir).isDirectory();
  } catch {
    return { absent: true };
  }
  // A `.git` file (a linked worktree or a submodule) points at a folder outside the project.
  if (!isDir) return { absent: true };
  const hashBytes = objectHashBytes(gitDir);
  const files = new Set<string>();
  const directories = new Set<string>();
  const sparse = new Set<string>();
  const add = (path: string, mode: number): void => {
    const type = mode & S_IFMT;
    if (type === S_IFDIR) {
      const dir = path.endsWith("/") ? path.slice(0, -1) : path;
      sparse.add(dir);
      addAncestors(directories, dir);
      directories.add(dir);
    } else {
      if (type === S_IFGITLINK) directories.add(path);
      files.add(path);
      addAncestors(directories, path);
    }
  };
  let index: Buffer | undefined;
  try {
    index = readBounded(join(gitDir, "index"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { absent: true };
    return { problem: `cannot read .git/index: ${(e as Error).message}` };
  }
  if (!index) return { problem: `.git/index is larger than ${MAX_INDEX_BYTES / 1024 / 1024} MB; not read` };
  const main = readIndex(index, hashBytes, add);
  if (typeof main === "string") return { problem: `.git/index is not a git index this reader knows (${main})` };
  if (main.sharedIndex) {
    // A split index keeps most entries in a shared file; its deletion bitmaps are not applied, so a path removed
    // since counts as tracked: at worst a file that is no longer tracked and is ignored gets scanned.
    let shared: Buffer | undefined;
    try {
      shared = readBounded(join(gitDir, `sharedindex.${main.sharedIndex}`));
    } catch (e) {
      return { problem: `cannot read the shared index of .git/index: ${(e as Error).message}` };
    }
    if (!shared) return { problem: `the shared index of .git/index is larger than ${MAX_INDEX_BYTES / 1024 / 1024} MB; not read` };
    const read = readIndex(shared, hashBytes, add);
    if (typeof read === "string") return { problem: `the shared index of .git/index is not a git index this reader knows (${read})` };
  }
  const underSparse = (rel: string): boolean => {
    if (!sparse.size) return false;
    for (let slash = rel.indexOf("/"); slash > 0; slash = rel.indexOf("/", slash + 1)) if (sparse.has(rel.slice(0, slash))) return true;
    return false;
  };
  return {
    tracked: {
      hasFile: (rel) => files.has(rel) || underSparse(rel),
      hasDirectory: (rel) => directories.has(rel) || underSparse(rel + "/"),
    },
  };
}

function addAncestors(directories: Set<string>, path: string): void {
  for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) {
    const dir = path.slice(0, slash);
    if (directories.has(dir)) return;
    directories.add(dir);
  }
}

/** SHA-1 (20 bytes) unless the repository's config says SHA-256. */
function objectHashBytes(gitDir: string): number {
  try {
    const config = readFileSync(join(gitDir, "config"), "latin1");
    return /^\s*objectformat\s*=\s*sha256\s*$/im.test(config) ? 32 : 20;
  } catch {
    return 20;
  }
}

function readBounded(path: string): Buffer | undefined {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_INDEX_BYTES) return undefined;
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

const decoder = new TextDecoder("utf-8");

/**
 * Reads the entries of one index file (format: git's `Documentation/gitformat-index.txt`), calling `add` for each
 * path; returns the shared index's name when the index is split, or what is wrong with it.
 */
function readIndex(buf: Buffer, hashBytes: number, add: (path: string, mode: number) => void): { sharedIndex?: string } | string {
  if (buf.length < 12 + hashBytes) return "too short";
  if (buf.toString("latin1", 0, 4) !== "DIRC") return "no DIRC signature";
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) return `version ${version}`;
  const count = buf.readUInt32BE(8);
  const end = buf.length - hashBytes;
  const fixed = 40 + hashBytes + 2;
  let at = 12;
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    if (at + fixed > end) return "truncated entries";
    const mode = buf.readUInt32BE(at + 24);
    const flags = buf.readUInt16BE(at + 40 + hashBytes);
    let nameAt = at + fixed;
    if (flags & 0x4000) {
      if (version < 3) return "extended flags in a version 2 index";
      nameAt += 2;
    }
    let name: Uint8Array;
    if (version === 4) {
      // The name is the previous one less its last `strip` bytes, then a NUL-terminated suffix.
      if (nameAt >= end) return "truncated entries";
      let byte = buf[nameAt++];
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        if (nameAt >= end || strip > previous.length) return "bad path compression";
        byte = buf[nameAt++];
        strip = (strip + 1) * 128 + (byte & 0x7f);
      }
      if (strip > previous.length) return "bad path compression";
      const nul = buf.indexOf(0, nameAt);
      if (nul < 0 || nul >= end) return "unterminated path";
      const suffix = buf.subarray(nameAt, nul);
      name = new Uint8Array(previous.length - strip + suffix.length);
      name.set(previous.subarray(0, previous.length - strip));
      name.set(suffix, previous.length - strip);
      at = nul + 1;
    } else {
      const nul = buf.indexOf(0, nameAt);
      if (nul < 0 || nul >= end) return "unterminated path";
      name = buf.subarray(nameAt, nul);
      // Entries are padded with 1-8 NULs to a multiple of eight bytes from their start.
      at += (nameAt - at + name.length + 8) & ~7;
    }
    previous = name;
    add(decoder.decode(name), mode);
  }
  // Extensions: a 4-byte signature and a 4-byte length each, up to the trailing checksum.
  while (at + 8 <= end) {
    const signature = buf.toString("latin1", at, at + 4);
    const length = buf.readUInt32BE(at + 4);
    if (at + 8 + length > end) return "truncated extension";
    if (signature === "link" && length >= hashBytes) {
      const shared = buf.toString("hex", at + 8, at + 8 + hashBytes);
      // An all-zero name means the index is not split after all.
      if (/[^0]/.test(shared)) return { sharedIndex: shared };
    }
    at += 8 + length;
  }
  return {};
}
