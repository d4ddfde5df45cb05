"""More catalogue objects for gen-allowlist.py: what two held-out sets of real files (written with the same Debian
libraries, outside the original catalogue) showed it lacked. Each function returns {label: object}; objects are
only constructed and fitted here, never loaded from anywhere.

  - sklearn_variants: estimators with non-default settings (three-class fits, losses, metrics, scorers, selectors
    with score functions, callables, kernels, column selectors);
  - sklearn_more: a second set (solvers, meta-estimators, text pipelines with str methods, experimental estimators
    with their CV splitters);
  - pandas_more, numpy_more, scipy_more: frequencies and offsets with arguments, every bit generator and more
    ufuncs, kernel density, splines, KD-trees, frozen discrete distributions;
  - stdlib_more: argparse/types namespaces, arrays, dateutil zones (held-out set 3);
  - torch_more: objects for torch.save (activation functions, weight and spectral norm hooks, AMP and scheduler state).
"""
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")


def _built(makers):
    out = {}
    for name, make in makers.items():
        try:
            out[name] = make()
        except Exception as e:  # an object this library version cannot build is left out
            print(f"  catalogue_more {name}: {e}", file=sys.stderr)
    return out


def sklearn_variants():
    from sklearn.datasets import make_classification, make_regression
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
    Xc, yc = make_classification(n_samples=60, n_features=6, n_informative=3, n_classes=3, random_state=1)
    Xc = np.abs(Xc)
    Xr, yr = make_regression(n_samples=60, n_features=6, random_state=1)
    frame = pd.DataFrame({"n": np.arange(8.0), "c": list("abcabcab"), "k": pd.Categorical(list("xyxyxyxy"))})
    return _built({
        "gb-multiclass": lambda: GradientBoostingClassifier(n_estimators=3).fit(Xc, yc),
        "gb-exponential": lambda: GradientBoostingClassifier(n_estimators=3, loss="exponential").fit(Xc, (yc > 0).astype(int)),
        "hgb-categorical": lambda: HistGradientBoostingClassifier(max_iter=3, categorical_features=[0]).fit(np.c_[np.arange(60) % 3, Xc], yc),
        "rf-absolute": lambda: RandomForestRegressor(n_estimators=3, criterion="absolute_error").fit(Xr, yr),
        "sgd-log": lambda: SGDClassifier(loss="log_loss").fit(Xc, yc),
        "sgd-modified-huber": lambda: SGDClassifier(loss="modified_huber").fit(Xc, yc),
        "sgd-huber": lambda: SGDRegressor(loss="huber").fit(Xr, yr),
        "sgd-eps": lambda: SGDRegressor(loss="epsilon_insensitive").fit(Xr, yr),
        "poisson": lambda: PoissonRegressor().fit(Xc, np.abs(yr)),
        "knn-manhattan": lambda: KNeighborsClassifier(metric="manhattan", algorithm="ball_tree").fit(Xc, yc),
        "knn-chebyshev": lambda: KNeighborsClassifier(metric="chebyshev", algorithm="kd_tree").fit(Xc, yc),
        "knn-minkowski3": lambda: KNeighborsClassifier(p=3, algorithm="ball_tree").fit(Xc, yc),
        "nn-haversine": lambda: NearestNeighbors(metric="haversine", algorithm="ball_tree").fit(Xc[:, :2]),
        "kde-epanechnikov": lambda: KernelDensity(kernel="epanechnikov").fit(Xc),
        "grid-f1": lambda: GridSearchCV(SVC(), {"C": [0.5, 1]}, scoring="f1_macro", cv=2).fit(Xc, yc),
        "grid-multi": lambda: GridSearchCV(SVC(), {"C": [0.5, 1]}, scoring=["accuracy", "balanced_accuracy"], refit="accuracy", cv=2).fit(Xc, yc),
        "random-neg-mse": lambda: RandomizedSearchCV(RandomForestRegressor(n_estimators=2), {"max_depth": [1, 2]}, n_iter=2, cv=2,
                                                     scoring="neg_mean_squared_error").fit(Xr, yr),
        "function-log": lambda: FunctionTransformer(np.log1p, inverse_func=np.expm1).fit(Xc),
        "ttr-log": lambda: TransformedTargetRegressor(func=np.log1p, inverse_func=np.expm1).fit(Xc, np.abs(yr)),
        "onehot-infrequent": lambda: OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=2).fit(frame[["c"]]),
        "spline": lambda: SplineTransformer().fit(Xc),
        "kbins-quantile": lambda: KBinsDiscretizer(strategy="quantile").fit(Xc),
        "selectk-chi2": lambda: SelectKBest(chi2, k=2).fit(Xc, yc),
        "selectk-mi": lambda: SelectKBest(mutual_info_classif, k=2).fit(Xc, yc),
        "percentile-freg": lambda: SelectPercentile(f_regression).fit(Xr, yr),
        "column-selector": lambda: ColumnTransformer([("n", SimpleImputer(), make_column_selector(dtype_include=np.number)),
                                                      ("c", OneHotEncoder(), make_column_selector(dtype_include=object))]).fit(frame),
        "gpc-matern": lambda: GaussianProcessClassifier(kernel=Matern() + WhiteKernel()).fit(Xc[:20], yc[:20]),
        "gpr-kernels": lambda: GaussianProcessRegressor(kernel=RationalQuadratic() * DotProduct() + ExpSineSquared()).fit(Xr[:20], yr[:20]),
        "pipeline-imputer-svc": lambda: Pipeline([("imp", SimpleImputer(strategy="median")), ("svc", SVC(probability=True))]).fit(Xc, yc),
    })


