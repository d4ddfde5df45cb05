// Lock files (the versions that get installed): poetry.lock, uv.lock and pdm.lock (`[[package]]` tables with
// `name` and `version`), Pipfile.lock (JSON), and the Pipfile itself (requirements, not locked).
import { parse } from "smol-toml";
import { LineIndex, escapeRegExp, quoted } from "./lines.js";
import { declared, locked } from "./make.js";
import { poetryConstraint } from "./pyproject.js";
import type { ManifestKind, ManifestResult } from "./types.js";

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === "object" && v !== null && !Array.isArray(v);

function tomlOrProblem(text: string, result: ManifestResult): Table | undefined {
  try {
    return parse(text) as Table;
  } catch (e) {
    result.problems.push({ message: `invalid TOML: ${(e as Error).message.split("\n")[0]}` });
    return undefined;
  }
}

/** poetry.lock, uv.lock, pdm.lock: the k-th `[[package]]` table is the k-th header in the text. */
export function parsePackageLock(file: string, text: string, manifest: ManifestKind): ManifestResult {
  const result: ManifestResult = { dependencies: [], includes: [], problems: [] };
  const doc = tomlOrProblem(text, result);
  if (!doc) return result;
  const packages = Array.isArray(doc.package) ? doc.package : [];
  const index = new LineIndex(text);
  const headers = [...text.matchAll(/^[ \t]*\[\[package\]\][ \t]*\r?$/gm)].map((m) => m.index);
  packages.forEach((pkg, k) => {
    if (!isTable(pkg) || typeof pkg.name !== "string" || typeof pkg.version !== "string") return;
    const start = headers[k] ?? 0;
    const end = headers[k + 1] ?? text.length;
    const found = index.find(/^[ \t]*version[ \t]*=.*$/m, start);
    const at = found && found.index < end ? found.position : index.find(quoted(pkg.name), start)?.position;
    if (at) result.dependencies.push(locked(pkg.name, pkg.version, manifest, file, at));
  });
  return result;
}

/** Pipfile: `[packages]` and `[dev-packages]`, `name = "==1.2"`, `"*"` or `{ version = "...", markers = "..." }`. */
export function parsePipfile(file: string, text: string): ManifestResult {
  const result: ManifestResult = { dependencies: [], includes: [], problems: [] };
  const doc = tomlOrProblem(text, result);
  if (!doc) return result;
  const index = new LineIndex(text);
  for (const section of ["packages", "dev-packages"]) {
    const deps = doc[section];
    if (!isTable(deps)) continue;
    const start = index.find(new RegExp(`^\\[${escapeRegExp(section)}\\]`, "m"))?.index ?? 0;
    for (const [name, spec] of Object.entries(deps)) {
      const raw = typeof spec === "string" ? spec : isTable(spec) && typeof spec.version === "string" ? spec.version : "*";
      const markers = isTable(spec) && typeof spec.markers === "string" ? spec.markers : undefined;
      const specifier = raw.trim() === "*" ? "" : poetryConstraint(raw);
      if (specifier === undefined) continue;
      const found = index.find(new RegExp(`^[ \\t]*["']?${escapeRegExp(name)}["']?[ \\t]*=.*$`, "mi"), start);
      if (found) result.dependencies.push(declared({ name, specifier, ...(markers ? { markers } : {}) }, "Pipfile", file, found.position));
    }
  }
  return result;
}

/** Pipfile.lock: `{"default": {"name": {"version": "==1.2.3"}}, "develop": {...}}`. */
export function parsePipfileLock(file: string, text: string): ManifestResult {
  const result: ManifestResult = { dependencies: [], includes: [], problems: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    result.problems.push({ message: `invalid JSON: ${(e as Error).message}` });
    return result;
  }
  if (!isTable(doc)) return result;
  const index = new LineIndex(text);
  for (const section of ["default", "develop"]) {
    const deps = doc[section];
    if (!isTable(deps)) continue;
    const start = index.find(new RegExp(`"${section}"\\s*:`))?.index ?? 0;
    for (const [name, entry] of Object.entries(deps)) {
      if (!isTable(entry) || typeof entry.version !== "string") continue;
      const version = /^===?\s*(.+)$/.exec(entry.version.trim())?.[1];
      if (!version) continue;
      const key = index.find(new RegExp(`"${escapeRegExp(name)}"\\s*:\\s*\\{`), start);
      const at = key ? (index.find(/"version"\s*:\s*"[^"]*"/, key.index) ?? key) : undefined;
      if (at) result.dependencies.push(locked(name, version, "Pipfile.lock", file, at.position));
    }
  }
  return result;
}
