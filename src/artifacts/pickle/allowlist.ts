// The globals the default policy trusts: exact `module.name` strings, never prefixes. Most come from
// allowlist-generated.ts (written by scripts/artifacts/gen-allowlist.py from real library files); a few
// are curated here, each with its provenance; allowlist-drift.ts (scripts/artifacts/gen-allowlist-drift.py) adds
// what other versions of the libraries write, read from their public sources. Globals whose loading runs other code are trusted only with
// the arguments described in ARGUMENT_JUDGES.
import { DRIFT_ALLOWLIST } from "./allowlist-drift.js";
import { GENERATED_ALLOWLIST, GENERATED_ALLOWLIST_LIBRARIES } from "./allowlist-generated.js";

export { GENERATED_ALLOWLIST_LIBRARIES };

const WEIGHTS_ONLY = "curated: PyTorch's weights_only unpickler allows it (torch/_weights_only_unpickler.py)";

const TORCH_STORAGE_TYPES = [
  "Double", "Float", "Half", "Long", "Int", "Short", "Char", "Byte", "Bool", "BFloat16", "ComplexDouble",
  "ComplexFloat", "QUInt8", "QInt8", "QInt32", "QUInt4x2", "QUInt2x4",
].map((t) => `torch.${t}Storage`);

const TORCH_DTYPES = [
  "float64", "double", "float32", "float", "float16", "half", "bfloat16", "int64", "long", "int32", "int",
  "int16", "short", "int8", "uint8", "uint16", "uint32", "uint64", "bool", "complex32", "complex64",
  "complex128", "cfloat", "cdouble", "chalf", "qint8", "quint8", "qint32", "quint4x2", "quint2x4",
  "float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e5m2fnuz", "bits8", "bits16",
].map((d) => `torch.${d}`);

const TORCH_REBUILD = [
  "_rebuild_tensor", "_rebuild_tensor_v2", "_rebuild_tensor_v3", "_rebuild_parameter",
  "_rebuild_parameter_with_state", "_rebuild_qtensor", "_rebuild_sparse_tensor", "_rebuild_sparse_csr_tensor",
  "_rebuild_nested_tensor", "_rebuild_device_tensor_from_numpy", "_rebuild_meta_tensor_no_storage",
  "_rebuild_device_tensor_from_cpu_tensor",
].map((f) => `torch._utils.${f}`);

const TORCH_MISC = [
  "torch.Size", "torch.device", "torch.nn.parameter.Parameter", "torch.storage.UntypedStorage",
  "torch.UntypedStorage", "torch.storage.TypedStorage", "torch.TypedStorage", "torch.per_tensor_affine",
  "torch.per_channel_affine", "torch.per_tensor_symmetric", "torch.per_channel_symmetric",
  "torch.per_channel_affine_float_qparams", "torch.contiguous_format", "torch.channels_last",
  "torch.channels_last_3d", "torch.preserve_format", "torch.strided", "torch.sparse_coo", "torch.sparse_csr",
  "torch.sparse_csc", "torch.sparse_bsr", "torch.sparse_bsc", "torch.serialization._get_layout",
];

const CURATED: readonly (readonly [string, string])[] = [
  ...[...TORCH_STORAGE_TYPES, ...TORCH_DTYPES, ...TORCH_REBUILD, ...TORCH_MISC].map((g) => [g, WEIGHTS_ONLY] as const),
  ["builtins.tuple", "curated: a plain container type"],
  ["builtins.float", "curated: a plain scalar type"],
  ["builtins.str", "curated: a plain scalar type"],
  ["builtins.bool", "curated: a plain scalar type"],
  ["builtins.NoneType", "curated: a plain scalar type"],
  ["copyreg.__newobj__", "curated: protocol-2 object creation helper (its class argument is judged)"],
  ["copyreg.__newobj_ex__", "curated: protocol-4 object creation helper (its class argument is judged)"],
  ["torch._tensor._rebuild_from_type_v2", `${WEIGHTS_ONLY} (its function and type arguments are judged)`],
  ["torch._utils._rebuild_wrapper_subclass", `${WEIGHTS_ONLY} (its class argument is judged)`],
  ["numpy.core.multiarray._reconstruct", "curated: NumPy array reconstruction (its class argument is judged)"],
  ["numpy.core._ufunc_reconstruct", "curated: NumPy ufunc pickles (the ufunc it names is judged)"],
  ["numpy._core._ufunc_reconstruct", "curated: NumPy 2 ufunc pickles (the ufunc it names is judged)"],
  ["builtins.getattr", "generated from bound-method pickles; the attribute it reads is judged (a gadget otherwise)"],
  ["functools.partial", "curated: judged by the function it wraps"],
  // Older NumPy named the record-array classes by their defining module; numpy.recarray/numpy.record (generated)
  // are the same classes. Seen in statsmodels' vars_results.npz (object arrays holding record arrays).
  ["numpy.core.records.recarray", "curated: numpy.recarray under the module path older NumPy wrote (numpy/core/records.py)"],
  ["numpy.core.records.record", "curated: numpy.record under the module path older NumPy wrote (numpy/core/records.py)"],
  ["joblib.numpy_pickle_compat.NDArrayWrapper", "curated: joblib < 0.10 array wrapper (the file it reads is judged)"],
  ["joblib.numpy_pickle_compat.ZNDArrayWrapper", "curated: joblib < 0.10 array wrapper (the file it reads is judged)"],
];

