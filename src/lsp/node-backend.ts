// The language server's work on Node: the project's configuration file, exclusions (.gitignore, excludes),
// one-document analysis with the Python engine, model files read from disk and whole-workspace scans. Every
// analysis is a library call (analyzePython, scanArtifact, scanProject); this module only chooses inputs.
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ARTIFACT_RULES, isArtifactCandidate, scanArtifact, SNIFF_BYTES } from "../artifacts/index.js";
import type { PickleScanOptions } from "../artifacts/types.js";
import type { Finding, RuleMeta } from "../core/types.js";
import { analyzePython, SinkIndex } from "../languages/python/analyze.js";
import { buildRuleSet, findRule, ruleSetSpec } from "../rules/registry.js";
import { resolveTrust, TRUST_FLOW_RULE, withTrustFlow } from "../rules/python/trust-join.js";
import { splitRulesets } from "../project/artifacts.js";
import { openFileByteSource } from "../project/byte-source.js";
import { withNodeInflate } from "../project/native-inflate.js";
import { DEFAULT_CACHE_DIR } from "../project/cache.js";
import { CONFIG_FILE_NAMES, configExcluder, loadConfig, type PathfinderConfig } from "../project/config.js";
import { isExcludedFromDiscovery, toPosix } from "../project/discover.js";
import { moduleNameOf } from "../project/module-name.js";
import { loadPythonParser } from "../project/python-parser.js";
import { readHead } from "../project/read-source.js";
import { scanProject } from "../project/scan.js";
import { toolInfo } from "../cli/version.js";
import { describeArtifactFindings } from "./artifact-summary.js";
import { DEFAULT_SETTINGS, type LspBackend, type Outcome, type ServerSettings } from "./server.js";
import { normalizeIdentifiers } from "../languages/python/source-text.js";

/** The CLI's default `--max-file-size`: bigger buffers are not analysed as the user types. */
const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
const PYTHON_LANGUAGE_IDS = new Set(["python"]);
const PYTHON_EXTENSIONS = /\.pyw?$/i;

/** What applies to one workspace folder. */
interface Folder {
  root: string;
  config: PathfinderConfig | undefined;
  index: SinkIndex;
  artifactRules: RuleMeta[];
  /** `--ruleset` values for scanProject (the user's, or none when they were invalid). */
  rulesets: string[];
  /** The data-flow rule was selected (else it runs only to tell which findings are untrusted). */
  reportFlow: boolean;
}

export class NodeBackend implements LspBackend {
  private settings: ServerSettings = DEFAULT_SETTINGS;
  private folders: Folder[] = [];
  private fallback: Folder | undefined;

  async configure(settings: ServerSettings, roots: string[]): Promise<string[]> {
    this.settings = settings;
    const problems: string[] = [];
    const paths = roots.flatMap((uri) => (uri.startsWith("file:") ? [fileURLToPath(uri)] : []));
    this.folders = paths.map((root) => this.folder(root, problems));
    this.fallback = undefined;
    return problems;
  }

  async analyzeText(uri: string, languageId: string, text: string): Promise<Outcome | undefined> {
    const path = uri.startsWith("file:") ? fileURLToPath(uri) : undefined;
    if (!PYTHON_LANGUAGE_IDS.has(languageId) && !(path && PYTHON_EXTENSIONS.test(path))) return undefined;
    if (text.length > MAX_SOURCE_BYTES) return undefined;
    const where = path ? this.locate(path) : undefined;
    if (where === "excluded") return undefined;
    const folder = where?.folder ?? this.defaultFolder();
    const rel = where?.rel ?? (path ? basename(path) : "untitled.py");
    const parser = await loadPythonParser();
    const analysis = analyzePython(parser, { path: rel, source: normalizeIdentifiers(text), moduleName: moduleNameOf(rel) }, folder.index, { wholeFile: true });
    const findings = resolveTrust(analysis.findings, folder.reportFlow);
    const base = where ? where.folder.root : path ? dirname(path) : undefined;
    return { findings, uriOf: (file) => (file === rel || !base ? uri : pathToFileURL(join(base, file)).href) };
  }

  async inspectFile(uri: string): Promise<Outcome | undefined> {
    if (!uri.startsWith("file:")) return undefined;
    const path = fileURLToPath(uri);
    const where = this.locate(path);
    if (where === "excluded") return undefined;
    const folder = where?.folder ?? this.defaultFolder();
    const rel = where?.rel ?? basename(path);
    if (PYTHON_EXTENSIONS.test(path) || !folder.artifactRules.length) return undefined;
    let head: Uint8Array;
    try {
      head = readHead(path, SNIFF_BYTES);
    } catch {
      return undefined;
    }
    if (!isArtifactCandidate(rel, head)) return undefined;
    const source = await openFileByteSource(path);
    try {
      const result = await scanArtifact(source, rel, withNodeInflate({ ...this.pickleOptions(), pseudoPython: false }));
      return { findings: describeArtifactFindings(this.artifactFindings(result.findings, folder)), uriOf: () => uri };
    } finally {
      await source.close();
    }
  }

