#!/usr/bin/env python3
"""Generates Pathfinder's pickle allowlist and the committed real-library corpus.

Pickles a broad catalogue of objects with the REAL libraries (scikit-learn estimators of every family,
pipelines, vectorizers, trees, torch state dicts and whole modules in zip and legacy formats, sparse and
quantized tensors, optimizer state, numpy object/structured/masked arrays and RNG state, pandas frames,
series, indexes, categoricals and timestamps at every protocol, scipy sparse matrices, joblib dumps with
every compression, stdlib datetime/decimal/collections/re/uuid types) and records every global that loading
those bytes imports, with the catalogue entries it came from (provenance).

Only our own freshly written bytes are ever read back here (to record the globals through find_class):
nothing this script reads came from outside it.

Writes:
  src/artifacts/pickle/allowlist-generated.ts   the allowlist (data), with provenance per entry
  fixtures/artifact-corpus/real/                a small corpus of real library files (see --corpus)
With --all DIR it also writes every catalogue file (every protocol and format) to DIR, for measurements.

Run with the Debian libraries: /usr/bin/python3 scripts/artifacts/gen-allowlist.py
(python3-sklearn python3-torch python3-pandas python3-scipy python3-joblib).
"""
import argparse
import collections
import datetime
import decimal
import fractions
import io
import ipaddress
import os
import pathlib
import pickle
import re
import sys
import uuid
import warnings
import zipfile

import numpy as np

warnings.filterwarnings("ignore")
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT_TS = os.path.join(ROOT, "src", "artifacts", "pickle", "allowlist-generated.ts")
CORPUS = os.path.join(ROOT, "fixtures", "artifact-corpus", "real")

# ---- recording globals ------------------------------------------------------------------------------
# Loading our own bytes through the pure-Python unpickler with find_class wrapped records exactly the
# (module, name) pairs a loader imports, after the protocol-2 name mapping, as our VM normalises them.

SEEN = collections.OrderedDict()  # "module.name" -> set of provenance labels
_current = ["?"]
_original_find_class = pickle._Unpickler.find_class

# Globals that resolve another global from their string arguments (the VM turns those into imports too).
_RESOLVERS = {("numpy.core", "_ufunc_reconstruct"), ("numpy._core", "_ufunc_reconstruct")}


def _record(qualified):
    SEEN.setdefault(qualified, set()).add(_current[0])


def _recording_find_class(self, module, name):
    obj = _original_find_class(self, module, name)
    # find_class receives the names after fix_imports mapping only for protocol < 3 inside itself;
    # record what it resolved to so that mapped names (copy_reg -> copyreg) appear normalised.
    mod = module
    if self.proto < 3 and self.fix_imports:
        import _compat_pickle
        if (mod, name) in _compat_pickle.NAME_MAPPING:
            mod, name = _compat_pickle.NAME_MAPPING[(mod, name)]
        elif mod in _compat_pickle.IMPORT_MAPPING:
            mod = _compat_pickle.IMPORT_MAPPING[mod]
    if mod == "__builtin__":
        mod = "builtins"
    _record(f"{mod}.{name}")
    if (mod, name) == ("builtins", "getattr"):
        # getattr(<class or module global>, "name") is judged as the global it names: record that name.
        def recording_getattr(target, attr, *default, _f=obj):
            if isinstance(target, type):
                _record(f"{target.__module__}.{target.__qualname__}.{attr}")
            elif isinstance(target, type(sys)):
                _record(f"{target.__name__}.{attr}")
            return _f(target, attr, *default)
        return recording_getattr
    if (mod, name) in _RESOLVERS:
        def resolver(m, n, _f=obj):
            _record(f"{m}.{n}")
            return _f(m, n)
        return resolver
    return obj


pickle._Unpickler.find_class = _recording_find_class


def recording_torch_load(data):
    """torch.load through the recording unpickler. torch.load always uses the `pickle` module its
    serialization module imported, and resolves `*Storage` names without find_class: both are redirected."""
    import types
    import torch.serialization as ts
    proxy = types.SimpleNamespace(**{k: getattr(pickle, k) for k in dir(pickle) if not k.startswith("__")})
    proxy.Unpickler = pickle._Unpickler
    proxy.load = lambda f, **kw: pickle._Unpickler(f, **kw).load()
    proxy.__name__ = "pickle"
    real_pickle, real_storage_type = ts.pickle, ts.StorageType

    def storage_type(name):
        _record(f"torch.{name}")
        return real_storage_type(name)

    ts.pickle, ts.StorageType = proxy, storage_type
    try:
        return ts.load(io.BytesIO(data))
    finally:
        ts.pickle, ts.StorageType = real_pickle, real_storage_type


