import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const ADVICE = "Upgrade to NLTK >= 3.9 and use its pickle-free resources (punkt_tab, averaged_perceptron_tagger_eng); load only resources from a trusted nltk_data directory.";
const PICKLE_EXTENSIONS = /\.(pickle|pkl)$/i;

/** nltk.data.load(resource_url, format="auto", ...): pickle is chosen by `format` or by the resource's extension. */
function check(m: SinkMatch): SinkOutcome | null {
  const format = m.args.find("format", 1);
  const formatValue = format && m.model.constantString(format, m.scope);
  if (format && formatValue === undefined) {
    return { confidence: "low", message: `${spelled(m)} with a non-constant \`format\`: when it is "pickle" (or "auto" on a .pickle resource) the resource is unpickled. ${ADVICE}` };
  }
  if (formatValue === "pickle") return { message: message(m) };
  if (formatValue !== undefined && formatValue !== "auto") return null;
  const resource = m.args.find("resource_url", 0);
  if (!resource) return m.args.mayBeHidden("resource_url", 0) ? { confidence: "low", message: message(m) } : null;
  const url = m.model.constantString(resource, m.scope);
  if (url === undefined) {
    return { confidence: "low", message: `${spelled(m)} loads a resource named at run time; resources ending in .pickle are unpickled. ${ADVICE}` };
  }
  return PICKLE_EXTENSIONS.test(url) ? { message: message(m) } : null;
}

function message(m: SinkMatch): string {
  return `${spelled(m)} unpickles a .pickle resource: before NLTK 3.9 with no restriction at all (CVE-2024-39705), since then through a restricted unpickler. A tampered nltk_data package can run code. ${ADVICE}`;
}

export default defineRule({
  id: "PYTHON-ML-SEC-012",
  name: "NLTK Loads Pickled Resources",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "medium",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "nltk", "nlp", "ml", "pickle", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-004"],
  prefilter: ["nltk"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["nltk.data.load"], check, message }],
  docs: {
    summary: "Detects `nltk.data.load` of pickled resources (`.pickle` files or `format=\"pickle\"`), which unpickles data from the nltk_data directories.",
    description:
      "`nltk.data.load` picks a loader from the `format` argument or, by default, from the resource's file extension. " +
      "For `.pickle` resources (the classic punkt tokenizers and taggers) it unpickles the file. Up to NLTK 3.8.1 this " +
      "was a plain `pickle.load`, so a tampered data package executed code (CVE-2024-39705); NLTK 3.9 switched to a " +
      "restricted unpickler and pickle-free replacements. This rule reports `nltk.data.load` with `format=\"pickle\"`, " +
      "or with the default format and a constant resource name ending in `.pickle`/`.pkl` (medium severity), and " +
      "resources or formats named at run time at low confidence.",
    securityImplications:
      "NLTK resources are downloaded from the internet into shared directories (`~/nltk_data`, `/usr/share/nltk_data`, " +
      "paths from `NLTK_DATA`). Anyone who can write there, or tamper with the download, controls the unpickled bytes.",
    howToFix:
      "Upgrade to NLTK 3.9 or later and use the pickle-free resources (`punkt_tab`, `averaged_perceptron_tagger_eng`, " +
      "`nltk.sent_tokenize`/`pos_tag`, which load them). Keep nltk_data in a directory only your deployment can write, " +
      "and never point `nltk.data.path` at user-controlled locations.",
    fixHint: "Use NLTK >= 3.9 pickle-free resources (punkt_tab) instead of loading .pickle files.",
    vulnerableExample: [
      "import nltk",
      "",
      "tokenizer = nltk.data.load(\"tokenizers/punkt/english.pickle\")  # unpickles the resource",
    ].join("\n"),
    safeExample: [
      "import nltk",
      "",
      "sentences = nltk.sent_tokenize(text)  # NLTK >= 3.9 loads punkt_tab, no pickle",
    ].join("\n"),
    detectionScope:
      "Calls of `nltk.data.load` (also `from nltk.data import load`, aliases, rebinding) with `format` (keyword or " +
      "position 1) constant \"pickle\", or \"auto\"/missing with a constant `resource_url` ending in .pickle/.pkl; a " +
      "non-constant format or resource is reported at low confidence. Other formats (text, yaml, json, cfg, ...) are " +
      "not reported. Internal NLTK loaders that unpickle model files are not covered.",
    references: [
      { title: "NLTK documentation: nltk.data.load", url: "https://www.nltk.org/api/nltk.data.html#nltk.data.load" },
      { title: "CVE-2024-39705 / GHSA-cgvx-9447-vcch: NLTK unsafe deserialization", url: "https://github.com/advisories/GHSA-cgvx-9447-vcch" },
      { title: "nltk/nltk#3266: remote code execution through pickled resources", url: "https://github.com/nltk/nltk/issues/3266" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "We are on NLTK 3.9+. Is this still a problem?",
        answer:
          "Much less: the restricted unpickler refuses classes and functions, which is why the severity is medium. " +
          "Restricted unpicklers have been bypassed before, and the pickle-free resources make the question moot.",
      },
    ],
  },
});
