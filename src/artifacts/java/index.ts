// Java serialization streams found in a project (`.ser` files, test fixtures, caches; also base64 `rO0AB...`
// text) checked for the classes gadget chains are made of. Browser-safe, read-only, bounded.
import { stableHash } from "../../core/hash.js";
import type { Finding, RuleMeta } from "../../core/types.js";
import { SOURCE_DESERIALIZATION_COMPLIANCE, SOURCE_DESERIALIZATION_REFERENCES } from "../../rules/source-docs.js";
import { GADGET_CLASSES, GADGET_PREFIXES } from "./gadgets.js";
import { isJavaStream, readJavaStream, type JavaStreamAnalysis } from "./stream.js";

export { isJavaStream, readJavaStream, type JavaStreamAnalysis } from "./stream.js";

/** Base64 of the stream magic `AC ED 00 05`. */
const BASE64_MAGIC = "rO0AB";

export interface GadgetHit {
  className: string;
  offset: number;
  chains: string[];
  executes: boolean;
}

export interface JavaStreamScan {
  /** `binary` or `base64` (the file holds the stream as base64 text). */
  encoding: "binary" | "base64";
  analysis: JavaStreamAnalysis;
  gadgets: GadgetHit[];
  findings: Finding[];
}

/** Whether a file's first bytes are a Java serialization stream, raw or base64. */
export function isJavaStreamCandidate(head: Uint8Array): boolean {
  if (isJavaStream(head)) return true;
  let i = 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09 || head[i] === 0x22)) i++;
  return [...BASE64_MAGIC].every((c, k) => head[i + k] === c.charCodeAt(0));
}

/** The stream bytes of a file: as is, or decoded from base64 text. Undefined when it is neither. */
export function javaStreamBytes(bytes: Uint8Array): { bytes: Uint8Array; encoding: "binary" | "base64" } | undefined {
  if (isJavaStream(bytes)) return { bytes, encoding: "binary" };
  const text = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024 * 1024))).trim().replace(/^"|"$/g, "");
  const token = /^rO0AB[A-Za-z0-9+/=_-]*/.exec(text)?.[0];
  if (!token) return undefined;
  try {
    const clean = token.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
    const decoded = Uint8Array.from(atob(clean + "=".repeat((4 - (clean.length % 4)) % 4)), (c) => c.charCodeAt(0));
    return isJavaStream(decoded) ? { bytes: decoded, encoding: "base64" } : undefined;
  } catch {
    return undefined;
  }
}

export function findGadgets(analysis: JavaStreamAnalysis): GadgetHit[] {
  const hits: GadgetHit[] = [];
  const names = [
    ...analysis.classes.map((c) => ({ name: c.name, offset: c.offset })),
    ...analysis.proxies.flatMap((p) => p.interfaces.map((name) => ({ name, offset: p.offset }))),
  ];
  const seen = new Set<string>();
  for (const { name, offset } of names) {
    if (seen.has(name)) continue;
    const known = GADGET_CLASSES[name];
    const prefix = known ? undefined : GADGET_PREFIXES.find((p) => name.startsWith(p.prefix));
    if (!known && !prefix) continue;
    seen.add(name);
    hits.push({ className: name, offset, chains: known?.chains ?? [prefix!.chain], executes: known?.executes ?? prefix!.prefix.startsWith("ysoserial") });
  }
  return hits;
}

/** Analyses one file's bytes; findings only when the stream names gadget-chain classes. */
export function scanJavaStream(bytes: Uint8Array, file: string): JavaStreamScan | undefined {
  const stream = javaStreamBytes(bytes);
  if (!stream) return undefined;
  const analysis = readJavaStream(stream.bytes);
  const gadgets = findGadgets(analysis);
  const findings: Finding[] = [];
  if (gadgets.length) {
    const chains = [...new Set(gadgets.flatMap((g) => g.chains))];
    const executing = gadgets.filter((g) => g.executes);
    const first = executing[0] ?? gadgets[0];
    findings.push({
      ruleId: JAVA_STREAM_GADGET_RULE.id,
      ruleName: JAVA_STREAM_GADGET_RULE.name,
      message:
        `Java serialization stream${stream.encoding === "base64" ? " (base64)" : ""} names gadget-chain classes: ` +
        `${gadgets.map((g) => g.className).slice(0, 6).join(", ")}${gadgets.length > 6 ? ", ..." : ""} ` +
        `(${chains.slice(0, 5).join(", ")}${chains.length > 5 ? ", ..." : ""}). Deserializing it ${executing.length ? "runs code" : "can run code"}; ` +
        "see `pathfinder inspect` for the class list.",
      severity: executing.length ? "critical" : "high",
      confidence: executing.length ? "high" : "medium",
      location: { file, line: 1, column: 1, endLine: 1, endColumn: 1, snippet: "", offset: first.offset },
      cwe: ["CWE-502"],
      owasp: ["A08:2021"],
      fingerprint: stableHash(`${JAVA_STREAM_GADGET_RULE.id}|${file}|${gadgets.map((g) => g.className).join(",")}`),
    });
  }
  return { encoding: stream.encoding, analysis, gadgets, findings };
}

