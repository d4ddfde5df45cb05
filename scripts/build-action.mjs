// Builds the GitHub Action bundle into dist/action/: the action entry, the scan worker, the two wasm files
// the Python parser loads, and a small package.json (ESM marker and version). Runs with no install step.
// Usage: node scripts/build-action.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleForNode, root } from "./bundle-node.mjs";

const outdir = join(root, "dist", "action");
await bundleForNode(outdir, { index: "src/ci/action-main.ts", worker: "src/project/worker.ts" }, { legalComments: "eof" });

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const bundled = { name: pkg.name, version: pkg.version, private: true, type: "module" };
if (pkg.homepage) bundled.homepage = pkg.homepage;
writeFileSync(join(outdir, "package.json"), `${JSON.stringify(bundled, null, 2)}\n`);
console.log(`Action bundle written to ${outdir}`);
