// `npm pack` / `npm publish` helpers (prepack and postpack): the tarball's package.json carries no lifecycle scripts
// and no devDependencies. The bundles in it are self-contained, so there is nothing to run or install on the user's
// machine, and npm has no install script to warn about. Usage: node scripts/pack-manifest.mjs strip|restore
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./bundle-node.mjs";

const manifest = join(root, "package.json");
const backup = join(root, "build", "package.json.before-pack");

if (process.argv[2] === "strip") {
  if (!existsSync(backup)) {
    mkdirSync(join(root, "build"), { recursive: true });
    writeFileSync(backup, readFileSync(manifest));
  }
  const pkg = JSON.parse(readFileSync(backup, "utf8"));
  delete pkg.scripts;
  delete pkg.devDependencies;
  // Packed without a build (pre-commit's install, where devDependencies are missing): ship the committed bundle.
  if (!existsSync(join(root, "build", "cli", "pathfinder.js"))) {
    pkg.files = [...pkg.files.filter((f) => !f.startsWith("build/")), "dist/action"];
  }
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (process.argv[2] === "restore") {
  if (existsSync(backup)) renameSync(backup, manifest);
} else {
  console.error("usage: node scripts/pack-manifest.mjs strip|restore");
  process.exit(2);
}
