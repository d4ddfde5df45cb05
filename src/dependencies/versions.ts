// Does a PEP 440 specifier set admit a version in an affected range? Both sides become intervals over PEP 440
// ordering (compared by @renovatebot/pep440); `!=` clauses are ignored, which can only over-report a range.
import { compare, valid } from "@renovatebot/pep440";

interface Bound {
  version: string;
  inclusive: boolean;
}

interface Interval {
  lo?: Bound;
  hi?: Bound;
}

/** The release segment bumped at `index` (`2.5.1`, 1 -> `2.6`), for `==2.5.*` and `~=` upper bounds. */
function bump(release: string, index: number): string {
  const parts = release.replace(/^\d+!/, "").split(/[.]/).map((p) => parseInt(p, 10));
  const kept = parts.slice(0, index + 1);
  while (kept.length < index + 1) kept.push(0);
  kept[index] = (kept[index] || 0) + 1;
  return kept.join(".");
}

function releaseOf(version: string): string {
  const m = /^(?:\d+!)?(\d+(?:\.\d+)*)/.exec(version);
  return m ? m[1] : version;
}

/** One clause as an interval; undefined when it cannot be read (then the whole set is treated as unknown). */
function clauseInterval(clause: string): Interval | undefined | "any" {
  const m = /^(===|==|!=|~=|<=|>=|<|>)\s*(.+)$/.exec(clause.trim());
  if (!m) return undefined;
  const [, op, raw] = m;
  const v = raw.trim();
  if (op === "!=") return "any";
  if (v.endsWith(".*")) {
    if (op !== "==") return undefined;
    const base = v.slice(0, -2);
    if (!valid(base)) return undefined;
    const n = base.split(".").length;
    return { lo: { version: base, inclusive: true }, hi: { version: bump(base, n - 1), inclusive: false } };
  }
  if (!valid(v)) return undefined;
  switch (op) {
    case "==":
    case "===":
      return { lo: { version: v, inclusive: true }, hi: { version: v, inclusive: true } };
    case ">=":
      return { lo: { version: v, inclusive: true } };
    case ">":
      return { lo: { version: v, inclusive: false } };
    case "<=":
      return { hi: { version: v, inclusive: true } };
    case "<":
      return { hi: { version: v, inclusive: false } };
    case "~=": {
      const n = releaseOf(v).split(".").length;
      if (n < 2) return undefined;
      return { lo: { version: v, inclusive: true }, hi: { version: bump(releaseOf(v), n - 2), inclusive: false } };
    }
  }
  return undefined;
}

/** A specifier set (comma-separated clauses) as one interval; "" is every version. */
export function specifierInterval(specifier: string): Interval | undefined {
  const out: Interval = {};
  for (const clause of specifier.split(",").map((c) => c.trim()).filter(Boolean)) {
    const i = clauseInterval(clause);
    if (i === undefined) return undefined;
    if (i === "any") continue;
    if (i.lo && (!out.lo || tighterLow(i.lo, out.lo))) out.lo = i.lo;
    if (i.hi && (!out.hi || tighterHigh(i.hi, out.hi))) out.hi = i.hi;
  }
  return out;
}

function tighterLow(a: Bound, b: Bound): boolean {
  const c = compare(a.version, b.version);
  return c > 0 || (c === 0 && !a.inclusive);
}

function tighterHigh(a: Bound, b: Bound): boolean {
  const c = compare(a.version, b.version);
  return c < 0 || (c === 0 && !a.inclusive);
}

function nonEmpty(i: Interval): boolean {
  if (!i.lo || !i.hi) return true;
  const c = compare(i.lo.version, i.hi.version);
  return c < 0 || (c === 0 && i.lo.inclusive && i.hi.inclusive);
}

/**
 * Whether some version allowed by `specifier` lies in `affected` (specifier sets joined by `||`).
 * An unreadable specifier admits nothing we can name, so it answers false.
 */
export function admits(specifier: string, affected: string): boolean {
  const wanted = specifierInterval(specifier);
  if (!wanted) return false;
  return affected.split("||").some((range) => {
    const hit = specifierInterval(range.trim());
    if (!hit) return false;
    const both: Interval = { lo: wanted.lo, hi: wanted.hi };
    if (hit.lo && (!both.lo || tighterLow(hit.lo, both.lo))) both.lo = hit.lo;
    if (hit.hi && (!both.hi || tighterHigh(hit.hi, both.hi))) both.hi = hit.hi;
    return nonEmpty(both);
  });
}

/** Whether an exact version lies in `affected`. */
export function affects(version: string, affected: string): boolean {
  return valid(version) ? admits(`==${version}`, affected) : false;
}

/** The highest of some versions, by PEP 440 ordering. */
export function highest(versions: readonly string[]): string | undefined {
  return [...versions].filter((v) => valid(v)).sort(compare).pop();
}
