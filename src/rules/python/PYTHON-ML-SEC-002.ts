import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { fix, argumentTruth, replaceNode, spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const ADVICE = "Keep the default `allow_pickle=False` and store object data in a data-only format (JSON, Parquet, safetensors).";

/** Position of `allow_pickle` in each loader's signature. */
const ALLOW_PICKLE_POSITION: Record<string, number> = { "numpy.load": 2, "numpy.lib.format.read_array": 1 };

function check(m: SinkMatch): SinkOutcome | null {
  const position = ALLOW_PICKLE_POSITION[m.target];
  const allowPickle = m.args.find("allow_pickle", position);
  if (!allowPickle) {
    if (!m.args.mayBeHidden("allow_pickle", position)) return null; // default False since numpy 1.16.3
    return {
      severity: "medium",
      confidence: "low",
      message: `${spelled(m)} may receive \`allow_pickle\` through \`*args\`/\`**kwargs\`; if it is True, object arrays in the file are unpickled and can run arbitrary code. ${ADVICE}`,
    };
  }
  const truth = argumentTruth(m, allowPickle);
  if (truth === false) return null;
  if (truth === true) {
    const toFalse = allowPickle.type === "true" ? fix("Set allow_pickle=False", [replaceNode(allowPickle, "False")]) : undefined;
    return {
      message: `${spelled(m)} with \`allow_pickle=True\` unpickles object arrays stored in the file: a crafted .npy/.npz runs arbitrary code when loaded. ${ADVICE}`,
      ...(toFalse ? { fix: toFalse } : {}),
    };
  }
  return {
    confidence: "medium",
    message: `${spelled(m)} sets \`allow_pickle\` from a value that is not literally False; when it is true, object arrays in the file are unpickled and can run arbitrary code. ${ADVICE}`,
  };
}

const legacyMessage = (m: SinkMatch) =>
  `${spelled(m)} is a legacy NumPy alias of \`pickle.loads\`/\`pickle.load\`: it runs whatever code the bytes describe. Use \`numpy.load\` on .npy files with \`allow_pickle=False\`.`;

export default defineRule({
  id: "PYTHON-ML-SEC-002",
  name: "NumPy Load With allow_pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "numpy", "ml", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-001", "PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-009"],
  prefilter: ["numpy", "read_array"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: Object.keys(ALLOW_PICKLE_POSITION), check, message: (m) => `${spelled(m)} may unpickle object arrays. ${ADVICE}` },
    { call: ["numpy.loads", "numpy.ma.loads", "numpy.ma.load", "numpy.core.multiarray.loads"], references: true, message: legacyMessage },
  ],
  docs: {
    summary: "Detects `numpy.load` (and `numpy.lib.format.read_array`) with `allow_pickle` enabled, and the legacy pickle aliases `numpy.loads`/`numpy.ma.loads`, which run arbitrary code from the file.",
    description:
      "`.npy` and `.npz` files hold raw numeric arrays, but arrays of dtype `object` are stored as a pickle. With " +
      "`allow_pickle=True`, `numpy.load` unpickles them, and a crafted file runs code as soon as it is loaded. NumPy " +
      "changed the default to `allow_pickle=False` in 1.16.3 because of CVE-2019-6446; code that turns it back on, " +
      "often just to silence a `ValueError`, reopens the hole. This rule reports `numpy.load` / `numpy.lib.format.read_array` " +
      "when `allow_pickle` (keyword, or position 2 / 1) is `True` or any value not literally false, and the legacy " +
      "`numpy.loads`, `numpy.ma.loads` and `numpy.ma.load`, which were plain pickle aliases.",
    securityImplications:
      "Datasets, embeddings and feature caches are routinely exchanged as `.npy`/`.npz` files downloaded from the " +
      "internet or shared between teams. With pickling allowed, any of them can execute code on the machine that loads " +
      "it: exfiltrate credentials from a training cluster, alter other data, or persist in the environment.",
    howToFix:
      "Remove `allow_pickle=True` (the default is False). If loading fails because the file contains object arrays, fix " +
      "the producer: save numeric arrays only (`np.save(path, arr.astype(np.float32))`), or move strings and nested " +
      "structures to JSON, Parquet or safetensors. Load object arrays only from files you produced and whose hash you verify.",
    fixHint: "Drop allow_pickle=True (the default False is safe); save object data as JSON/Parquet instead.",
    vulnerableExample: [
      "import numpy as np",
      "",
      "def load_features(path):",
      "    return np.load(path, allow_pickle=True)  # object arrays are unpickled",
    ].join("\n"),
    safeExample: [
      "import numpy as np",
      "",
      "def load_features(path):",
      "    return np.load(path)  # allow_pickle=False: numeric arrays only",
    ].join("\n"),
    detectionScope:
      "Calls of `numpy.load` (also `numpy.lib.npyio.load`) and `numpy.lib.format.read_array` resolved through imports, " +
      "aliases (`import numpy as np`), rebinding and constant dynamic imports; `allow_pickle` is read as keyword or by " +
      "position. Literal false values (`False`, `0`, `None`) and the default are safe; a non-literal value is reported " +
      "at medium confidence; options passed through `*args`/`**kwargs` at low confidence, except a dict literal spread into the " +
      "call (`**{\"allow_pickle\": False}`) or a name bound once to one (`**LOAD_OPTIONS`), whose keys are read like keywords. Legacy pickle aliases " +
      "`numpy.loads`, `numpy.ma.loads`, `numpy.ma.load` are always reported. Fix: a literal `allow_pickle=True` becomes " +
      "`allow_pickle=False`, which loads every numeric file exactly as before. The `.npy` files themselves are scanned by " +
      "the artifact rules.",
    references: [
      { title: "NumPy documentation: numpy.load (allow_pickle warning)", url: "https://numpy.org/doc/stable/reference/generated/numpy.load.html" },
      { title: "NumPy documentation: the .npy format and object arrays", url: "https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html" },
      { title: "CVE-2019-6446: numpy.load pickle default", url: "https://nvd.nist.gov/vuln/detail/CVE-2019-6446" },
      { title: "NumPy 1.16.3 release notes: allow_pickle defaults to False", url: "https://numpy.org/doc/stable/release/1.16.3-notes.html" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "numpy.load raised \"Object arrays cannot be loaded when allow_pickle=False\". Should we set it to True?",
        answer:
          "Only for files you produced yourself and whose integrity you verify. The error means the file contains a pickle; " +
          "change how it is written (numeric dtypes, or JSON/Parquet for strings and structures) instead.",
      },
      {
        question: "Is `numpy.load(path)` without allow_pickle reported?",
        answer: "No. Since NumPy 1.16.3 the default is False, which refuses object arrays.",
      },
      {
        question: "Why is `np.load(path, allow_pickle=flag)` reported?",
        answer: "The analysis cannot prove `flag` is false. It is reported at medium confidence; if the value is a constant False, write it literally.",
      },
    ],
  },
});
