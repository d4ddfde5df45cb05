import type { SyntaxNode } from "../../languages/python/syntax.js";
import { code, defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { classNamesOf, spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

const ADVICE = "Use `YAML()` (round-trip) or `YAML(typ=\"safe\")`, which build only plain data.";

/** The `typ` values a `YAML(typ=...)` constructor may have received, or undefined when not a constant. */
function typValues(m: SinkMatch, typ: SyntaxNode, scope: SinkMatch["scope"]): string[] | undefined {
  if (typ.type === "list" || typ.type === "tuple") {
    const out: string[] = [];
    for (const item of typ.children) {
      const s = m.model.constantString(item, scope);
      if (s === undefined) return undefined;
      out.push(s);
    }
    return out;
  }
  const s = m.model.constantString(typ, scope);
  return s === undefined ? undefined : [s];
}

/** `YAML(typ="unsafe").load(...)`: decide from the constructor of the receiver. */
function checkInstanceLoad(m: SinkMatch): SinkOutcome | null {
  if (!m.receiver) return null;
  const typ = m.receiver.args.find("typ");
  if (!typ) {
    if (!m.receiver.args.hasKwArgs) return null; // default "rt": round-trip loader, safe
    return {
      severity: "medium",
      confidence: "low",
      message: `${spelled(m)} on a \`YAML(...)\` whose \`typ\` may come from \`**kwargs\`; with \`typ="unsafe"\` YAML tags such as \`!!python/object/apply\` run arbitrary code. ${ADVICE}`,
    };
  }
  const values = typValues(m, typ, m.receiver.scope);
  if (values === undefined) {
    return {
      confidence: "medium",
      message: `${spelled(m)} on a \`YAML(typ=...)\` whose type the analysis cannot evaluate; with \`typ="unsafe"\` YAML tags such as \`!!python/object/apply\` run arbitrary code. ${ADVICE}`,
    };
  }
  if (!values.includes("unsafe")) return null;
  return {
    message: `${spelled(m)} on \`YAML(typ="unsafe")\` constructs arbitrary Python objects from tags such as \`!!python/object/apply:os.system\`, which runs code. ${ADVICE}`,
  };
}

const SAFE_LEGACY_LOADERS = new Set([
  "ruamel.yaml.SafeLoader",
  "ruamel.yaml.CSafeLoader",
  "ruamel.yaml.BaseLoader",
  "ruamel.yaml.CBaseLoader",
  "ruamel.yaml.RoundTripLoader",
]);

/** Legacy PyYAML-style `ruamel.yaml.load(stream, Loader=None)`: without a Loader it used the unsafe one. */
function checkLegacyLoad(m: SinkMatch): SinkOutcome | null {
  const given = m.args.find("Loader", 1);
  const loader = given?.type === "none" ? undefined : given;
  if (!loader) {
    if (m.args.mayBeHidden("Loader", 1)) {
      return { confidence: "medium", message: `${spelled(m)} may receive its Loader through \`*args\`/\`**kwargs\`; unless it is a safe loader, YAML tags run arbitrary code. ${ADVICE}` };
    }
    return { message: `${spelled(m)} without a Loader uses ruamel.yaml's unsafe loader: tags such as \`!!python/object/apply:os.system\` run arbitrary code. ${ADVICE}` };
  }
  const { own, ancestors } = classNamesOf(m, loader);
  const known = [...own, ...ancestors].filter((n) => !n.startsWith("<local>."));
  if (known.length && known.every((n) => SAFE_LEGACY_LOADERS.has(n))) return null;
  const loaderText = m.model.text(loader).replace(/\s+/g, "");
  const recognised = known.some((n) => n.startsWith("ruamel.yaml."));
  return {
    ...(recognised ? {} : { confidence: "medium" as const }),
    message: `${spelled(m)} with ${code(loaderText)} ${recognised ? "constructs arbitrary Python objects" : "uses a loader not known to be safe"}: YAML tags such as \`!!python/object/apply\` can run code. ${ADVICE}`,
  };
}

export default defineRule({
  id: "PYTHON-LANG-SEC-043",
  name: "Unsafe ruamel.yaml Load",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "yaml", "ruamel", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B506"],
  similar: ["PYTHON-LANG-SEC-041", "PYTHON-LANG-SEC-040"],
  prefilter: ["ruamel"],
  judgeTrust: judgeInputTrust,
  sinks: [
    { call: ["ruamel.yaml.YAML().load", "ruamel.yaml.YAML().load_all"], check: checkInstanceLoad, message: (m) => `${spelled(m)} may use an unsafe YAML loader. ${ADVICE}` },
    { call: ["ruamel.yaml.load", "ruamel.yaml.load_all"], check: checkLegacyLoad, message: (m) => `${spelled(m)} may use an unsafe YAML loader. ${ADVICE}` },
  ],
  docs: {
    summary: "Detects ruamel.yaml loads that can construct arbitrary Python objects: `YAML(typ=\"unsafe\").load` and the legacy `ruamel.yaml.load` without a safe Loader.",
    description:
      "ruamel.yaml's `YAML()` instance is safe by default: the round-trip (`rt`) and `safe` types build only data. " +
      "`YAML(typ=\"unsafe\")` (also `typ=[\"unsafe\"]`) enables Python tags such as `!!python/object/apply:` and " +
      "`!!python/object/new:`, which call functions and instantiate classes while loading. The PyYAML-compatible module " +
      "functions of ruamel.yaml before 0.18 (`ruamel.yaml.load`, `load_all`) used the unsafe loader when no `Loader` " +
      "was given. This rule reports `load`/`load_all` on instances constructed with `typ=\"unsafe\"` (followed through " +
      "variables and `with` statements), and the legacy functions without a Loader or with one that is not " +
      "`SafeLoader`, `CSafeLoader`, `BaseLoader`, `CBaseLoader` or `RoundTripLoader`.",
    securityImplications:
      "Whoever controls the YAML text (configuration in a repository, a manifest uploaded to a service, a document " +
      "fetched over the network) runs code in the loading process, with its files, network access and credentials.",
    howToFix:
      "Use `YAML()` (round-trip, keeps comments) or `YAML(typ=\"safe\")`. If documents need custom types, register " +
      "them explicitly with `yaml.register_class(MyType)`, which loads only the classes you list. Replace legacy " +
      "`ruamel.yaml.load(...)` calls with a `YAML()` instance: the module-level functions were removed in 0.18.",
    fixHint: "Use YAML() or YAML(typ=\"safe\") and register_class for custom types instead of typ=\"unsafe\".",
    vulnerableExample: [
      "from ruamel.yaml import YAML",
      "",
      "def read_job(text):",
      "    yaml = YAML(typ=\"unsafe\")",
      "    return yaml.load(text)  # !!python/object/apply runs code",
    ].join("\n"),
    safeExample: [
      "from ruamel.yaml import YAML",
      "",
      "def read_job(text):",
      "    yaml = YAML(typ=\"safe\")",
      "    return yaml.load(text)  # plain data only",
    ].join("\n"),
    detectionScope:
      "`load`/`load_all` on `ruamel.yaml.YAML(...)` instances whose constructor received `typ=\"unsafe\"` or a list " +
      "containing it, with the constructor found through assignments and `with ... as` bindings in the same file; a " +
      "`typ` the analysis cannot evaluate is reported at medium confidence, one possibly hidden in `**kwargs` at low " +
      "confidence. Legacy `ruamel.yaml.load`/`load_all` (also `ruamel.yaml.main`, `ruamel_yaml`) with the `Loader` " +
      "checked as keyword or position 1. Not covered: instances configured after construction (`yaml.typ = ...`) or " +
      "passed in from other modules. No automatic fix is offered: switching to `typ=\"safe\"` changes the constructor " +
      "that every use of the instance shares.",
    references: [
      { title: "ruamel.yaml documentation: basic usage and typ", url: "https://yaml.dev/doc/ruamel.yaml/basicuse/" },
      { title: "ruamel.yaml documentation (0.18 changes, typ=\"unsafe\" deprecation)", url: "https://yaml.dev/doc/ruamel.yaml" },
      { title: "ruamel.yaml on PyPI", url: "https://pypi.org/project/ruamel.yaml/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "Is `YAML()` without arguments safe?",
        answer: "Yes. The default round-trip loader builds data only (with comments preserved); it is not reported.",
      },
      {
        question: "We need our own classes in the YAML files.",
        answer: "Register them with `yaml.register_class(MyClass)` on a safe or round-trip instance; only those classes can then be constructed.",
      },
      {
        question: "Does this cover PyYAML's `yaml.load`?",
        answer: "No: PyYAML is covered by PYTHON-LANG-SEC-041.",
      },
    ],
  },
});
