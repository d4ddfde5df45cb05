// The playground engine for Java, C# and PHP source and for Python dependency manifests: the same analysis as the
// CLI (src/project/other-languages.ts, src/project/dependency-scan.ts) without the file system. Loaded by
// engine.ts only when one of these is picked, and each grammar only when its language is.

import type { Finding, RuleMeta, ScanError } from "../../src/core/types.js";
import { dependencyFindings } from "../../src/dependencies/findings.js";
import { parseManifest } from "../../src/dependencies/manifests.js";
import { matchAdvisories } from "../../src/dependencies/match.js";
import { analyzeLanguageFile, LanguageSinkIndex } from "../../src/languages/common/analyze.js";
import { createGrammarParser, type GrammarParser } from "../../src/languages/common/syntax.js";
import { languageRuleMeta } from "../../src/rules/language-rule.js";
import { LANGUAGES, splitLanguageRulesets } from "../../src/rules/languages.js";
import { resolveRulesets } from "../../src/rules/registry.js";

export interface OtherAnalysis {
  findings: Finding[];
  errors: ScanError[];
  rules: RuleMeta[];
}

const grammars = new Map<string, Promise<GrammarParser>>();
const indexes = new Map<string, LanguageSinkIndex>();

function grammarParser(languageId: string, runtimeUrl: string): Promise<GrammarParser> {
  let parser = grammars.get(languageId);
  if (!parser) {
    const language = LANGUAGES.find((l) => l.id === languageId)!;
    parser = (async () => {
      const url = new URL(`./${language.grammarFile}`, import.meta.url);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`could not load ${url.pathname} (HTTP ${response.status})`);
      return createGrammarParser(new Uint8Array(await response.arrayBuffer()), () => runtimeUrl);
    })();
    // A failed download is retried on the next analysis instead of being remembered.
    parser.catch(() => grammars.delete(languageId));
    grammars.set(languageId, parser);
  }
  return parser;
}

/** Java, C# or PHP `source` (as `path`) under a `java/...`, `csharp/...` or `php/...` ruleset. */
export async function analyzeOtherSource(languageId: string, source: string, ruleset: string, path: string, runtimeUrl: string): Promise<OtherAnalysis> {
  const language = LANGUAGES.find((l) => l.id === languageId);
  if (!language) throw new Error(`unknown language "${languageId}"`);
  let index = indexes.get(ruleset);
  if (!index) {
    const split = splitLanguageRulesets([ruleset]);
    if ("error" in split) throw new Error(split.error);
    if (split.rest.length) throw new Error(`"${ruleset}" is not a ${language.name} ruleset`);
    index = new LanguageSinkIndex(split.rules.filter((r) => r.language === language.id));
    indexes.set(ruleset, index);
  }
  const rules = index.rules.map(languageRuleMeta);
  const decoded = language.readAs?.(source);
  if (!index.mayMatch(decoded?.text ?? source)) return { findings: [], errors: [], rules };
  const parser = await grammarParser(language.id, runtimeUrl);
  const { findings, errors } = analyzeLanguageFile(parser, language.createModel, { path, source }, index, decoded);
  return { findings, errors, rules };
}

/** A dependency manifest (`requirements.txt`, `pyproject.toml`, ... by `path`) against the advisory table. */
export function analyzeManifest(source: string, ruleset: string, path: string): OtherAnalysis {
  const resolution = resolveRulesets([ruleset]);
  if (!resolution.ok) throw new Error(resolution.error);
  const rules = resolution.rules.filter((r) => r.bundles.includes("deps"));
  const manifest = parseManifest(path, source);
  const enabled = new Set(rules.map((r) => r.id));
  const findings = dependencyFindings(matchAdvisories(manifest.dependencies), enabled);
  const errors: ScanError[] = manifest.problems.map((p) => ({
    file: path,
    kind: "syntax",
    level: "warning",
    ...(p.line ? { line: p.line } : {}),
    message: `dependency manifest${p.line ? ` line ${p.line}` : ""}: ${p.message}`,
  }));
  // Included files (`-r other.txt`) are not at hand in the browser; the CLI follows them.
  for (const include of manifest.includes) {
    errors.push({ file: path, kind: "unreadable", level: "warning", line: include.line, message: `"${include.path}" (line ${include.line}) is not read in the playground; the CLI follows it` });
  }
  return { findings, errors, rules };
}
