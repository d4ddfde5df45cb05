// Public surface of the pickle analyser: sniff, analyse (machine + policy), render as pseudo-Python.
//
//   if (looksLikePickle(bytes)) {
//     const a = analyzePickle(bytes, { policy: "allowlist", allowGlobals: ["sklearn.*"] });
//     for (const issue of a.issues) report(issue);        // offsets are within `bytes`
//     console.log(renderPseudoPython(a));                 // from posix import system / _var0 = system('id')
//   }
//
// Layers: opcodes.ts (table) -> vm.ts (reads opcodes, symbolic stack machine, records imports/calls)
// -> policy.ts (denylist.ts / allowlist.ts via names.ts) -> issues. Nothing is ever executed.
import type { PickleScanOptions } from "../types.js";
import type { PickleAnalysis } from "./analysis.js";
import { INVOKED_ARGUMENTS, judge, RESOLVERS } from "./policy.js";
import { looksLikePickle } from "./sniff.js";
import { runMachine, type NestedHook } from "./vm.js";

export type { PickleAnalysis, PickleCall, PickleImport, PickleVerdict, VerdictKind } from "./analysis.js";
export { looksLikePickle } from "./sniff.js";
export { renderPseudoPython } from "./pseudo-python.js";
export { DENYLIST } from "./denylist.js";
export { ALLOWLIST, ALLOWLIST_PROVENANCE, GENERATED_ALLOWLIST_LIBRARIES } from "./allowlist.js";

export const DEFAULT_PICKLE_OPTIONS: PickleScanOptions = {
  policy: "allowlist",
  allowGlobals: [],
  limits: {
    maxOpcodes: 5_000_000,
    maxStackDepth: 100_000,
    maxMemoEntries: 1_000_000,
    maxNesting: 32,
    maxDecompressedBytes: 256 * 1024 * 1024,
  },
};

/** Calls whose first argument is deserialised as a pickle (or a legacy torch file made of pickles). */
const LOADS_LIKE: ReadonlySet<string> = new Set([
  "pickle.loads", "pickle._loads", "_pickle.loads", "dill.loads", "dill._dill.loads", "cloudpickle.loads",
  "cloudpickle.cloudpickle.loads", "joblib.numpy_pickle.loads", "numpy.loads", "numpy.core.numeric.loads",
  "pandas.compat.pickle_compat.loads", "torch.load", "torch.serialization.load", "torch.storage._load_from_bytes",
]);

export function analyzePickle(bytes: Uint8Array, options?: Partial<PickleScanOptions>): PickleAnalysis {
  const resolved: PickleScanOptions = {
    policy: options?.policy ?? DEFAULT_PICKLE_OPTIONS.policy,
    allowGlobals: options?.allowGlobals ?? DEFAULT_PICKLE_OPTIONS.allowGlobals,
    ...(options?.projectGlobals ? { projectGlobals: options.projectGlobals } : {}),
    ...(options?.loaderGlobals ? { loaderGlobals: options.loaderGlobals } : {}),
    ...(options?.scanBudget ? { scanBudget: options.scanBudget } : {}),
    limits: { ...DEFAULT_PICKLE_OPTIONS.limits, ...options?.limits },
    ...(options?.pseudoPython === false ? { pseudoPython: false } : {}),
  };
  return analyzeAt(bytes, resolved, 0, { opcodes: resolved.limits.maxOpcodes });
}

function analyzeAt(bytes: Uint8Array, options: PickleScanOptions, depth: number, budget: { opcodes: number }): PickleAnalysis {
  const nested: NestedHook = {
    isLoadsLike: (callee) => LOADS_LIKE.has(callee),
    analyze: (inner) =>
      depth + 1 > options.limits.maxNesting ? nestingLimitReached(inner) : analyzeAt(inner, options, depth + 1, budget),
  };
  const trace = runMachine(bytes, {
    limits: options.limits,
    budget,
    invokedArguments: INVOKED_ARGUMENTS,
    resolvers: RESOLVERS,
    nested,
    statements: options.pseudoPython !== false,
    sweepAfterLimit: true,
  });
  const a = trace.analysis;
  a.issues = a.isPickle ? judge(trace, options) : [];
  return a;
}

/** What an embedded pickle below the nesting limit reports: not inspected, so not trusted. */
function nestingLimitReached(bytes: Uint8Array): PickleAnalysis | undefined {
  if (!looksLikePickle(bytes)) return undefined;
  return {
    isPickle: true,
    protocol: null,
    streams: 0,
    opcodeCount: 0,
    bytesConsumed: 0,
    imports: [],
    calls: [],
    persistentIds: [],
    issues: [
      {
        kind: "nested-pickle",
        severity: "high",
        message: "Pickles are nested deeper than the nesting limit; the innermost one was not inspected",
      },
    ],
    nested: [],
    error: { message: "nesting limit reached", offset: 0 },
  };
}
