// What choosing the Python rules needs to know of each, before any rule is loaded: its ID, its bundles, and whether
// it judges trust (see trust-join.ts) or takes extra sources and sanitizers (a data-flow rule). A scan chooses its
// rules from this table and loads the rules themselves (registry.ts: their matchers, and through them the Python
// analysis) only when a file is to be analysed or their metadata is not remembered: a re-scan of unchanged files
// then loads none of them (about a third of the scan's script). The registry's test checks that this table says
// of every registered rule what the rule itself says. Browser-safe.

export interface PythonRuleEntry {
  id: string;
  bundles: readonly string[];
  /** The rule has `judgeTrust`. */
  judgesTrust?: true;
  /** The rule has `withFlowSpecs` (a data-flow rule: `extra-sources`, `extra-sanitizers`). */
  flow?: true;
}

const LANG = ["lang", "deserialization"];
const ML = ["ml", "deserialization"];
const CONFIG = ["config", "deserialization"];

/** Every Python rule of the registry, in ID order. */
export const PYTHON_RULE_CATALOG: readonly PythonRuleEntry[] = [
  { id: "PYTHON-CONFIG-SEC-001", bundles: CONFIG },
  { id: "PYTHON-CONFIG-SEC-002", bundles: CONFIG },
  { id: "PYTHON-CONFIG-SEC-003", bundles: CONFIG },
  { id: "PYTHON-CONFIG-SEC-004", bundles: CONFIG },
  { id: "PYTHON-CONFIG-SEC-005", bundles: CONFIG },
  { id: "PYTHON-CONFIG-SEC-006", bundles: CONFIG },
  { id: "PYTHON-CONFIG-SEC-007", bundles: CONFIG },
  { id: "PYTHON-CONFIG-SEC-008", bundles: CONFIG },
  { id: "PYTHON-DEPS-SEC-001", bundles: ["deps"] },
  { id: "PYTHON-DEPS-SEC-002", bundles: ["deps"] },
  { id: "PYTHON-DEPS-SEC-003", bundles: ["deps", "deserialization"] },
  { id: "PYTHON-DESER-001", bundles: LANG, flow: true },
  { id: "PYTHON-LANG-SEC-040", bundles: LANG, judgesTrust: true },
  { id: "PYTHON-LANG-SEC-041", bundles: LANG, judgesTrust: true },
  { id: "PYTHON-LANG-SEC-042", bundles: LANG, judgesTrust: true },
  { id: "PYTHON-LANG-SEC-043", bundles: LANG, judgesTrust: true },
  { id: "PYTHON-LANG-SEC-044", bundles: LANG, judgesTrust: true },
  { id: "PYTHON-LANG-SEC-045", bundles: LANG, judgesTrust: true },
  { id: "PYTHON-LANG-SEC-046", bundles: LANG, judgesTrust: true },
  { id: "PYTHON-LANG-SEC-073", bundles: LANG },
  { id: "PYTHON-ML-SEC-001", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-002", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-003", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-004", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-005", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-006", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-007", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-008", bundles: ML },
  { id: "PYTHON-ML-SEC-009", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-010", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-011", bundles: ML, judgesTrust: true },
  { id: "PYTHON-ML-SEC-012", bundles: ML, judgesTrust: true },
];
