import { defineRule, type SinkMatch } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { spelled, unpicklingMessage } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const message = unpicklingMessage(
  "cloudpickle (pickle, plus code objects for functions and classes)",
  "Never load cloudpickle data from an untrusted source; send data in JSON/msgpack and refer to code by name.",
);

/**
 * MLflow flavors whose `load_model` unpickles files of the model: a custom `python_function` model is its
 * `python_model.pkl` (cloudpickle); sklearn models are pickle or cloudpickle files by default; pytorch models are
 * whole pickled modules read by `torch.load`; statsmodels results are pickles; dspy programs are cloudpickled.
 * Flavors stored in native or data formats (xgboost, lightgbm text, catboost, prophet, onnx, keras) are not listed.
 */
const MLFLOW_UNPICKLING_LOADERS = [
  "mlflow.pyfunc.load_model",
  "mlflow.pyfunc.load_pyfunc",
  "mlflow.sklearn.load_model",
  "mlflow.pytorch.load_model",
  "mlflow.statsmodels.load_model",
  "mlflow.dspy.load_model",
];

const mlflowMessage = (m: SinkMatch) =>
  `${spelled(m)} loads an MLflow model whose flavor unpickles its files (cloudpickle, pickle or \`torch.load\`): a crafted model ` +
  "in a registry, run or path runs arbitrary code when it is loaded (recent MLflow releases refuse it when " +
  "`MLFLOW_ALLOW_PICKLE_DESERIALIZATION` is false). Load only models your own pipeline logged, from a registry only it can write to.";

export default defineRule({
  id: "PYTHON-ML-SEC-005",
  name: "Cloudpickle Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "cloudpickle", "ml", "distributed", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-046"],
  prefilter: ["cloudpickle", "srsly", "mlflow"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["cloudpickle.load", "cloudpickle.loads", "srsly.pickle_loads"], references: true, message },
    { call: MLFLOW_UNPICKLING_LOADERS, check: () => ({ severity: "medium", confidence: "medium" }), message: mlflowMessage },
  ],
  docs: {
    summary: "Detects cloudpickle deserialization (`cloudpickle.loads`, `cloudpickle.load`, and wrappers such as `srsly.pickle_loads`), which runs arbitrary code from its input.",
    description:
      "cloudpickle serializes functions, lambdas and classes by value so that they can run on other machines; it is the " +
      "transport of Ray, Dask, PySpark, joblib's process backend and MLflow's Python models. `cloudpickle.loads` is " +
      "`pickle.loads`: the payload decides which code runs. This rule reports `cloudpickle.load`/`loads`, also reached " +
      "through `cloudpickle.cloudpickle`, vendored copies (`ray.cloudpickle`, `pyspark.cloudpickle`, " +
      "`joblib.externals.cloudpickle`, `srsly.cloudpickle`), spaCy's `srsly.pickle_loads`, aliases, rebinding, constant " +
      "dynamic imports, and when passed as a callback.",
    securityImplications:
      "In distributed systems the deserializing side is often a privileged worker or driver. Anyone who can inject a " +
      "message (an exposed scheduler port, a shared queue, a model artifact in a registry) runs code on every worker " +
      "that loads it, with access to the cluster's data and credentials.",
    howToFix: {
      steps: [
        "Keep cloudpickle traffic on authenticated, private channels between components you control.",
        "Never load cloudpickle files from users or the internet.",
        "To exchange data, use JSON, msgpack, Arrow or safetensors.",
        "Refer to functions by a registered name instead of shipping their code.",
      ],
    },
    fixHint: "Exchange data (JSON, msgpack, Arrow) and reference code by name; load cloudpickle only over private, authenticated channels.",
    vulnerableExample: [
      "import cloudpickle",
      "",
      "def handle(request):",
      "    job = cloudpickle.loads(request.body)  # the client decides what runs",
      "    return job()",
    ].join("\n"),
    safeExample: [
      "import json",
      "",
      "JOBS = {\"score\": score_batch}",
      "",
      "def handle(request):",
      "    spec = json.loads(request.body)",
      "    return JOBS[spec[\"job\"]](spec[\"rows\"])  # only registered code runs",
    ].join("\n"),
    detectionScope:
      "Calls of `cloudpickle.load`, `cloudpickle.loads` and `srsly.pickle_loads`, resolved through imports (including " +
      "vendored copies listed above), aliases, rebinding and constant dynamic imports, and these functions passed " +
      "uncalled as a callback (medium confidence). `cloudpickle.dump`/`dumps` are not findings. Deserialization hidden " +
      "inside frameworks (Ray, Dask, Spark) is not reported: only direct calls are. MLflow's `load_model` of the flavors " +
      "that unpickle (`mlflow.pyfunc`, `sklearn`, `pytorch`, `statsmodels`, `dspy`) is reported with medium severity: " +
      "what the model's files hold decides what runs.",
    references: [
      { title: "cloudpickle README (security notice)", url: "https://github.com/cloudpipe/cloudpickle#readme" },
      { title: "srsly: pickle_loads", url: "https://github.com/explosion/srsly#pickle" },
      ...DESERIALIZATION_REFERENCES,
    ],
    faq: [
      {
        question: "cloudpickle is how our framework ships functions. What can we do?",
        answer:
          "Make sure only trusted components can reach the channel (authentication, private networks, TLS), and never " +
          "accept cloudpickle payloads from users. Suppress reviewed internal uses with a justification.",
      },
      { question: "Is `cloudpickle.dumps` reported?", answer: "No. Only loading is reported." },
    ],
  },
});
