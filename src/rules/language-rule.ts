// Rules for the languages other than Python (Java, C#, PHP): the same metadata as every rule, plus declarative
// sinks over the sites a language's semantic model resolves (see src/languages/common/model.ts).
import type { Confidence, RuleMeta, Severity, TraceStep } from "../core/types.js";
import type { Site, SiteKind, SourceModel } from "../languages/common/model.js";

export type SourceLanguage = "java" | "csharp" | "php";

export interface LanguageMatch<M extends SourceModel = SourceModel> {
  site: Site;
  /** The qualified name of the sink that matched. */
  target: string;
  model: M;
  /** How request data reaches the site, when it does (source -> steps -> sink). */
  trace?: TraceStep[];
}

export interface LanguageOutcome {
  message?: string;
  severity?: Severity;
  confidence?: Confidence;
}

export interface LanguageSinkSpec<M extends SourceModel = SourceModel> {
  /** Qualified names (see `Site.targets`). */
  targets: string[];
  /** Site kinds this spec applies to; default every kind. */
  kinds?: SiteKind[];
  /** The parts whose data is deserialized: argument positions, and whether the receiver counts; default all. */
  dataArgs?: number[];
  dataReceiver?: boolean;
  /**
   * Only the start of the data counts (a path or a name whose scheme decides what happens, e.g. `phar://`,
   * `ldap://`): request data must reach the left end of a joined string. `openPrefix` matches constant starts
   * that still leave the decisive part to what follows (`"ldap://" + host`).
   */
  dataStart?: true | { openPrefix: RegExp };
  /** Report only when request data reaches the site (sinks that are harmless with constant input, e.g. JNDI names). */
  requiresUntrusted?: boolean;
  /** Decide from the site: null drops it; an outcome adjusts it. */
  check?(match: LanguageMatch<M>): LanguageOutcome | null;
  message(match: LanguageMatch<M>): string;
}

export interface LanguageRule<M extends SourceModel = SourceModel> extends RuleMeta {
  language: SourceLanguage;
  /** Byte strings of which one must occur in a file for the rule to possibly match; other files are never parsed. */
  prefilter: string[];
  sinks: LanguageSinkSpec<M>[];
  /** Other qualified types the rule's checks ask about (so `using`/on-demand imports resolve them too). */
  types?: string[];
}

/** Rule metadata without the engine parts, as reporters and `rules` need it. */
export function languageRuleMeta(rule: LanguageRule): RuleMeta {
  const { prefilter: _prefilter, sinks: _sinks, types: _types, ...meta } = rule;
  return meta;
}
