// Module names from the package layout (src/project/module-name.ts). `PackageLayout` walks each directory once and
// reuses its package for every file in it; it must name every file as the walk per file (kept below as the
// reference) does, on any layout: packages, `src/` layouts and namespace directories, names that are not
// identifiers, Windows separators.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { PackageLayout } from "../src/project/module-name.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The walk per file that PackageLayout replaced, as it was. */
function referenceModuleName(absPath: string, exists: (path: string) => boolean): string {
  const parts = absPath.replace(/\\/g, "/").split("/");
  const file = parts.pop()!.replace(/\.pyw?$/i, "");
  if (!IDENTIFIER.test(file)) return "";
  const names = [file];
  while (parts.length > 1) {
    const dir = parts.join("/");
    const name = parts[parts.length - 1];
    if (!IDENTIFIER.test(name)) break;
    const isPackage = exists(`${dir}/__init__.py`) || (parts[parts.length - 2] === "src" && names.length > 1 && exists(`${dir}/${names[0]}/__init__.py`));
    if (!isPackage) break;
    names.unshift(name);
    parts.pop();
  }
  return names.join(".");
}

describe("PackageLayout", () => {
  it("names modules by their packages, src/ layouts and namespace directories", () => {
    const inits = new Set(["/r/src/ns/pkg/__init__.py", "/r/pkg/__init__.py", "/r/pkg/sub/__init__.py", "/r/my-app/pkg/__init__.py"]);
    const layout = new PackageLayout((p) => inits.has(p));
    assert.equal(layout.moduleName("/r/pkg/sub/mod.py"), "pkg.sub.mod");
    assert.equal(layout.moduleName("/r/pkg/sub/__init__.py"), "pkg.sub.__init__");
    assert.equal(layout.moduleName("/r/pkg/other.pyw"), "pkg.other");
    assert.equal(layout.moduleName("/r/src/ns/pkg/mod.py"), "ns.pkg.mod");
    // A namespace directory counts only above a regular package: a module directly in it is top-level.
    assert.equal(layout.moduleName("/r/src/ns/loose.py"), "loose");
    assert.equal(layout.moduleName("/r/my-app/pkg/mod.py"), "pkg.mod");
    assert.equal(layout.moduleName("/r/pkg/not-a-name.py"), "");
    assert.equal(layout.moduleName("C:\\r\\pkg\\sub\\mod.py"), "mod");
    assert.equal(layout.moduleName("mod.py"), "mod");
  });

  it("gives the per-file walk's name for every file of random layouts, asked in any order", () => {
    const segment = fc.constantFrom("src", "pkg", "sub", "ns", "a", "my-app", "1x", "_p", "lib");
    const path = fc.array(segment, { minLength: 0, maxLength: 5 }).chain((dirs) =>
      fc.constantFrom("mod.py", "__init__.py", "M.PY", "x.pyw", "bad-name.py", "s.txt").map((file) => ["", "r", ...dirs, file].join("/")),
    );
    fc.assert(
      fc.property(fc.array(path, { minLength: 1, maxLength: 40 }), fc.array(path, { maxLength: 40 }), (asked, initFiles) => {
        const inits = new Set(initFiles.map((p) => p.replace(/[^/]*$/, "__init__.py")));
        const exists = (p: string) => inits.has(p);
        const layout = new PackageLayout(exists);
        for (const p of asked) assert.equal(layout.moduleName(p), referenceModuleName(p, exists), p);
      }),
      { numRuns: 500 },
    );
  });
});
