import { spelled } from "./helpers.js";
import { csharpRule } from "./meta.js";

export default csharpRule({
  id: "CSHARP-LANG-SEC-006",
  name: "MSMQ BinaryMessageFormatter",
  tags: ["msmq", "messaging", "binarymessageformatter"],
  similar: ["CSHARP-LANG-SEC-001"],
  prefilter: ["BinaryMessageFormatter"],
  sinks: [
    {
      targets: ["new System.Messaging.BinaryMessageFormatter"],
      kinds: ["new"],
      message: (m) => `${spelled(m)} reads message bodies with \`BinaryFormatter\`: anyone who can send to the queue can deliver a ysoserial.net gadget chain. Use \`XmlMessageFormatter\` with fixed target types.`,
    },
  ],
  docs: {
    summary: "Detects `System.Messaging.BinaryMessageFormatter`, which deserializes MSMQ message bodies with `BinaryFormatter`.",
    description:
      "A queue whose `Formatter` is a `BinaryMessageFormatter` runs `BinaryFormatter.Deserialize` on every message " +
      "body it reads (`message.Body`). Queues are often writable by more principals than the consumer trusts.",
    securityImplications: "Whoever can send to the queue runs code in the consumer.",
    howToFix: "Use `XmlMessageFormatter` with an explicit list of target types, or exchange JSON strings.",
    fixHint: "Use XmlMessageFormatter with fixed target types instead of BinaryMessageFormatter.",
    vulnerableExample: ["queue.Formatter = new BinaryMessageFormatter();", "var job = (Job)queue.Receive().Body;"].join("\n"),
    safeExample: ["queue.Formatter = new XmlMessageFormatter(new[] { typeof(Job) });", "var job = (Job)queue.Receive().Body;"].join("\n"),
    detectionScope: "Constructions of `System.Messaging.BinaryMessageFormatter` resolved through `using` directives, aliases and qualified names.",
    references: [
      { title: "Microsoft: BinaryFormatter security guide", url: "https://learn.microsoft.com/en-us/dotnet/standard/serialization/binaryformatter-security-guide" },
      { title: "ysoserial.net", url: "https://github.com/pwntester/ysoserial.net" },
    ],
    faq: [{ question: "Why is the constructor reported rather than the read?", answer: "The formatter decides how every `Body` read on the queue deserializes; the constructor is where the fix goes." }],
  },
});