/** NumPy 2 renamed `numpy.core` to `numpy._core`; pickles written by either spelling load with both. */
function numpySpellings(entries: readonly (readonly [string, string])[]): (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  for (const [name, provenance] of entries) {
    if (name.startsWith("numpy.core.")) out.push([`numpy._core.${name.slice(11)}`, `NumPy 2 spelling of ${name} (${provenance})`]);
  }
  return out;
}

/** Every built-in allowlist entry with where it came from. */
export const ALLOWLIST_PROVENANCE: ReadonlyMap<string, string> = new Map([
  ...numpySpellings([...GENERATED_ALLOWLIST, ...CURATED, ...DRIFT_ALLOWLIST]),
  ...DRIFT_ALLOWLIST,
  ...CURATED,
  ...GENERATED_ALLOWLIST.map(([name, seen]) => [name, `generated: real library files use it (${seen})`] as const),
]);

export const ALLOWLIST: readonly string[] = [...ALLOWLIST_PROVENANCE.keys()];

/**
 * Allowed globals whose loading invokes some of their arguments: the argument positions that are called
 * (a class instantiated, a factory or function called). Those arguments are judged as calls themselves.
 */
export const INVOKED_ARGUMENTS: ReadonlyMap<string, readonly number[]> = new Map([
  ["copyreg._reconstructor", [0, 1]],
  ["copyreg.__newobj__", [0]],
  ["copyreg.__newobj_ex__", [0]],
  ["collections.defaultdict", [0]],
  ["functools.partial", [0]],
  ["torch._tensor._rebuild_from_type_v2", [0, 1]],
  ["torch._utils._rebuild_wrapper_subclass", [0]],
  ["numpy.core.multiarray._reconstruct", [0]],
  ["numpy._core.multiarray._reconstruct", [0]],
  // numpy/random/_pickle.py: the bit generator class is instantiated; a generator's optional constructor is called.
  ["numpy.random._pickle.__bit_generator_ctor", [0]],
  ["numpy.random._pickle.__generator_ctor", [1]],
  ["numpy.random._pickle.__randomstate_ctor", [1]],
  // numpy/ma/core.py: _mareconstruct(subtype, baseclass, ...) calls subtype.__new__ and ndarray.__new__(baseclass).
  ["numpy.ma.core._mareconstruct", [0, 1]],
  // scikit-learn's newObj(cls) helpers return cls.__new__(cls).
  ["sklearn.neighbors._ball_tree.newObj", [0]],
  ["sklearn.neighbors._kd_tree.newObj", [0]],
  ["sklearn.metrics._dist_metrics.newObj", [0]],
  // pandas' index helpers build cls from a state dict.
  ["pandas.core.indexes.base._new_Index", [0]],
  ["pandas.core.indexes.datetimes._new_DatetimeIndex", [0]],
  ["pandas.core.indexes.period._new_PeriodIndex", [0]],
  ["pandas.core.indexes.interval._new_IntervalIndex", [0]],
]);

/**
 * Allowed globals that resolve another global from their arguments: `getattr(module, "name")` and
 * `_ufunc_reconstruct("module", "name")`. The machine replaces their result with the global they name,
 * which is then judged like any other; a name computed at load time is a dynamic global.
 */
export const RESOLVERS: ReadonlyMap<string, "getattr" | "module-name"> = new Map([
  ["builtins.getattr", "getattr"],
  ["numpy.core._ufunc_reconstruct", "module-name"],
  ["numpy._core._ufunc_reconstruct", "module-name"],
]);

/** Allowed loaders of nested bytes: safe only when the bytes are a constant pickle that is itself clean. */
export const NESTED_LOADERS: ReadonlySet<string> = new Set(["torch.storage._load_from_bytes"]);

/** joblib < 0.10 wrappers that read a side file named in their state with np.load(allow_pickle=True). */
export const SIDE_FILE_READERS: ReadonlySet<string> = new Set([
  "joblib.numpy_pickle_compat.NDArrayWrapper", "joblib.numpy_pickle_compat.ZNDArrayWrapper",
]);
