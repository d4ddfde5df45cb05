import type { LanguageOutcome } from "../language-rule.js";
import { callsOnSameObject, constructionOf, isLiteral, spelled, type JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

/**
 * A read of any class on a Kryo this file builds (`new Kryo()`) and never sets to require registration: Kryo 4 and
 * older create whatever class the bytes name. Medium: Kryo 5 requires registration by default. A `false` setting is
 * reported where it is made, not again at each read.
 */
function checkRead(m: JavaMatch): LanguageOutcome | null {
  if (!constructionOf(m)) return null;
  if (callsOnSameObject(m, ["setRegistrationRequired"]).length) return null;
  return {
    severity: "medium",
    confidence: "medium",
    message: `${spelled(m)} on a \`Kryo\` that is never set to require registration: before Kryo 5 registration is off by default, so the bytes name the class to create and gadget classes run code. Call \`setRegistrationRequired(true)\` and \`register(...)\` the classes you exchange.`,
  };
}

export default javaRule({
  id: "JAVA-LANG-SEC-006",
  name: "Kryo Without Required Class Registration",
  tags: ["kryo", "binary", "rce"],
  similar: ["JAVA-LANG-SEC-001"],
  prefilter: ["setRegistrationRequired", "readClassAndObject"],
  sinks: [
    {
      targets: ["com.esotericsoftware.kryo.Kryo.setRegistrationRequired", "com.esotericsoftware.kryo.kryo5.Kryo.setRegistrationRequired"],
      kinds: ["call"],
      dataArgs: [],
      check: (m: JavaMatch) => (isLiteral(m.model, m.site.args[0], "false") ? {} : null),
      message: (m) => `${spelled(m)}\`(false)\` lets the input name any class to instantiate: \`readClassAndObject\` then builds gadget classes from the bytes. Keep registration required and \`register(...)\` the classes you exchange.`,
    },
    {
      targets: ["com.esotericsoftware.kryo.Kryo.readClassAndObject"],
      kinds: ["call"],
      dataReceiver: false,
      check: checkRead,
      message: (m) => `${spelled(m)} reads a class named by the bytes.`,
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
    detectionScope: "`setRegistrationRequired(false)` on receivers resolved to `com.esotericsoftware.kryo.Kryo` (also the `kryo5` package). Kryo 4 and older default to no registration, so `readClassAndObject` on a `new Kryo()` of the file that no `setRegistrationRequired` call configures is reported as medium (Kryo 5, and the `kryo5` package, require registration by default); instances built elsewhere are not reported.",
    references: [
      { title: "Kryo: Registration", url: "https://github.com/EsotericSoftware/kryo#registration" },
      { title: "marshalsec: Java Unmarshaller Security", url: "https://github.com/mbechler/marshalsec" },
    ],
    faq: [{ question: "Why is the configuration call reported and not the read?", answer: "The setting decides what every read on the instance may create, and it is where the fix goes. A read is reported only on an instance the file builds without any registration setting (medium: it depends on the Kryo version)." }],
  },
});
