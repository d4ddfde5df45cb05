/**
 * The dotted module name of a file relative to the scan root, for resolving relative imports:
 * `pkg/sub/mod.py` -> `pkg.sub.mod`, `pkg/__init__.py` -> `pkg.__init__` (so `from . import x` stays in `pkg`).
 * Leading path segments that are not identifiers (`src`, `my-project`) are dropped.
 */
export function moduleNameOf(relPath: string): string {
  const parts = relPath.replace(/\.pyw?$/i, "").split("/");
  let start = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(parts[i])) {
      start = i + 1;
      break;
    }
  }
  return parts.slice(start).join(".");
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Module names from the package layout on disk, whatever the scan root: a file's package is every directory above
 * it that holds an `__init__.py`, so `repo/src/pkg/sub/mod.py` is `pkg.sub.mod` whether the scan starts at `repo`,
 * its parent, or `pkg`. A directory without `__init__.py` directly under `src/` is a namespace package
 * (`src/ns/pkg/mod.py` is `ns.pkg.mod`). Only the existence of `__init__.py` files is checked, once per directory.
 * Packages are `pkg.__init__` (so that `from . import x` stays in `pkg`).
 */
export class PackageLayout {
  private readonly hasInit = new Map<string, boolean>();

  constructor(private readonly exists: (path: string) => boolean) {}

  moduleName(absPath: string): string {
    const slash = absPath.replace(/\\/g, "/");
    const parts = slash.split("/");
    const file = parts.pop()!.replace(/\.pyw?$/i, "");
    if (!IDENTIFIER.test(file)) return "";
    const names = [file];
    while (parts.length > 1) {
      const dir = parts.join("/");
      const name = parts[parts.length - 1];
      if (!IDENTIFIER.test(name)) break;
      const isPackage = this.initIn(dir) || (parts[parts.length - 2] === "src" && this.hasSubpackage(dir, names));
      if (!isPackage) break;
      names.unshift(name);
      parts.pop();
    }
    return names.join(".");
  }

  private initIn(dir: string): boolean {
    let known = this.hasInit.get(dir);
    if (known === undefined) this.hasInit.set(dir, (known = this.exists(`${dir}/__init__.py`)));
    return known;
  }

  /** A namespace directory under `src/` counts when the module below it is in a regular package. */
  private hasSubpackage(dir: string, below: string[]): boolean {
    return below.length > 1 && this.initIn(`${dir}/${below[0]}`);
  }
}
