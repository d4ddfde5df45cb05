// The language server's work where there is no file system (the VS Code web extension's worker, vscode.dev): open
// Python documents analysed with the same engine, rules chosen by the settings. Browser-safe.
import { ARTIFACT_RULES } from "../artifacts/index.js";
import type { RuleMeta } from "../core/types.js";
import { analyzePython, SinkIndex } from "../languages/python/analyze.js";
import type { PythonParser } from "../languages/python/parser.js";
import { buildRuleSet, findRule, PYTHON_RULES, ruleSetSpec } from "../rules/registry.js";
import { resolveTrust, TRUST_FLOW_RULE, withTrustFlow } from "../rules/python/trust-join.js";
import type { LspBackend, Outcome, ServerSettings } from "./server.js";
import { normalizeIdentifiers } from "../languages/python/source-text.js";

const MAX_SOURCE_CHARS = 5 * 1024 * 1024;

export class BrowserBackend implements LspBackend {
  private index: SinkIndex | undefined;
  /** The data-flow rule was selected (else it runs only to tell which findings are untrusted). */
  private reportFlow = true;
  private initOptions: unknown;

  /** `loadParser` fetches the grammar (told the client's initializationOptions); `homepage` is for rule links. */
  constructor(
    private readonly loadParser: (initializationOptions: unknown) => Promise<PythonParser>,
    private readonly homepage: string,
  ) {}

  initialize(initializationOptions: unknown): void {
    this.initOptions = initializationOptions;
  }

  async configure(settings: ServerSettings): Promise<string[]> {
    // Artifact rulesets need files on disk; the web build analyses source only.
    const python = settings.rulesets.filter((r) => !/^(artifact\/|(PICKLE|KERAS|GGUF|ONNX|ARCHIVE|CONFIG)-ARTIFACT-)/i.test(r.trim()));
    if (settings.rulesets.length && !python.length) {
      this.index = new SinkIndex([]);
      return [];
    }
    const problems: string[] = [];
    let resolution = ruleSetSpec(python, { allowEmpty: true });
    if (!resolution.ok) {
      problems.push(`${resolution.error}; using every rule`);
      resolution = ruleSetSpec([]);
    }
    const spec = resolution.ok ? resolution.spec : { ruleIds: [] };
    this.reportFlow = spec.ruleIds.includes(TRUST_FLOW_RULE);
    this.index = new SinkIndex(buildRuleSet(withTrustFlow(spec)));
    return problems;
  }

  async analyzeText(uri: string, languageId: string, text: string): Promise<Outcome | undefined> {
    if (languageId !== "python" && !/\.pyw?$/i.test(uri)) return undefined;
    if (text.length > MAX_SOURCE_CHARS) return undefined;
    this.index ??= new SinkIndex(buildRuleSet({ ruleIds: PYTHON_RULES.map((r) => r.id) }));
    const parser = await this.loadParser(this.initOptions);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1)) || "untitled.py";
    const analysis = analyzePython(parser, { path: name, source: normalizeIdentifiers(text), moduleName: name.replace(/\.pyw?$/i, "") }, this.index!, { wholeFile: true });
    const findings = resolveTrust(analysis.findings, this.reportFlow);
    return { findings, uriOf: () => uri };
  }

  rule(id: string): RuleMeta | undefined {
    return findRule(id, ARTIFACT_RULES);
  }

  ruleUrl(id: string): string | undefined {
    return this.homepage ? `${this.homepage.replace(/\/+$/, "")}/rules/${encodeURIComponent(id)}` : undefined;
  }
}
