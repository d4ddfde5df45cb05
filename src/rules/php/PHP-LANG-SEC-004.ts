import type { LanguageOutcome } from "../language-rule.js";
import { phpRule, spelled, type PhpMatch } from "./meta.js";

/** yaml_parse*($input, $pos, &$ndocs, $callbacks): a non-empty callbacks map. */
function checkCallbacks(m: PhpMatch): LanguageOutcome | null {
  const callbacks = m.site.namedArgs.get("callbacks") ?? m.site.args[3];
  if (!callbacks) return null;
  const text = m.model.text(callbacks).replace(/\s+/g, "");
  if (/^(\[\]|array\(\)|null)$/i.test(text)) return null;
  return {};
}

/** ini_set('yaml.decode_php', on): `!php/object` tags are unserialized. */
function checkIni(m: PhpMatch): LanguageOutcome | null {
  const [key, value] = m.site.args;
  if (!key || !value || !/^["']yaml\.decode_php["']$/.test(m.model.text(key))) return null;
  return /^(["']?(0|off|false|no)?["']?|false|null)$/i.test(m.model.text(value).trim()) ? null : {};
}

export default phpRule({
  id: "PHP-LANG-SEC-004",
  name: "PECL yaml_parse With Callbacks or PHP Object Decoding",
  severity: "medium",
  tags: ["yaml", "pecl-yaml", "callbacks"],
  similar: ["PHP-LANG-SEC-003", "PHP-LANG-SEC-001"],
  prefilter: ["yaml_parse", "yaml.decode_php"],
  sinks: [
    {
      targets: ["yaml_parse", "yaml_parse_file", "yaml_parse_url"],
      kinds: ["call"],
      dataArgs: [0],
      check: checkCallbacks,
      message: (m) => `${spelled(m)} with tag callbacks: YAML from outside chooses which callback runs on which value; make sure no callback instantiates classes or calls functions named in the data.`,
    },
    {
      targets: ["ini_set"],
      kinds: ["call"],
      dataArgs: [],
      check: (m) => (checkIni(m) ? { severity: "high" } : null),
      message: () => "`yaml.decode_php` on makes `yaml_parse` `unserialize()` every `!php/object` tag: YAML from outside builds arbitrary objects whose magic methods form POP chains. Keep it off.",
    },
  ],
  docs: {
    summary: "Detects PECL `yaml_parse`/`yaml_parse_file`/`yaml_parse_url` with tag callbacks, and `yaml.decode_php` turned on (which unserializes `!php/object` tags).",
    description:
      "The PECL yaml extension calls a user callback for each tag listed in `$callbacks`; YAML from outside decides " +
      "which values reach which callback, so callbacks that create objects or call functions by name become " +
      "injection points. With the `yaml.decode_php` setting on, `!php/object` tags are passed to `unserialize()`, " +
      "with the POP-chain risk of PHP-LANG-SEC-001.",
    securityImplications: "Depending on the callbacks: object injection or code execution for whoever controls the YAML. With `yaml.decode_php`, POP chains.",
    howToFix: "Parse plain YAML without callbacks and validate the resulting arrays; keep `yaml.decode_php` off (the default).",
    fixHint: "Remove tag callbacks from yaml_parse and keep yaml.decode_php off.",
    vulnerableExample: ["<?php", "$doc = yaml_parse($body, 0, $n, ['!object' => fn($v) => new $v['class']($v)]);"].join("\n"),
    safeExample: ["<?php", "$doc = yaml_parse($body);", "$order = Order::fromArray($doc);"].join("\n"),
    detectionScope: "Calls of the global `yaml_parse*` functions with a non-empty fourth (or named `callbacks`) argument; `ini_set('yaml.decode_php', ...)` with a value other than off.",
    references: [
      { title: "PHP manual: yaml_parse", url: "https://www.php.net/manual/en/function.yaml-parse.php" },
      { title: "PHP manual: yaml configuration (yaml.decode_php)", url: "https://www.php.net/manual/en/yaml.configuration.php" },
    ],
    faq: [{ question: "Our callbacks only convert dates.", answer: "Then the finding can be suppressed with that justification; it is medium severity because the risk depends on what the callbacks do." }],
  },
});
