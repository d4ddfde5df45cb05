"""Loading trained models from disk."""
import io
import pickle

ALLOWED = {("sklearn.linear_model._logistic", "LogisticRegression"), ("numpy", "ndarray")}


class AllowlistUnpickler(pickle.Unpickler):
    """Only lets a few classes through. Restricted unpicklers have a long history of bypasses."""

    def find_class(self, module, name):
        if (module, name) in ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed")


def load_model(path):
    with open(path, "rb") as fh:
        return AllowlistUnpickler(fh).load()


def load_builtin_defaults():
    # Bytes produced by this service at build time and shipped inside the wheel; reviewed by security.
    from importlib.resources import files

    blob = files("app").joinpath("defaults.pkl").read_bytes()
    return pickle.load(io.BytesIO(blob))  # pathfinder: ignore[PYTHON-LANG-SEC-040]
