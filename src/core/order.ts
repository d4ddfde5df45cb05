import type { Finding, ScanError } from "./types.js";

/** Deterministic report order: file, position, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.location.file, b.location.file) ||
    cmp(a.location.member ?? "", b.location.member ?? "") ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    (a.location.offset ?? 0) - (b.location.offset ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.fingerprint, b.fingerprint)
  );
}

export function compareErrors(a: ScanError, b: ScanError): number {
  return cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.kind, b.kind) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
