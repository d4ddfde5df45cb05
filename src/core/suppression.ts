import type { Suppression } from "./types.js";

/** What a comment says about suppressing findings on its line. */
export interface SuppressionDirective {
  kind: "pathfinder" | "nosec" | "noqa";
  /** Rule or Bandit IDs the directive names; empty means every rule (never for `noqa`, which must name codes). */
  ids: string[];
  text: string;
}

const PATHFINDER = /pathfinder\s*:\s*ignore(?:\s*\[([^\]]*)\])?/i;
// Bandit: `# nosec`, `# nosec B301`, `# nosec: B301, B403`, `# nosec B301 - reason`
const NOSEC = /\bnosec\b(?:\s*:?\s*((?:[A-Z]+[0-9A-Z-]*\d)(?:\s*,\s*[A-Z]+[0-9A-Z-]*\d)*))?/;

// Ruff (flake8-bandit) and Flake8: `# noqa: S301`, `# noqa: S301, S403 reviewed`. Ruff names Bandit's checks
// `S` + the Bandit number (S301 is B301), so teams moving from Ruff keep their reviewed suppressions. A bare
// `# noqa` (often there for an unrelated lint) does not silence a security finding: it must name the code.
const NOQA = /\bnoqa\s*:\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)/i;

export function parseSuppression(comment: string): SuppressionDirective | undefined {
  const p = PATHFINDER.exec(comment);
  if (p) return { kind: "pathfinder", ids: splitIds(p[1]), text: comment.trim() };
  const n = NOSEC.exec(comment);
  if (n) return { kind: "nosec", ids: splitIds(n[1]), text: comment.trim() };
  const q = NOQA.exec(comment);
  if (q) {
    const ids = q[1]!.split(/[\s,]+/).filter(Boolean).map((code) => code.toUpperCase()).map((code) => (/^S\d{3}$/.test(code) ? `B${code.slice(1)}` : code));
    return { kind: "noqa", ids, text: comment.trim() };
  }
  return undefined;
}

/**
 * A suppression in a language's own idiom, given as the text it names: Java `@SuppressWarnings("pathfinder:ID")`
 * and C# `[SuppressMessage("pathfinder", "ID")]` both come here as `pathfinder:ID` (`pathfinder` alone: every rule).
 */
export function parseIdiomSuppression(value: string): SuppressionDirective | undefined {
  const m = /^\s*pathfinder\s*(?::\s*([A-Za-z0-9_,\s-]*?))?\s*(?:\([^)]*\))?\s*$/i.exec(value);
  return m ? { kind: "pathfinder", ids: splitIds(m[1]), text: value.trim() } : undefined;
}

/** Whether `directive` suppresses rule `ruleId` (a `nosec` also matches the rule's Bandit test IDs). */
export function suppresses(directive: SuppressionDirective, ruleId: string, banditIds: string[]): Suppression | undefined {
  const hit =
    directive.ids.length === 0 ||
    directive.ids.some((id) => id.toUpperCase() === ruleId.toUpperCase() || banditIds.includes(id.toUpperCase()));
  return hit ? { kind: directive.kind, justification: directive.text } : undefined;
}

function splitIds(list: string | undefined): string[] {
  return list ? list.split(",").map((s) => s.trim()).filter(Boolean) : [];
}
