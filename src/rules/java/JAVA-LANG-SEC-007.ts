import type { Site } from "../../languages/common/model.js";
import { childByField, type Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { spelled, type JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

/** The variable a call chain starts from: `f` in `f.getClassFactory().setWhitelist(true)`. */
function chainRoot(node: Node | undefined): Node | undefined {
  while (node?.type === "method_invocation" || node?.type === "field_access" || node?.type === "parenthesized_expression") {
    node = node.type === "parenthesized_expression" ? node.children[0] : childByField(node, "object");
  }
  return node?.type === "identifier" ? node : undefined;
}

/**
 * `setWhitelist(true)` that can apply to the read: on a factory of the read's own method or a field of its class. A
 * factory held in a local variable of another method (or a field of another class) configures only the inputs that
 * method (or class) builds.
 */
function appliesToRead(m: JavaMatch, allow: Site): boolean {
  const root = chainRoot(allow.receiver);
  const decl = root && m.model.declarationOf(m.model.text(root), root);
  return !decl || (decl.scope.start <= m.site.node.start && m.site.node.end <= decl.scope.end);
}

function check(m: JavaMatch): LanguageOutcome | null {
  const allowlisted = m.model.sites.some(
    (s) => s.kind === "call" && s.targets.some((t) => /\.setWhitelist$|\*\.setWhitelist$/.test(t)) && s.args[0] && m.model.text(s.args[0]) === "true" && appliesToRead(m, s),
  );
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
    detectionScope: "`readObject` on receivers resolved to the Hessian/Burlap input classes. A `setWhitelist(true)` in the same file lowers the finding to low, unless it is made on a factory held in a local variable of another method or a field of another class (which configures only the inputs those build).",
    references: [
      { title: "marshalsec: Java Unmarshaller Security (Hessian/Burlap)", url: "https://github.com/mbechler/marshalsec" },
      { title: "NVD: CVE-2020-1948 (Dubbo Hessian)", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-1948" },
    ],
    faq: [{ question: "Does `readObject(Order.class)` help?", answer: "No: the expected class is a hint; nested values still name their own classes." }],
  },
});
