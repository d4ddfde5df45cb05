import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { SEVERITIES, TRUST_LEVELS, type Severity, type Trust } from "../core/types.js";
import { isTrust } from "../core/trust.js";
import { isSeverity } from "../core/severity.js";
import { knownRuleIds, loadConfig, type PathfinderConfig } from "../project/config.js";
import { closest } from "../rules/selection.js";
import type { PickleScanOptions } from "../artifacts/types.js";
import type { ScanOptions } from "../project/scan.js";
import { DEFAULT_CACHE_DIR } from "../project/cache.js";
import { CliUsageError, type CliIo } from "./command.js";
import { toolInfo } from "./version.js";
import { flagHelpText, type FlagHelpTable } from "./flag-help.js";

/** Flags shared by every command that scans (`scan`, `ci`), in `node:util` parseArgs form. */
export const SCAN_FLAGS = {
  project: { type: "string", short: "p" },
  ruleset: { type: "string", multiple: true },
  output: { type: "string", short: "o", multiple: true },
  "output-file": { type: "string", short: "f" },
  "fail-on": { type: "string" },
  "min-trust": { type: "string" },
  "skip-tests": { type: "boolean" },
  exclude: { type: "string", multiple: true },
  include: { type: "string", multiple: true },
  "no-gitignore": { type: "boolean" },
  "max-file-size": { type: "string" },
  "show-suppressed": { type: "boolean" },
  jobs: { type: "string", short: "j" },
  config: { type: "string" },
  "no-config": { type: "boolean" },
  "pickle-policy": { type: "string" },
  "pickle-allow": { type: "string", multiple: true },
  "file-timeout": { type: "string" },
  "follow-symlinks": { type: "boolean" },
  "no-cache": { type: "boolean" },
  "cache-dir": { type: "string" },
  verbose: { type: "boolean", short: "v" },
  quiet: { type: "boolean", short: "q" },
  "exclude-rule": { type: "string", multiple: true },
  "sarif-root": { type: "string" },
  "stdin-filename": { type: "string" },
  statistics: { type: "boolean" },
  color: { type: "string" },
  "docs-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The help line of every scan flag (scan --help, ci --help). */
export const SCAN_FLAG_HELP: FlagHelpTable<typeof SCAN_FLAGS> = {
  project: { arg: "DIR", text: "Project directory to scan (default: current directory)" },
  ruleset: {
    arg: "R",
    text: [
      "Rules to run; repeatable. python/<RULE-ID>, python/<bundle> or python/all;",
      "artifact/all or artifact/<PICKLE-, KERAS-, GGUF- or ONNX-ARTIFACT-ID> for model/data files",
      "(default: every rule). See: pathfinder rules list",
    ],
  },
  output: {
    arg: "FORMAT[=FILE]",
    text: [
      "text (default for scan), json, sarif, csv, html, gitlab-sast, codeclimate,",
      "junit, github (workflow-command annotations), cyclonedx (CycloneDX 1.6 SBOM of the",
      "Python dependencies and their advisories); repeatable: one scan, several reports,",
      "e.g. -o sarif=results.sarif -o text",
    ],
  },
  "output-file": { arg: "FILE", text: "Write the report to FILE instead of standard output" },
  "fail-on": {
    arg: "SEVERITIES",
    text: [
      "Exit 1 when a finding is at or above the lowest severity listed,",
      "e.g. --fail-on critical,high (values: critical, high, medium, low)",
    ],
  },
  "min-trust": {
    arg: "TRUST",
    text: [
      "Only report, count and fail on findings whose data is at least this untrusted:",
      "untrusted (a traced flow from a source), unknown, or internal (default: every",
      "finding). Findings without a trust property (settings, model files, other",
      "languages) always count; the text report says how many were hidden",
    ],
  },
  "skip-tests": { text: "Skip test files and directories (test_*.py, *_test.py, conftest.py, tests/)" },
  exclude: { arg: "GLOB", text: "Skip files or directories matching GLOB; repeatable" },
  include: { arg: "GLOB", text: "Only scan files matching GLOB; repeatable" },
  "no-gitignore": { text: "Do not honour .gitignore files" },
  "max-file-size": { arg: "SIZE", text: "Skip files larger than SIZE (default 5MB; accepts B, KB, MB)" },
  "show-suppressed": { text: "Also list findings suppressed by inline comments" },
  jobs: {
    arg: "N",
    text: [
      "Worker threads besides the main thread (default: automatic, one per extra core",
      "for large scans; 0 = main thread only)",
    ],
  },
  config: {
    arg: "FILE",
    text: [
      "Read settings from FILE (a pathfinder.toml, or a pyproject.toml with [tool.pathfinder]).",
      "Default: the nearest pathfinder.toml, .pathfinder.toml or pyproject.toml with",
      "[tool.pathfinder], looking in the project directory and then its parents",
    ],
  },
  "no-config": { text: "Ignore every configuration file" },
  "pickle-policy": {
    arg: "MODE",
    text: [
      "Model/data files (.pkl, .pt, .joblib, .npy, ...): allowlist (default) reports every",
      "call loading performs of a global not known to be safe (denylisted: critical, other:",
      "high); denylist reports only denylisted globals",
    ],
  },
  "pickle-allow": { arg: "GLOBAL", text: "Trust a global in model/data files (module.Name, or module.* for a whole module); repeatable" },
  "file-timeout": {
    arg: "TIME",
    text: [
      "Time budget of one Python file (default 5s; accepts ms, s; 0 = none): a file that runs",
      "out of time keeps the findings made so far and gets a warning naming it",
    ],
  },
  "follow-symlinks": {
    text: [
      "Also follow symbolic links that lead outside the project (by default they are",
      "reported and skipped); loops are still detected and each directory walked once",
    ],
  },
  "no-cache": { text: "Analyse every file again; do not read or write the analysis cache" },
  "cache-dir": { arg: "DIR", text: "Keep the analysis cache in DIR (default: .pathfinder_cache in the project directory)" },
  verbose: { text: "Print each warning and timing details on stderr" },
  quiet: { text: "No progress or summary on stderr" },
  "exclude-rule": { arg: "ID", text: "Do not run this rule (as --ruleset selects); repeatable" },
  "sarif-root": {
    arg: "DIR",
    text: [
      "Write report paths relative to DIR (default: the git repository root, else the",
      "scanned folder): what GitHub code scanning and GitLab resolve them against",
    ],
  },
  "stdin-filename": { arg: "NAME", text: "With the path \"-\": the name (and type) of the file read from standard input" },
  statistics: { text: "Print the number of findings per rule instead of each finding (text output)" },
  color: { arg: "WHEN", text: "auto (default: on a terminal, never with NO_COLOR or FORCE_COLOR=0), always, never" },
  "docs-url": {
    arg: "URL",
    text: [
      "Base URL of the rule pages linked from reports (default: docs/rules/ on the home page;",
      "also PATHFINDER_DOCS_URL; {id} is replaced by the rule ID)",
    ],
  },
  help: { text: "Show this help" },
};

export const SCAN_FLAGS_HELP = flagHelpText("Scan options", SCAN_FLAGS, SCAN_FLAG_HELP, [
  { after: "project", usage: "[PATH ...]", text: "Only scan these files or directories inside the project (pre-commit passes staged files)" },
]);

export type ScanFlagValues = {
  project?: string;
  ruleset?: string[];
  output?: string[];
  "output-file"?: string;
  "fail-on"?: string;
  "min-trust"?: string;
  "skip-tests"?: boolean;
  exclude?: string[];
  include?: string[];
  "no-gitignore"?: boolean;
  "max-file-size"?: string;
  "show-suppressed"?: boolean;
  jobs?: string;
  config?: string;
  "no-config"?: boolean;
  "pickle-policy"?: string;
  "pickle-allow"?: string[];
  "file-timeout"?: string;
  "follow-symlinks"?: boolean;
  "no-cache"?: boolean;
  "cache-dir"?: string;
  verbose?: boolean;
  quiet?: boolean;
  "exclude-rule"?: string[];
  "sarif-root"?: string;
  "stdin-filename"?: string;
  statistics?: boolean;
  color?: string;
  "docs-url"?: string;
};

const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/**
 * Turns parsed flags (and positional paths) into scan options, with the configuration file that applies; flags
 * the command line left unset take the configuration's values (so call this before reading flags such as
 * --fail-on or --output). Bad values are usage errors, an invalid configuration a ConfigError (both exit 2).
 */
export function scanOptionsFrom(values: ScanFlagValues, positionals: string[], io: CliIo): ScanOptions {
  if (values.config !== undefined && values["no-config"]) throw new CliUsageError("--config and --no-config cannot be used together");
  const project = resolve(io.cwd, values.project ?? ".");
  if (values.project !== undefined && !existsSync(project)) {
    throw new CliUsageError(`--project ${values.project}: no such file or directory`);
  }
  const config = loadConfig({ project, explicit: values.config, disabled: values["no-config"], cwd: io.cwd });
  applyConfigDefaults(values, config);
  const include = [...(values.include ?? [])];
  for (const p of positionals) {
    if (p === "-") throw new CliUsageError(`"-" (standard input) must be the only path`);
    // Relative to the working directory (as pre-commit passes them), else to the project.
    const fromCwd = isAbsolute(p) ? p : resolve(io.cwd, p);
    const abs = existsSync(fromCwd) ? fromCwd : resolve(project, p);
    if (!existsSync(abs)) throw new CliUsageError(`path "${p}" does not exist`);
    const rel = relative(project, abs).split("\\").join("/");
    if (rel.startsWith("..")) throw new CliUsageError(`path "${p}" is outside the project directory ${project}`);
    include.push(rel === "" ? "**" : rel, rel === "" ? "**" : join(rel, "**").split("\\").join("/"));
  }
  return {
    target: project,
    rulesets: values.ruleset ?? [],
    include,
    exclude: values.exclude ?? [],
    skipTests: values["skip-tests"] ?? false,
    gitignore: !values["no-gitignore"],
    maxFileSize: values["max-file-size"] !== undefined ? parseSize(values["max-file-size"]) : DEFAULT_MAX_FILE_SIZE,
    jobs: values.jobs !== undefined ? parseJobs(values.jobs) : undefined,
    tool: toolInfo(),
    config: withExcludedRules(config, excludedRules(values["exclude-rule"]), project),
    pickle: pickleOptionsFrom(values),
    ...(values["file-timeout"] !== undefined ? { fileTimeoutMs: parseDuration(values["file-timeout"]) } : {}),
    ...(values["follow-symlinks"] ? { followSymlinks: true } : {}),
    ...cacheOption(values, project, io),
  };
}

/** `--file-timeout`: `500ms`, `2s`, `1.5s`, or a bare number of seconds; 0 turns the budget off. */
function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(text);
  if (!m) throw new CliUsageError(`--file-timeout: cannot read "${text}" (examples: 5s, 500ms, 0 for no limit)`);
  const ms = (m[2] ?? "s").toLowerCase() === "ms" ? Number(m[1]) : Number(m[1]) * 1000;
  return Math.round(ms);
}

