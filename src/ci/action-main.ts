// Entry point of the bundled GitHub Action (dist/action/index.js).
import { runAction } from "./action.js";

process.exitCode = await runAction(process.env, { stdout: process.stdout, stderr: process.stderr });
