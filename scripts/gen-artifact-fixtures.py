#!/usr/bin/env python3
"""Writes the artifact-scanner test fixtures into test/data/artifacts/.

Only ever WRITES bytes: nothing here loads or unpickles anything. PyTorch and joblib are not needed:
tiny stand-in modules give pickle the same global names those libraries use, and the joblib writer
below follows joblib's NumpyPickler layout (array bytes written right after the wrapper's BUILD).
Run: python3 scripts/gen-artifact-fixtures.py
"""
import bz2
import collections
import gzip
import hashlib
import io
import lzma
import os
import pickle
import struct
import subprocess
import sys
import tarfile
import types
import zipfile
import zlib

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "data", "artifacts")


def module(name):
    mod = types.ModuleType(name)
    sys.modules[name] = mod
    return mod


# ---- stand-ins carrying the real global names ------------------------------------------------------
torch = module("torch")
torch_utils = module("torch._utils")
torch._utils = torch_utils


def _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks):
    raise RuntimeError("never called: fixtures are only written")


_rebuild_tensor_v2.__module__ = "torch._utils"
torch_utils._rebuild_tensor_v2 = _rebuild_tensor_v2


class FloatStorage:
    pass


FloatStorage.__module__ = "torch"
torch.FloatStorage = FloatStorage

joblib = module("joblib")
numpy_pickle = module("joblib.numpy_pickle")
joblib.numpy_pickle = numpy_pickle


class NumpyArrayWrapper(object):
    def __init__(self, subclass, shape, order, dtype, allow_mmap=False, numpy_array_alignment_bytes=16):
        self.subclass = subclass
        self.shape = shape
        self.order = order
        self.dtype = dtype
        self.allow_mmap = allow_mmap
        self.numpy_array_alignment_bytes = numpy_array_alignment_bytes


NumpyArrayWrapper.__module__ = "joblib.numpy_pickle"
numpy_pickle.NumpyArrayWrapper = NumpyArrayWrapper


class Payload:
    """Pickles as a call to os.system; pickling it does not run anything."""

    def __init__(self, command="echo pwned"):
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


class PopenPayload:
    def __reduce__(self):
        import subprocess

        return (subprocess.Popen, (["id"],))


class Storage:
    def __init__(self, key, numel):
        self.key = key
        self.numel = numel


class Tensor:
    def __init__(self, storage, size):
        self.storage = storage
        self.size = size

    def __reduce__(self):
        return (_rebuild_tensor_v2, (self.storage, 0, self.size, (1,), False, collections.OrderedDict()))


class TorchPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return ("storage", FloatStorage, obj.key, "cpu", obj.numel)
        return None


def torch_data_pkl(obj):
    buf = io.BytesIO()
    TorchPickler(buf, protocol=2).dump(obj)
    return buf.getvalue()


def entry(name):
    """A zip entry with a fixed timestamp, so that regenerated fixtures are byte-identical."""
    return zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))


def torch_zip(data_pkl, extra_members=(), prefix="archive", tensor_bytes=b"\x00" * 16):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr(entry(f"{prefix}/data.pkl"), data_pkl)
        z.writestr(entry(f"{prefix}/byteorder"), b"little")
        z.writestr(entry(f"{prefix}/data/0"), tensor_bytes)
        for name, data, method in extra_members:
            z.writestr(entry(name), data, compress_type=method)
        z.writestr(entry(f"{prefix}/version"), b"3\n")
    return buf.getvalue()


def benign_state_dict():
    return collections.OrderedDict(weight=Tensor(Storage("0", 4), (4,)))


# ---- joblib writer (follows joblib.numpy_pickle.NumpyPickler) ---------------------------------------
class JoblibPickler(pickle._Pickler):
    def save(self, obj, save_persistent_id=True):
        if type(obj) is np.ndarray:
            wrapper = NumpyArrayWrapper(np.ndarray, obj.shape, "C", obj.dtype, allow_mmap=not obj.dtype.hasobject)
            pickle._Pickler.save(self, wrapper)
            if self.proto >= 4:
                self.framer.commit_frame(force=True)
            if obj.dtype.hasobject:
                pickle.dump(obj, self.file_handle, protocol=2)
            else:
                pos_after_padding_byte = self.file_handle.tell() + 1
                padding = 16 - (pos_after_padding_byte % 16)
                self.file_handle.write(bytes([padding]) + b"\xff" * padding)
                self.file_handle.write(obj.tobytes("C"))
            return
        return pickle._Pickler.save(self, obj, save_persistent_id)


