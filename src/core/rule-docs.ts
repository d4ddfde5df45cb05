import type { FixSteps, RuleDocs, SecurityImplications } from "./types.js";

/** The security implications in structured form; plain prose becomes a summary without scenarios. */
export function implicationsOf(docs: Pick<RuleDocs, "securityImplications">): SecurityImplications {
  const value = docs.securityImplications;
  return typeof value === "string" ? { summary: value, scenarios: [] } : value;
}

/** The fix in structured form; plain prose becomes a summary without steps. */
export function fixStepsOf(docs: Pick<RuleDocs, "howToFix">): FixSteps {
  const value = docs.howToFix;
  return typeof value === "string" ? { summary: value, steps: [] } : value;
}

/** Security implications as one Markdown block: the summary, then each scenario as a list item led by its bold title. */
export function implicationsMarkdown(docs: Pick<RuleDocs, "securityImplications">): string {
  const { summary, scenarios } = implicationsOf(docs);
  const list = scenarios.map((s) => `- **${s.title.trim()}.** ${oneItem(s.text)}`).join("\n");
  return [summary.trim(), list].filter(Boolean).join("\n\n");
}

/** How to fix as one Markdown block: the summary, then the steps as an ordered list. */
export function fixMarkdown(docs: Pick<RuleDocs, "howToFix">): string {
  const { summary = "", steps } = fixStepsOf(docs);
  const list = steps.map((step, i) => `${i + 1}. ${oneItem(step)}`).join("\n");
  return [summary.trim(), list].filter(Boolean).join("\n\n");
}

/** Keeps a multi-line text inside its list item. */
function oneItem(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, " ");
}
