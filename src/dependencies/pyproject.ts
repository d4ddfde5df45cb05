// pyproject.toml: PEP 621 `[project]` (dependencies, optional-dependencies), PEP 735 `[dependency-groups]`,
// Poetry (`[tool.poetry.dependencies]`, groups, dev-dependencies), PDM (`[tool.pdm.dev-dependencies]`) and
// Hatch environments (`[tool.hatch.envs.*]` dependencies).
import { parse } from "smol-toml";
import { LineIndex, escapeRegExp, quoted, type TextPosition } from "./lines.js";
import { declared } from "./make.js";
import { parseRequirement } from "./pep508.js";
import type { ManifestResult } from "./types.js";

type Table = Record<string, unknown>;

const isTable = (v: unknown): v is Table => typeof v === "object" && v !== null && !Array.isArray(v);

export function parsePyproject(file: string, text: string): ManifestResult {
  const result: ManifestResult = { dependencies: [], includes: [], problems: [] };
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (e) {
    result.problems.push({ message: `invalid TOML: ${(e as Error).message.split("\n")[0]}` });
    return result;
  }
  const index = new LineIndex(text);
  const project = isTable(doc.project) ? doc.project : {};
  const tool = isTable(doc.tool) ? doc.tool : {};
  // PEP 508 string lists, each found again in the text after its table header.
  const lists: { header: RegExp; values: unknown }[] = [{ header: /^\[project\]/m, values: project.dependencies }];
  if (isTable(project["optional-dependencies"])) {
    for (const values of Object.values(project["optional-dependencies"])) lists.push({ header: /^\[project(?:\.optional-dependencies)?\]/m, values });
  }
  if (isTable(doc["dependency-groups"])) {
    for (const values of Object.values(doc["dependency-groups"])) lists.push({ header: /^\[dependency-groups\]/m, values });
  }
  const pdm = isTable(tool.pdm) ? tool.pdm : {};
  if (isTable(pdm["dev-dependencies"])) {
    for (const values of Object.values(pdm["dev-dependencies"])) lists.push({ header: /^\[tool\.pdm\.dev-dependencies\]/m, values });
  }
  const hatch = isTable(tool.hatch) && isTable(tool.hatch.envs) ? tool.hatch.envs : {};
  for (const [env, table] of Object.entries(hatch)) {
    if (!isTable(table)) continue;
    for (const key of ["dependencies", "extra-dependencies"]) {
      lists.push({ header: new RegExp(`^\\[tool\\.hatch\\.envs\\.${escapeRegExp(env)}\\]`, "m"), values: table[key] });
    }
  }
  const used = new Set<number>();
  for (const { header, values } of lists) {
    if (!Array.isArray(values)) continue;
    const start = index.find(header)?.index ?? 0;
    for (const value of values) {
      if (typeof value !== "string") continue;
      const req = parseRequirement(value);
      if (!req) continue;
      const at = findUnused(index, quoted(value), start, used);
      if (at) result.dependencies.push(declared(req, "pyproject", file, at));
    }
  }
  // Poetry: `name = "^1.2"`, `name = { version = "...", markers = "..." }`, groups and the old dev-dependencies.
  const poetry = isTable(tool.poetry) ? tool.poetry : {};
  const tables: { header: string; deps: unknown }[] = [
    { header: "tool.poetry.dependencies", deps: poetry.dependencies },
    { header: "tool.poetry.dev-dependencies", deps: poetry["dev-dependencies"] },
  ];
  if (isTable(poetry.group)) {
    for (const [group, t] of Object.entries(poetry.group)) {
      if (isTable(t)) tables.push({ header: `tool.poetry.group.${group}.dependencies`, deps: t.dependencies });
    }
  }
  for (const { header, deps } of tables) {
    if (!isTable(deps)) continue;
    const start = index.find(new RegExp(`^\\[${escapeRegExp(header)}\\]`, "m"))?.index;
    for (const [name, spec] of Object.entries(deps)) {
      if (name.toLowerCase() === "python") continue;
      const constraint = typeof spec === "string" ? spec : isTable(spec) && typeof spec.version === "string" ? spec.version : undefined;
      const markers = isTable(spec) && typeof spec.markers === "string" ? spec.markers : undefined;
      const specifier = constraint === undefined ? "" : poetryConstraint(constraint);
      if (specifier === undefined) continue;
      const key = new RegExp(`^[ \\t]*["']?${escapeRegExp(name)}["']?[ \\t]*=.*$`, "mi");
      const found = start !== undefined ? index.find(key, start) : index.find(new RegExp(`^[ \\t]*["']?${escapeRegExp(name)}["']?[ \\t]*=.*$|${escapeRegExp(header)}\\.${escapeRegExp(name)}\\]`, "mi"));
      if (!found) continue;
      result.dependencies.push(declared({ name, specifier, ...(markers ? { markers } : {}) }, "pyproject", file, found.position));
    }
  }
  return result;
}

function findUnused(index: LineIndex, pattern: RegExp, from: number, used: Set<number>): TextPosition | undefined {
  let at = from;
  for (;;) {
    const found = index.find(pattern, at);
    if (!found) return at === 0 ? undefined : findUnused(index, pattern, 0, used);
    at = found.index + 1;
    if (used.has(found.index)) continue;
    used.add(found.index);
    return found.position;
  }
}

/**
 * A Poetry version constraint as a PEP 440 specifier set: `^1.2.3` (>=1.2.3,<2.0.0), `~1.2` (>=1.2,<1.3),
 * `1.2.*`, bare `1.2.3` (==1.2.3), `*`, and comma-separated comparisons. Undefined when it cannot be read
 * (`||` alternatives are read as their union's lowest bound is unknown).
 */
export function poetryConstraint(raw: string): string | undefined {
  const text = raw.trim();
  if (text === "" || text === "*") return "";
  if (text.includes("||")) return undefined;
  const out: string[] = [];
  for (const part of text.split(/\s*,\s*|\s+(?=[<>=!~^])/).filter(Boolean)) {
    const caret = /^\^\s*(\d+(?:\.\d+)*)(.*)$/.exec(part);
    if (caret) {
      const nums = caret[1].split(".").map(Number);
      const i = nums.findIndex((n) => n !== 0);
      const at = i < 0 ? nums.length - 1 : Math.min(i, nums.length - 1);
      const upper = nums.slice(0, at + 1);
      upper[at] += 1;
      out.push(`>=${caret[1]}${caret[2]}`, `<${upper.join(".")}`);
      continue;
    }
    const tilde = /^~(?!=)\s*(\d+(?:\.\d+)*)(.*)$/.exec(part);
    if (tilde) {
      const nums = tilde[1].split(".").map(Number);
      const upper = nums.length > 1 ? [nums[0], nums[1] + 1] : [nums[0] + 1];
      out.push(`>=${tilde[1]}${tilde[2]}`, `<${upper.join(".")}`);
      continue;
    }
    if (/^(?:===|==|!=|~=|<=|>=|<|>)/.test(part)) {
      out.push(part.replace(/\s+/g, ""));
      continue;
    }
    if (/^\d[\w.*+!-]*$/.test(part)) {
      out.push(`==${part}`);
      continue;
    }
    return undefined;
  }
  return out.join(",");
}
