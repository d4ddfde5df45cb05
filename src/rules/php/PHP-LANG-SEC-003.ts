import { ancestor, childByField } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { phpRule, spelled, type PhpMatch } from "./meta.js";

const YAML = "Symfony\\Component\\Yaml\\Yaml";

/** The flag is passed to a Symfony YAML parse call (`Yaml::parse`, `Yaml::parseFile`, `Parser->parse`). */
function check(m: PhpMatch): LanguageOutcome | null {
  const call = ancestor(m.site.node, "scoped_call_expression", "member_call_expression", "nullsafe_member_call_expression", "function_call_expression");
  const name = call && childByField(call, "name");
  if (!name || !/^parse(File)?$/i.test(m.model.text(name))) return null;
  return {};
}

export default phpRule({
  id: "PHP-LANG-SEC-003",
  name: "Symfony Yaml::parse With PARSE_OBJECT",
  tags: ["yaml", "symfony", "pop-chain"],
  similar: ["PHP-LANG-SEC-004", "PHP-LANG-SEC-001"],
  prefilter: ["PARSE_OBJECT"],
  sinks: [
    {
      targets: [`${YAML}::PARSE_OBJECT`],
      kinds: ["reference"],
      check,
      message: (m) => `${spelled(m)} makes Symfony YAML \`unserialize()\` every \`!php/object\` tag: YAML from outside then builds arbitrary objects whose magic methods form POP chains. Parse without the flag.`,
    },
  ],
  docs: {
    summary: "Detects Symfony YAML parsing with `Yaml::PARSE_OBJECT`, which unserializes `!php/object` tags.",
    description:
      "With `PARSE_OBJECT`, the Symfony YAML parser passes the payload of each `!php/object:` tag to " +
      "`unserialize()`, with all the POP-chain consequences of PHP-LANG-SEC-001. The rule reports the flag (alone " +
      "or combined with others) when it is passed to `Yaml::parse`, `Yaml::parseFile` or `Parser::parse`.",
    securityImplications: "Whoever controls the YAML (uploaded configuration, imported content) can run code on the server.",
    howToFix: "Parse without `PARSE_OBJECT`; `PARSE_OBJECT_FOR_MAP` (maps to `stdClass`) is safe. Build objects from the parsed arrays yourself.",
    fixHint: "Drop Yaml::PARSE_OBJECT from the flags.",
    vulnerableExample: ["<?php", "use Symfony\\Component\\Yaml\\Yaml;", "$config = Yaml::parse($upload, Yaml::PARSE_OBJECT);"].join("\n"),
    safeExample: ["<?php", "use Symfony\\Component\\Yaml\\Yaml;", "$config = Yaml::parse($upload, Yaml::PARSE_OBJECT_FOR_MAP);"].join("\n"),
    detectionScope: "`Symfony\\Component\\Yaml\\Yaml::PARSE_OBJECT` (resolved through `use` imports and aliases) inside the arguments of a `parse`/`parseFile` call.",
    references: [
      { title: "Symfony: The Yaml Component (object parsing)", url: "https://symfony.com/doc/current/components/yaml.html#parsing-and-dumping-objects" },
      { title: "phpggc: PHP generic gadget chains", url: "https://github.com/ambionics/phpggc" },
    ],
    faq: [{ question: "Is `PARSE_OBJECT_FOR_MAP` reported?", answer: "No: it maps YAML mappings to `stdClass`, which runs no code." }],
  },
});
