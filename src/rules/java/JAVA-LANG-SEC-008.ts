import { spelled } from "./helpers.js";
import { javaRule } from "./meta.js";

export default javaRule({
  id: "JAVA-LANG-SEC-008",
  name: "JMS ObjectMessage Deserialization",
  tags: ["jms", "messaging", "objectmessage"],
  similar: ["JAVA-LANG-SEC-001"],
  prefilter: ["ObjectMessage"],
  sinks: [
    {
      targets: ["javax.jms.ObjectMessage.getObject", "jakarta.jms.ObjectMessage.getObject"],
      kinds: ["call"],
      message: (m) => `${spelled(m)} deserializes the message body with Java serialization: whoever can put a message on the queue can send a gadget chain. Exchange \`TextMessage\`/\`BytesMessage\` with JSON, or restrict the broker's trusted packages.`,
    },
  ],
  docs: {
    summary: "Detects `ObjectMessage.getObject()` (javax and jakarta JMS), which Java-deserializes the message body.",
    description:
      "`getObject()` runs `ObjectInputStream.readObject` on bytes produced by whoever sent the message. Brokers and " +
      "clients (ActiveMQ CVE-2015-5254, several JMS clients in the 2016 \"Pwning your Java Messaging\" research) " +
      "were exploitable through it. The rule resolves the receiver through casts, pattern matching and declared types.",
    securityImplications: "Any producer on the destination (or anyone who reaches the broker) can run code in the consumer.",
    howToFix:
      "Use `TextMessage` or `BytesMessage` with a data format such as JSON. If `ObjectMessage` must stay, restrict " +
      "deserialization (ActiveMQ `setTrustedPackages`, Artemis `deserializationAllowList`).",
    fixHint: "Exchange TextMessage/BytesMessage with JSON instead of ObjectMessage.",
    vulnerableExample: ["public void onMessage(Message message) {", "    Order o = (Order) ((ObjectMessage) message).getObject();", "}"].join("\n"),
    safeExample: ["public void onMessage(Message message) throws JMSException {", "    Order o = json.readValue(((TextMessage) message).getText(), Order.class);", "}"].join("\n"),
    detectionScope: "`getObject()` on receivers resolved to `javax.jms.ObjectMessage` or `jakarta.jms.ObjectMessage`.",
    references: [
      { title: "Code White: Pwning Your Java Messaging With Deserialization Vulnerabilities", url: "https://www.blackhat.com/docs/us-16/materials/us-16-Kaiser-Pwning-Your-Java-Messaging-With-Deserialization-Vulnerabilities.pdf" },
      { title: "ActiveMQ: ObjectMessage security", url: "https://activemq.apache.org/objectmessage.html" },
    ],
    faq: [{ question: "Our broker only accepts trusted producers.", answer: "Then the risk is a compromised producer; configure the client's trusted-packages allowlist and suppress the finding with that justification." }],
  },
});
