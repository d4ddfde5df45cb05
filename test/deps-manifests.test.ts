// Manifest readers and PEP 440 matching, on real manifest texts (browser-safe modules, called directly), plus
// include handling (-r cycles, paths outside the project) through a real project scan.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseManifest, manifestKind } from "../src/dependencies/manifests.js";
import { poetryConstraint } from "../src/dependencies/pyproject.js";
import { admits, affects } from "../src/dependencies/versions.js";
import { matchAdvisories } from "../src/dependencies/match.js";
import { scanProject } from "../src/index.js";
import { tempProject } from "./helpers/cli.js";
import { TEST_TOOL as TOOL } from "./helpers/scan.js";


describe("PEP 440 matching", () => {
  it("intersects specifier sets with affected ranges", () => {
    assert.equal(affects("2.5.1", "<2.6.0"), true);
    assert.equal(affects("2.6.0", "<2.6.0"), false);
    assert.equal(affects("2.6.0rc1", "<2.6.0"), true);
    assert.equal(affects("1!0.1", "<2.6.0"), false, "an epoch sorts above every epoch-0 version");
    assert.equal(admits(">=2.0", "<2.6.0"), true);
    assert.equal(admits(">=2.6", "<2.6.0"), false);
    assert.equal(admits("~=3.13.2", ">=3.0.0,<3.13.2"), false);
    assert.equal(admits("~=3.5", ">=3.0.0,<3.9.0"), true);
    assert.equal(admits("==1.16.*", "<1.16.3"), true);
    assert.equal(admits("==1.17.*", "<1.16.3"), false);
    assert.equal(admits(">2.5.1,<2.6", "<2.6.0"), true);
    assert.equal(admits(">=2.4.3,<2.5", "<2.3.4 || >=2.4.0,<2.4.3 || >=2.5.0,<2.5.1"), false);
    assert.equal(admits(">=2.4,<2.5", "<2.3.4 || >=2.4.0,<2.4.3 || >=2.5.0,<2.5.1"), true);
    assert.equal(admits("<=5.4,>=5.4", "<5.4"), false);
    assert.equal(admits("garbage", "<5.4"), false, "an unreadable specifier matches nothing");
  });

  it("translates Poetry constraints", () => {
    assert.equal(poetryConstraint("^1.2.3"), ">=1.2.3,<2");
    assert.equal(poetryConstraint("^0.2.3"), ">=0.2.3,<0.3");
    assert.equal(poetryConstraint("~1.2"), ">=1.2,<1.3");
    assert.equal(poetryConstraint("1.2.3"), "==1.2.3");
    assert.equal(poetryConstraint("*"), "");
    assert.equal(poetryConstraint(">=1.0,<2.0"), ">=1.0,<2.0");
    assert.equal(poetryConstraint("^1.0 || ^2.0"), undefined);
  });
});

