#!/usr/bin/env python3
"""Writes a held-out set of real library files to a folder, for measuring the allowlist on objects that the
generator's catalogue (gen-allowlist.py) does not hold: every scikit-learn estimator dumped with joblib (raw and
compressed) and pickled at protocols 2-5 with non-default settings, searches with scoring strings, models with
callable settings, pandas frequencies and frames saved through to_pickle's compressions, numpy generators of every
bit generator, torch models with other activations. Only our own freshly written bytes are produced; nothing is
loaded. Used for the held-out numbers in the README:

  /usr/bin/python3 scripts/artifacts/gen-heldout.py /tmp/heldout && node scripts/artifacts/measure.mjs /tmp/heldout
"""
import io
import os
import pickle
import re
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")
OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/heldout"
os.makedirs(OUT, exist_ok=True)
COUNT = [0]


def write(name, data):
    with open(os.path.join(OUT, re.sub(r"[^A-Za-z0-9_.-]+", "_", name)), "wb") as f:
        f.write(data)
    COUNT[0] += 1


def pickles(stem, obj, protocols=(2, 3, 4, 5)):
    for proto in protocols:
        try:
            write(f"{stem}.p{proto}.pkl", pickle.dumps(obj, protocol=proto))
        except Exception as e:  # an object this library version cannot pickle is left out
            print(f"  {stem} p{proto}: {e}", file=sys.stderr)


def joblib_dumps(stem, obj, compressions=(0, 3)):
    import joblib
    for compress in compressions:
        buf = io.BytesIO()
        try:
            joblib.dump(obj, buf, compress=compress)
        except Exception as e:
            print(f"  {stem} joblib {compress}: {e}", file=sys.stderr)
            continue
        write(f"{stem}.c{compress}.joblib", buf.getvalue())


def sklearn_files():
    from sklearn.utils import all_estimators
    from sklearn.datasets import make_classification, make_regression
    from sklearn.linear_model import LogisticRegression, LinearRegression
    Xc, yc = make_classification(n_samples=60, n_features=6, n_informative=3, n_classes=3, random_state=1)
    Xc = np.abs(Xc)
    Xr, yr = make_regression(n_samples=60, n_features=6, random_state=1)
    for name, cls in all_estimators():
        est = None
        for args in ((), (LogisticRegression(),), (LinearRegression(),)):
            try:
                est = cls(*args)
                break
            except Exception:
                continue
        if est is None:
            continue
        if "n_estimators" in est.get_params():
            est.set_params(n_estimators=4)
        for X, y in ((Xc, yc), (Xr, yr), (Xc, None)):  # three classes: other code paths than the catalogue's two
            try:
                est.fit(X, y) if y is not None else est.fit(X)
                break
            except Exception:
                continue
        joblib_dumps(f"sk-{name}", est)
    from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier, RandomForestRegressor
    from sklearn.linear_model import SGDClassifier, SGDRegressor, PoissonRegressor
    from sklearn.neighbors import KNeighborsClassifier, NearestNeighbors, KernelDensity
    from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
    from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, SplineTransformer, KBinsDiscretizer
    from sklearn.feature_selection import SelectKBest, chi2, mutual_info_classif, SelectPercentile, f_regression
    from sklearn.compose import TransformedTargetRegressor, ColumnTransformer, make_column_selector
    from sklearn.gaussian_process import GaussianProcessClassifier, GaussianProcessRegressor
    from sklearn.gaussian_process.kernels import Matern, WhiteKernel, RationalQuadratic, DotProduct, ExpSineSquared
    from sklearn.pipeline import Pipeline
    from sklearn.impute import SimpleImputer
    from sklearn.svm import SVC
    import pandas as pd
    frame = pd.DataFrame({"n": np.arange(8.0), "c": list("abcabcab"), "k": pd.Categorical(list("xyxyxyxy"))})
    variants = {
        "gb-multiclass": GradientBoostingClassifier(n_estimators=3).fit(Xc, yc),
        "gb-exponential": GradientBoostingClassifier(n_estimators=3, loss="exponential").fit(Xc, (yc > 0).astype(int)),
        "hgb-categorical": HistGradientBoostingClassifier(max_iter=3, categorical_features=[0]).fit(np.c_[np.arange(60) % 3, Xc], yc),
        "rf-absolute": RandomForestRegressor(n_estimators=3, criterion="absolute_error").fit(Xr, yr),
        "sgd-log": SGDClassifier(loss="log_loss").fit(Xc, yc),
        "sgd-modified-huber": SGDClassifier(loss="modified_huber").fit(Xc, yc),
        "sgd-huber": SGDRegressor(loss="huber").fit(Xr, yr),
        "sgd-eps": SGDRegressor(loss="epsilon_insensitive").fit(Xr, yr),
        "poisson": PoissonRegressor().fit(Xc, np.abs(yr)),
        "knn-manhattan": KNeighborsClassifier(metric="manhattan", algorithm="ball_tree").fit(Xc, yc),
        "knn-chebyshev": KNeighborsClassifier(metric="chebyshev", algorithm="kd_tree").fit(Xc, yc),
        "knn-minkowski3": KNeighborsClassifier(p=3, algorithm="ball_tree").fit(Xc, yc),
        "nn-haversine": NearestNeighbors(metric="haversine", algorithm="ball_tree").fit(Xc[:, :2]),
        "kde-epanechnikov": KernelDensity(kernel="epanechnikov").fit(Xc),
        "grid-f1": GridSearchCV(SVC(), {"C": [0.5, 1]}, scoring="f1_macro", cv=2).fit(Xc, yc),
        "grid-multi": GridSearchCV(SVC(), {"C": [0.5, 1]}, scoring=["accuracy", "balanced_accuracy"], refit="accuracy", cv=2).fit(Xc, yc),
        "random-neg-mse": RandomizedSearchCV(RandomForestRegressor(n_estimators=2), {"max_depth": [1, 2]}, n_iter=2, cv=2,
                                             scoring="neg_mean_squared_error").fit(Xr, yr),
        "function-log": FunctionTransformer(np.log1p, inverse_func=np.expm1).fit(Xc),
        "ttr-log": TransformedTargetRegressor(func=np.log1p, inverse_func=np.expm1).fit(Xc, np.abs(yr)),
        "onehot-infrequent": OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=2).fit(frame[["c"]]),
        "spline": SplineTransformer().fit(Xc),
        "kbins-quantile": KBinsDiscretizer(strategy="quantile").fit(Xc),
        "selectk-chi2": SelectKBest(chi2, k=2).fit(Xc, yc),
        "selectk-mi": SelectKBest(mutual_info_classif, k=2).fit(Xc, yc),
        "percentile-freg": SelectPercentile(f_regression).fit(Xr, yr),
        "column-selector": ColumnTransformer([("n", SimpleImputer(), make_column_selector(dtype_include=np.number)),
                                              ("c", OneHotEncoder(), make_column_selector(dtype_include=object))]).fit(frame),
        "gpc-matern": GaussianProcessClassifier(kernel=Matern() + WhiteKernel()).fit(Xc[:20], yc[:20]),
        "gpr-kernels": GaussianProcessRegressor(kernel=RationalQuadratic() * DotProduct() + ExpSineSquared()).fit(Xr[:20], yr[:20]),
        "pipeline-memoryless": Pipeline([("imp", SimpleImputer(strategy="median")), ("svc", SVC(probability=True))]).fit(Xc, yc),
    }
    for name, obj in variants.items():
        pickles(f"skv-{name}", obj)
        joblib_dumps(f"skv-{name}", obj, (0,))


