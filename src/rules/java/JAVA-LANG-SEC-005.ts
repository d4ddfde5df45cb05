import { ancestor, childByField, childOfType, descendants, type Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { spelled, type JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

const ADVICE = "Use a `BasicPolymorphicTypeValidator` that allows only your own base types, or `@JsonTypeInfo(use = Id.NAME)` with `@JsonSubTypes`.";
/** Declared types under which any class in the class path can be a subtype. */
const OPEN_TYPES = /^(java\.lang\.)?(Object|Serializable|java\.io\.Serializable|Comparable|Cloneable|Closeable|AutoCloseable|java\.util\.EventListener|EventListener|Runnable)$/;

/** The validator argument of `activateDefaultTyping`: permissive when it is `LaissezFaireSubTypeValidator` or allows open base types. */
function checkActivate(m: JavaMatch): LanguageOutcome | null {
  const validator = m.site.args[0];
  if (!validator) return {};
  let expr: Node = validator;
  if (validator.type === "identifier") {
    const decl = m.model.declarationOf(m.model.text(validator), validator);
    if (decl?.value) expr = decl.value;
  }
  const nodes = [...descendants(expr)];
  const laissez = nodes.some((n) => /LaissezFaireSubTypeValidator/.test(m.model.text(n)) && n.type === "identifier");
  const open = nodes.some((n) => {
    if (n.type !== "method_invocation") return false;
    const name = m.model.text(childByField(n, "name")!);
    if (!/^allowIf(BaseType|SubType)$/.test(name)) return false;
    const arg = childByField(n, "arguments")?.children[0];
    const t = arg ? m.model.text(arg).replace(/\s+/g, "") : "";
    // A base or subtype name prefix matches by `startsWith`: `"java.lang.Object"` as a base type admits every class.
    const named = /^"([\w.*]*)"$/.exec(t)?.[1];
    return (
      (t.endsWith(".class") && OPEN_TYPES.test(t.slice(0, -".class".length))) ||
      (named !== undefined && (/^(java|javax|java\.|\*|)$/.test(named) || OPEN_TYPES.test(named))) ||
      (arg?.type === "lambda_expression" && /->\s*true$/.test(m.model.text(arg)))
    );
  });
  if (!laissez && !open) return null;
  return { message: `${spelled(m)} with a validator that allows any subtype: JSON naming a gadget class (JNDI, template, pool classes) runs code. ${ADVICE}` };
}

/** `@JsonTypeInfo(use = Id.CLASS)` on a field, getter, setter or parameter whose type is `Object`, `Serializable`, ... */
function checkTypeInfo(m: JavaMatch): LanguageOutcome | null {
  const annotation = ancestor(m.site.node, "annotation");
  const name = annotation && childByField(annotation, "name");
  if (!name || !/(^|\.)JsonTypeInfo$/.test(m.model.text(name))) return null;
  const declaration = annotation.parent?.parent;
  if (!declaration) return null;
  let typeNode: Node | undefined;
  if (declaration.type === "field_declaration" || declaration.type === "formal_parameter") typeNode = childByField(declaration, "type");
  else if (declaration.type === "method_declaration") {
    const returns = childByField(declaration, "type");
    const params = childByField(declaration, "parameters");
    typeNode = returns && m.model.text(returns) !== "void" ? returns : childByField(childOfType(params ?? declaration, "formal_parameter") ?? declaration, "type");
  }
  if (!typeNode) return null;
  const written = m.model.text(typeNode).replace(/\s+/g, "");
  const element = /^(?:[\w.]+)<(?:[\w.?]+,)?(?:\?extends)?([\w.]+)>$/.exec(written)?.[1] ?? written.replace(/\[\]$/, "");
  if (!OPEN_TYPES.test(element)) return null;
  return { message: `\`@JsonTypeInfo(use = ${m.model.text(m.site.node)})\` on a \`${written}\` property: the JSON names the class to create, and any class in the class path is a subtype of \`${element}\`, so gadget classes run code. ${ADVICE}` };
}

/** The class argument is a class lookup (not a literal such as `Order.class` or a `TypeReference`). */
function checkRequestClass(m: JavaMatch): LanguageOutcome | null {
  const type = m.site.args[1];
  if (!type || /\.class$/.test(m.model.text(type).trim()) || type.type === "object_creation_expression") return null;
  return {};
}

export default javaRule({
  id: "JAVA-LANG-SEC-005",
  name: "Jackson Polymorphic Deserialization of Any Class",
  tags: ["jackson", "json", "polymorphic-typing", "rce"],
  similar: ["JAVA-LANG-SEC-004", "JAVA-LANG-SEC-001"],
  prefilter: ["DefaultTyping", "JsonTypeInfo", "forName", "loadClass"],
  sinks: [
    {
      // The class argument itself chosen by the request (`Class.forName(request.getParameter("type"))`).
      targets: [
        "com.fasterxml.jackson.databind.ObjectMapper.readValue",
        "com.fasterxml.jackson.databind.ObjectMapper.convertValue",
        "com.fasterxml.jackson.databind.ObjectMapper.treeToValue",
        "com.fasterxml.jackson.databind.json.JsonMapper.readValue",
        "org.codehaus.jackson.map.ObjectMapper.readValue",
      ],
      kinds: ["call"],
      dataArgs: [1],
      dataReceiver: false,
      requiresUntrusted: true,
      check: checkRequestClass,
      message: (m) => `${spelled(m)} creates an instance of a class the request names: any class with a public constructor and setters (JNDI data sources, template and pool classes) can be built, and its setters run code. Map request values to a fixed set of your own classes.`,
    },
    {
      targets: [
        "com.fasterxml.jackson.databind.ObjectMapper.enableDefaultTyping",
        "com.fasterxml.jackson.databind.ObjectMapper.enableDefaultTypingAsProperty",
        "org.codehaus.jackson.map.ObjectMapper.enableDefaultTyping",
        "org.codehaus.jackson.map.ObjectMapper.enableDefaultTypingAsProperty",
      ],
      kinds: ["call"],
      dataArgs: [],
      message: (m) => `${spelled(m)} lets every JSON document name the class to instantiate for \`Object\` and other non-final properties; gadget classes in the class path run code (dozens of jackson-databind CVEs). ${ADVICE}`,
    },
    {
      targets: [
        "com.fasterxml.jackson.databind.ObjectMapper.activateDefaultTyping",
        "com.fasterxml.jackson.databind.ObjectMapper.activateDefaultTypingAsProperty",
        "com.fasterxml.jackson.databind.json.JsonMapper.Builder.activateDefaultTyping",
        "com.fasterxml.jackson.databind.cfg.MapperBuilder.activateDefaultTyping",
        "*.activateDefaultTyping",
        "*.activateDefaultTypingAsProperty",
      ],
      kinds: ["call"],
      dataArgs: [],
      check: checkActivate,
      message: (m) => `${spelled(m)} with a permissive validator. ${ADVICE}`,
    },
    {
      targets: [
        "com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS",
        "com.fasterxml.jackson.annotation.JsonTypeInfo.Id.MINIMAL_CLASS",
        "org.codehaus.jackson.annotate.JsonTypeInfo.Id.CLASS",
        "org.codehaus.jackson.annotate.JsonTypeInfo.Id.MINIMAL_CLASS",
      ],
      kinds: ["reference"],
      check: checkTypeInfo,
      message: () => `Class-name type information on an open property type. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects Jackson default typing (`enableDefaultTyping`, `activateDefaultTyping` with a permissive validator) and `@JsonTypeInfo(use = Id.CLASS)` on `Object`/`Serializable` properties.",
    description:
      "With polymorphic typing the JSON carries the class name to instantiate. When the declared type is `Object`, " +
      "`Serializable` or similar, any class in the class path qualifies, and Jackson's own blocklist of gadget classes " +
      "(JNDI data sources, XSLT templates, connection pools) has needed well over a hundred additions " +
      "(CVE-2017-7525 and successors). `enableDefaultTyping()` turns this on for every non-final type; " +
      "`activateDefaultTyping` (2.10+) is as dangerous with `LaissezFaireSubTypeValidator` or a validator that allows " +
      "`Object`/`java.*`. The rule also reports `@JsonTypeInfo(use = Id.CLASS | Id.MINIMAL_CLASS)` on fields, " +
      "accessors and parameters of such open types; on a class hierarchy of your own it is not reported.",
    securityImplications: "Whoever sends the JSON can instantiate gadget classes and run code or reach internal services (JNDI).",
    howToFix:
      "Drop default typing. Where polymorphism is needed, use `@JsonTypeInfo(use = Id.NAME)` with an explicit " +
      "`@JsonSubTypes` list, or `activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType(" +
      "\"com.example.dto.\").build(), ...)`.",
    fixHint: "Remove default typing; use Id.NAME with @JsonSubTypes or a validator allowing only your packages.",
    vulnerableExample: ["ObjectMapper mapper = new ObjectMapper();", "mapper.enableDefaultTyping();", "Object value = mapper.readValue(body, Object.class);"].join("\n"),
    safeExample: [
      "PolymorphicTypeValidator ptv = BasicPolymorphicTypeValidator.builder()",
      "    .allowIfSubType(\"com.example.events.\").build();",
      "mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);",
    ].join("\n"),
    detectionScope:
      "`enableDefaultTyping*` on receivers resolved to Jackson's `ObjectMapper` (2.x and 1.x); `activateDefaultTyping*` " +
      "on any receiver (mapper builders are chained) whose validator argument, inline or from its local variable, is " +
      "`LaissezFaireSubTypeValidator` or allows an open base or subtype (`Object`, `Serializable`, `Comparable`, ..., as a class or a name prefix such as `\"java.lang.Object\"`), `java` prefixes or everything; " +
      "`JsonTypeInfo.Id.CLASS`/`MINIMAL_CLASS` inside `@JsonTypeInfo` on a property of an open type (also element " +
      "types of collections, maps and arrays).",
    references: [
      { title: "Jackson: On Jackson CVEs: Don't Panic", url: "https://cowtowncoder.medium.com/on-jackson-cves-dont-panic-here-is-what-you-need-to-know-54cd0d6e8062" },
      { title: "Jackson databind: Polymorphic Deserialization", url: "https://github.com/FasterXML/jackson-docs/wiki/JacksonPolymorphicDeserialization" },
      { title: "NVD: CVE-2017-7525", url: "https://nvd.nist.gov/vuln/detail/CVE-2017-7525" },
    ],
    faq: [{ question: "Is `@JsonTypeInfo(use = Id.CLASS)` on my own abstract base class reported?", answer: "No: only subclasses of that base can be created. It is reported on `Object`, `Serializable` and other types every class can satisfy." }],
  },
});
