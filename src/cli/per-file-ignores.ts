import { statSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import picomatch from "picomatch";
import type { ScanReport } from "../core/types.js";
import type { PathfinderConfig } from "../project/config.js";

/**
 * `[per-file-ignores]` of the configuration: findings of the listed rules in files matching a glob (relative to the
 * configuration file, as `exclude` is) are marked suppressed (kind "config"), so they are counted and visible with
 * --show-suppressed, as inline suppressions are.
 */
export function applyPerFileIgnores(report: ScanReport, config: PathfinderConfig | undefined): ScanReport {
  const entries = Object.entries(config?.perFileIgnores ?? {});
  if (entries.length === 0 || !config) return report;
  const matchers = entries.map(([glob, ids]) => ({ glob, ids: new Set(ids), match: picomatch(glob.replace(/\/+$/, "/**"), { dot: true }) }));
  let root = report.scan.target;
  try {
    if (!statSync(root).isDirectory()) root = dirname(root);
  } catch {
    // a target that is gone: paths stay relative to it
  }
  const source = relative(config.baseDir, config.file) || config.file;
  const findings = report.findings.map((finding) => {
    if (finding.suppressed) return finding;
    const abs = isAbsolute(finding.location.file) ? finding.location.file : join(root, finding.location.file);
    const rel = relative(config.baseDir, abs).split("\\").join("/");
    const hit = matchers.find((m) => m.ids.has(finding.ruleId) && m.match(rel));
    if (!hit) return finding;
    return { ...finding, suppressed: { kind: "config" as const, justification: `per-file-ignores "${hit.glob}" in ${source}` } };
  });
  return { ...report, findings };
}
