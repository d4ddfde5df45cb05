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
