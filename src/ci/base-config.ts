// `pathfinder ci` on a change: the configuration comes from the base commit, so that a pull request cannot add or
// edit `pathfinder.toml` (say `exclude = ["**"]`) to silence its own scan. When the change does edit it, the run
// says so prominently and still scans with the base's settings.
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import type { ScanError } from "../core/types.js";
import { ConfigError, configCandidates, loadConfig, type ConfigLookup, type PathfinderConfig } from "../project/config.js";
import { resolveDiffTarget, runGit } from "./git.js";

const MAX_CONFIG_BYTES = 1024 * 1024;

export interface BaseConfigResult {
  /** The configuration to scan with: the base commit's (undefined: none there). */
  config: PathfinderConfig | undefined;
  /** The warning for the console and the report. */
  warning: ScanError;
}

/**
 * Compares the configuration the change would use with the base commit's. Undefined when they are the same (or
 * when there is no base to compare with: then nothing changes). Git failures leave the configuration as it is.
 */
export async function baseConfigIfEdited(
  lookup: ConfigLookup,
  current: PathfinderConfig | undefined,
  diff: { base?: string; head?: string; env: Record<string, string | undefined> },
): Promise<BaseConfigResult | undefined> {
  const cwd = resolve(lookup.cwd, lookup.project);
  let top: string;
  let baseSha: string;
  try {
    const target = await resolveDiffTarget(cwd, diff);
    if (!target) return undefined;
    baseSha = target.mergeBaseSha;
    top = (await runGit(cwd, ["rev-parse", "--show-toplevel"])).toString("utf8").replace(/\n$/, "");
  } catch {
    return undefined;
  }
  // Files inside the repository are read as the base commit has them; files above it are the same for both.
  const atBase = new Map<string, string | undefined>();
  for (const file of configCandidates(lookup)) {
    const rel = relative(top, file);
    if (rel.startsWith("..") || isAbsolute(rel)) continue;
    atBase.set(file, await blobAt(top, baseSha, rel.split("\\").join("/")));
  }
  let config: PathfinderConfig | undefined;
  let problem = "";
  try {
    config = loadConfig(lookup, (file) => (atBase.has(file) ? atBase.get(file) : readOutsideRepository(file)));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problem = ` (its configuration is invalid: ${e.message}; scanning without one)`;
  }
  if (!problem && sameSettings(config, current)) return undefined;
  const edited = current?.file ?? config?.file ?? "pathfinder.toml";
  const shown = relative(top, edited).split("\\").join("/") || edited;
  return {
    config,
    warning: {
      file: shown,
      kind: "configuration",
      level: "warning",
      message:
        `this change edits the Pathfinder configuration (${shown}); the scan uses the configuration of the base commit ` +
        `${baseSha.slice(0, 12)}${config ? ` (${relative(top, config.file).split("\\").join("/")})` : " (none)"}${problem}, ` +
        "so that a change cannot silence its own scan. Review the configuration change: it applies once merged.",
    },
  };
}

async function blobAt(top: string, sha: string, path: string): Promise<string | undefined> {
  try {
    const bytes = await runGit(top, ["cat-file", "blob", `${sha}:${path}`]);
    if (bytes.length > MAX_CONFIG_BYTES) throw new ConfigError(`configuration file ${path} at ${sha} is over 1024 KB; refusing to read it`);
    return bytes.toString("utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    return undefined;
  }
}

/** Files outside the repository (a parent directory's configuration) are the same for base and head. */
function readOutsideRepository(file: string): string | undefined {
  try {
    if (!statSync(file).isFile() || statSync(file).size > MAX_CONFIG_BYTES) return undefined;
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

function sameSettings(a: PathfinderConfig | undefined, b: PathfinderConfig | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