  async scanWorkspace(onProgress: (done: number, total: number) => void): Promise<Map<string, Outcome>> {
    const out = new Map<string, Outcome>();
    for (const folder of this.folders) {
      const report = await scanProject({
        target: folder.root,
        rulesets: folder.rulesets,
        maxFileSize: MAX_SOURCE_BYTES,
        include: [],
        exclude: [],
        skipTests: false,
        gitignore: true,
        tool: toolInfo(),
        config: folder.config,
        pickle: this.pickleOptions(),
        ...(this.settings.cache ? { cacheDir: join(folder.root, DEFAULT_CACHE_DIR) } : {}),
        onProgress,
      });
      const byFile = new Map<string, Finding[]>();
      for (const f of report.findings) byFile.set(f.location.file, [...(byFile.get(f.location.file) ?? []), f]);
      const uriOf = (file: string) => pathToFileURL(join(folder.root, file)).href;
      for (const [file, findings] of byFile) {
        const artifact = findings.some((f) => f.location.offset !== undefined);
        out.set(uriOf(file), { findings: artifact ? describeArtifactFindings(findings) : findings, uriOf });
      }
    }
    return out;
  }

  isConfigFile(uri: string): boolean {
    if (!uri.startsWith("file:")) return false;
    const name = basename(fileURLToPath(uri));
    return (CONFIG_FILE_NAMES as readonly string[]).includes(name) || name === "pyproject.toml" || name === ".gitignore";
  }

  rule(id: string): RuleMeta | undefined {
    return findRule(id, ARTIFACT_RULES);
  }

  ruleUrl(id: string): string | undefined {
    const home = toolInfo().informationUri.replace(/\/+$/, "");
    return home ? `${home}/rules/${encodeURIComponent(id)}` : undefined;
  }

  private folder(root: string, problems: string[]): Folder {
    let config: PathfinderConfig | undefined;
    try {
      config = loadConfig({ project: root, explicit: this.settings.configFile, disabled: this.settings.noConfig, cwd: root });
    } catch (e) {
      problems.push((e as Error).message);
    }
    let rulesets = this.settings.rulesets;
    let split = splitRulesets(rulesets);
    if ("error" in split) {
      problems.push(`${split.error}; using every rule`);
      rulesets = [];
      split = splitRulesets([]) as Exclude<typeof split, { error: string }>;
    }
    const disabled = new Set((config?.disable ?? []).map((id) => id.toUpperCase()));
    const artifactRules = split.artifactRules.filter((r) => !disabled.has(r.id.toUpperCase()));
    let ruleIds: string[] = [];
    if (split.runPython) {
      const resolution = ruleSetSpec(split.python, { disable: config?.disable, customizations: config?.rules, source: config?.file, allowEmpty: true });
      if (resolution.ok) {
        ruleIds = resolution.spec.ruleIds;
      } else {
        problems.push(resolution.error);
      }
    }
    const index = new SinkIndex(buildRuleSet(withTrustFlow({ ruleIds, customizations: config?.rules })));
    return { root, config, index, artifactRules, rulesets, reportFlow: ruleIds.includes(TRUST_FLOW_RULE) };
  }

  /** For files outside every workspace folder: the settings alone, with the configuration found from the file. */
  private defaultFolder(): Folder {
    this.fallback ??= this.folder(process.cwd(), []);
    return this.fallback;
  }

  /** The workspace folder holding `path` (the innermost), or "excluded" when a scan of it would skip the file. */
  private locate(path: string): { folder: Folder; rel: string } | "excluded" | undefined {
    const folder = this.folders
      .filter((f) => path === f.root || path.startsWith(f.root.endsWith(sep) ? f.root : f.root + sep))
      .sort((a, b) => b.root.length - a.root.length)[0];
    if (!folder) return undefined;
    if (isExcludedFromDiscovery(folder.root, path, { exclude: [], gitignore: true }) || configExcluder(folder.config)(path)) return "excluded";
    return { folder, rel: toPosix(relative(folder.root, path)) };
  }

  private pickleOptions(): Partial<PickleScanOptions> {
    return { policy: this.settings.picklePolicy, allowGlobals: this.settings.pickleAllow };
  }

  /** Artifact findings of the enabled rules, with the configured severities (as `scanProject` applies them). */
  private artifactFindings(findings: Finding[], folder: Folder): Finding[] {
    const enabled = new Set(folder.artifactRules.map((r) => r.id));
    return findings
      .filter((f) => enabled.has(f.ruleId))
      .map((f) => {
        const severity = folder.config?.rules[f.ruleId]?.severity;
        return severity ? { ...f, severity } : f;
      });
  }
}