def record_pickle_bytes(label, data):
    _current[0] = label
    pickle._Unpickler(io.BytesIO(data)).load()


# ---- outputs ----------------------------------------------------------------------------------------
ALL_DIR = None
CORPUS_FILES = []


def emit(label, name, data, corpus=False):
    """Remembers a written file: always for --all, and for the committed corpus when `corpus`."""
    if ALL_DIR:
        with open(os.path.join(ALL_DIR, name), "wb") as f:
            f.write(data)
    if corpus:
        CORPUS_FILES.append((name, data, label))


def catalogue_pickles(label, obj, corpus_protocols=(), stem=None):
    stem = stem or re.sub(r"[^A-Za-z0-9_.-]+", "_", label)
    for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
        try:
            data = pickle.dumps(obj, protocol=proto)
        except Exception:
            continue
        record_pickle_bytes(f"{label} (pickle protocol {proto})", data)
        emit(label, f"{stem}.p{proto}.pkl", data, corpus=proto in corpus_protocols)


def catalogue_joblib(label, obj, stem, corpus=False):
    """joblib.dump (uncompressed: joblib's own array framing) read back through the recording unpickler."""
    import joblib
    buf = io.BytesIO()
    try:
        joblib.dump(obj, buf)
    except Exception:
        return
    data = buf.getvalue()
    _current[0] = f"{label} (joblib.dump)"
    joblib.load(io.BytesIO(data))
    emit(label, f"{stem}.joblib", data, corpus=corpus)


# ---- catalogue: stdlib ------------------------------------------------------------------------------

def stdlib():
    from enum import Enum

    class Colour(Enum):
        RED = 1

    items = {
        "datetime": datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.timezone.utc),
        "date-time-delta": [datetime.date(2024, 1, 2), datetime.time(3, 4), datetime.timedelta(days=3),
                            datetime.timezone(datetime.timedelta(hours=2), "X")],
        "decimal-fraction": [decimal.Decimal("1.25"), fractions.Fraction(3, 7), complex(1, 2)],
        "collections": [collections.OrderedDict(a=1), collections.Counter("abca"),
                        collections.defaultdict(list, a=[1]), collections.defaultdict(int),
                        collections.defaultdict(dict), collections.defaultdict(set), collections.deque([1, 2])],
        "builtins": [set([1]), frozenset([2]), bytearray(b"x"), slice(1, 5, 2), range(3), b"b", 1.5, True, None,
                     Ellipsis, NotImplemented, 10 ** 30, "s"],
        "re-uuid": [re.compile(r"a+b", re.I), uuid.UUID(int=7)],
        "zoneinfo": [datetime.datetime(2024, 1, 1, tzinfo=__import__("zoneinfo").ZoneInfo("Europe/Paris"))],
        "pathlib-ipaddress": [pathlib.PurePosixPath("a/b"), pathlib.PureWindowsPath("a"),
                              ipaddress.ip_address("10.0.0.1"), ipaddress.ip_network("10.0.0.0/8")],
    }
    for name, obj in items.items():
        catalogue_pickles(f"stdlib {name}", obj, corpus_protocols=(0, 2, 4) if name in ("datetime", "collections", "builtins") else ())


# ---- catalogue: numpy -------------------------------------------------------------------------------

