// The on-disk analysis cache: same results as without it, cold, warm, after edits and with corrupt entries.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { Finding } from "../src/index.js";
import { runCli, tempProject } from "./helpers/cli.js";
import { scanForTest } from "./helpers/scan.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const temp = mkdtempSync(join(tmpdir(), "pathfinder-cache-test-"));
after(() => rmSync(temp, { recursive: true, force: true }));

async function scan(target: string, cacheDir?: string): Promise<string[]> {
  const report = await scanForTest(target, { cacheDir });
  return report.findings.map((f: Finding) => JSON.stringify([f.ruleId, f.location, f.message, f.fingerprint, f.relatedLocations ?? null, f.suppressed ?? null]));
}

function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json")).map((f) => join(dir, f));
}

/**
 * Sets every file's modification time an hour back: a file modified just before a scan could change again within
 * the same clock tick, so scans do not remember files that recent (see `filesKey`), and fresh copies are that.
 */
function age(dir: string): void {
  const past = new Date(Date.now() - 3600_000);
  for (const f of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = join(dir, f);
    if (statSync(path).isFile()) utimesSync(path, past, past);
  }
}

/** The per-file entries, not the remembered scans (`scans/`). */
function fileEntries(dir: string): string[] {
  return entries(dir).filter((f) => !f.includes("/scans/"));
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

  it("remembers a scan of unchanged files: a re-scan reads, parses and analyses nothing, with the same results", async () => {
    const project = join(temp, "fixtures-copy");
    cpSync(FIXTURES, project, { recursive: true });
    age(project);
    const cacheDir = join(temp, "fixtures-copy-cache");
    const uncached = await scan(project);
    assert.deepEqual(await scan(project, cacheDir), uncached, "cold");
    const remembered = entries(cacheDir).filter((f) => f.includes("/scans/"));
    // The Python record, the model files' and Java streams' results, and the reported rules' metadata (Python's and the
    // other languages'); the fixtures' manifests pin versions that note something on the code, so they are not remembered.
    assert.deepEqual(remembered.map((f) => f.split("/").pop()!.split("-")[0]).sort(), ["artifacts", "java", "language", "python", "rule"]);
    // Without the per-file entries, the scan can only come from the remembered one: nothing is analysed again.
    for (const f of fileEntries(cacheDir)) rmSync(f);
    assert.deepEqual(await scan(project, cacheDir), uncached, "warm");
    assert.deepEqual(fileEntries(cacheDir), [], "no file was analysed");
    // A new file changes what the scan is.
    writeFileSync(join(project, "added.py"), "import pickle\n\ndef f(b):\n    return pickle.loads(b)\n");
    const withAdded = await scan(project, cacheDir);
    assert.equal(withAdded.length, uncached.length + 1);
    assert.deepEqual(withAdded, await scan(project));
  });

  it("re-analyses a file whose content changed with the same size and modification time (its change time differs)", async () => {
    const project = join(temp, "shop-same-stamp");
    cpSync(join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    age(project);
    const cacheDir = join(temp, "shop-same-stamp-cache");
    const before = await scan(project, cacheDir);
    const compat = join(project, "src", "shop", "compat.py");
    const { atime, mtime, size } = statSync(compat);
    const { mtimeNs } = statSync(compat, { bigint: true });
    // Same length, same modification time: only the change time (and the content) tell.
    writeFileSync(compat, readFileSync(compat, "utf8").replace("loads = pickle.loads", "loads = pickle.dumps"));
    utimesSync(compat, atime, mtime);
    assert.equal(statSync(compat).size, size);
    assert.equal(statSync(compat, { bigint: true }).mtimeNs, mtimeNs);
    const after = await scan(project, cacheDir);
    assert.notDeepEqual(after, before);
    assert.deepEqual(after, await scan(project));
  });

  it("after an edit that cannot change the whole-program pass, re-analyses only the edited file", async () => {
    const project = join(temp, "shop-one-edit");
    cpSync(join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    age(project);
    const cacheDir = join(temp, "shop-one-edit-cache");
    await scan(project, cacheDir);
    for (const f of fileEntries(cacheDir)) rmSync(f);
    const edited = join(project, "scripts", "pickle_utils.py");
    writeFileSync(edited, readFileSync(edited, "utf8") + "\n# edited\n");
    utimesSync(edited, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const after = await scan(project, cacheDir);
    assert.deepEqual(after, await scan(project));
    assert.ok(fileEntries(cacheDir).length <= 1, `only the edited file was analysed: ${fileEntries(cacheDir).join(", ")}`);
  });

  it("judges a model file again when the project class its pickle names changes, not when other Python files do", async () => {
    const project = join(temp, "model-globals");
    const cacheDir = join(temp, "model-globals-cache");
    const write = (name: string, text: string | Buffer) => {
      writeFileSync(join(project, name), text);
      utimesSync(join(project, name), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    };
    mkdirSync(project);
    write("mymod.py", "class Thing:\n    def __setstate__(self, state):\n        self.__dict__.update(state)\n");
    write("other.py", "x = 1\n");
    // GLOBAL mymod.Thing, NEWOBJ, BUILD from a dict: loading runs Thing.__setstate__.
    write("model.pkl", Buffer.from("\x80\x02cmymod\nThing\n)\x81}b.", "latin1"));
    const modelFindings = async (cached: boolean) => (await scan(project, cached ? cacheDir : undefined)).filter((f) => f.includes("model.pkl"));
    assert.deepEqual(await modelFindings(true), await modelFindings(false));
    write("other.py", "x = 2\n");
    assert.deepEqual(await modelFindings(true), await modelFindings(false));
    write("mymod.py", "import os\nclass Thing:\n    def __setstate__(self, state):\n        os.system(state)\n");
    const dangerous = await modelFindings(true);
    assert.ok(dangerous.some((f) => f.includes("os.")), dangerous.join("\n"));
    assert.deepEqual(dangerous, await modelFindings(false));
  });

  it("judges a model file again when a package's __init__.py or a module with a name like it changes", async () => {
    const project = join(temp, "model-package-globals");
    const cacheDir = join(temp, "model-package-globals-cache");
    const write = (name: string, text: string | Buffer) => {
      mkdirSync(join(project, name, ".."), { recursive: true });
      writeFileSync(join(project, name), text);
      utimesSync(join(project, name), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    };
    const safe = "class Thing:\n    def __setstate__(self, state):\n        self.__dict__.update(state)\n";
    const unsafe = "import os\nclass Thing:\n    def __setstate__(self, state):\n        os.system(state)\n";
    write("app/pkg/__init__.py", safe);
    write("app/pkg/models.py", safe);
    write("app/__init__.py", "");
    write("other/pkg.py", safe);
    // GLOBAL app.pkg.Thing and app.pkg.models.Thing, each built from a dict: loading runs their __setstate__.
    write("model.pkl", Buffer.from("\x80\x02capp.pkg\nThing\n)\x81}b0capp.pkg.models\nThing\n)\x81}b.", "latin1"));
    const modelFindings = async (cached: boolean) => (await scan(project, cached ? cacheDir : undefined)).filter((f) => f.includes("model.pkl"));
    const before = await modelFindings(true);
    assert.deepEqual(before, await modelFindings(false));
    // Same last name, another module: the model's verdict stands (and is still the uncached one).
    write("other/pkg.py", unsafe);
    assert.deepEqual(await modelFindings(true), before);
    assert.deepEqual(before, await modelFindings(false));
    for (const changed of ["app/pkg/__init__.py", "app/pkg/models.py"]) {
      write(changed, unsafe);
      const now = await modelFindings(true);
      assert.notDeepEqual(now, before, changed);
      assert.deepEqual(now, await modelFindings(false), changed);
      write(changed, safe);
      assert.deepEqual(await modelFindings(true), before, changed);
    }
  });

  it("stays consistent when several scans share it at once (separate processes)", async () => {
    const project = join(temp, "shop-concurrent");
    cpSync(join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    age(project);
    const cacheDir = join(temp, "shop-concurrent-cache");
    const results = (out: string) => JSON.stringify(JSON.parse(out).results);
    const expected = await runCli(["scan", "--project", project, "--no-cache", "-o", "json", "-q"]);
    const together = await Promise.all([1, 2, 3].map(() => runCli(["scan", "--project", project, "--cache-dir", cacheDir, "-o", "json", "-q"])));
    for (const r of together) assert.equal(results(r.stdout), results(expected.stdout), r.stderr);
    assert.deepEqual(readdirSync(cacheDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tmp")), [], "no temporary file is left");
    const warm = await runCli(["scan", "--project", project, "--cache-dir", cacheDir, "-o", "json", "-q"]);
    assert.equal(results(warm.stdout), results(expected.stdout));
  });

  it("does not trust the stamps of files modified just before the scan (they could change again unseen)", async () => {
    const project = join(temp, "shop-racy");
    cpSync(join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    const cacheDir = join(temp, "shop-racy-cache");
    await scan(project, cacheDir);
    const [record] = entries(cacheDir).filter((f) => f.includes("/scans/python-"));
    // Per file, four numbers: the stamp's size (-1 for a stamp not trusted), times and inode.
    const sizes = (value: { stamps: number[] }) => value.stamps.filter((_, i) => i % 4 === 0);
    const files = sizes(JSON.parse(readFileSync(record, "utf8")).value);
    assert.ok(files.length > 3);
    assert.deepEqual(files, files.map(() => -1), "no stamp is trusted: the next scan reads every file");
    assert.ok(fileEntries(cacheDir).length > 0, "per-file entries are still written: they are keyed by content");
    age(project);
    await scan(project, cacheDir);
    const aged = sizes(JSON.parse(readFileSync(record, "utf8")).value);
    assert.ok(aged.every((size) => size >= 0), "older files are trusted");
  });

  it("ignores corrupt, truncated and foreign entries", async () => {
    const project = join(temp, "shop");
    cpSync(join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    age(project);
    const cacheDir = join(temp, "shop-cache");
    const uncached = await scan(project);
    await scan(project, cacheDir);
    const files = entries(cacheDir);
    assert.ok(files.some((f) => f.includes("/scans/")), "the remembered scan is corrupted too");
    files.forEach((file, i) => {
      const text = readFileSync(file, "utf8");
      if (i % 3 === 0) writeFileSync(file, text.slice(0, text.length / 2));
      else if (i % 3 === 1) writeFileSync(file, JSON.stringify({ path: "elsewhere.py", analysis: { findings: [], errors: [], parsed: true } }));
      else writeFileSync(file, JSON.stringify({ path: JSON.parse(text).path, analysis: { findings: "no" } }));
    });
    assert.deepEqual(await scan(project, cacheDir), uncached);
  });

  it("neither reads nor writes a scope folder or a remembered scan that another context's digest named the same", async () => {
    const project = join(temp, "shop-foreign");
    cpSync(join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    age(project);
    const cacheDir = join(temp, "shop-foreign-cache");
    const uncached = await scan(project);
    await scan(project, cacheDir);
    const [scopeDir] = readdirSync(join(cacheDir, "v3")).map((name) => join(cacheDir, "v3", name));
    const scopeFile = join(scopeDir, "scope.txt");
    assert.ok(existsSync(scopeFile), "a scope folder says whose it is");
    // Remembered scans that hold another slot (another scan root or options with the same name digest) and claim
    // to have no findings: not this scan's.
    const remembered = entries(cacheDir).filter((f) => f.includes("/scans/"));
    for (const file of remembered) {
      const held = JSON.parse(readFileSync(file, "utf8")) as { slot: string; value: { results?: [number, unknown[], unknown[]][]; findings?: unknown[] } };
      for (const r of held.value.results ?? []) r[1] = [];
      if (held.value.findings) held.value.findings = [];
      writeFileSync(file, JSON.stringify({ ...held, slot: `${held.slot} ` }));
    }
    for (const f of fileEntries(cacheDir)) rmSync(f);
    assert.deepEqual(await scan(project, cacheDir), uncached, "another slot's remembered scan is not used");
    assert.ok(fileEntries(cacheDir).length > 0, "the files were analysed again");
    // A scope folder that holds another context: its entries (emptied of findings here) are not used, and the
    // scan writes nothing into it.
    for (const f of entries(cacheDir)) {
      const held = JSON.parse(readFileSync(f, "utf8")) as { analysis?: { findings: unknown[] }; value?: { results?: [number, unknown[], unknown[]][] } };
      if (held.analysis) held.analysis.findings = [];
      for (const r of held.value?.results ?? []) r[1] = [];
      writeFileSync(f, JSON.stringify(held));
    }
    writeFileSync(scopeFile, '["another context"]');
    const before = entries(cacheDir).map((f) => [f, readFileSync(f, "utf8")]);
    assert.deepEqual(await scan(project, cacheDir), uncached, "another context's entries are not used");
    assert.deepEqual(entries(cacheDir).map((f) => [f, readFileSync(f, "utf8")]), before, "nothing was written into its folder");
    assert.equal(readFileSync(scopeFile, "utf8"), '["another context"]');
  });

  it("re-analyses a file that changed, and what depends on it", async () => {
    const project = join(temp, "shop-edit");
    cpSync(join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    age(project);
    const cacheDir = join(temp, "shop-edit-cache");
    await scan(project, cacheDir);
    // The re-export now binds a JSON function: its users stop being findings.
    const compat = join(project, "src", "shop", "compat.py");
    writeFileSync(compat, readFileSync(compat, "utf8").replace("loads = pickle.loads", "import json\nloads = json.loads"));
    const warm = await scan(project, cacheDir);
    assert.deepEqual(warm, await scan(project));
    assert.ok(!warm.some((f) => f.includes("scripts/run.py") && f.includes('"line":9,')), "unpickle(blob) is no longer resolved to pickle");
  });

  it("re-analyses the callers of a module summarised for their data flows when it changes what a function returns", async () => {
    const project = join(temp, "webapp-flow-edit");
    cpSync(join(FIXTURES, "PYTHON-DESER-001", "projects", "webapp"), project, { recursive: true });
    age(project);
    const cacheDir = join(temp, "webapp-flow-edit-cache");
    const cold = await scan(project, cacheDir);
    const viewsLine52 = (fs: string[]) => fs.some((f) => f.startsWith('["PYTHON-DESER-001"') && f.includes("app/views.py") && f.includes('"line":52,'));
    assert.ok(viewsLine52(cold), "the download two modules away reaches pickle.loads");
    // Same size and names, but the helper no longer downloads: only its full flow summary changes.
    const fetch = join(project, "helpers", "fetch.py");
    writeFileSync(fetch, readFileSync(fetch, "utf8").replace("return requests.get(url, timeout=5).content", "return b\"constant\" + url.encode()   "));
    utimesSync(fetch, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const warm = await scan(project, cacheDir);
    assert.deepEqual(warm, await scan(project));
    assert.ok(!viewsLine52(warm), "the helper returns a constant now");
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
  it("removes what no scan can read any more: other entry formats and scopes idle for a week or beyond the last few", async () => {
    const project = tempProject({ "app.py": "import pickle\n\ndef f(b):\n    return pickle.loads(b)\n" });
    const cacheDir = join(project, ".pathfinder_cache");
    const scanned = await runCli(["scan", "--project", project, "-o", "json", "-q"]);
    assert.equal(JSON.parse(scanned.stdout).results.length, 1, scanned.stderr);
    const [current] = readdirSync(join(cacheDir, "v3"));
    const scope = (name: string, daysIdle: number) => {
      mkdirSync(join(cacheDir, "v3", name, "ab"), { recursive: true });
      writeFileSync(join(cacheDir, "v3", name, "ab", "entry.json"), "{}");
      const used = new Date(Date.now() - daysIdle * 24 * 3600_000);
      utimesSync(join(cacheDir, "v3", name), used, used);
    };
    scope("00000000000000aa", 30);
    for (let i = 0; i < 9; i++) scope(`00000000000000b${i}`, i * 0.5); // recent, but more than the cache keeps
    mkdirSync(join(cacheDir, "v1", "0123456789abcdef"), { recursive: true });
    mkdirSync(join(cacheDir, "v3", "notes"));
    writeFileSync(join(cacheDir, "v3", "README"), "kept");
    // Pruning comes with a scan that writes to the cache: one that has a file to analyse again.
    writeFileSync(join(project, "app.py"), readFileSync(join(project, "app.py"), "utf8") + "\n# edited\n");
    const again = await runCli(["scan", "--project", project, "-o", "json", "-q"]);
    assert.deepEqual(JSON.parse(again.stdout).results, JSON.parse(scanned.stdout).results);
    assert.ok(!existsSync(join(cacheDir, "v1")), "an old entry format is removed");
    const left = readdirSync(join(cacheDir, "v3")).sort();
    assert.deepEqual(left, [current, ..."0123456".split("").map((i) => `00000000000000b${i}`), "README", "notes"].sort());

    // A scan that only reads the cache marks its scope as used too, so that other scans do not prune it.
    const longAgo = new Date(Date.now() - 30 * 24 * 3600_000);
    utimesSync(join(cacheDir, "v3", current), longAgo, longAgo);
    await runCli(["scan", "--project", project, "-o", "json", "-q"]);
    assert.ok(Date.now() - statSync(join(cacheDir, "v3", current)).mtimeMs < 3600_000);

    // A --cache-dir that holds its own .gitignore is not the cache's folder: nothing in it is touched.
    const shared = join(temp, "shared-folder");
    mkdirSync(join(shared, "v1"), { recursive: true });
    writeFileSync(join(shared, ".gitignore"), "build/\n");
    await runCli(["scan", "--project", project, "--cache-dir", shared, "-o", "json", "-q"]);
    assert.equal(readFileSync(join(shared, ".gitignore"), "utf8"), "build/\n");
    assert.ok(existsSync(join(shared, "v1")));
  });
});
