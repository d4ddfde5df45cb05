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
  /** Per directory, the dotted package its modules are in ("" for none), with a trailing dot. */
  private readonly packageOf = new Map<string, string>();

  constructor(private readonly exists: (path: string) => boolean) {}

  moduleName(absPath: string): string {
    const slash = absPath.replace(/\\/g, "/");
    const cut = slash.lastIndexOf("/");
    const file = slash.slice(cut + 1).replace(/\.pyw?$/i, "");
    if (!IDENTIFIER.test(file)) return "";
    return cut < 0 ? file : this.packageIn(slash.slice(0, cut)) + file;
  }

  /**
   * The package of the modules in `dir` (slash-separated): every directory up from it that is a package, as
   * `moduleName` walks them. A scan asks for thousands of files in a few hundred directories: each is walked once.
   */
  private packageIn(dir: string): string {
    let known = this.packageOf.get(dir);
    if (known !== undefined) return known;
    const parts = dir.split("/");
    const names: string[] = [];
    // The name below the directory being looked at: a namespace directory under `src/` needs a package there.
    let below: string | undefined;
    while (parts.length > 1) {
      const at = parts.join("/");
      const name = parts[parts.length - 1];
      if (!IDENTIFIER.test(name)) break;
      const isPackage = this.initIn(at) || (parts[parts.length - 2] === "src" && below !== undefined && this.initIn(`${at}/${below}`));
      if (!isPackage) break;
      names.unshift(name);
      below = name;
      parts.pop();
    }
    known = names.length ? `${names.join(".")}.` : "";
    this.packageOf.set(dir, known);
    return known;
  }

  private initIn(dir: string): boolean {
    let known = this.hasInit.get(dir);
    if (known === undefined) this.hasInit.set(dir, (known = this.exists(`${dir}/__init__.py`)));
    return known;
  }
}
