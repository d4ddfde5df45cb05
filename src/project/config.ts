import { readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { parse, TomlError } from "smol-toml";
import { isSeverity } from "../core/severity.js";
import { SEVERITIES } from "../core/types.js";
import { ARTIFACT_RULES } from "../artifacts/rules.js";
import { PYTHON_RULE_CATALOG } from "../rules/python-catalog.js";
import { closest, type RuleCustomization } from "../rules/selection.js";
import { LANGUAGE_RULE_CATALOG } from "../rules/language-catalog.js";
import { UsageError } from "./errors.js";

/** Settings from `pathfinder.toml` or the `[tool.pathfinder]` table of `pyproject.toml`. */
export interface PathfinderConfig {
  /** The file the settings came from (absolute). */
  file: string;
  /** The directory `exclude` patterns are relative to: the configuration file's directory. */
  baseDir: string;
  /** Globs of files or directories not to scan. */
  exclude: string[];
  /** Canonical IDs of rules that never run. */
  disable: string[];
  /** Per-rule changes, keyed by canonical rule ID. */
  rules: Record<string, RuleCustomization>;
  /** Globals trusted in model/data files (`pickle-allow`), as `--pickle-allow` takes them. */
  pickleAllow?: string[];
  /**
   * Defaults for command-line flags, keyed by the flag's name (`fail-on`, `skip-tests`, `output`, ...): what a CI
   * job would otherwise repeat on every command line. A flag given on the command line wins.
   */
  flags?: Record<string, string | boolean | string[]>;
  /** `[per-file-ignores]`: glob (relative to `baseDir`) -> canonical rule IDs not reported in matching files. */
  perFileIgnores?: Record<string, string[]>;
}

/** Configuration keys that set a command-line flag's default, with the value they take. */
export const CONFIG_FLAG_KEYS = {
  "fail-on": "string",
  "min-trust": "string",
  "skip-tests": "boolean",
  include: "list",
  "pickle-policy": "string",
  "pickle-allow": "list",
  output: "list",
  "max-file-size": "string",
  "show-suppressed": "boolean",
  "exclude-rule": "list",
  "sarif-root": "string",
  "docs-url": "string",
} as const satisfies Record<string, "string" | "boolean" | "list">;

/** An unreadable or invalid configuration file: exit code 2, naming the file, the key and the reason. */
export class ConfigError extends UsageError {}

export const CONFIG_FILE_NAMES = ["pathfinder.toml", ".pathfinder.toml"] as const;
const PYPROJECT = "pyproject.toml";
const MAX_CONFIG_BYTES = 1024 * 1024;

export const TOP_LEVEL_KEYS = ["exclude", "disable", "rules", "per-file-ignores", ...(Object.keys(CONFIG_FLAG_KEYS) as (keyof typeof CONFIG_FLAG_KEYS)[])] as const;
export const RULE_KEYS = ["extra-sinks", "severity", "extra-sources", "extra-sanitizers"] as const;
const QUALIFIED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/;
/** A qualified name in which a call may be written (`myapp.Client().fetch`): sources and sanitizers of data-flow rules. */
const FLOW_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\(\))?(\.[A-Za-z_][A-Za-z0-9_]*(\(\))?)+$/;

export interface ConfigLookup {
  /** Directory (or file) being scanned; discovery walks up from here. */
  project: string;
  /** `--config FILE`: use this file and nothing else (resolved against `cwd`). */
  explicit?: string;
  /** `--no-config`: ignore every configuration file. */
  disabled?: boolean;
  cwd: string;
}

/**
 * The text of a configuration file, or undefined when there is no such file. The default reads the disk; `pathfinder
 * ci` reads the base commit's files through one, so that a change cannot rewrite the settings of its own scan.
 */
export type ConfigReader = (file: string) => string | undefined;

const readFromDisk: ConfigReader = (file) => (isFile(file) ? readConfigText(file) : undefined);

