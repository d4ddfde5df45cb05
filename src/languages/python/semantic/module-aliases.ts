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
  ["jsonpickle.unpickler.decode", "jsonpickle.decode"],
  ["torch.serialization.load", "torch.load"],
  ["numpy.lib.npyio.load", "numpy.load"],
  ["pandas.io.pickle.read_pickle", "pandas.read_pickle"],
  ["multiprocessing.dummy.connection", "multiprocessing.connection"],
];

/** Longest alias first, so `six.moves.cPickle` wins over any shorter prefix. */
const MODULE_ALIASES = [...ALIASES].sort((a, b) => b[0].length - a[0].length);

export function canonicalName(qualifiedName: string): string {
  for (const [alias, canonical] of MODULE_ALIASES) {
    if (qualifiedName === alias) return canonical;
    if (qualifiedName.startsWith(alias) && qualifiedName.charCodeAt(alias.length) === 46 /* . */) {
      return canonical + qualifiedName.slice(alias.length);
    }
  }
  return qualifiedName;
}
