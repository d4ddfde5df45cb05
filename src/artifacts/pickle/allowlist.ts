// Globals that the allowlist policy trusts, modelled on PyTorch's `weights_only=True` unpickler
// (torch/_weights_only_unpickler.py: _get_allowed_globals) and NumPy's object-array reconstruction.
// Entries are exact `module.name` strings (after normalisation) or `module.*` for a whole module.

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
  "_rebuild_wrapper_subclass", "_rebuild_device_tensor_from_cpu_tensor",
].map((f) => `torch._utils.${f}`);

const TORCH_MISC = [
  "torch.Size", "torch.device", "torch.dtype", "torch.Tensor", "torch._tensor.Tensor", "torch.nn.parameter.Parameter",
  "torch.nn.Parameter", "torch.storage.UntypedStorage", "torch.UntypedStorage", "torch.storage.TypedStorage",
  "torch.TypedStorage", "torch.storage._TypedStorage", "torch._tensor._rebuild_from_type_v2",
  "torch.per_tensor_affine", "torch.per_channel_affine", "torch.per_tensor_symmetric",
  "torch.per_channel_symmetric", "torch.per_channel_affine_float_qparams", "torch.contiguous_format",
  "torch.channels_last", "torch.channels_last_3d", "torch.preserve_format", "torch.strided", "torch.sparse_coo",
  "torch.sparse_csr", "torch.sparse_csc", "torch.sparse_bsr", "torch.sparse_bsc", "torch._mkldnn",
  "torch.serialization._get_layout",
];

const PYTHON_BUILTINS = [
  "set", "frozenset", "list", "dict", "tuple", "complex", "bytearray", "bytes", "slice", "range", "bool", "int",
  "float", "str", "object", "NoneType", "Ellipsis", "NotImplemented",
].map((b) => `builtins.${b}`);

const NUMPY = [
  "numpy.core.multiarray._reconstruct", "numpy.core.multiarray.scalar", "numpy._core.multiarray._reconstruct",
  "numpy._core.multiarray.scalar", "numpy.ndarray", "numpy.dtype", "numpy.core.numeric._frombuffer",
  "numpy._core.numeric._frombuffer", "numpy.dtypes.*", "numpy.ma.core._mareconstruct",
  ...["bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
    "float64", "longdouble", "complex64", "complex128", "clongdouble", "str_", "bytes_", "void", "object_",
    "datetime64", "timedelta64", "intc", "uintc", "longlong", "ulonglong"].map((t) => `numpy.${t}`),
];

const STDLIB = [
  "collections.OrderedDict", "collections.Counter", "collections.defaultdict", "collections.deque",
  "_codecs.encode", "codecs.encode", "copyreg._reconstructor", "copyreg.__newobj__", "copyreg.__newobj_ex__",
  "datetime.datetime", "datetime.date", "datetime.time", "datetime.timedelta", "datetime.timezone",
  "decimal.Decimal", "fractions.Fraction", "uuid.UUID", "enum.Enum",
];

/** joblib frames NumPy arrays with these wrappers; the arrays' own dtypes are judged separately. */
const JOBLIB = [
  "joblib.numpy_pickle.NumpyArrayWrapper", "joblib.numpy_pickle_compat.NDArrayWrapper",
  "joblib.numpy_pickle_compat.ZNDArrayWrapper",
];

export const ALLOWLIST: readonly string[] = [
  ...TORCH_STORAGE_TYPES, ...TORCH_DTYPES, ...TORCH_REBUILD, ...TORCH_MISC, ...PYTHON_BUILTINS, ...NUMPY, ...STDLIB, ...JOBLIB,
];

/**
 * Allowed globals whose call is only safe when every argument that is itself a class/function comes from
 * the allowlist too (`copyreg._reconstructor(cls, base, state)` instantiates `cls`).
 */
export const ALLOWED_ONLY_WITH_SAFE_CLASS_ARGS: ReadonlySet<string> = new Set([
  "copyreg._reconstructor", "copyreg.__newobj__", "copyreg.__newobj_ex__", "collections.defaultdict",
]);
