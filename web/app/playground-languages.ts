// What the playground can analyse: source languages and Python dependency manifests. Shared by the page
// generator (picker, presets) and the browser scripts (engine, editor, URL state).

export type PlaygroundLanguage = "python" | "java" | "csharp" | "php" | "requirements" | "pyproject";

export interface PlaygroundLanguageInfo {
  id: PlaygroundLanguage;
  /** Shown in the picker. */
  name: string;
  /** The file name the code is analysed as (findings carry it; manifests are recognised by it). */
  file: string;
  /** Which rules apply: a `--ruleset` language prefix, or `deps` for the dependency-manifest rules. */
  rules: "python" | "java" | "csharp" | "php" | "deps";
  defaultRuleset: string;
}

export const PLAYGROUND_LANGUAGES: readonly PlaygroundLanguageInfo[] = [
  { id: "python", name: "Python", file: "playground.py", rules: "python", defaultRuleset: "python/all" },
  { id: "java", name: "Java", file: "Playground.java", rules: "java", defaultRuleset: "java/all" },
  { id: "csharp", name: "C#", file: "Playground.cs", rules: "csharp", defaultRuleset: "csharp/all" },
  { id: "php", name: "PHP", file: "playground.php", rules: "php", defaultRuleset: "php/all" },
  { id: "requirements", name: "requirements.txt (Python dependencies)", file: "requirements.txt", rules: "deps", defaultRuleset: "python/deps" },
  { id: "pyproject", name: "pyproject.toml (Python dependencies)", file: "pyproject.toml", rules: "deps", defaultRuleset: "python/deps" },
];

export function playgroundLanguage(id: string | undefined): PlaygroundLanguageInfo | undefined {
  return PLAYGROUND_LANGUAGES.find((l) => l.id === id?.toLowerCase());
}

/** The language a fixture file is analysed as, from its name; undefined when the playground cannot show it. */
export function languageOfFile(path: string): PlaygroundLanguage | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (base.endsWith(".py")) return "python";
  if (base.endsWith(".java")) return "java";
  if (base.endsWith(".cs")) return "csharp";
  if (base.endsWith(".php")) return "php";
  if (base === "pyproject.toml") return "pyproject";
  if (/requirements[\w.-]*\.(?:txt|in)$/.test(base)) return "requirements";
  return undefined;
}

/** The language a ruleset value implies (`java/all` is Java); Python for anything else. */
export function languageOfRuleset(ruleset: string | undefined): PlaygroundLanguage | undefined {
  const prefix = ruleset?.split("/", 1)[0]?.toLowerCase();
  return prefix === "java" || prefix === "csharp" || prefix === "php" ? prefix : undefined;
}
