import type { CrossSignalFacts, PinFact } from "../../dependencies/cross-signals.js";
import { pinnedAt } from "../../dependencies/cross-signals.js";
import { defineRule, type PythonRule, type SinkSpec } from "../rule.js";
import { DEPS_REFERENCES } from "./deps-docs.js";
import { DESERIALIZATION_COMPLIANCE } from "./shared-docs.js";
import { literalTruth, spelled } from "./sink-helpers.js";

const ids = (fact: PinFact) => fact.advisories.map((a) => a.id).join(", ");

/**
 * The version to upgrade to: the newest first-fixed version of the pin's advisories. torch 2.6 fixed CVE-2025-32434
 * but not CVE-2026-24747 (fixed in 2.10.0): advising ">=2.6" to a project pinning 2.9.1 (pytorch-lightning) named a
 * version still affected.
 */
function upgradeTo(fact: PinFact, fallback: string): string {
  // Release numbers compared part by part here: importing the PEP 440 library would load it on every scan.
  const parts = (v: string) => v.split(".").map((p) => parseInt(p, 10) || 0);
  const newer = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
    return false;
  };
  let best: string | undefined;
  for (const v of fact.advisories.flatMap((a) => a.fixed.split(/\s*,\s*/).filter(Boolean))) if (!best || newer(v, best)) best = v;
  return best ?? fallback;
}

/**
 * The rule as registered has no sinks: its sinks exist only for a project whose manifests pin a version without
 * the protection (see `crossSignalRule`), so a file alone never yields a finding.
 */
const RULE = defineRule({
  id: "PYTHON-DEPS-SEC-003",
  name: "Load Protection Missing in the Pinned Version",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502", "CWE-1395"],
  owasp: ["A08:2021", "A06:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "dependencies", "torch", "numpy", "cwe-502"],
  bundles: ["deps", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-DEPS-SEC-001", "PYTHON-ML-SEC-001", "PYTHON-ML-SEC-002"],
  prefilter: [],
  sinks: [],
  docs: {
    summary:
      "Detects loads that are safe on current releases but not on the version the project pins: `torch.load(..., weights_only=True)` with torch < 2.6, `numpy.load` without `allow_pickle` with numpy < 1.16.3.",
    description:
      "Code review and other scanners treat `torch.load(path, weights_only=True)` and a plain `np.load(path)` as safe, " +
      "and on current releases they are. On the version a project actually pins they are not: torch before 2.6 lets a " +
      "crafted checkpoint bypass the `weights_only` unpickler (CVE-2025-32434), and numpy before 1.16.3 unpickles object " +
      "arrays by default (CVE-2019-6446). This rule joins the dependency scan with the code: when a manifest or lock file " +
      "pins such a version, each of these calls is reported, pointing at the pin. Code findings that other rules already " +
      "report get the same note instead (`yaml.full_load` with PyYAML < 5.4, `torch.load` without `weights_only` with " +
      "torch < 2.6, raised from medium to high).",
    securityImplications:
      "The protection the code relies on does not exist in the installed version: whoever supplies the checkpoint or " +
      "array file runs code in the loading process.",
    howToFix: "Upgrade the pinned package to the version the message names (the newest first-fixed version of its advisories: torch>=2.6, or >=2.10.0 for CVE-2026-24747; numpy>=1.16.3) and re-lock; for numpy also pass `allow_pickle=False` explicitly.",
    fixHint: "Upgrade the pin named in the message; the call itself is right.",
    vulnerableExample: ["# requirements.txt: torch==2.5.1", "state = torch.load(path, weights_only=True)  # bypassable on 2.5.1"].join("\n"),
    safeExample: ["# requirements.txt: torch==2.10.0", "state = torch.load(path, weights_only=True)"].join("\n"),
    detectionScope:
      "Runs in project scans only (the pin comes from the manifests; single-file analysis and the playground have no " +
      "manifest). Calls are resolved through imports and aliases like every rule; `weights_only` must be the literal True " +
      "(other values are PYTHON-ML-SEC-001's), `allow_pickle` must be absent (an explicit value is PYTHON-ML-SEC-002's).",
    references: [
      { title: "CVE-2025-32434: torch.load weights_only=True bypass (GHSA-53q9-r3pm-6pq6)", url: "https://github.com/advisories/GHSA-53q9-r3pm-6pq6" },
      { title: "numpy: allow_pickle default changed in 1.16.3 (CVE-2019-6446)", url: "https://numpy.org/doc/stable/reference/generated/numpy.lib.format.read_array.html" },
      ...DEPS_REFERENCES,
    ],
    faq: [
      {
        question: "Why is a call with weights_only=True reported?",
        answer: "Because the pinned torch version is affected by a bypass of exactly that protection. Upgrade torch; the call is right.",
      },
    ],
  },
});

export default RULE;

/** The rule with sinks for the pins the project has; the registered rule (no sinks) when there are none. */
export function crossSignalRule(facts: CrossSignalFacts): PythonRule {
  const sinks: SinkSpec[] = [];
  const prefilter: string[] = [];
  const torch = facts.torch;
  if (torch) {
    prefilter.push("torch");
    sinks.push({
      call: ["torch.load"],
      check: (m) => (literalTruth(m.args.find("weights_only"), m.model.tree.source) === true ? {} : null),
      message: (m) =>
        `${spelled(m)} with \`weights_only=True\` is still exploitable here: the project pins ${pinnedAt(torch)}, affected by ${ids(torch)}, ` +
        `so a crafted checkpoint bypasses the restricted unpickler. Upgrade torch to >=${upgradeTo(torch, "2.6")} (better: load safetensors).`,
    });
  }
  const numpy = facts.numpy;
  if (numpy) {
    prefilter.push("numpy", "load");
    sinks.push({
      call: ["numpy.load"],
      check: (m) => (m.args.find("allow_pickle", 2) || m.args.mayBeHidden("allow_pickle", 2) ? null : {}),
      message: (m) =>
        `${spelled(m)} without \`allow_pickle\` unpickles object arrays here: the project pins ${pinnedAt(numpy)}, where the default is ` +
        `\`allow_pickle=True\` (${ids(numpy)}). Pass \`allow_pickle=False\` and upgrade numpy to >=${upgradeTo(numpy, "1.16.3")}.`,
    });
  }
  return sinks.length ? { ...RULE, prefilter, sinks } : RULE;
}
