// Findings made on a derived text (a notebook's code cells, a Java file with its Unicode escapes translated) moved back
// onto the file's own lines and columns. Browser-safe.
import type { Finding, Location, ScanError, TraceStep } from "./types.js";

/** The file position (1-based line and column) of a 1-based line and column of the derived text. */
export type PositionMap = (line: number, column: number) => { line: number; column: number };

/** `finding` with every location in `path` moved by `position`; its fix, which edits the derived text, is dropped. */
export function relocateFinding(finding: Finding, path: string, position: PositionMap, message = finding.message): Finding {
  const moved = (l: Location): Location => (l.file === path ? { ...l, ...region(l, position) } : l);
  const steps = (s: TraceStep[] | undefined) => s?.map((t) => ({ ...t, location: moved(t.location) }));
  const { fix: _fix, ...rest } = finding;
  return {
    ...rest,
    message,
    location: moved(finding.location),
    ...(finding.trace ? { trace: steps(finding.trace) } : {}),
    ...(finding.sources ? { sources: finding.sources.map((s) => ({ ...s, location: moved(s.location), trace: steps(s.trace)! })) } : {}),
    ...(finding.relatedLocations ? { relatedLocations: steps(finding.relatedLocations) } : {}),
  };
}

/** `error` moved by `position` when it is in `path` and has a line. */
export function relocateError(error: ScanError, path: string, position: PositionMap, message = error.message): ScanError {
  if (error.file !== path || error.line === undefined) return error;
  const at = position(error.line, error.column ?? 1);
  return { ...error, line: at.line, column: at.column, message };
}

function region(l: Location, position: PositionMap): Pick<Location, "line" | "column" | "endLine" | "endColumn"> {
  const start = position(l.line, l.column);
  const end = position(l.endLine, l.endColumn);
  const ordered = end.line > start.line || (end.line === start.line && end.column > start.column);
  return { line: start.line, column: start.column, endLine: ordered ? end.line : start.line, endColumn: ordered ? end.column : start.column + 1 };
}
