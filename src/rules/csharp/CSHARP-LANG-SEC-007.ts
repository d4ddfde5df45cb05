import { childByField, childOfType, descendants, type Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { spelled, type CSharpMatch } from "./helpers.js";
import { csharpRule } from "./meta.js";

const ADVICE = "Exchange data with `System.Text.Json` or a contract-based serializer bound to your own types, never one that reads type names from the payload.";
const TYPELESS = /\b(TypelessContractlessStandardResolver|TypelessObjectResolver|TypelessFormatter)\b/;
/** FsPickler's serializers, as declared types or as made by its factory. */
const FSPICKLER_TYPES = /^(MBrace\.FsPickler\.)?(FsPicklerSerializer|FsPicklerTextSerializer|BinarySerializer|XmlSerializer|JsonSerializer|BsonSerializer)$/;

/** The expression an identifier stands for: its declaration's value, when it has one. */
function valueOf(m: CSharpMatch, n: Node): Node {
  if (n.type !== "identifier") return n;
  return m.model.declarationOf(m.model.text(n), n)?.value ?? n;
}

/** fastJSON honours `$type` on every read; its default type blocklist (`BadListTypeChecking`) only stops known gadgets. */
function checkFastJson(m: CSharpMatch): LanguageOutcome | null {
  if (/\bBadListTypeChecking\s*=\s*false\b/.test(m.model.tree.source)) {
    return { message: `${spelled(m)} creates the type named in each object's \`$type\` (fastJSON), with its gadget blocklist turned off (\`BadListTypeChecking = false\`): ObjectDataProvider payloads from ysoserial.net run code. ${ADVICE}` };
  }
  return { severity: "medium", confidence: "medium", message: `${spelled(m)} creates the type named in each object's \`$type\` (fastJSON); only a blocklist of known gadget types (\`BadListTypeChecking\`, on by default) stands between the payload and code execution. ${ADVICE}` };
}

/** `MessagePackSerializer.Deserialize(bytes, options)` with typeless options (directly or through a local). */
function checkMessagePack(m: CSharpMatch): LanguageOutcome | null {
  const options = [...m.site.args.slice(1), ...m.site.namedArgs.values()];
  return options.some((a) => TYPELESS.test(m.model.text(valueOf(m, a)))) ? {} : null;
}

/** `Deserialize`/`UnPickle` on an FsPickler serializer: declared with its type, or made by `FsPickler.Create*Serializer()`. */
function checkFsPickler(m: CSharpMatch): LanguageOutcome | null {
  if (!m.model.usesNamespace("MBrace.FsPickler") && !/\bMBrace\.FsPickler\b/.test(m.model.tree.source)) return null;
  const receiver = m.site.receiver;
  if (!receiver) return null;
  const made = (n: Node) => [...descendants(n)].some((d) => /^(MBrace\.FsPickler\.)?FsPickler\.Create\w*Serializer$/.test(m.model.text(d).replace(/\s+/g, "")));
  if (made(receiver)) return {};
  if (receiver.type !== "identifier" && receiver.type !== "member_access_expression") return null;
  const name = receiver.type === "identifier" ? receiver : receiver.children.find((c) => c.field === "name");
  if (!name) return null;
  const decl = receiver.type === "identifier" ? m.model.declarationOf(m.model.text(name), receiver) : m.model.memberDeclaration(m.model.text(name), receiver);
  if (!decl) return null;
  if (decl.value && made(decl.value)) return {};
  const declared = decl.typeNode ? m.model.text(decl.typeNode).replace(/\s+/g, "") : "";
  return FSPICKLER_TYPES.test(declared) ? {} : null;
}

const SHARPYAML_UNSAFE = "UnsafeAllowDeserializeFromTagTypeName";

/** SharpYaml's `SerializerSettings` is reported only when its object initializer sets the unsafe switch to `true`. */
function sharpYamlUnsafe(m: CSharpMatch): LanguageOutcome | null {
  for (const a of childOfType(m.site.node, "initializer_expression")?.children ?? []) {
    const left = a.type === "assignment_expression" ? childByField(a, "left") : undefined;
    const right = left && m.model.text(left) === SHARPYAML_UNSAFE ? childByField(a, "right") : undefined;
    if (right) return m.model.text(right) === "true" ? {} : null;
  }
  return null;
}

export default csharpRule({
  id: "CSHARP-LANG-SEC-007",
  name: "fastJSON, FsPickler, SharpSerializer, MessagePack Typeless or YAML Type-Tag Deserialization",
  tags: ["fastjson", "fspickler", "sharpserializer", "messagepack", "typeless", "yamldotnet", "sharpyaml", "ysoserial.net", "rce"],
  similar: ["CSHARP-LANG-SEC-004", "CSHARP-LANG-SEC-001"],
  prefilter: ["fastJSON", "FsPickler", "Typeless", "SharpSerializer", "TypeNameInTagNodeTypeResolver", SHARPYAML_UNSAFE],
  sinks: [
    {
      targets: ["fastJSON.JSON.ToObject"],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      check: checkFastJson,
      message: (m) => `${spelled(m)} creates the type named in \`$type\`. ${ADVICE}`,
    },
    {
      targets: ["MessagePack.MessagePackSerializer.Typeless.Deserialize", "MessagePack.LZ4MessagePackSerializer.Typeless.Deserialize"],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      message: (m) => `${spelled(m)} reads MessagePack in typeless mode: every object carries the .NET type to create, so a payload naming ObjectDataProvider or another gadget runs code (ysoserial.net's MessagePackTypeless). ${ADVICE}`,
    },
    {
      targets: ["MessagePack.MessagePackSerializer.Deserialize"],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      check: checkMessagePack,
      message: (m) => `${spelled(m)} with typeless resolver options (\`TypelessContractlessStandardResolver\`, \`TypelessObjectResolver\`): the payload names the .NET types to create, and gadget types run code. MessagePack's own guidance is to avoid typeless mode for untrusted data. ${ADVICE}`,
    },
    {
      targets: ["*.Deserialize", "*.UnPickle", "*.DeserializeSequence", "MBrace.FsPickler.FsPicklerSerializer.Deserialize", "MBrace.FsPickler.FsPicklerSerializer.UnPickle"],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      check: checkFsPickler,
      message: (m) => `${spelled(m)} on an FsPickler serializer: the payload carries the .NET types to rebuild, so gadget types (ObjectDataProvider) run code. ${ADVICE}`,
    },
    {
      targets: ["Polenter.Serialization.SharpSerializer.Deserialize"],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      message: (m) => `${spelled(m)} (SharpSerializer) creates the types the XML or binary payload names and sets their properties: gadget types run code. ${ADVICE}`,
    },
    {
      targets: ["new YamlDotNet.Serialization.NodeTypeResolvers.TypeNameInTagNodeTypeResolver"],
      kinds: ["new"],
      dataArgs: [],
      dataReceiver: false,
      message: (m) => `${spelled(m)} makes YamlDotNet create the type a YAML tag names, as it did by default before 5.0.0 (CVE-2018-1000210): YAML from outside then builds gadget types that run code. Map the tags you need with \`WithTagMapping\`.`,
    },
    {
      targets: ["new SharpYaml.Serialization.SerializerSettings"],
      kinds: ["new"],
      dataArgs: [],
      dataReceiver: false,
      check: sharpYamlUnsafe,
      message: () => `\`${SHARPYAML_UNSAFE} = true\` makes SharpYaml create the type a YAML tag names: YAML from outside then builds gadget types that run code. Map the tags you need with \`RegisterTagMapping\`.`,
    },
  ],
  docs: {
    summary: "Detects reads with .NET serializers that create the types the payload names: fastJSON `JSON.ToObject`, FsPickler, SharpSerializer, MessagePack in typeless mode, and YAML tags naming types (YamlDotNet's `TypeNameInTagNodeTypeResolver`, SharpYaml's `UnsafeAllowDeserializeFromTagTypeName`).",
    description:
      "fastJSON writes and honours a `$type` field, FsPickler and SharpSerializer store full type names with the " +
      "data, and MessagePack's typeless mode (`MessagePackSerializer.Typeless`, `TypelessContractlessStandardResolver`) " +
      "embeds the type of every object. Reading such a payload from outside lets it choose the types to build: " +
      "ysoserial.net ships ObjectDataProvider payloads for each of them. fastJSON's `BadListTypeChecking` (on by " +
      "default) only blocks known gadget types, so a read is reported at medium severity, and at high when the file " +
      "turns that check off. YamlDotNet before 5.0.0 created the type a YAML tag names (CVE-2018-1000210); later " +
      "versions do only when the program adds `TypeNameInTagNodeTypeResolver` back, and SharpYaml 2 behind " +
      "`UnsafeAllowDeserializeFromTagTypeName`: those switches are reported.",
    securityImplications: "Whoever controls the payload runs code in the process (ObjectDataProvider starting a process, and other gadgets).",
    howToFix: ADVICE + " For MessagePack, use the standard or contractless resolver (not the typeless ones) with `MessagePackSecurity.UntrustedData`.",
    fixHint: "Use a serializer bound to your own types; never read type names from the payload.",
    vulnerableExample: ["var options = TypelessContractlessStandardResolver.Options;", "var job = MessagePackSerializer.Deserialize<object>(body, options);"].join("\n"),
    safeExample: ["var options = MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData);", "var job = MessagePackSerializer.Deserialize<Job>(body, options);"].join("\n"),
    detectionScope:
      "`fastJSON.JSON.ToObject` (all overloads; medium unless `BadListTypeChecking = false` appears in the file), " +
      "`MessagePackSerializer.Typeless.Deserialize` and `MessagePackSerializer.Deserialize` given typeless resolver " +
      "options (inline or through a local), `Deserialize`/`UnPickle`/`DeserializeSequence` on an FsPickler serializer " +
      "(declared with its type or made by `FsPickler.Create*Serializer()`, in a file that uses `MBrace.FsPickler`), and " +
      "`Polenter.Serialization.SharpSerializer.Deserialize`; `new TypeNameInTagNodeTypeResolver()` and a SharpYaml " +
      "`SerializerSettings` initialized with `UnsafeAllowDeserializeFromTagTypeName = true` (a default YamlDotNet " +
      "deserializer is not reported: the package version in `.csproj` is not read, so upgrade any YamlDotNet older than 5.0.0). Critical with a trace when request data reaches the read in the same method.",
    references: [
      { title: "fastJSON: security warning ($type and BadListTypeChecking)", url: "https://github.com/mgholam/fastJSON" },
      { title: "MessagePack-CSharp: security notes (avoid typeless mode for untrusted data)", url: "https://github.com/MessagePack-CSharp/MessagePack-CSharp#security" },
      { title: "NVD: CVE-2018-1000210 (YamlDotNet before 5.0.0)", url: "https://nvd.nist.gov/vuln/detail/CVE-2018-1000210" },
      { title: "ysoserial.net: ObjectDataProvider gadget for FastJson, FsPickler, SharpSerializer, MessagePackTypeless", url: "https://github.com/pwntester/ysoserial.net" },
    ],
    faq: [
      { question: "I deserialize into a concrete type: `JSON.ToObject<Order>(json)`. Is that safe?", answer: "Not with fastJSON: `$type` on nested objects and `object` members is still honoured. Only the blocklist stands in the way." },
      { question: "Is MessagePack reported everywhere?", answer: "No: only the typeless API and typeless resolvers. The standard and contractless resolvers do not read type names from the payload." },
    ],
  },
});
