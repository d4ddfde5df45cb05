// Discovery (src/project/discover.ts) on real trees: files come in the order of their relative paths as strings
// compare them (what every report's order and the cache's keys rest on), and each is Python by its extension or
// by a Python shebang when it has no extension.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { discover, isExcludedFromDiscovery } from "../src/project/discover.js";

const temp = mkdtempSync(join(tmpdir(), "pathfinder-discover-test-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const OPTIONS = { include: [], exclude: [], skipTests: false, gitignore: true };

function tree(name: string, files: Record<string, string>): string {
  const root = join(temp, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("discover", () => {
  it("lists files in the order of their relative paths, compared as strings", async () => {
    // Names around "/" (0x2F) and "." (0x2E), upper and lower case, digits, non-ASCII and astral characters.
    const names = [
      "a.py", "a/b.py", "a/b/c.py", "a-b.py", "a.b/x.py", "a0.py", "A.py", "B/a.py", "_x.py", "é.py", "e\u0301.py",
      "z/😀.py", "z/\uff5e.py", "z/~.py", "z/a.txt", "z/a.pkl", "z/a", "zz/.hidden.py", "a/b/c/d/e.py", "a/b.c/d.py",
    ];
    const root = tree("order", Object.fromEntries(names.map((n) => [n, "x = 1\n"])));
    const { files } = await discover(root, OPTIONS);
    const paths = files.map((f) => f.relPath);
    const expected = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(paths, expected);
  });

  it("keeps that order with directories reached through symbolic links, which are walked last", async () => {
    const root = tree("linked-order", { "b/x.py": "", "c.py": "", "d/e.py": "" });
    symlinkSync(join(root, "d"), join(root, "a"));
    const { files } = await discover(root, OPTIONS);
    // "a" is the same directory as "d": walked once, by its real path.
    assert.deepEqual(files.map((f) => f.relPath), ["b/x.py", "c.py", "d/e.py"]);
    symlinkSync(join(temp, "linked-elsewhere"), join(root, "0"));
    mkdirSync(join(temp, "linked-elsewhere"));
    writeFileSync(join(temp, "linked-elsewhere", "y.py"), "");
    const followed = await discover(root, { ...OPTIONS, followSymlinks: true });
    assert.deepEqual(followed.files.map((f) => f.relPath), ["0/y.py", "b/x.py", "c.py", "d/e.py"]);
  });

  it("tells from the directory listings which directories hold an __init__.py, where they can tell", async () => {
    const root = tree("inits", { "pkg/__init__.py": "", "pkg/sub/m.py": "", "pkg/odd/__INIT__.py": "", "pkg/linked/m.py": "" });
    symlinkSync(join(root, "pkg", "__init__.py"), join(root, "pkg", "linked", "__init__.py"));
    const { initFiles } = await discover(root, OPTIONS);
    const at = (dir: string) => initFiles.get(`${join(root, dir).split("\\").join("/")}/__init__.py`);
    assert.equal(at("pkg"), true);
    assert.equal(at("pkg/sub"), false);
    assert.equal(at("."), false);
    // The same file on a file system that ignores case, or wherever a link leads: not told.
    assert.equal(at("pkg/odd"), undefined);
    assert.equal(at("pkg/linked"), undefined);
  });

  it("tells Python files by extension (any case) or, without one, by a Python shebang", async () => {
    const root = tree("kinds", {
      "m.py": "",
      "M.PY": "",
      "w.pyw": "",
      "w.PyW": "",
      "tool": "#!/usr/bin/env python3\nprint(1)\n",
      "tool2": "#!/usr/bin/python3.11 -u\n",
      "script": "#!/bin/sh\necho\n",
      "notes.txt": "#!/usr/bin/env python3\n",
      "a.py.txt": "",
      "pkg.v1/tool": "#!/usr/bin/env python\n",
      "data.pyc": "",
      "x.pyi": "",
    });
    const { files } = await discover(root, OPTIONS);
    const kinds = Object.fromEntries(files.map((f) => [f.relPath, f.kind]));
    assert.deepEqual(kinds, {
      "M.PY": "python",
      "a.py.txt": "other",
      "data.pyc": "other",
      "m.py": "python",
      "notes.txt": "other",
      "pkg.v1/tool": "python",
      "script": "other",
      "tool": "python",
      "tool2": "python",
      "w.PyW": "python",
      "w.pyw": "python",
      "x.pyi": "other",
    });
  });
  it("walks a build, dist or env directory that holds an __init__.py: a package by that name is source", async () => {
    // mmengine keeps its distributed helpers (pickle.loads of gathered tensors) in mmengine/dist/.
    const root = tree("package-names", {
      "mmengine/dist/__init__.py": "", "mmengine/dist/dist.py": "", "rl/env/__init__.py": "", "rl/env/wrappers.py": "",
      "build/lib/pkg/m.py": "", "dist/pkg-1.0/setup.py": "", "venv/lib/site.py": "", "env/bin/activate.py": "",
    });
    const { files } = await discover(root, OPTIONS);
    assert.deepEqual(files.map((f) => f.relPath), ["mmengine/dist/__init__.py", "mmengine/dist/dist.py", "rl/env/__init__.py", "rl/env/wrappers.py"]);
    assert.equal(isExcludedFromDiscovery(root, join(root, "mmengine/dist/dist.py"), OPTIONS), false);
    assert.equal(isExcludedFromDiscovery(root, join(root, "build/lib/pkg/m.py"), OPTIONS), true);
  });
});
