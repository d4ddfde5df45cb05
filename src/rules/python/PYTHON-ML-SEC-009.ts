import { defineRule, type SinkMatch } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const ADVICE = "Use plain msgpack and encode arrays of numeric dtype yourself, or safetensors/npy with allow_pickle=False.";

function message(m: SinkMatch): string {
  if (m.target === "msgpack_numpy.patch") {
    return `${spelled(m)} makes every later \`msgpack.unpackb\`/\`msgpack.loads\` in the process decode object arrays with pickle.loads: any msgpack input can then run arbitrary code. ${ADVICE}`;
  }
  if (m.via === "reference") {
    return `${spelled(m)} is used as a decoding hook: it unpickles arrays of dtype object ("kind" b"O"), so a crafted msgpack message runs arbitrary code. ${ADVICE}`;
  }
  return `${spelled(m)} unpickles arrays of dtype object ("kind" b"O") found in the message, so crafted msgpack data runs arbitrary code. ${ADVICE}`;
}

export default defineRule({
  id: "PYTHON-ML-SEC-009",
  name: "msgpack-numpy Decodes Object Arrays With Pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "msgpack", "numpy", "ml", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-002", "PYTHON-LANG-SEC-040"],
  prefilter: ["msgpack_numpy"],
  judgeTrust: judgeInputTrust,
  sinks: [
    {
      call: ["msgpack_numpy.unpackb", "msgpack_numpy.loads", "msgpack_numpy.unpack", "msgpack_numpy.load", "msgpack_numpy.Unpacker", "msgpack_numpy.decode"],
      references: true,
      message,
    },
    { call: ["msgpack_numpy.patch"], message },
  ],
  docs: {
    summary: "Detects msgpack-numpy decoding (`msgpack_numpy.unpackb`/`loads`/`unpack`/`Unpacker`, `decode` as an object hook, `patch()`), which unpickles object arrays from the message.",
    description:
      "msgpack is a data-only format, but msgpack-numpy extends it with NumPy arrays. Its `decode` hook turns any map " +
      "tagged `nd: True` with `kind: b\"O\"` into `pickle.loads(data)`, so a msgpack message can carry a pickle that runs " +
      "when decoded. This rule reports msgpack-numpy's decoding entry points (`unpackb`, `loads`, `unpack`, `load`, " +
      "`Unpacker`, `decode`), `msgpack_numpy.decode` passed as `object_hook` to plain msgpack, and " +
      "`msgpack_numpy.patch()`, which installs the hook into `msgpack` globally.",
    securityImplications:
      "msgpack is chosen precisely because it is supposed to be safe for network messages (RPC, queues, caches, model " +
      "servers). With msgpack-numpy decoding, every peer that can send a message can execute code in the receiver.",
    howToFix:
      "Decode untrusted messages with plain `msgpack.unpackb` and no msgpack-numpy hook. Send arrays as raw buffers " +
      "with explicit numeric dtype and shape (`arr.tobytes()`, `np.frombuffer`), and reject object dtypes.",
    fixHint: "Decode with plain msgpack and rebuild numeric arrays with np.frombuffer; never decode object arrays from peers.",
    vulnerableExample: [
      "import msgpack",
      "import msgpack_numpy as m",
      "",
      "def handle(payload):",
      "    return msgpack.unpackb(payload, object_hook=m.decode)  # object arrays are unpickled",
    ].join("\n"),
    safeExample: [
      "import msgpack",
      "import numpy as np",
      "",
      "def handle(payload):",
      "    msg = msgpack.unpackb(payload)",
      "    return np.frombuffer(msg[\"data\"], dtype=np.float32).reshape(msg[\"shape\"])",
    ].join("\n"),
    detectionScope:
      "Calls of `msgpack_numpy.unpackb`, `loads`, `unpack`, `load`, `Unpacker`, `decode` and `patch`, and " +
      "`msgpack_numpy.decode`/`unpackb`/`loads` passed uncalled as an argument (for example `object_hook=m.decode`), " +
      "resolved through imports, aliases and rebinding. Calls of plain `msgpack` after `patch()` are not reported " +
      "individually: the `patch()` call is the finding. Encoding (`packb`, `encode`) is not reported.",
    references: [
      { title: "msgpack-numpy README", url: "https://github.com/lebedov/msgpack-numpy" },
      { title: "msgpack-numpy decode() unpickles object arrays (issue/PR discussion)", url: "https://github.com/lebedov/msgpack-numpy/pull/58" },
      ...DESERIALIZATION_REFERENCES,
    ],
    faq: [
      {
        question: "Our messages never contain object arrays.",
        answer:
          "Your senders do not produce them, but an attacker's message can. The decoder accepts the pickled form whenever " +
          "it appears, so the protection has to be on the decoding side.",
      },
      { question: "Is plain `msgpack.unpackb` reported?", answer: "No, unless msgpack-numpy's hook is passed to it or installed with `patch()`." },
    ],
  },
});
