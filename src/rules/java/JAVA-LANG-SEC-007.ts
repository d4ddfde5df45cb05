import type { LanguageOutcome } from "../language-rule.js";
import { spelled, type JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

function check(m: JavaMatch): LanguageOutcome | null {
  const allowlisted = m.model.sites.some((s) => s.kind === "call" && s.targets.some((t) => /\.setWhitelist$|\*\.setWhitelist$/.test(t)) && s.args[0] && m.model.text(s.args[0]) === "true");
  return allowlisted ? { severity: "low", confidence: "low", message: `${spelled(m)} reads Hessian/Burlap objects; a class allowlist is enabled in this file (\`setWhitelist(true)\`): review its \`allow\` rules.` } : {};
}

export default javaRule({
  id: "JAVA-LANG-SEC-007",
  name: "Hessian or Burlap Deserialization",
  tags: ["hessian", "burlap", "rpc", "rce"],
  similar: ["JAVA-LANG-SEC-001"],
  prefilter: ["Hessian", "Burlap"],
  sinks: [
    {
      targets: [
        "com.caucho.hessian.io.HessianInput.readObject",
        "com.caucho.hessian.io.Hessian2Input.readObject",
        "com.caucho.hessian.io.AbstractHessianInput.readObject",
        "com.caucho.burlap.io.BurlapInput.readObject",
        "com.caucho.burlap.io.AbstractBurlapInput.readObject",
        "com.alibaba.com.caucho.hessian.io.Hessian2Input.readObject",
        "com.alibaba.com.caucho.hessian.io.HessianInput.readObject",
      ],
      kinds: ["call"],
      check,
      message: (m) => `${spelled(m)} creates any class the Hessian/Burlap stream names, without calling its constructor; gadget chains (Rome, Resin, SpringAbstractBeanFactoryPointcutAdvisor) run code. Enable the \`ClassFactory\` allowlist or switch to a data-only protocol.`,
    },
  ],
  docs: {
    summary: "Detects `readObject` on Hessian and Burlap inputs (Caucho and Dubbo's hessian-lite), which instantiate any class the stream names.",
    description:
      "Hessian and Burlap (binary and XML RPC protocols) serialize arbitrary object graphs; the reader creates the " +
      "named classes and sets their fields, and map keys' `hashCode`/`equals` start gadget chains (marshalsec). " +
      "Dubbo, Spring remoting exporters and many RPC stacks have shipped CVEs from it (CVE-2020-1948, CVE-2021-43297).",
    securityImplications: "Whoever can send a request to the RPC endpoint can run code in the server.",
    howToFix:
      "Enable the allowlist (`factory.getClassFactory().setWhitelist(true)` plus `allow(\"com.example.dto.*\")` in Hessian " +
      "4.0.60+), or replace the protocol with one that binds data to fixed types.",
    fixHint: "Turn on Hessian's ClassFactory allowlist or use a data-only protocol.",
    vulnerableExample: ["Hessian2Input in = new Hessian2Input(request.getInputStream());", "Object call = in.readObject();"].join("\n"),
    safeExample: [
      "SerializerFactory factory = new SerializerFactory();",
      "factory.getClassFactory().setWhitelist(true);",
      "factory.getClassFactory().allow(\"com.example.rpc.*\");",
    ].join("\n"),
    detectionScope: "`readObject` on receivers resolved to the Hessian/Burlap input classes. A `setWhitelist(true)` in the same file lowers the finding to low.",
    references: [
      { title: "marshalsec: Java Unmarshaller Security (Hessian/Burlap)", url: "https://github.com/mbechler/marshalsec" },
      { title: "NVD: CVE-2020-1948 (Dubbo Hessian)", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-1948" },
    ],
    faq: [{ question: "Does `readObject(Order.class)` help?", answer: "No: the expected class is a hint; nested values still name their own classes." }],
  },
});
