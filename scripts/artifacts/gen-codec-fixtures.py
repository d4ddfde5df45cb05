#!/usr/bin/env python3
"""Writes test/data/codecs/: one pickle (a harmless list, then a payload that would call os.system) compressed
and archived every way Python's own modules, joblib, lz4, zstandard and 7-Zip write it, plus `payload.pkl` and,
records in expected.json how many bytes of `payload.pkl` Python's own decoder returns from each compressed stream
(all of them, except where Python stops at padding): the differential codec tests hold Pathfinder's decoders to the
same output.

Only ever WRITES bytes: nothing here loads or unpickles anything.
Run: /usr/bin/python3 scripts/artifacts/gen-codec-fixtures.py
(Debian: python3-joblib python3-lz4 python3-zstandard p7zip-full)
"""
import bz2
import gzip
import io
import json
import lzma
import os
import pickle
import random
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
import zlib

import joblib
import lz4.frame
import zstandard

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "data", "codecs")


class Payload:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


rng = random.Random(12)
words = [b"weights", b"layer", b"bias", b"running_mean", b"tensor", b"epoch"]
filler = b" ".join(rng.choice(words) + str(rng.randrange(10**6)).encode() for _ in range(3000))
noise = bytes(rng.randrange(256) for _ in range(3000))
PAYLOAD = pickle.dumps([filler, noise, Payload()], protocol=2)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def gzip_member(data, **kw):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", **kw) as g:
        g.write(data)
    return buf.getvalue()


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    write("payload.pkl", PAYLOAD)
    half = len(PAYLOAD) // 2
    a, b = PAYLOAD[:half], PAYLOAD[half:]

    streams = {
        "gzip-1.gz": gzip.compress(PAYLOAD, compresslevel=1),
        "gzip-9-named.gz": gzip_member(PAYLOAD, filename="model.pkl", compresslevel=9),
        "gzip-multi.gz": gzip.compress(a) + gzip.compress(b),
        "gzip-padded.gz": gzip.compress(a) + b"\0" * 300 + gzip.compress(b) + b"\0" * 7,
        "zlib.z": zlib.compress(PAYLOAD, 6),
        "bz2.bz2": bz2.compress(PAYLOAD),
        "bz2-multi.bz2": bz2.compress(a) + bz2.compress(b),
        "alone.lzma": lzma.compress(PAYLOAD, format=lzma.FORMAT_ALONE),
        "default.xz": lzma.compress(PAYLOAD),
        "multi.xz": lzma.compress(a) + lzma.compress(b),
        "padded.xz": lzma.compress(a) + b"\0" * 8 + lzma.compress(b),
        "check-none.xz": lzma.compress(PAYLOAD, check=lzma.CHECK_NONE),
        "check-sha256.xz": lzma.compress(PAYLOAD, check=lzma.CHECK_SHA256),
        "lz4-default.lz4": lz4.frame.compress(PAYLOAD),
        "lz4-linked-checksums.lz4": lz4.frame.compress(
            PAYLOAD, block_linked=True, content_checksum=True, block_checksum=True, block_size=lz4.frame.BLOCKSIZE_MAX64KB
        ),
        "lz4-independent-sized.lz4": lz4.frame.compress(PAYLOAD, block_linked=False, store_size=True),
        "lz4-multi.lz4": lz4.frame.compress(a) + lz4.frame.compress(b),
        "zstd.zst": zstandard.ZstdCompressor(level=3).compress(PAYLOAD),
        "zstd-multi.zst": zstandard.ZstdCompressor().compress(a) + zstandard.ZstdCompressor().compress(b),
    }
    for fid, name in [(lzma.FILTER_X86, "x86"), (lzma.FILTER_ARM, "arm"), (lzma.FILTER_ARMTHUMB, "armthumb"),
                      (lzma.FILTER_POWERPC, "powerpc"), (lzma.FILTER_SPARC, "sparc"), (lzma.FILTER_IA64, "ia64")]:
        streams[f"bcj-{name}.xz"] = lzma.compress(PAYLOAD, format=lzma.FORMAT_XZ, filters=[{"id": fid}, {"id": lzma.FILTER_LZMA2}])
    streams["delta.xz"] = lzma.compress(PAYLOAD, format=lzma.FORMAT_XZ, filters=[{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2}])
    streams["x86-delta.xz"] = lzma.compress(
        PAYLOAD, format=lzma.FORMAT_XZ, filters=[{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_DELTA, "dist": 2}, {"id": lzma.FILTER_LZMA2}]
    )
    expected = {}
    decoders = {".gz": gzip.decompress, ".z": zlib.decompress, ".bz2": bz2.decompress, ".lzma": lzma.decompress,  # as loaders read files
                ".xz": lzma.decompress, ".lz4": lambda data: lz4.frame.LZ4FrameFile(io.BytesIO(data)).read(), ".zst": zstandard.ZstdDecompressor().decompress}
    for name, data in streams.items():
        ext = os.path.splitext(name)[1]
        if ext == ".zst" and "multi" in name:  # ZstdDecompressor.decompress reads one frame; stream readers read on
            decoded = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True).read()
        else:
            decoded = decoders[ext](data)
        # What a loader reads: all of the payload, or (padding Python's lzma does not read past) its first bytes.
        assert PAYLOAD.startswith(decoded), name
        expected[name] = len(decoded)
        write(name, data)

    write("expected.json", json.dumps(expected, indent=1, sort_keys=True).encode() + b"\n")

    for method, suffix in [(zipfile.ZIP_STORED, "stored"), (zipfile.ZIP_DEFLATED, "deflate"),
                           (zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "lzma")]:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=method) as z:
            z.writestr("archive/data.pkl", PAYLOAD)
            z.writestr("archive/version", b"3\n")
        write(f"zip-{suffix}.pt", buf.getvalue())

    for mode, suffix in [("w", "tar"), ("w:gz", "tar.gz"), ("w:bz2", "tar.bz2"), ("w:xz", "tar.xz")]:
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode=mode) as t:
            info = tarfile.TarInfo("model_weights.ckpt")
            info.size = len(PAYLOAD)
            t.addfile(info, io.BytesIO(PAYLOAD))
        write(f"nemo.{suffix}", buf.getvalue())

    with tempfile.TemporaryDirectory() as tmp:
        for method in ["zlib", "gzip", "bz2", "lzma", "xz", "lz4"]:
            path = os.path.join(tmp, f"model.joblib.{method}")
            joblib.dump({"model": Payload(), "data": filler[:5000]}, path, compress=(method, 3))
            with open(path, "rb") as f:
                write(f"joblib-{method}.joblib", f.read())

        src = os.path.join(tmp, "src")
        os.makedirs(src)
        with open(os.path.join(src, "model.pkl"), "wb") as f:
            f.write(PAYLOAD)
        with open(os.path.join(src, "README.txt"), "wb") as f:
            f.write(b"weights for the demo model\n")
        for name, args in [
            ("7z-lzma2.7z", ["-m0=LZMA2"]),
            ("7z-lzma.7z", ["-m0=LZMA"]),
            ("7z-copy.7z", ["-m0=Copy", "-mhc=off"]),
            ("7z-bzip2.7z", ["-m0=BZip2"]),
            ("7z-deflate.7z", ["-m0=Deflate"]),
            ("7z-bcj-lzma.7z", ["-mf=BCJ", "-m0=LZMA"]),
            ("7z-delta-lzma2.7z", ["-m0=Delta:4", "-m1=LZMA2"]),
            ("7z-plain-header.7z", ["-m0=LZMA2", "-mhc=off"]),
            ("7z-solid-off.7z", ["-m0=LZMA2", "-ms=off"]),
        ]:
            target = os.path.join(tmp, name)
            subprocess.run(["7z", "a", "-t7z", *args, target, "model.pkl", "README.txt"], cwd=src, check=True,
                           stdout=subprocess.DEVNULL)
            with open(target, "rb") as f:
                write(name, f.read())


main()
