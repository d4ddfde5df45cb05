// The curated advisory table: published vulnerabilities of Python packages that deserialize (pickle, YAML
// object tags, model configurations that import code). Each row was checked against the source it links to;
// ranges are PEP 440 specifier sets, several ranges joined by `||`. Edit with care: every row is a finding on
// every project that pins an affected version.
import type { Severity } from "../core/types.js";
import { normalizeName } from "./types.js";

/** A code pattern whose protection an affected version lacks (see the cross-signals in `cross-signals.ts`). */
export type CodeSignal = "torch-weights-only" | "yaml-full-load" | "numpy-load-default";

export interface Advisory {
  /** CVE ID, the primary identifier. */
  id: string;
  /** GHSA IDs and other aliases. */
  aliases: string[];
  /** PEP 503 normalised package name. */
  package: string;
  /** Affected versions, PEP 440 specifier sets joined by `||`. */
  affected: string;
  /** First fixed version(s), for the advice. */
  fixed: string;
  severity: Severity;
  /** One sentence: what an attacker does with it. */
  summary: string;
  /** The published advisory this row was checked against. */
  url: string;
  /** The code pattern the vulnerability makes unsafe, when there is one. */
  signal?: CodeSignal;
  /** True when the maintainers dispute the report (documented behaviour); reported at low severity. */
  disputed?: boolean;
}

const NVD = (id: string) => `https://nvd.nist.gov/vuln/detail/${id}`;
const GHSA = (id: string) => `https://github.com/advisories/${id}`;

