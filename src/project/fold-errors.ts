import type { ScanError } from "../core/types.js";

/**
 * Folds warnings that repeat within one file (same file, kind and level, and the same message once numbers are
 * set aside: "truncated at offset 17" and "... offset 912" are alike) into the first of them, which keeps its
 * position and gains a `count` and a note. One archive with thousands of broken members, or a file with thousands
 * of identical problems, then costs a line in the report instead of thousands. Order is kept; linear time.
 */
export function foldRepeatedErrors(errors: readonly ScanError[]): ScanError[] {
  const firsts = new Map<string, { error: ScanError; count: number }>();
  const out: { error: ScanError; count: number }[] = [];
  for (const error of errors) {
    const key = `${error.file}\u0000${error.kind}\u0000${error.level}\u0000${error.message.replace(/\d+/g, "#")}`;
    const first = firsts.get(key);
    if (first) {
      first.count += error.count ?? 1;
      continue;
    }
    const entry = { error, count: error.count ?? 1 };
    firsts.set(key, entry);
    out.push(entry);
  }
  return out.map(({ error, count }) =>
    count === (error.count ?? 1) ? error : { ...error, count, message: `${error.message} (${count} similar warnings in this file)` },
  );
}
