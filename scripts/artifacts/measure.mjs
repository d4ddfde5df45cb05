#!/usr/bin/env node
// Measures the artifact verdicts on folders of files: how many are flagged at error level (critical or high,
// SARIF "error") and at any level. Used for the red-team and real-library numbers in the README.
//   node scripts/artifacts/measure.mjs [--policy allowlist|denylist] [--list] DIR...
// Run `npx tsc -p tsconfig.json` first (it imports the compiled build/).
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { scanArtifact } from "../../build/src/artifacts/index.js";
import { openFileByteSource } from "../../build/src/project/byte-source.js";

const args = process.argv.slice(2);
let policy = "allowlist";
let list = false;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--policy") policy = args[++i];
  else if (args[i] === "--list") list = true;
  else dirs.push(args[i]);
}

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (!/\.(md|json|txt)$/.test(name)) yield path;
  }
}

const RANK = { critical: 4, high: 3, medium: 2, low: 1, none: 0 };
for (const dir of dirs) {
  const counts = { files: 0, error: 0, any: 0 };
  for (const path of walk(dir)) {
    const source = await openFileByteSource(path);
    let result;
    try {
      result = await scanArtifact(source, relative(dir, path), { policy });
    } finally {
      await source.close();
    }
    const worst = result.findings.reduce((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), "none");
    counts.files++;
    if (worst !== "none") counts.any++;
    if (worst === "critical" || worst === "high") counts.error++;
    if (list) {
      const first = result.findings.sort((a, b) => RANK[b.severity] - RANK[a.severity])[0];
      console.log(`${worst.padEnd(8)} ${relative(dir, path)}${first ? `  ${first.ruleId}: ${first.message.slice(0, 160)}` : ""}`);
    }
  }
  console.log(`${dir}: ${counts.files} files, ${counts.error} flagged at error level, ${counts.any} flagged at any level (policy ${policy})`);
}
