// PEP 508 requirement strings: `name[extras] (specifier) ; markers` and `name @ url ; markers`.
import { clean, valid } from "@renovatebot/pep440";

export interface Requirement {
  name: string;
  specifier: string;
  markers?: string;
  /** A direct reference (`name @ https://...`): no version to match. */
  url?: string;
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*/;

/** Parses one requirement, or undefined when it is not one (an option line, a path, a URL alone). */
export function parseRequirement(text: string): Requirement | undefined {
  const m = NAME.exec(text);
  if (!m) return undefined;
  let rest = text.slice(m[0].length);
  const name = m[1];
  if (rest.startsWith("@")) {
    const semi = rest.search(/\s;/);
    const url = (semi < 0 ? rest.slice(1) : rest.slice(1, semi)).trim();
    const markers = semi < 0 ? undefined : rest.slice(semi + 2).trim() || undefined;
    return { name, specifier: "", url, ...(markers ? { markers } : {}) };
  }
  let markers: string | undefined;
  const semi = rest.indexOf(";");
  if (semi >= 0) {
    markers = rest.slice(semi + 1).trim() || undefined;
    rest = rest.slice(0, semi);
  }
  let specifier = rest.trim();
  if (specifier.startsWith("(") && specifier.endsWith(")")) specifier = specifier.slice(1, -1).trim();
  if (specifier && !/^(?:(?:===|==|!=|~=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*,?\s*)+$/.test(specifier)) return undefined;
  return { name, specifier: specifier.replace(/\s+/g, ""), ...(markers ? { markers } : {}) };
}

/** The one version a specifier set allows (`==2.5.1`, `===2.5.1`), or undefined for ranges and wildcards. */
export function exactVersion(specifier: string): string | undefined {
  const clauses = specifier.split(",").filter(Boolean);
  for (const clause of clauses) {
    const m = /^(===|==)([^*]+)$/.exec(clause.trim());
    if (m && valid(m[2])) return clean(m[2]) ?? m[2];
  }
  return undefined;
}
