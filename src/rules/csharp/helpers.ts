import { childByField, descendants, type Node } from "../../languages/common/syntax.js";
import type { CSharpModel } from "../../languages/csharp/model.js";
import type { LanguageMatch } from "../language-rule.js";
import { code } from "../rule.js";

export type CSharpMatch = LanguageMatch<CSharpModel>;

export function spelled(m: CSharpMatch): string {
  return code(m.site.calleeText);
}

/** A type lookup by name (`Type.GetType(name)`, `assembly.GetType(name)`, the default binder's `base.BindToType(...)`). */
const LOOKUP_BY_NAME = /(\bType\s*\.\s*GetType|\.\s*GetType|\bbase\s*\.\s*(BindToType|ResolveType))\s*\(\s*[^)\s]/;
const TESTS = new Set(["if_statement", "switch_statement", "switch_expression", "conditional_expression", "throw_statement", "throw_expression", "is_pattern_expression"]);

/**
 * `created` is `new X(...)` with `X` a class of this file whose `method` (a binder's `BindToType`, a type resolver's
 * `ResolveType`) looks up whatever name it is given, with no test of the name first: it resolves any type, as
 * `Type.GetType` does. A method that tests the name (a map, a switch, a throw for others) is an allowlist. X's name.
 */
export function looksUpAnyName(m: CSharpMatch, created: Node, method: string): string | undefined {
  if (created.type !== "object_creation_expression") return undefined;
  const name = m.model.text(childByField(created, "type") ?? created).replace(/^.*\./, "");
  for (const cls of descendants(m.model.tree.root)) {
    if (cls.type !== "class_declaration" || m.model.text(childByField(cls, "name") ?? cls) !== name) continue;
    const declared = [...descendants(cls)].find((n) => n.type === "method_declaration" && m.model.text(childByField(n, "name") ?? n) === method);
    if (!declared || [...descendants(declared)].some((n) => TESTS.has(n.type))) return undefined;
    return LOOKUP_BY_NAME.test(m.model.text(declared)) ? name : undefined;
  }
  return undefined;
}
