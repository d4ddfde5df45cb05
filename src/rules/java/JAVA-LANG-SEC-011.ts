import type { LanguageOutcome } from "../language-rule.js";
import { isLiteral, spelled, type JavaMatch } from "./helpers.js";
import { javaRule } from "./meta.js";

const ADVICE = "Keep AutoType off, turn on safe mode (`ParserConfig.getGlobalInstance().setSafeMode(true)`, `-Dfastjson.parser.safeMode=true`), or move to fastjson2 without `SupportAutoType` or to Jackson without default typing.";

/** `setAutoTypeSupport(true)` on fastjson's `ParserConfig` (reached through `getGlobalInstance()`, so by name in a fastjson file). */
function checkSetting(m: JavaMatch): LanguageOutcome | null {
  if (!isLiteral(m.model, m.site.args[0], "true")) return null;
  if (m.target.startsWith("*.") && !m.model.importsFrom("com.alibaba.fastjson")) return null;
  return {};
}

/** A parse of request data, unless the file turns safe mode on. */
function checkParse(m: JavaMatch): LanguageOutcome | null {
  const safeMode = m.model.sites.some((s) => s.kind === "call" && s.targets.some((t) => t.endsWith(".setSafeMode")) && isLiteral(m.model, s.args[0], "true"));
  return safeMode ? null : {};
}

export default javaRule({
  id: "JAVA-LANG-SEC-011",
  name: "Fastjson AutoType Deserialization",
  tags: ["fastjson", "json", "autotype", "rce"],
  similar: ["JAVA-LANG-SEC-005", "JAVA-LANG-SEC-001"],
  prefilter: ["fastjson"],
  sinks: [
    {
      targets: ["com.alibaba.fastjson.parser.ParserConfig.setAutoTypeSupport", "*.setAutoTypeSupport"],
      kinds: ["call"],
      dataArgs: [],
      dataReceiver: false,
      check: checkSetting,
      message: (m) => `${spelled(m)}\`(true)\` lets every JSON document name the class to create in \`@type\`: gadget classes (JdbcRowSetImpl, TemplatesImpl, ...) run code. ${ADVICE}`,
    },
    {
      targets: ["com.alibaba.fastjson.parser.Feature.SupportAutoType", "com.alibaba.fastjson2.JSONReader.Feature.SupportAutoType"],
      kinds: ["reference"],
      message: (m) => `${spelled(m)} lets this parse create the class named in \`@type\`: JSON from outside chooses gadget classes that run code. ${ADVICE}`,
    },
    {
      targets: ["com.alibaba.fastjson.JSON.parse", "com.alibaba.fastjson.JSON.parseObject", "com.alibaba.fastjson.JSONObject.parse", "com.alibaba.fastjson.JSONObject.parseObject"],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      requiresUntrusted: true,
      check: checkParse,
      message: (m) => `${spelled(m)} parses request data with fastjson 1.x, whose \`@type\` field names the class to create: AutoType is on by default up to 1.2.24 and bypassed in later versions up to 1.2.80 (CVE-2017-18349, CVE-2022-25845) unless safe mode is on. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects fastjson AutoType: `setAutoTypeSupport(true)`, `Feature.SupportAutoType` (fastjson and fastjson2), and fastjson 1.x `JSON.parse`/`parseObject` of request data without safe mode.",
    description:
      "fastjson reads a class name from a JSON document's `@type` field and creates that class, calling its setters. " +
      "With AutoType on, any class in the class path can be named, and JNDI or template classes (JdbcRowSetImpl, " +
      "TemplatesImpl) run code. fastjson 1.x enabled it by default up to 1.2.24, and its deny lists were bypassed " +
      "release after release up to 1.2.80; fastjson2 turns it on per call with `JSONReader.Feature.SupportAutoType`.",
    securityImplications: "Whoever controls the JSON runs code in the JVM (dozens of fastjson CVEs, widely exploited).",
    howToFix: ADVICE,
    fixHint: "Keep fastjson AutoType off and turn on safe mode, or use fastjson2 without SupportAutoType.",
    vulnerableExample: ["ParserConfig.getGlobalInstance().setAutoTypeSupport(true);", "Object order = JSON.parse(body);"].join("\n"),
    safeExample: ["ParserConfig.getGlobalInstance().setSafeMode(true);", "Order order = JSON.parseObject(body, Order.class);"].join("\n"),
    detectionScope:
      "`setAutoTypeSupport(true)` (on `ParserConfig`, or by name in a file that imports fastjson), references to " +
      "`Feature.SupportAutoType` of fastjson and fastjson2, and fastjson 1.x `JSON.parse`/`JSON.parseObject`/" +
      "`JSONObject.parse*` when request data (handler parameters, servlet request getters) reaches the text in the same " +
      "method and the file does not call `setSafeMode(true)`. Parses of other data are not reported: the version decides.",
    references: [
      { title: "fastjson: enable safeMode (security advisory)", url: "https://github.com/alibaba/fastjson/wiki/fastjson_safemode" },
      { title: "NVD: CVE-2022-25845 (fastjson AutoType bypass)", url: "https://nvd.nist.gov/vuln/detail/CVE-2022-25845" },
      { title: "NVD: CVE-2017-18349 (fastjson before 1.2.25)", url: "https://nvd.nist.gov/vuln/detail/CVE-2017-18349" },
    ],
    faq: [
      {
        question: "We parse into a fixed class: `JSON.parseObject(body, Order.class)`. Is that safe?",
        answer: "Not in fastjson 1.x before safe mode: nested `@type` values and `Object` fields are resolved too. Turn safe mode on, or upgrade to fastjson2 (which ignores `@type` unless asked).",
      },
    ],
  },
});
