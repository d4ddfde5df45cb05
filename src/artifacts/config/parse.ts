// Config text (YAML or JSON) parsed as plain data: no tag is constructed, YAML aliases are shared rather than expanded
// (see yaml.ts), and text that does not parse is no config. Browser-safe.

/** Config text judged per member or metadata value (real model configs are a few kilobytes to a few hundred). */
export const MAX_CONFIG_TEXT = 4 * 1024 * 1024;

export async function parseConfigText(text: string): Promise<unknown> {
  const start = text.trimStart()[0];
  if (start === "{" || start === "[") {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // YAML is a superset of most JSON-looking text: fall through.
    }
  }
  // Loaded only when a config mentions `_target_`: most scans never need a YAML parser.
  const { parseYaml } = await import("./yaml.js");
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}
