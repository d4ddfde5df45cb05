import type { CSharpModel } from "../../languages/csharp/model.js";
import type { LanguageRule } from "../language-rule.js";
import { defineSourceRule, type SourceRuleInput } from "../source-docs.js";

const CSHARP = {
  id: "csharp" as const,
  tags: ["csharp", "dotnet"],
  suppressionIdiom: (id: string) => `put \`[SuppressMessage("pathfinder", "${id}")]\` on the enclosing method or class`,
};

export function csharpRule(rule: SourceRuleInput<CSharpModel>): LanguageRule<CSharpModel> {
  return defineSourceRule(CSHARP, rule);
}
