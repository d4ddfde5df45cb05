import { ancestor, childByField, descendants, type Node } from "../../languages/common/syntax.js";
import type { JavaModel } from "../../languages/java/model.js";
import type { LanguageOutcome, LanguageRule } from "../language-rule.js";
import { DATA_FLOW_FAQ, SOURCE_DESERIALIZATION_COMPLIANCE, SOURCE_DESERIALIZATION_REFERENCES, suppressionFaq } from "../source-docs.js";
import { callsOnSameObject, constructionOf, insideMethod, receiverIsParameterOf, spelled, type JavaMatch } from "./helpers.js";

const ADVICE = "Do not deserialize Java objects from untrusted data; exchange JSON or another data-only format, or set an `ObjectInputFilter` allowlist before reading.";

const READ_HOOKS = ["readObject", "readExternal", "readObjectNoData", "readResolve"];

/** The hooks a class uses to read its own serialized form: the stream is already being deserialized. */
function isCustomReadHook(m: JavaMatch): boolean {
  for (const hook of READ_HOOKS) {
    const fn = insideMethod(m.site.node, m.model, hook);
    if (fn && receiverIsParameterOf(m, fn)) return true;
  }
  return false;
}

/** How many helpers deep a read hook's stream is followed (Tomcat's DeltaSession: readExternal, readObjectData, two doReadObject overloads). */
const HOOK_HELPER_DEPTH = 4;

/** The method around the read when the stream it reads is one of that method's parameters. */
function streamParameterMethod(m: JavaMatch): Node | undefined {
  const fn = ancestor(m.site.node, "method_declaration");
  return fn && m.site.receiver && receiverIsParameterOf(m, fn) ? fn : undefined;
}

/**
 * Whether `method` is reached from a read hook of its class with the hook's stream: the class reads its own serialized
 * form through helpers (Tomcat's `DeltaSession.readExternal` -> `readObjectData` -> `doReadObject`). Overloads count
 * by name and argument count; the stream must be passed on as a parameter of the caller (casts allowed).
 */
function reachedFromReadHook(m: JavaMatch, method: Node, depth = 0): boolean {
  const name = m.model.text(childByField(method, "name") ?? method);
  if (READ_HOOKS.includes(name)) return true;
  const cls = ancestor(method, "class_body");
  const params = childByField(method, "parameters")?.children.filter((c) => c.type === "formal_parameter").length ?? 0;
  if (!cls || depth >= HOOK_HELPER_DEPTH) return false;
  for (const call of descendants(cls)) {
    if (call.type !== "method_invocation") continue;
    const object = childByField(call, "object");
    if ((object && object.type !== "this") || m.model.text(childByField(call, "name") ?? call) !== name) continue;
    const args = childByField(call, "arguments")?.children.filter((c) => !c.type.endsWith("comment")) ?? [];
    const caller = ancestor(call, "method_declaration");
    if (args.length !== params || !caller || caller === method || ancestor(caller, "class_body") !== cls) continue;
    const passesStream = args.some((a) => {
      const inner = strippedOfCasts(a);
      const decl = inner.type === "identifier" ? m.model.declarationOf(m.model.text(inner), inner) : undefined;
      return decl?.kind === "parameter" && decl.scope === caller;
    });
    if (passesStream && reachedFromReadHook(m, caller, depth + 1)) return true;
  }
  return false;
}

function strippedOfCasts(n: Node): Node {
  while (n.type === "parenthesized_expression" || n.type === "cast_expression") {
    const next = n.type === "cast_expression" ? childByField(n, "value") : n.children[0];
    if (!next) break;
    n = next;
  }
  return n;
}

/** A stream a method is given is one stream however often it reads it: its first read is the finding. */
function laterReadOfSameParameter(m: JavaMatch, fn: Node): boolean {
  return callsOnSameObject(m, ["readObject", "readUnshared"]).some((s) => s.node.start < m.site.node.start && ancestor(s.node, "method_declaration") === fn);
}

/**
 * A filter that rejects no class: a `createFilter` pattern without a `!` entry (limits such as `maxdepth` only), or
 * a lambda that answers `ALLOWED` and never `REJECTED`. JEP 290: a class the filter leaves `UNDECIDED` is accepted.
 */
function rejectsNothing(m: JavaMatch, filter: Node | undefined): boolean {
  if (!filter) return false;
  const text = m.model.text(filter);
  if (filter.type === "lambda_expression") return /\bALLOWED\b/.test(text) && !/\bREJECTED\b/.test(text);
  const pattern = /^(?:(?:java\.io\.)?ObjectInputFilter\.)?(?:Config\.)?createFilter\s*\(\s*"([^"\\]*)"\s*\)$/.exec(text.trim())?.[1];
  return pattern !== undefined && !pattern.includes("!");
}

