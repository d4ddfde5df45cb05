import { descendants, type Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { spelled, type CSharpMatch } from "./helpers.js";
import { csharpRule } from "./meta.js";

const TYPE_LOOKUPS = /^(System\.Type\.GetType|System\.Reflection\.Assembly\.GetType|\*\.GetType|System\.Web\.Compilation\.BuildManager\.GetType|System\.Type\.ReflectionOnlyGetType)$/;

/** The type argument comes from a type lookup by a name that is not a constant. */
function check(m: CSharpMatch): LanguageOutcome | null {
  const arg = m.site.args[0];
  if (!arg) return null;
  const exprs: Node[] = [arg];
  if (arg.type === "identifier") {
    const decl = m.model.declarationOf(m.model.text(arg), arg);
    if (decl?.value) exprs.push(decl.value);
    for (const a of m.site.fn ? m.model.assignmentsIn(m.site.fn) : []) if (a.name === m.model.text(arg)) exprs.push(a.value);
  }
  for (const e of exprs) {
    for (const n of descendants(e)) {
      const lookup = m.model.sites.find((s) => s.node === n && s.kind === "call" && s.targets.some((t) => TYPE_LOOKUPS.test(t)));
      if (!lookup || !lookup.args[0]) continue;
      if (lookup.args[0].type === "string_literal" || lookup.args[0].type === "verbatim_string_literal") continue;
      if (lookup.targets.includes("*.GetType") && lookup.receiver) continue; // `obj.GetType()`: the object's own runtime type
      return {};
    }
  }
  return null;
}

export default csharpRule({
  id: "CSHARP-LANG-SEC-005",
  name: "XmlSerializer or DataContractSerializer With a Type Named by Input",
  tags: ["xmlserializer", "datacontractserializer", "type-confusion", "rce"],
  similar: ["CSHARP-LANG-SEC-001", "CSHARP-LANG-SEC-004"],
  prefilter: ["XmlSerializer", "DataContractSerializer", "DataContractJsonSerializer"],
  types: ["System.Type", "System.Reflection.Assembly", "System.Web.Compilation.BuildManager"],
  sinks: [
    {
      targets: [
        "new System.Xml.Serialization.XmlSerializer",
        "new System.Runtime.Serialization.DataContractSerializer",
        "new System.Runtime.Serialization.Json.DataContractJsonSerializer",
      ],
      kinds: ["new"],
      dataArgs: [0],
      check,
      message: (m) => `${spelled(m)} for a type looked up by a name that is not a constant: if the name comes from the input (as in DotNetNuke CVE-2017-9822), an attacker picks a gadget type such as \`ObjectDataProvider\` and runs code. Serialize fixed types only.`,
    },
  ],
  docs: {
    summary: "Detects `XmlSerializer`, `DataContractSerializer` and `DataContractJsonSerializer` constructed for a type resolved from a non-constant name (`Type.GetType(name)`).",
    description:
      "These serializers are safe for fixed types, but when the type itself comes from the input (a `type` " +
      "attribute in the XML, a request parameter) the attacker chooses a gadget: `ObjectDataProvider` wrapped in " +
      "`ExpandedWrapper` runs a process (DotNetNuke CVE-2017-9822, Muñoz and Mirosh 2017). The rule follows the type " +
      "argument through its local variable to `Type.GetType`, `Assembly.GetType` or `BuildManager.GetType` with a " +
      "non-constant name; with request data in the name the finding is critical.",
    securityImplications: "Whoever controls the type name and the document runs code in the process.",
    howToFix: "Construct serializers for compile-time types (`typeof(Order)`) or look the type up in an explicit map of allowed names.",
    fixHint: "Construct serializers only for fixed types (typeof(T)) or an explicit allowlist.",
    vulnerableExample: [
      "var type = Type.GetType(root.GetAttribute(\"type\"));",
      "var serializer = new XmlSerializer(type);",
      "var value = serializer.Deserialize(reader);",
    ].join("\n"),
    safeExample: ["var serializer = new XmlSerializer(typeof(Order));", "var order = (Order)serializer.Deserialize(reader);"].join("\n"),
    detectionScope:
      "Constructions of the three serializers whose first argument (inline, or through its local variable's " +
      "initializer and assignments in the method) contains a type lookup with a non-literal name. `obj.GetType()` " +
      "and `typeof(...)` are not reported.",
    references: [
      { title: "Friday the 13th JSON Attacks (Muñoz, Mirosh), XmlSerializer section", url: "https://www.blackhat.com/docs/us-17/thursday/us-17-Munoz-Friday-The-13th-JSON-Attacks-wp.pdf" },
      { title: "NVD: CVE-2017-9822 (DotNetNuke)", url: "https://nvd.nist.gov/vuln/detail/CVE-2017-9822" },
    ],
    faq: [{ question: "The type name comes from our configuration.", answer: "Then whoever can change the configuration chooses the type. Keep a map of allowed names to types, or suppress with that justification." }],
  },
});
