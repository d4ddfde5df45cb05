// The on-disk analysis cache: same results as without it, cold, warm, after edits and with corrupt entries.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { scanProject, type Finding } from "../src/index.js";
import { runCli, tempProject } from "./helpers/cli.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const temp = mkdtempSync(join(tmpdir(), "pathfinder-cache-test-"));
after(() => rmSync(temp, { recursive: true, force: true }));

async function scan(target: string, cacheDir?: string): Promise<string[]> {
  const report = await scanProject({
    target, rulesets: [], include: [], exclude: [], skipTests: false, gitignore: false, maxFileSize: 1 << 20, jobs: 0,
    tool: { name: "pathfinder", version: "test", informationUri: "https://example.invalid" }, cacheDir,
  });
  return report.findings.map((f: Finding) => JSON.stringify([f.ruleId, f.location, f.message, f.fingerprint, f.relatedLocations ?? null, f.suppressed ?? null]));
}

function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json")).map((f) => join(dir, f));
}

describe("analysis cache", () => {
  it("gives the results of --no-cache on every fixture, cold and warm", async () => {
    const cacheDir = join(temp, "fixtures-cache");
    const uncached = await scan(FIXTURES);
    assert.ok(uncached.length > 100);
    assert.deepEqual(await scan(FIXTURES, cacheDir), uncached, "cold");
    assert.ok(entries(cacheDir).length > 20, "entries were written");
    assert.deepEqual(await scan(FIXTURES, cacheDir), uncached, "warm");
  });

  it("ignores corrupt, truncated and foreign entries", async () => {
    const project = join(temp, "shop");
    cpSync(join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    const cacheDir = join(temp, "shop-cache");
    const uncached = await scan(project);
    await scan(project, cacheDir);
    const files = entries(cacheDir);
    files.forEach((file, i) => {
      const text = readFileSync(file, "utf8");
      if (i % 3 === 0) writeFileSync(file, text.slice(0, text.length / 2));
      else if (i % 3 === 1) writeFileSync(file, JSON.stringify({ path: "elsewhere.py", analysis: { findings: [], errors: [], parsed: true } }));
      else writeFileSync(file, JSON.stringify({ path: JSON.parse(text).path, analysis: { findings: "no" } }));
    });
    assert.deepEqual(await scan(project, cacheDir), uncached);
  });

  it("re-analyses a file that changed, and what depends on it", async () => {
    const project = join(temp, "shop-edit");
    cpSync(join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    const cacheDir = join(temp, "shop-edit-cache");
    await scan(project, cacheDir);
    // The re-export now binds a JSON function: its users stop being findings.
    const compat = join(project, "src", "shop", "compat.py");
    writeFileSync(compat, readFileSync(compat, "utf8").replace("loads = pickle.loads", "import json\nloads = json.loads"));
    const warm = await scan(project, cacheDir);
    assert.deepEqual(warm, await scan(project));
    assert.ok(!warm.some((f) => f.includes("scripts/run.py") && f.includes('"line":9,')), "unpickle(blob) is no longer resolved to pickle");
  });

  it("the CLI keeps it in .pathfinder_cache in the project, or --cache-dir; --no-cache writes nothing", async () => {
    const project = tempProject({ "app.py": "import pickle\n\ndef f(b):\n    return pickle.loads(b)\n" });
    const noCache = await runCli(["scan", "--project", project, "--no-cache", "-o", "json", "-q"]);
    assert.equal(noCache.code, 0, noCache.stderr);
    assert.equal(JSON.parse(noCache.stdout).results.length, 1);
    assert.ok(!existsSync(join(project, ".pathfinder_cache")));
    const first = await runCli(["scan", "--project", project, "-o", "json", "-q"]);
    assert.ok(existsSync(join(project, ".pathfinder_cache", ".gitignore")));
    const second = await runCli(["scan", "--project", project, "-o", "json", "-q"]);
    const results = (out: string) => JSON.parse(out).results;
    assert.deepEqual(results(second.stdout), results(first.stdout));
    assert.deepEqual(results(second.stdout), results(noCache.stdout));
    const elsewhere = join(temp, "cli-cache");
    await runCli(["scan", "--project", project, "--cache-dir", elsewhere, "-o", "json", "-q"]);
    assert.ok(entries(elsewhere).length > 0);
    const both = await runCli(["scan", "--project", project, "--cache-dir", elsewhere, "--no-cache"]);
    assert.equal(both.code, 2);
  });
});
