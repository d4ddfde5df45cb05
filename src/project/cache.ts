// On-disk cache of per-file analyses (findings, errors and the module summary the project index joins), like
// Ruff's `.ruff_cache`. An entry is keyed by everything its analysis depends on: Pathfinder's version, the rule
// set and the configuration, the file's path and module name, and its content. Entries are written to a temporary
// file and renamed into place, so concurrent scans never see half an entry; an entry that cannot be read or does
// not have the expected shape is ignored and recomputed, never trusted.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { FileAnalysis, PythonFile } from "../languages/python/analyze.js";

/** The default cache folder, at the project root. */
export const DEFAULT_CACHE_DIR = ".pathfinder_cache";

/** Bumped when the layout of an entry changes. */
const FORMAT = "1";

/**
 * The build of the analysis code that is running: the size and modification time of this module's file (the CLI
 * bundle, or the compiled module). The version alone does not change between builds, and an entry made by other
 * code must never be trusted.
 */
function codeIdentity(): string {
  try {
    const stats = statSync(fileURLToPath(import.meta.url));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return "unknown";
  }
}

export class AnalysisCache {
  private readonly dir: string;
  private writable = true;
  private marked = false;

  /** `context`: what every entry depends on besides the file (version, rules, configuration). */
  constructor(
    private readonly root: string,
    context: unknown,
  ) {
    const scope = createHash("sha256").update(JSON.stringify([FORMAT, codeIdentity(), context])).digest("hex").slice(0, 16);
    this.dir = join(root, `v${FORMAT}`, scope);
  }

  /** `salt`: what else the analysis depended on (the project index, for the whole-program pass). */
  private pathOf(file: PythonFile, salt: string): string {
    const key = createHash("sha256").update(salt).update("\0").update(file.path).update("\0").update(file.moduleName).update("\0").update(file.source).digest("hex");
    return join(this.dir, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  get(file: PythonFile, salt = ""): FileAnalysis | undefined {
    let text: string;
    try {
      text = readFileSync(this.pathOf(file, salt), "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as { path?: unknown; analysis?: FileAnalysis };
      const a = entry.analysis;
      if (entry.path !== file.path || !a || !Array.isArray(a.findings) || !Array.isArray(a.errors) || typeof a.parsed !== "boolean") return undefined;
      if (a.findings.some((f) => typeof f?.location?.file !== "string" || f.location.file !== file.path)) return undefined;
      return a;
    } catch {
      return undefined;
    }
  }

  /** Stores an entry; a cache folder that cannot be written is given up on for the rest of the scan. */
  set(file: PythonFile, analysis: FileAnalysis, salt = ""): void {
    if (!this.writable) return;
    const target = this.pathOf(file, salt);
    const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      mkdirSync(join(target, ".."), { recursive: true });
      if (!this.marked) {
        // Like `.ruff_cache`: the folder keeps itself out of version control.
        writeFileSync(join(this.root, ".gitignore"), "# Created by pathfinder\n*\n");
        this.marked = true;
      }
      writeFileSync(temporary, JSON.stringify({ path: file.path, analysis }));
      renameSync(temporary, target);
    } catch {
      this.writable = false;
      rmSync(temporary, { force: true });
    }
  }
}
