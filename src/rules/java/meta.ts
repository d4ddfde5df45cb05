import type { RuleDocs } from "../../core/types.js";
import type { JavaModel } from "../../languages/java/model.js";
import type { LanguageRule, LanguageSinkSpec } from "../language-rule.js";
import { DATA_FLOW_FAQ, SOURCE_DESERIALIZATION_COMPLIANCE, SOURCE_DESERIALIZATION_REFERENCES, suppressionFaq } from "../source-docs.js";

/** The parts every Java deserialization rule shares; the rule file gives what is its own. */
export function javaRule(rule: {
  id: string;
  name: string;
  severity?: LanguageRule["severity"];
  confidence?: LanguageRule["confidence"];
  tags: string[];
  similar: string[];
  prefilter: string[];
  sinks: LanguageSinkSpec<JavaModel>[];
  docs: Omit<RuleDocs, "faq"> & { faq: RuleDocs["faq"] };
}): LanguageRule<JavaModel> {
  return {
    id: rule.id,
    name: rule.name,
    language: "java",
    severity: rule.severity ?? "high",
    confidence: rule.confidence ?? "high",
    precision: "high",
    cwe: ["CWE-502"],
    owasp: ["A08:2021"],
    compliance: SOURCE_DESERIALIZATION_COMPLIANCE,
    tags: ["security", "deserialization", "java", ...rule.tags, "cwe-502"],
    bundles: ["lang", "deserialization"],
    banditIds: [],
    similar: rule.similar,
    prefilter: rule.prefilter,
    sinks: rule.sinks,
    docs: {
      ...rule.docs,
      references: [...rule.docs.references, ...SOURCE_DESERIALIZATION_REFERENCES],
      faq: [...rule.docs.faq, DATA_FLOW_FAQ, suppressionFaq(`annotate the enclosing method or class with \`@SuppressWarnings("pathfinder:${rule.id}")\``)],
    },
  };
}