def sklearn_more():
    from sklearn.datasets import make_classification, make_regression
    from sklearn import linear_model, ensemble, svm, cluster, mixture, decomposition, preprocessing, feature_extraction
    from sklearn import feature_selection, kernel_approximation, calibration, neural_network, pipeline, model_selection
    from sklearn.experimental import enable_halving_search_cv  # noqa: F401
    from sklearn.experimental import enable_iterative_imputer  # noqa: F401
    from sklearn.impute import IterativeImputer
    Xc, yc = make_classification(n_samples=50, n_features=5, n_informative=3, random_state=2)
    Xp = np.abs(Xc) + 0.1
    Xr, yr = make_regression(n_samples=50, n_features=5, random_state=2)
    texts = ["Red apples", "green pears", "red pears and apples", "blue sky"]
    return _built({
        "lr-saga-elasticnet": lambda: linear_model.LogisticRegression(solver="saga", penalty="elasticnet", l1_ratio=0.5, max_iter=50).fit(Xc, yc),
        "mlp-regressor": lambda: neural_network.MLPRegressor(hidden_layer_sizes=(4,), max_iter=20).fit(Xr, yr),
        "mlp-sgd": lambda: neural_network.MLPClassifier(solver="sgd", max_iter=20).fit(Xc, yc),
        "birch": lambda: cluster.Birch(n_clusters=2).fit(Xc),
        "gmm-diag": lambda: mixture.GaussianMixture(2, covariance_type="diag").fit(Xc),
        "pca-randomized": lambda: decomposition.PCA(2, svd_solver="randomized").fit(Xc),
        "union-select": lambda: pipeline.make_pipeline(
            pipeline.make_union(decomposition.PCA(2), feature_selection.SelectFromModel(linear_model.Lasso())), linear_model.Ridge()).fit(Xr, yr),
        "voting-regressor": lambda: ensemble.VotingRegressor([("r", linear_model.Ridge()), ("t", ensemble.ExtraTreesRegressor(n_estimators=2))]).fit(Xr, yr),
        "stacking-regressor": lambda: ensemble.StackingRegressor([("r", linear_model.Ridge())], final_estimator=linear_model.RidgeCV()).fit(Xr, yr),
        "calibrated-isotonic": lambda: calibration.CalibratedClassifierCV(svm.LinearSVC(), method="isotonic", cv=2).fit(Xc, yc),
        "bagging-svc": lambda: ensemble.BaggingClassifier(svm.SVC(), n_estimators=2).fit(Xc, yc),
        "adaboost-samme": lambda: ensemble.AdaBoostClassifier(n_estimators=2, algorithm="SAMME").fit(Xc, yc),
        "rfecv-auc": lambda: feature_selection.RFECV(linear_model.LogisticRegression(), scoring="roc_auc", cv=2).fit(Xc, yc),
        "tfidf-char": lambda: feature_extraction.text.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3)).fit(texts),
        "count-str-methods": lambda: feature_extraction.text.CountVectorizer(tokenizer=str.split, preprocessor=str.lower).fit(texts),
        "dict-vectorizer": lambda: feature_extraction.DictVectorizer(sparse=False).fit([{"a": 1, "b": "x"}, {"a": 2}]),
        "multilabel": lambda: preprocessing.MultiLabelBinarizer().fit([["a", "b"], ["c"]]),
        "quantile-normal": lambda: preprocessing.QuantileTransformer(n_quantiles=10, output_distribution="normal").fit(Xc),
        "power-boxcox": lambda: preprocessing.PowerTransformer(method="box-cox").fit(Xp),
        "nystroem": lambda: kernel_approximation.Nystroem(n_components=5).fit(Xc),
        "halving-grid": lambda: model_selection.HalvingGridSearchCV(svm.SVC(), {"C": [0.5, 1, 2]}, cv=2).fit(Xc, yc),
        "halving-random": lambda: model_selection.HalvingRandomSearchCV(svm.SVC(), {"C": [0.5, 1, 2]}, cv=2).fit(Xc, yc),
        "iterative-imputer": lambda: IterativeImputer(max_iter=2).fit(Xc),
        "cv-splitters": lambda: [model_selection.KFold(3), model_selection.StratifiedKFold(3), model_selection.GroupKFold(3),
                                 model_selection.StratifiedGroupKFold(3), model_selection.ShuffleSplit(2), model_selection.StratifiedShuffleSplit(2),
                                 model_selection.GroupShuffleSplit(2), model_selection.LeaveOneOut(), model_selection.LeavePOut(2),
                                 model_selection.LeaveOneGroupOut(), model_selection.LeavePGroupsOut(2), model_selection.PredefinedSplit([0, 1]),
                                 model_selection.RepeatedKFold(), model_selection.RepeatedStratifiedKFold(), model_selection.TimeSeriesSplit(),
                                 model_selection.check_cv([(np.array([0]), np.array([1]))])],
    })


