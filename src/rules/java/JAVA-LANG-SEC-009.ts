import { spelled } from "./helpers.js";
import { javaRule } from "./meta.js";

export default javaRule({
  id: "JAVA-LANG-SEC-009",
  name: "SerializationUtils.deserialize",
  tags: ["commons-lang", "spring", "serializationutils"],
  similar: ["JAVA-LANG-SEC-001"],
  prefilter: ["SerializationUtils", "deserialize"],
  sinks: [
    {
      targets: [
        "org.apache.commons.lang3.SerializationUtils.deserialize",
        "org.apache.commons.lang.SerializationUtils.deserialize",
        "org.springframework.util.SerializationUtils.deserialize",
      ],
      kinds: ["call"],
      message: (m) => `${spelled(m)} is \`ObjectInputStream.readObject\` on the given bytes: any gadget chain in the class path runs code. Do not deserialize Java objects from untrusted data.`,
    },
  ],
  docs: {
    summary: "Detects `SerializationUtils.deserialize` from Apache Commons Lang (2 and 3) and Spring, wrappers around `ObjectInputStream.readObject`.",
    description:
      "These helpers read a Java serialization stream without any class filter, so they carry every risk of " +
      "`readObject` (see JAVA-LANG-SEC-001). Spring deprecated its version in 6.0 for this reason. Calls are " +
      "resolved through imports, static imports and fully qualified names.",
    securityImplications: "Whoever controls the bytes (cookies, cache entries, message payloads) runs code in the JVM.",
    howToFix: "Exchange data in a data-only format, or read through an `ObjectInputStream` with an `ObjectInputFilter` allowlist.",
    fixHint: "Replace SerializationUtils.deserialize with a data format or a filtered ObjectInputStream.",
    vulnerableExample: ["byte[] state = Base64.getDecoder().decode(cookie.getValue());", "Cart cart = SerializationUtils.deserialize(state);"].join("\n"),
    safeExample: ["Cart cart = objectMapper.readValue(cookie.getValue(), Cart.class);"].join("\n"),
    detectionScope: "Static calls resolved to the three `SerializationUtils.deserialize` methods (qualified, imported, or statically imported).",
    references: [
      { title: "Apache Commons Lang: SerializationUtils", url: "https://commons.apache.org/proper/commons-lang/apidocs/org/apache/commons/lang3/SerializationUtils.html" },
      { title: "Spring Framework 6.0: SerializationUtils.deserialize deprecation", url: "https://docs.spring.io/spring-framework/docs/current/javadoc-api/org/springframework/util/SerializationUtils.html" },
    ],
    faq: [{ question: "Is `SerializationUtils.clone` reported?", answer: "No: it serializes and deserializes an object the program already holds, which cannot introduce foreign classes." }],
  },
});
