// Bundles the command-line tool into build/cli/: the CLI (a script with its V8 code cache and the module that
// loads it, see cli-script.mjs), the library API, the analysis worker, and the wasm files the parsers load beside
// them. One file starts several times faster than loading the ~150 compiled modules one by one, and the code cache
// spares compiling it. Usage: node scripts/build-cli.mjs (part of `npm run build`).
import { join } from "node:path";
import { bundleForNode, root } from "./bundle-node.mjs";
import { bundleCliScript, trainCodeCache } from "./cli-script.mjs";

const outdir = join(root, "build", "cli");
// index.js is the library API (package.json "exports"): the same self-contained build, so the package has no runtime
// dependencies to install.
await bundleForNode(outdir, { worker: "src/project/worker.ts", index: "src/index.ts" }, { sourcemap: true });
await bundleCliScript(outdir);
trainCodeCache(outdir);
