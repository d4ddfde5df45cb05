#!/usr/bin/env python3
"""Writes a held-out set of real library files to a folder, for measuring the allowlist on objects outside the
generator's catalogue (gen-allowlist.py and catalogue_more.py, which holds the objects of the earlier held-out sets
once their gaps were closed). Written with the installed libraries; only our own freshly written bytes are
produced and nothing is loaded. Every object is pickled at protocols 2-5, estimators also with joblib.dump.

  /usr/bin/python3 scripts/artifacts/gen-heldout.py /tmp/heldout && node scripts/artifacts/measure.mjs /tmp/heldout
"""
import argparse
import array
import datetime
import functools
import io
import os
import pickle
import re
import sys
import types
import warnings

import numpy as np

warnings.filterwarnings("ignore")
COUNT = [0]
OUT = "/tmp/heldout"


def write(name, data):
    with open(os.path.join(OUT, re.sub(r"[^A-Za-z0-9_.-]+", "_", name)), "wb") as f:
        f.write(data)
    COUNT[0] += 1


def save(stem, make, joblib_too=False):
    try:
        obj = make()
    except Exception as e:  # an object this library version cannot build is left out
        print(f"  {stem}: {e}", file=sys.stderr)
        return
    for proto in (2, 3, 4, 5):
        try:
            write(f"{stem}.p{proto}.pkl", pickle.dumps(obj, protocol=proto))
        except Exception as e:
            print(f"  {stem} p{proto}: {e}", file=sys.stderr)
    if joblib_too:
        import joblib
        buf = io.BytesIO()
        joblib.dump(obj, buf, compress=3)
        write(f"{stem}.joblib", buf.getvalue())