def numpy_objects():
    rng = np.random.default_rng(0)
    items = {
        "ndarray-float": np.arange(6, dtype=np.float32).reshape(2, 3),
        "ndarray-dtypes": [np.zeros(2, dtype=t) for t in (np.int8, np.uint16, np.int64, np.float16, np.complex64,
                                                             np.bool_, "datetime64[ns]", "timedelta64[s]", "U3", "S2")],
        "object-array": np.array([1, "a", None, {"k": 2}], dtype=object),
        "structured-array": np.zeros(3, dtype=[("x", "<i4"), ("y", "<f8", (2,)), ("name", "U4")]),
        "masked-array": np.ma.masked_array([1, 2, 3], mask=[0, 1, 0]),
        "scalars": [np.float64(1.5), np.int32(3), np.bool_(True), np.str_("s"), np.datetime64("2024-01-01")],
        "dtype-objects": [np.dtype("f4"), np.dtype([("a", "i2")]), np.dtype("O")],
        "rng-generator": rng,
        "rng-randomstate": np.random.RandomState(0),
        "rng-bitgens": [np.random.PCG64(1), np.random.MT19937(1), np.random.Philox(1), np.random.SFC64(1),
                        np.random.SeedSequence(3)],
        "ufuncs": [np.log1p, np.add, np.exp, np.sqrt],
        "matrix": np.matrix([[1, 2]]),
        "recarray": np.rec.array([(1, 2.0)], dtype=[("a", "i4"), ("b", "f8")]),
    }
    for name, obj in items.items():
        catalogue_pickles(f"numpy {name}", obj, corpus_protocols=(2, 4) if name in ("object-array", "rng-generator", "masked-array", "structured-array") else ())
    # np.save writes .npy / .npz (object arrays are pickled inside).
    for name, arr in (("object", items["object-array"]), ("structured", items["structured-array"])):
        buf = io.BytesIO()
        np.save(buf, arr, allow_pickle=True)
        data = buf.getvalue()
        if name == "object":
            record_pickle_bytes("numpy np.save object array", data[data.index(b"\n", 10) + 1:])
        emit(f"numpy np.save {name}", f"numpy-{name}.npy", data, corpus=True)
    buf = io.BytesIO()
    np.savez_compressed(buf, a=items["object-array"], b=np.arange(4))
    emit("numpy np.savez_compressed", "numpy-arrays.npz", buf.getvalue(), corpus=True)


# ---- catalogue: pandas ------------------------------------------------------------------------------

def pandas_objects():
    import pandas as pd
    df = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"], "c": pd.Categorical(["u", "v", "u"]),
                       "d": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"]),
                       "e": pd.array([1, None, 3], dtype="Int64"), "f": pd.array(["p", None, "q"], dtype="string"),
                       "g": [1.5, 2.5, None], "h": pd.array([True, False, None], dtype="boolean")})
    items = {
        "dataframe": df,
        "series": pd.Series([1.0, 2.0], index=["a", "b"], name="s"),
        "indexes": [pd.RangeIndex(5), pd.Index(["a"]), pd.Index([1.5]),
                    pd.DatetimeIndex(["2024-01-01"], tz="UTC"), pd.MultiIndex.from_tuples([(1, "a"), (2, "b")]),
                    pd.CategoricalIndex(["a", "b"]), pd.IntervalIndex.from_breaks([0, 1, 2]),
                    pd.PeriodIndex(["2024-01"], freq="M"), pd.TimedeltaIndex(["1 day"])],
        "categorical": pd.Categorical(["a", "b", "a"], ordered=True),
        "timestamps": [pd.Timestamp("2024-01-01", tz="Europe/Paris"), pd.Timedelta("1h"), pd.Period("2024Q1"),
                       pd.NaT, pd.Interval(0, 1), pd.offsets.Day(2)],
        "sparse": pd.Series(pd.arrays.SparseArray([0, 0, 1])),
        "tz-frame": pd.DataFrame({"t": pd.date_range("2024-01-01", periods=3, tz="UTC")}),
        "groupby-frame": df.groupby("b").agg({"a": "sum"}),
        "dtypes": [pd.CategoricalDtype(["a"]), pd.DatetimeTZDtype(tz="UTC"), pd.Int64Dtype(), pd.StringDtype()],
        "interval-frame": pd.DataFrame({"i": pd.interval_range(0, 3), "p": pd.period_range("2024-01", periods=3, freq="M")}),
        "timezones": [pd.Timestamp("2024-01-01", tz=__import__("zoneinfo").ZoneInfo("America/New_York")),
                      pd.Timestamp("2024-01-01", tz=__import__("dateutil").tz.gettz("Asia/Tokyo")),
                      pd.DataFrame({"t": pd.date_range("2024-01-01", periods=2, tz="Europe/Berlin")})],
        "nullable": [pd.array([1.5, None], dtype="Float64"), pd.array([1, None], dtype="UInt8"),
                     pd.Series(pd.arrays.SparseArray([0.0, 1.0]))],
    }
    for name, obj in items.items():
        catalogue_pickles(f"pandas {name}", obj, corpus_protocols=(0, 2, 5) if name in ("dataframe", "series") else ((4,) if name in ("indexes", "timestamps") else ()))
    buf = io.BytesIO()
    df.to_pickle(buf, compression=None)
    emit("pandas DataFrame.to_pickle", "pandas-frame.to_pickle.pkl", buf.getvalue(), corpus=True)


