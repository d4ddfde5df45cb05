// Builds the GitHub Action bundle into dist/action/: the action entry, the scan worker, the two wasm files
// the Python parser loads, and a small package.json (ESM marker and version). Runs with no install step.
// Usage: node scripts/build-action.mjs [--out DIR]   (a test builds into a temporary DIR and compares with dist/action)
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bundleForNode, root } from "./bundle-node.mjs";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const outdir = values.out ? resolve(values.out) : join(root, "dist", "action");
// pathfinder.js is the command-line tool, beside the action: bin/pathfinder.js falls back to it when build/cli has not
// been built, which is how the pre-commit hook runs (pre-commit installs without devDependencies, so nothing can be
// built there).
await bundleForNode(outdir, { index: "src/ci/action-main.ts", worker: "src/project/worker.ts", pathfinder: "src/cli/main.ts" }, { legalComments: "eof" });

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const bundled = { name: pkg.name, version: pkg.version, private: true, type: "module" };
if (pkg.homepage) bundled.homepage = pkg.homepage;
writeFileSync(join(outdir, "package.json"), `${JSON.stringify(bundled, null, 2)}\n`);
console.log(`Action bundle written to ${outdir}`);
