import { readdirSync } from "node:fs";
import { join } from "node:path";

/** The paths of the `.py` files under `dir`, at any depth, in directory-listing order. */
export function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pythonFiles(path, out);
    else if (entry.name.endsWith(".py")) out.push(path);
  }
  return out;
}
