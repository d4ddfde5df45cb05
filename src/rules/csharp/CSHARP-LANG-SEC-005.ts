import { ancestor, childByField, descendants, type Node } from "../../languages/common/syntax.js";
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

const RESOLVER = "System.Runtime.Serialization.DataContractResolver";
const CONDITIONS = new Set(["if_statement", "switch_statement", "switch_expression", "conditional_expression"]);

/**
 * A type lookup by a name that is not a constant, in the `ResolveName` of a `DataContractResolver` subclass: the
 * serializer given that resolver creates any type the document's `xsi:type` names, as `NetDataContractSerializer`
 * does. Lowered when the method tests the name (or anything else) before the lookup: an allowlist to review.
 */
function resolvesAnyType(m: CSharpMatch): LanguageOutcome | null {
  const name = m.site.args[0];
  if (!name || /^(string_literal|verbatim_string_literal|raw_string_literal|interpolated_string_expression)$/.test(name.type)) return null;
  if (m.site.targets.includes("*.GetType") && !m.site.receiver) return null;
  const method = ancestor(m.site.node, "method_declaration");
  if (!method || m.model.text(childByField(method, "name") ?? method) !== "ResolveName") return null;
  const cls = ancestor(method, "class_declaration");
  const clsName = cls && childByField(cls, "name");
  if (!clsName || !m.model.chainOf(`<local>.${m.model.text(clsName)}`, cls).names.includes(RESOLVER)) return null;
  const body = childByField(method, "body");
  const tested = body && [...descendants(body)].some((n) => CONDITIONS.has(n.type) && n.start < m.site.node.start);
  const resolver = m.model.text(clsName);
  if (tested) {
    return {
      severity: "medium",
      confidence: "medium",
      message: `\`${resolver}.ResolveName\` looks up the type the document names with ${spelled(m)} after a test: it is safe only if that test admits a fixed set of types. Review it, or map the allowed names to types.`,
    };
  }
  return {
    message: `\`${resolver}.ResolveName\` returns whatever type the document names (${spelled(m)}): a \`DataContractSerializer\` given this resolver creates any type, as \`NetDataContractSerializer\` does, so gadget types (\`ObjectDataProvider\`, \`WindowsIdentity\`) run code. Map a fixed set of names to types and defer the rest to \`knownTypeResolver\`.`,
  };
}

export default csharpRule({
  id: "CSHARP-LANG-SEC-005",
  name: "XmlSerializer or DataContractSerializer With a Type Named by Input",
  tags: ["xmlserializer", "datacontractserializer", "type-confusion", "rce"],
  similar: ["CSHARP-LANG-SEC-001", "CSHARP-LANG-SEC-004"],
  prefilter: ["XmlSerializer", "DataContractSerializer", "DataContractJsonSerializer", "DataContractResolver", "ReadXml"],
  types: ["System.Type", "System.Reflection.Assembly", "System.Web.Compilation.BuildManager", RESOLVER],
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
    {
      targets: ["System.Type.GetType", "System.Reflection.Assembly.GetType", "*.GetType", "System.Type.ReflectionOnlyGetType"],
      kinds: ["call"],
      dataArgs: [0],
      check: resolvesAnyType,
      message: (m) => `${spelled(m)} in a \`DataContractResolver\` resolves any type the document names.`,
    },
    {
      // CVE-2020-1147: the XML's inline schema names the column types (`msdata:DataType`) that ReadXml creates.
      targets: ["System.Data.DataSet.ReadXml", "System.Data.DataTable.ReadXml"],
      kinds: ["call"],
      dataArgs: [0],
      requiresUntrusted: true,
      message: (m) =>
        `${spelled(m)} reads a document whose inline schema names the .NET types of its columns (\`msdata:DataType\`): before the July 2020 updates any type was created, and gadget types run code (CVE-2020-1147, SharePoint and Exchange); patched runtimes still accept types an application's configuration adds to the allowed list. Microsoft: \`DataSet\` and \`DataTable\` are not safe for untrusted input. Read the request with a serializer bound to fixed types.`,
    },
  ],
  docs: {
    summary: "Detects `XmlSerializer`, `DataContractSerializer` and `DataContractJsonSerializer` constructed for a type resolved from a non-constant name (`Type.GetType(name)`), `DataContractResolver` subclasses whose `ResolveName` looks up any type the document names, and `DataSet`/`DataTable.ReadXml` of request data (types named by the inline schema).",
    description:
      "These serializers are safe for fixed types, but when the type itself comes from the input (a `type` " +
      "attribute in the XML, a request parameter) the attacker chooses a gadget: `ObjectDataProvider` wrapped in " +
      "`ExpandedWrapper` runs a process (DotNetNuke CVE-2017-9822, Muñoz and Mirosh 2017). The rule follows the type " +
      "argument through its local variable to `Type.GetType`, `Assembly.GetType` or `BuildManager.GetType` with a " +
      "non-constant name; with request data in the name the finding is critical. A `DataContractResolver` whose " +
      "`ResolveName` returns `Type.GetType(typeName)` (or `Assembly.GetType`) for the name the document's `xsi:type` " +
      "carries opens `DataContractSerializer` to every type in the same way. `DataSet.ReadXml` and `DataTable.ReadXml` " +
      "create the column types a document's inline schema names (`msdata:DataType`): CVE-2020-1147 ran code in " +
      "SharePoint and Exchange through them, and Microsoft's DataSet security guidance says not to read untrusted XML " +
      "with them even after the fix restricted the types.",
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
      "and `typeof(...)` are not reported. In a class deriving (in the file) from `DataContractResolver`, a type " +
      "lookup by a non-literal name inside `ResolveName` is reported: high without a test before it, medium after " +
      "an `if`/`switch` (an allowlist to review). A resolver that maps names itself and defers to `knownTypeResolver` " +
      "is not reported. `DataSet.ReadXml`/`DataTable.ReadXml` are reported only when request data reaches them " +
      "(critical, with the trace): reading the application's own files is how they are meant to be used.",
    references: [
      { title: "Microsoft: DataSet and DataTable security guidance", url: "https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/dataset-datatable-dataview/security-guidance" },
      { title: "NVD: CVE-2020-1147 (.NET Framework, SharePoint, Visual Studio)", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-1147" },
      { title: "Friday the 13th JSON Attacks (Muñoz, Mirosh), XmlSerializer section", url: "https://www.blackhat.com/docs/us-17/thursday/us-17-Munoz-Friday-The-13th-JSON-Attacks-wp.pdf" },
      { title: "NVD: CVE-2017-9822 (DotNetNuke)", url: "https://nvd.nist.gov/vuln/detail/CVE-2017-9822" },
    ],
    faq: [{ question: "The type name comes from our configuration.", answer: "Then whoever can change the configuration chooses the type. Keep a map of allowed names to types, or suppress with that justification." }],
  },
});
