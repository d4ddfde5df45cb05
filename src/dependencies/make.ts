import type { TextPosition } from "./lines.js";
import { exactVersion, type Requirement } from "./pep508.js";
import { normalizeName, type Dependency, type ManifestKind } from "./types.js";

/** A dependency from a requirement declared at `at`. */
export function declared(req: Requirement, manifest: ManifestKind, file: string, at: TextPosition): Dependency {
  const version = req.url ? undefined : exactVersion(req.specifier);
  return {
    name: normalizeName(req.name),
    spelledName: req.name,
    specifier: req.specifier,
    ...(version ? { version } : {}),
    locked: false,
    ...(req.markers ? { markers: req.markers } : {}),
    manifest,
    file,
    line: at.line,
    column: at.column,
    endColumn: at.endColumn,
    snippet: at.snippet,
  };
}

/** A dependency a lock file fixes at `version`. */
export function locked(name: string, version: string, manifest: ManifestKind, file: string, at: TextPosition): Dependency {
  return {
    name: normalizeName(name),
    spelledName: name,
    specifier: `==${version}`,
    version,
    locked: true,
    manifest,
    file,
    line: at.line,
    column: at.column,
    endColumn: at.endColumn,
    snippet: at.snippet,
  };
}
