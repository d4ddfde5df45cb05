#!/usr/bin/env python3
"""Writes a held-out set of real library files to a folder, for measuring the allowlist on objects that the
generator's catalogue (gen-allowlist.py) does not hold: every scikit-learn estimator dumped with joblib (raw and
compressed) and pickled at protocols 2-5 with non-default settings, searches with scoring strings, models with
callable settings, pandas frequencies and frames saved through to_pickle's compressions, numpy generators of every
bit generator, torch models with other activations. Only our own freshly written bytes are produced; nothing is
loaded. Used for the held-out numbers in the README:

  /usr/bin/python3 scripts/artifacts/gen-heldout.py /tmp/heldout && node scripts/artifacts/measure.mjs /tmp/heldout
  /usr/bin/python3 scripts/artifacts/gen-heldout.py --set2 /tmp/heldout2   (a second set, written after the first's gaps were closed)
"""
import io
import os
import pickle
import re
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")
OUT = next((a for a in sys.argv[1:] if not a.startswith("--")), "/tmp/heldout")
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


def second_set():
    """A second held-out set, written after the first one's gaps were closed: other estimator settings, text
    pipelines with callables, scipy objects, pandas offsets with arguments, torch models with weight/spectral norm."""
    from sklearn.datasets import make_classification, make_regression
    from sklearn import linear_model, ensemble, svm, cluster, mixture, decomposition, preprocessing, feature_extraction
    from sklearn import feature_selection, kernel_approximation, calibration, neural_network, pipeline, model_selection
    Xc, yc = make_classification(n_samples=50, n_features=5, n_informative=3, random_state=2)
    Xp = np.abs(Xc) + 0.1
    Xr, yr = make_regression(n_samples=50, n_features=5, random_state=2)
    texts = ["Red apples", "green pears", "red pears and apples", "blue sky"]
    objs = {
        "lr-saga-elasticnet": linear_model.LogisticRegression(solver="saga", penalty="elasticnet", l1_ratio=0.5, max_iter=50).fit(Xc, yc),
        "mlp-regressor": neural_network.MLPRegressor(hidden_layer_sizes=(4,), max_iter=20).fit(Xr, yr),
        "mlp-sgd": neural_network.MLPClassifier(solver="sgd", max_iter=20).fit(Xc, yc),
        "iforest": ensemble.IsolationForest(n_estimators=3).fit(Xc),
        "ocsvm": svm.OneClassSVM().fit(Xc),
        "birch": cluster.Birch(n_clusters=2).fit(Xc),
        "gmm-diag": mixture.GaussianMixture(2, covariance_type="diag").fit(Xc),
        "pca-randomized": decomposition.PCA(2, svd_solver="randomized").fit(Xc),
        "union-select": pipeline.make_pipeline(pipeline.make_union(decomposition.PCA(2), feature_selection.SelectFromModel(linear_model.Lasso())),
                                               linear_model.Ridge()).fit(Xr, yr),
        "voting-regressor": ensemble.VotingRegressor([("r", linear_model.Ridge()), ("t", ensemble.ExtraTreesRegressor(n_estimators=2))]).fit(Xr, yr),
        "stacking-regressor": ensemble.StackingRegressor([("r", linear_model.Ridge())], final_estimator=linear_model.RidgeCV()).fit(Xr, yr),
        "calibrated-isotonic": calibration.CalibratedClassifierCV(svm.LinearSVC(), method="isotonic", cv=2).fit(Xc, yc),
        "bagging-svc": ensemble.BaggingClassifier(svm.SVC(), n_estimators=2).fit(Xc, yc),
        "adaboost-samme": ensemble.AdaBoostClassifier(n_estimators=2, algorithm="SAMME").fit(Xc, yc),
        "rfecv-auc": feature_selection.RFECV(linear_model.LogisticRegression(), scoring="roc_auc", cv=2).fit(Xc, yc),
        "tfidf-char": feature_extraction.text.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3)).fit(texts),
        "count-callables": feature_extraction.text.CountVectorizer(tokenizer=str.split, preprocessor=str.lower).fit(texts),
        "dict-vectorizer": feature_extraction.DictVectorizer(sparse=False).fit([{"a": 1, "b": "x"}, {"a": 2}]),
        "multilabel": preprocessing.MultiLabelBinarizer().fit([["a", "b"], ["c"]]),
        "quantile-normal": preprocessing.QuantileTransformer(n_quantiles=10, output_distribution="normal").fit(Xc),
        "power-boxcox": preprocessing.PowerTransformer(method="box-cox").fit(Xp),
        "poly": preprocessing.PolynomialFeatures(3).fit(Xc),
        "nystroem": kernel_approximation.Nystroem(n_components=5).fit(Xc),
        "halving": None,
    }
    try:
        from sklearn.experimental import enable_halving_search_cv  # noqa: F401
        from sklearn.experimental import enable_iterative_imputer  # noqa: F401
        from sklearn.impute import IterativeImputer
        objs["halving"] = model_selection.HalvingGridSearchCV(svm.SVC(), {"C": [0.5, 1, 2]}, cv=2).fit(Xc, yc)
        objs["iterative-imputer"] = IterativeImputer(max_iter=2).fit(Xc)
    except Exception as e:
        print(f"  experimental: {e}", file=sys.stderr)
    for name, obj in objs.items():
        if obj is not None:
            pickles(f"h2-sk-{name}", obj, (2, 4, 5))
            joblib_dumps(f"h2-sk-{name}", obj, (3,))
    import scipy.stats as st
    import scipy.interpolate as si
    import scipy.spatial as ss
    import scipy.sparse as sp
    pickles("h2-scipy-kde", st.gaussian_kde(Xc[:, 0]))
    pickles("h2-scipy-interp", [si.interp1d([0, 1, 2], [0, 1, 4]), si.CubicSpline([0, 1, 2], [0, 1, 4]), si.UnivariateSpline(range(6), [0, 1, 4, 9, 16, 25])])
    pickles("h2-scipy-kdtree", [ss.cKDTree(Xc), ss.KDTree(Xc)])
    pickles("h2-scipy-sparse-int64", sp.csr_matrix((np.ones(3), (np.array([0, 1, 2], dtype=np.int64), np.array([0, 1, 2], dtype=np.int64)))))
    pickles("h2-scipy-frozen", [st.poisson(3), st.beta(2, 3), st.lognorm(0.5), st.t(4)])
    import pandas as pd
    pickles("h2-pd-offsets", [pd.DateOffset(months=2, days=1), pd.offsets.CustomBusinessDay(holidays=["2024-01-01"]),
                              pd.offsets.Week(weekday=2), pd.offsets.FY5253(weekday=0, startingMonth=1), pd.offsets.BusinessHour(start="10:00")])
    pickles("h2-pd-frame-misc", pd.DataFrame({"s": pd.Series(["a", None], dtype="string"), "c": pd.Categorical(["x", np.nan]),
                                              "i": pd.IntervalIndex.from_breaks([0, 1, 2], closed="both"),
                                              "t": pd.to_timedelta(["1d", "2h"])}, index=pd.date_range("2024", periods=2, tz="US/Eastern")))
    import torch
    import torch.nn as nn
    m = nn.Sequential(nn.utils.weight_norm(nn.Conv1d(2, 2, 3)), nn.utils.spectral_norm(nn.Linear(3, 3)))
    for fmt, zipped in (("zip", True), ("legacy", False)):
        buf = io.BytesIO()
        torch.save(m, buf, _use_new_zipfile_serialization=zipped)
        write(f"h2-torch-weight-spectral-norm.{fmt}.pt", buf.getvalue())
    buf = io.BytesIO()
    torch.save({"model": nn.LSTM(3, 3, 2, bidirectional=True).state_dict(), "scaler": torch.cuda.amp.GradScaler(enabled=False).state_dict(),
                "sched": torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1), 3).state_dict()}, buf)
    write("h2-torch-lstm-ckpt.pt", buf.getvalue())


def main():
    if "--set2" in sys.argv:
        second_set()
    else:
        sklearn_files()
        pandas_files()
        numpy_files()
        torch_files()
    print(f"wrote {COUNT[0]} files to {OUT}")


if __name__ == "__main__":
    main()
