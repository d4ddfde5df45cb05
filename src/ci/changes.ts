// What a diff changed, as the diff filter needs it. Pure data: no git, no file system.

export type ChangeStatus = "added" | "modified" | "renamed" | "copied" | "deleted" | "type-changed";

export interface ChangedFile {
  /** Path on the head side, relative to the repository root, forward slashes. For deletions: the old path. */
  path: string;
  /** Path on the base side when it differs (renames and copies). */
  oldPath?: string;
  status: ChangeStatus;
  /** Git could not show a line diff (binary content): every finding in the file counts as changed. */
  binary: boolean;
  /** Head-side line numbers (1-based) that the diff adds or rewrites. */
  addedLines: Set<number>;
}

export interface ChangeSet {
  /** Commit the diff starts from (the merge base of base and head). */
  baseSha: string;
  headSha: string;
  /** Keyed by head-side path. Deleted files are absent: no finding can sit in them. */
  files: Map<string, ChangedFile>;
}