# ---- catalogue: scipy -------------------------------------------------------------------------------

def scipy_objects():
    import scipy.sparse as sp
    from scipy import stats
    m = sp.random(5, 5, density=0.3, random_state=0, format="csr")
    items = {
        "sparse": [m, m.tocsc(), m.tocoo(), m.tolil(), m.todok(), m.tobsr(), m.todia(),
                   sp.csr_array(m), sp.coo_array(m)],
        "stats-frozen": [stats.norm(0, 1), stats.gamma(2.0)],
    }
    for name, obj in items.items():
        catalogue_pickles(f"scipy {name}", obj, corpus_protocols=(2, 4) if name == "sparse" else ())


# ---- catalogue: scikit-learn ------------------------------------------------------------------------

def sklearn_objects():
    import sklearn
    from sklearn.datasets import make_classification, make_regression
    from sklearn.utils import all_estimators
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.preprocessing import StandardScaler, OneHotEncoder, FunctionTransformer
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer, CountVectorizer, HashingVectorizer
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.ensemble import RandomForestClassifier, GradientBoostingRegressor, VotingClassifier, StackingClassifier
    from sklearn.model_selection import GridSearchCV
    from sklearn.tree import DecisionTreeClassifier
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.multiclass import OneVsRestClassifier
    import pandas as pd

    Xc, yc = make_classification(n_samples=40, n_features=6, n_informative=3, random_state=0)
    Xc = np.abs(Xc)  # some estimators need non-negative input
    Xr, yr = make_regression(n_samples=40, n_features=6, random_state=0)
    corpus_names = {"LogisticRegression", "RandomForestClassifier", "DecisionTreeRegressor", "KMeans", "PCA",
                    "SVC", "GradientBoostingClassifier", "HistGradientBoostingRegressor", "KNeighborsClassifier",
                    "MLPClassifier", "IsolationForest", "GaussianNB", "StandardScaler", "TfidfTransformer"}
    fitted = 0
    from sklearn.linear_model import LinearRegression
    def construct(cls):
        """Default construction, else with a base estimator (meta-estimators), else with a parameter grid."""
        for args, kwargs in (((), {}), ((LogisticRegression(),), {}), ((LinearRegression(),), {}),
                             ((LogisticRegression(), {"C": [0.1, 1.0]}), {"cv": 2}), (([("a", LogisticRegression())],), {}),
                             (([("a", LinearRegression())],), {})):
            try:
                return cls(*args, **kwargs)
            except Exception:
                continue
        return None
    for name, cls in all_estimators():
        obj = None
        est = construct(cls)
        if est is None:
            continue
        for X, y in ((Xc, yc), (Xr, yr), (Xc, None)):
            try:
                small = {"n_estimators": 3} if "n_estimators" in est.get_params() else {}
                est.set_params(**small)
                est.fit(X, y) if y is not None else est.fit(X)
                obj = est
                break
            except Exception:
                continue
        if obj is None:
            obj = est
        else:
            fitted += 1
        label = f"sklearn {name}"
        protos = (2, 4, 5) if name in corpus_names else ()
        catalogue_pickles(label, obj, corpus_protocols=protos, stem=f"sklearn-{name}")
        catalogue_joblib(label, obj, stem=f"sklearn-{name}")
    texts = ["the cat sat", "a dog ran", "the dog sat down", "cats and dogs"]
    frame = pd.DataFrame({"num": [1.0, 2.0, 3.0, 4.0], "cat": ["a", "b", "a", "c"]})
    composites = {
        "pipeline": make_pipeline(StandardScaler(), LogisticRegression()).fit(Xc, yc),
        "union": make_union(StandardScaler(), FunctionTransformer(np.log1p)).fit(Xc),
        "tfidf-pipeline": make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(texts, [0, 1, 0, 1]),
        "count-vectorizer": CountVectorizer(ngram_range=(1, 2)).fit(texts),
        "hashing-vectorizer": HashingVectorizer(n_features=16),
        "column-transformer": ColumnTransformer([("n", StandardScaler(), ["num"]), ("c", OneHotEncoder(), ["cat"])]).fit(frame),
        "grid-search": GridSearchCV(DecisionTreeClassifier(), {"max_depth": [1, 2]}, cv=2).fit(Xc, yc),
        "voting": VotingClassifier([("lr", LogisticRegression()), ("dt", DecisionTreeClassifier())]).fit(Xc, yc),
        "stacking": StackingClassifier([("dt", DecisionTreeClassifier())], cv=2).fit(Xc, yc),
        "calibrated": CalibratedClassifierCV(cv=2).fit(Xc, yc),
        "one-vs-rest": OneVsRestClassifier(LogisticRegression()).fit(Xc, yc),
        "forest-big": RandomForestClassifier(n_estimators=5, random_state=0).fit(Xc, yc),
        "gbr": GradientBoostingRegressor(n_estimators=5).fit(Xr, yr),
        "function-transformer": FunctionTransformer(np.sqrt, inverse_func=np.square).fit(Xc),
        "neighbors-trees": [__import__("sklearn.neighbors", fromlist=["x"]).KNeighborsClassifier(algorithm=a).fit(Xc, yc)
                            for a in ("ball_tree", "kd_tree", "brute")],
        "random-search": __import__("sklearn.model_selection", fromlist=["x"]).RandomizedSearchCV(
            DecisionTreeClassifier(), {"max_depth": [1, 2, 3]}, n_iter=2, cv=2).fit(Xc, yc),
    }
    for name, obj in composites.items():
        catalogue_pickles(f"sklearn {name}", obj, corpus_protocols=(4,) if name in ("pipeline", "tfidf-pipeline", "column-transformer", "grid-search", "union") else (), stem=f"sklearn-{name}")
    return composites["pipeline"], fitted, sklearn.__version__


