import { childByField, childOfType, type Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { spelled, type CSharpMatch } from "./helpers.js";
import { csharpRule } from "./meta.js";

const ADVICE = "Deserialize into your own types and map the few tags you need to fixed types (`WithTagMapping(\"!order\", typeof(Order))` in YamlDotNet, `RegisterTagMapping` in SharpYaml).";
const SHARPYAML_UNSAFE = "UnsafeAllowDeserializeFromTagTypeName";

/** The value `name = value` gives in an object initializer (`new SerializerSettings { Name = value }`). */
function initializerValue(creation: Node, name: string, text: (n: Node) => string): Node | undefined {
  const init = childOfType(creation, "initializer_expression");
  for (const a of init?.children ?? []) {
    if (a.type !== "assignment_expression") continue;
    const left = childByField(a, "left");
    if (left && text(left) === name) return childByField(a, "right");
  }
  return undefined;
}

/** SharpYaml's `SerializerSettings` is reported only with the unsafe switch on in its initializer. */
function sharpYamlUnsafe(m: CSharpMatch): LanguageOutcome | null {
  const value = initializerValue(m.site.node, SHARPYAML_UNSAFE, (n) => m.model.text(n));
  return value && m.model.text(value) === "true" ? {} : null;
}

export default csharpRule({
  id: "CSHARP-LANG-SEC-010",
  name: "YAML Deserialization of Types Named in Tags (YamlDotNet, SharpYaml)",
  tags: ["yaml", "yamldotnet", "sharpyaml", "rce"],
  similar: ["CSHARP-LANG-SEC-004", "CSHARP-LANG-SEC-007"],
  prefilter: ["TypeNameInTagNodeTypeResolver", SHARPYAML_UNSAFE],
  sinks: [
    {
      targets: ["new YamlDotNet.Serialization.NodeTypeResolvers.TypeNameInTagNodeTypeResolver"],
      kinds: ["new"],
      dataArgs: [],
      dataReceiver: false,
      message: (m) => `${spelled(m)} makes the YamlDotNet deserializer load the type a YAML tag names (\`!<!System.Diagnostics.Process, System>\`, ObjectDataProvider gadgets), as YamlDotNet did by default before 5.0.0 (CVE-2018-1000210): YAML from outside then runs code. ${ADVICE}`,
    },
    {
      targets: ["new SharpYaml.Serialization.SerializerSettings"],
      kinds: ["new"],
      dataArgs: [],
      dataReceiver: false,
      check: sharpYamlUnsafe,
      message: () => `\`${SHARPYAML_UNSAFE} = true\` makes SharpYaml create the type a YAML tag names: YAML from outside then builds gadget types that run code. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects YamlDotNet's `TypeNameInTagNodeTypeResolver` and SharpYaml's `UnsafeAllowDeserializeFromTagTypeName = true`, which let a YAML tag name the .NET type to create.",
    description:
      "A YAML tag can carry a type name. YamlDotNet before 5.0.0 loaded that type by default (CVE-2018-1000210): a " +
      "document tagged `!<!System.Windows.Data.ObjectDataProvider, PresentationFramework>` ran a process. Since 5.0.0 " +
      "only the types registered with `WithTagMapping` are created, unless the program adds the " +
      "`TypeNameInTagNodeTypeResolver` again. SharpYaml made the same change in 2.0 behind " +
      "`SerializerSettings.UnsafeAllowDeserializeFromTagTypeName`. This rule reports the switches that turn the old " +
      "behaviour back on.",
    securityImplications: "Whoever controls the YAML document (an upload, a configuration fetched from elsewhere, a request body) runs code in the process.",
    howToFix: ADVICE,
    fixHint: "Do not resolve .NET types from YAML tags; map the tags you need to fixed types.",
    vulnerableExample: [
      "var deserializer = new DeserializerBuilder()",
      "    .WithNodeTypeResolver(new TypeNameInTagNodeTypeResolver())",
      "    .Build();",
      "var value = deserializer.Deserialize<object>(yaml);",
    ].join("\n"),
    safeExample: ["var deserializer = new DeserializerBuilder()", "    .WithTagMapping(\"!order\", typeof(Order))", "    .Build();", "var order = deserializer.Deserialize<Order>(yaml);"].join("\n"),
    detectionScope:
      "Constructions of `YamlDotNet.Serialization.NodeTypeResolvers.TypeNameInTagNodeTypeResolver`, and of " +
      "`SharpYaml.Serialization.SerializerSettings` whose object initializer sets `UnsafeAllowDeserializeFromTagTypeName = true`, " +
      "resolved through `using` directives, aliases and qualified names. Not reported: the default `Deserializer`/" +
      "`DeserializerBuilder`, safe since YamlDotNet 5.0.0 (the version pinned in `.csproj` or `packages.config` is not " +
      "read: upgrade any YamlDotNet older than 5.0.0), `WithTagMapping`, and the setting assigned after construction.",
    references: [
      { title: "NVD: CVE-2018-1000210 (YamlDotNet before 5.0.0)", url: "https://nvd.nist.gov/vuln/detail/CVE-2018-1000210" },
      { title: "YamlDotNet 5.0.0 release notes (tag mappings required)", url: "https://github.com/aaubry/YamlDotNet/releases/tag/v5.0.0" },
      { title: "SharpYaml: tag type names no longer respected by default (pull request 113)", url: "https://github.com/xoofx/SharpYaml/pull/113" },
    ],
    faq: [
      { question: "We use `new Deserializer()` from YamlDotNet. Is that reported?", answer: "No: since 5.0.0 it creates only the types you deserialize into and those mapped with `WithTagMapping`. Check that the package version is 5.0.0 or later." },
    ],
  },
});
