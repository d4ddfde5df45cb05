import { isLiteral, spelled, type JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

export default javaRule({
  id: "JAVA-LANG-SEC-006",
  name: "Kryo Without Required Class Registration",
  tags: ["kryo", "binary", "rce"],
  similar: ["JAVA-LANG-SEC-001"],
  prefilter: ["setRegistrationRequired"],
  sinks: [
    {
      targets: ["com.esotericsoftware.kryo.Kryo.setRegistrationRequired", "com.esotericsoftware.kryo.kryo5.Kryo.setRegistrationRequired"],
      kinds: ["call"],
      dataArgs: [],
      check: (m: JavaMatch) => (isLiteral(m.model, m.site.args[0], "false") ? {} : null),
      message: (m) => `${spelled(m)}\`(false)\` lets the input name any class to instantiate: \`readClassAndObject\` then builds gadget classes from the bytes. Keep registration required and \`register(...)\` the classes you exchange.`,
    },
  ],
  docs: {
    summary: "Detects `Kryo.setRegistrationRequired(false)`, which lets Kryo input name arbitrary classes.",
    description:
      "With registration required (the default since Kryo 5), Kryo only creates classes registered in advance. " +
      "Turning it off makes `readClassAndObject`/`readObject` create whatever class the bytes name, with Kryo's " +
      "field serializer setting fields directly: the same gadget problem as Java serialization (marshalsec).",
    securityImplications: "Whoever controls the Kryo bytes (caches, RPC, session stores) can instantiate gadget classes and run code.",
    howToFix: "Keep `setRegistrationRequired(true)` and register every class you exchange: `kryo.register(Order.class);`.",
    fixHint: "Keep Kryo registration required and register the exchanged classes.",
    vulnerableExample: ["Kryo kryo = new Kryo();", "kryo.setRegistrationRequired(false);", "Object o = kryo.readClassAndObject(new Input(bytes));"].join("\n"),
    safeExample: ["Kryo kryo = new Kryo();", "kryo.register(Order.class);", "Order o = kryo.readObject(new Input(bytes), Order.class);"].join("\n"),
    detectionScope: "`setRegistrationRequired(false)` on receivers resolved to `com.esotericsoftware.kryo.Kryo` (also the `kryo5` package). Kryo 4 and older default to no registration; such instances without the call are not reported.",
    references: [
      { title: "Kryo: Registration", url: "https://github.com/EsotericSoftware/kryo#registration" },
      { title: "marshalsec: Java Unmarshaller Security", url: "https://github.com/mbechler/marshalsec" },
    ],
    faq: [{ question: "Why is the configuration call reported and not the read?", answer: "The setting decides what every read on the instance may create, and it is where the fix goes." }],
  },
});
