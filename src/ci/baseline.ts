// Baselines: a file of finding fingerprints accepted as known. Findings whose fingerprint is in the
// baseline are marked suppressed (kind "baseline") so that reporters and exit codes ignore them while
// summaries can still count them.
import { readFile, writeFile } from "node:fs/promises";
import type { Finding, ScanReport } from "../core/types.js";
import { compareText } from "../core/order.js";

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  /** For humans reading the file; matching uses the fingerprint alone. */
  ruleId: string;
  file: string;
  line?: number;
}

export interface Baseline {
  version: number;
  tool: { name: string; version: string };
  /** ISO-8601 creation time. */
  created: string;
  fingerprints: BaselineEntry[];
}

export class BaselineError extends Error {
  override name = "BaselineError";
}

/** A baseline holding every finding of the report that is not already suppressed. */
export function createBaseline(report: ScanReport, created: Date = new Date()): Baseline {
  const seen = new Set<string>();
  const fingerprints: BaselineEntry[] = [];
  for (const finding of report.findings) {
    if (finding.suppressed || seen.has(finding.fingerprint)) continue;
    seen.add(finding.fingerprint);
    fingerprints.push({
      fingerprint: finding.fingerprint,
      ruleId: finding.ruleId,
      file: finding.location.file,
      line: finding.location.line,
    });
  }
  fingerprints.sort((a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.ruleId, b.ruleId));
  return {
    version: BASELINE_VERSION,
    tool: { name: report.tool.name, version: report.tool.version },
    created: created.toISOString(),
    fingerprints,
  };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses and checks a baseline file's text; `source` names it in error messages. */
export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${source}: not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) throw new BaselineError(`${source}: expected a JSON object`);
  if (data.version !== BASELINE_VERSION) {
    throw new BaselineError(`${source}: unsupported baseline version ${JSON.stringify(data.version)} (expected ${BASELINE_VERSION})`);
  }
  if (!Array.isArray(data.fingerprints)) throw new BaselineError(`${source}: "fingerprints" must be an array`);
  const fingerprints: BaselineEntry[] = data.fingerprints.map((entry, index) => {
    if (!isRecord(entry) || typeof entry.fingerprint !== "string" || entry.fingerprint === "") {
      throw new BaselineError(`${source}: fingerprints[${index}] has no "fingerprint" string`);
    }
    const result: BaselineEntry = {
      fingerprint: entry.fingerprint,
      ruleId: typeof entry.ruleId === "string" ? entry.ruleId : "",
      file: typeof entry.file === "string" ? entry.file : "",
    };
    if (typeof entry.line === "number") result.line = entry.line;
    return result;
  });
  const tool = isRecord(data.tool) ? data.tool : {};
  return {
    version: BASELINE_VERSION,
    tool: { name: String(tool.name ?? ""), version: String(tool.version ?? "") },
    created: typeof data.created === "string" ? data.created : "",
    fingerprints,
  };
}

export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseBaseline(text, path);
}

export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  await writeFile(path, serializeBaseline(baseline), "utf8");
}

export interface BaselineResult {
  /** All findings, those in the baseline now suppressed with kind "baseline". */
  findings: Finding[];
  /** How many findings the baseline suppressed. */
  matched: number;
}

/** Marks findings whose fingerprint is in the baseline as suppressed; already-suppressed ones are kept as is. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline, source: string): BaselineResult {
  const known = new Set(baseline.fingerprints.map((entry) => entry.fingerprint));
  let matched = 0;
  const result = findings.map((finding) => {
    if (finding.suppressed || !known.has(finding.fingerprint)) return finding;
    matched++;
    return { ...finding, suppressed: { kind: "baseline" as const, justification: `listed in baseline ${source}` } };
  });
  return { findings: result, matched };
}