export const ADVISORIES: readonly Advisory[] = [
  {
    id: "CVE-2017-18342",
    aliases: ["GHSA-rprw-h62v-c2w7"],
    package: "pyyaml",
    affected: "<5.1",
    fixed: "5.1",
    severity: "critical",
    summary: "`yaml.load()` without a Loader constructs arbitrary Python objects (`!!python/object/apply`), so a YAML document runs code.",
    url: NVD("CVE-2017-18342"),
    signal: "yaml-full-load",
  },
  {
    id: "CVE-2019-20477",
    aliases: ["GHSA-3pqx-4fqf-j49f"],
    package: "pyyaml",
    affected: ">=5.1,<5.2",
    fixed: "5.2",
    severity: "critical",
    summary: "`load`/`load_all` with the default FullLoader still deserialize classes such as `subprocess.Popen` (incomplete fix of CVE-2017-18342).",
    url: NVD("CVE-2019-20477"),
    signal: "yaml-full-load",
  },
  {
    id: "CVE-2020-1747",
    aliases: ["GHSA-6757-jp84-gxfx"],
    package: "pyyaml",
    affected: "<5.3.1",
    fixed: "5.3.1",
    severity: "critical",
    summary: "`full_load`/`FullLoader` run code through the `python/object/new` constructor.",
    url: NVD("CVE-2020-1747"),
    signal: "yaml-full-load",
  },
  {
    id: "CVE-2020-14343",
    aliases: ["GHSA-8q59-q68h-6hv4"],
    package: "pyyaml",
    affected: "<5.4",
    fixed: "5.4",
    severity: "critical",
    summary: "`full_load`/`FullLoader` still run code through `python/object/new` (incomplete fix of CVE-2020-1747).",
    url: NVD("CVE-2020-14343"),
    signal: "yaml-full-load",
  },
  {
    id: "CVE-2025-32434",
    aliases: ["GHSA-53q9-r3pm-6pq6"],
    package: "torch",
    affected: "<2.6.0",
    fixed: "2.6.0",
    severity: "critical",
    summary: "`torch.load(..., weights_only=True)` can be bypassed: a crafted checkpoint runs code even with the restricted unpickler.",
    url: GHSA("GHSA-53q9-r3pm-6pq6"),
    signal: "torch-weights-only",
  },
  {
    id: "CVE-2026-24747",
    aliases: [],
    package: "torch",
    affected: "<2.10.0",
    fixed: "2.10.0",
    severity: "high",
    summary: "The `weights_only` unpickler can be driven into memory corruption by a crafted checkpoint, up to code execution.",
    url: NVD("CVE-2026-24747"),
    signal: "torch-weights-only",
  },
  {
    id: "CVE-2019-6446",
    aliases: [],
    package: "numpy",
    affected: "<1.16.3",
    fixed: "1.16.3",
    severity: "critical",
    summary: "`numpy.load` defaults to `allow_pickle=True`, so loading a crafted `.npy`/`.npz` file unpickles it and runs code.",
    url: "https://numpy.org/doc/stable/reference/generated/numpy.lib.format.read_array.html",
    signal: "numpy-load-default",
    disputed: true,
  },
  {
    id: "CVE-2024-3660",
    aliases: [],
    package: "keras",
    affected: "<2.13",
    fixed: "2.13",
    severity: "critical",
    summary: "Lambda layers in a model file run arbitrary code on `load_model`; `safe_mode` does not exist before 2.13.",
    url: "https://www.kb.cert.org/vuls/id/253266",
  },
  {
    id: "CVE-2025-1550",
    aliases: ["GHSA-48g7-3x6r-xfhp"],
    package: "keras",
    affected: ">=3.0.0,<3.9.0",
    fixed: "3.9.0",
    severity: "critical",
    summary: "`Model.load_model(..., safe_mode=True)` is bypassed: `config.json` in a `.keras` archive names any module and function to call.",
    url: GHSA("GHSA-48g7-3x6r-xfhp"),
  },
  {
    id: "CVE-2025-8747",
    aliases: ["GHSA-c9rc-mg46-23w3"],
    package: "keras",
    affected: ">=3.0.0,<3.11.0",
    fixed: "3.11.0",
    severity: "high",
    summary: "Another `safe_mode` bypass in `Model.load_model`: a crafted `.keras` archive runs code.",
    url: GHSA("GHSA-c9rc-mg46-23w3"),
  },
  {
    id: "CVE-2025-49655",
    aliases: [],
    package: "keras",
    affected: ">=3.11.0,<3.11.3",
    fixed: "3.11.3",
    severity: "critical",
    summary: "Deserialization of a crafted model runs code even in safe mode.",
    url: NVD("CVE-2025-49655"),
  },
  {
    id: "CVE-2026-1462",
    aliases: ["GHSA-4f3f-g24h-fr8m"],
    package: "keras",
    affected: ">=3.0.0,<3.13.2",
    fixed: "3.13.2",
    severity: "high",
    summary: "`TFSMLayer` loads an attacker-chosen TensorFlow SavedModel while deserializing a `.keras` file, bypassing `safe_mode`.",
    url: GHSA("GHSA-4f3f-g24h-fr8m"),
  },
  {
    id: "CVE-2021-37678",
    aliases: ["GHSA-r6jx-9g48-2r5r"],
    package: "tensorflow",
    affected: "<2.3.4 || >=2.4.0,<2.4.3 || >=2.5.0,<2.5.1",
    fixed: "2.3.4, 2.4.3, 2.5.1, 2.6.0",
    severity: "critical",
    summary: "`tf.keras.models.model_from_yaml` uses `yaml.unsafe_load`: a YAML model description runs code.",
    url: GHSA("GHSA-r6jx-9g48-2r5r"),
  },
  {
    id: "CVE-2023-6730",
    aliases: ["GHSA-3863-2447-669p", "PYSEC-2023-300"],
    package: "transformers",
    affected: "<4.36.0",
    fixed: "4.36.0",
    severity: "critical",
    summary: "`RagRetriever` unpickles index files downloaded from the Hub, so a malicious repository runs code.",
    url: "https://github.com/pypa/advisory-database/blob/main/vulns/transformers/PYSEC-2023-300.yaml",
  },
  {
    id: "CVE-2023-7018",
    aliases: ["GHSA-v68g-wm8c-6x7j", "PYSEC-2023-301"],
    package: "transformers",
    affected: "<4.36.0",
    fixed: "4.36.0",
    severity: "critical",
    summary: "`TransfoXLTokenizer` unpickles vocabulary files from the Hub, so a malicious repository runs code.",
    url: "https://github.com/pypa/advisory-database/blob/main/vulns/transformers/PYSEC-2023-301.yaml",
  },
  {
    id: "CVE-2024-3568",
    aliases: [],
    package: "transformers",
    affected: "<4.38.0",
    fixed: "4.38.0",
    severity: "critical",
    summary: "`TFPreTrainedModel.load_repo_checkpoint` calls `pickle.load` on checkpoint data: resuming from a crafted checkpoint runs code.",
    url: NVD("CVE-2024-3568"),
  },
  {
    id: "CVE-2026-4372",
    aliases: [],
    package: "transformers",
    affected: ">=4.56.0,<5.3.0",
    fixed: "5.3.0",
    severity: "critical",
    summary: "A model's `config.json` makes `from_pretrained` download and run code from another repository even with `trust_remote_code=False`.",
    url: NVD("CVE-2026-4372"),
  },
  {
    id: "CVE-2020-22083",
    aliases: ["GHSA-j66q-qmrc-89rx", "PYSEC-2020-49"],
    package: "jsonpickle",
    affected: "<1.4.2",
    fixed: "1.4.2",
    severity: "critical",
    summary: "`jsonpickle.decode` rebuilds arbitrary objects (`py/reduce`), so a crafted JSON document runs code; every version does this by design.",
    url: "https://github.com/advisories/GHSA-j66q-qmrc-89rx",
    disputed: true,
  },
  {
    id: "CVE-2021-47952",
    aliases: [],
    package: "jsonpickle",
    affected: "==2.0.0",
    fixed: "",
    severity: "critical",
    summary: "`jsonpickle.decode` evaluates `py/repr` entries with `eval`, so a crafted JSON document runs code.",
    url: NVD("CVE-2021-47952"),
  },
  {
    id: "CVE-2022-21797",
    aliases: ["GHSA-6hrg-qmvc-2xh8", "PYSEC-2022-288"],
    package: "joblib",
    affected: "<1.1.1",
    fixed: "1.1.1, 1.2.0",
    severity: "high",
    summary: "`joblib.Parallel(pre_dispatch=...)` passes the string to `eval()`, so a caller-controlled value runs code.",
    url: "https://github.com/advisories/GHSA-6hrg-qmvc-2xh8",
  },
  {
    id: "CVE-2025-27520",
    aliases: ["GHSA-33xw-247w-6hmc"],
    package: "bentoml",
    affected: ">=1.3.4,<1.4.3",
    fixed: "1.4.3",
    severity: "critical",
    summary: "The serving runtime `pickle.loads` request payloads (`serde.deserialize_value`): an unauthenticated HTTP request runs code.",
    url: GHSA("GHSA-33xw-247w-6hmc"),
  },
];

const BY_PACKAGE = new Map<string, Advisory[]>();
for (const a of ADVISORIES) {
  const key = normalizeName(a.package);
  BY_PACKAGE.set(key, [...(BY_PACKAGE.get(key) ?? []), a]);
}

export function advisoriesFor(name: string): readonly Advisory[] {
  return BY_PACKAGE.get(normalizeName(name)) ?? [];
}