def sklearn_set():
    from sklearn import (cluster, compose, ensemble, feature_extraction, feature_selection, linear_model, manifold, metrics, model_selection,
                         multiclass, multioutput, neighbors, pipeline, preprocessing, svm, decomposition)
    from sklearn.datasets import make_classification, make_regression
    Xc, yc = make_classification(n_samples=60, n_features=6, n_informative=4, n_classes=3, random_state=3)
    Xr, yr = make_regression(n_samples=60, n_features=6, n_targets=1, random_state=3)
    Yr = np.c_[yr, yr * 2]
    texts = ["the quick brown fox", "jumps over the lazy dog", "the dog barks", "a quick cat"] * 3
    labels = [0, 1, 1, 0] * 3
    import pandas as pd
    frame = pd.DataFrame({"x": np.arange(12.0), "y": list("abcd") * 3, "z": np.arange(12) % 2})
    objs = {
        "text-svm": lambda: pipeline.Pipeline([("vec", feature_extraction.text.TfidfVectorizer(stop_words="english", sublinear_tf=True)),
                                               ("clf", svm.LinearSVC())]).fit(texts, labels),
        "count-binary": lambda: feature_extraction.text.CountVectorizer(binary=True, token_pattern=r"\w+", max_features=5).fit(texts),
        "scale-pca-kmeans": lambda: pipeline.make_pipeline(preprocessing.StandardScaler(), decomposition.PCA(2), cluster.KMeans(3, n_init=2)).fit(Xc),
        "rf-balanced-oob": lambda: ensemble.RandomForestClassifier(5, class_weight="balanced", oob_score=True).fit(Xc, yc),
        "gbr-quantile": lambda: ensemble.GradientBoostingRegressor(loss="quantile", alpha=0.9, n_estimators=3).fit(Xr, yr),
        "gbr-huber": lambda: ensemble.GradientBoostingRegressor(loss="huber", n_estimators=3).fit(Xr, yr),
        "hgbr-absolute": lambda: ensemble.HistGradientBoostingRegressor(loss="absolute_error", max_iter=3).fit(Xr, yr),
        "hgbr-poisson": lambda: ensemble.HistGradientBoostingRegressor(loss="poisson", max_iter=3).fit(Xr, np.abs(yr)),
        "hgbc-early-stopping": lambda: ensemble.HistGradientBoostingClassifier(early_stopping=True, max_iter=5, validation_fraction=0.3).fit(Xc, yc),
        "lr-multinomial": lambda: linear_model.LogisticRegression(multi_class="multinomial").fit(Xc, yc),
        "svc-poly": lambda: svm.SVC(kernel="poly", probability=True).fit(Xc, yc),
        "svr-sigmoid": lambda: svm.SVR(kernel="sigmoid").fit(Xr, yr),
        "knr-cosine": lambda: neighbors.KNeighborsRegressor(weights="distance", metric="cosine").fit(Xr, yr),
        "dbscan-cosine": lambda: cluster.DBSCAN(metric="cosine").fit(Xc),
        "agglomerative-single": lambda: cluster.AgglomerativeClustering(linkage="single").fit(Xc),
        "tsne": lambda: manifold.TSNE(perplexity=5, n_iter=250).fit(Xc),
        "ordinal-unknown": lambda: preprocessing.OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(frame[["y"]]),
        "ct-passthrough": lambda: compose.ColumnTransformer([("y", preprocessing.OneHotEncoder(), ["y"])], remainder="passthrough").fit(frame),
        "ct-remainder-scaler": lambda: compose.ColumnTransformer([("y", preprocessing.OneHotEncoder(), ["y"])], remainder=preprocessing.StandardScaler()).fit(frame),
        "grid-dict-scoring": lambda: model_selection.GridSearchCV(linear_model.LogisticRegression(), {"C": [0.5, 1]}, cv=2, refit="a",
                                                                  scoring={"a": "accuracy", "f": metrics.make_scorer(metrics.f1_score, average="macro")}).fit(Xc, yc),
        "grid-log-loss": lambda: model_selection.GridSearchCV(linear_model.LogisticRegression(), {"C": [0.5, 1]}, cv=2, scoring="neg_log_loss").fit(Xc, yc),
        "grid-roc-auc": lambda: model_selection.GridSearchCV(linear_model.LogisticRegression(), {"C": [0.5, 1]}, cv=2,
                                                             scoring="roc_auc_ovr").fit(Xc, yc),
        "select-from-forest": lambda: feature_selection.SelectFromModel(ensemble.RandomForestClassifier(3)).fit(Xc, yc),
        "sequential-selector": lambda: feature_selection.SequentialFeatureSelector(linear_model.LinearRegression(), n_features_to_select=2, cv=2).fit(Xr, yr),
        "voting-soft": lambda: ensemble.VotingClassifier([("lr", linear_model.LogisticRegression()), ("nb", __import__("sklearn.naive_bayes").naive_bayes.GaussianNB())],
                                                         voting="soft").fit(Xc, yc),
        "stacking-passthrough": lambda: ensemble.StackingClassifier([("lr", linear_model.LogisticRegression())], passthrough=True, cv=2).fit(Xc, yc),
        "multioutput-gbr": lambda: multioutput.MultiOutputRegressor(ensemble.GradientBoostingRegressor(n_estimators=2)).fit(Xr, Yr),
        "classifier-chain": lambda: multioutput.ClassifierChain(linear_model.LogisticRegression()).fit(Xc, np.c_[yc > 0, yc > 1]),
        "ovo-svc": lambda: multiclass.OneVsOneClassifier(svm.SVC()).fit(Xc, yc),
        "lof-novelty": lambda: neighbors.LocalOutlierFactor(novelty=True).fit(Xc),
        "kbins-onehot": lambda: preprocessing.KBinsDiscretizer(encode="onehot").fit(Xc),
        "function-exp-log": lambda: preprocessing.FunctionTransformer(np.exp, np.log).fit(Xc),
        "poly-interaction": lambda: preprocessing.PolynomialFeatures(interaction_only=True).fit(Xc),
    }
    for name, make in objs.items():
        save(f"h3-sk-{name}", make, joblib_too=True)


