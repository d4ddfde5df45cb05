// The project-scan hook of the Java, C# and PHP engines: the discovered files of those languages are read,
// prefiltered by the rules' tokens, parsed with their grammar (loaded only when such a file is a candidate) and
// analysed in this thread. The rules are chosen from their catalog; the rules themselves and the engines are loaded
// only when a file of their language is there, or their metadata is not remembered in the cache.
import { appendAll } from "../core/arrays.js";
import { readFileSync } from "node:fs";
import type { Finding, RuleMeta, ScanError, Severity } from "../core/types.js";
import { isJavaStreamCandidate, JAVA_STREAM_GADGET_RULE, scanJavaStream } from "../artifacts/java/index.js";
import { languageRuleMeta, type LanguageRule, type SourceLanguage } from "../rules/language-rule.js";
import { LANGUAGE_EXTENSIONS, LANGUAGE_RULE_CATALOG, languageIdOf, splitLanguageRuleset } from "../rules/language-catalog.js";
import type { AnalysisCache } from "./cache.js";
import { filesKey, isResults } from "./cache.js";
import type { PathfinderConfig } from "./config.js";
import type { DiscoveredFile } from "./discover.js";
import { UsageError } from "./errors.js";
import { rememberedRuleMeta } from "./rule-meta-memo.js";
import type { FileHeads } from "./file-heads.js";
import { readHead, readWithin, unreadable } from "./read-source.js";

/** A chosen Java, C# or PHP rule, with the severity the configuration gives it. */
export interface ChosenLanguageRule {
  id: string;
  language: SourceLanguage;
  severity?: Severity;
}

export interface OtherLanguageSelection {
  rules: ChosenLanguageRule[];
  /** Check Java serialization streams in the project (JAVA-ARTIFACT-001). */
  javaStreams: boolean;
  /** `--ruleset` values left for the Python and artifact rules; `runRest` false when none of those were asked for. */
  rest: string[];
  runRest: boolean;
}

/** The Java, C# and PHP rules a scan runs, after `disable` and per-rule severities of the configuration. */
export function selectOtherLanguageRules(rulesets: readonly string[], config?: PathfinderConfig): OtherLanguageSelection {
  const split = splitLanguageRuleset(rulesets, LANGUAGE_RULE_CATALOG);
  if ("error" in split) throw new UsageError(split.error);
  const disabled = new Set((config?.disable ?? []).map((id) => id.toUpperCase()));
  const rules = split.rules
    .filter((r) => !disabled.has(r.id.toUpperCase()))
    .map((r): ChosenLanguageRule => {
      const severity = config?.rules[r.id]?.severity;
      return severity ? { id: r.id, language: r.language, severity } : { id: r.id, language: r.language };
    });
  const javaStreams = split.javaStreams && !disabled.has(JAVA_STREAM_GADGET_RULE.id);
  return { rules, javaStreams, rest: split.rest, runRest: rulesets.length === 0 || split.rest.length > 0 };
}

export interface OtherLanguagesResult {
  findings: Finding[];
  errors: ScanError[];
  /** Files of these languages that were read. */
  scanned: number;
  rules: RuleMeta[];
}

/** The first bytes of a file that tell whether it is a Java serialization stream (raw or base64). */
export const JAVA_STREAM_HEAD_BYTES = 16;

/** Where the Java stream check remembers its results between scans (see `rememberedJavaStreams`). */
export interface OtherLanguagesMemo {
  cache: AnalysisCache;
  /** The scan root: the files' relative paths mean something only with it. */
  root: string;
  startedMs: number;
}

