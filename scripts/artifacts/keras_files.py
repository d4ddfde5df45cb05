#!/usr/bin/env python3
"""Keras model files as Keras writes them, without Keras: legacy .h5 models (h5py, laid out as Keras 2's
save_model_to_hdf5 does: model_config and training_config string attributes on the root, weights under
model_weights) and Keras 3 .keras archives (a zip of metadata.json, config.json and model.weights.h5). The configs
follow Keras' get_config output. A Lambda's bytecode is a harmless `lambda x: x`, marshalled but never run.

gen-redteam.py builds its Keras attacks from these functions. Run as a script, this writes the benign files the
artifact tests check (test/data/keras/): Run: /usr/bin/python3 scripts/artifacts/keras_files.py (Debian: python3-h5py python3-torch)
"""
import base64
import io
import json
import marshal
import os
import zipfile

import h5py
import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


# ---- Keras 2 (legacy .h5) ------------------------------------------------------------------------------

def dense2(name, units, activation="relu"):
    return {"class_name": "Dense", "config": {
        "name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation, "use_bias": True,
        "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}},
        "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "kernel_constraint": None, "bias_constraint": None}}


def sequential2(layers):
    first = {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 4], "dtype": "float32", "sparse": False,
                                                     "ragged": False, "name": "dense_input"}}
    return {"class_name": "Sequential", "config": {"name": "sequential", "layers": [first] + layers}}


def lambda_bytecode():
    """Keras 2's func_dump of `lambda x: x`: the marshalled code object in base64."""
    code = compile("lambda x: x", "<lambda>", "eval").co_consts[0]
    return base64.b64encode(marshal.dumps(code)).decode("ascii")


def lambda2(function, function_type="lambda", module="__main__"):
    return {"class_name": "Lambda", "config": {
        "name": "lambda", "trainable": True, "dtype": "float32", "function": function, "function_type": function_type,
        "module": module, "output_shape": None, "output_shape_type": "raw", "output_shape_module": None, "arguments": {}}}


def h5_model(config, variable_length=False, userblock=0, escaped_keys=False):
    """A legacy Keras .h5 model file (bytes). `variable_length` stores model_config as h5py's variable-length str;
    `escaped_keys` spells every "class_name" key with a JSON escape (json.loads reads it as the plain key)."""
    buf = io.BytesIO()
    with h5py.File(buf, "w", **({"userblock_size": userblock} if userblock else {})) as f:
        f.attrs["keras_version"] = b"2.12.0"
        f.attrs["backend"] = b"tensorflow"
        text = json.dumps(config)
        if escaped_keys:
            text = text.replace('"class_name"', '"\\u0063lass_name"')
        if variable_length:
            f.attrs.create("model_config", text, dtype=h5py.string_dtype())
        else:
            f.attrs["model_config"] = text.encode("utf8")
        f.attrs["training_config"] = json.dumps({
            "loss": "mse", "metrics": None, "weighted_metrics": None, "loss_weights": None,
            "optimizer_config": {"class_name": "Adam", "config": {"name": "Adam", "learning_rate": 0.001}}}).encode("utf8")
        weights = f.create_group("model_weights")
        names = [layer["config"]["name"] for layer in config["config"]["layers"][1:]]
        weights.attrs["layer_names"] = [n.encode() for n in names]
        weights.attrs["backend"] = b"tensorflow"
        weights.attrs["keras_version"] = b"2.12.0"
        for n in names:
            group = weights.create_group(n)
            group.attrs["weight_names"] = [f"{n}/kernel:0".encode()]
            group.create_group(n).create_dataset("kernel:0", data=np.zeros((4, 4), dtype="float32"))
    return buf.getvalue()


# ---- Keras 3 (.keras) ----------------------------------------------------------------------------------

FLOAT32 = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}


def keras_object(module, class_name, config, registered_name=None):
    return {"module": module, "class_name": class_name, "config": config, "registered_name": registered_name}


def dense3(name, units):
    layer = keras_object("keras.layers", "Dense", {
        "name": name, "trainable": True, "dtype": FLOAT32, "units": units, "activation": "relu", "use_bias": True,
        "kernel_initializer": keras_object("keras.initializers", "GlorotUniform", {"seed": None}),
        "bias_initializer": keras_object("keras.initializers", "Zeros", {}),
        "kernel_regularizer": None, "bias_regularizer": None, "kernel_constraint": None, "bias_constraint": None})
    layer["build_config"] = {"input_shape": [None, 4]}
    return layer


