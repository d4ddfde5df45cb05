import type { PhpModel } from "../../languages/php/model.js";
import type { LanguageMatch, LanguageRule } from "../language-rule.js";
import { code } from "../rule.js";
import { defineSourceRule, type SourceRuleInput } from "../source-docs.js";

export type PhpMatch = LanguageMatch<PhpModel>;

const PHP = {
  id: "php" as const,
  tags: ["php"],
  suppressionIdiom: (id: string) => `put \`@suppress pathfinder:${id}\` in the doc comment of the enclosing function, method or class`,
};

export function phpRule(rule: SourceRuleInput<PhpModel>): LanguageRule<PhpModel> {
  return defineSourceRule(PHP, rule);
}

export function spelled(m: PhpMatch): string {
  return code(m.site.calleeText);
}
