import type { RuleMeta } from "../core/types.js";
import { fixMarkdown, implicationsMarkdown } from "../core/rule-docs.js";

interface HelpSection {
  title: string;
  body?: string;
  code?: string;
}

function sectionsOf(rule: RuleMeta): HelpSection[] {
  const d = rule.docs;
  return [
    { title: "Security implications", body: implicationsMarkdown(d) },
    { title: "How to fix", body: fixMarkdown(d) },
    { title: "Vulnerable example", code: d.vulnerableExample },
    { title: "Safe example", code: d.safeExample },
  ].filter((s) => (s.body ?? s.code ?? "").trim() !== "");
}

/** Rule help as Markdown: description, implications, fix, fenced examples and references. */
export function ruleHelpMarkdown(rule: RuleMeta): string {
  const language = rule.language === "artifact" ? "" : rule.language;
  const parts: string[] = [];
  if (rule.docs.description.trim()) parts.push(rule.docs.description.trim());
  for (const section of sectionsOf(rule)) {
    if (section.code !== undefined) {
      parts.push(`## ${section.title}\n\n${fenced(section.code.replace(/\s+$/, ""), language)}`);
    } else {
      parts.push(`## ${section.title}\n\n${section.body!.trim()}`);
    }
  }
  if (rule.docs.references.length > 0) {
    const items = rule.docs.references.map((r) => `- [${escapeLinkText(r.title)}](${linkDestination(r.url)})`);
    parts.push(`## References\n\n${items.join("\n")}`);
  }
  return parts.join("\n\n");
}

/** The same help as plain text, for viewers that do not render Markdown. */
export function ruleHelpText(rule: RuleMeta): string {
  const parts: string[] = [];
  if (rule.docs.description.trim()) parts.push(rule.docs.description.trim());
  for (const section of sectionsOf(rule)) {
    const body =
      section.code !== undefined
        ? section.code.replace(/\s+$/, "").split(/\r\n|\r|\n/).map((l) => ("    " + l).trimEnd()).join("\n")
        : section.body!.trim().replace(/\*\*/g, "");
    parts.push(`${section.title}:\n${body}`);
  }
  if (rule.docs.references.length > 0) {
    parts.push(`References:\n${rule.docs.references.map((r) => `- ${r.title}: ${r.url}`).join("\n")}`);
  }
  return parts.join("\n\n");
}

/** A code fence longer than any backtick run inside the code, so examples cannot break out of it. */
function fenced(code: string, language: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${code}\n${fence}`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (ch) => "\\" + ch);
}

function linkDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}