def joblib_bytes(obj, protocol=4):
    buf = io.BytesIO()
    pickler = JoblibPickler(buf, protocol=protocol)
    pickler.file_handle = buf
    pickler.dump(obj)
    return buf.getvalue()


# Array bytes that spell a protocol-0 pickle calling os.system: they must be skipped, never parsed.
FAKE_OPCODES = b"cos\nsystem\n(S'echo fake'\ntR."


def write(name, data):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def patch_local_name(zip_bytes, old, new):
    """Renames a member in its local header only (same length), leaving the central directory as is."""
    assert len(old) == len(new)
    at = 0
    while True:
        at = zip_bytes.index(b"PK\x03\x04", at)
        name_len = struct.unpack_from("<H", zip_bytes, at + 26)[0]
        if zip_bytes[at + 30 : at + 30 + name_len] == old:
            return zip_bytes[: at + 30] + new + zip_bytes[at + 30 + name_len :]
        at += 4


def main():
    malicious = pickle.dumps(Payload(), protocol=2)

    # Benign shapes.
    write("benign/torch-checkpoint.pt", torch_zip(torch_data_pkl(benign_state_dict())))
    write("benign/plain.npy", npy_bytes(np.arange(12, dtype="<f8").reshape(3, 4)))
    clean = {"weights": np.frombuffer(FAKE_OPCODES * 3, dtype=np.uint8).copy(), "bias": np.ones(5), "name": "clean"}
    write("benign/clean.joblib", joblib_bytes(clean))
    write("benign/clean-protocol2.joblib", joblib_bytes(clean, protocol=2))

    # Zip tricks.
    evil_state = collections.OrderedDict(weight=Tensor(Storage("0", 4), (4,)), hook=Payload())
    mismatch = torch_zip(torch_data_pkl(evil_state))
    write("malicious/zip-name-mismatch.pt", patch_local_name(mismatch, b"archive/data.pkl", b"archive/data.pkx"))
    hidden = torch_zip(
        torch_data_pkl(benign_state_dict()),
        extra_members=[("archive/extra/weights.bin", malicious, zipfile.ZIP_DEFLATED)],
    )
    write("malicious/hidden-member.pt", hidden)
    write("malicious/prepended.pt", b"#!junk prepended before the archive\n" * 30 + mismatch_free_evil_zip())
    popen_zip = torch_zip(torch_data_pkl(collections.OrderedDict(x=PopenPayload())))
    write("malicious/polyglot.pt", malicious + popen_zip)

    # Legacy PyTorch.
    write("malicious/legacy-stacked.pt", legacy_stacked())
    write("malicious/legacy.tar", legacy_tar())

    # NumPy.
    objects = np.empty(2, dtype=object)
    objects[0] = Payload()
    objects[1] = "x"
    write("malicious/object.npy", npy_bytes(objects))
    npz = io.BytesIO()
    np.savez_compressed(npz, weights=np.ones(3), objects=objects)
    write("malicious/arrays.npz", npz.getvalue())

    # joblib.
    evil = {"weights": np.frombuffer(FAKE_OPCODES, dtype=np.uint8).copy(), "model": Payload("echo joblib")}
    raw = joblib_bytes(evil)
    write("malicious/raw.joblib", raw)
    write("malicious/zlib.joblib", zlib.compress(raw, 3))
    write("malicious/gzip.joblib", gzip.compress(raw, 3, mtime=0))
    write("malicious/bz2.joblib", bz2.compress(raw, 3))
    write("malicious/xz.joblib", lzma.compress(raw, format=lzma.FORMAT_XZ))
    write("malicious/lzma.joblib", lzma.compress(raw, format=lzma.FORMAT_ALONE))
    write("malicious/object-array.joblib", joblib_bytes({"objects": objects, "ok": np.zeros(2)}))

    # joblib < 0.10 "ZF" files: prefix, payload length in hex padded to 19 characters, zlib stream.
    write("malicious/old-zfile.pkl", b"ZF" + ("%#x" % len(malicious)).encode().ljust(19) + zlib.compress(malicious))

    # Compressed pickles and uninspectable archives.
    write("malicious/pickle.pkl.gz", gzip.compress(malicious, mtime=0))
    write("malicious/pickle.pkl", malicious)
    write("uninspectable/model.7z", b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(range(64)))

    # Zip members compressed with bzip2, LZMA and zstd (decodable), and with PPMd (reported as uninspectable).
    write("malicious/bz2-member.zip", zip_with("data.pkl", malicious, zipfile.ZIP_BZIP2))
    write("malicious/lzma-member.zip", zip_with("data.pkl", malicious, zipfile.ZIP_LZMA))
    write("uninspectable/ppmd-member.zip", with_method(zip_with("data.pkl", malicious, zipfile.ZIP_STORED), 98))
    # zstd frames (the `zstd` command-line tool writes them): a raw .zst and a zip member (method 93).
    zst = subprocess.run(["zstd", "-q", "-c", "-19"], input=malicious, stdout=subprocess.PIPE, check=True).stdout
    write("malicious/pickle.pkl.zst", zst)
    write("malicious/zstd-member.zip", with_method(zip_with("data.pkl", zst, zipfile.ZIP_STORED), 93))

    # Decoder corpus: compressible text and pseudo-random bytes, several bzip2 blocks long.
    corpus = decoder_corpus()
    write("decoders/corpus.sha256", hashlib.sha256(corpus).hexdigest().encode() + b"\n")
    write("decoders/corpus.bz2", bz2.compress(corpus, 1))
    write("decoders/corpus.xz", lzma.compress(corpus, format=lzma.FORMAT_XZ, preset=6))
    write("decoders/corpus.lzma", lzma.compress(corpus, format=lzma.FORMAT_ALONE))
    write("decoders/corpus.gz", gzip.compress(corpus, mtime=0))


