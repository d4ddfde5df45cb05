// The desktop extension's language server process: the CLI's `lsp` command with its stdio transport.
import { main } from "../../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
