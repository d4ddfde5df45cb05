// The registry of the Java, C# and PHP rules (Python rules: registry.ts; artifact rules: src/artifacts).
import { JAVA_STREAM_GADGET_RULE } from "../artifacts/java/index.js";
import { compareText } from "../core/order.js";
import type { RuleMeta } from "../core/types.js";
import type { LanguageSupport } from "../languages/common/support.js";
import { CSHARP } from "../languages/csharp/index.js";
import { JAVA } from "../languages/java/index.js";
import { PHP } from "../languages/php/index.js";
import { languageRuleMeta, type LanguageRule, type SourceLanguage } from "./language-rule.js";
import { LANGUAGE_BUNDLE_DESCRIPTIONS, splitLanguageRuleset, type LanguageRulesetSplit as CatalogSplit } from "./language-catalog.js";
import CSHARP_LANG_SEC_001 from "./csharp/CSHARP-LANG-SEC-001.js";
import CSHARP_LANG_SEC_002 from "./csharp/CSHARP-LANG-SEC-002.js";
import CSHARP_LANG_SEC_003 from "./csharp/CSHARP-LANG-SEC-003.js";
import CSHARP_LANG_SEC_004 from "./csharp/CSHARP-LANG-SEC-004.js";
import CSHARP_LANG_SEC_005 from "./csharp/CSHARP-LANG-SEC-005.js";
import CSHARP_LANG_SEC_006 from "./csharp/CSHARP-LANG-SEC-006.js";
import CSHARP_LANG_SEC_007 from "./csharp/CSHARP-LANG-SEC-007.js";
import CSHARP_LANG_SEC_008 from "./csharp/CSHARP-LANG-SEC-008.js";
import CSHARP_LANG_SEC_009 from "./csharp/CSHARP-LANG-SEC-009.js";
import PHP_LANG_SEC_001 from "./php/PHP-LANG-SEC-001.js";
import PHP_LANG_SEC_002 from "./php/PHP-LANG-SEC-002.js";
import PHP_LANG_SEC_003 from "./php/PHP-LANG-SEC-003.js";
import PHP_LANG_SEC_004 from "./php/PHP-LANG-SEC-004.js";
import JAVA_LANG_SEC_001 from "./java/JAVA-LANG-SEC-001.js";
import JAVA_LANG_SEC_002 from "./java/JAVA-LANG-SEC-002.js";
import JAVA_LANG_SEC_003 from "./java/JAVA-LANG-SEC-003.js";
import JAVA_LANG_SEC_004 from "./java/JAVA-LANG-SEC-004.js";
import JAVA_LANG_SEC_005 from "./java/JAVA-LANG-SEC-005.js";
import JAVA_LANG_SEC_006 from "./java/JAVA-LANG-SEC-006.js";
import JAVA_LANG_SEC_007 from "./java/JAVA-LANG-SEC-007.js";
import JAVA_LANG_SEC_008 from "./java/JAVA-LANG-SEC-008.js";
import JAVA_LANG_SEC_009 from "./java/JAVA-LANG-SEC-009.js";
import JAVA_LANG_SEC_010 from "./java/JAVA-LANG-SEC-010.js";
import JAVA_LANG_SEC_011 from "./java/JAVA-LANG-SEC-011.js";
import JAVA_LANG_SEC_012 from "./java/JAVA-LANG-SEC-012.js";
import JAVA_LANG_SEC_013 from "./java/JAVA-LANG-SEC-013.js";

export const LANGUAGES: readonly LanguageSupport[] = [JAVA, CSHARP, PHP];

/** Every Java, C# and PHP rule, in ID order. New rules are added here. */
export const LANGUAGE_RULES: readonly LanguageRule[] = ([
  JAVA_LANG_SEC_001,
  JAVA_LANG_SEC_002,
  JAVA_LANG_SEC_003,
  JAVA_LANG_SEC_004,
  JAVA_LANG_SEC_005,
  JAVA_LANG_SEC_006,
  JAVA_LANG_SEC_007,
  JAVA_LANG_SEC_008,
  JAVA_LANG_SEC_009,
  JAVA_LANG_SEC_010,
  JAVA_LANG_SEC_011,
  JAVA_LANG_SEC_012,
  JAVA_LANG_SEC_013,
  CSHARP_LANG_SEC_001,
  CSHARP_LANG_SEC_002,
  CSHARP_LANG_SEC_003,
  CSHARP_LANG_SEC_004,
  CSHARP_LANG_SEC_005,
  CSHARP_LANG_SEC_006,
  CSHARP_LANG_SEC_007,
  CSHARP_LANG_SEC_008,
  CSHARP_LANG_SEC_009,
  PHP_LANG_SEC_001,
  PHP_LANG_SEC_002,
  PHP_LANG_SEC_003,
  PHP_LANG_SEC_004,
] as LanguageRule[]).sort((a, b) => compareText(a.id, b.id));

export { LANGUAGE_BUNDLE_DESCRIPTIONS } from "./language-catalog.js";

/** The Java, C# and PHP rules, then the Java serialization stream rule. */
export function languageRuleMetas(): RuleMeta[] {
  return [...LANGUAGE_RULES.map(languageRuleMeta), JAVA_STREAM_GADGET_RULE];
}

export type LanguageRulesetSplit = CatalogSplit<LanguageRule>;

/**
 * Takes the specs that name Java, C# or PHP rules out of `--ruleset` values: `java/<RULE-ID>`, `java/<bundle>`,
 * `java/all`, `csharp/...`, `php/...`, or a bare `JAVA-LANG-SEC-001`. No specs at all selects every rule.
 */
export function splitLanguageRulesets(specs: readonly string[]): LanguageRulesetSplit | { error: string } {
  return splitLanguageRuleset(specs, LANGUAGE_RULES);
}

export function languageBundles(language: SourceLanguage): string[] {
  const names = new Set<string>(Object.keys(LANGUAGE_BUNDLE_DESCRIPTIONS));
  for (const r of LANGUAGE_RULES) if (r.language === language) for (const b of r.bundles) names.add(b);
  return [...names].sort();
}
