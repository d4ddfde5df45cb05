// Directories skipped by default (virtualenvs, build output, dependency trees, editors' copies) are skipped by what
// they are, not by their name alone: a regular package of the project that happens to be called `dist`, `build`,
// `env` or `venv` (mmengine's `mmengine/dist`, pip's `operations/build`, the standard library's `venv`) is code the
// program imports, and is scanned.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, describe, it } from "node:test";
import { runCli, tempProject } from "./helpers/cli.js";

const VULN = "import pickle\n\ndef recv(buf):\n    return pickle.loads(buf)\n";

interface Report {
  results: { rule_id: string; location: { file: string; line: number } }[];
}

async function scannedFiles(dir: string, ...args: string[]): Promise<string[]> {
  const r = await runCli(["scan", "-p", dir, "--no-cache", "-o", "json", ...args]);
  assert.equal(r.code, 0, r.stderr);
  return [...new Set((JSON.parse(r.stdout) as Report).results.map((x) => x.location.file))].sort();
}

describe("pathfinder scan: default-excluded directories", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const project = tempProject({
    "pkg/__init__.py": "",
    "pkg/dist/__init__.py": "from .comm import recv\n",
    "pkg/dist/comm.py": VULN,
    "pkg/ops/build/__init__.py": VULN,
    "venv/__init__.py": VULN,
    // Not packages: a virtualenv, build output, dependencies, notebook autosaves.
    ".venv/lib/python3.11/site-packages/evil/__init__.py": VULN,
    "env/lib/python3.11/site-packages/x.py": VULN,
    "build/lib/pkg/dist/comm.py": VULN,
    "dist/tool.py": VULN,
    "node_modules/x/y.py": VULN,
    "work/.ipynb_checkpoints/comm-checkpoint.py": VULN,
    // A package name that is not an identifier cannot be imported by that name.
    "site-packages/__init__.py": VULN,
  });
  dirs.push(project);

  it("scans a project's own package named like a skipped directory, and still skips the rest", async () => {
    assert.deepEqual(await scannedFiles(project), ["pkg/dist/comm.py", "pkg/ops/build/__init__.py", "venv/__init__.py"]);
  });

  it("leaves such a package out when --exclude names it", async () => {
    assert.deepEqual(await scannedFiles(project, "--exclude", "pkg/dist"), ["pkg/ops/build/__init__.py", "venv/__init__.py"]);
  });
});
