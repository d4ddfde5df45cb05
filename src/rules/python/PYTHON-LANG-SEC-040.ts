import { code, defineRule, type SinkMatch } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";

const PICKLE_SINKS = ["pickle.loads", "pickle.load", "pickle.Unpickler", "pickle._loads", "pickle._load", "pickle._Unpickler"];

function message(m: SinkMatch): string {
  const spelled = m.calleeText === m.target ? code(m.target) : `${code(m.calleeText)} (${m.target})`;
  switch (m.via) {
    case "subclass":
      return (
        `${code(m.subclass!.name)} subclasses ${m.target} and unpickles its input` +
        (m.subclass!.overridesFindClass
          ? "; overriding find_class narrows what loads but does not make untrusted data safe: restricted unpicklers are routinely bypassed"
          : "") +
        ". Use a data-only format for untrusted input."
      );
    case "reference":
      return `${spelled} is passed as a callable: every value it is applied to is unpickled, which can run arbitrary code. Use a data-only format for untrusted input.`;
    default:
      return `${spelled} deserializes with pickle, which runs whatever code the bytes describe. Never unpickle data that could come from an untrusted source; use a data-only format such as JSON.`;
  }
}

export default defineRule({
  id: "PYTHON-LANG-SEC-040",
  name: "Pickle Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-044", "PYTHON-LANG-SEC-045", "PYTHON-LANG-SEC-046", "PYTHON-ML-SEC-003", "PYTHON-ML-SEC-005"],
  prefilter: ["pickle", "Pickle"],
  sinks: [{ call: PICKLE_SINKS, subclasses: true, references: true, message }],
  docs: {
    summary: "Detects pickle deserialization (`pickle.loads`, `pickle.load`, `pickle.Unpickler`), which executes arbitrary code from its input.",
    description:
      "Python's `pickle` format is a small stack-based program, not a data format. Loading a pickle runs that program: " +
      "it can import any module and call any function with any arguments (`os.system`, `subprocess.Popen`, `eval`, ...). " +
      "This rule reports every call that unpickles: `pickle.loads`, `pickle.load`, `pickle.Unpickler(...)` and its " +
      "subclasses, and the same functions reached through `cPickle`, `_pickle`, `pickle5`, `six.moves.cPickle`, import " +
      "aliases, `from pickle import *`, rebinding (`loader = pickle.loads`), `importlib.import_module(\"pickle\")`, " +
      "`__import__(\"pickle\")`, `getattr(pickle, \"loads\")` and `functools.partial`. It also reports `pickle.loads` " +
      "passed uncalled as a callback (`map(pickle.loads, blobs)`).",
    securityImplications:
      "Anyone who can influence the bytes that reach the unpickler can run code with the privileges of the process: " +
      "read secrets and credentials, move laterally, install a backdoor, or tamper with data. Typical entry points are " +
      "request bodies, cookies and session stores, message queues, caches (Redis, memcached), files uploaded by users, " +
      "and model or data files downloaded from the internet. There is no safe subset of pickle and no way to sanitize " +
      "a payload before loading it; restricting `find_class` in an `Unpickler` subclass reduces the attack surface but " +
      "has been bypassed repeatedly (gadgets in allowed modules, `getattr` chains, nested pickles).",
    howToFix:
      "Do not unpickle data that crosses a trust boundary. Serialize with a data-only format instead: `json`, " +
      "`msgpack`, Protocol Buffers, or `safetensors` for tensors and model weights. If pickle must stay for data the " +
      "process produced itself, authenticate it before loading (an HMAC with a server-side key, verified with " +
      "`hmac.compare_digest`), keep it out of reach of users, and treat the key as a secret.",
    fixHint: "Use a data-only format (json, msgpack, safetensors) or verify an HMAC before unpickling data you produced yourself.",
    vulnerableExample: [
      "import pickle",
      "from flask import request",
      "",
      "@app.route(\"/session\", methods=[\"POST\"])",
      "def restore_session():",
      "    session = pickle.loads(request.data)  # attacker-controlled bytes run as code",
      "    return session[\"user\"]",
    ].join("\n"),
    safeExample: [
      "import json",
      "from flask import request",
      "",
      "@app.route(\"/session\", methods=[\"POST\"])",
      "def restore_session():",
      "    session = json.loads(request.data)  # data only: no code runs",
      "    return session[\"user\"]",
    ].join("\n"),
    detectionScope:
      "Every call of `pickle.loads`, `pickle.load`, `pickle.Unpickler` (and the pure-Python `_loads`, `_load`, " +
      "`_Unpickler`) resolved through the file's imports and bindings: aliases, `from pickle import ...`, star imports, " +
      "`cPickle`/`_pickle`/`pickle5`/`six.moves.cPickle`, `try`/`except ImportError` fallbacks, rebinding, " +
      "`importlib.import_module`/`__import__` with constant module names (also built by concatenation), " +
      "`getattr(module, \"loads\")`, `sys.modules[\"pickle\"]`, `functools.partial`, default parameter values, class and " +
      "instance attributes (`loads = staticmethod(pickle.loads)`, `self._load = pickle.load`), names re-exported by other " +
      "modules of the project (`from .compat import pickle`, package `__init__.py` re-exports, star re-exports with " +
      "`__all__`), instantiation of classes, in this module or another, that derive from `pickle.Unpickler` (with or " +
      "without a `find_class` override), and sink functions passed as callbacks. Names shadowed by parameters, locals or attributes are not reported; strings and comments never " +
      "match. `pickle.dumps`/`pickle.dump` are not findings. Not covered: calls through wrappers defined in other " +
      "modules (add them as custom sinks in the configuration) and modules named by run-time strings. Every call is " +
      "reported regardless of where its data comes from, because pickle has no safe input in practice; suppress a " +
      "reviewed call with `# pathfinder: ignore[PYTHON-LANG-SEC-040]`.",
    references: DESERIALIZATION_REFERENCES,
    faq: [
      {
        question: "The data comes from our own cache or database. Is this a false positive?",
        answer:
          "Only if no attacker can ever write to that store. Caches, queues and databases are frequent pivot points: an " +
          "injection or SSRF elsewhere becomes code execution here. Prefer a data-only format; otherwise sign the " +
          "payload with an HMAC and verify it before loading, then suppress the finding with a justification.",
      },
      {
        question: "We subclassed Unpickler and restricted find_class. Why is it still reported?",
        answer:
          "A restricted unpickler is a denylist or allowlist over a Turing-complete format. Published bypasses abuse " +
          "allowed globals (`getattr`, `operator`, `functools`, numpy and torch helpers) and nested pickles. Keep the " +
          "restriction as defence in depth, but do not feed it untrusted data.",
      },
      {
        question: "Is `pickle.dumps` dangerous?",
        answer: "No. Serializing runs no attacker-controlled code; only loading does. `dump`/`dumps` are never reported.",
      },
      {
        question: "Does this rule also cover joblib, torch.load, numpy.load or dill?",
        answer:
          "Those libraries unpickle under the hood and have their own rules (see similar rules) so that each can check " +
          "its own safe options, such as `weights_only=True` or `allow_pickle=False`.",
      },
    ],
  },
});
