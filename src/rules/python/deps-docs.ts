// Documentation shared by the dependency rules (python/deps).
import type { Reference } from "../../core/types.js";
import { DESERIALIZATION_COMPLIANCE } from "./shared-docs.js";

export const MANIFESTS_READ =
  "`requirements*.txt`/`*.in` (following `-r`/`-c` includes, with environment markers), `constraints*.txt`, " +
  "`pyproject.toml` (PEP 621 dependencies and optional dependencies, PEP 735 dependency groups, Poetry, PDM and Hatch), " +
  "`setup.cfg`, `setup.py` (`install_requires`/`extras_require` string literals, read without running it), `Pipfile`, " +
  "`Pipfile.lock`, `poetry.lock`, `uv.lock`, `pdm.lock` and conda `environment*.yml`";

export const DEPS_REFERENCES: Reference[] = [
  { title: "PEP 440: version identifiers and specifiers", url: "https://peps.python.org/pep-0440/" },
  { title: "PEP 508: dependency specification", url: "https://peps.python.org/pep-0508/" },
  { title: "OWASP A06:2021 Vulnerable and Outdated Components", url: "https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/" },
  { title: "GitHub Advisory Database (pip)", url: "https://github.com/advisories?query=ecosystem%3Apip" },
];

/** The classification of the rules the dependency scan reports on manifest lines (a pin, a range). */
export function manifestRuleClassification() {
  return {
    cwe: ["CWE-502", "CWE-1395"],
    owasp: ["A06:2021", "A08:2021"],
    compliance: DESERIALIZATION_COMPLIANCE,
    tags: ["security", "deserialization", "dependencies", "supply-chain", "sca", "cwe-502"],
    bundles: ["deps"],
    banditIds: [] as string[],
  };
}
