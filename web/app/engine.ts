// The analysis engine in the browser: the same parser, semantic model and rules as the CLI, loaded once.

import type { Finding, RuleMeta, ScanError } from "../../src/core/types.js";
import { analyzePython, SinkIndex } from "../../src/languages/python/analyze.js";
import { createPythonParser, type PythonParser } from "../../src/languages/python/parser.js";
import type { PythonRule } from "../../src/rules/rule.js";
import { resolveRulesets } from "../../src/rules/registry.js";
import { playgroundLanguage, type PlaygroundLanguage } from "./playground-languages.js";

export interface AnalysisResult {
  findings: Finding[];
  errors: ScanError[];
  rules: (PythonRule | RuleMeta)[];
  /** Wall time of the analysis in milliseconds. */
  ms: number;
}

/** Above this the playground declines to analyse (the CLI handles big files; the browser tab stays responsive). */
export const MAX_SOURCE_CHARS = 1_000_000;

export class Engine {
  private readonly indexes = new Map<string, SinkIndex>();

  private constructor(
    private readonly parser: PythonParser,
    private readonly runtimeUrl: string,
  ) {}

  /** Fetches the WebAssembly next to this script and initialises tree-sitter. */
  static async load(): Promise<Engine> {
    const grammarUrl = new URL("./tree-sitter-python.wasm", import.meta.url);
    const runtimeUrl = new URL("./tree-sitter.wasm", import.meta.url).href;
    const response = await fetch(grammarUrl);
    if (!response.ok) throw new Error(`could not load ${grammarUrl.pathname} (HTTP ${response.status})`);
    const grammar = new Uint8Array(await response.arrayBuffer());
    return new Engine(await createPythonParser({ grammar, locateRuntimeWasm: () => runtimeUrl }), runtimeUrl);
  }

  /** `ruleset` is a `--ruleset` value: `python/all`, `python/<bundle>` or `python/<RULE-ID>`. */
  analyze(source: string, ruleset: string, path = "playground.py"): AnalysisResult {
    const started = performance.now();
    const index = this.indexFor(ruleset);
    if (source.length > MAX_SOURCE_CHARS) {
      return {
        findings: [],
        errors: [{ file: path, kind: "too-large", level: "warning", message: `the code is longer than ${MAX_SOURCE_CHARS.toLocaleString("en")} characters; use the CLI for files this size` }],
        rules: [...index.rules],
        ms: 0,
      };
    }
    const { findings, errors } = analyzePython(this.parser, { path, source, moduleName: "playground" }, index, { wholeFile: true });
    return { findings, errors, rules: [...index.rules], ms: performance.now() - started };
  }

  /**
   * Analyses `source` as `language` (Python, Java, C#, PHP, or a dependency manifest) under `ruleset`. The engine
   * for the other languages, and each grammar, is fetched the first time it is needed.
   */
  async analyzeAs(language: PlaygroundLanguage, source: string, ruleset: string): Promise<AnalysisResult> {
    const info = playgroundLanguage(language);
    if (!info) throw new Error(`unknown language "${language}"`);
    if (info.id === "python") return this.analyze(source, ruleset, info.file);
    const started = performance.now();
    if (source.length > MAX_SOURCE_CHARS) {
      return {
        findings: [],
        errors: [{ file: info.file, kind: "too-large", level: "warning", message: `the code is longer than ${MAX_SOURCE_CHARS.toLocaleString("en")} characters; use the CLI for files this size` }],
        rules: [],
        ms: 0,
      };
    }
    const other = await import("./engine-other.js");
    const result =
      info.rules === "deps"
        ? other.analyzeManifest(source, ruleset, info.file)
        : await other.analyzeOtherSource(info.id, source, ruleset, info.file, this.runtimeUrl);
    return { ...result, ms: performance.now() - started };
  }

  private indexFor(ruleset: string): SinkIndex {
    let index = this.indexes.get(ruleset);
    if (!index) {
      const resolution = resolveRulesets([ruleset]);
      if (!resolution.ok) throw new Error(resolution.error);
      index = new SinkIndex(resolution.rules);
      this.indexes.set(ruleset, index);
    }
    return index;
  }
}

let shared: Promise<Engine> | undefined;

/** One engine per page, shared by every editor on it. */
export function loadEngine(): Promise<Engine> {
  shared ??= Engine.load();
  return shared;
}
