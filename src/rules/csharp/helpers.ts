import type { CSharpModel } from "../../languages/csharp/model.js";
import type { LanguageMatch } from "../language-rule.js";
import { code } from "../rule.js";

export type CSharpMatch = LanguageMatch<CSharpModel>;

export function spelled(m: CSharpMatch): string {
  return code(m.site.calleeText);
}