# ---- catalogue: joblib ------------------------------------------------------------------------------

def joblib_objects(model):
    import joblib
    objects = {"pipeline": model, "arrays": {"w": np.arange(20.0), "o": np.array(["a", 1], dtype=object),
                                              "s": np.zeros(2, dtype=[("x", "i4"), ("y", "f8")])}}
    compressions = [("raw", 0), ("zlib", ("zlib", 3)), ("gzip", ("gzip", 3)), ("bz2", ("bz2", 3)),
                    ("xz", ("xz", 3)), ("lzma", ("lzma", 3)), ("default", 3)]
    for oname, obj in objects.items():
        for cname, compress in compressions:
            buf = io.BytesIO()
            joblib.dump(obj, buf, compress=compress)
            data = buf.getvalue()
            label = f"joblib {oname} compress={cname}"
            _current[0] = label
            joblib.load(io.BytesIO(data))
            emit(label, f"joblib-{oname}.{cname}.joblib", data, corpus=True)
    return joblib.__version__


# ---- catalogue: torch -------------------------------------------------------------------------------

def torch_objects():
    import torch
    import torch.nn as nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(1, 2, 3)
            self.bn = nn.BatchNorm2d(2)
            self.lstm = nn.LSTM(4, 3, batch_first=True)
            self.emb = nn.Embedding(5, 4)
            self.head = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Dropout(0.1), nn.LayerNorm(3))

        def forward(self, x):
            return self.head(x)

    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    net.head(torch.zeros(2, 4)).sum().backward()
    opt.step()
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2)
    items = {
        "state-dict": net.state_dict(),
        "checkpoint": {"model": net.state_dict(), "optimizer": opt.state_dict(), "scheduler": sched.state_dict(),
                       "epoch": 3, "rng": torch.get_rng_state(), "np_rng": np.random.get_state()},
        "sgd-state": torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9).state_dict(),
        "tensors": {"f16": torch.zeros(2, dtype=torch.float16), "bf16": torch.zeros(2, dtype=torch.bfloat16),
                    "c64": torch.zeros(2, dtype=torch.complex64), "i8": torch.zeros(2, dtype=torch.int8),
                    "bool": torch.zeros(2, dtype=torch.bool), "size": torch.Size([2, 3]), "dtype": torch.float32,
                    "device": torch.device("cpu"), "param": nn.Parameter(torch.ones(2)),
                    "strided": torch.zeros(4, 4)[:, 1]},
        "sparse": {"coo": torch.zeros(3, 3).to_sparse(), "csr": torch.eye(3).to_sparse_csr()},
        "quantized": torch.quantize_per_tensor(torch.ones(3), 0.1, 0, torch.quint8),
        "whole-module": nn.Sequential(nn.Linear(4, 2), nn.ReLU(), nn.Conv1d(1, 1, 2), nn.GRU(2, 2),
                                      nn.TransformerEncoderLayer(4, 2, dim_feedforward=8)),
    }
    # Every nn layer, optimizer and scheduler that builds from common arguments, as whole objects.
    layers = []
    for lname in sorted(dir(nn)):
        cls = getattr(nn, lname)
        if not (isinstance(cls, type) and issubclass(cls, nn.Module)) or lname.startswith("_"):
            continue
        for args in ((), (4,), (4, 4), (1, 1, 3), (4, 2, 8)):
            try:
                layers.append(cls(*args))
                break
            except Exception:
                continue
    catalogue_pickles("torch nn layers", layers)
    optimizers = []
    for oname in sorted(dir(torch.optim)):
        ocls = getattr(torch.optim, oname)
        if isinstance(ocls, type) and issubclass(ocls, torch.optim.Optimizer) and ocls is not torch.optim.Optimizer:
            try:
                optimizers.append(ocls(nn.Linear(2, 2).parameters(), lr=0.1).state_dict())
            except Exception:
                pass
    schedulers = []
    for sname in sorted(dir(torch.optim.lr_scheduler)):
        scls = getattr(torch.optim.lr_scheduler, sname)
        if not isinstance(scls, type) or sname.startswith("_"):
            continue
        sopt = torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1)
        for kwargs in ({}, {"step_size": 2}, {"milestones": [1]}, {"gamma": 0.9}, {"T_max": 3}, {"T_0": 3},
                       {"max_lr": 0.1, "total_steps": 5}, {"base_lr": 0.01, "max_lr": 0.1}, {"lr_lambda": None},
                       {"total_iters": 3}, {"schedulers": [torch.optim.lr_scheduler.StepLR(sopt, 1)], "milestones": []}):
            try:
                schedulers.append(scls(sopt, **kwargs).state_dict())
                break
            except Exception:
                continue
    for state in schedulers:  # a scheduler's state that cannot be pickled is left out
        try:
            pickle.dumps(state)
            optimizers.append(state)
        except Exception:
            pass
    optimizers.append(torch.cuda.amp.GradScaler(enabled=False).state_dict())
    catalogue_pickles("torch optimizer state dicts", optimizers)
    whole_optimizers = []
    for oname in sorted(dir(torch.optim)):
        ocls = getattr(torch.optim, oname)
        if isinstance(ocls, type) and issubclass(ocls, torch.optim.Optimizer) and ocls is not torch.optim.Optimizer:
            try:
                whole_optimizers.append(ocls(nn.Linear(2, 2).parameters(), lr=0.1))
            except Exception:
                pass
    catalogue_pickles("torch whole optimizers", whole_optimizers)
    for name, group in (("nn-layers", layers), ("optimizers", optimizers)):
        for obj in group:  # one by one: a few objects (schedulers holding weak methods) cannot be saved
            buf = io.BytesIO()
            try:
                torch.save(obj, buf)
            except Exception:
                continue
            _current[0] = f"torch {name} torch.save zip"
            recording_torch_load(buf.getvalue())
    for name, obj in items.items():
        for fmt, zipped in (("zip", True), ("legacy", False)):
            buf = io.BytesIO()
            try:
                torch.save(obj, buf, _use_new_zipfile_serialization=zipped)
            except Exception as e:
                print(f"  torch {name} {fmt}: {e}", file=sys.stderr)
                continue
            data = buf.getvalue()
            label = f"torch {name} torch.save {fmt}"
            _current[0] = label
            recording_torch_load(data)
            emit(label, f"torch-{name}.{fmt}.pt", data, corpus=name in ("state-dict", "checkpoint", "whole-module", "sparse", "quantized"))
        if name in ("state-dict", "tensors"):
            catalogue_pickles(f"torch {name}", obj)
    return torch.__version__