export async function scanOtherLanguageFiles(
  files: readonly DiscoveredFile[],
  selection: Pick<OtherLanguageSelection, "rules" | "javaStreams">,
  maxBytes: number,
  onSourceRead?: (file: { relPath: string; absPath: string }, bytes: Uint8Array) => void,
  memo?: OtherLanguagesMemo,
  /** First bytes of files already read in this scan (the model-file scan's), so that they are not opened again. */
  heads?: FileHeads,
): Promise<OtherLanguagesResult> {
  const chosen = selection.rules;
  const result: OtherLanguagesResult = { findings: [], errors: [], scanned: 0, rules: await chosenRuleMeta(chosen, memo) };
  const languages = files.map(languageByExtension());
  if (selection.javaStreams) {
    result.rules.push(JAVA_STREAM_GADGET_RULE);
    const streams = files.filter((_, i) => !languages[i]);
    if (memo) rememberedJavaStreams(streams, maxBytes, result, memo, heads);
    else scanJavaStreamFiles(streams, maxBytes, result, heads);
  }
  if (!chosen.length) return result;
  for (const { id: languageId } of LANGUAGE_EXTENSIONS) {
    const ownIds = chosen.filter((r) => r.language === languageId);
    const mine = files.filter((_, i) => languages[i] === languageId);
    if (!ownIds.length || !mine.length) continue;
    const { language, rules: own, analyzeLanguageFile, LanguageSinkIndex, loadGrammarParser } = await languageEngine(languageId, ownIds);
    const index = new LanguageSinkIndex(own);
    for (const file of mine) {
      result.scanned++;
      const bytes = readWithin(file, maxBytes, result.errors);
      if (!bytes) continue;
      const source = bytes.toString("utf8").replace(/^\uFEFF/, "");
      // Escapes may spell a rule's token: the file is searched as its language reads it.
      const decoded = language.readAs?.(source);
      if (!index.mayMatch(decoded?.text ?? source)) continue;
      if (source.includes("\0")) {
        result.errors.push({ file: file.relPath, kind: "binary", level: "warning", message: `binary content (NUL bytes) in a ${language.name} file; skipped` });
        continue;
      }
      onSourceRead?.(file, bytes);
      try {
        const parser = await loadGrammarParser(language);
        const analysis = analyzeLanguageFile(parser, language.createModel, { path: file.relPath, source }, index, decoded);
        appendAll(result.findings, analysis.findings);
        appendAll(result.errors, analysis.errors);
      } catch (e) {
        result.errors.push({ file: file.relPath, kind: "internal", level: "error", message: `internal error while analysing: ${(e as Error).message ?? e}` });
      }
    }
  }
  return result;
}

/**
 * `languageIdOf` each file, asked once per extension: a language is named by single-dot extensions (`.java`, `.php`), so
 * the text from a path's last dot decides it.
 */
function languageByExtension(): (file: DiscoveredFile) => SourceLanguage | undefined {
  const known = new Map<string, SourceLanguage | undefined>();
  return (file) => {
    const dot = file.relPath.lastIndexOf(".");
    const extension = dot < 0 ? "" : file.relPath.slice(dot).toLowerCase();
    if (!known.has(extension)) known.set(extension, languageIdOf(extension));
    return known.get(extension);
  };
}

/** The rule objects of `chosen` (with the configuration's severities). */
async function chosenRules(chosen: readonly ChosenLanguageRule[]): Promise<LanguageRule[]> {
  const { LANGUAGE_RULES } = await import("../rules/languages.js");
  return chosen.map((c) => {
    const rule = LANGUAGE_RULES.find((r) => r.id === c.id)!;
    return c.severity ? { ...rule, severity: c.severity } : rule;
  });
}

/** One language's support, the chosen rules of it, and the engine that analyses its files. */
async function languageEngine(id: SourceLanguage, chosen: readonly ChosenLanguageRule[]) {
  const [{ LANGUAGES }, { analyzeLanguageFile, LanguageSinkIndex }, { loadGrammarParser }, rules] = await Promise.all([
    import("../rules/languages.js"),
    import("../languages/common/analyze.js"),
    import("./grammars.js"),
    chosenRules(chosen),
  ]);
  return { language: LANGUAGES.find((l) => l.id === id)!, rules, analyzeLanguageFile, LanguageSinkIndex, loadGrammarParser };
}

