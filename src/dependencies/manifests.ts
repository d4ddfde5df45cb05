// Which files are dependency manifests, and reading one.
import { parseCondaEnvironment } from "./conda.js";
import { parsePackageLock, parsePipfile, parsePipfileLock } from "./locks.js";
import { parsePyproject } from "./pyproject.js";
import { parseRequirementsFile } from "./requirements.js";
import { parseSetupCfg, parseSetupPy } from "./setup.js";
import { manifestKind } from "./manifest-kind.js";
import type { ManifestKind, ManifestResult } from "./types.js";

export { manifestKind };

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
