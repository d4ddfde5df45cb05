// `pathfinder rules list` and `pathfinder rules show`, run as a user runs them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ARTIFACT_RULES } from "../src/artifacts/rules.js";
import { LANGUAGE_RULES } from "../src/index.js";
import type { FixSteps, SecurityImplications } from "../src/core/types.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { PYTHON_RULE_CATALOG } from "../src/rules/python-catalog.js";
import { LANGUAGE_EXTENSIONS, LANGUAGE_RULE_CATALOG } from "../src/rules/language-catalog.js";
import { LANGUAGES } from "../src/rules/languages.js";
import { runCli, runMain } from "./data/config/cli.js";

const ESC = "\u001b[";
const MODEL_RULE = PYTHON_RULES.find((r) => r.id === "PYTHON-LANG-SEC-040")!;

/** Rule IDs in a `rules list` table (first column of the rows below the header). */
function listedIds(stdout: string): string[] {
  return stdout
    .split("\n")
    .slice(1)
    .map((l) => l.split(/\s+/)[0])
    .filter((id) => /^(PYTHON|PICKLE|KERAS|GGUF|ONNX|ARCHIVE|CONFIG|JAVA|CSHARP|PHP)-/.test(id));
}

describe("pathfinder rules list", () => {
  it("prints a table of every rule with severity, name and bundles", async () => {
    const run = await runCli(["rules", "list"]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split("\n");
    assert.match(lines[0], /^ID\s+SEVERITY\s+NAME\s+BUNDLES$/);
    assert.deepEqual(listedIds(run.stdout), [...PYTHON_RULES, ...ARTIFACT_RULES, ...LANGUAGE_RULES].map((r) => r.id).concat("JAVA-ARTIFACT-001"));
    assert.match(lines.find((l) => l.startsWith("PICKLE-ARTIFACT-001 "))!, /^PICKLE-ARTIFACT-001\s+critical\s+.*\s+artifact\/artifacts$/);
    const row = lines.find((l) => l.startsWith("PYTHON-LANG-SEC-040 "))!;
    assert.match(row, /^PYTHON-LANG-SEC-040\s+high\s+Pickle Deserialization of Untrusted Data\s+python\/lang, python\/deserialization$/);
    assert.ok(!run.stdout.includes(ESC), "no colour when stdout is not a terminal");
    const total = PYTHON_RULES.length + ARTIFACT_RULES.length + LANGUAGE_RULES.length + 1;
    assert.match(run.stdout, new RegExp(`${total} rules\\. Bundles: python/all \\(${PYTHON_RULES.length}\\), .*artifact/all \\(${ARTIFACT_RULES.length}\\), java/all \\(\\d+\\), .*php/lang \\(\\d+\\)\\.`));
  });

  it("filters by bundle, with or without the python/ prefix, and by single rule", async () => {
    const ml = PYTHON_RULES.filter((r) => r.bundles.includes("ml")).map((r) => r.id);
    assert.ok(ml.length > 0);
    for (const spelling of ["python/ml", "ml"]) {
      const run = await runMain(["rules", "list", "--bundle", spelling]);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(listedIds(run.stdout), ml);
    }
    const lang = PYTHON_RULES.filter((r) => r.bundles.includes("lang")).map((r) => r.id);
    const both = await runMain(["rules", "list", "-b", "python/lang", "-b", "python/ml"]);
    assert.deepEqual(listedIds(both.stdout), [...lang, ...ml].sort());
    const one = await runMain(["rules", "list", "--bundle", "python/PYTHON-LANG-SEC-040"]);
    assert.deepEqual(listedIds(one.stdout), ["PYTHON-LANG-SEC-040"]);
    const artifacts = await runMain(["rules", "list", "--bundle", "artifact/all", "--bundle", "python/PYTHON-ML-SEC-001"]);
    assert.deepEqual(listedIds(artifacts.stdout), ["PYTHON-ML-SEC-001", ...ARTIFACT_RULES.map((r) => r.id).sort(), "JAVA-ARTIFACT-001"]);
  });

  it("gives full metadata including docs as JSON", async () => {
    const run = await runMain(["rules", "list", "--output", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const data = JSON.parse(run.stdout) as { rules: Record<string, unknown>[]; bundles: { name: string; rules: string[] }[] };
    assert.deepEqual(data.rules.map((r) => r.id), [...PYTHON_RULES, ...ARTIFACT_RULES, ...LANGUAGE_RULES].map((r) => r.id).concat("JAVA-ARTIFACT-001"));
    const model = data.rules.find((r) => r.id === "PYTHON-LANG-SEC-040")!;
    const { prefilter: _p, sinks: _s, ...expected } = MODEL_RULE;
    assert.deepEqual(model, JSON.parse(JSON.stringify(expected)));
    assert.equal("sinks" in model || "prefilter" in model, false);
    const names = data.bundles.map((b) => b.name);
    for (const b of ["python/all", "python/deserialization", "python/lang", "python/ml", "artifact/all"]) assert.ok(names.includes(b), b);
    assert.deepEqual(data.bundles.find((b) => b.name === "python/all")!.rules, PYTHON_RULES.map((r) => r.id));
    for (const language of ["java", "csharp", "php"]) {
      const own = LANGUAGE_RULES.filter((r) => r.language === language).map((r) => r.id);
      assert.ok(own.length > 0, language);
      assert.deepEqual(data.bundles.find((b) => b.name === `${language}/all`)!.rules, own);
    }
  });

  it("lists and shows the Java, C# and PHP rules with their own suppression comment", async () => {
    const run = await runMain(["rules", "list", "--bundle", "csharp/all", "--bundle", "JAVA-LANG-SEC-001"]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(listedIds(run.stdout), [...LANGUAGE_RULES.filter((r) => r.language === "csharp"), LANGUAGE_RULES.find((r) => r.id === "JAVA-LANG-SEC-001")!].map((r) => r.id).sort());
    const show = await runMain(["rules", "show", "php/php-lang-sec-001"]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /PHP-LANG-SEC-001: PHP unserialize Without allowed_classes/);
    assert.match(show.stdout, /Suppress\s+\/\/ pathfinder: ignore\[PHP-LANG-SEC-001\]/);
    assert.match(show.stdout, /CWE-502/);
    const unknown = await runMain(["rules", "list", "--bundle", "java/nope"]);
    assert.equal(unknown.code, 2);
  });

  it("rejects an unknown bundle with exit code 2 and a suggestion", async () => {
    const run = await runCli(["rules", "list", "--bundle", "python/lng"]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /unknown ruleset "python\/lng"; did you mean "python\/lang"\?/);
  });

  it("rejects an unknown subcommand and a missing one with exit code 2", async () => {
    const unknown = await runMain(["rules", "lsit"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown subcommand "lsit"; did you mean "list"\?/);
    const missing = await runMain(["rules"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing subcommand/);
  });
});

describe("pathfinder rules show", () => {
  it("prints the whole rule page", async () => {
    const run = await runCli(["rules", "show", "PYTHON-LANG-SEC-040"]);
    assert.equal(run.code, 0, run.stderr);
    const out = run.stdout;
    assert.ok(out.startsWith("PYTHON-LANG-SEC-040: Pickle Deserialization of Untrusted Data\n"));
    const titles = [
      "Description",
      "Security implications",
      "Vulnerable example",
      "Safe example",
      "How to fix",
      "Detection scope",
      "Compliance",
      "References",
      "FAQ",
      "Similar rules",
    ];
    const positions = titles.map((t) => out.indexOf(`\n${t}\n`));
    assert.ok(positions.every((p) => p > 0), `missing sections: ${titles.filter((_, i) => positions[i] < 0).join(", ")}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, "sections in order");
    for (const line of MODEL_RULE.docs.vulnerableExample.split("\n").filter(Boolean)) assert.ok(out.includes(`    ${line}\n`), line);
    for (const line of MODEL_RULE.docs.safeExample.split("\n").filter(Boolean)) assert.ok(out.includes(`    ${line}\n`), line);
    for (const ref of MODEL_RULE.docs.references) assert.ok(out.includes(ref.url), ref.url);
    for (const c of MODEL_RULE.compliance) assert.ok(out.includes(`${c.framework}: ${c.control}`));
    for (const f of MODEL_RULE.docs.faq) assert.ok(out.includes(`Q ${f.question.split(" ").slice(0, 4).join(" ")}`), f.question);
    assert.match(out, /Severity {4}high\n/);
    assert.match(out, /CWE {9}CWE-502\n/);
    // Similar rules that exist are listed with their names.
    const similar = PYTHON_RULES.find((r) => MODEL_RULE.similar.includes(r.id))!;
    assert.ok(out.includes(`  ${similar.id}  ${similar.name}\n`));
    assert.ok(!out.includes(ESC));
    assert.ok(out.split("\n").every((l) => l.length <= 100 || l.includes("http")), "prose is wrapped");
  });

  it("shows security implications as titled attack scenarios and the fix as numbered steps", async () => {
    const run = await runCli(["rules", "show", "PYTHON-LANG-SEC-040"]);
    assert.equal(run.code, 0, run.stderr);
    const section = (title: string) => run.stdout.split(`\n${title}\n`)[1]!.split(/\n\n(?=[A-Z])/)[0]!;
    const implications = section("Security implications");
    const { scenarios } = MODEL_RULE.docs.securityImplications as SecurityImplications;
    assert.ok(scenarios.length >= 4);
    scenarios.forEach((s, i) => assert.ok(implications.includes(`\n  ${i + 1}. ${s.title}\n     ${s.text.split(" ")[0]}`), s.title));
    for (const title of ["cache, queue or session store", "model file", "network peer", "compromised internal service"]) {
      assert.match(implications, new RegExp(`^  \\d\\. .*${title}`, "m"), title);
    }
    const fix = section("How to fix");
    const { steps } = MODEL_RULE.docs.howToFix as FixSteps;
    assert.ok(steps.length >= 3);
    assert.deepEqual(fix.match(/^ {2}\d+\. /gm)?.map((m) => m.trim()), steps.map((_, i) => `${i + 1}.`));
    // The FAQ answers the questions users ask about pickle.
    const faq = run.stdout.split("\nFAQ\n")[1]!;
    for (const topic of [/restrict|find_class/i, /own cache|our own/i, /HMAC/, /joblib/, /weights_only/, /instead of pickle/]) {
      assert.match(faq, new RegExp(`^  Q .*${topic.source}`, topic.flags + "m"), topic.source);
    }
  });

  it("renders rules whose implications and fix are plain prose as paragraphs, without numbering", async () => {
    const prose = LANGUAGE_RULES.find((r) => typeof r.docs.securityImplications === "string" && typeof r.docs.howToFix === "string")!;
    const run = await runCli(["rules", "show", prose.id]);
    assert.equal(run.code, 0, run.stderr);
    const fix = run.stdout.split("\nHow to fix\n")[1]!.split(/\n\n(?=[A-Z])/)[0]!;
    assert.doesNotMatch(fix, /^ {2}\d+\. /m);
    assert.ok(fix.replace(/\s+/g, " ").includes((prose.docs.howToFix as string).split(" ").slice(0, 4).join(" ")));
  });

  it("shows every registered rule, artifact rules too, accepting language/ID and any case", async () => {
    for (const rule of [...PYTHON_RULES, ...ARTIFACT_RULES, ...LANGUAGE_RULES]) {
      const run = await runMain(["rules", "show", `${rule.language}/${rule.id.toLowerCase()}`]);
      assert.equal(run.code, 0, `${rule.id}: ${run.stderr}`);
      assert.ok(run.stdout.startsWith(`${rule.id}: ${rule.name}\n`));
      assert.equal(run.stdout.includes("# pathfinder: ignore"), rule.language === "python", "inline suppression only for source rules");
      assert.equal(run.stdout.includes("// pathfinder: ignore"), rule.language !== "python" && rule.language !== "artifact");
    }
  });

  it("gives the rule's metadata as JSON", async () => {
    const run = await runMain(["rules", "show", "PYTHON-LANG-SEC-040", "-o", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const rule = JSON.parse(run.stdout);
    assert.equal(rule.id, "PYTHON-LANG-SEC-040");
    assert.deepEqual(rule.docs.howToFix, MODEL_RULE.docs.howToFix);
  });

  it("uses colour only when asked for and never with NO_COLOR", async () => {
    const forced = await runCli(["rules", "show", "PYTHON-LANG-SEC-040"], { env: { FORCE_COLOR: "1" } });
    assert.ok(forced.stdout.includes(`${ESC}1m`), "bold title");
    assert.ok(forced.stdout.includes(`${ESC}36mpickle.loads${ESC}39m`), "inline code highlighted without backticks");
    const list = await runMain(["rules", "list"], { env: { FORCE_COLOR: "1" } });
    assert.ok(list.stdout.includes(`${ESC}1m${ESC}31mhigh`), "severity coloured");
    for (const args of [["rules", "show", "PYTHON-LANG-SEC-040"], ["rules", "list"]]) {
      const plain = await runMain(args, { env: { FORCE_COLOR: "1", NO_COLOR: "1" } });
      assert.ok(!plain.stdout.includes(ESC), `${args.join(" ")} with NO_COLOR`);
    }
  });

  it("rejects an unknown rule with exit code 2 and a suggestion", async () => {
    const run = await runCli(["rules", "show", "PYTHON-LANG-SEC-04"]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /unknown rule "PYTHON-LANG-SEC-04"; did you mean "PYTHON-LANG-SEC-040"\?/);
    const none = await runMain(["rules", "show"]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /exactly one rule ID/);
  });
});

describe("help texts", () => {
  it("lists the rules command and documents its subcommands", async () => {
    const top = await runMain(["--help"]);
    assert.match(top.stdout, /\n {2}rules +List the rules or show one rule's documentation\n/);
    const help = await runMain(["rules", "--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /pathfinder rules list \[--bundle B \.\.\.\]/);
    assert.match(help.stdout, /pathfinder rules show RULE-ID/);
    const scan = await runMain(["scan", "--help"]);
    for (const flag of ["--config FILE", "--no-config", "--fix", "--dry-run", "extra-sinks"]) assert.ok(scan.stdout.includes(flag), flag);
  });
});

describe("the rules' catalogs (what choosing rules reads before any rule is loaded)", () => {
  it("says of every registered rule, in the registry's order, what the rule itself says", () => {
    const fromRules = PYTHON_RULES.map((r) => ({ id: r.id, bundles: [...r.bundles], judgesTrust: r.judgeTrust !== undefined, flow: r.withFlowSpecs !== undefined }));
    const fromCatalog = PYTHON_RULE_CATALOG.map((r) => ({ id: r.id, bundles: [...r.bundles], judgesTrust: r.judgesTrust === true, flow: r.flow === true }));
    assert.deepEqual(fromCatalog, fromRules);
  });

  it("says of every Java, C# and PHP rule and language what they say themselves", () => {
    assert.deepEqual(LANGUAGE_RULE_CATALOG.map((r) => ({ id: r.id, language: r.language, bundles: [...r.bundles] })), LANGUAGE_RULES.map((r) => ({ id: r.id, language: r.language, bundles: [...r.bundles] })));
    assert.deepEqual(LANGUAGE_EXTENSIONS.map((l) => ({ id: l.id, extensions: [...l.extensions] })), LANGUAGES.map((l) => ({ id: l.id, extensions: [...l.extensions] })));
  });
});
