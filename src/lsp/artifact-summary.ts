// A model/data file's findings as the language server shows them: at the start of the file, each message led by
// the file's verdict (as `pathfinder inspect` gives it) and followed by where in the file the opcode sits.
import { severityRank } from "../core/severity.js";
import type { Finding } from "../core/types.js";

export function describeArtifactFindings(findings: readonly Finding[]): Finding[] {
  if (!findings.length) return [];
  const severe = findings.some((f) => severityRank(f.severity) >= severityRank("high"));
  const verdict = severe ? "Dangerous model file: loading it runs code" : "Unverified model file: review before loading";
  return findings.map((f) => {
    const where = f.location.offset !== undefined ? ` [byte ${f.location.offset}]` : "";
    return { ...f, message: `${verdict}. ${f.message}${where} (see: pathfinder inspect)` };
  });
}
