import { defineRule } from "../rule.js";
import { DEPS_REFERENCES, MANIFESTS_READ, manifestRuleClassification } from "./deps-docs.js";

/** Reported on manifest lines by the dependency scan (src/dependencies), not by a sink in Python code. */
export default defineRule({
  id: "PYTHON-DEPS-SEC-001",
  name: "Pinned Dependency With a Deserialization Advisory",
  language: "python",
  severity: "critical",
  confidence: "high",
  precision: "very-high",
  ...manifestRuleClassification(),
  similar: ["PYTHON-DEPS-SEC-002", "PYTHON-DEPS-SEC-003"],
  prefilter: [],
  sinks: [],
  docs: {
    summary:
      "Detects a dependency pinned or locked at a version with a published deserialization vulnerability (PyYAML, torch, numpy, keras, tensorflow, transformers, bentoml).",
    description:
      "Pathfinder reads the project's dependency manifests and lock files and matches every exact pin (`==`, `===`) and " +
      "every locked version against a curated table of advisories for libraries that deserialize: PyYAML's unsafe and " +
      "FullLoader defaults, the torch `weights_only` bypasses, numpy's old `allow_pickle=True` default, keras `safe_mode` " +
      "bypasses and Lambda layers, tensorflow's `model_from_yaml`, transformers loaders that unpickle Hub files, and " +
      "bentoml's pickled request payloads. The finding sits on the manifest line that pins the version and names each " +
      "advisory, what it lets an attacker do, and the first fixed version. The severity is the highest of the " +
      "advisories (disputed reports count as medium).",
    securityImplications:
      "An affected version turns a call that looks safe into code execution: `torch.load(f, weights_only=True)` on torch " +
      "< 2.6, `yaml.full_load` on PyYAML < 5.4, `keras.models.load_model(path)` with `safe_mode=True` on keras < 3.9. " +
      "Whoever supplies the model, checkpoint or YAML document runs code with the application's rights. Lock files are " +
      "what is installed in CI and production, so a locked affected version is exploitable wherever it is deployed.",
    howToFix:
      "Raise the pin to the fixed version the finding names (or later) and re-lock. Where an upgrade is not possible yet, " +
      "avoid the affected API for untrusted input (for torch, load only safetensors; for PyYAML, `yaml.safe_load`).",
    fixHint: "Upgrade the pinned version to the fixed release named in the message and regenerate the lock file.",
    vulnerableExample: ["# requirements.txt", "torch==2.5.1      # CVE-2025-32434: weights_only=True is bypassable", "PyYAML==5.3.1     # CVE-2020-14343"].join("\n"),
    safeExample: ["# requirements.txt", "torch==2.10.0", "PyYAML==6.0.2"].join("\n"),
    detectionScope:
      `Manifests read: ${MANIFESTS_READ}. Exact pins and locked versions are matched with PEP 440 ordering ` +
      "(`@renovatebot/pep440`); ranges are PYTHON-DEPS-SEC-002. Package names are normalised (PEP 503: `PyYAML`, `pyyaml`, " +
      "`py_yaml` are one). Direct URL references and local paths carry no version and are not matched. The advisory table " +
      "is listed in the README with each row's source.",
    references: [
      { title: "CVE-2025-32434: torch.load weights_only=True bypass (GHSA-53q9-r3pm-6pq6)", url: "https://github.com/advisories/GHSA-53q9-r3pm-6pq6" },
      { title: "CVE-2020-14343: PyYAML FullLoader code execution", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-14343" },
      { title: "CVE-2025-1550: keras safe_mode bypass (GHSA-48g7-3x6r-xfhp)", url: "https://github.com/advisories/GHSA-48g7-3x6r-xfhp" },
      ...DEPS_REFERENCES,
    ],
    faq: [
      {
        question: "Why only these packages and not every CVE on PyPI?",
        answer:
          "Pathfinder is a deserialization scanner: the table holds advisories that make loading data or models run code, " +
          "checked by hand against their sources. Use a general SCA tool (pip-audit, OSV-Scanner) for everything else.",
      },
      {
        question: "The pin is in a lock file I do not edit by hand.",
        answer: "Raise the constraint in pyproject.toml/Pipfile (or add a constraint) and re-lock; the finding goes away with the locked version.",
      },
    ],
  },
});
