import type { LanguageOutcome } from "../language-rule.js";
import { spelled, type CSharpMatch } from "./helpers.js";
import { csharpRule } from "./meta.js";

const ADVICE = "Microsoft: there is no way to make `BinaryFormatter` safe; use `System.Text.Json`, `XmlSerializer` or `DataContractSerializer` with fixed types.";

function check(m: CSharpMatch): LanguageOutcome | null {
  const formatter = m.target.replace(/\.[^.]+$/, "").replace(/^.*\./, "");
  return { message: `${spelled(m)} (${formatter}) creates any type the payload names; gadget chains from ysoserial.net (TypeConfuseDelegate, TextFormattingRunProperties, ...) run code. A \`SerializationBinder\` is not a security boundary. ${ADVICE}` };
}

export default csharpRule({
  id: "CSHARP-LANG-SEC-001",
  name: ".NET BinaryFormatter, SoapFormatter or NetDataContractSerializer Deserialization",
  severity: "high",
  tags: ["binaryformatter", "soapformatter", "netdatacontractserializer", "ysoserial.net", "rce"],
  similar: ["CSHARP-LANG-SEC-002", "CSHARP-LANG-SEC-004"],
  prefilter: ["BinaryFormatter", "SoapFormatter", "NetDataContractSerializer", "IFormatter"],
  sinks: [
    {
      targets: [
        "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter.Deserialize",
        "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter.UnsafeDeserialize",
        "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter.UnsafeDeserializeMethodResponse",
        "System.Runtime.Serialization.Formatters.Soap.SoapFormatter.Deserialize",
        "System.Runtime.Serialization.NetDataContractSerializer.Deserialize",
        "System.Runtime.Serialization.NetDataContractSerializer.ReadObject",
        "System.Runtime.Serialization.IFormatter.Deserialize",
      ],
      kinds: ["call"],
      check,
      message: (m) => `${spelled(m)} deserializes arbitrary .NET types. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects `Deserialize` on `BinaryFormatter`, `SoapFormatter`, `NetDataContractSerializer` and `IFormatter` instances, which create any type the payload names.",
    description:
      "These formatters embed full type names in the payload and recreate them on reading, running constructors, " +
      "callbacks and `ISerializable` logic. ysoserial.net ships gadget chains for them (`TypeConfuseDelegate`, " +
      "`TextFormattingRunProperties`, `DataSet`, ...); Microsoft's guidance is that `BinaryFormatter` cannot be made " +
      "safe and it was removed from .NET 9. A `SerializationBinder` does not help: it is bypassable and not a security " +
      "boundary. The receiver is resolved through `using` directives and aliases, `var`, declared and target-typed " +
      "`new()` locals, fields and properties; `IFormatter f = new BinaryFormatter()` resolves to the constructed type.",
    securityImplications: "Whoever controls the stream (an upload, a cookie, a cache entry, a remoting channel) runs code in the process.",
    howToFix: "Migrate to `System.Text.Json`, `XmlSerializer` or `DataContractSerializer` bound to fixed types, or to a data format such as Protocol Buffers.",
    fixHint: "Replace BinaryFormatter/SoapFormatter/NetDataContractSerializer with System.Text.Json or DataContractSerializer with fixed types.",
    vulnerableExample: ["var formatter = new BinaryFormatter();", "var cart = (Cart)formatter.Deserialize(Request.Body);"].join("\n"),
    safeExample: ["var cart = await JsonSerializer.DeserializeAsync<Cart>(Request.Body);"].join("\n"),
    detectionScope:
      "`Deserialize`/`UnsafeDeserialize*` calls (and `NetDataContractSerializer.ReadObject`) on receivers resolved to the " +
      "formatter types or `IFormatter`. Critical with a trace when request data (controller action parameters, " +
      "`Request.Body`/`Form`/`Query`/`Cookies`/...) reaches the call in the same method.",
    references: [
      { title: "Microsoft: BinaryFormatter security guide", url: "https://learn.microsoft.com/en-us/dotnet/standard/serialization/binaryformatter-security-guide" },
      { title: "ysoserial.net", url: "https://github.com/pwntester/ysoserial.net" },
      { title: "Microsoft: CA2300 Do not use insecure deserializer BinaryFormatter", url: "https://learn.microsoft.com/en-us/dotnet/fundamentals/code-analysis/quality-rules/ca2300" },
    ],
    faq: [{ question: "We set a SerializationBinder that allows only our types.", answer: "Microsoft documents that binders cannot fully protect `BinaryFormatter`; the finding stays. Migrate the format." }],
  },
});
