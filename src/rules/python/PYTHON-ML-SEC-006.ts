import { defineRule } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { unpicklingMessage } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const message = unpicklingMessage(
  "torch.package, which unpickles the archive's objects and imports the Python source it ships",
  "Load only packages you built or verified (pinned hash); share weights as safetensors instead.",
);

export default defineRule({
  id: "PYTHON-ML-SEC-006",
  name: "torch.package Import of Untrusted Archive",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pytorch", "torch", "ml", "model", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-001", "PYTHON-LANG-SEC-040"],
  prefilter: ["torch", "PackageImporter"],
  judgeTrust: judgeInputTrust,
  sinks: [{ call: ["torch.package.PackageImporter"], subclasses: true, message }],
  docs: {
    summary: "Detects `torch.package.PackageImporter`, which loads pickled objects and executes Python code shipped inside a `.pt` package.",
    description:
      "`torch.package` bundles a model's pickled objects together with the Python source needed to rebuild them. A " +
      "`PackageImporter` opened on such an archive runs that source when `import_module` or `load_pickle` is called, " +
      "and `load_pickle` runs the full unpickler (there is no `weights_only` mode). The PyTorch documentation states " +
      "that torch.package is not secure and that packages must be trusted. This rule reports constructing a " +
      "`PackageImporter` (also as `torch.package.package_importer.PackageImporter`, aliases, local subclasses); the " +
      "`load_pickle`/`import_module` calls on it are part of the same finding.",
    securityImplications:
      "A package received from someone else is a program: loading it runs its code with the privileges of the process, " +
      "on training machines and serving hosts that typically hold data and credentials.",
    howToFix:
      "Open only packages you produced, from storage only you can write, and verify a pinned SHA-256 before loading. " +
      "To exchange models, ship weights as `safetensors` and the architecture as reviewed code in your repository, or " +
      "use a format without embedded code (ONNX).",
    fixHint: "Load only packages you built and verified; exchange weights as safetensors plus reviewed model code.",
    vulnerableExample: [
      "from torch.package import PackageImporter",
      "",
      "def load_shared_model(path):",
      "    importer = PackageImporter(path)  # ships and runs its own code",
      "    return importer.load_pickle(\"model\", \"model.pkl\")",
    ].join("\n"),
    safeExample: [
      "from safetensors.torch import load_file",
      "",
      "def load_shared_model(path):",
      "    model = MyModel()  # architecture from reviewed code",
      "    model.load_state_dict(load_file(path))  # tensors only",
      "    return model",
    ].join("\n"),
    detectionScope:
      "Calls of `torch.package.PackageImporter` (and `torch.package.package_importer.PackageImporter`) resolved through " +
      "imports, aliases, rebinding and constant dynamic imports, and instantiation of local subclasses. " +
      "`PackageExporter` is not a finding. Archives themselves are scanned by the artifact rules.",
    references: [
      { title: "PyTorch documentation: torch.package (security warning)", url: "https://pytorch.org/docs/stable/package.html" },
      { title: "safetensors documentation", url: "https://huggingface.co/docs/safetensors/index" },
      ...DESERIALIZATION_REFERENCES,
    ],
    faq: [
      {
        question: "Why is the constructor reported rather than load_pickle?",
        answer:
          "Opening the archive is the decision to trust it: every useful operation on the importer runs its code or " +
          "unpickles its data. One finding per archive keeps the review focused.",
      },
      { question: "Is `PackageExporter` reported?", answer: "No. Writing a package runs no code from untrusted input." },
    ],
  },
});
