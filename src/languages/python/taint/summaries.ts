// Function summaries of the data-flow analysis, as plain data: they travel in a module's `ModuleSummary` between
// worker threads, through the analysis cache and into the project index, so that flows cross module boundaries.
// Browser-safe.
import type { Location } from "../../../core/types.js";

/** One step of a flow inside another module (or this one, once written down): where, and what happened there. */
export interface PlacedStep {
  place: Location;
  message: string;
}

/** A parameter of a summarised function, as a caller passes it: by keyword, or at `position` (not counting `self`/`cls`). */
export interface SummaryParameter {
  parameter: string;
  position: number;
}

/** Where a value provably comes from: literals, paths of the program's own files, data read from them. */
export type Origin = "constant" | "own-path" | "own-data";

/**
 * What a module-level constant holds, as the modules that import it see it (`from app.settings import MODEL_PATH`):
 * the origins of its value, judged in its own module, and the file names and names it went through (for the check
 * that the module using it does not write that file).
 */
export interface ConstantProvenance {
  origins: Origin[];
  reason: string;
  value?: string;
  /** A literal collection of strings (or of string pairs, as `module.name`): what another module's `find_class` allowlist reads. */
  strings?: string[];
  pairs?: string[];
  /** A dict of modules to collections of names (its keys are `strings`), as `module.name` pairs. */
  mapping?: string[];
  marks: string[];
}

/** What is known of one function (or method) of a module. */
export interface FunctionFlows {
  /** Parameters whose value reaches a deserializer: calls of the function are sinks for those arguments. */
  sinks?: (SummaryParameter & { target: string; steps: PlacedStep[] })[];
  /**
   * Fields of `self` whose value reaches a deserializer in this method: a call of the method on an object holding
   * untrusted data in that field (passed to its constructor, assigned, or stored by a setter) is a sink.
   */
  fieldSinks?: { field: string; target: string; steps: PlacedStep[] }[];
  /** Parameters this method (a constructor, a setter) stores on `self`; `C.__init__` of a dataclass: its fields. */
  stores?: (SummaryParameter & { field: string; steps: PlacedStep[] })[];
  /**
   * Not a function: a module-level name bound once to a value of the program's own (a literal, a path built from
   * `__file__`), for the trust of the deserializers other modules feed it to.
   */
  constant?: ConstantProvenance;
  /** Untrusted data the function returns (a source inside it): its calls are sources. */
  returns?: PlacedStep[];
  /**
   * A method that returns what its object holds in a field (`def recv(self, n): return self.sock.recv(n)`): called on
   * an object that keeps untrusted data there (a connection passed to its constructor), it returns that data.
   */
  returnsField?: { field: string; steps: PlacedStep[] };
  /** Parameters whose data the function returns (`def unwrap(x): return x.strip()`): calls carry their argument's taint. */
  passes?: (SummaryParameter & { steps: PlacedStep[] })[];
  /**
   * The function returns an object whose class it picks at run time (`getattr(module, name)()`, `choice([A, B])()`)
   * or a class of its module: a method called on the result may be the method of any class of the module.
   */
  factory?: true;
}

/**
 * The summaries of a module's functions by local name: `f` for a module-level function, `C.m` for a method of a
 * module-level class.
 */
export type ModuleFlows = Record<string, FunctionFlows>;

/** What a data-flow rule adds to a module's summary (see `PythonRule.flowSummary`). */
export interface FlowSummaryPart {
  flows?: ModuleFlows;
  /**
   * Qualified names of calls the analysis met on the way from a sink back to a source and could not follow (no
   * summary known): the whole-program pass summarises the project modules they name. A name that starts with `?`
   * is a callee as written whose base the file's analysis could not resolve (`?mod.f`): the modules named `mod`.
   */
  flowDemand?: string[];
  /** Every function of the module is summarised (not only those that reach a sink). */
  flowsComplete?: boolean;
}

/** The summaries a qualified name may call, found through the project index (see `ProjectResolver.flows`). */
export interface ResolvedFlows {
  /** `pkg.mod.f` or `pkg.mod.C.m`, for messages. */
  name: string;
  flows: FunctionFlows;
}

/** Bounds what one module's summary may hold on hostile input. */
export const MAX_DEMAND = 128;
export const MAX_SUMMARY_STEPS = 40;

/** Keeps a summary's (or a trace's) steps bounded: the first ones and the last ones (source and sink ends matter most). */
export function boundedSteps<T>(steps: T[], max = MAX_SUMMARY_STEPS): T[] {
  if (steps.length <= max) return steps;
  const half = max / 2;
  return [...steps.slice(0, half), ...steps.slice(-half)];
}
