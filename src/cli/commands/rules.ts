import { ARTIFACT_RULES } from "../../artifacts/rules.js";
import { parseFlags } from "../parse.js";
import type { RuleMeta } from "../../core/types.js";
import { fixStepsOf, implicationsOf } from "../../core/rule-docs.js";
import { splitRulesets } from "../../project/artifacts.js";
import { painter, SEVERITY_STYLES, type Painter } from "../../report/terminal.js";
import { JAVA_STREAM_GADGET_RULE } from "../../artifacts/java/index.js";
import { languageRuleMeta } from "../../rules/language-rule.js";
import { LANGUAGE_BUNDLE_DESCRIPTIONS, LANGUAGE_RULES, LANGUAGES, languageBundles, languageRuleMetas, splitLanguageRulesets } from "../../rules/languages.js";
import { BUNDLE_DESCRIPTIONS, closest, PYTHON_RULES, pythonBundles, resolveRulesets, ruleMeta } from "../../rules/registry.js";
import { CliUsageError, type CliIo, type Command } from "../command.js";
import { useColor } from "../terminal.js";
import { parseFormat } from "./scan.js";
import { SUMMARIES } from "./summaries.js";

const FLAGS = {
  bundle: { type: "string", short: "b", multiple: true },
  output: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} as const;

const USAGE = `Usage: pathfinder rules list [--bundle B ...] [--output text|json]
       pathfinder rules show RULE-ID [--output text|json]

Lists the rules, or shows everything about one rule: what it detects, why it matters, vulnerable and safe
examples, how to fix, detection scope, compliance mappings, references, FAQ and similar rules.

Options:
  -b, --bundle B       list: only rules of bundle B; repeatable. python/lang, python/deserialization, python/ml,
                       python/all, python/<RULE-ID> (the "python/" prefix is optional), artifact/all
                       (rules for model and data files) or artifact/<PICKLE-ARTIFACT-ID>, java/all, csharp/all,
                       php/all (or <language>/<RULE-ID>)
  -o, --output FORMAT  text (default) or json (full metadata, including the documentation)
  -h, --help           Show this help

Exit codes: 0 success, 2 unknown rule, bundle or option.

Examples:
  pathfinder rules list
  pathfinder rules list --bundle python/ml --output json
  pathfinder rules show PYTHON-LANG-SEC-040
  pathfinder rules show PICKLE-ARTIFACT-001`;

export const rulesCommand: Command = {
  name: "rules",
  summary: SUMMARIES.rules,
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags("rules", argv, FLAGS);
    const [action, ...rest] = positionals;
    if (values.help || action === "help") {
      io.stdout.write(USAGE + "\n");
      return 0;
    }
    const format = parseFormat(values.output, ["text", "json"] as const);
    if (action === "list") {
      if (rest.length) throw new CliUsageError(`rules list takes no arguments (got "${rest[0]}"); filter with --bundle`);
      io.stdout.write(listRules(values.bundle ?? [], format, io));
      return 0;
    }
    if (action === "show") {
      if (values.bundle) throw new CliUsageError("--bundle only applies to rules list");
      if (rest.length !== 1) throw new CliUsageError("rules show needs exactly one rule ID, e.g. pathfinder rules show PYTHON-LANG-SEC-040");
      const rule = findRuleMeta(rest[0]);
      io.stdout.write(format === "json" ? JSON.stringify(rule, null, 2) + "\n" : showRule(rule, textStyle(io)));
      return 0;
    }
    if (action === undefined) throw new CliUsageError("missing subcommand: list or show");
    const suggestion = closest(action, ["list", "show"]);
    throw new CliUsageError(`unknown subcommand "${action}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (use list or show)`);
  },
};

/** Every rule's metadata: Python rules, then artifact rules, each in ID order. */
function allRules(): RuleMeta[] {
  return [...PYTHON_RULES.map(ruleMeta), ...ARTIFACT_RULES, ...languageRuleMetas()];
}

/** Python rules, then the model/data file (artifact) rules. */
function everyRule(): RuleMeta[] {
  return [...allRules(), ...ARTIFACT_RULES];
}

