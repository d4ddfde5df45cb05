// How the CLI starts: the built script and its code cache (build/cli), commands loaded on use, analysers loaded only
// when a file needs analysing, and the repository prefix found without git. Each test runs the real CLI.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { REPO_ROOT, runCli } from "./helpers/cli.js";

const temp = mkdtempSync(join(tmpdir(), "pathfinder-start-"));
after(() => rmSync(temp, { recursive: true, force: true }));

/** The JSON report's results and warnings, without what differs between two runs of one scan (time, duration). */
function results(stdout: string): unknown {
  const report = JSON.parse(stdout) as { scan: { files_scanned: number }; results: unknown[]; errors: unknown[] };
  return { files: report.scan.files_scanned, results: report.results, errors: report.errors };
}

/** Files dated a minute ago: a scan does not trust stamps within a clock tick of its start. */
function age(dir: string): void {
  const then = new Date(Date.now() - 60_000);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), then, then);
  }
}

/** A copy of the built CLI (bin/ and build/cli/ beside a package.json) that a test may take files away from. */
function copyOfBuild(name: string): { bin: string; cli: string } {
  const root = join(temp, name);
  mkdirSync(join(root, "build"), { recursive: true });
  cpSync(join(REPO_ROOT, "bin"), join(root, "bin"), { recursive: true });
  cpSync(join(REPO_ROOT, "build", "cli"), join(root, "build", "cli"), { recursive: true, filter: (f) => !f.endsWith(".map") });
  copyFileSync(join(REPO_ROOT, "package.json"), join(root, "package.json"));
  return { bin: join(root, "bin", "pathfinder.js"), cli: join(root, "build", "cli") };
}

