#!/usr/bin/env python3
"""Writes src/artifacts/pickle/allowlist-drift.ts: the globals that real pickles written by OTHER versions of the
libraries than Debian's (numpy 2.x, pandas 2.x/3.x, scikit-learn 1.3-1.6, torch 2.x, scipy 1.11+, joblib 1.4/1.5,
xgboost and LightGBM through their scikit-learn wrappers) reference, which gen-allowlist.py cannot see because it
pickles with the libraries installed here.

Each entry carries its provenance (library, version, source file) and was judged safe to call at load time:
classes rebuilt through copyreg/NEWOBJ/BUILD whose __setstate__ only stores data, constructors of data objects,
math functions (ufuncs, metrics) and the libraries' own pickle helpers, whose argument-invoking ones are judged by
their arguments in allowlist.ts (INVOKED_ARGUMENTS). Nothing here is a prefix, and no entry comes from a module
that runs code (testing helpers, IO, downloads, compilers).

Sources:
  - rules of thumb applied to public source trees (pass their git directories): numpy's ufunc table
    (numpy/_core/code_generators/generate_umath.py), scipy's distribution classes (scipy/stats/_continuous_distns.py,
    _discrete_distns.py) and sparse containers (scipy/sparse/_*.py), xgboost's and LightGBM's scikit-learn wrappers;
  - the installed pandas (every date offset class) and scikit-learn (kernels, losses, links);
  - curated tables below, each row naming the version and file it was read from.

Never loads anything: it reads source text and, for the installed libraries, class names.

Run: /usr/bin/python3 scripts/artifacts/gen-allowlist-drift.py --numpy DIR --scipy DIR --xgboost DIR --lightgbm DIR
(each DIR a git directory of the public repository, e.g. one brought by `git clone --bare`).
"""
import argparse
import inspect
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT_TS = os.path.join(ROOT, "src", "artifacts", "pickle", "allowlist-drift.ts")
GENERATED_TS = os.path.join(ROOT, "src", "artifacts", "pickle", "allowlist-generated.ts")

ENTRIES = {}  # name -> provenance


def add(names, provenance):
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+", name):
            raise SystemExit(f"not an exact dotted name: {name}")
        ENTRIES.setdefault(name, provenance)


def git_show(gitdir, path):
    return subprocess.run(["git", "--git-dir", gitdir, "show", f"HEAD:{path}"], check=True, capture_output=True, text=True).stdout


