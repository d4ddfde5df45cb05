// Where a rule's documentation lives. The pages are generated into the repository (docs/rules/<ID>.md, see
// scripts/gen-rule-docs.mjs), so the default link points at them on the project's home page; a self-hosted
// copy can be named with a docs base URL (`--docs-url`, PATHFINDER_DOCS_URL).

/** The default base: `<homepage>/blob/main/docs/rules/`, or undefined when there is no web home page. */
export function defaultDocsBase(informationUri: string | undefined): string | undefined {
  if (!informationUri || !/^https?:\/\/\S+$/.test(informationUri)) return undefined;
  return `${informationUri.replace(/\/+$/, "")}/blob/main/docs/rules/`;
}

/** The page for `ruleId` under `docsBase` (a URL ending in `/`, or a template with `{id}`). */
export function ruleDocsUrl(docsBase: string | undefined, ruleId: string): string | undefined {
  if (!docsBase || !/^https?:\/\/\S+$/.test(docsBase)) return undefined;
  const id = encodeURIComponent(ruleId);
  if (docsBase.includes("{id}")) return docsBase.replace("{id}", id);
  return `${docsBase.endsWith("/") ? docsBase : `${docsBase}/`}${id}.md`;
}