def pandas_set():
    import pandas as pd
    import pytz
    import dateutil.tz
    save("h3-pd-pytz-london", lambda: pd.Series([1, 2], index=pd.DatetimeIndex(["2024-03-30", "2024-04-01"]).tz_localize(pytz.timezone("Europe/London"))))
    save("h3-pd-dateutil-utc", lambda: [pd.Timestamp("2024-01-01", tz=dateutil.tz.tzutc()), pd.Timestamp("2024-01-01", tz=datetime.timezone.utc)])
    save("h3-pd-categorical-index", lambda: pd.Series([1, 2, 3], index=pd.CategoricalIndex(["a", "b", "a"], ordered=True)))
    save("h3-pd-groupby-multi", lambda: pd.DataFrame({"a": [1, 1, 2], "b": ["x", "y", "x"], "v": [1.0, 2.0, 3.0]}).groupby(["a", "b"]).agg(["mean", "max"]))
    save("h3-pd-masked", lambda: pd.DataFrame({"b": pd.array([True, None], dtype="boolean"), "i": pd.array([1, None], dtype="Int8"),
                                               "flag": [True, False]}))
    save("h3-pd-sparse-fill", lambda: pd.Series(pd.arrays.SparseArray([1.0, 1.0, 2.0], fill_value=1.0)))
    save("h3-pd-periods", lambda: [pd.Period("2024-01-01", freq="D"), pd.Period("2024-01-01", freq="W"), pd.Period("2024", freq="A")])
    save("h3-pd-interval-ts", lambda: pd.Interval(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01"), closed="left"))
    for compression in ("gzip", "bz2", "xz", "zip"):
        buf = io.BytesIO()
        pd.DataFrame({"a": range(5), "t": pd.date_range("2024", periods=5)}).to_pickle(buf, compression=compression)
        write(f"h3-pd-to-pickle.{compression}", buf.getvalue())


def numpy_scipy_set():
    import scipy.sparse as sp
    import scipy.stats as st
    import scipy.interpolate as si
    import scipy.optimize as so
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        mm = np.memmap(os.path.join(tmp, "m.dat"), dtype="f4", mode="w+", shape=(3,))
        save("h3-np-memmap", lambda: mm)
        del mm
    save("h3-np-scalars", lambda: [np.longdouble(1.5), np.str_("s"), np.zeros(1, dtype=[("a", "i4")])[0], np.datetime64("2024-01-01T10"),
                                   np.timedelta64(3, "D"), np.complex64(1j)])
    save("h3-np-polys", lambda: [np.poly1d([1, 2, 3]), np.polynomial.Polynomial([1, 2]), np.polynomial.Chebyshev([1, 0, 1])])
    save("h3-np-masked-fill", lambda: np.ma.masked_array([1.0, 2.0], mask=[False, True], fill_value=-1.0))
    save("h3-scipy-sparse-more", lambda: [sp.csc_matrix(np.eye(3)), sp.lil_matrix(np.eye(3)), sp.dok_matrix(np.eye(2)), sp.identity(3, format="dia")])
    save("h3-scipy-histogram", lambda: st.rv_histogram(np.histogram(np.arange(10.0), bins=3)))
    save("h3-scipy-mvn", lambda: st.multivariate_normal(mean=[0, 0], cov=[[1, 0], [0, 1]]))
    save("h3-scipy-optimize-result", lambda: so.minimize(lambda x: (x ** 2).sum(), [1.0, 2.0]))
    save("h3-scipy-grid-interp", lambda: si.RegularGridInterpolator((np.arange(3.0), np.arange(3.0)), np.eye(3)))
    save("h3-scipy-rbf", lambda: si.RBFInterpolator(np.c_[np.arange(5.0), np.arange(5.0) ** 2], np.arange(5.0)))


def torch_stdlib_set():
    import torch
    import torch.nn as nn
    opt = torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1)
    ckpt = {
        "args": argparse.Namespace(lr=0.1, arch="resnet", layers=[1, 2]),
        "cfg": types.SimpleNamespace(dropout=0.1),
        "plateau": torch.optim.lr_scheduler.ReduceLROnPlateau(opt).state_dict(),
        "model": nn.ModuleDict({"a": nn.Linear(2, 2), "emb": nn.Embedding(4, 2, sparse=True)}).state_dict(),
        "best": np.float64(0.93), "epoch": np.int64(7), "device": torch.device("cpu"), "dtype": torch.float16,
        "rng": torch.get_rng_state(), "when": datetime.datetime(2024, 1, 1),
    }
    for fmt, zipped in (("zip", True), ("legacy", False)):
        buf = io.BytesIO()
        torch.save(ckpt, buf, _use_new_zipfile_serialization=zipped)
        write(f"h3-torch-checkpoint.{fmt}.pt", buf.getvalue())
        buf = io.BytesIO()
        torch.save(nn.ModuleDict({"blocks": nn.ModuleList([nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2)]), "p": nn.ParameterDict({"w": nn.Parameter(torch.ones(2))})}),
                   buf, _use_new_zipfile_serialization=zipped)
        write(f"h3-torch-moduledict.{fmt}.pt", buf.getvalue())
    save("h3-stdlib-misc", lambda: [argparse.Namespace(a=1), types.SimpleNamespace(b=2), array.array("d", [1.0, 2.0]),
                                    functools.partial(np.mean, axis=0), datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)])


def main():
    global OUT
    OUT = next((a for a in sys.argv[1:] if not a.startswith("--")), OUT)
    os.makedirs(OUT, exist_ok=True)
    sklearn_set()
    pandas_set()
    numpy_scipy_set()
    torch_stdlib_set()
    print(f"wrote {COUNT[0]} files to {OUT}")


if __name__ == "__main__":
    main()
