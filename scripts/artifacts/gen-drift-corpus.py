#!/usr/bin/env python3
"""Writes fixtures/artifact-corpus/drift/: real library files re-spelled as newer library versions write them.

pip's numpy 2.x, pandas 2.x, scikit-learn 1.3+ and scipy 1.11+ cannot be installed here, so this takes files that
gen-allowlist.py wrote with Debian's libraries (`gen-allowlist.py --all DIR`) and rewrites, opcode by opcode, the
global names those versions renamed (the renames below, each with where it happened). Everything else in the
files is the real libraries' output. The files are parsed with pickletools (never loaded); FRAME opcodes are
dropped because renamed strings change the frame sizes (framing is optional for loaders).

Run: /usr/bin/python3 scripts/artifacts/gen-allowlist.py --all /tmp/all --no-write
     /usr/bin/python3 scripts/artifacts/gen-drift-corpus.py /tmp/all
"""
import os
import pickletools
import re
import struct
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "fixtures", "artifact-corpus", "drift")

# (old module, old name) -> (new module, new name); name None keeps the name.
RENAMES = {
    # numpy 2.0: numpy.core became numpy._core (numpy/_core/, NEP 52).
    ("numpy.core.multiarray", None): ("numpy._core.multiarray", None),
    ("numpy.core.numeric", None): ("numpy._core.numeric", None),
    ("numpy.core._multiarray_umath", None): ("numpy._core._multiarray_umath", None),
    # scikit-learn 1.3: 64/32-bit binary trees and distance metrics (sklearn/neighbors/_binary_tree.pxi.tp).
    ("sklearn.neighbors._ball_tree", "BallTree"): ("sklearn.neighbors._ball_tree", "BallTree64"),
    ("sklearn.neighbors._kd_tree", "KDTree"): ("sklearn.neighbors._kd_tree", "KDTree64"),
    ("sklearn.metrics._dist_metrics", "EuclideanDistance"): ("sklearn.metrics._dist_metrics", "EuclideanDistance64"),
    ("sklearn.metrics._dist_metrics", "MinkowskiDistance"): ("sklearn.metrics._dist_metrics", "MinkowskiDistance64"),
    ("sklearn.metrics._dist_metrics", "ManhattanDistance"): ("sklearn.metrics._dist_metrics", "ManhattanDistance64"),
    # pandas 2.0: Int64Index/Float64Index removed, numeric data in Index (pandas/core/indexes/base.py).
    ("pandas.core.indexes.numeric", "Int64Index"): ("pandas.core.indexes.base", "Index"),
    ("pandas.core.indexes.numeric", "Float64Index"): ("pandas.core.indexes.base", "Index"),
    # pandas 2.1: SparseDtype moved to pandas/core/dtypes/dtypes.py.
    ("pandas.core.arrays.sparse.dtype", "SparseDtype"): ("pandas.core.dtypes.dtypes", "SparseDtype"),
    # scipy 1.11: sparse arrays moved next to their matrices (scipy/sparse/_csr.py, _coo.py).
    ("scipy.sparse._arrays", "csr_array"): ("scipy.sparse._csr", "csr_array"),
    ("scipy.sparse._arrays", "coo_array"): ("scipy.sparse._coo", "coo_array"),
}

PICKS = re.compile(r"^(sklearn-(KNeighbors\w+|RadiusNeighbors\w+|NearestNeighbors|KernelDensity|LocalOutlierFactor|neighbors-trees|"
                   r"LogisticRegression|RandomForestClassifier|pipeline|column-transformer|TfidfTransformer)"
                   r"|pandas_(dataframe|series|indexes|sparse|nullable)|scipy_sparse|numpy_(ndarray-float|object-array|structured-array|scalars|masked-array))"
                   r"\.p[245]\.pkl$")
MAX_BYTES = 64 * 1024


def rename(module, name):
    for key in ((module, name), (module, None)):
        if key in RENAMES:
            new_module, new_name = RENAMES[key]
            return new_module, new_name or name
    return module, name


def unicode_op(value, proto):
    data = value.encode("utf-8")
    if proto >= 4 and len(data) < 256:
        return b"\x8c" + bytes([len(data)]) + data
    return b"X" + struct.pack("<I", len(data)) + data


def rewrite(data):
    ops = list(pickletools.genops(data))
    proto = ops[0][1] if ops and ops[0][0].name == "PROTO" else 0
    strings = ("SHORT_BINUNICODE", "BINUNICODE", "BINUNICODE8")
    override = {}  # op index -> replacement string operand
    memo = {}  # memo index -> string (only strings matter here)
    value = {}  # op index -> the string it pushes (a string opcode or a get of a memoized string)
    gets = ("BINGET", "LONG_BINGET", "GET")
    for i, (op, arg, _) in enumerate(ops):
        if op.name in strings:
            value[i] = arg
        elif op.name in gets and arg in memo:
            value[i] = memo[arg]
        elif op.name == "MEMOIZE":
            memo[len(memo)] = value.get(i - 1)
        elif op.name in ("BINPUT", "LONG_BINPUT", "PUT"):
            memo[arg] = value.get(i - 1)
        if op.name != "STACK_GLOBAL":
            continue
        # Its operands: the last two pushes of strings before it (MEMOIZE/BINPUT may sit between them).
        found = [j for j in range(i - 1, max(i - 5, -1), -1) if j in value][:2]
        if len(found) == 2 and value[found[0]] is not None and value[found[1]] is not None:
            name_at, module_at = found
            new = rename(value[module_at], value[name_at])
            if new[0] != value[module_at]:
                override[module_at] = new[0]
            if new[1] != value[name_at]:
                override[name_at] = new[1]
    out = bytearray()
    changed = bool(override)
    for i, (op, arg, pos) in enumerate(ops):
        end = ops[i + 1][2] if i + 1 < len(ops) else len(data)
        raw = data[pos:end]
        if op.name == "FRAME":
            continue
        if i in override:
            raw = unicode_op(override[i], proto)
        elif op.name in ("GLOBAL", "INST"):
            module, name = arg.split(" ", 1)
            new = rename(module, name)
            if new != (module, name):
                raw = op.code.encode("latin-1") + f"{new[0]}\n{new[1]}\n".encode()
                changed = True
        out += raw
    return bytes(out), changed


def main():
    src = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    rows = []
    for name in sorted(os.listdir(src)):
        if not PICKS.match(name) or os.path.getsize(os.path.join(src, name)) > MAX_BYTES:
            continue
        with open(os.path.join(src, name), "rb") as f:
            data = f.read()
        new, changed = rewrite(data)
        if not changed:
            continue
        pickletools.dis(new, out=open(os.devnull, "w"))  # still a well-formed stream
        target = f"drift-{name}"
        with open(os.path.join(OUT, target), "wb") as f:
            f.write(new)
        rows.append(f"| {target} | {len(new)} |")
    with open(os.path.join(OUT, "MANIFEST.md"), "w") as f:
        f.write("# Version-drift files (generated by scripts/artifacts/gen-drift-corpus.py; never edit)\n\n"
                "Real files written by Debian's libraries with the globals renamed as numpy 2, pandas 2.0/2.1, scikit-learn 1.3 "
                "and scipy 1.11 spell them.\n\n| file | bytes |\n|---|---|\n" + "\n".join(rows) + "\n")
    print(f"wrote {len(rows)} files to {OUT}")


if __name__ == "__main__":
    main()
