// What choosing the Java, C# and PHP rules, and telling those languages' files, needs to know before any of their
// rules or engines is loaded: each rule's ID, language and bundles, and each language's file extensions. A scan
// loads the rules themselves (languages.ts: their matchers, the languages' models and the tree-sitter runtime) only
// when a file of their language is to be analysed or their metadata is not remembered. The rules' test checks this
// table against the registry. Browser-safe.
import { compareText } from "../core/order.js";
import type { SourceLanguage } from "./language-rule.js";

export interface LanguageRuleEntry {
  id: string;
  language: SourceLanguage;
  bundles: readonly string[];
}

const LANG = ["lang", "deserialization"];
const rules = (language: SourceLanguage, prefix: string, count: number): LanguageRuleEntry[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i + 1).padStart(3, "0")}`, language, bundles: LANG }));

/** Every Java, C# and PHP rule of the registry, in ID order. */
export const LANGUAGE_RULE_CATALOG: readonly LanguageRuleEntry[] = [...rules("csharp", "CSHARP-LANG-SEC", 9), ...rules("java", "JAVA-LANG-SEC", 13), ...rules("php", "PHP-LANG-SEC", 4)];

/** Each language's lower-case file extensions (with the dot), in the registry's order of the languages. */
export const LANGUAGE_EXTENSIONS: readonly { id: SourceLanguage; extensions: readonly string[] }[] = [
  { id: "java", extensions: [".java"] },
  { id: "csharp", extensions: [".cs"] },
  { id: "php", extensions: [".php", ".phtml", ".php5", ".php7", ".inc"] },
];

export const LANGUAGE_BUNDLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  all: "every rule of the language",
  deserialization: "every rule that reports a deserialization sink",
  lang: "the language's standard library and general-purpose serialization libraries",
};

/** The language of a path (any case), by its extension. */
export function languageIdOf(path: string): SourceLanguage | undefined {
  const lower = path.toLowerCase();
  return LANGUAGE_EXTENSIONS.find((l) => l.extensions.some((e) => lower.endsWith(e)))?.id;
}

export interface LanguageRulesetSplit<R extends LanguageRuleEntry = LanguageRuleEntry> {
  /** The rules of other languages selected. */
  rules: R[];
  /** Whether Java serialization streams in the project are checked (JAVA-ARTIFACT-001). */
  javaStreams: boolean;
  /** The specs left for the Python and artifact resolvers. */
  rest: string[];
}

/**
 * Takes the specs that name Java, C# or PHP rules out of `--ruleset` values, among `all` (in ID order):
 * `java/<RULE-ID>`, `java/<bundle>`, `java/all`, `csharp/...`, `php/...`, or a bare `JAVA-LANG-SEC-001`. No specs at
 * all selects every rule.
 */
export function splitLanguageRuleset<R extends LanguageRuleEntry>(specs: readonly string[], all: readonly R[]): LanguageRulesetSplit<R> | { error: string } {
  if (!specs.length) return { rules: [...all], rest: [], javaStreams: true };
  const chosen = new Map<string, R>();
  const rest: string[] = [];
  let javaStreams = false;
  for (const raw of specs) {
    const spec = raw.trim();
    // The Java stream rule belongs to the artifact rules: `artifact/all`, `artifact/artifacts` or its ID.
    if (/^((artifact|java)\/)?JAVA-ARTIFACT-001$/i.test(spec)) {
      javaStreams = true;
      continue;
    }
    if (/^artifact\/(all|artifacts)$/i.test(spec)) javaStreams = true;
    const [lang, name] = spec.includes("/") ? (spec.split("/", 2) as [string, string]) : ["", spec];
    const language = LANGUAGE_EXTENSIONS.find((l) => l.id === lang.toLowerCase());
    if (!language) {
      const byId = lang === "" ? all.find((r) => r.id.toUpperCase() === name.toUpperCase()) : undefined;
      if (byId) chosen.set(byId.id, byId);
      else rest.push(raw);
      continue;
    }
    const own = all.filter((r) => r.language === language.id);
    const byId = own.find((r) => r.id.toUpperCase() === name.toUpperCase());
    const bundle = name.toLowerCase();
    const members = byId ? [byId] : bundle === "all" ? own : own.filter((r) => r.bundles.includes(bundle));
    if (!members.length && !Object.hasOwn(LANGUAGE_BUNDLE_DESCRIPTIONS, bundle)) {
      return { error: `unknown ruleset "${spec}" (see: pathfinder rules list)` };
    }
    for (const r of members) chosen.set(r.id, r);
  }
  return { rules: [...chosen.values()].sort((a, b) => compareText(a.id, b.id)), rest, javaStreams };
}
