// `npm install` in a clone, `npm pack` and installs from git (pre-commit's `language: node`) run this: it builds only
// what the package ships (the CLI and library bundle in build/cli, the type declarations in build/types), never the
// web site, and prints nothing on standard output, where `npm pack` reports the tarball's name (pre-commit reads it).
// Skips the work when the outputs are newer than every source file.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { root } from "./bundle-node.mjs";

function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

const outputs = [join(root, "build", "cli", "pathfinder.js"), join(root, "build", "cli", "pathfinder-cli.cjs"), join(root, "build", "cli", "index.js"), join(root, "build", "types", "index.d.ts")];
const sources = Math.max(newest(join(root, "src")), statSync(join(root, "package.json")).mtimeMs);
if (outputs.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)) {
  console.error("pathfinder: build/cli and build/types are up to date");
  process.exit(0);
}

// pre-commit installs the hook without devDependencies: nothing can be built, and bin/pathfinder.js runs the CLI
// committed in dist/action.
const require = createRequire(join(root, "package.json"));
const canBuild = ["esbuild", "typescript/bin/tsc"].every((id) => {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
});
if (!canBuild) {
  if (existsSync(join(root, "dist", "action", "pathfinder.js"))) {
    console.error("pathfinder: devDependencies are not installed; using the committed bundle in dist/action");
    process.exit(0);
  }
  console.error("pathfinder: cannot build: install the devDependencies (npm install) first");
  process.exit(1);
}

for (const args of [[join(root, "scripts", "build-cli.mjs")], [join(root, "scripts", "build-types.mjs")]]) {
  // Children write to our standard error only.
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
