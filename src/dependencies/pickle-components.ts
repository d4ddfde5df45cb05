// Packages that deserialize with pickle (or run code from loaded files) as part of their normal API: the SBOM
// marks them, so an inventory shows where unpickling can happen without reading the code.
import { normalizeName } from "./types.js";

const PICKLE_COMPONENTS: Readonly<Record<string, string>> = {
  "cloudpickle": "cloudpickle.loads is pickle",
  "dill": "dill.load/loads extend pickle",
  "joblib": "joblib.load unpickles (model persistence)",
  "jsonpickle": "jsonpickle.decode rebuilds arbitrary objects",
  "torch": "torch.load unpickles checkpoints (weights_only restricts it)",
  "pandas": "pandas.read_pickle unpickles",
  "numpy": "numpy.load(allow_pickle=True) unpickles object arrays",
  "scikit-learn": "models are persisted with pickle/joblib",
  "keras": "load_model deserializes layers and Lambda code",
  "tensorflow": "Keras model loading deserializes code",
  "transformers": "from_pretrained can torch.load pickled weights",
  "pyyaml": "yaml.load/full_load construct Python objects",
  "ruamel-yaml": "typ='unsafe' constructs Python objects",
  "celery": "task/result serializer may be pickle",
  "kombu": "message serializer may be pickle",
  "rq": "job payloads are pickled by default",
  "huey": "task payloads are pickled by default",
  "cachelib": "cache values are pickled",
  "flask-caching": "cache values are pickled",
  "django-redis": "cache values are pickled by default",
  "diskcache": "cache values are pickled",
  "sqlitedict": "values are pickled by default",
  "pyro4": "the pickle serializer can be enabled",
  "pyro5": "serializers are configurable",
  "scrapy": "disk queues and HTTP cache pickle",
  "distributed": "messages may be pickled",
  "ray": "objects are pickled with cloudpickle",
  "mlflow": "pyfunc/sklearn flavours unpickle models",
  "gensim": "models are persisted with pickle",
  "optuna": "some storages pickle",
  "bentoml": "runners may pickle payloads",
  "nltk": "data packages may be pickles",
  "statsmodels": "results are persisted with pickle",
  "lightgbm": "sklearn API models persisted with pickle",
  "xgboost": "pickle persistence of Booster objects",
  "catboost": "pickle persistence supported",
  "pickle5": "pickle protocol 5 backport",
  "pyspark": "RDD serializers use pickle/cloudpickle",
};

/** Why a package deserializes with pickle, or undefined when it is not known to. */
export function pickleUse(name: string): string | undefined {
  return PICKLE_COMPONENTS[normalizeName(name)];
}
