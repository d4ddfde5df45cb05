#!/usr/bin/env python3
"""Writes the pickle fixtures of test/data/pickle/ with pickle.dumps. Nothing here ever loads a pickle.

Real-world shapes (NumPy object arrays, PyTorch state dicts, scikit-learn estimators) are produced
without those libraries: stand-in modules are registered under the real module names so that pickle
writes the same GLOBAL/STACK_GLOBAL references the real libraries would.

Run from the repository root: python3 scripts/gen-pickle-fixtures.py
"""
import collections
import copyreg
import os
import pickle
import sys
import types

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "data", "pickle")


def fake_module(name):
    """Registers an empty module (and its parents) under `name`."""
    parts = name.split(".")
    for i in range(1, len(parts) + 1):
        sub = ".".join(parts[:i])
        if sub not in sys.modules:
            sys.modules[sub] = types.ModuleType(sub)
        if i > 1:
            setattr(sys.modules[".".join(parts[: i - 1])], parts[i - 1], sys.modules[sub])
    return sys.modules[name]


def fake_function(module, name):
    def f(*args):
        raise RuntimeError("stand-in, never called")

    f.__module__ = module
    f.__qualname__ = name
    f.__name__ = name
    setattr(fake_module(module), name, f)
    return f


def fake_class(module, name, base=object):
    cls = type(name, (base,), {"__module__": module})
    cls.__qualname__ = name
    setattr(fake_module(module), name, cls)
    return cls


class Reduce:
    """An object whose pickled form is `func(*args)`."""

    def __init__(self, func, args):
        self.func = func
        self.args = args

    def __reduce__(self):
        return (self.func, self.args)

    def __call__(self, *args):  # lets a Reduce stand for a callable result (gadget chains)
        raise RuntimeError("stand-in, never called")


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


PLAIN = {
    "ints": [0, 1, -1, 255, 256, 65535, 65536, -(2**31), 2**31 - 1, 2**40, -(2**70), 2**200],
    "floats": [0.0, -1.5, 1e300, float("inf")],
    "text": ["", "ascii", "caf\u00e9", "\u4e2d\u6587", "quote ' and \" and \\ and \n"],
    "bytes": b"\x00\x01binary\xff",
    "flags": (True, False, None),
    "tuple1": (1,),
    "tuple3": (1, 2, 3),
    "set": {1, 2, 3},
    "frozen": frozenset({"a"}),
    "nested": {"a": [{"b": ({"c": []},)}]},
    "shared": None,
}
SHARED = ["same", "list"]
PLAIN["shared"] = [SHARED, SHARED]


def benign():
    for proto in range(6):
        write(f"benign-plain-p{proto}.pkl", pickle.dumps(PLAIN, protocol=proto))
    od = collections.OrderedDict([("weight", 1.0), ("bias", [0.5, 0.25])])
    for proto in (0, 2, 4):
        write(f"benign-ordereddict-p{proto}.pkl", pickle.dumps(od, protocol=proto))
    write("benign-bytearray-p5.pkl", pickle.dumps([bytearray(b"abc"), b"xyz"], protocol=5))

    # NumPy object array: numpy.core.multiarray._reconstruct(ndarray, (0,), b'b') + BUILD state
    reconstruct = fake_function("numpy.core.multiarray", "_reconstruct")
    ndarray = fake_class("numpy", "ndarray")
    dtype = fake_class("numpy", "dtype")
    scalar = fake_function("numpy.core.multiarray", "scalar")

    class Array:
        def __reduce__(self):
            state = (1, (3,), Reduce(dtype, ("O8", False, True)), False, [1, "two", 3.0])
            return (reconstruct, (ndarray, (0,), b"b"), state)

    class Scalar:
        def __reduce__(self):
            return (scalar, (Reduce(dtype, ("f8", False, True)), b"\x00\x00\x00\x00\x00\x00\xf0?"))

    for proto in (2, 4):
        write(f"benign-numpy-object-array-p{proto}.pkl", pickle.dumps({"arr": Array(), "x": Scalar()}, protocol=proto))

    # PyTorch state dict as torch.save writes data.pkl: storages are persistent ids.
    rebuild = fake_function("torch._utils", "_rebuild_tensor_v2")
    float_storage = fake_class("torch", "FloatStorage")

    class Storage:
        def __init__(self, key, numel):
            self.key = key
            self.numel = numel

    class Tensor:
        def __init__(self, storage, size):
            self.storage = storage
            self.size = size

        def __reduce__(self):
            stride = (self.size[1], 1) if len(self.size) == 2 else (1,)
            return (rebuild, (self.storage, 0, self.size, stride, False, collections.OrderedDict()))

    class TorchPickler(pickle.Pickler):
        def persistent_id(self, obj):
            if isinstance(obj, Storage):
                return ("storage", float_storage, obj.key, "cpu", obj.numel)
            return None

    import io

    state = collections.OrderedDict(
        [
            ("fc.weight", Tensor(Storage("0", 6), (2, 3))),
            ("fc.bias", Tensor(Storage("1", 2), (2,))),
        ]
    )
    buf = io.BytesIO()
    TorchPickler(buf, protocol=2).dump(state)
    write("benign-torch-state-dict-p2.pkl", buf.getvalue())

    # scikit-learn style estimator: protocol 0/1 objects go through copyreg._reconstructor.
    estimator_cls = fake_class("sklearn.linear_model._base", "LinearRegression")
    est = estimator_cls()
    est.__dict__.update({"fit_intercept": True, "coef_": [0.5, 1.5], "n_features_in_": 2})
    for proto in (0, 1):
        write(f"benign-sklearn-reconstructor-p{proto}.pkl", pickle.dumps(est, protocol=proto))
    write("benign-sklearn-newobj-p2.pkl", pickle.dumps(est, protocol=2))


def malicious():
    for proto in range(6):
        write(f"malicious-os-system-p{proto}.pkl", pickle.dumps(Reduce(os.system, ("echo pwned",)), protocol=proto))
    write("malicious-eval-p2.pkl", pickle.dumps(Reduce(eval, ("__import__('os').system('id')",)), protocol=2))
    getattr_chain = Reduce(Reduce(getattr, (Reduce(__import__, ("os",)), "system")), ("id",))
    write("malicious-getattr-p4.pkl", pickle.dumps(getattr_chain, protocol=4))
    inner = pickle.dumps(Reduce(os.system, ("echo nested",)), protocol=2)
    write("malicious-nested-loads-p2.pkl", pickle.dumps(Reduce(pickle.loads, (inner,)), protocol=2))
    # A benign payload followed by a malicious one: a second pickle.load() on the same file runs it.
    write("malicious-stacked.pkl", pickle.dumps({"ok": 1}, protocol=4) + pickle.dumps(Reduce(os.system, ("id",)), protocol=4))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    benign()
    malicious()
