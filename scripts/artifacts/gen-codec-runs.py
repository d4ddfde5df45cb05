#!/usr/bin/env python3
"""Writes test/data/codec-runs/: one stream of long runs and repeated patterns (zeros, two- and three-byte periods,
a 256-byte period, runs of one non-zero byte; ~22 MB, past the 16 MiB at which the bounded decoders' buffer grows to
its cap) compressed by Python's bz2 and lzma (xz, xz with a delta filter, LZMA "alone"), and 64 MiB of zeros (bombs). The same bytes are built by
`runsPattern` in test/artifact-codec-runs.test.ts, which holds the decoders to them whole and cut at several caps.

Only ever WRITES bytes. Run: /usr/bin/python3 scripts/artifacts/gen-codec-runs.py
"""
import bz2
import lzma
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "data", "codec-runs")


def runs_pattern():
    return b"".join([
        b"\x80\x04\x95",
        bytes(3 << 20),
        b"NP" * (1 << 20),
        bytes(100),
        b"abc" * 300_000,
        bytes(5 << 20),
        bytes(range(256)) * 4000,
        bytes(9 << 20),
        b"\x01" * (1 << 20),
        b".",
    ])


def pickle_bomb():
    c = bz2.BZ2Compressor(9)
    parts = [c.compress(b"\x80\x04\x8e" + (300 << 20).to_bytes(8, "little"))]
    zeros = bytes(1 << 20)
    parts += [c.compress(zeros) for _ in range(300)]
    parts += [c.compress(b"."), c.flush()]
    return b"".join(parts)


def main():
    os.makedirs(OUT, exist_ok=True)
    data = runs_pattern()
    files = {
        "runs.bz2": bz2.compress(data, 9),
        "runs.xz": lzma.compress(data, preset=6),
        "runs-delta.xz": lzma.compress(data, filters=[{"id": lzma.FILTER_DELTA, "dist": 3}, {"id": lzma.FILTER_LZMA2, "preset": 6}]),
        "runs.lzma": lzma.compress(data, format=lzma.FORMAT_ALONE),
        # Bombs: 64 MiB of zeros, and a pickle whose one BINBYTES8 operand is 300 MiB of zeros (past the limit).
        "zeros.bz2": bz2.compress(bytes(64 << 20), 9),
        "zeros.xz": lzma.compress(bytes(64 << 20)),
        "pickle-zeros.pkl.bz2": pickle_bomb(),
    }
    for name, blob in files.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(blob)
        print(name, len(blob))


if __name__ == "__main__":
    main()
