// Contract between the pickle analyser (src/artifacts/pickle), the container readers
// (src/artifacts/containers) and the surfaces (scan, inspect, playground). Browser-safe.
import type { InflateCodec } from "./containers/native-inflate.js";

/** Random access to the bytes of a possibly multi-GB file; never requires loading it whole. */
export interface ByteSource {
  readonly size: number;
  /** Returns at most `length` bytes starting at `offset` (fewer at end of file). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/**
 * allowlist (default): every call loading performs of a global outside the allowlist is an error, graded by
 * the denylist; denylist: only denylisted globals are reported (the behaviour before the allowlist).
 */
export type PicklePolicyMode = "denylist" | "allowlist";

export interface ScanBudget {
  decompressedBytes: number;
}

/** What the scanned project's own Python source says about a global a pickle names. */
export interface ProjectGlobal {
  kind: "class" | "function";
  /** Where it is defined, relative to the project root, and the line of the definition. */
  file: string;
  line: number;
  /** Set when code that loading runs (`__setstate__`, `__init__`, `__new__`, the function itself) reaches a sink. */
  danger?: string;
}

/** Globals defined in the scanned project (fed from src/project); `lookup` takes a normalised `module.name`. */
export interface ProjectGlobals {
  lookup(qualified: string): ProjectGlobal | undefined;
}

export interface PickleLimits {
  maxOpcodes: number;
  maxStackDepth: number;
  maxMemoEntries: number;
  maxNesting: number;
  /** Cap on total decompressed bytes produced from one artifact file (decompression-bomb guard). */
  maxDecompressedBytes: number;
  /** Pickle opcodes analysed per artifact file across all its members (default 50 million). */
  maxOpcodesPerFile?: number;
}

export interface PickleScanOptions {
  policy: PicklePolicyMode;
  /** Extra `module.name` globals the user trusts (allowlist mode), exact or `module.*`. */
  allowGlobals: string[];
  /** Classes and functions defined in the scanned project's own Python source. */
  projectGlobals?: ProjectGlobals;
  /**
   * Globals the loader of this piece resolves without Python (TorchScript's unpickler: `__torch__.*` classes and
   * `torch.jit._pickle` helpers): exact names or `module.*`, trusted with `reason` as their provenance.
   */
  loaderGlobals?: { names: readonly string[]; reason: string };
  /** Shared by every file of one scan: decompressed bytes left for the whole scan (spent as files are read). */
  scanBudget?: ScanBudget;
  limits: PickleLimits;
  /** Record the pseudo-Python listing of each pickle (default true; `inspect` shows it, a project scan skips it). */
  pseudoPython?: boolean;
  /**
   * Called before a piece (the file, a member, a decoded stream) of more than `heavyInputBytes` bytes is read or a
   * pickle stream that long is analysed: long work ahead (a host may prepare for it, e.g. allow its JIT's top tier).
   */
  onHeavyInput?: () => void;
  heavyInputBytes?: number;
  /** The host's DEFLATE decoder (Node's zlib), tried before fflate where its answer is fflate's: see containers/native-inflate.ts. */
  inflate?: InflateCodec;
  /**
   * The file was picked by its first bytes alone (its name is no model file's): if it is neither a pickle nor a
   * container, it is text that began like a protocol 0/1 opcode (a LICENSE opening "The MIT License" reads as a
   * BINSTRING whose length runs past the sniffed bytes), and no warning is given.
   */
  pickedByContent?: boolean;
}

/** What the policy says about one global reference or call. */
export type PickleIssueKind =
  | "dangerous-call" //        a denylisted global is called (REDUCE/NEWOBJ/OBJ/INST/...): critical
  | "dangerous-import" //      a denylisted global is imported but never called: high
  | "dynamic-global" //        STACK_GLOBAL with non-constant operands: critical
  | "extension-code" //        EXT1/EXT2/EXT4: unresolvable through copyreg registry: critical
  | "module-mutation" //       BUILD applied to a module/function object: critical
  | "unknown-call" //          allowlist mode: loading calls a global outside the allowlist, or the result of a call: high
  | "unknown-global" //        allowlist mode: a global outside the allowlist that is imported but never called: medium
  | "nested-pickle" //         a pickle embedded in an argument is itself dangerous (carries the inner issue's severity)
  | "malformed" //             parse error after globals were seen ("broken pickle" trick): high
  | "container-mismatch" //    zip local/central header name mismatch and similar container tricks: high
  | "uninspectable" //         7z or other format we cannot look inside: medium
  | "keras-code" //            a Keras config carries Python bytecode (a Lambda) or a pickle Keras unpickles: critical
  | "keras-import" //          a Keras config names a module outside Keras (denylisted critical, unknown high)
  | "keras-gadget" //          a Keras config uses one of Keras' own helpers that loads, downloads or unlocks: critical/high
  | "gguf-template" //         a GGUF chat template reaches Python internals when rendered: critical
  | "gguf-malformed" //        a GGUF header whose counts or lengths do not fit the file: medium
  | "onnx-external-path" //    an ONNX tensor's external data location leaves the model's folder: high
  | "archive-path-escape" //   an archive member's name or link target leaves the extraction folder: high
  | "config-target"; //        a model's config makes its loader instantiate a target that reaches Python internals: critical

export interface PickleIssue {
  kind: PickleIssueKind;
  severity: "critical" | "high" | "medium" | "low";
  message: string;
  /** `module.qualname` after normalisation, when the issue concerns a global. */
  global?: string;
  /** Byte offset of the opcode within the pickle stream. */
  offset?: number;
}
