// Emits the library API's type declarations into build/types (fresh each time: tsc never deletes stale files).
// The package has no runtime dependencies (the bundle carries them), so a declaration that imports a type from one
// (the parser's syntax tree, deep inside the engine's internals) gets an opaque stand-in instead: the published types
// then check under `skipLibCheck: false` in a project that has none of our dependencies.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { root } from "./bundle-node.mjs";

rmSync(join(root, "build", "types"), { recursive: true, force: true });
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.types.json")], { cwd: root, stdio: ["ignore", 2, 2] });
if (result.status !== 0) process.exit(result.status ?? 1);

function declarations(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? declarations(path) : entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const EXTERNAL_TYPE_IMPORT = /^import type \{([^}]*)\} from "([^."][^"]*)";$/gm;
for (const file of declarations(join(root, "build", "types"))) {
  const text = readFileSync(file, "utf8");
  const opaque = text.replace(EXTERNAL_TYPE_IMPORT, (_, names, from) =>
    names
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => {
        const [imported, local = imported] = n.split(/\s+as\s+/);
        return `/** Internal (${from}: ${imported}). */\ntype ${local} = unknown;`;
      })
      .join("\n"),
  );
  if (/^import (?!type)[^;]*from "[^."]/m.test(opaque) || /from "[^."][^"]*"/.test(opaque)) {
    console.error(`build-types: ${file} imports from a package the published types cannot reach`);
    process.exit(1);
  }
  if (opaque !== text) writeFileSync(file, opaque);
}
