import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const ADVICE = "Read HDF5 only from trusted sources, or store tables as Parquet; with format=\"table\" and non-object dtypes nothing is pickled.";

function message(m: SinkMatch): string {
  return `${spelled(m)} reads pandas HDF5 data, where object-dtype columns in "fixed" format are stored with pickle: a crafted file runs arbitrary code when read. ${ADVICE}`;
}

/** `HDFStore(path, mode="w")` truncates the file: nothing pre-existing is read back. */
function check(m: SinkMatch): SinkOutcome | null {
  if (m.target !== "pandas.HDFStore") return {};
  const mode = m.args.find("mode", 1);
  const value = mode && m.model.constantString(mode, m.scope);
  return value === "w" ? null : {};
}

export default defineRule({
  id: "PYTHON-ML-SEC-010",
  name: "Pandas HDF5 Read May Unpickle",
  language: "python",
  severity: "medium",
  confidence: "medium",
  precision: "medium",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pandas", "hdf5", "pytables", "ml", "data", "pickle", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-003"],
  prefilter: ["pandas", "read_hdf", "HDFStore"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["pandas.read_hdf", "pandas.HDFStore"], check, message }],
  docs: {
    summary: "Detects `pandas.read_hdf` and opening an existing `pandas.HDFStore`: object-dtype data in HDF5 \"fixed\" format is stored with pickle and unpickled on read.",
    description:
      "pandas writes HDF5 through PyTables. In the default \"fixed\" format, columns of dtype `object` (and some index " +
      "types) are serialized with pickle, and reading them back calls `pickle.loads`. The pandas documentation warns " +
      "that loading such data from untrusted sources can be unsafe. This rule reports `pandas.read_hdf` and " +
      "`pandas.HDFStore(...)` (except `mode=\"w\"`, which truncates the file), also as `pandas.io.pytables.*`. It is " +
      "medium severity and medium confidence: whether a given file contains pickled data depends on how it was written.",
    securityImplications:
      "HDF5 files look like inert numeric data and are shared freely as datasets. A crafted file with a pickled " +
      "object column runs code in the process that reads it.",
    howToFix:
      "Use Parquet or Feather to exchange tables. If HDF5 is required, write with `format=\"table\"` and explicit " +
      "non-object dtypes (strings as fixed-width), and read files only from trusted sources.",
    fixHint: "Exchange tables as Parquet/Feather; read HDF5 only from trusted sources.",
    vulnerableExample: [
      "import pandas as pd",
      "",
      "def load_upload(path):",
      "    return pd.read_hdf(path, \"data\")  # pickled object columns are unpickled",
    ].join("\n"),
    safeExample: [
      "import pandas as pd",
      "",
      "def load_upload(path):",
      "    return pd.read_parquet(path)  # columnar data only",
    ].join("\n"),
    detectionScope:
      "Calls of `pandas.read_hdf` and `pandas.HDFStore` (also `pandas.io.pytables.read_hdf`/`HDFStore`) resolved " +
      "through imports, aliases and rebinding; `HDFStore` with the constant mode `\"w\"` (keyword or position 1) is not " +
      "reported. Writes (`to_hdf`) are not findings.",
    references: [
      { title: "pandas documentation: read_hdf (pickle warning)", url: "https://pandas.pydata.org/docs/reference/api/pandas.read_hdf.html" },
      { title: "pandas documentation: HDFStore", url: "https://pandas.pydata.org/docs/reference/api/pandas.HDFStore.html" },
      ...DESERIALIZATION_REFERENCES,
    ],
    faq: [
      {
        question: "Our HDF5 files contain only floats. Is this a false positive?",
        answer:
          "For files you write yourself, yes in practice: suppress it with that justification. The rule cannot see how a " +
          "file was written, and a file from elsewhere may contain pickled columns.",
      },
    ],
  },
});
