import type { SyntaxNode } from "../../languages/python/syntax.js";
import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { namesOf, spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const ADVICE = "Inspect `skops.io.get_untrusted_types(...)` and pass only the types you have reviewed as `trusted=[...]`.";
const UNTRUSTED_TYPES = "skops.io.get_untrusted_types";

const LISTS = new Set(["list", "tuple", "none", "false"]);

/** A literal list of type names, written in the call or bound to a name: the caller's own allowlist. */
function isReviewedList(m: SinkMatch, trusted: SyntaxNode): boolean {
  if (LISTS.has(trusted.type)) return true;
  if (trusted.type !== "identifier") return false;
  const bindings = m.model.lookup(m.model.text(trusted), m.scope, trusted);
  return !!bindings?.length && bindings.every((b) => b.kind === "assignment" && b.value !== undefined && LISTS.has(b.value.type));
}

function check(m: SinkMatch): SinkOutcome | null {
  const trusted = m.args.find("trusted", 1);
  if (!trusted) return null;
  if (trusted.type === "true") {
    return { message: `${spelled(m)} with \`trusted=True\` instantiates every type the file names, which lets a crafted file run arbitrary code. ${ADVICE}` };
  }
  if (isReviewedList(m, trusted)) return null;
  if (namesOf(m, trusted).includes(`${UNTRUSTED_TYPES}()`)) {
    return {
      message: `${spelled(m)} trusts the result of \`get_untrusted_types\`, i.e. every type the file itself asks for: that disables skops' protection and lets a crafted file run arbitrary code. ${ADVICE}`,
    };
  }
  return {
    confidence: "medium",
    message: `${spelled(m)} takes \`trusted\` from a value the analysis cannot check; if it includes types from the file itself, a crafted file can run arbitrary code. ${ADVICE}`,
  };
}

export default defineRule({
  id: "PYTHON-ML-SEC-011",
  name: "skops Load Trusting All Types",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "skops", "scikit-learn", "ml", "model", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-004"],
  prefilter: ["skops"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["skops.io.load", "skops.io.loads"], check, message: (m) => `${spelled(m)} may trust types chosen by the file. ${ADVICE}` }],
  docs: {
    summary: "Detects `skops.io.load`/`loads` with `trusted=True` or with the file's own `get_untrusted_types()` result, which defeats skops' type checks.",
    description:
      "skops' persistence format exists to load scikit-learn models without pickle's risks: it refuses to instantiate " +
      "types that are not on a safe list unless the caller trusts them explicitly. `trusted=True` (skops < 0.10) trusts " +
      "everything, and the common shortcut `trusted=get_untrusted_types(file=path)` trusts exactly the types the file " +
      "asks for, which is the same thing: a crafted file can name functions such as `builtins.exec` or " +
      "`os.system` and have them called. This rule reports those two patterns, and a `trusted` value it cannot inspect " +
      "at medium confidence. A literal list of type names (in the call or bound to a name) is treated as a reviewed allowlist.",
    securityImplications:
      "Models shared on hubs in skops format are considered safe to open. With the check disabled, opening one runs the " +
      "attacker's chosen callables in the loading process.",
    howToFix:
      "Call `skops.io.get_untrusted_types(file=path)`, review the list, and pass only the reviewed type names as a " +
      "literal `trusted=[...]`. Refuse files that ask for anything else.",
    fixHint: "Pass a reviewed literal list to trusted=, never True or the file's own get_untrusted_types().",
    vulnerableExample: [
      "import skops.io as sio",
      "",
      "def load(path):",
      "    return sio.load(path, trusted=sio.get_untrusted_types(file=path))  # trusts whatever the file wants",
    ].join("\n"),
    safeExample: [
      "import skops.io as sio",
      "",
      "REVIEWED = [\"sklearn.ensemble._forest.RandomForestClassifier\"]",
      "",
      "def load(path):",
      "    unknown = set(sio.get_untrusted_types(file=path)) - set(REVIEWED)",
      "    if unknown:",
      "        raise ValueError(f\"unreviewed types: {sorted(unknown)}\")",
      "    return sio.load(path, trusted=REVIEWED)",
    ].join("\n"),
    detectionScope:
      "Calls of `skops.io.load` and `skops.io.loads` with `trusted` (keyword or position 1) literally `True`, bound to " +
      "a call of `skops.io.get_untrusted_types` (directly or through a variable), or a value the analysis cannot " +
      "inspect (medium confidence). No `trusted`, `None`, `False` and literal lists (also through a name bound only to a " +
      "literal list) are not reported.",
    references: [
      { title: "skops documentation: secure persistence", url: "https://skops.readthedocs.io/en/stable/persistence.html" },
      { title: "skops API: skops.io.load", url: "https://skops.readthedocs.io/en/stable/modules/classes.html#skops.io.load" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "Why is `trusted=get_untrusted_types(file=path)` a problem? It is in many examples.",
        answer:
          "It trusts the list the file provides, so a malicious file trusts itself. Review the list once and keep the " +
          "reviewed names in code.",
      },
    ],
  },
});