def pandas_more():
    import pandas as pd
    out = {}
    for freq in ("B", "W-MON", "MS", "QS-JAN", "A-DEC", "H", "T", "S", "L", "U", "N", "BM", "BMS", "SM", "SMS", "C", "BQ", "BQS",
                 "BA", "BAS", "CBMS", "CBM", "BH"):
        try:
            out[f"freq-{freq}"] = pd.Series(range(3), index=pd.date_range("2024-01-01", periods=3, freq=freq))
        except Exception as e:
            print(f"  catalogue_more freq {freq}: {e}", file=sys.stderr)
    out.update(_built({
        "offsets-with-arguments": lambda: [pd.DateOffset(months=2, days=1), pd.offsets.CustomBusinessDay(holidays=["2024-01-01"]),
                                           pd.offsets.Week(weekday=2), pd.offsets.FY5253(weekday=0, startingMonth=1),
                                           pd.offsets.FY5253Quarter(weekday=0, startingMonth=1, qtr_with_extra_week=1),
                                           pd.offsets.BusinessHour(start="10:00"), pd.offsets.CustomBusinessHour(start="09:00"),
                                           pd.offsets.Easter(), pd.offsets.WeekOfMonth(week=1, weekday=2), pd.offsets.LastWeekOfMonth(weekday=3)],
        "multiindex-columns": lambda: pd.DataFrame([[1, "x"], [2, "y"]], index=pd.MultiIndex.from_tuples([("p", 1), ("q", 2)]),
                                                   columns=pd.MultiIndex.from_tuples([("g", "a"), ("g", "b")])),
        "frame-misc": lambda: pd.DataFrame({"s": pd.Series(["a", None], dtype="string"), "c": pd.Categorical(["x", np.nan]),
                                            "i": pd.IntervalIndex.from_breaks([0, 1, 2], closed="both"), "t": pd.to_timedelta(["1d", "2h"]),
                                            "u": pd.array([1, None], dtype="UInt32"), "f": pd.array([0.5, None], dtype="Float32")},
                                           index=pd.date_range("2024", periods=2, tz="US/Eastern")),
        "period-quarterly": lambda: pd.Series(pd.period_range("2024Q1", periods=3, freq="Q")),
    }))
    return out


