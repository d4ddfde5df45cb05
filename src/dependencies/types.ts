// Python dependencies as read from manifests and lock files. Browser-safe: no node:* imports.

/** Which kind of file a dependency was declared in. */
export type ManifestKind =
  | "requirements"
  | "constraints"
  | "pyproject"
  | "setup.cfg"
  | "setup.py"
  | "Pipfile"
  | "Pipfile.lock"
  | "poetry.lock"
  | "uv.lock"
  | "pdm.lock"
  | "conda";

export interface Dependency {
  /** PEP 503 normalised name (`pyyaml`, `scikit-learn`). */
  name: string;
  /** The name as spelled in the manifest. */
  spelledName: string;
  /** PEP 440 specifier set, "" when any version is allowed (`>=2.0,<3`, `==2.5.1`). */
  specifier: string;
  /** The exact version when the manifest pins (`==`, `===`) or locks it. */
  version?: string;
  /** Declared in a lock file (the version that gets installed), not a requirement. */
  locked: boolean;
  /** PEP 508 environment markers, when present (`python_version < "3.9"`). */
  markers?: string;
  manifest: ManifestKind;
  /** Path relative to the scan root, forward slashes. */
  file: string;
  /** 1-based line and column of the declaration; `endColumn` exclusive. */
  line: number;
  column: number;
  endColumn: number;
  /** The manifest line, for snippets. */
  snippet: string;
}

/** Another requirements file a requirements file pulls in (`-r other.txt`, `-c constraints.txt`). */
export interface ManifestInclude {
  path: string;
  constraint: boolean;
  line: number;
}

export interface ManifestProblem {
  line?: number;
  message: string;
}

export interface ManifestResult {
  dependencies: Dependency[];
  includes: ManifestInclude[];
  problems: ManifestProblem[];
}

/** PEP 503 name normalisation. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, "-");
}