/** An allowlist set before the read: on the stream, JVM-wide from code, or through `jdk.serialFilter`. */
function filterBeforeRead(m: JavaMatch): string | undefined {
  const own = callsOnSameObject(m, ["setObjectInputFilter"]).find((s) => s.node.start < m.site.node.start);
  if (own && rejectsNothing(m, own.args[0])) return undefined;
  if (own) return "an `ObjectInputFilter` is set on this stream before reading";
  for (const s of m.model.sites) {
    if (s.targets.some((t) => t === "java.io.ObjectInputFilter.Config.setSerialFilter" || t === "java.io.ObjectInputFilter.Config.setSerialFilterFactory")) {
      return "a JVM-wide `ObjectInputFilter` is set in this file";
    }
    if (s.targets.includes("java.lang.System.setProperty") && s.args[0] && m.model.text(s.args[0]) === '"jdk.serialFilter"') {
      return "`jdk.serialFilter` is set in this file";
    }
  }
  return undefined;
}

/** A subclass (named or anonymous) that overrides `resolveClass`: look-ahead deserialization. */
function overridesResolveClass(m: JavaMatch): boolean {
  const decl = m.site.receiverType?.declaration;
  if (!decl) return false;
  const body = decl.type === "class_body" ? decl : childByField(decl, "body");
  if (!body) return false;
  return body.children.some((c) => c.type === "method_declaration" && m.model.text(childByField(c, "name") ?? c) === "resolveClass");
}

/** Library subclasses that only choose a class loader: they filter nothing. */
const LOADER_ONLY_STREAMS = /(^|\.)ClassLoaderObjectInputStream$/;

/**
 * `ObjectInputStream s = new X(...)` with `X` neither `java.io` nor declared in this file: a subclass from another
 * file of the project, which usually exists to override `resolveClass` (Tomcat's `CustomObjectInputStream` filters
 * there, its `ReplicationStream` only picks a class loader). The file cannot show which; the name of `X`.
 */
function subclassFromElsewhere(m: JavaMatch): string | undefined {
  if (!m.site.receiverType?.name.startsWith("java.io.")) return undefined;
  const creation = constructionOf(m);
  const type = creation && childByField(creation, "type");
  if (!type || childByField(creation, "body")) return undefined;
  const written = m.model.text(type).replace(/<[\s\S]*>/, "").replace(/\s+/g, "");
  const resolved = m.model.resolveTypeName(written) ?? written;
  return resolved.startsWith("java.") || resolved.startsWith("<local>.") || LOADER_ONLY_STREAMS.test(resolved) ? undefined : written;
}

function check(m: JavaMatch): LanguageOutcome | null {
  if (isCustomReadHook(m)) return null;
  const given = streamParameterMethod(m);
  if (given && (reachedFromReadHook(m, given) || laterReadOfSameParameter(m, given))) return null;
  const filter = filterBeforeRead(m);
  if (filter) {
    return {
      severity: "low",
      confidence: "low",
      message: `${spelled(m)} deserializes Java objects; ${filter}, which blocks gadget classes only if it is a strict allowlist. Review the filter.`,
    };
  }
  if (overridesResolveClass(m)) {
    return {
      severity: "medium",
      confidence: "medium",
      message: `${spelled(m)} reads through an \`ObjectInputStream\` subclass that overrides \`resolveClass\` (look-ahead deserialization); it is safe only if \`resolveClass\` rejects every class outside a strict allowlist. Prefer an \`ObjectInputFilter\`.`,
    };
  }
  const elsewhere = subclassFromElsewhere(m);
  if (elsewhere) {
    return {
      severity: "medium",
      confidence: "medium",
      message: `${spelled(m)} reads through \`${elsewhere}\`, a subclass of \`ObjectInputStream\` declared in another file; it is safe only if its \`resolveClass\` rejects every class outside a strict allowlist (an override that only picks a class loader filters nothing). Review that class, or set an \`ObjectInputFilter\`.`,
    };
  }
  const viaSubclass = m.site.receiverType && !m.site.receiverType.name.startsWith("java.io.");
  return viaSubclass ? { message: `${spelled(m)} on ${m.site.receiverType!.name.replace(/^<local>\./, "")}, a subclass of \`ObjectInputStream\`, deserializes arbitrary Java objects: gadget chains (ysoserial) in the class path run code. ${ADVICE}` } : {};
}