function findRuleMeta(input: string): RuleMeta {
  const id = input.trim().replace(/^(python|artifact|java|csharp|php)\//i, "");
  const rule = allRules().find((r) => r.id.toUpperCase() === id.toUpperCase());
  if (rule) return rule;
  const suggestion = closest(id, everyRule().map((r) => r.id));
  throw new CliUsageError(`unknown rule "${input}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (see: pathfinder rules list)`);
}

/** The rules `--bundle` values select, with the same names `scan --ruleset` accepts. */
function selectRules(bundles: string[]): RuleMeta[] {
  if (!bundles.length) return allRules();
  const languages = splitLanguageRulesets(bundles);
  if ("error" in languages) throw new CliUsageError(languages.error);
  const other = [...languages.rules.map(languageRuleMeta), ...(languages.javaStreams ? [JAVA_STREAM_GADGET_RULE] : [])];
  if (!languages.rest.length) return other;
  const split = splitRulesets(languages.rest);
  if ("error" in split) throw new CliUsageError(split.error);
  let python: RuleMeta[] = [];
  if (split.python.length) {
    const resolution = resolveRulesets(split.python);
    if (!resolution.ok) throw new CliUsageError(resolution.error);
    python = resolution.rules.map(ruleMeta);
  }
  return [...python, ...split.artifactRules, ...other];
}

interface BundleInfo {
  name: string;
  description: string;
  rules: string[];
}

function bundleInfo(): BundleInfo[] {
  const python = pythonBundles().map((b) => ({
    name: `python/${b}`,
    description: BUNDLE_DESCRIPTIONS[b] ?? "",
    rules: PYTHON_RULES.filter((r) => b === "all" || r.bundles.includes(b)).map((r) => r.id),
  }));
  const artifacts = { name: "artifact/all", description: "model and data files: pickle-bearing (.pkl, .pt, .joblib, .npy, ...) and Keras (.keras, .h5)", rules: ARTIFACT_RULES.map((r) => r.id) };
  const other = LANGUAGES.flatMap((l) =>
    languageBundles(l.id).map((b) => ({
      name: `${l.id}/${b}`,
      description: `${l.name}: ${LANGUAGE_BUNDLE_DESCRIPTIONS[b] ?? b}`,
      rules: LANGUAGE_RULES.filter((r) => r.language === l.id && (b === "all" || r.bundles.includes(b))).map((r) => r.id),
    })),
  );
  return [...python, artifacts, ...other];
}

function listRules(bundles: string[], format: "text" | "json", io: CliIo): string {
  const rules = selectRules(bundles);
  if (format === "json") return JSON.stringify({ rules, bundles: bundleInfo() }, null, 2) + "\n";
  const p = painter(useColor(io.stdout, io.env));
  const header = ["ID", "SEVERITY", "NAME", "BUNDLES"];
  const rows = rules.map((r) => [r.id, r.severity, r.name, r.bundles.map((b) => `${r.language}/${b}`).join(", ")]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[], style: (cell: string, i: number) => string) =>
    cells.map((c, i) => (i === cells.length - 1 ? style(c, i) : style(c, i) + " ".repeat(widths[i] - c.length))).join("  ").trimEnd();
  const out = [line(header, (c) => p.paint(c, "bold"))];
  for (const row of rows) out.push(line(row, (c, i) => (i === 1 ? p.paint(c, ...SEVERITY_STYLES[row[1] as RuleMeta["severity"]]) : c)));
  const counts = bundleInfo().map((b) => `${b.name} (${b.rules.length})`);
  out.push(
    "",
    `${rules.length} rule${rules.length === 1 ? "" : "s"}. Bundles: ${counts.join(", ")}.`,
    "Details: pathfinder rules show <RULE-ID>. Run a bundle: pathfinder scan --ruleset <bundle>.",
  );
  return out.join("\n") + "\n";
}

interface TextStyle {
  color: boolean;
  p: Painter;
  width: number;
}

function textStyle(io: CliIo): TextStyle {
  const columns = (io.stdout as { columns?: number }).columns;
  const color = useColor(io.stdout, io.env);
  return { color, p: painter(color), width: Math.max(40, Math.min(columns ?? 100, 100)) };
}

/** The full rule page for a terminal. */
function showRule(rule: RuleMeta, style: TextStyle): string {
  const { p } = style;
  const d = rule.docs;
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (!lines.length) return;
    out.push("", p.paint(title, "bold", "cyan"), ...lines);
  };
  const prose = (text: string) => paragraphs(text, style, 2);

  out.push(p.paint(`${rule.id}: ${rule.name}`, "bold"), "");
  const facts: [string, string][] = [
    ["Severity", p.paint(rule.severity, ...SEVERITY_STYLES[rule.severity])],
    ["Confidence", rule.confidence],
    ["Precision", rule.precision],
    ["CWE", rule.cwe.join(", ")],
    ["OWASP", rule.owasp.join(", ")],
    ["Bundles", [...rule.bundles, "all"].map((b) => `${rule.language}/${b}`).join(", ")],
    ["Tags", rule.tags.join(", ")],
    ["Bandit", rule.banditIds.join(", ")],
    ["Run it", `pathfinder scan --ruleset ${rule.language}/${rule.id}`],
    ["Suppress", rule.language === "artifact" ? `disable = ["${rule.id}"] in pathfinder.toml` : `${rule.language === "python" ? "#" : "//"} pathfinder: ignore[${rule.id}]`],
  ];
  for (const [label, value] of facts) if (value) out.push(`  ${p.paint(label.padEnd(12), "dim")}${value}`);
  out.push("", ...prose(d.summary));

  section("Description", prose(d.description));
  const implications = implicationsOf(d);
  section("Security implications", [
    ...prose(implications.summary),
    ...implications.scenarios.flatMap((s, i) => [
      ...(i || implications.summary.trim() ? [""] : []),
      p.paint(`  ${i + 1}. ${s.title.trim()}`, "bold"),
      ...paragraphs(s.text, style, 5),
    ]),
  ]);
  section("Vulnerable example", codeBlock(d.vulnerableExample, p, "red"));
  section("Safe example", codeBlock(d.safeExample, p, "green"));
  const fix = fixStepsOf(d);
  section("How to fix", [
    ...prose(fix.summary ?? ""),
    ...(fix.summary?.trim() && fix.steps.length ? [""] : []),
    ...fix.steps.flatMap((step, i) => wrap(step.trim(), style, 5, `  ${`${i + 1}.`.padEnd(3)}`)),
  ]);
  section("Detection scope", prose(d.detectionScope));
  section("Compliance", rule.compliance.flatMap((c) => wrap(`${c.framework}: ${c.control}`, style, 4, "  - ")));
  section("References", rule.docs.references.flatMap((r) => [...wrap(r.title, style, 4, "  - "), `    ${p.paint(r.url, "blue")}`]));
  section(
    "FAQ",
    d.faq.flatMap((f, i) => [...(i ? [""] : []), ...wrap(f.question, style, 4, "  Q ").map((l) => p.paint(l, "bold")), ...wrap(f.answer, style, 4, "  A ")]),
  );
  const known = new Map(allRules().map((r) => [r.id, r.name]));
  section("Similar rules", rule.similar.map((id) => `  ${id}${known.has(id) ? `  ${known.get(id)}` : ""}`));
  return out.join("\n") + "\n";
}

