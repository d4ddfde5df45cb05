// Which files are dependency manifests, told by their paths alone: a scan asks it of every file, and loads the
// manifest parsers (manifests.ts) only when some file is one.
import type { ManifestKind } from "./types.js";

/**
 * How every manifest's path ends (any case), below: one test tells the other files, without the strings the rest
 * makes (a scan asks about thousands of files, of which a handful are manifests).
 */
const MAYBE_MANIFEST = /(?:(?:^|\/)setup\.py|\.toml|\.cfg|pipfile|\.lock|\.ya?ml|\.txt|\.in)$/i;

/** The manifest kind of a path (relative, forward slashes), or undefined when it is not one. */
export function manifestKind(path: string): ManifestKind | undefined {
  if (!MAYBE_MANIFEST.test(path)) return undefined;
  const base = path.slice(path.lastIndexOf("/") + 1);
  const lower = base.toLowerCase();
  switch (lower) {
    case "pyproject.toml":
      return "pyproject";
    case "setup.cfg":
      return "setup.cfg";
    case "setup.py":
      return "setup.py";
    case "pipfile":
      return "Pipfile";
    case "pipfile.lock":
      return "Pipfile.lock";
    case "poetry.lock":
      return "poetry.lock";
    case "uv.lock":
      return "uv.lock";
    case "pdm.lock":
      return "pdm.lock";
  }
  if (/^(?:environment|conda)[\w.-]*\.ya?ml$/.test(lower)) return "conda";
  if (/^constraints?[\w.-]*\.txt$/.test(lower)) return "constraints";
  if (/requirements[\w.-]*\.(?:txt|in)$/.test(lower)) return "requirements";
  if (/(?:^|\/)requirements\/[^/]+\.(?:txt|in)$/i.test(path)) return "requirements";
  return undefined;
}
