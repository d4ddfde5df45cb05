// Cross-signals between code and pins: a call that is safe on current releases is not on the version the project
// pins. The facts come from the dependency scan; `annotateCodeFindings` (annotate-findings.ts) adds the note to
// existing code findings and PYTHON-DEPS-SEC-003 reports the calls that no other rule reports because they look safe.
import type { Advisory } from "./advisories.js";
import type { DependencyMatch } from "./match.js";
import type { Dependency } from "./types.js";

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