def git_head(gitdir):
    out = subprocess.run(["git", "--git-dir", gitdir, "describe", "--tags", "--always"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "--git-dir", gitdir, "rev-parse", "--short=12", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    return f"{out or commit} ({commit})"


# ---- rules of thumb over public source trees ------------------------------------------------------------

def from_numpy(gitdir):
    at = f"numpy {git_head(gitdir)}"
    table = git_show(gitdir, "numpy/_core/code_generators/generate_umath.py")
    ufuncs = sorted({m for m in re.findall(r"^'([a-z][a-z0-9_]*)':", table, re.M)})
    # NumPy 2 pickles a ufunc by its __name__, which pickle looks up as numpy.<name>; NumPy 1.x wrote the extension
    # module's path (numpy.core._multiarray_umath.<name>; numpySpellings adds numpy._core.*).
    add([f"numpy.{u}" for u in ufuncs], f"{at}: ufunc pickled by name (numpy/_core/__init__.py _ufunc_reduce; table in generate_umath.py)")
    add([f"numpy.core._multiarray_umath.{u}" for u in ufuncs], f"{at}: NumPy 1.x ufunc pickles (_ufunc_reconstruct of the extension module)")
    pickle_py = git_show(gitdir, "numpy/random/_pickle.py")
    bitgens = re.findall(r"^from \.(_\w+) import ([\w, ]+)$", pickle_py, re.M)
    for module, names in bitgens:
        for name in (n.strip() for n in names.split(",")):
            if module in ("_mt19937", "_pcg64", "_philox", "_sfc64"):
                add([f"numpy.random.{module}.{name}"], f"{at}: bit generator class passed to __bit_generator_ctor (numpy/random/bit_generator.pyx __reduce__)")
    add(["numpy.random._generator.Generator", "numpy.random.mtrand.RandomState", "numpy.random.bit_generator.BitGenerator"],
        f"{at}: numpy/random/_pickle.py")
    add(["numpy._core._internal._convert_to_stringdtype_kwargs"], f"{at}: StringDType.__reduce__ (numpy/_core/src/multiarray/stringdtype/dtype.c)")
    add(["numpy._core._DType_reconstruct", "numpy.core._DType_reconstruct"], f"{at}: dtype classes of user dtypes (numpy/_core/__init__.py _DType_reduce)")
    scalars = ["bool", "bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
               "float64", "longdouble", "float96", "float128", "complex64", "complex128", "clongdouble", "complex192", "complex256",
               "intc", "uintc", "intp", "uintp", "long", "ulong", "longlong", "ulonglong", "short", "ushort", "byte", "ubyte", "half",
               "single", "double", "csingle", "cdouble", "str_", "bytes_", "void", "object_", "datetime64", "timedelta64",
               # the abstract scalar types, kept by dtype selectors such as make_column_selector(dtype_include=np.number)
               "generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact", "floating", "complexfloating",
               "flexible", "character"]
    add([f"numpy.{t}" for t in scalars], f"{at}: scalar types, pickled by name when kept as a dtype argument (numpy/_core/numerictypes.py)")
    dtypes = git_show(gitdir, "numpy/dtypes.pyi")
    add([f"numpy.dtypes.{d}" for d in sorted(set(re.findall(r"^class (\w+DType)\b", dtypes, re.M)))],
        f"{at}: DType classes pickled by name (numpy/dtypes.pyi; numpy/_core/__init__.py _DType_reduce)")


def from_scipy(gitdir):
    at = f"scipy {git_head(gitdir)}"
    for path in ("scipy/stats/_continuous_distns.py", "scipy/stats/_discrete_distns.py"):
        module = path[:-3].replace("/", ".")
        gens = sorted(set(re.findall(r"^class (\w+_gen)\(", git_show(gitdir, path), re.M)))
        add([f"{module}.{g}" for g in gens], f"{at}: distribution class rebuilt from its state ({path})")
    add(["scipy.stats._distn_infrastructure.rv_continuous_frozen", "scipy.stats._distn_infrastructure.rv_discrete_frozen",
         "scipy.stats._distn_infrastructure.rv_frozen", "scipy.stats._distn_infrastructure.rv_sample"],
        f"{at}: frozen distributions (scipy/stats/_distn_infrastructure.py)")
    for kind in ("bsr", "coo", "csc", "csr", "dia", "dok", "lil"):
        text = git_show(gitdir, f"scipy/sparse/_{kind}.py")
        for cls in sorted(set(re.findall(rf"^class ({kind}_(?:array|matrix))\(", text, re.M))):
            add([f"scipy.sparse._{kind}.{cls}"], f"{at}: sparse container (scipy/sparse/_{kind}.py)")
        # scipy < 1.8 wrote the public module path, which the deprecated shims still load.
        add([f"scipy.sparse.{kind}.{kind}_matrix"], f"scipy 1.0-1.7: sparse matrix under its old public module (scipy/sparse/{kind}.py)")
    add([f"scipy.sparse._arrays.{k}_array" for k in ("bsr", "coo", "csc", "csr", "dia", "dok", "lil")],
        "scipy 1.8-1.10: sparse arrays (scipy/sparse/_arrays.py)")
    add(["scipy.spatial._ckdtree.cKDTree", "scipy.spatial._kdtree.KDTree", "scipy.interpolate._interpolate.interp1d",
         "scipy.interpolate._bsplines.BSpline", "scipy.interpolate._fitpack2.UnivariateSpline",
         "scipy.interpolate._fitpack2.InterpolatedUnivariateSpline", "scipy.interpolate._cubic.CubicSpline",
         "scipy.interpolate._interpolate.PPoly"],
        f"{at}: data classes kept by estimators (scipy/spatial/_ckdtree.pyx __getstate__, scipy/interpolate/*.py)")


def from_wrapper(gitdir, library, path, pattern, extra):
    at = f"{library} {git_head(gitdir)}"
    module = path.split("python-package/")[1][:-3].replace("/", ".")
    classes = sorted(set(re.findall(pattern, git_show(gitdir, path), re.M)))
    add([f"{module}.{c}" for c in classes], f"{at}: scikit-learn wrapper estimator ({path})")
    for name, why in extra:
        add([name], f"{at}: {why}")


# ---- the installed libraries (class names only) --------------------------------------------------------------

def from_installed():
    import pandas
    import sklearn
    import pandas._libs.tslibs.offsets as offsets
    names = sorted(n for n, c in inspect.getmembers(offsets, inspect.isclass) if issubclass(c, offsets.BaseOffset))
    add([f"pandas._libs.tslibs.offsets.{n}" for n in names],
        f"pandas {pandas.__version__} (installed): every date offset class, the freq of indexes and periods (pandas/_libs/tslibs/offsets.pyx)")
    import sklearn.gaussian_process.kernels as kernels
    add([f"{kernels.__name__}.{n}" for n, c in inspect.getmembers(kernels, inspect.isclass) if c.__module__ == kernels.__name__],
        f"scikit-learn {sklearn.__version__} (installed): every Gaussian-process kernel (sklearn/gaussian_process/kernels.py)")
    import sklearn._loss.loss as loss
    import sklearn._loss.link as link
    for mod in (loss, link):
        add([f"{mod.__name__}.{n}" for n, c in inspect.getmembers(mod, inspect.isclass) if c.__module__ == mod.__name__],
            f"scikit-learn {sklearn.__version__} (installed): {mod.__name__}")
    import sklearn._loss._loss as cyloss
    add([f"{cyloss.__name__}.{n}" for n in dir(cyloss) if n.startswith("Cy") or (n.startswith("__pyx_unpickle_Cy"))],
        f"scikit-learn {sklearn.__version__} (installed): Cython losses and their generated unpicklers (sklearn/_loss/_loss.pyx.tp)")
    import sklearn.linear_model._sgd_fast as sgd
    add([f"{sgd.__name__}.{n}" for n in dir(sgd) if isinstance(getattr(sgd, n), type) and n[0].isupper()],
        f"scikit-learn {sklearn.__version__} (installed): SGD loss functions, rebuilt by __reduce__ from their parameters (sklearn/linear_model/_sgd_fast.pyx)")


# ---- curated tables: version drift read from the public sources ----------------------------------------

SKLEARN = [
    ("scikit-learn 1.3 (sklearn/neighbors/_ball_tree.pyx.tp, _kd_tree.pyx.tp: BinaryTree64/32 with __reduce__ = newObj)",
     ["sklearn.neighbors._ball_tree.BallTree64", "sklearn.neighbors._ball_tree.BallTree32", "sklearn.neighbors._kd_tree.KDTree64",
      "sklearn.neighbors._kd_tree.KDTree32", "sklearn.neighbors._ball_tree.newObj", "sklearn.neighbors._kd_tree.newObj",
      "sklearn.neighbors._ball_tree.BinaryTree64", "sklearn.neighbors._kd_tree.BinaryTree64"]),
    ("scikit-learn 1.6+ (sklearn/neighbors/_ball_tree.pyx.tp, _kd_tree.pyx.tp: the cdef BallTree/KDTree wrappers around the 64/32-bit "
     "trees, pickled by Cython's generated unpickler)",
     ["sklearn.neighbors._ball_tree.BallTree", "sklearn.neighbors._kd_tree.KDTree", "sklearn.neighbors._ball_tree.__pyx_unpickle_BallTree",
      "sklearn.neighbors._kd_tree.__pyx_unpickle_KDTree"]),
    ("scikit-learn 1.3 (sklearn/metrics/_dist_metrics.pyx.tp: DistanceMetric64/32, __reduce__ = newObj)",
     [f"sklearn.metrics._dist_metrics.{m}{s}" for s in ("", "64", "32") for m in (
         "DistanceMetric", "EuclideanDistance", "SEuclideanDistance", "ManhattanDistance", "ChebyshevDistance", "MinkowskiDistance",
         "WMinkowskiDistance", "MahalanobisDistance", "HammingDistance", "CanberraDistance", "BrayCurtisDistance", "JaccardDistance",
         "MatchingDistance", "DiceDistance", "KulsinskiDistance", "RogersTanimotoDistance", "RussellRaoDistance",
         "SokalMichenerDistance", "SokalSneathDistance", "HaversineDistance")] + ["sklearn.metrics._dist_metrics.newObj"]),
    ("scikit-learn 1.3-1.6: estimators added after 1.2 (sklearn/cluster/_hdbscan/hdbscan.py, preprocessing/_target_encoder.py, "
     "model_selection/_classification_threshold.py, frozen/_frozen.py; experimental ones all_estimators() leaves out)",
     ["sklearn.cluster._hdbscan.hdbscan.HDBSCAN", "sklearn.preprocessing._target_encoder.TargetEncoder",
      "sklearn.model_selection._classification_threshold.TunedThresholdClassifierCV",
      "sklearn.model_selection._classification_threshold.FixedThresholdClassifier", "sklearn.frozen._frozen.FrozenEstimator",
      "sklearn.model_selection._search_successive_halving.HalvingGridSearchCV",
      "sklearn.model_selection._search_successive_halving.HalvingRandomSearchCV", "sklearn.impute._iterative.IterativeImputer",
      "sklearn.compose._column_transformer.make_column_selector", "sklearn.compose._column_transformer._RemainderColsList",
      "sklearn.neural_network._stochastic_optimizers.SGDOptimizer", "sklearn.multiclass._ConstantPredictor",
      "sklearn.calibration._SigmoidCalibration", "sklearn.isotonic.IsotonicRegression",
      "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper", "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
      "sklearn.ensemble._gb_losses.MultinomialDeviance", "sklearn.ensemble._gb_losses.ExponentialLoss",
      "sklearn.ensemble._gb_losses.LeastAbsoluteError", "sklearn.ensemble._gb_losses.HuberLossFunction",
      "sklearn.ensemble._gb_losses.QuantileLossFunction", "sklearn._loss.loss.ExponentialLoss", "sklearn._loss._loss.CyExponentialLoss",
      "sklearn._loss._loss.__pyx_unpickle_CyExponentialLoss", "sklearn._loss._loss.CyHuberLoss",
      "sklearn._loss._loss.__pyx_unpickle_CyHuberLoss", "sklearn._loss.loss.HuberLoss", "sklearn._loss.link.HalfLogitLink"]),
    ("scikit-learn 1.3-1.6 (sklearn/utils/_metadata_requests.py: routing requests stored by set_*_request)",
     [f"sklearn.utils._metadata_requests.{c}" for c in ("MetadataRequest", "MethodMetadataRequest", "MetadataRouter", "MethodMapping",
                                                         "MethodPair", "RouterMappingPair")]),
    ("scikit-learn 1.2-1.6 (sklearn/metrics/_scorer.py: scorers kept by search estimators; 1.4 merged them into _Scorer)",
     [f"sklearn.metrics._scorer.{c}" for c in ("_Scorer", "_PredictScorer", "_ProbaScorer", "_ThresholdScorer", "_PassthroughScorer",
                                                "_MultimetricScorer", "_CurveScorer", "_passthrough_scorer")]),
    ("scikit-learn 1.2-1.6 (sklearn/metrics/_classification.py, _regression.py, _ranking.py, cluster/_supervised.py: "
     "the score functions named by scoring strings; pure computations)",
     [f"sklearn.metrics._classification.{f}" for f in ("accuracy_score", "balanced_accuracy_score", "f1_score", "fbeta_score",
                                                       "precision_score", "recall_score", "jaccard_score", "log_loss", "brier_score_loss",
                                                       "matthews_corrcoef", "hamming_loss", "zero_one_loss", "hinge_loss", "cohen_kappa_score",
                                                       "d2_log_loss_score")]
     + [f"sklearn.metrics._regression.{f}" for f in ("r2_score", "mean_squared_error", "mean_absolute_error", "median_absolute_error",
                                                     "max_error", "explained_variance_score", "mean_squared_log_error", "mean_poisson_deviance",
                                                     "mean_gamma_deviance", "mean_tweedie_deviance", "mean_absolute_percentage_error",
                                                     "mean_pinball_loss", "d2_absolute_error_score", "d2_tweedie_score", "d2_pinball_score",
                                                     "root_mean_squared_error", "root_mean_squared_log_error")]
     + [f"sklearn.metrics._ranking.{f}" for f in ("roc_auc_score", "average_precision_score", "top_k_accuracy_score", "ndcg_score", "dcg_score")]
     + [f"sklearn.metrics.cluster._supervised.{f}" for f in ("adjusted_rand_score", "rand_score", "homogeneity_score", "completeness_score",
                                                             "v_measure_score", "mutual_info_score", "adjusted_mutual_info_score",
                                                             "normalized_mutual_info_score", "fowlkes_mallows_score")]),
    ("scikit-learn 1.2-1.6 (sklearn/feature_selection/_univariate_selection.py, _mutual_info.py: default score functions kept by selectors)",
     ["sklearn.feature_selection._univariate_selection.f_regression", "sklearn.feature_selection._univariate_selection.chi2",
      "sklearn.feature_selection._univariate_selection.r_regression", "sklearn.feature_selection._mutual_info.mutual_info_classif",
      "sklearn.feature_selection._mutual_info.mutual_info_regression"]),
]

PANDAS = [
    ("pandas 2.0-3.0 (pandas/core/arrays/integer.py, floating.py, boolean.py: masked arrays and their dtypes)",
     [f"pandas.core.arrays.integer.{d}" for d in ("Int8Dtype", "Int16Dtype", "Int32Dtype", "Int64Dtype", "UInt8Dtype", "UInt16Dtype",
                                                  "UInt32Dtype", "UInt64Dtype", "IntegerArray")]
     + ["pandas.core.arrays.floating.Float32Dtype", "pandas.core.arrays.floating.Float64Dtype", "pandas.core.arrays.floating.FloatingArray",
        "pandas.core.arrays.boolean.BooleanDtype", "pandas.core.arrays.boolean.BooleanArray"]),
    ("pandas 2.1 renames (pandas/core/arrays/numpy_.py NumpyExtensionArray, pandas/core/dtypes/dtypes.py NumpyEADtype and SparseDtype)",
     ["pandas.core.arrays.numpy_.NumpyExtensionArray", "pandas.core.arrays.numpy_.PandasArray", "pandas.core.dtypes.dtypes.NumpyEADtype",
      "pandas.core.dtypes.dtypes.PandasDtype", "pandas.core.dtypes.dtypes.SparseDtype", "pandas.core.arrays.sparse.dtype.SparseDtype",
      "pandas.core.arrays.sparse.array.SparseArray", "pandas._libs.sparse.IntIndex", "pandas._libs.sparse.BlockIndex"]),
    ("pandas 2.0-3.0 (pandas/core/arrays/string_.py, string_arrow.py: string arrays, pyarrow-backed by default in 3.0)",
     ["pandas.core.arrays.string_.StringDtype", "pandas.core.arrays.string_.StringArray", "pandas.core.arrays.string_.StringArrayNumpySemantics",
      "pandas.core.arrays.string_arrow.ArrowStringArray", "pandas.core.arrays.string_arrow.ArrowStringArrayNumpySemantics"]),
    ("pyarrow 12-21 (pyarrow/array.pxi _restore_array, table.pxi chunked_array and _reconstruct_table, types.pxi type_for_alias, io.pxi py_buffer): "
     "the arrays inside pandas' pyarrow-backed columns, rebuilt from buffers",
     ["pyarrow.lib._restore_array", "pyarrow.lib.chunked_array", "pyarrow.lib.type_for_alias", "pyarrow.lib.py_buffer",
      "pyarrow.lib._reconstruct_table", "pyarrow.lib.schema", "pyarrow.lib.field", "pyarrow.lib.ChunkedArray"]),
    ("pandas 2.0-3.0 (pandas/core/indexes/*.py, pandas/core/internals/managers.py, pandas/_libs/internals.pyx _unpickle_block)",
     ["pandas.core.indexes.period._new_PeriodIndex", "pandas.core.indexes.base._new_Index", "pandas.core.indexes.datetimes._new_DatetimeIndex",
      "pandas.core.indexes.interval._new_IntervalIndex", "pandas.core.internals.managers.BlockManager",
      "pandas.core.internals.managers.SingleBlockManager", "pandas._libs.internals._unpickle_block", "pandas._libs.internals.BlockPlacement",
      "pandas.core.arrays.datetimes.DatetimeArray", "pandas.core.arrays.timedeltas.TimedeltaArray", "pandas.core.arrays.period.PeriodArray",
      "pandas.core.arrays.interval.IntervalArray", "pandas.core.arrays.categorical.Categorical",
      "pandas._libs.arrays.__pyx_unpickle_NDArrayBacked", "pandas._libs.arrays.NDArrayBacked"]),
    ("pandas 2.0-3.0 (pandas/_libs/tslibs/*.pyx: scalar unpicklers and the missing-value singletons)",
     ["pandas._libs.tslibs.timestamps._unpickle_timestamp", "pandas._libs.tslibs.timedeltas._timedelta_unpickle",
      "pandas._libs.tslibs.nattype.__nat_unpickle", "pandas._libs.tslibs.period.Period", "pandas._libs.interval.Interval",
      "pandas._libs.missing.NA", "pandas._libs.missing.NAType", "pandas._libs.lib._NoDefault", "pandas._libs.tslibs.timestamps.Timestamp",
      "pandas._libs.tslibs.timedeltas.Timedelta"]),
]

TORCH = [
    ("torch 2.1-2.6 (torch/nn/modules/padding.py CircularPad/ZeroPad, normalization.py RMSNorm, parameter.py Buffer, rnn.py RNNBase)",
     ["torch.nn.modules.padding.CircularPad1d", "torch.nn.modules.padding.CircularPad2d", "torch.nn.modules.padding.CircularPad3d",
      "torch.nn.modules.padding.ZeroPad1d", "torch.nn.modules.padding.ZeroPad3d", "torch.nn.modules.normalization.RMSNorm",
      "torch.nn.parameter.Buffer", "torch.nn.modules.rnn.RNNBase", "torch.nn.modules.activation.GELU",
      "torch.nn.modules.pooling.LPPool3d"]),
    ("torch 1.13-2.6 (torch/nn/functional.py: activation functions stored by TransformerEncoderLayer and friends; builtins of torch._C._nn)",
     ["torch._C._nn.gelu", "torch._C._nn.silu", "torch.nn.functional.gelu", "torch.nn.functional.silu", "torch.nn.functional.relu",
      "torch.nn.functional.tanh", "torch.nn.functional.sigmoid", "torch.nn.functional.mish", "torch.nn.functional.leaky_relu"]),
    ("torch 2.x (torch/torch_version.py: TorchVersion, a str subclass saved in checkpoints as torch.__version__)",
     ["torch.torch_version.TorchVersion"]),
    ("torch 2.x (torch/optim/*.py: optimizers added since 1.13)", ["torch.optim.adafactor.Adafactor"]),
]

STDLIB = [
    ("Python 3.11-3.13 (Lib/pathlib: concrete paths kept in configs and checkpoints; reconstructed from their parts only)",
     ["pathlib.PosixPath", "pathlib.WindowsPath", "pathlib.Path", "pathlib._local.PosixPath", "pathlib._local.WindowsPath",
      "pathlib._local.PurePosixPath", "pathlib._local.PureWindowsPath"]),
]


def main():
    p = argparse.ArgumentParser()
    for lib in ("numpy", "scipy", "xgboost", "lightgbm"):
        p.add_argument(f"--{lib}", required=True, help=f"git directory of the public {lib} repository")
    args = p.parse_args()
    from_numpy(args.numpy)
    from_scipy(args.scipy)
    from_wrapper(args.xgboost, "xgboost", "python-package/xgboost/sklearn.py", r"^class (XGB(?:Model|Classifier|Regressor|Ranker|RFClassifier|RFRegressor))\(",
                 [("xgboost.core.Booster", "Booster.__setstate__ rebuilds from its own serialized bytes, never a pickle (python-package/xgboost/core.py)")])
    from_wrapper(args.lightgbm, "LightGBM", "python-package/lightgbm/sklearn.py", r"^class (LGBM(?:Model|Classifier|Regressor|Ranker))\(",
                 [("lightgbm.basic.Booster", "Booster.__setstate__ rebuilds from its model text, never a pickle (python-package/lightgbm/basic.py)")])
    from_installed()
    for table in (SKLEARN, PANDAS, TORCH, STDLIB):
        for provenance, names in table:
            add(names, provenance)
    with open(GENERATED_TS) as f:
        generated = set(re.findall(r'^  \["([^"]+)"', f.read(), re.M))
    rows = sorted((n, p) for n, p in ENTRIES.items() if n not in generated)
    lines = [
        "// GENERATED by scripts/artifacts/gen-allowlist-drift.py: do not edit by hand; re-run the script instead.",
        "// Globals that pickles written by other versions of the libraries reference (numpy 2, pandas 2/3, scikit-learn",
        "// 1.3-1.6, torch 2, scipy 1.11+, xgboost and LightGBM wrappers), read from their public sources, each judged",
        "// safe to call at load time; argument-invoking helpers are judged by their arguments in allowlist.ts.",
        "",
        "/** [global, provenance]: exact `module.name` strings. */",
        "export const DRIFT_ALLOWLIST: readonly (readonly [string, string])[] = [",
    ]
    lines += [f"  [{js(n)}, {js(p)}]," for n, p in rows]
    lines += ["];", ""]
    with open(OUT_TS, "w") as f:
        f.write("\n".join(lines))
    print(f"wrote {len(rows)} entries to {OUT_TS}")


def js(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
