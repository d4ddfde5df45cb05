// The trust of a deserializer call's input, as the pattern rules judge it on their own: `internal` when the data
// provably comes from literals or the program's own files, else `unknown`. `untrusted` comes from
// PYTHON-DESER-001's flows (see `src/rules/python/trust-join.ts`).
import { ProvenanceEvaluator } from "../../languages/python/provenance.js";
import type { SemanticModel } from "../../languages/python/semantic/model.js";
import { referenced, type SinkMatch, type TrustJudgement } from "../rule.js";
import type { ConstantProvenance } from "../../languages/python/taint/summaries.js";
import { DATA_KEYWORDS, inputArgument } from "./sink-input.js";

/** The data-flow rule's input keywords, and the file objects of the loaders only the pattern rules judge. */
const INPUT_KEYWORDS = [...DATA_KEYWORDS, "fileobj", "file_obj"];

/**
 * Sinks whose input is the serialized data itself (a literal there is the payload). Every other sink reads a file
 * or a path, where a literal only names a file: relative to the working directory, or somewhere on the machine,
 * neither of which the program controls.
 */
function readsDataArgument(target: string): boolean {
  return /(^|\.)(loads|_loads|decode|unpackb|pickle_loads)$/.test(target) || /^(yaml|ruamel\.yaml)\./.test(target);
}

const evaluators = new WeakMap<SemanticModel, ProvenanceEvaluator>();

function evaluatorFor(model: SemanticModel): ProvenanceEvaluator {
  let evaluator = evaluators.get(model);
  if (!evaluator) evaluators.set(model, (evaluator = new ProvenanceEvaluator(model)));
  return evaluator;
}

/** The other modules' constants the trust judgements of this file needed and the project index did not know. */
export function trustDemand(model: SemanticModel): string[] {
  return [...(evaluators.get(model)?.demand ?? [])];
}

/** What this module's constant `name` holds, for the modules that import it (see `ProvenanceEvaluator.exportedConstant`). */
export function exportedConstant(model: SemanticModel, name: string): ConstantProvenance | undefined {
  return evaluatorFor(model).exportedConstant(name);
}

/**
 * `PythonRule.judgeTrust` of the deserializer pattern rules. Undefined (no trust property) for a sink passed as a
 * callable or called without an input argument (`msgpack_numpy.patch()`, a `Listener`): nothing to judge.
 */
export function judgeInputTrust(m: SinkMatch): TrustJudgement | undefined {
  if (m.via === "reference") return { trust: "unknown", reason: `the deserializer ${referenced(m)}; what it is applied to is not followed` };
  const arg = inputArgument(m, INPUT_KEYWORDS);
  if (!arg) return undefined;
  const evaluator = evaluatorFor(m.model);
  const { provenance: p, writtenHere, outside } = evaluator.judge(arg, m.scope);
  if (writtenHere) return { trust: "unknown", reason: "the input is a file of the program's own that this module also writes, so it holds what was written at run time" };
  if (!p) return outside ? { trust: "unknown", reason: `the input depends on ${outside}` } : { trust: "unknown" };
  const data = readsDataArgument(m.target);
  const internal = [...p.origins].every((o) => o !== "constant" || data);
  if (internal) return { trust: "internal", reason: `the input is ${p.reason}` };
  return { trust: "unknown", reason: "the input is a literal path, which names a file relative to the working directory or elsewhere on the machine, not one of the program's own" };
}
