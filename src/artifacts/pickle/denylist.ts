// Globals that must never be reachable from an untrusted pickle (denylist policy).
//
// The union of what picklescan (_unsafe_globals), fickling (UNSAFE_IMPORTS / overtly bad evals) and
// modelscan (unsafe_globals for pickle/PyTorch/NumPy/Keras) block, plus a few generous additions.
// An entry is a dotted qualified name. It matches a referenced global when the entry equals the
// global's `module.name` or is a dotted prefix of it (`os` matches `os.system` and `os.path.join`),
// and it is also tried against every dotted suffix chain of the name (`pathlib` + `os.system`
// reaches `os.system`). See policy.ts for the matching.

export interface DenyEntry {
  readonly name: string;
  readonly reason: string;
}

const CMD = "runs shell commands or programs";
const CODE = "evaluates or compiles arbitrary Python code";
const ATTR = "reaches arbitrary attributes (gadget for calling anything)";
const IMPORT = "imports arbitrary modules";
const LOADS = "deserializes nested data (nested pickle or unsafe loader)";
const NET = "performs network access";
const FILE = "reads, writes or deletes files";
const DEBUG = "debugger/profiler/REPL entry point that runs code";
const NATIVE = "loads native code or manipulates memory";
const INSTALL = "installs packages or runs build scripts";
const PROC = "spawns processes, threads or signal handlers";

function group(reason: string, names: readonly string[]): DenyEntry[] {
  return names.map((name) => ({ name, reason }));
}

