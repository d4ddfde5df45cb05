/**
 * Modules that are the same thing under another name. Qualified names are rewritten to the canonical
 * spelling before rules look at them, so a rule names `pickle.loads` once and matches `cPickle.loads`,
 * `_pickle.loads`, `six.moves.cPickle.loads`, ...
 */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ["six.moves.cPickle", "pickle"],
  ["six.moves.copyreg", "copyreg"],
  ["six.moves.builtins", "builtins"],
  ["future.moves.pickle", "pickle"],
  ["cPickle", "pickle"],
  ["_pickle", "pickle"],
  ["pickle5.pickle", "pickle"],
  ["pickle5", "pickle"],
  ["__builtin__", "builtins"],
  ["__builtins__", "builtins"],
  ["copy_reg", "copyreg"],
  ["_compat_pickle", "_compat_pickle"],
  ["sklearn.externals.joblib", "joblib"],
  ["dill._dill", "dill"],
  ["dill.dill", "dill"],
  ["cloudpickle.cloudpickle", "cloudpickle"],
  ["cloudpickle.cloudpickle_fast", "cloudpickle"],
  // Vendored copies of cloudpickle.
  ["ray.cloudpickle", "cloudpickle"],
  ["pyspark.cloudpickle", "cloudpickle"],
  ["joblib.externals.cloudpickle", "cloudpickle"],
  ["srsly.cloudpickle", "cloudpickle"],
  ["joblib.numpy_pickle.load", "joblib.load"],
  ["jsonpickle.unpickler.decode", "jsonpickle.decode"],
  ["jsonpickle.unpickler.Unpickler", "jsonpickle.Unpickler"],
  ["torch.serialization.load", "torch.load"],
  ["torch.utils.model_zoo.load_url", "torch.hub.load_state_dict_from_url"],
  ["torch.package.package_importer", "torch.package"],
  ["torch.distributed.distributed_c10d", "torch.distributed"],
  // Keras 3 is also reached as tf.keras / tf_keras; its public functions live in several modules.
  ["tensorflow.keras", "keras"],
  ["tensorflow.python.keras", "keras"],
  ["tf_keras", "keras"],
  ["keras.src.saving.saving_api", "keras.saving"],
  ["keras.saving.saving_api", "keras.saving"],
  ["keras.src.saving.serialization_lib", "keras.saving"],
  ["numpy.lib.npyio.load", "numpy.load"],
  ["pandas.io.pickle.read_pickle", "pandas.read_pickle"],
  ["modin.pandas.read_pickle", "pandas.read_pickle"],
  ["pandas.io.pytables.read_hdf", "pandas.read_hdf"],
  ["pandas.io.pytables.HDFStore", "pandas.HDFStore"],
  // PyYAML re-exports its loaders and functions at the package level.
  ["yaml.loader", "yaml"],
  ["yaml.cyaml", "yaml"],
  ["yaml.__init__", "yaml"],
  ["ruamel_yaml", "ruamel.yaml"],
  ["ruamel.yaml.main", "ruamel.yaml"],
  ["ruamel.yaml.loader", "ruamel.yaml"],
  ["ruamel.yaml.cyaml", "ruamel.yaml"],
];

/** Every module name that appears in an alias, on either side. */
export const ALIASED_MODULE_NAMES: readonly string[] = [...new Set(ALIASES.flat())];

/**
 * By first name, longest alias first, so `six.moves.cPickle` wins over any shorter prefix. An alias can only match a
 * name with the same first name, so most names (every name is asked) look at none.
 */
const MODULE_ALIASES = new Map<string, (readonly [string, string])[]>();
for (const entry of [...ALIASES].sort((a, b) => b[0].length - a[0].length)) {
  const dot = entry[0].indexOf(".");
  const head = dot < 0 ? entry[0] : entry[0].slice(0, dot);
  const list = MODULE_ALIASES.get(head);
  if (list) list.push(entry);
  else MODULE_ALIASES.set(head, [entry]);
}
/** The first names of the aliases by their first character: most names (every name is asked) start with none. */
const HEADS_BY_FIRST_CHAR = new Map<number, string[]>();
for (const head of MODULE_ALIASES.keys()) {
  const list = HEADS_BY_FIRST_CHAR.get(head.charCodeAt(0));
  if (list) list.push(head);
  else HEADS_BY_FIRST_CHAR.set(head.charCodeAt(0), [head]);
}

/** The aliases whose first name is `qualifiedName`'s, found without cutting the name (no string is made). */
function aliasesFor(qualifiedName: string): readonly (readonly [string, string])[] | undefined {
  const heads = HEADS_BY_FIRST_CHAR.get(qualifiedName.charCodeAt(0));
  if (!heads) return undefined;
  const dot = qualifiedName.indexOf(".");
  const length = dot < 0 ? qualifiedName.length : dot;
  for (const head of heads) if (head.length === length && qualifiedName.startsWith(head)) return MODULE_ALIASES.get(head);
  return undefined;
}

export function canonicalName(qualifiedName: string): string {
  const candidates = aliasesFor(qualifiedName);
  if (!candidates) return qualifiedName;
  for (const [alias, canonical] of candidates) {
    if (qualifiedName === alias) return canonical;
    if (qualifiedName.startsWith(alias) && qualifiedName.charCodeAt(alias.length) === 46 /* . */) {
      return canonical + qualifiedName.slice(alias.length);
    }
  }
  return qualifiedName;
}
