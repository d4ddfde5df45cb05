// Splits findings into those a change introduced (on added or rewritten lines, or in changed files)
// and those that were already there. Pure: works on a ChangeSet, never on git.
import type { Finding } from "../core/types.js";
import type { ChangedFile, ChangeSet } from "./changes.js";

export type DiffScope = "line" | "file";

export interface DiffFilterOptions {
  scope: DiffScope;
  /**
   * Where the scan target sits inside the repository (`git rev-parse --show-prefix`, e.g. `services/api/`;
   * "" at the top). Finding paths are relative to the scan target, diff paths to the repository root.
   */
  pathPrefix: string;
}

export interface DiffPartition {
  /** Findings on lines (or files, with scope `file`) that the diff adds or changes. */
  introduced: Finding[];
  /** Everything else: already present before the change. */
  preexisting: Finding[];
}

export function repositoryPath(finding: Finding, pathPrefix: string): string {
  const prefix = pathPrefix && !pathPrefix.endsWith("/") ? `${pathPrefix}/` : pathPrefix;
  const file = finding.location.file.replace(/\\/g, "/").replace(/^\.\//, "");
  return prefix + file;
}

/** A pure rename or mode change adds no content and introduces nothing. */
function hasContentChange(file: ChangedFile): boolean {
  return file.binary || file.addedLines.size > 0;
}

function touchesChangedLines(finding: Finding, file: ChangedFile): boolean {
  // Binary files and artifact findings (archive members, byte offsets) have no meaningful line diff:
  // any content change to the file counts.
  if (file.binary || finding.location.member !== undefined || finding.location.offset !== undefined) {
    return hasContentChange(file);
  }
  const first = finding.location.line;
  const last = Math.max(first, finding.location.endLine);
  for (let line = first; line <= last; line++) {
    if (file.addedLines.has(line)) return true;
  }
  return false;
}

export function isIntroduced(finding: Finding, changes: ChangeSet, options: DiffFilterOptions): boolean {
  const file = changes.files.get(repositoryPath(finding, options.pathPrefix));
  if (!file) return false;
  if (options.scope === "file") return hasContentChange(file);
  return touchesChangedLines(finding, file);
}

export function partitionByDiff(
  findings: readonly Finding[],
  changes: ChangeSet,
  options: DiffFilterOptions,
): DiffPartition {
  const introduced: Finding[] = [];
  const preexisting: Finding[] = [];
  for (const finding of findings) {
    (isIntroduced(finding, changes, options) ? introduced : preexisting).push(finding);
  }
  return { introduced, preexisting };
}
