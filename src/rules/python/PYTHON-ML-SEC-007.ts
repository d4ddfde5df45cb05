import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { argumentTruth, spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const ADVICE = "Keep `safe_mode=True` (the default) and replace Lambda layers with registered custom layers.";

/** Position of `safe_mode` in each function's signature. */
const SAFE_MODE_POSITION: Record<string, number> = {
  "keras.models.load_model": 3,
  "keras.saving.load_model": 3,
  "keras.saving.deserialize_keras_object": 2,
};

function check(m: SinkMatch): SinkOutcome | null {
  const position = SAFE_MODE_POSITION[m.target];
  const safeMode = m.args.find("safe_mode", position);
  if (!safeMode) return null;
  const truth = argumentTruth(m, safeMode);
  if (truth === true) return null;
  if (truth === false) {
    return {
      message: `${spelled(m)} with \`safe_mode=False\` deserializes Lambda layers, whose Python bytecode is stored in the file: loading a crafted model runs arbitrary code. ${ADVICE}`,
    };
  }
  return {
    confidence: "medium",
    message: `${spelled(m)} takes \`safe_mode\` from a value the analysis cannot evaluate; when it is False, Lambda bytecode stored in the file runs on load. ${ADVICE}`,
  };
}

export default defineRule({
  id: "PYTHON-ML-SEC-007",
  name: "Keras Model Loading With safe_mode Disabled",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "keras", "tensorflow", "ml", "model", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-001", "PYTHON-ML-SEC-004"],
  prefilter: ["keras"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: Object.keys(SAFE_MODE_POSITION), check, message: (m) => `${spelled(m)} may deserialize Lambda bytecode. ${ADVICE}` },
    {
      call: ["keras.config.enable_unsafe_deserialization"],
      message: (m) =>
        `${spelled(m)} turns off safe mode for every later model load in the process: Lambda bytecode in any loaded file then runs. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects Keras model loading with `safe_mode=False` and `keras.config.enable_unsafe_deserialization()`, which let a model file run arbitrary Python bytecode.",
    description:
      "Keras stores `Lambda` layers by serializing their Python function's bytecode into the model file. Keras 3 (and " +
      "tf.keras since 2.13) refuses to rebuild them unless `safe_mode=False` is passed or unsafe deserialization is " +
      "enabled globally, because rebuilding them executes attacker-chosen code (CVE-2024-3660 covered the missing " +
      "check in earlier versions). This rule reports `keras.models.load_model`, `keras.saving.load_model`, " +
      "and `keras.saving.deserialize_keras_object` when `safe_mode` is False or not a " +
      "literal (medium confidence), and every call of `keras.config.enable_unsafe_deserialization()`. `tf.keras`, " +
      "`tensorflow.keras` and `tf_keras` are treated as Keras.",
    securityImplications:
      "Model files are downloaded from hubs and shared between teams. With safe mode disabled, opening a `.keras` file " +
      "runs whatever bytecode its Lambda layers carry, with access to the training data, credentials and network of the " +
      "loading machine.",
    howToFix:
      "Do not disable safe mode. Replace `Lambda` layers with subclassed layers registered through " +
      "`keras.saving.register_keras_serializable()` so that their code lives in your repository and the file stores only " +
      "configuration. If a legacy model needs it, load it once in an isolated environment and re-save it without Lambda layers.",
    fixHint: "Keep safe_mode=True; replace Lambda layers with registered custom layers.",
    vulnerableExample: [
      "import keras",
      "",
      "def load(path):",
      "    return keras.models.load_model(path, safe_mode=False)  # Lambda bytecode runs",
    ].join("\n"),
    safeExample: [
      "import keras",
      "",
      "def load(path):",
      "    return keras.models.load_model(path)  # safe_mode=True: no stored bytecode runs",
    ].join("\n"),
    detectionScope:
      "Calls of the listed Keras functions (also through `tensorflow.keras`, `tf.keras`, `tf_keras`, aliases, rebinding) " +
      "with `safe_mode` given as keyword or by position and literally false, or non-literal (medium confidence); the " +
      "default (`safe_mode=True`) is not reported. Calls of `keras.config.enable_unsafe_deserialization` are always " +
      "reported. Not covered: legacy HDF5 (`.h5`) models loaded by Keras 2 / TensorFlow < 2.13, which ignore " +
      "`safe_mode`, because the file format is not visible from the call.",
    references: [
      { title: "Keras documentation: load_model and safe_mode", url: "https://keras.io/api/models/model_saving_apis/model_saving_and_loading/" },
      { title: "Keras documentation: enable_unsafe_deserialization", url: "https://keras.io/api/utils/config_utils/" },
      { title: "CVE-2024-3660: Keras arbitrary code injection via Lambda layers", url: "https://nvd.nist.gov/vuln/detail/CVE-2024-3660" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "Our model has a Lambda layer and fails to load without safe_mode=False.",
        answer:
          "Move the function into a custom layer class registered with `register_keras_serializable`, rebuild the model " +
          "from trusted code, and re-save it. Then it loads in safe mode.",
      },
      {
        question: "Is `load_model(path)` without safe_mode reported?",
        answer: "No. The default `safe_mode=True` refuses stored bytecode.",
      },
    ],
  },
});
