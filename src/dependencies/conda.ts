// conda environment files: `dependencies:` holds conda specs (`numpy=1.16.0`, `pyyaml>=5`, `conda-forge::torch`)
// and a `pip:` list of PEP 508 requirements.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from "yaml";
import { LineIndex } from "./lines.js";
import { declared } from "./make.js";
import { parseRequirement, type Requirement } from "./pep508.js";
import type { ManifestResult } from "./types.js";

export function parseCondaEnvironment(file: string, text: string): ManifestResult {
  const result: ManifestResult = { dependencies: [], includes: [], problems: [] };
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length) {
    result.problems.push({ message: `invalid YAML: ${doc.errors[0].message.split("\n")[0]}` });
    return result;
  }
  const index = new LineIndex(text);
  const deps = isMap(doc.contents) ? doc.contents.get("dependencies", true) : undefined;
  if (!isSeq(deps)) return result;
  const add = (node: Node | null | undefined, pip: boolean) => {
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
    const req = pip ? parseRequirement(node.value) : condaSpec(node.value);
    if (req) result.dependencies.push(declared(req, "conda", file, index.position(node.range[0], node.range[1])));
  };
  for (const item of deps.items) {
    if (isMap(item)) {
      const pip = item.get("pip", true);
      if (isSeq(pip)) for (const p of pip.items) add(p as Node, true);
      continue;
    }
    add(item as Node, false);
  }
  return result;
}

/**
 * A conda match spec as a requirement: `channel::name`, `name=1.2` (1.2.*), `name==1.2`, `name>=1.2,<2`,
 * `name 1.2 build`. Python itself and pip are left out.
 */
function condaSpec(spec: string): Requirement | undefined {
  const text = spec.replace(/^[^:]*::/, "").trim();
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$/.exec(text);
  if (!m || m[1] === "python" || m[1] === "pip") return undefined;
  let version = m[2].trim().split(/\s+/)[0] ?? "";
  if (version.startsWith("=") && !version.startsWith("==")) {
    const v = version.slice(1).split("=")[0];
    version = v.endsWith("*") ? `==${v.replace(/\.?\*$/, "")}.*` : `==${v}.*`;
    // `name=1.2.3` means 1.2.3 or 1.2.3.x; a full three-part version is treated as the pin it practically is.
    if (/^\d+\.\d+\.\d+$/.test(v)) version = `==${v}`;
  } else if (/^\d/.test(version)) {
    version = `==${version}`;
  }
  return parseRequirement(`${m[1]}${version ? " " + version : ""}`);
}
