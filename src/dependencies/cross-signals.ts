// Cross-signals between code and pins: a call that is safe on current releases is not on the version the project
// pins. The facts come from the dependency scan; `annotateCodeFindings` adds the note to existing code findings
// and PYTHON-DEPS-SEC-003 reports the calls that no other rule reports because they look safe.
import type { Finding } from "../core/types.js";
import type { Advisory } from "./advisories.js";
import type { DependencyMatch } from "./match.js";
import type { Dependency } from "./types.js";
import { affects } from "./versions.js";

export interface PinFact {
  dependency: Dependency;
  advisories: Advisory[];
}

/** Pinned or locked versions that lack a protection code relies on, by package. */
export interface CrossSignalFacts {
  /** torch < 2.6 (or a weights_only advisory): `weights_only=True` is bypassable, and the default is False before 2.6. */
  torch?: PinFact;
  /** PyYAML with a FullLoader advisory: `full_load`/`FullLoader` run code. */
  pyyaml?: PinFact;
  /** numpy < 1.16.3: `numpy.load` defaults to `allow_pickle=True`. */
  numpy?: PinFact;
}

const SIGNAL_PACKAGE = { "torch-weights-only": "torch", "yaml-full-load": "pyyaml", "numpy-load-default": "numpy" } as const;

/** The facts from pinned matches; the lowest pinned version wins when several manifests pin a package. */
export function crossSignalFacts(matches: readonly DependencyMatch[]): CrossSignalFacts {
  const facts: CrossSignalFacts = {};
  for (const m of matches) {
    if (m.kind !== "pinned") continue;
    for (const a of m.advisories) {
      if (!a.signal) continue;
      const key = SIGNAL_PACKAGE[a.signal];
      const known = facts[key];
      if (known && known.dependency !== m.dependency) continue;
      facts[key] = { dependency: m.dependency, advisories: [...(known?.advisories ?? []), a] };
    }
  }
  return facts;
}

/** "torch 2.5.1 (requirements.txt:3)". */
export function pinnedAt(fact: PinFact): string {
  const d = fact.dependency;
  return `${d.spelledName} ${d.version} (${d.locked ? "locked in" : "pinned in"} ${d.file}:${d.line})`;
}

const ids = (fact: PinFact) => fact.advisories.map((a) => a.id).join(", ");

/** Adds the pinned-version note to code findings whose risk the pin raises; raises medium findings to high. */
export function annotateCodeFindings(findings: Finding[], facts: CrossSignalFacts): void {
  for (const f of findings) {
    if (f.ruleId === "PYTHON-LANG-SEC-041" && facts.pyyaml && /FullLoader|full_load/.test(f.message)) {
      f.message += ` This project pins ${pinnedAt(facts.pyyaml)}, where FullLoader is exploitable (${ids(facts.pyyaml)}).`;
      if (f.severity === "medium") f.severity = "high";
    } else if (f.ruleId === "PYTHON-ML-SEC-001" && facts.torch && /without `weights_only`/.test(f.message) && affects(facts.torch.dependency.version!, "<2.6")) {
      f.message += ` This project pins ${pinnedAt(facts.torch)}, where \`weights_only\` defaults to False: the checkpoint is fully unpickled.`;
      if (f.severity === "medium") f.severity = "high";
    }
  }
}
