import { defineRule } from "../rule.js";
import { DEPS_REFERENCES, MANIFESTS_READ, manifestRuleClassification } from "./deps-docs.js";

/** Reported on manifest lines by the dependency scan (src/dependencies), not by a sink in Python code. */
export default defineRule({
  id: "PYTHON-DEPS-SEC-002",
  name: "Dependency Range Admits a Version With a Deserialization Advisory",
  language: "python",
  severity: "low",
  confidence: "medium",
  precision: "medium",
  ...manifestRuleClassification(),
  similar: ["PYTHON-DEPS-SEC-001"],
  prefilter: [],
  sinks: [],
  docs: {
    summary:
      "Detects a version range (`>=`, `~=`, `^`, `<`, wildcards) that admits a version with a published deserialization vulnerability.",
    description:
      "A declared range such as `torch>=2.0` or `PyYAML<6` lets an installer pick an affected version: an old lock file, " +
      "a pinned transitive constraint or a mirror without the newest release is enough. The rule intersects the range " +
      "with each advisory's affected versions (PEP 440) and reports on the manifest line when they overlap, at low " +
      "severity: nothing says the affected version is what gets installed. A bare name without a specifier is not " +
      "reported (the resolver picks the newest release), and neither is a range beside a lock file or an exact pin of " +
      "the same package in the same directory, which decide the version (PYTHON-DEPS-SEC-001 judges those).",
    securityImplications:
      "If the affected version is what gets installed, the advisory applies in full: see PYTHON-DEPS-SEC-001.",
    howToFix: "Raise the lower bound to the first fixed version named in the message (`torch>=2.6`), or lock the dependencies.",
    fixHint: "Raise the range's lower bound to the fixed version named in the message.",
    vulnerableExample: ["# pyproject.toml", "[project]", 'dependencies = ["torch>=2.0", "keras~=3.5"]'].join("\n"),
    safeExample: ["# pyproject.toml", "[project]", 'dependencies = ["torch>=2.6", "keras>=3.13.2"]'].join("\n"),
    detectionScope:
      `Manifests read: ${MANIFESTS_READ}. Ranges are intersected with the affected ranges as intervals of PEP 440 versions; ` +
      "`!=` exclusions are ignored (they can only make the range smaller, so the rule may over-report a range that " +
      "excludes exactly the affected releases). Poetry `^`/`~` constraints and conda `=1.2` specs are translated to PEP 440.",
    references: DEPS_REFERENCES,
    faq: [
      {
        question: "Why low severity?",
        answer: "A range says what may be installed, not what is. A lock file or exact pin is the stronger signal, reported by PYTHON-DEPS-SEC-001.",
      },
    ],
  },
});
