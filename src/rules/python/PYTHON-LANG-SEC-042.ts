import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { argumentTruth, unpicklingMessage, spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const ADVICE = "Decode untrusted JSON with `json.loads` and build objects explicitly (dataclasses, pydantic).";
const message = unpicklingMessage("jsonpickle, whose `py/reduce` and `py/object` tags call arbitrary functions", ADVICE);

/** `safe=False` additionally enables `eval` of `py/repr` values; mention it, the call is dangerous either way. */
function check(m: SinkMatch): SinkOutcome {
  if (m.via !== "call" || m.target === "jsonpickle.Unpickler") return {};
  const safe = m.args.find("safe");
  if (!safe || argumentTruth(m, safe) !== false) return {};
  return {
    message: `${spelled(m)} with \`safe=False\` also evaluates \`py/repr\` values with eval(), on top of \`py/reduce\`/\`py/object\` tags that call arbitrary functions. ${ADVICE}`,
  };
}

export default defineRule({
  id: "PYTHON-LANG-SEC-042",
  name: "Jsonpickle Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "jsonpickle", "json", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-041"],
  prefilter: ["jsonpickle"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["jsonpickle.decode", "jsonpickle.loads", "jsonpickle.Unpickler"], subclasses: true, references: true, check, message }],
  docs: {
    summary: "Detects jsonpickle decoding (`jsonpickle.decode`, `jsonpickle.loads`, `jsonpickle.Unpickler`), which rebuilds arbitrary Python objects and can run code.",
    description:
      "jsonpickle looks like JSON but carries pickle semantics: `{\"py/reduce\": [{\"py/function\": \"os.system\"}, ...]}` " +
      "calls a function while decoding, `py/object` instantiates any importable class, and with `safe=False` `py/repr` " +
      "values are passed to `eval`. The `safe` flag does not make decoding safe: `py/reduce` and `py/object` are honoured " +
      "either way (CVE-2020-22083, disputed by the project as intended behaviour). This rule reports `jsonpickle.decode`, " +
      "`jsonpickle.loads`, `jsonpickle.unpickler.decode`, and construction of `jsonpickle.Unpickler` (and local " +
      "subclasses), through aliases, rebinding, constant dynamic imports, and when passed as a callback.",
    securityImplications:
      "jsonpickle payloads are text, so they pass through places binary pickles would not: HTTP request bodies, " +
      "cookies, database columns, Redis values, message queues and log pipelines. Anyone who can write such a value " +
      "runs code in the decoding process.",
    howToFix: {
      steps: [
        "Parse untrusted input with `json.loads`.",
        "Construct your objects explicitly, for example with dataclasses, `pydantic` models or `marshmallow` schemas, which validate fields instead of importing classes named by the data.",
        "Keep jsonpickle for data the process produced itself and no one else can modify.",
      ],
    },
    fixHint: "Use json.loads plus explicit construction (dataclasses/pydantic) instead of jsonpickle.decode.",
    vulnerableExample: [
      "import jsonpickle",
      "from flask import request",
      "",
      "@app.post(\"/cart\")",
      "def restore_cart():",
      "    cart = jsonpickle.decode(request.get_data(as_text=True))  # py/reduce runs code",
      "    return cart.total()",
    ].join("\n"),
    safeExample: [
      "import json",
      "from flask import request",
      "",
      "@app.post(\"/cart\")",
      "def restore_cart():",
      "    cart = Cart.from_dict(json.loads(request.get_data()))  # explicit, validated fields",
      "    return cart.total()",
    ].join("\n"),
    detectionScope:
      "Calls of `jsonpickle.decode`, `jsonpickle.loads`, `jsonpickle.unpickler.decode` and `jsonpickle.Unpickler` / " +
      "`jsonpickle.unpickler.Unpickler` resolved through imports, aliases, rebinding and constant dynamic imports; " +
      "instantiation of local subclasses of `Unpickler`; the decode functions passed uncalled as callbacks (medium " +
      "confidence). `jsonpickle.encode`/`dumps` are not findings. Every decode is reported whatever its `safe`, " +
      "`classes` or `keys` arguments, because none of them blocks `py/reduce`.",
    references: [
      { title: "jsonpickle documentation (security warning)", url: "https://jsonpickle.github.io/" },
      { title: "jsonpickle API: decode", url: "https://jsonpickle.github.io/api.html" },
      { title: "CVE-2020-22083 / GHSA-j66q-qmrc-89rx: jsonpickle remote code execution in decode()", url: "https://github.com/advisories/GHSA-j66q-qmrc-89rx" },
      { title: "Bandit B301: pickle (includes jsonpickle)", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
      { title: "Ruff S301: suspicious-pickle-usage (includes jsonpickle)", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "We pass `safe=True`. Why is it still reported?",
        answer:
          "`safe` only disables `eval` of legacy `py/repr` values. `py/reduce` and `py/object`, which call functions and " +
          "instantiate classes, are still processed; published exploits use them.",
      },
      {
        question: "Is jsonpickle output not just JSON?",
        answer: "It is JSON syntax with pickle semantics. Reading it with `json.loads` is safe; reading it with jsonpickle is not.",
      },
      { question: "Is `jsonpickle.encode` reported?", answer: "No. Encoding runs no attacker-controlled code." },
    ],
  },
});