function run(bin: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("the built CLI scripts and their code caches", () => {
  it("build/cli holds the scripts, their code caches and the module that loads them", () => {
    for (const file of ["pathfinder.js", "pathfinder-cli.cjs", "pathfinder-cli.cjs.cache", "pathfinder-cli-scan.cjs", "pathfinder-cli-scan.cjs.cache", "pathfinder-cli-python.cjs", "pathfinder-cli-artifacts.cjs", "pathfinder-cli-artifacts.cjs.cache", "worker.js", "index.js"]) {
      assert.ok(existsSync(join(REPO_ROOT, "build", "cli", file)), file);
    }
  });

  it("a fresh Node process takes every script's trained code cache", () => {
    const cli = join(REPO_ROOT, "build", "cli");
    const names = readdirSync(cli).filter((f) => f.endsWith(".cjs.cache")).map((f) => f.slice(0, -".cache".length));
    assert.ok(names.length >= 2, names.join(", "));
    const loader = pathToFileURL(join(cli, "pathfinder.js")).href;
    const check = `const { codeCachesAccepted } = await import(${JSON.stringify(loader)}); console.log(${JSON.stringify(names)}.filter((n) => !codeCachesAccepted([n])).join(" ") || "all");`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", check], { encoding: "utf8" });
    assert.equal(r.stdout.trim(), "all", r.stderr);
  });

  it("scripts loaded after a run changed V8's flags (heap settings, the top tier held back) still take their caches", () => {
    // A Python file to analyse, model files and a requirements file: the analysis sets heap flags before the model
    // scanner and the manifests' parsers are loaded.
    const project = join(temp, "flags-project");
    mkdirSync(join(project, "models"), { recursive: true });
    writeFileSync(join(project, "app.py"), "import pickle\n\ndef load(b):\n    return pickle.loads(b)\n");
    writeFileSync(join(project, "requirements.txt"), "torch==2.1.0\n");
    for (const model of readdirSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "attacks")).slice(0, 20)) {
      cpSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "attacks", model), join(project, "models", model), { recursive: true });
    }
    const loader = pathToFileURL(join(REPO_ROOT, "build", "cli", "pathfinder.js")).href;
    const script = `const { main, scriptsLoaded } = await import(${JSON.stringify(loader)});
const { PassThrough } = await import("node:stream");
const code = await main(["scan", "--project", ${JSON.stringify(project)}, "--no-cache", "-o", "json"], { stdout: new PassThrough().resume(), stderr: process.stderr, env: {}, cwd: ${JSON.stringify(project)} });
console.log(JSON.stringify({ code, scripts: scriptsLoaded() }));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    const { code, scripts } = JSON.parse(r.stdout) as { code: number; scripts: { name: string; cacheTaken: boolean }[] };
    assert.ok(code === 0 || code === 1, r.stderr);
    const names = scripts.map((s) => s.name);
    for (const name of ["pathfinder-cli.cjs", "pathfinder-cli-scan.cjs", "pathfinder-cli-python.cjs", "pathfinder-cli-artifacts.cjs", "pathfinder-cli-dependencies.cjs"]) assert.ok(names.includes(name), names.join(", "));
    assert.deepEqual(scripts.filter((s) => !s.cacheTaken), []);
  });

  it("--version reads only the first script, a warm scan of unchanged files only the first two: the others may be missing", () => {
    const { bin, cli } = copyOfBuild("first-scripts-only");
    const project = join(temp, "first-script-project");
    cpSync(join(REPO_ROOT, "fixtures", "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    // No dependency manifest: the scan would read it (and load the manifest parsers' script) on every run.
    rmSync(join(project, "pyproject.toml"));
    writeFileSync(join(project, "scripts", "settings.py"), "RETRIES = 3\n");
    age(project);
    const cacheDir = join(temp, "first-script-cache");
    const scan = () => {
      const r = run(bin, ["scan", "--project", project, "--cache-dir", cacheDir, "-o", "json"]);
      assert.equal(r.code, 0, r.stderr);
      return results(r.stdout);
    };
    const cold = scan();
    assert.ok((cold as { results: unknown[] }).results.length > 0);
    const others = readdirSync(cli).filter((f) => /^pathfinder-cli-.*\.cjs(\.cache)?$/.test(f) && !f.startsWith("pathfinder-cli-scan."));
    assert.ok(others.some((f) => f === "pathfinder-cli-python.cjs"), others.join(", "));
    const sarif = () => {
      const r = run(bin, ["scan", "--project", project, "--cache-dir", cacheDir, "-o", "sarif"]);
      assert.equal(r.code, 0, r.stderr);
      return (JSON.parse(r.stdout) as { runs: { tool: unknown; results: unknown }[] }).runs.map((x) => ({ tool: x.tool, results: x.results }));
    };
    const coldSarif = sarif();
    for (const file of others) rmSync(join(cli, file));
    assert.deepEqual(scan(), cold);
    // The rules' metadata (SARIF's rule descriptors, with their docs) is remembered: their script is not needed.
    assert.deepEqual(sarif(), coldSarif);
    for (const file of ["pathfinder-cli-scan.cjs", "pathfinder-cli-scan.cjs.cache"]) copyFileSync(join(cli, file), join(temp, file));
    for (const file of ["pathfinder-cli-scan.cjs", "pathfinder-cli-scan.cjs.cache"]) rmSync(join(cli, file));
    const version = run(bin, ["--version"]);
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    for (const file of ["pathfinder-cli-scan.cjs", "pathfinder-cli-scan.cjs.cache"]) copyFileSync(join(temp, file), join(cli, file));
    // An edit that adds no rule's token, and names no module the whole-program pass found leading to a sink, keeps
    // every other file's results without the Python analysis (or the rules: their tokens are in the cache's record).
    // (Not aged: `age` gives every file a new change time, which a stamp holds.)
    appendFileSync(join(project, "scripts", "settings.py"), "TIMEOUT = 5  # no rule's token\n");
    assert.deepEqual(scan(), cold);
    // Without the Python analysis's script, a changed file cannot be analysed: the test would notice a scan that
    // did not need it. Naming a module that leads to a sink changes what the whole-program pass sees, token or not.
    appendFileSync(join(project, "scripts", "settings.py"), "from shop import decode\n");
    assert.notEqual(run(bin, ["scan", "--project", project, "--cache-dir", cacheDir, "-o", "json"]).code, 0);
    appendFileSync(join(project, "scripts", "pickle_utils.py"), "\n# touched\n");
    age(project);
    assert.notEqual(run(bin, ["scan", "--project", project, "--cache-dir", cacheDir, "-o", "json"]).code, 0);
  });

  it("a warm scan of unchanged manifests reads them from the cache (without their parsers' script); a changed one is read again", () => {
    const { bin, cli } = copyOfBuild("remembered-manifests");
    const project = join(temp, "manifest-project");
    cpSync(join(REPO_ROOT, "fixtures", "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    // keras 2.12 has an advisory that notes nothing on the code (unlike torch, numpy and PyYAML pins).
    writeFileSync(join(project, "requirements.txt"), "keras==2.12.0\n");
    age(project);
    const cacheDir = join(temp, "manifest-cache");
    const scan = (...args: string[]) => {
      const r = run(bin, ["scan", "--project", project, "-o", "json", ...args]);
      assert.equal(r.code, 0, r.stderr);
      return results(r.stdout);
    };
    const rules = (report: unknown) => (report as { results: { rule_id: string; location: { file: string } }[] }).results.filter((r) => r.location.file === "requirements.txt").map((r) => r.rule_id);
    const cold = scan("--cache-dir", cacheDir);
    assert.deepEqual(rules(cold), ["PYTHON-DEPS-SEC-001"]);
    const scripts = readdirSync(cli).filter((f) => /^pathfinder-cli-(dependencies|python)\.cjs(\.cache)?$/.test(f));
    for (const file of scripts) copyFileSync(join(cli, file), join(temp, `manifests-${file}`));
    for (const file of scripts) rmSync(join(cli, file));
    assert.deepEqual(scan("--cache-dir", cacheDir), cold);
    // Without the parsers' script a changed manifest cannot be read: the scan fails rather than reuse what it knew.
    writeFileSync(join(project, "requirements.txt"), "keras==2.13.0\n");
    age(project);
    assert.notEqual(run(bin, ["scan", "--project", project, "--cache-dir", cacheDir, "-o", "json"]).code, 0);
    for (const file of scripts) copyFileSync(join(temp, `manifests-${file}`), join(cli, file));
    const changed = scan("--cache-dir", cacheDir);
    assert.deepEqual(rules(changed), []);
    assert.deepEqual(changed, scan("--no-cache"));
  });

  it("a fresh Node process takes the trained code cache (a cache V8 rejects would cost every run a compile)", () => {
    const loader = pathToFileURL(join(REPO_ROOT, "build", "cli", "pathfinder.js")).href;
    const check = `const { codeCacheAccepted } = await import(${JSON.stringify(loader)}); console.log(codeCacheAccepted);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", check], { encoding: "utf8" });
    assert.equal(r.stdout.trim(), "true", r.stderr);
  });

  it("runs the same without the code caches, and with corrupt ones (V8 rejects them and compiles the scripts)", () => {
    const project = join(REPO_ROOT, "fixtures", "PYTHON-LANG-SEC-040", "projects", "shop");
    const expected = run(join(REPO_ROOT, "bin", "pathfinder.js"), ["scan", "--project", project, "--no-cache", "-o", "json"]);
    assert.equal(expected.code, 0, expected.stderr);
    const { bin, cli } = copyOfBuild("no-code-cache");
    const caches = readdirSync(cli).filter((f) => f.endsWith(".cjs.cache"));
    for (const cache of caches) writeFileSync(join(cli, cache), Buffer.from("not V8 code at all"));
    const corrupt = run(bin, ["scan", "--project", project, "--no-cache", "-o", "json"]);
    assert.equal(corrupt.code, 0, corrupt.stderr);
    assert.equal(corrupt.stderr, "");
    assert.deepEqual(results(corrupt.stdout), results(expected.stdout));
    for (const cache of caches) rmSync(join(cli, cache));
    const none = run(bin, ["scan", "--project", project, "--no-cache", "-o", "json"]);
    assert.equal(none.code, 0, none.stderr);
    assert.deepEqual(results(none.stdout), results(expected.stdout));
  });
});

