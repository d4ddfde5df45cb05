// What `pathfinder inspect`, the language server and the MCP server say about one model/data file: a verdict with
// its reasons and a JSON view of the analysis (layout, imports, calls, pseudo-Python). Browser-safe.
import { severityRank } from "../core/severity.js";
import { ALLOWLIST, GENERATED_ALLOWLIST_LIBRARIES, renderPseudoPython } from "./pickle/index.js";
import type { ArtifactScanResult } from "./scan.js";
import type { PickleScanOptions } from "./types.js";

/** The verdict of an inspection. */
export interface InspectionVerdict {
  dangerous: boolean;
  /**
   * "dangerous", "unverified" (only medium findings, e.g. uninspectable archives), "clean", or "not a pickle" (no
   * pickle stream in the file: nothing a loader would unpickle, so nothing was judged).
   */
  label: "dangerous" | "unverified" | "clean" | "not a pickle";
  reasons: string[];
}

export function inspectionVerdict(result: ArtifactScanResult): InspectionVerdict {
  const findings = [...result.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  if (findings.length === 0) {
    if (result.analyses.length === 0) {
      return {
        dangerous: false,
        label: "not a pickle",
        reasons: ["no pickle stream was found: this is not a pickle, nor a container (zip, tar, npy, ...) that holds one"],
      };
    }
    const reasons = [`${result.analyses.length} pickle${result.analyses.length === 1 ? "" : "s"} analysed: no dangerous or unknown globals`];
    return { dangerous: false, label: "clean", reasons };
  }
  const severe = findings.some((f) => f.severity === "critical" || f.severity === "high");
  return {
    dangerous: true,
    label: severe ? "dangerous" : "unverified",
    reasons: findings.map((f) => `${f.severity}: ${f.message}`),
  };
}

/** The policy in words: which globals are trusted, and where the built-in list came from. */
export function describePolicy(options: Partial<PickleScanOptions>): string {
  const allowed = options.allowGlobals?.length ? `, plus ${options.allowGlobals.length} allowed by you (${options.allowGlobals.join(", ")})` : "";
  if (options.policy === "denylist") return `denylist: only globals on the denylist are reported${allowed}`;
  return `allowlist: every call of a global outside the ${ALLOWLIST.length} built-in known-safe globals (generated from ${GENERATED_ALLOWLIST_LIBRARIES}) is an error${allowed}`;
}

export function inspectionJson(file: string, size: number, result: ArtifactScanResult, verdict: InspectionVerdict, options: Partial<PickleScanOptions> = {}) {
  return {
    file,
    size,
    kind: result.kind,
    policy: { mode: options.policy ?? "allowlist", allowGlobals: options.allowGlobals ?? [], description: describePolicy(options) },
    verdict,
    layout: result.layout,
    pickles: result.analyses.map((a) => ({
      ...(a.member !== undefined ? { member: a.member } : {}),
      baseOffset: a.baseOffset,
      protocol: a.analysis.protocol,
      streams: a.analysis.streams,
      opcodes: a.analysis.opcodeCount,
      bytes: a.analysis.bytesConsumed,
      imports: a.analysis.imports.map((i) => ({ ...i, offset: a.baseOffset + i.offset })),
      calls: a.analysis.calls.map((c) => ({ ...c, offset: a.baseOffset + c.offset })),
      persistentIds: a.analysis.persistentIds.map((p) => ({ ...p, offset: a.baseOffset + p.offset })),
      judged: (a.analysis.verdicts ?? []).map((v) => ({ ...v, offset: a.baseOffset + v.offset })),
      pseudoPython: renderPseudoPython(a.analysis),
      ...(a.analysis.error ? { error: { ...a.analysis.error, offset: a.baseOffset + a.analysis.error.offset } } : {}),
    })),
    findings: result.findings,
    warnings: result.errors,
  };
}
