// Writes docs/rules/<RULE-ID>.md for every rule from its metadata (the same source as `pathfinder rules show`, SARIF
// help and the web rule pages) and removes pages of rules that no longer exist. Run after `npx tsc -p tsconfig.json`
// (part of `npm run build`): node scripts/gen-rule-docs.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./bundle-node.mjs";

const { PYTHON_RULES } = await import(join(root, "build", "src", "rules", "registry.js"));
const { ARTIFACT_RULES } = await import(join(root, "build", "src", "artifacts", "rules.js"));
const { LANGUAGE_RULES } = await import(join(root, "build", "src", "rules", "languages.js"));
const { ruleDocPage, ruleDocsIndex } = await import(join(root, "build", "src", "report", "rule-doc-page.js"));

const dir = join(root, "docs", "rules");
mkdirSync(dir, { recursive: true });
const rules = [...PYTHON_RULES, ...ARTIFACT_RULES, ...LANGUAGE_RULES];
const wanted = new Set(rules.map((r) => `${r.id}.md`));
for (const file of readdirSync(dir)) if (file.endsWith(".md") && !wanted.has(file) && file !== "README.md") rmSync(join(dir, file));
for (const rule of rules) writeFileSync(join(dir, `${rule.id}.md`), ruleDocPage(rule));
writeFileSync(join(dir, "README.md"), ruleDocsIndex(rules));
console.error(`pathfinder: wrote ${rules.length} rule pages to docs/rules/`);
