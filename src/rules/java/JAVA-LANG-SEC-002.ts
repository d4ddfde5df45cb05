import { javaRule } from "./meta.js";
import { spelled } from "./helpers.js";

export default javaRule({
  id: "JAVA-LANG-SEC-002",
  name: "XMLDecoder Deserialization",
  tags: ["xmldecoder", "xml", "rce"],
  similar: ["JAVA-LANG-SEC-001", "JAVA-LANG-SEC-003"],
  prefilter: ["XMLDecoder"],
  sinks: [
    {
      targets: ["java.beans.XMLDecoder.readObject"],
      kinds: ["call"],
      message: (m) => `${spelled(m)} executes the XML it reads: \`<object class="java.lang.ProcessBuilder">\` with \`<void method="start">\` runs any command. Never decode XML from outside the application; use JAXB or Jackson XML with fixed classes.`,
    },
  ],
  docs: {
    summary: "Detects `java.beans.XMLDecoder.readObject`, which instantiates any class and calls any method the XML names.",
    description:
      "`XMLDecoder` is not a data parser: its XML format is a script of constructor and method calls " +
      "(`<object class=...>`, `<void method=...>`). Decoding attacker-controlled XML runs arbitrary code; WebLogic's " +
      "CVE-2017-10271 and CVE-2019-2725 were this call on a request body. The rule resolves the receiver to " +
      "`java.beans.XMLDecoder` through imports, locals, `var`, fields and inline constructions.",
    securityImplications: "Whoever controls the XML runs commands in the JVM (no gadget chain needed).",
    howToFix:
      "Parse XML into fixed classes with JAXB, Jackson XML or a DOM/StAX parser with external entities disabled. " +
      "`XMLDecoder` is only acceptable for files the application itself wrote and nobody else can change.",
    fixHint: "Replace XMLDecoder with JAXB or Jackson XML bound to fixed classes.",
    vulnerableExample: [
      "try (XMLDecoder decoder = new XMLDecoder(request.getInputStream())) {",
      "    return decoder.readObject();  // <void method=\"start\"> runs commands",
      "}",
    ].join("\n"),
    safeExample: [
      "JAXBContext ctx = JAXBContext.newInstance(Order.class);",
      "return (Order) ctx.createUnmarshaller().unmarshal(request.getInputStream());",
    ].join("\n"),
    detectionScope:
      "`readObject` calls whose receiver resolves to `java.beans.XMLDecoder` (locals, parameters, fields, `var`, " +
      "try-with-resources, inline `new XMLDecoder(...)`). Critical with a trace when request data reaches the decoder " +
      "in the same method.",
    references: [
      { title: "Java SE API: java.beans.XMLDecoder", url: "https://docs.oracle.com/en/java/javase/17/docs/api/java.desktop/java/beans/XMLDecoder.html" },
      { title: "NVD: CVE-2017-10271 (WebLogic XMLDecoder)", url: "https://nvd.nist.gov/vuln/detail/CVE-2017-10271" },
    ],
    faq: [{ question: "Is XMLDecoder safe with a trusted schema?", answer: "No schema restricts it: the format itself names classes and methods to call. Only data the application wrote itself, stored where nobody else can change it, is safe." }],
  },
});