def with_method(zip_bytes, method):
    """Sets the compression method of every member (local and central headers) without touching the data."""
    out = bytearray(zip_bytes)
    for signature, field in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = out.find(signature)
        while at >= 0:
            struct.pack_into("<H", out, at + field, method)
            at = out.find(signature, at + 4)
    return bytes(out)


def zip_with(name, data, method):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        z.writestr(entry(name), data, compress_type=method)
    return buf.getvalue()


def decoder_corpus():
    out = bytearray()
    state = 12345
    words = [b"pickle", b"tensor", b"archive", b"\x00\x00\x00\x00", b"joblib ", b"\xff" * 7, b"numpy\n"]
    while len(out) < 260_000:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        if state % 5 == 0:
            for _ in range(64):
                state = (state * 1103515245 + 12345) & 0x7FFFFFFF
                out.append(state >> 23)
        else:
            out += words[state % len(words)] * (1 + state % 9)
    return bytes(out)


def npy_bytes(array):
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=True)
    return buf.getvalue()


def mismatch_free_evil_zip():
    return torch_zip(torch_data_pkl(collections.OrderedDict(hook=Payload("echo prepended"))))


def legacy_stacked():
    buf = io.BytesIO()
    for obj in (
        0x1950A86A20F9469CFC6C,
        1001,
        {"protocol_version": 1001, "little_endian": True, "type_sizes": {"short": 2, "int": 4, "long": 4}},
    ):
        pickle.dump(obj, buf, protocol=2)
    TorchPickler(buf, protocol=2).dump(collections.OrderedDict(weight=Tensor(Storage("0", 2), (2,)), hook=Payload()))
    pickle.dump(["0"], buf, protocol=2)
    buf.write(struct.pack("<q", 2) + FAKE_OPCODES[:8])  # storage "0": 2 floats of raw bytes
    return buf.getvalue()


def legacy_tar():
    members = {
        "sys_info": pickle.dumps({"protocol_version": 1001, "little_endian": True}, protocol=2),
        "pickle": pickle.dumps(collections.OrderedDict(hook=Payload("echo tar")), protocol=2),
    }
    storages = io.BytesIO()
    pickle.dump(1, storages, protocol=2)
    pickle.dump(("0", "cpu", FloatStorage), storages, protocol=2)
    storages.write(struct.pack("<q", 8) + FAKE_OPCODES[:32])  # 8 floats whose bytes spell opcodes
    members["storages"] = storages.getvalue()
    tensors = io.BytesIO()
    pickle.dump(1, tensors, protocol=2)
    pickle.dump(("t0", "0", FloatStorage), tensors, protocol=2)
    tensors.write(struct.pack("<ii", 1, 0) + struct.pack("<qqq", 8, 1, 0))
    members["tensors"] = tensors.getvalue()
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


if __name__ == "__main__":
    main()
