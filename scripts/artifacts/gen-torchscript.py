#!/usr/bin/env python3
"""Writes benign TorchScript archives (torch.jit.save of a scripted and of a traced module) into test/data/torchscript/.

torch.load hands a zip holding `constants.pkl` to torch.jit.load, whose unpickler resolves `__torch__.*` (the
archive's own TorchScript classes) and `torch.jit._pickle` helpers without Python: the artifact tests check that such
files are not reported, and that other globals in them still are. Nothing is loaded here.

Run: /usr/bin/python3 scripts/artifacts/gen-torchscript.py   (Debian: python3-torch)
"""
import os

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "data", "torchscript")


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 2)
        self.sizes = [4, 2]

    def forward(self, x):
        return self.fc(x).relu()


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    torch.jit.save(torch.jit.script(Net()), os.path.join(OUT, "scripted.pt"))
    traced = torch.jit.trace(torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.ReLU()), torch.zeros(1, 4))
    torch.jit.save(traced, os.path.join(OUT, "traced.pt"))
    print(f"wrote 2 TorchScript archives to {OUT}")


if __name__ == "__main__":
    main()
