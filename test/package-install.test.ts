import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { REPO_ROOT } from "./helpers/cli.js";

const VULN = "import pickle\n\ndef handler(body):\n    return pickle.loads(body)\n";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

function duBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += duBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

// Offline: the package must install from its tarball alone (no runtime dependencies to download).
const OFFLINE = { npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

describe("the packed npm tarball, installed into an empty project", () => {
  const scratch = mkdtempSync(join(tmpdir(), "pathfinder-pack-"));
  const consumer = join(scratch, "consumer");
  let tarball = "";
  let packStdout = "";
  let install: Run;
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { name: string; version: string };

  before(async () => {
    const packed = await run("npm", ["pack", "--pack-destination", scratch], REPO_ROOT, OFFLINE);
    assert.equal(packed.code, 0, packed.stderr);
    packStdout = packed.stdout;
    tarball = join(scratch, packed.stdout.trim().split("\n").at(-1)!);
    readdirSync(scratch);
    await run("mkdir", ["-p", consumer], scratch);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
    writeFileSync(join(consumer, "app.py"), VULN);
    install = await run("npm", ["install", "--no-audit", "--no-fund", tarball], consumer, OFFLINE);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("npm pack prints only the tarball's name on standard output (pre-commit reads it)", () => {
    assert.equal(packStdout.trim(), `${pkg.name}-${pkg.version}.tgz`);
  });

  it("ships the bundles, types, licence and security policy; no source maps, test fixtures or duplicated modules", async () => {
    const listing = await run("tar", ["tzf", tarball], scratch);
    const files = listing.stdout.trim().split("\n").map((f) => f.replace(/^package\//, ""));
    for (const required of ["bin/pathfinder.js", "build/cli/pathfinder.js", "build/cli/pathfinder-cli.cjs", "build/cli/worker.js", "build/cli/index.js", "build/cli/tree-sitter-python.wasm", "build/types/index.d.ts", "LICENSE", "SECURITY.md", "README.md"]) {
      assert.ok(files.includes(required), `${required} is in the tarball`);
    }
    assert.deepEqual(files.filter((f) => f.endsWith(".map")), []);
    assert.deepEqual(files.filter((f) => f.startsWith("fixtures/") || f.startsWith("build/src/") || f.startsWith("src/")), []);
    assert.equal(files.filter((f) => f.startsWith("build/") && f.endsWith("tree-sitter-python.wasm")).length, 1);
    // The Java, C# and PHP grammars ship once, beside the CLI; `pathfinder playground` serves them to the page.
    for (const grammar of ["tree-sitter-java.wasm", "tree-sitter-c_sharp.wasm", "tree-sitter-php.wasm"]) {
      assert.deepEqual(files.filter((f) => f.endsWith(grammar)), [`build/cli/${grammar}`], grammar);
    }
    assert.match(readFileSync(join(REPO_ROOT, "LICENSE"), "utf8"), /Apache License\s+Version 2\.0/);
  });

  it("installs offline with nothing but itself: no dependencies, install scripts or engine warnings", () => {
    assert.equal(install.code, 0, install.stderr);
    assert.doesNotMatch(install.stderr, /EBADENGINE|engine|install-scripts|deprecated/i, install.stderr);
    const modules = readdirSync(join(consumer, "node_modules")).filter((d) => !d.startsWith("."));
    assert.deepEqual(modules, [pkg.name]);
    const size = duBytes(join(consumer, "node_modules"));
    console.log(`# installed size: ${(size / 1024 / 1024).toFixed(1)} MB`);
    assert.ok(size < 20 * 1024 * 1024, `installed size ${size} bytes`);
  });

  it("runs as npx pathfinder and npx pathfinder-scanner (the bin named like the package, unambiguous under npx)", async () => {
    const version = await run("npx", ["--no", "--", "pathfinder", "--version"], consumer, OFFLINE);
    assert.equal(version.stdout.trim(), pkg.version, version.stderr);
    const scan = await run("npx", ["--no", "--", "pathfinder-scanner", "scan", "--ruleset", "python/PYTHON-LANG-SEC-040", "--project", ".", "--fail-on", "high", "-q"], consumer, OFFLINE);
    assert.equal(scan.code, 1, scan.stderr);
    assert.match(scan.stdout, /app\.py:4:\d+/);
  });

  it("serves the library API with type declarations", async () => {
    writeFileSync(
      join(consumer, "use.mjs"),
      `import { analyzeSource, scanProject, renderReport } from "${pkg.name}";\n` +
        `const { findings } = await analyzeSource(${JSON.stringify(VULN)}, { path: "x.py" });\n` +
        `const report = await scanProject({ target: ".", rulesets: [], include: [], exclude: [], skipTests: false, gitignore: true, maxFileSize: 5e6, jobs: 0, tool: { name: "t", version: "0", informationUri: "" } });\n` +
        `console.log(findings.map((f) => f.ruleId).join(","), report.findings.length, renderReport("sarif", report, { showSuppressed: false, color: false }).length > 0);\n`,
    );
    const used = await run(process.execPath, ["use.mjs"], consumer);
    assert.equal(used.code, 0, used.stderr);
    assert.match(used.stdout, /^PYTHON-LANG-SEC-040 1 true$/m);

    writeFileSync(
      join(consumer, "use.ts"),
      `import { analyzeSource, type Finding, type ScanReport } from "${pkg.name}";\n` +
        `const result: { findings: Finding[] } = await analyzeSource("x = 1", { path: "a.py" });\n` +
        `const severity: Finding["severity"] = result.findings[0]?.severity ?? "low";\n` +
        `export const summary: Pick<ScanReport, "findings"> = { findings: result.findings };\n` +
        `export { severity };\n`,
    );
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", noEmit: true, skipLibCheck: false, types: [] }, files: ["use.ts"] }),
    );
    const tsc = createRequire(join(REPO_ROOT, "package.json")).resolve("typescript/bin/tsc");
    const checked = await run(process.execPath, [tsc, "-p", "tsconfig.json"], consumer);
    assert.equal(checked.code, 0, checked.stdout + checked.stderr);
  });
});