/** The configuration that applies to a scan, or undefined when there is none. Throws ConfigError. */
export function loadConfig(lookup: ConfigLookup, read: ConfigReader = readFromDisk): PathfinderConfig | undefined {
  if (lookup.disabled) return undefined;
  if (lookup.explicit !== undefined) {
    const file = resolve(lookup.cwd, lookup.explicit);
    const text = read === readFromDisk ? readConfigText(file) : read(file);
    if (text === undefined) return undefined;
    if (basename(file) === PYPROJECT) {
      const config = fromPyproject(text, file);
      if (!config) throw new ConfigError(`configuration ${file} has no [tool.pathfinder] table`);
      return config;
    }
    return parseConfig(text, file);
  }
  return discoverConfig(resolve(lookup.cwd, lookup.project), read);
}

/** Every file `loadConfig` may read for this lookup, nearest first (the explicit file, or each candidate upwards). */
export function configCandidates(lookup: ConfigLookup): string[] {
  if (lookup.disabled) return [];
  if (lookup.explicit !== undefined) return [resolve(lookup.cwd, lookup.explicit)];
  const out: string[] = [];
  const project = resolve(lookup.cwd, lookup.project);
  for (let dir = isDirectory(project) ? project : dirname(project); ; dir = dirname(dir)) {
    for (const name of [...CONFIG_FILE_NAMES, PYPROJECT]) out.push(join(dir, name));
    if (dirname(dir) === dir) return out;
  }
}

/**
 * Walks up from `project` to the file-system root. In each directory `pathfinder.toml` (or `.pathfinder.toml`)
 * wins over `pyproject.toml`; a `pyproject.toml` without a `[tool.pathfinder]` table is passed over.
 */
export function discoverConfig(project: string, read: ConfigReader = readFromDisk): PathfinderConfig | undefined {
  let dir = isDirectory(project) ? project : dirname(project);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      const text = read(file);
      if (text !== undefined) return parseConfig(text, file);
    }
    const pyproject = join(dir, PYPROJECT);
    const text = read(pyproject);
    if (text !== undefined) {
      // Only parse pyproject files that can hold our table, so a broken unrelated one does not stop a scan.
      if (text.includes("pathfinder")) {
        const config = fromPyproject(text, pyproject);
        if (config) return config;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Parses a `pathfinder.toml` document (settings at the top level). */
export function parseConfig(text: string, file: string): PathfinderConfig {
  return validate(parseToml(text, file), file, "");
}

function fromPyproject(text: string, file: string): PathfinderConfig | undefined {
  const doc = parseToml(text, file);
  const tool = doc.tool;
  if (!isTable(tool) || tool.pathfinder === undefined) return undefined;
  if (!isTable(tool.pathfinder)) throw invalid(file, "tool.pathfinder", "must be a table");
  return validate(tool.pathfinder, file, "tool.pathfinder.");
}

function parseToml(text: string, file: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) {
      const reason = e.message.split("\n")[0].replace(/^Invalid TOML document:\s*/, "");
      throw new ConfigError(`invalid configuration ${file}:${e.line}:${e.column}: TOML syntax error: ${reason}`);
    }
    throw new ConfigError(`invalid configuration ${file}: ${(e as Error).message}`);
  }
}

