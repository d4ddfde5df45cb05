// Bundles the command-line tool into build/cli/: the CLI (scripts with their V8 code caches and the module that
// loads them, see cli-script.mjs), the library API, the analysis worker, and the wasm files the parsers load beside
// them. A few scripts start several times faster than loading the ~150 compiled modules one by one, and the code
// caches spare compiling them. Usage: node scripts/build-cli.mjs (part of `npm run build`).
import { join } from "node:path";
import { bundleForNode, root } from "./bundle-node.mjs";
import { bundleCliScript, trainCodeCache } from "./cli-script.mjs";

const outdir = join(root, "build", "cli");
// index.js is the library API (package.json "exports"): the same self-contained build, so the package has no runtime
// dependencies to install.
// Without blanks and comments, as the CLI's scripts are (names stay, so stack traces remain readable): the package
// installs at under its 20 MB budget.
await bundleForNode(outdir, { worker: "src/project/worker.ts", index: "src/index.ts" }, { sourcemap: true, minifyWhitespace: true, minifySyntax: true });
await bundleCliScript(outdir);
trainCodeCache(outdir);
