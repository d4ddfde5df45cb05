import { childByField, type Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { phpRule, spelled, type PhpMatch } from "./meta.js";

const ADVICE = "Use `json_decode`, or pass `['allowed_classes' => false]` (or a list of your own classes).";

/** The value given for `allowed_classes` in an array literal, or undefined when the array has none. */
function allowedClasses(m: PhpMatch, options: Node): Node | undefined | "unknown" {
  if (options.type !== "array_creation_expression") return "unknown";
  for (const el of options.children) {
    if (el.type !== "array_element_initializer" || el.children.length < 2) continue;
    const key = el.children[0];
    if (m.model.stringValue(key) === "allowed_classes") return el.children[1];
  }
  return undefined;
}

/**
 * Whether `allowed_classes` is a parameter of the enclosing function, alone or as a branch of a conditional whose
 * other branch is `false` or an array: a wrapper whose callers choose the class list.
 */
function fromCaller(m: PhpMatch, value: Node): boolean {
  const branches = value.type === "conditional_expression" ? value.children.slice(1) : [value];
  let parameter = false;
  for (const b of branches) {
    if (b.type === "variable_name" && m.site.fn && m.model.flow.isParameter?.(m.model.text(b).slice(1), m.site.fn)) parameter = true;
    else if (m.model.text(b).trim().toLowerCase() !== "false" && b.type !== "array_creation_expression") return false;
  }
  return parameter;
}

function check(m: PhpMatch): LanguageOutcome | null {
  let options = m.site.namedArgs.get("options") ?? m.site.args[1];
  if (options?.type === "variable_name" && m.site.fn) {
    const name = m.model.text(options).slice(1);
    const assigned = m.model.assignmentsIn(m.site.fn).filter((a) => a.name === name && a.node.start < m.site.node.start).pop();
    if (assigned) options = assigned.value;
  }
  if (!options) return {};
  const allowed = allowedClasses(m, options);
  if (allowed === "unknown") return { confidence: "medium", message: `${spelled(m)} with options the analysis cannot read: unless \`allowed_classes\` is \`false\` or a list of your classes, the data can create objects whose magic methods form POP chains. ${ADVICE}` };
  if (!allowed) return {};
  const value = m.model.text(allowed).trim().toLowerCase();
  if (value === "false" || allowed.type === "array_creation_expression") return null;
  if (fromCaller(m, allowed)) {
    return { severity: "low", confidence: "medium", message: `${spelled(m)} with \`allowed_classes\` taken from a parameter (a wrapper such as \`safe_unserialize($s, $classes = [])\`): safe as long as no caller passes \`true\`. Review the callers. ${ADVICE}` };
  }
  if (value === "true") return { message: `${spelled(m)} with \`'allowed_classes' => true\` creates any class the data names: magic methods (\`__wakeup\`, \`__destruct\`, \`__toString\`) form POP chains (phpggc) that run code. ${ADVICE}` };
  return { confidence: "medium", message: `${spelled(m)} with an \`allowed_classes\` value the analysis cannot evaluate. ${ADVICE}` };
}

export default phpRule({
  id: "PHP-LANG-SEC-001",
  name: "PHP unserialize Without allowed_classes",
  tags: ["unserialize", "pop-chain", "phpggc", "rce"],
  similar: ["PHP-LANG-SEC-002"],
  prefilter: ["unserialize"],
  sinks: [
    {
      targets: ["unserialize"],
      kinds: ["call"],
      dataArgs: [0],
      check,
      message: (m) => `${spelled(m)} creates objects of any class the data names: magic methods (\`__wakeup\`, \`__destruct\`, \`__toString\`) of classes in the application and its libraries form POP chains (phpggc: Laravel, Symfony, Monolog, Guzzle, ...) that run code. ${ADVICE}`,
    },
    {
      // WordPress's wrapper: `unserialize()` without options on anything that looks serialized. Its callers pass
      // options and metadata from the database all the time, so only request data makes it a finding.
      targets: ["maybe_unserialize"],
      kinds: ["call"],
      dataArgs: [0],
      requiresUntrusted: true,
      message: (m) => `${spelled(m)} (WordPress) calls \`unserialize()\` without \`allowed_classes\` on any string that looks serialized: request data can name classes whose magic methods form POP chains (many WordPress plugin CVEs). Decode request data with \`json_decode\`.`,
    },
  ],
  docs: {
    summary: "Detects `unserialize()` without `['allowed_classes' => false]` (or an explicit class list).",
    description:
      "`unserialize` instantiates any class named in the data and later calls its magic methods. Chains of such " +
      "methods in frameworks and libraries (property-oriented programming, catalogued by phpggc) turn that into " +
      "file writes and code execution; WordPress, Joomla, Magento, Laravel and many others have shipped CVEs from " +
      "it. The rule resolves the call to PHP's global `unserialize` (namespaces, `use function`, functions defined " +
      "in the file, leading backslash) and reads the `options` argument (positional or named, inline or from a " +
      "variable in the same function).",
    securityImplications: "Whoever controls the serialized string (a cookie, a form field, a cache or database value) can run code on the server.",
    howToFix: "Exchange data with `json_decode`. Where `unserialize` must stay, pass `['allowed_classes' => false]` or a list of the exact classes expected, and sign the data with `hash_hmac` before trusting it.",
    fixHint: "Use json_decode, or unserialize($data, ['allowed_classes' => false]).",
    vulnerableExample: ["<?php", "$cart = unserialize(base64_decode($_COOKIE['cart']));"].join("\n"),
    safeExample: ["<?php", "$cart = json_decode($_COOKIE['cart'], true, 16, JSON_THROW_ON_ERROR);", "$legacy = unserialize($blob, ['allowed_classes' => false]);"].join("\n"),
    detectionScope:
      "Calls of the global `unserialize` (not methods named `unserialize`, not a namespaced function of the same " +
      "name defined in the file). Not reported: `allowed_classes` set to `false` or to an array. Medium confidence: " +
      "options the analysis cannot read. Critical with a trace when superglobals, `php://input` or a framework (Laravel, Symfony, PSR-7, CodeIgniter, Joomla) " +
      "request's getters reach the data in the same function or script. WordPress's `maybe_unserialize()` is " +
      "reported when request data reaches it (database values pass through it everywhere).",
    references: [
      { title: "PHP manual: unserialize (warning and allowed_classes)", url: "https://www.php.net/manual/en/function.unserialize.php" },
      { title: "phpggc: PHP generic gadget chains", url: "https://github.com/ambionics/phpggc" },
      { title: "OWASP: PHP Object Injection", url: "https://owasp.org/www-community/vulnerabilities/PHP_Object_Injection" },
    ],
    faq: [{ question: "Is `allowed_classes => [MyDto::class]` safe?", answer: "It limits objects to the listed classes; it is not reported. Make sure those classes have no dangerous magic methods." }],
  },
});
