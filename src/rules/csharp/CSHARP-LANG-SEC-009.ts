import type { LanguageOutcome } from "../language-rule.js";
import { spelled, type CSharpMatch } from "./helpers.js";
import { csharpRule } from "./meta.js";

const ADVICE = "Keep the default `TypeFilterLevel.Low`, and move off .NET Remoting (obsolete) to WCF, gRPC or HTTP APIs with data-only contracts.";

/** `level == TypeFilterLevel.Full`, `case TypeFilterLevel.Full:`: a test of the level, not a setting. */
function check(m: CSharpMatch): LanguageOutcome | null {
  const parent = m.site.node.parent;
  if (parent?.type === "binary_expression" && /^\s*[!=]=/.test(m.model.tree.source.slice(parent.children[0].end, parent.children[1]?.start ?? parent.end))) return null;
  if (parent && /^(case_switch_label|constant_pattern|switch_expression_arm|case_pattern_switch_label)$/.test(parent.type)) return null;
  return {};
}

export default csharpRule({
  id: "CSHARP-LANG-SEC-009",
  name: ".NET Remoting With TypeFilterLevel.Full",
  tags: ["remoting", "typefilterlevel", "binaryformatter", "ysoserial.net", "rce"],
  similar: ["CSHARP-LANG-SEC-001"],
  prefilter: ["TypeFilterLevel"],
  sinks: [
    {
      targets: ["System.Runtime.Serialization.Formatters.TypeFilterLevel.Full"],
      kinds: ["reference"],
      dataArgs: [],
      dataReceiver: false,
      check,
      message: (m) => `${spelled(m)} lets a .NET Remoting channel deserialize any type a client sends (\`BinaryServerFormatterSinkProvider\`/\`SoapServerFormatterSinkProvider\`): ysoserial.net gadget chains and remote object references run code on the server. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects `TypeFilterLevel.Full`, which turns off the type filter of .NET Remoting's binary and SOAP formatter sinks.",
    description:
      "A Remoting server deserializes each call's arguments with `BinaryFormatter` or `SoapFormatter`. At the default " +
      "`TypeFilterLevel.Low` it refuses types that reach outside the call (delegates, object references, `ISponsor`, " +
      "...); `Full` accepts every serializable type, so any client that reaches the channel can send a ysoserial.net " +
      "gadget chain. Typically set on `BinaryServerFormatterSinkProvider.TypeFilterLevel` before registering a `TcpChannel`.",
    securityImplications: "Whoever can connect to the Remoting channel runs code in the server process.",
    howToFix: ADVICE,
    fixHint: "Do not set TypeFilterLevel.Full on Remoting formatter sinks.",
    vulnerableExample: ["var provider = new BinaryServerFormatterSinkProvider { TypeFilterLevel = TypeFilterLevel.Full };", "ChannelServices.RegisterChannel(new TcpChannel(props, null, provider), false);"].join("\n"),
    safeExample: ["var provider = new BinaryServerFormatterSinkProvider(); // TypeFilterLevel.Low", "ChannelServices.RegisterChannel(new TcpChannel(props, null, provider), false);"].join("\n"),
    detectionScope: "References to `System.Runtime.Serialization.Formatters.TypeFilterLevel.Full` resolved through `using` directives, aliases and qualified names: object initializers, assignments and arguments. Settings in `.config` files are not read.",
    references: [
      { title: "Microsoft: Automatic deserialization in .NET Framework Remoting (TypeFilterLevel)", url: "https://learn.microsoft.com/en-us/previous-versions/dotnet/netframework-4.0/5dxse167(v=vs.100)" },
      { title: "ysoserial.net", url: "https://github.com/pwntester/ysoserial.net" },
    ],
    faq: [{ question: "Is `TypeFilterLevel.Low` safe?", answer: "It blocks the worst classes of types, but Remoting still runs BinaryFormatter on client data; known bypasses exist. Moving off Remoting is the fix." }],
  },
});
