import type { Confidence, Severity } from "../../core/types.js";
import { childByField, type SyntaxNode } from "../../languages/python/syntax.js";
import { code, defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { calleeAttributeName, classNamesOf, fix, replaceNode, spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const SAFE_LOADERS = new Set(["yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader"]);
const UNSAFE_LOADERS = new Set(["yaml.Loader", "yaml.UnsafeLoader", "yaml.CLoader", "yaml.CUnsafeLoader"]);
/** FullLoader refuses `python/object/apply` since PyYAML 5.4 but still builds arbitrary Python objects. */
const FULL_LOADERS = new Set(["yaml.FullLoader", "yaml.CFullLoader"]);
const SAFE_EQUIVALENT: Record<string, string> = { FullLoader: "SafeLoader", CFullLoader: "CSafeLoader" };

type LoaderKind = "safe" | "unsafe" | "full" | "unknown";

function classify(names: string[]): LoaderKind | undefined {
  if (names.some((n) => UNSAFE_LOADERS.has(n))) return "unsafe";
  if (names.some((n) => FULL_LOADERS.has(n))) return "full";
  if (names.length && names.every((n) => SAFE_LOADERS.has(n))) return "safe";
  return undefined;
}

/** `yaml.load(stream, Loader)`: decide from the Loader argument (keyword or position 1). */
function checkLoad(m: SinkMatch): SinkOutcome | null {
  const given = m.args.find("Loader", 1);
  // `Loader=None` means "the default loader", exactly like leaving it out.
  const loader = given?.type === "none" ? undefined : given;
  const safeName = m.target.endsWith("_all") ? "safe_load_all" : "safe_load";
  if (!loader) {
    if (m.args.mayBeHidden("Loader", 1)) {
      return {
        confidence: "medium",
        message: `${spelled(m)} receives its Loader through \`*args\`/\`**kwargs\`; unless it is \`SafeLoader\`, YAML tags such as \`!!python/object/apply\` run arbitrary code. Use \`yaml.${safeName}\`.`,
      };
    }
    const attribute = calleeAttributeName(m.node);
    return {
      message:
        `${spelled(m)} without a Loader uses an unsafe loader on PyYAML < 6 (\`Loader\` before 5.1, an exploitable \`FullLoader\` until 5.4): ` +
        `YAML tags such as \`!!python/object/apply:os.system\` run arbitrary code. Use \`yaml.${safeName}\`.`,
      ...(attribute ? { fix: fix(`Use yaml.${safeName}`, [replaceNode(attribute, safeName)]) } : {}),
    };
  }
  const { own, ancestors } = classNamesOf(m, loader);
  // A local class counts by its bases; every other name must be a known loader for the call to be safe.
  const known = [...own, ...ancestors].filter((n) => !n.startsWith("<local>."));
  const kind = classify(known) ?? "unknown";
  const loaderText = m.model.text(loader).replace(/\s+/g, "");
  switch (kind) {
    case "safe":
      return null;
    case "unsafe":
      return {
        message: `${spelled(m)} with ${code(loaderText)} constructs arbitrary Python objects: tags such as \`!!python/object/apply:os.system\` run code. Use \`yaml.${safeName}\` (or \`Loader=yaml.SafeLoader\`).`,
      };
    case "full":
      return fullLoaderOutcome(m, `${spelled(m)} with ${code(loaderText)}`, loaderFix(loader, m));
    case "unknown":
      return {
        confidence: "medium",
        message: `${spelled(m)} uses the loader ${code(loaderText)}, which is not known to be safe; loaders other than \`SafeLoader\`/\`BaseLoader\` construct Python objects from tags and can run code. Use \`yaml.${safeName}\`.`,
      };
  }
}

/** `Loader=yaml.FullLoader` -> `Loader=yaml.SafeLoader`, when the loader is spelled as a module attribute. */
function loaderFix(loader: SyntaxNode, m: SinkMatch) {
  if (loader.type !== "attribute") return undefined;
  const name = childByField(loader, "attribute");
  const safe = name && SAFE_EQUIVALENT[m.model.text(name)];
  return name && safe ? fix(`Use yaml.${safe}`, [replaceNode(name, safe)]) : undefined;
}

function fullLoaderOutcome(m: SinkMatch, what: string, fixed: ReturnType<typeof fix>): SinkOutcome {
  const severity: Severity = "medium";
  const confidence: Confidence = "high";
  return {
    severity,
    confidence,
    message:
      `${what} uses FullLoader, which builds arbitrary Python objects from tags; it allowed code execution before PyYAML 5.4 ` +
      `(CVE-2020-1747, CVE-2020-14343) and still exposes more than data. Use \`yaml.safe_load\` for untrusted input.`,
    ...(fixed ? { fix: fixed } : {}),
  };
}

function checkFullLoad(m: SinkMatch): SinkOutcome {
  const attribute = calleeAttributeName(m.node);
  const safeName = m.target.endsWith("_all") ? "safe_load_all" : "safe_load";
  return fullLoaderOutcome(m, spelled(m), attribute ? fix(`Use yaml.${safeName}`, [replaceNode(attribute, safeName)]) : undefined);
}

const unsafeMessage = (m: SinkMatch) =>
  `${spelled(m)} uses PyYAML's unsafe loader: tags such as \`!!python/object/apply:os.system\` run arbitrary code. Use \`yaml.safe_load\` for anything not fully trusted.`;

const LOADER_METHODS = ["get_single_data", "get_data"];
const methodsOf = (classes: Iterable<string>) => [...classes].flatMap((c) => LOADER_METHODS.map((m) => `${c}().${m}`));

export default defineRule({
  id: "PYTHON-LANG-SEC-041",
  name: "Unsafe PyYAML Load",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "yaml", "pyyaml", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B506"],
  similar: ["PYTHON-LANG-SEC-043", "PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-042"],
  prefilter: ["yaml"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["yaml.load", "yaml.load_all"], check: checkLoad, message: unsafeMessage },
    { call: ["yaml.unsafe_load", "yaml.unsafe_load_all", ...methodsOf(UNSAFE_LOADERS)], message: unsafeMessage },
    { call: ["yaml.full_load", "yaml.full_load_all"], check: checkFullLoad, message: unsafeMessage },
    { call: methodsOf(FULL_LOADERS), check: (m) => fullLoaderOutcome(m, spelled(m), undefined), message: unsafeMessage },
  ],
  docs: {
    summary:
      "Detects PyYAML loads with an unsafe loader (`yaml.load` without `Loader` or with `Loader`/`UnsafeLoader`/`FullLoader`, `yaml.unsafe_load`, `yaml.full_load`), which can construct arbitrary Python objects and run code.",
    description:
      "PyYAML's non-safe loaders interpret Python-specific tags: `!!python/object/apply:os.system [\"id\"]` calls a function, " +
      "`!!python/object/new:` instantiates any class, `!!python/name:` imports any attribute. A YAML document is then no " +
      "longer data but a program. This rule reports `yaml.load` and `yaml.load_all` when the `Loader` argument (keyword or " +
      "second positional argument) is missing, is `Loader`, `UnsafeLoader`, `CLoader`, `CUnsafeLoader`, `FullLoader` or " +
      "`CFullLoader`, or is a loader it cannot prove safe; it reports `yaml.unsafe_load`/`unsafe_load_all` always, and " +
      "`yaml.full_load`/`full_load_all` (and `FullLoader`) at medium severity. Loaders are resolved through aliases " +
      "(`from yaml import CLoader as L`), the `yaml.loader`/`yaml.cyaml` modules, and local subclasses " +
      "(`class MyLoader(yaml.SafeLoader)` is safe).",
    securityImplications:
      "Whoever controls the YAML text (a configuration file from a pull request, an uploaded manifest, a CI job " +
      "definition, an API body) runs code in the loading process: `!!python/object/apply:subprocess.check_output [[\"sh\", \"-c\", \"...\"]]` " +
      "is enough. Before PyYAML 5.1 plain `yaml.load(data)` was unsafe by default; from 5.1 to 5.3.1 the default " +
      "`FullLoader` was still exploitable (CVE-2020-1747, CVE-2020-14343); since 6.0 `Loader` is mandatory, so old code " +
      "either crashes or gets \"fixed\" by adding `Loader=yaml.Loader`, which restores the unsafe behaviour explicitly.",
    howToFix:
      "Use `yaml.safe_load` / `yaml.safe_load_all` (or `Loader=yaml.SafeLoader`, `yaml.CSafeLoader` for speed). They " +
      "build only plain data: dicts, lists, strings, numbers, booleans, dates. If you need custom types, register explicit " +
      "constructors on a `SafeLoader` subclass with `add_constructor` rather than enabling Python tags.",
    fixHint: "Use yaml.safe_load(...) or pass Loader=yaml.SafeLoader.",
    vulnerableExample: [
      "import yaml",
      "",
      "def read_manifest(text):",
      "    return yaml.load(text, Loader=yaml.Loader)  # !!python/object/apply runs code",
    ].join("\n"),
    safeExample: [
      "import yaml",
      "",
      "def read_manifest(text):",
      "    return yaml.safe_load(text)  # plain data only",
    ].join("\n"),
    detectionScope:
      "Calls of `yaml.load`, `yaml.load_all` (Loader checked as keyword `Loader` or positional argument 1), " +
      "`yaml.unsafe_load`, `yaml.unsafe_load_all`, `yaml.full_load`, `yaml.full_load_all`, and direct use of an unsafe " +
      "loader object (`yaml.Loader(stream).get_single_data()`), resolved through imports, aliases, rebinding and dynamic " +
      "imports with constant names. Safe: `SafeLoader`, `CSafeLoader`, `BaseLoader`, `CBaseLoader` and local subclasses of " +
      "them. A Loader passed through `**kwargs` or a name the analysis cannot resolve (a parameter, an attribute) is " +
      "reported at medium confidence. `yaml.dump`, `yaml.safe_load` and `yaml.safe_dump` are never reported. Fixes: " +
      "`yaml.load(x)` becomes `yaml.safe_load(x)`, `yaml.full_load` becomes `yaml.safe_load` and `Loader=yaml.FullLoader` " +
      "becomes `Loader=yaml.SafeLoader`; an explicit `Loader`/`UnsafeLoader` gets no automatic fix because the code may " +
      "rely on Python tags. ruamel.yaml is covered by PYTHON-LANG-SEC-043.",
    references: [
      { title: "PyYAML: yaml.load(input) deprecation (why load is unsafe)", url: "https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation" },
      { title: "PyYAML documentation: loading YAML", url: "https://pyyaml.org/wiki/PyYAMLDocumentation" },
      { title: "CVE-2020-14343: PyYAML FullLoader arbitrary code execution", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-14343" },
      { title: "CVE-2020-1747: PyYAML FullLoader arbitrary code execution", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-1747" },
      { title: "CVE-2017-18342: PyYAML load() unsafe by default", url: "https://nvd.nist.gov/vuln/detail/CVE-2017-18342" },
      { title: "Bandit B506: yaml_load", url: "https://bandit.readthedocs.io/en/latest/plugins/b506_yaml_load.html" },
      { title: "Ruff S506: unsafe-yaml-load", url: "https://docs.astral.sh/ruff/rules/unsafe-yaml-load/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "We only load our own configuration files. Is this a false positive?",
        answer:
          "It is safe only while nobody else can write those files. Configuration travels through pull requests, " +
          "deployment tooling and shared volumes; `safe_load` reads every normal configuration file identically, so " +
          "switching costs nothing.",
      },
      {
        question: "Is FullLoader safe?",
        answer:
          "Not for untrusted input. It was the default between PyYAML 5.1 and 5.4 and was exploitable (CVE-2020-1747, " +
          "CVE-2020-14343). Later versions block the known gadgets, but it still instantiates Python objects from tags. " +
          "It is reported at medium severity.",
      },
      {
        question: "Why is `yaml.load(data, Loader=MyLoader)` reported at medium confidence?",
        answer:
          "The analysis could not tell what `MyLoader` is (a parameter, an attribute, or a class from another module). " +
          "If it derives from `SafeLoader`, define or import it so the base is visible, or suppress the finding with a justification.",
      },
      {
        question: "Does this cover ruamel.yaml?",
        answer: "No: ruamel.yaml has its own API and rule, PYTHON-LANG-SEC-043.",
      },
    ],
  },
});
