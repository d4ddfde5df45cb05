import { trustSentence } from "../core/trust.js";
import type { Severity, ScanReport } from "../core/types.js";
import { visibleFindings } from "./summary.js";

export interface GithubAnnotationOptions {
  /** Prepended to file paths: annotations name files relative to the repository root. */
  pathPrefix?: string;
}

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = { critical: "error", high: "error", medium: "warning", low: "notice" };

/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), one per unsuppressed finding: the runner
 * turns them into annotations on the pull request's files without any upload. Values are escaped as the runner
 * expects (`%`, CR, LF everywhere; also `:` and `,` in properties), so scanned content cannot start a new command.
 */
export function renderGithubAnnotations(report: ScanReport, options: GithubAnnotationOptions): string {
  const prefix = options.pathPrefix ? (options.pathPrefix.endsWith("/") ? options.pathPrefix : `${options.pathPrefix}/`) : "";
  const lines = visibleFindings(report, false).map((f) => {
    const loc = f.location;
    const props = [`file=${property(prefix + loc.file)}`];
    if (loc.offset === undefined && loc.member === undefined) {
      props.push(`line=${loc.line}`, `col=${loc.column}`);
      if (loc.endLine >= loc.line) props.push(`endLine=${loc.endLine}`);
      if (loc.endLine === loc.line && loc.endColumn > loc.column) props.push(`endColumn=${loc.endColumn}`);
    }
    props.push(`title=${property(`${f.ruleId} (${f.severity}): ${f.ruleName}`)}`);
    const where = loc.member !== undefined ? ` [member ${loc.member}${loc.offset !== undefined ? `, byte ${loc.offset}` : ""}]` : loc.offset !== undefined ? ` [byte ${loc.offset}]` : "";
    return `::${COMMAND[f.severity]} ${props.join(",")}::${data(f.message + where + trustSentence(f))}`;
  });
  return lines.length ? `${lines.join("\n")}\n` : "";
}

function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