# ---- catalogue: what held-out files showed missing (scripts/artifacts/catalogue_more.py) ---------------

MORE_CORPUS = {"sklearn grid-f1", "sklearn sgd-log", "sklearn knn-manhattan", "sklearn count-str-methods", "sklearn cv-splitters",
               "pandas offsets-with-arguments", "numpy generators", "scipy interpolators", "scipy kde", "stdlib namespaces-arrays",
               "numpy polynomials"}


def more_objects():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import catalogue_more as more
    for group, objects in (("sklearn", more.sklearn_variants()), ("sklearn", more.sklearn_more()), ("pandas", more.pandas_more()),
                           ("numpy", more.numpy_more()), ("scipy", more.scipy_more()), ("stdlib", more.stdlib_more())):
        for name, obj in objects.items():
            label = f"{group} {name}"
            stem = f"{group}-more-{name}"
            catalogue_pickles(label, obj, corpus_protocols=(4,) if label in MORE_CORPUS else (), stem=stem)
            if group == "sklearn":
                catalogue_joblib(label, obj, stem=stem, corpus=label == "sklearn grid-f1")
    import torch
    for name, obj in more.torch_more().items():
        for fmt, zipped in (("zip", True), ("legacy", False)):
            buf = io.BytesIO()
            torch.save(obj, buf, _use_new_zipfile_serialization=zipped)
            label = f"torch {name} torch.save {fmt}"
            _current[0] = label
            recording_torch_load(buf.getvalue())
            emit(label, f"torch-more-{name}.{fmt}.pt", buf.getvalue(), corpus=name == "weight-spectral-norm" and zipped)


