// YAML config text as plain data, behind a module of its own so that the scan loads the parser only for a config that
// mentions `_target_` (a local module imported on use is split into a CLI script of its own, see
// scripts/cli-script.mjs). Aliases are shared, not expanded: PyYAML (which OmegaConf uses) builds one object per anchor
// and points every alias at it, so an alias bomb costs its loader nothing and must not make us give up (the `yaml`
// package's toJS expands aliases and refuses a document past its alias count, which would hide a `_target_`).
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";

/** Nodes converted per document (a real model config has a few thousand). */
const MAX_NODES = 1_000_000;

export function parseYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: "silent" });
  if (doc.errors.length > 0) return undefined;
  const shared = new Map<Node, unknown>();
  let budget = MAX_NODES;
  const convert = (node: unknown, depth: number): unknown => {
    if (--budget < 0 || depth > 512) return undefined;
    if (isAlias(node)) {
      const target = node.resolve(doc as Document.Parsed);
      return target === undefined ? undefined : convert(target, depth + 1);
    }
    if (isScalar(node)) return node.value;
    const known = shared.get(node as Node);
    if (known !== undefined) return known;
    if (isSeq(node)) {
      const out: unknown[] = [];
      shared.set(node, out);
      for (const item of node.items) out.push(convert(item, depth + 1));
      return out;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      shared.set(node, out);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const value = convert(pair.value, depth + 1);
        // `<<: *base` merges the anchored mapping's keys (PyYAML's SafeLoader does).
        if (key === "<<" && typeof value === "object" && value !== null && !Array.isArray(value)) {
          for (const [k, v] of Object.entries(value)) if (!(k in out)) out[k] = v;
        } else if (key !== undefined) out[key] = value;
      }
      return out;
    }
    return undefined;
  };
  return convert(doc.contents, 0);
}
