// The result of analysing one pickle byte string. Offsets are byte offsets within the analysed bytes.
import type { PickleIssue } from "../types.js";

export interface PickleImport {
  /** Module as written in the pickle (or a rendering of the operand for dynamic globals). */
  module: string;
  name: string;
  /** `module.name` after `_compat_pickle` mapping (protocol < 3); `<dynamic>` when not constant. */
  normalized: string;
  /** GLOBAL, INST, STACK_GLOBAL, EXT1, EXT2 or EXT4. */
  opcode: string;
  offset: number;
  /** True when STACK_GLOBAL operands are not constant strings. */
  dynamic: boolean;
}

export interface PickleCall {
  /** Normalised `module.name` of the called global, or `<unknown>`. */
  callee: string;
  /** REDUCE, NEWOBJ, NEWOBJ_EX, OBJ, INST or BUILD. */
  opcode: string;
  offset: number;
  /** Short Python rendering of the arguments (for BUILD: the state). */
  args: string;
}

export type VerdictKind = "allowlisted" | "user-allowed" | "project" | "denylisted" | "unknown" | "call-result";

export interface PickleVerdict {
  offset: number;
  /** The global (or `<result of a call>`) judged. */
  subject: string;
  /** "call": loading calls it; "import": only imported or passed along. */
  use: "call" | "import";
  verdict: VerdictKind;
  /** Why: the allowlist entry's provenance, the denylist reason, the project definition, ... */
  reason: string;
}

export interface PickleAnalysis {
  /** False when the bytes do not parse as a pickle at all (not a finding). */
  isPickle: boolean;
  /** Highest PROTO seen. */
  protocol: number | null;
  /** Stacked pickles read (reading continues after STOP while bytes remain and parse). */
  streams: number;
  opcodeCount: number;
  /** End offset of the last complete stream. */
  bytesConsumed: number;
  imports: PickleImport[];
  calls: PickleCall[];
  persistentIds: { offset: number; value: string }[];
  /** Why each global and call was judged as it was (filled by the policy; for `inspect`). */
  verdicts?: PickleVerdict[];
  /** What the policy judged; empty for benign files. */
  issues: PickleIssue[];
  /** Pickles found inside byte/str arguments of loads-like calls. */
  nested: { offset: number; analysis: PickleAnalysis }[];
  /** Parse error or limit hit; the analysis up to there is kept. */
  error?: { message: string; offset: number };
  /**
   * Pseudo-Python statements in execution order (`_var0 = system('ls')`, `result = ...`), used by
   * renderPseudoPython. Optional so that hand-built analyses stay valid.
   */
  statements?: string[];
}