def numpy_more():
    return _built({
        "generators": lambda: [np.random.Generator(b(7)) for b in (np.random.PCG64DXSM, np.random.SFC64, np.random.Philox, np.random.MT19937)],
        "randomstate-pcg": lambda: np.random.RandomState(np.random.PCG64(3)),
        "ufuncs-more": lambda: [np.maximum, np.minimum, np.tanh, np.arctan2, np.isnan, np.logaddexp, np.expm1, np.log, np.abs, np.negative],
        "dtypes-more": lambda: [np.dtype("M8[ms]"), np.dtype("c16"), np.dtype(">i4"), np.dtype([("a", "<f4", (2, 2))]), np.number, np.floating],
        "busdaycalendar": lambda: np.busdaycalendar(holidays=["2024-01-01"]),
        # held-out set 3
        "polynomials": lambda: [np.poly1d([1, 2, 3]), np.polynomial.Polynomial([1, 2]), np.polynomial.Chebyshev([1, 0, 1]),
                                np.polynomial.Legendre([1, 2]), np.polynomial.Hermite([1]), np.polynomial.HermiteE([1]), np.polynomial.Laguerre([1])],
        # (A pickled np.memmap slice names numpy.memmap, which is denylisted: called, it opens files. It stays out.)
    })


def scipy_more():
    import scipy.stats as st
    import scipy.interpolate as si
    import scipy.spatial as ss
    x = np.linspace(0, 5, 12)
    return _built({
        "kde": lambda: st.gaussian_kde(np.sin(x)),
        "interpolators": lambda: [si.interp1d([0, 1, 2], [0, 1, 4]), si.interp1d([0, 1, 2], [0, 1, 4], kind="nearest"),
                                  si.interp1d([0, 1, 2, 3], [0, 1, 4, 9], kind="cubic"), si.CubicSpline([0, 1, 2], [0, 1, 4]),
                                  si.UnivariateSpline(x, x ** 2), si.InterpolatedUnivariateSpline(x, x ** 2),
                                  si.LSQUnivariateSpline(x, x ** 2, [2.5]), si.PchipInterpolator(x, x ** 2), si.Akima1DInterpolator(x, x ** 2)],
        "kdtrees": lambda: [ss.cKDTree(np.c_[x, x]), ss.KDTree(np.c_[x, x])],
        "frozen-more": lambda: [st.poisson(3), st.binom(5, 0.3), st.beta(2, 3), st.lognorm(0.5), st.t(4), st.expon(), st.uniform()],
        # held-out set 3
        "histogram-multivariate": lambda: [st.rv_histogram(np.histogram(x, bins=3)), st.multivariate_normal(mean=[0, 0], cov=[[1, 0], [0, 1]]),
                                           st.multivariate_normal([0, 0], st.Covariance.from_diagonal([1.0, 2.0]))],
        "optimize-result": lambda: __import__("scipy.optimize", fromlist=["x"]).minimize(lambda v: (v ** 2).sum(), [1.0, 2.0]),
        "grid-rbf-interpolators": lambda: [si.RegularGridInterpolator((x[:3], x[:3]), np.eye(3)), si.RBFInterpolator(np.c_[x, x ** 2], x)],
    })


def stdlib_more():
    """Held-out set 3: namespaces kept as checkpoint arguments, arrays, time zones."""
    import argparse
    import array
    import types
    import datetime
    import dateutil.tz
    return _built({
        "namespaces-arrays": lambda: [argparse.Namespace(lr=0.1, layers=[1, 2]), types.SimpleNamespace(dropout=0.1), array.array("d", [1.0, 2.0]),
                                      array.array("i", [1, 2]), array.array("u", "ab")],
        "dateutil-zones": lambda: [datetime.datetime(2024, 1, 1, tzinfo=dateutil.tz.tzutc()), datetime.datetime(2024, 1, 1, tzinfo=dateutil.tz.tzoffset("X", 3600)),
                                   datetime.datetime(2024, 1, 1, tzinfo=dateutil.tz.tzlocal())],
    })


def torch_more():
    import torch
    import torch.nn as nn
    return _built({
        "activations-model": lambda: nn.Sequential(nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, activation="gelu"), nn.GELU(), nn.SiLU(), nn.Mish()),
        "weight-spectral-norm": lambda: nn.Sequential(nn.utils.weight_norm(nn.Conv1d(2, 2, 3)), nn.utils.spectral_norm(nn.Linear(3, 3))),
        "training-state": lambda: {"lstm": nn.LSTM(3, 3, 2, bidirectional=True).state_dict(), "version": torch.__version__,
                                   "scaler": torch.cuda.amp.GradScaler(enabled=False).state_dict(),
                                   "sched": torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1), 3).state_dict()},
    })
