import type { Finding, ScanError } from "./types.js";

/** Deterministic report order: file, position, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.location.file, b.location.file) ||
    compareText(a.location.member ?? "", b.location.member ?? "") ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    (a.location.offset ?? 0) - (b.location.offset ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

export function compareErrors(a: ScanError, b: ScanError): number {
  return compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.kind, b.kind) || compareText(a.message, b.message);
}

/** Ordinal string order: the same on every machine and locale (and free of ICU's start-up cost). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
