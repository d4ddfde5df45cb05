"""TorchScript modules whose printed code reaches the file system when torch.jit.load restores them: a scripted
`__setstate__` (which TorchScript's unpickler calls with the saved state) that calls torch.save (aten::save). The
class needs its source on disk (torch.jit.script reads it), hence this module. Nothing is loaded here."""
import io
from typing import Tuple

import torch


class SaveOnLoad(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.w = torch.zeros(2)

    def forward(self, x):
        return x + self.w

    @torch.jit.export
    def __getstate__(self):
        return (self.w, self.training)

    @torch.jit.export
    def __setstate__(self, state: Tuple[torch.Tensor, bool]):
        self.w = state[0]
        self.training = state[1]
        torch.save(self.w, "/tmp/pathfinder-redteam")


def save_on_load():
    """torch.jit.save of SaveOnLoad (bytes)."""
    buf = io.BytesIO()
    torch.jit.save(torch.jit.script(SaveOnLoad()), buf)
    return buf.getvalue()