/** Where the chosen rules' metadata is remembered (see `rememberedRuleMeta`). */
const RULE_META_PART = "language-rule-meta";

function chosenRuleMeta(chosen: readonly ChosenLanguageRule[], memo: OtherLanguagesMemo | undefined): Promise<RuleMeta[]> {
  return rememberedRuleMeta(memo?.cache, RULE_META_PART, JSON.stringify(chosen), chosen.map((r) => r.id), async () => (await chosenRules(chosen)).map(languageRuleMeta));
}

/** The cache's part name of the Java stream check. */
const JAVA_STREAMS_PART = "java-streams";

/**
 * The Java stream check's results, from the cache when none of the files changed since the scan that remembered them
 * (same paths and stamps, see `filesKey`): every other file's first bytes would be read again for nothing. A scan
 * whose stamps cannot be trusted (a file changed just before it) reads them all and remembers nothing.
 */
function rememberedJavaStreams(files: readonly DiscoveredFile[], maxBytes: number, result: OtherLanguagesResult, memo: OtherLanguagesMemo, heads?: FileHeads): void {
  const slot = JSON.stringify([memo.root, maxBytes]);
  const key = filesKey(files, () => "", memo.startedMs, slot);
  const known = key ? (memo.cache.entry(JAVA_STREAMS_PART, slot) as { filesKey?: unknown; scanned?: unknown } | undefined) : undefined;
  if (key && known?.filesKey === key && typeof known.scanned === "number" && isResults(known)) {
    appendAll(result.findings, known.findings);
    appendAll(result.errors, known.errors);
    result.scanned += known.scanned;
    return;
  }
  const own: OtherLanguagesResult = { findings: [], errors: [], scanned: 0, rules: [] };
  scanJavaStreamFiles(files, maxBytes, own, heads);
  if (key) memo.cache.setEntry(JAVA_STREAMS_PART, slot, { filesKey: key, findings: own.findings, errors: own.errors, scanned: own.scanned });
  appendAll(result.findings, own.findings);
  appendAll(result.errors, own.errors);
  result.scanned += own.scanned;
}

/** Files whose first bytes are a Java serialization stream (raw or base64) are read and checked for gadget classes. */
function scanJavaStreamFiles(files: readonly DiscoveredFile[], maxBytes: number, result: OtherLanguagesResult, heads?: FileHeads): void {
  for (const file of files) {
    if (file.size < 8 || file.size > maxBytes) continue;
    let bytes: Buffer;
    try {
      if (!isJavaStreamCandidate(heads ? heads.read(file, JAVA_STREAM_HEAD_BYTES) : readHead(file.absPath, JAVA_STREAM_HEAD_BYTES))) continue;
      bytes = readFileSync(file.absPath);
    } catch (e) {
      result.errors.push(unreadable(file.relPath, e));
      continue;
    }
    const scan = scanJavaStream(bytes, file.relPath);
    if (!scan) continue;
    result.scanned++;
    appendAll(result.findings, scan.findings);
  }
}

/** Analyses one Java, C# or PHP source text in memory (the language comes from the path's extension). */
export async function analyzeLanguageSource(
  source: string,
  options: { path: string; rulesets?: string[] },
): Promise<{ findings: Finding[]; errors: ScanError[] }> {
  const languageId = languageIdOf(options.path);
  if (!languageId) throw new UsageError(`"${options.path}" is not a Java, C# or PHP file`);
  const { rules: chosen } = selectOtherLanguageRules(options.rulesets ?? []);
  const { language, rules, analyzeLanguageFile, LanguageSinkIndex, loadGrammarParser } = await languageEngine(languageId, chosen.filter((r) => r.language === languageId));
  const index = new LanguageSinkIndex(rules);
  const parser = await loadGrammarParser(language);
  const { findings, errors } = analyzeLanguageFile(parser, language.createModel, { path: options.path, source }, index, language.readAs?.(source));
  return { findings, errors };
}
