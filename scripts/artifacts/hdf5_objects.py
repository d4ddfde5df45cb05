#!/usr/bin/env python3
"""HDF5 files holding pickled objects as PyTables writes them: a VLArray of ObjectAtom rows (each row is
pickle.dumps(obj, HIGHEST_PROTOCOL), unpickled by ObjectAtom.fromarray when read; pandas' HDFStore stores object data
the same way). The file image is built in memory (HDF5's core driver), so nothing but the bytes is written.

gen-redteam.py builds its PyTables attack from `pytables_objects`. Run as a script, this writes the benign file the
artifact tests check (test/data/hdf5/objects.h5). Run: /usr/bin/python3 scripts/artifacts/hdf5_objects.py
(Debian: python3-tables)
"""
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def pytables_objects(rows, protocol=None):
    """An HDF5 file image (bytes) with one ObjectAtom VLArray `meta` holding `rows`, pickled with `protocol` (PyTables
    uses pickle.HIGHEST_PROTOCOL; ObjectAtom.fromarray unpickles a row of any protocol, as Python 2 wrote them)."""
    import pickle

    import tables

    class ProtocolAtom(tables.ObjectAtom):
        def _tobuffer(self, object_):
            return pickle.dumps(object_, pickle.HIGHEST_PROTOCOL if protocol is None else protocol)

    with tables.open_file("objects.h5", "w", driver="H5FD_CORE", driver_core_backing_store=0) as f:
        array = f.create_vlarray(f.root, "meta", ProtocolAtom(), chunkshape=(2,), track_times=False)
        for row in rows:
            array.append(row)
        f.flush()
        return f.get_file_image()


def main():
    import numpy as np
    out = os.path.join(ROOT, "test", "data", "hdf5")
    os.makedirs(out, exist_ok=True)
    rows = [{"version": 1, "labels": ["cat", "dog"]}, [1, 2.5, "x", None], np.arange(3.0), np.array(["a", None], dtype=object)]
    with open(os.path.join(out, "objects.h5"), "wb") as f:
        f.write(pytables_objects(rows))
    print(f"wrote 1 benign PyTables file to {out}")


if __name__ == "__main__":
    main()