export const JAVA_STREAM_GADGET_RULE: RuleMeta = {
  id: "JAVA-ARTIFACT-001",
  name: "Java Serialization Stream Names Gadget-Chain Classes",
  language: "artifact",
  severity: "critical",
  confidence: "high",
  precision: "very-high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: SOURCE_DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "java", "artifact", "ysoserial", "gadget-chain", "cwe-502"],
  bundles: ["artifacts"],
  banditIds: [],
  similar: ["JAVA-LANG-SEC-001", "PICKLE-ARTIFACT-001"],
  docs: {
    summary: "Detects Java serialization streams (`AC ED 00 05`, raw or base64 `rO0AB...`) in the project that name classes gadget chains are built from.",
    description:
      "A Java serialization stream lists the class of every object it holds in a class descriptor. The scanner " +
      "reads those descriptors statically (nothing is loaded or instantiated) from `.ser` files, caches, test " +
      "fixtures and base64 text, and compares them with the classes of known gadget chains: the ysoserial catalogue " +
      "(Commons Collections transformers, Commons Beanutils, TemplatesImpl, Spring, Groovy, ROME, C3P0, Hibernate, " +
      "BeanShell, Rhino, MyFaces, Jython, Clojure, FileUpload, ...) and JNDI references. A stream naming a class " +
      "that executes (a transformer invoking methods, bytecode loading, a JNDI lookup) is critical; one naming " +
      "only chain links is high.",
    securityImplications:
      "Such a file is an exploit payload: whoever deserializes it (a test, a cache loader, a service fed the file) " +
      "runs the attacker's code. Its presence in a repository means a payload is stored where tooling or people may " +
      "load it, or that an attack against the application was captured.",
    howToFix:
      "Remove the file unless it is a deliberate security test fixture; then keep it out of anything that " +
      "deserializes it outside the test, and suppress the finding with `disable` or a baseline entry. Make the " +
      "code that reads such streams use an `ObjectInputFilter` allowlist (JAVA-LANG-SEC-001).",
    fixHint: "Delete the payload, or keep it as an isolated test fixture and baseline the finding.",
    vulnerableExample: "payload.ser: AC ED 00 05 73 72 00 32 73 75 6E 2E 72 65 66 6C 65 63 74 ... (sun.reflect.annotation.AnnotationInvocationHandler, org.apache.commons.collections.functors.InvokerTransformer)",
    safeExample: "state.ser: AC ED 00 05 73 72 00 15 63 6F 6D 2E 65 78 61 6D 70 6C 65 2E 53 74 61 74 65 ... (com.example.State, java.util.ArrayList)",
    detectionScope:
      "Files starting with the stream magic or with base64 text `rO0AB...`; every validated TC_CLASSDESC and " +
      "TC_PROXYCLASSDESC record anywhere in the stream (also inside custom writeObject data), matched exactly " +
      "against the gadget catalogue. Streams without such classes are not reported.",
    references: [
      { title: "Java Object Serialization Specification: stream grammar", url: "https://docs.oracle.com/en/java/javase/17/docs/specs/serialization/protocol.html" },
      { title: "ysoserial: payloads for unsafe Java object deserialization", url: "https://github.com/frohoff/ysoserial" },
      ...SOURCE_DESERIALIZATION_REFERENCES,
    ],
    faq: [
      { question: "Is every .ser file reported?", answer: "No: only streams that name gadget-chain classes. Ordinary application state is read and ignored." },
      { question: "How do I see what the stream contains?", answer: "Run `pathfinder inspect FILE`: it lists every class descriptor with its offset, fields and serialVersionUID, and the gadget chains they belong to." },
    ],
  },
};
