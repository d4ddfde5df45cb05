// Cross-signals between code and pins: a call that is safe on current releases is not on the version the project
// pins. The facts come from the dependency scan; `annotateCodeFindings` (annotate-findings.ts) adds the note to
// existing code findings and PYTHON-DEPS-SEC-003 reports the calls that no other rule reports because they look safe.
import type { Advisory } from "./advisories.js";
import type { DependencyMatch } from "./match.js";
import type { Dependency } from "./types.js";

export interface PinFact {
  dependency: Dependency;
  advisories: Advisory[];
}

/** Pinned or locked versions that lack a protection code relies on, by package. */
export interface CrossSignalFacts {
  /** torch < 2.6 (or a weights_only advisory): `weights_only=True` is bypassable, and the default is False before 2.6. */
  torch?: PinFact;
  /** PyYAML with a FullLoader advisory: `full_load`/`FullLoader` run code. */
  pyyaml?: PinFact;
  /** numpy < 1.16.3: `numpy.load` defaults to `allow_pickle=True`. */
  numpy?: PinFact;
}

const SIGNAL_PACKAGE = { "torch-weights-only": "torch", "yaml-full-load": "pyyaml", "numpy-load-default": "numpy" } as const;

/** The facts from pinned matches; the lowest pinned version wins when several manifests pin a package. */
export function crossSignalFacts(matches: readonly DependencyMatch[]): CrossSignalFacts {
  const facts: CrossSignalFacts = {};
  for (const m of matches) {
    if (m.kind !== "pinned") continue;
    for (const a of m.advisories) {
      if (!a.signal) continue;
      const key = SIGNAL_PACKAGE[a.signal];
      const known = facts[key];
      if (known && known.dependency !== m.dependency) continue;
      facts[key] = { dependency: m.dependency, advisories: [...(known?.advisories ?? []), a] };
    }
  }
  return facts;
}

/**
 * Folders that hold a project's own dependency specifications, whatever scripts sit beside them: pytorch-lightning's
 * `requirements/` has `collect_env_details.py` next to `typing.txt` and its per-package folders.
 */
const PROJECT_WIDE_FOLDERS = new Set(["requirements", "requirements.d", "reqs", "deps", "dependencies", "ci", ".ci", ".github", "docker", "env", "envs", "environment", "environments", "conda"]);

/**
 * The facts that hold for each Python file. A manifest in a folder that holds Python code (an example or a
 * sub-project with its own requirements.txt) pins the versions of that folder's code only; one in a folder without
 * code (the root, `requirements/`, `docker/`, `ci/`, also when scripts sit in them: see `PROJECT_WIDE_FOLDERS`) pins
 * the whole project's. Per package, the pins of the nearest enclosing code folder win, then the project-wide ones. fairseq pins torch 1.12.1 in
 * `examples/speech_to_speech/asr_bleu/requirements.txt`, which said nothing about `fairseq/checkpoint_utils.py`.
 */
export function crossSignalScopes(matches: readonly DependencyMatch[], pythonFiles: readonly string[]): (file: string) => CrossSignalFacts {
  const codeFolders = new Set<string>();
  for (const f of pythonFiles) for (let i = f.lastIndexOf("/"); i > 0; i = f.lastIndexOf("/", i - 1)) codeFolders.add(f.slice(0, i));
  const byScope = new Map<string, DependencyMatch[]>();
  for (const m of matches) {
    const slash = m.dependency.file.lastIndexOf("/");
    const folder = slash < 0 ? "" : m.dependency.file.slice(0, slash);
    const scope = codeFolders.has(folder) && !folder.split("/").some((part) => PROJECT_WIDE_FOLDERS.has(part.toLowerCase())) ? folder : "";
    byScope.set(scope, [...(byScope.get(scope) ?? []), m]);
  }
  const facts = new Map([...byScope].map(([scope, ms]) => [scope, crossSignalFacts(ms)]));
  const projectWide = facts.get("") ?? {};
  const scoped = [...facts].filter(([scope]) => scope !== "").sort((a, b) => b[0].length - a[0].length);
  if (scoped.length === 0) return () => projectWide;
  return (file) => {
    const found: CrossSignalFacts = {};
    for (const [scope, f] of scoped) {
      if (!file.startsWith(scope + "/")) continue;
      for (const key of Object.keys(f) as (keyof CrossSignalFacts)[]) found[key] ??= f[key];
    }
    for (const key of Object.keys(projectWide) as (keyof CrossSignalFacts)[]) found[key] ??= projectWide[key];
    return found;
  };
}

/** "torch 2.5.1 (requirements.txt:3)". */
export function pinnedAt(fact: PinFact): string {
  const d = fact.dependency;
  return `${d.spelledName} ${d.version} (${d.locked ? "locked in" : "pinned in"} ${d.file}:${d.line})`;
}
