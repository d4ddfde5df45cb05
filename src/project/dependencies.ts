// Dependency manifests in a project scan: read the discovered manifests (and the requirements files they include
// with -r/-c, when inside the project), parse them (src/dependencies) and collect their dependencies.
import { appendAll } from "../core/arrays.js";
import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { ScanError } from "../core/types.js";
import { parseManifest } from "../dependencies/manifests.js";
import { manifestKind } from "../dependencies/manifest-kind.js";
import type { Dependency, ManifestKind } from "../dependencies/types.js";
import type { DiscoveredFile } from "./discover.js";
import { tooLarge, unreadable } from "./read-source.js";

export interface ProjectDependencies {
  dependencies: Dependency[];
  /** Manifest files read, relative paths. */
  manifests: string[];
}

/** Manifests are small; anything larger than this is not one worth reading. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Bound on -r/-c include chains and on manifests read, against hostile layouts. */
const MAX_MANIFESTS = 2000;

export function readProjectDependencies(files: readonly DiscoveredFile[], root: string, errors: ScanError[]): ProjectDependencies {
  const out: ProjectDependencies = { dependencies: [], manifests: [] };
  const seen = new Set<string>();
  const queue: { abs: string; rel: string; kind: ManifestKind }[] = [];
  for (const f of files) {
    const kind = manifestKind(f.relPath);
    if (kind) queue.push({ abs: f.absPath, rel: f.relPath, kind });
  }
  while (queue.length && out.manifests.length < MAX_MANIFESTS) {
    const { abs, rel, kind } = queue.shift()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    let text: string;
    try {
      const size = statSync(abs).size;
      if (size > MAX_MANIFEST_BYTES) {
        errors.push(tooLarge(rel, size, MAX_MANIFEST_BYTES));
        continue;
      }
      text = readFileSync(abs, "utf8");
    } catch (e) {
      errors.push(unreadable(rel, e));
      continue;
    }
    const parsed = parseManifest(rel, text, kind);
    out.manifests.push(rel);
    appendAll(out.dependencies, parsed.dependencies);
    for (const p of parsed.problems) {
      errors.push({ file: rel, kind: "syntax", level: "warning", ...(p.line ? { line: p.line } : {}), message: `dependency manifest: ${p.message}` });
    }
    for (const include of parsed.includes) {
      const target = resolve(dirname(abs), include.path);
      const targetRel = relative(root, target).split(sep).join("/");
      if (targetRel.startsWith("..") || targetRel === "") {
        errors.push({ file: rel, kind: "unreadable", level: "warning", line: include.line, message: `"${include.path}" is outside the project; not read` });
        continue;
      }
      queue.push({ abs: join(root, targetRel), rel: targetRel, kind: include.constraint ? "constraints" : "requirements" });
    }
  }
  return out;
}
