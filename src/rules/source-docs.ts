// Metadata shared by the Java, C# and PHP rules.
import type { ComplianceMapping, Reference, RuleDocs } from "../core/types.js";
import type { SourceModel } from "../languages/common/model.js";
import type { LanguageRule, LanguageSinkSpec, SourceLanguage } from "./language-rule.js";

export const SOURCE_DESERIALIZATION_COMPLIANCE: ComplianceMapping[] = [
  { framework: "CWE Top 25", control: "CWE-502 Deserialization of Untrusted Data" },
  { framework: "OWASP Top 10", control: "A08:2021 Software and Data Integrity Failures" },
  { framework: "OWASP ASVS v4.0.3", control: "V5.5.1 Serialized objects use integrity checks or are encrypted" },
  { framework: "OWASP ASVS v4.0.3", control: "V5.5.3 Deserialization of untrusted data is avoided or protected" },
  { framework: "NIST SP 800-53", control: "SI-10 Information Input Validation" },
  { framework: "PCI DSS v4.0", control: "6.2.4 Software engineering techniques prevent common attacks" },
];

export const SOURCE_DESERIALIZATION_REFERENCES: Reference[] = [
  { title: "CWE-502: Deserialization of Untrusted Data", url: "https://cwe.mitre.org/data/definitions/502.html" },
  { title: "OWASP Top 10 A08:2021 Software and Data Integrity Failures", url: "https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/" },
  { title: "OWASP Deserialization Cheat Sheet", url: "https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html" },
];

export const DATA_FLOW_FAQ = {
  question: "Why is one finding critical and another high?",
  answer:
    "A finding is critical when the analysis follows request data (a web handler's parameter, a request getter, a " +
    "superglobal) to the call inside the same method; the finding then carries the trace. Without such a trace the " +
    "rule's own severity applies: the data may still be untrusted, the analysis just cannot show where it comes from.",
};

export function suppressionFaq(idiom: string): { question: string; answer: string } {
  return {
    question: "How do I suppress a finding I have reviewed?",
    answer: `Add \`// pathfinder: ignore[RULE-ID]\` at the end of the reported line, or ${idiom}, or list the rule under \`disable\` in pathfinder.toml.`,
  };
}

/** What a Java, C# or PHP rule file gives; `defineSourceRule` adds what they all share. */
export interface SourceRuleInput<M extends SourceModel> {
  id: string;
  name: string;
  severity?: LanguageRule["severity"];
  confidence?: LanguageRule["confidence"];
  tags: string[];
  similar: string[];
  prefilter: string[];
  sinks: LanguageSinkSpec<M>[];
  types?: string[];
  docs: RuleDocs;
}

/**
 * A deserialization rule of a language other than Python: CWE-502, OWASP A08:2021, the shared compliance
 * mappings, references and FAQ entries (data flow; suppression with the language's own idiom).
 */
export function defineSourceRule<M extends SourceModel>(
  language: { id: SourceLanguage; tags: string[]; suppressionIdiom: (id: string) => string },
  rule: SourceRuleInput<M>,
): LanguageRule<M> {
  return {
    id: rule.id,
    name: rule.name,
    language: language.id,
    severity: rule.severity ?? "high",
    confidence: rule.confidence ?? "high",
    precision: "high",
    cwe: ["CWE-502"],
    owasp: ["A08:2021"],
    compliance: SOURCE_DESERIALIZATION_COMPLIANCE,
    tags: ["security", "deserialization", ...language.tags, ...rule.tags, "cwe-502"],
    bundles: ["lang", "deserialization"],
    banditIds: [],
    similar: rule.similar,
    prefilter: rule.prefilter,
    sinks: rule.sinks,
    ...(rule.types ? { types: rule.types } : {}),
    docs: {
      ...rule.docs,
      references: [...rule.docs.references, ...SOURCE_DESERIALIZATION_REFERENCES],
      faq: [...rule.docs.faq, DATA_FLOW_FAQ, suppressionFaq(language.suppressionIdiom(rule.id))],
    },
  };
}
