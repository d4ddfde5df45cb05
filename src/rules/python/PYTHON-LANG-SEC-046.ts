import { defineRule } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { unpicklerNotLoaded, unpicklingMessage } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const message = unpicklingMessage(
  "dill, a pickle extension that also rebuilds functions, lambdas and whole sessions",
  "Never load dill data that could come from an untrusted source; use a data-only format such as JSON.",
);

export default defineRule({
  id: "PYTHON-LANG-SEC-046",
  name: "Dill Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "dill", "pickle", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-005"],
  prefilter: ["dill"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["dill.load", "dill.loads", "dill.Unpickler"], subclasses: true, references: true, check: (m) => (unpicklerNotLoaded(m) ? null : {}), message },
    { call: ["dill.load_session", "dill.load_module", "dill.load_module_asdict", "dill.temp.load", "dill.temp.loadIO"], message },
  ],
  docs: {
    summary: "Detects dill deserialization (`dill.loads`, `dill.load`, `dill.Unpickler`, `dill.load_session`/`load_module`), which executes arbitrary code from its input.",
    description:
      "`dill` extends pickle so that it can serialize functions, lambdas, closures, classes and entire interpreter " +
      "sessions. Loading dill data is loading pickle, with even more machinery to rebuild code: any dill payload can " +
      "import modules and call functions. This rule reports `dill.loads`, `dill.load`, `dill.Unpickler` (and local " +
      "subclasses), `dill.load_session`, `dill.load_module`, `dill.load_module_asdict`, `dill.temp.load` and " +
      "`dill.temp.loadIO`, also through `dill.dill`/`dill._dill`, aliases, rebinding and dynamic imports, and `dill.loads` " +
      "passed as a callback.",
    securityImplications:
      "Anyone who can influence the bytes (a cached result, a message on a queue, a session file, an uploaded model or " +
      "notebook state) runs code with the privileges of the process. dill is common in data science and multiprocessing " +
      "stacks (`pathos`, `multiprocess`), where serialized closures move between machines: a compromised worker or " +
      "broker then reaches every consumer.",
    howToFix: {
      summary: "Do not load dill data across a trust boundary.",
      steps: [
        "Exchange data with `json`, `msgpack` or `safetensors`.",
        "Send function names or identifiers instead of code.",
        "If dill must stay for data the process produced itself, sign it with an HMAC and verify it (`hmac.compare_digest`) before loading.",
      ],
    },
    fixHint: "Exchange data (JSON, msgpack, safetensors), not serialized code; verify an HMAC before loading your own dill data.",
    vulnerableExample: [
      "import dill",
      "",
      "def run_task(message):",
      "    task = dill.loads(message.body)  # the message decides what code runs",
      "    return task()",
    ].join("\n"),
    safeExample: [
      "import json",
      "",
      "TASKS = {\"resize\": resize_image, \"thumbnail\": make_thumbnail}",
      "",
      "def run_task(message):",
      "    spec = json.loads(message.body)",
      "    return TASKS[spec[\"name\"]](**spec[\"args\"])  # only known functions",
    ].join("\n"),
    detectionScope:
      "Calls of `dill.load`, `dill.loads`, `dill.Unpickler`, `dill.load_session`, `dill.load_module`, " +
      "`dill.load_module_asdict`, `dill.temp.load`, `dill.temp.loadIO`, resolved through imports (including " +
      "`dill.dill`/`dill._dill`), aliases, star imports, rebinding and constant dynamic imports; instantiation of local " +
      "subclasses of `dill.Unpickler`; and `dill.load`/`dill.loads` passed uncalled as a callback (medium confidence). " +
      "`dill.dump`, `dill.dumps` and `dill.dump_session` are not findings, nor is a `dill.Unpickler(f)` built only to call " +
      "another of its methods (`.find_class`). `torch.load(..., pickle_module=dill)` is " +
      "covered by PYTHON-ML-SEC-001.",
    references: [
      { title: "dill documentation", url: "https://dill.readthedocs.io/en/latest/" },
      { title: "dill on PyPI (security note: dill is not secure against untrusted data)", url: "https://pypi.org/project/dill/" },
      { title: "Ruff S301: suspicious-pickle-usage (pickle and dill)", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES,
    ],
    faq: [
      {
        question: "Is dill safer than pickle because it is a different library?",
        answer: "No. dill produces and consumes pickle streams and adds support for code objects; everything that makes pickle dangerous applies.",
      },
      {
        question: "We use dill only between our own worker processes.",
        answer:
          "Then the risk is whoever can reach the transport (queue, socket, shared storage). Authenticate payloads with an " +
          "HMAC or keep the channel private, and suppress the finding with a justification.",
      },
      { question: "Is `dill.dumps` reported?", answer: "No. Serializing runs no attacker-controlled code; only loading is reported." },
    ],
  },
});