# ---- main -------------------------------------------------------------------------------------------

def deterministic():
    """The same bytes on every run: a fixed hash seed (set and string order) and seeded random states (estimators
    with random_state=None and torch's initialisation draw from the global generators)."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    import random
    import torch
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)


def main():
    global ALL_DIR
    deterministic()
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", help="also write every catalogue file to this directory")
    parser.add_argument("--no-write", action="store_true", help="print the allowlist size only")
    args = parser.parse_args()
    if args.all:
        ALL_DIR = args.all
        os.makedirs(ALL_DIR, exist_ok=True)
    import pandas, scipy
    stdlib()
    numpy_objects()
    pandas_objects()
    scipy_objects()
    model, fitted, sk_version = sklearn_objects()
    jl_version = joblib_objects(model)
    th_version = torch_objects()
    more_objects()
    versions = (f"Python {sys.version.split()[0]}, numpy {np.__version__}, scikit-learn {sk_version}, "
                f"torch {th_version}, pandas {pandas.__version__}, scipy {scipy.__version__}, joblib {jl_version}")
    print(f"{len(SEEN)} globals from the catalogue ({fitted} fitted scikit-learn estimators); {versions}")
    if args.no_write:
        return
    lines = [
        "// GENERATED by scripts/artifacts/gen-allowlist.py: do not edit by hand; re-run the script instead.",
        "// Every global that loading the script's catalogue of real library files imports, with where it was seen.",
        f"// Libraries: {versions}.",
        "",
        "/** [global, provenance]: exact `module.name` strings (after protocol-2 name mapping). */",
        "export const GENERATED_ALLOWLIST: readonly (readonly [string, string])[] = [",
    ]
    for name in sorted(SEEN):
        labels = sorted(SEEN[name])
        shown = "; ".join(labels[:3]) + (f"; +{len(labels) - 3} more" if len(labels) > 3 else "")
        lines.append(f"  [{js(name)}, {js(shown)}],")
    lines += ["];", "", f"export const GENERATED_ALLOWLIST_LIBRARIES = {js(versions)};", ""]
    with open(OUT_TS, "w") as f:
        f.write("\n".join(lines))
    os.makedirs(CORPUS, exist_ok=True)
    for old in os.listdir(CORPUS):
        os.remove(os.path.join(CORPUS, old))
    manifest = ["# Real library files (generated by scripts/artifacts/gen-allowlist.py; never edit)", "",
                f"Written with {versions}.", "", "| file | bytes | what |", "|---|---|---|"]
    for name, data, label in sorted(CORPUS_FILES):
        with open(os.path.join(CORPUS, name), "wb") as f:
            f.write(data)
        manifest.append(f"| {name} | {len(data)} | {label} |")
    with open(os.path.join(CORPUS, "MANIFEST.md"), "w") as f:
        f.write("\n".join(manifest) + "\n")
    print(f"wrote {OUT_TS} and {len(CORPUS_FILES)} corpus files ({sum(len(d) for _, d, _ in CORPUS_FILES)} bytes)")


def js(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