/** The analysis cache folder: `--cache-dir`, else `.pathfinder_cache` in the project directory; none with `--no-cache`. */
function cacheOption(values: ScanFlagValues, project: string, io: CliIo): Pick<ScanOptions, "cacheDir"> {
  if (values["no-cache"] && values["cache-dir"] !== undefined) throw new CliUsageError("--cache-dir and --no-cache cannot be used together");
  if (values["no-cache"]) return {};
  if (values["cache-dir"] !== undefined) return { cacheDir: resolve(io.cwd, values["cache-dir"]) };
  const isDirectory = existsSync(project) && statSync(project).isDirectory();
  return { cacheDir: join(isDirectory ? project : dirname(project), DEFAULT_CACHE_DIR) };
}

/**
 * Settings the configuration file gives for flags (`fail-on = "high"`, `output = ["sarif=results.sarif"]`, ...) fill
 * the flags the command line left unset; call before reading any of them.
 */
export function applyConfigDefaults(values: ScanFlagValues, config: PathfinderConfig | undefined): void {
  const target = values as Record<string, unknown>;
  for (const [key, value] of Object.entries(config?.flags ?? {})) {
    if (target[key] === undefined) target[key] = value;
  }
}

/** `--exclude-rule` IDs, canonical; an unknown ID is a usage error with the closest known one. */
export function excludedRules(values: readonly string[] | undefined): string[] {
  const known = knownRuleIds();
  return (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim().replace(/^(python|artifact|java|csharp|php)\//i, ""))
    .filter(Boolean)
    .map((id) => {
      const match = known.find((k) => k.toUpperCase() === id.toUpperCase());
      if (match) return match;
      const guess = closest(id, known);
      throw new CliUsageError(`--exclude-rule: unknown rule "${id}"${guess ? ` (did you mean ${guess}?)` : ""}. See: pathfinder rules list`);
    });
}

/** Command-line exclusions join the configuration's `disable` list (a configuration is made when there is none). */
function withExcludedRules(config: PathfinderConfig | undefined, ids: string[], project: string): PathfinderConfig | undefined {
  if (ids.length === 0) return config;
  const base: PathfinderConfig = config ?? { file: "", baseDir: project, exclude: [], disable: [], rules: {} };
  return { ...base, disable: [...base.disable, ...ids] };
}

/** `--pickle-policy` and `--pickle-allow` as artifact scan options. */
export function pickleOptionsFrom(values: Pick<ScanFlagValues, "pickle-policy" | "pickle-allow">): Partial<PickleScanOptions> {
  const policy = (values["pickle-policy"] ?? "allowlist").toLowerCase();
  if (policy !== "denylist" && policy !== "allowlist") {
    throw new CliUsageError(`--pickle-policy: expected denylist or allowlist, got "${values["pickle-policy"]}"`);
  }
  const allowGlobals = (values["pickle-allow"] ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  for (const global of allowGlobals) {
    if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*(\.\*)?$/.test(global)) {
      throw new CliUsageError(`--pickle-allow: "${global}" is not a dotted global name (module.Name or module.*)`);
    }
  }
  return { policy, allowGlobals };
}

/** `--fail-on critical,high` -> the lowest listed severity; undefined when not given. */
export function parseFailOn(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!parts.length) throw new CliUsageError(`--fail-on needs a severity: ${SEVERITIES.join(", ")}`);
  for (const p of parts) {
    if (!isSeverity(p)) throw new CliUsageError(`--fail-on: unknown severity "${p}" (use ${SEVERITIES.join(", ")})`);
  }
  return [...SEVERITIES].reverse().find((s) => parts.includes(s));
}

/** `--min-trust`: the trust threshold; `internal` (every finding) when not given. */
export function parseMinTrust(value: string | undefined): Trust {
  if (value === undefined) return "internal";
  const trust = value.trim().toLowerCase();
  if (!isTrust(trust)) throw new CliUsageError(`--min-trust: unknown trust "${value}" (use ${TRUST_LEVELS.join(", ")})`);
  return trust;
}

function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(text);
  if (!m) throw new CliUsageError(`--max-file-size: cannot read "${text}" (examples: 500000, 512KB, 5MB)`);
  const unit = (m[2] ?? "b").toLowerCase()[0];
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}

function parseJobs(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new CliUsageError(`--jobs: expected a whole number from 0 to 64, got "${text}"`);
  return n;
}
