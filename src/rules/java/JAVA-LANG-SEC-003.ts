import type { Site } from "../../languages/common/model.js";
import { childByField, contains, descendants, type Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { callsOnSameObject, insideMethod, spelled, type JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

const CONFIG_METHODS = ["addPermission", "allowTypes", "allowTypesByWildcard", "allowTypesByRegExp", "allowTypeHierarchy", "setupDefaultSecurity", "denyTypes", "denyTypesByWildcard", "denyTypesByRegExp", "denyPermission"];
const ADVICE = "Call `xstream.allowTypes(...)`/`allowTypesByWildcard(...)` with your own classes only, on XStream 1.4.18 or later.";

const XSTREAM = "com.thoughtworks.xstream.XStream";

/**
 * Configuration calls on XStreams in the file's own factory method the receiver's variable is built by
 * (`XStream x = createXStream(...)`), and in the file's own methods that factory calls (`addDefaultPermissions(x)`,
 * Struts' `XStreamHandler`): the instance it returns is configured there.
 */
function factoryConfiguration(m: JavaMatch): Site[] {
  const r = m.site.receiver;
  if (r?.type !== "identifier") return [];
  const decl = m.model.declarationOf(m.model.text(r), r);
  let value = decl?.kind === "local" ? decl.value : undefined;
  while (value?.type === "parenthesized_expression") value = value.children[0];
  const factory = value?.type === "method_invocation" ? m.model.ownMethodCalled(value) : undefined;
  if (!factory) return [];
  const methods: Node[] = [factory];
  for (const n of descendants(factory)) {
    const callee = n.type === "method_invocation" ? m.model.ownMethodCalled(n) : undefined;
    if (callee && !methods.includes(callee)) methods.push(callee);
  }
  return m.model.sites.filter((s) => {
    if (s.kind !== "call" || !methods.some((fn) => contains(fn, s.node))) return false;
    const name = childByField(s.node, "name");
    return name !== undefined && CONFIG_METHODS.includes(m.model.text(name)) && s.targets.some((t) => t.startsWith(XSTREAM + "."));
  });
}

function check(m: JavaMatch): LanguageOutcome | null {
  // An XStream subclass's own override delegating to `super.unmarshal`/`unmarshal`: the call sites of the subclass are the sinks.
  const method = m.model.text(childByField(m.site.node, "name")!);
  if (!m.site.receiver && insideMethod(m.site.node, m.model, method)) return null;
  const config = [...callsOnSameObject(m, CONFIG_METHODS, XSTREAM), ...factoryConfiguration(m)];
  const permitsAny = config.some((s) => [...s.args].some((a) => [...descendants(a)].some((n) => /^((\w+\.)*AnyTypePermission\.ANY|"\*\*"|"\.\*")$/.test(m.model.text(n).replace(/\s+/g, "")))));
  if (permitsAny) return { message: `${spelled(m)} on an XStream that permits any type (\`AnyTypePermission.ANY\` or a \`**\` wildcard): gadget chains in the XML run code. ${ADVICE}` };
  const allows = config.some((s) => /^(allow|addPermission|setupDefaultSecurity)/.test(m.model.text(childByField(s.node, "name")!)));
  if (allows) return null;
  if (config.length) {
    return { severity: "medium", confidence: "medium", message: `${spelled(m)} on an XStream configured with deny rules only: blocklists miss new gadget classes. ${ADVICE}` };
  }
  if (!m.site.receiver || !/^(this\.)?[A-Za-z_$][\w$]*$/.test(m.model.text(m.site.receiver).replace(/\s+/g, "")) && m.site.receiver.type !== "object_creation_expression") {
    return { severity: "medium", confidence: "low", message: `${spelled(m)} on an XStream configured elsewhere: unless it allows only your own types, XML naming gadget classes runs code. ${ADVICE}` };
  }
  return { severity: "medium", confidence: "medium", message: `${spelled(m)} on an XStream without type permissions: before XStream 1.4.18 it deserializes any class named in the XML, and gadget chains (CVE-2021-39139 and dozens more) run code. ${ADVICE}` };
}

export default javaRule({
  id: "JAVA-LANG-SEC-003",
  name: "XStream Deserialization Without Type Permissions",
  tags: ["xstream", "xml", "rce"],
  similar: ["JAVA-LANG-SEC-002", "JAVA-LANG-SEC-001"],
  prefilter: ["XStream"],
  sinks: [
    {
      targets: ["com.thoughtworks.xstream.XStream.fromXML", "com.thoughtworks.xstream.XStream.unmarshal", "com.thoughtworks.xstream.XStream.createObjectInputStream"],
      kinds: ["call"],
      check,
      message: (m) => `${spelled(m)} deserializes the classes the XML names. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects XStream `fromXML`/`unmarshal`/`createObjectInputStream` on instances that do not restrict the types they create to an allowlist.",
    description:
      "XStream maps XML elements to any class on the class path. Until 1.4.18 its security framework was off by " +
      "default, and its blocklist was bypassed again and again (CVE-2013-7285, CVE-2020-26217, CVE-2021-21344 ... " +
      "CVE-2021-39154). The rule looks at the permissions configured on the same instance in the same class: " +
      "`AnyTypePermission.ANY` or `**` wildcards are high severity, deny rules alone and no configuration at all are " +
      "medium (safe only on 1.4.18+ defaults), an allowlist (`allowTypes`, `allowTypesByWildcard` with your packages, " +
      "`allowTypeHierarchy`, `addPermission`) is not reported.",
    securityImplications: "Whoever controls the XML can run code in the JVM through gadget classes such as `ProcessBuilder` or `EventHandler`.",
    howToFix:
      "Upgrade to XStream 1.4.18 or later and allow only your own types: `xstream.allowTypesByWildcard(new String[] {\"com.example.dto.**\"})`. " +
      "Never add `AnyTypePermission.ANY`.",
    fixHint: "Restrict XStream to your own classes with allowTypes/allowTypesByWildcard (XStream 1.4.18+).",
    vulnerableExample: [
      "XStream xstream = new XStream();",
      "xstream.addPermission(AnyTypePermission.ANY);",
      "Order order = (Order) xstream.fromXML(request.getInputStream());",
    ].join("\n"),
    safeExample: [
      "XStream xstream = new XStream();",
      "xstream.allowTypes(new Class[] {Order.class, OrderLine.class});",
      "Order order = (Order) xstream.fromXML(xml);",
    ].join("\n"),
    detectionScope:
      "Calls on receivers resolved to `com.thoughtworks.xstream.XStream` (also subclasses declared in the file). " +
      "Permissions are read from calls on the same variable or field in the same class (and from " +
      "`XStream.setupDefaultSecurity(x)` given it), and, for a local built by the class's own factory method, " +
      "from calls in that method and the class's methods it calls; an instance built in another " +
      "class is reported at low confidence.",
    references: [
      { title: "XStream Security Aspects", url: "https://x-stream.github.io/security.html" },
      { title: "XStream vulnerability list", url: "https://x-stream.github.io/security.html#CVEs" },
    ],
    faq: [{ question: "We run XStream 1.4.20. Why is a call without permissions still reported?", answer: "Reported at medium severity because the analysis cannot see the library version; the default allowlist of 1.4.18+ makes it safe. Add an explicit allowlist to make the intent visible, or suppress the finding." }],
  },
});
