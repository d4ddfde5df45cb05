import { defineRule } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { unpicklingMessage } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const message = unpicklingMessage(
  "joblib, which stores models as pickles",
  "Load only models you produced and verified (pinned hash); to share scikit-learn models, use skops.io, ONNX or another format without code.",
);

export default defineRule({
  id: "PYTHON-ML-SEC-004",
  name: "Joblib Load of Untrusted Model",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "joblib", "scikit-learn", "ml", "model", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-001", "PYTHON-ML-SEC-003", "PYTHON-ML-SEC-011"],
  prefilter: ["joblib"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["joblib.load"], references: true, message }],
  docs: {
    summary: "Detects `joblib.load` (also `sklearn.externals.joblib.load`), which unpickles model files and runs any code they contain.",
    description:
      "joblib is the standard way to persist scikit-learn models (`.joblib`, `.pkl`). Its format is pickle with numpy " +
      "arrays stored alongside, and `joblib.load` runs the full unpickler: a model file can execute code when loaded. " +
      "This rule reports `joblib.load`, also reached as `sklearn.externals.joblib.load`, `joblib.numpy_pickle.load`, " +
      "through aliases, rebinding, constant dynamic imports, and when passed as a callback.",
    securityImplications:
      "Models are downloaded from hubs, shared between teams and fetched by serving infrastructure from object storage. " +
      "Anyone who can replace the file (a compromised bucket, a malicious upload, a typo-squatted hub repository) runs " +
      "code in the training or serving environment, usually one with data access and cloud credentials.",
    howToFix: {
      steps: [
        "Load only files you produced, from storage only you can write.",
        "Verify a pinned SHA-256 before loading.",
        "To exchange scikit-learn models, use `skops.io.dump`/`skops.io.load` (which refuses unknown types unless you trust them explicitly) or export to ONNX.",
        "Keep training data and parameters in data-only formats.",
      ],
    },
    fixHint: "Verify a pinned hash before joblib.load, or share models with skops.io/ONNX instead of pickle.",
    vulnerableExample: [
      "import joblib",
      "",
      "def load_model(path):",
      "    return joblib.load(path)  # any pickle payload runs here",
    ].join("\n"),
    safeExample: [
      "import skops.io as sio",
      "",
      "def load_model(path):",
      "    unknown = sio.get_untrusted_types(file=path)",
      "    if unknown:",
      "        raise ValueError(f\"refusing untrusted types: {unknown}\")",
      "    return sio.load(path)",
    ].join("\n"),
    detectionScope:
      "Calls of `joblib.load`, `joblib.numpy_pickle.load` and `sklearn.externals.joblib.load`, resolved through imports, " +
      "aliases, rebinding and constant dynamic imports, and `joblib.load` passed uncalled as a callback (medium " +
      "confidence). `joblib.dump`, `joblib.Memory` and `joblib.Parallel` are not findings. Every call is reported, since " +
      "the analysis does not prove where the file comes from; `.joblib`/`.pkl` files themselves are scanned by the " +
      "artifact rules.",
    references: [
      { title: "joblib documentation: persistence (security warning)", url: "https://joblib.readthedocs.io/en/stable/persistence.html" },
      { title: "scikit-learn documentation: model persistence and security", url: "https://scikit-learn.org/stable/model_persistence.html" },
      { title: "skops documentation: secure persistence", url: "https://skops.readthedocs.io/en/stable/persistence.html" },
      ...DESERIALIZATION_REFERENCES,
    ],
    faq: [
      {
        question: "joblib is not pickle, is it?",
        answer: "It is pickle with efficient storage for numpy arrays. Loading a joblib file runs the pickle virtual machine with all its risks.",
      },
      {
        question: "We only load models our own training pipeline wrote.",
        answer:
          "Then the trust boundary is the storage: make sure only the pipeline can write it, verify a hash recorded at " +
          "training time, and suppress the finding with that justification.",
      },
      { question: "Is `joblib.dump` reported?", answer: "No. Only loading is reported." },
    ],
  },
});
