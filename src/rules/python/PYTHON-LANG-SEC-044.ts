import { code, defineRule, referenced, type SinkMatch } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

function message(m: SinkMatch): string {
  const head = m.via === "reference" ? `${spelled(m)} ${referenced(m)}: every value it is applied to is unmarshalled` : `${spelled(m)} unmarshals its input`;
  return (
    `${head}. marshal is not secure against crafted data: it can crash the interpreter and builds code objects that ` +
    `callers may execute. Use a data-only format such as JSON for anything not produced by this process.`
  );
}

export default defineRule({
  id: "PYTHON-LANG-SEC-044",
  name: "Marshal Deserialization of Untrusted Data",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "marshal", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B302"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-045"],
  prefilter: ["marshal"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["marshal.load", "marshal.loads"], references: true, message }],
  docs: {
    summary: "Detects `marshal.load` and `marshal.loads`, which are not safe on data that could come from an untrusted source.",
    description:
      "`marshal` is CPython's internal format for `.pyc` files. Its documentation warns that it is not intended to be " +
      "secure against erroneous or maliciously constructed data. Unlike pickle it cannot call functions while loading, but " +
      "it reconstructs code objects, and crafted input has repeatedly crashed or corrupted the interpreter. This rule " +
      "reports every `marshal.load` and `marshal.loads` call, also through aliases (`from marshal import loads as l`), " +
      "rebinding, dynamic imports with constant names, and `marshal.loads` passed as a callback.",
    securityImplications:
      "A marshalled blob from an attacker can carry a code object that the application later runs (`exec`, `types.FunctionType`), " +
      "which is the classic way of smuggling bytecode into caches and plugin systems, and malformed input can crash the " +
      "process (denial of service) or trigger memory-safety bugs in the loader. The format also changes between Python " +
      "versions, so data exchanged across versions breaks silently.",
    howToFix: {
      steps: [
        "Use `marshal` only for data this process wrote and no one else can modify (for example a private cache under a directory the application owns).",
        "For data exchange use `json`, `msgpack` or Protocol Buffers.",
        "If bytes must travel, authenticate them with an HMAC (`hmac.compare_digest`) before loading.",
      ],
    },
    fixHint: "Use json/msgpack for data exchange; keep marshal for private, integrity-protected caches only.",
    vulnerableExample: [
      "import marshal",
      "",
      "def load_plugin(blob):",
      "    code_obj = marshal.loads(blob)  # attacker bytes become bytecode",
      "    exec(code_obj)",
    ].join("\n"),
    safeExample: [
      "import json",
      "",
      "def load_settings(blob):",
      "    return json.loads(blob)  # data only",
    ].join("\n"),
    detectionScope:
      "Calls of `marshal.load` and `marshal.loads` resolved through imports, aliases, `from marshal import *`, rebinding, " +
      "`importlib.import_module(\"marshal\")`/`__import__(\"marshal\")`, `getattr(marshal, \"loads\")`, and `marshal.loads` " +
      "passed uncalled as a callback (medium confidence). `marshal.dump`/`dumps` are not findings. Every call is reported " +
      "regardless of the data's origin, because the analysis does not prove where bytes come from; suppress a reviewed " +
      "call on private data with `# pathfinder: ignore[PYTHON-LANG-SEC-044]`.",
    references: [
      { title: "Python documentation: marshal (security warning)", url: "https://docs.python.org/3/library/marshal.html" },
      { title: "Bandit B302: marshal", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b302-marshal" },
      { title: "Ruff S302: suspicious-marshal-usage", url: "https://docs.astral.sh/ruff/rules/suspicious-marshal-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "marshal cannot call functions while loading. Why is it reported?",
        answer:
          "It can still hand the caller attacker-built code objects and crash the interpreter on malformed input; the " +
          "Python documentation explicitly says it is not secure against malicious data. The severity is medium rather " +
          "than high for that reason.",
      },
      {
        question: "We use marshal for a cache we write ourselves.",
        answer:
          "That is the intended use. Make sure no other user or service can write the cache location, then suppress the " +
          "finding with a justification.",
      },
      { question: "Is `marshal.dumps` reported?", answer: `No. Only loading is dangerous; ${code("dump")}/${code("dumps")} are never reported.` },
    ],
  },
});