function validate(table: Record<string, unknown>, file: string, prefix: string): PathfinderConfig {
  const config: PathfinderConfig = { file, baseDir: dirname(file), exclude: [], disable: [], rules: {} };
  for (const [key, value] of Object.entries(table)) {
    const path = prefix + key;
    switch (key) {
      case "exclude":
        config.exclude = stringList(value, file, path).map((pattern, i) => {
          if (!pattern.trim()) throw invalid(file, `${path}[${i}]`, "empty pattern");
          return pattern;
        });
        break;
      case "disable":
        config.disable = stringList(value, file, path).map((id, i) => ruleId(id, file, `${path}[${i}]`));
        break;
      case "pickle-allow":
        config.pickleAllow = stringList(value, file, path).map((name, i) => {
          if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*(\.\*)?$/.test(name)) {
            throw invalid(file, `${path}[${i}]`, `"${name}" is not a dotted global name (module.Name or module.*)`);
          }
          return name;
        });
        break;
      case "rules":
        if (!isTable(value)) throw invalid(file, path, `must be a table of rule IDs, e.g. [${prefix}rules.PYTHON-LANG-SEC-040]`);
        for (const [id, settings] of Object.entries(value)) {
          const canonical = ruleId(id, file, `${path}.${id}`);
          config.rules[canonical] = ruleSettings(settings, file, `${path}.${id}`, isArtifactRule(canonical), PYTHON_RULE_CATALOG.some((r) => r.id === canonical && r.flow));
        }
        break;
      case "per-file-ignores":
        if (!isTable(value)) throw invalid(file, path, `must be a table of globs to rule IDs, e.g. "tests/**" = ["PYTHON-LANG-SEC-040"]`);
        config.perFileIgnores = {};
        for (const [glob, ids] of Object.entries(value)) {
          if (!glob.trim()) throw invalid(file, `${path}`, "empty glob");
          config.perFileIgnores[glob] = stringList(ids, file, `${path}."${glob}"`).map((id, i) => ruleId(id, file, `${path}."${glob}"[${i}]`));
        }
        break;
      default: {
        const kind = (CONFIG_FLAG_KEYS as Record<string, "string" | "boolean" | "list">)[key];
        if (!kind) throw invalid(file, path, unknownKey(key, TOP_LEVEL_KEYS));
        config.flags ??= {};
        if (kind === "boolean") {
          if (typeof value !== "boolean") throw invalid(file, path, `must be true or false, not ${typeName(value)}`);
          config.flags[key] = value;
        } else if (kind === "list") {
          // A single string is accepted for a list: `output = "sarif=results.sarif"`.
          config.flags[key] = typeof value === "string" ? [value] : stringList(value, file, path);
        } else if (typeof value === "number" && key === "max-file-size") {
          config.flags[key] = String(value);
        } else if (Array.isArray(value) && key === "fail-on") {
          config.flags[key] = stringList(value, file, path).join(",");
        } else {
          if (typeof value !== "string") throw invalid(file, path, `must be a string, not ${typeName(value)}`);
          config.flags[key] = value;
        }
      }
    }
  }
  return config;
}

function ruleSettings(value: unknown, file: string, path: string, artifactRule: boolean, flowRule = false): RuleCustomization {
  if (!isTable(value)) throw invalid(file, path, `must be a table (keys: ${RULE_KEYS.join(", ")})`);
  const out: RuleCustomization = {};
  for (const [key, v] of Object.entries(value)) {
    const keyPath = `${path}.${key}`;
    if (key === "extra-sinks") {
      if (artifactRule) throw invalid(file, keyPath, "extra sinks apply to Python rules only; artifact, Java, C# and PHP rules have none");
      out.extraSinks = stringList(v, file, keyPath).map((name, i) => {
        if (!QUALIFIED_NAME.test(name)) {
          throw invalid(file, `${keyPath}[${i}]`, `"${name}" is not a dotted qualified name such as "myapp.cache.load_blob"`);
        }
        return name;
      });
    } else if (key === "extra-sources" || key === "extra-sanitizers") {
      if (!flowRule) throw invalid(file, keyPath, `${key} apply to data-flow rules only (${PYTHON_RULE_CATALOG.filter((r) => r.flow).map((r) => r.id).join(", ")})`);
      const names = stringList(v, file, keyPath).map((name, i) => {
        if (!FLOW_NAME.test(name)) {
          throw invalid(file, `${keyPath}[${i}]`, `"${name}" is not a dotted qualified name such as "myapp.http.raw_body" or "myapp.Client().fetch"`);
        }
        return name;
      });
      if (key === "extra-sources") out.extraSources = names;
      else out.extraSanitizers = names;
    } else if (key === "severity") {
      if (typeof v !== "string") throw invalid(file, keyPath, `must be a string (${SEVERITIES.join(", ")}), not ${typeName(v)}`);
      const severity = v.toLowerCase();
      if (!isSeverity(severity)) throw invalid(file, keyPath, `unknown severity "${v}" (use ${SEVERITIES.join(", ")})`);
      out.severity = severity;
    } else {
      throw invalid(file, keyPath, unknownKey(key, RULE_KEYS));
    }
  }
  return out;
}