describe("commands load on use", () => {
  it("--help lists every command, and each one's own help is its usage", async () => {
    const help = await runCli(["--help"]);
    assert.equal(help.code, 0);
    const names = [...help.stdout.matchAll(/^ {2}([a-z]+) {2,}\S/gm)].map((m) => m[1]);
    assert.deepEqual(names, ["scan", "ci", "inspect", "rules", "playground", "lsp", "serve"]);
    for (const name of names) {
      const own = await runCli(["help", name]);
      assert.equal(own.code, 0, name);
      assert.match(own.stdout, new RegExp(`^Usage: pathfinder ${name}\\b`), name);
    }
  });

  it("an unknown command still gets a suggestion", async () => {
    const r = await runCli(["scna"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command "scna" \(did you mean "scan"\?\)/);
  });
});

describe("analysers are loaded only when a file needs analysing", () => {
  let bin: string;
  let cli: string;
  let project: string;
  const cacheDir = join(temp, "warm-cache");
  before(() => {
    ({ bin, cli } = copyOfBuild("without-parsers"));
    project = join(temp, "warm-project");
    cpSync(join(REPO_ROOT, "fixtures", "PYTHON-LANG-SEC-040", "projects", "shop"), project, { recursive: true });
    mkdirSync(join(project, "models"));
    for (const model of readdirSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "real")).filter((f) => f !== "MANIFEST.md").slice(0, 6)) {
      copyFileSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "real", model), join(project, "models", model));
    }
    age(project);
  });

  const scan = (extra: string[]) => {
    const r = run(bin, ["scan", "--project", project, "-o", "json", ...extra]);
    assert.equal(r.code, 0, r.stderr);
    return results(r.stdout);
  };

  it("a warm scan of unchanged files, and a model-file scan, run without the parsers' wasm files", () => {
    const cold = scan(["--cache-dir", cacheDir]);
    assert.deepEqual(cold, scan(["--no-cache"]));
    // Without the tree-sitter runtime and grammars (and no node_modules to fall back on), any parse would fail.
    for (const wasm of readdirSync(cli).filter((f) => f.endsWith(".wasm"))) rmSync(join(cli, wasm));
    assert.deepEqual(scan(["--cache-dir", cacheDir]), cold, "warm, nothing changed");
    const models = run(bin, ["scan", "--ruleset", "artifact/all", "--project", join(project, "models"), "--no-cache", "-o", "json"]);
    assert.equal(models.code, 0, models.stderr);
    assert.ok((JSON.parse(models.stdout) as { scan: { files_scanned: number } }).scan.files_scanned >= 6);
  });

  it("a model-file scan without a cache loads none of Node's crypto, worker and performance modules", () => {
    // Each costs a run milliseconds to load; a folder of small models is scanned in about as many.
    const probe = join(temp, "loaded-modules.cjs");
    writeFileSync(probe, `process.on("exit", () => require("node:fs").writeSync(2, "\\nLOADED " + JSON.stringify(process.moduleLoadList) + "\\n"));`);
    const r = spawnSync(process.execPath, ["--require", probe, join(REPO_ROOT, "bin", "pathfinder.js"), "scan", "--ruleset", "artifact/all", "--project", join(REPO_ROOT, "fixtures", "artifact-corpus"), "--no-cache", "-o", "json"], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.ok((JSON.parse(r.stdout) as { results: unknown[] }).results.length > 0, "the corpus's attacks are reported");
    const loaded = JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)![1]!) as string[];
    for (const module of ["crypto", "worker_threads", "perf_hooks"]) assert.ok(!loaded.includes(`NativeModule ${module}`), `${module} was loaded`);
  });

  it("a model-file scan opens each model file once: the Java stream check takes the first bytes already read", () => {
    // Counts Node's opens per path in the real CLI process (the bundle calls fs.openSync through the module object).
    const probe = join(temp, "count-opens.cjs");
    writeFileSync(
      probe,
      `const fs = require("node:fs"); const opens = {}; const open = fs.openSync;
fs.openSync = function (p, ...rest) { opens[String(p)] = (opens[String(p)] ?? 0) + 1; return open.call(this, p, ...rest); };
process.on("exit", () => fs.writeSync(2, "\\nOPENS " + JSON.stringify(opens) + "\\n"));`,
    );
    const models = join(temp, "opened-models");
    cpSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "real"), models, { recursive: true });
    cpSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "attacks"), models, { recursive: true });
    // A Java stream among them: the check still finds it (it is read whole once it is known to be one).
    copyFileSync(join(REPO_ROOT, "test", "data", "java-streams", "cc-payload.ser"), join(models, "session.bin"));
    for (const ruleset of [["--ruleset", "artifact/all"], []]) {
      const r = spawnSync(process.execPath, ["--require", probe, join(REPO_ROOT, "bin", "pathfinder.js"), "scan", ...ruleset, "--project", models, "--no-cache", "-o", "json"], { encoding: "utf8" });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const report = JSON.parse(r.stdout) as { results: { rule_id: string; location: { file: string } }[] };
      assert.ok(report.results.some((f) => f.rule_id === "JAVA-ARTIFACT-001" && f.location.file === "session.bin"), "the Java stream is reported");
      const opens = JSON.parse(/^OPENS (.*)$/m.exec(r.stderr)![1]!) as Record<string, number>;
      const pickles = Object.keys(opens).filter((p) => p.startsWith(models) && /\.(pkl|pt|joblib|npy|npz)$/.test(p));
      assert.ok(pickles.length > 100, `${pickles.length} model files opened`);
      assert.deepEqual(pickles.filter((p) => opens[p] !== 1), [], "opened more than once");
    }
  });

  it("a scan of a project without dependency manifests loads no manifest parser, YAML or PEP 440 library", () => {
    // The compiled modules (build/src), loaded one by one: a module hook lists every module the scan loads. The
    // bundled CLI has the same static and dynamic imports, so it initialises the same modules.
    const hooks = join(temp, "list-loads.mjs");
    writeFileSync(
      hooks,
      `import { writeSync } from "node:fs";
export async function load(url, context, next) { writeSync(2, "LOADED " + url + "\\n"); return next(url, context); }`,
    );
    const register = join(temp, "register-list-loads.mjs");
    writeFileSync(register, `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(hooks).href)});`);
    const cli = pathToFileURL(join(REPO_ROOT, "build", "src", "cli", "main.js")).href;
    const loads = (args: string[]) => {
      const script = `const { main } = await import(${JSON.stringify(cli)}); process.exitCode = await main(${JSON.stringify(args)}, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });`;
      const r = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, "--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      return [...r.stderr.matchAll(/^LOADED (.*)$/gm)].map((m) => m[1]!);
    };
    const parsers = (urls: string[]) => urls.filter((u) => /node_modules\/(yaml|@renovatebot\/pep440)\/|dependencies\/(manifests|conda|versions|pep508)\.js$/.test(u));
    const models = join(temp, "models-only");
    // Model files whose configs mention `_target_` or fiddle pyrefs load the YAML parser to judge them (artifacts/config/yaml.ts): left out.
    cpSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "attacks"), models, { recursive: true, filter: (path) => !/s24-(.*target|nemo)|s25-nemo2/.test(path) });
    for (const ruleset of [["--ruleset", "artifact/all"], []]) {
      assert.deepEqual(parsers(loads(["scan", ...ruleset, "--project", models, "--no-cache", "-o", "json"])), [], ruleset.join(" ") || "default ruleset");
    }
    const configs = join(temp, "model-configs");
    cpSync(join(REPO_ROOT, "fixtures", "artifact-corpus", "attacks", "s24-nemo-target-builtins-exec.nemo"), join(configs, "asr.nemo"));
    assert.ok(loads(["scan", "--ruleset", "artifact/all", "--project", configs, "--no-cache", "-o", "json"]).some((u) => u.endsWith("artifacts/config/yaml.js")), "a model config with _target_ loads the YAML parser");
    // With a conda environment file and a requirements file beside the models, they are parsed.
    writeFileSync(join(models, "environment.yml"), "dependencies:\n  - pip:\n    - torch==2.1.0\n");
    writeFileSync(join(models, "requirements.txt"), "torch==2.1.0\n");
    const withManifests = parsers(loads(["scan", "--project", models, "--no-cache", "-o", "json"]));
    for (const module of ["node_modules/yaml/", "node_modules/@renovatebot/pep440/", "dependencies/manifests.js"]) {
      assert.ok(withManifests.some((u) => u.includes(module)), `${module} is loaded to read the manifests`);
    }
  });

  it("after touching, adding and removing files, warm scans equal scans without the cache", () => {
    const { cli: withParsers } = { cli: join(REPO_ROOT, "build", "cli") };
    for (const wasm of readdirSync(withParsers).filter((f) => f.endsWith(".wasm"))) copyFileSync(join(withParsers, wasm), join(cli, wasm));
    const edits: (() => void)[] = [
      () => appendFileSync(join(project, "scripts", "pickle_utils.py"), "\n# touched\n"),
      () => writeFileSync(join(project, "scripts", "added.py"), "import pickle\n\ndef load(b):\n    return pickle.loads(b)\n"),
      () => rmSync(join(project, "scripts", "added.py")),
      () => rmSync(join(project, "models", readdirSync(join(project, "models"))[0])),
    ];
    for (const edit of edits) {
      edit();
      age(project);
      assert.deepEqual(scan(["--cache-dir", cacheDir]), scan(["--no-cache"]));
    }
  });

  it("the Java stream check is remembered with the files' stamps: a changed or removed stream is checked again", () => {
    const streams = join(REPO_ROOT, "test", "data", "java-streams");
    const stream = join(project, "models", "session.bin");
    const gadgets = (report: unknown) => (report as { results: { rule_id: string; location: { file: string } }[] }).results.filter((r) => r.rule_id === "JAVA-ARTIFACT-001").map((r) => r.location.file);
    const steps: [() => void, string[]][] = [
      [() => copyFileSync(join(streams, "cc-payload.ser"), stream), ["models/session.bin"]],
      [() => copyFileSync(join(streams, "state.ser"), stream), []],
      [() => copyFileSync(join(streams, "cc-payload.ser"), stream), ["models/session.bin"]],
      [() => rmSync(stream), []],
    ];
    for (const [edit, expected] of steps) {
      edit();
      age(project);
      const warm = scan(["--cache-dir", cacheDir]);
      assert.deepEqual(gadgets(warm).filter((f, i, all) => all.indexOf(f) === i), expected);
      assert.deepEqual(scan(["--cache-dir", cacheDir]), warm, "again, unchanged");
      assert.deepEqual(warm, scan(["--no-cache"]));
    }
  });
});

