import { defineRule } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { unpicklingMessage } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const message = unpicklingMessage(
  "pickle (pandas.read_pickle is pickle.load with decompression)",
  "Never read pickles from untrusted sources; exchange DataFrames as Parquet, Feather, CSV or JSON.",
);

export default defineRule({
  id: "PYTHON-ML-SEC-003",
  name: "Pandas read_pickle of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pandas", "ml", "data", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-004", "PYTHON-ML-SEC-010"],
  prefilter: ["pandas", "read_pickle", "pickle_compat"],
  judgeTrust: judgeInputTrust,
  sinks: [
    {
      call: ["pandas.read_pickle", "pandas.compat.pickle_compat.load", "pandas.compat.pickle_compat.loads"],
      references: true,
      message,
    },
  ],
  docs: {
    summary: "Detects `pandas.read_pickle`, which unpickles its input and runs any code a crafted file contains.",
    description:
      "`pandas.read_pickle` opens a path, URL or buffer, decompresses it if needed, and calls `pickle.load`. It accepts " +
      "any pickle, not only DataFrames, so a file named `data.pkl` is an executable as far as Python is concerned. This " +
      "rule reports `pandas.read_pickle` (also as `pd.read_pickle`, `pandas.io.pickle.read_pickle`, Modin's " +
      "`modin.pandas.read_pickle`) and pandas' internal `pandas.compat.pickle_compat.load`/`loads`, through aliases, " +
      "rebinding, constant dynamic imports, and when passed as a callback.",
    securityImplications:
      "Pickled DataFrames are shared through notebooks, object storage buckets, dataset hubs and email. `read_pickle` " +
      "also accepts URLs (`pd.read_pickle(\"https://...\")`, `s3://...`), so a changed remote object is enough to run code " +
      "on every machine that loads it: analysts' laptops, scheduled jobs, training clusters with cloud credentials.",
    howToFix: {
      steps: [
        "Store and exchange tabular data as Parquet (`df.to_parquet` / `pd.read_parquet`), Feather, CSV or JSON, none of which can carry code.",
        "Keep `read_pickle` for short-lived local caches that only your process writes, in a directory nobody else can write.",
      ],
    },
    fixHint: "Use Parquet/Feather/CSV (pd.read_parquet) instead of pickle for data others can provide.",
    vulnerableExample: [
      "import pandas as pd",
      "",
      "def load_dataset(url):",
      "    return pd.read_pickle(url)  # a crafted pickle runs code",
    ].join("\n"),
    safeExample: [
      "import pandas as pd",
      "",
      "def load_dataset(url):",
      "    return pd.read_parquet(url)  # columnar data only",
    ].join("\n"),
    detectionScope:
      "Calls of `pandas.read_pickle`, `pandas.io.pickle.read_pickle`, `modin.pandas.read_pickle` and " +
      "`pandas.compat.pickle_compat.load`/`loads`, resolved through imports, aliases, rebinding and constant dynamic " +
      "imports, and these functions passed uncalled as a callback (medium confidence). `DataFrame.to_pickle` and " +
      "`DataFrame.read_pickle`-like methods of other objects are not findings. HDF5 stores that may unpickle object " +
      "columns are covered by PYTHON-ML-SEC-010.",
    references: [
      { title: "pandas documentation: read_pickle (security warning)", url: "https://pandas.pydata.org/docs/reference/api/pandas.read_pickle.html" },
      { title: "pandas documentation: IO tools, pickling", url: "https://pandas.pydata.org/docs/user_guide/io.html#pickling" },
      { title: "Bandit B301: pickle (includes pandas.read_pickle)", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
      { title: "Ruff S301: suspicious-pickle-usage", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "read_pickle is much faster than CSV. What should we use instead?",
        answer: "Parquet or Feather are as fast or faster for typical DataFrames, keep dtypes, and cannot execute code.",
      },
      {
        question: "Is `df.to_pickle(path)` reported?",
        answer: "No. Writing a pickle runs no attacker-controlled code; only reading is reported.",
      },
      {
        question: "The pickle is a cache our own job writes. Is this a false positive?",
        answer: "If nobody else can write that location, the risk is low: suppress the finding with that justification.",
      },
    ],
  },
});
