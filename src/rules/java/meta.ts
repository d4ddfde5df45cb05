import type { JavaModel } from "../../languages/java/model.js";
import type { LanguageRule } from "../language-rule.js";
import { defineSourceRule, type SourceRuleInput } from "../source-docs.js";

const JAVA = {
  id: "java" as const,
  tags: ["java"],
  suppressionIdiom: (id: string) => `annotate the enclosing method or class with \`@SuppressWarnings("pathfinder:${id}")\``,
};

export function javaRule(rule: SourceRuleInput<JavaModel>): LanguageRule<JavaModel> {
  return defineSourceRule(JAVA, rule);
}
