#!/usr/bin/env node
// The bundled CLI (see scripts/build-cli.mjs); build/src holds the same code as separate modules (library API).
import { main } from "../build/cli/pathfinder.js";

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
