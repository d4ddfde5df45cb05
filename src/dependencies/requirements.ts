// pip requirements files: one requirement per line, `\` continuations, `#` comments, options such as
// `-r other.txt`, `-c constraints.txt`, `-e .`, `--hash=...`, `--index-url ...` (ignored).
import { LineIndex } from "./lines.js";
import { declared } from "./make.js";
import { parseRequirement } from "./pep508.js";
import type { ManifestResult } from "./types.js";

const INCLUDE = /^(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)/;

export function parseRequirementsFile(file: string, text: string, constraints: boolean): ManifestResult {
  const index = new LineIndex(text);
  const result: ManifestResult = { dependencies: [], includes: [], problems: [] };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const first = i + 1;
    let logical = lines[i].replace(/\r$/, "");
    while (/(^|[^\\])\\$/.test(logical) && i + 1 < lines.length) logical = logical.slice(0, -1) + " " + lines[++i].replace(/\r$/, "");
    // A comment starts at `#` at the line start or after whitespace (a URL fragment `#egg=` is not one).
    const content = logical.replace(/(^|\s)#.*$/, "").trim();
    if (!content) continue;
    const include = INCLUDE.exec(content);
    if (include) {
      result.includes.push({ path: include[1], constraint: /^(?:-c|--constraint)/.test(content), line: first });
      continue;
    }
    if (content.startsWith("-")) continue; // -e, --hash, --index-url, --find-links, ...
    const requirement = parseRequirement(content.replace(/\s+--\S+.*$/, ""));
    if (!requirement) {
      if (!/^(?:\.|\/|[a-z+]+:\/\/|[\w.-]+\.(?:whl|zip|tar\.gz))/i.test(content)) {
        result.problems.push({ line: first, message: `not a requirement: "${content.slice(0, 60)}"` });
      }
      continue;
    }
    const at = index.linePosition(first);
    const name = new RegExp(requirement.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i").exec(at.snippet);
    const end = at.snippet.replace(/(^|\s)#.*$/, "").trimEnd().length + 1;
    const position = { ...at, column: name ? name.index + 1 : at.column, endColumn: Math.max(end, at.column + 1) };
    result.dependencies.push(declared(requirement, constraints ? "constraints" : "requirements", file, position));
  }
  return result;
}