export const DENYLIST: readonly DenyEntry[] = [
  ...group(CMD, [
    "os", "posix", "nt", "subprocess", "commands", "popen2", "pty", "_posixsubprocess", "asyncio.subprocess",
    "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell", "asyncio.base_events",
    "asyncio.unix_events", "asyncio.windows_events", "platform.popen", "pexpect", "sh", "plumbum", "fabric",
    "paramiko", "invoke", "uuid._get_command_stdout",
  ]),
  ...group(CODE, [
    "builtins.eval", "builtins.exec", "builtins.compile", "builtins.execfile", "builtins.apply",
    "builtins.breakpoint", "builtins.input", "builtins.raw_input", "builtins.help", "builtins.exit", "builtins.quit",
    "code", "codeop", "runpy", "types.CodeType", "types.FunctionType", "types.LambdaType", "types.MethodType",
    "types.ModuleType", "marshal", "timeit", "doctest", "pydoc", "pydoc_data", "idlelib", "lib2to3",
    "numpy.testing._private.utils.runstring", "numpy.f2py", "numpy.distutils", "IPython", "jinja2",
    "torch._inductor", "torch.jit", "torch.package", "torch.utils.cpp_extension", "torch._dynamo",
    "torch.fx.experimental.symbolic_shapes", "torch.compile", "torch._C._jit_script_compile",
    "torch.testing._internal", "keras.layers.Lambda", "tensorflow.keras.layers.Lambda", "tf_keras.layers.Lambda",
    "tensorflow.python.ops.script_ops", "tensorflow.io", "tensorflow.compat.v1.py_func",
    "tensorflow.py_function", "tensorflow.numpy_function", "dill._dill._create_function",
    "dill._dill._create_code", "dill._dill._load_type", "dill.source", "cloudpickle.cloudpickle._make_function",
    "cloudpickle.cloudpickle._builtin_type", "cloudpickle.cloudpickle_fast", "sympy.parsing", "sympy.sympify",
    "pandas.eval", "pandas.core.computation", "numexpr",
  ]),
  ...group(ATTR, [
    "builtins.getattr", "builtins.setattr", "builtins.delattr", "builtins.globals", "builtins.locals",
    "builtins.vars", "builtins.__builtins__", "builtins.__loader__",
    "operator.attrgetter", "operator.methodcaller", "operator.getitem", "operator.setitem", "operator.delitem",
    "operator.call", "_operator.attrgetter", "_operator.methodcaller", "_operator.getitem", "functools.partial",
    "functools.reduce", "functools.partialmethod", "functools.singledispatch", "functools.update_wrapper",
    "_functools", "inspect", "gc", "sys", "copyreg.add_extension", "copyreg.constructor", "copyreg.pickle",
    "_thread", "site",
  ]),
  ...group(IMPORT, [
    "importlib", "builtins.__import__", "imp", "pkgutil", "zipimport", "modulefinder", "builtins.__build_class__", "_imp",
    "_frozen_importlib", "_frozen_importlib_external",
  ]),
  ...group(LOADS, [
    "pickle", "_pickle", "cPickle", "pickletools", "dill", "cloudpickle", "jsonpickle", "shelve",
    // joblib's array wrappers (NumpyArrayWrapper, NDArrayWrapper) are plain data; its loaders and workers are not.
    "joblib.load", "joblib.numpy_pickle.load", "joblib.numpy_pickle._unpickle", "joblib.numpy_pickle.NumpyUnpickler",
    "joblib.numpy_pickle_compat.load_compatibility", "joblib.memory", "joblib.Memory", "joblib.parallel",
    "joblib.Parallel", "joblib.delayed", "joblib._parallel_backends", "joblib.pool", "joblib._store_backends",
    "joblib.externals", "joblib.func_inspect", "joblib.hashing",
    "dbm", "torch.load", "torch.serialization", "torch.storage._load_from_bytes", "torch._weights_only_unpickler",
    "torch.hub", "torch.utils.model_zoo", "torch.distributed.rpc", "torch.multiprocessing", "numpy.load",
    "numpy.lib.npyio", "numpy.lib.format.read_array", "numpy.loads", "numpy.core.numeric.loads",
    "numpy.ma.core.loads", "pandas.read_pickle", "pandas.io.pickle", "pandas.compat.pickle_compat",
    "yaml.load", "yaml.load_all", "yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load",
    "yaml.full_load_all", "yaml.UnsafeLoader", "yaml.Loader", "yaml.FullLoader", "ruamel.yaml", "xmlrpc",
    "xmlrpclib", "sklearn.externals.joblib", "keras.models.load_model", "keras.saving",
    "tensorflow.keras.models.load_model", "skops.io.load", "hydra.utils.instantiate",
  ]),
  ...group(NET, [
    "socket", "_socket", "socketserver", "ssl", "requests", "httpx", "aiohttp", "urllib3", "urllib.request",
    "urllib2", "urllib.urlopen", "urllib.urlretrieve", "httplib", "http.client", "http.server", "ftplib",
    "smtplib", "poplib", "imaplib", "nntplib", "telnetlib", "webbrowser", "asyncio.open_connection",
    "asyncio.start_server", "asyncio.streams", "wsgiref",
  ]),
  ...group(FILE, [
    "builtins.open", "builtins.file", "io.open", "io.open_code", "io.FileIO", "io.TextIOWrapper",
    "io.BufferedReader", "io.BufferedWriter", "io.BufferedRandom", "_io", "codecs.open",
    "codecs.StreamReaderWriter", "shutil", "tempfile", "fileinput", "zipfile", "tarfile", "gzip.open", "bz2.open",
    "lzma.open", "mmap", "fcntl", "numpy.save", "numpy.savetxt", "numpy.fromfile", "numpy.memmap",
    "numpy.ndarray.tofile", "torch.save", "logging.FileHandler", "logging.config",
  ]),
  ...group(DEBUG, [
    "pdb", "bdb", "trace", "cProfile", "profile", "pstats", "tracemalloc", "faulthandler", "rlcompleter",
    "readline", "cmd", "atexit",
  ]),
  ...group(NATIVE, [
    "ctypes", "_ctypes", "cffi", "numpy.ctypeslib", "torch.ops.load_library", "torch.classes.load_library",
    "torch.library", "torch.cuda._utils", "resource",
  ]),
  ...group(INSTALL, [
    "pip", "setuptools", "distutils", "ensurepip", "venv", "virtualenv", "pkg_resources", "conda",
  ]),
  ...group(PROC, [
    "multiprocessing", "_multiprocessing", "concurrent.futures", "threading", "signal", "_signal", "asyncio.run",
    "asyncio.get_event_loop", "sched",
  ]),
];

/**
 * Attribute names that are sandbox-escape gadgets wherever they appear in a dotted name
 * (`collections.OrderedDict.__init__.__globals__`, `x.__builtins__.eval`, ...).
 */
export const DANGEROUS_ATTRIBUTES: ReadonlySet<string> = new Set([
  "__globals__", "__builtins__", "__subclasses__", "__code__", "__closure__", "__func__", "__self__",
  "__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__import__", "__loader__", "__spec__",
  "__reduce__", "__reduce_ex__", "__class__", "__base__", "__bases__", "__mro__", "__dict__", "__init_subclass__",
  "__call__", "f_globals", "f_locals", "f_builtins", "gi_frame", "tb_frame", "co_code",
]);

/**
 * Module names so rarely used as anything but the module that reaching one as the last part of a dotted
 * name (`pathlib.os`, `torch.sys`) is judged as reaching the module. Names like `trace` or `profile` are
 * left out: they are common method and function names.
 */
export const MODULE_ATTRIBUTES: ReadonlySet<string> = new Set([
  "os", "posix", "nt", "subprocess", "sys", "builtins", "importlib", "ctypes", "pickle", "_pickle", "marshal",
  "shutil", "socket", "pty", "runpy", "multiprocessing",
]);

/** Names that refer to the builtins module when they appear as a dotted part. */
export const BUILTINS_ALIASES: ReadonlySet<string> = new Set(["builtins", "__builtin__", "__builtins__"]);
