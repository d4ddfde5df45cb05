import type { SemanticModel } from "../../languages/python/semantic/model.js";
import { childByField } from "../../languages/python/syntax.js";
import { code, defineRule, referenced, type DerivedSite, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { unpicklerNotLoaded } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const PICKLE_SINKS = ["pickle.loads", "pickle.load", "pickle.Unpickler", "pickle._loads", "pickle._load", "pickle._Unpickler"];

/** The sockets pyzmq's contexts make (and `zmq.Socket` built directly): their `recv_pyobj()` is `pickle.loads(self.recv())`. */
const ZMQ_SOCKETS = [
  ...["zmq", "zmq.asyncio", "zmq.green"].flatMap((m) => [`${m}.Context().socket()`, `${m}.Context.instance().socket()`, `${m}.Socket()`]),
  "zmq.sugar.context.Context().socket()", "zmq.sugar.socket.Socket()",
];
const ZMQ_RECV_PYOBJ = ZMQ_SOCKETS.map((s) => `${s}.recv_pyobj`);

function zmqMessage(m: SinkMatch): string {
  return (
    `${code(m.calleeText)} (${m.target}) unpickles every message a peer sends to this ZeroMQ socket: whoever can connect to ` +
    "or bind its address runs code in this process. Send and receive bytes (`send_json`/`recv_json`, msgpack) instead."
  );
}

/**
 * `sock.recv_pyobj()` on a socket whose origin the analysis cannot see (a parameter, a socket a helper of another module
 * made, such as vLLM's `make_zmq_socket`): the method name is pyzmq's own, so the call is reported with medium
 * confidence. A receiver that resolves to anything (a context's socket, reported by the sink; a project class with a
 * method of that name) is left to what it resolves to.
 */
function unresolvedZmqSockets(model: SemanticModel): DerivedSite[] {
  const out: DerivedSite[] = [];
  for (const { node, scope } of model.calls) {
    const callee = childByField(node, "function");
    const attribute = callee?.type === "attribute" ? childByField(callee, "attribute") : undefined;
    if (!callee || !attribute || attribute.end - attribute.start !== RECV_PYOBJ.length || model.text(attribute) !== RECV_PYOBJ) continue;
    const socket = childByField(callee, "object");
    if (!socket || model.resolve(socket, scope).length) continue;
    out.push({
      node,
      scope,
      target: "zmq.Socket.recv_pyobj",
      calleeText: model.text(callee),
      outcome: {
        confidence: "medium",
        message:
          `${code(model.text(callee))} is pyzmq's \`Socket.recv_pyobj\` on a socket made elsewhere: it unpickles every message a peer sends, so whoever ` +
          "can connect to or bind its address runs code in this process. Send and receive bytes (`send_json`/`recv_json`, msgpack) instead.",
      },
    });
  }
  return out;
}

const RECV_PYOBJ = "recv_pyobj";

/**
 * Globals whose loading only builds plain data: an unpickler whose `find_class` admits nothing else cannot call a
 * function or build any other object (the Python documentation's "Restricting Globals" pattern).
 */
const DATA_ONLY_GLOBALS = new Set([
  ...["list", "dict", "set", "frozenset", "tuple", "int", "float", "complex", "str", "bytes", "bytearray", "bool", "range", "slice"].flatMap((t) => [`builtins.${t}`, `__builtin__.${t}`]),
  "collections.OrderedDict", "collections.deque", "collections.Counter", "datetime.date", "datetime.time", "datetime.datetime",
  "datetime.timedelta", "datetime.timezone", "decimal.Decimal", "fractions.Fraction", "uuid.UUID",
]);

/** The data types a subclass's `find_class` admits, when it admits nothing but data types (none, when it admits no global). */
export function dataOnlyAllowlist(m: SinkMatch): string[] | undefined {
  const allowed = m.via === "subclass" ? m.subclass?.allowlist : undefined;
  return allowed?.every((g) => DATA_ONLY_GLOBALS.has(g)) ? allowed : undefined;
}

/** What a data-only `find_class` admits, in words: "only plain data types (`builtins.list`)" or "no global at all". */
export function admitted(allowed: readonly string[]): string {
  return allowed.length ? `only plain data types (${allowed.map(code).join(", ")})` : "no global at all (it raises for every one)";
}

/** An unpickler restricted to data types: still a finding (the format stays pickle), of low severity. */
function check(m: SinkMatch): SinkOutcome | null {
  if (unpicklerNotLoaded(m)) return null;
  const allowed = dataOnlyAllowlist(m);
  if (!allowed) return {};
  return {
    severity: "low",
    confidence: "low",
    message:
      `${code(m.subclass!.name)} subclasses ${m.target}, and its find_class admits ${admitted(allowed)}: ` +
      "a payload cannot call functions or build other objects through it. Keep the allowlist to data types, and prefer a data-only format.",
  };
}

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
      return `${spelled} ${referenced(m)}: every value it is applied to is unpickled, which can run arbitrary code. Use a data-only format for untrusted input.`;
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
  prefilter: ["pickle", "Pickle", "recv_pyobj"],
  // recv_pyobj's argument is its flags, not the data: no input to judge.
  judgeTrust: (m) => (m.target.endsWith(".recv_pyobj") ? undefined : judgeInputTrust(m)),
  sinks: [
    { call: PICKLE_SINKS, subclasses: true, references: true, check, message },
    { call: ZMQ_RECV_PYOBJ, message: zmqMessage },
  ],
  derivedSites: unresolvedZmqSockets,
  docs: {
    summary: "Detects pickle deserialization (`pickle.loads`, `pickle.load`, `pickle.Unpickler`, pyzmq's `socket.recv_pyobj()`), which executes arbitrary code from its input.",
    description:
      "Python's `pickle` format is a small stack-based program, not a data format. Loading a pickle runs that program: " +
      "it can import any module and call any function with any arguments (`os.system`, `subprocess.Popen`, `eval`, ...). " +
      "This rule reports every call that unpickles: `pickle.loads`, `pickle.load`, `pickle.Unpickler(...)` and its " +
      "subclasses, and the same functions reached through `cPickle`, `_pickle`, `pickle5`, `six.moves.cPickle`, import " +
      "aliases, `from pickle import *`, rebinding (`loader = pickle.loads`), `importlib.import_module(\"pickle\")`, " +
      "`__import__(\"pickle\")`, `getattr(pickle, \"loads\")` and `functools.partial`. It also reports `pickle.loads` " +
      "passed uncalled as a callback (`map(pickle.loads, blobs)`), and pyzmq's `socket.recv_pyobj()`, which unpickles " +
      "each message it receives.",
    securityImplications: {
      summary:
        "Anyone who can influence the bytes that reach the unpickler can run code with the privileges of the process: " +
        "read secrets and credentials, move laterally, install a backdoor, or tamper with data. There is no safe subset " +
        "of pickle and no way to sanitize a payload before loading it. The bytes rarely come straight from the user; " +
        "these are the ways they usually arrive:",
      scenarios: [
        {
          title: "A cache, queue or session store written by an attacker",
          text:
            "Redis, memcached, Celery/RQ queues and server-side session stores are reachable from many services and " +
            "often unauthenticated inside the network. Whoever can write one key (through SSRF, a leaked password, " +
            "an exposed port or a key-injection bug elsewhere) replaces a cached object with a payload, and the next " +
            "worker that reads it runs the attacker's code.",
        },
        {
          title: "An uploaded or downloaded model file",
          text:
            "`.pkl`, `.joblib` and `.pt` files are pickles. A model shared on a hub, attached to an issue or uploaded " +
            "through a form runs its payload the moment it is loaded, before any prediction is made; the model still " +
            "works afterwards, so nobody notices.",
        },
        {
          title: "A network peer",
          text:
            "Request bodies, cookies, RPC and socket protocols that exchange pickles (multiprocessing connections, " +
            "custom TCP services, `pickle` over HTTP) hand code execution to anyone who can connect, or to anyone on " +
            "the path when the channel is not authenticated.",
        },
        {
          title: "A compromised internal service",
          text:
            "A trusted producer that is itself compromised, or a shared bucket or database it writes to, turns one " +
            "breach into code execution in every consumer. Trusting the sender turns a single foothold into lateral " +
            "movement.",
        },
      ],
    },
    howToFix: {
      summary: "Do not unpickle data that crosses a trust boundary.",
      steps: [
        "Find where the bytes come from and who can write to that place: request, cookie, cache, queue, bucket, file upload, model hub.",
        "Serialize with a data-only format instead: `json` or `msgpack` for structured data, Protocol Buffers for messages between services, `safetensors` (or ONNX) for tensors and model weights.",
        "Migrate stored pickles once, in a trusted job, and delete the pickle reader from the code path that handles outside input.",
        "If pickle must stay for data the process produced itself, sign it when writing (`hmac.new(key, data, \"sha256\")`) and verify with `hmac.compare_digest` before loading; keep the key out of the store that holds the data.",
        "Suppress only the reviewed call, with a justification: `# pathfinder: ignore[PYTHON-LANG-SEC-040]`.",
      ],
    },
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
      "`importlib.import_module`/`__import__` with constant module names (also built by concatenation, and reached as " +
      "`builtins.__import__` or `__builtins__`), `getattr(module, \"loads\")`, `operator.attrgetter`/`methodcaller`, " +
      "`sys.modules[\"pickle\"]` and `sys.modules.get`, `globals()[\"pickle\"]`, `vars(pickle)`/`pickle.__dict__`, " +
      "`functools.partial`, `.__call__`, dispatch tables written in place or bound in the function (`{\"pickle\": " +
      "pickle.loads}[fmt](data)`, `decoders.get(fmt)(data)`), loops over a literal list of sinks or modules, default parameter values, class and " +
      "instance attributes (`loads = staticmethod(pickle.loads)`, `self._load = pickle.load`), names re-exported by other " +
      "modules of the project (`from .compat import pickle`, package `__init__.py` re-exports, star re-exports with " +
      "`__all__`), instantiation of classes, in this module or another, that derive from `pickle.Unpickler` (with or " +
      "without a `find_class` override), and sink functions passed as callbacks. Names shadowed by parameters, locals or attributes are not reported; strings and comments never " +
      "match; a sink passed to a call that only looks at it (`isinstance`, `callable`, `repr`, `inspect.*`, `typing.cast`, " +
      "`self.assertIs`/`assertEqual`) is not a callback. `pickle.dumps`/`pickle.dump` are not findings, nor is a " +
      "`pickle.Unpickler(f)` built only to call another of its methods (`.find_class(module, name)` reads nothing from `f`). " +
      "`recv_pyobj()` is reported on sockets made by a pyzmq context (`zmq.Context()`, `zmq.Context.instance()`, " +
      "`zmq.asyncio`, `zmq.green`) or built as `zmq.Socket(...)`, followed through variables and attributes in the file; " +
      "`x.recv_pyobj()` on a receiver the analysis cannot resolve at all (a socket passed in as a parameter or made by a helper " +
      "of another module) is reported with medium confidence, the method name being pyzmq's own." +
      " Not covered: calls through wrappers defined in other " +
      "modules (add them as custom sinks in the configuration) and modules named by run-time strings. Every call is " +
      "reported regardless of where its data comes from, because pickle has no safe input in practice; suppress a " +
      "reviewed call with `# pathfinder: ignore[PYTHON-LANG-SEC-040]`.",
    references: DESERIALIZATION_REFERENCES,
    faq: [
      {
        question: "We subclassed Unpickler and restricted find_class to an allowlist. Is that safe?",
        answer:
          "No. `find_class` only controls which globals are looked up; the pickle VM still calls whatever they return " +
          "with attacker-chosen arguments. Published bypasses chain allowed names (`getattr`, `operator`, `functools`, " +
          "`builtins` reached through other modules, numpy and torch helpers) or nest a second `pickle.loads` inside an " +
          "allowed callable. Keep a restricted unpickler as defence in depth, but do not feed it untrusted data; the " +
          "rule reports such subclasses on purpose. The exception is an allowlist of plain data types only (`builtins` " +
          "containers and scalars, `collections.OrderedDict`, `datetime`, `decimal.Decimal`, ...) pinned by literal " +
          "conditions, as in the Python documentation's \"Restricting Globals\" example, or a find_class that admits no " +
          "global at all (it only raises): a payload cannot call anything " +
          "through it, so the finding is reported with low severity (and PYTHON-DESER-001 with low confidence).",
      },
      {
        question: "The data comes from our own cache, database or bucket. Is this a false positive?",
        answer:
          "Only if no attacker can ever write to that store. Caches, queues and databases are frequent pivot points: an " +
          "injection or SSRF elsewhere becomes code execution here. Prefer a data-only format; otherwise sign the " +
          "payload with an HMAC and verify it before loading, then suppress the finding with a justification.",
      },
      {
        question: "Does signing the pickle with an HMAC make it safe?",
        answer:
          "It makes it as safe as the key. Verify the tag with `hmac.compare_digest` over the exact bytes before calling " +
          "`pickle.loads`, use a key that lives outside the data store (a secret manager, not the same Redis), and rotate " +
          "it if it may have leaked. Anyone with the key can still run code, so it does not help for data users upload.",
      },
      {
        question: "Is joblib safer than pickle?",
        answer:
          "No. `joblib.load` is pickle with compression and memory-mapped arrays, and runs the same payloads; it is " +
          "reported by its own rule. Store scikit-learn models with `skops.io` (which loads only trusted types) or " +
          "export them to ONNX, and load joblib files only from a source you control.",
      },
      {
        question: "Does `torch.load(..., weights_only=True)` solve it?",
        answer:
          "It is the right setting and the default since PyTorch 2.6: the restricted unpickler accepts only tensors and " +
          "plain containers. It has had bypasses (CVE-2025-32434 affected versions up to 2.5.1), so keep PyTorch " +
          "current, and prefer `safetensors` for weights you download. `torch.load` has its own rule that checks " +
          "`weights_only`.",
      },
      {
        question: "What should we use instead of pickle?",
        answer:
          "`json` or `msgpack` for data, Protocol Buffers, Avro or Cap'n Proto between services, `safetensors` for " +
          "tensors and weights, ONNX or `skops` for models, Parquet or Arrow for data frames, `numpy.save` with " +
          "`allow_pickle=False` for arrays. All of these describe data, not code.",
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
