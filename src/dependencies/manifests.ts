// Which files are dependency manifests, and reading one.
import { parseCondaEnvironment } from "./conda.js";
import { parsePackageLock, parsePipfile, parsePipfileLock } from "./locks.js";
import { parsePyproject } from "./pyproject.js";
import { parseRequirementsFile } from "./requirements.js";
import { parseSetupCfg, parseSetupPy } from "./setup.js";
import type { ManifestKind, ManifestResult } from "./types.js";

/** The manifest kind of a path (relative, forward slashes), or undefined when it is not one. */
export function manifestKind(path: string): ManifestKind | undefined {
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

export function parseManifest(path: string, text: string, kind = manifestKind(path)): ManifestResult {
  switch (kind) {
    case "requirements":
      return parseRequirementsFile(path, text, false);
    case "constraints":
      return parseRequirementsFile(path, text, true);
    case "pyproject":
      return parsePyproject(path, text);
    case "setup.cfg":
      return parseSetupCfg(path, text);
    case "setup.py":
      return parseSetupPy(path, text);
    case "Pipfile":
      return parsePipfile(path, text);
    case "Pipfile.lock":
      return parsePipfileLock(path, text);
    case "poetry.lock":
    case "uv.lock":
    case "pdm.lock":
      return parsePackageLock(path, text, kind);
    case "conda":
      return parseCondaEnvironment(path, text);
    default:
      return { dependencies: [], includes: [], problems: [] };
  }
}