describe("the repository prefix of report paths", () => {
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const sarifUris = (stdout: string) =>
    (JSON.parse(stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0].results.map(
      (r) => r.locations[0].physicalLocation.artifactLocation.uri,
    );

  it("is found from the .git folder or file, as git finds it, without git on the PATH", () => {
    const repo = join(temp, "repo");
    const api = join(repo, "services", "api");
    mkdirSync(api, { recursive: true });
    writeFileSync(join(api, "app.py"), "import pickle\n\ndef f(b):\n    return pickle.loads(b)\n");
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "init");
    const linked = join(temp, "linked");
    git(repo, "worktree", "add", "-q", linked);
    for (const [top, folder] of [
      [repo, api],
      [linked, join(linked, "services", "api")],
      [repo, repo],
    ]) {
      const prefix = git(folder, "rev-parse", "--show-prefix").trim();
      const r = spawnSync(process.execPath, [join(REPO_ROOT, "bin", "pathfinder.js"), "scan", "--project", folder, "--no-cache", "-o", "sarif"], {
        encoding: "utf8",
        env: { ...process.env, PATH: "/nonexistent" },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(sarifUris(r.stdout), [`${prefix}${folder === top ? "services/api/" : ""}app.py`], folder);
    }
  });

  it("is empty outside any repository", () => {
    const outside = mkdtempSync(join(tmpdir(), "pathfinder-no-repo-"));
    try {
      writeFileSync(join(outside, "app.py"), "import pickle\npickle.loads(b'')\n");
      const r = spawnSync(process.execPath, [join(REPO_ROOT, "bin", "pathfinder.js"), "scan", "--project", outside, "--no-cache", "-o", "sarif"], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(sarifUris(r.stdout), ["app.py"]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
