import type { Suppression } from "./types.js";

/** What a comment says about suppressing findings on its line. */
export interface SuppressionDirective {
  kind: "pathfinder" | "nosec";
  /** Rule or Bandit IDs the directive names; empty means every rule. */
  ids: string[];
  text: string;
}

const PATHFINDER = /pathfinder\s*:\s*ignore(?:\s*\[([^\]]*)\])?/i;
// Bandit: `# nosec`, `# nosec B301`, `# nosec: B301, B403`, `# nosec B301 - reason`
const NOSEC = /\bnosec\b(?:\s*:?\s*((?:[A-Z]+[0-9A-Z-]*\d)(?:\s*,\s*[A-Z]+[0-9A-Z-]*\d)*))?/;

export function parseSuppression(comment: string): SuppressionDirective | undefined {
  const p = PATHFINDER.exec(comment);
  if (p) return { kind: "pathfinder", ids: splitIds(p[1]), text: comment.trim() };
  const n = NOSEC.exec(comment);
  if (n) return { kind: "nosec", ids: splitIds(n[1]), text: comment.trim() };
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
