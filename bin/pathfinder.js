#!/usr/bin/env node
// The bundled CLI (see scripts/build-cli.mjs). Where it has not been built (an install without devDependencies, as
// pre-commit does), the copy committed beside the GitHub Action bundle runs instead: the same code.
import { existsSync } from "node:fs";

const built = new URL("../build/cli/pathfinder.js", import.meta.url);
const { main } = await import(existsSync(built) ? built.href : new URL("../dist/action/pathfinder.js", import.meta.url).href);

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
