import type { ScanReport } from "../core/types.js";
import { renderCodeClimate } from "./codeclimate.js";
import { renderCsv } from "./csv.js";
import { renderCycloneDx } from "./cyclonedx.js";
import { renderGitLabSast } from "./gitlab-sast.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderSarif } from "./sarif.js";
import { renderText, type TextReportOptions } from "./text.js";
import { renderJunit } from "./junit.js";
import { renderGithubAnnotations } from "./github-annotations.js";

export type OutputFormat = "text" | "json" | "sarif" | "csv" | "gitlab-sast" | "codeclimate" | "html" | "cyclonedx" | "junit" | "github";

export const OUTPUT_FORMATS: readonly OutputFormat[] = ["text", "json", "sarif", "csv", "gitlab-sast", "codeclimate", "html", "cyclonedx", "junit", "github"];

/** The formats that name files relative to the repository (they read `RenderOptions.pathPrefix`). */
export const REPOSITORY_PATH_FORMATS: ReadonlySet<OutputFormat> = new Set(["sarif", "gitlab-sast", "codeclimate", "junit", "github"]);

export interface RenderOptions extends TextReportOptions {
  /** Where the scan target sits in the repository (e.g. `services/api/`): GitLab formats want repository paths. */
  pathPrefix?: string;
  /** Base URL of the rule pages linked from reports (default: docs/rules/ on the project's home page). */
  docsBase?: string;
}

export type { TextReportOptions } from "./text.js";
export { summarize } from "./summary.js";
export { renderText } from "./text.js";
export { renderJson, toJsonReport } from "./json.js";
export { renderSarif, toSarifLog, type SarifOptions } from "./sarif.js";
export { renderCsv } from "./csv.js";
export { renderGitLabSast } from "./gitlab-sast.js";
export { renderCodeClimate } from "./codeclimate.js";
export { renderHtml, type HtmlReportOptions } from "./html.js";
export { renderCycloneDx, toCycloneDx } from "./cyclonedx.js";
export { renderJunit } from "./junit.js";
export { renderGithubAnnotations } from "./github-annotations.js";
export { renderStatistics } from "./statistics.js";

/** Renders `report` in `format`. Pure: no I/O; the caller writes the string where it belongs. */
export function renderReport(format: OutputFormat, report: ScanReport, options: RenderOptions): string {
  switch (format) {
    case "text":
      return renderText(report, options);
    case "json":
      return renderJson(report, options);
    case "sarif":
      return renderSarif(report, { pathPrefix: options.pathPrefix, includeSuppressed: options.showSuppressed, docsBase: options.docsBase });
    case "csv":
      return renderCsv(report, options);
    case "gitlab-sast":
      return renderGitLabSast(report, options);
    case "codeclimate":
      return renderCodeClimate(report, options);
    case "html":
      return renderHtml(report, options);
    case "cyclonedx":
      return renderCycloneDx(report);
    case "junit":
      return renderJunit(report, options);
    case "github":
      return renderGithubAnnotations(report, options);
    default: {
      const unknown: never = format;
      throw new Error(`Unknown output format: ${String(unknown)}`);
    }
  }
}