export default {
  id: "JAVA-LANG-SEC-001",
  name: "Java Native Deserialization (ObjectInputStream)",
  language: "java",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: SOURCE_DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "java", "objectinputstream", "ysoserial", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: [],
  similar: ["JAVA-LANG-SEC-009", "JAVA-LANG-SEC-008", "JAVA-LANG-SEC-007"],
  prefilter: ["readObject", "readUnshared"],
  sinks: [
    {
      targets: ["java.io.ObjectInputStream.readObject", "java.io.ObjectInputStream.readUnshared", "java.io.ObjectInput.readObject"],
      kinds: ["call"],
      check,
      message: (m) => `${spelled(m)} deserializes arbitrary Java objects: any \`Serializable\` class in the class path can be instantiated, and gadget chains (ysoserial: commons-collections, Spring, Groovy, ...) run code while reading. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects `ObjectInputStream.readObject`/`readUnshared` (also `ObjectInput`, subclasses, fields and try-with-resources streams) on data that is not filtered by an allowlist.",
    description:
      "Java's native serialization rebuilds whatever classes the stream names, calling their `readObject`, " +
      "`readResolve` and related hooks along the way. Libraries on almost every class path (Apache Commons " +
      "Collections, Spring, Groovy, ROME, C3P0, ...) contain classes whose hooks can be chained into code execution: " +
      "the ysoserial tool builds such payloads ready-made, and a decade of CVEs (WebLogic, JBoss, Jenkins, Apache " +
      "Commons, ...) came from this one call. This rule resolves the receiver of `readObject`/`readUnshared` to " +
      "`java.io.ObjectInputStream` or `java.io.ObjectInput` through imports, local variables, `var`, fields, casts, " +
      "try-with-resources and classes (named or anonymous) that extend `ObjectInputStream`.",
    securityImplications:
      "Whoever controls the bytes (an HTTP body, a cookie, a message on a queue, a file, an RMI or socket connection) " +
      "runs code in the JVM with its privileges. When request data reaches the stream in the same method, the finding " +
      "is critical and carries the trace.",
    howToFix:
      "Replace Java serialization with a data-only format (JSON with a fixed schema, Protocol Buffers). Where it must " +
      "stay, set a strict allowlist before the first read: `ois.setObjectInputFilter(ObjectInputFilter.Config." +
      "createFilter(\"com.example.dto.*;java.base/*;!*\"))` (Java 9+, 8u121+), or a JVM-wide `jdk.serialFilter`. " +
      "Apache Commons IO's `ValidatingObjectInputStream` with `accept(...)` is an alternative; a `resolveClass` " +
      "override that only blocks known gadgets is not.",
    fixHint: "Set an ObjectInputFilter allowlist before readObject, or stop deserializing Java objects from untrusted data.",
    vulnerableExample: [
      "@PostMapping(\"/import\")",
      "public Object importState(HttpServletRequest request) throws Exception {",
      "    try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {",
      "        return in.readObject();  // gadget chains run code",
      "    }",
      "}",
    ].join("\n"),
    safeExample: [
      "try (ObjectInputStream in = new ObjectInputStream(stream)) {",
      "    in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(\"com.example.dto.*;!*\"));",
      "    return (State) in.readObject();  // reported at low severity: review the filter",
      "}",
    ].join("\n"),
    detectionScope:
      "Calls of `readObject`/`readUnshared` whose receiver resolves to `java.io.ObjectInputStream`, `java.io.ObjectInput` " +
      "or a class of the file deriving from them, through single-type, on-demand and same-package names, locals, " +
      "parameters, `var`, fields (also assigned in constructors), casts and anonymous subclasses. Not reported: reads " +
      "inside a class's own `readObject`/`readExternal` hook from the stream it is given (also in the class's helpers the " +
      "hook passes that stream to), reads of a stream a method is given after its first read (one finding per stream), and " +
      "`ValidatingObjectInputStream`. Lowered: a stream with `setObjectInputFilter` before the read (unless the filter " +
      "rejects no class: a `createFilter` pattern without a `!` entry, a lambda that never answers `REJECTED`) or a JVM-wide " +
      "filter set in the file (low), a subclass overriding `resolveClass` (medium), a stream built as a subclass of " +
      "`ObjectInputStream` that another file declares (medium: its `resolveClass` may hold an allowlist; review it). " +
      "Critical with a trace: request data (Spring/JAX-RS handler parameters, servlet request getters, socket input) reaching the stream in the same method.",
    references: [
      { title: "Java SE: Serialization Filtering (ObjectInputFilter)", url: "https://docs.oracle.com/en/java/javase/17/core/serialization-filtering1.html" },
      { title: "ysoserial: payloads for unsafe Java object deserialization", url: "https://github.com/frohoff/ysoserial" },
      { title: "Oracle Secure Coding Guidelines for Java SE, section 8 (Serialization)", url: "https://www.oracle.com/java/technologies/javase/seccodeguide.html" },
      ...SOURCE_DESERIALIZATION_REFERENCES,
    ],
    faq: [
      { question: "We override `resolveClass` with a blocklist. Is that enough?", answer: "No: new gadget chains keep appearing. An allowlist (`ObjectInputFilter`, `ValidatingObjectInputStream.accept`) is the only robust filter; the finding is lowered to medium for a `resolveClass` override so it can be reviewed." },
      { question: "Why is `in.readObject()` inside my class's `readObject(ObjectInputStream in)` not reported?", answer: "That hook runs while an outer stream is already being deserialized; the finding belongs to the outer `readObject` call." },
      DATA_FLOW_FAQ,
      suppressionFaq("annotate the enclosing method or class with `@SuppressWarnings(\"pathfinder:JAVA-LANG-SEC-001\")`"),
    ],
  },
} satisfies LanguageRule<JavaModel>;