/** Every rule ID a configuration or `--exclude-rule` may name: Python rules, artifact rules and the Java, C# and PHP rules. */
export function knownRuleIds(): string[] {
  return [...PYTHON_RULE_CATALOG, ...ARTIFACT_RULES, ...LANGUAGE_RULE_CATALOG].map((r) => r.id);
}

/** Rules without configurable extra sinks: artifact rules and the Java, C# and PHP rules. */
function isArtifactRule(id: string): boolean {
  return ARTIFACT_RULES.some((r) => r.id === id) || LANGUAGE_RULE_CATALOG.some((r) => r.id === id);
}

function ruleId(id: string, file: string, path: string): string {
  const bare = id.replace(/^(python|artifact|java|csharp|php)\//i, "");
  const known = knownRuleIds().find((k) => k.toUpperCase() === bare.toUpperCase());
  if (known) return known;
  const suggestion = closest(bare, knownRuleIds());
  throw invalid(file, path, `unknown rule ID "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (see: pathfinder rules list)`);
}

function stringList(value: unknown, file: string, path: string): string[] {
  if (!Array.isArray(value)) throw invalid(file, path, `must be an array of strings, not ${typeName(value)}`);
  value.forEach((item, i) => {
    if (typeof item !== "string") throw invalid(file, `${path}[${i}]`, `must be a string, not ${typeName(item)}`);
  });
  return value as string[];
}

function unknownKey(key: string, known: readonly string[]): string {
  const suggestion = closest(key, known);
  return `unknown key${suggestion ? `; did you mean "${suggestion}"?` : ""} (known keys: ${known.join(", ")})`;
}

function invalid(file: string, key: string, reason: string): ConfigError {
  return new ConfigError(`invalid configuration ${file}: ${key}: ${reason}`);
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (isTable(v)) return "a table";
  if (typeof v === "string") return "a string";
  if (typeof v === "number" || typeof v === "bigint") return "a number";
  if (typeof v === "boolean") return "a boolean";
  return "a date";
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function readConfigText(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new ConfigError(`cannot read configuration file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > MAX_CONFIG_BYTES) throw new ConfigError(`configuration file ${file} is over ${MAX_CONFIG_BYTES / 1024} KB; refusing to read it`);
  try {
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    throw new ConfigError(`cannot read configuration file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether a configuration `exclude` pattern covers a file. As in `.gitignore`, a pattern without a slash matches
 * a file or directory name at any depth (`legacy`, `*_pb2.py`); a pattern with a slash matches paths relative to
 * the configuration file's directory (`legacy/**`, `src/gen/*.py`), which may be an ancestor of the scanned one.
 * Excluding a directory excludes everything below it.
 */
export function configExcluder(config: PathfinderConfig | undefined): (absPath: string) => boolean {
  if (!config?.exclude.length) return () => false;
  const names = config.exclude.filter((p) => !p.includes("/"));
  const paths = config.exclude.filter((p) => p.includes("/"));
  const matchesName = names.length ? picomatch(names, { dot: true }) : () => false;
  const matchesPath = paths.length ? picomatch(paths, { dot: true }) : () => false;
  return (absPath) => {
    const native = relative(config.baseDir, absPath);
    // Outside the configuration's directory only name patterns apply, and `discover` already pruned with them.
    if (!native || isAbsolute(native) || native === ".." || native.startsWith(".." + sep)) return false;
    const parts = native.split(sep);
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join("/");
      if (matchesName(parts[i - 1]) || matchesPath(path) || (i < parts.length && matchesPath(path + "/"))) return true;
    }
    return false;
  };
}

/** Patterns `discover` can prune with: name patterns mean the same wherever the configuration file is. */
export function prunableExcludes(config: PathfinderConfig | undefined): string[] {
  return config?.exclude.filter((p) => !p.includes("/")) ?? [];
}
