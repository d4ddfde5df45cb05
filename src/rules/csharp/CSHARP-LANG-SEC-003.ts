import { descendants } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { looksUpAnyName, spelled, type CSharpMatch } from "./helpers.js";
import { csharpRule } from "./meta.js";

const RESOLVER = "System.Web.Script.Serialization.SimpleTypeResolver";

/** The resolver argument is a `SimpleTypeResolver`, inline or through its local variable or field. */
function check(m: CSharpMatch): LanguageOutcome | null {
  const arg = m.site.args[0];
  if (!arg) return null;
  let expr = arg;
  if (arg.type === "identifier") expr = m.model.declarationOf(m.model.text(arg), arg)?.value ?? arg;
  const nodes = [...descendants(expr)];
  const simple = nodes.some((n) => m.model.sites.some((s) => s.node === n && s.kind === "new" && s.targets.includes(`new ${RESOLVER}`)));
  if (simple) return {};
  // A resolver of the file whose ResolveType is `Type.GetType(id)` without a test: SimpleTypeResolver by another name.
  const custom = nodes.map((n) => looksUpAnyName(m, n, "ResolveType")).find((name) => name !== undefined);
  return custom
    ? { message: `${spelled(m)} with \`${custom}\`, a type resolver whose \`ResolveType\` looks up whatever type name the JSON's \`__type\` gives, as \`SimpleTypeResolver\` does: gadget types (ObjectDataProvider, ...) run code. Map a fixed set of ids to types, or use \`System.Text.Json\`.` }
    : null;
}

export default csharpRule({
  id: "CSHARP-LANG-SEC-003",
  name: "JavaScriptSerializer With SimpleTypeResolver",
  tags: ["javascriptserializer", "json", "aspnet", "rce"],
  similar: ["CSHARP-LANG-SEC-004"],
  prefilter: ["SimpleTypeResolver", "JavaScriptTypeResolver"],
  types: [RESOLVER],
  sinks: [
    {
      targets: ["new System.Web.Script.Serialization.JavaScriptSerializer"],
      kinds: ["new"],
      check,
      message: (m) => `${spelled(m)} with a \`SimpleTypeResolver\` creates the type named in each JSON object's \`__type\` field: gadget types (ObjectDataProvider, ...) run code. Use \`JavaScriptSerializer\` without a resolver, or \`System.Text.Json\`.`,
    },
  ],
  docs: {
    summary: "Detects `new JavaScriptSerializer(new SimpleTypeResolver())`, which lets JSON name the .NET type to create.",
    description:
      "With a `SimpleTypeResolver`, `JavaScriptSerializer.Deserialize` reads the `__type` property of each JSON " +
      "object and instantiates that type, calling its setters: ysoserial.net's `ObjectDataProvider` chain runs a " +
      "process. Without a resolver (the default) only the target type's members are populated.",
    securityImplications: "Whoever controls the JSON runs code in the process.",
    howToFix: "Construct `JavaScriptSerializer` without a type resolver (or a custom resolver that maps a fixed set of names), or migrate to `System.Text.Json`.",
    fixHint: "Remove SimpleTypeResolver from JavaScriptSerializer.",
    vulnerableExample: ["var serializer = new JavaScriptSerializer(new SimpleTypeResolver());", "var order = serializer.Deserialize<Order>(json);"].join("\n"),
    safeExample: ["var serializer = new JavaScriptSerializer();", "var order = serializer.Deserialize<Order>(json);"].join("\n"),
    detectionScope: "Constructions of `System.Web.Script.Serialization.JavaScriptSerializer` whose resolver argument is a `SimpleTypeResolver` built inline or in the initializer of its local variable or field, or a `JavaScriptTypeResolver` of the file whose `ResolveType` looks up any id it is given (`Type.GetType(id)`) without testing it. A resolver that maps ids to a fixed set of types is not reported.",
    references: [
      { title: "Microsoft: CA2321 Do not deserialize with JavaScriptSerializer using a SimpleTypeResolver", url: "https://learn.microsoft.com/en-us/dotnet/fundamentals/code-analysis/quality-rules/ca2321" },
      { title: "Friday the 13th JSON Attacks (Muñoz, Mirosh)", url: "https://www.blackhat.com/docs/us-17/thursday/us-17-Munoz-Friday-The-13th-JSON-Attacks-wp.pdf" },
    ],
    faq: [{ question: "Is JavaScriptSerializer itself reported?", answer: "No: without a type resolver it only fills the requested type." }],
  },
});