function codeBlock(code: string, p: Painter, color: "red" | "green"): string[] {
  return code.replace(/\s+$/, "").split(/\r?\n/).map((l) => (l ? `    ${p.paint(l, color)}` : ""));
}

function paragraphs(text: string, style: TextStyle, indent: number): string[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .flatMap((para, i) => [...(i ? [""] : []), ...wrap(para, style, indent)]);
}

/**
 * Word-wraps `text` to the style's width. A `code span` counts as one word (it is never broken, even when it
 * holds spaces), and is highlighted after wrapping so escape codes do not count towards the width.
 */
function wrap(text: string, style: TextStyle, indent: number, firstPrefix?: string): string[] {
  const words = text.match(/(?:`[^`]*`|[^\s`])+|`/g) ?? [];
  const lines: string[] = [];
  let current = "";
  const prefix = (n: number) => (n === 0 && firstPrefix !== undefined ? firstPrefix : " ".repeat(indent));
  for (const word of words) {
    const room = style.width - prefix(lines.length).length;
    if (current && current.length + 1 + word.length > room) {
      lines.push(prefix(lines.length) + current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(prefix(lines.length) + current);
  return lines.map((l) => highlightCode(l, style));
}

function highlightCode(line: string, style: TextStyle): string {
  return style.color ? line.replace(/`([^`]+)`/g, (_, code: string) => style.p.paint(code, "cyan")) : line;
}
