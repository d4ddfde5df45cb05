// Normalisation of the (module, name) pairs a pickle references, and matching against name lists.
import { IMPORT_MAPPING, NAME_MAPPING } from "./compat-mapping.js";
import { BUILTINS_ALIASES, DANGEROUS_ATTRIBUTES, DENYLIST, MODULE_ATTRIBUTES } from "./denylist.js";

/** Dotted names longer than this are judged on their first parts only (and are suspicious anyway). */
const MAX_PARTS = 32;

export interface NormalizedName {
  module: string;
  name: string;
  /** `module.name` as the unpickler would resolve it. */
  qualified: string;
}

/** What `Unpickler.find_class` does to a name before importing it (fix_imports=True). */
export function normalizeGlobal(module: string, name: string, protocol: number): NormalizedName {
  let m = module;
  let n = name;
  if (protocol < 3) {
    const mapped = NAME_MAPPING.get(`${m}\u0000${n}`);
    if (mapped !== undefined) {
      m = mapped[0];
      n = mapped[1];
    } else {
      m = IMPORT_MAPPING.get(m) ?? m;
    }
  }
  if (BUILTINS_ALIASES.has(m)) m = "builtins";
  return { module: m, name: n, qualified: `${m}.${n}` };
}

export interface DenyMatch {
  /** The denylist entry (or dangerous attribute) that matched. */
  entry: string;
  reason: string;
}

const DENY_REASONS: ReadonlyMap<string, string> = new Map(DENYLIST.map((e) => [e.name, e.reason]));

function lookupChain(parts: readonly string[], from: number, to: number): DenyMatch | undefined {
  let chain = BUILTINS_ALIASES.has(parts[from]!) ? "builtins" : parts[from]!;
  for (let i = from; i <= to; i++) {
    if (i > from) chain += "." + parts[i]!;
    const reason = DENY_REASONS.get(chain);
    if (reason !== undefined) return { entry: chain, reason };
  }
  return undefined;
}

/** Denylist answers by `module\0name` (NO_MATCH: none); bounded, as a hostile file can reference any number of names. */
const judged = new Map<string, DenyMatch>();
const NO_MATCH: DenyMatch = Object.freeze({ entry: "", reason: "" });
const MAX_JUDGED = 20_000;
const MAX_JUDGED_KEY = 512;

/**
 * Judges one global against the denylist. Every dotted prefix of `module.name` is tried, and, because
 * protocol 4 resolves dotted names attribute by attribute (`pathlib` + `os.system` is `os.system`), every
 * chain that starts at an inner part of the name is tried as if it were a module path of its own.
 */
export function matchDenylist(module: string, name: string): DenyMatch | undefined {
  // Files of one library reference the same few hundred globals: each pair is judged once.
  const key = `${module}\u0000${name}`;
  const known = judged.get(key);
  if (known !== undefined) return known === NO_MATCH ? undefined : known;
  const match = judgeAgainstDenylist(module, name);
  if (key.length > MAX_JUDGED_KEY) return match;
  if (judged.size >= MAX_JUDGED) judged.clear();
  judged.set(key, match ?? NO_MATCH);
  return match;
}

function judgeAgainstDenylist(module: string, name: string): DenyMatch | undefined {
  const moduleParts = module.split(".");
  const nameParts = name.split(".");
  const parts = moduleParts.concat(nameParts).slice(0, MAX_PARTS);
  const fromRoot = lookupChain(parts, 0, parts.length - 1);
  if (fromRoot !== undefined) return fromRoot;
  const firstNamePart = moduleParts.length;
  for (let j = firstNamePart; j < parts.length; j++) {
    if (DANGEROUS_ATTRIBUTES.has(parts[j]!)) {
      return { entry: parts[j]!, reason: "traverses interpreter internals (sandbox-escape gadget)" };
    }
  }
  // A chain may only start at a part that is followed by an attribute: `Model.profile` is a method, but
  // `x.os.system` reaches the os module.
  for (let j = firstNamePart; j < parts.length - 1; j++) {
    const inner = lookupChain(parts, j, parts.length - 1);
    if (inner !== undefined) return inner;
  }
  const last = parts[parts.length - 1]!;
  if (parts.length > firstNamePart && MODULE_ATTRIBUTES.has(last)) {
    return lookupChain(parts, parts.length - 1, parts.length - 1) ?? { entry: last, reason: "reaches a dangerous module" };
  }
  return undefined;
}

/** Exact `module.name` entries plus `module.*` wildcards. */
export class GlobalSet {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];

  constructor(entries: Iterable<string>) {
    for (const e of entries) {
      if (e.endsWith(".*")) this.prefixes.push(e.slice(0, -1));
      else this.exact.add(e);
    }
  }

  has(qualified: string): boolean {
    if (this.exact.has(qualified)) return true;
    for (const p of this.prefixes) if (qualified.startsWith(p)) return true;
    return false;
  }
}
