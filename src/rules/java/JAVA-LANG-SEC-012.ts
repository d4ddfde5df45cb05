import type { LanguageOutcome } from "../language-rule.js";
import { constructionOf, spelled, type JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

const ADVICE = "Read into maps or fixed classes (json-io `USE_MAPS`/`jsonToMaps`, YamlBeans with `SafeYamlConfig` or `setClassTags(false)`, a Castor `Unmarshaller` built for your class), or move to Jackson bound to your own classes.";

function jsonIoMessage(m: JavaMatch): string {
  return `${spelled(m)} creates the class each JSON object names in \`@type\` (json-io): any class in the class path can be built and its fields set, and gadget classes run code. ${ADVICE}`;
}

/** json-io with `USE_MAPS` set to true in the file builds maps, not the classes named in `@type`. */
function checkJsonIo(m: JavaMatch): LanguageOutcome | null {
  const maps = /\bUSE_MAPS\b\s*,\s*(Boolean\.)?(true|TRUE)\b|\.returnAsMaps\s*\(\s*\)|\.returnAsJsonObjects\s*\(\s*\)/.test(m.model.tree.source);
  return maps ? null : {};
}

/** A YamlBeans reader with class tags off (`SafeYamlConfig`, or `setClassTags(false)` in the file) cannot name classes. */
function checkYamlBeans(m: JavaMatch): LanguageOutcome | null {
  if (/\.setClassTags\s*\(\s*false\s*\)|\bSafeYamlConfig\b/.test(m.model.tree.source)) return null;
  const rootType = m.site.args.length > 0;
  return rootType ? { message: `${spelled(m)} with a root class: YamlBeans still creates any class a nested \`!tag\` (\`!com.sun.rowset.JdbcRowSetImpl\`) names and calls its setters. ${ADVICE}` } : {};
}

/** Castor: an `Unmarshaller` built without a class lets `xsi:type` and the mapping of the XML choose the class. */
function checkCastor(m: JavaMatch): LanguageOutcome | null {
  if (!m.site.receiver) return null;
  const creation = constructionOf(m);
  if (!creation) return null;
  const args = creation.children.find((c) => c.field === "arguments");
  return args && args.children.length > 0 ? null : {};
}

export default javaRule({
  id: "JAVA-LANG-SEC-012",
  name: "json-io, YamlBeans or Castor Deserialization of Classes Named in the Data",
  tags: ["json-io", "yamlbeans", "castor", "json", "yaml", "xml", "rce"],
  similar: ["JAVA-LANG-SEC-005", "JAVA-LANG-SEC-004", "JAVA-LANG-SEC-003"],
  prefilter: ["cedarsoftware", "yamlbeans", "castor"],
  sinks: [
    {
      targets: ["com.cedarsoftware.util.io.JsonReader.jsonToJava", "com.cedarsoftware.io.JsonIo.toJava", "com.cedarsoftware.io.JsonIo.toObjects"],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      check: checkJsonIo,
      message: jsonIoMessage,
    },
    {
      targets: ["com.cedarsoftware.util.io.JsonReader.readObject", "com.cedarsoftware.io.JsonReader.readObject"],
      kinds: ["call"],
      check: checkJsonIo,
      message: jsonIoMessage,
    },
    {
      targets: ["com.esotericsoftware.yamlbeans.YamlReader.read"],
      kinds: ["call"],
      check: checkYamlBeans,
      message: (m) => `${spelled(m)} creates the class each \`!tag\` of the YAML names (YamlBeans) and calls its setters: a tag such as \`!com.sun.rowset.JdbcRowSetImpl\` runs a JNDI lookup. ${ADVICE}`,
    },
    {
      targets: ["org.exolab.castor.xml.Unmarshaller.unmarshal"],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      check: checkCastor,
      message: (m) => `${spelled(m)} on a Castor \`Unmarshaller\` built without a class: the XML's \`xsi:type\` names the class to create and set. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects json-io (`JsonReader.jsonToJava`, `readObject`, `JsonIo.toJava`), YamlBeans `YamlReader.read` and Castor `Unmarshaller.unmarshal` without a class: libraries whose data names the classes to create.",
    description:
      "These libraries rebuild Java objects from a class name written in the data: json-io's `@type` field, " +
      "YamlBeans' `!tag`, Castor's `xsi:type`. Whoever writes the document picks classes from the whole class path " +
      "and has their fields or setters filled, the same gadget mechanism as Jackson default typing (JNDI data " +
      "sources, XSLT templates, script engines). The rule reports json-io reads unless the file asks for maps " +
      "(`USE_MAPS` set to true, `returnAsMaps()`), YamlBeans reads unless the file turns class tags off (`SafeYamlConfig`, `setClassTags(false)`), and " +
      "`unmarshal` on a Castor `Unmarshaller` constructed without a class.",
    securityImplications: "Whoever controls the document can instantiate gadget classes: code execution or JNDI lookups to an attacker's server.",
    howToFix: ADVICE,
    fixHint: "Read into maps or fixed classes; never let the document name Java classes.",
    vulnerableExample: ["Object state = JsonReader.jsonToJava(request.getParameter(\"state\"));"].join("\n"),
    safeExample: [
      "Map<String, Object> options = new HashMap<>();",
      "options.put(JsonReader.USE_MAPS, true);",
      "Object state = JsonReader.jsonToJava(json, options);",
    ].join("\n"),
    detectionScope:
      "Calls resolved to json-io's `JsonReader.jsonToJava`/`readObject` (`com.cedarsoftware.util.io`) and 4.x " +
      "`JsonIo.toJava`/`toObjects`/`JsonReader.readObject` (`com.cedarsoftware.io`), YamlBeans' `YamlReader.read` " +
      "(also with a root class: nested tags still name classes), and `unmarshal` on a " +
      "Castor `org.exolab.castor.xml.Unmarshaller` created in the file with no arguments. Not reported: json-io with " +
      "`USE_MAPS` true or `returnAsMaps()` in the file, YamlBeans with `SafeYamlConfig` or `setClassTags(false)`, Castor's static " +
      "`Unmarshaller.unmarshal(Order.class, reader)` and unmarshallers built for a class. Critical with a trace when " +
      "request data reaches the read in the same method.",
    references: [
      { title: "json-io: user guide (type information and maps mode)", url: "https://github.com/jdereg/json-io" },
      { title: "YamlBeans: tags and class tags", url: "https://github.com/EsotericSoftware/yamlbeans" },
      { title: "Marshalling Pickles (Moritz Bechler): Java unmarshaller security", url: "https://github.com/mbechler/marshalsec" },
    ],
    faq: [
      {
        question: "I pass the root class to YamlBeans' `read(Order.class)`. Is that safe?",
        answer: "No: the root class only decides the top object; tags on nested values still name any class. Turn class tags off in the `YamlConfig` or read into maps.",
      },
    ],
  },
});
