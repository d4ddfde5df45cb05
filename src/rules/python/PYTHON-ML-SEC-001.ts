import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { decodeStringLiteral } from "../../languages/python/semantic/string-literal.js";
import { appendKeywordArgument, fix, argumentTruth, spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const HUB_LOADERS = new Set(["torch.hub.load_state_dict_from_url"]);

/** fastai's `load_learner` where fastai defines it (v2: `fastai.learner`, v1: `fastai.basic_train`) and the `all` modules re-export it. */
const FASTAI_LOADERS = [
  "fastai.learner.load_learner",
  "fastai.basic_train.load_learner",
  "fastai.basics.load_learner",
  "fastai.vision.all.load_learner",
  "fastai.text.all.load_learner",
  "fastai.tabular.all.load_learner",
  "fastai.collab.load_learner",
];

/**
 * The checkpoints `whisper.load_model` downloads by name from OpenAI and checks against a pinned SHA-256 (any other name
 * is a path, read with `torch.load` and no `weights_only`).
 */
const WHISPER_OFFICIAL = new Set([
  "tiny.en", "tiny", "base.en", "base", "small.en", "small", "medium.en", "medium",
  "large-v1", "large-v2", "large-v3", "large", "large-v3-turbo", "turbo",
]);

/** `whisper.load_model(name)`: an official model name is a verified download; anything else may be any file. */
function whisperCheck(m: SinkMatch): SinkOutcome | null {
  const name = m.args.find("name", 0);
  const literal = name?.type === "string" ? decodeStringLiteral(m.model.text(name)) : undefined;
  if (literal !== undefined && WHISPER_OFFICIAL.has(literal)) return null;
  return { severity: "medium", confidence: "medium" };
}

const ADVICE = "Pass `weights_only=True` (add trusted classes with `torch.serialization.add_safe_globals`) or store weights as safetensors.";

function check(m: SinkMatch): SinkOutcome | null {
  const hub = HUB_LOADERS.has(m.target);
  // torch.load: weights_only is keyword-only; load_state_dict_from_url: 7th positional parameter.
  const given = m.args.find("weights_only", hub ? 6 : undefined);
  // `weights_only=None` asks for the version's default, exactly like leaving it out.
  const weightsOnly = given?.type === "none" ? undefined : given;
  if (weightsOnly) {
    const truth = argumentTruth(m, weightsOnly);
    if (truth === true) return null;
    if (truth === false) {
      return {
        message: `${spelled(m)} with \`weights_only=False\` unpickles the file: a malicious checkpoint runs arbitrary code when loaded. ${ADVICE}`,
      };
    }
    return {
      severity: "medium",
      confidence: "medium",
      message: `${spelled(m)} takes \`weights_only\` from a value the analysis cannot evaluate; unless it is True, the file is unpickled and can run arbitrary code. ${ADVICE}`,
    };
  }
  if (!given && m.args.mayBeHidden("weights_only", hub ? 6 : undefined)) {
    return {
      severity: "medium",
      confidence: "medium",
      message: `${spelled(m)} may receive \`weights_only\` through \`*args\`/\`**kwargs\`; unless it is True, the file is unpickled and can run arbitrary code. ${ADVICE}`,
    };
  }
  const addWeightsOnly = fix("Pass weights_only=True", [appendKeywordArgument(m, "weights_only=True")]);
  if (hub) {
    return {
      message: `${spelled(m)} defaults to \`weights_only=False\`: the downloaded file is unpickled, so whoever controls the URL or the cache runs code. ${ADVICE}`,
      ...(addWeightsOnly ? { fix: addWeightsOnly } : {}),
    };
  }
  if (m.args.find("pickle_module", 2)) {
    // torch >= 2.6 defaults weights_only to False as soon as a pickle_module is given.
    return {
      message: `${spelled(m)} with a custom \`pickle_module\` and no \`weights_only\` unpickles the file on every torch version: a malicious checkpoint runs arbitrary code. ${ADVICE}`,
    };
  }
  return {
    severity: "medium",
    message:
      `${spelled(m)} without \`weights_only\` unpickles the file on torch < 2.6 (and wherever TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD is set): ` +
      `a malicious checkpoint runs arbitrary code. ${ADVICE}`,
    ...(addWeightsOnly ? { fix: addWeightsOnly } : {}),
  };
}

export default defineRule({
  id: "PYTHON-ML-SEC-001",
  name: "PyTorch Load Without weights_only",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pytorch", "torch", "ml", "model", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: ["B614"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-002", "PYTHON-ML-SEC-004", "PYTHON-ML-SEC-006"],
  prefilter: ["torch", "model_zoo", "load_state_dict_from_url", "load_learner", "whisper"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["torch.load", "torch.hub.load_state_dict_from_url"], check, message: (m) => `${spelled(m)} unpickles the file. ${ADVICE}` },
    {
      // openai-whisper: a path (not an official model name) is read by torch.load without weights_only.
      call: ["whisper.load_model"],
      check: whisperCheck,
      message: (m) =>
        `${spelled(m)} reads a checkpoint that is not one of OpenAI's named models with \`torch.load\` and no \`weights_only\`: ` +
        "on torch before 2.6 a crafted checkpoint file runs arbitrary code when loaded. Load an official model by name (its download is " +
        "checked against a pinned hash), or only checkpoints you produced.",
    },
    {
      // fastai's exported learner: torch.load with a pickle_module (recent fastai releases pass weights_only=False instead).
      call: FASTAI_LOADERS,
      message: (m) =>
        `${spelled(m)} calls \`torch.load\` with a \`pickle_module\` (or \`weights_only=False\`): the exported learner is fully unpickled on every ` +
        `torch version, so a crafted \`.pkl\` runs arbitrary code when loaded. Load only learners you exported yourself (check a pinned hash), ` +
        `or rebuild the \`Learner\` in code and load its weights with \`torch.load(path, weights_only=True)\` or safetensors.`,
    },
  ],
  docs: {
    summary:
      "Detects `torch.load` (and `torch.hub.load_state_dict_from_url`) calls that do not pass `weights_only=True`, which unpickle the checkpoint and can run arbitrary code.",
    description:
      "PyTorch checkpoints (`.pt`, `.pth`, `.bin`, `.ckpt`) are zip archives around a pickle. `torch.load` with " +
      "`weights_only=False` runs the full unpickler, so a checkpoint can execute code the moment it is loaded. " +
      "`weights_only=True` switches to a restricted unpickler that rebuilds only tensors, primitive containers and " +
      "explicitly allowed classes. Since torch 2.6 `weights_only=True` is the default, but older versions, the " +
      "`TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD` environment variable and a custom `pickle_module` all fall back to full " +
      "unpickling. `torch.hub.load_state_dict_from_url` (alias `torch.utils.model_zoo.load_url`) still defaults to " +
      "`weights_only=False` and downloads the file first. This rule reports: `weights_only=False` (high), a missing " +
      "argument on `torch.load` (medium; high with a custom `pickle_module`), a missing argument on " +
      "`load_state_dict_from_url` (high), and a value it cannot evaluate or one hidden in `**kwargs` (medium severity, " +
      "medium confidence).",
    securityImplications:
      "Model files are downloaded from hubs, shared in issues, attached to datasets and swapped in caches. A poisoned " +
      "checkpoint carries a `__reduce__` payload that runs when the file is loaded, before any weights are used: it can " +
      "steal cloud credentials and API tokens from the training machine, plant a backdoor, or tamper with other models. " +
      "Public hubs have hosted such files, and tools that load checkpoints automatically (evaluation services, " +
      "conversion bots, notebooks) have been compromised this way.",
    howToFix: {
      steps: [
        "Load with `torch.load(path, weights_only=True)`.",
        "If the checkpoint contains your own classes, allow exactly those with `torch.serialization.add_safe_globals([MyConfig])` or the `torch.serialization.safe_globals` context manager instead of disabling the restriction.",
        "Better still, store weights with `safetensors` (`safetensors.torch.save_file` / `load_file`), which cannot carry code.",
        "Never load a checkpoint with `weights_only=False` unless you produced it yourself and its integrity is verified (a pinned hash).",
      ],
    },
    fixHint: "Pass weights_only=True to torch.load (allow extra classes with torch.serialization.add_safe_globals), or use safetensors.",
    vulnerableExample: [
      "import torch",
      "",
      "def load_checkpoint(path):",
      "    return torch.load(path, map_location=\"cpu\", weights_only=False)  # full unpickling",
    ].join("\n"),
    safeExample: [
      "import torch",
      "",
      "def load_checkpoint(path):",
      "    return torch.load(path, map_location=\"cpu\", weights_only=True)  # tensors and plain containers only",
    ].join("\n"),
    detectionScope:
      "Calls of `torch.load`, `torch.serialization.load`, `torch.hub.load_state_dict_from_url` and " +
      "`torch.utils.model_zoo.load_url`, and fastai's `load_learner` (`fastai.learner`, `fastai.basic_train`, and the " +
      "`fastai.vision.all`/`text.all`/`tabular.all`/`collab`/`basics` re-exports: always high, it passes a `pickle_module` " +
      "or `weights_only=False`), and openai-whisper's `whisper.load_model` of anything but an official model name (medium: " +
      "a path is read by `torch.load` without `weights_only`; named models are hash-checked downloads), resolved " +
      "through imports, aliases, rebinding and constant dynamic imports. The " +
      "`weights_only` keyword is evaluated when it is a literal (`None` counts as missing: it selects the version default); `pickle_module` is read as keyword or " +
      "position 2. A call whose arguments come through `*args`/`**kwargs` is reported at medium confidence: the option " +
      "may be set there, but the analysis cannot see it. Fix: a missing `weights_only` is added as " +
      "`weights_only=True`; an explicit `weights_only=False` gets no automatic fix because the checkpoint may need " +
      "classes that must first be allowed. Checkpoint files themselves are scanned by the artifact rules.",
    references: [
      { title: "PyTorch documentation: torch.load (weights_only and security warning)", url: "https://pytorch.org/docs/stable/generated/torch.load.html" },
      { title: "PyTorch documentation: weights_only unpickler and add_safe_globals", url: "https://pytorch.org/docs/stable/notes/serialization.html#weights-only" },
      { title: "PyTorch documentation: torch.hub.load_state_dict_from_url", url: "https://pytorch.org/docs/stable/hub.html#torch.hub.load_state_dict_from_url" },
      { title: "Bandit B614: pytorch_load", url: "https://bandit.readthedocs.io/en/latest/plugins/b614_pytorch_load.html" },
      { title: "safetensors documentation", url: "https://huggingface.co/docs/safetensors/index" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "We run torch 2.6 or later, where weights_only defaults to True. Why is a plain torch.load reported?",
        answer:
          "The call is safe only where it runs on torch >= 2.6 and `TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD` is not set. Stating " +
          "`weights_only=True` makes the code safe on every version and documents the intent; that is why the finding is " +
          "medium severity and comes with an automatic fix.",
      },
      {
        question: "Our checkpoint stores an optimizer, a config object or numpy values and fails with weights_only=True.",
        answer:
          "Allow the specific classes with `torch.serialization.add_safe_globals` (the error message names them) instead " +
          "of disabling the restriction, or save only `state_dict()`s and plain values.",
      },
      {
        question: "Why is `torch.load(f, **options)` reported?",
        answer:
          "`weights_only` may or may not be inside `options`; the analysis cannot tell, so it reports at medium confidence. " +
          "Pass `weights_only=True` explicitly to make the call self-evidently safe.",
      },
      {
        question: "Is `torch.save` reported?",
        answer: "No. Saving runs no attacker-controlled code.",
      },
    ],
  },
});
