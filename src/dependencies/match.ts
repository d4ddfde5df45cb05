// Dependencies against the advisory table: a pinned or locked affected version, or a declared range that admits
// one. A range is not reported where a lock file or an exact pin beside it decides the installed version.
import { advisoriesFor, type Advisory } from "./advisories.js";
import type { Dependency } from "./types.js";
import { admits, affects } from "./versions.js";

export interface DependencyMatch {
  dependency: Dependency;
  advisories: Advisory[];
  /** `pinned`: the exact version is affected; `range`: the allowed range includes affected versions. */
  kind: "pinned" | "range";
}

const dirOf = (file: string) => file.slice(0, file.lastIndexOf("/") + 1);

export function matchAdvisories(dependencies: readonly Dependency[]): DependencyMatch[] {
  const exactIn = new Set(dependencies.filter((d) => d.version).map((d) => `${dirOf(d.file)}|${d.name}`));
  const out: DependencyMatch[] = [];
  for (const dependency of dependencies) {
    const table = advisoriesFor(dependency.name);
    if (!table.length) continue;
    if (dependency.version) {
      const hits = table.filter((a) => affects(dependency.version!, a.affected));
      if (hits.length) out.push({ dependency, advisories: hits, kind: "pinned" });
      continue;
    }
    // A bare name lets the resolver pick the newest release; only a constraint that admits old versions counts.
    if (!dependency.specifier || exactIn.has(`${dirOf(dependency.file)}|${dependency.name}`)) continue;
    const hits = table.filter((a) => admits(dependency.specifier, a.affected));
    if (hits.length) out.push({ dependency, advisories: hits, kind: "range" });
  }
  return out;
}
