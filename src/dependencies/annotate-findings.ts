// The pinned-version note on code findings (see cross-signals.ts). Apart from the facts, so that the rules, which
// need the facts' shape, do not load the version comparison (and its PEP 440 library) with them.
import type { Finding } from "../core/types.js";
import { pinnedAt, type CrossSignalFacts, type PinFact } from "./cross-signals.js";
import { affects } from "./versions.js";

const ids = (fact: PinFact) => fact.advisories.map((a) => a.id).join(", ");

/** Adds the pinned-version note to code findings whose risk a pin over their file raises; raises medium findings to high. */
export function annotateCodeFindings(findings: Finding[], factsOf: (file: string) => CrossSignalFacts): void {
  for (const f of findings) {
    const facts = factsOf(f.location.file);
    if (f.ruleId === "PYTHON-LANG-SEC-041" && facts.pyyaml && /FullLoader|full_load/.test(f.message)) {
      f.message += ` This project pins ${pinnedAt(facts.pyyaml)}, where FullLoader is exploitable (${ids(facts.pyyaml)}).`;
      if (f.severity === "medium") f.severity = "high";
    } else if (f.ruleId === "PYTHON-ML-SEC-001" && facts.torch && /without `weights_only`/.test(f.message) && affects(facts.torch.dependency.version!, "<2.6")) {
      f.message += ` This project pins ${pinnedAt(facts.torch)}, where \`weights_only\` defaults to False: the checkpoint is fully unpickled.`;
      if (f.severity === "medium") f.severity = "high";
    }
  }
}