def sequential3(layers):
    first = keras_object("keras.layers", "InputLayer", {"batch_shape": [None, 4], "dtype": "float32", "sparse": False, "name": "input_layer"})
    model = keras_object("keras", "Sequential", {"name": "sequential", "trainable": True, "dtype": FLOAT32, "layers": [first] + layers})
    model["build_config"] = {"input_shape": [None, 4]}
    model["compile_config"] = {
        "optimizer": keras_object("keras.optimizers", "Adam", {"name": "adam", "learning_rate": 0.001}),
        "loss": "mse", "loss_weights": None, "metrics": None, "weighted_metrics": None, "run_eagerly": False,
        "steps_per_execution": 1, "jit_compile": False}
    return model


def lambda3(function):
    layer = keras_object("keras.layers", "Lambda", {"name": "lambda", "trainable": True, "dtype": FLOAT32, "function": function, "arguments": {}})
    layer["build_config"] = {"input_shape": [None, 4]}
    return layer


def lambda3_bytecode():
    """Keras 3's serialisation of a Python lambda."""
    return {"class_name": "__lambda__", "config": {"code": lambda_bytecode(), "defaults": None, "closure": None}}


def function_reference(module, name):
    """Keras 3's serialisation of a plain function: the module and the function's name."""
    return keras_object(module, "function", name, "function")


def keras_archive(config):
    """A .keras archive (bytes), members dated 1980-01-01 so that the bytes do not change between runs."""
    def member(name):
        return zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    weights = io.BytesIO()
    with h5py.File(weights, "w") as f:
        f.create_group("layers").create_group("dense").create_group("vars").create_dataset("0", data=np.zeros((4, 4), dtype="float32"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(member("metadata.json"), json.dumps({"keras_version": "3.8.0", "date_saved": "2025-01-01@00:00:00"}))
        z.writestr(member("config.json"), json.dumps(config))
        z.writestr(member("model.weights.h5"), weights.getvalue())
    return buf.getvalue()


# ---- TensorFlow SavedModel keras_metadata.pb ------------------------------------------------------------

def _varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number, payload):
    """A length-delimited protobuf field."""
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def keras_metadata(model_config):
    """keras_metadata.pb (SavedMetadata): one SavedObject per node, its metadata the layer's JSON as tf.keras writes it."""
    nodes = [("root", "_tf_keras_sequential", model_config)]
    for i, layer in enumerate(model_config["config"]["layers"][1:], 1):
        nodes.append((f"root.layer_with_weights-{i}", "_tf_keras_layer", layer))
    out = b""
    for node_id, (path, identifier, config) in enumerate(nodes):
        metadata = {"name": config["config"]["name"], "trainable": True, "expects_training_arg": False, "dtype": "float32",
                    "batch_input_shape": None, "stateful": False, "must_restore_from_config": False,
                    "class_name": config["class_name"], "config": config["config"]}
        obj = (_varint(2 << 3) + _varint(node_id) + _field(3, path.encode()) + _field(4, identifier.encode())
               + _field(5, json.dumps(metadata).encode()))
        out += _field(1, obj)
    return out


def torch_module_wrapper(saved):
    """Keras 3's TorchModuleWrapper layer: its `module` is the torch.save file of the wrapped module, in base64."""
    layer = keras_object("keras.layers", "TorchModuleWrapper", {"name": "torch_module_wrapper", "trainable": True, "dtype": FLOAT32,
                                                                  "module": base64.b64encode(saved).decode("ascii")})
    layer["build_config"] = {"input_shape": [None, 4]}
    return layer


def _saved_linear():
    """torch.save of a small torch.nn.Sequential (torch is imported only here)."""
    import torch
    torch.manual_seed(0)
    buf = io.BytesIO()
    torch.save(torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.ReLU()), buf)
    return buf.getvalue()


BENIGN = {
    "sequential.h5": lambda: h5_model(sequential2([dense2("dense", 4), dense2("dense_1", 1, "linear")])),
    "sequential-vlen.h5": lambda: h5_model(sequential2([dense2("dense", 4)]), variable_length=True),
    "sequential.keras": lambda: keras_archive(sequential3([dense3("dense", 4), dense3("dense_1", 1)])),
    "keras_metadata.pb": lambda: keras_metadata(sequential2([dense2("dense", 4), dense2("dense_1", 1, "linear")])),
    "torch-module-wrapper.keras": lambda: keras_archive(sequential3([dense3("dense", 4), torch_module_wrapper(_saved_linear())])),
}


def main():
    out = os.path.join(ROOT, "test", "data", "keras")
    os.makedirs(out, exist_ok=True)
    for name, build in BENIGN.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(build())
    print(f"wrote {len(BENIGN)} benign Keras files to {out}")


if __name__ == "__main__":
    main()