def pandas_files():
    import pandas as pd
    for freq in ("B", "W-MON", "MS", "QS-JAN", "A-DEC", "H", "T", "S", "L", "BM", "SM", "C", "BQ", "BA"):
        try:
            idx = pd.date_range("2024-01-01", periods=3, freq=freq)
        except Exception:
            continue
        pickles(f"pd-freq-{freq}", pd.Series(range(3), index=idx), (2, 4, 5))
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=pd.MultiIndex.from_tuples([("p", 1), ("q", 2)]))
    frame.columns = pd.MultiIndex.from_tuples([("g", "a"), ("g", "b")])
    pickles("pd-multiindex-columns", frame)
    pickles("pd-period-q", pd.Series(pd.period_range("2024Q1", periods=3, freq="Q")))
    pickles("pd-timedelta-frame", pd.DataFrame({"t": pd.to_timedelta([1, 2], unit="h")}))
    pickles("pd-uint-float-nullable", pd.DataFrame({"u": pd.array([1, None], dtype="UInt32"), "f": pd.array([0.5, None], dtype="Float32"),
                                                    "i": pd.array([1, None], dtype="Int16")}))
    for compression in ("gzip", "bz2", "xz", "zip"):
        buf = io.BytesIO()
        pd.DataFrame({"a": range(5)}).to_pickle(buf, compression=compression)
        write(f"pd-to-pickle.{compression}", buf.getvalue())


def numpy_files():
    for bitgen in (np.random.PCG64DXSM, np.random.SFC64, np.random.Philox, np.random.MT19937):
        pickles(f"np-gen-{bitgen.__name__}", np.random.Generator(bitgen(7)))
    pickles("np-randomstate-pcg", np.random.RandomState(np.random.PCG64(3)) if hasattr(np.random, "PCG64") else np.random.RandomState(3))
    pickles("np-ufuncs", [np.maximum, np.minimum, np.tanh, np.arctan2, np.isnan, np.logaddexp])
    pickles("np-dtypes-more", [np.dtype("M8[ms]"), np.dtype("c16"), np.dtype(">i4"), np.dtype([("a", "<f4", (2, 2))])])


def torch_files():
    import torch
    import torch.nn as nn
    model = nn.Sequential(nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, activation="gelu"), nn.GELU(), nn.SiLU(), nn.Mish())
    for fmt, zipped in (("zip", True), ("legacy", False)):
        buf = io.BytesIO()
        torch.save({"model": model, "sd": model.state_dict(), "version": torch.__version__}, buf, _use_new_zipfile_serialization=zipped)
        write(f"torch-gelu-model.{fmt}.pt", buf.getvalue())
    buf = io.BytesIO()
    torch.save({"epoch": 1, "state_dict": nn.Linear(3, 2).state_dict(), "hyper_parameters": {"lr": 0.1},
                "optimizer_states": [torch.optim.AdamW(nn.Linear(3, 2).parameters()).state_dict()]}, buf)
    write("torch-lightning-like.ckpt", buf.getvalue())


def main():
    sklearn_files()
    pandas_files()
    numpy_files()
    torch_files()
    print(f"wrote {COUNT[0]} files to {OUT}")


if __name__ == "__main__":
    main()
