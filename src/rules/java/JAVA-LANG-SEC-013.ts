import { ancestor, childByField, descendants, type Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import type { JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

const ADVICE = "Take only primitives and `String` in remote methods (and run Java 8u242 or later), set a JEP 290 `ObjectInputFilter` allowlist (`sun.rmi.transport.tcp...`/`jdk.serialFilter`), or replace RMI with an API that exchanges data-only formats.";
/** Parameter types RMI reads without `readObject`. */
const PRIMITIVES = /^(boolean|byte|char|short|int|long|float|double)$/;
/** Read with `readObject` before Java 8u242, as a string after it. */
const STRINGS = /^(java\.lang\.)?String$/;

/** The first method of the interface whose parameters RMI deserializes, and whether only strings are involved. */
function deserializedParameter(m: JavaMatch, iface: Node): { method: string; type: string; onlyStrings: boolean } | undefined {
  const body = childByField(iface, "body");
  let stringOnly: { method: string; type: string; onlyStrings: boolean } | undefined;
  for (const member of body?.children ?? []) {
    if (member.type !== "method_declaration") continue;
    const params = childByField(member, "parameters");
    for (const p of params ? [...descendants(params)].filter((c) => c.type === "formal_parameter" || c.type === "spread_parameter") : []) {
      const typeNode = childByField(p, "type") ?? p.children.find((c) => c.type.endsWith("type") || c.type === "type_identifier");
      const written = typeNode ? m.model.text(typeNode).replace(/\s+/g, "") : "";
      if (!written || PRIMITIVES.test(written)) continue;
      const method = m.model.text(childByField(member, "name") ?? member);
      if (STRINGS.test(written)) stringOnly ??= { method, type: written, onlyStrings: true };
      else return { method, type: written, onlyStrings: false };
    }
  }
  return stringOnly;
}

function check(m: JavaMatch): LanguageOutcome | null {
  const iface = ancestor(m.site.node, "interface_declaration");
  if (!iface) return null;
  const found = deserializedParameter(m, iface);
  if (!found) return null;
  const name = m.model.text(childByField(iface, "name") ?? iface);
  if (found.onlyStrings) {
    return {
      severity: "medium",
      confidence: "medium",
      message: `Remote interface \`${name}\` takes a \`String\` parameter in \`${found.method}\`: before Java 8u242 RMI reads it with \`readObject\`, so a client can send a gadget chain in its place. ${ADVICE}`,
    };
  }
  return { message: `Remote interface \`${name}\` takes a parameter of type \`${found.type}\` in \`${found.method}\`: RMI deserializes every non-primitive argument with \`readObject\` before checking its type, so any client that reaches the server can send a gadget chain (ysoserial) instead. ${ADVICE}` };
}

export default javaRule({
  id: "JAVA-LANG-SEC-013",
  name: "RMI Remote Interface Taking Objects",
  tags: ["rmi", "remote", "rce"],
  similar: ["JAVA-LANG-SEC-001", "JAVA-LANG-SEC-010"],
  prefilter: ["java.rmi"],
  types: ["java.rmi.Remote"],
  sinks: [
    {
      targets: ["java.rmi.Remote"],
      kinds: ["reference"],
      dataArgs: [],
      dataReceiver: false,
      check,
      message: () => `A remote interface whose methods take objects. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects interfaces extending `java.rmi.Remote` whose methods take non-primitive parameters, which RMI deserializes from the client with `readObject`.",
    description:
      "An RMI server unmarshals each call's arguments from the client's stream. Every parameter of a reference type " +
      "is read with `ObjectInputStream.readObject`, and the declared type is checked only after the object has been " +
      "built, so a client can send any serializable gadget chain where an `Object`, a collection or a DTO is expected. " +
      "`String` parameters were read the same way until Java 8u242. JEP 290's default filters protect the registry " +
      "and DGC, not the application's own remote methods.",
    securityImplications: "Whoever can connect to the RMI endpoint runs code in the server (ysoserial payloads, or BaRMIe/rmg method guessing).",
    howToFix: ADVICE,
    fixHint: "Give remote methods only primitive or String parameters, or set an ObjectInputFilter allowlist for the RMI server.",
    vulnerableExample: ["public interface Jobs extends Remote {", "    void submit(Object job) throws RemoteException;", "}"].join("\n"),
    safeExample: ["public interface Jobs extends Remote {", "    void submit(String jobId, int priority) throws RemoteException;", "}"].join("\n"),
    detectionScope:
      "Interfaces whose `extends` list resolves to `java.rmi.Remote` (import, on-demand import or qualified name): " +
      "reported once per interface, at the `Remote` supertype, naming the first method with a parameter of a " +
      "reference type (high) or, when only `String` parameters occur, at medium. Interfaces extending another " +
      "remote interface of the project are not followed.",
    references: [
      { title: "Java RMI: JEP 290 serialization filtering", url: "https://openjdk.org/jeps/290" },
      { title: "An Trinh: RMI attacks (Black Hat EU 2019, 'Attacking Java RMI')", url: "https://i.blackhat.com/eu-19/Wednesday/eu-19-An-Far-Sides-Of-Java-Remote-Protocols.pdf" },
      { title: "ysoserial: payloads for unsafe Java object deserialization", url: "https://github.com/frohoff/ysoserial" },
    ],
    faq: [{ question: "Our RMI port is internal. Does it matter?", answer: "Anyone who can open a connection to the port can send the arguments; an internal network is where lateral movement happens. Filter or restrict parameter types either way." }],
  },
});