describe("manifest readers", () => {
  it("recognises manifests by name", () => {
    for (const [path, kind] of [
      ["requirements.txt", "requirements"],
      ["requirements-dev.txt", "requirements"],
      ["requirements/base.in", "requirements"],
      ["svc/constraints.txt", "constraints"],
      ["environment.yml", "conda"],
      ["pkg/pyproject.toml", "pyproject"],
      ["Pipfile.lock", "Pipfile.lock"],
      ["notes.txt", undefined],
      ["config.yml", undefined],
      // Every kind, in any case, and names that only end like one.
      ["setup.py", "setup.py"],
      ["pkg/SETUP.PY", "setup.py"],
      ["mysetup.py", undefined],
      ["setup.pyc", undefined],
      ["a/setup.cfg", "setup.cfg"],
      ["Pipfile", "Pipfile"],
      ["a/pipfile", "Pipfile"],
      ["poetry.lock", "poetry.lock"],
      ["UV.LOCK", "uv.lock"],
      ["pdm.lock", "pdm.lock"],
      ["other.lock", undefined],
      ["conda-env.yaml", "conda"],
      ["Requirements-Dev.TXT", "requirements"],
      ["deps/requirements/prod.IN", "requirements"],
      ["constraint.txt", "constraints"],
      ["PyProject.TOML", "pyproject"],
      ["ruff.toml", undefined],
    ] as const) {
      assert.equal(manifestKind(path), kind, path);
    }
  });

  it("Pipfile.lock: locked versions on their version lines", () => {
    const text = JSON.stringify({ _meta: {}, default: { torch: { hashes: [], version: "==2.5.1" }, requests: { version: "==2.31.0" } }, develop: { pyyaml: { version: "==5.3.1" } } }, null, 4);
    const { dependencies, problems } = parseManifest("Pipfile.lock", text);
    assert.deepEqual(problems, []);
    const torch = dependencies.find((d) => d.name === "torch")!;
    assert.equal(torch.locked, true);
    assert.equal(torch.version, "2.5.1");
    assert.match(torch.snippet, /"version": "==2\.5\.1"/);
    const yaml = dependencies.find((d) => d.name === "pyyaml")!;
    assert.match(text.split("\n")[yaml.line - 1], /5\.3\.1/);
    assert.deepEqual(matchAdvisories(dependencies).map((m) => m.dependency.name).sort(), ["pyyaml", "torch"]);
  });

  it("setup.py is read statically: string literals only, f-strings and comments skipped", () => {
    const text = [
      "from setuptools import setup",
      "VERSION = '1'",
      "setup(",
      "    install_requires=[",
      "        'torch==2.5.1',  # 'numpy==1.0.0'",
      "        f'keras=={VERSION}',",
      "        \"PyYAML==5.3.1\",",
      "    ],",
      ")",
    ].join("\n");
    const deps = parseManifest("setup.py", text).dependencies;
    assert.deepEqual(deps.map((d) => [d.name, d.version, d.line]), [["torch", "2.5.1", 5], ["pyyaml", "5.3.1", 7]]);
  });

  it("conda specs: pins, wildcards, channels, pip section", () => {
    const text = ["dependencies:", "  - numpy=1.16.2", "  - numpy=1.15", "  - defaults::pyyaml>=5,<5.4", "  - python=3.9", "  - pip:", "      - torch==2.5.1 ; sys_platform == 'linux'"].join("\n");
    const deps = parseManifest("environment.yml", text).dependencies;
    assert.deepEqual(deps.map((d) => [d.name, d.specifier, d.version ?? null, d.line]), [
      ["numpy", "==1.16.2", "1.16.2", 2],
      ["numpy", "==1.15.*", null, 3],
      ["pyyaml", ">=5,<5.4", null, 4],
      ["torch", "==2.5.1", "2.5.1", 7],
    ]);
    assert.equal(deps[3].markers, "sys_platform == 'linux'");
  });

  it("hostile and broken inputs give problems, never exceptions", () => {
    for (const [path, text] of [
      ["pyproject.toml", "[project\n"],
      ["poetry.lock", "[[package]]\nname = 1\nversion = []\n"],
      ["Pipfile.lock", "{not json"],
      ["environment.yml", "dependencies: [\n  - : :"],
      ["setup.py", "setup(install_requires=[" + "[".repeat(10000)],
      ["requirements.txt", "torch==\n==1.0\n-r\n" + "\\\n".repeat(1000)],
      ["setup.cfg", "[options]\ninstall_requires =\n    ===\n"],
    ] as const) {
      assert.doesNotThrow(() => parseManifest(path, text), path);
    }
    assert.ok(parseManifest("pyproject.toml", "[project\n").problems[0].message.startsWith("invalid TOML"));
  });
});

describe("requirements includes in a project scan", () => {
  it("follows -r and -c, survives cycles, refuses paths outside the project", async () => {
    const dir = tempProject({
      "requirements.txt": "-r requirements/dev.txt\n-c ../outside.txt\n",
      "requirements/dev.txt": "-r ../requirements.txt\n-r extra.lst\n",
      "requirements/extra.lst": "torch==2.5.1\n",
    });
    const report = await scanProject({ target: dir, rulesets: ["python/deps"], include: [], exclude: [], skipTests: false, gitignore: true, maxFileSize: 5_000_000, jobs: 0, tool: TOOL });
    assert.deepEqual(report.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`), ["PYTHON-DEPS-SEC-001 requirements/extra.lst:1"]);
    assert.ok(report.errors.some((e) => e.file === "requirements.txt" && e.line === 2 && /outside the project/.test(e.message)));
  });
});
